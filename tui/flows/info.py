"""F2 and F8: the program's own details, and the therapist's settings for new programs."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.app import HepsterApp


async def program_info(app: HepsterApp) -> None:
    from library.editing import SetInfo
    from tui.screens.forms import InfoForm

    info = await app.push_screen_wait(InfoForm(app.session.program, app.session.settings))
    if info is not None:
        app.edit(SetInfo(info))


async def edit_settings(app: HepsterApp) -> None:
    from library.settings import Settings, save_settings
    from tui.screens.forms import SettingsForm

    settings = await app.push_screen_wait(SettingsForm(app.session.settings or Settings()))
    if settings is None:
        return
    try:
        path = save_settings(settings)
    except OSError as error:
        app.notify(f"Could not save the settings: {error.strerror or error}", severity="error")
        return
    app.session.settings = settings
    app.notify(f"Settings saved to {path}", timeout=4)
