"""The print dialog: choose what to print, see the real PDF, then print it or save it.

The preview is the very PDF that will be printed or saved, rendered by
`facilitator.sheets.render_pdf` and shown with QtPdf's QPdfView, so what the
secretary sees is what comes out. Changes re-render after a short pause. Print
goes through the system print dialog (one replaceable method) and paints each
page at the printer's resolution; Save as PDF writes the same bytes. QtPdf and
reportlab are imported when this dialog first opens, never at start-up.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QTime, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.content import Library
from facilitator.model import GroupSettings
from facilitator.plan import next_meeting_date
from facilitator.problems import FacilitatorError
from facilitator.sheets import LAYOUTS, PAPERS, SheetOptions, render_pdf
from facilitator.store import Store
from ui.editors.colors import problem_style
from ui.editors.dialogs import Asks
from ui.labels import buddy_label
from ui.printing.pdf_printing import match_paper, print_document

LAYOUT_LABELS = {"script": "The chair's script", "card": "The format on one card",
                 "readings": "Reading cards, one reading each",
                 "newcomer": "Newcomer welcome sheet"}
PAPER_LABELS = {"letter": "Letter (8.5 × 11 in)", "a4": "A4 (210 × 297 mm)",
                "half-letter": "Half letter (5.5 × 8.5 in)", "index-5x8": "Index card, 5 × 8 in",
                "index-4x6": "Index card, 4 × 6 in"}
RENDER_DELAY_MS = 250


class PrintDialog(QDialog, Asks):
    """Layout, paper, large print and tonight's choices, with a live preview of the PDF."""

    preview_updated = Signal(int)  # the page count of the PDF now shown

    def __init__(self, store: Store, library: Library | None = None,
                 group: GroupSettings | None = None, format_id: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.store = store
        self.library = library or store.library()
        self.group = group if group is not None else store.group()
        self.pdf_bytes = b""
        self.page_count = 0
        self._buffer: QBuffer | None = None
        self.setWindowTitle("Print")
        self.resize(1200, 720)

        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName("Format to print")
        own = [f for f in self.library.formats.values() if f.id in self.library.own_formats]
        builtins = [f for f in self.library.formats.values()
                    if f.id not in self.library.own_formats]
        for fmt in own:
            self.format_combo.addItem(f"{fmt.name} (the group's)", fmt.id)
        for fmt in builtins:
            self.format_combo.addItem(f"{fmt.name} (built-in)", fmt.id)
        default = format_id or (self.group.default_format if self.group else "")
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(default)))
        for combo in (self.format_combo,):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)
        self.layout_combo = QComboBox()
        self.layout_combo.setAccessibleName("Layout")
        for layout in LAYOUTS:
            self.layout_combo.addItem(LAYOUT_LABELS.get(layout, layout), layout)
        self.paper_combo = QComboBox()
        self.paper_combo.setAccessibleName("Paper")
        for paper in PAPERS:
            self.paper_combo.addItem(PAPER_LABELS.get(paper, paper), paper)
        self.large_print = QCheckBox("&Large print (18 pt and up)")
        self.program_combo = QComboBox()
        self.program_combo.setAccessibleName("Program whose words are printed")
        self.program_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.program_combo.setMinimumContentsLength(18)
        for program in self.library.programs.values():
            self.program_combo.addItem(program.name, program.id)
        self.program_combo.setCurrentIndex(
            max(0, self.program_combo.findData(self.group.program if self.group else "aa")))
        today = QDate.currentDate().toPython()
        self.date_edit = QDateEdit(QDate(next_meeting_date(self.group, today) if self.group
                                         else today))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setAccessibleName("Meeting date")
        self.start_edit = QTimeEdit(QTime.fromString(self.group.start if self.group else "19:00",
                                                     "HH:mm"))
        self.start_edit.setDisplayFormat("HH:mm")
        self.start_edit.setAccessibleName("Start time")
        self.step_spin = QSpinBox()
        self.step_spin.setRange(0, 12)
        self.step_spin.setSpecialValueText("The group's usual choice")
        self.step_spin.setPrefix("Step ")
        self.step_spin.setAccessibleName("Step to study")
        self.topic_edit = QLineEdit()
        self.topic_edit.setPlaceholderText("Leave empty to suggest one")
        self.topic_edit.setAccessibleName("Topic")

        form = QFormLayout()
        form.addRow(buddy_label("&Format:", self.format_combo), self.format_combo)
        form.addRow(buddy_label("La&yout:", self.layout_combo), self.layout_combo)
        form.addRow(buddy_label("&Paper:", self.paper_combo), self.paper_combo)
        form.addRow("", self.large_print)
        form.addRow(buddy_label("Pro&gram:", self.program_combo), self.program_combo)
        tonight = QLabel("Tonight")
        font = tonight.font()
        font.setBold(True)
        tonight.setFont(font)
        form.addRow(tonight)
        form.addRow(buddy_label("&Date:", self.date_edit), self.date_edit)
        form.addRow(buddy_label("S&tarts at:", self.start_edit), self.start_edit)
        form.addRow(buddy_label("St&ep:", self.step_spin), self.step_spin)
        form.addRow(buddy_label("T&opic:", self.topic_edit), self.topic_edit)
        self._form = form

        self.status = QLabel()
        self.status.setObjectName("printStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Preview status")
        self.print_button = QPushButton("&Print…")
        self.print_button.setToolTip("Ctrl+P")
        self.print_button.setDefault(True)
        self.save_button = QPushButton("&Save as PDF…")
        self.save_button.setToolTip("Ctrl+Shift+S")
        self.close_button = QPushButton("Close")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addWidget(self.status)
        left_layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.close_button)

        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setAccessibleName("Preview of the printed pages")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.view)
        split.setStretchFactor(1, 3)
        split.setSizes([380, 820])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        print_action = QAction("Print", self)
        print_action.setShortcut(QKeySequence.StandardKey.Print)
        print_action.triggered.connect(self.print_pdf)
        save_action = QAction("Save as PDF", self)
        save_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        save_action.triggered.connect(self.save_pdf)
        self.addAction(print_action)
        self.addAction(save_action)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RENDER_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        for signal in (self.format_combo.currentIndexChanged,
                       self.layout_combo.currentIndexChanged,
                       self.paper_combo.currentIndexChanged, self.large_print.toggled,
                       self.program_combo.currentIndexChanged, self.date_edit.dateChanged,
                       self.start_edit.timeChanged, self.step_spin.valueChanged,
                       self.topic_edit.textChanged):
            signal.connect(self._schedule)
        self.format_combo.currentIndexChanged.connect(self._show_tonight_fields)
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        self._show_tonight_fields()
        self.refresh_preview()

    # Options and the preview --------------------------------------------------------------

    def options(self) -> SheetOptions:
        date = self.date_edit.date()
        history = tuple(self.store.history())
        return SheetOptions(
            program=self.program_combo.currentData(),
            layout=self.layout_combo.currentData(),
            paper=self.paper_combo.currentData(),
            large_print=self.large_print.isChecked(),
            date=dt.date(date.year(), date.month(), date.day()),
            start=self.start_edit.time().toString("HH:mm"),
            step=self.step_spin.value() or None,
            topic=self.topic_edit.text().strip(),
            group=self.group,
            history=history,
        )

    def set_choice(self, **values) -> None:
        """Pick options by their ids, as a user does with the combos."""
        combos = {"format": self.format_combo, "layout": self.layout_combo,
                  "paper": self.paper_combo, "program": self.program_combo}
        for name, value in values.items():
            if name == "large_print":
                self.large_print.setChecked(value)
            else:
                combos[name].setCurrentIndex(combos[name].findData(value))

    @Slot()
    def _show_tonight_fields(self) -> None:
        fmt = self.library.formats.get(self.format_combo.currentData())
        kinds = {s.kind for s in fmt.segments} if fmt else set()
        self._form.setRowVisible(self.step_spin, "study" in kinds)
        self._form.setRowVisible(self.topic_edit, "topic" in kinds)

    @Slot()
    def _schedule(self) -> None:
        self.status.setText("Updating the preview…")
        self._timer.start()

    @Slot()
    def refresh_preview(self) -> None:
        """Render the PDF for the current options and show it. Errors are shown, not raised."""
        self._timer.stop()
        fmt = self.library.formats.get(self.format_combo.currentData())
        out = io.BytesIO()
        try:
            if fmt is None:
                raise FacilitatorError("choose a format to print")
            pages = render_pdf(self.library, fmt, self.options(), out)
        except FacilitatorError as error:
            self._show_pdf(b"", 0)
            self.status.setText(f"Cannot print this: {error}")
            self.status.setStyleSheet(problem_style())
            return
        self._show_pdf(out.getvalue(), pages)
        paper = PAPER_LABELS.get(self.paper_combo.currentData(), "")
        self.status.setText(f"{pages} page{'s' if pages != 1 else ''} · {paper}")
        self.status.setStyleSheet("")

    def _show_pdf(self, data: bytes, pages: int) -> None:
        self.document.close()
        self.pdf_bytes = data
        if data:
            # QPdfDocument reads from the device as it needs; the buffer must outlive it.
            self._buffer = QBuffer(self)
            self._buffer.setData(QByteArray(data))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document.load(self._buffer)
        self.page_count = self.document.pageCount() if data else 0
        self.print_button.setEnabled(bool(data))
        self.save_button.setEnabled(bool(data))
        self.preview_updated.emit(self.page_count)

    def preview_page_count(self) -> int:
        return self.document.pageCount()

    # Print and save -----------------------------------------------------------------------

    def ask_printer(self, printer) -> bool:
        """Show the system print dialog for `printer`. Tests replace this method."""
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Print")
        return dialog.exec() == QDialog.DialogCode.Accepted

    @Slot()
    def print_pdf(self) -> int:
        """Print the previewed PDF; return the pages sent to the printer (0 if cancelled)."""
        from PySide6.QtPrintSupport import QPrinter

        if self._timer.isActive():
            self.refresh_preview()
        if not self.pdf_bytes:
            return 0
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        fmt = self.library.formats.get(self.format_combo.currentData())
        printer.setDocName(f"{fmt.name if fmt else 'Facilitator'} · "
                           f"{LAYOUT_LABELS.get(self.layout_combo.currentData(), '')}")
        printer.setCreator("Facilitator")
        match_paper(printer, self.document)
        if not self.ask_printer(printer):
            return 0
        try:
            pages = print_document(self.document, printer)
        except OSError as error:
            self.show_problem("Not printed", f"The printer could not be used: {error}")
            return 0
        self.status.setText(f"Sent {pages} page{'s' if pages != 1 else ''} to the printer.")
        return pages

    @Slot()
    def save_pdf(self) -> Path | None:
        if self._timer.isActive():
            self.refresh_preview()
        if not self.pdf_bytes:
            return None
        fmt_id = self.format_combo.currentData() or "format"
        suggested = f"{fmt_id}-{self.layout_combo.currentData()}.pdf"
        path = self.choose_save_path("Save as PDF", suggested, "PDF files (*.pdf)")
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(path.suffix + ".pdf")
        try:
            path.write_bytes(self.pdf_bytes)
        except OSError as error:
            self.show_problem("Not saved", f"{path}: {error.strerror or error}")
            return None
        self.status.setText(f"Saved {path.name}.")
        return path
