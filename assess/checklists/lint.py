"""`assess checklist lint` and `assess platform lint`: every check of the files and their
release locks.

The content checks are `assess.checklists.content`; the lock and version-bump checks are
`assess.checklists.release_checks`. This module only decides what to check and collects reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assess.checklists.catalog import Catalog
from assess.checklists.content import Issue, in_catalog_layout, load_for_lint, name_issues
from assess.checklists.kinds import DocKind, kind_of_file
from assess.checklists.release_checks import lock_issues, release_issues
from assess.core import semver
from assess.core.errors import InputError
from assess.core.i18n.messages import msg


@dataclass(slots=True)
class FileReport:
    """Every issue of one checklist file."""

    file: str
    ref: str | None = None
    issues: list[Issue] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(i.level == "error" for i in self.issues)


@dataclass(slots=True)
class LintReport:
    files: list[FileReport] = field(default_factory=list)

    def issues(self) -> list[Issue]:
        return [i for f in self.files for i in f.issues]

    def errors(self, *, strict: bool = False) -> int:
        return sum(1 for i in self.issues() if strict or i.level == "error")

    def warnings(self, *, strict: bool = False) -> int:
        return 0 if strict else sum(1 for i in self.issues() if i.level == "warning")


def lint_file(path: Path | str, kind: DocKind | None = None,
              checklists: Catalog | None = None) -> FileReport:
    """Every check of one checklist or platform-profile file, including its release lock."""
    p = Path(path)
    kind = kind or kind_of_file(p)
    cl, source, issues = load_for_lint(p, kind.model, kind.name)
    report = FileReport(str(path), issues=issues)
    if cl is None or source is None:
        return report
    report.ref = cl.ref
    report.issues += name_issues(p, cl, source)
    report.issues += kind.lint(cl, source, checklists)
    if in_catalog_layout(p, cl) and not any(i.level == "error" for i in report.issues):
        report.issues += release_issues(p, cl, source, kind)
    report.issues.sort(key=lambda i: (i.problem.line or 0, i.level != "error"))
    return report


def targets(args: Iterable[str], catalog: Any) -> list[Path]:
    """Files to lint: each argument a file, a document's folder, a folder of such folders, or a
    catalog reference (ID, ID@VERSION); no argument means every file of the catalog."""
    out: list[Path] = []
    args = list(args)
    if not args:
        return [e.path for cid in catalog.ids() for e in catalog.versions(cid)]
    for arg in args:
        p = Path(arg)
        if p.is_dir():
            files = sorted(f for f in p.iterdir() if semver.file_version(f.name))
            if not files:
                files = sorted(f for sub in p.iterdir() if sub.is_dir()
                               for f in sub.iterdir() if semver.file_version(f.name))
            if not files:
                raise InputError.single(arg, msg("checklists.lint.no_files",
                                                 noun=catalog.shelf.what))
            out += files
        elif p.is_file() or arg.endswith((".yaml", ".yml")) or "/" in arg:
            out.append(p)
        elif "@" in arg and not arg.endswith("@latest"):
            out.append(catalog.resolve(arg))
        else:
            out += [e.path for e in catalog.versions(Path(catalog.resolve(arg)).parent.name)]
    unique: dict[Path, Path] = {}
    for f in out:
        unique.setdefault(f.resolve(), f)
    return list(unique.values())


def lint(paths: Iterable[Path], checklists: Catalog | None = None) -> LintReport:
    """Lint every file, then each release lock once per folder; `checklists` is where a
    profile's answers find their checklist versions (the default catalog otherwise)."""
    report = LintReport()
    folders: list[Path] = []
    for path in paths:
        report.files.append(lint_file(path, checklists=checklists))
        if path.parent not in folders:
            folders.append(path.parent)
    for folder in folders:
        issues = lock_issues(folder)
        if issues:
            report.files.append(FileReport(str(folder / "releases.lock"), issues=issues))
    return report


__all__ = ["FileReport", "LintReport", "lint", "lint_file", "targets"]
