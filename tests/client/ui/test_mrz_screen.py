"""The first screen: MRZ typed, pasted or sent by a keyboard-wedge reader, parsed live."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from border_client.domain.mrz import MrzFormat, compose_mrz
from border_client.ui.mrz_view import MrzReadout, complete_lines, evaluate

TD3 = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]
TD1 = [
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
]


@pytest.fixture
def counter(qtbot):
    screen = MrzReadout()
    screen.mrz_input.today = date(2010, 1, 1)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def test_keyboard_wedge_td3_parses_after_last_character(counter, qtbot):
    view = counter.document_view
    with qtbot.waitSignal(counter.documentRead, timeout=2000) as blocker:
        qtbot.keyClicks(counter.mrz_input, TD3[0])
        assert counter.mrz_input.state.kind == "partial"
        qtbot.keyClick(counter.mrz_input, Qt.Key.Key_Return)
        qtbot.keyClicks(counter.mrz_input, TD3[1][:-1])
        assert counter.mrz_input.state.kind == "partial"
        assert "Line 2: 43 characters" in view.warnings_label.text()
        qtbot.keyClicks(counter.mrz_input, TD3[1][-1])
    doc = blocker.args[0]
    assert doc.format is MrzFormat.TD3
    assert view.values["surname"].text() == "ERIKSSON"
    assert view.values["given_names"].text() == "ANNA MARIA"
    assert view.values["document_number"].text() == "L898902C3"
    assert view.values["birth_date"].text() == "1974-08-12"
    for key in ("document_number", "birth_date", "expiry_date", "optional_data", "composite"):
        assert view.checks[key].property("status") == "ok", key
        assert "passes" in view.checks[key].text()
    assert "Every check digit passes" in view.banner_label.text()
    # UTO is ICAO's fictional specimen state: reported as a warning, never a crash.
    assert "UTO" in view.warnings_label.text()


def test_enter_after_complete_mrz_signals_completion_instead_of_new_line(counter, qtbot):
    counter.mrz_input.set_mrz(TD3)
    with qtbot.waitSignal(counter.mrz_input.completed, timeout=1000):
        qtbot.keyClick(counter.mrz_input, Qt.Key.Key_Return)
    assert counter.mrz_input.toPlainText().count("\n") == 1


def test_pasted_td1_with_lower_case_and_spaces(counter):
    counter.mrz_input.setPlainText("  " + TD1[0].lower() + "\r\n" + TD1[1] + " \n" + TD1[2] + "\n")
    state = counter.mrz_input.state
    assert state.kind == "parsed"
    assert state.document.format is MrzFormat.TD1
    assert counter.document_view.values["optional_data_2"].isVisible()
    assert counter.document_view.checks["optional_data"].property("status") == "none"


def test_failed_check_digit_is_named_and_shown_as_failure(counter):
    bad = [TD3[0], TD3[1][:9] + "7" + TD3[1][10:]]  # document number check digit 6 -> 7
    counter.mrz_input.set_mrz(bad)
    view = counter.document_view
    assert counter.mrz_input.state.kind == "parsed"
    assert view.checks["document_number"].property("status") == "fail"
    assert "FAILS" in view.checks["document_number"].text()
    assert view.checks["composite"].property("status") == "fail"
    assert "document number" in view.banner_label.text()
    assert view.banner.property("banner") == "fail"


def test_character_outside_the_alphabet_names_line_and_column(counter):
    counter.mrz_input.setPlainText(TD3[0] + "\n" + "L898902C3€")
    view = counter.document_view
    assert counter.mrz_input.state.kind == "error"
    assert "line 2, column 10" in view.warnings_label.text()
    assert view.banner.property("banner") == "fail"


def test_wrong_line_length_is_an_error_not_a_wait(counter):
    counter.mrz_input.setPlainText(TD3[0] + "X\n" + TD3[1])
    assert counter.mrz_input.state.kind == "error"
    assert "45" in counter.document_view.warnings_label.text()


def test_single_line_wedge_is_split(counter):
    counter.mrz_input.setPlainText("".join(TD3))
    assert counter.mrz_input.state.kind == "parsed"
    assert counter.mrz_input.state.document.document_number == "L898902C3"


@pytest.mark.parametrize("fmt", list(MrzFormat))
def test_every_format_parses_into_the_view(counter, fmt):
    code = {"TD1": "I", "TD2": "I", "TD3": "P", "MRVA": "V", "MRVB": "V"}[fmt.value]
    lines = compose_mrz(
        fmt,
        document_code=code,
        issuing_state="HTI",
        surname="PIERRE",
        given_names="JEAN MARC",
        document_number="HA1234567",
        nationality="HTI",
        birth_date_raw="900215",
        sex="M",
        expiry_date_raw="300101",
    )
    counter.mrz_input.set_mrz(lines)
    state = counter.mrz_input.state
    assert state.kind == "parsed", state.message
    assert state.document.format is fmt
    assert counter.document_view.values["nationality"].text().startswith("HTI — Haiti")
    assert counter.document_view.banner.property("banner") == "ok"


def test_escape_clears_the_counter(counter, qtbot):
    counter.mrz_input.set_mrz(TD3)
    qtbot.keyClick(counter, Qt.Key.Key_Escape)
    assert counter.mrz_input.toPlainText() == ""
    assert counter.document_view.values["surname"].text() == ""


def test_complete_lines_waits_for_all_lines():
    assert complete_lines([TD1[0], TD1[1]]) is None
    assert complete_lines(TD1) == TD1
    assert evaluate(TD1[0] + "\n" + TD1[1]).kind == "partial"
