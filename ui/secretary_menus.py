"""The secretary's menus on the main window: File (print, packs, Meeting Guide) and Group
(formats, readings, settings).

Each action opens one of the secretary's windows from `ui.editors`, `ui.settings`
or `ui.printing`, built with the window's store and library. The windows are not
modal, so the chair's window stays usable; each is opened once and raised if
asked for again. When one of them changes the group's content, the main window
drops its cached library and redraws tonight's screen.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ui.settings.group_packs import GroupPacks


class SecretaryMenus:
    """Builds the File and Group menus for a MainWindow and opens the secretary's windows."""

    def __init__(self, window):
        self.window = window
        self.open_windows: dict[str, QWidget] = {}
        self.actions: list = []

    @functools.cached_property
    def packs(self) -> GroupPacks:
        # Made on first use: the pack code (and the content loader under it) is not
        # needed before the main window's first paint.
        from ui.settings.group_packs import GroupPacks

        return GroupPacks(self.window.store, self.window, changed=self.content_changed)

    def add_file_menu(self, bar, action) -> None:
        menu = bar.addMenu("&File")
        for text, keys, slot, name in (
                ("&Print…", "Ctrl+P", self.open_print, "print"),
                ("&Export group…", "Ctrl+Shift+E", self.export_group, "export_group"),
                ("&Import group…", "Ctrl+Shift+I", self.import_group, "import_group"),
                ("Import meeting from Meeting &Guide file…", "Ctrl+Shift+G",
                 self.import_meeting_guide, "import_meeting_guide")):
            self.actions.append(action(menu, text, keys, slot, name))

    def add_group_menu(self, bar, action) -> None:
        menu = bar.addMenu("&Group")
        for text, keys, slot, name in (
                ("&Formats…", "Ctrl+Shift+M", self.open_formats, "formats"),
                ("&Readings…", "Ctrl+Shift+R", self.open_readings, "readings"),
                ("&Group settings…", "Ctrl+,", self.open_group_settings, "settings")):
            self.actions.append(action(menu, text, keys, slot, name))

    def set_enabled(self, enabled: bool) -> None:
        """The secretary's windows all work on the group's data: they wait for the store."""
        for menu_action in self.actions:
            menu_action.setEnabled(enabled)

    # Opening the windows -----------------------------------------------------------------

    def _show(self, name: str, build) -> QWidget:
        widget = self.open_windows.get(name)
        if widget is None or not widget.isVisible():
            widget = build()
            widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            widget.destroyed.connect(lambda _=None, n=name: self.open_windows.pop(n, None))
            self.open_windows[name] = widget
        widget.show()
        widget.raise_()
        widget.activateWindow()
        return widget

    def open_formats(self):
        from ui.editors.format_editor import FormatEditor

        def build():
            editor = FormatEditor(self.window.store, group=self.window.group(),
                                  parent=self.window)
            editor.setWindowFlag(Qt.WindowType.Window)
            editor.formats_changed.connect(self.content_changed)
            return editor
        return self._show("formats", build)

    def open_readings(self):
        from ui.editors.reading_library import ReadingLibrary

        def build():
            library = ReadingLibrary(self.window.store, group=self.window.group(),
                                     parent=self.window)
            library.setWindowFlag(Qt.WindowType.Window)
            library.readings_changed.connect(self.content_changed)
            return library
        return self._show("readings", build)

    def open_group_settings(self):
        if self.window.group() is None:
            # Before the first set-up there is nothing to edit: the set-up screen asks.
            self.window.show_setup(first_run=True)
            return None
        from ui.settings.group_settings_dialog import GroupSettingsDialog

        def build():
            dialog = GroupSettingsDialog(self.window.store, parent=self.window)
            dialog.settings_saved.connect(self.settings_saved)
            return dialog
        return self._show("settings", build)

    def open_print(self):
        from ui.printing.print_dialog import PrintDialog

        def build():
            # Print what the chair has picked for tonight, if the tonight screen is up.
            tonight = self.window.tonight_screen
            fmt = tonight.current_format() if tonight is not None else None
            dialog = PrintDialog(self.window.store, group=self.window.group(),
                                 format_id=fmt.id if fmt else "", parent=self.window)
            dialog.setWindowFlag(Qt.WindowType.Window)
            return dialog
        return self._show("print", build)

    def import_meeting_guide(self):
        dialog = self.open_group_settings()
        if dialog is not None:
            dialog.import_meeting_guide()
        return dialog

    def export_group(self):
        return self.packs.export_group()

    def import_group(self):
        return self.packs.import_group()

    # After a change ------------------------------------------------------------------------

    def content_changed(self) -> None:
        """The group's formats, readings or settings changed: redraw what shows them."""
        window = self.window
        window._library = None
        # An open format editor learns of new readings (for its picker and its checks),
        # and an open reading library of formats that now use a reading.
        editor = self.open_windows.get("formats")
        if editor is not None:
            editor.refresh_format_list()
        readings = self.open_windows.get("readings")
        if readings is not None:
            readings.library = window.store.library()
        if window.console is None and window.tonight_screen is not None \
                and window.stack.currentWidget() is window.tonight_screen:
            window.show_tonight()

    def settings_saved(self, _settings) -> None:
        self.window.apply_look()
        self.content_changed()
        self.window.show_notice("Group settings saved.")
