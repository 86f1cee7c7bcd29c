"""Generated proposals for the property tests: random diagrams, scope and answers."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from assess.documents.models import Checklist

CLASSES = ["public", "internal", "personal", "sensitive-personal"]
COUNTRIES = ["VN", "VN", "VN", "SG", "US"]
TRUST = ["government", "third-party", "untrusted"]
KINDS = ["actor", "process", "datastore", "external"]
ENCRYPTION = ["none", "tls", "e2e", "unknown"]
STATUSES = ["met", "met", "met", "partial", "not-met", "unknown", "not-applicable"]


@st.composite
def proposals(draw: st.DrawFn, checklist: Checklist, *, all_met: bool = False
              ) -> dict[str, Any]:
    """A proposal with a random data-flow diagram; its answers random, or every one 'met'
    without evidence (the most a province can claim)."""
    n_data = draw(st.integers(1, 4))
    data = [{"id": f"d{i}", "name": f"Dữ liệu {i}", "class": draw(st.sampled_from(CLASSES))}
            for i in range(n_data)]
    data_ids = [d["id"] for d in data]
    n_zones = draw(st.integers(1, 4))
    zones = [{"id": f"z{i}", "name": f"Vùng {i}", "country": draw(st.sampled_from(COUNTRIES)),
              "operator": f"Op{i}", "trust": draw(st.sampled_from(TRUST))} for i in range(n_zones)]
    nodes = []
    for i in range(draw(st.integers(2, 7))):
        kind = draw(st.sampled_from(KINDS))
        node: dict[str, Any] = {"id": f"n{i}", "name": f"Nút {i}", "kind": kind,
                                "zone": f"z{draw(st.integers(0, n_zones - 1))}"}
        if kind == "datastore":
            node["stores"] = sorted(set(draw(st.lists(st.sampled_from(data_ids), max_size=3))))
            node["encrypted_at_rest"] = draw(st.sampled_from(["yes", "no", "unknown"]))
            node["retention_days"] = draw(st.one_of(st.none(), st.integers(1, 3650)))
            if draw(st.booleans()):
                node["evidence"] = ["Tài liệu thử nghiệm"]
        nodes.append(node)
    ids = [n["id"] for n in nodes]
    pairs = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=10,
                          unique=True))
    flows = [{"from": u, "to": v, "encryption": draw(st.sampled_from(ENCRYPTION)),
              "authenticated": draw(st.booleans()),
              "data": sorted(set(draw(st.lists(st.sampled_from(data_ids), min_size=1,
                                               max_size=3))))}
             for u, v in pairs if u != v]
    services = [{"id": f"s{i}", "name": f"Dịch vụ {i}",
                 "data": sorted(set(draw(st.lists(st.sampled_from(data_ids), max_size=3)))),
                 "reaches_province_systems": draw(st.booleans())}
                for i in range(draw(st.integers(0, 2)))]
    answers: dict[str, Any] = {}
    for c in checklist.controls():
        if all_met:
            answers[c.id] = {"status": "met"}
            continue
        if draw(st.integers(0, 9)) == 0:
            continue  # left unanswered
        answer: dict[str, Any] = {"status": draw(st.sampled_from(STATUSES))}
        if draw(st.booleans()):
            answer["evidence"] = ["Văn bản thử nghiệm"]
        answers[c.id] = answer
    return {
        "kind": "proposal", "schema_version": 1, "id": "generated", "title": "Sinh tự động",
        "submitted_by": {"organization": "UBND tỉnh Thử Nghiệm", "contact": {"name": "A"}},
        "submitted_on": "2026-09-01", "checklist": checklist.ref,
        "channel": {"name": "Kênh", "operator": "Op", "kind": "official-account",
                    "operator_country": draw(st.sampled_from(COUNTRIES)), "exclusive": False},
        "services": services,
        "data_subjects": [{"category": "Người dân", "count": draw(st.integers(0, 500_000))}],
        "data": data, "zones": zones, "nodes": nodes, "flows": flows, "answers": answers,
    }
