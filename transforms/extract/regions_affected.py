"""regions_affected: a region hit or affected (strike, outage, damage), or a count of such regions.

A named row is a gazetteer place (transforms.normalize.places) that its sentence describes as hit or
affected; a count row is "eight regions", "13 Ukrainian regions", "more than half a dozen provinces".

How a place mention is read:
- With a type word ("Poltava region", "the regions of Kharkiv and Poltava", "Donetsk and
  Dnipropetrovsk oblasts") it names the subdivision; a plural type word after a coordinated list, or
  one before it, applies to every name in the list.
- Bare ("Kharkiv", "Kiev") it names the city (which takes its subdivision's code; Kyiv is UA-30), or a
  region whose name stands alone ("Crimea"). Bare names are also how news names governments ("Moscow
  has warned", "Kyiv officials"), so a bare name counts only in a frame that makes it the place where
  something happened: after a locative preposition in a clause that reports an impact ("Blasts were
  reported in Odesa"), as the object of an attack ("strike on Kryvyi Rih", "hit Moscow"), as the
  subject of an affected predicate ("Kyiv took the heaviest blow", "Odesa lost power"), as the owner
  of damaged infrastructure ("Kharkiv's electricity"), or in a list introduced by one of these.
- Never: facilities named after a place (Zaporizhzhia NPP, Domodedovo airport, the Dnipro River),
  hypothetical targets ("could enable strikes on Moscow"), places an attack was launched from, and
  sentences with no attack, outage or damage at all.

Speed: the text is scanned once for gazetteer spellings and once for region nouns; each sentence that
holds a candidate is scanned once for its impact cues and clause markers; the rest is local logic
on a few words around each candidate.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from transforms.contract import DATE, INT32, STRING, Column, Table, fact_columns
from transforms.documents import Document, Sentence
from transforms.extract._event_dates import event_date
from transforms.normalize import places
from transforms.normalize.numbers import NUMBER, TENS, UNITS, as_int, parse_number

TABLE = Table(
    name="regions_affected",
    description="One row per region named as hit or affected (strike, outage, damage), or per count of such "
                "regions (\"eight regions\").",
    key="fact_id",
    is_fact=True,
    version="1",
    columns=fact_columns(
        Column("region_name", STRING, "Normalised English name (Poltava Oblast, Kyiv); null on count rows."),
        Column("iso_3166_2", STRING, "ISO 3166-2 subdivision code (UA-53; Kyiv city UA-30); null when none applies."),
        Column("country_iso2", STRING, "ISO 3166-1 alpha-2 code of the country."),
        Column("region_count", INT32, "Number of regions on count rows (\"eight regions\": 8); null on named rows."),
        Column("impact", STRING, "Short label of the impact: strike, power_outage, damage, casualties, "
                                 "gas_production_halted, drones_shot_down …", nullable=False),
        Column("event_date", DATE, "Date of the event when the sentence or the document gives it."),
    ),
)

_I = re.IGNORECASE

# ---------------------------------------------------------------------------------------------------
# Impact vocabulary, lower case: phrase -> label. Labels are listed most specific first; a place takes
# the nearest specific cue of its clause (ties broken by this order), else "strike". A sentence with
# no cue at all is no attack context. Conditional readings are decided in `_cue_label`.
# ---------------------------------------------------------------------------------------------------
_LABELS = (
    "casualties", "gas_production_halted", "refinery_fire", "power_outage", "heating_outage", "water_outage",
    "energy_facilities_damaged", "drones_shot_down", "fire", "explosions", "damage", "strike",
)
_CUE_WORDS: dict[str, tuple[str, ...]] = {
    "casualties": (
        "killed", "kill", "kills", "killing", "dead", "death", "deaths", "died", "dying", "death toll",
        "injured", "injuring", "injuries", "injury", "wounded", "wounding", "hurt", "casualties", "casualty",
        "victims", "victim", "hospitalised", "hospitalized", "lost their lives", "bodies"),
    # read as gas_production_halted only next to a halting verb (see _cue_label)
    "gas_production_halted": ("gas production", "gas extraction", "gas output"),
    # read as refinery_fire only next to a fire word
    "refinery_fire": ("refinery", "refineries"),
    "power_outage": (
        "power outage", "power outages", "power cut", "power cuts", "power failure", "power failures", "outage",
        "outages", "blackout", "blackouts", "blacked out", "de-energised", "de-energized", "without electricity",
        "without power", "without light", "no electricity", "no power", "lost power", "lost electricity",
        "cut power", "cut off power", "cut the power", "cutting power", "severed power", "knocked out power",
        "power was cut", "power has been cut", "electricity was cut", "electricity", "power supply"),
    "heating_outage": ("heating", "no heat", "without heat", "lost heat", "heat supply"),
    "water_outage": (
        "water supply", "water supplies", "running water", "without water", "no water", "water outage",
        "water outages"),
    "energy_facilities_damaged": (
        "energy facilities", "energy facility", "energy infrastructure", "energy sites", "energy site",
        "energy installations", "energy equipment", "energy system", "power facilities", "power facility",
        "power plant", "power plants", "power station", "power stations", "power infrastructure", "power grid",
        "power system", "substation", "substations", "electricity infrastructure", "gas infrastructure",
        "gas facilities", "critical infrastructure"),
    # "destroyed" is read as shot down only next to a weapon word
    "drones_shot_down": (
        "shot down", "shoot down", "shooting down", "downed", "intercepted", "neutralised", "neutralized",
        "repelled", "brought down", "taken down", "destroyed"),
    "fire": ("fire", "fires", "blaze", "blazes", "ablaze", "burning", "burned", "burnt", "flames", "on fire"),
    "explosions": ("explosion", "explosions", "blast", "blasts", "detonation", "detonations"),
    "damage": (
        "damage", "damaged", "damaging", "destruction", "debris", "wreckage", "wrecked", "blew out",
        "blown out", "ruins", "collapsed", "destroying"),
    "strike": (
        "strike", "strikes", "struck", "striking", "hit", "hits", "hitting", "attack", "attacks", "attacked",
        "attacking", "targeted", "targeting", "shelling", "shelled", "bomb", "bombs", "bombed", "bombing",
        "bombardment", "barrage", "salvo", "raid", "raids", "assault", "pounded", "slammed", "aimed", "airstrike",
        "airstrikes", "drone", "drones", "missile", "missiles", "rocket", "rockets", "uav", "uavs", "shahed",
        "shaheds", "projectile", "projectiles", "artillery", "glide bomb", "glide bombs"),
}
_SPECIFIC = frozenset(_LABELS) - {"strike"}
_PRIORITY = {label: rank for rank, label in enumerate(_LABELS)}

# Words that make the attack in their clause hypothetical ("could enable strikes on Moscow").
_HYPOTHETICAL_WORDS = (
    "could", "would", "might", "may", "will", "can", "cannot", "able to", "enable", "enables", "enabled",
    "enabling", "allow", "allows", "allowed", "allowing", "let", "lets", "if", "capable of", "possibility",
    "potential", "potentially", "threaten to", "threatens to", "threatened to", "plan to", "plans to",
    "planned to", "planning to", "intend to", "intends to", "intended to", "aim to", "aims to", "aimed to",
    "vow to", "vows to", "vowed to", "prepare to", "prepares to", "prepared to", "preparing to", "seek to",
    "seeks to", "sought to", "want to", "wants to", "wanted to", "ready to")
# Words opening another clause: they end the scope of a hypothetical word ...
_HYPOTHESIS_BREAK_WORDS = ("after", "when", "as", "while", "since", "because", "but", "and", "where", "which",
                           "who", "that")
# ... and the clause whose impact makes a place after "in" affected.
_SUBCLAUSE_BREAK_WORDS = ("after", "before", "as", "while", "when", "since", "because", "although", "though",
                          "but", "whereas", "ahead of", "amid", "despite")

_CUE_LABEL = {phrase: label for label, phrases in _CUE_WORDS.items() for phrase in phrases}
# Cues whose reading depends on their neighbours (see _cue_label).
_CONDITIONAL_CUES = frozenset(
    phrase for phrase, label in _CUE_LABEL.items()
    if label in ("casualties", "damage", "gas_production_halted", "refinery_fire")) | {"destroyed"}


def _word_trie(phrases) -> re.Pattern[str]:
    """A regex finding any of `phrases` in lower-cased text, starting at a word start."""
    return re.compile(r"(?<![a-z0-9'’-])" + places.trie_pattern(list(phrases)))


# Generic attack words only tell that the sentence reports an attack; the specific cues also label it.
_GENERIC_CUE_RE = _word_trie(_CUE_WORDS["strike"])
_SPECIFIC_CUE_RE = _word_trie(phrase for phrase, label in _CUE_LABEL.items() if label != "strike")
_HYPOTHETICAL_RE = _word_trie(_HYPOTHETICAL_WORDS)
_HYPOTHESIS_BREAK_RE = re.compile(r"[;:,]\s|\s[-–—]\s|(?<![a-z])(?:" + "|".join(_HYPOTHESIS_BREAK_WORDS) + r")\b")
_SUBCLAUSE_BREAK_RE = re.compile(r";|:\s|\s[-–—]\s|(?<![a-z])(?:" + "|".join(_SUBCLAUSE_BREAK_WORDS) + r")\b")
# A new main clause, whose cues do not label a place of the previous one.
_CLAUSE_BREAK_RE = re.compile(r";|:\s|\s[-–—]\s|,\s+(?:and|but|while|whereas|where)\s")

_WEAPON_NEAR = re.compile(r"\b(?:drones?|uavs?|missiles?|rockets?|targets?|shaheds?|projectiles?)\b")
_FIRE_NEAR = re.compile(r"\b(?:fires?|ablaze|blaze|burn\w*|flames)\b")
_HALT_NEAR = re.compile(r"\b(?:halt|suspend|stop|shut|cut)\w*")
# "no one was reported hurt", "no casualties", "no damage": the cue is negated
_NEGATED_BEFORE = re.compile(r"\b(?:no|without|zero|not)\s+(?:one\s+)?(?:\w+\s+){0,2}$")

# ---------------------------------------------------------------------------------------------------
# Words before a name (lower case, read right to left from the name).
# ---------------------------------------------------------------------------------------------------
_ARTICLES = frozenset(("the", "a", "an"))
# "the southern city of", "the Black Sea port of", "parts of", "the capital": between frame and name
_DESCRIPTOR_NOUNS = frozenset((
    "city", "town", "village", "port", "settlement", "suburb", "suburbs", "outskirts", "centre", "center",
    "part", "parts", "area", "areas", "heart", "district", "capital", "region"))
_DESCRIPTOR_ADJECTIVES = frozenset((
    "central", "downtown", "northern", "southern", "eastern", "western", "north-eastern", "north-western",
    "south-eastern", "south-western", "northeastern", "northwestern", "southeastern", "southwestern",
    "occupied", "front-line", "frontline", "besieged", "embattled", "neighbouring", "neighboring", "nearby",
    "capital", "ukrainian", "russian", "ukraine's", "russia's", "ukraine’s", "russia’s"))
_LOCATIVE_WORDS = frozenset((
    "in", "at", "over", "across", "near", "around", "outside", "above", "throughout", "inside", "within"))
# second-to-last word + last word: "close to", "heading for"
_LOCATIVE_PAIRS = frozenset((
    ("close", "to"), ("next", "to"), ("approach", "to"), ("heading", "to"), ("heading", "for"),
    ("heading", "towards"), ("flying", "to"), ("flying", "towards"), ("headed", "for"), ("headed", "to")))
_ATTACK_VERBS = frozenset((
    "hit", "hits", "hitting", "struck", "strike", "strikes", "striking", "target", "targets", "targeted",
    "targeting", "attack", "attacks", "attacked", "attacking", "pound", "pounds", "pounded", "pounding",
    "shell", "shells", "shelled", "shelling", "bomb", "bombs", "bombed", "bombing", "bombard", "bombards",
    "bombarded", "bombarding", "rock", "rocks", "rocked", "hammer", "hammers", "hammered", "hammering",
    "batter", "batters", "battered", "battering", "raid", "raids", "raided", "cut", "cuts", "plunged",
    "pummel", "pummels", "pummelled", "pummeled", "pummelling", "blasted", "ravaged", "devastated"))
_ATTACK_PAIRS = frozenset((
    ("slammed", "into"), ("crashed", "into"), ("slams", "into"), ("fell", "on"), ("down", "on"),
    ("rained", "on"), ("falling", "on")))
# "attack on", "strikes against", "fired at": an attack noun or verb up to six words before the preposition
_ATTACK_NOUNS = frozenset((
    "attack", "attacks", "strike", "strikes", "raid", "raids", "assault", "assaults", "barrage", "barrages",
    "bombardment", "bombardments", "shelling", "fire", "fired", "offensive", "missile", "missiles", "drone",
    "drones", "rocket", "rockets", "uavs", "salvo", "salvos", "aimed", "launched", "directed", "blow"))
_ATTACK_PREPOSITIONS = frozenset(("on", "against", "at", "upon"))
_LIST_INTRO_WORDS = frozenset(("including", "like", "notably", "especially", "particularly"))
_LIST_INTRO_PAIRS = frozenset((("among", "them"), ("such", "as")))
# A place after these is a government, partner or destination, not a place that was hit.
_ACTOR_NOUNS = frozenset((
    "official", "officials", "authorities", "leader", "leaders", "leadership", "government", "regime", "rulers",
    "diplomat", "diplomats", "embassy", "envoy", "envoys", "ambassador", "ambassadors", "allies", "partners",
    "talks", "negotiations", "meeting", "meetings", "summit", "visit", "trip", "delegation", "negotiators",
    "sources", "headquarters", "correspondent", "correspondents", "journalist", "journalists", "reporter",
    "reporters", "conference", "court", "minister", "ministers", "president", "parliament", "lawmakers"))
_DESTINATION_WORDS = frozenset((
    "visit", "visits", "visited", "trip", "travel", "travels", "travelled", "traveled", "transfer", "transfers",
    "delivery", "deliveries", "delivered", "sent", "send", "sends", "aid", "assistance", "supplies",
    "return", "returns", "returned", "returning", "flew", "arrived"))
_ACTOR_PREPOSITIONS = frozenset(("from", "by", "for", "with"))
_TYPE_NOUNS = frozenset(("region", "regions", "oblast", "oblasts", "province", "provinces", "republic", "krai"))
_TOKEN_STRIP = "\"“”‘'’()[]"

# ---------------------------------------------------------------------------------------------------
# Text right after a name (anchored regex matches).
# ---------------------------------------------------------------------------------------------------
_TYPE_AFTER = re.compile(
    r"\s+(?:(?P<plural>regions|oblasts|provinces|territories|republics|people['’]s\s+republics)|region|oblast|"
    r"province|krai|kray|territory|republic|autonomous\s+okrug|people['’]s\s+republic|regional)\b", _I)
_TYPE_BEFORE = re.compile(
    r"(?:(?P<adj>\b(?:north|south|east|west)(?:ern|-?(?:east|west)(?:ern)?)?|central)\s+)?"
    r"\b(?P<noun>regions?|oblasts?|provinces?|republic|krai)\s+of\s+(?:the\s+)?$", _I)
# Links between the names of one coordinated list; only a strict link shares a type word.
_STRICT_LINK = re.compile(r"(?:\s*,\s*|\s*,?\s+(?:and|or)\s+|\s*/\s*)", _I)
_LOOSE_LINK = re.compile(
    r"(?:\s+(?:on|in|near|at)\s+the\s+[\w' -]{1,30}?|,\s+(?:the\s+|a\s+|an\s+)?[\w'’ -]{1,40}?)?"
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s*,?\s+(?:and|or)\s+)(?:the\s+)?(?:(?:north|south|east|west)\w*\s+|central\s+)?"
    r"(?:(?:city|town|village|port)\s+of\s+)?", _I)
# A facility named after the place, a geographic feature or an organisation ("Zaporizhzhia NPP").
_FACILITY_NOUN = (
    r"(?:\s*,\s*[A-Z][\w-]+)*(?:,?\s+(?:and|or)\s+[A-Z][\w-]+)?\s+(?:(?:International\s+)?Airports?|airports?|"
    r"nuclear|Nuclear|NPP|HPP|hydroelectric|Hydroelectric|hydropower|dam|Dam|reservoir|Reservoir|river|River|"
    r"Sea|Bay|Strait|Lagoon|bridge|Bridge|plants?|Plant|power\s+plant|air\s*bases?|Air\s*Base|airbases?|"
    r"airfields?|Post|Independent|Times|School|University|Institute|Exchange|Patriarchate|Zoo|Dynamo)\b")
_FACILITY_AFTER = re.compile(_FACILITY_NOUN)
# "Moscow's Vnukovo and Domodedovo airports": a facility of the place, named after another place
_POSSESSED_FACILITY = re.compile(r"['’]s\s+[A-Z][\w-]+" + _FACILITY_NOUN)
# The place suffered the predicate ("Odesa reportedly lost power", "Kharkiv, the second city, has no power").
_AFFECTED_AFTER = re.compile(
    r"(?:\s*,[^,.;]{1,60},)?\s+(?:\w+ly\s+)?(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been|got|came|"
    r"comes|remains?|remained)\s+(?:\w+ly\s+)?(?:hit|struck|attacked|targeted|shelled|bombed|pounded|rocked|"
    r"hammered|battered|damaged|destroyed|left|plunged|without|under|among|in\s+darkness|blacked|cut|again)|"
    r"(?:suffered|sustained|lost|took|endured|experienced|faced|saw|recorded|had\s+no|has\s+no|have\s+no)\b)", _I)
# The place acts or speaks ("Moscow has warned", "Kyiv sees", "Moscow, whose").
_ACTOR_AFTER = re.compile(
    r"(?:\s*,\s*(?:whose|which\s+has)\b|\s+(?:\w+ly\s+)?(?:has|have|had|will|would|could|should|may|might|must|"
    r"can|cannot|does|did|is|was|are|were|says?|said|warn\w*|claim\w*|den(?:y|ies|ied)|accus\w*|sees?|saw|"
    r"lack\w*|wants?|wanted|intend\w*|ask\w*|receiv\w*|launch\w*|fir(?:e|es|ed)|struck|strikes|attack\w*|"
    r"retaliat\w*|respond\w*|urg\w*|call\w*|insist\w*|hop\w*|believ\w*|argu\w*|reject\w*|agre\w*|announc\w*|"
    r"demand\w*|condemn\w*|welcom\w*|plan\w*|expect\w*|needs?|needed|sought|seeks?|stat\w*|intensifi\w*|"
    r"escalat\w*|continu\w*|us(?:e|es|ed)|buil[dt]s?|sen[dt]s?|suppl\w*|sign\w*|dismiss\w*|blam\w*|"
    r"consider\w*|describ\w*|vow\w*|threat\w*|promis\w*|refus\w*|pledg\w*|recogni\w*|confirm\w*|offer\w*|"
    r"propos\w*|caution\w*|not\w*|add\w*|hosts?|hosted|gets?|got|wins?|won|joins?|joined|tri(?:es|ed))\b)", _I)
# The name is a title or an institution ("Kyiv officials", "Kharkiv mayor Ihor Terekhov").
_ACTOR_NOUN_AFTER = re.compile(
    r"\s+(?:city\s+)?(?:officials?|authorities|government|regime|leaders?|leadership|mayor|governor|"
    r"administration|council|police|prosecutors?|military|forces|troops|army|Post|Independent|Times)\b", _I)
# After "X's": infrastructure or parts of the place that can be hit; anything else is the place acting.
_POSSESSIVE = re.compile(r"['’]s\b")
_POSSESSED_AFFECTED = re.compile(
    r"['’]s\s+(?:(?-i:[A-Z])|(?:\w+\s+){0,2}(?:electricity|power|heat|heating|water|gas|energy|grid|infrastructure|"
    r"districts?|suburbs?|outskirts|centre|center|downtown|streets?|residential|residents|homes|houses|"
    r"buildings|apartments?|neighbou?rhoods?|skies|sky|people|population|civilians|metro|hospitals?|"
    r"schools?|railway|station|port|substations?|refinery|oil|supply|supplies)\b)", _I)
# A facility that lies in the place ("Novoshakhtinsk refinery ablaze").
_FACILITY_IN_PLACE = re.compile(
    r"\s+(?:oil\s+|fuel\s+)?(?:refinery|refineries|depot|terminal|port|seaport|substation|thermal\s+power|TPP|"
    r"CHP|railway\s+station|train\s+station|station|market|mall|shopping|hospital|factory|apartment|"
    r"residential)\b", _I)
# "City, Month day -" or "City (Agency) -" datelines name where the story was filed, not what was hit.
_DATELINE_AFTER = re.compile(
    r"(?:,\s*(?:Ukraine|Russia))?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?\.?)?\s*"
    r"(?:\([A-Za-z ]+\)\s*)?[-–—]\s")
_OVER_END = re.compile(r"\b(?:over|above)\s+(?:the\s+)?$", _I)

# ---------------------------------------------------------------------------------------------------
# Counts of affected regions: "eight regions", "13 Ukrainian regions", "more than half a dozen provinces".
# ---------------------------------------------------------------------------------------------------
_COUNT = re.compile(
    r"(?P<qual>(?:more\s+than|over|at\s+least|up\s+to|nearly|almost|about|around|some|as\s+many\s+as|"
    rf"fewer\s+than|less\s+than)\s+)?(?P<num>{NUMBER}|an?\s+dozen)\s+"
    # "14 of Ukraine's 24 regions": the count is the first number, the second is the total
    rf"(?P<total>of\s+(?:the\s+|its\s+)?(?:country['’]s\s+|Ukraine['’]s\s+|Russia['’]s\s+)?(?:{NUMBER}\s+)?)?"
    r"(?P<adj>(?:(?:Ukrainian|Russian|other|more|different|separate|border|frontline|front-line|"
    r"(?:north|south|east|west)\w*|central)\s+){0,2})"
    r"(?P<noun>regions?|provinces?|oblasts?)\b"
    r"(?P<of>\s+of\s+(?P<country>Ukraine|Russia))?", _I)
_COUNT_NOUNS = ("region", "province", "oblast")
# The words a count's number can start with.
_COUNT_NUMBER_WORDS = frozenset(("half", "a", "an", *UNITS, *TENS))
_COUNT_LOOKBACK_WORDS = 8
# "of the country's 24 regions", "all 24 regions": a total, not the regions affected
_COUNT_TOTAL_BEFORE = re.compile(
    r"\b(?:of|all)\s+(?:the\s+|its\s+)?(?:country['’]s\s+|Ukraine['’]s\s+|Russia['’]s\s+)?$", _I)
# "over" is a qualifier after a preposition ("in over 10 regions"), else the preposition itself
_OVER_AS_QUALIFIER = re.compile(r"\b(?:in|across|to|for|from|of|on|affecting)\s+$", _I)
_A_DOZEN = re.compile(r"an?\s+dozen", _I)
_COUNTRY_WORDS = (("UA", re.compile(r"\bUkrain", _I)), ("RU", re.compile(r"\bRussia", _I)))
_WINDOW = 80
# A hypothetical word's scope ends at the next clause break, so its search may reach further back.
_HYPOTHESIS_WINDOW = 160


@dataclass(slots=True)
class _Name:
    """One gazetteer match in a sentence, with what the surrounding text says about it."""

    start: int
    end: int
    spelling: str
    sentence: Sentence
    typed: bool = False
    mention_start: int = -1
    mention_end: int = -1


class _Context:
    """One sentence and what is known about it, computed on demand: whether it reports an impact at all,
    its impact cues (document offsets) and its clause breaks."""

    __slots__ = ("sentence", "lower", "_has_cue", "_cues", "_clause_breaks", "_subclause_breaks")

    def __init__(self, sentence: Sentence, lower: str) -> None:
        self.sentence = sentence
        self.lower = lower
        self._has_cue: bool | None = None
        self._cues: list[tuple[int, int, str]] | None = None
        self._clause_breaks: list[tuple[int, int]] | None = None
        self._subclause_breaks: list[int] | None = None

    def has_cue(self) -> bool:
        """True when the sentence reports an attack, outage or damage (a negated cue does not count)."""
        if self._has_cue is None:
            self._has_cue = self.first_cue(self.sentence.start, self.sentence.end) is not None
        return self._has_cue

    def first_cue(self, start: int, end: int) -> int | None:
        """Offset of an impact cue in [start, end) (a generic one first), or None."""
        for match in _GENERIC_CUE_RE.finditer(self.lower, start, end):
            if _is_word(self.lower, match.start(), match.end()):
                return match.start()
        return next((c[0] for c in self.cues() if start <= c[0] < end and c[2] != "no_damage"), None)

    def cues(self) -> list[tuple[int, int, str]]:
        """(start, end, label) of every specific impact cue; "no damage" has the label "no_damage"."""
        if self._cues is None:
            found = []
            for match in _SPECIFIC_CUE_RE.finditer(self.lower, self.sentence.start, self.sentence.end):
                label = self._label(match)
                if label is not None:
                    found.append((match.start(), match.end(), label))
            self._cues = found
        return self._cues

    def _label(self, match: re.Match[str]) -> str | None:
        end = match.end()
        lower = self.lower
        if end < len(lower) and (lower[end].isalnum() or lower[end] == "-"):
            return None
        phrase = match.group()
        if phrase in _CONDITIONAL_CUES:
            return _cue_label(lower, self.sentence, phrase, match.start(), end)
        return _CUE_LABEL[phrase]

    def clause_breaks(self) -> list[tuple[int, int]]:
        """Spans of the breaks between main clauses (";", " - ", ", and ")."""
        if self._clause_breaks is None:
            self._clause_breaks = [m.span() for m in _CLAUSE_BREAK_RE.finditer(
                self.lower, self.sentence.start, self.sentence.end)]
        return self._clause_breaks

    def subclause_breaks(self) -> list[int]:
        """Starts of the breaks between clauses, subordinate ones included ("after", "as", "while")."""
        if self._subclause_breaks is None:
            self._subclause_breaks = [m.start() for m in _SUBCLAUSE_BREAK_RE.finditer(
                self.lower, self.sentence.start, self.sentence.end)]
        return self._subclause_breaks


def extract(doc: Document) -> list[dict]:
    """Region rows of one document: named affected places and counts of affected regions."""
    text = doc.text
    lower = _lower(text)
    matches = [m for m in places.place_regex().finditer(text) if _is_word(text, m.start(), m.end())]
    nouns = _count_nouns(lower)
    if not matches and not nouns:
        return []
    contexts: dict[int, _Context] = {}
    rows = _named_rows(doc, lower, matches, contexts)
    rows.extend(_count_rows(doc, lower, nouns, rows, contexts))
    for row in rows:
        row["event_date"] = event_date(doc, row.pop("_sentence_no"))
    return rows


def _lower(text: str) -> str:
    """`text` lower-cased with the same length, so that offsets stay valid."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _is_word(text: str, start: int, end: int) -> bool:
    """True when [start, end) is a whole word: no letter, digit or hyphen joins it on either side."""
    return not ((start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"))
                or (end < len(text) and (text[end].isalnum() or text[end] == "-")))


# ---------------------------------------------------------------------------------------------------
# Sentence markers
# ---------------------------------------------------------------------------------------------------
def _context(lower: str, sentence: Sentence, cache: dict[int, _Context]) -> _Context:
    """The context of a sentence, one per sentence."""
    context = cache.get(sentence.no)
    if context is None:
        context = cache[sentence.no] = _Context(sentence, lower)
    return context


def _cue_label(lower: str, sentence: Sentence, phrase: str, start: int, end: int) -> str | None:
    """The label of one impact cue in its context; "no_damage" for "no damage"; None when negated."""
    label = _CUE_LABEL[phrase]
    if label in ("casualties", "damage") or phrase == "destroyed":
        if _NEGATED_BEFORE.search(lower, max(sentence.start, start - 25), start):
            return "no_damage" if label == "damage" else None
    window_start, window_end = max(sentence.start, start - 60), min(sentence.end, end + 80)
    if label == "gas_production_halted" and not _HALT_NEAR.search(lower, window_start, window_end):
        return "energy_facilities_damaged"
    if label == "refinery_fire" and not _FIRE_NEAR.search(lower, window_start, window_end):
        return "strike"
    if phrase == "destroyed" and not _WEAPON_NEAR.search(lower, max(sentence.start, start - 40),
                                                         min(sentence.end, end + 40)):
        return "damage"
    return label


def _is_hypothetical(text: str, lower: str, floor: int, position: int) -> bool:
    """True when the clause leading to `position` holds a hypothetical word ("could enable strikes on")."""
    for match in _HYPOTHETICAL_RE.finditer(lower, floor, position):
        # "May" with a capital inside a sentence is the month
        if match.group() == "may" and text[match.start()] == "M":
            continue
        if not _is_word(lower, match.start(), match.end()):
            continue
        if _HYPOTHESIS_BREAK_RE.search(lower, match.end(), position) is None:
            return True
    return False


# ---------------------------------------------------------------------------------------------------
# Named places
# ---------------------------------------------------------------------------------------------------
def _named_rows(doc: Document, lower: str, matches: list[re.Match[str]], contexts: dict[int, _Context]) -> list[dict]:
    """Rows of the named places the text describes as hit or affected, one per place per sentence."""
    rows: list[dict] = []
    by_sentence: dict[int, list[_Name]] = {}
    for match in matches:
        sentence = doc.sentence_at(match.start())
        by_sentence.setdefault(sentence.no, []).append(_Name(match.start(), match.end(), match.group(), sentence))
    text = doc.text
    for no, names in by_sentence.items():
        sentence = names[0].sentence
        context = _context(lower, sentence, contexts)
        if not context.has_cue():
            continue
        seen: set[tuple[str, str]] = set()
        for chain in _chains(text, names):
            if not _accept_chain(text, lower, chain, context):
                continue
            for name in chain:
                resolved = _resolve(name)
                if resolved is None or resolved[:2] in seen:
                    continue
                seen.add(resolved[:2])
                region_name, code, country = resolved
                rows.append({
                    "char_start": name.mention_start,
                    "char_end": name.mention_end,
                    "region_name": region_name,
                    "iso_3166_2": code,
                    "country_iso2": country,
                    "region_count": None,
                    "impact": _impact(text, lower, context, name),
                    "_sentence_no": no,
                })
    return rows


def _chains(text: str, names: list[_Name]) -> list[list[_Name]]:
    """The names of one sentence grouped into coordinated lists, each name marked typed or bare."""
    chains: list[list[_Name]] = []
    strict: list[list[_Name]] = []
    previous: _Name | None = None
    for name in names:
        name.mention_start, name.mention_end = name.start, name.end
        after = _TYPE_AFTER.match(text, name.end, name.sentence.end)
        if after and after.group().strip().lower() != "regional":
            name.mention_end = after.end()
        name.typed = places.has_type_word(name.spelling)
        if previous is not None and previous.mention_end == previous.end and _STRICT_LINK.fullmatch(
                text, previous.end, name.start):
            chains[-1].append(name)
            strict[-1].append(name)
        elif previous is not None and _LOOSE_LINK.fullmatch(text, previous.mention_end, name.start):
            chains[-1].append(name)
            strict.append([name])
        else:
            chains.append([name])
            strict.append([name])
        previous = name
    for group in strict:
        _type_group(text, group)
    return chains


def _type_group(text: str, group: list[_Name]) -> None:
    """Mark the names of one strictly coordinated list typed when a type word covers them.

    A plural type word after the list ("Zaporizhzhia and Dnipropetrovsk regions") or one before it
    ("the regions of Kharkiv and Poltava") covers every name, which then share the whole phrase as
    mention; a singular one covers the last name only ("Kyiv and Kyiv region").
    """
    first, last = group[0], group[-1]
    after = _TYPE_AFTER.match(text, last.end, last.sentence.end)
    if after:
        if len(group) > 1 and after.group("plural"):
            for name in group:
                name.typed = True
                name.mention_start, name.mention_end = first.start, after.end()
        else:
            last.typed = True
        return
    if not text.endswith(("of ", "the "), max(first.sentence.start, first.start - 4), first.start):
        return
    before = _TYPE_BEFORE.search(text, max(first.sentence.start, first.start - 40), first.start)
    if before:
        start = before.start() if before.group("adj") else before.start("noun")
        for name in group:
            name.typed = True
            name.mention_start, name.mention_end = start, last.end


def _resolve(name: _Name) -> tuple[str, str, str] | None:
    """(English name, ISO 3166-2 code, country) of one mention as typed or bare, or None."""
    place = places.lookup(name.spelling)
    if place is None:
        return None
    return place.typed() if name.typed else place.bare()


def _accept_chain(text: str, lower: str, chain: list[_Name], context: _Context) -> bool:
    """True when the list's names are described as hit or affected (see the module docstring)."""
    head, last = chain[0], chain[-1]
    sentence = head.sentence
    floor = max(sentence.start, head.mention_start - _WINDOW)
    if _is_hypothetical(text, lower, max(sentence.start, head.mention_start - _HYPOTHESIS_WINDOW),
                        head.mention_start):
        return False
    words = _words_before(lower, floor, head.mention_start)
    if all(name.typed for name in chain):
        # a subdivision named with its type word is a place; it only fails as a launch site
        return not _is_origin(words)
    if last.mention_end == last.end and _FACILITY_AFTER.match(text, last.end, sentence.end):
        return False
    if head.start == sentence.start and _DATELINE_AFTER.match(text, head.end, sentence.end):
        return False
    if any(name.typed for name in chain):
        return True
    core = _strip_descriptor(words)
    if any(_accept_bare(text, name, core if name is head else None) for name in chain):
        return True
    return _accept_locative(text, lower, chain, core, context)


def _accept_bare(text: str, name: _Name, core: list[str] | None) -> bool:
    """True when one bare name stands in a frame that makes it a place that was hit or affected.

    `core` holds the words before the name, descriptors removed; None for a name inside a list.
    """
    end = name.sentence.end
    if _POSSESSIVE.match(text, name.end, end):
        return (_POSSESSED_AFFECTED.match(text, name.end, end) is not None
                and not _POSSESSED_FACILITY.match(text, name.end, end))
    if _FACILITY_AFTER.match(text, name.end, end):
        return False
    if _AFFECTED_AFTER.match(text, name.end, end) or _FACILITY_IN_PLACE.match(text, name.end, end):
        return True
    if _ACTOR_NOUN_AFTER.match(text, name.end, end) or core is None or _is_actor(core):
        return False
    # "attacks on Moscow have become more frequent": the frame before the name wins over the verb after it
    return _is_attack_object(core)


def _accept_locative(text: str, lower: str, chain: list[_Name], core: list[str], context: _Context) -> bool:
    """True for a list after a locative ("in", "over", "among them") whose own clause reports an impact.

    "Blasts were reported in Odesa" counts; "allies in Kyiv pledged more air defence after the attacks"
    does not: the attack belongs to another clause.
    """
    head, last = chain[0], chain[-1]
    if _is_actor(core) or _ACTOR_NOUN_AFTER.match(text, last.end, last.sentence.end):
        return False
    if not (_is_locative(core) or (_is_list_intro(core) and not _ACTOR_AFTER.match(text, last.end,
                                                                                      last.sentence.end))):
        return False
    breaks = context.subclause_breaks()
    index = bisect.bisect_right(breaks, head.start) - 1
    start = breaks[index] if index >= 0 else head.sentence.start
    index = bisect.bisect_left(breaks, last.end)
    end = breaks[index] if index < len(breaks) else head.sentence.end
    return context.first_cue(start, end) is not None


def _words_before(lower: str, floor: int, position: int) -> list[str]:
    """The words of lower[floor:position], punctuation (",", ";", ":") as words of their own."""
    parts = lower[floor:position].split()
    if floor > 0 and parts and not lower[floor - 1].isspace() and not lower[floor].isspace():
        parts = parts[1:]  # cut mid-word
    words: list[str] = []
    for part in parts:
        part = part.strip(_TOKEN_STRIP)
        tail = part[-1:] if part[-1:] in (",", ";", ":", ".") else ""
        word = part.rstrip(",;:.").strip(_TOKEN_STRIP)
        if word:
            words.append(word)
        if tail:
            words.append(tail)
    return words


def _strip_descriptor(words: list[str]) -> list[str]:
    """`words` without the descriptor between a frame and a name ("in [the southern city of] Mykolaiv")."""
    end = len(words)
    for _ in range(8):
        last = words[end - 1] if end else ""
        if last in _ARTICLES or last in _DESCRIPTOR_ADJECTIVES or last.endswith(("-occupied", "-held",
                                                                                  "-controlled")):
            end -= 1
        elif last == "of" and end >= 2 and words[end - 2] in _DESCRIPTOR_NOUNS:
            end -= 2
            # modifiers of the descriptor noun: "the [Black Sea] port of", "the [Russian] city of"
            for _ in range(3):
                if end and words[end - 1] not in _ARTICLES and words[end - 1] not in _FRAME_WORDS:
                    end -= 1
                else:
                    break
        elif last in ("city", "town") and end >= 2 and words[end - 2] in _ARTICLES | _DESCRIPTOR_ADJECTIVES:
            end -= 1
        else:
            break
    return words[:end]


def _last(words: list[str], count: int = 1) -> tuple[str, ...]:
    return tuple(words[-count:]) if len(words) >= count else ()


def _is_locative(core: list[str]) -> bool:
    return bool(core) and (core[-1] in _LOCATIVE_WORDS or _last(core, 2) in _LOCATIVE_PAIRS)


def _is_list_intro(core: list[str]) -> bool:
    return bool(core) and (core[-1] in _LIST_INTRO_WORDS or _last(core, 2) in _LIST_INTRO_PAIRS)


def _is_attack_object(core: list[str]) -> bool:
    """True after an attack verb ("hit Moscow") or an attack noun and preposition ("strike on Kyiv")."""
    if not core:
        return False
    last = core[-1]
    if last in _ATTACK_VERBS or _last(core, 2) in _ATTACK_PAIRS:
        return True
    if last in _ATTACK_PREPOSITIONS:
        for word in reversed(core[-7:-1]):
            if word in (";", ":"):
                break
            if word in _ATTACK_NOUNS:
                return True
    return False


def _is_actor(core: list[str]) -> bool:
    """True when the words before a name make it an actor or a destination ("officials in", "sent to")."""
    if not core:
        return False
    last = core[-1]
    if last in _ACTOR_PREPOSITIONS:
        return True
    before = core[-2] if len(core) >= 2 else ""
    if last in ("in", "from", "of") and before in _ACTOR_NOUNS:
        return True
    return last == "to" and before in _DESTINATION_WORDS


def _is_origin(words: list[str]) -> bool:
    """True when the name follows "from"/"by" closely: drones launched "from the Kursk region"."""
    for back in range(1, min(len(words), 7) + 1):
        word = words[-back]
        if word in (",", ";", ":", "."):
            return False
        if word in ("from", "by"):
            tail = [w for w in words[len(words) - back + 1:] if w not in _ARTICLES]
            return len(tail) <= 2 or (len(tail) <= 5 and tail[-1] in ("in", "near", "over", "of"))
    return False


# ---------------------------------------------------------------------------------------------------
# Impact labels
# ---------------------------------------------------------------------------------------------------
def _impact(text: str, lower: str, context: _Context, name: _Name) -> str:
    """The impact label of a place: the nearest specific cue of its clause, else "strike"."""
    clause_start, clause_end = context.sentence.start, context.sentence.end
    for start, end in context.clause_breaks():
        if end <= name.mention_start:
            clause_start = end
        elif start >= name.mention_end:
            clause_end = start
            break
    cues = context.cues()
    in_clause = [c for c in cues if clause_start <= c[0] < clause_end and c[2] != "no_damage"]
    # a clause of its own ("Kyiv region - ...") with no cue takes the cues of the whole sentence
    pool = [c for c in (in_clause or cues) if c[2] in _SPECIFIC]
    label = "strike"
    if pool:
        # the nearest specific cue wins; the order of _LABELS breaks ties
        label = min(pool, key=lambda c: (_distance(c, name), _PRIORITY[c[2]]))[2]
    if label in ("strike", "damage", "explosions") and _OVER_END.search(
            text, max(clause_start, name.mention_start - 12), name.mention_start):
        label = "drones_shot_down"  # drones downed "over the Kursk region"
    if label == "drones_shot_down" and any(c[2] == "no_damage" for c in cues):
        label = "drones_shot_down_no_damage"
    return label


def _distance(cue: tuple[int, int, str], name: _Name) -> int:
    """Characters between a cue and a mention; 0 when they overlap."""
    start, end, _ = cue
    if end <= name.mention_start:
        return name.mention_start - end
    if start >= name.mention_end:
        return start - name.mention_end
    return 0


# ---------------------------------------------------------------------------------------------------
# Counts of regions
# ---------------------------------------------------------------------------------------------------
def _count_nouns(lower: str) -> list[tuple[int, int]]:
    """Spans of the words region(s), province(s), oblast(s) in the lower-cased text."""
    spans = []
    for stem in _COUNT_NOUNS:
        position = lower.find(stem)
        while position >= 0:
            end = position + len(stem)
            if lower.startswith("s", end):
                end += 1
            if _is_word(lower, position, end):
                spans.append((position, end))
            position = lower.find(stem, end)
    spans.sort()
    return spans


def _count_rows(doc: Document, lower: str, nouns: list[tuple[int, int]], named: list[dict],
                contexts: dict[int, _Context]) -> list[dict]:
    """Rows of affected-region counts ("eight regions"), with the country they belong to."""
    rows = []
    text = doc.text
    for noun_start, noun_end in nouns:
        sentence = doc.sentence_at(noun_start)
        match = _count_before(text, lower, sentence, noun_start, noun_end)
        if match is None:
            continue
        count = _count_value(match.group("num"))
        if count is None or count <= 0 or count > 200:
            continue
        floor = max(sentence.start, match.start() - _WINDOW)
        context = _context(lower, sentence, contexts)
        if (not context.has_cue() or _COUNT_TOTAL_BEFORE.search(text, floor, match.start())
                or _is_hypothetical(text, lower, max(sentence.start, match.start() - _HYPOTHESIS_WINDOW),
                                    match.start())):
            continue
        start = match.start()
        if match.group("qual") and match.group("qual").lower().startswith("over") and not _OVER_AS_QUALIFIER.search(
                text, floor, match.start()):
            start = match.start("num")  # "downed over nine regions": "over" is the preposition
        probe = _Name(start, match.end(), match.group(), sentence, True, start, match.end())
        rows.append({
            "char_start": start,
            "char_end": match.end(),
            "region_name": None,
            "iso_3166_2": None,
            "country_iso2": _count_country(doc, match, sentence, named),
            "region_count": count,
            "impact": _impact(text, lower, context, probe),
            "_sentence_no": sentence.no,
        })
    return rows


def _count_before(text: str, lower: str, sentence: Sentence, noun_start: int, noun_end: int) -> re.Match[str] | None:
    """The longest count phrase ending at this region noun ("at least three regions"), or None.

    The number stands at most five words before the noun ("14 of Ukraine's 24 Ukrainian regions") and
    a qualifier at most three words before the number ("as many as"), so only those starts are tried.
    """
    words = lower[max(sentence.start, noun_start - 70):noun_start].split()[-_COUNT_LOOKBACK_WORDS:]
    numbers = [back for back in range(1, min(len(words), 6) + 1)
               if words[-back][:1].isdigit() or words[-back].split("-")[0] in _COUNT_NUMBER_WORDS]
    if not numbers:
        return None
    end = min(sentence.end, noun_end + 12)
    # character offsets of the candidate starts, from the nearest number to three words before the farthest
    offset = noun_start
    starts = []
    for back in range(1, min(len(words), numbers[-1] + 3) + 1):
        offset = lower.rfind(words[-back], sentence.start, offset)
        if back >= numbers[0]:
            starts.append(offset)
    for start in reversed(starts):
        match = _COUNT.match(text, start, end)
        if match is not None and match.start("noun") == noun_start:
            return match
    return None


def _count_value(number: str) -> int | None:
    """The integer of a count's number ("eight" -> 8, "half a dozen" -> 6, "a dozen" -> 12)."""
    if _A_DOZEN.fullmatch(number):
        return 12
    return as_int(parse_number(number))


def _count_country(doc: Document, match: re.Match[str], sentence: Sentence, named: list[dict]) -> str | None:
    """Country of a count: its adjective or "of Ukraine", else the document's affected places, else its text."""
    words = " ".join(match.group(part) or "" for part in ("total", "adj", "country"))
    for code, pattern in _COUNTRY_WORDS:
        if pattern.search(words):
            return code
    countries = [row["country_iso2"] for row in named]
    if countries:
        return max(sorted(set(countries)), key=countries.count)
    for scope in (sentence.text, doc.text):
        found = [(len(pattern.findall(scope)), code) for code, pattern in _COUNTRY_WORDS]
        best = max(found)
        if best[0]:
            return best[1]
    return None


# Every word that can end a frame: modifiers of a descriptor noun stop at these.
_FRAME_WORDS = (_LOCATIVE_WORDS | _ATTACK_VERBS | _ATTACK_PREPOSITIONS | _LIST_INTRO_WORDS | _ACTOR_PREPOSITIONS
                | frozenset(("to", "of", "and", "or", "them", "as", ",", ";", ":", ".")))
