"""Scoring arithmetic on the mini checklist (weights critical 8, high 4, medium 2, low 1;
thresholds approve 80, conditional 50; domain weights RES 2, ENC 1)."""

from __future__ import annotations

import pytest

from assess.documents.models import Status, Verdict
from tests.helpers import assess_dict, base_proposal, hit_ids


def _control(a, cid):  # type: ignore[no-untyped-def]
    return next(c for c in a.controls if c.id == cid)


def test_reference_arithmetic_is_traceable_to_controls() -> None:
    a = assess_dict(base_proposal())
    res, enc = a.domains
    # RES: RES-01 met (8·1) + RES-02 partial (4·0.5) over 12
    assert (res.earned, res.possible, res.controls) == (10.0, 12.0, ["RES-01", "RES-02"])
    assert res.score == pytest.approx(83.33, abs=0.01)
    assert enc.score == 100.0 and enc.controls == ["ENC-01", "ENC-02"]
    assert a.score == pytest.approx((2 * 83.333 + 100) / 3, abs=0.01)
    assert a.verdict is Verdict.approve
    assert a.counts == {"met": 3, "partial": 1}


def test_not_applicable_control_is_excluded_from_weights() -> None:
    a = assess_dict(base_proposal())
    enc03 = _control(a, "ENC-03")  # applies only to sensitive data; none here
    assert not enc03.applicable and enc03.value is None
    assert enc03.missing_facts == ["processes_sensitive_data"]
    assert "ENC-03" not in a.domains[1].controls


def test_declared_not_applicable_on_an_applicable_control_counts_as_not_met() -> None:
    before = assess_dict(base_proposal())
    doc = base_proposal()
    doc["answers"]["ENC-02"] = {"status": "not-applicable"}
    a = assess_dict(doc)
    enc02 = _control(a, "ENC-02")
    assert enc02.applicable and enc02.status is Status.not_met and enc02.contradicted
    assert a.domains[1].possible == before.domains[1].possible
    assert a.domains[1].score is not None and before.domains[1].score is not None
    assert a.domains[1].score < before.domains[1].score


def test_unknown_scores_zero_and_is_flagged() -> None:
    doc = base_proposal()
    del doc["answers"]["ENC-02"]
    a = assess_dict(doc)
    enc02 = _control(a, "ENC-02")
    assert (enc02.status, enc02.source, enc02.value) == (Status.unknown, "default", 0.0)
    assert a.domains[1].score == 80.0
    assert any(f.id == "ENC-02" and f.kind == "unknown" for f in a.findings)


def test_failed_blocker_rejects_whatever_the_score() -> None:
    doc = base_proposal()
    doc["zones"].append({"id": "sg", "name": "Singapore DC", "country": "SG", "operator": "VNG",
                         "trust": "third-party"})
    doc["nodes"][2]["zone"] = "sg"
    doc["answers"]["RES-02"] = {"status": "met"}
    a = assess_dict(doc)
    assert _control(a, "RES-01").status is Status.not_met
    assert a.score >= 50
    assert a.verdict is Verdict.reject
    assert a.verdict_reasons[0].code == "blocker-failed"
    assert a.verdict_reasons[0].controls == ["RES-01"]


def test_partial_blocker_caps_at_conditional() -> None:
    doc = base_proposal()
    doc["answers"]["RES-02"] = {"status": "met"}
    review = {"kind": "review", "schema_version": 1,
              "proposal": {"id": "test-ok", "sha256": "0" * 64},
              "reviewer": {"organization": "Bộ KH&CN", "name": "Trần Thị B", "role": "Chuyên viên"},
              "reviewed_on": "2026-04-01",
              "overrides": {"ENC-01": {"status": "partial", "rationale": "TLS chưa bật ở một nhánh."}}}
    a = assess_dict(doc, review)
    enc01 = _control(a, "ENC-01")
    assert (enc01.status, enc01.source, enc01.review_rationale) == (
        Status.partial, "review", "TLS chưa bật ở một nhánh.")
    assert a.score == pytest.approx((2 * 100 + 60) / 3, abs=0.01)  # would approve on score alone
    assert a.verdict is Verdict.conditional
    assert a.verdict_reasons[0].code == "blocker-partial"
    assert a.self_assessment is not None and a.self_assessment.verdict is Verdict.approve


@pytest.mark.parametrize(("statuses", "verdict"), [
    ({"RES-02": "met", "ENC-02": "met"}, Verdict.approve),        # 100
    ({"RES-02": "not-met", "ENC-02": "not-met"}, Verdict.conditional),  # (2·66.7+80)/3 = 71.1
])
def test_thresholds(statuses: dict[str, str], verdict: Verdict) -> None:
    doc = base_proposal()
    for cid, st in statuses.items():
        doc["answers"][cid] = {"status": st}
    assert assess_dict(doc).verdict is verdict


def test_below_conditional_threshold_rejects() -> None:
    doc = base_proposal()
    # Make RES-01 and ENC-01 not applicable (no personal data), then fail the rest.
    for d in doc["data"]:
        d["class"] = "public"
    doc["answers"] = {"RES-02": {"status": "not-met"}, "ENC-02": {"status": "partial"}}
    a = assess_dict(doc)
    assert a.score == pytest.approx((2 * 0 + 50) / 3, abs=0.01)
    assert a.verdict is Verdict.reject and a.verdict_reasons[0].code == "score"


def test_rule_overrides_declared_answer_and_contradiction_is_a_finding() -> None:
    doc = base_proposal()
    doc["flows"][0]["encryption"] = "none"  # citizen -> oa crosses zones unencrypted
    a = assess_dict(doc)
    enc01 = _control(a, "ENC-01")
    assert (enc01.declared, enc01.rule_status, enc01.status, enc01.source) == (
        Status.met, Status.not_met, Status.not_met, "rule")
    ids = [f.id for f in a.findings]
    assert "CONTRA@ENC-01" in ids and "G-ENC-BOUNDARY@ENC-01" in ids
    assert "G-ENC-BOUNDARY@citizen->oa" in hit_ids(a)
    assert a.verdict is Verdict.reject


def test_risk_from_data_class_subjects_and_failed_severity() -> None:
    a = assess_dict(base_proposal())
    # personal data → impact 2; RES-02 (high=3) partial → likelihood 2
    assert (a.risk.impact, a.risk.likelihood, a.risk.rating) == (2, 2, "medium")
    assert a.risk.likelihood_controls == ["RES-02"]
    doc = base_proposal()
    doc["data"][0]["class"] = "sensitive-personal"
    doc["data_subjects"][0]["count"] = 250_000
    doc["answers"]["ENC-03"] = {"status": "not-met"}
    a = assess_dict(doc)
    # sensitive → 3, +1 for ≥100,000 subjects → 4; ENC-03 high not-met → 3
    assert (a.risk.impact, a.risk.likelihood, a.risk.rating) == (4, 3, "critical")


def test_facts_explain_themselves() -> None:
    a = assess_dict(base_proposal())
    facts = {f.name: f for f in a.facts}
    assert facts["processes_personal_data"].value and facts["processes_personal_data"].because == [
        "phone"]
    assert not facts["processes_sensitive_data"].value
    # 'oa' receives the phone number: with no evidence it is presumed to keep it.
    assert facts["stores_personal_data_with_third_party"].because == ["oa", "msgs",
                                                                      "service:hoi-dap"]
    assert not facts["transfers_personal_data_abroad"].value
    assert facts["inbound_to_government"].because == ["oa->portal", "service:hoi-dap"]
    assert facts["conversational_channel"].value and not facts["channel_exclusive"].value


def test_scope_comes_from_services_and_inventory_so_an_empty_drawing_shrinks_nothing() -> None:
    full = assess_dict(base_proposal())
    doc = base_proposal()
    doc["flows"] = []
    for n in doc["nodes"]:
        n.pop("stores", None)
    bare = assess_dict(doc)
    applicable = {c.id for c in full.controls if c.applicable}
    assert applicable <= {c.id for c in bare.controls if c.applicable}
    held = {f.name for f in bare.facts if f.value}
    assert {"processes_personal_data", "stores_personal_data", "inbound_to_government",
            "stores_personal_data_with_third_party", "third_party_processes_personal_data"} <= held


def test_a_console_only_service_does_not_make_the_province_systems_inbound() -> None:
    doc = base_proposal()
    doc["services"][0]["reaches_province_systems"] = False
    doc["flows"] = [f for f in doc["flows"] if f["to"] != "portal"]
    facts = {f.name: f for f in assess_dict(doc).facts}
    assert not facts["inbound_to_government"].value


def test_findings_are_ordered_by_severity_then_blocker() -> None:
    doc = base_proposal()
    doc["answers"]["ENC-02"] = {"status": "not-met"}
    doc["flows"][0]["encryption"] = "none"
    a = assess_dict(doc)
    order = {"critical": 0, "high": 1, "medium": 2, "low": 3}
    ranks = [order[f.severity.value] for f in a.findings]
    assert ranks == sorted(ranks)


def test_partial_is_better_than_a_failed_rule_so_the_rule_counts_and_it_is_a_contradiction(
) -> None:
    doc = base_proposal()
    doc["flows"][0]["encryption"] = "none"
    doc["answers"]["ENC-01"] = {"status": "partial"}
    a = assess_dict(doc)
    ids = [f.id for f in a.findings]
    assert "G-ENC-BOUNDARY@ENC-01" in ids and "CONTRA@ENC-01" in ids
    assert "G-ENC-BOUNDARY@citizen->oa" in hit_ids(a)
    assert _control(a, "ENC-01").status is Status.not_met and a.verdict.value == "reject"


def test_a_declared_not_met_stands_though_the_drawing_shows_no_problem() -> None:
    doc = base_proposal()
    doc["answers"]["ENC-01"] = {"status": "not-met"}
    a = assess_dict(doc)
    assert _control(a, "ENC-01").status is Status.not_met and a.verdict.value == "reject"
    assert "CONTRA@ENC-01" not in [f.id for f in a.findings]


def test_declared_not_applicable_where_the_control_applies_says_what_to_answer() -> None:
    doc = base_proposal()
    doc["answers"]["RES-02"] = {"status": "not-applicable"}
    a = assess_dict(doc)
    assert _control(a, "RES-02").applicable and _control(a, "RES-02").status is Status.not_met
    na = next(f for f in a.findings if f.id == "NA@RES-02")
    assert na.kind == "contradiction" and na.control == "RES-02"
    assert "Answer met, partial or not-met instead, with evidence" in na.message.en
    assert "Cần trả lời đạt, đạt một phần hoặc không đạt, kèm bằng chứng" in na.message.vi
