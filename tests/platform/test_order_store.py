from app.platform.order_store import PendingOrders, order_from_dict, order_to_dict
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
