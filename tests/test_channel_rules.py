"""G-CHANNEL-EXCLUSIVE and G-ID-IMAGE, the rules checklist 2.0.0's CON-01 and PDP-06 name: where
each fires and where it must not, what its hits say; the two rules decide controls only where a
checklist names them; and G-ID-IMAGE's promise that drawing less never turns its hits into a
pass (DESIGN, "Who supplies the facts"). The tag itself: tests/test_data_tags.py."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from assess.checklists.catalog import PLATFORMS, Catalog
from assess.checklists.loading import load_checklist, resolve_platform
from assess.core.errors import InputError
from assess.documents.loading import Loaded, parse_model, raise_problems
from assess.documents.models import Checklist, Proposal
from assess.documents.references import check_answers, check_proposal
from assess.documents.yamlsource import parse
from assess.engine.evaluate import evaluate
from assess.engine.graph import build
from assess.engine.result import Assessment
from assess.engine.rules import Hit
from assess.engine.vocabulary import RULES, run
from tests.generate import proposals
from tests.helpers import DATA, base_proposal, dump, hit_ids, on_platform, run_cli
from tests.proposals import ZONES, make, store

ID = "identity-document-image"
CHANNEL = {"name": {"vi": "Zalo OA Thử nghiệm", "en": "Test Zalo OA"}, "operator": "ZALO",
           "operator_country": "VN", "kind": "official-account", "exclusive": False}
NAMES = {"citizen": "Người dân", "oa": "Tài khoản chính thức", "portal": "Cổng dịch vụ công",
         "db": "Kho tin nhắn", "bot": "Máy chủ nhận dạng ảnh", "cccd": "Ảnh căn cước",
         "phone": "Số điện thoại", "apply": "Đăng ký khai sinh"}
"""Every element by a name unlike its id: a message that shows an id is caught."""
BASE: dict[str, Any] = {
    "zones": [*ZONES, ("ocr", "VN", "third-party")],
    "data": {"cccd": "sensitive-personal", "phone": "personal"}, "tags": {"cccd": ID},
    "names": NAMES, "channel": CHANNEL,
    "nodes": [("citizen", "actor", "home"), ("oa", "process", "zalo"),
              ("portal", "process", "gov")],
    "flows": [], "services": {"apply": "phone"}}


def hits(rule: str, **kw: Any) -> list[Hit]:
    return RULES[rule].check(build(make(**{**BASE, **kw})))


def _ids_absent(h: Hit) -> None:
    """The message names elements by name: no id in quotes, no data id in a list."""
    for text in (h.message.vi, h.message.en):
        for ident in ("oa", "portal", "db", "bot", "citizen", "apply"):
            assert f"“{ident}”" not in text, text
        assert "(cccd" not in text and "cccd)" not in text, text


# -- G-CHANNEL-EXCLUSIVE ----------------------------------------------------------------------

def test_an_exclusive_channel_is_a_hit_on_the_channel_that_says_what_to_do() -> None:
    (h,) = hits("G-CHANNEL-EXCLUSIVE", channel={**CHANNEL, "exclusive": True},
                flows=[("citizen", "oa", "phone", "tls")])
    assert (h.element, h.path, h.certain) == ("channel", ("citizen", "oa"), True)
    assert "“Test Zalo OA”" in h.message.en and "“Zalo OA Thử nghiệm”" in h.message.vi
    assert "the only way" in h.message.en and "cách duy nhất" in h.message.vi
    assert "Put the service on the public-service portal" in h.message.en
    assert "notify citizens and link to the portal" in h.message.en
    assert "Hãy cung cấp dịch vụ trên Cổng dịch vụ công" in h.message.vi
    assert "thông báo và dẫn đường" in h.message.vi
    _ids_absent(h)


def test_a_channel_that_is_not_the_only_way_passes() -> None:
    assert hits("G-CHANNEL-EXCLUSIVE", flows=[("citizen", "oa", "phone", "tls")]) == []


def test_exclusive_is_a_declaration_no_drawing_changes() -> None:
    """Nothing drawn, the hit stands; its path is then the channel's system alone."""
    (h,) = hits("G-CHANNEL-EXCLUSIVE", channel={**CHANNEL, "exclusive": True})
    assert (h.element, h.path) == ("channel", ("oa",))


# -- G-ID-IMAGE: what the drawing shows --------------------------------------------------------

def test_images_sent_to_the_channel_are_a_hit_with_their_path() -> None:
    (h,) = hits("G-ID-IMAGE", flows=[("citizen", "oa", "cccd phone", "tls"),
                                     ("oa", "portal", "cccd", "tls")],
                services={"apply": "cccd phone"})
    assert (h.element, h.path, h.data, h.certain) == ("data:cccd", ("citizen", "oa"),
                                                      ("cccd",), True)
    assert h.message.en.startswith("Images of identity documents (Ảnh căn cước) are received or "
                                   "kept by systems outside the state's: “Tài khoản chính thức”.")
    assert "public-service portal" in h.message.en and "Cổng dịch vụ công" in h.message.vi
    assert h.message.vi.startswith("Hình ảnh giấy tờ tùy thân (Ảnh căn cước) được hệ thống ngoài")
    _ids_absent(h)


def test_every_system_outside_the_state_that_has_them_is_named_in_the_order_reached() -> None:
    """The platform, its store, a bot of another operator: each receives or keeps them."""
    (h,) = hits("G-ID-IMAGE", nodes=[*BASE["nodes"], ("db", "datastore", "zalo", store("cccd")),
                                     ("bot", "process", "ocr")],
                flows=[("citizen", "oa", "cccd", "tls"), ("oa", "db", "cccd", "tls"),
                       ("oa", "bot", "cccd", "tls")])
    assert h.path == ("citizen", "oa")
    assert ("“Tài khoản chính thức”, “Kho tin nhắn”, “Máy chủ nhận dạng ảnh”."
            in h.message.en)


def test_a_bot_outside_the_state_is_a_hit_though_the_channel_never_gets_them() -> None:
    (h,) = hits("G-ID-IMAGE", nodes=[*BASE["nodes"], ("bot", "process", "ocr")],
                flows=[("citizen", "bot", "cccd", "e2e"), ("bot", "portal", "cccd", "tls")])
    assert (h.element, h.path) == ("data:cccd", ("citizen", "bot"))
    assert "“Máy chủ nhận dạng ảnh”" in h.message.en


def test_a_store_outside_the_state_declaring_them_is_a_hit_with_no_flow() -> None:
    (h,) = hits("G-ID-IMAGE", nodes=[*BASE["nodes"], ("db", "datastore", "zalo", store("cccd"))])
    assert (h.element, h.path) == ("data:cccd", ("db",))


def test_images_taken_on_the_portal_only_pass() -> None:
    """No service of the channel uses them and the drawing takes them to the state's systems
    only (sent back to the citizen's own device too): nothing of the channel has them."""
    assert hits("G-ID-IMAGE", flows=[("citizen", "portal", "cccd", "tls"),
                                     ("portal", "citizen", "cccd", "tls"),
                                     ("citizen", "oa", "phone", "tls")]) == []


def test_the_rule_reads_the_tag_not_the_class() -> None:
    """An untagged sensitive item through the channel is G-E2E-SENSITIVE's, not this rule's."""
    assert hits("G-ID-IMAGE", tags={}, flows=[("citizen", "oa", "cccd", "tls")],
                services={"apply": "cccd"}) == []


# -- G-ID-IMAGE: what the drawing leaves out counts at worst ---------------------------------

@pytest.mark.parametrize("flows", [[], [("citizen", "portal", "cccd phone", "tls")]],
                         ids=["nothing-drawn", "drawn-to-the-portal-only"])
def test_a_service_using_them_that_the_drawing_does_not_show_through_the_channel(
        flows: list[Any]) -> None:
    (h,) = hits("G-ID-IMAGE", flows=flows, services={"apply": "cccd phone"})
    assert (h.element, h.path, h.data) == ("service:apply->undrawn", (), ("cccd",))
    assert h.message.en.startswith("Service “Đăng ký khai sinh” uses images of identity "
                                   "documents (Ảnh căn cước) but the drawing does not show them "
                                   "going through the channel")
    assert "the channel's systems (“Tài khoản chính thức”) are taken to receive them" in (
        h.message.en)
    assert h.message.vi.startswith("Dịch vụ “Đăng ký khai sinh” dùng hình ảnh giấy tờ tùy thân")
    _ids_absent(h)


def test_images_the_proposal_places_nowhere_are_taken_to_go_through_the_channel() -> None:
    (h,) = hits("G-ID-IMAGE", flows=[("citizen", "oa", "phone", "tls")])
    assert (h.element, h.data) == ("inventory->undrawn", ("cccd",))
    assert "no service uses" in h.message.en and "không dịch vụ nào dùng" in h.message.vi


def test_one_hit_per_item_and_per_service() -> None:
    found = hits("G-ID-IMAGE", data={**BASE["data"], "passport": "sensitive-personal"},
                 tags={"cccd": ID, "passport": ID},
                 services={"apply": "cccd phone", "renew": "passport cccd"},
                 flows=[("citizen", "oa", "passport", "tls")])
    assert [(h.element, h.data) for h in found] == [
        ("data:passport", ("passport",)), ("service:apply->undrawn", ("cccd",)),
        ("service:renew->undrawn", ("cccd",))]


# -- deciding controls: only where a checklist names the rules --------------------------------

def _control(cid: str, rule: str, applies_if: list[str] | None = None) -> dict[str, Any]:
    return {"id": cid, "title": {"vi": f"Kiểm soát {cid}", "en": f"Control {cid}"},
            "requirement": {"vi": "Yêu cầu.", "en": "Requirement."},
            "guidance": {"vi": "Kiểm tra.", "en": "Check."}, "severity": "critical",
            "blocker": True, "rule": rule, "applies_if": applies_if or [],
            "evidence": {"vi": "Tài liệu.", "en": "Documents."},
            "remediation": {"vi": "Sửa.", "en": "Fix."}, "owner": "province"}


def checklist_doc() -> dict[str, Any]:
    """The test checklist with CON-01 and PDP-06 decided by the two rules, as 2.0.0 will be."""
    doc: dict[str, Any] = yaml.safe_load(
        (DATA / "checklists" / "mini" / "1.0.0.yaml").read_text("utf-8"))
    doc["domains"] += [
        {"id": "CON", "title": {"vi": "Kênh", "en": "Channel"}, "weight": 1,
         "controls": [_control("CON-01", "G-CHANNEL-EXCLUSIVE")]},
        {"id": "PDP", "title": {"vi": "Dữ liệu cá nhân", "en": "Personal data"}, "weight": 1,
         "controls": [_control("PDP-06", "G-ID-IMAGE", ["conversational_channel"])]}]
    return doc


CHECKLIST: Loaded[Checklist] = load_checklist(parse(dump(checklist_doc()), "checklist.yaml"))


def _with_images(doc: dict[str, Any], *, exclusive: bool = True) -> dict[str, Any]:
    doc["channel"]["exclusive"] = exclusive
    doc["data"].append({"id": "cccd", "name": "Ảnh căn cước", "class": "sensitive-personal",
                        "tags": [ID]})
    doc["services"][0]["data"].append("cccd")
    doc["flows"][0]["data"].append("cccd")  # citizen → the channel
    return doc


def _evaluate(doc: dict[str, Any], checklist: Loaded[Checklist] = CHECKLIST) -> Assessment:
    """As `assess score --checklist FILE` assesses it (answers checked against that file)."""
    source = parse(dump(doc), "p.yaml")
    proposal = parse_model(source, Proposal)
    ref = proposal.channel.platform
    platform = None if ref is None else resolve_platform(
        ref, Catalog([DATA / "platforms"], PLATFORMS), where=source, file_ok=False)
    raise_problems(check_proposal(proposal, source, platform.doc if platform else None)
                   + check_answers(proposal, source, checklist.doc))
    return evaluate(Loaded(proposal, source), checklist, None, platform)


def _status(a: Assessment, cid: str) -> tuple[str, str]:
    c = next(c for c in a.controls if c.id == cid)
    return c.status.value, c.source


def test_the_rules_decide_the_controls_that_name_them() -> None:
    a = _evaluate(_with_images(base_proposal()))
    assert _status(a, "CON-01") == ("not-met", "rule")
    assert _status(a, "PDP-06") == ("not-met", "rule")
    assert {"G-CHANNEL-EXCLUSIVE@channel", "G-ID-IMAGE@data:cccd"} <= hit_ids(a)
    assert a.verdict.value == "reject"


def test_on_a_platform_profile_the_hit_says_it_rests_on_the_profile() -> None:
    doc = _with_images(on_platform())
    a = _evaluate(doc)
    hit = next(h for f in a.findings for h in f.hits if h.id == "G-ID-IMAGE@data:cccd")
    assert hit.path == ["citizen", "demo-oa"]
    assert "“Official account”, “Message store”" in hit.message.en
    assert "(Per platform profile demo-chat@1.0.0.)" in hit.message.en


def test_a_clean_proposal_passes_both_rules_but_a_blocker_still_needs_evidence() -> None:
    """Without a profile, a blocker's rule pass counts only with the province's evidence."""
    doc = base_proposal()
    a = _evaluate(doc)
    assert not {h for h in hit_ids(a) if h.startswith(("G-ID-IMAGE", "G-CHANNEL-EXCLUSIVE"))}
    assert _status(a, "PDP-06") == ("unknown", "rule")
    doc["answers"]["PDP-06"] = {"status": "met", "evidence": ["Kịch bản tin nhắn chào, 2026"]}
    doc["answers"]["CON-01"] = {"status": "met", "evidence": ["Danh sách dịch vụ trên Cổng"]}
    a = _evaluate(doc)
    assert _status(a, "PDP-06") == ("met", "rule") and _status(a, "CON-01") == ("met", "rule")


def test_on_a_profile_an_unanswered_blocker_these_rules_pass_is_still_unconfirmed() -> None:
    a = _evaluate(on_platform())
    assert _status(a, "CON-01")[0] == "unknown"
    assert _status(a, "PDP-06")[0] == "unknown"


def test_a_checklist_that_names_neither_rule_never_runs_them() -> None:
    """They decide controls only (`decides`): scoring against today's checklists pays nothing."""
    mini = load_checklist(DATA / "checklists" / "mini" / "1.0.0.yaml")
    a = _evaluate(_with_images(base_proposal()), mini)
    assert not {h for h in hit_ids(a) if h.startswith(("G-ID-IMAGE", "G-CHANNEL-EXCLUSIVE"))}
    ran = run(build(make(**{**BASE, "channel": {**CHANNEL, "exclusive": True}})), frozenset())
    assert not {"G-ID-IMAGE", "G-CHANNEL-EXCLUSIVE"} & set(ran)
    assert RULES["G-ID-IMAGE"].decides and RULES["G-CHANNEL-EXCLUSIVE"].decides


def test_the_cli_scores_them_from_a_checklist_file(tmp_path: Path) -> None:
    checklist = tmp_path / "checklist.yaml"
    checklist.write_bytes(dump(checklist_doc()))
    proposal = tmp_path / "p.yaml"
    proposal.write_bytes(dump(_with_images(base_proposal())))
    result = run_cli("score", str(proposal), "--checklist", str(checklist), "--json",
                     "--checklists", str(DATA / "checklists"))
    assert result.exit_code == 0, result.output
    found = {h["id"] for f in yaml.safe_load(result.stdout)["findings"] for h in f["hits"]}
    assert {"G-CHANNEL-EXCLUSIVE@channel", "G-ID-IMAGE@data:cccd"} <= found


# -- drawing less never helps (properties) ------------------------------------------------------

EXAMPLES = int(os.environ.get("ASSESS_PROPERTY_EXAMPLES", "60"))
FUZZ = "ASSESS_PROPERTY_EXAMPLES" in os.environ
PHASES = (list(Phase) if os.environ.get("ASSESS_PROPERTY_SHRINK")
          else [Phase.explicit, Phase.reuse, Phase.generate])
_SOURCE = parse(b"kind: proposal\n", "generated.yaml")


@st.composite
def with_images(draw: st.DrawFn) -> dict[str, Any]:
    """A generated proposal where one or two items are images of identity documents and a
    service uses the first of them."""
    doc = draw(proposals(CHECKLIST.doc))
    ids = [d["id"] for d in doc["data"]]
    tagged = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True))
    for d in doc["data"]:
        if d["id"] in tagged:
            d["class"], d["tags"] = "sensitive-personal", [ID]
    if doc["services"]:
        service = draw(st.sampled_from(doc["services"]))
        service["data"] = sorted({*service["data"], tagged[0]})
    else:
        doc["services"] = [{"id": "s-images", "name": "Dịch vụ", "data": [tagged[0]],
                            "reaches_province_systems": draw(st.booleans())}]
    return doc


def _proposal(doc: dict[str, Any]) -> Proposal | None:
    """As the loader would take it: None where its cross-reference checks refuse it."""
    try:
        proposal = Proposal.model_validate(doc)
    except ValueError:
        return None
    return None if check_proposal(proposal, _SOURCE) else proposal


def _fails(doc: dict[str, Any]) -> bool | None:
    proposal = _proposal(doc)
    return None if proposal is None else bool(RULES["G-ID-IMAGE"].check(build(proposal)))


def _drop_flow(doc: dict[str, Any], draw: st.DrawFn) -> dict[str, Any] | None:
    if not doc["flows"]:
        return None
    doc["flows"].pop(draw(st.integers(0, len(doc["flows"]) - 1)))
    return doc


def _drop_all_flows(doc: dict[str, Any], draw: st.DrawFn) -> dict[str, Any] | None:
    doc["flows"] = []
    return doc


def _drop_node(doc: dict[str, Any], draw: st.DrawFn) -> dict[str, Any] | None:
    gone = draw(st.sampled_from(doc["nodes"]))["id"]
    doc["nodes"] = [n for n in doc["nodes"] if n["id"] != gone]
    doc["flows"] = [f for f in doc["flows"] if gone not in (f["from"], f["to"])]
    return doc


def _drop_stored(doc: dict[str, Any], draw: st.DrawFn) -> dict[str, Any] | None:
    stores = [n for n in doc["nodes"] if n.get("stores")]
    if not stores:
        return None
    node = draw(st.sampled_from(stores))
    node["stores"].remove(draw(st.sampled_from(node["stores"])))
    return doc


def _untag_another(doc: dict[str, Any], draw: st.DrawFn) -> dict[str, Any] | None:
    """The tag taken off an item other than one a service uses: those still hit."""
    used = {d for s in doc["services"] for d in s["data"]}
    others = [d for d in doc["data"] if d.get("tags") and d["id"] not in used]
    if not others or not any(d.get("tags") and d["id"] in used for d in doc["data"]):
        return None
    draw(st.sampled_from(others))["tags"] = []
    return doc


@pytest.mark.parametrize("change", [_drop_flow, _drop_all_flows, _drop_node, _drop_stored,
                                    _untag_another], ids=lambda f: f.__name__.strip("_"))
def test_drawing_less_never_turns_the_hits_into_a_pass(change: Any) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, phases=PHASES, derandomize=not FUZZ,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(with_images(), st.data())
    def check(doc: dict[str, Any], data: st.DataObject) -> None:
        before = _fails(doc)
        assume(before is not None)
        assert before, "an image a service uses always fails the rule"
        after = change(copy.deepcopy(doc), data.draw)
        assume(after is not None)
        assert _fails(after) in (True, None)  # None: a proposal the loader refuses

    check()


def test_untagging_never_makes_the_control_pass_without_evidence() -> None:
    """The tag is the province's word about its inventory, as the class is: taking it off
    passes the rule, but PDP-06 is a blocker, whose rule pass counts only with the province's
    evidence — so without evidence neither the control nor the verdict gets any better."""
    verdicts = {"reject": 0, "conditional": 1, "approve": 2}

    @settings(max_examples=EXAMPLES, deadline=None, phases=PHASES, derandomize=not FUZZ,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(with_images())
    def check(doc: dict[str, Any]) -> None:
        doc["answers"].get("PDP-06", {}).pop("evidence", None)
        before = _assess(doc)
        assume(before is not None)
        untagged = copy.deepcopy(doc)
        for d in untagged["data"]:
            d.pop("tags", None)
        after = _assess(untagged)
        assert before is not None and after is not None
        was, now = _status(before, "PDP-06")[0], _status(after, "PDP-06")[0]
        assert was == "not-met"  # the rule's hit: an image a service uses
        assert now in ("not-met", "unknown")  # a blocker's pass without evidence: unconfirmed
        assert verdicts[after.verdict.value] <= verdicts[before.verdict.value]
        assert after.score <= before.score + 1e-9

    check()


def _assess(doc: dict[str, Any]) -> Assessment | None:
    proposal = _proposal(doc)
    if proposal is None:
        return None
    try:
        return evaluate(Loaded(proposal, _SOURCE), CHECKLIST)
    except InputError:
        return None

