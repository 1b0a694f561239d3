"""Problems found in content and user input, and the one error that carries them.

Every check in Facilitator reports a `Problem`: where it is (a file, and a line
or a key) and what is wrong, in one plain sentence. The command line prints each
as one line, the app shows them in a list, and nothing ever shows a traceback.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong, located as precisely as the source allows."""

    message: str
    key: str = ""
    file: str = ""
    line: int | None = None

    def located(self, file: str = "", line: int | None = None) -> Problem:
        """The same problem, with a file (and a line, when known) filled in."""
        return Problem(self.message, self.key, file or self.file, line if line else self.line)

    def __str__(self) -> str:
        # "FILE:LINE: key: message": the line finds the place, and the key tells two
        # problems on one line apart (a table missing both its `kind` and its `minutes`).
        place = f"{self.file}:{self.line}" if self.file and self.line else self.file
        where = ": ".join(part for part in (place, self.key) if part)
        return f"{where}: {self.message}" if where else self.message


class FacilitatorError(Exception):
    """A user-facing error: one clear sentence, never shown as a traceback."""


class ContentError(FacilitatorError):
    """Content that failed validation. It holds every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class StoreError(FacilitatorError):
    """The store could not be opened or saved; the message says why in one sentence."""


class StoreLocked(StoreError):
    """Another Facilitator already writes to this data folder."""


def describe_os_error(error: OSError, action: str) -> str:
    """One sentence about a failed file operation, in the user's terms."""
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        reason = "the disk is full"
    elif error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        reason = "the folder is read-only or not yours to change"
    else:
        reason = (error.strerror or str(error)).lower()
    return f"{action}: {reason}"
