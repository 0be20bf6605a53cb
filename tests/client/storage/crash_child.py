"""Child process of the crash test: logs in, then registers crossings until it is killed."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from border_client.domain.mrz import MrzFormat, compose_mrz, parse_mrz
from border_client.services import accounts, registration


def main() -> None:
    data_dir, user, seed = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    password = sys.stdin.readline().rstrip("\n")
    rng = random.Random(seed)
    store, session = accounts.open_store(data_dir, user, password)
    print("ready", flush=True)
    while True:
        # A few documents are on the watchlist (alerts in the same transaction), most are not;
        # repeated numbers make exits and double entries.
        number = f"C{rng.randrange(200):07d}"
        doc = parse_mrz(
            compose_mrz(
                MrzFormat.TD3,
                document_code="P",
                issuing_state="USA",
                surname="CRASH",
                given_names="TEST",
                document_number=number,
                nationality="USA",
                birth_date_raw="800101",
                sex="M",
                expiry_date_raw="350101",
            )
        )
        registration.register_crossing(
            store, session, doc, rng.choice(["entry", "exit"]), remarks="x" * rng.randrange(400)
        )
        print("saved", flush=True)


if __name__ == "__main__":
    main()
