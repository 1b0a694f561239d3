"""The data folder's lock: one holder at a time, released on close and when a process dies."""

import errno
import os
import signal
import subprocess
import sys

import pytest

from facilitator import folder_lock
from facilitator.folder_lock import FolderLock


def test_one_holder_at_a_time(tmp_path):
    first, second = FolderLock(tmp_path / "x.lock"), FolderLock(tmp_path / "x.lock")
    assert first.acquire()
    assert not second.acquire()
    assert not second.held
    first.release()
    assert second.acquire()
    second.release()


def test_lock_file_is_private(tmp_path):
    lock = FolderLock(tmp_path / "x.lock")
    assert lock.acquire()
    assert (tmp_path / "x.lock").stat().st_mode & 0o777 == 0o600
    lock.release()


def test_a_killed_holder_leaves_the_folder_free(tmp_path):
    path = tmp_path / "x.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\nfrom facilitator.folder_lock import FolderLock\n"
         f"assert FolderLock({str(path)!r}).acquire()\nprint('held', flush=True)\n"
         "time.sleep(60)\n"],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    assert not FolderLock(path).acquire()
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    lock = FolderLock(path)
    assert lock.acquire()
    lock.release()


@pytest.mark.skipif(os.name != "posix", reason="flock is POSIX")
def test_a_lock_that_fails_outright_closes_its_file(tmp_path, monkeypatch):
    closed = []
    real_close = os.close
    monkeypatch.setattr(os, "close", lambda fd: (closed.append(fd), real_close(fd)))

    def no_locks(fd, operation):
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(folder_lock.fcntl, "flock", no_locks)
    lock = FolderLock(tmp_path / "x.lock")
    with pytest.raises(OSError) as caught:
        lock.acquire()
    assert caught.value.errno == errno.ENOLCK
    assert len(closed) == 1 and not lock.held
