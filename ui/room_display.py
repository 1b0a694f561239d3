"""The room display: a second window for a projector or a screen share.

It shows what the room needs from the console: the current reading, or the
share timer while members share, each as large as the window allows, on black.
The chair can put up a preset message, blank it to true black (the content is
hidden before the black is painted, so nothing earlier flashes up), choose the
screen it lives on and make it full screen. Screens come and go during a
meeting (a projector cable is pulled); the window follows the screen signals
and always moves itself back onto a screen that still exists, as a window, so
that it never covers the chair's console full screen.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRect, Qt, Signal, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QScreen
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from facilitator.timer import ShareTimer
from ui import theme
from ui.console.share_timer_widget import ShareTimerWidget
from ui.fitted_text import FittedText

ROOM_COLORS = replace(theme.DARK, name="room", window="#000000", card="#000000")


class RoomDisplay(QWidget):
    """The projector window. The console tells it what to show; it never decides."""

    blank_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Facilitator: room display")
        self.setAccessibleName("Room display")
        self.setMinimumSize(320, 200)
        self.resize(960, 540)
        self._blank = False
        self._message = ""
        self.setAutoFillBackground(False)

        self._title = QLabel()
        self._title.setAccessibleName("Room display title")
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._title.setWordWrap(True)
        self._reading = FittedText(ROOM_COLORS.text, ceiling_share=0.09)
        self._reading.setAccessibleName("Room display reading")
        self.timer_widget = ShareTimerWidget(polls_cues=False, colors=ROOM_COLORS)
        self.timer_widget.setAccessibleName("Room display share timer")
        self._message_text = FittedText(ROOM_COLORS.text, ceiling_share=0.2, bold=True)
        self._message_text.setAccessibleName("Room display message")

        reading_page = QWidget()
        reading_layout = QVBoxLayout(reading_page)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.addWidget(self._title)
        reading_layout.addWidget(self._reading, 1)
        self._pages = QStackedWidget()
        for page in (reading_page, self.timer_widget, self._message_text):
            self._pages.addWidget(page)
        self._content = QWidget()
        content_layout = QVBoxLayout(self._content)
        content_layout.setContentsMargins(40, 30, 40, 30)
        content_layout.addWidget(self._pages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._content)
        self._style_title()

        app = QGuiApplication.instance()
        app.screenAdded.connect(self.on_screen_added)
        app.screenRemoved.connect(self.on_screen_removed)
        for screen in QGuiApplication.screens():
            screen.geometryChanged.connect(self.keep_on_screen)

    def _style_title(self) -> None:
        size = max(18, int(self.height() * 0.06))
        self._title.setStyleSheet(
            f"color: {ROOM_COLORS.muted}; font-size: {size}px; font-weight: 600;"
            "background: transparent;")

    # What it shows --------------------------------------------------------

    def show_reading(self, title: str, text: str) -> None:
        self._title.setText(title)
        self._reading.set_text(text or title)
        self.timer_widget.set_timer(None)
        self._show_page()

    def show_timer(self, timer: ShareTimer, subject: str = "") -> None:
        self.timer_widget.set_timer(timer)
        self.timer_widget.set_subject(subject)
        self._show_page()

    def show_message(self, message: str) -> None:
        """Put a preset message up; showing the same one again takes it down."""
        self._message = "" if message == self._message else message
        self._message_text.set_text(self._message)
        self._show_page()

    def clear_message(self) -> None:
        self._message = ""
        self._show_page()

    def message(self) -> str:
        return self._message

    def current_view(self) -> str:
        """"blank", "message", "timer" or "reading": what the room sees now."""
        if self._blank:
            return "blank"
        return ("reading", "timer", "message")[self._pages.currentIndex()]

    def reading_text(self) -> str:
        return self._reading.text()

    def title_text(self) -> str:
        return self._title.text()

    def _show_page(self) -> None:
        if self._message:
            self._pages.setCurrentIndex(2)
        elif self.timer_widget.timer() is not None:
            self._pages.setCurrentIndex(1)
        else:
            self._pages.setCurrentIndex(0)

    # Blank --------------------------------------------------------------------

    def is_blank(self) -> bool:
        return self._blank

    def set_blank(self, blank: bool) -> None:
        if blank == self._blank:
            return
        self._blank = blank
        # Hide the content first, so the next paint is black with nothing of it left.
        self._content.setVisible(not blank)
        self.repaint()
        self.blank_changed.emit(blank)

    def toggle_blank(self) -> None:
        self.set_blank(not self._blank)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#000000"))
        painter.end()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._style_title()

    # Screens ------------------------------------------------------------------

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.keep_on_screen()
            self.showFullScreen()

    def move_to_screen(self, screen: QScreen, keep_full_screen: bool = True) -> None:
        """Put the window on a screen (the screen chooser), keeping full screen if it was
        and `keep_full_screen` says so."""
        was_full = self.isFullScreen()
        if was_full:
            self.showNormal()
        handle = self.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        area = screen.availableGeometry()
        size = self.size().boundedTo(area.size())
        left = area.x() + (area.width() - size.width()) // 2
        top = area.y() + (area.height() - size.height()) // 2
        self.setGeometry(QRect(left, top, size.width(), size.height()))
        if was_full and keep_full_screen:
            self.showFullScreen()

    @Slot(QScreen)
    def on_screen_added(self, screen: QScreen) -> None:
        screen.geometryChanged.connect(self.keep_on_screen)
        self.keep_on_screen()

    @Slot(QScreen)
    def on_screen_removed(self, screen: QScreen) -> None:
        live = [s for s in QGuiApplication.screens() if s is not screen]
        self.keep_on_screen(live or QGuiApplication.screens(), removed=screen)

    @Slot()
    def keep_on_screen(self, screens: list[QScreen] | None = None,
                       removed: QScreen | None = None) -> None:
        """If the window is not (mostly) on a live screen, move it onto the first one."""
        if not isinstance(screens, list):
            screens = QGuiApplication.screens()
        screens = [s for s in screens if s is not removed] or screens
        if not screens:
            return
        frame = self.frameGeometry()
        handle = self.windowHandle()
        on_removed = removed is not None and handle is not None and handle.screen() is removed
        for screen in screens:
            overlap = frame.intersected(screen.geometry())
            if (not on_removed and overlap.width() * overlap.height()
                    >= frame.width() * frame.height() // 2):
                return
        primary = QGuiApplication.primaryScreen()
        # A rescued window comes back as a window: full screen, it would cover the
        # laptop's console the moment the projector's cable is pulled.
        self.move_to_screen(primary if primary in screens else screens[0],
                            keep_full_screen=False)
