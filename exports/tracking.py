"""The exercise log at the end of the handout: two weeks of big boxes to tick, both weeks on
one page. It is also the page to stick on the fridge: each exercise is named (with its side)
and dosed in short on a line over a row of boxes for each time of day it is done ("Morning",
"Evening"), its picture beside them. A day the exercise is not done has no box and is shaded,
so a patient can see at a glance which boxes are today's. A first row takes the pain each
morning, the check the pain guide asks for.

The log is one page: the handout's page budget (tests/exports/test_handout_fit.py) leaves it
no more. So it is laid out when its page is there to measure, in the first of `looks` that
fits the page whole: the roomiest first (the picture beside the name too, the boxes 4 points
apart; large print's grid at 14 pt under a 16 pt introduction), then giving way a step at a
time (a smaller introduction, a 12 pt grid, the picture beside the boxes only, the boxes
closer, touching, no weeks' row over numbered days, a smaller title). Every bundled template
fits, and programs of up to about eight exercises at two times a day; a longer one runs on to
a second page under a "continued" heading, its days' headings repeated."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Table

from exports.dates import listed, month_day, short_weekday, short_weekdays, weekday_name
from exports.exercise_blocks import Entry, entries
from exports.figure_pdf import FigureFlowable, fitted_figure
from exports.flowables import BLACK, PictureError, picture, table_style
from exports.markup import Strong, para
from exports.styles import REGULAR_SIZES, Styles
from exports.typeface import register_fonts
from library.dose_glance import a_day, limb, side_value, work
from library.dose_text import SEPARATOR, days_a_week
from library.log_days import (
    MOST_TICKS,
    WEEK,
    named_weekdays,
    planned_days,
    times_named_by_when,
    times_of_day,
    times_per_day,
)
from library.model import Program
from library.speech import N_, _

Command = tuple[object, ...]  # a table style command

DAYS = 2 * WEEK
FIRST_DAY = 2  # the first day's column: after the pictures' and the times of day's
# A box to tick is 8 mm (22.68 points, rounded up) across: a tick made by an unsteady hand
# still lands inside it, and an empty one is easy to see from a step away.
SMALLEST_BOX = 22.7
BOX_LINE = 1.5
REGULAR_BODY = float(REGULAR_SIZES.body)
LARGE_GRID = 14.0  # large print's grid, while the page has room for it
CELL_LEADING = 1.2  # names, doses and days are short lines of a grid, not running text
TIGHT_LEADING = 1.1
NBSP = "\u00a0"
NAME_SPACE = NBSP + " "  # between an exercise's bold name and its dose: a wider space
# Over a name line (under its thick rule) and under it, where the descenders of its last line
# hang below the line's leading (ReportLab sets a first baseline a type size down).
NAME_TOP = 0.5
NAME_BOTTOM = 3.0
LABEL_AIR = 2.0  # over and under a time of day's two lines ("How many / times?")
HEADING_PADDING = 1.0  # over and under the weeks' and days' headings
GAP = 2.0  # left and right of a box, inside its day's column
LABEL_PADDING = 3.0  # left and right of a picture, a time of day, a name line
PICTURE_PADDING = 2.0
SMALLEST_PICTURE = 40.0  # the pictures' column, at its narrowest
WEEKDAY_STRETCH = 1.0  # how much wider than a box and its gaps a day's column may grow
OFF_DAY = "#c8c8c8"  # a day without the exercise: shaded, and no box in it
LINE = 1.0
THICK = 2.5  # under the headings, above each exercise, between the two weeks
FIT_SLACK = 1.0  # points kept free under the log: the frame's own arithmetic rounds
# The log's own words, looked up (`_`) where they are printed: the language is the export's.
# Translators: the label of the exercise log's first row, where the patient writes a pain score
# (0 to 10) each morning under each day. Short: it shares a narrow column.
PAIN = N_("Pain")
# Translators: over the exercise log's day numbers (1, 2, 3...) when the program has no start
# date. Short: it shares a narrow column.
DAY = N_("Day")  # over the days' numbers, when the program has no start date
# Translators: a row label of the exercise log where the patient writes a number instead of
# ticking boxes. Narrow column: it breaks into at most two short lines.
WRITE = N_("How many times?")
TITLE = N_("Your exercise log")
TICK = N_("Tick a box each time you do an exercise.")
WRITE_NUMBER = N_("Some rows have no boxes: write how many times you did it.")
PAIN_EACH_MORNING = N_("Each morning, write your pain from 0 to 10 in the top row.")
# Translators: in the exercise log, the days an exercise is not done are shaded grey and have
# no box to tick.
OFF_DAYS = N_("A grey day with no box is a day off for that exercise.")
BRING = N_("Bring this page to your next visit.")


class TickBox(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """One empty square to tick, `size` points across."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(BLACK)
        canvas.setLineWidth(BOX_LINE)
        canvas.rect(0, 0, self.size, self.size, stroke=1, fill=0)


@dataclass(frozen=True)
class LogRow:
    """One row of boxes: a time of day ("Morning", or "" when once a day needs no name) and,
    for each day of the log, whether the exercise is done then. `write`: a cell to write how
    many times in, instead of boxes (more times a day than anyone can tick)."""

    label: str
    days: tuple[bool, ...]
    write: bool = False


@dataclass(frozen=True)
class LogExercise:
    """An exercise as the log shows it: its entry, its dose in short, and its rows."""

    entry: Entry
    dose_line: str
    rows: tuple[LogRow, ...]


def weekday_names(days: Sequence[dt.date]) -> list[str]:
    return [weekday_name(day) for day in days]


def which_days(planned: tuple[bool, ...], start: dt.date | None, *, named: bool = True) -> str:
    """`Wednesday, Friday and Sunday`, or `Every day but Thursday and Sunday` when the days off
    are fewer; empty for every day. The days repeat each week, so a week's names are the whole
    plan. `3 days a week` without a start, which leaves no weekdays to name, or without
    `named`."""
    week = planned[:WEEK]
    if all(week):
        return ""
    if start is None or not named:
        return days_a_week(sum(week))
    days = [start + dt.timedelta(days=day) for day in range(WEEK)]
    on = [day for day, done in zip(days, week, strict=True) if done]
    off = [day for day, done in zip(days, week, strict=True) if not done]
    if len(on) <= len(off):
        return listed(weekday_names(on))
    # Translators: which days an exercise is done, in the exercise log: {days} lists the days
    # off, e.g. "Thursday and Sunday".
    return _("Every day but {days}").format(days=listed(weekday_names(off)))


def dose_line(
    entry: Entry,
    planned: tuple[bool, ...],
    start: dt.date | None,
    fits: Callable[[str, str], bool] = lambda named, counted: True,
) -> str:
    """The dose in short, in the words of the exercise's own dose box (library/dose_glance):
    how much, which side, with what, how often, which days (by name when that `fits` as well
    as how many a week does: `fits(named, counted)`). The rows say the times of day and the
    name says a left or right side; the box says the rest (tempo, rest, effort, notes)."""
    dose = entry.item.dose
    if dose is None:
        # Translators: the dose of an exercise without one, in the exercise log.
        return _("As your therapist showed you")
    parts = [part.text for part in work(dose)]
    if dose.side in ("each", "alternating"):
        parts.append(side_value(dose.side, limb(entry.exercise)))
    parts.append(dose.load or "")
    count = times_per_day(dose)
    when_said = False
    if count == 1 or count > MOST_TICKS:
        often = a_day(count) if dose.per_day is not None else ""
        if dose.when and not times_named_by_when(dose):
            often = f"{often} ({dose.when})" if often else dose.when
            when_said = True
        parts.append(often)
    if not (when_said and named_weekdays(dose.when)):  # "Mondays and Thursdays" is said
        by_name = line([*parts, which_days(planned, start)])
        by_count = line([*parts, which_days(planned, start, named=False)])
        return by_name if by_name == by_count or fits(by_name, by_count) else by_count
    return line(parts)


def line(parts: Sequence[str]) -> str:
    text = SEPARATOR.join(part for part in parts if part)
    return text[:1].upper() + text[1:]


Fits = Callable[[Entry, str, str], bool]  # (entry, dose with its days named, with them counted)


def log_exercise(
    entry: Entry, start: dt.date | None, fits: Fits = lambda entry, named, counted: True
) -> LogExercise:
    dose = entry.item.dose
    planned = planned_days(dose, start, DAYS)
    if times_per_day(dose) > MOST_TICKS:
        rows: tuple[LogRow, ...] = (LogRow(_(WRITE), planned, write=True),)
    else:
        rows = tuple(LogRow(label, planned) for label in times_of_day(dose))
    line = dose_line(entry, planned, start, lambda named, counted: fits(entry, named, counted))
    return LogExercise(entry, line, rows)


def log_exercises(
    program: Program, fits: Fits = lambda entry, named, counted: True
) -> list[LogExercise]:
    """Each item of the program as the log shows it; `fits` says whether an exercise's dose
    with its days named fits its line as well as with them counted."""
    return [log_exercise(entry, program.start, fits) for entry in entries(program)]


def instructions(exercises: Sequence[LogExercise]) -> list[str]:
    """Short sentences, each for something this log has."""
    found = [_(TICK), _(PAIN_EACH_MORNING)]
    rows = [row for exercise in exercises for row in exercise.rows]
    if any(row.write for row in rows):
        found.append(_(WRITE_NUMBER))
    if any(not all(row.days) for row in rows):
        found.append(_(OFF_DAYS))
    return [*found, _(BRING)]


def day_heading(start: dt.date | None, index: int, letters: int = 3) -> list[str]:
    """The lines over a day's column: `Wed` / `25` (`W` / `25` with `letters=1`): the month is
    in the week's heading. Without a start just `3`, under a "Day" at the row's start."""
    if start is None:
        return [str(index + 1)]
    day = start + dt.timedelta(days=index)
    return [short_weekday(day, letters), str(day.day)]


def week_heading(start: dt.date | None, week: int, paper: str) -> list[str | Strong]:
    """`Week 1: from November 25` (the week's name in bold), or `Week 1` without a start."""
    # Translators: the heading over a week of the exercise log (printed in bold); {number} is
    # 1 or 2.
    name = Strong(_("Week {number}").format(number=week + 1))
    if start is None:
        return [name]
    date = month_day(start + dt.timedelta(days=week * WEEK), paper)
    # Translators: the heading over a week of the exercise log: {week} is "Week 1" (in bold),
    # {date} the week's first day, e.g. "November 25". A narrow column breaks the line only
    # at the first space after the word that follows {week} (in English, after "Week 1:").
    before, _week, after = _("{week}: from {date}").partition("{week}")
    # A narrow week breaks the line after "Week 1:", not inside the date (nor before a colon
    # spaced from the week's name, as in French).
    rest = after.format(date=date)
    lead = len(rest) - len(rest.lstrip(" "))
    head, space, tail = rest[lead:].partition(" ")
    runs: list[str | Strong] = [before.format(date=date)] if before else []
    return [*runs, name, NBSP * lead + head + space + tail.replace(" ", NBSP)]


@dataclass(frozen=True)
class Look:
    """One way to set the log; the page takes the first of `looks` that fits it whole.

    size: the grid's type (names, doses, times of day, days), in points; intro: the
    introduction's, None for the body's. beside: the picture takes the first column down the
    whole exercise, its name line too (a larger picture); else the name line runs across the
    table and the picture sits beside the boxes. air: above and below each box, inside its row
    (none: the boxes of an exercise's times of day touch). weeks: a row naming each week over
    its days; without it numbered days go unnamed (dated ones keep it: it has their month).
    tight: a smaller title and closer lines, the last resort."""

    size: float
    intro: float | None = None
    beside: bool = False
    air: float = 2.0
    weeks: bool = True
    tight: bool = False


def roomy(size: float, intro: float | None) -> list[Look]:
    """The picture beside the name and the boxes, the boxes well apart, then closer; then the
    picture beside the boxes only, under a name line across the table."""
    return [
        Look(size, intro, beside=True),
        Look(size, intro, beside=True, air=1.0),
        Look(size, intro, air=1.0),
    ]


def compact(size: float, intro: float | None) -> list[Look]:
    """Less room between the boxes, none; then no weeks' row; then a little less everywhere."""
    return [
        Look(size, intro, air=0.5),
        Look(size, intro, air=0.0),
        Look(size, intro, air=0.0, weeks=False),
        Look(size, intro, air=0.0, weeks=False, tight=True),
    ]


def looks(styles: Styles) -> list[Look]:
    """From the roomiest to the most compact. Large print sets its grid at 14 pt, then 12 pt,
    smaller than its 16 pt body: fourteen columns of 16 pt weekdays and a column of names
    beside them do not fit across the page. Its introduction gives up its 16 pt before the
    grid gives up its 14 pt, and both before the boxes come closer than 2 points."""
    if styles.body_size <= REGULAR_BODY:
        return [*roomy(REGULAR_BODY, None), *compact(REGULAR_BODY, None)]
    return [
        *roomy(LARGE_GRID, None),
        *roomy(LARGE_GRID, LARGE_GRID),
        *roomy(REGULAR_BODY, LARGE_GRID),
        *roomy(REGULAR_BODY, REGULAR_BODY)[-1:],
        *compact(REGULAR_BODY, REGULAR_BODY),
    ]


@dataclass(frozen=True)
class Grid:
    """The columns of a look across a page: the pictures', the times of day's (none when no
    exercise names one), and each day's; how many letters a weekday gets in its heading."""

    picture: float
    label: float
    day: float
    letters: int


def shortest_two_lines(text: str, font: str, size: float) -> float:
    """How wide `text` must be let to wrap into at most two lines: "How many / times?"."""
    words = text.split()
    if not words:
        return 0.0
    return min(
        max(
            float(stringWidth(" ".join(words[:cut]), font, size)),
            float(stringWidth(" ".join(words[cut:]), font, size)),
        )
        for cut in range(1, len(words) + 1)
    )


def grid(
    look: Look, width: float, exercises: Sequence[LogExercise], narrowest: float = SMALLEST_PICTURE
) -> Grid | None:
    """The look's columns across `width`, or None when they leave the pictures less than
    `narrowest`."""
    regular, _bold = register_fonts()
    size = look.size
    day = SMALLEST_BOX + 2 * GAP
    # "Wed" when it is about as wide as a box and its gaps (it may widen the column a little),
    # else "W": the date under it tells the two Tuesdays and Thursdays apart.
    weekday = max(float(stringWidth(name, regular, size)) for name in short_weekdays())
    letters = 3 if weekday <= day + WEEKDAY_STRETCH else 1
    if letters == 3:
        day = max(day, weekday)
    labels = [row.label for exercise in exercises for row in exercise.rows if row.label]
    label = max((shortest_two_lines(text, regular, size) for text in labels), default=0.0)
    label = label + 2 * LABEL_PADDING if label else 0.0
    picture = width - label - DAYS * day
    if picture < narrowest:
        return None
    return Grid(picture, label, day, letters)


class ContinuedTable(Table):  # type: ignore[misc]  # ReportLab is untyped
    """A table that, when it runs on to another page, says so there: a long program's log can
    need two pages, and the second must say what it is."""

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


def small_picture(entry: Entry, width: float, height: float) -> Flowable | None:
    """The exercise's picture, as small as the log needs it: its file, or its drawn figure
    for its side (mirrored for a left one). None when it has neither."""
    image = entry.exercise.image_path()
    if image is not None:
        try:
            return picture(image, width, height)
        except PictureError:
            return None  # the exercise's own block has already said why
    drawn = fitted_figure(entry.exercise, entry.side, width, height)
    return None if drawn is None else FigureFlowable(drawn, width, height)


def cell_style(look: Look) -> ParagraphStyle:
    regular, _bold = register_fonts()
    return ParagraphStyle(
        f"log-{look.size:g}",
        fontName=regular,
        fontSize=look.size,
        leading=round(look.size * (TIGHT_LEADING if look.tight else CELL_LEADING), 1),
        splitLongWords=0,
    )


def name_runs(entry: Entry, dose_line: str, size: float, width: float) -> list[str | Strong]:
    """The line over an exercise's boxes: its name (and side) in bold, then its dose. A line
    too long for `width` breaks between the dose's parts, not inside one ("Hold 30 / seconds"),
    unless a part is too long for half a line on its own."""
    regular, _bold = register_fonts()
    parts = []
    for part in dose_line.split(SEPARATOR):
        short = stringWidth(part, regular, size) <= width / 2
        parts.append(part.replace(" ", NBSP) if short else part)
    dose = (NBSP + SEPARATOR.lstrip()).join(parts)
    return [Strong(f"{entry.number}. {entry.name}"), NAME_SPACE + dose]


def text_height(flowable: Flowable, width: float) -> float:
    return float(flowable.wrap(width, 100_000)[1])


def heading_rows(
    program: Program, look: Look, columns: Grid, cell: ParagraphStyle, paper: str
) -> tuple[list[list[object]], list[float], list[Command]]:
    """The rows over the days: each week's name (and first date) over its days, unless the
    look leaves them out; then each day's weekday and date, or its number under a "Day"."""
    day_cell = cell.clone("log-day", alignment=TA_CENTER)
    rows: list[list[object]] = []
    heights: list[float] = []
    commands: list[Command] = []
    if look.weeks or program.start is not None:  # dated weeks keep their month
        rows.append(["", ""])
        commands.append(("SPAN", (0, 0), (1, 0)))
        tallest = 0.0
        for week in range(DAYS // WEEK):
            heading = para(week_heading(program.start, week, paper), day_cell)
            tallest = max(tallest, text_height(heading, WEEK * columns.day))
            rows[0] += [heading, *[""] * (WEEK - 1)]
            column = FIRST_DAY + week * WEEK
            commands.append(("SPAN", (column, 0), (column + WEEK - 1, 0)))
        heights.append(tallest + 2 * HEADING_PADDING)
    counted = para(Strong(_(DAY)), cell.clone("log-day-word", alignment=TA_RIGHT))
    days: list[object] = ["" if program.start else counted, ""]
    for day in range(DAYS):
        *weekday, date = day_heading(program.start, day, columns.letters)
        days.append([*(para(text, day_cell) for text in weekday), para(Strong(date), day_cell)])
    commands.append(("SPAN", (0, len(rows)), (1, len(rows))))
    rows.append(days)
    lines = 2 if program.start else 1
    heights.append(lines * cell.leading + 2 * HEADING_PADDING)
    return rows, heights, commands


def log_table(
    program: Program,
    exercises: Sequence[LogExercise],
    look: Look,
    columns: Grid,
    paper: str,
    continued: Flowable,
) -> Table:
    """The grid: the weeks and days over the columns, a row for the morning's pain, and for
    each exercise a line with its name and dose over a row of boxes for each time of day, its
    picture beside them.

    Lines are few, so the boxes stand out: the days' columns are ruled only where something is
    written in (the pain, a count); a thick rule sets each exercise off and splits the weeks."""
    cell = cell_style(look)
    box_row = SMALLEST_BOX + 2 * look.air
    widths = [columns.picture, columns.label, *[columns.day] * DAYS]
    rows, heights, commands = heading_rows(program, look, columns, cell, paper)
    headings = len(rows)
    ruled = list(range(headings))  # rows the day columns' rules run through
    rows.append([para(Strong(_(PAIN)), cell), "", *[""] * DAYS])
    heights.append(box_row)
    pain = len(rows) - 1
    ruled.append(pain)
    commands += [
        ("SPAN", (0, pain), (1, pain)),
        ("LINEBELOW", (0, headings - 1), (-1, headings - 1), THICK, BLACK),
        ("INNERGRID", (FIRST_DAY, pain), (-1, pain), LINE, BLACK),
    ]
    for exercise in exercises:
        entry = exercise.entry
        top = len(rows)
        name_from = 1 if look.beside else 0
        name_room = sum(widths[name_from:]) - 2 * LABEL_PADDING
        runs = name_runs(entry, exercise.dose_line, look.size, name_room)
        name = para(runs, cell)
        name_height = text_height(name, name_room)
        rows.append([*[""] * name_from, name, *[""] * (len(widths) - name_from - 1)])
        heights.append(name_height + NAME_TOP + NAME_BOTTOM)
        commands += [
            ("SPAN", (name_from, top), (-1, top)),
            ("LINEABOVE", (0, top), (-1, top), THICK, BLACK),
            ("ALIGN", (name_from, top), (-1, top), "LEFT"),
            ("VALIGN", (name_from, top), (-1, top), "TOP"),
            ("TOPPADDING", (name_from, top), (-1, top), NAME_TOP),
            ("BOTTOMPADDING", (name_from, top), (-1, top), NAME_BOTTOM),
        ]
        first = len(rows)
        for row in exercise.rows:
            index = len(rows)
            label = para(row.label, cell) if row.label else ""
            height = box_row
            if row.label:
                label_height = text_height(label, columns.label - 2 * LABEL_PADDING)
                height = max(height, label_height + 2 * LABEL_AIR)
            cells: list[object] = ["", label]
            for day in range(DAYS):
                if row.days[day]:
                    cells.append("" if row.write else TickBox(SMALLEST_BOX))
                else:
                    cells.append("")
                    column = FIRST_DAY + day
                    commands.append(("BACKGROUND", (column, index), (column, index), OFF_DAY))
            rows.append(cells)
            heights.append(height)
            ruled.append(index)
            if row.write:
                commands.append(("INNERGRID", (FIRST_DAY, index), (-1, index), LINE, BLACK))
        last = len(rows) - 1
        labelled = any(row.label for row in exercise.rows)
        picture_top = top if look.beside else first
        picture_right = 0 if look.beside or labelled else 1
        room_wide = sum(widths[: picture_right + 1]) - 2 * LABEL_PADDING
        room_high = sum(heights[picture_top:]) - 2 * PICTURE_PADDING
        shown = small_picture(entry, room_wide, room_high)
        if shown is not None:
            rows[picture_top][0] = shown
        commands += [
            ("SPAN", (0, picture_top), (picture_right, last)),
            ("VALIGN", (0, picture_top), (0, last), "MIDDLE"),
            ("TOPPADDING", (0, picture_top), (0, last), PICTURE_PADDING),
            ("BOTTOMPADDING", (0, picture_top), (0, last), PICTURE_PADDING),
            ("NOSPLIT", (0, top), (-1, last)),
        ]
    # The rules between the times of day and the days, and between the weeks, only where
    # there are days: not through the names.
    for index in ruled:
        commands += [
            ("LINEAFTER", (1, index), (1, index), LINE, BLACK),
            (
                "LINEAFTER",
                (FIRST_DAY + WEEK - 1, index),
                (FIRST_DAY + WEEK - 1, index),
                THICK,
                BLACK,
            ),
        ]
    table = ContinuedTable(
        rows,
        continued,
        colWidths=widths,
        rowHeights=heights,
        repeatRows=headings,
        hAlign="LEFT",
    )
    style: list[Command] = [
        ("BOX", (0, 0), (-1, -1), THICK, BLACK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (FIRST_DAY, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, headings - 1), HEADING_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, headings - 1), HEADING_PADDING),
        ("LEFTPADDING", (0, 0), (1, -1), LABEL_PADDING),
        ("RIGHTPADDING", (0, 0), (1, -1), LABEL_PADDING),
        *commands,
    ]
    table.setStyle(table_style(style))
    return table


def log_title(styles: Styles, look: Look) -> ParagraphStyle:
    """The log's title: bold, at the size of a section's heading (the page has a table to
    make room for), or of an exercise's in a tight look."""
    if not look.tight:
        size = styles.heading.fontSize
        return styles.title.clone("log-title", fontSize=size, leading=round(size * 1.25, 1))
    size = styles.exercise.fontSize
    return styles.title.clone(
        "log-title-tight", fontSize=size, leading=round(size * 1.2, 1), spaceAfter=size * 0.15
    )


def intro_style(styles: Styles, look: Look) -> ParagraphStyle:
    """The introduction's: the body's, or smaller (the grid's size at the smallest), its lines
    closer in a tight look."""
    if look.intro is None:
        return styles.body
    spacing, after = (1.25, 0.15) if look.tight else (1.3, 0.3)
    return styles.body.clone(
        f"log-intro-{look.intro:g}",
        fontSize=look.intro,
        leading=round(look.intro * spacing, 1),
        spaceAfter=look.intro * after,
    )


def laid_out(
    program: Program,
    styles: Styles,
    look: Look,
    width: float,
    paper: str,
    narrowest: float = SMALLEST_PICTURE,
) -> list[Flowable] | None:
    """The log's title, introduction and table in `look`, or None when its columns leave the
    pictures less than `narrowest` of `width`."""
    columns = grid(look, width, log_exercises(program), narrowest)
    if columns is None:
        return None
    room = columns.label + DAYS * columns.day + (0 if look.beside else columns.picture)
    room -= 2 * LABEL_PADDING
    cell = cell_style(look)

    def height(entry: Entry, dose: str) -> float:
        return text_height(para(name_runs(entry, dose, look.size, room), cell), room)

    def fits(entry: Entry, named: str, counted: str) -> bool:
        """The days by name when that takes no more lines than their count."""
        return height(entry, named) <= height(entry, counted)

    exercises = log_exercises(program, fits)
    # Translators: the exercise log's title on its second page, when a long program runs on.
    continued = para(_("Your exercise log (continued)"), styles.heading)
    return [
        para(_(TITLE), log_title(styles, look)),
        para(" ".join(instructions(exercises)), intro_style(styles, look)),
        log_table(program, exercises, look, columns, paper, continued),
    ]


def height_of(flowables: Sequence[Flowable], width: float) -> float:
    """How tall `flowables` stand at the top of a frame `width` wide: the first one's space
    before is dropped there."""
    total = 0.0
    for number, flowable in enumerate(flowables):
        total += flowable.wrap(width, 100_000)[1] + flowable.getSpaceAfter()
        total += flowable.getSpaceBefore() if number else 0.0
    return float(total)


# More exercises than this in the log: try the most compact look first (see log_story).
MANY = 12


def log_story(
    program: Program, styles: Styles, width: float, height: float, paper: str
) -> list[Flowable]:
    """The log in the roomiest look that fits a page `width` × `height` whole; in the most
    compact one when none does (a long program): its table then runs on."""
    compact: list[Flowable] | None = None
    if len(log_exercises(program)) > MANY:
        # A long program never fits a page in any look: lay it out once, compactly, and let
        # it run on, rather than trying every roomier look first (a 40-exercise export).
        compact = laid_out(program, styles, looks(styles)[-1], width, paper)
        if compact is not None and height_of(compact, width) > height - FIT_SLACK:
            return compact
    for look in looks(styles):
        story = laid_out(program, styles, look, width, paper)
        if story is None:
            continue
        compact = story
        if height_of(story, width) <= height - FIT_SLACK:
            return story
    if compact is None:  # a page too narrow for any look's pictures: give them what is left
        compact = laid_out(program, styles, looks(styles)[-1], width, paper, narrowest=0.0)
    return compact or []


class LogPage(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """The log, laid out when its page is there to measure. It is never drawn itself: it says
    it is taller than the room it is given, so the frame asks it to split, and it splits into
    the title, introduction and table of the look that fits that room (`log_story`), which the
    frame then lays out as usual."""

    def __init__(self, program: Program, styles: Styles, paper: str) -> None:
        super().__init__()
        self.program = program
        self.styles = styles
        self.paper = paper

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, available_height + 1  # too tall: the frame splits it

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return log_story(self.program, self.styles, available_width, available_height, self.paper)


def tracking_page(program: Program, styles: Styles, width: float, paper: str) -> list[Flowable]:
    """The log on a page of its own. It is laid out for that page's frame when it reaches it
    (`LogPage`), which is `width` wide."""
    del width  # the frame says it again
    return [PageBreak(), LogPage(program, styles, paper)]
