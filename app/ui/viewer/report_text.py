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
from app.ui.viewer.open_study import StudyContext

# Recognized by the platform: green; anything else (reference only, unknown): grey.
BADGE_COLOURS = {True: "#1b7f3b", False: "#6b7280", None: "#6b7280"}


def _paragraphs(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def study_report_html(context: StudyContext, prior: bool) -> str:
    """One study's part: the prior is headed as such, so the doctor never mistakes whose report it is."""
    c = context
    heading = QCoreApplication.translate("ViewerWindow", "Prior study") if prior \
        else QCoreApplication.translate("ViewerWindow", "This study")
    colour = BADGE_COLOURS[c.recognized]
    badge = f'<span style="background:{colour};color:white;padding:1px 6px;">{html.escape(c.badge)}</span>' \
        if c.badge else ""
    where = " · ".join(x for x in (c.hospital, c.date) if x)
    lines = [f"<h3>{html.escape(heading)}</h3>", f"<b>{html.escape(c.title)}</b>"]
    if c.patient:
        lines.append(f"<br>{html.escape(c.patient)} {html.escape(c.patient_id)}")
    if where:
        lines.append(f"<br>{html.escape(where)}")
    if badge or c.badge_reason:
        lines.append(f"<p>{badge} {html.escape(c.badge_reason)}</p>")
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
            status=c.report_status)
        lines.append(f"<p style='color:#c77700'>{html.escape(not_final)}</p>")
    return "".join(lines)


def report_html(contexts: Sequence[StudyContext]) -> str:
    """The whole panel: this study first, then the prior opened beside it, if any."""
    return "<hr>".join(study_report_html(c, prior=i > 0) for i, c in enumerate(contexts))
