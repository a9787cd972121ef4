"""A corpus of good and bad DICOM files, made here with pydicom (nothing is downloaded).

Each file exercises one path of `app.platform.dicom`: a pixel format, a transfer
syntax, a character set, or one way a file can be broken. A few compressed formats that
nothing installed can encode (JPEG lossless, 12-bit extended, JPEG-LS) are copied from the
test files bundled in pydicom's own wheel. UIDs are derived from the file's name, so two
builds give the same files.
"""

from __future__ import annotations

import io
import shutil
import struct
from pathlib import Path

import numpy as np
from PIL import Image
from pydicom import dcmread
from pydicom.data import get_testdata_file
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.filebase import DicomBytesIO
from pydicom.fileset import FileSet
from pydicom.filewriter import write_dataset
from pydicom.sequence import Sequence
from pydicom.uid import (
    JPEG2000,
    MPEG2MPML,
    UID,
    ExplicitVRLittleEndian,
    JPEG2000Lossless,
    JPEGBaseline8Bit,
    RLELossless,
    generate_uid,
)

CT_IMAGE = UID("1.2.840.10008.5.1.4.1.1.2")
MR_IMAGE = UID("1.2.840.10008.5.1.4.1.1.4")
CR_IMAGE = UID("1.2.840.10008.5.1.4.1.1.1")
SC_IMAGE = UID("1.2.840.10008.5.1.4.1.1.7")
US_MULTIFRAME = UID("1.2.840.10008.5.1.4.1.1.3.1")
NM_IMAGE = UID("1.2.840.10008.5.1.4.1.1.20")
BASIC_TEXT_SR = UID("1.2.840.10008.5.1.4.1.1.88.11")
PARAMETRIC_MAP = UID("1.2.840.10008.5.1.4.1.1.30")

#: Bundled with pydicom: (corpus name, pydicom test file).
BUNDLED = {
    "jpeg_lossless_rgb": "SC_rgb_jpeg_gdcm.dcm",          # 1.2.840.10008.1.2.4.70
    "jpeg_extended_12bit": "JPGExtended.dcm",             # 1.2.840.10008.1.2.4.51
    "jpeg_ls_lossless": "MR_small_jpeg_ls_lossless.dcm",  # 1.2.840.10008.1.2.4.80
    "jpeg_ls_near_lossless": "JPEGLSNearLossless_16.dcm",  # 1.2.840.10008.1.2.4.81
    "jpeg_ybr_full": "SC_rgb_dcmtk_+eb+cy+n1.dcm",        # baseline, YBR_FULL
    "j2k_ybr_rct": "GDCMJ2K_TextGBR.dcm",                 # JPEG 2000 with colour transform
    "big_endian": "MR_small_bigendian.dcm",
    "deflated": "image_dfl.dcm",
    "one_bit": "liver_1frame.dcm",
    "palette_bundled": "examples_palette.dcm",
    "rle_rgb_16bit": "SC_rgb_rle_16bit.dcm",
    "lying_j2k_bundled": "JPEG2000-embedded-sequence-delimiter.dcm",  # 250-byte stream, SIZ lies
}

#: The pixels each generated lossless file was made from, filled by `build_corpus`.
ORIGINALS: dict[str, np.ndarray] = {}


def build_corpus(directory: Path) -> dict[str, Path]:
    """Write every corpus file under `directory`; returns name -> path."""
    directory.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}

    def save(name: str, ds: Dataset) -> Path:
        path = directory / f"{name}.dcm"
        ds.save_as(path, enforce_file_format=True)
        files[name] = path
        return path

    def raw(name: str, data: bytes, suffix: str = ".dcm") -> None:
        path = directory / f"{name}{suffix}"
        path.write_bytes(data)
        files[name] = path

    ct = _ct_slice("ct_int16_rescale", index=0)
    save("ct_int16_rescale", ct)
    save("mr_uint16", _mr())
    save("cr_monochrome1", _cr())
    save("rgb_uncompressed", _rgb("rgb_uncompressed", planar=0))
    save("rgb_planar", _rgb("rgb_planar", planar=1))
    save("ybr_jpeg_multiframe", _ybr_jpeg())
    save("multiframe_grey", _multiframe())
    save("voi_lut", _voi_lut())
    save("modality_lut", _modality_lut())
    save("palette_color", _palette())
    save("gb18030_name", _gb18030())

    rle = _ct_slice("rle_lossless", index=1)
    ORIGINALS["rle_lossless"] = rle.pixel_array.copy()
    rle.compress(RLELossless, encoding_plugin="pydicom", generate_instance_uid=False)
    save("rle_lossless", rle)

    j2k = _ct_slice("j2k_lossless", index=2)
    ORIGINALS["j2k_lossless"] = j2k.pixel_array.copy()
    j2k.compress(JPEG2000Lossless, encoding_plugin="pylibjpeg", generate_instance_uid=False)
    save("j2k_lossless", j2k)

    lossy = _mr("j2k_lossy")
    ORIGINALS["j2k_lossy"] = lossy.pixel_array.copy()
    lossy.compress(JPEG2000, encoding_plugin="pylibjpeg", j2k_cr=[10], generate_instance_uid=False)
    lossy.LossyImageCompression = "01"
    save("j2k_lossy", lossy)

    for name, test_file in BUNDLED.items():
        source = get_testdata_file(test_file, download=False)
        if source is not None:
            files[name] = Path(shutil.copyfile(source, directory / f"{name}.dcm"))

    # Broken in every way a file arrives broken.
    raw("no_meta_implicit", _without_meta(_ct_slice("no_meta_implicit", index=3)))
    whole = files["ct_int16_rescale"].read_bytes()
    raw("truncated_pixels", whole[:-3000])
    cut = whole.index(b"ABDOMEN AND PELVIS")
    raw("truncated_header", whole[:cut + 5])
    raw("empty", b"")
    png = io.BytesIO()
    Image.fromarray(np.zeros((16, 16), np.uint8)).save(png, format="PNG")
    raw("not_dicom_png", png.getvalue(), ".png")
    save("lying_j2k", _lying_j2k())
    save("jpeg_sof_mismatch", _jpeg_sof_mismatch())
    save("corrupt_j2k", _corrupt_j2k())
    save("no_pixel_data", _no_pixels())
    save("float_pixel_data", _float_pixels())
    save("unsupported_syntax", _mpeg())
    save("unsupported_photometric", _photometric("HSV"))
    save("pixel_data_short", _short_pixels())
    save("too_large", _too_large())

    for index in range(5):
        path = directory / "series" / f"slice{index}.dcm"
        path.parent.mkdir(exist_ok=True)
        _ct_slice("series", index=index).save_as(path, enforce_file_format=True)
        files[f"series_{index}"] = path
    files["dicomdir"] = _dicomdir(directory / "cd", lower_case=False)
    files["dicomdir_lowercase"] = _dicomdir(directory / "cd_lower", lower_case=True)
    return files


# --- generated images -----------------------------------------------------------------


def _uid(*parts: object) -> UID:
    return generate_uid(entropy_srcs=["huren-corpus", *map(str, parts)])


def _dataset(name: str, sop_class: UID, *, rows: int, columns: int, photometric: str = "MONOCHROME2",
             bits: int = 16, stored: int | None = None, signed: bool = False, samples: int = 1,
             frames: int | None = None, study: str = "study", series: str | None = None,
             instance: int = 1) -> FileDataset:
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = _uid(name, "instance", instance)
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset("", Dataset(), file_meta=meta, preamble=b"\0" * 128)
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = _uid(study)
    ds.SeriesInstanceUID = _uid(series or name, "series")
    ds.PatientName = "Test^Patient"
    ds.PatientID = "HR-0001"
    ds.PatientBirthDate = "19700101"
    ds.PatientSex = "F"
    ds.StudyDate = "20261120"
    ds.StudyTime = "093000"
    ds.StudyID = "1"
    ds.AccessionNumber = "A2026112001"
    ds.Modality = "OT"
    ds.InstanceNumber = instance
    ds.SeriesNumber = 1
    ds.Rows, ds.Columns = rows, columns
    ds.SamplesPerPixel = samples
    ds.PhotometricInterpretation = photometric
    ds.BitsAllocated = bits
    ds.BitsStored = stored or bits
    ds.HighBit = (stored or bits) - 1
    ds.PixelRepresentation = 1 if signed else 0
    if samples > 1:
        ds.PlanarConfiguration = 0
    if frames is not None:
        ds.NumberOfFrames = frames
    return ds


def _gradient(rows: int, columns: int, low: int, high: int, dtype: str, seed: int = 0) -> np.ndarray:
    """Smooth values with some texture, so lossy and lossless codecs both have work to do."""
    y, x = np.mgrid[0:rows, 0:columns]
    base = low + (high - low) * (x + y) / (rows + columns - 2)
    noise = np.random.default_rng(seed).integers(-20, 21, size=(rows, columns))
    return np.clip(base + noise, low, high).astype(dtype)


def _ct_slice(name: str, *, index: int) -> FileDataset:
    ds = _dataset(name, CT_IMAGE, rows=64, columns=64, signed=True, series="ct" if name == "series" else None,
                  instance=index + 1, study="ct-study")
    ds.Modality = "CT"
    ds.StudyDescription = "CT CHEST, ABDOMEN AND PELVIS WITH CONTRAST"
    ds.SeriesDescription = "Axial 5 mm"
    ds.BodyPartExamined = "CHEST"
    ds.RescaleSlope, ds.RescaleIntercept, ds.RescaleType = 1, -1024, "HU"
    ds.WindowCenter, ds.WindowWidth = [40, 400], [400, 1500]
    ds.WindowCenterWidthExplanation = ["SOFT TISSUE", "BONE"]
    ds.PixelSpacing = [0.7, 0.7]
    ds.SliceThickness = 5
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.ImagePositionPatient = [-22.4, -22.4, -100 + 5 * index]
    ds.SliceLocation = -100 + 5 * index
    ds.PixelData = _gradient(64, 64, -1000, 2000, "<i2", seed=index).tobytes()
    return ds


def _mr(name: str = "mr_uint16") -> FileDataset:
    ds = _dataset(name, MR_IMAGE, rows=64, columns=80, stored=12)
    ds.Modality = "MR"
    ds.PixelSpacing = [0.9, 0.8]
    ds.PixelData = _gradient(64, 80, 0, 4095, "<u2", seed=7).tobytes()
    return ds


def _cr() -> FileDataset:
    ds = _dataset("cr_monochrome1", CR_IMAGE, rows=60, columns=80, photometric="MONOCHROME1", stored=12)
    ds.Modality = "CR"
    ds.ImagerPixelSpacing = [0.15, 0.15]
    ds.ViewPosition = "PA"
    ds.PixelData = _gradient(60, 80, 0, 4095, "<u2", seed=3).tobytes()
    return ds


def _rgb_pixels(rows: int, columns: int) -> np.ndarray:
    y, x = np.mgrid[0:rows, 0:columns]
    return np.stack([x * 255 // (columns - 1), y * 255 // (rows - 1), (x + y) % 256], axis=-1).astype(np.uint8)


def _rgb(name: str, *, planar: int) -> FileDataset:
    ds = _dataset(name, SC_IMAGE, rows=48, columns=64, photometric="RGB", bits=8, samples=3)
    ds.PlanarConfiguration = planar
    pixels = _rgb_pixels(48, 64)
    ORIGINALS[name] = pixels
    ds.PixelData = (pixels.transpose(2, 0, 1) if planar else pixels).tobytes()
    return ds


def _ybr_jpeg() -> FileDataset:
    """Three 4:2:2 JPEG frames as an ultrasound clip writes them (Pillow's JFIF encoder)."""
    ds = _dataset("ybr_jpeg_multiframe", US_MULTIFRAME, rows=64, columns=64, photometric="YBR_FULL_422",
                  bits=8, samples=3, frames=3)
    ds.file_meta.TransferSyntaxUID = JPEGBaseline8Bit
    ds.Modality = "US"
    ds.FrameTime = 33.3
    ds.LossyImageCompression = "01"
    frames = []
    originals = []
    for index in range(3):
        pixels = np.roll(_rgb_pixels(64, 64), 8 * index, axis=1)
        originals.append(pixels)
        buffer = io.BytesIO()
        Image.fromarray(pixels, "RGB").save(buffer, format="JPEG", quality=95, subsampling=1)
        frames.append(buffer.getvalue())
    ORIGINALS["ybr_jpeg_multiframe"] = np.stack(originals)
    ds.PixelData = encapsulate(frames)
    ds["PixelData"].VR = "OB"
    return ds


def _multiframe() -> FileDataset:
    ds = _dataset("multiframe_grey", NM_IMAGE, rows=32, columns=32, frames=5)
    ds.Modality = "NM"
    pixels = np.stack([_gradient(32, 32, 0, 1000 * (i + 1), "<u2", seed=i) for i in range(5)])
    ORIGINALS["multiframe_grey"] = pixels
    ds.FrameTimeVector = [0, 100, 100, 100, 100]
    ds.PixelData = pixels.tobytes()
    return ds


def _voi_lut() -> FileDataset:
    ds = _dataset("voi_lut", CR_IMAGE, rows=32, columns=32, stored=12)
    ds.Modality = "DX"
    ds.PixelData = _gradient(32, 32, 0, 4095, "<u2").tobytes()
    item = Dataset()
    item.LUTDescriptor = [4096, 0, 12]
    item.LUTData = np.array([int(4095 * (i / 4095) ** 0.5) for i in range(4096)], '<u2').tobytes()
    item.LUTExplanation = "GAMMA"
    ds.VOILUTSequence = Sequence([item])
    return ds


def _modality_lut() -> FileDataset:
    ds = _dataset("modality_lut", CR_IMAGE, rows=32, columns=32, stored=12)
    ds.Modality = "CR"
    ds.PixelData = _gradient(32, 32, 0, 4095, "<u2").tobytes()
    item = Dataset()
    item.LUTDescriptor = [4096, 0, 16]
    item.ModalityLUTType = "OD"
    item.LUTData = (4095 - np.arange(4096)).astype('<u2').tobytes()
    ds.ModalityLUTSequence = Sequence([item])
    return ds


def _palette() -> FileDataset:
    ds = _dataset("palette_color", US_MULTIFRAME, rows=16, columns=16, photometric="PALETTE COLOR", bits=8)
    ds.Modality = "US"
    ds.PixelData = np.arange(256, dtype=np.uint8).reshape(16, 16).tobytes()
    ramp = np.arange(256, dtype=np.uint16)
    for colour, table in (("Red", ramp * 257), ("Green", (255 - ramp) * 257), ("Blue", np.full(256, 0x8080))):
        setattr(ds, f"{colour}PaletteColorLookupTableDescriptor", [256, 0, 16])
        setattr(ds, f"{colour}PaletteColorLookupTableData", table.astype("<u2").tobytes())
    return ds


def _gb18030() -> FileDataset:
    ds = _mr("gb18030_name")
    ds.SpecificCharacterSet = "GB18030"
    ds.PatientName = "张^伟"
    ds.InstitutionName = "山东省立医院"
    ds.StudyDescription = "头颅 MR 平扫"
    return ds


def _without_meta(ds: FileDataset) -> bytes:
    """Implicit VR Little Endian with neither preamble nor File Meta, as old modalities wrote."""
    buffer = DicomBytesIO()
    buffer.is_implicit_VR, buffer.is_little_endian = True, True
    plain = Dataset()
    plain.update(ds)
    write_dataset(buffer, plain)
    return buffer.getvalue()


def _lying_j2k() -> FileDataset:
    """512 × 512 in the DICOM header, 60000 × 60000 in the JPEG 2000 SIZ marker."""
    ds = _dataset("lying_j2k", CT_IMAGE, rows=512, columns=512)
    ds.PixelData = _gradient(512, 512, 0, 1000, "<u2").tobytes()
    ds.compress(JPEG2000Lossless, encoding_plugin="pylibjpeg", generate_instance_uid=False)
    data = bytearray(ds.PixelData)
    siz = data.index(b"\xff\x4f\xff\x51")
    struct.pack_into(">II", data, siz + 8, 60000, 60000)
    ds.PixelData = bytes(data)
    return ds


def _jpeg_sof_mismatch() -> FileDataset:
    """A 64 × 64 JPEG frame in a file that says 128 × 128."""
    ds = _dataset("jpeg_sof_mismatch", SC_IMAGE, rows=128, columns=128, bits=8)
    ds.file_meta.TransferSyntaxUID = JPEGBaseline8Bit
    buffer = io.BytesIO()
    Image.fromarray(_gradient(64, 64, 0, 255, "u1"), "L").save(buffer, format="JPEG", quality=90)
    ds.PixelData = encapsulate([buffer.getvalue()])
    return ds


def _corrupt_j2k() -> FileDataset:
    """A sound SIZ marker followed by noise where the tiles should be."""
    ds = _mr("corrupt_j2k")
    ds.compress(JPEG2000Lossless, encoding_plugin="pylibjpeg", generate_instance_uid=False)
    frame = bytearray(next(iter(_frames(ds.PixelData))))
    start = frame.index(b"\xff\x90")     # the first tile-part
    noise = np.random.default_rng(1).integers(0, 256, size=len(frame) - start - 2, dtype=np.uint8).tobytes()
    frame[start + 2:] = noise
    ds.PixelData = encapsulate([bytes(frame)])
    return ds


def _frames(data: bytes) -> list[bytes]:
    from pydicom.encaps import generate_frames
    return list(generate_frames(data, number_of_frames=1))


def _no_pixels() -> FileDataset:
    ds = _dataset("no_pixel_data", BASIC_TEXT_SR, rows=1, columns=1)
    for keyword in ("Rows", "Columns", "SamplesPerPixel", "PhotometricInterpretation", "BitsAllocated",
                    "BitsStored", "HighBit", "PixelRepresentation"):
        delattr(ds, keyword)
    ds.Modality = "SR"
    return ds


def _float_pixels() -> FileDataset:
    ds = _dataset("float_pixel_data", PARAMETRIC_MAP, rows=8, columns=8, bits=32)
    del ds.BitsStored, ds.HighBit, ds.PixelRepresentation
    ds.FloatPixelData = np.linspace(0, 1, 64, dtype="<f4").tobytes()
    return ds


def _mpeg() -> FileDataset:
    ds = _dataset("unsupported_syntax", US_MULTIFRAME, rows=64, columns=64, photometric="YBR_PARTIAL_420",
                  bits=8, samples=3, frames=10)
    ds.file_meta.TransferSyntaxUID = MPEG2MPML
    ds.PixelData = encapsulate([b"\x00\x00\x01\xb3" + b"\x00" * 60])
    return ds


def _photometric(photometric: str) -> FileDataset:
    ds = _dataset("unsupported_photometric", SC_IMAGE, rows=8, columns=8, photometric=photometric,
                  bits=8, samples=3)
    ds.PixelData = bytes(8 * 8 * 3)
    return ds


def _short_pixels() -> FileDataset:
    """A complete file whose pixel data holds half the bytes Rows × Columns call for."""
    ds = _mr("pixel_data_short")
    ds.PixelData = ds.PixelData[: len(ds.PixelData) // 2]
    return ds


def _too_large() -> FileDataset:
    ds = _dataset("too_large", CT_IMAGE, rows=65535, columns=65535, frames=1000)
    ds.PixelData = bytes(64)
    return ds


def _dicomdir(root: Path, *, lower_case: bool) -> Path:
    """A CD: DICOMDIR plus files in PT*/ST*/SE*/IM* folders, optionally mounted in lower case."""
    fileset = FileSet()
    for index in range(3):
        ds = _ct_slice("series", index=index)
        ds.StudyInstanceUID = _uid("cd-study")
        ds.SeriesInstanceUID = _uid("cd-series")
        ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = _uid("cd", index)
        fileset.add(ds)
    fileset.write(root)
    if lower_case:
        for path in sorted(root.rglob("*"), key=lambda p: len(p.parts), reverse=True):
            if path.name != "DICOMDIR":
                path.rename(path.with_name(path.name.lower()))
    return root / "DICOMDIR"


def dicomdir_reference(path: Path) -> list[str]:
    """The Referenced File IDs a DICOMDIR lists, for tests to compare with."""
    ds = dcmread(path)
    return ["/".join(r.ReferencedFileID) for r in ds.DirectoryRecordSequence if "ReferencedFileID" in r]
