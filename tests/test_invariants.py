"""The promise DESIGN.md makes whatever the checklist's weights: a proposal that keeps citizens'
personal data abroad, or sends it unencrypted across a zone boundary, is never approved — even
when the province answers every control "met". Checked on generated data-flow diagrams."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from assess.checklists.catalog import Catalog
from assess.checklists.loading import load_checklist
from assess.documents.loading import Loaded, parse_model
from assess.documents.models import Checklist, Proposal
from assess.documents.yamlsource import parse
from assess.engine.evaluate import evaluate
from tests.generate import proposals
from tests.helpers import dump


def _checklist(version: str) -> Loaded[Checklist]:
    return load_checklist(Catalog().resolve(f"vn-third-party-channel@{version}"))


@pytest.mark.parametrize("version", ["1.0.0", "1.1.0"])
def test_personal_data_abroad_or_unencrypted_across_a_boundary_is_never_approved(
        version: str) -> None:
    checklist = _checklist(version)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(proposals(checklist.doc, all_met=True))
    def check(doc: dict[str, Any]) -> None:
        source = parse(dump(doc), "generated.yaml")
        proposal = Loaded(parse_model(source, Proposal), source)
        a = evaluate(proposal, checklist)
        zone = {z["id"]: z for z in doc["zones"]}
        node_zone = {n["id"]: zone[n["zone"]] for n in doc["nodes"]}
        personal = {d["id"] for d in doc["data"] if d["class"] in ("personal", "sensitive-personal")}
        abroad = any(node_zone[n["id"]]["country"] != "VN" and personal & set(n.get("stores", []))
                     for n in doc["nodes"])
        plain = any(f["encryption"] in ("none", "unknown") and personal & set(f["data"])
                    and node_zone[f["from"]]["id"] != node_zone[f["to"]]["id"]
                    for f in doc["flows"])
        if abroad or plain:
            assert a.verdict.value != "approve", (abroad, plain, a.score)
            assert a.verdict.value == "reject"  # both are blockers in this checklist

    check()
