"""JSON Schemas of the input documents, generated from the models (never written by hand).

The committed copies under `schemas/` let YAML-aware editors check and complete a document as
it is typed (`# yaml-language-server: $schema=…` on its first line); a test fails when they are
stale. Regenerate them with `assess schema -o schemas`.

The schema says what the tool accepts, no more and no less: a province's free text
(`LocalText`) is a plain string *or* `{vi, en}`, as the loader accepts it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assess.documents.models import KINDS

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one document kind."""
    model = KINDS[kind]
    body = model.model_json_schema(by_alias=True, mode="validation")
    local = body.get("$defs", {}).get("_LocalText")
    if local is not None:  # the loader also takes a plain string (Vietnamese)
        body["$defs"]["_LocalText"] = {
            "description": "Text in Vietnamese as a plain string, or {vi, en} to add an English "
            "translation.",
            "anyOf": [{"type": "string", "minLength": 1}, local]}
    out: dict[str, Any] = {"$schema": DIALECT, "$id": file_name(kind),
                           "title": f"assess {kind} (kind: {kind}, schema_version: 1)"}
    out.update((k, v) for k, v in body.items() if k != "title")
    return out


def text(kind: str) -> str:
    """The schema as the committed file's text (stable key order, UTF-8, final newline)."""
    return json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n"


def write(folder: Path, kinds: list[str]) -> list[Path]:
    from assess.core.files import write_atomic

    return [write_atomic(folder / file_name(k), text(k)) for k in kinds]


__all__ = ["KINDS", "file_name", "schema", "text", "write"]
