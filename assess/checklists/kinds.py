"""The kinds of versioned document the release machinery keeps: checklists and platform profiles.

Lint, the lock and version-bump checks and `release` are written once, against this table; what
differs between the kinds — the model, the content lint, the diff that decides the bump, the
first changelog entry — is looked up here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from assess.checklists.catalog import CHECKLISTS, PLATFORMS, Catalog, Shelf
from assess.checklists.content import Issue, lint_document
from assess.checklists.diff import Diff, diff
from assess.checklists.profiles import diff_platforms, first_release, lint_platform
from assess.core.errors import InputError
from assess.documents import yamlsource
from assess.documents.models import Checklist, Platform
from assess.documents.yamlsource import Source


@dataclass(frozen=True, slots=True)
class DocKind:
    name: str
    """The document's `kind:`."""
    command: str
    """The CLI group that manages it: `assess <command> lint|release`."""
    model: type[BaseModel]
    shelf: Shelf
    lint: Callable[[Any, Source, Catalog | None], list[Issue]]
    """Content checks; the catalog is where a profile's answers find their checklists."""
    diff: Callable[[Any, Any], Diff]
    first_release: Callable[[Any], str]
    effective: Callable[[Any], dt.date]
    """The date the changelog heading gives: in force from (checklist), checked on (profile)."""


def _first_checklist(cl: Checklist) -> str:
    controls = cl.controls()
    return (f"First release: {len(controls)} controls in {len(cl.domains)} domains "
            f"({sum(c.blocker for c in controls)} blockers).")


CHECKLIST = DocKind("checklist", "checklist", Checklist, CHECKLISTS,
                    lambda cl, source, _: lint_document(cl, source), diff,
                    _first_checklist, lambda cl: cl.effective_from)
PLATFORM = DocKind("platform", "platform", Platform, PLATFORMS,
                   lambda pf, source, cat: lint_platform(pf, source, catalog=cat), diff_platforms,
                   first_release,
                   lambda pf: pf.checked_on)
KINDS = {k.name: k for k in (CHECKLIST, PLATFORM)}


def kind_of_file(path: Path) -> DocKind:
    """The kind a file declares; a checklist when it cannot be told (lint then says why)."""
    try:
        data = yamlsource.read(path).data
    except InputError:  # unreadable: the loader reports it, located
        return CHECKLIST
    found = data.get("kind") if isinstance(data, dict) else None
    return KINDS.get(found, CHECKLIST) if isinstance(found, str) else CHECKLIST


__all__ = ["CHECKLIST", "KINDS", "PLATFORM", "DocKind", "kind_of_file"]
