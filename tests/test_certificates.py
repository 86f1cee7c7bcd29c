"""Certificates (issue 12, class 7) and terminal output of certificate text (class 4): only a
certificate for signing documents signs or verifies, every certificate of the chain is valid,
a failing chain says why in words, and a certificate's name never drives the terminal.

Each case builds its own small authority here: a CA and a signer, with the usages and dates
under test. To check what `verify` says of a PDF signed with a key `sign` refuses, the PDF is
signed through pyHanko directly (`_signed_anyway`).
"""

from __future__ import annotations

import datetime as dt
import io
import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.sign import signers
from pypdf.generic import IndirectObject
from typer.testing import CliRunner

from assess.cli import app
from assess.signatures.sign import sign_pdf
from tests.test_signing import WIDE, make_pdf

NOW = dt.datetime.now(dt.UTC)
DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Chain:
    ca: Path
    key: Path
    password: Path
    cn: str


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _chain(folder: Path, *, cn: str = "Nguyễn Văn A", ca_from: dt.datetime = NOW - 30 * DAY,
           ca_to: dt.datetime = NOW + 300 * DAY, from_: dt.datetime = NOW - 10 * DAY,
           to: dt.datetime = NOW + 200 * DAY, eku: list[x509.ObjectIdentifier] | None = None,
           signing_ku: bool = True) -> Chain:
    """A CA and a signer (EC P-256, fast to make) with the dates and usages asked for."""
    folder.mkdir(parents=True, exist_ok=True)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name(f"CA of {cn}"[:64])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(ca_from).not_valid_after(ca_to)
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                       False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    builder = (x509.CertificateBuilder().subject_name(_name(cn)).issuer_name(ca_name)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(from_).not_valid_after(to)
               .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
               .add_extension(x509.KeyUsage(signing_ku, signing_ku, not signing_ku, False,
                                            False, False, False, False, False), critical=True))
    if eku is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage(eku), critical=False)
    cert = builder.sign(ca_key, hashes.SHA256())
    password = secrets.token_urlsafe(12)
    (folder / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (folder / "key.p12").write_bytes(pkcs12.serialize_key_and_certificates(
        b"k", key, cert, [ca], serialization.BestAvailableEncryption(password.encode())))
    (folder / "password").write_text(password + "\n")
    return Chain(folder / "ca.pem", folder / "key.p12", folder / "password", cn)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(make_pdf())
    return path


def _sign(chain: Chain, pdf: Path, out: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["sign", str(pdf), "--key", str(chain.key),
                                      "--password-file", str(chain.password), "-o", str(out),
                                      *extra], env=WIDE)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _signed_anyway(chain: Chain, pdf: Path, out: Path) -> Path:
    signer = signers.SimpleSigner.load_pkcs12_data(
        chain.key.read_bytes(), (), passphrase=chain.password.read_text().strip().encode())
    out.write_bytes(sign_pdf(pdf.read_bytes(), signer, name="report.pdf",
                             accept_mismatch=True).pdf)
    return out


def _verify(pdf: Path, *trust: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["verify", str(pdf), *[a for t in trust
                                                            for a in ("--trust", str(t))]],
                                env=WIDE)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


BAD = {
    "tls-server": (dict(eku=[ExtendedKeyUsageOID.SERVER_AUTH]),
                   "the certificate \"Nguyễn Văn A\" is for TLS server authentication, not for "
                   "signing documents; expected a document-signing certificate"),
    "encipherment-only": (dict(signing_ku=False),
                          "the certificate \"Nguyễn Văn A\" may not sign: its key usage is key "
                          "encipherment; expected digital signature or non-repudiation"),
    "expired-signer": (dict(from_=NOW - 400 * DAY, to=NOW - 5 * DAY),
                       "the signer's certificate \"Nguyễn Văn A\" expired on "
                       f"{NOW - 5 * DAY:%Y-%m-%d}"),
    "expired-ca": (dict(ca_from=NOW - 400 * DAY, ca_to=NOW - 2 * DAY),
                   f"\"CA of Nguyễn Văn A\" expired on {NOW - 2 * DAY:%Y-%m-%d}"),
    "not-yet-valid": (dict(from_=NOW + 3 * DAY),
                      "the signer's certificate \"Nguyễn Văn A\" is valid only from "
                      f"{NOW + 3 * DAY:%Y-%m-%d}"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_sign_refuses_a_key_that_may_not_sign(tmp_path: Path, pdf: Path, case: str) -> None:
    options, reason = BAD[case]
    chain = _chain(tmp_path / "ca", **options)  # type: ignore[arg-type]
    out = tmp_path / "signed.pdf"
    code, output = _sign(chain, pdf, out)
    assert code == 2, output
    assert f"error: {chain.key}: cannot sign with this key: " in output
    assert reason.replace("the certificate authority", "") in output.replace("\n", " ")
    assert not out.exists()


@pytest.mark.parametrize("case", sorted(BAD))
def test_verify_refuses_and_says_why(tmp_path: Path, pdf: Path, case: str) -> None:
    options, reason = BAD[case]
    chain = _chain(tmp_path / "ca", **options)  # type: ignore[arg-type]
    code, output = _verify(_signed_anyway(chain, pdf, tmp_path / "s.pdf"), chain.ca)
    assert code == 1, output
    line = next(x for x in output.splitlines() if "certificate:" in x)
    assert line.startswith("  FAIL  certificate: "), output
    assert reason in line, line
    assert "no poe" not in output.lower() and "NOT VERIFIED" in output


@pytest.mark.parametrize("eku", [None, [ExtendedKeyUsageOID.EMAIL_PROTECTION,
                                        ExtendedKeyUsageOID.CLIENT_AUTH],
                                 [x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")],
                                 [ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE]])
def test_a_document_signing_certificate_signs_and_verifies(
        tmp_path: Path, pdf: Path, eku: list[x509.ObjectIdentifier] | None) -> None:
    chain = _chain(tmp_path / "ca", eku=eku)
    out = tmp_path / "signed.pdf"
    code, output = _sign(chain, pdf, out)
    assert code == 0, output
    code, output = _verify(out, chain.ca)
    assert code == 0, output
    assert "VERIFIED: signed by Nguyễn Văn A (" in output


def test_a_certificate_name_cannot_fake_a_verdict(tmp_path: Path, pdf: Path) -> None:
    fake = "X\x1b[2J\x1b[1;32mVERIFIED: Bộ Công an\x1b[0m\x9b2J\u202e"
    chain = _chain(tmp_path / "ca", cn=fake)
    out = tmp_path / "signed.pdf"
    code, output = _sign(chain, pdf, out)  # refused: not the printed signer, and said safely
    assert code == 2 and not {"\x1b", "\x9b", "\u202e"} & set(output), repr(output)
    code, output = _sign(chain, pdf, out, "--accept-mismatch")
    assert code == 0, output
    for text in (output, _verify(out, chain.ca)[1], _verify(out)[1]):
        assert not {"\x1b", "\x9b", "\u202e"} & set(text), repr(text)
        assert "X\\x1b[2J\\x1b[1;32mVERIFIED: Bộ Công an\\x1b[0m\\x9b2J\\u202e" in text, text


# --- damaged files: a verdict, never a traceback ---------------------------------------------

def test_damaged_pdfs_and_wrong_trust_files_never_traceback(tmp_path: Path, pdf: Path) -> None:
    chain = _chain(tmp_path / "ca")
    signed = _signed_anyway(chain, pdf, tmp_path / "s.pdf")
    data = signed.read_bytes()
    # a corrupt object stream: the compressed objects' bytes overwritten
    at = data.index(b"stream", data.index(b"ObjStm")) + 8
    corrupt = data[:at] + b"\x00garbage\x00" * 4 + data[at + 36:]
    # a dangling attachment reference: the embedded files' name tree points at no object
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf.read_bytes()))
    names = writer._root_object["/Names"]["/EmbeddedFiles"]["/Names"]  # pypdf 4 has no root_object
    names[1] = IndirectObject(99999, 0, writer)
    buf = io.BytesIO()
    writer.write(buf)
    dangling_unsigned = buf.getvalue()
    (tmp_path / "d.pdf").write_bytes(dangling_unsigned)
    dangling = _signed_anyway(chain, tmp_path / "d.pdf", tmp_path / "ds.pdf").read_bytes()
    for name, content in (("corrupt.pdf", corrupt), ("dangling.pdf", dangling),
                          ("dangling-unsigned.pdf", dangling_unsigned)):
        path = tmp_path / name
        path.write_bytes(content)
        code, output = _verify(path, chain.ca)
        assert code == 1, (name, output)
        assert "NOT VERIFIED" in output
    code, output = _verify(signed, chain.key)  # a PKCS#12 file given as --trust
    assert code == 2
    assert f"error: {chain.key}: no certificate in it; expected a CA certificate" in output


# --- the same refusals as poppler's pdfsig ---------------------------------------------------

def _pdfsig(path: Path) -> str | None:
    try:
        run = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60,
                             check=False)
    except FileNotFoundError:
        return None
    return run.stdout + run.stderr


def test_every_signature_pdfsig_refuses_assess_refuses_too(tmp_path: Path, pdf: Path) -> None:
    import os

    if _pdfsig(pdf) is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdfsig (poppler-utils) is missing in CI")
        pytest.skip("pdfsig (poppler-utils) is not installed")
    chain = _chain(tmp_path / "ca")
    good = _signed_anyway(chain, pdf, tmp_path / "good.pdf")
    data = good.read_bytes()
    cases = {"good": data, "appended": data + b"\n% after signing\n"}
    trust = dict.fromkeys(cases, chain.ca)
    for case in ("expired-signer", "not-yet-valid"):  # pdfsig: "Certificate has Expired", …
        other = _chain(tmp_path / case, **BAD[case][0])  # type: ignore[arg-type]
        cases[case] = _signed_anyway(other, pdf, tmp_path / f"{case}-signed.pdf").read_bytes()
        trust[case] = other.ca
    start = data.index(b"/ByteRange")
    for i, offset in enumerate((200, len(data) // 3, len(data) - 400)):
        if start - 50 < offset < start + 20000:
            continue
        flipped = bytearray(data)
        flipped[offset] ^= 0x01
        cases[f"flip-{i}"] = bytes(flipped)
        trust[f"flip-{i}"] = chain.ca
    refused = 0
    for name, content in cases.items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(content)
        theirs = _pdfsig(path) or ""
        pdfsig_refuses = "Signature is Valid" not in theirs or "not total document signed" \
            in theirs.lower() or "Certificate has Expired" in theirs \
            or "not yet valid" in theirs.lower()
        code, ours = _verify(path, trust[name])
        if pdfsig_refuses:
            refused += 1
            assert code == 1, (name, theirs, ours)
        elif name == "good":
            assert code == 0, ours
    assert refused >= 3  # the test checked something
