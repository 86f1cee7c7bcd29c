"""Results cached by the names of their inputs.

The workspace's inputs are named by SHA-256 and never change, so what is computed from them
(parsed inputs, an assessment, a report's view, a signature check) can be kept per process. The
arguments after the naming ones (the bytes, or a function reading them from the database) are
neither hashed nor kept: a cached call reads nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from cachetools import LRUCache, cached
from cachetools.keys import hashkey

F = TypeVar("F", bound=Callable[..., Any])


def by_name(maxsize: int, named_by: int = 2) -> Callable[[F], F]:
    """An LRU cache keyed on a function's first `named_by` positional arguments."""
    return cached(LRUCache(maxsize=maxsize), key=lambda *args: hashkey(*args[:named_by]),
                  lock=threading.Lock())  # type: ignore[return-value]


__all__ = ["by_name"]
