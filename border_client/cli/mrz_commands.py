"""`border-client mrz ...`: parse typed MRZ text (and, registered by the scanner, read images)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from border_client.domain.errors import MrzError
from border_client.domain.mrz import parse_mrz

# Exit statuses of `mrz parse` (a public contract): valid, parsed with a failed check, not an MRZ.
EXIT_VALID, EXIT_CHECK_FAILED, EXIT_NOT_MRZ = 0, 1, 2


def register(subparsers: Any) -> None:
    mrz = subparsers.add_parser("mrz", help="read machine readable zones")
    mrz_sub = mrz.add_subparsers(dest="mrz_command", metavar="MRZ_COMMAND", required=True)
    parse = mrz_sub.add_parser(
        "parse",
        help="parse MRZ lines from TEXT or standard input and print one JSON object",
    )
    parse.add_argument("text", nargs="?", help="the MRZ lines (newline separated); default: stdin")
    parse.set_defaults(func=run_parse)
    _register_scanner(mrz_sub)


def _register_scanner(mrz_sub: Any) -> None:
    try:
        from border_client.cli import mrz_scan
    except ImportError:  # the scanner module is optional only while it is being written
        return
    mrz_scan.register(mrz_sub)


def run_parse(args: argparse.Namespace) -> int:
    text = args.text if args.text is not None else sys.stdin.read()
    try:
        document = parse_mrz(text)
    except MrzError as exc:
        print(json.dumps({"error": str(exc)}))
        print(f"border-client mrz parse: not an MRZ: {exc}", file=sys.stderr)
        return EXIT_NOT_MRZ
    print(json.dumps(document.to_dict(), ensure_ascii=False))
    return EXIT_VALID if document.valid else EXIT_CHECK_FAILED
