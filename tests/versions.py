"""A second version of the mini checklist, for re-assessment and migration tests.

mini 2.0.0 against 1.0.0: RES-04 added first in RES (so it goes above every answer), RES-02
renamed RES-03 (same requirement), ENC-02's requirement reworded, ENC-03 removed, ENC-04 added,
and a new domain LOG with LOG-01.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import MINI_DIR

BASE: dict[str, Any] = yaml.safe_load((MINI_DIR / "mini" / "1.0.0.yaml").read_text("utf-8"))


def _control(cid: str, vi: str, en: str) -> dict[str, Any]:
    return {"id": cid, "title": {"vi": vi, "en": en},
            "requirement": {"vi": f"{vi} được thực hiện.", "en": f"{en} is in place."},
            "guidance": {"vi": "Xem tài liệu.", "en": "See the documents."}, "severity": "medium",
            "evidence": {"vi": "Tài liệu.", "en": "Documents."},
            "remediation": {"vi": "Bổ sung.", "en": "Add it."}, "owner": "operator"}


def v2() -> dict[str, Any]:
    doc = copy.deepcopy(BASE)
    doc["version"], doc["status"] = "2.0.0", "released"
    res, enc = doc["domains"][0]["controls"], doc["domains"][1]["controls"]
    res[1]["id"] = "RES-03"
    res.insert(0, _control("RES-04", "Sao lưu tại Việt Nam", "Backups in Vietnam"))
    enc[1]["requirement"] = {"vi": "Khóa được quản lý và xoay vòng.",
                             "en": "Keys are managed and rotated."}
    del enc[2]
    enc.append(_control("ENC-04", "Xoay vòng khóa", "Key rotation"))
    doc["domains"].append({"id": "LOG", "title": {"vi": "Nhật ký", "en": "Logging"}, "weight": 1,
                           "controls": [_control("LOG-01", "Ghi nhật ký", "Logging")]})
    return doc


def catalog_with_v2(folder: Path) -> Path:
    """`<folder>/mini/{1.0.0,2.0.0}.yaml`; returns the catalog folder."""
    (folder / "mini").mkdir(parents=True)
    shutil.copy(MINI_DIR / "mini" / "1.0.0.yaml", folder / "mini" / "1.0.0.yaml")
    (folder / "mini" / "2.0.0.yaml").write_text(
        yaml.safe_dump(v2(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


NEW_CONTROL = """\
      - id: ENC-04
        title: {vi: Xoay vòng khóa, en: Key rotation}
        requirement: {vi: Khóa được xoay vòng hằng năm., en: Keys are rotated every year.}
        guidance: {vi: Xem nhật ký xoay vòng khóa., en: See the key rotation log.}
        severity: medium
        evidence: {vi: Nhật ký xoay vòng khóa., en: Key rotation log.}
        remediation: {vi: Xoay vòng khóa., en: Rotate the keys.}
        owner: operator
"""
"""A control added to mini 1.0.0 (a minor change): shared by the release and message tests."""
