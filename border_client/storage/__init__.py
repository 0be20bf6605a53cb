"""The post's encrypted store: SQLCipher database, key slots, typed models, migrations."""

from border_client.storage.db import Store, StorePaths
from border_client.storage.errors import (
    AccountDisabled,
    AuthError,
    DatabaseDamaged,
    KeySlotsDamaged,
    StoreError,
    StoreExists,
    StoreNotInitialized,
    UnknownAccount,
    WrongPassword,
)
from border_client.storage.keyslots import KdfParams, KeySlots

__all__ = [
    "AccountDisabled",
    "AuthError",
    "DatabaseDamaged",
    "KdfParams",
    "KeySlots",
    "KeySlotsDamaged",
    "Store",
    "StoreError",
    "StoreExists",
    "StoreNotInitialized",
    "StorePaths",
    "UnknownAccount",
    "WrongPassword",
]
