"""Documents kept as immutable blobs addressed by SHA-256: the bytes a CLI user has in a file."""

from __future__ import annotations

import hashlib

from sqlalchemy.orm import Session

from assess.workspace.storage.events import now
from assess.workspace.storage.schema import Blob


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def put(session: Session, data: bytes, media_type: str) -> str:
    """Store `data` once (a second upload of the same bytes reuses it); its SHA-256."""
    key = sha256(data)
    if session.get(Blob, key) is None:
        session.add(Blob(sha256=key, size=len(data), media_type=media_type, content=data,
                         created_at=now()))
        session.flush()
    return key


def get(session: Session, key: str) -> bytes | None:
    blob = session.get(Blob, key)
    return None if blob is None else blob.content


__all__ = ["get", "put", "sha256"]
