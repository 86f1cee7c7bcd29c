"""Platform profiles: the operator's part of the graph comes from a vetted profile, joined into the
proposal, marked as the profile's, and never redrawn by the province (DESIGN, "Who supplies
the facts"). Uses the made-up profile tests/data/platforms/demo-chat."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assess.checklists.catalog import PLATFORMS, Catalog
from assess.checklists.lint import lint, targets
from assess.checklists.loading import load_inputs, load_platform
from assess.cli import app
from assess.core.errors import InputError
from assess.documents.models import Status
from assess.documents.yamlsource import parse
from assess.engine.evaluate import evaluate
from tests.helpers import DATA, assess_dict, dump, flat, hit_ids, on_platform

PLATFORM_DIR = DATA / "platforms"
MINI = DATA / "checklists"


def _control(doc: dict[str, Any], cid: str) -> Any:
    return next(c for c in assess_dict(doc).controls if c.id == cid)


def _problems(doc: dict[str, Any]) -> str:
    with pytest.raises(InputError) as exc:
        assess_dict(doc)
    return "\n".join(exc.value.messages())


def test_the_profile_joins_the_graph_marked_as_the_profiles() -> None:
    a = assess_dict(on_platform())
    assert a.platform is not None and (a.platform.id, a.platform.version) == ("demo-chat",
                                                                              "1.0.0")
    assert set(a.from_profile) == {"demo-cloud", "demo-oa", "demo-store"}
    assert {z.id for z in a.scope.zones} >= {"demo-cloud"}
    assert a.scope.channel.operator == "demo" and a.scope.channel.operator_country == "VN"
    held = {(e.data, e.zone) for e in a.exposure if e.at_rest}
    assert ("phone", "demo-cloud") in held


def test_an_unknown_location_leaves_residency_unknown_until_evidence_settles_it() -> None:
    doc = on_platform()
    del doc["answers"]["RES-01"]
    a = assess_dict(doc)
    res = next(c for c in a.controls if c.id == "RES-01")
    assert res.rule_status is Status.unknown and res.status is Status.unknown
    finding = next(f for f in a.findings if f.id == "RESIDENCY@channel")
    assert "demo-chat@1.0.0" in finding.message.vi and "Công ty Thử Nghiệm" in finding.message.vi
    hit = next(h for f in a.findings for h in f.hits if h.id == "G-RES-STORE@demo-store")
    assert "nơi chưa rõ" in hit.message.vi and "hồ sơ nền tảng demo-chat@1.0.0" in hit.message.vi
    assert a.verdict.value == "reject"
    doc["answers"]["RES-01"] = {"status": "met", "evidence": ["Hợp đồng số 7/2026, Điều 3: "
                                                              "lưu trữ tại Việt Nam"]}
    assert _control(doc, "RES-01").status is Status.met


def test_the_worse_of_the_profiles_and_the_provinces_answer_counts() -> None:
    doc = on_platform()
    doc["answers"]["ENC-02"] = {"status": "met", "evidence": ["Quy trình của tỉnh"]}
    a = assess_dict(doc)
    c = next(c for c in a.controls if c.id == "ENC-02")
    assert (c.status, c.source, c.declared, c.profile_status) == (
        Status.not_met, "profile", Status.met, Status.not_met)
    assert any(f.id == "PROFILE@ENC-02" for f in a.findings)
    doc["answers"]["ENC-02"] = {"status": "unknown"}  # not-met is worse than "I do not know"
    assert _control(doc, "ENC-02").status is Status.not_met


def test_profile_answers_are_keyed_to_the_checklist_version() -> None:
    doc = on_platform()
    pf = load_platform(PLATFORM_DIR / "demo-chat" / "1.0.0.yaml").doc
    assert "mini@1.0.0" in pf.answers
    source = parse(dump(doc), "p.yaml")
    inputs = load_inputs(source, Catalog([MINI]), platforms=Catalog([PLATFORM_DIR], PLATFORMS))
    other = pf.model_copy(update={"answers": {"mini@9.9.9": pf.answers["mini@1.0.0"]}})
    a = evaluate(inputs.proposal, inputs.checklist, None,
                 type(inputs.platform)(other, inputs.platform.source))  # type: ignore[misc,union-attr]
    assert next(c for c in a.controls if c.id == "ENC-02").profile_status is None


def test_a_drawn_flow_is_no_better_encrypted_than_the_profile_says() -> None:
    doc = on_platform()
    doc["flows"][0]["encryption"] = "e2e"
    a = assess_dict(doc)
    assert next(f for f in a.scope.flows if f.source == "citizen").encryption == "tls"


def test_leaving_the_platform_undrawn_hides_nothing() -> None:
    doc = on_platform()
    full = assess_dict(doc)
    doc["flows"] = [f for f in doc["flows"] if "demo-oa" not in (f["from"], f["to"])]
    bare = assess_dict(doc)
    assert ("phone", "demo-cloud") in {(e.data, e.zone) for e in bare.exposure if e.at_rest}
    assert bare.score <= full.score
    rank = {"not-met": 0, "unknown": 1, "partial": 2, "met": 3, "not-applicable": 4}
    before = {c.id: c.status for c in full.controls}
    assert all(rank[c.status] <= rank[before[c.id]] for c in bare.controls)


def test_a_blocker_pass_resting_on_the_profile_counts_without_evidence() -> None:
    doc = on_platform()
    del doc["answers"]["ENC-01"]
    c = _control(doc, "ENC-01")
    assert (c.status, c.unconfirmed) == (Status.met, False)
    doc["zones"].append({"id": "host", "name": "Thuê máy chủ", "country": "VN",
                         "operator": "Hosting", "trust": "third-party"})
    doc["nodes"].append({"id": "bot", "name": "Máy chủ bot", "kind": "process", "zone": "host"})
    doc["flows"].append({"from": "demo-oa", "to": "bot", "data": ["phone"], "encryption": "tls",
                         "authenticated": True})
    c = _control(doc, "ENC-01")  # the province's own third party: its drawing needs evidence
    assert (c.status, c.unconfirmed) == (Status.unknown, True)


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["zones"].append({"id": "z2", "name": "Zalo", "country": "VN",
                                  "operator": "Công ty Thử Nghiệm", "trust": "government"}),
     "proposal.yaml:{line}: zones[2].operator: zone 'z2' is run by 'Công ty Thử Nghiệm', an "
     "operator of profile demo-chat@1.0.0"),
    (lambda d: d["zones"].append({"id": "demo-cloud", "name": "x", "country": "VN",
                                  "operator": "x", "trust": "third-party"}),
     "zones[2].id: zone id 'demo-cloud' is a zone of profile demo-chat@1.0.0"),
    (lambda d: d["nodes"].append({"id": "demo-store", "name": "x", "kind": "datastore",
                                  "zone": "gov"}),
     "nodes[2].id: node id 'demo-store' is a node of profile demo-chat@1.0.0"),
    (lambda d: d["flows"].append({"from": "demo-oa", "to": "demo-store", "data": ["phone"],
                                  "encryption": "none", "authenticated": True}),
     "flows[3].to: 'demo-store' is inside profile demo-chat@1.0.0, not an entry point; "
     "expected one of: demo-oa"),
    (lambda d: d["channel"].update(operator="VNG"),
     "channel.operator: 'VNG' differs from profile demo-chat@1.0.0 ('demo')"),
    (lambda d: d["channel"].update(kind="chat-bot"),
     "channel.kind: 'chat-bot' differs from profile demo-chat@1.0.0 ('official-account'); "
     "expected kind: official-account"),
    (lambda d: d["channel"].update(platform="demo-chatt@1.0.0"),
     "channel.platform: no platform profile 'demo-chatt' (did you mean 'demo-chat'?"),
], ids=["operator-zone", "zone-id", "node-id", "inner-node", "operator", "kind", "unknown"])
def test_the_province_cannot_redraw_the_profile(change: Any, expected: str) -> None:
    doc = on_platform()
    change(doc)
    message = _problems(doc)
    assert expected.split("{line}: ")[-1] in message, message


def test_a_proposal_naming_a_profile_is_never_evaluated_without_it() -> None:
    source = parse(dump(on_platform()), "p.yaml")
    inputs = load_inputs(source, Catalog([MINI]), platforms=Catalog([PLATFORM_DIR], PLATFORMS))
    with pytest.raises(ValueError, match=r"names platform demo-chat@1\.0\.0"):
        evaluate(inputs.proposal, inputs.checklist)


def test_without_a_profile_the_operators_zone_must_be_drawn() -> None:
    doc = on_platform()
    doc["channel"] = {"name": "OA", "operator": "vng", "kind": "official-account",
                      "exclusive": False}
    doc["operators"] = [{"id": "vng", "name": "Công ty Cổ phần VNG", "country": "VN"},
                        {"id": "tinh", "name": "UBND tỉnh", "country": "VN"}]
    for z in doc["zones"]:
        z["operator"] = "tinh"
    doc["flows"] = []
    message = _problems(doc)
    assert "the channel's own systems are not drawn (no zone of operator 'vng' holds a process " \
           "or datastore)" in message
    doc["zones"].append({"id": "zalo", "name": "Zalo", "country": "VN", "operator": "vng",
                         "trust": "government"})
    doc["nodes"].append({"id": "oa", "name": "OA", "kind": "process", "zone": "zalo"})
    assert "zone 'zalo' is run by the channel's operator 'vng', which is not the state; " \
           "expected trust: third-party" in _problems(doc)
    doc["zones"][-1]["operator"] = "VNG"
    assert "unknown operator 'VNG': this proposal names operators by id" in _problems(doc)


def test_operators_by_id_give_the_channels_country_and_name() -> None:
    doc = on_platform()
    del doc["answers"]["RES-01"]
    doc["channel"] = {"name": "OA", "operator": "meta", "kind": "official-account",
                      "exclusive": False}
    doc["operators"] = [{"id": "meta", "name": "Meta Platforms, Inc.", "country": "US"},
                        {"id": "tinh", "name": "UBND tỉnh", "country": "VN"},
                        {"id": "dan", "name": "Người dân", "country": "VN"}]
    for z in doc["zones"]:
        z["operator"] = "tinh" if z["trust"] == "government" else "dan"
    doc["zones"].append({"id": "fb", "name": "Facebook", "country": "VN", "operator": "meta",
                         "trust": "third-party"})
    doc["nodes"].append({"id": "page", "name": "Trang", "kind": "process", "zone": "fb"})
    for f in doc["flows"]:
        f["from"], f["to"] = (("page" if x == "demo-oa" else x) for x in (f["from"], f["to"]))
    a = assess_dict(doc)
    assert a.scope.channel.operator_country == "US"
    assert any(f.id == "RESIDENCY@channel" and "Meta Platforms, Inc." in f.message.vi
               for f in a.findings)


def test_an_actor_in_the_channels_zone_is_not_the_citizen() -> None:
    doc = on_platform()
    doc["channel"] = {"name": "OA", "operator": "VNG", "operator_country": "VN",
                      "kind": "official-account", "exclusive": False}
    doc["zones"].append({"id": "zalo", "name": "Zalo", "country": "SG", "operator": "VNG",
                         "trust": "untrusted"})
    doc["nodes"].append({"id": "staff", "name": "Nhân viên", "kind": "actor", "zone": "zalo"})
    doc["nodes"].append({"id": "oa", "name": "OA", "kind": "process", "zone": "zalo"})
    for f in doc["flows"]:
        f["from"], f["to"] = (("oa" if x == "demo-oa" else x) for x in (f["from"], f["to"]))
    doc["flows"].append({"from": "oa", "to": "staff", "data": ["phone"], "encryption": "tls",
                         "authenticated": True})
    a = assess_dict(doc)
    assert "G-RES-STORE@staff" in hit_ids(a)


# ── the shelf: lint, release, CLI ─────────────────────────────────────────────────────────────


def test_lint_reports_what_a_profile_states_without_a_source(tmp_path: Path) -> None:
    folder = tmp_path / "demo-chat"
    shutil.copytree(PLATFORM_DIR / "demo-chat", folder)
    f = folder / "1.0.0.yaml"
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("    keeps: \"yes\"\n", "    keeps: \"no\"\n    \n")
                 .replace("  - id: demo-store\n", "  - id: demo-store\n", 1)
                 .replace("    encrypted_at_rest: unknown\n    retention_days: null\n"
                          "    certainty: confirmed\n    sources: [terms]\n",
                          "    encrypted_at_rest: unknown\n    retention_days: null\n"
                          "    certainty: to-confirm\n"), encoding="utf-8")
    report = lint(targets([str(f)], Catalog([tmp_path], PLATFORMS)), Catalog([MINI]))
    messages = [str(i) for i in report.issues()]
    assert any("nodes[1].keeps: 'keeps: no' on 'demo-store' rests on a to-confirm fact" in m
               for m in messages), messages
    assert any("nodes[1].sources: a to-confirm fact with no source" in m for m in messages)


def test_a_profile_is_released_and_locked_like_a_checklist(tmp_path: Path) -> None:
    shutil.copytree(PLATFORM_DIR / "demo-chat", tmp_path / "demo-chat")
    runner = CliRunner()
    args = ["--platforms", str(tmp_path), "--checklists", str(MINI)]
    result = runner.invoke(app, ["platform", "release", "demo-chat@1.0.0", *args])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "demo-chat" / "releases.lock").is_file()
    assert "status: released" in (tmp_path / "demo-chat" / "1.0.0.yaml").read_text("utf-8")
    changelog = (tmp_path / "demo-chat" / "CHANGELOG.md").read_text("utf-8")
    assert "First release: operator Công ty Thử Nghiệm" in changelog
    assert runner.invoke(app, ["platform", "lint", *args]).exit_code == 0
    new = (tmp_path / "demo-chat" / "1.0.0.yaml").read_text("utf-8").replace(
        "status: released", "status: draft").replace("version: 1.0.0", "version: 1.0.1").replace(
        "    country: unknown\n", "    country: VN\n")
    (tmp_path / "demo-chat" / "1.0.1.yaml").write_text(new, encoding="utf-8")
    refused = runner.invoke(app, ["platform", "release", "demo-chat@1.0.1", *args])
    assert refused.exit_code == 2
    assert "needs a minor bump" in flat(refused.output) or "need a minor bump" in flat(
        refused.output), refused.output
    tampered = tmp_path / "demo-chat" / "1.0.0.yaml"
    tampered.write_text(tampered.read_text("utf-8").replace("Máy chủ của nền tảng",
                                                            "Máy chủ khác"), encoding="utf-8")
    lint_out = runner.invoke(app, ["platform", "lint", str(tmp_path / "demo-chat" / "1.0.0.yaml"),
                                   *args])
    assert lint_out.exit_code == 2 and "the file changed after its release" in flat(
        lint_out.output)


def test_platform_list_show_and_init(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["--platforms", str(PLATFORM_DIR)]
    listed = runner.invoke(app, ["platform", "list", *args])
    assert listed.exit_code == 0 and "demo-chat" in listed.output
    shown = runner.invoke(app, ["platform", "show", "demo-chat@1.0.0", "--lang", "en", *args])
    assert shown.exit_code == 0, shown.output
    out = flat(shown.output)
    assert "Test chat platform" in out and "unknown" in out and "Công ty Thử Nghiệm" in out
    target = tmp_path / "p.yaml"
    made = runner.invoke(app, ["init", "-o", str(target), "--platform", "demo-chat@1.0.0",
                               "--checklist", "mini@1.0.0", "--checklists", str(MINI), *args])
    assert made.exit_code == 0, made.output
    text = target.read_text("utf-8")
    assert "platform: demo-chat@1.0.0" in text and "demo-oa" in text
    checked = runner.invoke(app, ["validate", str(target), "--checklists", str(MINI), *args])
    assert checked.exit_code == 0, checked.output


def test_a_zone_of_the_profiles_operator_gets_one_message_that_says_why() -> None:
    doc = on_platform()
    doc["operators"] = [{"id": "tinh", "name": "UBND tỉnh", "country": "VN"}]
    for z in doc["zones"]:
        z["operator"] = "tinh"
    doc["zones"].append({"id": "copy", "name": "Bản sao", "country": "VN", "operator": "demo",
                         "trust": "third-party"})
    (message,) = _problems(doc).splitlines()
    assert "zone 'copy' is run by 'demo', an operator of profile demo-chat@1.0.0" in message
