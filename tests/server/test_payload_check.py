"""The ingest's fast payload check agrees with the pydantic models it is built from.

Whatever the fast path accepts, pydantic accepts with the same values; what it declines goes to
pydantic (which names the problem). Payloads are generated around the sample batch's.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from sync_server.schemas import PAYLOAD_MODELS
from sync_server.services import projection
from sync_server.services.payload_check import Decline, compile_model
from tests.server.support import SAMPLE_BATCH

SAMPLES: dict[str, dict[str, Any]] = {
    e["event_type"]: e["payload"] for e in json.loads(SAMPLE_BATCH.read_text(encoding="utf-8"))["events"]
}


def _comparable(value: Any) -> Any:
    if isinstance(value, datetime):
        return ("datetime", value, value.utcoffset())
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return (type(value).__name__, value)


def _pydantic(event_type: str, payload: Any) -> dict[str, Any] | None:
    model = PAYLOAD_MODELS[event_type]
    try:
        dumped = model.model_validate(payload).model_dump()
    except ValidationError:
        return None
    # Only the declared fields: extra fields stay in the stored payload, not in the projection.
    return _declared(model, dumped)


def _declared(model: type[BaseModel], dumped: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, info in model.model_fields.items():
        value = dumped[name]
        ann = info.annotation
        if isinstance(ann, type) and issubclass(ann, BaseModel) and isinstance(value, dict):
            value = _declared(ann, value)
        out[name] = value
    return out


def test_every_payload_model_has_a_fast_path_and_the_sample_takes_it() -> None:
    for event_type, payload in SAMPLES.items():
        check = projection._FAST_CHECKS[event_type]
        assert check is not None, event_type
        assert _comparable(check(payload)) == _comparable(_pydantic(event_type, payload))


def test_a_model_with_a_validator_gets_no_fast_path() -> None:
    from pydantic import field_validator

    class Odd(BaseModel):
        x: str

        @field_validator("x")
        @classmethod
        def upper(cls, v: str) -> str:
            return v.upper()

    assert compile_model(Odd) is None


TIMESTAMPS = st.one_of(
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),  # naive: pydantic refuses AwareDatetime
    st.sampled_from(
        [
            "2026-11-26T14:03:11Z",
            "2026-11-26T14:03:11.5+00:00",
            "2026-11-26T14:03:11.1234567+00:00",
            "2026-11-26 14:03:11+00:00",
            "2026-11-26T14:03:11+24:00",
            "2026-02-30T14:03:11+00:00",
            "2026-11-26T24:00:00+00:00",
            "2026-11-26T14:03:60+00:00",
            "20261126T140311Z",
            "2026-11-26T14:03:11+0000",
            "2026-11-26",
            "",
        ]
    ),
    st.integers(min_value=0, max_value=2**40),
)
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=3),
    st.text(min_size=60, max_size=70),
    st.text(min_size=195, max_size=205),
    st.sampled_from(["entry", "exit", "land", "sea", "air", "document", "person", "allowed", "x" * 64]),
    TIMESTAMPS,
    st.lists(st.one_of(st.text(max_size=5), st.integers()), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _mutations(payload: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    keys = sorted(payload) + ["unknown_extra"]
    nested = [k for k, v in payload.items() if isinstance(v, dict)]

    @st.composite
    def mutate(draw: st.DrawFn) -> dict[str, Any]:
        out: dict[str, Any] = json.loads(json.dumps(payload))
        for _ in range(draw(st.integers(min_value=1, max_value=3))):
            target: Any = out
            if len(nested) > 0 and draw(st.booleans()):
                target = out.get(draw(st.sampled_from(nested)))
                if not isinstance(target, dict):
                    continue
            key = draw(st.sampled_from(sorted(target) + ["unknown_extra"] if target else keys))
            if draw(st.integers(min_value=0, max_value=5)) == 0:
                target.pop(key, None)
            else:
                target[key] = draw(VALUES)
        return out

    return mutate()


@pytest.mark.parametrize("event_type", sorted(SAMPLES))
@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fast_path_accepts_only_what_pydantic_accepts_with_the_same_values(
    event_type: str, data: st.DataObject
) -> None:
    payload = data.draw(_mutations(SAMPLES[event_type]))
    check = projection._FAST_CHECKS[event_type]
    assert check is not None
    try:
        fast = check(payload)
    except Decline:
        return
    slow = _pydantic(event_type, payload)
    assert slow is not None, f"the fast path accepted what pydantic refuses: {payload!r}"
    assert _comparable(fast) == _comparable(slow)


@given(ts=TIMESTAMPS)
@settings(max_examples=500, deadline=None)
def test_timestamps_read_alike(ts: Any) -> None:
    payload = dict(SAMPLES["alert.decided"], decided_at=ts)
    check = projection._FAST_CHECKS["alert.decided"]
    assert check is not None
    try:
        fast = check(payload)
    except Decline:
        return
    slow = _pydantic("alert.decided", payload)
    assert slow is not None, ts
    assert _comparable(fast) == _comparable(slow)


def test_declined_payloads_are_still_validated_by_pydantic() -> None:
    payload = dict(SAMPLES["alert.raised"], alert_id=12345)  # an integer id: pydantic's coercion
    check = projection._FAST_CHECKS["alert.raised"]
    assert check is not None
    with pytest.raises(Decline):
        check(payload)
    parsed = projection.validate_payload("alert.raised", payload, "HTI-CAP")
    assert parsed["alert_id"] == "12345"
    bad = dict(SAMPLES["alert.raised"], kind="nobody")
    with pytest.raises(projection.InvalidEvent, match="kind"):
        projection.validate_payload("alert.raised", bad, "HTI-CAP")
