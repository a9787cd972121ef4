"""A pad on which the patient (or a family member) signs with the mouse, a finger or a pen tablet.

The signature is the evidence of consent, so the strokes are kept as points rather than
painted into a pixmap: a resize or a repaint never loses them, and the PNG that goes to the
platform is rendered from them, black on white, without the pad's hint and baseline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QTabletEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

# Pen width (pixels) for the mouse and for touch, which report no pressure.
MOUSE_WIDTH = 2.4
# A pen tablet's width grows from the thinnest to the thickest with the pressure (0..1).
TABLET_MIN_WIDTH, TABLET_MAX_WIDTH = 1.0, 5.0

INK = QColor("#000000")
PAPER = QColor("#ffffff")
BASELINE = QColor("#c9d1da")
HINT = QColor("#9aa3ad")


@dataclass
class Stroke:
    """One pen-down-to-pen-up line: its points in widget coordinates and the width at each."""

    points: list[QPointF] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)

    def add(self, point: QPointF, width: float) -> None:
        self.points.append(QPointF(point))
        self.widths.append(width)


class SignaturePad(QWidget):
    """White pad with a baseline; `changed` fires when a stroke starts, ends, or the pad is cleared."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setMinimumSize(480, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self.retranslateUi()

    # -- public ------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return not self._strokes

    def clear(self) -> None:
        if not self._strokes and self._current is None:
            return
        self._strokes.clear()
        self._current = None
        self.update()
        self.changed.emit()

    def strokes(self) -> list[Stroke]:
        return list(self._strokes)

    def to_png(self) -> bytes:
        """The strokes, black on white, as PNG bytes the size of the pad (no hint, no baseline)."""
        size = self.size()
        image = QImage(max(size.width(), 1), max(size.height(), 1), QImage.Format.Format_RGB32)
        image.fill(PAPER)
        painter = QPainter(image)
        self._paint_strokes(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # PySide6's stub types the format as bytes, but the binding takes only a str (bytes raise ValueError).
        image.save(buffer, "PNG")  # type: ignore[call-overload]
        buffer.close()
        return bytes(data.data())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(640, 200)

    def retranslateUi(self) -> None:
        self._hint = self.tr("Sign here")
        self.setToolTip(self.tr("Sign with the mouse, a finger or the pen"))
        self.update()

    # -- drawing -----------------------------------------------------------------------------

    def _begin(self, point: QPointF, width: float) -> None:
        self._current = Stroke()
        self._current.add(point, width)
        self._strokes.append(self._current)
        self.update()
        self.changed.emit()

    def _extend(self, point: QPointF, width: float) -> None:
        if self._current is None:
            return
        last = self._current.points[-1]
        if (point - last).manhattanLength() < 0.5:
            return  # tablets report many events per pixel; they add nothing but weight
        self._current.add(point, width)
        self.update()

    def _end(self, point: QPointF, width: float) -> None:
        if self._current is None:
            return
        self._extend(point, width)
        self._current = None
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), MOUSE_WIDTH)
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        # The drawing state is ours, not event.buttons(): some input paths report moves without buttons.
        if self._current is not None:
            self._extend(event.position(), MOUSE_WIDTH)
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        if event.button() == Qt.MouseButton.LeftButton and self._current is not None:
            self._end(event.position(), MOUSE_WIDTH)
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802 - Qt naming
        """Pen tablets give pressure: a firmer stroke is a thicker line, as on paper."""
        width = TABLET_MIN_WIDTH + (TABLET_MAX_WIDTH - TABLET_MIN_WIDTH) * max(0.0, min(1.0, event.pressure()))
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position(), width)
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position(), width)
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position(), width)
        event.accept()  # accepted: Qt does not also synthesize mouse events for the same pen

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        painter.fillRect(self.rect(), PAPER)
        margin = 24
        y = int(self.height() * 0.72)
        painter.setPen(QPen(BASELINE, 1.5))
        painter.drawLine(margin, y, self.width() - margin, y)
        if self.is_empty():
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 1.6)
            painter.setFont(font)
            painter.setPen(HINT)
            painter.drawText(self.rect().adjusted(0, 0, 0, -(self.height() - y)), Qt.AlignmentFlag.AlignCenter,
                             self._hint)
        self._paint_strokes(painter)
        painter.end()

    def _paint_strokes(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for stroke in self._strokes:
            points, widths = stroke.points, stroke.widths
            if len(points) == 1:
                painter.setPen(QPen(INK, widths[0], Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
                painter.drawPoint(points[0])
                continue
            for i in range(1, len(points)):
                # Each segment takes the mean width of its ends, so pressure changes read smoothly.
                pen = QPen(INK, (widths[i - 1] + widths[i]) / 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                           Qt.PenJoinStyle.RoundJoin)
                painter.setPen(pen)
                painter.drawLine(points[i - 1], points[i])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
