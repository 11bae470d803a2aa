"""A clean install: the wheel carries everything hepster needs, not only what an editable
install finds in the source tree (the bundled library, the templates, the fonts, every
subpackage). Built from a copy of the sources, installed on its own, and used."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_the_wheel_installs_and_exports(tmp_path: Path) -> None:
    source = tmp_path / "source"
    for name in ("library", "exports", "tui"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)],
        check=True,
        capture_output=True,
    )
    [wheel] = wheels.glob("hepster-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "exports/fonts/DejaVuSans.ttf" in names
    assert "library/data/templates/knee-osteoarthritis.toml" in names
    assert "tui/screens/main.py" in names and "tui/flows/files.py" in names

    installed = tmp_path / "installed"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(installed),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    # The wheel's own files first, the dependencies from this environment.
    env = {**os.environ, "PYTHONPATH": str(installed)}
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy2(ROOT / "examples" / "low-back-hips.toml", work / "jane.toml")

    def hepster(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tui", *args],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    where = subprocess.run(
        [sys.executable, "-c", "import tui, library; print(tui.__file__, library.__file__)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.count(str(installed)) == 2, where
    listed = hepster("library")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) >= 179
    exported = hepster("export", "jane.toml", "-o", "jane.pdf")
    assert exported.returncode == 0, exported.stderr
    assert (work / "jane.pdf").read_bytes().startswith(b"%PDF")
    assert hepster("new", "new.toml", "--template", "knee-osteoarthritis").returncode == 0
