"""F3 and F4: an exercise of the therapist's own, new or cloned from the highlighted one, saved
into the personal library and usable at once."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from library.model import Exercise
    from tui.app import HepsterApp


async def clone_exercise(app: HepsterApp) -> None:
    exercise = app.main.highlighted_exercise()
    if exercise is None:
        app.notify("Highlight an exercise in the library to clone it", severity="warning")
        return
    await edit_exercise(app, exercise)


async def edit_exercise(app: HepsterApp, start: Exercise | None) -> None:
    from library.editing import UpdateDefinition
    from library.exercise_files import ExerciseFileError, free_id, save_custom_exercise
    from tui.screens.dialogs import Choice, ChoiceScreen
    from tui.screens.exercise import ExerciseForm

    library = app.library
    if library is None:
        return
    exercise = await app.push_screen_wait(ExerciseForm(start, library))
    if exercise is None:
        return
    existing = library.get(exercise.id)
    if existing is not None and existing.layer != "personal":
        # Replacing a bundled or clinic exercise changes what every new program gets: never
        # without a clear yes.
        answer = await app.push_screen_wait(
            ChoiceScreen(
                "Use yours instead?",
                f"Your exercise has the id of the {existing.layer} exercise "
                f"\u201c{existing.name}\u201d. Use yours instead of it from now on, or keep "
                "both (yours gets a new id)?",
                [
                    Choice("keep", "Keep both", "primary"),
                    Choice("replace", "Use mine instead"),
                    Choice("cancel", "Cancel"),
                ],
            )
        )
        if answer not in ("keep", "replace"):
            return
        if answer == "keep":
            exercise = replace(exercise, id=free_id(exercise.id, library.exercises))
            existing = None
    try:
        saved = save_custom_exercise(exercise, existing)
    except ExerciseFileError as error:
        app.notify(str(error), severity="error", timeout=12)
        return
    app.use_library(library.with_exercise(saved), show=saved.id)
    if app.session.program.exercise(saved.id) is not None:
        app.edit(UpdateDefinition(saved))
    app.notify(f"Saved to {saved.source}", title=f"{saved.name} is in your library", timeout=6)
