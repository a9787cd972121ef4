"""Records at rest: sealed with the keyring's key, readable as before, never silently lost."""

from __future__ import annotations

import keyring
import pytest
from cryptography.fernet import Fernet
from keyring.backends import chainer, fail, null

from app.platform.sealing import (
    BYTES_MAGIC,
    KEYRING_NAME,
    PREFIX,
    SealedDataUnreadable,
    Sealer,
    StorageRefused,
    load_sealer,
    store_sealer,
)
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
    with pytest.raises(SealedDataUnreadable, match="sealed with a key this workstation does not hold"):
        Sealer(Fernet.generate_key()).open(sealed)


def test_no_key_at_all_raises_a_clear_error_for_sealed_records():
    sealed = Sealer(Fernet.generate_key()).seal('{"a": 1}')
    with pytest.raises(SealedDataUnreadable, match="no key is available"):
        Sealer(reason="no system keyring: no keyring backend (Keyring)").open(sealed)


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


def test_the_process_sealer_is_made_once_per_keyring(memory_keyring, tmp_path):
    sealer = store_sealer("refuse", tmp_path / "store.key")
    assert sealer.encrypted and not sealer.unprotected and store_sealer("refuse", tmp_path / "store.key") is sealer
    assert not (tmp_path / "store.key").exists()     # with a keyring, no key file is ever made


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
def test_without_a_system_keyring_the_keyring_sealer_is_plain_and_says_why(backend, monkeypatch):
    if isinstance(backend, chainer.ChainerBackend):
        monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        sealer = load_sealer()
    finally:
        keyring.set_keyring(previous)
    assert not sealer.encrypted
    assert sealer.reason.startswith("no system keyring: ")
    assert sealer.seal('{"a": 1}') == '{"a": 1}'


def test_a_keyring_error_gives_a_plain_sealer(memory_keyring, monkeypatch):
    from keyring.errors import KeyringLocked

    def locked(*_):
        raise KeyringLocked("the collection is locked")

    monkeypatch.setattr(memory_keyring, "get_password", locked)
    sealer = load_sealer()
    assert not sealer.encrypted
    assert sealer.reason.startswith("no system keyring: ")
    assert "locked" in sealer.reason


# --- the site's rule without a keyring (conftest gives every test no keyring) -------------------------

def test_without_a_keyring_a_site_that_did_not_choose_otherwise_opens_no_patient_data(tmp_path):
    with pytest.raises(StorageRefused) as refused:
        store_sealer("refuse", tmp_path / "data" / "store.key")
    message = str(refused.value)
    assert "opens no patient data" in message and "no keyring backend" in message
    assert "gnome-keyring" in message and 'without_keyring = "unprotected"' in message   # what to install, or do
    assert not (tmp_path / "data").exists()       # nothing written


def test_the_unprotected_workstation_still_seals_with_a_private_key_file(tmp_path):
    key_file = tmp_path / "data" / "store.key"
    sealer = store_sealer("unprotected", key_file)
    assert sealer.encrypted and sealer.unprotected
    assert "unprotected workstation" in sealer.reason and str(key_file) in sealer.reason
    assert oct(key_file.stat().st_mode & 0o777) == "0o600" and oct(key_file.parent.stat().st_mode & 0o777) == "0o700"
    sealed = sealer.seal(f'{{"display": "{NAME}"}}')
    assert NAME not in sealed
    # Another process (no cache) finds the same key in the file.
    again = Sealer(key_file.read_bytes().strip())
    assert again.open(sealed) == f'{{"display": "{NAME}"}}'


def test_a_key_file_others_may_read_is_refused_not_used(tmp_path):
    key_file = tmp_path / "data" / "store.key"
    store_sealer("unprotected", key_file)
    key_file.chmod(0o644)
    import app.platform.sealing as sealing
    sealing._cached = None
    with pytest.raises(StorageRefused, match="may be read by other users"):
        store_sealer("unprotected", key_file)


def test_a_key_file_that_is_a_link_is_refused(tmp_path):
    (tmp_path / "data").mkdir(mode=0o700)
    (tmp_path / "elsewhere").write_bytes(Fernet.generate_key())
    (tmp_path / "data" / "store.key").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(StorageRefused, match="cannot be used|cannot be read"):
        store_sealer("unprotected", tmp_path / "data" / "store.key")


def test_bytes_are_sealed_with_a_fresh_nonce_and_tampering_is_caught():
    sealer = Sealer(Fernet.generate_key())
    pixels = NAME.encode("utf-8") * 1000
    sealed = sealer.seal_bytes(pixels)
    assert sealed.startswith(BYTES_MAGIC) and NAME.encode("utf-8") not in sealed
    assert sealer.open_bytes(sealed) == pixels and sealer.seal_bytes(pixels) != sealed
    broken = bytearray(sealed)
    broken[-40] ^= 1
    with pytest.raises(SealedDataUnreadable):
        sealer.open_bytes(bytes(broken))
    with pytest.raises(SealedDataUnreadable, match="does not hold"):
        Sealer(Fernet.generate_key()).open_bytes(sealed)
    with pytest.raises(SealedDataUnreadable, match="no key is available"):
        Sealer().open_bytes(sealed)
    with pytest.raises(SealedDataUnreadable, match="not sealed"):
        sealer.open_bytes(pixels)                 # plain bytes where sealed ones belong: not taken
    assert Sealer().open_bytes(pixels) == pixels  # a plain Sealer (no key at all) reads them
