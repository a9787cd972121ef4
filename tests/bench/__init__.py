"""Benchmarks (`python -m tests.bench`); shared measuring helpers."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def median_time(fn, repeat: int = 5) -> float:
    """The median wall time of `repeat` calls of `fn`, in seconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


class SandboxProcess:
    """The sandbox in a process of its own, as a distant hospital is: its work does not share our GIL.

    The demo platform (20 patients, images or not), or with `demo=False` an empty one holding
    only the DICOM folders given (`load_dicom`).
    """

    def __init__(self, data: Path, latency: float = 0.0, images: bool = False, bandwidth_mbps: float = 0.0, *,
                 demo: bool = True, load_dicom: Sequence[Path] = ()) -> None:
        self.data = data
        args = [sys.executable, "main.py", "sandbox", "--port", "0", "--data", str(data),
                "--latency", str(latency), "--bandwidth", str(bandwidth_mbps)]
        args += (["--patients", "20", *([] if images else ["--no-demo-images"])] if demo else ["--no-demo"])
        for folder in load_dicom:
            args += ["--load-dicom", str(folder)]
        self.proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("FHIR base:"):
                self.fhir_base = line.split(":", 1)[1].strip()
                self.dicomweb = self.fhir_base.rsplit("/fhir", 1)[0] + "/dicom-web"
                break
        else:
            raise RuntimeError("the sandbox did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)
