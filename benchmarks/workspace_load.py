"""The workspace under load: simulated users browsing and commenting, against 127.0.0.1 only.

Goal (issue 16): p95 under 150 ms for every page that does not render a PDF, on SQLite, on
PostgreSQL, and with two server processes sharing one PostgreSQL; nothing lost (every comment
posted is in the database afterwards).

Each setup gets a fresh database seeded with provinces, accounts and dossiers (one version each,
the Bắc Ninh example), and real `uvicorn` server processes. `--users` threads (50 by default),
each with its own signed-in session, first open every page once (the first view of a version
computes its assessment and lays out its diagram; later views hit the cache, as in use), then
make `--requests` requests each, in turn: the dossier list, a dossier, a version, its diagram,
a comment, pausing between them as a person reading does (`--think`, 1 s on average; 0 to
saturate the server instead). The run is bounded by that count and by `--seconds`.

Run: `.venv/bin/python benchmarks/workspace_load.py` (or `make bench-workspace`); the table is
printed and written to reports/workspace-load.json. PostgreSQL is started from Debian's
binaries in a temporary folder, as the tests do; without them its setups are skipped (said).

The users are spread over `--clients` processes (10 by default): in one Python process 50 client
threads wait for each other's interpreter lock, and a response waiting there was counted as
the server's time (`--clients 1` measures that way).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assess.workspace.services import accounts, dossiers  # noqa: E402
from assess.workspace.services.access import Actor, Role  # noqa: E402
from assess.workspace.storage.database import open_database  # noqa: E402

PROPOSAL = ROOT / "examples" / "bac-ninh-zalo-notifications.yaml"
PASSWORD = "mật khẩu đủ dài cho thử tải"
HOST = "127.0.0.1"
PROVINCES = ("bac-ninh", "quang-tri", "bac-giang", "ha-giang", "lao-cai")
DOSSIERS_PER_PROVINCE = 4
PAGES = ("dossiers", "dossier", "version", "diagram", "comment")


@dataclass
class Result:
    setup: str
    times: dict[str, list[float]] = field(default_factory=lambda: {p: [] for p in PAGES})
    errors: int = 0
    posted: list[str] = field(default_factory=list)
    stored: int = 0
    seconds: float = 0.0

    def row(self, page: str) -> dict[str, float | int | str]:
        t = sorted(self.times[page])
        if not t:
            return {"setup": self.setup, "page": page, "n": 0}
        p95 = t[min(len(t) - 1, round(0.95 * len(t)) - 1)]
        return {"setup": self.setup, "page": page, "n": len(t),
                "p50_ms": round(statistics.median(t) * 1000, 1),
                "p95_ms": round(p95 * 1000, 1), "max_ms": round(t[-1] * 1000, 1)}


def _port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def seed(url: str, users: int) -> list[tuple[str, str, list[int]]]:
    """Organisations, `users` accounts (a ministry reviewer for every fifth), dossiers; each
    account's username, role and the versions it may see."""
    db = open_database(url)
    accounts.add_organisation(db, None, "bo-kh-cn", "Bộ Khoa học và Công nghệ", "ministry")
    versions: dict[str, list[int]] = {}
    for p in PROVINCES:
        accounts.add_organisation(db, None, p, f"UBND tỉnh {p}", "province")
        owner = accounts.add_user(db, None, username=f"{p}.owner", name=f"Cán bộ {p}",
                                  organisation=p, role=Role.SUBMITTER, password=PASSWORD)
        actor = Actor(owner.id, Role.SUBMITTER, p)
        for i in range(DOSSIERS_PER_PROVINCE):
            d = dossiers.create_dossier(db, actor, f"Zalo OA {p} {i + 1}")
            v = dossiers.upload(db, actor, d.id, PROPOSAL.read_bytes(), PROPOSAL.name)
            dossiers.submit(db, actor, d.id)
            versions.setdefault(p, []).append(v.id)
    everything = [v for vs in versions.values() for v in vs]
    out = []
    for i in range(users):
        if i % 5 == 0:
            name = f"rv.{i}"
            accounts.add_user(db, None, username=name, name=f"Thẩm định viên {i}",
                              organisation="bo-kh-cn", role=Role.REVIEWER, password=PASSWORD)
            out.append((name, "reviewer", everything))
        else:
            p = PROVINCES[i % len(PROVINCES)]
            name = f"{p}.{i}"
            accounts.add_user(db, None, username=name, name=f"Cán bộ {i}", organisation=p,
                              role=Role.SUBMITTER, password=PASSWORD)
            out.append((name, "submitter", versions[p]))
    db.close()
    return out


@contextmanager
def servers(url: str, workers: int) -> Iterator[str]:
    """`uvicorn` serving the workspace on 127.0.0.1 with `workers` processes."""
    port = _port()
    env = {**os.environ, "ASSESS_DATABASE_URL": url}
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "assess.workspace.web.app:from_environment",
         "--host", HOST, "--port", str(port), "--workers", str(workers), "--log-level", "warning"],
        env=env, cwd=ROOT)
    base = f"http://{HOST}:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/login", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise RuntimeError("the server did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _csrf(text: str) -> str:
    marker = 'name="csrf" value="'
    start = text.index(marker) + len(marker)
    return text[start:text.index('"', start)]


def user_run(base: str, name: str, visible: list[int], requests: int, seconds: float,
             result: Result, lock: threading.Lock, index: int, think: float,
             ready: Barrier) -> None:
    """Sign in and warm up, wait until every user has (`ready`), then browse and time."""
    pause = random.Random(index)
    with httpx.Client(base_url=base, follow_redirects=False, timeout=30) as c:
        form = c.get("/login")
        r = c.post("/login", data={"username": name, "password": PASSWORD,
                                   "csrf": _csrf(form.text)})
        if r.status_code != 303:
            with lock:
                result.errors += 1
            ready.wait()
            return
        csrf = _csrf(c.get("/dossiers").text)
        dossier_of = {}
        for v in visible:  # warm: the first view of a version computes it (once per process)
            page = c.get(f"/versions/{v}")
            dossier_of[v] = int(page.text.split('href="/dossiers/', 1)[1].split('"', 1)[0])
        # Timing starts when all have signed in and warmed up: 50 argon2 checks and the first
        # views of 20 versions are a burst of a few seconds' work, not the steady use measured.
        ready.wait()
        deadline = time.monotonic() + seconds
        if think:  # people do not all click at the same instant when the barrier lifts
            time.sleep(think * pause.uniform(0, 1))
        n = 0
        while n < requests and time.monotonic() < deadline:
            v = visible[n % len(visible)]
            kind = PAGES[n % len(PAGES)]
            body = f"Ý kiến {name} #{n}"
            start = time.perf_counter()
            if kind == "dossiers":
                r = c.get("/dossiers")
            elif kind == "dossier":
                r = c.get(f"/dossiers/{dossier_of[v]}")
            elif kind == "version":
                r = c.get(f"/versions/{v}")
            elif kind == "diagram":
                r = c.get(f"/versions/{v}/diagram.svg")
            else:
                r = c.post(f"/versions/{v}/comments", data={"csrf": csrf, "body": body})
            took = time.perf_counter() - start
            ok = r.status_code == (303 if kind == "comment" else 200)
            with lock:
                if ok:
                    result.times[kind].append(took)
                    if kind == "comment":
                        result.posted.append(body)
                else:
                    result.errors += 1
            n += 1
            if think:  # a person reads a page before the next: 0.5 to 1.5 times `think`
                time.sleep(think * pause.uniform(0.5, 1.5))


def client_run(base: str, people: list[tuple[int, str, list[int]]], requests: int,
               seconds: float, think: float, ready: Barrier, out: Queue[Result]) -> None:
    """One client process: a thread per user. Users are spread over processes so that the
    clients' own Python (one interpreter lock per process) does not add its waits to the
    times measured: with 50 threads in one process a response sat waiting for the lock."""
    result = Result("")
    lock = threading.Lock()
    threads = [threading.Thread(target=user_run, args=(base, name, visible, requests, seconds,
                                                        result, lock, index, think, ready))
               for index, name, visible in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.put(result)


def run_setup(setup: str, url: str, workers: int, users: int, requests: int,
              seconds: float, think: float, clients: int) -> Result:
    from multiprocessing import get_context

    people = [(i, name, visible) for i, (name, _, visible) in enumerate(seed(url, users))]
    result = Result(setup)
    context = get_context("fork")
    ready, out = context.Barrier(len(people) + 1), context.Queue()
    with servers(url, workers) as base:
        shares = [people[k::clients] for k in range(clients) if people[k::clients]]
        procs = [context.Process(target=client_run, args=(base, share, requests, seconds,
                                                          think, ready, out))
                 for share in shares]
        for proc in procs:
            proc.start()
        ready.wait()
        start = time.monotonic()
        for _ in procs:
            part = out.get(timeout=seconds + 600)
            for page, times in part.times.items():
                result.times[page] += times
            result.errors += part.errors
            result.posted += part.posted
        result.seconds = time.monotonic() - start
        for proc in procs:
            proc.join()
    db = open_database(url)
    from sqlalchemy import select

    from assess.workspace.storage import events
    from assess.workspace.storage.schema import Comment

    with db.sessions() as s:
        bodies = set(s.execute(select(Comment.body)).scalars())
        assert events.verify(s).ok, "the event chain broke under load"
    db.close()
    result.stored = len(set(result.posted) & bodies)
    return result


@contextmanager
def postgres() -> Iterator[str | None]:
    """A throwaway PostgreSQL server (as the tests start one); None without the binaries."""
    from tests.workspace.conftest import (
        SERVER_USER,
        SUPERUSER,
        chown_tree,
        postgres_bin_dir,
        run,
    )

    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        yield None
        return
    prefix = ["runuser", "-u", SERVER_USER, "--"] if os.geteuid() == 0 else []
    tmp = Path(tempfile.mkdtemp(prefix="assess-pg-", dir="/tmp"))
    data, sock = tmp / "data", tmp / "sock"
    sock.mkdir()
    tmp.chmod(0o755)
    if prefix:
        chown_tree(tmp, SERVER_USER)
    pg_ctl = [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data)]
    try:
        run([*prefix, str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
             "-E", "UTF8", "--no-locale", "--no-sync"], cwd=tmp)
        options = f"-k {sock} -c listen_addresses='' -c fsync=off -c max_connections=200"
        run([*pg_ctl, "-o", options, "-w", "-l", str(tmp / "log"), "start"], cwd=tmp)
        yield f"postgresql+psycopg://{SUPERUSER}@/postgres?host={sock}"
    finally:
        run([*pg_ctl, "-m", "fast", "-w", "stop"], cwd=tmp)
        shutil.rmtree(tmp, ignore_errors=True)


def _fresh(admin_url: str, name: str) -> str:
    import psycopg

    host = admin_url.split("host=", 1)[1]
    with psycopg.connect(host=host, user="assess", dbname="postgres", autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    return admin_url.replace("/postgres?", f"/{name}?")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--requests", type=int, default=40, help="per user, after warming up")
    parser.add_argument("--seconds", type=float, default=120, help="cap on each setup's run")
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean seconds a user waits between requests (0: none, to saturate)")
    parser.add_argument("--clients", type=int, default=10,
                        help="client processes the users are spread over (1: all in one)")
    parser.add_argument("--output", type=Path, default=ROOT / "reports" / "workspace-load.json")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        results.append(run_setup("sqlite, 1 process", f"sqlite:///{tmp}/load.db", 1,
                                 args.users, args.requests, args.seconds, args.think,
                                 args.clients))
    with postgres() as admin:
        if admin is None:
            print("PostgreSQL binaries not found: its setups are skipped")
        else:
            results.append(run_setup("postgresql, 1 process", _fresh(admin, "load1"), 1,
                                     args.users, args.requests, args.seconds, args.think,
                                 args.clients))
            results.append(run_setup("postgresql, 2 processes", _fresh(admin, "load2"), 2,
                                     args.users, args.requests, args.seconds, args.think,
                                 args.clients))
    rows = [r.row(p) for r in results for p in PAGES]
    print(f"{'setup':26} {'page':9} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for row in rows:
        print(f"{row['setup']!s:26} {row['page']!s:9} {row['n']!s:>5} {row.get('p50_ms', '-')!s:>8}"
              f" {row.get('p95_ms', '-')!s:>8} {row.get('max_ms', '-')!s:>8}")
    failed = False
    for r in results:
        lost = len(r.posted) - r.stored
        print(f"{r.setup}: {sum(len(t) for t in r.times.values())} requests in {r.seconds:.1f} s, "
              f"{r.errors} errors, {len(r.posted)} comments posted, {lost} lost")
        failed |= lost > 0 or r.errors > 0
        failed |= any(r.row(p).get("p95_ms", 0) > 150 for p in PAGES)  # type: ignore[operator]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"rows": rows, "runs": [
        {"setup": r.setup, "seconds": round(r.seconds, 1), "errors": r.errors,
         "comments_posted": len(r.posted), "comments_stored": r.stored} for r in results]},
        ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.output}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
