"""The supervisor's review queue (事后监管) and the ordering doctor's feedback list.

`ReviewDialog` lists the repeats of a period that the site's rules flag
(`Workstation.review_queue`, on the parallel lane): the patient's prior result it did not
recognize, the reason and the doctor's words, the consent, and why it was flagged. The
supervisor marks the selected one reasonable or unreasonable (a comment is needed for
unreasonable: the doctor reads it); the verdict is written on the serial lane
(`Workstation.record_verdict`, which checks who may) and sent once through the outbox.

`FeedbackDialog` shows a physician the verdicts on their own repeats
(`Workstation.review_feedback`). Neither is wired into the main window here.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.recognition_stats import Decision
from app.domain.review_rules import ConsentState, ReviewVerdict, Rule, Verdict
from app.services.changes import Changes
from app.services.review import Feedback, ReviewItem, ReviewQueue
from app.services.workstation import Workstation
from app.ui.item_names import item_name
from app.ui.repeat_reason_text import reason_name
from app.ui.result_flags import flag_symbol
from app.ui.tasks import TaskRunner


def rule_text(rule: Rule) -> str:
    t = QCoreApplication.translate
    return {
        Rule.REASON: t("ReviewRule", "Reason needs review"),
        Rule.SAME_ITEM: t("ReviewRule", "Same item repeated recently at this hospital"),
        Rule.DOCTOR_RATE: t("ReviewRule", "Doctor's repeat rate above threshold"),
        Rule.DEPARTMENT_RATE: t("ReviewRule", "Department's repeat rate above threshold"),
        Rule.CONSENT: t("ReviewRule", "Consent missing or refused"),
    }[rule]


def consent_text(state: ConsentState) -> str:
    t = QCoreApplication.translate
    return {ConsentState.GIVEN: t("ReviewRule", "Consented"), ConsentState.REFUSED: t("ReviewRule", "Refused"),
            ConsentState.MISSING: t("ReviewRule", "No consent on record")}[state]


def verdict_text(verdict: Verdict) -> str:
    t = QCoreApplication.translate
    return {Verdict.REASONABLE: t("ReviewRule", "Reasonable"),
            Verdict.UNREASONABLE: t("ReviewRule", "Unreasonable")}[verdict]


def _cells(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))


def _table(columns: int, name: str) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _item(station: Workstation, d: Decision) -> str:
    """The item in the reader's language (the record keeps the Chinese name it was ordered under)."""
    catalogue = station.catalogue_at_hand()
    item = catalogue.items.get(d.item_code) if catalogue is not None else None
    return item_name(item) if item is not None else d.item_name or d.item_code


class ReviewDialog(QDialog):
    """The supervisor's queue of flagged repeats of `start`..`end`, and the verdict on the selected one."""

    WHEN, DOCTOR, ITEM, PRIOR, REASON, CONSENT, FLAGGED, VERDICT = range(8)

    #: A verdict was queued (emitted when its write is done, with what it changed).
    changed = Signal(object)

    def __init__(self, station: Workstation, runner: TaskRunner, start: date, end: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.station, self.runner, self.start, self.end = station, runner, start, end
        self.queue = ReviewQueue(start, end, ())
        self.waiting: set[str] = set()
        self.given: dict[str, tuple[Verdict, str]] = {}   # verdicts given here, until the platform has them
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = _table(8, "reviewQueue")
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("reviewComment")
        self.comment.setMaximumHeight(70)
        self.status = QLabel()
        self.status.setObjectName("reviewStatus")
        self.status.setWordWrap(True)
        self.reasonable = QPushButton()
        self.reasonable.setObjectName("markReasonable")
        self.unreasonable = QPushButton()
        self.unreasonable.setObjectName("markUnreasonable")
        self.refresh_button = QPushButton()
        self.close_button = QPushButton()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        self.comment_label = QLabel()
        layout.addWidget(self.comment_label)
        layout.addWidget(self.comment)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        for b in (self.reasonable, self.unreasonable, self.refresh_button, self.close_button):
            row.addWidget(b)
        layout.addLayout(row)
        self.reasonable.clicked.connect(lambda: self.mark(Verdict.REASONABLE))
        self.unreasonable.clicked.connect(lambda: self.mark(Verdict.UNREASONABLE))
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.retranslateUi()
        self.resize(1180, 560)
        self.refresh()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Review of repeats"))
        self.intro.setText(self.tr(
            "Repeats from {start} to {end} that this hospital's review rules flag. Mark each reasonable or "
            "unreasonable; the ordering doctor sees your verdict and comment.").format(
            start=self.start.isoformat(), end=self.end.isoformat()))
        self.table.setHorizontalHeaderLabels([
            self.tr("Ordered"), self.tr("Doctor"), self.tr("Item"), self.tr("Prior result"), self.tr("Reason"),
            self.tr("Consent"), self.tr("Flagged for"), self.tr("Verdict")])
        self.comment_label.setText(self.tr("Comment (required for unreasonable):"))
        self.reasonable.setText(self.tr("Reasonable"))
        self.unreasonable.setText(self.tr("Unreasonable"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.close_button.setText(self.tr("Close"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def refresh(self) -> None:
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Reading the repeats…"))
        self.runner.submit(self.station.review_queue, self.start, self.end, on_done=self._loaded,
                           on_error=self._failed)

    def _loaded(self, queue: ReviewQueue) -> None:
        self.queue = queue
        self.waiting = self.station.verdicts_waiting(queue.items)
        self.refresh_button.setEnabled(True)
        self.status.setText(self.tr("{count} flagged, {open} without a verdict.").format(
            count=len(queue.items), open=len([i for i in queue.open if i.decision.record not in self.waiting])))
        self._show()

    def _failed(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(self.tr("The repeats could not be read: {error}").format(error=error))

    def _verdict_cell(self, item: ReviewItem) -> str:
        record = item.decision.record
        given = (item.verdict.verdict, item.verdict.comment) if item.verdict is not None else self.given.get(record)
        if given is None:
            return self.tr("Given, not sent yet") if record in self.waiting else ""
        text = verdict_text(given[0]) + (f": {given[1]}" if given[1] else "")
        return self.tr("{verdict} (not sent yet)").format(verdict=text) if item.verdict is None else text

    def _prior_cell(self, item: ReviewItem) -> str:
        """The prior result as its report gave it (value, unit, flag, day); its reference when it was not read."""
        p = item.prior
        if p is None:
            return item.decision.prior or self.tr("none")
        value = " ".join(part for part in (p.display_value(), p.unit, flag_symbol(p.flag)) if part)
        return f"{value} ({p.effective.date().isoformat()})" if p.effective else value

    def _show(self) -> None:
        rows = []
        for item in self.queue.items:
            d = item.decision
            reason = reason_name(d.reason) if d.reason else ""
            rows.append([d.when.strftime("%Y-%m-%d %H:%M"), f"{d.doctor} ({d.department})", _item(self.station, d),
                         self._prior_cell(item), f"{reason}: {d.note}" if d.note else reason,
                         consent_text(item.flag.consent), "; ".join(rule_text(r) for r in item.flag.rules),
                         self._verdict_cell(item)])
        _cells(self.table, rows)
        self._update_buttons()

    def selected(self) -> ReviewItem | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.queue.items[rows[0].row()] if rows and rows[0].row() < len(self.queue.items) else None

    def _update_buttons(self) -> None:
        item = self.selected()
        open_ = item is not None and item.verdict is None and item.decision.record not in self.waiting
        self.reasonable.setEnabled(open_)
        self.unreasonable.setEnabled(open_)

    def mark(self, verdict: Verdict) -> None:
        """Queue the verdict on the selected repeat (the serial lane); the workstation checks who may."""
        item = self.selected()
        if item is None:
            return
        comment = self.comment.toPlainText().strip()
        if verdict is Verdict.UNREASONABLE and not comment:
            self.status.setText(self.tr("Say in the comment why the repeat was unreasonable."))
            self.comment.setFocus()
            return
        self.reasonable.setEnabled(False)
        self.unreasonable.setEnabled(False)
        self.runner.write(self.station.record_verdict, item, verdict, comment,
                          on_done=lambda changes: self._recorded(item, verdict, comment, changes),
                          on_error=self._refused)

    def _recorded(self, item: ReviewItem, verdict: Verdict, comment: str, changes: Changes) -> None:
        self.waiting.add(item.decision.record)
        self.given[item.decision.record] = (verdict, comment)
        self.comment.clear()
        self.status.setText(self.tr("Verdict recorded; it is sent to the platform."))
        self._show()
        self.changed.emit(changes)

    def _refused(self, error: BaseException) -> None:
        self.status.setText(self.tr("The verdict was not recorded: {error}").format(error=error))
        self._update_buttons()


class FeedbackDialog(QDialog):
    """The signed-in physician's repeats of `start`..`end` that a supervisor judged."""

    COMMENT = 4   # the supervisor's words: the column that takes the width

    def __init__(self, station: Workstation, runner: TaskRunner, start: date, end: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackDialog")
        self.station, self.runner, self.start, self.end = station, runner, start, end
        self.feedback = Feedback(())
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = _table(7, "reviewFeedback")
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(self.COMMENT, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.close_button = QPushButton()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.close_button.clicked.connect(self.accept)
        self.retranslateUi()
        self.resize(980, 420)
        self.status.setText(self.tr("Reading the verdicts…"))
        self.runner.submit(self.station.review_feedback, start, end, on_done=self._loaded, on_error=self._failed)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Review of my repeats"))
        self.intro.setText(self.tr("The supervisor's verdicts on your repeats from {start} to {end}.").format(
            start=self.start.isoformat(), end=self.end.isoformat()))
        self.table.setHorizontalHeaderLabels([
            self.tr("Ordered"), self.tr("Item"), self.tr("Your reason"), self.tr("Verdict"), self.tr("Comment"),
            self.tr("Reviewed by"), self.tr("Reviewed at")])
        self.close_button.setText(self.tr("Close"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def _loaded(self, feedback: Feedback) -> None:
        self.feedback = feedback
        self.status.setText(self.tr("Verdicts: {count}").format(count=len(feedback.items)))
        self._show()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("The verdicts could not be read: {error}").format(error=error))

    def _show(self) -> None:
        rows = []
        for d, v in self.feedback.items:
            reason = reason_name(d.reason) if d.reason else ""
            rows.append([d.when.strftime("%Y-%m-%d %H:%M"), _item(self.station, d),
                         f"{reason}: {d.note}" if d.note else reason, verdict_text(v.verdict), v.comment,
                         v.reviewer or v.reviewer_id, v.at.strftime("%Y-%m-%d %H:%M")])
        _cells(self.table, rows)

    def verdicts(self) -> list[ReviewVerdict]:
        return [v for _, v in self.feedback.items]
