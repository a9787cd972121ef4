"""The consent dialog offers only the ways of consent the site accepts (`[orders] consent_modes`)."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QTimer

from app.config import SiteConfig
from app.domain.repeat_orders import ConsentMethod
from app.services.ordering.desk import OrderDesk, Worklist
from app.ui.consent_dialog import ConsentDialog
from app.ui.consent_worklist_dialog import ConsentWorklistDialog
from app.ui.tasks import TaskRunner
from tests.ui.test_consent_dialog import NOW, NURSE, awaiting_order


def offered(dialog: ConsentDialog) -> list[str]:
    return [b.text() for b in (dialog.drawn_radio, dialog.paper_radio, dialog.verbal_radio)
            if b.isVisibleTo(dialog) and b.isEnabled()]


def test_only_the_paper_form_where_the_site_accepts_only_that(qtbot):
    d = ConsentDialog(awaiting_order(), NURSE, lambda: NOW, methods=(ConsentMethod.PAPER_FORM,))
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    assert offered(d) == ["Signed paper form"]
    assert d.paper_radio.isChecked() and d.method() is ConsentMethod.PAPER_FORM
    assert d.evidence.currentIndex() == d.PAGE_PAPER
    assert "Attach the scan" in d.missing_label.text()


def test_the_first_accepted_method_is_chosen_and_all_are_offered_by_default(qtbot):
    d = ConsentDialog(awaiting_order(), NURSE, lambda: NOW,
                      methods=(ConsentMethod.VERBAL_WITH_WITNESS, ConsentMethod.PAPER_FORM))
    qtbot.addWidget(d)
    d.show()
    assert offered(d) == ["Signed paper form", "Verbal, with witness"]   # the dialog's order, not the file's
    assert d.paper_radio.isChecked()
    everything = ConsentDialog(awaiting_order(), NURSE, lambda: NOW)
    qtbot.addWidget(everything)
    everything.show()
    assert len(offered(everything)) == 3 and everything.drawn_radio.isChecked()


class Desk:
    """As much of an OrderDesk as the worklist needs, with the real accessor for the site's methods."""

    consent_methods = OrderDesk.consent_methods

    def __init__(self, config: SiteConfig) -> None:
        self.workspace = SimpleNamespace(config=config, now=lambda: NOW, loaded_catalogue_if_any=lambda: None)


class Station:
    """As much of a Workstation as the worklist needs: a nurse, one waiting order, the desk above."""

    def __init__(self, config: SiteConfig) -> None:
        self.desk = Desk(config)
        self.workspace = self.desk.workspace
        self.user = NURSE

    def waiting_here(self) -> Worklist:
        return Worklist([awaiting_order()])

    def fetch_waiting(self) -> Worklist:
        return self.waiting_here()


def test_the_worklist_passes_the_sites_consent_modes_to_the_dialog(qtbot):
    station = Station(SiteConfig(sources=(), consent_modes=("paper-form",)))
    assert station.desk.consent_methods == (ConsentMethod.PAPER_FORM,)
    worklist = ConsentWorklistDialog(station, TaskRunner())
    qtbot.addWidget(worklist)
    seen = []

    def look() -> None:
        d = getattr(worklist, "open_consent_dialog", None)
        if d is None or not d.isVisible():
            QTimer.singleShot(20, look)
            return
        seen.append(offered(d))
        d.reject()

    QTimer.singleShot(0, look)
    assert worklist.record_selected() is None   # cancelled
    assert seen == [["Signed paper form"]]
