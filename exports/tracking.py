"""The tracking pages: two weeks of tick boxes, one row per exercise, as many boxes a day as the
dose's `per_day`, with real dates when the program has a start. A first row asks for the pain
each morning, the check the pain guide tells the patient to make."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.enums import TA_CENTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from exports.dates import WEEKDAYS, month_day, short_weekday
from exports.exercise_blocks import Entry, entries
from exports.flowables import BLACK, TickBoxes, table_style
from exports.markup import Strong, para
from exports.styles import Styles
from exports.typeface import register_fonts
from library.dose_text import days_a_week, times_a_day
from library.model import Program

DAYS = 14
WEEK = 7
CELL_PADDING = 3
WEEKDAY_ABBREVIATIONS = (*(name[:3] for name in WEEKDAYS), "Day")
INSTRUCTIONS = (
    "Each morning, write down your pain as a number from 0 to 10. "
    "Tick a box each time you do an exercise. Bring this page to your next visit."
)
MORNING_PAIN = "Morning pain\n(0 to 10)"


# More boxes than this in a day's cell are too small to tick and too many to count: the patient
# writes the number instead ("every hour" ankle pumps after a knee replacement).
MOST_BOXES = 4


def how_often(entry: Entry) -> list[str]:
    """What a row's label adds to the name, kept short so a week stays on one page:
    `3 days a week` when not every day; `12 times a day: write how many` when too many to tick.
    Two or three boxes a day need no words here: the instructions explain them once."""
    dose = entry.item.dose
    if dose is None:
        return []
    found = []
    if dose.per_day is not None and dose.per_day > MOST_BOXES:
        found.append(f"{times_a_day(dose.per_day)}: write how many")
    if dose.days_per_week is not None and dose.days_per_week < WEEK:
        found.append(days_a_week(dose.days_per_week))
    return found


def instructions(program: Program) -> str:
    doses = [item.dose for item in program.items if item.dose is not None]
    text = INSTRUCTIONS
    if any(1 < (dose.per_day or 1) <= MOST_BOXES for dose in doses):
        text += " An exercise done 2 times a day has 2 boxes for each day, and so on."
    if any(dose.days_per_week is not None and dose.days_per_week < WEEK for dose in doses):
        text += " For an exercise done only some days a week, leave a day of rest in between."
    return text


def day_heading(start: dt.date | None, index: int) -> list[str]:
    """Two short lines over a day's column: `Wed` / `25`, or `Day` / `3` without a start.
    The month is in the week's title, which keeps every column the same two lines."""
    if start is None:
        return ["Day", str(index + 1)]
    day = start + dt.timedelta(days=index)
    return [short_weekday(day), str(day.day)]


def week_dates(start: dt.date | None, week: int, paper: str) -> str:
    """`November 25 to December 1`; the year is left out, the patient knows it."""
    if start is None:
        return ""
    first = start + dt.timedelta(days=week * WEEK)
    last = first + dt.timedelta(days=WEEK - 1)
    return f"{month_day(first, paper)} to {month_day(last, paper)}"


def column_widths(styles: Styles, width: float) -> tuple[float, float]:
    """(exercise column, day column). A day column is wide enough for its weekday in bold and,
    when the page allows, two tick boxes side by side; the exercise names get the rest, at
    least 30% of the width unless the weekdays need more."""
    _, bold = register_fonts()
    weekday = max(stringWidth(name, bold, styles.table.fontSize) for name in WEEKDAY_ABBREVIATIONS)
    needs_weekday = weekday + 2 * CELL_PADDING + 2
    needs_two_boxes = 2 * styles.tick_size + tick_gap(styles) + 2 * CELL_PADDING + 8
    day = max(needs_weekday, min(needs_two_boxes, (width * 0.7) / WEEK))
    return width - WEEK * day, day


def tick_gap(styles: Styles) -> float:
    return styles.tick_size * 0.3


class ContinuedTable(Table):  # type: ignore[misc]  # ReportLab is untyped
    """A table that, when it runs on to another page, says so there: a week of the log can
    need two pages in large print, and the second must say which week it is."""

    def __init__(
        self, rows: list[list[object]], continued: Flowable | None = None, **options: object
    ) -> None:
        # ReportLab makes the parts of a split with this class too, without `continued`.
        super().__init__(rows, **options)
        self.continued = continued

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(available_width, available_height)
        if len(parts) < 2 or self.continued is None:
            return parts
        # keepWithNext (the heading style's) takes the title over to the rows it names.
        return [parts[0], self.continued, *parts[1:]]


def week_table(program: Program, styles: Styles, width: float, week: int) -> Table:
    cell = styles.table
    day_cell = cell.clone("table-day", alignment=TA_CENTER, splitLongWords=0)
    name_width, day_width = column_widths(styles, width)
    days = range(week * WEEK, (week + 1) * WEEK)
    header: list[object] = [para(Strong("Exercise"), cell)]
    header += [
        [para(Strong(line), day_cell) for line in day_heading(program.start, day)] for day in days
    ]
    # The morning's pain comes first, as in the patient's day; it also keeps the row from being
    # left alone on a page when a long table breaks. The Spacer makes room for a written number.
    pain: list[object] = [para(Strong(MORNING_PAIN), cell), Spacer(1, styles.body_size * 2)]
    pain += ["" for _ in days[1:]]
    rows: list[list[object]] = [header, pain]
    for entry in entries(program):
        label: list[Flowable] = [para([Strong(f"{entry.number}. "), entry.name], cell)]
        label += [para(line, cell) for line in how_often(entry)]
        per_day = entry.item.dose.per_day if entry.item.dose and entry.item.dose.per_day else 1
        boxes: list[object] = (
            ["" for _ in days]  # room to write a number
            if per_day > MOST_BOXES
            else [TickBoxes(per_day, styles.tick_size, tick_gap(styles)) for _ in days]
        )
        rows.append([label, *boxes])
    continued = para(f"Your exercise log: week {week + 1} (continued)", styles.heading)
    table = ContinuedTable(
        rows,
        continued,
        colWidths=[name_width] + [day_width] * WEEK,
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            [
                ("GRID", (0, 0), (-1, -1), 1, BLACK),
                ("LINEBELOW", (0, 0), (-1, 0), 2, BLACK),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LINEBELOW", (0, 1), (-1, 1), 2, BLACK),
            ]
        )
    )
    return table


def tracking_page(program: Program, styles: Styles, width: float, paper: str) -> list[Flowable]:
    """One page a week, each complete in itself: a patient may pin up just this week's page."""
    story: list[Flowable] = []
    for week in range(DAYS // WEEK):
        story += [
            PageBreak(),
            para(f"Your exercise log: week {week + 1}", styles.title),
        ]
        dates = week_dates(program.start, week, paper)
        if dates:
            story.append(para(Strong(dates), styles.body))
        story.append(para(instructions(program), styles.body))
        story.append(week_table(program, styles, width, week))
    return story
