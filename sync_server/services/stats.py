"""Counts for `sync-server stats` and the console: events per post, last syncs, queues."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync_server.models import Crossing, Device, Event, Post, QuarantinedEvent, WatchlistVersion


def stats(session: Session) -> dict[str, Any]:
    """{"events_total", "quarantined_total", "crossings_total", "watchlist_version", "posts": [...]}."""
    per_post = dict(session.execute(select(Event.post_code, func.count()).group_by(Event.post_code)).all())
    quarantined = dict(
        session.execute(
            select(Event.post_code, func.count())
            .where(Event.quarantine_reason.is_not(None))
            .group_by(Event.post_code)
        ).all()
    )
    for code, n in session.execute(
        select(QuarantinedEvent.post_code, func.count()).group_by(QuarantinedEvent.post_code)
    ).all():
        quarantined[code] = quarantined.get(code, 0) + n
    posts = []
    for post in session.scalars(select(Post).order_by(Post.post_code)):
        devices = list(session.scalars(select(Device).where(Device.post_code == post.post_code)))
        last = max((d.last_sync_at for d in devices if d.last_sync_at), default=None)
        posts.append(
            {
                "post_code": post.post_code,
                "name": post.name,
                "events": per_post.get(post.post_code, 0),
                "quarantined": quarantined.get(post.post_code, 0),
                "last_sync_at": last.isoformat() if last else None,
                "devices": [
                    {
                        "device_id": d.device_id,
                        "status": d.status,
                        "acked_seq": d.acked_seq,
                        "last_sync_at": d.last_sync_at.isoformat() if d.last_sync_at else None,
                        "queue_length": d.queue_length,
                        "oldest_pending_at": (
                            d.oldest_pending_at.isoformat() if d.oldest_pending_at else None
                        ),
                        "app_version": d.app_version,
                        "last_error": d.last_error,
                        "health": json.loads(d.health or "{}"),
                    }
                    for d in devices
                ],
            }
        )
    return {
        "events_total": sum(per_post.values()),
        "quarantined_total": sum(quarantined.values()),
        "crossings_total": session.scalar(select(func.count()).select_from(Crossing)) or 0,
        "watchlist_version": session.scalar(select(func.max(WatchlistVersion.version))),
        "posts": posts,
    }
