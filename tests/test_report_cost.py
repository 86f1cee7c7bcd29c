"""What keeps the report's cost close to WeasyPrint's own (issue 14), each without changing
what is drawn: the diagram's layouts stop once one cannot be beaten, the collector is paused
while a report is made and given back as found, the console script skips the collection at
exit, templates are read compiled from the user's cache (an edited one compiled again, an
unusable cache done without), scoring never imports networkx. The cost itself is measured by
benchmarks/bench_report.py, never here."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2
import pytest

from assess.core.collector import collector_paused
from assess.outputs.diagram import LAYOUTS, layout, to_dot, to_dots
from tests.test_diagram import assessment


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every source `draw` hands to dot, in the order it does."""
    seen: list[str] = []
    real = layout.run_dot

    def counted(source: str, fmt: Any, timeout: float = layout.DOT_TIMEOUT) -> bytes:
        seen.append(source)
        return real(source, fmt, timeout)

    monkeypatch.setattr(layout, "run_dot", counted)
    return seen


def _every_layout(a: Any) -> layout.Drawing:
    """The drawing the full search keeps: every layout made, the best by `_better`."""
    best: layout.Drawing | None = None
    for lay, source in zip(LAYOUTS, to_dots(a, "vi", LAYOUTS, standalone=False), strict=True):
        svg, collisions = layout.finish_svg(layout.run_dot(source, "svg").decode("utf-8"))
        size = layout.svg_size(svg)
        drawing = layout.Drawing(source, svg, lay, size, layout.fit(size), collisions)
        if best is None or layout._better(drawing, best):
            best = drawing
    assert best is not None
    return best


def test_layouts_stop_once_one_cannot_be_beaten(mini_catalog: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    a = assessment(mini_catalog)
    full = _every_layout(a)
    assert layout._unbeatable(full)  # the small diagram fits a portrait page at full size
    seen = _counting(monkeypatch)
    drawing = layout.draw(a, "vi", standalone=False)
    assert len(seen) == layout._WORKERS < len(LAYOUTS)
    assert drawing == full


def test_every_layout_is_made_while_none_is_unbeatable(mini_catalog: Any,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(layout.PAGES, "portrait", (40.0, 40.0))  # nothing fits at full size
    monkeypatch.setitem(layout.PAGES, "landscape", (60.0, 30.0))
    a = assessment(mini_catalog)
    full = _every_layout(a)
    assert not layout._unbeatable(full)
    seen = _counting(monkeypatch)
    assert layout.draw(a, "vi", standalone=False) == full
    assert seen == to_dots(a, "vi", LAYOUTS, standalone=False)


def test_dot_sources_are_those_of_each_layout_alone(mini_catalog: Any) -> None:
    a = assessment(mini_catalog)
    for standalone in (True, False):
        assert to_dots(a, "en", LAYOUTS, standalone=standalone) == [
            to_dot(a, "en", layout=lay, standalone=standalone) for lay in LAYOUTS]


@pytest.mark.fresh_pdf
def test_weasyprint_gives_the_collector_back_as_it_found_it() -> None:
    import datetime as dt

    from assess.outputs.report.pdf import write_pdf

    frozen = gc.get_freeze_count()
    assert write_pdf("<p>x</p>", created=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)).startswith(b"%PDF")
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()


def test_the_collector_is_paused_in_the_block_and_given_back_as_found() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused(examine_after=False):  # inside another pause: left alone
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with collector_paused(examine_after=False):
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == 0  # moved to the oldest, not frozen
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # off before, off after
    finally:
        gc.enable()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled()


def test_objects_left_by_an_ending_pause_are_still_collected_later() -> None:
    import weakref

    class Node:
        other: Any = None

    a, b = Node(), Node()
    a.other, b.other = b, a  # a cycle: only the collector frees it
    gone = weakref.ref(a)
    with collector_paused(examine_after=False):
        del a, b
    assert gone() is not None
    gc.collect()
    assert gone() is None


def test_the_console_script_skips_the_collection_at_exit() -> None:
    code = ("import atexit, gc, sys\n"
            "atexit.register(lambda: print(gc.get_freeze_count() > 0, gc.isenabled()))\n"
            "sys.argv = ['assess', '--version']\n"
            "from assess.cli import main\n"
            "main()")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=False)
    assert out.stdout.splitlines()[-1] == "True True", out.stderr


# ---- compiled templates ---------------------------------------------------------------------

def _env(templates: Path, cache: Path | None) -> jinja2.Environment:
    from assess.outputs.report.html import OPTIONS, CompiledTemplates

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)),
                              bytecode_cache=CompiledTemplates(cache) if cache else None,
                              **OPTIONS)


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: Any, name: str | None = None,
                *args: Any, **kwargs: Any) -> Any:
        seen.append(str(name))
        return real(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return seen


def test_templates_are_compiled_once_and_again_when_edited(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    templates, cache = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    cache.mkdir()
    (templates / "t.j2").write_text("{{ x }} one", encoding="utf-8")
    seen = _compiles(monkeypatch)
    assert _env(templates, cache).get_template("t.j2").render(x=1) == "1 one"
    assert _env(templates, cache).get_template("t.j2").render(x=2) == "2 one"
    assert seen == ["t.j2"]  # the second environment read it compiled
    (templates / "t.j2").write_text("{{ x }} two", encoding="utf-8")
    assert _env(templates, cache).get_template("t.j2").render(x=3) == "3 two"
    assert seen == ["t.j2", "t.j2"]


def test_an_unusable_template_cache_is_done_without(tmp_path: Path) -> None:
    templates, cache = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    cache.mkdir()
    (templates / "t.j2").write_text("{{ x }}", encoding="utf-8")
    assert _env(templates, cache).get_template("t.j2").render(x=1) == "1"
    for f in cache.iterdir():  # cut short: compiled again, and written again whole
        f.write_bytes(f.read_bytes()[:40])
    assert _env(templates, cache).get_template("t.j2").render(x=2) == "2"
    assert _env(templates, tmp_path / "gone").get_template("t.j2").render(x=3) == "3"
    if os.geteuid() != 0:  # root writes anywhere
        cache.chmod(0o500)
        try:
            assert _env(templates, cache).get_template("t.j2").render(x=4) == "4"
        finally:
            cache.chmod(0o700)


def test_the_template_cache_is_the_users(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assess.outputs.report.html import cache_folder

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder() == tmp_path / "xdg" / "assess" / "templates"
    assert (tmp_path / "xdg" / "assess" / "templates").is_dir()
    (tmp_path / "file").write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))  # a file, not a folder
    assert cache_folder() is None
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")  # ignored, as the XDG spec says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_folder() == tmp_path / "home" / ".cache" / "assess" / "templates"


def test_scoring_imports_networkx_only_for_the_digraph() -> None:
    code = ("import sys\nfrom assess.workflows.pipeline import assess_files\n"
            "from assess.engine.graph import build\n"
            "a = assess_files('tests/data/proposal-ok.yaml', "
            "checklist_dirs=['tests/data/checklists'])\n"
            "print('networkx' in sys.modules)\n"
            "g = build(a.scope).g\n"
            "print(type(g).__module__.split('.')[0], g.number_of_nodes() >= len(a.scope.nodes))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["False", "networkx True"]
