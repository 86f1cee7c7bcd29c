"""Every fact and rule a checklist may name is documented in one generated reference."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from assess.checklists.catalog import Catalog
from assess.checklists.loading import resolve_checklist
from assess.checklists.vocabulary import markdown
from assess.cli import app
from assess.core.resources import data_dir
from assess.engine.vocabulary import FACTS, RULES

COMMITTED = data_dir("checklists") / "README.md"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_fact_and_rule_is_documented_with_its_meaning(lang: str) -> None:
    text = markdown(lang)  # type: ignore[arg-type]
    for name, fact in FACTS.items():
        assert f"| `{name}` | {fact.text.get(lang)} |" in text  # type: ignore[arg-type]
    for rid, rule in RULES.items():
        assert f"| `{rid}` | {rule.title.get(lang)} |" in text  # type: ignore[arg-type]


def test_the_committed_reference_is_fresh() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == markdown("en"), (
        "assess/data/checklists/README.md is stale: run "
        "`assess checklist vocabulary --markdown > assess/data/checklists/README.md`")


def test_every_name_the_built_in_checklists_use_is_in_the_reference() -> None:
    cat = Catalog()
    text = COMMITTED.read_text(encoding="utf-8")
    for cid in cat.ids():
        for entry in cat.versions(cid):
            cl = resolve_checklist(str(entry.path), cat).doc
            for c in cl.controls():
                for fact in c.applies_if:
                    assert f"`{fact}`" in text
                if c.rule:
                    assert f"`{c.rule}`" in text


def test_the_command_shows_which_controls_use_each_name() -> None:
    result = CliRunner().invoke(app, ["checklist", "vocabulary", "vn-third-party-channel@1.0.0",
                                      "--markdown"])
    assert result.exit_code == 0
    rules = {c.rule: c.id for c in resolve_checklist("vn-third-party-channel@1.0.0",
                                                     Catalog()).doc.controls() if c.rule}
    for rid, control in rules.items():
        line = next(x for x in result.stdout.splitlines() if x.startswith(f"| `{rid}` |"))
        assert control in line
    hygiene = next(x for x in result.stdout.splitlines() if x.startswith("| `G-INV-UNUSED` |"))
    assert hygiene.endswith("| — |") and "reports findings only" in hygiene


def test_the_table_lists_every_name(tmp_path: Path) -> None:
    out = CliRunner().invoke(app, ["checklist", "vocabulary"], env={"COLUMNS": "250"}).stdout
    for name in (*FACTS, *RULES):
        assert name in out
