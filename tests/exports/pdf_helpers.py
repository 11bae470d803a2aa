"""Reading exported handouts back the way a person would check them: with poppler and qpdf.

The handout tests look at what is in the file (its text, fonts, images, drawing operators),
never at the flowables that made it.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from exports.handout import HandoutOptions, export_program
from library.layers import load_library
from library.model import Program
from library.program_files import load_program

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "low-back-hips.toml"
INSTALL_HINT = "Debian: apt-get install poppler-utils qpdf"
ALL_OPTIONS = [
    HandoutOptions(paper, large_print)
    for paper in ("letter", "a4")
    for large_print in (False, True)
]


def option_id(options: HandoutOptions) -> str:
    return options.paper + ("-large" if options.large_print else "")


def need(*tools: str) -> None:
    """Skip the calling test, saying why, when a PDF tool it runs is not installed."""
    for tool in tools:
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed ({INSTALL_HINT})")


def run(*command: str | Path) -> str:
    result = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise AssertionError(f"{command[0]} failed ({result.returncode}): {result.stderr}")
    return result.stdout


def example_program() -> Program:
    return load_program(EXAMPLE, load_library().get)


DEFAULT = HandoutOptions()


def export(
    program: Program, folder: Path, options: HandoutOptions = DEFAULT, name: str = "h.pdf"
) -> Path:
    return export_program(program, folder / name, options)


def pdf_text(path: Path) -> str:
    need("pdftotext")
    return run("pdftotext", "-enc", "UTF-8", path, "-")


def page_texts(path: Path) -> list[str]:
    """The text of each page; pdftotext ends every page with a form feed."""
    pages = pdf_text(path).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def words(text: str) -> str:
    """Text with every run of white space as one space: line breaks fall where they fall."""
    return " ".join(text.split())


def in_order(text: str, expected: list[str]) -> list[str]:
    """The items of `expected` that are not found in `text` after the one before them."""
    missing = []
    position = 0
    for item in expected:
        found = text.find(item, position)
        if found < 0:
            missing.append(item)
        else:
            position = found + len(item)
    return missing


def pdf_info(path: Path) -> dict[str, str]:
    need("pdfinfo")
    info = {}
    for line in run("pdfinfo", path).splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def fonts(path: Path) -> list[dict[str, str]]:
    """`pdffonts` as rows: name, type, encoding, emb, sub, uni."""
    need("pdffonts")
    lines = run("pdffonts", path).splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name, type (one or two words), encoding, emb, sub, uni, object, generation
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def uncompressed(path: Path, folder: Path) -> str:
    """The PDF with its streams decompressed (qpdf --qdf), to read the drawing operators."""
    need("qpdf")
    plain = folder / (path.stem + "-qdf.pdf")
    result = subprocess.run(
        ["qpdf", "--qdf", "--object-streams=disable", str(path), str(plain)],
        capture_output=True,
        check=False,
    )
    assert result.returncode in (0, 3), result.stderr  # 3: warnings only
    return plain.read_bytes().decode("latin-1")


def font_sizes(content: str) -> set[float]:
    return {float(size) for size in re.findall(r"/F\d+(?:\+\d+)? ([\d.]+) Tf", content)}


def images(path: Path) -> list[str]:
    need("pdfimages")
    return run("pdfimages", "-list", path).splitlines()[2:]


@dataclass(frozen=True)
class Word:
    """A word on a page as `pdftotext -bbox` reads it: its box in points, from the page's top."""

    page: int  # from 1
    text: str
    left: float
    top: float
    right: float
    bottom: float
    page_width: float
    page_height: float

    @property
    def size(self) -> float:
        """The word's height, which pdftotext gives as its type size."""
        return self.bottom - self.top


PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def word_boxes(path: Path) -> list[Word]:
    """Every word of the PDF with its box, page by page, in reading order."""
    need("pdftotext")
    found = []
    for number, page in enumerate(PAGE.finditer(run("pdftotext", "-bbox", path, "-")), 1):
        width, height = float(page.group(1)), float(page.group(2))
        for left, top, right, bottom, text in WORD.findall(page.group(3)):
            found.append(
                Word(
                    number,
                    html.unescape(text),
                    float(left),
                    float(top),
                    float(right),
                    float(bottom),
                    width,
                    height,
                )
            )
    return found
