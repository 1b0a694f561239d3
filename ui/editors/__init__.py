"""The secretary's editors: formats, readings and the pickers they share."""
