"""Repeat-test decisions: the coded reasons, what a valid decision needs, and the order's states.

Groundwork for the orders issue. A doctor who orders an item that has a recognizable prior
result must either recognize it or repeat it with a coded reason (free text where the reason
is "other" or the site demands it); a repeat then waits for the patient's consent. Keeping
these rules here, free of Qt and HTTP, lets the window, the command line and the HIS
service enforce exactly the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum

from app.domain.identification import PatientIdentity, order_number
from app.domain.staff import StaffMember

#: The CodeSystem our ServiceRequest.reasonCode uses for repeat reasons.
REPEAT_REASON_SYSTEM = "https://fhir.huren.cn/CodeSystem/repeat-reason"


class RepeatReason(Enum):
    """Why a recognizable result is repeated (the national rules' list)."""

    CONDITION_CHANGED = "condition-changed"    # result no longer fits the clinical picture
    FAST_CHANGING = "fast-changing"            # value changes fast in this disease
    CRUCIAL_ITEM = "crucial-item"              # crucial for the next step: surgery, transfusion
    EMERGENCY = "emergency"
    APPRAISAL = "appraisal"                    # forensic, disability or sick-retirement appraisal
    PATIENT_REQUEST = "patient-request"        # patient or family asks
    ISSUER_FAILED_QC = "issuer-failed-qc"      # issuing laboratory failed quality control
    OTHER = "other"


class Choice(Enum):
    RECOGNIZE = "recognize"   # the default: the prior result stands, the patient saves the fee
    REPEAT = "repeat"


@dataclass(frozen=True)
class PriorSummary:
    """The prior result as the patient is told about it and as the consent form prints it.

    Shown as the chart shows it: `value`, `unit` and `reference_range` are in the item's chart
    unit when the result converts with certainty, and `converted_from` then keeps what the
    issuing hospital wrote, so the value can still be matched to its paper report. `flag` is
    the hospital's own interpretation, which a converted value does not change.
    """

    value: str
    unit: str
    reference_range: str
    date: str                 # ISO date of the specimen
    hospital: str
    mark: str
    age_days: int
    window_days: int
    flag: str = ""            # H, L, HH, LL, A, POS, ... as the hospital flagged it; "", N or NEG: normal
    converted_from: str = ""  # "167 mg/dL": the value as written, when `value` is converted; else ""

    @property
    def abnormal(self) -> bool:
        return self.flag not in ("", "N", "NEG")


@dataclass(frozen=True)
class ItemDecision:
    item_code: str
    prior_result: str | None          # the recognizable prior result's key, if there is one
    choice: Choice = Choice.RECOGNIZE
    reason: RepeatReason | None = None
    note: str = ""
    item_name: str = ""
    fee_yuan: float = 0.0
    prior: PriorSummary | None = None

    def repeat(self, reason: RepeatReason, note: str = "") -> ItemDecision:
        return replace(self, choice=Choice.REPEAT, reason=reason, note=note.strip())

    def recognize(self) -> ItemDecision:
        return replace(self, choice=Choice.RECOGNIZE, reason=None, note="")

    @property
    def needs_consent(self) -> bool:
        return self.choice is Choice.REPEAT and self.prior_result is not None


class Problem(Enum):
    REASON_MISSING = "reason-missing"
    NOTE_MISSING = "note-missing"
    NOTHING_TO_RECOGNIZE = "nothing-to-recognize"


@dataclass(frozen=True)
class DecisionProblem:
    item_code: str
    problem: Problem


def check(decisions: Iterable[ItemDecision],
          note_required: frozenset[RepeatReason] = frozenset({RepeatReason.OTHER})) -> list[DecisionProblem]:
    """Everything that keeps the order from being sent; empty means it may go.

    `note_required` is the site's list of reasons that need free text; "other" always does.
    """
    required = note_required | {RepeatReason.OTHER}
    problems = []
    for d in decisions:
        if d.choice is Choice.RECOGNIZE and d.prior_result is None:
            problems.append(DecisionProblem(d.item_code, Problem.NOTHING_TO_RECOGNIZE))
        if d.choice is Choice.REPEAT and d.prior_result is not None:
            if d.reason is None:
                problems.append(DecisionProblem(d.item_code, Problem.REASON_MISSING))
            elif d.reason in required and not d.note:
                problems.append(DecisionProblem(d.item_code, Problem.NOTE_MISSING))
    return problems


class OrderState(Enum):
    DRAFT = "draft"
    AWAITING_CONSENT = "awaiting-consent"
    READY = "ready"          # decided and consented: goes to the outbox
    SENT = "sent"            # the platform acknowledged it


class OrderError(ValueError):
    """A transition the rules do not allow; the order is left as it was."""


def submit(decisions: Sequence[ItemDecision],
           note_required: frozenset[RepeatReason] = frozenset({RepeatReason.OTHER})) -> OrderState:
    """The state a draft moves to when the doctor submits it."""
    problems = check(decisions, note_required)
    if problems:
        raise OrderError(f"{len(problems)} decision(s) incomplete: "
                         + ", ".join(f"{p.item_code} {p.problem.value}" for p in problems))
    return OrderState.AWAITING_CONSENT if any(d.needs_consent for d in decisions) else OrderState.READY


def after_consent(state: OrderState, decisions: Sequence[ItemDecision], consented: bool) -> tuple[
        OrderState, tuple[ItemDecision, ...]]:
    """Consent recorded: the order is ready; refused: the repeats are withdrawn and the priors recognized."""
    if state is not OrderState.AWAITING_CONSENT:
        raise OrderError(f"an order in state {state.value} does not wait for consent")
    if consented:
        return OrderState.READY, tuple(decisions)
    return OrderState.READY, tuple(d.recognize() if d.needs_consent else d for d in decisions)


class ConsentMethod(Enum):
    DRAWN_SIGNATURE = "drawn-signature"      # signed on screen (mouse or pen tablet)
    PAPER_FORM = "paper-form"                # signed paper form, scanned
    VERBAL_WITH_WITNESS = "verbal-witness"   # said aloud, a named witness present


@dataclass(frozen=True)
class PatientConsent:
    """What the nurse records: who agreed (or refused), how, when, and what they were told.

    A refusal is recorded exactly as consent is: who decided, and the evidence (a signature,
    the signed paper form, or a named witness who heard it). The record withdraws the repeats
    and tells the ordering physician, so it must be as answerable as an agreement.
    """

    consented: bool
    signer_name: str
    relationship: str                 # "self", or the family member's relationship (配偶, 子女, ...)
    method: ConsentMethod
    recorded_at: datetime
    recorded_by: StaffMember
    explained: str                    # the reason, the items, the prior results, the expected fee
    witness: str = ""
    attachment: bytes = b""           # the drawn signature (PNG) or the scanned form
    attachment_type: str = ""
    #: The repeated items (catalogue codes) the decision is about: a refusal turns them into
    #: recognitions, and the order alone no longer says which. `Order.with_consent` fills it
    #: when the caller did not.
    items: tuple[str, ...] = ()

    def problems(self) -> list[str]:
        """What is missing for the record to stand; empty when complete."""
        out = []
        if not self.signer_name.strip():
            out.append("signer-missing")
        if not self.relationship.strip():
            out.append("relationship-missing")
        # The same evidence whichever way the patient decides: a refusal that nobody signed or
        # witnessed could not be told from a repeat the nurse never explained.
        if self.method in (ConsentMethod.DRAWN_SIGNATURE, ConsentMethod.PAPER_FORM) and not self.attachment:
            out.append("attachment-missing")
        if self.method is ConsentMethod.VERBAL_WITH_WITNESS and not self.witness.strip():
            out.append("witness-missing")
        if self.recorded_at.tzinfo is None:
            out.append("time-not-aware")
        return out


@dataclass(frozen=True)
class Order:
    """An order as it moves from the physician's decision to the platform."""

    id: str                               # made by the client; the records' identifiers derive from it
    patient_id: str                       # the Patient's id on the platform the order goes to
    patient_name: str
    requester: StaffMember
    created_at: datetime
    decisions: tuple[ItemDecision, ...]
    clinical_note: str = ""
    state: OrderState = OrderState.DRAFT
    consent: PatientConsent | None = None
    source: str = ""                      # the configured source (platform) the records go to
    #: Who the order is for, as the worklist and the printed form identify them (None: an order
    #: made before identities were taken, which shows its name only).
    identity: PatientIdentity | None = None

    @property
    def number(self) -> str:
        """The short order number people read, type and scan (derived from the id: the same everywhere)."""
        return order_number(self.id, self.created_at.date())

    def submitted(self, note_required: frozenset[RepeatReason] = frozenset({RepeatReason.OTHER})) -> Order:
        if self.state is not OrderState.DRAFT:
            raise OrderError(f"an order in state {self.state.value} cannot be submitted again")
        return replace(self, state=submit(self.decisions, note_required))

    def with_consent(self, consent: PatientConsent) -> Order:
        missing = consent.problems()
        if missing:
            raise OrderError("consent record incomplete: " + ", ".join(missing))
        if not consent.items:
            consent = replace(consent, items=tuple(d.item_code for d in self.decisions if d.needs_consent))
        state, decisions = after_consent(self.state, self.decisions, consent.consented)
        return replace(self, state=state, decisions=decisions, consent=consent)

    @property
    def repeats(self) -> tuple[ItemDecision, ...]:
        return tuple(d for d in self.decisions if d.choice is Choice.REPEAT)

    @property
    def recognitions(self) -> tuple[ItemDecision, ...]:
        return tuple(d for d in self.decisions if d.choice is Choice.RECOGNIZE and d.prior_result)
