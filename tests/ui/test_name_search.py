"""Finding a patient by name: the birth date is asked for, never assumed, and namesakes can be told apart.

The platform is the demo's two showcase patients plus two more people called 张伟: one born
the same day as the showcase 张伟 (another resident ID, seen only in Wuhan), one born another
year. A name search must find the first two, never the third, and show what tells them apart.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from app.domain.identity import INSURANCE_CARD_SYSTEM, MRN_SYSTEM_PREFIX, RESIDENT_ID_SYSTEM, make_resident_id
from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID
from app.services.lookup import PatientQuery, QueryKind
from tests.conftest import ANCHOR
from tests.ui.conftest import demo_site

SHOWCASE_BORN = date(1968, 3, 15)
#: The second 张伟: same name, sex and birth day as the showcase patient; born in Wuchang, Wuhan.
NAMESAKE_ID = make_resident_id("420106", SHOWCASE_BORN, 47)
#: A third 张伟, born in 1990: a name search with the showcase's birth date must not list her.
YOUNGER_ID = make_resident_id("370102", date(1990, 6, 1), 82)


def namesake(pid: str, resident_id: str, gender: str, born: date, hospitals: list[tuple[str, str]]) -> dict:
    """A Patient as the demo platform registers one: resident ID, insurance card, an MRN per hospital."""
    identifiers = [
        {"system": RESIDENT_ID_SYSTEM, "value": resident_id},
        {"system": INSURANCE_CARD_SYSTEM, "value": f"K{pid[-4:]}0000"},
    ]
    identifiers += [{"type": {"coding": [{"code": "MR"}]}, "system": MRN_SYSTEM_PREFIX + org, "value": f"MR{pid}",
                     "assigner": {"reference": f"Organization/{org}", "display": name}} for org, name in hospitals]
    return {"resourceType": "Patient", "id": pid, "identifier": identifiers, "gender": gender,
            "birthDate": born.isoformat(), "name": [{"text": "张伟", "family": "张", "given": ["伟"]}]}


@pytest.fixture(scope="module")
def namesakes_platform(tmp_path_factory):
    """The demo platform (two showcase patients, no images) with two more people called 张伟."""
    from app.sandbox.server import SandboxServer

    server = SandboxServer(tmp_path_factory.mktemp("namesakes"), anchor=ANCHOR, images=False, patients=2).start()
    server.store.bulk_load([
        namesake("pat-9001", NAMESAKE_ID, "male", SHOWCASE_BORN, [("org-whdh", "武汉市东湖医院")]),
        namesake("pat-9002", YOUNGER_ID, "female", date(1990, 6, 1), [("org-sdsl", "山东省立中心医院")]),
    ])
    yield server
    server.stop()


@pytest.fixture
def panel(qtbot, make_window, namesakes_platform):
    """The search panel of a signed-in window, in name + birth date mode, nothing typed yet."""
    window = make_window(demo_site(namesakes_platform.fhir_base), now=ANCHOR)
    qtbot.waitUntil(lambda: window.search_panel.isEnabled() and not window.runner.busy, timeout=10_000)
    panel = window.search_panel
    panel.mode.setCurrentIndex(2)
    return panel


def type_chinese(edit, text: str) -> None:
    """What a Chinese input method does once the doctor picks the characters: it commits them."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def search_and_wait(qtbot, panel) -> PatientQuery:
    """Press Search; the query that went out once every source has answered."""
    with qtbot.waitSignal(panel.searched, timeout=5_000) as sent:
        qtbot.mouseClick(panel.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.runner.busy, timeout=10_000)
    return sent.args[0]


def test_a_name_without_birth_date_asks_for_it_and_searches_nothing(qtbot, panel):
    assert panel.birth_edit.text() == ""                   # no default date to search with unnoticed
    type_chinese(panel.name_edit, "张伟")
    with qtbot.assertNotEmitted(panel.searched):
        qtbot.mouseClick(panel.search_button, Qt.MouseButton.LeftButton)
    assert "birth date" in panel.message.text()
    assert panel.birth_edit.property("problem") is True     # marked ...
    assert not panel.name_edit.property("problem")          # ... and only it: the name is there
    assert panel.window().focusWidget() is panel.birth_edit  # the cursor waits in it
    assert not panel.runner.busy and panel.source_status.outcomes() == []   # no source was asked
    assert panel.results.count() == 0

    qtbot.keyClicks(panel.birth_edit, "19680315")           # typed as on the card, without dashes
    assert not panel.birth_edit.property("problem")         # typing takes the mark away
    query = search_and_wait(qtbot, panel)
    assert query == PatientQuery(QueryKind.NAME_BIRTHDATE, name="张伟", birth_date=SHOWCASE_BORN)
    assert panel.birth_edit.text() == "1968-03-15"          # shown as it was understood
    assert panel.message.text() == "" and panel.results.count() == 2


def test_nothing_typed_marks_both_fields_and_the_cursor_goes_to_the_name(qtbot, panel):
    with qtbot.assertNotEmitted(panel.searched):
        qtbot.keyClick(panel.name_edit, Qt.Key.Key_Return)
    assert panel.name_edit.property("problem") is True and panel.birth_edit.property("problem") is True
    assert "name and birth date" in panel.message.text()
    assert panel.window().focusWidget() is panel.name_edit


@pytest.mark.parametrize(("typed", "reason"), [
    ("1968-02-30", "no such day"),
    ("15.03.1968", "year-month-day"),
    ("68-3-15", "year-month-day"),
    ("2027-01-01", "in the future"),                        # after the demo's today (2026-11-20)
])
def test_a_birth_date_that_cannot_be_right_is_refused_with_the_reason(qtbot, panel, typed, reason):
    type_chinese(panel.name_edit, "张伟")
    qtbot.keyClicks(panel.birth_edit, typed)
    with qtbot.assertNotEmitted(panel.searched):
        qtbot.keyClick(panel.birth_edit, Qt.Key.Key_Return)
    assert "Birth date not valid" in panel.message.text() and reason in panel.message.text()
    assert panel.birth_edit.property("problem") is True
    assert panel.window().focusWidget() is panel.birth_edit
    assert panel.birth_edit.text() == typed                 # left as typed, to be corrected


@pytest.mark.parametrize("typed", ["1968/3/15", "1968.03.15", "1968年3月15日", "１９６８－０３－１５"])
def test_a_birth_date_is_read_as_doctors_write_it(qtbot, panel, typed):
    panel.name_edit.setText("张伟")
    panel.birth_edit.setText(typed)                         # full-width digits: a Chinese input method's
    assert search_and_wait(qtbot, panel).birth_date == SHOWCASE_BORN
    assert panel.birth_edit.text() == "1968-03-15"


def test_two_namesakes_born_the_same_day_are_told_apart(qtbot, panel):
    type_chinese(panel.name_edit, "张伟")
    qtbot.keyClicks(panel.birth_edit, "1968-03-15")
    search_and_wait(qtbot, panel)
    assert panel.results.count() == 2                       # the 张伟 born in 1990 is not listed
    items = [panel.results.item(i) for i in range(2)]
    by_id = {item.data(Qt.ItemDataRole.UserRole + 1).primary.resident_id: item for item in items}
    assert set(by_id) == {SHOWCASE_RESIDENT_ID, NAMESAKE_ID}
    showcase, other = by_id[SHOWCASE_RESIDENT_ID].text(), by_id[NAMESAKE_ID].text()
    for text in (showcase, other):
        who, _ident, where = text.split("\n")
        assert who == "张伟  M  58 y  1968-03-15"            # name, sex, age on the demo's today, birth date
        assert where.endswith("演示平台")                    # the source it was found on
    # The masked IDs differ (region and last digits), and no full ID is on screen.
    assert showcase.split("\n")[1] == "ID 370102********2710"
    assert other.split("\n")[1] == f"ID 420106********{NAMESAKE_ID[-4:]}"
    assert SHOWCASE_RESIDENT_ID not in showcase and NAMESAKE_ID not in other
    # The hospitals with their records: the showcase 张伟 in Shandong (8, three named), the other in Wuhan.
    first_three = "齐鲁医科大学附属第一医院、山东省立中心医院、青岛滨海大学附属医院"
    assert showcase.split("\n")[2] == f"Records at: {first_three} and 5 more  ·  演示平台"
    assert other.split("\n")[2] == "Records at: 武汉市东湖医院  ·  演示平台"
    assert "淄博市般阳医院" in by_id[SHOWCASE_RESIDENT_ID].toolTip()   # every hospital, on hovering
    assert "2 patients found" in panel.results_label.text()

    # Choosing one opens that person, not the namesake.
    item = by_id[NAMESAKE_ID]
    with qtbot.waitSignal(panel.patient_chosen, timeout=5_000) as chosen:
        qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.results.visualItemRect(item).center())
    assert chosen.args[0].primary.resident_id == NAMESAKE_ID
    qtbot.waitUntil(lambda: not panel.runner.busy, timeout=10_000)
