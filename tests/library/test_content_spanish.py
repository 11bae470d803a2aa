"""The bundled library's Spanish (docs/languages.md): every exercise has it, written at a plain
reading level, naming no fixed side and never telling the patient to change sides (the handout
says that itself), every stretch found by "estiramiento"."""

from __future__ import annotations

import re

import pytest
import textstat

from library.layers import Folder, Library, load_library
from library.locations import bundled_library
from library.model import Exercise, ExerciseText
from library.search import SearchIndex, words_of
from library.side_text import fill_all

# INFLESZ (Szigriszt-Pazos): 65 and above reads "fairly easy" to "very easy" (Barrio-Cantalejo
# et al., 2008), the level for patient leaflets. The bundled Spanish scores about 87.
INFLESZ_AT_LEAST = 65
# One exercise alone is a handful of sentences: a lower bar, so one long word does not fail it.
ONE_EXERCISE_AT_LEAST = 55

FIXED_SIDE = re.compile(r"\b(derech[oa]s?|izquierd[oa]s?)\b", re.IGNORECASE)
CHANGE_SIDES = re.compile(
    r"cambi\w* de (lado|pierna|brazo|mano|pie)|\botro lado\b|ambos lados|repita con|"
    r"haga lo mismo",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([Folder("bundled", bundled_library())])


def spanish(exercise: Exercise) -> ExerciseText:
    text = exercise.text_in("es")
    assert text is not None, f"{exercise.id} has no Spanish"
    return text


def reading_texts(text: ExerciseText) -> list[str]:
    return [t for t in (text.summary, *text.steps, *text.cues, *text.cautions) if t]


def as_read(exercise: Exercise) -> str:
    """The Spanish a patient reads for the right side (placeholders filled as printed)."""
    return " ".join(fill_all(reading_texts(spanish(exercise)), "right", "es"))


def inflesz(text: str) -> float:
    # textstat's language is global: set back, or every later English readability test would
    # count syllables as Spanish.
    textstat.set_lang("es")
    try:
        return float(textstat.szigriszt_pazos(text))
    finally:
        textstat.set_lang("en_US")


def test_the_spanish_reads_plainly(library: Library) -> None:
    every = " ".join(as_read(exercise) for exercise in library.exercises.values())
    assert inflesz(every) >= INFLESZ_AT_LEAST
    hard = {
        exercise.id: round(inflesz(as_read(exercise)))
        for exercise in library.exercises.values()
        if inflesz(as_read(exercise)) < ONE_EXERCISE_AT_LEAST
    }
    assert hard == {}


def test_sided_spanish_names_no_fixed_side_and_never_switches(library: Library) -> None:
    wrong = []
    for exercise in library.exercises.values():
        text = spanish(exercise)
        for line in [text.name, *reading_texts(text)]:
            plain = line.replace("{side}", "").replace("{other side}", "")
            if exercise.sided and FIXED_SIDE.search(plain):
                wrong.append((exercise.id, line))
            if exercise.sided and CHANGE_SIDES.search(plain):
                wrong.append((exercise.id, line))
    assert wrong == []


def test_spanish_has_every_kind_of_text_the_english_has(library: Library) -> None:
    for exercise in library.exercises.values():
        text = spanish(exercise)
        assert bool(text.summary) == bool(exercise.summary), exercise.id
        assert bool(text.cautions) == bool(exercise.cautions), exercise.id
        assert bool(text.cues) == bool(exercise.cues), exercise.id


def test_every_stretch_is_found_by_estiramiento(library: Library) -> None:
    """`hepster library estiramiento` lists the stretches: each has the word in its Spanish
    name or other names."""
    index = SearchIndex(library.exercises.values())
    found = {exercise.id for exercise in index.search("estiramiento")}
    stretches = {e.id for e in library.exercises.values() if e.kind == "stretch"}
    assert stretches <= found
    for exercise_id in found:
        text = spanish(library.exercises[exercise_id])
        assert "estiramiento" in " ".join(words_of(" ".join([text.name, *text.aka])))
