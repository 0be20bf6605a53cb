"""`sync-server enroll | devices | revoke | stats`: posts, devices and what they sent."""

from __future__ import annotations

import argparse
import json
from typing import Any

from sync_server.cli.common import fail, open_session
from sync_server.errors import SyncError
from sync_server.services import enrollment
from sync_server.services.stats import stats


def register(sub: Any) -> None:
    p = sub.add_parser("enroll", help="create a post (if new) and a one-time enrollment token")
    p.add_argument("--post", required=True, metavar="CODE", help="post code, e.g. HTI-CAP")
    p.add_argument("--name", default=None, help='post name, e.g. "Cap-Haïtien" (needed if new)')
    p.add_argument("--ttl-hours", type=int, default=72, help="token lifetime (default 72 h)")
    p.add_argument("--json", action="store_true", help='print {"token", "expires_at"}')
    p.set_defaults(func=_enroll)

    p = sub.add_parser("devices", help="list enrolled devices")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_devices)

    p = sub.add_parser("revoke", help="revoke a device: its syncs are refused from now on")
    p.add_argument("device_id", metavar="DEVICE_ID")
    p.set_defaults(func=_revoke)

    p = sub.add_parser("stats", help="events received per post, last syncs, queues")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_stats)


def _enroll(args: argparse.Namespace) -> int:
    with open_session(args.db) as session:
        try:
            issued = enrollment.issue_token(session, args.post, args.name, args.ttl_hours)
        except ValueError as exc:
            return fail(str(exc))
    if args.json:
        print(json.dumps({"token": issued.token, "expires_at": issued.expires_at.isoformat()}))
    else:
        print(f"Enrollment token for post {issued.post_code} (one use):\n\n    {issued.token}\n")
        print(f"It expires at {issued.expires_at.isoformat()}.")
    return 0


def _devices(args: argparse.Namespace) -> int:
    with open_session(args.db) as session:
        devices = enrollment.list_devices(session)
        rows = [
            {
                "device_id": d.device_id,
                "post_code": d.post_code,
                "status": d.status,
                "hostname": d.hostname,
                "enrolled_at": d.enrolled_at.isoformat(),
                "last_sync_at": d.last_sync_at.isoformat() if d.last_sync_at else None,
                "acked_seq": d.acked_seq,
                "queue_length": d.queue_length,
                "app_version": d.app_version,
                "last_error": d.last_error,
            }
            for d in devices
        ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    if not rows:
        print("No device enrolled yet (see: sync-server enroll --post CODE --name NAME).")
        return 0
    print(f"{'DEVICE':26} {'POST':10} {'STATUS':8} {'ACKED':>8} {'QUEUE':>6}  LAST SYNC")
    for r in rows:
        print(
            f"{r['device_id']:26} {r['post_code']:10} {r['status']:8} {r['acked_seq']:>8} "
            f"{r['queue_length'] if r['queue_length'] is not None else '-':>6}  "
            f"{r['last_sync_at'] or 'never'}"
        )
    return 0


def _revoke(args: argparse.Namespace) -> int:
    with open_session(args.db) as session:
        try:
            dev = enrollment.revoke_device(session, args.device_id)
        except SyncError as exc:
            return fail(exc.message)
        print(f"Device {dev.device_id} of post {dev.post_code} is revoked.")
    return 0


def _stats(args: argparse.Namespace) -> int:
    with open_session(args.db) as session:
        data = stats(session)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    print(f"Events received: {data['events_total']} (quarantined: {data['quarantined_total']})")
    print(f"Watchlist version published: {data['watchlist_version'] or 'none'}")
    for p in data["posts"]:
        print(
            f"  {p['post_code']:10} {p['name'][:24]:24} {p['events']:>9} events  "
            f"last sync {p['last_sync_at'] or 'never'}"
        )
    return 0
