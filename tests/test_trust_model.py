"""Who supplies the facts: the five ways a new user could improve a verdict by drawing less or
claiming more (issue 11), each reproduced from an example and shown not to work any more."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from assess.checklists.catalog import Catalog
from assess.checklists.loading import load_inputs, resolve_checklist
from assess.cli import app
from assess.core.errors import InputError
from assess.documents.loading import Loaded, parse_model
from assess.documents.models import Checklist
from assess.documents.yamlsource import parse
from assess.engine.evaluate import evaluate
from assess.engine.result import Assessment
from assess.workflows.pipeline import assess_files
from tests.helpers import hit_ids

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
LEGACY = Path(__file__).resolve().parent / "data" / "legacy"
FACEBOOK = LEGACY / "facebook-messenger-abroad.yaml"


def facebook() -> dict[str, Any]:
    return yaml.safe_load(FACEBOOK.read_text(encoding="utf-8"))


def drop_meta_stores(doc: dict[str, Any]) -> dict[str, Any]:
    """The platform's message stores left out of the drawing, with the flows into them."""
    gone = {"meta-store-sg", "meta-store-us"}
    doc["nodes"] = [n for n in doc["nodes"] if n["id"] not in gone]
    doc["flows"] = [f for f in doc["flows"] if f["from"] not in gone and f["to"] not in gone]
    return doc


def all_met(doc: dict[str, Any]) -> dict[str, Any]:
    for answer in doc["answers"].values():
        answer["status"] = "met"
    return doc


def assess(doc: dict[str, Any]) -> Assessment:
    source = parse(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode(), "p.yaml")
    inputs = load_inputs(source, Catalog())
    return evaluate(inputs.proposal, inputs.checklist, None, inputs.platform)


def status(a: Assessment, cid: str) -> str:
    return next(c.status.value for c in a.controls if c.id == cid)


def test_leaving_the_platform_store_out_and_answering_everything_met_is_not_approved() -> None:
    """Was: approve, 97.8, while the same assessment rated the risk critical."""
    a = assess(all_met(drop_meta_stores(facebook())))
    assert a.verdict.value == "reject"
    assert status(a, "RES-01") == "not-met"
    hits = hit_ids(a)
    assert {"G-RES-STORE@messenger", "G-RES-STORE@meta-edge"} <= hits  # presumed to keep it


def test_a_province_own_not_met_on_residency_is_not_lifted_by_a_thinner_drawing() -> None:
    """Was: the rule (no foreign store drawn) upgraded the declared not-met to met."""
    doc = drop_meta_stores(facebook())
    doc["answers"]["RES-01"] = {"status": "not-met"}
    a = assess(doc)
    assert status(a, "RES-01") == "not-met" and a.verdict.value == "reject"
    assert "RES-01" in a.failing_blockers()


def test_a_foreign_operator_drawn_only_in_vietnam_leaves_residency_unknown() -> None:
    """Was: Meta's zones declared VN → conditional, with no finding at all."""
    doc = all_met(facebook())
    for z in doc["zones"]:
        if z["trust"] == "third-party":
            z["country"] = "VN"
    a = assess(doc)
    assert status(a, "RES-01") == "unknown" and a.verdict.value == "reject"
    f = next(f for f in a.findings if f.id == "RESIDENCY@channel")
    assert f.blocker and "Evidence needed" in f.message.en and "Bằng chứng cần có" in f.message.vi
    # A zone declared abroad with nothing drawn in it holds the channel's data: not met.
    doc["zones"].append({"id": "meta-ie", "name": "Meta Ireland", "country": "IE",
                         "operator": "Meta", "trust": "third-party"})
    a = assess(doc)
    assert status(a, "RES-01") == "not-met" and "G-RES-STORE@zone:meta-ie" in hit_ids(a)
    doc["zones"].pop()
    # With an answer 'met' backed by evidence of local hosting, the rule's pass counts.
    doc["answers"]["RES-01"] = {"status": "met", "evidence": ["Hợp đồng lưu trữ tại Việt Nam"]}
    assert status(assess(doc), "RES-01") == "met"


def test_not_applicable_where_the_facts_hold_counts_as_not_met() -> None:
    """Was: a low 'reviewer should confirm' note, and the control silently left the score."""
    doc = facebook()
    a0 = assess(doc)
    target = next(c for c in a0.controls if c.applicable and c.status.value == "met"
                  and c.missing_facts == [] and not c.blocker and not c.rule)
    doc["answers"][target.id] = {"status": "not-applicable"}
    a = assess(doc)
    c = next(c for c in a.controls if c.id == target.id)
    assert c.applicable and c.status.value == "not-met" and c.contradicted
    assert a.score < a0.score
    assert next(f for f in a.findings if f.id == f"NA@{target.id}").kind == "contradiction"


REVIEWER = {"organization": {"vi": "Bộ Khoa học và Công nghệ"}, "name": "Người thẩm định",
            "role": {"vi": "Chuyên viên"}}


def _review(tmp_path: Path, decision: dict[str, Any]) -> Path:
    doc = {"kind": "review", "schema_version": 1,
           "proposal": {"id": "facebook-messenger-abroad",
                        "sha256": hashlib.sha256(FACEBOOK.read_bytes()).hexdigest()},
           "reviewer": REVIEWER, "reviewed_on": "2026-11-30", "decision": decision}
    path = tmp_path / "review.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_an_approval_over_failing_blockers_without_an_exception_is_refused(tmp_path: Path) -> None:
    """Was: 'Chấp thuận' printed right above 'hồ sơ bị từ chối bất kể điểm số'."""
    review = _review(tmp_path, {"verdict": "approve", "rationale": "Đồng ý."})
    with pytest.raises(InputError) as exc:
        assess_files(FACEBOOK, review=review)
    (message,) = exc.value.messages()
    assert "decision.exception" in message and "against failing blockers RES-01" in message
    assert "allowed only as an exception" in message


def test_an_exception_needs_a_rationale_and_an_authority(tmp_path: Path) -> None:
    review = _review(tmp_path, {"verdict": "approve", "exception": True})
    with pytest.raises(InputError) as exc:
        assess_files(FACEBOOK, review=review)
    fields = {m.split(": ")[1] for m in exc.value.messages()}
    assert fields == {"decision.rationale", "decision.authority"}


@pytest.mark.usefixtures("vietnamese")
def test_an_exception_is_titled_as_one_and_never_under_the_rejection_text(
        tmp_path: Path) -> None:
    review = _review(tmp_path, {
        "verdict": "approve", "exception": True, "authority": "Văn bản số 01/TTg-KSTT (giả định)",
        "rationale": "Thí điểm ba tháng trong khi tỉnh chuyển sang kênh trong nước."})
    a = assess_files(FACEBOOK, review=review)
    assert a.exception and a.verdict.value == "approve" and a.computed_verdict.value == "reject"
    assert a.verdict_key == "approve.exception" and a.gate_verdict.value == "reject"
    first, *rest = a.verdict_reasons
    assert first.code == "review-exception" and "RES-01" in first.controls
    assert first.text.vi.startswith("Phê duyệt ngoại lệ: người thẩm định quyết định ngoại lệ")
    assert "Văn bản số 01/TTg-KSTT" in first.text.vi
    assert all(r.text.vi.startswith("Theo kết quả tính của công cụ: ") for r in rest)
    result = CliRunner().invoke(app, ["score", str(FACEBOOK), "--review", str(review),
                                      "--fail-on", "reject"])
    assert result.exit_code == 1  # the gate judges the computed verdict
    assert "Kết luận: Phê duyệt ngoại lệ" in result.output


def _capped(cap: str | None) -> Loaded[Checklist]:
    base = resolve_checklist("vn-third-party-channel@1.0.0", Catalog())
    doc = yaml.safe_load(base.source.text)
    doc["status"] = "draft"
    if cap is not None:
        doc["scoring"]["approve_max_risk"] = cap
    source = parse(yaml.safe_dump(doc, allow_unicode=True).encode(), "capped.yaml")
    return Loaded(parse_model(source, Checklist), source)


def test_an_approval_never_carries_more_risk_than_the_checklist_allows() -> None:
    inputs = load_inputs(EXAMPLES / "bac-ninh-zalo-notifications.yaml", Catalog())
    p, pf = inputs.proposal, inputs.platform
    uncapped = evaluate(p, _capped(None), None, pf)
    assert uncapped.verdict.value == "approve" and uncapped.risk.rating == "low"
    assert evaluate(p, _capped("low"), None, pf).verdict.value == "approve"
    # A proposal rated high: above a 'medium' cap, an approval becomes conditional, with the why.
    doc = yaml.safe_load((EXAMPLES / "bac-ninh-zalo-notifications.yaml").read_text("utf-8"))
    doc["answers"]["ACC-05"] = {"status": "not-met"}
    source = parse(yaml.safe_dump(doc, allow_unicode=True).encode(), "p.yaml")
    p2 = load_inputs(source, Catalog()).proposal
    risky = evaluate(p2, _capped(None), None, pf)
    assert risky.verdict.value == "approve" and risky.risk.rating in ("high", "critical"), (
        risky.verdict, risky.risk.rating)
    capped = evaluate(p2, _capped("medium"), None, pf)
    assert capped.verdict.value == "conditional"
    assert capped.verdict_reasons[0].code == "risk-cap"


@pytest.mark.usefixtures("vietnamese")
def test_the_report_titles_an_exception_and_puts_it_before_the_computed_reasons(
        tmp_path: Path) -> None:
    review = _review(tmp_path, {
        "verdict": "conditional", "exception": True, "authority": "Văn bản số 01/TTg-KSTT",
        "rationale": "Thí điểm ba tháng."})
    html, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    result = CliRunner().invoke(app, ["report", str(FACEBOOK), "--review", str(review),
                                      "-o", str(pdf), "--html", str(html)])
    assert result.exit_code == 0, result.output
    page = html.read_text(encoding="utf-8")
    assert "Chấp thuận có điều kiện theo ngoại lệ" in page
    exception = page.index("người thẩm định quyết định ngoại lệ")
    rejected = page.index("hồ sơ bị từ chối bất kể điểm số")
    assert exception < rejected
    assert "Theo kết quả tính của công cụ: Kiểm soát bắt buộc không đạt" in page


BAC_NINH = LEGACY / "bac-ninh-zalo-notifications.yaml"  # drawn as before profiles
BAC_GIANG = EXAMPLES / "bac-giang-zalo-2019.yaml"


def test_any_decision_better_than_the_computed_verdict_is_an_exception(tmp_path: Path) -> None:
    """A partly met blocker, personal data abroad or a risk cap all say 'at best conditional':
    a plain 'approve' over them is refused just as over a failing blocker."""
    doc = yaml.safe_load((EXAMPLES / "bac-giang-zalo-2019.review.yaml").read_text("utf-8"))
    doc["decision"] = {"verdict": "approve", "rationale": "Đồng ý."}
    review = tmp_path / "review.yaml"
    review.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    with pytest.raises(InputError) as exc:
        assess_files(BAC_GIANG, review=review)
    (message,) = exc.value.messages()
    assert "better than the computed verdict 'conditional'" in message


def test_a_zone_abroad_in_scope_keeps_an_approval_out_of_reach() -> None:
    doc = yaml.safe_load(BAC_NINH.read_text("utf-8"))
    assert assess(doc).verdict.value == "approve"
    doc["zones"].append({"id": "zalo-sg", "name": "VNG Singapore", "country": "SG",
                         "operator": "VNG", "trust": "third-party"})
    a = assess(doc)  # the zone holds the channel's data: the residency blocker fails, too
    assert a.verdict.value == "reject"
    assert {r.code for r in a.verdict_reasons} >= {"blocker-failed"}
    assert "G-RES-STORE@zone:zalo-sg" in hit_ids(a)


def test_overriding_a_control_that_applies_to_not_applicable_is_an_exception(
        tmp_path: Path) -> None:
    doc = yaml.safe_load((EXAMPLES / "bac-giang-zalo-2019.review.yaml").read_text("utf-8"))
    doc["overrides"]["VEN-03"] = {"status": "not-applicable", "rationale": "Không cần."}
    review = tmp_path / "review.yaml"
    review.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    with pytest.raises(InputError) as exc:
        assess_files(BAC_GIANG, review=review)
    assert "overrides raise VEN-03" in exc.value.messages()[0]


def test_blank_evidence_is_refused_where_it_is_written(tmp_path: Path) -> None:
    text = re.sub(r"(?m)^      - Phụ lục 02 của Hợp đồng số 14/2026/HĐ-TTPVHCC, Điều 4.*$",
                  "      - ' '", BAC_NINH.read_text("utf-8"), count=1)
    path = tmp_path / "p.yaml"
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert "nodes[1].evidence[0]: is blank; expected: A document that proves the claim" \
        in result.stderr


# ── completing the drawing from what the province declares ────────────────────────────────────

BAC_NINH_PROFILE = EXAMPLES / "bac-ninh-zalo-notifications.yaml"


def test_leaving_out_the_flow_that_brings_citizens_data_to_the_channel_hides_nothing() -> None:
    doc = yaml.safe_load(BAC_NINH_PROFILE.read_text("utf-8"))
    before = assess(doc)
    doc["flows"] = [f for f in doc["flows"]
                    if (f["from"], f["to"]) != ("citizen-app", "zalo-oa-service")]
    after = assess(doc)
    undrawn = next(h for f in after.findings for h in f.hits
                   if h.id == "G-ENC-BOUNDARY@undrawn->channel")
    assert undrawn.data == ["zalo-uid"]  # phone and dossier status still arrive, drawn
    assert after.score <= before.score and status(after, "ENC-01") == "not-met"


def test_a_service_said_to_reach_the_province_with_no_flow_drawn_there_arrives_at_worst() -> None:
    doc = yaml.safe_load(BAC_NINH_PROFILE.read_text("utf-8"))
    doc["flows"] = [f for f in doc["flows"] if f["to"] != "notify-gw"]
    a = assess(doc)
    ids = hit_ids(a)
    assert {"G-AUTH-INBOUND@service:thong-bao-ho-so->undrawn",
            "G-ENC-BOUNDARY@service:thong-bao-ho-so->undrawn"} <= ids
    assert status(a, "ACC-10") == "not-met"


def test_a_third_party_zone_with_nothing_shown_keeps_the_channels_data() -> None:
    doc = yaml.safe_load(BAC_NINH_PROFILE.read_text("utf-8"))
    doc["operators"].append({"id": "host", "name": "Công ty Lưu trữ", "country": "VN"})
    doc["zones"].append({"id": "hosting", "name": "Máy chủ thuê", "country": "VN",
                         "operator": "host", "trust": "third-party"})
    a = assess(doc)
    assert {"G-REST-ENC@zone:hosting", "G-RETENTION@zone:hosting"} <= hit_ids(a)
    assert a.verdict.value != "approve" or a.score < assess(
        yaml.safe_load(BAC_NINH_PROFILE.read_text("utf-8"))).score


def test_a_service_that_says_it_stays_out_of_the_provinces_systems_cannot_be_drawn_going_in(
        ) -> None:
    doc = yaml.safe_load(BAC_NINH_PROFILE.read_text("utf-8"))
    doc["services"][1]["reaches_province_systems"] = False
    with pytest.raises(InputError) as exc:
        assess(doc)
    (message,) = exc.value.messages()
    assert "services[1].reaches_province_systems: service 'thong-bao-ho-so' says its data " \
           "stays out of the province's systems, but flow zalo-oa-service->notify-gw carries " \
           "it into 'notify-gw'" in message
