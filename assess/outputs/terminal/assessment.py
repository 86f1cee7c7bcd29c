"""The assessment as rich tables for the terminal."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text as RichText

from assess.core.i18n import Lang, country, decimal, t
from assess.core.i18n.findings import fw
from assess.engine.result import Assessment
from assess.outputs.terminal.console import SafeConsole

VERDICT_STYLE = {"approve": "bold green", "conditional": "bold yellow", "reject": "bold red"}
SEVERITY_STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "dim"}
STATUS_STYLE = {"met": "green", "partial": "yellow", "not-met": "red", "unknown": "magenta",
                "not-applicable": "dim"}


def _summary(a: Assessment, lang: Lang) -> Panel:
    head = RichText()
    head.append(f"{t('proposal', lang)}: ", style="bold")
    head.append(f"{a.proposal.title.get(lang) if a.proposal.title else a.proposal.id}"
                f" ({a.proposal.id})\n")
    head.append(f"{t('checklist', lang)}: ", style="bold")
    head.append(f"{a.checklist.id}@{a.checklist.version}")
    if a.checklist.unreleased:
        head.append(f" — {t('unreleased', lang)}", style="bold yellow")
    head.append("\n")
    if a.platform is not None:
        head.append(f"{t('profile', lang)}: ", style="bold")
        head.append(f"{a.platform.id}@{a.platform.version}")
        if a.platform.unreleased:
            head.append(f" — {t('unreleased', lang)}", style="bold yellow")
        head.append("\n")
    head.append(f"{t('verdict', lang)}: ", style="bold")
    head.append(t(a.verdict_key, lang), style=VERDICT_STYLE[a.verdict.value])
    head.append(f"   {t('score', lang)}: ", style="bold")
    head.append(f"{decimal(a.score, lang)}/100")
    head.append(f"   {t('risk', lang)}: ", style="bold")
    head.append(f"{t(a.risk.rating, lang)} ({t('impact', lang)} {a.risk.impact} × "
                f"{t('likelihood', lang)} {a.risk.likelihood})",
                style=SEVERITY_STYLE[a.risk.rating])
    for r in a.verdict_reasons:
        head.append(f"\n • {r.text.get(lang)}")
    return Panel(head, title="assess", expand=False)


def _domains(a: Assessment, lang: Lang) -> Table:
    table = Table(title=t("domains", lang), title_justify="left")
    table.add_column(t("domain", lang))
    table.add_column(t("weight", lang), justify="right")
    table.add_column(t("score", lang), justify="right")
    table.add_column(t("controls", lang), justify="right")
    for d in a.domains:
        score = decimal(d.score, lang) if d.score is not None else t("na", lang)
        table.add_row(RichText(f"{d.id} {d.title.get(lang)}"), decimal(d.weight, lang, "g"), score,
                      decimal(len(d.controls), lang, ","))
    return table


PATHS_SHOWN = 3
"""Data paths shown under a finding that groups a rule's hits; the rest are counted (all are in
--json and the report)."""


def _findings(a: Assessment, lang: Lang, limit: int) -> Table:
    table = Table(title=t("findings", lang), title_justify="left", show_lines=False)
    table.add_column("ID", no_wrap=True)
    table.add_column(t("severity", lang))
    table.add_column(t("message", lang))
    for f in a.findings[:limit]:
        sev = RichText(t(f.severity.value, lang), style=SEVERITY_STYLE[f.severity.value])
        if f.blocker:
            sev.append(" ■", style="bold red")
        msg = f.message.get(lang)
        paths = [h.path for h in f.hits if h.path]
        for path in paths[:PATHS_SHOWN]:
            msg += "\n  " + _short_path(path)
        if len(paths) > PATHS_SHOWN:
            msg += "\n  " + fw("more_paths", lang, n=decimal(len(paths) - PATHS_SHOWN, lang, ","))
        table.add_row(RichText(f.id), sev, RichText(msg))
    if len(a.findings) > limit:
        table.caption = t("more_findings", lang).format(n=decimal(len(a.findings) - limit, lang, ","))
    return table


def _short_path(path: list[str], keep: int = 5) -> str:
    """A long path keeps its origin and the hops nearest the operator: that is what is read."""
    if len(path) > keep:
        path = [path[0], "…", *path[-(keep - 2):]]
    return " → ".join(path)


def _exposure(a: Assessment, lang: Lang, limit: int = 20) -> Table:
    table = Table(title=t("exposure", lang), title_justify="left")
    for key in ("data", "operator", "country", "at_rest", "e2e"):
        table.add_column(t(key, lang))
    table.add_column(t("path.path", lang))
    for e in a.exposure[:limit]:
        table.add_row(RichText(e.data), RichText(e.operator), RichText(country(e.country, lang)),
                      t("yes" if e.at_rest else "no", lang),
                      t("yes" if e.e2e else "no", lang), RichText(_short_path(e.path)))
    if len(a.exposure) > limit:
        table.caption = t("path.more", lang).format(n=decimal(len(a.exposure) - limit, lang, ","))
    return table


def _verdict_line(text: RichText, label: str, verdict: str, score: float, lang: Lang) -> None:
    text.append(f"{label}: ", style="bold")
    text.append(t(verdict, lang), style=VERDICT_STYLE[verdict])
    text.append(f" ({t('score', lang).lower()} {decimal(score, lang)})")


def _review(a: Assessment, lang: Lang) -> list[Panel | Table]:
    """Both verdicts side by side, and every control the reviewer overrode: before → after."""
    if a.review is None or a.self_assessment is None:
        return []
    own, rv = a.self_assessment, a.review
    head = RichText()
    _verdict_line(head, t("review.self", lang), own.verdict.value, own.score, lang)
    head.append("  →  ")
    _verdict_line(head, t("review.reviewed", lang), a.verdict.value, a.score, lang)
    if a.verdict is not a.computed_verdict:
        head.append(f"; {t('review.computed', lang)}: {t(a.computed_verdict.value, lang)}")
    who = rv.reviewer
    org = who.organization.get(lang) + (f", {who.unit.get(lang)}" if who.unit else "")
    head.append(f"\n{t('review.reviewer', lang)}: ", style="bold")
    head.append(f"{who.name}, {org} ({rv.reviewed_on.isoformat()})")
    for cond in rv.conditions:
        head.append(f"\n {t('review.conditions', lang)}: ", style="bold")
        head.append((f"{cond.id} " if cond.id else "") + cond.text.get(lang)
                    + (f" ({cond.control})" if cond.control else "")
                    + (f"; {cond.owner}" if cond.owner else "")
                    + (f" — {cond.due.isoformat()}" if cond.due else "")
                    + (f" [{cond.status}]" if cond.status != "open" else ""))
    parts: list[Panel | Table] = [Panel(head, title=t("review", lang), expand=False)]
    if rv.overridden:
        table = Table(title=t("review.overrides", lang), title_justify="left")
        for key in ("control", "before", "after", "rationale"):
            table.add_column(t(key, lang) if key == "control" else t("review." + key, lang))
        by_id = {c.id: c for c in a.controls}
        for cid in rv.overridden:
            c = by_id.get(cid)
            if c is None:
                continue
            before = own.statuses.get(cid)
            table.add_row(RichText(cid), RichText(
                t(before.value, lang) if before else t("na", lang),
                style=STATUS_STYLE.get(before.value, "") if before else ""),
                RichText(t(c.status.value, lang), style=STATUS_STYLE.get(c.status.value, "")),
                RichText(c.review_rationale or ""))
        parts.append(table)
    return parts


def _reassessment(a: Assessment, lang: Lang, limit: int = 20) -> list[Table]:
    """Controls the answers miss because the checklist changed since they were given."""
    r = a.reassessment
    if r is None or not r.controls:
        return []
    title = t("reassess.title", lang).format(old=r.answered, new=r.assessed)
    table = Table(title=title, title_justify="left", min_width=len(title),
                  caption=t("reassess.hint", lang).format(new=r.assessed), caption_justify="left")
    for key in ("control", "change", "answered", "now"):
        table.add_column(t(key, lang) if key == "control" else t("reassess." + key, lang))
    for c in r.controls[:limit]:
        change = t("reassess." + c.change, lang).format(old=c.renamed_from, fields=", ".join(c.fields))
        table.add_row(RichText(c.id), RichText(change),
                      RichText(t(c.answered, lang) if c.answered else t("na", lang)),
                      RichText(t(c.status, lang) if c.status else t("na", lang),
                               style=STATUS_STYLE.get(c.status or "", "")))
    if len(r.controls) > limit:
        table.caption = (t("reassess.more", lang).format(
            n=decimal(len(r.controls) - limit, lang, ",")) + "\n"
                         + t("reassess.hint", lang).format(new=r.assessed))
    return [table]


def render(a: Assessment, lang: Lang = "vi", *, limit: int = 10) -> Group:
    parts: list[Panel | Table] = [_summary(a, lang), *_review(a, lang), _domains(a, lang)]
    if a.findings:
        parts.append(_findings(a, lang, limit))
    if a.exposure:
        parts.append(_exposure(a, lang))
    parts += _reassessment(a, lang)
    return Group(*parts)


def print_assessment(a: Assessment, lang: Lang = "vi", console: Console | None = None) -> None:
    (console or SafeConsole()).print(render(a, lang))
