"""Names, stay rules, watchlists and country codes."""

from __future__ import annotations

from datetime import date

import pytest

from border_client.domain.countries import all_codes, country_name, is_known_code
from border_client.domain.errors import WatchlistCsvError
from border_client.domain.names import icao_transliterate, loose_name_key, name_similarity
from border_client.domain.stay import CARICOM_MEMBER_CODES, StayPolicy, days_stayed
from border_client.domain.watchlist import (
    WatchlistDocument,
    match_document,
    match_person,
    normalize_document_number,
    parse_watchlist_csv,
)

HEADER = "list,document_number,issuing_state,surname,given_names,birth_date,nationality,reason\n"


@pytest.mark.parametrize(
    ("raw", "mrz"),
    [
        ("Müller", "MUELLER"),
        ("Jean-François", "JEAN FRANCOIS"),
        ("Åse Øvergård", "AASE OEVERGAARD"),
        ("Straße", "STRASSE"),
        ("Иванов", "IVANOV"),
        ("Núñez O'Neil", "NUNEZ ONEIL"),
    ],
)
def test_icao_transliteration(raw: str, mrz: str) -> None:
    assert icao_transliterate(raw) == mrz


def test_fuzzy_names_are_transliteration_aware() -> None:
    assert name_similarity("MULLER HANS", "Hans Müller") >= 90
    assert name_similarity("JEAN BAPTISTE MARIE", "MARIE JEAN BAPTISTE") == 100
    assert name_similarity("JOSEPH MARC", "JOSEPH MARC ANTOINE") >= 85  # middle name dropped
    assert name_similarity("SMITH JOHN", "PIERRE MARIE") < 50
    assert loose_name_key("MUELLER") == loose_name_key("MULLER")
    assert name_similarity("JEAN BAPTISTE PIERRE", "JEANBAPTISTE PIERRE") >= 90


def test_country_codes() -> None:
    assert country_name("HTI") == "Haiti"
    assert country_name("D<<") == "Germany"
    assert country_name("XXA") == "Stateless person"
    assert is_known_code("RKS") and is_known_code("BLZ")
    assert not is_known_code("QQQ") and country_name("") is None
    assert len(all_codes()) > 260


def test_days_stayed_counts_both_days() -> None:
    assert days_stayed(date(2026, 1, 1), date(2026, 1, 1)) == 1
    assert days_stayed(date(2026, 1, 1), date(2026, 3, 31)) == 90
    with pytest.raises(ValueError, match="before entry"):
        days_stayed(date(2026, 2, 1), date(2026, 1, 1))


def test_stay_policy_default_override_and_exemption() -> None:
    policy = StayPolicy.from_config(90, {"usa": 180}, exempt=CARICOM_MEMBER_CODES)
    entry = date(2026, 1, 1)
    ok = policy.assess("FRA", entry, date(2026, 3, 31))
    assert (ok.days, ok.overstay, ok.days_over) == (90, False, 0)
    late = policy.assess("FRA", entry, date(2026, 4, 2))
    assert late.overstay and late.days_over == 2 and late.allowed_days == 90
    assert not policy.assess("USA", entry, date(2026, 6, 1)).overstay
    exempt = policy.assess("JAM", entry, date(2027, 1, 1))
    assert exempt.allowed_days is None and not exempt.overstay
    with pytest.raises(ValueError, match="at least one day"):
        StayPolicy.from_config(90, {"FRA": 0})


def test_document_numbers_fold_o_and_i() -> None:
    assert normalize_document_number("o12-345 i") == normalize_document_number("012345 1")
    entry = WatchlistDocument("O12345I", "HTI", "stolen")
    hit = match_document("012345l".upper().replace("L", "1"), "HTI", entry)
    assert hit is not None and hit.score == 95.0 and "stolen" in hit.reason
    assert match_document("O12345I", "HTI", entry).score == 100.0  # type: ignore[union-attr]
    assert match_document("O12345I", "DOM", entry) is None


def test_watchlist_csv_and_person_matching() -> None:
    entries = parse_watchlist_csv(
        "\ufeff"
        + HEADER
        + "document,AB123,HTI,,,,,lost\n"
        + "person,,,Dupont|Dupond,Jean,1980-05-01,FRA,notice 12\n"
        + "person,,,Müller,Hans,1975,DEU,notice 13\n"
        + ",,,,,,,\n"
    )
    assert len(entries) == 3
    dupont, mueller = entries[1], entries[2]
    hit = match_person("DUPOND", "JEAN", date(1980, 5, 1), "FRA", dupont)  # type: ignore[arg-type]
    assert hit is not None and hit.score >= 95 and "same birth date" in hit.reason
    assert match_person("DUPOND", "JEAN", date(1981, 5, 1), "FRA", dupont) is None  # type: ignore[arg-type]
    hit2 = match_person("MULLER", "HANS", date(1975, 3, 3), "DEU", mueller)  # type: ignore[arg-type]
    assert hit2 is not None and "same birth year" in hit2.reason
    assert match_person("SCHMIDT", "HANS", date(1975, 3, 3), "DEU", mueller) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("foo,bar\n1,2\n", "header lacks"),
        (HEADER + "vehicle,,,,,,,x\n", "line 2: list 'vehicle'"),
        (HEADER + "document,,HTI,,,,,x\n", "needs document_number"),
        (HEADER + "document,A1,HAITI,,,,,x\n", "issuing_state"),
        (HEADER + "person,,,,Jean,,,x\n", "needs a surname"),
        (HEADER + "person,,,Doe,Jean,1980-13-01,,x\n", "birth_date"),
        (HEADER + "document,A1,HTI,,,,,x,extra\n", "more fields than the header"),
    ],
)
def test_bad_watchlist_rows_name_the_line(body: str, message: str) -> None:
    with pytest.raises(WatchlistCsvError, match=message):
        parse_watchlist_csv(body)


def test_expired_document_and_minor_warnings() -> None:
    from border_client.domain.mrz import MrzFormat, compose_mrz, parse_mrz
    from border_client.domain.traveler import age_on, document_warnings

    day = date(2026, 11, 27)
    lines = compose_mrz(
        MrzFormat.TD3,
        document_code="P",
        issuing_state="HTI",
        surname="PIERRE",
        given_names="LUC",
        document_number="PA1234567",
        nationality="HTI",
        birth_date_raw="101128",
        sex="M",
        expiry_date_raw="261126",
    )
    doc = parse_mrz(lines, today=day)
    assert age_on(date(2010, 11, 28), day) == 15
    assert document_warnings(doc, day) == ["the document expired on 2026-11-26", "a minor: 15 years old"]
    adult = parse_mrz(
        compose_mrz(
            MrzFormat.TD3,
            document_code="P",
            issuing_state="HTI",
            surname="PIERRE",
            given_names="LUC",
            document_number="PA1234567",
            nationality="HTI",
            birth_date_raw="081127",
            sex="M",
            expiry_date_raw="261127",
        ),
        today=day,
    )
    assert document_warnings(adult, day) == []  # 18 today, document valid through today
