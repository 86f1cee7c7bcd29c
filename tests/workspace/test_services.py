"""The workspace's use cases on SQLite and PostgreSQL: accounts, isolation of provinces (every
use case that takes an object's number answers 'not found' to another province), the dossier's
life, and bad uploads that store nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from assess.core.errors import InputError, NotFoundError
from assess.workspace.services import accounts, decisions, dossiers, reviews
from assess.workspace.services.access import Actor, Forbidden, Role
from assess.workspace.storage import events
from assess.workspace.storage.database import Database, open_database
from assess.workspace.storage.schema import Event, User, Version
from tests.workspace.world import PASSWORD, PROPOSAL, organisations, person


@dataclass
class World:
    db: Database
    admin: Actor
    bac_ninh: Actor
    quang_tri: Actor
    reviewer: Actor


@pytest.fixture
def world(database_url: str) -> Iterator[World]:
    db = open_database(database_url)
    organisations(db)
    yield World(db, person(db, "admin", "bo-kh-cn", Role.ADMIN),
                person(db, "bn.tran", "bac-ninh", Role.SUBMITTER),
                person(db, "qt.le", "quang-tri", Role.SUBMITTER),
                person(db, "rv.pham", "bo-kh-cn", Role.REVIEWER))
    db.close()


def _count(db: Database, model: Any) -> int:
    with db.sessions() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar() or 0)


def _dossier_with_version(w: World) -> tuple[int, Version]:
    d = dossiers.create_dossier(w.db, w.bac_ninh, "Zalo OA thông báo hồ sơ")
    v = dossiers.upload(w.db, w.bac_ninh, d.id, PROPOSAL.read_bytes(), PROPOSAL.name)
    return d.id, v


USE_CASES: dict[str, Callable[[World, Actor, int, Version], object]] = {
    "get_dossier": lambda w, a, d, v: dossiers.get_dossier(w.db, a, d),
    "upload": lambda w, a, d, v: dossiers.upload(w.db, a, d, b"kind: proposal\n", "p.yaml"),
    "submit": lambda w, a, d, v: dossiers.submit(w.db, a, d),
    "blob_of": lambda w, a, d, v: dossiers.blob_of(w.db, a, v.proposal_sha),
    "assessment": lambda w, a, d, v: dossiers.assessment(w.db, a, v.id),
    "dossier_row": lambda w, a, d, v: _row(w, a, d),
    "version_row": lambda w, a, d, v: _version(w, a, v.id),
    "proposal_of": lambda w, a, d, v: dossiers.proposal_of(w.db, a, v.id),
    "changes": lambda w, a, d, v: dossiers.changes(w.db, a, v.id),
    "events_of": lambda w, a, d, v: dossiers.events_of(w.db, a, d),
    "comment": lambda w, a, d, v: reviews.comment(w.db, a, v.id, "Bổ sung phụ lục", "RES-01"),
    "override": lambda w, a, d, v: reviews.override(w.db, a, v.id, "RES-01", "met", "Đã xem"),
    "overrides_of": lambda w, a, d, v: reviews.overrides_of(w.db, a, v.id),
    "comments_of": lambda w, a, d, v: reviews.comments_of(w.db, a, v.id),
    "request_changes": lambda w, a, d, v: reviews.request_changes(w.db, a, d, "Bổ sung"),
    "inputs_of": lambda w, a, d, v: dossiers.inputs_of(w.db, a, v.id),
    "flagged": lambda w, a, d, v: reviews.flagged(w.db, a, v.id),
    "decide": lambda w, a, d, v: decisions.decide(w.db, a, v.id, verdict="approve",
                                                  position="Chuyên viên"),
    "decision_of": lambda w, a, d, v: decisions.decision_of(w.db, a, v.id),
    "review_file": lambda w, a, d, v: decisions.review_file(w.db, a, v.id),
    "reviewed": lambda w, a, d, v: decisions.reviewed(w.db, a, v.id),
    "current": lambda w, a, d, v: decisions.current(w.db, a, v.id),
    "version_of_condition": lambda w, a, d, v: decisions.version_of_condition(
        w.db, a, _condition(w, v)),
    "update_condition": lambda w, a, d, v: decisions.update_condition(
        w.db, a, _condition(w, v), "Đã thực hiện"),
}


def _condition(w: World, v: Version) -> int:
    """A condition of `v` (deciding it first), or a number no condition has."""
    with w.db.sessions() as s:
        if s.get(Version, v.id) is None:
            return 99_999
    dossiers.submit(w.db, w.bac_ninh, v.dossier_id)
    decisions.decide(w.db, w.reviewer, v.id, verdict="conditional", rationale="Chờ phụ lục.",
                     position="Chuyên viên",
                     conditions=[decisions.ConditionIn("Ký phụ lục", "RES-01")])
    view = decisions.decision_of(w.db, w.reviewer, v.id)
    assert view is not None
    return view.conditions[0].id


def _row(w: World, a: Actor, d: int) -> object:
    with w.db.sessions() as s:
        return dossiers.dossier_row(s, a, d)


def _version(w: World, a: Actor, version_id: int) -> object:
    with w.db.sessions() as s:
        return dossiers.version_row(s, a, version_id)


def test_every_use_case_taking_an_object_is_listed_here() -> None:
    """A new use case that takes a dossier, version or blob must join the isolation test."""
    import inspect

    takes = {name for module in (dossiers, reviews, decisions)
             for name, fn in vars(module).items()
             if inspect.isfunction(fn) and fn.__module__ == module.__name__
             and not name.startswith("_") and {"dossier_id", "version_id", "sha", "condition_id"}
             & set(inspect.signature(fn).parameters)}
    assert takes == set(USE_CASES)


@pytest.mark.parametrize("case", sorted(USE_CASES))
def test_another_province_gets_not_found(world: World, case: str) -> None:
    d, v = _dossier_with_version(world)
    with pytest.raises(NotFoundError) as seen:
        USE_CASES[case](world, world.quang_tri, d, v)
    with pytest.raises(NotFoundError) as missing:  # the same answer as a number that is not there
        USE_CASES[case](world, world.quang_tri, d + 1000, Version(
            id=v.id + 1000, dossier_id=d + 1000, proposal_sha="f" * 64))
    assert type(seen.value) is type(missing.value)


def test_a_province_lists_only_its_own_and_the_ministry_all(world: World) -> None:
    _dossier_with_version(world)
    dossiers.create_dossier(world.db, world.quang_tri, "Telegram bot")
    assert {d.organisation_id for d in dossiers.list_dossiers(world.db, world.bac_ninh)} == {
        "bac-ninh"}
    assert {d.organisation_id for d in dossiers.list_dossiers(world.db, world.reviewer)} == {
        "bac-ninh", "quang-tri"}


def test_the_dossier_life_and_its_events(world: World) -> None:
    d, v = _dossier_with_version(world)
    assert dossiers.blob_of(world.db, world.reviewer, v.proposal_sha) == PROPOSAL.read_bytes()
    assert v.proposal_sha == dossiers.blobs.sha256(PROPOSAL.read_bytes())  # what a review pins
    a = dossiers.assessment(world.db, world.reviewer, v.id)
    assert a.computed_verdict.value == "approve"
    assert dossiers.submit(world.db, world.bac_ninh, d) == dossiers.SUBMITTED
    with pytest.raises(Forbidden):  # submitted: the province no longer holds it
        dossiers.upload(world.db, world.bac_ninh, d, PROPOSAL.read_bytes(), PROPOSAL.name)
    with pytest.raises(Forbidden):  # a reviewer does not submit for a province
        dossiers.submit(world.db, world.reviewer, d)
    with world.db.sessions() as s:
        actions = [e.action for e in s.execute(select(Event).where(Event.dossier_id == d)
                                               .order_by(Event.seq)).scalars()]
        assert actions == ["dossier.create", "version.upload", "dossier.submit"]
        assert events.verify(s).ok


def test_a_bad_upload_says_every_problem_and_stores_nothing(world: World) -> None:
    d = dossiers.create_dossier(world.db, world.bac_ninh, "Zalo OA")
    before = (_count(world.db, Version), _count(world.db, Event))
    bad = PROPOSAL.read_text(encoding="utf-8").replace("schema_version: 1", "schema_version: x")
    with pytest.raises(InputError) as exc:
        dossiers.upload(world.db, world.bac_ninh, d.id, bad.encode(), "de-xuat.yaml")
    assert all(p.file == "de-xuat.yaml" and p.line for p in exc.value.problems)
    with pytest.raises(InputError):
        dossiers.upload(world.db, world.bac_ninh, d.id, b"\xff\xfe not utf-8", "x.yaml")
    with pytest.raises(InputError):
        dossiers.upload(world.db, world.bac_ninh, d.id, b"a,b\n", "x.csv")
    with pytest.raises(InputError):
        dossiers.upload(world.db, world.bac_ninh, d.id, b"x" * (dossiers.MAX_UPLOAD + 1), "x.yaml")
    assert (_count(world.db, Version), _count(world.db, Event)) == before


def test_the_same_bytes_twice_are_not_a_new_version(world: World) -> None:
    d, _ = _dossier_with_version(world)
    with pytest.raises(InputError):
        dossiers.upload(world.db, world.bac_ninh, d, PROPOSAL.read_bytes(), PROPOSAL.name)


def test_a_workbook_upload_keeps_the_workbook_and_its_yaml(world: World, tmp_path: Path,
                                                           runner: Any) -> None:
    from assess.cli import app

    book = tmp_path / "bang-hoi.xlsx"
    done = runner.invoke(app, ["questionnaire", "export", "-p", str(PROPOSAL), "-o", str(book)])
    assert done.exit_code == 0, done.output
    d = dossiers.create_dossier(world.db, world.bac_ninh, "Zalo OA")
    v = dossiers.upload(world.db, world.bac_ninh, d.id, book.read_bytes(), book.name)
    assert v.upload_sha != v.proposal_sha
    assert dossiers.blob_of(world.db, world.bac_ninh, v.upload_sha) == book.read_bytes()
    assert dossiers.blob_of(world.db, world.bac_ninh, v.proposal_sha).startswith(b"# ")


def test_accounts_sign_in_and_erasure_keeps_the_chain(world: World) -> None:
    assert accounts.authenticate(world.db, "bn.tran", "wrong password") is None
    assert accounts.authenticate(world.db, "nobody", PASSWORD) is None
    signed = accounts.authenticate(world.db, "bn.tran", PASSWORD)
    assert signed is not None and signed.actor == world.bac_ninh
    with world.db.sessions() as s:
        assert "correct horse" not in (s.get(User, world.bac_ninh.user_id).password_hash or "")
    accounts.erase(world.db, world.admin, world.bac_ninh.user_id)
    assert accounts.authenticate(world.db, "bn.tran", PASSWORD) is None
    with world.db.sessions() as s:
        user = s.get(User, world.bac_ninh.user_id)
        assert user is not None and "bn.tran" not in (user.username, user.name)
        assert "Người dùng bn.tran" not in " ".join(e.detail for e in s.execute(
            select(Event)).scalars())
        assert events.verify(s).ok
        actions = [e.action for e in s.execute(select(Event).order_by(Event.seq)).scalars()]
    assert actions[-5:] == ["login.failed", "login.failed", "login.ok", "user.erase", "login.failed"]
    with pytest.raises(Forbidden):
        accounts.erase(world.db, world.reviewer, world.quang_tri.user_id)


def test_account_problems_are_said_together(world: World) -> None:
    with pytest.raises(InputError) as exc:
        accounts.add_user(world.db, None, username="Bad Name", name="x", organisation="bac-nin",
                          role=Role.SUBMITTER, password="short")
    assert {p.file for p in exc.value.problems} == {"--username", "--password", "--organisation"}
    with pytest.raises(InputError) as exc:
        accounts.add_user(world.db, None, username="rv.two", name="x", organisation="bac-ninh",
                          role=Role.REVIEWER, password=PASSWORD)
    assert [p.file for p in exc.value.problems] == ["--role"]


def test_a_review_round_overrides_comments_and_changes_requested(world: World) -> None:
    d, v = _dossier_with_version(world)
    with pytest.raises(Forbidden):  # not under review yet
        reviews.override(world.db, world.reviewer, v.id, "RES-01", "not-met", "Thiếu phụ lục")
    dossiers.submit(world.db, world.bac_ninh, d)
    with pytest.raises(Forbidden):  # a province does not override its own answers
        reviews.override(world.db, world.bac_ninh, v.id, "RES-01", "met", "Chắc chắn")
    with pytest.raises(InputError) as exc:
        reviews.override(world.db, world.reviewer, v.id, "RES-1", "not-met", "Thiếu")
    assert "RES-01" in str(exc.value)  # the closest control offered
    with pytest.raises(InputError):
        reviews.override(world.db, world.reviewer, v.id, "RES-01", "failed", "Thiếu")
    with pytest.raises(InputError):
        reviews.override(world.db, world.reviewer, v.id, "RES-01", "not-met", "   ")
    reviews.override(world.db, world.reviewer, v.id, "RES-01", "partial", "Phụ lục chưa ký")
    reviews.override(world.db, world.reviewer, v.id, "RES-01", "not-met", "Phụ lục không có")
    latest = reviews.overrides_of(world.db, world.bac_ninh, v.id)
    assert latest["RES-01"].status.value == "not-met" and len(latest) == 1
    reviews.comment(world.db, world.reviewer, v.id, "Cần phụ lục hợp đồng đã ký", "RES-01")
    reviews.comment(world.db, world.bac_ninh, v.id, "Sẽ bổ sung trong tuần")
    assert [c.control_id for c in reviews.comments_of(world.db, world.bac_ninh, v.id)] == [
        "RES-01", None]
    assert reviews.request_changes(world.db, world.reviewer, d, "Bổ sung phụ lục") == (
        dossiers.CHANGES)
    changed = PROPOSAL.read_text(encoding="utf-8").replace("title:", "# v2\ntitle:", 1)
    v2 = dossiers.upload(world.db, world.bac_ninh, d, changed.encode(), PROPOSAL.name)
    assert v2.number == 2
    assert dossiers.submit(world.db, world.bac_ninh, d) == dossiers.RESUBMITTED
    carried = reviews.overrides_of(world.db, world.reviewer, v2.id)  # nothing RES-01 reads changed
    assert carried["RES-01"].status.value == "not-met" and carried["RES-01"].carried
    with world.db.sessions() as s:
        assert events.verify(s).ok


def test_the_queue_shows_a_province_its_own_and_filters_for_the_ministry(world: World) -> None:
    d, _ = _dossier_with_version(world)
    dossiers.create_dossier(world.db, world.quang_tri, "Telegram bot")
    assert {r.dossier.organisation_id for r in dossiers.queue(world.db, world.quang_tri)} == {
        "quang-tri"}
    everything = dossiers.queue(world.db, world.reviewer)
    assert {r.dossier.organisation_id for r in everything} == {"bac-ninh", "quang-tri"}
    kept = dossiers.queue(world.db, world.reviewer, dossiers.Filters(verdict="approve"))
    assert [r.dossier.id for r in kept] == [d]
    assert dossiers.queue(world.db, world.reviewer, dossiers.Filters(state="decided")) == []
    assert [r.dossier.id for r in dossiers.queue(
        world.db, world.reviewer, dossiers.Filters(organisation="bac-ninh"))] == [d]


def test_a_resubmission_lists_what_changed(world: World) -> None:
    d, v = _dossier_with_version(world)
    assert dossiers.changes(world.db, world.bac_ninh, v.id) == (None, None)
    text = PROPOSAL.read_text(encoding="utf-8")
    assert "CON-01:\n    status: met" in text
    changed = text.replace("CON-01:\n    status: met", "CON-01:\n    status: partial", 1)
    v2 = dossiers.upload(world.db, world.bac_ninh, d, changed.encode(), PROPOSAL.name)
    before, changes = dossiers.changes(world.db, world.reviewer, v2.id)
    assert before is not None and before.id == v.id and changes is not None
    assert [(c.kind, c.key, c.before, c.after) for c in changes.changes] == [
        ("answer", "CON-01", "met", "partial")]


def _under_review(w: World) -> tuple[int, Version]:
    d, v = _dossier_with_version(w)
    dossiers.submit(w.db, w.bac_ninh, d)
    return d, v


def test_a_decision_better_than_the_controls_needs_an_exception_with_its_authority(
        world: World) -> None:
    d, v = _under_review(world)
    reviews.override(world.db, world.reviewer, v.id, "CON-01", "not-met",
                     "Không có ảnh chụp cấu hình của Cổng")
    with pytest.raises(InputError) as exc:  # the blocker fails: approve is an exception
        decisions.decide(world.db, world.reviewer, v.id, verdict="approve",
                         position="Chuyên viên")
    assert {p.field for p in exc.value.problems} >= {"exception"}
    with pytest.raises(InputError) as exc:
        decisions.decide(world.db, world.reviewer, v.id, verdict="approve", exception=True,
                         position="Chuyên viên")
    assert {p.field for p in exc.value.problems} == {"rationale", "authority"}
    with pytest.raises(Forbidden):  # a province does not decide its own dossier
        decisions.decide(world.db, world.bac_ninh, v.id, verdict="approve", position="x")
    assert decisions.decision_of(world.db, world.reviewer, v.id) is None
    decisions.decide(world.db, world.reviewer, v.id, verdict="approve", exception=True,
                     rationale="Kênh chỉ gửi thông báo công khai trong thời gian thí điểm.",
                     authority="Quyết định số 12/QĐ-BKHCN", position="Chuyên viên")
    a = decisions.reviewed(world.db, world.bac_ninh, v.id)
    assert a is not None and a.verdict.value == "approve" and a.exception
    assert a.computed_verdict.value == "reject"
    assert dossiers.get_dossier(world.db, world.bac_ninh, d).state == dossiers.DECIDED
    with pytest.raises(Forbidden):  # decided once
        decisions.decide(world.db, world.reviewer, v.id, verdict="reject", position="x",
                         rationale="Đổi ý")


def test_conditions_keep_their_ids_and_their_status_reaches_the_review_file(
        world: World, tmp_path: Path, runner: Any) -> None:
    import datetime as dt

    from assess.cli import app

    d, v = _under_review(world)
    late = decisions.today() - dt.timedelta(days=1)
    decisions.decide(world.db, world.reviewer, v.id, verdict="conditional",
                     rationale="Chờ bổ sung.", position="Chuyên viên thẩm định",
                     unit="Cục An toàn thông tin", conditions=[
                         decisions.ConditionIn("Ký phụ lục bảo vệ dữ liệu", "RES-01",
                                               "Văn phòng UBND tỉnh", late),
                         decisions.ConditionIn("Tập huấn cán bộ trả lời OA")])
    view = decisions.decision_of(world.db, world.bac_ninh, v.id)
    assert view is not None
    assert [(c.ref, c.status, c.overdue) for c in view.conditions] == [
        ("DK-1", "open", True), ("DK-2", "open", False)]
    first = view.conditions[0].id
    with pytest.raises(Forbidden):  # the province reports; the ministry accepts
        decisions.update_condition(world.db, world.bac_ninh, first, "Đã ký", "met")
    assert decisions.update_condition(world.db, world.bac_ninh, first, "Đã ký phụ lục") == "open"
    assert decisions.update_condition(world.db, world.reviewer, first, "Đã xem phụ lục",
                                      "met") == "met"
    with pytest.raises(NotFoundError):
        decisions.update_condition(world.db, world.quang_tri, first, "x")
    view = decisions.decision_of(world.db, world.reviewer, v.id)
    assert view is not None and [c.status for c in view.conditions] == ["met", "open"]
    assert not view.conditions[0].overdue and len(view.conditions[0].updates) == 2
    review = tmp_path / "review.yaml"
    review.write_bytes(decisions.review_file(world.db, world.reviewer, v.id) or b"")
    proposal = tmp_path / PROPOSAL.name
    proposal.write_bytes(dossiers.blob_of(world.db, world.reviewer, v.proposal_sha))
    done = runner.invoke(app, ["score", str(proposal), "--review", str(review), "--json"])
    assert done.exit_code == 0, done.output
    import yaml

    written = yaml.safe_load(review.read_text(encoding="utf-8"))
    assert [(c["id"], c.get("status", "open")) for c in written["conditions"]] == [
        ("DK-1", "met"), ("DK-2", "open")]
    assert '"verdict": "conditional"' in done.output
    with world.db.sessions() as s:
        actions = [e.action for e in s.execute(select(Event).where(Event.dossier_id == d)
                                               .order_by(Event.seq)).scalars()]
        assert actions[-3:] == ["dossier.decide", "condition.update", "condition.update"]
        assert events.verify(s).ok


def test_a_resubmission_carries_only_overrides_whose_inputs_did_not_change(
        world: World) -> None:
    d, v = _under_review(world)
    reviews.override(world.db, world.reviewer, v.id, "CON-01", "partial", "Thiếu ảnh chụp")
    reviews.override(world.db, world.reviewer, v.id, "RES-01", "partial", "Thiếu phụ lục")
    reviews.request_changes(world.db, world.reviewer, d, "Bổ sung bằng chứng")
    text = PROPOSAL.read_text(encoding="utf-8")
    changed = text.replace("CON-01:\n    status: met", "CON-01:\n    status: partial", 1)
    v2 = dossiers.upload(world.db, world.bac_ninh, d, changed.encode(), PROPOSAL.name)
    assert dossiers.submit(world.db, world.bac_ninh, d) == dossiers.RESUBMITTED
    with pytest.raises(Forbidden):  # decide the latest version only
        decisions.decide(world.db, world.reviewer, v.id, verdict="reject", position="x",
                         rationale="Thiếu")
    carried = reviews.overrides_of(world.db, world.reviewer, v2.id)
    assert sorted(carried) == ["RES-01"] and carried["RES-01"].carried
    [flag] = reviews.flagged(world.db, world.reviewer, v2.id)
    assert flag.control == "CON-01" and ("declared", "met", "partial") in flag.changed
    a = dossiers.assessment(world.db, world.reviewer, v2.id)
    assert {c.id: c.status.value for c in a.controls}["CON-01"] == "partial"
