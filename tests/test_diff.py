"""The checklist diff: every kind of change, its classification, and the bump the whole needs."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from assess.checklists.changelog import headline, markdown
from assess.checklists.diff import Diff, diff
from assess.core.semver import next_version, version_bump
from assess.documents.models import Checklist
from assess.outputs.terminal.diff import table
from tests.conftest import MINI_DIR

BASE: dict[str, Any] = yaml.safe_load((MINI_DIR / "mini" / "1.0.0.yaml").read_text("utf-8"))
OLD = Checklist.model_validate(BASE)


def changed(edit: Callable[[dict[str, Any]], None], version: str = "1.1.0") -> Diff:
    """The diff from mini 1.0.0 to a copy changed by `edit`."""
    doc = copy.deepcopy(BASE)
    doc["version"] = version
    edit(doc)
    return diff(OLD, Checklist.model_validate(doc))


def ctrl(doc: dict[str, Any], cid: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for d in doc["domains"] for c in d["controls"] if c["id"] == cid)
    return found


def only(d: Diff) -> tuple[str, str, str, str]:
    """(target, field, kind, bump) of the one change."""
    assert len(d.changes) == 1, d.changes
    c = d.changes[0]
    return c.target, c.field, c.kind, c.bump


def test_same_content_needs_no_bump_and_version_and_status_are_not_changes() -> None:
    d = changed(lambda doc: doc.update(status="draft"))
    assert d.changes == () and d.bump == "none"
    assert headline(d).endswith("nothing that needs a new version")


# ── controls ──


def test_removed_control_is_major() -> None:
    d = changed(lambda doc: doc["domains"][1]["controls"].pop())
    assert only(d) == ("ENC-03", "", "removed", "major") and d.removed == ["ENC-03"]
    assert d.bump == "major"


def test_added_control_is_minor_even_a_blocker() -> None:
    def add(doc: dict[str, Any]) -> None:
        new = copy.deepcopy(ctrl(doc, "ENC-02"))
        new.update(id="ENC-04", blocker=True, requirement={"vi": "Khóa được xoay vòng.",
                                                            "en": "Keys are rotated."})
        doc["domains"][1]["controls"].append(new)

    d = changed(add)
    assert only(d) == ("ENC-04", "", "added", "minor") and d.added == ["ENC-04"]
    assert d.changes[0].after["blocker"] is True


def test_same_requirement_under_a_new_id_is_a_rename_and_major() -> None:
    d = changed(lambda doc: ctrl(doc, "RES-02").update(id="RES-09"))
    assert d.renamed == {"RES-02": "RES-09"} and d.added == [] and d.removed == []
    assert only(d) == ("RES-09", "", "renamed", "major")


def test_control_moved_to_another_domain_is_major() -> None:
    def move(doc: dict[str, Any]) -> None:
        doc["domains"][1]["controls"].append(doc["domains"][0]["controls"].pop())

    assert only(changed(move)) == ("RES-02", "domain", "moved", "major")


@pytest.mark.parametrize("name", ["title", "guidance", "evidence", "remediation"])
def test_wording_of_title_guidance_evidence_remediation_is_patch(name: str) -> None:
    d = changed(lambda doc: ctrl(doc, "ENC-02")[name].update(en="Something else entirely."))
    assert only(d) == ("ENC-02", name, "reworded", "patch")
    assert d.changes[0].before["en"] != d.changes[0].after["en"]


def test_requirement_words_changed_is_major() -> None:
    d = changed(lambda doc: ctrl(doc, "ENC-02")["requirement"].update(
        vi="Khóa được quản lý và xoay vòng."))
    assert only(d) == ("ENC-02", "requirement", "changed", "major")


def test_requirement_case_punctuation_and_spacing_only_is_patch() -> None:
    d = changed(lambda doc: ctrl(doc, "ENC-02")["requirement"].update(
        en="keys  are managed!", vi="Khóa được quản lý"))
    assert only(d) == ("ENC-02", "requirement", "reworded", "patch")


@pytest.mark.parametrize(("old", "new", "kind"), [("high", "critical", "raised"),
                                                  ("high", "low", "lowered")])
def test_severity_change_either_way_is_major(old: str, new: str, kind: str) -> None:
    assert ctrl(BASE, "RES-02")["severity"] == old
    d = changed(lambda doc: ctrl(doc, "RES-02").update(severity=new))
    assert only(d) == ("RES-02", "severity", kind, "major")
    assert (d.changes[0].before, d.changes[0].after) == (old, new)


def test_blocker_made_stricter_is_major_and_relaxed_is_minor() -> None:
    assert only(changed(lambda doc: ctrl(doc, "RES-02").update(blocker=True))) == (
        "RES-02", "blocker", "raised", "major")
    assert only(changed(lambda doc: ctrl(doc, "RES-01").update(blocker=False))) == (
        "RES-01", "blocker", "lowered", "minor")


def test_applies_if_narrowed_or_widened_is_major_and_order_is_no_change() -> None:
    assert only(changed(lambda doc: ctrl(doc, "ENC-02").update(
        applies_if=["processes_personal_data"]))) == ("ENC-02", "applies_if", "narrowed",
                                                      "major")
    assert only(changed(lambda doc: ctrl(doc, "RES-01").update(applies_if=[]))) == (
        "RES-01", "applies_if", "widened", "major")
    assert changed(lambda doc: ctrl(doc, "RES-01").update(
        applies_if=["stores_personal_data", "processes_personal_data"])).bump == "major"
    doc = copy.deepcopy(BASE)
    ctrl(doc, "RES-01")["applies_if"] = ["processes_personal_data", "stores_personal_data"]
    two = Checklist.model_validate(doc)
    doc2 = copy.deepcopy(doc)
    ctrl(doc2, "RES-01")["applies_if"].reverse()
    assert diff(two, Checklist.model_validate(doc2)).changes == ()


@pytest.mark.parametrize(("cid", "rule", "kind"), [("ENC-03", "G-E2E-SENSITIVE", "added"),
                                                   ("RES-01", "G-RES-XFER", "changed"),
                                                   ("RES-01", None, "removed")])
def test_rule_added_changed_or_removed_is_major(cid: str, rule: str | None, kind: str) -> None:
    assert only(changed(lambda doc: ctrl(doc, cid).update(rule=rule))) == (
        cid, "rule", kind, "major")


def test_legal_basis_citations_are_patch() -> None:
    def cite(doc: dict[str, Any]) -> None:
        ctrl(doc, "RES-01")["legal_basis"][0]["article"] = "26(1)"
        ctrl(doc, "RES-02")["legal_basis"] = [{"document": {"vi": "Luật Bảo vệ dữ liệu cá nhân",
                                                            "en": "Law on PDP"},
                                               "number": "91/2025/QH15", "status": "confirmed"}]

    d = changed(cite)
    assert [(c.target, c.field, c.bump) for c in d.changes] == [
        ("RES-01", "legal_basis", "patch"), ("RES-02", "legal_basis", "patch")]
    assert d.bump == "patch"


def test_owner_change_is_minor() -> None:
    assert only(changed(lambda doc: ctrl(doc, "ENC-02").update(owner="province"))) == (
        "ENC-02", "owner", "changed", "minor")


# ── domains ──


def test_new_domain_is_minor_with_its_controls() -> None:
    def add(doc: dict[str, Any]) -> None:
        new = copy.deepcopy(ctrl(doc, "ENC-02"))
        new.update(id="LOG-01", requirement={"vi": "Truy cập được ghi nhật ký.",
                                             "en": "Access is logged."})
        doc["domains"].append({"id": "LOG", "title": {"vi": "Nhật ký", "en": "Logging"},
                               "weight": 1, "controls": [new]})

    d = changed(add)
    assert [(c.area, c.target, c.kind, c.bump) for c in d.changes] == [
        ("domain", "LOG", "added", "minor"), ("control", "LOG-01", "added", "minor")]
    assert d.bump == "minor"


def test_removed_domain_is_major() -> None:
    d = changed(lambda doc: doc["domains"].pop())
    assert ("domain", "ENC", "removed", "major") in [(c.area, c.target, c.kind, c.bump)
                                                     for c in d.changes]
    assert d.removed == ["ENC-01", "ENC-02", "ENC-03"]


def test_domain_weight_either_way_is_major_and_title_is_patch() -> None:
    assert only(changed(lambda doc: doc["domains"][0].update(weight=1))) == (
        "RES", "weight", "lowered", "major")
    assert only(changed(lambda doc: doc["domains"][0]["title"].update(en="Residency"))) == (
        "RES", "title", "reworded", "patch")


# ── scoring ──


@pytest.mark.parametrize(("path", "value", "kind", "bump"), [
    (("thresholds", "approve"), 85, "raised", "major"),
    (("thresholds", "approve"), 75, "lowered", "minor"),
    (("thresholds", "conditional"), 55, "raised", "major"),
    (("status_values", "partial"), 0.4, "lowered", "major"),
    (("status_values", "partial"), 0.6, "raised", "minor"),
    (("severity_weights", "low"), 2, "changed", "major"),
    (("severity_weights", "critical"), 4, "changed", "major"),
    (("risk", "impact", "class_levels", "personal"), 3, "raised", "major"),
    (("risk", "impact", "class_levels", "personal"), 1, "lowered", "minor"),
    (("risk", "impact", "subjects_step_up"), 50000, "lowered", "major"),
    (("risk", "impact", "subjects_step_up"), 200000, "raised", "minor"),
    (("risk", "likelihood_levels", "medium"), 3, "raised", "major"),
    (("risk", "partial_step_down"), 0, "lowered", "major"),
    (("risk", "partial_step_down"), 2, "raised", "minor"),
])
def test_scoring_stricter_is_major_looser_is_minor(path: tuple[str, ...], value: float,
                                                    kind: str, bump: str) -> None:
    def edit(doc: dict[str, Any]) -> None:
        node = doc["scoring"]
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    target, fld, k, b = only(changed(edit))
    assert (target, fld, k, b) == ("scoring", ".".join(path), kind, bump)


def test_risk_matrix_rating_raised_is_major_lowered_is_minor() -> None:
    d = changed(lambda doc: doc["scoring"]["risk"]["matrix"][1].__setitem__(1, "high"))
    assert only(d) == ("scoring", "risk.matrix[2][2]", "raised", "major")
    assert (d.changes[0].before, d.changes[0].after) == ("medium", "high")
    d = changed(lambda doc: doc["scoring"]["risk"]["matrix"][3].__setitem__(3, "high"))
    assert only(d) == ("scoring", "risk.matrix[4][4]", "lowered", "minor")


# ── identity ──


def test_description_added_is_minor_other_identity_wording_is_patch() -> None:
    assert only(changed(lambda doc: doc.update(description={"vi": "Mô tả", "en": "About"}))) == (
        "mini", "description", "added", "minor")
    assert only(changed(lambda doc: doc.update(effective_from="2027-01-01"))) == (
        "mini", "effective_from", "changed", "patch")
    assert only(changed(lambda doc: doc["publisher"].update(en="The assess team"))) == (
        "mini", "publisher", "changed", "patch")


def test_the_whole_diff_needs_its_largest_bump() -> None:
    def edit(doc: dict[str, Any]) -> None:
        ctrl(doc, "ENC-02")["title"]["en"] = "Key handling"          # patch
        ctrl(doc, "ENC-02")["owner"] = "shared"                      # minor
        doc["scoring"]["thresholds"]["approve"] = 90                  # major

    d = changed(edit)
    assert sorted(c.bump for c in d.changes) == ["major", "minor", "patch"] and d.bump == "major"
    assert list(d.changed) == ["ENC-02"]


# ── versions ──


@pytest.mark.parametrize(("old", "new", "bump"), [
    ("1.0.0", "2.0.0", "major"), ("1.0.0", "1.1.0", "minor"), ("1.0.0", "1.0.1", "patch"),
    ("1.9.0", "1.10.0", "minor"), ("1.2.3", "2.0.0", "major"), ("1.1.0", "1.0.0", "none"),
    ("1.0.0", "1.0.0", "none")])
def test_version_bump(old: str, new: str, bump: str) -> None:
    assert version_bump(old, new) == bump


def test_next_version() -> None:
    assert [next_version("1.2.3", b) for b in ("major", "minor", "patch", "none")] == [
        "2.0.0", "1.3.0", "1.2.4", "1.2.4"]


# ── output ──


def sample() -> Diff:
    def edit(doc: dict[str, Any]) -> None:
        doc["domains"][1]["controls"].pop()
        ctrl(doc, "RES-02")["severity"] = "critical"
        ctrl(doc, "RES-02")["guidance"]["en"] = "Read the contract and its annexes."
        doc["scoring"]["thresholds"]["approve"] = 85

    return changed(edit, version="2.0.0")


def test_json_has_summary_bump_and_every_change() -> None:
    data = json.loads(json.dumps(sample().to_dict()))
    assert data["bump"] == "major" and data["version_bump"] == "major"
    assert data["suggested_version"] == "2.0.0"
    assert data["summary"] == {"added": [], "removed": ["ENC-03"], "renamed": {},
                               "changed": ["RES-02"]}
    assert {"area", "target", "kind", "field", "bump", "why", "before", "after"} <= set(
        data["changes"][0])


def test_headline_says_what_changed_and_the_bump() -> None:
    assert headline(sample()) == (
        "mini@1.0.0 → mini@2.0.0: controls 0 added, 1 removed, 1 changed; 1 other change; "
        "needs a major version bump (1.0.0 → 2.0.0 at least; this is a major bump)")


def test_markdown_changelog_entry() -> None:
    text = markdown(sample(), "en", heading="2.0.0 — released 2026-12-01")
    assert text.startswith("## 2.0.0 — released 2026-12-01\n\nCompared with mini@1.0.0: needs a "
                           "**major** version bump.")
    for part in ("### Controls removed", "- **ENC-03** End-to-end for sensitive data (ENC; high)",
                 "### Controls changed", "**RES-02** `severity`: `high` → `critical` — *major*",
                 "Read the ~~contract.~~ **contract and its annexes.**", "### Scoring",
                 "`thresholds.approve`: `80` → `85` — *major*"):
        assert part in text, part


def test_table_renders_every_change() -> None:
    from rich.console import Console

    console = Console(width=160, record=True, color_system=None)
    console.print(table(sample(), "en"))
    out = console.export_text()
    for part in ("mini@1.0.0 → mini@2.0.0", "ENC-03", "removed", "severity raised",
                 "high → critical", "[-contract.-] {+contract and its annexes.+}",
                 "thresholds.approve raised", "80 → 85"):
        assert part in out, part
