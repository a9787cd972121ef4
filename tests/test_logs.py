"""Log files rotate in the user log dir and never hold patient data."""

from __future__ import annotations

import logging
import logging.handlers

from app.logs import LOG_FILE, configure


def test_urls_and_id_numbers_are_redacted_in_the_file_and_on_stderr(tmp_path, capsys):
    path = configure(tmp_path / "log", verbose=True)
    try:
        logging.getLogger("urllib3.connectionpool").debug(
            'http://x:80 "GET /fhir/Patient?identifier=https://fhir.huren.cn/sid/cn-resident-id|370102196803152710'
            '&name=%E5%BC%A0 HTTP/1.1" 200 512')
        logging.getLogger("huren.ui").warning("opened %s for %s", "chart", "370102196803152710")
        for h in logging.getLogger().handlers:
            h.flush()
        text = path.read_text(encoding="utf-8")
        err = capsys.readouterr().err
    finally:
        for h in list(logging.getLogger().handlers):
            if getattr(h, "_huren", False):
                logging.getLogger().removeHandler(h)
                h.close()
    for out in (text, err):
        assert "370102196803152710" not in out and "identifier=" not in out and "%E5%BC%A0" not in out
    assert "GET /fhir/Patient?…" in text and "370102********0" in text


def test_the_file_rotates_and_verbose_sets_the_level(tmp_path):
    configure(tmp_path / "log", verbose=False)
    try:
        root = logging.getLogger()
        files = [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
        assert len(files) == 1 and files[0].maxBytes > 0 and files[0].backupCount >= 3
        assert files[0].baseFilename.endswith(LOG_FILE) and root.level == logging.INFO
        configure(tmp_path / "log", verbose=True)
        assert root.level == logging.DEBUG
        assert len([h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]) == 1
    finally:
        for h in list(logging.getLogger().handlers):
            if getattr(h, "_huren", False):
                logging.getLogger().removeHandler(h)
                h.close()
        logging.getLogger().setLevel(logging.WARNING)
