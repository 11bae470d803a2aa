"""A list where the first click on an entry chooses it and a click on the chosen entry of the
focused list acts (adds the exercise, opens the dose): a stray click never changes the program."""

from __future__ import annotations

import time

from textual import events
from textual.widgets import OptionList

# A press this soon after the list got the focus is the press that gave it the focus.
FOCUSED_BY_THIS_PRESS_S = 0.25


class ClickToChooseList(OptionList):
    highlighted_at_press: int | None = None
    focused_at = 0.0

    def on_focus(self, event: events.Focus) -> None:
        self.focused_at = time.monotonic()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        just_focused = time.monotonic() - self.focused_at < FOCUSED_BY_THIS_PRESS_S
        # -1: the click only gives the list the focus and chooses an entry.
        self.highlighted_at_press = -1 if just_focused else self.highlighted

    def acts_on(self, event: OptionList.OptionSelected) -> bool:
        """Whether a selection should act: Enter always; a click only on the chosen entry."""
        pressed, self.highlighted_at_press = self.highlighted_at_press, None
        return pressed is None or pressed == event.option_index
