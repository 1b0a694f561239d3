"""The tinted bar that opens each segment of the chair's script.

It holds a box to tick, the planned clock time, the title and the minutes, each
centred on one line. On narrow paper (a small card, or large print on a card)
the title cannot have a column of its own, so it takes a second line under the
time and minutes and runs the full width. The bar is one flowable that lays out
its four parts itself: a reportlab Table did the same job at about a fifth of
the script's layout time, and `facilitator print` is measured against a bare
reportlab process (design.md section 11). Like a table row, a bar whose title
is too long for the rest of the page breaks inside the title.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Paragraph

from facilitator.sheets.document import TickBox


class SegmentBar(Flowable):
    """A box, a time, a title and minutes on a tinted bar as wide as the frame.

    `time_width` and `minutes_width` are the widths of those two columns; the title
    takes the rest, or a line of its own when the rest is under `min_title_width`."""

    def __init__(self, box: float, time: Paragraph, title: Paragraph, minutes: Paragraph, *,
                 time_width: float, minutes_width: float, padding: float, tint: Color,
                 frame_width: float, min_title_width: float):
        super().__init__()
        self.tick_box = TickBox(box)
        self.time, self.title, self.minutes = time, title, minutes
        self.time_width, self.minutes_width = time_width, minutes_width
        self.padding, self.tint = padding, tint
        self.frame_width, self.min_title_width = frame_width, min_title_width
        self.box_width = box + padding * 2
        self.narrow = (frame_width - self.box_width - time_width - minutes_width
                       < min_title_width)
        # True for the rest of a title that ran past a page: the bar holds the title alone.
        self.run_on = False
        self._placed: list[tuple[Flowable, float, float]] = []

    @property
    def text_indent(self) -> float:
        """How far the segment's text is indented to line up with the title."""
        return 0.0 if self.narrow else self.box_width + self.time_width

    def _title_column(self, available_width: float) -> tuple[float, float]:
        """Where the title's column starts, and its width."""
        if self.narrow:
            return 0.0, available_width
        return (self.text_indent,
                available_width - self.text_indent - self.minutes_width)

    def _inner_width(self, part: Flowable, column_width: float) -> float:
        # Each part sits inside its column with `padding` on its left and half that on
        # its right; the minutes have a whole `padding`, to line up with the page edge.
        right = self.padding if part is self.minutes else self.padding * 0.5
        return column_width - self.padding - right

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        pad = self.padding
        edge = pad * 0.7  # above and below each line of the bar
        title_x, title_width = self._title_column(available_width)

        def height(part: Flowable, column_width: float) -> float:
            return part.wrap(self._inner_width(part, column_width), available_height)[1]

        if self.run_on:
            self._placed = [(self.title, title_x + pad, edge)]
            self.width = available_width
            self.height = edge + height(self.title, title_width) + edge
            return self.width, self.height
        if self.narrow:
            first_line = [(self.tick_box, self.box_width),
                          (self.time, available_width - self.box_width - self.minutes_width),
                          (self.minutes, self.minutes_width)]
        else:
            first_line = [(self.tick_box, self.box_width), (self.time, self.time_width),
                          (self.title, title_width), (self.minutes, self.minutes_width)]
        heights = [height(part, width) for part, width in first_line]
        line = max(heights)
        bar_height = edge + line + edge
        if self.narrow:
            bar_height += height(self.title, title_width) + edge
        # Where each part is drawn, centred on its line; y counts up from the bar's foot.
        line_foot = bar_height - edge - line
        self._placed, x = [], 0.0
        for (part, width), part_height in zip(first_line, heights, strict=True):
            self._placed.append((part, x + pad, line_foot + (line - part_height) / 2))
            x += width
        if self.narrow:
            self._placed.append((self.title, pad, edge))
        self.width, self.height = available_width, bar_height
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        # Only a title of hundreds of words makes a bar taller than what is left of a
        # page: it breaks inside the title, and the rest runs on in a bar of its own.
        _width, height = self.wrap(available_width, available_height)
        title_width = self._inner_width(self.title, self._title_column(available_width)[1])
        parts = self.title.split(title_width, available_height - (height - self.title.height))
        if len(parts) != 2:
            return []  # not even a line of the title fits here: the bar starts a new page
        return [self._with_title(parts[0], run_on=self.run_on),
                self._with_title(parts[1], run_on=True)]

    def _with_title(self, title: Paragraph, run_on: bool) -> SegmentBar:
        # A new bar, not a copy: reportlab marks a flowable it has put off to the next
        # page, and a copy of a marked one would be refused there as never fitting.
        bar = SegmentBar(self.tick_box.size, self.time, title, self.minutes,
                         time_width=self.time_width, minutes_width=self.minutes_width,
                         padding=self.padding, tint=self.tint, frame_width=self.frame_width,
                         min_title_width=self.min_title_width)
        bar.run_on = run_on
        bar.keepWithNext = self.keepWithNext
        return bar

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.tint)
        canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canvas.restoreState()
        for part, x, y in self._placed:
            part.drawOn(canvas, x, y)
