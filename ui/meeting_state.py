"""What the app saves so that a meeting can be resumed, and how it rebuilds it.

The core `Run.to_state()` holds where the meeting is and the timer; beside it
the app keeps what is needed to build the same plan again: the format, the
date, the start time and tonight's choice of step, topic, passage and speaker
count and minutes. Speakers' first names are deliberately left out (design.md
section 3): after a resume the timer shows "Speaker 1" instead.
"""

from __future__ import annotations

import random
from datetime import date as Date

from facilitator.plan import TonightChoice, build_plan


def tonight_inputs(plan, screen=None) -> dict:
    """The plan's inputs as plain data, names excluded."""
    choice = plan.choice
    return {
        "format_id": plan.format.id,
        "program": plan.program.id,
        "date": plan.date.isoformat(),
        "start": f"{plan.start:%H:%M}",
        "step": choice.step,
        "topic": choice.topic,
        "passage": choice.passage,
        "speaker_count": choice.speaker_count,
        "speaker_minutes": choice.speaker_minutes,
    }


def state_for(run, inputs: dict) -> dict:
    return {"tonight": dict(inputs), "run": run.to_state()}


def rebuild_plan(inputs: dict, library, group, history):
    choice = TonightChoice(
        step=inputs.get("step"), topic=inputs.get("topic") or "",
        passage=inputs.get("passage") or "", speaker_count=inputs.get("speaker_count"),
        speaker_minutes=inputs.get("speaker_minutes"))
    fmt = library.format(inputs["format_id"])
    return build_plan(library, fmt, inputs.get("program") or group.program, group,
                      Date.fromisoformat(inputs["date"]), inputs["start"], choice, history,
                      rng=random.Random(0))


def describe(state: dict, library, group, history):
    """The plan again, and the question to ask: "Continue the meeting that started at 19:00?"."""
    plan = rebuild_plan(state["tonight"], library, group, history)
    index = int(state["run"].get("index", 0))
    question = (f"Continue the meeting that started at {plan.start:%H:%M}? "
                f"(segment {index + 1} of {len(plan.segments)})")
    return plan, question


def restore_run(plan, state: dict, clock):
    from facilitator.run import Run

    return Run.restore(plan, state["run"], clock)
