"""The main screen: the library browser on the left; the exercise detail and the program on the
right, side by side on a wide terminal and as two tabs on a narrow one (80×24 over SSH)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tui.commands import bindings
from tui.messages import MainScreenMounted
from tui.widgets.browser import LibraryBrowser
from tui.widgets.detail import ExerciseDetail
from tui.widgets.program import ProgramPane

# Below this width the detail and the program share the right-hand side as tabs.
WIDE = 110


def pane_line(showing: str) -> Content:
    """The two tabs of a narrow screen, as one clickable line (F7 switches)."""
    tabs = []
    for pane, label in (("detail", "Exercise"), ("program", "Program")):
        style = "bold reverse" if pane == showing else "dim"
        tabs.append(f"[{style} @click=app.show_pane('{pane}')] {label} [/]")
    return Content.from_markup(" ".join(tabs) + " [dim](F7)[/]")


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings("main")
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (declared as an instance variable by Textual)
        (0, "-narrow"),
        (WIDE, "-wide"),
    ]

    def compose(self) -> ComposeResult:
        # The breakpoint class is set again on every resize; setting it now spares the first
        # paint a second styling pass over every widget.
        wide = self.app.size.width >= WIDE
        self.set_class(wide, "-wide")
        self.set_class(not wide, "-narrow")
        yield Header(icon="≡")
        with Horizontal(id="body"):
            yield LibraryBrowser(id="browser")
            with Vertical(id="right"):
                yield Static(pane_line("program"), id="right-tabs", markup=False)
                with Horizontal(id="panes"):
                    yield ExerciseDetail(id="detail")
                    yield ProgramPane(id="program")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#search"))
        self.app.post_message(MainScreenMounted())

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    def show_pane(self, pane: str) -> None:
        """On a narrow screen, show `detail` or `program` on the right."""
        self.query_one("#right-tabs", Static).update(pane_line(pane))
        self.query_one("#panes").set_class(pane == "detail", "-show-detail")
