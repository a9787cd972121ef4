"""Getting decided orders to the platform, exactly once, whatever happens on the way.

`queue` writes the order's transaction to the durable outbox and only then returns: from
that moment the decision cannot be lost. `send_due` posts what is due: an acknowledgement
(every entry of the transaction-response 2xx) marks it sent; no answer or a 5xx backs off
and tries again. A crash between post and acknowledgement just means a resend, which the
conditional creates make harmless.

Servers differ in what they take (issue 12). One refusing the transaction for its shape
(any lasting 4xx but 401 to the whole, or 501), or answering it as a half-applied batch,
gets the same records in ordered pieces (app.platform.fhir.order_pieces), silently to the user:
the log says so at INFO. Only a piece refused on its own is the record's fault: the entry
is REJECTED with the platform's OperationOutcome text, for the user to see and correct.

Progress between pieces is kept in the outbox entry (sealed like the payload), not
re-learned from the server: a resume after a crash or a 5xx sends only the missing pieces,
no request is repeated needlessly, and a server whose conditional-create answer omits the
id costs one look-up once, not on every retry. The conditional creates still guarantee
that the one piece that may have reached the server before the crash is not doubled.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum
from urllib.parse import parse_qsl

from app.domain.catalogue import CatalogueItem
from app.domain.repeat_orders import Order, OrderError, OrderState
from app.platform.fhir.client import FhirClient, FhirError, SourceUnreachable
from app.platform.fhir.order_pieces import MalformedTransaction, Piece, pieces, response_problem, written_reference
from app.platform.fhir.records import order_transaction
from app.platform.outbox import Entry, Outbox

log = logging.getLogger("huren.services")

#: 4xx statuses that mean "try again later", not "the content is wrong" (a 401 arrives as SessionEnded).
_TRANSIENT_4XX = frozenset({408, 425, 429})
#: Keys of an outbox entry's progress: sent in pieces; piece index -> `Type/id` the server holds.
_IN_PIECES, _DONE = "in_pieces", "done"


@dataclass(frozen=True)
class SendSummary:
    sent: int = 0            # clinical records (orders, consents, worklist entries) acknowledged
    retrying: int = 0
    rejected: int = 0
    audited: int = 0         # audit events acknowledged


class _Outcome(Enum):
    SENT = "sent"
    RETRYING = "retrying"
    REJECTED = "rejected"


def queue(outbox: Outbox, order: Order, items: dict[str, CatalogueItem], source: str = "") -> str:
    """Store the order's records durably for `source`; returns the outbox id (the order id)."""
    if order.state is not OrderState.READY:
        raise OrderError(f"only a decided and consented order is sent, not one in state {order.state.value}")
    return outbox.add(f"order@{source}" if source else "order", order_transaction(order, items), entry_id=order.id)


def send_due(outbox: Outbox, client: FhirClient, now: float | None = None, source: str = "", *,
             transactions: bool | None = None) -> SendSummary:
    """Post what is due (for `source`, when given) and record each answer.

    `transactions` is what the source's CapabilityStatement says, when known: False sends
    in pieces straight away; None or True tries one transaction first.
    """
    counts = {outcome: 0 for outcome in _Outcome}
    audited = 0
    for entry in outbox.due(now):
        if source and entry.kind.partition("@")[2] != source:
            continue
        outcome = _deliver(outbox, client, entry, transactions)
        if outcome is _Outcome.SENT and entry.kind.startswith("audit"):
            audited += 1
        else:
            counts[outcome] += 1
    return SendSummary(counts[_Outcome.SENT], counts[_Outcome.RETRYING], counts[_Outcome.REJECTED], audited)


def _deliver(outbox: Outbox, client: FhirClient, entry: Entry, transactions: bool | None) -> _Outcome:
    """One transaction when the server may take it; otherwise, or when it did not take all of it, pieces."""
    if transactions is not False and not entry.progress.get(_IN_PIECES):
        try:
            status, _, answer = client.write("POST", "", entry.payload)
        except SourceUnreachable as e:      # also SessionEnded (401): not now, never "refused"
            return _retry(outbox, entry, e.message)
        except FhirError as e:
            if not _shape_refused(e):
                return _retry(outbox, entry, e.message)
            log.info("outbox entry %s: the platform does not take it as one transaction (HTTP %s); "
                     "sending it in pieces", entry.id, e.status)
        else:
            problem = response_problem(entry.payload, answer) if 200 <= status < 300 else f"HTTP {status}"
            if not problem:
                outbox.acknowledged(entry.id)
                return _Outcome.SENT
            log.info("outbox entry %s: the transaction was not applied whole (%s); sending what is missing "
                     "in pieces", entry.id, problem)
        outbox.progressed(entry.id, {_IN_PIECES: True, _DONE: {}})
    return _send_pieces(outbox, client, entry)


def _send_pieces(outbox: Outbox, client: FhirClient, entry: Entry) -> _Outcome:
    """Each missing piece in order, its progress kept before the next; the last one acknowledges."""
    try:
        parts = pieces(entry.payload)
    except MalformedTransaction as e:
        log.error("outbox entry %s cannot be sent: %s", entry.id, e)
        outbox.rejected(entry.id, str(e))
        return _Outcome.REJECTED
    done: dict[str, str] = dict(entry.progress.get(_DONE) or {})
    referred = set().union(*(p.refers_to for p in parts))
    for n, piece in enumerate(parts, 1):
        if str(piece.index) in done:
            continue
        resolved = {p.full_url: done[str(p.index)] for p in parts if p.full_url and done.get(str(p.index))}
        try:
            reference = _write_piece(client, piece, resolved, needed=piece.full_url in referred)
        except SourceUnreachable as e:
            return _retry(outbox, entry, e.message)
        except FhirError as e:
            if not _content_refused(e):
                return _retry(outbox, entry, e.message)
            outbox.rejected(entry.id, _refusal(piece, e))
            log.warning("platform refused piece %d of outbox entry %s (%s, HTTP %s)", n, entry.id,
                        piece.resource_type, e.status)
            return _Outcome.REJECTED
        done[str(piece.index)] = reference
        outbox.progressed(entry.id, {_IN_PIECES: True, _DONE: done})
        log.info("outbox entry %s: piece %d of %d written (%s %s)", entry.id, n, len(parts), piece.method,
                 piece.resource_type)
    outbox.acknowledged(entry.id)
    return _Outcome.SENT


def _write_piece(client: FhirClient, piece: Piece, resolved: dict[str, str], *, needed: bool) -> str:
    """Send one piece; the `Type/id` it now has on the server ("" when no later piece needs it)."""
    method, url, body, headers = piece.request(resolved)
    status, location, answer = client.write(method, url, body, headers)
    if not 200 <= status < 300:
        raise FhirError(f"unexpected HTTP {status} to {method} {piece.resource_type}", status)
    reference = written_reference(piece.resource_type, location, answer) or piece.known_reference()
    if not reference and needed:
        reference = _look_up(client, piece)
    return reference


def _look_up(client: FhirClient, piece: Piece) -> str:
    """The server stored it but did not say where: find it by the identifier it was created on."""
    bundle = client.get_json(piece.resource_type, parse_qsl(piece.if_none_exist)) if piece.if_none_exist else None
    found = [e.get("resource") for e in (bundle or {}).get("entry") or []
             if isinstance(e, dict) and (e.get("search") or {}).get("mode", "match") == "match"]
    if len(found) != 1 or not isinstance(found[0], dict) or not found[0].get("id"):
        raise FhirError(f"the platform did not say where it stored the {piece.resource_type}")
    return f"{piece.resource_type}/{found[0]['id']}"


def _retry(outbox: Outbox, entry: Entry, error: str) -> _Outcome:
    outbox.retry_later(entry.id, error)
    return _Outcome.RETRYING


def _content_refused(e: FhirError) -> bool:
    """A lasting 4xx: the server will say the same next time (401 never gets here: SessionEnded)."""
    return e.status is not None and 400 <= e.status < 500 and e.status not in _TRANSIENT_4XX


def _shape_refused(e: FhirError) -> bool:
    """To the whole transaction: a lasting 4xx, 501 (no transactions here), or a 2xx that is not JSON."""
    return _content_refused(e) or e.status == 501 or (e.status is not None and 200 <= e.status < 300)


def _refusal(piece: Piece, e: FhirError) -> str:
    """What the user reads about a refused record: which kind, and the platform's own words."""
    if e.status == 412 and piece.if_none_exist:
        return (f"{piece.resource_type}: several records on the platform carry this order's identifier; "
                f"they must be merged there before it can be sent ({e.message})")
    return f"{piece.resource_type}: {e.message}"
