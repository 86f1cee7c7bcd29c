"""Evaluate a proposal against a checklist: facts → control statuses → scores → verdict → risk.

Pure: takes validated documents, returns an Assessment. All numbers come from the checklist's
`scoring` block, so a policy team changes the model by releasing a new checklist version.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assess import __version__
from assess.core.i18n import Lang, country, decimal, t
from assess.core.i18n.findings import counted, fw
from assess.documents.loading import Loaded
from assess.documents.models import Checklist, Control, Proposal, Review, Severity, Status, Text, Verdict
from assess.documents.models.common import level_rank
from assess.documents.models.platform import UNKNOWN_COUNTRY, Platform, ProfileAnswer
from assess.engine import facts as facts_mod
from assess.engine import graph as graph_mod
from assess.engine import join as join_mod
from assess.engine import vocabulary
from assess.engine.exposure import exposure_matrix
from assess.engine.issuer import issuer_of
from assess.engine.result import (
    Assessment,
    ControlResult,
    ControlSource,
    DocRef,
    DomainResult,
    FactResult,
    Finding,
    FindingHit,
    FindingKind,
    Reason,
    ReviewInfo,
    RiskResult,
    SelfAssessment,
    Tool,
)
from assess.engine.rules import Hit, RuleResult

# Python 3.11 reads an enum member through a descriptor (a function call each time);
# the evaluator reads them in every control of every run, so it holds them once.
MET, PARTIAL, NOT_MET, UNKNOWN, NOT_APPLICABLE = (
    Status.met, Status.partial, Status.not_met, Status.unknown, Status.not_applicable)
_FAILED = (NOT_MET, UNKNOWN)
_RANK = {NOT_MET: 0, UNKNOWN: 1, PARTIAL: 2, MET: 3}
_CLAIMS = frozenset({MET, PARTIAL})
"""Answers that claim something is done, and so need evidence to count for a blocker."""
"""How good a status is, for 'the worse of the declared answer and the rule'."""
RESIDENCY_RULES = frozenset({"G-RES-STORE", "G-RES-XFER"})
"""Rules that can only pass when where the operator keeps the data is known."""


def residency_unproven(fg: graph_mod.FlowGraph) -> bool:
    """A foreign operator: where it keeps citizens' data is its own affair, and a drawing that
    shows it in Vietnam is only the province's claim. The residency rules can then fail, but not
    pass: a pass counts only with an answer 'met' backed by evidence of local hosting."""
    return fg.proposal.channel.operator_country != graph_mod.HOME_COUNTRY and bool(
        fg.personal_ids)


def _worse(a: Status, b: Status) -> Status:
    return a if _RANK[a] <= _RANK[b] else b


@dataclass(slots=True)
class _Plan:
    """What scoring needs from one control, computed once per checklist, not per proposal."""

    ctrl: Control
    domain: str
    weight: float
    messages: dict[Status, tuple[FindingKind, Text]]
    static: dict[str, Any]
    """The result's fields that come from the checklist alone."""


_PLANS: dict[int, tuple[Checklist, list[_Plan], dict[Status, float], frozenset[str]]] = {}


def _plan(cl: Checklist) -> tuple[list[_Plan], dict[Status, float], frozenset[str]]:
    """Per-checklist constants, cached: batch scoring evaluates one checklist many times. The
    last is the rules its controls name: a rule no control names decides nothing, so is not run
    (`_findings` would drop its hits)."""
    hit = _PLANS.get(id(cl))
    if hit is not None and hit[0] is cl:
        return hit[1], hit[2], hit[3]
    sc = cl.scoring
    values = {Status(k): v for k, v in sc.status_values.items()}
    plans = []
    for d in cl.domains:
        for c in d.controls:
            messages = {status: (kind, Text(vi=f"{t(word, 'vi')}: {c.title.vi}",
                                            en=f"{t(word, 'en')}: {c.title.en}"))
                        for status, (kind, word) in _STATUS_TEXT.items()}
            weight = sc.severity_weights[c.severity]
            static = {"id": c.id, "domain": d.id, "title": c.title, "requirement": c.requirement,
                      "severity": c.severity, "blocker": c.blocker, "owner": c.owner,
                      "rule": c.rule, "weight": weight, "evidence_expected": c.evidence,
                      "legal_basis": c.legal_basis, "remediation": c.remediation}
            plans.append(_Plan(c, d.id, weight, messages, static))
    rules = frozenset(p.ctrl.rule for p in plans if p.ctrl.rule is not None)
    if len(_PLANS) >= 64:
        _PLANS.clear()
    _PLANS[id(cl)] = (cl, plans, values, rules)
    return plans, values, rules


def _control(plan: _Plan, values: dict[Status, float], proposal: Proposal,
             facts: dict[str, facts_mod.Fact], rule_results: dict[str, RuleResult],
             review: Review | None, unproven: bool,
             profile: dict[str, ProfileAnswer] | None = None,
             rests_on_profile: bool = False) -> ControlResult:
    ctrl = plan.ctrl
    cid = ctrl.id
    missing = [f for f in ctrl.applies_if if not facts[f].value] if ctrl.applies_if else []
    applicable = not missing
    answer = proposal.answers.get(cid)
    declared = answer.status if answer else None
    evidence = answer.evidence if answer else []
    pa = profile.get(cid) if profile else None
    profile_status = pa.status if pa else None
    override = review.overrides.get(cid) if review else None
    if not applicable and override is None:  # the facts leave it out: nothing else to weigh
        return ControlResult(
            **plan.static, applicable=False, missing_facts=missing,
            status=NOT_APPLICABLE, source="rule", declared=declared,
            profile_status=profile_status, value=None, evidence=evidence,
            note=answer.note if answer else None)
    # The drawing and the facts only confirm or worsen what the province declares (DESIGN, "Who
    # supplies the facts"): a not-applicable where the facts hold is a contradiction scored as
    # not met; a declared unknown stays unknown; where the platform profile answers too, the
    # worse answer counts; otherwise the worse of answer and rule counts.
    contradicted = unconfirmed = False
    own = declared
    source: ControlSource
    if applicable and own is NOT_APPLICABLE:
        own, contradicted = NOT_MET, True
    if pa is None and override is None and ctrl.rule not in rule_results:
        # Most controls: the province's answer alone decides (the general path below gives
        # the same; this one is the common case, taken sixty times per assessment).
        status, source = (own, "declared") if own is not None else (UNKNOWN, "default")
        return ControlResult(
            **plan.static, applicable=applicable, missing_facts=missing, status=status,
            source=source, declared=declared, contradicted=contradicted,
            value=values[status], evidence=evidence,
            note=answer.note if answer else None)
    by_profile = False
    if pa is None:
        proved = own in _CLAIMS and bool(evidence)
    else:
        theirs: Status | None = pa.status
        if applicable and theirs is NOT_APPLICABLE:
            theirs = NOT_MET
        if theirs is UNKNOWN and declared in _CLAIMS and evidence:
            theirs = None  # what no public source shows, the province's own evidence may
        by_profile = applicable and theirs is not None and (
            own is None or _RANK[theirs] < _RANK[own])
        if by_profile:
            own = theirs
        proved = own in _CLAIMS and bool(
            (evidence and not by_profile) or (pa.evidence and theirs in _CLAIMS))
        evidence = [*evidence, *pa.evidence]
    rule_status: Status | None = None
    rule = ctrl.rule
    if rule is not None and rule in rule_results:
        rr = rule_results[rule]
        rule_status = rr.status  # computed once per rule (rules.RuleResult)
        rests_on_profile = rests_on_profile and rr.rule.vetted
        if rule_status is UNKNOWN and own is MET and proved:
            rule_status = MET  # what the profile does not know, the evidence settles
        if unproven and rule in RESIDENCY_RULES and rule_status is MET and not (
                own is MET and proved):
            rule_status = UNKNOWN
    declared_source: ControlSource = "profile" if by_profile else "declared"
    if not applicable:
        status, source = NOT_APPLICABLE, "rule"
    elif rule_status is None:
        status, source = (own, declared_source) if own is not None else (UNKNOWN, "default")
    elif own is None or own is UNKNOWN:
        # "I do not know" is never upgraded by a drawing that shows no problem, but a drawing
        # that shows one is worse than not knowing.
        status, source = ((rule_status, "rule") if own is None or rule_status is NOT_MET
                          else (UNKNOWN, declared_source))
        if own is None and ctrl.blocker and rule_status is MET and not rests_on_profile:
            status, unconfirmed = UNKNOWN, True
    else:
        status = _worse(own, rule_status)
        source = declared_source if _RANK[own] < _RANK[rule_status] else "rule"
        if ctrl.blocker and rule_status is MET and status in (MET, PARTIAL) \
                and not (proved or rests_on_profile):  # a claim the drawing alone cannot back
            status, unconfirmed = UNKNOWN, True
    if rule_status is NOT_MET and declared in _CLAIMS:
        contradicted = True  # the province claims better than its own drawing shows
    if override is not None:
        status, source = override.status, "review"
    if status is NOT_APPLICABLE:
        applicable = False
    return ControlResult(
        **plan.static, applicable=applicable, missing_facts=missing, status=status,
        source=source, declared=declared, contradicted=contradicted, unconfirmed=unconfirmed,
        rule_status=rule_status, profile_status=profile_status,
        review_status=override.status if override else None,
        review_rationale=override.rationale if override else None,
        value=values[status] if applicable else None, evidence=evidence,
        note=answer.note if answer else None)


def _domains(cl: Checklist, results: list[ControlResult]) -> list[DomainResult]:
    sums: dict[str, tuple[float, float, list[str]]] = {d.id: (0.0, 0.0, []) for d in cl.domains}
    for r in results:
        if r.applicable:
            earned, possible, ids = sums[r.domain]
            ids.append(r.id)
            sums[r.domain] = (earned + r.weight * (r.value or 0.0), possible + r.weight, ids)
    out = []
    for d in cl.domains:
        earned, possible, ids = sums[d.id]
        out.append(DomainResult(
            id=d.id, title=d.title, weight=d.weight,
            score=round(earned / possible * 100, 2) if possible else None, earned=earned,
            possible=possible, controls=ids))
    return out


def _overall(domains: list[DomainResult]) -> float:
    scored = [d for d in domains if d.score is not None]
    total = sum(d.weight for d in scored)
    if not total:
        return 0.0
    return round(sum(d.weight * (d.score or 0.0) for d in scored) / total, 2)


def _verdict(cl: Checklist, score: float, results: list[ControlResult]) -> tuple[Verdict,
                                                                                   list[Reason]]:
    t = cl.scoring.thresholds
    failed = [r.id for r in results if r.applicable and r.blocker and r.status in _FAILED]
    partial = [r.id for r in results if r.applicable and r.blocker and r.status is PARTIAL]
    reasons: list[Reason] = []
    if score >= t.approve:
        verdict = Verdict.approve
        text = Text(vi=f"Điểm {decimal(score, 'vi')} đạt ngưỡng chấp thuận "
                    f"{decimal(t.approve, 'vi', 'g')}.",
                    en=f"Score {score:.1f} reaches the approval threshold {t.approve:g}.")
    elif score >= t.conditional:
        verdict = Verdict.conditional
        text = Text(vi=f"Điểm {decimal(score, 'vi')} đạt ngưỡng chấp thuận có điều kiện "
                    f"{decimal(t.conditional, 'vi', 'g')} nhưng dưới ngưỡng chấp thuận "
                    f"{decimal(t.approve, 'vi', 'g')}.",
                    en=f"Score {score:.1f} reaches the conditional threshold {t.conditional:g} "
                    f"but is below the approval threshold {t.approve:g}.")
    else:
        verdict = Verdict.reject
        text = Text(vi=f"Điểm {decimal(score, 'vi')} dưới ngưỡng chấp thuận có điều kiện "
                    f"{decimal(t.conditional, 'vi', 'g')}.",
                    en=f"Score {score:.1f} is below the conditional threshold {t.conditional:g}.")
    reasons.append(Reason(code="score", text=text))
    if partial:
        if verdict is Verdict.approve:
            verdict = Verdict.conditional
        reasons.insert(0, Reason(
            code="blocker-partial", controls=partial,
            text=Text(vi="Kiểm soát bắt buộc chỉ đáp ứng một phần: " + ", ".join(partial)
                      + " — tối đa là chấp thuận có điều kiện.",
                      en="Blocking controls only partly met: " + ", ".join(partial)
                      + " — at best conditional.")))
    if failed:
        verdict = Verdict.reject
        reasons.insert(0, Reason(
            code="blocker-failed", controls=failed,
            text=Text(vi="Kiểm soát bắt buộc không đạt hoặc chưa rõ: " + ", ".join(failed)
                      + " — hồ sơ bị từ chối bất kể điểm số.",
                      en="Blocking controls not met or unknown: " + ", ".join(failed)
                      + " — rejected whatever the score.")))
    return verdict, reasons


def _risk(cl: Checklist, proposal: Proposal, used: frozenset[str],
          results: list[ControlResult]) -> RiskResult:
    r = cl.scoring.risk
    levels = r.impact.class_levels
    classes = [d.data_class for d in proposal.data if d.id in used] or ["public"]
    top = max(classes, key=lambda c: levels.get(c, 1))
    impact = levels.get(top, 1)
    subjects = sum(s.count for s in proposal.data_subjects)
    stepped = subjects >= r.impact.subjects_step_up
    impact = min(4, impact + (1 if stepped else 0))
    likelihood, by = 1, []
    for c in results:
        if not c.applicable:
            continue
        if c.status in _FAILED:
            level = r.likelihood_levels.get(c.severity, 1)
        elif c.status is PARTIAL:
            level = max(1, r.likelihood_levels.get(c.severity, 1) - r.partial_step_down)
        else:
            continue
        if level > likelihood:
            likelihood, by = level, [c.id]
        elif level == likelihood:
            by.append(c.id)
    more = (f" và {decimal(subjects, 'vi', ',')} chủ thể dữ liệu "
            f"(≥ {decimal(r.impact.subjects_step_up, 'vi', ',')})" if stepped else "")
    more_en = (f" and {decimal(subjects, 'en', ',')} data subjects "
               f"(≥ {decimal(r.impact.subjects_step_up, 'en', ',')})" if stepped else "")
    because = Text(vi=f"Loại dữ liệu cao nhất: {t('class.' + top, 'vi')}{more}.",
                   en=f"Most sensitive data class: {top}{more_en}.")
    return RiskResult(impact=impact, likelihood=likelihood,
                      rating=r.matrix[impact - 1][likelihood - 1], impact_because=because,
                      likelihood_controls=by)


_STATUS_TEXT: dict[Status, tuple[FindingKind, str]] = {
    NOT_MET: ("not-met", "not-met"),
    PARTIAL: ("partial", "partial"),
    UNKNOWN: ("unknown", "finding.unknown"),
}
"""The statuses a control is reported as a finding for: its kind and the word heading it."""


def _residency_finding(p: Proposal, results: list[ControlResult], profile: str | None
                       ) -> Finding | None:
    ctrls = [c for c in results if c.applicable and c.rule in RESIDENCY_RULES
             and c.rule_status is UNKNOWN]
    if not ctrls:
        return None
    c, ch = ctrls[0], p.channel
    ids = ", ".join(x.id for x in ctrls)
    op = p.operator_name()
    need_vi = (f"Bằng chứng cần có: văn bản của {op} nêu trung tâm dữ liệu và nơi sao lưu tại "
               "Việt Nam cho dịch vụ này, hoặc hợp đồng có điều khoản lưu trữ tại Việt Nam; "
               "trả lời đạt kèm bằng chứng đó.")
    need_en = (f"Evidence needed: {op}'s written statement of the data centre and backup "
               "location in Vietnam for this service, or a contract clause on storage in "
               "Vietnam; answer met with it.")
    if ch.operator_country == graph_mod.HOME_COUNTRY:
        vi = (f"Hồ sơ nền tảng {profile} không cho biết {op} lưu dữ liệu ở đâu (không nguồn "
              f"công khai nào nêu), nên {ids} là chưa rõ. ") if profile else (
              f"Không rõ {op} lưu dữ liệu ở đâu, nên {ids} là chưa rõ. ")
        en = (f"Platform profile {profile} does not say where {op} keeps the data (no public "
              f"source does), so {ids} are unknown. ") if profile else (
              f"Where {op} keeps the data is unknown, so {ids} are unknown. ")
    else:
        home = ch.operator_country or UNKNOWN_COUNTRY
        vi = (f"Đơn vị vận hành kênh ({op}) thành lập ở {country(home, 'vi')}: sơ đồ chỉ là lời "
              f"khai của đơn vị đề xuất, không chứng minh được dữ liệu lưu tại Việt Nam, nên "
              f"{ids} là chưa rõ. ")
        en = (f"The channel's operator ({op}) is established in {country(home, 'en')}: the "
              "drawing is the submitter's claim and cannot show the data stays in Vietnam, so "
              f"{ids} are unknown. ")
    return Finding(
        id="RESIDENCY@channel", kind="presumed", severity=c.severity,
        blocker=any(x.blocker for x in ctrls), control=c.id, remediation=c.remediation,
        message=Text(vi=vi + need_vi, en=en + need_en))


def _hits(rid: str, hits: tuple[Hit, ...]) -> list[FindingHit]:
    return [FindingHit(id=f"{rid}@{h.element}", path=list(h.path), data=list(h.data),
                       message=h.message) for h in hits]


def _data(hits: tuple[Hit, ...]) -> list[str]:
    """The hits' data items, each once, in the order they first appear."""
    return list(dict.fromkeys(d for h in hits for d in h.data))


def _place(hit: Hit, nodes: set[str], services: set[str], data: set[str]) -> str:
    """What kind of place a hit names, for counting them (`core.i18n.findings.KINDS`)."""
    e = hit.element
    if e.startswith("zone:"):
        return "zone"
    if "->" in e:
        return "flow"
    if not hit.path and e in data:
        return "data"
    return "node" if e in nodes else "service" if e in services else "place"


def _grouped_message(rr: RuleResult, p: Proposal, data: list[str]) -> Text:
    """One message for a rule's hits: its title and how many places of each kind; the hits'
    own messages stay in `Finding.hits`. A single hit keeps its own message."""
    if len(rr.hits) == 1:
        return rr.hits[0].message
    nodes, services, items = ({n.id for n in p.nodes}, {s.id for s in p.services},
                              {d.id for d in p.data})
    kinds: dict[str, int] = {}
    for h in rr.hits:
        k = _place(h, nodes, services, items)
        kinds[k] = kinds.get(k, 0) + 1
    uncertain = sum(1 for h in rr.hits if not h.certain)
    data_names = {d.id: d.name for d in p.data}  # a message names data, never by id

    def said(lang: Lang) -> str:
        title, counts = rr.rule.title.get(lang), counted(kinds, lang)
        named = "; ".join(data_names[d].get(lang) if d in data_names else d for d in data)
        text = (fw("group", lang, title=title, counts=counts, data=named) if data
                else fw("group_no_data", lang, title=title, counts=counts))
        if uncertain == len(rr.hits):
            text += fw("uncertain_all", lang)
        elif uncertain:
            text += fw("uncertain", lang, n=decimal(uncertain, lang, ","))
        return text

    return Text(vi=said("vi"), en=said("en"))


def _rule_finding(rr: RuleResult, ctrl: ControlResult | None, p: Proposal) -> Finding:
    """Every hit of one rule for its control, as one finding (`RULE@control`; a hygiene rule
    decides no control: `RULE`). Its severity and blocker are the worst of its hits'."""
    rid = rr.rule.id
    # A rule that passes for its control after hitting something passed because the
    # province's evidence settled what the profile left unknown (`_control`): those hits
    # are settled, low; the others count at the control's severity.
    settled = ctrl is not None and ctrl.rule_status is MET
    members = [(settled and not h.certain, Severity.low if settled and not h.certain
                else ctrl.severity if ctrl else rr.rule.severity) for h in rr.hits]
    all_settled = all(m[0] for m in members)
    severity = max((m[1] for m in members), key=level_rank)
    blocker = bool(ctrl and ctrl.blocker) and not all_settled
    data = _data(rr.hits)
    message = _grouped_message(rr, p, data)
    kind: FindingKind = "rule" if rr.rule.decides else "hygiene"
    remediation = ctrl.remediation if ctrl else None
    if all_settled and ctrl is not None:
        shown = "; ".join(ctrl.evidence)
        message = Text(
            vi=message.vi + f" Đơn vị đề xuất đã trả lời {ctrl.id} đạt, kèm bằng chứng: {shown}",
            en=message.en + f" The submitter answered {ctrl.id} met, with evidence: {shown}")
        kind, remediation = "settled", None
    return Finding(
        id=f"{rid}@{ctrl.id}" if ctrl else rid, kind=kind, severity=severity, blocker=blocker,
        control=ctrl.id if ctrl else None, message=message, hits=_hits(rid, rr.hits),
        data=data, remediation=remediation)


def _findings(results: list[ControlResult], plans: list[_Plan],
              rule_results: dict[str, RuleResult], p: Proposal, profile: str | None = None
              ) -> list[Finding]:
    out: list[Finding] = []
    if (f := _residency_finding(p, results, profile)) is not None:
        out.append(f)
    users: dict[str, list[ControlResult]] = {}
    for c in results:
        if c.rule:
            users.setdefault(c.rule, []).append(c)
    for c, plan in zip(results, plans, strict=True):
        if c.contradicted and c.declared is NOT_APPLICABLE:
            facts = [facts_mod.FACTS[f].text if f in facts_mod.FACTS else Text(vi=f, en=f)
                     for f in plan.ctrl.applies_if]
            facts_vi = "; ".join(f.vi.lower() for f in facts) or "—"
            facts_en = "; ".join(f.en.lower() for f in facts) or "—"
            out.append(Finding(
                id=f"NA@{c.id}", kind="contradiction", severity=c.severity, blocker=c.blocker,
                control=c.id, remediation=c.remediation, message=Text(
                    vi=f"Đơn vị đề xuất khai báo {c.id} không áp dụng, nhưng kiểm soát này áp dụng "
                    f"cho hồ sơ (dữ kiện: {facts_vi}); được tính là không đạt. Cần trả lời đạt, đạt "
                    f"một phần hoặc không đạt, kèm bằng chứng: {c.title.vi}",
                    en=f"The submitter declared {c.id} not applicable, but it applies to this "
                    f"proposal (facts: {facts_en}); it counts as not met. Answer met, partial or "
                    f"not-met instead, with evidence: {c.title.en}")))
        if not c.applicable:
            continue
        if c.source == "profile" and c.declared is not None and c.declared is not UNKNOWN \
                and c.profile_status is not None:
            out.append(Finding(
                id=f"PROFILE@{c.id}", kind="contradiction", severity=c.severity,
                blocker=c.blocker, control=c.id, remediation=c.remediation, message=Text(
                    vi=f"Hồ sơ nền tảng {profile} trả lời “{t(c.profile_status.value, 'vi').lower()}” "
                    f"cho {c.id}, đơn vị đề xuất trả lời “{t(c.declared.value, 'vi').lower()}”: "
                    f"kết quả xấu hơn được tính. {c.title.vi}",
                    en=f"Platform profile {profile} answers “{t(c.profile_status.value, 'en').lower()}” "
                    f"for {c.id}, the submitter “{t(c.declared.value, 'en').lower()}”: the worse "
                    f"counts. {c.title.en}")))
        if c.contradicted and c.rule_status is not None and c.declared is not NOT_APPLICABLE:
            contradicts = rule_results[c.rule].hits if c.rule in rule_results else ()
            out.append(Finding(
                id=f"CONTRA@{c.id}", kind="contradiction", severity=c.severity, blocker=c.blocker,
                control=c.id, hits=_hits(c.rule or "", contradicts), data=_data(contradicts),
                message=Text(
                    vi=f"Khai báo mâu thuẫn với luồng dữ liệu: đơn vị đề xuất trả lời "
                    f"“{t(str(c.declared), 'vi').lower()}” cho {c.id} nhưng quy tắc {c.rule} cho "
                    f"kết quả “{t(c.rule_status.value, 'vi').lower()}”; kết quả xấu "
                    "hơn được tính" + (" và kiểm soát bắt buộc này không đạt." if c.blocker
                                       else "."),
                    en=f"Declaration contradicts data flows: the submitter answered "
                    f"“{t(str(c.declared), 'en').lower()}” for {c.id} but rule {c.rule} gives "
                    f"“{t(c.rule_status.value, 'en').lower()}”; the "
                    "worse counts" + (" and this blocker fails." if c.blocker else "."))))
        if c.unconfirmed:
            out.append(Finding(
                id=f"UNCONFIRMED@{c.id}", kind="unconfirmed", severity=c.severity,
                blocker=c.blocker, control=c.id, remediation=c.remediation, message=Text(
                    vi=f"Quy tắc {c.rule} không thấy vấn đề trên sơ đồ, nhưng {c.id} là kiểm soát "
                    "bắt buộc: sơ đồ do đơn vị đề xuất tự vẽ nên chỉ được tính khi đơn vị đề xuất "
                    "trả lời đạt (hoặc "
                    f"đạt một phần) kèm bằng chứng (hoặc có hồ sơ nền tảng đã thẩm định); hiện là chưa rõ: "
                    f"{c.title.vi}",
                    en=f"Rule {c.rule} finds no problem in the drawing, but {c.id} is a blocker: "
                    "a drawing is the submitter's own claim, so it counts only with an answer "
                    "'met' (or 'partial') backed by evidence (or a vetted platform profile); unknown until "
                    f"then: {c.title.en}")))
            continue
        if c.status in _STATUS_TEXT and not (c.source == "rule" and c.rule):
            kind, message = plan.messages[c.status]
            out.append(Finding(
                id=c.id, kind=kind, severity=c.severity,
                blocker=c.blocker, control=c.id, remediation=c.remediation, message=message))
    for rid, rr in rule_results.items():
        ctrls = [c for c in users.get(rid, []) if c.applicable]
        if (rr.rule.decides and not ctrls) or not rr.hits:
            continue
        out.append(_rule_finding(rr, ctrls[0] if ctrls else None, p))
    out.sort(key=lambda f: (-level_rank(f.severity), not f.blocker, f.id))
    return out


def _abroad(fg: graph_mod.FlowGraph) -> list[str]:
    """Zones outside Vietnam that personal data reaches (a flow into them, or kept there)."""
    c = fg.cols
    country, zone = c.country, c.zone
    hit = {zone[v] for v, data in zip(c.dst, c.data, strict=True)
           if country[v] != graph_mod.HOME_COUNTRY and fg.personal(data)}
    hit |= {zone[n] for n, kept in c.stores.items()
            if country[n] != graph_mod.HOME_COUNTRY and fg.personal(kept)}
    return sorted(hit)


def _exception_reason(rv: Review, verdict: Verdict, results: list[ControlResult]) -> Reason:
    """The first thing a reader of an exception sees: that it is one, on what authority, and
    which controls it goes against."""
    d = rv.decision
    assert d is not None
    against = [c.id for c in results if c.applicable and c.blocker and c.status in _FAILED]
    raised = [cid for cid in sorted(rv.overrides) if cid not in against]
    listed = ", ".join(against + raised) or "—"
    return Reason(code="review-exception", controls=against + raised, text=Text(
        vi=f"{t(verdict.value + '.exception', 'vi')}: người thẩm định quyết định ngoại lệ, căn "
        f"cứ {d.authority}. Lý do: {d.rationale} Kiểm soát được vượt qua hoặc điều chỉnh: "
        f"{listed}.",
        en=f"{t(verdict.value + '.exception', 'en')}: the reviewer decided an exception, relying "
        f"on {d.authority}. Reason: {d.rationale} Controls gone against or overridden: "
        f"{listed}."))


def _review_info(review: Loaded[Review], overridden: list[str]) -> ReviewInfo:
    r = review.doc
    return ReviewInfo(
        reviewer=r.reviewer, reviewed_on=r.reviewed_on, sha256=review.source.sha256,
        conditions=list(r.conditions), decision=r.decision,
        overridden=overridden)


def _rests_on_profile(fg: graph_mod.FlowGraph) -> bool:
    """True when every system outside the state's that holds or reads personal data is the
    profile's: a rule that passes then rests on vetted facts, not on the province's drawing."""
    if fg.platform is None:
        return False
    c = fg.cols
    readers = {v for v, data in zip(c.dst, c.data, strict=True) if fg.personal(data)}
    readers |= {n for n, kept in c.stores.items() if fg.personal(kept)}
    trust, kind = c.trust, c.kind
    return all(n in fg.from_profile for n in readers
               if trust[n] != "government" and not (kind[n] == "actor" and trust[n] == "untrusted"))


def evaluate(proposal: Loaded[Proposal], checklist: Loaded[Checklist],
             review: Loaded[Review] | None = None,
             platform: Loaded[Platform] | None = None) -> Assessment:
    """The whole assessment of one proposal, optionally with a reviewer's overrides; a proposal
    that names a platform profile is assessed with it (`load_inputs` loads all three)."""
    cl = checklist.doc
    joined = join_mod.join(proposal.doc, platform.doc if platform else None)
    p = joined.proposal
    fg = graph_mod.build(joined)
    facts = facts_mod.derive(fg)
    plans, values, needed = _plan(cl)
    rule_results = vocabulary.run(fg, needed)
    rv = review.doc if review else None
    unproven = residency_unproven(fg)
    answers = platform.doc.answers.get(cl.ref) if platform else None
    rests = _rests_on_profile(fg)
    results = [_control(plan, values, p, facts, rule_results, rv, unproven, answers, rests)
               for plan in plans]
    domains = _domains(cl, results)
    score = _overall(domains)
    risk = _risk(cl, p, frozenset(fg.classes), results)  # the inventory, not what is drawn
    computed, reasons = _verdict(cl, score, results)
    known = {z.id for z in p.zones if z.country != UNKNOWN_COUNTRY}  # unknown: residency's
    abroad = sorted((set(_abroad(fg)) | {b.removeprefix("zone:") for b in
                                         facts["transfers_personal_data_abroad"].because
                                         if b.startswith("zone:")}) & known)
    if computed is Verdict.approve and abroad:
        computed = Verdict.conditional
        zone_names = {z.id: z.name for z in p.zones}  # the reader's names, never ids
        named = [zone_names[z] if z in zone_names else Text(vi=z, en=z) for z in abroad]
        reasons.insert(0, Reason(code="abroad-cap", controls=[], text=Text(
            vi=f"Dữ liệu cá nhân đến vùng ở nước ngoài ({'; '.join(z.get('vi') for z in named)}): hồ sơ "
            "không được chấp thuận, tối đa là chấp thuận có điều kiện.",
            en=f"Personal data reaches zones abroad ({'; '.join(z.get('en') for z in named)}): the "
            "proposal cannot be approved; at best conditional.")))
    cap = cl.scoring.approve_max_risk
    if computed is Verdict.approve and cap is not None and level_rank(risk.rating) > level_rank(cap):
        computed = Verdict.conditional
        reasons.insert(0, Reason(code="risk-cap", text=Text(
            vi=f"Mức rủi ro ({t(risk.rating, 'vi').lower()}) vượt mức tối đa được chấp thuận "
            f"({t(cap, 'vi').lower()}): tối đa là chấp thuận có điều kiện.",
            en=f"The risk rating ({t(risk.rating, 'en').lower()}) is above the highest an "
            f"approval may carry ({t(cap, 'en').lower()}): at best conditional.")))
    verdict = computed
    exception = False
    if rv is not None and rv.decision is not None:
        verdict = Verdict(rv.decision.verdict)
        why = f" {rv.decision.rationale}" if rv.decision.rationale else ""
        if rv.decision.exception:
            exception = True
            reasons = [_exception_reason(rv, verdict, results), *(
                Reason(code=r.code, controls=r.controls, text=Text(
                    vi="Theo kết quả tính của công cụ: " + r.text.vi,
                    en="As computed by the tool: " + r.text.en)) for r in reasons)]
        else:
            reasons.insert(0, Reason(code="review-decision", text=Text(
                vi=f"Người thẩm định quyết định: {t(verdict.value, 'vi').lower()}.{why}",
                en=f"The reviewer decided: {t(verdict.value, 'en').lower()}.{why}")))
    counts: dict[str, int] = {}
    for r in results:
        if r.applicable:
            counts[r.status] = counts.get(r.status, 0) + 1
    self_assessment = None
    review_info = None
    if review is not None:
        own = evaluate(proposal, checklist, platform=platform)
        self_assessment = SelfAssessment(verdict=own.verdict, score=own.score, risk=own.risk,
                                         statuses={c.id: c.status for c in own.controls})
        review_info = _review_info(review, sorted(review.doc.overrides))
    return Assessment(
        tool=Tool(version=__version__),
        issuer=issuer_of(p, rv),
        as_of=rv.reviewed_on if rv else p.submitted_on,
        checklist=DocRef(id=cl.id, version=cl.version, sha256=checklist.source.sha256,
                         title=cl.title, file=checklist.source.name,
                         unreleased=checklist.unreleased),
        proposal=DocRef(id=p.id, sha256=proposal.source.sha256,
                        title=Text(vi=p.title.vi, en=p.title.get("en")),
                        file=proposal.source.name),
        verdict=verdict, computed_verdict=computed, verdict_reasons=reasons, score=score,
        exception=exception,
        thresholds={"approve": cl.scoring.thresholds.approve,
                    "conditional": cl.scoring.thresholds.conditional},
        scoring=cl.scoring,
        risk=risk, domains=domains, controls=results,
        platform=DocRef(id=platform.doc.id, version=platform.doc.version,
                        sha256=platform.source.sha256, title=platform.doc.title,
                        file=platform.source.name, unreleased=platform.unreleased)
        if platform else None,
        from_profile=sorted(fg.from_profile),
        findings=_findings(results, plans, rule_results, p, platform.doc.ref if platform
                           else None),
        facts=[FactResult(name=f.name, value=f.value, text=facts_mod.FACTS[f.name].text,
                          because=list(f.because)) for f in facts.values()],
        exposure=exposure_matrix(fg), counts=counts, scope=p,
        self_assessment=self_assessment, review=review_info)


__all__ = ["Severity", "evaluate"]
