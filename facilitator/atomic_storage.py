"""Crash-safe JSON files for TinyDB: atomic saves, rolling backups, and repair of damaged files.

TinyDB's own JSONStorage rewrites its file in place, so a crash or a full disk
mid-write leaves half a file. Here every save writes a temporary file in the same
folder, fsyncs it, `os.replace`s it over the old one and fsyncs the folder, so the
file on disk is always either the old version or the new one (design.md section 7).
After the replace, the new version is also written into `backups/` as a file of
its own (and the fsynced folder keeps its name), and the last few are kept, so
the newest backup is always the latest save; a file that is in no backup yet,
such as one an older Facilitator saved, is hard-linked there before it is
replaced. A file that does not parse is moved aside as `NAME.corrupt-TIMESTAMP` and
the newest backup that does parse takes its place, with one plain sentence for
the user.
Each file carries a schema version: older files are migrated, and a file from a
newer Facilitator is refused and never written. Reads come from memory (the store
holds the only writer's lock, so nobody else changes the file), but every write
goes to disk before it returns: there is no write cache.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from facilitator.paths import PRIVATE_FILE_MODE, make_private_folder
from facilitator.problems import StoreError, describe_os_error

BACKUP_FOLDER = "backups"
META_KEY = "_meta"

Tables = dict[str, dict[str, Any]]
Migration = Callable[[Tables], Tables]


class DamagedFile(Exception):
    """A data file that is not what Facilitator writes (internal; turned into a repair)."""


def fsync_folder(folder: Path) -> None:
    """Make a rename inside `folder` durable. Windows cannot open a folder; it has no need."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp-{os.getpid()}-{os.urandom(4).hex()}")


def remove_stale_temps(path: Path) -> None:
    """Delete temporary files left by a process killed mid-save. Only the lock holder calls this."""
    for leftover in path.parent.glob(f".{path.name}.tmp-*"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def write_new_file(path: Path, data: bytes) -> None:
    """Create `path` (it must not exist) holding `data`, private to the user, and fsync it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 PRIVATE_FILE_MODE)
    try:
        if os.name == "posix":
            os.fchmod(fd, PRIVATE_FILE_MODE)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes, backup: Callable[[], None] | None = None) -> None:
    """Replace `path` with `data`, so that a crash at any moment leaves the old or the new file.

    `backup`, if given, runs after the new data is safely on disk and before the
    old file is replaced, so that it can still keep the old version.
    Raises OSError; the old file is untouched when it does.
    """
    temporary = temp_name(path)
    try:
        write_new_file(temporary, data)
        if backup is not None and path.exists():
            backup()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    fsync_folder(path.parent)


def encode_tables(tables: Tables, schema: int) -> bytes:
    payload = {META_KEY: {"app": "facilitator", "schema": schema}, **tables}
    # Compact and unescaped: the smallest file, and the quickest to write.
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def _refuse_constant(name: str) -> float:
    # Python's json reads NaN and Infinity, which are not JSON and which the store
    # never writes (allow_nan=False): a file holding one was not written by us.
    raise ValueError(f"{name} is not a JSON number")


def decode_tables(raw: bytes) -> tuple[int, Tables]:
    """The schema version and the TinyDB tables in a file's bytes; DamagedFile if it is not ours."""
    if not raw.strip():
        raise DamagedFile("it is empty")
    try:
        payload = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError) as error:
        raise DamagedFile(f"it is not readable JSON ({error})") from None
    except RecursionError:
        # Thousands of nested brackets: the decoder gives up, and so does the store.
        raise DamagedFile("it is not readable JSON (nested too deeply)") from None
    if not isinstance(payload, dict):
        raise DamagedFile("it does not hold a table")
    meta = payload.pop(META_KEY, None)
    schema = meta.get("schema") if isinstance(meta, dict) else None
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise DamagedFile("it has no schema version")
    for name, table in payload.items():
        if not isinstance(table, dict):
            raise DamagedFile(f"its table {name!r} is not a table")
        for doc_id, document in table.items():
            # TinyDB turns each key into an int: only ASCII digits survive that
            # ("²".isdigit() is true, but int("²") fails).
            if not (doc_id.isascii() and doc_id.isdecimal()) or not isinstance(document, dict):
                raise DamagedFile(f"its table {name!r} holds something that is not a record")
    return schema, payload


class DataFile:
    """One JSON file of the store, with its backups, its schema version and its repairs."""

    def __init__(
        self,
        path: Path,
        label: str,
        schema: int,
        migrations: dict[int, Migration] | None = None,
        keep_backups: int = 10,
        writer: bool = True,
        lost_consequence: str = "",
    ):
        self.path = path
        self.label = label  # "The group's data file": starts the sentences the user reads
        self.schema = schema
        self.migrations = migrations or {}
        self.keep_backups = keep_backups
        self.writer = writer
        self.lost_consequence = lost_consequence
        self.notices: list[str] = []
        # Whether the file on disk is also the newest backup. Unknown until loaded; false
        # for a file from before backups held the latest save, or when keeping one failed.
        self._saved_in_backups = False

    # Backups -------------------------------------------------------------

    @property
    def backup_folder(self) -> Path:
        return self.path.parent / BACKUP_FOLDER

    def backups(self) -> list[Path]:
        """The backups of this file, oldest first (numbered: a clock change cannot reorder them)."""
        pattern = re.compile(re.escape(self.path.name) + r"\.(\d+)$")
        if not self.backup_folder.is_dir():
            return []
        numbered = []
        for entry in self.backup_folder.iterdir():
            match = pattern.match(entry.name)
            if match:
                numbered.append((int(match.group(1)), entry))
        return [entry for _, entry in sorted(numbered)]

    def _next_backup(self) -> Path:
        existing = self.backups()
        number = int(existing[-1].name.rsplit(".", 1)[1]) + 1 if existing else 1
        return self.backup_folder / f"{self.path.name}.{number:06d}"

    def _keep_old_version(self) -> None:
        """Hard-link the file about to be replaced into the backups (it is in none yet)."""
        target = self._next_backup()
        try:
            # The link is safe here: once the file is replaced, the backup is its only name.
            os.link(self.path, target)
        except OSError:
            # Some file systems have no hard links; a copy keeps the same promise.
            with contextlib.suppress(OSError):
                import shutil  # rarely needed: only where hard links are not allowed

                shutil.copyfile(self.path, target)
                os.chmod(target, PRIVATE_FILE_MODE)
        # A missing backup never stops the save itself.

    def _keep_new_version(self, data: bytes) -> bool:
        """Write the version just saved into the backups, as a file of its own; False if not.

        Not a hard link: the link would share the live file's bytes, so a program
        that overwrote the live file in place would damage its backup with it.
        The bytes are already in memory, so the copy costs one more write and
        fsync (2 to 3 ms with the benchmark's 3.5 MB file). A copy cut short by a
        killed process is a damaged backup, which the repair passes over.
        """
        target = self._next_backup()
        try:
            write_new_file(target, data)
        except OSError:
            with contextlib.suppress(OSError):
                target.unlink()
            return False
        return True

    def _drop_old_backups(self) -> None:
        """Keep only the newest few. Dropped after a save succeeds, never before, so a failed
        save costs no backup; a writer also drops any a killed process left over."""
        for old in self.backups()[: -self.keep_backups]:
            with contextlib.suppress(OSError):
                old.unlink()

    # Loading -------------------------------------------------------------

    def load(self) -> Tables:
        """The tables in the file: migrated, repaired from a backup if damaged, {} if new."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as error:
            raise StoreError(describe_os_error(error, f"cannot read {self.path}")) from None
        try:
            schema, tables = decode_tables(raw)
        except DamagedFile as damage:
            return self._repair(str(damage))
        self._refuse_if_newer(schema, self.path)
        if self.writer and self.keep_backups > 0:
            self._drop_old_backups()
            self._saved_in_backups = self._is_newest_backup(raw)
        if schema < self.schema:
            tables = self._migrate(schema, tables)
            if self.writer:
                self.save(tables)
        return tables

    def _is_newest_backup(self, raw: bytes) -> bool:
        existing = self.backups()
        try:
            return (bool(existing) and existing[-1].stat().st_size == len(raw)
                    and existing[-1].read_bytes() == raw)
        except OSError:
            return False

    def _refuse_if_newer(self, schema: int, path: Path) -> None:
        if schema > self.schema:
            raise StoreError(
                f"{path} was written by a newer Facilitator (schema version {schema}; this one "
                f"reads up to {self.schema}); update Facilitator to open it. "
                "The file has not been changed.")

    def _migrate(self, schema: int, tables: Tables) -> Tables:
        while schema < self.schema:
            step = self.migrations.get(schema)
            if step is not None:
                tables = step(tables)
            schema += 1
        return tables

    def _newest_good_backup(self) -> tuple[Path, Tables] | None:
        for backup in reversed(self.backups()):
            try:
                schema, tables = decode_tables(backup.read_bytes())
            except (DamagedFile, OSError):
                continue
            if schema <= self.schema:
                return backup, self._migrate(schema, tables)
        return None

    def _repair(self, damage: str) -> Tables:
        found = self._newest_good_backup()
        when = ""
        if found is not None:
            saved = datetime.fromtimestamp(found[0].stat().st_mtime)
            when = f"the backup saved {saved:%Y-%m-%d %H:%M}"
        if not self.writer:
            restored = f"showing {when}" if found else "showing nothing from it"
            self.notices.append(
                f"{self.label} {self.path} is damaged ({damage}); {restored} until Facilitator "
                "opens the data folder for changes and repairs it.")
            return found[1] if found else {}
        aside = self._move_aside()
        if found is not None:
            outcome = f"restored {when}"
            tables = found[1]
            self.save(tables)
        else:
            outcome = ("started afresh because there was no good backup" if self.keep_backups
                       else "started afresh")
            tables = {}
        consequence = f" {self.lost_consequence}" if found is None and self.lost_consequence else ""
        self.notices.append(
            f"{self.label} {self.path} was damaged ({damage}), so Facilitator moved it to "
            f"{aside} and {outcome}.{consequence}")
        return tables

    def _move_aside(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 2
        while aside.exists():
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
            counter += 1
        try:
            os.rename(self.path, aside)
            fsync_folder(self.path.parent)
        except OSError as error:
            raise StoreError(describe_os_error(
                error, f"{self.path} is damaged and cannot be moved aside")) from None
        return aside

    # Saving --------------------------------------------------------------

    def save(self, tables: Tables) -> None:
        """Write the tables; on disk when this returns. StoreError (old file intact) if it fails."""
        if not self.writer:
            raise StoreError("the data folder was opened read-only; nothing can be saved")
        try:
            data = encode_tables(tables, self.schema)
        except (TypeError, ValueError) as error:
            raise StoreError(f"cannot save to {self.path}: {error}") from None
        keeping = self.keep_backups > 0
        if keeping:
            try:
                # Made before the save, so that the fsync of the data folder after the
                # replace also makes the new folder's name durable.
                make_private_folder(self.backup_folder)
            except OSError:
                keeping = False  # a missing backup never stops the save itself
        # Normally the file being replaced is already the newest backup. When it is not
        # (it predates this kind of backup, or keeping it failed), keep it now: after
        # the replace it would be gone.
        keep_old = (self._keep_old_version if keeping and not self._saved_in_backups
                    and self.path.exists() else None)
        try:
            write_atomically(self.path, data, keep_old)
        except OSError as error:
            raise StoreError(describe_os_error(
                error, f"cannot save to {self.path.parent}")
                + ". Nothing was changed; the data saved before is intact.") from None
        if keeping:
            self._saved_in_backups = self._keep_new_version(data)
            with contextlib.suppress(OSError):
                fsync_folder(self.backup_folder)
            self._drop_old_backups()


class AtomicJSONStorage(Storage):
    """A TinyDB storage over one `DataFile`: reads from memory, every write atomically to disk."""

    def __init__(self, data_file: DataFile):
        self.data_file = data_file
        self._tables: Tables | None = data_file.load()
        self._deferring = False
        self._changed = False

    def read(self) -> Tables | None:
        if self._tables is None:
            # A write failed after TinyDB had changed our copy: go back to the file,
            # which the failed write left as it was.
            self._tables = self.data_file.load()
        return self._tables

    def write(self, data: Tables) -> None:
        if self._deferring:
            self._tables, self._changed = data, True
            return
        try:
            self.data_file.save(data)
        except BaseException:
            self._tables = None
            raise
        self._tables = data

    @contextlib.contextmanager
    def one_write(self) -> Iterator[None]:
        """Gather every write made inside the block into one atomic write at its end.

        If the block or that write fails, none of its changes is kept, in memory or on disk.
        """
        if self._deferring:
            yield
            return
        self._deferring, self._changed = True, False
        try:
            yield
        except BaseException:
            self._tables = None
            raise
        finally:
            self._deferring = False
        if self._changed:
            self.write(self.read())
