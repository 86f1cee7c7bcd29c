"""The exposure matrix: who can read each data item, found by reachability over the flows carrying it."""

from __future__ import annotations

import itertools
from typing import Any

from assess.engine.exposure import MAX_PATH, exposure_matrix, index
from assess.engine.graph import build
from assess.engine.result import ExposureEntry
from tests.proposals import RELAY, ZONES, Z, make, store

TG = ("tg", "SG", "third-party")


def matrix(**kw: Any) -> dict[tuple[str, str], ExposureEntry]:
    """(data, zone) -> entry; also checks the matrix has one entry per pair."""
    entries = exposure_matrix(build(make(**kw)))
    out = {(e.data, e.zone): e for e in entries}
    assert len(out) == len(entries)
    return out


def test_reaches_every_zone_several_hops_away() -> None:
    m = matrix(zones=ZONES, data={"phone": "personal"},
               nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo", RELAY),
                      ("api", "process", "gov"), ("db", "datastore", "gov", store("phone"))],
               flows=[("citizen", "oa", "phone", "tls"), ("oa", "api", "phone", "tls"),
                      ("api", "db", "phone", "tls")])
    assert set(m) == {("phone", "home"), ("phone", "zalo"), ("phone", "gov")}
    gov = m["phone", "gov"]
    assert (gov.operator, gov.country, gov.trust) == ("GOV", "VN", "government")
    assert (gov.at_rest, gov.e2e) == (True, False)
    assert gov.path == ["citizen", "oa", "api"]
    assert gov.stored_at == ["db"]
    zalo = m["phone", "zalo"]
    assert (zalo.at_rest, zalo.e2e, zalo.path) == (False, False, ["citizen", "oa"])


def test_only_the_flows_carrying_the_item_count() -> None:
    m = matrix(zones=ZONES, data={"phone": "personal", "guide": "public"},
               nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo"),
                      ("portal", "process", "gov")],
               flows=[("citizen", "oa", "phone", "tls"), ("oa", "portal", "guide", "tls")])
    assert ("phone", "gov") not in m
    assert ("guide", "home") not in m and m["guide", "gov"].path == ["oa", "portal"]


def test_end_to_end_relay_cannot_read() -> None:
    m = matrix(zones=[*ZONES, TG], data={"health": "sensitive-personal"},
               nodes=[("citizen", "actor", "home"), ("relay", "process", "tg"),
                      ("bot", "process", "gov")],
               flows=[("citizen", "relay", "health", "e2e"), ("relay", "bot", "health", "e2e")])
    tg = m["health", "tg"]
    assert (tg.e2e, tg.at_rest, tg.path) == (True, False, ["citizen", "relay"])
    bot = m["health", "gov"]
    assert (bot.e2e, bot.path) == (False, ["citizen", "relay", "bot"])


def test_end_to_end_ending_at_an_operator_is_read_there() -> None:
    """'End-to-end' to the platform itself: the platform is the end, and decrypts."""
    m = matrix(zones=[*ZONES, TG], data={"health": "sensitive-personal"},
               nodes=[("citizen", "actor", "home"), ("relay", "process", "tg")],
               flows=[("citizen", "relay", "health", "e2e")])
    assert m["health", "tg"].e2e is False


def test_relay_that_stores_or_forwards_in_tls_can_read() -> None:
    m = matrix(zones=[*ZONES, TG, ("fb", "US", "third-party")], data={"health": "sensitive-personal"},
               nodes=[("citizen", "actor", "home"), ("relay", "process", "tg"),
                      ("archive", "datastore", "tg", store("health")), ("meta", "process", "fb"),
                      ("bot", "process", "gov")],
               flows=[("citizen", "relay", "health", "e2e"), ("relay", "archive", "health", "e2e"),
                      ("citizen", "meta", "health", "e2e"), ("meta", "bot", "health", "tls")])
    tg = m["health", "tg"]
    assert (tg.at_rest, tg.e2e, tg.stored_at) == (True, False, ["archive"])
    assert tg.path == ["citizen", "relay", "archive"]  # the first node of the zone that reads it
    assert m["health", "fb"].e2e is False


def test_operator_seen_both_over_e2e_and_over_tls_reads_it() -> None:
    m = matrix(zones=[*ZONES, TG], data={"phone": "personal"},
               nodes=[("citizen", "actor", "home"), ("relay", "process", "tg"),
                      ("api", "process", "tg"), ("bot", "process", "gov")],
               flows=[("citizen", "relay", "phone", "e2e"), ("relay", "bot", "phone", "e2e"),
                      ("bot", "api", "phone", "tls")])
    tg = m["phone", "tg"]
    assert (tg.e2e, tg.path) == (False, ["citizen", "relay", "bot", "api"])


def test_at_rest_is_always_exposed_even_with_no_flow() -> None:
    m = matrix(zones=ZONES, data={"cccd": "personal"},
               nodes=[("db", "datastore", "gov", store("cccd")), ("oa", "process", "zalo")],
               flows=[("db", "oa", "cccd", "e2e")])
    assert (m["cccd", "gov"].at_rest, m["cccd", "gov"].path) == (True, ["db"])
    assert m["cccd", "zalo"].path == ["db", "oa"]
    assert m["cccd", "zalo"].e2e is False  # the end of the e2e flow reads it


def test_path_prefers_how_the_item_arrives_over_where_it_already_rests() -> None:
    """A store nobody writes to (a gap in the diagram) must not hide the flow into the zone."""
    m = matrix(zones=ZONES, data={"phone": "personal"},
               nodes=[("citizen", "actor", "home"), ("msgs", "datastore", "zalo", store("phone")),
                      ("oa", "process", "zalo", RELAY)],
               flows=[("citizen", "oa", "phone", "tls")])
    zalo = m["phone", "zalo"]
    assert (zalo.path, zalo.at_rest, zalo.stored_at) == (["citizen", "oa"], True, ["msgs"])


def test_several_operators_and_one_operator_in_two_countries() -> None:
    zones: list[Z] = [*ZONES, ("fb", "US", "third-party"), ("vng-sg", "SG", "third-party", "ZALO")]
    m = matrix(zones=zones, data={"phone": "personal"},
               nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo", RELAY),
                      ("page", "process", "fb", RELAY),
                      ("cdn", "datastore", "vng-sg", store("phone"))],
               flows=[("citizen", "oa", "phone", "tls"), ("citizen", "page", "phone", "tls"),
                      ("oa", "cdn", "phone", "tls")])
    got = sorted((e.operator, e.country, e.at_rest) for (d, _), e in m.items() if d == "phone")
    assert got == [("FB", "US", False), ("HOME", "VN", False), ("ZALO", "SG", True),
                   ("ZALO", "VN", False)]


def test_matrix_is_sorted_and_skips_data_that_goes_nowhere() -> None:
    """Non-personal data nothing carries goes nowhere (personal data is with the channel)."""
    fg = build(make(zones=ZONES, data={"b": "personal", "a": "public", "idle": "internal"},
                    nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo")],
                    flows=[("citizen", "oa", "b a", "tls")]))
    entries = exposure_matrix(fg)
    assert [(e.data, e.operator) for e in entries] == [("a", "HOME"), ("a", "ZALO"),
                                                      ("b", "HOME"), ("b", "ZALO")]


def test_a_service_puts_its_data_with_the_channel_even_undrawn() -> None:
    """Citizens use the channel for each service: no drawn flow is needed for the channel's
    systems to hold the service's data, so leaving the flow out hides nothing."""
    fg = build(make(zones=ZONES, data={"b": "personal", "idle": "personal"},
                    services={"s": "idle"},
                    nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo")],
                    flows=[("citizen", "oa", "b", "tls")]))
    held = {(e.data, e.operator, e.at_rest) for e in exposure_matrix(fg)}
    assert ("idle", "ZALO", True) in held


def test_a_loop_no_flow_enters_starts_at_its_first_node() -> None:
    m = matrix(zones=ZONES, data={"d": "internal"},
               nodes=[("a", "process", "zalo"), ("b", "process", "gov")],
               flows=[("a", "b", "d", "tls"), ("b", "a", "d", "tls")])
    assert m["d", "zalo"].path == ["a"] and m["d", "gov"].path == ["a", "b"]


def test_origins_are_senders_nothing_feeds_actors_and_unfed_stores() -> None:
    fg = build(make(zones=ZONES, data={"d": "personal"},
                    nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo"),
                           ("db", "datastore", "gov", store("d")), ("api", "process", "gov"),
                           ("cron", "process", "gov")],
                    flows=[("oa", "citizen", "d", "tls"), ("citizen", "oa", "d", "tls"),
                           ("db", "api", "d", "tls"), ("cron", "api", "d", "tls")]))
    assert index(fg).spread("d").origins == ("citizen", "db", "cron")


def test_long_chain_paths_are_capped_and_end_at_the_zone() -> None:
    chain = [f"p{i}" for i in range(MAX_PATH * 2)]
    m = matrix(zones=ZONES, data={"d": "personal"},
               nodes=[(n, "process", "zalo") for n in chain] + [("end", "process", "gov")],
               flows=[(a, b, "d", "tls") for a, b in itertools.pairwise(chain)]
               + [(chain[-1], "end", "d", "tls")])
    path = m["d", "gov"].path
    assert len(path) == MAX_PATH and path[-2:] == [chain[-1], "end"]


def test_the_index_is_built_once_per_graph() -> None:
    fg = build(make(zones=ZONES, data={"d": "personal"}, nodes=[("a", "actor", "home")], flows=[]))
    assert index(fg) is index(fg)
    assert index(build(fg.proposal)) is not index(fg)


def test_a_third_party_node_that_receives_personal_data_is_presumed_to_keep_it() -> None:
    """No profile, no evidence: the platform's server keeps what it is sent, encryption at rest
    unknown (DESIGN, "Who supplies the facts")."""
    m = matrix(zones=ZONES, data={"phone": "personal"},
               nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo")],
               flows=[("citizen", "oa", "phone", "tls")])
    zalo = m["phone", "zalo"]
    assert (zalo.at_rest, zalo.stored_at) == (True, ["oa"])
    fg = build(make(zones=ZONES, data={"phone": "personal"},
                    nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo")],
                    flows=[("citizen", "oa", "phone", "tls")]))
    oa = fg.g.nodes["oa"]
    assert (oa["stores"], oa["presumed"], oa["encrypted_at_rest"], oa["retention_days"]) == (
        ("phone",), ("phone",), None, None)
    assert fg.g.nodes["citizen"]["stores"] == ()  # the citizen's own device


def test_claims_outside_the_state_count_only_with_evidence() -> None:
    def oa(extra: dict[str, Any]) -> dict[str, Any]:
        fg = build(make(zones=ZONES, data={"phone": "personal"},
                        nodes=[("citizen", "actor", "home"), ("oa", "process", "zalo", extra)],
                        flows=[("citizen", "oa", "phone", "tls")]))
        return dict(fg.g.nodes["oa"])

    bare = oa({"retains": False, "encrypted_at_rest": "yes", "retention_days": 7})
    assert (bare["stores"], bare["encrypted_at_rest"], bare["retention_days"]) == (
        ("phone",), None, None)
    proven = oa({"retains": False, "evidence": ["Hợp đồng, Điều 4"]})
    assert proven["stores"] == ()
    worse = oa({"encrypted_at_rest": "no"})  # a claim that makes things worse always counts
    assert worse["encrypted_at_rest"] == "no"
