"""Problems found in files, as the lines of one notification or dialog."""

from __future__ import annotations

from library.problems import Problem

# How many problems one notification lists; the rest are counted.
SHOWN_PROBLEMS = 6


def problems_text(problems: list[Problem], *, name_file: bool = True) -> str:
    lines = [
        str(problem) if name_file else problem.within_file()
        for problem in problems[:SHOWN_PROBLEMS]
    ]
    if len(problems) > SHOWN_PROBLEMS:
        lines.append(f"… and {len(problems) - SHOWN_PROBLEMS} more")
    return "\n".join(lines)
