"""Where the group's data lives, and how its folder is made private.

The data folder is chosen once, in this order: the `--data-dir` option, then the
`FACILITATOR_HOME` environment variable, then the platform's user data folder from
platformdirs. On POSIX a folder Facilitator creates is 0700, so that nobody else
on the computer can list the group's files (design.md section 3, rule 4).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "facilitator"
HOME_VARIABLE = "FACILITATOR_HOME"
PRIVATE_FOLDER_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def resolve_data_dir(explicit: Path | str | None = None) -> Path:
    """The data folder: `explicit` if given, else $FACILITATOR_HOME, else the platform's."""
    if explicit:
        return Path(explicit).expanduser()
    from_environment = os.environ.get(HOME_VARIABLE, "").strip()
    if from_environment:
        return Path(from_environment).expanduser()
    import platformdirs  # only when neither option nor variable names the folder

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_folder(data_dir: Path) -> Path:
    """Where files that can always be made again are kept: the chimes, the parsed content."""
    return data_dir / "cache"


DATA_FILE = "facilitator.json"
HISTORY_FILE = "history.json"
RUN_STATE_FILE = "run-state.json"
LOCK_FILE = "facilitator.lock"


def store_exists(data_dir: Path) -> bool:
    """Whether anything has been saved in this data folder yet.

    It lives here, not in `store`, so that a command can ask without paying for
    TinyDB and the storage code when there is nothing to read.
    """
    return any((data_dir / name).exists() for name in (DATA_FILE, HISTORY_FILE, RUN_STATE_FILE))


def make_private_folder(folder: Path) -> None:
    """Create `folder` (and its parents) if missing; a folder created here is 0700.

    A folder that already exists keeps its mode: the user may have pointed
    `--data-dir` at a folder of their own, and narrowing it behind their back
    would surprise them. The files inside are 0600 whatever the folder's mode.
    """
    if folder.is_dir():
        return
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        folder.mkdir(mode=PRIVATE_FOLDER_MODE)
    except FileExistsError:
        if not folder.is_dir():
            raise
        return
    if os.name == "posix":
        # mkdir's mode is filtered by the umask; say exactly what we mean.
        os.chmod(folder, PRIVATE_FOLDER_MODE)
