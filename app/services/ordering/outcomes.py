"""The ordering physician's orders and what became of them: awaiting the patient, consented, refused.

A repeat waits for the patient's decision, which a nurse records, often at another
workstation and hours later. A refusal withdraws tests the physician judged necessary, so
the physician must learn of it: they read their own orders back from the platform (the
worklist entries their repeats published, docs/fhir-profile.md), together with what this
workstation holds and has not sent yet. The refusals they have not been shown yet are a
notice; which ones they have been shown is remembered per user, by order id only (a random
uuid: nothing about the patient is kept unsealed at rest).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING

from app.domain.fhir_profile import AWAITING_CONSENT, CONSENT_RECORDED
from app.domain.repeat_orders import ItemDecision, Order, OrderState
from app.domain.staff import StaffMember
from app.platform.fhir.client import FhirError
from app.private_files import private_dir
from app.services.workspace import Workspace

if TYPE_CHECKING:   # the stores and the searches come with the first look at the orders (not the window's first paint)
    from app.platform.order_store import PendingOrders
    from app.platform.outbox import Outbox

log = logging.getLogger("huren.services")

#: How far back "My orders" and the refusal notice look, in days.
RECENT_DAYS = 30
SEEN_FILE = "seen-refusals.json"
#: Order ids remembered per user; the oldest are forgotten first (they are long out of the window).
_SEEN_KEPT = 1000


class OutcomeState(Enum):
    AWAITING = "awaiting"      # published, the patient not asked yet (or not recorded)
    CONSENTED = "consented"
    REFUSED = "refused"        # the repeats were withdrawn; the priors are recognized


@dataclass(frozen=True)
class OrderOutcome:
    """One order of the physician's that needed the patient's consent, and where it stands."""

    order: Order

    @property
    def state(self) -> OutcomeState:
        c = self.order.consent
        if c is None:
            return OutcomeState.AWAITING
        return OutcomeState.CONSENTED if c.consented else OutcomeState.REFUSED

    @property
    def items(self) -> tuple[ItemDecision, ...]:
        """The repeated items the patient was asked about (a refusal made them recognitions since)."""
        c = self.order.consent
        if c is None or not c.items:
            return self.order.repeats
        return tuple(d for code in c.items for d in self.order.decisions if d.item_code == code)

    @property
    def recorded_by(self) -> StaffMember | None:
        return self.order.consent.recorded_by if self.order.consent else None

    @property
    def recorded_at(self) -> datetime | None:
        return self.order.consent.recorded_at if self.order.consent else None


@dataclass(frozen=True)
class MyOrders:
    """The physician's orders, newest first, and the sources whose answer was not whole.

    `practitioner_id` says whose they are: an answer that arrives after another user signed
    in is not theirs to see.
    """

    outcomes: list[OrderOutcome]
    incomplete: tuple[str, ...] = ()
    practitioner_id: str = ""
    revoked: frozenset[str] = frozenset()   # `{order id}/{item code}` of the recognitions they revoked

    def is_revoked(self, order_id: str, item_code: str) -> bool:
        return f"{order_id}/{item_code}" in self.revoked

    @property
    def refusals(self) -> list[OrderOutcome]:
        return [o for o in self.outcomes if o.state is OutcomeState.REFUSED]


class SeenRefusals:
    """The refusals each user has been shown, by order id; a small JSON file in the user's data folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = Lock()

    def seen(self, practitioner_id: str) -> set[str]:
        with self._lock:
            return set(self._read().get(practitioner_id, []))

    def add(self, practitioner_id: str, order_ids: Iterable[str]) -> None:
        with self._lock:
            kept = self._read()
            ids = kept.get(practitioner_id, [])
            ids += [i for i in dict.fromkeys(order_ids) if i not in set(ids)]
            kept[practitioner_id] = ids[-_SEEN_KEPT:]
            self._write(kept)

    def _read(self) -> dict[str, list[str]]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as e:   # a damaged file costs a notice shown twice, nothing more
            log.warning("the list of refusals already shown cannot be read (%s): starting afresh", e)
            return {}
        if not isinstance(raw, dict):
            return {}
        return {str(k): [str(i) for i in v if isinstance(i, str)] for k, v in raw.items() if isinstance(v, list)}

    def _write(self, kept: dict[str, list[str]]) -> None:
        """Whole or not at all: a new file next to it, then renamed over it."""
        private_dir(self.path.parent)
        temporary = self.path.with_name(self.path.name + ".new")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(kept, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, self.path)


class OrderOutcomes:
    """What became of a physician's orders: read from every source, merged with this workstation's."""

    def __init__(self, workspace: Workspace, pending: PendingOrders, outbox: Outbox, folder: Path) -> None:
        self.workspace, self.pending, self.outbox = workspace, pending, outbox
        self.seen_refusals = SeenRefusals(folder / SEEN_FILE)

    def my_orders(self, physician: StaffMember, days: int = RECENT_DAYS) -> MyOrders:
        """The physician's orders of the last `days` that needed consent (blocking: the network).

        A decision outranks a waiting entry of the same order, whichever source or store
        holds it: a decision recorded here and not yet sent is already the patient's.
        """
        from app.platform.fhir.decisions import (
            decided_orders,
            my_orders_search,
            my_revocations_search,
            revoked_record,
            worklist_state,
        )
        from app.platform.fhir.records import order_from_worklist_entry
        from app.platform.fhir.search import search_all
        from app.platform.outbox import Status

        since = self.workspace.now() - timedelta(days=days)
        found: dict[str, Order] = {}
        incomplete: list[str] = []

        def take(order: Order) -> None:
            if order.requester.practitioner_id != physician.practitioner_id or order.created_at < since:
                return
            known = found.get(order.id)
            if known is None or (known.consent is None and order.consent is not None):
                found[order.id] = order

        for order in self.pending.waiting(physician.organization_id):
            take(order)
        revoked: set[str] = set()
        for status in (Status.PENDING, Status.REJECTED, Status.SENT):
            for entry in self.outbox.entries(status):
                if entry.kind.startswith("revoke"):   # kept by id once sent: `{order id}/{item code}/revoke`
                    revoked.add(entry.id.removesuffix("/revoke"))
                elif entry.kind.startswith("order") and status is not Status.SENT:
                    for order in decided_orders(entry.payload):
                        take(order)
        params = my_orders_search(physician.practitioner_id, since.date())
        for source in self.workspace.sources:
            try:
                answer = search_all(source.client, "Basic", params)
            except FhirError as e:
                log.warning("orders' outcomes not fetched from %s: %s", source.name, e.message)
                incomplete.append(source.label)
                continue
            for res in answer.matches:
                state = worklist_state(res)
                try:
                    order = order_from_worklist_entry(res)
                except ValueError as e:
                    log.warning("worklist entry skipped: %s", e)
                    continue
                if (state, order.consent is None) in ((AWAITING_CONSENT, True), (CONSENT_RECORDED, False)):
                    take(order)
            if answer.truncated:
                incomplete.append(source.label)
            try:   # revoked at another workstation too
                revoked |= {key for r in search_all(source.client, "Basic", my_revocations_search(
                    physician.practitioner_id, since.date())).matches if (key := revoked_record(r))}
            except FhirError as e:
                log.warning("revocations not fetched from %s: %s", source.name, e.message)
        outcomes = [OrderOutcome(o) for o in found.values()
                    if o.consent is not None or o.state is OrderState.AWAITING_CONSENT]
        outcomes.sort(key=lambda o: o.recorded_at or o.order.created_at, reverse=True)
        return MyOrders(outcomes, tuple(incomplete), physician.practitioner_id, frozenset(revoked))

    def unseen_refusals(self, physician: StaffMember) -> MyOrders:
        """The physician's refusals of the last `RECENT_DAYS` not yet shown to them (blocking)."""
        mine = self.my_orders(physician)
        seen = self.seen_refusals.seen(physician.practitioner_id)
        return MyOrders([o for o in mine.refusals if o.order.id not in seen], mine.incomplete, mine.practitioner_id,
                        mine.revoked)

    def shown(self, physician: StaffMember, order_ids: Iterable[str]) -> None:
        """The physician has been shown these refusals: no notice of them again."""
        self.seen_refusals.add(physician.practitioner_id, order_ids)
