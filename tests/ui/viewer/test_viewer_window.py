"""The viewer with in-memory series: progressive arrival, window/level, measuring, overlays, problems."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from app.domain.dicom_instance import DicomReadError, ReadProblem
from app.domain.windowing import CtPreset, stored_levels
from app.ui.viewer.image_pane import Tool
from app.ui.viewer.viewer_window import StudyContext, ViewerWindow

from .synthetic import ListSource, ct_slice


@pytest.fixture
def viewer(qtbot):
    w = ViewerWindow()
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    yield w
    w.close()


def _open(qtbot, viewer, source, context=None):
    with qtbot.waitSignal(viewer.series_loaded, timeout=10_000):
        viewer.open_source(source, context or StudyContext(title="CT"))


def test_first_image_shows_before_the_rest_arrive(qtbot, viewer):
    gate = threading.Event()
    source = ListSource([ct_slice(float(-z), z + 1) for z in range(20)], gate=gate, hold_after=1)
    viewer.open_source(source, StudyContext(title="CT"))
    qtbot.waitUntil(lambda: viewer.pane_a.current is not None, timeout=5000)
    pane = viewer.pane_a
    assert len(pane.stack.slices) == 1 and not pane.stack.complete
    assert pane.progress.isVisibleTo(viewer) and pane.slider.maximum() == 0
    with qtbot.waitSignal(viewer.series_loaded, timeout=10_000):
        gate.set()
    assert pane.slider.maximum() == 19 and not pane.progress.isVisibleTo(viewer)
    assert pane.current.info.instance_number == 1     # still the slice first shown


def test_later_instances_wait_for_the_refresh_and_the_last_are_taken_at_the_end(qtbot, viewer):
    """After a series' first image, its instances are taken in one go at the window's refresh (not one
    wake-up of the window each); when the series ends, what still waits is taken at once."""
    class Dripping(ListSource):     # an instance every 5 ms once the gate opens: the window could take each
        def stream(self, series, cancelled):
            for i, item in enumerate(super().stream(series, cancelled)):
                if i > 1:
                    time.sleep(0.005)
                yield item

    gate = threading.Event()
    source = Dripping([ct_slice(float(-z), z + 1) for z in range(20)], gate=gate, hold_after=1)
    viewer._refresh.setInterval(60_000)     # noqa: SLF001 - a refresh that does not come during the test
    batches: list[int] = []
    arrived = viewer._arrived                # noqa: SLF001

    def counted(study, ref, items):
        batches.append(len(items))
        arrived(study, ref, items)

    viewer._arrived = counted                # noqa: SLF001
    viewer.open_source(source, StudyContext(title="CT"))
    qtbot.waitUntil(lambda: viewer.pane_a.current is not None, timeout=5000)
    with qtbot.waitSignal(viewer.series_loaded, timeout=10_000):
        gate.set()
    assert [b for b in batches if b] == [1, 19]
    pane = viewer.pane_a
    assert len(pane.stack.slices) == 20 and pane.stack.complete and pane.slider.maximum() == 19


def test_scroll_by_wheel_keys_and_slider(qtbot, viewer):
    _open(qtbot, viewer, ListSource([ct_slice(float(-z), z + 1) for z in range(30)]))
    pane = viewer.pane_a
    pane.graphics.setFocus()
    qtbot.keyClick(pane.graphics, Qt.Key.Key_Down)
    qtbot.keyClick(pane.graphics, Qt.Key.Key_Down)
    assert pane.index == 2
    qtbot.keyClick(pane.graphics, Qt.Key.Key_End)
    assert pane.index == 29
    pane.slider.setValue(10)
    assert pane.index == 10 and pane.current.info.instance_number == 11
    # The wheel scrolls slices (the trap: PySide6 6.12 + pyqtgraph aborted here while scrolling).
    center = pane.graphics.viewport().rect().center()
    for _ in range(5):
        qtbot.wait(1)
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QWheelEvent
        event = QWheelEvent(QPointF(center), QPointF(pane.graphics.viewport().mapToGlobal(center)), QPoint(0, 0),
                            QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        from PySide6.QtWidgets import QApplication
        QApplication.sendEvent(pane.graphics.viewport(), event)
    assert pane.index == 15
    assert "Im 16/30" in pane.corners["bottom_left"].text()


def test_preset_sets_levels_in_stored_values(qtbot, viewer):
    _open(qtbot, viewer, ListSource([ct_slice(0.0, 1)]))
    pane = viewer.pane_a
    assert pane.display_window.center == 40 and pane.display_window.width == 400   # the file's own window first
    viewer.apply_preset(CtPreset.LUNG)
    assert tuple(pane.image.levels) == pytest.approx(stored_levels(CtPreset.LUNG.window, 1.0, -1024.0))
    assert "W 1500 L -600" in pane.corners["bottom_right"].text()
    assert viewer.preset_box.currentData() == CtPreset.LUNG.window
    assert viewer.preset_box.count() == 6          # as stored + the five CT presets
    viewer.apply_preset(None)
    assert pane.display_window.center == 40


def test_other_modalities_offer_the_windows_their_files_carry(qtbot, viewer):
    mr = ct_slice(0.0, 1, modality="MR", rescale_intercept=0.0, window_centers=(300.0, 600.0),
                  window_widths=(600.0, 1200.0), window_explanations=("T1 soft", "T1 wide"))
    _open(qtbot, viewer, ListSource([mr]))
    box = viewer.preset_box
    assert [box.itemText(i) for i in range(box.count())][1:] == ["T1 wide"]
    viewer.apply_preset(box.itemData(1))
    assert viewer.pane_a.display_window.center == 600 and viewer.pane_a.display_window.width == 1200
    assert box.currentIndex() == 1


def test_window_level_by_drag(qtbot, viewer):
    _open(qtbot, viewer, ListSource([ct_slice(0.0, 1)]))
    pane = viewer.pane_a
    before = pane.display_window
    vp = pane.graphics.viewport()
    start = vp.rect().center()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(vp, start + QPoint(step * 20, -step * 10))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=start + QPoint(100, -50))
    assert pane.display_window.width > before.width and pane.display_window.center > before.center


def test_measure_a_known_distance_in_mm(qtbot, viewer):
    _open(qtbot, viewer, ListSource([ct_slice(0.0, 1)]))
    viewer.set_tool(Tool.MEASURE)
    m = viewer.pane_a.measure((10, 10), (10, 50))             # 40 px × 0.5 mm
    assert m.mm == pytest.approx(20.0)
    assert m.label.toPlainText() == "20.0 mm"


def test_measure_by_drag_with_the_ruler(qtbot, viewer):
    _open(qtbot, viewer, ListSource([ct_slice(0.0, 1)]))
    viewer.set_tool(Tool.MEASURE)
    pane = viewer.pane_a
    vp = pane.graphics.viewport()
    a, b = vp.rect().center() - QPoint(100, 0), vp.rect().center() + QPoint(100, 0)
    with qtbot.waitSignal(pane.measured, timeout=3000) as got:
        qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=a)
        for step in range(1, 11):
            qtbot.mouseMove(vp, a + QPoint(step * 20, 0))
        qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=b)
    m = got.args[0]
    expected = m.pixels * 0.5
    assert m.mm == pytest.approx(expected) and m.mm > 5


def test_overlays_read_and_hide(qtbot, viewer):
    context = StudyContext(title="CT", patient="张伟", patient_id="370102********2710", hospital="山东省立中心医院")
    _open(qtbot, viewer, ListSource([ct_slice(-12.5, 1)]), context)
    pane = viewer.pane_a
    assert pane.corners["top_left"].text().startswith("张伟\n370102********2710")
    assert "山东省立中心医院" in pane.corners["top_right"].text()
    assert "-12.5 mm" in pane.corners["bottom_left"].text()
    viewer.set_overlays_visible(False)
    assert not any(c.isVisible() for c in pane.corners.values())
    viewer.set_overlays_visible(True)
    assert pane.corners["top_left"].isVisible()


def test_monochrome1_is_shown_inverted(qtbot, viewer):
    _open(qtbot, viewer, ListSource([ct_slice(0.0, 1, photometric="MONOCHROME1", rescale_intercept=0.0,
                                              window_centers=(), window_widths=())]))
    lut = viewer.pane_a.image.lut
    assert lut is not None and lut[0] == 255 and lut[-1] == 0


def test_colour_is_shown_as_rgb(qtbot, viewer):
    base = ct_slice(0.0, 1)
    from dataclasses import replace

    from app.domain.dicom_instance import DecodedInstance
    rgb = np.zeros((1, 32, 32, 3), np.uint8)
    rgb[..., 0] = 200
    colour = DecodedInstance(replace(base.info, photometric="RGB", samples_per_pixel=3, window_centers=(),
                                     window_widths=()), rgb)
    _open(qtbot, viewer, ListSource([colour]))
    pane = viewer.pane_a
    assert pane.display_window is None and pane.image.image.shape == (32, 32, 3)


def test_a_series_of_unreadable_files_says_why(qtbot, viewer):
    error = DicomReadError(ReadProblem.TRUNCATED, "12,300 of 524,288 bytes")
    _open(qtbot, viewer, ListSource([error, error], ))
    pane = viewer.pane_a
    assert pane.message.isVisible()
    assert "12,300 of 524,288 bytes" in pane.message.text()
    note = viewer.statusBar().findChild(type(viewer.status), "unreadableNote")
    assert note is not None and note.text().startswith("2 ")


def test_one_bad_file_does_not_stop_the_rest(qtbot, viewer):
    error = DicomReadError(ReadProblem.CORRUPT_PIXEL_DATA, "JPEG stream ends early")
    _open(qtbot, viewer, ListSource([ct_slice(1.0, 1), error, ct_slice(0.0, 3)]))
    assert len(viewer.pane_a.stack.slices) == 2
    assert not viewer.pane_a.message.isVisible()


def test_cine_plays_a_multiframe_clip(qtbot, viewer):
    from dataclasses import replace

    from app.domain.dicom_instance import DecodedInstance
    base = ct_slice(0.0, 1, position=False)
    clip = DecodedInstance(replace(base.info, frames=10, frame_time_ms=20.0), np.repeat(base.pixels, 10, axis=0))
    _open(qtbot, viewer, ListSource([clip]))
    assert viewer.cine_action.isEnabled()
    viewer.cine_action.setChecked(True)
    qtbot.waitUntil(lambda: viewer.pane_a.index >= 3, timeout=3000)
    viewer.cine_action.setChecked(False)
    assert not viewer.cine.isActive()


def test_compare_links_axial_stacks_of_the_same_body_part(qtbot, viewer):
    from .synthetic import series_ref
    new = ListSource([ct_slice(float(-z), z + 1) for z in range(40)])
    prior_ref = series_ref(20, uid="1.2.826.0.1.3680043.2.1125.9.1")
    prior = ListSource([ct_slice(float(-2 * z - 30), z + 1) for z in range(20)], series=prior_ref)
    _open(qtbot, viewer, new)
    with qtbot.waitSignal(viewer.series_loaded, timeout=10_000):
        viewer.compare(prior, StudyContext(title="prior"))
    assert viewer.pane_b.isVisible() and viewer.link_action.isChecked()
    # Linked by position in the patient: new z=-34 -> prior z=-34 (tests/ui/viewer/test_linked_scroll.py).
    viewer.pane_a.show_index(34)
    assert viewer.pane_b.current.position == -34.0
    viewer.link_action.setChecked(False)
    viewer.pane_a.show_index(20)
    assert viewer.pane_b.current.position == -34.0


def test_the_other_series_wait_for_the_first_image_of_the_one_on_screen(qtbot, viewer):
    """Started at once, the other series' streams held the first image back (a 6-series MR)."""
    from .synthetic import series_ref

    main, other = series_ref(5, uid="1.2.826.0.1.5"), series_ref(2, uid="1.2.826.0.1.2")

    class TwoSeries(ListSource):
        def __init__(self) -> None:
            super().__init__([])
            self.asked: list[str] = []
            self.gate = threading.Event()

        def list_series(self):
            return [other, main]     # the largest is shown, wherever it is listed

        def stream(self, series, cancelled):
            self.asked.append(series.uid)
            if series is main:
                self.gate.wait(10)
            yield from (ct_slice(float(-z), z + 1) for z in range(series.instance_count))

    source = TwoSeries()
    loaded: list[str] = []
    viewer.series_loaded.connect(loaded.append)
    viewer.open_source(source, StudyContext(title="MR"))
    qtbot.waitUntil(lambda: source.asked == [main.uid], timeout=5000)
    qtbot.wait(300)
    assert source.asked == [main.uid]          # the other series is not fetched while the first image waits
    source.gate.set()
    qtbot.waitUntil(lambda: len(loaded) == 2, timeout=10_000)
    assert source.asked == [main.uid, other.uid]
    study = viewer.studies[0]
    assert [len(study.stacks[ref.uid].slices) for ref in (main, other)] == [5, 2]
    assert viewer.pane_a.stack is study.stacks[main.uid]


def test_a_strip_of_many_series_scrolls_down_only(qtbot):
    """More series than the strip's height holds: a vertical bar, and the items still fit beside it
    (no second, sideways bar under them)."""
    from app.services.image_loading import SeriesRef
    from app.ui.viewer.series_strip import ITEM_WIDTH, SeriesStrip

    strip = SeriesStrip(lambda ref: f"MR {ref.number}\n{ref.description}")
    qtbot.addWidget(strip)
    strip.resize(strip.width(), 600)
    strip.show_series([SeriesRef("1.2.3", f"1.2.3.{i}", i, "MR", f"series {i}", "HEAD", 30) for i in range(8)])
    strip.show()
    qtbot.waitExposed(strip)
    assert strip.verticalScrollBar().isVisible()
    assert not strip.horizontalScrollBar().isVisible() and strip.horizontalScrollBar().maximum() == 0
    assert strip.viewport().width() >= ITEM_WIDTH
