"""Calendar arithmetic (weeks, weekdays, years of year-less dates) and the publication date of a text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.normalize import calendar as cal

THU = dt.date(2025, 10, 16)
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31))


@given(days)
def test_week_bounds_run_monday_to_sunday_around_the_day(day):
    monday, sunday = cal.week_bounds(day)
    assert monday.weekday() == 0 and sunday.weekday() == 6
    assert monday <= day <= sunday and (sunday - monday).days == 6


@given(days)
def test_month_bounds_cover_the_month(day):
    first, last = cal.month_bounds(day.year, day.month)
    assert first.day == 1 and first <= day <= last
    assert (last + dt.timedelta(days=1)).day == 1


@given(days, st.integers(min_value=0, max_value=6))
def test_relative_weekdays_land_on_the_weekday_within_a_week(anchor, weekday):
    for resolve in (cal.weekday_on_or_before, cal.weekday_on_or_after, cal.weekday_before, cal.weekday_after):
        day = resolve(anchor, weekday)
        assert day.weekday() == weekday and abs((day - anchor).days) <= 7
    assert cal.weekday_on_or_before(anchor, weekday) <= anchor <= cal.weekday_on_or_after(anchor, weekday)
    assert cal.weekday_before(anchor, weekday) < anchor < cal.weekday_after(anchor, weekday)


@given(days, st.integers(min_value=-30, max_value=30))
def test_add_months_round_trips(day, delta):
    year, month = cal.add_months(day.year, day.month, delta)
    assert cal.add_months(year, month, -delta) == (day.year, day.month)


@pytest.mark.parametrize(
    ("month", "day", "anchor", "tense", "weekday", "expected"),
    [
        (3, 9, dt.date(2023, 12, 29), cal.PAST, None, 2023),
        (11, 30, dt.date(2019, 5, 5), cal.PAST, None, 2018),
        (10, 1, dt.date(2019, 8, 23), cal.FUTURE, None, 2019),
        (1, 2, dt.date(2023, 12, 30), cal.FUTURE, None, 2024),
        (1, 2, dt.date(2023, 12, 30), cal.NEAREST, None, 2024),
        (6, 4, dt.date(2025, 5, 31), cal.PAST, 2, 2025),
        (10, 17, THU, cal.PAST, None, 2025),
    ],
    ids=["past_same_year", "past_previous_year", "future_same_year", "future_next_year", "nearest_next_year",
         "weekday_decides", "slack_for_a_day_ahead"],
)
def test_choose_year_for_day(month, day, anchor, tense, weekday, expected):
    assert cal.choose_year_for_day(month, day, anchor, tense, weekday) == expected


@pytest.mark.parametrize(
    ("month", "anchor", "tense", "expected"),
    [(8, THU, cal.PAST, 2025), (11, dt.date(2019, 5, 5), cal.PAST, 2018),
     (10, dt.date(2018, 7, 11), cal.NEAREST, 2018), (1, dt.date(2024, 12, 20), cal.FUTURE, 2025),
     (12, dt.date(2024, 1, 3), cal.PAST, 2023)],
    ids=["past_this_year", "past_last_year", "nearest_ahead", "future_next_year", "past_december_in_january"],
)
def test_choose_year_for_month(month, anchor, tense, expected):
    assert cal.choose_year_for_month(month, anchor, tense) == expected


@pytest.mark.parametrize(
    ("anchor", "relation", "tense", "expected_monday"),
    [(THU, None, cal.PAST, "2025-10-06"), (dt.date(2024, 8, 26), None, cal.PAST, "2024-08-19"),
     (dt.date(2025, 10, 19), None, cal.PAST, "2025-10-13"), (THU, None, cal.FUTURE, "2025-10-13"),
     (THU, "next", cal.PAST, "2025-10-20"), (dt.date(2025, 10, 19), "next", cal.PAST, "2025-10-20"),
     (dt.date(2025, 10, 19), "last", cal.PAST, "2025-10-06")],
    ids=["thursday_recent_weekend", "monday_weekend_just_past", "sunday_own_weekend", "future_coming_weekend",
         "next_weekend_after_the_coming_one", "next_weekend_on_a_sunday", "last_weekend_on_a_sunday"],
)
def test_weekend_week(anchor, relation, tense, expected_monday):
    assert cal.weekend_week(anchor, relation, tense)[0].isoformat() == expected_monday


@pytest.mark.parametrize(
    ("offset", "tense", "expected_monday"),
    [(0, cal.FUTURE, "2019-05-06"), (0, cal.PAST, "2019-04-29"), (-1, cal.PAST, "2019-04-29"),
     (1, cal.FUTURE, "2019-05-13")],
    ids=["this_week_future", "this_week_past", "last_week_just_ending", "next_week"],
)
def test_relative_week_on_a_sunday(offset, tense, expected_monday):
    monday, _ = cal.relative_week(dt.date(2019, 5, 5), offset, tense, sunday_starts_week=True)
    assert monday.isoformat() == expected_monday


def test_thanksgiving_is_the_fourth_thursday():
    assert cal.nth_weekday(2025, 11, 3, 4) == dt.date(2025, 11, 27)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saratov refinery on fire\n11 February 2025\n\nRussia's Defence Ministry...", dt.date(2025, 2, 11)),
        ("Analysis: U.S. fires more tariffs at China\nJul 11, 2018\n\nWashington...", dt.date(2018, 7, 11)),
        ("Trump to lift tariffs\nPublished: May 5, 2019 10:30 GMT\nDeclaring that...", dt.date(2019, 5, 5)),
        ("LIVE | 2024-06-01 | Energy sites in five regions hit\nSaturday's salvo...", dt.date(2024, 6, 1)),
        ("Strikes on Kyiv\nKYIV, Oct 16, 2025 (Reuters) - Russia launched...", dt.date(2025, 10, 16)),
        ("Talks in Geneva\nToday, 12 May 2025, the two sides agreed to cut tariffs.", dt.date(2025, 5, 12)),
        ("Ukraine hit\nThursday, October 16, 2025\nRussia fired 300 drones.", dt.date(2025, 10, 16)),
    ],
    ids=["date_line", "abbreviated_date_line", "published_label_with_time", "pipe_separated_headline",
         "agency_dateline", "full_date_presented_as_today", "weekday_date_line"],
)
def test_infer_published_date(text, expected):
    assert cal.infer_published_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Russian rocket salvo cuts Kharkiv's power\nKharkiv has no electricity after Friday's strikes.",
        "Geneva deal\nThe two sides agreed on 12 May 2025 to cut tariffs. From 14 May 2025...",
        "Strikes\n11 February 2025\n12 February 2025\nRussia's ministry said...",
        "KIEV, August 1. /TASS/. The United States has delivered four HIMARS.",
        "Budget talks\nThe plan for 2025 was agreed in March 2024.",
    ],
    ids=["no_date_at_all", "body_dates_only", "two_different_date_lines", "dateline_without_year",
         "months_and_years"],
)
def test_infer_published_date_is_conservative(text):
    assert cal.infer_published_date(text) is None


def test_make_document_marks_an_inferred_date():
    from transforms.documents import make_document

    doc = make_document("Strikes\n11 February 2025\nDrones hit Saratov.", source_name="t.txt", source_uri="file:///t")
    assert (doc.published_date, doc.published_date_source) == (dt.date(2025, 2, 11), "inferred")


def test_easter_western_and_orthodox():
    assert cal.easter(2025) == dt.date(2025, 4, 20) == cal.easter(2025, orthodox=True)
    assert cal.easter(2024) == dt.date(2024, 3, 31) and cal.easter(2024, orthodox=True) == dt.date(2024, 5, 5)
