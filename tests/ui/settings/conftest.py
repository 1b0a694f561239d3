"""These tests share the editors' real store; tests/ui/conftest.py keeps modal dialogs out."""

from tests.ui.editors.conftest import store  # noqa: F401
