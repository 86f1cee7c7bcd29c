"""Immutable releases: writing the lock and `assess checklist release` (checks: `release_checks`).

A checklist folder `<id>/` holds one file per version (`<version>.yaml`), `releases.lock` — the
SHA-256 of every released file's bytes, by version — and `CHANGELOG.md`, newest release first.

- A released file never changes: lint fails when its bytes no longer match the lock, when a
  released version is missing from the lock, when the lock names a version whose file is gone,
  and when a release's version bump is smaller than its diff against the previous release needs
  (the previous release is the highest released version below it).
- `release` takes a draft through the same checks, changes `status: draft` to
  `status: released` in the file's text (so comments and layout stay as written), records the
  new bytes' hash in the lock and prepends the diff, as Markdown, to CHANGELOG.md. Everything is
  computed and checked before anything is written; each file is then written atomically.
- A file that already says `status: released` but is not in the lock yet (a baseline released
  before the lock existed) is *recorded* as it is: its bytes are hashed unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from assess.checklists.catalog import Catalog
from assess.checklists.changelog import changelog_entry, has_entry, prepend_changelog
from assess.checklists.content import Issue, in_catalog_layout, load_for_lint
from assess.checklists.diff import Diff
from assess.checklists.kinds import CHECKLIST, DocKind, kind_of_file
from assess.checklists.lock import LOCK, read_lock
from assess.checklists.release_checks import bump_check, release_issues
from assess.core import semver
from assess.core.errors import AssessError, InputError, Problem
from assess.core.i18n.messages import msg
from assess.documents import yamlsource
from assess.documents.yamlsource import Source

CHANGELOG = "CHANGELOG.md"
_STATUS_LINE = re.compile(r"^(status[ \t]*:[ \t]*)([\"']?)draft\2(?=[ \t]*(#.*)?\r?$)")


class ReleaseError(AssessError):
    """A release that cannot be made as asked (already released, not in the catalog layout)."""


# ── the lock ──────────────────────────────────────────────────────────────────────────────────


def lock_text(checklist_id: str, versions: dict[str, str], kind: DocKind = CHECKLIST) -> str:
    noun, cmd = kind.shelf.noun, kind.command
    lines = [f"# Released versions of {noun} '{checklist_id}': the SHA-256 of each file's bytes.",
             f"# Written by `assess {cmd} release`; a released file must never change —",
             f"# `assess {cmd} lint` fails when one does. Do not edit by hand.", ""]
    lines += [f'"{v}": "{versions[v]}"' for v in sorted(versions, key=semver.parse)]
    return "\n".join(lines) + "\n"


# ── releasing ─────────────────────────────────────────────────────────────────────────────────


@dataclass(slots=True)
class Release:
    """A release worked out in full before anything is written."""

    path: Path
    ref: str
    sha256: str
    recorded_only: bool
    """True when the file already said released and is only recorded in the lock."""
    previous: str | None = None
    diff: Diff | None = None
    warnings: list[Issue] = field(default_factory=list)
    files: dict[Path, str] = field(default_factory=dict)
    """Every file to write, with its new content, in the order they are written."""


def mark_released(source: Source) -> str:
    """The file's text with its top-level `status: draft` changed to `status: released`."""
    line = source.line_of(("status",)) or 0
    lines = source.text.splitlines(keepends=True)
    if not 0 < line <= len(lines) or not _STATUS_LINE.match(lines[line - 1]):
        raise InputError.single(source.name, msg("checklists.release.no_status"),
                                line=line or None, field="status")
    lines[line - 1] = _STATUS_LINE.sub(r"\1released", lines[line - 1], count=1)
    return "".join(lines)


def plan_release(path: Path, *, today: dt.date, strict: bool = False,
                 kind: DocKind | None = None, checklists: Catalog | None = None) -> Release:
    """Check a checklist or profile file for release and work out every file to write; writes
    nothing.

    Raises InputError (with every problem found) or ReleaseError when it cannot be released.
    """
    kind = kind or kind_of_file(path)
    cl, source, issues = load_for_lint(path, kind.model, kind.name)
    if cl is None or source is None:
        raise InputError([i.problem for i in issues])
    if not in_catalog_layout(path, cl):
        raise ReleaseError(msg("checklists.release.layout", path=str(path), id=cl.id,
                               version=cl.version))
    content = kind.lint(cl, source, checklists)
    errors = [i for i in content if i.level == "error" or strict]
    if errors:
        raise InputError([i.problem for i in errors])
    folder = path.parent
    lock = read_lock(folder)
    rel = Release(path=path, ref=cl.ref, sha256=source.sha256,
                  recorded_only=cl.status == "released", warnings=content)
    if cl.status == "released":
        if cl.version in lock and lock[cl.version] == source.sha256:
            raise ReleaseError(msg("checklists.release.already", ref=cl.ref, path=str(path),
                                   sha=source.sha256[:12], lock=LOCK))
        if cl.version in lock:
            raise InputError([i.problem for i in release_issues(path, cl, source, kind)
                              if i.level == "error"])
        text = source.text
    else:
        if cl.version in lock:
            raise InputError.single(folder / LOCK, msg("checklists.release.version_taken",
                                                       version=cl.version))
        text = mark_released(source)
        after = yamlsource.parse(text.encode("utf-8"), str(path))
        from assess.documents.loading import parse_model

        if parse_model(after, kind.model) != cl.model_copy(update={"status": "released"}):
            raise ReleaseError(msg("checklists.release.more_than_status", path=str(path)))
        rel.sha256 = after.sha256
    check = bump_check(folder, cl, lock, kind)
    if isinstance(check, Issue):
        raise InputError([check.problem])
    if check is not None:
        rel.previous, rel.diff = check.previous.ref, check.diff
        if check.too_small:
            raise InputError.single(path, check.message(), line=source.line_of(("version",)),
                                    field="version")
        if check.diff.bump == "none":
            rel.warnings.append(Issue("warning", Problem(
                str(path), None, "", msg("checklists.release.no_change",
                                         ref=check.previous.ref))))
    changelog = folder / CHANGELOG
    existing = changelog.read_text(encoding="utf-8") if changelog.is_file() else None
    if not rel.recorded_only:
        rel.files[path] = text
    rel.files[folder / LOCK] = lock_text(cl.id, {**lock, cl.version: rel.sha256}, kind)
    if existing is not None and has_entry(existing, cl.version):
        rel.warnings.append(Issue("warning", Problem(
            str(changelog), None, "", msg("checklists.release.has_entry",
                                          version=cl.version))))
    else:
        rel.files[changelog] = prepend_changelog(existing, cl.id,
                                                 changelog_entry(cl, rel.diff, today, kind),
                                                 kind.shelf.noun, kind.command)
    return rel


def write_release(rel: Release) -> None:
    """Write the planned files (the checklist first, then the lock, then the changelog)."""
    from assess.core.files import write_atomic

    for path, content in rel.files.items():
        write_atomic(path, content.encode("utf-8"))


__all__ = ["CHANGELOG", "LOCK", "Release", "ReleaseError", "lock_text", "mark_released", "plan_release",
           "read_lock", "write_release"]
