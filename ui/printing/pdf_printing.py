"""Putting a PDF's pages on a printer: each page rendered at the printer's own resolution.

QtPdf renders a page to an image; at a printer's 600 or 1200 dots per inch a
whole page would be hundreds of megabytes, so each page is rendered in bands
(QPdfDocumentRenderOptions' scaled clip rectangle) and painted band by band.
The printer's paper is set from the PDF's page size, so a 5×8 card prints as a
5×8 card and not shrunk onto letter paper, unless the user picks other paper.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QPoint, QRect, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter

BAND_PIXELS = 512


def match_paper(printer, document) -> None:
    """Give the printer the PDF's first page size and no margins (the PDF has its own)."""
    if document.pageCount() < 1:
        return
    points = document.pagePointSize(0)
    size = QPageSize(QSizeF(points.width(), points.height()), QPageSize.Unit.Point, "",
                     QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (QPageLayout.Orientation.Landscape if points.width() > points.height()
                   else QPageLayout.Orientation.Portrait)
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)


def print_document(document, printer) -> int:
    """Paint every page of a loaded QPdfDocument onto the printer; return the pages printed."""
    from PySide6.QtPdf import QPdfDocumentRenderOptions

    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        dpi = printer.resolution()
        page_rect = printer.pageLayout().fullRectPixels(dpi) if printer.fullPage() \
            else printer.pageLayout().paintRectPixels(dpi)
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            # The page at the printer's resolution, fitted inside the printable area.
            scale = min(page_rect.width() / (points.width() / 72 * dpi),
                        page_rect.height() / (points.height() / 72 * dpi), 1.0)
            width = max(1, round(points.width() / 72 * dpi * scale))
            height = max(1, round(points.height() / 72 * dpi * scale))
            left = (page_rect.width() - width) // 2
            top = (page_rect.height() - height) // 2
            for band_top in range(0, height, BAND_PIXELS):
                band_height = min(BAND_PIXELS, height - band_top)
                options = QPdfDocumentRenderOptions()
                options.setScaledSize(QSize(width, height))
                options.setScaledClipRect(QRect(0, band_top, width, band_height))
                image = document.render(index, QSize(width, band_height), options)
                painter.drawImage(QPoint(left, top + band_top), image)
        return document.pageCount()
    finally:
        painter.end()
