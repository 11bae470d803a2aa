"""`hepster export A.toml B.toml …`: many handouts in one call, spread over every core.

Before anything is written the parent settles where every PDF goes (a call that cannot work
is refused whole). It then forks one worker per core, after importing the handout code and
reading the font so that every worker starts with them, and prints what each export says in
the order the programs were named, with a progress line on a terminal. A program that fails is
its own lines on stderr, as `hepster export PROGRAM.toml` would print them; the others are
still written.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, TextIO

from library.problems import Problem
from tui.cli_output import INVALID, OK, USAGE, LibraryOnDemand, complain
from tui.cli_programs import Outcome, export_one, pdf_target, target_refusal

if TYPE_CHECKING:
    from exports.handout import HandoutOptions


@dataclass(frozen=True)
class Job:
    """One program to export, as a worker receives it."""

    source: Path
    target: Path
    options: HandoutOptions


def planned_jobs(
    sources: Sequence[Path], output: Path | None, options: HandoutOptions
) -> list[Job] | None:
    """A job per program, or None after one line saying why the call as a whole cannot work:
    two handouts in one file, or one over a program, would lose work with nothing said."""
    if output is not None and not output.is_dir():
        allowed = "with several programs, -o names an existing folder to write their PDFs into"
        if output.suffix.lower() == ".pdf":
            complain(f"-o {output}: {allowed}; a PDF's name is for one program only")
        else:
            complain(f"-o {output}: no such folder; {allowed}")
        return None
    jobs = [Job(source, pdf_target(source, output), options) for source in sources]
    programs: set[Path] = set()
    for job in jobs:
        program = job.source.resolve()
        if program in programs:
            complain(f"{job.source}: named twice; name each program once")
            return None
        programs.add(program)
    writers: dict[Path, Path] = {}
    for job in jobs:
        refusal = target_refusal(job.source, job.target)
        if refusal is not None:
            complain(refusal)
            return None
        target = job.target.resolve()
        if target in programs:
            complain(f"{job.target}: the handout of {job.source} would replace that program")
            return None
        if target in writers:
            complain(
                f"{writers[target]} and {job.source} would both be written to {job.target}; "
                "export one of them on its own, with -o"
            )
            return None
        writers[target] = job.source
    return jobs


class JobsLibrary:
    """A process's library for its jobs, read (from the cache) only if one of its programs needs
    it. What is wrong in it goes back with the job that read it; the parent says it once."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.library = LibraryOnDemand(self.keep)

    def keep(self, problems: Sequence[Problem]) -> None:
        self.problems += [str(problem) for problem in problems]

    def taken_problems(self) -> list[str]:
        taken, self.problems = self.problems, []
        return taken


jobs_library = JobsLibrary()  # a fresh one for every call, in the parent and in each worker


def export_job(job: Job) -> tuple[list[str], Outcome]:
    """Runs in a worker: the library's problems if this job read it, and what the export says."""
    outcome = export_one(job.source, job.target, job.options, jobs_library.library)
    return jobs_library.taken_problems(), outcome


def start_worker() -> None:
    global jobs_library
    jobs_library = JobsLibrary()
    # Ctrl+C reaches every process on the terminal: the parent alone answers it, by ending the
    # pool. The end comes as SIGTERM, made an exit here so that a half-written handout's
    # temporary file is removed (library/atomic.py) rather than left beside the PDFs.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, stop_worker)


class Stopped(SystemExit):
    """A worker ended by the parent: it exits quietly, as any SystemExit with a number does.
    ReportLab makes an exception that passes through its layout anew, with its place added to
    the message (`reportlab.lib.utils.annotateException`); a SystemExit given that text as its
    code would print it, so this one keeps its number whatever it is made with."""

    def __init__(self, *args: object) -> None:
        super().__init__(128 + signal.SIGTERM)


def stop_worker(signal_number: int, frame: FrameType | None) -> None:
    raise Stopped


def warm() -> None:
    """What every export needs and is slow to load, loaded once before the workers are forked
    (import of ReportLab and the handout code, reading the font): they start with it."""
    import exports.handout  # noqa: F401
    import library.library_cache  # noqa: F401
    from exports.typeface import register_fonts

    register_fonts()


@contextlib.contextmanager
def outcomes(jobs: list[Job]) -> Iterator[Iterator[tuple[list[str], Outcome]]]:
    """Each job's outcome, in the jobs' order: from a pool of one worker per core, or here
    when there is one job or one core. A pool that is left early (Ctrl+C) is ended."""
    global jobs_library
    jobs_library = JobsLibrary()
    workers = min(os.cpu_count() or 1, len(jobs))
    if workers < 2:
        yield map(export_job, jobs)
        return
    warm()
    # fork: the workers inherit what `warm` loaded. Elsewhere fork is unsafe (macOS) or missing.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    gc.freeze()  # what exists now is never collected, so the workers' copies stay shared
    try:
        pool = context.Pool(workers, initializer=start_worker)
    finally:
        gc.unfreeze()
    with pool:
        yield pool.imap(export_job, jobs)
        pool.close()
        pool.join()


class Progress:
    """`Exporting 37 of 100…` on a terminal, rewritten in place; cleared before any other line
    is printed, and at the end."""

    def __init__(self, total: int, stream: TextIO | None) -> None:
        self.total = total
        self.stream = stream
        self.shown = False

    def show(self, done: int) -> None:
        if self.stream is None or done >= self.total:
            return
        text = f"Exporting {done + 1} of {self.total}…"
        self.stream.write("\r" + text)
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.stream is not None and self.shown:
            # Erase to the line's end: a ^C the terminal echoed after the text goes too.
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def export_many(sources: Sequence[Path], output: Path | None, options: HandoutOptions) -> int:
    """`hepster export A.toml B.toml …`: 1 if any program failed, after writing all the others."""
    jobs = planned_jobs(sources, output, options)
    if jobs is None:
        return USAGE
    progress = Progress(len(jobs), sys.stderr if sys.stderr.isatty() else None)
    failed = library_said = False
    try:
        progress.show(0)
        with outcomes(jobs) as results:
            for done, (library_problems, outcome) in enumerate(results, 1):
                progress.clear()
                # Every worker that reads the library finds the same problems: say them once.
                if library_problems and not library_said:
                    library_said = True
                    for line in library_problems:
                        print(line, file=sys.stderr)
                outcome.show()
                # Each handout's line as it is written, also into a pipe or a log, which would
                # otherwise hold them all until the end.
                sys.stdout.flush()
                failed = failed or outcome.code != OK
                progress.show(done)
    finally:
        progress.clear()
    return INVALID if failed else OK
