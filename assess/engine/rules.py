"""Graph rules: checks computed from the data flows, not declared by the province.

A control that names a `rule` takes its status from it. These are the rules' types; the built-in
rules are a plain tuple (`builtin_rules.BUILTIN`) and `vocabulary` indexes them by id, so nothing
registers itself by being imported. Each hit carries the elements involved, from which the
finding's stable id is built (`RULE@element`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from assess.documents.models import Severity, Status, Text
from assess.engine.graph import FlowGraph


@dataclass(frozen=True, slots=True)
class Hit:
    """One place where a rule fails."""

    element: str
    message: Text
    path: tuple[str, ...] = ()
    data: tuple[str, ...] = ()
    certain: bool = True
    """False where the problem rests on what a platform profile does not know (a location or
    an encryption left unknown): the control is then unknown rather than not met, and the
    province's answer 'met' with evidence settles it."""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: Text
    severity: Severity
    check: Callable[[FlowGraph], list[Hit]]
    decides: bool = True
    """False for hygiene rules that only report findings and decide no control."""
    vetted: bool = True
    """A pass can rest on a platform profile: the rule reads the drawing, whose platform part
    the profile supplies. False for a rule that reads only what the province declares of itself
    (the channel's exclusivity, the inventory's tags): no profile vouches for that, so on a
    blocker its pass counts only with the province's answer 'met' and evidence."""


@dataclass(frozen=True, slots=True)
class RuleResult:
    rule: Rule
    hits: tuple[Hit, ...] = field(default_factory=tuple)
    status: Status = field(init=False)
    """met with no hit; not met if any hit is certain; unknown if every hit rests on what a
    profile leaves unknown."""

    def __post_init__(self) -> None:
        status = (Status.met if not self.hits else Status.not_met
                  if any(h.certain for h in self.hits) else Status.unknown)
        object.__setattr__(self, "status", status)

    @property
    def passed(self) -> bool:
        return not self.hits
