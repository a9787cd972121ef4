"""Another program's JSON: bounded in depth, long strings cut, large answers parsed without freezing others."""

from __future__ import annotations

import gc
import json
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.fhir_json import LARGE_JSON, MAX_TEXT, cut_long_strings, cut_text, parse_json

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=30)


def padded(value: object) -> bytes:
    """`value` inside an answer larger than LARGE_JSON: the stepping parser's path."""
    return json.dumps({"value": value, "pad": ["x" * 1000] * (LARGE_JSON // 1000 + 1)},
                      ensure_ascii=False).encode("utf-8")


@settings(max_examples=60, deadline=None)
@given(JSON_VALUES)
def test_a_large_answer_parses_exactly_as_the_standard_parser_does(value):
    data = padded(value)
    assert len(data) > LARGE_JSON
    assert parse_json(data) == json.loads(data)


@pytest.mark.parametrize("ascii_only", [True, False])
def test_strings_longer_than_the_limit_come_cut_escapes_and_all(ascii_only):
    tricky = ["张伟" * (MAX_TEXT // 2 + 10), 'a\\"b' * (MAX_TEXT // 3 + 5), "\\u5f20" * (MAX_TEXT // 5),
              "é" * MAX_TEXT * 2,
              # longer than MAX_TEXT_BYTES: cut in the bytes before decoding, wherever the cut falls
              "张伟" * MAX_TEXT, "\\u5f20" * MAX_TEXT, "x\\\\" * MAX_TEXT, "W" * 20_000_000]
    for raw in tricky:
        literal = raw if "\\" in raw else json.dumps(raw, ensure_ascii=ascii_only)[1:-1]
        data = ('{"name": "' + literal + '", "after": [1, "two"], "pad": "' + "y" * LARGE_JSON + '"}').encode()
        parsed = parse_json(data)
        whole = json.loads(data)
        assert parsed["after"] == [1, "two"]                       # the rest of the answer reads on
        assert parsed["name"].endswith("…") and len(parsed["name"]) <= MAX_TEXT + 1
        assert whole["name"].startswith(parsed["name"][:-1])         # a prefix of the real string, never garbage


def test_deep_nesting_and_broken_input_are_value_errors_on_both_paths():
    for data in (b"[" * 50_000 + b"]" * 50_000, b"[" * (LARGE_JSON + 10) + b"]" * (LARGE_JSON + 10)):
        with pytest.raises(ValueError, match="nested too deeply"):
            parse_json(data)
    for data in (b'{"a": "unterminated', b'{"a": "' + b"x" * (LARGE_JSON + 5), b"\xff\xfe\x00garbage" * 10):
        with pytest.raises(ValueError):
            parse_json(data)


def longest_wait(parse, data: bytes) -> float:
    """The longest a ticking thread waits while `parse` runs (garbage collection paused: its pauses
    depend on everything else the process holds, not on the parser)."""
    gaps = []
    done = threading.Event()

    def tick():
        last = time.perf_counter()
        while not done.is_set():
            time.sleep(0.002)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    ticker = threading.Thread(target=tick)
    gc.disable()
    ticker.start()
    try:
        parsed = parse(data)
    finally:
        done.set()
        ticker.join()
        gc.enable()
    assert len(parsed["entry"]) == 60_000
    return max(gaps)


def test_a_large_answer_leaves_other_threads_room():
    """The C parser holds the interpreter lock throughout; the stepping one lets a ticking thread in."""
    obs = {"resourceType": "Observation", "id": "x" * 36, "status": "final",
           "code": {"coding": [{"system": "http://loinc.org", "code": "2823-3"}]},
           "valueQuantity": {"value": 4.1, "unit": "mmol/L"}}
    data = json.dumps({"entry": [{"resource": obs}] * 60_000}).encode()
    stepping, whole = longest_wait(parse_json, data), longest_wait(json.loads, data)
    assert stepping < 0.06, f"another thread waited {stepping * 1000:.0f} ms"
    assert whole > 2 * stepping      # the control: the C parser alone would have kept it waiting


def test_cut_long_strings_keeps_payloads_and_cut_text_marks_the_cut():
    node = {"name": [{"text": "W" * 100}], "content": [{"attachment": {"data": "A" * 100}}], "list": ["B" * 100]}
    cut_long_strings(node, limit=10)
    assert node["name"][0]["text"] == "W" * 10 + "…" and node["list"][0] == "B" * 10 + "…"
    assert node["content"][0]["attachment"]["data"] == "A" * 100
    assert cut_text("short", 10) == "short"


def test_a_large_binary_keeps_its_payload_whole():
    """Base64 `data` (a printed report's PDF) is what a document is made of: never cut, on either path."""
    import base64

    pdf = bytes(range(256)) * 12_000                         # 3 MB: the answer takes the stepping path
    data = base64.b64encode(pdf).decode("ascii")
    answer = json.dumps({"resourceType": "Binary", "contentType": "application/pdf", "data": data,
                         "note": "W" * (MAX_TEXT * 5)}).encode()
    assert len(answer) > LARGE_JSON
    parsed = parse_json(answer)
    assert base64.b64decode(parsed["data"]) == pdf
    assert parsed["note"].endswith("…") and len(parsed["note"]) <= MAX_TEXT + 1   # other text is still cut
