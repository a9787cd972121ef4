"""The desk's two steps in one call, as the window makes them (check at once, then write)."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.repeat_orders import ItemDecision, Order, PatientConsent
from app.services.lookup import PersonMatch
from app.services.ordering.desk import OrderDesk


def place(desk: OrderDesk, person: PersonMatch, decisions: Sequence[ItemDecision], note: str = "") -> Order:
    """Prepare and place an order; what `place` wrote is the order returned."""
    changes = desk.place(desk.prepare_order(person, decisions, note))
    assert changes.order is not None and changes.outbox
    return changes.order


def record_consent(desk: OrderDesk, order: Order, consent: PatientConsent) -> Order:
    """Check and keep a consent (or refusal) as the nurse's dialog does."""
    changes = desk.finish(desk.consent_given(order, consent))
    assert changes.order is not None and changes.worklist
    return changes.order
