"""Graph rules: checks computed from the data flows, not declared by the province.

A control that names a `rule` takes its status from it. These are the rules' types; the built-in
rules are a plain tuple (`builtin_rules.BUILTIN`) and `vocabulary` indexes them by id, so nothing
registers itself by being imported. Each hit carries the elements involved, from which the
finding's stable id is built (`RULE@element`).
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
