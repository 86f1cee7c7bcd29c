"""`assess report` against WeasyPrint alone, whole processes, and a 1,000-control checklist.

Goals (issues 5 and 14): the whole `assess report` process costs ≤ 1.15× a bare WeasyPrint
process rendering the very HTML that report was made from, measured in the same run; a
checklist of 1,000 controls renders in ≤ 30 s.

Run: `.venv/bin/python benchmarks/bench_report.py` for the table (every example, and Bắc Giang
with its review; `--rounds N`, `--baseline DIR` to measure a checkout of another commit in the
same run, e.g. one made with `git worktree add /tmp/base <commit>`; `--big` adds the 1,000
controls), or `.venv/bin/pytest benchmarks/bench_report.py --benchmark-enable` (pytest-benchmark
tables of the in-process report, and the goals asserted).
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "bac-giang-zalo-2019.yaml"
RATIO_GOAL = 1.15
BIG_GOAL_S = 30.0
ROUNDS = 5
REVIEW = ROOT / "examples" / "bac-giang-zalo-2019.review.yaml"


def report_run(proposal: Path, out: Path, dirs: tuple[Path, ...] = ()) -> bytes:
    """What `assess report` does, minus argument parsing: assess, attach, render, write."""
    from assess.core.files import write_atomic
    from assess.outputs.report import embedded_files, render_pdf
    from assess.workflows.pipeline import assess_files

    a = assess_files(proposal, checklist_dirs=dirs)
    files = embedded_files(a, "vi")
    _, pdf = render_pdf(a, "vi", attachments=files)
    write_atomic(out, pdf)
    return pdf


def weasyprint_alone(html: str, files: list[Any]) -> bytes:
    """WeasyPrint rendering the very same HTML, same variant and attachments, nothing else."""
    from weasyprint import HTML, Attachment

    from assess.outputs.report.pdf import TemplateFetcher

    fetcher = TemplateFetcher()
    attachments = [Attachment(file_obj=io.BytesIO(e.data), name=e.name) for e in files]
    pdf = HTML(string=html, base_url=fetcher.root.as_uri() + "/", url_fetcher=fetcher).write_pdf(
        pdf_variant="pdf/a-3b", attachments=attachments)
    assert isinstance(pdf, bytes)
    return pdf


def _example_html() -> tuple[str, list[Any]]:
    from assess.outputs.report import embedded_files, render_html
    from assess.workflows.pipeline import assess_files

    a = assess_files(EXAMPLE)
    files = embedded_files(a, "vi")
    return render_html(a, "vi", attachments=files), files


# ---- whole processes -----------------------------------------------------------------------------

BARE = ("import sys\nfrom weasyprint import HTML\n"
        "HTML(filename=sys.argv[1], base_url=sys.argv[2]).write_pdf(sys.argv[3])")
"""The bare WeasyPrint process: the report's HTML, relative URLs (report.css, the fonts)
resolved in the same templates folder, written as a plain PDF."""


@dataclass(frozen=True, slots=True)
class Case:
    """One report to make: a proposal, and the review it is made with, if any."""

    name: str
    proposal: Path
    review: Path | None = None


def cases() -> list[Case]:
    """Every example proposal, and Bắc Giang again with its review."""
    out = [Case(p.stem, p) for p in sorted((ROOT / "examples").glob("*.yaml"))
           if not p.name.endswith(".review.yaml")]
    if EXAMPLE.exists() and REVIEW.exists():
        out.append(Case(EXAMPLE.stem + " --review", EXAMPLE, REVIEW))
    return out


@dataclass(slots=True)
class Timings:
    """Seconds of each run: wall clock, and CPU (user + system) of the process and every
    process it waited for (Graphviz's `dot` included)."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_process(args: Sequence[str], env: dict[str, str], into: Timings) -> None:
    """Run `args` to completion and record its wall and CPU seconds; a failure stops the run."""
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(list(args), env=env, cwd=ROOT, capture_output=True, check=False)
    into.wall.append(time.perf_counter() - start)
    into.cpu.append(_children_cpu() - cpu)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}):\n"
                           + done.stderr.decode("utf-8", "replace")[-2000:])


@dataclass(slots=True)
class Tree:
    """A checkout of `assess` to measure: its own package, templates and HTML."""

    label: str
    root: Path

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        env["PYTHONPATH"] = str(self.root)  # before the editable install on sys.path
        env["ASSESS_LANG"] = "vi"
        return env

    def byte_compile(self) -> None:
        """Byte-compile the tree's package, as installing it does (pip compiles every module):
        with PYTHONDONTWRITEBYTECODE set, or a module edited since its last run, each report
        process would otherwise compile from source what WeasyPrint, installed, reads
        compiled."""
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(self.root / "assess")],
                       env=env, cwd=self.root, capture_output=True, check=True)

    def report_args(self, case: Case, out: Path, html: Path | None = None) -> list[str]:
        args = [sys.executable, "-m", "assess", "report", str(case.proposal), "-o", str(out)]
        if case.review is not None:
            args += ["--review", str(case.review)]
        return args + (["--html", str(html)] if html is not None else [])

    def bare_args(self, html: Path, out: Path) -> list[str]:
        templates = self.root / "assess" / "data" / "templates"
        return [sys.executable, "-c", BARE, str(html), templates.as_uri() + "/", str(out)]


@dataclass(slots=True)
class Row:
    """One case on one tree: `assess report` and bare WeasyPrint, every round."""

    tree: str
    case: str
    ours: Timings = field(default_factory=Timings)
    bare: Timings = field(default_factory=Timings)

    def ratio(self, what: str = "wall") -> float:
        """Median of ours over median of bare WeasyPrint's, wall clock or CPU seconds."""
        ours, bare = ((self.ours.wall, self.bare.wall) if what == "wall"
                      else (self.ours.cpu, self.bare.cpu))
        return statistics.median(ours) / statistics.median(bare)


def measure(trees: Sequence[Tree], rounds: int = ROUNDS,
            only: Sequence[Case] | None = None) -> list[Row]:
    """Each case on each tree, `rounds` times: the report process, then bare WeasyPrint on the
    HTML that very tree's report was made from (written once first, which also warms the disk
    cache for both), each tree byte-compiled first as an installed package is. The order of the
    runs within a round turns each round, so no process always follows the same other one."""
    todo = list(only) if only is not None else cases()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        jobs: list[tuple[list[str], Timings, Path, dict[str, str]]] = []
        for ti, tree in enumerate(trees):
            tree.byte_compile()
            env = tree.env()
            for ci, case in enumerate(todo):
                row = Row(tree.label, case.name)
                rows.append(row)
                html, pdf = folder / f"{ti}-{ci}.html", folder / f"{ti}-{ci}.pdf"
                run_process(tree.report_args(case, pdf, html), env, Timings())
                bare_pdf = folder / f"{ti}-{ci}-bare.pdf"
                jobs.append((tree.report_args(case, pdf), row.ours, pdf, env))
                jobs.append((tree.bare_args(html, bare_pdf), row.bare, bare_pdf, env))
        for r in range(rounds):
            shift = r % len(jobs)
            for args, into, out, env in jobs[shift:] + jobs[:shift]:
                out.unlink(missing_ok=True)
                run_process(args, env, into)
            print(f"  round {r + 1}/{rounds} done", file=sys.stderr, flush=True)
    return rows


def table(rows: Sequence[Row]) -> str:
    """Medians in seconds and their ratios, wall clock first (the goal), then CPU."""
    head = (f"{'tree':10s} {'report':42s} {'assess':>7s} {'bare':>7s} {'ratio':>6s}   "
            f"{'cpu':>6s} {'bare':>6s} {'ratio':>6s}")
    lines = [head, "-" * len(head)]
    for row in rows:
        lines.append(f"{row.tree:10s} {row.case:42s} "
                     f"{statistics.median(row.ours.wall):7.2f} "
                     f"{statistics.median(row.bare.wall):7.2f} {row.ratio('wall'):6.3f}   "
                     f"{statistics.median(row.ours.cpu):6.2f} "
                     f"{statistics.median(row.bare.cpu):6.2f} {row.ratio('cpu'):6.3f}")
    return "\n".join(lines)


# ---- a generated 1,000-control checklist ---------------------------------------------------------

def big_inputs(folder: Path, controls: int = 1_000, domains: int = 20) -> Path:
    """A checklist of `controls` controls in `domains` domains, and a proposal answering them."""
    example = yaml.safe_load((ROOT / "tests" / "data" / "checklists" / "mini" / "1.0.0.yaml")
                             .read_text(encoding="utf-8"))
    per = controls // domains
    statuses = ("met", "partial", "not-met", "unknown", "met", "not-applicable")
    checklist: dict[str, Any] = {k: example[k] for k in ("kind", "schema_version", "status",
                                                        "effective_from", "publisher",
                                                        "scoring")}
    checklist.update(id="big", version="1.0.0",
                     title={"vi": "Bộ tiêu chí lớn", "en": "Big checklist"}, domains=[])
    answers: dict[str, Any] = {}
    for d in range(domains):
        prefix = "D" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[d % 26] * (1 + d // 26)
        ctrls = []
        for i in range(per):
            cid = f"{prefix}-{i + 1:03d}"
            text = {"vi": f"Yêu cầu số {i + 1} của lĩnh vực {prefix}: dữ liệu được bảo vệ",
                    "en": f"Requirement {i + 1} of domain {prefix}: data is protected"}
            ctrls.append({  # fresh dicts each time: YAML would otherwise write aliases
                "id": cid, "title": dict(text), "requirement": dict(text),
                "guidance": dict(text), "severity": ("critical", "high", "medium", "low")[i % 4],
                "evidence": dict(text), "remediation": dict(text), "owner": "shared",
                "legal_basis": [{"document": {"vi": "Luật Bảo vệ dữ liệu cá nhân",
                                              "en": "Law on Personal Data Protection"},
                                 "number": "91/2025/QH15", "article": str(20 + i % 10),
                                 "status": "confirmed" if i % 3 else "to-confirm"}]})
            answers[cid] = {"status": statuses[(i + d) % len(statuses)],
                            "evidence": [f"Văn bản số {i}/2026"]}
        checklist["domains"].append({"id": prefix, "title": {"vi": f"Lĩnh vực {prefix}",
                                                             "en": f"Domain {prefix}"},
                                     "weight": 1 + d % 3, "controls": ctrls})
    (folder / "big").mkdir(parents=True, exist_ok=True)
    (folder / "big" / "1.0.0.yaml").write_text(
        yaml.safe_dump(checklist, allow_unicode=True, sort_keys=False), encoding="utf-8")
    proposal = yaml.safe_load((ROOT / "tests" / "data" / "proposal-ok.yaml")
                              .read_text(encoding="utf-8"))
    proposal.update(checklist="big@1.0.0", answers=answers)
    path = folder / "big-proposal.yaml"
    path.write_text(yaml.safe_dump(proposal, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def big_run() -> tuple[float, float, int]:
    """Wall and CPU seconds to render the 1,000-control report, and its bytes. CPU time
    is printed too because wall time on a shared machine counts other people's work."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        proposal = big_inputs(folder)
        start, cpu = time.perf_counter(), time.process_time()
        pdf = report_run(proposal, folder / "big.pdf", (folder,))
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        return wall, cpu, len(pdf)


# ---- pytest-benchmark -----------------------------------------------------------------------------

needs_example = pytest.mark.skipif(not EXAMPLE.exists(), reason="examples/ not present")


@needs_example
def test_report_run(benchmark: Any, tmp_path: Path) -> None:
    benchmark.group = "report: example"
    pdf = benchmark.pedantic(report_run, args=(EXAMPLE, tmp_path / "r.pdf"), rounds=3,
                             warmup_rounds=1)
    assert pdf.startswith(b"%PDF")


@needs_example
def test_weasyprint_alone(benchmark: Any) -> None:
    benchmark.group = "report: example"
    html, files = _example_html()
    pdf = benchmark.pedantic(weasyprint_alone, args=(html, files), rounds=3, warmup_rounds=1)
    assert pdf.startswith(b"%PDF")


@needs_example
def test_report_costs_little_more_than_weasyprint() -> None:
    rows = measure([Tree("current", ROOT)], rounds=3, only=[Case(EXAMPLE.stem, EXAMPLE)])
    print("\n" + table(rows))
    assert rows[0].ratio() <= RATIO_GOAL


def test_thousand_control_checklist_renders() -> None:
    wall, cpu, size = big_run()
    print(f"\n1,000 controls: {wall:.1f} s ({cpu:.1f} s CPU), {size:,} bytes "
          f"(goal ≤ {BIG_GOAL_S:g} s)")
    assert wall <= BIG_GOAL_S


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="runs of each process")
    parser.add_argument("--baseline", type=Path, action="append", default=[],
                        help="a checkout of another commit, measured in the same run")
    parser.add_argument("--big", action="store_true", help="also the 1,000-control checklist")
    opts = parser.parse_args(argv)
    trees = [Tree("current", ROOT)] + [Tree(p.name, p.resolve()) for p in opts.baseline]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{opts.rounds} rounds, median seconds; load average {load:.2f} on "
          f"{os.cpu_count()} CPUs; goal: ratio ≤ {RATIO_GOAL}")
    print(table(measure(trees, opts.rounds)))
    if opts.big:
        wall, cpu, size = big_run()
        print(f"1,000 controls: {wall:.1f} s ({cpu:.1f} s CPU), {size:,} bytes "
              f"(goal ≤ {BIG_GOAL_S:g} s)")


if __name__ == "__main__":
    main()
