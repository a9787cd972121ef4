"""Each source's line in the status view: its state's mark and colour, for every state there is."""

from __future__ import annotations

from app.services.lookup import SourceOutcome, SourceState
from app.ui.source_status_view import _LOOK, SourceStatusView, waiting


def test_every_state_has_a_mark_and_a_colour():
    assert set(_LOOK) == {state.value for state in SourceState}


def test_each_outcome_shows_its_mark_and_what_happened(qtbot):
    view = SourceStatusView()
    qtbot.addWidget(view)
    view.set_outcomes([*waiting([("a", "市立医院")]),
                       SourceOutcome("b", "区医院", SourceState.OK, count=3, seconds=0.4),
                       SourceOutcome("c", "县医院", SourceState.UNREACHABLE, message="connection refused")])
    lines = view.toolTip().splitlines()
    assert lines == ["… 市立医院: waiting for answer", "✓ 区医院: 3 found in 0.4 s",
                     "✗ 县医院: unreachable: connection refused"]
    assert "#c62828" in view.text() and "#1b7f3b" in view.text()
