"""Pages from templates, in the reader's language, and who is asking (session, CSRF).

Templates autoescape everything: a proposal's text reaches a page only as escaped text, and the
only markup inlined is the diagram and charts the report itself builds (cleaned SVG).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from assess.core.i18n import Lang, decimal, t
from assess.core.i18n.messages import speaking
from assess.workspace.services import sessions
from assess.workspace.services.sessions import WebUser
from assess.workspace.storage.database import Database
from assess.workspace.web.words import words

COOKIE = "assess_session"
LOGIN_COOKIE = "assess_login"
LANG_COOKIE = "assess_lang"
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


class SignInNeeded(Exception):
    """No live session: a page redirects to the login, a form answers 401."""


class BadForm(Exception):
    """A form without its session's CSRF token (HTTP 403)."""


def local(at: dt.datetime | None) -> str:
    """A stored UTC moment as an official reads it: Vietnam time, day first."""
    if at is None:
        return ""
    aware = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    return aware.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("assess.workspace.web", "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["local"] = local
    return env


def lang_of(request: Request) -> Lang:
    return "en" if request.cookies.get(LANG_COOKIE) == "en" else "vi"


def database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def page(request: Request, name: str, user: WebUser | None, status: int = 200,
         **context: Any) -> HTMLResponse:
    lang = lang_of(request)
    with speaking(lang):
        html = environment().get_template(name).render(
            w=words(lang), lang=lang, t=lambda key: t(key, lang),
            num=lambda x: decimal(x, lang), user=user,
            csrf=user.csrf if user else "", path=request.url.path, **context)
    return HTMLResponse(html, status)


def error_page(request: Request, status: int, key: str, detail: object = "", **params: Any
               ) -> HTMLResponse:
    """An error as a page; `detail` (a service's error) is worded in the reader's language."""
    return page(request, "error.html", None, status, key=key, detail=detail, params=params)


def current_user(request: Request) -> WebUser | None:
    return sessions.resolve(database(request), request.cookies.get(COOKIE))


def signed_in(request: Request) -> WebUser:
    """The dependency of every page but the login: the session's user, or SignInNeeded."""
    user = current_user(request)
    if user is None:
        raise SignInNeeded
    return user


async def checked(request: Request) -> WebUser:
    """The dependency of every form: a live session and its own CSRF token in the form (or in
    htmx's X-CSRF-Token header), else 403 before anything is done."""
    user = signed_in(request)
    sent = request.headers.get("x-csrf-token")
    if sent is None:
        form = await request.form()
        value = form.get("csrf")
        sent = value if isinstance(value, str) else None
    if not sessions.csrf_ok(user, sent):
        raise BadForm
    return user


def safe_next(target: str | None) -> str:
    """A place to go back to after login: a path on this site only (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/dossiers"


__all__ = ["COOKIE", "LANG_COOKIE", "LOGIN_COOKIE", "BadForm", "SignInNeeded", "checked",
           "current_user", "database", "environment", "error_page", "lang_of", "local", "page",
           "safe_next", "signed_in"]
