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
from dataclasses import dataclass
from functools import lru_cache

from transforms.contract import DATE, INT32, STRING, Column, Table, fact_columns
from transforms.documents import Document, Sentence
from transforms.extract._event_dates import event_date
from transforms.normalize import places
from transforms.normalize.countries import country_spans
from transforms.normalize.numbers import NUMBER, TENS, UNITS, as_int, parse_number
from transforms.sentences import LIST_BULLETS, opens_line

TABLE = Table(
    name="regions_affected",
    description="One row per region named as hit or affected (strike, outage, damage), or per count of such "
                "regions (\"eight regions\").",
    key="fact_id",
    is_fact=True,
    # 2: Middle East gazetteer; "parts of 11 regions" is a count; 3: weather is not an attack; 4: "the regions hit
    # most often were X, Y and Z"; 6: bulleted lists under an introduction ("destroyed as follows:"); 7: other
    # countries' provinces, states and regions named with their type word ("Surin province")
    version="7",
    columns=fact_columns(
        Column("region_name", STRING, "Normalised English name (Poltava Oblast, Kyiv); null on count rows."),
        Column("iso_3166_2", STRING,
               "ISO 3166-2 subdivision code (UA-53; Kyiv city UA-30); null when none applies."),
        Column("country_iso2", STRING, "ISO 3166-1 alpha-2 code of the country."),
        Column("region_count", INT32,
               "Number of regions on count rows (\"eight regions\": 8); null on named rows."),
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
        "power outage", "power outages", "power cut", "power cuts", "power failure", "power failures",
        "outage", "outages", "blackout", "blackouts", "blacked out", "de-energised", "de-energized",
        "without electricity", "without power", "without light", "no electricity", "no power", "lost power",
        "lost electricity",
        "cut power", "cut off power", "cut the power", "cutting power", "severed power", "knocked out power",
        "power was cut", "power has been cut", "electricity was cut", "electricity", "power supply",
        "hourly schedules", "power schedules"),  # Ukrenergo's rationing of power by the hour
    "heating_outage": ("heating", "no heat", "without heat", "lost heat", "heat supply"),
    "water_outage": (
        "water supply", "water supplies", "running water", "without water", "no water", "water outage",
        "water outages"),
    "energy_facilities_damaged": (
        "energy facilities", "energy facility", "energy infrastructure", "energy sites", "energy site",
        "energy installations", "energy equipment", "energy system", "power facilities", "power facility",
        "power plant", "power plants", "power station", "power stations", "power infrastructure",
        "power grid", "power system", "substation", "substations", "electricity infrastructure",
        "gas infrastructure", "gas facilities", "critical infrastructure"),
    # "destroyed" is read as shot down only next to a weapon word
    "drones_shot_down": (
        "shot down", "shoot down", "shoots down", "shooting down", "downed", "downs", "intercepted",
        "neutralised", "neutralized", "repelled", "brought down", "taken down", "destroyed"),
    "fire": ("fire", "fires", "blaze", "blazes", "ablaze", "burning", "burned", "burnt", "flames", "on fire"),
    "explosions": ("explosion", "explosions", "blast", "blasts", "detonation", "detonations"),
    "damage": (
        "damage", "damaged", "damaging", "destruction", "debris", "wreckage", "wrecked", "blew out",
        "blown out", "ruins", "collapsed", "destroying"),
    "strike": (
        "strike", "strikes", "struck", "striking", "hit", "hits", "hitting", "attack", "attacks", "attacked",
        "attacking", "targeted", "targeting", "shelling", "shelled", "bomb", "bombs", "bombed", "bombing",
        "bombardment", "barrage", "salvo", "raid", "raids", "assault", "pounded", "slammed", "aimed",
        "airstrike", "airstrikes", "drone", "drones", "missile", "missiles", "rocket", "rockets", "uav",
        "uavs", "shahed", "shaheds", "projectile", "projectiles", "artillery", "glide bomb", "glide bombs"),
}
_PRIORITY = {label: rank for rank, label in enumerate(_LABELS)}

# Words that make the attack in their clause hypothetical ("could enable strikes on Moscow").
_HYPOTHETICAL_WORDS = (
    "could", "would", "might", "may", "will", "can", "cannot", "able to", "enable", "enables", "enabled",
    "enabling", "allow", "allows", "allowed", "allowing", "let", "lets", "if", "capable of", "possibility",
    "potential", "potentially", "threaten to", "threatens to", "threatened to", "plan to", "plans to",
    "planned to", "planning to", "intend to", "intends to", "intended to", "aim to", "aims to", "aimed to",
    "vow to", "vows to", "vowed to", "prepare to", "prepares to", "prepared to", "preparing to", "seek to",
    "seeks to", "sought to", "want to", "wants to", "wanted to", "ready to")
# Causes of outages and damage that are not attacks: a sentence with one of these and no word of attack
# (only "hit", "struck" ... which storms do too) is about the weather.
_WEATHER_WORDS = (
    "storm", "storms", "wind gusts", "gusts", "gale", "gales", "hurricane", "hurricanes", "typhoon", "typhoons",
    "tornado", "tornadoes", "cyclone", "cyclones", "flood", "floods", "flooding", "flooded", "floodwaters",
    "heavy rain", "rainfall", "downpour", "downpours", "snowfall", "snowstorm", "snowstorms", "blizzard",
    "blizzards", "ice storm", "freezing rain", "hail", "hailstorm", "heatwave", "heat wave", "wildfire",
    "wildfires", "earthquake", "landslide", "landslides", "lightning", "thunderstorm", "thunderstorms")
# The type word after a heading's place name: "Kyiv Oblast", "Sumy region".
_HEADING_TYPE = re.compile(r" (oblast|region|province|krai|governorate|district|republic)", re.IGNORECASE)
_WEATHER_LIKE_GENERIC = frozenset(("hit", "hits", "hitting", "struck", "slammed", "pounded"))
_ATTACK_ONLY_CUES = frozenset(("shot down", "intercepted", "downed"))
_WEAPON_NAMED_AFTER_WEATHER = re.compile(r" (?:shadows?|jets?|aircraft|fighters?|launchers?|rockets?|mlrs|missiles?)\b")
# Words opening another clause: they end the scope of a hypothetical word ...
_HYPOTHESIS_BREAK_WORDS = (
    "after", "when", "as", "while", "since", "because", "but", "and", "where", "which", "who", "that")
# ... and the clause whose impact makes a place after "in" affected.
_SUBCLAUSE_BREAK_WORDS = ("after", "before", "as", "while", "when", "since", "because", "although", "though",
                          "but", "whereas", "ahead of", "amid", "despite")

_CUE_LABEL = {phrase: label for label, phrases in _CUE_WORDS.items() for phrase in phrases}
# Cues whose reading depends on their neighbours (see _cue_label); the others have a fixed label.
_CONDITIONAL_CUES = frozenset(
    phrase for phrase, label in _CUE_LABEL.items()
    if label in ("casualties", "damage", "gas_production_halted", "refinery_fire")) | {"destroyed"}
_FIXED_LABEL = {phrase: label for phrase, label in _CUE_LABEL.items() if phrase not in _CONDITIONAL_CUES}


def _word_tries(phrases) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two regexes finding any of `phrases` (group 1) as whole words in lower-cased text.

    The first matches the character before the phrase too, so a scan with it must start one character
    before the text to search; the second, for a scan from the start of the text, checks that nothing
    precedes the phrase with a lookbehind instead. Both find the same phrases: the first is faster
    because a regex that opens with a character class skips the letters inside words at C speed, where
    the lookbehind starts a match attempt at every character.
    """
    # the lookahead lets the regex fall back to a shorter or later phrase: "no heating" is "heating"
    phrase = "(" + places.trie_pattern(list(phrases)) + r")(?![a-z0-9-])"
    return re.compile(r"[^a-z0-9'’-]" + phrase), re.compile(r"(?<![a-z0-9'’-])" + phrase)


# One scan of a sentence finds its cues, hypothetical words and subordinate-clause words. Generic attack
# words only tell that the sentence reports an attack; the specific cues also label it.
_GENERIC_CUE, _SPECIFIC_CUE, _HYPOTHETICAL_WORD, _BREAK_WORD, _WEATHER_WORD = range(5)
_MARKER_KIND = {phrase: _WEATHER_WORD for phrase in _WEATHER_WORDS}
_MARKER_KIND.update({phrase: _BREAK_WORD for phrase in _SUBCLAUSE_BREAK_WORDS})
_MARKER_KIND.update({phrase: _HYPOTHETICAL_WORD for phrase in _HYPOTHETICAL_WORDS})
_MARKER_KIND.update({phrase: _SPECIFIC_CUE if label != "strike" else _GENERIC_CUE
                     for phrase, label in _CUE_LABEL.items()})
_MARKER_AFTER_CHAR_RE, _MARKER_AT_START_RE = _word_tries(_MARKER_KIND)
# Punctuation that ends a clause, and the links that open a new main clause after a comma.
_HARD_BREAKS = (";", ": ", " - ", " – ", " — ")
_CLAUSE_LINK_WORDS = ("and ", "but ", "while ", "whereas ", "where ")
_HYPOTHESIS_BREAK_RE = re.compile(
    r"[;:,]\s|\s[-–—]\s|(?<![a-z])(?:" + "|".join(_HYPOTHESIS_BREAK_WORDS) + r")\b")

_LISTED_COUNTRY_WORDS = frozenset(("russia", "ukraine", "belarus", "moldova", "israel", "lebanon", "syria", "iran",
                                   "yemen", "iraq"))
_MAX_LIST_LABEL = 80  # how far into a line the colon after a list item's places may stand
_MAX_LIST_ITEMS = 12  # how many lines above a list item its introduction may stand
_COUNTED_REGION_NOUNS = frozenset(("regions", "oblasts", "provinces", "areas"))
_WEAPON_NOUN_CUES = frozenset(("drone", "drones", "missile", "missiles", "rocket", "rockets", "uav", "uavs", "shahed",
                               "shaheds", "projectile", "projectiles", "artillery", "glide bomb", "glide bombs"))
_PRODUCTION_RE = re.compile(r"\b(?:produc\w*|manufactur\w*|turns? out|turned out|assembl\w*|output|factory|"
                            r"factories|builds?|built)\b")  # lower-cased text
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
    "city", "cities", "town", "towns", "village", "villages", "port", "settlement", "suburb", "suburbs",
    "outskirts", "centre", "center", "part", "parts", "area", "areas", "heart", "district", "capital",
    "region"))
_DESCRIPTOR_ADJECTIVES = frozenset((
    "central", "downtown", "northern", "southern", "eastern", "western", "north-eastern", "north-western",
    "south-eastern", "south-western", "northeastern", "northwestern", "southeastern", "southwestern",
    "occupied", "front-line", "frontline", "besieged", "embattled", "neighbouring", "neighboring", "nearby",
    "capital", "ukrainian", "russian", "ukraine's", "russia's", "ukraine’s", "russia’s",
    # the other countries of the gazetteer: "in Iran's Isfahan", "the Israeli city of Haifa"
    *(form for country in ("israel", "iran", "yemen", "lebanon", "syria", "iraq") for form in (
        f"{country}'s", f"{country}’s")),
    "israeli", "iranian", "yemeni", "lebanese", "syrian", "palestinian", "iraqi"))
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
# "attack on", "strikes against", "fired at": an attack noun or verb right before the preposition
_ATTACK_NOUNS = frozenset((
    "attack", "attacks", "strike", "strikes", "raid", "raids", "assault", "assaults", "barrage", "barrages",
    "bombardment", "bombardments", "shelling", "fire", "fired", "offensive", "missile", "missiles", "drone",
    "drones", "rocket", "rockets", "uavs", "salvo", "salvos", "aimed", "launched", "directed", "blow",
    # "dropped four guided aerial bombs on Kharkiv", "missiles converged on Kyiv"
    "bomb", "bombs", "shells", "shaheds", "converged", "dropped"))
_ATTACK_PREPOSITIONS = frozenset(("on", "against", "at", "upon"))
# "the regions hit most often were": the copula, the place noun and the participle of a list of places hit
_COPULAS = frozenset(("were", "was", "are", "is", "included", "include", "includes"))
_PLACE_NOUNS = _COUNTED_REGION_NOUNS | {"cities", "towns", "places", "districts"}
_HIT_PARTICIPLES = frozenset(("hit", "struck", "targeted", "attacked", "affected", "shelled", "bombed"))
_TIME_WORDS = frozenset((
    "overnight", "again", "early", "late", "today", "yesterday", "also", "repeatedly", "last", "night",
    "morning", "evening", "week"))
_LIST_INTRO_WORDS = frozenset(("including", "like", "notably", "especially", "particularly"))
_LIST_INTRO_PAIRS = frozenset((("among", "them"), ("such", "as")))
# A place after these is a government, partner or destination, not a place that was hit.
_ACTOR_NOUNS = frozenset((
    "official", "officials", "authorities", "leader", "leaders", "leadership", "government", "regime",
    "rulers", "diplomat", "diplomats", "embassy", "envoy", "envoys", "ambassador", "ambassadors", "allies",
    "partners",
    "talks", "negotiations", "meeting", "meetings", "summit", "visit", "trip", "delegation", "negotiators",
    "sources", "headquarters", "correspondent", "correspondents", "journalist", "journalists", "reporter",
    "reporters", "conference", "court", "minister", "ministers", "president", "parliament", "lawmakers"))
_DESTINATION_WORDS = frozenset((
    "visit", "visits", "visited", "trip", "travel", "travels", "travelled", "traveled", "transfer",
    "transfers", "delivery", "deliveries", "delivered", "sent", "send", "sends", "aid", "assistance",
    "supplies",
    "return", "returns", "returned", "returning", "flew", "arrived"))
_ACTOR_PREPOSITIONS = frozenset(("from", "by", "for", "with"))
# "said in Kyiv", "told reporters in Moscow": where someone spoke or met, not where something was hit
_SPEECH_VERBS = frozenset((
    "said", "says", "say", "saying", "spoke", "speaking", "told", "telling", "announced", "declared", "met",
    "meets", "meeting", "visiting", "arrived", "addressed", "reporters", "journalists", "held", "signed",
    "talks", "briefing", "press"))
# Every word that can end a frame: the modifiers of a descriptor noun stop at these.
_FRAME_WORDS = (_LOCATIVE_WORDS | _ATTACK_VERBS | _ATTACK_PREPOSITIONS | _LIST_INTRO_WORDS
                | _ACTOR_PREPOSITIONS | {"to", "of", "and", "or", "them", "as", ",", ";", ":", "."})
# Quotes and brackets are dropped; ",", ";", ":" and "." become words of their own. Apostrophes stay
# inside words ("ukraine's").
_TOKEN_MARKS = tuple((ch, " ") for ch in "\"“”‘()[]") + tuple((ch, f" {ch} ") for ch in ",;:.")

# ---------------------------------------------------------------------------------------------------
# Text right after a name (anchored regex matches).
# ---------------------------------------------------------------------------------------------------
_TYPE_AFTER = re.compile(
    r"\s+(?:(?P<plural>regions|oblasts|provinces|governorates|territories|republics|people['’]s\s+republics|states"
    r"|prefectures)|region|oblast|province|governorate|prefecture|krai|kray|territory|republic|autonomous\s+okrug|"
    r"people['’]s\s+republic|"
    r"regional|state(?!\s+(?:media|television|tv|news|agency|university|company|companies|firm|owned|run|"
    r"administration|department|secretary|duma|council|emergency)))\b", _I)
_TYPE_BEFORE = re.compile(
    r"(?:(?P<adj>\b(?:north|south|east|west)(?:ern|-?(?:east|west)(?:ern)?)?|central)\s+)?"
    r"\b(?P<noun>regions?|oblasts?|provinces?|governorates?|republic|krai)\s+of\s+(?:the\s+)?$", _I)
# Links between the names of one coordinated list; only a strict link shares a type word.
_STRICT_LINKS = frozenset((", ", " and ", ", and ", " or ", ", or ", "/", " / ", ","))
_LOOSE_LINK = re.compile(
    r"(?:\s+(?:on|in|near|at)\s+the\s+[\w' -]{1,30}?|,\s+(?:the\s+|a\s+|an\s+)?[\w'’ -]{1,40}?)?"
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s*,?\s+(?:and|or)\s+)(?:the\s+)?"
    r"(?:(?:russian-|russia-)?(?:occupied|annexed|held|controlled)\s+)?"  # "..., and occupied Crimea"
    r"(?:(?:north|south|east|west)\w*\s+|central\s+)?(?:(?:city|cities|town|towns|village|villages|port|ports)"
    r"\s+of\s+)?", _I)
# A facility named after the place, a geographic feature or an organisation ("Zaporizhzhia NPP"),
# possibly after a list of such names ("the Sheremetyevo, Vnukovo and Domodedovo airports").
_FACILITY_NOUN = (
    r"(?:\s*,\s*[A-Z][\w-]+)*(?:,?\s+(?:and|or)\s+[A-Z][\w-]+)?\s+(?:(?:International\s+)?Airports?|"
    r"airports?|nuclear|Nuclear|NPP|HPP|hydroelectric|Hydroelectric|hydropower|dam|Dam|reservoir|Reservoir|"
    r"river|River|"
    r"Sea|Bay|Strait|Lagoon|bridge|Bridge|plants?|Plant|power\s+plant|air\s*bases?|Air\s*Base|airbases?|"
    r"airfields?|Post|Independent|Times|School|University|Institute|Exchange|Patriarchate|Zoo|Dynamo)\b")
_FACILITY_AFTER = re.compile(_FACILITY_NOUN)
# What follows a name, as one regex whose first matching alternative names the reading:
_AFTER = re.compile(
    # "Moscow's Vnukovo and Domodedovo airports": a facility of the place, named after another place
    r"(?P<possessed_facility>['’]s\s+[A-Z][\w-]+" + _FACILITY_NOUN + r")"
    # "Kharkiv's electricity", "Kyiv's Sviatoshynskyi district": infrastructure or parts of the place
    r"|(?P<possessed_part>['’]s\s+(?:[A-Z]|(?i:(?:\w+\s+){0,2}(?:electricity|power|heat|heating|water|gas|energy|"
    r"grid|infrastructure|districts?|suburbs?|outskirts|centre|center|downtown|streets?|residential|residents|"
    r"homes|houses|buildings|apartments?|neighbou?rhoods?|skies|sky|people|population|civilians|metro|"
    r"hospitals?|schools?|railway|station|port|substations?|refinery|oil|supply|supplies)\b)))"
    # "Moscow's mayor", "Kyiv's attempts": anything else a place owns makes it an actor
    r"|(?P<possessive>['’]s\b)"
    # "the Zaporizhzhia nuclear power plant", "the Dnipro River", "the Kyiv Post"
    r"|(?P<facility>" + _FACILITY_NOUN + r")"
    # the place suffered the predicate: "Odesa reportedly lost power", "Kharkiv, the 2nd city, has no power"
    r"|(?P<affected>(?i:(?:\s*,[^,.;]{1,60},)?\s+(?:\w+ly\s+)?(?:(?:was|were|is|are|has\s+been|have\s+been|"
    r"had\s+been|got|came|comes|remains?|remained)\s+(?:\w+ly\s+)?(?:hit|struck|attacked|targeted|shelled|bombed|"
    r"pounded|rocked|hammered|battered|damaged|destroyed|left|plunged|without|under|among|in\s+darkness|blacked|"
    r"cut|again)|(?:suffered|sustained|lost|took|endured|experienced|faced|saw|recorded|had\s+no|has\s+no|"
    r"have\s+no)\b)))"
    # a facility that lies in the place: "Novoshakhtinsk refinery ablaze"
    r"|(?P<facility_in_place>(?i:\s+(?:oil\s+|fuel\s+)?(?:refinery|refineries|depot|terminal|port|seaport|"
    r"substation|thermal\s+power|TPP|CHP|railway\s+station|train\s+station|station|market|mall|shopping|"
    r"hospital|factory|apartment|residential)\b))"
    # the name is a title or an institution: "Kyiv officials", "Kharkiv mayor Ihor Terekhov"
    r"|(?P<title>(?i:\s+(?:city\s+)?(?:officials?|authorities|government|regime|leaders?|leadership|mayor|"
    r"governor|administration|council|police|prosecutors?|military|forces|troops|army)\b)|\s+(?:Post|Independent|"
    r"Times)\b)"
    # the place acts or speaks: "Moscow has warned", "Kyiv sees", "Moscow, whose"
    r"|(?P<acts>(?i:\s*,\s*(?:whose|which\s+has)\b|\s+(?:\w+ly\s+)?(?:has|have|had|will|would|could|should|"
    r"may|might|must|can|cannot|does|did|is|was|are|were|says?|said|warn\w*|claim\w*|den(?:y|ies|ied)|accus\w*|"
    r"sees?|saw|lack\w*|wants?|wanted|intend\w*|ask\w*|receiv\w*|launch\w*|fir(?:e|es|ed)|struck|strikes|"
    r"attack\w*|retaliat\w*|respond\w*|urg\w*|call\w*|insist\w*|hop\w*|believ\w*|argu\w*|reject\w*|agre\w*|"
    r"announc\w*|demand\w*|condemn\w*|welcom\w*|plan\w*|expect\w*|needs?|needed|sought|seeks?|stat\w*|"
    r"intensifi\w*|escalat\w*|continu\w*|us(?:e|es|ed)|buil[dt]s?|sen[dt]s?|suppl\w*|sign\w*|dismiss\w*|"
    r"blam\w*|consider\w*|describ\w*|vow\w*|threat\w*|promis\w*|refus\w*|pledg\w*|recogni\w*|confirm\w*|"
    r"offer\w*|propos\w*|caution\w*|not\w*|add\w*|hosts?|hosted|gets?|got|wins?|won|joins?|joined|"
    r"tri(?:es|ed))\b))")
# _AFTER is tried only when the next word could start one of its readings (most names are followed by
# "and", "on", "overnight" ...): a comma, a capitalised word, an adverb in -ly, or one of these prefixes.
_AFTER_PREFIXES = tuple(sorted(set((
    # facilities and organisations
    "nuclear", "npp", "hpp", "hydro", "dam", "reservoir", "river", "sea", "bay", "strait", "lagoon", "bridge",
    "plant", "power", "air", "airbase", "airfield", "airport", "international", "post", "independent",
    "times",
    "school", "universit", "institute", "exchange", "patriarchate", "zoo", "dynamo",
    # affected predicates and facilities in the place
    "was", "were", "is", "are", "has", "have", "had", "got", "came", "comes", "remain", "suffered",
    "sustained",
    "lost", "took", "endured", "experienced", "faced", "saw", "recorded", "oil", "fuel", "refiner", "depot",
    "terminal", "port", "seaport", "substation", "thermal", "tpp", "chp", "railway", "train", "station",
    "market", "mall", "shopping", "hospital", "factory", "apartment", "residential",
    # titles and institutions
    "city", "official", "authorities", "government", "regime", "leader", "mayor", "governor",
    "administration",
    "council", "police", "prosecutor", "military", "forces", "troops", "army",
    # the place acting
    "will", "would", "could", "should", "may", "might", "must", "can", "does", "did", "say", "said", "warn",
    "claim", "den", "accus", "see", "lack", "want", "intend", "ask", "receiv", "launch", "fir", "struck",
    "strikes", "attack", "retaliat", "respond", "urg", "call", "insist", "hop", "believ", "argu", "reject",
    "agre", "announc", "demand", "condemn", "welcom", "plan", "expect", "need", "sought", "seek", "stat",
    "intensifi", "escalat", "continu", "us", "buil", "send", "sent", "suppl", "sign", "dismiss", "blam",
    "consider", "describ", "vow", "threat", "promis", "refus", "pledg", "recogni", "confirm", "offer",
    "propos",
    "caution", "not", "add", "host", "get", "win", "won", "join", "tri"))))
_NEXT_WORD = re.compile(r"(,?)\s+([\w'’-]+)")


# "City, Month day -" or "City (Agency) -" datelines name where the story was filed, not what was hit.
_DATELINE_AFTER = re.compile(
    r"(?:,\s*(?:Ukraine|Russia|Israel|Iran|Yemen|Lebanon|Syria|Iraq))?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?\.?)?\s*"
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
# The words a count's number can be written with, those that may stand between it and the region noun,
# and those of a qualifier before it.
_COUNT_NUMBER_WORDS = frozenset((*UNITS, *TENS, "dozen", "hundred"))
_COUNT_FILLER = frozenset((
    "half", "a", "an", "of", "the", "its", "country's", "country’s", "ukraine's", "ukraine’s", "russia's",
    "russia’s", "ukrainian", "russian", "other", "more", "different", "separate", "border", "frontline",
    "front-line", "northern", "southern", "eastern", "western", "central"))
_COUNT_QUALIFIER_WORDS = frozenset((
    "more", "than", "over", "at", "least", "up", "to", "nearly", "almost", "about", "around", "some", "as",
    "many", "fewer", "less"))
_COUNT_LOOKBACK_WORDS = 8
# "of the country's 24 regions", "all 24 regions", "Ukraine has 24 regions": a total, not the regions affected
# ("parts of 11 regions" is a count: "of" marks a total only before a determiner or a possessive)
_COUNT_TOTAL_BEFORE = re.compile(
    r"\b(?:of\s+(?:the\s+|its\s+|(?:the\s+)?(?:country['’]s|Ukraine['’]s|Russia['’]s)\s+)+"
    r"|(?:all|has|have|had|comprises)\s+(?:the\s+|its\s+)?(?:country['’]s\s+|Ukraine['’]s\s+|Russia['’]s\s+)?)$",
    _I)
# "over" is a qualifier after a preposition ("in over 10 regions"), else the preposition itself
_OVER_AS_QUALIFIER = re.compile(r"\b(?:in|across|to|for|from|of|on|affecting)\s+$", _I)
_A_DOZEN = re.compile(r"an?\s+dozen", _I)
_COUNTRY_WORDS = (("UA", re.compile(r"\bUkrain", _I)), ("RU", re.compile(r"\bRussia", _I)))
_ATTACKER = (r"(?:\s+\w+)?\s+(?:attacks?|strikes?|missiles?|drones?|shelling|forces|troops|salvos?|barrages?|"
             r"bombardment)")
# Which country a sentence says was attacked: by the attacker's adjective, or by where things happened.
_ATTACKED_BY = (("UA", re.compile(r"\bRussia(?:n|['’]s)" + _ATTACKER, _I)),
                ("RU", re.compile(r"\bUkrain(?:ian|e['’]s)" + _ATTACKER, _I)))
_LOCATED_IN = (("UA", re.compile(r"\b(?:in|across|of|throughout|at|on|against|into)\s+Ukraine\b", _I)),
               ("RU", re.compile(r"\b(?:in|across|of|throughout|at|on|against|into|inside)\s+Russia\b", _I)))
_WINDOW = 64


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
    after: str | None = None  # the _AFTER reading of the text right after the name
    type_after: re.Match[str] | None = None
    type_word: str | None = None  # the type word that makes the name typed ("province", "regions")


class _Context:
    """One sentence and its markers (document offsets, in text order), found by one scan on first use:
    generic and specific impact cues, hypothetical words, and the words and punctuation that break
    clauses."""

    __slots__ = ("sentence", "text", "lower", "generic", "cues", "hypothetical", "weather", "attack", "event",
                 "_break_words",
                 "_hypothesis_breaks", "_hard_breaks", "_subclause_breaks", "_clause_breaks")

    def __init__(self, sentence: Sentence, text: str, lower: str) -> None:
        self.sentence = sentence
        self.text = text
        self.lower = lower
        self.generic: list[int] = []                       # starts of generic attack words ("strike")
        self.cues: list[tuple[int, int, str]] = []         # specific cues; "no damage" is "no_damage"
        self.hypothetical: list[int] = []                  # starts of hypothetical words ("could")
        self.weather = False                               # a weather word ("storm", "wind gusts")?
        self.attack = False                                # a generic attack word other than "hit"?
        self.event = False                                 # a generic word other than a weapon's name?
        self._break_words: list[int] = []                  # starts of "after", "as", "while" ...
        # derived break lists, each computed on first use
        self._hypothesis_breaks = self._hard_breaks = self._subclause_breaks = self._clause_breaks = None
        self._scan()

    def _scan(self) -> None:
        lower, sentence = self.lower, self.sentence
        generic, cues = self.generic, self.cues
        break_words, hypothetical = self._break_words, self.hypothetical
        if sentence.start:
            markers = _MARKER_AFTER_CHAR_RE.finditer(lower, sentence.start - 1, sentence.end)
        else:
            markers = _MARKER_AT_START_RE.finditer(lower, 0, sentence.end)
        for match in markers:
            phrase = match.group(1)
            kind = _MARKER_KIND[phrase]
            if kind == _GENERIC_CUE:
                generic.append(match.start(1))
                if phrase not in _WEAPON_NOUN_CUES:
                    self.event = True
                if phrase not in _WEATHER_LIKE_GENERIC:
                    self.attack = True
            elif kind == _WEATHER_WORD:
                # not "Storm Shadow" missiles or "Tornado" jets and rocket launchers
                if not _WEAPON_NAMED_AFTER_WEATHER.match(lower, match.end(1)):
                    self.weather = True
            elif kind == _SPECIFIC_CUE:
                start, end = match.span(1)
                label = _FIXED_LABEL.get(phrase) or _cue_label(lower, sentence, phrase, start, end)
                if label is not None:
                    cues.append((start, end, label))
                    if label == "explosions" or phrase in _ATTACK_ONLY_CUES:
                        # explosions and shoot-downs are never the weather's ("brought down" trees are)
                        self.attack = True
            elif kind == _BREAK_WORD:
                break_words.append(match.start(1))
            elif not (phrase == "may" and self.text[match.start(1)] == "M"):  # "May" is the month
                hypothetical.append(match.start(1))

    def about_weather(self) -> bool:
        """True when a weather word and no attack word is in the sentence."""
        return self.weather and not self.attack

    def has_cue(self) -> bool:
        """True when the sentence reports an attack, outage or damage (a negated cue does not count). Weapons
        named in a sentence of their making ("the plant in Tatarstan turns out 90 drones a day") are none."""
        if any(label != "no_damage" for _, _, label in self.cues):
            return True
        if not self.generic:
            return False
        return self.event or not _PRODUCTION_RE.search(self.lower, self.sentence.start, self.sentence.end)

    def has_generic_in(self, start: int, end: int) -> bool:
        """True when a generic attack word starts in [start, end)."""
        index = bisect.bisect_left(self.generic, start)
        return index < len(self.generic) and self.generic[index] < end

    def has_cue_in(self, start: int, end: int) -> bool:
        """True when an impact cue starts in [start, end)."""
        return self.has_generic_in(start, end) or any(
            start <= cue_start < end and label != "no_damage" for cue_start, _, label in self.cues)

    def is_hypothetical(self, position: int) -> bool:
        """True when the clause leading to `position` holds a hypothetical word ("could enable strikes")."""
        if not self.hypothetical:
            return False
        if self._hypothesis_breaks is None:
            self._hypothesis_breaks = [m.end() for m in _HYPOTHESIS_BREAK_RE.finditer(
                self.lower, self.sentence.start, self.sentence.end)]
        breaks = self._hypothesis_breaks
        index = bisect.bisect_right(breaks, position) - 1
        clause_start = breaks[index] if index >= 0 else self.sentence.start
        first = bisect.bisect_left(self.hypothetical, clause_start)
        return first < len(self.hypothetical) and self.hypothetical[first] < position

    def _punctuation(self, links: bool) -> list[tuple[int, int]]:
        """Spans of the hard breaks (";", " - "), and with `links` of ", and", ", but" ..."""
        lower, start_of, end_of = self.lower, self.sentence.start, self.sentence.end
        if self._hard_breaks is None:
            self._hard_breaks = []
            for mark in _HARD_BREAKS:
                position = lower.find(mark, start_of, end_of)
                while position >= 0:
                    self._hard_breaks.append((position, position + len(mark)))
                    position = lower.find(mark, position + 1, end_of)
        spans = list(self._hard_breaks)
        if links:
            position = lower.find(", ", start_of, end_of)
            while position >= 0:
                if lower.startswith(_CLAUSE_LINK_WORDS, position + 2, end_of):
                    spans.append((position, lower.find(" ", position + 2, end_of) + 1 or end_of))
                position = lower.find(", ", position + 2, end_of)
        return spans

    def subclause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around [start, end), subordinate clauses ("after", "as", "while") cut off."""
        if self._subclause_breaks is None:
            self._subclause_breaks = sorted(self._break_words + [s for s, _ in self._punctuation(False)])
        breaks = self._subclause_breaks
        index = bisect.bisect_right(breaks, start) - 1
        index_after = bisect.bisect_left(breaks, end)
        return (breaks[index] if index >= 0 else self.sentence.start,
                breaks[index_after] if index_after < len(breaks) else self.sentence.end)

    def clause_breaks(self) -> list[tuple[int, int]]:
        """Spans of the breaks between main clauses (";", " - ", ", and ")."""
        if self._clause_breaks is None:
            self._clause_breaks = sorted(self._punctuation(True))
        return self._clause_breaks


def extract(doc: Document) -> list[dict]:
    """Region rows of one document: named affected places and counts of affected regions."""
    text = doc.text
    lower = _lower(text)
    matches = _place_matches(text)
    other = _other_country_matches(text, lower, matches)
    if other:
        matches = sorted(matches + other, key=lambda match: match.start())
    nouns = _count_nouns(lower)
    if not matches and not nouns:
        return []
    contexts: dict[int, _Context] = {}
    rows = _named_rows(doc, lower, matches, contexts)
    rows.extend(_count_rows(doc, lower, nouns, rows, contexts, {m.end() for m in matches}))
    rows = [row for row in rows if not _caused_by_weather(doc, lower, row["_sentence_no"], contexts)]
    if any(row["iso_3166_2"] and row["country_iso2"] not in places.COUNTRIES for row in rows):
        # another country's province counts only in a story that names the country: "Surin province" with
        # Thailand, not the "Gulf region" of a story about the Middle East (Papua New Guinea's Gulf Province)
        named = {iso2 for _start, _end, iso2, _kind in country_spans(text)}
        rows = [row for row in rows if not row["iso_3166_2"] or row["country_iso2"] in places.COUNTRIES
                or row["country_iso2"] in named]
    dates = {}  # event date by sentence number: several rows often share a sentence
    for row in rows:
        sentence_no = row.pop("_sentence_no")
        if sentence_no not in dates:
            dates[sentence_no] = event_date(doc, sentence_no)
        row["event_date"] = dates[sentence_no]
    return rows


def _caused_by_weather(doc: Document, lower: str, sentence_no: int, contexts: dict[int, _Context]) -> bool:
    """True when the outage or damage of a sentence comes from the weather: its own words say so, or it
    names no attack and the sentence before it in the paragraph is about the weather ("Wind gusts brought
    down power lines. Outages hit five regions in all")."""
    context = _context(doc.text, lower, doc.sentences[sentence_no], contexts)
    if context.attack:
        return False
    if context.weather:
        return True
    if sentence_no == 0:
        return False
    previous = doc.sentences[sentence_no - 1]
    if "\n" in doc.text[previous.end:doc.sentences[sentence_no].start]:
        return False  # another paragraph
    return _context(doc.text, lower, previous, contexts).about_weather()


# The type words after another country's subdivision ("Surin province", "Punjab state", "Oromia region")
# (found with str.find, far faster than a regex of alternatives that the engine tries at every position)
_OTHER_TYPE_WORDS = ("province", "state", "region", "governorate", "prefecture")
_MAX_OTHER_NAME_WORDS = 4  # "Khyber Pakhtunkhwa", "Si Sa Ket", "Phra Nakhon Si Ayutthaya"
_MAX_OTHER_WORD_CHARS = 30  # the longest word of such a name
_JOINER_CHARS = 6  # ", and " before the next name of a list sharing one type word
_LIST_JOINER_BEFORE = re.compile(r"(?:,|,? and) $")
_SPAN = re.compile(r"[\s\S]+")  # matched with pos and endpos: a Match over exactly that span


def _lower(text: str) -> str:
    """`text` lower-cased with the same length, so that offsets stay valid."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _place_matches(text: str) -> list[re.Match[str]]:
    """The gazetteer matches in `text` that are whole words (see _is_word, inlined here: it runs once per
    match)."""
    matches = []
    length = len(text)
    for match in places.place_regex().finditer(text):
        start, end = match.span()
        if start and (text[start - 1].isalnum() or text[start - 1] == "-"):
            continue
        if end < length and (text[end].isalnum() or text[end] == "-"):
            continue
        matches.append(match)
    return matches


def _other_type_words(text: str, lower: str) -> list[tuple[int, bool]]:
    """(start, plural) of each type word after a word: "province", "regions", "Province"; "state" only in lower
    case, since "State" is mostly "United States" or "Islamic State"."""
    found = []
    length = len(lower)
    for word in _OTHER_TYPE_WORDS:
        position = lower.find(word)
        while position >= 0:
            end = position + len(word)
            plural = lower.startswith("s", end)
            end += plural
            if (position > 1 and lower[position - 1] == " " and lower[position - 2].isalpha()
                    and (end == length or not lower[end].isalnum()) and (word != "state" or text[position] == "s")):
                found.append((position, plural))
            position = lower.find(word, end)
    return found


def _other_country_matches(text: str, lower: str, found: list[re.Match[str]]) -> list[re.Match[str]]:
    """Provinces, states and regions of countries outside the gazetteer's own, found by the type word after them
    ("Surin province", "Punjab and Sindh provinces"): they are not in the gazetteer's search pattern, whose size
    would slow every document down, and a bare name of theirs may be anything."""
    taken = {match.start() for match in found}
    known_ends = {match.end() for match in found}
    matches = []
    for type_start, plural in _other_type_words(text, lower):
        end = type_start - 1  # the space before the type word
        if end in known_ends:
            continue  # "Kharkiv region": a place of the gazetteer's own
        while end > 0:
            # the longest name first; none for "the region"
            start = next((start for start in _capitalised_starts(text, end)
                          if start not in taken and places.is_other_region(text[start:end])), None)
            if start is None:
                break
            matches.append(_SPAN.match(text, start, end))  # a match like the gazetteer's, over the name
            taken.add(start)
            joiner = _LIST_JOINER_BEFORE.search(text, max(0, start - _JOINER_CHARS), start)
            if not plural or joiner is None:
                break
            end = joiner.start()  # "Punjab and Sindh provinces": the names before share the type word
    return matches


def _capitalised_starts(text: str, end: int) -> list[int]:
    """Where the names of up to four capitalised words ending at `end` start, the longest first; the words are
    joined by single spaces only ("Kyiv, Punjab" is two names), and the first may follow a bracket or a quote."""
    starts: list[int] = []
    position = end
    while len(starts) < _MAX_OTHER_NAME_WORDS:
        start = position
        while start > 0 and position - start < _MAX_OTHER_WORD_CHARS and (text[start - 1].isalnum()
                                                                         or text[start - 1] in "-'’"):
            start -= 1
        if start == position or not text[start].isupper():
            break
        starts.append(start)
        if start < 2 or text[start - 1] != " " or not text[start - 2].isalnum():
            break  # the word opens the text or follows punctuation
        position = start - 1
    return starts[::-1]


def _is_word(text: str, start: int, end: int) -> bool:
    """True when [start, end) is a whole word: no letter, digit or hyphen joins it on either side."""
    return not ((start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"))
                or (end < len(text) and (text[end].isalnum() or text[end] == "-")))


# ---------------------------------------------------------------------------------------------------
# Sentence markers
# ---------------------------------------------------------------------------------------------------
def _context(text: str, lower: str, sentence: Sentence, cache: dict[int, _Context]) -> _Context:
    """The context of a sentence, one per sentence."""
    context = cache.get(sentence.no)
    if context is None:
        context = cache[sentence.no] = _Context(sentence, text, lower)
    return context


def _cue_label(lower: str, sentence: Sentence, phrase: str, start: int, end: int) -> str | None:
    """The label of one impact cue in its context; "no_damage" for "no damage"; None when negated."""
    label = _CUE_LABEL[phrase]
    if label in ("casualties", "damage") or phrase == "destroyed":
        window_start = max(sentence.start, start - 25)
        if (lower.find("no", window_start, start) >= 0 or lower.find("without", window_start, start) >= 0
                or lower.find("zero", window_start, start) >= 0) and _NEGATED_BEFORE.search(
                    lower, window_start, start):
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


# ---------------------------------------------------------------------------------------------------
# Named places
# ---------------------------------------------------------------------------------------------------
def _named_rows(doc: Document, lower: str, matches: list[re.Match[str]],
                contexts: dict[int, _Context]) -> list[dict]:
    """Rows of the named places the text describes as hit or affected, one per place per sentence."""
    rows: list[dict] = []
    by_sentence: dict[int, list[re.Match[str]]] = {}
    sentences = doc.sentences
    last_index = len(sentences) - 1
    index = 0
    for match in matches:  # in text order, like the sentences
        start = match.start()
        while index < last_index and sentences[index + 1].start <= start:
            index += 1
        by_sentence.setdefault(index, []).append(match)
    text = doc.text
    for no, sentence_matches in by_sentence.items():
        sentence = sentences[no]
        context = _context(text, lower, sentence, contexts)
        if not context.has_cue():
            if no < last_index and _is_heading(text, sentence, sentence_matches):
                # an oblast-by-oblast report: "Kyiv Oblast" on a line of its own heads the paragraph that
                # tells what happened there
                following = sentences[no + 1]
                following_context = _context(text, lower, following, contexts)
                if following_context.has_cue():
                    rows.extend(_heading_rows(text, following_context, sentence_matches[0], no))
            elif (intro := _list_intro(doc, no)) is not None:
                intro_context = _context(text, lower, intro, contexts)
                if intro_context.has_cue() and not intro_context.is_hypothetical(intro.start):
                    rows.extend(_list_item_rows(text, intro_context, sentence, sentence_matches, no))
            continue
        seen: set[tuple[str, str]] = set()
        chains = _chains(text, sentence, sentence_matches)
        typed_countries = _typed_countries(chains)
        for chain in chains:
            if not _accept_chain(text, lower, chain, context):
                continue
            for name in chain:
                resolved = _resolve(name.spelling, name.typed, name.type_word)
                if resolved is None or resolved[:2] in seen:
                    continue
                if not name.typed and typed_countries and resolved[2] not in typed_countries \
                        and _names_a_town(name.spelling):
                    # "Tula Region Governor said a fire broke out in Novomoskovsk": the town of that name in
                    # the region named, not Ukraine's Novomoskovsk
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
                    "impact": _impact(text, context, name.mention_start, name.mention_end),
                    "_sentence_no": no,
                })
    return rows


def _names_a_town(spelling: str) -> bool:
    place = places.lookup(spelling)
    return place is not None and place.city is not None


def _typed_countries(chains: list[list[_Name]]) -> set[str]:
    """The countries of the places a sentence names with their type word ("Tula Region")."""
    countries = set()
    for chain in chains:
        for name in chain:
            if name.typed:
                resolved = _resolve(name.spelling, True, name.type_word)
                if resolved is not None:
                    countries.add(resolved[2])
    return countries


def _is_heading(text: str, sentence: Sentence, matches: list[re.Match[str]]) -> bool:
    """Whether a sentence is one place name alone on its line ("Kyiv Oblast"), between blank lines."""
    if len(matches) != 1 or matches[0].start() != sentence.start:
        return False
    if matches[0].end() != sentence.end and not _HEADING_TYPE.fullmatch(text, matches[0].end(), sentence.end):
        return False
    return text.startswith("\n\n", sentence.end) and (sentence.start == 0
                                                         or text.startswith("\n\n", sentence.start - 2))


def _list_intro(doc: Document, sentence_no: int) -> Sentence | None:
    """The line introducing a list whose item the sentence is ("Ukrenergo said hourly schedules would be applied
    as follows:" above "Chernihiv and Zhytomyr regions: two to three queues"), or None for no list item."""
    text, sentences = doc.text, doc.sentences
    item = sentences[sentence_no]
    if not opens_line(text, item.start) or not _is_list_item(item.text):
        return None
    for back in range(sentence_no - 1, max(-1, sentence_no - _MAX_LIST_ITEMS - 1), -1):
        previous = sentences[back]
        if previous.text.endswith(":"):
            return previous  # the introduction may close a paragraph: "The drones were destroyed as follows:"
        if not opens_line(text, previous.start):
            return None
        if not _is_list_item(previous.text):
            return None  # a line that is no item of the list
    return None


def _is_list_item(line: str) -> bool:
    """Whether a line reads as an item of a list: labelled ("Chernihiv and Zhytomyr regions: two queues") or
    bulleted ("— 27 over the Kursk region;")."""
    return ":" in line[:_MAX_LIST_LABEL] or line[:1] in LIST_BULLETS


def _list_item_rows(text: str, intro: _Context, item: Sentence, matches: list[re.Match[str]],
                    sentence_no: int) -> list[dict]:
    """Rows of the places a list item is labelled with, with the impact its introduction reports."""
    label_end = text.find(":", item.start, min(item.end, item.start + _MAX_LIST_LABEL))
    if label_end < 0:
        label_end = item.end  # a bulleted item: its places wherever they stand
    rows, seen = [], set()
    for chain in _chains(text, item, [m for m in matches if m.end() <= label_end]):
        for name in chain:
            resolved = _resolve(name.spelling, name.typed, name.type_word)
            if resolved is None or resolved[:2] in seen:
                continue
            seen.add(resolved[:2])
            region_name, code, country = resolved
            rows.append({"char_start": name.mention_start, "char_end": name.mention_end, "region_name": region_name,
                         "iso_3166_2": code, "country_iso2": country, "region_count": None,
                         "impact": _impact(text, intro, intro.sentence.start, intro.sentence.start),
                         "_sentence_no": sentence_no})
    return rows


def _heading_rows(text: str, context: _Context, match: re.Match[str], sentence_no: int) -> list[dict]:
    """The row of a heading's place, with the impact of the paragraph under it (`context`)."""
    line_end = text.find("\n", match.start())
    typed = _HEADING_TYPE.fullmatch(text, match.end(), line_end)
    resolved = _resolve(match.group(0), typed is not None, typed.group(1).lower() if typed else None)
    if resolved is None:
        return []
    region_name, code, country = resolved
    return [{"char_start": match.start(), "char_end": line_end, "region_name": region_name, "iso_3166_2": code,
             "country_iso2": country, "region_count": None,
             "impact": _impact(text, context, context.sentence.start, context.sentence.start),
             "_sentence_no": sentence_no}]


def _chains(text: str, sentence: Sentence, matches: list[re.Match[str]]) -> list[list[_Name]]:
    """The names of one sentence's gazetteer matches grouped into coordinated lists, each name marked
    typed or bare."""
    chains: list[list[_Name]] = []
    strict: list[list[_Name]] = []
    previous: _Name | None = None
    for match in matches:
        start, end = match.span()
        spelling = match.group()
        after = _TYPE_AFTER.match(text, end, sentence.end)
        mention_end = after.end() if after and after.group().strip().lower() != "regional" else end
        name = _Name(start, end, spelling, sentence, places.has_type_word(spelling), start, mention_end,
                     type_after=after)
        if previous is None:
            chains.append([name])
            strict.append([name])
        elif (previous.mention_end == previous.end and start - previous.end <= 7
              and text[previous.end:start].lower() in _STRICT_LINKS):
            chains[-1].append(name)
            strict[-1].append(name)
        elif start - previous.mention_end <= 90 and _LOOSE_LINK.fullmatch(text, previous.mention_end, start):
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
    after = last.type_after
    if after:
        if len(group) > 1 and after.group("plural"):
            for name in group:
                name.typed = True
                name.type_word = after.group().split()[-1]
                name.mention_start, name.mention_end = first.start, after.end()
        else:
            last.typed = True
            last.type_word = after.group().split()[-1]
        return
    if not text.endswith(("of ", "of the "), max(first.sentence.start, first.start - 7), first.start):
        return
    before = _TYPE_BEFORE.search(text, max(first.sentence.start, first.start - 40), first.start)
    if before:
        start = before.start() if before.group("adj") else before.start("noun")
        for name in group:
            name.typed = True
            name.type_word = before.group("noun")
            name.mention_start, name.mention_end = start, last.end


@lru_cache(maxsize=4096)
def _resolve(spelling: str, typed: bool, type_word: str | None = None) -> tuple[str, str, str] | None:
    """(English name, ISO 3166-2 code, country) of one spelling as typed (by `type_word` when the text
    gives one: "Kurdistan province" is not "Kurdistan region") or bare, or None."""
    place = places.lookup(spelling)
    if place is None:
        # another country's province, state or region counts only with its type word ("Surin province")
        return places.other_region(spelling, type_word) if typed else None
    return place.typed(type_word) if typed else place.bare()


def _accept_chain(text: str, lower: str, chain: list[_Name], context: _Context) -> bool:
    """True when the list's names are described as hit or affected (see the module docstring)."""
    head, last = chain[0], chain[-1]
    sentence = head.sentence
    if context.is_hypothetical(head.mention_start):
        return False
    words = _words_before(lower, max(sentence.start, head.mention_start - _WINDOW), head.mention_start)
    typed = [name.typed for name in chain]
    if all(typed):
        # a subdivision named with its type word is a place; it only fails as a launch site
        return not _is_origin(words)
    for name in chain:
        name.after = _reading_after(text, name.end, sentence.end)
    if last.mention_end == last.end and last.after == "facility":
        return False
    if head.start == sentence.start and _DATELINE_AFTER.match(text, head.end, sentence.end):
        return False
    if any(typed):
        return not _is_origin(words)
    if _is_origin(words):
        return False  # "launched ... from Cape Chauda in occupied Crimea"
    core = _strip_descriptor(words)
    if len(core) >= 3 and core[-1] == "and" and core[-2] in _COUNTED_REGION_NOUNS:
        # "in 16 regions and the city of Kyiv": the place continues a count after the frame
        core = core[:-3]
    elif len(core) >= 3 and core[-1] == ":" and core[-2] in _COUNTED_REGION_NOUNS:
        # "cut electricity ... in three regions: Chernihiv, Sumy and Poltava": the list names the regions
        # counted, affected when the clause of the count reports an impact
        colon = lower.rfind(":", sentence.start, head.mention_start)
        return context.has_cue_in(*context.subclause(colon - 1, last.end))
    elif len(core) >= 3 and core[-1] in (",", "and") and core[-2] in _LISTED_COUNTRY_WORDS:
        # "downed 1,187 drones over Russia, occupied Crimea, and the Black Sea": a list after a country
        core = core[:-2]
    # only the head stands right after the frame words; the other names of the list have none
    if _accept_bare(head, core) or any(_accept_bare(name, None) for name in chain[1:]):
        return True
    return _is_copular_list_of_hit_places(core) or _accept_locative(lower, chain, core, context)


def _is_copular_list_of_hit_places(core: list[str]) -> bool:
    """True after "the regions hit most often were", "the hardest-hit areas included": a list that names
    the places hit."""
    if not core or core[-1] not in _COPULAS:
        return False
    words = core[-8:-1]
    return any(word in _PLACE_NOUNS for word in words) and any(
        word in _HIT_PARTICIPLES or word.endswith("-hit") for word in words)


def _reading_after(text: str, end: int, limit: int) -> str | None:
    """The _AFTER reading of the text after a name ("facility", "affected", "acts" ...), or None."""
    if text[end:end + 1] not in ("'", "’"):
        following = _NEXT_WORD.match(text, end, limit)
        if following is None:
            return None
        word = following.group(2)
        if word in ("and", "or"):
            # only a list of facility names can follow: "the Vnukovo and Domodedovo airports"
            return "facility" if _FACILITY_AFTER.match(text, end, limit) else None
        if not (following.group(1) or word[0].isupper() or word.endswith("ly")
                or word.lower().startswith(_AFTER_PREFIXES)):
            return None
    match = _AFTER.match(text, end, limit)
    return match.lastgroup if match else None


def _accept_bare(name: _Name, core: list[str] | None) -> bool:
    """True when one bare name stands in a frame that makes it a place that was hit or affected.

    `core` holds the words before the name, descriptors removed; None for a name inside a list.
    """
    if name.after in ("possessed_part", "affected", "facility_in_place"):
        return True
    if name.after in ("possessed_facility", "possessive", "facility", "title"):
        return False
    if core is None or _is_actor(core):
        return False
    # "attacks on Moscow have become more frequent": the frame before the name wins over the verb after it
    return _is_attack_object(core)


def _accept_locative(lower: str, chain: list[_Name], core: list[str], context: _Context) -> bool:
    """True for a list after a locative ("in", "over", "among them") whose own clause reports an impact.

    "Blasts were reported in Odesa" counts; "allies in Kyiv pledged more air defence after the attacks"
    does not: the attack belongs to another clause.
    """
    head, last = chain[0], chain[-1]
    if _is_actor(core) or last.after == "title":
        return False
    if not (_is_locative(core) or (_is_list_intro(core) and last.after != "acts")):
        return False
    return context.has_cue_in(*context.subclause(head.start, last.end))


def _words_before(lower: str, floor: int, position: int) -> list[str]:
    """The words of lower[floor:position]; punctuation (",", ";", ":", ".") as words of their own."""
    if floor > 0 and not lower[floor - 1].isspace():
        space = lower.find(" ", floor, position)  # the window starts mid-word: skip that word
        floor = position if space < 0 else space
    window = lower[floor:position]
    for mark, spaced in _TOKEN_MARKS:
        if mark in window:
            window = window.replace(mark, spaced)
    return window.split()


def _strip_descriptor(words: list[str]) -> list[str]:
    """`words` without the descriptor between a frame and a name ("in [the southern city of] Mykolaiv")."""
    end = len(words)
    for _ in range(8):
        last = words[end - 1] if end else ""
        if last in _ARTICLES or last in _DESCRIPTOR_ADJECTIVES or last.endswith(("-occupied", "-held",
                                                                                  "-controlled")):
            end -= 1
        elif last == "of" and end >= 2 and words[end - 2] in _DESCRIPTOR_NOUNS:
            end = _before_modifiers(words, end - 2)  # "the [Black Sea] port of", "the [Russian] city of"
        elif last in ("city", "town") and end >= 2 and words[end - 2] in _ARTICLES | _DESCRIPTOR_ADJECTIVES:
            end -= 1
        elif last == "," and end >= 2 and words[end - 2] in _DESCRIPTOR_NOUNS:
            # an appositive name: "hit Ukraine's second-largest city, Kharkiv"
            end = _before_modifiers(words, end - 2)
        else:
            break
    return words[:end]


def _before_modifiers(words: list[str], end: int) -> int:
    """Where up to three modifiers of a descriptor noun ending at `end` begin ("the [Black Sea] port")."""
    for _ in range(3):
        if end and words[end - 1] not in _ARTICLES and words[end - 1] not in _FRAME_WORDS:
            end -= 1
        else:
            break
    return end


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
        # the attack word stands right before the preposition, or before a time word: "strikes overnight on"
        for word in reversed(core[-4:-1]):
            if word in _ATTACK_NOUNS:
                return True
            if word not in _TIME_WORDS:
                break
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
    if last in ("in", "at") and before in _SPEECH_VERBS:
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
            if any(w in ("on", "against", "at", "toward", "towards") for w in tail):
                return False  # "the death toll from the strike on Kyiv": what follows "on" was hit
            if any(w in _ATTACK_VERBS for w in tail):
                return False  # "Drones launched by the RSF struck fuel depots in Port Sudan": the verb's place
            while len(tail) > 1 and tail[-1] in _DESCRIPTOR_ADJECTIVES:
                tail.pop()  # "from Cape Chauda in occupied Crimea"
            return len(tail) <= 2 or (len(tail) <= 5 and tail[-1] in ("in", "near", "over", "of"))
    return False


# ---------------------------------------------------------------------------------------------------
# Impact labels
# ---------------------------------------------------------------------------------------------------
def _impact(text: str, context: _Context, start: int, end: int) -> str:
    """The impact label of the mention [start, end): the nearest specific cue of its clause, "strike" when
    its clause holds only generic attack words, else the nearest specific cue of the sentence."""
    sentence = context.sentence
    clause_start, clause_end = sentence.start, sentence.end
    for break_start, break_end in context.clause_breaks():
        if break_end <= start:
            clause_start = break_end
        elif break_start >= end:
            clause_end = break_start
            break
    best_label, best_key, clause_best, clause_key, no_damage = "strike", None, None, None, False
    for cue_start, cue_end, label in context.cues:
        if label == "no_damage":
            no_damage = True
            continue
        distance = start - cue_end if cue_end <= start else (cue_start - end if cue_start >= end else 0)
        key = (distance, _PRIORITY[label])
        if best_key is None or key < best_key:
            best_label, best_key = label, key
        if clause_start <= cue_start < clause_end and (clause_key is None or key < clause_key):
            clause_best, clause_key = label, key
    if clause_best is not None:
        label = clause_best
    elif context.has_generic_in(clause_start, clause_end) and (clause_start, clause_end) != (
            sentence.start, sentence.end):
        label = "strike"
    else:
        # a clause of its own ("Kyiv region - ...") takes the cues of the whole sentence
        label = best_label
    if label == "strike" and _OVER_END.search(text, max(clause_start, start - 12), start):
        label = "drones_shot_down"  # "18 drones over Saratov Oblast"
    if label == "drones_shot_down" and no_damage:
        label = "drones_shot_down_no_damage"
    return label


# ---------------------------------------------------------------------------------------------------
# Counts of regions
# ---------------------------------------------------------------------------------------------------
def _count_nouns(lower: str) -> list[tuple[int, int]]:
    """Spans of the words region(s), province(s), oblast(s) in the lower-cased text."""
    # str.find is several times faster here than a regex scan of the whole text
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
                contexts: dict[int, _Context], name_ends: set[int]) -> list[dict]:
    """Rows of affected-region counts ("eight regions"), with the country they belong to."""
    rows = []
    text = doc.text
    for noun_start, noun_end in nouns:
        if noun_start - 1 in name_ends:
            continue  # "Kharkiv region": a named region, not a count
        sentence = doc.sentence_at(noun_start)
        match = _count_before(text, lower, sentence, noun_start, noun_end)
        if match is None:
            continue
        count = _count_value(match.group("num"))
        if count is None or count <= 0 or count > 200:
            continue
        floor = max(sentence.start, match.start() - _WINDOW)
        context = _context(text, lower, sentence, contexts)
        if (not context.has_cue() or _COUNT_TOTAL_BEFORE.search(text, floor, match.start())
                or context.is_hypothetical(match.start())):
            continue
        start = match.start()
        qualifier = (match.group("qual") or "").lower()
        if qualifier.startswith("over") and not _OVER_AS_QUALIFIER.search(text, floor, match.start()):
            start = match.start("num")  # "downed over nine regions": "over" is the preposition
        rows.append({
            "char_start": start,
            "char_end": match.end(),
            "region_name": None,
            "iso_3166_2": None,
            "country_iso2": _count_country(doc, match, sentence, named),
            "region_count": count,
            "impact": _impact(text, context, start, match.end()),
            "_sentence_no": sentence.no,
        })
    return rows


def _count_before(text: str, lower: str, sentence: Sentence, noun_start: int,
                  noun_end: int) -> re.Match[str] | None:
    """The longest count phrase ending at this region noun ("at least three regions"), or None.

    Walking back from the noun over the words a count phrase may hold between its number and its noun
    ("of Ukraine's 24", "Ukrainian") finds the number; a qualifier ("more than", "at least") may stand
    before it. Only those starts are matched against _COUNT.
    """
    words = lower[max(sentence.start, noun_start - 70):noun_start].split()[-_COUNT_LOOKBACK_WORDS:]
    farthest = 0
    back = 1
    while back <= len(words):
        word = words[-back]
        if word[:1].isdigit() or word.split("-")[0] in _COUNT_NUMBER_WORDS:
            farthest = back
        elif word not in _COUNT_FILLER:
            break
        back += 1
    if not farthest:
        return None
    while back <= len(words) and back <= farthest + 3 and words[-back] in _COUNT_QUALIFIER_WORDS:
        back += 1
    # character offsets of the words from the noun back to the first candidate start
    offsets = []
    offset = noun_start
    for index in range(1, back):
        offset = lower.rfind(words[-index], sentence.start, offset)
        offsets.append(offset)
    end = min(sentence.end, noun_end + 12)
    for start in reversed(offsets):
        match = _COUNT.match(text, start, end)
        if match is not None and match.start("noun") == noun_start:
            return match
    return None


@lru_cache(maxsize=1024)
def _count_value(number: str) -> int | None:
    """The integer of a count's number ("eight" -> 8, "half a dozen" -> 6, "a dozen" -> 12)."""
    if _A_DOZEN.fullmatch(number):
        return 12
    return as_int(parse_number(number))


def _count_country(doc: Document, match: re.Match[str], sentence: Sentence, named: list[dict]) -> str | None:
    """Country of a count: its own words ("Ukrainian regions", "regions of Russia"), else the country of the
    document's affected places, else the side the sentence or the document says was attacked."""
    words = " ".join(match.group(part) or "" for part in ("total", "adj", "country"))
    for code, pattern in _COUNTRY_WORDS:
        if pattern.search(words):
            return code
    countries = [row["country_iso2"] for row in named]
    if countries:
        return max(sorted(set(countries)), key=countries.count)
    for scope in (sentence.text, doc.text):
        # "Russian missiles" hit Ukraine, "Ukrainian drones" hit Russia
        votes = {code: len(pattern.findall(scope)) for code, pattern in _ATTACKED_BY}
        if votes["UA"] != votes["RU"]:
            return max(votes, key=votes.get)
        for patterns in (_LOCATED_IN, _COUNTRY_WORDS):
            votes = {code: len(pattern.findall(scope)) for code, pattern in patterns}
            if votes["UA"] != votes["RU"]:
                return max(votes, key=votes.get)
    return None
