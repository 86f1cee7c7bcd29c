"""Known-good report HTML for the examples: `python -m tests.goldens` (or `make goldens`)
regenerates tests/golden/*.html; tests/test_report.py compares fresh renders with them.

A case is a proposal (with its review, when an example review names it) in one language. The
HTML is rendered exactly as `assess report` renders it, dated from the inputs (never the clock).
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from assess.core.i18n import Lang

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
GOLDEN = Path(__file__).resolve().parent / "golden"


@dataclass(frozen=True)
class Case:
    name: str
    proposal: Path
    lang: Lang
    review: Path | None = None
    checklist_dirs: tuple[Path, ...] = ()

    @property
    def golden(self) -> Path:
        return GOLDEN / f"{self.name}.html"


def _kind(path: Path) -> tuple[str | None, str | None, str | None]:
    """(kind, id, reviewed proposal id) of a YAML document, without validating it."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None, None, None
    if not isinstance(doc, dict):
        return None, None, None
    ref = doc.get("proposal")
    return doc.get("kind"), doc.get("id"), ref.get("id") if isinstance(ref, dict) else None


def cases() -> list[Case]:
    """The small test proposal, every example proposal in both languages, and every example
    review with the proposal it reviews, in both languages."""
    out = [Case("proposal-ok.vi", DATA / "proposal-ok.yaml", "vi",
                checklist_dirs=(DATA / "checklists",))]
    proposals: dict[str, Path] = {}
    reviews: list[tuple[Path, str]] = []
    for path in sorted(EXAMPLES.glob("*.yaml")):
        kind, ident, reviewed = _kind(path)
        if kind == "proposal" and ident:
            proposals[ident] = path
            out += [Case(f"{path.stem}.vi", path, "vi"), Case(f"{path.stem}.en", path, "en")]
        elif kind == "review" and reviewed:
            reviews.append((path, reviewed))
    for path, reviewed in reviews:
        if reviewed in proposals:
            out += [Case(f"{path.stem}.{lang}", proposals[reviewed], lang, review=path)
                    for lang in ("vi", "en")]
    return out


def render(case: Case) -> str:
    """The report HTML of `case`, as `assess report` makes it."""
    from assess.outputs.report import embedded_files, render_html
    from assess.workflows.pipeline import assess_files

    a = assess_files(case.proposal, review=case.review, checklist_dirs=case.checklist_dirs)
    files = embedded_files(a, case.lang, review=case.review)
    created = dt.datetime.combine(a.as_of, dt.time(), dt.UTC)
    return render_html(a, case.lang, created=created, attachments=files)


def main() -> int:
    GOLDEN.mkdir(exist_ok=True)
    wanted = {c.golden for c in cases()}
    for case in cases():
        case.golden.write_text(render(case), encoding="utf-8")
        print(f"wrote {case.golden.relative_to(ROOT)}")
    for stale in sorted(set(GOLDEN.glob("*.html")) - wanted):
        stale.unlink()
        print(f"removed {stale.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
