"""The documents' models: every field documented (the schema and --help come from them)."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from assess.documents.models import Checklist, Proposal, Review


def _models(root: type[BaseModel]) -> set[type[BaseModel]]:
    import typing

    seen: set[type[BaseModel]] = set()
    todo = [root]
    while todo:
        m = todo.pop()
        if m in seen:
            continue
        seen.add(m)
        for info in m.model_fields.values():
            stack = [info.annotation]
            while stack:
                tp = stack.pop()
                if isinstance(tp, type) and issubclass(tp, BaseModel):
                    todo.append(tp)
                stack.extend(typing.get_args(tp))
    return seen


@pytest.mark.parametrize("root", [Checklist, Proposal, Review])
def test_every_field_has_a_description(root: type[BaseModel]) -> None:
    missing = [f"{m.__name__}.{name}" for m in _models(root)
               for name, info in m.model_fields.items() if not info.description]
    assert missing == []


@pytest.mark.parametrize("root", [Checklist, Proposal, Review])
def test_unknown_fields_are_forbidden(root: type[BaseModel]) -> None:
    assert all(m.model_config.get("extra") == "forbid" for m in _models(root))


def test_plain_string_is_vietnamese_text() -> None:
    from tests.helpers import base_proposal, proposal_model

    doc = base_proposal()
    doc["title"] = {"vi": "Thử", "en": "Trial"}
    p = proposal_model(doc)
    assert (p.title.get("vi"), p.title.get("en")) == ("Thử", "Trial")
    doc["title"] = "Chỉ tiếng Việt"
    assert proposal_model(doc).title.get("en") == "Chỉ tiếng Việt"
