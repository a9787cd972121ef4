"""A DICOMweb client for one image server: QIDO-RS listings, WADO-RS retrieval instance by instance.

Built on `dicomweb-client`, which owns the DICOM JSON and multipart details; this module
adds what the workstation needs around it: our session policy (timeouts, TLS with a site
CA bundle, a couple of retries for a restarting gateway, as in `fhir_client`), every
failure as one `DicomWebError` with a message a person can act on, and plain result types.

Decisions worth knowing:

- Instances are asked for with `transfer-syntax=*`, so a server sends what it stores
  (JPEG 2000, RLE, ...) instead of decompressing on its side; we decode locally.
- `iter_series` streams: each instance is yielded as soon as its multipart part has
  arrived. `retrieve_series` of the library reads the whole body first (and was 7× slower
  than the wire here), so it is never used. Under urllib3 2 even the library's streaming
  waited for a full chunk (or the next instance) before handing one over; a response hook
  (`_deliver_as_it_arrives`) makes it hand over what has arrived.
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
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import requests
from urllib3.exceptions import ReadTimeoutError

from app.platform.http_session import new_session
from app.domain.imaging import ImagingSeries
from app.platform.dicom_files import parse_da, parse_tm  # noqa: F401 - also part of this module's API

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
#: (see `_deliver_as_it_arrives`), so it bounds memory per step, not latency.
CHUNK_SIZE = 256 * 1024
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

    Pass `session` to bring your own authentication (a token-bearing session); it is used
    as given, with its own adapters and retries, except that `ca_bundle` and `proxy`, when
    set, become its `verify` and `proxies`, and `close()` leaves it open.
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
        else:
            if ca_bundle:
                session.verify = ca_bundle
            if proxy:
                session.proxies = {"http": proxy, "https": proxy}
        hooks = session.hooks.setdefault("response", [])
        if _deliver_as_it_arrives not in hooks:
            hooks.append(_deliver_as_it_arrives)
        self.session = session
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
        with self._errors("the study list"):
            found = self._api.search_for_studies(search_filters=filters, fields=_STUDY_FIELDS, limit=limit)
        return [entry for item in _items(found, "study list") if (entry := _study(item)) is not None]

    def series(self, study_uid: str) -> list[ImagingSeries]:
        """The study's series, by series number (those without one last)."""
        with self._errors("the study's series list"):
            found = self._api.search_for_series(_checked_uid(study_uid), fields=_SERIES_FIELDS)
        series = [entry for item in _items(found, "series list") if (entry := _series(item)) is not None]
        return sorted(series, key=lambda s: (s.number is None, s.number or 0))

    def instances(self, study_uid: str, series_uid: str) -> list[InstanceEntry]:
        """The series' instances, by instance number (those without one last)."""
        with self._errors("the series' instance list"):
            found = self._api.search_for_instances(_checked_uid(study_uid), _checked_uid(series_uid),
                                                   fields=_INSTANCE_FIELDS)
        instances = [entry for item in _items(found, "instance list") if (entry := _instance(item)) is not None]
        return sorted(instances, key=lambda i: (i.number is None, i.number or 0))

    # --- WADO-RS -------------------------------------------------------------------------

    def iter_series(self, study_uid: str, series_uid: str) -> Iterator[Dataset]:
        """Every instance of the series, each yielded as soon as it has arrived (server order).

        Nothing is sent before the first `next()`. Closing the iterator early (or dropping
        it) closes the response and frees the connection.
        """
        study_uid, series_uid = _checked_uid(study_uid), _checked_uid(series_uid)
        with self._errors("the series"):
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
        with self._errors("the instance"):
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
        with self._errors("the picture"):
            response = self.session.get(f"{self.base_url}{path}?{query}", headers={"Accept": "image/jpeg"},
                                        timeout=self.timeout)
            if response.status_code in _NO_IMAGE:
                return None
            response.raise_for_status()
        if not response.headers.get("Content-Type", "").startswith("image/") or not response.content:
            return None
        return response.content

    @contextmanager
    def _errors(self, what: str) -> Iterator[None]:
        """Turns whatever the network, the server or the parser raised into a DicomWebError."""
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
            if isinstance(cause, ReadTimeoutError) or isinstance(getattr(cause, "reason", None), ReadTimeoutError):
                raise DicomWebError(f"the DICOMweb server did not answer within {self.timeout[1]:g} s",
                                    timed_out=True) from None
            raise DicomWebError(f"cannot connect to the DICOMweb server {self._host}: {_reason(e)}") from None
        except requests.exceptions.JSONDecodeError:
            raise DicomWebError(f"the DICOMweb server's answer for {what} is not JSON") from None
        except requests.RequestException as e:
            raise DicomWebError(f"the transfer of {what} broke off: {_short(e)}") from None
        except InvalidDicomError:
            raise DicomWebError(f"the DICOMweb server sent something that is not DICOM for {what}") from None
        except (ValueError, KeyError, IndexError, EOFError, OSError, struct.error) as e:
            raise DicomWebError(f"the DICOMweb server's answer for {what} could not be read: "
                                f"{_short(e) or type(e).__name__}") from None


def _deliver_as_it_arrives(response: requests.Response, *args: Any, **kwargs: Any) -> requests.Response:
    """Response hook: a streamed body hands over whatever bytes have arrived.

    urllib3 2's `stream(amt)` blocks until `amt` bytes are in (or the connection closes),
    so an instance would wait for a chunk's worth of the next one, or for ever if the
    server pauses between instances. Orthanc sends WADO-RS bodies unchunked, until close.
    Chunked bodies already come chunk by chunk and are left alone.
    """
    raw = response.raw
    if kwargs.get("stream") and hasattr(raw, "read1") and not getattr(raw, "chunked", False):
        def stream(amt: int | None = CHUNK_SIZE, decode_content: bool | None = None) -> Iterator[bytes]:
            while data := raw.read1(amt, decode_content=decode_content):
                yield data
        raw.stream = stream
    return response


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
        raise DicomWebError(f"the DICOMweb server's {what} is not a DICOM JSON list")
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
        body = response.json()
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
