"""The desktop app's entry point: logging, QApplication, translator, and wiring the layers.

``border-client`` with no subcommand and ``python -m border_client.app`` both land in
:func:`main`.  This is the one place where the store, the scanner, the sync and the screens
meet.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main", "display_problem"]

log = logging.getLogger("border_client.app")

NO_DISPLAY_HELP = """\
border-client: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set).
Run it in one of these ways:
  - on a desktop session: start it from a terminal inside the session;
  - on a server, under a virtual X display:   xvfb-run -a border-client
  - with no display at all (renders nothing):  QT_QPA_PLATFORM=offscreen border-client
"""


def display_problem(environ: dict[str, str] | os._Environ[str] | None = None) -> str | None:
    """Why no window can be opened here, or None when a display (or a Qt platform) is set."""
    env = os.environ if environ is None else environ
    if sys.platform != "linux":
        return None
    if env.get("QT_QPA_PLATFORM") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY_HELP


def _default_data_dir() -> Path:
    from border_client.cli import default_data_dir

    return default_data_dir()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="border-client", description="The post's desktop app (inspectors and supervisors)."
    )
    parser.add_argument("--data-dir", type=Path, default=None, help="the post's data directory")
    parser.add_argument(
        "--language", choices=("en", "fr", "es"), default=None, help="override the language"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    return parser


def setup_logging(data_dir: Path | None, verbose: bool = False) -> None:
    """Log to stderr and to a rotating file in the data directory (never personal data)."""
    root = logging.getLogger()
    if getattr(setup_logging, "_done", False):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    stream = logging.StreamHandler()
    stream.setFormatter(fmt)
    stream.setLevel(logging.DEBUG if verbose else logging.WARNING)
    root.addHandler(stream)
    if data_dir is not None:
        try:
            (data_dir / "logs").mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(
                data_dir / "logs" / "client.log",
                maxBytes=2_000_000,
                backupCount=5,
                encoding="utf-8",
            )
            handler.setFormatter(fmt)
            root.addHandler(handler)
        except OSError as exc:
            log.warning("cannot write the log file in %s: %s", data_dir, exc)
    setup_logging._done = True  # type: ignore[attr-defined]


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    problem = display_problem()
    if problem is not None:
        sys.stderr.write(problem)
        return 2
    data_dir: Path = args.data_dir or _default_data_dir()
    setup_logging(data_dir, args.verbose)

    from PySide6.QtWidgets import QApplication

    from border_client.ui.shell import AppShell

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "border-client"])
    assert isinstance(app, QApplication)
    app.setApplicationName("border-client")
    app.setOrganizationName("border-crossing")
    shell = AppShell(data_dir, language=args.language)
    shell.start()
    status = app.exec()
    shell.shutdown()
    return int(status)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
