"""The data-flow diagram: valid SVG, Vietnamese kept, untrusted text escaped, findings coloured,
large graphs collapsed, the same bytes every time, legible on an A4 page (labels wrapped and
numbered, text inside its boxes, no label drawn over another, the examples at 70 % or more),
and the `assess graph` command."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from assess.documents.models import Severity, Text
from assess.engine.result import Assessment, Finding, FindingHit
from assess.outputs import diagram
from assess.outputs.diagram import MAX_NODES, DiagramError, run_dot, to_dot, to_svg
from tests.conftest import EXAMPLES, MINI_DIR
from tests.helpers import hit_ids
from tests.proposals import loaded, store

SVG = "{http://www.w3.org/2000/svg}"
ZONES = [("home", "VN", "untrusted"), ("zalo", "VN", "third-party"),
         ("gov", "VN", "government"), ("sg", "SG", "third-party")]
NODES = [("citizen", "actor", "home"), ("oa", "process", "zalo"), ("portal", "process", "gov"),
         ("db", "datastore", "sg", store("phone"))]
FLOWS = [("citizen", "oa", "phone", "none"), ("oa", "portal", "phone", "tls"),
         ("portal", "db", "phone", "tls")]


def assessment(mini_catalog: Any, **kw: Any) -> Assessment:
    from assess.checklists.loading import resolve_checklist
    from assess.engine.evaluate import evaluate

    doc: dict[str, Any] = {"zones": ZONES, "nodes": NODES, "flows": FLOWS,
                           "data": {"phone": "personal"}, **kw}
    return evaluate(loaded(**doc), resolve_checklist("mini@1.0.0", mini_catalog))


def with_finding(a: Assessment, hit: str) -> Assessment:
    """`a` with one more rule finding, whose one hit has the id `hit` (RULE@element)."""
    extra = Finding(id=hit, kind="rule", severity=Severity.high, control=None,
                    message=Text(vi="x", en="x"),
                    hits=[FindingHit(id=hit, path=[], data=[], message=Text(vi="x", en="x"))])
    return dataclasses.replace(a, findings=[*a.findings, extra])


def texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def group(svg: str, cls: str, title: str) -> ET.Element:
    root = ET.fromstring(svg)
    for g in root.iter(f"{SVG}g"):
        t = g.find(f"{SVG}title")
        if g.get("class") == cls and t is not None and t.text == title:
            return g
    raise AssertionError(f"no {cls} titled {title}")


def test_svg_is_valid_and_keeps_vietnamese_text(mini_catalog: Any) -> None:
    a = assessment(mini_catalog, names={"gov": "Trung tâm dữ liệu tỉnh",
                                        "db": "Kho hồ sơ ở Singapore"},
                   title="Cổng dịch vụ công tỉnh Bắc Giang")
    svg = to_svg(a, "vi")
    words = texts(svg)
    assert "Trung tâm dữ liệu tỉnh" in words and "Kho hồ sơ ở Singapore" in words
    assert "mã hóa lưu trữ: có · 30 ngày" in words
    assert any("Sơ đồ luồng dữ liệu — Cổng dịch vụ công tỉnh Bắc Giang" in w for w in words)
    assert "Chú giải" in words and "Việt Nam · GOV · nhà nước" in words
    assert 'font-family="Liberation Serif"' in svg


def test_english_labels(mini_catalog: Any) -> None:
    words = texts(to_svg(assessment(mini_catalog), "en"))
    assert "Legend" in words and "Vietnam · GOV · government" in words
    assert any(w.startswith("Data-flow diagram") for w in words)


def test_markup_quotes_backslashes_and_newlines_stay_text(mini_catalog: Any) -> None:
    hostile = {"gov": '<script>alert(1)</script>', "home": 'say "hi" \\ <b>x</b>',
               "zalo": "dòng một\ndòng hai", "oa": 'Zalo "OA" & <i>co</i>'}
    a = assessment(mini_catalog, names=hostile, title='A "quoted" <title> \\N')
    dot = to_dot(a, "vi")
    assert "<script>" not in dot and "&lt;script&gt;" in dot and "\x01" not in dot
    svg = to_svg(a, "vi")
    root = ET.fromstring(svg)
    assert not {e.tag.rpartition("}")[2] for e in root.iter()} & {"script", "b", "i"}
    words = texts(svg)
    for name in ('<script>alert(1)</script>', 'say "hi" \\ <b>x</b>', "dòng một", "dòng hai",
                 'Zalo "OA" & <i>co</i>'):
        assert name in words
    assert any('A "quoted" <title> \\N' in w for w in words)


def test_decomposed_vietnamese_is_drawn_precomposed(mini_catalog: Any) -> None:
    nfd = unicodedata.normalize("NFD", "Trung tâm dữ liệu")
    words = texts(to_svg(assessment(mini_catalog, names={"gov": nfd}), "vi"))
    assert "Trung tâm dữ liệu" in words and nfd not in words


def test_findings_colour_their_flows_and_stores(mini_catalog: Any) -> None:
    a = with_finding(assessment(mini_catalog), "G-RES-XFER@portal->db")
    assert {"G-ENC-BOUNDARY@citizen->oa", "G-RES-STORE@db"} <= hit_ids(a)
    svg = to_svg(a, "vi")
    plain = group(svg, "edge", "n0->n1").find(f"{SVG}path")
    assert plain is not None and plain.get("stroke") == "#c62828"
    abroad = group(svg, "edge", "n2->n3").find(f"{SVG}path")
    assert abroad is not None and abroad.get("stroke") == "#1565c0"
    assert abroad.get("stroke-dasharray")
    calm = group(svg, "edge", "n1->n2").find(f"{SVG}path")
    assert calm is not None and calm.get("stroke") == "#424242"
    store_shape = group(svg, "node", "n3").find(f"{SVG}path")
    assert store_shape is not None and store_shape.get("stroke") == "#c62828"


def test_hygiene_findings_and_unknown_elements_colour_nothing(mini_catalog: Any) -> None:
    a = assessment(mini_catalog, flows=[("citizen", "oa", "phone", "tls")],
                   nodes=[*NODES[:3], ("db", "datastore", "gov", store("phone"))])
    plain = to_dot(a, "vi")
    noisy = with_finding(with_finding(a, "G-ENC-BOUNDARY@ghost->oa"), "G-RES-STORE@nowhere")
    noisy = dataclasses.replace(noisy, findings=[
        *noisy.findings, Finding(id="G-INV-SERVICE", kind="hygiene", severity=Severity.low,
                                 control=None, message=Text(vi="x", en="x"), hits=[FindingHit(
                                     id="G-INV-SERVICE@db", path=[], data=[],
                                     message=Text(vi="x", en="x"))])])
    assert to_dot(noisy, "vi") == plain


def test_large_graphs_collapse_to_zones(mini_catalog: Any) -> None:
    many = [(f"c{i}", "actor", "home") for i in range(MAX_NODES)]
    a = assessment(mini_catalog, nodes=[*many, *NODES[1:]],
                   flows=[(c[0], "oa", "phone", "none") for c in many] + FLOWS[1:])
    svg = to_svg(a, "vi")
    words = texts(svg)
    assert any(f"thu gọn theo vùng: {MAX_NODES + 3} nút, quá {MAX_NODES}" in w for w in words)
    root = ET.fromstring(svg)
    assert len([g for g in root.iter(f"{SVG}g") if g.get("class") == "node"]) == 4
    assert f"{MAX_NODES} nút" in words  # the citizens' zone says how many nodes it holds
    bundle = group(svg, "edge", "z0->z1")
    assert any(f"{MAX_NODES} luồng" in "".join(t.itertext()) for t in bundle.iter(f"{SVG}text"))
    path = bundle.find(f"{SVG}path")
    assert path is not None and path.get("stroke") == "#c62828"


def test_small_graphs_are_not_collapsed(mini_catalog: Any) -> None:
    assert "thu gọn" not in to_dot(assessment(mini_catalog), "vi")


def test_same_input_same_bytes(mini_catalog: Any) -> None:
    first = to_svg(assessment(mini_catalog), "vi")
    assert to_svg(assessment(mini_catalog), "vi") == first


def test_dot_failures_are_assess_errors() -> None:
    with pytest.raises(DiagramError, match="Graphviz could not draw the diagram"):
        run_dot("digraph {", "svg")


def test_missing_graphviz_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("assess.outputs.diagram.layout.shutil.which", lambda name: None)
    with pytest.raises(DiagramError, match="install Graphviz"):
        run_dot("digraph {}", "svg")


# -- legibility ---------------------------------------------------------------------------------

DATA5 = {d: "personal" for d in ("phone", "name", "address", "photo", "email", "ward", "job")}


def lines_of(svg: str, cls: str, title: str) -> list[str]:
    return ["".join(t.itertext()) for t in group(svg, cls, title).iter(f"{SVG}text")]


def test_edge_labels_number_the_flow_and_wrap_its_data_three_ids_to_a_line(
        mini_catalog: Any) -> None:
    a = assessment(mini_catalog, data=DATA5, flows=[
        ("citizen", "oa", "phone name address photo email", "tls"),
        ("oa", "portal", "phone name address photo email ward job", "tls"),
        ("portal", "db", "phone", "tls")])
    svg = to_svg(a, "vi")
    assert lines_of(svg, "edge", "n0->n1") == ["#1 · TLS", "phone, name, address,", "photo, email"]
    assert lines_of(svg, "edge", "n1->n2") == ["#2 · TLS", "7 mục dữ liệu"]
    assert lines_of(to_svg(a, "en"), "edge", "n1->n2") == ["#2 · TLS", "7 data items"]


def test_flows_both_ways_between_two_nodes_share_one_edge_with_both_arrowheads(
        mini_catalog: Any) -> None:
    a = assessment(mini_catalog, flows=[*FLOWS, ("oa", "citizen", "phone", "tls")])
    dot = to_dot(a, "vi")
    assert dot.count("n0 -> n1") == 1 and "n1 -> n0" not in dot and "dir=both" in dot
    svg = to_svg(a, "vi")
    assert lines_of(svg, "edge", "n0->n1") == ["#1 · không mã hóa → oa", "phone",
                                               "#4 · TLS → citizen", "phone"]
    # the flagged flow keeps its colour in the shared label, the other is black
    colours = [t.get("fill") for t in group(svg, "edge", "n0->n1").iter(f"{SVG}text")]
    assert colours == ["#c62828", "#c62828", "#000000", "#000000"]


def test_report_drawing_leaves_title_and_legend_to_the_report(mini_catalog: Any) -> None:
    a = assessment(mini_catalog)
    standalone, bare = texts(to_svg(a, "vi")), texts(to_svg(a, "vi", standalone=False))
    assert "Chú giải" in standalone and any(w.startswith("Sơ đồ luồng dữ liệu") for w in standalone)
    assert "Chú giải" not in bare and not any(w.startswith("Sơ đồ luồng") for w in bare)
    root = ET.fromstring(to_svg(a, "vi"))
    ys = {"".join(t.itertext()): float(t.get("y", "0")) for t in root.iter(f"{SVG}text")}
    assert ys["Chú giải"] > ys["citizen"] > ys[next(w for w in ys if w.startswith("Sơ đồ"))]


def test_legend_lists_only_what_the_diagram_draws(mini_catalog: Any) -> None:
    a = with_finding(assessment(mini_catalog), "G-RES-XFER@portal->db")
    entries = diagram.legend(a, "vi")
    assert [e.key for e in entries] == ["actor", "process", "datastore", "government",
                                        "third-party", "untrusted", "plain", "abroad", "flagged"]
    assert [e.text for e in entries][:2] == ["Tác nhân", "Tiến trình"]
    assert all(ET.fromstring(e.swatch).tag == f"{SVG}svg" for e in entries)
    calm = assessment(mini_catalog, flows=[("citizen", "oa", "phone", "tls")],
                      nodes=[*NODES[:3], ("db", "datastore", "gov", store("phone"))])
    assert {"plain", "abroad", "other", "flagged"}.isdisjoint(e.key for e in
                                                               diagram.legend(calm, "en"))


def _span(shape: ET.Element) -> tuple[float, float]:
    """Leftmost and rightmost x of a node's outline."""
    tag = shape.tag.rpartition("}")[2]
    if tag == "ellipse":
        cx, rx = float(shape.get("cx", "0")), float(shape.get("rx", "0"))
        return cx - rx, cx + rx
    raw = shape.get("points") or shape.get("d") or ""
    xs = [float(x) for x, _ in re.findall(r"(-?[\d.]+),(-?[\d.]+)", raw)]
    return min(xs), max(xs)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_bold_names_fit_inside_their_boxes_in_the_shipped_font(mini_catalog: Any,
                                                               lang: str) -> None:
    """Graphviz measures with hinted metrics (bold comes out up to 4 % narrow): every line, in
    the font the report draws it with, must lie inside its node's outline, centred."""
    wide = {"portal": "WWWWWWWWWW MMMMMMMM ĐỒNG", "oa": "Ứng dụng Zalo của người dân WWW",
            "citizen": "Người dân dùng ứng dụng Zalo", "db": "Kho hồ sơ ở Singapore (bản sao)"}
    svg = to_svg(assessment(mini_catalog, names=wide), lang)
    root = ET.fromstring(svg)
    checked = 0
    for g in root.iter(f"{SVG}g"):
        if g.get("class") != "node":
            continue
        shape = next(c for c in g if c.tag.rpartition("}")[2] in ("polygon", "ellipse", "path"))
        left, right = _span(shape)
        for t in g.iter(f"{SVG}text"):
            assert t.get("text-anchor") == "middle"
            x, size = float(t.get("x", "0")), float(t.get("font-size", "0"))
            half = diagram.text_width("".join(t.itertext()), size,
                                      bold=t.get("font-weight") == "bold") / 2
            assert left < x - half and x + half < right, "".join(t.itertext())
            checked += 1
    assert checked >= 8


def test_finish_svg_counts_labels_of_different_elements_drawn_over_each_other() -> None:
    def text(x: float, y: float) -> str:
        return (f'<text text-anchor="middle" x="{x}" y="{y}" font-family="Liberation Serif" '
                'font-size="8.50">zalo-uid, phone</text>')

    def svg(*groups: str) -> str:
        body = "".join(f'<g class="edge"><title>e{i}</title>{g}</g>' for i, g in enumerate(groups))
        return ('<svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="100pt">'
                f'<g id="graph0" class="graph">{body}</g></svg>')

    assert diagram.finish_svg(svg(text(50, 50), text(60, 52)))[1] == 1  # overlapping
    assert diagram.finish_svg(svg(text(50, 50), text(50, 60)))[1] == 1  # touching: read as one
    assert diagram.finish_svg(svg(text(50, 50), text(50, 80)))[1] == 0
    assert diagram.finish_svg(svg(text(50, 50) + text(50, 60)))[1] == 0  # one label's lines


def test_fit_prefers_a_portrait_page_unless_landscape_shows_it_larger() -> None:
    portrait_w, portrait_h = diagram.PAGES["portrait"]
    assert diagram.fit((300, 300)) == diagram.Fit("portrait", 1.0)
    assert diagram.fit((portrait_w * 2, portrait_h / 2)).page == "landscape"
    small = diagram.fit((portrait_w * 1.02, 200))  # landscape would be only 2 % larger
    assert small.page == "portrait" and small.scale == pytest.approx(1 / 1.02)


def test_a_layout_dot_cannot_make_is_passed_over(mini_catalog: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    real = diagram.run_dot

    def picky(source: str, fmt: Any, timeout: float = 60.0) -> bytes:
        if "newrank=true" in source or "rankdir=LR" in source:
            raise DiagramError("Graphviz could not draw the diagram: trouble in init_rank")
        return real(source, fmt, timeout)

    monkeypatch.setattr(diagram.layout, "run_dot", picky)
    drawing = diagram.draw(assessment(mini_catalog), "vi")
    assert drawing.layout.rankdir == "TB" and not drawing.layout.newrank
    monkeypatch.setattr(diagram.layout, "run_dot", lambda source, fmt, t: (_ for _ in ()).throw(
        DiagramError("Graphviz could not draw the diagram: x")))
    with pytest.raises(DiagramError, match="could not draw"):
        diagram.draw(assessment(mini_catalog), "vi")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", ["quang-tri-zalo-services", "bac-giang-zalo-2019",
                                  "bac-ninh-zalo-notifications", "facebook-messenger-abroad"])
def test_every_example_fits_an_a4_page_at_70_percent_or_more(name: str, lang: str) -> None:
    """Quảng Trị's diagram was 2,147 pt wide (34 % on a landscape page) before labels were
    wrapped and both directions tried."""
    from assess.workflows.pipeline import assess_files

    path = EXAMPLES / f"{name}.yaml"
    if not path.exists():
        pytest.skip("examples/ not present")
    drawing = diagram.draw(assess_files(path), lang, standalone=False)
    assert drawing.fit.scale >= 0.7, (drawing.layout, drawing.size)
    assert drawing.collisions == 0
    room_w, room_h = diagram.PAGES[drawing.fit.page]
    width, height = drawing.size
    assert width * drawing.fit.scale <= room_w + 0.01
    assert height * drawing.fit.scale <= room_h + 0.01


# -- assess graph -----------------------------------------------------------------------------

def graph(runner: Any, *args: str) -> Any:
    from assess.cli import app

    return runner.invoke(app, ["graph", *args, "--checklists", str(MINI_DIR)])


def test_graph_prints_svg(runner: Any, ok_proposal: Path) -> None:
    result = graph(runner, str(ok_proposal))
    assert result.exit_code == 0, result.output
    assert "Cổng dịch vụ công" in texts(result.stdout)


def test_graph_writes_dot_and_png_files(runner: Any, ok_proposal: Path, tmp_path: Path) -> None:
    result = graph(runner, str(ok_proposal), "--format", "dot", "--lang", "en")
    assert result.exit_code == 0 and result.stdout.startswith("digraph dfd {")
    png = tmp_path / "flows.png"
    result = graph(runner, str(ok_proposal), "-o", str(png))
    assert result.exit_code == 0, result.output
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") and result.stdout == ""
    svg = tmp_path / "flows.txt"
    assert graph(runner, str(ok_proposal), "-o", str(svg)).exit_code == 0
    assert svg.read_text(encoding="utf-8").startswith("<?xml")


def test_graph_refuses_an_unknown_format(runner: Any, ok_proposal: Path) -> None:
    from tests.helpers import flat

    result = graph(runner, str(ok_proposal), "--format", "pdf")
    assert result.exit_code == 2 and "'pdf' is not one of 'svg', 'dot', 'png'" in flat(
        result.output)


def test_graph_without_graphviz_exits_2_with_a_hint(runner: Any, ok_proposal: Path,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("assess.outputs.diagram.layout.shutil.which", lambda name: None)
    out = tmp_path / "flows.svg"
    result = graph(runner, str(ok_proposal), "-o", str(out))
    assert result.exit_code == 2
    assert "install Graphviz" in result.stderr and not out.exists()
    assert graph(runner, str(ok_proposal), "--format", "dot").exit_code == 0
