"""The decided report's signatures: the reviewer's own, made on their machine, then the issuing
body's seal, made by the server.

The reviewer downloads the rendered report, signs it with `assess sign` (or any PAdES tool:
the signature is an incremental update) and uploads it. The server accepts it only when it is
exactly a report it rendered for this decision with one personal signature added, and that
signature verifies against the configured trust roots and names the reviewer the report prints
— the checks of `assess verify`, in full. The server then seals it with the body's key, read
from a PKCS#12 file or a PKCS#11 token at that moment, its password or PIN from a file: no
secret is ever stored in the database.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from asn1crypto import x509
from sqlalchemy import select

from assess.core.errors import InputError, NotFoundError, Problem
from assess.core.i18n.messages import msg
from assess.core.memo import by_name
from assess.signatures.printed import Role as SignatureRole
from assess.signatures.verify import Verification, verify_pdf
from assess.workspace.services import dossiers
from assess.workspace.services.access import Actor, Forbidden, Role, require
from assess.workspace.services.reports import PDF_TYPE
from assess.workspace.storage import blobs, events
from assess.workspace.storage.database import Database
from assess.workspace.storage.schema import Decision, Render, SignedReport

MAX_PDF = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SealKey:
    """Where the issuing body's key is: a PKCS#12 file (with a password file, unless it has
    none) or a PKCS#11 token (library, token and key labels, a PIN file)."""

    p12: Path | None = None
    password_file: Path | None = None
    pkcs11_lib: Path | None = None
    token_label: str | None = None
    key_label: str | None = None
    pin_file: Path | None = None

    @contextlib.contextmanager
    def signer(self) -> Iterator[Any]:
        """The key, opened for one seal (a token's session is closed after it)."""
        from assess.signatures.sign import (
            load_key,
            open_without_password,
            read_password_file,
            token_key,
        )

        if self.p12 is not None:
            if self.password_file is not None:
                yield load_key(self.p12, read_password_file(self.password_file))
                return
            found = open_without_password(self.p12)
            if found is None:
                raise InputError.single(str(self.p12), msg("workspace.seal_password"))
            yield found
            return
        assert self.pkcs11_lib and self.token_label and self.key_label and self.pin_file
        pin = read_password_file(self.pin_file).decode("utf-8", "replace")
        with token_key(self.pkcs11_lib, self.token_label, self.key_label, pin) as signer:
            yield signer


@dataclass(frozen=True, slots=True)
class Signing:
    """The server's signing configuration: whom it trusts, and the seal's key if it has one."""

    trust_roots: Sequence[x509.Certificate] = ()
    seal: SealKey | None = None


@dataclass(frozen=True, slots=True)
class SignedView:
    row: SignedReport
    verification: Verification
    final_sha: str
    failures: list[str] = field(default_factory=list)


def _problem(where: str, key: str, **params: Any) -> InputError:
    return InputError([Problem(where, None, "", msg(key, **params))])


def _personal(v: Verification) -> list[str]:
    """Why `v` is not one good personal signature on a whole report ([] when it is)."""
    why = [c.render() for c in v.failures]
    roles = [s.role for s in v.signatures]
    if roles != ["personal"]:
        why.append(str(msg("workspace.signed_roles", found=", ".join(str(r) for r in roles)
                           or "—")))
    return why


def accept(db: Database, actor: Actor, version_id: int, data: bytes, filename: str,
           signing: Signing) -> SignedReport:
    """The reviewer's signed report of a decided version, checked, then sealed when the server
    holds the body's key. InputError says every reason it is refused (nothing is stored)."""
    name = Path(filename).name or "report.pdf"
    with db.sessions() as s:  # 'not found' before roles
        v, _ = dossiers.version_row(s, actor, version_id)
    require(actor, "sign", Role.REVIEWER)
    if len(data) > MAX_PDF:
        raise _problem(name, "workspace.upload_too_large", name=name, limit=MAX_PDF)
    with db.sessions() as s:
        dec = s.execute(select(Decision).where(Decision.version_id == v.id)).scalar_one_or_none()
        if dec is None:
            raise Forbidden(msg("workspace.sign_undecided"))
        rendered = [(r.pdf_sha, blobs.get(s, r.pdf_sha)) for r in s.execute(
            select(Render).where(Render.version_id == v.id, Render.state == "done")).scalars()
            if r.pdf_sha is not None]
    base = next((sha for sha, pdf in rendered if pdf and len(data) > len(pdf)
                 and data.startswith(pdf)), None)
    if base is None:
        raise _problem(name, "workspace.signed_not_ours")
    checked = verify_pdf(data, list(signing.trust_roots), name=name)
    why = _personal(checked)
    if why:
        raise InputError([Problem(name, None, "", msg("workspace.signed_refused", why=w))
                          for w in why])
    signer = checked.signatures[0].signer
    sealed = None
    if signing.seal is not None:
        from assess.signatures.sign import sign_pdf

        role: SignatureRole = "organisation"
        with signing.seal.signer() as key:
            sealed = sign_pdf(data, key, name=name, role=role).pdf
    with db.transaction() as s:
        v, d = dossiers.version_row(s, actor, version_id)
        signed_sha = blobs.put(s, data, PDF_TYPE)
        sealed_sha = blobs.put(s, sealed, PDF_TYPE) if sealed is not None else None
        row = SignedReport(version_id=v.id, rendered_sha=base, signed_sha=signed_sha,
                           sealed_sha=sealed_sha, signer=signer[:300], author_id=actor.user_id,
                           created_at=events.now())
        s.add(row)
        s.flush()
        events.record(s, actor_id=actor.user_id, action="report.sign", object_type="report",
                      object_id=row.id, dossier_id=d.id, before_sha=base, after_sha=signed_sha,
                      detail={"version": v.number, "signer": signer[:300]})
        if sealed_sha is not None:
            events.record(s, actor_id=None, action="report.seal", object_type="report",
                          object_id=row.id, dossier_id=d.id, before_sha=signed_sha,
                          after_sha=sealed_sha, detail={"version": v.number})
    return row


@by_name(64)  # (sha, roots): a stored PDF never changes; `read` runs only on a miss
def _verified(sha: str, roots: tuple[x509.Certificate, ...], read: Callable[[], bytes]
              ) -> Verification:
    return verify_pdf(read(), list(roots), name=f"{sha[:12]}.pdf")


def signed_of(db: Database, actor: Actor | None, version_id: int, signing: Signing
              ) -> SignedView | None:
    """The latest signed report of a version with its verification (None when unsigned)."""
    with db.sessions() as s:
        dossiers.version_row(s, actor, version_id)
        row = s.execute(select(SignedReport).where(SignedReport.version_id == version_id)
                        .order_by(SignedReport.id.desc()).limit(1)).scalar_one_or_none()
        if row is None:
            return None
        sha = row.sealed_sha or row.signed_sha
        verification = _verified(sha, tuple(signing.trust_roots),
                                 lambda: blobs.get(s, sha) or b"")
    return SignedView(row, verification, sha, [c.render() for c in verification.failures])


def signed_pdf(db: Database, actor: Actor | None, version_id: int, signing: Signing) -> bytes:
    view = signed_of(db, actor, version_id, signing)
    if view is None:
        raise NotFoundError(msg("workspace.not_found", what=msg("workspace.noun.signed"),
                                id=str(version_id)))
    with db.sessions() as s:
        data = blobs.get(s, view.final_sha)
    assert data is not None
    return data


__all__ = ["MAX_PDF", "SealKey", "SignedView", "Signing", "accept", "signed_of", "signed_pdf"]
