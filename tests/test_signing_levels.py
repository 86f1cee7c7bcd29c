"""Signatures a ministry can rely on: the signer's own, then the issuing body's seal, each
naming whom the report prints; an RFC 3161 timestamp from a TSA (a local test TSA started
here); long-term validation data (PAdES B-LT) with the chain's CRL; a key on a PKCS#11 token
(SoftHSM2); keys without a password; and poppler's pdfsig agreeing with verify.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assess.cli import app
from assess.signatures.demo_ca import FILES, DemoCA
from tests.test_signing import BODY, SIGNER, WIDE, Keys, make_pdf, verify

VIETNAM_TIME = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+07:00")


def _run(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env=WIDE)
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("levels") / "report.pdf"
    path.write_bytes(make_pdf())
    return path


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    folder = tmp_path_factory.mktemp("levels-ca")
    code, output = _run(CliRunner(), "demo-ca", "-o", str(folder), "--name", SIGNER,
                        "--body", BODY)
    assert code == 0, output
    return Keys(folder, folder / FILES["ca"], folder / FILES["key"], folder / FILES["password"],
                f"{SIGNER} - TEST ONLY", folder / FILES["seal"], f"{BODY} - TEST ONLY")


def _sign(runner: CliRunner, pdf: Path, key: Path, password: Path | None, out: Path,
          *extra: str) -> tuple[int, str]:
    secret = ["--password-file", str(password)] if password else []
    return _run(runner, "sign", str(pdf), "--key", str(key), *secret, "-o", str(out), *extra)


# --- personal, then the seal ------------------------------------------------------------------


def test_signed_by_the_printed_signer_then_sealed_by_the_body(
        runner: CliRunner, pdf: Path, demo: Keys, tmp_path: Path) -> None:
    personal, sealed = tmp_path / "personal.pdf", tmp_path / "sealed.pdf"
    code, output = _sign(runner, pdf, demo.key, demo.password, personal)
    assert code == 0, output
    code, output = _sign(runner, personal, demo.seal, demo.password, sealed, "--as", "seal")
    assert code == 0, output
    assert f"wrote {sealed}: organisation signature (seal) by {demo.body}" in output
    code, output = verify(runner, sealed, demo.ca)
    assert code == 0, output
    lines = output.splitlines()
    assert any(line.startswith(f"signature 'assess-signature' (personal signature) by "
                               f"{demo.signer}, ") and VIETNAM_TIME.search(line) for line in lines)
    assert any(line.startswith(f"signature 'assess-seal' (organisation signature (seal)) by "
                               f"{demo.body}, ") for line in lines)
    assert f"  ok    signer: the certificate names the signer the report prints: \"{SIGNER}\"" \
        in lines
    assert (f"  ok    issuing body: the certificate names the issuing body the report prints: "
            f"\"{BODY}\"") in lines
    assert lines[-1].startswith(f"VERIFIED: signed by {demo.signer} (")
    # the seal lies over the left third of the signer's box
    import pypdf

    rects = {f.get_object()["/T"]: [float(v) for v in f.get_object()["/Rect"]]
             for f in pypdf.PdfReader(sealed).trailer["/Root"]["/AcroForm"]["/Fields"]}
    (x1, y1, x2, y2), (s1, t1, s2, t2) = rects["assess-signature"], rects["assess-seal"]
    # flush against the box's left third, reaching 16 mm into the column's margin (sign.SEAL_REACH)
    assert (t1, t2) == (y1, y2) and s2 - x1 == pytest.approx((x2 - x1) / 3, abs=1)
    assert x1 - s1 == pytest.approx(45, abs=1)


def test_pdfsig_agrees_both_signatures_are_valid(runner: CliRunner, pdf: Path, demo: Keys,
                                                 tmp_path: Path) -> None:
    if shutil.which("pdfsig") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdfsig (poppler-utils) is missing in CI")
        pytest.skip("pdfsig not found: install poppler-utils")
    personal, sealed = tmp_path / "personal.pdf", tmp_path / "sealed.pdf"
    assert _sign(runner, pdf, demo.key, demo.password, personal)[0] == 0
    assert _sign(runner, personal, demo.seal, demo.password, sealed, "--as", "organisation")[0] == 0
    out = subprocess.run(["pdfsig", str(sealed)], capture_output=True, text=True, check=False,
                         timeout=60).stdout
    assert out.count("Signature Validation: Signature is Valid.") == 2, out
    assert f"Signer Certificate Common Name: {demo.signer}" in out
    assert f"Signer Certificate Common Name: {demo.body}" in out
    assert "Signature Field Name: assess-signature" in out and \
        "Signature Field Name: assess-seal" in out


def test_a_seal_needs_a_personal_signature_first(runner: CliRunner, pdf: Path, demo: Keys,
                                                 tmp_path: Path) -> None:
    out = tmp_path / "seal-only.pdf"
    code, output = _sign(runner, pdf, demo.seal, demo.password, out, "--as", "organisation")
    assert code == 2 and not out.exists()
    assert output.strip() == (
        f"error: {pdf}: has no personal signature yet (field 'assess-signature'); expected the "
        "signer's personal signature first (assess sign --as personal), then the issuing body's")


def test_a_personal_signature_by_another_person_is_refused(runner: CliRunner, pdf: Path,
                                                           tmp_path: Path) -> None:
    other = tmp_path / "other"
    assert _run(runner, "demo-ca", "-o", str(other), "--name", "Người ký thử nghiệm")[0] == 0
    out = tmp_path / "s.pdf"
    code, output = _sign(runner, pdf, other / FILES["key"], other / FILES["password"], out)
    assert code == 2 and not out.exists()
    assert output.strip() == (
        f"error: {pdf}: not signed: the certificate names \"Người ký thử nghiệm - TEST ONLY\", "
        f"not the signer the report prints, \"{SIGNER}\"; sign with the printed signer's own "
        "certificate, or add --accept-mismatch if this is intended (every later verification "
        "will show it)")
    # accepted on purpose: signed, and every verification says so
    code, output = _sign(runner, pdf, other / FILES["key"], other / FILES["password"], out,
                         "--accept-mismatch")
    assert code == 0 and "signing anyway (--accept-mismatch)" in output
    code, output = verify(runner, out, other / FILES["ca"])
    problem = (f"signer: the certificate names \"Người ký thử nghiệm - TEST ONLY\", not the "
               f"signer the report prints, \"{SIGNER}\"")
    assert code == 1 and f"  FAIL  {problem}; the report is not signed by whom it names" in output
    result = runner.invoke(app, ["verify", str(out), "--trust", str(other / FILES["ca"]),
                                 "--accept-mismatch"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert f"  WARN  {problem} (accepted with --accept-mismatch)" in result.output
    assert result.output.splitlines()[-1].startswith("VERIFIED WITH WARNINGS:")


def test_a_seal_by_another_body_is_refused_even_when_accepted(
        runner: CliRunner, pdf: Path, demo: Keys, tmp_path: Path) -> None:
    personal = tmp_path / "personal.pdf"
    assert _sign(runner, pdf, demo.key, demo.password, personal)[0] == 0
    other = tmp_path / "other-ca"
    assert _run(runner, "demo-ca", "-o", str(other), "--name", SIGNER, "--body",
                "UBND tỉnh Khác")[0] == 0
    out = tmp_path / "sealed.pdf"
    code, output = _sign(runner, personal, other / FILES["seal"], other / FILES["password"], out,
                         "--as", "organisation", "--accept-mismatch")
    assert code == 2 and not out.exists()
    assert ("not signed: the certificate names \"UBND tỉnh Khác - TEST ONLY\", not the issuing "
            f"body the report prints, \"{BODY}\"") in output


def test_a_seal_made_with_the_signers_own_key_is_refused(
        runner: CliRunner, pdf: Path, demo: Keys, tmp_path: Path) -> None:
    """Two signatures with one key are one signature: the seal needs the body's own."""
    personal = tmp_path / "personal.pdf"
    assert _sign(runner, pdf, demo.key, demo.password, personal)[0] == 0
    out = tmp_path / "sealed.pdf"
    code, output = _sign(runner, personal, demo.key, demo.password, out, "--as", "organisation")
    assert code == 2 and not out.exists()
    assert "the issuing body's signature is made with the personal signer's own key" in output


def test_a_staff_certificate_naming_the_body_as_organisation_is_no_seal(
        runner: CliRunner, pdf: Path, demo: Keys, tmp_path: Path) -> None:
    """A personal certificate names its holder's employer in O: that is not the body's seal."""
    (tmp_path / "staff.p12").write_bytes(DemoCA().p12("Phạm Văn Nhân Viên", "",
                                                       organization=BODY))
    personal = tmp_path / "personal.pdf"
    assert _sign(runner, pdf, demo.key, demo.password, personal)[0] == 0
    out = tmp_path / "sealed.pdf"
    code, output = _sign(runner, personal, tmp_path / "staff.p12", None, out,
                         "--as", "organisation")
    assert code == 2 and not out.exists()
    assert "not the issuing body the report prints" in output


def test_an_attachment_swapped_before_signing_names_nobody(
        runner: CliRunner, demo: Keys, tmp_path: Path) -> None:
    """The assessment.json says who signs, but only a name the pages print counts: a report
    whose attachment names someone else than its signature block is signed by no one."""
    swapped = tmp_path / "swapped.pdf"
    swapped.write_bytes(make_pdf(shown=("Trần Thị Khác", BODY)))
    code, output = _sign(runner, swapped, demo.key, demo.password, tmp_path / "s.pdf")
    assert code == 2 and not (tmp_path / "s.pdf").exists()
    assert (f"the attached assessment.json names the signer \"{SIGNER}\", but the report's "
            "pages do not print that name") in " ".join(output.split())


def test_a_report_that_names_no_signer_is_not_signed_personally(
        runner: CliRunner, demo: Keys, tmp_path: Path) -> None:
    old = tmp_path / "old.pdf"
    old.write_bytes(make_pdf(issuer=False))
    code, output = _sign(runner, old, demo.key, demo.password, tmp_path / "s.pdf")
    assert code == 2
    assert ("not signed: the report does not say who signs (its attached assessment.json has no "
            "issuer.signer)") in output


# --- keys without a password, and no terminal ---------------------------------------------------


def test_a_key_without_a_password_needs_no_prompt(runner: CliRunner, pdf: Path,
                                                  tmp_path: Path) -> None:
    ca = DemoCA()
    key = tmp_path / "nopass.p12"
    key.write_bytes(ca.p12(SIGNER, ""))
    out = tmp_path / "s.pdf"
    code, output = _sign(runner, pdf, key, None, out)
    assert code == 0, output
    assert "Password" not in output and out.is_file()


def test_without_a_terminal_a_missing_password_is_one_clean_error(
        pdf: Path, demo: Keys, tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    proc = subprocess.run(
        [sys.executable, "-m", "assess", "sign", str(pdf), "--key", str(demo.key), "-o",
         str(out), "--lang", "en"], stdin=subprocess.DEVNULL, capture_output=True, text=True,
        timeout=120, check=False, env={**os.environ, "PYTHONWARNINGS": "default"})
    assert proc.returncode == 2, proc.stderr
    assert "Warning" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.strip() == (
        "error: --password-file: the key has a password; expected a password file "
        "(--password-file) or the password typed at the prompt (asked only on a terminal)")
    assert not out.exists()


# --- an RFC 3161 timestamp from a local TSA, and long-term validation data ----------------------


@dataclass
class Services:
    url: str
    ca: DemoCA
    ca_pem: Path
    crl: Path
    key: Path
    password: Path


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """A test TSA (pyHanko's DummyTimeStamper) and the CA's CRL, served on 127.0.0.1."""
    from asn1crypto import keys, tsp
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    state: dict[str, object] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            stamper = state["tsa"]
            assert isinstance(stamper, DummyTimeStamper)
            reply = stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def do_GET(self) -> None:
            data = state["crl"]
            assert isinstance(data, bytes)
            self.send_response(200)
            self.send_header("Content-Type", "application/pkix-crl")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    url = f"http://127.0.0.1:{server.server_address[1]}"
    ca = DemoCA(crl_url=f"{url}/ca.crl")
    tsa_key, tsa_cert = ca.issue("TSA thử nghiệm", "timestamp")
    state["tsa"] = DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(tsa_cert.public_bytes(serialization.Encoding.DER)),
        tsa_key=keys.PrivateKeyInfo.load(tsa_key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption())))
    state["crl"] = ca.crl()
    folder = tmp_path_factory.mktemp("tsa")
    (folder / "ca.pem").write_bytes(ca.pem)
    (folder / "ca.crl").write_bytes(state["crl"])  # type: ignore[arg-type]
    (folder / "key.p12").write_bytes(ca.p12(SIGNER, "pw"))
    (folder / "password").write_text("pw\n")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Services(f"{url}/tsa", ca, folder / "ca.pem", folder / "ca.crl", folder / "key.p12",
                       folder / "password")
    finally:
        server.shutdown()
        server.server_close()


def test_a_timestamp_from_the_tsa_is_shown_in_vietnam_time_and_trusted_by_its_root(
        runner: CliRunner, pdf: Path, services: Services, demo: Keys, tmp_path: Path) -> None:
    out = tmp_path / "stamped.pdf"
    code, output = _sign(runner, pdf, services.key, services.password, out, "--tsa-url",
                         services.url)
    assert code == 0, output
    code, output = verify(runner, out, services.ca_pem)
    assert code == 0, output
    line = next(x for x in output.splitlines() if "timestamp: RFC 3161 timestamp" in x)
    assert VIETNAM_TIME.search(line) and "TSA thử nghiệm - TEST ONLY" in line
    assert "which chains to the trust root" in line
    assert "(timestamped)" in output
    # the TSA's certificate under a CA the reader does not trust: the timestamp fails
    code, output = verify(runner, out, services.ca_pem, demo.ca)
    assert code == 0  # the same root is still among them
    code, output = verify(runner, out, demo.ca)
    assert code == 1 and "  FAIL  timestamp: the timestamp" in output


def test_an_unreachable_tsa_is_one_clean_error(runner: CliRunner, pdf: Path, services: Services,
                                               tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    code, output = _sign(runner, pdf, services.key, services.password, out, "--tsa-url",
                         "http://127.0.0.1:9/tsa")
    assert code == 2 and not out.exists()
    assert output.strip().splitlines()[-1].startswith(
        "error: --tsa-url: cannot get a timestamp from the time-stamping authority (")


@pytest.mark.parametrize("given", ["file", "fetched"])
def test_long_term_validation_data_is_embedded_and_reported(
        runner: CliRunner, pdf: Path, services: Services, tmp_path: Path, given: str) -> None:
    out = tmp_path / "ltv.pdf"
    extra = ["--crl", str(services.crl)] if given == "file" else ["--ltv"]
    code, output = _sign(runner, pdf, services.key, services.password, out, "--tsa-url",
                         services.url, "--trust", str(services.ca_pem), *extra)
    assert code == 0, output
    code, output = verify(runner, out, services.ca_pem)
    assert code == 0, output
    assert re.search(r"  ok    long-term validation: embedded \(PAdES B-LT\): \d+ certificates, "
                     r"[1-9]\d* revocation lists", output), output
    assert "(revocation checked against the revocation lists the file embeds)" in output


def test_a_b_b_signature_says_it_has_no_long_term_data(runner: CliRunner, pdf: Path, demo: Keys,
                                                      tmp_path: Path) -> None:
    out = tmp_path / "bb.pdf"
    assert _sign(runner, pdf, demo.key, demo.password, out)[0] == 0
    code, output = verify(runner, out, demo.ca)
    assert code == 0 and "  ok    long-term validation: none embedded (PAdES B-B/B-T)" in output


# --- a key on a PKCS#11 token (SoftHSM2) ---------------------------------------------------------

SOFTHSM_LIBS = ["/usr/lib/softhsm/libsofthsm2.so",
                "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"]


def _softhsm() -> tuple[str, str]:
    lib = next((p for p in SOFTHSM_LIBS if Path(p).is_file()), None)
    util = shutil.which("softhsm2-util")
    if lib is None or util is None:
        reason = "softhsm2 not found (apt-get install softhsm2)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + ": it must run in CI")
        print(reason)
        pytest.skip(reason)
    return lib, util


def test_a_key_on_a_pkcs11_token_signs_and_verifies(
        runner: CliRunner, pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib, util = _softhsm()
    from cryptography.hazmat.primitives import serialization

    conf = tmp_path / "softhsm2.conf"
    (tmp_path / "tokens").mkdir()
    conf.write_text(f"directories.tokendir = {tmp_path / 'tokens'}\nobjectstore.backend = file\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    subprocess.run([util, "--init-token", "--free", "--label", "assess-test", "--pin", "1234",
                    "--so-pin", "5678"], check=True, capture_output=True, env=os.environ)
    ca = DemoCA()
    key, cert = ca.issue(SIGNER)
    pem = tmp_path / "key.pem"
    pem.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                      serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption()))
    subprocess.run([util, "--import", str(pem), "--token", "assess-test", "--label", "signer",
                    "--id", "01", "--pin", "1234"], check=True, capture_output=True,
                   env=os.environ)
    _import_certificates(lib, [("signer", b"\x01", cert), ("ca", b"\x02", ca.cert)])
    (tmp_path / "ca.pem").write_bytes(ca.pem)
    pin = tmp_path / "pin"
    pin.write_text("1234\n")
    out = tmp_path / "token.pdf"
    code, output = _run(runner, "sign", str(pdf), "--pkcs11-lib", lib, "--token-label",
                        "assess-test", "--key-label", "signer", "--pin-file", str(pin), "-o",
                        str(out))
    assert code == 0, output
    assert f"personal signature by {SIGNER} - TEST ONLY" in output
    code, output = verify(runner, out, tmp_path / "ca.pem")
    assert code == 0, output
    pin.write_text("0000\n")
    code, output = _run(runner, "sign", str(pdf), "--pkcs11-lib", lib, "--token-label",
                        "assess-test", "--key-label", "signer", "--pin-file", str(pin), "-o",
                        str(tmp_path / "wrong.pdf"))
    assert code == 2 and "cannot open the token 'assess-test': wrong PIN" in output


def _import_certificates(lib: str, certs: list[tuple[str, bytes, object]]) -> None:
    """Certificates onto the token with python-pkcs11 (softhsm2-util imports keys only)."""
    import pkcs11
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from pkcs11 import Attribute, CertificateType, ObjectClass

    token = pkcs11.lib(lib).get_token(token_label="assess-test")
    with token.open(rw=True, user_pin="1234") as session:
        for label, ident, cert in certs:
            assert isinstance(cert, x509.Certificate)
            session.create_object({
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True, Attribute.LABEL: label, Attribute.ID: ident,
                Attribute.SUBJECT: cert.subject.public_bytes(),
                Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER)})


def test_a_seal_on_a_report_changed_after_its_signature_is_refused(
        runner: CliRunner, pdf: Path, demo: Keys, tmp_path: Path) -> None:
    """The body seals what the signer signed, not what was added after."""
    personal = tmp_path / "personal.pdf"
    assert _sign(runner, pdf, demo.key, demo.password, personal)[0] == 0
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(personal.read_bytes() + b"\n%% added after signing\n")
    out = tmp_path / "sealed.pdf"
    code, output = _sign(runner, changed, demo.seal, demo.password, out, "--as", "organisation")
    assert code == 2 and not out.exists()
    assert "was changed or added to after the personal signature" in " ".join(output.split())
