"""The trend's time axis labels, in each interface language: words and word order."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QLocale

from app.ui.trend_axis import tick_labels

DAY, MONTH, YEAR = 86400, 30 * 86400, 365 * 86400
MONTHS = [datetime(2026, m, 1) for m in (3, 4, 5, 8, 10, 12)]


@pytest.mark.parametrize(("language", "months", "years", "days"), [
    ("zh_CN", ["2026年3月", "4月", "5月", "8月", "10月", "12月"], ["2025年", "2026年"], ["3月5日", "3月6日"]),
    ("id", ["Mar 2026", "Apr", "Mei", "Agu", "Okt", "Des"], ["2025", "2026"], ["5 Mar", "6 Mar"]),
    ("en", ["Mar 2026", "Apr", "May", "Aug", "Oct", "Dec"], ["2025", "2026"], ["Mar 5", "Mar 6"]),
])
def test_labels_are_in_the_language_and_its_order(language, months, years, days):
    locale = QLocale(language)
    assert tick_labels(MONTHS, MONTH, MONTH, False, locale) == months
    assert tick_labels([datetime(2025, 1, 1), datetime(2026, 1, 1)], YEAR, YEAR, True, locale) == years
    assert tick_labels([datetime(2026, 3, 5), datetime(2026, 3, 6)], DAY, DAY, False, locale) == days


def test_months_carry_the_year_only_where_no_year_tick_says_it():
    zh = QLocale("zh_CN")
    # Year ticks in view: months are bare. None in view: the first month and each January say the year.
    assert tick_labels(MONTHS[:2], MONTH, YEAR, True, zh) == ["3月", "4月"]
    assert tick_labels([datetime(2025, 11, 1), datetime(2025, 12, 1), datetime(2026, 1, 1)], MONTH, MONTH, False,
                       zh) == ["2025年11月", "12月", "2026年1月"]
    # Days under month ticks are bare numbers (with 日 in Chinese); hours are 24-hour everywhere.
    assert tick_labels([datetime(2026, 3, 5)], DAY, MONTH, False, zh) == ["5日"]
    assert tick_labels([datetime(2026, 3, 5)], DAY, MONTH, False, QLocale("id")) == ["5"]
    assert tick_labels([datetime(2026, 3, 5, 14, 30)], 3600, DAY, False, QLocale("en")) == ["14:30"]
