"""The benchmark's big studies (tests/bench/big_study_files.py) are DICOM the app reads right.

Small versions (a few slices each): valid files that `decode_dataset` decodes, slices strictly
ordered along their normal, the J2K CT equal to its source pixels, the MR's six series, the
cache written once, and the sandbox serving all of it through QIDO-RS.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.domain.image_geometry import along_normal, normal, plane
from app.platform.dicom import decode_dataset, read_dataset
from tests.bench.big_study_files import (
    CT_SEED,
    J2K_SEED,
    MR_PROTOCOL,
    THIN_STEP,
    ct_slices,
    prepare,
    write_j2k_ct,
    write_mr_study,
    write_thin_ct,
)


def decoded(folder: Path) -> list:
    """(dataset, decoded instance) of every file under `folder`, in instance order."""
    pairs = [(ds, decode_dataset(ds)) for ds in (read_dataset(p) for p in sorted(folder.rglob("*.dcm")))]
    return sorted(pairs, key=lambda pair: int(pair[0].InstanceNumber))


def positions(pairs: list) -> list[float]:
    info = pairs[0][1].info
    n = normal(info.image_orientation)
    assert n is not None
    return [along_normal(d.info.image_position, n) for _, d in pairs]


def strictly_monotonic(values: list[float]) -> bool:
    steps = np.diff(values)
    return bool(np.all(steps > 0) or np.all(steps < 0))


def test_thin_ct_is_a_signed_axial_stack_of_chest_anatomy(tmp_path):
    study = write_thin_ct(tmp_path, slices=5)
    pairs = decoded(tmp_path)
    assert len(pairs) == 5 == study.instances
    assert {str(ds.file_meta.TransferSyntaxUID) for ds, _ in pairs} == {"1.2.840.10008.1.2.1"}
    assert {str(ds.SeriesInstanceUID) for ds, _ in pairs} == {study.series[0].uid}
    first = pairs[0][1]
    assert first.pixels.shape == (1, 512, 512) and first.pixels.dtype == np.int16
    assert (first.info.rescale_intercept, first.info.rescale_slope) == (-1024.0, 1.0)
    assert plane(first.info.image_orientation) == "axial"
    along = positions(pairs)
    assert strictly_monotonic(along)
    assert np.allclose(np.abs(np.diff(along)), THIN_STEP)
    hu = first.pixels[0].astype(np.int32) - 1024
    assert hu.min() < -900 and hu.max() > 300            # air outside, bone inside
    assert 10 < np.unique(hu).size                       # not a flat image
    assert study.pixel_bytes == sum(d.pixels.nbytes for _, d in pairs)
    expected = list(ct_slices(CT_SEED, 5, THIN_STEP, signed=True))
    assert all(np.array_equal(d.pixels[0], e) for (_, d), e in zip(pairs, expected, strict=True))


def test_j2k_ct_decodes_losslessly_to_its_source(tmp_path):
    study = write_j2k_ct(tmp_path, slices=3)
    pairs = decoded(tmp_path)
    assert {str(ds.file_meta.TransferSyntaxUID) for ds, _ in pairs} == {"1.2.840.10008.1.2.4.90"}
    expected = list(ct_slices(J2K_SEED, 3, 1.0, signed=False))
    for (_, d), source in zip(pairs, expected, strict=True):
        assert d.pixels.dtype == np.uint16 and np.array_equal(d.pixels[0], source)
    assert strictly_monotonic(positions(pairs))
    # Compressed as a CT is (about 2-4:1), neither noise (1:1) nor a flat image (100:1).
    ratio = study.pixel_bytes / sum(p.stat().st_size for p in tmp_path.rglob("*.dcm"))
    assert 2.0 < ratio < 5.0


def test_mr_study_has_the_six_series_of_the_protocol(tmp_path):
    study = write_mr_study(tmp_path, slices=3)
    pairs = decoded(tmp_path)
    assert len({str(ds.StudyInstanceUID) for ds, _ in pairs}) == 1
    by_series: dict[str, list] = {}
    for ds, d in pairs:
        by_series.setdefault(str(ds.SeriesInstanceUID), []).append((ds, d))
    assert len(by_series) == 6 == len(study.series)
    for spec, series in zip(MR_PROTOCOL, study.series, strict=True):
        members = sorted(by_series[series.uid], key=lambda pair: int(pair[0].InstanceNumber))
        assert len(members) == 3 and str(members[0][0].SeriesDescription) == spec.description
        assert members[0][1].pixels.shape == (1, spec.matrix, spec.matrix)
        assert plane(members[0][1].info.image_orientation) == ("sagittal" if spec.sagittal else "axial")
        assert strictly_monotonic(positions(members))
        assert members[0][1].info.stored_max > 200         # a head in the image, not noise alone
    assert study.pixel_bytes == sum(d.pixels.nbytes for _, d in pairs)


def test_prepare_writes_once_and_finds_them_again(tmp_path):
    first, wrote = prepare(tmp_path, ct_slices=2, j2k_slices=2, mr_slices=1)
    files = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.dcm")}
    again, wrote_again = prepare(tmp_path, ct_slices=2, j2k_slices=2, mr_slices=1)
    assert (wrote, wrote_again) == (True, False)
    assert again == first
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.dcm")} == files
    assert len(files) == 2 + 2 + 6


@pytest.mark.parametrize("which", ["thin_ct", "j2k_ct", "mr"])
def test_the_sandbox_serves_every_series(tmp_path, which):
    from app.sandbox.server import SandboxServer
    from tests.bench.big_studies import check_served

    studies, _ = prepare(tmp_path / "cache", ct_slices=3, j2k_slices=2, mr_slices=2)
    study = getattr(studies, which)
    with SandboxServer(tmp_path / "sandbox", demo=False, load_dicom=[study.folder]) as server:
        check_served(server.dicomweb_base, study)
