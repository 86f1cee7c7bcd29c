"""Limits (issue 12, class 6): what a server may be asked to assess is bounded at load, with a
located message; the diagram is bounded too (not drawn past a size, and said so); long words
wrap instead of running over the page; Graphviz's escapes in names stay text."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assess.cli import app
from assess.documents.limits import ITEMS, MAX_TEXT
from tests.helpers import DATA, base_proposal, dump

CHECKLISTS = ["--checklists", str(DATA / "checklists")]


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "250"})
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _write(tmp_path: Path, doc: dict[str, Any]) -> Path:
    path = tmp_path / "p.yaml"
    path.write_bytes(dump(doc))
    return path


@pytest.mark.parametrize("field", ["zones", "nodes", "flows", "services", "data"])
def test_a_list_past_its_limit_is_one_located_message(tmp_path: Path, field: str) -> None:
    doc = base_proposal()
    first = doc[field][0]
    doc[field] = [copy.deepcopy(first) for _ in range(ITEMS[field] + 1)]  # no YAML aliases
    code, out = _run("validate", str(_write(tmp_path, doc)), *CHECKLISTS)
    assert code == 2
    lines = [x for x in out.splitlines() if f": {field}: has " in x]
    assert len(lines) == 1, out
    assert lines[0].endswith(f"{field}: has {ITEMS[field] + 1:,} entries; at most "
                             f"{ITEMS[field]:,} are allowed (a limit that keeps assessing it "
                             "bounded: split the proposal, or group similar elements into one)")


def test_a_text_past_its_limit_is_refused(tmp_path: Path) -> None:
    doc = base_proposal()
    doc["data"][0]["description"] = "x" * (MAX_TEXT + 1)
    code, out = _run("validate", str(_write(tmp_path, doc)), *CHECKLISTS)
    assert code == 2
    assert (f"data[0].description: is {MAX_TEXT + 1:,} characters long; at most "
            f"{MAX_TEXT:,} are allowed: put the rest in a document and cite it here") in out


def _dense(zones: int = 25, nodes: int = 90) -> dict[str, Any]:
    """More nodes than a page shows (so collapsed to zones) and more zone pairs than can be
    laid out legibly: every zone sends to every other."""
    doc = base_proposal()
    doc["zones"] += [{"id": f"z{i}", "name": f"Vùng {i}", "country": "VN", "operator": "VNG",
                      "trust": "third-party"} for i in range(zones)]
    doc["nodes"] += [{"id": f"n{i}", "name": f"Nút {i}", "kind": "process",
                      "zone": f"z{i % zones}"} for i in range(nodes)]
    doc["flows"] += [{"from": f"n{i}", "to": f"n{j}", "data": ["guide"], "encryption": "tls",
                      "authenticated": True}
                     for i in range(zones) for j in range(zones) if i != j][:400]
    return doc


@pytest.mark.usefixtures("vietnamese")
def test_a_diagram_too_large_to_draw_is_not_drawn_and_says_why(tmp_path: Path) -> None:
    proposal = _write(tmp_path, _dense())
    code, out = _run("graph", str(proposal), *CHECKLISTS, "-o", str(tmp_path / "g.svg"),
                     "--lang", "en")
    assert code == 2
    assert re.search(r"error: the diagram would draw 4\d\d connections between zones, more than "
                     "the 150 a page can show legibly; it is not drawn", out.replace("\n", " "))
    assert not (tmp_path / "g.svg").exists()
    code, out = _run("graph", str(proposal), *CHECKLISTS, "-o", str(tmp_path / "g.svg"))
    assert code == 2  # the user's default language: Vietnamese
    assert re.fullmatch(r"lỗi: sơ đồ sẽ phải vẽ 4\d\d kết nối giữa các vùng, nhiều hơn mức 150 mà "
                        r"một trang thể hiện rõ được; sơ đồ không được vẽ \(các luồng được liệt "
                        r"kê trong bảng luồng dữ liệu của báo cáo\)", out.strip()), out
    html = tmp_path / "r.html"
    code, out = _run("report", str(proposal), *CHECKLISTS, "-o", str(tmp_path / "r.pdf"),
                     "--html", str(html))
    assert code == 0, out
    text = html.read_text(encoding="utf-8")
    assert "Không vẽ sơ đồ: hồ sơ quá lớn để vẽ rõ trên một trang trong giới hạn thời gian và " \
           "bộ nhớ (94 nút, 404 luồng dữ liệu)." in text
    assert "<svg" not in text.partition('class="flows')[2].partition("</section>")[0]


def test_dot_is_run_within_a_memory_and_time_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil
    import subprocess

    from assess.outputs.diagram import layout

    seen: dict[str, Any] = {}

    def fake_run(args: list[str], **kw: Any) -> subprocess.CompletedProcess[bytes]:
        seen["args"], seen["timeout"] = args, kw["timeout"]
        raise subprocess.TimeoutExpired(args, kw["timeout"])

    monkeypatch.setattr(layout.subprocess, "run", fake_run)
    with pytest.raises(layout.DiagramBudgetError, match="Graphviz took more than 60 s") as caught:
        layout.run_dot("digraph {}", "svg", 12.5)
    assert caught.value.message.render("vi") == ("Graphviz vẽ sơ đồ quá 60 giây; cần một đồ thị "
                                                 "nhỏ hơn")
    assert seen["timeout"] == 12.5
    if shutil.which("prlimit") and shutil.which("dot"):
        assert seen["args"][:3] == [shutil.which("prlimit"), f"--as={layout.DOT_MEMORY}", "--"]


def test_graphviz_escapes_in_names_stay_text(mini_catalog: Any) -> None:
    from assess.outputs.diagram import to_dot, to_svg
    from tests.test_diagram import assessment, texts

    names = {"gov": r"Cổng \G \N \E", "home": r"\T \H \L \l \r"}
    a = assessment(mini_catalog, names=names)
    words = texts(to_svg(a, "vi"))
    assert r"Cổng \G \N \E" in words and r"\T \H \L \l \r" in words
    assert "label=<" in to_dot(a, "vi")  # HTML-like labels: Graphviz expands no escape in them


def test_a_long_unbroken_word_wraps_inside_the_page(tmp_path: Path) -> None:
    """Names of 120 letters without a space in the inventory, a node and a zone, and a
    description of 2,000: every line of the report stays on the page (WeasyPrint's own layout
    boxes checked), and the diagram still draws."""
    from weasyprint import HTML
    from weasyprint.formatting_structure import boxes

    doc = base_proposal()
    from assess.documents.limits import MAX_NAME

    word = "Dữliệu" * (MAX_TEXT // 6)
    doc["data"][0]["name"] = word[:MAX_NAME]
    doc["data"][0]["description"] = word
    doc["nodes"][1]["name"] = word[:MAX_NAME]
    doc["zones"][0]["name"] = word[:MAX_NAME]
    html = tmp_path / "r.html"
    code, out = _run("report", str(_write(tmp_path, doc)), *CHECKLISTS, "-o",
                     str(tmp_path / "r.pdf"), "--html", str(html))
    assert code == 0, out
    text = html.read_text(encoding="utf-8")
    assert "<svg" in text  # the diagram was drawn
    document = HTML(string=text, base_url=str(tmp_path)).render()
    over = []
    for number, page in enumerate(document.pages, 1):
        width = page.width
        for box in page._page_box.descendants():
            if isinstance(box, boxes.TextBox) and box.position_x + box.width > width + 0.5:
                over.append((number, box.text[:20], box.position_x + box.width - width))
    assert not over, over[:5]


def test_a_name_is_a_line_or_two_and_a_description_may_be_a_page(tmp_path: Path) -> None:
    from assess.documents.limits import MAX_NAME

    doc = base_proposal()
    doc["data"][0]["name"] = "x" * (MAX_NAME + 1)
    doc["data"][0]["description"] = "y" * MAX_TEXT
    doc["services"][0]["name"] = {"vi": "Dịch vụ", "en": "z" * (MAX_NAME + 1)}
    code, out = _run("validate", str(_write(tmp_path, doc)), *CHECKLISTS)
    assert code == 2
    problems = [x for x in out.splitlines() if x.startswith("error:")]
    assert len(problems) == 2, out
    assert problems[0].endswith(f"services[0].name.en: is {MAX_NAME + 1} characters long; at "
                                f"most {MAX_NAME} are allowed: a name or title is a line; put the "
                                "details in a description")
    assert f"data[0].name: is {MAX_NAME + 1} characters long" in problems[1]


def test_a_rule_that_fails_on_many_flows_is_one_finding_printing_twenty_paths(
        mini_catalog: Any) -> None:
    """The report's length is bounded by the checklist, not by how many flows a drawing has:
    a rule's hits for one control are one finding, which prints 20 paths and counts the rest."""
    from assess.outputs.report import render_html
    from assess.outputs.report.findings import SHOWN_PATHS
    from tests.helpers import assess_dict

    doc = base_proposal()
    extra = SHOWN_PATHS + 15
    doc["nodes"] += [{"id": f"bot{i}", "name": f"Máy {i}", "kind": "process", "zone": "zalo"}
                     for i in range(extra)]
    doc["flows"] += [{"from": "citizen", "to": f"bot{i}", "data": ["phone"], "encryption": "none",
                      "authenticated": False} for i in range(extra)]
    a = assess_dict(doc)
    rule = [f for f in a.findings if f.kind == "rule"]
    assert len({(f.id.partition("@")[0], f.control) for f in rule}) == len(rule)
    f = max(rule, key=lambda f: len(f.hits))
    assert len(f.hits) >= extra and f.id == f"G-ENC-BOUNDARY@{f.control}"
    hidden = len(f.hits) - SHOWN_PATHS
    assert f"{len(f.hits)} luồng dữ liệu" in f.message.vi
    html = render_html(a, "vi")
    section = html.partition('<section class="findings">')[2].partition("</section>")[0]
    assert section.count(f'<span class="f-id">{f.id}</span>') == 1
    shown = section.partition(f'<span class="f-id">{f.id}</span>')[2].partition(
        '<div class="finding ')[0]
    assert shown.count(" → Máy ") == SHOWN_PATHS
    assert (f"… và {hidden} đường đi khác (tất cả có trong tệp assessment.json đính "
            "kèm)") in shown
