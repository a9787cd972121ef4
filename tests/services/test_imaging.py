"""Imaging through the services on the demo platform: studies judged by the rules, images
streamed once and then read from the disk cache without the network."""

from __future__ import annotations

import pytest

from app.config import SiteConfig, SourceConfig
from app.domain.recognition import Reason
from app.platform.dicomweb import DicomWebClient
from app.platform.image_cache import ImageCache
from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID
from app.sandbox.demo_studies import study_uid
from app.services.chart import load_chart
from app.services.image_loading import DicomWebStudySource, Unreadable, study_thumbnail
from app.services.lookup import PatientQuery, lookup_all
from app.services.workspace import Workspace
from tests.conftest import ANCHOR

SEED = 20261122


@pytest.fixture(scope="module")
def chart(demo_platform):
    from app.sandbox import demo_data

    ws = Workspace.from_config(SiteConfig((SourceConfig("demo", demo_platform.fhir_base),),
                                          organization=demo_data.VIEWING_ORGANIZATION_ID,
                                          region=demo_data.VIEWING_REGION))
    ws.now = lambda: ANCHOR
    person = lookup_all(ws, PatientQuery.resident_id(SHOWCASE_RESIDENT_ID)).matches[0]
    yield load_chart(ws, person)
    ws.close()


def _study(chart, key):
    uid = study_uid(key, SEED, ANCHOR)
    return next(a for a in chart.studies if a.study.uid == uid)


def test_each_demo_study_gets_the_verdict_its_case_calls_for(chart):
    assert not chart.problems
    ct = _study(chart, "zw-ct-chest")
    assert ct.verdict.recognized and ct.verdict.mark and ct.verdict.item.code.startswith("IMG-")
    assert Reason.TOO_OLD in _study(chart, "zw-ct-chest-prior").verdict.reasons
    assert Reason.NOT_FINAL in _study(chart, "zw-mr-brain").verdict.reasons
    assert Reason.ISSUER_NOT_QUALIFIED in _study(chart, "zw-dx-chest").verdict.reasons
    assert not _study(chart, "zw-us-abdomen").verdict.recognized
    dates = [a.study.started for a in chart.studies]
    assert dates == sorted(dates, reverse=True)


def test_a_study_streams_once_then_opens_from_the_cache_without_network(chart, tmp_path):
    head = _study(chart, "zw-ct-head").study
    cache = ImageCache(tmp_path / "cache", 1 << 30)
    source = DicomWebStudySource.for_study(head, cache)
    (series,) = [s for s in source.list_series() if s.instance_count > 1]
    first = [d for d in source.stream(series, lambda: False)]
    assert len(first) == series.instance_count and not any(isinstance(d, Unreadable) for d in first)
    cache.flush()   # the cache is written on its own thread, off the series' way to the screen
    assert cache.cached_instances(head.uid, series.uid) == {d.info.sop_instance_uid for d in first}
    # A second opening against a server that is gone: everything comes from the disk.
    offline = DicomWebStudySource(head.uid, DicomWebClient("http://127.0.0.1:9/dicom-web", timeout=2), cache)
    again = list(offline.stream(series, lambda: False))
    assert sorted(d.info.sop_instance_uid for d in again) == sorted(d.info.sop_instance_uid for d in first)
    assert all((a.pixels == b.pixels).all() for a, b in zip(
        sorted(first, key=lambda d: d.info.sop_instance_uid), sorted(again, key=lambda d: d.info.sop_instance_uid),
        strict=True))


def test_cancelling_stops_the_stream_between_instances(chart):
    head = _study(chart, "zw-ct-head").study
    source = DicomWebStudySource.for_study(head, None)
    (series,) = [s for s in source.list_series() if s.instance_count > 1]
    got = []
    for item in source.stream(series, lambda: len(got) >= 3):
        got.append(item)
    assert len(got) == 3


def test_study_thumbnail_is_an_image_or_none(chart):
    png = study_thumbnail(_study(chart, "zw-ct-chest").study)
    assert png is not None and (png.startswith(b"\x89PNG\r\n\x1a\n") or png.startswith(b"\xff\xd8"))
    broken = _study(chart, "zw-ct-chest").study
    from dataclasses import replace
    assert study_thumbnail(replace(broken, dicomweb_base="http://127.0.0.1:9/dicom-web")) is None


def test_a_source_with_a_configured_dicomweb_base_lends_it_to_studies_naming_none(tmp_path):
    from app.config import SiteConfig, SourceConfig
    from app.services.imaging import load_source_studies
    from app.services.workspace import Workspace
    from tests.helpers.servers import json_server

    study = {"resourceType": "ImagingStudy", "id": "st1", "status": "available", "subject": {"reference": "Patient/p1"},
             "identifier": [{"system": "urn:dicom:uid", "value": "urn:oid:1.2.3.4"}],
             "series": [{"uid": "1.2.3.4.1", "modality": {"code": "CT"}, "numberOfInstances": 2}]}
    pages = {"/fhir/ImagingStudy": {"resourceType": "Bundle", "type": "searchset",
                                    "entry": [{"resource": study, "search": {"mode": "match"}}]}}
    with json_server(pages) as server:
        config = SiteConfig((SourceConfig("p", server.fhir_base, dicomweb_base="https://pacs.example/dicom-web"),))
        workspace = Workspace.from_config(config)
        try:
            from app.domain.models import Patient, RecordKey

            patient = Patient(RecordKey("p", "p1"), "", "unknown", None)
            loaded = load_source_studies(workspace.sources[0], patient, workspace)
        finally:
            workspace.close()
    (assessed,) = loaded.studies
    assert assessed.study.dicomweb_base == "https://pacs.example/dicom-web"
