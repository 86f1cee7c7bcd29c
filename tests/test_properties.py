"""The trust model as properties over generated proposals, under both checklist versions: what a
province draws optimistically or answers higher may only make its result worse (DESIGN, "Who
supplies the facts"). `make fuzz` runs the same properties with many more examples.

Removing what the drawing shows never helps, because the engine completes the drawing from what
the province declares: the services' data is with the channel's systems and arrives there, and
into the province's systems, over flows presumed at their worst when none is drawn; a zone
declared abroad holds and receives the channel's personal data unless shown otherwise; a
datastore keeps what it is sent; the platform's part comes from its profile. What the engine
cannot presume is which of two drawn elements showing the same data in the same zone is the
real one: removing the one that fails a rule while the other still shows the data there is
left out of the removal properties (`_alone`, `_brought_in_alone`, `_leaves_citizens_at_home`),
as is removing what the state keeps in its own systems (`_state_keeps`); the issue note
measures how often each helps."""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from assess.checklists.catalog import Catalog
from assess.checklists.loading import load_checklist
from assess.core.errors import InputError
from assess.documents.loading import Loaded
from assess.documents.models import Checklist, Proposal
from assess.documents.references import check_proposal
from assess.documents.yamlsource import parse
from assess.engine.evaluate import evaluate
from assess.engine.result import Assessment
from tests.generate import proposals

EXAMPLES = int(os.environ.get("ASSESS_PROPERTY_EXAMPLES", "60"))
PHASES = (list(Phase) if os.environ.get("ASSESS_PROPERTY_SHRINK")
          else [Phase.explicit, Phase.reuse, Phase.generate])
"""Shrinking a counterexample of 63 answers takes minutes: `make fuzz` does it, `make test` not."""
FUZZ = "ASSESS_PROPERTY_EXAMPLES" in os.environ
"""`make test` runs the same examples every time (derandomized: a suite that passes here passes
in CI); `make fuzz` draws new ones on every run."""
VERDICT = {"reject": 0, "conditional": 1, "approve": 2}
LOWER = {"met": "partial", "partial": "not-met"}
LESS_TRUSTED = {"government": "third-party", "third-party": "untrusted"}


_SOURCE = parse(b"kind: proposal\n", "generated.yaml")


def _assess(doc: dict[str, Any], checklist: Loaded[Checklist]) -> Assessment:
    """As the loader would: a proposal its cross-reference checks refuse gets no verdict."""
    proposal = Proposal.model_validate(doc)
    problems = check_proposal(proposal, _SOURCE)
    if problems:
        raise InputError(problems)
    return evaluate(Loaded(proposal, _SOURCE), checklist)


def _loads(doc: dict[str, Any], checklist: Loaded[Checklist]) -> Assessment | None:
    try:
        return _assess(doc, checklist)
    except InputError:
        return None


def _no_better(before: Assessment, after: Assessment, *, score: bool) -> None:
    assert VERDICT[after.verdict.value] <= VERDICT[before.verdict.value], (
        before.verdict, after.verdict)
    if score:
        assert after.score <= before.score + 1e-9, (before.score, after.score)


CHECKLISTS = {v: load_checklist(Catalog().resolve(f"vn-third-party-channel@{v}"))
              for v in ("1.0.0", "1.1.0")}
Change = Callable[[dict[str, Any], st.DrawFn], dict[str, Any] | None]


def _property(change: Change, *, score: bool = True) -> Callable[[str], None]:
    """Applying `change` never improves the verdict (nor, with `score`, raises the score).

    A zone moved abroad or made less trusted can bring controls into scope, and a new control
    answered 'met' lifts an average: for those the verdict is what must not improve."""
    def test(version: str) -> None:
        checklist = CHECKLISTS[version]

        @settings(max_examples=EXAMPLES, deadline=None, phases=PHASES, derandomize=not FUZZ,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
        @given(proposals(checklist.doc), st.data())
        def check(doc: dict[str, Any], data: st.DataObject) -> None:
            before = _loads(doc, checklist)
            assume(before is not None)
            changed = change(copy.deepcopy(doc), data.draw)
            assume(changed is not None)
            assert before is not None and changed is not None
            after = _loads(changed, checklist)
            if after is not None:  # a change the loader refuses gets no verdict at all
                _no_better(before, after, score=score)

        check()
    return test


def _less_trusted(doc: dict[str, Any], draw: st.DrawFn) -> dict[str, Any] | None:
    zones = [z for z in doc["zones"] if z["trust"] in LESS_TRUSTED]
    if not zones:
        return None
    zone = draw(st.sampled_from(zones))
    zone["trust"] = LESS_TRUSTED[zone["trust"]]
    return doc


def _abroad(doc: dict[str, Any], draw: st.DrawFn) -> dict[str, Any] | None:
    zones = [z for z in doc["zones"] if z["country"] == "VN"]
    if not zones:
        return None
    draw(st.sampled_from(zones))["country"] = draw(st.sampled_from(["SG", "US"]))
    return doc


def _lower_answer(doc: dict[str, Any], draw: st.DrawFn) -> dict[str, Any] | None:
    lowerable = [k for k, a in doc["answers"].items() if a["status"] in LOWER]
    if not lowerable:
        return None
    answer = doc["answers"][draw(st.sampled_from(sorted(lowerable)))]
    answer["status"] = draw(st.sampled_from([LOWER[answer["status"]], "unknown"]))
    return doc


VERSIONS = pytest.mark.parametrize("version", sorted(CHECKLISTS))
test_a_less_trusted_zone_never_improves_the_verdict = VERSIONS(
    _property(_less_trusted, score=False))
test_moving_a_zone_abroad_never_improves_the_verdict = VERSIONS(_property(_abroad, score=False))
test_lowering_an_answer_never_improves_the_result = VERSIONS(_property(_lower_answer))


@VERSIONS
def test_personal_data_reaching_a_zone_abroad_is_never_approved(version: str) -> None:
    checklist = CHECKLISTS[version]

    @settings(max_examples=EXAMPLES, deadline=None, phases=PHASES, derandomize=not FUZZ,
              suppress_health_check=[HealthCheck.too_slow])
    @given(proposals(checklist.doc))
    def check(doc: dict[str, Any]) -> None:
        a = _loads(doc, checklist)
        assume(a is not None)
        assert a is not None
        zone = {z["id"]: z for z in doc["zones"]}
        node_zone = {n["id"]: zone[n["zone"]] for n in doc["nodes"]}
        personal = {d["id"] for d in doc["data"] if d["class"] != "public" and
                    d["class"] != "internal"}
        reaches = any(node_zone[f["to"]]["country"] != "VN" and personal & set(f["data"])
                      for f in doc["flows"]) or any(
            node_zone[n["id"]]["country"] != "VN" and personal & set(n.get("stores", []))
            for n in doc["nodes"])
        if reaches:
            assert a.verdict.value != "approve"

    check()


def _personal(doc: dict[str, Any]) -> set[str]:
    return {d["id"] for d in doc["data"] if d["class"] in ("personal", "sensitive-personal")}


def _zone_of(doc: dict[str, Any]) -> dict[str, str]:
    return {n["id"]: n["zone"] for n in doc["nodes"]}


def _channel(doc: dict[str, Any]) -> set[str]:
    """The personal data with the channel's systems (see `graph.channel_data`): the services',
    and what the proposal places nowhere; with no service using any, the whole inventory's."""
    personal = _personal(doc)
    served = {d for s in doc["services"] for d in s["data"] if d in personal}
    if not served:
        return personal
    used = {d for s in doc["services"] for d in s["data"]}
    used |= {d for f in doc["flows"] for d in f["data"]}
    used |= {d for n in doc["nodes"] for d in n.get("stores", [])}
    return served | (personal - used)


def _systems(doc: dict[str, Any], node: dict[str, Any]) -> set[str]:
    """What a node holds without a drawn flow: generated operators never match the channel's,
    so every system outside the state's zones is the channel's and holds its data."""
    trust = {z["id"]: z["trust"] for z in doc["zones"]}
    return _channel(doc) if node["kind"] != "actor" and trust[node["zone"]] != "government" \
        else set()


def _depicted(doc: dict[str, Any], zone: str) -> set[str]:
    """The personal data the drawing shows in `zone`: flowing into it or out of it (a sender
    has what it sends), kept there, or with the channel's systems there."""
    zone_of, personal = _zone_of(doc), _personal(doc)
    out = {d for f in doc["flows"] if zone in (zone_of[f["to"]], zone_of[f["from"]])
           for d in f["data"]}
    for n in doc["nodes"]:
        if n["zone"] == zone:
            out |= set(n.get("stores", [])) | _systems(doc, n)
    return out & personal


def _alone(after: dict[str, Any], zone: str, items: set[str]) -> bool:
    """True if, once the element is removed, nothing shows any of `items` in `zone`: the removal
    took that data out of the drawing there, which is the "drawing less" the engine answers by
    presuming. Where another element still shows the same data in the same zone, drawn or as
    the channel's, removing the one that fails a rule is a different claim — that the other is
    the only way the data goes — which no drawing can be checked against (module docstring)."""
    return not (items & _depicted(after, zone))


def _inbound(doc: dict[str, Any], f: dict[str, Any]) -> bool:
    """A flow from outside the state into one of its systems (see `builtin_rules._crossings`)."""
    trust = {z["id"]: z["trust"] for z in doc["zones"]}
    node = {n["id"]: n for n in doc["nodes"]}
    return (trust[node[f["from"]]["zone"]] != "government"
            and trust[node[f["to"]]["zone"]] == "government" and node[f["to"]]["kind"] != "actor")


def _arrivals(doc: dict[str, Any]) -> list[set[str]]:
    """What the proposal says arrives in the state's systems, as the engine groups it
    (`builtin_rules._inbound_services`): each service's data, and the inventory's rest."""
    served = {d for s in doc["services"] for d in s["data"]}
    rest = {d["id"] for d in doc["data"]} - served
    return [set(s["data"]) for s in doc["services"] if s["data"]] + ([rest] if rest else [])


def _brought_in_alone(before: dict[str, Any], f: dict[str, Any], after: dict[str, Any]) -> bool:
    """True unless, once `f` is gone, another drawn flow still shows what it showed arriving in
    the state's systems: data of the same service (or of the inventory's rest), any class —
    whether data arrives authenticated is asked of public data too. Which of two flows
    bringing a service's data in is the real one is again no drawing's to tell."""
    if not _inbound(before, f):
        return True
    others = {d for g in after["flows"] if _inbound(after, g) for d in g["data"]}
    return not any(group & set(f["data"]) and group & others for group in _arrivals(before))


def _state_keeps(doc: dict[str, Any], node: dict[str, Any]) -> bool:
    """True for a datastore of the state's own in Vietnam. What the province keeps in its own
    systems, and how, is its own declaration about itself, as its answers are: the engine does
    not presume a store of the state's that is not drawn (every proposal would fail at once), so
    removing one, or an item from one, is left out; the rules still fail one that is drawn, and
    a blocker's pass without evidence still counts as unknown."""
    zone = next(z for z in doc["zones"] if z["id"] == node["zone"])
    return node["kind"] == "datastore" and zone["trust"] == "government" and (
        zone["country"] == "VN")


def _leaves_citizens_at_home(doc: dict[str, Any], node: dict[str, Any]) -> bool:
    """True if removing a system leaves its zone with only citizens, in Vietnam: citizens hold
    their own data by right, and the drawing cannot tell such a zone that had a system from one
    that never did (`graph._unshown`), so the channel's data is then only where the channel's
    other systems are — which of the two was the real holder no drawing can be checked against."""
    zone = next(z for z in doc["zones"] if z["id"] == node["zone"])
    rest = [n for n in doc["nodes"] if n["zone"] == zone["id"] and n["id"] != node["id"]]
    return (node["kind"] != "actor" and zone["trust"] == "untrusted" and zone["country"] == "VN"
            and bool(rest) and all(n["kind"] == "actor" for n in rest))


def _node_removal_excluded(before: dict[str, Any], node: dict[str, Any],
                           after: dict[str, Any]) -> bool:
    """Whether removing `node` (and its flows) is one of the cases no drawing can decide."""
    gone, personal, zone_of = node["id"], _personal(before), _zone_of(before)
    shown = {d for f in before["flows"] if f["to"] == gone for d in f["data"]} | set(
        node.get("stores", [])) | _systems(before, node)
    if not _alone(after, node["zone"], shown & personal):
        return True
    if _leaves_citizens_at_home(before, node) or _state_keeps(before, node):
        return True
    mine = [f for f in before["flows"] if gone in (f["from"], f["to"])]
    return not all(  # its flows go with it: each showed its data in its receiver's zone
        (f["to"] == gone or _alone(after, zone_of[f["to"]], set(f["data"]) & personal))
        and _brought_in_alone(before, f, after) for f in mine)


def _remove_node(doc: dict[str, Any], draw: st.DrawFn) -> dict[str, Any] | None:
    if len(doc["nodes"]) < 2:
        return None
    node = draw(st.sampled_from(doc["nodes"]))
    after = copy.deepcopy(doc)
    after["nodes"] = [n for n in doc["nodes"] if n["id"] != node["id"]]
    after["flows"] = [f for f in doc["flows"] if node["id"] not in (f["from"], f["to"])]
    return None if _node_removal_excluded(doc, node, after) else after


def _remove_flow(doc: dict[str, Any], draw: st.DrawFn) -> dict[str, Any] | None:
    if not doc["flows"]:
        return None
    i = draw(st.integers(0, len(doc["flows"]) - 1))
    flow = doc["flows"][i]
    after = copy.deepcopy(doc)
    after["flows"].pop(i)
    zone = _zone_of(doc)[flow["to"]]
    if not _alone(after, zone, set(flow["data"]) & _personal(doc)):
        return None
    return after if _brought_in_alone(doc, flow, after) else None


def _remove_stored(doc: dict[str, Any], draw: st.DrawFn) -> dict[str, Any] | None:
    stores = [n for n in doc["nodes"] if n.get("stores")]
    if not stores:
        return None
    node = draw(st.sampled_from(stores))
    item = draw(st.sampled_from(node["stores"]))
    if _state_keeps(doc, node):
        return None
    after = copy.deepcopy(doc)
    next(n for n in after["nodes"] if n["id"] == node["id"])["stores"].remove(item)
    return after if _alone(after, node["zone"], {item} & _personal(doc)) else None


def _redraw_kind(doc: dict[str, Any], draw: st.DrawFn) -> dict[str, Any] | None:
    node = draw(st.sampled_from(doc["nodes"]))
    kind = draw(st.sampled_from([k for k in ("actor", "process", "datastore", "external")
                                 if k != node["kind"]]))
    node["kind"] = kind
    if kind != "datastore":
        for key in ("stores", "encrypted_at_rest", "retention_days"):
            node.pop(key, None)
    return doc


test_removing_a_drawn_node_never_improves_the_result = VERSIONS(_property(_remove_node))
test_removing_a_drawn_flow_never_improves_the_result = VERSIONS(_property(_remove_flow))
test_removing_a_stored_item_never_improves_the_result = VERSIONS(_property(_remove_stored))
test_redrawing_a_node_as_another_kind_never_improves_the_verdict = VERSIONS(
    _property(_redraw_kind, score=False))
