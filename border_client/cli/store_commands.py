"""`border-client init|user|register|records|overstays|watchlist|verify-audit|rekey|export|backup|recover`.

Every command that needs a log-in takes ``--user U`` and reads the password from the terminal,
or, with ``--password-stdin``, as one line of standard input (further secrets, such as a new
user's password, follow as further lines). ``--json`` prints machine-readable output.

Exit statuses: 0 done; 1 a check failed (``verify-audit`` found a broken link); 2 bad input;
3 log-in refused; 4 the role does not allow it; 5 the store or its key-slots file is damaged.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DatabaseError as SADatabaseError

from border_client.domain.errors import DomainError
from border_client.domain.mrz import MrzDocument, parse_mrz
from border_client.services import (
    accounts,
    audit,
    registration,
    reporting,
)
from border_client.services import watchlist as watchlist_service
from border_client.services.alerts import AlertDecision
from border_client.services.common import PermissionDenied, ServiceError, UserSession
from border_client.storage import Store
from border_client.storage.db import DB_NAME
from border_client.storage.errors import (
    AuthError,
    DatabaseDamaged,
    KeySlotsDamaged,
    StoreError,
)

__all__ = ["add_login_arguments", "open_logged_in", "register"]

EXIT_OK, EXIT_CHECK_FAILED, EXIT_INPUT, EXIT_AUTH, EXIT_ROLE, EXIT_DAMAGED = 0, 1, 2, 3, 4, 5


class CliError(Exception):
    def __init__(self, message: str, status: int = EXIT_INPUT) -> None:
        super().__init__(message)
        self.status = status


# -- secrets -----------------------------------------------------------------------------------

_stdin_lines: Iterator[str] | None = None


def _next_stdin_line(what: str) -> str:
    global _stdin_lines
    if _stdin_lines is None:
        _stdin_lines = iter(sys.stdin.readline, "")
    line = next(_stdin_lines, None)
    if line is None:
        raise CliError(f"expected {what} as a line on standard input, got end of input")
    return line.rstrip("\r\n")


def _read_secret(args: argparse.Namespace, what: str, *, confirm: bool = False) -> str:
    if getattr(args, "password_stdin", False):
        return _next_stdin_line(what)
    if not sys.stdin.isatty():
        raise CliError(f"no terminal to ask for {what}: use --password-stdin")
    secret = getpass.getpass(f"{what}: ")
    if confirm and getpass.getpass(f"{what} (again): ") != secret:
        raise CliError("the two entries differ")
    return secret


def add_login_arguments(parser: argparse.ArgumentParser) -> None:
    """``--user U [--password-stdin]``: for every command that needs a log-in."""
    parser.add_argument("--user", required=True, help="your user name")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password as one line of standard input instead of asking",
    )


def open_logged_in(args: argparse.Namespace) -> tuple[Store, UserSession]:
    """Open the store in ``args.data_dir`` as ``args.user`` (asks for or reads the password)."""
    password = _read_secret(args, f"password for {args.user}")
    return accounts.open_store(Path(args.data_dir), args.user, password)


# -- output ------------------------------------------------------------------------------------


def _print_json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=None, default=str))


def _command(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn the store's and services' errors into one clear line and an exit status."""

    def run(args: argparse.Namespace) -> int:
        global _stdin_lines
        _stdin_lines = None  # each command reads its own lines of standard input
        try:
            return func(args)
        except CliError as exc:
            return _fail(args, str(exc), exc.status)
        except AuthError as exc:
            return _fail(args, str(exc), EXIT_AUTH)
        except PermissionDenied as exc:
            return _fail(args, str(exc), EXIT_ROLE)
        except (KeySlotsDamaged, DatabaseDamaged) as exc:
            return _fail(args, str(exc), EXIT_DAMAGED)
        except (StoreError, ServiceError, DomainError) as exc:
            return _fail(args, str(exc), EXIT_INPUT)
        except SADatabaseError as exc:
            # A page that fails SQLCipher's HMAC or SQLite's checks: damage, not a bug to trace.
            db = Path(args.data_dir) / DB_NAME
            reason = str(exc.orig) if exc.orig is not None else str(exc)
            return _fail(args, f"database file {db}: damaged or unreadable ({reason})", EXIT_DAMAGED)
        except OSError as exc:
            return _fail(args, f"{exc.filename or ''}: {exc.strerror or exc}", EXIT_INPUT)

    run.__name__ = func.__name__
    return run


def _fail(args: argparse.Namespace, message: str, status: int) -> int:
    if getattr(args, "json", False):
        _print_json({"error": message})
    print(f"border-client {args.command}: {message}", file=sys.stderr)
    return status


# -- parsers -----------------------------------------------------------------------------------


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", type=date.fromisoformat, help="YYYY-MM-DD (local)")
    p.add_argument("--to", dest="date_to", type=date.fromisoformat, help="YYYY-MM-DD, inclusive")
    p.add_argument("--direction", choices=registration.DIRECTIONS)
    p.add_argument("--nationality", help="three-letter code, e.g. HTI")
    p.add_argument("--inspector", help="user name of the inspector")
    p.add_argument("--document", help="document number")
    p.add_argument("--name", help="surname (or its beginning); accents are transliterated")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("init", help="set up a new post store (prints the recovery key once)")
    p.add_argument("--post-code", required=True, help="e.g. HTI-CAP")
    p.add_argument("--post-name", required=True, help='e.g. "Cap-Haïtien"')
    p.add_argument("--timezone", default="America/Port-au-Prince", help="the post's time zone")
    p.add_argument("--admin", required=True, help="user name of the first administrator")
    p.add_argument("--password-stdin", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_command(run_init))

    user = subparsers.add_parser("user", help="manage user accounts")
    user_sub = user.add_subparsers(dest="user_command", metavar="USER_COMMAND", required=True)
    p = user_sub.add_parser("add", help="add a user (stdin: your password, then theirs)")
    p.add_argument("username")
    p.add_argument("--role", required=True, choices=["inspector", "supervisor", "admin"])
    p.add_argument("--full-name", default="")
    add_login_arguments(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_command(run_user_add))
    p = user_sub.add_parser("remove", help="disable a user and delete their key slot")
    p.add_argument("username")
    add_login_arguments(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_command(run_user_remove))
    p = user_sub.add_parser("passwd", help="change a password (stdin: your password, then the new one)")
    p.add_argument("username", nargs="?", help="another user (admin only); default: yourself")
    add_login_arguments(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_command(run_user_passwd))
    p = user_sub.add_parser("list", help="list users")
    add_login_arguments(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_command(run_user_list))

    p = subparsers.add_parser("register", help="register an entry or exit from an MRZ file")
    add_login_arguments(p)
    p.add_argument("--direction", required=True, choices=registration.DIRECTIONS)
    p.add_argument(
        "--mrz-file",
        required=True,
        type=Path,
        help="a text file with the MRZ lines, or a document image to scan",
    )
    p.add_argument("--mode", default="land", choices=registration.TRAVEL_MODES)
    p.add_argument("--purpose", default="")
    p.add_argument("--vehicle-plate", default="")
    p.add_argument("--origin-destination", default="")
    p.add_argument("--remarks", default="")
    p.add_argument("--photo", type=Path, help="a JPEG face photo to attach")
    p.add_argument(
        "--allow-invalid",
        action="store_true",
        help="register even though a check digit fails (recorded as unverified)",
    )
    p.add_argument(
        "--decision",
        choices=["allowed", "refused", "referred"],
        help="supervisor: decide any watchlist alert at once",
    )
    p.add_argument("--note", default="", help="note for the decision")
    p.add_argument("--json", action="store_true", help="(the output is always JSON)")
    p.set_defaults(func=_command(run_register))

    p = subparsers.add_parser("records", help="list the post's crossings, newest first")
    add_login_arguments(p)
    _add_filters(p)
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_command(run_records))

    p = subparsers.add_parser("overstays", help="travelers still inside past their allowed stay")
    add_login_arguments(p)
    p.add_argument("--as-of", type=date.fromisoformat, help="YYYY-MM-DD (default: today)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_command(run_overstays))

    wl = subparsers.add_parser("watchlist", help="the post's watchlists")
    wl_sub = wl.add_subparsers(dest="watchlist_command", metavar="WATCHLIST_COMMAND", required=True)
    p = wl_sub.add_parser("import", help="replace the list with a CSV file's entries")
    p.add_argument("file", type=Path)
    add_login_arguments(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_command(run_watchlist_import))

    p = subparsers.add_parser("verify-audit", help="check the audit trail's hash chain")
    add_login_arguments(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_command(run_verify_audit))

    p = subparsers.add_parser("rekey", help="re-encrypt the store under a new data key")
    add_login_arguments(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_command(run_rekey))

    p = subparsers.add_parser("export", help="export records")
    add_login_arguments(p)
    p.add_argument("--format", required=True, choices=["csv"])
    p.add_argument("--output", "-o", type=Path, help="file to write (default: standard output)")
    _add_filters(p)
    p.add_argument("--json", action="store_true", help="print a JSON summary on stderr")
    p.set_defaults(func=_command(run_export))

    p = subparsers.add_parser("backup", help="copy the store, still encrypted, to an empty folder")
    p.add_argument("destination", type=Path)
    add_login_arguments(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_command(run_backup))

    p = subparsers.add_parser(
        "recover", help="reset a password with the recovery key (stdin: key, then new password)"
    )
    p.add_argument("username")
    p.add_argument("--password-stdin", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_command(run_recover))


# -- commands ----------------------------------------------------------------------------------


def run_init(args: argparse.Namespace) -> int:
    password = _read_secret(args, f"new password for {args.admin}", confirm=True)
    store, _, recovery = accounts.init_post(
        Path(args.data_dir),
        post_code=args.post_code,
        post_name=args.post_name,
        admin_username=args.admin,
        admin_password=password,
        timezone=args.timezone,
    )
    store.close()
    if args.json:
        _print_json(
            {
                "data_dir": str(args.data_dir),
                "post_code": args.post_code.upper(),
                "admin": args.admin,
                "recovery_key": recovery,
            }
        )
    else:
        print(f"Post {args.post_code.upper()} ({args.post_name}) set up in {args.data_dir}.")
        print("RECOVERY KEY (shown only this once; write it down and keep it locked away):")
        print(f"    {recovery}")
    return EXIT_OK


def run_user_add(args: argparse.Namespace) -> int:
    store, actor = open_logged_in(args)
    try:
        password = _read_secret(args, f"new password for {args.username}", confirm=True)
        info = accounts.add_user(store, actor, args.username, password, args.role, args.full_name)
    finally:
        store.close()
    if args.json:
        _print_json(info.to_dict())
    else:
        print(f"added {info.username} ({info.role})")
    return EXIT_OK


def run_user_remove(args: argparse.Namespace) -> int:
    store, actor = open_logged_in(args)
    try:
        accounts.remove_user(store, actor, args.username)
    finally:
        store.close()
    if args.json:
        _print_json({"removed": args.username})
    else:
        print(f"removed {args.username} (key slot deleted; past records keep the name)")
    return EXIT_OK


def run_user_passwd(args: argparse.Namespace) -> int:
    password = _read_secret(args, f"password for {args.user}")
    store, actor = accounts.open_store(Path(args.data_dir), args.user, password)
    try:
        target = args.username or args.user
        new = _read_secret(args, f"new password for {target}", confirm=True)
        accounts.change_password(
            store,
            actor,
            new,
            username=target,
            current_password=password if target == args.user else None,
        )
    finally:
        store.close()
    if args.json:
        _print_json({"password_changed": target})
    else:
        print(f"password changed for {target}")
    return EXIT_OK


def run_user_list(args: argparse.Namespace) -> int:
    store, actor = open_logged_in(args)
    try:
        users = accounts.list_users(store, actor)
    finally:
        store.close()
    if args.json:
        _print_json([u.to_dict() for u in users])
    else:
        for u in users:
            state = "" if u.active else " (removed)"
            print(f"{u.username:<20} {u.role:<10}{state}")
    return EXIT_OK


def _load_document(path: Path) -> MrzDocument:
    raw = path.read_bytes()
    if not raw.strip():
        raise CliError(f"{path}: the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and "\x00" not in text:
        try:
            return parse_mrz(text)
        except DomainError as exc:
            raise CliError(f"{path}: not an MRZ: {exc}") from None
    from border_client.scanning.engine import scan_file

    result = scan_file(path)
    if result.error or result.document is None:
        raise CliError(f"{path}: no MRZ could be read ({result.error or 'not found'})")
    if result.uncertain:
        raise CliError(
            f"{path}: the MRZ was read but these fields are in doubt: "
            f"{', '.join(result.uncertain)}; type it instead"
        )
    return result.document


def run_register(args: argparse.Namespace) -> int:
    doc = _load_document(args.mrz_file)
    photo = args.photo.read_bytes() if args.photo else None
    store, user = open_logged_in(args)
    try:
        result = registration.register_crossing(
            store,
            user,
            doc,
            args.direction,
            travel_mode=args.mode,
            purpose=args.purpose,
            vehicle_plate=args.vehicle_plate,
            origin_destination=args.origin_destination,
            remarks=args.remarks,
            photo=photo,
            allow_invalid=args.allow_invalid,
            decision=AlertDecision(args.decision, args.note) if args.decision else None,
        )
    finally:
        store.close()
    _print_json(result.to_dict())
    return EXIT_OK


def _filters(args: argparse.Namespace, store: Store) -> reporting.RecordFilter:
    since = until = None
    if args.date_from:
        since = reporting.local_day_bounds(store, args.date_from)[0]
    if args.date_to:
        until = reporting.local_day_bounds(store, args.date_to)[1]
    return reporting.RecordFilter(
        since=since,
        until=until,
        direction=args.direction,
        nationality=args.nationality,
        inspector=args.inspector,
        document_number=args.document,
        name=args.name,
    )


def run_records(args: argparse.Namespace) -> int:
    store, user = open_logged_in(args)
    try:
        f = _filters(args, store)
        page = reporting.records(store, user, f, limit=args.limit)
        total = reporting.count_records(store, user, f)
    finally:
        store.close()
    if args.json:
        _print_json({"total": total, "records": [r.to_dict() for r in page.rows]})
        return EXIT_OK
    for r in page.rows:
        flags = " ".join(
            x
            for x, on in (("OVERSTAY", r.overstay), ("DOUBLE-ENTRY", r.double_entry), ("AMENDED", r.amended))
            if on
        )
        print(
            f"{r.local_time:%Y-%m-%d %H:%M}  {r.direction:<5} {r.nationality:<3} "
            f"{r.document_number:<12} {r.surname}, {r.given_names}  [{r.inspector}] "
            f"{r.status}{' ' + flags if flags else ''}"
        )
    print(f"{len(page.rows)} of {total} records")
    return EXIT_OK


def run_overstays(args: argparse.Namespace) -> int:
    store, user = open_logged_in(args)
    try:
        as_of = None
        if args.as_of:
            as_of = reporting.local_day_bounds(store, args.as_of)[1] - timedelta(microseconds=1)
        rows = reporting.overstays(store, user, as_of)
    finally:
        store.close()
    if args.json:
        _print_json([r.to_dict() for r in rows])
        return EXIT_OK
    for r in rows:
        print(
            f"{r.nationality:<3} {r.document_number:<12} {r.surname}, {r.given_names}: "
            f"entered {r.entered_at:%Y-%m-%d}, {r.days_stayed} days "
            f"({r.allowed_days} allowed, {r.days_over} over)"
        )
    print(f"{len(rows)} traveler(s) past their allowed stay")
    return EXIT_OK


def run_watchlist_import(args: argparse.Namespace) -> int:
    try:
        text = args.file.read_text("utf-8")
    except UnicodeDecodeError:
        raise CliError(f"{args.file}: not UTF-8 text") from None
    store, user = open_logged_in(args)
    try:
        result = watchlist_service.import_watchlist_csv(store, user, text)
    finally:
        store.close()
    if args.json:
        _print_json(result.to_dict())
    else:
        print(
            f"watchlist version {result.version_id}: {result.entries} entries "
            f"({result.added} new, {result.removed} removed); {result.late_alerts} late alert(s)"
        )
    return EXIT_OK


def run_verify_audit(args: argparse.Namespace) -> int:
    store, user = open_logged_in(args)
    try:
        report = audit.verify_audit(store, user)
        problems = store.integrity_check()
    finally:
        store.close()
    out = report.to_dict() | {"database_integrity": problems or "ok"}
    if args.json:
        _print_json(out)
    elif report.ok:
        print(f"audit trail intact: {report.events} events, head {report.head_hash[:16]}...")
    else:
        print(f"AUDIT TRAIL BROKEN at event {report.first_broken_id}: {report.problem}")
    if problems and not args.json:
        print("database integrity problems: " + "; ".join(problems))
    return EXIT_OK if report.ok and not problems else EXIT_CHECK_FAILED


def run_rekey(args: argparse.Namespace) -> int:
    store, user = open_logged_in(args)
    try:
        accounts.rekey(store, user)
    finally:
        store.close()
    if args.json:
        _print_json({"rekeyed": True})
    else:
        print("the store is now encrypted under a new data key; every key slot was rewrapped")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    store, user = open_logged_in(args)
    try:
        f = _filters(args, store)
        if args.output:
            with open(args.output, "w", newline="", encoding="utf-8") as fh:
                n = reporting.export_csv(store, user, fh, f)
        else:
            n = reporting.export_csv(store, user, sys.stdout, f)
    finally:
        store.close()
    summary = {
        "rows": n,
        "output": str(args.output) if args.output else "-",
        "at": datetime.now(UTC).isoformat(),
    }
    print(json.dumps(summary) if args.json else f"exported {n} records", file=sys.stderr)
    return EXIT_OK


def run_backup(args: argparse.Namespace) -> int:
    store, user = open_logged_in(args)
    try:
        dest = accounts.backup(store, user, args.destination)
    finally:
        store.close()
    if args.json:
        _print_json({"backup": str(dest)})
    else:
        print(f"backed up to {dest} (encrypted; opens with the same passwords)")
    return EXIT_OK


def run_recover(args: argparse.Namespace) -> int:
    key = _read_secret(args, "recovery key")
    store = accounts.open_with_recovery(Path(args.data_dir), key)
    try:
        new = _read_secret(args, f"new password for {args.username}", confirm=True)
        accounts.reset_password_with_recovery(store, args.username, new)
    finally:
        store.close()
    if args.json:
        _print_json({"password_reset": args.username})
    else:
        print(f"password reset for {args.username}")
    return EXIT_OK
