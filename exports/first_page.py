"""The top of the handout: who it is from and for, how long it takes, one safety box ("Stop and
call us": the warning signs and the precautions), the goals, the pain guide and the therapist's
notes, all before the first exercise."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph

from exports.dates import date_text
from exports.flowables import BLACK, panel
from exports.guidance import pain_guide, stop_and_call
from exports.markup import Strong, para
from exports.styles import Styles
from library.model import Program
from library.speech import N_, _
from library.timing import session_text

# Translators: The handout's title when the therapist gave the program none.
DEFAULT_TITLE = N_("Home exercise program")


def title_of(program: Program) -> str:
    """The handout's title: the therapist's, or hepster's own in the handout's language when
    there is none or it is the one a new program starts with (which is hepster's words, not
    the therapist's: a program switched to Spanish does not print it in English)."""
    if not program.title or program.title == DEFAULT_TITLE:
        return _(DEFAULT_TITLE)
    return program.title


def lines(text: str) -> list[str]:
    """A multi-line text field as the paragraphs it holds (blank lines dropped)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


# Between two facts on one line; the line breaks only here, never inside a date.
BETWEEN_FACTS = "\u00a0\u00a0\u00a0 "


def facts_line(facts: list[tuple[str, str]], style: ParagraphStyle) -> Paragraph:
    """Labelled facts ("For: Jane Doe") side by side, wrapping between them when they do not
    fit: the top of the page stays short enough for the safety box and the pain guide."""
    runs: list[str | Strong] = []
    for label, value in facts:
        if runs:
            runs.append(BETWEEN_FACTS)
        # A label never ends a line away from its value.
        runs += [Strong(unbroken(label.rstrip()) + "\u00a0"), value]
    return para(runs, style)


def unbroken(text: str) -> str:
    return text.replace(" ", "\u00a0")


def who_and_when(program: Program, styles: Styles, paper: str) -> list[Flowable]:
    facts: list[tuple[str, str]] = []
    if program.patient:
        # Translators: Bold label before the patient's name, under the handout's title.
        facts.append((_("For:"), program.patient))
    if program.created:
        # Translators: Bold label before the date the handout was given to the patient.
        facts.append((_("Given on:"), unbroken(date_text(program.created, paper))))
    if program.start:
        start = unbroken(date_text(program.start, paper, weekday=True))
        # Translators: Bold label before the date (with its weekday) to start the exercises.
        facts.append((_("Start on:"), start))
    return [facts_line(facts, styles.body.clone("fact", spaceAfter=0))] if facts else []


def sender(program: Program, styles: Styles) -> list[Flowable]:
    """The clinic's identity and how to reach it, at the very top."""
    found: list[Flowable] = []
    if program.clinic:
        found.append(para(program.clinic, styles.clinic))
    facts: list[tuple[str, str]] = []
    if program.clinician:
        # Translators: Bold label before the therapist's name, at the top of the handout.
        facts.append((_("Your therapist:"), program.clinician))
    if program.contact:
        # Translators: Bold label before the clinic's phone number or email, at the top of the
        # handout.
        facts.append((_("Contact:"), program.contact))
    if facts:
        found.append(facts_line(facts, styles.body.clone("sender", spaceAfter=0)))
    return found


def first_page(program: Program, styles: Styles, paper: str, width: float) -> list[Flowable]:
    story: list[Flowable] = sender(program, styles)
    if story:
        story.append(
            HRFlowable(width="100%", thickness=1.5, color=BLACK, spaceBefore=8, spaceAfter=4)
        )
    story.append(para(title_of(program), styles.title))
    story += who_and_when(program, styles, paper)
    session = session_text(program)
    if session:
        gap = styles.body_size * 0.6
        story.append(
            panel(
                # Translators: Bold label before how long one session of the exercises takes
                # ("About 15 minutes"). Keep the space at the end.
                [para([Strong(_("One session takes: ")), session], styles.boxed)],
                width,
                border=2.0,
                padding=gap,
            )
        )
        story[-1].spaceBefore = gap
    # One box for all that is about safety: the program's precautions are in it, with the
    # warning signs, so that no two boxes say different things about the same sign. It comes
    # before the goals, so that it is whole on the first page in large print too, where the
    # goals would push it over to the next and leave most of the first page blank.
    box = stop_and_call(program, styles, width)
    box.spaceBefore = styles.body_size
    story.append(KeepTogether([box]))
    if program.goals:
        story.append(para(_("Your goals"), styles.heading))
        story += [para(goal, styles.bullet, bullet="•") for goal in program.goals]
    # The pain guide before the notes: the guide is kept whole, the notes can run on to the
    # next page, so the first page is filled and the exercises follow straight after.
    story.append(KeepTogether(pain_guide(program, styles, width)))
    if program.notes:
        story.append(para(_("Notes from your therapist"), styles.heading))
        story += [para(line, styles.body) for line in lines(program.notes)]
    return story
