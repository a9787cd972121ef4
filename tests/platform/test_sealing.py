"""Records at rest: sealed with the keyring's key, readable as before, never silently lost."""

from __future__ import annotations

import keyring
import pytest
from cryptography.fernet import Fernet
from keyring.backends import chainer, fail, null

from app.platform.sealing import (KEYRING_NAME, PREFIX, SealedDataUnreadable, Sealer, load_sealer,
                                  sealer_from_keyring)
from app.platform.system_keyring import SERVICE as KEYRING_SERVICE

NAME = "张伟"


def test_sealed_text_reads_back_and_hides_the_name():
    sealer = Sealer(Fernet.generate_key())
    text = f'{{"display": "{NAME}"}}'
    sealed = sealer.seal(text)
    assert sealed.startswith(PREFIX) and NAME not in sealed and sealed.isascii()
    assert sealer.open(sealed) == text
    assert sealer.seal(text) != sealed   # a fresh IV each time


def test_plain_json_from_an_earlier_version_still_reads():
    legacy = f'{{"patient_name": "{NAME}"}}'
    assert Sealer(Fernet.generate_key()).open(legacy) == legacy
    assert Sealer().open("[1, 2]") == "[1, 2]"


def test_a_plain_sealer_stores_text_as_it_is_and_says_why():
    sealer = Sealer()
    assert not sealer.encrypted and sealer.reason
    assert sealer.seal('{"a": 1}') == '{"a": 1}'


def test_another_key_raises_a_clear_error():
    sealed = Sealer(Fernet.generate_key()).seal('{"a": 1}')
    with pytest.raises(SealedDataUnreadable, match="sealed with a key this keyring does not hold"):
        Sealer(Fernet.generate_key()).open(sealed)


def test_no_key_at_all_raises_a_clear_error_for_sealed_records():
    sealed = Sealer(Fernet.generate_key()).seal('{"a": 1}')
    with pytest.raises(SealedDataUnreadable, match="no key is available"):
        Sealer(reason="no system keyring: records are stored unencrypted").open(sealed)


def test_garbage_is_not_taken_for_a_record():
    with pytest.raises(SealedDataUnreadable):
        Sealer(Fernet.generate_key()).open("not json")
    with pytest.raises(SealedDataUnreadable):
        Sealer(Fernet.generate_key()).open(PREFIX + "not-a-token")


def test_the_key_is_made_once_in_the_keyring_and_reused(memory_keyring):
    first = load_sealer()
    assert first.encrypted and first.reason == ""
    assert list(memory_keyring.passwords) == [(KEYRING_SERVICE, KEYRING_NAME)]
    key = memory_keyring.passwords[(KEYRING_SERVICE, KEYRING_NAME)]
    second = load_sealer()
    assert memory_keyring.passwords == {(KEYRING_SERVICE, KEYRING_NAME): key}
    assert second.open(first.seal(NAME + "{")) == NAME + "{"


def test_the_process_sealer_is_made_once_per_keyring(memory_keyring):
    sealer = sealer_from_keyring()
    assert sealer.encrypted and sealer_from_keyring() is sealer


def test_a_key_replaced_in_the_keyring_is_reported_not_overwritten(memory_keyring):
    sealed = load_sealer().seal('{"a": 1}')
    memory_keyring.passwords[(KEYRING_SERVICE, KEYRING_NAME)] = Fernet.generate_key().decode()
    with pytest.raises(SealedDataUnreadable, match="does not hold"):
        load_sealer().open(sealed)


def test_an_invalid_key_in_the_keyring_is_kept_and_explained(memory_keyring):
    memory_keyring.passwords[(KEYRING_SERVICE, KEYRING_NAME)] = "not a key"
    sealer = load_sealer()
    assert not sealer.encrypted and "not a valid key" in sealer.reason
    assert memory_keyring.passwords[(KEYRING_SERVICE, KEYRING_NAME)] == "not a key"


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), chainer.ChainerBackend()],
                         ids=["fail", "null", "empty chainer"])
def test_without_a_system_keyring_records_are_plain_and_the_sealer_says_why(backend, monkeypatch):
    if isinstance(backend, chainer.ChainerBackend):
        monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        sealer = load_sealer()
        assert sealer_from_keyring() is sealer_from_keyring()
        assert not sealer_from_keyring().encrypted
    finally:
        keyring.set_keyring(previous)
    assert not sealer.encrypted
    assert sealer.reason.startswith("no system keyring: records are stored unencrypted; ")
    assert sealer.seal('{"a": 1}') == '{"a": 1}'


def test_a_keyring_error_gives_a_plain_sealer(memory_keyring, monkeypatch):
    from keyring.errors import KeyringLocked

    def locked(*_):
        raise KeyringLocked("the collection is locked")

    monkeypatch.setattr(memory_keyring, "get_password", locked)
    sealer = load_sealer()
    assert not sealer.encrypted
    assert sealer.reason.startswith("no system keyring: records are stored unencrypted; ")
    assert "locked" in sealer.reason
