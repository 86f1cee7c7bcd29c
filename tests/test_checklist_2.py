"""vn-third-party-channel 2.0.0, for the law in force since July 2026: it loads and lints without
error, cites only the legal register's instruments (in the 2.x form: `ref` with article, clause
and point apart), rests no control on law no longer in force, needs a major bump from 1.1.0, and
decides CON-01 and PDP-06 from the proposal's data (G-CHANNEL-EXCLUSIVE, G-ID-IMAGE); lint refuses
a copy whose CON-01 cites Decree 42/2022 alone; the released 1.x files are unchanged."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from assess.checklists.catalog import PLATFORMS, Catalog
from assess.checklists.changelog import show
from assess.checklists.content import load_for_lint
from assess.checklists.diff import diff
from assess.checklists.lint import lint_file
from assess.checklists.loading import load_inputs, resolve_checklist
from assess.checklists.lock import read_lock
from assess.core.resources import data_dir
from assess.documents.loading import parse_model
from assess.documents.models import Checklist
from assess.documents.yamlsource import parse
from assess.engine.evaluate import evaluate
from assess.engine.vocabulary import RULES
from assess.legal.checks import controls_law
from assess.legal.register import load_register
from tests.helpers import DATA, dump, hit_ids, run_cli

ID = "vn-third-party-channel"
REF = f"{ID}@2.0.0"
FOLDER = data_dir("checklists") / ID
FILE = FOLDER / "2.0.0.yaml"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _doc() -> dict[str, Any]:
    out: dict[str, Any] = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    return out


def _controls(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for d in doc["domains"] for c in d["controls"]}


# ── loads, lints, cites the register ─────────────────────────────────────────────────────────


def test_it_loads_and_lints_without_error() -> None:
    loaded = resolve_checklist(REF, Catalog())
    assert loaded.doc.ref == REF and len(loaded.doc.controls()) == 65
    report = lint_file(FILE)
    assert not report.failed, [str(i) for i in report.issues if i.level == "error"]
    result = run_cli("checklist", "lint", REF)
    assert result.exit_code == 0, result.output


def test_every_citation_is_a_register_id_in_the_new_form_and_resolves() -> None:
    reg = load_register().doc.by_id()
    raw = _doc()
    for cid, c in _controls(raw).items():
        for lb in c["legal_basis"]:
            assert set(lb) <= {"ref", "article", "clause", "point", "note", "status"}, (cid, lb)
            assert lb["ref"] in reg, (cid, lb["ref"])
            assert "(" not in lb.get("article", ""), (cid, lb)  # clause and point apart
            assert lb["status"] in ("confirmed", "to-confirm"), (cid, lb)
            if reg[lb["ref"]].status == "to-confirm":
                assert lb["status"] == "to-confirm", (cid, lb["ref"])
            note = lb.get("note")
            assert note is None or (note["vi"].strip() and note["en"].strip()), (cid, lb)
    resolved = resolve_checklist(REF, Catalog()).doc
    for c in resolved.controls():
        for lb in c.legal_basis:
            assert lb.number == reg[str(lb.ref)].number and lb.type is not None


def test_every_citing_control_rests_on_law_in_force_on_its_effective_day() -> None:
    cl = resolve_checklist(REF, Catalog()).doc
    assert cl.effective_from == dt.date(2027, 2, 1)
    assert cl.effective_from > resolve_checklist(f"{ID}@1.1.0", Catalog()).doc.effective_from
    reg = load_register().doc
    laws = controls_law(cl, reg, cl.effective_from)
    assert laws and all(law.in_force for law in laws), [law.control for law in laws
                                                        if not law.in_force]


@pytest.mark.parametrize("old,new,note", [
    ("decree-42-2022", "decree-224-2026", "CON-01"),
    ("decree-53-2022", "decree-333-2026", "RES-01"),
    ("decree-85-2016", "decree-331-2026", "SYS-01"),
])
def test_a_replaced_instrument_is_kept_beside_its_replacement(old: str, new: str,
                                                              note: str) -> None:
    for cid, c in _controls(_doc()).items():
        refs = [lb["ref"] for lb in c["legal_basis"]]
        if old in refs:
            assert new in refs, (cid, refs)
    assert old in [lb["ref"] for lb in _controls(_doc())[note]["legal_basis"]]


def test_sanctions_and_their_status_are_in_the_guidance() -> None:
    cs = _controls(_doc())
    for cid, figure in (("PDP-07", "20–30"), ("RES-03", "30–50"), ("LOG-04", "1–5%"),
                        ("LOG-05", "1–5%")):
        g = cs[cid]["guidance"]
        assert figure in g["vi"] and figure in g["en"], cid
        assert "330/2026" in g["vi"] and "cần xác minh" in g["vi"], cid
        assert "330/2026" in g["en"] and "to confirm" in g["en"], cid
        assert "decree-330-2026" in [lb["ref"] for lb in cs[cid]["legal_basis"]], cid


def test_approvals_carry_at_most_a_medium_risk() -> None:
    assert resolve_checklist(REF, Catalog()).doc.scoring.approve_max_risk == "medium"


def test_the_legal_status_shows_no_control_resting_only_on_ended_law() -> None:
    result = run_cli("legal", "status", "--on", "2026-12-01", "--checklist", REF, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    (entry,) = data["checklists"]
    assert entry["ref"] == REF
    assert not [c["id"] for c in entry["controls"] if c["rests_only_on_them"]]
    # the older instruments kept beside their replacements are listed, each with one in force
    assert {"RES-01", "CON-01", "SYS-01"} <= {c["id"] for c in entry["controls"]}


# ── the diff and the release ─────────────────────────────────────────────────────────────────


def test_the_diff_from_1_1_0_is_major() -> None:
    result = run_cli("checklist", "diff", f"{ID}@1.1.0", REF, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["bump"] == "major" and data["version_bump"] == "major"
    assert not data["summary"]["added"] and not data["summary"]["removed"]
    major = {(c["target"], c["field"]) for c in data["changes"] if c["bump"] == "major"}
    assert {("CON-01", "rule"), ("PDP-06", "rule"), ("scoring", "approve_max_risk")} <= major
    for cid in ("RES-03", "RES-04", "RES-05", "ACC-06", "PDP-07", "PDP-09", "VEN-02",
                "VEN-06", "LOG-05", "RET-03"):
        assert (cid, "requirement") in major, cid


def test_the_released_versions_are_unchanged() -> None:
    lock = read_lock(FOLDER)
    for version in ("1.0.0", "1.1.0"):
        assert lint_file(FOLDER / f"{version}.yaml").failed is False, version
        assert version in lock


def test_approve_max_risk_in_the_diff() -> None:
    base = yaml.safe_load((DATA / "checklists" / "mini" / "1.0.0.yaml").read_text("utf-8"))

    def cl(cap: str | None, version: str) -> Checklist:
        doc = copy.deepcopy(base)
        doc["version"] = version
        if cap is not None:
            doc["scoring"]["approve_max_risk"] = cap
        return parse_model(parse(dump(doc), f"{version}.yaml"), Checklist)

    def change(a: str | None, b: str | None) -> tuple[str, str]:
        (c,) = [c for c in diff(cl(a, "1.0.0"), cl(b, "1.1.0")).changes
                if c.field == "approve_max_risk"]
        return c.kind, c.bump

    assert change(None, "medium") == ("lowered", "major")  # a cap set: stricter
    assert change("high", "medium") == ("lowered", "major")
    assert change("medium", "high") == ("raised", "minor")
    assert change("medium", None) == ("raised", "minor")  # the cap removed: looser
    assert not [c for c in diff(cl("high", "1.0.0"), cl("high", "1.1.0")).changes
                if c.field == "approve_max_risk"]


def test_a_changelog_shows_a_register_citation_by_id_with_its_provision() -> None:
    cites = [{"ref": "law-91-2025", "article": "20", "clause": "6", "point": "a"},
             {"ref": "decree-330-2026", "status": "to-confirm"}]
    assert show(cites, "en") == "law-91-2025 art. 20(6)(a); decree-330-2026 (to confirm)"
    assert show([{"number": "91/2025/QH15", "article": "20(6)(a)"}], "en") == \
        "91/2025/QH15 art. 20(6)(a)"


# ── lint refuses a control resting on ended law alone ────────────────────────────────────────


def test_lint_refuses_a_copy_whose_con_01_cites_decree_42_alone(tmp_path: Path) -> None:
    doc = _doc()
    doc["version"], doc["status"] = "2.0.1", "draft"
    con01 = _controls(doc)["CON-01"]
    con01["legal_basis"] = [{"ref": "decree-42-2022", "article": "5"}]
    folder = tmp_path / ID
    folder.mkdir()
    path = folder / "2.0.1.yaml"
    path.write_bytes(dump(doc))
    cl, source, issues = load_for_lint(path)
    assert cl is not None and source is not None and not issues
    result = run_cli("checklist", "lint", str(path), "--lang", "en")
    assert result.exit_code == 2, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.output
    line = source.line_of(("domains", 7, "controls", 0, "legal_basis", 0))
    assert f"{path}:{line}: domains[7].controls[0].legal_basis[0]" in errors[0]
    assert "control CON-01: none of its citations is in force on 2027-02-01" in errors[0]
    assert "decree-42-2022" in errors[0] and "decree-224-2026" in errors[0]


# ── CON-01 and PDP-06 decided from the data ──────────────────────────────────────────────────


def _example() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(
        (EXAMPLES / "bac-ninh-zalo-notifications.yaml").read_text(encoding="utf-8"))
    doc["checklist"] = REF
    return doc


def _assess(doc: dict[str, Any]) -> Any:
    inputs = load_inputs(parse(dump(doc), "p.yaml"), Catalog(), platforms=Catalog(shelf=PLATFORMS))
    return evaluate(inputs.proposal, inputs.checklist, None, inputs.platform)


def _status(a: Any, cid: str) -> tuple[str, str]:
    c = next(c for c in a.controls if c.id == cid)
    return c.status.value, c.source


def test_the_two_controls_name_rules_that_decide() -> None:
    cs = resolve_checklist(REF, Catalog()).doc
    rules = {c.id: c.rule for c in cs.controls()}
    assert rules["CON-01"] == "G-CHANNEL-EXCLUSIVE" and rules["PDP-06"] == "G-ID-IMAGE"
    assert RULES["G-CHANNEL-EXCLUSIVE"].decides and RULES["G-ID-IMAGE"].decides


def test_con_01_fails_on_an_exclusive_channel() -> None:
    doc = _example()
    assert _status(_assess(doc), "CON-01")[0] != "not-met"
    doc["channel"]["exclusive"] = True
    a = _assess(doc)
    assert _status(a, "CON-01") == ("not-met", "rule")
    assert "G-CHANNEL-EXCLUSIVE@channel" in hit_ids(a)
    assert a.verdict.value == "reject"


def test_pdp_06_fails_on_an_identity_document_image_through_the_channel() -> None:
    doc = _example()
    assert _status(_assess(doc), "PDP-06")[0] != "not-met"
    doc["data"].append({"id": "cccd", "name": {"vi": "Ảnh căn cước", "en": "ID card image"},
                        "class": "sensitive-personal", "tags": ["identity-document-image"]})
    flow = next(f for f in doc["flows"]
                if f["from"] == "citizen-app" and f["to"] == "zalo-oa-service")
    flow["data"].append("cccd")
    a = _assess(doc)
    assert _status(a, "PDP-06") == ("not-met", "rule")
    assert "G-ID-IMAGE@data:cccd" in hit_ids(a)
    assert a.verdict.value == "reject"
