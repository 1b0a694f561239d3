"""After a literature meeting: where next week's reading starts in the group's book.

The chair is asked once, as the meeting ends, so the bookmark moves on with the
history entry. The answer is a place in a book (section and page), never who read.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.model import Bookmark
from ui.labels import buddy_label


class BookmarkDialog(QDialog):
    """Asks for the section and page where the next literature meeting picks up."""

    def __init__(self, bookmark: Bookmark, parent: QWidget | None = None):
        super().__init__(parent)
        self.bookmark = bookmark
        self.setWindowTitle("Where does the reading start next time?")
        intro = QLabel(f"Tonight the group read from {bookmark.describe() or 'its book'}. "
                       "Where should the next literature meeting start?")
        intro.setWordWrap(True)
        self.section_edit = QLineEdit(bookmark.section)
        self.section_edit.setAccessibleName("Chapter or section to start from")
        self.page_spin = QSpinBox()
        self.page_spin.setRange(0, 9999)
        self.page_spin.setSpecialValueText("(no page)")
        self.page_spin.setValue(bookmark.page)
        self.page_spin.setAccessibleName("Page to start from")
        form = QFormLayout()
        form.addRow(buddy_label("&Section:", self.section_edit), self.section_edit)
        form.addRow(buddy_label("&Page:", self.page_spin), self.page_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.page_spin.setFocus()
        self.page_spin.selectAll()

    def chosen(self) -> Bookmark:
        return Bookmark(self.bookmark.title, self.section_edit.text().strip(),
                        self.page_spin.value())


def ask_next_bookmark(parent: QWidget, bookmark: Bookmark) -> Bookmark | None:
    """The bookmark for the next literature meeting, or None if the chair cancels."""
    dialog = BookmarkDialog(bookmark, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
