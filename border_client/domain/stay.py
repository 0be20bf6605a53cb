"""Stay rules: how long a traveler of a given nationality may stay, and who has overstayed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "CARICOM_MEMBER_CODES",
    "DEFAULT_ALLOWED_DAYS",
    "StayPolicy",
    "StayAssessment",
    "days_stayed",
]

DEFAULT_ALLOWED_DAYS = 90

# CARICOM full members (ISO/ICAO codes): exempt from the stay limit where a post's policy says so.
CARICOM_MEMBER_CODES = frozenset(
    {"ATG", "BHS", "BRB", "BLZ", "DMA", "GRD", "GUY", "HTI", "JAM", "MSR", "KNA", "LCA", "VCT", "SUR", "TTO"}
)


def days_stayed(entry_day: date, exit_day: date) -> int:
    """Days of a stay counting the day of entry and the day of exit (same-day visit = 1)."""
    if exit_day < entry_day:
        raise ValueError(f"exit {exit_day} is before entry {entry_day}")
    return (exit_day - entry_day).days + 1


@dataclass(frozen=True)
class StayAssessment:
    days: int
    allowed_days: int | None  # None: the nationality is exempt
    overstay: bool
    days_over: int


@dataclass(frozen=True)
class StayPolicy:
    """Allowed stay per nationality: a default, overrides, and exempt nationalities."""

    default_days: int = DEFAULT_ALLOWED_DAYS
    per_nationality: Mapping[str, int] = field(default_factory=dict)
    exempt: frozenset[str] = frozenset()

    @classmethod
    def from_config(
        cls,
        default_days: int = DEFAULT_ALLOWED_DAYS,
        overrides: Mapping[str, int] | None = None,
        exempt: Iterable[str] = (),
    ) -> StayPolicy:
        if default_days <= 0:
            raise ValueError("the default allowed stay must be at least one day")
        clean = {k.strip().upper(): int(v) for k, v in (overrides or {}).items()}
        for code, days in clean.items():
            if days <= 0:
                raise ValueError(f"allowed stay for {code} must be at least one day, got {days}")
        return cls(default_days, clean, frozenset(c.strip().upper() for c in exempt))

    def allowed_days(self, nationality: str) -> int | None:
        code = nationality.replace("<", "").upper()
        if code in self.exempt:
            return None
        return self.per_nationality.get(code, self.default_days)

    def assess(self, nationality: str, entry_day: date, until_day: date) -> StayAssessment:
        """The stay from entry to ``until_day`` (the exit, or today for someone still inside)."""
        days = days_stayed(entry_day, until_day)
        allowed = self.allowed_days(nationality)
        over = 0 if allowed is None else max(0, days - allowed)
        return StayAssessment(days=days, allowed_days=allowed, overstay=over > 0, days_over=over)
