"""The chair's console: the screen a meeting runs on, and its widgets."""
