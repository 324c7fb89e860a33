"""date_mentions: every calendar day, week, month or year named in a text, resolved to its period."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.documents import make_document
from transforms.extract import date_mentions
from transforms.extract._event_dates import event_date, main_event_date

THU = dt.date(2025, 10, 16)  # a Thursday
SUN = dt.date(2019, 5, 5)  # a Sunday (GOLD_FORMAT rule 19)


def _doc(text: str, published: dt.date | None):
    return make_document(text, source_name="t.txt", source_uri="file:///t.txt", published_date=published)


def _mentions(text: str, published: dt.date | None) -> list[tuple[str, str, str | None]]:
    doc = _doc(text, published)
    return [(doc.text[r["char_start"]:r["char_end"]], r["granularity"],
             r["period_start"].isoformat() if r["period_start"] else None)
            for r in date_mentions.extract(doc)]


ABSOLUTE_DAYS = [
    ("Russia struck Kyiv on October 13.", THU, [("on October 13", "day", "2025-10-13")]),
    ("The talks opened Oct. 13 in Geneva.", THU, [("Oct. 13", "day", "2025-10-13")]),
    ("Sanctions took effect Oct 13.", THU, [("Oct 13", "day", "2025-10-13")]),
    ("The strike on 13 October killed two.", THU, [("on 13 October", "day", "2025-10-13")]),
    ("LIVE | 2025-10-13 | Strikes on Kharkiv", THU, [("2025-10-13", "day", "2025-10-13")]),
    ("The ceasefire began on October 13, 2024.", THU, [("on October 13, 2024", "day", "2024-10-13")]),
    ("Washington, Jul 11, 2018", THU, [("Jul 11, 2018", "day", "2018-07-11")]),
    ("Early on Tuesday, March 11, drones hit Moscow.", dt.date(2025, 3, 11),
     [("Early on Tuesday, March 11", "day", "2025-03-11")]),
    ("Tariffs rise to 50%, effective Wednesday, June 4th.", dt.date(2025, 5, 31),
     [("Wednesday, June 4th", "day", "2025-06-04")]),
    ("NEW YORK, April 25th. /TASS/. Officials spoke.", dt.date(2024, 4, 25),
     [("April 25th", "day", "2024-04-25")]),
    ("11 February 2025\nDrones hit Saratov.", None, [("11 February 2025", "day", "2025-02-11")]),
    ("The duties added on 8 and 9 April 2025 will go.", None,
     [("on 8 and 9 April 2025", "day", "2025-04-08"), ("on 8 and 9 April 2025", "day", "2025-04-09")]),
    ("The summit is planned for Oct. 24-25 in Brussels.", THU,
     [("for Oct. 24-25", "day", "2025-10-24"), ("for Oct. 24-25", "day", "2025-10-25")]),
    ("On the night of 23-24 April, Russia attacked Kyiv.", dt.date(2025, 4, 24),
     [("On the night of 23-24 April", "day", "2025-04-24")]),
    ("The attack started on the evening of March 6.", dt.date(2025, 3, 7),
     [("on the evening of March 6", "day", "2025-03-06")]),
    ("It went on until the early hours of March 7.", dt.date(2025, 3, 7),
     [("until the early hours of March 7", "day", "2025-03-07")]),
    ("Kyiv reported strikes on 10.10.2025 and on 2025/10/11.", THU,
     [("on 10.10.2025", "day", "2025-10-10"), ("on 2025/10/11", "day", "2025-10-11")]),
    ("Talks were held on the 13th of October.", THU, [("on the 13th of October", "day", "2025-10-13")]),
]

YEAR_FROM_THE_ANCHOR = [
    ("In late November, the two leaders agreed a truce.", SUN, [("In late November", "month", "2018-11-01")]),
    ("Tariffs will rise to 30 percent on Oct. 1.", dt.date(2019, 8, 23),
     [("on Oct. 1", "day", "2019-10-01")]),
    ("The process opened on July 10 to impose tariffs by October.", dt.date(2018, 7, 11),
     [("on July 10", "day", "2018-07-10"), ("by October", "month", "2018-10-01")]),
    ("Moscow escalated its air campaign last October.", dt.date(2023, 3, 9),
     [("last October", "month", "2022-10-01")]),
    ("This year's biggest barrage was on March 9.", dt.date(2023, 12, 29),
     [("This year", "year", "2023-01-01"), ("on March 9", "day", "2023-03-09")]),
    ("In January, the EU will decide on new duties.", dt.date(2024, 12, 20),
     [("In January", "month", "2025-01-01")]),
    ("Russia fired 1,000 drones in December.", dt.date(2024, 1, 3), [("in December", "month", "2023-12-01")]),
    ("Retaliatory duties of 5 or 10 percent apply from September.", dt.date(2019, 8, 23),
     [("from September", "month", "2019-09-01")]),
]

MONTHS_AND_YEARS = [
    ("It was the biggest attack since late August.", THU, [("since late August", "month", "2025-08-01")]),
    ("The US will keep its pre-April 2025 tariffs.", None, [("pre-April 2025", "month", "2025-04-01")]),
    ("The invasion began in February 2022.", THU, [("in February 2022", "month", "2022-02-01")]),
    ("The plant was built in 2024 and damaged since 2023.", THU,
     [("in 2024", "year", "2024-01-01"), ("since 2023", "year", "2023-01-01")]),
    ("The jets could be in service in early 2024.", dt.date(2023, 8, 21),
     [("in early 2024", "year", "2024-01-01")]),
    ("Officials met in mid-October.", THU, [("in mid-October", "month", "2025-10-01")]),
    ("The war escalated from 2022 to 2024.", THU,
     [("from 2022", "year", "2022-01-01"), ("2024", "year", "2024-01-01")]),
    ("Deliveries slowed in March and April.", THU,
     [("in March", "month", "2025-03-01"), ("April", "month", "2025-04-01")]),
    ("In the first half of 2025, exports fell.", THU, [("In the first half of 2025", "year", "2025-01-01")]),
    ("Prices rose 3.5% in 2024.", THU, [("in 2024", "year", "2024-01-01")]),
]

WEEKDAYS = [
    ("At least six people were killed on Thursday.", THU, [("on Thursday", "day", "2025-10-16")]),
    ("Zelensky will meet Trump at the White House on Friday.", THU, [("on Friday", "day", "2025-10-17")]),
    ("On Friday, Zelensky will meet Trump.", THU, [("On Friday", "day", "2025-10-17")]),
    ("The conversation comes ahead of Trump's scheduled Friday meeting.", THU,
     [("Friday", "day", "2025-10-17")]),
    ("In an interview on Sunday, Zelensky asked for air defence.", THU, [("on Sunday", "day", "2025-10-12")]),
    ("The talks were held last Thursday in Geneva.", THU, [("last Thursday", "day", "2025-10-09")]),
    ("The deadline is next Tuesday.", THU, [("next Tuesday", "day", "2025-10-21")]),
    ("Blasts were heard early Sunday in Odesa.", dt.date(2024, 11, 17),
     [("early Sunday", "day", "2024-11-17")]),
    ("Russia hit the grid during the Monday morning commute.", dt.date(2024, 8, 26),
     [("Monday morning", "day", "2024-08-26")]),
    ("Friday's strikes damaged nine power facilities.", dt.date(2022, 12, 17),
     [("Friday's", "day", "2022-12-16")]),
    ("Power stations came under attack overnight into Sunday.", dt.date(2024, 11, 17),
     [("overnight into Sunday", "day", "2024-11-17")]),
    ("The strike happened late on Tuesday night.", THU, [("late on Tuesday night", "day", "2025-10-14")]),
    ("President Trump said Sunday that on Friday he will raise tariffs.", SUN,
     [("Sunday", "day", "2019-05-05"), ("on Friday", "day", "2019-05-10")]),
    ("CNBC said a deal was possible by this Friday.", SUN, [("by this Friday", "day", "2019-05-10")]),
    ("Trump said on Saturday that he will meet Putin on Monday.", dt.date(2025, 10, 19),
     [("on Saturday", "day", "2025-10-18"), ("on Monday", "day", "2025-10-20")]),
]

RELATIVE_PERIODS = [
    ("Zelensky arrives in Washington later this week.", THU, [("later this week", "week", "2025-10-13")]),
    ("Earlier this week, Russian forces attacked a hospital.", THU,
     [("Earlier this week", "week", "2025-10-13")]),
    ("Last week, Rostov and Bryansk were targeted.", dt.date(2024, 12, 19),
     [("Last week", "week", "2024-12-09")]),
    ("Officials will meet next week.", THU, [("next week", "week", "2025-10-20")]),
    ("Trump indicated over the weekend that he would act.", THU,
     [("over the weekend", "week", "2025-10-06")]),
    ("Over the weekend, Zelenskiy announced a new drone.", dt.date(2024, 8, 26),
     [("Over the weekend", "week", "2024-08-19")]),
    ("Liu He is due to lead a delegation to Washington this week.", SUN,
     [("this week", "week", "2019-05-06")]),
    ("Last week, both sides reported progress.", SUN, [("Last week", "week", "2019-04-29")]),
    ("This week, Russia launched 500 drones.", dt.date(2025, 10, 19), [("This week", "week", "2025-10-13")]),
    ("It was the sixth time this month that gas sites were hit.", THU,
     [("this month", "month", "2025-10-01")]),
    ("Duties on a further $16 billion are due next month.", dt.date(2018, 7, 11),
     [("next month", "month", "2018-08-01")]),
    ("Earlier this month, the EU agreed new sanctions.", THU,
     [("Earlier this month", "month", "2025-10-01")]),
    ("It was the third biggest attack so far this year.", dt.date(2024, 11, 17),
     [("so far this year", "year", "2024-01-01")]),
    ("Six jets are due by the end of this year, then eight next year.", dt.date(2023, 8, 21),
     [("by the end of this year", "year", "2023-01-01"), ("next year", "year", "2024-01-01")]),
    ("Since the start of the year, no strike used as many missiles.", dt.date(2025, 3, 7),
     [("Since the start of the year", "year", "2025-01-01")]),
    ("A deal is expected by year-end.", THU, [("by year-end", "year", "2025-01-01")]),
    ("Prices fell last year.", THU, [("last year", "year", "2024-01-01")]),
]

RELATIVE_DAYS = [
    ("Kyiv was attacked yesterday.", THU, [("yesterday", "day", "2025-10-15")]),
    ("Ukraine said today it downed 40 drones.", THU, [("today", "day", "2025-10-16")]),
    ("\"Great progress was made with today's call,\" Trump said.", THU, [("today's", "day", "2025-10-16")]),
    ("This morning's strike was the sixth this year.", dt.date(2024, 6, 1),
     [("This morning", "day", "2024-06-01"), ("this year", "year", "2024-01-01")]),
    ("Air raid alerts are expected tonight.", THU, [("tonight", "day", "2025-10-16")]),
    ("Drones struck Odesa last night.", THU, [("last night", "day", "2025-10-15")]),
    ("The summit ends tomorrow.", THU, [("tomorrow", "day", "2025-10-17")]),
]

TENSE = [
    ("The 45-day pause ends on Nov. 10.", THU, [("on Nov. 10", "day", "2025-11-10")]),
    ("Tariffs on United States goods take effect in November.", THU,
     [("in November", "month", "2025-11-01")]),
    ("Russian armed forces struck on Feb. 2.", THU, [("on Feb. 2", "day", "2025-02-02")]),
    ("Zelensky must decide by Friday.", THU, [("by Friday", "day", "2025-10-17")]),
    ("Power was out until Friday.", THU, [("until Friday", "day", "2025-10-10")]),
    ("The minister said power would be restored by Sunday evening.", THU,
     [("by Sunday evening", "day", "2025-10-19")]),
    ("By Sunday, Russia had launched 500 drones.", THU, [("By Sunday", "day", "2025-10-12")]),
    ("The 39% rate imposed in August will fall to 15% under a deal announced on Oct. 14.", THU,
     [("in August", "month", "2025-08-01"), ("on Oct. 14", "day", "2025-10-14")]),
    ("The tariff will be imposed in August.", THU, [("in August", "month", "2026-08-01")]),
    ("Local authorities have declared Sunday a day of mourning.", THU, [("Sunday", "day", "2025-10-19")]),
    ("It makes drones every day.\n\nSince 2022, partners have delivered eight batteries.", THU,
     [("Since 2022", "year", "2022-01-01")]),
    ("Russia fired 50 missiles on Sunday and will strike again on Friday.", THU,
     [("on Sunday", "day", "2025-10-12"), ("on Friday", "day", "2025-10-17")]),
    ("In the first week of March, talks resumed.", THU,
     [("In the first week of March", "month", "2025-03-01")]),
    ("Talks ran from Monday to Wednesday.", THU,
     [("from Monday to Wednesday", "day", "2025-10-13"), ("from Monday to Wednesday", "day", "2025-10-15")]),
    ("Drones attacked on the night of Saturday to Sunday.", THU,
     [("on the night of Saturday to Sunday", "day", "2025-10-12")]),
]

HOLIDAYS = [
    ("Russia attacked on Christmas Day.", dt.date(2024, 12, 25), [("on Christmas Day", "day", "2024-12-25")]),
    ("Ukrainians sheltered on Christmas morning.", dt.date(2024, 12, 25),
     [("on Christmas morning", "day", "2024-12-25")]),
    ("\"Putin deliberately chose Christmas for an attack,\" he wrote.", dt.date(2024, 12, 25),
     [("Christmas", "day", "2024-12-25")]),
    ("Strikes continued on New Year's Eve.", dt.date(2024, 1, 3),
     [("on New Year's Eve", "day", "2023-12-31")]),
    ("Kyiv was hit on New Year's Day.", dt.date(2024, 1, 3), [("on New Year's Day", "day", "2024-01-01")]),
    ("Orthodox Christmas is on Jan. 7.", THU,
     [("Christmas", "day", "2026-01-07"), ("on Jan. 7", "day", "2026-01-07")]),
    ("Russia held its Victory Day parade.", THU, [("Victory Day", "day", "2025-05-09")]),
    ("Trump spoke on Thanksgiving.", THU, [("on Thanksgiving", "day", "2024-11-28")]),
]

QUOTED_TODAY = [
    # A quoted "today" is the day it was spoken: the news day of the lead (rule 20).
    ("Zelensky hailed the decision on Sunday.\nFrederiksen said \"today we announced that we will donate "
     "19 jets\".", dt.date(2023, 8, 21),
     [("on Sunday", "day", "2023-08-20"), ("today", "day", "2023-08-20")]),
    ("\"Today, Russia used nearly every type of weapon,\" Zelensky wrote.", dt.date(2023, 12, 29),
     [("Today", "day", "2023-12-29")]),
    ("Zelensky said: \"Today we are stronger than yesterday.\"", THU,
     [("Today", "day", "2025-10-16"), ("yesterday", "day", "2025-10-15")]),
]

WITHOUT_ANCHOR = [
    ("Friday's strikes damaged nine power facilities.", None, [("Friday's", "day", None)]),
    ("On March 6, 2025, and in 2024, strikes hit Kyiv; in August and last week too.", None,
     [("On March 6, 2025", "day", "2025-03-06"), ("in 2024", "year", "2024-01-01"),
      ("in August", "month", None),
      ("last week", "week", None)]),
]

NOT_DATES = [
    ("Russia fired 40 drones overnight.", THU),
    ("The call came a day before the summit.", THU),
    ("The barrage lasted two hours, and talks must end within two weeks.", THU),
    ("They agreed a 90-day pause and more aid over the next year.", THU),
    ("For months Kyiv had asked for jets; the assault lasted 24 hours.", THU),
    ("This spring was wet and winter will be hard.", THU),
    ("Blasts were heard at around 7:00 am (0500 GMT).", THU),
    ("Putin may speak first. \"I may say that,\" Trump said.", THU),
    ("Thousands joined a march through Kyiv.", THU),
    ("Demand fell by 50%, and the missiles fly 1,600 kilometers.", THU),
    ("Theresa May met Zelensky in London.", THU),
    ("Black Friday sales fell, the Sunday Times reported.", THU),
    ("USA Today and Russia Today covered the talks.", THU),
    ("The last week has been hard, and the past year harder.", THU),
    ("Russia built 2,000 drones and 2025 more shells; Tu-95 bombers flew.", THU),
    ("Section 301 and 232 tariffs stay; Kh-101 missiles were used.", THU),
    ("Moscow's invasion began just over a year ago.", THU),
    ("The Christmas tree in Kyiv was lit.", THU),
    ("Trump met guests at Mar-a-Lago. Jan Lipavsky spoke.", THU),
    ("Officials met at 10/11/2025 events; page 12 shows 3 charts.", THU),
]


def _cases(*groups):
    return [case for group in groups for case in group]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    _cases(ABSOLUTE_DAYS, YEAR_FROM_THE_ANCHOR, MONTHS_AND_YEARS, WEEKDAYS, RELATIVE_PERIODS, RELATIVE_DAYS,
           TENSE, HOLIDAYS, QUOTED_TODAY, WITHOUT_ANCHOR),
    ids=[
        "month_day", "abbreviated_month_dot", "abbreviated_month", "day_month", "iso_in_headline",
        "month_day_year", "dateline_month_day_year", "weekday_month_day", "weekday_picks_the_year",
        "ordinal_dateline", "day_month_year_line", "two_days_one_mention", "day_range", "night_of_range",
        "evening_of", "early_hours_of", "numeric_dates", "ordinal_of_month",
        "past_month_previous_year", "future_day_next_months", "by_month_nearest", "last_month_name",
        "earlier_day_same_year", "future_month_next_year", "past_month_previous_year_in_january",
        "from_month_nearest",
        "since_late_month", "pre_month_year", "month_year", "years_after_cues", "early_year_is_year",
        "mid_month", "year_range_words", "month_list", "first_half_of_year", "year_after_percentage",
        "publication_weekday", "future_weekday", "fronted_future_weekday", "attributive_scheduled_weekday",
        "past_weekday", "last_weekday", "next_weekday", "early_weekday", "weekday_morning",
        "possessive_weekday", "overnight_into_weekday", "late_on_weekday_night",
        "said_sunday_that_will_friday",
        "this_weekday_on_sunday", "past_and_future_weekdays_on_sunday",
        "later_this_week", "earlier_this_week", "last_week", "next_week", "over_the_weekend_past",
        "over_the_weekend_on_monday", "sunday_this_week_future", "sunday_last_week", "sunday_this_week_past",
        "this_month_after_time", "next_month", "earlier_this_month", "so_far_this_year", "end_of_this_year",
        "since_start_of_the_year", "year_end", "last_year",
        "yesterday", "today", "todays_in_quote", "this_morning_possessive", "tonight", "last_night",
        "tomorrow",
        "timetable_day_nearest_year", "timetable_month_nearest_year", "past_verb_after_adjective",
        "deadline_weekday_ahead", "past_until_weekday", "reported_future_deadline_ahead", "past_perfect_by_weekday",
        "participle_dates_a_past_event", "passive_future_participle", "declared_day_is_ahead",
        "year_after_a_paragraph_break",
        "and_will_starts_a_clause", "lead_words_borrow_tense",
        "weekday_range", "night_of_weekday_to_weekday",
        "christmas_day", "christmas_morning", "christmas_alone", "new_years_eve_previous_year",
        "new_years_day", "orthodox_christmas", "victory_day", "thanksgiving",
        "quoted_today_is_the_lead_day", "quoted_today_without_lead_day", "quoted_today_lead_in_quote",
        "no_anchor_relative_unresolved", "no_anchor_absolute_resolves",
    ],
)
def test_date_mentions(text, published, expected):
    assert _mentions(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published"),
    NOT_DATES,
    ids=["bare_overnight", "a_day_before", "durations", "ninety_day_and_next_year_durations",
         "for_months_24_hours",
         "seasons", "clock_time", "may_as_verb", "march_as_noun", "percentages_and_distances", "theresa_may",
         "named_weekdays", "publications_named_today", "the_last_week_duration", "counts_and_model_numbers",
         "section_numbers", "ago_expressions", "christmas_tree", "month_abbreviations_as_names",
         "ambiguous_numeric_date_and_numbers"],
)
def test_not_date_mentions(text, published):
    assert _mentions(text, published) == []


@pytest.mark.parametrize(
    ("text", "granularity", "period", "resolution"),
    [
        ("Talks will resume next week.", "week", ("2025-10-20", "2025-10-26"), "relative"),
        ("The plant was hit in February.", "month", ("2025-02-01", "2025-02-28"), "relative"),
        ("The truce was agreed in 2024.", "year", ("2024-01-01", "2024-12-31"), "absolute"),
        ("The strike came on 2 April 2025.", "day", ("2025-04-02", "2025-04-02"), "absolute"),
        ("Russia attacked on Friday.", "day", ("2025-10-10", "2025-10-10"), "relative"),
    ],
    ids=["week_monday_to_sunday", "month_first_to_last_day", "year_jan_to_dec", "absolute_day",
         "relative_day"],
)
def test_periods_and_resolution(text, granularity, period, resolution):
    (row,) = date_mentions.extract(_doc(text, THU))
    assert row["granularity"] == granularity
    assert (row["period_start"].isoformat(), row["period_end"].isoformat()) == period
    assert row["resolution"] == resolution
    assert row["anchor_date"] == THU


def test_unresolved_rows_have_no_period():
    (row,) = date_mentions.extract(_doc("Strikes resumed on Friday.", None))
    assert (row["period_start"], row["period_end"], row["anchor_date"], row["resolution"]) == (
        None, None, None, "unresolved")


def test_extract_returns_fresh_rows_and_caches_the_resolution():
    doc = _doc("Russia attacked on Thursday. Talks follow next week.", THU)
    first = date_mentions.extract(doc)
    first[0]["fact_id"] = "mutated"
    second = date_mentions.extract(doc)
    assert "fact_id" not in second[0]
    assert date_mentions.CACHE_KEY in doc.cache
    assert len(second) == 2


def test_offsets_hold_the_mention():
    text = "KYIV, Oct 16 - Russia fired 300 drones overnight into Thursday and on Oct. 14, officials said."
    doc = _doc(text, THU)
    for row in date_mentions.extract(doc):
        assert 0 <= row["char_start"] < row["char_end"] <= len(doc.text)
        mention = doc.text[row["char_start"]:row["char_end"]]
        assert mention == mention.strip()


@pytest.mark.parametrize(
    ("text", "sentence_no", "expected"),
    [
        ("Russia strikes Ukraine's grid\nRussia fired 300 drones early Thursday. Eight regions lost power.",
         2,
         dt.date(2025, 10, 16)),
        ("Russia strikes Ukraine's grid\nRussia fired 300 drones on Tuesday. Eight regions lost power.", 2,
         dt.date(2025, 10, 14)),
        ("Ukraine downs drones\nRussia launched a massive overnight attack. Eight regions lost power.", 2,
         THU),
        ("Talks stall\nZelensky met Trump. Russia fired 50 missiles on Sunday and will strike on Friday.", 2,
         dt.date(2025, 10, 12)),
        ("Talks stall\nZelensky met Trump.\nIn March, Russia fired 50 missiles.", 2, None),
        ("Talks stall\nZelensky met Trump.\nRussia fired 50 missiles.", 2, None),
        ("Grid hit\nOn Thursday, Russia launched 400 drones. Eight regions lost power.", 2, THU),
    ],
    ids=["same_paragraph_lead_day", "past_weekday_in_lead", "overnight_lead_is_the_anchor",
         "past_day_wins_over_future", "month_only_sentence_has_no_day", "no_date_anywhere",
         "paragraph_day_carries_over"],
)
def test_event_date(text, sentence_no, expected):
    doc = _doc(text, THU)
    assert event_date(doc, sentence_no) == expected


def test_main_event_date_is_cached():
    doc = _doc("Strikes\nRussia fired 40 drones on Wednesday.", THU)
    assert main_event_date(doc) == dt.date(2025, 10, 15)
    assert doc.cache["main_event_date"] == dt.date(2025, 10, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia launched 1,511 drones in the week to June 7, up from 1,284 in the week to May 31.",
         [("in the week to June 7", "week", "2026-06-01"), ("in the week to May 31", "week", "2026-05-25")]),
        ("Strikes rose in the week to Sunday.", [("in the week to Sunday", "week", "2026-06-01")]),
        ("Prices fell during the week ending June 5.", [("during the week ending June 5", "week", "2026-06-01")]),
    ],
    ids=["week_to_a_day", "week_to_a_weekday", "week_ending"],
)
def test_the_week_to_a_day_is_that_week(text, expected):
    assert _mentions(text, dt.date(2026, 6, 9)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The rates take effect once published in the Federal Register, which is expected on Monday.",
         dt.date(2026, 8, 14), [("on Monday", "day", "2026-08-17")]),
        ("The NBA playoffs, which begin on Saturday, open in Oklahoma City.", dt.date(2026, 4, 14),
         [("on Saturday", "day", "2026-04-18")]),
        ("The exhibition runs until Nov. 30.", dt.date(2025, 3, 27), [("until Nov. 30", "day", "2025-11-30")]),
        ("The central bank last raised rates, by 25 basis points, in May.", dt.date(2025, 11, 27),
         [("in May", "month", "2025-05-01")]),
        ("A scheduled increase to 50 per cent was postponed in December.", dt.date(2026, 8, 14),
         [("in December", "month", "2025-12-01")]),
        ("Without the extension, the tariff would have jumped back to 44% on Nov. 10.", dt.date(2026, 11, 6),
         [("on Nov. 10", "day", "2026-11-10")]),
        ("The sanctions, due to expire on July 31, were extended for six months.", dt.date(2026, 3, 21),
         [("on July 31", "day", "2026-07-31")]),
        ("The safeguard expires on June 30 next year.", dt.date(2025, 6, 19),
         [("on June 30 next year", "day", "2026-06-30")]),
        ("Brussels imposed the duties in October last year.", dt.date(2024, 11, 5),
         [("in October last year", "month", "2023-10-01")]),
    ],
    ids=["is_expected_on_a_weekday", "timetable_begin_on", "runs_until", "closing_date_phrase_after_a_comma",
         "attributive_scheduled_in_a_past_clause", "counterfactual_is_nearest", "due_to_expire_on",
         "day_then_next_year_is_one_mention", "month_then_last_year_is_one_mention"],
)
def test_tense_of_timetables_closing_phrases_and_counterfactuals(text, published, expected):
    assert _mentions(text, published) == expected


def test_every_tense_phrase_holds_one_of_the_words_that_gate_it():
    from transforms.extract.date_mentions import (
        FUTURE_PHRASE_KEYS,
        FUTURE_PHRASES,
        TIMETABLE_KEYS,
        TIMETABLE_PHRASES,
    )

    assert all(not FUTURE_PHRASE_KEYS.isdisjoint(phrase.split()) for phrase in FUTURE_PHRASES)
    assert all(not TIMETABLE_KEYS.isdisjoint(phrase.split()) for phrase in TIMETABLE_PHRASES)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The plant was closed on Friday due to a strike.", dt.date(2026, 4, 15), [("on Friday", "day", "2026-04-10")]),
        ("Shares rose as expected on Monday.", dt.date(2026, 4, 15), [("on Monday", "day", "2026-04-13")]),
        ("A storm swept Kyiv, the mayor said; it would otherwise have reached Lviv on Sunday.", dt.date(2026, 4, 15),
         [("on Sunday", "day", "2026-04-12")]),
    ],
    ids=["due_to_a_cause_is_not_future", "as_expected_in_a_past_clause", "would_otherwise_is_a_counterfactual"],
)
def test_timetable_and_counterfactual_phrases_do_not_override_a_past_event(text, published, expected):
    assert _mentions(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales rose in the third quarter.", [("in the third quarter", "year", "2025-01-01")]),
        ("Third-quarter profit fell.", [("Third-quarter", "year", "2025-01-01")]),
        ("Profit will recover in the first quarter.", [("in the first quarter", "year", "2026-01-01")]),
        ("Exports fell in the July-September quarter.", [("in the July-September quarter", "year", "2025-01-01")]),
        ("This quarter is weak and last quarter was worse.",
         [("This quarter", "year", "2026-01-01"), ("last quarter", "year", "2025-01-01")]),
        ("In the first quarter of 2027 it will fall.", [("In the first quarter of 2027", "year", "2027-01-01")]),
    ],
    ids=["past_quarter_of_last_year", "adjectival_quarter", "future_quarter", "months_of_a_quarter",
         "this_and_last_quarter", "quarter_of_a_year"],
)
def test_a_quarter_is_the_year_it_falls_in(text, expected):
    # published in January: a past fourth or third quarter is last year's
    assert _mentions(text, dt.date(2026, 1, 18)) == expected


@pytest.mark.parametrize(
    "text",
    ["He scored twice in the third quarter of the game.", "Campbell left in the second quarter with a knee injury.",
     "They own a quarter of the company.", "Quarterly results are due."],
    ids=["game_quarter", "injury_in_a_game", "a_share", "quarterly"],
)
def test_not_quarters(text):
    assert _mentions(text, dt.date(2026, 1, 18)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Contracts were signed on May 3, and two days later the Commission proposed a fund.",
         [("on May 3", "day", "2023-05-03"), ("two days later", "day", "2023-05-05")]),
        ("Two days earlier, on Sunday, a missile struck Dnipro.",
         [("Two days earlier", "day", "2023-06-04"), ("on Sunday", "day", "2023-06-04")]),
        ("The city had already been hit on Sunday, two days earlier, when a missile struck.",
         [("on Sunday", "day", "2023-06-04"), ("two days earlier", "day", "2023-06-04")]),
        ("Drones hit the city on the night of June 1. Three days later, a refinery burned.",
         [("on the night of June 1", "day", "2023-06-01"), ("Three days later", "day", "2023-06-04")]),
        ("A second round of orders is due to close on the 24th, a diplomat said.",
         [("on the 24th", "day", "2023-06-24")]),
        ("Troops arrived on March 3 and left on the 5th.",
         [("on March 3", "day", "2023-03-03"), ("on the 5th", "day", "2023-03-05")]),
    ],
    ids=["days_later_from_the_event_before", "appositive_day_wins", "day_before_the_count_wins",
         "days_later_across_sentences",
         "ordinal_day_ahead", "ordinal_day_in_a_past_narrative"],
)
def test_days_counted_from_an_event_and_days_of_the_month(text, expected):
    assert _mentions(text, dt.date(2023, 6, 8)) == expected  # a Thursday


@pytest.mark.parametrize(
    "text",
    ["He arrived two days later than planned.", "The 19th package was adopted.", "It was the 12th time.",
     "The ceremony marks the 80th anniversary."],
    ids=["later_than", "rank_of_a_package", "rank_of_an_occasion", "anniversary"],
)
def test_not_days(text):
    assert _mentions(text, dt.date(2023, 6, 8)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The court upheld rulings by the trade court in May.", [("in May", "month", "2025-05-01")]),
        ("Temperatures were forecast to climb on Friday afternoon.", [("on Friday afternoon", "day", "2026-02-27")]),
        ("The 10% tariff runs out on July 23.", [("on July 23", "day", "2026-07-23")]),
        ("Ferries are suspended until Wednesday.", [("until Wednesday", "day", "2026-02-25")]),
        ("The poll came less than three weeks before the March 12 election.", [("March 12", "day", "2026-03-12")]),
        ("The Senate takes up the bill in the week of June 8.", [("in the week of June 8", "week", "2026-06-08")]),
        ("- Week of 9 March: the committee meets", [("Week of 9 March", "week", "2026-03-09")]),
    ],
    ids=["irregular_past_upheld", "forecast_to_points_ahead", "timetable_runs_out", "present_passive_is_not_past",
         "attributive_day_is_nearest", "the_week_of_a_day", "week_of_as_a_list_item"],
)
def test_tense_of_irregular_pasts_passives_and_timetables(text, expected):
    assert _mentions(text, dt.date(2026, 2, 21)) == expected  # a Saturday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 1997 flood was worse.", [("1997", "year", "1997-01-01")]),
        ("A 1977 emergency powers law applies.", [("1977", "year", "1977-01-01")]),
        ("Poland's 2026 budget grew.", [("2026", "year", "2026-01-01")]),
        ("Spending rose in fiscal 2025.", [("2025", "year", "2025-01-01")]),
        ("Fiscal years 2027 and 2028 matter.", [("2027", "year", "2027-01-01"), ("2028", "year", "2028-01-01")]),
        ("He cited the Trade Act of 1974.", [("1974", "year", "1974-01-01")]),
    ],
    ids=["the_year_of_an_event", "a_year_of_a_law", "possessive", "fiscal_year", "fiscal_years", "act_of_a_year"],
)
def test_years_that_name_a_things_year(text, expected):
    assert _mentions(text, dt.date(2026, 2, 21)) == expected


@pytest.mark.parametrize(
    "text", ["The 2000 drones came from Iran.", "Russia fired 2025 drones.", "It was one of 2000 votes."],
    ids=["the_count_of_drones", "a_bare_count", "count_after_of"],
)
def test_counts_are_not_years(text):
    assert _mentions(text, dt.date(2026, 2, 21)) == []


def test_a_timeline_keeps_the_year_of_its_dated_entries():
    text = ("FEB. 1, 2025 - Trump signs an order imposing a 10% tariff.\n\nAPRIL 2 - Trump announces tariffs and "
            "says they will rise.\n\nJUNE - Negotiators meet in London.")
    assert _mentions(text, dt.date(2025, 11, 11)) == [
        ("FEB. 1, 2025", "day", "2025-02-01"), ("APRIL 2", "day", "2025-04-02"), ("JUNE", "month", "2025-06-01")]


def test_a_year_mentioned_in_passing_is_no_timeline():
    text = "China asked for talks on 2 August 2024.\n\nThe duties apply for four years from 9 October."
    assert _mentions(text, dt.date(2026, 10, 19))[-1] == ("from 9 October", "day", "2026-10-09")


def test_months_opening_the_lines_of_a_table():
    text = "Monthly totals:\nFebruary: 4,480 drones, 171 missiles\nMarch: 5,230 drones, 168 missiles"
    assert _mentions(text, dt.date(2026, 6, 3)) == [("February", "month", "2026-02-01"),
                                                    ("March", "month", "2026-03-01")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote comes in June, when senators return from the Memorial Day recess, after the White House "
         "signaled support.",
         [("in June", "month", "2026-06-01"), ("Memorial Day", "day", "2026-05-25")]),
        ("The deal must close by Labour Day.", [("by Labour Day", "day", "2026-09-07")]),
    ],
    ids=["memorial_day_in_a_clause_of_a_time_to_come", "labour_day"],
)
def test_holidays_of_north_america(text, expected):
    assert _mentions(text, dt.date(2026, 5, 14)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump signed a proclamation imposing a 10% tariff on all imports, effective on Tuesday.",
         [("Tuesday", "day", "2026-02-24")]),
        ("- July 23: the 10% global tariff expires unless extended", [("July 23", "day", "2026-07-23")]),
    ],
    ids=["effective_on_a_weekday_is_ahead", "a_reduced_clause_is_not_past"],
)
def test_starts_and_reduced_clauses(text, expected):
    assert _mentions(text, dt.date(2026, 2, 21)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Governor's posts\n\n11 May, 21:10\nThe enemy shelled Nikopol. Yesterday the same communities were hit.",
         [("11 May", "day", "2026-05-11"), ("Yesterday", "day", "2026-05-10")]),
        ("Profit fell in the June quarter.", [("in the June quarter", "year", "2026-01-01")]),
        ("Sales rose in June of last year.", [("in June of last year", "month", "2025-06-01")]),
    ],
    ids=["yesterday_of_a_timestamped_post", "quarter_named_by_its_month", "a_month_of_last_year"],
)
def test_posts_quarters_by_month_and_months_of_a_named_year(text, expected):
    assert _mentions(text, dt.date(2026, 5, 12)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The semi-finals are on Tuesday and Wednesday.", [("on Tuesday", "day", "2026-07-14"),
                                                           ("Wednesday", "day", "2026-07-15")]),
        ("Voters go to the polls on Sunday.", [("on Sunday", "day", "2026-07-12")]),
        ("Leaders met in Ankara on Tuesday and Wednesday.", [("on Tuesday", "day", "2026-07-07"),
                                                             ("Wednesday", "day", "2026-07-08")]),
    ],
    ids=["a_schedule_is_on_a_day", "going_to_the_polls", "a_past_meeting"],
)
def test_schedules_in_the_present(text, expected):
    assert _mentions(text, dt.date(2026, 7, 11)) == expected  # a Saturday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Most customers should be reconnected by Friday, the company said.", [("by Friday", "day", "2026-11-06")]),
        ("He said the duty that took effect in April should also be raised.", [("in April", "month", "2026-04-01")]),
        ("The talk of Monday's meeting should not distract Europe.", [("Monday's", "day", "2026-11-02")]),
        ("Manchester City host Leeds on Saturday.", [("on Saturday", "day", "2026-11-07")]),
        ("Hyundai Motor reports its results on Thursday.", [("on Thursday", "day", "2026-11-05")]),
        ("A truce that lowered tariffs on both sides expires on Nov. 10.", [("on Nov. 10", "day", "2026-11-10")]),
    ],
    ids=["should_points_ahead", "not_in_a_clause_with_a_past_verb", "not_for_a_date_before_it",
         "a_fixture_in_the_present", "results_in_the_present", "a_timetable_verb_before_the_date"],
)
def test_what_should_happen_and_timetables(text, expected):
    assert _mentions(text, dt.date(2026, 11, 4)) == expected  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Boxing Day brings a full programme.", [("Boxing Day", "day", "2025-12-26")]),
        ("Veterans stood in silence on Armistice Day.", [("on Armistice Day", "day", "2025-11-11")]),
        ("The attack was timed for Holodomor Remembrance Day.", []),
    ],
    ids=["boxing_day", "armistice_day", "another_holidays_name"],
)
def test_holidays_on_a_fixed_day(text, expected):
    assert _mentions(text, dt.date(2025, 11, 28)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China will impose duties on rubber from Canada, Japan and India for five years from Thursday, the "
         "Commerce Ministry said on Wednesday.",
         [("from Thursday", "day", "2025-11-13"), ("on Wednesday", "day", "2025-11-12")]),
        ("Brokers blamed a tax which the minister said would take effect on October 1.",
         [("on October 1", "day", "2026-10-01")]),
        ("It said a new measure would replace the safeguard that expired on 30 June.",
         [("on 30 June", "day", "2025-06-30")]),
        ("The government said it would publish the full list on Saturday.", [("on Saturday", "day", "2025-11-15")]),
        ("The Bank of Canada, which meets again on June 3, has kept its rate at 2.25%.",
         [("on June 3", "day", "2026-06-03")]),
        ("The bank kept rates on hold but said it could cut at its next meeting on April 30.",
         [("on April 30", "day", "2026-04-30")]),
        ("The secretariat asked both governments to attend a meeting on January 29.",
         [("on January 29", "day", "2026-01-29")]),
        ("Exporters said the first cargoes could leave Vancouver in March.", [("in March", "month", "2026-03-01")]),
        ("The company said it would present its mid-term targets at a capital markets day on Nov. 18.",
         [("on Nov. 18", "day", "2025-11-18")]),
        ("The ministry said it would require deposits on polypropylene from South Korea, a plastic used in "
         "packaging and car parts, from Monday.", [("from Monday", "day", "2025-11-17")]),
    ],
    ids=["the_report_of_a_future", "would_take_effect", "not_a_past_verb_after_would", "would_on_a_weekday",
         "a_timetable_verb_with_an_adverb", "the_next_meeting", "a_request_to_attend", "could_points_ahead",
         "a_modal_far_before_the_date", "a_participle_in_an_apposition"],
)
def test_what_a_report_says_is_ahead(text, expected):
    assert _mentions(text, dt.date(2025, 11, 12)) == expected  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("England's group will decide where Rice, Saka and James are based in June and July.",
         [("in June", "month", "2026-06-01"), ("July", "month", "2026-07-01")]),
        ("Shipments will be capped at 15% of their 2024 volumes, close to 2019 shipments.",
         [("2024", "year", "2024-01-01"), ("2019", "year", "2019-01-01")]),
        ("A visit by negotiators planned for August 25 was called off.", [("for August 25", "day", "2025-08-25")]),
        ("He said he would raise the matter at working-level talks with Washington scheduled for Dec. 16.",
         [("for Dec. 16", "day", "2025-12-16")]),
    ],
    ids=["a_list_in_a_future_sentence", "years_that_measure", "a_plan_called_off", "a_plan_reported"],
)
def test_lists_measures_and_plans(text, expected):
    assert _mentions(text, dt.date(2025, 11, 28)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Definitive duties have to be decided by early June.", [("by early June", "month", "2026-06-01")]),
        ("The ministry needs to publish the rules by June.", [("by June", "month", "2026-06-01")]),
        ("Importers must be registered by June.", [("by June", "month", "2026-06-01")]),
    ],
    ids=["have_to", "needs_to", "must_be"],
)
def test_an_obligation_points_ahead(text, expected):
    assert _mentions(text, dt.date(2025, 11, 28)) == expected

def test_a_timetable_verb_after_a_relative_clause_and_in_a_timeline():
    text = ("The economy session falls five weeks before the 10% global tariff that Trump imposed under a 1974 trade "
            "law runs out on July 23.\n\n"
            "FEB. 1, 2025 - Trump signs an order imposing a 10% tariff on all imports from China. It takes effect on "
            "Feb. 4.\n")
    found = _mentions(text, dt.date(2026, 6, 12))
    assert ("on July 23", "day", "2026-07-23") in found and ("on Feb. 4", "day", "2025-02-04") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales rose 41% in the first five months of the year.", [("in the first five months of the year", "year",
                                                                    "2026-01-01")]),
        ("Furniture prices rose 4.7% in the 12 months to December.", [("December", "month", "2025-12-01")]),
    ],
    ids=["the_first_months_of_the_year", "the_months_to_a_month"],
)
def test_spans_of_months(text, expected):
    assert _mentions(text, dt.date(2026, 1, 13)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Russian missile strike on Sumy on Palm Sunday killed 35 people.",
         [("on Palm Sunday", "day", "2025-04-13")]),
        ("Talks will resume after Easter.", [("after Easter", "day", "2025-04-20")]),
        ("Attacks continued over Orthodox Easter.", [("Easter", "day", "2024-05-05")]),
        ("Putin declared an Easter truce.", []),
    ],
    ids=["palm_sunday", "easter_ahead", "orthodox_easter", "named_after_the_feast"],
)
def test_the_days_of_easter(text, expected):
    assert _mentions(text, dt.date(2025, 4, 16)) == expected


def test_a_month_naming_its_event_after_a_determiner_or_possessive_is_that_month():
    assert _mentions("Under the May agreement, Britain pays 10%.", THU) == [("May", "month", "2025-05-01")]
    assert _mentions("Rates were cut at the Fed's September meeting.", THU) == [("September", "month", "2025-09-01")]
    assert _mentions("The June vote was postponed.", THU) == [("June", "month", "2025-06-01")]
    # a name, not a month: no determiner before it, or no event after it
    assert _mentions("May agreed to the deal.", THU) == []
    assert _mentions("He may vote against the May plan.", THU) == []


def test_a_modal_of_the_clause_before_does_not_make_a_later_weekday_ahead():
    text = ("He did not say when the levy would start, and White House officials on Sunday referred questions "
            "to the president's post.")
    assert _mentions(text, dt.date(2025, 10, 27)) == [("on Sunday", "day", "2025-10-26")]


def test_what_is_due_or_the_next_meeting_on_a_weekday_is_ahead():
    monday = dt.date(2025, 10, 27)
    assert _mentions("Retail sales figures are due on Wednesday.", monday) == [("on Wednesday", "day", "2025-10-29")]
    assert _mentions("The central bank holds its next policy meeting on Wednesday.", monday) == [
        ("on Wednesday", "day", "2025-10-29")]


def test_a_month_something_is_moved_to_is_that_month_ahead():
    tuesday = dt.date(2026, 6, 16)
    text = ("Retail sales are due on June 26. \"We've pushed our first cut to September,\" said one strategist. "
            "\"Even that may slip to December.\"")
    assert [m for m in _mentions(text, tuesday) if m[1] == "month"] == [("September", "month", "2026-09-01"),
                                                                         ("December", "month", "2026-12-01")]
    assert _mentions("Mexico delays textile tariff hike to October", tuesday) == [("October", "month", "2026-10-01")]
    assert _mentions("He went to Paris to March with them.", tuesday) == []


def test_a_past_perfect_until_a_month_is_over_and_last_cut_is_past():
    thursday = dt.date(2025, 11, 27)
    text = "The governor noted that Korean cars had entered the United States duty-free until April."
    assert _mentions(text, thursday) == [("until April", "month", "2025-04-01")]
    assert _mentions("Tariffs were suspended until April.", thursday) == [("until April", "month", "2026-04-01")]
    text = "The 15% is below the 25% rate he had threatened to impose from 1 August."
    assert _mentions(text, dt.date(2025, 7, 23)) == [("from 1 August", "day", "2025-08-01")]
    text = "The central bank last cut rates, by 25 basis points, in May."
    assert _mentions(text, thursday) == [("in May", "month", "2025-05-01")]


def test_a_month_or_year_something_is_for_is_a_date_and_the_nearest_such_month():
    wednesday = dt.date(2026, 5, 6)
    assert _mentions("Several projects planned for 2028 may be delayed.", wednesday) == [
        ("for 2028", "year", "2028-01-01")]
    assert _mentions("Buyers said orders for July had already been cancelled.", wednesday) == [
        ("for July", "month", "2026-07-01")]
    assert _mentions("The steel mills booked fewer orders for February.", wednesday) == [
        ("for February", "month", "2026-02-01")]


def test_a_day_written_as_an_ordinal_word_before_of_and_a_month_is_that_day():
    wednesday = dt.date(2026, 6, 10)
    assert _mentions("The new duties take effect on the first of July.", wednesday) == [
        ("on the first of July", "day", "2026-07-01")]
    assert _mentions("By the twenty-third of March, prices had risen.", wednesday) == [
        ("By the twenty-third of March", "day", "2026-03-23")]
    assert _mentions("The first of the drones hit at dawn.", wednesday) == []


def test_a_year_like_number_before_a_counted_noun_is_a_count_after_for():
    assert _mentions("Kyiv paid for 2000 drones in the spring.", dt.date(2026, 6, 10)) == []
