"""Group settings: everything the store's group table holds, on one page.

Name, program and the slot words the group prefers (with a preview of a reading
in those words); open or closed and the Meeting Guide designations; the day,
start time and length; share minutes and the warning before time is up; the
chime's volume and mute; theme and text size. A second tab holds the group's
month: which format runs on which week, how step meetings pick their step, and
the literature bookmark. The fields can also be filled
from a Meeting Guide JSON file. Nothing is written until Save, and then only
through `GroupSettings.from_dict`, the same rules every other path uses.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.content import Library
from facilitator.meeting_guide import GuideMeeting, read_feed
from facilitator.model import DESIGNATIONS, THEMES, WEEKDAYS, GroupSettings
from facilitator.problems import ContentError, FacilitatorError
from facilitator.store import Store
from ui.editors.colors import problem_style
from ui.editors.dialogs import Asks
from ui.editors.segment_form import MinutesSpin
from ui.labels import buddy_label
from ui.settings.meeting_guide_import import choose_meeting
from ui.settings.month_plan_box import MonthPlanBox

THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark",
                "high-contrast": "High contrast"}
PREVIEW_READINGS = ("closed-meeting", "welcome", "twelve-steps")


class GroupSettingsDialog(QDialog, Asks):
    """Edit the group's settings. `settings_saved` carries the new GroupSettings."""

    settings_saved = Signal(object)

    def __init__(self, store: Store, library: Library | None = None,
                 settings: GroupSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.library = library or store.library()
        self._base = settings or store.group() or GroupSettings()
        self._showing = False
        self.setWindowTitle("Group settings")
        self.resize(1320, 720)
        self._build()
        self.show_settings(self._base)

    # Building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Group name")
        self.name_edit.setPlaceholderText("e.g. Tuesday Night Hope Group")
        self.program_combo = QComboBox()
        self.program_combo.setAccessibleName("Program")
        # Long fellowship names would otherwise set the width of the whole column.
        self.program_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.program_combo.setMinimumContentsLength(18)
        for program in self.library.programs.values():
            self.program_combo.addItem(f"{program.name} ({program.short})", program.id)
        self.open_radio = QRadioButton("&Open: anyone may attend")
        self.closed_radio = QRadioButton("C&losed: members only")
        self.type_group = QButtonGroup(self)
        self.type_group.addButton(self.open_radio)
        self.type_group.addButton(self.closed_radio)
        type_row = QVBoxLayout()
        type_row.addWidget(self.open_radio)
        type_row.addWidget(self.closed_radio)
        self.designation_list = QListWidget()
        self.designation_list.setAccessibleName("Designations (Meeting Guide type codes)")
        for code, label in DESIGNATIONS.items():
            if code in ("O", "C"):
                continue
            item = QListWidgetItem(f"{label}  ({code})")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.designation_list.addItem(item)
        self.type_label = QLabel()
        self.type_label.setAccessibleName("Meeting type as printed")
        self.import_button = QPushButton("Fill in from a &Meeting Guide file…")
        self.import_button.setToolTip("A meeting list's JSON feed (12 Step Meeting List, "
                                      "Meeting Guide app). Contact details are not read.")
        group_box = QGroupBox("The group")
        group_form = QFormLayout(group_box)
        group_form.addRow(buddy_label("&Name:", self.name_edit), self.name_edit)
        group_form.addRow(buddy_label("&Program:", self.program_combo), self.program_combo)
        group_form.addRow("Meeting:", type_row)
        group_form.addRow(buddy_label("&Designations:", self.designation_list),
                          self.designation_list)
        group_form.addRow("Printed as:", self.type_label)
        group_form.addRow(self.import_button)

        self.weekday_combo = QComboBox()
        self.weekday_combo.setAccessibleName("Day of the week")
        for day in WEEKDAYS:
            self.weekday_combo.addItem(day.capitalize(), day)
        self.start_edit = QTimeEdit()
        self.start_edit.setDisplayFormat("HH:mm")
        self.start_edit.setAccessibleName("Start time")
        self.length_spin = QSpinBox()
        self.length_spin.setRange(10, 300)
        self.length_spin.setSingleStep(15)
        self.length_spin.setSuffix(" min")
        self.length_spin.setAccessibleName("Meeting length")
        self.share_spin = MinutesSpin()
        self.share_spin.setRange(0.5, 30)
        self.share_spin.setSingleStep(0.5)
        self.share_spin.setDecimals(1)
        self.share_spin.setSuffix(" min")
        self.share_spin.setAccessibleName("Minutes per share")
        self.warning_spin = QSpinBox()
        self.warning_spin.setRange(0, 600)
        self.warning_spin.setSingleStep(15)
        self.warning_spin.setSuffix(" s")
        self.warning_spin.setSpecialValueText("No warning")
        self.warning_spin.setAccessibleName("Warning before time is up, in seconds")
        when_box = QGroupBox("When")
        when_form = QFormLayout(when_box)
        when_form.addRow(buddy_label("Da&y:", self.weekday_combo), self.weekday_combo)
        when_form.addRow(buddy_label("S&tarts at:", self.start_edit), self.start_edit)
        when_form.addRow(buddy_label("Len&gth:", self.length_spin), self.length_spin)
        when_form.addRow(buddy_label("Each s&hare:", self.share_spin), self.share_spin)
        when_form.addRow(buddy_label("Warn &before the end:", self.warning_spin),
                          self.warning_spin)

        self.volume_slider = QSlider(Qt.Orientation.Horizontal)
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setAccessibleName("Chime volume")
        self.volume_label = QLabel()
        self.mute_check = QCheckBox("M&ute the chime")
        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName("Theme")
        for name in THEMES:
            self.theme_combo.addItem(THEME_LABELS.get(name, name), name)
        self.scale_spin = QSpinBox()
        self.scale_spin.setRange(50, 300)
        self.scale_spin.setSingleStep(10)
        self.scale_spin.setSuffix(" %")
        self.scale_spin.setAccessibleName("Text size")
        volume_row = QHBoxLayout()
        volume_row.addWidget(self.volume_slider, 1)
        volume_row.addWidget(self.volume_label)
        looks_box = QGroupBox("Sound and looks")
        looks_form = QFormLayout(looks_box)
        looks_form.addRow(buddy_label("&Volume:", self.volume_slider), volume_row)
        looks_form.addRow("", self.mute_check)
        looks_form.addRow(buddy_label("Th&eme:", self.theme_combo), self.theme_combo)
        looks_form.addRow(buddy_label("Te&xt size:", self.scale_spin), self.scale_spin)

        self.words_table = QTableWidget(0, 3)
        self.words_table.setAccessibleName("Slot words")
        self.words_table.setHorizontalHeaderLabels(["Slot", "Program's word", "Our word"])
        self.words_table.verticalHeader().setVisible(False)
        self.words_table.setWordWrap(True)
        self.words_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.words_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.words_table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.preview_combo = QComboBox()
        self.preview_combo.setAccessibleName("Reading to preview")
        for reading_id in PREVIEW_READINGS:
            if reading_id in self.library.readings:
                self.preview_combo.addItem(self.library.readings[reading_id].title, reading_id)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Preview in the group's words")
        words_box = QGroupBox("Words")
        words_box.setMinimumWidth(440)
        words_layout = QVBoxLayout(words_box)
        hint = QLabel("Readings say [fellowship], [addicts] and so on; the program fills them. "
                      "Type your group's own word to use it instead; leave it empty to keep "
                      "the program's.")
        hint.setWordWrap(True)
        words_layout.addWidget(hint)
        words_layout.addWidget(self.words_table, 2)
        preview_row = QHBoxLayout()
        preview_row.addWidget(buddy_label("Previe&w:", self.preview_combo))
        preview_row.addWidget(self.preview_combo, 1)
        words_layout.addLayout(preview_row)
        words_layout.addWidget(self.preview, 3)

        self.problems = QLabel()
        self.problems.setObjectName("settingsProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(problem_style())
        self.problems.hide()
        self.save_button = QPushButton("Save")
        self.save_button.setDefault(True)
        self.save_button.setMinimumWidth(120)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setMinimumWidth(120)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problems, 1)
        bottom.addStretch(0)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.cancel_button)

        middle = QVBoxLayout()
        middle.addWidget(when_box)
        middle.addWidget(looks_box)
        middle.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(group_box, 0, 0)
        grid.addLayout(middle, 0, 1)
        grid.addWidget(words_box, 0, 2)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 4)
        grid.setColumnStretch(2, 6)
        group_page = QWidget()
        group_page.setLayout(grid)
        self.month_plan = MonthPlanBox(self.library)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Settings pages")
        self.tabs.addTab(group_page, "The g&roup")
        self.tabs.addTab(self.month_plan, "Ea&ch month")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.weekday_combo.currentIndexChanged.connect(
            lambda: self.month_plan.set_weekday(self.weekday_combo.currentData()))

        self.program_combo.currentIndexChanged.connect(self._program_changed)
        self.words_table.itemChanged.connect(self._words_edited)
        self.preview_combo.currentIndexChanged.connect(self._update_preview)
        self.type_group.buttonToggled.connect(self._update_type_label)
        self.designation_list.itemChanged.connect(self._update_type_label)
        self.volume_slider.valueChanged.connect(
            lambda v: self.volume_label.setText(f"{v} %"))
        self.mute_check.toggled.connect(lambda muted: self.volume_slider.setEnabled(not muted))
        self.import_button.clicked.connect(self.import_meeting_guide)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)

    # Showing and reading the fields -----------------------------------------------------

    def show_settings(self, settings: GroupSettings) -> None:
        self._showing = True
        self._base = settings
        self.name_edit.setText(settings.name)
        self.program_combo.setCurrentIndex(max(0, self.program_combo.findData(settings.program)))
        (self.closed_radio if settings.meeting_type == "closed" else self.open_radio) \
            .setChecked(True)
        for n in range(self.designation_list.count()):
            item = self.designation_list.item(n)
            checked = item.data(Qt.ItemDataRole.UserRole) in settings.designations
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.weekday_combo.setCurrentIndex(max(0, self.weekday_combo.findData(settings.weekday)))
        self.start_edit.setTime(QTime.fromString(settings.start, "HH:mm"))
        self.length_spin.setValue(settings.length)
        self.share_spin.setValue(float(settings.share_minutes))
        self.warning_spin.setValue(settings.warning_seconds)
        self.volume_slider.setValue(settings.volume)
        self.volume_label.setText(f"{settings.volume} %")
        self.mute_check.setChecked(settings.muted)
        self.volume_slider.setEnabled(not settings.muted)
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(settings.theme)))
        self.scale_spin.setValue(settings.text_scale)
        self._fill_words(settings.words)
        self.month_plan.show_settings(settings)
        self._showing = False
        self._update_type_label()
        self._update_preview()

    def _fill_words(self, overrides: dict[str, str]) -> None:
        program = self.library.programs.get(self.program_combo.currentData())
        slots = sorted(self.library.slots | set(overrides))
        self.words_table.blockSignals(True)
        self.words_table.setRowCount(len(slots))
        for row, slot in enumerate(slots):
            slot_item = QTableWidgetItem(f"[{slot}]")
            slot_item.setData(Qt.ItemDataRole.UserRole, slot)
            slot_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            word_item = QTableWidgetItem(program.words.get(slot, "") if program else "")
            word_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            own_item = QTableWidgetItem(overrides.get(slot, ""))
            self.words_table.setItem(row, 0, slot_item)
            self.words_table.setItem(row, 1, word_item)
            self.words_table.setItem(row, 2, own_item)
        self.words_table.blockSignals(False)

    def overrides(self) -> dict[str, str]:
        """The group's own words: only those typed, and only where they differ."""
        program = self.library.programs.get(self.program_combo.currentData())
        words = {}
        for row in range(self.words_table.rowCount()):
            slot = self.words_table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            own = (self.words_table.item(row, 2).text() or "").strip()
            if own and (program is None or program.words.get(slot) != own):
                words[slot] = own
        return words

    def set_override(self, slot: str, word: str) -> None:
        """Type a word for a slot, as the user does in the table."""
        for row in range(self.words_table.rowCount()):
            if self.words_table.item(row, 0).data(Qt.ItemDataRole.UserRole) == slot:
                self.words_table.item(row, 2).setText(word)

    def designations(self) -> tuple[str, ...]:
        return tuple(self.designation_list.item(n).data(Qt.ItemDataRole.UserRole)
                     for n in range(self.designation_list.count())
                     if self.designation_list.item(n).checkState() == Qt.CheckState.Checked)

    def settings_data(self) -> dict:
        data = self._base.to_dict()
        data.update(
            name=self.name_edit.text().strip(),
            program=self.program_combo.currentData(),
            meeting_type="closed" if self.closed_radio.isChecked() else "open",
            designations=list(self.designations()),
            weekday=self.weekday_combo.currentData(),
            start=self.start_edit.time().toString("HH:mm"),
            length=self.length_spin.value(),
            share_minutes=_clean(self.share_spin.value()),
            warning_seconds=self.warning_spin.value(),
            words=self.overrides(),
            volume=self.volume_slider.value(),
            muted=self.mute_check.isChecked(),
            theme=self.theme_combo.currentData(),
            text_scale=self.scale_spin.value(),
            **self.month_plan.settings_data(),
        )
        return data

    @Slot()
    def _program_changed(self) -> None:
        if not self._showing:
            self._fill_words(self.overrides())
            self._update_preview()

    @Slot()
    def _words_edited(self) -> None:
        if not self._showing:
            self._update_preview()

    @Slot()
    def _update_preview(self) -> None:
        reading_id = self.preview_combo.currentData()
        program = self.program_combo.currentData()
        if not reading_id or not program:
            self.preview.setPlainText("")
            return
        words = self.library.words(program, self.overrides())
        reading = self.library.readings[reading_id]
        self.preview.setPlainText(f"{reading.title}\n\n{reading.body(words)}")

    @Slot()
    def _update_type_label(self) -> None:
        if self._showing:
            return
        settings = replace(self._base, designations=self.designations(),
                           meeting_type="closed" if self.closed_radio.isChecked() else "open")
        self.type_label.setText(settings.meeting_type_label())

    # Meeting Guide ----------------------------------------------------------------------

    @Slot()
    def import_meeting_guide(self) -> None:
        """Fill the fields from one meeting of a Meeting Guide feed. Saved only on Save."""
        read = self.open_and_read("Fill in from a Meeting Guide file",
                                  "Meeting Guide feed (*.json);;All files (*)",
                                  lambda path: (path, read_feed(path)), "Nothing filled in")
        if read is None:
            return
        path, meetings = read
        index = self.choose_meeting(meetings, path.name)
        if index is None:
            return
        meeting: GuideMeeting = meetings[index]
        current = GroupSettings.from_dict(self.settings_data())
        self.show_settings(meeting.apply_to(current))
        self.problems.setText(f"Filled in from “{meeting.name}”. Check it, then press Save.")
        self.problems.setStyleSheet("color: palette(text);")
        self.problems.show()

    def choose_meeting(self, meetings: list[GuideMeeting], source_name: str) -> int | None:
        """Which meeting of the feed is the group's. Tests replace this method."""
        return choose_meeting(self, meetings, source_name)

    # Saving -----------------------------------------------------------------------------

    @Slot()
    def save(self) -> bool:
        try:
            settings = GroupSettings.from_dict(self.settings_data(), self.library.programs)
        except ContentError as error:
            self.problems.setStyleSheet(problem_style())
            self.problems.setText("\n".join(str(p) for p in error.problems))
            self.problems.show()
            return False
        try:
            self.store.save_group(settings)
        except FacilitatorError as error:
            self.show_problem("The settings are not saved", str(error))
            return False
        self._base = settings
        self.settings_saved.emit(settings)
        self.accept()
        return True


def _clean(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
