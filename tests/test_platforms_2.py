"""Platform profiles 1.1.0 (zalo-oa, facebook-page, telegram-bot): each adds answers for
vn-third-party-channel@2.0.0, whose operator-owned controls are facts about the operator's
service. Each 1.1.0 loads, lints without error, is released and locked, answers every
operator-owned control of 2.0.0 (and the shared ones its 1.x answers covered), marks nothing
met without a source and evidence, and leaves 1.0.0 and its answers untouched. A copy of the
Bắc Giang example on zalo-oa@1.1.0, scored against 2.0.0, takes the operator controls from the
profile."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from assess.checklists.catalog import Catalog
from assess.checklists.content import load_for_lint
from assess.checklists.lint import lint_file
from assess.checklists.loading import load_platform, resolve_checklist
from assess.checklists.lock import read_lock
from assess.core.resources import data_dir
from assess.documents.models import Platform, Status
from assess.documents.yamlsource import parse
from tests.helpers import run_cli

CHECKLIST = "vn-third-party-channel"
REF = f"{CHECKLIST}@2.0.0"
PROFILES = ("zalo-oa", "facebook-page", "telegram-bot")
SHELF = data_dir("platforms")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
OPERATOR_CONTROLS = ("RES-03", "RES-04", "RES-05", "ACC-06", "PDP-07", "PDP-09", "VEN-02",
                     "VEN-06", "LOG-05", "RET-03")

EXPECTED: dict[str, dict[str, Status]] = {
    "zalo-oa": {"ENC-02": Status.unknown, "RES-03": Status.unknown,
                "RES-04": Status.not_applicable, "RES-05": Status.unknown,
                "ACC-06": Status.unknown, "PDP-07": Status.unknown, "PDP-09": Status.unknown,
                "VEN-02": Status.unknown, "VEN-06": Status.not_applicable,
                "LOG-05": Status.unknown, "RET-03": Status.unknown},
    "facebook-page": {"ENC-02": Status.not_met, **{c: Status.unknown for c in OPERATOR_CONTROLS}},
    "telegram-bot": {"ENC-02": Status.not_met, "CON-03": Status.unknown,
                     **{c: Status.unknown for c in OPERATOR_CONTROLS},
                     "RET-03": Status.not_met},
}
"""What each profile answers for 2.0.0: nothing is met, for no public source in the profiles
shows an operator meeting any of these controls."""


def _profile(pid: str, version: str = "1.1.0") -> Platform:
    doc: Platform = load_platform(SHELF / pid / f"{version}.yaml").doc
    return doc


def _operator_controls() -> set[str]:
    cl = resolve_checklist(REF, Catalog()).doc
    return {c.id for c in cl.controls() if c.owner == "operator"}


def test_the_operator_controls_of_2_0_0_are_the_ten_reworded_ones() -> None:
    assert _operator_controls() == set(OPERATOR_CONTROLS)


@pytest.mark.parametrize("pid", PROFILES)
def test_each_1_1_0_loads_lints_and_is_released_and_locked(pid: str) -> None:
    path = SHELF / pid / "1.1.0.yaml"
    pf = _profile(pid)
    assert (pf.version, pf.status) == ("1.1.0", "released")
    report = lint_file(path)
    assert not report.failed, [str(i.problem) for i in report.issues]
    assert report.ref == f"{pid}@1.1.0"
    lock = read_lock(SHELF / pid)
    assert lock["1.1.0"] == parse(path.read_bytes(), str(path)).sha256
    assert "## 1.1.0 — released 2026-12-02" in (SHELF / pid / "CHANGELOG.md").read_text("utf-8")


@pytest.mark.parametrize("pid", PROFILES)
def test_1_0_0_is_unchanged_and_1_1_0_keeps_its_facts_and_older_answers(pid: str) -> None:
    old_path = SHELF / pid / "1.0.0.yaml"
    assert read_lock(SHELF / pid)["1.0.0"] == parse(old_path.read_bytes(), str(old_path)).sha256
    old, new = _profile(pid, "1.0.0"), _profile(pid)
    assert new.checked_on == old.checked_on  # the facts were not re-checked
    skip = {"version", "status", "answers"}
    assert new.model_dump(exclude=skip) == old.model_dump(exclude=skip)
    for ref, answers in old.answers.items():
        assert new.answers[ref] == answers


@pytest.mark.parametrize("pid", PROFILES)
def test_each_1_1_0_answers_every_operator_control_of_2_0_0(pid: str) -> None:
    answers = _profile(pid).answers[REF]
    assert _operator_controls() <= set(answers)
    assert {cid: a.status for cid, a in answers.items()} == EXPECTED[pid]
    # every shared control the 1.x answers covered is answered for 2.0.0 too
    assert set(_profile(pid, "1.0.0").answers[f"{CHECKLIST}@1.1.0"]) <= set(answers)


@pytest.mark.parametrize("pid", PROFILES)
def test_nothing_is_met_without_a_source_and_an_unknown_claims_no_certainty(pid: str) -> None:
    for ref, answers in _profile(pid).answers.items():
        for cid, a in answers.items():
            where = f"{pid} {ref} {cid}"
            if a.status in (Status.met, Status.partial):
                assert a.sources and a.evidence and a.certainty != "unknown", where
            if a.status is Status.unknown:
                assert a.certainty == "unknown" and not a.evidence, where
            if a.status is not Status.unknown:
                assert a.sources and a.certainty != "unknown", where
            assert a.note is not None and a.note.vi and a.note.en, where


def test_the_shelf_lints_without_error() -> None:
    result = run_cli("platform", "lint", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output


def _bac_giang_on(tmp_path: Path, platform: str, *, drop_operator_answers: bool) -> dict[str, Any]:
    doc = yaml.safe_load((EXAMPLES / "bac-giang-zalo-2019.yaml").read_text("utf-8"))
    doc = copy.deepcopy(doc)
    doc["channel"]["platform"] = platform
    if drop_operator_answers:  # the province leaves to the profile what it answers for all
        for cid in OPERATOR_CONTROLS:
            doc["answers"].pop(cid, None)
    path = tmp_path / "bac-giang-zalo-2019.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    run = run_cli("score", str(path), "--checklist", REF, "--json")
    assert run.exit_code == 0, run.output
    result: dict[str, Any] = json.loads(run.stdout)
    return result


def test_bac_giang_on_zalo_oa_1_1_0_takes_the_operator_controls_from_the_profile(
        tmp_path: Path) -> None:
    result = _bac_giang_on(tmp_path, "zalo-oa@1.1.0", drop_operator_answers=True)
    assert (result["platform"]["id"], result["platform"]["version"]) == ("zalo-oa", "1.1.0")
    controls = {c["id"]: c for c in result["controls"]}
    expected = EXPECTED["zalo-oa"]
    for cid in OPERATOR_CONTROLS:
        c = controls[cid]
        assert c["profile_status"] == expected[cid].value, cid
        if c["applicable"]:
            assert (c["source"], c["status"]) == ("profile", expected[cid].value), cid
        else:  # the facts leave it out (a domestic operator; data not known to leave Vietnam)
            assert (c["source"], c["status"]) == ("rule", "not-applicable"), cid
    applicable = {cid for cid in OPERATOR_CONTROLS if controls[cid]["applicable"]}
    assert applicable == {"RES-05", "ACC-06", "PDP-07", "PDP-09", "VEN-02", "LOG-05", "RET-03"}


def test_on_1_0_0_the_profile_answers_nothing_for_2_0_0(tmp_path: Path) -> None:
    result = _bac_giang_on(tmp_path, "zalo-oa@1.0.0", drop_operator_answers=True)
    for c in result["controls"]:
        if c["id"] in OPERATOR_CONTROLS:
            assert c["profile_status"] is None and c["source"] != "profile", c["id"]


def test_the_worse_of_the_provinces_and_the_profiles_answer_still_counts(tmp_path: Path) -> None:
    """The example's own 1.0.0 answers kept: a province's not-met stays, the profile's unknown
    does not lift it, and the profile's answer is shown beside it."""
    result = _bac_giang_on(tmp_path, "zalo-oa@1.1.0", drop_operator_answers=False)
    controls = {c["id"]: c for c in result["controls"]}
    for cid in ("PDP-07", "VEN-02", "LOG-05", "RET-03"):
        c = controls[cid]
        assert (c["status"], c["declared"], c["profile_status"]) == (
            "not-met", "not-met", "unknown"), cid


def test_load_for_lint_reads_each_1_1_0_as_a_platform() -> None:
    for pid in PROFILES:
        doc, _, problems = load_for_lint(SHELF / pid / "1.1.0.yaml", Platform, "platform")
        assert doc is not None and not problems, pid
