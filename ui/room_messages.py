"""The preset messages the chair can put on the room display with one key.

They live apart from the room display itself so that the menus can list them
before the first paint without loading the display's widgets.
"""

PRESET_MESSAGES = ("Please start wrapping up", "Last share", "Thank you for sharing")
