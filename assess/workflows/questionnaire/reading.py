"""`assess questionnaire import`: a questionnaire workbook back into a proposal YAML.

Nothing in the workbook is trusted: spreadsheet programs drop dropdowns and protection on save,
and anyone can type anything. So the file is checked as a zip before openpyxl opens it (size,
members, compression ratio, macros), every cell is read by what its column expects, and the
proposal the cells make goes through the same loading and validation as any proposal file.
Every problem is reported at its cell (`Trả lời!D14: status: …`), all at once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assess.checklists.catalog import PLATFORMS, Catalog
from assess.checklists.loading import Inputs, load_inputs
from assess.core.errors import AssessError, InputError, Problem
from assess.core.files import read_regular
from assess.core.i18n import Lang
from assess.core.i18n.messages import Msg, msg, plain
from assess.core.i18n.questionnaire import SHEETS
from assess.documents import yamlsource
from assess.documents.scalars import UNKNOWN_WORDS as UNKNOWN
from assess.documents.scalars import parse_text
from assess.documents.yamlsource import format_path
from assess.workflows.questionnaire.layout import (
    ANSWER_COLUMNS,
    FIRST_ROW,
    LIST_SHEETS,
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_UNZIPPED_BYTES,
    MAX_XLSX_BYTES,
    OPTIONAL_SECTIONS,
    PROPOSAL_ROWS,
    RATIO_FLOOR,
    STATUS,
    TEXT_LISTS,
    Choice,
    Column,
    ListSheet,
    Located,
    cell_ref,
    normal,
)

_SHEET_ORDER = [SHEETS[k][0] for k in ("proposal", *(s.key for s in LIST_SHEETS), "answers")]
_MODEL_ORDER = ("id", "title", "submitted_by", "submitted_on", "checklist", "channel")


@dataclass(slots=True)
class Imported:
    """A proposal read from a workbook: its YAML text, validated, and what was left out."""

    text: str
    inputs: Inputs
    rowless: list[str] = field(default_factory=list)
    """Controls of the checklist with no row in the answers sheet: left unanswered."""


class _Reader:
    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.structural = False
        self.located = Located()
        self.answer_rows: dict[str, str] = {}
        """Control id → the cell of its id, for every row with an id."""
        self.spoilt: set[str] = set()
        """Cells that hold something but no value (a formula, an error value): already said."""

    def problem(self, where: str, column: str, message: Msg, *, structural: bool = False) -> None:
        self.problems.append(Problem(where, None, column, message))
        self.structural = self.structural or structural

    # -- cells ---------------------------------------------------------------------------------

    def raw(self, cell: Any, where: str, column: str) -> Any:
        """A cell's value, None when empty; a formula or an error value is a problem."""
        value = cell.value
        if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")
                                     and cell.data_type != "s"):
            self.problem(where, column, msg("questionnaire.formula", formula=str(value)[:40]))
            self.spoilt.add(where)
            return None
        if cell.data_type == "e":
            self.problem(where, column, msg("questionnaire.error_value", value=str(value)))
            self.spoilt.add(where)
            return None
        if isinstance(value, str):
            value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
            return value or None
        return value

    def value(self, col: Column | Any, cell: Any, where: str) -> Any:
        """The YAML value of `cell` in column `col`; None (and a problem) when it is not one."""
        value = self.raw(cell, where, col.key)
        if value is None:
            return None
        kind = col.kind
        if (getattr(col, "optional", False) and kind in ("int", "bool")
                and isinstance(value, str) and normal(value) in UNKNOWN):
            return None  # 'unknown' / 'chưa rõ': the field left out, as the YAML file reads it
        if kind in ("text", "fixed"):
            return _as_text(value)
        if kind == "int":
            return self._int(value, where, col.key)
        if kind == "date":
            return self._date(value, where, col.key)
        if kind in ("choice", "bool", "tag"):
            yes_no = kind in ("bool", "tag")
            if yes_no and isinstance(value, bool):
                return value
            choice: Choice = col.choice or STATUS
            got = choice.read(_as_text(value))
            if got is None:
                self.problem(where, col.key, _not_a_choice(_as_text(value), choice))
                return None
            return {"true": True, "false": False}.get(got, got) if yes_no else got
        if kind == "ids":
            return [p.strip() for p in re.split(r"[,;\n]", _as_text(value)) if p.strip()]
        if kind == "lines":
            return [p.strip() for p in _as_text(value).split("\n") if p.strip()]
        raise AssertionError(kind)  # pragma: no cover

    def _int(self, value: Any, where: str, column: str) -> int | None:
        if isinstance(value, str):  # typed by hand: read as the YAML file reads it
            number, problem = parse_text(value, int)
            if problem is not None:
                self.problem(where, column, problem)
                return None
            return int(number)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        self.problem(where, column, msg("questionnaire.int", value=plain(_as_text(value))))
        return None

    def _date(self, value: Any, where: str, column: str) -> dt.date | None:
        if isinstance(value, dt.datetime):
            if value.time() != dt.time(0):
                self.problem(where, column, msg("questionnaire.date_time",
                                                value=plain(value.isoformat(sep=" "))))
                return None
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            day, problem = parse_text(value, dt.date)
            if problem is not None:
                self.problem(where, column, problem)
                return None
            return day if isinstance(day, dt.date) else None
        self.problem(where, column, msg("questionnaire.date", value=plain(_as_text(value))))
        return None

    # -- sheets --------------------------------------------------------------------------------

    def merged(self, ws: Any) -> None:
        for rng in sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
            self.problem(cell_ref(ws.title, rng.min_col, rng.min_row), "",
                         msg("questionnaire.merged", cells=rng.coord), structural=True)

    def proposal_sheet(self, ws: Any, out: dict[str, Any]) -> None:
        by_key = {c.key: c for c in PROPOSAL_ROWS}
        seen: dict[str, str] = {}
        flat: dict[str, Any] = {}
        for row in ws.iter_rows(min_row=2, max_col=4):
            if len(row) < 4:
                continue
            key_cell, cell = row[2], row[3]
            key = key_cell.value
            if key is None or (isinstance(key, str) and not key.strip()):
                continue
            key = str(key).strip()
            where = cell_ref(ws.title, 4, cell.row)
            if key not in by_key:
                self.problem(cell_ref(ws.title, 3, cell.row), "", msg(
                    "questionnaire.unknown_field", key=plain(key),
                    expected=", ".join(by_key)), structural=True)
                continue
            if key in seen:
                self.problem(cell_ref(ws.title, 3, cell.row), "", msg(
                    "questionnaire.twice", key=plain(key), first=seen[key]), structural=True)
                continue
            seen[key] = where
            self.located.add(key, where, key)
            parent = key.rpartition(".")[0]
            if key.endswith(".vi"):
                self.located.add(parent, where, key)
            value = self.value(by_key[key], cell, where)
            if value is not None:
                flat[key] = value
        for key in seen:  # a whole section (submitted_by) points at its first row
            for section in _sections(key):
                self.located.add(section, seen[key], section)
        for dotted in TEXT_LISTS:  # line i of the English row translates line i of the other
            vi, en = flat.get(f"{dotted}.vi") or [], flat.get(f"{dotted}.en") or []
            if en and len(en) != len(vi):
                self.problem(seen[f"{dotted}.en"], f"{dotted}.en", msg(
                    "questionnaire.more_translations", en=len(en), vi=len(vi)))
        _sections_and_values(list(seen), flat, out)

    def header(self, ws: Any, known: dict[str, Any]) -> dict[int, Any]:
        """Column index → column spec, from the YAML names in row 3."""
        columns: dict[int, Any] = {}
        seen: dict[str, str] = {}
        for cell in next(ws.iter_rows(min_row=3, max_row=3), ()):
            key = cell.value
            if key is None or not str(key).strip():
                continue
            key = str(key).strip()
            where = cell_ref(ws.title, cell.column, 3)
            if key not in known:
                self.problem(where, "", msg("questionnaire.unknown_column", key=plain(key),
                                            expected=", ".join(known)), structural=True)
            elif key in seen:
                self.problem(where, "", msg("questionnaire.twice", key=plain(key),
                                            first=seen[key]), structural=True)
            else:
                seen[key] = where
                columns[cell.column] = known[key]
        return columns

    def list_sheet(self, ws: Any, sheet: ListSheet) -> list[dict[str, Any]]:
        columns = self.header(ws, {c.key: c for c in sheet.columns})
        items: list[dict[str, Any]] = []
        if not columns:
            return items
        width = max(columns)
        for row in ws.iter_rows(min_row=FIRST_ROW, max_col=width):
            cells = [(c, columns[c.column]) for c in row if c.column in columns]
            if all(_empty(c.value) for c, _ in cells):
                continue
            at = f"{sheet.key}[{len(items)}]"
            first = min(columns)
            self.located.add(at, cell_ref(ws.title, first, row[0].row), "")
            flat: dict[str, Any] = {}
            for cell, col in cells:
                where = cell_ref(ws.title, cell.column, cell.row)
                self.located.add(f"{at}.{col.key}", where, col.key)
                if col.kind == "tag":  # the item's tags: the first tag's cell
                    self.located.add(f"{at}.tags", where, col.key)
                if col.key.endswith(".vi"):
                    self.located.add(f"{at}.{col.key[:-3]}", where, col.key[:-3])
                value = self.value(col, cell, where)
                if value is not None and value != []:
                    flat[col.key] = value
            item: dict[str, Any] = {}
            for col in sheet.columns:  # the model's order, whatever the sheet's
                if col.kind == "tag":
                    if flat.get(col.key) is True:
                        item.setdefault("tags", []).append(col.tag)
                elif col.key in flat:
                    item[col.key] = flat[col.key]
            nested: dict[str, Any] = {}
            _nest(item, nested)
            items.append(nested)
        return items

    def answers_sheet(self, ws: Any) -> dict[str, Any]:
        known = {c.key: c for c in ANSWER_COLUMNS}
        columns = self.header(ws, known)
        index = {c.key: i for i, c in columns.items() if c.key in ("id", "status", "evidence",
                                                                     "note")}
        answers: dict[str, Any] = {}
        if "id" not in index:
            self.problem(f"{ws.title}!A3", "", msg("questionnaire.no_id_column"), structural=True)
            return answers
        seen: dict[str, str] = {}
        expected = ", ".join(STATUS.entries())
        for row in ws.iter_rows(min_row=FIRST_ROW, max_col=max(index.values())):
            cells = {key: row[i - 1] for key, i in index.items() if i - 1 < len(row)}
            r = row[0].row
            where = {key: cell_ref(ws.title, index[key], r) for key in index}
            raw = {key: self.raw(cell, where[key], key) for key, cell in cells.items()}
            cid = _as_text(raw["id"]) if raw.get("id") is not None else None
            answered = any(raw.get(k) is not None for k in ("status", "evidence", "note"))
            if cid is None:
                if answered and where["id"] not in self.spoilt:
                    self.problem(where["id"], "id", msg("questionnaire.no_id"))
                continue
            if cid in seen:
                self.problem(where["id"], "id", msg("questionnaire.twice", key=plain(cid),
                                                    first=seen[cid]))
                continue
            seen[cid] = where["id"]
            self.answer_rows[cid] = where["id"]
            if not answered:
                continue
            at = f"answers.{cid}"
            self.located.add(at, where["id"], "id")
            answer: dict[str, Any] = {}
            if "status" in index:
                self.located.add(f"{at}.status", where["status"], "status")
                if raw.get("status") is None and where["status"] in self.spoilt:
                    pass  # a formula or an error value: said once, at its cell
                elif raw.get("status") is None:
                    self.problem(where["status"], "status",
                                 msg("questionnaire.no_status", expected=expected))
                else:
                    status = self.value(STATUS_COLUMN, cells["status"], where["status"])
                    if status is not None:
                        answer["status"] = status
            if "evidence" in index and raw.get("evidence") is not None:
                self.located.add(f"{at}.evidence", where["evidence"], "evidence")
                answer["evidence"] = self.value(EVIDENCE_COLUMN, cells["evidence"],
                                                where["evidence"])
            if "note" in index and raw.get("note") is not None:
                self.located.add(f"{at}.note", where["note"], "note")
                answer["note"] = _as_text(raw["note"])
            answers[cid] = answer
        return answers


STATUS_COLUMN = Column("status", "choice", STATUS)
EVIDENCE_COLUMN = Column("evidence", "lines")


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _not_a_choice(text: str, choice: Choice) -> Msg:
    """'đạt' is not a status; did you mean 'met — Đạt'? — Vietnamese words, and words typed
    without diacritics, point at the YAML word they mean."""
    from assess.workflows.questionnaire.layout import normal, unaccented

    aliases = choice.aliases()
    hit = aliases.get(normal(text)) or aliases.get(unaccented(text))
    if hit is None:
        close = difflib.get_close_matches(unaccented(text), list(aliases), n=1, cutoff=0.75)
        hit = aliases[close[0]] if close else None
    hint = msg("questionnaire.did_you_mean", entry=choice.entry(hit)) if hit else plain("")
    return msg("questionnaire.choice", value=plain(text), hint=hint,
               expected=", ".join(choice.entries()))


def _sections(key: str) -> list[str]:
    """The mappings a proposal-sheet row's field sits in: 'submitted_by.contact.name' →
    submitted_by, submitted_by.contact; a text's language (title.vi) is no section of its own."""
    parts = key.split(".")[:-1]
    if key.endswith((".vi", ".en")):
        parts = parts[:-1]
    return [".".join(parts[:i + 1]) for i in range(len(parts))]


def _sections_and_values(keys: list[str], flat: dict[str, Any], out: dict[str, Any]) -> None:
    """The proposal sheet's values nested as the YAML holds them, in row order, with every
    section whose rows exist present even when all of them are blank: pydantic then names each
    missing field at its own row (submitted_by.contact.name), not the section that lacks it."""
    for key in keys:
        node = out
        *parents, last = key.split(".")
        sections = len(_sections(key))
        for p in parents[:sections]:
            node = node.setdefault(p, {})
        if key in flat:
            for p in parents[sections:]:
                node = node.setdefault(p, {})
            node[last] = flat[key]
    for dotted in OPTIONAL_SECTIONS:
        *parents, last = dotted.split(".")
        holder = _at(out, parents)
        if holder is not None and holder.get(last) == {}:
            del holder[last]
    for dotted in TEXT_LISTS:
        *parents, last = dotted.split(".")
        holder = _at(out, parents)
        if holder is not None and isinstance(holder.get(last), dict):
            holder[last] = _text_list(holder[last])
    _plain_texts(out)


def _at(node: dict[str, Any], path: list[str]) -> dict[str, Any] | None:
    for p in path:
        node = node.get(p)  # type: ignore[assignment]
        if not isinstance(node, dict):
            return None
    return node


def _text_list(rows: dict[str, Any]) -> list[Any]:
    """The Vietnamese and English rows of a list of texts zipped: line i translates line i; an
    English line equal to its Vietnamese one, or missing, is no translation."""
    vi, en = rows.get("vi") or [], rows.get("en") or []
    out: list[Any] = []
    for i, text in enumerate(vi):
        other = en[i] if i < len(en) else None
        out.append(text if other in (None, text) else dict(vi=text, en=other))
    return out


def _nest(flat: dict[str, Any], out: dict[str, Any]) -> None:
    """{'name.vi': a, 'name.en': b} → {'name': {'vi': a, 'en': b}}; a LocalText without English
    becomes the plain string the YAML would hold."""
    for key, value in flat.items():
        node = out
        *parents, last = key.split(".")
        for p in parents:
            node = node.setdefault(p, {})
        node[last] = value
    _plain_texts(out)


def _plain_texts(node: dict[str, Any]) -> None:
    for key, value in list(node.items()):
        if isinstance(value, dict):
            if set(value) == {"vi"}:
                node[key] = value["vi"]
            else:
                _plain_texts(value)


# -- the file, before openpyxl ---------------------------------------------------------------


def check_zip(raw: bytes, name: str) -> None:
    """Refuse what is not a plain .xlsx before any XML is parsed: not a zip, no workbook, macros,
    too many members, or members that decompress to far more than the file (a zip bomb)."""
    if name.lower().endswith((".xlsm", ".xltm", ".xlam")):
        raise InputError.single(name, msg("questionnaire.macro_suffix"))
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError.single(name, msg("questionnaire.not_zip")) from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise InputError.single(name, msg("questionnaire.members", n=len(infos),
                                              limit=MAX_MEMBERS))
        total = 0
        for info in infos:
            base = info.filename.rsplit("/", 1)[-1].lower()
            if base.startswith("vbaproject") or (base.endswith(".bin") and "vba" in base):
                raise InputError.single(name, msg("questionnaire.macro", member=info.filename))
            total += info.file_size
            ratio = info.file_size // max(info.compress_size, 1)
            if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
                raise InputError.single(name, msg(
                    "questionnaire.bomb_ratio", member=plain(info.filename), size=info.file_size,
                    ratio=ratio, limit=MAX_RATIO))
        if total > MAX_UNZIPPED_BYTES:
            raise InputError.single(name, msg("questionnaire.bomb_total", size=total,
                                              limit=MAX_UNZIPPED_BYTES))
        names = {i.filename for i in infos}
        if "xl/workbook.xml" not in names:
            raise InputError.single(name, msg("questionnaire.not_xlsx"))
        if "[Content_Types].xml" in names:
            types = zf.read("[Content_Types].xml")[:200_000]
            if b"macroEnabled" in types or b"vbaProject" in types:
                raise InputError.single(name, msg("questionnaire.macro",
                                                  member=plain("[Content_Types].xml")))


def _open(raw: bytes, name: str) -> Any:
    import warnings

    from openpyxl import load_workbook

    try:
        # openpyxl's warnings ("extension not supported") are not the user's, and 3.1.0 prints
        # the print titles it reads to standard output, where the YAML may be going
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(raw), data_only=False, keep_vba=False,
                                 keep_links=False)
    except Exception as exc:  # a corrupt member: openpyxl raises anything (KeyError, XML errors)
        detail = f"{type(exc).__name__}: {exc}"[:120]
        raise InputError.single(name, msg("questionnaire.unreadable", detail=plain(detail))
                                ) from None


# -- the whole import ------------------------------------------------------------------------


def read_proposal(raw: bytes, name: str) -> tuple[dict[str, Any], _Reader]:
    """The proposal data the workbook's cells hold, with where each value came from; problems
    so far (cells that are not what their column expects) on the reader."""
    check_zip(raw, name)
    wb = _open(raw, name)
    reader = _Reader(name)
    titles = list(wb.sheetnames)
    expected = [SHEETS[k][0] for k in ("proposal", *(s.key for s in LIST_SHEETS), "answers")]
    strangers = [t for t in titles if t not in expected and t not in (
        SHEETS["guide"][0], SHEETS["lists"][0])]
    for title in expected:
        if title not in titles:
            found = msg("questionnaire.sheet_found", names=", ".join(strangers)) if strangers \
                else plain("")
            reader.problem(name, "", msg("questionnaire.sheet_missing", sheet=plain(title),
                                         sheets=", ".join(expected), found=found),
                           structural=True)
    for title in expected:
        if title in titles:
            reader.merged(wb[title])
    data: dict[str, Any] = {"kind": "proposal", "schema_version": 1}
    head: dict[str, Any] = {}
    if SHEETS["proposal"][0] in titles:
        reader.proposal_sheet(wb[SHEETS["proposal"][0]], head)
    for key in _MODEL_ORDER:
        if key in head:
            data[key] = head[key]
    for sheet in LIST_SHEETS:
        if sheet.title in titles:
            items = reader.list_sheet(wb[sheet.title], sheet)
            if items:
                data[sheet.key] = items
    if SHEETS["answers"][0] in titles:
        answers = reader.answers_sheet(wb[SHEETS["answers"][0]])
        if answers:
            data["answers"] = answers
    return data, reader


def proposal_yaml(data: dict[str, Any], workbook: str, lang: Lang | None = None) -> str:
    """The proposal YAML, headed by a comment in `lang` (the command's language by default)."""
    name = "".join(c if c.isprintable() else "?" for c in Path(workbook).name)
    said = msg("questionnaire.yaml_header", file=plain(name)).render(lang)
    head = "".join(f"# {line}\n" for line in said.split("\n"))
    return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100,
                                 default_flow_style=False)


_LACKS = {"ref.no_operator": "operator", "ref.no_operator_country": "operator_country"}
"""Reference problems said of a mapping (the channel) about the one field it lacks."""


def _relocate(p: Problem, reader: _Reader, source: yamlsource.Source | None) -> Problem:
    """A problem of the YAML the cells made, pointed at the cell it came from: a field's own
    cell (a missing field's too), else the nearest cell holding it (a row, a list's cell)."""
    path = p.field
    params = dict(p.message.params) if isinstance(p.message, Msg) else {}
    missing = params.get("field") if p.message.key in ("pyd.missing", "pyd.missing_described") \
        else _LACKS.get(p.message.key)
    if missing is not None:  # said of the mapping that lacks it: point at the field's own cell
        path = f"{path}.{missing}" if path else str(missing)
    elif not path and p.line is not None and source is not None:
        at_line = [k for k, line in source.lines.items() if line == p.line]
        if at_line:
            path = format_path(max(at_line, key=len))
    cells = reader.located.cells
    if path in cells:
        cell, column = cells[path]
        return Problem(cell, None, column, p.message)
    inside = next((k for k in cells if k.startswith(f"{path}.")), None) if path else None
    if inside is not None:  # a mapping left out: its first field's row
        cell, column = cells[inside]
        return Problem(cell, None, column, p.message)
    probe = _parent(path)
    while probe:
        if probe in cells:
            cell, column = cells[probe]
            rest = path[len(probe):]
            if not column:  # a list sheet's row: the field within its item
                return Problem(cell, None, rest.lstrip("."), p.message)
            own = probe == column or probe.endswith(f".{column}")
            # the field's own cell (evidence[1] of evidence): its name and the rest; a cell
            # standing for another field: the whole path, never glued onto that field's name
            return Problem(cell, None, f"{column}{rest}" if own else path, p.message)
        probe = _parent(probe)
    sheet = _sheet_of(path)
    return Problem(sheet or reader.name, None, path, p.message)


def _parent(path: str) -> str:
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


def _sheet_of(path: str) -> str | None:
    top = re.split(r"[.\[]", path, maxsplit=1)[0] if path else ""
    if top in {s.key for s in LIST_SHEETS}:
        return SHEETS[top][0]
    if top == "answers":
        return SHEETS["answers"][0]
    if top:
        return SHEETS["proposal"][0]
    return None


def _order(p: Problem) -> tuple[int, int, int, str]:
    m = re.fullmatch(r"(.+)!([A-Z]+)(\d+)", p.file)
    if not m:
        return (-1 if p.file not in _SHEET_ORDER else _SHEET_ORDER.index(p.file), 0, 0, p.field)
    sheet, col, row = m.groups()
    from openpyxl.utils import column_index_from_string

    index = _SHEET_ORDER.index(sheet) if sheet in _SHEET_ORDER else len(_SHEET_ORDER)
    return (index, int(row), column_index_from_string(col), p.field)


def _raw_references(data: dict[str, Any]) -> list[Problem]:
    """The channel's operator, checked from the cells' data as the references check does: when
    the schema fails elsewhere (a blank workbook) it is said in the same run, at its row."""
    channel = data.get("channel")
    if not isinstance(channel, dict) or channel.get("platform") is not None:
        return []
    if channel.get("operator") is None:
        return [Problem("", None, "channel", msg("ref.no_operator"))]
    if channel.get("operator_country") is None and not data.get("operators"):
        return [Problem("", None, "channel", msg("ref.no_operator_country"))]
    return []


def import_workbook(path: Path | str, *, catalog: Catalog | None = None,
                    platforms: Catalog | None = None, output_name: str = "proposal.yaml",
                    raw: bytes | None = None) -> Imported:
    """Read, check and validate a questionnaire workbook; raises InputError with every problem
    located at its cell, and returns the proposal YAML only when nothing is wrong. `raw`: the
    workbook's bytes already in hand (an upload), `path` then only names it in messages."""
    name = str(path)
    if raw is None:
        raw = read_regular(path, MAX_XLSX_BYTES)
    data, reader = read_proposal(raw, name)
    if reader.structural:
        raise InputError(sorted(reader.problems, key=_order))
    text = proposal_yaml(data, name)
    source = yamlsource.parse(text.encode("utf-8"), output_name)
    problems = list(reader.problems)
    taken = {p.file for p in problems}
    inputs: Inputs | None = None
    try:
        inputs = load_inputs(source, catalog or Catalog(),
                             platforms=platforms or Catalog(shelf=PLATFORMS))
    except InputError as exc:
        for p in exc.problems:
            moved = _relocate(p, reader, source)
            if moved.file not in taken:
                problems.append(moved)
    except AssessError as exc:
        problems.append(Problem(name, None, "", exc.message))
    said = {p.message.key for p in problems}
    for p in _raw_references(data):  # what the schema's failure kept unchecked
        if p.message.key not in said:
            moved = _relocate(p, reader, source)
            if moved.file not in taken:
                problems.append(moved)
    if inputs is not None:
        cl = inputs.checklist.doc
        known = {c.id for c in cl.controls()}
        for cid, where in reader.answer_rows.items():
            if cid not in known and where not in taken and not any(
                    p.file == where for p in problems):
                problems.append(Problem(where, None, "id", msg(
                    "questionnaire.unknown_control", id=plain(cid), checklist=cl.ref)))
    if problems or inputs is None:
        raise InputError(sorted(problems, key=_order))
    order = {c.id: i for i, c in enumerate(inputs.checklist.doc.controls())}
    answers = data.get("answers", {})
    ranked = dict(sorted(answers.items(), key=lambda kv: order.get(kv[0], len(order))))
    if list(ranked) != list(answers):  # a sorted sheet: the YAML keeps the checklist's order
        data["answers"] = ranked
        text = proposal_yaml(data, name)
        inputs = load_inputs(yamlsource.parse(text.encode("utf-8"), output_name),
                             catalog or Catalog(), platforms=platforms or Catalog(shelf=PLATFORMS))
    rowless = [c.id for c in inputs.checklist.doc.controls() if c.id not in reader.answer_rows]
    return Imported(text, inputs, rowless)


__all__ = ["Imported", "check_zip", "import_workbook", "proposal_yaml", "read_proposal"]
