"""`border-client reader ...`: live document readers from the command line.

    border-client reader ports
    border-client reader serial PORT [--baud 9600] [--count 1] [--timeout 60]
    border-client reader camera SOURCE [--engine builtin] [--count 1] [--timeout 60]
                                       [--all-frames] [--face-dir DIR]

Each reading is printed as one JSON object per line (the `mrz scan` fields plus how it was
read).  Exit status: 0 when --count readings arrived, 1 on time-out or end of video, 2 when
the port or video source cannot be opened.
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
import time
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_NOTHING, EXIT_SOURCE = 0, 1, 2


def register(subparsers: Any) -> None:
    reader = subparsers.add_parser("reader", help="serial document readers and cameras")
    sub = reader.add_subparsers(dest="reader_command", metavar="READER_COMMAND", required=True)

    ports = sub.add_parser("ports", help="list serial ports (document readers show up here)")
    ports.set_defaults(func=run_ports)

    serial = sub.add_parser("serial", help="print the MRZs a serial document reader sends")
    serial.add_argument("port", help="e.g. /dev/ttyACM0, COM3, socket://host:port")
    serial.add_argument("--baud", type=int, default=9600)
    serial.add_argument("--count", type=int, default=1, help="stop after this many (0: never)")
    serial.add_argument("--timeout", type=float, default=60.0, help="seconds (0: no limit)")
    serial.set_defaults(func=run_serial)

    camera = sub.add_parser("camera", help="read MRZs from a camera, video file or RTSP URL")
    camera.add_argument("source", help="camera index (0), video file, or rtsp:// URL")
    camera.add_argument("--engine", default=None, help="builtin (default) or passporteye")
    camera.add_argument("--count", type=int, default=1, help="stop after this many (0: never)")
    camera.add_argument("--timeout", type=float, default=60.0, help="seconds (0: no limit)")
    camera.add_argument(
        "--all-frames",
        action="store_true",
        help="scan every frame of a video file instead of playing it in real time",
    )
    camera.add_argument("--face-dir", type=Path, help="save the holder's photo crop here")
    camera.set_defaults(func=run_camera)


def _emit(obj: dict[str, Any]) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def run_ports(args: argparse.Namespace) -> int:
    from border_client.scanning.serial_reader import list_serial_ports

    for port in list_serial_ports():
        _emit(
            {
                "device": port.device,
                "description": port.description,
                "hwid": port.hwid,
                "manufacturer": port.manufacturer,
                "serial_number": port.serial_number,
            }
        )
    return EXIT_OK


def _deadline(timeout: float) -> float | None:
    return time.monotonic() + timeout if timeout > 0 else None


def run_serial(args: argparse.Namespace) -> int:
    from border_client.domain.mrz import parse_mrz
    from border_client.scanning.serial_reader import ReaderState, SerialMrz, SerialMrzReader

    events: queue.Queue[SerialMrz] = queue.Queue()
    states: queue.Queue[tuple[ReaderState, str]] = queue.Queue()
    reader = SerialMrzReader(
        args.port, events.put, on_status=lambda s, d: states.put((s, d)), baudrate=args.baud
    )
    deadline = _deadline(args.timeout)
    got = 0
    with reader:
        # The first status says whether the port opened; a CLI run fails fast if it did not.
        try:
            state, detail = states.get(timeout=10.0)
        except queue.Empty:
            state, detail = ReaderState.CONNECTING, f"{args.port}: no answer from the port"
        if state != ReaderState.CONNECTED:
            _emit({"port": args.port, "found": False, "error": detail})
            print(f"border-client reader serial: {detail}", file=sys.stderr)
            return EXIT_SOURCE
        print(f"border-client reader serial: {detail}", file=sys.stderr)
        while args.count <= 0 or got < args.count:
            while not states.empty():
                state, detail = states.get_nowait()
                print(f"border-client reader serial: {state.value}: {detail}", file=sys.stderr)
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                break
            try:
                event = events.get(timeout=0.2 if left is None else min(0.2, left))
            except queue.Empty:
                continue
            document = parse_mrz(list(event.lines))
            out: dict[str, Any] = {"port": event.port, "found": True, "lines": list(event.lines)}
            out.update({k: v for k, v in document.to_dict().items() if k != "lines"})
            out["engine"] = "serial"
            _emit(out)
            got += 1
    return EXIT_OK if got >= args.count else EXIT_NOTHING


def run_camera(args: argparse.Namespace) -> int:
    from border_client.scanning.camera import CameraError, CameraScanner
    from border_client.scanning.face import crop_face_jpeg

    scanner = CameraScanner(
        args.source,
        args.engine,
        realtime=None if not args.all_frames else False,
        on_error=lambda msg: print(f"border-client reader camera: {msg}", file=sys.stderr),
    )
    try:
        scanner.start()
    except (CameraError, ValueError) as exc:
        _emit({"source": str(args.source), "found": False, "error": str(exc)})
        print(f"border-client reader camera: {exc}", file=sys.stderr)
        return EXIT_SOURCE
    deadline = _deadline(args.timeout)
    got = 0
    try:
        while args.count <= 0 or got < args.count:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                break
            found = scanner.wait_result(timeout=left)
            if found is None:
                if not scanner.running:
                    break  # end of the video
                continue
            out = found.result.to_json()
            out.update(
                {
                    "source": str(args.source),
                    "method": found.method,
                    "frame_index": found.frame_index,
                    "seconds_in_view": round(found.seconds_in_view, 3),
                }
            )
            if args.face_dir is not None:
                photo = crop_face_jpeg(found.frame, found.result.quad)
                if photo is not None:
                    args.face_dir.mkdir(parents=True, exist_ok=True)
                    path = args.face_dir / f"face-{found.frame_index:06d}.jpg"
                    path.write_bytes(photo)
                    out["face"] = str(path)
                else:
                    out["face"] = None
            _emit(out)
            got += 1
    finally:
        scanner.stop()
    return EXIT_OK if got >= args.count else EXIT_NOTHING
