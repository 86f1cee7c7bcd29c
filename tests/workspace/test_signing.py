"""The decided report's signatures in the workspace: the reviewer's own signature is accepted
only on a report the server rendered for the decision and only when `assess verify` would pass
it; the server then seals it with the body's key from a file, and `assess verify` passes on
what it hands out."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assess.core.errors import InputError, NotFoundError
from assess.signatures.demo_ca import make_demo
from assess.signatures.sign import load_key, sign_pdf
from assess.signatures.verify import load_trust_roots
from assess.workspace.services import decisions, dossiers, reports, signing
from assess.workspace.services.access import Actor, Forbidden, Role
from assess.workspace.storage.database import Database, open_database
from tests.workspace.world import MINISTRY, PROPOSAL, organisations, person, wait

REVIEWER = "Phạm Văn Minh"


@dataclass
class Keys:
    ca: Path
    personal: Path
    seal: Path
    password: Path
    other: Path  # somebody else's key under the same CA

    def signing(self) -> signing.Signing:
        return signing.Signing(load_trust_roots([self.ca]), signing.SealKey(p12=self.seal,
                                                      password_file=self.password))


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    folder = tmp_path_factory.mktemp("keys")
    demo = make_demo(REVIEWER, body=MINISTRY, password="mật-khẩu-thử")
    files = {"ca": demo.ca_pem, "personal": demo.key_p12, "seal": demo.seal_p12,
             "password": demo.password.encode() + b"\n"}
    paths = {k: folder / k for k in files}
    for k, data in files.items():
        paths[k].write_bytes(data)
    other = make_demo("Người Khác", body=MINISTRY, password="mật-khẩu-thử")
    (folder / "other").write_bytes(other.key_p12)
    (folder / "other-ca").write_bytes(other.ca_pem)
    return Keys(paths["ca"], paths["personal"], paths["seal"], paths["password"],
                folder / "other")


@pytest.fixture
def decided(database_url: str) -> Iterator[tuple[Database, Actor, Actor, Actor, int, bytes]]:
    db = open_database(database_url)
    organisations(db)
    bn = person(db, "bn.tran", "bac-ninh", Role.SUBMITTER, "Trần Thị Bình")
    qt = person(db, "qt.le", "quang-tri", Role.SUBMITTER, "Lê Văn Cường")
    rv = person(db, "rv.pham", "bo-kh-cn", Role.REVIEWER, REVIEWER)
    d = dossiers.create_dossier(db, bn, "Zalo OA thông báo")
    v = dossiers.upload(db, bn, d.id, PROPOSAL.read_bytes(), PROPOSAL.name)
    dossiers.submit(db, bn, d.id)
    decisions.decide(db, rv, v.id, verdict="conditional", rationale="Chờ phụ lục.",
                     position="Chuyên viên thẩm định",
                     conditions=[decisions.ConditionIn("Ký phụ lục", "RES-01")])
    renderer = reports.Renderer(db)
    renderer.request(rv, v.id, "vi")
    assert wait(renderer, rv, v.id).state == "done"
    pdf, _ = renderer.pdf(rv, v.id, "vi")
    renderer.close()
    yield db, bn, qt, rv, v.id, pdf
    db.close()


def _signed(pdf: bytes, key: Path, password: Path) -> bytes:
    return sign_pdf(pdf, load_key(key, password.read_bytes().strip()), accept_mismatch=True).pdf


def test_the_reviewer_signs_the_server_seals_and_assess_verify_passes(
        decided: tuple[Database, Actor, Actor, Actor, int, bytes], keys: Keys,
        tmp_path: Path, runner: CliRunner) -> None:
    from assess.cli import app

    db, bn, qt, rv, version, pdf = decided
    cfg = keys.signing()
    assert signing.signed_of(db, rv, version, cfg) is None
    mine = _signed(pdf, keys.personal, keys.password)
    with pytest.raises(Forbidden):  # a province does not sign the ministry's report
        signing.accept(db, bn, version, mine, "bao-cao.pdf", cfg)
    with pytest.raises(NotFoundError):
        signing.accept(db, qt, version, mine, "bao-cao.pdf", cfg)
    row = signing.accept(db, rv, version, mine, "bao-cao.pdf", cfg)
    assert row.sealed_sha is not None and REVIEWER in row.signer
    view = signing.signed_of(db, bn, version, cfg)
    assert view is not None and view.verification.ok, view.failures
    assert [s.role for s in view.verification.signatures] == ["personal", "organisation"]
    out = tmp_path / "report.signed.pdf"
    out.write_bytes(signing.signed_pdf(db, bn, version, cfg))
    done = runner.invoke(app, ["verify", str(out), "--trust", str(keys.ca)])
    assert done.exit_code == 0, done.output


@pytest.mark.parametrize("case", ["unsigned", "changed", "someone else", "untrusted",
                                  "sealed already"])
def test_a_signed_report_is_refused_with_its_reason(
        decided: tuple[Database, Actor, Actor, Actor, int, bytes], keys: Keys,
        case: str) -> None:
    db, _, _, rv, version, pdf = decided
    cfg = keys.signing()
    if case == "unsigned":
        data = pdf
    elif case == "changed":  # a byte of the report changed before signing (its binary comment)
        assert pdf[9:10] == b"%"
        data = _signed(pdf[:10] + b"\xee" + pdf[11:], keys.personal, keys.password)
    elif case == "someone else":
        data = _signed(pdf, keys.other, keys.password)
    elif case == "untrusted":
        data = _signed(pdf, keys.personal, keys.password)
        cfg = signing.Signing((), cfg.seal)
    else:
        mine = _signed(pdf, keys.personal, keys.password)
        data = sign_pdf(mine, load_key(keys.seal, keys.password.read_bytes().strip()),
                        role="organisation").pdf
    with pytest.raises(InputError) as exc:
        signing.accept(db, rv, version, data, "bao-cao.pdf", cfg)
    assert all(p.file == "bao-cao.pdf" for p in exc.value.problems)
    assert signing.signed_of(db, rv, version, cfg) is None  # nothing stored
    text = " ".join(str(p.message) for p in exc.value.problems)
    if case in ("unsigned", "changed"):
        assert "không phải báo cáo" in text or "not a report" in text


def test_a_dossier_exports_as_the_cli_files_and_imports_back_with_its_hashes(
        decided: tuple[Database, Actor, Actor, Actor, int, bytes], keys: Keys,
        tmp_path: Path, runner: CliRunner) -> None:
    import hashlib
    import zipfile

    from assess.cli import app
    from assess.workspace.services import transfer
    from assess.workspace.storage.schema import Decision, Version

    db, bn, qt, rv, version, pdf = decided
    cfg = keys.signing()
    decisions.update_condition(db, rv, decisions.decision_of(db, rv, version)  # type: ignore[union-attr]
                               .conditions[0].id, "Đã ký phụ lục", "met")
    signing.accept(db, rv, version, _signed(pdf, keys.personal, keys.password), "r.pdf", cfg)
    with pytest.raises(NotFoundError):
        transfer.export_dossier(db, qt, 1, cfg)
    with db.sessions() as s:
        dossier_id = s.get(Version, version).dossier_id  # type: ignore[union-attr]
    archive = transfer.export_dossier(db, bn, dossier_id, cfg)
    out = tmp_path / "export"
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        z.extractall(out)
        names = set(z.namelist())
    assert {"dossier.json", "events.json", "SHA256SUMS", f"v1/{PROPOSAL.name}", "v1/review.yaml",
            "v1/assessment.json", "v1/report.signed.pdf"} <= names
    sums = dict(reversed(line.split("  ", 1)) for line in
                (out / "SHA256SUMS").read_text().splitlines())
    for name, digest in sums.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
    scored = runner.invoke(app, ["score", str(out / "v1" / PROPOSAL.name), "--review",
                                 str(out / "v1" / "review.yaml"), "--json"])
    assert scored.exit_code == 0, scored.output
    verified = runner.invoke(app, ["verify", str(out / "v1" / "report.signed.pdf"),
                                   "--trust", str(keys.ca)])
    assert verified.exit_code == 0, verified.output

    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    organisations(other, "bo-kh-cn", "bac-ninh")
    submitter = person(other, "bn.tran", "bac-ninh", Role.SUBMITTER, "Trần Thị Bình")
    reviewer = person(other, "rv.pham", "bo-kh-cn", Role.REVIEWER, REVIEWER)
    files = {k: transfer.Upload(n, (out / "v1" / n).read_bytes()) for k, n in
             (("proposal", PROPOSAL.name), ("review", "review.yaml"),
              ("signed", "report.signed.pdf"))}
    wrong = transfer.Upload("review.yaml", files["review"].data.replace(b"met", b"not-met", 1))
    with pytest.raises(InputError):  # an edited review no longer matches the signed report
        transfer.import_files(other, submitter=submitter, reviewer=reviewer, title="x",
                              proposal=files["proposal"], review=wrong,
                              signed=files["signed"], config=cfg)
    number = transfer.import_files(
        other, submitter=submitter, reviewer=reviewer, title="Zalo OA thông báo",
        config=cfg, **files)
    assert number == 1  # nothing was kept of the refused import
    again = transfer.export_dossier(other, None, number, cfg)
    with zipfile.ZipFile(io.BytesIO(again)) as z:
        for name in (f"v1/{PROPOSAL.name}", "v1/review.yaml", "v1/report.signed.pdf"):
            assert z.read(name) == (out / name).read_bytes(), name
    with db.sessions() as s:  # the decided review the signed report attaches, as in the source
        decided_sha = s.query(Decision).one().review_sha
    with other.sessions() as s:
        assert s.query(Decision).one().review_sha == decided_sha
    assert [c.status for c in decisions.decision_of(  # type: ignore[union-attr]
        other, None, 1).conditions] == ["met"]
    assert dossiers.get_dossier(other, None, number).state == dossiers.DECIDED
    other.close()
