"""A reading as it will be read aloud: slots filled in a program's words, unknown slots flagged.

Filled words are lightly marked so the secretary sees what the program changed;
a slot that no program defines is shown in red with a warning sign, with a line
below saying which slots exist. That is the rule `facilitator check` applies,
shown while typing instead of at the meeting.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from facilitator.validation import SLOT_PATTERN
from ui.editors.colors import problem_style

UNKNOWN_STYLE = "background:#ffcdd2; color:#8e0000; font-weight:bold;"
FILLED_STYLE = "background:rgba(46,125,50,0.16);"


def preview_html(title: str, source: str, paragraphs: list[str], words: dict[str, str],
                 known: set[str], numbered: bool) -> str:
    def fill(text: str) -> str:
        out, last = [], 0
        for match in SLOT_PATTERN.finditer(text):
            out.append(html.escape(text[last:match.start()]))
            slot = match.group(1)
            if slot not in known:
                out.append(f'<span style="{UNKNOWN_STYLE}">⚠ [{html.escape(slot)}]</span>')
            elif slot in words:
                out.append(f'<span style="{FILLED_STYLE}">{html.escape(words[slot])}</span>')
            else:
                out.append(html.escape(match.group(0)))
            last = match.end()
        out.append(html.escape(text[last:]))
        return "".join(out).replace("\n", "<br>")

    body = ""
    if numbered:
        body = "<ol>" + "".join(f"<li>{fill(p)}</li>" for p in paragraphs) + "</ol>"
    else:
        body = "".join(f"<p>{fill(p)}</p>" for p in paragraphs)
    head = f"<h2>{fill(title)}</h2>" if title.strip() else ""
    src = f"<p><i>{html.escape(source)}</i></p>" if source.strip() else ""
    return head + src + body


class ReadingPreview(QWidget):
    """The preview pane, and the warning line under it when a slot is unknown."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Preview in the program's words")
        self.browser.setOpenLinks(False)
        font = self.browser.font()
        if font.pointSizeF() > 0:
            # A little larger than the form: this is how the reader will see it.
            font.setPointSizeF(font.pointSizeF() * 1.25)
        self.browser.document().setDefaultFont(font)
        self.unknown = QLabel()
        self.unknown.setObjectName("unknownSlots")
        self.unknown.setWordWrap(True)
        self.unknown.setStyleSheet(problem_style())
        self.unknown.setAccessibleName("Unknown slots")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.unknown)

    def show_reading(self, title: str, source: str, paragraphs: list[str],
                     words: dict[str, str], known: set[str], numbered: bool) -> None:
        self.browser.setHtml(preview_html(title, source, paragraphs, words, known, numbered))
        found = [s for text in (title, *paragraphs) for s in SLOT_PATTERN.findall(text)]
        unknown = list(dict.fromkeys(s for s in found if s not in known))
        if unknown:
            names = ", ".join(f"[{s}]" for s in unknown)
            choices = ", ".join(f"[{s}]" for s in sorted(known))
            self.unknown.setText(
                f"⚠ No program fills {names}. Use one of {choices}, or take the brackets away.")
        self.unknown.setVisible(bool(unknown))

    def plain_text(self) -> str:
        return self.browser.toPlainText()
