"""A searchable chooser for the reading a segment shows.

The secretary types a few letters of a title, an id or a phrase from the text,
sees the matching readings (the group's own marked as such) with a preview of
the one selected, and presses Enter. The special choice "the group's meeting
statement" resolves to the open or the closed statement by the group's settings.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.content import Library
from facilitator.model import MEETING_TYPE_READING, Reading
from ui.list_filter import filter_rows

MEETING_TYPE_TITLE = "The group's meeting statement (open or closed, by the settings)"


def reading_search_text(reading: Reading) -> str:
    """Everything a search for a reading looks in: its id, title, source and words."""
    return " ".join((reading.id, reading.title, reading.source, reading.text, *reading.items))


def reading_label(library: Library, reading_id: str) -> str:
    if reading_id == MEETING_TYPE_READING:
        return MEETING_TYPE_TITLE
    reading = library.readings.get(reading_id)
    if reading is None:
        return f"{reading_id} (unknown reading)"
    mark = " · group's" if reading_id in library.own_readings else ""
    return f"{reading.title}{mark}"


class ReadingPicker(QDialog):
    """Pick one reading; `chosen_id()` is the answer once the dialog is accepted."""

    def __init__(self, library: Library, current: str = "", words: dict[str, str] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.words = words or {}
        self.setWindowTitle("Choose a reading")
        self.resize(640, 480)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search titles and texts…")
        self.search.setAccessibleName("Search readings")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Readings")
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Preview of the reading")
        self.count = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Use this reading")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        search_label = QLabel("&Find:")
        search_label.setBuddy(self.search)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 3)
        layout.addWidget(self.count)
        layout.addWidget(self.preview, 2)
        layout.addWidget(buttons)

        self._fill(current)
        self.search.textChanged.connect(self._filter)
        self.list.currentItemChanged.connect(self._show_preview)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.search.returnPressed.connect(self._accept_if_one)
        self._filter("")

    def _fill(self, current: str) -> None:
        entries = [(MEETING_TYPE_READING, MEETING_TYPE_TITLE)]
        entries += sorted(((r.id, reading_label(self.library, r.id))
                           for r in self.library.readings.values()),
                          key=lambda e: e[1].lower())
        for reading_id, label in entries:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, reading_id)
            item.setToolTip(reading_id)
            self.list.addItem(item)
            if reading_id == current:
                self.list.setCurrentItem(item)

    def _haystack(self, reading_id: str) -> str:
        if reading_id == MEETING_TYPE_READING:
            return f"{reading_id} {MEETING_TYPE_TITLE} open closed"
        return reading_search_text(self.library.readings[reading_id])

    @Slot(str)
    def _filter(self, text: str) -> None:
        shown = filter_rows(self.list, text,
                            lambda item: self._haystack(item.data(Qt.ItemDataRole.UserRole)))
        self.count.setText(f"{len(shown)} reading{'s' if len(shown) != 1 else ''}")
        current = self.list.currentItem()
        if current is None or current.isHidden():
            self.list.setCurrentItem(shown[0] if shown else None)
        self.ok_button.setEnabled(self.chosen_id() != "")

    @Slot()
    def _show_preview(self) -> None:
        reading_id = self.chosen_id()
        if reading_id == MEETING_TYPE_READING:
            text = "At the meeting this shows the open-meeting or the closed-meeting " \
                   "statement, whichever fits the group's settings."
        elif reading_id:
            reading = self.library.readings[reading_id]
            text = f"{reading.title}\n{reading.source}\n\n{reading.body(self.words)}"
        else:
            text = ""
        self.preview.setPlainText(text)
        self.ok_button.setEnabled(bool(reading_id))

    @Slot()
    def _accept_if_one(self) -> None:
        if self.chosen_id():
            self.accept()

    def chosen_id(self) -> str:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return ""
        return item.data(Qt.ItemDataRole.UserRole)

    def visible_titles(self) -> list[str]:
        return [self.list.item(n).text() for n in range(self.list.count())
                if not self.list.item(n).isHidden()]
