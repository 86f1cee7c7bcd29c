"""The report's typed view model, built from an Assessment by one function: `build_view`.

The template only prints what is here: every text is already in the report's language, every
figure already formatted. Nothing here reads files or recomputes a score; it only arranges and
words what the Assessment holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from assess.core.i18n import WORDS as SHARED_WORDS
from assess.core.i18n import Lang, capitalised, country, t
from assess.core.i18n.report import WORDS, w
from assess.engine.result import Assessment, DocRef
from assess.outputs import diagram as dfd
from assess.outputs.report import charts
from assess.outputs.report import findings as findings_view
from assess.outputs.report.fmt import (
    count_text,
    date_text,
    number_text,
)
from assess.outputs.report.model import (
    Cell,
    Header,
    LegendItem,
    Meta,
    Pair,
    ReportView,
    ReviewView,
    Section,
    Signature,
    Summary,
    Table,
)

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
NUMBER_BLANK = "\u2003" * 3
"""Where the records office writes the number when the inputs give none."""


# ---- the builder -----------------------------------------------------------------------------

def _sections(a: Assessment, lang: Lang) -> list[Section]:
    keys = ["summary", "scope", "flows", "exposure", "domains", "risk", "findings"]
    if a.review is not None:
        keys.insert(1, "review")
    out = [Section(k, f"{ROMAN[i]}. {w('s_' + k, lang)}") for i, k in enumerate(keys)]
    out += [Section("annex-controls", w("s_annex_controls", lang)),
            Section("annex-identity", w("s_annex_identity", lang))]
    return out


def _signature(a: Assessment, lang: Lang) -> Signature:
    """The signature block and 'Nơi nhận' (Decree 30/2020 Art. 13, Appendix I): the authority
    line ('KT. CỤC TRƯỞNG') above the signer's own position, the recipients, then 'Lưu: VT, <unit>'."""
    issuer = a.issuer
    s = issuer.signer
    authority = f"{s.authority} {s.head.get(lang).upper()}" if s.authority and s.head else None
    position = s.position.get(lang).upper()
    if authority and s.head and s.position.get(lang).casefold() == s.head.get(lang).casefold():
        position = ""  # 'Q. CỤC TRƯỞNG' says it all
    given = [_recipient(r.get(lang)) for r in issuer.recipients]
    if issuer.role == "ministry":
        sub = a.scope.submitted_by.organization.get(lang)
        recipients = [w("to_submitter", lang, org=sub), *given]
    else:
        recipients = given or [w("to_reviewer", lang)]
    archive = (w("archive_unit", lang, unit=issuer.drafting_unit) if issuer.drafting_unit
               else w("archive", lang))
    return Signature(authority, position, w("sign_here", lang), s.name, w("recipients", lang),
                     [*recipients, archive])


def _no_widow(text: str) -> str:
    """A name wrapped in the header keeps its last two words together ('BỘ THÔNG TIN VÀ /
    TRUYỀN THÔNG', not 'BỘ THÔNG TIN VÀ TRUYỀN / THÔNG')."""
    head, sep, last = text.rpartition(" ")
    return f"{head}\u00a0{last}" if sep and " " in head else text


def _recipient(text: str) -> str:
    """A 'Nơi nhận' line ends with ';' (the last, 'Lưu: VT', with '.')."""
    text = text.strip()
    return text if text.endswith((";", ":", ",")) else text.rstrip(".") + ";"


@dataclass(frozen=True, slots=True)
class _Names:
    """Node and data names by id, in the report's language (tables show names, not ids)."""

    nodes: dict[str, str]
    data: dict[str, str]

    @classmethod
    def of(cls, a: Assessment, lang: Lang) -> _Names:
        return cls({n.id: n.name.get(lang) for n in a.scope.nodes},
                   {d.id: d.name.get(lang) for d in a.scope.data})

    def node_list(self, ids: list[str], sep: str) -> str:
        return sep.join(self.nodes.get(i, i) for i in ids)

    def data_list(self, ids: list[str]) -> str:
        return ", ".join(self.data.get(i, i) for i in ids)


def _untitled(title: str, label: str) -> str:
    """A title without the label printed beside it: 'Hồ sơ nền tảng: Zalo …' under the label
    'Hồ sơ nền tảng' reads 'Zalo …'."""
    head, sep, rest = title.partition(":")
    return rest.strip() if sep and head.strip().casefold() == label.casefold() else title


def _unreleased(ref: DocRef, lang: Lang) -> str:
    return f" — {t('unreleased', lang)}" if ref.unreleased else ""


def _yes(value: bool, lang: Lang) -> str:
    return t("yes" if value else "no", lang)


def _summary(a: Assessment, lang: Lang) -> Summary:
    p = a.scope
    facts = [Pair(t("proposal", lang), f"{a.proposal.title.get(lang) if a.proposal.title else ''}"
                  f" ({a.proposal.id})"),
             Pair(t("channel", lang), f"{p.channel.name.get(lang)} — {p.operator_name()} "
                  f"({country(p.channel.operator_country or 'ZZ', lang)})"),
             Pair(w("submitted_by", lang), p.submitted_by.organization.get(lang)),
             Pair(w("submitted_on", lang), p.submitted_on.strftime("%d/%m/%Y"))]
    if a.review is not None:
        who = a.review.reviewer
        facts += [Pair(w("reviewed_by", lang), f"{(who.unit or who.organization).get(lang)}"
                       f" — {who.name}"),
                  Pair(w("reviewed_on", lang), a.review.reviewed_on.strftime("%d/%m/%Y"))]
    for key, ref in (("checklist", a.checklist), ("profile", a.platform)):
        if ref is not None:
            label = t(key, lang)
            facts.append(Pair(label, f"{_untitled(ref.title.get(lang), label) if ref.title else ''} "
                              f"({ref.id}@{ref.version})" + _unreleased(ref, lang)))
    counted = ", ".join(f"{t(k, lang).lower()}: {n}" for k, n in
                        sorted(a.counts.items(), key=lambda kv: _STATUS_ORDER.get(kv[0], 9)))
    na = sum(1 for c in a.controls if not c.applicable)
    if na:
        counted += ("; " if counted else "") + w("not_applicable_n", lang, n=na)
    facts.append(Pair(w("counts", lang), counted or t("na", lang)))
    if a.computed_verdict != a.verdict:
        facts.append(Pair(w("computed_verdict", lang), t(a.computed_verdict.value, lang)))
    return Summary(
        verdict=t(a.verdict_key, lang), verdict_cls=a.verdict.value,
        score=f"{number_text(a.score, lang)}/100",
        risk=_risk_text(a.risk.rating, a.risk.impact, a.risk.likelihood, lang),
        risk_cls=a.risk.rating, reasons=[r.text.get(lang) for r in a.verdict_reasons],
        facts=facts)


_STATUS_ORDER = {"met": 0, "partial": 1, "not-met": 2, "unknown": 3, "not-applicable": 4}


def _risk_text(rating: str, impact: int, likelihood: int, lang: Lang) -> str:
    return w("risk_value", lang, rating=t(rating, lang), impact=impact, likelihood=likelihood)


def _scope(a: Assessment, lang: Lang, names: _Names) -> tuple[list[Pair], Table, Table, Table,
                                                               Table]:
    p, c = a.scope, a.scope.channel
    profiled = (f" ({t('profile', lang).lower()} {a.platform.id}@{a.platform.version})"
                if a.platform else "")
    pairs = [Pair(w("channel_name", lang), c.name.get(lang)),
             Pair(t("operator", lang), p.operator_name()),
             Pair(w("operator_country", lang), country(c.operator_country, lang)
                  if c.operator_country else t("na", lang)),
             Pair(w("channel_kind", lang), w("ck_" + c.kind, lang)),
             Pair(w("exclusive", lang), _yes(c.exclusive, lang))]
    if c.url:
        pairs.append(Pair(w("url", lang), c.url))
    services = Table(
        [w("service", lang), w("description", lang), w("data_used", lang)],
        ["w24", "w46", "w30"],
        [[Cell(s.name.get(lang)), Cell(s.description.get(lang) if s.description else ""),
          Cell(names.data_list(s.data))] for s in p.services])
    inventory = Table(
        ["ID", w("name", lang), w("class", lang), w("description", lang)],
        ["w14", "w26", "w16", "w44"],
        [[Cell(d.id, "id"), Cell(d.name.get(lang)),
          Cell(capitalised("class." + d.data_class, lang), "cls-" + d.data_class),
          Cell(d.description.get(lang) if d.description else "")] for d in p.data])
    subjects = Table(
        [w("category", lang), w("count", lang)], ["w80", "w20 num"],
        [[Cell(s.category.get(lang)), Cell(count_text(s.count, lang), "num")]
         for s in p.data_subjects])
    zones = Table(
        ["ID", w("name", lang), t("country", lang), t("operator", lang), w("trust", lang)],
        ["w13", "w28", "w11", "w28", "w20"],
        [[Cell(z.id, "id"), Cell(z.name.get(lang) + (profiled if z.id in a.from_profile else "")),
          Cell(country(z.country, lang)), Cell(p.operator_name(z.operator)),
          Cell(capitalised("trust." + z.trust, lang))] for z in p.zones])
    return pairs, services, inventory, subjects, zones


@dataclass(frozen=True, slots=True)
class _Because:
    """Names of what makes a fact true: a data item, a node, a service, a zone, a flow 'A → B',
    the channel's kind or its operator's country (the engine names them by id and field)."""

    a: Assessment
    lang: Lang
    names: _Names
    services: dict[str, str]
    zones: dict[str, str]

    @classmethod
    def of(cls, a: Assessment, lang: Lang) -> _Because:
        return cls(a, lang, _Names.of(a, lang), {s.id: s.name.get(lang) for s in a.scope.services},
                   {z.id: z.name.get(lang) for z in a.scope.zones})

    def name(self, element: str) -> str:
        lang = self.lang
        field, _, value = element.partition("=")
        if field == "channel.kind":
            return w("ck_" + value, lang)
        if field == "channel.operator_country":
            return f"{w('operator_country', lang).lower()}: {country(value, lang)}"
        if element == "channel.exclusive":
            return self.a.scope.channel.name.get(lang)
        kind, _, ident = element.partition(":")
        by_kind = {"service": self.services, "data": self.names.data, "zone": self.zones,
                   "node": self.names.nodes}
        if ident and kind in by_kind:
            return by_kind[kind].get(ident, ident)
        if "->" in element:
            return self.names.node_list(element.split("->", 1), " → ")
        for table in (self.names.data, self.names.nodes, self.services, self.zones):
            if element in table:
                return table[element]
        return element


def _facts(a: Assessment, lang: Lang) -> list[Pair]:
    out = []
    because = _Because.of(a, lang)
    for f in a.facts:
        value = w("fact_true" if f.value else "fact_false", lang)
        if f.value and f.because:
            named = list(dict.fromkeys(because.name(e) for e in f.because))
            value += f" ({w('because', lang)} {'; '.join(named)})"
        out.append(Pair(f.text.get(lang), value, "true" if f.value else "false"))
    return out


def _flows(a: Assessment, lang: Lang, names: _Names) -> Table:
    zone_of = {n.id: n.zone for n in a.scope.nodes}
    rows = []
    for i, f in enumerate(a.scope.flows, 1):
        crosses = zone_of.get(f.source) != zone_of.get(f.target)
        enc = w("enc_" + f.encryption, lang)
        rows.append([
            Cell(str(i), "num"), Cell(names.node_list([f.source], "")),
            Cell(names.node_list([f.target], "")), Cell(names.data_list(f.data)),
            Cell(enc + (f" — {w('crosses', lang)}" if crosses else ""),
                 "bad" if f.encryption in ("none", "unknown") and crosses else ""),
            Cell(_yes(f.authenticated, lang)),
            Cell(f.purpose.get(lang) if f.purpose else "")])
    return Table(["#", w("from", lang), w("to", lang), t("data", lang), w("encryption", lang),
                  w("authenticated", lang), w("purpose", lang)],
                 ["w4 num", "w17", "w17", "w22", "w14", "w9", "w17"], rows)


def _exposure(a: Assessment, lang: Lang, names: _Names) -> tuple[Table, list[Pair]]:
    operators: list[tuple[str, str]] = []
    for e in a.exposure:
        if (e.operator, e.country) not in operators:
            operators.append((e.operator, e.country))
    cells: dict[tuple[str, str], str] = {}
    for e in a.exposure:
        mark = "■" if e.at_rest else "○" if e.e2e else "●"
        key = (e.data, e.operator)
        cells[key] = "".join(sorted(set(cells.get(key, "") + mark), key="■●○".index))
    data_ids = [d.id for d in a.scope.data if any(e.data == d.id for e in a.exposure)]
    cls = {d.id: d.data_class for d in a.scope.data}
    rows = [[Cell(names.data_list([d])), Cell(capitalised("class." + cls[d], lang), "cls-" + cls[d])]
            + [Cell(cells.get((d, op), ""), "mark") for op, _ in operators] for d in data_ids]
    table = Table([t("data", lang), w("class", lang)]
                  + [f"{op} ({country(c, lang)})" for op, c in operators],
                  ["w30", "w16"] + ["mark"] * len(operators), rows, "exposure")
    legend = [Pair("■", w("mark_rest", lang)), Pair("●", w("mark_transit", lang)),
              Pair("○", w("mark_e2e", lang))]
    return table, legend


def _domains(a: Assessment, lang: Lang) -> tuple[Table, Markup]:
    rows = []
    bars = []
    for d in a.domains:
        score = number_text(d.score, lang) if d.score is not None else t("na", lang)
        earned = f"{number_text(d.earned, lang, 'g')} / {number_text(d.possible, lang, 'g')}"
        rows.append([Cell(d.id, "id"), Cell(d.title.get(lang)),
                     Cell(number_text(d.weight, lang, "g"), "num"), Cell(earned, "num"),
                     Cell(score, "num"), Cell(str(len(d.controls)), "num")])
        bars.append(charts.Bar(f"{d.id} — {d.title.get(lang)}", d.score, score))
    table = Table(["ID", t("domain", lang), t("weight", lang), w("earned", lang),
                   t("score", lang), t("controls", lang)],
                  ["w9", "w43", "w10 num", "w15 num", "w10 num", "w13 num"], rows)
    chart = charts.domain_bars(bars, [
        charts.Threshold(a.thresholds["approve"], w("approve_line", lang),
                         number_text(a.thresholds["approve"], lang, "g")),
        charts.Threshold(a.thresholds["conditional"], w("conditional_line", lang),
                         number_text(a.thresholds["conditional"], lang, "g"))],
        w("chart_domains", lang))
    return table, Markup(chart)


def _risk(a: Assessment, lang: Lang) -> tuple[Markup, list[Pair]]:
    ratings = {r: t(r, lang) for r in ("low", "medium", "high", "critical")}
    own = a.self_assessment.risk if a.self_assessment is not None else None
    chart = charts.risk_matrix(
        [list(row) for row in a.scoring.risk.matrix], ratings, impact=a.risk.impact,
        likelihood=a.risk.likelihood, axis_impact=t("impact", lang),
        axis_likelihood=t("likelihood", lang), here=w("risk_here", lang),
        title=w("chart_risk", lang),
        self_cell=(own.impact, own.likelihood) if own is not None else None,
        self_label=w("risk_self", lang))
    notes = [Pair(t("risk", lang), _risk_text(a.risk.rating, a.risk.impact, a.risk.likelihood,
                                              lang), a.risk.rating),
             Pair(w("impact_because", lang), a.risk.impact_because.get(lang)),
             Pair(w("likelihood_because", lang),
                  ", ".join(a.risk.likelihood_controls) or t("na", lang))]
    return Markup(chart), notes


def _count_rows(a: Assessment, lang: Lang) -> list[list[Cell]]:
    """Controls per status, before and after the review (every control, so both columns add up
    to the checklist's size)."""
    own = a.self_assessment.statuses if a.self_assessment is not None else {}
    before: dict[str, int] = {}
    after: dict[str, int] = {}
    for c in a.controls:
        after[c.status.value] = after.get(c.status.value, 0) + 1
        first = own.get(c.id, c.status).value
        before[first] = before.get(first, 0) + 1
    rows = []
    for status in _STATUS_ORDER:
        b, f = before.get(status, 0), after.get(status, 0)
        changed = " changed" if b != f else ""
        rows.append([Cell(w("controls_with", lang, status=t(status, lang).lower())),
                     Cell(str(b)), Cell(str(f), changed.strip())])
    return rows


def _changed(before: str, after: str) -> str:
    return " changed" if before != after else ""


def _review(a: Assessment, lang: Lang) -> ReviewView | None:
    """The review section: nothing here is recomputed, only set side by side."""
    if a.review is None or a.self_assessment is None:
        return None
    own, r = a.self_assessment, a.review
    verdict_self, verdict_now = t(own.verdict.value, lang), t(a.verdict_key, lang)
    score_self, score_now = f"{number_text(own.score, lang)}/100", f"{number_text(a.score, lang)}/100"
    risk_self = _risk_text(own.risk.rating, own.risk.impact, own.risk.likelihood, lang)
    risk_now = _risk_text(a.risk.rating, a.risk.impact, a.risk.likelihood, lang)
    rows = [
        [Cell(t("verdict", lang)), Cell(verdict_self, "v-" + own.verdict.value),
         Cell(verdict_now, "v-" + a.verdict.value + _changed(verdict_self, verdict_now))],
        [Cell(t("score", lang)), Cell(score_self),
         Cell(score_now, _changed(score_self, score_now).strip())],
        [Cell(w("risk_rating", lang)), Cell(risk_self, "r-" + own.risk.rating),
         Cell(risk_now, "r-" + a.risk.rating + _changed(risk_self, risk_now))],
        *_count_rows(a, lang)]
    decision = r.decision
    if a.computed_verdict != a.verdict:
        rows += [[Cell(w("computed_verdict", lang)), Cell(t("na", lang)),
                  Cell(t(a.computed_verdict.value, lang), "v-" + a.computed_verdict.value)],
                 [Cell(w("decision_why", lang)), Cell(t("na", lang)),
                  Cell((decision.rationale if decision else None) or t("na", lang))]]
    compare = Table([w("compare_item", lang), w("self_col", lang), w("review_col", lang)],
                    ["w30", "w35", "w35"], rows, "compare")
    controls = {c.id: c for c in a.controls}
    changes = []
    for cid in [c.id for c in a.controls if c.id in set(r.overridden)]:
        c = controls[cid]
        before = own.statuses.get(cid, c.status).value
        after = c.status.value
        changes.append([
            Cell(cid, "id", w("blocker_mark", lang) if c.blocker else None),
            Cell(c.title.get(lang)),
            Cell(t(before, lang), "st-" + before),
            Cell(t(after, lang), "st-" + after + _changed(before, after)),
            Cell(c.review_rationale or "")])
    overrides = Table([t("control", lang), w("title", lang), w("before_review", lang),
                       w("after_review", lang), t("review.rationale", lang)],
                      ["w10", "w20", "w11", "w13", "w46"], changes, "overrides")
    who = r.reviewer
    organisation = who.organization.get(lang) + (f" — {who.unit.get(lang)}" if who.unit else "")
    reviewer = [Pair(t("review.reviewer", lang), who.name),
                Pair(w("position", lang), who.role.get(lang)),
                Pair(w("organisation", lang), organisation),
                Pair(w("reviewed_on", lang), r.reviewed_on.strftime("%d/%m/%Y"))]
    if decision:
        text = t(decision.verdict, lang)
        if decision.rationale:
            text += f". {decision.rationale}"
        reviewer.append(Pair(w("decision", lang), text))
    conditions = []
    for i, cond in enumerate(r.conditions, 1):
        text = cond.text.get(lang)
        if cond.status != "open":
            text += f" — {w('condition_' + cond.status, lang)}"
        conditions.append([
            Cell(cond.id or str(i), "id"), Cell(text),
            Cell(cond.control or t("na", lang), "id"),
            Cell(cond.owner or t("na", lang)),
            Cell(cond.due.strftime("%d/%m/%Y") if cond.due else t("na", lang))])
    return ReviewView(
        compare=compare, overrides=overrides, reviewer=reviewer,
        conditions=Table(["#", w("condition", lang), t("control", lang), w("owner", lang),
                          w("due", lang)],
                         ["w10", "w44", "w13", "w20", "w13"], conditions, "conditions"))


def _diagram(a: Assessment, lang: Lang, drawing: dfd.Drawing | dfd.DiagramError | None
             ) -> tuple[Markup | None, bool, float, list[LegendItem]]:
    """The diagram cleaned and sized for the page it fits best, and its legend."""
    if drawing is None or isinstance(drawing, dfd.DiagramError):
        return None, False, 0.0, []
    width, height = drawing.size
    scale = drawing.fit.scale
    svg = charts.clean_svg(drawing.svg, size=(width * scale, height * scale))
    legend = [LegendItem(Markup(charts.clean_svg(e.swatch)), e.text)
              for e in dfd.legend(a, lang)]
    return Markup(svg), drawing.fit.page == "landscape", scale, legend


def _controls(a: Assessment, lang: Lang) -> Table:
    rows = []
    for c in a.controls:
        rows.append([
            Cell(c.id, "id"), Cell(c.title.get(lang)),
            Cell(t(c.severity.value, lang)
                 + (f" ({w('blocker_mark', lang)})" if c.blocker else ""), "sev-" + c.severity.value),
            Cell(t(c.declared.value, lang) if c.declared else t("na", lang)),
            Cell(t(c.status.value, lang), "st-" + c.status.value),
            Cell(t(c.source, lang)),
            Cell(number_text(c.weight, lang, "g") if c.applicable else t("na", lang), "num"),
            Cell(number_text(c.value, lang, "g") if c.value is not None else t("na", lang), "num")])
    return Table(["ID", t("control", lang), t("severity", lang), w("declared_status", lang),
                  t("status", lang), t("source", lang), t("weight", lang), w("value", lang)],
                 ["w10", "w27", "w13", "w11", "w11", "w10", "w9 num", "w9 num"],
                 rows, "annex")


def _identity(a: Assessment, lang: Lang, attachments: list[str]) -> list[Pair]:
    out = [Pair(w("checklist_id", lang), a.checklist.id),
           Pair(w("version", lang), (a.checklist.version or t("na", lang))
                + _unreleased(a.checklist, lang)),
           Pair(w("title", lang), a.checklist.title.get(lang) if a.checklist.title else ""),
           Pair(w("sha_checklist", lang), a.checklist.sha256, "hash"),
           Pair(w("proposal_id", lang), a.proposal.id),
           Pair(w("sha_proposal", lang), a.proposal.sha256, "hash")]
    if a.platform is not None:
        out += [Pair(t("profile", lang), f"{a.platform.id}@{a.platform.version}"
                     + _unreleased(a.platform, lang)),
                Pair(w("sha_platform", lang), a.platform.sha256, "hash")]
    if a.review is not None:
        out.append(Pair(w("sha_review", lang), a.review.sha256, "hash"))
    out += [Pair(w("as_of", lang), a.as_of.strftime("%d/%m/%Y")),
            Pair(w("tool", lang), f"{a.tool.name} {a.tool.version}")]
    if attachments:
        out.append(Pair(w("attachments", lang), "; ".join(attachments)))
    return out


def _method(a: Assessment, lang: Lang) -> list[Table]:
    s = a.scoring
    weights = Table([t("severity", lang), t("weight", lang)], ["w70", "w30 num"],
                    [[Cell(t(k.value, lang)), Cell(number_text(v, lang, "g"), "num")]
                     for k, v in s.severity_weights.items()], "half")
    values = Table([t("status", lang), w("value", lang)], ["w70", "w30 num"],
                   [[Cell(t(k, lang)), Cell(number_text(v, lang, "g"), "num")]
                    for k, v in s.status_values.items()], "half")
    approve = number_text(s.thresholds.approve, lang, "g")
    conditional = number_text(s.thresholds.conditional, lang, "g")
    thresholds = Table([t("verdict", lang), t("score", lang)], ["w70", "w30 num"],
                       [[Cell(t("approve", lang)), Cell(f"≥ {approve}", "num")],
                        [Cell(t("conditional", lang)), Cell(f"≥ {conditional}", "num")],
                        [Cell(t("reject", lang)), Cell(f"< {conditional}", "num")]], "half")
    r = s.risk
    risk = Table([w("risk_method", lang), ""], ["w60", "w40"],
                 [[Cell(w("class_levels", lang)),
                   Cell(", ".join(f"{capitalised('class.' + k, lang)} {v}"
                                  for k, v in r.impact.class_levels.items()))],
                  [Cell(w("step_up", lang, n=count_text(r.impact.subjects_step_up, lang))),
                   Cell("+1")],
                  [Cell(w("likelihood_levels", lang)),
                   Cell(", ".join(f"{t(k.value, lang)} {v}"
                                  for k, v in r.likelihood_levels.items()))],
                  [Cell(w("step_down", lang, n=r.partial_step_down)),
                   Cell(f"−{r.partial_step_down}")]], "method")
    return [weights, values, thresholds, risk]


def build_view(a: Assessment, lang: Lang, *, diagram: dfd.Drawing | dfd.DiagramError | None,
               created: dt.datetime,
               attachments: list[str] | None = None) -> ReportView:
    """Everything the template prints, in `lang`. `diagram` is the laid-out data-flow diagram
    (its SVG is cleaned here before it is inlined), or why it could not be drawn; `created` the
    document's creation time (from the inputs)."""
    issuer = a.issuer
    channel = a.scope.channel.name.get(lang)
    title = w("doc_title_review" if issuer.role == "ministry" else "doc_title", lang,
              channel=channel)
    proposal_title = a.proposal.title.get(lang) if a.proposal.title else a.proposal.id
    header = Header(
        parent=_no_widow(issuer.parent.get(lang).upper()) if issuer.parent else None,
        body=_no_widow(issuer.body.get(lang).upper()),
        number=w("number_line", lang, number=issuer.number_text or NUMBER_BLANK,
                 symbol=issuer.symbol),
        nation=w("nation", lang), motto=w("motto", lang),
        place_date=f"{issuer.place}, {date_text(a.as_of, lang)}",
        kind=w("doc_kind", lang), title=title,
        subject=w("doc_subject", lang, title=proposal_title))
    sections = _sections(a, lang)
    names = _Names.of(a, lang)
    scope, services, inventory, subjects, zones = _scope(a, lang, names)
    exposure, legend = _exposure(a, lang, names)
    domains, domain_chart = _domains(a, lang)
    risk_chart, risk_notes = _risk(a, lang)
    svg, wide, scale, diagram_legend = _diagram(a, lang, diagram)
    return ReportView(
        lang=lang,
        meta=Meta(title=f"{w('doc_kind', lang).capitalize()}: {title}",
                  author=issuer.body.get(lang),
                  subject=w("doc_subject", lang, title=proposal_title),
                  keywords=", ".join((a.proposal.id, f"{a.checklist.id}@{a.checklist.version}",
                                      a.verdict.value)),
                  lang=lang, created=created.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                  generator=f"{a.tool.name} {a.tool.version}"),
        words={k: w(k, lang) for k in (*SHARED_WORDS, *WORDS)},
        header=header, toc=sections, sections={s.anchor: s for s in sections},
        summary=_summary(a, lang), scope=scope, services=services, inventory=inventory,
        subjects=subjects, zones=zones, facts=_facts(a, lang),
        diagram=svg, diagram_wide=wide, diagram_scale=scale,
        diagram_note=w("diagram_budget", lang, nodes=count_text(len(a.scope.nodes), lang),
                       flows=count_text(len(a.scope.flows), lang))
        if isinstance(diagram, dfd.DiagramError) else w("diagram_missing", lang),
        diagram_legend=diagram_legend,
        flows=_flows(a, lang, names), exposure=exposure, exposure_legend=legend, domains=domains,
        domain_chart=domain_chart, risk_chart=risk_chart, risk_notes=risk_notes,
        findings=findings_view.findings(a, lang), to_confirm=findings_view.to_confirm(a, lang),
        review=_review(a, lang),
        closing=w("closing", lang, tool=f"{a.tool.name} {a.tool.version}"),
        signature=_signature(a, lang),
        controls=_controls(a, lang), identity=_identity(a, lang, attachments or []),
        method=w("method_text", lang), method_tables=_method(a, lang))
