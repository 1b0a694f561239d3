"""The data folder: --data-dir, then FACILITATOR_HOME, then the platform's; made private."""

import os
import stat
from pathlib import Path

import platformdirs

from facilitator.paths import make_private_folder, resolve_data_dir


def test_explicit_folder_wins_over_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("FACILITATOR_HOME", str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "cli") == tmp_path / "cli"


def test_environment_is_used_without_an_explicit_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("FACILITATOR_HOME", str(tmp_path / "env"))
    assert resolve_data_dir(None) == tmp_path / "env"


def test_platform_folder_is_the_default(monkeypatch):
    monkeypatch.delenv("FACILITATOR_HOME", raising=False)
    assert resolve_data_dir(None) == Path(platformdirs.user_data_dir("facilitator",
                                                                     appauthor=False))


def test_a_created_folder_is_private_even_with_a_loose_umask(tmp_path):
    old = os.umask(0o022)
    try:
        make_private_folder(tmp_path / "a" / "data")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a" / "data").stat().st_mode) == 0o700


def test_an_existing_folder_keeps_its_mode(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    make_private_folder(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
