"""Live MRZ capture from a camera, a video file or an RTSP stream.

Two worker threads and no Qt (the desktop wraps the callbacks in signals):

* the capture thread reads frames as the source delivers them and keeps only the newest,
  so a slow scan never builds a backlog and the preview stays live;
* the scan thread runs the MRZ engine on the newest frame, on a crop around the zone found
  in the previous frame when there is one (the document is usually still where it was),
  and feeds every reading to an :class:`MrzVoter`.

A reading is accepted when the engine reports it valid (every check digit passes, nothing
uncertain), or when the last few readings of the same layout agree character by character
and the voted MRZ then passes every check.  One document is reported once; it is reported
again only after it has left the view.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import cv2
import numpy as np

from border_client.domain.mrz import FIELD_LAYOUTS, MrzError, detect_format, parse_mrz
from border_client.scanning.engine import MrzEngine, Point, ScanResult, get_engine

__all__ = [
    "CameraError",
    "CameraResult",
    "CameraScanner",
    "MrzVoter",
    "Preview",
    "open_capture",
]

log = logging.getLogger(__name__)

Source = int | str


class CameraError(RuntimeError):
    """The video source cannot be opened or stopped delivering frames; the message says which."""


def _describe(source: Source) -> str:
    if isinstance(source, int):
        return f"camera {source}"
    if "://" in source:
        scheme, _, rest = source.partition("://")
        host = rest.split("@")[-1]  # never show credentials embedded in an RTSP URL
        return f"stream {scheme}://{host}"
    return f"video file {source}"


def _normalise_source(source: Source | os.PathLike[str]) -> Source:
    if isinstance(source, os.PathLike):
        return os.fspath(source)
    if isinstance(source, str) and source.strip().isdigit():
        return int(source.strip())
    return source


def open_capture(
    source: Source | os.PathLike[str],
    *,
    width: int = 1280,
    height: int = 720,
    open_timeout_ms: int = 8000,
) -> cv2.VideoCapture:
    """An opened ``cv2.VideoCapture`` for a device index, a video file or a stream URL.

    Raises :class:`CameraError` naming the source and the likely cause.
    """
    src = _normalise_source(source)
    what = _describe(src)
    if isinstance(src, int):
        if src < 0:
            raise CameraError(f"{what}: a camera index is 0 or more")
        node = Path(f"/dev/video{src}")
        if os.name == "posix" and Path("/dev").is_dir() and not node.exists():
            raise CameraError(f"{what}: no such device ({node} does not exist); is it plugged in?")
        cap = cv2.VideoCapture(src)
        if cap.isOpened():
            # Ask for 720p (the reader is tuned for it); a camera that cannot do it keeps its own.
            cap.set(cv2.CAP_PROP_FRAME_WIDTH, width)
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
            cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)
    elif "://" in src:
        params = [
            cv2.CAP_PROP_OPEN_TIMEOUT_MSEC,
            open_timeout_ms,
            cv2.CAP_PROP_READ_TIMEOUT_MSEC,
            open_timeout_ms,
        ]
        cap = cv2.VideoCapture(src, cv2.CAP_FFMPEG, params)
    else:
        path = Path(src)
        if not path.exists():
            raise CameraError(f"{what}: file not found")
        if path.is_dir():
            raise CameraError(f"{what}: is a directory")
        if path.stat().st_size == 0:
            raise CameraError(f"{what}: file is empty (0 bytes)")
        cap = cv2.VideoCapture(str(path))
    if not cap.isOpened():
        cap.release()
        hint = {
            int: "in use by another program, or no permission (video group)?",
            str: "not a video OpenCV can decode, or the stream is unreachable",
        }[type(src)]
        raise CameraError(f"{what}: cannot be opened ({hint})")
    ok, frame = cap.read()
    if not ok or frame is None:
        cap.release()
        raise CameraError(f"{what}: opened but delivers no frames")
    # Put the first frame back for file sources so nothing is skipped.
    if not isinstance(src, int) and "://" not in str(src):
        cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
    return cap


# -- voting ---------------------------------------------------------------------------------


@dataclass
class _Reading:
    lines: tuple[str, ...]
    uncertain: frozenset[str]
    valid: bool


class MrzVoter:
    """Combines per-frame readings into one trustworthy MRZ.

    Pure logic, no threads: :meth:`add` takes each frame's :class:`ScanResult` and returns
    an accepted result or None.  Voting uses the last *window* readings with the same line
    layout; each character position needs *min_agree* votes and a two-thirds majority, the
    voted text must pass every check digit, and a field the engine flagged uncertain in most
    of those readings stays uncertain (a systematic misreading, such as '<' read as K in
    every frame, is not cured by repetition).
    """

    def __init__(self, *, window: int = 8, min_agree: int = 3) -> None:
        if min_agree < 2 or window < min_agree:
            raise ValueError("need window >= min_agree >= 2")
        self.window = window
        self.min_agree = min_agree
        self._history: deque[_Reading] = deque(maxlen=window)
        #: The latest voted reading, accepted or not: lines and the fields still in doubt.
        self.provisional: tuple[list[str], list[str]] | None = None

    def reset(self) -> None:
        self._history.clear()
        self.provisional = None

    def add(self, result: ScanResult) -> tuple[ScanResult, str] | None:
        """Add one frame's reading; return (accepted result, "checks" | "vote") or None."""
        if not result.found or not result.lines:
            return None
        if result.valid and not result.uncertain and result.document is not None:
            self.provisional = (list(result.lines), [])
            return result, "checks"
        self._history.append(_Reading(tuple(result.lines), frozenset(result.uncertain), bool(result.valid)))
        shape = tuple(len(line) for line in result.lines)
        same = [r for r in self._history if tuple(len(line) for line in r.lines) == shape]
        if len(same) < self.min_agree:
            return None
        voted, weak = self._vote([r.lines for r in same])
        try:
            fmt = detect_format(voted)
        except MrzError:
            return None
        doubtful = set(self._fields_at(fmt, weak))
        majority = len(same) / 2.0
        for name in {f for r in same for f in r.uncertain}:
            if sum(name in r.uncertain for r in same) > majority:
                doubtful.add(name)
        try:
            document = parse_mrz(voted)
        except MrzError:
            return None
        failed = {"composite": "composite_check"}
        doubtful.update(failed.get(c, c) for c in document.failed_checks)
        self.provisional = (voted, sorted(doubtful))
        if doubtful or not document.valid:
            return None
        accepted = ScanResult(
            found=True,
            engine=f"{result.engine}+vote",
            lines=voted,
            document=document,
            valid=True,
            uncertain=[],
            quad=result.quad,
        )
        return accepted, "vote"

    def _vote(self, readings: Sequence[tuple[str, ...]]) -> tuple[list[str], list[tuple[int, int]]]:
        voted: list[str] = []
        weak: list[tuple[int, int]] = []
        for ln in range(len(readings[0])):
            chars = []
            for i in range(len(readings[0][ln])):
                counts = Counter(r[ln][i] for r in readings)
                char, votes = counts.most_common(1)[0]
                if votes < self.min_agree or votes * 3 < len(readings) * 2:
                    weak.append((ln, i))
                chars.append(char)
            voted.append("".join(chars))
        return voted, weak

    @staticmethod
    def _fields_at(fmt: object, positions: Sequence[tuple[int, int]]) -> list[str]:
        names = []
        for ln, i in positions:
            for spec in FIELD_LAYOUTS[fmt]:  # type: ignore[index]
                if spec.line == ln and spec.start <= i < spec.end and spec.name not in names:
                    names.append(spec.name)
        return names


# -- the live scanner -----------------------------------------------------------------------


@dataclass(frozen=True)
class CameraResult:
    """An accepted MRZ with the frame it was read from (for the face crop and the record)."""

    result: ScanResult
    method: str  # "checks": one reading passed everything; "vote": readings agreed
    frame: np.ndarray
    frame_index: int
    readings: int  # frames scanned since the document came into view
    accepted_at: float  # time.monotonic()
    seconds_in_view: float


@dataclass(frozen=True)
class Preview:
    """What the preview shows: the newest scanned frame and the MRZ outline on it."""

    frame: np.ndarray | None
    frame_index: int
    quad: list[Point] | None
    found: bool
    provisional: tuple[list[str], list[str]] | None
    scan_fps: float
    state: str


ResultCallback = Callable[[CameraResult], None]
ErrorCallback = Callable[[str], None]
PreviewCallback = Callable[[Preview], None]


@dataclass
class _Slot:
    frame: np.ndarray | None = None
    index: int = -1
    taken: int = -1
    ended: bool = False
    captured_at: dict[int, float] = field(default_factory=dict)


class CameraScanner:
    """Reads frames from *source* and searches each for an MRZ until stopped.

    *source*: a device index (``0`` or ``"0"``), a video file path, or a stream URL
    (``rtsp://...``).  *realtime* (default: True for cameras and streams, False for files)
    paces a file at its frame rate and drops frames the scanner cannot keep up with, as a
    live camera would; False scans every frame of a file in order.
    Callbacks run on the worker threads: keep them short and thread-safe.
    """

    def __init__(
        self,
        source: Source | os.PathLike[str],
        engine: MrzEngine | str | None = None,
        *,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        on_preview: PreviewCallback | None = None,
        realtime: bool | None = None,
        window: int = 8,
        min_agree: int = 3,
        absent_frames_to_rearm: int = 5,
        track_zone: bool = True,
        width: int = 1280,
        height: int = 720,
        reconnect_interval: float = 1.0,
    ) -> None:
        self.source = _normalise_source(source)
        self._engine_arg = engine
        self.engine: MrzEngine | None = None
        self.on_result = on_result
        self.on_error = on_error
        self.on_preview = on_preview
        self._is_file = isinstance(self.source, str) and "://" not in self.source
        self.realtime = (not self._is_file) if realtime is None else realtime
        self.voter = MrzVoter(window=window, min_agree=min_agree)
        self.absent_frames_to_rearm = absent_frames_to_rearm
        self.track_zone = track_zone
        self._size = (width, height)
        self.reconnect_interval = reconnect_interval

        self._cap: cv2.VideoCapture | None = None
        self._stop = threading.Event()
        self._cond = threading.Condition()
        self._slot = _Slot()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._preview = Preview(None, -1, None, False, None, 0.0, "stopped")
        self._results: deque[CameraResult] = deque(maxlen=16)
        self._result_event = threading.Event()
        self._scan_times: deque[float] = deque(maxlen=30)
        self._last_quad: list[Point] | None = None
        self._absent = 0
        self._accepted_lines: tuple[str, ...] | None = None
        self._in_view_since: float | None = None
        self._readings_in_view = 0
        self.frames_captured = 0
        self.frames_scanned = 0
        self.stream_started_at: float | None = None
        self.state = "stopped"
        self.error: str | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> None:
        """Open the source (raising :class:`CameraError` if it cannot be) and start the workers."""
        if self.running:
            return
        if self.engine is None:
            eng = self._engine_arg
            self.engine = eng if eng is not None and not isinstance(eng, str) else get_engine(eng)
        self._stop.clear()
        cap = open_capture(self.source, width=self._size[0], height=self._size[1])
        if self._stop.is_set():
            # stop() was called (e.g. the dialog closed) while the device was still opening
            cap.release()
            self.state = "stopped"
            return
        self._cap = cap
        self._slot = _Slot()
        self.state = "running"
        self.error = None
        self._threads = [
            threading.Thread(target=self._capture_loop, name="camera-capture", daemon=True),
            threading.Thread(target=self._scan_loop, name="camera-scan", daemon=True),
        ]
        for t in self._threads:
            t.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop both workers and release the device; safe to call twice or from a callback."""
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        current = threading.current_thread()
        for t in self._threads:
            if t is not current:
                t.join(timeout)
        if self._cap is not None and not any(t.is_alive() for t in self._threads):
            self._cap.release()
            self._cap = None
        if self.state == "running":
            self.state = "stopped"

    @property
    def running(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def __enter__(self) -> CameraScanner:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def rearm(self) -> None:
        """Report the document in view again (e.g. after the inspector discarded the reading)."""
        with self._lock:
            self._accepted_lines = None
            self.voter.reset()

    # -- what the UI reads -------------------------------------------------------------------
    def preview(self) -> Preview:
        """The newest captured frame with the outline from the newest scan.

        The frame is newer than the scan when scanning is slower than the camera, so the
        preview moves at the camera's rate; the outline lags by at most one scan.
        ``on_preview`` instead receives each scanned frame with its own outline.
        """
        with self._lock:
            scanned = self._preview
        with self._cond:
            frame, index = self._slot.frame, self._slot.index
        if frame is None or index <= scanned.frame_index:
            return scanned
        return Preview(
            frame,
            index,
            scanned.quad,
            scanned.found,
            scanned.provisional,
            scanned.scan_fps,
            scanned.state,
        )

    @property
    def scan_fps(self) -> float:
        times = list(self._scan_times)
        if len(times) < 2 or times[-1] <= times[0]:
            return 0.0
        return (len(times) - 1) / (times[-1] - times[0])

    def wait_result(self, timeout: float | None = None) -> CameraResult | None:
        """Block until a result is accepted (or the source ends, or *timeout*); None if none."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._lock:
                if self._results:
                    return self._results.popleft()
                self._result_event.clear()
            if not self.running:
                return None
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return None
            self._result_event.wait(0.1 if left is None else min(0.1, left))

    def captured_at(self, frame_index: int) -> float | None:
        """When the capture thread handed out frame *frame_index* (time.monotonic())."""
        with self._cond:
            return self._slot.captured_at.get(frame_index)

    # -- workers -------------------------------------------------------------------------------
    def _report_error(self, message: str) -> None:
        if message == self.error:
            return  # a source that stays away is reported once, not every retry
        self.error = message
        log.warning("%s", message)
        if self.on_error is not None:
            try:
                self.on_error(message)
            except Exception:  # noqa: BLE001 - a UI bug must not kill capture
                log.exception("camera error callback failed")

    def _capture_loop(self) -> None:
        assert self._cap is not None
        cap = self._cap
        fps = cap.get(cv2.CAP_PROP_FPS) if self._is_file else 0.0
        fps = fps if fps and math.isfinite(fps) and 1.0 <= fps <= 240.0 else 25.0
        started = time.monotonic()
        self.stream_started_at = started
        index = -1
        try:
            while not self._stop.is_set():
                ok, frame = cap.read()
                if not ok or frame is None:
                    if self._is_file:
                        break  # end of the video
                    self._report_error(f"{_describe(self.source)}: stopped delivering frames; reconnecting")
                    cap.release()
                    while not self._stop.wait(self.reconnect_interval):
                        try:
                            cap = open_capture(self.source, width=self._size[0], height=self._size[1])
                        except CameraError as exc:
                            self._report_error(str(exc))  # once per distinct reason
                            continue
                        self._cap = cap
                        break
                    continue
                index += 1
                self.frames_captured += 1
                self.error = None  # frames flow (again)
                if self._is_file and self.realtime:
                    due = started + index / fps
                    delay = due - time.monotonic()
                    if delay > 0 and self._stop.wait(delay):
                        break
                with self._cond:
                    self._slot.frame = frame
                    self._slot.index = index
                    self._slot.captured_at[index] = time.monotonic()
                    if len(self._slot.captured_at) > 4096:
                        self._slot.captured_at.pop(min(self._slot.captured_at))
                    self._cond.notify_all()
                    if self._is_file and not self.realtime:
                        # lockstep: every frame of the file is scanned, none dropped
                        self._cond.wait_for(partial(self._consumed, index))
        except cv2.error as exc:
            self._report_error(f"{_describe(self.source)}: capture failed ({exc})")
        finally:
            with self._cond:
                self._slot.ended = True
                self._cond.notify_all()

    def _consumed(self, index: int) -> bool:
        return self._slot.taken >= index or self._stop.is_set()

    def _scan_loop(self) -> None:
        try:
            while not self._stop.is_set():
                with self._cond:
                    self._cond.wait_for(
                        lambda: self._stop.is_set() or self._slot.index > self._slot.taken or self._slot.ended
                    )
                    if self._stop.is_set():
                        break
                    if self._slot.index <= self._slot.taken:
                        break  # ended and nothing new
                    frame, index = self._slot.frame, self._slot.index
                    self._slot.taken = index
                    self._cond.notify_all()
                assert frame is not None
                self._process(frame, index)
        finally:
            if self.state == "running":
                self.state = "ended" if not self._stop.is_set() else "stopped"
            with self._lock:
                self._preview = Preview(
                    self._preview.frame,
                    self._preview.frame_index,
                    self._preview.quad,
                    self._preview.found,
                    self._preview.provisional,
                    self.scan_fps,
                    self.state,
                )
            self._result_event.set()

    def _read(self, frame: np.ndarray) -> ScanResult:
        assert self.engine is not None
        engine = self.engine
        quad = self._last_quad
        if self.track_zone and quad is not None:
            x0, y0, x1, y1 = _zone_window(quad, frame.shape)
            if (x1 - x0) * (y1 - y0) < 0.6 * frame.shape[0] * frame.shape[1]:
                try:
                    sub = engine.read(np.ascontiguousarray(frame[y0:y1, x0:x1]))
                except Exception as exc:  # noqa: BLE001 - engines must not raise, but
                    sub = ScanResult(found=False, engine=engine.name, error=str(exc))
                if sub.found and sub.lines:
                    if sub.quad is not None:
                        sub.quad = [(x + x0, y + y0) for x, y in sub.quad]
                    return sub
        try:
            return engine.read(frame)
        except Exception as exc:  # noqa: BLE001 - one bad frame must not stop the camera
            return ScanResult(found=False, engine=engine.name, error=str(exc))

    def _process(self, frame: np.ndarray, index: int) -> None:
        result = self._read(frame)
        now = time.monotonic()
        self.frames_scanned += 1
        self._scan_times.append(now)
        accepted: CameraResult | None = None
        with self._lock:
            if result.found and result.lines:
                self._absent = 0
                self._last_quad = result.quad
                if self._in_view_since is None:
                    self._in_view_since = self.captured_at_unlocked(index) or now
                self._readings_in_view += 1
                outcome = self.voter.add(result)
                if outcome is not None:
                    final, method = outcome
                    lines = tuple(final.lines)
                    if lines != self._accepted_lines:
                        self._accepted_lines = lines
                        accepted = CameraResult(
                            result=final,
                            method=method,
                            frame=frame,
                            frame_index=index,
                            readings=self._readings_in_view,
                            accepted_at=now,
                            seconds_in_view=now - (self._in_view_since or now),
                        )
                        self._results.append(accepted)
                        self._result_event.set()
            else:
                self._absent += 1
                self._last_quad = None
                if self._absent >= self.absent_frames_to_rearm:
                    # the document has left the view: the next one (or the same again) counts
                    self.voter.reset()
                    self._accepted_lines = None
                    self._in_view_since = None
                    self._readings_in_view = 0
            self._preview = Preview(
                frame,
                index,
                result.quad,
                bool(result.found),
                self.voter.provisional,
                self.scan_fps,
                self.state,
            )
            preview = self._preview
        if accepted is not None and self.on_result is not None:
            try:
                self.on_result(accepted)
            except Exception:  # noqa: BLE001
                log.exception("camera result callback failed")
        if self.on_preview is not None:
            try:
                self.on_preview(preview)
            except Exception:  # noqa: BLE001
                log.exception("camera preview callback failed")

    def captured_at_unlocked(self, frame_index: int) -> float | None:
        return self._slot.captured_at.get(frame_index)


def _zone_window(quad: Sequence[Point], shape: tuple[int, ...]) -> tuple[int, int, int, int]:
    """A search window around the previous frame's MRZ, wide enough for a moving hand."""
    pts = np.asarray(quad, dtype=np.float64).reshape(-1, 2)
    x0, y0 = pts.min(axis=0)
    x1, y1 = pts.max(axis=0)
    w, h = x1 - x0, y1 - y0
    mx, my = 0.15 * w + 20, 0.8 * h + 20
    height, width = shape[:2]
    return (
        int(max(0, x0 - mx)),
        int(max(0, y0 - my)),
        int(min(width, x1 + mx)),
        int(min(height, y1 + my)),
    )
