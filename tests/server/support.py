"""Shared by the server and client sync tests: databases, a real server process, signed uploads."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from border_client.sync import protocol
from tests.conftest import POSTGRES_URL, REPO_ROOT

SAMPLE_BATCH = REPO_ROOT / "tests" / "data" / "sync_sample_batch.json"
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def postgres_available() -> str | None:
    """None if PostgreSQL answers, else why not."""
    try:
        eng = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with eng.connect():
            pass
        eng.dispose()
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable here"
        return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"


def require_postgres() -> None:
    why = postgres_available()
    if why is None:
        return
    msg = f"PostgreSQL not reachable at {POSTGRES_URL} ({why})"
    if os.environ.get("BORDER_REQUIRE_POSTGRES") == "1":
        pytest.fail(msg + " but BORDER_REQUIRE_POSTGRES=1")
    pytest.skip(msg)


@contextlib.contextmanager
def postgres_database(tag: str) -> Iterator[str]:
    """A fresh uniquely-named PostgreSQL database, dropped afterwards."""
    require_postgres()
    name = f"border_sync_{tag}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as c:
            c.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :n AND pid <> pg_backend_pid()"
                ),
                {"n": name},
            )
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@contextlib.contextmanager
def database(kind: str, tmp_path: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.db'}"
    else:
        with postgres_database("t") as url:
            yield url


@dataclass
class ServerProcess:
    """`sync-server --db URL serve` on a free loopback port, as the operator would run it."""

    db_url: str
    port: int
    log_path: Path
    proc: subprocess.Popen[bytes] | None = None
    tls: tuple[Path, Path, Path] | None = None  # certificate, key, CA bundle

    @property
    def url(self) -> str:
        if self.tls:
            return f"https://localhost:{self.port}"
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> ServerProcess:
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [
                str(VENV_BIN / "sync-server"),
                "--db",
                self.db_url,
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
                *(["--tls-cert", str(self.tls[0]), "--tls-key", str(self.tls[1])] if self.tls else []),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text()[-3000:]}")
            try:
                verify = str(self.tls[2]) if self.tls else True
                if requests.get(self.url + protocol.SERVER_HEALTH_PATH, timeout=1, verify=verify).ok:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server did not start: {self.log_path.read_text()[-3000:]}")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


@contextlib.contextmanager
def running_server(db_url: str, tmp_path: Path) -> Iterator[ServerProcess]:
    server = ServerProcess(db_url, free_port(), tmp_path / f"server-{uuid.uuid4().hex[:6]}.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def issue_token(
    db_url: str, post_code: str = "HTI-CAP", name: str = "Cap-Haïtien", ttl_hours: int = 72
) -> str:
    from sync_server.db import make_engine, make_sessionmaker
    from sync_server.services.enrollment import issue_token as issue

    engine = make_engine(db_url)
    try:
        with make_sessionmaker(engine)() as session:
            return issue(session, post_code, name, ttl_hours).token
    finally:
        engine.dispose()


def server_query(db_url: str, sql: str, **params: Any) -> list[Any]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as c:
            return list(c.execute(text(sql), params).all())
    finally:
        engine.dispose()


@dataclass
class Device:
    """A device enrolled over HTTP by the test, signing its own requests."""

    server_url: str
    device_id: str
    post_code: str
    key: Any
    server_public_key: bytes

    def post_batch(
        self,
        entries: list[dict[str, Any]],
        *,
        health: dict[str, Any] | None = None,
        now: float | None = None,
        nonce: str | None = None,
        key: Any = None,
        headers: dict[str, str] | None = None,
        body: bytes | None = None,
    ) -> requests.Response:
        batch = protocol.build_batch(
            entries, device_id=self.device_id, post_code=self.post_code, health=health
        )
        payload = batch.body if body is None else body
        h = protocol.sign_request(
            key or self.key,
            "POST",
            protocol.BATCH_PATH,
            self.device_id,
            payload,
            now=now,
            nonce=nonce,
        )
        h.update({"Content-Type": "application/json", "Content-Encoding": "gzip"})
        h.update(headers or {})
        return requests.post(self.server_url + protocol.BATCH_PATH, data=payload, headers=h, timeout=30)


def enroll_device(
    server_url: str, db_url: str, post_code: str = "HTI-CAP", name: str | None = None
) -> Device:
    from border_client.sync.client import SyncClient

    token = issue_token(db_url, post_code, name or f"Post {post_code}")
    key = protocol.generate_private_key()
    client = SyncClient(server_url)
    answer = client.enroll(token, key, post_code=post_code)
    client.close()
    return Device(
        server_url,
        answer["device_id"],
        post_code,
        key,
        protocol.b64d(answer["server_public_key"]),
    )


def sample_entries(seq_start: int = 1) -> list[dict[str, Any]]:
    """The sample batch's events, renumbered from ``seq_start`` with fresh ids."""
    import json

    doc = json.loads(SAMPLE_BATCH.read_text(encoding="utf-8"))
    out = []
    for i, e in enumerate(doc["events"]):
        e = dict(e)
        e["seq"] = seq_start + i
        e["event_id"] = str(uuid.uuid4())
        out.append(e)
    return out


def crossing_entry(seq: int, post_code: str = "HTI-CAP", **overrides: Any) -> dict[str, Any]:
    """A valid crossing.registered batch entry with unique ids."""
    cid = str(uuid.uuid4())
    payload = {
        "crossing_id": cid,
        "post_code": post_code,
        "direction": "entry",
        "occurred_at": "2026-11-26T14:03:11+00:00",
        "local_tz": "America/Port-au-Prince",
        "inspector": "inspector",
        "travel_mode": "land",
        "vehicle_plate": None,
        "purpose": "tourism",
        "origin_destination": "DOM",
        "remarks": "",
        "traveler_id": str(uuid.uuid4()),
        "document": {
            "document_code": "P",
            "issuing_state": "UTO",
            "document_number": f"L{seq:08d}",
            "nationality": "UTO",
            "surname": "ERIKSSON",
            "given_names": "ANNA MARIA",
            "birth_date": "1974-08-12",
            "sex": "F",
            "expiry_date": "2032-04-15",
            "optional_data": "",
            "mrz_lines": None,
        },
        "watchlist_version": None,
        "days_stayed": None,
        "overstay": False,
        "has_photo": False,
    }
    payload.update(overrides)
    return protocol.encode_event(
        seq, str(uuid.uuid4()), "crossing.registered", "2026-11-26T14:03:12+00:00", payload
    )


def make_tls(dir_: Path) -> tuple[Path, Path, Path]:
    """A private CA and a certificate for localhost signed by it: (cert, key, ca bundle)."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Border test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                crl_sign=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = (dir_ / "server.pem", dir_ / "server.key", dir_ / "ca.pem")
    paths[0].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    paths[2].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    return paths
