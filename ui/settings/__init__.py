"""The group's settings dialog, and filling it in from a Meeting Guide feed."""
