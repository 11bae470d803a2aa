"""Where hepster keeps things on this machine: the bundled data and the user's own folders."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "hepster"
LIBRARY_ENV = "HEPSTER_LIBRARY"


def bundled_library() -> Path:
    """The exercise library shipped inside the package (read-only). Beside this module: the
    package is installed as files, never zipped (the library is read as folders anyway), and
    `importlib.resources` would cost some 14 ms of every start to say the same."""
    return Path(__file__).resolve().parent / "data"


def personal_library() -> Path:
    """Custom exercises made in the app; honours XDG_DATA_HOME."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "library"


def state_dir() -> Path:
    """Autosaves and recent files: things worth keeping but not worth backing up."""
    from platformdirs import user_state_path

    return user_state_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """What can be rebuilt at any time, such as the parsed library."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)
