"""Qt's dates as Python's: QDate.toPython() is typed as returning `object` in PySide6's stubs."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate


def python_date(qdate: QDate) -> date:
    """The same day as a datetime.date; ValueError for an invalid QDate, as QDate.toPython() raises."""
    return date(qdate.year(), qdate.month(), qdate.day())
