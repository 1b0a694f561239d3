"""Loads reportlab for the sheets, quickly, and sets the two options the sheets rely on.

`facilitator print` is measured against a process that makes a one-page PDF
with reportlab's canvas (design.md section 11), so start-up matters. Two costs
are cut here, before any other sheets module imports reportlab:

- reportlab's paragraph modules compile, at import, two regular expressions
  the sheets never use: a large case-insensitive Unicode pattern that recognises
  URLs (`uri_pat`, about 20 ms; the sheets print no links) and the CJK pattern of
  `textsplit.cjkwrap` (about 2.5 ms; the paragraphs break lines without it). So
  while those modules are imported, `re.compile` hands back a lazy stand-in for
  exactly these two patterns, compiled on first use if ever, and compiles
  everything else as usual.
- Page streams are written as compressed binary, not ASCII85 text
  (`useA85 = 0`): smaller files and less work, and every PDF reader accepts them.
"""

from __future__ import annotations

import re
import sys

_URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"
_CJK_WRAP_PATTERN = "([\u2e80-\uffff])"


def _unused_by_sheets(pattern: object) -> bool:
    return isinstance(pattern, str) and (
        pattern.startswith(_URI_PATTERN_START) or pattern == _CJK_WRAP_PATTERN)


class _LazyPattern:
    """A compiled pattern that compiles itself the first time it is used."""

    def __init__(self, pattern: str, flags: int):
        self._source = (pattern, flags)
        self._compiled: re.Pattern | None = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = re.compile(*self._source)
        return getattr(self._compiled, name)


def load() -> None:
    """Import reportlab's paragraph machinery once per process, without its unused regexes."""
    if "reportlab.platypus.paragraph" not in sys.modules:
        real_compile = re.compile

        def compile_lazily(pattern, flags=0):
            if _unused_by_sheets(pattern):
                return _LazyPattern(pattern, flags)
            return real_compile(pattern, flags)

        re.compile = compile_lazily
        try:
            import reportlab.platypus.paragraph  # noqa: F401
        finally:
            re.compile = real_compile
    from reportlab import rl_config

    rl_config.useA85 = 0


load()
