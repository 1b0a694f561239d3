"""The data folder's lock: one holder at a time, released on close and when a process dies."""

import os
import signal
import subprocess
import sys

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
