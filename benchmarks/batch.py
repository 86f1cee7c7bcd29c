"""`assess batch` on the 34 proposals of examples/portfolio: one process against two.

Goal (issue 17), measured on the whole command as a user runs it, imports included: `--jobs 2`
at least 1.8 times faster than `--jobs 1` with `--report`, and 1.5 times for scoring alone (34
scorings are about a second of work after a quarter-second of imports, which bounds that ratio).
The baseline the issue names, `assess report` once per file from the shell, one after another
and two at a time (`xargs -P 2`), is measured in the same run (`--shell`, minutes).

Run: `.venv/bin/python benchmarks/batch.py [--repeat N] [--shell]`; the table is printed and
written to reports/batch-bench.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORTFOLIO = ROOT / "examples" / "portfolio"
ASSESS = Path(sys.executable).with_name("assess")


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env={**os.environ, "ASSESS_LANG": "vi"})
    return time.perf_counter() - start


def batch(jobs: int, report: bool, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            command = [str(ASSESS), "batch", str(PORTFOLIO), "-o", f"{tmp}/out", "--jobs",
                       str(jobs)] + (["--report"] if report else [])
            times.append(timed(command, Path(tmp)))
    return times


def shell(parallel: int) -> float:
    """34 `assess report` processes, as a shell loop (or `xargs -P 2`) would start them."""
    files = sorted(str(p) for p in PORTFOLIO.glob("*.yaml"))
    with tempfile.TemporaryDirectory() as tmp:
        script = (f"printf '%s\\n' {' '.join(files)} | xargs -P {parallel} -I{{}} sh -c "
                  f"'{ASSESS} report {{}} -o {tmp}/$(basename {{}} .yaml).pdf'")
        return timed(["sh", "-c", script], Path(tmp))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each scoring case")
    parser.add_argument("--report-repeat", type=int, default=1, help="runs of each report case")
    parser.add_argument("--shell", action="store_true", help="also the shell baseline (minutes)")
    parser.add_argument("--scoring-only", action="store_true", help="no report cases")
    parser.add_argument("--output", type=Path, default=ROOT / "reports" / "batch-bench.json")
    args = parser.parse_args()
    if not shutil.which(str(ASSESS)):
        print(f"{ASSESS} not found: install the project first (make setup)")
        return 2
    rows: dict[str, float] = {}
    cases = [(False, args.repeat)] + ([] if args.scoring_only else [(True, args.report_repeat)])
    for report, repeat in cases:
        for jobs in (1, 2):
            name = f"batch --jobs {jobs}" + (" --report" if report else "")
            rows[name] = statistics.median(batch(jobs, report, repeat))
            print(f"{name:32} {rows[name]:7.2f} s", flush=True)
    if args.shell:
        for parallel in (1, 2):
            name = f"shell: assess report × 34, {parallel} at a time"
            rows[name] = shell(parallel)
            print(f"{name:32} {rows[name]:7.2f} s", flush=True)
    ratios = {"scoring: jobs 1 / jobs 2": rows["batch --jobs 1"] / rows["batch --jobs 2"]}
    if not args.scoring_only:
        ratios["reports: jobs 1 / jobs 2"] = (rows["batch --jobs 1 --report"]
                                              / rows["batch --jobs 2 --report"])
    if args.shell:
        ratios["reports: shell one at a time / batch --jobs 2"] = (
            rows["shell: assess report × 34, 1 at a time"] / rows["batch --jobs 2 --report"])
        ratios["shell: 1 at a time / 2 at a time"] = (
            rows["shell: assess report × 34, 1 at a time"]
            / rows["shell: assess report × 34, 2 at a time"])
    for name, ratio in ratios.items():
        print(f"{name:48} {ratio:5.2f}×")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"seconds": rows, "ratios": ratios, "cpus": os.cpu_count()},
                                      ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.output}")
    ok = ratios.get("reports: jobs 1 / jobs 2", 2.0) >= 1.8 and \
        ratios["scoring: jobs 1 / jobs 2"] >= 1.5
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
