"""One image pane: a stack shown slice by slice, with window/level, zoom, pan and measuring.

pyqtgraph draws; this module decides what the mouse means. PACS conventions: the wheel
and the arrow keys scroll slices (Ctrl+wheel zooms), the left button does what the chosen
tool does (window/level by default), the middle button pans and the right one zooms.
Levels are set from the window in stored values, never left to pyqtgraph's sampled
auto-levels, and there is no histogram: it cost 40% of each frame.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QSlider, QWidget

from app.domain.image_geometry import distance_mm
from app.domain.windowing import CtPreset, Window, drag_scale, stored_levels
from app.ui.viewer.image_stack import ImageStack, Slice
from app.ui.viewer.overlay_text import corner_texts

if TYPE_CHECKING:
    from collections.abc import Callable

    from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent, MouseDragEvent
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QGraphicsSceneWheelEvent

pg.setConfigOptions(imageAxisOrder="row-major", useOpenGL=False, antialias=True)

_INVERTED = np.arange(255, -1, -1, dtype=np.uint8)


class Tool(Enum):
    WINDOW = "window"
    PAN = "pan"
    ZOOM = "zoom"
    MEASURE = "measure"


class Measurement:
    """A line drawn on one slice, labelled with its length in mm (or px without spacing)."""

    def __init__(self, view: pg.ViewBox, start: QPointF) -> None:
        self.start = self.end = start
        self.line = pg.PlotCurveItem(pen=pg.mkPen("#ffd400", width=2))
        self.label = pg.TextItem(color="#ffd400", anchor=(0, 1), fill=pg.mkBrush(0, 0, 0, 150))
        view.addItem(self.line)
        view.addItem(self.label)
        self.mm: float | None = None
        self.pixels = 0.0

    def update(self, end: QPointF, spacing: tuple[float, float] | None) -> None:
        self.end = end
        self.line.setData([self.start.x(), end.x()], [self.start.y(), end.y()])
        a, b = (self.start.y(), self.start.x()), (end.y(), end.x())   # (row, col)
        self.mm = distance_mm(a, b, spacing)
        self.pixels = float(np.hypot(a[0] - b[0], a[1] - b[1]))
        self.label.setText(f"{self.mm:.1f} mm" if self.mm is not None else f"{self.pixels:.0f} px")
        self.label.setPos(end)

    def set_visible(self, visible: bool) -> None:
        self.line.setVisible(visible)
        self.label.setVisible(visible)

    def remove(self, view: pg.ViewBox) -> None:
        view.removeItem(self.line)
        view.removeItem(self.label)


class _ViewBox(pg.ViewBox):
    def __init__(self, pane: ImagePane) -> None:
        super().__init__(invertY=True, lockAspect=True, enableMenu=False)
        self.pane = pane
        self._measure: Measurement | None = None

    def wheelEvent(self, ev: QGraphicsSceneWheelEvent | QWheelEvent, axis: int | None = None) -> None:  # noqa: N802 - Qt naming
        if ev.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(ev, axis)
            self.pane.view_changed()
            return
        delta = ev.delta() if hasattr(ev, "delta") else ev.angleDelta().y()
        if delta:
            self.pane.step(-1 if delta > 0 else 1)
        ev.accept()

    def mouseDragEvent(self, ev: MouseDragEvent, axis: int | None = None) -> None:  # noqa: N802 - Qt naming
        button = ev.button()
        tool = self.pane.tool
        if button == Qt.MouseButton.MiddleButton or (button == Qt.MouseButton.LeftButton and tool is Tool.PAN):
            super().mouseDragEvent(ev, axis)   # pyqtgraph pans with these in PanMode
            self.pane.view_changed()
            return
        if button == Qt.MouseButton.RightButton or (button == Qt.MouseButton.LeftButton and tool is Tool.ZOOM):
            ev.accept()
            dy = ev.pos().y() - ev.lastPos().y()
            factor = float(np.exp(dy * 0.01))
            self.scaleBy((factor, factor), center=self.mapToView(ev.buttonDownPos()))
            self.pane.view_changed()
            return
        if button != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        if tool is Tool.WINDOW:
            d = ev.pos() - ev.lastPos()
            self.pane.drag_window(d.x(), d.y())
        elif tool is Tool.MEASURE:
            point = self.mapToView(ev.pos())
            if ev.isStart() or self._measure is None:
                self._measure = self.pane.begin_measurement(self.mapToView(ev.buttonDownPos()))
            self.pane.extend_measurement(self._measure, point)
            if ev.isFinish():
                self.pane.finish_measurement(self._measure)
                self._measure = None

    def mouseClickEvent(self, ev: MouseClickEvent) -> None:  # noqa: N802 - Qt naming
        ev.accept()
        self.pane.activated.emit()


class _Corner(QLabel):
    def __init__(self, parent: QWidget, name: str, align: Qt.AlignmentFlag) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAlignment(align)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("color: #f0f0f0; background: rgba(0,0,0,90); padding: 2px 4px;")
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 0.5, 8))
        self.setFont(font)


class ImagePane(QWidget):
    """Shows an ImageStack; emits when the slice or the window changes (for linking, overlays)."""

    index_changed = Signal(int)
    window_changed = Signal()
    measured = Signal(object)        # Measurement, when the user lets go
    activated = Signal()             # clicked: the pane the toolbar and thumbnails act on

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tool = Tool.WINDOW
        self.stack: ImageStack | None = None
        self.display_window: Window | None = None
        self.index = 0
        self.context: dict[str, str] = {}     # patient, hospital, study lines for the overlays
        self.overlays_visible = True
        self._current: Slice | None = None
        self._measurements: dict[int, list[Measurement]] = {}
        self.last_measurement: Measurement | None = None

        self.graphics = pg.GraphicsView(self, background="k")
        self.graphics.setObjectName("imageView")
        self.graphics.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view = _ViewBox(self)
        self.graphics.setCentralItem(self.view)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.view.addItem(self.image)
        self.message = QLabel(self.graphics)
        self.message.setObjectName("paneMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: #ffcc66; font-size: 14px; background: transparent;")
        self.corners = {
            "top_left": _Corner(self.graphics, "overlayTopLeft", Qt.AlignmentFlag.AlignLeft),
            "top_right": _Corner(self.graphics, "overlayTopRight", Qt.AlignmentFlag.AlignRight),
            "bottom_left": _Corner(self.graphics, "overlayBottomLeft", Qt.AlignmentFlag.AlignLeft),
            "bottom_right": _Corner(self.graphics, "overlayBottomRight", Qt.AlignmentFlag.AlignRight),
        }
        self.slider = QSlider(Qt.Orientation.Vertical, self)
        self.slider.setObjectName("sliceSlider")
        self.slider.setInvertedAppearance(True)     # first slice at the top
        self.slider.setRange(0, 0)
        self.slider.valueChanged.connect(self.show_index)
        self._pinned = False
        self.progress = QProgressBar(self)
        self.progress.setObjectName("arrivalProgress")
        self.progress.setOrientation(Qt.Orientation.Vertical)
        self.progress.setInvertedAppearance(True)
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(5)
        self.progress.hide()
        side = QHBoxLayout()
        side.setSpacing(1)
        side.addWidget(self.progress)
        side.addWidget(self.slider)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.graphics, 1)
        layout.addLayout(side)
        self.graphics.installEventFilter(self)
        self.graphics.viewport().installEventFilter(self)

    # -- the stack ------------------------------------------------------------------------

    def set_stack(self, stack: ImageStack | None, index: int | None = None) -> None:
        """Show another series (None: an empty pane). Window and zoom start afresh."""
        for items in self._measurements.values():
            for m in items:
                m.remove(self.view)
        self._measurements.clear()
        self.stack, self.display_window, self._current = stack, None, None
        self.message.hide()
        if stack is None or not stack.slices:
            self.image.clear()
            self._sync_slider()
            self.refresh_overlays()
            return
        self._sync_slider()
        self._pinned = index is not None
        self._show(index if index is not None else 0, force=True)
        self.fit()

    def stack_grew(self) -> None:
        """More slices arrived: keep showing the same slice, wherever it now sits."""
        if self.stack is None:
            return
        if self._current is None:
            self.set_stack(self.stack)
            return
        if not self._pinned and self.stack.slices[0] is not self._current:
            self._show(0)   # nobody has scrolled yet: stay on the first slice of the stack
        self.index = self.stack.index_of(self._current)
        self._sync_slider()
        self.refresh_overlays()

    def _sync_slider(self) -> None:
        n = len(self.stack.slices) if self.stack else 0
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(n - 1, 0))
        self.slider.setValue(self.index)
        self.slider.blockSignals(False)
        expected = self.stack.expected if self.stack else 0
        if self.stack is not None and not self.stack.complete and expected > n:
            # QProgressBar repaints itself at once (and the image beneath it) on every step:
            # with updates off, the step is painted with the next frame instead.
            self.progress.setUpdatesEnabled(False)
            self.progress.setRange(0, expected)
            self.progress.setValue(n)
            self.progress.setUpdatesEnabled(True)
            self.progress.setToolTip(self.tr("{n} of {total} images arrived").format(n=n, total=expected))
            self.progress.show()
        else:
            self.progress.hide()

    def show_message(self, text: str) -> None:
        """Say in words why nothing (or not everything) can be shown; the pane stays usable."""
        self.message.setText(text)
        self.message.show()
        self._place_overlays()

    # -- slices ---------------------------------------------------------------------------

    @property
    def current(self) -> Slice | None:
        return self._current

    def step(self, delta: int) -> None:
        self.show_index(self.index + delta)

    def show_index(self, index: int, force: bool = False) -> None:
        """Show a slice because someone asked (scroll, keys, slider, link, cine): it stays shown
        while the rest of the series arrives around it."""
        self._pinned = True
        self._show(index, force)

    def _show(self, index: int, force: bool = False) -> None:
        if self.stack is None or not self.stack.slices:
            return
        index = max(0, min(int(index), len(self.stack.slices) - 1))
        if index == self.index and not force and self._current is self.stack.slices[index]:
            return
        previous = self.index
        self.index = index
        self._current = s = self.stack.slices[index]
        if self.display_window is None:
            self.display_window = s.default_window()
        self._render()
        for key, items in self._measurements.items():
            for m in items:
                m.set_visible(key == id(s))
        if self.slider.value() != index:
            self.slider.blockSignals(True)
            self.slider.setValue(index)
            self.slider.blockSignals(False)
        self.refresh_overlays()
        if previous != index or force:
            self.index_changed.emit(index)

    def _render(self) -> None:
        s = self._current
        if s is None:
            return
        if s.pixels.ndim == 3:
            self.image.setLookupTable(None)
            self.image.setImage(s.pixels, autoLevels=False, levels=(0, 255))
            return
        info = s.info
        low, high = stored_levels(self.display_window, info.rescale_slope, info.rescale_intercept) \
            if self.display_window else (float(s.pixels.min()), float(s.pixels.max()))
        self.image.setLookupTable(_INVERTED if info.photometric == "MONOCHROME1" else None)
        self.image.setImage(s.pixels, autoLevels=False, levels=(low, high))

    # -- window/level ---------------------------------------------------------------------

    def set_window(self, window: Window | None) -> None:
        if self._current is None or self._current.pixels.ndim == 3:
            return
        self.display_window = window or self._current.default_window()
        self._render()
        self.refresh_overlays()
        self.window_changed.emit()

    def apply_preset(self, preset: CtPreset) -> None:
        self.set_window(preset.window)

    def drag_window(self, dx: float, dy: float) -> None:
        if self.display_window is None:
            return
        self.set_window(self.display_window.dragged(dx, dy, drag_scale(self.display_window)))

    # -- zoom and pan ---------------------------------------------------------------------

    def fit(self) -> None:
        s = self._current
        if s is None:
            return
        rows, cols = s.pixels.shape[:2]
        self.view.setRange(xRange=(0, cols), yRange=(0, rows), padding=0.02)
        self.view_changed()

    def one_to_one(self) -> None:
        """One image pixel to one screen pixel, centred on what is shown now."""
        s = self._current
        if s is None:
            return
        rect = self.view.viewRect()
        width, height = self.view.width() or 1, self.view.height() or 1
        c = rect.center()
        self.view.setRange(xRange=(c.x() - width / 2, c.x() + width / 2),
                           yRange=(c.y() - height / 2, c.y() + height / 2), padding=0)
        self.view_changed()

    @property
    def zoom(self) -> float:
        """Screen pixels per image pixel."""
        rect = self.view.viewRect()
        return (self.view.width() or 1) / rect.width() if rect.width() else 1.0

    def view_changed(self) -> None:
        self.refresh_overlays()

    # -- measuring ------------------------------------------------------------------------

    @property
    def spacing(self) -> tuple[float, float] | None:
        return self._current.info.pixel_spacing if self._current else None

    def begin_measurement(self, start: QPointF) -> Measurement:
        m = Measurement(self.view, start)
        if self._current is not None:
            self._measurements.setdefault(id(self._current), []).append(m)
        return m

    def extend_measurement(self, m: Measurement, end: QPointF) -> None:
        m.update(end, self.spacing)

    def finish_measurement(self, m: Measurement) -> None:
        self.last_measurement = m
        self.measured.emit(m)

    def measure(self, start: tuple[float, float], end: tuple[float, float]) -> Measurement:
        """Draw a measurement between two (row, col) points: what a drag with the ruler does."""
        m = self.begin_measurement(QPointF(start[1], start[0]))
        self.extend_measurement(m, QPointF(end[1], end[0]))
        self.finish_measurement(m)
        return m

    def clear_measurements(self) -> None:
        for items in self._measurements.values():
            for m in items:
                m.remove(self.view)
        self._measurements.clear()
        self.last_measurement = None

    # -- overlays -------------------------------------------------------------------------

    def set_overlays_visible(self, visible: bool) -> None:
        self.overlays_visible = visible
        self.refresh_overlays()

    def overlay_text(self) -> dict[str, str]:
        s = self._current
        if s is None or self.stack is None:
            return {k: "" for k in self.corners}
        info = s.info
        return corner_texts(info, self.context, self.stack, self.index, s, self.display_window, self.zoom)

    def refresh_overlays(self) -> None:
        texts = self.overlay_text()
        for key, label in self.corners.items():
            label.setText(texts.get(key, ""))
            label.setVisible(self.overlays_visible and bool(texts.get(key)))
            label.adjustSize()
        self._place_overlays()

    def _place_overlays(self) -> None:
        w, h = self.graphics.width(), self.graphics.height()
        c = self.corners
        c["top_left"].move(4, 4)
        c["top_right"].move(w - c["top_right"].width() - 4, 4)
        c["bottom_left"].move(4, h - c["bottom_left"].height() - 4)
        c["bottom_right"].move(w - c["bottom_right"].width() - 4, h - c["bottom_right"].height() - 4)
        self.message.setGeometry(20, h // 2 - 60, max(w - 40, 10), 120)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh_overlays()
            self._sync_slider()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Resize:
            self._place_overlays()
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._key(event):
            return True
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        keys: dict[int, Callable[[], None]] = {
            Qt.Key.Key_Up: lambda: self.step(-1), Qt.Key.Key_Down: lambda: self.step(1),
            Qt.Key.Key_PageUp: lambda: self.step(-10), Qt.Key.Key_PageDown: lambda: self.step(10),
            Qt.Key.Key_Home: lambda: self.show_index(0),
            Qt.Key.Key_End: lambda: self.show_index(len(self.stack.slices) - 1 if self.stack else 0),
            Qt.Key.Key_Escape: self.clear_measurements, Qt.Key.Key_Delete: self.clear_measurements,
        }
        action = keys.get(event.key())
        if action is None:
            return False
        action()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        if not self._key(event):
            super().keyPressEvent(event)
