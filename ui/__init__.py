"""The Qt app over the Facilitator core: windows and widgets, with no rules of their own."""
