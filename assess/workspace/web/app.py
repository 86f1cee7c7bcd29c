"""The application: security headers, the upload limit, errors as pages, the routes.

Every handler is a thin call into the services; a service's 'not found' (another province's
object included) becomes 404, its 'not allowed' 403, a bad input 400 with every located problem.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from assess.core.errors import NotFoundError
from assess.core.i18n.messages import speaking
from assess.workspace.services.access import Forbidden
from assess.workspace.services.dossiers import MAX_UPLOAD
from assess.workspace.services.reports import Renderer
from assess.workspace.services.sessions import Throttled
from assess.workspace.services.signing import Signing
from assess.workspace.storage.database import Database
from assess.workspace.web import pages
from assess.workspace.web.rendering import BadForm, SignInNeeded, error_page, lang_of

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGI = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]],
                Awaitable[None]]

BODY_LIMIT = MAX_UPLOAD + 256 * 1024
"""The largest request body read: an upload at the services' limit and its form around it."""

HEADERS = [
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self' "
     b"'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
     b"form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


class _TooLarge(Exception):
    pass


class Guard:
    """Security headers on every response, and a request body over `limit` refused with 413 —
    at its declared length before a byte is read, or as soon as a body without one passes it."""

    def __init__(self, app: ASGI, limit: int = BODY_LIMIT) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = over = False

        async def sending(message: Message) -> None:
            nonlocal started
            if over:  # the application's answer to a cut-off body is replaced by the 413
                return
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        declared = dict(scope.get("headers", [])).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, sending)
            return
        seen = 0

        async def receiving() -> Message:
            nonlocal seen, over
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit and not started:
                    over = True  # the parser sees an error and stops reading; 413 is sent
                    raise _TooLarge
            return message

        # Messages made while handling (a problem's place, a refusal) in the reader's language.
        with contextlib.suppress(_TooLarge), speaking(lang_of(Request(scope))):
            await self.app(scope, receiving, sending)
        if over:
            over = False
            await self._refuse(scope, sending)

    async def _refuse(self, scope: Scope, send: Callable[[Message], Awaitable[None]]) -> None:
        response = error_page(Request(scope), 413, "too_large", mb=MAX_UPLOAD // (1024 * 1024))
        await response(scope, _nothing, send)


class OneReadSession:
    """A page (GET or HEAD) reads through one database session from its first query to its
    last byte: see `Database.reading`. Forms keep a session per call, their writes a
    transaction each."""

    def __init__(self, app: ASGI, db: Database) -> None:
        self.app, self.db = app, db

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            with self.db.reading():
                await self.app(scope, receive, send)
        else:
            await self.app(scope, receive, send)


async def _nothing() -> Message:
    return {"type": "http.disconnect"}


def create_app(db: Database, signing: Signing | None = None) -> FastAPI:
    """The workspace over `db` (already migrated); `signing` says whom it trusts for reviewers'
    signatures and where the issuing body's seal key is."""
    renderer = Renderer(db)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        renderer.close()

    app = FastAPI(title="assess", docs_url=None, redoc_url=None, openapi_url=None,
                  lifespan=lifespan)
    app.state.db = db
    app.state.renderer = renderer
    app.state.signing = signing or Signing()
    app.mount("/static", StaticFiles(packages=[("assess.workspace.web", "static")]),
              name="static")
    app.include_router(pages.router)

    @app.exception_handler(NotFoundError)
    async def _not_found(request: Request, exc: NotFoundError) -> Response:
        return error_page(request, 404, "not_found", detail=exc)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden) -> Response:
        return error_page(request, 403, "forbidden", detail=exc)

    @app.exception_handler(BadForm)
    async def _bad_form(request: Request, exc: BadForm) -> Response:
        return error_page(request, 403, "csrf")

    @app.exception_handler(Throttled)
    async def _throttled(request: Request, exc: Throttled) -> Response:
        response = error_page(request, 429, "throttled", detail=exc)
        response.headers["retry-after"] = str(exc.retry_after)
        return response

    @app.exception_handler(SignInNeeded)
    async def _sign_in(request: Request, exc: SignInNeeded) -> Response:
        if request.method == "GET":
            return RedirectResponse(f"/login?next={request.url.path}", 303)
        return error_page(request, 401, "login_needed")

    app.add_middleware(OneReadSession, db=db)
    app.add_middleware(Guard)
    return app


__all__ = ["BODY_LIMIT", "Guard", "HTMLResponse", "create_app"]


def from_environment() -> FastAPI:
    """The workspace over `ASSESS_DATABASE_URL` (else the SQLite file here), migrated: the
    factory for `uvicorn --factory assess.workspace.web.app:from_environment --workers N`, where
    each process builds its own app (several processes share one PostgreSQL)."""
    from assess.workspace.storage.database import open_database

    return create_app(open_database())
