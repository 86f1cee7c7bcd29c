"""Content checks of a checklist beyond the schema, for policy teams (`assess checklist lint`).

A checklist that loads (schema + the cross-reference checks of `assess.documents.references`, reused
here) can
still be wrong in ways that matter to the people who answer it. Lint reports each as an **error**
(the checklist must not be used or released like this) or a **warning** (probably a mistake;
`--strict` makes warnings errors), located as `file:line: field: message`:

- ids: unique domain and control ids, each control id carrying its domain's prefix (from
  `check_checklist`); the folder and file name agree with `id` and `version`
  (`<id>/<version>.yaml` — an error when the catalog would serve the file under another name, a
  warning when the file is outside the catalog layout altogether).
- reachability: a control counts towards a result only through its domain (its id's prefix)
  and its severity's weight; a control whose severity weighs 0 never counts (warning). Rules
  named by `rule` must exist *and* decide controls (hygiene rules only report findings: error).
- texts: every text present in both languages (blank: error); the same text in vi and en, or a
  Vietnamese text of three words or more without a single Vietnamese diacritic (warning).
- legal basis: a control that cites none (warning: fine for good practice, but say so knowingly).
- scoring sanity: weights not negative, severity weights and likelihood levels ordered by
  severity, impact levels by data class, status values ordered met ≥ partial ≥ not-met (error),
  unknown earning more than not-met (warning), the risk matrix never lower for a higher impact or
  likelihood, thresholds ordered (error) and distinct (warning), every data class and severity
  given a level (warning); `applies_if` facts exist (error) and are not repeated (warning);
  a blocker of low severity (warning).
- releases (`assess.checklists.release_checks`): a released file must match the hash in
  `releases.lock`, be recorded there, and its version bump must be at least what its diff
  against the previous release needs (errors; for a draft the bump is a warning until it is
  released).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol, overload

from pydantic import BaseModel

from assess.core import semver
from assess.core.errors import InputError, Problem
from assess.documents import yamlsource
from assess.documents.models import Checklist, DataClass, Text
from assess.documents.models.common import LEVELS, level_rank
from assess.documents.references import check_checklist
from assess.documents.yamlsource import Path_, Source, format_path
from assess.engine.vocabulary import RULES, fact_names, rule_ids

Level = Literal["error", "warning"]
_CLASSES = tuple(c.value for c in DataClass)
_VI_MIN_WORDS = 3


@dataclass(frozen=True, slots=True)
class Issue:
    """One lint result: a located problem and how serious it is."""

    level: Level
    problem: Problem

    def __str__(self) -> str:
        return f"{self.level}: {self.problem}"


class Out:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.issues: list[Issue] = []

    def add(self, level: Level, path: Path_, message: str) -> None:
        self.issues.append(Issue(level, Problem(self.source.name, self.source.line_of(path),
                                                format_path(path), message)))

    def error(self, path: Path_, message: str) -> None:
        self.add("error", path, message)

    def warn(self, path: Path_, message: str) -> None:
        self.add("warning", path, message)


# ── content ───────────────────────────────────────────────────────────────────────────────────


def _texts(obj: Any, path: Path_) -> Iterator[tuple[Path_, Text]]:
    if isinstance(obj, Text):
        yield path, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _texts(getattr(obj, name), (*path, name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _texts(item, (*path, i))


def has_diacritics(text: str) -> bool:
    """True if any letter carries a mark (or is đ): Vietnamese written with its diacritics."""
    return any(ch in "đĐ" or (ch.isalpha() and unicodedata.decomposition(ch) != "")
               for ch in text)


def check_texts(out: Out, doc: BaseModel) -> None:
    """Every bilingual text of a document: both languages written, Vietnamese with diacritics."""
    for path, text in _texts(doc, ()):  # a blank text never loads (documents.scalars)
        vi, en = " ".join(text.vi.split()), " ".join(text.en.split())
        if not vi or not en:
            continue
        if vi == en:
            out.warn((*path, "vi"), f"the vi and en texts are the same ({_short(vi)!r}); "
                     "expected a Vietnamese text and its English translation")
        elif len(re.findall(r"[^\W\d_]{2,}", vi)) >= _VI_MIN_WORDS and not has_diacritics(vi):
            out.warn((*path, "vi"), f"the vi text has no Vietnamese diacritics ({_short(vi)!r}); "
                     "expected Vietnamese written with its diacritics")


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _check_controls(out: Out, cl: Checklist) -> None:
    weights = cl.scoring.severity_weights
    for i, d in enumerate(cl.domains):
        for j, c in enumerate(d.controls):
            at: Path_ = ("domains", i, "controls", j)
            if not c.legal_basis:
                out.warn((*at, "id"), f"control {c.id} cites no legal basis; expected at least "
                         "one provision in legal_basis (leave it empty only for good practice)")
            if weights.get(c.severity, 1) == 0:
                out.warn((*at, "severity"), f"control {c.id} never counts: severity "
                         f"'{c.severity.value}' weighs 0 in scoring.severity_weights")
            if c.rule is not None and c.rule in RULES and not RULES[c.rule].decides:
                out.error((*at, "rule"), f"rule '{c.rule}' only reports hygiene findings and "
                          "decides no control; expected a deciding rule, or no rule")
            seen: set[str] = set()
            for k, fact in enumerate(c.applies_if):
                if fact in seen:
                    out.warn((*at, "applies_if", k), f"fact '{fact}' is listed twice; "
                             "expected each fact once")
                seen.add(fact)
            if c.blocker and c.severity.value == "low":
                out.warn((*at, "blocker"), f"control {c.id} is a blocker of low severity; "
                         "expected a blocker to be at least medium (failing it rejects the "
                         "proposal)")


def _ordered(out: Out, path: Path_, values: dict[str, Any], order: tuple[str, ...], what: str,
             level: Level = "warning", *, missing: str | None = None) -> None:
    """Values must not decrease along `order`; keys left out are reported if `missing`."""
    if missing:
        gone = [k for k in order if k not in values]
        if gone:
            out.warn(path, f"no {what} for {', '.join(gone)}; {missing}")
    present = [(k, values[k]) for k in order if k in values]
    for (k1, v1), (k2, v2) in itertools.pairwise(present):
        if v2 < v1:
            out.add(level, (*path, k2), f"{what} of '{k2}' ({v2:g}) is below that of '{k1}' "
                    f"({v1:g}); expected {what}s ordered {' ≤ '.join(order)}")


def _check_scoring(out: Out, cl: Checklist) -> None:
    s = cl.scoring
    at: Path_ = ("scoring",)
    weights = {k.value: v for k, v in s.severity_weights.items()}
    for sev, w in weights.items():
        if w < 0:
            out.error((*at, "severity_weights", sev), f"weight {w:g} is negative; expected 0 or "
                      "more")
    _ordered(out, (*at, "severity_weights"), weights, LEVELS, "weight")
    sv: dict[str, float] = {str(k): v for k, v in s.status_values.items()}
    _ordered(out, (*at, "status_values"), sv, ("not-met", "partial", "met"), "value", "error")
    if "unknown" in sv and "not-met" in sv and sv["unknown"] > sv["not-met"]:
        out.warn((*at, "status_values", "unknown"), f"unknown earns {sv['unknown']:g}, more than "
                 f"not-met ({sv['not-met']:g}); expected an unanswered control to earn no more "
                 "than a failed one")
    t = s.thresholds
    if t.approve == t.conditional:
        out.warn((*at, "thresholds"), f"approve and conditional are both {t.approve:g}; no score "
                 "is ever 'conditional' — expected approve above conditional")
    levels: dict[str, int] = {str(k): v for k, v in s.risk.impact.class_levels.items()}
    _ordered(out, (*at, "risk", "impact", "class_levels"), levels,
             _CLASSES, "impact level", missing="they count as level 1 — expected every class")
    _ordered(out, (*at, "risk", "likelihood_levels"),
             {k.value: v for k, v in s.risk.likelihood_levels.items()}, LEVELS,
             "likelihood level", missing="they count as level 1 — expected every severity")
    m = s.risk.matrix
    for i, row in enumerate(m):
        for j, rating in enumerate(row):
            left = level_rank(row[j - 1]) if j else -1
            up = level_rank(m[i - 1][j]) if i and j < len(m[i - 1]) else -1
            if level_rank(rating) < max(left, up):
                out.warn((*at, "risk", "matrix", i, j), f"rating '{rating}' at impact {i + 1}, "
                         f"likelihood {j + 1} is lower than a cell of lower impact or "
                         "likelihood; expected ratings that never decrease to the right or down")


def lint_document(cl: Checklist, source: Source) -> list[Issue]:
    """Content checks of one loaded checklist (pure: no other file is read)."""
    out = Out(source)
    problems = check_checklist(cl, source, facts=fact_names(), rules=rule_ids())
    out.issues += [Issue("error", p) for p in problems]
    _check_controls(out, cl)
    check_texts(out, cl)
    _check_scoring(out, cl)
    return out.issues


# ── files ─────────────────────────────────────────────────────────────────────────────────────


class Versioned(Protocol):
    """A document kept on a shelf: checklists and platform profiles."""

    @property
    def id(self) -> str: ...

    @property
    def version(self) -> str: ...

    @property
    def status(self) -> str: ...

    @property
    def ref(self) -> str: ...


def _check_names(out: Out, cl: Versioned, path: Path) -> None:
    if semver.file_version(path.name) is None:
        out.warn(("version",), f"file name '{path.name}' is outside the catalog layout "
                 f"<id>/<version>.yaml; expected {cl.id}/{cl.version}.yaml for the catalog to "
                 "find it")
        return
    if path.name.rsplit(".", 1)[0] != cl.version:
        out.error(("version",), f"file declares version '{cl.version}' but is named "
                  f"'{path.name}'; expected {cl.version}.yaml (or version: "
                  f"{path.name.rsplit('.', 1)[0]})")
    if path.parent.name != cl.id:
        out.error(("id",), f"file declares id '{cl.id}' but is in folder "
                  f"'{path.parent.name}'; expected it in a folder named {cl.id}")


def name_issues(path: Path, cl: Versioned, source: Source) -> list[Issue]:
    """Whether the file's folder and name agree with its `id` and `version`."""
    out = Out(source)
    _check_names(out, cl, path)
    return out.issues


def in_catalog_layout(path: Path, cl: Versioned) -> bool:
    return path.parent.name == cl.id and path.name == f"{cl.version}.yaml"


@overload
def load_for_lint(path: Path) -> tuple[Checklist | None, Source | None, list[Issue]]: ...


@overload
def load_for_lint(path: Path, model: type[BaseModel], kind: str
                  ) -> tuple[Any, Source | None, list[Issue]]: ...


def load_for_lint(path: Path, model: type[BaseModel] = Checklist, kind: str = "checklist"
                  ) -> tuple[Any, Source | None, list[Issue]]:
    """Read and validate a document of `kind`; schema problems become errors instead of raising."""
    from assess.documents.loading import KINDS, parse_model

    try:
        source = yamlsource.read(path)
        found = source.data.get("kind") if isinstance(source.data, dict) else None
        if found != kind:
            what = f"a {found}" if found in KINDS else f"not a {kind} document"
            raise InputError.single(path, f"this is {what}; expected kind: {kind}",
                                    line=source.line_of(("kind",)), field="kind")
        return parse_model(source, model), source, []
    except InputError as exc:
        return None, None, [Issue("error", p) for p in exc.problems]


__all__ = [
    "Issue",
    "Versioned",
    "check_texts",
    "has_diacritics",
    "in_catalog_layout",
    "lint_document",
    "load_for_lint",
    "name_issues",
]
