import json

import pytest
from cryptography.fernet import Fernet

from app.platform.order_store import PendingOrders, order_from_dict, order_to_dict
from app.platform.sealing import SealedDataUnreadable, Sealer, load_sealer
from tests.platform.test_outbox import assert_no_name_on_disk
from tests.services.test_submission import finished_order


def test_round_trip_and_worklist(tmp_path):
    order = finished_order("o-1")
    assert order_from_dict(order_to_dict(order)) == order
    store = PendingOrders(tmp_path / "orders.sqlite3")
    store.put(order)
    store.put(finished_order("o-2"))
    assert [o.id for o in store.waiting("org-sdsl")] == ["o-1", "o-2"]
    assert store.waiting("org-other") == []
    store.close()
    reopened = PendingOrders(tmp_path / "orders.sqlite3")  # survives a restart
    assert reopened.get("o-1") == order
    reopened.remove("o-1")
    assert [o.id for o in reopened.waiting()] == ["o-2"]


def test_sealed_orders_hide_patient_names_on_disk(tmp_path, memory_keyring):
    folder = tmp_path / "data"
    order = finished_order("o-1")
    assert "张伟" in json.dumps(order_to_dict(order), ensure_ascii=False)   # name and consent signer
    store = PendingOrders(folder / "outbox.sqlite3", load_sealer())
    store.put(order)
    assert_no_name_on_disk(folder)         # while open: the commit is in the -wal
    store.close()
    assert_no_name_on_disk(folder)         # closed: checkpointed into the database file
    reopened = PendingOrders(folder / "outbox.sqlite3", load_sealer())
    assert reopened.get("o-1") == order and reopened.waiting("org-sdsl") == [order]
    reopened.close()


def test_orders_stored_plain_by_an_earlier_version_still_read(tmp_path, memory_keyring):
    old = PendingOrders(tmp_path / "orders.sqlite3")    # an earlier version: no sealer
    old.put(finished_order("o-1"))
    old.close()
    store = PendingOrders(tmp_path / "orders.sqlite3", load_sealer())
    store.put(finished_order("o-2"))
    assert [o.id for o in store.waiting()] == ["o-1", "o-2"] and store.get("o-1") == finished_order("o-1")
    store.close()


def test_an_order_sealed_with_another_key_is_kept_and_named_and_holds_up_nothing(tmp_path):
    store = PendingOrders(tmp_path / "orders.sqlite3", Sealer(Fernet.generate_key()))
    store.put(finished_order("o-1"))
    store.close()
    store = PendingOrders(tmp_path / "orders.sqlite3", Sealer(Fernet.generate_key()))
    with pytest.raises(SealedDataUnreadable, match="key this workstation does not hold"):
        store.get("o-1")
    store.put(finished_order("o-2"))
    assert [o.id for o in store.waiting()] == ["o-2"]      # listed without the unreadable one, which stays
    store.close()


def test_an_order_from_a_newer_workstation_still_reads():
    """A prior published with a field this version does not know (a newer workstation's) is read,
    the field dropped, rather than the whole worklist entry refused."""
    import dataclasses

    from app.domain.repeat_orders import PriorSummary

    prior = PriorSummary(value="5.1", unit="mmol/L", reference_range="3.5-5.3", date="2026-11-20",
                         hospital="山东省立中心医院", mark="鲁HR", age_days=3, window_days=7)
    base = finished_order("o-new")
    order = dataclasses.replace(base, decisions=tuple(dataclasses.replace(d, prior=prior) for d in base.decisions))
    data = order_to_dict(order)
    for decision in data["decisions"]:
        decision["prior"]["added_in_a_later_version"] = "x"
    assert order_from_dict(data) == order
