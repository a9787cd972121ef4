"""The order desk: from a physician's decisions to records on the platform, via consent.

One object the window (and tests) talk to. It knows who is working (identity), keeps
orders awaiting consent on disk, puts finished orders in the outbox, and sends what is due.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.config import paths
from app.domain.audit import AuditAction
from app.domain.fhir_json import reference_id
from app.domain.fhir_profile import AWAITING_CONSENT, EXT, RECOGNITION_SYSTEM, RECORD_TYPE_SYSTEM
from app.domain.identification import identity_of
from app.domain.permissions import permissions
from app.domain.repeat_orders import (
    ConsentMethod,
    ItemDecision,
    Order,
    OrderError,
    OrderState,
    PatientConsent,
    RepeatReason,
)
from app.domain.staff import StaffMember
from app.platform.audit_log import AUDIT_FILE
from app.platform.fhir.client import FhirError
from app.platform.fhir.mapping import MappingError, read_datetime
from app.platform.fhir.records import order_from_worklist_entry, pending_transaction, revocation_transaction
from app.platform.fhir.search import search_all
from app.platform.order_store import PendingOrders
from app.platform.outbox import OUTBOX_FILE, Entry, Outbox, Status
from app.services.audit import Auditor
from app.services.changes import Changes
from app.services.identity import Identity
from app.services.lookup import PersonMatch
from app.services.ordering.plan import OrderLine
from app.services.ordering.priors import prior_summary
from app.services.ordering.sending import SendSummary, queue, send_due
from app.services.workspace import SourceHandle, Workspace

log = logging.getLogger("huren.services")


def initial_decisions(lines: Sequence[OrderLine]) -> list[ItemDecision]:
    """One decision per item with a recognizable prior result, defaulting to recognizing it.

    Items without one are ordered as usual through the HIS and need no decision.
    """
    out = []
    for line in lines:
        if line.best is None or (prior := prior_summary(line)) is None:
            continue
        out.append(ItemDecision(line.item.code, str(line.best.result.key), item_name=line.item.name_zh,
                                fee_yuan=line.item.price_yuan, prior=prior))
    return out


@dataclass(frozen=True)
class Worklist:
    """Orders awaiting consent, and the sources whose list could not be read whole."""

    orders: list[Order]
    incomplete: tuple[str, ...] = ()


class OrderDesk:
    def __init__(self, workspace: Workspace, identity: Identity, folder: Path | None = None) -> None:
        self.workspace, self.identity = workspace, identity
        path = self.outbox_path = (folder or paths().data) / OUTBOX_FILE
        sealer = workspace.sealer()   # patient names at rest are sealed; StorageRefused if they cannot be
        self.outbox = Outbox(path, sealer)
        self.pending = PendingOrders(path, sealer)
        self.note_required = frozenset({RepeatReason.OTHER, *map(RepeatReason, workspace.config.note_required)})
        self.auditor = Auditor(self.outbox, (folder or paths().data) / AUDIT_FILE,
                               source=workspace.sources[0].name if workspace.sources else "",
                               timezone=workspace.config.timezone, clock=lambda: workspace.now())

    def close(self) -> None:
        self.auditor.flush()    # its records go to this outbox
        self.outbox.close()
        self.pending.close()

    def may_record_consent(self, user: StaffMember | None) -> bool:
        return user is not None and permissions(
            user, physician_records_consent=self.workspace.config.physician_records_consent).records_consent

    @property
    def consent_methods(self) -> tuple[ConsentMethod, ...]:
        """The ways of recording consent this site accepts (`[orders] consent_modes`), in the dialog's order."""
        return tuple(ConsentMethod(code) for code in self.workspace.config.consent_modes)

    def _user(self, physician: bool) -> StaffMember:
        user = self.identity.current
        if user is None or (physician and not user.is_physician):
            raise OrderError("only a signed-in physician can order" if physician else "nobody is signed in")
        return user

    def prepare_order(self, person: PersonMatch, decisions: Sequence[ItemDecision],
                      clinical_note: str = "", outpatient_number: str = "") -> Order:
        """The order as the signed-in physician decided it, checked; nothing is written yet.

        Cheap and local, so a dialog can refuse at once (OrderError) and close on success;
        `place` then writes it, on the workstation's serial lane.
        """
        record = person.records[0]
        requester = self._user(physician=True)
        # Who the order is for, as the nurse and the printed form identify them (two identifiers,
        # never the name alone); the outpatient number when the HIS gave one with its launch.
        identity = identity_of(person.records, requester.organization_id, outpatient_number)
        order = Order(id=str(uuid.uuid4()), patient_id=record.key.id, patient_name=record.name,
                      requester=requester, created_at=self.workspace.now(),
                      decisions=tuple(decisions), clinical_note=clinical_note, source=record.key.source,
                      identity=identity)
        return order.submitted(self.note_required)

    def place(self, order: Order) -> Changes:
        """Keep a prepared order (blocking disk writes): repeats wait for consent, recognitions go out."""
        if order.state is OrderState.AWAITING_CONSENT:
            self.pending.put(order)
            # Published too, so that a nurse at another workstation of the department finds it.
            self.outbox.add(f"pending@{order.source}", pending_transaction(order), entry_id=f"{order.id}/pending")
        elif order.decisions:
            queue(self.outbox, order, dict(self.workspace.catalogue.items), order.source)
        decided = ", ".join(f"{d.item_code}:{d.choice.value}" + (f"({d.reason.value})" if d.reason else "")
                            for d in order.decisions)
        self.auditor.record(AuditAction.ORDER_DECISION, order.requester,
                            patient=f"{order.source}:{order.patient_id}", entity=f"order/{order.id}", detail=decided)
        return Changes(worklist=order.state is OrderState.AWAITING_CONSENT, outbox=True, order=order)

    def consent_given(self, order: Order, consent: PatientConsent) -> Order:
        """The order finished with the nurse's record, checked against the site's rules; nothing
        is written yet (`finish` writes it)."""
        user = self._user(physician=False)
        if consent.recorded_by != user:
            raise OrderError("consent is recorded by the signed-in user")
        if not self.may_record_consent(user):
            raise OrderError("consent is recorded by a nurse at this site")
        if user.is_physician and not consent.witness.strip():
            raise OrderError("a physician records consent only with a named witness")
        if consent.method not in self.consent_methods:
            raise OrderError(f"consent by {consent.method.value} is not accepted at this site")
        return order.with_consent(consent)

    def finish(self, done: Order) -> Changes:
        """Keep a finished order (blocking disk writes): to the outbox, off the waiting list."""
        consent = done.consent
        assert consent is not None, "finish takes an order from consent_given"
        queue(self.outbox, done, dict(self.workspace.catalogue.items), done.source)
        self.pending.remove(done.id)  # a no-op when the order came from another workstation
        self.auditor.record(AuditAction.CONSENT, consent.recorded_by, patient=f"{done.source}:{done.patient_id}",
                            entity=f"order/{done.id}", detail="given" if consent.consented else "refused")
        return Changes(worklist=True, outbox=True, order=done)

    def revoke(self, order_id: str, item_code: str, reason: str) -> Changes:
        """Undo a recognition recorded by mistake (blocking: it may read the platform; run it on the serial lane).

        Only its own physician may, within the visit (the day it was recorded, in the site's
        time zone), and with a reason. The recognition record stays as it was; a revocation
        record naming it goes out through the outbox under the entry id
        `{order id}/{item code}/revoke`, so the platform receives it once however often the
        sending is retried, and a second revocation is refused here. OrderError says why not.
        """
        user = self._user(physician=True)
        reason = reason.strip()
        if not reason:
            raise OrderError("a revocation needs a reason")
        entry_id = f"{order_id}/{item_code}/revoke"
        if self.outbox.get(entry_id) is not None:
            raise OrderError("this recognition is already revoked")
        record, source = self._recognition(order_id, item_code)
        if reference_id(record.get("author"), "Practitioner") != user.practitioner_id:
            raise OrderError("only the physician who recognized the result can revoke it")
        now = self.workspace.now()
        at = next((e.get("valueDateTime") for e in record.get("extension") or []
                   if isinstance(e, dict) and e.get("url") == EXT + "recognized-at"), None) or record.get("created")
        try:
            recognized_on = read_datetime(at, "recognized-at", self.workspace.timezone).astimezone(
                self.workspace.timezone).date()
        except MappingError:
            raise OrderError("the recognition record does not say when it was made") from None
        if recognized_on != now.astimezone(self.workspace.timezone).date():
            raise OrderError("a recognition can be revoked only within its visit, on the day it was recorded")
        try:
            transaction = revocation_transaction(record, now, reason)
        except ValueError as e:
            raise OrderError(str(e)) from None
        self.outbox.add(f"revoke@{source}" if source else "revoke", transaction, entry_id=entry_id)
        patient = reference_id(record.get("subject"), "Patient") or ""
        # The reason is free text: it goes on the platform's record, not into the local trail.
        self.auditor.record(AuditAction.RECOGNITION_REVOKED, user, patient=f"{source}:{patient}" if patient else "",
                            entity=f"order/{order_id}", detail=item_code)
        return Changes(outbox=True)

    def _recognition(self, order_id: str, item_code: str) -> tuple[dict, str]:
        """The recognition record of an order's item and the source it is for.

        Not sent yet: the one in the outbox (a sent entry keeps only a digest). Sent: the one
        a source holds, found by its identifier. OrderError when neither has it.
        """
        key = f"{order_id}/{item_code}"
        entry = self.outbox.get(order_id)
        if entry is not None and entry.kind.startswith("order"):
            for e in entry.payload.get("entry") or []:
                res = e.get("resource") if isinstance(e, dict) else None
                if isinstance(res, dict) and _identified(res, RECOGNITION_SYSTEM, key):
                    return res, entry.kind.partition("@")[2]
        for source in self.workspace.sources:
            try:
                answer = search_all(source.client, "Basic", [("identifier", f"{RECOGNITION_SYSTEM}|{key}")])
            except FhirError as e:
                log.warning("recognition %s not read from %s: %s", key, source.name, e.message)
                continue
            for res in answer.matches:
                if _identified(res, RECOGNITION_SYSTEM, key):
                    return res, source.name
        raise OrderError("no recognition of this item was found for the order")

    def waiting_for_consent(self) -> list[Order]:
        """Orders of this hospital awaiting consent that this workstation knows (no network)."""
        user = self.identity.current
        return self.pending.waiting(user.organization_id if user else None)

    def fetch_waiting(self) -> Worklist:
        """This workstation's and the platform's waiting orders (blocking: run it on a worker).

        A source that cannot be reached leaves the local list; an order finished here but not
        yet acknowledged by the platform is not offered again. A source whose list was cut
        short is named in `incomplete`, and its silence about an order proves nothing.
        """
        user = self.identity.current
        local = {o.id: o for o in self.waiting_for_consent()}
        found = dict(local)
        incomplete: list[str] = []
        params = [("code", f"{RECORD_TYPE_SYSTEM}|{AWAITING_CONSENT}"), ("_count", "100")]
        for source in self.workspace.sources:
            try:
                answer = search_all(source.client, "Basic", params)
            except FhirError as e:
                log.warning("waiting orders not fetched from %s: %s", source.name, e.message)
                incomplete.append(source.label)
                continue
            remote: set[str] = set()
            for res in answer.matches:
                try:
                    order = order_from_worklist_entry(res)
                except ValueError as e:
                    log.warning("worklist entry skipped: %s", e)
                    continue
                remote.add(order.id)
                if user is None or order.requester.organization_id == user.organization_id:
                    found.setdefault(order.id, order)
            if answer.truncated:
                incomplete.append(source.label)
            else:
                self._forget_finished_elsewhere(local, remote, source.name, found)
        done_here = {o for o in found if (entry := self.outbox.get(o)) is not None and entry.kind.startswith("order")}
        orders = sorted((o for o in found.values() if o.id not in done_here), key=lambda o: o.created_at)
        return Worklist(orders, tuple(incomplete))

    def refused(self) -> list[Entry]:
        """Records the platform refused (4xx): kept, with its reason, for correction."""
        return self.outbox.entries(Status.REJECTED)

    def _forget_finished_elsewhere(self, local: dict[str, Order], remote: set[str], source: str,
                                   found: dict[str, Order]) -> None:
        """A published order no longer awaiting on the platform had its consent recorded elsewhere."""
        for order_id, order in local.items():
            published = self.outbox.get(f"{order_id}/pending")
            if order.source == source and order_id not in remote and published is not None \
                    and published.status is Status.SENT:
                self.pending.remove(order_id)
                found.pop(order_id, None)

    def unsent(self) -> int:
        """Clinical records not yet acknowledged by the platform: what the status bar shows.

        Audit events travel the same way but are not the user's work to watch over.
        """
        return self.outbox.count(Status.PENDING, except_kind="audit") + \
            self.outbox.count(Status.REJECTED, except_kind="audit")

    def send_due(self, now: float | None = None) -> SendSummary:
        """Post what is due to each source, the audit records made so far among it (blocking: run it on a worker)."""
        self.auditor.flush()
        totals = SendSummary()
        for source in self.workspace.sources:
            s = send_due(self.outbox, source.client, now, source.name, transactions=_takes_transactions(source))
            totals = SendSummary(totals.sent + s.sent, totals.retrying + s.retrying, totals.rejected + s.rejected,
                                 totals.audited + s.audited)
        return totals


def _identified(res: dict, system: str, value: str) -> bool:
    return res.get("resourceType") == "Basic" and any(
        isinstance(i, dict) and i.get("system") == system and i.get("value") == value
        for i in res.get("identifier") or [])


def _takes_transactions(source: SourceHandle) -> bool | None:
    """What the source's CapabilityStatement says of transactions; None when it cannot be read now.

    A server that does not declare them gets an order in pieces straight away, without a
    refused transaction first.
    """
    try:
        capabilities = source.capabilities()
    except FhirError:   # no answer now: sending will meet the same and retry later
        return None
    return capabilities.transaction if capabilities.known else None
