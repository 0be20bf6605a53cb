"""`border-client mrz scan [--engine NAME] --json IMAGE [IMAGE ...]`: read MRZs from image files.

Prints one JSON object per image, in input order (JSON Lines).  A file that is missing or
not an image gives ``{"path", "found": false, "error": ...}`` and the others still run; the
exit status is 0 when every image was processed (whatever was found in it), 2 on bad usage.
Without ``--json`` a short human-readable line per image is printed instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from border_client.scanning.engine import DEFAULT_ENGINE, ENGINE_NAMES, get_engine, scan_file


def register(mrz_sub: Any) -> None:
    scan = mrz_sub.add_parser(
        "scan",
        help="read the MRZ from image files (JPEG, PNG, TIFF, BMP); one JSON object per image",
    )
    scan.add_argument(
        "--engine",
        default=DEFAULT_ENGINE,
        choices=ENGINE_NAMES,
        help=f"recogniser to use (default: {DEFAULT_ENGINE})",
    )
    scan.add_argument("--json", action="store_true", help="print JSON Lines (the scripting contract)")
    scan.add_argument("images", nargs="+", metavar="IMAGE", help="image files to read")
    scan.set_defaults(func=run_scan)


def run_scan(args: argparse.Namespace) -> int:
    try:
        engine = get_engine(args.engine)
    except (ValueError, ImportError) as exc:
        print(f"border-client mrz scan: engine {args.engine!r} is not available: {exc}", file=sys.stderr)
        return 2
    for path in args.images:
        result = scan_file(path, engine)
        obj = result.to_json(path)
        if args.json:
            print(json.dumps(obj, ensure_ascii=False), flush=True)
        else:
            print(_human(obj), flush=True)
    return 0


def _human(obj: dict[str, Any]) -> str:
    if obj.get("error") and not obj.get("found"):
        return f"{obj['path']}: error: {obj['error']}"
    if not obj.get("found"):
        return f"{obj['path']}: no MRZ found ({obj['elapsed_ms']:.0f} ms)"
    verdict = "VALID" if obj.get("valid") else "NOT VALID"
    doubt = f"; uncertain: {', '.join(obj['uncertain'])}" if obj.get("uncertain") else ""
    lines = "\n  ".join(obj.get("lines", []))
    return f"{obj['path']}: {verdict}{doubt} ({obj['elapsed_ms']:.0f} ms, {obj['engine']})\n  {lines}"
