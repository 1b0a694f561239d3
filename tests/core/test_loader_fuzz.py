"""Hypothesis feeds the loaders garbage: the only outcomes are a clean load or a clean error."""

import contextlib
import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.check import check_files
from facilitator.content import builtin_library, content_kind, load_content, parse_toml
from facilitator.model import Format, GroupSettings, HistoryEntry, Reading
from facilitator.problems import ContentError, Problem

LIBRARY = builtin_library()

toml_scalars = st.one_of(
    st.integers(-10**6, 10**6), st.floats(allow_nan=True), st.booleans(),
    st.text(max_size=30), st.sampled_from(["reading", "shares", "welcome", "step", "[addicts]"]),
)
toml_values = st.recursive(
    toml_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["kind", "minutes", "reading", "id", "title", "text", "items",
                         "count", "minutes_each", "share_minutes", "note", "x"]),
        children, max_size=5),
    max_leaves=12,
)
documents = st.dictionaries(
    st.sampled_from(["id", "name", "kind", "minutes", "description", "segment", "title",
                     "source", "text", "items", "program", "topics", "words", "zzz"]),
    toml_values, max_size=7,
)


def load_any(data: dict):
    """Load a parsed document the way check does, whatever it holds."""
    kind = content_kind(data)
    if kind == "reading":
        return Reading.from_dict(data, LIBRARY.slots)
    if kind == "format":
        return Format.from_dict(data, LIBRARY.readings)
    return None


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_random_documents_load_or_fail_cleanly(data):
    try:
        load_any(data)
    except ContentError as error:
        assert error.problems
        assert all(isinstance(p, Problem) and p.message for p in error.problems)


@settings(max_examples=300)
@given(st.binary(max_size=400))
def test_random_bytes_load_or_fail_cleanly(raw):
    try:
        load_content(raw, "fuzz.toml", LIBRARY)
    except ContentError as error:
        assert all(str(p).startswith("fuzz.toml") for p in error.problems)


@settings(max_examples=200)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_random_text_load_or_fail_cleanly(text):
    try:
        data = parse_toml(text, "fuzz.toml")
    except ContentError as error:
        assert str(error.problems[0]).startswith("fuzz.toml")
        return
    assert isinstance(data, dict)
    with contextlib.suppress(ContentError):
        load_any(data)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_check_never_raises_on_random_files(tmp_path, raw):
    path = tmp_path / "random.toml"
    path.write_bytes(raw)
    for problem in check_files([path], LIBRARY):
        assert problem.file == str(path)


@settings(max_examples=200)
@given(st.dictionaries(st.sampled_from(
    ["name", "program", "meeting_type", "designations", "start", "length", "words", "muted",
     "bookmark", "schedule", "date", "format_id", "step", "nobody"]), toml_values, max_size=6))
def test_settings_and_history_load_or_fail_cleanly(data):
    for build in (GroupSettings.from_dict, HistoryEntry.from_dict):
        try:
            build(data)
        except ContentError as error:
            assert error.problems


def test_valid_toml_round_trips_through_the_loader():
    text = (
        'id = "x"\nname = "X"\nkind = "step"\nminutes = 5\n'
        '[[segment]]\nkind = "study"\nminutes = 5\n'
    )
    assert Format.from_dict(tomllib.loads(text), LIBRARY.readings).total_minutes == 5


@pytest.mark.parametrize("text", ["20260407", "2026-W15-2", "2026-4-7", " 2026-04-07x", "",
                                  "9999-12-31", "1899-12-31"])
def test_only_plain_dates_in_meeting_years_are_dates(text):
    from facilitator.validation import parse_date

    assert parse_date(text) is None


def test_a_plain_date_is_a_date():
    from datetime import date

    from facilitator.validation import parse_date

    assert parse_date(" 2026-04-07 ") == date(2026, 4, 7)
