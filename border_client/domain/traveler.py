"""What an inspector must be warned of about a document holder: an expired document, a minor."""

from __future__ import annotations

from datetime import date

from border_client.domain.mrz import MrzDocument

__all__ = ["AGE_BANDS", "AGE_OF_MAJORITY", "age_band", "age_on", "document_warnings"]

AGE_OF_MAJORITY = 18


def age_on(birth: date, day: date) -> int:
    """Completed years of age on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


# The bands the post's dashboard and the central console report flows in (upper bound exclusive).
AGE_BANDS: tuple[tuple[str, int], ...] = (
    ("0-17", 18),
    ("18-29", 30),
    ("30-44", 45),
    ("45-59", 60),
    ("60+", 131),
)


def age_band(birth_date: str | date | None, on: date) -> str:
    """The age band on ``on`` for a birth date (ISO text or date); "unknown" when absent or implausible."""
    if birth_date is None or birth_date == "":
        return "unknown"
    if isinstance(birth_date, str):
        try:
            birth_date = date.fromisoformat(birth_date[:10])
        except ValueError:
            return "unknown"
    age = age_on(birth_date, on)
    for label, upper in AGE_BANDS:
        if 0 <= age < upper:
            return label
    return "unknown"


def document_warnings(doc: MrzDocument, day: date, *, age_of_majority: int = AGE_OF_MAJORITY) -> list[str]:
    """Warnings for the counter on ``day`` (the post's local date); the MRZ's own warnings are separate."""
    warnings: list[str] = []
    if doc.expiry_date is not None and doc.expiry_date < day:
        warnings.append(f"the document expired on {doc.expiry_date.isoformat()}")
    if doc.birth_date is not None:
        age = age_on(doc.birth_date, day)
        if age < age_of_majority:
            warnings.append(f"a minor: {age} years old")
    return warnings
