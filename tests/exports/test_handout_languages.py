"""The handout in the patient's language (docs/languages.md): the example program printed in
Spanish, French, German and Portuguese, read back from the PDF as a patient would read it."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from exports.catalogs import LOCALE
from exports.handout import HandoutOptions, handout_warnings
from library.program_files import load_program
from library.speech import SPOKEN
from tests.exports.pdf_helpers import EXAMPLE, example_program, export, need, pdf_text, run, words

ROOT = Path(__file__).parents[2]
SPANISH_EXAMPLE = ROOT / "examples" / "lumbar-caderas-es.toml"
PLACEHOLDER = re.compile(r"\{\w*\}")


def english_frame_phrases() -> list[str]:
    """The English frame's phrases as they print, long enough to be unmistakable: every part
    of every marked phrase between its placeholders, of three words or more."""
    with (LOCALE / "handout.pot").open("rb") as stream:
        template = read_po(stream)
    found = set()
    for message in template:
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            for part in PLACEHOLDER.split(text or ""):
                part = part.strip(" :,.()")
                if len(part.split()) >= 3:
                    found.add(part)
    return sorted(found)


def handout(tmp_path: Path, language: str, options: HandoutOptions | None = None) -> str:
    options = replace(options or HandoutOptions(), language=language)
    return words(pdf_text(export(example_program(), tmp_path, options)))


def test_the_english_phrases_list_is_long_enough_to_mean_something() -> None:
    phrases = english_frame_phrases()
    assert len(phrases) > 60
    assert "Stop and call us" in " ".join(phrases) or "call us" in " ".join(phrases)


@pytest.mark.parametrize("large_print", [False, True])
def test_the_example_in_spanish_has_no_english_frame_or_exercise_text(
    tmp_path: Path, large_print: bool
) -> None:
    text = handout(tmp_path, "es", HandoutOptions(large_print=large_print))
    found = [phrase for phrase in english_frame_phrases() if phrase in text]
    assert found == []
    for exercise in example_program().exercises:
        for step in exercise.steps:
            assert step.split("{")[0][:30] not in text, f"English step of {exercise.id}"
        assert exercise.text_in("es") is not None
        assert exercise.text_in("es").name in text  # type: ignore[union-attr]
    # Dates with CLDR's Spanish names: the program starts on a Wednesday in November, and its
    # second week runs into December; the log's days are Spanish weekday names.
    for word in ("miércoles, 25 de noviembre de 2026", "del 2 de diciembre", "mié"):
        assert word in text, word
    # The dose in Spanish, its plurals right.
    assert "veces al día" in text or "vez al día" in text
    assert "Página 1 de" in text


def test_a_spanish_start_on_a_monday(tmp_path: Path) -> None:
    program = replace(example_program(), start=dt.date(2026, 12, 7), language="es")
    text = words(pdf_text(export(program, tmp_path)))
    assert "lunes, 7 de diciembre de 2026" in text


def test_a_new_programs_title_is_hepsters_own_and_prints_in_the_language(
    tmp_path: Path,
) -> None:
    """A new program's "Home exercise program" is hepster's words: a Spanish handout prints
    them in Spanish; a title the therapist wrote prints as written."""
    program = replace(example_program(), title="Home exercise program", language="es")
    text = words(pdf_text(export(program, tmp_path)))
    assert "Home exercise program" not in text
    assert "Programa de ejercicios" in text


@pytest.mark.parametrize(
    ("language", "words_of_it"),
    [
        ("fr", ("Page 1 sur", "mercredi 25 novembre 2026", "décembre")),
        ("de", ("Seite 1 von", "Mittwoch, 25. November 2026", "Dezember")),
        ("pt", ("Página 1 de", "quarta-feira, 25 de novembro de 2026", "dezembro")),
    ],
)
def test_the_frame_in_french_german_and_portuguese(
    tmp_path: Path, language: str, words_of_it: tuple[str, ...]
) -> None:
    text = handout(tmp_path, language)
    # The exercises print in English here: a phrase the frame shares with them ("Stop and call
    # us if you feel numbness…" is a caution) is looked for outside them only.
    english_exercises = " ".join(
        " ".join([*e.steps, *e.cues, *e.cautions]) for e in example_program().exercises
    )
    found = [
        phrase
        for phrase in english_frame_phrases()
        if phrase in text and phrase not in english_exercises
    ]
    assert found == []
    for word in words_of_it:
        assert word in text, word
    # The exercises have no words in this language yet: English, and the therapist is told.
    warnings = handout_warnings(example_program(), language)
    assert len([w for w in warnings if "prints in English" in w]) == 6


def test_the_pdf_says_its_language(tmp_path: Path) -> None:
    need("qpdf")
    path = export(example_program(), tmp_path, HandoutOptions(language="es-MX"))
    catalog = run("qpdf", "--show-object=trailer", path)
    assert "/Root" in catalog
    assert b"/Lang (es)" in path.read_bytes() or b"/Lang (es-MX)" in path.read_bytes()


def test_english_is_as_before_and_no_catalog_is_left_speaking(tmp_path: Path) -> None:
    english = handout(tmp_path, "en")
    assert "Page 1 of" in english and "Stop and call us" in english
    handout(tmp_path, "es")
    assert SPOKEN.get() is None
    assert handout(tmp_path, "en") == english


def test_the_therapists_own_words_print_as_written(tmp_path: Path) -> None:
    text = handout(tmp_path, "es")
    program = example_program()
    assert program.goals[0] in text
    assert "Hip stretches" in text  # a section name is the therapist's


def test_export_on_the_command_line_in_spanish_names_nothing_untranslated(
    tmp_path: Path,
) -> None:
    out = tmp_path / "es.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "tui", "export", str(SPANISH_EXAMPLE), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "prints in English" not in done.stderr
    text = words(pdf_text(out))
    assert "María García" in text and "Estiramientos de cadera" in text


def test_export_language_flag_in_french_names_each_english_exercise(tmp_path: Path) -> None:
    out = tmp_path / "fr.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "tui", "export", str(EXAMPLE), "-o", str(out), "--language", "fr"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    notes = [line for line in done.stderr.splitlines() if "prints in English" in line]
    assert len(notes) == 6
    assert f"{EXAMPLE}: note: " in notes[0] and "has no French text" in notes[0]


def test_an_unsupported_language_flag_is_one_line_naming_the_supported(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tui", "export", str(EXAMPLE), "--language", "it"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    (line,) = [line for line in done.stderr.splitlines() if "error:" in line]
    assert "supported languages: en (English), es (Español), fr (Français)" in line


@pytest.mark.parametrize("large_print", [False, True])
@pytest.mark.parametrize("language", ["es", "fr", "de", "pt"])
def test_the_safety_box_is_whole_on_the_first_page(
    tmp_path: Path, language: str, large_print: bool
) -> None:
    """As in English: a patient finds when to stop and call without turning a page. The box
    ends with the clinic's number and name, which nothing else prints together."""
    from tests.exports.pdf_helpers import page_texts

    program = load_program(SPANISH_EXAMPLE) if language == "es" else example_program()
    options = HandoutOptions(large_print=large_print, language=language)
    first = words(page_texts(export(program, tmp_path, options))[0])
    assert "555-0100 (Riverside Physical Therapy)" in first
