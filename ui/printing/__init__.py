"""Printing from the app: a live preview of the real PDF, the print dialog and Save as PDF."""
