"""The nurse's list of orders waiting for the patient's consent, and recording it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import CatalogueItem
from app.domain.repeat_orders import Order, OrderError
from app.services.changes import Changes
from app.services.ordering.desk import Worklist
from app.services.workstation import Workstation
from app.ui.consent_identity import identity_line
from app.ui.item_names import decision_name
from app.ui.tasks import TaskRunner

OrderRole = Qt.ItemDataRole.UserRole + 1


class ConsentWorklistDialog(QDialog):
    #: A consent or refusal was kept (emitted when its write is done, with what it changed).
    changed = Signal(object)

    def __init__(self, station: Workstation, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station, self.runner = station, runner
        self.resize(760, 420)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.orders = QListWidget()
        self.orders.setObjectName("consentWorklist")
        self.incomplete = QLabel()
        self.incomplete.setObjectName("worklistIncomplete")
        self.incomplete.setStyleSheet("color: #b45309")
        self.incomplete.setWordWrap(True)
        self.record_button = QPushButton()
        self.close_button = QPushButton()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.orders, 1)
        layout.addWidget(self.incomplete)
        self.kept = QLabel()   # what was just recorded: the list never empties without a word
        self.kept.setObjectName("worklistKept")
        self.kept.setWordWrap(True)
        layout.addWidget(self.kept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.record_button)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.record_button.clicked.connect(self.record_selected)
        self.orders.itemActivated.connect(lambda _item: self.record_selected())
        self.close_button.clicked.connect(self.reject)
        self._worklist = Worklist([])
        self.retranslateUi()
        self.refresh()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Awaiting consent"))
        self.intro.setText(self.tr("Repeat tests the physicians of your hospital ordered. Explain each repeat to the "
                                   "patient or family, then record their consent or refusal."))
        self.record_button.setText(self.tr("Record consent…"))
        self.close_button.setText(self.tr("Close"))
        self._show(self._worklist)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def refresh(self) -> None:
        """This workstation's list at once; the department's from the platform when it answers."""
        self._show(self.station.waiting_here())
        self.runner.submit(self.station.fetch_waiting, on_done=self._show)

    def _show(self, worklist: Worklist) -> None:
        self._worklist = worklist
        orders = worklist.orders
        self.incomplete.setText(self.tr(
            "The list may be incomplete: {sources} did not give all waiting orders.").format(
            sources="、".join(worklist.incomplete)) if worklist.incomplete else "")
        self.incomplete.setVisible(bool(worklist.incomplete))
        current = self.orders.currentItem().data(OrderRole).id if self.orders.currentItem() else None
        self.orders.clear()
        catalogue = self._catalogue_items()
        for order in orders:
            items = self.tr(", ").join(decision_name(d, catalogue) for d in order.repeats)
            # Two identifiers, never the name alone: the department's list may hold two 张伟.
            text = self.tr("{identity}\n{items}: ordered by {doctor}, {when} · order no. {number}").format(
                identity=identity_line(order), items=items, doctor=order.requester.name,
                when=order.created_at.strftime("%Y-%m-%d %H:%M"), number=order.number)
            item = QListWidgetItem(text)
            item.setData(OrderRole, order)
            self.orders.addItem(item)
            if order.id == current:
                self.orders.setCurrentItem(item)
        if self.orders.count() and self.orders.currentItem() is None:
            self.orders.setCurrentRow(0)
        self.record_button.setEnabled(self.orders.count() > 0)

    def _catalogue_items(self) -> dict[str, CatalogueItem] | None:
        """The catalogue's items as fetched so far (never waits: None before the first fetch)."""
        loaded = self.station.workspace.loaded_catalogue_if_any()
        return dict(loaded.catalogue.items) if loaded else None

    def record_selected(self) -> Order | None:
        """Open the consent dialog for the chosen order; returns the finished order, if recorded."""
        item = self.orders.currentItem()
        nurse = self.station.user
        if item is None or nurse is None:
            return None
        order = item.data(OrderRole)  # the list may be refilled while the dialog runs
        from app.ui.consent_dialog import ConsentDialog

        dialog = ConsentDialog(order, nurse, self.station.workspace.now, self,
                               methods=self.station.desk.consent_methods, items=self._catalogue_items())
        self.open_consent_dialog = dialog  # reachable while it runs (tests drive it)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        consent = dialog.consent()
        if consent is None:
            return None
        try:
            done = self.station.consent_given(order, consent)
        except OrderError as e:
            QMessageBox.warning(self, self.tr("Consent not recorded"), str(e))
            return None
        self.runner.write(self.station.record_consent, done, on_done=self._kept, on_error=self._not_kept)
        return done

    def _kept(self, changes: Changes) -> None:
        order = changes.order
        if order is not None and order.consent is not None:
            decided = [d for code in order.consent.items for d in order.decisions if d.item_code == code]
            names = self.tr(", ").join(decision_name(d, self._catalogue_items()) for d in decided)
            self.kept.setText(self.tr("{patient}: consent recorded; the repeat of {items} is ordered.").format(
                patient=order.patient_name, items=names) if order.consent.consented else self.tr(
                "{patient}: refusal recorded. The repeat of {items} is withdrawn and the prior results are "
                "recognized; {doctor} will be told.").format(patient=order.patient_name, items=names,
                                                            doctor=order.requester.name))
        self.refresh()
        self.changed.emit(changes)

    def _not_kept(self, error: BaseException) -> None:
        QMessageBox.critical(self, self.tr("Consent not recorded"), self.tr(
            "The consent could not be saved on this computer ({error}). Record it again.").format(error=error))
        self.refresh()
