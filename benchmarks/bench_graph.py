"""Graph rules and the exposure matrix on generated proposals of 1k, 10k and 50k flows.

Goal (issue 4): 50k flows in ≤ 1 s, and near-linear growth. Each round builds a fresh graph
outside the timing (the reachability index is cached per graph, so reusing one would time a
warm cache). Run: `.venv/bin/pytest benchmarks/bench_graph.py --benchmark-enable`.
"""

from __future__ import annotations

import gc
import random
from typing import Any

import pytest

from assess.documents.models import Proposal
from assess.engine.exposure import exposure_matrix
from assess.engine.graph import FlowGraph, build
from assess.engine.vocabulary import run

SIZES = (1_000, 10_000, 50_000)
# Mostly Vietnamese zones, mostly TLS: a large but plausible province, where a few percent of
# the flows are findings (a random graph with every country equally likely flags half of them).
COUNTRIES = ("VN",) * 17 + ("SG", "US", "IE")
TRUSTS = ("government", "third-party", "untrusted")
CLASSES = ("public",) * 3 + ("internal",) * 2 + ("personal",) * 4 + ("sensitive-personal",)
ENCRYPTIONS = ("none",) + ("tls",) * 16 + ("e2e",) * 3


def _zones(count: int) -> list[dict[str, Any]]:
    """Countries and trust cycle with the zone's number, so every size has the same mix."""
    return [{"id": f"z{i}", "name": f"Vùng {i}", "country": COUNTRIES[i * 7 % len(COUNTRIES)],
             "operator": f"op{i % max(1, count // 2)}", "trust": TRUSTS[i % 3]}
            for i in range(count)]


def _nodes(rng: random.Random, count: int, zones: int, data: list[str]) -> list[dict[str, Any]]:
    """A tenth actors (citizens, staff), then processes, a fifth datastores."""
    out = []
    for i in range(count):
        kind = "actor" if i < count // 10 else "datastore" if i % 5 == 0 else "process"
        node: dict[str, Any] = {"id": f"n{i}", "name": f"Nút {i}", "kind": kind,
                                "zone": f"z{rng.randrange(zones)}"}
        if kind == "datastore":
            node["stores"] = rng.sample(data, rng.randint(1, 3))
            node["encrypted_at_rest"] = rng.choice(("yes",) * 8 + ("no", "unknown"))
            node["retention_days"] = rng.choice((None, 30, 90, 365, 1825))
        out.append(node)
    return out


def _flows(rng: random.Random, count: int, nodes: list[dict[str, Any]],
           data: list[str]) -> list[dict[str, Any]]:
    """Actors send to processes; processes to processes and datastores; datastores back out."""
    actors = [n["id"] for n in nodes if n["kind"] == "actor"]
    inner = [n["id"] for n in nodes if n["kind"] != "actor"]
    seen: set[tuple[str, str]] = set()
    out = []
    while len(out) < count:
        u = rng.choice(actors) if rng.random() < 0.25 else rng.choice(inner)
        v = rng.choice(inner)
        if u == v or (u, v) in seen:
            continue
        seen.add((u, v))
        out.append({"from": u, "to": v, "data": rng.sample(data, rng.randint(1, 3)),
                    "encryption": rng.choice(ENCRYPTIONS), "authenticated": rng.random() < 0.95})
    return out


_LAST: dict[int, Proposal] = {}


def proposal(flows: int) -> Proposal:
    """The proposal of that size, generated once; only the last one is kept, so a large run is
    not timed with the smaller proposals still in memory."""
    if flows not in _LAST:
        _LAST.clear()
        gc.collect()
        _LAST[flows] = generate(flows)
    return _LAST[flows]


def generate(flows: int, seed: int = 4) -> Proposal:
    """A plausible province-scale proposal: about one node per two flows, 60 data items."""
    rng = random.Random(seed)
    classes = random.Random(seed)  # its own stream: the same data inventory at every size
    data = [f"d{i}" for i in range(60)]
    inventory = [{"id": d, "name": d, "class": classes.choice(CLASSES)} for d in data]
    zones = max(20, flows // 400)
    nodes = _nodes(rng, flows // 2, zones, data)
    return Proposal.model_validate({
        "kind": "proposal", "schema_version": 1, "id": f"bench-{flows}", "title": "Đo hiệu năng",
        "submitted_by": {"organization": "UBND tỉnh", "contact": {"name": "A"}},
        "submitted_on": "2026-03-01", "checklist": "mini@1.0.0",
        "channel": {"name": "Zalo OA", "operator": "VNG", "operator_country": "VN",
                    "kind": "official-account", "exclusive": False},
        "services": [{"id": f"s{i}", "name": f"Dịch vụ {i}", "data": rng.sample(data, 3)}
                     for i in range(10)],
        "data": inventory, "zones": _zones(zones), "nodes": nodes, "flows": _flows(rng, flows, nodes, data),
    })


def rules_and_exposure(fg: FlowGraph) -> int:
    hits = sum(len(r.hits) for r in run(fg).values())
    return hits + len(exposure_matrix(fg))


@pytest.mark.parametrize("flows", SIZES, ids=[f"{n // 1000}k" for n in SIZES])
def test_rules_and_exposure(benchmark: Any, flows: int) -> None:
    p = proposal(flows)

    def fresh() -> tuple[tuple[FlowGraph], dict[str, Any]]:
        fg = build(p)
        gc.collect()  # the last round's garbage is not this round's cost
        return (fg,), {}

    found = benchmark.pedantic(rules_and_exposure, setup=fresh, rounds=5 if flows > 10_000 else 10)
    assert found > 0
    benchmark.extra_info["flows"] = flows


@pytest.mark.parametrize("flows", SIZES, ids=[f"{n // 1000}k" for n in SIZES])
def test_build_graph(benchmark: Any, flows: int) -> None:
    """For reference: building the graph's columns, which every assessment also pays (its
    networkx view is built only when asked for: `FlowGraph.g`)."""
    p = proposal(flows)
    fg = benchmark.pedantic(build, args=(p,), rounds=5 if flows > 10_000 else 10)
    assert len(fg.cols.src) == flows
