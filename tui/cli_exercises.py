"""`hepster library`, `hepster show` and `hepster figure`: the commands about exercises."""

from __future__ import annotations

import argparse
import difflib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from library.dose_text import dose_text
from library.languages import english_name
from library.layers import Library
from library.model import Exercise
from library.program_files import dose_pairs, present
from library.safe_text import UNSAFE_BUT_NEWLINE
from library.schema import EXERCISE_KEYS
from library.search import Filters, SearchIndex
from library.side_text import reading
from tui.cli_output import INVALID, OK, USAGE, complain, say, searchable_library, wrote

if TYPE_CHECKING:
    from library.figure_scene import Picture


def exercise_json(exercise: Exercise) -> dict[str, object]:
    from library.figure_text import figure_data
    from library.pictures import picture_kind

    data: dict[str, object] = dict(present(exercise, EXERCISE_KEYS))
    data["sided"] = exercise.sided
    if exercise.dose is not None:
        data["dose"] = dict(dose_pairs(exercise.dose))
    if exercise.figure is not None:
        data["figure"] = figure_data(exercise.figure)
    data["picture"] = picture_kind(exercise)
    data["layer"] = exercise.layer
    data["path"] = str(exercise.source) if exercise.source else None
    return data


def print_json(exercises: Sequence[Exercise]) -> None:
    """The same text as `json.dumps(list, indent=2)`, an exercise at a time: a clinic library's
    50,000 would otherwise be one string of hundreds of megabytes, and copies of it."""
    if not exercises:
        print("[]")
        return
    print("[")
    last = len(exercises) - 1
    for number, exercise in enumerate(exercises):
        text = json.dumps(exercise_json(exercise), ensure_ascii=False, indent=2)
        # JSON escapes C0 controls itself; C1 controls and bidi overrides are written as \u
        # escapes too (the same text to a JSON reader, and nothing a terminal acts on).
        text = UNSAFE_BUT_NEWLINE.sub(lambda match: f"\\u{ord(match.group(0)):04x}", text)
        print("  " + text.replace("\n", "\n  ") + ("," if number < last else ""))
    print("]")


def run_library(args: argparse.Namespace) -> int:
    _, index = searchable_library()
    filters = Filters(args.region, args.kind, args.position, args.equipment)
    found = index.search(" ".join(args.text), filters)
    if args.json:
        print_json(found)
        return OK
    if not found:
        complain("no exercise matches; try fewer words or other filters")
        return OK
    typed = " ".join(args.text)
    names = {exercise.id: listed_name(exercise, typed) for exercise in found}
    id_width = max(len(e.id) for e in found)
    name_width = min(max(len(name) for name in names.values()), 48)
    for exercise in found:
        layer = "" if exercise.layer == "bundled" else f"  [{exercise.layer}]"
        name = names[exercise.id]
        name = name if len(name) <= 48 else name[:47] + "…"
        say(
            f"{exercise.id:<{id_width}}  {name:<{name_width}}  "
            f"{exercise.kind:<13} {', '.join(exercise.regions)}{layer}"
        )
    return OK


def listed_name(exercise: Exercise, typed: str) -> str:
    """The name to list: the English, or the name in another language that what was typed
    matches and the English does not ("estiramiento": "(es) Estiramiento de pantorrilla")."""
    from library.search import words_of

    wanted = words_of(typed)

    def matches(name: str) -> bool:
        words = words_of(name)
        return bool(wanted) and all(any(w.startswith(t) for w in words) for t in wanted)

    if not (matches(exercise.name) or any(matches(name) for name in exercise.aka)):
        for language, text in exercise.translations:
            if matches(text.name) or any(matches(name) for name in text.aka):
                return f"({language}) {text.name}"
    return exercise.name


def exercise_lines(exercise: Exercise, library: Library) -> list[str]:
    """`hepster show`: everything about one exercise, and where it came from."""
    lines = [
        f"{exercise.name}  ({exercise.id})",
        f"From the {exercise.layer} library: {exercise.source}",
    ]
    for hidden in library.overridden.get(exercise.id, []):
        lines.append(f"Overrides the {hidden.layer} definition in {hidden.source}")
    if exercise.aka:
        lines.append("Also known as: " + ", ".join(exercise.aka))
    for language, words in exercise.translations:
        lines.append(f"In {english_name(language)}: {words.name}")
    facts = [f"Regions: {', '.join(exercise.regions)}", f"Kind: {exercise.kind}"]
    if exercise.position:
        facts.append(f"Position: {exercise.position.replace('-', ' ')}")
    if exercise.equipment:
        facts.append(f"Equipment: {', '.join(exercise.equipment)}")
    facts.append("one side at a time" if exercise.sided else "both sides together")
    lines.append(" · ".join(facts))
    # As the app's detail pane reads it: for no side in particular (library/side_text.py).
    text = reading(exercise, None)
    if text.summary:
        lines += ["", text.summary]
    lines += ["", "Steps"] + [f"  {n}. {step}" for n, step in enumerate(text.steps, 1)]
    if text.cues:
        lines += ["", "Tips"] + [f"  - {cue}" for cue in text.cues]
    if text.cautions:
        lines += ["", "Cautions"] + [f"  ! {caution}" for caution in text.cautions]
    lines += ["", f"Default dose: {dose_text(exercise.dose) or 'none given'}"]
    if exercise.dose and exercise.dose.notes:
        lines.append(f"  {exercise.dose.notes}")
    if exercise.tags:
        lines.append("Tags: " + ", ".join(exercise.tags))
    if exercise.image:
        lines.append(f"Image: {exercise.image}")
    if exercise.figure is not None:
        lines.append(f"Picture: drawn figure (hepster figure {exercise.id} -o {exercise.id}.png)")
    if exercise.video:
        lines.append(f"Video: {exercise.video}")
    return lines


def nearest_id(wanted: str, library: Library, index: SearchIndex) -> str | None:
    """The id a mistyped or partial one most likely meant, or None rather than a wild guess."""
    close = difflib.get_close_matches(wanted, library.exercises, n=1, cutoff=0.7)
    if close:
        return close[0]
    # A part of an id ("hamstring"): the best search hit, if it holds a word that was typed.
    words = set(wanted.split("-"))
    for exercise in index.search(" ".join(words))[:1]:
        if words & set(exercise.id.split("-")):
            return exercise.id
    return None


def find_exercise(exercise_id: str, library: Library, index: SearchIndex) -> Exercise | None:
    """The exercise, or None after one line naming the nearest real id."""
    exercise = library.get(exercise_id)
    if exercise is None:
        guess = nearest_id(exercise_id, library, index)
        hint = f"; did you mean '{guess}'?" if guess else ""
        complain(f"no exercise '{exercise_id}' in the library{hint}")
    return exercise


def run_show(exercise_id: str) -> int:
    library, index = searchable_library()
    exercise = find_exercise(exercise_id, library, index)
    if exercise is None:
        return INVALID
    say("\n".join(exercise_lines(exercise, library)))
    return OK


def run_figure(args: argparse.Namespace) -> int:
    from library.atomic import atomic_write
    from library.figure_scene import exercise_picture

    target: Path = args.output
    suffix = target.suffix.lower()
    if args.sheet:
        if args.id:
            complain("give an exercise ID or --sheet, not both")
            return USAGE
        if suffix != ".pdf":
            complain(f"{target}: a contact sheet is a PDF; its name must end in .pdf")
            return USAGE
    elif not args.id:
        complain("name the exercise to draw (hepster figure ID -o OUT.png), or use --sheet")
        return USAGE
    elif suffix not in (".pdf", ".svg", ".png"):
        complain(f"{target}: the file name must end in .pdf, .svg or .png")
        return USAGE
    library, index = searchable_library()
    if args.sheet:
        from exports.figure_pdf import contact_sheet
        from exports.styles import PAPER

        found = sorted(library.exercises.values(), key=lambda e: (e.regions[0], e.name))
        entries = [
            (e.id, e.name, drawn)
            for e in found
            if (args.region is None or args.region in e.regions)
            and (drawn := exercise_picture(e)) is not None
        ]
        if not entries:
            complain("no exercise with a figure" + (f" in {args.region}" if args.region else ""))
            return INVALID
        data = contact_sheet(entries, PAPER[args.paper])
        shown = f"{len(entries)} figures"
    else:
        exercise = find_exercise(args.id, library, index)
        if exercise is None:
            return INVALID
        if args.side and not exercise.sided:
            complain(f"{exercise.id} is done with both sides together; leave out --side")
            return USAGE
        drawn = exercise_picture(exercise, args.side)
        if drawn is None:
            complain(f"{exercise.id} has no figure yet ([exercise.figure] in {exercise.source})")
            return INVALID
        data = figure_bytes(drawn, suffix, args.width)
        shown = exercise.name
    if not wrote(target, lambda: atomic_write(target, data)):
        return INVALID
    say(f"{target}: written, {shown}")
    return OK


def figure_bytes(drawn: Picture, suffix: str, width: int) -> bytes:
    """The picture as the file's ending asks; each writer is imported only when used."""
    if suffix == ".svg":
        from exports.figure_svg import svg_text

        return svg_text(drawn).encode("utf-8")
    if suffix == ".png":
        from exports.figure_png import png_bytes

        return png_bytes(drawn, max(64, min(width, 4000)))
    from exports.figure_pdf import figure_pdf

    return figure_pdf(drawn)
