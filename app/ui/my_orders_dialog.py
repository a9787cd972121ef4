"""The ordering physician's own orders and the patients' decisions; and the notice of a refusal.

A repeat the physician ordered waits for the patient, whom a nurse asks, often elsewhere and
later. "My orders" lists each such order: the patient, the items, whether the patient
consented, refused or has not been asked yet, who recorded it and when. A refusal
withdraws tests the physician judged necessary, so it also comes to them unasked:
`RefusalNotice` looks after sign-in and every few minutes (`Workstation.unseen_refusals`),
and shows the refusals they have not seen yet, once.

Both read through the workstation on the parallel lane, and drop an answer that arrives
after another user signed in: it names someone else's patients.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import CatalogueItem
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

    ORDERED, NUMBER, PATIENT, ITEMS, DECISION, RECORDED_BY, RECORDED_AT = range(7)

    def __init__(self, station: Workstation, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myOrdersDialog")
        self.station, self.runner = station, runner
        self.mine = MyOrders([])
        self.loading = False
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 7)
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
        self.refresh_button = QPushButton()
        self.close_button = QPushButton()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.refresh_button)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button.clicked.connect(self.accept)
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
            self.tr("Decision"), self.tr("Recorded by"), self.tr("Recorded at")])
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
        refused = len(mine.refusals)
        words = [self.tr("{n} orders; refused: {refused}.").format(n=len(mine.outcomes), refused=refused)
                 if mine.outcomes else self.tr("No orders awaiting or decided in these days.")]
        if mine.incomplete:
            words.append(self.tr("The list may be incomplete: {sources} did not answer in full.").format(
                sources=self.tr(", ").join(mine.incomplete)))
        self.status.setText(" ".join(words))

    def _cells(self, outcome: OrderOutcome) -> list[str]:
        order = outcome.order
        by = outcome.recorded_by
        names = self.tr(", ").join(decision_name(d, _catalogue(self.station)) for d in outcome.items)
        return [_when(order.created_at), order.number, order.patient_name, names,
                state_text(outcome.state), by.name if by else "", _when(outcome.recorded_at)]


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
