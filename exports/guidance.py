"""The handout's own words for the patient: how much pain is okay, and when to stop and call.

The pain guide is the pain-monitoring model (Silbernagel) in plain words: during exercise up to
3 out of 10 is fine, 4 to 5 is okay, above 5 is too much; worse the next morning means do less.
The warning signs are the red flags of DOMAIN.md; bladder and bowel changes are added when any
exercise is for the low back. Sentences are kept short, with common words (6th-grade level).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Table

from exports.flowables import BLACK, panel, table_style
from exports.markup import Strong, para
from exports.styles import Styles
from library.model import Program

PAIN_SCALE = (
    "Think of your pain as a number from 0 to 10. "
    "0 is no pain. 10 is the worst pain you can imagine."
)
PAIN_LEVELS = (
    ("0 to 3 out of 10", "Fine. This is safe. Keep going."),
    ("4 or 5 out of 10", "Okay, but do not push harder."),
    ("6 to 10 out of 10", "Too much. Stop, and do less next time."),
)
NEXT_MORNING = (
    "The next morning: ",
    "if your pain or stiffness is worse than usual, do less that day. "
    "Do fewer sets, or move less far.",
)

WARNING_SIGNS = (
    "Sharp pain, or pain that keeps getting worse",
    "Pain that spreads down an arm or a leg",
)
NERVE_SIGNS = "Numbness, tingling or weakness in an arm or a leg"
BACK_NERVE_SIGNS = "Numbness, tingling or weakness down a leg"
# Saddle numbness belongs with bladder and bowel changes: together they are the urgent signs of
# a squeezed nerve bundle at the base of the spine (cauda equina), which cannot wait for a visit.
BLADDER_BOWEL = (
    "Trouble controlling your bladder or bowels, or numbness between your legs. ",
    "This cannot wait: call us or see a doctor right away.",
)


def is_back_program(program: Program) -> bool:
    return any("low-back" in exercise.regions for exercise in program.used_exercises())


def pain_guide(styles: Styles, width: float) -> list[Flowable]:
    label_width = styles.body_size * 12.5
    rows = [
        [para(Strong(level), styles.body), para(meaning, styles.body)]
        for level, meaning in PAIN_LEVELS
    ]
    table = Table(rows, colWidths=[label_width, width - label_width], hAlign="LEFT")
    table.spaceAfter = styles.body_size * 0.6
    table.setStyle(
        table_style(
            [
                ("GRID", (0, 0), (-1, -1), 1, BLACK),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        para("How much pain is okay?", styles.heading),
        para(PAIN_SCALE, styles.body),
        para("While you exercise:", styles.body),
        table,
        para([Strong(NEXT_MORNING[0]), NEXT_MORNING[1]], styles.body),
    ]


def call_line(program: Program) -> list[str | Strong]:
    """Who to call and how, from the program; the panel is useless without it, so it is bold."""
    who = program.clinic or program.clinician
    if program.contact:
        runs: list[str | Strong] = [Strong("Call us: "), Strong(program.contact)]
        if who:
            runs.append(f" ({who})")
        return runs
    if who:
        return [Strong("Call us: "), Strong(who)]
    return [Strong("Call your therapist or your doctor.")]


def stop_and_call(program: Program, styles: Styles, width: float) -> Flowable:
    signs = [*WARNING_SIGNS, BACK_NERVE_SIGNS if is_back_program(program) else NERVE_SIGNS]
    rows: list[Flowable] = [
        para("Stop and call us", styles.heading.clone("panel-heading", spaceBefore=0)),
        para("Stop the exercises and call us if you have:", styles.body),
    ]
    rows += [para(sign, styles.bullet, bullet="•") for sign in signs]
    if is_back_program(program):
        rows.append(para([Strong(BLADDER_BOWEL[0]), BLADDER_BOWEL[1]], styles.bullet, bullet="•"))
    rows.append(
        para(call_line(program), styles.body.clone("call", spaceBefore=styles.body_size * 0.4))
    )
    return panel(rows, width, border=3.0)
