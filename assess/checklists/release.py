"""Immutable releases: the lock file, the release checks, and `assess checklist release`.

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

from assess.checklists.catalog import semver_key
from assess.checklists.diff import Diff, bump_rank, diff, next_version, version_bump
from assess.checklists.lint import Issue, in_catalog_layout, lint_document, load_for_lint
from assess.checklists.lock import LOCK, VERSION, read_lock, read_lock_with_problems
from assess.core.errors import AssessError, InputError, Problem
from assess.documents import yamlsource
from assess.documents.models import Checklist
from assess.documents.yamlsource import Source

CHANGELOG = "CHANGELOG.md"
_STATUS_LINE = re.compile(r"^(status[ \t]*:[ \t]*)([\"']?)draft\2(?=[ \t]*(#.*)?\r?$)")


class ReleaseError(AssessError):
    """A release that cannot be made as asked (already released, not in the catalog layout)."""


# ── the lock ──────────────────────────────────────────────────────────────────────────────────


def lock_text(checklist_id: str, versions: dict[str, str]) -> str:
    lines = [f"# Released versions of checklist '{checklist_id}': the SHA-256 of each file's bytes.",
             "# Written by `assess checklist release`; a released file must never change —",
             "# `assess checklist lint` fails when one does. Do not edit by hand.", ""]
    lines += [f'"{v}": "{versions[v]}"' for v in sorted(versions, key=semver_key)]
    return "\n".join(lines) + "\n"


def lock_issues(folder: Path) -> list[Issue]:
    """Problems of the folder's lock itself: unreadable entries, released files that are gone."""
    lock, problems, source = read_lock_with_problems(folder)
    issues = [Issue("error", p) for p in problems]
    for version in lock:
        if not (folder / f"{version}.yaml").is_file():
            line = source.line_of((version,)) if source else None
            issues.append(Issue("error", Problem(
                str(folder / LOCK), line, version,
                f"version {version} is recorded as released but {version}.yaml is missing; "
                "expected the released file (a released version is never removed)")))
    return issues


# ── checks ────────────────────────────────────────────────────────────────────────────────────


def previous_release(folder: Path, version: str, lock: dict[str, str]) -> Path | None:
    """The highest released version below `version`: recorded in the lock, or saying so."""
    from assess.documents.loading import read_status

    below = [f for f in folder.glob("*.yaml") if VERSION.match(f.stem)
             and semver_key(f.stem) < semver_key(version)]
    for f in sorted(below, key=lambda f: semver_key(f.stem), reverse=True):
        if f.stem in lock or read_status(f) == "released":
            return f
    return None


@dataclass(frozen=True, slots=True)
class BumpCheck:
    previous: Checklist
    diff: Diff

    @property
    def too_small(self) -> bool:
        have = version_bump(self.previous.version, self.diff.new_version)
        return bump_rank(have) < bump_rank(self.diff.bump)

    def message(self) -> str:
        d = self.diff
        have = version_bump(self.previous.version, d.new_version)
        worst = [c for c in d.changes if c.bump == d.bump][:3]
        because = "; ".join(f"{c.target} {c.field or c.kind}: {c.why}" for c in worst)
        more = len([c for c in d.changes if c.bump == d.bump]) - len(worst)
        return (f"version {d.new_version} is a {have} bump over the previous release "
                f"{self.previous.version}, but the changes need a {d.bump} bump ({because}"
                f"{f'; and {more} more' if more > 0 else ''}); expected version "
                f"{next_version(self.previous.version, d.bump)} or higher — see "
                f"`assess checklist diff {d.old} {d.new}`")


def bump_check(folder: Path, cl: Checklist, lock: dict[str, str]) -> BumpCheck | Issue | None:
    """The diff against the previous release; an Issue if that release does not load."""
    prev_path = previous_release(folder, cl.version, lock)
    if prev_path is None:
        return None
    prev, _, _ = load_for_lint(prev_path)
    if prev is None:
        return Issue("warning", Problem(str(prev_path), None, "", "cannot compare with this "
                                        "previous release: it does not load"))
    return BumpCheck(prev, diff(prev, cl))


def release_issues(path: Path, cl: Checklist, source: Source) -> list[Issue]:
    """Lock and version-bump checks of one file in the catalog layout."""
    folder = path.parent
    lock, _, _ = read_lock_with_problems(folder)  # the lock's own problems are reported by lock_issues
    issues: list[Issue] = []

    def add(level: str, fld: str, message: str) -> None:
        issues.append(Issue("error" if level == "error" else "warning",
                            Problem(source.name, source.line_of((fld,)), fld, message)))

    released = cl.status == "released"
    if released and cl.version not in lock:
        add("error", "status", f"version {cl.version} says released but is not recorded in "
            f"{LOCK}; expected its SHA-256 there — record it with `assess checklist release "
            f"{cl.ref}`")
    elif released and lock[cl.version] != source.sha256:
        add("error", "version", f"the file changed after its release: its SHA-256 is now "
            f"{source.sha256[:12]}…, {LOCK} records {lock[cl.version][:12]}…; expected the "
            "released bytes — a released version never changes: restore it and put the change "
            "in a new version")
    elif not released and cl.version in lock:
        add("error", "status", f"{LOCK} records {cl.version} as released but the file says "
            "status: draft; expected the released file")
    check = bump_check(folder, cl, lock)
    if isinstance(check, Issue):
        issues.append(check)
    elif check is not None and check.too_small:
        add("error" if released else "warning", "version", check.message())
    return issues


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
        raise InputError.single(source.name, "cannot find 'status: draft' at the start of this "
                                "line; expected a plain top-level 'status: draft'",
                                line=line or None, field="status")
    lines[line - 1] = _STATUS_LINE.sub(r"\1released", lines[line - 1], count=1)
    return "".join(lines)


def changelog_entry(cl: Checklist, d: Diff | None, today: dt.date) -> str:
    from assess.outputs.terminal.diff import markdown

    heading = f"{cl.version} — released {today.isoformat()}, effective from " \
              f"{cl.effective_from.isoformat()}"
    if d is not None:
        return markdown(d, "en", heading=heading)
    controls = cl.controls()
    return "\n".join([
        f"## {heading}", "",
        f"First release: {len(controls)} controls in {len(cl.domains)} domains "
        f"({sum(c.blocker for c in controls)} blockers).", ""])


def prepend_changelog(existing: str | None, checklist_id: str, entry: str) -> str:
    """The changelog with `entry` first, below the file's title."""
    if not existing:
        return (f"# Changelog — {checklist_id}\n\nReleases of the checklist `{checklist_id}`, "
                "newest first. Each entry is written by `assess checklist release` from the "
                "diff against the previous release.\n\n" + entry.rstrip("\n") + "\n")
    match = re.search(r"^## ", existing, flags=re.MULTILINE)
    cut = match.start() if match else len(existing)
    head = existing[:cut].rstrip("\n") + "\n\n" if existing[:cut].strip() else ""
    rest = existing[cut:]
    return head + entry.rstrip("\n") + "\n" + ("\n" + rest if rest else "")


def plan_release(path: Path, *, today: dt.date, strict: bool = False) -> Release:
    """Check a checklist file for release and work out every file to write; writes nothing.

    Raises InputError (with every problem found) or ReleaseError when it cannot be released.
    """
    cl, source, issues = load_for_lint(path)
    if cl is None or source is None:
        raise InputError([i.problem for i in issues])
    if not in_catalog_layout(path, cl):
        raise ReleaseError(f"{path}: a release must live at <id>/<version>.yaml; expected "
                           f"{cl.id}/{cl.version}.yaml")
    content = lint_document(cl, source)
    errors = [i for i in content if i.level == "error" or strict]
    if errors:
        raise InputError([i.problem for i in errors])
    folder = path.parent
    lock = read_lock(folder)
    rel = Release(path=path, ref=cl.ref, sha256=source.sha256,
                  recorded_only=cl.status == "released", warnings=content)
    if cl.status == "released":
        if cl.version in lock and lock[cl.version] == source.sha256:
            raise ReleaseError(f"{cl.ref} is already released ({path}, SHA-256 "
                               f"{source.sha256[:12]}… as recorded in {LOCK})")
        if cl.version in lock:
            raise InputError([i.problem for i in release_issues(path, cl, source)
                              if i.level == "error"])
        text = source.text
    else:
        if cl.version in lock:
            raise InputError.single(folder / LOCK, f"{cl.version} is already recorded as "
                                    "released; expected a new version for a draft")
        text = mark_released(source)
        after = yamlsource.parse(text.encode("utf-8"), str(path))
        from assess.documents.loading import parse_model

        if parse_model(after, Checklist) != cl.model_copy(update={"status": "released"}):
            raise ReleaseError(f"{path}: changing the status changed more than the status")
        rel.sha256 = after.sha256
    check = bump_check(folder, cl, lock)
    if isinstance(check, Issue):
        raise InputError([check.problem])
    if check is not None:
        rel.previous, rel.diff = check.previous.ref, check.diff
        if check.too_small:
            raise InputError.single(path, check.message(), line=source.line_of(("version",)),
                                    field="version")
        if check.diff.bump == "none":
            rel.warnings.append(Issue("warning", Problem(
                str(path), None, "", f"no change from {check.previous.ref} that needs a new "
                "version")))
    changelog = folder / CHANGELOG
    existing = changelog.read_text(encoding="utf-8") if changelog.is_file() else None
    if not rel.recorded_only:
        rel.files[path] = text
    rel.files[folder / LOCK] = lock_text(cl.id, {**lock, cl.version: rel.sha256})
    if existing is not None and has_entry(existing, cl.version):
        rel.warnings.append(Issue("warning", Problem(
            str(changelog), None, "", f"already has an entry for {cl.version}; left as it is")))
    else:
        rel.files[changelog] = prepend_changelog(existing, cl.id,
                                                 changelog_entry(cl, rel.diff, today))
    return rel


def has_entry(changelog: str, version: str) -> bool:
    """True if the changelog has a heading for `version` already ('## 1.0.0 …')."""
    return re.search(rf"^## {re.escape(version)}(?![\w.])", changelog, flags=re.MULTILINE) is not None


def write_release(rel: Release) -> None:
    """Write the planned files (the checklist first, then the lock, then the changelog)."""
    from assess.core.files import write_atomic

    for path, content in rel.files.items():
        write_atomic(path, content.encode("utf-8"))


__all__ = ["CHANGELOG", "LOCK", "Release", "ReleaseError", "lock_issues", "lock_text",
           "mark_released", "plan_release", "read_lock", "release_issues", "write_release"]
