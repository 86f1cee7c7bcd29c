"""Findings grouped: one per rule and control, listing every place the rule fails; the report
prints each once with its paths, says 'good practice' where a control cites no law, and marks a
citation to confirm with * and one note in Annex II."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from markupsafe import escape

from assess.checklists.catalog import PLATFORMS, Catalog
from assess.checklists.loading import load_inputs
from assess.engine import graph as graph_mod
from assess.engine import join as join_mod
from assess.engine import vocabulary
from assess.engine.result import Assessment
from assess.outputs.report import render_html
from assess.outputs.report.fmt import citation
from assess.outputs.terminal.assessment import PATHS_SHOWN, render
from assess.workflows.pipeline import assess_files
from tests.conftest import EXAMPLES
from tests.helpers import assess_dict, base_proposal

PROPOSALS = sorted(p for p in EXAMPLES.glob("*.yaml") if not p.name.endswith(".review.yaml"))
BAC_GIANG = EXAMPLES / "bac-giang-zalo-2019.yaml"
REVIEW = EXAMPLES / "bac-giang-zalo-2019.review.yaml"


@cache
def assessed(path: Path, review: Path | None = None) -> Assessment:
    return assess_files(path, review=review)


@cache
def html(path: Path, lang: str, review: Path | None = None) -> str:
    return render_html(assessed(path, review), "vi" if lang == "vi" else "en")


def section(text: str, name: str) -> str:
    return text.partition(f'<section class="{name}">')[2].partition("</section>")[0]


def ungrouped(path: Path) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Every rule's hits, run on the proposal's graph directly: (RULE@element, path)."""
    inputs = load_inputs(path, Catalog(()), platforms=Catalog((), PLATFORMS))
    fg = graph_mod.build(join_mod.join(inputs.proposal.doc,
                                       inputs.platform.doc if inputs.platform else None))
    return {rid: [(f"{rid}@{h.element}", h.path) for h in rr.hits]
            for rid, rr in vocabulary.run(fg).items() if rr.hits}


# ── the Assessment ────────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("path", PROPOSALS, ids=lambda p: p.stem)
def test_each_rule_and_control_is_one_finding_with_every_hit(path: Path) -> None:
    a = assessed(path)
    ids = [f.id for f in a.findings]
    assert len(ids) == len(set(ids))
    grouped = [f for f in a.findings if f.kind in ("rule", "hygiene", "settled")]
    pairs = [(f.id.partition("@")[0], f.control) for f in grouped]
    assert len(pairs) == len(set(pairs))
    hits = ungrouped(path)
    for f in grouped:
        rule = f.id.partition("@")[0]
        assert f.id == (f"{rule}@{f.control}" if f.control else rule)
        assert [(h.id, tuple(h.path)) for h in f.hits] == hits[rule]  # every place, its path
        assert f.data == list(dict.fromkeys(d for h in f.hits for d in h.data))
    applicable = {c.rule for c in a.controls if c.applicable and c.rule}
    assert {f.id.partition("@")[0] for f in grouped} >= {r for r in hits if r in applicable}


def test_bac_giang_with_its_review_groups_fourteen_hits_into_five_findings() -> None:
    """Before grouping, the report listed one finding per hit: 48; now 41."""
    a = assessed(BAC_GIANG, REVIEW)
    grouped = {f.id: len(f.hits) for f in a.findings if f.hits}
    assert grouped == {"G-REST-ENC@ENC-03": 2, "G-RETENTION@RET-01": 2,
                       "G-ENC-BOUNDARY@ENC-01": 4, "G-RES-STORE@RES-01": 2,
                       "G-RES-XFER@RES-02": 2}
    before = len(a.findings) - len(grouped) + sum(grouped.values())
    assert (before, len(a.findings)) == (48, 41)
    f = next(f for f in a.findings if f.id == "G-ENC-BOUNDARY@ENC-01")
    assert f.kind == "settled" and "4 data flows" in f.message.en
    assert "4 luồng dữ liệu" in f.message.vi


def test_a_grouped_finding_has_the_worst_severity_and_blocker_of_its_hits(
        ) -> None:
    doc = base_proposal()
    doc["flows"][0]["encryption"] = "none"
    doc["nodes"].append({"id": "bot", "name": "Máy trả lời", "kind": "process", "zone": "zalo"})
    doc["flows"].append({"from": "citizen", "to": "bot", "data": ["phone"], "encryption": "none",
                         "authenticated": False})
    a = assess_dict(doc)
    f = next(f for f in a.findings if f.id.startswith("G-ENC-BOUNDARY@"))
    c = next(c for c in a.controls if c.id == f.control)
    assert len(f.hits) >= 2 and (f.severity, f.blocker) == (c.severity, c.blocker)
    contra = next(f for f in a.findings if f.id == f"CONTRA@{c.id}")
    assert [h.id for h in contra.hits] == [h.id for h in f.hits]  # what it contradicts, where
    assert contra.paths == f.paths


def test_the_order_of_findings_is_the_same_every_run() -> None:
    one = assess_files(BAC_GIANG, review=REVIEW)
    two = assess_files(BAC_GIANG, review=REVIEW)
    assert [(f.id, [h.id for h in f.hits]) for f in one.findings] == [
        (f.id, [h.id for h in f.hits]) for f in two.findings]
    assert one.to_json() == two.to_json()


def test_a_contradiction_carries_the_paths_of_the_rule_it_contradicts() -> None:
    a = assessed(EXAMPLES / "quang-tri-zalo-services.yaml")
    contra = next(f for f in a.findings if f.id == "CONTRA@ENC-02")
    rule = next(f for f in a.findings if f.kind == "rule" and f.control == "ENC-02")
    assert contra.hits and contra.paths == rule.paths and contra.data == rule.data


# ── the report ────────────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_report_prints_each_grouped_finding_once_with_every_path_by_name(lang: str) -> None:
    a = assessed(BAC_GIANG, REVIEW)
    text = section(html(BAC_GIANG, lang, REVIEW), "findings")
    assert text.count('class="finding ') == len(a.findings)
    names = {n.id: n.name.get(lang) for n in a.scope.nodes}
    for f in (f for f in a.findings if f.hits):
        assert text.count(f'<span class="f-id">{f.id}</span>') == 1
        block = text.partition(f'<span class="f-id">{f.id}</span>')[2].partition(
            '<div class="finding ')[0]
        for path in f.paths:
            assert " → ".join(names[n] for n in path) in block
        item = next(d for d in a.scope.data if d.id == f.data[0])
        assert str(escape(item.name.get(lang))) in block


@pytest.mark.parametrize(("lang", "words"), [
    ("vi", "Thực hành tốt — không có căn cứ pháp lý bắt buộc"),
    ("en", "Good practice — no binding legal basis")])
def test_a_control_without_legal_basis_says_it_is_good_practice(lang: str, words: str) -> None:
    a = assessed(BAC_GIANG, REVIEW)
    bare = {c.id for c in a.controls if not c.legal_basis}
    shown = [f for f in a.findings if f.control in bare]
    assert shown, "the example has findings of controls that cite no law"
    text = section(html(BAC_GIANG, lang, REVIEW), "findings")
    assert text.count(words) == len({f.control for f in shown})  # once per control, first finding
    block = text.partition(f'<span class="f-id">{shown[0].id}</span>')[2].partition(
        '<div class="finding ')[0]
    assert words in block


@pytest.mark.parametrize(("lang", "inline"), [("vi", "[cần xác nhận]"), ("en", "[to confirm]")])
def test_citations_to_confirm_are_marked_and_listed_once_in_annex_ii(lang: str,
                                                                     inline: str) -> None:
    a = assessed(BAC_GIANG, REVIEW)
    page = html(BAC_GIANG, lang, REVIEW)
    assert inline not in page
    cited = {f.control for f in a.findings}
    unconfirmed = list(dict.fromkeys(
        cit.text for c in a.controls if c.id in cited for lb in c.legal_basis
        if (cit := citation(lb, "vi" if lang == "vi" else "en")).to_confirm))
    assert unconfirmed, "the example cites laws still to confirm"
    findings = section(page, "findings")
    for text in unconfirmed:
        assert f'{text}<sup class="to-confirm">*</sup>' in findings
    assert page.count('<div class="to-confirm-note">') == 1
    annex = page.partition('id="annex-identity"')[2]
    note = annex.partition('<div class="to-confirm-note">')[2].partition("</div>")[0]
    items = re.findall(r"<li>(.*?)</li>", note)
    assert len(items) == len(unconfirmed) and len(set(items)) == len(items)
    words = ("chưa được xác nhận với văn bản chính thức" if lang == "vi"
             else "not confirmed against the official text")
    assert words in note


def test_a_report_without_citations_to_confirm_has_no_note() -> None:
    a = assess_dict(base_proposal())  # the test checklist confirms every citation it makes
    assert not [lb for c in a.controls for lb in c.legal_basis if lb.status == "to-confirm"]
    page = render_html(a, "vi")
    assert '<div class="to-confirm-note">' not in page and '<sup class="to-confirm">' not in page


# ── the terminal ──────────────────────────────────────────────────────────────────────────────

def test_the_terminal_shows_a_grouped_findings_paths_and_counts_the_rest() -> None:
    from rich.console import Console

    doc = base_proposal()
    extra = PATHS_SHOWN + 4
    doc["nodes"] += [{"id": f"bot{i}", "name": f"Máy {i}", "kind": "process", "zone": "zalo"}
                     for i in range(extra)]
    doc["flows"] += [{"from": "citizen", "to": f"bot{i}", "data": ["phone"], "encryption": "none",
                      "authenticated": False} for i in range(extra)]
    a = assess_dict(doc)
    f = next(f for f in a.findings if f.id.startswith("G-ENC-BOUNDARY@"))
    console = Console(width=200, record=True, color_system=None)
    console.print(render(a, "en", limit=len(a.findings)))
    out = console.export_text()
    assert out.count(f.id) == 1
    assert sum(1 for i in range(extra) if f"citizen → bot{i}\n" in out
               or f"citizen → bot{i} " in out) == PATHS_SHOWN
    assert f"… and {len(f.hits) - PATHS_SHOWN} more paths" in out
