"""Messages of checklists (see `assess.core.i18n.messages`): (Vietnamese, English) by key."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
