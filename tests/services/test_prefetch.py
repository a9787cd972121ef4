"""The prefetch of reminded studies on the demo platform's DICOMweb: every instance lands in the
image cache, a second run fetches nothing, and a cancel stops it between instances."""

from __future__ import annotations

import pytest

from app.config import SiteConfig, SourceConfig
from app.platform.dicomweb import DicomWebClient
from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID, VIEWING_ORGANIZATION_ID, VIEWING_REGION
from app.sandbox.demo_studies import study_uid
from app.services.chart import load_chart
from app.services.image_loading import DicomWebStudySource
from app.services.lookup import PatientQuery, lookup_all
from app.services.workspace import Workspace
from app.services.workstation import Workstation
from tests.conftest import ANCHOR

SEED = 20261122


@pytest.fixture
def station(demo_platform, tmp_path):
    ws = Workspace.from_config(SiteConfig((SourceConfig("demo", demo_platform.fhir_base),),
                                          organization=VIEWING_ORGANIZATION_ID, region=VIEWING_REGION))
    ws.now = lambda: ANCHOR
    station = Workstation(ws, folder=tmp_path)
    yield station
    station.close()
    ws.close()


@pytest.fixture
def studies(station):
    person = lookup_all(station.workspace, PatientQuery.from_text(SHOWCASE_RESIDENT_ID)).matches[0]
    chart = load_chart(station.workspace, person)
    return {key: next(a.study for a in chart.studies if a.study.uid == study_uid(key, SEED, ANCHOR))
            for key in ("zw-ct-head", "zw-ct-chest")}


def _on_server(study) -> dict[str, set[str]]:
    """Every instance of the study as its DICOMweb service lists it, by series."""
    with DicomWebClient(study.dicomweb_base) as client:
        return {s.uid: {i.uid for i in client.instances(study.uid, s.uid)} for s in client.series(study.uid)}


def _cached(station, study) -> dict[str, set[str]]:
    return {uid: station.image_cache.cached_instances(study.uid, uid) for uid in _on_server(study)}


def test_a_prefetched_study_is_wholly_in_the_cache_and_a_second_run_fetches_nothing(station, studies):
    head = studies["zw-ct-head"]
    expected = _on_server(head)
    assert _cached(station, head) == {uid: set() for uid in expected}
    handle = station.prefetch([head])
    assert handle is not None and handle.wait(120)
    assert _cached(station, head) == expected
    total = sum(len(v) for v in expected.values())
    assert handle.progress.fetched == total and handle.progress.failed == 0
    # The viewer's path finds them there: the whole study streams from a server that is gone.
    offline = DicomWebStudySource(head.uid, DicomWebClient("http://127.0.0.1:9/dicom-web", timeout=2),
                                  station.image_cache, known_series=head.series)
    streamed = {d.info.sop_instance_uid for s in offline.list_series() for d in offline.stream(s, lambda: False)}
    assert streamed == set().union(*expected.values())
    again = station.prefetch([head])
    assert again is not handle and again is not None and again.wait(60)
    assert again.progress.fetched == 0 and again.progress.skipped == total


def test_a_cancel_stops_the_prefetch_between_instances_without_error(station, studies):
    chest = studies["zw-ct-chest"]
    total = sum(len(v) for v in _on_server(chest).values())
    handle = station.prefetch([chest])
    assert handle is not None
    while handle.progress.fetched < 3:
        assert not handle.wait(0.01), "the prefetch ended before it could be cancelled"
    handle.cancel()
    held = sum(len(v) for v in _cached(station, chest).values())
    assert handle.wait(30) and handle.cancelled and handle.progress.failed == 0
    assert 3 <= held < total
    assert sum(len(v) for v in _cached(station, chest).values()) == held   # nothing written after the cancel


def test_another_prefetch_or_none_cancels_the_running_one_and_the_same_keeps_it(station, studies):
    chest, head = studies["zw-ct-chest"], studies["zw-ct-head"]
    first = station.prefetch([chest])
    assert first is not None and station.prefetch([chest]) is first
    second = station.prefetch([head])
    assert first.cancelled and first.wait(30) and second is not None and not second.cancelled
    assert station.prefetch(()) is None and second.cancelled


def test_signing_out_cancels_the_prefetch_before_the_cache_is_cleared(station, studies):
    from app.services.identity import available_users

    station.sign_in(available_users(station.workspace)[0])
    handle = station.prefetch([studies["zw-ct-chest"]])
    assert handle is not None
    station.sign_out()
    assert handle.cancelled and handle.wait(30)


def test_the_prefetch_waits_while_the_viewer_streams_a_series(station, studies):
    head, chest = studies["zw-ct-head"], studies["zw-ct-chest"]
    viewer = DicomWebStudySource.for_study(head, None)
    series = next(s for s in viewer.list_series() if s.instance_count > 1)
    stream = viewer.stream(series, lambda: False)
    next(stream)                                    # the doctor's series is on the wire
    handle = station.prefetch([chest])
    assert handle is not None and not handle.wait(1.0)
    assert handle.progress.fetched == 0             # it waited, fetching nothing meanwhile
    stream.close()                                  # the viewer has what it asked for (or was closed)
    deadline = 30.0
    while handle.progress.fetched == 0 and deadline > 0:
        handle.wait(0.05)
        deadline -= 0.05
    assert handle.progress.fetched > 0
    viewer.close()
