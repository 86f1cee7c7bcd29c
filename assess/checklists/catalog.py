"""Finding versioned documents: `ID`, `ID@VERSION`, `ID@latest` or a path to a file.

Checklists and platform profiles are kept alike — one shelf each. Search order: folders given
by the user (`--checklists` / `--platforms`, or `ASSESS_CHECKLISTS` / `ASSESS_PLATFORMS`
separated by the OS path separator) first, then the ones shipped with the package. The layout is
`<dir>/<id>/<version>.yaml`: one immutable file per version, released versions recorded in the
folder's `releases.lock`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assess.checklists.lock import LOCK, read_lock
from assess.core import semver
from assess.core.errors import InputError, NotFoundError
from assess.core.i18n.messages import Msg, msg
from assess.core.resources import data_dir
from assess.documents import yamlsource
from assess.documents.messages import nearest


@dataclass(frozen=True, slots=True)
class Shelf:
    """One kind of versioned document: where it is shipped, its variable, what to call it."""

    folder: str
    env: str
    noun: str
    """What the changelog and lock files call it (they are written in English)."""
    kind: str

    @property
    def what(self) -> Msg:
        """What a message calls it, in the reader's language."""
        return msg(f"checklists.noun.{self.kind}")


CHECKLISTS = Shelf("checklists", "ASSESS_CHECKLISTS", "checklist", "checklist")
PLATFORMS = Shelf("platforms", "ASSESS_PLATFORMS", "platform profile", "platform")
ENV_VAR = CHECKLISTS.env


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    version: str
    path: Path


def search_dirs(extra: Iterable[Path | str] = (), shelf: Shelf = CHECKLISTS) -> list[Path]:
    dirs = [Path(d) for d in extra]
    env = os.environ.get(shelf.env)
    if env:
        dirs += [Path(d) for d in env.split(os.pathsep) if d]
    dirs.append(data_dir(shelf.folder))
    return dirs


def read_status(path: Path) -> str | None:
    """A checklist file's `status` without validating the rest (for `@latest`)."""
    try:
        data: Any = yamlsource.read(path).data
    except InputError:
        return None
    return data.get("status") if isinstance(data, dict) else None


class Catalog:
    """The documents of one shelf visible from a set of folders; earlier folders win on equal
    id@version."""

    def __init__(self, dirs: Iterable[Path | str] = (), shelf: Shelf = CHECKLISTS) -> None:
        self.shelf = shelf
        self.dirs = search_dirs(dirs, shelf)
        self._entries: dict[str, dict[str, Entry]] = {}
        for d in reversed(self.dirs):
            if not d.is_dir():
                continue
            for sub in sorted(p for p in d.iterdir() if p.is_dir()):
                for f in sub.iterdir():
                    version = semver.file_version(f.name)
                    if version is not None:
                        self._entries.setdefault(sub.name, {})[version] = Entry(sub.name, version, f)

    def _released(self, entry: Entry) -> bool:
        """Released per the folder's lock when it has one (no parse of the checklist itself);
        otherwise per the file's own `status`."""
        if (entry.path.parent / LOCK).is_file():
            try:
                return entry.version in read_lock(entry.path.parent)
            except InputError:
                pass  # a broken lock is lint's business; fall back to the file's status
        return read_status(entry.path) == "released"

    def ids(self) -> list[str]:
        return sorted(self._entries)

    def versions(self, checklist_id: str) -> list[Entry]:
        found = self._entries.get(checklist_id, {})
        return [found[v] for v in sorted(found, key=semver.parse)]

    @staticmethod
    def is_file_ref(ref: str) -> bool:
        """`ref` names a file, not an id@version."""
        return ref.endswith((".yaml", ".yml")) or os.sep in ref or "/" in ref

    def is_released(self, path: Path, sha256: str) -> bool:
        """`path`, whose bytes hash to `sha256`, is a released version of this catalog: per
        its folder's lock, or its status without one. A file from elsewhere never is, whatever
        it says of itself; a released version edited since its release is an error."""
        try:
            where = path.resolve()
        except OSError:
            return False
        entry = next((e for versions in self._entries.values() for e in versions.values()
                      if e.path.resolve() == where), None)
        if entry is None:
            return False
        folder = entry.path.parent
        if not (folder / LOCK).is_file():
            return read_status(entry.path) == "released"
        recorded = read_lock(folder).get(entry.version)
        if recorded is not None and recorded != sha256:
            raise InputError.single(path, msg("checklists.catalog.edited", sha=sha256[:12],
                                              lock=str(folder / LOCK), recorded=recorded[:12],
                                              version=entry.version, noun=self.shelf.what))
        return recorded is not None

    def resolve(self, ref: str, *, released: bool = True) -> Path:
        """Path of the file that `ref` names; `@latest` skips drafts."""
        noun = self.shelf.what
        if self.is_file_ref(ref):
            path = Path(ref)
            if not path.is_file():
                raise NotFoundError(msg("checklists.catalog.no_file", ref=ref, noun=noun))
            return path
        doc_id, _, version = ref.partition("@")
        if doc_id not in self._entries:
            raise NotFoundError(msg("checklists.catalog.no_id", noun=noun, id=doc_id,
                                    hint=nearest(doc_id, self.ids()),
                                    dirs=", ".join(str(d) for d in self.dirs)))
        entries = self.versions(doc_id)
        if version in ("", "latest"):
            for entry in reversed(entries):
                if not released or self._released(entry):
                    return entry.path
            raise NotFoundError(msg("checklists.catalog.no_release", noun=noun, id=doc_id,
                                    version=entries[-1].version))
        for entry in entries:
            if entry.version == version:
                return entry.path
        have = ", ".join(e.version for e in entries)
        raise NotFoundError(msg("checklists.catalog.no_version", noun=noun, id=doc_id,
                                version=version, have=have))
