"""Images end to end on the demo platform over HTTP: the Images tab, the viewer, compare, names.

The chest CT (300 slices, 512×512) of the showcase patient carries two beads exactly 100 mm
apart on the slice with Instance Number 150 (app/sandbox/demo_images.py).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.windowing import CtPreset, stored_levels
from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID
from app.sandbox.demo_images import MARKER_DISTANCE_MM, MARKER_INSTANCE_NUMBER, MARKER_POINTS_PX
from app.ui.studies_view import StudyListModel
from tests.conftest import ANCHOR

from .conftest import demo_site, open_showcase_chart


def _open_chart(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    open_showcase_chart(qtbot, window)
    return window


def _row(window, description_part: str) -> int:
    model = window.chart.studies.model
    return next(r for r in range(model.rowCount())
                if description_part in model.index(r, StudyListModel.DESCRIPTION).data())


def _open_study(qtbot, window, description_part: str):
    window.chart.tabs.setCurrentWidget(window.chart.studies)
    row = _row(window, description_part)
    window.chart.studies.table.selectRow(row)
    qtbot.mouseClick(window.chart.studies.open_button, Qt.MouseButton.LeftButton)
    viewer = window.viewer
    qtbot.waitUntil(lambda: viewer.pane_a.current is not None, timeout=20_000)
    return viewer


@pytest.fixture
def chart_window(qtbot, make_window, demo_platform):
    window = _open_chart(qtbot, make_window, demo_platform)
    yield window
    if window.viewer is not None:
        window.viewer.close()


def test_images_tab_lists_studies_with_badges_reasons_and_thumbnails(qtbot, chart_window):
    model = chart_window.chart.studies.model
    tabs = chart_window.chart.tabs
    assert tabs.tabText(tabs.indexOf(chart_window.chart.studies)) == f"Images ({model.rowCount()})"
    assert model.rowCount() >= 6
    dates = [model.index(r, StudyListModel.DATE).data() for r in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    rows = {model.index(r, StudyListModel.DESCRIPTION).data(): r for r in range(model.rowCount())}
    texts = {d: (model.index(r, StudyListModel.BADGE).data(), model.index(r, StudyListModel.WHY).data())
             for d, r in rows.items()}
    assert any("HR" in badge for badge, _ in texts.values()), texts
    assert any("days old, window 90" in why for _, why in texts.values()), texts      # the prior CT
    assert any("not final" in why for _, why in texts.values()), texts               # preliminary MR report
    ct = model.study(_row(chart_window, "胸部CT"))
    assert ct.study.instance_count >= 300 and "CHEST" in ct.study.body_parts
    qtbot.waitUntil(lambda: model.has_thumbnail(ct.study.uid), timeout=10_000)
    assert model.index(_row(chart_window, "胸部CT"), StudyListModel.THUMB).data(Qt.ItemDataRole.DecorationRole)


def test_ct_study_scroll_preset_measure_and_overlays(qtbot, chart_window):
    viewer = _open_study(qtbot, chart_window, "胸部CT")
    pane = viewer.pane_a
    qtbot.waitUntil(lambda: pane.stack.complete, timeout=60_000)
    assert len(pane.stack.slices) == 300 and pane.stack.plane == "axial"
    # Scroll to the slice with the beads, by keys from the top.
    pane.graphics.setFocus()
    pane.show_index(0)
    qtbot.keyClick(pane.graphics, Qt.Key.Key_PageDown)
    assert pane.index == 10
    target = next(i for i, s in enumerate(pane.stack.slices) if s.info.instance_number == MARKER_INSTANCE_NUMBER)
    pane.slider.setValue(target)
    assert pane.current.info.instance_number == MARKER_INSTANCE_NUMBER
    # The pixels are the file's: the bead is bright (1500 HU) where the sandbox put it.
    row, col = (round(v) for v in MARKER_POINTS_PX[0])
    s = pane.current
    assert s.pixels[row, col] * s.info.rescale_slope + s.info.rescale_intercept > 1000
    viewer.apply_preset(CtPreset.LUNG)
    assert tuple(pane.image.levels) == pytest.approx(stored_levels(CtPreset.LUNG.window, s.info.rescale_slope,
                                                                    s.info.rescale_intercept))
    m = pane.measure(*MARKER_POINTS_PX)
    assert m.mm == pytest.approx(MARKER_DISTANCE_MM, abs=0.5)
    overlays = {k: c.text() for k, c in pane.corners.items()}
    assert overlays["top_left"].startswith("张伟")
    assert SHOWCASE_RESIDENT_ID not in overlays["top_left"]
    assert "W 1500 L -600" in overlays["bottom_right"]
    assert f"Im {target + 1}/300" in overlays["bottom_left"]
    assert "结节" in viewer.report.toPlainText()       # the imaging report beside the images


def test_compare_with_the_prior_links_scrolling(qtbot, chart_window):
    viewer = _open_study(qtbot, chart_window, "胸部CT")
    actions = viewer.compare_menu.actions()
    assert actions and "胸部" in actions[0].text()
    with qtbot.waitSignal(viewer.series_loaded, timeout=60_000,
                          check_params_cb=lambda uid: viewer.pane_b.stack is not None
                          and uid == viewer.pane_b.stack.series.uid):
        actions[0].trigger()
    qtbot.waitUntil(lambda: viewer.pane_a.stack.complete and viewer.pane_b.stack.complete, timeout=60_000)
    viewer.pane_a.show_index(0)
    viewer.pane_b.show_index(0)
    viewer.set_linked(True)
    assert viewer.link_action.isChecked()
    viewer.pane_a.show_index(100)          # 100 mm further down: the prior (2.5 mm slices) follows
    a, b = viewer.pane_a.current.position, viewer.pane_b.current.position
    assert abs((viewer.pane_a.stack.slices[0].position - a) - (viewer.pane_b.stack.slices[0].position - b)) <= 1.25
    assert "Prior study" in viewer.report.toPlainText()


def test_gb18030_study_shows_the_chinese_name(qtbot, chart_window):
    model = chart_window.chart.studies.model
    head = next(model.study(r) for r in range(model.rowCount()) if "HEAD" in model.study(r).study.body_parts)
    viewer = _open_study(qtbot, chart_window, head.study.description)
    info = viewer.pane_a.current.info
    assert info.patient_name == "张伟"
    # The file really is written in GB18030, not UTF-8:
    from app.platform.dicomweb import DicomWebClient

    with DicomWebClient(head.study.dicomweb_base) as client:
        ds = client.retrieve_instance(info.study_uid, info.series_uid, info.sop_instance_uid)
    assert ds.SpecificCharacterSet == "GB18030" and "张伟".encode("gb18030") in ds["PatientName"].value.original_string
    assert viewer.pane_a.corners["top_left"].text().startswith("张伟")


def test_a_change_of_user_closes_the_images_and_on_shared_workstations_empties_the_cache(
        qtbot, make_window, demo_platform):
    from dataclasses import replace

    config = replace(demo_site(demo_platform.fhir_base), clear_image_cache_on_sign_out=True)
    window = make_window(config, now=ANCHOR)
    open_showcase_chart(qtbot, window)
    qtbot.waitUntil(lambda: window.user_box.count() > 1, timeout=10_000)
    model = window.chart.studies.model
    head = next(r for r in range(model.rowCount()) if "HEAD" in model.study(r).study.body_parts)
    viewer = _open_study(qtbot, window, model.study(head).study.description)
    qtbot.waitUntil(lambda: viewer.pane_a.stack.complete, timeout=30_000)
    qtbot.waitUntil(lambda: len(window.station.image_cache) > 0, timeout=10_000)
    other = next(window.user_box.itemData(i) for i in range(window.user_box.count())
                 if window.user_box.itemData(i) != window.identity.current)
    window.switch_user(other.practitioner_id)
    assert not viewer.isVisible()
    assert len(window.station.image_cache) == 0
