"""A DICOMweb client for one image server: QIDO-RS listings, WADO-RS retrieval instance by instance.

Built on `dicomweb-client`, which owns the DICOM JSON and multipart details; this module
adds what the workstation needs around it: our session policy (timeouts, TLS with a site
CA bundle, a couple of retries for a restarting gateway, as in `fhir.client`), every
failure as one `DicomWebError` with a message a person can act on, and plain result types.

Decisions worth knowing:

- Every server is possibly hostile, and every request is bounded (issue 13): its status
  line and headers by a wall-clock deadline (`answer_deadline`: requests' read timeout
  restarts with every byte, so a server dripping one byte a second would hold a request for
  ever), its body by a size cap and a time budget, redirects followed only within the
  server's origin (never their bodies read), JSON parsed with its depth bounded.
- The bounds of a series are per instance, not for the whole answer: a 300-slice series over a
  slow link may take minutes, but each instance must come whole within the timeout and under
  `MAX_INSTANCE_BYTES`, or the iteration ends with a DicomWebError saying which. The time is
  counted only while waiting on the socket: a viewer decoding one instance does not eat into
  the next one's time. Past it the process's deadline watchdog shuts the socket down.
- dicomweb-client makes the WADO-RS requests and reads their bodies itself, so the bounds are
  applied by a response hook on the session (`_bounded_answer`), which reads a whole body or
  replaces the raw stream before the library touches either; the bounds of the request in
  progress travel to it in a context variable. The QIDO-RS listings and rendered pictures are
  plain GETs of our own (the library would call `response.json()`: RecursionError on deep JSON).
- Instances are asked for with `transfer-syntax=*`, so a server sends what it stores
  (JPEG 2000, RLE, ...) instead of decompressing on its side; we decode locally.
- `iter_series` streams: each instance is yielded as soon as its multipart part has
  arrived. `retrieve_series` of the library reads the whole body first (and was 7× slower
  than the wire here), so it is never used. Under urllib3 2 even the library's streaming
  waited for a full chunk (or the next instance) before handing one over; the hook's stream
  hands over what has arrived.
- The site CA bundle is honoured even when REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE is set in
  the environment, which plain requests lets override a session's `verify` (`SiteTrustSession`).
- dicomweb-client's own retry loop (5 attempts, exponential waits, also on connection
  errors) is switched off: a dead hospital must cost one timeout, not half a minute.
- dicomweb-client and pydicom are imported on first use: they cost half a second, and
  the application must start fast.

Threads: one client may be shared by several worker threads (e.g. one per series). The
connection pool is thread-safe and the client keeps no per-request state; requests'
Session is not formally documented as thread-safe, but plain GETs without cookies share it
safely in practice. What is not shareable: an iterator returned by `iter_series` or
`iter_instances` belongs to the one thread that consumes it, and `close()` must wait until
no request is in flight.
"""

from __future__ import annotations

import logging
import re
import socket
import struct
import threading
import time as clock
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import requests
from urllib3.exceptions import HTTPError, ReadTimeoutError

from app.domain.dicom_instance import parse_da, parse_tm
from app.domain.fhir_json import cut_text, parse_answer, parse_json
from app.domain.imaging import ImagingSeries
from app.platform.deadlines import WATCHDOG, answer_deadline
from app.platform.fhir.client import same_origin
from app.platform.http_session import new_session

if TYPE_CHECKING:
    from dicomweb_client import DICOMwebClient
    from pydicom import Dataset

log = logging.getLogger("huren.platform.dicomweb")

#: WADO-RS Accept: any transfer syntax, i.e. the one the server stores (no transcoding there).
RETRIEVE_ACCEPT = 'multipart/related; type="application/dicom"; transfer-syntax=*'
_ANY_SYNTAX = (("application/dicom", "*"),)
#: Statuses that mean "no picture for this one" on /thumbnail and /rendered, not a failure:
#: not implemented (404, 501), media type not offered (406, 415), or, as Orthanc answers for
#: a transfer syntax it cannot decode, 400.
_NO_IMAGE = frozenset({400, 404, 406, 415, 501})
#: Most bytes read from the socket per step while streaming; fewer when fewer have arrived
#: (see `_Body.stream`), so it bounds memory per step, not latency.
CHUNK_SIZE = 256 * 1024
#: The largest instance read: one part of a multipart answer, or a whole single-part one.
#: Multi-frame instances are the large ones (a breast tomosynthesis, an enhanced CT or MR
#: series in one instance: 100-400 MB as stored, compressed). Reading one holds 4-5 copies of
#: it at the peak (the library's buffer, the part cut out of it, pydicom's reading; measured
#: 4.3x streamed, 5x retrieved alone), so 512 MB costs 2.2-2.5 GB before any decoding: the most
#: a workstation can spare beside the viewer. A larger one is not read; the message says so.
MAX_INSTANCE_BYTES = 512 * 1024 * 1024
#: The largest QIDO-RS answer read: a study's entry is about 1 kB, so this is tens of
#: thousands of them; the same cap as a FHIR answer's.
MAX_LISTING_BYTES = 32 * 1024 * 1024
#: The largest rendered picture read: a thumbnail is some kB, a full rendered frame a few MB.
MAX_PICTURE_BYTES = 16 * 1024 * 1024
#: What is read of an error answer's body: room for the server's explanation, no more.
_ERROR_BYTES = 64 * 1024
_MAX_REDIRECTS = 5
_DICOM_JSON = "application/dicom+json, application/json"
_CONNECT_TIMEOUT = 5.0
_UID = re.compile(r"[0-9]+(\.[0-9]+)*")

# QIDO-RS attributes, by tag: every server accepts tags, not every one keywords.
_STUDY_FIELDS = ("00081030", "00080061", "00201206", "00201208", "00080080")
_SERIES_FIELDS = ("0008103E", "00180015", "00201209")
_INSTANCE_FIELDS = ("00080016", "00200013", "00280010", "00280011", "00280008")


class DicomWebError(Exception):
    """The image server failed us; `message` is for the user, `status` is None without an answer."""

    def __init__(self, message: str, status: int | None = None, timed_out: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.timed_out = timed_out


@dataclass(frozen=True)
class StudyEntry:
    uid: str
    date: date | None
    time: time | None
    description: str
    patient_name: str            # readable, e.g. "张伟" or "Li Na"; "" when the server sent none
    patient_id: str
    accession: str
    modalities: tuple[str, ...]
    series_count: int | None     # None: the server did not say
    instance_count: int | None
    institution: str


@dataclass(frozen=True)
class InstanceEntry:
    uid: str
    number: int | None
    sop_class_uid: str
    rows: int | None
    columns: int | None
    frames: int                  # 1 unless Number of Frames says otherwise


class DicomWebClient:
    """One DICOMweb service (its base URL, e.g. `https://pacs.example/dicom-web`).

    `timeout` bounds each request's connecting and headers, a listing or a picture whole,
    and each instance of a series (see the module's decisions). The size caps are
    attributes, the module's constants unless changed: `max_instance_bytes`,
    `max_listing_bytes`, `max_picture_bytes`.

    Pass `session` to bring your own authentication (a token-bearing session); it is used
    as given, with its own adapters and retries, except that `ca_bundle` and `proxy`, when
    set, become its `verify` and `proxies`, and `close()` leaves it open. Make it with
    `http_session.new_session`: only its adapter bounds the wait for an answer's headers.
    """

    def __init__(self, base_url: str, *, timeout: float = 30, ca_bundle: str | None = None, proxy: str = "",
                 session: requests.Session | None = None) -> None:
        parts = urlsplit(base_url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise DicomWebError(f"not a DICOMweb address: {base_url!r} (expected http:// or https://)")
        self.base_url = base_url.strip().rstrip("/")
        self.timeout = (min(_CONNECT_TIMEOUT, timeout), timeout)
        self._own_session = session is None
        if session is None:
            session = new_session(ca_bundle, proxy=proxy, respect_retry_after=False)
            session.max_redirects = _MAX_REDIRECTS
        else:
            if ca_bundle:
                session.verify = ca_bundle
            if proxy:
                session.proxies = {"http": proxy, "https": proxy}
        hooks = session.hooks.setdefault("response", [])
        if _bounded_answer not in hooks:
            hooks.append(_bounded_answer)
        self.session = session
        self.max_instance_bytes = MAX_INSTANCE_BYTES
        self.max_listing_bytes = MAX_LISTING_BYTES
        self.max_picture_bytes = MAX_PICTURE_BYTES
        self._api_obj: DICOMwebClient | None = None
        self._api_lock = threading.Lock()
        self._has_thumbnails: bool | None = None   # learnt from the first answer

    def __enter__(self) -> DicomWebClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._own_session:
            self.session.close()

    # --- QIDO-RS -------------------------------------------------------------------------

    def studies(self, *, patient_id: str | None = None, study_uid: str | None = None,
                date_from: date | None = None, date_to: date | None = None, modality: str | None = None,
                limit: int | None = None) -> list[StudyEntry]:
        """Studies matching every filter given, in the server's order."""
        filters: dict[str, str] = {}
        if patient_id:
            filters["PatientID"] = patient_id
        if study_uid:
            filters["StudyInstanceUID"] = _checked_uid(study_uid)
        if date_from or date_to:
            filters["StudyDate"] = (f"{date_from:%Y%m%d}" if date_from else "") + "-" + \
                                   (f"{date_to:%Y%m%d}" if date_to else "")
        if modality:
            filters["ModalitiesInStudy"] = modality
        if limit is not None:
            filters["limit"] = str(int(limit))
        found = self._listing("/studies", filters, _STUDY_FIELDS, "the study list")
        return [entry for item in found if (entry := _study(item)) is not None]

    def series(self, study_uid: str) -> list[ImagingSeries]:
        """The study's series, by series number (those without one last)."""
        found = self._listing(f"/studies/{_checked_uid(study_uid)}/series", {}, _SERIES_FIELDS,
                              "the study's series list")
        series = [entry for item in found if (entry := _series(item)) is not None]
        return sorted(series, key=lambda s: (s.number is None, s.number or 0))

    def instances(self, study_uid: str, series_uid: str) -> list[InstanceEntry]:
        """The series' instances, by instance number (those without one last)."""
        found = self._listing(f"/studies/{_checked_uid(study_uid)}/series/{_checked_uid(series_uid)}/instances",
                              {}, _INSTANCE_FIELDS, "the series' instance list")
        instances = [entry for item in found if (entry := _instance(item)) is not None]
        return sorted(instances, key=lambda i: (i.number is None, i.number or 0))

    # --- WADO-RS -------------------------------------------------------------------------

    def iter_series(self, study_uid: str, series_uid: str) -> Iterator[Dataset]:
        """Every instance of the series, each yielded as soon as it has arrived (server order).

        Nothing is sent before the first `next()`. Closing the iterator early (or dropping
        it) closes the response and frees the connection. Each instance must come whole
        within the timeout and under the cap; else the iteration ends with a DicomWebError.
        """
        study_uid, series_uid = _checked_uid(study_uid), _checked_uid(series_uid)
        with self._bounded("the series", self.max_instance_bytes, per_instance=True):
            parts = self._api.iter_series(study_uid, series_uid, media_types=_ANY_SYNTAX)
        try:
            while True:
                with self._errors("the series"):
                    dataset = next(parts, None)
                if dataset is None:
                    return
                yield dataset
        finally:
            parts.close()

    def retrieve_instance(self, study_uid: str, series_uid: str, instance_uid: str) -> Dataset:
        with self._bounded("the instance", self.max_instance_bytes, per_instance=True):
            return self._api.retrieve_instance(_checked_uid(study_uid), _checked_uid(series_uid),
                                               _checked_uid(instance_uid), media_types=_ANY_SYNTAX)

    def iter_instances(self, study_uid: str, series_uid: str, instance_uids: Iterable[str], *,
                       workers: int = 1) -> Iterator[Dataset]:
        """The given instances in the given order, one WADO-RS request each.

        Slower than `iter_series` for a whole series, but the caller chooses the order, e.g.
        the middle slice first so the viewer has something to show. With `workers > 1`,
        that many requests run at once, at most `2 * workers` ahead of the consumer.
        """
        uids = iter(list(instance_uids))
        if workers <= 1:
            for uid in uids:
                yield self.retrieve_instance(study_uid, series_uid, uid)
            return
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dicomweb")
        pending: deque = deque()
        try:
            for uid in uids:
                pending.append(pool.submit(self.retrieve_instance, study_uid, series_uid, uid))
                if len(pending) >= 2 * workers:
                    break
            while pending:
                dataset = pending.popleft().result()
                uid = next(uids, None)
                if uid is not None:
                    pending.append(pool.submit(self.retrieve_instance, study_uid, series_uid, uid))
                yield dataset
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    def thumbnail(self, study_uid: str, series_uid: str, instance_uid: str | None = None,
                  size: int = 128) -> bytes | None:
        """A JPEG of the series (or of one instance) at most `size` pixels wide and high.

        Tries WADO-RS /thumbnail, then /rendered of the instance (the series' middle one
        when none is given). None when the server cannot make a picture: it has no such
        service (Orthanc's plugin 1.7 has no /thumbnail) or cannot decode the image.
        """
        series_path = f"/studies/{_checked_uid(study_uid)}/series/{_checked_uid(series_uid)}"
        instance_path = f"{series_path}/instances/{_checked_uid(instance_uid)}" if instance_uid else None
        # Raw commas: Orthanc's plugin does not decode %2C in the viewport.
        query = f"viewport={int(size)},{int(size)}"
        if self._has_thumbnails is not False:
            picture = self._image(f"{instance_path or series_path}/thumbnail", query)
            if picture is not None:
                self._has_thumbnails = True
                return picture
        if instance_path is None:
            listed = self.instances(study_uid, series_uid)
            if not listed:
                return None
            instance_path = f"{series_path}/instances/{_checked_uid(listed[len(listed) // 2].uid)}"
        picture = self._image(f"{instance_path}/rendered", query)
        if picture is not None and self._has_thumbnails is None:
            self._has_thumbnails = False   # renders, but has no /thumbnail: stop asking for it
        return picture

    # --- plumbing ------------------------------------------------------------------------

    @property
    def _api(self) -> DICOMwebClient:
        with self._api_lock:
            if self._api_obj is None:
                from dicomweb_client import DICOMwebClient

                try:
                    api = DICOMwebClient(self.base_url, session=self.session, timeout=self.timeout,
                                         chunk_size=CHUNK_SIZE)
                except ValueError as e:
                    raise DicomWebError(f"not a usable DICOMweb address: {e}") from None
                api.set_http_retry_params(retry=False)   # ours are in the session's adapter
                self._api_obj = api
            return self._api_obj

    @property
    def _host(self) -> str:
        return urlsplit(self.base_url).netloc

    def _image(self, path: str, query: str) -> bytes | None:
        response = self._get(f"{path}?{query}", "image/jpeg", "the picture", self.max_picture_bytes)
        if response.status_code in _NO_IMAGE:
            return None
        if response.status_code >= 400:
            raise _http_error(response, "the picture")
        if not response.headers.get("Content-Type", "").startswith("image/") or not response.content:
            return None
        return response.content

    def _listing(self, path: str, filters: dict[str, str], fields: Iterable[str], what: str) -> list[dict]:
        """A QIDO-RS search's DICOM JSON items; an answer that is not one is a DicomWebError.

        Our own GET rather than the library's search, which calls `response.json()`: that
        raises RecursionError, not ValueError, on JSON nested some thousands deep.
        """
        params = {**filters, "includefield": list(fields)}
        response = self._get(path, _DICOM_JSON, what, self.max_listing_bytes, params)
        if not 200 <= response.status_code < 300:
            raise _http_error(response, what)
        if "Warning" in response.headers:   # e.g. "there are more results than were returned"
            log.warning("the DICOMweb server warns about %s: %s", what, cut_text(response.headers["Warning"], 200))
        if not response.content.strip():
            return []
        kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if kind and "json" not in kind:
            raise DicomWebError(f"the DICOMweb server's answer for {what} is {cut_text(kind, 60)}, not DICOM JSON")
        try:
            found = parse_answer(response.content)
        except ValueError as e:
            raise DicomWebError(f"the DICOMweb server sent unreadable data for {what}: {e}") from None
        # Some servers send a lone data set instead of an array of them (dicomweb-client took it too).
        return _items([found] if isinstance(found, dict) else found, what)

    def _get(self, path: str, accept: str, what: str, max_bytes: int,
             params: dict[str, Any] | None = None) -> requests.Response:
        """A GET of ours, its body read whole within the bounds (see `_bounded`)."""
        with self._bounded(what, max_bytes):
            return self.session.get(f"{self.base_url}{path}", params=params, headers={"Accept": accept},
                                    timeout=self.timeout)

    @contextmanager
    def _bounded(self, what: str, max_bytes: int, *, per_instance: bool = False) -> Iterator[None]:
        """The requests in this block (ours or the library's) are bounded, their failures DicomWebErrors.

        Headers by the deadline (`answer_deadline`); the body under `max_bytes` and within
        the timeout, either whole or, with `per_instance`, each instance of it (`_bounded_answer`).
        """
        seconds = self.timeout[1]
        ends = clock.monotonic() + seconds
        bounds = _Bounds(self.base_url, "an image" if per_instance else what, max_bytes, seconds, ends, per_instance)
        token = _BOUNDS.set(bounds)
        try:
            with self._errors(what, ends), answer_deadline(ends):
                yield
        finally:
            _BOUNDS.reset(token)

    @contextmanager
    def _errors(self, what: str, ends: float | None = None) -> Iterator[None]:
        """Turns whatever the network, the server or the parser raised into a DicomWebError.

        Past `ends`, a broken connection is the deadline's doing: the watchdog shut its socket.
        """
        from pydicom.errors import InvalidDicomError

        try:
            yield
        except DicomWebError:
            raise
        except requests.HTTPError as e:
            raise _http_error(e.response, what) from None
        except requests.Timeout:
            raise DicomWebError(f"the DICOMweb server did not answer within {self.timeout[1]:g} s",
                                timed_out=True) from None
        except requests.exceptions.SSLError as e:
            raise DicomWebError(f"TLS with {self._host} failed (is its certificate trusted?): {_reason(e)}") from None
        except requests.ConnectionError as e:
            # A read timeout comes as a "connection" error: wrapped by the retry (read retries
            # are off) before the answer, or directly while a streamed body is being read.
            cause = e.args[0] if e.args else None
            if isinstance(cause, ReadTimeoutError) or isinstance(getattr(cause, "reason", None), ReadTimeoutError) \
                    or (ends is not None and clock.monotonic() >= ends):
                raise DicomWebError(f"the DICOMweb server did not answer within {self.timeout[1]:g} s",
                                    timed_out=True) from None
            raise DicomWebError(f"cannot connect to the DICOMweb server {self._host}: {_reason(e)}") from None
        except requests.TooManyRedirects:
            raise DicomWebError(f"the DICOMweb server redirected more than {self.session.max_redirects} times; "
                                f"not followed") from None
        except requests.RequestException as e:
            raise DicomWebError(f"the transfer of {what} broke off: {_short(e)}") from None
        except InvalidDicomError:
            raise DicomWebError(f"the DICOMweb server sent something that is not DICOM for {what}") from None
        except (ValueError, KeyError, IndexError, EOFError, OSError, struct.error) as e:
            raise DicomWebError(f"the DICOMweb server's answer for {what} could not be read: "
                                f"{_short(e) or type(e).__name__}") from None


@dataclass(frozen=True)
class _Bounds:
    """What the request in progress may take: set by `DicomWebClient._bounded`, applied by `_bounded_answer`."""

    origin: str          # a redirect elsewhere is refused
    what: str            # for messages: "the study list", "an image"
    max_bytes: int       # per instance when `per_instance`, else for the whole body
    seconds: float       # the same, for waiting on the socket
    ends: float          # the whole request's deadline (time.monotonic()), when not `per_instance`
    per_instance: bool


_BOUNDS: ContextVar[_Bounds | None] = ContextVar("huren_dicomweb_bounds", default=None)


def _bounded_answer(response: requests.Response, *args: Any, **kwargs: Any) -> requests.Response:
    """Response hook: an answer to one of our requests is read within its bounds, whoever reads it.

    Runs as soon as the headers are in, before requests or dicomweb-client touch the body:
    a redirect is checked and its body dropped, an error's body read up to `_ERROR_BYTES`, a
    streamed body's raw stream replaced by a bounded one, any other body read whole, bounded.
    Answers outside a `_bounded` block pass untouched (a caller's session may serve others).
    """
    bounds = _BOUNDS.get()
    if bounds is None:
        return response
    if response.is_redirect:
        return _redirect(response, bounds)
    body = _Body(response, bounds)
    if response.status_code >= 400:
        response._content = body.read(up_to=_ERROR_BYTES)
        response.close()
        return response
    body.refuse_if_declared_too_large()
    if kwargs.get("stream"):
        response.raw.stream = body.stream
    else:
        response._content = body.read()
    return response


def _redirect(response: requests.Response, bounds: _Bounds) -> requests.Response:
    """A redirect within the server's origin is left to requests to follow; one elsewhere is an error.

    Its body is never read: requests reads a redirect's body whole, unbounded, before
    following it (and even when told not to follow), so a dripping one would hold it for ever.
    """
    target = urljoin(response.url, response.headers["Location"])
    response.close()
    response._content = b""
    if not same_origin(bounds.origin, target):
        raise DicomWebError(f"the DICOMweb server redirected to another server ({urlsplit(target).netloc}); "
                            f"not followed", response.status_code)
    return response


class _Body:
    """One answer's body read against a byte cap and a time budget, whole or per instance.

    Time is counted only while we wait on the socket. While a read waits, the deadline
    watchdog is armed for what is left: past it, the socket is shut down and the blocked read
    returns at once (a dripping server resets the read timeout with every byte), and what came
    before the cut is never taken for a whole answer. Per instance, each part of a multipart
    answer gets the cap and the time afresh when the boundary before it has arrived; bytes are
    counted since that boundary.
    """

    def __init__(self, response: requests.Response, bounds: _Bounds) -> None:
        self._response = response
        self._raw = response.raw
        self._bounds = bounds
        self._delimiter = _part_delimiter(response) if bounds.per_instance else None
        self._left = bounds.seconds if bounds.per_instance else bounds.ends - clock.monotonic()
        self._size = 0          # bytes of the current part (or of the whole body)
        self._tail = b""        # the end of what was read, where a delimiter may have begun
        self._cut_off = False

    def refuse_if_declared_too_large(self) -> None:
        """A single part declared longer than the cap is refused before a byte of it is read."""
        declared = _declared_length(self._response)
        if self._delimiter is None and declared is not None and declared > self._bounds.max_bytes:
            raise self._fail(self._too_large())

    def stream(self, amt: int | None = CHUNK_SIZE, decode_content: bool | None = None) -> Iterator[bytes]:
        """Stands in for `raw.stream`: hands over whatever has arrived, at most `amt` bytes a step.

        urllib3 2's own `stream(amt)` waits for `amt` bytes (or the end), so an instance would
        wait for a chunk's worth of the next one, or for ever if the server paused between them.
        """
        while data := self._read_some(amt or CHUNK_SIZE, decode_content):
            yield data

    def read(self, up_to: int | None = None) -> bytes:
        """The whole body, or its first `up_to` bytes (the rest left unread)."""
        pieces: list[bytes] = []
        size = 0
        while (up_to is None or size < up_to) and \
                (data := self._read_some(CHUNK_SIZE if up_to is None else min(CHUNK_SIZE, up_to - size), True)):
            pieces.append(data)
            size += len(data)
        body = b"".join(pieces)
        return body if up_to is None else body[:up_to]

    def _read_some(self, amt: int, decode_content: bool | None) -> bytes:
        data = self._waiting(lambda: self._raw.read1(amt, decode_content=decode_content))
        self._count(data)
        return data

    def _waiting(self, read: Callable[[], bytes]) -> bytes:
        """`read()` with the watchdog armed for the time left; a cut or a stall is "did not send"."""
        if self._left <= 0:
            raise self._fail(self._late())
        started = clock.monotonic()
        handle = WATCHDOG.arm(started + self._left, self._cut)
        try:
            data = read()
        except ReadTimeoutError:
            raise self._fail(self._late()) from None
        except (HTTPError, OSError) as e:   # urllib3's wrapping of a broken connection, or of our cut
            raise self._fail(self._late() if self._cut_off else self._broken(e)) from None
        finally:
            WATCHDOG.disarm(handle)
            self._left -= clock.monotonic() - started
        if self._cut_off:   # the cut can look like the end of the answer: it is not one
            raise self._fail(self._late())
        return data

    def _cut(self) -> None:
        """On the watchdog's thread: the time ran out while waiting; the blocked read returns now."""
        self._cut_off = True
        if hasattr(self._raw, "shutdown"):   # urllib3 >= 2.3; refuses once the connection is back in the pool
            self._raw.shutdown()
        else:
            sock = getattr(getattr(self._raw, "connection", None), "sock", None)
            if sock is not None:
                sock.shutdown(socket.SHUT_RDWR)

    def _count(self, data: bytes) -> None:
        """Adds `data` to the current part's size; each delimiter in it starts a new part, time and all."""
        if self._delimiter is None:
            self._size += len(data)
        else:
            delimiter = self._delimiter
            window = self._tail + data
            size = self._size - len(self._tail)      # the current part's size at window[0]
            start = 0
            while (at := window.find(delimiter, start)) >= 0:
                if size + at > self._bounds.max_bytes:
                    raise self._fail(self._too_large())
                start = at + len(delimiter)
                size = -start
                self._left = self._bounds.seconds
            self._size = size + len(window)
            self._tail = window[-(len(delimiter) - 1):]
        if self._size > self._bounds.max_bytes:
            raise self._fail(self._too_large())

    def _fail(self, error: DicomWebError) -> DicomWebError:
        """`error`, once the answer is closed: its connection is not to be used again."""
        self._response.close()
        return error

    def _late(self) -> DicomWebError:
        return DicomWebError(f"the DICOMweb server did not send {self._bounds.what} within {self._bounds.seconds:g} s",
                             timed_out=True)

    def _too_large(self) -> DicomWebError:
        return DicomWebError(f"the DICOMweb server sent more than {self._bounds.max_bytes / 2**20:g} MB for "
                             f"{self._bounds.what}; not read")

    def _broken(self, error: Exception) -> DicomWebError:
        return DicomWebError(f"the transfer of {self._bounds.what} broke off: {_short(error)}")


def _part_delimiter(response: requests.Response) -> bytes | None:
    """What ends each part of a multipart answer (CRLF, "--", its boundary); None for a single part.

    Read as dicomweb-client reads it, so both see the same parts.
    """
    kind, *params = [p.strip() for p in response.headers.get("Content-Type", "").split(";")]
    if kind.lower() != "multipart/related":
        return None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "boundary" and value.strip('"'):
            return b"\r\n--" + value.strip('"').encode("utf-8")
    return None


def _declared_length(response: requests.Response) -> int | None:
    """The body's length as the headers declare it, when that is what reading it will give."""
    length = response.headers.get("Content-Length", "").strip()
    if not length.isdigit() or response.headers.get("Content-Encoding", "identity").strip().lower() != "identity":
        return None
    return int(length)


def resolve_endpoint(address: str, fhir_base: str) -> str:
    """The DICOMweb base an Endpoint.address names, absolute or relative to the FHIR server.

    The embedded demo platform listens on whatever port is free, so its Endpoint says
    `/dicom-web`, resolved against the FHIR base's origin. Raises ValueError when the
    address is not an http(s) URL or a path (e.g. a DIMSE `dicom://` endpoint).
    """
    address = address.strip()
    target = urlsplit(address)
    if target.scheme:
        if target.scheme not in ("http", "https") or not target.netloc:
            raise ValueError(f"not a DICOMweb address: {address!r}")
        return address.rstrip("/")
    base = urlsplit(fhir_base)
    if base.scheme not in ("http", "https") or not base.netloc:
        raise ValueError(f"cannot resolve {address!r} against {fhir_base!r}")
    if not address:
        raise ValueError("the endpoint has an empty address")
    # "/dicom-web" -> the FHIR server's origin; "dicom-web" -> next to the FHIR base (RFC 3986).
    return urljoin(fhir_base.rstrip("/") + "/", address).rstrip("/")


# --- DICOM JSON -> entries ----------------------------------------------------------------

def _items(found: Any, what: str) -> list[dict]:
    if not isinstance(found, list) or not all(isinstance(i, dict) for i in found):
        raise DicomWebError(f"the DICOMweb server's answer for {what} is not a DICOM JSON list")
    return found


def _values(item: dict, tag: str) -> list:
    element = item.get(tag)
    values = element.get("Value") if isinstance(element, dict) else None
    return values if isinstance(values, list) else []


def _str(item: dict, tag: str) -> str:
    values = _values(item, tag)
    return str(values[0]).strip() if values and values[0] is not None else ""


def _int(item: dict, tag: str) -> int | None:
    values = _values(item, tag)
    try:
        return int(str(values[0]).strip()) if values else None
    except ValueError:
        return None


def _strs(item: dict, tag: str) -> tuple[str, ...]:
    out: list[str] = []
    for value in _values(item, tag):
        # A non-conformant server may send one backslash-joined string.
        out += [v.strip() for v in str(value).split("\\") if v.strip()]
    return tuple(dict.fromkeys(out))


def _study(item: dict) -> StudyEntry | None:
    uid = _str(item, "0020000D")
    if not uid:
        log.warning("skipped a listed study without a Study Instance UID")
        return None
    names = _values(item, "00100010")
    return StudyEntry(
        uid=uid,
        date=parse_da(_str(item, "00080020")),
        time=parse_tm(_str(item, "00080030")),
        description=_str(item, "00081030"),
        patient_name=readable_name(names[0]) if names else "",
        patient_id=_str(item, "00100020"),
        accession=_str(item, "00080050"),
        modalities=_strs(item, "00080061"),
        series_count=_int(item, "00201206"),
        instance_count=_int(item, "00201208"),
        institution=_str(item, "00080080"),
    )


def _series(item: dict) -> ImagingSeries | None:
    uid = _str(item, "0020000E")
    if not uid:
        log.warning("skipped a listed series without a Series Instance UID")
        return None
    return ImagingSeries(uid=uid, number=_int(item, "00200011"), modality=_str(item, "00080060"),
                         description=_str(item, "0008103E"), body_part=_str(item, "00180015").upper(),
                         instance_count=_int(item, "00201209") or 0)


def _instance(item: dict) -> InstanceEntry | None:
    uid = _str(item, "00080018")
    if not uid:
        log.warning("skipped a listed instance without a SOP Instance UID")
        return None
    return InstanceEntry(uid=uid, number=_int(item, "00200013"), sop_class_uid=_str(item, "00080016"),
                         rows=_int(item, "00280010"), columns=_int(item, "00280011"),
                         frames=max(1, _int(item, "00280008") or 1))


_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff]")


def readable_name(value: Any) -> str:
    """A DICOM JSON person name as people write it: `张^伟` -> 张伟, `Li^Na` -> Li Na.

    The ideographic group wins when it holds a name (a Chinese record's real name, the
    alphabetic group being its pinyin); components stay in DICOM order, family name first,
    joined without spaces when the name is CJK.
    """
    if isinstance(value, dict):
        groups = [value.get("Ideographic"), value.get("Alphabetic"), value.get("Phonetic")]
    else:   # a bare string (non-conformant servers): "Alphabetic=Ideographic=Phonetic"
        parts = str(value or "").split("=")
        groups = [parts[1] if len(parts) > 1 else None, parts[0], parts[2] if len(parts) > 2 else None]
    for group in groups:
        if not isinstance(group, str):
            continue
        components = [c.strip() for c in group.split("^")[:5]] + [""] * 5
        family, given, middle, prefix, suffix = components[:5]
        name = [c for c in (family, given, middle) if c]
        if not name:
            continue
        if _CJK.search("".join(name)):
            return prefix + "".join(name) + suffix
        return " ".join(c for c in (prefix, *name, suffix) if c)
    return ""


def _checked_uid(uid: str) -> str:
    if not isinstance(uid, str) or len(uid) > 64 or not _UID.fullmatch(uid):
        raise DicomWebError(f"not a DICOM UID: {str(uid)[:70]!r}")
    return uid


def _http_error(response: requests.Response | None, what: str) -> DicomWebError:
    if response is None:
        return DicomWebError(f"the DICOMweb server failed on {what}")
    status = response.status_code
    if status == 404:
        message = f"{what} was not found on the DICOMweb server (HTTP 404)"
    elif status in (401, 403):
        message = f"the DICOMweb server refused access to {what} (HTTP {status}): check the account's rights"
    elif status >= 500:
        message = f"the DICOMweb server failed on {what} (HTTP {status} {response.reason or ''})".replace(" )", ")")
    else:
        message = f"the DICOMweb server rejected the request for {what} (HTTP {status} {response.reason or ''})" \
            .replace(" )", ")")
    detail = _detail(response)
    return DicomWebError(message + (f": {detail}" if detail else ""), status)


def _detail(response: requests.Response) -> str:
    """The server's own short explanation, when it gives one in JSON (Orthanc does)."""
    try:
        body = parse_json(response.content or b"")
    except ValueError:
        return ""
    if isinstance(body, dict):
        for key in ("Details", "Message", "message", "error", "detail"):
            if isinstance(body.get(key), str) and body[key]:
                return _short(ValueError(body[key]))
    return ""


def _reason(error: Exception) -> str:
    """The innermost cause urllib3 wrapped (refused, name not found, ...), without the URL."""
    cause: Any = error.args[0] if error.args else error
    while getattr(cause, "reason", None) is not None and cause.reason is not cause:
        cause = cause.reason
    text = str(cause)
    if isinstance(cause, socket.gaierror) or "NameResolution" in type(cause).__name__ \
            or "Name or service not known" in text:
        return "host name not found"
    if "Connection refused" in text:
        return "connection refused"
    errno_at = text.find("[Errno")
    return _short(ValueError(text[errno_at:] if errno_at >= 0 else text))


def _short(error: Exception) -> str:
    text = str(error)
    return text if len(text) < 160 else text[:157] + "..."
