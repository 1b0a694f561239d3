"""What every command works with: the options it was given and the content it can see.

Commands get their library from here rather than loading content themselves, so
that the group's own formats and readings appear beside the built-ins everywhere.
"""

from __future__ import annotations

import argparse
import functools
from dataclasses import dataclass

from facilitator.content import Library, builtin_library


@dataclass
class Context:
    """The parsed arguments, with content loaded only when a command first asks for it."""

    args: argparse.Namespace

    @functools.cached_property
    def library(self) -> Library:
        return builtin_library()
