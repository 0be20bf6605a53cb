from __future__ import annotations

import json
from pathlib import Path

import pytest

from border_client.storage.errors import KeySlotsDamaged, UnknownAccount, WrongPassword
from border_client.storage.keyslots import (
    KeySlots,
    format_recovery_key,
    new_data_key,
    new_recovery_key,
    parse_recovery_key,
)


def make(tmp_path: Path) -> tuple[KeySlots, bytes]:
    key = new_data_key()
    slots = KeySlots.create(tmp_path / "keyslots.json")
    slots.put_slot("ann", b"ann-password", key)
    slots.put_slot("bob", b"bob-password", key)
    slots.save(key)
    return KeySlots.load(tmp_path / "keyslots.json"), key


def test_each_user_unwraps_the_same_data_key(tmp_path: Path) -> None:
    slots, key = make(tmp_path)
    assert slots.unlock("ann", b"ann-password").data_key == key
    assert slots.unlock("bob", b"bob-password").data_key == key
    slots.verify_mac(key)


def test_wrong_password_and_unknown_user_are_refused(tmp_path: Path) -> None:
    slots, _ = make(tmp_path)
    with pytest.raises(WrongPassword):
        slots.unlock("ann", b"bob-password")
    with pytest.raises(UnknownAccount):
        slots.unlock("carol", b"whatever")


def test_file_holds_no_key_material_in_clear(tmp_path: Path) -> None:
    slots, key = make(tmp_path)
    raw = (tmp_path / "keyslots.json").read_bytes()
    assert key.hex().encode() not in raw and key not in raw
    assert b"ann-password" not in raw


def test_password_change_rewraps_only_that_slot(tmp_path: Path) -> None:
    slots, key = make(tmp_path)
    bob_before = json.dumps(slots.find("bob").to_json())  # type: ignore[union-attr]
    slots.put_slot("ann", b"new-password", key)
    slots.save(key)
    again = KeySlots.load(tmp_path / "keyslots.json")
    assert again.unlock("ann", b"new-password").data_key == key
    with pytest.raises(WrongPassword):
        again.unlock("ann", b"ann-password")
    assert json.dumps(again.find("bob").to_json()) == bob_before  # type: ignore[union-attr]


def test_swapped_slot_is_detected_by_the_mac(tmp_path: Path) -> None:
    slots, key = make(tmp_path)
    # An attacker with file access replaces bob's slot by one whose password they know.
    other = KeySlots.create(tmp_path / "x.json")
    other.put_slot("bob", b"attacker", new_data_key())
    doc = json.loads((tmp_path / "keyslots.json").read_text())
    doc["slots"] = [s for s in doc["slots"] if s["name"] != "bob"] + [other.slots[0].to_json()]
    (tmp_path / "keyslots.json").write_text(json.dumps(doc))
    tampered = KeySlots.load(tmp_path / "keyslots.json")
    with pytest.raises(KeySlotsDamaged, match="changed outside"):
        tampered.verify_mac(key)


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "not valid JSON"),
        (b'{"format": "other"}', "not a border-client key-slots file"),
        (b"\x00\xff garbage", "not valid JSON"),
    ],
)
def test_damaged_file_names_the_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "keyslots.json"
    path.write_bytes(content)
    with pytest.raises(KeySlotsDamaged, match=message) as info:
        KeySlots.load(path)
    assert str(path) in str(info.value)


def test_truncated_slot_is_reported(tmp_path: Path) -> None:
    make(tmp_path)
    path = tmp_path / "keyslots.json"
    doc = json.loads(path.read_text())
    del doc["slots"][0]["sealed_private"]
    path.write_text(json.dumps(doc))
    with pytest.raises(KeySlotsDamaged, match="incomplete"):
        KeySlots.load(path)


def test_recovery_key_round_trip_tolerates_hand_copying() -> None:
    raw = new_recovery_key()
    text = format_recovery_key(raw)
    assert len(text.split("-")) == 8
    assert parse_recovery_key(text.lower().replace("-", " ")) == raw
    with pytest.raises(WrongPassword):
        parse_recovery_key("ABCD-EFGH")
