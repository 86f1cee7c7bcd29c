"""The data-flow diagram: valid SVG, Vietnamese kept, untrusted text escaped, findings coloured,
large graphs collapsed, the same bytes every time, and the `assess graph` command."""

from __future__ import annotations

import dataclasses
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from assess.assessment import Assessment, Finding
from assess.diagram import MAX_NODES, DiagramError, run_dot, to_dot, to_svg
from assess.models import Severity, Text
from tests.conftest import MINI_DIR
from tests.proposals import loaded, store

SVG = "{http://www.w3.org/2000/svg}"
ZONES = [("home", "VN", "untrusted"), ("zalo", "VN", "third-party"),
         ("gov", "VN", "government"), ("sg", "SG", "third-party")]
NODES = [("citizen", "actor", "home"), ("oa", "process", "zalo"), ("portal", "process", "gov"),
         ("db", "datastore", "sg", store("phone"))]
FLOWS = [("citizen", "oa", "phone", "none"), ("oa", "portal", "phone", "tls"),
         ("portal", "db", "phone", "tls")]


def assessment(mini_catalog: Any, **kw: Any) -> Assessment:
    from assess.evaluate import evaluate
    from assess.loading import resolve_checklist

    doc: dict[str, Any] = {"zones": ZONES, "nodes": NODES, "flows": FLOWS,
                           "data": {"phone": "personal"}, **kw}
    return evaluate(loaded(**doc), resolve_checklist("mini@1.0.0", mini_catalog))


def with_finding(a: Assessment, fid: str) -> Assessment:
    extra = Finding(id=fid, kind="rule", severity=Severity.high, control=None,
                    message=Text(vi="x", en="x"))
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
    assert "Chú giải" in words and "VN · GOV · nhà nước" in words
    assert 'font-family="Liberation Serif"' in svg


def test_english_labels(mini_catalog: Any) -> None:
    words = texts(to_svg(assessment(mini_catalog), "en"))
    assert "Legend" in words and "VN · GOV · government" in words
    assert any(w.startswith("Data-flow diagram") for w in words)


def test_markup_quotes_backslashes_and_newlines_stay_text(mini_catalog: Any) -> None:
    hostile = {"gov": '<script>alert(1)</script>', "home": 'say "hi" \\ <b>x</b>',
               "zalo": "dòng một\ndòng hai\x01", "oa": 'Zalo "OA" & <i>co</i>'}
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
    ids = {f.id for f in a.findings}
    assert {"G-ENC-BOUNDARY@citizen->oa", "G-RES-STORE@db"} <= ids
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
        *noisy.findings, Finding(id="G-INV-SERVICE@db", kind="hygiene", severity=Severity.low,
                                 control=None, message=Text(vi="x", en="x"))])
    assert to_dot(noisy, "vi") == plain


def test_large_graphs_collapse_to_zones(mini_catalog: Any) -> None:
    many = [(f"c{i}", "actor", "home") for i in range(MAX_NODES)]
    a = assessment(mini_catalog, nodes=[*many, *NODES[1:]],
                   flows=[(c[0], "oa", "phone", "none") for c in many] + FLOWS[1:])
    svg = to_svg(a, "vi")
    words = texts(svg)
    assert any(f"thu gọn theo vùng: {MAX_NODES + 3} nút, quá {MAX_NODES}" in w for w in words)
    root = ET.fromstring(svg)
    assert len([g for g in root.iter(f"{SVG}g") if g.get("class") == "node"]) == 4 + 1
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
    monkeypatch.setattr("assess.diagram.shutil.which", lambda name: None)
    with pytest.raises(DiagramError, match="install Graphviz"):
        run_dot("digraph {}", "svg")


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
    result = graph(runner, str(ok_proposal), "--format", "pdf")
    assert result.exit_code == 2 and "expected svg, dot or png" in result.output


def test_graph_without_graphviz_exits_2_with_a_hint(runner: Any, ok_proposal: Path,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("assess.diagram.shutil.which", lambda name: None)
    out = tmp_path / "flows.svg"
    result = graph(runner, str(ok_proposal), "-o", str(out))
    assert result.exit_code == 2
    assert "install Graphviz" in result.stderr and not out.exists()
    assert graph(runner, str(ok_proposal), "--format", "dot").exit_code == 0
