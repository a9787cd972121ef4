"""The reminder on chart open: other hospitals' results recognizable today, one click from each.

Not a dialog: the doctor came to see the patient, not to dismiss a box. The band sits over the
chart while it is open, names what need not be repeated (item, hospital, date, HR mark, until
when), and a click on a line opens that report or study. What it lists comes from
app.services.reminders, as the CDS Hooks `patient-view` cards do.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from app.services.reminders import RecordReminder, Reminder, by_record
from app.ui.badge import LOOKS
from app.ui.item_names import item_name


class ReminderBand(QFrame):
    report_requested = Signal(object)   # AssessedReport to select in the list
    study_requested = Signal(object)    # AssessedStudy to open in the viewer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBand")
        self.setStyleSheet(f"#reminderBand {{ background: #eef7ee; border: 1px solid {LOOKS['all'].fill}; "
                           "border-radius: 4px; }")
        self.heading = QLabel(self)
        self.heading.setObjectName("reminderHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600;")
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("reminderClose")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide_for_chart)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.lines = QLabel(self)
        self.lines.setObjectName("reminderLines")
        self.lines.setWordWrap(True)
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse |
                                           Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.lines.linkActivated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 6)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.lines)
        self._reminders: list[Reminder] = []
        self.groups: list[RecordReminder] = []
        self._dismissed = False
        self.hide()

    @property
    def reminders(self) -> list[Reminder]:
        return list(self._reminders)

    def set_reminders(self, shown: Sequence[Reminder]) -> None:
        """The open chart's reminders so far (sources answer one by one); none hides the band."""
        self._reminders = list(shown)
        self.groups = by_record(self._reminders)
        self._render()
        self.setVisible(bool(self.groups) and not self._dismissed)

    def clear(self) -> None:
        """Another chart (or none): a band the doctor closed comes back for the next patient."""
        self._dismissed = False
        self.set_reminders([])

    def hide_for_chart(self) -> None:
        self._dismissed = True
        self.hide()

    def open_line(self, index: int) -> None:
        """What a click on line `index` does (also for tests and the keyboard)."""
        group = self.groups[index]
        if group.first.study is not None:
            self.study_requested.emit(group.first.study)
        elif group.first.report is not None:
            self.report_requested.emit(group.first.report)

    def _open(self, link: str) -> None:
        if link.isdigit() and int(link) < len(self.groups):
            self.open_line(int(link))

    def _render(self) -> None:
        items = len(self._reminders)
        self.heading.setText(self.tr(
            "Recognizable here: {n} results from other hospitals, no need to repeat them").format(n=items))
        rows = []
        for i, g in enumerate(self.groups):
            names = "、".join(item_name(item) for item in g.items[:4]) + ("…" if len(g.items) > 4 else "")
            line = self.tr("{hospital} · {date} · {marks} · recognizable until {until}").format(
                hospital=escape(g.hospital), date=f"{g.day:%Y-%m-%d}", marks=escape(" ".join(g.marks)),
                until=f"{g.until:%Y-%m-%d}")
            rows.append(f'<a href="{i}">{escape(g.title)}</a> ({escape(names)}) — {line}')
        self.lines.setText("<br>".join(rows))

    def retranslateUi(self) -> None:
        self.close_button.setToolTip(self.tr("Hide the reminder for this chart"))
        self._render()
