"""workspace migrate / org add / user add / user erase / audit verify / backup / restore: the
workspace's database, for the administrator at the server's console."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from assess.cli.app import LangOpt, Language, guarded, stdout
from assess.cli.app import workspace_app as app
from assess.core.errors import AssessError, ExitStatus
from assess.core.i18n.messages import Msg, msg, plain

if TYPE_CHECKING:
    from assess.workspace.services.access import Actor
    from assess.workspace.storage.database import Database

DatabaseOpt = Annotated[str | None, typer.Option(
    "--database-url", envvar="ASSESS_DATABASE_URL", show_default=False,
    help="The database: an SQLite file (sqlite:///path.db) or PostgreSQL "
    "(postgresql+psycopg://user@host/db). Default: assess-workspace.db in the current folder.")]
org_app = typer.Typer(help="Organisations: provinces and the ministry's bodies.",
                      no_args_is_help=True)
user_app = typer.Typer(help="Accounts: add one (password asked for), erase a person's data.",
                       no_args_is_help=True)
audit_app = typer.Typer(help="The hash-chained event log.", no_args_is_help=True)
app.add_typer(org_app, name="org")
app.add_typer(user_app, name="user")
app.add_typer(audit_app, name="audit")


class OrgKind(StrEnum):
    province = "province"
    ministry = "ministry"


class RoleChoice(StrEnum):
    submitter = "submitter"
    reviewer = "reviewer"
    policy = "policy"
    admin = "admin"


def _shown(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _say(message: Msg) -> None:
    """One message on standard output, never wrapped mid-line: it names files and URLs that
    are copied, and scripts read it."""
    stdout().print(message.render(), soft_wrap=True)


@contextmanager
def _database(url: str | None, *, migrate: bool = True) -> Iterator[Database]:
    """The database, with any failure to reach or use it said in one line (exit 2)."""
    from sqlalchemy.exc import SQLAlchemyError

    from assess.workspace.storage.database import default_url, open_database

    url = url or default_url()
    try:
        db = open_database(url, migrate=migrate)
    except (SQLAlchemyError, OSError) as exc:
        raise AssessError(msg("workspace.database", url=_shown(url),
                              why=plain(str(exc).splitlines()[0]))) from None
    try:
        yield db
    except SQLAlchemyError as exc:
        raise AssessError(msg("workspace.database", url=_shown(url),
                              why=plain(str(exc).splitlines()[0]))) from None
    finally:
        db.close()


@app.command(epilog="Examples:\n\n  assess workspace migrate\n\n"
             "  assess workspace migrate --database-url postgresql+psycopg://assess@/assess")
@guarded
def migrate(database_url: DatabaseOpt = None, lang: LangOpt = Language.vi) -> None:
    """Create the database's tables, or bring them up to this version of assess (Alembic
    migrations). Safe to run again: a database already up to date is left as it is."""
    from assess.workspace.storage.database import current_revision, upgrade

    with _database(database_url, migrate=False) as db:
        before = current_revision(db)
        upgrade(db)
        _say(msg("workspace.migrated", url=_shown(db.url),
                 before=before or msg("workspace.schema_none"),
                 after=current_revision(db) or "-"))


@org_app.command("add", epilog="Example:\n\n  assess workspace org add bac-ninh --name "
                 "'UBND tỉnh Bắc Ninh' --kind province")
@guarded
def org_add(
    org_id: Annotated[str, typer.Argument(metavar="ID", help="Short id, e.g. bac-ninh.")],
    name: Annotated[str, typer.Option("--name", help="Official name.")],
    kind: Annotated[OrgKind, typer.Option("--kind", help="province or ministry.")],
    database_url: DatabaseOpt = None, lang: LangOpt = Language.vi,
) -> None:
    """Add an organisation: a province (its submitters see only its dossiers) or a ministry
    body (its reviewers and policy team see every dossier)."""
    from assess.workspace.services.accounts import add_organisation

    with _database(database_url) as db:
        add_organisation(db, None, org_id, name, kind.value)
    _say(msg("workspace.org_added", id=org_id, kind=kind.value))


def _password(password_file: Path | None) -> str:
    if password_file is None:
        return str(typer.prompt(msg("workspace.password_prompt").render(), hide_input=True,
                                confirmation_prompt=True))
    from assess.core.files import read_regular

    text = read_regular(password_file, 4096).decode("utf-8", "replace").strip("\r\n")
    if not text:
        raise AssessError(msg("workspace.password_file_empty", file=str(password_file)))
    return text


@user_app.command("add", epilog="Examples:\n\n  assess workspace user add admin --name "
                  "'Nguyễn Văn A' --org bo-kh-cn --role admin\n\n"
                  "  assess workspace user add bn.tran --name 'Trần Thị B' --org bac-ninh "
                  "--role submitter")
@guarded
def user_add(
    username: Annotated[str, typer.Argument(help="Sign-in name: lowercase, digits, . - _")],
    name: Annotated[str, typer.Option("--name", help="Full name, as shown to others.")],
    org: Annotated[str, typer.Option("--org", help="Organisation id (assess workspace org add).")],
    role: Annotated[RoleChoice, typer.Option(
        "--role", help="submitter (a province's own dossiers), reviewer (the ministry's), "
        "policy, or admin.")],
    password_file: Annotated[Path | None, typer.Option(
        "--password-file", help="Read the password from this file instead of asking.",
        show_default=False)] = None,
    database_url: DatabaseOpt = None, lang: LangOpt = Language.vi,
) -> None:
    """Add an account. The password is asked for twice (never on the command line) and kept
    only as an argon2 hash."""
    from assess.workspace.services.access import Role
    from assess.workspace.services.accounts import add_user

    password = _password(password_file)
    with _database(database_url) as db:
        user = add_user(db, None, username=username, name=name, organisation=org,
                        role=Role(role.value), password=password)
    _say(msg("workspace.user_added", username=username, id=user.id, role=role.value,
             organisation=org))


@user_app.command("erase", epilog="Example:\n\n  assess workspace user erase bn.tran")
@guarded
def user_erase(
    username: Annotated[str, typer.Argument(help="The account's sign-in name.")],
    database_url: DatabaseOpt = None, lang: LangOpt = Language.vi,
) -> None:
    """Erase a person's account data (a data subject's request under Decree 13/2023 or Law
    91/2025): username and name become a pseudonym, the password goes, the account can no
    longer sign in. The event log keeps only the account's number, so its chain still
    verifies."""
    from sqlalchemy import select

    from assess.documents.messages import nearest
    from assess.workspace.services.accounts import erase
    from assess.workspace.storage.schema import User

    with _database(database_url) as db:
        with db.sessions() as s:
            user = s.execute(select(User).where(User.username == username)).scalar_one_or_none()
            names = s.execute(select(User.username)).scalars().all()
        if user is None:
            raise AssessError(msg("workspace.no_user", username=username,
                                  near=nearest(username, names)))
        erase(db, None, user.id)
    _say(msg("workspace.user_erased", id=user.id))


@audit_app.command("verify", epilog="Example:\n\n  assess workspace audit verify")
@guarded
def audit_verify(database_url: DatabaseOpt = None, lang: LangOpt = Language.vi) -> None:
    """Recompute the event log's hash chain: every event's hash and its link to the one before.
    Exit status 1 when any event was altered, removed or reordered."""
    from assess.workspace.storage.events import verify

    with _database(database_url) as db, db.sessions() as s:
        check = verify(s)
    if check.ok:
        _say(msg("workspace.audit_ok", n=check.events, head=check.head[:16]))
        return
    for b in check.breaks:
        _say(msg("workspace.audit_break", seq=b.seq,
                 reason=msg(f"workspace.break.{b.reason}")))
    _say(msg("workspace.audit_broken", n=len(check.breaks), events=check.events))
    raise typer.Exit(ExitStatus.GATE)


def _actor(db: Database, username: str, option: str) -> Actor:
    from sqlalchemy import select

    from assess.core.errors import InputError
    from assess.workspace.services.accounts import actor_of
    from assess.workspace.storage.schema import User

    with db.sessions() as s:
        user_id = s.execute(select(User.id).where(User.username == username,
                                                  User.active.is_(True))).scalar_one_or_none()
    if user_id is None:
        raise InputError.single(option, msg("workspace.import_no_user", username=username))
    return actor_of(db, user_id)


@app.command("export", epilog="Example:\n\n  assess workspace export 12 -o ho-so-12.zip\n\n"
             "  unzip ho-so-12.zip && assess verify v1/report.signed.pdf --trust ca.pem")
@guarded
def export(
    dossier: Annotated[int, typer.Argument(help="The dossier's number.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The zip file to write.")],
    trust: Annotated[list[Path] | None, typer.Option(
        "--trust", "-t", help="Root certificate for the signed reports' verification "
        "recorded in the export; repeatable.", exists=True, dir_okay=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    database_url: DatabaseOpt = None, lang: LangOpt = Language.vi,
) -> None:
    """Write a dossier as a zip of the files the CLI uses: per version the proposal (the exact
    bytes its review pins), the review file, the assessment JSON and the signed report; the
    dossier's events as JSON; and SHA256SUMS."""
    from assess.core.files import write_atomic
    from assess.signatures.verify import load_trust_roots
    from assess.workspace.services.signing import Signing
    from assess.workspace.services.transfer import export_dossier

    with _database(database_url) as db:
        data = export_dossier(db, None, dossier, Signing(load_trust_roots(trust or [])))
    write_atomic(output, data, overwrite=force)
    _say(msg("workspace.exported", dossier=dossier, file=str(output),
             size=len(data)))


@app.command("import", epilog="Examples:\n\n  assess workspace import de-xuat.yaml --title "
             "'Zalo OA thông báo' --submitter bn.tran\n\n"
             "  assess workspace import de-xuat.yaml --title 'Zalo OA' --submitter bn.tran "
             "--review tham-dinh.yaml --reviewer rv.pham --signed bao-cao.signed.pdf "
             "--trust ca.pem")
@guarded
def import_(
    proposal: Annotated[Path, typer.Argument(help="The proposal (YAML, or a questionnaire "
                                             "workbook).", exists=True, dir_okay=False)],
    title: Annotated[str, typer.Option("--title", help="The dossier's title.")],
    submitter: Annotated[str, typer.Option(
        "--submitter", help="The province's account the dossier is filed under.")],
    review: Annotated[Path | None, typer.Option(
        "--review", help="Its review file (pinned to the proposal's SHA-256).", exists=True,
        dir_okay=False)] = None,
    reviewer: Annotated[str | None, typer.Option(
        "--reviewer", help="With --review: the reviewer's account the review is recorded "
        "under.")] = None,
    signed: Annotated[Path | None, typer.Option(
        "--signed", help="With --review: the signed report made from the two files.",
        exists=True, dir_okay=False)] = None,
    trust: Annotated[list[Path] | None, typer.Option(
        "--trust", "-t", help="With --signed: root certificate its signatures chain to; "
        "repeatable.", exists=True, dir_okay=False)] = None,
    database_url: DatabaseOpt = None, lang: LangOpt = Language.vi,
) -> None:
    """Import a proposal made with the CLI, with its review and signed report, as a new
    dossier. Each file is kept byte for byte, so its SHA-256 is what it was, and each is checked
    as the workspace's own: the proposal validated, the review's decision through the same
    checks as assess score --review, the signed report through assess verify."""
    from assess.core.files import MAX_PDF_BYTES, read_regular
    from assess.signatures.verify import load_trust_roots
    from assess.workspace.services.dossiers import MAX_UPLOAD
    from assess.workspace.services.signing import Signing
    from assess.workspace.services.transfer import Upload, import_files

    def read(path: Path, limit: int = MAX_UPLOAD) -> Upload:
        return Upload(path.name, read_regular(path, limit))

    with _database(database_url) as db:
        who = _actor(db, submitter, "--submitter")
        by = _actor(db, reviewer, "--reviewer") if reviewer else None
        number = import_files(db, submitter=who, reviewer=by, title=title, proposal=read(proposal),
                              review=read(review) if review else None,
                              signed=read(signed, MAX_PDF_BYTES) if signed else None,
                              config=Signing(load_trust_roots(trust or [])))
    _say(msg("workspace.imported", dossier=number, file=str(proposal)))


@app.command(epilog="Example:\n\n  assess workspace backup -o backups/2026-12-02.db")
@guarded
def backup(
    output: Annotated[Path, typer.Option("--output", "-o", help="The backup file to write.")],
    database_url: DatabaseOpt = None, lang: LangOpt = Language.vi,
) -> None:
    """Write a consistent snapshot of the workspace while it runs: SQLite's online backup, or
    pg_dump's custom format for PostgreSQL. Restore it with `assess workspace restore`."""
    from assess.workspace.storage import backup as snapshots

    with _database(database_url) as db:
        if db.sqlite and Path(snapshots.sqlite_file(db)).resolve() == output.resolve():
            raise AssessError(msg("workspace.backup_is_input", file=str(output)))
        try:
            snapshots.backup(db, output)
        except OSError as exc:
            raise AssessError(msg("workspace.backup_failed", why=plain(str(exc)))) from None
        _say(msg("workspace.backup_done", url=_shown(db.url), file=str(output),
                 size=output.stat().st_size))


@app.command(epilog="Example:\n\n  assess workspace restore backups/2026-12-02.db "
             "--database-url sqlite:///new.db")
@guarded
def restore(
    backup_file: Annotated[Path, typer.Argument(metavar="FILE", help="A file written by "
                                                "assess workspace backup.")],
    database_url: DatabaseOpt = None, lang: LangOpt = Language.vi,
) -> None:
    """Load a backup into a new, empty database, then verify its event log (exit status 1 if
    the chain does not hold). Refuses a database that already has tables."""
    from assess.workspace.storage import backup as snapshots
    from assess.workspace.storage.events import verify

    with _database(database_url, migrate=False) as db:
        try:
            snapshots.restore(db, backup_file)
        except OSError as exc:
            raise AssessError(msg("workspace.backup_failed", why=plain(str(exc)))) from None
        with db.sessions() as s:
            check = verify(s)
    if not check.ok:
        _say(msg("workspace.audit_broken", n=len(check.breaks),
                 events=check.events))
        raise typer.Exit(ExitStatus.GATE)
    _say(msg("workspace.restore_done", file=str(backup_file), url=_shown(db.url),
             n=check.events))


from assess.cli.app import app as root_app  # noqa: E402


@root_app.command(epilog="Examples:\n\n  assess serve\n\n"
                  "  assess serve --host 0.0.0.0 --port 8443 --ssl-certfile cert.pem "
                  "--ssl-keyfile key.pem\n\n"
                  "  ASSESS_DATABASE_URL=postgresql+psycopg://assess@/assess assess serve")
@guarded
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on; 127.0.0.1 serves this "
                                      "machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    ssl_certfile: Annotated[Path | None, typer.Option(
        help="TLS certificate (PEM): serve over HTTPS, with Secure cookies.")] = None,
    ssl_keyfile: Annotated[Path | None, typer.Option(help="TLS private key (PEM).")] = None,
    trust: Annotated[list[Path] | None, typer.Option(
        "--trust", "-t", help="Root certificate (PEM or DER) reviewers' signatures must chain "
        "to; repeatable. Without it no signed report is accepted.", exists=True,
        dir_okay=False)] = None,
    seal_key: Annotated[Path | None, typer.Option(
        "--seal-key", help="The issuing body's key and certificate (PKCS#12) the server seals "
        "signed reports with.", exists=True, dir_okay=False)] = None,
    seal_password_file: Annotated[Path | None, typer.Option(
        "--seal-password-file", help="File holding the seal key's password (one line); read "
        "at each seal, never stored.", exists=True, dir_okay=False)] = None,
    pkcs11_lib: Annotated[Path | None, typer.Option(
        "--pkcs11-lib", help="PKCS#11 library of the token holding the seal key, instead of "
        "--seal-key.", exists=True, dir_okay=False)] = None,
    token_label: Annotated[str | None, typer.Option(
        "--token-label", help="With --pkcs11-lib: the token's label.")] = None,
    key_label: Annotated[str | None, typer.Option(
        "--key-label", help="With --pkcs11-lib: the seal key's (and certificate's) label.")
    ] = None,
    pin_file: Annotated[Path | None, typer.Option(
        "--pin-file", help="With --pkcs11-lib: file holding the token's PIN.", exists=True,
        dir_okay=False)] = None,
    database_url: DatabaseOpt = None, lang: LangOpt = Language.vi,
) -> None:
    """Serve the review workspace in the browser: provinces upload and submit, the ministry
    reviews, decides, signs. With no options, an SQLite file in the current folder is created
    and migrated; for several server processes, point each at one PostgreSQL database.

    Signed reports: reviewers sign the report on their own machine (assess sign) and upload it;
    give --trust for their certificates' root, and --seal-key (or a PKCS#11 token) for the
    server to add the issuing body's seal. The key is opened once at start to check it."""
    import uvicorn
    from sqlalchemy import func, select

    from assess.core.errors import InputError
    from assess.signatures.verify import load_trust_roots
    from assess.workspace.services.signing import SealKey, Signing
    from assess.workspace.storage.schema import User
    from assess.workspace.web import create_app

    seal = None
    if seal_key is not None and pkcs11_lib is not None:
        raise InputError.single("--seal-key", msg("signatures.key.both"))
    if pkcs11_lib is not None:
        missing = [o for o, v in (("--token-label", token_label), ("--key-label", key_label),
                                  ("--pin-file", pin_file)) if not v]
        if missing:
            raise InputError([InputError.single(o, msg("signatures.token.needs", option=o))
                              .problems[0] for o in missing])
        seal = SealKey(pkcs11_lib=pkcs11_lib, token_label=token_label, key_label=key_label,
                       pin_file=pin_file)
    elif seal_key is not None:
        seal = SealKey(p12=seal_key, password_file=seal_password_file)
    if seal is not None:
        with seal.signer():  # a wrong password or label is said now, not at the first seal
            pass
    config = Signing(load_trust_roots(trust or []), seal)

    with _database(database_url) as db:
        with db.sessions() as s:
            accounts = s.execute(select(func.count()).select_from(User)).scalar() or 0
        scheme = "https" if ssl_certfile else "http"
        _say(msg("workspace.serving", url=f"{scheme}://{host}:{port}/", db=_shown(db.url)))
        if not accounts:  # commands to copy
            _say(msg("workspace.first_account"))
        uvicorn.run(create_app(db, config), host=host, port=port, log_level="warning",
                    ssl_certfile=str(ssl_certfile) if ssl_certfile else None,
                    ssl_keyfile=str(ssl_keyfile) if ssl_keyfile else None)
