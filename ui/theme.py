"""The app's look: light, dark and high-contrast colours, text scaling, and the one stylesheet.

A chair reads this across a dim room, so the palettes are calm and high in
contrast, and every size in the stylesheet is multiplied by the group's text
scale. "system" follows the desktop's light or dark scheme through
`QStyleHints.colorScheme`. Widgets that paint their own colours (the share
timer, the room display) ask `colors()` on every paint, so a theme change
reaches them on their next tick.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette


@dataclass(frozen=True)
class Colors:
    """One palette. Timer states also differ by text, so colour is never the only sign."""

    name: str
    window: str
    card: str
    text: str
    muted: str
    accent: str
    accent_text: str
    border: str
    calm: str
    warning: str
    time_up: str
    current_row: str


LIGHT = Colors(
    name="light", window="#f5f3ee", card="#ffffff", text="#1d2226", muted="#5a6470",
    accent="#2f6b8a", accent_text="#ffffff", border="#d9d4c9", calm="#2e6f57",
    warning="#9a5b00", time_up="#b0261c", current_row="#dcebf2",
)
DARK = Colors(
    name="dark", window="#191b1f", card="#23262b", text="#ebe8e3", muted="#a3abb5",
    accent="#79b4d2", accent_text="#10161a", border="#3a3f46", calm="#79d3a8",
    warning="#f2c14e", time_up="#ff8a7a", current_row="#2d4654",
)
HIGH_CONTRAST = Colors(
    name="high-contrast", window="#000000", card="#000000", text="#ffffff", muted="#ffffff",
    accent="#ffd400", accent_text="#000000", border="#ffffff", calm="#ffffff",
    warning="#ffd400", time_up="#ff5c5c", current_row="#00356b",
)

# Text sizes in points at 100 %, by role; the stylesheet multiplies them by the scale.
BODY_SIZE = 12
HEADING_SIZE = 22
SUBHEADING_SIZE = 14

_current = LIGHT
_scale = 1.0


def resolve(theme: str) -> Colors:
    """The palette for a theme name; "system" asks the desktop whether it is dark."""
    if theme == "dark":
        return DARK
    if theme == "high-contrast":
        return HIGH_CONTRAST
    if theme == "light":
        return LIGHT
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def colors() -> Colors:
    return _current


def scale() -> float:
    return _scale


def points(size: float) -> int:
    """A font size in points, multiplied by the text scale."""
    return max(6, round(size * _scale))


def apply(app: QGuiApplication, theme: str, text_scale: int) -> Colors:
    """Set the application's palette and stylesheet for a theme and a text scale (percent)."""
    global _current, _scale
    _current = resolve(theme)
    _scale = max(0.5, min(3.0, text_scale / 100))
    c = _current
    palette = QPalette()
    for role, value in (
        (QPalette.ColorRole.Window, c.window), (QPalette.ColorRole.WindowText, c.text),
        (QPalette.ColorRole.Base, c.card), (QPalette.ColorRole.AlternateBase, c.window),
        (QPalette.ColorRole.Text, c.text), (QPalette.ColorRole.Button, c.card),
        (QPalette.ColorRole.ButtonText, c.text), (QPalette.ColorRole.Highlight, c.accent),
        (QPalette.ColorRole.HighlightedText, c.accent_text),
        (QPalette.ColorRole.ToolTipBase, c.card), (QPalette.ColorRole.ToolTipText, c.text),
        (QPalette.ColorRole.PlaceholderText, c.muted), (QPalette.ColorRole.Link, c.accent),
    ):
        palette.setColor(role, QColor(value))
    if app.style().name().lower() != "fusion":
        # Fusion draws the same everywhere and honours the palette fully (dark, high contrast).
        app.setStyle("Fusion")
    app.setPalette(palette)
    app.setStyleSheet(stylesheet(c))
    return c


def stylesheet(c: Colors) -> str:
    """Sizes by role (objectName), so every screen grows together with + and −."""
    p = points
    return f"""
* {{ font-size: {p(BODY_SIZE)}pt; }}
QMainWindow, QWidget#screen {{ background: {c.window}; }}
QLabel {{ color: {c.text}; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QLabel[role="heading"] {{ font-size: {p(HEADING_SIZE)}pt; font-weight: 600; }}
QLabel[role="subheading"] {{ font-size: {p(SUBHEADING_SIZE)}pt; font-weight: 600; }}
QLabel#segmentTitle {{ font-size: {p(26)}pt; font-weight: 600; }}
QLabel#segmentCue {{ font-size: {p(13)}pt; color: {c.muted}; font-style: italic; }}
QLabel#nextLabel {{ font-size: {p(13)}pt; color: {c.muted}; }}
QLabel#waitingCount {{ font-size: {p(20)}pt; font-weight: 700; }}
QTextBrowser#readingText {{ font-size: {p(20)}pt; background: {c.card}; color: {c.text};
    border: 1px solid {c.border}; border-radius: 8px; padding: 12px; }}
QTextBrowser#planPreview {{ font-size: {p(12)}pt; background: {c.card};
    border: 1px solid {c.border}; border-radius: 8px; padding: 6px; }}
QFrame#card {{ background: {c.card}; border: 1px solid {c.border}; border-radius: 8px; }}
QFrame#card QLabel {{ background: transparent; }}
QListWidget {{ background: {c.card}; color: {c.text}; border: 1px solid {c.border};
    border-radius: 8px; padding: 4px; }}
QListWidget::item {{ padding: 5px 6px; }}
QListWidget::item:selected {{ background: {c.current_row}; color: {c.text}; }}
QPlainTextEdit, QLineEdit {{
    background: {c.card}; color: {c.text}; border: 1px solid {c.border}; border-radius: 6px;
    padding: 4px 6px; }}
QSpinBox, QDoubleSpinBox, QComboBox, QTimeEdit {{ padding: 3px 6px; min-height: 1.6em; }}
QPushButton {{ background: {c.card}; color: {c.text}; border: 1px solid {c.border};
    border-radius: 6px; padding: 6px 14px; }}
QPushButton:focus, QLineEdit:focus, QComboBox:focus, QListWidget:focus,
QPlainTextEdit:focus {{ border: 2px solid {c.accent}; }}
QPushButton[role="primary"] {{ background: {c.accent}; color: {c.accent_text};
    border: 1px solid {c.accent}; font-weight: 600; padding: 8px 22px; }}
QPushButton[role="primary"]:focus {{ border: 3px solid {c.text}; }}
QPushButton:disabled {{ color: {c.muted}; }}
QStatusBar {{ color: {c.muted}; }}
QMenuBar, QMenu {{ background: {c.window}; color: {c.text}; }}
QMenu::item:selected, QMenuBar::item:selected {{ background: {c.current_row}; }}
QRadioButton, QCheckBox {{ color: {c.text}; spacing: 8px; }}
"""
