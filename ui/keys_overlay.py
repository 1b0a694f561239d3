"""The keys overlay (?): every key the main window answers to, over the window, until Esc or ?.

Its rows are read from the window's menus, each action's words beside its keys,
so the sheet says what the menus say and cannot drift from them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenuBar,
    QVBoxLayout,
    QWidget,
)

from ui import theme

# Qt's key names, as a chair would say them.
_KEY_WORDS = {"Right": "→", "Left": "←", "PgDown": "Page Down", "PgUp": "Page Up",
              "Return": "Enter", "Ins": "Insert", "Del": "Delete"}


def keys_text(action: QAction) -> str:
    """The action's keys, as "→ or Page Down"; two spellings of one key are said once."""
    native = QKeySequence.SequenceFormat.NativeText
    said: list[str] = []
    for sequence in action.shortcuts():
        text = sequence.toString(native)
        key = QKeySequence(sequence[0].key()).toString(native)
        if text.endswith(key):
            text = text[:len(text) - len(key)] + _KEY_WORDS.get(key, key)
        if text not in said:
            said.append(text)
    return " or ".join(said)


def _meaning(action: QAction) -> str:
    return action.text().replace("&", "").rstrip("…")


# How far the sheet may shrink its text to fit the window, largest first.
_SHRINK_FACTORS = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.45, 0.4, 0.35, 0.3)
# Below this the sheet would be hard to read even up close.
_SMALLEST_POINTS = 8


def _sheet_style(factor: float) -> str:
    """The sheet's text sizes: the app's sizes for its roles, times `factor`."""
    def size(points: int) -> int:
        return max(_SMALLEST_POINTS, round(theme.points(points) * factor))
    return (f"QLabel {{ font-size: {size(theme.BODY_SIZE)}pt; }}"
            f'QLabel[role="heading"] {{ font-size: {size(theme.HEADING_SIZE)}pt; }}'
            f'QLabel[role="subheading"] {{ font-size: {size(theme.SUBHEADING_SIZE)}pt; }}')


def sections_from_menus(menu_bar: QMenuBar, live: list[QAction]
                        ) -> list[tuple[str, list[tuple[str, str]]]]:
    """One section a menu, one row an action with a key, in the menus' order. Only actions
    in `live` (those the window answers to) are listed; a submenu's name leads its rows."""
    sections = []
    for top in menu_bar.actions():
        menu = top.menu()
        if menu is None:
            continue
        rows = []
        for action in menu.actions():
            inner = action.menu()
            for item, prefix in ([(a, f"{_meaning(action)}: ") for a in inner.actions()]
                                 if inner is not None else [(action, "")]):
                if item in live and not item.shortcut().isEmpty():
                    rows.append((keys_text(item), prefix + _meaning(item)))
        if rows:
            sections.append((_meaning(top), rows))
    return sections


class KeysOverlay(QWidget):
    """A calm sheet listing (keys, what they do), drawn over its parent and following its size."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName("Keys")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._panel = QFrame(self)
        self._panel.setObjectName("card")
        # A grid a column, so a heading on one side does not stretch a row on the other.
        self._grids = [QGridLayout(), QGridLayout()]
        columns = QHBoxLayout()
        columns.setSpacing(56)
        for grid in self._grids:
            grid.setHorizontalSpacing(28)
            grid.setVerticalSpacing(6)
            grid.setRowStretch(999, 1)
            columns.addLayout(grid)
        title = QLabel("Keys")
        title.setProperty("role", "heading")
        hint = QLabel("Press ? or Esc to close. Every key is also in the menus.")
        hint.setProperty("role", "muted")
        layout = QVBoxLayout(self._panel)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.addWidget(title)
        layout.addLayout(columns)
        layout.addWidget(hint)
        parent.installEventFilter(self)
        self.hide()

    def set_keys(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        """Sections of (keys, what they do), laid out in two columns of sections."""
        for grid in self._grids:
            while grid.count():
                item = grid.takeAt(0)
                if item.widget() is not None:
                    item.widget().deleteLater()
        # Two columns of about the same height: a section goes left while the left column
        # is shorter than half of all the lines (a heading is a line too).
        total = sum(len(rows) + 1 for _title, rows in sections)
        half, lines = 0, 0
        while half < len(sections) and lines + (len(sections[half][1]) + 1) / 2 <= total / 2:
            lines += len(sections[half][1]) + 1
            half += 1
        for grid, part in zip(self._grids, (sections[:half], sections[half:]), strict=True):
            line = 0
            for title, rows in part:
                if line:
                    # A gap above each later section (a row, as the sheet's style sets
                    # the labels' own margins).
                    grid.setRowMinimumHeight(line, 10)
                    line += 1
                heading = QLabel(title)
                heading.setProperty("role", "subheading")
                grid.addWidget(heading, line, 0, 1, 2)
                line += 1
                for keys, meaning in rows:
                    key_label = QLabel(keys)
                    key_label.setStyleSheet("font-weight: 700;")
                    grid.addWidget(key_label, line, 0)
                    grid.addWidget(QLabel(meaning), line, 1)
                    line += 1

    def shown_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) as the sheet's labels read, column by column."""
        rows = []
        for grid in self._grids:
            for line in range(grid.rowCount()):
                cells = [grid.itemAtPosition(line, column) for column in (0, 1)]
                if all(cell is not None for cell in cells) and cells[0] is not cells[1]:
                    rows.append(tuple(cell.widget().text() for cell in cells))
        return rows

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self._place()
            self.show()
            self.raise_()
            self.setFocus()

    def _place(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        # The sheet follows the group's text size, but is read up close by the chair: when
        # large text would push it past the window, it sets itself smaller until it fits.
        for factor in _SHRINK_FACTORS:
            self._panel.setStyleSheet(_sheet_style(factor))
            self._panel.layout().invalidate()  # its size hint was worked out in the old sizes
            hint = self._panel.sizeHint()
            if hint.width() <= self.width() and hint.height() <= self.height():
                break
        self._panel.adjustSize()
        size = self._panel.sizeHint().boundedTo(self.size())
        self._panel.setGeometry((self.width() - size.width()) // 2,
                                (self.height() - size.height()) // 2,
                                size.width(), size.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Question):
            self.hide()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.hide()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        shade = QColor(theme.colors().text)
        shade.setAlpha(90)
        painter.fillRect(self.rect(), shade)
        painter.end()
