"""The chair's console: the screen tonight's meeting runs on.

It shows the current segment (title, the chair's cue, and its reading in large
type in the program's words), what comes next, the run sheet, the meeting
clock, and during shares and speakers the share timer with the waiting count.
Every change goes through the core `Run`; this screen only draws it, keeps the
room display in step, and says `state_changed` so the main window can save the
run for resume. The speakers' first names and the announcements live here, in
memory, and nowhere else.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from facilitator.meeting_clock import MeetingClock
from ui import theme
from ui.console.announcements import AnnouncementsBox
from ui.console.meeting_clock_bar import MeetingClockBar
from ui.console.run_sheet import WIDEST_SHEET, RunSheet
from ui.console.share_timer_widget import ShareTimerWidget
from ui.console.waiting_panel import WaitingPanel

SPEAKER_KINDS = ("speaker",)


class ConsoleScreen(QWidget):
    """The meeting as it happens. Owns a `Run`; redraws from it after every action."""

    state_changed = Signal()
    end_requested = Signal()
    cue_reached = Signal(str)

    def __init__(self, run, clock, room=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.run = run
        self._clock = clock
        self.room = room
        self.meeting_clock = MeetingClock(run.plan, clock)
        self._speaker_number = 0

        self.clock_bar = MeetingClockBar()
        self.position_label = QLabel()
        self.position_label.setProperty("role", "muted")
        self.position_label.setAccessibleName("Segment position")
        self.title_label = QLabel()
        self.title_label.setObjectName("segmentTitle")
        self.title_label.setAccessibleName("Current segment")
        self.title_label.setWordWrap(True)
        self.cue_label = QLabel()
        self.cue_label.setObjectName("segmentCue")
        self.cue_label.setAccessibleName("Chair's cue")
        self.cue_label.setWordWrap(True)

        self.reading_view = QTextBrowser()
        self.reading_view.setObjectName("readingText")
        self.reading_view.setAccessibleName("Reading")
        self.reading_view.setOpenLinks(False)
        self.reading_view.setMinimumHeight(160)

        # The timer page: big digits, the controls under them, the waiting panel beside.
        self.timer_widget = ShareTimerWidget(polls_cues=True)
        self.timer_widget.setMinimumHeight(170)
        self.timer_widget.cue_reached.connect(self._on_cue)
        self.toggle_button = QPushButton("Start  (Space)")
        self.toggle_button.setProperty("role", "primary")
        self.toggle_button.setAccessibleName("Start or pause the share timer")
        self.next_share_button = QPushButton("Next share  (N)")
        self.next_share_button.setAccessibleName("Next share")
        self.add_minute_button = QPushButton("+1 minute  (A)")
        self.add_minute_button.setAccessibleName("Add a minute to this share")
        for button in (self.toggle_button, self.next_share_button, self.add_minute_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.toggle_button.clicked.connect(self.toggle_timer)
        self.next_share_button.clicked.connect(self.next_share)
        self.add_minute_button.clicked.connect(self.add_minute)
        self.waiting_panel = WaitingPanel()
        self.waiting_panel.increased.connect(self.more_waiting)
        self.waiting_panel.decreased.connect(self.fewer_waiting)
        self.timer_text = QLabel()
        self.timer_text.setObjectName("segmentCue")
        self.timer_text.setWordWrap(True)
        controls = QHBoxLayout()
        controls.addWidget(self.toggle_button)
        controls.addWidget(self.next_share_button)
        controls.addWidget(self.add_minute_button)
        controls.addStretch(1)
        timer_card = QFrame()
        timer_card.setObjectName("card")
        timer_column = QVBoxLayout(timer_card)
        timer_column.addWidget(self.timer_widget, 1)
        timer_column.addLayout(controls)
        timer_page = QWidget()
        timer_row = QHBoxLayout(timer_page)
        timer_row.setContentsMargins(0, 0, 0, 0)
        timer_row.addWidget(timer_card, 3)
        side = QVBoxLayout()
        side.addWidget(self.waiting_panel)
        side.addWidget(self.timer_text, 1, Qt.AlignmentFlag.AlignTop)
        timer_row.addLayout(side, 1)

        self.body = QStackedWidget()
        self.body.addWidget(self.reading_view)
        self.body.addWidget(timer_page)

        self.next_label = QLabel()
        self.next_label.setObjectName("nextLabel")
        self.next_label.setAccessibleName("What comes next")
        self.next_label.setWordWrap(True)
        self.previous_button = QPushButton("◀  Previous")
        self.previous_button.setAccessibleName("Previous segment")
        self.previous_button.setToolTip("Previous segment (Left or Page Up)")
        self.next_button = QPushButton("Next  ▶")
        self.next_button.setProperty("role", "primary")
        self.next_button.setAccessibleName("Next segment")
        self.next_button.setToolTip("Next segment (Right or Page Down)")
        self.previous_button.clicked.connect(self.previous_segment)
        self.next_button.clicked.connect(self.next_segment)
        footer = QHBoxLayout()
        footer.addWidget(self.next_label, 1)
        footer.addWidget(self.previous_button)
        footer.addWidget(self.next_button)

        main = QVBoxLayout()
        main.setSpacing(8)
        main.addWidget(self.position_label)
        main.addWidget(self.title_label)
        main.addWidget(self.cue_label)
        main.addWidget(self.body, 1)
        main.addLayout(footer)

        self.run_sheet = RunSheet()
        self.run_sheet.set_plan(run.plan)
        self.run_sheet.segment_chosen.connect(self.jump)
        self.announcements = AnnouncementsBox()
        sheet_title = QLabel("Run sheet")
        sheet_title.setProperty("role", "subheading")
        aside = QVBoxLayout()
        aside.addWidget(sheet_title)
        aside.addWidget(self.run_sheet, 3)
        aside.addWidget(self.announcements, 1)
        aside_widget = QWidget()
        aside_widget.setLayout(aside)
        aside_widget.setMaximumWidth(WIDEST_SHEET)
        aside_widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        aside.setContentsMargins(0, 0, 0, 0)

        columns = QHBoxLayout()
        columns.setSpacing(20)
        # The run sheet takes the width its rows ask for; the reading or the timer the rest.
        columns.addLayout(main, 1)
        columns.addWidget(aside_widget, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(self.clock_bar)
        layout.addLayout(columns, 1)
        self.clock_bar.set_meeting_clock(self.meeting_clock, run.index)
        self.setFocusProxy(self.next_button)
        self.refresh()

    # What is showing ------------------------------------------------------------

    @property
    def current(self):
        return self.run.current

    def is_timed(self) -> bool:
        return bool(self.current.is_timed)

    def speaker_subject(self) -> str:
        if self.current.kind not in SPEAKER_KINDS:
            return ""
        names = self.run.plan.choice.speaker_names
        if self._speaker_number < len(names):
            return f"Speaker: {names[self._speaker_number]}"
        return f"Speaker {self._speaker_number + 1}"

    def refresh(self) -> None:
        """Redraw everything from the run."""
        run, current = self.run, self.current
        total = len(run.plan.segments)
        self.position_label.setText(
            f"Segment {run.index + 1} of {total} · {current.start:%H:%M}–{current.end:%H:%M}"
            f" · {current.minutes:g} min")
        self.title_label.setText(current.title)
        self.cue_label.setText(current.note)
        self.cue_label.setVisible(bool(current.note))
        following = run.next
        if following is None:
            self.next_label.setText("This is the last segment.")
            self.next_button.setText("End meeting  ▶")
            self.next_button.setAccessibleName("End the meeting")
        else:
            self.next_label.setText(f"Next: <b>{html.escape(following.title)}</b> at "
                                    f"{following.start:%H:%M}")
            self.next_button.setText("Next  ▶")
            self.next_button.setAccessibleName("Next segment")
        self.previous_button.setEnabled(run.index > 0)
        if self.is_timed():
            self.body.setCurrentIndex(1)
            self.timer_widget.set_timer(run.timer)
            self.timer_widget.set_subject(self.speaker_subject())
            self.timer_text.setText(current.text if current.kind != "shares" else "")
        else:
            self.body.setCurrentIndex(0)
            self.timer_widget.set_timer(None)
            self.reading_view.setHtml(reading_html(current))
        self.run_sheet.set_current(run.index)
        self.clock_bar.set_index(run.index)
        self.refresh_timer_controls()
        self.refresh_room()

    def refresh_timer_controls(self) -> None:
        timer = self.run.timer
        state = timer.state.value
        self.toggle_button.setText({"ready": "Start  (Space)", "paused": "Resume  (Space)"}
                                   .get(state, "Pause  (Space)"))
        suggested = share_seconds = None
        if self.is_timed() and self.current.kind != "speaker":
            suggested = self.meeting_clock.suggested_share_seconds(self.run.waiting,
                                                                   self.run.index)
            share_seconds = timer.length_seconds
        self.waiting_panel.show_count(self.run.waiting, suggested, share_seconds)
        self.waiting_panel.setVisible(self.current.kind != "speaker")

    def refresh_room(self) -> None:
        if self.room is None:
            return
        if self.is_timed():
            self.room.show_timer(self.run.timer, self.speaker_subject())
        else:
            # The room sees "Step 4" rather than "Tonight's step": what is being read.
            planned = self.current
            title = planned.reading_title if planned.kind == "study" else planned.title
            self.room.show_reading(title or planned.title, planned.text)

    # Segments -------------------------------------------------------------------

    @Slot()
    def next_segment(self) -> None:
        if self.run.is_last:
            self.end_requested.emit()
            return
        self.run.go_next()
        self._segment_changed()

    @Slot()
    def previous_segment(self) -> None:
        if self.run.index > 0:
            self.run.go_previous()
            self._segment_changed()

    @Slot(int)
    def jump(self, index: int) -> None:
        if index != self.run.index:
            self.run.jump(index)
            self._segment_changed()

    def _segment_changed(self) -> None:
        self._speaker_number = 0
        if self.room is not None:
            self.room.clear_message()
        self.refresh()
        self.state_changed.emit()

    # The share timer --------------------------------------------------------------

    def _timer_action(self, action) -> None:
        if not self.is_timed():
            return
        action()
        self.timer_widget.tick()
        self.refresh_timer_controls()
        self.state_changed.emit()

    @Slot()
    def toggle_timer(self) -> None:
        self._timer_action(self.run.timer.toggle)

    @Slot()
    def next_share(self) -> None:
        def next_share() -> None:
            self.run.timer.next_share()
            self._speaker_number += 1
            self.run.waiting = max(0, self.run.waiting - 1)
            self.timer_widget.set_subject(self.speaker_subject())
            self.refresh_room()
        self._timer_action(next_share)

    @Slot()
    def add_minute(self) -> None:
        self._timer_action(self.run.timer.add_minute)

    @Slot()
    def more_waiting(self) -> None:
        self.run.waiting += 1
        self.refresh_timer_controls()

    @Slot()
    def fewer_waiting(self) -> None:
        self.run.waiting = max(0, self.run.waiting - 1)
        self.refresh_timer_controls()

    @Slot(str)
    def _on_cue(self, cue: str) -> None:
        self.cue_reached.emit(cue)
        self.refresh_timer_controls()
        self.state_changed.emit()


def reading_html(planned) -> str:
    """The segment's text as large, calm paragraphs; a numbered series keeps its lines."""
    text = planned.text or ""
    if not text.strip():
        return ""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    c = theme.colors()
    heading = ""
    if planned.reading_title and planned.reading_title != planned.title:
        # "Step 4", "Tonight's passage", "The Basket": what is being read, above the words.
        heading = (f"<p style='font-size:{theme.points(14)}pt; color:{c.muted}; "
                   f"font-weight:600'>{html.escape(planned.reading_title)}</p>")
    body = "".join(
        "<p style='line-height:140%; margin-bottom:14px'>"
        + "<br>".join(html.escape(line) for line in p.splitlines()) + "</p>"
        for p in paragraphs)
    source = (f"<p style='font-size:{theme.points(11)}pt; color:{c.muted}'>"
              f"<i>{html.escape(planned.source)}</i></p>" if planned.source else "")
    return heading + body + source
