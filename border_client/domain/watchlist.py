"""Watchlists: lost/stolen documents and persons of interest; the CSV format and the matching rules."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date

from border_client.domain.errors import WatchlistCsvError
from border_client.domain.names import full_name, icao_transliterate, name_similarity

__all__ = [
    "CSV_COLUMNS",
    "PERSON_MATCH_THRESHOLD",
    "DocumentHit",
    "PersonHit",
    "WatchlistDocument",
    "WatchlistPerson",
    "document_key",
    "match_document",
    "match_person",
    "normalize_document_number",
    "parse_watchlist_csv",
]

CSV_COLUMNS = (
    "list",
    "document_number",
    "issuing_state",
    "surname",
    "given_names",
    "birth_date",
    "nationality",
    "reason",
)
# A person-of-interest hit needs a name this alike (0-100) plus agreeing birth data.
PERSON_MATCH_THRESHOLD = 85.0

# OCR and typing confuse these; lost/stolen document lists (like INTERPOL SLTD) are matched on
# a folded number so that "O1234I" finds "012341".
_DOC_FOLD = str.maketrans({"O": "0", "I": "1"})
_NOT_ALNUM = re.compile(r"[^A-Z0-9]")


def normalize_document_number(number: str) -> str:
    return _NOT_ALNUM.sub("", number.upper()).translate(_DOC_FOLD)


def document_key(number: str, issuing_state: str) -> str:
    """The lookup key of a document: folded number plus issuing state."""
    return f"{issuing_state.replace('<', '').upper()}:{normalize_document_number(number)}"


@dataclass(frozen=True)
class WatchlistDocument:
    document_number: str
    issuing_state: str
    reason: str
    entry_id: str = ""

    @property
    def key(self) -> str:
        return document_key(self.document_number, self.issuing_state)


@dataclass(frozen=True)
class WatchlistPerson:
    surnames: tuple[str, ...]
    given_names: tuple[str, ...]
    birth_date: date | None
    birth_year: int | None
    nationality: str
    reason: str
    entry_id: str = ""

    def name_variants(self) -> list[str]:
        givens = self.given_names or ("",)
        return [full_name(s, g) for s in self.surnames for g in givens]


@dataclass(frozen=True)
class DocumentHit:
    entry: WatchlistDocument
    score: float
    reason: str


@dataclass(frozen=True)
class PersonHit:
    entry: WatchlistPerson
    score: float
    reason: str


def _parse_birth(value: str, where: str) -> tuple[date | None, int | None]:
    value = value.strip()
    if not value:
        return None, None
    if re.fullmatch(r"\d{4}", value):
        return None, int(value)
    try:
        d = date.fromisoformat(value)
    except ValueError as exc:
        raise WatchlistCsvError(f"{where}: birth_date {value!r} is not YYYY-MM-DD or YYYY") from exc
    return d, d.year


def parse_watchlist_csv(text: str) -> list[WatchlistDocument | WatchlistPerson]:
    """Entries of a watchlist CSV (header: CSV_COLUMNS, any order; 'list' is document or person)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in ("list", "reason") if c not in header]
    if missing:
        raise WatchlistCsvError(
            f"line 1: header lacks column(s) {', '.join(missing)}; expected {','.join(CSV_COLUMNS)}"
        )
    entries: list[WatchlistDocument | WatchlistPerson] = []
    for row in reader:
        where = f"line {reader.line_num}"
        if None in row:
            raise WatchlistCsvError(f"{where}: more fields than the header's {len(header)} columns")
        values = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        kind = values.get("list", "").lower()
        reason = values.get("reason", "")
        entry_id = f"L{reader.line_num}"
        if kind == "document":
            number = values.get("document_number", "")
            state = values.get("issuing_state", "").upper()
            if not number:
                raise WatchlistCsvError(f"{where}: a document entry needs document_number")
            if not re.fullmatch(r"[A-Z]{1,3}", state):
                raise WatchlistCsvError(f"{where}: issuing_state {state!r} is not a 1-3 letter code")
            entries.append(WatchlistDocument(number.upper(), state, reason, entry_id))
        elif kind == "person":
            surnames = tuple(icao_transliterate(s) for s in values.get("surname", "").split("|") if s.strip())
            givens = tuple(
                icao_transliterate(g) for g in values.get("given_names", "").split("|") if g.strip()
            )
            if not surnames:
                raise WatchlistCsvError(f"{where}: a person entry needs a surname")
            birth, year = _parse_birth(values.get("birth_date", ""), where)
            entries.append(
                WatchlistPerson(
                    surnames, givens, birth, year, values.get("nationality", "").upper(), reason, entry_id
                )
            )
        elif kind == "" and not any(values.values()):
            continue
        else:
            raise WatchlistCsvError(f"{where}: list {kind!r} must be 'document' or 'person'")
    return entries


def match_document(number: str, issuing_state: str, entry: WatchlistDocument) -> DocumentHit | None:
    if document_key(number, issuing_state) != entry.key:
        return None
    exact = number.upper() == entry.document_number.upper()
    reason = "document number and issuing state listed" + ("" if exact else " (O/0, I/1 folded)")
    return DocumentHit(entry, 100.0 if exact else 95.0, f"{reason}: {entry.reason}".rstrip(": "))


def match_person(
    surname: str,
    given_names: str,
    birth_date: date | None,
    nationality: str,
    entry: WatchlistPerson,
    *,
    threshold: float = PERSON_MATCH_THRESHOLD,
) -> PersonHit | None:
    """A hit when the name is alike and the birth data agree; nationality only raises confidence."""
    if entry.birth_date is not None and birth_date is not None and entry.birth_date != birth_date:
        return None
    if entry.birth_year is not None and birth_date is not None and entry.birth_year != birth_date.year:
        return None
    name = full_name(surname, given_names)
    score = max((name_similarity(name, variant) for variant in entry.name_variants()), default=0.0)
    if score < threshold:
        return None
    parts = [f"name {score:.0f}% alike"]
    if entry.birth_date is not None and birth_date is not None:
        parts.append("same birth date")
    elif entry.birth_year is not None and birth_date is not None:
        parts.append("same birth year")
    else:
        parts.append("birth date not compared")
        score -= 5.0
    if entry.nationality and nationality:
        if entry.nationality == nationality.upper():
            parts.append("same nationality")
        else:
            parts.append(f"nationality differs ({entry.nationality})")
            score -= 10.0
    reason = ", ".join(parts) + (f": {entry.reason}" if entry.reason else "")
    return PersonHit(entry, max(score, 0.0), reason)
