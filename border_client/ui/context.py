"""What every screen needs: the open store, who is logged in, background tasks, preferences."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject, Signal

if TYPE_CHECKING:  # pragma: no cover
    from border_client.services.common import UserSession
    from border_client.storage.db import Store
    from border_client.ui.i18n import LanguageManager
    from border_client.ui.preferences import Preferences
    from border_client.ui.tasks import TaskRunner

__all__ = ["AppContext", "ContextSignals"]


class ContextSignals(QObject):
    """Events every screen may care about."""

    sessionChanged = Signal(object)  # noqa: N815 - UserSession (switch user)
    crossingSaved = Signal(object)  # noqa: N815 - the saved crossing
    dataChanged = Signal()  # noqa: N815 - anything that changes counts (amendment, decision, sync)
    preferencesChanged = Signal()  # noqa: N815


@dataclass
class AppContext:
    data_dir: Path
    store: Store
    session: UserSession
    tasks: TaskRunner
    preferences: Preferences
    languages: LanguageManager
    post_code: str = ""
    post_name: str = ""
    post_timezone: str = "UTC"
    signals: ContextSignals = field(default_factory=ContextSignals)

    def post_today(self) -> date:
        """Today's date at the post (its time zone, not this computer's)."""
        from zoneinfo import ZoneInfo

        return datetime.now(ZoneInfo(self.post_timezone or "UTC")).date()

    def post_today_qdate(self) -> QDate:
        """``post_today`` for Qt's date widgets."""
        today = self.post_today()
        return QDate(today.year, today.month, today.day)

    def save_preferences(self) -> None:
        self.preferences.save(self.data_dir)
        self.signals.preferencesChanged.emit()
