"""Choosing one meeting from a Meeting Guide JSON feed, to fill in the group's settings.

The pure reading of the feed is in `facilitator.meeting_guide`, which looks at
each meeting's name, day, time, end time and type codes only: addresses, notes
and contact details in the file are never read into anything. This module is the
small searchable chooser the settings dialog shows when a feed holds several
meetings.
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
    QVBoxLayout,
    QWidget,
)

from facilitator.meeting_guide import GuideMeeting
from ui.list_filter import filter_rows


class MeetingChooser(QDialog):
    """A list of the feed's meetings with a search line; `chosen_index()` is the answer."""

    def __init__(self, meetings: list[GuideMeeting], source_name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Choose your meeting")
        self.resize(720, 520)
        intro = QLabel(f"{len(meetings)} meetings in {source_name}. Pick yours: its name, "
                       "day, time, length and type codes fill the settings. Addresses and "
                       "contact details in the file are not read.")
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by name, day or type…")
        self.search.setAccessibleName("Search meetings")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Meetings in the file")
        for n, meeting in enumerate(meetings):
            item = QListWidgetItem(meeting.describe())
            item.setData(Qt.ItemDataRole.UserRole, n)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Use this meeting")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._filter)
        self.list.itemActivated.connect(lambda _item: self.accept())

    @Slot(str)
    def _filter(self, text: str) -> None:
        shown = filter_rows(self.list, text)
        current = self.list.currentItem()
        if current is None or current.isHidden():
            self.list.setCurrentItem(shown[0] if shown else None)

    def chosen_index(self) -> int | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return item.data(Qt.ItemDataRole.UserRole)


def choose_meeting(parent: QWidget, meetings: list[GuideMeeting], source_name: str) -> int | None:
    """Ask which meeting is the group's; with one meeting in the file, there is no question."""
    if len(meetings) == 1:
        return 0
    chooser = MeetingChooser(meetings, source_name, parent)
    if chooser.exec() != QDialog.DialogCode.Accepted:
        return None
    return chooser.chosen_index()
