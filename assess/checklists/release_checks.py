"""Read-only release checks: a released file matches its lock, and a version's bump is at least
what its diff against the previous release needs. Lint runs them; `release` runs them before
writing anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assess.checklists.catalog import read_status
from assess.checklists.content import Issue, Versioned, load_for_lint
from assess.checklists.diff import Diff
from assess.checklists.kinds import CHECKLIST, DocKind
from assess.checklists.lock import LOCK, read_lock_with_problems
from assess.core import semver
from assess.core.errors import Problem
from assess.core.i18n.messages import Msg, msg, plain
from assess.documents.yamlsource import Source


def lock_issues(folder: Path) -> list[Issue]:
    """Problems of the folder's lock itself: unreadable entries, released files that are gone."""
    lock, problems, source = read_lock_with_problems(folder)
    issues = [Issue("error", p) for p in problems]
    for version in lock:
        if not (folder / f"{version}.yaml").is_file():
            line = source.line_of((version,)) if source else None
            issues.append(Issue("error", Problem(
                str(folder / LOCK), line, version,
                msg("checklists.lock.missing_file", version=version))))
    return issues


def previous_release(folder: Path, version: str, lock: dict[str, str]) -> Path | None:
    """The highest released version below `version`: recorded in the lock, or saying so."""
    below = [f for f in folder.glob("*.yaml") if semver.is_version(f.stem)
             and semver.parse(f.stem) < semver.parse(version)]
    for f in sorted(below, key=lambda f: semver.parse(f.stem), reverse=True):
        if f.stem in lock or read_status(f) == "released":
            return f
    return None


@dataclass(frozen=True, slots=True)
class BumpCheck:
    previous: Versioned
    diff: Diff
    command: str = "checklist"

    @property
    def too_small(self) -> bool:
        have = semver.version_bump(self.previous.version, self.diff.new_version)
        return semver.bump_rank(have) < semver.bump_rank(self.diff.bump)

    def message(self) -> Msg:
        """The changes that need the larger bump are quoted from the diff as written."""
        d = self.diff
        have = semver.version_bump(self.previous.version, d.new_version)
        worst = [c for c in d.changes if c.bump == d.bump][:3]
        because = "; ".join(f"{c.target} {c.field or c.kind}: {c.why}" for c in worst)
        more = len([c for c in d.changes if c.bump == d.bump]) - len(worst)
        return msg("checklists.bump.too_small", version=d.new_version, have=have,
                   previous=self.previous.version, need=d.bump, because=plain(because),
                   more=msg("checklists.bump.more", n=more) if more > 0 else plain(""),
                   suggested=semver.next_version(self.previous.version, d.bump),
                   command=self.command, old=d.old, new=d.new)


def bump_check(folder: Path, cl: Versioned, lock: dict[str, str],
               kind: DocKind = CHECKLIST) -> BumpCheck | Issue | None:
    """The diff against the previous release; an Issue if that release does not load."""
    prev_path = previous_release(folder, cl.version, lock)
    if prev_path is None:
        return None
    prev, _, _ = load_for_lint(prev_path, kind.model, kind.name)
    if prev is None:
        return Issue("warning", Problem(str(prev_path), None, "",
                                        msg("checklists.bump.unloadable")))
    return BumpCheck(prev, kind.diff(prev, cl), kind.command)


def release_issues(path: Path, cl: Versioned, source: Source,
                   kind: DocKind = CHECKLIST) -> list[Issue]:
    """Lock and version-bump checks of one file in the catalog layout."""
    folder = path.parent
    lock, _, _ = read_lock_with_problems(folder)  # the lock's own problems are reported by lock_issues
    issues: list[Issue] = []

    def add(level: str, fld: str, message: Msg) -> None:
        issues.append(Issue("error" if level == "error" else "warning",
                            Problem(source.name, source.line_of((fld,)), fld, message)))

    released = cl.status == "released"
    if released and cl.version not in lock:
        add("error", "status", msg("checklists.lock.not_recorded", version=cl.version,
                                   lock=LOCK, command=kind.command, ref=cl.ref))
    elif released and lock[cl.version] != source.sha256:
        add("error", "version", msg("checklists.lock.changed", sha=source.sha256[:12], lock=LOCK,
                                    recorded=lock[cl.version][:12]))
    elif not released and cl.version in lock:
        add("error", "status", msg("checklists.lock.says_draft", lock=LOCK, version=cl.version))
    check = bump_check(folder, cl, lock, kind)
    if isinstance(check, Issue):
        issues.append(check)
    elif check is not None and check.too_small:
        add("error" if released else "warning", "version", check.message())
    return issues


__all__ = ["BumpCheck", "bump_check", "lock_issues", "previous_release", "release_issues"]
