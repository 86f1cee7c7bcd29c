"""The workspace's portfolio page for 34 provinces × 3 dossiers (issue 17, part 4).

Goal: the page renders in under one second. `populate` builds the workspace the page reads: the
34 provincial units of examples/portfolio, each with three dossiers of its proposal (each a
different proposal: its id and number of people served differ, so no two share a hash and
nothing is computed once for three): the first decided with the verdict its controls allow
(conditional ones with a condition, overdue for every other unit), the second submitted, the
third a draft.

Measured, in one process on a fresh SQLite file: the first request (every assessment computed,
as after a server restart), then the page warm, as the reviewers see it (assessments are cached
per process: a version never changes), with a filter and a sort, the due page, and the CSV.
Run: `.venv/bin/python benchmarks/workspace_portfolio.py [--rounds N]`; the figures are printed
and written to reports/workspace-portfolio-<copies>.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assess.workspace.services import accounts, decisions, dossiers  # noqa: E402
from assess.workspace.services import portfolio as counted  # noqa: E402
from assess.workspace.services.access import Actor, Role  # noqa: E402
from assess.workspace.storage.database import Database, open_database  # noqa: E402

PORTFOLIO = ROOT / "examples" / "portfolio"
PASSWORD = "mật khẩu đủ dài cho thử tải"
MINISTRY = "bo-kh-cn"


def _variant(text: str, copy: int) -> str:
    """The proposal as the unit's `copy`-th dossier: another id and audience, so another hash."""
    if copy == 0:
        return text
    text = re.sub(r"^id: (\S+)$", rf"id: \1-{copy + 1}", text, count=1, flags=re.M)
    return re.sub(r"^(\s+count: )(\d+)$", lambda m: f"{m[1]}{int(m[2]) + copy * 1000}", text,
                  count=1, flags=re.M)


def populate(db: Database, units: int = 34, copies: int = 3) -> Actor:
    """The ministry, `units` provinces with `copies` dossiers each; the reviewer who decided."""
    accounts.add_organisation(db, None, MINISTRY, "Bộ Khoa học và Công nghệ", "ministry")
    reviewer = accounts.add_user(db, None, username="rv.pham", name="Phạm Minh Đức",
                                 organisation=MINISTRY, role=Role.REVIEWER, password=PASSWORD)
    rv = Actor(reviewer.id, Role.REVIEWER, MINISTRY)
    for i, path in enumerate(sorted(PORTFOLIO.glob("*.yaml"))[:units]):
        text = path.read_text(encoding="utf-8")
        org = re.sub(r"-(zalo|messenger)-.*$", "", path.stem)
        name = re.search(r"^    vi: (UBND .+)$", text, flags=re.M)
        accounts.add_organisation(db, None, org, name[1] if name else org, "province")
        user = accounts.add_user(db, None, username=f"{org}.cb", name=f"Cán bộ {org}",
                                 organisation=org, role=Role.SUBMITTER, password=PASSWORD)
        me = Actor(user.id, Role.SUBMITTER, org)
        for copy in range(copies):
            d = dossiers.create_dossier(db, me, f"Kênh {copy + 1} của {org}")
            v = dossiers.upload(db, me, d.id, _variant(text, copy).encode("utf-8"), path.name)
            if copy == copies - 1 and copies > 1:
                continue  # a draft
            dossiers.submit(db, me, d.id)
            if copy == 0:
                verdict = dossiers.assessment(db, rv, v.id).verdict.value
                due = dt.date(2026, 1, 15) if i % 2 else dt.date(2099, 1, 15)
                conditions = [decisions.ConditionIn(
                    "Ký phụ lục xử lý dữ liệu với nhà cung cấp nền tảng", "CON-01",
                    "Sở Khoa học và Công nghệ", due)] if verdict == "conditional" else []
                decisions.decide(db, rv, v.id, verdict=verdict, rationale="Theo kết quả đánh giá.",
                                 position="Chuyên viên", conditions=conditions)
    return rv


def _timed(call: object, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()  # type: ignore[operator]
        out.append(time.perf_counter() - start)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--copies", type=int, default=3,
                        help="dossiers per province (3: the issue's 102; 10: past the "
                        "assessments' own cache of 256)")
    args = parser.parse_args()
    from fastapi.testclient import TestClient

    from assess.workspace.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{tmp}/bench.db")
        start = time.perf_counter()
        populate(db, copies=args.copies)
        seeded = time.perf_counter() - start
        dossiers._assessment.cache_clear()  # type: ignore[attr-defined]  # as after a restart
        dossiers._inputs.cache_clear()  # type: ignore[attr-defined]
        decisions._reviewed.cache_clear()  # type: ignore[attr-defined]
        counted._counted.cache_clear()  # type: ignore[attr-defined]
        client = TestClient(create_app(db))
        form = client.get("/login")
        token = re.search(r'name="csrf" value="([^"]+)"', form.text)
        assert token is not None
        r = client.post("/login", data={"username": "rv.pham", "password": PASSWORD,
                                        "csrf": token[1]}, follow_redirects=False)
        assert r.status_code == 303, r.text

        def get(url: str) -> None:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        cold = _timed(lambda: get("/portfolio"), 1)[0]
        pages = {"portfolio": "/portfolio",
                 "portfolio, filtered and sorted": "/portfolio?attention=blockers&sort=score&desc=1",
                 "due": "/due", "portfolio.csv": "/portfolio.csv",
                 "dossier list (baseline)": "/dossiers"}
        figures = {name: _timed(lambda u=url: get(u), args.rounds) for name, url in pages.items()}
        db.close()
    result = {"dossiers": 34 * args.copies, "seeded_s": round(seeded, 2),
              "cold_first_request_s": round(cold, 3),
              "warm": {name: {"median_s": round(statistics.median(v), 4),
                              "max_s": round(max(v), 4)} for name, v in figures.items()},
              "goal_s": 1.0}
    base = statistics.median(figures["dossier list (baseline)"])
    print(f"34 provinces × {args.copies} dossiers (seeded in {seeded:.1f} s)")
    print(f"  first request, every assessment computed: {cold:.3f} s")
    for name, v in figures.items():
        med = statistics.median(v)
        print(f"  {name:32} median {med * 1000:7.1f} ms  max {max(v) * 1000:7.1f} ms  "
              f"{med / base:5.2f}× the dossier list")
    out = ROOT / "reports" / f"workspace-portfolio-{args.copies}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    worst = max(statistics.median(v) for k, v in figures.items() if k.startswith("portfolio"))
    print(f"  goal: under 1 s warm — {'met' if worst < 1.0 else 'missed'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
