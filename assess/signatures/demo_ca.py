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
from typing import Literal

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from assess.signatures.certificates import DEMO_MARK, DEMO_ORGANIZATION

ORGANIZATION = DEMO_ORGANIZATION
CA_NAME = "assess TEST ONLY demo CA - NOT TRUSTED"
MARK = DEMO_MARK
"""Added to every common name the demo issues (`certificates.DEMO_MARK`)."""
FILES = {"ca": "TEST-ONLY-ca.pem", "key": "TEST-ONLY-signer.p12",
         "seal": "TEST-ONLY-seal.p12", "password": "TEST-ONLY-signer.password",
         "crl": "TEST-ONLY-ca.crl", "readme": "TEST-ONLY-README.txt"}
"""The files `assess demo-ca` writes, by role."""

README = """\
TEST ONLY — NOT TRUSTED

These files were made by `assess demo-ca` to try signing and verifying reports:

  {ca}        the demo certificate authority (give it to: assess verify --trust)
  {key}       the signer's key and certificate (give it to: assess sign --key)
  {seal}        the issuing body's key and certificate (assess sign --as organisation --key)
  {password}  the keys' password (give it to: assess sign --password-file)
  {crl}          the authority's list of revoked certificates (assess sign --ltv --crl)

Anyone can make such files: a signature made with them proves nothing about who signed.
Never sign a real report with them, and never trust this CA for anything else.
"""

Purpose = Literal["sign", "timestamp"]
"""What an issued certificate is for: signing documents, or a time-stamping authority's."""


@dataclass(frozen=True, slots=True)
class DemoFiles:
    """The contents of the demo files, by role (see FILES)."""

    ca_pem: bytes
    key_p12: bytes
    password: str
    signer: str
    seal_p12: bytes = b""
    body: str = ""
    crl_der: bytes = b""

    def contents(self) -> dict[str, bytes]:
        return {"ca": self.ca_pem, "key": self.key_p12, "seal": self.seal_p12,
                "password": (self.password + "\n").encode("ascii"), "crl": self.crl_der,
                "readme": README.format(**FILES).encode("utf-8")}


def _name(common_name: str, organization: str | None = None) -> x509.Name:
    """C=VN, O=the demo (or `organization`, with the demo then as OU), CN=`common_name` (cut to
    the 64 bytes of UTF-8 cryptography allows, keeping the mark)."""
    if len(common_name.encode("utf-8")) > 64:
        base = common_name.removesuffix(MARK)
        while len((base + MARK).encode("utf-8")) > 64:
            base = base[:-1].rstrip()
        common_name = base + MARK
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                  x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization or ORGANIZATION)]
    if organization:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, ORGANIZATION))
    return x509.Name([*attributes, x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _usage(*, sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=sign, content_commitment=sign, key_encipherment=False,
                         data_encipherment=False, key_agreement=False, key_cert_sign=not sign,
                         crl_sign=not sign, encipher_only=False, decipher_only=False)


class DemoCA:
    """A TEST ONLY certificate authority: issues signing and time-stamping certificates and a
    certificate revocation list (CRL), so that sign and verify can be tried at every PAdES
    level (B-B, B-T with a timestamp, B-LT with the chain's CRL embedded)."""

    def __init__(self, *, days: int = 365, now: dt.datetime | None = None,
                 crl_url: str | None = None) -> None:
        self.start = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(hours=1)
        self.end = self.start + dt.timedelta(days=days)
        self.crl_url = crl_url
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.cert = (x509.CertificateBuilder()
                     .subject_name(_name(CA_NAME)).issuer_name(_name(CA_NAME))
                     .public_key(self.key.public_key()).serial_number(x509.random_serial_number())
                     .not_valid_before(self.start).not_valid_after(self.end)
                     .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                     .add_extension(_usage(sign=False), critical=True)
                     .add_extension(x509.SubjectKeyIdentifier.from_public_key(
                         self.key.public_key()), critical=False)
                     .sign(self.key, hashes.SHA256()))

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def issue(self, common_name: str, purpose: Purpose = "sign", *,
              organization: str | None = None) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
        """A new key and its certificate, named `common_name` + MARK (an organisation's
        certificate: its name as O too, where it is never cut)."""
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        builder = (x509.CertificateBuilder()
                   .subject_name(_name(common_name + MARK, organization))
                   .issuer_name(self.cert.subject)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(self.start).not_valid_after(self.end)
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None),
                                  critical=True)
                   .add_extension(_usage(sign=True), critical=True)
                   .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                                  critical=False)
                   .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                       self.key.public_key()), critical=False))
        if purpose == "timestamp":  # RFC 3161 §2.3: the only purpose, critical
            builder = builder.add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        if self.crl_url:
            builder = builder.add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
                full_name=[x509.UniformResourceIdentifier(self.crl_url)], relative_name=None,
                reasons=None, crl_issuer=None)]), critical=False)
        return key, builder.sign(self.key, hashes.SHA256())

    def p12(self, common_name: str, password: str, *, organization: str | None = None) -> bytes:
        """A new signer's key, certificate and this CA's certificate, as PKCS#12 (an empty
        password: none, as a key on a USB token or a file its holder keeps safe otherwise)."""
        key, cert = self.issue(common_name, organization=organization)
        encryption = (serialization.BestAvailableEncryption(password.encode("utf-8"))
                      if password else serialization.NoEncryption())
        return pkcs12.serialize_key_and_certificates(b"TEST ONLY signer", key, cert,
                                                     [self.cert], encryption)

    def crl(self, revoked: list[x509.Certificate] | None = None, *, days: int = 30) -> bytes:
        """A CRL (DER) listing `revoked`, valid for `days` from now."""
        now = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
        builder = (x509.CertificateRevocationListBuilder().issuer_name(self.cert.subject)
                   .last_update(now).next_update(now + dt.timedelta(days=days))
                   .add_extension(x509.CRLNumber(1), critical=False)
                   .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                       self.key.public_key()), critical=False))
        for cert in revoked or []:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(cert.serial_number)
                .revocation_date(now).build())
        return builder.sign(self.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def make_demo(signer: str = "Người ký thử nghiệm", *, body: str = "Cơ quan thử nghiệm",
              days: int = 365, now: dt.datetime | None = None,
              password: str | None = None) -> DemoFiles:
    """A new CA, a signer's and an issuing body's certificate under it (RSA 2048, SHA-256),
    with a random password (`password=""`: keys without one), and the CA's empty CRL."""
    ca = DemoCA(days=days, now=now)
    secret = secrets.token_urlsafe(18) if password is None else password
    return DemoFiles(ca.pem, ca.p12(signer, secret), secret, signer + MARK,
                     ca.p12(body, secret, organization=body), body + MARK, ca.crl())


__all__ = ["CA_NAME", "FILES", "MARK", "DemoCA", "DemoFiles", "make_demo"]
