"""A checkbox and a selection list that show what is chosen by a mark, not by colour alone.

Textual draws an X in every box, chosen or not, and tells the two apart by colour, which a
monochrome SSH session or a colour-blind therapist cannot see. Here a box that is not chosen
is empty.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

T = TypeVar("T")


class TickBox(Checkbox):
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # a class constant in Textual
        return "X" if self.value else " "


class TickList(SelectionList[T], Generic[T]):
    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        if selection.value in self._selected:
            return line
        segments = list(line)
        if len(segments) < 2 or segments[1].text != "X":
            return line
        segments[1] = Segment(" ", segments[1].style, segments[1].control)
        return Strip(segments, line.cell_length)
