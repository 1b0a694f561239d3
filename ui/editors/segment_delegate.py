"""How one segment row looks: its number, minutes in a column, title in bold, details in grey.

A row with a problem gets a red "!" marker and red text, so it can be seen
without relying on colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.editors.colors import shade
from ui.editors.segment_model import PROBLEMS_ROLE


class SegmentDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        height = QFontMetrics(option.font).height()
        return QSize(200, int(height * 1.9))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        data = index.data(Qt.ItemDataRole.UserRole)
        if not data:
            super().paint(painter, option, index)
            return
        minutes, title, summary = data
        problems = index.data(PROBLEMS_ROLE) or []
        style = option.widget.style() if option.widget else None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected
                                   else QPalette.ColorRole.Text)
        dim = QColor(text_color)
        dim.setAlphaF(0.65)
        rect = option.rect.adjusted(8, 0, -8, 0)
        metrics = QFontMetrics(option.font)
        number_width = metrics.horizontalAdvance("00.")
        minutes_width = metrics.horizontalAdvance("000 min")
        painter.save()
        painter.setPen(dim)
        painter.drawText(QRect(rect.left(), rect.top(), number_width, rect.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                         f"{index.row() + 1}.")
        left = rect.left() + number_width + 8
        painter.setPen(text_color)
        painter.drawText(QRect(left, rect.top(), minutes_width, rect.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                         f"{minutes} min")
        left += minutes_width + 16
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        if problems and not selected:
            painter.setPen(QColor(shade("problem")))
        title_text = f"! {title}" if problems else title
        title_width = min(QFontMetrics(bold).horizontalAdvance(title_text), rect.right() - left)
        painter.drawText(QRect(left, rect.top(), title_width, rect.height()),
                         Qt.AlignmentFlag.AlignVCenter, title_text)
        painter.setFont(option.font)
        painter.setPen(dim)
        detail = problems[0] if problems else summary
        if detail:
            detail_left = left + title_width + 12
            elided = metrics.elidedText(detail, Qt.TextElideMode.ElideRight,
                                        max(0, rect.right() - detail_left))
            painter.drawText(QRect(detail_left, rect.top(), rect.right() - detail_left,
                                   rect.height()), Qt.AlignmentFlag.AlignVCenter, elided)
        painter.restore()
