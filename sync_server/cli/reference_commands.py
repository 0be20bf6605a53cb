"""`sync-server reference publish NAME FILE.json | show`: national reference data for the posts."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from sync_server.cli.common import fail, open_session
from sync_server.services import reference


def register(sub: Any) -> None:
    p = sub.add_parser("reference", help="publish reference data (stay rules) to the posts")
    rsub = p.add_subparsers(dest="reference_command", metavar="ACTION", required=True)
    pub = rsub.add_parser("publish", help="publish a new version of a data set from a JSON file")
    pub.add_argument("name", choices=reference.REFERENCE_SETS)
    pub.add_argument("file", type=Path, metavar="FILE.json")
    pub.set_defaults(func=_publish)
    show = rsub.add_parser("show", help="latest published version of each data set")
    show.set_defaults(func=_show)


def _publish(args: argparse.Namespace) -> int:
    try:
        payload = json.loads(args.file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return fail(f"{args.file}: no such file")
    except (ValueError, UnicodeDecodeError) as exc:
        return fail(f"{args.file}: not a JSON file ({exc})")
    with open_session(args.db) as session:
        try:
            version, unchanged = reference.publish(session, args.name, payload)
        except ValueError as exc:
            return fail(f"{args.file}: {exc}")
    if unchanged:
        print(f"{args.name} is unchanged; version {version} stays the latest.")
    else:
        print(f"Published {args.name} version {version}; posts apply it at their next sync.")
    return 0


def _show(args: argparse.Namespace) -> int:
    with open_session(args.db) as session:
        print(json.dumps(reference.latest_versions(session)))
    return 0
