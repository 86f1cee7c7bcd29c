"""Browser sessions and the login rate limit, in the database so that every process sharing it
agrees: a session signed out in one is signed out in all, and a guesser cannot spread attempts
over processes.

A session is a random token in an HttpOnly cookie; the database keeps only its SHA-256. Every
login makes a new one, so a token planted before login (fixation) is never the one that signs
in, and logout ends it for good. Each session carries the CSRF token its forms must return.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, func, select

from assess.core.errors import AssessError
from assess.core.i18n.messages import Msg, msg
from assess.workspace.services import accounts
from assess.workspace.services.access import Actor, Role
from assess.workspace.storage import events
from assess.workspace.storage.database import Database
from assess.workspace.storage.schema import LoginFailure, User, WebSession

IDLE = dt.timedelta(hours=2)
"""A session not used for this long is over (an official leaves a shared computer)."""
LONGEST = dt.timedelta(hours=12)
"""No session outlives a working day, used or not."""
TOUCH = dt.timedelta(minutes=1)
"""`seen_at` is written at most this often, so reading pages does not mean writing rows."""
WINDOW = dt.timedelta(minutes=15)
PER_ACCOUNT = 5
"""Wrong passwords for one account name within `WINDOW` before it is refused for a while."""
PER_SOURCE = 20
"""Wrong passwords from one address within `WINDOW` (a guesser trying many names)."""


class Throttled(AssessError):
    """Too many wrong passwords lately (HTTP 429); `retry_after` in seconds."""

    def __init__(self, message: Msg, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class WebUser:
    """Who a session belongs to, as the pages need it."""

    actor: Actor
    name: str
    organisation: str
    csrf: str


def _sha(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _keys(username: str, source: str) -> tuple[str, str]:
    return (_sha("account:" + username.strip().casefold()), _sha("source:" + source))


def _check_limit(db: Database, keys: tuple[str, str], at: dt.datetime) -> None:
    with db.sessions() as s:
        for key, limit in zip(keys, (PER_ACCOUNT, PER_SOURCE), strict=True):
            recent = s.execute(select(func.count(), func.min(LoginFailure.at)).where(
                LoginFailure.key == key, LoginFailure.at > at - WINDOW)).one()
            if recent[0] >= limit:
                first = recent[1] if recent[1].tzinfo else recent[1].replace(tzinfo=dt.UTC)
                wait = max(1, int((first + WINDOW - at).total_seconds()) + 1)
                raise Throttled(msg("workspace.throttled", minutes=max(1, -(-wait // 60))), wait)


def sign_in(db: Database, username: str, password: str, *, source: str) -> tuple[str, WebUser] | None:
    """A new session's token and its user when the password is right, None when it is wrong;
    Throttled (before the password is even checked) after too many wrong ones."""
    at = events.now()
    keys = _keys(username, source)
    _check_limit(db, keys, at)
    signed = accounts.authenticate(db, username, password, source=source)
    if signed is None:
        with db.transaction() as s:
            s.execute(delete(LoginFailure).where(LoginFailure.at < at - WINDOW))
            s.add_all([LoginFailure(key=k, at=at) for k in keys])
        return None
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    with db.transaction() as s:
        s.add(WebSession(token_sha=_sha(token), user_id=signed.actor.user_id, csrf=csrf,
                         created_at=at, seen_at=at))
        s.execute(delete(LoginFailure).where(LoginFailure.key == keys[0]))
    return token, _user(db, signed.actor.user_id, csrf)


def _user(db: Database, user_id: int, csrf: str) -> WebUser:
    with db.sessions() as s:
        user = s.get(User, user_id)
        assert user is not None
        return WebUser(Actor(user.id, Role(user.role), user.organisation_id), user.name,
                       user.organisation_id, csrf)


def _aware(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)


def resolve(db: Database, token: str | None) -> WebUser | None:
    """The user of a live session, or None (no cookie, unknown, signed out, idle, too old, or
    the account disabled or erased since)."""
    if not token or len(token) > 100:
        return None
    at = events.now()
    with db.sessions() as s:
        row = s.get(WebSession, _sha(token))
        if row is None or row.ended_at is not None:
            return None
        seen, created = _aware(row.seen_at), _aware(row.created_at)
        if at - seen > IDLE or at - created > LONGEST:
            return None
        user = s.get(User, row.user_id)
        if user is None or not user.active:
            return None
        found = WebUser(Actor(user.id, Role(user.role), user.organisation_id), user.name,
                        user.organisation_id, row.csrf)
    if at - seen > TOUCH:
        with db.transaction() as s:
            live = s.get(WebSession, _sha(token))
            if live is not None:
                live.seen_at = at
    return found


def csrf_ok(user: WebUser, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(user.csrf.encode(), (sent or "").encode())


def sign_out(db: Database, token: str | None) -> None:
    """End a session (a no-op for one that is not live); the event says who left."""
    if not token:
        return
    with db.transaction() as s:
        row = s.get(WebSession, _sha(token))
        if row is None or row.ended_at is not None:
            return
        row.ended_at = events.now()
        events.record(s, actor_id=row.user_id, action="logout", object_type="user",
                      object_id=row.user_id)


__all__ = ["IDLE", "LONGEST", "PER_ACCOUNT", "PER_SOURCE", "WINDOW", "Throttled", "WebUser",
           "csrf_ok", "resolve", "sign_in", "sign_out"]
