"""The built-in content files, parsed once and kept in the group's cache folder.

Every command and the app read the same built-in TOML files, and those change
only when Facilitator is upgraded. Importing tomllib and parsing them in pure
Python costs about 5 ms a run, and `facilitator print` is timed against a bare
reportlab process (design.md section 11). So the parsed files are written, with
their text, by `marshal` into the data folder's `cache` folder (beside the
chimes), and read back for as long as every file's text is exactly the text
stored: the check is the content itself, not a file time that an installer may
keep or change. The cache is only ever a shortcut, never a second source: no
data folder yet, a read-only one, a missing, stale or damaged cache file, or
data that `marshal` cannot hold all mean that the files are simply parsed
again. It holds built-in texts only, nothing of the group's, and it lives with
the group's data rather than inside the installed package, so that uninstalling
Facilitator leaves nothing behind there.
"""

from __future__ import annotations

import contextlib
import marshal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # importlib.abc itself costs 8 ms to import
    from importlib.abc import Traversable

# Changed whenever what the cache holds changes shape, so an old cache is never misread.
_LAYOUT = 1

ParsedFile = tuple[str, str, dict[str, Any]]  # (file name, its text, its data)


def parsed_files(folder: Traversable, parse: Callable[[str, str], dict[str, Any]],
                 cache: Path | None) -> list[ParsedFile]:
    """(name, text, data) for each `.toml` file in `folder` (a folder, or one inside a
    zip), in name order.

    `parse(text, name)` is called for every file when the `cache` file cannot
    answer for them all (or is None), and not at all when it can. A file that
    fails to parse raises as `parse` does, and nothing is cached.
    """
    paths = sorted((path for path in folder.iterdir() if path.name.endswith(".toml")),
                   key=lambda path: path.name)
    texts = [(path.name, path.read_text("utf-8")) for path in paths]
    stamp = (_LAYOUT, marshal.version, tuple(sys.version_info[:2]))
    if cache is not None:
        with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
            stored_stamp, files = marshal.loads(cache.read_bytes())
            if stored_stamp == stamp and [(name, text) for name, text, _data in files] == texts:
                return files
    files = [(name, text, parse(text, name)) for name, text in texts]
    if cache is not None:
        _write(cache, (stamp, files))
    return files


def _write(cache: Path, value: object) -> None:
    try:
        data = marshal.dumps(value)
    except ValueError:
        return  # a value marshal cannot hold, such as a TOML date: parse each time
    if not cache.parent.parent.is_dir():
        return  # the cache folder may be made, but a cache is no reason to make a data folder
    # Imported only to write: a run that finds its cache current never needs them.
    from facilitator.atomic_storage import write_atomically
    from facilitator.paths import make_private_folder

    # Like everything in the data folder, private to the user, and whole or not at all.
    with contextlib.suppress(OSError):  # a read-only folder: the files are parsed each time
        make_private_folder(cache.parent)
        write_atomically(cache, data)
