"""The DICOMweb client for one image server: QIDO-RS listings, WADO-RS retrieval instance by instance.

Built on `dicomweb-client`, which owns the DICOM JSON and multipart details; this module
adds what the workstation needs around it: our session policy (timeouts, TLS with a site
CA bundle, a couple of retries for a restarting gateway, as in `fhir.client`), every
failure as one `DicomWebError` with a message a person can act on, and plain result types
(`entries`). Every request is made inside `_bounded`, so the transport (`transport`) reads
its answer within a deadline, a size cap and the server's origin.

Decisions worth knowing:

- The QIDO-RS listings and rendered pictures are plain GETs of our own: the library would
  call `response.json()`, which raises RecursionError on deeply nested JSON; ours parses
  with its depth bounded.
- Instances are asked for with `transfer-syntax=*`, so a server sends what it stores
  (JPEG 2000, RLE, ...) instead of decompressing on its side; we decode locally.
- `iter_series` streams: each instance is yielded as soon as its multipart part has
  arrived. `retrieve_series` of the library reads the whole body first (and was 7× slower
  than the wire here), so it is never used.
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
import struct
import threading
import time as clock
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import requests
from urllib3.exceptions import ReadTimeoutError

from app.domain.fhir_json import cut_text, parse_answer
from app.domain.imaging import ImagingSeries
from app.platform.deadlines import answer_deadline
from app.platform.dicomweb.entries import (
    INSTANCE_FIELDS,
    SERIES_FIELDS,
    STUDY_FIELDS,
    InstanceEntry,
    StudyEntry,
    dicom_json_items,
    instance_entry,
    series_entry,
    study_entry,
)
from app.platform.dicomweb.errors import DicomWebError, connection_reason, http_error, short
from app.platform.dicomweb.transport import CHUNK_SIZE, Bounds, bound_answers, bounds_in_force
from app.platform.http_session import new_session

if TYPE_CHECKING:
    import numpy as np
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
_MAX_REDIRECTS = 5
_DICOM_JSON = "application/dicom+json, application/json"
_CONNECT_TIMEOUT = 5.0
_UID = re.compile(r"[0-9]+(\.[0-9]+)*")


class DicomWebClient:
    """One DICOMweb service (its base URL, e.g. `https://pacs.example/dicom-web`).

    `timeout` bounds each request's connecting and headers, a listing or a picture whole,
    and each instance of a series (see `transport`). The size caps are
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
        bound_answers(session)
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
        found = self._listing("/studies", filters, STUDY_FIELDS, "the study list")
        return [entry for item in found if (entry := study_entry(item)) is not None]

    def series(self, study_uid: str) -> list[ImagingSeries]:
        """The study's series, by series number (those without one last)."""
        found = self._listing(f"/studies/{_checked_uid(study_uid)}/series", {}, SERIES_FIELDS,
                              "the study's series list")
        series = [entry for item in found if (entry := series_entry(item)) is not None]
        return sorted(series, key=lambda s: (s.number is None, s.number or 0))

    def instances(self, study_uid: str, series_uid: str) -> list[InstanceEntry]:
        """The series' instances, by instance number (those without one last)."""
        found = self._listing(f"/studies/{_checked_uid(study_uid)}/series/{_checked_uid(series_uid)}/instances",
                              {}, INSTANCE_FIELDS, "the series' instance list")
        instances = [entry for item in found if (entry := instance_entry(item)) is not None]
        return sorted(instances, key=lambda i: (i.number is None, i.number or 0))

    # --- WADO-RS -------------------------------------------------------------------------

    def iter_series(self, study_uid: str, series_uid: str) -> Iterator[Dataset]:
        """Every instance of the series parsed, each yielded as soon as it has arrived (server order).

        `iter_series_parts` with each part read as a dataset here (the viewer decodes the parts
        on every core instead: app/platform/dicom/decode_pool.py). Nothing is sent before the
        first `next()`; closing the iterator closes the answer. Each instance must come whole
        within the timeout and under the cap, and be DICOM; else the iteration ends with a DicomWebError.
        """
        from app.domain.dicom_instance import DicomReadError
        from app.platform.dicom import read_dataset

        parts = self.iter_series_parts(study_uid, series_uid)
        try:
            for part in parts:
                try:
                    yield read_dataset(part)
                except DicomReadError as e:
                    raise DicomWebError(f"the DICOMweb server sent something that is not a readable DICOM "
                                        f"instance for the series: {e}") from None
        finally:
            parts.close()

    def iter_series_parts(self, study_uid: str, series_uid: str) -> Generator[bytes | np.ndarray, None, None]:
        """Every instance of the series as the bytes of its DICOM file (a uint8 array), each as soon as
        it has arrived.

        The bytes are not parsed here: the caller decodes them where it likes (on every core:
        app/platform/dicom/decode_pool.py). Bounded as `iter_series` is; nothing is sent before
        the first `next()`, and closing the iterator closes the answer.
        """
        from app.platform.dicomweb.multipart import READ_SIZE, boundary_of, iter_parts
        from app.platform.dicomweb.transport import compressed, part_counter

        path = f"/studies/{_checked_uid(study_uid)}/series/{_checked_uid(series_uid)}"
        with self._bounded("the series", self.max_instance_bytes, per_instance=True, parts_told=True):
            response = self.session.get(f"{self.base_url}{path}", headers={"Accept": RETRIEVE_ACCEPT},
                                        stream=True, timeout=self.timeout)
        try:
            with self._errors("the series"):
                response.raise_for_status()
                boundary = boundary_of(response.headers.get("Content-Type", ""))
                # Decoded only when the server compressed it: urllib3 copies every chunk it decodes
                # twice (into a BytesIO and out), even where there is nothing to decode.
                chunks = response.raw.stream(READ_SIZE, decode_content=compressed(response))
                parts: Iterator[bytes | np.ndarray] = iter_parts(chunks, boundary, part_counter(response),
                                                                 self.max_instance_bytes) \
                    if boundary else iter((b"".join(chunks),))
            while True:
                with self._errors("the series"):
                    part = next(parts, None)
                if part is None:
                    return
                yield part
        finally:
            response.close()

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
                following = next(uids, None)
                if following is not None:
                    pending.append(pool.submit(self.retrieve_instance, study_uid, series_uid, following))
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
            raise http_error(response, "the picture")
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
            raise http_error(response, what)
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
        return dicom_json_items([found] if isinstance(found, dict) else found, what)

    def _get(self, path: str, accept: str, what: str, max_bytes: int,
             params: dict[str, Any] | None = None) -> requests.Response:
        """A GET of ours, its body read whole within the bounds (see `_bounded`)."""
        with self._bounded(what, max_bytes):
            return self.session.get(f"{self.base_url}{path}", params=params, headers={"Accept": accept},
                                    timeout=self.timeout)

    @contextmanager
    def _bounded(self, what: str, max_bytes: int, *, per_instance: bool = False,
                 parts_told: bool = False) -> Iterator[None]:
        """The requests in this block (ours or the library's) are bounded, their failures DicomWebErrors.

        Headers by the deadline (`answer_deadline`); the body under `max_bytes` and within
        the timeout, either whole or, with `per_instance`, each instance of it (`transport.bounded_answer`;
        `parts_told`: our multipart reader tells it where each instance ends).
        """
        seconds = self.timeout[1]
        ends = clock.monotonic() + seconds
        bounds = Bounds(self.base_url, "an image" if per_instance else what, max_bytes, seconds, ends, per_instance,
                        parts_told)
        with bounds_in_force(bounds), self._errors(what, ends), answer_deadline(ends):
            yield

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
            raise http_error(e.response, what) from None
        except requests.Timeout:
            raise DicomWebError(f"the DICOMweb server did not answer within {self.timeout[1]:g} s",
                                timed_out=True) from None
        except requests.exceptions.SSLError as e:
            raise DicomWebError(f"TLS with {self._host} failed (is its certificate trusted?): "
                                f"{connection_reason(e)}") from None
        except requests.ConnectionError as e:
            # A read timeout comes as a "connection" error: wrapped by the retry (read retries
            # are off) before the answer, or directly while a streamed body is being read.
            cause = e.args[0] if e.args else None
            if isinstance(cause, ReadTimeoutError) or isinstance(getattr(cause, "reason", None), ReadTimeoutError) \
                    or (ends is not None and clock.monotonic() >= ends):
                raise DicomWebError(f"the DICOMweb server did not answer within {self.timeout[1]:g} s",
                                    timed_out=True) from None
            raise DicomWebError(f"cannot connect to the DICOMweb server {self._host}: "
                                f"{connection_reason(e)}") from None
        except requests.TooManyRedirects:
            raise DicomWebError(f"the DICOMweb server redirected more than {self.session.max_redirects} times; "
                                f"not followed") from None
        except requests.RequestException as e:
            raise DicomWebError(f"the transfer of {what} broke off: {short(e)}") from None
        except InvalidDicomError:
            raise DicomWebError(f"the DICOMweb server sent something that is not DICOM for {what}") from None
        except (ValueError, KeyError, IndexError, EOFError, OSError, struct.error) as e:
            raise DicomWebError(f"the DICOMweb server's answer for {what} could not be read: "
                                f"{short(e) or type(e).__name__}") from None


def _checked_uid(uid: str) -> str:
    """`uid` when it is a DICOM UID, safe to put in a URL path; else a DicomWebError."""
    if not isinstance(uid, str) or len(uid) > 64 or not _UID.fullmatch(uid):
        raise DicomWebError(f"not a DICOM UID: {str(uid)[:70]!r}")
    return uid
