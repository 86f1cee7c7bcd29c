"""The committed JSON Schemas are the models' own, and `assess init` points editors at one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from assess.cli import app
from assess.documents import schemas
from tests.conftest import DATA, EXAMPLES, MINI_DIR, ROOT

SCHEMAS = ROOT / "assess" / "data" / "schemas"


@pytest.mark.parametrize("kind", list(schemas.KINDS))
def test_committed_schema_is_fresh(kind: str) -> None:
    committed = (SCHEMAS / schemas.file_name(kind)).read_text(encoding="utf-8")
    assert committed == schemas.text(kind), (
        f"schemas/{schemas.file_name(kind)} is stale: run `assess schema -o schemas`")


@pytest.mark.parametrize("kind", list(schemas.KINDS))
def test_schema_is_strict_and_documented(kind: str) -> None:
    s = schemas.schema(kind)
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert s["additionalProperties"] is False and s["properties"]["kind"]["const"] == kind
    for name, prop in s["properties"].items():
        assert prop.get("description"), f"{kind}.{name} has no description"


def test_free_text_may_be_a_plain_string_as_the_loader_accepts() -> None:
    local = schemas.schema("proposal")["$defs"]["_LocalText"]
    assert local["anyOf"][0] == {"type": "string", "minLength": 1}
    assert local["anyOf"][1]["required"] == ["vi"]


def test_aliases_are_the_names_in_the_yaml() -> None:
    defs = schemas.schema("proposal")["$defs"]
    assert "class" in defs["DataItem"]["properties"]
    assert {"from", "to"} <= set(defs["Flow"]["properties"])


def _plain(doc: Any) -> Any:
    """YAML values as JSON sees them (dates become strings)."""
    return json.loads(json.dumps(doc, default=str))


def test_documents_validate_against_their_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    files = {"proposal": [DATA / "proposal-ok.yaml", *sorted(EXAMPLES.glob("*.yaml"))],
             "checklist": [MINI_DIR / "mini" / "1.0.0.yaml",
                           *sorted((ROOT / "assess" / "data" / "checklists").glob("*/*.yaml"))]}
    for kind, paths in files.items():
        for path in paths:
            doc = _plain(yaml.safe_load(path.read_text(encoding="utf-8")))
            if doc.get("kind") == kind:
                jsonschema.validate(doc, schemas.schema(kind))


def test_cli_prints_one_schema_or_writes_all(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "review"])
    assert result.exit_code == 0 and result.output == schemas.text("review")
    result = runner.invoke(app, ["schema", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "checklist.schema.json", "legal-register.schema.json", "platform.schema.json",
        "proposal.schema.json",
        "review.schema.json"]
    assert (tmp_path / "proposal.schema.json").read_text("utf-8") == schemas.text("proposal")


def test_cli_refuses_unknown_kind_or_nothing_to_do(runner: CliRunner) -> None:
    assert runner.invoke(app, ["schema", "report"]).exit_code == 2
    assert runner.invoke(app, ["schema"]).exit_code == 2


def test_init_puts_the_schema_line_first(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "p.yaml"
    result = runner.invoke(app, ["init", "-o", str(out), "--checklist", "mini@1.0.0",
                                 "--checklists", str(MINI_DIR)])
    assert result.exit_code == 0, result.output
    first = out.read_text("utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first == f"{prefix}./proposal.schema.json"  # relative: survives e-mail (README, init)
    assert (out.parent / first[len(prefix):]).read_text("utf-8") == schemas.text("proposal")


def test_cli_creates_the_output_folder_but_refuses_a_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "new" / "schemas"
    result = runner.invoke(app, ["schema", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "checklist.schema.json", "legal-register.schema.json", "platform.schema.json",
        "proposal.schema.json",
        "review.schema.json"]
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    refused = runner.invoke(app, ["schema", "-o", str(blocker)])
    flat = " ".join(refused.output.replace("│", " ").split())  # rich wraps long paths
    assert refused.exit_code == 2 and "is a file" in flat
