"""`releases.lock`: the SHA-256 of every released version of a checklist.

Small on purpose: resolving `ID@latest` reads it at every `assess score`, while the release
machinery (diff, lint) is only loaded by the commands that change releases.
"""

from __future__ import annotations

import re
from pathlib import Path

from assess.core import semver
from assess.core.errors import InputError, Problem
from assess.core.i18n.messages import msg
from assess.documents import yamlsource
from assess.documents.yamlsource import Source

LOCK = "releases.lock"
_SHA = re.compile(r"^[0-9a-f]{64}$")


def read_lock_with_problems(folder: Path) -> tuple[dict[str, str], list[Problem], Source | None]:
    path = folder / LOCK
    if not path.is_file():
        return {}, [], None
    try:
        source = yamlsource.read(path)
    except InputError as exc:
        return {}, exc.problems, None
    data = source.data
    if not isinstance(data, dict):
        return {}, [Problem(str(path), 1, "", msg("checklists.lock.not_mapping"))], source
    out: dict[str, str] = {}
    problems: list[Problem] = []
    for version, sha in data.items():
        line = source.line_of((version,))
        if not isinstance(version, str) or not semver.is_version(version):
            problems.append(Problem(str(path), line, str(version),
                                    msg("checklists.lock.bad_version")))
        elif not isinstance(sha, str) or not _SHA.match(sha):
            problems.append(Problem(str(path), line, version,
                                    msg("checklists.lock.bad_sha")))
        else:
            out[version] = sha
    return out, problems, source


def read_lock(folder: Path) -> dict[str, str]:
    """Version -> SHA-256 of every released file of the folder; empty when there is no lock."""
    lock, problems, _ = read_lock_with_problems(folder)
    if problems:
        raise InputError(problems)
    return lock
