"""Serial document readers: MRZ assembly from framed byte streams, and a real pseudo-terminal port."""

from __future__ import annotations

import os
import queue
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from border_client.domain.mrz import MrzFormat
from border_client.scanning.serial_reader import (
    MrzAssembler,
    PortInfo,
    ReaderState,
    SerialMrz,
    SerialMrzReader,
    list_serial_ports,
)

TD3 = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]
TD1 = [
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
]
TD2 = [
    "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
    "D231458907UTO7408122F1204159<<<<<<<6",
]


def _lines_of(found: list) -> list[list[str]]:
    return [list(lines) for lines, _fmt in found]


# -- assembler (pure) -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "fmt", "eol"),
    [(TD3, MrzFormat.TD3, b"\r\n"), (TD1, MrzFormat.TD1, b"\r"), (TD2, MrzFormat.TD2, b"\n")],
)
def test_lines_with_each_line_ending(lines: list[str], fmt: MrzFormat, eol: bytes) -> None:
    asm = MrzAssembler()
    data = b"".join(line.encode() + eol for line in lines)
    found = asm.feed(data, now=0.0)
    assert found == [(lines, fmt)]
    assert asm.pending_lines == 0


def test_byte_by_byte_and_incomplete_until_last_line() -> None:
    asm = MrzAssembler()
    data = ("\r\n".join(TD1) + "\r\n").encode()
    got = []
    for i, byte in enumerate(data):
        got += asm.feed(bytes([byte]), now=i * 0.001)
        if i < len(data) - 2:
            assert got == [], i  # nothing before the third line ends
    assert _lines_of(got) == [TD1]


def test_stx_etx_framing_and_other_control_bytes() -> None:
    asm = MrzAssembler()
    # junk before STX (a half message from before) must be discarded, not joined
    data = (
        b"L898902C36UTO74\r\n"
        + b"\x02"
        + b"\x1c"
        + TD3[0].encode()
        + b"\r"
        + b"\x1d"
        + TD3[1].encode()
        + b"\x03"
    )
    assert _lines_of(asm.feed(data, now=0.0)) == [TD3]


def test_etx_ends_a_message_so_lines_do_not_carry_over() -> None:
    asm = MrzAssembler()
    assert asm.feed(b"\x02" + TD3[0].encode() + b"\x03", now=0.0) == []
    # the second line alone, in its own message, is not completed by the earlier first line
    assert asm.feed(b"\x02" + TD3[1].encode() + b"\x03", now=0.1) == []


def test_whole_zone_without_line_breaks() -> None:
    asm = MrzAssembler()
    assert _lines_of(asm.feed(("".join(TD3) + "\r").encode(), now=0.0)) == [TD3]
    assert _lines_of(asm.feed(("".join(TD1) + "\r").encode(), now=1.0)) == [TD1]


def test_lowercase_and_stray_spaces_are_normalised() -> None:
    asm = MrzAssembler()
    data = ("  " + TD3[0].lower() + " \r\n" + TD3[1] + "\r\n").encode()
    assert _lines_of(asm.feed(data, now=0.0)) == [TD3]


def test_noise_lines_are_ignored_and_back_to_back_documents() -> None:
    asm = MrzAssembler()
    data = (
        b"READER v2.1 READY\r\n"
        + b"\r\n".join(line.encode() for line in TD3)
        + b"\r\n\r\n"
        + b"\r\n".join(line.encode() for line in TD2)
        + b"\r\n"
    )
    found = asm.feed(data, now=0.0)
    assert _lines_of(found) == [TD3, TD2]
    assert [fmt for _l, fmt in found] == [MrzFormat.TD3, MrzFormat.TD2]


def test_two_lines_of_thirty_are_not_a_document() -> None:
    asm = MrzAssembler()
    assert asm.feed(("\r".join(TD1[:2]) + "\r").encode(), now=0.0) == []
    assert asm.pending_lines == 2


def test_corrupted_byte_prevents_a_document() -> None:
    asm = MrzAssembler()
    bad = TD3[1][:10].encode() + b"\xb3" + TD3[1][11:].encode()  # same length, one byte garbled
    assert asm.feed(TD3[0].encode() + b"\r\n" + bad + b"\r\n", now=0.0) == []
    # and a dropped byte (line one short) is not completed either
    assert asm.feed(TD3[0].encode() + b"\r\n" + TD3[1][1:].encode() + b"\r\n", now=0.1) == []


def test_stale_half_document_is_not_joined_to_the_next() -> None:
    asm = MrzAssembler(stale_after=2.0)
    assert asm.feed(TD3[0].encode() + b"\r\n", now=0.0) == []
    # ten seconds later only the second line of a different swipe arrives
    assert asm.feed(TD3[1].encode() + b"\r\n", now=10.0) == []
    asm.expire(now=20.0)
    assert asm.pending_lines == 0


def test_endless_garbage_does_not_grow_buffers() -> None:
    asm = MrzAssembler()
    for i in range(200):
        asm.feed(b"\xff\xfe" * 500, now=i * 0.01)  # wrong baud rate looks like this
    assert len(asm._partial) <= 200
    assert _lines_of(asm.feed(b"\r\n" + "\r\n".join(TD3).encode() + b"\r\n", now=3.0)) == [TD3]


def test_dropped_swipes_are_explained_without_their_content() -> None:
    asm = MrzAssembler()
    short = TD3[1][:-1]  # the reader lost the last character
    assert asm.feed(b"\x02" + TD3[0].encode() + b"\r" + short.encode() + b"\r\x03", now=0.0) == []
    notices = asm.take_notices()
    assert len(notices) == 1
    assert "44 and 43 characters" in notices[0] and "read the document again" in notices[0]
    assert "ERIKSSON" not in notices[0] and "L898902C3" not in notices[0]  # no personal data
    assert asm.take_notices() == []

    garbled = TD3[1][:10] + "\xb3" + TD3[1][11:]
    asm.feed(TD3[0].encode() + b"\r\n" + garbled.encode("latin-1") + b"\r\n", now=1.0)
    assert any("garbled" in n for n in asm.take_notices())

    asm.feed(b"\xff\xfe" * 300, now=2.0)  # 9600 baud reader read at 115200
    assert any("baud rate" in n for n in asm.take_notices())

    # normal traffic says nothing
    asm.feed(b"\x02" + "\r".join(TD1).encode() + b"\r\x03", now=3.0)
    asm.feed(b"READER READY\r\n", now=3.5)
    assert asm.take_notices() == []


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["TD3", "TD1", "TD2"]),
            st.binary(min_size=0, max_size=120),
        ),
        min_size=1,
        max_size=8,
    ),
    st.integers(min_value=1, max_value=17),
)
def test_noise_between_documents_never_yields_a_wrong_mrz(chunks: list, piece: int) -> None:
    """Whatever garbage surrounds them, only MRZs that were sent come out, and every
    document framed with STX ... ETX comes out whole."""
    docs = {"TD3": TD3, "TD1": TD1, "TD2": TD2}
    stream = b""
    framed = []
    for chunk in chunks:
        if isinstance(chunk, str):
            stream += b"\x02" + "\r\n".join(docs[chunk]).encode() + b"\r\n\x03"
            framed.append(docs[chunk])
        else:
            stream += chunk
    asm = MrzAssembler()
    found = []
    for i in range(0, len(stream), piece):  # delivered in arbitrary pieces
        found += asm.feed(stream[i : i + piece], now=0.0)
    got = _lines_of(found)
    assert all(lines in (TD3, TD1, TD2) for lines in got)
    assert got == framed


# -- a real pseudo-terminal as the virtual COM port ------------------------------------------


class VirtualPort:
    """A pty pair; the reader opens a stable symlink to the slave, like /dev/serial/by-id/..."""

    def __init__(self, link: Path) -> None:
        self.link = link
        self.master: int | None = None
        self.plug()

    def plug(self) -> None:
        master, slave = os.openpty()
        slave_path = os.ttyname(slave)
        os.close(slave)  # pyserial opens it by path
        if self.link.is_symlink():
            self.link.unlink()
        self.link.symlink_to(slave_path)
        self.master = master

    def unplug(self) -> None:
        assert self.master is not None
        os.close(self.master)
        self.master = None
        self.link.unlink()

    def send(self, data: bytes) -> None:
        assert self.master is not None
        os.write(self.master, data)

    def close(self) -> None:
        if self.master is not None:
            os.close(self.master)
            self.master = None


class Recorder:
    def __init__(self) -> None:
        self.mrz: queue.Queue[SerialMrz] = queue.Queue()
        self.states: list[tuple[ReaderState, str]] = []
        self._cv = threading.Condition()

    def on_mrz(self, event: SerialMrz) -> None:
        self.mrz.put(event)

    def on_status(self, state: ReaderState, detail: str) -> None:
        with self._cv:
            self.states.append((state, detail))
            self._cv.notify_all()

    def wait_state(self, state: ReaderState, count: int = 1, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        with self._cv:
            while sum(1 for s, _ in self.states if s == state) < count:
                left = deadline - time.monotonic()
                assert left > 0, f"no {state} after {timeout}s: {self.states}"
                self._cv.wait(left)


@pytest.fixture()
def vport(tmp_path: Path):
    port = VirtualPort(tmp_path / "ttyMRZ")
    yield port
    port.close()


@pytest.mark.timeout(60)
def test_reads_mrz_from_virtual_port(vport: VirtualPort) -> None:
    rec = Recorder()
    notices: queue.Queue[str] = queue.Queue()
    reader = SerialMrzReader(
        str(vport.link),
        rec.on_mrz,
        on_status=rec.on_status,
        on_notice=notices.put,
        reconnect_interval=0.1,
    )
    with reader:
        rec.wait_state(ReaderState.CONNECTED)
        vport.send(b"\x02" + TD3[0].encode() + b"\r\x03")  # a swipe cut short
        assert "do not form a complete MRZ" in notices.get(timeout=10)
        vport.send(b"\x02" + "\r".join(TD3).encode() + b"\r\x03")
        event = rec.mrz.get(timeout=10)
        assert event.lines == tuple(TD3)
        assert event.format == MrzFormat.TD3
        assert event.port == str(vport.link)
        assert event.text == "\n".join(TD3)
        # the second document arrives in pieces, as a slow UART delivers it
        payload = ("\r\n".join(TD1) + "\r\n").encode()
        for i in range(0, len(payload), 7):
            vport.send(payload[i : i + 7])
            time.sleep(0.005)
        assert rec.mrz.get(timeout=10).lines == tuple(TD1)
    assert not reader.running
    assert reader.state == ReaderState.STOPPED


@pytest.mark.timeout(60)
def test_reconnects_when_the_port_disappears_and_returns(vport: VirtualPort) -> None:
    rec = Recorder()
    reader = SerialMrzReader(str(vport.link), rec.on_mrz, on_status=rec.on_status, reconnect_interval=0.1)
    with reader:
        rec.wait_state(ReaderState.CONNECTED)
        vport.unplug()
        rec.wait_state(ReaderState.DISCONNECTED)
        time.sleep(0.3)  # a few failed reopen attempts while it is gone
        assert reader.state == ReaderState.CONNECTING
        assert reader.last_error and str(vport.link) in reader.last_error
        vport.plug()
        rec.wait_state(ReaderState.CONNECTED, count=2)
        vport.send(("\r\n".join(TD2) + "\r\n").encode())
        assert rec.mrz.get(timeout=10).lines == tuple(TD2)


@pytest.mark.timeout(30)
def test_missing_port_reports_why_and_stops_cleanly(tmp_path: Path) -> None:
    rec = Recorder()
    missing = str(tmp_path / "ttyUSB9")
    reader = SerialMrzReader(missing, rec.on_mrz, on_status=rec.on_status, reconnect_interval=0.05)
    reader.start()
    rec.wait_state(ReaderState.CONNECTING)
    state, detail = rec.states[0]
    assert missing in detail and "cannot open" in detail
    started = time.monotonic()
    reader.stop()
    assert time.monotonic() - started < 2.0
    assert not reader.running


@pytest.mark.timeout(30)
def test_callback_errors_do_not_stop_the_reader(vport: VirtualPort) -> None:
    got: queue.Queue[SerialMrz] = queue.Queue()
    calls = []

    def flaky(event: SerialMrz) -> None:
        calls.append(event)
        if len(calls) == 1:
            raise RuntimeError("UI not ready")
        got.put(event)

    rec = Recorder()
    with SerialMrzReader(str(vport.link), flaky, on_status=rec.on_status) as reader:
        rec.wait_state(ReaderState.CONNECTED)
        vport.send(("\r".join(TD3) + "\r").encode())
        vport.send(("\r".join(TD3) + "\r").encode())
        assert got.get(timeout=10).lines == tuple(TD3)
        assert reader.running


@pytest.mark.timeout(30)
def test_stop_is_prompt_while_blocked_in_read(vport: VirtualPort) -> None:
    rec = Recorder()
    reader = SerialMrzReader(str(vport.link), rec.on_mrz, on_status=rec.on_status)
    reader.start()
    rec.wait_state(ReaderState.CONNECTED)
    started = time.monotonic()
    reader.stop()
    assert time.monotonic() - started < 1.0
    assert not reader.running


def test_empty_port_name_is_refused() -> None:
    with pytest.raises(ValueError, match="no serial port"):
        SerialMrzReader("", lambda e: None)


def test_list_serial_ports_returns_port_infos() -> None:
    ports = list_serial_ports()
    assert isinstance(ports, list)
    assert all(isinstance(p, PortInfo) and p.device for p in ports)
    assert [p.device for p in ports] == sorted(p.device for p in ports)


# -- the command line ---------------------------------------------------------------------------


@pytest.mark.timeout(60)
def test_cli_prints_the_mrz_a_reader_sends(vport: VirtualPort) -> None:
    import json
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "border_client.cli", "reader", "serial", str(vport.link),
         "--count", "1", "--timeout", "30"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()  # "listening on ..." once the port is open
        assert "listening" in line, line
        vport.send(b"\x02" + "\r".join(TD1).encode() + b"\r\x03")
        out, _err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0
    obj = json.loads(out)
    assert obj["lines"] == TD1 and obj["format"] == "TD1" and obj["valid"] is True
    assert obj["document_number"] == "D23145890"


@pytest.mark.timeout(60)
def test_cli_fails_fast_on_a_missing_port(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    missing = str(tmp_path / "ttyACM7")
    proc = subprocess.run(
        [sys.executable, "-m", "border_client.cli", "reader", "serial", missing],
        capture_output=True,
        text=True,
        timeout=50,
    )
    assert proc.returncode == 2
    obj = json.loads(proc.stdout)
    assert obj["found"] is False and missing in obj["error"]
