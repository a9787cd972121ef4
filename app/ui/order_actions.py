"""The main window's order work: a new order (the dialog checks it, the serial lane writes it), the
consent worklist, and the physician's own orders with the notice of a refusal. What each changed
goes back to the window (`apply`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from app.services.changes import Changes
from app.services.workstation import Workstation
from app.ui.chart_panel import ChartPanel
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:   # made when first needed: the dialogs are not part of the first paint
    from PySide6.QtWidgets import QDialog

    from app.ui.my_orders_dialog import RefusalNotice


class OrderActions(QObject):
    def __init__(self, station: Workstation, runner: TaskRunner, chart: ChartPanel, window: QMainWindow,
                 apply: Callable[[Changes], None]) -> None:
        super().__init__(window)
        self.station, self.runner, self.chart, self.window, self.apply = station, runner, chart, window, apply
        self.open_dialog: QDialog | None = None   # reachable while it runs (tests drive it)
        self._refusal_notice: RefusalNotice | None = None

    @property
    def refusal_notice(self) -> RefusalNotice:
        """Made at the first sign-in (or lock), not before the first paint: nobody is told of a refusal
        before someone has signed in, so its timer has nothing to look for until then."""
        if self._refusal_notice is None:
            from app.ui.my_orders_dialog import RefusalNotice

            self._refusal_notice = RefusalNotice(self.station, self.runner, self.window)
            self._refusal_notice.show_orders.connect(self.open_my_orders)
        return self._refusal_notice

    def stop(self) -> None:
        """The window closes: the notice looks no more."""
        if self._refusal_notice is not None:
            self._refusal_notice.timer.stop()

    def new_order(self) -> None:
        """The order dialog checks the decisions; the order is written on the serial lane after it closes."""
        from PySide6.QtWidgets import QDialog

        from app.ui.order_dialog import OrderDialog

        if self.chart.person is None:
            return
        self.open_dialog = dialog = OrderDialog(self.station, self.chart.person, self.chart.assessed_reports,
                                                self.window, incomplete=self.chart.incomplete_sources)
        if dialog.exec() == QDialog.DialogCode.Accepted and (order := dialog.order()) is not None:
            self.runner.write(self.station.place_order, order, on_done=self._placed, on_error=self._not_placed)

    def _placed(self, changes: Changes) -> None:
        repeats = changes.order is not None and changes.order.repeats
        self.window.statusBar().showMessage(self.tr("Order saved: waiting for the patient's consent") if repeats
                                            else self.tr("Recognition recorded; the patient saves the fee"), 8000)
        self.apply(changes)

    def _not_placed(self, error: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self.window, self.tr("Order not sent"), self.tr(
            "The order could not be saved on this computer ({error}). Nothing was sent; order again.").format(
            error=error))

    def session_changed(self) -> None:
        """A refusal is told to the physician who works here now, never over a lock or to the next user:
        a notice open for the previous user goes (unseen: it comes again to them)."""
        self.refusal_notice.dismiss()
        if not self.station.locked and self.station.user is not None:
            self.refusal_notice.check()

    def open_my_orders(self) -> None:
        """The physician's orders and what became of them (consented, refused, still waiting)."""
        from app.ui.my_orders_dialog import MyOrdersDialog

        self.open_dialog = dialog = MyOrdersDialog(self.station, self.runner, self.window)
        dialog.changed.connect(self.apply)   # a revocation: the status bar's count, sending
        dialog.exec()

    #: How far back the supervisor's queue and a physician's feedback look, by default.
    REVIEW_DAYS = 30

    def open_review(self) -> None:
        """The supervisor's queue of repeats the site's rules flag, over the last REVIEW_DAYS days."""
        from app.ui.review_dialog import ReviewDialog

        end = self.station.workspace.now().date()
        self.open_dialog = dialog = ReviewDialog(self.station, self.runner, end - timedelta(days=self.REVIEW_DAYS),
                                                 end, self.window)
        dialog.changed.connect(self.apply)
        dialog.exec()

    def open_feedback(self) -> None:
        """The supervisor's verdicts on this physician's repeats."""
        from app.ui.review_dialog import FeedbackDialog

        end = self.station.workspace.now().date()
        self.open_dialog = dialog = FeedbackDialog(self.station, self.runner,
                                                   end - timedelta(days=self.REVIEW_DAYS), end, self.window)
        dialog.exec()

    def open_consent_worklist(self) -> None:
        from app.ui.consent_worklist_dialog import ConsentWorklistDialog

        self.open_dialog = dialog = ConsentWorklistDialog(self.station, self.runner, self.window)
        dialog.changed.connect(self.apply)
        dialog.exec()
        self.apply(Changes(worklist=True))
