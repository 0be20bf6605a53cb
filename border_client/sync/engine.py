"""The post's sync engine: drain the outbox in signed batches, then bring the watchlist down.

The cursor is the server's answer: after each acknowledgement the store records it (one write
transaction), and the next batch starts after it. Nothing else moves the cursor, so a crash or
a lost answer at any moment only means some events are sent again, which the server ignores.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from border_client.services import outbox
from border_client.storage.db import Store
from border_client.sync import errors, protocol
from border_client.sync.client import SyncClient

__all__ = [
    "Backoff",
    "SyncEngine",
    "SyncReport",
    "apply_reference",
    "client_for",
    "enroll_post",
    "save_ca_bundle",
]

log = logging.getLogger(__name__)


def _app_version() -> str:
    try:
        from importlib.metadata import version

        return version("border-crossing")
    except Exception:  # noqa: BLE001 - running from a source tree without metadata
        return "unknown"


APP_VERSION = _app_version()


@dataclass
class SyncReport:
    """What one pass did; ``to_dict`` is the `border-client sync --json` output."""

    sent: int = 0
    batches: int = 0
    acknowledged_seq: int = 0
    pending: int = 0
    quarantined: list[dict[str, Any]] = field(default_factory=list)
    watchlist_version: int | None = None
    watchlist_applied: bool = False
    reference_applied: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    error_code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "sent": self.sent,
            "batches": self.batches,
            "acknowledged_seq": self.acknowledged_seq,
            "pending": self.pending,
            "quarantined": self.quarantined,
            "watchlist_version": self.watchlist_version,
            "watchlist_applied": self.watchlist_applied,
            "reference_applied": self.reference_applied,
            "error": self.error,
            "error_code": self.error_code,
        }


class Backoff:
    """Exponential back-off with full jitter: many posts coming back online do not stampede."""

    def __init__(self, base: float = 2.0, cap: float = 300.0, rng: random.Random | None = None) -> None:
        self.base, self.cap, self.failures = base, cap, 0
        self.rng = rng or random.Random()

    def next_delay(self) -> float:
        self.failures += 1
        return self.rng.uniform(0, min(self.cap, self.base * 2 ** min(self.failures, 20)))

    def reset(self) -> None:
        self.failures = 0


def _apply_watchlist_default(store: Store, payload: dict[str, Any]) -> Any:
    from border_client.services import watchlist as watchlist_service

    return watchlist_service.apply_watchlist_version(store, payload)


def apply_reference(store: Store, payload: dict[str, Any]) -> None:
    """Apply a reference data version from the central office (recorded as its change)."""
    from border_client.services import settings
    from border_client.services.common import Role, UserSession

    central = UserSession(0, "central-office", Role.ADMIN)
    name, data = payload["name"], payload["data"]
    if name != "stay_rules":
        raise errors.SyncFailure(f"this post does not know reference data {name!r}; update it")
    settings.set_stay_rules(
        store,
        central,
        default_days=int(data["default_days"]),
        overrides={str(k): int(v) for k, v in data["overrides"].items()},
        exempt=[str(c) for c in data["exempt"]],
        caricom_exempt=bool(data["caricom_exempt"]),
    )
    # After the rules: a crash in between only means they are applied once more.
    settings.set_setting(store, central, f"reference.{name}.version", int(payload["version"]))


def reference_version(store: Store, name: str) -> int:
    from border_client.services import settings

    return int(settings.get_setting(store, f"reference.{name}.version", 0) or 0)


CA_BUNDLE_FILE = "server-ca.pem"


def pinned_ca_bundle(store: Store) -> str | None:
    """The CA bundle saved at enrollment (a private CA's certificate), if any."""
    path = store.paths.data_dir / CA_BUNDLE_FILE
    return str(path) if path.exists() else None


def client_for(store: Store, *, ca_bundle: str | None = None) -> SyncClient:
    """A client for the server this post enrolled with (and the CA bundle saved then)."""
    url = outbox.get_sync_state(store).get("server_url")
    if not url:
        raise errors.NotEnrolled(
            "this post is not enrolled with a central server yet "
            "(border-client enroll --server URL --token TOKEN)"
        )
    return SyncClient(url, ca_bundle=ca_bundle or pinned_ca_bundle(store))


def save_ca_bundle(store: Store, ca_bundle: str) -> None:
    """Keep a copy of the CA bundle used at enrollment next to the store (certificates are
    public; this spares every later sync, and the desktop app, from being told again)."""
    import shutil

    target = store.paths.data_dir / CA_BUNDLE_FILE
    tmp = target.with_suffix(".tmp")
    shutil.copyfile(ca_bundle, tmp)
    tmp.replace(target)


def enroll_post(
    store: Store,
    client: SyncClient,
    token: str,
    *,
    post_code: str | None = None,
    app_version: str = APP_VERSION,
    replace: bool = False,
) -> dict[str, Any]:
    """Enroll this post: new Ed25519 key (kept only in the encrypted store), pin the server key.

    ``replace`` enrolls an already enrolled store again (its device was revoked, or its key is
    to be replaced): the server continues the old device's sequence numbers under the new one.
    """
    state = outbox.get_sync_state(store)
    previous = state.get("device_id")
    if previous and not replace:
        raise errors.SyncFailure(
            f"this post is already enrolled as device {previous} with "
            f"{state.get('server_url')}; to enroll it again (after a revocation, or to replace "
            "its key) use --replace with a new token"
        )
    key = protocol.generate_private_key()
    answer = client.enroll(
        token,
        key,
        post_code=post_code,
        app_version=app_version,
        previous_device_id=previous if replace else None,
    )
    outbox.set_sync_state(
        store,
        device_id=answer["device_id"],
        device_private_key=protocol.private_key_to_bytes(key),
        server_public_key=protocol.b64d(answer["server_public_key"]),
        server_url=client.base,
    )
    return answer


class SyncEngine:
    """Sends the outbox and fetches watchlists for one open store."""

    def __init__(
        self,
        store: Store,
        client: SyncClient,
        *,
        batch_events: int = 2000,
        batch_bytes: int = 4 * 1024 * 1024,
        app_version: str = APP_VERSION,
        apply_watchlist: Callable[[Store, dict[str, Any]], Any] = _apply_watchlist_default,
        apply_reference: Callable[[Store, dict[str, Any]], Any] = apply_reference,
        post_code: str | None = None,
        window: int = 2,
    ) -> None:
        if window < 1:
            raise ValueError("at least one batch must be allowed in flight")
        self.store = store
        self.window = window
        self.client = client
        self.batch_events = batch_events
        self.batch_bytes = batch_bytes
        self.app_version = app_version
        self.apply_watchlist = apply_watchlist
        self.apply_reference = apply_reference
        self.post_code = post_code
        self.backoff = Backoff()
        self._wake = threading.Event()
        # Batches shrink when the link fails mid-upload (less to resend on a flaky satellite
        # link) and grow back after successes.
        self.current_batch_events = batch_events

    def wake(self) -> None:
        """Sync soon (e.g. right after a crossing is saved) instead of at the next interval."""
        self._wake.set()

    def _identity(self) -> tuple[str, Any, bytes]:
        state = outbox.get_sync_state(self.store)
        if not state.get("device_id") or not state.get("device_private_key"):
            raise errors.NotEnrolled(
                "this post is not enrolled with a central server yet "
                "(border-client enroll --server URL --token TOKEN)"
            )
        return (
            state["device_id"],
            protocol.private_key_from_bytes(state["device_private_key"]),
            state["server_public_key"],
        )

    def _health(self) -> dict[str, Any]:
        st = outbox.queue_stats(self.store)
        state = outbox.get_sync_state(self.store)
        return {
            "queue_length": st.pending,
            "oldest_pending_at": _iso(st.oldest_pending_at),
            "app_version": self.app_version,
            "last_error": st.last_error,
            "last_error_at": _iso(st.last_error_at),
            "acked_seq": st.acked_seq,
            "watchlist_version": state.get("watchlist_version"),
        }

    def _batch(self, device_id: str, cursor: int) -> protocol.BatchBody:
        limit = self.current_batch_events
        events = outbox.pending(self.store, after_seq=cursor, limit=limit)
        entries = [
            protocol.encode_event(e.seq, e.event_id, e.event_type, _iso(e.created_at), e.payload)
            for e in events
        ]
        health = self._health()
        while True:
            batch = protocol.build_batch(
                entries,
                device_id=device_id,
                post_code=self.post_code,
                health=health,
                sent_at=_iso(datetime.now().astimezone()),
            )
            if batch.raw_size <= self.batch_bytes or len(entries) <= 1:
                return batch
            entries = entries[: len(entries) // 2]

    def sync_once(self, *, stop: threading.Event | None = None) -> SyncReport:
        """Send everything pending, then update the watchlist. Raises SyncFailure on failure.

        Up to ``window`` batches are in flight at once (the next is sent while the server
        works on the current one and while this post records the last answer), and the next
        batch is read and compressed meanwhile. The cursor is always an answer of the server's,
        recorded in the order the batches were sent.
        """
        report = SyncReport()
        device_id, key, server_key = self._identity()
        cursor = outbox.queue_stats(self.store).acked_seq
        latest_wl: int | None = None
        latest_ref: dict[str, int] = {}
        # (batch, its upload, whether it was sent alone: only such an answer may move the
        # cursor back, as a server restored from a backup asks; an answer to a batch sent while
        # another was in flight can be older than that one's).
        inflight: deque[tuple[protocol.BatchBody, Future[dict[str, Any]], bool]] = deque()
        stalled = 0
        best = -1

        def take(batch: protocol.BatchBody, upload: Future[dict[str, Any]]) -> tuple[int, int]:
            """Count one answered batch into the report: (its acknowledged_seq, last local seq)."""
            nonlocal latest_wl, latest_ref
            ack = self._answer(upload)
            report.batches += 1
            report.sent += batch.count
            report.quarantined.extend(ack.get("quarantined") or [])
            latest_wl = ack.get("watchlist_version")
            latest_ref = ack.get("reference_versions") or {}
            acked = int(ack["acknowledged_seq"])
            last_local = outbox.queue_stats(self.store).last_seq
            if acked > last_local:
                raise errors.SyncFailure(
                    f"the server holds events up to {acked} from this device but this post has "
                    f"only {last_local}: was the post's store restored from an old backup? "
                    "Contact the central office."
                )
            return acked, last_local

        def drain() -> None:
            """Read the answers still in flight; they only ever move the cursor forward."""
            nonlocal cursor
            while inflight:
                batch, upload, _alone = inflight.popleft()
                acked, _last = take(batch, upload)
                if acked > cursor:
                    outbox.record_ack(self.store, acked)
                    cursor = acked

        with ThreadPoolExecutor(max_workers=self.window + 1, thread_name_prefix="sync") as pool:
            try:
                next_from = cursor
                # Even with nothing to send, one (empty) batch goes: it reports the post's health.
                sent_any = False
                ahead: Future[protocol.BatchBody] = pool.submit(self._batch, device_id, next_from)
                while stop is None or not stop.is_set():
                    while len(inflight) < self.window:
                        batch = ahead.result()
                        if (not batch.count or batch.last_seq is None) and sent_any:
                            if inflight:
                                # Nothing more yet: look again after the next answer (the
                                # post may register more meanwhile).
                                ahead = pool.submit(self._batch, device_id, next_from)
                            break
                        upload = pool.submit(self.client.upload, device_id, key, batch)
                        inflight.append((batch, upload, not inflight))
                        sent_any = True
                        next_from = batch.last_seq if batch.last_seq is not None else next_from
                        ahead = pool.submit(self._batch, device_id, next_from)
                    if not inflight:
                        break  # nothing after the cursor: all sent
                    batch, upload, alone = inflight.popleft()
                    acked, last_local = take(batch, upload)
                    if acked > cursor or (alone and acked != cursor):
                        # The server's answer is the cursor, even below ours when the batch
                        # went alone (a server restored from backup asks for events again).
                        outbox.record_ack(self.store, acked)
                        cursor = acked
                    if cursor >= last_local:
                        # The batches still in flight are covered too; their answers still
                        # count (what they sent, what they quarantined).
                        drain()
                        break
                    if cursor >= (batch.last_seq if batch.last_seq is not None else next_from):
                        continue
                    # The server holds less than was sent (a gap it is waiting to fill, or a
                    # restored server): wait for what is in flight, then resend from its answer.
                    stalled = 0 if cursor > best else stalled + 1
                    best = max(best, cursor)
                    if stalled >= 3:
                        raise errors.ServerFailure(
                            f"the server keeps acknowledging {cursor} without taking the next "
                            "events; it will be retried"
                        )
                    drain()
                    ahead.result()
                    next_from = cursor
                    ahead = pool.submit(self._batch, device_id, next_from)
            finally:
                # On failure or stop, let what is in flight finish (its answers are not needed:
                # the next pass starts from the recorded cursor) without hiding the error.
                for _b, pending_upload, _alone in inflight:
                    pending_upload.cancel()
        st = outbox.queue_stats(self.store)
        report.acknowledged_seq = cursor
        report.pending = st.last_seq - cursor
        report.watchlist_version = outbox.get_sync_state(self.store).get("watchlist_version")
        if latest_wl is not None and (report.watchlist_version or 0) < latest_wl:
            try:
                self._update_watchlist(device_id, key, server_key, report)
            except errors.SyncFailure:
                raise
            except Exception as exc:  # the store's errors are worded for people
                report.error = f"watchlist version {latest_wl} was not applied: {exc}"
                report.error_code = "watchlist_not_applied"
                outbox.record_error(self.store, report.error)
        for name, version in sorted(latest_ref.items()):
            if reference_version(self.store, name) >= int(version):
                continue
            update = self.client.fetch_reference(
                name, device_id, key, server_key, reference_version(self.store, name) or None
            )
            if update is None:
                continue
            try:
                self.apply_reference(self.store, update)
            except errors.SyncFailure:
                raise
            except Exception as exc:  # the store's errors are worded for people
                report.error = f"{name} version {version} was not applied: {exc}"
                report.error_code = "reference_not_applied"
                outbox.record_error(self.store, report.error)
                continue
            report.reference_applied[name] = int(update["version"])
        self.backoff.reset()
        return report

    def _answer(self, upload: Future[dict[str, Any]]) -> dict[str, Any]:
        """The acknowledgement of one upload, adapting the batch size to how the link copes."""
        try:
            ack = upload.result()
        except errors.NetworkFailure:
            self.current_batch_events = max(25, self.current_batch_events // 4)
            raise
        except errors.Refused as exc:
            if exc.status != 413 or self.current_batch_events <= 25:
                raise
            # A proxy in front of the server allows smaller bodies: send less at once.
            self.current_batch_events = max(25, self.current_batch_events // 4)
            raise errors.ServerFailure(
                f"the server (or a proxy in front of it) refused a batch as too large; "
                f"retrying with {self.current_batch_events} events per batch"
            ) from exc
        self.current_batch_events = min(self.batch_events, self.current_batch_events * 2)
        return ack

    def _update_watchlist(self, device_id: str, key: Any, server_key: bytes, report: SyncReport) -> None:
        update = self.client.fetch_watchlist(device_id, key, server_key, report.watchlist_version)
        if update is None:
            return
        try:
            self.apply_watchlist(self.store, update)
        except Exception as exc:
            # A delta this post cannot build on (its list was replaced locally, or a version
            # was skipped): ask for the full list instead.
            if update.get("kind") != "delta":
                raise
            log.info("watchlist delta not applicable (%s); fetching the full list", exc)
            update = self.client.fetch_watchlist(device_id, key, server_key, None)
            if update is None:
                return
            self.apply_watchlist(self.store, update)
        report.watchlist_version = int(update["version"])
        report.watchlist_applied = True

    def run_forever(
        self,
        stop: threading.Event,
        *,
        interval: float = 60.0,
        on_report: Callable[[SyncReport], None] | None = None,
    ) -> None:
        """The background loop: sync, wait, repeat; back off with jitter after a failure."""
        while not stop.is_set():
            try:
                report = self.sync_once(stop=stop)
                delay = interval
            except errors.SyncFailure as exc:
                report = SyncReport(error=exc.message, error_code=getattr(exc, "code", None))
                outbox.record_error(self.store, exc.message)
                # A refusal that will not clear by itself (revoked, unsupported version) is not
                # hammered: it waits the longest delay and says why each time.
                delay = self.backoff.next_delay() if exc.retryable else self.backoff.cap
                log.warning("sync failed: %s (next try in %.0f s)", exc.message, delay)
            if on_report is not None:
                on_report(report)
            self._wake.clear()
            deadline = time.monotonic() + delay
            # Wait out the delay, but wake early for stop, or for new records after a success
            # (after a failure the back-off stands: a dead link is not hammered).
            while not stop.is_set() and time.monotonic() < deadline:
                if self._wake.wait(min(0.5, max(0.0, deadline - time.monotonic()))):
                    if report.error is None:
                        break
                    self._wake.clear()


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
