"""What a checklist may name: the engine's facts (`applies_if`) and graph rules (`rule`).

One index over the built-in tuples, read by the evaluator, by checklist validation (as plain names,
injected into the documents layer) and by `assess checklist vocabulary`, which documents them.
"""

from __future__ import annotations

from assess.engine.builtin_rules import BUILTIN
from assess.engine.facts import FACTS, FactDef
from assess.engine.graph import FlowGraph
from assess.engine.rules import Rule, RuleResult

RULES: dict[str, Rule] = {r.id: r for r in BUILTIN}
if len(RULES) != len(BUILTIN):  # pragma: no cover - a programming error, caught by any test run
    raise RuntimeError("two built-in rules share an id")


def run(fg: FlowGraph) -> dict[str, RuleResult]:
    """Run every built-in rule once on the graph."""
    return {rid: RuleResult(rule, tuple(rule.check(fg))) for rid, rule in RULES.items()}


def fact_names() -> frozenset[str]:
    return frozenset(FACTS)


def rule_ids() -> frozenset[str]:
    return frozenset(RULES)


__all__ = ["FACTS", "RULES", "FactDef", "fact_names", "rule_ids", "run"]
