"""Resume: the question to ask about a meeting left running, and the run rebuilt from it.

The core does the work (`Run.to_state`, `resume_plan`, `Run.restore`); this
module only words the offer: "Continue the meeting that started at 19:00?
(segment 7 of 12)". Speakers' first names were never saved, so after a resume
the timer says "Speaker 1" instead.
"""

from __future__ import annotations

from facilitator.run import Run, resume_plan


def describe(state: dict, library, group, history):
    """The plan the saved run followed, and the question to ask the chair."""
    plan = resume_plan(library, group, state, history)
    index = int(state.get("index", 0))
    question = (f"Continue the meeting that started at {plan.start:%H:%M}? "
                f"(segment {index + 1} of {len(plan.segments)})")
    return plan, question


def restore_run(plan, state: dict, clock) -> Run:
    return Run.restore(plan, state, clock)
