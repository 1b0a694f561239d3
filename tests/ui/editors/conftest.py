"""Fixtures for the editor tests: a real store in a temporary data folder."""

from pathlib import Path

import pytest

from facilitator.model import GroupSettings
from facilitator.store import Store


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
