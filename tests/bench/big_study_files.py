"""The big studies of the imaging benchmark, written as real DICOM files (pydicom) from a seed.

- a 1,000-slice thin-section chest CT: 512², 0.3 mm apart (0.6 mm thick), signed 16-bit as
  GE writes it (stored = HU + 1024, Rescale Intercept -1024), Explicit VR Little Endian;
- a 300-slice chest CT in JPEG 2000 lossless (one codestream per slice from openjpeg,
  encapsulated), unsigned 12-bit as Siemens writes it;
- a brain MR of six series, as a routine stroke protocol has them: T1 sagittal, T2 axial,
  FLAIR axial, DWI b1000, ADC, T1 post-contrast axial; 256² and 320² matrices, 24–32 slices.

The pixels come from the demo's phantoms (app/sandbox/demo_phantoms.py): a body with lungs,
vessels, spine and ribs, a head with grey and white matter, CSF and lesions, with noise, so
JPEG 2000 compresses them as it does a real CT (about 2.7:1), not as noise or a flat image.

Written once into the user's cache folder, keyed by `VERSION` and the sizes asked for:
a rerun of the benchmark finds them there (`prepare`). Change `VERSION` when what is
written changes.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.uid import (
    PYDICOM_IMPLEMENTATION_UID,
    UID,
    ExplicitVRLittleEndian,
    JPEG2000Lossless,
    generate_uid,
)

from app.sandbox import demo_phantoms as ph

VERSION = "big-studies-1"
CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2"
MR_IMAGE = "1.2.840.10008.5.1.4.1.1.4"
CT_SEED, J2K_SEED, MR_SEED = 1000, 300, 6
#: The thin-section CT: slices this far apart and this thick (mm); 1,000 of them span the chest.
THIN_STEP, THIN_THICKNESS = 0.3, 0.6


@dataclass(frozen=True)
class SeriesFiles:
    uid: str
    description: str
    instances: int
    pixel_bytes: int          # raw pixels: rows × columns × 2 bytes × instances


@dataclass(frozen=True)
class StudyFiles:
    """A study written to `folder`: what the benchmark asks the server for and compares with."""

    folder: Path
    uid: str
    series: tuple[SeriesFiles, ...]

    @property
    def pixel_bytes(self) -> int:
        return sum(s.pixel_bytes for s in self.series)

    @property
    def instances(self) -> int:
        return sum(s.instances for s in self.series)


def _uid(*parts: object) -> str:
    """A UID made from names (2.25.<hash>): the same study gets the same UIDs on every machine."""
    return str(generate_uid(None, entropy_srcs=[VERSION, *map(str, parts)]))


def _dataset(study: str, series: str, sop_class: str, modality: str, number: int, description: str,
             syntax: str = ExplicitVRLittleEndian) -> Dataset:
    """The patient, study and series modules a PACS would send, and the file meta."""
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = UID(syntax)
    ds.file_meta.MediaStorageSOPClassUID = UID(sop_class)
    ds.file_meta.ImplementationClassUID = PYDICOM_IMPLEMENTATION_UID
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.SOPClassUID = sop_class
    ds.StudyDate = ds.SeriesDate = ds.AcquisitionDate = ds.ContentDate = "20261120"
    ds.StudyTime, ds.SeriesTime = "093000", f"09{30 + number:02d}00"
    ds.AcquisitionTime = ds.ContentTime = ds.SeriesTime
    ds.AccessionNumber = f"BENCH-{modality}"
    ds.Modality = modality
    ds.Manufacturer = "HUREN BENCH"
    ds.ManufacturerModelName = {"CT": "Bench CT 256", "MR": "Bench MR 3T"}[modality]
    ds.InstitutionName = "基准医院"
    ds.ReferringPhysicianName = ""
    ds.StudyDescription = {"CT": "胸部CT平扫 薄层", "MR": "头颅MR平扫+增强"}[modality]
    ds.SeriesDescription = description
    ds.PatientName = f"Bench^{modality}=基准^{modality}"
    ds.PatientID = f"BENCH-{modality}"
    ds.PatientBirthDate = "19560312"
    ds.PatientSex = "M"
    ds.PatientAge = "070Y"
    ds.BodyPartExamined = {"CT": "CHEST", "MR": "HEAD"}[modality]
    ds.StudyInstanceUID = study
    ds.SeriesInstanceUID = series
    ds.StudyID = "1"
    ds.SeriesNumber = number
    ds.AcquisitionNumber = 1
    ds.FrameOfReferenceUID = _uid(study, "frame-of-reference")
    ds.PositionReferenceIndicator = ""
    ds.PatientPosition = "HFS"
    return ds


def _greyscale(ds: Dataset, rows: int, columns: int, bits_stored: int, signed: bool) -> None:
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = rows, columns
    ds.BitsAllocated, ds.BitsStored, ds.HighBit = 16, bits_stored, bits_stored - 1
    ds.PixelRepresentation = 1 if signed else 0


def _place(ds: Dataset, series: str, number: int, position: tuple[float, float, float], location: float) -> None:
    ds.SOPInstanceUID = _uid(series, number)
    ds.file_meta.MediaStorageSOPInstanceUID = UID(ds.SOPInstanceUID)
    ds.InstanceNumber = number
    ds.ImagePositionPatient = [round(v, 3) for v in position]
    ds.SliceLocation = round(location, 3)


def _save(ds: Dataset, folder: Path, number: int) -> None:
    ds.save_as(folder / f"{number:04d}.dcm", enforce_file_format=True)


# -- CT ------------------------------------------------------------------------------------


def ct_slices(seed: int, count: int, step: float, *, signed: bool) -> Iterator[np.ndarray]:
    """Stored values of a chest CT from the lung apex down, `step` mm apart: signed int16
    (HU + 1024, GE) or 12-bit uint16 (HU + 1024 clipped to 0..4095, Siemens)."""
    phantom = ph.ChestCT(seed)
    for k in range(count):
        hu = phantom.slice_hu(-k * step, k).astype(np.int32) + 1024
        yield hu.astype(np.int16) if signed else np.clip(hu, 0, 4095).astype(np.uint16)


def _ct(study: str, series: str, description: str, step: float, thickness: float, signed: bool,
        syntax: str = ExplicitVRLittleEndian) -> Dataset:
    ds = _dataset(study, series, CT_IMAGE, "CT", 2, description, syntax)
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.ScanOptions = "HELICAL MODE"
    ds.KVP = 120
    ds.XRayTubeCurrent = 220
    ds.ConvolutionKernel = "STANDARD" if signed else "Br40d"
    ds.SliceThickness = thickness
    ds.SpacingBetweenSlices = step
    ds.PixelSpacing = [ph.CHEST_SPACING, ph.CHEST_SPACING]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = -1024, 1, "HU"
    ds.WindowCenter, ds.WindowWidth = [40, -600], [400, 1500]
    ds.WindowCenterWidthExplanation = ["MEDIASTINUM", "LUNG"]
    _greyscale(ds, ph.CHEST_SIZE, ph.CHEST_SIZE, 16 if signed else 12, signed)
    return ds


def write_thin_ct(folder: Path, slices: int = 1000) -> StudyFiles:
    """The thin-section chest CT, native (Explicit VR Little Endian), signed 16-bit."""
    study, series = _uid("ct-thin", slices), _uid("ct-thin", slices, "series")
    ds = _ct(study, series, "Thorax 0.6 STANDARD", THIN_STEP, THIN_THICKNESS, signed=True)
    for k, stored in enumerate(ct_slices(CT_SEED, slices, THIN_STEP, signed=True)):
        z = -k * THIN_STEP
        _place(ds, series, k + 1, (ph.CHEST_ORIGIN, ph.CHEST_ORIGIN, z), z)
        ds.PixelData = stored.tobytes()
        _save(ds, folder, k + 1)
    return StudyFiles(folder, study, (SeriesFiles(series, str(ds.SeriesDescription), slices,
                                                  slices * ph.CHEST_SIZE**2 * 2),))


def write_j2k_ct(folder: Path, slices: int = 300) -> StudyFiles:
    """The 1 mm chest CT, each slice one JPEG 2000 lossless codestream (transfer syntax .4.90)."""
    import openjpeg

    study, series = _uid("ct-j2k", slices), _uid("ct-j2k", slices, "series")
    ds = _ct(study, series, "Thorax 1.0 Br40d J2K", 1.0, 1.0, signed=False, syntax=JPEG2000Lossless)
    quiet = logging.getLogger("openjpeg")
    level = quiet.level
    quiet.setLevel(logging.WARNING)  # it logs every tile at INFO
    try:
        for k, stored in enumerate(ct_slices(J2K_SEED, slices, 1.0, signed=False)):
            z = -k * 1.0
            _place(ds, series, k + 1, (ph.CHEST_ORIGIN, ph.CHEST_ORIGIN, z), z)
            codestream = openjpeg.encode(stored, bits_stored=12, photometric_interpretation=2)
            ds.PixelData = encapsulate([codestream])
            ds["PixelData"].VR = "OB"
            ds["PixelData"].is_undefined_length = True
            _save(ds, folder, k + 1)
    finally:
        quiet.setLevel(level)
    return StudyFiles(folder, study, (SeriesFiles(series, str(ds.SeriesDescription), slices,
                                                  slices * ph.CHEST_SIZE**2 * 2),))


# -- MR ------------------------------------------------------------------------------------

#: Signal of each head label (ph.HEAD_AIR .. ph.SINUS) on the sequences the demo lacks. The
#: lesions are an acute infarct: bright on FLAIR and DWI, dark on ADC, enhancing after contrast.
MR_FLAIR = np.array([0, 600, 40, 90, 720, 540, 1180, 0], dtype=np.float32)
MR_DWI = np.array([0, 60, 10, 40, 320, 280, 900, 0], dtype=np.float32)
MR_ADC = np.array([0, 900, 80, 3000, 820, 720, 380, 0], dtype=np.float32)
MR_T1C = np.array([0, 900, 60, 190, 500, 650, 980, 0], dtype=np.float32)


@dataclass(frozen=True)
class MrSeries:
    number: int
    description: str
    table: np.ndarray
    matrix: int
    fov: float               # mm, square
    slices: int
    step: float              # mm between slices
    thickness: float
    sagittal: bool
    window: tuple[int, int]
    tr_te: tuple[float, float]
    sequence: str            # Scanning Sequence


MR_PROTOCOL = (
    MrSeries(1, "T1 SAG", ph.MR_T1, 256, 230.0, 24, 4.0, 3.5, True, (450, 900), (450, 9), "SE"),
    MrSeries(2, "T2 TSE AX", ph.MR_T2, 320, 230.0, 30, 5.0, 4.5, False, (620, 1300), (4500, 100), "SE"),
    MrSeries(3, "FLAIR AX", MR_FLAIR, 320, 230.0, 30, 5.0, 4.5, False, (600, 1200), (9000, 90), "IR"),
    MrSeries(4, "DWI AX b1000", MR_DWI, 256, 230.0, 32, 4.5, 4.0, False, (300, 700), (5000, 75), "EP"),
    MrSeries(5, "ADC AX", MR_ADC, 256, 230.0, 32, 4.5, 4.0, False, (1400, 2800), (5000, 75), "EP"),
    MrSeries(6, "T1 AX +C", MR_T1C, 320, 230.0, 30, 5.0, 4.5, False, (500, 1000), (500, 10), "SE"),
)
#: Heights of the head phantom (mm): t = z / 160 runs from the skull base (0) to the vertex (1).
_HEAD_SPAN = 160.0


def _mr_signal(labels: np.ndarray, table: np.ndarray, bias: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """As demo_phantoms.mr_slice: partial-volume edges, a coil's bias field, Rician noise; 12-bit."""
    signal = table[labels]
    signal = (signal + np.roll(signal, 1, 0) + np.roll(signal, -1, 0) + np.roll(signal, 1, 1)
              + np.roll(signal, -1, 1)) / 5.0
    signal *= bias
    noisy = np.hypot(signal + rng.normal(0, 16, signal.shape), rng.normal(0, 16, signal.shape))
    return np.clip(noisy, 0, 4095).astype(np.uint16)


def mr_images(spec: MrSeries, slices: int, seed: int) -> Iterator[tuple[tuple[float, float, float], np.ndarray]]:
    """(Image Position, stored pixels) of each slice; axial from below, sagittal from the right."""
    rng = np.random.default_rng(seed + spec.number)
    spacing = spec.fov / spec.matrix
    origin = -spec.fov / 2
    canvas = ph.Canvas(spec.matrix, spec.matrix, spacing, origin, origin)
    if not spec.sagittal:
        bias = 1.0 + 0.0012 * canvas.y[:, None]
        first = 60.0 - (slices - 1) * spec.step / 2        # centred on z = 60 mm
        for k in range(slices):
            z = first + k * spec.step
            yield (origin, origin, z), _mr_signal(ph.head_labels(canvas, z / _HEAD_SPAN, lesions=True),
                                                  spec.table, bias, rng)
        return
    # Sagittal: rows run down the head (-z), columns to the back (+y); a volume of axial label
    # slices, one per row, is cut at each slice's x.
    top = origin + spec.fov + 60.0
    heights = top - np.arange(spec.matrix) * spacing
    volume = np.stack([ph.head_labels(canvas, z / _HEAD_SPAN, lesions=True) for z in heights])  # (z, y, x)
    bias = 1.0 + 0.0012 * canvas.y[None, :]
    first = -(slices - 1) * spec.step / 2
    for k in range(slices):
        x = first + k * spec.step
        column = min(spec.matrix - 1, max(0, round((x - origin) / spacing)))
        yield (x, origin, float(top)), _mr_signal(volume[:, :, column], spec.table, bias, rng)


def write_mr_study(folder: Path, slices: int | None = None) -> StudyFiles:
    """The six-series brain MR; `slices` overrides every series' count (small versions for tests)."""
    study = _uid("mr-brain", slices)
    written = []
    for spec in MR_PROTOCOL:
        count = slices or spec.slices
        series = _uid("mr-brain", slices, spec.number)
        ds = _dataset(study, series, MR_IMAGE, "MR", spec.number, spec.description)
        ds.ImageType = ["ORIGINAL", "PRIMARY", "ADC" if "ADC" in spec.description else "M", "ND"]
        ds.ScanningSequence, ds.SequenceVariant, ds.ScanOptions = spec.sequence, "SK", ""
        ds.MRAcquisitionType = "2D"
        ds.RepetitionTime, ds.EchoTime = spec.tr_te
        ds.MagneticFieldStrength = 3
        ds.ProtocolName = spec.description
        ds.SliceThickness = spec.thickness
        ds.SpacingBetweenSlices = spec.step
        spacing = round(spec.fov / spec.matrix, 6)
        ds.PixelSpacing = [spacing, spacing]
        ds.ImageOrientationPatient = [0, 1, 0, 0, 0, -1] if spec.sagittal else [1, 0, 0, 0, 1, 0]
        ds.WindowCenter, ds.WindowWidth = spec.window
        _greyscale(ds, spec.matrix, spec.matrix, 12, signed=False)
        target = folder / f"{spec.number:02d}"
        target.mkdir(parents=True, exist_ok=True)
        for k, (position, pixels) in enumerate(mr_images(spec, count, MR_SEED)):
            _place(ds, series, k + 1, position, position[0] if spec.sagittal else position[2])
            ds.PixelData = pixels.tobytes()
            _save(ds, target, k + 1)
        written.append(SeriesFiles(series, spec.description, count, count * spec.matrix**2 * 2))
    return StudyFiles(folder, study, tuple(written))


# -- the cache -----------------------------------------------------------------------------


@dataclass(frozen=True)
class BigStudies:
    thin_ct: StudyFiles
    j2k_ct: StudyFiles
    mr: StudyFiles

    @property
    def folders(self) -> list[Path]:
        return [self.thin_ct.folder, self.j2k_ct.folder, self.mr.folder]


def cache_root() -> Path:
    """The benchmark's cache folder (platformdirs: ~/.cache/huren-bench on Linux)."""
    from platformdirs import user_cache_path

    return user_cache_path("huren-bench", appauthor=False)


def prepare(root: Path | None = None, *, ct_slices: int = 1000, j2k_slices: int = 300,
            mr_slices: int | None = None) -> tuple[BigStudies, bool]:
    """The three studies under `root` (default `cache_root()`), written if not there yet;
    (studies, whether they were written now). A study counts as there once its manifest is:
    the manifest is written last, so an interrupted run starts that study again."""
    base = (root or cache_root()) / VERSION
    writers = {
        f"ct-thin-{ct_slices}": lambda folder: write_thin_ct(folder, ct_slices),
        f"ct-j2k-{j2k_slices}": lambda folder: write_j2k_ct(folder, j2k_slices),
        f"mr-6-series-{mr_slices or 'protocol'}": lambda folder: write_mr_study(folder, mr_slices),
    }
    studies = []
    wrote = False
    for name, write in writers.items():
        folder, manifest = base / name, base / f"{name}.json"
        if manifest.is_file():
            studies.append(_read_manifest(manifest, folder))
            continue
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        t = time.perf_counter()
        study = write(folder)
        manifest.write_text(json.dumps({"uid": study.uid, "series": [asdict(s) for s in study.series]}))
        print(f"wrote {name}: {study.instances} files in {time.perf_counter() - t:.1f} s ({folder})")
        studies.append(study)
        wrote = True
    return BigStudies(*studies), wrote


def _read_manifest(manifest: Path, folder: Path) -> StudyFiles:
    data = json.loads(manifest.read_text())
    return StudyFiles(folder, data["uid"], tuple(SeriesFiles(**s) for s in data["series"]))

