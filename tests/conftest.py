"""Shared test set-up: Qt runs offscreen, and no test touches the real user data folder."""

import os

# Qt reads this when it first loads, so it must be set before any test imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def private_data_home(tmp_path_factory, monkeypatch):
    """Point FACILITATOR_HOME at a fresh folder, so that nothing can reach the user's real data."""
    home = tmp_path_factory.mktemp("facilitator-home")
    monkeypatch.setenv("FACILITATOR_HOME", str(home))
    monkeypatch.setenv("FACILITATOR_INVARIANT", "1")
    return home


@pytest.fixture
def data_dir(tmp_path):
    """A data folder for one test; it does not exist until something creates it."""
    return tmp_path / "data"
