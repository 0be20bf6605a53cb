"""Serial and virtual-COM-port document readers: bytes from the port in, complete MRZs out.

Desk document readers (Access-IS, Gemalto/Thales CR, Regula, DESKO and many no-name OCR
swipe readers) emulate a serial port over USB and send each MRZ line as ASCII followed by
CR, LF or CR LF; some wrap the whole document in STX ... ETX, some add other control bytes,
and some send the zone as one unbroken string.  :class:`MrzAssembler` turns that byte stream
into complete MRZs (2 or 3 lines of a known ICAO 9303 layout, checked with the domain's
``normalize_mrz_input`` / ``detect_format``), and :class:`SerialMrzReader` runs it on a port
in a background thread, reopening the port when the device is unplugged and comes back.

No Qt here: the desktop wraps the callbacks in signals.  MRZ text is personal data and is
never logged.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import serial
from serial.tools import list_ports as _list_ports

from border_client.domain.mrz import MrzError, MrzFormat, detect_format, normalize_mrz_input

__all__ = [
    "MrzAssembler",
    "PortInfo",
    "ReaderState",
    "SerialMrz",
    "SerialMrzReader",
    "list_serial_ports",
]

log = logging.getLogger(__name__)

STX, ETX, EOT, CR, LF = 0x02, 0x03, 0x04, 0x0D, 0x0A
# Line lengths of the ICAO layouts: TD1 3x30, TD2 / MRV-B 2x36, TD3 / MRV-A 2x44.
_ROWS_BY_LENGTH = {30: 3, 36: 2, 44: 2}
# A reader that sends the whole zone without line breaks: total length -> line length.
_UNBROKEN = {90: 30, 72: 36, 88: 44}
# Longest line we keep buffering; beyond this the stream is not MRZ text (wrong baud rate,
# binary protocol) and the partial line is dropped rather than growing without bound.
_MAX_LINE = 200


@dataclass(frozen=True)
class SerialMrz:
    """One complete MRZ as the device sent it (normalised lines, not yet parsed)."""

    lines: tuple[str, ...]
    format: MrzFormat
    port: str
    received_at: float  # time.time()

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


class MrzAssembler:
    """Turns a byte stream into complete MRZs.  Pure: no I/O, no threads, no clock of its own.

    Framing handled: CR / LF / CR LF line ends, STX (start: drop any half-received
    document), ETX / EOT (end of message), other control bytes ignored, a whole zone sent
    as one line.  Lines left waiting longer than *stale_after* seconds when new data arrives
    are dropped, so half of one document is never joined to the next one.
    """

    def __init__(self, *, stale_after: float = 2.0) -> None:
        self.stale_after = stale_after
        self._partial = bytearray()
        self._lines: list[str] = []
        self._last_data_at: float | None = None
        #: Why received text was dropped (no MRZ content, only line counts and lengths), for
        #: the inspector: "swipe again" beats silence.  Drained by :meth:`take_notices`.
        self.notices: list[str] = []

    def take_notices(self) -> list[str]:
        notices, self.notices = self.notices, []
        return notices

    def _notice(self, text: str) -> None:
        if not self.notices or self.notices[-1] != text:
            self.notices.append(text)

    def _drop_lines(self, why: str) -> None:
        """Forget the pending lines, saying so when they looked like part of an MRZ."""
        mrz_like = [line for line in self._lines if len(line) >= 20 and "<" in line]
        if mrz_like:
            lengths = " and ".join(str(len(line)) for line in self._lines)
            self._notice(
                f"the reader sent {len(self._lines)} line(s) of {lengths} characters that do not "
                f"form a complete MRZ ({why}); read the document again"
            )
        self._lines.clear()

    def reset(self) -> None:
        self._partial.clear()
        self._lines.clear()
        self._last_data_at = None

    @property
    def pending_lines(self) -> int:
        return len(self._lines)

    def feed(self, data: bytes, now: float | None = None) -> list[tuple[list[str], MrzFormat]]:
        """Add received bytes; return the MRZs they completed (usually none or one)."""
        now = time.monotonic() if now is None else now
        if self._last_data_at is not None and now - self._last_data_at > self.stale_after:
            self._partial.clear()
            self._drop_lines("the rest never came")
        self._last_data_at = now
        found: list[tuple[list[str], MrzFormat]] = []
        for byte in data:
            if byte == STX:
                self._partial.clear()
                self._drop_lines("a new message began")
            elif byte in (CR, LF):
                found.extend(self._end_line())
            elif byte in (ETX, EOT):
                found.extend(self._end_line())
                self._drop_lines("the message ended")  # nothing carries over
            elif byte < 0x20 or byte == 0x7F:
                continue  # other framing (FS, GS, RS, US, NUL, ...) carries no MRZ text
            else:
                # Keep a non-ASCII byte as '?' rather than dropping it: dropping would shift
                # every later character and could still give a line of the right length.
                self._partial.append(byte if byte < 0x80 else 0x3F)
                if len(self._partial) > _MAX_LINE:
                    self._partial.clear()
                    self._lines.clear()
                    self._notice(
                        "the reader sends data that is not MRZ text: check the baud rate "
                        "and that the reader is set to send the MRZ as text"
                    )
        return found

    def expire(self, now: float | None = None) -> None:
        """Drop a half-received document once the device has been silent too long."""
        now = time.monotonic() if now is None else now
        if self._last_data_at is not None and now - self._last_data_at > self.stale_after:
            self._partial.clear()
            self._drop_lines("the rest never came")

    def _end_line(self) -> list[tuple[list[str], MrzFormat]]:
        text = self._partial.decode("ascii", errors="replace").strip().upper()
        self._partial.clear()
        if not text:
            return []
        compact = text.replace(" ", "")
        if len(compact) in _UNBROKEN and len(self._lines) == 0:
            width = _UNBROKEN[len(compact)]
            rows = [compact[i : i + width] for i in range(0, len(compact), width)]
            mrz = _as_mrz(rows)
            if mrz is not None:
                return [mrz]
        self._lines.append(compact)
        del self._lines[:-3]
        return self._try_complete()

    def _try_complete(self) -> list[tuple[list[str], MrzFormat]]:
        last = self._lines[-1]
        rows = _ROWS_BY_LENGTH.get(len(last))
        if rows is None or len(self._lines) < rows:
            return []
        candidate = self._lines[-rows:]
        if any(len(line) != len(last) for line in candidate):
            return []
        mrz = _as_mrz(candidate)
        if mrz is not None:
            self._lines.clear()
            return [mrz]
        if "?" in "".join(candidate):
            self._notice("the reader sent garbled characters; read the document again")
        return []


def _as_mrz(rows: Sequence[str]) -> tuple[list[str], MrzFormat] | None:
    try:
        lines = normalize_mrz_input(list(rows))
        fmt = detect_format(lines)
    except MrzError:
        return None
    return lines, fmt


class ReaderState(StrEnum):
    STOPPED = "stopped"
    CONNECTING = "connecting"  # port absent or busy; retrying
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"  # the open port failed (unplugged); will reopen


@dataclass(frozen=True)
class PortInfo:
    device: str
    description: str
    hwid: str
    manufacturer: str | None = None
    serial_number: str | None = None


def list_serial_ports() -> list[PortInfo]:
    """Serial ports present now (USB CDC/FTDI readers show as /dev/ttyACM*, /dev/ttyUSB*, COMn)."""
    ports = [
        PortInfo(
            device=p.device,
            description=p.description or "",
            hwid=p.hwid or "",
            manufacturer=p.manufacturer,
            serial_number=p.serial_number,
        )
        for p in _list_ports.comports()
    ]
    return sorted(ports, key=lambda p: p.device)


MrzCallback = Callable[[SerialMrz], None]
StatusCallback = Callable[[ReaderState, str], None]


class SerialMrzReader:
    """Reads MRZs from a serial document reader in a daemon thread.

    *port* is a device path (``/dev/ttyACM0``, ``COM3``) or a pyserial URL
    (``socket://host:port`` for readers behind a serial server, ``rfc2217://...``).
    *on_mrz* is called from the reader thread for every complete MRZ; *on_status* on every
    state change with a human-readable detail (e.g. why the port cannot be opened);
    *on_notice* when received text was dropped (a partial or garbled swipe, wrong baud rate).
    """

    def __init__(
        self,
        port: str,
        on_mrz: MrzCallback,
        *,
        on_status: StatusCallback | None = None,
        on_notice: Callable[[str], None] | None = None,
        baudrate: int = 9600,
        bytesize: int = serial.EIGHTBITS,
        parity: str = serial.PARITY_NONE,
        stopbits: float = serial.STOPBITS_ONE,
        rtscts: bool = False,
        xonxoff: bool = False,
        reconnect_interval: float = 1.0,
        stale_after: float = 2.0,
    ) -> None:
        if not port:
            raise ValueError("no serial port configured for the document reader")
        self.port = port
        self._on_mrz = on_mrz
        self._on_status = on_status
        self._on_notice = on_notice
        self._settings = {
            "baudrate": baudrate,
            "bytesize": bytesize,
            "parity": parity,
            "stopbits": stopbits,
            "rtscts": rtscts,
            "xonxoff": xonxoff,
        }
        self.reconnect_interval = reconnect_interval
        self._assembler = MrzAssembler(stale_after=stale_after)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._serial: serial.SerialBase | None = None
        self._lock = threading.Lock()
        self.state = ReaderState.STOPPED
        self.last_error: str | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"serial-mrz-{self.port}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 3.0) -> None:
        """Stop reading and close the port; returns once the thread has ended (or *timeout*)."""
        self._stop.set()
        with self._lock:
            ser = self._serial
        if ser is not None:
            # wake a blocking read at once; not every URL handler supports it
            with contextlib.suppress(Exception):
                ser.cancel_read()
        if self._thread is not None:
            self._thread.join(timeout)
        self._set_state(ReaderState.STOPPED, "")

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def __enter__(self) -> SerialMrzReader:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- worker ----------------------------------------------------------------------------
    def _set_state(self, state: ReaderState, detail: str) -> None:
        if state == self.state and state != ReaderState.CONNECTING:
            return
        changed = state != self.state
        self.state = state
        if state in (ReaderState.CONNECTING, ReaderState.DISCONNECTED) and detail:
            self.last_error = detail
        if changed:
            log.info("document reader %s: %s %s", self.port, state.value, detail)
            if self._on_status is not None:
                try:
                    self._on_status(state, detail)
                except Exception:  # noqa: BLE001 - a UI bug must not kill the reader
                    log.exception("document reader status callback failed")

    def _open(self) -> serial.SerialBase:
        ser = serial.serial_for_url(self.port, do_not_open=True, timeout=0.25, **self._settings)
        if os.name == "posix" and hasattr(ser, "exclusive"):
            # Two programs reading one reader each get half the bytes: refuse to share
            # (Windows COM ports are exclusive already).
            ser.exclusive = True
        ser.open()
        ser.reset_input_buffer()  # bytes from before we listened belong to nobody
        return ser

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                ser = self._open()
            except (serial.SerialException, OSError, ValueError) as exc:
                self._set_state(ReaderState.CONNECTING, f"cannot open {self.port}: {exc}")
                self._stop.wait(self.reconnect_interval)
                continue
            with self._lock:
                self._serial = ser
            self._assembler.reset()
            self._set_state(ReaderState.CONNECTED, f"listening on {self.port}")
            try:
                self._pump(ser)
            except (serial.SerialException, OSError) as exc:
                if not self._stop.is_set():
                    self._set_state(ReaderState.DISCONNECTED, f"{self.port} lost: {exc}")
            finally:
                with self._lock:
                    self._serial = None
                with contextlib.suppress(Exception):  # the device may already be gone
                    ser.close()
            self._stop.wait(self.reconnect_interval)

    def _pass_notices(self) -> None:
        for notice in self._assembler.take_notices():
            log.info("document reader %s: %s", self.port, notice)
            if self._on_notice is not None:
                try:
                    self._on_notice(notice)
                except Exception:  # noqa: BLE001 - a UI bug must not kill the reader
                    log.exception("document reader notice callback failed")

    def _pump(self, ser: serial.SerialBase) -> None:
        while not self._stop.is_set():
            waiting = ser.in_waiting
            data = ser.read(max(1, min(waiting, 4096)))
            if not data:
                self._assembler.expire()
                self._pass_notices()
                continue
            found = self._assembler.feed(data)
            self._pass_notices()
            for lines, fmt in found:
                event = SerialMrz(tuple(lines), fmt, self.port, time.time())
                log.debug("document reader %s: %s MRZ received", self.port, fmt.value)
                try:
                    self._on_mrz(event)
                except Exception:  # noqa: BLE001 - keep reading after a consumer error
                    log.exception("document reader MRZ callback failed")
