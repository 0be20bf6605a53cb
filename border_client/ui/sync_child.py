"""One sync pass in a child process: ``python -m border_client.ui.sync_child``.

The desktop starts it (see ``backend.SyncProcess``) and writes one JSON line on its standard
input: the data directory and the store's data key (hex; it travels through the pipe, never
through a file or the command line).  The child opens the store, runs one pass and prints one
JSON line: ``{"report": {...}}`` or ``{"failure": "..."}``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> int:
    request = json.loads(sys.stdin.readline())
    from border_client.storage.db import Store
    from border_client.sync import errors
    from border_client.ui.backend import sync_now

    store = Store(Path(request["data_dir"]), bytes.fromhex(request["key"]), migrate=False)
    try:
        try:
            answer: dict[str, object] = {"report": sync_now(store).to_dict()}
        except errors.SyncFailure as exc:
            answer = {"failure": exc.message}
    finally:
        store.close()
    sys.stdout.write(json.dumps(answer) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
