"""The workspace in HTTP, on SQLite and PostgreSQL: sign-in and sessions, CSRF, isolation of
provinces for every route (generated from the route table), the province's and the ministry's
journeys, escaping, and the upload limit."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import event

from assess.workspace.services import (
    decisions,
    dossiers,
    reports,
    reviews,
    sessions,
    signing,
)
from assess.workspace.services.access import Actor, Role
from assess.workspace.storage.database import Database, open_database
from assess.workspace.web import create_app
from assess.workspace.web.app import BODY_LIMIT
from assess.workspace.web.pages import ROLES
from assess.workspace.web.rendering import COOKIE
from tests.workspace.world import PASSWORD, PROPOSAL, organisations, person, wait

SCRIPT = "<script>alert('x')</script>"


@dataclass
class Site:
    db: Database
    bac_ninh: Actor
    quang_tri: Actor
    reviewer: Actor

    def client(self) -> TestClient:
        return TestClient(create_app(self.db), follow_redirects=False)

    def signed_in(self, username: str) -> tuple[TestClient, str]:
        """A client signed in as `username`, and its CSRF token."""
        c = self.client()
        form = c.get("/login")
        token = re.search(r'name="csrf" value="([^"]+)"', form.text)
        assert token is not None
        r = c.post("/login", data={"username": username, "password": PASSWORD,
                                   "csrf": token.group(1)})
        assert r.status_code == 303, r.text
        page = c.get("/dossiers")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert csrf is not None
        return c, csrf.group(1)


@pytest.fixture
def site(database_url: str) -> Iterator[Site]:
    db = open_database(database_url)
    organisations(db)
    yield Site(db, person(db, "bn.tran", "bac-ninh", Role.SUBMITTER),
               person(db, "qt.le", "quang-tri", Role.SUBMITTER),
               person(db, "rv.pham", "bo-kh-cn", Role.REVIEWER))
    db.close()


def _dossier(site: Site) -> tuple[int, int, str]:
    d = dossiers.create_dossier(site.db, site.bac_ninh, "Zalo OA thông báo")
    v = dossiers.upload(site.db, site.bac_ninh, d.id, PROPOSAL.read_bytes(), PROPOSAL.name)
    return d.id, v.id, v.proposal_sha


def _sign(site: Site, version: int, pdf: bytes, folder: Path) -> None:
    """The reviewer's signature on the rendered report, accepted by the service."""
    from assess.signatures.demo_ca import make_demo
    from assess.signatures.sign import load_key, sign_pdf
    from assess.signatures.verify import load_trust_roots

    demo = make_demo("Người dùng rv.pham", body="Bộ Khoa học và Công nghệ", password="")
    (folder / "ca.pem").write_bytes(demo.ca_pem)
    (folder / "key.p12").write_bytes(demo.key_p12)
    signed = sign_pdf(pdf, load_key(folder / "key.p12", None)).pdf
    signing.accept(site.db, site.reviewer, version, signed, "r.pdf",
                   signing.Signing(load_trust_roots([folder / "ca.pem"])))


def test_a_page_checks_out_one_database_connection(site: Site) -> None:
    """The version page calls a dozen services; they share the request's read session."""
    _, v, _ = _dossier(site)
    c, _ = site.signed_in("bn.tran")
    assert c.get(f"/versions/{v}").status_code == 200  # computes and caches the assessment
    checkouts: list[object] = []

    def counted(*args: object) -> None:
        checkouts.append(args)

    event.listen(site.db.engine, "checkout", counted)
    try:
        assert c.get(f"/versions/{v}").status_code == 200
    finally:
        event.remove(site.db.engine, "checkout", counted)
    assert len(checkouts) == 1, len(checkouts)


def _routes() -> list[APIRoute]:
    return [r for r in create_app.__globals__["pages"].router.routes if isinstance(r, APIRoute)]


def test_every_route_has_its_role_rule_written() -> None:
    assert {r.path for r in _routes()} == set(ROLES)


OBJECT_PARAMS = {"dossier_id", "version_id", "sha", "condition_id"}


def _decided(site: Site, d: int, v: int, text: str = "Ký phụ lục") -> int:
    """Decide version `v` conditionally with one condition; the condition's number."""
    dossiers.submit(site.db, site.bac_ninh, d)
    decisions.decide(site.db, site.reviewer, v, verdict="conditional", rationale="Chờ phụ lục.",
                     position="Chuyên viên", conditions=[decisions.ConditionIn(text, "RES-01")])
    view = decisions.decision_of(site.db, site.reviewer, v)
    assert view is not None
    return view.conditions[0].id


@pytest.mark.parametrize("route", [f"{m} {r.path}" for r in _routes() for m in sorted(r.methods)
                                   if OBJECT_PARAMS & set(r.param_convertors)])
def test_another_province_gets_404_on_every_route(site: Site, route: str, tmp_path: Path
                                                  ) -> None:
    """Generated from the route table: a new route taking an object cannot be left out."""
    method, path = route.split(" ", 1)
    d, v, sha = _dossier(site)
    reviews.comment(site.db, site.bac_ninh, v, "Ý kiến riêng của Bắc Ninh")
    condition = _decided(site, d, v)  # so that every page of the dossier exists for its owner
    url = path.format(dossier_id=d, version_id=v, sha=sha, condition_id=condition)
    missing = path.format(dossier_id=d + 999, version_id=v + 999, sha="f" * 64,
                          condition_id=condition + 999)
    client, csrf = site.signed_in("qt.le")
    data = {"csrf": csrf, "title": "x", "note": "x", "body": "x", "control": "CON-01",
            "status": "met", "rationale": "x", "verdict": "approve", "position": "x"}
    files = {"file": ("p.yaml", PROPOSAL.read_bytes(), "application/yaml")} \
        if path.endswith(("/versions", "/signed")) else None
    for target in (url, missing):
        r = client.request(method, target, data=data if method == "POST" else None,
                           files=files if method == "POST" else None)
        assert r.status_code == 404, (target, r.status_code, r.text[:300])
        assert "Bắc Ninh" not in r.text and "Zalo OA thông báo" not in r.text
    own, _ = site.signed_in("bn.tran")  # and the owner is not refused (the test can fail)
    if path.endswith(("/report.pdf", "/signed.pdf")):  # the PDFs exist once rendered, signed
        renderer = reports.Renderer(site.db)
        renderer.request(site.bac_ninh, v, "vi")
        assert wait(renderer, site.bac_ninh, v).state == "done"
        if path.endswith("/signed.pdf"):
            _sign(site, v, renderer.pdf(site.reviewer, v, "vi")[0], tmp_path)
        renderer.close()
    if method == "GET":
        assert own.get(url).status_code == 200


def test_sign_in_makes_a_new_session_and_logout_ends_it(site: Site) -> None:
    client = site.client()
    assert client.get("/dossiers").status_code == 303  # to the login
    client.cookies.set(COOKIE, "planted-by-an-attacker")
    form = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert token is not None
    r = client.post("/login", data={"username": "bn.tran", "password": PASSWORD,
                                    "csrf": token.group(1)})
    assert r.status_code == 303
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    issued = re.search(COOKIE + r"=([^;]+);", cookie)
    assert issued and issued.group(1) != "planted-by-an-attacker"
    client.cookies.clear()
    client.cookies.set(COOKIE, issued.group(1))
    page = client.get("/dossiers")
    assert page.status_code == 200 and "Người dùng bn.tran" in page.text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert csrf is not None
    assert client.post("/logout", data={"csrf": csrf.group(1)}).status_code == 303
    replay = site.client()
    replay.cookies.set(COOKIE, issued.group(1))
    assert replay.get("/dossiers").status_code == 303  # the old token no longer signs anyone in


def test_secure_cookie_over_tls(site: Site) -> None:
    client = TestClient(create_app(site.db), base_url="https://testserver", follow_redirects=False)
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text)
    assert token is not None
    r = client.post("/login", data={"username": "bn.tran", "password": PASSWORD,
                                    "csrf": token.group(1)})
    assert "Secure" in r.headers["set-cookie"]


def test_wrong_passwords_are_limited(site: Site) -> None:
    client = site.client()
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text)
    assert token is not None
    form = {"username": "bn.tran", "password": "wrong", "csrf": token.group(1)}
    codes = [client.post("/login", data=form).status_code for _ in range(sessions.PER_ACCOUNT)]
    assert codes == [401] * sessions.PER_ACCOUNT
    right = {**form, "password": PASSWORD}
    r = client.post("/login", data=right)  # refused even with the right password, for a while
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    assert "quá nhiều lần" in r.text


def test_a_form_without_its_csrf_token_is_refused(site: Site) -> None:
    d, v, _ = _dossier(site)
    client, csrf = site.signed_in("bn.tran")
    for path in (f"/dossiers/{d}/submit", "/dossiers", f"/versions/{v}/comments", "/logout"):
        for data in ({}, {"csrf": "forged"}):
            r = client.post(path, data={**data, "title": "x", "body": "x"})
            assert r.status_code == 403, path
    assert dossiers.get_dossier(site.db, site.bac_ninh, d).state == dossiers.DRAFT
    assert reviews.comments_of(site.db, site.bac_ninh, v) == []
    login = site.client()
    login.get("/login")
    assert login.post("/login", data={"username": "bn.tran", "password": PASSWORD,
                                      "csrf": "forged"}).status_code == 403
    assert client.post(f"/dossiers/{d}/submit", data={"csrf": csrf}).status_code == 303


def test_the_province_and_the_ministry_journey(site: Site) -> None:
    province, csrf = site.signed_in("bn.tran")
    r = province.post("/dossiers", data={"csrf": csrf, "title": "Zalo OA thông báo"})
    assert r.status_code == 303
    dossier = r.headers["location"]
    bad = province.post(f"{dossier}/versions", data={"csrf": csrf},
                        files={"file": ("p.yaml", b"kind: proposal\nid: [", "application/yaml")})
    assert bad.status_code == 400 and "p.yaml" in bad.text and 'role="alert"' in bad.text
    up = province.post(f"{dossier}/versions", data={"csrf": csrf}, files={
        "file": (PROPOSAL.name, PROPOSAL.read_bytes(), "application/yaml")})
    assert up.status_code == 303
    version = up.headers["location"]
    page = province.get(version)
    assert page.status_code == 200
    a = dossiers.assessment(site.db, site.bac_ninh, int(version.rsplit("/", 1)[1]))
    assert f"{a.score:.1f}".replace(".", ",") in page.text  # the same object the CLI prints
    assert "<svg" in page.text and "CON-01" in page.text
    assert province.get(f"{version}/diagram.svg").headers["content-type"].startswith(
        "image/svg+xml")
    assert province.post(f"{dossier}/submit", data={"csrf": csrf}).status_code == 303
    ministry, mcsrf = site.signed_in("rv.pham")
    queue = ministry.get("/dossiers", params={"state": "submitted"})
    assert "Zalo OA thông báo" in queue.text
    assert "Zalo OA thông báo" not in ministry.get("/dossiers", params={"state": "draft"}).text
    assert ministry.post(f"{version}/overrides", data={
        "csrf": mcsrf, "control": "CON-01", "status": "not-met", "rationale": ""}
    ).status_code == 400
    assert ministry.post(f"{version}/overrides", data={
        "csrf": mcsrf, "control": "CON-01", "status": "partial",
        "rationale": "Chưa có bằng chứng của Cổng"}).status_code == 303
    assert ministry.post(f"{version}/comments", data={
        "csrf": mcsrf, "control": "CON-01", "body": "Bổ sung ảnh chụp cấu hình"}
    ).status_code == 303
    assert ministry.post(f"{dossier}/request-changes", data={
        "csrf": mcsrf, "note": "Bổ sung bằng chứng CON-01"}).status_code == 303
    seen = province.get(version).text
    assert "Bổ sung ảnh chụp cấu hình" in seen and "Chưa có bằng chứng của Cổng" in seen
    changed = PROPOSAL.read_text(encoding="utf-8").replace(
        "CON-01:\n    status: met", "CON-01:\n    status: partial", 1)
    up2 = province.post(f"{dossier}/versions", data={"csrf": csrf}, files={
        "file": (PROPOSAL.name, changed.encode(), "application/yaml")})
    assert up2.status_code == 303
    diff = province.get(f"{up2.headers['location']}/changes").text
    assert "CON-01" in diff and "Đạt một phần" in diff
    assert province.post(f"{dossier}/submit", data={"csrf": csrf}).status_code == 303
    assert dossiers.get_dossier(site.db, site.reviewer, int(dossier.rsplit("/", 1)[1])
                                ).state == dossiers.RESUBMITTED
    version2 = up2.headers["location"]
    review_page = ministry.get(version2).text
    assert "Cần thẩm định lại" in review_page  # CON-01's answer changed: its override is not carried
    assert re.search(r'href="#c-CON-01">CON-01</a>', review_page)
    refused = ministry.post(f"{version2}/decision", data={
        "csrf": mcsrf, "verdict": "approve", "position": "",
        "cond_text": ["", ""], "cond_control": ["", "RES-01"], "cond_owner": ["", ""],
        "cond_due": ["", "31/12/2026"]})
    assert refused.status_code == 400 and 'role="alert"' in refused.text
    assert "điều kiện 2" in refused.text  # said at its row: no text, and a date that is not one
    decided = ministry.post(f"{version2}/decision", data={
        "csrf": mcsrf, "verdict": "conditional", "rationale": "Chờ ảnh chụp cấu hình.",
        "position": "Chuyên viên thẩm định", "unit": "Cục An toàn thông tin",
        "cond_text": ["Nộp ảnh chụp cấu hình của Cổng", ""], "cond_control": ["CON-01", ""],
        "cond_owner": ["Sở Khoa học và Công nghệ", ""], "cond_due": ["2027-01-31", ""]})
    assert decided.status_code == 303, decided.text[:500]
    seen = province.get(version2).text
    assert "DK-1" in seen and "Nộp ảnh chụp cấu hình của Cổng" in seen and "31/01/2027" in seen
    assert "Chấp thuận có điều kiện" in seen
    condition = re.search(r'action="/conditions/(\d+)/updates"', seen)
    assert condition is not None
    assert province.post(f"/conditions/{condition.group(1)}/updates", data={
        "csrf": csrf, "note": "Đã nộp ảnh chụp", "status": "met"}).status_code == 403
    assert province.post(f"/conditions/{condition.group(1)}/updates", data={
        "csrf": csrf, "note": "Đã nộp ảnh chụp"}).status_code == 303
    assert ministry.post(f"/conditions/{condition.group(1)}/updates", data={
        "csrf": mcsrf, "note": "Đã kiểm tra", "status": "met"}).status_code == 303
    asked = province.post(f"{version2}/report", data={"csrf": csrf})
    assert asked.status_code == 303 and asked.headers["location"].endswith("#report")
    for _ in range(600):  # as the page polls, bounded (about two minutes)
        fragment = province.get(f"{version2}/report").text
        if "report.pdf" in fragment or "alert" in fragment:
            break
        assert "hx-trigger" in fragment  # still rendering: the section asks again
        time.sleep(0.2)
    assert 'href="/versions/' in fragment and "report.pdf" in fragment, fragment
    pdf = province.get(f"{version2}/report.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert 'filename="review-' in pdf.headers["content-disposition"]
    review = province.get(f"{version2}/review.yaml")
    assert review.status_code == 200 and b"status: met" in review.content
    assert b"DK-1" in review.content and b"verdict: conditional" in review.content
    english = ministry.get("/language/en", params={"next": version})
    assert english.headers["location"] == version
    assert "Self-assessment" in ministry.get("/dossiers").text or "Review queue" in \
        ministry.get("/dossiers").text


def test_text_from_a_proposal_and_a_comment_is_escaped_on_every_page(site: Site) -> None:
    text = PROPOSAL.read_text(encoding="utf-8").replace(
        "title:\n  vi: ", f"title:\n  vi: {SCRIPT} ", 1)
    d = dossiers.create_dossier(site.db, site.bac_ninh, f"Hồ sơ {SCRIPT}")
    v = dossiers.upload(site.db, site.bac_ninh, d.id, text.encode(), "p.yaml")
    reviews.comment(site.db, site.bac_ninh, v.id, SCRIPT, "CON-01")
    _decided(site, d.id, v.id, SCRIPT)
    client, _ = site.signed_in("bn.tran")
    for path in ("/dossiers", f"/dossiers/{d.id}", f"/versions/{v.id}",
                 f"/versions/{v.id}/changes"):
        body = client.get(path).text
        assert SCRIPT not in body, path
    assert "&lt;script&gt;" in client.get(f"/versions/{v.id}").text


def test_an_upload_over_the_limit_is_refused_before_it_is_read(site: Site) -> None:
    d, _, _ = _dossier(site)
    client, csrf = site.signed_in("bn.tran")
    # the declared length is enough: not a byte of the body is read
    app, sent, read = create_app(site.db), [], []

    async def receive() -> dict[str, object]:
        read.append(1)
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": f"/dossiers/{d}/versions",
             "raw_path": f"/dossiers/{d}/versions".encode(), "query_string": b"",
             "headers": [(b"content-length", str(BODY_LIMIT + 1).encode()),
                         (b"content-type", b"multipart/form-data; boundary=x")],
             "http_version": "1.1", "scheme": "http", "server": ("testserver", 80),
             "client": ("127.0.0.1", 1), "root_path": "", "app": app}
    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 413 and read == []
    big = (b'--x\r\nContent-Disposition: form-data; name="file"; filename="p.yaml"\r\n'
           b"Content-Type: application/yaml\r\n\r\n" + b"a: 1\n" * ((BODY_LIMIT // 5) + 10))

    def chunks() -> Iterator[bytes]:  # no length declared: cut off once past the limit
        for i in range(0, len(big), 1 << 20):
            yield big[i:i + (1 << 20)]

    r = client.post(f"/dossiers/{d}/versions", headers={
        "content-type": "multipart/form-data; boundary=x", "x-csrf-token": csrf},
        content=chunks())
    assert r.status_code == 413, r.text[-500:]
    assert len(dossiers.get_dossier(site.db, site.bac_ninh, d).versions) == 1


def test_pages_send_security_headers(site: Site) -> None:
    r = site.client().get("/login")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY"
    assert site.client().get("/static/htmx.min.js").status_code == 200


def test_login_goes_back_only_to_this_site(site: Site) -> None:
    client = site.client()
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text)
    assert token is not None
    r = client.post("/login", data={"username": "bn.tran", "password": PASSWORD,
                                    "csrf": token.group(1), "next": "//evil.example/"})
    assert r.headers["location"] == "/dossiers"


def test_the_reviewer_uploads_the_signed_report_and_sees_it_sealed_and_verified(
        site: Site, tmp_path: Path) -> None:
    from assess.signatures.demo_ca import make_demo
    from assess.signatures.sign import load_key, sign_pdf
    from assess.signatures.verify import load_trust_roots

    d, v, _ = _dossier(site)
    _decided(site, d, v)
    demo = make_demo("Người dùng rv.pham", body="Bộ Khoa học và Công nghệ", password="")
    for name, data in (("ca.pem", demo.ca_pem), ("key.p12", demo.key_p12),
                       ("seal.p12", demo.seal_p12)):
        (tmp_path / name).write_bytes(data)
    config = signing.Signing(load_trust_roots([tmp_path / "ca.pem"]),
                             signing.SealKey(p12=tmp_path / "seal.p12"))
    app = create_app(site.db, config)
    ministry = TestClient(app, follow_redirects=False)
    token = re.search(r'name="csrf" value="([^"]+)"', ministry.get("/login").text)
    assert token is not None
    ministry.post("/login", data={"username": "rv.pham", "password": PASSWORD,
                                  "csrf": token.group(1)})
    page = ministry.get(f"/versions/{v}").text
    assert "assess sign review-" in page and 'action="/versions/' in page
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    assert csrf is not None
    ministry.post(f"/versions/{v}/report", data={"csrf": csrf.group(1)})
    report = reports.Renderer(site.db)
    assert wait(report, site.reviewer, v).state == "done"
    report.close()
    pdf = ministry.get(f"/versions/{v}/report.pdf").content
    refused = ministry.post(f"/versions/{v}/signed", data={"csrf": csrf.group(1)},
                            files={"file": ("r.pdf", pdf, "application/pdf")})
    assert refused.status_code == 400 and "không phải báo cáo" in refused.text
    signed = sign_pdf(pdf, load_key(tmp_path / "key.p12", None)).pdf
    done = ministry.post(f"/versions/{v}/signed", data={"csrf": csrf.group(1)},
                         files={"file": ("r.signed.pdf", signed, "application/pdf")})
    assert done.status_code == 303, done.text[:400]
    page = ministry.get(f"/versions/{v}").text
    assert "Chữ ký hợp lệ" in page and "chữ ký của cơ quan (dấu)" in page
    final = ministry.get(f"/versions/{v}/signed.pdf")
    assert final.status_code == 200 and final.content.startswith(signed)  # sealed after it
    province, _ = site.signed_in("bn.tran")
    assert province.get(f"/versions/{v}/signed.pdf").content == final.content
