"""The key-slots file: the database's random data key, stored only wrapped, one slot per account.

LUKS-style. Each slot owns an X25519 key pair. Its private key is sealed (AES-GCM) under a key
derived from the slot's secret (a user's password, or the recovery key) with Argon2id; the data
key is sealed to the slot's *public* key (X25519 + HKDF + AES-GCM). So:

- log-in derives the password key, opens the private key, then the data key (one Argon2id run);
- a password change replaces that slot alone (new salt, new key pair);
- an admin can add a slot for a new user, and ``rekey`` can seal a new data key to every slot,
  without knowing anyone else's password;
- the whole file carries an HMAC under a key derived from the data key, so a slot swapped in
  behind the application's back (to catch the next rekey) is detected at the next log-in.

A rekey first records the new key in every slot as ``next`` (so a crash between the database's
re-encryption and the file's rewrite can still open the database), then drops the old one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from border_client.storage.errors import KeySlotsDamaged, UnknownAccount, WrongPassword

__all__ = [
    "KDF_DEFAULT",
    "KdfParams",
    "KeySlots",
    "Slot",
    "format_recovery_key",
    "new_data_key",
    "new_recovery_key",
    "parse_recovery_key",
]

FILE_FORMAT = "border-client-keyslots"
FILE_VERSION = 1
RECOVERY_SLOT = "recovery"
DATA_KEY_BYTES = 32


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: 64 MiB, 2 passes, 1 lane.

    Measured here: ~170 ms idle, ~330 ms with both cores busy, leaving room in the 500 ms log-in
    target; 3 passes took 250/470 ms. Well above OWASP's minimum (19 MiB, 2 passes).
    """

    time_cost: int = 2
    memory_cost: int = 64 * 1024  # KiB
    parallelism: int = 1

    def derive(self, secret: bytes, salt: bytes) -> bytes:
        return hash_secret_raw(
            secret,
            salt,
            time_cost=self.time_cost,
            memory_cost=self.memory_cost,
            parallelism=self.parallelism,
            hash_len=32,
            type=Type.ID,
        )


KDF_DEFAULT = KdfParams()


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def new_recovery_key() -> bytes:
    return secrets.token_bytes(20)  # 160 bits: 32 base32 characters, 8 groups of 4


def format_recovery_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    # People copy by hand: 0/1/8 are not in base32, read them as the letters they resemble.
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    if len(cleaned) != 32:
        raise WrongPassword("the recovery key must have 32 letters and digits (8 groups of 4)")
    try:
        return base64.b32decode(cleaned)
    except ValueError as exc:
        raise WrongPassword("the recovery key is not valid (letters A-Z and digits 2-7)") from exc


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, what: str, path: Path) -> bytes:
    if not isinstance(text, str):
        raise KeySlotsDamaged(path, f"{what} is missing")
    try:
        return base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise KeySlotsDamaged(path, f"{what} is not valid base64") from exc


def _hkdf(shared: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _raw_private(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


@dataclass
class Slot:
    """One account's way in: a sealed private key and the data key(s) sealed to its public key."""

    name: str  # the user name, or "recovery"
    kdf: KdfParams
    salt: bytes
    public_key: bytes
    sealed_private: dict[str, bytes]  # nonce, ciphertext
    sealed_data_keys: dict[str, dict[str, bytes]] = field(default_factory=dict)  # "current"/"next"

    @property
    def is_recovery(self) -> bool:
        return self.name == RECOVERY_SLOT

    @classmethod
    def create(cls, name: str, secret: bytes, kdf: KdfParams) -> tuple[Slot, X25519PrivateKey]:
        private = X25519PrivateKey.generate()
        public = _raw_public(private.public_key())
        salt = secrets.token_bytes(16)
        kek = kdf.derive(secret, salt)
        nonce = secrets.token_bytes(12)
        sealed = AESGCM(kek).encrypt(nonce, _raw_private(private), cls._aad(name, public))
        slot = cls(name, kdf, salt, public, {"nonce": nonce, "ciphertext": sealed})
        return slot, private

    @staticmethod
    def _aad(name: str, public: bytes) -> bytes:
        return b"border-client slot\x00" + name.encode("utf-8") + b"\x00" + public

    def open_private(self, secret: bytes) -> X25519PrivateKey:
        kek = self.kdf.derive(secret, self.salt)
        try:
            raw = AESGCM(kek).decrypt(
                self.sealed_private["nonce"],
                self.sealed_private["ciphertext"],
                self._aad(self.name, self.public_key),
            )
        except InvalidTag:
            raise WrongPassword("wrong user name or password") from None
        return X25519PrivateKey.from_private_bytes(raw)

    def seal_data_key(self, data_key: bytes, which: str = "current") -> None:
        ephemeral = X25519PrivateKey.generate()
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(self.public_key))
        eph_pub = _raw_public(ephemeral.public_key())
        key = _hkdf(shared, b"border-client data key\x00" + eph_pub + self.public_key)
        nonce = secrets.token_bytes(12)
        ciphertext = AESGCM(key).encrypt(nonce, data_key, self.name.encode("utf-8"))
        self.sealed_data_keys[which] = {
            "ephemeral_public": eph_pub,
            "nonce": nonce,
            "ciphertext": ciphertext,
        }

    def open_data_key(self, private: X25519PrivateKey, which: str = "current") -> bytes:
        sealed = self.sealed_data_keys[which]
        shared = private.exchange(X25519PublicKey.from_public_bytes(sealed["ephemeral_public"]))
        key = _hkdf(shared, b"border-client data key\x00" + sealed["ephemeral_public"] + self.public_key)
        try:
            return AESGCM(key).decrypt(sealed["nonce"], sealed["ciphertext"], self.name.encode())
        except InvalidTag:
            raise KeySlotsDamaged(None, f"the data key in slot {self.name!r} is corrupt") from None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kdf": {
                "name": "argon2id",
                "time_cost": self.kdf.time_cost,
                "memory_cost": self.kdf.memory_cost,
                "parallelism": self.kdf.parallelism,
                "salt": _b64(self.salt),
            },
            "public_key": _b64(self.public_key),
            "sealed_private": {k: _b64(v) for k, v in self.sealed_private.items()},
            "sealed_data_keys": {
                which: {k: _b64(v) for k, v in parts.items()}
                for which, parts in sorted(self.sealed_data_keys.items())
            },
        }

    @classmethod
    def from_json(cls, obj: Any, path: Path) -> Slot:
        if not isinstance(obj, dict) or not isinstance(obj.get("name"), str):
            raise KeySlotsDamaged(path, "a slot has no name")
        name = obj["name"]
        kdf = obj.get("kdf")
        if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
            raise KeySlotsDamaged(path, f"slot {name!r} has no Argon2id parameters")
        try:
            params = KdfParams(int(kdf["time_cost"]), int(kdf["memory_cost"]), int(kdf["parallelism"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise KeySlotsDamaged(path, f"slot {name!r} has bad Argon2id parameters") from exc
        sealed_private = obj.get("sealed_private")
        sealed_keys = obj.get("sealed_data_keys")
        if not isinstance(sealed_private, dict) or not isinstance(sealed_keys, dict):
            raise KeySlotsDamaged(path, f"slot {name!r} is incomplete")
        if "current" not in sealed_keys:
            raise KeySlotsDamaged(path, f"slot {name!r} holds no data key")
        return cls(
            name=name,
            kdf=params,
            salt=_unb64(kdf.get("salt"), f"slot {name!r} salt", path),
            public_key=_unb64(obj.get("public_key"), f"slot {name!r} public key", path),
            sealed_private={
                k: _unb64(sealed_private.get(k), f"slot {name!r} {k}", path) for k in ("nonce", "ciphertext")
            },
            sealed_data_keys={
                which: {
                    k: _unb64(
                        parts.get(k) if isinstance(parts, dict) else None,
                        f"slot {name!r} {which} {k}",
                        path,
                    )
                    for k in ("ephemeral_public", "nonce", "ciphertext")
                }
                for which, parts in sealed_keys.items()
            },
        )


@dataclass
class Unlocked:
    """What a successful unlock yields: the data key, and a newer one if a rekey was interrupted."""

    slot: str
    data_key: bytes
    next_data_key: bytes | None


class KeySlots:
    """The key-slots file beside the database (``keyslots.json``)."""

    def __init__(self, path: Path, slots: list[Slot], mac: bytes | None = None) -> None:
        self.path = path
        self.slots = slots
        self._mac = mac

    # -- file -----------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path) -> KeySlots:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise KeySlotsDamaged(path, "the file is missing (is this a post's data folder?)") from None
        except OSError as exc:
            raise KeySlotsDamaged(path, f"cannot be read: {exc.strerror}") from None
        try:
            obj = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise KeySlotsDamaged(path, "the file is damaged (not valid JSON)") from None
        if not isinstance(obj, dict) or obj.get("format") != FILE_FORMAT:
            raise KeySlotsDamaged(path, "the file is not a border-client key-slots file")
        if obj.get("version") != FILE_VERSION:
            raise KeySlotsDamaged(path, f"unsupported key-slots version {obj.get('version')!r}")
        slots_obj = obj.get("slots")
        if not isinstance(slots_obj, list) or not slots_obj:
            raise KeySlotsDamaged(path, "the file holds no slots")
        slots = [Slot.from_json(s, path) for s in slots_obj]
        mac = _unb64(obj.get("mac"), "the integrity code", path)
        return cls(path, slots, mac)

    def _body(self) -> dict[str, Any]:
        return {
            "format": FILE_FORMAT,
            "version": FILE_VERSION,
            "cipher": "sqlcipher4 raw 256-bit key",
            "slots": [s.to_json() for s in self.slots],
        }

    @staticmethod
    def _mac_for(body: dict[str, Any], data_key: bytes) -> bytes:
        mac_key = _hkdf(data_key, b"border-client keyslots mac")
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
        return hmac.new(mac_key, canonical, hashlib.sha256).digest()

    def save(self, data_key: bytes) -> None:
        """Write atomically (temp file, fsync, rename, fsync of the folder)."""
        body = self._body()
        self._mac = self._mac_for(body, data_key)
        body["mac"] = _b64(self._mac)
        text = json.dumps(body, indent=1, sort_keys=True).encode("utf-8")
        folder = self.path.parent
        fd, tmp = tempfile.mkstemp(prefix=".keyslots-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    def verify_mac(self, *data_keys: bytes | None) -> None:
        """Check the file's integrity code under any of the keys (two during a rekey)."""
        body = self._body()
        ok = self._mac is not None and any(
            hmac.compare_digest(self._mac_for(body, key), self._mac) for key in data_keys if key is not None
        )
        if not ok:
            raise KeySlotsDamaged(
                self.path, "the file was changed outside the application (integrity check failed)"
            )

    # -- slots ----------------------------------------------------------------------------

    def find(self, name: str) -> Slot | None:
        return next((s for s in self.slots if s.name == name), None)

    def user_names(self) -> list[str]:
        return [s.name for s in self.slots if not s.is_recovery]

    def unlock(self, name: str, secret: bytes) -> Unlocked:
        slot = self.find(name)
        if slot is None:
            # Spend the same time as a real attempt: the answer must not tell which names exist.
            (self.slots[0].kdf if self.slots else KDF_DEFAULT).derive(secret, b"\x00" * 16)
            raise UnknownAccount("wrong user name or password")
        private = slot.open_private(secret)
        try:
            current = slot.open_data_key(private, "current")
            nxt = slot.open_data_key(private, "next") if "next" in slot.sealed_data_keys else None
        except KeySlotsDamaged as exc:
            raise KeySlotsDamaged(self.path, exc.reason) from None
        return Unlocked(slot.name, current, nxt)

    def put_slot(self, name: str, secret: bytes, data_key: bytes, kdf: KdfParams | None = None) -> None:
        """Create or replace the slot called ``name``; the rest are untouched."""
        slot, _ = Slot.create(name, secret, kdf or KDF_DEFAULT)
        slot.seal_data_key(data_key)
        self.slots = [s for s in self.slots if s.name != name] + [slot]

    def remove_slot(self, name: str) -> None:
        if self.find(name) is None:
            raise UnknownAccount(f"no key slot for {name!r}")
        self.slots = [s for s in self.slots if s.name != name]

    def stage_next_key(self, next_key: bytes) -> None:
        for slot in self.slots:
            slot.seal_data_key(next_key, "next")

    def promote_next_key(self) -> None:
        for slot in self.slots:
            slot.sealed_data_keys["current"] = slot.sealed_data_keys.pop("next")

    def drop_next_key(self) -> None:
        for slot in self.slots:
            slot.sealed_data_keys.pop("next", None)

    @classmethod
    def create(cls, path: Path) -> KeySlots:
        return cls(path, [])
