"""A document model back to the YAML the loader reads: what the tool writes when it makes a
document (a carried review, the workspace's review file) rather than a person."""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import BaseModel


def to_yaml(doc: BaseModel) -> str:
    """`doc` as YAML: `kind` and `schema_version` first, then the fields as declared; empty
    optional fields and defaults left out, so the file says only what was decided."""
    data: dict[str, Any] = doc.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    head = {k: getattr(doc, k) for k in ("kind", "schema_version") if hasattr(doc, k)}
    return yaml.safe_dump({**head, **data}, allow_unicode=True, sort_keys=False, width=96)


__all__ = ["to_yaml"]
