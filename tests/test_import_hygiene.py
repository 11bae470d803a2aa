"""The headless core never pulls in the app or the PDF engine: start-up speed depends on it.

Each check runs in a fresh interpreter, since this test process has imported everything.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def modules_of(package: str) -> list[str]:
    found = [package]
    for info in pkgutil.walk_packages([str(ROOT / package)], prefix=f"{package}."):
        if not info.name.endswith("__main__"):
            found.append(info.name)
    return found


def loaded_after_importing(modules: list[str]) -> set[str]:
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules)
    code += "print('\\n'.join(sys.modules))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in run.stdout.split()}


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("library", {"textual", "reportlab", "exports", "tui", "babel"}),
        ("exports", {"textual", "tui", "babel"}),
    ],
)
def test_package_does_not_import(package: str, forbidden: set[str]) -> None:
    assert loaded_after_importing(modules_of(package)) & forbidden == set()


def test_the_command_line_does_not_import_textual_or_reportlab() -> None:
    assert loaded_after_importing(["tui", "tui.cli"]) & {"textual", "reportlab"} == set()


def test_validate_imports_no_textual() -> None:
    """What the issue asks, as a person would check it: `python -X importtime`."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tui", "validate", str(ROOT / "examples")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    imported = [line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines()]
    assert imported, "no import timings printed"
    assert not [name for name in imported if name.split(".")[0] in {"textual", "reportlab"}]


def test_the_app_imports_reportlab_only_when_exporting() -> None:
    loaded = loaded_after_importing(["tui.app", *modules_of("tui")])
    assert "textual" in loaded
    assert "reportlab" not in loaded
    assert "babel" not in loaded  # the catalogs and CLDR dates: only a non-English export


def test_an_english_export_reads_no_catalog(tmp_path: Path) -> None:
    """Babel is for another language's handout; an English one is made as before."""
    code = (
        "import sys\n"
        "from tui.cli import main\n"
        f"main(['export', {str(ROOT / 'examples' / 'low-back-hips.toml')!r}, "
        f"'-o', {str(tmp_path / 'h.pdf')!r}])\n"
        "print('babel' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.stdout.strip().endswith("False"), run.stderr


def test_the_first_screen_waits_for_nothing_it_does_not_show() -> None:
    """Opened as `hepster` opens it, the app is ready without the command line's parser or the
    program edits (both built at their first use), and with the cycle collector on again after
    being off while it started (tui/cli.py, run_app)."""
    code = (
        "import gc, sys\n"
        "from tui.cli import run_app\n"
        "status = run_app(None, exit_when_ready=True, headless=True)\n"
        "print(sorted({'argparse', 'library.editing'} & set(sys.modules)), gc.isenabled())\n"
        "sys.exit(status)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["[]", "True"]
