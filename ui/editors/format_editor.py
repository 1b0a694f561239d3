"""The format editor: the group's formats and the built-ins, and one format's segments.

On the left, the list of formats (the group's own first, then the built-ins).
In the middle, the open format's name, kind and length, its segments in order
(drag to reorder, or Alt+Up and Alt+Down), and a live total against the meeting
length. On the right, the selected segment's fields. Every change is an undo
command on one QUndoStack; the stack is cleared when another format is opened.
The draft is judged as the user types by `Format.from_dict`, the rules of
`facilitator check`, and problems are shown beside what they concern. A
built-in is never changed in place: saving it makes the group's copy, and a
banner says so before and after.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.content import Library
from facilitator.model import FORMAT_KINDS, MEETING_TYPE_READING, SHARING_KINDS, Format
from facilitator.problems import ContentError, FacilitatorError
from facilitator.store import Store, copy_id
from ui.editors.colors import problem_style, shade
from ui.editors.dialogs import AsksBeforeClosing
from ui.editors.format_commands import (
    AddSegment,
    DeleteFormatCommand,
    MoveSegment,
    RemoveSegment,
    SaveFormatCommand,
    SetHeaderField,
    SetSegmentFields,
)
from ui.editors.format_draft import FormatDraft
from ui.editors.reading_picker import ReadingPicker, reading_label
from ui.editors.segment_delegate import SegmentDelegate
from ui.editors.segment_form import KIND_LABELS, SegmentForm
from ui.labels import bold_font, buddy_label
from ui.sectioned_list import add_section

FORMAT_KIND_LABELS = {"discussion": "Discussion", "speaker": "Speaker", "step": "Step study",
                      "literature": "Literature", "smart": "SMART Recovery"}
NEW_SEGMENT_MINUTES = {"shares": 30, "speaker": 20, "topic": 5, "study": 5, "literature": 10,
                       "check-in": 10, "check-out": 5, "announcements": 2}
BANNER_STYLE = ("QLabel#builtinBanner { background: #fff4ce; color: #3d3000; "
                "border: 1px solid #e0c060; border-radius: 4px; padding: 6px 10px; }")


def new_segment(kind: str) -> dict:
    segment: dict = {"kind": kind, "minutes": NEW_SEGMENT_MINUTES.get(kind, 2)}
    if kind == "speaker":
        segment.update(count=1, minutes_each=20)
    if kind == "shares":
        segment["share_minutes"] = 3
    return segment


class FormatEditor(AsksBeforeClosing, QDialog):
    """Edit the group's formats. Collaborators come in; nothing here reaches for globals."""

    formats_changed = Signal()  # the group's formats in the store have changed

    def __init__(self, store: Store, library: Library | None = None,
                 group=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.library = library or store.library()
        self.group = group if group is not None else store.group()
        self.draft: FormatDraft | None = None
        self.undo_stack = QUndoStack(self)
        self._opening = False
        self.setWindowTitle("Formats")
        self.setObjectName("formatEditor")
        self.resize(1280, 720)
        self._build()
        self._connect()
        self.refresh_format_list()
        first = self._first_format_id()
        if first:
            self.open_format(first)

    # Building ---------------------------------------------------------------------

    def _build(self) -> None:
        self.format_list = QListWidget()
        self.format_list.setAccessibleName("Formats")
        self.format_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.format_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.new_button = QPushButton("&New from a built-in…")
        self.duplicate_button = QPushButton("D&uplicate")
        self.rename_button = QPushButton("Re&name…")
        self.delete_button = QPushButton("&Delete")
        for button, name in ((self.new_button, "New format from a built-in"),
                             (self.duplicate_button, "Duplicate the format"),
                             (self.rename_button, "Rename the format"),
                             (self.delete_button, "Delete the group's format")):
            button.setAccessibleName(name)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.duplicate_button)
        list_buttons.addWidget(self.rename_button)
        list_buttons.addWidget(self.delete_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("Formats")
        heading.setFont(bold_font(heading.font(), 1.15))
        left_layout.addWidget(heading)
        left_layout.addWidget(self.format_list, 1)
        left_layout.addWidget(self.new_button)
        left_layout.addLayout(list_buttons)

        self.banner = QLabel()
        self.banner.setObjectName("builtinBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("About this format")

        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Format name")
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName("Meeting kind")
        for kind in FORMAT_KINDS:
            self.kind_combo.addItem(FORMAT_KIND_LABELS[kind], kind)
        self.length_spin = QSpinBox()
        self.length_spin.setRange(0, 300)
        self.length_spin.setSingleStep(5)
        self.length_spin.setSuffix(" min")
        self.length_spin.setAccessibleName("Meeting length in minutes")
        self.description_edit = QLineEdit()
        self.description_edit.setAccessibleName("Format description")
        self.description_edit.setPlaceholderText("What the group does at this meeting")
        self.header_problems = QLabel()
        self.header_problems.setStyleSheet(problem_style())
        self.header_problems.setWordWrap(True)
        header = QFormLayout()
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_edit, 3)
        kind_label = QLabel("&Kind:")
        kind_label.setBuddy(self.kind_combo)
        name_row.addWidget(kind_label)
        name_row.addWidget(self.kind_combo, 1)
        length_label = QLabel("&Length:")
        length_label.setBuddy(self.length_spin)
        name_row.addWidget(length_label)
        name_row.addWidget(self.length_spin)
        header.addRow(buddy_label("N&ame:", self.name_edit), name_row)
        header.addRow(buddy_label("Desc&ription:", self.description_edit), self.description_edit)
        header.addRow(self.header_problems)

        self.segment_view = QListView()
        self.segment_view.setAccessibleName("Segments, in order")
        self.segment_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.segment_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.segment_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.segment_view.setDragEnabled(True)
        self.segment_view.setDropIndicatorShown(True)
        self.segment_view.setItemDelegate(SegmentDelegate(self.segment_view))
        self.segment_view.setSpacing(1)
        self.total_label = QLabel()
        self.total_label.setObjectName("totalLabel")
        self.total_label.setAccessibleName("Total minutes")
        self.total_label.setFont(bold_font(self.total_label.font(), 1.1))
        segments_heading = QLabel("&Segments")
        segments_heading.setBuddy(self.segment_view)
        segments_heading.setFont(bold_font(segments_heading.font(), 1.05))
        top_row = QHBoxLayout()
        top_row.addWidget(segments_heading)
        top_row.addStretch(1)
        top_row.addWidget(self.total_label)
        top_row.addSpacing(16)

        self.add_button = QPushButton("Add &segment")
        self.add_button.setAccessibleName("Add a segment")
        self.add_menu = QMenu(self)
        self.add_actions: dict[str, QAction] = {}
        for kind, label in KIND_LABELS.items():
            action = self.add_menu.addAction(label)
            action.triggered.connect(lambda _=False, k=kind: self.add_segment(k))
            self.add_actions[kind] = action
        self.add_button.setMenu(self.add_menu)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName("Remove the segment")
        self.up_button = QPushButton("Move up")
        self.up_button.setToolTip("Alt+Up")
        self.down_button = QPushButton("Move down")
        self.down_button.setToolTip("Alt+Down")
        segment_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            segment_buttons.addWidget(button)
        segment_buttons.addStretch(1)
        self.problems_label = QLabel()
        self.problems_label.setObjectName("problemsLabel")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(problem_style(bold=False))
        self.problems_label.setAccessibleName("Problems with the format")

        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addLayout(top_row)
        middle_layout.addWidget(self.segment_view, 1)
        middle_layout.addLayout(segment_buttons)
        middle_layout.addWidget(self.problems_label)

        self.segment_form = SegmentForm(lambda rid: reading_label(self.library, rid))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        form_heading = QLabel("Selected segment")
        form_heading.setFont(bold_font(form_heading.font(), 1.05))
        right_layout.addWidget(form_heading)
        right_layout.addWidget(self.segment_form)
        right_layout.addStretch(1)

        editor_split = QSplitter()
        editor_split.addWidget(middle)
        editor_split.addWidget(right)
        editor_split.setStretchFactor(0, 3)
        editor_split.setStretchFactor(1, 2)
        editor_split.setSizes([560, 420])
        editor_split.setChildrenCollapsible(False)
        right.setMinimumWidth(340)
        self.editor_area = QWidget()
        editor_layout = QVBoxLayout(self.editor_area)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.banner)
        editor_layout.addLayout(header)
        editor_layout.addWidget(editor_split, 1)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.editor_area)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setSizes([260, 1000])

        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence.StandardKey.Redo,
                                       QKeySequence("Ctrl+Shift+Z")])
        self.save_action = QAction("&Save", self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.remove_action = QAction("Remove segment", self)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.segment_view.addAction(self.remove_action)
        self.move_up_action = QAction("Move segment up", self)
        self.move_up_action.setShortcut(QKeySequence("Alt+Up"))
        self.move_down_action = QAction("Move segment down", self)
        self.move_down_action.setShortcut(QKeySequence("Alt+Down"))
        self.add_action = QAction("Add segment", self)
        self.add_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        for action in (self.undo_action, self.redo_action, self.save_action,
                       self.move_up_action, self.move_down_action, self.add_action):
            self.addAction(action)

        self.undo_button = QPushButton("Undo")
        self.undo_button.setToolTip("Ctrl+Z")
        self.redo_button = QPushButton("Redo")
        self.redo_button.setToolTip("Ctrl+Shift+Z")
        self.export_button = QPushButton("Export as file…")
        self.export_button.setToolTip("Write this format to a .toml file that "
                                      "`facilitator check` and other groups can read")
        self.save_button = QPushButton("Save")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.setDefault(True)
        self.close_button = QPushButton("Close")
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.redo_button)
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.format_list.currentItemChanged.connect(self._format_selected)
        self.new_button.clicked.connect(self.new_from_builtin)
        self.duplicate_button.clicked.connect(self.duplicate_format)
        self.rename_button.clicked.connect(self.rename_format)
        self.delete_button.clicked.connect(self.delete_format)
        self.name_edit.textEdited.connect(lambda text: self._push_header("name", text))
        self.description_edit.textEdited.connect(
            lambda text: self._push_header("description", text))
        self.kind_combo.activated.connect(
            lambda i: self._push_header("kind", self.kind_combo.itemData(i)))
        self.length_spin.valueChanged.connect(lambda v: self._push_header("minutes", v))
        self.segment_form.field_edited.connect(self._segment_field_edited)
        self.segment_form.kind_chosen.connect(self._segment_kind_chosen)
        self.segment_form.reading_choice_requested.connect(self._choose_reading)
        self.remove_button.clicked.connect(self.remove_segment)
        self.remove_action.triggered.connect(self.remove_segment)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.move_up_action.triggered.connect(lambda: self.move_selected(-1))
        self.move_down_action.triggered.connect(lambda: self.move_selected(1))
        self.add_action.triggered.connect(self.add_button.showMenu)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.save_button.clicked.connect(self.save)
        self.save_action.triggered.connect(self.save)
        self.export_button.clicked.connect(self.export_toml)
        self.close_button.clicked.connect(self.close)

    # The format list -----------------------------------------------------------------

    def _first_format_id(self) -> str:
        for n in range(self.format_list.count()):
            format_id = self.format_list.item(n).data(Qt.ItemDataRole.UserRole)
            if format_id:
                return format_id
        return ""

    def refresh_format_list(self, select: str | None = None) -> None:
        """Rebuild the list from the library: the group's formats first, then the built-ins."""
        self.library = self.store.library()
        current = select if select is not None else (self.draft.header["id"] if self.draft
                                                     else "")
        self.format_list.blockSignals(True)
        self.format_list.clear()
        own = [f for f in self.library.formats.values() if f.id in self.library.own_formats]
        builtins = [f for f in self.library.formats.values()
                    if f.id not in self.library.own_formats]
        for heading, formats, mark in (("The group's formats", own, "group's"),
                                       ("Built-in formats", builtins, "built-in")):
            add_section(self.format_list, heading, mark,
                        ((f.id, f.name, f"{f.minutes:g} minutes") for f in formats), current)
        self.format_list.blockSignals(False)
        self._update_list_buttons()

    def format_titles(self) -> list[str]:
        """The list as the user sees it: ("The group's formats", "   Step meeting", ...)."""
        return [self.format_list.item(n).text() for n in range(self.format_list.count())]

    def _select_in_list(self, format_id: str) -> None:
        self.format_list.blockSignals(True)
        for n in range(self.format_list.count()):
            item = self.format_list.item(n)
            if item.data(Qt.ItemDataRole.UserRole) == format_id:
                self.format_list.setCurrentItem(item)
        self.format_list.blockSignals(False)

    def _update_list_buttons(self) -> None:
        own = bool(self.draft) and not self.draft.builtin
        self.rename_button.setEnabled(own)
        self.delete_button.setEnabled(own)
        self.duplicate_button.setEnabled(self.draft is not None)

    @Slot()
    def _format_selected(self, item: QListWidgetItem | None, previous=None) -> None:
        format_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not format_id or (self.draft and format_id == self.draft.header["id"]):
            return
        if not self.confirm_leave():
            self._select_in_list(self.draft.header["id"] if self.draft else "")
            return
        self.open_format(format_id)

    def is_dirty(self) -> bool:
        """Whether the open format differs from what is saved (undo back to it is clean)."""
        return self.draft is not None and self.draft.to_dict() != self.draft.source.to_dict()

    def confirm_leave(self) -> bool:
        """Ask about unsaved changes. True when it is fine to leave the open format."""
        if not self.is_dirty():
            return True
        answer = self.ask_save_discard_cancel(
            "Unsaved changes", f"Save the changes to “{self.draft.header['name']}”?")
        if answer == "save":
            return self.save()
        return answer == "discard"

    def open_format(self, format_id: str) -> None:
        """Open a format for editing. Undo history belongs to one format and starts afresh."""
        fmt = self.library.format(format_id)
        builtin = format_id not in self.library.own_formats
        titles = {r.id: r.title for r in self.library.readings.values()}
        titles[MEETING_TYPE_READING] = "Open or closed meeting statement"
        self._opening = True
        self.undo_stack.clear()
        self.draft = FormatDraft(fmt, builtin, titles)
        self.draft.changed.connect(self._draft_changed)
        self.draft.segments.reorder_requested.connect(self._reorder_requested)
        self.segment_view.setModel(self.draft.segments)
        self.segment_view.selectionModel().currentChanged.connect(self._segment_selected)
        self._opening = False
        self._select_in_list(format_id)
        self._show_banner()
        self._draft_changed()
        self.select_segment(0)
        self._update_list_buttons()
        self._update_title()

    def _show_banner(self, saved_copy: str = "") -> None:
        draft = self.draft
        if saved_copy:
            self.banner.setText(f"Saved as the group's own copy, “{draft.header['name']}” "
                                f"({saved_copy}). The built-in format is unchanged.")
        elif draft and draft.builtin:
            future = copy_id(self.library.formats, draft.header["id"])
            self.banner.setText(
                f"“{draft.source.name}” is a built-in format. You can change it here: saving "
                f"makes the group's own copy ({future}), and the built-in stays as it is.")
        self.banner.setVisible(bool(saved_copy) or bool(draft and draft.builtin))

    # Library commands ------------------------------------------------------------------

    def _after_library_change(self, select: str) -> None:
        self.refresh_format_list()
        if self.draft and self.draft.header["id"] in self.library.own_formats:
            saved = self.library.formats[self.draft.header["id"]]
            if saved.name != self.draft.header["name"]:
                # A rename (or its undo) of the open format shows in its name field too.
                self.draft.header["name"] = saved.name
                self.draft.source = saved
                self._draft_changed()
        if select:
            self._select_in_list(select)
        self.formats_changed.emit()

    @Slot()
    def new_from_builtin(self) -> None:
        builtins = [f for f in self.library.formats.values()
                    if f.id not in self.library.own_formats]
        choice = self.ask_item("New format", "Start from which built-in format?",
                               [f.name for f in builtins])
        if choice is None:
            return
        self._create_copy(builtins[choice], f"{builtins[choice].name} (ours)")

    @Slot()
    def duplicate_format(self) -> None:
        if self.draft is None:
            return
        source = self.library.format(self.draft.header["id"])
        self._create_copy(source, f"{source.name} (copy)")

    def _create_copy(self, source: Format, suggested: str) -> None:
        if not self.confirm_leave():
            return
        name = self.ask_text("Name the new format", "Name:", suggested)
        if name is None:
            return
        if not name.strip():
            self.show_problem("No name", "A format needs a name. Nothing was created.")
            return
        new_id = copy_id(self.library.formats, source.id)
        fmt = source.with_changes(id=new_id, name=name.strip())
        try:
            self.store.save_format(fmt)
        except FacilitatorError as error:
            self.show_problem("Could not create the format", str(error))
            return
        self.refresh_format_list()
        self.open_format(new_id)
        self.formats_changed.emit()

    @Slot()
    def rename_format(self) -> None:
        if self.draft is None or self.draft.builtin:
            return
        saved = self.library.format(self.draft.header["id"])
        name = self.ask_text("Rename the format", "New name:", saved.name)
        if name is None or name.strip() == saved.name:
            return
        if not name.strip():
            self.show_problem("No name", "A format needs a name. The name was not changed.")
            return
        new = saved.with_changes(name=name.strip())
        self.undo_stack.push(SaveFormatCommand(
            self.store, saved, new, f"Rename “{saved.name}”", self._after_library_change))

    @Slot()
    def delete_format(self) -> None:
        if self.draft is None or self.draft.builtin:
            return
        fmt = self.library.format(self.draft.header["id"])
        if self.is_dirty() and not self.ask_yes_no(
                "Delete the format", f"Delete “{fmt.name}” and the changes not yet saved?"):
            return
        # Open another format first (that clears the draft's undo steps), then delete,
        # so that the delete itself stays on the stack and can be undone.
        others = [f.id for f in self.library.formats.values() if f.id != fmt.id]
        self.undo_stack.clear()
        self.open_format(others[0])
        self.undo_stack.push(DeleteFormatCommand(self.store, fmt, self._after_library_change))

    # Draft commands --------------------------------------------------------------------

    def _push_header(self, key: str, value) -> None:
        if self.draft and not self._opening and self.draft.header.get(key) != value:
            self.undo_stack.push(SetHeaderField(self.draft, key, value))

    def selected_row(self) -> int:
        index = self.segment_view.currentIndex()
        return index.row() if index.isValid() else -1

    def select_segment(self, row: int) -> None:
        model = self.draft.segments if self.draft else None
        if model is None or not 0 <= row < model.rowCount():
            self.segment_form.show_segment(None, [])
            return
        self.segment_view.selectionModel().setCurrentIndex(
            model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    @Slot()
    def _segment_selected(self) -> None:
        self._show_segment_form()

    def _show_segment_form(self) -> None:
        row = self.selected_row()
        if self.draft is None or row < 0:
            self.segment_form.show_segment(None, [])
            return
        self.segment_form.show_segment(self.draft.segments.segment(row),
                                       self.draft.segments.problems(row))

    @Slot(str, object)
    def _segment_field_edited(self, key: str, value) -> None:
        row = self.selected_row()
        if self.draft is None or row < 0:
            return
        if self.draft.segments.segment(row).get(key) != value:
            self.undo_stack.push(SetSegmentFields(self.draft, row, {key: value}))

    @Slot(str)
    def _segment_kind_chosen(self, kind: str) -> None:
        row = self.selected_row()
        if self.draft is None or row < 0:
            return
        segment = self.draft.segments.segment(row)
        changes: dict = {"kind": kind}
        if kind == "speaker":
            changes["count"] = segment.get("count") or 1
            changes["minutes_each"] = segment.get("minutes_each") or max(
                1, segment.get("minutes") or 1)
        else:
            changes.update(count=None, minutes_each=None)
        if kind not in SHARING_KINDS:
            changes["share_minutes"] = None
        self.undo_stack.push(SetSegmentFields(
            self.draft, row, changes, f"Make segment {row + 1} {KIND_LABELS[kind]}"))

    @Slot()
    def _choose_reading(self) -> None:
        row = self.selected_row()
        if self.draft is None or row < 0:
            return
        current = self.draft.segments.segment(row).get("reading", "")
        chosen = self.pick_reading(current)
        if chosen and chosen != current:
            self.undo_stack.push(SetSegmentFields(self.draft, row, {"reading": chosen}))

    def pick_reading(self, current: str) -> str | None:
        """Ask for a reading with the searchable picker. Tests replace this method."""
        words = self.library.words(self.group.program, self.group.words) if self.group else {}
        picker = ReadingPicker(self.library, current, words, self)
        return picker.chosen_id() if picker.exec() == QDialog.DialogCode.Accepted else None

    @Slot()
    def add_segment(self, kind: str) -> None:
        if self.draft is None:
            return
        row = self.selected_row() + 1 if self.selected_row() >= 0 else \
            self.draft.segments.rowCount()
        self.undo_stack.push(AddSegment(self.draft, row, new_segment(kind)))
        self.segment_view.setFocus()

    @Slot()
    def remove_segment(self) -> None:
        row = self.selected_row()
        if self.draft is not None and row >= 0:
            self.undo_stack.push(RemoveSegment(self.draft, row))

    def move_selected(self, step: int) -> None:
        row = self.selected_row()
        if self.draft is None or row < 0:
            return
        target = row + step
        if 0 <= target < self.draft.segments.rowCount():
            self.undo_stack.push(MoveSegment(self.draft, row, target))

    @Slot(int, int)
    def _reorder_requested(self, row: int, final_row: int) -> None:
        self.undo_stack.push(MoveSegment(self.draft, row, final_row))

    # Showing the draft -----------------------------------------------------------------

    @Slot()
    def _draft_changed(self) -> None:
        draft = self.draft
        if draft is None:
            return
        for widget, value in ((self.name_edit, draft.header["name"]),
                              (self.description_edit, draft.header["description"])):
            if widget.text() != value:
                widget.setText(value)
                widget.setCursorPosition(0)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(draft.header["kind"])))
        self.length_spin.blockSignals(True)
        self.length_spin.setValue(int(draft.header["minutes"] or 0))
        self.length_spin.blockSignals(False)

        problems = draft.problems(self.library.readings)
        by_row: dict[int, list[str]] = {}
        header, listed = [], []
        for problem in problems:
            row, _field, sentence = draft.describe(problem)
            listed.append(sentence)
            if row is None:
                header.append(sentence)
            else:
                by_row.setdefault(row, []).append(sentence.split(": ", 1)[-1])
        draft.segments.set_problems(by_row)
        self.header_problems.setText("\n".join(header))
        self.header_problems.setVisible(bool(header))
        self.problems_label.setText(
            "" if not listed else "Not ready to save:\n" + "\n".join(f"• {s}" for s in listed))
        self.problems_label.setVisible(bool(listed))
        self._show_total()
        if self.selected_row() != draft.focus_row and not self._opening:
            self.select_segment(draft.focus_row)
        self._show_segment_form()
        self._update_title()

    def _show_total(self) -> None:
        total = self.draft.total_minutes()
        length = self.draft.header["minutes"] or 0
        text = f"{total:g} of {length:g} minutes"
        if total > length:
            text += f": {total - length:g} over"
            style = f"color: {shade('over')};"
        elif total < length:
            text += f": {length - total:g} to spare"
            style = f"color: {shade('spare')};"
        else:
            text += " ✓"
            style = f"color: {shade('exact')};"
        self.total_label.setText(text)
        self.total_label.setStyleSheet(style)

    @Slot()
    def _update_title(self) -> None:
        name = self.draft.header["name"] if self.draft else ""
        dirty = " *" if self.is_dirty() else ""
        self.setWindowTitle(f"Formats: {name}{dirty}" if name else "Formats")

    # Saving ------------------------------------------------------------------------------

    @Slot()
    def save(self) -> bool:
        """Save the open format. A built-in is saved as the group's copy, under a new id."""
        draft = self.draft
        if draft is None:
            return False
        try:
            fmt = draft.to_format(self.library.readings)
        except ContentError as error:
            sentences = [draft.describe(p)[2] for p in error.problems]
            self.show_problem("The format is not saved",
                              "Please fix this first:\n" + "\n".join(f"• {s}" for s in sentences))
            return False
        from_builtin = draft.builtin
        if from_builtin:
            fmt = fmt.with_changes(id=copy_id(self.library.formats, draft.header["id"]))
        try:
            self.store.save_format(fmt)
        except FacilitatorError as error:
            self.show_problem("The format is not saved", str(error))
            return False
        draft.header["id"] = fmt.id
        draft.builtin = False
        draft.source = fmt
        self.refresh_format_list(select=fmt.id)
        self._show_banner(saved_copy=fmt.id if from_builtin else "")
        self._update_list_buttons()
        self._update_title()
        self.formats_changed.emit()
        return True

    @Slot()
    def export_toml(self) -> Path | None:
        """Write the open format as a TOML file, the shape `facilitator check` reads."""
        import tomli_w

        if self.draft is None:
            return None
        try:
            fmt = self.draft.to_format(self.library.readings)
        except ContentError as error:
            self.show_problem("Not exported", "Please fix the format first:\n" + "\n".join(
                self.draft.describe(p)[2] for p in error.problems))
            return None
        path = self.choose_save_path("Export the format", f"{fmt.id}.toml",
                                     "Format files (*.toml)")
        if path is None:
            return None
        try:
            path.write_text(tomli_w.dumps(fmt.to_dict()), encoding="utf-8")
        except OSError as error:
            self.show_problem("Not exported", f"{path}: {error.strerror}")
            return None
        return path
