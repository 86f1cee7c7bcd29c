"""The people and organisations the workspace tests act as, made the same way in every module."""

from __future__ import annotations

import time
from pathlib import Path

from assess.workspace.services import accounts, reports
from assess.workspace.services.access import Actor, Role
from assess.workspace.storage.database import Database

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PROPOSAL = EXAMPLES / "bac-ninh-zalo-notifications.yaml"
PASSWORD = "correct horse battery"
MINISTRY = "Bộ Khoa học và Công nghệ"
ORGANISATIONS = {"bo-kh-cn": (MINISTRY, "ministry"),
                 "bac-ninh": ("UBND tỉnh Bắc Ninh", "province"),
                 "quang-tri": ("UBND tỉnh Quảng Trị", "province")}


def organisations(db: Database, *ids: str) -> None:
    """The ministry and the two provinces (or only `ids`)."""
    for oid in ids or tuple(ORGANISATIONS):
        name, kind = ORGANISATIONS[oid]
        accounts.add_organisation(db, None, oid, name, kind)


def person(db: Database, username: str, org: str, role: Role, name: str | None = None) -> Actor:
    u = accounts.add_user(db, None, username=username, name=name or f"Người dùng {username}",
                          organisation=org, role=role, password=PASSWORD)
    return Actor(u.id, role, org)


def wait(renderer: reports.Renderer, actor: Actor, version_id: int, lang: str = "vi",
         seconds: float = 120) -> reports.Report:
    """Poll as the page does, bounded."""
    end = time.monotonic() + seconds
    while True:
        report = renderer.status(actor, version_id, lang)  # type: ignore[arg-type]
        if report.state in ("done", "failed") or time.monotonic() > end:
            return report
        time.sleep(0.2)
