"""`sync-server serve`: run the HTTP server (uvicorn)."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import Any

from sync_server.config import Settings


def register(sub: Any) -> None:
    p = sub.add_parser("serve", help="run the sync server (HTTP; put TLS in front, see docs)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info"])
    p.add_argument(
        "--tls-cert",
        metavar="PEM",
        help="serve HTTPS with this certificate chain (else put a TLS proxy in front)",
    )
    p.add_argument("--tls-key", metavar="PEM", help="the certificate's private key")
    p.set_defaults(func=_serve)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from sync_server.main import create_app
    from sync_server.runtime import tune_gc

    if bool(args.tls_cert) != bool(args.tls_key):
        print("sync-server: --tls-cert and --tls-key go together", file=sys.stderr)
        return 2
    settings = dataclasses.replace(Settings(), db_url=args.db)
    app = create_app(settings)
    tune_gc()
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        # Behind nginx/caddy: trust X-Forwarded-* only from the local proxy.
        proxy_headers=True,
        forwarded_allow_ips="127.0.0.1",
        timeout_keep_alive=30,
        ssl_certfile=args.tls_cert,
        ssl_keyfile=args.tls_key,
    )
    return 0
