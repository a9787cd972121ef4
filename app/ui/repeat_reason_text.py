"""Words for the repeat reasons, in the user's language (the domain keeps only codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.repeat_orders import RepeatReason


def reason_name(reason: RepeatReason) -> str:
    t = QCoreApplication.translate
    return {
        RepeatReason.CONDITION_CHANGED: t(
            "RepeatReason", "Condition changed: the result no longer fits the clinical picture"),
        RepeatReason.FAST_CHANGING: t("RepeatReason", "Value changes fast in this disease"),
        RepeatReason.CRUCIAL_ITEM: t("RepeatReason", "Crucial for the next step (e.g. before surgery or transfusion)"),
        RepeatReason.EMERGENCY: t("RepeatReason", "Emergency"),
        RepeatReason.APPRAISAL: t("RepeatReason", "Forensic, disability or sick-retirement appraisal"),
        RepeatReason.PATIENT_REQUEST: t("RepeatReason", "Patient or family asks for it"),
        RepeatReason.ISSUER_FAILED_QC: t("RepeatReason", "Issuing laboratory failed quality control"),
        RepeatReason.OTHER: t("RepeatReason", "Other (explain)"),
    }[reason]
