"""Graph rules: checks computed from the data flows, not declared by the province.

A control that names a `rule` takes its status from it. Rules register here by id; the checklist
linter refuses a `rule:` that is not registered. Each hit carries the elements involved, from
which the finding's stable id is built (`RULE@element`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from assess.documents.models import Severity, Text
from assess.engine.graph import FlowGraph


@dataclass(frozen=True, slots=True)
class Hit:
    """One place where a rule fails."""

    element: str
    message: Text
    path: tuple[str, ...] = ()
    data: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: Text
    severity: Severity
    check: Callable[[FlowGraph], list[Hit]]
    decides: bool = True
    """False for hygiene rules that only report findings and decide no control."""


@dataclass(frozen=True, slots=True)
class RuleResult:
    rule: Rule
    hits: tuple[Hit, ...] = field(default_factory=tuple)

    @property
    def passed(self) -> bool:
        return not self.hits


RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    if rule.id in RULES:
        raise ValueError(f"rule {rule.id} registered twice")
    RULES[rule.id] = rule
    return rule


def run(fg: FlowGraph) -> dict[str, RuleResult]:
    """Run every registered rule once on the graph."""
    _load_builtin()
    return {rid: RuleResult(rule, tuple(rule.check(fg))) for rid, rule in RULES.items()}


def known() -> dict[str, Rule]:
    _load_builtin()
    return RULES


def _load_builtin() -> None:
    # The built-in rule set registers itself on import; importing here keeps start-up light.
    import assess.engine.builtin_rules  # noqa: F401
