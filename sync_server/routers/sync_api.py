"""The posts' API: enrollment, signed batch upload, signed watchlist download, liveness."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from border_client.sync import protocol
from sync_server.errors import MalformedRequest, NotFound, TooLarge, UnsupportedMediaType
from sync_server.schemas import BatchAck, EnrollIn, EnrollOut
from sync_server.services import enrollment, reference, watchlist
from sync_server.services.auth import admit, authenticate, verify_request
from sync_server.services.identity import server_key
from sync_server.services.ingest import ingest_batch, parse_batch_document, prepare_batch
from sync_server.state import ServerState

router = APIRouter()


def _state(request: Request) -> ServerState:
    st: ServerState = request.app.state.sync
    return st


@router.get(protocol.SERVER_HEALTH_PATH)
def health() -> dict[str, Any]:
    return {"status": "ok", "protocol": sorted(protocol.SUPPORTED_VERSIONS)}


@router.post(protocol.ENROLL_PATH, response_model=EnrollOut)
def enroll(body: EnrollIn, request: Request) -> EnrollOut:
    st = _state(request)
    with st.write(), st.sessions() as session:
        return enrollment.enroll_device(session, body)


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise TooLarge(f"the body is {declared} bytes; at most {limit} allowed")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge(f"the body exceeds {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


@router.post(protocol.BATCH_PATH, response_model=BatchAck)
async def upload_batch(request: Request) -> BatchAck:
    st = _state(request)
    settings = st.settings
    body = await _read_body(request, settings.max_body_bytes)
    if request.headers.get("content-encoding", "").lower() != "gzip":
        raise UnsupportedMediaType("the batch must be sent gzip-compressed (Content-Encoding: gzip)")

    def work() -> BatchAck:
        with st.batch_slots:
            return admitted()

    def admitted() -> BatchAck:
        # First, without the device's lock: who signed it, then inflate, parse and check every
        # event. A post may have two batches in flight; this lets the second be prepared while
        # the first is written, instead of waiting for the lock with the work still to do.
        with st.sessions() as session:
            signed = verify_request(
                session,
                "POST",
                protocol.BATCH_PATH,
                request.headers,
                body,
                clock_window_s=settings.clock_window_s,
            )
            session.rollback()
        # Only an authenticated device makes the server inflate anything.
        try:
            raw = protocol.inflate(body, settings.max_inflated_bytes)
        except protocol.InflateError as exc:
            raise MalformedRequest(str(exc)) from exc
        doc = parse_batch_document(raw, settings.max_batch_events)
        prepared = prepare_batch(doc, signed.device_id, signed.post_code)
        # Then, under the lock, in one transaction: the nonce, the new events, the projections
        # and the acknowledgement.
        with st.write(), st.sessions() as session:
            device = admit(session, signed, clock_window_s=settings.clock_window_s, lock=True)
            ack = ingest_batch(
                session,
                device,
                prepared,
                hooks=st.ingest_hooks,
                copy_threshold=settings.copy_threshold,
            )
            session.commit()
            return ack

    return await run_in_threadpool(work)


@router.get(protocol.WATCHLIST_PATH)
def download_watchlist(request: Request, since: Annotated[int | None, Query(ge=0)] = None) -> Response:
    st = _state(request)
    with st.write(), st.sessions() as session:
        authenticate(
            session,
            "GET",
            protocol.WATCHLIST_PATH,
            request.headers,
            b"",
            clock_window_s=st.settings.clock_window_s,
        )
        update = watchlist.update_for(session, since)
        key = server_key(session)
        session.commit()
    payload: dict[str, Any] = update or {"version": since, "kind": "none"}
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(
        content=body,
        media_type="application/json",
        headers={protocol.H_SIGNATURE: protocol.sign_response(key, body)},
    )


@router.get(protocol.REFERENCE_PATH + "/{name}")
def download_reference(
    name: str, request: Request, since: Annotated[int | None, Query(ge=0)] = None
) -> Response:
    st = _state(request)
    with st.write(), st.sessions() as session:
        authenticate(
            session,
            "GET",
            protocol.REFERENCE_PATH + "/" + name,
            request.headers,
            b"",
            clock_window_s=st.settings.clock_window_s,
        )
        if name not in reference.REFERENCE_SETS:
            raise NotFound(f"no reference data set {name!r}")
        update = reference.update_for(session, name, since)
        key = server_key(session)
        session.commit()
    payload: dict[str, Any] = update or {"name": name, "version": since, "kind": "none"}
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(
        content=body,
        media_type="application/json",
        headers={protocol.H_SIGNATURE: protocol.sign_response(key, body)},
    )
