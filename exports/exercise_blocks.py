"""One block per exercise, kept on one page: number and name, what it is for, the dose at a
glance (its large figures in a box, library/dose_glance.py), the picture with the numbered steps
beside it, and flowing on below them the therapist's notes, tips, cautions and a video's QR
code. Blocks are compact so that two or three share a page, and a block that does not fit the
room left on one tries again with less air before it moves on; a block taller than a whole page
breaks with a note and its name repeated (see WholeBlock). Before the first block, once, the
handout says what a round and a time are.

Every text of a block is read for the item's side: `{side}` and `{other side}` in the library's
words are filled in from the dose (library/side_text.py), and a sided exercise done on both sides
gets one last step saying to do the other side, the only place the handout says so."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Spacer

from exports.figure_pdf import FigureFlowable, fitted_figure
from exports.flowables import (
    BLACK,
    FitWidth,
    PictureError,
    WholeBlock,
    around,
    beside,
    panel,
    picture,
    qr_code,
    side_bar,
    tiles,
)
from exports.markup import Run, Sized, Strong, para
from exports.styles import Styles, tightened
from library.dose_glance import glance, limb, rounds_explained, side_value
from library.dose_text import item_name
from library.errors import HepsterError
from library.model import NO_SECTION, Exercise, Item, Program
from library.pictures import picture_root
from library.side_text import OPPOSITE, Reading, fill, reading, repeat_step
from library.speech import N_, _


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
    """The numbered steps. No "How to do it" over them: numbered beside the picture they say
    so themselves, and the line it took was the one that kept two exercises off a page."""
    return [para(step, styles.step, bullet=f"{n}.") for n, step in enumerate(entry.steps(), 1)]


NO_DOSE = N_("as your therapist showed you")
SPACING = "\u00a0\u00a0\u00a0 "  # between the labelled lines of a dose: a wide space, then a break


def dose_at_a_glance(entry: Entry, styles: Styles, width: float) -> Flowable:
    """The dose in a box under the exercise's name: its large figures side by side, read from
    the floor ("Hold 30 seconds", "3 rounds", "Each leg", "2 times a day", "Every day"), then
    what the therapist wrote about weight, speed, rest and effort, and last the dose's own note
    ("10 steps each way is one round"), read for the dose's side.

    Always a box: a patient who finds none would guess. A program may leave the dose out (a
    colleague's hand-written file); then the therapist's demonstration is the dose."""
    said = glance(entry.item.dose, entry.exercise)
    inside = styles.body_size * 0.5
    inner = width - 2.5 * inside  # the panel pads its sides by 1.25 × its padding
    detail = styles.boxed.clone("glance-detail", spaceBefore=styles.body_size * 0.15)
    cells: list[list[Flowable]] = []
    measure: list[list[Flowable]] = []
    for part in said.parts:
        label = [f"{part.label} "] if part.label else []
        when = [Sized(f" ({part.detail})", styles.body_size)] if part.detail else []
        cells.append([para([*label, Strong(part.value), *when], styles.glance)])
        # A left copy and a right copy set their figures alike: room for "Right leg" in both.
        mirrored = mirrored_side(entry, part.value)
        measure.append([*cells[-1], *([para(Strong(mirrored), styles.glance)] if mirrored else [])])
    padding = styles.body_size * 0.7
    rows: list[Flowable] = list(tiles(cells, inner, padding=padding, measure=measure))
    if said.lines:
        # One after another, a wide space between: each is short, and a line each would make
        # the box taller than the figures it is for.
        runs: list[Run] = []
        for line in said.lines:
            runs += [SPACING] if runs else []
            runs += [Strong(f"{line.label}: "), line.text]
        rows.append(para(runs, detail))
    rows += [para(note, detail) for note in said.notes]
    if not rows:
        rows = [para([Strong(_("How much:") + " "), _(NO_DOSE)], styles.boxed)]
    return panel(rows, width, border=2.0, padding=inside)


def mirrored_side(entry: Entry, value: str) -> str | None:
    """The other side's figure when `value` is this left or right item's side ("Right leg" for
    "Left leg"), else None."""
    side = entry.side
    if side not in OPPOSITE:
        return None
    limb_word = limb(entry.exercise)
    if value != side_value(side, limb_word):
        return None
    return side_value(OPPOSITE[side], limb_word)


def rounds_note(program: Program, styles: Styles) -> list[Flowable]:
    """What a round and each time are, said once, above the first exercise."""
    text = rounds_explained(item.dose for item in program.items)
    if text is None:
        return []
    # Whole, never its last sentence alone at the top of the next page.
    return [KeepTogether([para([Strong(_("Rounds and times:") + " "), text], styles.body)])]


def video(link: str, styles: Styles, width: float) -> Flowable:
    text = [
        para(
            Strong(_("Watch a video of this exercise")),
            styles.body.clone("video", spaceAfter=0),
        ),
        para(_("Point your phone's camera at the square code."), styles.body),
        para(link, styles.body),
    ]
    return beside(qr_code(link, styles.qr_size), text, styles.qr_size, width, styles.gap)


def rule(styles: Styles, space_before: float = 2) -> Flowable:
    """The line above each exercise's name. The space between blocks goes above it: space left
    at the bottom of a block could push a block that just fits onto a page of its own."""
    return HRFlowable(
        width="100%", thickness=2, color=BLACK, spaceBefore=space_before, spaceAfter=styles.gap / 3
    )


def illustration(entry: Entry, styles: Styles, width: float) -> Flowable | None:
    """The exercise's picture, `width` wide at most, to stand beside its steps: its picture
    file if it has one that is here, else its drawn figure, mirrored for a left item so it
    shows the side that is meant. None when it has neither: no stand-in picture is drawn."""
    image = entry.exercise.image_path()
    if image is not None:
        try:
            return picture(image, width, styles.picture_height, picture_root(entry.exercise))
        except PictureError as error:
            raise PictureError(
                f"exercise {entry.number}, {entry.exercise.name}: {error}"
            ) from error
    side = entry.item.dose.side if entry.item.dose is not None else None
    drawn = fitted_figure(entry.exercise, side, width, styles.picture_height)
    return None if drawn is None else FigureFlowable(drawn, width, styles.picture_height)


def from_therapist(entry: Entry, styles: Styles) -> list[Flowable]:
    item = entry.item
    labelled = styles.body.clone("labelled", spaceBefore=styles.body_size * 0.3)
    found: list[Flowable] = []
    if item.notes:
        label = Strong(_("Note from your therapist:") + " ")
        found.append(para([label, entry.said(item.notes)], labelled))
    if item.progression:
        found.append(
            para([Strong(_("When this gets easy:") + " "), entry.said(item.progression)], labelled)
        )
    return found


def tips_and_cautions(entry: Entry, styles: Styles) -> list[Flowable]:
    said = entry.reading()
    found: list[Flowable] = []
    # Each tip labelled as each caution is: a "Tips" heading would cost a line of every block.
    tip = styles.body.clone("tip", spaceAfter=styles.body_size * 0.2)
    if said.cues:
        first = tip.clone("first-tip", spaceBefore=styles.body_size * 0.3)
        found += [
            para([Strong(_("Tip:") + " "), cue], first if n == 0 else tip)
            for n, cue in enumerate(said.cues)
        ]
    if said.cautions:

        def cautions(width: float) -> Flowable:
            label = Strong(_("Caution:") + " ")
            rows = [para([label, text], styles.boxed) for text in said.cautions]
            return side_bar(rows, width)

        found.append(Spacer(1, styles.body_size * 0.4))
        # Beside the picture or below it, whichever the block's length decides.
        found.append(FitWidth(cautions))
    return found


def exercise_block(
    entry: Entry, styles: Styles, width: float, heading: str | None = None
) -> Flowable:
    """The whole block, kept on one page, its section's `heading` travelling with it: the name,
    what it is for, the dose at a glance, and the picture with the steps beside it. Where it
    does not fit the room left on a page, it tries again with less air (`tightened`)."""

    def contents(styles: Styles) -> list[Flowable]:
        story: list[Flowable] = [para(heading, styles.section)] if heading else []
        story.append(rule(styles, 2 if heading else styles.gap * 0.75))
        story.append(para(exercise_title(entry), styles.exercise))
        summary = entry.reading().summary
        if summary:
            story.append(para(summary, styles.body))
        story += [dose_at_a_glance(entry, styles, width), Spacer(1, styles.body_size * 0.5)]
        text = [*steps(entry, styles), *from_therapist(entry, styles)]
        text += tips_and_cautions(entry, styles)
        shown = illustration(entry, styles, min(styles.picture_width, width * 0.4))
        if shown is None:
            story += text
        else:
            shown_width = shown.wrap(width, styles.picture_height)[0]
            story += around([shown], shown_width, text, width, styles.gap)
        if entry.exercise.video:
            story += [Spacer(1, styles.gap), video(entry.exercise.video, styles, width)]
        return story

    continues = styles.body.clone("continues", spaceBefore=styles.body_size * 0.5)
    return WholeBlock(
        contents(styles),
        compact=lambda: contents(tightened(styles)),
        note=lambda: para(
            Strong(_("Exercise {number} continues on the next page.").format(number=entry.number)),
            continues,
        ),
        heading=lambda: [
            rule(styles),
            para(exercise_title(entry, _("{name} (continued)")), styles.exercise),
        ],
    )


def exercise_title(entry: Entry, name: str = "{name}") -> list[Run]:
    """ "Exercise 3: Calf stretch": the number in the handout's words, the name as it is."""
    # Translators: before an exercise's name, as in "Exercise 3: Calf stretch".
    number = _("Exercise {number}:").format(number=entry.number) + " "
    before, _braces, after = name.partition("{name}")
    return [number, before, entry.name, after]


def sections(found: list[Entry]) -> Iterator[tuple[Entry, str | None]]:
    """Each entry with the heading that starts before it: consecutive items sharing a section
    sit under one heading, printed once."""
    current: str | None = None
    for entry in found:
        section = entry.item.section
        yield entry, (section or _(NO_SECTION)) if section != current else None
        current = section


def exercise_story(program: Program, styles: Styles, width: float) -> list[Flowable]:
    """What a round and a time are, then every block in order. The first block gets a heading
    even when its item has no section: "Your exercises" marks where the doing starts. It is not
    added above a section's own heading, because two headings make the first block too tall to
    stay whole in large print."""
    # On its own, not in the first block: with it, that block could be too tall for a page.
    story: list[Flowable] = rounds_note(program, styles)
    for number, (entry, section) in enumerate(sections(entries(program))):
        heading = section if section is not None or number else _("Your exercises")
        story.append(exercise_block(entry, styles, width, heading))
    return story
