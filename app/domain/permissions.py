"""What a user may do at this workstation: one pure function of who they are and the site's rules.

The window enables its actions from it, the order desk refuses from it, and a test can state
the whole policy as a table without a window or a platform.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.staff import StaffMember


@dataclass(frozen=True)
class Permissions:
    """Everything the window and the desk ask about a user; all False when nobody is signed in
    at a site that signs in (only `reads_records` is True without a user: the demo's first view)."""

    reads_records: bool = False        # search patients, open charts, reports and images
    orders: bool = False               # place an order (with its recognize/repeat decisions)
    records_consent: bool = False      # record a patient's consent or refusal
    reads_figures: bool = False        # the recognition dashboard
    reads_audit: bool = False          # the local audit trail
    reviews_repeats: bool = False      # the supervisor's review of repeats (事后监管)


def permissions(user: StaffMember | None, *, demo: bool = False,
                physician_records_consent: bool = False) -> Permissions:
    """The policy: clinical staff read records (administrators keep to the audit trail); physicians
    order (and read the supervisor's verdicts on their repeats); nurses record consent, physicians
    too where the site allows it (`[orders] physician_records_consent`, with a witness); department
    heads and supervisors read the figures, and anyone does in the demo, which exists to show them;
    supervisors review repeats."""
    if user is None:
        return Permissions(reads_records=True, reads_figures=demo)
    return Permissions(
        reads_records=user.reads_patient_records,
        orders=user.is_physician,
        records_consent=user.is_nurse or (user.is_physician and physician_records_consent),
        reads_figures=demo or user.reads_recognition_figures,
        reads_audit=user.reads_audit_trail,
        reviews_repeats=user.is_supervisor,
    )
