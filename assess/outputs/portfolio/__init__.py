"""The portfolio as a terminal table and as CSV: the same `Portfolio` object, in either language.

Every text that came from a proposal is escaped for the terminal (`SafeConsole`, rich Text) and
written as a plain CSV field (the csv module quotes it); a CSV cell that starts like a formula
is prefixed with a quote so a spreadsheet shows it as text.
"""

from __future__ import annotations

import csv
import io

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from assess.core.i18n import Lang, country, decimal, pick, t
from assess.core.i18n.portfolio import PORTFOLIO
from assess.workflows.portfolio import Portfolio, Row

COLUMNS = ("place", "province", "proposal", "channel", "platform", "checklist", "state", "self_verdict",
           "reviewed_verdict", "verdict", "score", "risk", "failing_blockers", "conditions_open",
           "conditions_overdue", "newer_checklist", "law_ended")


def w(key: str, lang: Lang) -> str:
    return pick(PORTFOLIO[key], lang)


def _cell(r: Row, key: str, lang: Lang) -> str:
    value = getattr(r, key)
    if key in ("place", "province", "channel"):
        return str(value[lang] or value["vi"])
    if key == "state":
        return w(f"state.{value}", lang)
    if key in ("self_verdict", "reviewed_verdict", "verdict", "risk"):
        return t(value, lang) if value else ""
    if key == "score":
        return decimal(value, lang)
    if isinstance(value, tuple):
        return ", ".join(value)
    return "" if value is None else str(value)


def _safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP's CSV injection advice)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(p: Portfolio, lang: Lang = "vi") -> str:
    """One row per proposal, then a domain score column per domain (the heat map's data)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([w(k, lang) for k in COLUMNS] + [d for d, _ in p.domains])
    for r in p.rows:
        writer.writerow([_safe(_cell(r, k, lang)) for k in COLUMNS]
                        + [decimal(r.domains[d], lang) if d in r.domains else ""
                           for d, _ in p.domains])
    return out.getvalue()


def _again(r: Row, lang: Lang) -> str:
    parts = []
    if r.newer_checklist:
        parts.append(w("again.checklist", lang).format(ref=r.newer_checklist.partition("@")[2]))
    if r.law_ended:
        parts.append(w("again.law", lang).format(n=len(r.law_ended)))
    return "; ".join(parts) or w("none", lang)


def _band(score: float | None) -> str:
    """The heat map's colour: the checklist's usual thresholds (approve 85, conditional 50)."""
    if score is None:
        return "dim"
    return "green" if score >= 85 else "yellow" if score >= 50 else "red"


def render(p: Portfolio, lang: Lang = "vi") -> Group:
    rows = Table(title=f"{w('title', lang)} ({w('as_of', lang).format(day=p.on.isoformat())})",
                 title_justify="left")
    shown = ("place", "platform", "state", "verdict", "score", "risk", "failing_blockers",
             "conditions_overdue")
    for key in (*shown, "superseded"):
        rows.add_column(w(key, lang), justify="right" if key in ("score",
                                                                 "conditions_overdue") else "left")
    for r in p.rows:
        rows.add_row(*[Text(_cell(r, k, lang)) for k in shown], Text(_again(r, lang)))
    heat = Table(title=w("heat", lang), title_justify="left", caption=w("heat_note", lang))
    heat.add_column(w("place", lang))
    for d, _ in p.domains:
        heat.add_column(d, justify="right")
    for r in p.rows:
        heat.add_row(Text(_cell(r, "place", lang)), *[
            Text(decimal(r.domains[d], lang, ".0f") if d in r.domains else "—",
                 style=_band(r.domains.get(d))) for d, _ in p.domains])
    held = Table(title=w("exposure", lang), title_justify="left", caption=w("exposure_note", lang))
    for key in ("operator", "country", "personal", "sensitive", "proposals"):
        held.add_column(w(key, lang), justify="left" if key in ("operator", "country")
                        else "right")
    for e in p.exposure:
        held.add_row(Text(e.operator), Text(country(e.country, lang)),
                     decimal(e.personal, lang, ","), decimal(e.sensitive, lang, ","),
                     str(len(e.proposals)))
    return Group(rows, heat, held)


def print_portfolio(p: Portfolio, lang: Lang = "vi", console: Console | None = None) -> None:
    from assess.outputs.terminal.console import SafeConsole

    (console or SafeConsole()).print(render(p, lang))


__all__ = ["COLUMNS", "print_portfolio", "render", "to_csv"]
