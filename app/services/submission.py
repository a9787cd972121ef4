"""Getting decided orders to the platform, exactly once, whatever happens on the way.

`queue` writes the order's transaction to the durable outbox and only then returns: from
that moment the decision cannot be lost. `send_due` posts what is due: an acknowledgement
marks it sent; a 4xx keeps it, with the platform's OperationOutcome, for the user to
correct; no answer or a 5xx backs off and tries again. A crash between post and
acknowledgement just means a resend, which the conditional creates make harmless.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from app.domain.catalogue import CatalogueItem
from app.domain.repeat_orders import Order, OrderError, OrderState
from app.platform.fhir_client import FhirClient, FhirError, SourceUnreachable
from app.platform.fhir_records import order_transaction
from app.platform.outbox import Outbox

log = logging.getLogger("huren.services")

#: 4xx statuses that mean "try again later", not "the content is wrong" (a 401 arrives as SessionEnded).
_TRANSIENT_4XX = frozenset({408, 425, 429})


@dataclass(frozen=True)
class SendSummary:
    sent: int = 0            # clinical records (orders, consents, worklist entries) acknowledged
    retrying: int = 0
    rejected: int = 0
    audited: int = 0         # audit events acknowledged


def queue(outbox: Outbox, order: Order, items: dict[str, CatalogueItem], source: str = "") -> str:
    """Store the order's records durably for `source`; returns the outbox id (the order id)."""
    if order.state is not OrderState.READY:
        raise OrderError(f"only a decided and consented order is sent, not one in state {order.state.value}")
    return outbox.add(f"order@{source}" if source else "order", order_transaction(order, items), entry_id=order.id)


def send_due(outbox: Outbox, client: FhirClient, now: float | None = None, source: str = "") -> SendSummary:
    """Post what is due (for `source`, when given) and record each answer."""
    sent = retrying = rejected = audited = 0
    for entry in outbox.due(now):
        if source and entry.kind.partition("@")[2] != source:
            continue
        try:
            client.post("", entry.payload)
        except SourceUnreachable as e:
            outbox.retry_later(entry.id, e.message)
            retrying += 1
        except FhirError as e:
            if e.status is not None and 400 <= e.status < 500 and e.status not in _TRANSIENT_4XX:
                outbox.rejected(entry.id, e.message)
                log.warning("platform refused outbox entry (HTTP %s)", e.status)
                rejected += 1
            else:
                outbox.retry_later(entry.id, e.message)
                retrying += 1
        else:
            outbox.acknowledged(entry.id)
            if entry.kind.startswith("audit"):
                audited += 1
            else:
                sent += 1
    return SendSummary(sent, retrying, rejected, audited)
