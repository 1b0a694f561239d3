"""The print dialog: the preview is the real PDF, and printing puts every page on the printer."""

import io

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt

from facilitator.model import GroupSettings
from facilitator.sheets import SheetOptions, render_pdf
from ui.printing.print_dialog import PrintDialog


def make_dialog(qtbot, store, **kwargs) -> PrintDialog:
    dialog = PrintDialog(store, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def expected_pages(store, format_id: str, **options) -> int:
    return render_pdf(store.library(), store.library().format(format_id),
                      SheetOptions(group=store.group(), **options), io.BytesIO())


def test_preview_shows_the_right_page_count(qtbot, store):
    dialog = make_dialog(qtbot, store, format_id="step")
    dialog.set_choice(layout="script", paper="letter")
    dialog.step_spin.setValue(4)
    with qtbot.waitSignal(dialog.preview_updated, timeout=5000) as signal:
        pass
    script_pages = expected_pages(store, "step", layout="script", paper="letter", step=4,
                                  start="19:00")
    assert script_pages > 1
    assert signal.args == [script_pages]
    assert dialog.preview_page_count() == script_pages
    assert dialog.status.text() == f"{script_pages} pages · Letter (8.5 × 11 in)"
    # A step meeting offers the step; a card is one page.
    assert dialog.step_spin.isVisible() and not dialog.topic_edit.isVisible()
    dialog.set_choice(layout="card", paper="index-5x8")
    qtbot.waitUntil(lambda: dialog.status.text() == "1 page · Index card, 5 × 8 in")
    assert dialog.preview_page_count() == 1
    assert dialog.document.pagePointSize(0).toSize().width() == 360


def test_printing_to_a_pdf_printer_gives_every_page(qtbot, store, tmp_path):
    """The system print dialog is replaced: the test points the printer at a PDF file."""
    from PySide6.QtPrintSupport import QPrinter

    dialog = make_dialog(qtbot, store, format_id="speaker")
    dialog.set_choice(layout="readings", paper="half-letter", large_print=True)
    dialog.refresh_preview()
    pages = dialog.preview_page_count()
    assert pages == expected_pages(store, "speaker", layout="readings", paper="half-letter",
                                   large_print=True)
    out = tmp_path / "printed.pdf"
    asked = []

    def printer_dialog(printer):
        page_size = printer.pageLayout().pageSize()
        asked.append(page_size.size(page_size.Unit.Inch))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(150)  # keeps the test quick; a real printer says its own
        return True

    dialog.ask_printer = printer_dialog
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert asked and round(asked[0].width(), 1) == 5.5 and round(asked[0].height(), 1) == 8.5
    reader = PdfReader(out)
    assert len(reader.pages) == pages
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (396, 612)
    assert dialog.status.text() == f"Sent {pages} pages to the printer."


def test_cancelled_print_prints_nothing_and_save_as_pdf_writes_the_preview(qtbot, store,
                                                                          tmp_path):
    dialog = make_dialog(qtbot, store, format_id="discussion")
    dialog.ask_printer = lambda printer: False
    assert dialog.print_pdf() == 0
    target = tmp_path / "discussion-newcomer"
    dialog.set_choice(layout="newcomer")
    dialog.choose_save_path = lambda title, suggested, file_filter: target
    qtbot.keyClick(dialog, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    saved = tmp_path / "discussion-newcomer.pdf"
    qtbot.waitUntil(saved.exists)
    assert saved.read_bytes() == dialog.pdf_bytes
    assert len(PdfReader(saved).pages) == dialog.preview_page_count()


def test_a_sheet_that_cannot_be_printed_says_why(qtbot, store):
    step = store.library().format("step")
    store.save_format(step.with_changes(id="long-step", name="Long step",
                                        segments=step.segments * 4, minutes=240))
    dialog = make_dialog(qtbot, store, format_id="long-step")
    dialog.set_choice(layout="card", paper="index-5x8")
    dialog.refresh_preview()
    assert dialog.status.text().startswith("Cannot print this: the outline of 'Long step' "
                                           "needs 2.2 cards")
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    assert dialog.preview_page_count() == 0
    dialog.set_choice(layout="script")
    dialog.refresh_preview()
    assert dialog.print_button.isEnabled() and dialog.preview_page_count() > 1


def test_the_date_defaults_to_the_groups_next_meeting(qtbot, store):
    store.save_group(GroupSettings(name="Hope", weekday="thursday"))
    dialog = PrintDialog(store)
    qtbot.addWidget(dialog)
    shown = dialog.date_edit.date()
    assert shown.dayOfWeek() == 4  # a Thursday
    assert 0 <= QDate.currentDate().daysTo(shown) < 7
