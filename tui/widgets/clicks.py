"""A list where the first click on an entry chooses it and a click on the chosen entry of the
focused list acts (adds the exercise, opens the dose): a stray click never changes the program."""

from __future__ import annotations

import time

from textual import events
from textual.widgets import OptionList

# A press this soon after the list got the focus is the press that gave it the focus.
FOCUSED_BY_THIS_PRESS_S = 0.25


class ClickToChoose:
    """What a list needs to tell a choosing click from an acting one: mix in before the widget
    class; the widget has a `highlighted` row (int or None)."""

    highlighted: int | None
    highlighted_at_press: int | None = None
    focused_at = 0.0

    def on_focus(self, event: events.Focus) -> None:
        self.focused_at = time.monotonic()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        just_focused = time.monotonic() - self.focused_at < FOCUSED_BY_THIS_PRESS_S
        # -1: the click only gives the list the focus and chooses an entry.
        self.highlighted_at_press = -1 if just_focused else self.highlighted

    def pressed_on(self, row: int | None) -> bool:
        """Whether the press that ends in this click was on `row` while it was already chosen
        (each press asks once); None: not a click (Enter), which always acts."""
        pressed, self.highlighted_at_press = self.highlighted_at_press, None
        return pressed is None or pressed == row


class ClickToChooseList(ClickToChoose, OptionList):
    def acts_on(self, event: OptionList.OptionSelected) -> bool:
        """Whether a selection should act: Enter always; a click only on the chosen entry."""
        return self.pressed_on(event.option_index)
