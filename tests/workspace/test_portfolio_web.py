"""The portfolio and what is due, in the workspace: each dossier counted once by its latest
version, the reviewed verdict with conditions as they stand today, a province seeing only its
own rows on every list route (generated from the route table), and the page's downloads being
the CLI's files."""

from __future__ import annotations

import datetime as dt
import io
import json

import openpyxl
import pytest

from assess.workspace.services import decisions, dossiers, portfolio
from assess.workspace.web.pages import ROLES
from tests.workspace.test_web import OBJECT_PARAMS, SCRIPT, Site, _decided, _dossier, _routes
from tests.workspace.test_web import site as site
from tests.workspace.world import PROPOSAL

ON = dt.date(2026, 12, 4)


def _quang_tri(site: Site, title: str = "Trang Facebook Quảng Trị") -> tuple[int, int]:
    d = dossiers.create_dossier(site.db, site.quang_tri, title)
    v = dossiers.upload(site.db, site.quang_tri, d.id, PROPOSAL.read_bytes(), PROPOSAL.name)
    return d.id, v.id


def test_a_province_counts_only_its_own_dossiers(site: Site) -> None:
    d, _v, _ = _dossier(site)
    q, _ = _quang_tri(site)
    dossiers.create_dossier(site.db, site.bac_ninh, "Chưa có phiên bản")
    own = portfolio.overview(site.db, site.quang_tri, ON)
    assert [r.key for r in own.portfolio.rows] == [f"/dossiers/{q}"]
    assert own.waiting == 0 and own.total == 1
    every = portfolio.overview(site.db, site.reviewer, ON)
    assert sorted(r.key for r in every.portfolio.rows) == sorted([f"/dossiers/{d}",
                                                                   f"/dossiers/{q}"])
    assert every.waiting == 1
    assert {e.organisation for e in every.entries.values()} == {"bac-ninh", "quang-tri"}


def test_a_decided_dossier_counts_its_conditions_as_they_stand_today(site: Site) -> None:
    d, v, _ = _dossier(site)
    condition = _decided(site, d, v)
    before = portfolio.overview(site.db, site.reviewer, ON).portfolio.rows[0]
    assert before.state == "reviewed" and before.verdict.startswith("conditional")
    assert before.conditions_open == 1
    decisions.update_condition(site.db, site.reviewer, condition, "Đã ký phụ lục", "met")
    after = portfolio.overview(site.db, site.reviewer, ON).portfolio.rows[0]
    assert after.conditions_open == 0


def test_filters_and_sort(site: Site) -> None:
    d, v, _ = _dossier(site)
    _decided(site, d, v)
    q, _ = _quang_tri(site)
    reviewed = portfolio.overview(site.db, site.reviewer, ON,
                                  portfolio.Filters(state=dossiers.DECIDED))
    assert [r.key for r in reviewed.portfolio.rows] == [f"/dossiers/{d}"]
    assert reviewed.total == 2
    by_org = portfolio.overview(site.db, site.reviewer, ON, portfolio.Filters("quang-tri"))
    assert [r.key for r in by_org.portfolio.rows] == [f"/dossiers/{q}"]
    nothing = portfolio.overview(site.db, site.reviewer, ON, portfolio.Filters(verdict="x"))
    assert nothing.portfolio.rows == [] and nothing.portfolio.exposure == []
    up = [r.key for r in portfolio.overview(site.db, site.reviewer, ON, sort="state")
          .portfolio.rows]
    down = [r.key for r in portfolio.overview(site.db, site.reviewer, ON, sort="state",
                                              descending=True).portfolio.rows]
    assert up == [f"/dossiers/{q}", f"/dossiers/{d}"] and down == up[::-1]


def test_overdue_conditions_are_due_for_the_ministry_and_the_province(site: Site) -> None:
    d, v, _ = _dossier(site)
    dossiers.submit(site.db, site.bac_ninh, d)
    decisions.decide(site.db, site.reviewer, v, verdict="conditional", rationale="Chờ.",
                     position="Chuyên viên", conditions=[decisions.ConditionIn(
                         "Ký phụ lục", "RES-01", due=dt.date(2026, 1, 15))])
    for actor in (site.reviewer, site.bac_ninh):
        result, entries = portfolio.due_of(site.db, actor, ON)
        assert [(c.key, c.days) for c in result.conditions] == [(f"/dossiers/{d}", 323)]
        assert f"/dossiers/{d}" in entries
    assert portfolio.due_of(site.db, site.quang_tri, ON)[0].conditions == []


def _list_routes() -> list[str]:
    return [r.path for r in _routes() if "GET" in r.methods
            and not OBJECT_PARAMS & set(r.param_convertors)
            and not ROLES[r.path].startswith("anyone")]


def _texts(body: bytes) -> str:
    """A response as text; a workbook's every cell (its members are compressed XML)."""
    if body[:2] == b"PK":
        book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        return " ".join(str(v) for ws in book for row in ws.iter_rows(values_only=True)
                        for v in row if v is not None)
    return body.decode("utf-8", "replace")


@pytest.mark.parametrize("path", [p.replace("{fmt}", f) for p in _list_routes()
                                  for f in (("csv", "json", "xlsx") if "{fmt}" in p else ("",))])
def test_another_province_never_sees_a_dossier_on_a_list_route(site: Site, path: str) -> None:
    """Generated from the route table: every page listing dossiers leaves out other
    provinces'; the owner's list shows them (so the test can fail)."""
    d, v, _ = _dossier(site)
    _decided(site, d, v)
    other, _ = site.signed_in("qt.le")
    r = other.get(path)
    assert r.status_code == 200, (path, r.status_code)
    assert "Bắc Ninh" not in _texts(r.content) and "Zalo OA thông báo" not in _texts(r.content)
    own, _ = site.signed_in("bn.tran")
    mine = own.get(path)
    assert mine.status_code == 200
    text = _texts(mine.content)
    assert "Bắc Ninh" in text or "Zalo OA thông báo" in text, path


def test_the_pages_link_each_row_to_its_dossier_and_escape_proposal_text(site: Site) -> None:
    text = PROPOSAL.read_text(encoding="utf-8").replace(
        "title:\n  vi: ", f"title:\n  vi: {SCRIPT} ", 1)
    d = dossiers.create_dossier(site.db, site.bac_ninh, f"Hồ sơ {SCRIPT}")
    v = dossiers.upload(site.db, site.bac_ninh, d.id, text.encode(), "p.yaml")
    _decided(site, d.id, v.id, SCRIPT)
    client, _ = site.signed_in("rv.pham")
    for path in ("/portfolio", "/portfolio?sort=score&desc=1", "/due",
                 "/portfolio?attention=blockers"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert SCRIPT not in r.text, path
    page = client.get("/portfolio").text
    assert f'href="/dossiers/{d.id}"' in page and f'href="/versions/{v.id}"' in page
    assert "&lt;script&gt;" in page
    assert 'aria-sort="ascending"' in page
    assert client.get("/portfolio/../dossiers").status_code in (200, 404)


def test_the_downloads_are_the_portfolio_the_cli_writes(site: Site) -> None:
    d, _v, _ = _dossier(site)
    client, _ = site.signed_in("rv.pham")
    data = json.loads(client.get("/portfolio.json").text)
    assert [r["key"] for r in data["rows"]] == [f"/dossiers/{d}"]
    csv = client.get("/portfolio.csv?lang=en")
    assert csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv.headers["content-disposition"]
    pdf = client.get("/portfolio.pdf")
    assert pdf.content.startswith(b"%PDF-")
    assert client.get("/portfolio.docx").status_code == 404
    filtered = json.loads(client.get("/portfolio.json?organisation=quang-tri").text)
    assert filtered["rows"] == []


def test_a_warm_portfolio_reads_no_assessment_and_follows_a_new_version(
        site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """What is counted is kept per version, review and day: a page over more dossiers than the
    assessments' own cache holds does not recompute them all; a new version is counted anew."""
    d, _, _ = _dossier(site)
    first = portfolio.overview(site.db, site.reviewer, ON).portfolio.rows[0]

    def refuse(*args: object) -> None:
        raise AssertionError("assessed again")

    monkeypatch.setattr(dossiers, "stored_assessment", refuse)
    again = portfolio.overview(site.db, site.reviewer, ON).portfolio.rows[0]
    assert again == first
    monkeypatch.undo()
    text = PROPOSAL.read_text(encoding="utf-8").replace("vi: UBND tỉnh Bắc Ninh",
                                                        "vi: UBND thành phố Hà Nội", 1)
    dossiers.upload(site.db, site.bac_ninh, d, text.encode(), PROPOSAL.name)
    (row,) = portfolio.overview(site.db, site.reviewer, ON).portfolio.rows
    assert row.place["vi"] == "Hà Nội"
