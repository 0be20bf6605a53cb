"""Live capture: per-character voting, a generated video as the camera, and sources that fail."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from border_client.domain.mrz import parse_mrz
from border_client.scanning.camera import (
    CameraError,
    CameraResult,
    CameraScanner,
    MrzVoter,
    open_capture,
)
from border_client.scanning.engine import ScanResult

from .io_helpers import TD3, render_page, write_video

TD2 = [
    "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
    "D231458907UTO7408122F1204159<<<<<<<6",
]


def _reading(lines: list[str], uncertain: list[str] | None = None) -> ScanResult:
    """What an engine returns for one frame (document parsed when the text parses)."""
    doc = parse_mrz(lines)
    doubt = list(uncertain or [])
    return ScanResult(
        found=True,
        engine="builtin",
        lines=list(lines),
        document=doc,
        valid=doc.valid and not doubt,
        uncertain=doubt,
        quad=[(10.0, 10.0), (100.0, 10.0), (100.0, 30.0), (10.0, 30.0)],
    )


def _typo(lines: list[str], line: int, pos: int, char: str) -> list[str]:
    out = list(lines)
    out[line] = out[line][:pos] + char + out[line][pos + 1 :]
    return out


# -- voting (pure) --------------------------------------------------------------------------


def test_a_reading_that_passes_everything_is_accepted_at_once() -> None:
    voter = MrzVoter()
    outcome = voter.add(_reading(TD3))
    assert outcome is not None
    result, method = outcome
    assert method == "checks" and result.lines == TD3 and result.valid


def test_disagreeing_frames_are_voted_per_character() -> None:
    voter = MrzVoter(window=6, min_agree=3)
    # each frame misreads a different check-covered character, so none is valid alone
    frames = [
        (_typo(TD3, 1, 2, "B"), "document_number"),  # 8 read as B
        (_typo(TD3, 1, 15, "8"), "birth_date"),
        (_typo(TD3, 1, 23, "7"), "expiry_date"),
        (_typo(TD3, 1, 4, "O"), "document_number"),  # 0 read as O
    ]
    outcomes = [voter.add(_reading(lines, [field])) for lines, field in frames]
    accepted = [o for o in outcomes if o is not None]
    assert len(accepted) == 1 and outcomes[-1] is not None
    result, method = accepted[0]
    assert method == "vote"
    assert result.lines == TD3
    assert result.valid and result.uncertain == [] and result.document is not None
    assert result.engine == "builtin+vote"


def test_systematic_doubt_is_not_cured_by_repetition() -> None:
    voter = MrzVoter(window=6, min_agree=3)
    for _ in range(6):
        # the engine reads the same text every frame but is never sure of the name
        assert voter.add(_reading(TD3, ["name"])) is None
    assert voter.provisional is not None
    lines, doubtful = voter.provisional
    assert lines == TD3 and doubtful == ["name"]


def test_agreeing_on_a_wrong_check_digit_is_not_accepted() -> None:
    voter = MrzVoter(window=6, min_agree=3)
    wrong = _typo(TD3, 1, 2, "3")  # same misread in every frame: the check digit catches it
    for _ in range(5):
        assert voter.add(_reading(wrong)) is None
    assert voter.provisional is not None
    assert "document_number" in voter.provisional[1]


def test_no_majority_leaves_the_position_in_doubt() -> None:
    voter = MrzVoter(window=6, min_agree=3)
    variants = ["8", "B", "8", "B", "8", "B"]
    for ch in variants:
        voter.add(_reading(_typo(TD3, 0, 20, ch if ch != "8" else "A"), ["name"]))
    assert voter.provisional is not None
    assert "name" in voter.provisional[1]


def test_layouts_are_not_mixed_and_reset_clears() -> None:
    voter = MrzVoter(window=8, min_agree=3)
    assert voter.add(_reading(TD3, ["name"])) is None
    assert voter.add(_reading(TD2, ["name"])) is None
    assert voter.add(_reading(TD3, ["name"])) is None
    voter.reset()
    assert voter.provisional is None
    not_found = ScanResult(found=False, engine="builtin")
    assert voter.add(not_found) is None


def test_voter_rejects_nonsense_settings() -> None:
    with pytest.raises(ValueError):
        MrzVoter(window=2, min_agree=3)


# -- a generated video as the camera ----------------------------------------------------------


@pytest.fixture(scope="module")
def document_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    page = render_page(width=900)
    path = tmp_path_factory.mktemp("camera") / "counter.avi"
    # empty desk, the passport held steady, the desk again, the passport again
    return write_video(path, [(None, 4), (page, 8), (None, 7), (page, 6)])


@pytest.mark.timeout(300)
def test_reads_the_document_from_a_video_once_per_appearance(document_video: Path) -> None:
    got: list[CameraResult] = []
    previews = []
    scanner = CameraScanner(
        document_video,
        "builtin",
        on_result=got.append,
        on_preview=previews.append,
        realtime=False,
    )
    scanner.start()
    first = scanner.wait_result(timeout=240)
    assert first is not None
    assert first.result.lines == TD3
    assert first.result.valid and first.result.uncertain == []
    assert first.method in ("checks", "vote")
    assert 4 <= first.frame_index < 12  # read while the first appearance was in view
    assert first.frame.shape == (720, 1280, 3)
    assert first.result.quad is not None
    second = scanner.wait_result(timeout=240)
    assert second is not None and second.frame_index >= 19  # the second appearance
    assert scanner.wait_result(timeout=240) is None  # the video ended, nothing else
    assert not scanner.running and scanner.state == "ended"
    scanner.stop()
    assert [r.frame_index for r in got] == [first.frame_index, second.frame_index]
    assert scanner.frames_scanned == 25  # lockstep: every frame of the file was scanned
    # the preview followed the frames and outlined the MRZ while the document was in view
    assert [p.frame_index for p in previews] == list(range(25))
    assert any(p.found and p.quad is not None for p in previews[4:12])
    assert not any(p.found for p in previews[:4])
    quad = next(p.quad for p in previews[4:12] if p.quad is not None)
    ys = [y for _, y in quad]
    assert min(ys) > 360  # the MRZ is in the lower half of the frame


@pytest.mark.timeout(300)
def test_realtime_playback_and_prompt_stop(document_video: Path) -> None:
    scanner = CameraScanner(str(document_video), "builtin", realtime=True)
    with scanner:
        time.sleep(0.3)
        assert scanner.running
        preview = scanner.preview()
        assert preview.state == "running"
        # the preview shows the newest captured frame, even while a scan is still running
        deadline = time.monotonic() + 60
        while scanner.preview().frame is None and time.monotonic() < deadline:
            time.sleep(0.02)
        latest = scanner.preview()
        assert latest.frame is not None and latest.frame.shape == (720, 1280, 3)
        assert latest.frame_index >= 0
        started = time.monotonic()
    assert time.monotonic() - started < 10.0
    assert not scanner.running
    assert scanner.state == "stopped"


@pytest.mark.timeout(120)
def test_callback_may_stop_the_scanner(document_video: Path) -> None:
    done = threading.Event()
    holder: dict[str, CameraScanner] = {}

    def on_result(result: CameraResult) -> None:
        holder["s"].stop()  # from the worker thread itself: must not deadlock
        done.set()

    scanner = CameraScanner(document_video, "builtin", on_result=on_result, realtime=False)
    holder["s"] = scanner
    scanner.start()
    assert done.wait(100)
    for _ in range(100):
        if not scanner.running:
            break
        time.sleep(0.05)
    assert not scanner.running


# -- sources that cannot be opened -------------------------------------------------------------


def test_missing_empty_and_non_video_files(tmp_path: Path) -> None:
    with pytest.raises(CameraError, match=r"nothere\.avi: file not found"):
        CameraScanner(tmp_path / "nothere.avi", "builtin").start()
    empty = tmp_path / "empty.avi"
    empty.write_bytes(b"")
    with pytest.raises(CameraError, match="empty"):
        open_capture(empty)
    text = tmp_path / "notes.avi"
    text.write_text("not a video\n" * 100)
    with pytest.raises(CameraError, match=r"notes\.avi: cannot be opened|no frames"):
        open_capture(text)
    with pytest.raises(CameraError, match="is a directory"):
        open_capture(tmp_path)


def test_absent_camera_index() -> None:
    with pytest.raises(CameraError, match="camera 63: no such device"):
        open_capture(63)
    with pytest.raises(CameraError, match="camera 63"):
        CameraScanner("63", "builtin").start()
    with pytest.raises(CameraError, match="0 or more"):
        open_capture(-1)


@pytest.mark.timeout(60)
def test_unreachable_stream_fails_fast_without_showing_credentials() -> None:
    started = time.monotonic()
    with pytest.raises(CameraError) as err:
        open_capture("rtsp://inspector:secret@127.0.0.1:9/live", open_timeout_ms=3000)
    assert time.monotonic() - started < 30
    assert "127.0.0.1:9/live" in str(err.value)
    assert "secret" not in str(err.value)


# -- the command line ---------------------------------------------------------------------------


@pytest.mark.timeout(300)
def test_cli_reads_documents_and_saves_no_face_for_a_faceless_page(
    document_video: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from border_client.cli import main

    faces = tmp_path / "faces"
    status = main(
        ["reader", "camera", str(document_video), "--all-frames", "--count", "2",
         "--face-dir", str(faces), "--timeout", "240"]
    )  # fmt: skip
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status == 0
    assert len(out) == 2
    for obj in out:
        assert obj["lines"] == TD3 and obj["valid"] is True and obj["uncertain"] == []
        assert obj["document_number"] == "L898902C3" and obj["surname"] == "ERIKSSON"
        assert obj["method"] in ("checks", "vote") and obj["face"] is None
    assert out[1]["frame_index"] > out[0]["frame_index"]


def test_cli_reports_a_source_that_cannot_be_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from border_client.cli import main

    status = main(["reader", "camera", str(tmp_path / "missing.avi")])
    captured = capsys.readouterr()
    assert status == 2
    obj = json.loads(captured.out)
    assert obj["found"] is False and "missing.avi: file not found" in obj["error"]
    assert "file not found" in captured.err


@pytest.mark.timeout(300)
def test_live_source_that_stops_is_reopened(document_video: Path) -> None:
    """A camera that stops delivering (unplugged, stream dropped) is reported and reopened.

    A video file stands in for the camera: at its end the read fails as a dropped stream does,
    and reopening starts it again, so the document is seen a second time.
    """
    errors: list[str] = []
    scanner = CameraScanner(
        document_video, "builtin", on_error=errors.append, realtime=True, reconnect_interval=0.1
    )
    scanner._is_file = False  # treat the file as a live source: no end of stream
    scanner.start()
    try:
        deadline = time.monotonic() + 200
        while not errors and time.monotonic() < deadline:
            time.sleep(0.05)
        assert errors and "stopped delivering frames; reconnecting" in errors[0]
        frames_before = scanner.frames_captured
        while scanner.frames_captured <= frames_before + 5 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert scanner.frames_captured > frames_before + 5  # frames flow again
        assert scanner.running
    finally:
        scanner.stop()
    assert not scanner.running


@pytest.mark.slow
@pytest.mark.real_specimens
@pytest.mark.timeout(600)
def test_real_documents_held_to_the_camera_are_never_accepted_wrong(
    real_specimens_dir: Path, tmp_path: Path
) -> None:
    """Real specimen pages shown one after another; whatever is accepted is exactly right."""
    import json

    import cv2

    from border_client.scanning.imageio import load_image

    items = [
        it
        for it in json.loads((real_specimens_dir / "manifest.json").read_text())["items"]
        if it["ground_truth_trusted"] and it["lines"] and it["format"] in ("TD1", "TD2", "TD3")
    ][:12]
    segments: list = []
    for item in items:
        page = load_image(real_specimens_dir / item["file"])
        scale = min(1100 / page.shape[1], 650 / page.shape[0])
        page = cv2.resize(page, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        segments += [(None, 3), (page, 6)]
    video = write_video(tmp_path / "specimens.avi", segments)
    results: list[CameraResult] = []
    scanner = CameraScanner(video, "builtin", on_result=results.append, realtime=False)
    scanner.start()
    while scanner.running:
        time.sleep(0.1)
    scanner.stop()
    assert scanner.frames_scanned == 9 * len(items)
    shown = list(results)
    assert len(shown) >= 3, "the camera path accepted almost nothing"
    for res in shown:
        item = items[res.frame_index // 9]
        assert res.frame_index % 9 >= 3  # only while a document was in view
        assert res.result.lines == item["lines"], item["file"]
    # one result per appearance
    assert len({r.frame_index // 9 for r in shown}) == len(shown)


def test_stop_while_opening_leaves_nothing_running(
    document_video: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The UI opens the camera on a worker and may close the dialog before it has opened."""
    import border_client.scanning.camera as camera_module

    scanner = CameraScanner(document_video, "builtin", realtime=True)
    real_open = camera_module.open_capture

    def slow_open(*args, **kwargs):  # a device that takes its time to open
        scanner.stop()  # the inspector closes the dialog meanwhile
        return real_open(*args, **kwargs)

    monkeypatch.setattr(camera_module, "open_capture", slow_open)
    scanner.start()
    assert not scanner.running
    assert scanner.state == "stopped"
    assert scanner._cap is None
