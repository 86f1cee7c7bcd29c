"""The spreadsheet questionnaire: export and import of the vn-third-party-channel checklist the
Bắc Giang example answers (1.0.0, 63 controls), pre-filled from it; against a baseline measured in
the same run, the same proposal's YAML loaded and validated (what `assess validate` does).

Run: `.venv/bin/python benchmarks/bench_questionnaire.py` for the figures alone, or
`.venv/bin/pytest benchmarks/bench_questionnaire.py --benchmark-enable` (pytest-benchmark tables).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "bac-giang-zalo-2019.yaml"
CHECKLIST = "vn-third-party-channel@1.0.0"
ROUNDS = 7


def export_run(out: Path) -> bytes:
    """What `assess questionnaire export --proposal EXAMPLE --checklist CHECKLIST` does."""
    from assess.checklists.catalog import Catalog
    from assess.checklists.loading import load_inputs
    from assess.core.files import write_atomic
    from assess.workflows.questionnaire.export import export_workbook

    i = load_inputs(EXAMPLE, Catalog(), checklist=CHECKLIST)
    data = export_workbook(i.checklist.doc, i.proposal.doc, i.proposal.source)
    write_atomic(out, data)
    return data


def import_run(xlsx: Path, out: Path) -> Any:
    """What `assess questionnaire import XLSX -o OUT` does."""
    from assess.core.files import write_atomic
    from assess.workflows.questionnaire.reading import import_workbook

    result = import_workbook(xlsx, output_name=str(out))
    write_atomic(out, result.text)
    return result


def validate_run(path: Path) -> Any:
    """The baseline: the same proposal as YAML, loaded and validated."""
    from assess.checklists.catalog import Catalog
    from assess.checklists.loading import load_inputs

    return load_inputs(path, Catalog())


def _timed(func: Any, *args: Any) -> float:
    start = time.perf_counter()
    func(*args)
    return time.perf_counter() - start


def test_export(benchmark: Any, tmp_path: Path) -> None:
    data = benchmark(export_run, tmp_path / "form.xlsx")
    assert data[:2] == b"PK"


def test_import(benchmark: Any, tmp_path: Path) -> None:
    export_run(tmp_path / "form.xlsx")
    result = benchmark(import_run, tmp_path / "form.xlsx", tmp_path / "p.yaml")
    assert len(result.inputs.proposal.doc.answers) > 60


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        xlsx, out = Path(tmp) / "form.xlsx", Path(tmp) / "p.yaml"
        export_run(xlsx)  # warm: imports, the catalog's caches
        import_run(xlsx, out)
        validate_run(out)
        exports = [_timed(export_run, xlsx) for _ in range(ROUNDS)]
        imports = [_timed(import_run, xlsx, out) for _ in range(ROUNDS)]
        baseline = [_timed(validate_run, out) for _ in range(ROUNDS)]
        from assess.checklists.catalog import Catalog
        from assess.checklists.loading import resolve_checklist

        n = len(resolve_checklist(CHECKLIST, Catalog()).doc.controls())
        print(f"questionnaire, {CHECKLIST} ({n} controls), pre-filled from {EXAMPLE.name}, "
              f"{xlsx.stat().st_size:,} bytes:")
        print(f"  export: median {statistics.median(exports) * 1000:.0f} ms "
              f"(min {min(exports) * 1000:.0f} ms) over {ROUNDS} runs")
        print(f"  import: median {statistics.median(imports) * 1000:.0f} ms "
              f"(min {min(imports) * 1000:.0f} ms) over {ROUNDS} runs")
        base = statistics.median(baseline)
        print(f"  baseline (the imported YAML loaded and validated): median {base * 1000:.0f} ms;"
              f" export {statistics.median(exports) / base:.1f}×, import "
              f"{statistics.median(imports) / base:.1f}× the baseline")


if __name__ == "__main__":
    main()
