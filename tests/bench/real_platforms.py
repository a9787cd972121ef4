"""What a server that ignores `_include` costs: the same chart, the references fetched by id.

Both sandboxes hold the same 200 reports / 3,000 observations. The full one returns them
with their results in the searchset; the other ignores `_include` and pages by 20 (as the
minimal conformance mode does, without its 100-match cap, which would cut the chart short),
so the client follows 10 pages and fetches 3,000 Observations and the Organization by `_id`
in chunks of 40, 4 at a time.
"""

from __future__ import annotations

import dataclasses

from tests.bench import median_time


def bench_chart_without_includes(full_server, bundle: dict, tmp) -> list[tuple[str, float, str, float, str]]:
    import requests

    from app.config import SiteConfig, SourceConfig
    from app.sandbox.conformance import MINIMAL
    from app.sandbox.server import SandboxServer
    from app.services.chart import load_chart
    from app.services.lookup import PatientQuery, lookup_all
    from app.services.workspace import Workspace

    no_includes = dataclasses.replace(MINIMAL, max_results=None, max_transaction_entries=None)
    minimal = SandboxServer(tmp / "no-includes", demo=False, conformance=no_includes).start()
    try:
        requests.post(minimal.fhir_base, json=bundle, timeout=120).raise_for_status()

        def chart_time(base: str) -> float:
            ws = Workspace.from_config(SiteConfig((SourceConfig("bench", base),), region="370102"))
            ws.catalogue  # noqa: B018 - fetched once, as the window does at start
            person = lookup_all(ws, PatientQuery.resident_id("11010519491231002X")).matches[0]
            chart = load_chart(ws, person)
            assert len(chart.reports) == 200 and sum(len(a.report.results) for a in chart.reports) == 3000
            assert chart.outcomes[0].gaps.complete
            return median_time(lambda: load_chart(ws, person))

        with_includes = chart_time(full_server.fhir_base)
        without = chart_time(minimal.fhir_base)
    finally:
        minimal.stop()
    return [("chart 200/3,000 from a server ignoring _include", without, "same chart, includes honoured",
             with_includes, "refs by _id")]
