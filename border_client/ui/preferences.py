"""The post's local preferences (language, idle lock, camera, serial port) in an INI file.

These are settings of this workstation, not records: they live beside the store in the data
directory (``client-settings.ini``) and hold no personal data.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from PySide6.QtCore import QSettings

__all__ = ["Preferences"]


@dataclass
class Preferences:
    language: str = "en"
    idle_lock_minutes: int = 5
    camera_source: str = "0"  # device index, video file or RTSP URL
    serial_port: str = ""  # empty: no serial reader
    serial_baud: int = 9600
    last_user: str = ""

    @classmethod
    def path_for(cls, data_dir: Path) -> Path:
        return data_dir / "client-settings.ini"

    @classmethod
    def load(cls, data_dir: Path) -> Preferences:
        qs = QSettings(str(cls.path_for(data_dir)), QSettings.Format.IniFormat)
        prefs = cls()
        for f in fields(cls):
            raw = qs.value(f.name)
            if raw is None:
                continue
            default = getattr(prefs, f.name)
            try:
                value = int(raw) if isinstance(default, int) else str(raw)
            except (TypeError, ValueError):
                continue  # a hand-edited bad value falls back to the default
            setattr(prefs, f.name, value)
        if prefs.idle_lock_minutes < 0:
            prefs.idle_lock_minutes = 0
        return prefs

    def save(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        qs = QSettings(str(self.path_for(data_dir)), QSettings.Format.IniFormat)
        for f in fields(self):
            qs.setValue(f.name, getattr(self, f.name))
        qs.sync()
