"""The share timer as the chair and the room see it: big digits, a word, and a colour.

The state comes from the core `ShareTimer`; this widget only ticks (every
100 ms, the most the design lets it lag behind the clock) and draws. Every
state is shown by its words as well as its colour, so colour-blind members can
read it: "Ready", the calm running colour, the warning colour with "1 minute",
the time-up colour with "Time", then "+0:35" counting up. One widget per timer
is the cue keeper (`polls_cues`): it asks the timer for due cues and announces
them with `cue_reached`, so that a second view of the same timer (the room
display) never chimes twice.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator.timer import ShareTimer, TimerState, format_seconds
from ui import theme

TICK_MS = 100


def describe_seconds(seconds: float) -> str:
    """"1 minute", "2 minutes", "30 seconds": the warning caption."""
    seconds = round(seconds)
    if seconds >= 60 and seconds % 60 == 0:
        minutes = seconds // 60
        return f"{minutes} minute" + ("s" if minutes != 1 else "")
    return f"{seconds} seconds"


class ShareTimerWidget(QWidget):
    """Draws one ShareTimer, fitted to whatever size it is given."""

    cue_reached = Signal(str)

    def __init__(self, polls_cues: bool = True, colors: theme.Colors | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timer: ShareTimer | None = None
        self._polls_cues = polls_cues
        self._fixed_colors = colors
        self._subject = ""
        self._shown = ("", "", "none")
        self.flash_enabled = True
        self.setAccessibleName("Share timer")
        self.setMinimumSize(220, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)
        self._ticker.start()

    # What it shows --------------------------------------------------------

    def set_timer(self, timer: ShareTimer | None) -> None:
        self._timer = timer
        self.tick()

    def timer(self) -> ShareTimer | None:
        return self._timer

    def set_subject(self, text: str) -> None:
        """Who or what is being timed ("Speaker: Sam"); shown while the timer is calm."""
        self._subject = text
        self.tick()

    def digits_text(self) -> str:
        """The digits as last drawn (the widget shows what its latest tick read)."""
        return self._shown[0]

    def caption_text(self) -> str:
        return self._shown[1]

    def state_name(self) -> str:
        """"ready", "calm", "warning", "time-up", "paused" or "none": what the colour means."""
        return self._shown[2]

    def _read_digits(self) -> str:
        if self._timer is None:
            return ""
        return format_seconds(self._timer.remaining())

    def _read_caption(self) -> str:
        t = self._timer
        if t is None:
            return ""
        state = t.state
        if state == TimerState.READY:
            if not self._polls_cues:
                # The room's view: no instructions for the chair on the projector.
                return self._subject or "Ready"
            return f"{self._subject or 'Ready'} · press Space to start"
        over = t.remaining() <= 0
        if over:
            word = "Time"
        elif t.in_warning():
            word = describe_seconds(t.warning_seconds)
        else:
            word = self._subject or "Sharing"
        return f"Paused · {word}" if state == TimerState.PAUSED else word

    def _read_state(self) -> str:
        t = self._timer
        if t is None:
            return "none"
        if t.state == TimerState.READY:
            return "ready"
        if t.remaining() <= 0:
            return "time-up"
        if t.in_warning():
            return "warning"
        return "paused" if t.state == TimerState.PAUSED else "calm"

    def state_color(self) -> QColor:
        c = self._colors()
        return QColor({"time-up": c.time_up, "warning": c.warning, "calm": c.calm}.get(
            self.state_name(), c.muted))

    def _colors(self) -> theme.Colors:
        return self._fixed_colors or theme.colors()

    # Ticking and drawing ----------------------------------------------------

    @Slot()
    def tick(self) -> None:
        if self._timer is not None and self._polls_cues:
            for cue in self._timer.poll():
                self.cue_reached.emit(cue.value)
        self._shown = (self._read_digits(), self._read_caption(), self._read_state())
        text = f"{self.digits_text()} {self.caption_text()}".strip()
        if text != self.accessibleDescription():
            self.setAccessibleDescription(text)
        self.update()

    def _flashing(self) -> bool:
        t = self._timer
        if not self.flash_enabled or t is None or t.state != TimerState.OVERTIME:
            return False
        # A soft pulse: tinted on every other second of the first half minute over.
        over = t.overtime()
        return over < 30 and int(over) % 2 == 0

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        c = self._colors()
        if self._fixed_colors is not None:
            painter.fillRect(self.rect(), QColor(c.window))
        if self._flashing():
            tint = QColor(c.time_up)
            tint.setAlpha(40)
            painter.fillRect(self.rect(), tint)
        if self._timer is None:
            return
        color = self.state_color()
        area = QRectF(self.rect()).adjusted(8, 4, -8, -4)
        digits_box = QRectF(area.left(), area.top(), area.width(), area.height() * 0.7)
        caption_box = QRectF(area.left(), digits_box.bottom(), area.width(),
                             area.height() * 0.3)
        painter.setPen(color)
        painter.setFont(_fitted_font(self.font(), "+88:88", digits_box, bold=True))
        painter.drawText(digits_box, Qt.AlignmentFlag.AlignCenter, self.digits_text())
        caption = self.caption_text()
        # The chair's view leaves room for its longest caption; the room's is larger.
        sample = "Ready · press Space to start" if self._polls_cues else "Speaker: Wwwwwwww"
        painter.setFont(_fitted_font(self.font(), max(caption, sample, key=len), caption_box,
                                     bold=False))
        painter.drawText(caption_box, Qt.AlignmentFlag.AlignCenter, caption)
        painter.end()


def _fitted_font(base: QFont, sample: str, box: QRectF, bold: bool) -> QFont:
    """The largest font in which `sample` fits the box."""
    font = QFont(base)
    font.setBold(bold)
    font.setPixelSize(100)
    metrics = QFontMetricsF(font)
    width = metrics.horizontalAdvance(sample) or 1
    size = min(100 * box.width() / width, box.height() * 0.8)
    font.setPixelSize(max(8, int(size)))
    return font
