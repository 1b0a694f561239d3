"""The share timer widget reads the clock at least every 100 ms, the lag the design allows."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from facilitator.timer import ShareTimer
from ui.console.share_timer_widget import ShareTimerWidget


def test_the_widget_reads_the_timer_within_one_tick_of_100_ms(qtbot, clock):
    widget = ShareTimerWidget()
    qtbot.addWidget(widget)
    timer = ShareTimer(clock, 180)
    widget.set_timer(timer)
    ticker = widget.findChild(QTimer)
    assert ticker.isActive() and ticker.interval() <= 100
    timer.toggle()
    clock.advance(1.5)
    with qtbot.waitSignal(ticker.timeout, timeout=1000):
        pass
    assert widget.digits_text() == "2:59"
