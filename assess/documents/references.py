"""Cross-reference checks that a schema cannot express: ids exist, are unique, fit together.

Each check returns every problem it finds (not just the first), located by YAML path.
"""

from __future__ import annotations

from collections.abc import Iterable, Set

from assess.core.errors import Problem
from assess.core.i18n.messages import Msg, msg, plain
from assess.documents.channel import by_id, channel_nodes, channel_zones
from assess.documents.messages import nearest
from assess.documents.models import Checklist, Proposal, Review
from assess.documents.models.platform import Platform, Sourced
from assess.documents.models.proposal import ID_IMAGE, TAG_CLASS, DataTag
from assess.documents.yamlsource import Path_, Source, format_path


class _Collector:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def add(self, path: Path_, message: Msg) -> None:
        self.problems.append(Problem(self.source.name, self.source.line_of(path),
                                     format_path(path), message))

    def unique(self, items: Iterable[tuple[Path_, str]], what: str) -> set[str]:
        seen: dict[str, Path_] = {}
        for path, value in items:
            if value in seen:
                first = self.source.line_of(seen[value])
                self.add(path, msg("ref.duplicate", what=msg(f"noun.{what}"), value=value,
                                   first=first))
            else:
                seen[value] = path
        return set(seen)

    def known(self, path: Path_, value: str, pool: set[str], what: str) -> None:
        if value not in pool:
            self.add(path, msg("ref.unknown", what=msg(f"noun.{what}"), value=value,
                               near=nearest(value, pool)))


def check_proposal(p: Proposal, source: Source, platform: Platform | None = None) -> list[Problem]:
    """Every cross-reference of a proposal; with the platform profile it names, also that the
    proposal connects to the profile's entry points and does not redraw the profile's part."""
    c = _Collector(source)
    data = c.unique(((("data", i, "id"), d.id) for i, d in enumerate(p.data)), "data id")
    zones = c.unique(((("zones", i, "id"), z.id) for i, z in enumerate(p.zones)), "zone id")
    nodes = c.unique(((("nodes", i, "id"), n.id) for i, n in enumerate(p.nodes)), "node id")
    _check_operators(c, p, platform)
    if platform is not None:
        nodes = nodes | _check_platform(c, p, platform)
    _check_tags(c, p)
    c.unique(((("services", i, "id"), s.id) for i, s in enumerate(p.services)), "service id")
    for i, s in enumerate(p.services):
        for j, d in enumerate(s.data):
            c.known(("services", i, "data", j), d, data, "data id")
    trust = {z.id: z.trust for z in p.zones}
    for i, n in enumerate(p.nodes):
        c.known(("nodes", i, "zone"), n.zone, zones, "zone")
        for j, d in enumerate(n.stores):
            c.known(("nodes", i, "stores", j), d, data, "data id")
        outside = trust.get(n.zone, "government") != "government"
        if n.kind != "datastore":
            names = ("stores",) if outside else ("stores", "encrypted_at_rest", "retention_days")
            for name in names:
                if getattr(n, name) is not None and getattr(n, name) != []:
                    c.add(("nodes", i, name), msg("ref.datastore_only", name=name, kind=n.kind))
        if not outside:
            for name in ("retains", "evidence"):
                if getattr(n, name) not in (None, []):
                    c.add(("nodes", i, name), msg("ref.outside_only", name=name, zone=n.zone))
    _check_reaches(c, p)
    _check_symbol(c, ("submitted_by",), p.submitted_by.symbol)
    if p.submitted_by.signer is not None:
        signer = p.submitted_by.signer
        _check_signer(c, ("submitted_by", "signer"), signer.authority, signer.head)
    pairs: dict[str, int] = {}
    for i, f in enumerate(p.flows):
        c.known(("flows", i, "from"), f.source, nodes, "node")
        c.known(("flows", i, "to"), f.target, nodes, "node")
        if f.source == f.target:
            c.add(("flows", i, "to"), msg("ref.self_flow", node=f.source))
        if f.key in pairs:
            c.add(("flows", i), msg("ref.second_flow", key=f.key, first=pairs[f.key]))
        pairs.setdefault(f.key, i)
        for j, d in enumerate(f.data):
            c.known(("flows", i, "data", j), d, data, "data id")
    return c.problems


_TAG_CLASS_MESSAGE: dict[DataTag, str] = {ID_IMAGE: "ref.tag_class.identity-document-image"}
"""What to say of an item whose tag requires another class (`TAG_CLASS`), per tag: each cites
the law that sets the class."""


def _check_tags(c: _Collector, p: Proposal) -> None:
    """A tag says what kind of data an item is; some kinds have a class set by law, and an item
    of such a kind classed lower is refused at its class, saying which class to write."""
    for i, d in enumerate(p.data):
        for tag in dict.fromkeys(d.tags):
            want = TAG_CLASS.get(tag)
            if want is not None and d.data_class != want:
                c.add(("data", i, "class"), msg(_TAG_CLASS_MESSAGE[tag], data=d.id,
                                                cls=d.data_class))


def _check_symbol(c: _Collector, at: Path_, symbol: str | None) -> None:
    """'BC-' is the document type's part of 'Số: 12/BC-A05': the report writes it."""
    if symbol is not None and symbol.startswith("BC-"):
        c.add((*at, "symbol"), msg("ref.symbol_type", symbol=symbol,
                                   instead=symbol.removeprefix("BC-")))


def _check_signer(c: _Collector, at: Path_, authority: str | None, head: object) -> None:
    """Decree 30/2020 Art. 13: 'KT. CỤC TRƯỞNG' needs both halves — the prefix and whom it
    signs for; either alone prints a signature block no records office would accept."""
    if authority is not None and head is None:
        c.add((*at, "authority"), msg("ref.authority_head", authority=authority))
    elif head is not None and authority is None:
        c.add((*at, "head"), msg("ref.head_authority"))


def _check_reaches(c: _Collector, p: Proposal) -> None:
    """A service that says it keeps out of the province's systems, drawn going into them."""
    trust = {z.id: z.trust for z in p.zones}
    node = {n.id: n for n in p.nodes}
    inside = {d for s in p.services if s.reaches_province_systems for d in s.data}
    for i, s in enumerate(p.services):
        if s.reaches_province_systems:
            continue
        for f in p.flows:  # a sender not drawn here is a platform profile's: never the state
            u, v = node.get(f.source), node.get(f.target)
            if v is None or v.kind == "actor":
                continue
            outside = u is None or trust.get(u.zone) != "government"
            if outside and trust.get(v.zone) == "government" and (
                    set(f.data) & set(s.data)) - inside:
                c.add(("services", i, "reaches_province_systems"), msg(
                    "ref.reaches", service=s.id, flow=f.key, node=v.id))
                break


def _check_operators(c: _Collector, p: Proposal, platform: Platform | None) -> None:
    """Operators by id: every zone and the channel name one; the channel's zones are never the
    government's; without a profile, the channel's operator and a system of it are drawn."""
    ch = p.channel
    ids = c.unique(((("operators", i, "id"), o.id) for i, o in enumerate(p.operators)),
                   "operator id")
    theirs = {x for o in platform.operators for x in (o.id.casefold(), o.name.casefold())} \
        if platform is not None else set()
    if ids:
        for i, z in enumerate(p.zones):  # a profile's operator: `_check_platform` says why not
            if z.operator not in ids and z.operator.casefold() not in theirs:
                c.add(("zones", i, "operator"), msg("ref.operator_by_id", operator=z.operator,
                                                    near=nearest(z.operator, ids)))
    if platform is not None:
        return
    if ch.operator is None:
        c.add(("channel",), msg("ref.no_operator"))
        return
    if ids and ch.operator not in ids:
        c.add(("channel", "operator"), msg("ref.operator_by_id", operator=ch.operator,
                                           near=nearest(ch.operator, ids)))
        return
    if ch.operator_country is None and not ids:
        c.add(("channel",), msg("ref.no_operator_country"))
    own = {o.id: o.country for o in p.operators}
    if ch.operator_country is not None and ch.operator in own and (
            own[ch.operator] != ch.operator_country):
        c.add(("channel", "operator_country"), msg(
            "ref.country_differs", country=ch.operator_country, operator=ch.operator,
            own=own[ch.operator]))
    ours = channel_zones(p)
    for i, z in enumerate(p.zones):
        if z.id in ours and z.trust == "government":
            c.add(("zones", i, "trust"), msg("ref.channel_zone_trust", zone=z.id,
                                             operator=ch.operator))
    if not channel_nodes(p):
        where = (msg("ref.undrawn.operator", operator=ch.operator) if by_id(p)
                 else msg("ref.undrawn.outside"))
        c.add(("zones",) if p.zones else ("channel",), msg("ref.undrawn", where=where))


def _check_platform(c: _Collector, p: Proposal, pf: Platform) -> set[str]:
    """The profile's part is the profile's: no zone of its operators, no reused id, flows only
    to entry points; the channel's fields, when written, agree with the profile."""
    ch = p.channel
    op = pf.operator_record()
    names = {o.id.casefold() for o in pf.operators} | {o.name.casefold() for o in pf.operators}
    for field, value, want in (("operator", ch.operator, (op.id, op.name)),
                               ("operator_country", ch.operator_country, (op.country,)),
                               ("kind", ch.kind, (pf.channel_kind,))):
        if value is not None and value not in want:
            instead = (plain(f"kind: {want[0]}") if field == "kind" else
                       msg("ref.profile_field.leave", value=want[0]))
            c.add(("channel", field), msg("ref.profile_field", value=value, profile=pf.ref,
                                          want=want[0], instead=instead))
    for i, z in enumerate(p.zones):
        if z.operator.casefold() in names:
            c.add(("zones", i, "operator"), msg(
                "ref.profile_zone_operator", zone=z.id, operator=z.operator, profile=pf.ref,
                entries=", ".join(n.id for n in pf.nodes if n.entry)))
    for i, z in enumerate(p.zones):
        if z.id in {pz.id for pz in pf.zones}:
            c.add(("zones", i, "id"), msg("ref.profile_zone", zone=z.id, profile=pf.ref))
    entries = {n.id for n in pf.nodes if n.entry}
    inner = {n.id for n in pf.nodes} - entries
    for i, n in enumerate(p.nodes):
        if n.id in entries | inner:
            c.add(("nodes", i, "id"), msg("ref.profile_node", node=n.id, profile=pf.ref))
    for i, f in enumerate(p.flows):
        for end, node in (("from", f.source), ("to", f.target)):
            if node in inner:
                c.add(("flows", i, end), msg("ref.profile_inner", node=node, profile=pf.ref,
                                             entries=", ".join(sorted(entries))))
    return entries | inner


def check_answers(p: Proposal, source: Source, checklist: Checklist) -> list[Problem]:
    c = _Collector(source)
    ids = {ctrl.id for ctrl in checklist.controls()}
    for key in p.answers:
        if key not in ids:
            c.add(("answers", key), msg("ref.no_control", control=key,
                                        checklist=checklist.ref, near=nearest(key, ids)))
    return c.problems


def check_checklist(cl: Checklist, source: Source, *, facts: Set[str], rules: Set[str]) -> list[Problem]:
    """`facts` and `rules` are the names the engine knows (injected: documents sit below it)."""
    c = _Collector(source)
    known_rules = set(rules)
    c.unique(((("domains", i, "id"), d.id) for i, d in enumerate(cl.domains)), "domain id")
    c.unique(((("domains", i, "controls", j, "id"), ctrl.id)
              for i, d in enumerate(cl.domains) for j, ctrl in enumerate(d.controls)), "control id")
    for i, d in enumerate(cl.domains):
        for j, ctrl in enumerate(d.controls):
            at: Path_ = ("domains", i, "controls", j)
            if not ctrl.id.startswith(d.id + "-"):
                c.add((*at, "id"), msg("ref.control_domain", control=ctrl.id, domain=d.id))
            for k, fact in enumerate(ctrl.applies_if):
                c.known((*at, "applies_if", k), fact, set(facts), "fact")
            if ctrl.rule is not None:
                c.known((*at, "rule"), ctrl.rule, known_rules, "rule")
    s = cl.scoring
    missing = [sev for sev in ("critical", "high", "medium", "low") if sev not in s.severity_weights]
    if missing:
        c.add(("scoring", "severity_weights"), msg("ref.no_weights", names=", ".join(missing)))
    missing = [st for st in ("met", "partial", "not-met", "unknown") if st not in s.status_values]
    if missing:
        c.add(("scoring", "status_values"), msg("ref.no_values", names=", ".join(missing)))
    for st, v in s.status_values.items():
        if not 0 <= v <= 1:
            c.add(("scoring", "status_values", st), msg("ref.value_range", value=float(v)))
    if s.thresholds.approve < s.thresholds.conditional:
        c.add(("scoring", "thresholds"), msg("ref.thresholds", approve=float(s.thresholds.approve),
                                             conditional=float(s.thresholds.conditional)))
    for name, level in s.risk.impact.class_levels.items():
        if not 1 <= level <= 4:
            c.add(("scoring", "risk", "impact", "class_levels", name),
                  msg("ref.level_range", level=level))
    for sev, level in s.risk.likelihood_levels.items():
        if not 1 <= level <= 4:
            c.add(("scoring", "risk", "likelihood_levels", sev),
                  msg("ref.level_range", level=level))
    for i, row in enumerate(s.risk.matrix):
        if len(row) != 4:
            c.add(("scoring", "risk", "matrix", i), msg("ref.matrix_row", count=len(row)))
    return c.problems


def check_review(r: Review, source: Source, checklist: Checklist | None) -> list[Problem]:
    c = _Collector(source)
    _check_signer(c, ("reviewer",), r.reviewer.authority, r.reviewer.head)
    _check_symbol(c, ("reviewer",), r.reviewer.symbol)
    if checklist is not None:
        ids = {ctrl.id for ctrl in checklist.controls()}
        for key in r.overrides:
            if key not in ids:
                c.add(("overrides", key), msg("ref.no_control", control=key,
                                              checklist=checklist.ref, near=nearest(key, ids)))
        for i, cond in enumerate(r.conditions):
            if cond.control is not None:
                c.known(("conditions", i, "control"), cond.control, ids, "control")
    seen: set[str] = set()
    for i, cond in enumerate(r.conditions):  # events name a condition by its id: one each
        if cond.id is not None:
            if cond.id in seen:
                c.add(("conditions", i, "id"), msg("ref.condition_twice", id=cond.id))
            seen.add(cond.id)
    return c.problems


_VERDICT_RANK = {"reject": 0, "conditional": 1, "approve": 2}


def check_decision(r: Review, source: Source, computed: str, *,
                   failing_blockers: Iterable[str] = (), raised: Iterable[str] = ()
                   ) -> list[Problem]:
    """What a decision needs, known once scored: a rationale when it departs from the computed
    verdict; and an explicit, reasoned exception (exception: true, rationale, authority) when it
    is better than the controls allow — against `failing_blockers`, or with overrides that
    `raised` a rule's result or a blocker."""
    c = _Collector(source)
    d = r.decision
    failing, up = sorted(failing_blockers), sorted(raised)
    if d is not None and d.verdict != computed and not (d.rationale or "").strip():
        c.add(("decision", "rationale"), msg("ref.decision_rationale", verdict=d.verdict,
                                             computed=computed))
    better = d is not None and _VERDICT_RANK[d.verdict] > _VERDICT_RANK[computed]
    needs = better or bool(up)
    exception = d is not None and d.exception
    if needs and not exception:
        why: list[Msg] = []
        if better and d is not None:
            why.append(msg("ref.better_blockers", verdict=d.verdict, computed=computed,
                           blockers=", ".join(failing)) if failing else
                       msg("ref.better", verdict=d.verdict, computed=computed))
        if up:
            why.append(msg("ref.raised", controls=", ".join(up)))
        where: Path_ = ("decision", "exception") if d is not None else ("overrides", up[0])
        reasons = why[0] if len(why) == 1 else msg("ref.both", first=why[0], second=why[1])
        c.add(where, msg("ref.exception_only", why=reasons))
    if exception:
        assert d is not None
        if not (d.rationale or "").strip():
            c.add(("decision", "rationale"), msg("ref.exception_rationale"))
        if not (d.authority or "").strip():
            c.add(("decision", "authority"), msg("ref.exception_authority"))
    return c.problems


def check_platform(pf: Platform, source: Source) -> list[Problem]:
    """A profile's ids fit together, every fact cites sources it lists, and nothing it leaves
    unknown is stated as known."""
    c = _Collector(source)
    ops = c.unique(((("operators", i, "id"), o.id) for i, o in enumerate(pf.operators)),
                   "operator id")
    zones = c.unique(((("zones", i, "id"), z.id) for i, z in enumerate(pf.zones)), "zone id")
    nodes = c.unique(((("nodes", i, "id"), n.id) for i, n in enumerate(pf.nodes)), "node id")
    cited = c.unique(((("sources", i, "id"), x.id) for i, x in enumerate(pf.sources)),
                     "source id")
    c.known(("operator",), pf.operator, ops, "operator")
    for i, z in enumerate(pf.zones):
        c.known(("zones", i, "operator"), z.operator, ops, "operator")
    for i, n in enumerate(pf.nodes):
        c.known(("nodes", i, "zone"), n.zone, zones, "zone")
        if n.keeps == "no" and n.certainty != "confirmed":
            c.add(("nodes", i, "keeps"), msg("ref.keeps_no", node=n.id,
                                             certainty=msg(f"certainty.{n.certainty}")))
    if not any(n.entry for n in pf.nodes):
        c.add(("nodes",), msg("ref.no_entry"))
    for i, f in enumerate(pf.flows):
        c.known(("flows", i, "from"), f.source, nodes, "node")
        c.known(("flows", i, "to"), f.target, nodes, "node")
    for path, fact in _sourced(pf):
        if fact.certainty != "unknown" and not fact.sources:
            c.add((*path, "sources"), msg("ref.no_source",
                                          certainty=msg(f"certainty.{fact.certainty}")))
        for j, sid in enumerate(fact.sources):
            c.known((*path, "sources", j), sid, cited, "source")
    for ref in pf.answers:
        if "@" not in ref:
            c.add(("answers", ref), msg("ref.answers_ref", ref=ref))
    return c.problems


def _sourced(pf: Platform) -> list[tuple[Path_, Sourced]]:
    out: list[tuple[Path_, Sourced]] = []
    for name in ("operators", "zones", "nodes", "flows"):
        out += [((name, i), x) for i, x in enumerate(getattr(pf, name))]
    for name in ("sub_processors", "filings"):
        value = getattr(pf, name)
        out += [((name, i), x) for i, x in enumerate(value)] if isinstance(value, list) else [
            ((name,), value)]
    out += [(("answers", ref, cid), a) for ref, answers in pf.answers.items()
            for cid, a in answers.items()]
    return out
