"""The handout's typeface: DejaVu Sans, embedded; the 14 built-in PDF fonts are Latin-1 only.

DejaVu Sans covers Latin with diacritics (Zoë, Łukasiewicz, Ñúñez), Greek, Cyrillic and Vietnamese.
Its licence (Bitstream Vera, DejaVu changes public domain) is `fonts/LICENSE`, shipped beside it.
There is no italic on purpose: bold carries emphasis, and slanted text is harder to read.
"""

from __future__ import annotations

import functools
import io
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "HepsterSans"
BOLD = "HepsterSans-Bold"

FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


@functools.cache
def register_fonts() -> tuple[str, str]:
    """Register the family once per process (later calls are free); returns (regular, bold).

    Registered as a family so that `<b>` in paragraph markup switches to the bold face: without
    that ReportLab silently keeps the regular one.
    """
    folder = resources.files("exports").joinpath("fonts")
    for name, file_name in FILES.items():
        data = folder.joinpath(file_name).read_bytes()
        font = io.BytesIO(data)
        font.name = file_name  # ReportLab names the font after it
        pdfmetrics.registerFont(TTFont(name, font))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )
    return REGULAR, BOLD
