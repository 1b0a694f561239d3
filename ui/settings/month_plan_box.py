"""The group's month: which format runs on which week, how step meetings pick their step,
and where the literature meeting has got to in the group's book.

Many groups vary the meeting through the month ("a step meeting on the first
Tuesday, a speaker on the last, a discussion otherwise"). This box edits the
settings the planner reads for that: the usual format, one choice for each week
of the month, the step choice and the bookmark. It only shows and reads values;
the settings dialog saves them through `GroupSettings.from_dict` like the rest.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.content import Library
from facilitator.model import WEEKS_OF_MONTH, Bookmark, GroupSettings
from ui.labels import buddy_label

USUAL = ""  # the combo's data for "the usual format" on a week with no choice of its own
STEP_CHOICES = (
    ("month", "The step of the month (Step 1 in January, Step 12 in December)"),
    ("next", "The step after the last step meeting"),
)


class MonthPlanBox(QWidget):
    """Edits the schedule, the usual format, the step choice and the literature bookmark."""

    def __init__(self, library: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.usual_combo = self._format_combo("Usual format")
        self.week_combos: dict[str, QComboBox] = {}
        self.week_labels: dict[str, QLabel] = {}

        schedule_box = QGroupBox("Which meeting, which week")
        schedule_form = QFormLayout(schedule_box)
        hint = QLabel("Tonight's screen starts from this choice; the chair can still pick "
                      "another format on the night.")
        hint.setWordWrap(True)
        schedule_form.addRow(hint)
        schedule_form.addRow(buddy_label("Usual &format:", self.usual_combo), self.usual_combo)
        for week in WEEKS_OF_MONTH:
            combo = self._format_combo(f"Format on the {week} meeting of the month",
                                       usual=True)
            label = buddy_label("", combo)
            self.week_combos[week] = combo
            self.week_labels[week] = label
            schedule_form.addRow(label, combo)

        self.step_combo = QComboBox()
        self.step_combo.setAccessibleName("Step meetings study")
        for value, text in STEP_CHOICES:
            self.step_combo.addItem(text, value)
        self.book_edit = QLineEdit()
        self.book_edit.setAccessibleName("Literature meeting's book")
        self.book_edit.setPlaceholderText("The group's book, e.g. its basic text")
        self.section_edit = QLineEdit()
        self.section_edit.setAccessibleName("Chapter or section reached")
        self.section_edit.setPlaceholderText("Chapter or section")
        self.page_spin = QSpinBox()
        self.page_spin.setRange(0, 9999)
        self.page_spin.setSpecialValueText("(no page)")
        self.page_spin.setAccessibleName("Page reached")
        study_box = QGroupBox("Step and literature meetings")
        study_form = QFormLayout(study_box)
        study_form.addRow(buddy_label("&Step meetings study:", self.step_combo), self.step_combo)
        study_form.addRow(buddy_label("&Book:", self.book_edit), self.book_edit)
        study_form.addRow(buddy_label("Sect&ion:", self.section_edit), self.section_edit)
        study_form.addRow(buddy_label("P&age:", self.page_spin), self.page_spin)

        # A readable column, not fields stretched across a wide dialog.
        column = QVBoxLayout()
        column.addWidget(schedule_box)
        column.addWidget(study_box)
        column.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(column, 3)
        layout.addStretch(2)
        self.set_weekday("tuesday")

    def _format_combo(self, accessible_name: str, usual: bool = False) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(accessible_name)
        if usual:
            combo.addItem("The usual format", USUAL)
        for fmt in self.library.formats.values():
            mark = " (the group's)" if fmt.id in self.library.own_formats else ""
            combo.addItem(f"{fmt.name}{mark}", fmt.id)
        return combo

    def set_weekday(self, weekday: str) -> None:
        """Label the weeks with the group's day: "1st Tuesday", ..., "Last Tuesday"."""
        day = weekday.capitalize()
        for week, label in self.week_labels.items():
            label.setText(f"{'Last' if week == 'last' else week} {day}:")

    def show_settings(self, settings: GroupSettings) -> None:
        self.set_weekday(settings.weekday)
        _select(self.usual_combo, settings.default_format)
        for week, combo in self.week_combos.items():
            _select(combo, settings.schedule.get(week, USUAL))
        _select(self.step_combo, settings.step_choice)
        self.book_edit.setText(settings.bookmark.title)
        self.section_edit.setText(settings.bookmark.section)
        self.page_spin.setValue(settings.bookmark.page)

    def settings_data(self) -> dict:
        """The fields as GroupSettings keys, ready for `GroupSettings.from_dict`."""
        schedule = {week: combo.currentData() for week, combo in self.week_combos.items()
                    if combo.currentData() != USUAL}
        bookmark = Bookmark(self.book_edit.text().strip(), self.section_edit.text().strip(),
                            self.page_spin.value())
        return {
            "default_format": self.usual_combo.currentData(),
            "schedule": schedule,
            "step_choice": self.step_combo.currentData(),
            "bookmark": {"title": bookmark.title, "section": bookmark.section,
                         "page": bookmark.page},
        }


def _select(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index < 0 and value:
        # A format that is no longer there (deleted since): say so rather than hide it.
        combo.addItem(f"{value} (missing)", value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(0, index))
