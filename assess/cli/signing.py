"""sign, verify, demo-ca: digitally signed reports.

The key's password is read from a file or typed at a prompt that does not echo it — never taken
from the command line (where other users and the shell history would see it), never printed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assess.cli.app import LangOpt, Language, app, guarded, log, stdout
from assess.core.i18n.messages import Msg, msg, plain


def default_signed(report: Path) -> Path:
    """REPORT.pdf -> REPORT.signed.pdf, beside it."""
    return report.with_name(report.stem + ".signed.pdf")


def _password(password_file: Path | None) -> bytes:
    from assess.core.errors import InputError

    if password_file is not None:
        from assess.signatures.sign import read_password_file

        return read_password_file(password_file)
    try:
        typed = typer.prompt(str(msg("signatures.password.prompt")), hide_input=True, default="",
                             show_default=False, err=True)
    except typer.Abort:
        raise InputError.single("--password-file", msg("signatures.password.missing")) from None
    return str(typed).encode("utf-8")


@app.command(epilog="Examples:\n\n"
             "  assess sign reports/report.pdf --key signer.p12 --password-file signer.password\n\n"
             "  assess sign report.pdf --key signer.p12 -o report.signed.pdf   # asks for the "
             "password")
@guarded
def sign(
    report: Annotated[Path, typer.Argument(help="The report PDF that 'assess report' wrote.",
                                           exists=True, dir_okay=False)],
    key: Annotated[Path, typer.Option("--key", "-k", help="The signer's key and certificate: "
                                      "a PKCS#12 file (.p12/.pfx).", exists=True,
                                      dir_okay=False)],
    password_file: Annotated[Path | None, typer.Option(
        "--password-file", help="File holding the key's password (one line). Without it the "
        "password is asked for, without echo.", exists=True, dir_okay=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Where to write the signed PDF (default: REPORT.signed.pdf "
        "beside the report).")] = None,
    lang: LangOpt = Language.vi,
) -> None:
    """Sign a report PDF (PAdES baseline signature) in its signature block.

    The signature is added as an incremental update, so the report's own bytes, its attachments
    and its PDF/A-3b conformance are kept. Nothing is written if anything fails.
    """
    from assess.core.files import (
        MAX_PDF_BYTES,
        PDF,
        read_regular,
        refuse_inputs,
        refuse_replacing,
        write_atomic,
    )
    from assess.signatures.sign import load_key, sign_pdf

    target = output or default_signed(report)
    refuse_inputs([target], [report, key, password_file])
    refuse_replacing(target, PDF, ("tệp PDF", "PDF"))
    signer = load_key(key, _password(password_file))
    data = read_regular(report, MAX_PDF_BYTES)
    signed = sign_pdf(data, signer, name=str(report))
    write_atomic(target, signed.pdf)
    where = msg(f"signatures.where.{signed.placement}", page=signed.page)
    log.info("%s", msg("signatures.wrote", target=str(target), signer=signed.signer, where=where))


@app.command(epilog="Examples:\n\n  assess verify report.signed.pdf --trust ca.pem\n\n"
             "  assess verify report.signed.pdf --trust ca.pem --trust other-ca.pem")
@guarded
def verify(
    report: Annotated[Path, typer.Argument(help="The signed report PDF.", exists=True,
                                           dir_okay=False)],
    trust: Annotated[list[Path] | None, typer.Option(
        "--trust", "-t", help="Certificate (PEM or DER) of a certificate authority you trust. "
        "Repeatable. Without it the signer cannot be checked and the report does not verify.",
        exists=True, dir_okay=False)] = None,
    lang: LangOpt = Language.vi,
) -> None:
    """Verify a signed report: signature, whole-file coverage, signer, attached inputs.

    Checks that the signature is intact and covers the whole file (nothing changed or added
    after signing), that the signer's certificate chains to a --trust root, and that the
    attached assessment, proposal and checklist are the ones assessed, with the SHA-256 digests
    the report prints. Exit status 0 when everything holds, 1 when anything does not (each
    failure is said).
    """
    from assess.core.files import MAX_PDF_BYTES, read_regular
    from assess.signatures.verify import Check, SignatureCheck, load_trust_roots, verify_pdf

    roots = load_trust_roots(trust or [])
    data = read_regular(report, MAX_PDF_BYTES)
    v = verify_pdf(data, roots, name=str(report))
    out = stdout()

    def say(text: str, style: str | None = None) -> None:
        out.print(text, markup=False, highlight=False, style=style, soft_wrap=True)

    def when(s: SignatureCheck) -> Msg:
        return plain(s.signed_at.isoformat(sep=" ")) if s.signed_at else msg(
            "signatures.verify.no_time")

    def check(c: Check) -> None:
        say(str(msg("signatures.verify.ok" if c.ok else "signatures.verify.fail")) + str(c),
            None if c.ok else "bold red")

    say(str(report), "bold")
    for s in v.signatures:
        say(str(msg("signatures.verify.signature", field=s.field, signer=s.signer, when=when(s))))
        for c in s.checks:
            check(c)
    if v.checks:
        say(str(msg("signatures.verify.document")))
        for c in v.checks:
            check(c)
    if v.ok:
        signers = "; ".join(str(msg("signatures.verify.signer", signer=s.signer, when=when(s)))
                            for s in v.signatures)
        say(str(msg("signatures.verify.verified", signers=signers)), "bold green")
        return
    failures = v.failures
    say(str(msg("signatures.verify.failed_one" if len(failures) == 1 else "signatures.verify.failed",
                n=len(failures), problems="; ".join(str(c) for c in failures))), "bold red")
    raise typer.Exit(1)


@app.command("demo-ca", epilog="Example:\n\n  assess demo-ca -o demo-ca\n\n"
             "  assess sign report.pdf --key demo-ca/TEST-ONLY-signer.p12 "
             "--password-file demo-ca/TEST-ONLY-signer.password\n\n"
             "  assess verify report.signed.pdf --trust demo-ca/TEST-ONLY-ca.pem")
@guarded
def demo_ca(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write the files to "
                                         "(made if missing).", file_okay=False)],
    name: Annotated[str, typer.Option("--name", help="Signer's name in the certificate ("
                                      "' - TEST ONLY' is added).")] = "Người ký thử nghiệm",
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
    lang: LangOpt = Language.vi,
) -> None:
    """Make a throw-away TEST ONLY certificate authority and signer, to try sign and verify.

    Writes TEST-ONLY-ca.pem, TEST-ONLY-signer.p12, TEST-ONLY-signer.password and a README.
    Their certificates say NOT TRUSTED / TEST ONLY: never sign a real report with them.
    """
    import os

    from assess.core.errors import OutputError
    from assess.core.files import write_atomic
    from assess.signatures.demo_ca import FILES, make_demo

    if not name.strip():
        raise typer.BadParameter(str(msg("signatures.demo.no_name")), param_hint="--name")
    targets = {role: output / file for role, file in FILES.items()}
    if not force and (existing := [str(p) for p in targets.values() if p.exists()]):
        raise OutputError(msg("signatures.demo.exists", target=existing[0]))
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(msg("signatures.demo.cannot_make", folder=str(output),
                              why=plain(str(exc.strerror)))) from None
    demo = make_demo(name.strip())
    for role, data in demo.contents().items():
        write_atomic(targets[role], data)
        if role in ("key", "password"):
            os.chmod(targets[role], 0o600)
    log.info("%s", msg("signatures.demo.wrote", folder=str(output), signer=demo.signer))
