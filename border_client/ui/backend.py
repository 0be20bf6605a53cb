"""The UI's one doorway to the services: each function runs in a worker and calls a service.

Nothing here decides a rule or writes SQL; it only gathers what a screen shows from the
services of :mod:`border_client.services` and :mod:`border_client.sync`, in the shapes the
screens want.  Keeping the calls in one module keeps the widgets free of service details.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

__all__ = ["SyncStatus", "sync_status", "sync_now", "enroll"]

log = logging.getLogger(__name__)


# --- sync -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    pending: int
    oldest_pending_at: datetime | None
    last_sync_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    watchlist_version: int | None


def sync_status(store: Any) -> SyncStatus:
    from border_client.services import outbox

    stats = outbox.queue_stats(store)
    state = outbox.get_sync_state(store)
    return SyncStatus(
        enrolled=bool(state.get("device_id")),
        server_url=state.get("server_url"),
        pending=stats.pending,
        oldest_pending_at=stats.oldest_pending_at,
        last_sync_at=stats.last_sync_at,
        last_error=stats.last_error,
        last_error_at=stats.last_error_at,
        watchlist_version=state.get("watchlist_version"),
    )


def sync_now(store: Any, stop: Any = None) -> Any:
    """One sync pass (send the outbox, fetch a newer watchlist); records the error on failure.

    *stop* (a ``threading.Event``) ends the pass between batches, e.g. when the app closes.
    """
    from border_client.services import accounts, outbox
    from border_client.sync import errors
    from border_client.sync.engine import SyncEngine, client_for

    # The client for the enrolled server, with the CA bundle pinned at enrollment.
    client = client_for(store)
    try:
        engine = SyncEngine(store, client, post_code=accounts.get_post(store).code)
        try:
            return engine.sync_once(stop=stop)
        except errors.SyncFailure as exc:
            outbox.record_error(store, exc.message)
            raise
    finally:
        client.close()


class SyncProcess:
    """Runs sync passes in a child process (``border_client.ui.sync_child``).

    A sync of thousands of events is Python work (rows, JSON, signatures); in a thread it
    would take turns with the UI thread for the interpreter lock and, on a busy two-core
    laptop, make the window stutter.  In a child process it cannot.  The child gets the
    store's data key through its standard input (never on disk or on the command line).
    """

    def __init__(self) -> None:
        self._proc: Any = None
        self._closed = False

    def sync(self, store: Any) -> Any:
        """One pass in the child (blocks the calling worker thread, not the UI)."""
        import json
        import subprocess
        import sys

        from border_client.sync import errors
        from border_client.sync.engine import SyncReport

        if self._closed:
            raise errors.SyncFailure("the application is closing")
        request = json.dumps({"data_dir": str(store.paths.data_dir), "key": store.data_key.hex()})
        self._proc = proc = subprocess.Popen(
            [sys.executable, "-m", "border_client.ui.sync_child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            out, err = proc.communicate(request + "\n")
        finally:
            self._proc = None
        if err.strip():
            log.info("sync child: %s", err.strip()[-2000:])
        lines = out.strip().splitlines()
        if proc.returncode != 0 or not lines:
            if self._closed:
                raise errors.SyncFailure("the sync was stopped because the application closed")
            raise errors.SyncFailure(
                f"the sync process ended unexpectedly (status {proc.returncode}); see the log"
            )
        outcome = json.loads(lines[-1])
        if "failure" in outcome:
            raise errors.SyncFailure(outcome["failure"])
        return SyncReport(**outcome["report"])

    def close(self) -> None:
        """Stop a running pass now; a pass cut short resumes from the acknowledged cursor."""
        self._closed = True
        proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(5)
            except Exception:  # noqa: BLE001 - a child that will not stop is killed
                proc.kill()


def enroll(store: Any, url: str, token: str) -> dict[str, Any]:
    from border_client.services import accounts
    from border_client.sync.client import SyncClient
    from border_client.sync.engine import enroll_post

    client = SyncClient(url)
    try:
        return enroll_post(store, client, token, post_code=accounts.get_post(store).code)
    finally:
        client.close()


# --- the counter ----------------------------------------------------------------------------
@dataclass(frozen=True)
class AlertChoice:
    """A decision on a watchlist hit, by whom (the supervisor's session) and why."""

    decision: str  # allowed | refused | referred
    note: str
    decider: Any  # UserSession of the supervisor who decided


def check_traveler(store: Any, session: Any, document: Any) -> Any:
    """Watchlist hits, history, suggested direction and stay before saving (writes nothing)."""
    from border_client.services import registration

    return registration.check_traveler(store, session, document)


def register_crossing(
    store: Any,
    session: Any,
    document: Any,
    details: Any,
    *,
    choice: AlertChoice | None = None,
    allow_invalid: bool = False,
    photo: bytes | None = None,
) -> Any:
    """Register the crossing; a supervisor's decision on its alerts is recorded with it.

    When the logged-in user is the supervisor, the decision goes in the same transaction.
    When an inspector registers and a supervisor decided at the counter, each alert is
    decided right after, under the supervisor's own session (so the audit names them).
    """
    from border_client.services import alerts as alert_service
    from border_client.services import registration
    from border_client.services.alerts import AlertDecision
    from border_client.services.common import Role

    same_person = (
        choice is not None and choice.decider.username == session.username and session.can(Role.SUPERVISOR)
    )
    result = registration.register_crossing(
        store,
        session,
        document,
        details.direction,
        travel_mode=details.travel_mode,
        vehicle_plate=details.vehicle_plate,
        purpose=details.purpose,
        origin_destination=details.origin_destination,
        remarks=details.remarks,
        photo=photo,
        decision=AlertDecision(choice.decision, choice.note) if same_person and choice else None,
        allow_invalid=allow_invalid,
    )
    if choice is not None and not same_person and result.alerts:
        decided = [
            alert_service.decide_alert(store, choice.decider, a["alert_id"], choice.decision, choice.note)
            if a.get("decision") is None
            else a
            for a in result.alerts
        ]
        result = registration.RegistrationResult(
            result.crossing, decided, result.warnings, result.allowed_days
        )
    return result


def undecided_alerts(result: Any) -> list[dict[str, Any]]:
    return [a for a in result.alerts if a.get("decision") is None]


def supervisor_login(store: Any, username: str, password: str) -> Any:
    """A supervisor's session for a decision at the counter (the log-in is audited)."""
    from border_client.services import accounts
    from border_client.services.common import PermissionDenied, Role

    session = accounts.login(store, username, password)
    if not session.can(Role.SUPERVISOR):
        raise PermissionDenied(f"{username} is not a supervisor")
    return session


def decide_alert(store: Any, decider: Any, alert_id: str, decision: str, note: str) -> Any:
    from border_client.services import alerts as alert_service

    return alert_service.decide_alert(store, decider, alert_id, decision, note)


def pending_alerts(store: Any, session: Any) -> list[dict[str, Any]]:
    from border_client.services import alerts as alert_service

    return alert_service.pending_alerts(store, session)


# --- records and dashboard ------------------------------------------------------------------
def count_records(store: Any, session: Any, filters: Any) -> int:
    from border_client.services import reporting

    return reporting.count_records(store, session, filters)


def records_page(store: Any, session: Any, filters: Any, request: Any) -> list[Any]:
    """The rows a :class:`~border_client.ui.paged_model.PageRequest` asks for (newest first).

    Scrolling on from a cached page goes by key (``(occurred_at, id) < key``, an index range
    in SQLite at any depth, for every filter the screen offers); a jump into the older half
    counts its offset from the oldest row; only a jump into the newer half walks an offset.
    """
    from border_client.services import reporting

    previous, following = request.previous, request.following
    return reporting.records_page(
        store,
        session,
        filters,
        offset=request.offset,
        limit=request.limit,
        after=(previous.occurred_at, previous.row_id) if previous is not None else None,
        before=(following.occurred_at, following.row_id) if following is not None else None,
        total=request.total,
    )


@dataclass(frozen=True)
class DashboardData:
    """Everything the supervisor's dashboard shows for one range."""

    summary: dict[str, Any]
    activity: list[dict[str, Any]]
    alerts: list[dict[str, Any]]
    overstays: list[Any]


def dashboard(store: Any, session: Any, since: datetime, until: datetime) -> DashboardData:
    from border_client.services import alerts as alert_service
    from border_client.services import reporting

    return DashboardData(
        summary=reporting.dashboard(store, session, since, until),
        activity=reporting.inspector_activity(store, session, since, until),
        alerts=alert_service.pending_alerts(store, session),
        overstays=reporting.overstays(store, session, limit=200),
    )


def local_day_bounds(store: Any, day: Any) -> tuple[datetime, datetime]:
    from border_client.services import reporting

    return reporting.local_day_bounds(store, day)


def export_csv(store: Any, session: Any, path: Any, filters: Any) -> int:
    """Write the CSV next to a temporary name and rename, so a failure leaves no half file."""
    import os
    from pathlib import Path

    from border_client.services import reporting

    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as out:
            n = reporting.export_csv(store, session, out, filters)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return n


# --- corrections ----------------------------------------------------------------------------
def amendable_fields() -> tuple[str, ...]:
    from border_client.services.amendments import AMENDABLE_FIELDS

    return tuple(AMENDABLE_FIELDS)


def request_amendment(
    store: Any, session: Any, crossing_id: str, changes: dict[str, Any], reason: str
) -> dict[str, Any]:
    from border_client.services import amendments

    return amendments.request_amendment(store, session, crossing_id, changes, reason)


def pending_amendments(store: Any, session: Any) -> list[dict[str, Any]]:
    from border_client.services import amendments

    return amendments.list_amendments(store, session, status="pending")


def decide_amendment(store: Any, session: Any, amendment_id: str, approve: bool) -> Any:
    from border_client.services import amendments

    return amendments.decide_amendment(store, session, amendment_id, approve)


def record_report_export(store: Any, session: Any, fmt: str, details: dict[str, Any]) -> None:
    """Audit a report the UI rendered itself (the PDF); the CSV export audits in the service."""
    from border_client.services import audit
    from border_client.services.common import Role, require_role

    require_role(session, Role.SUPERVISOR, "export reports")
    audit.record(store, session, "report.exported", None, {"format": fmt, **details})


# --- scanning -------------------------------------------------------------------------------
@dataclass
class DocumentScan:
    """What an image of the data page gave: the MRZ reading, and the decoded image (kept for
    cropping the holder's photo, which runs as its own task)."""

    result: Any  # ScanResult
    image: Any  # numpy array, or None when the file could not be read


def scan_document(path: Any) -> DocumentScan:
    """Read the MRZ of the image at *path*.

    Like ``scanning.engine.scan_file`` it never raises for a bad file (the error is in the
    result); it also hands back the decoded pixels so the photo crop need not decode again.
    """
    import time

    from border_client.scanning.engine import ScanResult, get_engine
    from border_client.scanning.imageio import load_image

    started = time.perf_counter()
    engine = get_engine(None)
    try:
        image = load_image(path)
    except Exception as exc:  # noqa: BLE001 - any load failure is reported, never raised
        return DocumentScan(
            ScanResult(
                found=False,
                engine=engine.name,
                error=str(exc) or f"{path}: could not be read as an image",
                elapsed_ms=(time.perf_counter() - started) * 1000.0,
            ),
            None,
        )
    try:
        result = engine.read(image)
    except Exception as exc:  # noqa: BLE001 - an engine failure is shown as "not found"
        result = ScanResult(found=False, engine=engine.name, error=f"{type(exc).__name__}: {exc}")
    result.elapsed_ms = (time.perf_counter() - started) * 1000.0
    return DocumentScan(result, image)


def crop_photo(image: Any, quad: Any) -> bytes | None:
    """The holder's photo cut from the data page as JPEG, or None (never raises)."""
    try:
        from border_client.scanning.face import crop_face_jpeg

        return crop_face_jpeg(image, quad)
    except Exception as exc:  # noqa: BLE001 - no photo is not a reason to lose the crossing
        log.warning("face crop failed: %s: %s", type(exc).__name__, exc)
        return None


# --- identities -----------------------------------------------------------------------------
def identity_suggestions(store: Any, session: Any, traveler_id: str) -> list[dict[str, Any]]:
    from border_client.services import identity

    return identity.identity_suggestions(store, session, traveler_id)


def link_identities(store: Any, session: Any, traveler_id: str, other_id: str) -> Any:
    from border_client.services import identity

    return identity.link_identities(store, session, traveler_id, other_id)


# --- users ----------------------------------------------------------------------------------
def list_users(store: Any, session: Any) -> list[Any]:
    from border_client.services import accounts

    return [u for u in accounts.list_users(store, session) if u.active]


def add_user(
    store: Any, session: Any, username: str, password: str, role: str, full_name: str
) -> Any:
    from border_client.services import accounts

    return accounts.add_user(store, session, username, password, role, full_name)


def remove_user(store: Any, session: Any, username: str) -> None:
    from border_client.services import accounts

    accounts.remove_user(store, session, username)


def set_password(store: Any, session: Any, username: str, password: str) -> None:
    from border_client.services import accounts

    accounts.change_password(store, session, password, username=username)


def warm_indexes(store: Any) -> None:
    """Build the store's in-memory indexes (watchlist, names) ahead of the first traveler."""
    from border_client.services import reporting

    reporting.warm_indexes(store)
