"""The routes. Each names the service it calls; the services decide who may see and do what,
so a handler has no rule of its own to forget. The role each route needs is in `ROLES`, which
the tests check against the route table."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from assess.core.errors import InputError, NotFoundError, Problem
from assess.core.i18n import Lang
from assess.core.i18n.messages import msg
from assess.core.memo import by_name
from assess.engine.result import Assessment
from assess.outputs.report import diagram as draw_diagram
from assess.outputs.report.model import ReportView
from assess.workspace.services import (
    decisions,
    dossiers,
    portfolio,
    reports,
    reviews,
    sessions,
    signing,
    transfer,
)
from assess.workspace.services.access import Role
from assess.workspace.services.sessions import WebUser
from assess.workspace.web.rendering import (
    COOKIE,
    LANG_COOKIE,
    LOGIN_COOKIE,
    checked,
    current_user,
    database,
    lang_of,
    page,
    safe_next,
    signed_in,
)

router = APIRouter()
User = Annotated[WebUser, Depends(signed_in)]
Checked = Annotated[WebUser, Depends(checked)]


def _cookie(response: Response, request: Request, name: str, value: str) -> None:
    response.set_cookie(name, value, httponly=True, samesite="lax", path="/",
                        secure=request.url.scheme == "https")


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/dossiers", 303)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "") -> Response:
    token = secrets.token_urlsafe(24)
    response = page(request, "login.html", None, login_csrf=token, next=safe_next(next),
                    failed=False)
    _cookie(response, request, LOGIN_COOKIE, token)
    return response


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, username: Annotated[str, Form()], password: Annotated[str, Form()],
          csrf: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "") -> Response:
    expected = request.cookies.get(LOGIN_COOKIE, "")
    if not expected or not secrets.compare_digest(expected.encode(), csrf.encode()):
        from assess.workspace.web.rendering import BadForm

        raise BadForm
    source = request.client.host if request.client else ""
    signed = sessions.sign_in(database(request), username[:200], password[:1000], source=source)
    if signed is None:
        return page(request, "login.html", None, 401, login_csrf=expected, next=safe_next(next),
                    failed=True)
    response = RedirectResponse(safe_next(next), 303)
    _cookie(response, request, COOKIE, signed[0])  # a new token: a planted one never signs in
    response.delete_cookie(LOGIN_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(request: Request, user: Checked) -> RedirectResponse:
    sessions.sign_out(database(request), request.cookies.get(COOKIE))
    response = RedirectResponse("/login", 303)
    response.delete_cookie(COOKIE, path="/")
    return response


@router.get("/language/{code}")
def language(request: Request, code: str, next: str = "") -> RedirectResponse:
    response = RedirectResponse(safe_next(next), 303)
    _cookie(response, request, LANG_COOKIE, "en" if code == "en" else "vi")
    return response


@router.get("/dossiers", response_class=HTMLResponse)
def dossier_list(request: Request, user: User, organisation: str = "", platform: str = "",
                 verdict: str = "", state: str = "") -> Response:
    filters = dossiers.Filters(organisation, platform, verdict, state)
    everything = dossiers.queue(database(request), user.actor)
    rows = [r for r in everything if filters.keeps(r)]
    return page(request, "dossiers.html", user, rows=rows, filters=filters,
                organisations=sorted({(r.dossier.organisation_id, r.organisation)
                                      for r in everything}),
                platforms=sorted({dossiers.platform_of(r.assessment) for r in everything
                                  if r.assessment is not None} - {""}),
                states=dossiers.STATES, verdicts=("approve", "conditional", "reject"))


@router.post("/dossiers")
def dossier_create(request: Request, user: Checked, title: Annotated[str, Form()]) -> Response:
    d = dossiers.create_dossier(database(request), user.actor, title[:300])
    return RedirectResponse(f"/dossiers/{d.id}", 303)


def _dossier_page(request: Request, user: WebUser, dossier_id: int, status: int = 200,
                  problems: InputError | None = None) -> Response:
    db = database(request)
    view = dossiers.get_dossier(db, user.actor, dossier_id)
    assessed = {v.id: dossiers.assessment(db, user.actor, v.id) for v in view.versions}
    decided = {v.id: decisions.decision_of(db, user.actor, v.id) for v in view.versions}
    return page(request, "dossier.html", user, status, dossier=view, assessed=assessed,
                decided=decided,
                history=dossiers.events_of(db, user.actor, dossier_id), problems=problems,
                uploadable=view.state in dossiers.UPLOADABLE and user.actor.role is Role.SUBMITTER,
                reviewable=view.state in reviews.UNDER_REVIEW
                and user.actor.role is Role.REVIEWER,
                mb=dossiers.MAX_UPLOAD // (1024 * 1024))


@router.get("/dossiers/{dossier_id}", response_class=HTMLResponse)
def dossier_page(request: Request, user: User, dossier_id: int) -> Response:
    return _dossier_page(request, user, dossier_id)


@router.post("/dossiers/{dossier_id}/versions")
async def version_upload(request: Request, user: Checked, dossier_id: int,
                         file: Annotated[UploadFile, File()]) -> Response:
    data = await file.read(dossiers.MAX_UPLOAD + 1)
    try:
        v = dossiers.upload(database(request), user.actor, dossier_id, data,
                            file.filename or "proposal.yaml")
    except InputError as exc:
        return _dossier_page(request, user, dossier_id, 400, exc)
    return RedirectResponse(f"/versions/{v.id}", 303)


@router.post("/dossiers/{dossier_id}/submit")
def dossier_submit(request: Request, user: Checked, dossier_id: int) -> Response:
    dossiers.submit(database(request), user.actor, dossier_id)
    return RedirectResponse(f"/dossiers/{dossier_id}", 303)


@router.post("/dossiers/{dossier_id}/request-changes")
def dossier_request_changes(request: Request, user: Checked, dossier_id: int,
                            note: Annotated[str, Form()] = "") -> Response:
    try:
        reviews.request_changes(database(request), user.actor, dossier_id, note)
    except InputError as exc:
        return _dossier_page(request, user, dossier_id, 400, exc)
    return RedirectResponse(f"/dossiers/{dossier_id}", 303)


@by_name(128)  # (sha, lang)
def _view(sha: str, lang: Lang, a: Assessment) -> ReportView:
    """The report's view of an assessment (diagram laid out included), once per input hashes
    and language: the page shows what the PDF prints, from the same object. `sha` names the
    inputs (the proposal's hash, and the review's once decided: neither ever changes, so
    neither does what is drawn from them)."""
    from assess.outputs.report import creation_time
    from assess.outputs.report.view import build_view

    return build_view(a, lang, diagram=draw_diagram(a, lang), created=creation_time(a))


def _version_page(request: Request, user: WebUser, version_id: int, status: int = 200,
                  problems: InputError | None = None, rows: int = 3) -> Response:
    db = database(request)
    own = dossiers.assessment(db, user.actor, version_id)
    with db.sessions() as s:
        v, d = dossiers.version_row(s, user.actor, version_id)
    latest = dossiers.get_dossier(db, user.actor, d.id).versions[-1].id == v.id
    lang = lang_of(request)
    decided = decisions.decision_of(db, user.actor, version_id)
    reviewed = decisions.reviewed(db, user.actor, version_id)
    a, key = own, v.proposal_sha
    if reviewed is not None and decided is not None:
        a, key = reviewed, f"{v.proposal_sha}+{decided.decision.review_sha}"
    before, changes = dossiers.changes(db, user.actor, version_id)
    comments = reviews.comments_of(db, user.actor, version_id)
    reviewing = d.state in reviews.UNDER_REVIEW and user.actor.role is Role.REVIEWER
    report = renderer(request).status(user.actor, version_id, lang)
    config = signing_of(request)
    return page(request, "version.html", user, status, a=a, own=own, v=v, dossier=d,
                report=report, signed=signing.signed_of(db, user.actor, version_id, config),
                sealing=config.seal is not None,
                view=_view(key, lang, a), before=before, changes=changes,
                overrides=reviews.overrides_of(db, user.actor, version_id),
                flagged=reviews.flagged(db, user.actor, version_id) if reviewing else [],
                comments=comments, problems=problems, decided=decided,
                reviewing=reviewing, deciding=reviewing and latest and decided is None,
                rows=max(3, min(rows, decisions.MAX_CONDITIONS)),
                is_reviewer=user.actor.role is Role.REVIEWER,
                cstatuses=decisions.CONDITION_STATUSES, verdicts=decisions.VERDICTS,
                statuses=("met", "partial", "not-met", "not-applicable", "unknown"))


@router.get("/versions/{version_id}", response_class=HTMLResponse)
def version_page(request: Request, user: User, version_id: int, rows: int = 3) -> Response:
    return _version_page(request, user, version_id, rows=rows)


@router.get("/versions/{version_id}/changes", response_class=HTMLResponse)
def version_changes(request: Request, user: User, version_id: int) -> Response:
    db = database(request)
    with db.sessions() as s:
        v, d = dossiers.version_row(s, user.actor, version_id)
    before, changes = dossiers.changes(db, user.actor, version_id)
    return page(request, "changes.html", user, v=v, dossier=d, before=before, changes=changes)


@router.get("/versions/{version_id}/diagram.svg")
def version_diagram(request: Request, user: User, version_id: int) -> Response:
    db = database(request)
    a = dossiers.assessment(db, user.actor, version_id)
    with db.sessions() as s:
        v, _ = dossiers.version_row(s, user.actor, version_id)
    view = _view(v.proposal_sha, lang_of(request), a)
    svg = str(view.diagram or "")
    return Response(svg, media_type="image/svg+xml", headers={
        "content-disposition": f'attachment; filename="version-{version_id}.svg"'})


@router.get("/versions/{version_id}/assessment.json")
def version_json(request: Request, user: User, version_id: int) -> Response:
    a = dossiers.assessment(database(request), user.actor, version_id)
    return Response(a.to_json(), media_type="application/json")


@router.post("/versions/{version_id}/comments")
def version_comment(request: Request, user: Checked, version_id: int,
                    body: Annotated[str, Form()] = "",
                    control: Annotated[str, Form()] = "") -> Response:
    try:
        reviews.comment(database(request), user.actor, version_id, body, control or None)
    except InputError as exc:
        return _version_page(request, user, version_id, 400, exc)
    return RedirectResponse(f"/versions/{version_id}#c-{control or 'all'}", 303)


@router.post("/versions/{version_id}/overrides")
def version_override(request: Request, user: Checked, version_id: int,
                     control: Annotated[str, Form()], status: Annotated[str, Form()],
                     rationale: Annotated[str, Form()] = "") -> Response:
    try:
        reviews.override(database(request), user.actor, version_id, control, status, rationale)
    except InputError as exc:
        return _version_page(request, user, version_id, 400, exc)
    return RedirectResponse(f"/versions/{version_id}#c-{control}", 303)


def _conditions(text: list[str], control: list[str], owner: list[str], due: list[str]
                ) -> list[decisions.ConditionIn]:
    """The form's condition rows (empty ones left out); a row without its text, or a date that
    is not one, is said at its row."""
    out, problems = [], []
    form = str(msg("workspace.decision_form"))
    for i, (t_, c, o, d_) in enumerate(zip(text, control, owner, due, strict=False), 1):
        if not (t_.strip() or c.strip() or o.strip() or d_.strip()):
            continue
        where = str(msg("workspace.condition_n", n=i))
        if not t_.strip():
            problems.append(Problem(form, None, where, msg("workspace.condition_text")))
        day = None
        if d_.strip():
            try:
                day = dt.date.fromisoformat(d_.strip())
            except ValueError:
                problems.append(Problem(form, None, where, msg("workspace.condition_due",
                                                               value=d_[:40])))
        out.append(decisions.ConditionIn(t_[:2000], c.strip()[:64] or None,
                                         o.strip()[:200] or None, day))
    if problems:
        raise InputError(problems)
    return out


Rows = Annotated[list[str], Form()]


@router.post("/versions/{version_id}/decision")
def version_decide(request: Request, user: Checked, version_id: int,
                   verdict: Annotated[str, Form()] = "", rationale: Annotated[str, Form()] = "",
                   position: Annotated[str, Form()] = "", unit: Annotated[str, Form()] = "",
                   exception: Annotated[str, Form()] = "",
                   authority: Annotated[str, Form()] = "",
                   cond_text: Rows = [], cond_control: Rows = [],  # noqa: B006 (FastAPI form)
                   cond_owner: Rows = [], cond_due: Rows = []) -> Response:  # noqa: B006
    try:
        rows = _conditions(cond_text, cond_control, cond_owner, cond_due)
        decisions.decide(database(request), user.actor, version_id, verdict=verdict,
                         rationale=rationale[:10_000], position=position[:200],
                         unit=unit[:200], exception=bool(exception),
                         authority=authority[:2000], conditions=rows)
    except InputError as exc:
        return _version_page(request, user, version_id, 400, exc, rows=len(cond_text))
    return RedirectResponse(f"/versions/{version_id}#decision", 303)


@router.post("/conditions/{condition_id}/updates")
def condition_update(request: Request, user: Checked, condition_id: int,
                     note: Annotated[str, Form()] = "",
                     status: Annotated[str, Form()] = "") -> Response:
    db = database(request)
    version_id = decisions.version_of_condition(db, user.actor, condition_id)
    try:
        decisions.update_condition(db, user.actor, condition_id, note, status or None)
    except InputError as exc:
        return _version_page(request, user, version_id, 400, exc)
    return RedirectResponse(f"/versions/{version_id}#decision", 303)


@router.get("/versions/{version_id}/review.yaml")
def version_review(request: Request, user: User, version_id: int) -> Response:
    data = decisions.review_file(database(request), user.actor, version_id)
    if data is None:
        raise NotFoundError(msg("workspace.not_found", what=msg("workspace.noun.decision"),
                                id=str(version_id)))
    return Response(data, media_type="application/yaml", headers={
        "content-disposition": f'attachment; filename="review-{version_id}.yaml"'})


def signing_of(request: Request) -> signing.Signing:
    config: signing.Signing = request.app.state.signing
    return config


@router.post("/versions/{version_id}/signed")
def signed_upload(request: Request, user: Checked, version_id: int,
                  file: Annotated[UploadFile, File()]) -> Response:
    # Not async: pyHanko's checks run their own event loop, so this runs in the thread pool.
    data = file.file.read(signing.MAX_PDF + 1)
    try:
        signing.accept(database(request), user.actor, version_id, data,
                       file.filename or "report.pdf", signing_of(request))
    except InputError as exc:
        return _version_page(request, user, version_id, 400, exc)
    return RedirectResponse(f"/versions/{version_id}#signed", 303)


@router.get("/versions/{version_id}/signed.pdf")
def signed_download(request: Request, user: User, version_id: int) -> Response:
    data = signing.signed_pdf(database(request), user.actor, version_id, signing_of(request))
    return Response(data, media_type=reports.PDF_TYPE, headers={
        "content-disposition": f'attachment; filename="review-{version_id}.signed.pdf"'})


def renderer(request: Request) -> reports.Renderer:
    r: reports.Renderer = request.app.state.renderer
    return r


@router.post("/versions/{version_id}/report")
def report_request(request: Request, user: Checked, version_id: int) -> Response:
    renderer(request).request(user.actor, version_id, lang_of(request))
    return RedirectResponse(f"/versions/{version_id}#report", 303)


@router.get("/versions/{version_id}/report", response_class=HTMLResponse)
def report_status(request: Request, user: User, version_id: int) -> Response:
    """The report section alone, for the page to poll while the PDF renders."""
    with database(request).sessions() as s:
        v, _ = dossiers.version_row(s, user.actor, version_id)
    return page(request, "report.html", user, v=v,
                report=renderer(request).status(user.actor, version_id, lang_of(request)))


@router.get("/versions/{version_id}/report.pdf")
def report_pdf(request: Request, user: User, version_id: int) -> Response:
    lang = lang_of(request)
    data, report = renderer(request).pdf(user.actor, version_id, lang)
    kind = "review" if report.reviewed else "self-assessment"
    return Response(data, media_type=reports.PDF_TYPE, headers={
        "content-disposition": f'attachment; filename="{kind}-{version_id}.{lang}.pdf"'})


@router.get("/dossiers/{dossier_id}/export.zip")
def dossier_export(request: Request, user: User, dossier_id: int) -> Response:
    data = transfer.export_dossier(database(request), user.actor, dossier_id,
                                   signing_of(request))
    return Response(data, media_type="application/zip", headers={
        "content-disposition": f'attachment; filename="dossier-{dossier_id}.zip"'})


@router.get("/blobs/{sha}")
def blob(request: Request, user: User, sha: str, name: str = "") -> Response:
    data = dossiers.blob_of(database(request), user.actor, sha[:64])
    safe = "".join(ch for ch in name if ch.isalnum() or ch in "-_.")[:100] or sha[:12]
    return Response(data, media_type="application/octet-stream", headers={
        "content-disposition": f'attachment; filename="{safe}"'})


def _overview(request: Request, user: WebUser, organisation: str, platform: str, verdict: str,
              state: str, risk: str, attention: str, sort: str, desc: bool
              ) -> tuple[portfolio.Overview, portfolio.Filters]:
    filters = portfolio.Filters(organisation, platform, verdict, state, risk, attention)
    return portfolio.overview(database(request), user.actor, decisions.today(), filters,
                              sort if sort in portfolio.SORTS else "place", desc), filters


@router.get("/portfolio", response_class=HTMLResponse)
def portfolio_page(request: Request, user: User, organisation: str = "", platform: str = "",
                   verdict: str = "", state: str = "", risk: str = "", attention: str = "",
                   sort: str = "place", desc: bool = False) -> Response:
    """The national picture for the ministry; a province's own dossiers for its submitters."""
    from assess.outputs.portfolio.pdf import view as chart_view

    o, filters = _overview(request, user, organisation, platform, verdict, state, risk,
                           attention, sort, desc)
    from urllib.parse import urlencode

    from assess.outputs.portfolio import w as pw
    from assess.outputs.portfolio.pdf import cell

    lang = lang_of(request)
    kept = {k: v for k, v in asdict(filters).items() if v}
    order = {"sort": sort, **({"desc": "1"} if desc else {})}
    links = {key: "/portfolio?" + urlencode({**kept, "sort": key, **(
        {"desc": "1"} if key == sort and not desc else {})}) for key in portfolio.SORTS}
    downloads = {fmt: f"/portfolio.{fmt}?" + urlencode({**kept, **order})
                 for fmt in PORTFOLIO_TYPES}
    return page(request, "portfolio.html", user, o=o, v=chart_view(o.portfolio, lang),
                filters=filters, sort=sort, desc=desc, links=links, downloads=downloads,
                states=dossiers.STATES, verdicts=portfolio.VERDICTS, risks=portfolio.RISKS,
                attentions=portfolio.ATTENTION, pw=lambda key: pw(key, lang),
                cell=lambda r, key: cell(r, key, lang))


PORTFOLIO_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json",
                   "xlsx": dossiers.XLSX_TYPE, "pdf": reports.PDF_TYPE}


@router.get("/portfolio.{fmt}")
def portfolio_file(request: Request, user: User, fmt: str, organisation: str = "",
                   platform: str = "", verdict: str = "", state: str = "", risk: str = "",
                   attention: str = "", sort: str = "place", desc: bool = False) -> Response:
    """The page's portfolio (its filters and order) as the CLI writes it."""
    import json

    from assess.outputs.portfolio import serialize

    if fmt not in PORTFOLIO_TYPES:
        raise NotFoundError(msg("workspace.not_found", what=msg("workspace.noun.format"),
                                id=fmt[:10]))
    o, _ = _overview(request, user, organisation, platform, verdict, state, risk, attention,
                     sort, desc)
    lang = lang_of(request)
    data = (json.dumps(o.portfolio.to_dict(), ensure_ascii=False, indent=2) if fmt == "json"
            else serialize(o.portfolio, f".{fmt}", lang))
    return Response(data, media_type=PORTFOLIO_TYPES[fmt], headers={
        "content-disposition": f'attachment; filename="portfolio-{o.portfolio.on}.{lang}.{fmt}"'})


@router.get("/due", response_class=HTMLResponse)
def due_page(request: Request, user: User) -> Response:
    """Overdue conditions, updates due, re-assessments called for: among what the user sees."""
    from assess.outputs.portfolio import day
    from assess.outputs.portfolio import w as pw
    from assess.outputs.portfolio.pdf import cell

    lang = lang_of(request)
    result, by_key = portfolio.due_of(database(request), user.actor, decisions.today())
    return page(request, "due.html", user, d=result, entries=by_key,
                day=lambda x: day(x, lang),
                pw=lambda key: pw(key, lang), cell=lambda r, key: cell(r, key, lang))


ROLES: dict[str, str] = {
    "/": "anyone (redirect)",
    "/login": "anyone",
    "/logout": "signed in",
    "/language/{code}": "anyone",
    "/dossiers": "signed in: a province its own dossiers, the ministry every one; create: submitter",
    "/dossiers/{dossier_id}": "who may see the dossier",
    "/dossiers/{dossier_id}/versions": "the dossier's province (submitter), while it holds it",
    "/dossiers/{dossier_id}/submit": "the dossier's province (submitter), while it holds it",
    "/dossiers/{dossier_id}/request-changes": "reviewer, while under review",
    "/dossiers/{dossier_id}/export.zip": "who may see the dossier",
    "/versions/{version_id}": "who may see the dossier",
    "/versions/{version_id}/changes": "who may see the dossier",
    "/versions/{version_id}/diagram.svg": "who may see the dossier",
    "/versions/{version_id}/assessment.json": "who may see the dossier",
    "/versions/{version_id}/comments": "who may see the dossier (either side)",
    "/versions/{version_id}/overrides": "reviewer, while under review",
    "/versions/{version_id}/decision": "reviewer, on the latest version, while under review",
    "/versions/{version_id}/review.yaml": "who may see the dossier, once decided",
    "/versions/{version_id}/report": "who may see the dossier (POST asks for the PDF, GET says "
    "where it stands)",
    "/versions/{version_id}/report.pdf": "who may see the dossier, once rendered",
    "/versions/{version_id}/signed": "reviewer, once the version is decided",
    "/versions/{version_id}/signed.pdf": "who may see the dossier, once signed",
    "/conditions/{condition_id}/updates": "who may see the dossier: a note from either side; "
    "the status: reviewer",
    "/blobs/{sha}": "who may see a version holding the file",
    "/portfolio": "signed in: the ministry every dossier, a province its own",
    "/portfolio.{fmt}": "signed in: the page's rows (the ministry every dossier, a province "
    "its own)",
    "/due": "signed in: the ministry every dossier, a province its own",
}
"""Each route and who may use it (the note lists this; a test keeps it equal to the routes)."""

__all__ = ["ROLES", "current_user", "router"]
