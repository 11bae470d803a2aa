"""Side words in library text: steps that follow the side the therapist prescribed.

An exercise done one side at a time (`sided = true`) never names a fixed side in its summary,
steps, tips or cautions. It writes one of two placeholders instead, each after "your" and before
a body part, the way an adjective stands:

    "Cross your {side} ankle over your {other side} knee."

| the text says          | `left`     | `right`    | `each`, `alternating` | no side given       |
| ---------------------- | ---------- | ---------- | --------------------- | ------------------- |
| your {side} knee       | your left  | your right | your right            | one knee (*)        |
| your {other side} knee | your right | your left  | your left             | your other knee (*) |

- `left` and `right` name the side: "Cross your left ankle over your right knee."
- `each` and `alternating` read for the right side first, which is also the side the plain
  picture shows, and the handout then says once, as the last step, to do the other side
  (`repeat_step`). The library text itself never says "switch sides" or "repeat on the other
  side": that one sentence is the handout's, so it can never be said twice, or said to a
  patient who does one side only.
- With no side (a template for "the knee that had surgery", or the app's exercise pane) the text
  names no side and nothing is added. (*) The first limb the exercise names, in reading order
  (summary, steps, tips, cautions), is "one": "Cross one ankle over your other knee."; after it,
  the same side is "your" ("a stretch in your buttock") and the opposite side "your other"
  ("Hold the back of your other thigh."). `reading` and `fill_all` read a whole exercise that
  way; `fill` reads one text on its own.

`fill` and `fill_all` are pure; `placeholder_problems` lists what is wrong with a text's
placeholders, in the file checks' words. `fixed_sides` and `switching` find text that names a
fixed side, or tells the patient to change sides, which the bundled library must not do (its
content tests use them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from library.model import Exercise
from library.speech import N_, _

SIDE = "{side}"
OTHER_SIDE = "{other side}"
PLACEHOLDERS = (SIDE, OTHER_SIDE)
NAMES = tuple(placeholder[1:-1] for placeholder in PLACEHOLDERS)
ALLOWED = ", ".join(PLACEHOLDERS)

# The side the steps read for when both sides are done: the side the plain picture shows.
FIRST_SIDE = "right"
OPPOSITE = {"left": "right", "right": "left"}
BOTH_SIDES = ("each", "alternating")

# What the handout adds, once, as the last step of a sided exercise done on both sides.
REPEAT_STEPS = {
    "each": N_("When you finish this side, do the same on the other side."),
    "alternating": N_("Change sides after each one."),
}

BRACES = re.compile(r"\{([^{}]*)\}")
# A placeholder at work: "your" before it and a word after it ("your {side} knee").
IN_PLACE = re.compile(r"\b([Yy]our) (\{side\}|\{other side\})(?= [A-Za-z])")


def named_side(side: str | None) -> str | None:
    """The side the text names for a dose's side: left, right, or None for no side at all."""
    if side in OPPOSITE:
        return side
    if side in BOTH_SIDES:
        return FIRST_SIDE
    return None


def fill_all(texts: Iterable[str], side: str | None, language: str = "en") -> list[str]:
    """An exercise's texts, in the order a patient reads them, with their placeholders filled
    for a dose's `side` (left, right, each, alternating, or None): see the table above.
    Anything else in braces is left as it is. Text in Spanish follows Spanish grammar
    (library/side_text_es.py)."""
    named = named_side(side)
    if language == "es":
        from library import side_text_es

        return side_text_es.fill_all(list(texts), named)
    if named is not None:
        return [text.replace(SIDE, named).replace(OTHER_SIDE, OPPOSITE[named]) for text in texts]
    first: list[str] = []  # the placeholder named first, once there is one

    def neutral(match: re.Match[str]) -> str:
        your, placeholder = match.group(1), match.group(2)
        if not first:
            first.append(placeholder)
            return "One" if your == "Your" else "one"
        return your if placeholder == first[0] else f"{your} other"

    found = []
    for text in texts:
        text = IN_PLACE.sub(neutral, text) if "{" in text else text
        # A placeholder out of place (the file checks report it) still never prints braces.
        found.append(text.replace(SIDE + " ", "").replace(SIDE, "").replace(OTHER_SIDE, "other"))
    return found


def fill(text: str, side: str | None) -> str:
    """One text with its placeholders filled for a dose's `side`, read on its own."""
    return fill_all([text], side)[0]


@dataclass(frozen=True)
class Reading:
    """An exercise's texts as a patient reads them for one side."""

    summary: str | None
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    cautions: tuple[str, ...]


def reading(exercise: Exercise, side: str | None) -> Reading:
    """The exercise's summary, steps, tips and cautions filled for `side`, read in that order."""
    steps, cues = len(exercise.steps), len(exercise.cues)
    texts = [exercise.summary or "", *exercise.steps, *exercise.cues, *exercise.cautions]
    filled = fill_all(texts, side, exercise.written_in)
    return Reading(
        summary=filled[0] if exercise.summary else None,
        steps=tuple(filled[1 : 1 + steps]),
        cues=tuple(filled[1 + steps : 1 + steps + cues]),
        cautions=tuple(filled[1 + steps + cues :]),
    )


def repeat_step(side: str | None) -> str | None:
    """The one sentence that tells the patient to do the other side too, for a sided exercise
    dosed on both sides; None for one side, or when no side is given."""
    step = REPEAT_STEPS.get(side or "")
    return None if step is None else _(step)


def suggestion(name: str) -> str:
    import difflib  # only when a text is wrong: not at start-up

    close = difflib.get_close_matches(name.strip().lower(), NAMES, n=1, cutoff=0.5)
    return f"did you mean '{{{close[0]}}}'? " if close else ""


PLACE_HINT = (
    f"must come after 'your' and before a body part, as in 'your {SIDE} knee' or "
    f"'your {OTHER_SIDE} hand'"
)


def side_grammar(language: str) -> tuple[re.Pattern[str], str] | None:
    """Where a language's text puts a side placeholder (a pattern whose last group is the
    placeholder), and how the file checks say so; None for a language that cannot name one."""
    if language == "es":
        from library import side_text_es

        return side_text_es.IN_PLACE, side_text_es.PLACE_HINT
    return (IN_PLACE, PLACE_HINT) if language == "en" else None


def placed(text: str, pattern: re.Pattern[str]) -> set[int]:
    """Where the placeholders in their place start, by the pattern's last group."""
    return {match.start(pattern.groups) for match in pattern.finditer(text)}


def placeholder_problems(text: str, sided: bool = True, language: str = "en") -> list[str]:
    """What is wrong with the placeholders in one text, each problem with what is allowed;
    empty when nothing is. `sided` is the exercise's own `sided`: only a sided exercise may
    name a side. `language`: the text's, whose grammar says where a placeholder goes."""
    if "{" not in text and "}" not in text:
        return []  # most texts: checked at every cold start, thousands of them
    problems: list[str] = []
    grammar = side_grammar(language)
    in_place = set() if grammar is None else placed(text, grammar[0])
    for match in BRACES.finditer(text):
        placeholder = match.group(0)
        if placeholder not in PLACEHOLDERS:
            problems.append(
                f"unknown placeholder '{placeholder}'; {suggestion(match.group(1))}"
                f"allowed here: {ALLOWED}"
            )
        elif not sided:
            problems.append(
                f"'{placeholder}' names a side, but the exercise is not done one side at a "
                "time; add sided = true or write the text without it"
            )
        elif grammar is None:
            problems.append(
                f"'{placeholder}': text in this language cannot name a side yet (only English "
                "and Spanish text can); write the exercise's translation without it"
            )
        elif match.start() not in in_place:
            problems.append(f"'{placeholder}' {grammar[1]}")
    leftover = BRACES.sub("", text)
    if "{" in leftover or "}" in leftover:
        problems.append(
            f"has a '{{' or '}}' that is not part of a placeholder; allowed here: {ALLOWED}"
        )
    return problems


# Where "left" and "right" do not name a side. Any other "left" or "right" counts as one.
NOT_A_SIDE = re.compile(
    r"\ball right\b|\bright (away|now|after|angles?)\b|\bleft (over|out|alone)\b"
    r"|\b(have|has|is|are|was|were) left\b",
    re.IGNORECASE,
)
SIDE_WORD = re.compile(r"\b(left|right)\b", re.IGNORECASE)


def fixed_sides(text: str) -> list[str]:
    """The words in `text` that name a fixed side ("left", "right"), placeholders aside; a
    phrase such as "right away" or "all right" does not count."""
    plain = NOT_A_SIDE.sub(" ", BRACES.sub(" ", text))
    return [match.group(0) for match in SIDE_WORD.finditer(plain)]


# Telling the patient to change sides: in a sided exercise that is the handout's job (above).
# Helping with the other hand ("with your other hand, press…") is not changing sides.
SWITCHING = re.compile(
    r"\b(switch|swap)(es|ed|ing|s|ped|ping)?\b"
    r"|\bchange (sides|legs|arms|hands|feet)\b"
    r"|\b(other|both) sides?\b"
    r"|\bturn (around|over)\b"
    r"|\bdo the same\b"
    r"|\b(repeat|again|then)\b[^.,]*\bother\b"
    r"|\b(do|work|then|now)\s+(with\s+|on\s+)?(the|your)\s+other\b",
    re.IGNORECASE,
)


def switching(text: str) -> list[str]:
    """The phrases in `text` that tell the patient to change sides ("switch legs", "do the
    other side", "repeat with the other arm"), placeholders aside."""
    return [match.group(0) for match in SWITCHING.finditer(BRACES.sub(" ", text))]
