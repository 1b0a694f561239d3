"""The set-up screen: Enter in any of its fields saves, once."""

from __future__ import annotations

from PySide6.QtCore import Qt

from facilitator.model import GroupSettings
from facilitator.store import Store
from ui.setup_screen import SetupScreen


def test_enter_in_any_field_saves_the_settings_once(qtbot, data_dir):
    with Store.open(data_dir) as store:
        screen = SetupScreen(store.library(), GroupSettings(name="Hope Group"))
    qtbot.addWidget(screen)
    screen.resize(1000, 700)
    screen.show()
    qtbot.waitExposed(screen)
    saved = []
    screen.saved.connect(saved.append)
    fields = [screen.name_edit, screen.program_combo, screen.open_radio,
              screen.designation_list, screen.weekday_combo, screen.start_edit,
              screen.length_spin, screen.save_button]
    for field in fields:
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert len(saved) == 1, field.accessibleName()
        saved.clear()
    qtbot.keyClick(screen.length_spin, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert [s.name for s in saved] == ["Hope Group"]
