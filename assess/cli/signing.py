"""sign, verify, demo-ca: digitally signed reports.

The key's password is read from a file or typed at a prompt that does not echo it — never taken
from the command line (where other users and the shell history would see it), never printed.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from assess.cli.app import LangOpt, Language, app, guarded, log, stdout
from assess.core.i18n.messages import Msg, msg, plain


def default_signed(report: Path) -> Path:
    """REPORT.pdf -> REPORT.signed.pdf, beside it."""
    return report.with_name(report.stem + ".signed.pdf")


class SignAs(StrEnum):
    """The role a signature is made in; `seal` is another name for `organisation`."""

    personal = "personal"
    organisation = "organisation"
    seal = "seal"


def _interactive() -> bool:
    """Whether a password may be asked for: only of a person at a terminal (getpass without
    one warns, and a script's stdin is not where its password is)."""
    return sys.stdin is not None and sys.stdin.isatty()


def _secret(file: Path | None, prompt: Msg, missing: Msg, option: str) -> bytes:
    """A password or PIN: from its file, else typed at a prompt that does not echo it (on a
    terminal only), else the error `missing`, on `option`."""
    from assess.core.errors import InputError
    from assess.signatures.sign import read_password_file

    if file is not None:
        return read_password_file(file)
    if not _interactive():
        raise InputError.single(option, missing)
    try:
        typed = typer.prompt(str(prompt), hide_input=True, default="", show_default=False,
                             err=True)
    except typer.Abort:
        raise InputError.single(option, missing) from None
    return str(typed).encode("utf-8")


def _file_key(key: Path, password_file: Path | None) -> Any:
    """The PKCS#12 key: with its password file; else without a password if it has none;
    else with the password typed at a prompt."""
    from assess.core.errors import InputError
    from assess.signatures.sign import is_pkcs12, load_key, open_without_password

    if password_file is not None:
        return load_key(key, _secret(password_file, plain(""), plain(""), "--password-file"))
    signer = open_without_password(key)
    if signer is not None:
        return signer
    if not is_pkcs12(key):
        raise InputError.single(key, msg("signatures.key.cannot_open"))
    return load_key(key, _secret(None, msg("signatures.password.prompt"),
                                 msg("signatures.password.needed"), "--password-file"))


def _crls(paths: list[Path]) -> list[Any]:
    from asn1crypto import crl, pem

    from assess.core.errors import InputError
    from assess.core.files import MAX_KEY_BYTES, read_regular

    out = []
    for path in paths:
        data = read_regular(path, MAX_KEY_BYTES)
        try:
            if pem.detect(data):
                data = pem.unarmor(data)[2]
            item = crl.CertificateList.load(data)
            _ = item.native  # asn1crypto parses lazily
        except Exception:  # asn1crypto raises ValueError, TypeError or its own errors
            raise InputError.single(path, msg("signatures.crl.unreadable")) from None
        out.append(item)
    return out


SIGN_EPILOG = """Examples:

  assess sign reports/report.pdf --key signer.p12 --password-file signer.password

  assess sign report.signed.pdf --as organisation --key seal.p12 -o report.sealed.pdf

  assess sign report.pdf --pkcs11-lib /usr/lib/softhsm/libsofthsm2.so --token-label "Token" \\
      --key-label "Nguyen Van A" --pin-file pin.txt

  assess sign report.pdf --key signer.p12 --tsa-url http://tsa.example.vn/tsa --ltv \\
      --crl ca.crl --trust ca.pem

A personal signature (chữ ký cá nhân) comes first: its certificate must name the signer the
report prints. Then the issuing body's (chữ ký của cơ quan, its seal: --as organisation), whose
certificate must name the body (CN or O). A key file without a password needs no
--password-file; with one, the password is asked for on a terminal."""


@app.command(epilog=SIGN_EPILOG)
@guarded
def sign(
    report: Annotated[Path, typer.Argument(help="The report PDF that 'assess report' wrote (or, "
                                           "for --as organisation, the one already signed).",
                                           exists=True, dir_okay=False)],
    key: Annotated[Path | None, typer.Option(
        "--key", "-k", help="The signer's key and certificate: a PKCS#12 file (.p12/.pfx).",
        exists=True, dir_okay=False)] = None,
    password_file: Annotated[Path | None, typer.Option(
        "--password-file", help="File holding the key's password (one line). Without it a key "
        "without a password is used as it is, else the password is asked for on a terminal, "
        "without echo.", exists=True, dir_okay=False)] = None,
    role: Annotated[SignAs, typer.Option(
        "--as", help="personal: the signer's own signature (chữ ký cá nhân), first; "
        "organisation (or seal): the issuing body's (chữ ký của cơ quan), after it.",
        case_sensitive=False)] = SignAs.personal,
    accept_mismatch: Annotated[bool, typer.Option(
        "--accept-mismatch", help="Sign personally even though the certificate does not name "
        "the signer the report prints (or the report names none). Every verification will "
        "show it. Never for an organisation signature.")] = False,
    pkcs11_lib: Annotated[Path | None, typer.Option(
        "--pkcs11-lib", help="PKCS#11 library of a USB token or HSM (e.g. "
        "/usr/lib/softhsm/libsofthsm2.so), instead of --key.", exists=True,
        dir_okay=False)] = None,
    token_label: Annotated[str | None, typer.Option(
        "--token-label", help="With --pkcs11-lib: the token's label.")] = None,
    key_label: Annotated[str | None, typer.Option(
        "--key-label", help="With --pkcs11-lib: the label of the key and its certificate.")
    ] = None,
    pin_file: Annotated[Path | None, typer.Option(
        "--pin-file", help="With --pkcs11-lib: file holding the token's PIN (one line). Without "
        "it the PIN is asked for on a terminal, without echo.", exists=True,
        dir_okay=False)] = None,
    tsa_url: Annotated[str | None, typer.Option(
        "--tsa-url", help="Time-stamping authority (RFC 3161) to timestamp the signature with "
        "(PAdES B-T).")] = None,
    ltv: Annotated[bool, typer.Option(
        "--ltv", help="Embed the chain's certificates and revocation lists (PAdES B-LT), so "
        "the signature can be checked after they expire; the lists from --crl, else fetched "
        "from the addresses the certificates give.")] = False,
    crl: Annotated[list[Path] | None, typer.Option(
        "--crl", help="A certificate revocation list (DER or PEM) to embed; repeatable; "
        "implies --ltv.", exists=True, dir_okay=False)] = None,
    trust: Annotated[list[Path] | None, typer.Option(
        "--trust", "-t", help="With --ltv: root certificate (PEM or DER) the chains end at, "
        "the signer's and the timestamp's; repeatable (default: the roots in the key file).",
        exists=True, dir_okay=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Where to write the signed PDF (default: REPORT.signed.pdf "
        "beside the report).")] = None,
    lang: LangOpt = Language.vi,
) -> None:
    """Sign a report PDF (PAdES) in its signature block: personally, then as the issuing body.

    The signature is added as an incremental update, so the report's own bytes, its attachments
    and its PDF/A-3b conformance are kept; its time is Vietnam time (+07:00). Nothing is
    written if anything fails.
    """
    import contextlib

    from assess.core.errors import InputError
    from assess.core.files import (
        MAX_PDF_BYTES,
        PDF,
        read_regular,
        refuse_inputs,
        refuse_replacing,
        write_atomic,
    )
    from assess.signatures.printed import Role
    from assess.signatures.sign import Ltv, sign_pdf, token_key

    problems: list[tuple[str, Msg]] = []
    if key is not None and pkcs11_lib is not None:
        problems.append(("--key", msg("signatures.key.both")))
    elif key is None and pkcs11_lib is None:
        problems.append(("--key", msg("signatures.key.none")))
    elif pkcs11_lib is not None:
        problems += [(o, msg("signatures.token.needs", option=o))
                     for o, v in (("--token-label", token_label), ("--key-label", key_label))
                     if not v]
    if tsa_url is not None and not tsa_url.startswith(("http://", "https://")):
        problems.append(("--tsa-url", msg("signatures.tsa.bad_url")))
    if problems:
        raise InputError([InputError.single(where, text).problems[0]
                          for where, text in problems])
    signing_as: Role = ("organisation" if role in (SignAs.organisation, SignAs.seal)
                        else "personal")
    target = output or default_signed(report)
    refuse_inputs([target], [report, key, password_file, pin_file, *(crl or []), *(trust or [])])
    refuse_replacing(target, PDF, ("tệp PDF", "PDF"))
    data = read_regular(report, MAX_PDF_BYTES)
    crls = _crls(crl or [])
    with contextlib.ExitStack() as stack:
        if key is not None:
            signer = _file_key(key, password_file)
        else:
            assert pkcs11_lib is not None and token_label and key_label  # checked above
            pin = _secret(pin_file, msg("signatures.pin.prompt"), msg("signatures.pin.missing"),
                          "--pin-file")
            signer = stack.enter_context(token_key(pkcs11_lib, token_label, key_label,
                                                   pin.decode("utf-8", "replace")))
        validation = None
        if ltv or crls:
            from assess.signatures.verify import load_trust_roots

            roots = (load_trust_roots(trust) if trust else
                     [c for c in signer.cert_registry if c.self_signed == "yes"])
            validation = Ltv(roots, crls, fetch=not crls)
        timestamper = None
        if tsa_url is not None:
            from pyhanko.sign.timestamps.aiohttp_client import HTTPTimeStamper

            timestamper = HTTPTimeStamper(tsa_url, timeout=20)
        signed = sign_pdf(data, signer, name=str(report), role=signing_as,
                          accept_mismatch=accept_mismatch, timestamper=timestamper,
                          ltv=validation)
    write_atomic(target, signed.pdf)
    where = msg(f"signatures.where.{signed.placement}", page=signed.page)
    log.info("%s", msg("signatures.wrote", target=str(target), signer=signed.signer, where=where,
                       role=msg(f"signatures.kind.{signed.role}")))


@app.command(epilog="Examples:\n\n  assess verify report.signed.pdf --trust ca.pem\n\n"
             "  assess verify report.signed.pdf --trust ca.pem --trust tsa-ca.pem\n\n"
             "  assess verify report.signed.pdf --trust ca.pem --accept-mismatch   # signed "
             "knowingly by someone else\n\n"
             "Each signature is shown with its role (personal: chữ ký cá nhân; organisation: "
             "chữ ký của cơ quan), its signer and its time in Vietnam time (+07:00).")
@guarded
def verify(
    report: Annotated[Path, typer.Argument(help="The signed report PDF.", exists=True,
                                           dir_okay=False)],
    trust: Annotated[list[Path] | None, typer.Option(
        "--trust", "-t", help="Certificate (PEM or DER) of a certificate authority you trust "
        "(the signers' and the time-stamping authority's). Repeatable. Without it the signer "
        "cannot be checked and the report does not verify.",
        exists=True, dir_okay=False)] = None,
    accept_mismatch: Annotated[bool, typer.Option(
        "--accept-mismatch", help="Accept a signature whose certificate does not name whom "
        "the report prints (signed so on purpose): a warning instead of a failure.")] = False,
    lang: LangOpt = Language.vi,
) -> None:
    """Verify a signed report: each signature, who signed it and in which role, its coverage,
    its signer's chain, and the attached inputs.

    Checks that every signature is intact and the last covers the whole file (nothing changed
    or added after signing but validation data), that each signer's certificate chains to a
    --trust root and names whom the report prints (the signer for the personal signature, the
    issuing body for the organisation's), that a timestamp's authority chains to a --trust
    root, and that the attached assessment, proposal and checklist are the ones assessed, with
    the SHA-256 digests the report prints. Exit status 0 when everything holds, 1 when anything
    does not (each failure is said).
    """
    from assess.core.files import MAX_PDF_BYTES, read_regular
    from assess.signatures.certificates import vietnam_time
    from assess.signatures.verify import Check, SignatureCheck, load_trust_roots, verify_pdf

    roots = load_trust_roots(trust or [])
    data = read_regular(report, MAX_PDF_BYTES)
    v = verify_pdf(data, roots, name=str(report), accept_mismatch=accept_mismatch)
    out = stdout()

    def say(text: str, style: str | None = None) -> None:
        out.print(text, markup=False, highlight=False, style=style, soft_wrap=True)

    def when(s: SignatureCheck) -> Msg:
        if s.signed_at is None:
            return msg("signatures.verify.no_time")
        return msg("signatures.verify.stamped" if s.timestamped else "signatures.verify.claimed",
                   at=vietnam_time(s.signed_at))

    def check(c: Check) -> None:
        head = ("signatures.verify.warn" if c.warning else
                "signatures.verify.ok" if c.ok else "signatures.verify.fail")
        say(str(msg(head)) + str(c), "yellow" if c.warning else None if c.ok else "bold red")

    say(str(report), "bold")
    for s in v.signatures:
        say(str(msg("signatures.verify.signature", field=s.field, signer=s.signer, when=when(s),
                    role=msg(f"signatures.kind.{s.role or 'unknown'}"))))
        for c in s.checks:
            check(c)
    if v.checks:
        say(str(msg("signatures.verify.document")))
        for c in v.checks:
            check(c)
    if v.ok:
        signers = "; ".join(str(msg("signatures.verify.signer", signer=s.signer, when=when(s)))
                            for s in v.signatures)
        if v.warnings:
            say(str(msg("signatures.verify.warned", signers=signers,
                        problems="; ".join(str(c) for c in v.warnings))), "bold yellow")
            return
        say(str(msg("signatures.verify.verified", signers=signers)), "bold green")
        return
    failures = v.failures
    say(str(msg("signatures.verify.failed_one" if len(failures) == 1 else "signatures.verify.failed",
                n=len(failures), problems="; ".join(str(c) for c in failures))), "bold red")
    raise typer.Exit(1)


@app.command("demo-ca", epilog="Examples:\n\n  assess demo-ca -o demo-ca --for report.pdf\n\n"
             "  assess sign report.pdf --key demo-ca/TEST-ONLY-signer.p12 "
             "--password-file demo-ca/TEST-ONLY-signer.password\n\n"
             "  assess sign report.signed.pdf --as organisation --key demo-ca/TEST-ONLY-seal.p12 "
             "--password-file demo-ca/TEST-ONLY-signer.password -o report.sealed.pdf\n\n"
             "  assess verify report.sealed.pdf --trust demo-ca/TEST-ONLY-ca.pem")
@guarded
def demo_ca(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write the files to "
                                         "(made if missing).", file_okay=False)],
    name: Annotated[str, typer.Option("--name", help="Signer's name in the certificate ("
                                      "' - TEST ONLY' is added).")] = "Người ký thử nghiệm",
    body: Annotated[str, typer.Option("--body", help="Issuing body's name in the seal's "
                                      "certificate (' - TEST ONLY' is added).")
                    ] = "Cơ quan thử nghiệm",
    for_report: Annotated[Path | None, typer.Option(
        "--for", help="A report PDF: take the signer's and the body's names from what it "
        "prints (instead of --name and --body).", exists=True, dir_okay=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
    lang: LangOpt = Language.vi,
) -> None:
    """Make a throw-away TEST ONLY certificate authority, signer and issuing body, to try sign
    and verify.

    Writes TEST-ONLY-ca.pem, TEST-ONLY-signer.p12, TEST-ONLY-seal.p12 (the body's), their
    password TEST-ONLY-signer.password, the CA's revocation list TEST-ONLY-ca.crl and a README.
    Their certificates say NOT TRUSTED / TEST ONLY: never sign a real report with them.
    """
    import os

    from assess.core.errors import InputError, OutputError
    from assess.core.files import write_atomic
    from assess.signatures.demo_ca import FILES, make_demo

    if for_report is not None:
        from assess.core.files import MAX_PDF_BYTES, read_regular
        from assess.signatures.printed import page_text, printed
        from assess.signatures.sign import attached, open_reader

        data = read_regular(for_report, MAX_PDF_BYTES)
        found = printed(attached(open_reader(data, str(for_report))), page_text(data))
        if found is None or found.signer is None or found.body is None:
            raise InputError.single(for_report, msg("signatures.demo.no_issuer"))
        name, body = found.signer, found.body
    if not name.strip():
        raise typer.BadParameter(str(msg("signatures.demo.no_name")), param_hint="--name")
    if not body.strip():
        raise typer.BadParameter(str(msg("signatures.demo.no_name")), param_hint="--body")
    targets = {role: output / file for role, file in FILES.items()}
    if not force and (existing := [str(p) for p in targets.values() if p.exists()]):
        raise OutputError(msg("signatures.demo.exists", target=existing[0]))
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(msg("signatures.demo.cannot_make", folder=str(output),
                              why=plain(str(exc.strerror)))) from None
    demo = make_demo(name.strip(), body=body.strip())
    for role, data in demo.contents().items():
        write_atomic(targets[role], data)
        if role in ("key", "seal", "password"):
            os.chmod(targets[role], 0o600)
    log.info("%s", msg("signatures.demo.wrote", folder=str(output), signer=demo.signer,
                       body=demo.body))
