"""Organisations and accounts: argon2 password hashes, sign-in, erasure without breaking the log.

Erasing a person (`erase`) overwrites the account's username and name with a pseudonym and
removes its password: events name accounts only by number, so every hash in the chain still
holds and the log still says *an* account did each thing, not who the person was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from assess.core.errors import InputError, NotFoundError, Problem
from assess.core.i18n.messages import Msg, msg
from assess.documents.messages import nearest
from assess.workspace.services.access import ORG_KIND, Actor, Role, require
from assess.workspace.storage import events
from assess.workspace.storage.database import Database
from assess.workspace.storage.schema import Organisation, User

MIN_PASSWORD = 10
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
ORG_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,63}$")
_hasher = PasswordHasher()
_DUMMY = _hasher.hash("not a password of anyone")
"""Checked against when the username does not exist, so a wrong name costs as long as a wrong
password and timing does not tell which accounts exist."""


def _option(option: str, message: Msg) -> Problem:
    """A problem with what was asked for, named by the option (or form field) that said it."""
    return Problem(f"--{option}", None, "", message)


def _problem(option: str, message: Msg) -> InputError:
    return InputError([_option(option, message)])


def add_organisation(db: Database, actor: Actor | None, org_id: str, name: str, kind: str
                     ) -> Organisation:
    require(actor, "manage", Role.ADMIN)
    if not ORG_ID.match(org_id):
        raise _problem("id", msg("workspace.org.bad_id", organisation=org_id))
    with db.transaction() as s:
        if s.get(Organisation, org_id) is not None:
            raise _problem("id", msg("workspace.org.exists", organisation=org_id))
        org = Organisation(id=org_id, name=name, kind=kind, created_at=events.now())
        s.add(org)
        s.flush()
        events.record(s, actor_id=actor.user_id if actor else None, action="organisation.add",
                      object_type="organisation", object_id=org_id, detail={"kind": kind})
    return org


def add_user(db: Database, actor: Actor | None, *, username: str, name: str, organisation: str,
             role: Role, password: str) -> User:
    """A new account; every problem with what was asked said at once."""
    require(actor, "manage", Role.ADMIN)
    problems: list[Problem] = []
    if not USERNAME.match(username):
        problems.append(_option("username", msg("workspace.user.bad_name",
                                                          username=username)))
    if len(password) < MIN_PASSWORD:
        problems.append(_option("password", msg("workspace.user.short_password",
                                                          n=MIN_PASSWORD)))
    with db.transaction() as s:
        org = s.get(Organisation, organisation)
        if org is None:
            known = s.execute(select(Organisation.id)).scalars().all()
            problems.append(_option("organisation", msg(
                "workspace.user.unknown_org", organisation=organisation,
                near=nearest(organisation, known))))
        elif role in ORG_KIND and org.kind != ORG_KIND[role]:
            problems.append(_option("role", msg(
                "workspace.user.role_kind", role=role.value, kind=ORG_KIND[role],
                organisation=organisation, actual=org.kind)))
        if s.execute(select(User.id).where(User.username == username)).first() is not None:
            problems.append(_option("username", msg("workspace.user.exists",
                                                              username=username)))
        if problems:
            raise InputError(problems)
        user = User(username=username, name=name, organisation_id=organisation, role=role.value,
                    password_hash=_hasher.hash(password), active=True, created_at=events.now())
        s.add(user)
        s.flush()
        events.record(s, actor_id=actor.user_id if actor else None, action="user.add",
                      object_type="user", object_id=user.id,
                      detail={"role": role.value, "organisation": organisation})
    return user


@dataclass(frozen=True, slots=True)
class SignedIn:
    actor: Actor
    name: str


def authenticate(db: Database, username: str, password: str, *, source: str = "") -> SignedIn | None:
    """The account if the password is right; every attempt, right or wrong, is an event.

    The hash is checked outside the write transaction: argon2 takes tens of milliseconds by
    design, and on SQLite a transaction holds the one write lock for its whole length."""
    with db.sessions() as s:
        found = s.execute(select(User.id, User.password_hash).where(User.username == username)
                          ).one_or_none()
    stored = found.password_hash if found is not None else None
    try:
        right = _hasher.verify(stored or _DUMMY, password) and stored is not None
    except (VerificationError, InvalidHashError):
        right = False
    rehashed = _hasher.hash(password) if right and _hasher.check_needs_rehash(stored or "") else None
    with db.transaction() as s:
        user = s.get(User, found.id) if found is not None else None
        # The account as it is now: erased, disabled or given a new password meanwhile, no.
        ok = (right and user is not None and user.active and user.password_hash == stored)
        if ok and user is not None and rehashed is not None:
            user.password_hash = rehashed
        events.record(s, actor_id=user.id if user else None,
                      action="login.ok" if ok else "login.failed", object_type="user",
                      object_id=user.id if user else "-", detail={"source": source})
        if not ok or user is None:
            return None
        return SignedIn(Actor(user.id, Role(user.role), user.organisation_id), user.name)


def actor_of(db: Database, user_id: int) -> Actor:
    with db.sessions() as s:
        user = s.get(User, user_id)
        if user is None or not user.active:
            raise NotFoundError(msg("workspace.not_found", what=msg("workspace.noun.user"),
                                    id=str(user_id)))
        return Actor(user.id, Role(user.role), user.organisation_id)


def erase(db: Database, actor: Actor | None, user_id: int) -> None:
    """Pseudonymise an account: its personal data goes, its number (and the log) stays."""
    require(actor, "manage", Role.ADMIN)
    with db.transaction() as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFoundError(msg("workspace.not_found", what=msg("workspace.noun.user"),
                                    id=str(user_id)))
        user.username, user.name = f"erased-{user.id}", f"erased-{user.id}"
        user.password_hash, user.active, user.erased_at = None, False, events.now()
        events.record(s, actor_id=actor.user_id if actor else None, action="user.erase",
                      object_type="user", object_id=user.id)


__all__ = ["MIN_PASSWORD", "SignedIn", "actor_of", "add_organisation", "add_user",
           "authenticate", "erase"]
