"""The imaging report beside the images, as HTML: each open study's heading, badge, findings and impression.

Kept out of the window so that what the doctor reads is a plain function of the studies'
contexts. The words keep the translation context "ViewerWindow" they had when the window
wrote them itself, so the catalogues still hold their translations.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from app.domain.models import FINAL_STATUSES
from app.ui import verdict_text
from app.ui.badge import LOOKS, BadgeLook
from app.ui.status_text import status_text
from app.ui.viewer.open_study import StudyContext

# Recognized by the platform: the badge's green; anything else (reference only, unknown): a grey dark
# enough for white text (rich text has no outlines, so the pale pill of the tables would vanish here).
_GREY = BadgeLook("#5f6670", "#ffffff", "#5f6670", "#5f6670")   # 5.8:1
BADGE_LOOKS = {True: LOOKS["all"], False: _GREY, None: _GREY}


def _paragraphs(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def study_report_html(context: StudyContext, prior: bool) -> str:
    """One study's part: the prior is headed as such, so the doctor never mistakes whose report it is."""
    c = context
    heading = QCoreApplication.translate("ViewerWindow", "Prior study") if prior \
        else QCoreApplication.translate("ViewerWindow", "This study")
    look = BADGE_LOOKS[c.recognized]
    # worded now from the verdict when there is one: a language switch rewords the open panel too
    badge_text = verdict_text.badge_text(c.verdict) if c.verdict else c.badge
    reason = verdict_text.reason_text(c.verdict) if c.verdict else c.badge_reason
    badge = f'<span style="background:{look.fill};color:{look.ink};">&nbsp;{html.escape(badge_text)}&nbsp;</span>' \
        if badge_text else ""
    where = " · ".join(x for x in (c.hospital, c.date) if x)
    lines = [f"<h3>{html.escape(heading)}</h3>", f"<b>{html.escape(c.title)}</b>"]
    if c.patient:
        lines.append(f"<br>{html.escape(c.patient)} {html.escape(c.patient_id)}")
    if where:
        lines.append(f"<br>{html.escape(where)}")
    if badge or reason:
        lines.append(f"<p>{badge} {html.escape(reason)}</p>")
    if c.from_files:
        note = QCoreApplication.translate(
            "ViewerWindow", "Opened from local media: no report or recognition status from the platform.")
        lines.append(f"<p><i>{html.escape(note)}</i></p>")
        return "".join(lines)
    findings = QCoreApplication.translate("ViewerWindow", "Findings")
    impression = QCoreApplication.translate("ViewerWindow", "Impression")
    if c.findings:
        lines.append(f"<p><b>{html.escape(findings)}</b><br>{_paragraphs(c.findings)}</p>")
    if c.conclusion:
        lines.append(f"<p><b>{html.escape(impression)}</b><br>{_paragraphs(c.conclusion)}</p>")
    if not c.findings and not c.conclusion:
        no_report = QCoreApplication.translate("ViewerWindow", "No imaging report")
        lines.append(f"<p><i>{html.escape(no_report)}</i></p>")
    elif c.report_status and c.report_status not in FINAL_STATUSES:
        not_final = QCoreApplication.translate("ViewerWindow", "Report not final ({status})").format(
            status=status_text(c.report_status))
        lines.append(f"<p style='color:{LOOKS['some'].on_white}'>{html.escape(not_final)}</p>")
    return "".join(lines)


def report_html(contexts: Sequence[StudyContext]) -> str:
    """The whole panel: this study first, then the prior opened beside it, if any."""
    return "<hr>".join(study_report_html(c, prior=i > 0) for i, c in enumerate(contexts))
