"""Small builders for tests: a proposal as a dict, changed in place, loaded without files."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import yaml

from assess.checklists.catalog import PLATFORMS, Catalog
from assess.checklists.loading import load_inputs
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
    inputs = load_inputs(source, Catalog([DATA / "checklists"]),
                         platforms=Catalog([DATA / "platforms"], PLATFORMS))
    rv = None
    if review is not None:
        rsrc = parse(dump(review), "review.yaml")
        rv = Loaded(parse_model(rsrc, Review), rsrc)
    return evaluate(inputs.proposal, inputs.checklist, rv, inputs.platform)


def hit_ids(a: Assessment, *kinds: str) -> set[str]:
    """The stable ids (RULE@element) of every place a rule fails, across the findings that group
    them (of `kinds`, if given; contradictions repeat their rule's hits, so are left out)."""
    return {h.id for f in a.findings for h in f.hits
            if (f.kind in kinds if kinds else f.kind != "contradiction")}


def on_platform() -> dict[str, Any]:
    """The base proposal moved onto the test profile demo-chat@1.0.0: the platform's zone, OA
    and message store come from the profile; the province draws its citizens and its portal."""
    doc = base_proposal()
    doc["channel"] = {"name": "OA thử nghiệm", "platform": "demo-chat@1.0.0",
                      "kind": "official-account", "exclusive": False}
    doc["zones"] = [z for z in doc["zones"] if z["id"] != "zalo"]
    doc["nodes"] = [n for n in doc["nodes"] if n["zone"] != "zalo"]
    doc["flows"] = [
        {"from": "citizen", "to": "demo-oa", "data": ["phone"], "encryption": "tls",
         "authenticated": False},
        {"from": "portal", "to": "demo-oa", "data": ["guide"], "encryption": "tls",
         "authenticated": True},
        {"from": "demo-oa", "to": "portal", "data": ["phone"], "encryption": "tls",
         "authenticated": True}]
    return doc


def proposal_model(doc: dict[str, Any]) -> Proposal:
    return parse_model(parse(dump(doc), "proposal.yaml"), Proposal)


def flat(text: str) -> str:
    """Terminal output without rich's box drawing and line wrapping, for asserting messages."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def run_cli(*args: str) -> Any:
    """The CLI on `args`, checked never to end in a traceback: the click Result."""
    from typer.testing import CliRunner

    from assess.cli import app

    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def output_lines(result: Any) -> list[str]:
    """A run's non-empty output lines, each with its whitespace folded (`flat`)."""
    return [flat(line) for line in result.output.splitlines() if line.strip()]
