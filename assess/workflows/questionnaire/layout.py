"""The workbook's shape, shared by export and import: sheets, columns, value kinds, choices.

A list sheet (services, data, zones, …) has three header rows — the field's name in Vietnamese,
in English, and its YAML name — and one item per row below them. Import maps columns by the YAML
name row and rows by content (an empty row is skipped), never by position. The proposal sheet
holds one field per row, mapped by its YAML name in column C. The answers sheet is a list sheet
whose rows are matched by the control id in its hidden column A.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from assess.core.i18n import WORDS
from assess.core.i18n.questionnaire import ALIASES, CHOICES, FIELDS, SHEETS
from assess.core.text import folded
from assess.core.text import unaccented as strip_marks
from assess.documents.models.common import AUTHORITIES
from assess.documents.models.proposal import DATA_TAGS

Kind = Literal["text", "int", "bool", "choice", "date", "ids", "lines", "fixed", "tag"]
"""How a cell's value becomes a YAML value: text as written; a whole number; true/false; one of
a list's words; a date (YYYY-MM-DD); ids separated by commas; one entry per line; a value export
writes and the user must not change (kept locked); true/false for one tag of the item's `tags`
(true: the item has it)."""

FORMAT = "assess-questionnaire/1"
"""Written in the hidden lists sheet: which layout the workbook has."""

HEADER_ROWS = 3
FIRST_ROW = HEADER_ROWS + 1
BLANK_ROWS = 100
"""Empty, unlocked rows export leaves below a list sheet's items, for more to be written."""

MAX_XLSX_BYTES = 20 * 1024 * 1024
"""The largest workbook import reads; refused before it is parsed."""
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
"""The most a workbook's members may decompress to, all together (a zip bomb's mark)."""
MAX_RATIO = 200
"""The highest compression ratio a member over `RATIO_FLOOR` bytes may have."""
RATIO_FLOOR = 1024 * 1024
MAX_MEMBERS = 2000


@dataclass(frozen=True, slots=True)
class Choice:
    """A dropdown: its YAML words and, shown beside each, the Vietnamese word."""

    key: str
    values: tuple[str, ...]

    def word(self, value: str) -> tuple[str, str]:
        key = {"data_class": f"class.{value}", "trust": f"trust.{value}"}.get(self.key, value)
        if self.key in ("status", "data_class", "trust") and key in WORDS:
            return WORDS[key]
        return CHOICES[value]

    def entry(self, value: str) -> str:
        """What the dropdown shows and export writes: 'met — Đạt'."""
        return f"{value} — {self.word(value)[0]}"

    def entries(self) -> list[str]:
        return [self.entry(v) for v in self.values]

    def read(self, text: str) -> str | None:
        """The YAML word a cell holds: the word itself or a dropdown entry, any case; None for
        anything else."""
        norm = normal(text)
        for v in self.values:
            if norm in (normal(v), normal(self.entry(v))):
                return v
        return None

    def aliases(self) -> dict[str, str]:
        """What a person may type for each value (Vietnamese words, without diacritics too):
        only to suggest the right word."""
        out: dict[str, str] = {}
        for v in self.values:
            vi, en = self.word(v)
            for alias in (*ALIASES.get(v, ()), vi, en, v.replace("-", " ")):
                out.setdefault(normal(alias), v)
                out.setdefault(unaccented(alias), v)
        return out


def normal(text: str) -> str:
    """Compared as a person means it: NFC, case-folded, spaces collapsed, dashes as hyphens."""
    return folded(text.replace("–", "—"))


def unaccented(text: str) -> str:
    """'không đạt' → 'khong dat': what is typed on a keyboard without Vietnamese input."""
    return strip_marks(normal(text))


STATUS = Choice("status", ("met", "partial", "not-met", "not-applicable", "unknown"))
DATA_CLASS = Choice("data_class", ("public", "internal", "personal", "sensitive-personal"))
TRUST = Choice("trust", ("government", "third-party", "untrusted"))
NODE_KIND = Choice("node_kind", ("actor", "process", "datastore", "external"))
ENCRYPTION = Choice("encryption", ("none", "tls", "e2e", "unknown"))
AT_REST = Choice("at_rest", ("yes", "no", "unknown"))
BOOL = Choice("bool", ("true", "false"))
CHANNEL_KIND = Choice("channel_kind", ("official-account", "social-page", "chat-bot",
                                       "mini-app", "saas-form", "other"))
AUTHORITY = Choice("authority", AUTHORITIES)
CHOICE_LISTS = (STATUS, DATA_CLASS, TRUST, NODE_KIND, ENCRYPTION, AT_REST, BOOL, CHANNEL_KIND,
                AUTHORITY)


@dataclass(frozen=True, slots=True)
class Column:
    """One field of an item: its YAML name (dotted inside the item), how its cell is read."""

    key: str
    kind: Kind = "text"
    choice: Choice | None = None
    width: float = 22
    label: str | None = None
    """The key of its header in `FIELDS` when it is not `key`."""
    optional: bool = False
    """The field may be left out (None): a number or yes/no cell then also takes 'unknown' /
    'chưa rõ', read as the YAML file reads it (the field left out)."""

    @property
    def header(self) -> tuple[str, str]:
        return FIELDS[self.label or self.key]

    @property
    def field(self) -> str:
        """The item's field the column fills: its key, or `tags` for a tag's column."""
        return "tags" if self.kind == "tag" else self.key

    @property
    def tag(self) -> str:
        """A tag column's tag: 'tags.identity-document-image' → identity-document-image."""
        return self.key.partition(".")[2]


def _text(key: str, width: float = 22) -> Column:
    return Column(key, "text", width=width)


def _local(key: str, width: float = 30) -> tuple[Column, Column]:
    return Column(f"{key}.vi", width=width), Column(f"{key}.en", width=width)


def _choice(key: str, choice: Choice, width: float = 22, *, optional: bool = False) -> Column:
    return Column(key, "bool" if choice is BOOL else "choice", choice, width, optional=optional)


@dataclass(frozen=True, slots=True)
class ListSheet:
    """A sheet of items: the proposal's list `key`, one item per row."""

    key: str
    columns: tuple[Column, ...]

    @property
    def title(self) -> str:
        return SHEETS[self.key][0]


PROPOSAL_ROWS: tuple[Column, ...] = (
    _text("id"), *_local("title"), *_local("submitted_by.organization"),
    *_local("submitted_by.unit"), _text("submitted_by.contact.name"),
    _text("submitted_by.contact.email"), _text("submitted_by.contact.phone"),
    _text("submitted_by.place"), _text("submitted_by.symbol"), _text("submitted_by.number"),
    _text("submitted_by.signer.name"), *_local("submitted_by.signer.position"),
    _choice("submitted_by.signer.authority", AUTHORITY, optional=True),
    *_local("submitted_by.signer.head"), Column("submitted_by.recipients.vi", "lines", width=40),
    Column("submitted_by.recipients.en", "lines", width=40),
    _text("submitted_by.drafting_unit"), Column("submitted_on", "date"),
    Column("checklist", "fixed"),
    *_local("channel.name"), _text("channel.platform"), _text("channel.operator"),
    _text("channel.operator_country"), _choice("channel.kind", CHANNEL_KIND),
    _choice("channel.exclusive", BOOL), _text("channel.url"),
)
"""The proposal sheet's rows, in the order of the proposal's fields."""

OPTIONAL_SECTIONS = frozenset({"submitted_by.signer"})
"""Sections the proposal may leave out: all their rows blank, the section is not written."""
TEXT_LISTS = frozenset({"submitted_by.recipients"})
"""Lists of texts, one per line, in a Vietnamese and an English row: line i of the English row
translates line i of the Vietnamese one (the same text there: no translation)."""

LIST_SHEETS: tuple[ListSheet, ...] = (
    ListSheet("operators", (_text("id", 18), _text("name", 36), _text("country", 14))),
    ListSheet("services", (_text("id", 18), *_local("name"), *_local("description", 40),
                           Column("data", "ids", width=26),
                           _choice("reaches_province_systems", BOOL, 18))),
    ListSheet("data_subjects", (*_local("category", 40), Column("count", "int", width=16))),
    ListSheet("data", (_text("id", 18), *_local("name"), _choice("class", DATA_CLASS, 26),
                       *_local("description", 40),
                       *(Column(f"tags.{tag}", "tag", BOOL, 24) for tag in DATA_TAGS))),
    ListSheet("zones", (_text("id", 18), *_local("name"), _text("country", 14),
                        _text("operator", 20), _choice("trust", TRUST, 22))),
    ListSheet("nodes", (_text("id", 18), *_local("name"), _choice("kind", NODE_KIND, 22),
                        _text("zone", 16), Column("stores", "ids", width=26),
                        _choice("encrypted_at_rest", AT_REST, 18),
                        Column("retention_days", "int", width=14, optional=True),
                        _choice("retains", BOOL, 16, optional=True),
                        Column("evidence", "lines", width=40))),
    ListSheet("flows", (_text("from", 16), _text("to", 16),
                        Column("data", "ids", width=26, label="flow_data"),
                        _choice("encryption", ENCRYPTION, 22),
                        _choice("authenticated", BOOL, 16), *_local("purpose", 36))),
)
"""The list sheets, in the order of the proposal's fields."""


@dataclass(frozen=True, slots=True)
class AnswerColumn:
    """A column of the answers sheet: only `id`, `status`, `evidence` and `note` are read."""

    key: str
    width: float
    editable: bool = False
    kind: Kind = "text"
    choice: Choice | None = None

    @property
    def header(self) -> tuple[str, str]:
        return FIELDS[self.key]


ANSWER_COLUMNS: tuple[AnswerColumn, ...] = (
    AnswerColumn("id", 10),
    AnswerColumn("control", 22),
    AnswerColumn("question", 50),
    AnswerColumn("status", 22, True, "choice", STATUS),
    AnswerColumn("evidence", 36, True, "lines"),
    AnswerColumn("note", 32, True),
    AnswerColumn("guidance", 46),
    AnswerColumn("expected", 34),
    AnswerColumn("legal_basis", 36),
    AnswerColumn("severity", 20),
)
"""The answers sheet's columns; the id column (A) is hidden and locked."""

READ_ANSWER_KEYS = ("id", "status", "evidence", "note")

SHEET_ORDER: tuple[str, ...] = ("guide", "proposal", *(s.key for s in LIST_SHEETS), "answers",
                                "lists")


@dataclass(slots=True)
class Located:
    """Where each YAML value of an imported proposal came from: path → (cell, column name)."""

    cells: dict[str, tuple[str, str]] = field(default_factory=dict)

    def add(self, path: str, cell: str, name: str) -> None:
        self.cells.setdefault(path, (cell, name))


def cell_ref(sheet: str, column: int, row: int) -> str:
    """'Trả lời!D14' — where a value sits, as a spreadsheet user reads it."""
    from openpyxl.utils import get_column_letter

    return f"{sheet}!{get_column_letter(column)}{row}"


__all__ = ["ANSWER_COLUMNS", "CHOICE_LISTS", "FIRST_ROW", "FORMAT", "HEADER_ROWS",
           "LIST_SHEETS", "MAX_XLSX_BYTES", "PROPOSAL_ROWS", "STATUS", "Choice", "Column",
           "ListSheet", "Located", "cell_ref", "normal", "unaccented"]
