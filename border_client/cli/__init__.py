"""The `border-client` command line: one dispatcher, subcommands registered by modules.

Each module in ``COMMAND_MODULES`` exposes ``register(subparsers)``; it adds its subcommands
and sets ``func`` (taking the parsed ``argparse.Namespace``, returning an exit status).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

COMMAND_MODULES = [
    "border_client.cli.mrz_commands",
    "border_client.cli.store_commands",
    "border_client.cli.sync_commands",
    "border_client.cli.reader_commands",
]


def default_data_dir() -> Path:
    env = os.environ.get("BORDER_CLIENT_DATA_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "border-client"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="border-client",
        description="Border crossing registration: the post's client.",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="where the post's encrypted store lives (default: $BORDER_CLIENT_DATA_DIR "
        "or ~/.local/share/border-client)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # No subcommand: start the desktop app before importing every command module (the store's
    # modules take about a second to import; the log-in window should not wait for them).
    quick = argparse.ArgumentParser(add_help=False)
    quick.add_argument("--data-dir", type=Path, default=None)
    known, rest = quick.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    if not rest:
        from border_client.app import main as app_main

        return app_main(["--data-dir", str(known.data_dir or default_data_dir())])
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir is None:
        args.data_dir = default_data_dir()
    func = getattr(args, "func", None)
    if func is None:
        if args.command is None:
            # No subcommand: start the desktop app, as an inspector would expect.
            from border_client.app import main as app_main

            return app_main(["--data-dir", str(args.data_dir)])
        parser.print_help()
        return 2
    return int(func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
