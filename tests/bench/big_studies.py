"""Bigger studies in the viewer (issue 17): a J2K CT, a 1,000-slice CT, a six-series MR.

The studies are written once into the bench cache (tests/bench/big_study_files.py) and served
by a sandbox in a process of its own (`--load-dicom`), as a distant hospital's PACS is. Each
is opened through the public viewer path, as `bench_viewer` does (ViewerWindow.open_source
with a DicomWebStudySource, no disk cache), against baselines measured in the same run:

- J2K CT 300: the whole series in the viewer against decoding the same 300 datasets one after
  another in this process (read beforehand): target ≤ 0.65, both cores at work; first image
  ≤ 100 ms;
- CT 1,000 (thin-section, 512², 500 MB of pixels): first image ≤ 100 ms; whole series ≤ 2× the
  bare-HTTP floor; resident memory ≤ 1.5× the raw pixels; scroll frames ≤ 8 ms median;
- MR 6 series: the whole study (every series finished) against the six series fetched by a
  bare HTTP client one after another; memory against the raw pixels.

Timings are medians of 5 cold openings. Memory is this process's resident growth from before
the click to the whole study (decoder worker processes not counted), the largest of the 5:
a smaller figure can only mean pages an earlier opening left were freed meanwhile.

Only these rows: `python -m tests.bench.big_studies`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.bench import SandboxProcess
from tests.bench.big_study_files import BigStudies, StudyFiles, cache_root, prepare
from tests.bench.imaging import Opening, Row, close_viewer, floor_fetch, open_in_viewer, scroll_frames

#: Openings per study: the median of five (three let two openings slowed by the machine decide the row).
ROUNDS = 5


def check_served(dicomweb_url: str, study: StudyFiles) -> None:
    """QIDO-RS lists the study's series with every instance, as written."""
    from app.platform.dicomweb import DicomWebClient

    with DicomWebClient(dicomweb_url) as client:
        served = {s.uid: s.instance_count for s in client.series(study.uid)}
    assert served == {s.uid: s.instances for s in study.series}, (served, study.series)


def floor(dicomweb_url: str, study: StudyFiles) -> tuple[float, float]:
    """Bare HTTP, each series after the other (median of 3): first body byte of the first
    series, and the last byte of the last."""
    firsts, wholes = [], []
    for _ in range(3):
        total = 0.0
        for i, series in enumerate(study.series):
            first, whole, _size = floor_fetch(dicomweb_url, study.uid, series.uid)
            if i == 0:
                firsts.append(first)
            total += whole
        wholes.append(total)
    return statistics.median(firsts), statistics.median(wholes)


@dataclass
class Openings:
    """ROUNDS cold openings of a study: click to first image, to everything, memory grown (each opening's)."""

    firsts: list[float]
    wholes: list[float]
    grown: list[int]
    last: Opening | None     # the last opening, still open (`keep_last`), else None


def cold_openings(app, dicomweb_url: str, study: StudyFiles, *, keep_last: bool = False) -> Openings:
    """Open the study ROUNDS times through the viewer, each whole (every series) before it is closed."""
    series = len(study.series)
    done = Openings([], [], [], None)
    for run in range(ROUNDS):
        opened = open_in_viewer(app, dicomweb_url, study.uid, series=series)
        arrived = sum(len(stack.slices) for stack in opened.window.studies[0].stacks.values())
        assert arrived == study.instances, (arrived, study.instances)   # no series failed unseen
        done.firsts.append(opened.first)
        done.wholes.append(opened.whole)
        done.grown.append(opened.grown)
        if keep_last and run == ROUNDS - 1:
            done.last = opened
        else:
            close_viewer(app, opened)
    return done


def bench_j2k(app, dicomweb_url: str, study: StudyFiles) -> list[Row]:
    from app.platform.dicom import decode_dataset, read_dataset

    label = f"J2K CT {study.instances}"
    datasets = [read_dataset(path) for path in sorted(study.folder.rglob("*.dcm"))]
    assert len(datasets) == study.instances
    one_process = []
    for _ in range(ROUNDS):
        t = time.perf_counter()
        for ds in datasets:
            decode_dataset(ds)
        one_process.append(time.perf_counter() - t)
    del datasets
    first_byte, _wire = floor(dicomweb_url, study)
    opened = cold_openings(app, dicomweb_url, study)
    return [
        (f"{label}: first image", statistics.median(opened.firsts), "bare HTTP: first byte", first_byte,
         "target ≤ 100 ms"),
        (f"{label}: whole series in the viewer (cold)", statistics.median(opened.wholes), "decode, one process",
         statistics.median(one_process), "target ≤ 0.65"),
    ]


def bench_thin_ct(app, dicomweb_url: str, study: StudyFiles) -> list[Row]:
    label = f"CT {study.instances:,}"
    first_byte, wire = floor(dicomweb_url, study)
    opened = cold_openings(app, dicomweb_url, study, keep_last=True)
    assert opened.last is not None
    frames, empty = scroll_frames(opened.last.pane)
    close_viewer(app, opened.last)
    return [
        (f"{label}: first image", statistics.median(opened.firsts), "bare HTTP: first byte", first_byte,
         "target ≤ 100 ms"),
        (f"{label}: whole series (cold)", statistics.median(opened.wholes), "bare HTTP: whole series", wire,
         "target ≤ 2.0"),
        (f"{label}: memory", max(opened.grown) / 1e6, "raw pixel bytes", study.pixel_bytes / 1e6, "target ≤ 1.5", "MB"),
        (f"{label}: scroll frame median", statistics.median(frames), "repaint, no new slice", empty,
         "target ≤ 8 ms"),
        (f"{label}: scroll frame 95th", frames[int(len(frames) * 0.95)], "repaint, no new slice", empty,
         "target ≤ 8 ms"),
    ]


def bench_mr(app, dicomweb_url: str, study: StudyFiles) -> list[Row]:
    label = f"MR {len(study.series)} series"
    first_byte, wire = floor(dicomweb_url, study)
    opened = cold_openings(app, dicomweb_url, study)
    return [
        (f"{label}: first image", statistics.median(opened.firsts), "bare HTTP: first byte", first_byte,
         "target ≤ 100 ms"),
        (f"{label}: whole study (cold)", statistics.median(opened.wholes), f"bare HTTP: {len(study.series)} series",
         wire, "target ≤ 2.0"),
        (f"{label}: memory", max(opened.grown) / 1e6, "raw pixel bytes", study.pixel_bytes / 1e6, "target ≤ 1.5", "MB"),
    ]


def bench_big_studies(studies: BigStudies | None = None, data: Path | None = None) -> list[Row]:
    """Every row above. The studies and the sandbox's data dir default to the bench cache."""
    from PySide6.QtWidgets import QApplication

    if studies is None:
        t = time.perf_counter()
        studies, wrote = prepare()
        if wrote:
            print(f"big studies written in {time.perf_counter() - t:.0f} s (cached in {cache_root()})")
    app = QApplication.instance() or QApplication([])
    server = SandboxProcess(data or studies.thin_ct.folder.parent / "sandbox", demo=False, load_dicom=studies.folders)
    try:
        for study in (studies.j2k_ct, studies.thin_ct, studies.mr):
            check_served(server.dicomweb, study)
        return [*bench_j2k(app, server.dicomweb, studies.j2k_ct),
                *bench_thin_ct(app, server.dicomweb, studies.thin_ct),
                *bench_mr(app, server.dicomweb, studies.mr)]
    finally:
        server.stop()


def print_rows(rows: list[Row]) -> None:
    """The table as `python -m tests.bench` prints it."""
    print(f"\n{'measure':55} {'value':>9}  {'baseline':24} {'value':>9} {'ratio':>6}  note")
    for name, value, base_name, base, note, *unit in rows:
        ratio = value / base if base == base and base else float("nan")
        fmt = "{:6.0f} MB".format if unit == ["MB"] else (lambda v: f"{v * 1000:7.1f}ms")
        base_txt = fmt(base) if base == base else ""
        print(f"{name:55} {fmt(value):>9}  {base_name:24} {base_txt:>9} {ratio:6.2f}  {note}")


if __name__ == "__main__":   # these rows alone: python -m tests.bench.big_studies [--small]
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if "--small" in sys.argv:   # a quick try of the machinery: small studies in a temporary folder
        with tempfile.TemporaryDirectory() as tmp:
            small, _ = prepare(Path(tmp), ct_slices=60, j2k_slices=30, mr_slices=8)
            print_rows(bench_big_studies(small, Path(tmp) / "sandbox"))
    else:
        print_rows(bench_big_studies())
    sys.exit(0)
