"""Sign-in costs (part of `python -m tests.bench`): what a token adds to a chart, a refresh, a browser sign-in.

- the showcase chart loaded through a platform that requires sign-in (every request carries
  the bearer token and is checked) against the same chart with sign-in off;
- a request that meets an expired token (401, refresh, repeat) against a plain request;
- a browser sign-in from the click to the user known (login form posted by a stand-in for the
  browser, code redeemed with PKCE, PractitionerRole read) against one bare token request.
"""

from __future__ import annotations

import statistics

import requests

from tests.bench import median_time


def bench_sign_in(server, now) -> list[tuple[str, float, str, float, str]]:
    """`server`: a running SandboxServer with the demo data (no images)."""
    from app.config import SiteConfig, SourceConfig
    from app.platform.bearer_auth import use_token_source
    from app.sandbox.auth import DEMO_PASSWORD
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID
    from app.services.chart import load_chart
    from app.services.identity import Identity
    from app.services.lookup import PatientQuery, lookup_all
    from app.services.sign_in import PlatformSession
    from app.services.workspace import Workspace
    from tests.helpers.browser import FormBrowser

    site = SiteConfig((SourceConfig("demo", server.fhir_base),), sign_in_method="oidc")
    workspace = Workspace.from_config(site)
    workspace.now = lambda: now
    rows = []
    try:
        person = lookup_all(workspace, PatientQuery.resident_id(SHOWCASE_RESIDENT_ID)).matches[0]
        load_chart(workspace, person)   # warm
        session = PlatformSession(workspace, Identity())

        def browser_sign_in() -> None:
            attempt = session.begin_browser_sign_in()
            FormBrowser("SL0107", DEMO_PASSWORD).open(attempt.url)
            attempt.complete(timeout=10)

        def bare_token() -> None:
            requests.post(f"{server.url}/auth/token", timeout=10,
                          data={"grant_type": "urn:huren:params:oauth:grant-type:demo-account",
                                "username": "prac-sl-liming", "client_id": "huren-workstation"}).raise_for_status()

        server.auth.required = True
        signing_in = median_time(browser_sign_in, 5)
        one_token = median_time(bare_token, 5)

        def chart_time(secured: bool) -> float:
            """One chart load with sign-in on or off; the two alternate, so load on the machine hits both."""
            server.auth.required = secured
            use_token_source(session if secured else None)
            return median_time(lambda: load_chart(workspace, person), 1)

        pairs = [(chart_time(True), chart_time(False)) for _ in range(21)]
        secured_chart = statistics.median(p[0] for p in pairs)
        open_chart = statistics.median(p[1] for p in pairs)
        server.auth.required = True
        use_token_source(session)
        client = workspace.sources[0].client
        plain = median_time(lambda: client.read("Patient", person.primary.key.id), 15)

        def expired() -> None:
            server.auth.expire_access_tokens()
            client.read("Patient", person.primary.key.id)

        renewing = median_time(expired, 15)
        chart = load_chart(workspace, person)
        assert chart.reports and all(o.state.value == "ok" for o in chart.outcomes)
        rows += [
            ("chart with sign-in required (token on every request)", secured_chart, "same chart, sign-in off",
             open_chart, "target ≤ 1.1"),
            ("a read meeting an expired token (401, refresh, repeat)", renewing, "a plain read", plain, ""),
            ("browser sign-in: form, code + PKCE, role", signing_in, "one bare token request", one_token, ""),
        ]
    finally:
        server.auth.required = False
        use_token_source(None)
        workspace.close()
    return rows
