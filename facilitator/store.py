"""The group's store: its settings, own formats and readings, meeting history and run state.

Everything lives in the data folder, in three TinyDB files over `AtomicJSONStorage`:

* `facilitator.json`: the group settings and the group's own formats and readings;
* `history.json`: one record per meeting held;
* `run-state.json`: the meeting in progress, for resume.

TinyDB rewrites a whole file on every save. History is kept in its own file
because it is the one table that only ever grows (ten years of weekly meetings
is 520 records); in the main file it would make every edit of a format slower
year after year, while a file of its own is written once a week. The run state
gets its own small file for the opposite reason: the app saves it on every
segment change during a meeting, and those saves must not rewrite the group's
formats and readings each time. Each file has its own backups and repairs.

The store holds no person (design.md section 3): the only shapes it writes are
`GroupSettings`, `Format`, `Reading`, `HistoryEntry` and the planner's run-state
dict, none of which has a field for a name. One process at a time may write a
data folder; it holds a lock file for as long as the store is open. Read-only
opens take no lock, so listing commands work while the app is running.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB
from tinydb.table import Document, Table

from facilitator.atomic_storage import (
    AtomicJSONStorage,
    DataFile,
    Migration,
    remove_stale_temps,
)
from facilitator.folder_lock import FolderLock, lock_data_folder
from facilitator.model import Format, GroupSettings, HistoryEntry, Reading
from facilitator.paths import (
    DATA_FILE,
    HISTORY_FILE,
    RUN_STATE_FILE,
    cache_folder,
)
from facilitator.problems import ContentError, StoreError, StoreLocked
from facilitator.validation import MAX_ID_LENGTH

if TYPE_CHECKING:
    from facilitator.content import Library

__all__ = ["Store", "StoreError", "StoreLocked", "copy_id", "SCHEMA_VERSION"]


SCHEMA_VERSION = 1
# For each file, the step that turns schema version N into N + 1. Version 1 is the first.
MIGRATIONS: dict[str, dict[int, Migration]] = {DATA_FILE: {}, HISTORY_FILE: {}, RUN_STATE_FILE: {}}
BACKUPS_KEPT = 10


_GROUP_DOC_ID = 1
_RUN_DOC_ID = 1
_COPY_SUFFIX = re.compile(r"-group(-\d+)?$")


def copy_id(existing_ids: Iterable[str], base_id: str) -> str:
    """A free id for the group's copy of `base_id`: "step" -> "step-group", then "step-group-2"."""
    taken = set(existing_ids)
    stem = _COPY_SUFFIX.sub("", base_id) or base_id
    number = 1
    while True:
        suffix = "-group" if number == 1 else f"-group-{number}"
        candidate = stem[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        number += 1



def _replace_document(new: dict[str, Any]):
    """A TinyDB update that replaces a record whole, so that keys dropped by an edit go too."""
    def transform(document: dict[str, Any]) -> None:
        document.clear()
        document.update(new)
    return transform


def _put(table: Table, doc_id: int, record: dict[str, Any]) -> None:
    """Insert or replace one record in a single write (TinyDB's upsert may write twice)."""
    if table.contains(doc_id=doc_id):
        table.update(_replace_document(record), doc_ids=[doc_id])
    else:
        table.insert(Document(record, doc_id=doc_id))


class Store:
    """The group's saved data. Open it with `Store.open(data_dir)`; close it (or use `with`)."""

    def __init__(self, data_dir: Path, writer: bool, lock: FolderLock | None):
        self.data_dir = data_dir
        self.writer = writer
        self._lock = lock
        self.notices: list[str] = []
        self._data = self._open_db(
            DATA_FILE, "The group's data file",
            "The group's settings, formats and readings will need to be entered again.")
        self._history_db = self._open_db(HISTORY_FILE, "The meeting history file", "")
        self._run_db = self._open_db(
            RUN_STATE_FILE, "The saved meeting in progress",
            "That meeting cannot be resumed.", keep_backups=0)
        self._group_table = self._data.table("group")
        self._format_table = self._data.table("formats")
        self._reading_table = self._data.table("readings")
        self._history_table = self._history_db.table("history")
        self._run_table = self._run_db.table("run")
        self.notices.extend(self._load_main())
        self._history = self._load_history()

    @classmethod
    def open(cls, data_dir: Path, writer: bool = True, lock: FolderLock | None = None
             ) -> Store:
        """Open the store in `data_dir`. A writer creates the folder and holds its lock;
        `lock` is one already taken with `lock_data_folder`, which the store adopts."""
        data_dir = Path(data_dir)
        if not writer:
            lock = None
        else:
            if lock is not None and lock.path.parent.resolve() != data_dir.resolve():
                raise ValueError(f"the lock {lock.path} is not the lock of {data_dir}")
            if lock is None or not lock.held:
                lock = lock_data_folder(data_dir)
            for name in (DATA_FILE, HISTORY_FILE, RUN_STATE_FILE):
                remove_stale_temps(data_dir / name)
        try:
            return cls(data_dir, writer, lock)
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    def _open_db(self, name: str, label: str, lost: str, keep_backups: int = BACKUPS_KEPT
                 ) -> TinyDB:
        data_file = DataFile(
            self.data_dir / name, label, SCHEMA_VERSION, MIGRATIONS.get(name),
            keep_backups=keep_backups, writer=self.writer, lost_consequence=lost)
        db = TinyDB(data_file, storage=AtomicJSONStorage)
        self.notices.extend(data_file.notices)
        return db

    # Loading what was saved ------------------------------------------------

    def _load_main(self) -> list[str]:
        """Load the settings, formats and readings; return what could not be read, to tell."""
        notices: list[str] = []
        self._group: GroupSettings | None = self._load_group(notices)
        self._formats = self._load_items(self._format_table, Format.from_dict, "format", notices)
        self._readings = self._load_items(self._reading_table, Reading.from_dict, "reading",
                                          notices)
        return notices

    def _load_group(self, notices: list[str]) -> GroupSettings | None:
        document = self._group_table.get(doc_id=_GROUP_DOC_ID)
        if document is None:
            return None
        try:
            return GroupSettings.from_dict(dict(document))
        except ContentError as error:
            notices.append(
                f"The group settings in {self.data_dir / DATA_FILE} could not be read "
                f"({error.problems[0]}); they will be replaced when settings are saved again.")
            return None

    def _load_items(self, table: Table, build, noun: str, notices: list[str]) -> dict[str, Any]:
        """The table's valid records by id; a record that fails validation is reported, not lost."""
        items: dict[str, Any] = {}
        for document in table.all():
            try:
                item = build(dict(document))
            except ContentError as error:
                notices.append(
                    f"A {noun} in {self.data_dir / DATA_FILE} could not be read "
                    f"({error.problems[0]}) and is left out.")
                continue
            items[item.id] = (item, document.doc_id)
        return items

    # Group settings --------------------------------------------------------

    def group(self) -> GroupSettings | None:
        """The group's settings, or None until first-run set-up has saved them."""
        return self._group

    def save_group(self, settings: GroupSettings) -> None:
        if not isinstance(settings, GroupSettings):
            raise TypeError("save_group takes GroupSettings")
        _put(self._group_table, _GROUP_DOC_ID, settings.to_dict())
        self._group = settings

    # The group's own formats and readings -----------------------------------

    def formats(self) -> list[Format]:
        return [item for item, _ in self._formats.values()]

    def readings(self) -> list[Reading]:
        return [item for item, _ in self._readings.values()]

    def save_format(self, fmt: Format) -> None:
        if not isinstance(fmt, Format):
            raise TypeError("save_format takes a Format")
        self._refuse_builtin(fmt.id, self._builtin_library().formats, "format")
        self._save_item(self._format_table, self._formats, fmt)

    def save_reading(self, reading: Reading) -> None:
        if not isinstance(reading, Reading):
            raise TypeError("save_reading takes a Reading")
        self._refuse_builtin(reading.id, self._builtin_library().readings, "reading")
        self._save_item(self._reading_table, self._readings, reading)

    def delete_format(self, format_id: str) -> None:
        self._delete_item(self._format_table, self._formats, format_id)

    def delete_reading(self, reading_id: str) -> None:
        self._delete_item(self._reading_table, self._readings, reading_id)

    def _refuse_builtin(self, item_id: str, builtins: dict[str, Any], noun: str) -> None:
        # A built-in is never changed in place: the group's edit is a copy under a new id.
        if item_id in builtins:
            suggestion = copy_id([*builtins, *self._formats, *self._readings], item_id)
            raise StoreError(
                f"{item_id!r} is a built-in {noun}; save the group's copy under a new id, "
                f"such as {suggestion!r}")

    @staticmethod
    def _save_item(table: Table, items: dict[str, Any], item: Format | Reading) -> None:
        record = item.to_dict()
        if item.id in items:
            doc_id = items[item.id][1]
            table.update(_replace_document(record), doc_ids=[doc_id])
        else:
            doc_id = table.insert(record)
        items[item.id] = (item, doc_id)

    @staticmethod
    def _delete_item(table: Table, items: dict[str, Any], item_id: str) -> None:
        if item_id not in items:
            return
        table.remove(doc_ids=[items[item_id][1]])
        del items[item_id]

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Make the settings, format and reading saves inside the block one write to disk.

        Either all of them are saved or, if anything fails, none is (an import
        uses this, so that a full disk never leaves half a pack behind).
        """
        try:
            with self._data.storage.one_write():
                yield
        except BaseException:
            for table in (self._group_table, self._format_table, self._reading_table):
                table.clear_cache()
            # What is read back is what was read at open, whose problems were told then.
            self._load_main()
            raise

    def _builtin_library(self) -> Library:
        """The built-in content, parsed through this folder's cache. Loaded on first use:
        the app opens the store after its first paint, and the content loader is not
        needed until its first screen."""
        from facilitator.content import builtin_library

        return builtin_library(cache_folder(self.data_dir))

    def library(self) -> Library:
        """The built-in content with the group's own formats and readings on top."""
        return self._builtin_library().with_group_items(self.formats(), self.readings())

    # History ---------------------------------------------------------------

    def _load_history(self) -> list[HistoryEntry]:
        entries = []
        for document in self._history_table.all():
            try:
                entries.append(HistoryEntry.from_dict(dict(document)))
            except ContentError as error:
                self.notices.append(
                    f"A meeting in {self.data_dir / HISTORY_FILE} could not be read "
                    f"({error.problems[0]}) and is left out of the history.")
        return entries

    def history(self) -> list[HistoryEntry]:
        """Every meeting held, oldest first."""
        return sorted(self._history, key=lambda entry: entry.date)

    def add_history(self, entry: HistoryEntry) -> None:
        if not isinstance(entry, HistoryEntry):
            raise TypeError("add_history takes a HistoryEntry")
        # Through the same rules as loading, so that nothing is saved that cannot be read.
        HistoryEntry.from_dict(entry.to_dict())
        self._history_table.insert(entry.to_dict())
        self._history.append(entry)

    # The meeting in progress -------------------------------------------------

    def run_state(self) -> dict | None:
        document = self._run_table.get(doc_id=_RUN_DOC_ID)
        return json.loads(json.dumps(document)) if document is not None else None

    def save_run_state(self, state: dict) -> None:
        if not isinstance(state, dict):
            raise TypeError("save_run_state takes a dict")
        try:
            # A deep copy that also proves the state is plain JSON data.
            record = json.loads(json.dumps(state, allow_nan=False))
        except (TypeError, ValueError) as error:
            raise StoreError(f"the meeting state cannot be saved: {error}") from None
        _put(self._run_table, _RUN_DOC_ID, record)

    def clear_run_state(self) -> None:
        if self._run_table.contains(doc_id=_RUN_DOC_ID):
            self._run_table.truncate()

    # Lifetime ----------------------------------------------------------------

    def close(self) -> None:
        """Release the lock. Everything is already on disk; nothing is flushed here."""
        for db in (self._data, self._history_db, self._run_db):
            db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
