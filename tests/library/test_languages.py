"""Programs and exercises in more than one language (docs/languages.md): the `language` tag,
an exercise's `[exercise.translations.es]` words, Spanish side words, and what saving keeps."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from library.languages import language_of, tag_problem, untranslated_warnings
from library.layers import library_folders, load_library
from library.locations import bundled_library
from library.problems import InvalidFile
from library.program_files import load_program, program_text
from library.search import SearchIndex, words_of
from library.side_text import fill_all, placeholder_problems
from library.side_text_es import fill_all as fill_spanish
from library.validation import validate_path

EXAMPLES = Path(__file__).parents[2] / "examples"

EXERCISE = """
[[exercise]]
id = "knee-bend-test"
name = "Knee bend"
regions = ["knee"]
kind = "mobility"
sided = true
summary = "Bend your {side} knee."
steps = ["Sit on a chair.", "Bend your {side} knee and hold it with your {other side} hand."]
cautions = ["Stop if it hurts."]
[exercise.dose]
reps = 10
when = "morning"
"""


def library_problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    problems, _ = validate_path(path, lambda: load_library([]))
    return [f"{problem.place}: {problem.message}" for problem in problems]


def spanish(**fields: str) -> str:
    words = {
        "name": '"Doblar la rodilla"',
        "summary": '"Doble la rodilla {side}."',
        "steps": '["Siéntese en una silla.", '
        '"Doble la rodilla {side} y sujétela con la mano {other side}."]',
        "cautions": '["Pare si le duele."]',
    }
    words.update(fields)
    lines = "".join(f"{key} = {value}\n" for key, value in words.items() if value)
    return EXERCISE + "[exercise.translations.es]\n" + lines


def test_a_spanish_translation_is_read_with_the_exercise(tmp_path: Path) -> None:
    assert library_problems(tmp_path, spanish()) == []


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"cautions": ""}, "translations.es.cautions: is required"),
        ({"steps": ""}, "translations.es.steps: is required"),
        (
            {"summary": '"Doble {side} la rodilla."'},
            "translations.es.summary: '{side}' must come after 'el', 'la', 'del' or 'al'",
        ),
        ({"nombre": '"x"'}, "translations.es.nombre: unknown key"),
        ({"name": '"' + "x" * 81 + '"'}, "translations.es.name: is 81 characters long"),
    ],
)
def test_a_broken_translation_says_where_and_what_is_allowed(
    tmp_path: Path, fields: dict[str, str], expected: str
) -> None:
    problems = library_problems(tmp_path, spanish(**fields))
    assert any(expected in problem for problem in problems), problems


def test_an_unknown_language_names_the_supported_ones(tmp_path: Path) -> None:
    text = EXERCISE + '[exercise.translations.it]\nname = "Piegare"\nsteps = ["Sieda."]\n'
    (problem,) = library_problems(tmp_path, text)
    assert problem.startswith("exercise[1].translations.it: unknown language")
    assert "es (Español), fr (Français), de (Deutsch), pt (Português)" in problem


def test_translated_dose_words_are_only_those_the_english_dose_has(tmp_path: Path) -> None:
    text = spanish() + '[exercise.translations.es.dose]\nwhen = "mañana"\n'
    assert library_problems(tmp_path, text) == []
    text = spanish() + '[exercise.translations.es.dose]\neffort = "suave"\n'
    (problem,) = library_problems(tmp_path, text)
    assert "translations.es.dose.effort: unknown key" in problem


def test_translated_dose_words_for_a_dose_with_none_say_to_leave_them_out(tmp_path: Path) -> None:
    text = spanish().replace('when = "morning"\n', "") + "[exercise.translations.es.dose]\n"
    (problem,) = library_problems(tmp_path, text)
    assert problem.startswith("exercise[1].translations.es.dose: the exercise's dose has no words")


@pytest.mark.parametrize(
    ("side", "expected"),
    [
        ("right", "Doble la rodilla derecha y sujétela con la mano izquierda."),
        ("left", "Doble la rodilla izquierda y sujétela con la mano derecha."),
        ("each", "Doble la rodilla derecha y sujétela con la mano izquierda."),
        (None, "Doble una rodilla y sujétela con la otra mano."),
    ],
)
def test_spanish_side_words_agree_with_the_body_part(side: str | None, expected: str) -> None:
    text = "Doble la rodilla {side} y sujétela con la mano {other side}."
    assert fill_all([text], side, "es") == [expected]


def test_with_no_side_spanish_names_one_then_the_same_then_the_other() -> None:
    texts = [
        "Cruce el tobillo {side} sobre la rodilla {other side}.",
        "Lleve la punta del pie {side} hacia usted.",
        "Apoye el pie {other side} en el suelo.",
    ]
    assert fill_spanish(texts, None) == [
        "Cruce un tobillo sobre la otra rodilla.",
        "Lleve la punta del pie hacia usted.",
        "Apoye el otro pie en el suelo.",
    ]


@given(
    st.lists(
        st.sampled_from(
            ["el pie {side}", "la mano {other side}", "del brazo {side}", "{side}", "y"]
        ),
        max_size=8,
    ),
    st.sampled_from(["left", "right", "each", "alternating", None]),
)
def test_spanish_text_never_prints_braces(words: list[str], side: str | None) -> None:
    (filled,) = fill_all([" ".join(["Mueva", *words])], side, "es")
    assert "{" not in filled and "}" not in filled


def test_english_placeholders_are_refused_in_languages_that_cannot_place_them_yet() -> None:
    (problem,) = placeholder_problems("Plier le genou {side}.", True, "fr")
    assert "cannot name a side yet" in problem


@pytest.mark.parametrize(
    ("tag", "language"), [("es", "es"), ("es-MX", "es"), ("pt_BR", "pt"), ("EN", "en")]
)
def test_a_tag_names_its_language(tag: str, language: str) -> None:
    assert language_of(tag) == language
    assert tag_problem(tag) is None


@pytest.mark.parametrize("tag", ["it", "spanish", "es-", ""])
def test_an_unsupported_tag_says_which_are(tag: str) -> None:
    problem = tag_problem(tag)
    assert problem is not None and "supported languages: en (English), es (Español)" in problem


def test_a_program_language_is_checked_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('format = "hepster-program"\nversion = 1\nlanguage = "klingon"\n')
    with pytest.raises(InvalidFile) as raised:
        load_program(path)
    (problem,) = raised.value.problems
    assert str(problem).startswith(f"{path}: language: 'klingon' is not a language tag;")


def test_a_spanish_program_carries_its_exercises_spanish_words_only(tmp_path: Path) -> None:
    """Saved, a program embeds the words of its own language, so a colleague's machine prints
    the same handout; an English program embeds none."""
    library = load_library(library_folders())
    spanish_program = load_program(EXAMPLES / "lumbar-caderas-es.toml", library.get)
    text = program_text(spanish_program)
    assert text.count("[exercise.translations.es]") == 6
    assert "[exercise.translations.fr]" not in text
    english = load_program(EXAMPLES / "low-back-hips.toml", library.get)
    assert "translations" not in program_text(english)
    # Read on a machine without the library, it still has its Spanish.
    alone = load_program(EXAMPLES / "lumbar-caderas-es.toml")
    assert all(e.text_in("es") is not None for e in alone.exercises)
    assert program_text(alone) == (EXAMPLES / "lumbar-caderas-es.toml").read_text()


def test_an_older_program_gains_the_librarys_words_for_its_language() -> None:
    """The English example, saved before translations, prints in Spanish when asked: its
    exercises are the library's, less the words it did not carry."""
    library = load_library(library_folders())
    program = load_program(
        EXAMPLES / "low-back-hips.toml", library.get, lookup_embedded=False, language="es"
    )
    assert untranslated_warnings(program, "es") == []
    assert untranslated_warnings(program, "fr") == [
        f"{e.name} ({e.id}) has no French text; it prints in English" for e in program.exercises
    ]


def test_every_bundled_exercise_and_template_has_spanish() -> None:
    library = load_library(
        [folder for folder in library_folders() if folder.path == bundled_library()]
    )
    assert library.problems == []
    missing = [e.id for e in library.exercises.values() if e.text_in("es") is None]
    assert missing == []
    for template in library.templates.values():
        program = load_program(template.path, library.get)
        assert dict(program.titles).get("es"), template.path


def test_search_finds_an_exercise_by_its_spanish_name_with_or_without_accents() -> None:
    library = load_library(library_folders())
    index = SearchIndex(library.exercises.values())
    stretches = index.search("estiramiento")
    assert stretches and all(
        "estiramiento" in words_of(e.text_in("es").name) for e in stretches[:10] if e.text_in("es")
    )
    calf = library.get("calf-stretch-wall")
    assert calf is not None and calf.text_in("es") is not None
    spanish_name = calf.text_in("es").name  # type: ignore[union-attr]
    plain = "".join(c for c in spanish_name if c.isascii())
    assert calf in index.search(spanish_name)[:3]
    assert calf in index.search(plain.lower())[:5] or not plain


def test_a_program_from_a_template_in_spanish_has_its_title_and_no_offer_of_titles() -> None:
    import datetime as dt

    from library.new_program import from_template
    from library.settings import Settings

    library = load_library(library_folders())
    template = load_program(library.templates["ankle-sprain"].path, library.get)
    program = from_template(template, Settings(language="es"), dt.date(2026, 12, 7))
    assert program.language == "es"
    assert program.title.startswith("Después de un esguince de tobillo")
    text = program_text(program)
    assert "\n[translations." not in text and 'language = "es"' in text
    english = from_template(template, Settings(), dt.date(2026, 12, 7))
    assert english.title == template.title and english.language is None
