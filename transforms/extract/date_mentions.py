"""date_mentions: every expression naming a calendar day, week, month or year, resolved to a period.

One compiled pattern finds the core of every mention (a date, a month, a year, a weekday, "today",
"this week", "over the weekend", "Christmas"...). For each core, a short look-back pattern reads the
words in front of it ("since late", "by the end of", "the evening of", "overnight into", "last"), which
decide whether a bare month or year is a date at all, the granularity of imprecise points, and the
direction in which a year-less or relative expression is resolved. The tense of the clause around the
mention (future cues such as "will", "is set to", "scheduled") settles the rest. Relative expressions
are resolved against the publication date (GOLD_FORMAT rules 18-21).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import NamedTuple

from transforms.contract import DATE, STRING, Column, Table, fact_columns
from transforms.documents import Document
from transforms.normalize import calendar as cal

GRANULARITIES = ("day", "week", "month", "year")
RESOLUTIONS = ("absolute", "relative", "unresolved")

TABLE = Table(
    name="date_mentions",
    description="One row per expression naming a calendar day, week, month or year (not durations or clock "
                "times), with the period it denotes.",
    key="fact_id",
    is_fact=True,
    version="1",
    columns=fact_columns(
        Column("granularity", STRING, "Size of the period named.", nullable=False, values=GRANULARITIES),
        Column("period_start", DATE, "First day of the period (weeks start on Monday); null when unresolved."),
        Column("period_end", DATE, "Last day of the period; null when unresolved."),
        Column("anchor_date", DATE, "The date relative expressions were resolved against (publication date)."),
        Column("resolution", STRING, "absolute (the text names the date), relative (resolved against the "
                                     "anchor) or unresolved.", nullable=False, values=RESOLUTIONS),
    ),
)

CACHE_KEY = "date_mentions"

DAY, WEEK, MONTH, YEAR = GRANULARITIES
ABSOLUTE, RELATIVE, UNRESOLVED = RESOLUTIONS
PAST, FUTURE, NEAREST = cal.PAST, cal.FUTURE, cal.NEAREST
PRESENT = "present"

# ---------------------------------------------------------------------------------------------------------
# Vocabularies
# ---------------------------------------------------------------------------------------------------------

# Words in front of a bare month ("in August", "since late March") or year ("in 2024") that make it a
# point in time rather than a name ("Theresa May") or a number ("2000 drones").
MONTH_CUES = frozenset({"in", "since", "by", "from", "until", "till", "through", "throughout", "during",
                        "before", "after", "as of", "starting", "beginning", "effective", "between", "on"})
YEAR_CUES = MONTH_CUES - {"on", "effective"}
# Joining words that continue a list or range of dates ("in March and April", "from 2022 to 2024").
CONTINUATIONS = frozenset({"and", "or", "to", "through", "until", "till", "into"})
# Prepositions kept in the mention span ("on October 13", "since late August", "by October").
SPAN_PREPOSITIONS = frozenset({"on", "in", "since", "by", "from", "until", "till", "through", "throughout",
                               "during", "before", "after", "as of", "starting", "beginning"})
# The weekend is named with its own prepositions ("over the weekend", "at the weekend").
WEEKEND_PREPOSITIONS = frozenset({"over", "at", "during", "on", "through", "throughout", "since", "by",
                                  "until", "after", "before", "into"})
# "the rest of the year", "the first weeks of March" are stretches of time, not calendar points.
DURATION_PARTS = ("rest", "remainder")
# Day names that are part of another name: "Black Friday", "Super Tuesday", "the Sunday Times".
WEEKDAY_NAME_PREFIXES = frozenset({"good", "black", "super", "bloody", "cyber", "holy", "ash", "palm",
                                   "easter", "maundy", "great"})
WEEKDAY_NAME_SUFFIXES = re.compile(r"\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Observer|Mail|"
                                   r"Independent|Star|Sport|Night\s+Live)\b")
# "Christmas tree", "Christmas market": things named after the holiday, not the day.
HOLIDAY_NAME_SUFFIXES = re.compile(r"\s+(?:trees?|markets?|season|holidays?|lights|decorations?|carols?|"
                                   r"shopping|gifts?|presents?|cards?|spirit|dinner|songs?|music|films?)\b",
                                   re.IGNORECASE)
HOLIDAY_GREETINGS = frozenset({"merry", "happy"})
# Names ending in "Today" (USA Today, Russia Today) are publications, not days.
_PROPER_NAME_BEFORE = re.compile(r"[A-Z][\w.&-]*\s+$")

# ---------------------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------------------


def _cased(words: tuple[str, ...] | list[str]) -> str:
    """Alternation of the words in Title case and in capitals, longest first."""
    forms = {w for word in words for w in (word, word.upper())}
    return "|".join(sorted(forms, key=len, reverse=True))


# Document text is normalised (normalize_text): words are separated by exactly one space and a line break
# ends every headline and paragraph, so the patterns match single spaces and never cross lines.
_MONTH = rf"(?:(?:{_cased(cal.MONTH_NAMES)})\b|(?:{_cased(cal.MONTH_ABBREVIATIONS)})\b\.?)"
_WEEKDAY = rf"(?:{_cased(cal.WEEKDAY_NAMES)})\b"
_WEEKDAY_ABBR = rf"(?:{_cased(cal.WEEKDAY_ABBREVIATIONS)})\b\.?"
_DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR_NUM = r"(?:19|20)\d{2}"
_RANGE_SEP = r" ?(?:[-–—]|and|&|or|to|through) ?"
# A day number must not be an amount: "May 5 percent", "April 20:00", "June 1,000".
_NOT_AMOUNT = r"(?! ?(?:%|percent\b|per cent\b)|[:.,]\d)"

_CORE = re.compile(
    # 2025-10-13
    rf"(?P<iso>(?<![\d-])(?P<iso_y>{_YEAR_NUM})(?P<iso_sep>[-/.])(?P<iso_m>0?[1-9]|1[0-2])(?P=iso_sep)"
    rf"(?P<iso_d>0?[1-9]|[12]\d|3[01])(?!\d|[-/.]\d))"
    # 13.10.2025, 13/10/2025
    rf"|(?P<num>(?<![\d./])(?P<num_a>\d{{1,2}})(?P<num_sep>[./])(?P<num_b>\d{{1,2}})(?P=num_sep)"
    rf"(?P<num_y>{_YEAR_NUM})(?!\d|[./]\d))"
    # 13 October, 8 and 9 April 2025, 23-24 April, Tuesday 11 March, 13th of October
    rf"|(?P<dm>(?:(?P<dm_wd>{_WEEKDAY}|{_WEEKDAY_ABBR}),? (?:the )?)?(?<![\w.,$€£-])(?P<dm_d1>{_DAY_NUM})"
    rf"(?:{_RANGE_SEP}(?P<dm_d2>{_DAY_NUM}))? (?:of )?(?P<dm_m>{_MONTH})"
    rf"(?:,? (?P<dm_y>{_YEAR_NUM})\b)?)"
    # October 13, Oct. 13, 2025, Tuesday, March 11, April 25th, February 2022, (in) August
    rf"|(?P<md>(?:(?P<md_wd>{_WEEKDAY}|{_WEEKDAY_ABBR}),? (?:the )?(?={_MONTH} {_DAY_NUM}))?(?P<md_m>{_MONTH})"
    rf"(?: (?P<md_d1>{_DAY_NUM}){_NOT_AMOUNT}(?:{_RANGE_SEP}(?P<md_d2>{_DAY_NUM}){_NOT_AMOUNT})?)?"
    rf"(?:,? (?:of )?(?P<md_y>{_YEAR_NUM})\b(?![-–]\d|,\d|%))?(?P<md_poss>['’]s\b)?)"
    # 2024, 2022-2023
    rf"|(?P<yr>(?<![\w$€£.,/])(?P<yr_1>{_YEAR_NUM})(?: ?[-–] ?(?P<yr_2>{_YEAR_NUM}|\d{{2}}))?\b"
    rf"(?![-–/]\d|,\d|\.\d|%| ?(?:percent|per cent)\b))"
    # the day before yesterday, the day after tomorrow
    r"|(?P<rdx>[Tt]he day (?P<rdx_dir>before yesterday|after tomorrow)\b)"
    # this week, earlier this month, later in the week, next year, the weekend
    r"|(?P<rp>(?:(?P<rp_adv>[Ee]arlier|[Ll]ater|EARLIER|LATER) (?P<rp_in>in )?)?"
    r"(?P<rp_det>[Tt]his|[Ll]ast|[Nn]ext|[Tt]he|THIS|LAST|NEXT|THE) "
    r"(?P<rp_unit>week(?:end)?|month|year|WEEK(?:END)?|MONTH|YEAR)\b(?P<rp_poss>['’]s\b)?)"
    # year-end
    r"|(?P<ye>[Yy]ear-end|YEAR-END)\b"
    # today, tonight, yesterday, tomorrow, this morning, last night
    r"|(?P<rd>(?P<rd_word>[Tt]oday|TODAY|[Tt]onight|TONIGHT|[Yy]esterday|YESTERDAY|[Tt]omorrow|TOMORROW)\b"
    r"(?P<rd_poss>['’]s\b)?|(?P<rd_this>[Tt]his (?:morning|afternoon|evening))\b|(?P<rd_night>[Ll]ast night)\b)"
    # Thursday, Friday's, Monday morning, Saturday night into Sunday
    rf"|(?P<wd>(?P<wd_name>{_WEEKDAY})(?P<wd_poss>['’]s\b)?"
    r"(?: (?P<wd_phase>morning|afternoon|evening|night|overnight)\b)?"
    rf"(?: (?P<wd_link>into|to) (?:(?:early|late) )?(?:on )?(?P<wd_to>{_WEEKDAY}))?)"
    # Christmas Day, Christmas morning, New Year's Eve, Victory Day, Thanksgiving
    r"|(?P<hol>(?P<hol_name>Christmas|New Year['’]s|New Year|Victory Day|Thanksgiving)"
    r"(?: (?P<hol_part>Day|Eve|morning|night|evening))?\b)"
)

# Words in front of a core that belong to the mention (read backwards by _read_lead), slot by slot in
# text order: preposition, "so far", part of a period, part of a day, "overnight", modifier, relation.
LEAD_PREPOSITIONS = frozenset({"on", "in", "since", "by", "from", "until", "till", "through", "throughout",
                               "during", "before", "after", "starting", "beginning", "effective", "between",
                               "and", "or", "to", "over", "at", "around", "for", "within", "into", "of"})
TWO_WORD_PREPOSITIONS = frozenset({("as", "of")})
PERIOD_PARTS = frozenset({"start", "beginning", "end", "middle", "turn", "close", "rest", "remainder"})
HALVES = frozenset({"first", "second"})
DAY_PARTS = frozenset({"evening", "morning", "afternoon", "night"})
HOURS_MODIFIERS = frozenset({"early", "small", "wee"})
MODIFIERS = frozenset({"early", "late", "mid", "earlier", "later"})
RELATIONS = frozenset({"last", "next", "this", "coming"})
ATTACHED_PREFIXES = {"pre-": "pre", "post-": "post", "mid-": "mid"}
# Any lead ends in one of these words; a core after another word has no lead (the common fast path).
_LEAD_LAST_WORDS = (LEAD_PREPOSITIONS | RELATIONS | MODIFIERS | {"overnight", "of", "far"})
_LEAD_WINDOW = 64

# Candidate scan (see _candidates): words and numbers that can start a mention, and unit words whose
# mention starts at a determiner in front of them.
_START_WORDS: dict[str, str] = {
    **{name.lower(): "start" for name in cal.MONTH_NAMES + cal.MONTH_ABBREVIATIONS},
    **{name.lower(): "start" for name in cal.WEEKDAY_NAMES + cal.WEEKDAY_ABBREVIATIONS},
    **dict.fromkeys(("christmas", "new year", "victory day", "thanksgiving", "today", "tonight"), "start"),
    **dict.fromkeys(("yesterday", "tomorrow"), "day_word"),
    **dict.fromkeys(("week", "weekend", "month", "year"), "unit"),
    **dict.fromkeys(("morning", "afternoon", "evening"), "day_part"),
    "night": "night",
}


def _first_letter_dispatch(words: list[str]) -> str:
    """A pattern for capitalised `words` (Title case or capitals) and numbers that opens with one character
    class, so that the regex engine skips every other character at C speed, and then dispatches on that
    first character with a look-behind instead of trying each word at each capital letter."""
    by_letter: dict[str, set[str]] = {}
    for word in words:
        title, upper = word[0].upper() + word[1:], word.upper()
        by_letter.setdefault(title[0], set()).update({title[1:], upper[1:]})
    branches = [r"(?<=[0-9])[0-9]*(?:st|nd|rd|th)?"]
    for letter in sorted(by_letter):
        rests = "|".join(sorted(by_letter[letter], key=len, reverse=True))
        branches.append(f"(?<={letter})(?:{rests})")
    return rf"[0-9{''.join(sorted(by_letter))}](?:{'|'.join(branches)})(?![A-Za-z0-9])"


# Numbers and capitalised words that can start a mention (see _candidates).
_TOKEN = re.compile(_first_letter_dispatch(sorted(word.title() for word in _START_WORDS)))
_DAY_TOKEN = re.compile(r"\d{1,2}(?:st|nd|rd|th)")
# Words that may stand right before a year that starts a mention ("in 2024", "and 2025", "early 2024").
_YEAR_LEAD_WORDS = YEAR_CUES | CONTINUATIONS | MODIFIERS | {"of", "or"}
_LOWER_WORDS = ("today", "tonight", "yesterday", "tomorrow", "week", "month", "year", "morning",
                "afternoon", "evening", "night")
_BACK_WINDOW = 24
_BACK_PATTERNS: dict[str, re.Pattern | None] = {
    "start": None,
    "day_word": re.compile(r"\bthe day (?:before|after) $", re.IGNORECASE),
    "unit": re.compile(r"\b(?:(?:earlier|later) (?:in )?)?(?:this|last|next|the) $", re.IGNORECASE),
    "day_part": re.compile(r"\bthis $", re.IGNORECASE),
    "night": re.compile(r"\blast $", re.IGNORECASE),
}

# Clause boundaries for reading tense: punctuation, quotes, and conjunctions that start a new clause.
_CLAUSE_PUNCTUATION = re.compile(r"[,;:()\"“”—–]")
# "and" starts a new clause only before a new finite verb: "fired on Sunday | and will strike on Friday"
# (but "will travel and meet Trump on Friday" is one clause).
_CLAUSE_CONJUNCTION = re.compile(r" (?:but|while|whereas|that|although|though|"
                                 r"and (?=(?:will|would|is|are|was|were|has|have|had) ))")
# Cues that the clause speaks of the future ("will meet on Friday", "is set to speak on Thursday"): single
# words, and padded lower-case phrases that each hold one of FUTURE_PHRASE_KEYS (tested only when the
# clause has that word: substring tests are far cheaper than a case-blind regex).
FUTURE_WORDS = frozenset({"will", "won't", "won’t", "shall", "slated", "scheduled", "upcoming", "planned"})
FUTURE_PHRASES = (
    " set to ", " poised to ", " plans to ", " plan to ", " planning to ", " intends to ", " intend to ",
    " expected to ", " expects to ", " expect to ", " going to ", " likely to ", " is to ", " are to ",
    " was to ", " were to ", " is due ", " are due ", " was due ", " were due ", " be due ", " ahead of ",
    " in the coming ",
)
FUTURE_PHRASE_KEYS = frozenset({"to", "due", "ahead", "coming"})
# A headline infinitive ("Trump to meet Zelensky on Friday") speaks of the future only in a clause with
# no past-tense verb ("met in Alaska in August to discuss" is past).
INFINITIVE_CUES = tuple(f" to {verb} " for verb in (
    "meet", "visit", "hold", "host", "travel", "arrive", "sign", "attend", "speak", "talk", "vote", "announce",
    "decide", "discuss", "begin", "start", "resume", "open", "join", "take effect"))
# Past-tense verbs: the common irregular ones and auxiliaries, and "-ed" words other than the participles
# news uses as adjectives or names ("armed forces", "guided bombs", "United States").
IRREGULAR_PAST = frozenset(
    "met said was were had did came went took gave made told held spoke began saw sent led left struck fought "
    "won lost brought thought kept wrote rose fell broke chose flew ran stood paid got hit shot".split())
NOT_PAST_ED = frozenset(
    "united based advanced armed guided limited detailed related called alleged proposed unmanned unidentified "
    "occupied annexed need speed indeed proceed exceed succeed red bed shed hundred scheduled expected planned "
    "so-called".split())
# Leads whose direction overrides the tense: "since March" is past; "by October" is the nearest one.
_PAST_PREPOSITIONS = frozenset({"since"})
_NEAREST_PREPOSITIONS = frozenset({"by", "until", "till", "from", "starting", "beginning", "effective",
                                   "as of", "through"})
# The lead paragraph: the headline and the first body sentences.
LEAD_SENTENCES = 3
# A quoted "today" is the reported speech day only when the lead dates the news that recently.
SPEECH_DAY_REACH = dt.timedelta(days=3)


# ---------------------------------------------------------------------------------------------------------
# Resolution
# ---------------------------------------------------------------------------------------------------------

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

    @property
    def empty(self) -> bool:
        return self.start == self.prep_end and self.prep is None


def _read_lead(text: str, start: int) -> Lead:
    """The lead of the core starting at `start`, read word by word backwards (slots in reverse order)."""
    before = text[start - 1:start]
    if before != " " and before != "-":
        return Lead(start, start)
    window_start = max(0, start - _LEAD_WINDOW, text.rfind("\n", 0, start) + 1)
    window = text[window_start:start]
    fields: dict = {}
    position = start
    if before == "-":
        cut = window.rfind(" ") + 1
        prefix = ATTACHED_PREFIXES.get(window[cut:].lower())
        if prefix is None:
            return Lead(start, start)
        fields["mod" if prefix == "mid" else "pre"] = prefix
        position -= len(window) - cut
        window = window[:cut]
        if not window.endswith(" "):
            return Lead(position, position, **fields)
    words = window[:-1].split(" ")
    if window_start > 0 and text[window_start - 1] not in " \n":
        words = words[1:]  # the first piece of a cut window is part of a word
    last = words[-1].lower() if words else ""
    if last not in _LEAD_LAST_WORDS and last != "the":
        return Lead(position, position, **fields)
    if last in LEAD_PREPOSITIONS and last != "of" and (len(words) < 2 or words[-2].lower() not in _LEAD_LAST_WORDS):
        return Lead(position - len(last) - 1, position, prep=last, **fields)  # the common "on", "in", "since"
    lowered = [w.lower() for w in words]
    i = len(lowered) - 1

    def word(back: int = 0) -> str:
        return lowered[i - back] if i - back >= 0 else ""

    def take(count: int) -> None:
        nonlocal i, position
        for _ in range(count):
            position -= len(words[i]) + 1
            i -= 1

    if not fields and word() == "the" and text[start:start + 1].isdigit():
        take(1)  # "on the 13th of October"
    if not fields and word() in RELATIONS:
        fields["rel"] = word()
        take(1)
    if "mod" not in fields:
        if word() in ("on", "in") and word(1) in MODIFIERS:
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
    if word() == "of" and word(1) in DAY_PARTS:
        fields["phase"] = word(1)
        take(2)
    elif word() == "of" and word(1) == "hours" and word(2) in HOURS_MODIFIERS:
        fields["phase"] = f"{word(2)} hours"
        take(3)
    if "phase" in fields and word() == "the":
        take(1)
    if word() == "of" and word(1) in PERIOD_PARTS:
        fields["part"] = word(1)
        take(2)
    elif word() == "of" and word(1) == "half" and word(2) in HALVES:
        fields["part"] = f"{word(2)} half"
        take(3)
    if "part" in fields:
        if word() == "very":
            take(1)
        if word() == "the":
            take(1)
    if word() == "far" and word(1) == "so":
        fields["so_far"] = True
        take(2)
    prep_end = position
    if (word(1), word()) in TWO_WORD_PREPOSITIONS:
        fields["prep"] = f"{word(1)} {word()}"
        take(2)
    elif word() in LEAD_PREPOSITIONS:
        fields["prep"] = word()
        take(1)
    return Lead(position, prep_end, **fields)


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

    __slots__ = ("text", "match", "lead", "anchor", "sentence_start", "sentence_end", "clauses", "_tense")

    def __init__(self, text: str, match: re.Match, lead: Lead, anchor: dt.date | None, sentence_start: int,
                 sentence_end: int, clauses: _Clauses) -> None:
        self.text = text
        self.match = match
        self.lead = lead
        self.anchor = anchor
        self.sentence_start = sentence_start
        self.sentence_end = sentence_end
        self.clauses = clauses
        self._tense: str | None = None

    def group(self, name: str) -> str | None:
        return self.match.group(name)

    @property
    def prep(self) -> str | None:
        return self.lead.prep

    @property
    def relation(self) -> str | None:
        return self.lead.rel

    @property
    def tense(self) -> str:
        """FUTURE, PAST or PRESENT: the tense of the clause around the mention (read once)."""
        if self._tense is None:
            self._tense = self.clauses.tense(self.sentence_start, self.sentence_end, self.match.start(),
                                             self.match.end())
        return self._tense

    def direction(self) -> str:
        """How to resolve a year-less or relative mention: PAST, FUTURE or NEAREST."""
        prep = self.prep
        if prep in _PAST_PREPOSITIONS or self.relation == "last":
            return PAST
        if self.relation == "next":
            return FUTURE
        if self.tense == FUTURE:
            return FUTURE
        if prep in _NEAREST_PREPOSITIONS or self.tense == PRESENT:
            return NEAREST
        return PAST


class _Clauses:
    """Clause boundaries of each sentence (found on first use) and the tense of the clause at a span."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._bounds: dict[int, tuple[list[int], list[int]]] = {}

    def _sentence_bounds(self, sentence_start: int, sentence_end: int) -> tuple[list[int], list[int]]:
        """(starts, ends) of the clause breaks of one sentence, in order."""
        bounds = self._bounds.get(sentence_start)
        if bounds is None:
            text = self.text
            breaks = [(m.start(), m.end()) for m in _CLAUSE_PUNCTUATION.finditer(text, sentence_start, sentence_end)]
            breaks += [(m.start(), m.end()) for m in _CLAUSE_CONJUNCTION.finditer(text, sentence_start, sentence_end)]
            breaks.sort()
            bounds = ([b[0] for b in breaks], [b[1] for b in breaks])
            self._bounds[sentence_start] = bounds
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
        return _clause_tense(f" {text[clause_start:clause_end].lower()} ")


def _clause_tense(clause: str) -> str:
    """FUTURE when a padded lower-case clause has a future cue, PAST when it has a past-tense verb, else
    PRESENT (a timetable: "the pause ends on Nov. 10")."""
    words = clause.replace(".", " ").split()
    present = set(words)
    if not FUTURE_WORDS.isdisjoint(present) or any(word.endswith(("'ll", "’ll")) for word in words):
        return FUTURE
    if not FUTURE_PHRASE_KEYS.isdisjoint(present) and any(cue in clause for cue in FUTURE_PHRASES):
        return FUTURE
    if not IRREGULAR_PAST.isdisjoint(present) or any(
            word.endswith("ed") and word not in NOT_PAST_ED for word in words):
        return PAST
    if "to" in present and any(cue in clause for cue in INFINITIVE_CUES):
        return FUTURE
    return PRESENT


def _day_number(raw: str) -> int:
    return int(raw.rstrip("stndrh"))


def _weekday_of(ctx: _Context, group: str) -> int | None:
    raw = ctx.group(group)
    return cal.weekday_number(raw) if raw else None


def _calendar_day(ctx: _Context, month: int, day: int, year: int | None, weekday: int | None) -> Period:
    """A day of a named month: absolute with its year, else placed in the year nearest the anchor."""
    if year is not None:
        return _day(cal.safe_date(year, month, day), ABSOLUTE)
    if ctx.anchor is None:
        return _unresolved(DAY)
    own_year = cal.safe_date(ctx.anchor.year, month, day)
    if weekday is None and own_year is not None and abs(own_year - ctx.anchor) <= cal.TENSE_SLACK:
        return _day(own_year, RELATIVE)  # every direction agrees: skip reading the tense
    chosen = cal.choose_year_for_day(month, day, ctx.anchor, ctx.direction(), weekday)
    return _day(cal.safe_date(chosen, month, day) if chosen else None, RELATIVE)


def _day_range(ctx: _Context, month: int, first: str, second: str | None, year: int | None,
               weekday: int | None) -> list[Period]:
    """One period per day of "8 and 9 April"; the later day only for a night ("night of 23-24 April")."""
    days = [_day_number(first)] + ([_day_number(second)] if second else [])
    if len(days) == 2 and (ctx.lead.overnight or (ctx.lead.phase or "").endswith("night")):
        days = days[1:]
    periods = [_calendar_day(ctx, month, day, year, weekday if i == 0 else None) for i, day in enumerate(days)]
    return [p for p in periods if p.granularity == DAY]


def _month_period(ctx: _Context, month: int, year: int | None) -> Period:
    if year is not None:
        return _month(year, month, ABSOLUTE)
    anchor = ctx.anchor
    if anchor is None:
        return _unresolved(MONTH)
    relation = ctx.relation
    if relation == "last":
        chosen = anchor.year if month < anchor.month else anchor.year - 1
    elif relation == "next":
        chosen = anchor.year if month > anchor.month else anchor.year + 1
    elif relation == "this":
        chosen = anchor.year
    elif month == anchor.month:
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
    if ctx.group("num_sep") == ".":
        day, month = first, second
    elif first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        month, day = first, second
    else:
        return []
    date = cal.safe_date(year, month, day) if 1 <= month <= 12 else None
    return [_day(date, ABSOLUTE)] if date else []


def _resolve_day_month(ctx: _Context) -> list[Period]:
    month = cal.month_number(ctx.group("dm_m"))
    year = int(ctx.group("dm_y")) if ctx.group("dm_y") else None
    return _day_range(ctx, month, ctx.group("dm_d1"), ctx.group("dm_d2"), year, _weekday_of(ctx, "dm_wd"))


def _resolve_month_day(ctx: _Context, previous_end: int) -> list[Period]:
    raw_month = ctx.group("md_m")
    month = cal.month_number(raw_month)
    year = int(ctx.group("md_y")) if ctx.group("md_y") else None
    if ctx.group("md_d1"):
        return _day_range(ctx, month, ctx.group("md_d1"), ctx.group("md_d2"), year, _weekday_of(ctx, "md_wd"))
    if ctx.group("md_wd"):
        return []  # "on Sunday May said": the weekday is handled on its own
    if year is None:
        is_abbreviation = raw_month.rstrip(".").lower() in {a.lower() for a in cal.MONTH_ABBREVIATIONS}
        if is_abbreviation or not _is_point_in_time(ctx, MONTH_CUES, previous_end):
            if not (ctx.group("md_poss") and month != 5):
                return []
    return [_month_period(ctx, month, year)]


def _is_point_in_time(ctx: _Context, cues: frozenset[str], previous_end: int) -> bool:
    """Whether the lead makes a bare month or year a calendar point ("in August", "since 2023")."""
    lead = ctx.lead
    if lead.mod or lead.part or lead.pre or lead.rel:
        return True
    prep = ctx.prep
    if prep in cues:
        return True
    if prep in CONTINUATIONS and previous_end >= 0:
        return ctx.text[previous_end:lead.start].strip(" ,") == ""
    return False


def _resolve_year(ctx: _Context, previous_end: int) -> list[Period]:
    if not _is_point_in_time(ctx, YEAR_CUES, previous_end):
        return []
    first = int(ctx.group("yr_1"))
    years = [first]
    if ctx.group("yr_2"):
        raw = ctx.group("yr_2")
        second = int(raw) if len(raw) == 4 else first // 100 * 100 + int(raw)
        if second > first:
            years.append(second)
    return [_year(year, ABSOLUTE) for year in years if cal.MIN_YEAR <= year <= cal.MAX_YEAR]


def _resolve_day_offset(ctx: _Context) -> list[Period]:
    """"the day before yesterday" / "the day after tomorrow"."""
    if ctx.anchor is None:
        return [_unresolved(DAY)]
    offset = -2 if ctx.group("rdx_dir").lower().startswith("before") else 2
    return [_day(ctx.anchor + dt.timedelta(days=offset), RELATIVE)]


def _resolve_relative_period(ctx: _Context) -> list[Period]:
    """this/last/next week|month|year, earlier this month, later in the week, over the weekend."""
    text, start = ctx.text, ctx.match.start()
    written_determiner = ctx.group("rp_det").lower()
    determiner = written_determiner
    unit = ctx.group("rp_unit").lower()
    adverb = ctx.group("rp_adv")
    if determiner in ("last", "next") and not adverb and text[max(0, start - 4):start].lower() == "the ":
        return []  # "the last week", "over the next year": durations
    part = ctx.lead.part
    if part in DURATION_PARTS:
        return []
    if determiner == "the":
        valid = bool(adverb and ctx.group("rp_in")) or bool(part)
        if unit == "weekend":
            valid = valid or ctx.prep in WEEKEND_PREPOSITIONS or bool(ctx.group("rp_poss"))
        if not valid:
            return []
        determiner = "this"
    granularity = WEEK if unit == "weekend" else unit
    anchor = ctx.anchor
    if anchor is None:
        return [_unresolved(granularity)]
    offset = {"last": -1, "this": 0, "next": 1}[determiner]
    if unit == "weekend":
        relation = None if written_determiner == "the" else determiner
        return [_week(cal.weekend_week(anchor, relation, ctx.tense))]
    if unit == "week":
        if adverb:
            tense = FUTURE if adverb.lower() == "later" else PAST
        else:  # only a Sunday anchor reads "this week" by its tense (rule 19)
            tense = ctx.tense if anchor.weekday() == 6 else PAST
        shifted = not adverb or adverb.lower() == "later"
        return [_week(cal.relative_week(anchor, offset, tense, sunday_starts_week=shifted))]
    if unit == "month":
        year, month = cal.add_months(anchor.year, anchor.month, offset)
        return [_month(year, month, RELATIVE)]
    return [_year(anchor.year + offset, RELATIVE)]


def _resolve_year_end(ctx: _Context) -> list[Period]:
    """"by year-end": the end of the anchor's year, a year-granularity point like "the end of this year"."""
    return [_year(ctx.anchor.year, RELATIVE)] if ctx.anchor else [_unresolved(YEAR)]


def _resolve_relative_day(ctx: _Context) -> list[Period]:
    """today, tonight, this morning (the anchor), yesterday, last night (the day before), tomorrow."""
    word = (ctx.group("rd_word") or "").lower()
    if word == "today" and ctx.group("rd_word") == "Today" and _is_publication_name(ctx):
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
    space = text.rfind(" ", max(0, start - 24), start - 1)
    return text[space + 1:start - 1].lower()


def _resolve_weekday(ctx: _Context) -> list[Period]:
    """A weekday, resolved by its determiner ("last Thursday") or the clause's tense."""
    text, start, end = ctx.text, ctx.match.start(), ctx.match.end()
    if _word_before(text, start) in WEEKDAY_NAME_PREFIXES:
        return []
    if WEEKDAY_NAME_SUFFIXES.match(text, end):
        return []
    weekday = cal.weekday_number(ctx.group("wd_name"))
    target = ctx.group("wd_to")
    nightly = bool(ctx.lead.overnight or ctx.group("wd_phase") in ("night", "evening", "overnight")
                   or (ctx.lead.phase or "").endswith("night") or ctx.group("wd_link") == "into")
    if ctx.anchor is None:
        return [_unresolved(DAY)] * (1 if not target or nightly else 2)
    if ctx.relation is None and weekday == ctx.anchor.weekday():
        day = ctx.anchor  # the publication weekday is the anchor itself, whatever the tense
    else:
        day = cal.resolve_weekday(ctx.anchor, weekday, ctx.relation, ctx.tense)
    if not target:
        return [_day(day, RELATIVE)]
    later = day + dt.timedelta(days=(cal.weekday_number(target) - weekday) % 7 or 7)
    if nightly:
        return [_day(later, RELATIVE)]
    return [_day(day, RELATIVE), _day(later, RELATIVE)]


def _resolve_holiday(ctx: _Context) -> list[Period]:
    """Christmas (Dec 25; Orthodox Jan 7), New Year's Day/Eve, Victory Day (May 9), Thanksgiving."""
    text, start, end = ctx.text, ctx.match.start(), ctx.match.end()
    name = " ".join(ctx.group("hol_name").split()).replace("’", "'")
    part = ctx.group("hol_part")
    before = _word_before(text, start)
    if before in HOLIDAY_GREETINGS or (not part and HOLIDAY_NAME_SUFFIXES.match(text, end)):
        return []
    if name == "Christmas":
        month, day = (1, 7) if before == "orthodox" else (12, 24 if part == "Eve" else 25)
    elif name.startswith("New Year"):
        if part not in ("Day", "Eve") and not (name.endswith("'s") or ctx.prep):
            return []
        month, day = (12, 31) if part == "Eve" else (1, 1)
    elif name == "Victory Day":
        month, day = 5, 9
    else:
        month, day = 11, None
    if ctx.anchor is None:
        return [_unresolved(DAY)]
    if day is None:  # Thanksgiving: the fourth Thursday of November
        years = (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
        dates = [cal.nth_weekday(year, 11, 3, 4) for year in years]
        return [_day(_by_direction(dates, ctx.anchor, ctx.direction()), RELATIVE)]
    year = cal.choose_year_for_day(month, day, ctx.anchor, ctx.direction())
    return [_day(cal.safe_date(year, month, day), RELATIVE)]


def _by_direction(dates: list[dt.date], anchor: dt.date, direction: str) -> dt.date:
    """The date among `dates` that a past, future or neutral mention points to."""
    if direction == PAST:
        eligible = [d for d in dates if d <= anchor + cal.TENSE_SLACK]
        if eligible:
            return max(eligible)
    elif direction == FUTURE:
        eligible = [d for d in dates if d >= anchor - cal.TENSE_SLACK]
        if eligible:
            return min(eligible)
    return min(dates, key=lambda d: abs(d - anchor))


_RESOLVERS = {
    "iso": _resolve_iso,
    "num": _resolve_numeric,
    "dm": _resolve_day_month,
    "rdx": _resolve_day_offset,
    "rp": _resolve_relative_period,
    "rd": _resolve_relative_day,
    "ye": _resolve_year_end,
    "wd": _resolve_weekday,
    "hol": _resolve_holiday,
}


# ---------------------------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------------------------

class DateMention(NamedTuple):
    """A resolved mention: its span, sentence and period, and whether it is a "today" and inside a quote."""

    start: int
    end: int
    sentence_no: int
    period: Period
    is_today: bool = False
    quoted: bool = False


def _span_start(ctx: _Context, family: str) -> int:
    """Start of the mention: the lead words that belong to the phrase ("since late", "on", "the evening of")."""
    lead = ctx.lead
    prep = lead.prep
    keep_prep = prep in SPAN_PREPOSITIONS or (family == "rp" and ctx.group("rp_unit").lower() == "weekend"
                                              and prep in WEEKEND_PREPOSITIONS)
    if prep and not keep_prep:
        return lead.prep_end
    return lead.start


def _span_end(match: re.Match, family: str) -> int:
    """End of the mention: a possessive stays out of a period's span ("this year's" -> "this year")."""
    possessive = {"rp": "rp_poss", "md": "md_poss"}.get(family)
    if possessive and match.group(possessive):
        return match.start(possessive)
    return match.end()


def _inside_quote(text: str, position: int) -> bool:
    """Whether `position` lies inside a quotation opened earlier on the same line."""
    line_start = text.rfind("\n", 0, position) + 1
    segment = text[line_start:position]
    if segment.count('"') % 2 == 1:
        return True
    return segment.rfind("“") > segment.rfind("”")


def _candidates(text: str) -> list[int]:
    """Positions where a date mention may start, in text order.

    Scanning the whole text with the mention pattern is slow (every position tries every branch), so
    cheap scans pick the few places worth trying: capitalised words and numbers that can start a date
    (month and weekday names, "Today", "Christmas", years, day numbers), and the lower-case words
    "today", "week", "month"... whose determiner ("this", "earlier in the") is read back from them.
    """
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
    if following[:1] in ("-", "–", "/", ".") and following[1:2].isdigit() or text[start - 1:start] in ("-", "–"):
        return True
    space = text.rfind(" ", max(0, start - 16), start - 1)
    return text[space + 1:start - 1].lower() in _YEAR_LEAD_WORDS


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


def _find(doc: Document) -> list[DateMention]:
    """Every date mention of the document, resolved, in text order."""
    text, anchor = doc.text, doc.published_date
    found: list[DateMention] = []
    clauses = _Clauses(text)
    previous_end = -1
    covered = -1
    for start in _candidates(text):
        if start < covered:
            continue
        match = _CORE.match(text, start)
        if match is None:
            continue
        family = match.lastgroup
        lead = _read_lead(text, start)
        sentence = doc.sentence_at(start)
        ctx = _Context(text, match, lead, anchor, sentence.start, sentence.end, clauses)
        if family == "md":
            periods = _resolve_month_day(ctx, previous_end)
        elif family == "yr":
            periods = _resolve_year(ctx, previous_end)
        else:
            periods = _RESOLVERS[family](ctx)
        if not periods:
            continue
        covered = match.end()
        span_start = _span_start(ctx, family)
        end = _span_end(match, family)
        is_today = family == "rd" and (match.group("rd_word") or "").lower() == "today"
        quoted = _inside_quote(text, start)
        for period in periods:
            found.append(DateMention(span_start, end, sentence.no, period, is_today, quoted))
        previous_end = end
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

    def speech_day(f: DateMention) -> bool:
        start = f.period.start
        return (f.period.granularity == DAY and not f.quoted and not f.is_today and start is not None
                and anchor - SPEECH_DAY_REACH <= start <= anchor)

    lead_day = next((f.period.start for f in found if f.sentence_no < LEAD_SENTENCES and speech_day(f)), None)
    out = []
    for f in found:
        if f.is_today and f.quoted:
            same_sentence = next((g.period.start for g in found
                                  if g.sentence_no == f.sentence_no and g.start < f.start and speech_day(g)), None)
            f = f._replace(period=_day(same_sentence or lead_day or anchor, RELATIVE))
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
