"""`assess migrate`: answers and comments kept, new controls unknown, removed ones dropped."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from assess.checklists.catalog import Catalog
from assess.checklists.loading import load_proposal
from assess.cli import app
from assess.documents.yamlsource import parse
from assess.workflows.migrate import MigrationError, migrate
from assess.workflows.skeleton import skeleton
from tests.conftest import DATA
from tests.versions import catalog_with_v2

NEW = {"RES-04", "ENC-04", "LOG-01"}
ENC01 = "  ENC-01: {status: met, evidence: [Biên bản kiểm tra TLS 2026]}"


@pytest.fixture
def cat(tmp_path: Path) -> Catalog:
    return Catalog([catalog_with_v2(tmp_path / "cat")])


def answered_skeleton(tmp_path: Path, cat: Catalog, lang: str = "vi") -> Path:
    """`assess init` for mini 1.0.0, then answered by hand with notes of the province's own."""
    from assess.checklists.loading import resolve_checklist

    cl = resolve_checklist("mini@1.0.0", cat).doc
    text = skeleton(cl, "vi" if lang == "vi" else "en", today=dt.date(2026, 3, 1),
                    schema="../schemas/proposal.schema.json")
    text = text.replace("  RES-01:\n    status: unknown\n    # note: \"…\"\n    evidence: []",
                        "  RES-01:\n    status: met   # VNG confirmed in writing\n"
                        "    evidence: [\"Công văn VNG số 12/2026\"]")
    text = text.replace("  RES-02:\n    status: unknown",
                        "  # Ghi chú của tỉnh: đang đàm phán phụ lục hợp đồng\n"
                        "  RES-02:\n    status: partial\n    note: Đang đàm phán")
    text = text.replace("  ENC-03:\n    status: unknown", "  ENC-03:\n    status: not-applicable")
    path = tmp_path / "proposal.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def entry(text: str, key: str) -> list[str]:
    """The lines of one answer: its key line and the indented lines below it."""
    lines = text.splitlines()
    at = lines.index(f"  {key}:") if f"  {key}:" in lines else next(
        i for i, line in enumerate(lines) if line.startswith(f"  {key}: "))
    out = [lines[at]]
    for line in lines[at + 1:]:
        if not line.startswith("    "):
            break
        out.append(line)
    return out


def test_migration_keeps_answers_and_comments(tmp_path: Path, cat: Catalog) -> None:
    path = answered_skeleton(tmp_path, cat)
    before = path.read_text("utf-8")
    mig = migrate(path, "mini@2.0.0", cat, "vi")
    after = mig.text
    assert (mig.old, mig.new) == ("mini@1.0.0", "mini@2.0.0")
    assert sorted(mig.added) == sorted(NEW) and mig.removed == ["ENC-03"]
    assert mig.renamed == {"RES-02": "RES-03"} and mig.kept == 4
    # every line outside the answers is as it was, but the checklist it names
    head_before, head_after = before.split("\nanswers:")[0], after.split("\nanswers:")[0]
    assert head_after == head_before.replace("checklist: mini@1.0.0", "checklist: mini@2.0.0")
    # the kept answers, byte for byte; the renamed one under its new id
    for key in ("RES-01", "ENC-01", "ENC-02"):
        assert entry(after, key) == entry(before, key), key
    assert entry(after, "RES-03")[1:] == entry(before, "RES-02")[1:]
    assert "    status: met   # VNG confirmed in writing" in after
    # every comment kept, except the removed control's own header
    lines = before.splitlines()
    at = lines.index("  ENC-03:")
    start = at
    while lines[start - 1].strip().startswith("#"):
        start -= 1
    header = [line.strip() for line in lines[start:at]]
    assert header[0].startswith("# ENC-03 —") and len(header) == 5
    own = ['# note: "…"']  # the removed answer's own commented-out note goes with it
    assert Counter(comments(before)) - Counter(comments(after)) == Counter(header + own)
    assert "# Ghi chú của tỉnh: đang đàm phán phụ lục hợp đồng" in comments(after)
    assert "# trước đây là RES-02 trong mini@1.0.0" in comments(after)


def test_new_controls_are_unknown_with_their_questions(tmp_path: Path, cat: Catalog) -> None:
    mig = migrate(answered_skeleton(tmp_path, cat), "mini@2.0.0", cat, "en")
    data = yaml.safe_load(mig.text)
    for cid in NEW:
        assert data["answers"][cid] == {"status": "unknown", "evidence": []}
    assert "ENC-03" not in data["answers"] and "RES-02" not in data["answers"]
    assert list(data["answers"]) == ["RES-04", "RES-01", "RES-03", "ENC-01", "ENC-02", "ENC-04",
                                     "LOG-01"]
    text = mig.text
    block = text[text.index("  # ═══ LOG — Logging ═══"):]
    assert block.startswith(
        "  # ═══ LOG — Logging ═══\n\n"
        "  # LOG-01 — Logging (Severity: medium) — NEW in mini@2.0.0\n"
        "  # Requirement: Logging is in place.\n"
        "  # How it is checked: See the documents.\n"
        "  # Evidence expected: Documents.\n"
        "  LOG-01:\n    status: unknown\n    evidence: []\n")
    # the new first control goes above the first answer, below the section banner
    res = text[text.index("  # ═══ RES"):text.index("  RES-01:")]
    assert res.index("# RES-04 — Backups in Vietnam") < res.index("# RES-01 —")


def test_result_validates_against_the_new_checklist(tmp_path: Path, cat: Catalog) -> None:
    mig = migrate(answered_skeleton(tmp_path, cat), "mini@2.0.0", cat, "vi")
    loaded, cl = load_proposal(parse(mig.text.encode(), "new.yaml"), cat)
    assert cl.doc.ref == "mini@2.0.0"
    assert loaded.doc.answers["RES-03"].status.value == "partial"
    assert loaded.doc.answers["RES-04"].status.value == "unknown"


def test_flow_style_answers_with_end_of_line_comments(tmp_path: Path, cat: Catalog) -> None:
    text = (DATA / "proposal-ok.yaml").read_text("utf-8").replace(
        "answers:\n", "answers:   # what the province declares\n  # residency first\n")
    text = text.replace("  RES-02: {status: partial, note: Đang đàm phán}",
                        "  RES-02: {status: partial, note: Đang đàm phán}   # contract pending\n"
                        "  # encryption next")
    text += "# end of the file\n"
    path = tmp_path / "flow.yaml"
    path.write_text(text, encoding="utf-8")
    after = migrate(path, "mini@2.0.0", cat, "en").text
    assert after.split("\nanswers:")[0] == text.split("\nanswers:")[0].replace(
        "mini@1.0.0", "mini@2.0.0")
    for line in ("answers:   # what the province declares", "  # residency first",
                 "  RES-03: {status: partial, note: Đang đàm phán}   # contract pending",
                 "  # encryption next", ENC01, "  ENC-02: {status: unknown}",
                 "# end of the file"):
        assert line in after.splitlines(), line
    lines = after.splitlines()
    assert lines.index("  # encryption next") + 1 == lines.index(ENC01)
    # ENC-02's question changed words in 2.0.0: its answer is to be given again, and says so.
    at = lines.index("  ENC-02: {status: unknown}")
    assert lines[at - 1] == ("  # The question of ENC-02 changed in mini@2.0.0: answer it again "
                             "(it was: met)")
    load_proposal(parse(after.encode(), "flow.yaml"), cat)


def test_migrating_to_the_same_version_is_refused(tmp_path: Path, cat: Catalog) -> None:
    with pytest.raises(MigrationError, match=r"already answers mini@1\.0\.0; nothing to migrate"):
        migrate(DATA / "proposal-ok.yaml", "mini@1.0.0", cat, "vi")


def test_default_target_is_the_latest_release(tmp_path: Path, cat: Catalog) -> None:
    assert migrate(DATA / "proposal-ok.yaml", None, cat, "vi").new == "mini@2.0.0"


def test_cli_writes_the_migrated_proposal(tmp_path: Path, cat: Catalog,
                                          runner: CliRunner) -> None:
    out = tmp_path / "new.yaml"
    args = ["migrate", str(DATA / "proposal-ok.yaml"), "--to", "mini@2.0.0", "-o", str(out),
            "--checklists", str(cat.dirs[0])]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert re.sub(r"\s+", " ", result.output).strip() == (
        f"wrote {out}: mini@1.0.0 → mini@2.0.0; 3 answers kept, 3 added as unknown (RES-04, "
        "ENC-04, LOG-01); 0 removed; renamed RES-02 → RES-03; 1 whose question changed, set "
        "back to unknown to answer again (ENC-02)")
    check = runner.invoke(app, ["validate", str(out), "--checklists", str(cat.dirs[0])])
    assert check.exit_code == 0, check.output
    again = runner.invoke(app, args)
    assert again.exit_code == 2 and "already exists" in again.output


def test_cli_unknown_version_is_a_clear_error(tmp_path: Path, cat: Catalog,
                                              runner: CliRunner) -> None:
    result = runner.invoke(app, ["migrate", str(DATA / "proposal-ok.yaml"), "--to", "mini@9.0.0",
                                 "-o", str(tmp_path / "x.yaml"), "--checklists",
                                 str(cat.dirs[0])])
    assert result.exit_code == 2
    assert "checklist 'mini' has no version 9.0.0 (have: 1.0.0, 2.0.0)" in result.output
    assert not (tmp_path / "x.yaml").exists()


def test_a_comment_right_after_an_answer_stays_right_above_the_next(tmp_path: Path,
                                                                    cat: Catalog) -> None:
    text = (DATA / "proposal-ok.yaml").read_text("utf-8")
    text = text.replace("  RES-02: {status: partial, note: Đang đàm phán}\n",
                        "  RES-02:\n    status: partial\n    note: Đang đàm phán\n"
                        "  # --- ENC ----------\n")
    path = tmp_path / "block.yaml"
    path.write_text(text, encoding="utf-8")
    lines = migrate(path, "mini@2.0.0", cat, "en").text.splitlines()
    at = lines.index("  # --- ENC ----------")
    assert lines[at - 1] == "    note: Đang đàm phán" and lines[at + 1] == ENC01


def test_migrating_an_example_to_2_0_0_lists_what_to_answer_again() -> None:
    """The operator controls reworded in 2.0.0 are to be answered again; the blockers a rule
    now decides keep their answer, and the province is told a 'met' needs evidence."""
    from tests.conftest import EXAMPLES

    mig = migrate(EXAMPLES / "bac-ninh-zalo-notifications.yaml", "vn-third-party-channel@2.0.0",
                  Catalog(), "en")
    assert {"RES-03", "PDP-07", "RET-03"} <= set(mig.again)
    assert sorted(mig.ruled) == ["CON-01", "PDP-06"]
    assert sorted(mig.added) == ["ACC-11", "RES-07"]
    load_proposal(parse(mig.text.encode(), "bac-ninh.yaml"))
