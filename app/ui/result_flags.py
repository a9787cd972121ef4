"""How a result's abnormal flag looks: the chart's arrows and colours, for every view that shows one.

The flag is the issuing hospital's own interpretation (HL7 v3 ObservationInterpretation); a
value converted into the chart's unit keeps it. A doctor scans for the arrow and the colour,
so a prior result in the order dialog must carry the same ones as in the chart.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

HIGH = QColor("#c62828")
LOW = QColor("#1565c0")

_SYMBOLS = {"H": "↑", "HH": "↑↑", "L": "↓", "LL": "↓↓", "A": "!", "POS": "+"}


def flag_symbol(flag: str) -> str:
    """The chart's mark for a flag ("" for a normal result or a flag it does not mark)."""
    return _SYMBOLS.get(flag, "")


def flag_colour(flag: str) -> QColor:
    """Blue for a low result, red for any other abnormal one."""
    return LOW if flag.startswith("L") else HIGH
