"""The assessment as rich tables for the terminal."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text as RichText

from assess.assessment import Assessment
from assess.i18n import t
from assess.models import Lang

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
    head.append(f"{a.checklist.id}@{a.checklist.version}\n")
    head.append(f"{t('verdict', lang)}: ", style="bold")
    head.append(t(a.verdict.value, lang), style=VERDICT_STYLE[a.verdict.value])
    head.append(f"   {t('score', lang)}: ", style="bold")
    head.append(f"{a.score:.1f}/100")
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
        score = f"{d.score:.1f}" if d.score is not None else t("na", lang)
        table.add_row(RichText(f"{d.id} {d.title.get(lang)}"), f"{d.weight:g}", score,
                      str(len(d.controls)))
    return table


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
        if f.path:
            msg += "\n  " + " → ".join(f.path)
        table.add_row(RichText(f.id), sev, RichText(msg))
    if len(a.findings) > limit:
        table.caption = t("more_findings", lang).format(n=len(a.findings) - limit)
    return table


def _exposure(a: Assessment, lang: Lang) -> Table:
    table = Table(title=t("exposure", lang), title_justify="left")
    for key in ("data", "operator", "country", "at_rest", "e2e"):
        table.add_column(t(key, lang))
    for e in a.exposure:
        table.add_row(RichText(e.data), RichText(e.operator), RichText(e.country),
                      t("yes" if e.at_rest else "no", lang),
                      t("yes" if e.e2e else "no", lang))
    return table


def render(a: Assessment, lang: Lang = "vi", *, limit: int = 10) -> Group:
    parts: list[Panel | Table] = [_summary(a, lang), _domains(a, lang)]
    if a.findings:
        parts.append(_findings(a, lang, limit))
    if a.exposure:
        parts.append(_exposure(a, lang))
    return Group(*parts)


def print_assessment(a: Assessment, lang: Lang = "vi", console: Console | None = None) -> None:
    (console or Console()).print(render(a, lang))
