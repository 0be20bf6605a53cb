"""`sync-server watchlist import FILE.csv | publish`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from border_client.domain.errors import WatchlistCsvError
from sync_server.cli.common import fail, open_session
from sync_server.services import watchlist


def register(sub: Any) -> None:
    p = sub.add_parser("watchlist", help="import and publish watchlists for the posts")
    wsub = p.add_subparsers(dest="watchlist_command", metavar="ACTION", required=True)
    imp = wsub.add_parser("import", help="replace the draft watchlist with a CSV file")
    imp.add_argument("file", type=Path, metavar="FILE.csv")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(func=_import)
    pub = wsub.add_parser("publish", help="publish the draft as a new version for the posts")
    pub.add_argument("--json", action="store_true")
    pub.set_defaults(func=_publish)


def _import(args: argparse.Namespace) -> int:
    try:
        text = args.file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return fail(f"{args.file}: no such file")
    except UnicodeDecodeError as exc:
        return fail(f"{args.file}: not UTF-8 text ({exc.reason} at byte {exc.start})")
    except OSError as exc:
        return fail(f"{args.file}: {exc.strerror}")
    with open_session(args.db) as session:
        try:
            res = watchlist.import_csv(session, text)
        except WatchlistCsvError as exc:
            return fail(f"{args.file}: {exc}")
    if args.json:
        print(json.dumps({"entries": res.entries, "documents": res.documents, "persons": res.persons}))
    else:
        print(
            f"Imported {res.entries} entries ({res.documents} documents, {res.persons} persons) "
            "as the draft; run `sync-server watchlist publish` to send them to the posts."
        )
    return 0


def _publish(args: argparse.Namespace) -> int:
    with open_session(args.db) as session:
        try:
            pub = watchlist.publish(session)
        except ValueError as exc:
            return fail(str(exc))
    if args.json:
        print(
            json.dumps(
                {
                    "version": pub.version,
                    "entries": pub.entries,
                    "sha256": pub.sha256,
                    "unchanged": pub.unchanged,
                }
            )
        )
    elif pub.unchanged:
        print(f"The draft is the same as version {pub.version}; nothing new published.")
    else:
        print(f"Published watchlist version {pub.version} ({pub.entries} entries).")
    return 0
