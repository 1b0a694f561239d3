"""The form for the selected segment: kind, title, cue, minutes, reading, shares and speakers.

It shows one segment's dict and reports each edit the user makes as
`field_edited(key, value)`; it never changes the draft itself, so that every edit
becomes an undo command in the format editor. Fields that do not apply to the
segment's kind are hidden: share minutes belong to sharing segments, count and
minutes each to speakers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from facilitator.model import DEFAULT_READING_FOR_KIND, SEGMENT_KINDS, SEGMENT_TITLES, SHARING_KINDS
from ui.editors.colors import problem_style
from ui.editors.format_draft import clean_number

KIND_LABELS = {kind: SEGMENT_TITLES[kind] for kind in SEGMENT_KINDS}
KIND_LABELS.update({"reading": "Reading aloud", "topic": "Topic discussion",
                    "custom": "Something else"})


class MinutesSpin(QDoubleSpinBox):
    """Minutes in halves, shown as "20 min" or "2.5 min" rather than "20.0 min"."""

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt's name
        return f"{value:g}"


def minutes_spin(maximum: float, name: str, step: float = 0.5) -> QDoubleSpinBox:
    spin = MinutesSpin()
    spin.setRange(0, maximum)
    spin.setDecimals(1)
    spin.setSingleStep(step)
    spin.setSuffix(" min")
    spin.setAccessibleName(name)
    spin.setKeyboardTracking(True)
    return spin


class SegmentForm(QWidget):
    """Edits one segment. Emits what the user changed; shows what the draft holds."""

    field_edited = Signal(str, object)     # key, new value (None clears the field)
    kind_chosen = Signal(str)
    reading_choice_requested = Signal()

    def __init__(self, reading_label, parent: QWidget | None = None):
        super().__init__(parent)
        self.reading_label = reading_label  # reading id -> the words shown for it
        self._segment: dict = {}

        self.kind = QComboBox()
        self.kind.setAccessibleName("Segment kind")
        for kind in SEGMENT_KINDS:
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.title = QLineEdit()
        self.title.setAccessibleName("Segment title")
        self.note = QLineEdit()
        self.note.setAccessibleName("Cue for the chair")
        self.note.setPlaceholderText("A short cue for the chair, such as “Ask a volunteer”")
        self.minutes = minutes_spin(300, "Segment minutes")
        self.reading = QLabel()
        self.reading.setWordWrap(True)
        self.reading.setAccessibleName("Segment reading")
        self.choose_reading = QPushButton("Choose…")
        self.choose_reading.setAccessibleName("Choose the reading")
        self.default_reading = QPushButton("Use the default")
        self.default_reading.setAccessibleName("Use the kind's default reading")
        self.share_minutes = minutes_spin(60, "Minutes per share")
        self.share_minutes.setSpecialValueText("The group's usual length")
        self.count = QSpinBox()
        self.count.setRange(1, 3)
        self.count.setAccessibleName("Number of speakers")
        self.minutes_each = minutes_spin(120, "Minutes for each speaker", step=1)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setObjectName("segmentProblems")
        self.problems.setStyleSheet(problem_style())
        self.problems.setAccessibleName("Problems with this segment")

        reading_row = QHBoxLayout()
        reading_row.addWidget(self.reading, 1)
        reading_row.addWidget(self.choose_reading)
        reading_row.addWidget(self.default_reading)
        speakers_row = QHBoxLayout()
        speakers_row.addWidget(self.count)
        speakers_row.addWidget(QLabel("speakers, each"))
        speakers_row.addWidget(self.minutes_each, 1)

        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow("&Kind:", self.kind)
        self.form.addRow("&Title:", self.title)
        self.form.addRow("C&ue:", self.note)
        self.form.addRow("&Minutes:", self.minutes)
        reading_label = QLabel("&Reading:")
        reading_label.setBuddy(self.choose_reading)
        self.form.addRow(reading_label, reading_row)
        self.form.addRow("&Share length:", self.share_minutes)
        speakers_label = QLabel("S&peakers:")
        speakers_label.setBuddy(self.count)
        self.form.addRow(speakers_label, speakers_row)
        self.form.addRow(self.problems)

        self.kind.activated.connect(self._kind_activated)
        self.title.textEdited.connect(lambda text: self.field_edited.emit("title", text))
        self.note.textEdited.connect(lambda text: self.field_edited.emit("note", text))
        self.minutes.valueChanged.connect(
            lambda value: self.field_edited.emit("minutes", clean_number(value)))
        self.share_minutes.valueChanged.connect(
            lambda value: self.field_edited.emit("share_minutes",
                                                 clean_number(value) if value else None))
        self.count.valueChanged.connect(lambda value: self.field_edited.emit("count", value))
        self.minutes_each.valueChanged.connect(
            lambda value: self.field_edited.emit("minutes_each", clean_number(value)))
        self.choose_reading.clicked.connect(self.reading_choice_requested)
        self.default_reading.clicked.connect(lambda: self.field_edited.emit("reading", None))
        self.show_segment(None, [])

    @Slot(int)
    def _kind_activated(self, index: int) -> None:
        kind = self.kind.itemData(index)
        if kind != self._segment.get("kind"):
            self.kind_chosen.emit(kind)

    def show_segment(self, segment: dict | None, problems: list[str]) -> None:
        """Show a segment's values without reporting them as edits."""
        self._segment = dict(segment or {})
        self.setEnabled(segment is not None)
        seg = self._segment
        kind = seg.get("kind", "custom")
        widgets = (self.kind, self.title, self.note, self.minutes, self.share_minutes,
                   self.count, self.minutes_each)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
            _set_text(self.title, seg.get("title", ""))
            self.title.setPlaceholderText(SEGMENT_TITLES.get(kind, ""))
            _set_text(self.note, seg.get("note", ""))
            self.minutes.setValue(_number(seg.get("minutes")))
            self.share_minutes.setValue(_number(seg.get("share_minutes")))
            self.count.setValue(int(_number(seg.get("count"), 1)))
            self.minutes_each.setValue(_number(seg.get("minutes_each")))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        reading = seg.get("reading", "")
        default = DEFAULT_READING_FOR_KIND.get(kind, "")
        if reading:
            self.reading.setText(self.reading_label(reading))
        elif default:
            self.reading.setText(f"{self.reading_label(default)} (the default)")
        elif kind == "reading":
            self.reading.setText("None chosen yet")
        else:
            self.reading.setText("None")
        self.default_reading.setVisible(bool(reading) and kind != "reading")
        self.form.setRowVisible(5, kind in SHARING_KINDS)
        self.form.setRowVisible(6, kind == "speaker")
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))


def _set_text(edit: QLineEdit, text: str) -> None:
    # Only when it differs, so that the cursor does not jump while the user types.
    if edit.text() != text:
        edit.setText(text)


def _number(value: Any, default: float = 0) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return default


