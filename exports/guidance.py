"""The handout's own words for the patient: how much pain is okay, and when to stop and call.

The pain guide is the pain-monitoring model (Silbernagel) in plain words: during exercise up to
3 out of 10 is fine, 4 to 5 is okay, above 5 is too much; worse the next morning means do less.
The warning signs are the red flags every program must mention; bladder and bowel changes
are added when any exercise is for the low back. Sentences are kept short, with common words
(6th-grade level).
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

OWN_LIMIT = (
    "Some exercises give their own limit, like \u201cno more than 3 out of 10\u201d. "
    "For those, keep to their limit."
)

SHARP_PAIN = "Sharp pain, or pain that keeps getting worse"
# Which limbs the warning signs name: a patient with a knee program should not be told to watch
# an arm. Spine, core and whole-body exercises name neither, so they keep both.
UPPER = {"neck", "chest", "shoulder", "elbow", "wrist-hand", "jaw"}
LOWER = {"low-back", "hip", "knee", "ankle-foot", "pelvic-floor"}
# Saddle numbness belongs with bladder and bowel changes: together they are the urgent signs of
# a squeezed nerve bundle at the base of the spine (cauda equina), an emergency that cannot wait
# for the clinic to call back.
BLADDER_BOWEL = (
    "Trouble controlling your bladder or bowels, or numbness between your legs. ",
    "This is an emergency: go to a hospital emergency department now.",
)


def is_back_program(program: Program) -> bool:
    return any("low-back" in exercise.regions for exercise in program.used_exercises())


def limbs(program: Program) -> str:
    """ "an arm", "a leg" or "an arm or a leg": the limbs this program's exercises concern."""
    regions = {region for e in program.used_exercises() for region in e.regions}
    upper, lower = bool(regions & UPPER), bool(regions & LOWER)
    if upper != lower:
        return "an arm" if upper else "a leg"
    return "an arm or a leg"


def warning_signs(program: Program) -> list[str]:
    where = limbs(program)
    return [
        SHARP_PAIN,
        f"Pain that spreads down {where}",
        # From the back, nerve signs run down the leg (the seed's warning, in its words).
        "Numbness, tingling or weakness down a leg"
        if is_back_program(program) and where == "a leg"
        else f"Numbness, tingling or weakness in {where}",
    ]


def has_own_limits(program: Program) -> bool:
    return any(item.dose is not None and item.dose.effort for item in program.items)


def pain_guide(program: Program, styles: Styles, width: float) -> list[Flowable]:
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
        *([para(OWN_LIMIT, styles.body)] if has_own_limits(program) else []),
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
    signs = warning_signs(program)
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
