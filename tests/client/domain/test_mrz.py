"""The MRZ parser on ICAO Doc 9303 specimens and the edge cases of the standard."""

from __future__ import annotations

from datetime import date

import pytest

from border_client.domain.mrz import (
    FIELD_LAYOUTS,
    LINE_SHAPES,
    MrzError,
    MrzFormat,
    check_digit,
    compose_mrz,
    detect_format,
    normalize_mrz_input,
    parse_mrz,
    position_kinds,
)

TODAY = date(2026, 11, 27)

# The specimens printed in ICAO Doc 9303 (parts 4, 5, 6 and 7).
SPECIMENS = {
    MrzFormat.TD3: [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ],
    MrzFormat.TD1: [
        "I<UTOD231458907<<<<<<<<<<<<<<<",
        "7408122F1204159UTO<<<<<<<<<<<6",
        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
    ],
    MrzFormat.TD2: [
        "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
        "D231458907UTO7408122F1204159<<<<<<<6",
    ],
    MrzFormat.MRVA: [
        "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
    ],
    MrzFormat.MRVB: [
        "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
        "L8988901C4XXX4009078F9612109<<<<<<<<",
    ],
}


@pytest.mark.parametrize("fmt", list(MrzFormat))
def test_icao_specimens_parse_and_validate(fmt: MrzFormat) -> None:
    doc = parse_mrz(SPECIMENS[fmt], today=TODAY)
    assert doc.format is fmt
    assert doc.valid
    assert doc.surname == "ERIKSSON"
    assert doc.given_names == "ANNA MARIA"
    assert doc.sex == "F"
    has_composite = fmt not in (MrzFormat.MRVA, MrzFormat.MRVB)
    assert (doc.checks["composite"] is None) == (not has_composite)
    assert (doc.checks["optional_data"] is None) == (fmt is not MrzFormat.TD3)
    assert doc.optional_data_2 == ("" if fmt is MrzFormat.TD1 else None)


def test_td3_specimen_fields() -> None:
    doc = parse_mrz(SPECIMENS[MrzFormat.TD3], today=TODAY)
    assert (doc.document_code, doc.issuing_state, doc.nationality) == ("P", "UTO", "UTO")
    assert doc.document_number == "L898902C3"
    assert doc.birth_date == date(1974, 8, 12) and doc.birth_date_raw == "740812"
    assert doc.expiry_date == date(2012, 4, 15) and doc.expiry_date_raw == "120415"
    assert doc.optional_data == "ZE184226B"
    # UTO is ICAO's fictional specimen state: reported, not fatal.
    assert any("UTO" in w for w in doc.warnings)


def test_check_digit_examples() -> None:
    assert check_digit("L898902C3") == 6
    assert check_digit("740812") == 2
    assert check_digit("<<<<<<") == 0
    assert check_digit("AB2134<<<") == 5  # letters count 10..35, '<' is 0


def test_each_failed_check_is_reported() -> None:
    lines = list(SPECIMENS[MrzFormat.TD3])
    lines[1] = lines[1][:9] + "7" + lines[1][10:]  # wrong document number check digit
    doc = parse_mrz(lines, today=TODAY)
    assert not doc.valid
    assert doc.checks["document_number"] is False
    assert doc.checks["composite"] is False  # the composite covers the check digit too
    assert doc.checks["birth_date"] is True
    assert doc.to_dict()["valid"] is False


def test_td1_long_document_number_continues_in_optional_data() -> None:
    lines = compose_mrz(
        MrzFormat.TD1,
        document_code="ID",
        issuing_state="HTI",
        surname="PIERRE",
        given_names="ROSE",
        document_number="AB123456789012",
        nationality="HTI",
        birth_date_raw="850123",
        sex="F",
        expiry_date_raw="310101",
        optional_data="XY",
    )
    assert lines[0][14] == "<"
    doc = parse_mrz(lines, today=TODAY)
    assert doc.valid
    assert doc.document_number == "AB123456789012"
    assert doc.optional_data == "XY"
    broken = lines[0][:17] + ("1" if lines[0][17] != "1" else "2") + lines[0][18:]
    assert parse_mrz([broken, *lines[1:]], today=TODAY).checks["document_number"] is False


def test_td3_unused_personal_number_may_use_filler_check() -> None:
    lines = compose_mrz(
        MrzFormat.TD3,
        document_code="P",
        issuing_state="HTI",
        surname="JOSEPH",
        given_names="MARC",
        document_number="PH1234567",
        nationality="HTI",
        birth_date_raw="900101",
        sex="M",
        expiry_date_raw="300101",
    )
    assert lines[1][42] == "0"
    filler = lines[1][:42] + "<" + lines[1][43:]
    doc = parse_mrz([lines[0], filler], today=TODAY)
    assert doc.checks["optional_data"] is True
    assert doc.valid


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("740812", date(1974, 8, 12)),
        ("050301", date(2005, 3, 1)),
        ("261127", date(2026, 11, 27)),
        ("261128", date(1926, 11, 28)),
    ],
)
def test_birth_date_century_is_never_in_the_future(raw: str, expected: date) -> None:
    lines = compose_mrz(
        MrzFormat.TD3,
        document_code="P",
        issuing_state="HTI",
        surname="A",
        given_names="B",
        document_number="X1",
        nationality="HTI",
        birth_date_raw=raw,
        sex="M",
        expiry_date_raw="300101",
    )
    assert parse_mrz(lines, today=TODAY).birth_date == expected


@pytest.mark.parametrize(
    ("raw", "year"), [("300101", 2030), ("760101", 2076), ("770101", 1977), ("991231", 1999)]
)
def test_expiry_century_within_plausible_validity(raw: str, year: int) -> None:
    lines = compose_mrz(
        MrzFormat.TD3,
        document_code="P",
        issuing_state="HTI",
        surname="A",
        given_names="B",
        document_number="X1",
        nationality="HTI",
        birth_date_raw="800101",
        sex="M",
        expiry_date_raw=raw,
    )
    doc = parse_mrz(lines, today=TODAY)
    assert doc.expiry_date is not None and doc.expiry_date.year == year


@pytest.mark.parametrize("raw", ["74<<<<", "7408<<", "74XX12", "7408XX"])
def test_unknown_day_or_month_gives_null_and_warning(raw: str) -> None:
    lines = compose_mrz(
        MrzFormat.TD3,
        document_code="P",
        issuing_state="HTI",
        surname="A",
        given_names="B",
        document_number="X1",
        nationality="HTI",
        birth_date_raw=raw,
        sex="M",
        expiry_date_raw="300101",
    )
    doc = parse_mrz(lines, today=TODAY)
    assert doc.birth_date is None
    assert doc.birth_date_raw == raw
    assert any("unknown" in w for w in doc.warnings)
    assert doc.valid  # the check digit still covers the raw characters


def test_impossible_date_is_a_warning_not_a_crash() -> None:
    lines = compose_mrz(
        MrzFormat.TD3,
        document_code="P",
        issuing_state="HTI",
        surname="A",
        given_names="B",
        document_number="X1",
        nationality="HTI",
        birth_date_raw="851345",
        sex="M",
        expiry_date_raw="300101",
    )
    doc = parse_mrz(lines, today=TODAY)
    assert doc.birth_date is None
    assert any("not a calendar date" in w for w in doc.warnings)


def test_names_split_and_truncation_flag() -> None:
    doc = parse_mrz(SPECIMENS[MrzFormat.TD3], today=TODAY)
    assert not doc.name_truncated
    long_name = "P<HTI" + "JEANBAPTISTE<<" + "M" * 25
    assert len(long_name) == 44
    lines = [long_name, SPECIMENS[MrzFormat.TD3][1]]
    doc = parse_mrz(lines, today=TODAY)
    assert doc.name_truncated
    assert doc.surname == "JEANBAPTISTE" and doc.given_names == "M" * 25
    assert any("truncated" in w for w in doc.warnings)


def test_surname_only_and_multi_part_surname() -> None:
    lines = compose_mrz(
        MrzFormat.TD3,
        document_code="P",
        issuing_state="HTI",
        surname="DE LA CRUZ",
        given_names="",
        document_number="X1",
        nationality="HTI",
        birth_date_raw="800101",
        sex="<",
        expiry_date_raw="300101",
    )
    doc = parse_mrz(lines, today=TODAY)
    assert doc.surname == "DE LA CRUZ" and doc.given_names == ""
    assert doc.sex == "X"


def test_icao_country_codes_known_and_unknown() -> None:
    lines = compose_mrz(
        MrzFormat.TD3,
        document_code="P",
        issuing_state="D",
        surname="MUELLER",
        given_names="HANS",
        document_number="C01X00T47",
        nationality="GBN",
        birth_date_raw="800101",
        sex="M",
        expiry_date_raw="300101",
    )
    doc = parse_mrz(lines, today=TODAY)
    assert doc.issuing_state == "D" and doc.nationality == "GBN"
    assert doc.warnings == ()
    lines = compose_mrz(
        MrzFormat.TD3,
        document_code="P",
        issuing_state="QQQ",
        surname="A",
        given_names="B",
        document_number="X1",
        nationality="HTI",
        birth_date_raw="800101",
        sex="M",
        expiry_date_raw="300101",
    )
    assert parse_mrz(lines, today=TODAY).warnings == ("unknown issuing state code 'QQQ'",)


def test_wedge_input_is_normalised() -> None:
    td3 = SPECIMENS[MrzFormat.TD3]
    messy = "  " + td3[0].lower() + " \r\n\r\n " + td3[1][:20] + " " + td3[1][20:] + "\n\n"
    assert normalize_mrz_input(messy) == td3
    assert normalize_mrz_input(td3[0] + td3[1]) == td3  # one line from a wedge without CR
    assert parse_mrz(messy, today=TODAY).valid


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no MRZ text"),
        ("P<UTOERIKSSON", "2 or 3 lines"),
        ("A" * 44 + "\n" + "B" * 43, "line 2 has 43 characters"),
        ("A" * 40 + "\n" + "B" * 40, "line 1 has 40 characters"),
        ("A" * 30 + "\n" + "B" * 30 + "\n" + "C" * 29, "line 3 has 29 characters"),
        ("P<UTO-RIKSSON" + "<" * 31 + "\n" + "1" * 44, "line 1, column 6"),
        ("A\nB\nC\nD", "2 or 3 lines, got 4"),
    ],
)
def test_not_an_mrz_errors_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(MrzError, match=message):
        parse_mrz(text, today=TODAY)


def test_detect_format_by_document_code() -> None:
    assert detect_format(SPECIMENS[MrzFormat.MRVA]) is MrzFormat.MRVA
    assert detect_format(SPECIMENS[MrzFormat.TD3]) is MrzFormat.TD3
    assert detect_format(SPECIMENS[MrzFormat.TD2]) is MrzFormat.TD2
    assert detect_format(SPECIMENS[MrzFormat.MRVB]) is MrzFormat.MRVB


@pytest.mark.parametrize("fmt", list(MrzFormat))
def test_layouts_cover_every_position_once(fmt: MrzFormat) -> None:
    lines, length = LINE_SHAPES[fmt]
    seen = [[0] * length for _ in range(lines)]
    for spec in FIELD_LAYOUTS[fmt]:
        for i in range(spec.start, spec.end):
            seen[spec.line][i] += 1
    # Every position belongs to exactly one field, except the filler after TD3's name, etc.
    assert all(count <= 1 for row in seen for count in row)
    kinds = position_kinds(fmt)
    assert all(len(row) == length for row in kinds)


def test_to_dict_has_exactly_the_contract_keys() -> None:
    d = parse_mrz(SPECIMENS[MrzFormat.TD1], today=TODAY).to_dict()
    assert set(d) == {
        "format",
        "document_code",
        "issuing_state",
        "surname",
        "given_names",
        "document_number",
        "nationality",
        "birth_date",
        "birth_date_raw",
        "sex",
        "expiry_date",
        "expiry_date_raw",
        "optional_data",
        "optional_data_2",
        "checks",
        "valid",
        "warnings",
        "lines",
    }
    assert set(d["checks"]) == {"document_number", "birth_date", "expiry_date", "optional_data", "composite"}
