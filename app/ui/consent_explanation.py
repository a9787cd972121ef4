"""What the nurse explains before the patient decides: each repeated test, why, the recognized prior, the fee.

The same content twice: as a table on screen (`explained_html`, shown by `ExplainedBox`)
and as plain text stored with the consent record (`explained_text`), so the record says
exactly what the patient was told. The words keep the translation context
"ConsentDialog" they had when the dialog wrote them itself.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QSizeF, Qt
from PySide6.QtWidgets import QGroupBox, QTextBrowser, QVBoxLayout, QWidget

from app.domain.catalogue import CatalogueItem
from app.domain.repeat_orders import ItemDecision, Order, PriorSummary, RepeatReason
from app.ui.consent_identity import identity_line
from app.ui.item_names import decision_name
from app.ui.repeat_reason_text import reason_name

# The explanation never takes more than this much height; longer orders scroll.
EXPLAINED_MAX_HEIGHT = 330


def fee_text(fee: float) -> str:
    return f"{fee:.2f}"


def yuan(fee: float) -> str:
    return QCoreApplication.translate("ConsentDialog", "{fee} yuan").format(fee=fee_text(fee))


def total_fee(order: Order) -> float:
    return sum(d.fee_yuan for d in order.repeats)


def physician(order: Order) -> str:
    """The ordering physician with department and hospital: the patient knows them by all three."""
    r = order.requester
    where = QCoreApplication.translate("ConsentDialog", ", ").join(x for x in (r.department, r.organization_name) if x)
    return QCoreApplication.translate("ConsentDialog", "{name} ({where})").format(name=r.name, where=where) \
        if where else r.name


def reason(d: ItemDecision) -> str:
    """Why the doctor repeats the test, with the doctor's note."""
    if d.reason is RepeatReason.OTHER and d.note:
        # "Other (explain)" prompts the doctor; the note is the explanation
        name = QCoreApplication.translate("ConsentDialog", "Other reason")
    else:
        name = reason_name(d.reason) if d.reason else ""
    if name and d.note:
        return QCoreApplication.translate("ConsentDialog", "{reason}: {note}").format(reason=name, note=d.note)
    return name or d.note


def _age(p: PriorSummary) -> str:
    return QCoreApplication.translate("ConsentDialog", "{age} days old, window {window} days").format(
        age=p.age_days, window=p.window_days)


def _reference_range(p: PriorSummary) -> str:
    return QCoreApplication.translate("ConsentDialog", "reference range {range}").format(range=p.reference_range) \
        if p.reference_range else ""


def prior(d: ItemDecision) -> str:
    """The recognized prior result on one line: value, range, when, where, its mark, its age."""
    p = d.prior
    if p is None:
        return QCoreApplication.translate("ConsentDialog", "no details")
    parts = [" ".join(x for x in (p.value, p.unit) if x)]
    if p.reference_range:
        parts.append(_reference_range(p))
    parts += [x for x in (p.date, p.hospital, p.mark) if x]
    parts.append(_age(p))
    return QCoreApplication.translate("ConsentDialog", ", ").join(parts)


def _patient_line(order: Order, identifiers: bool = False) -> str:
    """The patient by name, or (`identifiers`) with sex, age, date of birth and the masked ID besides."""
    return QCoreApplication.translate("ConsentDialog", "Patient: {name}").format(
        name=identity_line(order) if identifiers else order.patient_name)


def _physician_line(order: Order) -> str:
    return QCoreApplication.translate("ConsentDialog", "Ordering physician: {name}").format(name=physician(order))


def _total_line(order: Order) -> str:
    return QCoreApplication.translate("ConsentDialog", "Total expected fee: {fee}").format(fee=yuan(total_fee(order)))


def explained_text(order: Order, items: Mapping[str, CatalogueItem] | None = None, identity_check: str = "") -> str:
    """What was explained, as plain text for the record (the same content the dialog shows), with
    whom (two identifiers) and how the nurse checked that identity (`identity_check`)."""
    lines = [_patient_line(order, identifiers=True), *([identity_check] if identity_check else []),
             _physician_line(order)]
    for i, d in enumerate(order.repeats, 1):
        lines.append(f"{i}. {decision_name(d, items)}")
        lines.append("   " + QCoreApplication.translate("ConsentDialog", "Why it is repeated: {reason}").format(
            reason=reason(d)))
        lines.append("   " + QCoreApplication.translate("ConsentDialog", "Recognized prior result: {prior}").format(
            prior=prior(d)))
        lines.append("   " + QCoreApplication.translate("ConsentDialog", "Expected fee: {fee}").format(
            fee=yuan(d.fee_yuan)))
    lines.append(_total_line(order))
    return "\n".join(lines)


def title_html(order: Order) -> str:
    """The dialog's heading: what this is, whose, ordered by whom."""
    e = html.escape
    # The translated strings are fetched outside the f-string: lupdate does not look inside f-strings.
    title = QCoreApplication.translate("ConsentDialog", "Consent to repeat tests")
    return (f'<span style="font-size:15pt; font-weight:600">{e(title)}</span>'
            f'&nbsp;&nbsp;&nbsp;<span style="font-size:13pt">{e(_patient_line(order))}</span>'
            f'&nbsp;&nbsp;&nbsp;{e(_physician_line(order))}')


def _prior_cell(d: ItemDecision) -> str:
    e = html.escape
    p = d.prior
    if p is None:
        no_details = QCoreApplication.translate("ConsentDialog", "no details")
        return f"<i>{e(no_details)}</i>"
    value = " ".join(x for x in (p.value, p.unit) if x)
    where = " · ".join(x for x in (p.date, p.hospital) if x)
    mark = f' <span style="background:#1b7f3b; color:#ffffff">&nbsp;{e(p.mark)}&nbsp;</span>' if p.mark else ""
    return (f"<b>{e(value)}</b>&nbsp;&nbsp;<span style='color:#4a4f57'>{e(_reference_range(p))}</span><br/>"
            f"{e(where)}{mark}<br/><span style='color:#4a4f57'>{e(_age(p))}</span>")


def explained_html(order: Order, items: Mapping[str, CatalogueItem] | None = None) -> str:
    """One row per repeated test, and the total: the table the nurse goes through with the patient."""
    e = html.escape
    head = "".join(f'<th align="left" bgcolor="#e8ecf0">{e(h)}</th>' for h in (
        QCoreApplication.translate("ConsentDialog", "Test"),
        QCoreApplication.translate("ConsentDialog", "Why the doctor repeats it"),
        QCoreApplication.translate("ConsentDialog", "Recognized prior result"),
        QCoreApplication.translate("ConsentDialog", "Expected fee")))
    rows = [f"<tr><td><b>{e(decision_name(d, items))}</b></td><td>{e(reason(d))}</td>"
            f"<td>{_prior_cell(d)}</td><td align='right'>{e(yuan(d.fee_yuan))}</td></tr>" for d in order.repeats]
    return ('<table width="100%" cellspacing="0" cellpadding="6" border="1" '
            'style="border-collapse:collapse; border-color:#c9d1da">'
            f"<tr>{head}</tr>{''.join(rows)}"
            f'<tr><td colspan="4" align="right"><b>{e(_total_line(order))}</b></td></tr></table>')


class ExplainedBox(QGroupBox):
    """The explanation table, as tall as its content (up to a limit) so the signature gets the rest."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QTextBrowser()
        self.view.setObjectName("consentExplained")
        self.view.setOpenLinks(False)
        self.view.setMinimumHeight(110)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.document().documentLayout().documentSizeChanged.connect(self._fit)
        QVBoxLayout(self).addWidget(self.view)

    def show_order(self, order: Order, items: Mapping[str, CatalogueItem] | None = None) -> None:
        """Title and table in the current language (the items' names too, from the catalogue `items`)."""
        self.setTitle(QCoreApplication.translate("ConsentDialog", "What was explained to the patient"))
        self.view.setHtml(explained_html(order, items))

    def _fit(self, size: QSizeF) -> None:
        frame = 2 * self.view.frameWidth() + 4
        self.view.setMaximumHeight(min(int(size.height()) + frame, EXPLAINED_MAX_HEIGHT))
