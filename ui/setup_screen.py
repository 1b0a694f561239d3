"""First-run set-up: the group's name, program, meeting type, day, start time and length.

Seven questions on one calm page, each with a sensible default, so that a new
chair can press Enter and be ready. The same screen reopens from "Group
settings…" to change them later. It builds a `GroupSettings` and announces it
with `saved`; the main window writes it to the store.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.model import DESIGNATIONS, WEEKDAYS, GroupSettings


class SetupScreen(QWidget):
    """The group's settings form. Enter in any line saves."""

    saved = Signal(object)

    def __init__(self, library, settings: GroupSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self._base = settings or GroupSettings()
        first_run = settings is None
        heading = QLabel("Welcome to Facilitator" if first_run else "Group settings")
        heading.setProperty("role", "heading")
        intro = QLabel(
            "Tell Facilitator about your meeting. You can change any of this later from "
            "Group ▸ Group settings. Nothing about any person is ever saved."
            if first_run else "Changes are saved for the group when you press Save.")
        intro.setProperty("role", "muted")
        intro.setWordWrap(True)

        self.name_edit = QLineEdit(self._base.name)
        self.name_edit.setAccessibleName("Group name")
        self.name_edit.setPlaceholderText("e.g. Tuesday Night Hope Group")
        self.program_combo = QComboBox()
        self.program_combo.setAccessibleName("Program")
        for program in library.programs.values():
            self.program_combo.addItem(f"{program.name} ({program.short})", program.id)
        self.program_combo.setCurrentIndex(max(0, self.program_combo.findData(self._base.program)))

        self.open_radio = QRadioButton("Open: anyone may attend")
        self.open_radio.setAccessibleName("Open meeting")
        self.closed_radio = QRadioButton("Closed: members only")
        self.closed_radio.setAccessibleName("Closed meeting")
        type_group = QButtonGroup(self)
        type_group.addButton(self.open_radio)
        type_group.addButton(self.closed_radio)
        (self.closed_radio if self._base.meeting_type == "closed" else self.open_radio) \
            .setChecked(True)
        type_row = QHBoxLayout()
        type_row.setSpacing(28)
        type_row.addWidget(self.open_radio)
        type_row.addWidget(self.closed_radio)
        type_row.addStretch(1)

        self.designation_list = QListWidget()
        self.designation_list.setAccessibleName("Designations")
        self.designation_list.setMinimumHeight(110)
        self.designation_list.setMaximumHeight(160)
        for code, label in DESIGNATIONS.items():
            if code in ("O", "C"):
                continue
            item = QListWidgetItem(f"{label} ({code})")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in self._base.designations
                               else Qt.CheckState.Unchecked)
            self.designation_list.addItem(item)

        self.weekday_combo = QComboBox()
        self.weekday_combo.setAccessibleName("Weekday")
        for day in WEEKDAYS:
            self.weekday_combo.addItem(day.capitalize(), day)
        self.weekday_combo.setCurrentIndex(max(0, self.weekday_combo.findData(self._base.weekday)))
        self.start_edit = QTimeEdit(QTime.fromString(self._base.start, "HH:mm"))
        self.start_edit.setDisplayFormat("HH:mm")
        self.start_edit.setAccessibleName("Start time")
        self.length_spin = QSpinBox()
        self.length_spin.setRange(10, 300)
        self.length_spin.setSingleStep(5)
        self.length_spin.setSuffix(" minutes")
        self.length_spin.setValue(self._base.length)
        self.length_spin.setAccessibleName("Meeting length in minutes")

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(10)
        form.addRow("Group name", self.name_edit)
        form.addRow("Program", self.program_combo)
        form.addRow("Meeting", type_row)
        form.addRow("Designations", self.designation_list)
        form.addRow("Day", self.weekday_combo)
        form.addRow("Starts at", self.start_edit)
        form.addRow("Length", self.length_spin)

        self.save_button = QPushButton("Save and continue" if first_run else "Save")
        self.save_button.setProperty("role", "primary")
        self.save_button.setAccessibleName("Save group settings")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        page = QWidget()
        page.setObjectName("screen")
        page.setMaximumWidth(760)
        column = QVBoxLayout(page)
        column.setContentsMargins(32, 24, 32, 24)
        column.setSpacing(14)
        column.addWidget(heading)
        column.addWidget(intro)
        column.addLayout(form)
        column.addLayout(buttons)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        holder = QWidget()
        holder.setObjectName("screen")
        centre = QHBoxLayout(holder)
        centre.addStretch(1)
        centre.addWidget(page, 4)
        centre.addStretch(1)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setFocusProxy(self.name_edit)

    def settings(self) -> GroupSettings:
        designations = tuple(
            self.designation_list.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.designation_list.count())
            if self.designation_list.item(n).checkState() == Qt.CheckState.Checked)
        return replace(
            self._base,
            name=self.name_edit.text().strip(),
            program=self.program_combo.currentData(),
            meeting_type="closed" if self.closed_radio.isChecked() else "open",
            designations=designations,
            weekday=self.weekday_combo.currentData(),
            start=self.start_edit.time().toString("HH:mm"),
            length=self.length_spin.value(),
        )

    @Slot()
    def save(self) -> None:
        self.saved.emit(self.settings())

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # The fields pass on the Enter they do not use (a line, a box, a list, a choice),
        # so it arrives here from any of them. The Save button takes its own.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            self.save()
            return
        super().keyPressEvent(event)
