"""Benchmarks: `python -m tests.bench`. Each figure comes with a baseline measured in the same run.

- start-up to a usable window vs a bare Qt window;
- a patient look-up across 10 sources with 100 ms latency each vs one such source (target ≤ 1.2);
- a chart of 200 reports / 3,000 observations: fetched by a bare HTTP client (the floor),
  loaded through the services (mapping + recognition), and shown in the window;
- images (tests/bench/imaging.py): a 300-slice CT from the demo platform and from a real
  Orthanc, against the same bytes fetched by a bare HTTP client;
- bigger studies (tests/bench/big_studies.py): a 300-slice J2K CT against decoding it in one
  process, a 1,000-slice CT and a 6-series MR against bare HTTP and their raw pixels;
- prefetch (tests/bench/prefetch.py): the reminded CT opened after a background prefetch vs
  opened from the cache a viewing filled (target ≤ 1.5);
- trends (tests/bench/trends.py): 5 items × 3,650 daily values drawn and panned, against a
  bare pyqtgraph scatter of the same points;
- reminder (tests/bench/reminder.py): the showcase chart with its reminders vs the chart alone,
  through the services and in the window (target ≤ 1.2);
- sign-in (tests/bench/sign_in.py): a chart through a platform requiring tokens vs sign-in off,
  a refresh on a 401, a browser sign-in;
- real platforms (tests/bench/real_platforms.py): the big chart from a server that ignores
  `_include` (references fetched by id) vs the same chart with the includes honoured.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from tests.bench import ROOT, SandboxProcess, median_time  # noqa: E402 - after the Qt platform is chosen

TZ = ZoneInfo("Asia/Shanghai")
ANCHOR = datetime(2026, 11, 20, 9, 30, tzinfo=TZ)
rows: list[tuple[str, float, str, float, str]] = []


def bench_startup(fhir_base: str, rounds: int = 7) -> None:
    """From before the interpreter starts to a usable window (painted, the patient search taking
    a key), and to the catalogue shown; against a bare Qt window. Like an installed program, the
    probes run with compiled bytecode (a cache of their own, filled by one untimed round first):
    pip and the packaged builds ship it, and a start that compiles every module is not one a user
    meets (PYTHONDONTWRITEBYTECODE, often set in development, would otherwise make it so).

    The probes take turns, one of each per round, and each figure is the median of `rounds`: a
    machine that slows down for a while slows the window and its baseline alike. (Each probe's three
    starts in a row, bare first, once read ratios from 1.44 to 2.18 on the same code.)"""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory(prefix="huren-startup-") as scratch:   # the bytecode and the homes, removed after
        env["PYTHONPYCACHEPREFIX"] = str(Path(scratch) / "pyc")
        demo_home = tempfile.mkdtemp(dir=scratch)   # one home: the first round prepares the demo's data

        def probe(*args: str, home: str = "") -> list[float]:
            """Seconds for each line the probe prints (its last two)."""
            t0 = time.time()
            out = subprocess.run([sys.executable, "-m", "tests.bench.startup_probe", args[0], repr(t0), *args[1:]],
                                 cwd=ROOT, capture_output=True, text=True, check=True, timeout=600,
                                 env={**env, "HUREN_HOME": home or tempfile.mkdtemp(dir=scratch)})
            return [float(x) for x in out.stdout.strip().splitlines()[-2:]]

        kinds = {"bare": lambda: probe("bare"), "huren": lambda: probe("huren", fhir_base),
                 "main": lambda: probe("main", "--platform", fhir_base), "demo": lambda: probe("main", home=demo_home)}
        runs: dict[str, list[list[float]]] = {kind: [] for kind in kinds}
        for turn in range(rounds + 1):
            for kind, run in kinds.items():
                lines = run()
                if turn:   # the first round fills the bytecode cache
                    runs[kind].append(lines)

        def median(kind: str, line: int = -1) -> float:
            return statistics.median(lines[line] for lines in runs[kind])

        bare = median("bare")
        rows.append(("start-up to usable window (search takes input)", median("huren", 0), "bare Qt window", bare,
                     "target ≤ 2"))
        rows.append(("start-up to catalogue shown", median("huren", 1), "bare Qt window", bare, ""))
        # The program as started: the command line, the logs, the check for a running window; with the
        # embedded demo platform (its data prepared by the first round), which starts before the window.
        rows.append(("  main.py --platform URL, usable", median("main", 0), "bare Qt window", bare, ""))
        rows.append(("  main.py, embedded demo (prepared), usable", median("demo", 0), "bare Qt window", bare, ""))


def bench_lookup(server) -> None:
    from app.config import SiteConfig, SourceConfig
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID
    from app.services.lookup import PatientQuery, lookup_all
    from app.services.workspace import Workspace

    query = PatientQuery.resident_id(SHOWCASE_RESIDENT_ID)
    one = Workspace.from_config(SiteConfig((SourceConfig("s0", server.fhir_base),)))
    ten = Workspace.from_config(SiteConfig(tuple(SourceConfig(f"s{i}", server.fhir_base) for i in range(10))))
    lookup_all(one, query), lookup_all(ten, query)  # warm connections
    t1 = median_time(lambda: lookup_all(one, query), 7)
    t10 = median_time(lambda: lookup_all(ten, query), 7)
    result = lookup_all(ten, query)
    assert len(result.matches) == 1 and len(result.matches[0].records) == 10
    rows.append(("look-up, 10 sources × 100 ms latency", t10, "1 source × 100 ms", t1, "target ≤ 1.2"))


def big_chart_bundle(reports: int = 200, per_report: int = 15) -> dict:
    entries = [{"fullUrl": "urn:uuid:org", "resource": {"resourceType": "Organization", "name": "基准医院",
                "identifier": [{"system": "https://fhir.huren.cn/sid/org", "value": "BENCH"}]},
                "request": {"method": "POST", "url": "Organization"}},
               {"fullUrl": "urn:uuid:pat", "resource": {"resourceType": "Patient", "name": [{"text": "基准患者"}],
                "identifier": [{"system": "https://fhir.huren.cn/sid/cn-resident-id", "value": "11010519491231002X"}],
                "gender": "female", "birthDate": "1949-12-31"}, "request": {"method": "POST", "url": "Patient"}}]
    for r in range(reports):
        when = (ANCHOR - timedelta(days=r * 5)).isoformat()
        refs = []
        for i in range(per_report):
            uid = f"urn:uuid:obs-{r}-{i}"
            refs.append({"reference": uid})
            entries.append({"fullUrl": uid, "request": {"method": "POST", "url": "Observation"}, "resource": {
                "resourceType": "Observation", "status": "final",
                "code": {"coding": [{"system": "http://loinc.org", "code": "2823-3"}], "text": f"项目{i}"},
                "subject": {"reference": "urn:uuid:pat"}, "effectiveDateTime": when,
                "performer": [{"reference": "urn:uuid:org"}],
                "valueQuantity": {"value": 4.0 + i / 10, "unit": "mmol/L"},
                "referenceRange": [{"low": {"value": 3.5}, "high": {"value": 5.3}}]}})
        entries.append({"fullUrl": f"urn:uuid:rep-{r}", "request": {"method": "POST", "url": "DiagnosticReport"},
                        "resource": {"resourceType": "DiagnosticReport", "status": "final",
                                     "category": [{"coding": [{"code": "LAB"}]}], "code": {"text": f"报告{r}"},
                                     "subject": {"reference": "urn:uuid:pat"}, "effectiveDateTime": when,
                                     "performer": [{"reference": "urn:uuid:org"}], "result": refs}})
    return {"resourceType": "Bundle", "type": "transaction", "entry": entries}


def bench_chart(server) -> None:
    import requests
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from app.config import SiteConfig, SourceConfig
    from app.services.chart import REPORT_INCLUDES, REPORT_SEARCH, load_chart
    from app.services.lookup import PatientQuery, lookup_all
    from app.services.workspace import Workspace
    from app.ui.lab_reports_view import LabReportsView

    requests.post(server.fhir_base, json=big_chart_bundle(), timeout=120).raise_for_status()
    ws = Workspace.from_config(SiteConfig((SourceConfig("bench", server.fhir_base),), region="370102"))
    ws.catalogue  # noqa: B018 - fetched once, as the window does at start
    person = lookup_all(ws, PatientQuery.resident_id("11010519491231002X")).matches[0]
    pid = person.primary.key.id

    def bare() -> None:
        s = requests.Session()
        url = server.fhir_base + "/DiagnosticReport"
        params = [("patient", f"Patient/{pid}"), *REPORT_SEARCH, *(("_include", i) for i in REPORT_INCLUDES)]
        while url:
            page = s.get(url, params=params, timeout=60).json()
            params = None
            url = next((link["url"] for link in page.get("link", []) if link["relation"] == "next"), None)

    chart = load_chart(ws, person)
    assert len(chart.reports) == 200 and sum(len(a.report.results) for a in chart.reports) == 3000
    floor = median_time(bare)
    loaded = median_time(lambda: load_chart(ws, person))
    app = QApplication.instance() or QApplication([])
    view = LabReportsView()
    view.resize(1200, 800)
    view.show()

    def shown() -> None:
        view.set_reports(load_chart(ws, person).reports)
        app.processEvents()

    shown_t = median_time(shown)
    rows.append(("chart 200 reports/3,000 obs: loaded (services)", loaded, "bare HTTP fetch + JSON", floor, ""))
    rows.append(("chart 200 reports/3,000 obs: loaded and shown", shown_t, "bare HTTP fetch + JSON", floor, ""))
    # Closed and gone before the next benchmark: the chart's 3,000 rows stayed open, shown, through the
    # image benchmarks (whose openings ran 5-10% slower here than alone; with the window closed and the
    # servers below stopped, 165 against 169 ms, alone last).
    view.close()
    view.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    ws.close()


def main() -> int:
    from app.sandbox.server import SandboxServer
    from tests.bench.at_rest import bench_sealed_cache
    from tests.bench.big_studies import bench_big_studies
    from tests.bench.imaging import bench_imaging
    from tests.bench.prefetch import bench_prefetch
    from tests.bench.real_platforms import bench_chart_without_includes
    from tests.bench.reminder import bench_reminder
    from tests.bench.sign_in import bench_sign_in
    from tests.bench.trends import bench_trends

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        demo = SandboxServer(Path(tmp) / "demo", anchor=ANCHOR, images=False).start()
        demo_start = time.perf_counter() - t
        slow = SandboxProcess(Path(tmp) / "slow", latency=0.1)
        images = SandboxProcess(Path(tmp) / "images", latency=0.0, images=True)
        gigabit = SandboxProcess(Path(tmp) / "images", latency=0.0, images=True, bandwidth_mbps=1000)
        bench = SandboxServer(Path(tmp) / "bench", demo=False).start()
        try:
            rows.append(("demo platform first start (generate + load)", demo_start, "", float("nan"), ""))
            bench_startup(demo.fhir_base)
            bench_lookup(slow)
            bench_chart(bench)
            rows.extend(bench_chart_without_includes(bench, big_chart_bundle(), Path(tmp)))
            rows.extend(bench_sign_in(demo, ANCHOR))
            rows.extend(bench_reminder(demo, ANCHOR))
            for done_with in (demo, bench):   # the servers in this process end before the image benchmarks
                done_with.stop()
            rows.extend(bench_imaging(images.dicomweb, images.data, gigabit.dicomweb))
            rows.extend(bench_prefetch(images.dicomweb))
            rows.extend(bench_big_studies())
            rows.extend(bench_sealed_cache())
            rows.extend(bench_trends())
        finally:
            for s in (demo, slow, images, gigabit, bench):
                s.stop()
    print(f"\n{'measure':55} {'value':>9}  {'baseline':24} {'value':>9} {'ratio':>6}  note")
    for name, value, base_name, base, note, *unit in rows:
        ratio = value / base if base == base and base else float("nan")
        fmt = (lambda v: f"{v:6.0f} MB") if unit == ["MB"] else (lambda v: f"{v * 1000:7.1f}ms")
        base_txt = fmt(base) if base == base else ""
        print(f"{name:55} {fmt(value):>9}  {base_name:24} {base_txt:>9} {ratio:6.2f}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
