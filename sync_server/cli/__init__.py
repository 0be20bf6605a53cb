"""The `sync-server` command line: one dispatcher, subcommands registered by modules.

Each module in ``COMMAND_MODULES`` exposes ``register(subparsers)``; it adds its subcommands
and sets ``func`` (taking the parsed ``argparse.Namespace``, returning an exit status).
``args.db`` holds the database URL (``--db``, else $SYNC_SERVER_DB_URL, else the SQLite file).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from sync_server.config import default_db_url

COMMAND_MODULES = [
    "sync_server.cli.serve_commands",
    "sync_server.cli.device_commands",
    "sync_server.cli.watchlist_commands",
    "sync_server.cli.reference_commands",
    "sync_server.console.cli",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sync-server",
        description="Border crossing registration: the central office's sync server.",
    )
    parser.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help="database URL, e.g. postgresql+psycopg://user@host/db "
        "(default: $SYNC_SERVER_DB_URL or a SQLite file under ~/.local/share/sync-server)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # a module another engineer has not landed yet
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.db is None:
        args.db = default_db_url()
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    return int(func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
