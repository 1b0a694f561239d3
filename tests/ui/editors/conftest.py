"""Fixtures for the editor tests: a real store in a temporary data folder."""

from pathlib import Path

import pytest

from facilitator.model import GroupSettings
from facilitator.store import Store


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir):
    store = Store.open(data_dir)
    store.save_group(GroupSettings(name="Tuesday Night Group", program="aa"))
    yield store
    store.close()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in the data folder and its bytes, to prove that nothing was written."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith(".lock")}


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """Any question a test did not answer fails the test instead of blocking it."""
    from ui.editors.dialogs import Asks

    for name in ("show_message", "show_problem", "ask_yes_no", "ask_save_discard_cancel",
                 "ask_text", "ask_item", "choose_open_path", "choose_save_path"):
        def unexpected(self, *args, _name=name, **kwargs):
            raise AssertionError(f"unexpected dialog {_name}{args}")
        monkeypatch.setattr(Asks, name, unexpected)
