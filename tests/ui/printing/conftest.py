"""The printing tests share the editors' fixtures: a real store, and no modal dialog."""

from tests.ui.editors.conftest import data_dir, no_modal_dialogs, store  # noqa: F401
