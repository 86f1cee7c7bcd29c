"""A platform profile as rich text for `assess platform show`: every fact with how sure it is."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from assess.core.i18n import Lang, decimal, t
from assess.core.i18n.platform import w as _w
from assess.documents.loading import Loaded
from assess.documents.models import Platform
from assess.documents.models.platform import Sourced
from assess.outputs.terminal.console import SafeConsole

CERTAINTY_STYLE = {"confirmed": "green", "to-confirm": "yellow", "unknown": "red"}


def _sure(fact: Sourced, lang: Lang) -> RichText:
    out = RichText(t(f"certainty.{fact.certainty}", lang), style=CERTAINTY_STYLE[fact.certainty])
    if fact.sources:
        out.append(" [" + ", ".join(fact.sources) + "]")
    if fact.note is not None:
        out.append("\n" + fact.note.get(lang), style="dim")
    return out


def _table(title: str, *columns: str) -> Table:
    table = Table(title=RichText(title), title_justify="left", show_lines=True)
    for c in columns:
        table.add_column(c)
    return table


def _days(value: int | None, lang: Lang) -> str:
    return t("unknown", lang).lower() if value is None else decimal(value, lang, ",")


def print_platform(loaded: Loaded[Platform], lang: Lang, console: Console | None = None) -> None:
    pf = loaded.doc
    con = console or SafeConsole()
    head = RichText()
    head.append(f"{pf.title.get(lang)}\n", style="bold")
    head.append(f"{pf.ref} ({t('doc.' + pf.status, lang)}), {pf.checked_on.isoformat()}, "
                f"{pf.publisher}\n"
                f"SHA-256 {loaded.source.sha256}\n")
    if pf.description is not None:
        head.append(pf.description.get(lang) + "\n")
    head.append(_w("unknown_note", lang), style="italic")
    con.print(head)
    ops = _table(_w("operators", lang), "id", _w("name", lang), _w("country_role", lang),
                 _w("certainty", lang))
    for o in pf.operators:
        ops.add_row(RichText(o.id), RichText(o.name), RichText(f"{o.country}\n{o.role.get(lang)}"),
                    _sure(o, lang))
    zones = _table(_w("zones", lang), "id", _w("name", lang), _w("country", lang),
                   _w("operator_trust", lang), _w("certainty", lang))
    for z in pf.zones:
        zones.add_row(RichText(z.id), RichText(z.name.get(lang)), RichText(z.country),
                      RichText(f"{z.operator} · {t('trust.' + z.trust, lang)}"), _sure(z, lang))
    nodes = _table(_w("nodes", lang), "id", _w("system", lang), _w("keeps", lang),
                   _w("protection", lang), _w("certainty", lang))
    for n in pf.nodes:
        nodes.add_row(RichText(n.id + (" (entry)" if n.entry else "")),
                      RichText(f"{n.name.get(lang)}\n{n.kind} · {n.zone}"), RichText(n.keeps),
                      RichText(f"{n.encrypted_at_rest} / {_days(n.retention_days, lang)} / "
                               f"{n.inbound}"), _sure(n, lang))
    con.print(ops, zones, nodes)
    if pf.flows:
        flows = _table(_w("flows", lang), _w("flow", lang), _w("how", lang),
                       _w("certainty", lang))
        for f in pf.flows:
            flows.add_row(RichText(f"{f.source} → {f.target}"),
                          RichText(f"{f.encryption}, authenticated: {f.authenticated}"),
                          _sure(f, lang))
        con.print(flows)
    for key in ("sub_processors", "filings"):
        value = getattr(pf, key)
        table = _table(_w(key, lang), _w("what", lang), _w("certainty", lang))
        if isinstance(value, list):
            for x in value:
                what = (f"{x.name} ({x.country}): {x.purpose.get(lang)}" if key == "sub_processors"
                        else f"{x.kind} {x.reference}, {x.filed_on.isoformat()}, {x.filed_with}")
                table.add_row(RichText(what), _sure(x, lang))
        else:
            table.add_row(RichText(_w("none_known", lang)), _sure(value, lang))
        con.print(table)
    for ref, answers in pf.answers.items():
        table = _table(f"{_w('answers', lang)}: {ref}", "ID", t("status", lang),
                       _w("evidence", lang), _w("certainty", lang))
        for cid, a in answers.items():
            table.add_row(RichText(cid), RichText(t(a.status.value, lang)),
                          RichText("\n".join(a.evidence)), _sure(a, lang))
        con.print(table)
    sources = _table(_w("sources", lang), "id", _w("source", lang), _w("published", lang))
    for s in pf.sources:
        sources.add_row(RichText(s.id), RichText(f"{s.title}\n{s.publisher}"),
                        RichText(" · ".join(x for x in (s.published, s.where) if x)))
    con.print(sources)
