"""Who is acting, and the one rule of isolation: a province sees only its own organisation's
objects, and one it may not see does not exist for it (the same 'not found' as a wrong number,
so an id cannot be probed)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from assess.core.errors import AssessError, NotFoundError
from assess.core.i18n.messages import msg


class Role(StrEnum):
    SUBMITTER = "submitter"
    """A province's official: its own organisation's dossiers only."""
    REVIEWER = "reviewer"
    """A ministry reviewer: every dossier."""
    POLICY = "policy"
    """A policy team member: checklists, profiles, the register; reads every dossier."""
    ADMIN = "admin"
    """Accounts and organisations; reads every dossier."""


ORG_KIND = {Role.SUBMITTER: "province", Role.REVIEWER: "ministry", Role.POLICY: "ministry"}
"""The kind of organisation each role belongs to (an admin may belong to either)."""


class Forbidden(AssessError):
    """The actor may see the object but not do this to it (HTTP 403)."""


@dataclass(frozen=True, slots=True)
class Actor:
    """A signed-in account, or None for the administrator at the server's console."""

    user_id: int
    role: Role
    organisation_id: str

    @property
    def province(self) -> bool:
        return self.role is Role.SUBMITTER


def sees(actor: Actor | None, organisation_id: str) -> bool:
    return actor is None or not actor.province or actor.organisation_id == organisation_id


def visible(actor: Actor | None, organisation_id: str, what: str, ident: object) -> None:
    """Raise 'not found' when `actor` may not see an object of `organisation_id`."""
    if not sees(actor, organisation_id):
        raise NotFoundError(msg("workspace.not_found", what=msg(f"workspace.noun.{what}"),
                                id=str(ident)))


def require(actor: Actor | None, action: str, *roles: Role) -> None:
    """Raise Forbidden unless `actor` has one of `roles` (the console may do anything)."""
    if actor is not None and actor.role not in roles:
        raise Forbidden(msg("workspace.forbidden", role=actor.role.value,
                            action=msg(f"workspace.action.{action}"),
                            needed=" / ".join(r.value for r in roles)))


__all__ = ["ORG_KIND", "Actor", "Forbidden", "Role", "require", "sees", "visible"]
