"""The therapist's own defaults — who they are, their clinic, how to reach it, how they print —
kept in `settings.toml` in the user config dir, so they are typed once and not for every patient.

A broken settings file must never stop the app: its problems are reported and the defaults used.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from library.atomic import atomic_write
from library.locations import config_dir
from library.problems import Collector, InvalidFile, Problem
from library.schema import CONTACT_LEN, PERSON_LEN, Table, check_language
from library.toml_files import read_document

PAPERS = ("letter", "a4")


@dataclass(frozen=True)
class Settings:
    """Defaults for new programs and for export; every field may be left out of the file."""

    clinician: str | None = None  # "Sam Rivera, PT, DPT": put on every new program
    clinic: str | None = None  # "Riverside Physical Therapy"
    contact: str | None = None  # "555-0100": who the patient calls
    paper: str = "letter"  # the handout's paper size, "letter" or "a4"
    large_print: bool = False  # 16 pt handouts by default, for a clinic of older patients
    # New programs' language, a tag such as "es" (library/languages.py); None: English.
    language: str | None = None


SETTINGS_KEYS = tuple(f.name for f in fields(Settings))
# The longest text each may be: what the same field of a program allows, since new programs
# get them; the settings form checks by these too.
SETTINGS_TEXT_LIMITS = {"clinician": PERSON_LEN, "clinic": PERSON_LEN, "contact": CONTACT_LEN}


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def check_settings(collector: Collector, raw: dict[str, Any]) -> Settings:
    """The settings in a parsed file; a bad value is reported and its default kept."""
    table = Table(collector, raw, "", SETTINGS_KEYS)
    defaults = Settings()
    large_print = table.boolean("large_print")
    return Settings(
        clinician=table.text("clinician", SETTINGS_TEXT_LIMITS["clinician"]),
        clinic=table.text("clinic", SETTINGS_TEXT_LIMITS["clinic"]),
        contact=table.text("contact", SETTINGS_TEXT_LIMITS["contact"], multiline=True),
        paper=table.word("paper", PAPERS) or defaults.paper,
        large_print=defaults.large_print if large_print is None else large_print,
        language=check_language(table),
    )


def load_settings(path: Path | None = None) -> tuple[Settings, list[Problem]]:
    """The saved settings (defaults when there is no file yet) and any problems in the file."""
    path = settings_path() if path is None else path
    if not path.exists():
        return Settings(), []
    try:
        raw = read_document(path)
    except InvalidFile as error:
        return Settings(), error.problems
    collector = Collector(str(path))
    return check_settings(collector, raw), collector.problems


def settings_text(settings: Settings) -> str:
    # Imported here: the app reads settings at start-up and writes them seldom.
    from library.program_files import present
    from library.toml_text import table_text

    header = "# hepster settings: your defaults for new programs and handouts.\n"
    return header + table_text(present(settings, SETTINGS_KEYS))


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings atomically; raises OSError when the folder cannot be written."""
    path = settings_path() if path is None else path
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, settings_text(settings).encode("utf-8"))
    return path


def cleaned(settings: Settings) -> Settings:
    """Blank texts from a form stored as absent."""
    return replace(
        settings,
        clinician=(settings.clinician or "").strip() or None,
        clinic=(settings.clinic or "").strip() or None,
        contact=(settings.contact or "").strip() or None,
    )
