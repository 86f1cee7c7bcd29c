"""Scoring throughput without rendering: load once, evaluate many times.

Goal (issue 2): ≥ 5,000 assessments/s on the example proposal. Run: `make bench`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assess.checklists.catalog import Catalog
from assess.checklists.loading import load_inputs
from assess.engine.evaluate import evaluate

ROOT = Path(__file__).resolve().parent.parent
CASES = {
    "bac-giang": (ROOT / "examples" / "bac-giang-zalo-2019.yaml", []),  # on the zalo-oa profile
    "bac-ninh": (ROOT / "examples" / "bac-ninh-zalo-notifications.yaml", []),
    "legacy-bac-ninh": (ROOT / "tests" / "data" / "legacy" / "bac-ninh-zalo-notifications.yaml", []),
    "mini": (ROOT / "tests" / "data" / "proposal-ok.yaml", [ROOT / "tests" / "data" / "checklists"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_evaluate_throughput(benchmark, case: str) -> None:  # type: ignore[no-untyped-def]
    path, dirs = CASES[case]
    if not path.exists():
        pytest.skip(f"{path} not present")
    inputs = load_inputs(path, Catalog(dirs))
    proposal, checklist = inputs.proposal, inputs.checklist
    result = benchmark(evaluate, proposal, checklist, None, inputs.platform)
    assert result.verdict is not None
    if benchmark.stats is not None:
        per_second = 1.0 / benchmark.stats.stats.mean
        benchmark.extra_info["assessments_per_second"] = round(per_second)
        print(f"\n{case}: {per_second:,.0f} assessments/s "
              f"({len(checklist.doc.controls())} controls, {len(proposal.doc.flows)} flows)")


@pytest.mark.parametrize("case", sorted(CASES))
def test_load_and_evaluate(benchmark, case: str) -> None:  # type: ignore[no-untyped-def]
    path, dirs = CASES[case]
    if not path.exists():
        pytest.skip(f"{path} not present")
    catalog = Catalog(dirs)

    def run() -> object:
        i = load_inputs(path, catalog)
        return evaluate(i.proposal, i.checklist, None, i.platform)

    benchmark(run)
