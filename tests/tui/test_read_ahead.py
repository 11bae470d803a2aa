"""Reading ahead (tui/read_ahead.py): with no cache, `hepster` has a child write the first
screen's library cache while the app's modules load; the app then reads that cache."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from library.layers import Folder, library_folders
from library.library_cache import cache_file, fresh
from library.locations import bundled_library
from tui import read_ahead

pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or len(os.sched_getaffinity(0)) < 2,
    reason="reads ahead only on Linux with two or more cores",
)


def test_a_child_writes_the_first_screens_cache_when_there_is_none() -> None:
    folders = [Folder("bundled", bundled_library())]
    assert not fresh(folders, cache_file())
    read_ahead.read_ahead(folders)
    assert read_ahead.child is not None
    read_ahead.finish()
    assert read_ahead.child is None
    assert fresh(folders, cache_file())


def test_no_child_when_the_cache_is_fresh() -> None:
    folders = [Folder("bundled", bundled_library())]
    read_ahead.read_ahead(folders)
    read_ahead.finish()
    read_ahead.read_ahead(folders)
    assert read_ahead.child is None


def test_with_a_clinic_library_the_child_reads_the_rest_only(tmp_path: Path) -> None:
    """The clinic library streams in after the first screen: the child does not read it."""
    clinic = tmp_path / "clinic"
    clinic.mkdir()
    folders = [Folder("bundled", bundled_library()), Folder("clinic", clinic)]
    read_ahead.read_ahead(folders)
    read_ahead.finish()
    assert fresh(folders[:1], cache_file("library-without-clinic"))
    assert not cache_file().exists()


def test_the_app_opened_as_hepster_opens_it_shows_the_library(tmp_path: Path) -> None:
    import subprocess

    code = (
        "import sys\n"
        "from tui.cli import run_app\n"
        "sys.exit(run_app(None, exit_when_ready=True, headless=True))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert fresh(library_folders(), cache_file())
