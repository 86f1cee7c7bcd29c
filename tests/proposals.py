"""Hand-built proposals for the graph tests: a few lines per data-flow diagram, not a YAML file each."""

from __future__ import annotations

from typing import Any

import yaml

from assess.documents.loading import Loaded, parse_model
from assess.documents.models import Proposal
from assess.documents.yamlsource import parse

Z = tuple[str, str, str] | tuple[str, str, str, str]  # id, country, trust[, operator = ID]
N = tuple[str, str, str] | tuple[str, str, str, dict[str, Any]]  # id, kind, zone[, extra]
F = tuple[str, str, str, str] | tuple[str, str, str, str, bool]  # from, to, "d1 d2", enc[, auth]


def document(*, zones: list[Z], nodes: list[N], flows: list[F], data: dict[str, str],
             services: dict[str, str] | None = None, names: dict[str, str] | None = None,
             tags: dict[str, str] | None = None, **extra: Any) -> dict[str, Any]:
    """A proposal as plain data; `data` maps id -> class, `services` id -> "d1 d2", `names` a
    zone, node, data or service id -> its name (else the id), `tags` a data id -> "t1 t2"."""
    names = names or {}
    doc: dict[str, Any] = {
        "kind": "proposal", "schema_version": 1, "id": "t", "title": "Thử nghiệm",
        "submitted_by": {"organization": "UBND tỉnh Thử Nghiệm", "contact": {"name": "A"}},
        "submitted_on": "2026-03-01", "checklist": "mini@1.0.0",
        "channel": {"name": "Zalo OA", "operator": "ZALO", "operator_country": "VN",
                    "kind": "official-account", "exclusive": False},
        # By default one service that keeps to the platform's console: the rules see what is
        # drawn, and the scope's presumptions (the inventory with the channel) stay in view.
        "services": ([{"id": s, "name": names.get(s, s), "data": ds.split()}
                      for s, ds in services.items()]
                     if services is not None else
                     [{"id": "console", "name": "console", "data": list(data),
                       "reaches_province_systems": False}]),
        "data": [{"id": d, "name": names.get(d, d), "class": c,
                  **({"tags": tags[d].split()} if tags and d in tags else {})}
                 for d, c in data.items()],
        "zones": [{"id": z[0], "name": names.get(z[0], z[0]), "country": z[1], "trust": z[2],
                   "operator": z[3] if len(z) > 3 else z[0].upper()} for z in zones],  # type: ignore[misc]
        "nodes": [{"id": n[0], "name": names.get(n[0], n[0]), "kind": n[1], "zone": n[2],
                   **(n[3] if len(n) > 3 else {})} for n in nodes],  # type: ignore[misc]
        "flows": [{"from": f[0], "to": f[1], "data": f[2].split(), "encryption": f[3],
                   "authenticated": f[4] if len(f) > 4 else True} for f in flows],  # type: ignore[misc]
    }
    doc.update(extra)
    return doc


def make(**kw: Any) -> Proposal:
    return Proposal.model_validate(document(**kw))


def loaded(**kw: Any) -> Loaded[Proposal]:
    """Through the real YAML path, as `assess score` reads a file."""
    source = parse(yaml.safe_dump(document(**kw), allow_unicode=True).encode(), "p.yaml")
    return Loaded(parse_model(source, Proposal), source)


def store(*data: str, enc: str = "yes", days: int | None = 30,
          evidence: bool = True) -> dict[str, Any]:
    """A datastore's extra fields (with evidence, so that outside a government zone its claims
    about encryption and retention count)."""
    out: dict[str, Any] = {"stores": list(data), "encrypted_at_rest": enc}
    if days is not None:
        out["retention_days"] = days
    if evidence:
        out["evidence"] = ["Hợp đồng thử nghiệm, Điều 1"]
    return out


RELAY: dict[str, Any] = {"retains": False, "evidence": ["Hợp đồng thử nghiệm, Điều 2"]}
"""A node outside the state's systems shown, with evidence, to keep nothing it receives."""


# The usual shape: a citizen, a platform in Vietnam, a province.
ZONES: list[Z] = [("home", "VN", "untrusted"), ("zalo", "VN", "third-party"),
                  ("gov", "VN", "government")]
