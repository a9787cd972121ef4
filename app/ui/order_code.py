"""The short order number as a QR code: a picture for the consent dialog, squares for the printed form.

A form that comes back signed is matched to its order by scanning, not by reading a long
id off paper. segno makes the symbol (a maintained, dependency-free QR encoder); this module
draws its modules: as a QImage at whole pixels per module for the screen, and inside the
form's QTextDocument as filled squares (`embed_qr`), because the PDF writer stores every
picture as a JPEG, whose blur at the modules' edges a scanner does not need. segno is
imported when a code is drawn: the main window never pays for it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

#: The quiet zone around the symbol, in modules: the QR standard's minimum, which scanners need.
QUIET_ZONE = 4
#: The document object type of an embedded code, and the properties its format carries.
QR_OBJECT = int(QTextFormat.ObjectTypes.UserObject) + 1
_TEXT = int(QTextFormat.Property.UserProperty) + 1
_SIDE = int(QTextFormat.Property.UserProperty) + 2
#: What QTextDocument calls a pixel in HTML sizes: 1/96 inch, scaled to the paint device's resolution.
_CSS_DPI = 96.0


def qr_modules(text: str) -> list[list[bool]]:
    """`text` as QR modules, quiet zone included (True: dark).

    Error correction level M at least (segno raises it when the symbol has room): a crease or a
    pen stroke across the printed code still scans.
    """
    import segno

    symbol = segno.make(text, error="m", micro=False)
    return [[bool(dark) for dark in row] for row in symbol.matrix_iter(scale=1, border=QUIET_ZONE)]


def paint_qr(painter: QPainter, rect: QRectF, text: str) -> None:
    """The code filling `rect` (a square): white ground, each row's dark runs as one black rectangle."""
    rows = qr_modules(text)
    module = rect.width() / len(rows)
    painter.fillRect(rect, QColor("white"))
    for y, row in enumerate(rows):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            painter.fillRect(QRectF(rect.x() + start * module, rect.y() + y * module, (x - start) * module, module),
                             QColor("black"))


def qr_image(text: str, module_px: int = 4) -> QImage:
    """`text` as a black-on-white QR code, `module_px` pixels per module, quiet zone included."""
    size = len(qr_modules(text)) * module_px
    image = QImage(size, size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        paint_qr(painter, QRectF(0, 0, size, size), text)
    finally:
        painter.end()
    return image


class _QrObject(QPyTextObject):
    """Draws the codes a document holds as objects of type QR_OBJECT."""

    def intrinsicSize(self, doc: QTextDocument, _pos: int, fmt: QTextFormat) -> QSizeF:  # noqa: N802 - Qt naming
        device = doc.documentLayout().paintDevice()
        side = float(fmt.property(_SIDE)) * (device.logicalDpiX() / _CSS_DPI if device else 1.0)
        return QSizeF(side, side)

    def drawObject(self, painter: QPainter, rect: QRectF | QRect, _doc: QTextDocument,  # noqa: N802 - Qt naming
                   _pos: int, fmt: QTextFormat) -> None:
        paint_qr(painter, QRectF(rect), str(fmt.property(_TEXT)))


def embed_qr(doc: QTextDocument, placeholder: str, text: str) -> bool:
    """Put the code of `text` where the document's `<img src="{placeholder}" width=…>` is, at the
    image's width; False when the document has no such image. Call it again after each setHtml."""
    layout = doc.documentLayout()
    if layout.handlerForObject(QR_OBJECT) is None:
        layout.registerHandler(QR_OBJECT, _QrObject(doc))   # owned by the document, drawn as long as it lives
    cursor = QTextCursor(doc)
    while True:
        cursor = doc.find("\ufffc", cursor)
        if cursor.isNull():
            return False
        fmt = cursor.charFormat()
        if fmt.isImageFormat() and fmt.toImageFormat().name() == placeholder:
            code = QTextCharFormat()
            code.setObjectType(QR_OBJECT)
            code.setProperty(_TEXT, text)
            code.setProperty(_SIDE, fmt.toImageFormat().width())
            cursor.insertText("\ufffc", code)
            # Qt lays out only from the edit on, and then paints nothing of the paragraphs after a
            # table on later pages (the room is kept, the text is not drawn): lay the whole out again.
            doc.markContentsDirty(0, doc.characterCount())
            return True

