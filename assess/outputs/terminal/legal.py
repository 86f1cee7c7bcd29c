"""`assess legal status` as rich text: the register on a day, and the controls of each checklist
that cite law no longer in force."""

from __future__ import annotations

import datetime as dt

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from assess.core.i18n import Lang
from assess.core.i18n.messages import msg
from assess.legal.checks import InstrumentLine, LegalStatus
from assess.outputs.terminal.console import SafeConsole

STATE_STYLE = {"in-force": "green", "not-yet": "cyan", "ended": "red", "unknown": "yellow"}


def day(d: dt.date, lang: Lang) -> str:
    return d.strftime("%d/%m/%Y") if lang == "vi" else d.isoformat()


def _state(i: InstrumentLine, lang: Lang) -> RichText:
    out = RichText(msg(f"legal.state.{i.state}").render(lang), style=STATE_STYLE[i.state])
    if i.since is not None and i.state in ("in-force", "ended"):
        out.append(" " + msg("legal.since", day=day(i.since, lang)).render(lang))
    elif i.since is not None and i.state == "not-yet":
        out.append(" " + msg("legal.until", day=day(i.since, lang)).render(lang))
    if not i.confirmed:
        unsure = msg("legal.to_confirm").render(lang)
        out.append(f" ({unsure})", style="yellow")
    if i.by:
        out.append("\n" + msg("legal.by", ids=", ".join(i.by)).render(lang), style="dim")
    return out


def print_status(status: LegalStatus, lang: Lang, console: Console | None = None) -> None:
    out = console or SafeConsole()
    table = Table(title=RichText(msg("legal.status.title", day=day(status.on, lang)).render(lang)),
                  title_justify="left", show_lines=True)
    for col in ("id", "number", "title", "state"):
        table.add_column(msg(f"legal.col.{col}").render(lang), overflow="fold",
                         no_wrap=col in ("id", "number"))
    for i in status.instruments:
        table.add_row(RichText(i.id), RichText(i.number), RichText(i.title.get(lang)),
                      _state(i, lang))
    out.print(table)
    out.print(RichText(msg("legal.status.checked", day=day(status.checked_on, lang),
                           file=status.register).render(lang), style="dim"))
    for cl in status.checklists:
        out.print()
        if not cl.controls:
            out.print(RichText(msg("legal.status.rests.none", ref=cl.ref,
                                   day=day(status.on, lang)).render(lang), style="green"))
            continue
        out.print(RichText(msg("legal.status.rests", ref=cl.ref, n=len(cl.controls),
                               day=day(status.on, lang)).render(lang), style="bold"))
        for law in cl.controls:
            how = "legal.status.beside" if law.in_force else "legal.status.only"
            line = RichText(f"  {law.control}: ", style="bold")
            line.append(", ".join(f"{ref} ({msg(f'legal.state.{state}').render(lang)})"
                                  for ref, state in law.not_in_force), style="red")
            line.append(f" — {msg(how).render(lang)}", style="green" if law.in_force else "red")
            out.print(line)


__all__ = ["print_status"]
