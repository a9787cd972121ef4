"""A message about a bad file is in one language: the reader's English detail follows only in English.

The platform layer words what is wrong with a DICOM file or a printed report in English (sizes,
transfer syntaxes, parser errors); the viewer and the document pane word the problem in the
interface language, and add that detail only when the interface speaks English.
"""

from __future__ import annotations

import re

import pytest

from app.domain.dicom_instance import DicomReadError, ReadProblem
from app.services.documents import DocumentError, Problem
from app.ui import language
from app.ui.document_view import DocumentView
from app.ui.viewer.read_problem_text import problem_text
from tests.ui.test_language_switch import restore_language  # noqa: F401 - a fixture, used by name

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
DICOM = DicomReadError(ReadProblem.TRUNCATED, "The file ends before its pixel data is complete (12,300 bytes).")
DOCUMENTS = (DocumentError(Problem.UNREADABLE, "the Binary's data is not base64"),
             DocumentError(Problem.UNAVAILABLE, "HTTP 503 Service Unavailable"),
             RuntimeError("connection reset by peer"))


def test_in_english_the_detail_follows(qapp, qtbot, restore_language):  # noqa: F811
    language.apply_language("en", qapp)
    assert problem_text(DICOM).endswith("(12,300 bytes).")
    pane = DocumentView()
    qtbot.addWidget(pane)
    assert [pane.problem_text(e).splitlines()[-1] for e in DOCUMENTS] == [
        "the Binary's data is not base64", "HTTP 503 Service Unavailable", "connection reset by peer"]


@pytest.mark.parametrize("lang", ["zh_CN", "id"])
def test_in_another_language_the_message_is_that_language_only(qapp, qtbot, restore_language, lang):  # noqa: F811
    language.apply_language(lang, qapp)
    text = problem_text(DICOM)
    assert "bytes" not in text and "pixel data" not in text and "\n" not in text
    pane = DocumentView()
    qtbot.addWidget(pane)
    for error in DOCUMENTS:
        message = pane.problem_text(error)
        assert "base64" not in message and "Service Unavailable" not in message and "reset" not in message
        if lang == "zh_CN":
            assert not LATIN_WORD.search(message), message   # not one English word in a Chinese message
