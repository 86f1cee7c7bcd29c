"""The one console every command prints through: input text can never drive the terminal.

Rich passes ESC and the C1 controls through to the terminal, so a certificate whose name holds
`ESC[2J` could clear the screen and print a fake green "VERIFIED". Every segment of text (not
rich's own control segments: colours, cursor moves) is shown with its unsafe characters as
visible escapes (`core.text.visible`), whatever renderable it came from: a table cell, a message,
a progress line.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Text

from assess.core.text import visible


class SafeConsole(Console):
    """A rich Console whose output shows control characters instead of obeying them: strings
    when they become text, any other renderable segment by segment."""

    def render_str(self, text: str, **kwargs: Any) -> Text:
        """Strings (messages, table cells) are shown before rich measures them, so a table
        keeps its layout."""
        return super().render_str(visible(text), **kwargs)

    def render(self, renderable: RenderableType,
               options: ConsoleOptions | None = None) -> Iterable[Segment]:
        for seg in super().render(renderable, options):
            if seg.control is None and seg.text:
                shown = visible(seg.text)
                if shown is not seg.text:
                    seg = Segment(shown, seg.style)
            yield seg


def console(**kwargs: Any) -> SafeConsole:
    """A console for the terminal: input text printed as it is (no markup, no emoji codes —
    `file:100:` must not become a 💯), never highlighted, never obeyed."""
    return SafeConsole(**{"markup": False, "emoji": False, "highlight": False, **kwargs})
