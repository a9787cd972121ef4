"""The supervisor's review dialog records a verdict that the ordering doctor's feedback list then shows."""

from __future__ import annotations

import os

from app.ui.review_dialog import FeedbackDialog, ReviewDialog
from app.ui.tasks import TaskRunner
from tests.services.test_review import DAY, orders, platform, workspace  # noqa: F401 - fixtures

SHOT = os.environ.get("HUREN_REVIEW_SHOT", "")


def test_a_verdict_given_in_the_dialog_reaches_the_doctors_feedback_list(qtbot, platform, orders, tmp_path):  # noqa: F811
    from app.services.workstation import Workstation

    station = Workstation(workspace(platform.fhir_base), folder=tmp_path / "station")
    runner = TaskRunner()
    try:
        station.sign_in(orders["staff"]["高敏"])
        dialog = ReviewDialog(station, runner, DAY, DAY)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.refresh_button.isEnabled() and dialog.table.rowCount() > 0, timeout=20_000)
        records = [i.decision.record for i in dialog.queue.items]
        row = records.index(orders["other"])
        assert dialog.table.item(row, dialog.REASON).text().endswith("外院标本溶血")
        assert dialog.table.item(row, dialog.PRIOR).text() and dialog.table.item(row, dialog.VERDICT).text() == ""
        # The item in the reader's language (the record keeps its Chinese name); the prior's normal flag
        # "N" is no mark, as in the chart.
        item = station.catalogue_at_hand().items[orders["other"].rsplit("/", 1)[1]]
        assert dialog.table.item(row, 2).text() == item.name_en != item.name_zh
        assert not any(dialog.table.item(r, dialog.PRIOR).text().split(" (")[0].endswith(" N")
                       for r in range(dialog.table.rowCount()))
        dialog.table.selectRow(row)
        assert dialog.unreasonable.isEnabled()
        dialog.unreasonable.click()                       # no comment: refused here, nothing written
        assert station.unsent() == 0 and dialog.unreasonable.isEnabled()
        dialog.comment.setPlainText("溶血应先复核原报告")
        with qtbot.waitSignal(dialog.changed, timeout=10_000):
            dialog.unreasonable.click()
        assert not dialog.unreasonable.isEnabled()
        assert dialog.table.item(row, dialog.VERDICT).text() == "Unreasonable: 溶血应先复核原报告 (not sent yet)"
        if SHOT:
            dialog.grab().save(SHOT + "-queue.png")
        station.send_due()
        assert station.unsent() == 0

        station.sign_in(orders["staff"]["陈浩"])
        feedback = FeedbackDialog(station, runner, DAY, DAY)
        qtbot.addWidget(feedback)
        qtbot.waitUntil(lambda: feedback.table.rowCount() == 1, timeout=20_000)
        assert feedback.table.item(0, feedback.COMMENT).text() == "溶血应先复核原报告"
        assert feedback.table.item(0, 2).text().endswith("外院标本溶血")   # what the doctor gave as the reason
        assert [v.reviewer_id for v in feedback.verdicts()] == [orders["staff"]["高敏"].practitioner_id]
        if SHOT:
            feedback.grab().save(SHOT + "-feedback.png")
    finally:
        runner.shutdown()
        station.close()


def test_the_window_offers_the_review_to_supervisors_and_the_feedback_to_physicians(qtbot, make_window,
                                                                                     demo_platform):
    from app.ui.review_dialog import ReviewDialog
    from tests.conftest import ANCHOR
    from tests.ui.conftest import demo_site
    from tests.ui.test_order_flow import drive_modal

    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    qtbot.waitUntil(lambda: window.user_box.count() > 1 and window.identity.current is not None, timeout=15_000)
    tb = window.toolbar
    assert window.identity.current.is_physician
    assert tb.feedback_action.isVisible() and not tb.review_action.isVisible()
    supervisor = next(window.user_box.itemData(i) for i in range(window.user_box.count())
                      if window.user_box.itemData(i).is_supervisor)
    window.switch_user(supervisor.practitioner_id)
    assert tb.review_action.isVisible() and tb.review_action.isEnabled() and not tb.feedback_action.isVisible()
    opened = []

    def steps(dialog):
        opened.append(type(dialog))
        dialog.reject()

    failures = drive_modal(window, steps)
    tb.review_action.trigger()
    assert not failures and opened == [ReviewDialog]
