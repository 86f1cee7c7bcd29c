"""`assess workspace …` as an administrator uses it: set up, accounts, audit, backup, restore —
and each bad request answered with one located message and exit status 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from assess.cli import app


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ASSESS_DATABASE_URL", raising=False)
    (tmp_path / "pw").write_text("a long enough password\n", encoding="utf-8")
    return tmp_path


def _ok(runner: CliRunner, *args: str) -> str:
    done = runner.invoke(app, [*args, "--lang", "en"])
    assert done.exit_code == 0, done.output
    return done.output


def _setup(runner: CliRunner) -> None:
    _ok(runner, "workspace", "org", "add", "bo-kh-cn", "--name", "Bộ KH&CN", "--kind", "ministry")
    _ok(runner, "workspace", "user", "add", "admin", "--name", "Nguyễn Văn A", "--org",
        "bo-kh-cn", "--role", "admin", "--password-file", "pw")


def test_zero_configuration_creates_the_file_here_and_migrates_once(runner: CliRunner,
                                                                    env: Path) -> None:
    assert "(empty) → 0004" in _ok(runner, "workspace", "migrate")
    assert (env / "assess-workspace.db").is_file()
    assert "0004 → 0004" in _ok(runner, "workspace", "migrate")


def test_set_up_audit_and_tampering(runner: CliRunner, env: Path) -> None:
    _setup(runner)
    assert "intact: 2 events" in _ok(runner, "workspace", "audit", "verify")
    from assess.workspace.storage.database import open_database

    db = open_database(f"sqlite:///{env / 'assess-workspace.db'}")
    with db.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER events_no_update"))
        conn.execute(text("UPDATE events SET object_id = 'x' WHERE seq = 1"))
    db.close()
    done = runner.invoke(app, ["workspace", "audit", "verify", "--lang", "en"])
    assert done.exit_code == 1
    assert "event 1: its content does not match its recorded hash" in done.output
    assert "NOT intact: 1 breaks in 2 events" in done.output


def test_the_password_is_asked_twice_when_no_file_is_given(runner: CliRunner, env: Path) -> None:
    _ok(runner, "workspace", "org", "add", "bac-ninh", "--name", "UBND tỉnh Bắc Ninh", "--kind",
        "province")
    done = runner.invoke(app, ["workspace", "user", "add", "bn.tran", "--name", "Trần Thị B",
                               "--org", "bac-ninh", "--role", "submitter", "--lang", "en"],
                         input="a long enough password\na long enough password\n")
    assert done.exit_code == 0, done.output
    assert "a long enough password" not in done.output


@pytest.mark.parametrize("args, expected", [
    (["user", "add", "Bad Name", "--name", "x", "--org", "bo-kh-cn", "--role", "submitter"],
     ["--username: username 'Bad Name' is not valid", "--role: the submitter role needs an "
      "organisation of kind province"]),
    (["user", "add", "rv", "--name", "x", "--org", "bo-kh", "--role", "reviewer"],
     ["--organisation: no organisation 'bo-kh' (did you mean"]),
    (["user", "add", "admin", "--name", "x", "--org", "bo-kh-cn", "--role", "admin"],
     ["--username: username 'admin' is taken"]),
    (["org", "add", "Bắc Ninh", "--name", "x", "--kind", "province"],
     ["--id: organisation id 'Bắc Ninh' is not valid"]),
    (["user", "erase", "admn"], ["no account 'admn'; did you mean 'admin'?"]),
    (["restore", "pw", "--database-url", "sqlite:///other.db"], ["pw is not a SQLite backup"]),
    (["restore", "missing.db", "--database-url", "sqlite:///other.db"], ["missing.db"]),
    (["migrate", "--database-url", "postgresql+psycopg://nobody@/nothing?host=/nonexistent"],
     ["the database postgresql+psycopg://nobody@/nothing?host=%2Fnonexistent cannot be used",
      "No such file"]),
])
def test_bad_requests_exit_2_with_located_messages(runner: CliRunner, env: Path, args: list[str],
                                                   expected: list[str]) -> None:
    _setup(runner)
    done = runner.invoke(app, ["workspace", *args, "--password-file", "pw", "--lang", "en"]
                         if args[:2] == ["user", "add"] else ["workspace", *args, "--lang", "en"])
    assert done.exit_code == 2, done.output
    for line in expected:
        assert line in done.output
    assert "Traceback" not in done.output


def test_backup_and_restore_round_trip(runner: CliRunner, env: Path) -> None:
    _setup(runner)
    _ok(runner, "workspace", "backup", "-o", "snap.db")
    assert "intact: 2 events" in _ok(runner, "workspace", "restore", "snap.db",
                                     "--database-url", "sqlite:///restored.db")
    done = runner.invoke(app, ["workspace", "restore", "snap.db", "--database-url",
                               "sqlite:///restored.db", "--lang", "en"])
    assert done.exit_code == 2 and "not empty" in done.output
    done = runner.invoke(app, ["workspace", "backup", "-o", "assess-workspace.db", "--lang", "en"])
    assert done.exit_code == 2 and "is the database itself" in done.output
    assert "intact: 2 events" in _ok(runner, "workspace", "audit", "verify")


def test_erasing_a_person_keeps_the_log_verifiable(runner: CliRunner, env: Path) -> None:
    _setup(runner)
    assert "erased the personal data of account number 1" in _ok(runner, "workspace", "user",
                                                                 "erase", "admin")
    assert "intact: 3 events" in _ok(runner, "workspace", "audit", "verify")


def test_serve_prints_the_address_and_how_to_make_the_first_account(
        runner: CliRunner, env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    served: list[tuple[object, str, int]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **_: served.append(
        (app, host, port)))
    out = _ok(runner, "serve", "--port", "8123")
    assert "http://127.0.0.1:8123/" in out
    assert "assess workspace user add admin --name 'Administrator' --org bo-kh-cn --role admin" in out
    assert (env / "assess-workspace.db").exists() and served[0][1:] == ("127.0.0.1", 8123)
    _setup(runner)
    assert "user add" not in _ok(runner, "serve")  # once there is an account


def test_serve_opens_the_seal_key_at_start_and_says_a_wrong_password(
        runner: CliRunner, env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from assess.signatures.demo_ca import make_demo

    served: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **_: served.append(app))
    demo = make_demo("Phạm Văn Minh", body="Bộ Khoa học và Công nghệ", password="đúng-rồi")
    (env / "ca.pem").write_bytes(demo.ca_pem)
    (env / "seal.p12").write_bytes(demo.seal_p12)
    (env / "pw").write_text("sai-rồi\n", encoding="utf-8")
    bad = runner.invoke(app, ["serve", "--trust", "ca.pem", "--seal-key", "seal.p12",
                              "--seal-password-file", "pw"])
    assert bad.exit_code == 2 and "seal.p12" in bad.output and not served
    (env / "pw").write_text("đúng-rồi\n", encoding="utf-8")
    _ok(runner, "serve", "--trust", "ca.pem", "--seal-key", "seal.p12",
        "--seal-password-file", "pw")
    state = served[0].state  # type: ignore[attr-defined]
    assert state.signing.seal is not None and len(state.signing.trust_roots) == 1
    token = runner.invoke(app, ["serve", "--pkcs11-lib", "seal.p12", "--token-label", "x"])
    assert token.exit_code == 2 and "--key-label" in token.output and "--pin-file" in token.output


def test_import_then_export_a_cli_proposal_and_review(runner: CliRunner, env: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    monkeypatch.setenv("COLUMNS", "40")  # a narrow terminal: a message naming a file stays whole

    examples = Path(__file__).resolve().parents[2] / "examples"
    _setup(runner)
    _ok(runner, "workspace", "org", "add", "bac-giang", "--name", "UBND tỉnh Bắc Giang",
        "--kind", "province")
    _ok(runner, "workspace", "user", "add", "bg.nguyen", "--name", "Nguyễn Thị Hoa", "--org",
        "bac-giang", "--role", "submitter", "--password-file", "pw")
    _ok(runner, "workspace", "user", "add", "rv.luong", "--name", "Lương Minh Đức", "--org",
        "bo-kh-cn", "--role", "reviewer", "--password-file", "pw")
    proposal = examples / "bac-giang-zalo-2019.yaml"
    review = examples / "bac-giang-zalo-2019.review.yaml"
    alone = runner.invoke(app, ["workspace", "import", str(proposal), "--title", "Zalo OA",
                                "--submitter", "bg.nguyen", "--review", str(review),
                                "--lang", "en"])
    assert alone.exit_code == 2 and "--reviewer" in alone.output
    nobody = runner.invoke(app, ["workspace", "import", str(proposal), "--title", "Zalo OA",
                                 "--submitter", "khong.co", "--lang", "en"])
    assert nobody.exit_code == 2 and "no active account 'khong.co'" in nobody.output
    out = _ok(runner, "workspace", "import", str(proposal), "--title", "Zalo OA Bắc Giang",
              "--submitter", "bg.nguyen", "--review", str(review), "--reviewer", "rv.luong")
    assert f"{proposal} as dossier 1" in out.splitlines()[-1]
    assert "wrote dossier 1" in _ok(runner, "workspace", "export", "1", "-o", "ho-so.zip")
    with zipfile.ZipFile(env / "ho-so.zip") as z:
        assert z.read(f"v1/{proposal.name}") == proposal.read_bytes()
        assert z.read("v1/review.yaml") == review.read_bytes()  # the hashes are kept
    assert "intact" in _ok(runner, "workspace", "audit", "verify")


def test_portfolio_and_due_read_the_workspace(runner: CliRunner, env: Path) -> None:
    """`--workspace` counts the dossiers the web page counts: each by its latest version, the
    reviewed verdict once decided; files and --workspace together, or neither, is refused."""
    import datetime as dt
    import json

    from assess.workspace.services import decisions, dossiers
    from assess.workspace.services.access import Role
    from assess.workspace.storage.database import open_database
    from tests.workspace.world import PROPOSAL, organisations, person

    db = open_database(f"sqlite:///{env / 'assess-workspace.db'}")
    organisations(db)
    bn, rv = person(db, "bn.tran", "bac-ninh", Role.SUBMITTER), \
        person(db, "rv.pham", "bo-kh-cn", Role.REVIEWER)
    d = dossiers.create_dossier(db, bn, "Zalo OA thông báo")
    v = dossiers.upload(db, bn, d.id, PROPOSAL.read_bytes(), PROPOSAL.name)
    dossiers.submit(db, bn, d.id)
    decisions.decide(db, rv, v.id, verdict="conditional", rationale="Chờ phụ lục.",
                     position="Chuyên viên", conditions=[decisions.ConditionIn(
                         "Ký phụ lục", "RES-01", due=dt.date(2026, 1, 15))])
    db.close()
    _ok(runner, "portfolio", "--workspace", "-o", "p.json")
    data = json.loads((env / "p.json").read_text(encoding="utf-8"))
    (row,) = data["rows"]
    assert row["key"] == f"/dossiers/{d.id}" and row["state"] == "reviewed"
    assert row["verdict"].startswith("conditional") and row["conditions_open"] == 1
    due = json.loads(_ok(runner, "due", "--workspace", "--on", "2026-12-04", "--json"))
    assert [(c["key"], c["days"]) for c in due["conditions"]] == [(f"/dossiers/{d.id}", 323)]
    for args in (["portfolio"], ["portfolio", "--workspace", "examples"], ["due"]):
        done = runner.invoke(app, [*args, "--lang", "en"])
        assert done.exit_code == 2, done.output
        assert "--workspace" in done.output and "Traceback" not in done.output
