"""The built-in content files, parsed once and kept beside them, as Python keeps bytecode.

Every command and the app read the same built-in TOML files, and those change
only when Facilitator is upgraded. Importing tomllib and parsing them in pure
Python costs about 5 ms a run, and `facilitator print` is timed against a bare
reportlab process (design.md section 11). So the parsed files are written, with
their text, by `marshal` into the content package's `__pycache__` folder, and
read back for as long as every file's text is exactly the text stored: the
check is the content itself, not a file time that an installer or a copy may
keep or change. The cache is only ever a shortcut, never a second source: a
read-only install, a missing, stale or damaged cache file, or data that
`marshal` cannot hold all mean that the files are simply parsed again. It holds
built-in texts only, nothing of the group's.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

CACHE_FOLDER = "__pycache__"
CACHE_NAME = "facilitator-content.marshal"
# Changed whenever what the cache holds changes shape, so an old cache is never misread.
_LAYOUT = 1

ParsedFile = tuple[str, str, dict[str, Any]]  # (file name, its text, its data)


def parsed_files(folder: Path, parse: Callable[[str, str], dict[str, Any]]) -> list[ParsedFile]:
    """(name, text, data) for each `.toml` file in `folder`, in name order.

    `parse(text, name)` is called for every file when the cache cannot answer for
    them all, and not at all when it can. A file that fails to parse raises as
    `parse` does, and nothing is cached.
    """
    paths = sorted(path for path in folder.iterdir() if path.name.endswith(".toml"))
    texts = [(path.name, path.read_text("utf-8")) for path in paths]
    cache = folder / CACHE_FOLDER / CACHE_NAME
    stamp = (_LAYOUT, marshal.version, tuple(sys.version_info[:2]))
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
        stored_stamp, files = marshal.loads(cache.read_bytes())
        if stored_stamp == stamp and [(name, text) for name, text, _data in files] == texts:
            return files
    files = [(name, text, parse(text, name)) for name, text in texts]
    _write(cache, (stamp, files))
    return files


def _write(cache: Path, value: object) -> None:
    try:
        data = marshal.dumps(value)
    except ValueError:
        return  # a value marshal cannot hold, such as a TOML date: parse each time
    temporary = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        cache.parent.mkdir(exist_ok=True)
        temporary.write_bytes(data)
        # Whole or not at all: another process reading at this moment sees the old
        # cache or the new one, never half of one.
        os.replace(temporary, cache)
    except OSError:
        # A read-only install: the files are parsed each time, as without a cache.
        with contextlib.suppress(OSError):
            temporary.unlink()
