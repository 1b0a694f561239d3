"""One sheet being made: tonight's plan, the paper, the font family and the group's details.

Every layout receives a `Sheet`, so that the choices made once per print (which
plan, which font can print the text, what the header says) are made in one
place and the same on every layout.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from facilitator.content import Library
from facilitator.model import Format, GroupSettings
from facilitator.plan import Plan, TonightChoice, build_plan
from facilitator.sheets import SheetOptions
from facilitator.sheets.fonts import FontFamily, family_for
from facilitator.sheets.papers import PAPER_SIZES, Paper


class Sheet(NamedTuple):
    """Everything a layout needs: the options, tonight's plan, the paper and the font."""

    library: Library
    options: SheetOptions
    plan: Plan
    paper: Paper
    family: FontFamily

    @classmethod
    def prepare(cls, library: Library, fmt: Format, options: SheetOptions) -> Sheet:
        group = options.group or GroupSettings(program=options.program)
        choice = TonightChoice(step=options.step, topic=options.topic.strip())
        # Without a group, the meeting is as long as the format says; with one, the
        # group's meeting length rules and the planner fits the segments to it.
        plan = build_plan(library, fmt, options.program, group, options.date,
                          options.start, choice, options.history,
                          meeting_minutes=None if options.group else fmt.minutes)
        family = family_for(_all_text(plan, library))
        return cls(library, options, plan, PAPER_SIZES[options.paper], family)

    @property
    def large_print(self) -> bool:
        return self.options.large_print

    @property
    def format(self) -> Format:
        return self.plan.format

    @property
    def group(self) -> GroupSettings:
        return self.plan.group

    @property
    def heading(self) -> str:
        """The sheet's main title: the group's name, or the format's name when there is none."""
        return self.group.name.strip() or self.format.name

    @property
    def meeting_type(self) -> str:
        return self.group.meeting_type_label()

    def date_line(self) -> str:
        date = self.plan.date
        return f"{date:%A}, {date.day} {date:%B %Y}"

    def time_line(self) -> str:
        """"19:00–20:30 · 90 minutes": tonight's planned times, as fitted to the meeting."""
        plan = self.plan
        return f"{plan.start:%H:%M}–{plan.end:%H:%M} · {plan.planned_minutes:g} minutes"


def _all_text(plan: Plan, library: Library) -> str:
    """Everything the sheet may print, so the font can be chosen to cover it."""
    parts = [plan.format.name, plan.format.description, plan.group.name, plan.program.name,
             plan.choice.topic, plan.group.meeting_type_label()]
    for planned in plan.segments:
        parts += [planned.title, planned.note, planned.reading_title, planned.text,
                  planned.source]
    return "".join(parts)


def clock(moment: dt.datetime) -> str:
    return f"{moment:%H:%M}"


def minutes_label(minutes: float) -> str:
    return f"{minutes:g} min"
