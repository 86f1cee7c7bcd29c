"""The legal register: its checks, when an instrument is law, citations resolved through it,
lint at release time, and `assess legal status` / `assess legal lint`."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from assess.checklists.lint import lint_file
from assess.checklists.loading import load_checklist
from assess.cli import app
from assess.core.errors import InputError
from assess.documents.models import LegalBasis, Text
from assess.documents.models.legal import LegalRegister
from assess.legal.citations import _Index, resolve
from assess.legal.formatting import citation_text
from assess.legal.register import load_register, packaged_path
from assess.legal.standing import standing, standings
from tests.conftest import MINI_DIR

SHIPPED = Path(__file__).resolve().parent.parent / "assess" / "data" / "checklists" / \
    "vn-third-party-channel"
REGISTER: dict[str, Any] = yaml.safe_load(packaged_path().read_text("utf-8"))


def _register(tmp_path: Path, edit: Any = None) -> Path:
    doc = copy.deepcopy(REGISTER)
    if edit is not None:
        edit(doc)
    path = tmp_path / "register.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def _inst(doc: dict[str, Any], iid: str) -> dict[str, Any]:
    found: dict[str, Any] = next(i for i in doc["instruments"] if i["id"] == iid)
    return found


# ── the register ──────────────────────────────────────────────────────────────────────────────


def test_the_packaged_register_loads_and_every_shipped_citation_is_in_it() -> None:
    reg = load_register(packaged_path()).doc
    ids = {i.id for i in reg.instruments}
    for version in ("1.0.0", "1.1.0"):
        cl = load_checklist(SHIPPED / f"{version}.yaml").doc
        cited = {lb.ref for c in cl.controls() for lb in c.legal_basis}
        assert cited and cited <= ids
        assert all(lb.document is not None and lb.type is not None
                   for c in cl.controls() for lb in c.legal_basis)


def test_the_2026_instruments_of_the_reference_are_there_to_confirm() -> None:
    reg = load_register(packaged_path()).doc.by_id()
    for iid in ("decree-224-2026", "decree-333-2026", "decree-331-2026", "decree-330-2026",
                "law-116-2025", "resolution-22-2026", "law-148-2025"):
        assert iid in reg
    for iid in ("decree-224-2026", "decree-333-2026", "decree-331-2026", "decree-330-2026"):
        assert reg[iid].status == "to-confirm"
    ended = reg["decree-42-2022"].ended
    assert ended is not None and ended.by == ["decree-224-2026"] and ended.status == "to-confirm"
    assert reg["decree-53-2022"].ended is not None
    assert reg["decree-53-2022"].ended.by == ["decree-333-2026"]


@pytest.mark.parametrize(("edit", "field", "words"), [
    (lambda d: d["instruments"].append(copy.deepcopy(d["instruments"][0])), "id",
     "already entry 1"),
    (lambda d: _inst(d, "decree-42-2022")["ended"].update(by=["decree-999-2026"]), "by[0]",
     "no instrument 'decree-999-2026'"),
    (lambda d: _inst(d, "decree-13-2023")["ended"].update(day=dt.date(2020, 1, 1)), "day",
     "before it began"),
    (lambda d: _inst(d, "law-91-2025").update(in_force=dt.date(2024, 1, 1)), "in_force",
     "before it was issued"),
    (lambda d: _inst(d, "decree-45-2020").update(number="91/2025/QH15"), "number",
     "already belongs to 'law-91-2025'"),
])
def test_a_broken_register_is_one_located_message_each(tmp_path: Path, edit: Any, field: str,
                                                      words: str) -> None:
    path = _register(tmp_path, edit)
    with pytest.raises(InputError) as caught:
        load_register(path)
    problems = caught.value.problems
    assert len(problems) == 1
    p = problems[0]
    assert p.file == str(path) and p.line is not None and p.field.endswith(field)
    assert words in p.message.render("en")
    result = CliRunner().invoke(app, ["legal", "lint", str(path), "--lang", "en"])
    assert result.exit_code == 2 and words in result.output and "Traceback" not in result.output


def test_legal_lint_passes_the_packaged_register() -> None:
    result = CliRunner().invoke(app, ["legal", "lint", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "register valid" in result.output


# ── standing on a day ─────────────────────────────────────────────────────────────────────────


def test_standing_follows_the_days() -> None:
    reg = load_register(packaged_path()).doc
    by_id = reg.by_id()
    law91 = by_id["law-91-2025"]
    checked = reg.checked_on
    assert standing(law91, dt.date(2025, 12, 31), by_id, checked).state == "not-yet"
    assert standing(law91, dt.date(2026, 1, 1), by_id, checked).state == "in-force"
    old = standing(by_id["decree-13-2023"], dt.date(2026, 1, 1), by_id, checked)
    assert (old.state, old.confirmed, old.by) == ("ended", True, ("decree-356-2025",))
    assert standing(by_id["decree-13-2023"], dt.date(2025, 12, 31), by_id, checked).state == (
        "in-force")
    # Reported replaced by an instrument with no recorded day: from when it was reported.
    assert standing(by_id["decree-85-2016"], dt.date(2026, 11, 30), by_id, checked).state == (
        "in-force")
    assert standing(by_id["decree-85-2016"], checked, by_id, checked).state == "ended"


def test_a_reported_ending_is_no_longer_in_force_to_confirm() -> None:
    on = dt.date(2026, 12, 1)
    s = standings(load_register(packaged_path()).doc, on)
    assert (s["decree-42-2022"].state, s["decree-42-2022"].confirmed) == ("ended", False)
    assert s["decree-42-2022"].since == dt.date(2026, 7, 1)
    # No day recorded: ended from the day its replacement (issued 19 Aug 2026) exists.
    assert (s["decree-53-2022"].state, s["decree-53-2022"].confirmed) == ("ended", False)
    assert s["decree-53-2022"].since is None
    assert standings(load_register(packaged_path()).doc,
                     dt.date(2026, 8, 18))["decree-53-2022"].state == "in-force"
    # An instrument with no known day of entry into force is never counted in force.
    assert s["decree-333-2026"].state == "unknown"


# ── citations ─────────────────────────────────────────────────────────────────────────────────


def test_a_1x_citation_is_read_through_the_register_and_split() -> None:
    index = _Index(load_register(packaged_path()).doc)
    old = LegalBasis(document=Text(vi="x", en="x"), number="91/2025/QH15", article="20(6)(a)",
                     status="confirmed")
    out = resolve(old, index)
    assert isinstance(out, LegalBasis)
    assert (out.ref, out.type, out.article, out.clause, out.point) == (
        "law-91-2025", "law", "20", "6", "a")
    assert out.document is not None and out.document.vi == "Luật Bảo vệ dữ liệu cá nhân"
    assert citation_text(out, "vi", unbreakable=False) == (
        "điểm a khoản 6 Điều 20 Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15")
    assert citation_text(out, "en", unbreakable=False) == (
        "Article 20(6)(a) of the Law on Personal Data Protection (No. 91/2025/QH15)")
    # Đ or D in 'NĐ-CP' names the same instrument.
    nd = LegalBasis(document=Text(vi="x", en="x"), number="356/2025/ND-CP", status="confirmed")
    assert isinstance(got := resolve(nd, index), LegalBasis) and got.ref == "decree-356-2025"


def test_a_new_citation_takes_the_registers_name_and_status() -> None:
    index = _Index(load_register(packaged_path()).doc)
    new = resolve(LegalBasis(ref="decree-224-2026", status="confirmed"), index)
    assert isinstance(new, LegalBasis)
    assert new.number == "224/2026/NĐ-CP" and new.status == "to-confirm"  # the register's
    assert resolve(LegalBasis(ref="decree-224-2025"), index) == "unknown_ref"
    assert resolve(LegalBasis(ref="law-91-2025", number="92/2025/QH15"), index) == (
        "number_mismatch")


def test_a_citation_without_an_instrument_is_refused() -> None:
    index = _Index(load_register(packaged_path()).doc)
    assert resolve(LegalBasis(article="5"), index) == "no_ref"
    assert resolve(LegalBasis(ref="law-91-2025", article="20", point="a"), index) == (
        "point_without_clause")
    assert resolve(LegalBasis(ref="law-91-2025", clause="4"), index) == "clause_without_article"


def test_every_problem_of_a_citation_is_said_at_once_where_it_is(tmp_path: Path) -> None:
    """An unknown ref, a wrong number and a point without its clause, in one run, each at its
    own field, in Vietnamese by default; an article written with letters is said in words."""
    path = _mini(tmp_path, [{"ref": "decree-42-2020"},
                            {"ref": "law-91-2025", "number": "92/2025/QH15"},
                            {"ref": "law-91-2025", "article": "20", "point": "a"}])
    with pytest.raises(InputError) as caught:
        load_checklist(path)
    fields = {p.field.rsplit(".", 1)[-1] for p in caught.value.problems}
    assert {"ref", "number", "point"} <= fields
    said = " ".join(p.message.render("vi") for p in caught.value.problems)
    assert "điểm a cần khoản của nó" in said and "clause" in said
    bad = _mini(tmp_path, [{"ref": "law-91-2025", "article": "12a"}])
    result = CliRunner().invoke(app, ["checklist", "lint", str(bad), "--lang", "vi"])
    assert result.exit_code == 2 and "số điều, ví dụ 12" in result.output
    assert "^\\d" not in result.output and "Traceback" not in result.output


def _mini(tmp_path: Path, citations: list[dict[str, Any]], *, status: str = "draft",
          effective: dt.date = dt.date(2027, 6, 1)) -> Path:
    doc = yaml.safe_load((MINI_DIR / "mini" / "1.0.0.yaml").read_text("utf-8"))
    doc.update(status=status, effective_from=effective, version="9.0.0")
    for d in doc["domains"]:
        for c in d["controls"]:
            c["legal_basis"] = copy.deepcopy(citations)
    folder = tmp_path / "mini"
    folder.mkdir(exist_ok=True)
    path = folder / "9.0.0.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def test_an_unknown_instrument_in_a_checklist_is_located(tmp_path: Path) -> None:
    path = _mini(tmp_path, [{"ref": "decree-42-2020", "article": "5"}])
    with pytest.raises(InputError) as caught:
        load_checklist(path)
    p = caught.value.problems[0]
    assert p.file == str(path) and p.line is not None and p.field.endswith("legal_basis[0].ref")
    assert "decree-42-2022" in p.message.render("en")  # the closest id, to write instead


def test_lint_refuses_a_draft_resting_only_on_ended_law(tmp_path: Path) -> None:
    path = _mini(tmp_path, [{"ref": "decree-42-2022", "article": "5"}])
    report = lint_file(path)
    errors = [i for i in report.issues if i.level == "error"]
    assert errors and all("decree-42-2022" in i.problem.message.render("en") for i in errors)
    assert "decree-224-2026" in errors[0].problem.message.render("en")  # what replaced it
    result = CliRunner().invoke(app, ["checklist", "lint", str(path), "--lang", "en"])
    assert result.exit_code == 2 and "none of its citations is in force" in result.output


def test_a_repealed_citation_kept_beside_its_replacement_is_fine(tmp_path: Path) -> None:
    path = _mini(tmp_path, [{"ref": "decree-42-2022", "article": "5"},
                            {"ref": "decree-224-2026"}])
    report = lint_file(path)
    assert not [i for i in report.issues if i.level == "error"], report.issues
    unsure = [i for i in report.issues if "decree-224-2026" in i.problem.message.render("en")
              and "not yet checked" in i.problem.message.render("en")]
    assert len(unsure) == 1  # to-confirm instruments: one warning listing them


def test_a_released_version_on_ended_law_is_a_warning_not_an_error() -> None:
    report = lint_file(SHIPPED / "1.1.0.yaml")
    assert not [i for i in report.issues if i.level == "error"]
    said = [i.problem.message.render("en") for i in report.issues]
    assert any("VEN-05 of a released version" in s and "decree-42-2022" in s for s in said)


# ── assess legal status ───────────────────────────────────────────────────────────────────────


def test_status_on_2026_12_01_names_the_ended_decrees_and_the_1x_controls() -> None:
    result = CliRunner().invoke(app, ["legal", "status", "--on", "2026-12-01", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    state = {i["id"]: (i["state"], i["confirmed"]) for i in out["instruments"]}
    assert state["decree-42-2022"] == ("ended", False)
    assert state["decree-53-2022"] == ("ended", False)
    assert state["law-91-2025"] == ("in-force", True)
    by_ref = {c["ref"]: {x["id"]: x for x in c["controls"]} for c in out["checklists"]}
    for ref in ("vn-third-party-channel@1.0.0", "vn-third-party-channel@1.1.0"):
        controls = by_ref[ref]
        assert {"ACC-01", "VEN-05", "CON-01", "CON-02", "RES-01", "RES-05"} <= set(controls)
        assert controls["VEN-05"]["rests_only_on_them"] is True
        assert controls["RES-01"]["rests_only_on_them"] is False  # Law 91/2025 beside it
        assert "decree-53-2022" in controls["RES-05"]["no_longer_in_force"]


def test_status_in_the_terminal_speaks_the_readers_language() -> None:
    vi = CliRunner().invoke(app, ["legal", "status", "--on", "2026-12-01", "--lang", "vi",
                                  "--checklist", "vn-third-party-channel@1.1.0"],
                            env={"COLUMNS": "160"})
    assert vi.exit_code == 0, vi.output
    assert "hết hiệu lực" in vi.output and "cần xác minh" in vi.output
    assert "CON-02: decree-42-2022 (hết hiệu lực) — không căn cứ nào có hiệu lực" in vi.output
    en = CliRunner().invoke(app, ["legal", "status", "--on", "2026-12-01", "--lang", "en",
                                  "--checklist", "vn-third-party-channel@1.1.0"],
                            env={"COLUMNS": "160"})
    assert "no longer in force" in en.output and "to confirm" in en.output


def test_status_before_the_changes_names_what_is_not_yet_law() -> None:
    result = CliRunner().invoke(app, ["legal", "status", "--on", "2026-06-01", "--json",
                                      "--checklist", "vn-third-party-channel@1.1.0"])
    out = json.loads(result.output)
    state = {i["id"]: i["state"] for i in out["instruments"]}
    assert state["decree-42-2022"] == "in-force" and state["law-116-2025"] == "not-yet"
    controls = {c["id"]: c for c in out["checklists"][0]["controls"]}
    assert all(not c["no_longer_in_force"] for c in controls.values())  # nothing ended yet
    res01 = controls["RES-01"]  # Law 116/2025 not yet in force; Law 91/2025 in force beside
    assert {"id": "law-116-2025", "state": "not-yet"} in res01["not_in_force"]
    assert res01["rests_only_on_them"] is False
    # Before the 2025 laws, 1.x rests on law not yet in force: never said to be all clear.
    early = json.loads(CliRunner().invoke(app, ["legal", "status", "--on", "2025-06-01",
                                                "--json", "--checklist",
                                                "vn-third-party-channel@1.1.0"]).output)
    assert any(c["rests_only_on_them"] for c in early["checklists"][0]["controls"])


@pytest.mark.parametrize(("day", "words"), [
    ("01/12/2026", "YYYY-MM-DD"), ("20261201", "YYYY-MM-DD"), ("", "YYYY-MM-DD"),
    ("2026-13-01", "no such day"), ("2026-02-30", "no such day")])
def test_a_bad_day_is_one_message_and_exit_2(day: str, words: str) -> None:
    result = CliRunner().invoke(app, ["legal", "status", "--on", day, "--lang", "en"])
    assert result.exit_code == 2
    assert words in result.output and "Traceback" not in result.output


def test_the_register_model_is_a_document_kind() -> None:
    from assess.documents.models import KINDS

    assert KINDS["legal-register"] is LegalRegister


def test_status_reads_named_checklists_through_the_register_given(tmp_path: Path) -> None:
    """--register applies to --checklist too: a 1.x citation of 42/2022/NĐ-CP takes the id the
    given register has for that number."""
    path = _register(tmp_path, lambda d: _inst(d, "decree-42-2022").update(id="decree-42-2022-vn"))
    result = CliRunner().invoke(app, ["legal", "status", "--on", "2026-12-01", "--json",
                                      "--register", str(path),
                                      "--checklist", "vn-third-party-channel@1.1.0"])
    assert result.exit_code == 0, result.output
    controls = {c["id"]: c for c in json.loads(result.output)["checklists"][0]["controls"]}
    assert {"id": "decree-42-2022-vn", "state": "ended"} in controls["CON-02"]["not_in_force"]
