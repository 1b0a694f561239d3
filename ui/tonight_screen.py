"""Tonight: pick a format, make tonight's choice, and see the plan against the clock.

The format list shows the group's own formats first, then the built-ins, each
marked. Only the questions the chosen format needs are shown: the step for a
step study, a topic (suggested, "Another", or the chair's own) for a topic
discussion, the passage for a literature meeting, and the speakers (count,
minutes, optional first names) for a speaker meeting. First names go into the
plan in memory only; nothing on this screen writes them anywhere. The preview
is the real plan, rebuilt on every change, with a clock time for each segment.
"""

from __future__ import annotations

import html
import random

from PySide6.QtCore import Qt, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator import plan as planning
from facilitator.plan import TonightChoice
from facilitator.problems import FacilitatorError
from ui import theme


class TonightScreen(QWidget):
    """Choose tonight's format and details; `start_requested` carries the ready plan."""

    start_requested = Signal(object)

    def __init__(self, library, group, history, clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self._library = library
        self._group = group
        self._history = history
        self._clock = clock
        self._rng = random.Random()
        self._plan = None
        today = clock.now().date()
        self._date = today

        heading = QLabel("Tonight's meeting")
        heading.setProperty("role", "heading")
        self.group_label = QLabel(self._group_line())
        self.group_label.setProperty("role", "muted")
        self.group_label.setWordWrap(True)

        # The format list.
        formats_title = QLabel("Format")
        formats_title.setProperty("role", "subheading")
        self.format_list = QListWidget()
        self.format_list.setAccessibleName("Format")
        own = [f for f in library.formats.values() if f.id in library.own_formats]
        builtin = [f for f in library.formats.values() if f.id not in library.own_formats]
        for fmt in own + builtin:
            mark = "your group's" if fmt.id in library.own_formats else "built-in"
            item = QListWidgetItem(f"{fmt.name} · {fmt.total_minutes:g} min · {mark}")
            item.setData(Qt.ItemDataRole.UserRole, fmt.id)
            item.setToolTip(fmt.description)
            self.format_list.addItem(item)
        # Wide enough for every format's whole line: a clipped name is a stumble.
        self.format_list.setMinimumWidth(max(300, self.format_list.sizeHintForColumn(0) + 36))
        self.format_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.description_label = QLabel()
        self.description_label.setProperty("role", "muted")
        self.description_label.setWordWrap(True)

        # Tonight's choice.
        self.start_edit = QTimeEdit(self._default_start(clock.now()))
        self.start_edit.setDisplayFormat("HH:mm")
        self.start_edit.setAccessibleName("Start time")
        self.step_spin = QSpinBox()
        self.step_spin.setAccessibleName("Tonight's step")
        self.step_spin.setRange(1, 12)
        self.topic_edit = QLineEdit()
        self.topic_edit.setAccessibleName("Tonight's topic")
        self.topic_edit.setMinimumWidth(220)
        self.another_button = QPushButton("Another")
        self.another_button.setAccessibleName("Suggest another topic")
        self.own_topic_button = QPushButton("Type my own")
        self.own_topic_button.setAccessibleName("Type my own topic")
        topic_buttons = QHBoxLayout()
        topic_buttons.addWidget(self.another_button)
        topic_buttons.addWidget(self.own_topic_button)
        topic_buttons.addStretch(1)
        topic_row = QVBoxLayout()
        topic_row.setContentsMargins(0, 0, 0, 0)
        topic_row.addWidget(self.topic_edit)
        topic_row.addLayout(topic_buttons)
        self.topic_row = QWidget()
        self.topic_row.setLayout(topic_row)
        self.passage_edit = QLineEdit(group.bookmark.describe())
        self.passage_edit.setAccessibleName("Tonight's passage")
        self.passage_edit.setPlaceholderText("Book, chapter or page")
        self.speaker_count_spin = QSpinBox()
        self.speaker_count_spin.setRange(1, 3)
        self.speaker_count_spin.setAccessibleName("Number of speakers")
        self.speaker_minutes_spin = QDoubleSpinBox()
        self.speaker_minutes_spin.setRange(1, 90)
        self.speaker_minutes_spin.setDecimals(0)
        self.speaker_minutes_spin.setSuffix(" min each")
        self.speaker_minutes_spin.setAccessibleName("Minutes for each speaker")
        self.speaker_names_edit = QLineEdit()
        self.speaker_names_edit.setAccessibleName("Speakers' first names (not saved)")
        self.speaker_names_edit.setPlaceholderText("Optional first names, separated by commas."
                                                   " Never saved.")
        self.choice_form = QFormLayout()
        self.choice_form.setVerticalSpacing(10)
        self.choice_form.addRow("Starts at", self.start_edit)
        self.choice_form.addRow("Step", self.step_spin)
        self.choice_form.addRow("Topic", self.topic_row)
        self.choice_form.addRow("Passage", self.passage_edit)
        self.choice_form.addRow("Speakers", self.speaker_count_spin)
        self.choice_form.addRow("Speaking", self.speaker_minutes_spin)
        self.choice_form.addRow("First names", self.speaker_names_edit)

        self.preview = QTextBrowser()
        self.preview.setObjectName("planPreview")
        self.preview.setAccessibleName("Tonight's plan")
        self.preview.setMinimumWidth(300)
        self.start_button = QPushButton("Start the meeting")
        self.start_button.setProperty("role", "primary")
        self.start_button.setAccessibleName("Start the meeting")
        self.start_button.setToolTip("Start the meeting (Ctrl+Enter)")
        # Enter on the focused button starts, as Enter on a format lands here.
        self.start_button.setAutoDefault(True)

        left = QVBoxLayout()
        left.addWidget(formats_title)
        left.addWidget(self.format_list, 1)
        left.addWidget(self.description_label)
        middle = QVBoxLayout()
        choice_title = QLabel("Tonight")
        choice_title.setProperty("role", "subheading")
        middle.addWidget(choice_title)
        middle.addLayout(self.choice_form)
        middle.addStretch(1)
        right = QVBoxLayout()
        preview_title = QLabel("The plan")
        preview_title.setProperty("role", "subheading")
        right.addWidget(preview_title)
        right.addWidget(self.preview, 1)
        right.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignRight)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 3)
        columns.addLayout(middle, 3)
        columns.addLayout(right, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.group_label)
        layout.addLayout(columns, 1)

        self.format_list.currentItemChanged.connect(self._format_changed)
        self.format_list.itemActivated.connect(lambda _item: self.start_button.setFocus())
        for signal in (self.start_edit.timeChanged, self.step_spin.valueChanged,
                       self.topic_edit.textChanged, self.passage_edit.textChanged,
                       self.speaker_count_spin.valueChanged,
                       self.speaker_minutes_spin.valueChanged,
                       self.speaker_names_edit.textChanged):
            signal.connect(self.refresh_plan)
        self.another_button.clicked.connect(self.suggest_topic)
        self.own_topic_button.clicked.connect(self._type_own_topic)
        self.start_button.clicked.connect(self.start)

        self.step_spin.setValue(self._default_step())
        self.suggest_topic()
        default_id = self._default_format_id()
        for row in range(self.format_list.count()):
            if self.format_list.item(row).data(Qt.ItemDataRole.UserRole) == default_id:
                self.format_list.setCurrentRow(row)
                break
        else:
            self.format_list.setCurrentRow(0)
        self.setFocusProxy(self.format_list)

    # Defaults ------------------------------------------------------------------

    def _group_line(self) -> str:
        g = self._group
        name = g.name or "Your group"
        program = self._library.program(g.program).name
        return (f"{name} · {program} · {g.meeting_type_label()} · "
                f"{self._date:%A %-d %B}")

    def _default_start(self, now) -> QTime:
        """The group's start time, unless the meeting is clearly not at that time today
        (an extra or a moved meeting): then the next five minutes from now."""
        usual = QTime.fromString(self._group.start, "HH:mm")
        now_time = QTime(now.hour, now.minute)
        if abs(now_time.secsTo(usual)) <= 60 * 60:
            return usual
        minutes = (now.hour * 60 + now.minute + 4) // 5 * 5 % (24 * 60)
        return QTime(minutes // 60, minutes % 60)

    def _default_format_id(self) -> str:
        try:
            format_id = planning.tonight_format_id(self._group, self._date)
        except FacilitatorError:
            format_id = self._group.default_format
        return format_id if format_id in self._library.formats else ""

    def _default_step(self) -> int:
        if self._group.step_choice == "next":
            program = self._library.program(self._group.program)
            series = self._library.readings.get(program.series)
            length = len(series.items) if series is not None and series.items else 12
            return planning.next_step(self._history, length)
        return planning.step_of_month(self._date)

    @Slot()
    def suggest_topic(self) -> None:
        topic = planning.choose_topic(self._library.topics, self._history, self._rng)
        if topic == self.topic_edit.text() and len(self._library.topics) > 1:
            topic = planning.choose_topic(self._library.topics, self._history, self._rng)
        self.topic_edit.setText(topic)

    @Slot()
    def _type_own_topic(self) -> None:
        self.topic_edit.clear()
        self.topic_edit.setFocus()

    # The format and its questions --------------------------------------------------

    def current_format(self):
        item = self.format_list.currentItem()
        if item is None:
            return None
        return self._library.format(item.data(Qt.ItemDataRole.UserRole))

    def select_format(self, format_id: str) -> None:
        for row in range(self.format_list.count()):
            if self.format_list.item(row).data(Qt.ItemDataRole.UserRole) == format_id:
                self.format_list.setCurrentRow(row)
                return
        raise KeyError(format_id)

    @Slot()
    def _format_changed(self, *_args) -> None:
        fmt = self.current_format()
        if fmt is None:
            return
        self.description_label.setText(fmt.description)
        kinds = {segment.kind for segment in fmt.segments}
        program = self._library.program(self._group.program)
        series = self._library.readings.get(program.series)
        if series is not None and series.items:
            self.step_spin.setMaximum(len(series.items))
        speaker = next((s for s in fmt.segments if s.kind == "speaker"), None)
        if speaker is not None:
            self.speaker_count_spin.setValue(speaker.count or 1)
            self.speaker_minutes_spin.setValue(speaker.minutes_each or 20)
        for widget, shown in ((self.step_spin, "study" in kinds),
                              (self.topic_row, "topic" in kinds),
                              (self.passage_edit, "literature" in kinds),
                              (self.speaker_count_spin, speaker is not None),
                              (self.speaker_minutes_spin, speaker is not None),
                              (self.speaker_names_edit, speaker is not None)):
            self.choice_form.setRowVisible(widget, shown)
        self.refresh_plan()

    def choice(self) -> TonightChoice:
        fmt = self.current_format()
        kinds = {segment.kind for segment in fmt.segments} if fmt else set()
        names = tuple(n.strip() for n in self.speaker_names_edit.text().split(",") if n.strip())
        has_speaker = "speaker" in kinds
        return TonightChoice(
            step=self.step_spin.value() if "study" in kinds else None,
            topic=self.topic_edit.text().strip() if "topic" in kinds else "",
            passage=self.passage_edit.text().strip() if "literature" in kinds else "",
            speaker_count=self.speaker_count_spin.value() if has_speaker else None,
            speaker_minutes=self.speaker_minutes_spin.value() if has_speaker else None,
            speaker_names=names if has_speaker else (),
        )

    def start_time(self) -> str:
        return self.start_edit.time().toString("HH:mm")

    def build(self):
        fmt = self.current_format()
        if fmt is None:
            return None
        return planning.build_plan(
            self._library, fmt, self._group.program, self._group, self._date,
            self.start_time(), self.choice(), self._history, rng=random.Random(0))

    @Slot()
    def refresh_plan(self, *_args) -> None:
        try:
            self._plan = self.build()
        except FacilitatorError as error:
            self._plan = None
            self.preview.setHtml(f"<p>{html.escape(str(error))}</p>")
            self.start_button.setEnabled(False)
            return
        self.start_button.setEnabled(self._plan is not None)
        if self._plan is not None:
            self.preview.setHtml(plan_html(self._plan))

    def plan(self):
        return self._plan

    @Slot()
    def start(self) -> None:
        if self._plan is not None:
            self.start_requested.emit(self._plan)


def plan_html(plan) -> str:
    """The plan as a small table: clock time, segment, minutes, and what is read."""
    c = theme.colors()
    rows = []
    for planned in plan.segments:
        detail = planned.reading_title or ""
        first_line = planned.text.strip().splitlines()[0] if planned.text.strip() else ""
        if planned.kind in ("topic", "literature", "speaker") and first_line:
            detail = first_line
        elif planned.kind == "study" and first_line:
            detail = f"{planned.reading_title}: {first_line}"
        if len(detail) > 70:
            detail = detail[:68].rstrip() + "…"
        rows.append(
            f"<tr><td style='color:{c.muted};padding-right:10px'>{planned.start:%H:%M}</td>"
            f"<td><b>{html.escape(planned.title)}</b>"
            + (f"<br><span style='color:{c.muted}'>{html.escape(detail)}</span>"
               if detail and detail != planned.title else "")
            + f"</td><td style='color:{c.muted};padding-left:10px' align='right'>"
              f"{planned.minutes:g}&nbsp;min</td></tr>")
    warnings = "".join(f"<p style='color:{c.warning}'>{html.escape(w)}</p>"
                       for w in plan.warnings)
    return (f"<p><b>{plan.start:%H:%M} – {plan.end:%H:%M}</b> · "
            f"{plan.planned_minutes:g} minutes</p>{warnings}"
            f"<table cellspacing='0' cellpadding='3' width='100%'>{''.join(rows)}</table>")
