"""A throw-away certificate authority and signer, to try signing and verifying reports.

Everything it makes says TEST ONLY / NOT TRUSTED — in the certificates' subjects (so in every
signature made with them, and in its visible appearance) and in the file names. A real report is
signed with a certificate from a recognised provider (for state bodies: a public-service digital
signature certificate, Decree 68/2024/ND-CP), never with these.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

ORGANIZATION = "assess demo - TEST ONLY, NOT TRUSTED"
CA_NAME = "assess TEST ONLY demo CA - NOT TRUSTED"
FILES = {"ca": "TEST-ONLY-ca.pem", "key": "TEST-ONLY-signer.p12",
         "password": "TEST-ONLY-signer.password", "readme": "TEST-ONLY-README.txt"}
"""The files `assess demo-ca` writes, by role."""

README = """\
TEST ONLY — NOT TRUSTED

These files were made by `assess demo-ca` to try signing and verifying reports:

  {ca}        the demo certificate authority (give it to: assess verify --trust)
  {key}       the signer's key and certificate (give it to: assess sign --key)
  {password}  the key's password (give it to: assess sign --password-file)

Anyone can make such files: a signature made with them proves nothing about who signed.
Never sign a real report with them, and never trust this CA for anything else.
"""


@dataclass(frozen=True, slots=True)
class DemoFiles:
    """The contents of the demo files, by role (see FILES)."""

    ca_pem: bytes
    key_p12: bytes
    password: str
    signer: str

    def contents(self) -> dict[str, bytes]:
        return {"ca": self.ca_pem, "key": self.key_p12,
                "password": (self.password + "\n").encode("ascii"),
                "readme": README.format(**FILES).encode("utf-8")}


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANIZATION),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _usage(*, sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=sign, content_commitment=sign, key_encipherment=False,
                         data_encipherment=False, key_agreement=False, key_cert_sign=not sign,
                         crl_sign=not sign, encipher_only=False, decipher_only=False)


def make_demo(signer: str = "Người ký thử nghiệm", *, days: int = 365,
              now: dt.datetime | None = None) -> DemoFiles:
    """A new CA and a signer certificate under it (RSA 2048, SHA-256), with a random password."""
    start = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(hours=1)
    end = start + dt.timedelta(days=days)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca = (x509.CertificateBuilder()
          .subject_name(_name(CA_NAME)).issuer_name(_name(CA_NAME))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(start).not_valid_after(end)
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(_usage(sign=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                         critical=False)
          .sign(ca_key, hashes.SHA256()))
    common_name = f"{signer} - TEST ONLY"
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (x509.CertificateBuilder()
            .subject_name(_name(common_name)).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_usage(sign=True), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    password = secrets.token_urlsafe(18)
    p12 = pkcs12.serialize_key_and_certificates(
        b"TEST ONLY signer", key, cert, [ca],
        serialization.BestAvailableEncryption(password.encode("ascii")))
    return DemoFiles(ca.public_bytes(serialization.Encoding.PEM), p12, password, common_name)


__all__ = ["CA_NAME", "FILES", "DemoFiles", "make_demo"]
