"""Opening a report's printed document: its bytes from the report's own source, its pages rendered.

Runs on a worker (fetching and rendering take time). A document is taken only from where
the report came: inline data, or a URL on the same FHIR source (a relative `Binary/x`, or
an absolute address on the source's origin). Anything else (another server, `urn:`, `file:`)
is refused: the session's token must never go elsewhere, and a report must not make the
workstation fetch from the network at large.

Every way a document cannot be shown is one `DocumentError` with a wordless `Problem`; the
window says it in the user's language.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from enum import Enum
from urllib.parse import urljoin, urlsplit

from app.domain.fhir_json import parse_json
from app.domain.models import MAX_DOCUMENT_BYTES, MAX_DOCUMENT_PAGES, PDF_TYPE, Document, LabReport
from app.platform.fhir.client import FhirError, same_origin
from app.platform.pdf_pages import PdfUnreadable, Raster, render_pdf
from app.services.workspace import Workspace

#: A Binary may come back as FHIR JSON with the bytes in base64: a third larger, plus the wrapper.
_JSON_ALLOWANCE = MAX_DOCUMENT_BYTES // 3 + 64 * 1024


class Problem(Enum):
    UNSUPPORTED = "unsupported"      # not a PDF, PNG or JPEG
    TOO_LARGE = "too-large"          # over MAX_DOCUMENT_BYTES
    OTHER_SERVER = "other-server"    # its URL is not on the report's source
    NO_CONTENT = "no-content"        # neither data nor a URL
    UNREADABLE = "unreadable"        # the bytes are not what the type says (a broken PDF, a bad PNG)
    UNAVAILABLE = "unavailable"      # the source did not give it (HTTP error, no answer)


class DocumentError(Exception):
    def __init__(self, problem: Problem, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True)
class OpenedDocument:
    """What the pane shows: rendered PDF pages, or a picture's bytes for the window to decode."""

    document: Document
    pages: tuple[Raster, ...] = ()
    page_count: int = 0
    image: bytes = b""

    @property
    def capped(self) -> bool:
        return len(self.pages) < self.page_count


def open_document(workspace: Workspace, report: LabReport, document: Document) -> OpenedDocument:
    """Fetch (when needed) and render one document of a report; raises DocumentError."""
    if not document.supported:
        raise DocumentError(Problem.UNSUPPORTED, document.media_type or "?")
    data = document_bytes(workspace, report, document)
    if document.is_pdf:
        try:
            rendered = render_pdf(data, max_pages=MAX_DOCUMENT_PAGES)
        except PdfUnreadable as e:
            raise DocumentError(Problem.UNREADABLE, str(e)) from None
        return OpenedDocument(document, rendered.pages, rendered.page_count)
    return OpenedDocument(document, image=data, page_count=1)


def document_bytes(workspace: Workspace, report: LabReport, document: Document) -> bytes:
    """The document's bytes: inline, or fetched from the report's source; at most MAX_DOCUMENT_BYTES."""
    size = document.byte_size
    if size is not None and size > MAX_DOCUMENT_BYTES:
        raise DocumentError(Problem.TOO_LARGE, f"{size} bytes")
    if document.data is not None:
        return document.data
    if not document.url:
        raise DocumentError(Problem.NO_CONTENT)
    client = workspace.source(report.key.source).client
    url = same_source_url(client.base_url, document.url)
    try:
        body, content_type = client.get_bytes(url, f"{document.media_type or PDF_TYPE}, application/fhir+json;q=0.5",
                                              MAX_DOCUMENT_BYTES + _JSON_ALLOWANCE)
    except FhirError as e:
        raise DocumentError(Problem.UNAVAILABLE, e.message) from None
    if "json" in content_type.lower():
        body = _binary_content(body)
    if len(body) > MAX_DOCUMENT_BYTES:
        raise DocumentError(Problem.TOO_LARGE, f"over {MAX_DOCUMENT_BYTES} bytes")
    return body


def same_source_url(base_url: str, url: str) -> str:
    """The absolute address of `url` if it lies on the source at `base_url`; DocumentError otherwise.

    A relative reference (`Binary/x`) is resolved against the FHIR base; an absolute one must
    have the base's scheme, host and port.
    """
    target = urljoin(base_url, url)
    if not same_origin(base_url, target):
        there = urlsplit(target)
        raise DocumentError(Problem.OTHER_SERVER, there.netloc or there.scheme or url[:80])
    return target


def _binary_content(body: bytes) -> bytes:
    """A FHIR Binary's bytes (servers answer JSON when they cannot give the raw content)."""
    try:
        resource = parse_json(body)
    except ValueError:
        raise DocumentError(Problem.UNREADABLE, "the source answered JSON that does not parse") from None
    if not isinstance(resource, dict) or resource.get("resourceType") != "Binary" \
            or not isinstance(resource.get("data"), str):
        raise DocumentError(Problem.UNREADABLE, "the source answered JSON, but not a Binary with data")
    try:
        return base64.b64decode("".join(resource["data"].split()), validate=True)
    except (binascii.Error, ValueError):
        raise DocumentError(Problem.UNREADABLE, "the Binary's data is not base64") from None
