"""Orders waiting for the patient's consent, kept on disk until a nurse records it.

A physician's decision must survive a crash or a closed window just as a sent order does,
so a repeat that waits for consent is written here (same SQLite settings as the outbox:
WAL, synchronous=FULL) and only leaves when the finished order is in the outbox. The body
(patient name, consent signer) is sealed by the given Sealer, as the outbox's payload is.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import logging
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

from app.domain.identification import PatientIdentity
from app.domain.repeat_orders import (
    Choice,
    ConsentMethod,
    ItemDecision,
    Order,
    OrderState,
    PatientConsent,
    PriorSummary,
    RepeatReason,
)
from app.domain.staff import Role, StaffMember
from app.platform.outbox import connect_durably
from app.platform.sealing import SealedDataUnreadable, Sealer

log = logging.getLogger("huren.platform")


class PendingOrders:
    def __init__(self, path: Path, sealer: Sealer | None = None) -> None:
        """`sealer` seals the stored orders; without one they are stored as plain JSON."""
        self._sealer = sealer or Sealer()
        self._db = connect_durably(path)
        self._lock = threading.Lock()
        self._db.execute("""CREATE TABLE IF NOT EXISTS pending_orders (
            id TEXT PRIMARY KEY, organization TEXT NOT NULL, created TEXT NOT NULL, body TEXT NOT NULL)""")

    def close(self) -> None:
        self._db.close()

    def put(self, order: Order) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO pending_orders VALUES (?,?,?,?)",
                             (order.id, order.requester.organization_id, order.created_at.isoformat(),
                              self._sealer.seal(json.dumps(order_to_dict(order), ensure_ascii=False))))

    def remove(self, order_id: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM pending_orders WHERE id = ?", (order_id,))

    def get(self, order_id: str) -> Order | None:
        with self._lock:   # reads too: one connection, shared by threads (see Outbox._read)
            row = self._db.execute("SELECT body FROM pending_orders WHERE id = ?", (order_id,)).fetchone()
        return self._order(row[0]) if row else None

    def waiting(self, organization_id: str | None = None) -> list[Order]:
        """Orders awaiting consent, oldest first; of one hospital when given."""
        with self._lock:
            if organization_id is None:
                rows = self._db.execute("SELECT body FROM pending_orders ORDER BY created").fetchall()
            else:
                rows = self._db.execute("SELECT body FROM pending_orders WHERE organization = ? ORDER BY created",
                                        (organization_id,)).fetchall()
        out = []
        for (body,) in rows:   # an order sealed under a lost key stays on disk; the others are listed
            try:
                out.append(self._order(body))
            except SealedDataUnreadable as e:
                log.error("an order awaiting consent is kept but cannot be read: %s", e)
        return out

    def _order(self, body: str) -> Order:
        """Raises SealedDataUnreadable when the body is sealed with a key this keyring lacks."""
        return order_from_dict(json.loads(self._sealer.open(body)))


# --- (de)serialization: explicit, so a stored order reads back the same after an upgrade ----

def _staff(s: StaffMember) -> dict[str, Any]:
    return {"practitioner_id": s.practitioner_id, "name": s.name, "role": s.role.value,
            "organization_id": s.organization_id, "organization_name": s.organization_name,
            "department": s.department, "staff_number": s.staff_number}


def _staff_back(d: dict[str, Any]) -> StaffMember:
    return StaffMember(**{**d, "role": Role(d["role"])})


def order_to_dict(order: Order) -> dict[str, Any]:
    def decision(d: ItemDecision) -> dict[str, Any]:
        return {"item_code": d.item_code, "prior_result": d.prior_result, "choice": d.choice.value,
                "reason": d.reason.value if d.reason else None, "note": d.note, "item_name": d.item_name,
                "fee_yuan": d.fee_yuan, "prior": vars(d.prior) if d.prior else None}

    c = order.consent
    return {
        "version": 1, "id": order.id, "patient_id": order.patient_id, "patient_name": order.patient_name,
        "requester": _staff(order.requester), "created_at": order.created_at.isoformat(),
        "decisions": [decision(d) for d in order.decisions], "clinical_note": order.clinical_note,
        "state": order.state.value, "source": order.source,
        "identity": order.identity.to_dict() if order.identity else None,
        "consent": None if c is None else {
            "consented": c.consented, "signer_name": c.signer_name, "relationship": c.relationship,
            "method": c.method.value, "recorded_at": c.recorded_at.isoformat(), "recorded_by": _staff(c.recorded_by),
            "explained": c.explained, "witness": c.witness,
            "attachment": base64.b64encode(c.attachment).decode("ascii"), "attachment_type": c.attachment_type,
            "items": list(c.items)},
    }


def _prior(data: dict[str, Any]) -> PriorSummary:
    """What this version knows of a prior: an entry a newer workstation published (with fields added
    since) still reads; one without a field added since reads with its default."""
    known = {f.name for f in dataclasses.fields(PriorSummary)}
    return PriorSummary(**{k: v for k, v in data.items() if k in known})


def order_from_dict(d: dict[str, Any]) -> Order:
    decisions = tuple(ItemDecision(
        item_code=x["item_code"], prior_result=x["prior_result"], choice=Choice(x["choice"]),
        reason=RepeatReason(x["reason"]) if x["reason"] else None, note=x["note"], item_name=x["item_name"],
        fee_yuan=x["fee_yuan"], prior=_prior(x["prior"]) if x["prior"] else None)
        for x in d["decisions"])
    c = d["consent"]
    consent = None if c is None else PatientConsent(
        consented=c["consented"], signer_name=c["signer_name"], relationship=c["relationship"],
        method=ConsentMethod(c["method"]), recorded_at=datetime.fromisoformat(c["recorded_at"]),
        recorded_by=_staff_back(c["recorded_by"]), explained=c["explained"], witness=c["witness"],
        attachment=base64.b64decode(c["attachment"]), attachment_type=c["attachment_type"],
        items=tuple(c.get("items") or ()))
    return Order(id=d["id"], patient_id=d["patient_id"], patient_name=d["patient_name"],
                 requester=_staff_back(d["requester"]), created_at=datetime.fromisoformat(d["created_at"]),
                 decisions=decisions, clinical_note=d["clinical_note"], state=OrderState(d["state"]),
                 consent=consent, source=d.get("source", ""),
                 identity=PatientIdentity.from_dict(d["identity"]) if d.get("identity") else None)
