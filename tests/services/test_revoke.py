"""A recognition recorded by mistake is revoked by its doctor, within the visit, with a reason.

On a fresh sandbox: orders made and sent through the order desk, one recognition revoked.
The platform holds exactly one revocation record however often it is sent (the outbox entry
is resent as a lost acknowledgement would have it), the recognition record itself is left
as it was, and the dashboard counts the item as revoked: one recognition and its fee fewer.
Who may revoke, and when, is checked before anything is written.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

import pytest

from app.config import SiteConfig, SourceConfig
from app.domain.audit import AuditAction
from app.domain.fhir_profile import EXT, RECOGNITION_REVOKED, RECOGNITION_SYSTEM, RECORD_TYPE_SYSTEM, REVOCATION_SYSTEM
from app.domain.recognition_stats import tally
from app.domain.repeat_orders import OrderError
from app.platform.outbox import Outbox, Status
from app.services.dashboard import load_decisions
from app.services.dashboard_export import decision_rows
from app.services.identity import Identity, available_users
from app.services.ordering.desk import OrderDesk, initial_decisions
from app.services.ordering.plan import check_order
from app.services.ordering.sending import send_due
from app.services.workspace import Workspace
from tests.conftest import ANCHOR
from tests.helpers.orders import place

ITEMS = ["LAB-K", "LAB-NA", "LAB-CL", "LAB-CA", "LAB-GLU", "LAB-CREA", "LAB-ALT"]
DAY = ANCHOR.date()


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    from app.sandbox.server import SandboxServer

    server = SandboxServer(tmp_path_factory.mktemp("revoke-platform"), anchor=ANCHOR, images=False).start()
    yield server
    server.stop()


@pytest.fixture
def ws(platform):
    workspace = Workspace.from_config(SiteConfig((SourceConfig("s0", platform.fhir_base, label="平台"),),
                                                 organization="org-sdsl", region="370104"))
    workspace.now = lambda: ANCHOR + timedelta(hours=1)
    yield workspace
    workspace.close()


@pytest.fixture
def desk(ws, tmp_path):
    made = OrderDesk(ws, Identity(), tmp_path)
    yield made
    made.close()


@pytest.fixture
def staff(ws):
    return {u.name: u for u in available_users(ws)}


@pytest.fixture
def order(desk, staff):
    """An order of 李明's, every item recognized, not sent yet."""
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    check = check_order(desk.workspace, SHOWCASE_RESIDENT_ID, ITEMS)
    decisions = initial_decisions(check.lines)
    assert len(decisions) >= 2, [d.item_code for d in decisions]
    desk.identity.sign_in(staff["李明"])
    return place(desk, check.chart.person, decisions, "门诊复诊")


def stored(platform, code: str) -> list[dict]:
    db = sqlite3.connect(f"file:{platform.store.path}?mode=ro", uri=True)
    try:
        rows = [json.loads(r[0]) for r in db.execute("SELECT json FROM resources WHERE type = 'Basic'")]
    finally:
        db.close()
    return [r for r in rows if any(c.get("system") == RECORD_TYPE_SYSTEM and c.get("code") == code
                                   for c in r.get("code", {}).get("coding", []))]


def revocations_of(platform, key: str) -> list[dict]:
    return [r for r in stored(platform, RECOGNITION_REVOKED)
            if any(i == {"system": REVOCATION_SYSTEM, "value": key} for i in r.get("identifier", []))]


def test_a_sent_recognition_revoked_reaches_the_platform_once_and_the_dashboard_counts_it(platform, ws, desk,
                                                                                          order, tmp_path):
    assert desk.send_due().sent == 1
    item = order.recognitions[0]
    key = f"{order.id}/{item.item_code}"
    before = load_decisions(ws, DAY, DAY)
    assert key in {d.record for d in before.decisions if d.recognized}

    changes = desk.revoke(order.id, item.item_code, "  误点互认，患者需复查  ")
    assert changes.outbox
    entry = desk.outbox.get(f"{key}/revoke")
    assert entry is not None and entry.status is Status.PENDING and entry.kind == "revoke@s0"
    payload = entry.payload
    assert desk.send_due().sent == 1
    assert desk.outbox.get(f"{key}/revoke").status is Status.SENT

    # The acknowledgement lost: the same entry sent again (twice) leaves one revocation.
    again = Outbox(tmp_path / "again.sqlite")
    again.add("revoke@s0", payload, entry_id=f"{key}/revoke")
    assert send_due(again, ws.sources[0].client, source="s0").sent == 1
    again.close()
    again = Outbox(tmp_path / "again2.sqlite")
    again.add("revoke@s0", payload, entry_id=f"{key}/revoke")
    assert send_due(again, ws.sources[0].client, source="s0").sent == 1
    again.close()

    [revocation] = revocations_of(platform, key)
    ext = {e["url"].removeprefix(EXT): e for e in revocation["extension"]}
    assert ext["revokes"]["valueReference"]["identifier"] == {"system": RECOGNITION_SYSTEM, "value": key}
    assert ext["revocation-reason"]["valueString"] == "误点互认，患者需复查"
    assert ext["recognized-item"]["valueCoding"]["code"] == item.item_code
    assert revocation["author"]["reference"] == f"Practitioner/{order.requester.practitioner_id}"
    # The recognition record is left as the platform received it.
    assert [r for r in stored(platform, "recognition")
            if {"system": RECOGNITION_SYSTEM, "value": key} in r.get("identifier", [])]

    after = load_decisions(ws, DAY, DAY)
    t0, t1 = tally(before.decisions), tally(after.decisions)
    assert (t1.recognized, t1.revoked, t1.repeated) == (t0.recognized - 1, t0.revoked + 1, t0.repeated)
    assert t1.fees_saved_fen == t0.fees_saved_fen - round(item.fee_yuan * 100)
    [gone] = [d for d in after.decisions if d.record == key]
    assert gone.revoked and not gone.recognized
    assert [row[6] for row in decision_rows([gone])] == ["revoked"]

    # Revoked once: a second revocation is refused, nothing more is queued.
    with pytest.raises(OrderError, match="already revoked"):
        desk.revoke(order.id, item.item_code, "再次撤销")
    [audited] = [r for r in desk.auditor.records() if r.action is AuditAction.RECOGNITION_REVOKED]
    assert (audited.entity, audited.user_id) == (f"order/{order.id}", order.requester.practitioner_id)
    assert audited.detail == item.item_code   # free text stays off the local trail


def test_a_recognition_not_sent_yet_is_revoked_from_the_outbox_and_both_go_out_in_order(platform, desk, order):
    item = order.recognitions[-1]
    key = f"{order.id}/{item.item_code}"
    desk.revoke(order.id, item.item_code, "录入错误")   # the order is still only in the outbox
    assert desk.send_due().sent == 2
    assert len(revocations_of(platform, key)) == 1


def test_only_the_ordering_physician_revokes_with_a_reason_within_the_visit(ws, desk, order, staff):
    item = order.recognitions[0]
    with pytest.raises(OrderError, match="reason"):
        desk.revoke(order.id, item.item_code, "   ")
    desk.identity.sign_in(staff["陈浩"])
    with pytest.raises(OrderError, match="only the physician who recognized"):
        desk.revoke(order.id, item.item_code, "误点")
    desk.identity.sign_in(staff["赵静"])   # a nurse
    with pytest.raises(OrderError, match="physician"):
        desk.revoke(order.id, item.item_code, "误点")
    desk.identity.sign_in(staff["李明"])
    ws.now = lambda: ANCHOR + timedelta(days=1)
    with pytest.raises(OrderError, match="within its visit"):
        desk.revoke(order.id, item.item_code, "误点")
    with pytest.raises(OrderError, match="no recognition"):
        desk.revoke(order.id, "LAB-NONE", "误点")
    assert desk.outbox.get(f"{order.id}/{item.item_code}/revoke") is None
