"""Transaction, batch and collection Bundles, from `POST /fhir` or from `--load FILE`.

A transaction is all-or-nothing: every entry runs inside one SQLite transaction, and the
first failing entry rolls back the lot. Entries refer to each other through their
`fullUrl` (usually `urn:uuid:...`); ids are assigned first, then every `reference` in every
resource is rewritten, then the writes happen - the order FHIR prescribes (POST before
PUT before GET). A batch runs each entry on its own and reports each one's status.
A collection (what many export tools write) is loaded as a transaction of creates.

Over HTTP the server's `Conformance` applies (a minimal server refuses large transactions
and reads conditions its own way); files given to `--load` are the operator's and are
always loaded in full.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from app.domain.fhir_json import reference_holders
from app.sandbox import interactions as fhir
from app.sandbox.conformance import FULL, Conformance
from app.sandbox.errors import FhirError, bad_request, status_line
from app.sandbox.references import parse_reference
from app.sandbox.search_params import PARAMETERS
from app.sandbox.searchset import searchset
from app.sandbox.session import Session
from app.sandbox.store import Store
from app.sandbox.stored import Stored

log = logging.getLogger("huren.sandbox")

_ORDER = {"DELETE": 0, "POST": 1, "PUT": 2, "PATCH": 2, "GET": 3, "HEAD": 3}


@dataclass
class Entry:
    """One Bundle entry as a request; `target` is decided while planning."""

    index: int
    method: str
    url: str
    full_url: str | None
    resource: dict[str, Any] | None
    if_none_exist: str | None = None
    if_match: str | None = None
    rtype: str = ""
    target: str | None = None  # the id this entry writes
    existing: bool = False  # a conditional create that matched
    result: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"entry {self.index} ({self.method} {self.url})"


class BundleLoadError(Exception):
    """A `--load` file that cannot be loaded; the message names the file and the problem."""


@dataclass(frozen=True)
class LoadSummary:
    path: Path
    bundle_type: str
    entries: int
    failed: int


# --- public entry points ----------------------------------------------------------------


def process(store: Store, bundle: Any, base: str, *, representation: bool = False,
            conformance: Conformance = FULL) -> dict[str, Any]:
    """`POST /fhir`: run a transaction or batch Bundle and return the response Bundle."""
    kind = _bundle_type(bundle)
    if kind == "transaction":
        return transaction(store, bundle, base, representation=representation, conformance=conformance)
    if kind == "batch":
        return batch(store, bundle, base, representation=representation, conformance=conformance)
    raise bad_request(f"POST {base} takes a transaction or batch Bundle, not {kind!r}")


def transaction(store: Store, bundle: dict[str, Any], base: str, *,
                representation: bool = False, conformance: Conformance = FULL) -> dict[str, Any]:
    raw_entries = _raw_entries(bundle)
    limit = conformance.max_transaction_entries
    if limit is not None and len(raw_entries) > limit:
        raise bad_request("Transaction requires strict isolation but has too many entries "
                          f"({len(raw_entries)} > {limit})", code="too-costly")
    entries = [_entry(i, raw) for i, raw in enumerate(raw_entries)]
    with store.transaction() as session:
        mapping = _plan(session, entries, conformance)
        for entry in entries:
            _with_label(entry, partial(_resolve_references, session, entry, mapping, conformance))
        for entry in sorted(entries, key=lambda e: (_ORDER.get(e.method, 9), e.index)):
            _with_label(entry, partial(_execute, session, entry, base, representation, conformance))
    return _response("transaction-response", entries)


def batch(store: Store, bundle: dict[str, Any], base: str, *,
          representation: bool = False, conformance: Conformance = FULL) -> dict[str, Any]:
    entries: list[Entry] = []
    for i, raw in enumerate(_raw_entries(bundle)):
        try:
            entry = _entry(i, raw)
        except FhirError as exc:
            entry = Entry(i, "?", "?", None, None)
            _fail(entry, exc)
            entries.append(entry)
            continue
        entries.append(entry)
        _run_batch_entry(store, entry, base, representation, conformance)
    return _response("batch-response", entries)


def load_file(store: Store, path: Path) -> LoadSummary:
    """Load a Bundle file given to `--load`; raise BundleLoadError saying what is wrong."""
    bundle = _read_json(path)
    kind = _bundle_type_for_load(path, bundle)
    base = "urn:huren:load"
    try:
        if kind == "batch":
            response = batch(store, bundle, base)
        else:
            if kind in ("collection", "document"):
                bundle = as_transaction(bundle)
                _skip_unsupported(path, bundle)
            response = transaction(store, bundle, base)
    except FhirError as exc:
        raise BundleLoadError(f"{path}: {exc.diagnostics}") from None
    failed = [e for e in response["entry"] if not e["response"]["status"].startswith("2")]
    if failed:
        log.warning("%s: %d of %d batch entries failed", path.name, len(failed), len(response["entry"]))
    return LoadSummary(path, kind, len(response["entry"]), len(failed))


def as_transaction(bundle: dict[str, Any]) -> dict[str, Any]:
    """A collection as a transaction: entries with an id keep it (PUT), the others POST."""
    entries = []
    for i, raw in enumerate(_raw_entries(bundle)):
        resource = raw.get("resource") if isinstance(raw, dict) else None
        if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
            raise bad_request(f"entry {i}: has no resource with a resourceType")
        rtype = resource["resourceType"]
        request = ({"method": "PUT", "url": f"{rtype}/{resource['id']}"} if resource.get("id")
                   else {"method": "POST", "url": rtype})
        entries.append({**raw, "request": request})
    return {"resourceType": "Bundle", "type": "transaction", "entry": entries}


def _skip_unsupported(path: Path, bundle: dict[str, Any]) -> None:
    """A collection exported elsewhere may hold what the sandbox does not store (Binary, a
    type of another FHIR version): those are left out (and said so) rather than refusing
    the whole file; references to them dangle."""
    skipped = Counter(e["resource"]["resourceType"] for e in bundle["entry"]
                      if e["resource"]["resourceType"] not in PARAMETERS)
    if skipped:
        bundle["entry"] = [e for e in bundle["entry"] if e["resource"]["resourceType"] in PARAMETERS]
        kinds = ", ".join(f"{n} {t}" for t, n in sorted(skipped.items()))
        log.warning("%s: skipped entries of types the sandbox does not store: %s", path.name, kinds)


# --- parsing ----------------------------------------------------------------------------


def _bundle_type(bundle: Any) -> str:
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        raise bad_request("the body must be a Bundle")
    kind = bundle.get("type")
    if not isinstance(kind, str):
        raise bad_request("the Bundle has no type")
    return kind


def _raw_entries(bundle: dict[str, Any]) -> list[Any]:
    entries = bundle.get("entry", [])
    if not isinstance(entries, list):
        raise bad_request("Bundle.entry must be a list")
    return entries


def _entry(index: int, raw: Any) -> Entry:
    if not isinstance(raw, dict):
        raise bad_request(f"entry {index}: is not an object")
    request = raw.get("request")
    if not isinstance(request, dict) or not isinstance(request.get("method"), str) \
            or not isinstance(request.get("url"), str):
        raise bad_request(f"entry {index}: needs request.method and request.url")
    resource = raw.get("resource")
    if resource is not None and not isinstance(resource, dict):
        raise bad_request(f"entry {index}: resource is not an object")
    entry = Entry(index, request["method"].upper(), _relative(request["url"]),
                  raw.get("fullUrl"), resource, request.get("ifNoneExist"), request.get("ifMatch"))
    entry.rtype = entry.url.split("?", 1)[0].split("/", 1)[0]
    return entry


def _relative(url: str) -> str:
    """`http://host/fhir/Patient/1` -> `Patient/1`: entries may use absolute URLs."""
    if "://" not in url:
        return url.lstrip("/")
    parts = urlsplit(url)
    segments = parts.path.split("/")
    for i, segment in enumerate(segments):
        if segment in PARAMETERS:
            path = "/".join(segments[i:])
            return f"{path}?{parts.query}" if parts.query else path
    return url


def _read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise BundleLoadError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise BundleLoadError(f"{path}: is not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BundleLoadError(f"{path}: is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None


def _bundle_type_for_load(path: Path, bundle: Any) -> str:
    try:
        kind = _bundle_type(bundle)
    except FhirError as exc:
        raise BundleLoadError(f"{path}: {exc.diagnostics}") from None
    if kind not in ("transaction", "batch", "collection", "document"):
        raise BundleLoadError(f"{path}: a Bundle of type {kind!r} cannot be loaded "
                              "(transaction, batch or collection can)")
    return kind


# --- planning and reference resolution ----------------------------------------------------


def _with_label(entry: Entry, action: Callable[[], None]) -> None:
    """Run a step for an entry; an error says which entry it was about."""
    try:
        action()
    except FhirError as exc:
        raise FhirError(exc.status, exc.code, f"{entry.label}: {exc.diagnostics}") from None


def _plan(session: Session, entries: list[Entry], conformance: Conformance) -> dict[str, str]:
    """Decide the id each write gets; map every entry's fullUrl to `Type/id`."""
    mapping: dict[str, str] = {}
    for entry in entries:
        _with_label(entry, partial(_plan_entry, session, entry, conformance))
        if entry.target and entry.full_url:
            mapping[entry.full_url] = f"{entry.rtype}/{entry.target}"
            local = parse_reference(entry.full_url) if "://" in entry.full_url else None
            if local:
                mapping[f"{local[0]}/{local[1]}"] = f"{entry.rtype}/{entry.target}"
    return mapping


def _plan_entry(session: Session, entry: Entry, conformance: Conformance) -> None:
    if entry.method not in ("POST", "PUT", "GET"):
        raise FhirError(405, "not-supported", f"{entry.method} is not supported in a Bundle")
    fhir.check_type(entry.rtype)
    if entry.method == "GET":
        return
    if entry.resource is None:
        raise bad_request("a write needs a resource")
    fhir.validate(entry.resource, entry.rtype)
    if entry.method == "POST":
        _plan_create(session, entry, conformance)
    else:
        _plan_update(session, entry, conformance)


def _plan_create(session: Session, entry: Entry, conformance: Conformance) -> None:
    if "/" in entry.url or "?" in entry.url:
        raise bad_request("POST goes to a type, e.g. Patient")
    if entry.if_none_exist:
        found = fhir.matches(session, entry.rtype, entry.if_none_exist, conformance)
        if len(found) > 1:
            raise FhirError(412, "duplicate", f"ifNoneExist matches more than one {entry.rtype}")
        if found:
            entry.target, entry.existing = found[0], True
            return
    entry.target = fhir.new_id()


def _plan_update(session: Session, entry: Entry, conformance: Conformance) -> None:
    assert entry.resource is not None
    if "?" in entry.url:
        found = fhir.matches(session, entry.rtype, entry.url.split("?", 1)[1], conformance)
        if len(found) > 1:
            raise FhirError(412, "duplicate", f"the conditional update matches more than one {entry.rtype}")
        entry.target = found[0] if found else entry.resource.get("id") or fhir.new_id()
        entry.resource["id"] = entry.target
        return
    parts = entry.url.split("/")
    if len(parts) != 2:
        raise bad_request("PUT goes to Type/id or Type?query")
    fhir.check_id(parts[1])
    entry.target = parts[1]


def _resolve_references(session: Session, entry: Entry, mapping: dict[str, str],
                        conformance: Conformance) -> None:
    """Rewrite references to other entries (fullUrl) and conditional references in place."""
    if entry.resource is None:
        return
    for holder in reference_holders(entry.resource):
        reference = holder["reference"]
        if reference in mapping:
            holder["reference"] = mapping[reference]
        elif reference.startswith(("urn:uuid:", "urn:oid:")):
            raise bad_request(f"reference {reference} matches no fullUrl in the Bundle")
        elif "?" in reference and not reference.startswith(("http:", "https:")):
            holder["reference"] = _conditional_reference(session, reference, conformance)


def _conditional_reference(session: Session, reference: str, conformance: Conformance) -> str:
    rtype, _, condition = reference.partition("?")
    fhir.check_type(rtype)
    found = fhir.matches(session, rtype, condition, conformance)
    if len(found) != 1:
        many = "more than one" if found else "no"
        raise FhirError(412, "not-found" if not found else "duplicate",
                        f"the conditional reference {rtype}?... matches {many} {rtype}")
    return f"{rtype}/{found[0]}"


# --- execution ----------------------------------------------------------------------------


def _execute(session: Session, entry: Entry, base: str, representation: bool,
             conformance: Conformance) -> None:
    if entry.method == "GET":
        entry.result = _get(session, entry, base, conformance)
        return
    assert entry.resource is not None and entry.target is not None
    if entry.existing:
        written = fhir.Written(200, fhir.read(session, entry.rtype, entry.target))
    elif entry.method == "POST":
        written = fhir.store(session, entry.rtype, entry.target, entry.resource)
    elif "?" in entry.url:
        written = fhir.store(session, entry.rtype, entry.target, entry.resource)
    else:
        written = fhir.update(session, entry.rtype, entry.target, entry.resource, entry.if_match)
    entry.result = _written_entry(base, written, representation)


def _get(session: Session, entry: Entry, base: str, conformance: Conformance) -> dict[str, Any]:
    path, _, query = entry.url.partition("?")
    parts = path.split("/")
    if len(parts) == 2:
        stored = fhir.read(session, parts[0], parts[1])
        return {"resource": stored.resource(), "response": _response_meta(200, stored)}
    if len(parts) != 1:
        raise bad_request("GET in a Bundle reads Type/id or searches Type?query")
    pairs = parse_qsl(query, keep_blank_values=True)
    q, page = fhir.search(session, parts[0], pairs, conformance=conformance)
    return {"resource": json.loads(searchset(base, q, page)), "response": {"status": status_line(200)}}


def _written_entry(base: str, written: fhir.Written, representation: bool) -> dict[str, Any]:
    stored = written.stored
    result: dict[str, Any] = {"fullUrl": f"{base}/{stored.type}/{stored.id}"}
    if representation:
        result["resource"] = stored.resource()
    result["response"] = {**_response_meta(written.status, stored), "location": written.location}
    return result


def _response_meta(status: int, stored: Stored) -> dict[str, str]:
    return {"status": status_line(status), "etag": f'W/"{stored.version}"',
            "lastModified": stored.last_updated}


def _run_batch_entry(store: Store, entry: Entry, base: str, representation: bool,
                     conformance: Conformance) -> None:
    try:
        with store.transaction() as session:
            _plan_entry(session, entry, conformance)
            _resolve_references(session, entry, {}, conformance)
            _execute(session, entry, base, representation, conformance)
    except FhirError as exc:
        _fail(entry, exc)
    except Exception:  # noqa: BLE001 - one broken entry must not sink the batch
        log.exception("batch entry %d failed unexpectedly", entry.index)
        _fail(entry, FhirError(500, "exception", "internal error while processing the entry"))


def _fail(entry: Entry, exc: FhirError) -> None:
    entry.result = {"response": {"status": status_line(exc.status), "outcome": exc.outcome()}}


def _response(kind: str, entries: list[Entry]) -> dict[str, Any]:
    return {"resourceType": "Bundle", "type": kind, "entry": [e.result for e in entries]}
