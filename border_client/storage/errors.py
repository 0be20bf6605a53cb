"""Errors of the post's store, each with a message an operator can act on.

StoreError
 ├── KeySlotsDamaged   the key-slots file is missing, unreadable or tampered with (names the file)
 ├── DatabaseDamaged   the database file cannot be opened or fails its integrity check (names the file)
 ├── StoreNotInitialized  no store in this folder yet
 ├── StoreExists       ``init`` on a folder that already holds a store
 └── AuthError         log-in refused
      ├── WrongPassword
      ├── UnknownAccount
      └── AccountDisabled
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "AccountDisabled",
    "AuthError",
    "DatabaseDamaged",
    "KeySlotsDamaged",
    "StoreError",
    "StoreExists",
    "StoreNotInitialized",
    "UnknownAccount",
    "WrongPassword",
]


class StoreError(Exception):
    """Base of every store error; ``str()`` is fit to show a person."""


class _FileError(StoreError):
    what = "file"

    def __init__(self, path: Path | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        where = f"{self.what} {path}" if path is not None else self.what
        super().__init__(f"{where}: {reason}")


class KeySlotsDamaged(_FileError):
    what = "key-slots file"


class DatabaseDamaged(_FileError):
    what = "database file"


class StoreNotInitialized(StoreError):
    pass


class StoreExists(StoreError):
    pass


class AuthError(StoreError):
    pass


class WrongPassword(AuthError):
    pass


class UnknownAccount(AuthError):
    pass


class AccountDisabled(AuthError):
    pass
