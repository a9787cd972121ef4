"""The sandbox's DICOMweb service under `/dicom-web`: QIDO-RS, WADO-RS, metadata, rendered.

Like `FhirApi`, `DicomWebApi.handle` turns a plain `Request` into a `Response` and knows
nothing of sockets. Retrieval streams: a series is sent as `multipart/related` part by
part straight from the files, with the length summed from the index beforehand, so a
300-slice CT never sits in memory. Files go out as stored; the sandbox does not transcode,
so an Accept that insists on another transfer syntax gets 406.

Errors are HTTP statuses with a short JSON body (`{"status": 404, "message": ...}`).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from app.sandbox import dicom_attributes as da
from app.sandbox.api import Request, Response
from app.sandbox.dicom_index import DicomIndex, InstanceRow, SeriesRow, StudyRow
from app.sandbox.qido import BadQuery, Query, parse_query

log = logging.getLogger("huren.sandbox")

PREFIX = "/dicom-web"
DICOM_JSON = "application/dicom+json"
_ERROR_JSON = "application/json; charset=utf-8"
_CHUNK = 256 * 1024


class DicomWebError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _not_found(what: str) -> DicomWebError:
    return DicomWebError(404, f"{what} is not on this server")


@dataclass(frozen=True)
class _Path:
    """The UIDs and the trailing resource of a DICOMweb path."""

    study: str | None = None
    series: str | None = None
    instance: str | None = None
    frame: str | None = None
    #: "" (the resource itself), "metadata", "rendered", "thumbnail", or a QIDO level
    action: str = ""


class DicomWebApi:
    """DICOMweb over the sandbox's DICOM index."""

    def __init__(self, index: DicomIndex) -> None:
        self.index = index

    def handle(self, request: Request) -> Response:
        try:
            return self._route(request)
        except DicomWebError as exc:
            return error(exc.status, exc.message)
        except BadQuery as exc:
            return error(400, str(exc))
        except Exception:  # noqa: BLE001 - the client gets a 500, the log the trace
            log.exception("internal error on %s %s", request.method, request.path)
            return error(500, "internal server error; see the sandbox log")

    # -- routing -------------------------------------------------------------------------

    def _route(self, request: Request) -> Response:
        if request.method not in ("GET", "HEAD"):
            raise DicomWebError(405, f"{request.method} is not supported here (read-only DICOMweb)")
        target = _parse_path(request.path)
        if target.action in (da.STUDY, da.SERIES, da.INSTANCE):
            return self._search(request, target)
        if target.action == "metadata":
            return self._metadata(request, target)
        if target.action in ("rendered", "thumbnail"):
            return self._rendered(request, target)
        if target.frame is not None:
            raise DicomWebError(406, "frames are served rendered only (…/frames/{n}/rendered)")
        return self._retrieve(request, target)

    # -- QIDO-RS -------------------------------------------------------------------------

    def _search(self, request: Request, target: _Path) -> Response:
        _accept_json(request)
        query = parse_query(parse_qsl(request.query, keep_blank_values=True), target.action)
        base = _base(request)
        if target.study is not None:
            self._study(target.study)
        if target.series is not None:
            self._series(target.study, target.series)
        studies = {row.uid: _study_attrs(row, base) for row in self.index.studies(target.study)}
        if target.action == da.STUDY:
            rows = sorted(studies.values(), key=_newest_first)
        elif target.action == da.SERIES:
            rows = [{**studies[s.study_uid], **_series_attrs(s, base)}
                    for s in self.index.series(target.study) if s.study_uid in studies]
        else:
            series = {s.uid: _series_attrs(s, base) for s in self.index.series(target.study, target.series)}
            rows = [{**studies[i.study_uid], **series[i.series_uid], **_instance_attrs(i, base)}
                    for i in self.index.instances(target.study, target.series)
                    if i.study_uid in studies and i.series_uid in series]
        found = query.page([row for row in rows if query.matches(row)])
        headers = _warning(query, request)
        return _json(200, [query.returned(row) for row in found], headers)

    # -- WADO-RS -------------------------------------------------------------------------

    def _retrieve(self, request: Request, target: _Path) -> Response:
        instances = self._instances(target)
        wanted = _accepted_syntaxes(request.headers.get("accept", ""))
        if wanted is not None:
            other = sorted({i.transfer_syntax for i in instances} - wanted)
            if other:
                raise DicomWebError(406, f"stored as {', '.join(other)}; this server does not transcode "
                                         "(ask for transfer-syntax=*)")
        boundary = uuid.uuid4().hex
        stream, length = multipart_stream(
            [(self.index.absolute(i.path), i.size, i.transfer_syntax) for i in instances], boundary)
        content_type = f'multipart/related; type="application/dicom"; boundary={boundary}'
        return Response(200, b"", content_type, {}, stream=stream, length=length)

    def _metadata(self, request: Request, target: _Path) -> Response:
        _accept_json(request)
        from app.sandbox.dicom_json import metadata  # pydicom: only when asked for

        instances = self._instances(target)
        return _json(200, [metadata(self.index.absolute(i.path), i.transfer_syntax) for i in instances])

    def _rendered(self, request: Request, target: _Path) -> Response:
        from app.sandbox import rendering

        options = _render_options(request, target.action == "thumbnail")
        if target.instance is None:  # a series' or a study's thumbnail: its middle image
            instance, frame = self._representative(target), 1
        else:
            (instance,) = self._instances(target)
            frame = _frame_number(target.frame) if target.frame is not None else 1
        try:
            body = rendering.render(self.index.absolute(instance.path), frame, options)
        except rendering.FrameNotFound as exc:
            raise DicomWebError(404, f"frame {frame}: {exc}") from None
        return Response(200, body, options.media_type)

    def _representative(self, target: _Path) -> InstanceRow:
        if target.action != "thumbnail":
            raise DicomWebError(406, "a study or series is rendered as a thumbnail only")
        instances = self._instances(target)
        by_series: dict[str, list[InstanceRow]] = {}
        for instance in instances:
            by_series.setdefault(instance.series_uid, []).append(instance)
        largest = max(by_series.values(), key=len)  # a study: its main series, not the scout
        return largest[len(largest) // 2]

    # -- look-ups ------------------------------------------------------------------------

    def _study(self, uid: str) -> StudyRow:
        rows = self.index.studies(uid)
        if not rows:
            raise _not_found(f"study {uid}")
        return rows[0]

    def _series(self, study: str | None, uid: str) -> SeriesRow:
        rows = self.index.series(study, uid)
        if not rows:
            raise _not_found(f"series {uid} of study {study}")
        return rows[0]

    def _instances(self, target: _Path) -> list[InstanceRow]:
        rows = self.index.instances(target.study, target.series, target.instance)
        if not rows:
            what = (f"instance {target.instance}" if target.instance else
                    f"series {target.series}" if target.series else f"study {target.study}")
            raise _not_found(what)
        return rows


# --- paths and headers --------------------------------------------------------------------


def _parse_path(path: str) -> _Path:
    segments = [s for s in path[len(PREFIX):].split("/") if s]
    if segments in (["studies"], ["series"], ["instances"]):
        return _Path(action={"studies": da.STUDY, "series": da.SERIES, "instances": da.INSTANCE}[segments[0]])
    if len(segments) < 2 or segments[0] != "studies":
        raise DicomWebError(404, f"{path} is not a DICOMweb resource of this server")
    study, rest = segments[1], segments[2:]
    if not rest:
        return _Path(study)
    if rest in (["metadata"], ["thumbnail"]):
        return _Path(study, action=rest[0])
    if rest in (["series"], ["instances"]):
        return _Path(study, action=da.SERIES if rest[0] == "series" else da.INSTANCE)
    if rest[0] != "series" or len(rest) < 2:
        raise DicomWebError(404, f"{path} is not a DICOMweb resource of this server")
    series, rest = rest[1], rest[2:]
    if not rest:
        return _Path(study, series)
    if rest in (["metadata"], ["thumbnail"]):
        return _Path(study, series, action=rest[0])
    if rest == ["instances"]:
        return _Path(study, series, action=da.INSTANCE)
    if rest[0] != "instances" or len(rest) < 2:
        raise DicomWebError(404, f"{path} is not a DICOMweb resource of this server")
    instance, rest = rest[1], rest[2:]
    if not rest:
        return _Path(study, series, instance)
    if rest in (["metadata"], ["rendered"], ["thumbnail"]):
        return _Path(study, series, instance, action=rest[0])
    if rest[0] == "frames" and len(rest) in (2, 3) and (len(rest) == 2 or rest[2] in ("rendered", "thumbnail")):
        return _Path(study, series, instance, rest[1], rest[2] if len(rest) == 3 else "")
    raise DicomWebError(404, f"{path} is not a DICOMweb resource of this server")


def _base(request: Request) -> str:
    """The DICOMweb base as the client reached it (the FHIR base's origin + /dicom-web)."""
    return request.base.removesuffix("/fhir") + PREFIX


def _media_ranges(accept: str) -> list[tuple[str, dict[str, str]]]:
    ranges = []
    for item in accept.split(","):
        media, *params = [p.strip() for p in item.split(";")]
        if not media:
            continue
        parsed = {}
        for param in params:
            key, _, value = param.partition("=")
            parsed[key.strip().lower()] = value.strip().strip('"')
        ranges.append((media.lower(), parsed))
    return ranges


def _accept_json(request: Request) -> None:
    accept = request.headers.get("accept", "")
    ranges = _media_ranges(accept)
    if ranges and not any(m in (DICOM_JSON, "application/json", "application/*", "*/*") for m, _ in ranges):
        raise DicomWebError(406, "this resource is served as application/dicom+json")


def _accepted_syntaxes(accept: str) -> set[str] | None:
    """The transfer syntaxes an Accept header allows; None when files may go as stored."""
    ranges = _media_ranges(accept)
    if not ranges:
        return None
    syntaxes: set[str] = set()
    for media, params in ranges:
        if media in ("*/*", "multipart/*"):
            return None
        if media == "multipart/related":
            kind = params.get("type", "application/dicom").lower()
            if kind not in ("application/dicom", "application/*", "*/*"):
                continue
        elif media != "application/dicom":
            continue
        syntax = params.get("transfer-syntax")
        if syntax in (None, "*"):
            return None
        syntaxes.add(syntax)
    if not syntaxes:
        raise DicomWebError(406, 'instances are served as multipart/related; type="application/dicom"')
    return syntaxes


def _render_options(request: Request, thumbnail: bool) -> Any:
    from app.domain.windowing import Window
    from app.sandbox.rendering import JPEG, PNG, THUMBNAIL_SIZE, RenderOptions

    params = dict(parse_qsl(request.query, keep_blank_values=True))
    accept = params.get("accept") or request.headers.get("accept", "")
    media_type = PNG
    ranges = _media_ranges(accept)
    if ranges:
        for media, _ in ranges:
            if media in (PNG, "image/*", "*/*"):
                media_type = PNG
                break
            if media == JPEG:
                media_type = JPEG
                break
        else:
            raise DicomWebError(406, "rendered images are served as image/png or image/jpeg")
    viewport: tuple[int, int] | None = _numbers(params, "viewport", 2, int) if "viewport" in params else None
    if viewport is not None and min(viewport) < 1:
        raise BadQuery("viewport must be two positive integers")
    if viewport is None and thumbnail:
        viewport = THUMBNAIL_SIZE
    window = None
    if "window" in params:
        center, width = _numbers(params, "window", 2, float, extra_ok=True)
        window = Window(center, width)
    quality = int(_numbers(params, "quality", 1, int)[0]) if "quality" in params else 90
    if not 1 <= quality <= 100:
        raise BadQuery("quality must be 1-100")
    return RenderOptions(media_type, viewport, window, quality)


def _numbers(params: dict[str, str], key: str, count: int, kind: type, extra_ok: bool = False) -> tuple[Any, ...]:
    parts = [p.strip() for p in params[key].split(",")]
    if extra_ok:
        parts = parts[:count]  # window=center,width,function: the function is linear here
    try:
        values = tuple(kind(p) for p in parts)
    except ValueError:
        raise BadQuery(f"{key}: {params[key]!r} is not {count} number(s)") from None
    if len(values) != count:
        raise BadQuery(f"{key}: {params[key]!r} is not {count} number(s)")
    return values


def _frame_number(text: str) -> int:
    first = text.split(",")[0]
    if not first.isdigit() or int(first) < 1:
        raise BadQuery(f"frame number {text!r}: frames are numbered from 1")
    return int(first)


def _warning(query: Query, request: Request) -> dict[str, str]:
    if not query.ignored:
        return {}
    host = request.headers.get("host", "sandbox")
    keys = ", ".join(sorted(set(query.ignored)))
    return {"Warning": f'299 {host} "The following query keys were ignored: {keys}"'}


# --- QIDO attributes ------------------------------------------------------------------------


def _study_attrs(row: StudyRow, base: str) -> dict[str, Any]:
    attrs = dict(row.attrs)
    attrs["00080056"] = {"vr": "CS", "Value": ["ONLINE"]}
    attrs["00080061"] = {"vr": "CS", "Value": list(row.modalities)}
    attrs["00080062"] = {"vr": "UI", "Value": list(row.sop_classes)}
    attrs["00201206"] = {"vr": "IS", "Value": [row.series_count]}
    attrs["00201208"] = {"vr": "IS", "Value": [row.instance_count]}
    attrs[da.RETRIEVE_URL] = {"vr": "UR", "Value": [f"{base}/studies/{row.uid}"]}
    return attrs


def _series_attrs(row: SeriesRow, base: str) -> dict[str, Any]:
    attrs = dict(row.attrs)
    attrs["00201209"] = {"vr": "IS", "Value": [row.instance_count]}
    attrs[da.RETRIEVE_URL] = {"vr": "UR", "Value": [f"{base}/studies/{row.study_uid}/series/{row.uid}"]}
    return attrs


def _instance_attrs(row: InstanceRow, base: str) -> dict[str, Any]:
    attrs = dict(row.attrs)
    attrs["00083002"] = {"vr": "UI", "Value": [row.transfer_syntax]}
    attrs.setdefault("00280008", {"vr": "IS", "Value": [row.frames]})  # single-frame files leave it out
    attrs[da.RETRIEVE_URL] = {"vr": "UR", "Value": [
        f"{base}/studies/{row.study_uid}/series/{row.series_uid}/instances/{row.uid}"]}
    return attrs


def _newest_first(attrs: dict[str, Any]) -> tuple[int, str]:
    def first(tag: str) -> str:
        values = (attrs.get(tag) or {}).get("Value") or [""]
        return str(values[0])

    stamp = first("00080020") + first("00080030").replace(":", "").ljust(6, "0")[:6]
    return -int(stamp) if stamp.isdigit() and len(stamp) == 14 else 0, first("0020000D")


# --- multipart --------------------------------------------------------------------------------


def multipart_stream(files: list[tuple[Path, int, str]], boundary: str) -> tuple[Iterator[bytes], int]:
    """A multipart/related body over files, and its length, computed before anything is read.

    Each file is sent with exactly the size the index recorded; a file that shrank since
    raises OSError mid-stream and the server drops the connection (the client sees a
    truncated message rather than a corrupt instance).
    """
    heads = []
    for i, (_, size, syntax) in enumerate(files):
        head = (f"{'' if i == 0 else chr(13) + chr(10)}--{boundary}\r\n"
                f"Content-Type: application/dicom; transfer-syntax={syntax}\r\n"
                f"Content-Length: {size}\r\n\r\n")
        heads.append(head.encode("ascii"))
    tail = f"\r\n--{boundary}--\r\n".encode("ascii")
    length = sum(len(h) for h in heads) + sum(size for _, size, _ in files) + len(tail)

    def chunks() -> Iterator[bytes]:
        for head, (path, size, _) in zip(heads, files, strict=True):
            yield head
            with open(path, "rb") as handle:
                left = size
                while left:
                    chunk = handle.read(min(_CHUNK, left))
                    if not chunk:
                        raise OSError(f"{path.name} is shorter than the index says")
                    left -= len(chunk)
                    yield chunk
        yield tail

    return chunks(), length


def error(status: int, message: str) -> Response:
    body = json.dumps({"status": status, "message": message}, ensure_ascii=False).encode("utf-8")
    return Response(status, body, _ERROR_JSON)


def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> Response:
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return Response(status, text.encode("utf-8"), DICOM_JSON, headers or {})
