"""The few questions the editors ask, each in one small method a test can replace.

Every editor and dialog in `ui.editors`, `ui.settings` and `ui.printing` mixes
this in, so that no modal dialog can block a headless test: a test assigns a
plain function to `show_message`, `ask_text`, `choose_open_path` and the rest.
An editor with unsaved changes mixes in `AsksBeforeClosing` instead, which also
puts its closing through its `confirm_leave` question.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from facilitator.problems import FacilitatorError


def _parent(asker) -> QWidget | None:
    """The window a question belongs to: the asker itself, or the widget it works for."""
    return asker if isinstance(asker, QWidget) else getattr(asker, "parent_widget", None)


class Asks:
    """Mixin: messages, questions and file choosers, one method each.

    Mixed into a QWidget, questions are parented to it; any other class may set
    `parent_widget` instead.
    """

    def show_message(self, title: str, text: str) -> None:
        QMessageBox.information(_parent(self), title, text)

    def show_problem(self, title: str, text: str) -> None:
        QMessageBox.warning(_parent(self), title, text)

    def ask_yes_no(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(_parent(self), title, text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_save_discard_cancel(self, title: str, text: str) -> str:
        """"save", "discard" or "cancel"."""
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        answer = QMessageBox.question(_parent(self), title, text, buttons)
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(answer, "cancel")

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(_parent(self), title, label, text=text)
        return value if ok else None

    def ask_item(self, title: str, label: str, items: list[str]) -> int | None:
        """The index of the item the user picked, or None."""
        if not items:
            return None
        value, ok = QInputDialog.getItem(_parent(self), title, label, items, 0, False)
        return items.index(value) if ok and value in items else None

    def choose_open_path(self, title: str, file_filter: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(_parent(self), title, "", file_filter)
        return Path(name) if name else None

    def open_and_read(self, title: str, file_filter: str, read, failed_title: str):
        """Ask for a file and read it with `read(path)`. None if the user cancels, or after
        telling them in one message why the file could not be read."""
        path = self.choose_open_path(title, file_filter)
        if path is None:
            return None
        try:
            return read(path)
        except FacilitatorError as error:
            self.show_problem(failed_title, str(error))
            return None

    def choose_save_path(self, title: str, suggested: str,
                         file_filter: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(_parent(self), title, suggested, file_filter)
        return Path(name) if name else None


class AsksBeforeClosing(Asks):
    """Mixin for an editor dialog with a `confirm_leave()` question about unsaved changes.

    Closing it (the title bar, Close, Escape, quitting the app) asks first, and a
    Cancel keeps it open. List it before the Qt class, so that its `closeEvent`
    and `reject` are found before QDialog's.
    """

    def confirm_leave(self) -> bool:
        raise NotImplementedError

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.confirm_leave():
            event.accept()
        else:
            event.ignore()

    def reject(self) -> None:
        # Escape closes the window, through the same unsaved-changes question.
        self.close()
