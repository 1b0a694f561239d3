"""These tests share the editors' real store; tests/ui/conftest.py keeps modal dialogs out."""

from tests.ui.editors.conftest import data_dir, store  # noqa: F401
