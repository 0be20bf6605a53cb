"""`border-client enroll` and `border-client sync`: join the central server, send the outbox."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from typing import Any

from border_client.sync import errors

# Exit statuses: 0 done, 1 sync failed (message says why), 2 usage/log-in problem.
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("enroll", help="enroll this post with the central sync server")
    p.add_argument("--server", required=True, metavar="URL", help="e.g. https://sync.example.org")
    p.add_argument("--token", required=True, help="one-time token from `sync-server enroll`")
    p.add_argument(
        "--replace",
        action="store_true",
        help="enroll an already enrolled post again (after a revocation, or a new key); "
        "its records continue where the central office left them",
    )
    _common(p)
    p.set_defaults(func=run_enroll)

    p = subparsers.add_parser("sync", help="send pending records and fetch watchlist updates")
    p.add_argument("--once", action="store_true", help="one pass, then exit (default: keep going)")
    p.add_argument("--json", action="store_true", help='print {"sent","acknowledged_seq","pending",...}')
    p.add_argument("--interval", type=float, default=60.0, help="seconds between passes")
    p.add_argument("--batch-events", type=int, default=2000, help=argparse.SUPPRESS)
    _common(p)
    p.set_defaults(func=run_sync)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", required=True, help="a user of this post's store")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p.add_argument(
        "--ca-bundle",
        default=os.environ.get("BORDER_SYNC_CA_BUNDLE"),
        help="PEM file of the CA that signed the server's certificate (default: "
        "$BORDER_SYNC_CA_BUNDLE, else the one given at enrollment, else the system's)",
    )


def _password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    import getpass

    try:
        return getpass.getpass(f"Password for {args.user}: ")
    except (EOFError, KeyboardInterrupt):
        return None


def _err(message: str) -> None:
    print(f"border-client: {message}", file=sys.stderr)


def _open(args: argparse.Namespace) -> Any:
    from border_client.services import accounts

    password = _password(args)
    if password is None:
        _err("no password given")
        return None
    try:
        store, user = accounts.open_store(args.data_dir, args.user, password)
    except Exception as exc:  # the store's errors are worded for people
        _err(str(exc) or type(exc).__name__)
        return None
    return store, user


def run_enroll(args: argparse.Namespace) -> int:
    from border_client.services import accounts
    from border_client.services.common import Role, ServiceError, require_role
    from border_client.sync.client import SyncClient
    from border_client.sync.engine import enroll_post, save_ca_bundle

    opened = _open(args)
    if opened is None:
        return EXIT_USAGE
    store, user = opened
    try:
        require_role(user, Role.ADMIN, "enroll this post with the central server")
        post = accounts.get_post(store)
        client = SyncClient(args.server, ca_bundle=args.ca_bundle)
        answer = enroll_post(store, client, args.token, post_code=post.code, replace=args.replace)
        if args.ca_bundle:
            save_ca_bundle(store, args.ca_bundle)
    except (ServiceError, ValueError) as exc:
        _err(str(exc))
        return EXIT_USAGE
    except errors.SyncFailure as exc:
        _err(f"enrollment failed: {exc.message}")
        return EXIT_FAILED
    finally:
        store.close()
    print(f"Enrolled post {answer['post_code']} as device {answer['device_id']} with {args.server}.")
    return EXIT_OK


def run_sync(args: argparse.Namespace) -> int:
    from border_client.services import accounts, outbox
    from border_client.sync.engine import SyncEngine, SyncReport, client_for

    opened = _open(args)
    if opened is None:
        return EXIT_USAGE
    store, _user = opened
    try:
        try:
            client = client_for(store, ca_bundle=args.ca_bundle)
        except errors.NotEnrolled as exc:
            _err(exc.message)
            return EXIT_FAILED
        engine = SyncEngine(
            store, client, batch_events=args.batch_events, post_code=accounts.get_post(store).code
        )

        def show(report: SyncReport) -> None:
            if args.json:
                print(json.dumps(report.to_dict(), ensure_ascii=False), flush=True)
            elif report.error:
                _err(f"sync failed: {report.error}")
            else:
                print(
                    f"Sent {report.sent} event(s); the server holds everything up to "
                    f"#{report.acknowledged_seq}; {report.pending} pending"
                    + (
                        f"; watchlist version {report.watchlist_version} applied"
                        if report.watchlist_applied
                        else ""
                    )
                    + ".",
                    flush=True,
                )

        if args.once:
            try:
                report = engine.sync_once()
            except errors.SyncFailure as exc:
                outbox.record_error(store, exc.message)
                st = outbox.queue_stats(store)
                report = SyncReport(
                    acknowledged_seq=st.acked_seq,
                    pending=st.pending,
                    error=exc.message,
                    error_code=getattr(exc, "code", type(exc).__name__),
                )
                show(report)
                return EXIT_FAILED
            show(report)
            return EXIT_OK
        stop = threading.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stop.set())
        engine.run_forever(stop, interval=args.interval, on_report=show)
        return EXIT_OK
    finally:
        store.close()
