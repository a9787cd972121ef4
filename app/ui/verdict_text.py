"""Words for recognition verdicts. The domain gives reasons as data; here they become text.

Short texts go into table cells, long ones into tooltips; both through Qt's translation.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from app.domain.imaging import NO_REPORT
from app.domain.recognition import Finding, Reason, ReportSummary, Verdict
from app.domain.regions import Scope, ScopeLevel
from app.ui.item_names import item_name as localized_item_name
from app.ui.status_text import status_text


def scope_text(scope: Scope | None) -> str:
    if scope is None or scope.level is ScopeLevel.NATIONAL:
        return QCoreApplication.translate("Verdict", "nationwide")
    return {
        ScopeLevel.PROVINCE: QCoreApplication.translate("Verdict", "province {region}"),
        ScopeLevel.CITY: QCoreApplication.translate("Verdict", "city {region}"),
        ScopeLevel.DISTRICT: QCoreApplication.translate("Verdict", "district {region}"),
    }[scope.level].format(region=scope.region)


def _day(d: date | None) -> str:
    return d.isoformat() if d else QCoreApplication.translate("Verdict", "open-ended")


def finding_text(f: Finding) -> str:
    """One reason, in a sentence a doctor can act on."""
    r = f.reason
    if r is Reason.NOT_ON_LIST:
        return QCoreApplication.translate("Verdict", "Not on the recognition list")
    if r is Reason.NOT_ON_LIST_HERE:
        return QCoreApplication.translate("Verdict", "On the recognition list only in {scope}, not here").format(
            scope=scope_text(f.scope))
    if r is Reason.NOT_FINAL and f.status == NO_REPORT:
        return QCoreApplication.translate("Verdict", "No imaging report yet")
    if r is Reason.NOT_FINAL:
        return QCoreApplication.translate("Verdict", "Result not final (status: {status})").format(
            status=status_text(f.status))
    if r is Reason.NO_DATE:
        return QCoreApplication.translate("Verdict", "No specimen date: age unknown")
    if r is Reason.FUTURE_DATE:
        return QCoreApplication.translate("Verdict", "Dated in the future: check the issuing hospital's record")
    if r is Reason.TOO_OLD:
        return QCoreApplication.translate("Verdict", "{age} days old, window {window} days").format(
            age=f.age_days, window=f.window_days)
    if r is Reason.ISSUER_UNKNOWN:
        return QCoreApplication.translate("Verdict", "Issuing hospital unknown")
    if r is Reason.ISSUER_NOT_QUALIFIED:
        return QCoreApplication.translate("Verdict", "Issuing hospital has no HR qualification for this item")
    if r is Reason.QUALIFICATION_NOT_VALID:
        periods = ", ".join(f"{a.isoformat()} – {_day(b)}" for a, b in f.periods)
        return QCoreApplication.translate(
            "Verdict", "Hospital's qualification {mark} not valid on the result date (valid {periods})",
        ).format(mark=f.mark, periods=periods)
    if r is Reason.MARK_OUT_OF_SCOPE:
        return QCoreApplication.translate("Verdict", "{mark} is recognized only in {scope}, not here").format(
            mark=f.mark, scope=scope_text(f.scope))
    return QCoreApplication.translate("Verdict", "Not recognizable here")   # a reason newer than this text


def badge_text(v: Verdict) -> str:
    """What the badge says: the mark, or 'Reference only'."""
    return v.mark if v.recognized else QCoreApplication.translate("Verdict", "Reference only")


def reason_text(v: Verdict) -> str:
    """The badge's reason in a line: '45 days old, window 30 days', or until when it holds."""
    if v.recognized:
        return QCoreApplication.translate("Verdict", "Recognizable until {until}").format(
            until=_day(v.recognizable_until))
    return "; ".join(finding_text(f) for f in v.findings)


def tooltip(v: Verdict, item_name: str = "") -> str:
    lines = []
    if v.recognized:
        lines.append(QCoreApplication.translate("Verdict", "Recognized ({mark})").format(mark=v.mark))
        if v.item is not None and v.age_days is not None:
            lines.append(QCoreApplication.translate(
                "Verdict", "{age} days old, window {window} days; recognizable until {until}").format(
                age=v.age_days, window=v.item.window_days, until=_day(v.recognizable_until)))
    else:
        lines.append(QCoreApplication.translate("Verdict", "Reference only, because:"))
        lines.extend("• " + finding_text(f) for f in v.findings)
    if v.item is not None:
        lines.append(QCoreApplication.translate("Verdict", "Catalogue item: {name} ({code})").format(
            name=localized_item_name(v.item), code=v.item.code))
    return "\n".join(lines)


def summary_text(s: ReportSummary) -> str:
    if s.state == "all":
        return " ".join(s.marks)
    if s.state == "some":
        return QCoreApplication.translate("Verdict", "{marks} {n}/{total}").format(
            marks=" ".join(s.marks), n=s.recognized, total=s.total)
    return QCoreApplication.translate("Verdict", "Reference only")
