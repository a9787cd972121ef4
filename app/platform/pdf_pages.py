"""PDF pages as plain RGB rasters, rendered with PDFium (pypdfium2), for the document pane.

pypdfium2 is imported on the first document opened, never at start-up. PDFium is not
thread-safe, so one lock serializes rendering whichever worker asks. The document comes
from another hospital and may be broken or hostile: pages and pixels are capped, and every
failure is one `PdfUnreadable` with PDFium's reason, never a crash.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from threading import Lock

from app.domain.models import MAX_DOCUMENT_PAGES

log = logging.getLogger("huren.platform")

#: A page is rendered this wide (an A4 page at 150 dpi): sharp at the pane's fit-to-width
#: and at the first zoom steps.
PAGE_WIDTH = 1240
#: No page longer than this on either side (a hostile 5-metre "page" stays a strip).
MAX_SIDE = 2600
#: All pages of one document together (RGB, 3 bytes a pixel: ~120 MB at most).
MAX_PIXELS = 40_000_000

_LOCK = Lock()


class PdfUnreadable(Exception):
    """Not a PDF PDFium can render (truncated, encrypted, not a PDF at all); the text says why."""


@dataclass(frozen=True)
class Raster:
    """One rendered page: `pixels` row by row, RGB, `stride` bytes a row."""

    width: int
    height: int
    stride: int
    pixels: bytes


@dataclass(frozen=True)
class RenderedPdf:
    pages: tuple[Raster, ...]
    page_count: int          # pages in the document; more than len(pages) when capped

    @property
    def capped(self) -> bool:
        return len(self.pages) < self.page_count


def render_pdf(data: bytes, *, max_pages: int = MAX_DOCUMENT_PAGES, width: int = PAGE_WIDTH,
               max_pixels: int = MAX_PIXELS) -> RenderedPdf:
    """The first pages of a PDF, each `width` pixels wide (less for very long pages)."""
    if not data.startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
        raise PdfUnreadable("not a PDF (no %PDF header)")
    import pypdfium2 as pdfium  # only once a document is opened: it costs start-up time

    pages: list[Raster] = []
    with _LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as e:
            raise PdfUnreadable(str(e)) from None
        try:
            count = len(document)
            if count < 1:
                raise PdfUnreadable("the PDF has no pages")
            budget = max_pixels
            for index in range(min(count, max_pages)):
                page = document[index]
                try:
                    raster = _render(page, width, budget)
                finally:
                    page.close()
                if raster is None:
                    break
                pages.append(raster)
                budget -= raster.width * raster.height
        except pdfium.PdfiumError as e:
            if not pages:
                raise PdfUnreadable(str(e)) from None
            log.info("PDF page %d could not be rendered (%s); showing the pages before it", len(pages) + 1, e)
        finally:
            document.close()
    return RenderedPdf(tuple(pages), count)


def _render(page, width: int, budget: int) -> Raster | None:  # noqa: ANN001 - a pypdfium2 PdfPage
    """One page, or None when the pixel budget is spent."""
    page_width, page_height = page.get_size()
    if page_width <= 0 or page_height <= 0:
        raise PdfUnreadable("a page has no size")
    scale = min(width / page_width, MAX_SIDE / page_height)
    pixels = page_width * scale * page_height * scale
    if pixels > budget:
        if budget < 0.25 * width * width:   # not even a quarter page left
            return None
        scale *= (budget / pixels) ** 0.5
    bitmap = page.render(scale=scale, rev_byteorder=True, fill_color=(255, 255, 255, 255))
    try:
        if bitmap.n_channels != 3:
            raise PdfUnreadable(f"unexpected pixel format {bitmap.mode}")
        return Raster(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
    finally:
        bitmap.close()
