"""One writer per data folder: an advisory lock held on a file inside the folder.

The operating system's own file locks do the work (`fcntl.flock` on POSIX,
`msvcrt.locking` on Windows), so a lock is released the moment its process ends,
however it ends: a killed Facilitator never leaves the folder locked. This is the
whole of what the store needs from a lock library; the `filelock` package was
used first, but importing it (it pulls in asyncio) cost the app about 11 ms and
5 MB before its first paint (design.md section 11).
"""

from __future__ import annotations

import os
from pathlib import Path

from facilitator.paths import LOCK_FILE, PRIVATE_FILE_MODE, make_private_folder
from facilitator.problems import StoreError, StoreLocked, describe_os_error

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class FolderLock:
    """An exclusive, non-blocking lock on one file. `acquire` says whether it was won."""

    def __init__(self, path: Path, mode: int = 0o600):
        self.path = Path(path)
        self.mode = mode
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock if nobody holds it. OSError if the file cannot be opened at all."""
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, self.mode)
        try:
            won = _try_lock(fd)
        except BaseException:
            # A lock that fails outright (ENOLCK, a file system without locks) must not
            # leave the file open: a long-running app would leak one per attempt.
            os.close(fd)
            raise
        if not won:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)


def lock_data_folder(data_dir: Path) -> FolderLock:
    """Create the data folder if need be and take its lock, or say in one sentence why not.

    The app calls this before its window appears, so that a second Facilitator is
    told at once that the folder is in use; the store then adopts the held lock.
    """
    try:
        make_private_folder(data_dir)
    except OSError as error:
        raise StoreError(
            describe_os_error(error, f"cannot create the data folder {data_dir}")) from None
    lock = FolderLock(data_dir / LOCK_FILE, mode=PRIVATE_FILE_MODE)
    try:
        won = lock.acquire()
    except OSError as error:
        raise StoreError(describe_os_error(error, f"cannot open {data_dir} for changes")) from None
    if not won:
        raise StoreLocked(f"the data folder {data_dir} is in use by another Facilitator")
    return lock
