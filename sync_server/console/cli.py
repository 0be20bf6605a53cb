"""`sync-server user add NAME --role admin|analyst [--password-stdin]` and `console rebuild-summaries`."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from sync_server.cli.common import fail


def register(sub: Any) -> None:
    user = sub.add_parser("user", help="central console users")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION")
    add = user_sub.add_parser("add", help="create a console user (e.g. the first admin)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=("admin", "analyst"))
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (first line) instead of prompting",
    )
    add.set_defaults(func=_user_add)
    user.set_defaults(func=lambda _args: (user.print_help(), 2)[1])

    console = sub.add_parser("console", help="web console maintenance")
    console_sub = console.add_subparsers(dest="console_command", metavar="ACTION")
    rebuild = console_sub.add_parser(
        "rebuild-summaries",
        help="recompute the console's summary tables from the crossings (after a restore)",
    )
    rebuild.set_defaults(func=_rebuild)
    verify = console_sub.add_parser(
        "verify-audit", help="check the whole hash chain of the console's audit log"
    )
    verify.set_defaults(func=_verify_audit)
    console.set_defaults(func=lambda _args: (console.print_help(), 2)[1])


def _open(db_url: str) -> Any:
    from sync_server.console.migrations import upgrade
    from sync_server.db import make_engine, migrate

    engine = make_engine(db_url)
    migrate(engine)
    upgrade(engine)
    return engine


def _read_password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat the password: ") != first:
        print("sync-server: the two passwords differ", file=sys.stderr)
        return None
    return first


def _user_add(args: argparse.Namespace) -> int:
    from sync_server.console import audit
    from sync_server.console.auth import add_user, validate_new_user

    password = _read_password(args)
    if password is None:
        return fail("no password given: type it when asked, or pipe it with --password-stdin")
    try:
        validate_new_user(args.name, password, args.role)
    except ValueError as exc:
        return fail(str(exc))
    engine = _open(args.db)
    try:
        with engine.begin() as conn:
            try:
                user = add_user(conn, args.name, password, args.role)
            except ValueError as exc:
                return fail(str(exc))
            audit.record(conn, "shell", "user_add", user.username, {"role": user.role})
    finally:
        engine.dispose()
    print(f"User {user.username} ({user.role}) created.")
    return 0


def _rebuild(args: argparse.Namespace) -> int:
    from sync_server.console.summaries import rebuild

    engine = _open(args.db)
    try:
        with engine.begin() as conn:
            count = rebuild(conn)
    finally:
        engine.dispose()
    print(f"Summaries rebuilt from {count} crossings.")
    return 0


def _verify_audit(args: argparse.Namespace) -> int:
    from sync_server.console.audit import verify_chain

    engine = _open(args.db)
    try:
        with engine.connect() as conn:
            status = verify_chain(conn)
    finally:
        engine.dispose()
    if status.intact:
        print(f"Audit chain intact: {status.rows} entries verified.")
        return 0
    return fail(f"audit chain broken at entry {status.broken_at}: entries were altered or removed")
