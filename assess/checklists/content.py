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
- legal basis: a control that cites none (warning: fine for good practice, but say so knowingly);
  a citation the legal register does not know (error); a control none of whose citations is in
  force on `effective_from` (error; a warning for a released version, which cannot change); the
  instruments cited to-confirm (a warning listing them).
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
from assess.core.errors import AssessError, InputError, Problem
from assess.core.i18n import Lang
from assess.core.i18n.messages import Msg, msg, plain
from assess.documents import yamlsource
from assess.documents.loading import Loaded
from assess.documents.models import Checklist, DataClass, LegalRegister, Text
from assess.documents.models.common import LEVELS, level_rank
from assess.documents.references import check_checklist
from assess.documents.yamlsource import Path_, Source, format_path
from assess.engine.vocabulary import RULES, fact_names, rule_ids
from assess.legal.checks import controls_law, to_confirm
from assess.legal.citations import resolve_citations
from assess.legal.register import load_register

Level = Literal["error", "warning"]
_CLASSES = tuple(c.value for c in DataClass)
_VI_MIN_WORDS = 3


@dataclass(frozen=True, slots=True)
class Issue:
    """One lint result: a located problem and how serious it is."""

    level: Level
    problem: Problem

    def render(self, lang: Lang | None = None, *, level: Level | None = None) -> str:
        """'level: file:line: field: message' in `lang` (the language shown now by default);
        `level` overrides the issue's own (`--strict` shows every warning as an error)."""
        return msg("checklists.issue", level=msg(f"checklists.level.{level or self.level}"),
                   problem=plain(self.problem.render(lang))).render(lang)

    def __str__(self) -> str:
        return self.render()


def error_message(exc: AssessError) -> Msg:
    """What an error says, as a message (each located problem of an InputError on its line)."""
    if not isinstance(exc, InputError):
        return exc.message
    lines = [_located(p) for p in exc.problems]
    out = lines[-1]
    for line in reversed(lines[:-1]):
        out = msg("checklists.lines", first=line, rest=out)
    return out


def _located(p: Problem) -> Msg:
    where = f"{p.file}:{p.line}" if p.line else p.file
    return msg("checklists.located", where=plain(f"{where}: {p.field}" if p.field else where),
               text=p.message)


class Out:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.issues: list[Issue] = []

    def add(self, level: Level, path: Path_, message: Msg) -> None:
        self.issues.append(Issue(level, Problem(self.source.name, self.source.line_of(path),
                                                format_path(path), message)))

    def error(self, path: Path_, message: Msg) -> None:
        self.add("error", path, message)

    def warn(self, path: Path_, message: Msg) -> None:
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
            out.warn((*path, "vi"), msg("checklists.lint.same_text", text=repr(_short(vi))))
        elif len(re.findall(r"[^\W\d_]{2,}", vi)) >= _VI_MIN_WORDS and not has_diacritics(vi):
            out.warn((*path, "vi"), msg("checklists.lint.no_diacritics",
                                        text=repr(_short(vi))))


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _check_controls(out: Out, cl: Checklist) -> None:
    weights = cl.scoring.severity_weights
    for i, d in enumerate(cl.domains):
        for j, c in enumerate(d.controls):
            at: Path_ = ("domains", i, "controls", j)
            if not c.legal_basis:
                out.warn((*at, "id"), msg("checklists.lint.no_legal_basis", id=c.id))
            if weights.get(c.severity, 1) == 0:
                out.warn((*at, "severity"), msg("checklists.lint.weighs_nothing", id=c.id,
                                                severity=c.severity.value))
            if c.rule is not None and c.rule in RULES and not RULES[c.rule].decides:
                out.error((*at, "rule"), msg("checklists.lint.hygiene_rule", rule=c.rule))
            seen: set[str] = set()
            for k, fact in enumerate(c.applies_if):
                if fact in seen:
                    out.warn((*at, "applies_if", k), msg("checklists.lint.fact_twice",
                                                         fact=fact))
                seen.add(fact)
            if c.blocker and c.severity.value == "low":
                out.warn((*at, "blocker"), msg("checklists.lint.low_blocker", id=c.id))


def _ordered(out: Out, path: Path_, values: dict[str, Any], order: tuple[str, ...], what: str,
             level: Level = "warning", *, missing: str | None = None) -> None:
    """Values must not decrease along `order`; keys left out are reported if `missing` (the
    key of what that means). `what` names the values: a key of `checklists.what.*` (and of
    `checklists.whats.*`, their plural)."""
    if missing:
        gone = [k for k in order if k not in values]
        if gone:
            out.warn(path, msg("checklists.lint.missing", what=msg(f"checklists.what.{what}"),
                               keys=", ".join(gone), then=msg(f"checklists.lint.missing.{missing}")))
    present = [(k, values[k]) for k in order if k in values]
    for (k1, v1), (k2, v2) in itertools.pairwise(present):
        if v2 < v1:
            out.add(level, (*path, k2), msg(
                "checklists.lint.below", what=msg(f"checklists.what.{what}"), key=k2,
                value=float(v2), prev=k1, prev_value=float(v1),
                whats=msg(f"checklists.whats.{what}"), order=" ≤ ".join(order)))


def _check_scoring(out: Out, cl: Checklist) -> None:
    s = cl.scoring
    at: Path_ = ("scoring",)
    weights = {k.value: v for k, v in s.severity_weights.items()}
    for sev, w in weights.items():
        if w < 0:
            out.error((*at, "severity_weights", sev), msg("checklists.lint.negative_weight",
                                                          weight=float(w)))
    _ordered(out, (*at, "severity_weights"), weights, LEVELS, "weight")
    sv: dict[str, float] = {str(k): v for k, v in s.status_values.items()}
    _ordered(out, (*at, "status_values"), sv, ("not-met", "partial", "met"), "value", "error")
    if "unknown" in sv and "not-met" in sv and sv["unknown"] > sv["not-met"]:
        out.warn((*at, "status_values", "unknown"), msg(
            "checklists.lint.unknown_earns", unknown=float(sv["unknown"]),
            not_met=float(sv["not-met"])))
    t = s.thresholds
    if t.approve == t.conditional:
        out.warn((*at, "thresholds"), msg("checklists.lint.same_thresholds",
                                          value=float(t.approve)))
    levels: dict[str, int] = {str(k): v for k, v in s.risk.impact.class_levels.items()}
    _ordered(out, (*at, "risk", "impact", "class_levels"), levels,
             _CLASSES, "impact", missing="class")
    _ordered(out, (*at, "risk", "likelihood_levels"),
             {k.value: v for k, v in s.risk.likelihood_levels.items()}, LEVELS,
             "likelihood", missing="severity")
    m = s.risk.matrix
    for i, row in enumerate(m):
        for j, rating in enumerate(row):
            left = level_rank(row[j - 1]) if j else -1
            up = level_rank(m[i - 1][j]) if i and j < len(m[i - 1]) else -1
            if level_rank(rating) < max(left, up):
                out.warn((*at, "risk", "matrix", i, j), msg(
                    "checklists.lint.matrix", rating=rating, impact=str(i + 1),
                    likelihood=str(j + 1)))


def lint_document(cl: Checklist, source: Source,
                  register: Loaded[LegalRegister] | None = None) -> list[Issue]:
    """Content checks of one loaded checklist, its citations read through the legal register
    (the one in use unless `register` is given; no other file is read)."""
    out = Out(source)
    problems = check_checklist(cl, source, facts=fact_names(), rules=rule_ids())
    out.issues += [Issue("error", p) for p in problems]
    _check_controls(out, cl)
    check_texts(out, cl)
    _check_scoring(out, cl)
    reg = register or load_register()
    resolved, problems = resolve_citations(cl, source, reg.doc, reg.source.name)
    out.issues += [Issue("error", p) for p in problems]
    if not problems:
        _check_law(out, resolved, reg.doc)
    return out.issues


def _check_law(out: Out, cl: Checklist, reg: LegalRegister) -> None:
    """At release time, a control none of whose citations is in force on the day the checklist
    takes effect is an error — a warning for a version already released, which cannot change; an
    instrument cited to-confirm is a warning listing them all."""
    day = cl.effective_from
    key = ("legal.lint.none_in_force.released" if cl.status == "released"
           else "legal.lint.none_in_force")
    for law in controls_law(cl, reg, day):
        if law.in_force:
            continue
        instead = (msg("legal.lint.instead", ids=", ".join(law.replaced_by))
                   if law.replaced_by else "")
        out.add("warning" if cl.status == "released" else "error", (*law.path, 0), msg(
            key, id=law.control, day=day.isoformat(), cited=", ".join(r for r, _ in law.cited),
            instead=instead))
    unsure = to_confirm(cl)
    if unsure:
        out.warn(("domains",), msg("legal.lint.to_confirm", n=len(unsure), ids=", ".join(unsure)))


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
        out.warn(("version",), msg("checklists.lint.outside_layout", name=path.name, id=cl.id,
                                   version=cl.version))
        return
    if path.name.rsplit(".", 1)[0] != cl.version:
        out.error(("version",), msg("checklists.lint.file_version", version=cl.version,
                                    name=path.name, stem=path.name.rsplit(".", 1)[0]))
    if path.parent.name != cl.id:
        out.error(("id",), msg("checklists.lint.folder_id", id=cl.id, folder=path.parent.name))


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
            what = (msg("checklists.lint.kind.other", found=found) if found in KINDS
                    else msg("checklists.lint.kind.none", kind=kind))
            raise InputError.single(path, msg("checklists.lint.kind", what=what, kind=kind),
                                    line=source.line_of(("kind",)), field="kind")
        return parse_model(source, model), source, []
    except InputError as exc:
        return None, None, [Issue("error", p) for p in exc.problems]


__all__ = [
    "Issue",
    "Versioned",
    "check_texts",
    "error_message",
    "has_diacritics",
    "in_catalog_layout",
    "lint_document",
    "load_for_lint",
    "name_issues",
]
