"""The top of the handout: who it is from and for, how long it takes, the goals and precautions,
the warning signs ("Stop and call us"), the therapist's notes and the pain guide, all before the
first exercise."""

from __future__ import annotations

from reportlab.platypus import Flowable, HRFlowable, KeepTogether

from exports.dates import date_text
from exports.flowables import BLACK, panel
from exports.guidance import pain_guide, stop_and_call
from exports.markup import Strong, para
from exports.styles import Styles
from library.model import Program
from library.timing import session_text

DEFAULT_TITLE = "Home exercise program"


def lines(text: str) -> list[str]:
    """A multi-line text field as the paragraphs it holds (blank lines dropped)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def who_and_when(program: Program, styles: Styles, paper: str) -> list[Flowable]:
    facts: list[tuple[str, str]] = []
    if program.patient:
        facts.append(("For: ", program.patient))
    if program.created:
        facts.append(("Given on: ", date_text(program.created, paper)))
    if program.start:
        facts.append(("Start on: ", date_text(program.start, paper, weekday=True)))
    return [
        para([Strong(label), value], styles.body.clone("fact", spaceAfter=0))
        for label, value in facts
    ]


def sender(program: Program, styles: Styles) -> list[Flowable]:
    """The clinic's identity and how to reach it, at the very top."""
    found: list[Flowable] = []
    if program.clinic:
        found.append(para(program.clinic, styles.clinic))
    fact = styles.body.clone("sender", spaceAfter=0)
    if program.clinician:
        found.append(para([Strong("Your therapist: "), program.clinician], fact))
    if program.contact:
        found.append(para([Strong("Contact: "), program.contact], fact))
    return found


def first_page(program: Program, styles: Styles, paper: str, width: float) -> list[Flowable]:
    story: list[Flowable] = sender(program, styles)
    if story:
        story.append(
            HRFlowable(width="100%", thickness=1.5, color=BLACK, spaceBefore=8, spaceAfter=4)
        )
    story.append(para(program.title or DEFAULT_TITLE, styles.title))
    story += who_and_when(program, styles, paper)
    session = session_text(program)
    if session:
        gap = styles.body_size * 0.6
        story.append(
            panel(
                [para([Strong("One session takes: "), session], styles.boxed)],
                width,
                border=2.0,
                padding=gap,
            )
        )
        story[-1].spaceBefore = gap
    if program.goals:
        story.append(para("Your goals", styles.heading))
        story += [para(goal, styles.bullet, bullet="•") for goal in program.goals]
    if program.precautions:
        rows: list[Flowable] = [para(Strong("Important: please take care"), styles.body)]
        rows += [para(text, styles.bullet, bullet="•") for text in program.precautions]
        box = panel(rows, width, border=3.0)
        box.spaceBefore = styles.body_size
        story.append(box)
    box = stop_and_call(program, styles, width)
    box.spaceBefore = styles.body_size
    story.append(KeepTogether([box]))
    if program.notes:
        story.append(para("Notes from your therapist", styles.heading))
        story += [para(line, styles.body) for line in lines(program.notes)]
    story.append(KeepTogether(pain_guide(program, styles, width)))
    return story
