"""The ordering physician's own orders and the patients' decisions; and the notice of a refusal.

A repeat the physician ordered waits for the patient, whom a nurse asks, often elsewhere and
later. "My orders" lists each such order: the patient, the items, whether the patient
consented, refused or has not been asked yet, who recorded it and when. A refusal
withdraws tests the physician judged necessary, so it also comes to them unasked:
`RefusalNotice` looks after sign-in and every few minutes (`Workstation.unseen_refusals`),
and shows the refusals they have not seen yet, once.

Both read through the workstation on the parallel lane, and drop an answer that arrives
after another user signed in: it names someone else's patients.

A recognition recorded by mistake is undone here too: "Revoke recognition…" on a decided
order of today asks which recognized item and why (`RevokeDialog`), and the revocation is
written on the serial lane (`Workstation.revoke_recognition`, which checks who and when).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import CatalogueItem
from app.domain.repeat_orders import ItemDecision
from app.services.changes import Changes
from app.services.ordering.outcomes import RECENT_DAYS, MyOrders, OrderOutcome, OutcomeState
from app.services.workstation import Workstation
from app.ui.item_names import decision_name
from app.ui.tasks import TaskRunner

_REFUSED_COLOUR = "#b3261e"
#: How often the notice looks for new refusals while a physician works.
NOTICE_INTERVAL_MS = 5 * 60_000


def _catalogue(station: Workstation) -> Mapping[str, CatalogueItem] | None:
    """The catalogue's items, to name the tests in the screen's language (None before it is fetched)."""
    catalogue = station.catalogue_at_hand()
    return catalogue.items if catalogue else None


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


class MyOrdersDialog(QDialog):
    """The signed-in physician's orders of the last `RECENT_DAYS` days that needed consent."""

    ORDERED, NUMBER, PATIENT, ITEMS, DECISION, RECORDED_BY, RECORDED_AT, RECOGNIZED = range(8)

    #: A revocation was written (emitted when its write is done, with what it changed).
    changed = Signal(object)

    def __init__(self, station: Workstation, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myOrdersDialog")
        self.station, self.runner = station, runner
        self.mine = MyOrders([])
        self.loading = False
        self.revoking = False
        self.done_text = ""   # what the last revocation did: said until the dialog closes
        self.open_revoke_dialog: RevokeDialog | None = None   # reachable while it runs (tests drive it)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("myOrders")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.ITEMS, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel()
        self.status.setObjectName("myOrdersStatus")
        self.status.setWordWrap(True)
        self.revoke_button = QPushButton()
        self.revoke_button.setObjectName("revokeRecognition")
        self.revoke_button.setEnabled(False)
        self.refresh_button = QPushButton()
        self.close_button = QPushButton()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.revoke_button)
        row.addWidget(self.refresh_button)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button.clicked.connect(self.accept)
        self.revoke_button.clicked.connect(self.revoke)
        self.table.itemSelectionChanged.connect(self._update_revoke)
        self.retranslateUi()
        self.resize(1080, 480)
        self.refresh()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("My orders"))
        self.intro.setText(self.tr(
            "Your repeat tests of the last {days} days that needed the patient's consent, and what the patient "
            "decided. A refused repeat was withdrawn: the prior result is recognized instead.").format(
            days=RECENT_DAYS))
        self.table.setHorizontalHeaderLabels([
            self.tr("Ordered"), self.tr("Order no."), self.tr("Patient"), self.tr("Repeated items"),
            self.tr("Decision"), self.tr("Recorded by"), self.tr("Recorded at"), self.tr("Recognized items")])
        self.revoke_button.setText(self.tr("Revoke recognition…"))
        self.revoke_button.setToolTip(self.tr(
            "Undo a recognition recorded by mistake: only on the day of the order, with a reason"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.close_button.setText(self.tr("Close"))
        self._show(self.mine)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Ask the platform (and this workstation) again; the table stays until the answer is in."""
        self.loading = True
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Reading your orders…"))
        self.runner.submit(self.station.my_orders, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, mine: MyOrders) -> None:
        self.loading = False
        self.refresh_button.setEnabled(True)
        user = self.station.user
        if user is None or mine.practitioner_id != user.practitioner_id:
            return   # asked for the previous user
        self._show(mine)
        if mine.refusals:   # seen here: no notice of them any more
            self.station.refusals_shown(o.order.id for o in mine.refusals)

    def _failed(self, error: BaseException) -> None:
        self.loading = False
        self.refresh_button.setEnabled(True)
        self.status.setText(self.tr("Your orders could not be read: {error}").format(error=error))

    def _show(self, mine: MyOrders) -> None:
        chosen = self.selected()
        self.mine = mine
        self.table.setRowCount(len(mine.outcomes))
        for row, outcome in enumerate(mine.outcomes):
            for column, text in enumerate(self._cells(outcome)):
                cell = QTableWidgetItem(text)
                if outcome.state is OutcomeState.REFUSED:
                    cell.setForeground(QBrush(QColor(_REFUSED_COLOUR)))
                    if column == self.DECISION:
                        font = QFont(cell.font())
                        font.setBold(True)
                        cell.setFont(font)
                self.table.setItem(row, column, cell)
        if chosen is not None:   # the same order stays selected across a refresh
            for row, outcome in enumerate(mine.outcomes):
                if outcome.order.id == chosen.order.id:
                    self.table.selectRow(row)
        self._update_revoke()
        refused = len(mine.refusals)
        words = [self.tr("{n} orders; refused: {refused}.").format(n=len(mine.outcomes), refused=refused)
                 if mine.outcomes else self.tr("No orders awaiting or decided in these days.")]
        if self.done_text:
            words.append(self.done_text)
        if mine.incomplete:
            words.append(self.tr("The list may be incomplete: {sources} did not answer in full.").format(
                sources=self.tr(", ").join(mine.incomplete)))
        self.status.setText(" ".join(words))

    def _cells(self, outcome: OrderOutcome) -> list[str]:
        order = outcome.order
        by = outcome.recorded_by
        names = self.tr(", ").join(decision_name(d, _catalogue(self.station)) for d in outcome.items)
        recognized = self.tr(", ").join(
            self.tr("{item} (revoked)").format(item=decision_name(d, _catalogue(self.station)))
            if self.mine.is_revoked(order.id, d.item_code) else decision_name(d, _catalogue(self.station))
            for d in order.recognitions) if outcome.state is not OutcomeState.AWAITING else ""
        return [_when(order.created_at), order.number, order.patient_name, names,
                state_text(outcome.state), by.name if by else "", _when(outcome.recorded_at), recognized]

    # -- revoking a recognition recorded by mistake ------------------------------------------------

    def selected(self) -> OrderOutcome | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.mine.outcomes):
            return None
        return self.mine.outcomes[rows[0].row()]

    def revocable(self, outcome: OrderOutcome | None) -> list[ItemDecision]:
        """The recognized items of a decided order of today (the site's day) not yet revoked.

        The workstation checks again when it writes (who, when); this only keeps the button honest.
        """
        if outcome is None or outcome.state is OutcomeState.AWAITING:
            return []
        tz = self.station.workspace.timezone
        if outcome.order.created_at.astimezone(tz).date() != self.station.workspace.now().astimezone(tz).date():
            return []
        return [d for d in outcome.order.recognitions if not self.mine.is_revoked(outcome.order.id, d.item_code)]

    def _update_revoke(self) -> None:
        self.revoke_button.setEnabled(not self.revoking and bool(self.revocable(self.selected())))

    def revoke(self) -> None:
        """Ask which recognized item and why, then write the revocation on the serial lane."""
        outcome = self.selected()
        items = self.revocable(outcome)
        if outcome is None or not items:
            return
        dialog = RevokeDialog(outcome.order.patient_name,
                              [(d.item_code, decision_name(d, _catalogue(self.station))) for d in items], self)
        self.open_revoke_dialog = dialog
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        finally:
            self.open_revoke_dialog = None
        code, reason = dialog.item_code(), dialog.reason()
        name = next(n for c, n in dialog.items if c == code)
        self.revoking = True
        self._update_revoke()
        self.status.setText(self.tr("Revoking the recognition of {item}…").format(item=name))
        self.runner.write(self.station.revoke_recognition, outcome.order.id, code, reason,
                          on_done=lambda changes: self._revoked(changes, outcome.order.patient_name, name),
                          on_error=self._not_revoked)

    def _revoked(self, changes: Changes, patient: str, item: str) -> None:
        self.revoking = False
        self.done_text = self.tr("{patient}: the recognition of {item} is revoked; the platform will be "
                                 "told.").format(patient=patient, item=item)
        self.changed.emit(changes)
        self.refresh()

    def _not_revoked(self, error: BaseException) -> None:
        self.revoking = False
        self._update_revoke()
        self.status.setText("")
        QMessageBox.warning(self, self.tr("Recognition not revoked"), str(error))


class RevokeDialog(QDialog):
    """Which recognized item to revoke and why: the reason is required (it goes on the platform's record)."""

    def __init__(self, patient: str, items: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revokeDialog")
        self.patient, self.items = patient, items
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.item_box = QComboBox()
        self.item_box.setObjectName("revokeItem")
        for code, name in items:
            self.item_box.addItem(name, code)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("revokeReason")
        self.reason_edit.setMaxLength(200)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.item_label, self.reason_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.item_label, self.item_box)
        form.addRow(self.reason_label, self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._update)
        self.retranslateUi()
        self._update()
        self.resize(460, self.sizeHint().height())

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Revoke recognition"))
        self.explanation.setText(self.tr(
            "{patient}: the recognition is undone on the platform and no longer counts. The record of it stays, "
            "with your reason.").format(patient=self.patient))
        self.item_label.setText(self.tr("Recognized item"))
        self.reason_label.setText(self.tr("Reason"))
        self.reason_edit.setPlaceholderText(self.tr("Why the recognition was a mistake (required)"))
        self.ok_button.setText(self.tr("Revoke"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()))

    def item_code(self) -> str:
        return str(self.item_box.currentData())

    def reason(self) -> str:
        return self.reason_edit.text().strip()


def state_text(state: OutcomeState) -> str:
    return {
        OutcomeState.AWAITING: QCoreApplication.translate("MyOrdersDialog", "Awaiting the patient's decision"),
        OutcomeState.CONSENTED: QCoreApplication.translate("MyOrdersDialog", "Consented"),
        OutcomeState.REFUSED: QCoreApplication.translate("MyOrdersDialog", "Refused"),
    }[state]


class RefusalNotice(QObject):
    """Tells the signed-in physician of refusals they have not been shown: `check()` after sign-in,
    then every `NOTICE_INTERVAL_MS` by itself. A refusal is shown once: acknowledged, it is
    remembered (by order id) and not shown again; "Show my orders" asks for the list."""

    show_orders = Signal()

    def __init__(self, station: Workstation, runner: TaskRunner, parent: QWidget,
                 interval_ms: int = NOTICE_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.station, self.runner, self.window = station, runner, parent
        self.box: QMessageBox | None = None
        self._shown = MyOrders([])
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Look for refusals not yet shown (on the parallel lane); nothing while locked or showing one."""
        if self.box is not None or self.station.locked or self.station.user is None \
                or not self.station.permissions().orders:
            return
        self.runner.submit(self.station.unseen_refusals, on_done=self._show, on_error=lambda _e: None)

    def dismiss(self) -> None:
        """Close the notice without marking it seen (the user signs out or locks): it comes again."""
        if self.box is not None:
            box, self.box = self.box, None
            box.hide()   # not close(): a message box with two buttons and none to escape ignores it
            box.deleteLater()

    def _show(self, unseen: MyOrders) -> None:
        user = self.station.user
        if not unseen.outcomes or self.box is not None or self.station.locked or user is None \
                or unseen.practitioner_id != user.practitioner_id:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "", "", parent=self.window)
        box.setObjectName("refusalNotice")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowModality(Qt.WindowModality.NonModal)   # a notice: the physician goes on working
        show = box.addButton(self.tr("Show my orders"), QMessageBox.ButtonRole.ActionRole)
        show.setObjectName("showMyOrders")
        ok = box.addButton(QMessageBox.StandardButton.Ok)
        box.setDefaultButton(ok)
        box.setEscapeButton(ok)
        ids = [o.order.id for o in unseen.outcomes]
        box.finished.connect(lambda _result: self._answered(box, ids, box.clickedButton() is show))
        self.box, self._shown = box, unseen
        self._word()
        box.installEventFilter(self)   # a language chosen while it is open words it again
        box.show()

    def _word(self) -> None:
        box = self.box
        if box is None:
            return
        box.setWindowTitle(self.tr("A patient refused a repeat"))
        box.setText(self.tr("Patients refused repeat tests you ordered:"))
        box.setInformativeText("\n".join(self.line(o) for o in self._shown.outcomes))
        show = box.findChild(QPushButton, "showMyOrders")
        if show is not None:
            show.setText(self.tr("Show my orders"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self.box and event.type() == QEvent.Type.LanguageChange:
            self._word()
        return super().eventFilter(watched, event)

    def line(self, outcome: OrderOutcome) -> str:
        by = outcome.recorded_by
        names = self.tr(", ").join(decision_name(d, _catalogue(self.station)) for d in outcome.items)
        return self.tr("{patient}: {items}, refused {when} (recorded by {nurse})").format(
            patient=outcome.order.patient_name, items=names,
            when=_when(outcome.recorded_at), nurse=by.name if by else "")

    def _answered(self, box: QMessageBox, order_ids: list[str], show_orders: bool) -> None:
        if self.box is not box:   # dismissed: it comes again
            return
        self.box = None
        box.deleteLater()
        self.station.refusals_shown(order_ids)
        if show_orders:
            self.show_orders.emit()
