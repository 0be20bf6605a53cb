"""Property tests: generated MRZs of every format parse back exactly, and single changes fail a check."""

from __future__ import annotations

from datetime import date

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from border_client.domain.mrz import FIELD_LAYOUTS, MrzFormat, compose_mrz, parse_mrz

TODAY = date(2026, 11, 27)
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"

name_part = st.text(alphabet=LETTERS, min_size=1, max_size=8)
doc_number = st.text(alphabet=LETTERS + DIGITS, min_size=1, max_size=9).filter(lambda s: s[-1] != "<")
opt_data = st.text(alphabet=LETTERS + DIGITS, max_size=7)
yymmdd = st.dates(min_value=date(1930, 1, 1), max_value=date(2025, 12, 31)).map(
    lambda d: d.strftime("%y%m%d")
)
expiry = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)).map(
    lambda d: d.strftime("%y%m%d")
)
codes = st.sampled_from(["HTI", "BLZ", "USA", "D", "FRA", "GBN", "XXA", "DOM"])


@st.composite
def documents(draw: st.DrawFn) -> tuple[MrzFormat, dict[str, str]]:
    fmt = draw(st.sampled_from(list(MrzFormat)))
    code = {"TD3": "P", "TD1": "I", "TD2": "AC", "MRVA": "V", "MRVB": "V"}[fmt.value]
    fields = {
        "document_code": code,
        "issuing_state": draw(codes),
        "surname": " ".join(draw(st.lists(name_part, min_size=1, max_size=2))),
        "given_names": " ".join(draw(st.lists(name_part, min_size=0, max_size=2))),
        "document_number": draw(doc_number),
        "nationality": draw(codes),
        "birth_date_raw": draw(yymmdd),
        "sex": draw(st.sampled_from("MFX")),
        "expiry_date_raw": draw(expiry),
        "optional_data": draw(opt_data),
    }
    return fmt, fields


@settings(max_examples=300, deadline=None)
@given(documents())
def test_generated_mrz_parses_back_exactly(doc: tuple[MrzFormat, dict[str, str]]) -> None:
    fmt, f = doc
    name_field = next(s for s in FIELD_LAYOUTS[fmt] if s.name == "name")
    mrz_name = f["surname"] + ("<<" + f["given_names"] if f["given_names"] else "")
    assume(len(mrz_name) < name_field.end - name_field.start)  # truncation is tested separately
    lines = compose_mrz(fmt, **f)
    parsed = parse_mrz(lines, today=TODAY)
    assert parsed.format is fmt
    assert parsed.valid, parsed.checks
    assert parsed.document_number == f["document_number"]
    assert parsed.surname == f["surname"]
    assert parsed.given_names == f["given_names"]
    assert parsed.birth_date_raw == f["birth_date_raw"]
    assert parsed.expiry_date_raw == f["expiry_date_raw"]
    assert parsed.sex == f["sex"]
    assert parsed.issuing_state == f["issuing_state"] and parsed.nationality == f["nationality"]
    assert parsed.optional_data == f["optional_data"]
    assert parsed.birth_date is not None and parsed.birth_date.strftime("%y%m%d") == f["birth_date_raw"]
    assert list(parsed.lines) == lines


@settings(max_examples=300, deadline=None)
@given(documents(), st.data())
def test_any_single_change_in_a_checked_field_fails_its_check(
    doc: tuple[MrzFormat, dict[str, str]], data: st.DataObject
) -> None:
    fmt, f = doc
    lines = compose_mrz(fmt, **f)
    checked = [s for s in FIELD_LAYOUTS[fmt] if s.name in ("document_number", "birth_date", "expiry_date")]
    spec = data.draw(st.sampled_from(checked))
    pos = data.draw(st.integers(spec.start, spec.end - 1))
    old = lines[spec.line][pos]
    # A change to another character of the same value modulo 10 is invisible to any check digit
    # (ICAO's 7-3-1 scheme); the property is about every other substitution.
    from border_client.domain.mrz import char_value

    alphabet = DIGITS if spec.kind == "date" else LETTERS + DIGITS + "<"
    new = data.draw(st.sampled_from([c for c in alphabet if char_value(c) % 10 != char_value(old) % 10]))
    row = lines[spec.line]
    lines[spec.line] = row[:pos] + new + row[pos + 1 :]
    parsed = parse_mrz(lines, today=TODAY)
    assert not parsed.valid
    assert parsed.checks[spec.name] is False
