"""What every command works with: the options it was given, the data folder and its content.

Commands get their library from here rather than loading content themselves, so
that the group's own formats and readings appear beside the built-ins everywhere.
Listing commands open the store read-only (no lock), so they work while the app
has the data folder open; commands that change it call `open_store`.
"""

from __future__ import annotations

import argparse
import functools
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.content import Library, builtin_library
from facilitator.paths import resolve_data_dir, store_exists

if TYPE_CHECKING:
    from facilitator.store import Store


@dataclass
class Context:
    """The parsed arguments, with the data folder and content loaded only when first asked for."""

    args: argparse.Namespace

    @functools.cached_property
    def data_dir(self) -> Path:
        return resolve_data_dir(getattr(self.args, "data_dir", None))

    @functools.cached_property
    def library(self) -> Library:
        # The store (TinyDB) is imported only when there is a store to read.
        if not store_exists(self.data_dir):
            return builtin_library()
        from facilitator.store import Store  # TinyDB only when there is a store to read

        with Store.open(self.data_dir, writer=False) as store:
            self.show_notices(store)
            return store.library()

    def open_store(self, writer: bool = True) -> Store:
        """The group's store; a writer holds the data folder's lock until it is closed."""
        from facilitator.store import Store

        store = Store.open(self.data_dir, writer=writer)
        self.show_notices(store)
        return store

    @staticmethod
    def show_notices(store: Store) -> None:
        for notice in store.notices:
            print(f"facilitator: {notice}", file=sys.stderr)
