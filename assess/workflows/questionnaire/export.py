"""`assess questionnaire export`: a checklist (and optionally a proposal) as an .xlsx workbook.

Vietnamese first, English beside it; every column headed by its YAML name so import can map it.
Cells a province answers are unlocked, everything else is locked on protected sheets (no
password: protection guards against slips, and import re-checks every value anyway).
"""

from __future__ import annotations

import datetime as dt
import io
import math
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from assess.core.errors import InputError, Problem
from assess.core.i18n import WORDS
from assess.core.i18n.messages import Msg, msg
from assess.core.i18n.questionnaire import FIELDS, GUIDE, LABELS, SHEETS
from assess.documents.models import Checklist, Control, LegalBasis, Proposal
from assess.documents.yamlsource import Source, format_path
from assess.legal.formatting import citation_text
from assess.workflows.questionnaire.layout import (
    ANSWER_COLUMNS,
    BLANK_ROWS,
    BOOL,
    CHOICE_LISTS,
    FIRST_ROW,
    FORMAT,
    LIST_SHEETS,
    PROPOSAL_ROWS,
    STATUS,
    Choice,
    Column,
    ListSheet,
)

_FONT = "Arial"
_HEAD = Font(name=_FONT, bold=True, size=10)
_HEAD_EN = Font(name=_FONT, italic=True, size=9, color="444444")
_YAML = Font(name=_FONT, size=8, color="777777")
_BODY = Font(name=_FONT, size=10)
_DOMAIN = Font(name=_FONT, bold=True, size=10, color="1F3864")
_TITLE = Font(name=_FONT, bold=True, size=13)
_HEAD_FILL = PatternFill("solid", fgColor="D9E2F3")
_YAML_FILL = PatternFill("solid", fgColor="EDEDED")
_EDIT_FILL = PatternFill("solid", fgColor="FFF9E5")
_DOMAIN_FILL = PatternFill("solid", fgColor="E2EFDA")
_WRAP = Alignment(wrap_text=True, vertical="top")
_THIN = Side(style="thin", color="BFBFBF")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_OPEN = Protection(locked=False)
_LINE_PT = 13.0


def _protect(ws: Worksheet, *, rows: bool = False) -> None:
    """Locked cells stay locked; row heights may change, and rows be added or removed where
    `rows` (the list sheets)."""
    p = ws.protection
    p.sheet = True
    p.formatRows = False
    if rows:
        p.insertRows = False
        p.deleteRows = False


def _lines(value: Any, width: float) -> int:
    """How many lines a wrapped cell takes (rough: Arial 10 fits ~1.35 letters per unit of
    column width, as LibreOffice lays it out)."""
    if value is None:
        return 1
    per_line = max(int(width * 1.35), 1)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in str(value).split("\n"))


def _fit(ws: Worksheet, row: int, values: list[tuple[Any, float]], cap: int = 30) -> None:
    n = max((_lines(v, w) for v, w in values), default=1)
    if n > 1:
        ws.row_dimensions[row].height = min(n, cap) * _LINE_PT + 4


def _both(pair: tuple[str, str] | None) -> str:
    return "" if pair is None else f"{pair[0]}\n{pair[1]}"


def _pair(text: Any) -> str:
    """A checklist text: Vietnamese, a blank line, English."""
    return f"{' '.join(text.vi.split())}\n\n{' '.join(text.en.split())}"


def _lists_sheet(wb: Workbook) -> dict[str, str]:
    """The hidden sheet the dropdowns read; returns each choice's range formula."""
    ws = wb.create_sheet(SHEETS["lists"][0])
    ws["A1"] = FORMAT
    ranges: dict[str, str] = {}
    for i, choice in enumerate(CHOICE_LISTS, start=2):
        col = get_column_letter(i)
        ws.cell(row=1, column=i, value=choice.key)
        for j, entry in enumerate(choice.entries(), start=2):
            ws.cell(row=j, column=i, value=entry)
        ranges[choice.key] = f"'{ws.title}'!${col}$2:${col}${len(choice.values) + 1}"
        ws.column_dimensions[col].width = 30
    ws.sheet_state = "hidden"
    _protect(ws)
    return ranges


def _dropdown(ws: Worksheet, choice: Choice, ranges: dict[str, str], where: str) -> None:
    dv = DataValidation(type="list", formula1=f"={ranges[choice.key]}", allow_blank=True,
                        showErrorMessage=True, showInputMessage=True, errorStyle="stop")
    dv.errorTitle = "Giá trị không hợp lệ / Invalid value"
    dv.error = "Chọn một giá trị trong danh sách. / Choose a value from the list."
    dv.promptTitle = "Chọn / Choose"
    dv.prompt = "Chọn trong danh sách. / Choose from the list."
    dv.add(where)
    ws.add_data_validation(dv)


def _get(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if obj is None:
            return None
        if isinstance(obj, list) and part in ("vi", "en"):  # TEXT_LISTS: a row per language
            return [x.vi if part == "vi" else (x.en or x.vi) for x in obj] or None
        obj = getattr(obj, {"class": "data_class", "from": "source", "to": "target"}.get(
            part, part))
    return obj


class _Where:
    """Where export's problems point: the proposal file and its lines."""

    def __init__(self, source: Source | None) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def add(self, path: tuple[str | int, ...], message: Msg) -> None:
        name = self.source.name if self.source else "proposal"
        line = self.source.line_of(path) if self.source else None
        self.problems.append(Problem(name, line, format_path(path), message))


def _cell_value(col: Column, value: Any, where: tuple[str | int, ...], problems: _Where) -> Any:
    """What export writes for `value` in a cell of `col` (None: left empty)."""
    if value is None:
        return None
    if col.kind in ("bool", "tag"):
        return BOOL.entry("true" if value else "false")
    if col.kind == "choice" and col.choice is not None:
        return col.choice.entry(str(value))
    if col.kind == "ids":
        return ", ".join(value) or None
    if col.kind == "lines":
        for i, item in enumerate(value):
            if "\n" in item or "\r" in item:
                problems.add((*where, col.key, i),
                             msg("questionnaire.line_break", text=item[:60]))
        return "\n".join(value) or None
    if col.kind == "date" and isinstance(value, dt.date):
        return value
    return value if isinstance(value, (int, str)) else str(value)


def _style(cell: Any, *, editable: bool, col: Column | None = None) -> None:
    cell.font = _BODY
    cell.alignment = _WRAP
    cell.border = _BOX
    if editable:
        cell.protection = _OPEN
        cell.fill = _EDIT_FILL
        if col is None or col.kind not in ("int", "date"):
            cell.number_format = "@"  # typed digits stay text (a phone's leading 0)
    if col is not None and col.kind == "date":
        cell.number_format = "yyyy-mm-dd"
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")


def _headers(ws: Worksheet, headers: list[tuple[tuple[str, str], str, float]]) -> None:
    """Three header rows: Vietnamese, English, YAML name; frozen."""
    for i, ((vi, en), key, width) in enumerate(headers, start=1):
        for row, text, font, fill in ((1, vi, _HEAD, _HEAD_FILL), (2, en, _HEAD_EN, _HEAD_FILL),
                                      (3, key, _YAML, _YAML_FILL)):
            cell = ws.cell(row=row, column=i, value=text)
            cell.font, cell.fill, cell.border = font, fill, _BOX
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.row_dimensions[1].height = max(_lines(h[0][0], h[2]) for h in headers) * _LINE_PT + 4
    ws.row_dimensions[2].height = max(_lines(h[0][1], h[2]) for h in headers) * _LINE_PT + 2
    ws.print_title_rows = "1:3"


def _page(ws: Worksheet, *, landscape: bool = True) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False


def _guide(wb: Workbook, cl: Checklist, proposal: Proposal | None) -> None:
    ws = wb.active
    assert ws is not None
    ws.title = SHEETS["guide"][0]
    ws.column_dimensions["A"].width = 70
    ws.column_dimensions["B"].width = 70
    ws["A1"], ws["B1"] = LABELS["title"]
    for cell in (ws["A1"], ws["B1"]):
        cell.font, cell.alignment = _TITLE, _WRAP
    ws.row_dimensions[1].height = 3 * 17
    ws["A2"] = f"{FIELDS['checklist'][0].split(' (')[0]}: {cl.title.vi} ({cl.ref})"
    ws["B2"] = f"{FIELDS['checklist'][1].split(' (')[0]}: {cl.title.en} ({cl.ref})"
    if proposal is not None:
        ws["A3"] = f"{SHEETS['proposal'][0]}: {proposal.id} — {proposal.title.vi}"
        ws["B3"] = f"{SHEETS['proposal'][1]}: {proposal.id} — {proposal.title.en or proposal.title.vi}"
    row = 5
    for vi, en in GUIDE:
        ws.cell(row=row, column=1, value=vi)
        ws.cell(row=row, column=2, value=en)
        _fit(ws, row, [(vi, 70), (en, 70)])
        row += 1
    row += 1
    for key in ("proposal", *(s.key for s in LIST_SHEETS), "answers"):
        ws.cell(row=row, column=1, value=SHEETS[key][0])
        ws.cell(row=row, column=2, value=SHEETS[key][1])
        row += 1
    for r in ws.iter_rows(min_row=2, max_row=row):
        for cell in r:
            if cell.font != _TITLE:
                cell.font, cell.alignment = _BODY, _WRAP
    _fit(ws, 2, [(ws["A2"].value, 70), (ws["B2"].value, 70)])
    _fit(ws, 3, [(ws["A3"].value, 70), (ws["B3"].value, 70)])
    _page(ws, landscape=False)
    _protect(ws)


def _proposal_sheet(wb: Workbook, cl: Checklist, proposal: Proposal | None,
                    ranges: dict[str, str], problems: _Where) -> None:
    ws = wb.create_sheet(SHEETS["proposal"][0])
    widths = (36, 36, 30, 60)
    heads = (LABELS["field"][0], LABELS["field"][1], LABELS["yaml"][0],
             f"{LABELS['value'][0]} / {LABELS['value'][1]}")
    for i, (text, width) in enumerate(zip(heads, widths, strict=True), start=1):
        cell = ws.cell(row=1, column=i, value=text)
        cell.font, cell.fill, cell.border, cell.alignment = _HEAD, _HEAD_FILL, _BOX, _WRAP
        ws.column_dimensions[get_column_letter(i)].width = width
    for r, col in enumerate(PROPOSAL_ROWS, start=2):
        vi, en = col.header
        ws.cell(row=r, column=1, value=vi).font = _HEAD
        ws.cell(row=r, column=2, value=en).font = _HEAD_EN
        ws.cell(row=r, column=3, value=col.key).font = _YAML
        for c in (1, 2, 3):
            ws.cell(row=r, column=c).alignment = _WRAP
            ws.cell(row=r, column=c).border = _BOX
        if col.kind == "fixed":
            value: Any = cl.ref
        else:
            value = _cell_value(col, _get(proposal, col.key) if proposal else None,
                                tuple(col.key.split(".")[:-1]), problems)
        cell = ws.cell(row=r, column=4, value=value)
        _style(cell, editable=col.kind != "fixed", col=col)
        if col.choice is not None:
            _dropdown(ws, col.choice, ranges, f"D{r}")
        _fit(ws, r, [(vi, 36), (en, 36), (value, 60)])
    ws.freeze_panes = "A2"
    _page(ws, landscape=False)
    _protect(ws)


def _list_sheet(wb: Workbook, sheet: ListSheet, items: list[Any], ranges: dict[str, str],
                problems: _Where) -> None:
    ws = wb.create_sheet(sheet.title)
    _headers(ws, [(c.header, c.key, c.width) for c in sheet.columns])
    last = FIRST_ROW + len(items) + BLANK_ROWS - 1
    for r in range(FIRST_ROW, last + 1):
        item = items[r - FIRST_ROW] if r - FIRST_ROW < len(items) else None
        fitted: list[tuple[Any, float]] = []
        for i, col in enumerate(sheet.columns, start=1):
            value = None if item is None else _cell_value(
                col, col.tag in item.tags if col.kind == "tag" else _get(item, col.key),
                (sheet.key, r - FIRST_ROW), problems)
            cell = ws.cell(row=r, column=i, value=value)
            _style(cell, editable=True, col=col)
            fitted.append((value, col.width))
        if item is not None:
            _fit(ws, r, fitted)
    for i, col in enumerate(sheet.columns, start=1):
        if col.choice is not None:
            letter = get_column_letter(i)
            _dropdown(ws, col.choice, ranges, f"{letter}{FIRST_ROW}:{letter}{last}")
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=2 if sheet.columns[0].key == "id" else 1)
    _page(ws)
    _protect(ws, rows=True)


def citation(lb: LegalBasis, lang: int) -> str:
    """A citation in one language (0: Vietnamese, 1: English), written as every output writes
    it (`legal.formatting`), a to-confirm one saying so."""
    text = citation_text(lb, "vi" if lang == 0 else "en", unbreakable=False)
    if lb.status == "to-confirm":
        text += f" ({LABELS['to_confirm'][lang]})"
    return text


def _severity(c: Control) -> str:
    parts = [_both(WORDS[c.severity.value]).replace("\n", " / ")]
    if c.blocker:
        parts.append(_both(LABELS["blocker"]))
    owner = LABELS[f"owner.{c.owner}"]
    parts.append(f"{FIELDS['severity'][0].split(', ')[1]}: {owner[0]} / {owner[1]}")
    if c.rule:
        parts.append(f"{LABELS['rule'][0]} {c.rule}")
    return "\n".join(parts)


def _control_cells(c: Control) -> dict[str, Any]:
    legal = "\n".join(citation(lb, 0) for lb in c.legal_basis)
    if c.legal_basis:
        legal += "\n\n" + "\n".join(citation(lb, 1) for lb in c.legal_basis)
    return {"id": c.id, "control": f"{c.id}\n{c.title.vi}\n{c.title.en}",
            "question": _pair(c.requirement), "guidance": _pair(c.guidance),
            "expected": _pair(c.evidence), "legal_basis": legal or None,
            "severity": _severity(c)}


def _answers_sheet(wb: Workbook, cl: Checklist, proposal: Proposal | None,
                   ranges: dict[str, str], problems: _Where) -> None:
    ws = wb.create_sheet(SHEETS["answers"][0])
    _headers(ws, [(c.header, c.key, c.width) for c in ANSWER_COLUMNS])
    index = {c.key: i for i, c in enumerate(ANSWER_COLUMNS, start=1)}
    answers = proposal.answers if proposal is not None else {}
    r = FIRST_ROW
    for domain in cl.domains:
        banner = f"{domain.id} — {domain.title.vi} / {domain.title.en}"
        for i in range(1, len(ANSWER_COLUMNS) + 1):
            cell = ws.cell(row=r, column=i, value=banner if i == index["control"] else None)
            cell.font, cell.fill = _DOMAIN, _DOMAIN_FILL
        r += 1
        for c in domain.controls:
            values = _control_cells(c)
            answer = answers.get(c.id)
            if answer is not None:
                values["status"] = STATUS.entry(answer.status.value)
                values["evidence"] = _cell_value(Column("evidence", "lines"), answer.evidence,
                                                 ("answers", c.id), problems)
                values["note"] = answer.note
            fitted: list[tuple[Any, float]] = []
            for col in ANSWER_COLUMNS:
                value = values.get(col.key)
                cell = ws.cell(row=r, column=index[col.key], value=value)
                _style(cell, editable=col.editable)
                if col.key == "control":
                    cell.font = _HEAD
                if col.key != "id":
                    fitted.append((value, col.width))
            _fit(ws, r, fitted, cap=40)
            r += 1
    letter = get_column_letter(index["status"])
    _dropdown(ws, STATUS, ranges, f"{letter}{FIRST_ROW}:{letter}{r - 1}")
    ws.column_dimensions["A"].hidden = True
    ws.freeze_panes = "C4"
    _page(ws)
    _protect(ws, rows=False)


def export_workbook(cl: Checklist, proposal: Proposal | None = None,
                    source: Source | None = None) -> bytes:
    """The questionnaire workbook for checklist `cl`, pre-filled from `proposal` if given.

    Raises InputError when the proposal holds what a workbook cannot carry back (an answer for a
    control `cl` does not have, an evidence entry with a line break)."""
    problems = _Where(source)
    if proposal is not None:
        known = {c.id for c in cl.controls()}
        if stray := sorted(set(proposal.answers) - known):
            problems.add(("answers",), msg("questionnaire.answers_elsewhere", checklist=cl.ref,
                                           ids=", ".join(stray[:8])))
    wb = Workbook()
    _guide(wb, cl, proposal)
    ranges = _lists_sheet(wb)
    _proposal_sheet(wb, cl, proposal, ranges, problems)
    for sheet in LIST_SHEETS:
        items = list(getattr(proposal, sheet.key)) if proposal is not None else []
        _list_sheet(wb, sheet, items, ranges, problems)
    _answers_sheet(wb, cl, proposal, ranges, problems)
    wb.move_sheet(SHEETS["lists"][0], offset=len(wb.sheetnames))  # last, hidden
    if problems.problems:
        raise InputError(problems.problems)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


__all__ = ["citation", "export_workbook"]
