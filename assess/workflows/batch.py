"""Many proposals at once: each validated, scored and (optionally) reported, in a process pool.

One bad file never stops the others: its problems are kept, located as everywhere, and the rest
go on. Each proposal's outputs are written atomically by the worker that made them, as soon as
it finishes, so an interrupted batch keeps what was done and the bytes never cross processes.

The report renderer lives in a layer above this one (`assess.outputs`): a caller that wants
PDFs passes it in as `Settings.render`, a module-level function the pool can pickle by name.
Every worker imports and warms what it needs once (`_warm`), not once per file: start-up is most
of a short job's cost, which is why shell loops over `assess report` gained little from a
second core.
"""

from __future__ import annotations

import contextlib
import glob
import json
import logging
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from functools import partial
from multiprocessing import get_context
from multiprocessing.context import BaseContext
from pathlib import Path

from assess.core.errors import AssessError, OutputError, Problem
from assess.core.files import refuse_inputs, refuse_replacing, write_all_atomic
from assess.core.i18n import Lang
from assess.core.i18n.messages import Msg, msg, speaking
from assess.engine.result import Assessment

Render = Callable[[Assessment, Lang, "Path | None"], bytes]
"""(assessment, language, review file) → the report's PDF bytes."""

REVIEW_SUFFIX = ".review.yaml"
JSON_KINDS = (b"{",)
PDF_KINDS = (b"%PDF-",)
RUN_KINDS = {".json": JSON_KINDS, ".csv": ("Tỉnh".encode(), b"Province", '"Tỉnh'.encode(),
                                           b'"Province'), ".xlsx": (b"PK\x03\x04",),
             ".pdf": PDF_KINDS}
"""What the run's own files may replace: an earlier run's (a CSV starts with its header)."""
log = logging.getLogger(__name__)
INDEX = "batch.json"
"""The run's index, beside the outputs: every proposal's outcome, in the order given."""
PORTFOLIO = ("portfolio.json", "portfolio.csv", "portfolio.xlsx")
"""The run's portfolio (`assess portfolio` of the proposals done), beside the index; and its PDF
with --report (`PORTFOLIO_PDF`)."""
PORTFOLIO_PDF = "portfolio.pdf"
RUN_FILES = (INDEX, *PORTFOLIO, PORTFOLIO_PDF)


@dataclass(frozen=True, slots=True)
class Job:
    """One proposal, and the review beside it (`<name>.review.yaml`) when there is one."""

    proposal: Path
    review: Path | None = None

    @property
    def name(self) -> str:
        return self.proposal.stem + (".review" if self.review else "")


@dataclass(frozen=True, slots=True)
class Settings:
    """What every job of a run shares (picklable: it travels to the workers)."""

    out: Path
    lang: Lang = "vi"
    render: Render | None = None
    warm: Callable[[], None] | None = None
    """Run once in each worker before its first job (the renderer's imports and fonts)."""
    checklist_dirs: tuple[Path, ...] = ()
    platform_dirs: tuple[Path, ...] = ()

    def outputs(self, job: Job) -> list[Path]:
        """The assessment (one in every language), then the report as `assess report` names it."""
        pdf = job.name + (".en" if self.lang == "en" else "") + ".pdf"
        return [self.out / f"{job.name}.json"] + ([self.out / pdf] if self.render else [])


@dataclass(slots=True)
class Outcome:
    """What became of one job: its verdict and outputs, or its problems (never both)."""

    job: Job
    verdict: str | None = None
    gate_verdict: str | None = None
    score: float | None = None
    risk: str | None = None
    failing_blockers: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    internal: bool = False
    """A bug in assess, not in the file: the CLI exits 3 for it."""
    seconds: float = 0.0
    assessment: Assessment | None = field(default=None, repr=False)
    """The assessment itself (what the portfolio of the run is made from); not in the index."""

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, object]:
        return {"proposal": str(self.job.proposal),
                "review": str(self.job.review) if self.job.review else None,
                "ok": self.ok, "verdict": self.verdict, "gate_verdict": self.gate_verdict,
                "score": self.score, "risk": self.risk,
                "failing_blockers": self.failing_blockers,
                "outputs": [str(p) for p in self.outputs], "problems": self.problems,
                "seconds": round(self.seconds, 3)}


def _proposals_in(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.glob("*.yaml")):
        if not path.name.endswith(REVIEW_SUFFIX) and path.is_file():
            yield path


def discover(args: Sequence[str | Path]) -> tuple[list[Job], list[Problem]]:
    """The jobs named by folders (their `*.yaml` proposals), glob patterns and files, each once,
    in the order given; a name that matches nothing is a problem, not an empty run."""
    jobs: list[Job] = []
    seen: set[Path] = set()
    problems: list[Problem] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            found = list(_proposals_in(path))
            if not found:
                problems.append(Problem(str(arg), None, "", msg("workflows.batch.empty_folder")))
        elif path.is_file():
            found = [path]
        else:
            found = [Path(p) for p in sorted(glob.glob(str(arg), recursive=True))
                     if Path(p).is_file() and not p.endswith(REVIEW_SUFFIX)]
            if not found:
                problems.append(Problem(str(arg), None, "", msg("workflows.batch.no_match")))
        for proposal in found:
            key = proposal.resolve()
            if key in seen:
                continue
            seen.add(key)
            review = proposal.with_name(proposal.name.removesuffix(".yaml") + REVIEW_SUFFIX)
            jobs.append(Job(proposal, review if review.is_file() else None))
    return jobs, problems


def check_outputs(jobs: Sequence[Job], settings: Settings) -> None:
    """Before any work: no output names an input, none replaces a file of another kind, and no
    two jobs write the same file (two folders holding proposals of the same name)."""
    if settings.out.exists() and not settings.out.is_dir():
        raise OutputError(msg("workflows.batch.out_not_folder", folder=str(settings.out)))
    inputs = [p for j in jobs for p in (j.proposal, j.review) if p is not None]
    index = Job(Path(INDEX))  # the run's own files: a proposal named batch.yaml may not take them
    taken: dict[Path, Job] = {settings.out / name: index for name in RUN_FILES}
    for job in jobs:
        for target in settings.outputs(job):
            refuse_inputs([target], inputs)
            refuse_replacing(target, PDF_KINDS if target.suffix == ".pdf" else JSON_KINDS,
                             ("tệp PDF", "PDF") if target.suffix == ".pdf"
                             else ("tệp JSON", "JSON file"))
            if target in taken:
                first = taken[target]
                raise OutputError(msg(
                    "workflows.batch.index_output" if first is index
                    else "workflows.batch.same_output", target=str(target),
                    first=str(first.proposal), second=str(job.proposal)))
            taken[target] = job
    for name in RUN_FILES:
        refuse_inputs([settings.out / name], inputs)
        refuse_replacing(settings.out / name, RUN_KINDS[Path(name).suffix], ("tệp", "file"))


def run_one(job: Job, settings: Settings) -> Outcome:
    """Assess one proposal and write its outputs; every failure becomes the outcome's problems."""
    from assess.workflows.pipeline import assess_files

    start = time.perf_counter()
    outcome = Outcome(job)
    with speaking(settings.lang):
        try:
            a = assess_files(job.proposal, review=job.review,
                             checklist_dirs=settings.checklist_dirs,
                             platform_dirs=settings.platform_dirs)
            targets = settings.outputs(job)
            refuse_inputs(targets, a.input_files())
            items: list[tuple[Path, bytes | str]] = [(targets[0], a.to_json() + "\n")]
            if settings.render is not None:
                items.append((targets[1], settings.render(a, settings.lang, job.review)))
            write_all_atomic(items)
        except AssessError as exc:
            outcome.problems = exc.messages()
        except Exception as exc:  # a bug: said for this file, the others still run
            log.debug("%s", job.proposal, exc_info=True)
            outcome.problems = [str(_internal(exc))]
            outcome.internal = True
        else:
            outcome.verdict, outcome.gate_verdict = a.verdict_key, a.gate_verdict.value
            outcome.score, outcome.risk = float(a.score), a.risk.rating
            outcome.failing_blockers = a.failing_blockers()
            outcome.outputs, outcome.assessment = targets, a
    if not outcome.ok:  # an earlier run's results for it would read as this run's
        for stale in settings.outputs(job):
            if _ours(stale) and stale not in (job.proposal, job.review):
                with contextlib.suppress(OSError):
                    stale.unlink()
    outcome.seconds = time.perf_counter() - start
    return outcome


def _ours(path: Path) -> bool:
    """An earlier output of a batch (a JSON or PDF file), never anything else."""
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError:
        return False
    return head.startswith(PDF_KINDS if path.suffix == ".pdf" else JSON_KINDS)


def _internal(exc: BaseException) -> Msg:
    return msg("workflows.batch.internal", error=type(exc).__name__, detail=str(exc))


def _warm(settings: Settings, first: Job | None = None) -> None:
    """Import and load once what the jobs need: the pipeline, the legal register, the checklist
    and profile the first proposal names (parsed once per process, see `load_checklist`), and
    WeasyPrint with its fonts when rendering. A bad first proposal is its job's to report."""
    from assess.checklists.catalog import PLATFORMS, Catalog
    from assess.checklists.loading import load_inputs
    from assess.legal.register import load_register

    load_register()
    if first is not None:
        with contextlib.suppress(AssessError):
            load_inputs(first.proposal, Catalog(settings.checklist_dirs),
                        platforms=Catalog(settings.platform_dirs, PLATFORMS))
    if settings.warm is not None:
        settings.warm()


def _worker(settings: Settings, first: Job | None, spawned: bool) -> None:
    """A pool worker's start: Ctrl-C is the parent's to handle (it cancels what is queued);
    a fresh interpreter warms itself, a fork already is."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if spawned:
        _warm(settings, first)


def _context() -> BaseContext:
    """'fork' on Linux: the workers start as copies of this process, already warm, in
    milliseconds; a fresh interpreter ('spawn') spends most of a second importing, which is
    most of a short batch. The caller must hold no thread then: `run` forks before any job.
    Elsewhere 'spawn', as CPython chooses on macOS, whose system libraries are not fork-safe."""
    return get_context("fork" if sys.platform == "linux" else "spawn")


def run(jobs: Sequence[Job], settings: Settings, *, workers: int = 1,
        done: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Every job's outcome, in the order of `jobs`; `done` hears of each as it finishes.

    This process warms once; one worker is this process, more are a pool of its forks, all
    started before the first job is sent (so a `done` that starts threads, such as a progress
    display's, starts them after the forks)."""
    settings.out.mkdir(parents=True, exist_ok=True)
    by_job: dict[Job, Outcome] = {}

    def finished(outcome: Outcome) -> None:
        by_job[outcome.job] = outcome
        if done is not None:
            done(outcome)

    context = _context()
    spawned = context.get_start_method() != "fork"
    with contextlib.suppress(OSError):  # an interrupted run must not leave the last one's index
        (settings.out / INDEX).unlink()
    _warm(settings, jobs[0] if jobs else None)
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            finished(run_one(job, settings))
        return [by_job[j] for j in jobs]
    pool = ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context,
                               initializer=partial(_worker, settings, jobs[0], spawned))
    try:
        pending = {pool.submit(run_one, job, settings): job for job in jobs}
        while pending:
            ready, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in ready:
                job = pending.pop(future)
                try:
                    outcome = future.result()
                except Exception as exc:  # the worker died (killed, out of memory): said
                    outcome = Outcome(job, problems=[str(_internal(exc))], internal=True)
                finished(outcome)
    except BaseException:  # Ctrl-C: what is queued is not started; what is written stays
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return [by_job[j] for j in jobs]


def write_index(outcomes: Sequence[Outcome], settings: Settings) -> Path:
    """The run's index (`batch.json`), written once every job has finished (an earlier run's
    is removed when a run starts)."""
    target = settings.out / INDEX
    data = {"kind": "batch", "lang": settings.lang, "report": settings.render is not None,
            "outcomes": [o.to_dict() for o in outcomes]}
    write_all_atomic([(target, json.dumps(data, ensure_ascii=False, indent=2) + "\n")])
    return target


__all__ = ["INDEX", "Job", "Outcome", "Render", "Settings", "check_outputs", "discover", "run",
           "run_one", "write_index"]
