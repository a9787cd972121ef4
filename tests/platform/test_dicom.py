"""Every file of the corpus decodes to the expected pixels or fails with the right kind of problem."""

from __future__ import annotations

import io
import random
import re
import shutil

import numpy as np
import pydicom
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydicom.pixels import apply_color_lut
from pydicom.pixels.decoders.base import get_decoder
from pydicom.uid import JPEG2000, JPEG2000Lossless, JPEGBaseline8Bit

from app.domain.image_geometry import slice_order
from app.platform.dicom import (
    DecodedInstance,
    DicomReadError,
    InstanceInfo,
    ReadProblem,
    decode_dataset,
    describe_media,
    media_files,
    read_dataset,
    read_instance,
)
from app.platform.dicom.codestreams import CodestreamError, j2k_header, jpeg_header
from app.platform.dicom.header import decode_text, display_name
from tests.helpers.dicom_corpus import ORIGINALS, dicomdir_reference

#: name -> (shape, dtype) of the decoded pixels.
DECODES: dict[str, tuple[tuple[int, ...], str]] = {
    "ct_int16_rescale": ((1, 64, 64), "int16"),
    "mr_uint16": ((1, 64, 80), "uint16"),
    "cr_monochrome1": ((1, 60, 80), "uint16"),
    "rgb_uncompressed": ((1, 48, 64, 3), "uint8"),
    "rgb_planar": ((1, 48, 64, 3), "uint8"),
    "ybr_jpeg_multiframe": ((3, 64, 64, 3), "uint8"),
    "multiframe_grey": ((5, 32, 32), "uint16"),
    "voi_lut": ((1, 32, 32), "uint16"),
    "modality_lut": ((1, 32, 32), "uint16"),
    "palette_color": ((1, 16, 16, 3), "uint8"),
    "gb18030_name": ((1, 64, 80), "uint16"),
    "rle_lossless": ((1, 64, 64), "int16"),
    "j2k_lossless": ((1, 64, 64), "int16"),
    "j2k_lossy": ((1, 64, 80), "uint16"),
    "jpeg_lossless_rgb": ((1, 100, 100, 3), "uint8"),
    "jpeg_extended_12bit": ((1, 1024, 256), "uint16"),
    "jpeg_ls_lossless": ((1, 64, 64), "int16"),
    "jpeg_ls_near_lossless": ((1, 50, 10), "uint16"),
    "jpeg_ybr_full": ((1, 100, 100, 3), "uint8"),
    "j2k_ybr_rct": ((1, 400, 400, 3), "uint8"),
    "big_endian": ((1, 64, 64), "int16"),
    "deflated": ((1, 512, 512), "uint8"),
    "one_bit": ((1, 512, 512), "uint8"),
    "palette_bundled": ((1, 350, 800, 3), "uint8"),
    "rle_rgb_16bit": ((1, 100, 100, 3), "uint8"),
    "no_meta_implicit": ((1, 64, 64), "int16"),
    **{f"series_{i}": ((1, 64, 64), "int16") for i in range(5)},
}

FAILS: dict[str, ReadProblem] = {
    "truncated_pixels": ReadProblem.TRUNCATED,
    "truncated_header": ReadProblem.TRUNCATED,
    "empty": ReadProblem.TRUNCATED,
    "not_dicom_png": ReadProblem.NOT_DICOM,
    "lying_j2k": ReadProblem.SIZE_MISMATCH,
    "lying_j2k_bundled": ReadProblem.SIZE_MISMATCH,
    "jpeg_sof_mismatch": ReadProblem.SIZE_MISMATCH,
    "corrupt_j2k": ReadProblem.CORRUPT_PIXEL_DATA,
    "no_pixel_data": ReadProblem.NO_PIXEL_DATA,
    "float_pixel_data": ReadProblem.UNSUPPORTED_IMAGE,
    "unsupported_syntax": ReadProblem.UNSUPPORTED_SYNTAX,
    "unsupported_photometric": ReadProblem.UNSUPPORTED_IMAGE,
    "pixel_data_short": ReadProblem.SIZE_MISMATCH,
    "too_large": ReadProblem.TOO_LARGE,
}

#: Decoded by pydicom to the same values (lossless, or the same lossy decoder).
SAME_AS_PYDICOM = [name for name in DECODES if name not in ("voi_lut", "modality_lut", "no_meta_implicit")]
_J2K_DECODERS = [get_decoder(JPEG2000Lossless), get_decoder(JPEG2000)]


def pydicom_pixels(path) -> np.ndarray:
    """What pydicom itself decodes, with the same plugin, as the reference."""
    ds = pydicom.dcmread(path)
    ds.pixel_array_options(decoding_plugin="pylibjpeg" if ds.file_meta.TransferSyntaxUID.is_compressed else "")
    pixels = ds.pixel_array
    if ds.PhotometricInterpretation == "PALETTE COLOR":
        pixels = apply_color_lut(pixels, ds)
    if pixels.dtype.itemsize > 1 and (ds.SamplesPerPixel == 3 or ds.PhotometricInterpretation == "PALETTE COLOR"):
        pixels = pixels >> (8 * (pixels.dtype.itemsize - 1))
    return pixels


def test_every_corpus_file_has_an_expectation(corpus):
    named = {n for n in corpus if not n.startswith("dicomdir")}
    assert named == set(DECODES) | set(FAILS)


@pytest.mark.parametrize("name", sorted(DECODES))
def test_decodes_with_expected_shape_and_dtype(corpus, name):
    decoded = read_instance(corpus[name])
    shape, dtype = DECODES[name]
    assert decoded.pixels.shape == shape
    assert decoded.pixels.dtype == np.dtype(dtype)
    assert decoded.pixels.flags.c_contiguous and not decoded.pixels.flags.writeable
    assert decoded.info.is_colour == (len(shape) == 4)
    assert decoded.nbytes == decoded.pixels.nbytes
    info = decoded.info
    if not info.is_colour and (info.frames > 1 or info.bits_stored < info.bits_allocated
                               or info.modality_lut_applied or info.voi_lut_applied):
        assert info.stored_min == decoded.pixels.min()
        assert info.stored_max == decoded.pixels.max()
    elif not info.is_colour:    # a single plain slice: counted only when a window is made from it
        assert info.stored_min is None and info.value_range is None


@pytest.mark.parametrize("name", sorted(SAME_AS_PYDICOM))
def test_pixels_equal_pydicoms_own_decoding(corpus, name):
    decoded = read_instance(corpus[name])
    np.testing.assert_array_equal(decoded.pixels, pydicom_pixels(corpus[name]).reshape(decoded.pixels.shape))


@pytest.mark.parametrize("name", ["rgb_uncompressed", "rgb_planar", "multiframe_grey", "rle_lossless", "j2k_lossless"])
def test_lossless_pixels_equal_the_originals(corpus, name):
    decoded = read_instance(corpus[name])
    np.testing.assert_array_equal(decoded.pixels, ORIGINALS[name].reshape(decoded.pixels.shape))


def test_lossy_pixels_are_close_to_the_originals(corpus):
    jpeg = read_instance(corpus["ybr_jpeg_multiframe"])
    assert np.abs(jpeg.pixels.astype(int) - ORIGINALS["ybr_jpeg_multiframe"]).mean() < 6
    j2k = read_instance(corpus["j2k_lossy"])
    assert np.abs(j2k.pixels.astype(int) - ORIGINALS["j2k_lossy"]).mean() < 20
    assert j2k.info.lossy_compressed and jpeg.info.lossy_compressed


@pytest.mark.parametrize("name", sorted(FAILS))
def test_bad_files_fail_with_the_right_problem(corpus, name):
    with pytest.raises(DicomReadError) as caught:
        read_instance(corpus[name])
    assert caught.value.problem is FAILS[name]
    assert re.match(r"^[A-Z].*\.$", str(caught.value)), str(caught.value)


def test_the_same_from_bytes_and_from_a_file_object(corpus):
    data = corpus["j2k_lossless"].read_bytes()
    by_path = read_instance(corpus["j2k_lossless"])
    np.testing.assert_array_equal(read_instance(data).pixels, by_path.pixels)
    np.testing.assert_array_equal(read_instance(io.BytesIO(data)).pixels, by_path.pixels)
    with pytest.raises(DicomReadError) as caught:
        read_instance(corpus["truncated_pixels"].read_bytes())
    assert str(caught.value) == "The file ends before its pixel data is complete (5,192 of 8,192 bytes)."


def test_datasets_parsed_elsewhere_decode_too(corpus):
    """DICOMweb hands over datasets pydicom parsed, some without a transfer syntax in their meta."""
    ds = pydicom.dcmread(corpus["j2k_lossless"])
    np.testing.assert_array_equal(decode_dataset(ds).pixels, read_instance(corpus["j2k_lossless"]).pixels)
    bare = pydicom.dcmread(corpus["no_meta_implicit"], force=True)
    assert decode_dataset(bare).pixels.shape == (1, 64, 64)
    with pytest.raises(DicomReadError) as caught:
        decode_dataset(pydicom.dcmread(corpus["too_large"]), max_bytes=1024)
    assert caught.value.problem is ReadProblem.TOO_LARGE


def test_a_missing_file_is_unreadable(tmp_path):
    with pytest.raises(DicomReadError) as caught:
        read_instance(tmp_path / "absent.dcm")
    assert caught.value.problem is ReadProblem.UNREADABLE


def test_header_only_read_skips_the_pixels(corpus):
    ds = read_dataset(corpus["ct_int16_rescale"], stop_before_pixels=True)
    assert "PixelData" not in ds and ds.Modality == "CT"


# --- what the decoders may never see ---------------------------------------------------------


def _spy(monkeypatch, decoders, label="pylibjpeg"):
    calls = []

    def spy(src, runner):
        calls.append(len(src))
        raise AssertionError("the decoder was called")

    for decoder in decoders:
        monkeypatch.setitem(decoder._available, label, spy)
    return calls


def test_lying_j2k_header_never_reaches_the_decoder(corpus, monkeypatch):
    calls = _spy(monkeypatch, _J2K_DECODERS)
    for name in ("lying_j2k", "lying_j2k_bundled"):
        with pytest.raises(DicomReadError) as caught:
            read_instance(corpus[name])
        assert caught.value.problem is ReadProblem.SIZE_MISMATCH
    assert calls == []
    assert "60,000 × 60,000" in str(read_instance_error(corpus["lying_j2k"]))
    # the spy sits where decoding happens: a sound file does reach it
    with pytest.raises(DicomReadError):
        read_instance(corpus["j2k_lossless"])
    assert len(calls) == 1


def read_instance_error(path) -> DicomReadError:
    with pytest.raises(DicomReadError) as caught:
        read_instance(path)
    return caught.value


def test_gdcm_is_never_chosen_even_when_installed(corpus, monkeypatch):
    jpeg = get_decoder(JPEGBaseline8Bit)
    calls = []
    monkeypatch.setattr(jpeg, "_available", {"gdcm": lambda src, runner: calls.append(1), **jpeg._available})
    read_instance(corpus["ybr_jpeg_multiframe"])
    assert calls == []


def test_codestream_headers():
    with pytest.raises(CodestreamError):
        jpeg_header(b"\xff\xd8\xff\xda\x00\x02")
    with pytest.raises(CodestreamError):
        j2k_header(b"\x00" * 64)
    with pytest.raises(CodestreamError):
        j2k_header(b"\xff\x4f\xff\x51\x00")


_SEEDS = ["ct_int16_rescale", "j2k_lossless", "ybr_jpeg_multiframe", "rle_lossless", "jpeg_ls_lossless",
          "multiframe_grey", "no_meta_implicit"]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(_SEEDS), cut=st.one_of(st.none(), st.floats(0, 1)),
       changes=st.lists(st.tuples(st.booleans(), st.floats(0, 1), st.integers(0, 255)), max_size=8))
def test_damaged_files_fail_only_with_dicom_read_errors(corpus, name, cut, changes):
    data = bytearray(corpus[name].read_bytes())
    for in_header, where, value in changes:
        span = min(len(data), 1024) if in_header else len(data)
        data[int(where * (span - 1))] = value
    if cut is not None:
        data = data[:int(cut * len(data))]
    try:
        decoded = read_instance(bytes(data))
    except DicomReadError as exc:
        assert isinstance(exc.problem, ReadProblem) and str(exc)
    else:
        assert isinstance(decoded, DecodedInstance) and decoded.pixels.flags.c_contiguous


# --- what the overlays read ------------------------------------------------------------------


def test_ct_header_values(corpus):
    info = read_instance(corpus["ct_int16_rescale"]).info
    assert (info.modality, info.rescale_slope, info.rescale_intercept, info.rescale_type) == ("CT", 1.0, -1024.0, "HU")
    assert info.window_centers == (40.0, 400.0) and info.window_widths == (400.0, 1500.0)
    assert info.window_explanations == ("SOFT TISSUE", "BONE")
    assert info.pixel_spacing == (0.7, 0.7) and info.spacing_source == "pixel"
    assert info.image_orientation == (1.0, 0.0, 0.0, 0.0, 1.0, 0.0)
    assert info.study_date.isoformat() == "2026-11-20" and info.patient_birth_date.year == 1970
    assert info.value_range is None     # every bit stored: the range is counted only if a window needs it


def test_monochrome1_is_flagged_and_imager_spacing_is_named(corpus):
    info = read_instance(corpus["cr_monochrome1"]).info
    assert info.is_monochrome1 and not info.is_colour
    assert info.pixel_spacing == (0.15, 0.15) and info.spacing_source == "imager"


def test_modality_and_voi_luts_are_applied(corpus):
    gradient = pydicom.dcmread(corpus["modality_lut"]).pixel_array
    modality = read_instance(corpus["modality_lut"])
    np.testing.assert_array_equal(modality.pixels[0], 4095 - gradient)
    assert modality.info.modality_lut_applied and modality.info.rescale_type == "OD"
    voi = read_instance(corpus["voi_lut"])
    expected = (4095 * (pydicom.dcmread(corpus["voi_lut"]).pixel_array / 4095) ** 0.5).astype(int)
    np.testing.assert_array_equal(voi.pixels[0], expected)
    assert voi.info.voi_lut_applied and voi.info.window_widths == (4096.0,)


def test_palette_colour_becomes_rgb(corpus):
    pixels = read_instance(corpus["palette_color"]).pixels[0].reshape(-1, 3)
    index = np.arange(256)
    np.testing.assert_array_equal(pixels, np.stack([index, 255 - index, np.full(256, 0x80)], axis=1))


def test_frame_time_from_the_frame_time_vector(corpus):
    assert read_instance(corpus["multiframe_grey"]).info.frame_time_ms == 100.0
    assert read_instance(corpus["ybr_jpeg_multiframe"]).info.frame_time_ms == pytest.approx(33.3)


def test_gb18030_name_and_institution(corpus):
    info = read_instance(corpus["gb18030_name"]).info
    assert info.patient_name == "张伟"
    assert info.institution_name == "山东省立医院"
    assert info.study_description == "头颅 MR 平扫"


def test_person_names_for_display():
    assert display_name("Zhang^Wei=张^伟") == "张伟"
    assert display_name("ZHANG^WEI") == "ZHANG WEI"
    assert display_name("Smith^John^^Dr^Jr") == "Dr Smith John Jr"
    assert display_name("=欧阳^娜娜=") == "欧阳娜娜"
    assert display_name("") == ""


def test_undeclared_chinese_text_is_guessed():
    """Many Chinese modalities write GBK names without Specific Character Set."""
    assert decode_text("李娜".encode("gbk"), ["iso8859"]) == "李娜"
    assert decode_text("李娜".encode("utf-8"), ["iso8859"]) == "李娜"
    assert decode_text("Müller".encode("latin-1"), ["latin_1"]) == "Müller"


@pytest.mark.parametrize("name", sorted(DECODES))
def test_instance_info_round_trips_through_json(corpus, name):
    info = read_instance(corpus[name]).info
    assert InstanceInfo.from_json(info.to_json()) == info


# --- stacks and media -------------------------------------------------------------------------


def test_slice_order_sorts_a_shuffled_series_by_position(corpus):
    infos = [read_instance(corpus[f"series_{i}"]).info for i in range(5)]
    shuffled = infos[:]
    random.Random(4).shuffle(shuffled)
    ordered = [shuffled[i] for i in slice_order(shuffled)]
    assert [i.image_position[2] for i in ordered] == [-100.0, -95.0, -90.0, -85.0, -80.0]


def test_media_files_walks_a_folder_and_skips_non_dicom(corpus):
    folder = corpus["series_0"].parent
    shutil.copy(corpus["not_dicom_png"], folder / "notes.png")
    assert media_files(folder) == [folder / f"slice{i}.dcm" for i in range(5)]
    assert media_files(corpus["series_2"]) == [corpus["series_2"]]
    found = media_files(corpus["dicomdir"].parent)
    assert len(found) == 3 and all(p.name != "DICOMDIR" for p in found)


@pytest.mark.parametrize("name", ["dicomdir", "dicomdir_lowercase"])
def test_media_files_follows_the_dicomdir_whatever_the_case(corpus, name):
    files = media_files(corpus[name])
    assert len(files) == 3 and all(p.is_file() for p in files)
    references = dicomdir_reference(corpus[name])
    assert [str(p.relative_to(corpus[name].parent)).upper() for p in files] == references


def test_describe_media_groups_and_lists_unreadable_files(corpus):
    paths = media_files(corpus["dicomdir"]) + [corpus["not_dicom_png"], corpus["truncated_header"]]
    random.Random(1).shuffle(paths)
    contents = describe_media(paths)
    assert len(contents.studies) == 1 and len(contents.studies[0].series) == 1
    series = contents.studies[0].series[0]
    assert [i.info.image_position[2] for i in series.instances] == [-100.0, -95.0, -90.0]
    assert series.info.modality == "CT" and contents.studies[0].info.patient_name == "Test Patient"
    assert {u.path.name: u.error.problem for u in contents.unreadable} == {
        "not_dicom_png.png": ReadProblem.NOT_DICOM, "truncated_header.dcm": ReadProblem.TRUNCATED}

