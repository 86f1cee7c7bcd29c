"""The portfolio on a terminal, as CSV and as a workbook: the same `Portfolio` object, in either
language.

Every text that came from a proposal is escaped for the terminal (`SafeConsole`, rich Text) and
written as a plain CSV field (the csv module quotes it); a CSV cell that starts like a formula
is prefixed with a quote so a spreadsheet shows it as text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from assess.core.i18n import Lang, country, decimal, pick, t
from assess.core.i18n.portfolio import PORTFOLIO
from assess.workflows.portfolio import Due, Portfolio, Row

COLUMNS = ("place", "province", "proposal", "channel", "platform", "checklist", "state", "self_verdict",
           "reviewed_verdict", "verdict", "score", "risk", "failing_blockers", "conditions_open",
           "conditions_overdue", "newer_checklist", "newer_platform", "law_ended", "assessed_on",
           "update_due")


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
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def day(when: dt.date, lang: Lang) -> str:
    """A day as a reader writes it: 01/12/2026 in Vietnamese, 2026-12-01 in English."""
    return when.strftime("%d/%m/%Y") if lang == "vi" else when.isoformat()


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
    if r.newer_platform:
        parts.append(w("again.platform", lang).format(ref=r.newer_platform))
    if r.law_ended:
        parts.append(w("again.law", lang).format(n=len(r.law_ended)))
    return "; ".join(parts) or w("none", lang)


def _band(score: float | None, thresholds: dict[str, float] | None = None) -> str:
    """The heat map's colour, by the row's checklist's own thresholds (85 and 50 by default)."""
    if score is None:
        return "dim"
    limits = thresholds or {}
    approve, conditional = limits.get("approve", 85.0), limits.get("conditional", 50.0)
    return "green" if score >= approve else "yellow" if score >= conditional else "red"


_FILLS = {"green": "C6EFCE", "yellow": "FFEB9C", "red": "FFC7CE", "dim": "EDEDED"}
_NUMBERS = ("score", "conditions_open", "conditions_overdue")


def _sheet(wb: Any, title: str, head: list[str], widths: Sequence[float]) -> Any:
    from openpyxl.styles import Alignment, Font, PatternFill

    ws = wb.create_sheet(title[:31])
    ws.append(head)
    for i, width in enumerate(widths, start=1):
        cell = ws.cell(row=1, column=i)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[cell.column_letter].width = width
    ws.freeze_panes = "B2"
    # Printed (or opened through LibreOffice as PDF): landscape A4, every column on the page's
    # width, the header row on every page.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = "1:1"
    return ws


def _text_cell(ws: Any, row: int, column: int, text: str) -> None:
    """Text stays text: openpyxl would take '=…' for a formula."""
    cell = ws.cell(row=row, column=column, value=text)
    cell.data_type = "s"


def to_xlsx(p: Portfolio, lang: Lang = "vi") -> bytes:
    """Three sheets from the same object: the rows, the heat map (coloured by the checklist's
    thresholds) and the exposure; the same bytes for the same portfolio (dated by its day)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, PatternFill

    wb = Workbook()
    wb.remove(wb.active)
    stamp = dt.datetime.combine(p.on, dt.time())
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = "assess"
    ws = _sheet(wb, w("rows_sheet", lang), [w(k, lang) for k in COLUMNS],
                [14, 22, 24, 28, 15, 22, 12, 14, 14, 16, 7, 11, 14, 10, 10, 20, 18, 26, 11, 11])
    for i, r in enumerate(p.rows, start=2):
        for j, key in enumerate(COLUMNS, start=1):
            value = getattr(r, key)
            if key in _NUMBERS:
                ws.cell(row=i, column=j, value=value).number_format = (
                    "0.0" if key == "score" else "0")
            else:
                _text_cell(ws, i, j, _cell(r, key, lang))
                ws.cell(row=i, column=j).alignment = Alignment(wrap_text=True, vertical="top")
    ws.auto_filter.ref = ws.dimensions
    heat = _sheet(wb, w("heat", lang), [w("place", lang)] + [d for d, _ in p.domains],
                  [18] + [8] * len(p.domains))
    for i, r in enumerate(p.rows, start=2):
        _text_cell(heat, i, 1, _cell(r, "place", lang))
        for j, (d, _) in enumerate(p.domains, start=2):
            score = r.domains.get(d)
            cell = heat.cell(row=i, column=j, value=score)
            cell.number_format = "0"
            cell.fill = PatternFill("solid", fgColor=_FILLS[_band(score, r.thresholds)])
    _text_cell(heat, len(p.rows) + 3, 1, w("heat_note", lang))
    held = _sheet(wb, w("exposure_sheet", lang), [w(k, lang) for k in (
        "operator", "country", "personal", "sensitive", "proposals")], [44, 16, 22, 22, 10])
    for i, e in enumerate(p.exposure, start=2):
        _text_cell(held, i, 1, e.operator)
        _text_cell(held, i, 2, country(e.country, lang))
        for j, value in enumerate((e.personal, e.sensitive, len(e.proposals)), start=3):
            held.cell(row=i, column=j, value=value).number_format = "#,##0"
    _text_cell(held, len(p.exposure) + 3, 1, w("exposure_note", lang))
    out = io.BytesIO()
    wb.save(out)
    return _dated(out.getvalue(), stamp)


def _dated(data: bytes, stamp: dt.datetime) -> bytes:
    """The workbook with every part dated `stamp`, so its bytes depend on nothing else: the zip
    entries carry the time they were written, and openpyxl stamps 'modified' with the clock."""
    import re
    import zipfile

    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            part = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                part = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + when,
                              part)
            info = zipfile.ZipInfo(item.filename, date_time=stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, part)
    return out.getvalue()


def render(p: Portfolio, lang: Lang = "vi") -> Group:
    rows = Table(title=f"{w('title', lang)} ({w('as_of', lang).format(day=day(p.on, lang))})",
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
                 style=_band(r.domains.get(d), r.thresholds)) for d, _ in p.domains])
    held = Table(title=w("exposure", lang), title_justify="left", caption=w("exposure_note", lang))
    for key in ("operator", "country", "personal", "sensitive", "proposals"):
        held.add_column(w(key, lang), justify="left" if key in ("operator", "country")
                        else "right")
    for e in p.exposure:
        held.add_row(Text(e.operator), Text(country(e.country, lang)),
                     decimal(e.personal, lang, ","), decimal(e.sensitive, lang, ","),
                     str(len(e.proposals)))
    return Group(rows, heat, held)


def serialize(p: Portfolio, suffix: str, lang: Lang = "vi") -> str | bytes:
    """The portfolio as a file of kind `suffix`: .json, .csv (with a byte-order mark, so a
    spreadsheet reads Vietnamese as UTF-8), .xlsx or .pdf."""
    import json

    if suffix == ".pdf":
        from assess.outputs.portfolio.pdf import portfolio_pdf

        return portfolio_pdf(p, lang)
    if suffix == ".json":
        return json.dumps(p.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if suffix == ".xlsx":
        return to_xlsx(p, lang)
    return "\ufeff" + to_csv(p, lang)


def render_due(d: Due, lang: Lang = "vi") -> Group:
    """What is due on the day: overdue conditions, six-monthly updates, and re-assessments."""
    late = Table(title=w("due.conditions", lang).format(day=day(d.on, lang)),
                 title_justify="left")
    for key in ("place", "condition", "text", "owner", "due", "days"):
        late.add_column(w(f"due.{key}" if key != "place" else key, lang),
                        justify="right" if key == "days" else "left")
    for c in d.conditions:
        late.add_row(Text(c.place[lang] or c.place["vi"]), Text(c.id or c.control or ""),
                     Text(c.text[lang] or c.text["vi"]), Text(c.owner or ""),
                     c.due.isoformat(), decimal(c.days, lang, ","))
    updates = Table(title=w("due.updates", lang), title_justify="left",
                    caption=w("due.updates_note", lang))
    for key in ("place", "proposal", "assessed_on", "update_due"):
        updates.add_column(w(key, lang))
    for r in d.updates:
        updates.add_row(*[Text(_cell(r, k, lang)) for k in ("place", "proposal", "assessed_on",
                                                             "update_due")])
    changed = Table(title=w("due.changed", lang), title_justify="left")
    for key in ("place", "proposal", "superseded"):
        changed.add_column(w(key, lang))
    for r in d.changed:
        changed.add_row(Text(_cell(r, "place", lang)), Text(r.proposal), Text(_again(r, lang)))
    parts = [t for t, rows in ((late, d.conditions), (updates, d.updates), (changed, d.changed))
             if rows]
    return Group(*parts) if parts else Group(Text(w("due.nothing", lang)))


def print_portfolio(p: Portfolio, lang: Lang = "vi", console: Console | None = None) -> None:
    from assess.outputs.terminal.console import SafeConsole

    (console or SafeConsole()).print(render(p, lang))


__all__ = ["COLUMNS", "day", "print_portfolio", "render", "render_due", "serialize", "to_csv", "to_xlsx"]
