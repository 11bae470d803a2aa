"""What the handout code remembers from one export to the next in a process (paragraphs parsed and
broken into lines, exports/markup.py; figures laid out and drawn, exports/figure_pdf.py): the
same handout as without it, never one patient's words in another's handout, and bounded."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pdf_helpers import example_program, export, pdf_text, words
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from exports import figure_pdf, markup
from exports.figure_pdf import FigureFlowable, draw_picture, fitted_figure, operators
from exports.markup import LONGEST, Strong, para
from exports.styles import make_styles
from library.model import Program

CACHES = [
    markup.remembered_literal,
    markup.shared,
    markup.style_of,
    markup.parsed,
    markup.line_breaks,
    figure_pdf.fitted_figure,
    figure_pdf.operators,
]


def patient(program: Program, name: str, note: str, item_note: str) -> Program:
    """The program for another patient: their name, the therapist's note to them, and a note on
    their first exercise (a paragraph inside an exercise's block)."""
    first = replace(program.items[0], notes=item_note)
    return replace(program, patient=name, notes=note, items=(first, *program.items[1:]))


def test_each_handout_has_its_own_patient_s_words_only(tmp_path: Path) -> None:
    program = example_program()
    # Names and notes of the same length: equally wide, so only their words can tell them apart.
    ann = patient(program, "Ann Quill", "Rest the knee on Sunday.", "Keep your back flat.")
    bea = patient(program, "Bea Stone", "Walk the dog each night.", "Keep your hips level.")
    first_ann = export(ann, tmp_path, name="ann.pdf")
    bea_pdf = export(bea, tmp_path, name="bea.pdf")
    again_ann = export(ann, tmp_path, name="ann-again.pdf")
    for path, own, other in ((first_ann, ann, bea), (bea_pdf, bea, ann), (again_ann, ann, bea)):
        text = words(pdf_text(path))
        for field in ("patient", "notes"):
            assert words(getattr(own, field)) in text, (path.name, field)
            assert words(getattr(other, field)) not in text, (path.name, field)
        assert words(own.items[0].notes or "") in text
        assert words(other.items[0].notes or "") not in text
    # What was remembered while exporting Bea's handout changed nothing in Ann's.
    assert again_ann.read_bytes() == first_ann.read_bytes()


def lines(paragraph: Paragraph) -> list[tuple[float, list[str]]]:
    """Each line of a wrapped paragraph: the room left on it and its words."""
    found = []
    for line in paragraph.blPara.lines:
        if isinstance(line, tuple):  # one font: (room left, words)
            found.append((line[0], list(line[1])))
        else:
            found.append((line.extraSpace, [word.text for word in line.words]))
    return found


LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 2
TEXTS: list[Any] = [
    "Lie on your back with both knees bent and your feet flat on the floor.",
    [Strong("Tip: "), "Breathe out as you lift, and in as you lower."],
    [Strong("Caution: "), f"a word too long for any line: {LONG_WORD}, split where it must be."],
    "Stop & call us: <b>not bold</b>\nand a second line.",
]
# A paragraph is measured at one width, then another (beside the picture, then below it).
WIDTHS = [(400.0,), (400.0, 120.0), (120.0, 400.0, 120.0), (60.0,)]


@pytest.mark.parametrize("widths", WIDTHS, ids=[str(w) for w in WIDTHS])
def test_remembered_lines_are_the_ones_reportlab_breaks(widths: tuple[float, ...]) -> None:
    styles = make_styles(False)
    for text in TEXTS:
        for style, bullet in ((styles.body, None), (styles.step, "3.")):
            # Twice: the second is made from what the first left remembered.
            for _ in range(2):
                # ReportLab breaks a paragraph from what its last breaking left: each is new.
                plain = Paragraph(markup.markup(text), style, bulletText=bullet)
                remembered = para(text, style, bullet=bullet)
                for width in widths:
                    assert remembered.wrap(width, 1000) == plain.wrap(width, 1000)
                    assert lines(remembered) == lines(plain)
                    assert remembered.text == plain.text
                    assert remembered.bulletText == plain.bulletText


def test_paragraphs_are_remembered_by_their_style_s_settings_not_the_style_itself() -> None:
    text = "Hold for 30 seconds, then rest."
    first, again = make_styles(False), make_styles(False)
    assert first.body is not again.body
    assert para(text, first.body).source == para(text, again.body).source
    larger = first.body.clone("larger", fontSize=first.body.fontSize + 4)
    assert para(text, larger).source != para(text, first.body).source
    narrow = 150.0
    assert para(text, larger).wrap(narrow, 1000) != para(text, first.body).wrap(narrow, 1000)


def test_a_long_text_is_not_remembered() -> None:
    styles = make_styles(False)
    long_note = "Walk slowly. " * (LONGEST // 10)
    assert para(long_note, styles.body).source is None
    assert para("Walk slowly.", styles.body).source is not None


def test_what_is_remembered_is_bounded() -> None:
    for cache in CACHES:
        size = cache.cache_info().maxsize
        assert size is not None and size <= 8192, cache


def test_a_remembered_figure_draws_what_drawing_it_afresh_draws() -> None:
    exercise = next(e for e in example_program().exercises if e.figure is not None)
    picture = fitted_figure(exercise, "left", 150.0, 120.0)
    assert picture is not None
    flowable = FigureFlowable(picture, 150.0, 120.0)
    drawn = []
    for draw in (lambda canvas: draw_picture(canvas, picture, 0, 0, flowable.width), None):
        canvas = Canvas(io.BytesIO())
        # Something else drawn first, in other colours and widths: the figure sets its own.
        canvas.setFillColor("red")
        canvas.setLineWidth(7)
        start = len(canvas._code)
        if draw is None:
            flowable.canv = canvas
            flowable.draw()
        else:
            draw(canvas)
        drawn.append("\n".join(canvas._code[start:]))
    assert drawn[0] == drawn[1] == operators(picture, flowable.width)
