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
    """Every file of the group's data and its bytes, to prove that nothing was written.
    The lock and the cache (made again whenever it is missing) are not the group's data."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith(".lock")
            and p.relative_to(folder).parts[0] != "cache"}
