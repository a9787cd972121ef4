"""Writing the demo's DICOM files (pydicom) from a study plan, indexing them as they are written.

The pixels come from demo_phantoms.py; this module gives them the headers a PACS would:
patient and study modules in each hospital's character set (UTF-8, or GB18030 for the Wuhan
head CT), real SOP classes, geometry a viewer can sort, link and measure by, and the
transfer syntaxes seen in practice: uncompressed CT/MR/CR, JPEG 2000 lossless DR,
JPEG baseline ultrasound cine. Each series is written with one dataset changed in place
per slice: copying datasets would cost more than drawing the slices.

The measuring beads and the nodule of the current chest CT are documented below, for the
viewer's tests.
"""

from __future__ import annotations

import io
import logging
import random
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.uid import (
    PYDICOM_IMPLEMENTATION_UID,
    UID,
    ExplicitVRLittleEndian,
    JPEG2000Lossless,
    JPEGBaseline8Bit,
)

from app.sandbox import demo_phantoms as ph
from app.sandbox.demo_studies import SeriesPlan, StudyPlan, demo_uid
from app.sandbox.dicom_attributes import INSTANCE, SERIES, STUDY
from app.sandbox.dicom_import import level_json, relative_path
from app.sandbox.dicom_index import DicomIndex, IndexEntry

CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2"
MR_IMAGE = "1.2.840.10008.5.1.4.1.1.4"
CR_IMAGE = "1.2.840.10008.5.1.4.1.1.1"
DX_IMAGE = "1.2.840.10008.5.1.4.1.1.1.1"
US_MULTIFRAME = "1.2.840.10008.5.1.4.1.1.3.1"

#: The current chest CT (study zw-ct-chest, series 2): two 4 mm beads whose centres lie
#: exactly MARKER_DISTANCE_MM apart on the slice with InstanceNumber MARKER_INSTANCE_NUMBER
#: (z = -149.0 mm; the beads show, smaller, on the two slices either side too).
MARKER_INSTANCE_NUMBER = 150
MARKER_DISTANCE_MM = 100.0
MARKER_Z = -(MARKER_INSTANCE_NUMBER - 1) * 1.0
#: Bead centres as patient (x, y) in mm, and as (row, column) pixel positions of that slice.
MARKER_POINTS_MM = ((-50.0, -105.0), (50.0, -105.0))
MARKER_POINTS_PX = tuple((round((y - ph.CHEST_ORIGIN) / ph.CHEST_SPACING, 6),
                          round((x - ph.CHEST_ORIGIN) / ph.CHEST_SPACING, 6)) for x, y in MARKER_POINTS_MM)
MARKER_HU = 1500
#: The right upper lobe nodule: centre (x, y, z) in mm; 10 mm now, 6 mm on the prior CT.
NODULE_CENTRE_MM = (-85.0, -22.0, -80.0)
NODULE_HU = 35
CHEST_WINDOW = (40, 400)
_PINYIN = {"张": "Zhang", "伟": "Wei", "刘": "Liu", "芳": "Fang"}


@dataclass(frozen=True)
class Written:
    files: int
    bytes: int


def write_studies(plans: list[StudyPlan], index: DicomIndex, seed: int) -> Written:
    """Draw, write and index every series of every planned study."""
    files = size = 0
    for plan in plans:
        writer = _StudyWriter(plan, index, seed)
        for series in sorted(plan.series, key=lambda s: s.image.endswith("scout")):  # the scout needs the slices
            written = writer.write(series)
            files += written.files
            size += written.bytes
    return Written(files, size)


class _StudyWriter:
    def __init__(self, plan: StudyPlan, index: DicomIndex, seed: int) -> None:
        self.plan, self.index, self.seed = plan, index, seed
        self.rng = random.Random(f"{seed}-images-{plan.key}")
        self.projections: list[np.ndarray] = []
        self.frame_of_reference = demo_uid(seed, plan.uid, "frame-of-reference")

    def write(self, series: SeriesPlan) -> Written:
        draw: dict[str, Callable[[SeriesPlan], Iterator[Dataset]]] = {
            "ct-chest-1mm": lambda s: self._chest_ct(s, 300, 1.0, ph.Sphere(*NODULE_CENTRE_MM, 5.0, NODULE_HU),
                                                     markers=True),
            "ct-chest-2.5mm": lambda s: self._chest_ct(s, 120, 2.5, ph.Sphere(*NODULE_CENTRE_MM, 3.0, NODULE_HU)),
            "ct-chest-scout": self._scout,
            "ct-head-5mm": self._head_ct,
            "mr-brain-t1": lambda s: self._mr(s, ph.MR_T1, (450, 900), "T1"),
            "mr-brain-t2": lambda s: self._mr(s, ph.MR_T2, (620, 1300), "T2"),
            "dx-chest": lambda s: self._radiograph(s, DX_IMAGE, monochrome1=True),
            "cr-chest": lambda s: self._radiograph(s, CR_IMAGE, monochrome1=False),
            "us-abdomen": lambda s: self._ultrasound(s, fatty=True, gallbladder=True),
            "us-liver": lambda s: self._ultrasound(s, fatty=False, gallbladder=True),
        }
        entries: list[IndexEntry] = []
        total = 0
        shared: tuple[dict, dict] | None = None
        encoder = _SeriesEncoder()
        for ds in draw[series.image](series):
            relative = relative_path(self.plan.uid, series.uid, ds.SOPInstanceUID)
            target = self.index.absolute(relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            size = 0
            with open(target, "wb") as handle:
                for part in encoder.encode(ds):
                    handle.write(part)
                    size += len(part)
            if shared is None:
                shared = (level_json(ds, STUDY), level_json(ds, SERIES))
            entries.append(IndexEntry(
                self.plan.uid, series.uid, ds.SOPInstanceUID, ds.SOPClassUID, ds.file_meta.TransferSyntaxUID,
                int(ds.InstanceNumber), int(ds.get("NumberOfFrames", 1) or 1), series.modality, series.number,
                relative, size, shared[0], shared[1], level_json(ds, INSTANCE)))
            total += size
        self.index.add(entries)
        return Written(len(entries), total)

    # -- the common modules ------------------------------------------------------------

    def _dataset(self, series: SeriesPlan, sop_class: str, syntax: str = ExplicitVRLittleEndian) -> Dataset:
        p = self.plan
        ds = Dataset()
        ds.file_meta = FileMetaDataset()
        # FileMetaDataset declares these as UID; pydicom would convert a str to one all the same
        ds.file_meta.TransferSyntaxUID = UID(syntax)
        ds.file_meta.MediaStorageSOPClassUID = UID(sop_class)
        ds.file_meta.ImplementationClassUID = PYDICOM_IMPLEMENTATION_UID
        ds.file_meta.ImplementationVersionName = "HUREN_DEMO_1"
        ds.SpecificCharacterSet = p.script.charset
        ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
        ds.SOPClassUID = sop_class
        day, clock = f"{p.started:%Y%m%d}", f"{p.started:%H%M%S}"
        ds.StudyDate = ds.SeriesDate = ds.AcquisitionDate = ds.ContentDate = day
        ds.StudyTime = clock
        minute = min(59, p.started.minute + series.number)
        ds.SeriesTime = ds.AcquisitionTime = ds.ContentTime = f"{p.started.hour:02d}{minute:02d}00"
        ds.AccessionNumber = p.accession
        ds.Modality = series.modality
        ds.Manufacturer = "HUREN DEMO"
        ds.ManufacturerModelName = {"CT": "Demo CT 64", "MR": "Demo MR 1.5T", "DX": "Demo DR", "CR": "Demo CR",
                                    "US": "Demo US"}[series.modality]
        ds.InstitutionName = p.institution
        ds.InstitutionAddress = p.institution_address
        ds.ReferringPhysicianName = p.referrer
        ds.StationName = f"{series.modality}01"
        ds.StudyDescription = p.kind.description
        ds.SeriesDescription = series.description
        ds.TimezoneOffsetFromUTC = "+0800"
        ds.PatientName = self._patient_name()
        ds.PatientID = p.mrn
        ds.IssuerOfPatientID = p.institution
        ds.PatientBirthDate = f"{p.birth_date:%Y%m%d}"
        ds.PatientSex = p.sex
        ds.PatientAge = f"{_age(p.birth_date, p.started.date()):03d}Y"
        ds.BodyPartExamined = series.body_part
        ds.StudyInstanceUID = p.uid
        ds.SeriesInstanceUID = series.uid
        ds.StudyID = p.accession[-6:]
        ds.SeriesNumber = series.number
        ds.AcquisitionNumber = 1
        return ds

    def _patient_name(self) -> str:
        p = self.plan
        if p.script.name_style == "romanized" and p.family in _PINYIN and all(ch in _PINYIN for ch in p.given):
            given = "".join(_PINYIN[ch] for ch in p.given)
            return f"{_PINYIN[p.family]}^{given}={p.family}^{p.given}"
        return p.patient_name

    def _instance(self, ds: Dataset, series: SeriesPlan, number: int) -> None:
        uid = demo_uid(self.seed, series.uid, number)
        ds.SOPInstanceUID = uid
        ds.file_meta.MediaStorageSOPInstanceUID = UID(uid)
        ds.InstanceNumber = number

    @staticmethod
    def _greyscale(ds: Dataset, rows: int, columns: int, bits_stored: int = 12,
                   photometric: str = "MONOCHROME2") -> None:
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = photometric
        ds.Rows, ds.Columns = rows, columns
        ds.BitsAllocated, ds.BitsStored, ds.HighBit = 16, bits_stored, bits_stored - 1
        ds.PixelRepresentation = 0

    def _axial(self, ds: Dataset, spacing: float, thickness: float, origin: float) -> None:
        ds.PixelSpacing = [spacing, spacing]
        ds.SliceThickness = thickness
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.FrameOfReferenceUID = self.frame_of_reference
        ds.PositionReferenceIndicator = ""
        ds.PatientPosition = "HFS"
        self._origin = origin

    def _place(self, ds: Dataset, z: float) -> None:
        ds.ImagePositionPatient = [self._origin, self._origin, round(z, 3)]
        ds.SliceLocation = round(z, 3)

    # -- CT ----------------------------------------------------------------------------

    def _ct(self, series: SeriesPlan, window: tuple[int, int], kvp: int = 120) -> Dataset:
        ds = self._dataset(series, CT_IMAGE)
        ds.ScanOptions = "HELICAL"
        ds.KVP = kvp
        ds.ConvolutionKernel = "B30f"
        ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = -1024, 1, "HU"
        ds.WindowCenter, ds.WindowWidth = window
        ds.WindowCenterWidthExplanation = "WINDOW1"
        return ds

    def _chest_ct(self, series: SeriesPlan, count: int, step: float, nodule: ph.Sphere,
                  markers: bool = False) -> Iterator[Dataset]:
        spheres = [nodule]
        if markers:
            spheres += [ph.Sphere(x, y, MARKER_Z, 2.0, MARKER_HU) for x, y in MARKER_POINTS_MM]
        phantom = ph.ChestCT(self.rng.randrange(2**31), tuple(spheres))
        ds = self._ct(series, CHEST_WINDOW)
        self._greyscale(ds, ph.CHEST_SIZE, ph.CHEST_SIZE)
        self._axial(ds, ph.CHEST_SPACING, step, ph.CHEST_ORIGIN)
        ds.SpacingBetweenSlices = step
        for k in range(count):
            z = -k * step
            hu = phantom.slice_hu(z, k)
            if markers:  # this is the series the topogram is made from
                self.projections.append(np.clip(hu + 1000, 0, None).sum(axis=0, dtype=np.float32))
            self._instance(ds, series, k + 1)
            self._place(ds, z)
            ds.PixelData = np.clip(hu + 1024, 0, 4095).astype(np.uint16).tobytes()
            yield ds

    def _scout(self, series: SeriesPlan) -> Iterator[Dataset]:
        image = ph.topogram(self.projections, 1.0, ph.CHEST_SPACING)
        ds = self._ct(series, (1500, 3000), kvp=100)
        ds.ImageType = ["ORIGINAL", "PRIMARY", "LOCALIZER"]
        ds.RescaleType = "US"
        ds.RescaleIntercept = 0
        self._greyscale(ds, image.shape[0], image.shape[1])
        ds.PixelSpacing = [ph.CHEST_SPACING, ph.CHEST_SPACING]
        ds.ImageOrientationPatient = [1, 0, 0, 0, 0, -1]  # coronal: rows run to the feet
        ds.ImagePositionPatient = [ph.CHEST_ORIGIN, 0, 0]
        ds.FrameOfReferenceUID = self.frame_of_reference
        ds.PatientPosition = "HFS"
        ds.SliceThickness = 1.0
        self._instance(ds, series, 1)
        ds.PixelData = image.tobytes()
        yield ds

    def _head_ct(self, series: SeriesPlan) -> Iterator[Dataset]:
        canvas = ph.Canvas(512, 512, 0.5, -128.0, -128.0)
        rng = np.random.default_rng(self.rng.randrange(2**31))
        noise = [np.rint(rng.normal(0, 3, (512, 512))).astype(np.int16) for _ in range(4)]
        ds = self._ct(series, (40, 80))
        ds.ConvolutionKernel = "H30s"
        self._greyscale(ds, 512, 512)
        self._axial(ds, 0.5, 5.0, -128.0)
        ds.SpacingBetweenSlices = 5.0
        for k in range(series.count):
            z = 5.0 * k
            hu = ph.head_ct_slice(canvas, 0.02 + z / 160, noise[k % 4])
            self._instance(ds, series, k + 1)
            self._place(ds, z)
            ds.PixelData = np.clip(hu.astype(np.int32) + 1024, 0, 4095).astype(np.uint16).tobytes()
            yield ds

    # -- MR ----------------------------------------------------------------------------

    def _mr(self, series: SeriesPlan, table: np.ndarray, window: tuple[int, int], weighting: str) -> Iterator[Dataset]:
        canvas = ph.Canvas(256, 256, 0.9, -115.2, -115.2)
        rng = np.random.default_rng(self.rng.randrange(2**31))
        ds = self._dataset(series, MR_IMAGE)
        ds.ImageType = ["ORIGINAL", "PRIMARY", "M", "ND"]
        ds.ScanningSequence, ds.SequenceVariant, ds.ScanOptions = "SE", "SK", ""
        ds.MRAcquisitionType = "2D"
        ds.RepetitionTime, ds.EchoTime = (500, 12) if weighting == "T1" else (4000, 100)
        ds.MagneticFieldStrength = 1.5
        ds.EchoTrainLength = 1 if weighting == "T1" else 16
        ds.ProtocolName = f"{weighting}WI AX"
        ds.WindowCenter, ds.WindowWidth = window
        self._greyscale(ds, 256, 256)
        self._axial(ds, 0.9, 5.0, -115.2)
        ds.SpacingBetweenSlices = 6.0
        for k in range(series.count):
            z = 20.0 + 6.0 * k
            self._instance(ds, series, k + 1)
            self._place(ds, z)
            ds.PixelData = ph.mr_slice(canvas, z / 160, table, rng).tobytes()
            yield ds

    # -- radiographs -------------------------------------------------------------------

    def _radiograph(self, series: SeriesPlan, sop_class: str, monochrome1: bool) -> Iterator[Dataset]:
        attenuation = ph.chest_radiograph(self.rng.randrange(2**31), nodule=monochrome1,
                                          female=self.plan.sex == "F")
        display = np.clip(200 + 3600 * attenuation, 0, 4095)
        stored = (4095 - display if monochrome1 else display).astype(np.uint16)
        low, high = np.percentile(stored, [1, 99])
        ds = self._dataset(series, sop_class)
        ds.ImageType = ["ORIGINAL", "PRIMARY", ""]
        ds.PatientOrientation = ["L", "F"]
        ds.ViewPosition = "PA"
        ds.KVP = 125
        ds.ImagerPixelSpacing = ds.PixelSpacing = [0.4, 0.4]
        ds.DistanceSourceToDetector = 1800
        self._greyscale(ds, stored.shape[0], stored.shape[1],
                        photometric="MONOCHROME1" if monochrome1 else "MONOCHROME2")
        ds.WindowCenter, ds.WindowWidth = round(float(low + high) / 2), round(float(high - low) * 1.1)
        ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = 0, 1, "US"
        if sop_class == DX_IMAGE:
            ds.PresentationIntentType = "FOR PRESENTATION"
            ds.PresentationLUTShape = "INVERSE" if monochrome1 else "IDENTITY"
            ds.DetectorType = "SCINTILLATOR"
            ds.BurnedInAnnotation = "NO"
        self._instance(ds, series, 1)
        if monochrome1:
            openjpeg = logging.getLogger("openjpeg")
            level = openjpeg.level
            openjpeg.setLevel(logging.WARNING)  # it logs every tile at INFO
            try:
                # Lossless: the same image keeps its UID (pydicom would make a new one, every run).
                ds.compress(JPEG2000Lossless, stored, generate_instance_uid=False)
            finally:
                openjpeg.setLevel(level)
            ds.file_meta.MediaStorageSOPClassUID = UID(sop_class)
        else:
            ds.PixelData = stored.tobytes()
        yield ds

    # -- ultrasound --------------------------------------------------------------------

    def _ultrasound(self, series: SeriesPlan, fatty: bool, gallbladder: bool) -> Iterator[Dataset]:
        from PIL import Image

        frames = ph.ultrasound_frames(self.rng.randrange(2**31), series.frames, fatty, gallbladder)
        encoded = []
        for frame in frames:
            buffer = io.BytesIO()
            Image.fromarray(frame).save(buffer, "JPEG", quality=88, subsampling=1)  # 4:2:2
            encoded.append(buffer.getvalue())
        ds = self._dataset(series, US_MULTIFRAME, JPEGBaseline8Bit)
        ds.ImageType = ["ORIGINAL", "PRIMARY", "ABDOMINAL", ""]
        ds.SamplesPerPixel = 3
        ds.PhotometricInterpretation = "YBR_FULL_422"
        ds.PlanarConfiguration = 0
        ds.Rows, ds.Columns = ph.US_ROWS, ph.US_COLUMNS
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
        ds.NumberOfFrames = len(frames)
        ds.FrameTime = round(1000 / 30, 2)
        ds.CineRate = ds.RecommendedDisplayFrameRate = 30
        ds.FrameIncrementPointer = 0x00181063
        ds.LossyImageCompression = "01"
        ds.LossyImageCompressionMethod = "ISO_10918_1"
        raw = ph.US_ROWS * ph.US_COLUMNS * 3 * len(frames)
        ds.LossyImageCompressionRatio = round(raw / sum(len(e) for e in encoded), 1)
        ds.TransducerData = ["C5-1", "", ""]
        ds.SequenceOfUltrasoundRegions = [_us_region()]
        self._instance(ds, series, 1)
        ds.PixelData = encapsulate(encoded)
        ds["PixelData"].VR = "OB"
        yield ds


class _SeriesEncoder:
    """Encodes the files of one series: elements that stay the same are encoded once.

    pydicom's writer spends more time on a slice's seventy header elements than the disk
    spends on its half megabyte of pixels; only the UID, number, position and pixels change
    from slice to slice. The bytes are what `Dataset.save_as(enforce_file_format=True)`
    writes (a test compares them).
    """

    VARYING = frozenset({0x00080018, 0x00200013, 0x00200032, 0x00201041, 0x7FE00010})

    def __init__(self) -> None:
        self._order: list[int] = []
        self._static: dict[int, bytes] | None = None

    def encode(self, ds: Dataset) -> list[bytes]:
        from pydicom.filebase import DicomBytesIO
        from pydicom.filewriter import (
            correct_ambiguous_vr,
            correct_ambiguous_vr_element,
            write_file_meta_info,
        )

        charset = ds.get("SpecificCharacterSet")
        if "PixelData" in ds:
            correct_ambiguous_vr_element(ds["PixelData"], ds, True)  # OB or OW: decided by BitsAllocated
            if ds.file_meta.TransferSyntaxUID.is_compressed:
                ds["PixelData"].is_undefined_length = True  # encapsulated fragments, as PS3.5 A.4 wants
        if self._static is None:
            correct_ambiguous_vr(ds, True)
            self._order = [t for t in sorted(ds.keys()) if not (t.element == 0 and t.group > 6)]
            self._static = {t: _element_bytes(ds[t], charset) for t in self._order if t not in self.VARYING}
        elif sorted(ds.keys()) != sorted(self._order):
            raise ValueError("the series' datasets must keep the same elements")
        meta = DicomBytesIO()
        meta.is_little_endian, meta.is_implicit_VR = True, False
        meta.write(b"\0" * 128 + b"DICM")
        write_file_meta_info(meta, ds.file_meta, enforce_standard=True)
        parts = [meta.getvalue()]
        for tag in self._order:
            if tag in self._static:
                parts.append(self._static[tag])
            elif tag == 0x7FE00010 and ds["PixelData"].VR == "OW" and len(ds.PixelData) % 2 == 0:
                parts += [struct.pack("<HH2sHI", 0x7FE0, 0x0010, b"OW", 0, len(ds.PixelData)), ds.PixelData]
            else:
                parts.append(_element_bytes(ds[tag], charset))
        return parts


def _element_bytes(element: Any, charset: Any) -> bytes:
    from pydicom.filebase import DicomBytesIO
    from pydicom.filewriter import write_data_element

    fp = DicomBytesIO()
    fp.is_little_endian, fp.is_implicit_VR = True, False
    write_data_element(fp, element, charset)
    return fp.getvalue()


def _us_region() -> Dataset:
    """The calibrated 2D region, so a viewer can measure in cm on the scan."""
    per_cm = (ph.US_RADII[1] - ph.US_RADII[0]) / ph.US_DEPTH_CM
    region = Dataset()
    region.RegionSpatialFormat, region.RegionDataType, region.RegionFlags = 1, 1, 0
    region.RegionLocationMinX0, region.RegionLocationMinY0 = 40, ph.US_APEX[0]
    region.RegionLocationMaxX1, region.RegionLocationMaxY1 = ph.US_COLUMNS - 41, ph.US_ROWS - 1
    region.PhysicalUnitsXDirection = region.PhysicalUnitsYDirection = 3  # cm
    region.PhysicalDeltaX = region.PhysicalDeltaY = round(1 / per_cm, 6)
    region.ReferencePixelX0, region.ReferencePixelY0 = ph.US_APEX[1], ph.US_APEX[0]
    return region


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))

