"""The DICOM attributes the sandbox's QIDO-RS keeps, matches on and returns, per level.

One table serves three purposes, so they cannot disagree: which attributes the index copies
out of a file when it is added (dicom_import.py), which query keys QIDO-RS can match, and
which attributes a response carries by default (PS3.18 Table 10.6.3-3..5) or on
`includefield`. Standard library only: the FHIR-only start-up never pays for pydicom.
"""

from __future__ import annotations

from dataclasses import dataclass

STUDY, SERIES, INSTANCE = "study", "series", "instance"
LEVELS = (STUDY, SERIES, INSTANCE)


@dataclass(frozen=True)
class Attribute:
    keyword: str
    tag: str          # 8 upper-case hex digits, as DICOM JSON keys are written
    vr: str
    level: str
    default: bool     # returned without being asked for
    computed: bool = False  # derived by the server (counts, URLs), not copied from a file


def _a(keyword: str, tag: str, vr: str, level: str, default: bool = False, computed: bool = False) -> Attribute:
    return Attribute(keyword, tag, vr, level, default, computed)


ATTRIBUTES: tuple[Attribute, ...] = (
    # study
    _a("StudyDate", "00080020", "DA", STUDY, True),
    _a("StudyTime", "00080030", "TM", STUDY, True),
    _a("AccessionNumber", "00080050", "SH", STUDY, True),
    _a("InstanceAvailability", "00080056", "CS", STUDY, True, computed=True),
    _a("ModalitiesInStudy", "00080061", "CS", STUDY, True, computed=True),
    _a("SOPClassesInStudy", "00080062", "UI", STUDY, computed=True),
    _a("InstitutionName", "00080080", "LO", STUDY, True),
    _a("InstitutionAddress", "00080081", "ST", STUDY),
    _a("ReferringPhysicianName", "00080090", "PN", STUDY, True),
    _a("TimezoneOffsetFromUTC", "00080201", "SH", STUDY),
    _a("StudyDescription", "00081030", "LO", STUDY, True),
    _a("PatientName", "00100010", "PN", STUDY, True),
    _a("PatientID", "00100020", "LO", STUDY, True),
    _a("IssuerOfPatientID", "00100021", "LO", STUDY),
    _a("PatientBirthDate", "00100030", "DA", STUDY, True),
    _a("PatientSex", "00100040", "CS", STUDY, True),
    _a("PatientAge", "00101010", "AS", STUDY),
    _a("StudyInstanceUID", "0020000D", "UI", STUDY, True),
    _a("StudyID", "00200010", "SH", STUDY, True),
    _a("NumberOfStudyRelatedSeries", "00201206", "IS", STUDY, True, computed=True),
    _a("NumberOfStudyRelatedInstances", "00201208", "IS", STUDY, True, computed=True),
    # series
    _a("SeriesDate", "00080021", "DA", SERIES, True),
    _a("SeriesTime", "00080031", "TM", SERIES, True),
    _a("Modality", "00080060", "CS", SERIES, True),
    _a("Manufacturer", "00080070", "LO", SERIES),
    _a("SeriesDescription", "0008103E", "LO", SERIES, True),
    _a("StationName", "00081010", "SH", SERIES),
    _a("ManufacturerModelName", "00081090", "LO", SERIES),
    _a("BodyPartExamined", "00180015", "CS", SERIES, True),
    _a("ProtocolName", "00181030", "LO", SERIES),
    _a("PatientPosition", "00185100", "CS", SERIES),
    _a("SeriesInstanceUID", "0020000E", "UI", SERIES, True),
    _a("SeriesNumber", "00200011", "IS", SERIES, True),
    _a("FrameOfReferenceUID", "00200052", "UI", SERIES),
    _a("Laterality", "00200060", "CS", SERIES),
    _a("NumberOfSeriesRelatedInstances", "00201209", "IS", SERIES, True, computed=True),
    _a("PerformedProcedureStepStartDate", "00400244", "DA", SERIES, True),
    _a("PerformedProcedureStepStartTime", "00400245", "TM", SERIES, True),
    # instance
    _a("ImageType", "00080008", "CS", INSTANCE),
    _a("SOPClassUID", "00080016", "UI", INSTANCE, True),
    _a("SOPInstanceUID", "00080018", "UI", INSTANCE, True),
    _a("ContentDate", "00080023", "DA", INSTANCE),
    _a("ContentTime", "00080033", "TM", INSTANCE),
    _a("AvailableTransferSyntaxUID", "00083002", "UI", INSTANCE, True, computed=True),
    _a("SliceThickness", "00180050", "DS", INSTANCE),
    _a("FrameTime", "00181063", "DS", INSTANCE),
    _a("AcquisitionNumber", "00200012", "IS", INSTANCE),
    _a("InstanceNumber", "00200013", "IS", INSTANCE, True),
    _a("ImagePositionPatient", "00200032", "DS", INSTANCE),
    _a("ImageOrientationPatient", "00200037", "DS", INSTANCE),
    _a("SliceLocation", "00201041", "DS", INSTANCE),
    _a("SamplesPerPixel", "00280002", "US", INSTANCE),
    _a("PhotometricInterpretation", "00280004", "CS", INSTANCE),
    _a("NumberOfFrames", "00280008", "IS", INSTANCE, True),
    _a("Rows", "00280010", "US", INSTANCE, True),
    _a("Columns", "00280011", "US", INSTANCE, True),
    _a("PixelSpacing", "00280030", "DS", INSTANCE),
    _a("BitsAllocated", "00280100", "US", INSTANCE, True),
    _a("BitsStored", "00280101", "US", INSTANCE),
    _a("PixelRepresentation", "00280103", "US", INSTANCE),
    _a("WindowCenter", "00281050", "DS", INSTANCE),
    _a("WindowWidth", "00281051", "DS", INSTANCE),
    _a("RescaleIntercept", "00281052", "DS", INSTANCE),
    _a("RescaleSlope", "00281053", "DS", INSTANCE),
)
#: Retrieve URL (0008,1190): every level has one, made from the address the client used.
RETRIEVE_URL = "00081190"

BY_KEYWORD: dict[str, Attribute] = {a.keyword: a for a in ATTRIBUTES}
BY_TAG: dict[str, Attribute] = {a.tag: a for a in ATTRIBUTES}


def stored(level: str) -> tuple[Attribute, ...]:
    """The attributes of one level the index copies out of a file."""
    return tuple(a for a in ATTRIBUTES if a.level == level and not a.computed)


def visible(level: str) -> tuple[str, ...]:
    """The levels whose attributes a query at `level` can match and return (itself and above)."""
    return LEVELS[: LEVELS.index(level) + 1]
