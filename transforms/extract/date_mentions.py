"""date_mentions: every expression naming a calendar day, week, month or year, resolved to a period.

How a document is read:
1. A cheap scan (`_candidates`) lists the places where a mention can start: month and weekday names,
   day numbers and years, "today", "Christmas", and the words "week", "month", "year" whose determiner
   ("this", "earlier in the") is read back from them. Trying the full mention pattern at every
   character would be far slower.
2. At each candidate the core pattern (`_CORE`) reads the mention itself: "October 13, 2025", "8 and 9
   April", "Tuesday, March 11", "in August", "2024", "Friday's", "earlier this week", "Christmas Day".
3. The lead (`_read_lead`) is read word by word backwards from the core: "since late", "by the end of",
   "the evening of", "overnight into", "last". It decides whether a bare month or year is a date at all
   ("in May" but not "Theresa May"), and which way a year-less or relative expression points.
4. The tense of the clause around the mention (`_Clauses`) settles the rest: a weekday in a future
   clause ("will meet on Friday") is the coming one, in a past or present clause the most recent one;
   a year-less date in a past clause falls on or before the publication date, in a timetable ("the
   pause ends on Nov. 10") in the nearest year.
Relative expressions are resolved against the publication date (GOLD_FORMAT rules 18-21); without one
they stay `unresolved`, while dates that carry their year still resolve.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import NamedTuple

from transforms.contract import DATE, STRING, Column, Table, fact_columns
from transforms.documents import Document
from transforms.normalize import calendar as cal
from transforms.normalize import numbers
from transforms.sentences import opens_line

GRANULARITIES = ("day", "week", "month", "year")
RESOLUTIONS = ("absolute", "relative", "unresolved")

TABLE = Table(
    name="date_mentions",
    description="One row per expression naming a calendar day, week, month or year (not durations or clock "
                "times), with the period it denotes.",
    key="fact_id",
    is_fact=True,
    # 2: deadlines in a reported future; 3: the week to a day, timetables, "next year"; 4: quarters, days counted
    # from an event; 6: a month naming its event ("the May agreement"), what is due, clauses of a modal; 7: "for"
    # cues a month or year ("planned for 2027"), days as ordinal words ("the first of July")
    version="7",
    columns=fact_columns(
        Column("granularity", STRING, "Size of the period named.", nullable=False, values=GRANULARITIES),
        Column("period_start", DATE, "First day of the period (weeks start on Monday); null when unresolved."),
        Column("period_end", DATE, "Last day of the period; null when unresolved."),
        Column("anchor_date", DATE, "The date relative expressions were resolved against (publication date)."),
        Column("resolution", STRING, "absolute (the text names the date), relative (resolved against the "
                                     "anchor) or unresolved.", nullable=False, values=RESOLUTIONS),
    ),
)

# doc.cache key of the resolved mentions, shared with _event_dates.
CACHE_KEY = "date_mentions"

DAY, WEEK, MONTH, YEAR = GRANULARITIES
ABSOLUTE, RELATIVE, UNRESOLVED = RESOLUTIONS
PAST, FUTURE, NEAREST = cal.PAST, cal.FUTURE, cal.NEAREST
# The tense of a clause with neither a future cue nor a past verb: a timetable ("ends on Nov. 10").
PRESENT = "present"

# The headline and the first body sentences: where a report says when its news happened.
LEAD_SENTENCES = 3

# ---------------------------------------------------------------------------------------------------------
# Vocabularies
# ---------------------------------------------------------------------------------------------------------

# Words in front of a bare month ("in August", "since late March") or year ("in 2024") that make it a
# point in time rather than a name ("Theresa May") or a number ("2000 drones").
MONTH_CUES = frozenset({"in", "for", "since", "by", "from", "until", "till", "through", "throughout", "during",
                        "before", "after", "as of", "starting", "beginning", "effective", "between", "on"})
YEAR_CUES = MONTH_CUES - {"on", "effective"}
# Joining words that continue a list or range of dates ("in March and April", "from 2022 to 2024").
CONTINUATIONS = frozenset({"and", "or", "to", "through", "until", "till", "into"})

# Lead vocabulary (read by _read_lead), slot by slot in text order: preposition, "so far", part of a
# period ("the end of"), part of a day ("the evening of"), "overnight", modifier, relation.
LEAD_PREPOSITIONS = frozenset({"on", "in", "since", "by", "from", "until", "till", "through", "throughout",
                               "during", "before", "after", "starting", "beginning", "effective", "between",
                               "and", "or", "to", "over", "at", "around", "for", "within", "into", "of"})
TWO_WORD_PREPOSITIONS = frozenset({("as", "of")})
START_PREPOSITIONS = frozenset({"effective", "starting", "beginning"})
PERIOD_PARTS = frozenset({"start", "beginning", "end", "middle", "turn", "close", "rest", "remainder"})
# "the first half of 2025", "the first week of March", "the last days of August"
ORDINALS = frozenset({"first", "second", "third", "fourth", "last", "final"})
ORDINAL_PARTS = frozenset({"half", "week", "weeks", "days", "quarter"})
COUNT_WORDS = frozenset("two three four five six seven eight nine ten eleven 2 3 4 5 6 7 8 9 10 11".split())
DAY_PARTS = frozenset({"evening", "morning", "afternoon", "night"})
HOURS_MODIFIERS = frozenset({"early", "small", "wee"})
MODIFIERS = frozenset({"early", "late", "mid", "earlier", "later"})
RELATIONS = frozenset({"last", "next", "this", "coming"})
# Prefixes written onto the core: "pre-April 2025", "mid-2024", "end-March" (Reuters style).
ATTACHED_PREFIXES = {"pre-": ("pre", "pre"), "post-": ("pre", "post"), "mid-": ("mod", "mid"),
                     "early-": ("mod", "early"), "late-": ("mod", "late"), "end-": ("part", "end")}
# "the rest of the year" is a stretch of time, not a calendar point.
DURATION_PARTS = frozenset({"rest", "remainder"})

# Prepositions kept in the mention span ("on October 13", "since late August", "by October").
SPAN_PREPOSITIONS = frozenset({"on", "in", "for", "since", "by", "from", "until", "till", "through", "throughout",
                               "during", "before", "after", "as of", "starting", "beginning"})
# The weekend is named with its own prepositions ("over the weekend", "at the weekend").
WEEKEND_PREPOSITIONS = frozenset({"over", "at", "during", "on", "through", "throughout", "since", "by",
                                  "until", "after", "before", "into"})
# Leads that set the direction whatever the tense: "since March" is past; "by October" and "from
# September" are the nearest such month (a deadline or start may lie either side of the anchor).
PAST_PREPOSITIONS = frozenset({"since"})
NEAREST_PREPOSITIONS = frozenset({"by", "for", "until", "till", "from", "starting", "beginning", "effective",
                                  "as of", "through"})

# Day names that are part of another name: "Black Friday", "Super Tuesday", "the Sunday Times".
WEEKDAY_NAME_PREFIXES = frozenset({"good", "black", "super", "bloody", "cyber", "holy", "ash", "palm",
                                   "easter", "maundy", "great"})
WEEKDAY_NAME_SUFFIXES = re.compile(r" (?:Times|Telegraph|Mirror|Express|Post|Herald|Observer|Mail|"
                                   r"Independent|Star|Sport|Night Live)\b")
# "Christmas tree", "Christmas market": things named after the holiday, not the day.
HOLIDAY_NAME_SUFFIXES = re.compile(r" (?:trees?|markets?|season|holidays?|lights|decorations?|carols?|"
                                   r"shopping|gifts?|presents?|cards?|spirit|dinner|songs?|music|films?)\b",
                                   re.IGNORECASE)
HOLIDAY_GREETINGS = frozenset({"merry", "happy"})
_CAPITALISED_WORD_BEFORE = re.compile(r"[a-z,;:]\s+[A-Z][a-z]+\s+$")  # a name's word, not a sentence's first
# Easter's days, by their distance from Easter Sunday
EASTER_DAYS = {"Palm Sunday": -7, "Good Friday": -2, "Easter": 0, "Easter Sunday": 0, "Easter Monday": 1}
# Holidays on the same day every year: (month, day)
FIXED_HOLIDAYS = {"Victory Day": (5, 9), "Boxing Day": (12, 26), "Halloween": (10, 31), "Veterans Day": (11, 11),
                  "Remembrance Day": (11, 11), "Armistice Day": (11, 11)}
# Quarters ("in the third quarter") are of a game, not of a year, in a sentence with one of these.
_GAME_WORDS = re.compile(r"\b(?:touchdowns?|field goals?|half-?time|quarterback|linebacker|tackle|rebounds|"
                         r"free throws?|buzzer|yards?|scored|the game|the match|the period|injur(?:y|ed)|"
                         r"coach|playoffs?)\b", re.IGNORECASE)
_QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                     "final": 4}
# A capitalised word before a mid-sentence "Today" makes a name: USA Today, Russia Today.
_PROPER_NAME_BEFORE = re.compile(r"[A-Z][\w.&-]* $")

# Subordinators whose clause in the present speaks of a time to come ("when senators return on Monday").
PRESENT_SUBORDINATORS = frozenset({"when", "once", "if", "until", "unless"})
# Tense. Future cues are single words, or padded lower-case phrases that each hold one of
# FUTURE_PHRASE_KEYS and are tested only when the clause has that word (substring tests are far
# cheaper than a case-blind regex).
# Participles that date a completed event right after them ("imposed in August", "announced on Nov. 14"),
# unless an auxiliary makes them a passive of the clause's own tense ("will be imposed in August").
EVENT_PARTICIPLES = frozenset({"imposed", "announced", "signed", "agreed", "adopted", "introduced", "unveiled",
                               "approved", "reached", "enacted", "issued", "sealed", "struck", "published",
                               "released", "recorded", "reported", "launched", "fired", "delivered", "pledged"})
PASSIVE_AUXILIARIES = frozenset({"be", "been", "being", "is", "are", "will", "would", "to"})
# Words before a participle that keep it from being a past tense: a present passive ("ferries are suspended"),
# a reduced clause ("expires unless extended").
PRESENT_AUXILIARIES = ("is", "are", "am", "remains", "remain", "unless", "if", "once", "until")
PRESENT_AUXILIARIES_SET = frozenset(PRESENT_AUXILIARIES)
FUTURE_WORDS = frozenset({"will", "won't", "won’t", "shall", "slated", "scheduled", "upcoming", "planned"})
# "Most customers should be reconnected by Friday", "the first cargoes could leave Vancouver in March": a future
# only in a clause without a past-tense verb ("the
# duty that took effect in April should also be raised" dates a past event), and only for a date after it
# ("Monday's meeting should not distract" dates a meeting)
SOFT_FUTURE_WORDS = frozenset({"should", "could"})
# Words between a modal and its verb: "would not be", "would also have"
MODAL_VERB_PHRASE_WORDS = frozenset({"be", "have", "been", "not", "also", "then", "soon", "likely", "only", "still",
                                     "never", "again", "first"})
FUTURE_PHRASES = (
    " set to ", " poised to ", " plans to ", " plan to ", " planning to ", " intends to ", " intend to ",
    " expected to ", " expects to ", " expect to ", " going to ", " likely to ", " is to ", " are to ",
    " was to ", " were to ", " is due ", " are due ", " was due ", " were due ", " be due ", " ahead of ",
    " in the coming ", " due to expire ", " due to end ", " due to start ", " due to begin ", " due to take ",
    " forecast to ", " have to ", " has to ", " need to ", " needs to ", " must be ",
)
FUTURE_PHRASE_KEYS = frozenset({"to", "due", "ahead", "coming", "be"})
# A timetable in the present that points ahead ("which is expected on Monday", "the playoffs, which begin on
# Saturday", "the exhibition runs until Nov. 30"), read only in a clause with no past-tense verb ("shares rose
# as expected on Monday" is past).
TIMETABLE_PHRASES = (
    " is expected ", " are expected ", " expected on ", " runs until ", " run until ", " begins on ",
    " begin on ", " starts on ", " opens on ", " announces its ", " announce their ", " meets on ",
    " kicks off ", " expires on ", " expire on ", " runs out ", " run out ", " takes effect ", " take effect on ",
    " are on ", " is on ", " go to the polls ", " host ", " hosts ", " travel to ", " travels to ", " reports ",

)
TIMETABLE_KEYS = frozenset({"expected", "runs", "run", "begins", "begin", "starts", "opens", "announces", "announce",
                            "meets", "kicks", "expires", "expire", "takes", "take", "are", "is", "polls", "host",
                            "hosts", "travel", "travels", "reports"})
# A counterfactual ("the tariff would have jumped back to 44% on Nov. 10") says nothing of the direction.
COUNTERFACTUALS = (" would have ", " could have ", " might have ", " should have ", " would otherwise ")
_COUNTERFACTUAL_KEYS = frozenset({"have", "otherwise"})
# Right before a date phrase, a present timetable verb ("expires on Nov. 10", "which meets again on June 3"), the
# next of a series ("at its next meeting on April 30") or a request ("asked both governments to attend a meeting
# on January 29", "asked the ministry to clarify by Friday"): the date is ahead, whatever the clause's tense
_TIMETABLE_BEFORE = re.compile(
    r"(?: (?:expires?|ends|begins|starts|opens|closes|lapses|resumes|meets|convenes|kicks off|takes? effect|"
    r"runs? out|(?:is|are|falls?) due)"
    r"(?: again| next)?"
    r"| next(?: [a-z]+){1,3}"
    r"|\b(?:asked|urged|invited|called on|ordered|instructed|requested) [^.;:,]{0,40}?\bto [a-z]+(?: [a-z]+){0,3})"
    r" $")
_LAST_DID = re.compile(r" last (?:cut|put|set|hit|let|shut|spread|beat)s? ")
_PAST_PERFECT = re.compile(r"\bhad\s+(?:(?:not|never|already|long|previously)\s+)?(?:been|[a-z]+ed)\b")
_INFINITIVE = re.compile(r"\bto\s+(?!the\b|a\b|an\b)[a-z]+\b")
_NEW_MAIN_CLAUSE = re.compile(r", (?:and|but|while|yet) |; ")
# How far back a modal may govern a date: "said it would require deposits on polypropylene from South Korea, a
# plastic used in packaging and car parts, from Wednesday"
_MODAL_REACH = 120
# A noun phrase set off by commas ("a plastic used in packaging,"): its participle is not the clause's verb
_APPOSITIVE = re.compile(r", (?:a|an|the) [^,;]*,")
PLAN_PARTICIPLES = frozenset({"planned", "scheduled", "slated"})
REPORTING_VERBS = frozenset({"said", "told", "announced", "added", "reported", "stated", "wrote", "confirmed"})
# Attributive future words ("a scheduled increase ... was postponed in December") do not make a clause
# with a past-tense verb future.
ATTRIBUTIVE_FUTURE = (" a scheduled ", " the scheduled ", " a planned ", " the planned ", " an upcoming ",
                      " the upcoming ")
# A headline infinitive ("Trump to meet Zelensky on Friday") speaks of the future only in a clause with
# no past-tense verb ("met in Alaska in August to discuss" is past).
INFINITIVE_CUES = tuple(f" to {verb} " for verb in (
    "meet", "visit", "hold", "host", "travel", "arrive", "sign", "attend", "speak", "talk", "vote",
    "announce", "decide", "discuss", "begin", "start", "resume", "open", "join", "take effect"))
# Past-tense verbs: the common irregular ones and auxiliaries, and "-ed" words other than the
# participles news uses as adjectives or names ("armed forces", "guided bombs", "United States").
IRREGULAR_PAST = frozenset(
    "met said was were had did came went took gave made told held spoke began saw sent led left struck "
    "fought won lost brought thought kept wrote rose fell broke chose flew ran stood paid got hit "
    "shot upheld withheld sought bought caught taught built spent meant felt dealt sold found drove froze threw "
    "drew grew knew blew shook stuck sank fled became overcame forgot understood withdrew overtook undertook "
    "arose swept heard laid rode".split())
NOT_PAST_ED = frozenset(
    "united based advanced armed guided limited detailed related called alleged proposed unmanned "
    "unidentified occupied annexed need speed indeed proceed exceed succeed red bed shed hundred scheduled "
    "expected planned so-called".split())
# A quoted "today" is the reported speech day only when the lead dates the news that recently.
SPEECH_DAY_REACH = dt.timedelta(days=3)

_MONTH_ABBREVIATIONS = frozenset(abbreviation.lower() for abbreviation in cal.MONTH_ABBREVIATIONS)

# ---------------------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------------------


def _cased(words: tuple[str, ...]) -> str:
    """Alternation of the words in Title case and in capitals, longest first.

    The forms are grouped by first letter ("J(?:anuary|ANUARY|une|...)|F(?:...)"): forms with different
    first letters never match at the same place, so the order of the groups does not matter, and the regex
    engine rejects a whole group on one character instead of trying each form in turn.
    """
    forms = sorted({form for word in words for form in (word, word.upper())}, key=len, reverse=True)
    by_letter: dict[str, list[str]] = {}
    for form in forms:
        by_letter.setdefault(form[0], []).append(form[1:])
    return "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in by_letter.items())


# Document text is normalised (normalize_text): words are separated by exactly one space and a line break
# ends every headline and paragraph, so the patterns match single spaces and never cross lines.
_MONTH = rf"(?:(?:{_cased(cal.MONTH_NAMES)})\b|(?:{_cased(cal.MONTH_ABBREVIATIONS)})\b\.?)"
_WEEKDAY = rf"(?:{_cased(cal.WEEKDAY_NAMES)})\b"
_ANY_WEEKDAY = rf"(?:{_WEEKDAY}|(?:{_cased(cal.WEEKDAY_ABBREVIATIONS)})\b\.?)"
_DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
# "the first of July", "the twenty-third of May": a day written as an ordinal word, only before "of" and a month
_ORDINAL_DAY_WORDS = {
    word: number for number, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=1)
}
_ORDINAL_DAY_WORDS.update({f"twenty-{word}": 20 + number for word, number in _ORDINAL_DAY_WORDS.items()
                           if number < 10})
_ORDINAL_DAY_WORDS.update({"thirtieth": 30, "thirty-first": 31})
_DAY_WORD = "(?:" + "|".join(sorted(_ORDINAL_DAY_WORDS, key=len, reverse=True)) + ")"
_ORDINAL_WORD_BEFORE = re.compile(rf"(?<=[Tt]he )(?i:{_DAY_WORD}) of $")
_YEAR_NUM = r"(?:19|20)\d{2}"
_RANGE_SEP = r" ?(?:[-–—]|and|&|or|to|through) ?"
# A day number must not be an amount: "May 5 percent", "April 20:00", "June 1,000".
_NOT_AMOUNT = r"(?! ?(?:%|percent\b|per cent\b)|[:.,]\d)"

# The mention itself, one named group per family (match.lastgroup names the family).
_CORE = re.compile(
    # 2025-10-13, 2025/10/13
    rf"(?P<iso>(?<![\d-])(?P<iso_y>{_YEAR_NUM})(?P<iso_sep>[-/.])(?P<iso_m>0?[1-9]|1[0-2])(?P=iso_sep)"
    rf"(?P<iso_d>0?[1-9]|[12]\d|3[01])(?!\d|[-/.]\d))"
    # 13.10.2025, 13/10/2025
    rf"|(?P<num>(?<![\d./])(?P<num_a>\d{{1,2}})(?P<num_sep>[./])(?P<num_b>\d{{1,2}})(?P=num_sep)"
    rf"(?P<num_y>{_YEAR_NUM})(?!\d|[./]\d))"
    # the third quarter, third-quarter, this quarter, the July-September quarter ("the first quarter of 2026"
    # is the year's core with its lead)
    rf"|(?P<qt>(?:(?P<qt_rel>[Tt]his|[Ll]ast|[Nn]ext|THIS|LAST|NEXT) |(?:[Tt]he |THE )?(?:(?P<qt_ord>"
    rf"[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal|FIRST|SECOND|THIRD|FOURTH|FINAL|1st|2nd|3rd|4th)[ -]"
    rf"|(?P<qt_m1>{_MONTH})(?:[-–]{_MONTH})? ))(?:quarter|QUARTER)\b(?! of |-on-quarter))"
    # 13 October, 8 and 9 April 2025, 23-24 April, Tuesday 11 March, 13th of October, the first of July
    rf"|(?P<dm>(?:(?P<dm_wd>{_ANY_WEEKDAY}),? (?:the )?)?(?<![\w.,$€£-])(?:[Tt]he (?=(?i:{_DAY_WORD}) of ))?"
    rf"(?P<dm_d1>{_DAY_NUM}|(?<=[Tt]he )(?i:{_DAY_WORD})(?= of ))"
    rf"(?:{_RANGE_SEP}(?P<dm_d2>{_DAY_NUM}))? (?:of )?(?P<dm_m>{_MONTH})"
    rf"(?:,? (?P<dm_y>{_YEAR_NUM})\b)?)"
    # October 13, Oct. 13, 2025, Tuesday, March 11, April 25th, February 2022, (in) August
    rf"|(?P<md>(?:(?P<md_wd>{_ANY_WEEKDAY}),? (?:the )?(?={_MONTH} {_DAY_NUM}))?(?P<md_m>{_MONTH})"
    rf"(?: (?P<md_d1>{_DAY_NUM}){_NOT_AMOUNT}(?:{_RANGE_SEP}(?P<md_d2>{_DAY_NUM}){_NOT_AMOUNT})?)?"
    rf"(?:,? (?:of )?(?P<md_y>{_YEAR_NUM})\b(?![-–]\d|,\d|%))?(?P<md_poss>['’]s\b)?)"
    # 2024, 2022-2023, 2022-23
    rf"|(?P<yr>(?<![\w$€£.,/])(?P<yr_1>{_YEAR_NUM})(?: ?[-–] ?(?P<yr_2>{_YEAR_NUM}|\d{{2}}))?\b"
    rf"(?![-–/]\d|,\d|\.\d|%| ?(?:percent|per cent)\b))"
    # two days later, three days earlier (counted from the day told before: _resolve_days_from_event)
    r"|(?P<nd>(?P<nd_n>[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[1-9]\d?) days "
    r"(?P<nd_dir>later|earlier)\b(?! than))"
    # (on) the 24th: a day of a month the context gives; "the 24th of May" is a dm core
    r"|(?P<od>[Tt]he (?P<od_d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\b(?! ?[-–]?[A-Za-z0-9]))"
    # the day before yesterday, the day after tomorrow
    r"|(?P<rdx>[Tt]he day (?P<rdx_dir>before yesterday|after tomorrow)\b)"
    # this week, earlier this month, later in the week, next year, the weekend
    r"|(?P<rp>(?:(?P<rp_adv>[Ee]arlier|[Ll]ater|EARLIER|LATER) (?P<rp_in>in )?)?"
    r"(?P<rp_det>[Tt]his|[Ll]ast|[Nn]ext|[Tt]he|THIS|LAST|NEXT|THE) "
    r"(?P<rp_unit>week(?:end)?|month|year|WEEK(?:END)?|MONTH|YEAR)\b(?P<rp_poss>['’]s\b)?)"
    # year-end
    r"|(?P<ye>[Yy]ear-end|YEAR-END)\b"
    # today, tonight, yesterday, tomorrow, this morning, last night
    r"|(?P<rd>(?P<rd_word>[Tt]oday|TODAY|[Tt]onight|TONIGHT|[Yy]esterday|YESTERDAY|[Tt]omorrow|TOMORROW)"
    r"\b(?P<rd_poss>['’]s\b)?|(?P<rd_this>[Tt]his (?:morning|afternoon|evening))\b"
    r"|(?P<rd_night>[Ll]ast night)\b)"
    # Thursday, Friday's, Monday morning, Saturday night into Sunday
    rf"|(?P<wd>(?P<wd_name>{_WEEKDAY})(?P<wd_poss>['’]s\b)?"
    r"(?: (?P<wd_phase>morning|afternoon|evening|night|overnight)\b)?"
    rf"(?: (?P<wd_link>into|to) (?:(?:early|late) )?(?:on )?(?P<wd_to>{_WEEKDAY}))?)"
    # Christmas Day, Christmas morning, New Year's Eve, Victory Day, Thanksgiving
    r"|(?P<hol>(?P<hol_name>Christmas|New Year['’]s|New Year|Victory Day|Thanksgiving|Memorial Day|Labou?r Day"
    r"|Boxing Day|Halloween|Veterans Day|Remembrance Day|Armistice Day|Palm Sunday|Good Friday"
    r"|Easter(?: Sunday| Monday)?)"
    r"(?: (?P<hol_part>Day|Eve|morning|night|evening))?\b)"
)

# Candidate scan (see _candidates). Each word that can start or end a mention, by how its start is found:
# "start" begins a mention; a "unit" ("week") or "day_part" ("morning") ends one whose start is a
# determiner read back from it ("earlier this week", "this morning"); "day_word" may follow "the day
# before"/"the day after".
_START_WORDS: dict[str, str] = {
    **{name.lower(): "start" for name in cal.MONTH_NAMES + cal.MONTH_ABBREVIATIONS},
    **{name.lower(): "start" for name in cal.WEEKDAY_NAMES + cal.WEEKDAY_ABBREVIATIONS},
    **dict.fromkeys(("christmas", "new year", "victory day", "thanksgiving", "memorial day", "labor day",
                     "labour day", "boxing day", "halloween", "veterans day", "remembrance day", "armistice day",
                     "palm sunday", "good friday", "easter",
                     "today", "tonight"), "start"),
    **dict.fromkeys(("yesterday", "tomorrow"), "day_word"),
    **dict.fromkeys(("week", "weekend", "month", "year"), "unit"),
    **dict.fromkeys(("morning", "afternoon", "evening"), "day_part"),
    "night": "night",
    "quarter": "quarter",
}
# Lower-case words found with str.find (cheaper than a regex pass); "week" also finds "weekend".
_LOWER_WORDS = ("today", "tonight", "yesterday", "tomorrow", "week", "month", "year", "morning",
                "afternoon", "evening", "night", "quarter")
_BACK_WINDOW = 24
_BACK_PATTERNS: dict[str, re.Pattern | None] = {
    "start": None,
    "day_word": re.compile(r"\bthe day (?:before|after) $", re.IGNORECASE),
    "unit": re.compile(r"\b(?:(?:earlier|later) (?:in )?)?(?:this|last|next|the) $", re.IGNORECASE),
    "day_part": re.compile(r"\bthis $", re.IGNORECASE),
    "night": re.compile(r"\blast $", re.IGNORECASE),
    "quarter": re.compile(r"\b(?:(?:this|last|next) |(?:the )?(?:(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
                          r"[ -]|[a-z]{3,9}(?:[-–][a-z]{3,9})? ))$", re.IGNORECASE),
}
_DAY_TOKEN = re.compile(r"\d{1,2}(?:st|nd|rd|th)")
# "two days later": the count in front of " days later"; "on the 24th": a day of the month after a preposition.
_DAY_COUNT_BEFORE = re.compile(r"\b(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en"
                               r"|[1-9]\d?)$")
# (opening with a literal lets the regex engine search for it at C speed; the article's capital is checked in
# Python)
_ORDINAL_DAY_AFTER_THE = re.compile(r"he [1-3]?\d(?:st|nd|rd|th)\b")
# Prepositions that make "the 24th" a day ("on the 24th", "by the 15th"), not a rank ("the 19th package").
ORDINAL_DAY_PREPOSITIONS = frozenset({"on", "by", "until", "till", "from", "since", "before", "after"})
# Words that may stand right before a year that starts a mention ("in 2024", "and 2025", "early 2024").
_YEAR_LEAD_WORDS = YEAR_CUES | CONTINUATIONS | MODIFIERS | {"of", "or"}
# Words before a year that names a thing's year ("the 1997 flood", "fiscal 2027", "fiscal years 2027 and 2028",
# "Poland's 2026 budget"); see _names_a_year.
_NAMING_YEAR_LEADS = frozenset({"the", "a", "an", "fiscal", "year", "years"})
# "the Trade Act of 1974": instruments named with their year
_INSTRUMENT_OF_YEAR = re.compile(r"\b(?:Act|Law|Treaty|Accords?|Agreement|Convention|Protocol|Charter) of $")
# Nouns that make "the 2000 drones" a count, not a year.
_COUNTED_NOUNS = frozenset("drones missiles rockets shells rounds bombs people troops soldiers civilians tons tonnes "
                           "units vehicles tanks km kilometres kilometers miles metres meters points votes seats "
                           "jobs workers homes households barrels".split())
# The rest of a number token (a whole run of digits, an ordinal suffix allowed) after its first digit, kept
# only when _number_may_start could accept it: most numbers in news are amounts, and this drops them
# without a Python call each. It is a loose version of those tests (any non-ASCII character may be a digit,
# a capital or the end of a cue word), so that _number_may_start still decides every kept token.
_NUMBER_REST = (
    r"(?<![0-9][0-9])(?:"
    # a day number before a month name, a range ("8 and 9", "23-24") or a date separator
    r"[0-9]?(?:st|nd|rd|th)?(?=[-–./](?:[0-9]|[^\x00-\x7f])| (?:[A-Z]|[^\x00-\x7f]|of |and|to |or |& ))"
    # a year before a separator, after a dash or a word ("in 2024"), or opening the text
    r"|[0-9]{3}(?<=(?:19|20)[0-9]{2})(?:(?=[-–/.](?:[0-9]|[^\x00-\x7f]))|(?<=[-–][0-9]{4})"
    r"|(?<=[A-Za-z\x80-\U0010ffff].[0-9]{4})|(?<=\A[0-9]{4})))"
)


def _first_letter_dispatch(words: list[str]) -> str:
    """A pattern for capitalised `words` (Title case or capitals) and the numbers that may start a date.

    It is one alternative per first character, each opening with that character as a literal: the regex
    engine then skips every other character at C speed (it derives the set of first characters) and
    rejects an alternative on its first character, instead of trying every word at every capital letter.
    """
    by_letter: dict[str, set[str]] = {}
    for word in words:
        title, upper = word[0].upper() + word[1:], word.upper()
        by_letter.setdefault(title[0], set()).update({title[1:], upper[1:]})
    branches = [f"{digit}{_NUMBER_REST}" for digit in "0123456789"]
    for letter in sorted(by_letter):
        rests = "|".join(sorted(by_letter[letter], key=len, reverse=True))
        branches.append(f"{letter}(?:{rests})")
    return rf"(?:{'|'.join(branches)})(?![A-Za-z0-9])"


# Numbers and capitalised words that can start a mention.
_TOKEN = re.compile(_first_letter_dispatch(sorted(word.title() for word in _START_WORDS)))

# Clause boundaries for reading tense: punctuation and quotes, and conjunctions that start a clause.
# "and" does so only before a new finite verb: "fired on Sunday | and will strike on Friday" (but "will
# travel and meet Trump on Friday" is one clause).
# One pattern for both, so that a sentence is scanned once: a break never overlaps another (punctuation is
# one character, a conjunction holds only letters and spaces), so its matches come out in text order.
# It opens with one character set (a punctuation mark, or the space before a conjunction) so that the regex
# engine skips the letters between at C speed.
_CLAUSE_BREAK = re.compile(r"[ ,;:()\"“”—–](?:(?<! )"
                           r"|(?:but|while|whereas|that|although|though|"
                           r"and (?=(?:will|would|is|are|was|were|has|have|had) )))")

# ---------------------------------------------------------------------------------------------------------
# The lead: words in front of the core
# ---------------------------------------------------------------------------------------------------------

# Any lead ends in one of these words; a core after another word has no lead (the common fast path).
_LEAD_LAST_WORDS = LEAD_PREPOSITIONS | RELATIONS | MODIFIERS | {"overnight", "of", "far", "the"}
_LEAD_WINDOW = 64


class Lead(NamedTuple):
    """The words in front of a core that shape it: "since late" August, "by the end of" this year.

    `start` is where the lead begins in the text (the core's start when there is none) and `prep_end`
    where its preposition ends; the other fields hold the lower-cased word of each slot, or None.
    """

    start: int
    prep_end: int
    prep: str | None = None
    so_far: bool = False
    part: str | None = None
    phase: str | None = None
    overnight: bool = False
    mod: str | None = None
    rel: str | None = None
    pre: str | None = None


class _WordsBack:
    """The words of a lead window, consumed from the end while `position` follows them in the text."""

    __slots__ = ("words", "lowered", "index", "position")

    def __init__(self, words: list[str], position: int) -> None:
        self.words = words
        self.lowered = [word.lower() for word in words]
        self.index = len(words) - 1
        self.position = position

    def word(self, back: int = 0) -> str:
        index = self.index - back
        return self.lowered[index] if index >= 0 else ""

    def take(self, count: int) -> None:
        for _ in range(count):
            self.position -= len(self.words[self.index]) + 1
            self.index -= 1


def _read_lead(text: str, start: int) -> Lead:
    """The lead of the core starting at `start`, read word by word backwards (slots in reverse order)."""
    before = text[start - 1:start]
    if before != " " and before != "-":
        return Lead(start, start)
    window_start = max(0, start - _LEAD_WINDOW, text.rfind("\n", max(0, start - _LEAD_WINDOW), start) + 1)
    if before == " ":
        lead = _short_lead(text, start, window_start)
        if lead is not None:
            return lead
    window = text[window_start:start]
    fields: dict = {}
    position = start
    if before == "-":  # "pre-April", "mid-2024"
        cut = window.rfind(" ") + 1
        attached = ATTACHED_PREFIXES.get(window[cut:].lower())
        if attached is None:
            return Lead(start, start)
        fields[attached[0]] = attached[1]
        position -= len(window) - cut
        window = window[:cut]
        if not window.endswith(" "):
            return Lead(position, position, **fields)
    words = window[:-1].split(" ")
    if window_start > 0 and text[window_start - 1] not in " \n":
        words = words[1:]  # the first piece of a cut window is part of a word
    last = words[-1].lower() if words else ""
    if last not in _LEAD_LAST_WORDS:
        return Lead(position, position, **fields)
    alone = len(words) < 2 or words[-2].lower() not in _LEAD_LAST_WORDS
    if alone and last in LEAD_PREPOSITIONS and last != "of":  # the common "on", "in", "since"
        return Lead(position - len(last) - 1, position, prep=last, **fields)
    back = _WordsBack(words, position)
    _read_lead_slots(back, fields, text[start:start + 1].isdigit())
    return Lead(back.position, fields.pop("prep_end"), **fields)


def _short_lead(text: str, start: int, window_start: int) -> Lead | None:
    """The lead of a core after a space when it is no lead or a lone preposition ("on", "in", "since"),
    else None (the general reading is needed).

    It reads the same words as _read_lead, the pieces of text[window_start:start - 1] split at single
    spaces, but finds only the last one or two with rfind instead of splitting the whole window.
    """
    # the first piece of a window that starts inside a word is not a word
    cut = window_start > 0 and text[window_start - 1] not in " \n"
    last_start = _piece_start(text, window_start, start - 1, cut)
    if last_start < 0:
        return Lead(start, start)
    last = text[last_start:start - 1].lower()
    if last not in _LEAD_LAST_WORDS:
        return Lead(start, start)
    if last not in LEAD_PREPOSITIONS or last == "of":
        return None
    if last_start > window_start:
        second_start = _piece_start(text, window_start, last_start - 1, cut)
        if second_start >= 0 and text[second_start:last_start - 1].lower() in _LEAD_LAST_WORDS:
            return None
    return Lead(start - len(last) - 1, start, prep=last)


def _piece_start(text: str, window_start: int, end: int, cut: bool) -> int:
    """Start of the space-separated piece of text[window_start:end] that ends at `end`; -1 when it is the
    first piece of a `cut` window."""
    space = text.rfind(" ", window_start, end)
    if space >= 0:
        return space + 1
    return -1 if cut else window_start


def _read_lead_slots(back: _WordsBack, fields: dict, core_is_number: bool) -> None:
    """Fill `fields` with the lead slots found in `back`, from the core outwards."""
    word, take = back.word, back.take
    if not fields and core_is_number and word() == "the":
        take(1)  # "on the 13th of October"
    if not fields and word() in RELATIONS:
        fields["rel"] = word()
        take(1)
    if "mod" not in fields:
        if word() in ("on", "in") and word(1) in MODIFIERS:  # "early on Tuesday"
            fields["mod"] = word(1)
            take(2)
        elif word() in MODIFIERS:
            fields["mod"] = word()
            take(1)
    if word() in ("into", "to", "on") and word(1) == "overnight":
        fields["overnight"] = True
        take(2)
    elif word() == "overnight":
        fields["overnight"] = True
        take(1)
    if word() == "of" and word(1) in DAY_PARTS:  # "the evening of March 6"
        fields["phase"] = word(1)
        take(2)
    elif word() == "of" and word(1) == "hours" and word(2) in HOURS_MODIFIERS:  # "the early hours of"
        fields["phase"] = f"{word(2)} hours"
        take(3)
    if "phase" in fields and word() == "the":
        take(1)
    if word() == "of" and word(1) in PERIOD_PARTS:  # "the end of this year"
        fields["part"] = word(1)
        take(2)
    elif word() == "of" and word(1) in ORDINAL_PARTS and word(2) in ORDINALS:  # "the first half of 2025"
        fields["part"] = f"{word(2)} {word(1)}"
        take(3)
    elif word() == "of" and word(1) in ("months", "weeks") and word(2) in COUNT_WORDS and word(3) in ORDINALS:
        fields["part"] = f"{word(3)} {word(2)} {word(1)}"  # "the first five months of the year"
        take(4)
    if "part" in fields:
        if word() == "very":
            take(1)
        if word() == "the":
            take(1)
    if word() == "far" and word(1) == "so":  # "so far this year"
        fields["so_far"] = True
        take(2)
    fields["prep_end"] = back.position
    if (word(1), word()) in TWO_WORD_PREPOSITIONS:
        fields["prep"] = f"{word(1)} {word()}"
        take(2)
    elif word() == "on" and word(1) in START_PREPOSITIONS:
        fields["prep"] = word(1)  # "effective on Tuesday", "starting on Monday": the start's own preposition
        take(2)
    elif word() in LEAD_PREPOSITIONS:
        fields["prep"] = word()
        take(1)


# ---------------------------------------------------------------------------------------------------------
# Tense of the clause around a mention
# ---------------------------------------------------------------------------------------------------------

class _Clauses:
    """Clause boundaries of each sentence (found on first use) and the tense of the clause at a span."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._bounds: dict[int, tuple[list[int], list[int]]] = {}

    def _sentence_bounds(self, sentence_start: int, sentence_end: int) -> tuple[list[int], list[int]]:
        """(starts, ends) of the clause breaks of one sentence, in order."""
        bounds = self._bounds.get(sentence_start)
        if bounds is None:
            breaks = [m.span() for m in _CLAUSE_BREAK.finditer(self.text, sentence_start, sentence_end)]
            bounds = self._bounds[sentence_start] = ([b[0] for b in breaks], [b[1] for b in breaks])
        return bounds

    def tense(self, sentence_start: int, sentence_end: int, start: int, end: int) -> str:
        """FUTURE, PAST or PRESENT: the tense of the clause holding text[start:end].

        A clause that is only the date phrase ("On Friday, he will...") borrows the following clause.
        """
        starts, ends = self._sentence_bounds(sentence_start, sentence_end)
        before = bisect.bisect_right(starts, start) - 1
        clause_start = ends[before] if before >= 0 else sentence_start
        after = bisect.bisect_left(starts, end)
        clause_end = starts[after] if after < len(starts) else sentence_end
        text = self.text
        other_words = len(text[clause_start:start].split()) + len(text[end:clause_end].split())
        if other_words < 2 and clause_end < sentence_end:
            clause_end = starts[after + 1] if after + 1 < len(starts) else sentence_end
        tense = _clause_tense(f" {text[clause_start:clause_end].lower()} ", start - clause_start + 1)
        if tense == PRESENT and other_words < 2 and clause_end >= sentence_end and before >= 0 \
                and text[starts[before]:starts[before] + 1] == ",":
            # a date phrase closing the sentence after a comma ("last cut rates, by 25 basis points, in May.")
            # takes the tense of the clause before it
            return _clause_tense(f" {text[sentence_start:starts[before]].lower()} ")
        if tense == PRESENT and clause_end < sentence_end and text[clause_end:clause_end + 1] == "," \
                and _may_borrow_tense(text, clause_start, clause_end):
            # a fronted phrase without a verb ("In a statement on Sunday, Trump said") takes the tense of
            # the clause it introduces
            following = bisect.bisect_right(starts, clause_end)
            next_end = starts[following] if following < len(starts) else sentence_end
            if _REPORTING_CLAUSE.match(text, clause_end + 1, next_end):
                # "... from Canada, Japan and India for five years from Thursday, the Commerce Ministry said":
                # the report's tense is not the news's; the sentence up to the date tells it
                return _clause_tense(f" {text[sentence_start:clause_end].lower()} ")
            tense = _clause_tense(f" {text[clause_end + 1:next_end].lower()} ")
        if tense == PRESENT and clause_start > sentence_start \
                and _says_will(f" {text[sentence_start:clause_start].lower()} "):
            # a clause of list items in a future sentence: "England's group will decide where Rice, Saka and
            # James are based in June and July"
            return FUTURE
        return tense


# A clause that only says who reported what came before it: ", the Commerce Ministry said", ", officials told"
_REPORTING_CLAUSE = re.compile(r"\s*(?:the\s+|a\s+|an\s+)?(?:[\w.'’-]+\s+){0,5}?(?:said|says|told|tells|"
                               r"announced|reported|added|wrote|stated)\b")


def _says_will(clause: str) -> bool:
    """Whether a padded lower-case text has a future auxiliary ("will", "shall") and no past-tense verb."""
    flat = clause.replace(".", " ")
    words = set(flat.split())
    return not FUTURE_WORDS.isdisjoint(words) and not _has_past_verb(flat, words)


def _may_borrow_tense(text: str, start: int, end: int) -> bool:
    """Whether a clause without a tense of its own takes that of the clause after it: a fronted phrase ("In a
    statement on Sunday, Trump said"), not a subordinate clause in the present ("when senators return from the
    Memorial Day recess, after ...": the present of a time to come)."""
    first = text[start:end].lstrip(" \"“(").split(" ", 1)[0].lower()
    return first not in PRESENT_SUBORDINATORS


def _clause_tense(clause: str, mention_at: int = 0) -> str:
    """FUTURE when a padded lower-case clause has a future cue, PAST when it has a past-tense verb, else
    PRESENT (a timetable: "the pause ends on Nov. 10"). `mention_at` is where the date phrase starts in the
    clause, if in it: a soft future word must come before it."""
    flat = clause.replace(".", " ")
    words = set(flat.split())
    if not _COUNTERFACTUAL_KEYS.isdisjoint(words) and any(cue in flat for cue in COUNTERFACTUALS):
        return PRESENT
    future_words = not FUTURE_WORDS.isdisjoint(words)
    if future_words and any(cue in flat for cue in ATTRIBUTIVE_FUTURE) and _has_past_verb(flat, words) \
            and "will" not in words:
        future_words = False
    elif future_words and words & FUTURE_WORDS <= PLAN_PARTICIPLES:
        # "A visit planned for August 25 was called off": what was planned, in a clause told in the past
        # (a reporting verb is only the frame: "said it would raise the matter at talks scheduled for Dec. 16")
        rest_words = words - PLAN_PARTICIPLES - REPORTING_VERBS
        rest = " ".join(word for word in flat.split() if word in rest_words)
        if _has_past_verb(f" {rest} ", rest_words):
            future_words = False
    if future_words or "'ll " in flat or "’ll " in flat:
        return FUTURE
    if not FUTURE_PHRASE_KEYS.isdisjoint(words) and any(cue in flat for cue in FUTURE_PHRASES):
        return FUTURE
    if _has_past_verb(flat, words):
        return PAST
    if not SOFT_FUTURE_WORDS.isdisjoint(words) and any(0 <= clause.find(f" {word} ") < mention_at
                                                       for word in SOFT_FUTURE_WORDS):
        return FUTURE
    if "to" in words and any(cue in flat for cue in INFINITIVE_CUES):
        return FUTURE
    if not TIMETABLE_KEYS.isdisjoint(words) and any(cue in flat for cue in TIMETABLE_PHRASES):
        return FUTURE
    return PRESENT


def _has_past_verb(flat: str, words: set[str]) -> bool:
    """Whether the clause has a past-tense verb: an irregular one, or an "-ed" word that is not a present
    passive ("ferries are suspended until Wednesday")."""
    if not IRREGULAR_PAST.isdisjoint(words):
        return True
    if "last" in words and _LAST_DID.search(flat):
        return True  # "the central bank last cut rates": "cut", "put", "set" are past after "last"
    if "ed " not in flat:
        return False
    if PRESENT_AUXILIARIES_SET.isdisjoint(words):
        return any(word.endswith("ed") and word not in NOT_PAST_ED for word in words)
    return any(word.endswith("ed") and word not in NOT_PAST_ED and not _is_present_passive(flat, word)
               for word in words)


def _is_present_passive(flat: str, participle: str) -> bool:
    return any(f" {auxiliary} {participle} " in flat for auxiliary in PRESENT_AUXILIARIES)


# ---------------------------------------------------------------------------------------------------------
# Resolution: from a core match and its lead to periods
# ---------------------------------------------------------------------------------------------------------

class Period(NamedTuple):
    """A resolved (or unresolved) period: granularity, bounds and how it was obtained."""

    granularity: str
    start: dt.date | None
    end: dt.date | None
    resolution: str


def _day(date: dt.date | None, resolution: str) -> Period:
    if date is None:
        return Period(DAY, None, None, UNRESOLVED)
    return Period(DAY, date, date, resolution)


def _month(year: int, month: int, resolution: str) -> Period:
    start, end = cal.month_bounds(year, month)
    return Period(MONTH, start, end, resolution)


def _year(year: int, resolution: str) -> Period:
    start, end = cal.year_bounds(year)
    return Period(YEAR, start, end, resolution)


def _week(bounds: tuple[dt.date, dt.date]) -> Period:
    return Period(WEEK, bounds[0], bounds[1], RELATIVE)


def _unresolved(granularity: str) -> Period:
    return Period(granularity, None, None, UNRESOLVED)


class _Context:
    """What one core match needs to be resolved: the text around it, its lead and the anchor."""

    __slots__ = ("text", "match", "group", "lead", "anchor", "sentence_start", "sentence_end", "clauses",
                 "previous_end", "last_day", "running_year", "_tense")

    def __init__(self, text: str, match: re.Match, lead: Lead, anchor: dt.date | None, sentence_start: int,
                 sentence_end: int, clauses: _Clauses, previous_end: int, last_day: dt.date | None = None,
                 running_year: int | None = None) -> None:
        self.text = text
        self.match = match
        # match.group itself: resolvers read many groups, and a wrapper method would double each call
        self.group = match.group
        self.lead = lead
        self.anchor = anchor
        self.sentence_start = sentence_start
        self.sentence_end = sentence_end
        self.clauses = clauses
        # where the previous mention ended (-1: none), for lists and ranges ("in March and April")
        self.previous_end = previous_end
        # the last day resolved before this mention, that "two days later" and "on the 24th" count from
        self.last_day = last_day
        # the year of the last line opened by a day with its year ("FEB. 1, 2025 - ..."), that a timeline's
        # year-less entries in the present ("APRIL 2 - Trump announces ...") keep
        self.running_year = running_year
        self._tense: str | None = None

    @property
    def tense(self) -> str:
        """FUTURE, PAST or PRESENT: the tense of the clause around the mention (read once)."""
        if self._tense is None:
            lead_start = max(self.sentence_start, self.lead.start)
            if self.running_year is None and _TIMETABLE_BEFORE.search(
                    self.text, max(self.sentence_start, lead_start - 80), lead_start):
                # "A truce that lowered tariffs expires on Nov. 10": the date's own verb is a timetable's,
                # whatever a relative clause says
                self._tense = FUTURE
            else:
                # the lead belongs to the date phrase: "In the first week of March, talks resumed" reads
                # the tense of "talks resumed"
                self._tense = self.clauses.tense(self.sentence_start, self.sentence_end, lead_start,
                                                 self.match.end())
        return self._tense

    def direction(self) -> str:
        """How to place a year-less date or month: PAST, FUTURE or NEAREST to the anchor."""
        prep, relation = self.lead.prep, self.lead.rel
        if prep in PAST_PREPOSITIONS or relation == "last" or self._dates_a_past_event():
            return PAST
        if relation == "next" or self._is_shifted_to():
            return FUTURE  # "next March"; "pushed our first cut to September": where a plan was moved is ahead
        if self._is_attributive():
            return NEAREST  # "before the April 12 election", "a July 23 deadline": the date of a named event
        tense = self.tense
        if tense == FUTURE or (tense == PAST and self._reports_a_future()):
            # "the tax, which the minister said would take effect on October 1": the future of a report
            return FUTURE
        if tense == PAST and prep in NEAREST_PREPOSITIONS and self._in_past_perfect():
            return PAST  # "Korean cars had entered the United States duty-free until April": over before the news
        if prep in NEAREST_PREPOSITIONS or tense == PRESENT:
            return NEAREST
        return PAST

    def _in_past_perfect(self) -> bool:
        """Whether the mention closes a past perfect ("had entered ... until April"), not an infinitive after
        one ("the 25% rate he had threatened to impose from 1 August" is ahead)."""
        before = self.text[max(self.sentence_start, self.lead.start - 120):self.lead.start]
        perfects = list(_PAST_PERFECT.finditer(before))
        return bool(perfects) and _INFINITIVE.search(before, perfects[-1].end()) is None

    def _is_attributive(self) -> bool:
        """Whether a year-less day modifies the noun after it, after an article ("the April 12 election")."""
        match = self.match
        if match.lastgroup not in ("md", "dm") or match.group(f"{match.lastgroup}_y"):
            return False
        text, start, end = self.text, match.start(), match.end()
        return (text.endswith(("the ", "a ", "an ", "The ", "A "), max(0, start - 4), start)
                and text[end:end + 1] == " " and text[end + 1:end + 2].islower())

    def weekday_tense(self) -> str:
        """FUTURE when a weekday points ahead: a future clause, or a deadline or start in a clause that is
        not past ("must decide by Friday", "applies from Monday"); else PAST (the most recent one)."""
        if self._dates_a_past_event():
            return PAST
        if self.lead.prep in START_PREPOSITIONS:
            return FUTURE  # "signed a proclamation imposing a 10% tariff, effective on Tuesday": the start ahead
        tense = self.tense
        if tense == FUTURE or (tense == PRESENT and self.lead.prep in NEAREST_PREPOSITIONS):
            return FUTURE
        if self._reports_a_future():
            # "said power would be restored by Sunday evening", "said it would publish the list on Saturday":
            # the future of a report
            return FUTURE
        return PAST

    def _dates_a_past_event(self) -> bool:
        """Whether the mention dates what a past participle names, whatever the clause's tense: "the 39%
        rate imposed in August will fall", "a deal announced on Nov. 14" (not "will be imposed in August")."""
        lead = self.lead
        if lead.prep not in ("on", "in") or lead.rel:
            return False
        words = self.text[max(self.sentence_start, lead.start - 30):lead.start].split()
        return (bool(words) and words[-1].lower() in EVENT_PARTICIPLES
                and (len(words) < 2 or words[-2].lower() not in PASSIVE_AUXILIARIES))

    def _reports_a_future(self) -> bool:
        """Whether the clause before the mention says what would, should or could happen ("would be restored",
        "Most customers should be reconnected by Friday, the company said", "said the cargoes could leave in
        March")."""
        before = self.text[max(self.sentence_start, self.lead.start - _MODAL_REACH):self.lead.start].lower()
        modal = max(before.rfind(" would "), before.rfind(" should "), before.rfind(" could "))
        if modal < 0 or " had " in before or _NEW_MAIN_CLAUSE.search(before, modal):
            # (a modal of the clause before: "He did not say when it would start, and officials on Sunday
            # referred questions")
            return False
        # the modal governs the date's verb, not one after it ("would replace the safeguard that expired on 30 June");
        # its own verb phrase may hold a participle ("would be restored")
        words = _APPOSITIVE.sub(" ", before[modal:]).replace(".", " ").split()[1:]
        while words and words[0] in MODAL_VERB_PHRASE_WORDS:
            words = words[1:]
        rest = f" {' '.join(words[1:])} "
        return not _has_past_verb(rest, set(words[1:]))

    def is_point_in_time(self, cues: frozenset[str]) -> bool:
        """Whether the lead makes a bare month or year a calendar point ("in August", "since 2023", "and
        April" right after a date)."""
        lead = self.lead
        if lead.mod or lead.part or lead.pre or lead.rel or lead.prep in cues:
            return True
        if lead.prep in CONTINUATIONS and self.previous_end >= 0 \
                and self.text[self.previous_end:lead.start].strip(" ,") == "":
            return True
        # the end of a span of months: "prices rose 4.7% in the 12 months to December", "the year to March"; a
        # date something is moved to: "pushed our first cut to September", "delays textile tariff hike to October"
        return lead.prep == "to" and (self.text.endswith(_SPAN_BEFORE_TO, max(0, lead.start - 8), lead.start)
                                      or self._is_shifted_to())

    def _is_shifted_to(self) -> bool:
        """Whether the date is where something was moved: "pushed our first cut to September"."""
        lead = self.lead
        return lead.prep == "to" and _SHIFTED_TO.search(self.text, max(0, lead.start - 50), lead.start) is not None


_SPAN_BEFORE_TO = (" months ", " year ", " weeks ", " quarter ")
_SHIFTED_TO = re.compile(r"\b(?:push(?:es|ed|ing)?|mov(?:es|ed|ing|e)|delay(?:s|ed|ing)?|postpon(?:es|ed|ing|e)|"
                         r"slip(?:s|ped|ping)?|defer(?:s|red|ring)?|brought|bring(?:s|ing)?|put(?:s|ting)?)"
                         r"(?: [\w'’-]+){0,4}? $", re.IGNORECASE)


def _day_number(raw: str) -> int:
    written = _ORDINAL_DAY_WORDS.get(raw.lower())  # "first", "twenty-third"
    return written if written is not None else int(raw.rstrip("stndrh"))


def _weekday_of(ctx: _Context, group: str) -> int | None:
    raw = ctx.group(group)
    return cal.weekday_number(raw) if raw else None


def _calendar_day(ctx: _Context, month: int, day: int, year: int | None, weekday: int | None) -> Period:
    """A day of a named month: absolute with its year, else placed in the year the context points to."""
    if year is not None:
        return _day(cal.safe_date(year, month, day), ABSOLUTE)
    anchor = ctx.anchor
    if anchor is None:
        return _unresolved(DAY)
    own_year = cal.safe_date(anchor.year, month, day)
    if weekday is None and own_year is not None and abs(own_year - anchor) <= cal.TENSE_SLACK:
        return _day(own_year, RELATIVE)  # every direction agrees: skip reading the tense
    if ctx.running_year is not None and weekday is None and (_opens_timeline_entry(ctx) or _in_timeline_entry(ctx)
                                                             or ctx.direction() == NEAREST):
        in_running_year = cal.safe_date(ctx.running_year, month, day)
        if in_running_year is not None and in_running_year <= anchor:
            return _day(in_running_year, RELATIVE)
    chosen = cal.choose_year_for_day(month, day, anchor, ctx.direction(), weekday)
    return _day(cal.safe_date(chosen, month, day) if chosen else None, RELATIVE)


def _names_a_months_event(ctx: _Context) -> bool:
    """A month naming the event it is the month of, after a determiner or a possessive: "under the May
    agreement", "the Federal Reserve's July meeting", "before the October deadline"."""
    text, start = ctx.text, ctx.match.start()
    return (_MONTHS_EVENT_AFTER.match(text, ctx.match.end()) is not None
            and _EVENT_DETERMINER_BEFORE.search(text, max(0, start - 8), start) is not None)


_MONTHS_EVENT_AFTER = re.compile(
    r" (?:meeting|deadline|agreement|deal|summit|vote|election|elections|talks|truce|ceasefire|accord|announcement|"
    r"session|review|ruling|decision|referendum|conference|hearing|visit|auction|offensive)\b")
_EVENT_DETERMINER_BEFORE = re.compile(r"(?:\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Ll]ast|[Tt]hat)|['’]s) $")


def _opens_timeline_entry(ctx: _Context) -> bool:
    """Whether the mention opens a line and a dash or colon follows it: "APRIL 11 - China raises ..."."""
    text, end = ctx.text, ctx.match.end()
    return opens_line(text, ctx.match.start()) and text.startswith((" - ", " – ", " — ", ": "), end)


def _in_timeline_entry(ctx: _Context) -> bool:
    """Whether the mention is in the line of a dated timeline entry ("FEB. 1, 2025 - Trump signs an order ... It
    takes effect on Feb. 4."): its present tense tells the entry's time, not the future."""
    text = ctx.text
    return _TIMELINE_ENTRY.match(text, text.rfind("\n", 0, ctx.match.start()) + 1) is not None


_TIMELINE_ENTRY = re.compile(r"[A-Z][A-Za-z]{2,8}\.? \d{1,2}, (?:19|20)\d{2}\s*[-–—:]")


def _day_range(ctx: _Context, month: int, first: str, second: str | None, year: int | None,
               weekday: int | None) -> list[Period]:
    """One period per day of "8 and 9 April"; the later day only for a night ("night of 23-24 April")."""
    days = [_day_number(first)] + ([_day_number(second)] if second else [])
    if len(days) == 2 and (ctx.lead.overnight or (ctx.lead.phase or "").endswith("night")):
        days = days[1:]
    periods = [_calendar_day(ctx, month, day, year, weekday if i == 0 else None)
               for i, day in enumerate(days)]
    return [period for period in periods if period.granularity == DAY]


def _month_period(ctx: _Context, month: int, year: int | None) -> Period:
    """A named month: absolute with its year, else placed by its relation ("last October") or context."""
    if year is not None:
        return _month(year, month, ABSOLUTE)
    anchor = ctx.anchor
    if anchor is None:
        return _unresolved(MONTH)
    relation = ctx.lead.rel
    if relation == "last":
        chosen = anchor.year if month < anchor.month else anchor.year - 1
    elif relation == "next":
        chosen = anchor.year if month > anchor.month else anchor.year + 1
    elif relation == "this" or month == anchor.month:
        chosen = anchor.year  # the anchor's own month whatever the tense
    else:
        chosen = cal.choose_year_for_month(month, anchor, ctx.direction())
    return _month(chosen, month, RELATIVE)


def _resolve_iso(ctx: _Context) -> list[Period]:
    date = cal.safe_date(int(ctx.group("iso_y")), int(ctx.group("iso_m")), int(ctx.group("iso_d")))
    return [_day(date, ABSOLUTE)] if date else []


def _resolve_numeric(ctx: _Context) -> list[Period]:
    """13.10.2025 is day-month (European); with slashes only an unambiguous order is accepted."""
    first, second, year = int(ctx.group("num_a")), int(ctx.group("num_b")), int(ctx.group("num_y"))
    if ctx.group("num_sep") == "." or first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        month, day = first, second
    else:
        return []  # 10/11/2025: October 11 or 10 November
    date = cal.safe_date(year, month, day) if 1 <= month <= 12 else None
    return [_day(date, ABSOLUTE)] if date else []


def _resolve_day_month(ctx: _Context) -> list[Period]:
    month = cal.month_number(ctx.group("dm_m"))
    year = int(ctx.group("dm_y")) if ctx.group("dm_y") else None
    return _day_range(ctx, month, ctx.group("dm_d1"), ctx.group("dm_d2"), year, _weekday_of(ctx, "dm_wd"))


def _resolve_month_day(ctx: _Context) -> list[Period]:
    """A month with a day ("Oct. 13"), a year ("February 2022") or, after a cue, alone ("in August")."""
    raw_month = ctx.group("md_m")
    month = cal.month_number(raw_month)
    year = int(ctx.group("md_y")) if ctx.group("md_y") else None
    if ctx.group("md_d1"):
        return _day_range(ctx, month, ctx.group("md_d1"), ctx.group("md_d2"), year, _weekday_of(ctx, "md_wd"))
    if year is None:
        is_abbreviation = raw_month.rstrip(".").lower() in _MONTH_ABBREVIATIONS
        # "October's strikes" is a month too, but "May's" is more often Theresa May's
        possessive = bool(ctx.group("md_poss")) and month != 5
        # a month opening a line of a table or timeline: "March: 5,230 drones", "JUNE - Negotiators meet"
        entry = not is_abbreviation and _opens_timeline_entry(ctx)
        if is_abbreviation or not (ctx.is_point_in_time(MONTH_CUES) or possessive or entry
                                   or _names_a_months_event(ctx)):
            return []
        if entry and ctx.running_year is not None and ctx.anchor is not None \
                and cal.month_bounds(ctx.running_year, month)[0] <= ctx.anchor:
            return [_month(ctx.running_year, month, RELATIVE)]
    return [_month_period(ctx, month, year)]


def _resolve_year(ctx: _Context) -> list[Period]:
    """A year after a cue ("in 2024", "early 2024") or naming a thing's year ("the 1997 flood", "fiscal
    2027"), or a range of years ("2022-23": both)."""
    if not ctx.is_point_in_time(YEAR_CUES) and not _names_a_year(ctx):
        return []
    if _counts_something(ctx):
        return []  # "paid for 2000 drones", "in 2000 homes": a count after a cue, not a year
    first = int(ctx.group("yr_1"))
    years = [first]
    if ctx.group("yr_2"):
        raw = ctx.group("yr_2")
        second = int(raw) if len(raw) == 4 else first // 100 * 100 + int(raw)
        if second > first:
            years.append(second)
    return [_year(year, ABSOLUTE) for year in years if cal.MIN_YEAR <= year <= cal.MAX_YEAR]


def _counts_something(ctx: _Context) -> bool:
    """Whether a year-like number is followed by a noun it counts ("2000 drones")."""
    following = ctx.text[ctx.match.end():ctx.match.end() + 24].split(" ", 2)
    return len(following) > 1 and following[0] == "" and following[1].rstrip(",.;:") in _COUNTED_NOUNS


def _names_a_year(ctx: _Context) -> bool:
    """A year as a modifier ("the 1997 flood", "a 1977 emergency powers law", "Poland's 2026 budget", "the 2026
    fiscal year"), a fiscal year ("fiscal 2027", "fiscal years 2027 and 2028") or an instrument's year ("the
    Trade Act of 1974")."""
    text, start, end = ctx.text, ctx.match.start(), ctx.match.end()
    previous = _previous_word(text, start, 16)
    if previous == "fiscal" or (previous in ("year", "years")
                                and text[max(0, start - len(previous) - 8):start - len(previous) - 1].lower()
                                == "fiscal "):
        return True
    if previous == "of":
        return _INSTRUMENT_OF_YEAR.search(text, max(0, start - 16), start) is not None
    following = text[end:end + 24].split(" ", 2)
    if len(following) > 1 and following[0] == "" and following[1].rstrip(",.;:") in YEAR_MEASURED_NOUNS:
        return True  # "close to 2019 shipments", "15% of their 2024 volumes", "above 2024 levels"
    if previous not in ("the", "a", "an", "their", "its", "his", "her", "our") and not previous.endswith(("'s", "’s")):
        return False
    return (len(following) > 1 and following[0] == "" and following[1][:1].islower()
            and following[1].rstrip(",.;:") not in _COUNTED_NOUNS)


def _resolve_day_offset(ctx: _Context) -> list[Period]:
    """"the day before yesterday" / "the day after tomorrow"."""
    if ctx.anchor is None:
        return [_unresolved(DAY)]
    offset = -2 if ctx.group("rdx_dir").lower().startswith("before") else 2
    return [_day(ctx.anchor + dt.timedelta(days=offset), RELATIVE)]


def _resolve_days_from_event(ctx: _Context) -> list[Period]:
    """"two days later", "three days earlier": counted from the last day told before the mention (the event
    it follows), else from the anchor; an appositive day ("Two days later, on the 24th") wins (see _find)."""
    base = ctx.last_day or ctx.anchor
    if base is None:
        return [_unresolved(DAY)]
    written = ctx.group("nd_n").lower()
    count = int(written) if written.isdigit() else numbers.UNITS[written]
    sign = 1 if ctx.group("nd_dir") == "later" else -1
    return [_day(base + dt.timedelta(days=sign * count), RELATIVE)]


def _resolve_ordinal_day(ctx: _Context) -> list[Period]:
    """"on the 24th": in a past narrative, that day in the month of the last day told before it ("on March 3
    ... on the 5th"); else in the month around the anchor that the tense points to ("is due to close on the
    24th")."""
    if ctx.lead.prep not in ORDINAL_DAY_PREPOSITIONS:
        return []
    day = int(ctx.group("od_d"))
    anchor, base, direction = ctx.anchor, ctx.last_day, ctx.direction()
    if base is not None and direction == PAST:
        dated = cal.safe_date(base.year, base.month, day)
        if dated is not None and (anchor is None or dated <= anchor):
            return [_day(dated, RELATIVE)]
    if anchor is None:
        return [_unresolved(DAY)]
    nearby = [cal.safe_date(*cal.add_months(anchor.year, anchor.month, delta), day) for delta in (-1, 0, 1)]
    return [_day(cal.by_direction(nearby, anchor, direction), RELATIVE)]


def _resolve_relative_period(ctx: _Context) -> list[Period]:
    """this/last/next week|month|year, earlier this month, later in the week, over the weekend."""
    text, start = ctx.text, ctx.match.start()
    written = ctx.group("rp_det").lower()
    unit = ctx.group("rp_unit").lower()
    adverb = (ctx.group("rp_adv") or "").lower()
    part = ctx.lead.part
    if written in ("last", "next") and not adverb and text[max(0, start - 4):start].lower() == "the ":
        return []  # "the last week", "over the next year": durations
    if part in DURATION_PARTS:
        return []  # "for the rest of the year"
    if written == "the":
        # "later in the week", "the end of the year"
        valid = bool(adverb and ctx.group("rp_in")) or bool(part)
        if unit == "weekend":  # "over the weekend", "the weekend's strikes"
            valid = valid or ctx.lead.prep in WEEKEND_PREPOSITIONS or bool(ctx.group("rp_poss"))
        if not valid:
            return []
    granularity = WEEK if unit == "weekend" else unit
    anchor = ctx.anchor
    if anchor is None:
        return [_unresolved(granularity)]
    offset = {"last": -1, "next": 1}.get(written, 0)
    if unit == "weekend":
        relation = None if written == "the" else written
        return [_week(cal.weekend_week(anchor, relation, ctx.weekday_tense()))]
    if unit == "week":
        if adverb:  # "earlier this week" has passed, "later this week" is ahead
            tense = FUTURE if adverb == "later" else PAST
        else:  # only a Sunday anchor reads "this week" by its tense (rule 19)
            tense = ctx.tense if anchor.weekday() == 6 else PAST
        shifted = adverb != "earlier"
        return [_week(cal.relative_week(anchor, offset, tense, sunday_starts_week=shifted))]
    if unit == "month":
        year, month = cal.add_months(anchor.year, anchor.month, offset)
        return [_month(year, month, RELATIVE)]
    return [_year(anchor.year + offset, RELATIVE)]


def _resolve_quarter(ctx: _Context) -> list[Period]:
    """"in the third quarter", "third-quarter results", "this quarter": the year the quarter falls in
    (quarters are labelled as years). A quarter of a game ("scored in the third quarter") is not a date."""
    if _GAME_WORDS.search(ctx.text, ctx.sentence_start, ctx.sentence_end):
        return []
    anchor = ctx.anchor
    if anchor is None:
        return [_unresolved(YEAR)]
    current = (anchor.month - 1) // 3 + 1
    relation = (ctx.group("qt_rel") or "").lower()
    if relation:
        shift = {"this": 0, "last": -1, "next": 1}[relation]
        return [_year(anchor.year + (current + shift - 1) // 4, RELATIVE)]
    ordinal = ctx.group("qt_ord")
    if ordinal:
        quarter = _QUARTER_ORDINALS[ordinal.lower()]
    else:
        quarter = (cal.month_number(ctx.group("qt_m1").rstrip(".")) - 1) // 3 + 1
    return [_year(cal.choose_year_for_quarter(quarter, anchor, ctx.direction()), RELATIVE)]


def _resolve_year_end(ctx: _Context) -> list[Period]:
    """"by year-end": a year-granularity point like "the end of this year"."""
    return [_year(ctx.anchor.year, RELATIVE)] if ctx.anchor else [_unresolved(YEAR)]


def _resolve_relative_day(ctx: _Context) -> list[Period]:
    """today, tonight, this morning (the anchor), yesterday, last night (the day before), tomorrow."""
    written = ctx.group("rd_word") or ""
    word = written.lower()
    if written == "Today" and _is_publication_name(ctx):
        return []
    if ctx.anchor is None:
        return [_unresolved(DAY)]
    if word == "yesterday" or ctx.group("rd_night"):
        offset = -1
    elif word == "tomorrow":
        offset = 1
    else:
        offset = 0
    return [_day(ctx.anchor + dt.timedelta(days=offset), RELATIVE)]


def _is_publication_name(ctx: _Context) -> bool:
    """"USA Today", "Russia Today": a capitalised word in front of a mid-sentence "Today"."""
    start = ctx.match.start()
    if start == ctx.sentence_start:
        return False
    return _PROPER_NAME_BEFORE.search(ctx.text, max(ctx.sentence_start, start - 30), start) is not None


def _word_before(text: str, start: int) -> str:
    """The lower-cased word right before `start` (separated by one space), or ""."""
    if text[start - 1:start] != " ":
        return ""
    return _previous_word(text, start, 24)


def _previous_word(text: str, start: int, window: int) -> str:
    """The lower-cased word that ends one character before `start`, after a space or a line break
    ("...drones.\n\nSince 2022, partners ..."), looked for within `window` characters."""
    floor = max(0, start - window)
    space = max(text.rfind(" ", floor, start - 1), text.rfind("\n", floor, start - 1))
    return text[space + 1:start - 1].lower()


# A day declared for something is still ahead: "authorities declared Monday a day of mourning".
_DECLARED_DAY_BEFORE = re.compile(r"\b(?:declared?|declares|declaring|proclaimed|announced|named) $", re.IGNORECASE)
_DECLARED_DAY_AFTER = re.compile(r",? (?:as )?an? (?:(?:national|public|city-wide|citywide|official) )?"
                                 r"(?:day|holiday)\b", re.IGNORECASE)


def _resolve_weekday(ctx: _Context) -> list[Period]:
    """A weekday, resolved by its determiner ("last Thursday") or the clause's tense.

    "Saturday night into Sunday" and "the night of Saturday to Sunday" are the later day; "from Monday
    to Wednesday" gives both days.
    """
    text, start, end = ctx.text, ctx.match.start(), ctx.match.end()
    if _word_before(text, start) in WEEKDAY_NAME_PREFIXES or WEEKDAY_NAME_SUFFIXES.match(text, end):
        return []
    weekday = cal.weekday_number(ctx.group("wd_name"))
    target = ctx.group("wd_to")
    nightly = bool(ctx.lead.overnight or ctx.group("wd_phase") in ("night", "evening", "overnight")
                   or (ctx.lead.phase or "").endswith("night") or ctx.group("wd_link") == "into")
    anchor = ctx.anchor
    if anchor is None:
        return [_unresolved(DAY)] * (1 if not target or nightly else 2)
    relation = ctx.lead.rel
    if relation is None and weekday == anchor.weekday():
        day = anchor  # the publication weekday is the anchor itself, whatever the tense
    elif relation is None and _DECLARED_DAY_BEFORE.search(text, max(0, start - 30), start) \
            and _DECLARED_DAY_AFTER.match(text, end):
        day = cal.resolve_weekday(anchor, weekday, None, FUTURE)  # "declared Sunday a day of mourning"
    else:
        day = cal.resolve_weekday(anchor, weekday, relation, ctx.weekday_tense())
    if not target:
        return [_day(day, RELATIVE)]
    later = day + dt.timedelta(days=(cal.weekday_number(target) - weekday) % 7 or 7)
    if nightly:
        return [_day(later, RELATIVE)]
    return [_day(day, RELATIVE), _day(later, RELATIVE)]


def _resolve_holiday(ctx: _Context) -> list[Period]:
    """Christmas (Dec 25; Orthodox Jan 7), New Year's Day/Eve, the fixed holidays (Victory Day, Boxing Day ...),
    Easter's days (Western or Orthodox), Thanksgiving, Memorial Day and Labor Day."""
    text, start, end = ctx.text, ctx.match.start(), ctx.match.end()
    name = ctx.group("hol_name").replace("’", "'")
    part = ctx.group("hol_part")
    before = _word_before(text, start)
    if before in HOLIDAY_GREETINGS or (not part and HOLIDAY_NAME_SUFFIXES.match(text, end)):
        return []
    if name == "Christmas":
        month, day = (1, 7) if before == "orthodox" else (12, 24 if part == "Eve" else 25)
    elif name.startswith("New Year"):
        if part not in ("Day", "Eve") and not (name.endswith("'s") or ctx.lead.prep):
            return []  # "a New Year resolution"
        month, day = (12, 31) if part == "Eve" else (1, 1)
    elif name in EASTER_DAYS:
        if name == "Easter" and not ctx.lead.prep and before != "orthodox":
            return []  # "an Easter truce", "the Easter holidays": named after the feast, not its day
        month, day = 0, 0  # moveable: from the year's Easter
    elif name in FIXED_HOLIDAYS:
        if _CAPITALISED_WORD_BEFORE.search(text, max(0, start - 30), start):
            return []  # another holiday's name: "Holodomor Remembrance Day" (a Saturday of November)
        month, day = FIXED_HOLIDAYS[name]
    else:
        month, day = 11, None
    anchor = ctx.anchor
    if anchor is None:
        return [_unresolved(DAY)]
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    if name in EASTER_DAYS:  # "Palm Sunday", "Orthodox Easter": days counted from the year's Easter
        offset = dt.timedelta(days=EASTER_DAYS[name])
        dates = [cal.easter(year, orthodox=before == "orthodox") + offset for year in years]
    elif name == "Memorial Day":  # the last Monday of May
        dates = [cal.nth_weekday(year, 6, 0, 1) - dt.timedelta(days=7) for year in years]
    elif name.startswith("Labo"):  # the first Monday of September (the U.S. and Canada)
        dates = [cal.nth_weekday(year, 9, 0, 1) for year in years]
    elif day is None:  # Thanksgiving: the fourth Thursday of November
        dates = [cal.nth_weekday(year, 11, 3, 4) for year in years]
    else:
        dates = [cal.safe_date(year, month, day) for year in years]
    return [_day(cal.by_direction(dates, anchor, ctx.direction()), RELATIVE)]


_RESOLVERS = {
    "iso": _resolve_iso,
    "qt": _resolve_quarter,
    "num": _resolve_numeric,
    "dm": _resolve_day_month,
    "md": _resolve_month_day,
    "yr": _resolve_year,
    "nd": _resolve_days_from_event,
    "od": _resolve_ordinal_day,
    "rdx": _resolve_day_offset,
    "rp": _resolve_relative_period,
    "ye": _resolve_year_end,
    "rd": _resolve_relative_day,
    "wd": _resolve_weekday,
    "hol": _resolve_holiday,
}

# ---------------------------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------------------------


# The rest of a line that is a post's date stamp: "11 May, 21:10", "May 11, 9:15 p.m."
_TIMESTAMP_REST = re.compile(r",? ?(?:at )?\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: ?[A-Z]{2,4})? *(?:\n|$)",
                             re.IGNORECASE)
_DAY_THEN_YEAR = re.compile(r" (?:of )?(next|this|last) year\b", re.IGNORECASE)
_YEAR_OFFSETS = {"next": 1, "this": 0, "last": -1}
# Nouns a bare year measures by: "2019 shipments", "2024 volumes", "2024 levels"
YEAR_MEASURED_NOUNS = frozenset("""
    shipments volumes volume levels level sales output production exports imports figures prices earnings results
    revenue revenues profits harvest crop quotas quota budget budgets forecast forecasts estimates numbers totals
""".split())
# Words before a day that make the mention the week holding it: "in the week to June 7", "the week of June 8",
# "- Week of 9 November" (a list item).
_WEEK_ENDING = re.compile(r"(?:\b(?:in|during|over|for) )?(?:\b[Tt]he |(?<![^\n])(?:[-•*] )?)(?:seven days|[Ww]eek) "
                          r"(?:to|ending|through|until|of) $")


class DateMention(NamedTuple):
    """A resolved mention: its span, sentence and period, and whether it is a "today" and inside a quote."""

    start: int
    end: int
    sentence_no: int
    period: Period
    is_today: bool = False
    quoted: bool = False


def _candidates(text: str) -> list[int]:
    """Positions where a date mention may start, in text order (see the module docstring)."""
    starts = []
    for token in _TOKEN.finditer(text):
        word = token.group()
        position = token.start()
        if word[0] <= "9":
            if _number_may_start(text, position, token.end(), word):
                starts.append(position)
            continue
        kind = _START_WORDS.get(word.lower())
        if kind == "start":
            if text.endswith(" of ", 0, position):
                ordinal = _ORDINAL_WORD_BEFORE.search(text, max(0, position - 20), position)
                if ordinal is not None:
                    starts.append(ordinal.start() - 4)  # "the first of July" starts at its article
            starts.append(position)
        elif kind is not None:
            start = _start_before(text, position, kind)
            if start is not None:
                starts.append(start)
    for word in _LOWER_WORDS:
        position = text.find(word)
        if position == -1:
            continue
        kind = _START_WORDS[word]
        while position != -1:
            after = text[position + len(word):position + len(word) + 3]
            if (position == 0 or not text[position - 1].isalpha()) and (
                    not after[:1].isalpha() or (word == "week" and after == "end")):
                start = position if kind == "start" else _start_before(text, position, kind)
                if start is not None:
                    starts.append(start)
            position = text.find(word, position + 1)
    for phrase in (" days later", " days earlier"):
        position = text.find(phrase)
        while position != -1:
            count = _DAY_COUNT_BEFORE.search(text, max(0, position - 6), position)
            if count is not None:
                starts.append(count.start())
            position = text.find(phrase, position + 1)
    for ordinal in _ORDINAL_DAY_AFTER_THE.finditer(text):
        article = ordinal.start() - 1  # "on the 24th" starts at its article
        if article >= 0 and text[article] in "Tt" and (article == 0 or not text[article - 1].isalnum()):
            starts.append(article)
    return sorted(set(starts))


def _number_may_start(text: str, start: int, end: int, word: str) -> bool:
    """Whether a number token can start a date: a day number followed by a month or a range, a year
    after a cue word ("in 2024", "mid-2024") or opening an ISO date; amounts and counts are skipped."""
    following = text[end:end + 5]
    if len(word) <= 2 or _DAY_TOKEN.fullmatch(word):
        if following[:1] in ("-", "–", ".", "/"):
            return following[1:2].isdigit()
        if following[:1] != " ":
            return False
        return following[1:2].isupper() or following.startswith((" of ", " and", " to ", " or ", " & "))
    if len(word) != 4 or word[:2] not in ("19", "20"):
        return False
    if following[:1] in ("-", "–", "/", ".") and following[1:2].isdigit():
        return True
    if text[start - 1:start] in ("-", "–"):
        return True
    previous = _previous_word(text, start, 16)
    if previous in _YEAR_LEAD_WORDS or previous in _NAMING_YEAR_LEADS or previous.endswith(("'s", "’s")):
        return True
    return text[end:end + 1] == " " and text[end + 1:end + 16].split(" ", 1)[0].rstrip(",.;:") in YEAR_MEASURED_NOUNS


def _start_before(text: str, position: int, kind: str) -> int | None:
    """Start of the phrase ending in a unit word: "earlier this" week, "this" morning, "last" night."""
    pattern = _BACK_PATTERNS[kind]
    if pattern is None:
        return position
    back = pattern.search(text, max(0, position - _BACK_WINDOW), position)
    if back:
        return back.start()
    if kind == "day_word" or (kind == "unit" and text.startswith(("year-end", "Year-end"), position)):
        return position
    return None


def _span_start(ctx: _Context, family: str) -> int:
    """Start of the mention: the lead words that belong to the phrase ("since late", "the evening of")."""
    lead = ctx.lead
    if family == "yr" and ctx.text.endswith(("the ", "The "), 0, ctx.match.start()):
        return ctx.match.start()  # "the 1997 flood": the year alone
    prep = lead.prep
    keep_prep = prep in SPAN_PREPOSITIONS or (family == "rp" and ctx.group("rp_unit").lower() == "weekend"
                                              and prep in WEEKEND_PREPOSITIONS)
    if prep and not keep_prep:
        return lead.prep_end
    return lead.start


# The possessive group of the families whose possessive stays out of the span.
_POSSESSIVE_GROUPS = {"rp": "rp_poss", "md": "md_poss"}


def _span_end(match: re.Match, family: str) -> int:
    """End of the mention: a possessive stays out of a period's span ("this year's" -> "this year")."""
    possessive = _POSSESSIVE_GROUPS.get(family)
    if possessive and match.group(possessive):
        return match.start(possessive)
    return match.end()


class _Quotes:
    """Whether positions, asked in text order, lie inside a quotation opened earlier on the same line.

    It keeps the state of the line read so far (straight quotes seen, last curly opening and closing
    quote), so that a document is read once however many mentions it has.
    """

    def __init__(self, text: str):
        self.text = text
        self.position = 0
        self.straight = 0
        self.last_open = self.last_close = -1

    def inside(self, position: int) -> bool:
        text, read = self.text, self.position
        line_break = text.rfind("\n", read, position)
        if line_break != -1:
            read = line_break + 1
            self.straight, self.last_open, self.last_close = 0, -1, -1
        self.straight += text.count('"', read, position)
        opening, closing = text.rfind("“", read, position), text.rfind("”", read, position)
        if opening != -1:
            self.last_open = opening
        if closing != -1:
            self.last_close = closing
        self.position = position
        return self.straight % 2 == 1 or self.last_open > self.last_close


def _find(doc: Document) -> list[DateMention]:
    """Every date mention of the document, resolved, in text order."""
    text, anchor = doc.text, doc.published_date
    found: list[DateMention] = []
    clauses = _Clauses(text)
    quotes = _Quotes(text)
    previous_end = -1
    covered = -1
    last_day: dt.date | None = None
    running_year: int | None = None
    post_day: dt.date | None = None  # the day of the post a timestamp line opens ("11 May, 21:10")
    counted_from = -1  # index in `found` of a "two days later" that an appositive day may restate
    match_core, sentence_at = _CORE.match, doc.sentence_at
    for start in _candidates(text):
        if start < covered:
            continue
        match = match_core(text, start)
        if match is None:
            continue
        family = match.lastgroup
        sentence = sentence_at(start)
        ctx = _Context(text, match, _read_lead(text, start), post_day or anchor, sentence.start, sentence.end,
                       clauses, previous_end, last_day, running_year)
        periods = _RESOLVERS[family](ctx)
        if not periods:
            continue
        covered = match.end()
        span_start, span_end = _span_start(ctx, family), _span_end(match, family)
        if len(periods) == 1 and periods[0].start is not None and periods[0].granularity in (DAY, MONTH):
            first = periods[0].start
            week_to = (_WEEK_ENDING.search(text, max(0, span_start - 32), span_start)
                       if periods[0].granularity == DAY else None)
            if week_to is not None:
                # "in the week to June 7": the week that ends on that day, not the day
                span_start, periods = week_to.start(), [_week(cal.week_bounds(first))]
                if text[span_start] in "-•*":
                    span_start += 2  # the list item's bullet
            elif anchor is not None and family in ("md", "dm") and not match.group(f"{family}_y"):
                which_year = _DAY_THEN_YEAR.match(text, span_end)
                if which_year is not None:
                    # "on June 30 next year", "in October last year": one mention, in the year it names
                    year = anchor.year + _YEAR_OFFSETS[which_year.group(1).lower()]
                    if periods[0].granularity == MONTH:
                        periods = [_month(year, first.month, RELATIVE)]
                    elif dated := cal.safe_date(year, first.month, first.day):
                        periods = [_day(dated, RELATIVE)]
                    span_end = which_year.end()
                    covered = max(covered, span_end)
        is_today = family == "rd" and (match.group("rd_word") or "").lower() == "today"
        quoted = quotes.inside(start)
        if family == "nd" and found and text[previous_end:span_start] == ", " \
                and found[-1].period.granularity == DAY and found[-1].period.start is not None:
            periods = [found[-1].period]  # "hit on Sunday, two days earlier": the day it restates
        if len(periods) == 1 and periods[0].granularity == DAY and periods[0].start is not None:
            if counted_from >= 0 and text[previous_end:span_start] in (", ", " "):
                # "Two days later, on the 24th": the day named beside the count is the one meant
                found[counted_from] = found[counted_from]._replace(period=periods[0])
            last_day = periods[0].start
            at_line_start = opens_line(text, span_start)
            if periods[0].resolution == ABSOLUTE and at_line_start:
                running_year = last_day.year  # a timeline's entry: "FEB. 1, 2025 - Trump signs ..."
            if at_line_start and _TIMESTAMP_REST.match(text, span_end):
                # a post of a live blog or a channel: "yesterday" in it is the day before the post's
                post_day = last_day
        counted_from = len(found) if family == "nd" else -1
        for period in periods:
            found.append(DateMention(span_start, span_end, sentence.no, period, is_today, quoted))
        previous_end = span_end
    return _resolve_quoted_today(doc, found)


def _resolve_quoted_today(doc: Document, found: list[DateMention]) -> list[DateMention]:
    """A quoted "today" is the day it was spoken (rule 20).

    The speech day is a recent day named outside quotes earlier in the same sentence ('Frederiksen said
    on Sunday: "today we..."'), else the news day of the lead (the headline and first sentences: an
    article dated Monday that reports "hailed on Sunday"), else the publication date.
    """
    anchor = doc.published_date
    if anchor is None or not any(f.is_today and f.quoted for f in found):
        return found

    def is_speech_day(mention: DateMention) -> bool:
        day = mention.period.start
        return (mention.period.granularity == DAY and not mention.quoted and not mention.is_today
                and day is not None and anchor - SPEECH_DAY_REACH <= day <= anchor)

    lead_day = next((f.period.start for f in found if f.sentence_no < LEAD_SENTENCES and is_speech_day(f)),
                    None)
    out = []
    for f in found:
        if f.is_today and f.quoted:
            said_on = next((g.period.start for g in found
                            if g.sentence_no == f.sentence_no and g.start < f.start and is_speech_day(g)),
                           None)
            f = f._replace(period=_day(said_on or lead_day or anchor, RELATIVE))
        out.append(f)
    return out


def resolved_mentions(doc: Document) -> list[DateMention]:
    """The document's resolved date mentions, found once and kept in doc.cache (shared: do not modify)."""
    found = doc.cache.get(CACHE_KEY)
    if found is None:
        found = doc.cache[CACHE_KEY] = _find(doc)
    return found


def extract(doc: Document) -> list[dict]:
    """Date-mention rows of one document (fresh dicts: the registry adds columns to them)."""
    anchor = doc.published_date
    return [
        {
            "char_start": f.start,
            "char_end": f.end,
            "granularity": f.period.granularity,
            "period_start": f.period.start,
            "period_end": f.period.end,
            "anchor_date": anchor,
            "resolution": f.period.resolution,
        }
        for f in resolved_mentions(doc)
    ]
