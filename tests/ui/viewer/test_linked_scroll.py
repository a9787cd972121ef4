"""Linked scrolling of a study and its prior in the viewer: by position in the patient, never by a kept offset."""

from __future__ import annotations

import pytest

from app.ui.viewer.viewer_window import StudyContext, ViewerWindow

from .synthetic import ListSource, ct_slice, series_ref

PRIOR_UID = "1.2.826.0.1.3680043.2.1125.9.1"


@pytest.fixture
def compared(qtbot):
    """The current CT (1 mm slices, 0 to -199 mm) beside a prior (2.5 mm slices, 0 to -97.5 mm: it covers less)."""
    w = ViewerWindow()
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    current = ListSource([ct_slice(-float(k), k + 1) for k in range(200)])
    prior = ListSource([ct_slice(-2.5 * k, k + 1, slice_thickness=2.5) for k in range(40)],
                       series=series_ref(40, uid=PRIOR_UID))
    with qtbot.waitSignal(w.series_loaded, timeout=10_000):
        w.open_source(current, StudyContext(title="CT"))
    with qtbot.waitSignal(w.series_loaded, timeout=10_000):
        w.compare(prior, StudyContext(title="prior"))
    yield w
    w.close()


def _positions(w):
    return w.pane_a.current.position, w.pane_b.current.position


def test_linking_lines_up_by_position_whatever_was_on_screen(qtbot, compared):
    w = compared
    assert w.link_action.isChecked()
    # The issue: the current slice at -160 mm beside a prior at -10 mm when linked kept that 150 mm offset.
    w.link_action.setChecked(False)
    w.pane_a.show_index(60)
    w.pane_b.show_index(4)
    assert _positions(w) == (-60.0, -10.0)
    w.link_action.setChecked(True)
    assert _positions(w) == (-60.0, -60.0)                 # the prior went to the current one's position
    for i in (0, 7, 33, 51, 96, 98):
        w.pane_a.show_index(i)
        a, b = _positions(w)
        assert abs(a - b) <= 2.5 / 2                        # linked positions agree within half a slice
        assert b == min((s.position for s in w.pane_b.stack.slices), key=lambda p: abs(p - a))
    w.pane_b.show_index(10)                                 # the prior leads: the current one follows exactly
    assert _positions(w) == (-25.0, -25.0)


def test_no_slice_within_the_thickness_leaves_the_follower_saying_so(qtbot, compared):
    w = compared
    w.pane_a.show_index(90)
    assert _positions(w) == (-90.0, -90.0) and not w.scroll_link.no_match(w.pane_b)
    w.pane_a.show_index(160)                                # 62.5 mm below the prior's last slice
    a, b = _positions(w)
    assert (a, b) == (-160.0, -90.0)                        # the prior stays where it was, not on a wrong slice
    assert w.scroll_link.no_match(w.pane_b)
    message = w.pane_b.message.text()
    assert "No matching slice" in message and "-160.0" in message and "-97.5" in message
    w.pane_a.show_index(100)                                # 2.5 mm below the last slice: within its thickness
    assert _positions(w) == (-100.0, -97.5) and not w.scroll_link.no_match(w.pane_b)
    assert not w.pane_b.message.isVisible()
    w.pane_a.show_index(160)
    w.link_action.setChecked(False)                         # unlinking takes the note back
    assert not w.pane_b.message.isVisible()


def test_the_link_never_hides_another_message(qtbot, compared):
    w = compared
    w.pane_a.show_index(160)
    assert w.scroll_link.no_match(w.pane_b)
    w.pane_b.show_message("The images could not be fetched: timeout")
    w.pane_a.show_index(50)
    assert w.pane_b.current.position == -50.0
    assert w.pane_b.message.isVisible() and "timeout" in w.pane_b.message.text()
