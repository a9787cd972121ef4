"""Which sources answered, which failed, which are still thinking — one line each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:   # the look-up (and the FHIR client behind it) is imported at the first search, after the paint
    from app.services.lookup import SourceOutcome

#: Colour and mark of each `SourceState`, by its value.
_LOOK = {
    "waiting": ("#6b7280", "…"),
    "ok": ("#1b7f3b", "✓"),
    "partial": ("#b45309", "△"),
    "failed": ("#c62828", "✗"),
    "timed-out": ("#c77700", "⏱"),
    "unreachable": ("#c62828", "✗"),
    "signed-out": ("#c77700", "✗"),
}


class SourceStatusView(QLabel):
    """A rich-text label: cheap, selectable, and its text is what a test reads."""

    def __init__(self, parent: QWidget | None = None, *, inline: bool = False) -> None:
        super().__init__(parent)
        self._inline = inline
        self._outcomes: list[SourceOutcome] = []
        self.setObjectName("sourceStatus")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def set_outcomes(self, outcomes: Sequence[SourceOutcome]) -> None:
        self._outcomes = list(outcomes)
        sep = " &nbsp;·&nbsp; " if self._inline else "<br>"
        self.setText(sep.join(self._line(o) for o in self._outcomes))
        self.setToolTip("\n".join(self.plain_line(o) for o in self._outcomes))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.set_outcomes(self._outcomes)
        super().changeEvent(event)

    def outcomes(self) -> list[SourceOutcome]:
        return list(self._outcomes)

    def plain_line(self, o: SourceOutcome) -> str:
        from app.services.lookup import SourceState

        if o.state is SourceState.WAITING:
            detail = self.tr("waiting for answer")
        elif o.state is SourceState.OK:
            detail = self.tr("{n} found in {s:.1f} s").format(n=o.count, s=o.seconds)
        elif o.state is SourceState.PARTIAL:
            detail = "; ".join([self.tr("incomplete"), *gap_texts(o)])
        elif o.state is SourceState.TIMED_OUT:
            detail = self.tr("no answer in time: {msg}").format(msg=o.message)
        elif o.state is SourceState.UNREACHABLE:
            detail = self.tr("unreachable: {msg}").format(msg=o.message)
        elif o.state is SourceState.SIGNED_OUT:
            detail = self.tr("sign-in needed")
        else:
            detail = self.tr("error: {msg}").format(msg=o.message)
        return f"{_LOOK[o.state.value][1]} {o.label}: {detail}"

    def _line(self, o: SourceOutcome) -> str:
        import html  # with the first answer, not for the first paint

        colour, _ = _LOOK[o.state.value]
        return f'<span style="color:{colour}">{html.escape(self.plain_line(o))}</span>'


def gap_texts(o: SourceOutcome) -> list[str]:
    """What a partial answer lacks, each in words a doctor can act on (the status line, the dashboard)."""
    texts = []
    if o.gaps.truncated:
        texts.append(QCoreApplication.translate(
            "SourceStatusView", "showing {shown} of {total}: the platform gave no further page").format(
            shown=o.gaps.shown, total=o.gaps.total))
    else:
        texts.append(QCoreApplication.translate("SourceStatusView", "{n} found").format(n=o.count))
    if o.gaps.unresolved:
        texts.append(QCoreApplication.translate(
            "SourceStatusView", "{n} linked records could not be fetched").format(n=o.gaps.unresolved))
    if o.skipped:
        texts.append(QCoreApplication.translate(
            "SourceStatusView", "{n} records could not be read").format(n=o.skipped))
    if o.message:
        texts.append(QCoreApplication.translate(
            "SourceStatusView", "part of the answer failed: {msg}").format(msg=o.message))
    return texts


def waiting(sources: Sequence[tuple[str, str]]) -> list[SourceOutcome]:
    from app.services.lookup import SourceOutcome, SourceState

    return [SourceOutcome(name, label, SourceState.WAITING) for name, label in sources]
