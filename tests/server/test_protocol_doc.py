"""docs/sync-protocol.md's JSON schema is the server's, and the sample batch satisfies it."""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema_rs

from sync_server.schemas import PAYLOAD_MODELS, BatchIn
from tests.conftest import REPO_ROOT
from tests.server.support import SAMPLE_BATCH

DOC = REPO_ROOT / "docs" / "sync-protocol.md"


def _schema_in_doc() -> dict[str, Any]:
    text = DOC.read_text(encoding="utf-8")
    m = re.search(r"<!-- batch-schema -->\s*```json\n(.*?)```", text, re.S)
    assert m, "docs/sync-protocol.md lacks the batch schema block"
    schema: dict[str, Any] = json.loads(m.group(1))
    return schema


def test_doc_schema_is_the_servers() -> None:
    assert _schema_in_doc() == BatchIn.model_json_schema()


def test_doc_payload_schemas_are_the_servers() -> None:
    text = DOC.read_text(encoding="utf-8")
    m = re.search(r"<!-- payload-schemas -->\s*```json\n(.*?)```", text, re.S)
    assert m, "docs/sync-protocol.md lacks the payload schemas block"
    doc = json.loads(m.group(1))
    assert doc == {k: model.model_json_schema() for k, model in PAYLOAD_MODELS.items()}
    sample = json.loads(SAMPLE_BATCH.read_text(encoding="utf-8"))
    for e in sample["events"]:
        jsonschema_rs.validate(doc[e["event_type"]], e["payload"])


def test_sample_batch_satisfies_the_schema_and_payload_models() -> None:
    sample = json.loads(SAMPLE_BATCH.read_text(encoding="utf-8"))
    jsonschema_rs.validate(_schema_in_doc(), sample)
    BatchIn.model_validate(sample)
    for e in sample["events"]:
        PAYLOAD_MODELS[e["event_type"]].model_validate(e["payload"])
    assert {e["event_type"] for e in sample["events"]} == set(PAYLOAD_MODELS)
