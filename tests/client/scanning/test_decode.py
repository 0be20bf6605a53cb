"""Structure decoding on controlled per-cell probabilities: check digits decide only what they can."""

from __future__ import annotations

import numpy as np

from border_client.domain.mrz import MrzFormat, compose_mrz, parse_mrz
from border_client.scanning.decode import decode
from border_client.scanning.ocrb import ALPHABET, CHAR_INDEX


def _td3() -> list[str]:
    return compose_mrz(
        MrzFormat.TD3,
        document_code="P",
        issuing_state="UTO",
        surname="ERIKSSON",
        given_names="ANNA MARIA",
        document_number="L898902C3",
        nationality="UTO",
        birth_date_raw="740812",
        sex="F",
        expiry_date_raw="120415",
        optional_data="ZE184226B",
    )


def _probs(lines: list[str], sure: float = 0.995) -> list[np.ndarray]:
    out = []
    for line in lines:
        p = np.full((len(line), len(ALPHABET)), (1 - sure) / (len(ALPHABET) - 1))
        for i, c in enumerate(line):
            p[i, CHAR_INDEX[c]] = sure
        out.append(p)
    return out


def _confuse(p: list[np.ndarray], line: int, pos: int, mix: dict[str, float]) -> None:
    row = np.full(len(ALPHABET), 1e-4)
    for c, v in mix.items():
        row[CHAR_INDEX[c]] = v
    p[line][pos] = row / row.sum()


def test_clean_reading_is_valid() -> None:
    lines = _td3()
    d = decode(_probs(lines), MrzFormat.TD3)
    assert d.lines == lines
    assert d.checks_ok and not d.uncertain


def test_letter_o_in_a_date_is_a_digit() -> None:
    lines = _td3()
    pos = lines[1].index("0", 13)  # a zero inside the birth date
    p = _probs(lines)
    _confuse(p, 1, pos, {"O": 0.8, "0": 0.2})
    d = decode(p, MrzFormat.TD3)
    assert d.lines == lines
    assert not d.uncertain


def test_check_digit_resolves_o_against_zero_in_document_number() -> None:
    lines = compose_mrz(
        MrzFormat.TD3,
        document_code="P",
        issuing_state="UTO",
        surname="A",
        given_names="B",
        document_number="AB0123456",
        nationality="UTO",
        birth_date_raw="740812",
        sex="F",
        expiry_date_raw="300415",
    )
    p = _probs(lines)
    _confuse(p, 1, 2, {"O": 0.55, "0": 0.45})  # O (24) and 0 differ by 4 mod 10: the check tells
    d = decode(p, MrzFormat.TD3)
    assert d.lines == lines
    assert "document_number" not in d.uncertain


def test_zero_against_u_in_document_number_stays_uncertain() -> None:
    """U = 30 and 0 = 0 are equal modulo 10: the check digit cannot choose."""
    lines = compose_mrz(
        MrzFormat.TD3,
        document_code="P",
        issuing_state="UTO",
        surname="A",
        given_names="B",
        document_number="AB0123456",
        nationality="UTO",
        birth_date_raw="740812",
        sex="F",
        expiry_date_raw="300415",
    )
    p = _probs(lines)
    _confuse(p, 1, 2, {"U": 0.5, "0": 0.5})
    d = decode(p, MrzFormat.TD3)
    assert "document_number" in d.uncertain
    fields_ok = parse_mrz(d.lines).valid
    assert fields_ok  # both readings pass the check ...
    # ... which is exactly why the reader must not call it valid


def test_filler_run_read_as_k_in_name_tail() -> None:
    lines = _td3()
    p = _probs(lines)
    tail = lines[0].rstrip("<")
    for k in range(len(tail) + 4, len(tail) + 7):  # '<<<' after the name, read as K-ish
        _confuse(p, 0, k, {"K": 0.6, "<": 0.4})
    d = decode(p, MrzFormat.TD3)
    assert d.lines[0] == lines[0]


def test_doubtful_name_letter_is_uncertain() -> None:
    lines = _td3()
    p = _probs(lines)
    _confuse(p, 0, 6, {"R": 0.55, "P": 0.45})
    d = decode(p, MrzFormat.TD3)
    assert "name" in d.uncertain


def test_unresolvable_check_failure_is_reported() -> None:
    lines = _td3()
    wrong = lines[1][:3] + ("7" if lines[1][3] != "7" else "6") + lines[1][4:]
    d = decode(_probs([lines[0], wrong]), MrzFormat.TD3)
    assert not d.checks_ok
    assert "document_number" in d.uncertain
