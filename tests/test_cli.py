"""The command line as a therapist uses it."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from library.layers import load_library
from library.locations import personal_library
from library.program_files import load_program
from tui.cli import main

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "low-back-hips.toml"
SEED_IDS = {
    "hamstring-stretch-strap",
    "hamstring-stretch-doorway",
    "hip-flexor-stretch-bed-edge",
    "hip-flexor-stretch-half-kneeling",
    "childs-pose",
    "foam-roll-back-muscles",
    "gluteal-stretch",
    "foam-roll-gluteals",
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(EXAMPLE))
    assert (code, err) == (0, "")
    assert out == f'{EXAMPLE}: ok, program "Low back pain: hips first", 6 exercises\n'


def test_validate_the_bundled_library_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(ROOT / "library" / "data"))
    assert (code, err) == (0, "")
    assert "ok, library folder" in out


def test_library_lists_the_seed_exercises(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "library")
    assert code == 0
    listed = {line.split()[0] for line in out.splitlines()}
    assert listed >= SEED_IDS


def test_library_search_with_a_typo(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "library", "hamstrng")
    assert code == 0
    assert out.splitlines()[0].startswith("hamstring-stretch-")


def test_library_filters(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "library", "--region", "hip", "--kind", "stretch", "--json")
    found = json.loads(out)
    assert code == 0 and found
    assert all("hip" in e["regions"] and e["kind"] == "stretch" for e in found)
    assert "gluteal-stretch" in {e["id"] for e in found}


def test_library_json_is_what_format_md_says(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "library", "--json")
    exercises = {e["id"]: e for e in json.loads(out)}
    strap = exercises["hamstring-stretch-strap"]
    assert strap["name"] == "Hamstring stretch with a strap"
    assert strap["regions"] == ["hip", "knee", "low-back"]
    assert strap["sided"] is True
    assert strap["dose"] == {
        "sets": 3,
        "hold_s": 30,
        "per_day": 2,
        "side": "each",
        "effort": "A gentle stretch, never pain",
        "when": "morning and evening",
    }
    assert strap["layer"] == "bundled"
    assert Path(strap["path"]).name == "low-back-hips.toml"
    assert exercises["foam-roll-back-muscles"]["dose"]["duration_s"] == [60, 120]


def test_library_with_no_match(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "library", "zzzzqqq")
    assert (code, out) == (0, "")
    assert "no exercise matches" in err


def test_show_one_exercise_in_full(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "hamstring-stretch-strap")
    assert code == 0
    assert out.startswith("Hamstring stretch with a strap  (hamstring-stretch-strap)\n")
    assert "From the bundled library:" in out
    assert "  1. Lie on your back with both legs straight." in out
    assert (
        "Default dose: 3 sets × 30 s hold, each side · 2 times a day (morning and evening)" in out
    )
    # The same words as the app's exercise pane and the handout.
    assert "\nTips\n  - Keep your knee as straight as you can." in out
    assert "Picture: drawn figure (hepster figure hamstring-stretch-strap -o " in out


def test_show_says_when_a_personal_exercise_overrides(capsys: pytest.CaptureFixture[str]) -> None:
    folder = personal_library()
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(
        '[[exercise]]\nid = "childs-pose"\nname = "My pose"\nregions = ["low-back"]\n'
        'kind = "stretch"\nsteps = ["Kneel."]\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "show", "childs-pose")
    assert code == 0
    assert "From the personal library:" in out
    assert "Overrides the bundled definition in" in out


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("hamstring-strech-strap", "hamstring-stretch-strap"),
        ("bridge-single", "bridge-single-leg"),
        ("childs", "childs-pose"),
        ("nope", None),  # no wild guesses
    ],
)
def test_show_an_unknown_id(
    typed: str, meant: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "show", typed)
    assert (code, out) == (1, "")
    hint = f"; did you mean '{meant}'?" if meant else ""
    assert err == f"hepster: no exercise '{typed}' in the library{hint}\n"


def test_a_mistyped_id_in_a_program_gets_the_nearest_real_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    program = tmp_path / "typo.toml"
    program.write_text(
        'format = "hepster-program"\nversion = 1\ntitle = "Typo"\n\n'
        '[[item]]\nexercise = "hamstring-strech-strap"\n\n[[item]]\nexercise = "zzz-qqq"\n',
        encoding="utf-8",
    )
    code, _, err = run(capsys, "validate", str(program))
    assert code == 1
    assert err.splitlines() == [
        f"{program}: item[1].exercise: no exercise 'hamstring-strech-strap' in this file's "
        "[[exercise]] tables or in the library; did you mean 'hamstring-stretch-strap'?",
        f"{program}: item[2].exercise: no exercise 'zzz-qqq' in this file's "
        "[[exercise]] tables or in the library",
    ]


def test_new_from_the_template_writes_a_valid_program(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "x.toml"
    code, out, _ = run(capsys, "new", str(path), "--template", "low-back-hips")
    assert code == 0 and "6 exercises" in out
    assert run(capsys, "validate", str(path))[0] == 0
    program = load_program(path)
    assert [i.exercise for i in program.items][:3] == [
        "hamstring-stretch-strap",
        "hip-flexor-stretch-half-kneeling",
        "gluteal-stretch",
    ]
    assert program.created is not None
    assert len(tomllib.loads(path.read_text(encoding="utf-8"))["exercise"]) == 6


def test_new_blank_and_never_overwrites(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "blank.toml"
    assert run(capsys, "new", str(path))[0] == 0
    assert load_program(path).items == ()
    before = path.read_bytes()
    code, _, err = run(capsys, "new", str(path), "--template", "low-back-hips")
    assert code == 1 and "already exists" in err
    assert path.read_bytes() == before


def test_new_with_an_unknown_template(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "new", str(tmp_path / "x.toml"), "--template", "nope")
    assert code == 1
    assert "no template 'nope'; the templates are: " in err and "low-back-hips" in err
    assert not (tmp_path / "x.toml").exists()


def test_a_program_with_only_its_own_exercises_validates_on_an_empty_machine(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "colleague.toml"
    path.write_text(
        'format = "hepster-program"\nversion = 1\ntitle = "From a colleague"\n\n'
        '[[item]]\nexercise = "towel-wring"\n[item.dose]\nsets = 2\nreps = 10\n\n'
        '[[exercise]]\nid = "towel-wring"\nname = "Wring a towel"\nregions = ["wrist-hand"]\n'
        'kind = "strength"\nsteps = ["Hold a rolled towel.", "Twist it like wringing it out."]\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "validate", str(path))
    assert (code, err) == (0, "")
    assert "1 exercise" in out


@pytest.mark.parametrize(
    "args", [["--version"], ["--help"], ["library", "--help"], ["validate", "--help"]]
)
def test_version_and_help(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 0
    assert capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [["library", "--region", "elbows"], ["validate"], ["show"], ["frobnicate", "x"], ["--nope"]],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, text=True, check=False
    )
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert "usage: hepster" in run.stderr


def test_a_unit_after_a_number_gets_a_hint(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "jane.toml"
    path.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("hold_s = 30\n", "hold_s = 30s\n", 1)
    )
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    line = EXAMPLE.read_text(encoding="utf-8").splitlines().index("hold_s = 30") + 1
    assert err.startswith(f"{path}: line {line}, column 12: not valid TOML: ")
    assert "numbers take no unit (hold_s = 30, not 30s)" in err


def test_a_closed_pipe_is_no_error() -> None:
    """`hepster library --json | head -1` ends quietly (the JSON is larger than a pipe holds)."""
    with subprocess.Popen(
        [sys.executable, "-m", "tui", "library", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        error = process.stderr.read().decode()
        assert process.wait() == 0
    assert "Traceback" not in error


def test_a_device_or_pipe_named_toml_is_refused_not_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Reading /dev/zero would never end and opening a pipe would wait forever."""
    zero = tmp_path / "zero.toml"
    zero.symlink_to("/dev/zero")
    pipe = tmp_path / "pipe.toml"
    os.mkfifo(pipe)
    code, _, err = run(capsys, "validate", str(zero), str(pipe))
    assert code == 1
    assert err.splitlines() == [
        f"{zero}: cannot be read: not an ordinary file",
        f"{pipe}: cannot be read: not an ordinary file",
    ]


def test_an_image_link_that_loops_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "loop.png").symlink_to(tmp_path / "loop.png")
    library = tmp_path / "hips.toml"
    library.write_text(
        '[[exercise]]\nid = "hip-lift"\nname = "Hip lift"\nregions = ["hip"]\nkind = "strength"\n'
        'image = "loop.png"\nsteps = ["Lie down.", "Lift."]\n',
        encoding="utf-8",
    )
    code, _, err = run(capsys, "validate", str(library))
    assert code == 1
    assert err.startswith(f"{library}: exercise[1].image: cannot be used: ")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("template", [None, "low-back-hips"])
def test_new_takes_the_therapist_from_the_settings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, template: str | None
) -> None:
    """As Ctrl+N in the app: the handout of a program made here says whom to call too."""
    from library.settings import Settings, save_settings

    save_settings(Settings(clinician="Sam Rivera, PT", clinic="Riverside PT", contact="555-0100"))
    path = tmp_path / "x.toml"
    args = ["new", str(path)] + (["--template", template] if template else [])
    code, _, err = run(capsys, *args)
    assert (code, err) == (0, "")
    program = load_program(path, load_library().get)
    assert (program.clinician, program.clinic, program.contact) == (
        "Sam Rivera, PT",
        "Riverside PT",
        "555-0100",
    )
    assert program.created == dt.date.today()


def test_show_reads_sided_text_for_no_side_in_particular(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show", "piriformis-stretch-figure-4"]) == 0
    out = capsys.readouterr().out
    assert "Cross one ankle over your other knee" in out
    assert "{" not in out and "}" not in out


def test_a_bug_is_one_line_that_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.cli_exercises

    def broken(*args: object) -> int:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(tui.cli_exercises, "run_library", broken)
    monkeypatch.delenv("HEPSTER_DEBUG", raising=False)
    assert main(["library"]) == 70
    err = capsys.readouterr().err
    assert err == (
        "hepster: this is a bug in hepster, please report it: ZeroDivisionError: division by zero\n"
    )


def test_export_never_writes_through_a_link_or_into_a_pipe(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A shared folder may hold jane.pdf as a link to a file elsewhere, or a pipe: export says
    so in one line and leaves both alone, without hanging."""
    program = tmp_path / "jane.toml"
    program.write_bytes(EXAMPLE.read_bytes())
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("someone's notes", encoding="utf-8")
    (tmp_path / "jane.pdf").symlink_to(elsewhere)
    code, out, err = run(capsys, "export", str(program))
    assert code == 1 and out == ""
    assert err == (
        f"hepster: {tmp_path / 'jane.pdf'}: {tmp_path / 'jane.pdf'} is a link; "
        "hepster does not write through links\n"
    )
    assert elsewhere.read_text(encoding="utf-8") == "someone's notes"
    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)
    code, _, err = run(capsys, "export", str(program), "-o", str(pipe))
    assert code == 1 and err.endswith("is not an ordinary file\n")


def test_a_new_handout_is_readable_by_the_user_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "jane.pdf"
    assert run(capsys, "export", str(EXAMPLE), "-o", str(target))[0] == 0
    assert target.stat().st_mode & 0o777 == 0o600, "a patient's handout: the user's eyes only"


def test_the_commands_read_the_library_from_the_cache_and_still_say_its_problems(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's cache serves every command too; what is wrong in a library file is said each
    time, also when the library comes from the cache."""
    import library.library_cache

    clinic = tmp_path / "clinic"
    clinic.mkdir()
    (clinic / "broken.toml").write_text('[[exercise]]\nid = "Bad Id"\n', encoding="utf-8")
    monkeypatch.setenv("HEPSTER_LIBRARY", str(clinic))
    first = run(capsys, "library", "hamstring")
    assert library.library_cache.cache_file().is_file()

    def no_reading(*args: object) -> None:
        raise AssertionError("the library was read again, not taken from the cache")

    monkeypatch.setattr(library.library_cache, "load_library", no_reading)
    assert run(capsys, "library", "hamstring") == first
    assert f"{clinic / 'broken.toml'}: " in first[2]
    code, out, err = run(capsys, "show", "hamstring-strech-strap")
    assert (code, out) == (1, "")
    assert err.endswith("did you mean 'hamstring-stretch-strap'?\n")
    assert f"{clinic / 'broken.toml'}: " in err
