"""One block per exercise, kept on one page: number and name, what it is for, how much (boxed),
the picture, the numbered steps, the therapist's notes, tips, cautions and a video's QR code.
A block taller than a whole page breaks with a note and its name repeated (see WholeBlock).

Every text of a block is read for the item's side: `{side}` and `{other side}` in the library's
words are filled in from the dose (library/side_text.py), and a sided exercise done on both sides
gets one last step saying to do the other side, the only place the handout says so."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, HRFlowable, Spacer

from exports.figure_pdf import FigureFlowable
from exports.flowables import (
    BLACK,
    PictureError,
    WholeBlock,
    around,
    beside,
    height,
    panel,
    picture,
    qr_code,
    side_bar,
)
from exports.markup import Strong, para
from exports.styles import Styles
from library.dose_text import dose_parts, item_name, work_text
from library.errors import HepsterError
from library.figure_scene import fitted_picture
from library.model import NO_SECTION, Dose, Exercise, Item, Program
from library.side_text import Reading, fill, reading, repeat_step


class MissingExercise(HepsterError):
    """An item names an exercise the program does not define."""


@dataclass(frozen=True)
class Entry:
    """An item with its number on the handout and its exercise's definition."""

    number: int
    item: Item
    exercise: Exercise

    @property
    def name(self) -> str:
        return item_name(self.exercise.name, self.item.dose)

    @property
    def side(self) -> str | None:
        return self.item.dose.side if self.item.dose is not None else None

    def said(self, text: str) -> str:
        """A note of the item (or its dose) as this item's patient reads it: for its side."""
        return fill(text, self.side)

    def reading(self) -> Reading:
        """The exercise's summary, steps, tips and cautions as this item's patient reads them."""
        return reading(self.exercise, self.side)

    def steps(self) -> list[str]:
        """The numbered steps for this item's side, and for a sided exercise done on both sides
        one last step that says to do the other side too."""
        found = list(self.reading().steps)
        repeat = repeat_step(self.side) if self.exercise.sided else None
        return [*found, repeat] if repeat else found


def entries(program: Program) -> list[Entry]:
    found = []
    for number, item in enumerate(program.items, 1):
        exercise = program.exercise(item.exercise)
        if exercise is None:
            raise MissingExercise(
                f"item {number} uses the exercise '{item.exercise}', "
                "which the program does not define"
            )
        found.append(Entry(number, item, exercise))
    return found


def steps(entry: Entry, styles: Styles) -> list[Flowable]:
    # A label stays with what it labels when a long block must break across pages.
    label = styles.body.clone("steps-label", spaceAfter=styles.body_size * 0.2, keepWithNext=1)
    found: list[Flowable] = [para(Strong("How to do it"), label)]
    found += [para(step, styles.step, bullet=f"{n}.") for n, step in enumerate(entry.steps(), 1)]
    return found


NO_DOSE = "as your therapist showed you"


def box_label(dose: Dose | None) -> str:
    """What the box's first line answers: most doses start with how much, but a dose may give
    only how often, or only how hard ("How much: Moderately hard" would puzzle a patient)."""
    if dose is None or work_text(dose) or dose.load or dose.tempo or dose.rest_s:
        return "How much: "
    if dose.per_day is not None or dose.when or dose.days_per_week is not None:
        return "How often: "
    return "How hard: " if dose.effort else "How much: "


def dose_box(dose: Dose | None, styles: Styles, width: float) -> Flowable:
    """The dose in a box, one part a line: how much, then how often, then how hard, and last
    the dose's own note ("10 steps each way is one set"), which says what the numbers count,
    read for the dose's side."""
    # Units spelled out ("30 seconds", not "30 s") for a patient reading on the floor.
    # Always a box: a patient who finds none would guess. A program may leave the dose out (a
    # colleague's hand-written file); then the therapist's demonstration is the dose.
    first, *rest = dose_parts(dose, spelled=True) or [NO_DOSE]
    rows = [para([Strong(box_label(dose)), first], styles.boxed)]
    rows += [para(part, styles.boxed) for part in rest]
    if dose is not None and dose.notes:
        notes = fill(dose.notes, dose.side).strip().splitlines()
        rows += [para(line, styles.boxed) for line in notes if line]
    return panel(rows, width, border=2.0)


def video(link: str, styles: Styles, width: float) -> Flowable:
    text = [
        para(Strong("Watch a video of this exercise"), styles.body.clone("video", spaceAfter=0)),
        para("Point your phone's camera at the square code.", styles.body),
        para(link, styles.body),
    ]
    return beside(qr_code(link, styles.qr_size), text, styles.qr_size, width, styles.gap)


def rule(styles: Styles, space_before: float = 2) -> Flowable:
    """The line above each exercise's name. The space between blocks goes above it: space left
    at the bottom of a block could push a block that just fits onto a page of its own."""
    return HRFlowable(
        width="100%", thickness=2, color=BLACK, spaceBefore=space_before, spaceAfter=styles.gap / 2
    )


def illustration(entry: Entry, styles: Styles, width: float) -> Flowable | None:
    """The exercise's picture, to stand beside its steps: its picture file if it has one that
    is here, else its drawn figure, mirrored for a left item so it shows the side that is
    meant. None when it has neither: no stand-in picture is drawn."""
    box_width = min(styles.picture_width, width * 0.46)
    box_height = styles.picture_height
    image = entry.exercise.image_path()
    if image is not None:
        try:
            return picture(image, box_width, box_height)
        except PictureError as error:
            raise PictureError(
                f"exercise {entry.number}, {entry.exercise.name}: {error}"
            ) from error
    side = entry.item.dose.side if entry.item.dose is not None else None
    drawn = fitted_picture(entry.exercise, side, box_width, box_height)
    return None if drawn is None else FigureFlowable(drawn, box_width, box_height)


def from_therapist(entry: Entry, styles: Styles) -> list[Flowable]:
    item = entry.item
    labelled = styles.body.clone("labelled", spaceBefore=styles.body_size * 0.3)
    found: list[Flowable] = []
    if item.notes:
        found.append(para([Strong("Note from your therapist: "), entry.said(item.notes)], labelled))
    if item.progression:
        found.append(
            para([Strong("When this gets easy: "), entry.said(item.progression)], labelled)
        )
    return found


def tips_and_cautions(entry: Entry, styles: Styles, width: float) -> list[Flowable]:
    said = entry.reading()
    found: list[Flowable] = []
    if said.cues:
        label = styles.body.clone(
            "tips",
            spaceBefore=styles.body_size * 0.3,
            spaceAfter=styles.body_size * 0.2,
            keepWithNext=1,
        )
        found.append(para(Strong("Tips"), label))
        found += [para(cue, styles.bullet, bullet="•") for cue in said.cues]
    if said.cautions:
        cautions = [para([Strong("Caution: "), text], styles.boxed) for text in said.cautions]
        found.append(Spacer(1, styles.body_size * 0.4))
        found.append(side_bar(cautions, width))
    return found


def top_with_picture(
    entry: Entry,
    named: list[Flowable],
    shown: Flowable,
    shown_width: float,
    styles: Styles,
    width: float,
) -> list[Flowable]:
    """Large print: the picture on the right, beside the name and summary or beside the dose
    box, whichever makes the block shorter (a narrower column can wrap a line more)."""
    narrow = width - shown_width - styles.gap
    picture_height = shown.wrap(shown_width, 10_000)[1]
    dose = entry.item.dose
    wide_box, narrow_box = dose_box(dose, styles, width), dose_box(dose, styles, narrow)
    by_name = max(picture_height, height(named, narrow)) + height([wide_box], width)
    by_dose = height(named, width) + max(picture_height, height([narrow_box], narrow))
    if by_name <= by_dose:
        return [beside(shown, named, shown_width, width, styles.gap, flip=True), wide_box]
    return [*named, beside(shown, [narrow_box], shown_width, width, styles.gap, flip=True)]


def exercise_block(
    entry: Entry, styles: Styles, width: float, headings: Sequence[Flowable] = ()
) -> Flowable:
    """The whole block, kept on one page; `headings` (its section's) travel with it."""
    exercise = entry.exercise
    story: list[Flowable] = [*headings, rule(styles, 2 if headings else styles.gap * 1.5)]
    named = [para([f"Exercise {entry.number}: ", entry.name], styles.exercise)]
    summary = entry.reading().summary
    if summary:
        named.append(para(summary, styles.body))
    shown = illustration(entry, styles, width)
    shown_width = 0.0 if shown is None else shown.wrap(width, styles.picture_height)[0]
    if shown is not None and not styles.picture_beside:
        story += top_with_picture(entry, named, shown, shown_width, styles, width)
    else:
        story += [*named, dose_box(entry.item.dose, styles, width)]
    story.append(Spacer(1, styles.body_size * 0.5))
    if shown is not None and styles.picture_beside:
        story += around(shown, shown_width, steps(entry, styles), width, styles.gap)
    else:
        story += steps(entry, styles)
    story += from_therapist(entry, styles)
    story += tips_and_cautions(entry, styles, width)
    if exercise.video:
        story += [Spacer(1, styles.gap), video(exercise.video, styles, width)]
    continues = styles.body.clone("continues", spaceBefore=styles.body_size * 0.5)
    return WholeBlock(
        story,
        note=lambda: para(
            Strong(f"Exercise {entry.number} continues on the next page."), continues
        ),
        heading=lambda: [
            rule(styles),
            para([f"Exercise {entry.number}: ", entry.name, " (continued)"], styles.exercise),
        ],
    )


def sections(found: list[Entry]) -> Iterator[tuple[Entry, str | None]]:
    """Each entry with the heading that starts before it: consecutive items sharing a section
    sit under one heading, printed once."""
    current: str | None = None
    for entry in found:
        section = entry.item.section
        yield entry, (section or NO_SECTION) if section != current else None
        current = section


def exercise_story(program: Program, styles: Styles, width: float) -> list[Flowable]:
    """Every block in order. The first block gets a heading even when its item has no section:
    "Your exercises" marks where the doing starts. It is not added above a section's own
    heading, because two headings make the first block too tall to stay whole in large print."""
    story: list[Flowable] = []
    for entry, section in sections(entries(program)):
        heading = section if section is not None or story else "Your exercises"
        headings = [para(heading, styles.section)] if heading is not None else []
        story.append(exercise_block(entry, styles, width, headings))
    return story
