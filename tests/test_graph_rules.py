"""Every graph rule on hand-built diagrams: where it fires, where it must not, and the path it names."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from assess.engine.graph import build
from assess.engine.rules import Hit
from assess.engine.vocabulary import RULES
from tests.proposals import RELAY, ZONES, loaded, make, store

PERSONAL = {"phone": "personal", "guide": "public"}
SENSITIVE = {"health": "sensitive-personal", "phone": "personal"}
SG = [*ZONES, ("sg", "SG", "third-party")]
GOV = [z for z in ZONES if z[2] == "government"]
"""Only the state's zone: an empty platform or citizens' zone is presumed to hold the data."""


def implied(h: Hit) -> bool:
    """A hit on what the scope presumes where the drawing shows nothing (tested on its own)."""
    return "undrawn" in h.element or h.element.startswith("zone:")


def hits(rule: str, *, with_implied: bool = False, **kw: Any) -> list[Hit]:
    """The rule's hits on what is drawn (and, asked for, on what the scope presumes)."""
    return [h for h in RULES[rule].check(build(make(**kw))) if with_implied or not implied(h)]


def only(rule: str, **kw: Any) -> Hit:
    found = hits(rule, **kw)
    assert len(found) == 1, found
    return found[0]


def test_all_eleven_rules_are_registered() -> None:
    assert set(RULES) == {"G-RES-STORE", "G-RES-XFER", "G-ENC-BOUNDARY", "G-E2E-SENSITIVE",
                            "G-REST-ENC", "G-RETENTION", "G-AUTH-INBOUND", "G-CHANNEL-EXCLUSIVE",
                            "G-ID-IMAGE", "G-INV-UNUSED", "G-INV-SERVICE"}


# -- G-RES-STORE ------------------------------------------------------------------------------

def test_store_abroad_names_the_store_and_how_data_got_there() -> None:
    h = only("G-RES-STORE", zones=SG, data=PERSONAL,
             nodes=[("citizen", "actor", "home"), ("bot", "process", "sg", RELAY),
                    ("db", "datastore", "sg", store("phone"))],
             flows=[("citizen", "bot", "phone", "tls"), ("bot", "db", "phone", "tls")])
    assert (h.element, h.path, h.data) == ("db", ("citizen", "bot", "db"), ("phone",))


def test_a_server_abroad_that_receives_personal_data_is_presumed_to_store_it() -> None:
    h = only("G-RES-STORE", zones=SG, data=PERSONAL,
             nodes=[("citizen", "actor", "home"), ("bot", "process", "sg")],
             flows=[("citizen", "bot", "phone", "tls")])
    assert (h.element, h.data) == ("bot", ("phone",))
    assert "Presumed: “bot” receives phone" in h.message.en and "Giả định" in h.message.vi
    assert "Singapore" in h.message.en  # a country by its name, never its code


def test_store_in_vietnam_or_public_abroad_passes() -> None:
    """A cache abroad that shows with evidence it keeps only public data holds no personal
    data (without the evidence, a zone abroad is presumed to: see the next test)."""
    nodes = [("citizen", "actor", "home"), ("db", "datastore", "zalo", store("phone")),
             ("cache", "datastore", "sg", store("guide"))]  # store() gives evidence
    assert hits("G-RES-STORE", zones=SG, data=PERSONAL, nodes=nodes,
                flows=[("citizen", "db", "phone", "tls")]) == []


def test_a_zone_declared_abroad_holds_the_channels_personal_data_unless_shown_otherwise() -> None:
    """Leaving the systems of a zone abroad out of the drawing, or the personal data out of
    them, does not take the data out of the zone."""
    base = [("citizen", "actor", "home"), ("db", "datastore", "zalo", store("phone"))]
    for extra in ([], [("cache", "datastore", "sg", store("guide", evidence=False))]):
        (h,) = hits("G-RES-STORE", with_implied=True, zones=SG, data=PERSONAL,
                    nodes=base + extra, flows=[("citizen", "db", "phone", "tls")])
        assert h.element == "zone:sg" and "phone" in h.message.en


# -- G-RES-XFER -------------------------------------------------------------------------------

def test_transfer_abroad_several_hops_from_the_citizen() -> None:
    h = only("G-RES-XFER", zones=SG, data=PERSONAL,
             nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo"),
                    ("backup", "process", "sg")],
             flows=[("citizen", "oa", "phone", "tls"), ("oa", "backup", "phone", "e2e")])
    assert (h.element, h.path) == ("oa->backup", ("citizen", "oa", "backup"))


def test_flows_inside_a_foreign_country_back_home_or_of_public_data_are_no_transfer() -> None:
    assert hits("G-RES-XFER", zones=SG, data=PERSONAL,
                nodes=[("bot", "process", "sg"), ("db", "datastore", "sg", store("phone")),
                       ("portal", "process", "gov")],
                flows=[("bot", "db", "phone", "tls"), ("bot", "portal", "phone", "tls"),
                       ("portal", "bot", "guide", "none")]) == []


# -- G-ENC-BOUNDARY ---------------------------------------------------------------------------

def test_unencrypted_boundary_path_starts_where_data_originates() -> None:
    h = only("G-ENC-BOUNDARY", zones=ZONES, data=PERSONAL,
             nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo"),
                    ("portal", "process", "gov")],
             flows=[("citizen", "oa", "phone", "tls"), ("oa", "portal", "phone", "none")])
    assert (h.element, h.path, h.data) == ("oa->portal", ("citizen", "oa", "portal"), ("phone",))


def test_unencrypted_inside_a_zone_encrypted_across_or_public_passes() -> None:
    assert hits("G-ENC-BOUNDARY", zones=ZONES, data=PERSONAL,
                nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo"),
                       ("db", "datastore", "zalo", store("phone")), ("portal", "process", "gov")],
                flows=[("citizen", "oa", "phone", "tls"), ("oa", "db", "phone", "none"),
                       ("portal", "oa", "guide", "none")]) == []


def test_unknown_encryption_across_a_boundary_counts_as_unencrypted() -> None:
    h = only("G-ENC-BOUNDARY", zones=ZONES, data=PERSONAL,
             nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo")],
             flows=[("citizen", "oa", "phone", "unknown")])
    assert h.element == "citizen->oa"
    assert "encryption unknown" in h.message.en and "chưa rõ có được mã hóa" in h.message.vi


# -- G-E2E-SENSITIVE --------------------------------------------------------------------------

def test_sensitive_data_under_tls_through_a_third_party() -> None:
    h = only("G-E2E-SENSITIVE", zones=ZONES, data=SENSITIVE,
             nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo", RELAY),
                    ("portal", "process", "gov")],
             flows=[("citizen", "oa", "health", "e2e"), ("oa", "portal", "health phone", "tls")])
    assert (h.element, h.path, h.data) == ("oa->portal", ("citizen", "oa", "portal"), ("health",))
    assert "ZALO" in h.message.en


def test_sensitive_data_kept_by_a_third_party() -> None:
    h = only("G-E2E-SENSITIVE", zones=ZONES, data=SENSITIVE,
             nodes=[("citizen", "actor", "home"), ("msgs", "datastore", "zalo", store("health"))],
             flows=[("citizen", "msgs", "health", "e2e")])
    assert (h.element, h.path) == ("msgs", ("citizen", "msgs"))


def test_end_to_end_that_ends_at_the_third_party_is_no_protection() -> None:
    """The platform is the far end of the 'end-to-end' flow, so it decrypts the data."""
    found = {h.element: h for h in hits(
        "G-E2E-SENSITIVE", zones=ZONES, data=SENSITIVE,
        nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo")],
        flows=[("citizen", "oa", "health", "e2e")])}
    assert set(found) == {"oa"}  # decrypted there and, with no evidence, presumed kept there
    assert found["oa"].path == ("citizen", "oa")
    assert "rests at “oa”" in found["oa"].message.en and "Presumed" in found["oa"].message.en
    relayed = hits(
        "G-E2E-SENSITIVE", zones=ZONES, data=SENSITIVE,
        nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo", RELAY)],
        flows=[("citizen", "oa", "health", "e2e")])
    assert [h.element for h in relayed] == ["citizen->oa"]  # shown to keep nothing
    assert "decrypted" in relayed[0].message.en


def test_end_to_end_through_a_relay_or_personal_under_tls_passes() -> None:
    assert hits("G-E2E-SENSITIVE", zones=ZONES, data=SENSITIVE,
                nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo"),
                       ("portal", "process", "gov")],
                flows=[("citizen", "oa", "health phone", "e2e"),
                       ("oa", "portal", "health", "e2e"), ("oa", "citizen", "phone", "tls")]) == []


# -- G-REST-ENC -------------------------------------------------------------------------------

@pytest.mark.parametrize("enc", ["no", "unknown", None])
def test_personal_store_not_encrypted_at_rest(enc: str | None) -> None:
    extra = store("phone", enc="no")
    extra["encrypted_at_rest"] = enc
    h = only("G-REST-ENC", zones=ZONES, data=PERSONAL,
             nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo", RELAY),
                    ("db", "datastore", "gov", extra)],
             flows=[("citizen", "oa", "phone", "tls"), ("oa", "db", "phone", "tls")])
    assert (h.element, h.path) == ("db", ("citizen", "oa", "db"))


def test_encrypted_store_or_public_store_passes() -> None:
    assert hits("G-REST-ENC", zones=GOV, data=PERSONAL,
                nodes=[("db", "datastore", "gov", store("phone")),
                       ("docs", "datastore", "gov", store("guide", enc="no"))], flows=[]) == []


# -- G-RETENTION ------------------------------------------------------------------------------

def test_personal_store_without_retention_is_its_own_origin() -> None:
    h = only("G-RETENTION", zones=ZONES[1:], data=PERSONAL,
             nodes=[("db", "datastore", "gov", store("phone", days=None)),
                    ("oa", "process", "zalo", RELAY)],
             flows=[("db", "oa", "phone", "tls")])
    assert (h.element, h.path) == ("db", ("db",))


def test_retention_set_or_public_store_passes() -> None:
    assert hits("G-RETENTION", zones=GOV, data=PERSONAL,
                nodes=[("db", "datastore", "gov", store("phone", days=0)),
                       ("docs", "datastore", "gov", store("guide", days=None))], flows=[]) == []


# -- G-AUTH-INBOUND ---------------------------------------------------------------------------

def test_unauthenticated_flow_from_a_platform_into_government() -> None:
    h = only("G-AUTH-INBOUND", zones=ZONES, data=PERSONAL,
             nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo"),
                    ("portal", "process", "gov")],
             flows=[("citizen", "oa", "phone", "tls", False),
                    ("oa", "portal", "phone", "tls", False)])
    assert (h.element, h.path) == ("oa->portal", ("citizen", "oa", "portal"))
    assert "bên thứ ba" in h.message.vi and "third-party" not in h.message.vi


def test_authenticated_inbound_internal_or_outbound_passes() -> None:
    zones = [*ZONES, ("gov2", "VN", "government")]
    assert hits("G-AUTH-INBOUND", zones=zones, data=PERSONAL,
                nodes=[("oa", "process", "zalo"), ("portal", "process", "gov"),
                       ("his", "process", "gov2")],
                flows=[("oa", "portal", "phone", "tls", True),
                       ("portal", "his", "phone", "tls", False),
                       ("portal", "oa", "guide", "tls", False)]) == []


# -- G-INV-UNUSED -----------------------------------------------------------------------------

def test_declared_data_nothing_uses_has_no_path() -> None:
    h = only("G-INV-UNUSED", zones=ZONES, data={**PERSONAL, "cccd": "personal"},
             services={"ask": "phone guide"},
             nodes=[("citizen", "actor", "home"), ("db", "datastore", "gov", store("guide"))],
             flows=[("citizen", "db", "phone", "tls")])
    assert (h.element, h.path, h.data) == ("cccd", (), ("cccd",))


def test_data_that_flows_or_is_stored_counts_as_used() -> None:
    assert hits("G-INV-UNUSED", zones=ZONES, data=PERSONAL,
                nodes=[("citizen", "actor", "home"), ("db", "datastore", "gov", store("guide"))],
                flows=[("citizen", "db", "phone", "tls")]) == []


# -- G-INV-SERVICE ----------------------------------------------------------------------------

def test_service_whose_data_stops_at_the_platform() -> None:
    h = only("G-INV-SERVICE", zones=ZONES, data=PERSONAL, services={"ask": "phone"},
             nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo"),
                    ("msgs", "datastore", "zalo", store("phone"))],
             flows=[("citizen", "oa", "phone", "tls"), ("oa", "msgs", "phone", "tls")])
    assert (h.element, h.path, h.data) == ("ask", ("citizen", "oa", "msgs"), ("phone",))


def test_service_whose_data_reaches_government_passes() -> None:
    assert hits("G-INV-SERVICE", zones=ZONES, data=PERSONAL, services={"ask": "phone guide"},
                nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo"),
                       ("portal", "process", "gov")],
                flows=[("citizen", "oa", "phone", "tls"), ("portal", "oa", "guide", "tls")]) == []


# -- paths in general -------------------------------------------------------------------------

def test_every_hit_but_unused_data_carries_a_path_from_the_origin() -> None:
    from assess.engine.vocabulary import run

    p = make(zones=SG, data={**SENSITIVE, "spare": "internal", "cccd": "sensitive-personal"},
             services={"s": "health"}, tags={"cccd": "identity-document-image"},
             channel={"name": "Zalo OA", "operator": "ZALO", "operator_country": "VN",
                      "kind": "official-account", "exclusive": True},
             nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo"),
                    ("bot", "process", "sg"), ("db", "datastore", "sg", store("health", enc="no",
                                                                               days=None)),
                    ("portal", "process", "gov")],
             flows=[("citizen", "oa", "health phone cccd", "none", False),
                    ("oa", "bot", "health phone", "tls", False), ("bot", "db", "health", "tls"),
                    ("bot", "portal", "phone", "none", False), ("oa", "citizen", "phone", "tls")])
    results = run(build(p))
    fired = {rid for rid, r in results.items() if r.hits}
    assert fired == set(RULES)
    for rid, r in results.items():
        for h in r.hits:
            if rid == "G-INV-UNUSED":
                assert h.path == ()
                continue
            if h.element.startswith("zone:") or "undrawn" in h.element:
                continue  # what the scope presumes has no drawn path to show
            assert h.path[0] == "citizen", (rid, h)
            last = {"G-INV-SERVICE": ["db"], "G-ID-IMAGE": ["oa"],  # where it goes first
                    "G-CHANNEL-EXCLUSIVE": ["oa"]}.get(rid, h.element.split("->"))
            assert list(h.path[-len(last):]) == last, (rid, h)


def test_a_loop_back_to_the_citizen_still_starts_at_the_citizen() -> None:
    h = only("G-ENC-BOUNDARY", zones=ZONES, data=PERSONAL,
             nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo")],
             flows=[("citizen", "oa", "phone", "tls"), ("oa", "citizen", "phone", "none")])
    assert h.path == ("citizen", "oa", "citizen")


def test_long_chains_keep_the_hops_nearest_the_hit() -> None:
    from assess.engine.exposure import MAX_PATH

    chain = [f"p{i}" for i in range(MAX_PATH + 10)]
    h = only("G-ENC-BOUNDARY", zones=ZONES, data=PERSONAL,
             nodes=[("citizen", "actor", "home"), *((n, "process", "zalo") for n in chain),
                    ("portal", "process", "gov")],
             flows=[("citizen", chain[0], "phone", "tls")]
             + [(a, b, "phone", "tls") for a, b in itertools.pairwise(chain)]
             + [(chain[-1], "portal", "phone", "none")])
    assert len(h.path) == MAX_PATH + 1 and h.path[-2:] == (chain[-1], "portal")


# -- contradictions ---------------------------------------------------------------------------

def _assess(mini_catalog: Any, declared: str, country: str) -> Any:
    from assess.checklists.loading import resolve_checklist
    from assess.engine.evaluate import evaluate

    p = loaded(zones=[*ZONES, ("far", country, "third-party")], data=PERSONAL,
               nodes=[("citizen", "actor", "home"), ("db", "datastore", "far", store("phone"))],
               flows=[("citizen", "db", "phone", "tls")],
               answers={"RES-01": {"status": declared}})
    return evaluate(p, resolve_checklist("mini@1.0.0", mini_catalog))


def test_declared_met_but_rule_not_met_is_a_contradiction(mini_catalog: Any) -> None:
    a = _assess(mini_catalog, "met", "SG")
    by_id = {f.id: f for f in a.findings}
    contra = by_id["CONTRA@RES-01"]
    assert (contra.kind, contra.control, contra.blocker) == ("contradiction", "RES-01", True)
    assert "G-RES-STORE" in contra.message.en
    assert by_id["G-RES-STORE@RES-01"].paths == [["citizen", "db"]]
    assert contra.paths == [["citizen", "db"]]  # what it contradicts, where
    res01 = next(c for c in a.controls if c.id == "RES-01")
    assert (res01.status, res01.source) == ("not-met", "rule")


def test_a_declared_not_met_stands_when_the_rule_passes_and_is_no_contradiction(
        mini_catalog: Any) -> None:
    a = _assess(mini_catalog, "not-met", "VN")
    res01 = next(c for c in a.controls if c.id == "RES-01")
    assert (res01.status, res01.source) == ("not-met", "declared")
    assert "CONTRA@RES-01" not in {f.id for f in a.findings}


def test_declaration_agreeing_with_the_rule_is_no_contradiction(mini_catalog: Any) -> None:
    a = _assess(mini_catalog, "met", "VN")
    assert not [f for f in a.findings if f.kind == "contradiction"]
