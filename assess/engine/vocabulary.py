"""What a checklist may name: the engine's facts (`applies_if`) and graph rules (`rule`).

One index over the built-in tuples, read by the evaluator, by checklist validation (as plain names,
injected into the documents layer) and by `assess checklist vocabulary`, which documents them.
"""

from __future__ import annotations

from assess.core.i18n.messages import msg
from assess.engine.builtin_rules import BUILTIN
from assess.engine.facts import FACTS, FactDef
from assess.engine.graph import FlowGraph
from assess.engine.rules import Rule, RuleResult

RULES: dict[str, Rule] = {r.id: r for r in BUILTIN}
if len(RULES) != len(BUILTIN):  # pragma: no cover - a programming error, caught by any test run
    raise RuntimeError(msg("engine.rules.duplicate"))


def run(fg: FlowGraph, needed: frozenset[str] | None = None) -> dict[str, RuleResult]:
    """Run the built-in rules once on the graph: all of them, or the hygiene rules (always
    reported) and those in `needed` (the ones a checklist's controls name)."""
    return {rid: RuleResult(rule, tuple(rule.check(fg))) for rid, rule in RULES.items()
            if needed is None or rid in needed or not rule.decides}


def fact_names() -> frozenset[str]:
    return frozenset(FACTS)


def rule_ids() -> frozenset[str]:
    return frozenset(RULES)


__all__ = ["FACTS", "RULES", "FactDef", "fact_names", "rule_ids", "run"]
