"""A checklist as rich text for `assess checklist show`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from assess.core.i18n import Lang, decimal, t
from assess.documents.loading import Loaded
from assess.documents.models import Checklist
from assess.legal.formatting import article_text
from assess.outputs.terminal.assessment import SEVERITY_STYLE
from assess.outputs.terminal.console import SafeConsole


def print_checklist(loaded: Loaded[Checklist], lang: Lang,
                    console: Console | None = None) -> None:
    cl = loaded.doc
    con = console or SafeConsole()
    head = RichText()
    head.append(f"{cl.title.get(lang)}\n", style="bold")
    head.append(f"{cl.ref} ({cl.status}), {cl.effective_from.isoformat()}, "
                f"{cl.publisher.get(lang)}\nSHA-256 {loaded.source.sha256}\n")
    s = cl.scoring
    head.append(f"{t('approve', lang)} ≥ {decimal(s.thresholds.approve, lang, 'g')}; "
                f"{t('conditional', lang)} ≥ {decimal(s.thresholds.conditional, lang, 'g')}; "
                + ", ".join(f"{t(k.value, lang)}={decimal(v, lang, 'g')}"
                            for k, v in s.severity_weights.items()))
    con.print(head)
    for d in cl.domains:
        table = Table(title=RichText(f"{d.id} — {d.title.get(lang)} ({t('weight', lang)} "
                                     f"{decimal(d.weight, lang, 'g')})"), title_justify="left",
                      show_lines=True)
        table.add_column("ID", no_wrap=True)
        table.add_column(t("control", lang))
        table.add_column(t("severity", lang))
        for c in d.controls:
            body = RichText(c.title.get(lang), style="bold")
            body.append("\n" + c.requirement.get(lang))
            extra = []
            if c.applies_if:
                extra.append("if: " + ", ".join(c.applies_if))
            if c.rule:
                extra.append("rule: " + c.rule)
            if c.legal_basis:
                extra.append("; ".join(f"{lb.number}" + (f" art. {article_text(lb)}" if lb.article
                                                          else "") for lb in c.legal_basis))
            if extra:
                body.append("\n" + " · ".join(extra), style="dim")
            sev = RichText(t(c.severity.value, lang), style=SEVERITY_STYLE[c.severity.value])
            if c.blocker:
                sev.append(f"\n{t('blocker', lang)}", style="bold red")
            table.add_row(c.id, body, sev)
        con.print(table)
