"""Cold start of the CLI: `assess --help` and `assess validate` in fresh processes.

Goal (issue 2): `assess --help` ≤ 0.3 s. Prints the median of several runs, and the
heavy modules each command imported (WeasyPrint must never be one of `--help`'s).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSESS = [sys.executable, "-m", "assess"]
RUNS = 15


def median_seconds(args: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(ASSESS + args, cwd=ROOT, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    baseline = median_seconds_python()
    rows = [("python -c pass (interpreter alone)", baseline)]
    rows.append(("assess --help", median_seconds(["--help"])))
    rows.append(("assess --version", median_seconds(["--version"])))
    example = ROOT / "tests" / "data" / "proposal-ok.yaml"
    rows.append(("assess validate (mini)", median_seconds(
        ["validate", str(example), "--checklists", str(ROOT / "tests" / "data" / "checklists")])))
    for name, secs in rows:
        print(f"{name:40s} {secs * 1000:7.1f} ms")


def median_seconds_python() -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


if __name__ == "__main__":
    main()
