"""Every field description of the document models has its Vietnamese half, and no more.

Messages quote a field's English `description` ("missing required field 'count': Estimated number
of people."); `assess.core.i18n.fields.DESCRIPTIONS` gives the Vietnamese. The walk covers every
model reachable from `KINDS` (nested models, list/dict/union members) and the descriptions that
`Annotated[..., Field(description=...)]` types carry inside a field's type (`list[Id]`,
`Country | None`) or behind a field's own description (`country: PlaceCountry = Field(...)`).
"""

from __future__ import annotations

import typing
import unicodedata
from typing import Any

import pytest
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from assess.core.i18n.fields import DESCRIPTIONS, vi_description
from assess.documents.models import KINDS


def _descriptions() -> dict[str, list[str]]:
    """Every English description the models use → the fields (Model.field) that use it."""
    found: dict[str, list[str]] = {}
    seen: set[type[BaseModel]] = set()

    def note(text: str | None, where: str) -> None:
        if text:
            found.setdefault(text, []).append(where)

    def walk_type(tp: Any, where: str) -> None:
        if typing.get_origin(tp) is typing.Annotated:
            base, *meta = typing.get_args(tp)
            for m in meta:
                if isinstance(m, FieldInfo):
                    note(m.description, where)
            walk_type(base, where)
        elif isinstance(tp, type) and issubclass(tp, BaseModel):
            walk_model(tp)
        else:
            for arg in typing.get_args(tp):
                walk_type(arg, where)

    def walk_model(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        hints = typing.get_type_hints(model, include_extras=True)
        for name, info in model.model_fields.items():
            where = f"{model.__name__}.{name}"
            note(info.description, where)
            walk_type(info.annotation, where)
            walk_type(hints.get(name), where)

    for model in KINDS.values():
        walk_model(model)
    return found


USED = _descriptions()


def test_the_walk_finds_the_models_descriptions() -> None:
    assert len(USED) > 150
    assert "Estimated number of people." in USED
    assert "Identifier: letters, digits, '.', '_' or '-', starting with a letter or digit." in USED
    assert any(d.startswith("ISO 3166-1 alpha-2 code of where it is") for d in USED)


def test_every_description_has_its_vietnamese_half() -> None:
    missing = [f"{', '.join(dict.fromkeys(where))}: {en!r}" for en, where in USED.items()
               if en not in DESCRIPTIONS]
    assert not missing, "no Vietnamese in assess/core/i18n/fields.py for:\n" + "\n".join(missing)


def test_no_stale_translation() -> None:
    stale = [en for en in DESCRIPTIONS if en not in USED]
    assert not stale, "no model uses these descriptions any more:\n" + "\n".join(map(repr, stale))


@pytest.mark.parametrize("en", sorted(DESCRIPTIONS))
def test_each_vietnamese_half_is_written(en: str) -> None:
    vi = DESCRIPTIONS[en]
    assert vi.strip() == vi and vi, en
    assert vi != en, f"not translated: {en!r}"
    assert unicodedata.normalize("NFC", vi) == vi, f"not NFC: {vi!r}"
    if en[-1] in ".)":
        assert vi[-1] in ".)", f"ends unlike the English: {vi!r}"
    for token in ("`", "id@version"):
        assert en.count(token) == vi.count(token), f"{token} kept as written: {vi!r}"


def test_vi_description() -> None:
    assert vi_description("Estimated number of people.") == "Số người ước tính."
    assert vi_description("Submitting body, e.g. 'UBND tỉnh Bắc Giang'.") == (
        "Cơ quan gửi hồ sơ, ví dụ 'UBND tỉnh Bắc Giang'.")
    assert vi_description("No such description.") is None
