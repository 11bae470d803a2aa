"""The handout's own words for the patient: how much pain is okay, and when to stop and call.

The pain guide is the pain-monitoring model (Silbernagel) in plain words, around the program's
pain limit (`pain_limit`; `library.model.PAIN_LIMIT`, 5 out of 10, when it sets none): the two
scores up to the limit are okay, lower ones fine, higher ones too much; worse the next morning
means do less.

The warning signs are one box, "Stop and call us", that speaks for the whole handout: the signs
hepster chooses from what the program works on, then the program's own `warning_signs`, then its
`precautions` ("Please take care"), with nothing said twice and emergencies first, in bold
(README.md, The handout):

- A program works on a part of the body when at least a third of its different exercises name
  one of that part's regions (`PART_REGIONS`): a neck program with one low-back exercise in
  seven is not a back program.
- Back (low-back or core): bladder or bowel trouble and numbness between the legs, an emergency.
- Neck: sudden trouble talking or swallowing, dizziness, blurred or double sight: emergencies.
- Arm (shoulder, elbow, wrist and hand, chest): chest pain with arm pain, an emergency.
- After a knee or hip replacement: chest pain or sudden breathlessness, and a painful, red or
  swollen calf, emergencies; a fever or a red, hot or leaking wound. A program is after a
  replacement when it works on the legs and its own words (title, goals, notes) say so:
  "replacement", "replaced", "arthroplasty", "new knee" or "new hip", or surgery or an
  operation "after" or "had" (`AFTER_REPLACEMENT`). Exercise tags cannot tell: the same knee
  exercises are tagged for arthritis and for a new knee.
- Balance (any balance exercise: the risk of a fall comes with the exercise itself): a fall;
  new dizziness or feeling faint.
- Every program: sharp or worsening pain, and the nerve sign for its limbs (pain, numbness,
  tingling or weakness spreading down a leg, or an arm, or either).
- Only what needs help at once is an emergency, and a sign is as urgent here as the exercises'
  own cautions say it is (the ankle pumps' calf, the neck exercises' dizziness and double
  sight), so that the handout never says two things about one sign.
- A sign whose topic (its key words) an earlier sign already names is left out: chest pain after
  a replacement covers chest pain with arm pain.
- A precaution or program sign that only says what a chosen sign says (it names one of its key
  words, and every other word of it is the signs' own, a word they stand for, or whom to call
  and how soon) is left out: the sign says it, in the same words on every handout. One that
  says more is printed whole.

Every sentence is short, with common words (6th-grade level; tests/exports/test_handout_safety.py
measures each one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, Table

from exports.flowables import BLACK, panel, table_style
from exports.markup import Strong, para
from exports.styles import Styles
from library.model import Program
from library.speech import N_, _

PAIN_SCALE = N_(
    "Think of your pain as a number from 0 to 10. "
    "0 is no pain. 10 is the worst pain you can imagine."
)
# Translators: Ends the paragraph of the pain scale; a table of pain scores and what they
# mean follows.
WHILE_EXERCISING = N_("While you exercise:")
# Translators: In the pain guide's table, beside the low pain scores.
FINE = N_("Fine. This is safe. Keep going.")
# Translators: In the pain guide's table, beside the scores up to the pain limit.
OKAY = N_("Okay, but do not push harder.")
# Translators: In the pain guide's table, beside the scores above the pain limit.
TOO_MUCH = N_("Too much. Stop, and do less next time.")
NEXT_MORNING = (
    # Translators: Printed in bold at the start of a paragraph, followed by "if your pain or
    # stiffness is worse than usual, ...". Keep the space at the end.
    N_("The next morning: "),
    # Translators: Follows the bold "The next morning: " in the same paragraph.
    N_(
        "if your pain or stiffness is worse than usual, do less that day. "
        "Do fewer sets, or move less far."
    ),
)

# An example with no number in it: a number here could disagree with the program's own limit.
# Translators: Keep the example without a number: the program sets its own pain limit.
OWN_LIMIT = N_("Some exercises have their own limit, like \u201cno pain\u201d: keep to it.")


def scores(low: int, high: int) -> str:
    """ "4 or 5 out of 10", "0 to 3 out of 10", "0 out of 10"."""
    if low == high:
        # Translators: A pain score on a scale from 0 to 10, in bold in the pain guide's
        # narrow left column: keep it short.
        return _("{low} out of 10").format(low=low)
    if high == low + 1:
        # Translators: Two pain scores next to each other ("4 or 5"), on a scale from 0 to 10,
        # in bold in the pain guide's narrow left column: keep it short.
        return _("{low} or {high} out of 10").format(low=low, high=high)
    # Translators: A range of pain scores ("0 to 3"), on a scale from 0 to 10, in bold in the
    # pain guide's narrow left column: keep it short.
    return _("{low} to {high} out of 10").format(low=low, high=high)


def pain_levels(limit: int) -> tuple[tuple[str, str], ...]:
    """The guide's rows for a pain limit (0 to 10): the two scores up to the limit are okay
    (only the limit itself when it is 1), lower ones fine, higher ones too much. A limit of 0
    means no pain at all; a limit of 10 leaves no score too much."""
    rows: list[tuple[str, str]] = []
    if limit == 0:
        rows.append((scores(0, 0), _(FINE)))
    else:
        okay_from = max(limit - 1, 1)
        rows.append((scores(0, okay_from - 1), _(FINE)))
        rows.append((scores(okay_from, limit), _(OKAY)))
    if limit < 10:
        rows.append((scores(limit + 1, 10), _(TOO_MUCH)))
    return tuple(rows)


def has_own_limits(program: Program) -> bool:
    return any(item.dose is not None and item.dose.effort for item in program.items)


def pain_guide(program: Program, styles: Styles, width: float) -> list[Flowable]:
    label_width = styles.body_size * 12.5
    rows = [
        [para(Strong(level), styles.body), para(meaning, styles.body)]
        for level, meaning in pain_levels(program.pain_limit_or_default())
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
        para(_("How much pain is okay?"), styles.heading),
        # One paragraph: the table's lead-in fits on the scale's last line.
        para(" ".join((_(PAIN_SCALE), _(WHILE_EXERCISING))), styles.body),
        table,
        *([para(_(OWN_LIMIT), styles.body)] if has_own_limits(program) else []),
        para([Strong(_(NEXT_MORNING[0])), _(NEXT_MORNING[1])], styles.body),
    ]


# The words of the "Stop and call us" box around the signs.
# Translators: The heading of the box of warning signs; it speaks for the whole handout.
STOP_HEADING = N_("Stop and call us")
# "Call an ambulance", not a number: the handout is printed where 911 is not the number. An
# ambulance is right for every emergency sign below (chest pain, a stroke, the nerve bundle at
# the base of the spine), and the line stays short enough for one line at 6th-grade level.
# Translators: Bold; a list of emergency warning signs follows.
EMERGENCY_INTRO = N_("Emergency: call an ambulance now if you have:")
# Translators: Bold; a list of warning signs follows.
CALL_INTRO = N_("Stop the exercises and call us if you have:")
# Translators: Bold; a list of the therapist's precautions follows.
CARE_INTRO = N_("Please take care:")
# Translators: Bold, at the end of the box of warning signs, when the handout gives no
# phone number or clinic to call.
NO_CONTACT = N_("Call your therapist or your doctor.")


@dataclass(frozen=True)
class Sign:
    """One warning sign as the patient reads it, and what it is about.

    `text` is English, marked with N_: it is matched in English against the program's own
    words, like `keys` and `words`, and looked up with _() only where it is printed
    (`safety_words`).
    `keys` are the beginnings of the words that name its topic ("numb" for numbness or numb);
    `words` are other words that say nothing beyond it ("swollen" beside "swelling").
    """

    text: str
    emergency: bool
    keys: tuple[str, ...]
    words: tuple[str, ...] = ()


# What a part of the body is, in the format's region words. Spine, core and whole-body
# exercises name no limb; core exercises are for the back.
PART_REGIONS = {
    "back": frozenset({"low-back", "core"}),
    "neck": frozenset({"neck"}),
    "arm": frozenset({"shoulder", "elbow", "wrist-hand", "chest"}),
    "leg": frozenset({"hip", "knee", "ankle-foot"}),
}
AFTER_REPLACEMENT = re.compile(
    r"\b(replacement|replaced|arthroplasty|new (knee|hip)s?)\b"
    r"|\b(after|had)\b(\s+\w+){0,3}\s+(surgery|operation)\b",
    re.IGNORECASE,
)

CHEST = Sign(
    N_("Chest pain, or you are suddenly short of breath"),
    emergency=True,
    keys=("chest", "breath"),
    words=("shortness", "breathless", "breathing", "breathe", "sudden"),
)
# After a replacement a sore or swollen calf may be a clot, and chest pain or breathlessness a
# clot gone to the lungs: both are for help at once (the ankle pumps' own caution says the same).
CALF = Sign(
    N_("Pain in your calf, or a calf that is red or swollen"),
    emergency=True,
    keys=("calf", "calv"),
    words=("calves", "swelling", "swell", "redness", "painful", "tender", "sore", "hot", "warm"),
)
WOUND = Sign(
    N_("A fever, or a wound that is red, hot or leaking"),
    emergency=False,
    keys=("fever", "wound", "incision", "stitch"),
    words=("temperature", "redness", "warm", "leaks", "oozing", "scar", "high"),
)
BLADDER = Sign(
    N_("New trouble with your bladder or bowels"),
    emergency=True,
    keys=("bladder", "bowel", "incontinen"),
    words=("control", "pee", "poo", "poop", "urine", "wee", "stool", "toilet", "pass"),
)
SADDLE = Sign(
    # Translators: Saddle numbness (a sign of pressure on the nerves at the base of the spine),
    # in plain, polite words.
    N_("Numb skin between your legs or around your bottom"),
    emergency=True,
    keys=("saddle", "groin", "between"),
    words=("numbness", "inner", "thigh", "thighs", "buttock", "buttocks", "private", "parts"),
)
# From the neck, dizziness, double sight and trouble speaking or swallowing may come from an
# artery of the neck (a stroke): all are for help at once, as the neck exercises' own cautions
# say too; two words for one sign would not be one voice.
NECK_SPEECH = Sign(
    N_("Sudden trouble when you talk or swallow"),
    emergency=True,
    keys=("swallow", "speak", "speech", "slurr", "talk"),
    words=("speaking", "talking", "trouble", "hard", "suddenly"),
)
NECK_SIGHT = Sign(
    N_("Dizziness, or blurred or double sight"),
    emergency=True,
    keys=("dizz", "double", "blur", "vision", "sight"),
    words=("dizzy", "see", "seeing", "blurry", "vision", "eyes"),
)
HEART = Sign(
    N_("Chest pain with pain in your arm"),
    emergency=True,
    keys=("chest",),
    words=("heart", "arms", "jaw"),
)
SHARP_PAIN = Sign(
    N_("Sharp pain, or pain that keeps getting worse"),
    emergency=False,
    keys=("sharp", "worse", "worsen"),
    words=("increasing", "severe", "bad", "badly"),
)
FALL = Sign(
    N_("A fall, even if you are not hurt"),
    emergency=False,
    keys=("fall", "fell", "fallen"),
    words=("hurt", "injured"),
)
DIZZY = Sign(
    N_("New dizziness, or feeling faint: sit down first"),
    emergency=False,
    keys=("dizz", "faint", "lighthead", "light-head"),
    words=("dizzy", "feel", "feeling", "lightheaded"),
)
NERVE_KEYS = ("numb", "tingl", "weak", "spread", "pins", "shoot")
NERVE_WORDS = ("tingle", "needles", "shooting", "spreading", "running", "runs", "into", "down")
# The limbs the nerve sign names, and the words for them.
LIMB_WORDS = {
    "leg": ("leg", "legs", "foot", "feet", "toes", "thigh", "buttock", "knee", "hip", "ankle"),
    "arm": ("arm", "arms", "hand", "hands", "fingers", "shoulder", "elbow", "wrist"),
}
NERVE_TEXT = {
    frozenset({"leg"}): N_(
        "Pain, numbness, tingling or weakness that spreads down a leg or into a foot"
    ),
    frozenset({"arm"}): N_(
        "Pain, numbness, tingling or weakness that spreads down an arm or into a hand"
    ),
    frozenset({"leg", "arm"}): N_(
        "Pain, numbness, tingling or weakness that spreads down an arm or a leg"
    ),
}


def nerve_sign(limbs: frozenset[str]) -> Sign:
    """The nerve sign for the limbs a program works (an arm or a leg when it works neither)."""
    named = limbs or frozenset({"leg", "arm"})
    words = tuple(word for limb in sorted(named) for word in LIMB_WORDS[limb])
    return Sign(NERVE_TEXT[named], emergency=False, keys=NERVE_KEYS, words=NERVE_WORDS + words)


def every_sign() -> tuple[Sign, ...]:
    """Every sign the box can print, whatever the program: for the tests of its words."""
    nerves = tuple(nerve_sign(limbs) for limbs in NERVE_TEXT)
    fixed = (CHEST, BLADDER, SADDLE, NECK_SPEECH, HEART, SHARP_PAIN, NECK_SIGHT, CALF, WOUND)
    return (*fixed, *nerves, FALL, DIZZY)


def worked_on(program: Program) -> frozenset[str]:
    """The parts of the body the program works (`PART_REGIONS`), and "balance" and
    "replacement" when they apply (the module's docstring has the rules)."""
    used = program.used_exercises()
    parts = {
        part
        for part, regions in PART_REGIONS.items()
        if used and 3 * sum(1 for e in used if regions & set(e.regions)) >= len(used)
    }
    if any(exercise.kind == "balance" for exercise in used):
        parts.add("balance")
    own_words = [program.title, *program.goals, program.notes or ""]
    if "leg" in parts and any(AFTER_REPLACEMENT.search(text) for text in own_words):
        parts.add("replacement")
    return frozenset(parts)


def limbs(parts: frozenset[str]) -> frozenset[str]:
    """The limbs whose nerve signs matter: a back program's run down the legs, a neck
    program's down the arms."""
    found = set()
    if parts & {"leg", "back"}:
        found.add("leg")
    if parts & {"arm", "neck"}:
        found.add("arm")
    return frozenset(found)


def chosen_signs(program: Program) -> list[Sign]:
    """The signs for this program, emergencies first; one sign per topic."""
    parts = worked_on(program)

    def when(part: str, *signs: Sign) -> tuple[Sign, ...]:
        return signs if part in parts else ()

    candidates = [
        *when("replacement", CHEST),
        *when("back", BLADDER, SADDLE),
        *when("neck", NECK_SPEECH),
        *when("arm", HEART),
        SHARP_PAIN,
        nerve_sign(limbs(parts)),
        *when("neck", NECK_SIGHT),
        *when("replacement", CALF, WOUND),
        *when("balance", FALL, DIZZY),
    ]
    chosen: list[Sign] = []
    for sign in candidates:
        if not any(set(sign.keys) & set(other.keys) for other in chosen):
            chosen.append(sign)
    return chosen


# Whom to call and how soon: a precaution that adds only these to a sign says nothing new.
# Removed before its words are compared.
ACTIONS = re.compile(
    r"\b(stop( doing)?( the| these| your| this)?( exercises?)?"
    r"|(call|phone|ring|tell|see|contact)( us| your (therapist|doctor|surgeon|gp)| a doctor"
    r"| an ambulance| 911| 999| 112)?"
    r"|(get|seek) (urgent |medical |urgent medical )?(help|care|advice)"
    r"|go to (a|the) (hospital|emergency (room|department))"
    r"|(at once|right away|straight away|immediately|urgently|now|today|soon)"
    r"|(on )?the same day)\b",
    re.IGNORECASE,
)
SMALL_WORDS = (
    "a an the and or but if of in on at to for with from by as is are be been it its this that "
    "these those you your we us our they them their any new very so too than then there also "
    "just only more much have has had get gets getting got keep keeps feel feels feeling notice "
    "change changes changed"
)
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def stem(word: str) -> str:
    """A word without its common endings, so that "legs" meets "leg" and "numbness" "numb"."""
    word = word.removesuffix("'s")
    for ending in ("ness", "ful", "ing", "ly", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def word_stems(text: str) -> list[str]:
    return [stem(word) for word in WORD.findall(text.lower().replace("\u2019", "'"))]


SMALL_STEMS = frozenset(stem(word) for word in SMALL_WORDS.split())


def says_the_same(text: str, signs: Sequence[Sign]) -> bool:
    """Whether `text` (a precaution, or a program's own sign) only repeats `signs`: it names
    one of their topics, and every other word of it is theirs, or whom to call and how soon."""
    stems = [
        word
        for word in word_stems(ACTIONS.sub(" ", text))
        if word not in SMALL_STEMS and not word.isdigit()
    ]
    keys = tuple(key for sign in signs for key in sign.keys)
    known = {word for sign in signs for word in word_stems(" ".join((sign.text, *sign.words)))}
    if not any(word.startswith(keys) for word in stems):
        return False
    return all(word in known or word.startswith(keys) for word in stems)


def plain_key(text: str) -> str:
    """Text compared as a patient reads it: one line twice is one line."""
    return " ".join(WORD.findall(text.lower()))


def without_repeats(texts: Iterable[str], seen: set[str]) -> tuple[str, ...]:
    kept = []
    for text in texts:
        key = plain_key(text)
        if key not in seen:
            seen.add(key)
            kept.append(text)
    return tuple(kept)


@dataclass(frozen=True)
class SafetyWords:
    """What the "Stop and call us" box says, in order."""

    emergencies: tuple[str, ...]  # get help at once
    signs: tuple[str, ...]  # stop and call us
    precautions: tuple[str, ...]  # please take care


def safety_words(program: Program) -> SafetyWords:
    """The chosen signs, then the program's own signs and precautions less what they repeat."""
    chosen = chosen_signs(program)
    seen = {plain_key(sign.text) for sign in chosen}
    own_signs = [text for text in program.warning_signs if not says_the_same(text, chosen)]
    precautions = [text for text in program.precautions if not says_the_same(text, chosen)]
    # The signs are compared in English, above, and printed in the handout's language.
    signs = tuple(_(sign.text) for sign in chosen if not sign.emergency)
    return SafetyWords(
        emergencies=tuple(_(sign.text) for sign in chosen if sign.emergency),
        signs=signs + without_repeats(own_signs, seen),
        precautions=without_repeats(precautions, seen),
    )


def call_line(program: Program) -> list[str | Strong]:
    """Who to call and how, from the program; the panel is useless without it, so it is bold."""
    who = program.clinic or program.clinician
    if program.contact:
        # Translators: Bold label before the clinic's phone number or email, at the end of the
        # box of warning signs. Keep the space at the end.
        runs: list[str | Strong] = [Strong(_("Call us: ")), Strong(program.contact)]
        if who:
            runs.append(f" ({who})")
        return runs
    if who:
        # Translators: Bold label before the clinic's or the therapist's name, at the end of the
        # box of warning signs. Keep the space at the end.
        return [Strong(_("Call us: ")), Strong(who)]
    return [Strong(_(NO_CONTACT))]


def stop_and_call(program: Program, styles: Styles, width: float) -> Flowable:
    """The one safety box: emergencies (in bold), the signs to stop and call for, the
    precautions, and whom to call."""
    words = safety_words(program)
    gap = styles.body_size * 0.4
    rows: list[Flowable] = [
        para(_(STOP_HEADING), styles.heading.clone("panel-heading", spaceBefore=0)),
    ]
    if words.emergencies:
        rows.append(para(Strong(_(EMERGENCY_INTRO)), styles.body))
        rows += [para(Strong(text), styles.bullet, bullet="•") for text in words.emergencies]
    intro = styles.body.clone("call-intro", spaceBefore=gap if words.emergencies else 0)
    rows.append(para(Strong(_(CALL_INTRO)), intro))
    rows += [para(text, styles.bullet, bullet="•") for text in words.signs]
    if words.precautions:
        rows.append(para(Strong(_(CARE_INTRO)), styles.body.clone("care-intro", spaceBefore=gap)))
        rows += [para(text, styles.bullet, bullet="•") for text in words.precautions]
    rows.append(para(call_line(program), styles.body.clone("call", spaceBefore=gap)))
    return panel(rows, width, border=3.0)
