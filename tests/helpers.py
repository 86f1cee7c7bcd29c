"""Small builders for tests: a proposal as a dict, changed in place, loaded without files."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import yaml

from assess.checklists.catalog import Catalog
from assess.checklists.loading import load_proposal
from assess.documents.loading import Loaded, parse_model
from assess.documents.models import Proposal, Review
from assess.documents.yamlsource import parse
from assess.engine.evaluate import evaluate
from assess.engine.result import Assessment

DATA = Path(__file__).resolve().parent / "data"
_BASE: dict[str, Any] = yaml.safe_load((DATA / "proposal-ok.yaml").read_text(encoding="utf-8"))


def base_proposal() -> dict[str, Any]:
    return copy.deepcopy(_BASE)


def dump(doc: dict[str, Any]) -> bytes:
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")


def assess_dict(doc: dict[str, Any], review: dict[str, Any] | None = None) -> Assessment:
    source = parse(dump(doc), "proposal.yaml")
    p, cl = load_proposal(source, Catalog([DATA / "checklists"]))
    rv = None
    if review is not None:
        rsrc = parse(dump(review), "review.yaml")
        rv = Loaded(parse_model(rsrc, Review), rsrc)
    return evaluate(p, cl, rv)


def proposal_model(doc: dict[str, Any]) -> Proposal:
    return parse_model(parse(dump(doc), "proposal.yaml"), Proposal)


def flat(text: str) -> str:
    """Terminal output without rich's box drawing and line wrapping, for asserting messages."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())
