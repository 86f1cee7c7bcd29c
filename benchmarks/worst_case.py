"""The worst proposal `assess` accepts: every list at its limit (`documents.limits`), texts at
their longest, unbroken words; then `validate`, `score` and `report` on it, each in its own
process, with wall time and peak memory (maximum resident set size).

Run: `.venv/bin/python benchmarks/worst_case.py [--keep DIR]`. The figures go in the hardening
issue's note; the example is measured in the same run as the baseline.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from assess.documents.limits import ITEMS, MAX_NAME, MAX_TEXT, MAX_TITLE
from assess.documents.yamlsource import MAX_BYTES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "bac-giang-zalo-2019.yaml"
CHECKLIST = "vn-third-party-channel@1.1.0"
WORD = "Dữliệu" * (MAX_TEXT // 6)
"""One unbroken word as long as a text may be: it must wrap, not overprint."""


def _text(rng: random.Random, limit: int) -> str:
    """A text at its limit: half the time one unbroken word, else words."""
    return (WORD if rng.random() < 0.5 else " ".join(["Thông tin công dân"] * 250))[:limit]


def worst(seed: int = 7, budget: int = MAX_BYTES) -> dict[str, Any]:
    """Every list at its limit; as many long texts as the file-size limit leaves room for."""
    rng = random.Random(seed)
    n_zones, n_nodes, n_flows = ITEMS["zones"], ITEMS["nodes"], ITEMS["flows"]
    n_data, n_services = ITEMS["data"], ITEMS["services"]
    data = [{"id": f"d{i}", "name": f"Dữ liệu {i}",
             "class": rng.choice(["public", "internal", "personal", "sensitive-personal"])}
            for i in range(n_data)]
    ids = [d["id"] for d in data]
    countries = ["VN"] * 6 + ["SG", "US", "IE", "JP"]
    zones = [{"id": f"z{i}", "name": f"Vùng {i}", "country": rng.choice(countries),
              "operator": "op0" if i % 3 == 1 else f"op{1 + i % (ITEMS['operators'] - 1)}",
              "trust": ["government", "third-party", "untrusted"][i % 3]}
             for i in range(n_zones)]
    nodes = []
    for i in range(n_nodes):
        kind = ["actor", "process", "datastore", "external"][i % 4]
        node: dict[str, Any] = {"id": f"n{i}", "name": f"Nút {i}", "kind": kind,
                                "zone": f"z{rng.randrange(n_zones)}"}
        if kind == "datastore":
            node["stores"] = rng.sample(ids, 3)
        nodes.append(node)
    seen: set[tuple[int, int]] = set()
    flows = []
    while len(flows) < n_flows:
        u, v = rng.randrange(n_nodes), rng.randrange(n_nodes)
        if u == v or (u, v) in seen:
            continue
        seen.add((u, v))
        flows.append({"from": f"n{u}", "to": f"n{v}", "data": rng.sample(ids, 2),
                      "encryption": rng.choice(["none", "tls", "tls", "e2e", "unknown"]),
                      "authenticated": rng.random() < 0.8})
    doc: dict[str, Any] = {
        "kind": "proposal", "schema_version": 1, "id": "worst-case", "title": WORD[:MAX_TITLE],
        "submitted_by": {"organization": "UBND tỉnh Thử Nghiệm",
                         "contact": {"name": "Nguyễn Văn A"}},
        "submitted_on": "2026-12-01", "checklist": CHECKLIST,
        "channel": {"name": "Zalo OA Thử nghiệm", "operator": "op0", "kind": "official-account",
                    "exclusive": False},
        "operators": [{"id": f"op{i}", "name": f"Đơn vị {i}", "country": rng.choice(countries)}
                      for i in range(ITEMS["operators"])],
        "services": [{"id": f"s{i}", "name": f"Dịch vụ {i}", "data": rng.sample(ids, 5)}
                     for i in range(n_services)],
        "data_subjects": [{"category": f"Nhóm {i}", "count": 1000 * (i + 1)}
                          for i in range(ITEMS["data_subjects"])],
        "data": data, "zones": zones, "nodes": nodes, "flows": flows,
    }
    # Names at their longest everywhere, then descriptions at theirs until the file is near
    # its size limit: the report prints both.
    for item in [*nodes, *zones, *data, *doc["services"]]:
        item["name"] = _text(rng, MAX_NAME)
    described = [*data, *doc["services"]]
    rng.shuffle(described)
    size = len(yaml.safe_dump(doc, allow_unicode=True).encode("utf-8"))
    for item in described:
        extra = len(_text(rng, MAX_TEXT).encode("utf-8")) + 32
        if size + extra > budget * 0.97:
            break
        item["description"] = _text(rng, MAX_TEXT)
        size += extra
    return doc


def _measure(args: list[str]) -> tuple[float, float, int]:
    """(seconds, peak MiB, exit status) of one command in its own process."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *args], capture_output=True, text=True,
                          check=False)
    seconds = time.perf_counter() - start
    peak_kib = int(done.stderr.strip().splitlines()[-1])
    return seconds, peak_kib / 1024, done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="Folder to keep the proposal and outputs in.")
    opts = parser.parse_args()
    folder = opts.keep or Path(tempfile.mkdtemp(prefix="assess-worst-"))
    folder.mkdir(parents=True, exist_ok=True)
    proposal = folder / "worst-case.yaml"
    proposal.write_text(yaml.safe_dump(worst(), allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    exe = str(Path(sys.executable).with_name("assess"))
    print(f"worst case: {proposal} ({proposal.stat().st_size:,} bytes; limits {ITEMS}, "
          f"texts ≤ {MAX_TEXT:,} characters)")
    for name, path in (("example", EXAMPLE), ("worst", proposal)):
        for step, args in (("validate", ["validate", str(path)]),
                           ("score", ["score", str(path), "--json"]),
                           ("report", ["report", str(path), "-o", str(folder / f"{name}.pdf"),
                                       ])):
            seconds, mib, code = _measure([exe, *args])
            print(f"{name:8} {step:8} {seconds:7.2f} s  {mib:8.1f} MiB peak  exit {code}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
