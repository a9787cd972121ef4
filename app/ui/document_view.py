"""The original document of a lab report, shown beside the list: the page as the hospital printed it.

`load_pages` is the worker's part (fetch, render, decode into QImages; never on the UI
thread); `DocumentView` only lays the pages out (fit to width, or zoomed) and words what
went wrong. Pictures are decoded with QImageReader after checking their size, so a hostile
PNG cannot claim gigabytes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.models import MAX_DOCUMENT_BYTES, Document, LabReport
from app.services.documents import DocumentError, Problem, open_document
from app.services.workspace import Workspace
from app.ui.language import with_english_detail

# A picture of a printed page is some million pixels; far more is a hostile or broken file.
MAX_IMAGE_PIXELS = 60_000_000
ZOOM_STEP = 1.25


@dataclass(frozen=True)
class LoadedPages:
    images: tuple[QImage, ...]
    page_count: int

    @property
    def capped(self) -> bool:
        return len(self.images) < self.page_count


def load_pages(workspace: Workspace, report: LabReport, document: Document) -> LoadedPages:
    """The document's pages as QImages (runs on a worker; QImage, unlike QPixmap, may be made there)."""
    opened = open_document(workspace, report, document)
    if opened.image:
        return LoadedPages((decode_image(opened.image),), 1)
    images = tuple(QImage(p.pixels, p.width, p.height, p.stride, QImage.Format.Format_RGB888).copy()
                   for p in opened.pages)
    return LoadedPages(images, opened.page_count)


def decode_image(data: bytes) -> QImage:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if not reader.canRead():
        raise DocumentError(Problem.UNREADABLE, reader.errorString())
    if size.isValid() and size.width() * size.height() > MAX_IMAGE_PIXELS:
        raise DocumentError(Problem.TOO_LARGE, f"{size.width()}×{size.height()} pixels")
    image = reader.read()
    if image.isNull():
        raise DocumentError(Problem.UNREADABLE, reader.errorString())
    return image


class DocumentView(QWidget):
    """Pages one under the other in a scroll area, fit to its width unless zoomed."""

    closed = Signal()
    document_chosen = Signal(int)   # index into the report's documents

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentPane")
        self.title = QLabel()
        self.title.setObjectName("documentTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.chooser = QComboBox()
        self.chooser.setObjectName("documentChooser")
        self.chooser.activated.connect(self.document_chosen)
        self.zoom_out, self.zoom_in, self.fit_button, self.close_button = (QToolButton(self) for _ in range(4))
        self.zoom_out.setText("−")
        self.zoom_in.setText("+")
        self.close_button.setText("✕")
        self.close_button.setObjectName("closeDocument")
        self.zoom_out.clicked.connect(lambda: self._zoom_by(1 / ZOOM_STEP))
        self.zoom_in.clicked.connect(lambda: self._zoom_by(ZOOM_STEP))
        self.fit_button.clicked.connect(self.fit_width)
        self.close_button.clicked.connect(self.closed)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.title, 1)
        for w in (self.chooser, self.zoom_out, self.zoom_in, self.fit_button, self.close_button):
            header.addWidget(w, 0, Qt.AlignmentFlag.AlignTop)
        self.message = QLabel()
        self.message.setObjectName("documentMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        self.pages_widget = QWidget()
        self.pages_widget.setObjectName("documentPages")
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.pages_layout.setSpacing(8)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.pages_widget)
        self.scroll_area.setStyleSheet("QScrollArea { background: #5f6368; } #documentPages { background: #5f6368; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll_area, 1)
        self._images: tuple[QImage, ...] = ()
        self._labels: list[QLabel] = []
        self._zoom: float | None = None   # None: fit to width
        self._state: tuple[str, object] = ("", None)   # the message, kept to word it again on a language change
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(60)
        self._relayout.timeout.connect(self._lay_out)
        self.retranslateUi()

    # --- what the chart panel calls ------------------------------------------------------

    def show_loading(self, title: str, documents: tuple[Document, ...], index: int) -> None:
        self._set_header(title, documents, index)
        self._set_pages(())
        self._state = ("loading", None)
        self._render_message()

    def show_pages(self, loaded: LoadedPages) -> None:
        self._zoom = None
        self._set_pages(loaded.images)
        self._state = ("capped", loaded) if loaded.capped else ("", None)
        self._render_message()

    def show_problem(self, error: BaseException) -> None:
        self._set_pages(())
        self._state = ("problem", error)
        self._render_message()

    def _render_message(self) -> None:
        kind, detail = self._state
        if kind == "loading":
            self._say(self.tr("Opening the original document…"), problem=False)
        elif kind == "capped" and isinstance(detail, LoadedPages):
            self._say(self.tr("Showing the first {n} of {total} pages.").format(
                n=len(detail.images), total=detail.page_count), problem=False)
        elif kind == "problem" and isinstance(detail, BaseException):
            self._say(self.problem_text(detail), problem=True)
        else:
            self.message.hide()

    def pages(self) -> list[QLabel]:
        """The page labels as laid out (for tests and the screenshot)."""
        return list(self._labels)

    def problem_text(self, error: BaseException) -> str:
        """What went wrong, in one language: the source's own (English) words follow only in English."""
        sentence, detail = self._problem_words(error)
        return with_english_detail(sentence, detail)

    def _problem_words(self, error: BaseException) -> tuple[str, str]:
        if not isinstance(error, DocumentError):
            return self.tr("The document could not be opened."), str(error)
        p, detail = error.problem, error.detail
        if p is Problem.UNSUPPORTED:
            return self.tr("Huren cannot show documents of this type ({type}): only PDF, PNG and JPEG.").format(
                type=detail), ""
        if p is Problem.TOO_LARGE:
            return self.tr("The document is too large to open here (the limit is {mb} MB).").format(
                mb=MAX_DOCUMENT_BYTES // (1024 * 1024)), ""
        if p is Problem.OTHER_SERVER:
            return self.tr("The document is kept on another server ({server}). Huren opens documents only from "
                           "the platform the report came from.").format(server=detail), ""
        if p is Problem.NO_CONTENT:
            return self.tr("The report names a document but carries neither its content nor its address."), ""
        if p is Problem.UNREADABLE:
            return self.tr("The document cannot be read: it is damaged or not what it claims to be."), detail
        return self.tr("The platform did not give the document."), detail

    # --- layout ---------------------------------------------------------------------------

    def fit_width(self) -> None:
        self._zoom = None
        self._lay_out()

    def _zoom_by(self, factor: float) -> None:
        if not self._images:
            return
        current = self._zoom if self._zoom is not None else self._fit_scale()
        self._zoom = max(0.2, min(4.0, current * factor))
        self._lay_out()

    def _fit_scale(self) -> float:
        widest = max((i.width() for i in self._images), default=0)
        # the vertical scroll bar's room is always kept, so fitting never makes a horizontal one appear
        area = self.scroll_area
        room = (area.width() - 2 * area.frameWidth() - area.verticalScrollBar().sizeHint().width()
                - self.pages_layout.contentsMargins().left() - self.pages_layout.contentsMargins().right() - 2)
        return max(0.1, room / widest) if widest else 1.0

    def _set_pages(self, images: tuple[QImage, ...]) -> None:
        for label in self._labels:
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self._labels = []
        self._images = images
        for i in range(len(images)):
            label = QLabel(self.pages_widget)
            label.setObjectName(f"documentPage{i + 1}")
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            label.setStyleSheet("background: white;")
            self.pages_layout.addWidget(label)
            self._labels.append(label)
        self._lay_out()

    def _lay_out(self) -> None:
        scale = self._zoom if self._zoom is not None else self._fit_scale()
        for image, label in zip(self._images, self._labels, strict=True):
            size = QSize(max(1, round(image.width() * scale)), max(1, round(image.height() * scale)))
            if label.pixmap().size() != size:
                label.setPixmap(QPixmap.fromImage(image.scaled(size, Qt.AspectRatioMode.IgnoreAspectRatio,
                                                               Qt.TransformationMode.SmoothTransformation)))
                label.setFixedSize(size)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's signature
        super().resizeEvent(event)
        if self._zoom is None and self._images:
            self._relayout.start()

    # --- words ------------------------------------------------------------------------------

    def _set_header(self, title: str, documents: tuple[Document, ...], index: int) -> None:
        self.title.setText(title)
        self.chooser.clear()
        for i, d in enumerate(documents):
            self.chooser.addItem(self._document_label(d, i))
        self.chooser.setCurrentIndex(index)
        self.chooser.setVisible(len(documents) > 1)

    def _document_label(self, document: Document, index: int) -> str:
        kind = "PDF" if document.is_pdf else document.media_type.removeprefix("image/").upper() or "?"
        name = document.title or self.tr("Document {n}").format(n=index + 1)
        return f"{name} ({kind})"

    def _say(self, text: str, problem: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b3261e; font-weight: 600;" if problem else "color: #4a4f57;")
        self.message.show()

    def retranslateUi(self) -> None:
        self.zoom_out.setToolTip(self.tr("Zoom out"))
        self.zoom_in.setToolTip(self.tr("Zoom in"))
        self.fit_button.setText(self.tr("Fit width"))
        self.close_button.setToolTip(self.tr("Close the document"))
        self._render_message()

