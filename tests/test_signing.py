"""Signed reports: sign into the report's signature box, verify the signature, its coverage, the
signer's chain and the attached inputs; every tampering is caught and said.

Most tests sign a small PDF/A-3b made here with WeasyPrint, shaped like the report (the same
attachment names, the SHA-256 digests printed, the signature box marked by element ids); the
`end_to_end` tests sign what `assess report` writes.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

from assess.cli import app
from assess.signatures.demo_ca import CA_NAME, FILES, make_demo
from assess.signatures.sign import FIELD, load_key, sign_pdf
from assess.signatures.verify import load_trust_roots, verify_pdf
from assess.workflows.pipeline import assess_files
from tests.helpers import DATA

CHECKLISTS = ["--checklists", str(DATA / "checklists")]
PROPOSAL = DATA / "proposal-ok.yaml"
CHECKLIST = DATA / "checklists" / "mini" / "1.0.0.yaml"
WIDE = {"COLUMNS": "250"}
SIGNER = "Nguyễn Văn A"
"""The signer the test proposal's report prints (its contact person, who prepared it)."""
BODY = "UBND tỉnh Thử Nghiệm"
"""The issuing body it prints."""
BOX_HTML = ("<div id='assess-signature' style='display:inline-block; position:relative; "
            "width:60mm; height:22mm'><span id='assess-signature-end' style='position:absolute; "
            "right:0; bottom:0'></span></div>")


@dataclass(frozen=True)
class Keys:
    folder: Path
    ca: Path
    key: Path
    password: Path
    signer: str
    seal: Path
    body: str


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    folder = tmp_path_factory.mktemp("demo-ca")
    result = CliRunner().invoke(app, ["demo-ca", "-o", str(folder), "--name", SIGNER,
                                      "--body", BODY])
    assert result.exit_code == 0, result.output
    return Keys(folder, folder / FILES["ca"], folder / FILES["key"], folder / FILES["password"],
                f"{SIGNER} - TEST ONLY", folder / FILES["seal"], f"{BODY} - TEST ONLY")


@pytest.fixture(scope="session")
def other_ca(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("other-ca") / "other-ca.pem"
    path.write_bytes(make_demo("Người khác").ca_pem)
    return path


def make_pdf(*, proposal: bytes | None = None, printed: Iterable[str] | None = None,
             box: bool = True, lang: str = "vi", assessment: bool = True,
             issuer: bool = True, shown: tuple[str, str] = (SIGNER, BODY)) -> bytes:
    """A small PDF/A-3b shaped like the report: attachments named as `assess report` names them,
    the inputs' SHA-256 printed, the issuing body and the signer printed as `shown` says, and
    (with `box`) the signature box marked."""
    from weasyprint import HTML, Attachment

    a = assess_files(PROPOSAL, checklist_dirs=[DATA / "checklists"])
    recorded = a.to_json()
    if not issuer:  # as an assessment.json written before reports named their issuer
        data = json.loads(recorded)
        del data["issuer"]
        recorded = json.dumps(data)
    files = {"assessment.json": recorded.encode("utf-8"),
             "proposal-ok.yaml": proposal if proposal is not None else PROPOSAL.read_bytes(),
             "mini-1.0.0.yaml": CHECKLIST.read_bytes()}
    if not assessment:
        del files["assessment.json"]
    digests = printed if printed is not None else [a.proposal.sha256, a.checklist.sha256]
    rows = "".join(f"<p style='font-size:8pt'>SHA-256: {d}</p>" for d in digests)
    html = (f"<html lang='{lang}'><body><p>{shown[1].upper()}</p><h1>Báo cáo thử nghiệm</h1>"
            f"<p>Người ký</p>{BOX_HTML if box else ''}<p>{shown[0]}</p>{rows}</body></html>")
    attachments = [Attachment(file_obj=io.BytesIO(data), name=name, relationship="Source")
                   for name, data in files.items()]
    out = HTML(string=html).write_pdf(pdf_variant="pdf/a-3b", attachments=attachments)
    assert isinstance(out, bytes)
    return out


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.pdf"
    path.write_bytes(make_pdf())
    return path


@pytest.fixture(scope="module")
def signed(report: Path, keys: Keys) -> Path:
    result = CliRunner().invoke(app, ["sign", str(report), "--key", str(keys.key),
                                      "--password-file", str(keys.password)])
    assert result.exit_code == 0, result.output
    return report.with_name("report.signed.pdf")


def sign(runner: CliRunner, keys: Keys, pdf: Path, *extra: str) -> Path:
    out = pdf.with_name(pdf.stem + ".signed.pdf")
    result = runner.invoke(app, ["sign", str(pdf), "--key", str(keys.key), "--password-file",
                                 str(keys.password), "-o", str(out), *extra], env=WIDE)
    assert result.exit_code == 0, result.output
    return out


def verify(runner: CliRunner, pdf: Path, *trust: Path) -> tuple[int, str]:
    args = [a for t in trust for a in ("--trust", str(t))]
    result = runner.invoke(app, ["verify", str(pdf), *args], env=WIDE)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def keys_for(runner: CliRunner, pdf: Path) -> Keys:
    """A demo CA whose signer and body are the ones `pdf` prints (`demo-ca --for`)."""
    folder = pdf.with_name(pdf.stem + "-ca")
    made = runner.invoke(app, ["demo-ca", "-o", str(folder), "--for", str(pdf)], env=WIDE)
    assert made.exit_code == 0, made.output
    signer, body = re.findall(r"'([^']+ - TEST ONLY)'", made.output)
    return Keys(folder, folder / FILES["ca"], folder / FILES["key"], folder / FILES["password"],
                signer, folder / FILES["seal"], body)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- signing and verifying -------------------------------------------------------------------


def test_sign_then_verify(runner: CliRunner, report: Path, keys: Keys, tmp_path: Path) -> None:
    out = tmp_path / "signed.pdf"
    result = runner.invoke(app, ["sign", str(report), "--key", str(keys.key), "--password-file",
                                 str(keys.password), "-o", str(out)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert (f"wrote {out}: personal signature by {keys.signer} in its signature box, page 1"
            in result.output)
    code, output = verify(runner, out, keys.ca)
    assert code == 0, output
    a = assess_files(PROPOSAL, checklist_dirs=[DATA / "checklists"])
    for line in (f"signature '{FIELD}' (personal signature) by {keys.signer}, ",
                 f"  ok    signer: the certificate names the signer the report prints: \"{SIGNER}\"",
                 "  ok    integrity: the signed bytes are unchanged and the signature value is "
                 "correct (sha256, sha256_rsa)",
                 "  ok    coverage: the signature covers the whole file: nothing was added after "
                 "signing",
                 f"  ok    certificate: chains to the trust root \"{CA_NAME}\" (revocation not "
                 "checked: offline)",
                 "  ok    assessment.json: attached (proposal test-ok, checklist mini@1.0.0, "
                 "verdict approve)",
                 f"  ok    proposal-ok.yaml: the proposal: SHA-256 {a.proposal.sha256[:12]}…, as "
                 "assessment.json records and the report prints",
                 f"  ok    mini-1.0.0.yaml: the checklist: SHA-256 {a.checklist.sha256[:12]}…, as "
                 "assessment.json records and the report prints",
                 f"VERIFIED: signed by {keys.signer} ("):
        assert line in output


def test_default_output_is_beside_the_report(signed: Path) -> None:
    assert signed.is_file() and signed.name == "report.signed.pdf"


def test_signature_is_pades_in_the_marked_box(signed: Path, report: Path) -> None:
    reader = pypdf.PdfReader(signed)
    fields = reader.trailer["/Root"]["/AcroForm"]["/Fields"]
    assert len(fields) == 1
    widget = fields[0].get_object()
    assert widget["/FT"] == "/Sig" and widget["/T"] == FIELD
    assert widget["/F"] & 4 and not widget["/F"] & (1 | 2 | 32)  # printed, never hidden (PDF/A)
    sig = widget["/V"].get_object()
    assert sig["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    dests = {name: (float(d[2]), float(d[3])) for name, d in
             pypdf.PdfReader(report).named_destinations.items() if name.startswith(FIELD)
             for d in [[d.page, d.typ, d.left, d.top]]}
    (left, top), (right, bottom) = dests[FIELD], dests[f"{FIELD}-end"]
    assert [round(float(v)) for v in widget["/Rect"]] == [round(left), round(bottom),
                                                          round(right), round(top)]
    assert right - left == pytest.approx(60 / 25.4 * 72, abs=2)


def test_signing_is_an_incremental_update_that_keeps_pdfa(signed: Path, report: Path) -> None:
    original, after = report.read_bytes(), signed.read_bytes()
    assert after.startswith(original)  # the report's bytes, attachments and all, as they were
    before_r, after_r = pypdf.PdfReader(report), pypdf.PdfReader(signed)
    assert after_r.metadata == before_r.metadata  # Info dictionary untouched
    xmp_before = before_r.trailer["/Root"]["/Metadata"].get_object().get_data()
    xmp_after = after_r.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert xmp_after == xmp_before and b'pdfaid:part="3"' in xmp_after
    assert after_r.metadata is not None and after_r.metadata["/Producer"] in xmp_after.decode()
    assert b"/NeedAppearances" not in after[len(original):]
    widget = after_r.trailer["/Root"]["/AcroForm"]["/Fields"][0].get_object()
    fonts = list(_fonts(widget["/AP"]["/N"].get_object()))
    assert fonts, "the appearance shows text in an embedded font"
    for font in fonts:
        descendant = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object()  # embedded
        assert descendant["/CIDToGIDMap"] == "/Identity"
        widths = [w for w in descendant["/W"] if isinstance(w, pypdf.generic.ArrayObject)]
        assert max(max(int(x) for x in w) for w in widths) <= 1000  # in 1000ths of an em


def _fonts(xobject: pypdf.generic.DictionaryObject) -> Iterable[pypdf.generic.DictionaryObject]:
    resources = xobject.get("/Resources", {})
    for font in resources.get("/Font", {}).values():
        yield font.get_object()
    for inner in resources.get("/XObject", {}).values():
        yield from _fonts(inner.get_object())


def test_no_box_means_an_invisible_signature(runner: CliRunner, keys: Keys,
                                             tmp_path: Path) -> None:
    pdf = write(tmp_path, "plain.pdf", make_pdf(box=False, lang="en"))
    result = runner.invoke(app, ["sign", str(pdf), "--key", str(keys.key), "--password-file",
                                 str(keys.password)], env=WIDE)
    assert result.exit_code == 0 and "invisibly (the report marks no signature box)" in \
        result.output
    out = pdf.with_name("plain.signed.pdf")
    widget = pypdf.PdfReader(out).trailer["/Root"]["/AcroForm"]["/Fields"][0].get_object()
    assert [float(v) for v in widget["/Rect"]] == [0, 0, 0, 0]
    assert verify(runner, out, keys.ca)[0] == 0


def test_signing_twice_is_refused(runner: CliRunner, signed: Path, keys: Keys,
                                  tmp_path: Path) -> None:
    out = tmp_path / "twice.pdf"
    result = runner.invoke(app, ["sign", str(signed), "--key", str(keys.key), "--password-file",
                                 str(keys.password), "-o", str(out)], env=WIDE)
    assert result.exit_code == 2
    assert (f"error: {signed}: already signed (field '{FIELD}'); expected an unsigned report"
            in result.output)
    assert not out.exists()


def test_not_a_pdf_is_refused(runner: CliRunner, keys: Keys, tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.pdf", b"not a pdf at all\n")
    result = runner.invoke(app, ["sign", str(bad), "--key", str(keys.key), "--password-file",
                                 str(keys.password)], env=WIDE)
    assert result.exit_code == 2 and f"error: {bad}: not a readable PDF file" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "bad.signed.pdf").exists()


# --- the password ----------------------------------------------------------------------------


def test_wrong_password_is_refused_and_never_printed(runner: CliRunner, report: Path, keys: Keys,
                                                     tmp_path: Path) -> None:
    wrong = write(tmp_path, "wrong.password", b"s3cret-wrong-Password\n")
    out = tmp_path / "x.pdf"
    result = runner.invoke(app, ["sign", str(report), "--key", str(keys.key), "--password-file",
                                 str(wrong), "-o", str(out)], env=WIDE)
    assert result.exit_code == 2
    assert (f"error: {keys.key}: cannot open the key: wrong password, or not a PKCS#12 "
            "(.p12/.pfx) file holding a private key and its certificate") in result.output
    assert "s3cret-wrong-Password" not in result.output and not out.exists()


def test_password_typed_at_a_prompt_is_not_echoed(runner: CliRunner, report: Path, keys: Keys,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("assess.cli.signing._interactive", lambda: True)  # as on a terminal
    password = keys.password.read_text(encoding="ascii").strip()
    out = tmp_path / "typed.pdf"
    result = runner.invoke(app, ["sign", str(report), "--key", str(keys.key), "-o", str(out)],
                           input=password + "\n", env=WIDE)
    assert result.exit_code == 0, result.output
    assert "Password of the key:" in result.output and password not in result.output
    assert out.is_file()


def test_password_is_not_a_command_line_option(runner: CliRunner) -> None:
    help_text = runner.invoke(app, ["sign", "--help"], env=WIDE).output
    assert "--password-file" in help_text and not re.search(r"--password(?!-file)", help_text)


# --- what verification catches -----------------------------------------------------------------


def test_one_byte_changed_after_signing_fails(runner: CliRunner, signed: Path, keys: Keys,
                                              tmp_path: Path) -> None:
    data = bytearray(signed.read_bytes())
    at = data.index(b"\n%") + 2  # in the binary comment after the header: the PDF still parses
    data[at] ^= 0x01
    code, output = verify(runner, write(tmp_path, "changed.pdf", bytes(data)), keys.ca)
    assert code == 1
    assert ("  FAIL  integrity: the document was changed after it was signed: the signed bytes no "
            "longer match the signature") in output
    assert "NOT VERIFIED: 1 problem: integrity: the document was changed" in output


def _byte_range(data: bytes) -> tuple[int, int, int, int]:
    found = re.findall(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)", data)[-1]
    a, b, c, d = (int(x) for x in found)
    return a, b, c, d


@pytest.mark.parametrize("where", ["start", "middle", "end of first range", "second range",
                                   "signature padding", "signature value"])
def test_any_changed_byte_fails_without_a_traceback(runner: CliRunner, signed: Path, keys: Keys,
                                                    tmp_path: Path, where: str) -> None:
    """Signed ranges, the signature value, and the zero padding of the room reserved for it (which
    the signed ranges leave out): a byte changed anywhere there is caught."""
    data = bytearray(signed.read_bytes())
    _, hole, second, length = _byte_range(bytes(data))
    der = int.from_bytes(bytes.fromhex(data[hole + 5:hole + 9].decode()), "big") + 4  # 30 82 LL LL
    at = {"start": 12, "middle": hole // 2, "end of first range": hole - 3,
          "second range": second + length // 2, "signature padding": second - 2,
          "signature value": hole + 1 + 2 * (der - 8)}[where]
    data[at] ^= 0x01
    code, output = verify(runner, write(tmp_path, "flipped.pdf", bytes(data)), keys.ca)
    assert code == 1 and "NOT VERIFIED:" in output, output


def test_bytes_added_after_signing_fail_coverage(runner: CliRunner, signed: Path, keys: Keys,
                                                 tmp_path: Path) -> None:
    code, output = verify(runner, write(tmp_path, "appended.pdf",
                                        signed.read_bytes() + b"\n% later\n"), keys.ca)
    assert code == 1
    assert ("  FAIL  coverage: the signature does not cover the whole file: the document was "
            "changed after it was signed") in output


def test_wrong_trust_root_fails(runner: CliRunner, signed: Path, other_ca: Path) -> None:
    code, output = verify(runner, signed, other_ca)
    assert code == 1
    assert ("  FAIL  certificate: the signer's certificate does not chain to a trust root given "
            "with --trust") in output
    assert "  ok    integrity:" in output  # the rest still holds, and is said


def test_no_trust_root_fails(runner: CliRunner, signed: Path) -> None:
    code, output = verify(runner, signed)
    assert code == 1
    assert ("  FAIL  certificate: not checked: no trust root given; expected --trust CA.pem with "
            "the certificate authority you trust") in output


def test_swapped_attachment_fails(runner: CliRunner, keys: Keys, tmp_path: Path) -> None:
    """The PDF is rebuilt with another proposal attached, then signed: the signature holds, but
    the attachment is not the proposal the assessment (and the printed text) names."""
    other = PROPOSAL.read_bytes().replace(b"status: met", b"status: partial", 1)
    pdf = sign(runner, keys, write(tmp_path, "swapped.pdf", make_pdf(proposal=other)))
    code, output = verify(runner, pdf, keys.ca)
    assert code == 1
    recorded = hashlib.sha256(PROPOSAL.read_bytes()).hexdigest()
    attached = hashlib.sha256(other).hexdigest()
    assert (f"  FAIL  proposal-ok.yaml: the attached proposal is not the one assessed: its "
            f"SHA-256 is {attached[:12]}…, assessment.json records {recorded[:12]}…") in output
    assert "  ok    integrity:" in output and "  ok    certificate:" in output
    assert "NOT VERIFIED: 1 problem" in output


def test_digest_not_printed_fails(runner: CliRunner, keys: Keys, tmp_path: Path) -> None:
    a = assess_files(PROPOSAL, checklist_dirs=[DATA / "checklists"])
    pdf = sign(runner, keys, write(tmp_path, "unprinted.pdf",
                                   make_pdf(printed=[a.proposal.sha256])))
    code, output = verify(runner, pdf, keys.ca)
    assert code == 1
    assert (f"  FAIL  mini-1.0.0.yaml: the report does not print the checklist's SHA-256 "
            f"{a.checklist.sha256[:12]}…; expected it in the identity annex") in output


def test_missing_assessment_fails(runner: CliRunner, keys: Keys, tmp_path: Path) -> None:
    pdf = sign(runner, keys, write(tmp_path, "bare.pdf", make_pdf(assessment=False)),
               "--accept-mismatch")
    code, output = verify(runner, pdf, keys.ca)
    assert code == 1
    assert ("  FAIL  assessment.json: not attached; expected the assessment JSON that 'assess "
            "report' embeds (attached: mini-1.0.0.yaml, proposal-ok.yaml)") in output


def test_unsigned_or_unreadable_pdf_fails(runner: CliRunner, report: Path, keys: Keys,
                                          tmp_path: Path) -> None:
    code, output = verify(runner, report, keys.ca)
    assert code == 1 and "  FAIL  signature: the PDF has no digital signature" in output
    code, output = verify(runner, write(tmp_path, "junk.pdf", b"%PDF-1.7\ngarbage"), keys.ca)
    assert code == 1 and "  FAIL  PDF: cannot be read" in output


def test_unreadable_trust_root_is_an_input_error(runner: CliRunner, signed: Path,
                                                 tmp_path: Path) -> None:
    bad = write(tmp_path, "ca.pem", b"not a certificate\n")
    result = runner.invoke(app, ["verify", str(signed), "--trust", str(bad)], env=WIDE)
    assert result.exit_code == 2
    assert (f"error: {bad}: no certificate in it; expected a CA certificate (PEM or DER; a .p12 "
            "key file is not one)") in result.output


def test_library_calls_agree_with_the_cli(report: Path, keys: Keys) -> None:
    signer = load_key(keys.key, keys.password.read_bytes().strip())
    done = sign_pdf(report.read_bytes(), signer, name="report.pdf")
    assert (done.signer, done.placement, done.page) == (keys.signer, "box", 1)
    v = verify_pdf(done.pdf, load_trust_roots([keys.ca]))
    assert v.ok and [s.signer for s in v.signatures] == [keys.signer]
    assert verify_pdf(done.pdf, []).failures[0].subject.render("en") == "certificate"


# --- the demo certificate authority ----------------------------------------------------------


def test_demo_ca_files_are_labelled_test_only(keys: Keys, runner: CliRunner) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import pkcs12

    assert sorted(p.name for p in keys.folder.iterdir()) == sorted(FILES.values())
    assert all(name.startswith("TEST-ONLY-") for name in FILES.values())
    ca = x509.load_pem_x509_certificate(keys.ca.read_bytes())
    assert "TEST ONLY" in ca.subject.rfc4514_string() and "NOT TRUSTED" in \
        ca.subject.rfc4514_string()
    bundle = pkcs12.load_pkcs12(keys.key.read_bytes(), keys.password.read_bytes().strip())
    assert bundle.cert is not None
    subject = bundle.cert.certificate.subject.rfc4514_string()
    assert f"CN={SIGNER} - TEST ONLY" in subject and "NOT TRUSTED" in subject
    assert stat.S_IMODE(keys.key.stat().st_mode) == 0o600
    assert stat.S_IMODE(keys.password.stat().st_mode) == 0o600
    readme = (keys.folder / FILES["readme"]).read_text(encoding="utf-8")
    assert readme.startswith("TEST ONLY — NOT TRUSTED")
    again = runner.invoke(app, ["demo-ca", "-o", str(keys.folder)], env=WIDE)
    assert again.exit_code == 2 and "already exists; choose another folder or use --force" in \
        again.output


def test_demo_ca_force_makes_a_new_authority(runner: CliRunner, tmp_path: Path) -> None:
    first = runner.invoke(app, ["demo-ca", "-o", str(tmp_path / "ca")])
    assert first.exit_code == 0, first.output
    before = (tmp_path / "ca" / FILES["ca"]).read_bytes()
    forced = runner.invoke(app, ["demo-ca", "-o", str(tmp_path / "ca"), "--force"])
    assert forced.exit_code == 0 and (tmp_path / "ca" / FILES["ca"]).read_bytes() != before


# --- the real report, end to end ---------------------------------------------------------------


def test_end_to_end_report_sign_verify(runner: CliRunner, keys: Keys, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    made = runner.invoke(app, ["report", str(PROPOSAL), "-o", str(pdf), *CHECKLISTS], env=WIDE)
    assert made.exit_code == 0, made.output
    signed_pdf = sign(runner, keys, pdf)
    code, output = verify(runner, signed_pdf, keys.ca)
    assert code == 0, output
    assert "proposal-ok.yaml: the proposal: SHA-256" in output
    assert "as assessment.json records and the report prints" in output


def test_end_to_end_reviewed_report_sign_verify(runner: CliRunner, keys: Keys,
                                                tmp_path: Path) -> None:
    review = tmp_path / "review.yaml"
    made = runner.invoke(app, ["review", "init", str(PROPOSAL), "-o", str(review), *CHECKLISTS])
    assert made.exit_code == 0, made.output
    pdf = tmp_path / "reviewed.pdf"
    made = runner.invoke(app, ["report", str(PROPOSAL), "--review", str(review), "-o", str(pdf),
                               *CHECKLISTS], env=WIDE)
    assert made.exit_code == 0, made.output
    keys = keys_for(runner, pdf)
    code, output = verify(runner, sign(runner, keys, pdf), keys.ca)
    assert code == 0, output
    sha = hashlib.sha256(review.read_bytes()).hexdigest()
    assert f"review.yaml: the review: SHA-256 {sha[:12]}…, as assessment.json records and the " \
        "report prints" in output


def test_a_report_on_a_platform_profile_embeds_and_verifies_the_profile(
        runner: CliRunner, keys: Keys, tmp_path: Path) -> None:
    """The profile is an input like the proposal: attached, pinned by its SHA-256, checked."""
    example = Path(__file__).resolve().parent.parent / "examples" / "bac-ninh-zalo-notifications.yaml"
    pdf = tmp_path / "profiled.pdf"
    made = runner.invoke(app, ["report", str(example), "-o", str(pdf)], env=WIDE)
    assert made.exit_code == 0, made.output
    keys = keys_for(runner, pdf)
    code, output = verify(runner, sign(runner, keys, pdf), keys.ca)
    assert code == 0, output
    assert "zalo-oa-1.0.0.yaml: the platform profile: SHA-256" in output
    assert "as assessment.json records and the report prints" in output
