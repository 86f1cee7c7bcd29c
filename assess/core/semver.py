"""Semantic versions of checklists and platform profiles: `MAJOR.MINOR.PATCH`, nothing more.

One parser for the model's pattern, the catalog's file names, the lock's keys, ordering and
bumps, so that "1.10.0 is after 1.9.0" is decided in one place.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from assess.core.i18n.messages import msg

PATTERN = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$"
"""A version as written in a document (no leading zeros, no pre-release or build part)."""
_VERSION = re.compile(PATTERN)
_FILE = re.compile(PATTERN[:-1] + r"\.yaml$")

Bump = Literal["none", "patch", "minor", "major"]
BUMPS: tuple[Bump, ...] = ("none", "patch", "minor", "major")


class Version(NamedTuple):
    major: int
    minor: int
    patch: int

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


def is_version(text: object) -> bool:
    return isinstance(text, str) and _VERSION.match(text) is not None


def parse(text: str) -> Version:
    """The version `text` names; ValueError when it is not `MAJOR.MINOR.PATCH`."""
    m = _VERSION.match(text)
    if m is None:
        raise ValueError(msg("files.not_a_version", text=text))
    return Version(*(int(g) for g in m.groups()))


def file_version(name: str) -> str | None:
    """`1.2.0` for a file named `1.2.0.yaml` (the catalog layout); None for any other name."""
    return name[: -len(".yaml")] if _FILE.match(name) else None


def bump_rank(bump: Bump) -> int:
    return BUMPS.index(bump)


def version_bump(old: str, new: str) -> Bump:
    """The bump from `old` to `new` ('none' when `new` is not higher)."""
    a, b = parse(old), parse(new)
    if b <= a:
        return "none"
    if b.major > a.major:
        return "major"
    if b.minor > a.minor:
        return "minor"
    return "patch"


def next_version(old: str, bump: Bump) -> str:
    """The smallest version after `old` that makes the bump `bump` (at least a patch)."""
    v = parse(old)
    if bump == "major":
        return str(Version(v.major + 1, 0, 0))
    if bump == "minor":
        return str(Version(v.major, v.minor + 1, 0))
    return str(Version(v.major, v.minor, v.patch + 1))
