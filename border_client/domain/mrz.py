"""ICAO Doc 9303 machine readable zones: layouts, check digits and parsing (TD1, TD2, TD3, MRV-A, MRV-B)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from border_client.domain.countries import is_known_code
from border_client.domain.errors import MrzError

__all__ = [
    "ALPHABET",
    "CHECK_WEIGHTS",
    "FIELD_LAYOUTS",
    "LINE_SHAPES",
    "FieldSpec",
    "MrzDocument",
    "MrzError",
    "MrzFormat",
    "char_value",
    "check_digit",
    "compose_mrz",
    "detect_format",
    "normalize_mrz_input",
    "parse_mrz",
    "position_kinds",
]

ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
CHECK_WEIGHTS = (7, 3, 1)  # ICAO Doc 9303 Part 3, 4.9: repeating weights of the check digit


class MrzFormat(StrEnum):
    TD1 = "TD1"
    TD2 = "TD2"
    TD3 = "TD3"
    MRVA = "MRVA"
    MRVB = "MRVB"


# (number of lines, characters per line) of each format.
LINE_SHAPES: dict[MrzFormat, tuple[int, int]] = {
    MrzFormat.TD1: (3, 30),
    MrzFormat.TD2: (2, 36),
    MrzFormat.TD3: (2, 44),
    MrzFormat.MRVA: (2, 44),
    MrzFormat.MRVB: (2, 36),
}

Span = tuple[int, int, int]  # (line index, start, end) with end exclusive


@dataclass(frozen=True)
class FieldSpec:
    """One field of a layout.

    ``kind`` tells a reader which characters may stand there: "code" (document code: letters or
    '<'), "alpha_code" (state code: letters or '<'), "name" (letters or '<'), "alnum" (A-Z, 0-9,
    '<'), "date" (digits, or '<'/'X' for an unknown day or month), "sex" (M, F, X, '<'), "check"
    (a digit, or '<' where the standard allows it). A check field lists the spans it ``covers``.
    """

    name: str
    line: int
    start: int
    end: int
    kind: str
    covers: tuple[Span, ...] = ()

    @property
    def span(self) -> Span:
        return (self.line, self.start, self.end)


def _two_line_layout(
    length: int, optional_end: int, *, personal_check: bool, composite: bool
) -> tuple[FieldSpec, ...]:
    doc = FieldSpec("document_number", 1, 0, 9, "alnum")
    birth = FieldSpec("birth_date", 1, 13, 19, "date")
    expiry = FieldSpec("expiry_date", 1, 21, 27, "date")
    optional = FieldSpec("optional_data", 1, 28, optional_end, "alnum")
    specs = [
        FieldSpec("document_code", 0, 0, 2, "code"),
        FieldSpec("issuing_state", 0, 2, 5, "alpha_code"),
        FieldSpec("name", 0, 5, length, "name"),
        doc,
        FieldSpec("document_number_check", 1, 9, 10, "check", (doc.span,)),
        FieldSpec("nationality", 1, 10, 13, "alpha_code"),
        birth,
        FieldSpec("birth_date_check", 1, 19, 20, "check", (birth.span,)),
        FieldSpec("sex", 1, 20, 21, "sex"),
        expiry,
        FieldSpec("expiry_date_check", 1, 27, 28, "check", (expiry.span,)),
        optional,
    ]
    if personal_check:
        specs.append(
            FieldSpec("optional_data_check", 1, optional_end, optional_end + 1, "check", (optional.span,))
        )
    if composite:
        end = length - 1
        specs.append(
            FieldSpec("composite_check", 1, end, end + 1, "check", ((1, 0, 10), (1, 13, 20), (1, 21, end)))
        )
    return tuple(specs)


def _td1_layout() -> tuple[FieldSpec, ...]:
    doc = FieldSpec("document_number", 0, 5, 14, "alnum")
    birth = FieldSpec("birth_date", 1, 0, 6, "date")
    expiry = FieldSpec("expiry_date", 1, 8, 14, "date")
    return (
        FieldSpec("document_code", 0, 0, 2, "code"),
        FieldSpec("issuing_state", 0, 2, 5, "alpha_code"),
        doc,
        FieldSpec("document_number_check", 0, 14, 15, "check", (doc.span,)),
        FieldSpec("optional_data", 0, 15, 30, "alnum"),
        birth,
        FieldSpec("birth_date_check", 1, 6, 7, "check", (birth.span,)),
        FieldSpec("sex", 1, 7, 8, "sex"),
        expiry,
        FieldSpec("expiry_date_check", 1, 14, 15, "check", (expiry.span,)),
        FieldSpec("nationality", 1, 15, 18, "alpha_code"),
        FieldSpec("optional_data_2", 1, 18, 29, "alnum"),
        FieldSpec("composite_check", 1, 29, 30, "check", ((0, 5, 30), (1, 0, 7), (1, 8, 15), (1, 18, 29))),
        FieldSpec("name", 2, 0, 30, "name"),
    )


FIELD_LAYOUTS: dict[MrzFormat, tuple[FieldSpec, ...]] = {
    MrzFormat.TD1: _td1_layout(),
    MrzFormat.TD2: _two_line_layout(36, 35, personal_check=False, composite=True),
    MrzFormat.TD3: _two_line_layout(44, 42, personal_check=True, composite=True),
    MrzFormat.MRVA: _two_line_layout(44, 44, personal_check=False, composite=False),
    MrzFormat.MRVB: _two_line_layout(36, 36, personal_check=False, composite=False),
}


def position_kinds(fmt: MrzFormat) -> list[list[str]]:
    """The field kind at every position of every line, for readers that restrict each cell's alphabet."""
    lines, length = LINE_SHAPES[fmt]
    kinds = [["alnum"] * length for _ in range(lines)]
    for spec in FIELD_LAYOUTS[fmt]:
        for i in range(spec.start, spec.end):
            kinds[spec.line][i] = spec.kind
    return kinds


def char_value(c: str) -> int:
    """Value of an MRZ character in check digit arithmetic: digits as is, A=10 ... Z=35, '<'=0."""
    if "0" <= c <= "9":
        return ord(c) - 48
    if "A" <= c <= "Z":
        return ord(c) - 55
    if c == "<":
        return 0
    raise MrzError(f"character {c!r} is not allowed in an MRZ (A-Z, 0-9, <)")


def check_digit(field_text: str) -> int:
    """The 7-3-1 weighted check digit of ``field_text`` (ICAO Doc 9303 Part 3, 4.9)."""
    return sum(char_value(c) * CHECK_WEIGHTS[i % 3] for i, c in enumerate(field_text)) % 10


_LINE_BREAKS = re.compile(r"\r\n|\r|\n")
_BLANKS = re.compile(r"[ \t\f\v\u00a0]+")


def normalize_mrz_input(text: str | Sequence[str]) -> list[str]:
    """Lines of an MRZ from typed, pasted or keyboard-wedge input.

    Surrounding whitespace, CR/LF, lower case and stray spaces are normalised; a wedge that sends
    the whole zone as one line of 90, 72 or 88 characters is split. Anything else is an error that
    names the line and column, never a guess.
    """
    raw_lines = _LINE_BREAKS.split(text) if isinstance(text, str) else [str(line) for line in text]
    lines = [_BLANKS.sub("", line).upper() for line in raw_lines]
    lines = [line for line in lines if line]
    if len(lines) == 1 and len(lines[0]) in (90, 72, 88):
        single = lines[0]
        width = 30 if len(single) == 90 else len(single) // 2
        lines = [single[i : i + width] for i in range(0, len(single), width)]
    if not lines:
        raise MrzError("no MRZ text: expected 2 or 3 lines")
    for number, line in enumerate(lines, start=1):
        for column, c in enumerate(line, start=1):
            if c not in ALPHABET:
                raise MrzError(
                    f"line {number}, column {column}: character {c!r} is not allowed in an MRZ "
                    "(only A-Z, 0-9 and <)"
                )
    return lines


def detect_format(lines: Sequence[str]) -> MrzFormat:
    """The format from the line count, line lengths and document code; errors name the line."""
    count = len(lines)
    if count == 3:
        for number, line in enumerate(lines, start=1):
            if len(line) != 30:
                raise MrzError(
                    f"line {number} has {len(line)} characters; a 3-line MRZ (TD1) has 30 per line"
                )
        return MrzFormat.TD1
    if count != 2:
        raise MrzError(f"an MRZ has 2 or 3 lines, got {count}")
    length = len(lines[0])
    if length not in (36, 44):
        raise MrzError(
            f"line 1 has {length} characters; a 2-line MRZ has 44 (passport TD3, visa MRV-A) "
            "or 36 (TD2, visa MRV-B) per line"
        )
    if len(lines[1]) != length:
        raise MrzError(f"line 2 has {len(lines[1])} characters; line 1 has {length}, so line 2 must too")
    is_visa = lines[0][0] == "V"
    if length == 44:
        return MrzFormat.MRVA if is_visa else MrzFormat.TD3
    return MrzFormat.MRVB if is_visa else MrzFormat.TD2


@dataclass(frozen=True)
class MrzDocument:
    """A parsed MRZ: the fields as printed, each check's outcome, and warnings."""

    format: MrzFormat
    document_code: str
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    birth_date: date | None
    birth_date_raw: str
    sex: str
    expiry_date: date | None
    expiry_date_raw: str
    optional_data: str
    optional_data_2: str | None
    checks: dict[str, bool | None]
    warnings: tuple[str, ...]
    lines: tuple[str, ...]
    name_truncated: bool = False
    failed_checks: tuple[str, ...] = field(default=())

    @property
    def valid(self) -> bool:
        """Every check digit the format has passes."""
        return all(v is not False for v in self.checks.values())

    def to_dict(self) -> dict[str, Any]:
        """The `border-client mrz parse` JSON object (its key set is a public contract)."""
        return {
            "format": self.format.value,
            "document_code": self.document_code,
            "issuing_state": self.issuing_state,
            "surname": self.surname,
            "given_names": self.given_names,
            "document_number": self.document_number,
            "nationality": self.nationality,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "birth_date_raw": self.birth_date_raw,
            "sex": self.sex,
            "expiry_date": self.expiry_date.isoformat() if self.expiry_date else None,
            "expiry_date_raw": self.expiry_date_raw,
            "optional_data": self.optional_data,
            "optional_data_2": self.optional_data_2,
            "checks": dict(self.checks),
            "valid": self.valid,
            "warnings": list(self.warnings),
            "lines": list(self.lines),
        }


def _field(lines: Sequence[str], spec: FieldSpec) -> str:
    return lines[spec.line][spec.start : spec.end]


def _covered(lines: Sequence[str], spec: FieldSpec) -> str:
    return "".join(lines[ln][a:b] for ln, a, b in spec.covers)


def _check_passes(data: str, digit: str, *, filler_allowed: bool) -> bool:
    if digit == "<":
        # Doc 9303: an unused optional/personal number field may carry '<' as its check digit.
        return filler_allowed and set(data) <= {"<"}
    return digit.isdigit() and int(digit) == check_digit(data)


def _resolve_date(raw: str, label: str, kind: str, today: date, warnings: list[str]) -> date | None:
    yy, mm, dd = raw[0:2], raw[2:4], raw[4:6]
    if not yy.isdigit():
        warnings.append(f"{label} {raw!r}: the year is not readable")
        return None
    if not (mm.isdigit() and dd.isdigit()):
        unknown = [part for part, text in (("month", mm), ("day", dd)) if not text.isdigit()]
        warnings.append(f"{label} {raw!r}: {' and '.join(unknown)} unknown")
        return None
    year2 = int(yy)
    if kind == "birth":
        # A birth date is never in the future: take the latest century that keeps it in the past.
        year = 2000 + year2
        if (year, int(mm), int(dd)) > (today.year, today.month, today.day):
            year -= 100
    else:
        # Documents are valid for at most a few decades: an expiry more than 50 years ahead
        # belongs to the previous century.
        year = 2000 + year2
        if year > today.year + 50:
            year -= 100
    try:
        return date(year, int(mm), int(dd))
    except ValueError:
        warnings.append(f"{label} {raw!r} is not a calendar date")
        return None


def _split_name(field_text: str) -> tuple[str, str]:
    primary, sep, secondary = field_text.partition("<<")
    surname = " ".join(part for part in primary.split("<") if part)
    given = " ".join(part for part in secondary.split("<") if part) if sep else ""
    return surname, given


def parse_mrz(text_or_lines: str | Sequence[str], *, today: date | None = None) -> MrzDocument:
    """Parse an MRZ; raises MrzError when the text is not one. Check failures are reported, not raised."""
    today = today or date.today()
    lines = normalize_mrz_input(text_or_lines)
    fmt = detect_format(lines)
    specs = {spec.name: spec for spec in FIELD_LAYOUTS[fmt]}
    warnings: list[str] = []

    def get(name: str) -> str:
        return _field(lines, specs[name])

    document_code = get("document_code").rstrip("<")
    issuing_state_raw = get("issuing_state")
    nationality_raw = get("nationality")
    issuing_state = issuing_state_raw.replace("<", "")
    nationality = nationality_raw.replace("<", "")
    for label, code in (("issuing state", issuing_state), ("nationality", nationality)):
        if not is_known_code(code):
            warnings.append(f"unknown {label} code {code!r}")
    if fmt in (MrzFormat.MRVA, MrzFormat.MRVB) and not document_code.startswith("V"):
        warnings.append(f"document code {document_code!r} is not a visa code")

    name_field = get("name")
    surname, given_names = _split_name(name_field)
    name_truncated = not name_field.endswith("<")
    if name_truncated:
        warnings.append("the name fills the whole field and may be truncated")
    if not surname:
        warnings.append("the primary identifier (surname) is empty")

    checks: dict[str, bool | None] = {
        "document_number": None,
        "birth_date": None,
        "expiry_date": None,
        "optional_data": None,
        "composite": None,
    }

    document_number_field = get("document_number")
    doc_check_char = get("document_number_check")
    optional_data_field = get("optional_data")
    if fmt is MrzFormat.TD1 and doc_check_char == "<" and document_number_field[-1] != "<":
        # Doc 9303 Part 5: a number longer than 9 characters continues in the optional data,
        # whose first '<' follows the real check digit.
        end = optional_data_field.find("<")
        if end <= 0:
            warnings.append("the long document number has no check digit in the optional data")
            checks["document_number"] = False
            document_number = document_number_field + optional_data_field.rstrip("<")
            optional_data = ""
        else:
            extension = optional_data_field[: end - 1]
            doc_check_char = optional_data_field[end - 1]
            document_number = document_number_field + extension
            checks["document_number"] = _check_passes(document_number, doc_check_char, filler_allowed=False)
            optional_data = optional_data_field[end + 1 :].strip("<")
    else:
        document_number = document_number_field.rstrip("<")
        checks["document_number"] = _check_passes(document_number_field, doc_check_char, filler_allowed=False)
        optional_data = optional_data_field.rstrip("<")

    birth_raw = get("birth_date")
    expiry_raw = get("expiry_date")
    checks["birth_date"] = _check_passes(birth_raw, get("birth_date_check"), filler_allowed=False)
    checks["expiry_date"] = _check_passes(expiry_raw, get("expiry_date_check"), filler_allowed=False)
    birth_date = _resolve_date(birth_raw, "birth date", "birth", today, warnings)
    expiry_date = _resolve_date(expiry_raw, "expiry date", "expiry", today, warnings)

    if "optional_data_check" in specs:
        checks["optional_data"] = _check_passes(
            optional_data_field, get("optional_data_check"), filler_allowed=True
        )
    if "composite_check" in specs:
        comp = specs["composite_check"]
        checks["composite"] = _check_passes(
            _covered(lines, comp), get("composite_check"), filler_allowed=False
        )

    sex_char = get("sex")
    if sex_char in ("M", "F", "X"):
        sex = sex_char
    elif sex_char == "<":
        sex = "X"
    else:
        sex = "X"
        warnings.append(f"sex {sex_char!r} is not M, F, X or <; shown as X")

    optional_data_2 = get("optional_data_2").rstrip("<") if fmt is MrzFormat.TD1 else None
    failed = tuple(name for name, ok in checks.items() if ok is False)
    return MrzDocument(
        format=fmt,
        document_code=document_code,
        issuing_state=issuing_state,
        surname=surname,
        given_names=given_names,
        document_number=document_number,
        nationality=nationality,
        birth_date=birth_date,
        birth_date_raw=birth_raw,
        sex=sex,
        expiry_date=expiry_date,
        expiry_date_raw=expiry_raw,
        optional_data=optional_data,
        optional_data_2=optional_data_2,
        checks=checks,
        warnings=tuple(warnings),
        lines=tuple(lines),
        name_truncated=name_truncated,
        failed_checks=failed,
    )


def _pad(text: str, width: int, what: str) -> str:
    if len(text) > width:
        raise MrzError(f"{what} {text!r} is longer than its {width}-character field")
    bad = set(text) - ALPHABET
    if bad:
        raise MrzError(f"{what} {text!r} holds characters outside A-Z, 0-9 and <: {''.join(sorted(bad))}")
    return text + "<" * (width - len(text))


def compose_mrz(
    fmt: MrzFormat,
    *,
    document_code: str,
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date_raw: str,
    sex: str,
    expiry_date_raw: str,
    optional_data: str = "",
    optional_data_2: str = "",
) -> list[str]:
    """Lines of a correct MRZ with every check digit computed (for generators, tests and specimens).

    Names are given in MRZ form already (A-Z and spaces); a name longer than its field is truncated,
    as issuers do. A TD1 document number longer than 9 characters continues in the optional data.
    """
    lines_n, length = LINE_SHAPES[fmt]
    specs = {s.name: s for s in FIELD_LAYOUTS[fmt]}
    name_spec = specs["name"]
    name_width = name_spec.end - name_spec.start
    name = surname.replace(" ", "<") + ("<<" + given_names.replace(" ", "<") if given_names else "")
    rows = [["<"] * length for _ in range(lines_n)]

    def put(name_: str, value: str) -> None:
        spec = specs[name_]
        text = _pad(value, spec.end - spec.start, name_)
        rows[spec.line][spec.start : spec.end] = list(text)

    put("document_code", document_code)
    put("issuing_state", issuing_state)
    put("name", name[:name_width])
    put("nationality", nationality)
    put("birth_date", birth_date_raw)
    put("sex", sex)
    put("expiry_date", expiry_date_raw)
    if fmt is MrzFormat.TD1 and len(document_number) > 9:
        opt = document_number[9:] + str(check_digit(document_number)) + "<" + optional_data
        put("document_number", document_number[:9])
        rows[0][14] = "<"
        put("optional_data", opt)
    else:
        put("document_number", document_number)
        put("optional_data", optional_data)
        rows[specs["document_number"].line][specs["document_number_check"].start] = str(
            check_digit(_pad(document_number, 9, "document number"))
        )
    if fmt is MrzFormat.TD1:
        put("optional_data_2", optional_data_2)
    lines = ["".join(r) for r in rows]

    def set_check(spec_name: str, text: str) -> None:
        spec = specs[spec_name]
        row = list(lines[spec.line])
        row[spec.start] = text
        lines[spec.line] = "".join(row)

    for check_name in ("birth_date_check", "expiry_date_check", "optional_data_check", "composite_check"):
        if check_name in specs:
            set_check(check_name, str(check_digit(_covered(lines, specs[check_name]))))
    return lines
