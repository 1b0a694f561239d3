"""The reading library: browse and search every reading, add and edit the group's own.

This is how a group brings in its own fellowship literature, which Facilitator
does not ship: type it, paste it, or import a .txt or .md file (encoding
detected, binary files refused). The form holds a title, a source line, and
either a text or numbered items (one per line); the preview shows it in a
program's words with unknown slots flagged. A built-in reading is never changed
in place: saving it makes the group's copy, and a banner says so.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.content import Library
from facilitator.model import Reading
from facilitator.problems import ContentError, FacilitatorError
from facilitator.store import Store, copy_id
from facilitator.text_import import import_text_file, new_id
from ui.editors.colors import problem_style
from ui.editors.dialogs import AsksBeforeClosing
from ui.editors.format_editor import BANNER_STYLE
from ui.editors.reading_picker import reading_search_text
from ui.editors.reading_preview import ReadingPreview
from ui.labels import bold_font, buddy_label
from ui.list_filter import filter_rows
from ui.sectioned_list import add_section

_NUMBERING = re.compile(r"^\s*\d{1,3}[.)]\s+")


def split_items(text: str) -> list[str]:
    """One item per non-empty line, without any "1." the user typed in front."""
    return [_NUMBERING.sub("", line).strip() for line in text.splitlines() if line.strip()]


class ReadingLibrary(AsksBeforeClosing, QDialog):
    """Browse, search, add, edit and import readings."""

    readings_changed = Signal()

    def __init__(self, store: Store, library: Library | None = None, group=None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.library = library or store.library()
        self.group = group if group is not None else store.group()
        self.current_id: str | None = None   # None: a new reading not saved yet
        self.builtin = False
        self._loaded: tuple = ()
        self._showing = False
        self.setWindowTitle("Readings")
        self.resize(1280, 720)
        self._build()
        self._connect()
        self.refresh_list()
        self.open_reading(next(iter(sorted(self.library.readings))) if self.library.readings
                          else None)

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search titles, sources and texts…")
        self.search.setAccessibleName("Search readings")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Readings")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.new_button = QPushButton("&New reading")
        self.import_button = QPushButton("&Import a file…")
        self.import_button.setToolTip("A .txt or .md file becomes a new reading")
        self.delete_button = QPushButton("&Delete")
        # Deleting asks first, and can still be taken back until the window closes.
        self.undo_delete_button = QPushButton("&Undo delete")
        self.undo_delete_button.hide()
        self._deleted: list[Reading] = []
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("Readings")
        heading.setFont(bold_font(heading.font(), 1.15))
        left_layout.addWidget(heading)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.import_button)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.delete_button)
        left_layout.addWidget(self.undo_delete_button)

        self.banner = QLabel()
        self.banner.setObjectName("builtinBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Reading title")
        self.source_edit = QLineEdit()
        self.source_edit.setAccessibleName("Source or attribution")
        self.source_edit.setPlaceholderText("Where the text comes from, for example the book "
                                            "and its edition")
        self.text_radio = QRadioButton("Te&xt")
        self.items_radio = QRadioButton("Numbered ite&ms, one per line")
        self.shape = QButtonGroup(self)
        self.shape.addButton(self.text_radio)
        self.shape.addButton(self.items_radio)
        shape_row = QHBoxLayout()
        shape_row.addWidget(self.text_radio)
        shape_row.addWidget(self.items_radio)
        shape_row.addStretch(1)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName("Reading text")
        self.text_edit.setTabChangesFocus(True)
        self.slot_hint = QLabel()
        self.slot_hint.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setObjectName("readingProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(problem_style())
        self.id_label = QLabel()
        form = QFormLayout()
        form.addRow(buddy_label("&Title:", self.title_edit), self.title_edit)
        form.addRow(buddy_label("S&ource:", self.source_edit), self.source_edit)
        form.addRow("Shape:", shape_row)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addLayout(form)
        middle_layout.addWidget(self.text_edit, 1)
        middle_layout.addWidget(self.slot_hint)
        middle_layout.addWidget(self.problems)
        middle_layout.addWidget(self.id_label)

        self.program_combo = QComboBox()
        self.program_combo.setAccessibleName("Program for the preview")
        self.program_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.program_combo.setMinimumContentsLength(18)
        for program in self.library.programs.values():
            self.program_combo.addItem(program.name, program.id)
        group_program = self.group.program if self.group else "aa"
        self.program_combo.setCurrentIndex(max(0, self.program_combo.findData(group_program)))
        self.preview = ReadingPreview()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        preview_row = QHBoxLayout()
        preview_heading = QLabel("Preview in the words of")
        preview_row.addWidget(preview_heading)
        preview_row.addWidget(self.program_combo, 1)
        right_layout.addLayout(preview_row)
        right_layout.addWidget(self.preview, 1)

        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.banner)
        inner = QSplitter()
        inner.addWidget(middle)
        inner.addWidget(right)
        editor_layout.addWidget(inner, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(editor)
        split.setStretchFactor(1, 4)
        split.setSizes([300, 980])

        self.save_button = QPushButton("Save")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.setDefault(True)
        self.revert_button = QPushButton("Revert")
        self.close_button = QPushButton("Close")
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

        self.save_action = QAction("Save", self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.find_action = QAction("Find", self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.new_action = QAction("New reading", self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        # Ctrl+Z in a text field undoes typing there (the field takes the key first);
        # anywhere else in the window it brings back the last deleted reading.
        self.undo_delete_action = QAction("Undo delete", self)
        self.undo_delete_action.setShortcut(QKeySequence.StandardKey.Undo)
        for action in (self.save_action, self.find_action, self.new_action,
                       self.undo_delete_action):
            self.addAction(action)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._filter)
        self.list.currentItemChanged.connect(self._reading_selected)
        self.new_button.clicked.connect(self.new_reading)
        self.new_action.triggered.connect(self.new_reading)
        self.import_button.clicked.connect(self.import_file)
        self.delete_button.clicked.connect(self.delete_reading)
        self.undo_delete_button.clicked.connect(self.undo_delete)
        self.undo_delete_action.triggered.connect(self.undo_delete)
        for signal in (self.title_edit.textChanged, self.source_edit.textChanged,
                       self.text_edit.textChanged, self.shape.buttonToggled):
            signal.connect(self._edited)
        self.program_combo.currentIndexChanged.connect(self._edited)
        self.save_button.clicked.connect(self.save)
        self.save_action.triggered.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.close_button.clicked.connect(self.close)
        self.find_action.triggered.connect(self.search.setFocus)

    # The list --------------------------------------------------------------------------

    def refresh_list(self) -> None:
        self.library = self.store.library()
        self.list.blockSignals(True)
        self.list.clear()
        readings = sorted(self.library.readings.values(), key=lambda r: r.title.lower())
        own = [r for r in readings if r.id in self.library.own_readings]
        builtins = [r for r in readings if r.id not in self.library.own_readings]
        for heading, items, mark in (("The group's readings", own, "group's"),
                                     ("Built-in readings", builtins, "built-in")):
            add_section(self.list, heading, mark, ((r.id, r.title, "") for r in items),
                        self.current_id)
        self.list.blockSignals(False)
        self._filter(self.search.text())

    def list_titles(self, visible_only: bool = True) -> list[str]:
        return [self.list.item(n).text().strip() for n in range(self.list.count())
                if self.list.item(n).data(Qt.ItemDataRole.UserRole)
                and not (visible_only and self.list.item(n).isHidden())]

    @Slot(str)
    def _filter(self, text: str) -> None:
        def haystack(item: QListWidgetItem) -> str | None:
            reading_id = item.data(Qt.ItemDataRole.UserRole)
            # The two headings and "None yet" stand for no reading: hidden while searching.
            return reading_search_text(self.library.readings[reading_id]) if reading_id \
                else None
        filter_rows(self.list, text, haystack)

    @Slot()
    def _reading_selected(self, item: QListWidgetItem | None, previous=None) -> None:
        reading_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not reading_id or reading_id == self.current_id:
            return
        if not self.confirm_leave():
            self._select(self.current_id)
            return
        self.open_reading(reading_id)

    def _select(self, reading_id: str | None) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentItem(None)
        for n in range(self.list.count()):
            if reading_id and self.list.item(n).data(Qt.ItemDataRole.UserRole) == reading_id:
                self.list.setCurrentItem(self.list.item(n))
        self.list.blockSignals(False)

    # Opening -----------------------------------------------------------------------------

    def open_reading(self, reading_id: str | None) -> None:
        reading = self.library.readings.get(reading_id) if reading_id else None
        self.current_id = reading.id if reading else None
        self.builtin = bool(reading) and reading.id not in self.library.own_readings
        if reading:
            self._fill(reading.title, reading.source,
                       "\n".join(reading.items) if reading.is_series else reading.text,
                       reading.is_series)
        else:
            self._fill("", "", "", False)
        self._select(self.current_id)
        if self.builtin:
            future = copy_id([*self.library.readings], reading.id)
            self._banner(f"“{reading.title}” is built in. You can change it here: saving "
                         f"makes the group's own copy ({future}). Formats keep the built-in "
                         "until you choose the copy for a segment in the format editor.")
        else:
            self._banner("")

    def _fill(self, title: str, source: str, text: str, numbered: bool) -> None:
        self._showing = True
        self.title_edit.setText(title)
        self.source_edit.setText(source)
        (self.items_radio if numbered else self.text_radio).setChecked(True)
        self.text_edit.setPlainText(text)
        self._showing = False
        self._loaded = self._values()
        self._edited()

    def _banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def _values(self) -> tuple:
        return (self.title_edit.text(), self.source_edit.text(),
                self.text_edit.toPlainText(), self.items_radio.isChecked())

    def is_dirty(self) -> bool:
        return self._values() != self._loaded or self.current_id is None and any(
            self._values()[:3])

    def confirm_leave(self) -> bool:
        if not self.is_dirty():
            return True
        answer = self.ask_save_discard_cancel(
            "Unsaved changes", f"Save the changes to “{self.title_edit.text() or 'the reading'}”?")
        if answer == "save":
            return self.save()
        return answer == "discard"

    # Editing ------------------------------------------------------------------------------

    def _draft_dict(self) -> dict:
        title, source, text, numbered = self._values()
        data = {"id": self._target_id(), "title": title, "source": source}
        if numbered:
            data["items"] = split_items(text)
        else:
            data["text"] = text.strip()
        return data

    def _target_id(self) -> str:
        taken = set(self.library.readings)
        if self.current_id is None:
            return new_id(self.title_edit.text() or "reading", taken)
        if self.builtin:
            return copy_id(taken, self.current_id)
        return self.current_id

    def words(self) -> dict[str, str]:
        program = self.program_combo.currentData() or "aa"
        overrides = self.group.words if self.group and self.group.program == program else {}
        return self.library.words(program, overrides)

    @Slot()
    def _edited(self) -> None:
        if self._showing:
            return
        title, source, text, numbered = self._values()
        paragraphs = split_items(text) if numbered else [p.strip() for p in
                                                          re.split(r"\n\s*\n", text) if p.strip()]
        self.preview.show_reading(title, source, paragraphs, self.words(), self.library.slots,
                                  numbered)
        problems = []
        try:
            Reading.from_dict(self._draft_dict(), self.library.slots)
        except ContentError as error:
            problems = [_describe(p.key, p.message) for p in error.problems]
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self.slot_hint.setText("Words in brackets are filled by the program: "
                               + ", ".join(f"[{s}]" for s in sorted(self.library.slots)) + ".")
        own = self.current_id is not None and not self.builtin
        self.delete_button.setEnabled(own)
        state = "new, not saved yet" if self.current_id is None else (
            f"id {self.current_id} · built-in" if self.builtin else
            f"id {self.current_id} · the group's")
        self.id_label.setText(state + (" · changed" if self.is_dirty() else ""))
        name = title or "new reading"
        self.setWindowTitle(f"Readings: {name}{' *' if self.is_dirty() else ''}")

    @Slot()
    def new_reading(self) -> None:
        if not self.confirm_leave():
            return
        self.open_reading(None)
        self.title_edit.setFocus()

    @Slot()
    def import_file(self) -> None:
        """Import a .txt or .md file as a new reading, shown for checking before it is saved."""
        imported = self.open_and_read("Import a reading",
                                      "Text files (*.txt *.md *.markdown);;All files (*)",
                                      lambda path: (path, import_text_file(path)),
                                      "Not imported")
        if imported is None:
            return
        path, imported = imported
        if not self.confirm_leave():
            return
        self.open_reading(None)
        self._fill(imported.title, "", imported.text, False)
        self._loaded = ()
        self._edited()
        self._banner(f"Imported from {path.name} (read as {imported.encoding}). Check the "
                     "title and text, add the source, then press Save.")

    @Slot()
    def revert(self) -> None:
        self.open_reading(self.current_id)

    @Slot()
    def save(self) -> bool:
        try:
            reading = Reading.from_dict(self._draft_dict(), self.library.slots)
        except ContentError as error:
            self.show_problem("The reading is not saved", "Please fix this first:\n" + "\n".join(
                f"• {_describe(p.key, p.message)}" for p in error.problems))
            return False
        was_builtin = self.builtin
        try:
            self.store.save_reading(reading)
        except FacilitatorError as error:
            self.show_problem("The reading is not saved", str(error))
            return False
        self.current_id = reading.id
        self.refresh_list()
        self.open_reading(reading.id)
        if was_builtin:
            self._banner(f"Saved as the group's own copy ({reading.id}). The built-in reading "
                         "is unchanged.")
        self.readings_changed.emit()
        return True

    @Slot()
    def delete_reading(self) -> None:
        if self.current_id is None or self.builtin:
            return
        reading = self.library.readings[self.current_id]
        users = [f.name for f in self.library.formats.values()
                 if any(s.reading == reading.id for s in f.segments)]
        warning = f"\n\nThese formats use it: {', '.join(users)}." if users else ""
        if not self.ask_yes_no("Delete the reading", f"Delete “{reading.title}”?{warning}"):
            return
        try:
            self.store.delete_reading(reading.id)
        except FacilitatorError as error:
            self.show_problem("The reading is not deleted", str(error))
            return
        self._deleted.append(reading)
        self.current_id = None
        self.refresh_list()
        self.open_reading(next(iter(sorted(self.library.readings))))
        self._show_undo_delete()
        self._banner(f"“{reading.title}” is deleted. Undo delete (Ctrl+Z) brings it back.")
        self.readings_changed.emit()

    @Slot()
    def undo_delete(self) -> None:
        """Bring back the last reading deleted in this window, as it was."""
        if not self._deleted or not self.confirm_leave():
            return
        reading = self._deleted[-1]
        try:
            self.store.save_reading(reading)
        except FacilitatorError as error:
            self.show_problem("The reading is not brought back", str(error))
            return
        self._deleted.pop()
        self.current_id = reading.id
        self.refresh_list()
        self.open_reading(reading.id)
        self._show_undo_delete()
        self._banner(f"“{reading.title}” is back.")
        self.readings_changed.emit()

    def _show_undo_delete(self) -> None:
        self.undo_delete_button.setVisible(bool(self._deleted))
        if self._deleted:
            self.undo_delete_button.setToolTip(f"Bring back “{self._deleted[-1].title}”")


_FIELDS = {"title": "Title", "text": "Text", "items": "Items", "source": "Source", "id": "Id"}


def _describe(key: str, message: str) -> str:
    field = key.split(".")[0]
    match = re.match(r"items\[(\d+)\]", field)
    if match:
        return f"Item {int(match.group(1)) + 1}: {message}"
    if field == "text" and message == "is empty":
        message = "the reading has no text yet"
    return f"{_FIELDS.get(field, field.capitalize())}: {message}"
