"""Typography of every rendered text (issue 14): what a ministry official reads, checked on every
example in both languages — the report's HTML, its WeasyPrint layout and the terminal output.

- no English status word or internal key (`kind_…`, `ck_…`, `class.…`, snake_case) in
  Vietnamese text, and no internal key in English text;
- no node, data or zone id used as prose where the proposal gives it a name;
- Vietnamese numbers written the Vietnamese way (decimal comma: 45,6, never 45.6);
- no text running out of its table cell, measured on the laid-out boxes, not by eye.

Each example is assessed, rendered and laid out once (module-scoped caches), then shared by
every check.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from assess.core.i18n import Lang
from tests.conftest import EXAMPLES

CASES: dict[str, tuple[str, str | None]] = {
    p.stem: (p.name, None) for p in sorted(EXAMPLES.glob("*.yaml"))
    if not p.name.endswith(".review.yaml")}
CASES["bac-giang-zalo-2019+review"] = ("bac-giang-zalo-2019.yaml",
                                      "bac-giang-zalo-2019.review.yaml")
PARAMS = [(case, lang) for case in CASES for lang in ("vi", "en")]
IDS = [f"{case}-{lang}" for case, lang in PARAMS]

STATUS_WORDS = ("met", "not-met", "partial", "unknown", "not-applicable", "approve",
                "conditional", "reject", "critical", "high", "medium", "low", "declared-na",
                "to-confirm", "confirmed", "government", "third-party", "untrusted",
                "sensitive-personal", "official-account")
_STATUS = re.compile(r"(?<![\w@/.-])(?:" + "|".join(
    re.escape(s) for s in sorted(STATUS_WORDS, key=len, reverse=True)) + r")(?![\w@/-])")
_KEY = re.compile(r"(?<![\w-])(?:(?:kind|ck|enc|s)_[a-z][\w-]*|(?:class|trust|doc|certainty|"
                  r"country|kind|review|reassess|path|channel|finding)\.[a-z][\w-]*|"
                  r"[a-z]+_[a-z][a-z_]*)(?![\w-])")
"""A word table's key or a field's name: kind_rule, ck_chat-bot, class.personal,
channel.kind, operator_country."""
_VI_DECIMAL = re.compile(r"(?<![\d.,/:-])\d+\.\d{1,2}(?![\d.])")
"""A decimal point in a number: 45.6, 1.5 — not a version (1.0.0), a grouped count (150.000),
a date (15.11.2019) or part of a document number."""
_TOKEN = re.compile(r"[\w-]+")

# Elements whose text is an id by design: id columns, a finding's id, hashes, the document's
# metadata, the SVG of the data-flow diagram (which labels each node with its id under its name).
_ID_CLASSES = frozenset({"id", "f-id", "hash"})
_SKIP_TAGS = frozenset({"style", "script", "head", "title"})


@dataclass(frozen=True, slots=True)
class Piece:
    """One run of text in the report and where it sits."""

    text: str
    ids_ok: bool
    """In an id column (or the diagram): ids are what it prints."""
    where: str


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, set[str]]] = []
        self.pieces: list[Piece] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "img", "meta", "link", "hr", "col", "input"):
            return
        classes = set((dict(attrs).get("class") or "").split())
        self.stack.append((tag, classes))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if not text or any(tag in _SKIP_TAGS for tag, _ in self.stack):
            return
        ids_ok = any(c & _ID_CLASSES or (tag == "figure" and "diagram" in c)
                     for tag, c in self.stack)
        where = "/".join(tag + "".join("." + k for k in sorted(c)) for tag, c in self.stack[-3:])
        self.pieces.append(Piece(text, ids_ok, where))


@dataclass
class Rendered:
    case: str
    lang: Lang
    assessment: Any
    html: str
    pieces: list[Piece]
    terminal: str
    ids: frozenset[str]
    """Node, data and zone ids of the (joined) proposal."""
    own_words: frozenset[str]
    """Words of the inputs' own prose: an id that is also a word the province wrote is not a
    leak ('Zalo')."""


def _prose_words(doc: Any, lang: Lang) -> Iterator[str]:
    """Words of the free texts of a loaded YAML document (not of its ids and references)."""
    refs = {"id", "from", "to", "zone", "data", "stores", "operator", "platform", "checklist",
            "proposal", "control", "kind", "class", "trust", "encryption", "status", "country",
            "sha256", "overrides", "answers", "services"}
    if isinstance(doc, dict):
        for key, value in doc.items():
            if key in refs and not isinstance(value, dict):
                continue
            if key in ("vi", "en") and key != lang:
                continue
            yield from _prose_words(value, lang)
    elif isinstance(doc, list):
        for value in doc:
            yield from _prose_words(value, lang)
    elif isinstance(doc, str):
        yield from _TOKEN.findall(doc)


@functools.cache
def rendered(case: str, lang: Lang) -> Rendered:
    from rich.console import Console

    from assess.outputs.report import render_html
    from assess.outputs.terminal.assessment import render
    from assess.workflows.pipeline import assess_files

    proposal, review = CASES[case]
    a = assess_files(EXAMPLES / proposal, review=EXAMPLES / review if review else None)
    html = render_html(a, lang)
    parser = _Texts()
    parser.feed(html)
    out = io.StringIO()
    Console(file=out, width=200, color_system=None, markup=False, emoji=False,
            highlight=False).print(render(a, lang))
    ids = {n.id for n in a.scope.nodes} | {d.id for d in a.scope.data} | \
        {z.id for z in a.scope.zones}
    words: set[str] = set()
    for path in (EXAMPLES / proposal, *([EXAMPLES / review] if review else [])):
        words.update(_prose_words(yaml.safe_load(Path(path).read_text(encoding="utf-8")), lang))
    for c in a.controls:  # the checklist's own prose: 'phone number' in a legal note
        texts = [c.title, c.requirement, c.evidence_expected, c.remediation]
        texts += [t for lb in c.legal_basis for t in (lb.document, lb.note)]
        for text in texts:
            if text is not None:
                words.update(_TOKEN.findall(text.get(lang)))
    return Rendered(case, lang, a, html, parser.pieces, out.getvalue(), frozenset(ids),
                    frozenset(words))


@functools.cache
def layout(case: str, lang: Lang) -> Any:
    """The report laid out by WeasyPrint, as the PDF will be (the same HTML, fetcher, fonts)."""
    from weasyprint import HTML

    from assess.outputs.report.pdf import TemplateFetcher

    fetcher = TemplateFetcher()
    return HTML(string=rendered(case, lang).html, base_url=fetcher.root.as_uri() + "/",
                url_fetcher=fetcher).render()


def _texts(r: Rendered) -> Iterator[tuple[str, str]]:
    """Every text a reader sees: the report's pieces and the terminal's lines, with a place."""
    for p in r.pieces:
        yield p.where, p.text
    for i, line in enumerate(r.terminal.splitlines(), 1):
        yield f"terminal:{i}", line


def _report(problems: list[str], what: str) -> None:
    if problems:
        shown = "\n".join(problems[:40])
        more = f"\n… and {len(problems) - 40} more" if len(problems) > 40 else ""
        pytest.fail(f"{len(problems)} {what}:\n{shown}{more}")


@pytest.mark.parametrize(("case", "lang"), PARAMS, ids=IDS)
def test_no_status_token_or_internal_key(case: str, lang: Lang) -> None:
    """Vietnamese text says 'Đạt', never 'met'; no text in either language shows a table's key."""
    r = rendered(case, lang)
    problems = []
    for where, text in _texts(r):
        if lang == "vi":
            for m in _STATUS.finditer(text):
                if m.group() not in r.own_words:
                    problems.append(f"{where}: English word {m.group()!r} in: {text[:160]}")
        for m in _KEY.finditer(text):
            if m.group() not in r.own_words:
                problems.append(f"{where}: internal key {m.group()!r} in: {text[:160]}")
    _report(problems, "status tokens or keys")


def _prose_ids(r: Rendered, texts: Iterator[tuple[str, str]]) -> list[str]:
    problems = []
    for where, text in texts:
        for token in _TOKEN.findall(text):
            if token in r.ids and token not in r.own_words:
                problems.append(f"{where}: id {token!r} as prose in: {text[:160]}")
    return problems


@pytest.mark.parametrize(("case", "lang"), PARAMS, ids=IDS)
def test_names_not_ids(case: str, lang: Lang) -> None:
    """A node, a data item or a zone is called by its name in prose; its id appears only in an
    id column (and on the diagram, under its name). The terminal's and the JSON's texts are the
    assessment's own: its findings, reasons and facts."""
    r = rendered(case, lang)
    a = r.assessment
    report = ((p.where, p.text) for p in r.pieces if not p.ids_ok)
    own: list[tuple[str, str]] = [(f"finding {f.id}", f.message.get(lang)) for f in a.findings]
    own += [("verdict reason", v.text.get(lang)) for v in a.verdict_reasons]
    own.append(("impact because", a.risk.impact_because.get(lang)))
    _report(_prose_ids(r, report) + _prose_ids(r, iter(own)), "ids used as prose")


@pytest.mark.parametrize(("case", "lang"), [p for p in PARAMS if p[1] == "vi"],
                         ids=[i for i, p in zip(IDS, PARAMS, strict=True) if p[1] == "vi"])
def test_vietnamese_numbers(case: str, lang: Lang) -> None:
    """45,6/100 and 150.000 — a decimal comma beside the thousands dot, everywhere."""
    r = rendered(case, lang)
    problems = [f"{where}: decimal point {m.group()!r} in: {text[:160]}"
                for where, text in _texts(r) for m in _VI_DECIMAL.finditer(text)]
    _report(problems, "decimal points in Vietnamese numbers")


PT = 0.75
"""Points per CSS pixel (WeasyPrint lays out in CSS pixels)."""
TOLERANCE = 0.5 / PT


def _walk(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", ()):
        yield from _walk(child)


def overflowing(document: Any) -> list[str]:
    """Every text box that lies outside the content box of the table cell holding it."""
    from weasyprint.formatting_structure import boxes

    problems = []
    for number, page in enumerate(document.pages, 1):
        for cell in _walk(page._page_box):
            if not isinstance(cell, boxes.TableCellBox):
                continue
            left = cell.content_box_x()
            right = left + cell.width
            for box in _walk(cell):
                if not isinstance(box, boxes.TextBox) or not box.text.strip():
                    continue
                if box.position_x < left - TOLERANCE or \
                        box.position_x + box.width > right + TOLERANCE:
                    over = max(left - box.position_x, box.position_x + box.width - right)
                    problems.append(f"page {number}: {box.text!r} runs {over * PT:.1f} pt "
                                    f"out of its cell ({cell.width * PT:.1f} pt wide)")
    return problems


@pytest.mark.parametrize(("case", "lang"), PARAMS, ids=IDS)
def test_no_text_overflows_its_cell(case: str, lang: Lang) -> None:
    """Every line of every table cell lies within the cell's content box (± 0.5 pt)."""
    _report(overflowing(layout(case, lang)), "text boxes out of their table cell")


def test_the_overflow_check_can_fail() -> None:
    """A word wider than its cell, with breaking turned off, is found by the same walk."""
    from weasyprint import HTML

    html = ('<table style="table-layout: fixed; width: 100pt"><tr>'
            '<td style="width: 30pt; white-space: nowrap">unbreakable-identifier-here</td>'
            '<td>next</td></tr></table>')
    found = overflowing(HTML(string=html).render())
    assert found and "unbreakable-identifier-here" in found[0]


def test_every_kind_of_finding_channel_class_and_trust_has_a_word() -> None:
    """The report looks words up by key ('kind_' + a finding's kind, 'ck_' + a channel kind,
    'class.' + a data class): a key without a word would be printed as the key itself."""
    from typing import get_args

    from assess.core.i18n.report import w
    from assess.documents.models import DataClass
    from assess.documents.models.proposal import Channel, Zone
    from assess.engine.result import FindingKind

    keys = ["kind_" + k for k in get_args(FindingKind)]
    keys += ["ck_" + k for k in get_args(Channel.model_fields["kind"].annotation)]
    keys += ["class." + c.value for c in DataClass]
    keys += ["trust." + k for k in get_args(Zone.model_fields["trust"].annotation)]
    for lang in ("vi", "en"):
        missing = [k for k in keys if w(k, lang) == k]
        assert not missing, (lang, missing)


@pytest.mark.parametrize(("article", "vi", "en"), [
    ("20(6)(a)", "điểm a khoản 6 Điều 20 Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15",
     "Article 20(6)(a) of the Law on Personal Data Protection (No. 91/2025/QH15)"),
    ("12(4)", "khoản 4 Điều 12 Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15",
     "Article 12(4) of the Law on Personal Data Protection (No. 91/2025/QH15)"),
    ("12", "Điều 12 Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15",
     "Article 12 of the Law on Personal Data Protection (No. 91/2025/QH15)"),
    ("17–18", "Điều 17 và Điều 18 Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15",
     "Articles 17–18 of the Law on Personal Data Protection (No. 91/2025/QH15)"),
    ("7–11", "từ Điều 7 đến Điều 11 Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15",
     "Articles 7–11 of the Law on Personal Data Protection (No. 91/2025/QH15)"),
    (None, "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15",
     "Law on Personal Data Protection (No. 91/2025/QH15)"),
])
def test_citations_read_from_the_smallest_unit_up(article: str | None, vi: str, en: str) -> None:
    """Vietnamese legal drafting cites 'điểm a khoản 6 Điều 20 Luật … số 91/2025/QH15'; the
    number never breaks across lines (word joiners, which the reader never sees)."""
    from assess.documents.models import LegalBasis, Text
    from assess.outputs.report.fmt import citation

    lb = LegalBasis(document=Text(vi="Luật Bảo vệ dữ liệu cá nhân",
                                  en="Law on Personal Data Protection"),
                    number="91/2025/QH15", article=article, status="confirmed")
    assert citation(lb, "vi").text.replace("\u2060", "") == vi
    assert citation(lb, "en").text.replace("\u2060", "") == en
    assert "/\u20602025/\u2060QH15" in citation(lb, "vi").text


def test_a_decree_number_keeps_its_symbol_and_never_breaks() -> None:
    from assess.documents.models import LegalBasis, Text
    from assess.outputs.report.fmt import citation

    lb = LegalBasis(document=Text(vi="Nghị định hướng dẫn", en="Decree guiding"),
                    number="356/2025/NĐ-CP", article="12(4)", status="confirmed")
    vi, en = citation(lb, "vi").text, citation(lb, "en").text
    # a decree is cited by its kind and number, its subject after: the number is never read as
    # the number of a law its title names
    assert vi == "khoản 4 Điều 12 Nghị định số 356/\u20602025/\u2060NĐ-\u2060CP hướng dẫn"
    assert en.replace("\u2060", "") == "Article 12(4) of the Decree guiding (No. 356/2025/ND-CP)"


@pytest.mark.parametrize(("x", "spec", "vi", "en"), [
    (45.6, ".1f", "45,6", "45.6"), (150000, ",", "150.000", "150,000"),
    (1.5, "g", "1,5", "1.5"), (21000.5, ",.1f", "21.000,5", "21,000.5"),
    (0.05, ".1f", "0,1", "0.1"), (85, "g", "85", "85"), (-1.25, ".1f", "-1,2", "-1.2")])
def test_numbers_as_each_language_writes_them(x: float, spec: str, vi: str, en: str) -> None:
    """Babel's marks, Python's rounding (the same digits as before: 0.05 → 0,1)."""
    from assess.core.i18n import decimal

    assert (decimal(x, "vi", spec), decimal(x, "en", spec)) == (vi, en)


def test_domain_labels_wrap_instead_of_being_cut() -> None:
    """A long domain title is drawn whole on two lines, never cut with '…'."""
    from assess.outputs.report import charts

    title = "CON — Tính liên tục và bao trùm của dịch vụ công trực tuyến"
    svg = charts.domain_bars([charts.Bar(title, 50.0, "50,0")],
                             [charts.Threshold(85, "ngưỡng", "85")], "t")
    assert "…" not in svg and svg.count("<tspan") >= 2
    lines = charts.wrap(title, 188, 11)
    assert " ".join(lines) == title and all(charts.text_width(x, 11) <= 188 for x in lines)
