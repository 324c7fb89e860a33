"""weapon_counts: a number (exact or vague) of weapons, munitions or weapon systems.

How a count is read (/work/shared/eval/GOLD_FORMAT.md defines a correct row):
- A number ("37", "1,600", "four", "a hundred", "three dozen", "100+") or a vague quantity ("hundreds
  of", "several", "a record number of") followed by a weapon phrase: up to six modifiers and a head
  noun ("four Shahed suicide drones", "78 air, ground, and sea-launched missiles", "19 F-16 fighter
  jets"), or a model name used as a noun ("six Kinzhals", "four HIMARS"). A head that only modifies
  another noun ("two drone attacks", "missile debris") and numbers that belong to model names, dates,
  money or ids ("Tu-95", "March 9", "$400 million") are no counts; "a"/"an" is not a number.
- A qualifier right before the number sets `qualifier` and the bounds ("more than 300": 301..open);
  it belongs to its own count only, never to a coordinated one.
- "35 of 53 missiles" / "48 out of 53 drones" give two rows (the part and the whole); "87 of the
  missiles" gives one.
- Elliptical counts continue the count before them and take its class: "13 over Rostov Oblast",
  "three more", "119 others", "eight next year", "92 of them", "30 of which", "41 were lost",
  "down 92". A continuation must follow the count without casualty talk in between.
- The class follows the span: a model name sets it (Kalibr -> cruise_missile) unless the head names
  a different kind of thing ("Patriot missiles", "Kalibr carriers"); a plain noun is literal
  ("rockets" -> rocket); one number for two kinds ("215 missiles ... and drones") is `other`.
- Status comes from the verbs around the count, in this order: a verb right after it ("138 drones
  were downed", "two missiles hit a building"), the nearest verb before it in its clause ("shot down
  35 of 53"), the status of the count it continues, an attack or aid noun in the sentence
  ("barrage", "package"), the latest count of the same class nearby, and last whether the article is
  about an attack or about aid. Destroying tanks, launchers or parked aircraft is `other`.

Speed: every scan runs on a lower-cased copy of the text in which each word follows a space, with
alternations compiled as tries (see _alternation); the per-number work starts only where a number
or quantity word is, and status cues are scanned only in the sentences that hold counts. Cheap
exact tests run before costlier ones (a capital before a number, a month's initial after it), and the
class of a phrase is cached, since news repeats its phrases.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from transforms.contract import DATE, INT64, STRING, Column, Table, fact_columns
from transforms.documents import Document, Sentence
from transforms.extract._event_dates import event_date
from transforms.normalize.numbers import NUMBER, TENS, UNITS, as_int, parse_number
from transforms.sentences import LIST_BULLETS

WEAPON_TYPES = ("drone", "missile", "cruise_missile", "ballistic_missile", "guided_bomb", "rocket",
                "artillery_shell", "air_defense_system", "aircraft", "armored_vehicle", "other")
QUALIFIERS = ("exact", "more_than", "at_least", "up_to", "about", "vague")
STATUSES = ("launched", "intercepted", "hit", "supplied", "requested", "other")

TABLE = Table(
    name="weapon_counts",
    description="One row per mention of a number (exact or vague) of weapons, munitions or weapon systems.",
    key="fact_id",
    is_fact=True,
    # 2: no line break in a count; 3: ranges, ellipses; 4: back references, scenarios, civil drones; 5: plain
    # rounds in a report on ammunition, output is not an attack, plain bombs are other, naval drones,
    # counts compared with ("up from about 2,000"); 7: bulleted lists of counts by place, "three each over"
    version="7",
    columns=fact_columns(
        Column("weapon_type", STRING, "Weapon class.", nullable=False, values=WEAPON_TYPES),
        Column("weapon_name", STRING, "Named model when the mention gives one (Shahed, Tomahawk, Kh-101, Patriot)."),
        Column("count_value", INT64, "The number as written (300 in \"more than 300\"); null when vague."),
        Column("count_low", INT64, "Lower bound implied by the wording (\"more than 300\": 301; \"dozens\": 24)."),
        Column("count_high", INT64, "Upper bound implied by the wording (\"up to 50\": 50); null when open."),
        Column("qualifier", STRING, "How the number is qualified.", nullable=False, values=QUALIFIERS),
        Column("vague_word", STRING, "For vague counts, the quantity word: hundreds, dozens, several, record number…"),
        Column("status", STRING, "What happened to the weapons.", nullable=False, values=STATUSES),
        Column("event_date", DATE, "Date of the event when the sentence or the document gives it."),
    ),
)

# ---------------------------------------------------------------------------------------------
# Regex building
# ---------------------------------------------------------------------------------------------


_REGEX_META = frozenset("()[]{}?*+|\\.^$")


def _literal_prefix(alternative: str) -> tuple[str, str]:
    """(literal prefix, regex rest) of a regex alternative: "drones?" -> ("drone", "s?")."""
    i = 0
    while i < len(alternative) and alternative[i] not in _REGEX_META:
        if i + 1 < len(alternative) and alternative[i + 1] in "?*+{":
            break
        i += 1
    return alternative[:i], alternative[i:]


def _alternation(alternatives: list[str], ignore_case: bool = True) -> str:
    """One regex alternation of `alternatives`, factored into a trie of their literal prefixes.

    Python's re tries the branches of an alternation one by one at every position: a flat list of 200
    words costs 200 tests per position, the trie a handful. An alternative may be a pair
    (regex, group name): the group then wraps what follows its literal prefix, to tell which matched.
    """
    trie: dict = {}
    for alternative in alternatives:
        regex, group = alternative if isinstance(alternative, tuple) else (alternative, None)
        prefix, rest = _literal_prefix(regex)
        node = trie
        for char in prefix.lower() if ignore_case else prefix:
            node = node.setdefault(char, {})
        leaf = f"(?P<{group}>{rest})" if group else rest
        if leaf not in node.setdefault("", []):
            node[""].append(leaf)
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    """The regex of one trie node: branches on the next literal character, then the rests ending here."""
    parts = [re.escape(char) + _trie_regex(child) for char, child in node.items() if char]
    # longer rests first and the empty rest last, so that "launched ... with" is tried before "launched"
    parts += sorted(node.get("", []), key=len, reverse=True)
    if len(parts) == 1:
        return parts[0] if len(parts[0]) <= 1 or parts[0].startswith("(?P<") else f"(?:{parts[0]})"
    return "(?:" + "|".join(parts) + ")"


# ---------------------------------------------------------------------------------------------
# Vocabulary: named models
# ---------------------------------------------------------------------------------------------

# (regex of the model's base name, weapon class). Case-sensitive: "HAWK" and "Grad" are names,
# "hawk" and "grad" are not. A variant suffix ("-136/131", "-M/KN-23") and a plural "s" may follow.
_NAMED_MODELS: tuple[tuple[str, str], ...] = (
    # drones and loitering munitions
    (r"Shahed", "drone"), (r"Geran", "drone"), (r"Gerbera", "drone"), (r"Lancet", "drone"),
    (r"Orlan", "drone"), (r"Phoenix Ghost", "drone"), (r"Switchblade", "drone"), (r"Bayraktar", "drone"),
    (r"Mohajer", "drone"), (r"Harop", "drone"), (r"Lyutyi", "drone"), (r"Liutyi", "drone"),
    (r"Magura", "drone"), (r"Sea Baby", "drone"), (r"Supercam", "drone"), (r"Italmas", "drone"),
    # cruise missiles (Kh- missiles are classified by number in _kh_class)
    (r"Kalibr", "cruise_missile"), (r"Zircon", "cruise_missile"), (r"Tsirkon", "cruise_missile"),
    (r"Tomahawk", "cruise_missile"), (r"Storm Shadow", "cruise_missile"), (r"SCALP", "cruise_missile"),
    (r"Taurus", "cruise_missile"), (r"Iskander-K", "cruise_missile"), (r"Neptune", "cruise_missile"),
    (r"Onyx", "cruise_missile"), (r"Oniks", "cruise_missile"), (r"JASSM", "cruise_missile"),
    (r"Harpoon", "cruise_missile"), (r"Flamingo", "cruise_missile"), (r"V-1(?![0-9])", "cruise_missile"),
    # ballistic missiles
    (r"Iskander", "ballistic_missile"), (r"KN-2[345]", "ballistic_missile"),
    (r"Kinzhal", "ballistic_missile"),
    (r"ATACMS", "ballistic_missile"), (r"Tochka", "ballistic_missile"), (r"Oreshnik", "ballistic_missile"),
    (r"Fateh", "ballistic_missile"), (r"Fath-360", "ballistic_missile"), (r"PrSM", "ballistic_missile"),
    (r"Hwasong", "ballistic_missile"), (r"Scud", "ballistic_missile"), (r"V-2(?![0-9])", "ballistic_missile"),
    # other missiles (air-to-surface, anti-tank, air-to-air, interceptors)
    (r"Kh-\d+", "missile"), (r"Javelin", "missile"), (r"Stinger", "missile"), (r"NLAW", "missile"),
    (r"Hellfire", "missile"), (r"AMRAAM", "missile"), (r"AIM-\d+", "missile"), (r"PAC-[23]", "missile"),
    (r"Igla", "missile"), (r"Starstreak", "missile"), (r"Brimstone", "missile"), (r"Sidewinder", "missile"),
    # rockets
    (r"Grad", "rocket"), (r"GMLRS", "rocket"), (r"Uragan", "rocket"), (r"Smerch", "rocket"),
    # guided bombs
    (r"KAB", "guided_bomb"), (r"UMPK", "guided_bomb"), (r"JDAM", "guided_bomb"), (r"GBU-\d+", "guided_bomb"),
    (r"FAB-\d+", "guided_bomb"), (r"AASM", "guided_bomb"),
    # air defence systems
    (r"Patriot", "air_defense_system"), (r"IRIS-T", "air_defense_system"), (r"NASAMS", "air_defense_system"),
    (r"SAMP[-/]T", "air_defense_system"), (r"HAWK", "air_defense_system"), (r"Gepard", "air_defense_system"),
    (r"Crotale", "air_defense_system"), (r"Aspide", "air_defense_system"), (r"Skynex", "air_defense_system"),
    (r"S-[345]00", "air_defense_system"), (r"Pantsir", "air_defense_system"), (r"Buk", "air_defense_system"),
    (r"Tor-M\d", "air_defense_system"), (r"Avenger", "air_defense_system"),
    (r"Skyranger(?: 30| 35)?", "air_defense_system"), (r"RBS 70", "air_defense_system"),
    (r"Strela(?:-10)?", "air_defense_system"),
    # aircraft
    (r"F-(?:15|16|18|35)", "aircraft"), (r"F/A-18", "aircraft"), (r"Mirage(?: 2000)?", "aircraft"),
    (r"Gripen", "aircraft"), (r"Rafale", "aircraft"), (r"Eurofighter", "aircraft"), (r"MiG-\d+", "aircraft"),
    (r"Su-\d+", "aircraft"), (r"Tu-\d+", "aircraft"), (r"A-50", "aircraft"), (r"Il-\d+", "aircraft"),
    (r"Ka-\d+", "aircraft"), (r"Mi-\d+", "aircraft"), (r"Apache", "aircraft"), (r"Black Hawk", "aircraft"),
    # armoured vehicles
    (r"Abrams", "armored_vehicle"), (r"M1A[12]", "armored_vehicle"),
    (r"Leopard(?: [12](?:A\d)?)?", "armored_vehicle"), (r"Challenger(?: 2)?", "armored_vehicle"),
    (r"Bradley", "armored_vehicle"), (r"Marder", "armored_vehicle"), (r"Stryker", "armored_vehicle"),
    (r"M113", "armored_vehicle"), (r"T-(?:55|62|64|72|80|90)", "armored_vehicle"),
    (r"BMP", "armored_vehicle"),
    (r"BTR", "armored_vehicle"), (r"CV90", "armored_vehicle"), (r"AMX-10", "armored_vehicle"),
    (r"Humvee", "armored_vehicle"), (r"MaxxPro", "armored_vehicle"),
    # launchers and artillery (GOLD_FORMAT: HIMARS and M270 launchers are `other`)
    (r"HIMARS", "other"), (r"M270", "other"), (r"M142", "other"), (r"MLRS", "other"), (r"Caesar", "other"),
    (r"M777", "other"), (r"PzH 2000", "other"), (r"Krab", "other"), (r"Archer", "other"),
    (r"Zuzana", "other"),
    (r"Bohdana", "other"), (r"M109", "other"), (r"TOS-1", "other"),
)

# Kh- missiles by number: the strategic bombers' cruise missiles, Kinzhal's designation, and the rest
# air-to-surface / anti-ship missiles (GOLD_FORMAT labels "Kh-59/Kh-69 ... missiles" as missile).
_KH_CRUISE = frozenset({"101", "102", "555", "55", "22", "32"})
_KH_BALLISTIC = frozenset({"47"})
_KH_NUMBER_RE = re.compile(r"Kh-(\d+)")

# Classes of launch platforms: a munition head noun after one of these names the munition, not the
# platform ("Patriot missiles" are missiles, "HIMARS rockets" rockets, "Patriot launchers" systems).
_PLATFORM_CLASSES = frozenset({"air_defense_system", "other", "aircraft", "armored_vehicle"})
_MUNITION_CLASSES = frozenset({"missile", "rocket", "guided_bomb", "artillery_shell"})
# Things that fly to their target: a platform noun after their name names their launcher or carrier.
_AIRBORNE_CLASSES = frozenset({"drone", "missile", "cruise_missile", "ballistic_missile", "rocket",
                               "guided_bomb", "artillery_shell"})
# Classes whose destruction is a loss claim (`other`), not an interception.
_GROUND_CLASSES = frozenset({"air_defense_system", "armored_vehicle"})

# ---------------------------------------------------------------------------------------------
# Vocabulary: noun phrases
# ---------------------------------------------------------------------------------------------

# A named-model token: base, variant suffixes ("-136/131", "-M/KN-23", "/Kh-69"), "-type", plural "s".
_NAME_TOKEN = (
    rf"(?-i:{_alternation([base for base, _ in _NAMED_MODELS], ignore_case=False)}"
    r"[0-9A-Z]*(?:[-/][0-9A-Z][\w]*)*(?:-(?:type|style|class|like|series))?s?)"
)

# Head nouns of a weapon phrase (one word, or a fixed multi-word unit). Which of them really name
# weapons is decided by _head_class from the whole phrase ("systems" needs "air defense" or a model).
_HEAD_NOUNS = [
    r"loitering munitions?", r"rounds of (?:[a-z0-9-]+ ){0,2}?(?:ammunition|shells|munitions)",
    r"means of (?:air )?attack",
    r"drones?", r"UAVs?", r"UASs?", r"USVs?", r"quadcopters?", r"missiles?", r"interceptors?", r"rockets?",
    r"bombs?", r"shells?", r"rounds", r"projectiles?", r"aircraft", r"warplanes?", r"jets?", r"planes?",
    r"bombers?", r"helicopters?", r"fighters?", r"tanks?", r"vehicles?", r"APCs?", r"IFVs?", r"MRAPs?",
    r"carriers?", r"howitzers?", r"mortars?", r"launchers?", r"systems?", r"batteries", r"battery", r"units?",
    r"complexes", r"guns?", r"pieces?", r"warships?", r"landing ships?", r"submarines?", r"frigates?",
    r"corvettes?", r"boats?",
    r"landmines", r"mines", r"targets?", r"weapons?", r"munitions?", r"objects?",
]
_HEAD_NOUN = _alternation(_HEAD_NOUNS)

# Words that cannot sit between a number and its head noun: function words, verbs that end the
# phrase, quantity words, other count nouns, and plural weapon nouns (a plural head closes its phrase).
_STOP_WORDS = (
    "the a an of in on at to from by with without for and or but nor that which who whom whose where when "
    "while as than were was is are be been being have has had do does did will would could should may might "
    "must can shall it its their they them his her he she we our us you your this these those there here per "
    "each every between into onto over under after before during since until about around against toward "
    "towards across through via among amid including plus not no so if then also only just all both either "
    "neither said says say told reported according killed killing injured injuring wounded wounding hit "
    "hitting struck striking fell flew landed exploded damaged damaging destroyed downed launched fired shot "
    "intercepted hundred hundreds thousand thousands million billion dozen dozens scores several numerous "
    "people persons civilians children adults residents soldiers troops servicemen personnel workers "
    "miners casualties deaths victims percent cent km kilometers kilometres miles meters metres feet days "
    "hours minutes seconds weeks months years times regions oblasts provinces cities towns villages "
    "districts areas buildings homes houses apartments facilities sites plants stations substations types "
    "kinds "
    "variants models dollars euros tons tonnes attacks strikes explosions blasts hits waves sorties "
    "drones uavs missiles rockets bombs shells rounds jets planes tanks targets weapons munitions "
    "interceptors launchers howitzers systems"
).split()
# "multiple" is a quantity word except in the type name "multiple launch rocket system"
_STOP = _alternation(_STOP_WORDS + list(UNITS) + list(TENS) + [r"multiple(?! (?:launch|rocket)\b)"])

_MOD_WORD = rf"(?!{_STOP}(?![\w'’-]))(?:[A-Za-z][\w'’]*(?:[-/.]+[\w'’]+)*|\d+-?mm)"
# Adjectives that may be coordinated inside one phrase: "air, ground, and sea-launched missiles",
# "ballistic and cruise missiles", "short- and medium-range missiles".
_COORD_ADJ = (
    r"(?:air|ground|sea|land|surface|ship|submarine|naval|cruise|ballistic|hypersonic|supersonic|subsonic"
    r"|guided|unguided|attack|strike|combat|reconnaissance|kamikaze"
    r"|[A-Za-z]+-(?:launched|based|range|made|built|type)|[A-Za-z]+-)"
)
# The phrase patterns run on the lower-cased scan text (case-insensitive matching is slow in re);
# whether a head really is a model name ("Grad" rockets, not "grad") is checked on the original text.
_NAME_TOKEN_LOWER = (
    rf"(?:{_alternation([base.lower() for base, _ in _NAMED_MODELS])}"
    r"[0-9a-z]*(?:[-/][0-9a-z][\w]*)*(?:-(?:type|style|class|like|series))?s?)"
)
# A modifier: a coordinated adjective, a model name ("Leopard 2A6 tanks") or any other word but a stop word.
_MOD = rf"(?:{_COORD_ADJ}(?: ?, (?:(?:and|or) )?| (?:and|or) )|{_NAME_TOKEN_LOWER} |{_MOD_WORD} )"
_PHRASE = rf"(?P<mods>{_MOD}{{0,6}})(?P<head>{_NAME_TOKEN_LOWER}|{_HEAD_NOUN})(?![\w'’-])"

# Nouns after which a weapon "head" is only a modifier: "drone attacks", "missile debris".
_COMPOUND_TAILS = frozenset(
    """
    attack attacks strike strikes raid raids fragment fragments debris wreckage part parts component
    components production producer producers factory factories plant plants operator operators pilot pilots
    crew crews team teams brigade brigades battalion battalions regiment regiments unit units force forces
    troops manufacturer manufacturers maker makers program programs programme programmes alert alerts warning
    warnings threat threats launch launches type types variant variants model models kind kinds defense
    defence defenses defences barrage barrages salvo salvos wave waves swarm swarms technology technologies
    capability capabilities stock stocks stockpile stockpiles supplies shipment shipments delivery deliveries
    package packages range ranges siren sirens hits impact impacts boat boats ship ships site sites base
    bases depot depots hangar hangars storage warehouse warehouses industry industries sector market deal
    deals contract contracts agreement agreements purchase purchases sale sales export exports import imports
    order orders cost costs price prices test tests trial trials exercise exercises drill drills incident
    incidents sighting sightings activity danger fire terror shelter shelters shield shields fuel battery
    control station stations workshop workshops lab labs laboratory laboratories school schools
    """.split()
)

# Head nouns and the class they give when nothing else in the phrase decides.
_HEAD_CLASS = {
    "drone": "drone", "uav": "drone", "uas": "drone", "usv": "drone", "quadcopter": "drone",
    "missile": "missile", "interceptor": "missile", "rocket": "rocket", "bomb": "guided_bomb",
    "shell": "artillery_shell", "aircraft": "aircraft", "warplane": "aircraft", "jet": "aircraft",
    "plane": "aircraft", "bomber": "aircraft", "helicopter": "aircraft", "apc": "armored_vehicle",
    "ifv": "armored_vehicle", "mrap": "armored_vehicle", "howitzer": "other", "mortar": "other",
    "warship": "other", "landing ship": "other", "submarine": "other", "frigate": "other",
    "corvette": "other", "landmine": "other",
    "target": "other", "weapon": "other", "munition": "other",
}
_GROUND_HEADS = frozenset({"howitzer", "mortar", "warship", "landing ship", "submarine", "frigate",
                           "corvette", "landmine"})
# Singular weapon nouns: as a modifier they must sit right before the head ("missile defense systems");
# further away they are the subject of a new clause ("one missile struck tanks").
_GENERIC_SINGULARS = frozenset({"drone", "missile", "rocket", "uav", "bomb", "shell", "tank", "jet"})

# ---------------------------------------------------------------------------------------------
# Vocabulary: quantities and qualifiers
# ---------------------------------------------------------------------------------------------

# Matched on the lower-cased text.
_VAGUE = _alternation([
    r"tens of thousands of", r"hundreds of thousands of",
    r"several hundred", r"several thousand", r"several dozen", r"a few hundred", r"a few thousand",
    r"a few dozen",
    r"hundreds of", r"dozens of", r"scores of", r"thousands of", r"millions of", r"tens of",
    r"hundreds(?= more\b)", r"dozens(?= more\b)", r"scores(?= more\b)", r"thousands(?= more\b)",
    r"an? (?:record|significant|large|huge|substantial|considerable|massive|unprecedented|growing"
    r"|increasing|limited|small|unspecified|undisclosed|unknown) number of",
    r"an? number of", r"a handful of", r"a couple of", r"a few", r"several",
    r"an? (?:barrage|salvo|volley|swarm|wave) of",
    r"multiple(?! (?:launch|rocket) )", r"numerous",
])
# Lower bounds of vague words (the task's convention: "dozens" 24, "hundreds" 200, "scores" 40,
# "several" 3, and multiples of the scale words); the others state no bound.
_VAGUE_LOW = {
    "dozens": 24, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000, "scores": 40, "tens": 20,
    "several": 3,
    "tens of thousands": 20_000, "hundreds of thousands": 200_000, "several hundred": 300,
    "several thousand": 3_000, "several dozen": 36, "few hundred": 200, "few thousand": 2_000,
    "few dozen": 24,
}

# Qualifier phrases right before a number (looked up on the last words before it).
_QUALIFIER_OF = {
    **dict.fromkeys(("more than", "over", "in excess of", "upwards of", "well over", "just over"),
                    "more_than"),
    **dict.fromkeys(("at least", "no fewer than", "no less than", "not less than", "a minimum of"),
                    "at_least"),
    **dict.fromkeys(("up to", "as many as", "fewer than", "less than", "no more than", "not more than",
                     "at most", "a maximum of"), "up_to"),
    **dict.fromkeys(("about", "around", "nearly", "almost", "some", "approximately", "roughly",
                     "an estimated", "estimated", "close to", "circa", "just under", "an approximate"),
                    "about"),
}
# Prefixes that make a bare number continue an earlier count by themselves: "with the remaining six downed",
# "a further 50 lost".
_REMAINDERS = ("the remaining", "the other", "a further", "another", "an additional")
# Words before a number that belong to the mention without qualifying it: "all five", "Record 267".
_PREFIXES = frozenset({"all", "a record", "record", *_REMAINDERS})
_REMAINDER_PREFIXES = tuple(f"{prefix} " for prefix in _REMAINDERS)
_LAST_WORDS_BEFORE_NUMBER = frozenset(phrase.rsplit(" ", 1)[-1] for phrase in (*_QUALIFIER_OF, *_PREFIXES))
# The vocabularies _qualifier_before looks up, in order, each with the last words of its phrases.
_BEFORE_NUMBER_VOCABULARIES = tuple(
    (vocabulary, frozenset(phrase.rsplit(" ", 1)[-1] for phrase in vocabulary))
    for vocabulary in (_PREFIXES, _QUALIFIER_OF)
)
_OPENING_MARKS = "\"“‘'(["
_SIMPLE_NUMBER_WORDS = {**UNITS, **TENS}
# "nearly 40" lies below 40; "about 40" on either side of it.
_BELOW_WORDS = frozenset({"nearly", "almost", "just under", "close to"})

_MONTHS = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
           r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
_WEEKDAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"

# First words of a number or quantity expression: the candidate scan tests these before the full
# NUMBER pattern, which is too slow to try at every position.
_NUMBER_STARTS = _alternation(
    list(UNITS) + list(TENS) + ["half a", "a hundred", "a thousand", "a million", "a billion", "an? dozen",
                                "hundreds", "dozens", "scores", "thousands", "millions", "tens", "several",
                                "multiple",
                                "numerous", "a few", "a handful", "a couple", "an? [a-z]+ number", "a number",
                                "an number", "an? (?:barrage|salvo|volley|swarm|wave) of"]
)

# ---------------------------------------------------------------------------------------------
# Compiled patterns
# ---------------------------------------------------------------------------------------------

# The text the scans run on (_scan_text): lower-cased, with line breaks, quotes, brackets and dashes
# made spaces, so that every word to find follows a space (a pattern starting with a literal space is
# searched much faster than one starting with \b). One character for one: offsets are unchanged.
_SCAN_SPACES = "\n\"“”‘([—–"
_SCAN_TABLE = str.maketrans(
    {**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}, **dict.fromkeys(_SCAN_SPACES, " ")}
)
# Words of war news. A document without any of them has no weapon counts (trade news); in one
# without them, "aircraft", "jets" and "planes" are civil unless the phrase says otherwise.
_MILITARY_WORDS = [
    "drone", "uav", "uas", "usv", "quadcopter", "missile", "interceptor", "rocket", "bomb", "shell",
    "munition", "ammunition", "artillery", "projectile", "fighter", "tank", "armored", "armoured", "apc",
    "ifv", "mrap", "personnel carrier", "howitzer", "mortar", "launcher", "air defen", "self-propelled",
    "landmine", "warship", "warplane", "submarine", "frigate", "corvette", "weapon", "aerial", "means of",
    "air force", "troops", "invasion", "front line", "frontline", "unmanned", "uncrewed",
] + [base.lower() for base, _ in _NAMED_MODELS]
_HINT_RE = re.compile("[ -]" + _alternation(_MILITARY_WORDS + ["aircraft", "jet", "plane", "helicopter"]))
_MILITARY_RE = re.compile("[ -]" + _alternation(_MILITARY_WORDS))  # over " " + the scan text
_MILITARY_AIRCRAFT_RE = re.compile(
    r"\b(?:combat|fighter|fighters|military|war|attack|strategic|bombers?|reconnaissance|surveillance|strike"
    r"|stealth|warplanes?|helicopter gunships?)\b",
    re.IGNORECASE,
)
# Drones that are not weapons: a light show, a delivery or camera drone. A sentence with a show word and no
# word of war ("1,000 drones formed a white eagle ... the region's largest light show") counts show drones.
_CIVIL_DRONE_MODIFIER_RE = re.compile(
    r"\b(?:delivery|light[- ]show|show|camera|consumer|agricultural|crop[- ]spraying|hobby|racing|toy|civilian"
    r"|commercial|photography|survey(?:ing)?) (?:drones?|uavs?)\b", re.IGNORECASE)
# Nouns only: "Video shows 30 drones over Kyiv" is news of war.
_DRONE_SHOW_RE = re.compile(
    r"\b(?:light[- ]shows?|drone shows?|(?:a|the|largest|biggest) show|\d[\d,]* shows|display of|fireworks"
    r"|formation|skyline"
    r"|guinness|spectators|choreograph\w*|LEDs?)\b", re.IGNORECASE)
_WAR_WORDS_RE = re.compile(
    r"\b(?:attack\w*|shot down|downed|intercept\w*|destroy\w*|strik(?:e|es|ing)|struck|hit|launch\w*|fired"
    r"|firing|military|army|war|front|shaheds?|kamikaze|explosives?|warheads?|air (?:defen[cs]e|raid)|enemy"
    r"|forces|troops|combat|fpv|first-person|reconnaissance|swarm|rigged)\b", re.IGNORECASE)
_PHRASE_RE = re.compile(" " + _PHRASE)  # lower-cased text
_NAME_RE = re.compile(rf"\b{_NAME_TOKEN}(?![\w])")
# The base of a model token, in _NAMED_MODELS order (so "Iskander-K" is tried before "Iskander"); the
# group name gives the model's index.
_MODEL_SUFFIX_RE = re.compile(r"-(?:type|style|class|like|series)s?$")
_BASE_RE = re.compile(_alternation([(base, f"m{i}") for i, (base, _) in enumerate(_NAMED_MODELS)],
                                    ignore_case=False))
_X_OF_Y_RE = re.compile(
    rf" (?:out )?of (?:(?:the|its|their|our|these|those|Russia's|Ukraine's) )?"
    # "14 of at least 22 drones": the whole may carry its own qualifier
    rf"(?:(?:at least|about|around|some|nearly|almost|more than|over|up to|roughly) )?(?P<num>{NUMBER})(?=[ ])",
    re.IGNORECASE,
)
# The upper end of a range after its lower number: "between 50 and 60 Bradleys", "50 to 60 drones",
# "50-60 drones". Lower-cased text.
_RANGE_UPPER_RE = re.compile(rf"(?: (?P<word>and|to) |[-–])(?P<num>{NUMBER})(?![\w,])")
_OF_THE_RE = re.compile(r" of (?:the|these|those|its|their|our|Russia's|Ukraine's)(?= )", re.IGNORECASE)
_SPACES_RE = re.compile(r"\s+")
_ARTICLE_OR_OF_RE = re.compile(r"^an? | of$")  # around a vague word: "a few" -> few, "dozens of" -> dozens
# "92 of them"; "one of these strikes" counts strikes, so "these" and "those" must stand alone
_OF_PRONOUN_RE = re.compile(r" of (?:them|which|(?:those|these)(?! (?!were\b|was\b|had\b|have\b)[a-z]))\b",
                            re.IGNORECASE)
_HYPHEN_COMPOUND_RE = re.compile(r"-(?P<head>drone|missile|rocket|UAV|Shahed)(?![\w-])", re.IGNORECASE)
_OF_TYPES_RE = re.compile(r" of (?:various|different|all|several|multiple|many) (?:types|kinds|models)",
                          re.IGNORECASE)
_COORDINATED_HEAD_RE = re.compile(  # lower-cased text
    rf" (?:and|or|as well as) (?P<other>other (?:types of |kinds of )?)?(?P<mods>{_MOD}{{0,3}})"
    rf"(?P<head>{_NAME_TOKEN_LOWER}|{_HEAD_NOUN})(?![\w'’-])"
)
# The next word is one of _COMPOUND_TAILS ("drone attacks"). Lower-cased text.
_COMPOUND_TAIL_RE = re.compile(rf" {_alternation(sorted(_COMPOUND_TAILS))}(?![a-z])")
_CONJUNCTIONS = (" and ", " or ", " as well as ")
_SUPERLATIVE_RE = re.compile(r"\b(?:most|least|\w{3,}est)\b", re.IGNORECASE)

# Elliptical counts: a bare number continuing an earlier count.
_ELLIPSIS_FOLLOWERS = (
    r"(?=[,.;:!?)\"”’]|$| (?:and|or|were|was|had|have|has|are|is|also|for|in|over|on|near|above|across"
    r"|from|to|which|that|while|but|fell|crashed|came|went|got|reached|hit|struck|overnight|nationwide"
    r"|flew|headed|veered|strayed|exploded|remain|remained|disappeared|vanished|before|after|by|within|until"
    r"|this|next)\b)"
)
_ELLIPSIS_MORE_RE = re.compile(rf" (?:more|others|other){_ELLIPSIS_FOLLOWERS}", re.IGNORECASE)
_ELLIPSIS_PLACE_RE = re.compile(
    # "13 over Rostov Oblast", "41 over the territory of the Bryansk Region", "11 flying toward Moscow", "three each
    # over the Lipetsk, Ryazan and Tambov regions"
    rf"(?: each)? (?:over|above|near|in|across|off|(?:flying|heading|headed) (?:towards?|to|for|at))"
    r" (?:the )?(?:(?:territory|territories|waters|skies|airspace) of (?:the )?)?"
    rf"(?!(?:{_MONTHS}|{_WEEKDAYS})\b)[A-Z][\w'’-]*"
    r"(?: (?:of (?:the )?)?[A-Z][\w'’-]*)*"
    r"(?: (?:region|oblast|province|area|district|city|krai|republic|coast|border))?"
)
_ELLIPSIS_TIME_RE = re.compile(
    rf" (?:(?:next|this|last) (?:year|month|week)|(?:later|earlier) this (?:year|month)|in (?:19|20)\d\d\b"
    rf"|in (?:{_MONTHS})\b|on (?:{_WEEKDAYS})\b"
    rf"|by (?:the end of )?(?:the year|next year|this year|(?:19|20)\d\d|(?:{_MONTHS})\b))"
)
_BARE_AFTER_RE = re.compile(_ELLIPSIS_FOLLOWERS)
# What may follow the number of any elliptical count (a superset of the patterns above). Scan text.
_ELLIPSIS_START_RE = re.compile(
    r"(?:[,.;:!?)’]|$|  ?(?:more|others?|each|over|above|near|in|across|off|of|next|this|last|later|earlier|by"
    r"|flying|heading|headed|on|were|was|have|had|has|are|is|and|or|also|for|to|from|which|that|while|but|fell|crashed|came"
    r"|went|got|reached|hit|struck|overnight|nationwide|shot|downed|destroyed|intercepted|neutrali[sz]ed"
    r"|jammed|lost|flew|veered|strayed|exploded|remain|remained|disappeared|vanished|before|after|within"
    r"|until)\b)"
)
# Verbs that govern a bare number: "shot down 92", "shoot down 92 of them", "Belgium will provide 30".
# The verb's last word is part of the mention: "down 92", "provide 30".
# "up from about 2,000", "down from 300", "compared with 1,200": a count of the same weapons at another time.
_COMPARISON_BEFORE_RE = re.compile(r" (?:up|down) from (?:(?:about|around|nearly|some|roughly|almost|over|more than|"
                                   r"fewer than|less than) )?$| compared (?:with|to) (?:about |around )?$")
_CLAUSE_OPENERS = ("; ", ", and ", " and ", ", while ", " while ", ", but ", " but ")
_COMPARISON_ENDINGS = (" from ", " with ", " to ", " about ", " around ", " nearly ", " some ", " roughly ",
                       " almost ", " over ", " than ")
_GOVERNING_VERBS = frozenset(
    "down downed downs destroyed destroy intercepted intercept neutralized neutralised launched launch fired "
    "used provided provide delivered deliver sent send supplied supply donated donate pledged gave give "
    "received receive".split()
)
# Plural weapon nouns a governed bare number may refer back to: "Russia attacked with drones. Air
# defence units downed 25". Lower-cased text.
_BARE_HEAD_RE = re.compile(
    r" (?P<head>drones|uavs|missiles|rockets|shaheds|bombs|shells|jets|tanks|interceptors|aircraft)\b"
)
_SCENARIO_OPENING = re.compile(r"[\"“]?(?:If|Suppose|Imagine|What if)\b(?! (?:confirmed|true|verified)\b)")
_IF_WORD = re.compile(r"\b(?:if|suppose|supposing|imagine)\b(?! (?:confirmed|true|verified)\b)")
_FRONTED_ATTRIBUTION = re.compile(r"(?:[Aa]ccording to|[Ii]n all|[Ii]n total|[Oo]verall|[Ss]o far)[^,\d]{0,40},")
# A definite plural weapon noun phrase that later counts may refer back to: "The ballistic missiles were not
# intercepted. Two of them hit ...", "Of the cruise missiles, seven were shot down". Lower-cased scan text.
_DEFINITE_HEAD_RE = re.compile(
    r" (?:the|those|these) (?P<mods>(?:[a-z][\w-]* ){0,2}?)"
    r"(?P<head>drones|uavs|missiles|rockets|shaheds|bombs|shells|jets|interceptors)\b"
)
# "Of the 36 missiles, 22 were ballistic": a subgroup named by its class. Text after the number.
# "22 were ballistic", "The remaining 16 were Kh-101 cruise missiles"
_SUBCLASS_RE = re.compile(r" (?:were|was) (?:(?:[A-Z]\w*-\d+\w*|Kalibr|Kinzhal|Iskander(?:-M)?|Zircon|Oniks)"
                          r" )?(?P<kind>ballistic|cruise)\b(?! missiles? (?:that|which)\b)", re.IGNORECASE)
_SUBCLASS_TYPES = {"ballistic": "ballistic_missile", "cruise": "cruise_missile"}
_MISSILE_TYPES = frozenset({"missile", "ballistic_missile", "cruise_missile"})
# Words across which an elliptical count cannot continue a weapon count: it counts casualties
# ("fired 40 missiles, killing 12 people; 3 more died").
_CASUALTY_WORDS = frozenset(
    "killed injured wounded hurt died dead hospitalized hospitalised evacuated people civilians persons "
    "residents children".split()
)
# Words in -ing between a count and a bare number that do not start a casualty clause: "143 drones,
# including 25 over the Moscow region".
_NOT_CASUALTY_ING = frozenset({"including", "according", "during"})

# Number guards. A number right after one of these words is part of a model name ("Leopard 2"),
# an id ("No. 4", "Section 301") or a date ("March 9", "Oct. 1"); a four-digit number after one of
# _WORDS_BEFORE_YEARS is a year.
_WORDS_BEFORE_NON_COUNTS = frozenset(
    "Leopard Challenger Mirage PzH Marder Gepard Patriot Su MiG Tu RBS No Nos Section Article Resolution "
    "Flight Route Unit Number Jan January Feb February Mar March Apr April May Jun June Jul July Aug August "
    "Sep Sept September Oct October Nov November Dec December".split()
)
_WORDS_BEFORE_YEARS = frozenset(
    "in since by of until from before after during early late mid summer spring winter autumn fall year the "
    "through to".split()
)
_MONTH_AFTER_RE = re.compile(rf" (?:{_MONTHS})\b")
_MONTH_INITIALS = "JFMASOND"  # a cheap test before _MONTH_AFTER_RE

# Status cues, by kind. Strong cues are verbs about what happened to the weapons; weak cues are nouns
# of attacks and of aid, used only when no verb decides. Every alternative starts with a letter.
_CUES: dict[str, list[str]] = {
    "hit": [r"hit (?:their|its|the|intended) targets?", r"struck (?:their|its|the|intended) targets?",
            r"reached (?:their|its|the|intended) targets?", r"got through", r"broke through",
            r"were not (?:intercepted|shot down|downed)", r"was not (?:intercepted|shot down|downed)",
            r"evaded (?:air )?defen[cs]es", r"penetrated", r"hits by", r"hits from", r"impacts of"],
    "other": [r"jamm(?:ed|ing)", r"electronic warfare", r"electronic countermeasures", r"suppressed",
              r"locationally lost", r"lost", r"went missing", r"disappeared", r"vanished", r"failed to reach",
              r"did not reach", r"didn't reach", r"crashed", r"diverted", r"redirected",
              r"captur(?:ed|e|ing)",
              r"seiz(?:ed|e)", r"produc(?:ed|es|e|ing)", r"production", r"output", r"manufactur(?:ed|es|e|ing)",
              r"buil(?:d|ds|t|ding)",
              r"stockpil(?:ed|es|e|ing)", r"amass(?:ed|es|ing)?", r"damag(?:ed|ing)", r"sank", r"sunk",
              r"sinking"],
    "intercepted": [r"shot down", r"shoot down", r"shoots down", r"shooting down", r"brought down",
                    r"bring down", r"brings down", r"bringing down", r"took down", r"take down",
                    r"takes down", r"taking down", r"knocked down", r"knock down", r"gunned down", r"downed",
                    r"downs", r"downing", r"destroy(?:ed|s|ing)?", r"intercept(?:ed|s|ing)?",
                    r"neutrali[sz](?:ed|es|ing|e)", r"repel(?:led|s|ling)?", r"eliminat(?:ed|es|ing|e)",
                    r"thwart(?:ed|s)?", r"foil(?:ed|s)?"],
    "requested": [r"ask(?:ed|s|ing)?", r"request(?:ed|s|ing)?", r"seek(?:s|ing)?", r"sought", r"must have",
                  r"needs?", r"needed", r"appeal(?:ed|s|ing)? for", r"press(?:ed|es|ing)? for",
                  r"push(?:ed|es|ing)? for", r"call(?:ed|s|ing)? for", r"urg(?:ed|es|ing|e)",
                  r"want(?:s|ed)?",
                  r"plead(?:ed|s|ing)?", r"lobb(?:y|ied|ies|ying)", r"demand(?:ed|s|ing)?",
                  r"hop(?:e|es|ed|ing) (?:for|to get|to receive|to secure|to obtain|to buy|to acquire|to purchase)",
                  r"wish list",
                  r"requir(?:ed|es|e)"],
    "supplied": [r"pledg(?:ed|es|e|ing)", r"promis(?:ed|es|e|ing)", r"deliver(?:ed|s|ing|y|ies)?",
                 r"provid(?:ed|es|e|ing)", r"suppl(?:y|ied|ies|ying)", r"donat(?:ed|es|e|ing|ion)",
                 r"transferr?(?:ed|s|ing)?", r"hand(?:ed|s|ing)? over", r"give(?:s|n)?", r"gave", r"giving",
                 r"receiv(?:ed|es|e|ing)", r"will get", r"to get", r"arriv(?:ed|es|e|ing|al)",
                 r"ship(?:ped|ping|ments?)", r"sell(?:s|ing)?", r"sold", r"buy(?:s|ing)?", r"bought",
                 r"purchas(?:ed|es|e|ing)", r"procur(?:ed|es|e|ing|ement)", r"order(?:ed|s)",
                 r"commit(?:ted|s)?", r"allocat(?:ed|es|e|ing)", r"approv(?:ed|es|e|ing)",
                 r"contribut(?:ed|es|e|ing)", r"lend(?:s|ing)?", r"lent", r"offer(?:ed|s|ing)?",
                 r"earmark(?:ed|s)?", r"due(?! to\b)", r"fund(?:ed|s|ing)?", r"financ(?:ed|es|e|ing)"],
    # "sent" is aid in an aid story and an attack in an attack story: resolved by the document's mode
    "send": [r"sen[dt]", r"sends", r"sending"],
    "launched": [r"launch(?:ed|es|ing)?", r"fir(?:ed|es|e|ing)", r"us(?:ed|es|e|ing)", r"hurl(?:ed|s|ing)?",
                 r"unleash(?:ed|es|ing)?", r"deploy(?:ed|s|ing)?",
                 r"attack(?:ed|s|ing)?(?: [a-z']+){0,3} with",
                 r"struck(?: [a-z']+){0,3} with", r"strik(?:es|e|ing)(?: [a-z']+){0,3} with",
                 r"hit(?:s|ting)?(?: [a-z']+){0,3} with", r"target(?:ed|s|ing)(?: [a-z']+){0,3} with",
                 r"aimed",
                 r"released", r"dropp(?:ed|ing)", r"lobbed", r"flew"],
    "weak_launched": [r"attack(?:ed|s|ing)?", r"airstrikes?", r"assaults?", r"barrages?", r"salvos?",
                      r"waves?", r"strikes?", r"struck", r"raids?", r"bombardment", r"onslaught", r"arsenal",
                      r"hitting", r"slam(?:med|s)?", r"against", r"targeted"],
    "weak_supplied": [r"packages?", r"aid", r"assistance", r"military support"],
    # only as the verb right after a count ("two missiles hit a building"): `hit` when the sentence
    # also reports interceptions, else the attack wave itself (`launched`, GOLD_FORMAT rule 7)
    "impact": [r"hit", r"struck", r"slammed(?: into)?", r"smashed into", r"crashed into", r"landed"],
}
_STRONG = frozenset({"hit", "other", "intercepted", "requested", "supplied", "send", "launched"})
# One named group per cue alternative (re has no per-branch labels); the group name gives the kind.
_CUE_KIND_OF_GROUP: dict[str, str] = {}


def _cue_alternatives(kinds: tuple[str, ...]) -> list[tuple[str, str]]:
    """Every cue alternative of `kinds` with a group name that maps back to its kind."""
    out = []
    for kind in kinds:
        for alternative in _CUES[kind]:
            group = f"c{len(_CUE_KIND_OF_GROUP)}"
            _CUE_KIND_OF_GROUP[group] = kind
            out.append((alternative, group))
    return out


# Number and quantity expressions, over " " + the scan text (groups `num` and `vague`).
_NUMBER_SCAN_RE = re.compile(
    rf" (?=\d|{_NUMBER_STARTS})(?:(?P<vague>{_VAGUE})|(?P<num>an? dozen|{NUMBER}))(?![\w])"
)
# Status cues, over " " + the scan text, in the sentences that hold counts; the name of the group that
# matched gives the kind (_CUE_KIND_OF_GROUP).
_CUE_SCAN_RE = re.compile(rf" {_alternation(_cue_alternatives(tuple(k for k in _CUES if k != 'impact')))}\b")
# Subjects of a reduced relative clause after weapons ("missiles Russia fired"): _in_relative_clause.
_RELATIVE_SUBJECTS = frozenset({"Russia", "Moscow", "Ukraine", "Kyiv", "Kiev", "the enemy", "the Russians",
                                "Russian forces", "it", "they"})
_PLURAL_WEAPON_WORDS = frozenset({"missiles", "drones", "rockets", "weapons", "UAVs", "munitions", "bombs",
                                  "Shaheds"})
_POST_CUE_KINDS = ("hit", "impact", "other", "intercepted", "supplied", "send", "launched")
# A participle right after the count (or the last count of a coordination) decides its status, also
# after a short place phrase ("four HIMARS launchers from the US have reached"). Lower-cased text.
_POST_CUE_RE = re.compile(
    r"[\"”’ ]?,? ?(?:(?:which|that) )?"
    r"(?:(?:from|by|of|over|in|near|above|across) (?:the )?"
    r"(?!(?:which|whom|them|these|those)\b)[a-z][\w.'’-]*"
    r"(?: (?!(?:were|was|are|is|have|has|had)\b)[a-z][\w.'’-]*)? )?"
    r"(?P<aux>(?:were|was|have been|has been|had been|are|is|being|be|got|had|have|has|will be|would be"
    r"|could be|to be|are to be|were being)  ?)?"
    r"(?:(?:all|also|then|reportedly|successfully|later|subsequently|eventually|either|already|just|still"
    r"|allegedly) )?"
    rf"\b{_alternation(_cue_alternatives(_POST_CUE_KINDS))}\b"
)
# First words _POST_CUE_RE can start with (after up to three quotes, commas or spaces): a prefilter,
# one trie instead of a str.startswith over a tuple of 141 words.
_POST_CUE_STARTS = sorted(
    {"which", "that", "from", "by", "of", "over", "in", "near", "above", "across", "were", "was", "have",
     "has", "had", "are", "is", "being", "be", "got", "will", "would", "could", "to", "all", "also", "then",
     "reportedly", "successfully", "later", "subsequently", "eventually", "either", "already", "just",
     "still", "allegedly"}
    | {_literal_prefix(alternative)[0].split(" ")[0]
       for kind in _POST_CUE_KINDS for alternative in _CUES[kind]}
)
# ("{0,3}+" is possessive: it skips all the marks there are, up to three, and never gives one back)
_POST_CUE_START_RE = re.compile(rf"[\"”’ ,]{{0,3}}+{_alternation(_POST_CUE_STARTS, ignore_case=False)}")
_CLAUSE_PUNCTUATION_RE = re.compile(r"[,;:]")
# What ends the phrase a bare participle may belong to ("intercepted 22 missiles and three drones
# crashed": the count after "and" starts a clause of its own).
_PHRASE_BOUNDARIES = (";", ",", ":", " and ", " while ", " but ", " as ")
_SHOOT_DOWN_RE = re.compile(r"down|intercept", re.IGNORECASE)
# A verb whose object is a target, right before a count of aircraft or ground systems.
_TARGET_VERB_RE = re.compile(r"\b(?:hit|hits|hitting|struck|strike|striking|damaged|damaging|targeted) $",
                             re.IGNORECASE)
# "send Ukraine 10 missiles", "sent them dozens of drones": an indirect object right after the verb.
_SEND_RECIPIENT_RE = re.compile(r" (?:[A-Z][\w.-]*|them|us|it|him|her)\b")
_SEND_DIRECTION_RE = re.compile(r"(?: [a-z]+){0,3}? (to|at|against|toward|towards|into) ", re.IGNORECASE)
_POST_OTHER_RE = re.compile(r"[^,;.]*\b(?:jamm(?:ed|ing)|electronic warfare|EW)\b")
_COORDINATION_GAP_RE = re.compile(r"[\"”’]?(?:,? (?:and|or|plus|as well as|along with)|,|:) [\"“]?")

_AIR_DEFENSE_WORDS_RE = re.compile(
    r"\b(?:air[- ]defen[cs]e|anti-aircraft|antiaircraft|surface-to-air|SAM|missile[- ]defen[cs]e)\b",
    re.IGNORECASE,
)
_LAUNCH_SYSTEM_WORDS_RE = re.compile(r"\b(?:rocket|artillery|launch|missile|howitzer)\b", re.IGNORECASE)
_ARMOR_WORDS_RE = re.compile(r"\b(?:armou?red|fighting|combat|infantry|personnel)\b", re.IGNORECASE)
_ROCKET_WORDS_RE = re.compile(r"\b(?:rocket|HIMARS|MLRS|M270|Grad|Uragan|Smerch|Tornado)\b", re.IGNORECASE)
_UNCREWED_WORDS_RE = re.compile(r"\b(?:uncrewed|unmanned|crewless|explosive-laden|explosive|remote-controlled|"
                                r"drone|sea)\b", re.IGNORECASE)
_GUIDED_WORDS_RE = re.compile(r"\b(?:guided|glide|gliding|corrected|precision|smart|KABs?|JDAMs?)\b",
                              re.IGNORECASE)
_AMMUNITION_WORDS_RE = re.compile(r"\b(?:shells|ammunition|artillery|munitions)\b")  # lower-cased text
_ARTILLERY_WORDS_RE = re.compile(r"\b(?:artillery|mortar|tank|howitzer|\d+-?mm|cannon)\b", re.IGNORECASE)
_NOT_ARMOR_TANK_RE = re.compile(r"\b(?:fuel|oil|storage|water|gas|septic|think|petrol|diesel)\b",
                                re.IGNORECASE)
_MINE_WORDS_RE = re.compile(r"\b(?:anti-tank|anti-personnel|naval|sea|land)\b", re.IGNORECASE)
_TARGETS_RE = re.compile(r"\btargets?\b", re.IGNORECASE)
_AERIAL_WORDS_RE = re.compile(r"\b(?:air|aerial|airborne|flying)\b", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Rows under construction
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class _Count:
    """A weapon count found in the text, before its status is decided."""

    start: int
    end: int
    weapon_type: str
    weapon_name: str | None
    value: int | None
    qualifier: str
    qualifier_word: str | None
    vague_word: str | None
    number_start: int                   # where the number (or vague word) itself starts
    ground: bool = False                # a ground system: destroying it is a loss claim, not an interception
    elliptical: bool = False
    antecedent: _Count | None = None    # the count an elliptical one continues
    whole_of: _Count | None = None      # for Y in "X of Y": the X row
    range_bounds: tuple[int, int] | None = None  # both ends of "between 50 and 60", for either row
    part: bool = False                  # a part of a group counted before ("Two of them", "The remaining eight")
    status: str | None = None
    sentence: Sentence | None = None


@dataclass(slots=True)  # never changed once built; not frozen because frozen ones are 3x slower to build
class _Cue:
    """A status cue word in the text: its span and kind (a status, "send", or a weak kind)."""

    start: int
    end: int
    kind: str


def extract(doc: Document) -> list[dict]:
    """Weapon-count rows of one document: span, class, model, count, bounds, qualifier and status."""
    text = doc.text
    low = _scan_text(text)
    scan = " " + low  # the scan patterns start with the space before a word: offsets in text are start - 1
    if not _HINT_RE.search(scan):
        return []
    counts: list[_Count] = []
    number_starts: list[int] = []       # every plausible count number, for elliptical continuity
    consumed = 0
    for match in _NUMBER_SCAN_RE.finditer(scan):
        # a match is the space before the number and the number: in text, the number is start..end
        start, end = match.span()
        end -= 1
        if start < consumed:
            continue
        group = match.lastgroup
        if group == "vague":
            found = _vague_count(text, low, start, end, match[group])
        else:
            if not _is_count_number(text, start, end):
                continue
            number_starts.append(start)
            found = _number_counts(doc, low, start, end, match[group], counts, number_starts)
        if found:
            counts.extend(found)
            consumed = found[-1].end  # the counts of one number all end where its phrase ends
    counts = [count for count in counts if _within_one_line(text, count)]
    if not counts:
        return []
    sentences = doc.sentences
    sentence_starts = doc.sentence_starts
    for count in counts:
        index = bisect_right(sentence_starts, count.start) - 1
        count.sentence = sentences[index if index > 0 else 0]
    _assign_statuses(doc, low, counts, _cues(scan, counts))
    # not weapons of war (airliners, show drones) or not reported (a scenario)
    excluded = {id(c) for c in _civil_aircraft(text, scan, counts)} | {id(c) for c in _civil_drones(text, counts)}
    excluded |= {id(c) for c in counts if _is_hypothetical(text, c)}
    dates: dict[int, object] = {}  # event date by sentence number
    rows = []
    for count in counts:
        if id(count) in excluded or _is_ground_target(text, count):
            continue
        number = count.sentence.no
        if number not in dates:
            dates[number] = event_date(doc, number)
        rows.append(_as_row(count, dates[number]))
    return rows


def _within_one_line(text: str, count: _Count) -> bool:
    """False for a count whose weapon is on the line after its number ("Death toll rises to 40" / "Drones
    hit Kyiv"): the scan text reads line breaks as spaces, but a line break always ends a sentence. A
    qualifier on the line before ("more than" / "300 drones") is not the count's: the count stays, exact."""
    if text.find("\n", count.start, count.end) < 0:
        return True  # the usual case: no line break in the mention
    if "\n" in text[count.number_start:count.end]:
        return False
    if "\n" in text[count.start:count.number_start]:
        count.start, count.qualifier, count.qualifier_word = count.number_start, "exact", None
    return True


def _sentence_at(doc: Document, offset: int) -> Sentence:
    """The sentence containing `offset` (Document.sentence_at without its method call and max)."""
    index = bisect_right(doc.sentence_starts, offset) - 1
    return doc.sentences[index if index > 0 else 0]


def _civil_aircraft(text: str, scan: str, counts: list[_Count]) -> list[_Count]:
    """Counts of plain "aircraft", "jets", "planes" in a document with no other word of war: airliners
    ("Boeing will deliver 100 planes"), not weapons."""
    plain = [c for c in counts if c.weapon_type == "aircraft" and c.weapon_name is None
             and not _MILITARY_AIRCRAFT_RE.search(text, c.start, c.end)]
    if not plain or _MILITARY_RE.search(scan):
        return []
    return plain


def _is_hypothetical(text: str, count: _Count) -> bool:
    """True for a count in a scenario, not a report: a sentence that opens with "If", "Suppose" or "Imagine"
    ("If Moscow adds 50 missiles a night, Ukraine would need 1,500 interceptors"), or an "if" in the
    count's own clause. "If confirmed, ..." reports."""
    sentence = count.sentence
    if _SCENARIO_OPENING.match(text, sentence.start):
        return True
    clause_start = max(sentence.start, text.rfind(",", sentence.start, count.start) + 1,
                       text.rfind(";", sentence.start, count.start) + 1)
    return _IF_WORD.search(text, clause_start, count.start) is not None


def _civil_drones(text: str, counts: list[_Count]) -> list[_Count]:
    """Counts of drones that are not weapons: light-show, delivery or camera drones ("a fleet of 2,500
    drones and performed 140 shows", "will one day route delivery drones")."""
    civil = []
    peaceful: dict[int, bool] = {}  # by sentence number: no word of war in it
    for count in counts:
        if count.weapon_type != "drone" or count.weapon_name is not None:
            continue
        sentence = count.sentence
        if sentence.no not in peaceful:
            peaceful[sentence.no] = not _WAR_WORDS_RE.search(text, sentence.start, sentence.end)
        if peaceful[sentence.no] and (_CIVIL_DRONE_MODIFIER_RE.search(text, count.start, count.end)
                                      or _DRONE_SHOW_RE.search(text, sentence.start, sentence.end)):
            civil.append(count)
    return civil


def _is_ground_target(text: str, count: _Count) -> bool:
    """True for "targets" that are not aerial ones shot down: "Ukraine struck 20 Russian targets" counts
    places hit, while "144 targets shot down" and "112 aerial targets" count weapons."""
    if count.weapon_type != "other":
        return False
    mention = text[count.start:count.end]
    if not _TARGETS_RE.search(mention) or _AERIAL_WORDS_RE.search(mention):
        return False
    status = count.whole_of.status if count.whole_of is not None else count.status
    return status != "intercepted"


def _scan_text(text: str) -> str:
    """The scan text of `text` (see _SCAN_SPACES)."""
    low = text.lower()
    if len(low) != len(text):
        # a few letters lower-case to two characters ("İ"); str.translate keeps one for one, but it is
        # slow on non-ASCII text, so it is only the fallback
        return text.translate(_SCAN_TABLE)
    for char in _SCAN_SPACES:
        if char in low:
            low = low.replace(char, " ")
    return low


def _cues(scan: str, counts: list[_Count]) -> list[_Cue]:
    """The status cues in the sentences that hold counts, in text order."""
    cues = []
    last_sentence = -1
    for count in counts:
        sentence = count.sentence
        if sentence.no == last_sentence:
            continue
        last_sentence = sentence.no
        # in scan, the space before the sentence's first word is at sentence.start
        for match in _CUE_SCAN_RE.finditer(scan, sentence.start, sentence.end + 1):
            cues.append(_Cue(match.start(), match.end() - 1, _CUE_KIND_OF_GROUP[match.lastgroup]))
    return cues


# ---------------------------------------------------------------------------------------------
# Finding counts
# ---------------------------------------------------------------------------------------------


def _is_count_number(text: str, start: int, end: int) -> bool:
    """False for digits that belong to a model name, date, clock time, money amount, id or year."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or before in "-/$€£#:.,":
        return False
    if after in "/:%" or (after == "-" and not _HYPHEN_COMPOUND_RE.match(text, end)):
        return False
    window = text[start - 16:start] if start >= 16 else text[:start]
    # every word of _WORDS_BEFORE_NON_COUNTS has a capital: a window without one cannot end in such a word
    if not window.islower() and _last_word(window) in _WORDS_BEFORE_NON_COUNTS:
        return False
    if "0" <= text[start] <= "9":
        if end - start == 4 and "1900" <= text[start:end] <= "2100" and (
                _last_word(window).lower() in _WORDS_BEFORE_YEARS or before == ","):
            return False
        if after == " " and text[end + 1:end + 2] in _MONTH_INITIALS and _MONTH_AFTER_RE.match(text, end):
            return False
        if text.startswith((" mm", " millimetre", " millimeter"), end) and not text[end + 3:end + 4].isalpha():
            return False  # "155 mm artillery rounds": a calibre
    return True


def _last_word(window: str) -> str:
    """The last space-separated word of `window`, without trailing whitespace and dots."""
    return window.rstrip().rsplit(" ", 1)[-1].rstrip(".")


def _qualifier_before(low: str, start: int) -> tuple[int, str, str | None]:
    """(mention start, qualifier, qualifier word) from the words right before a number; a prefix such
    as "all five" or "Record 267" joins the mention but leaves the count exact."""
    if start < 2 or low[start - 1] != " ":
        return start, "exact", None
    words = low[max(0, start - 30):start - 1].split(" ")
    if words[-1] not in _LAST_WORDS_BEFORE_NUMBER:
        return start, "exact", None
    mention_start = start
    qualifier, qual_word = "exact", None
    for vocabulary, last_words in _BEFORE_NUMBER_VOCABULARIES:
        if not words or (words[-1] not in last_words and words[-1].lstrip(_OPENING_MARKS) not in last_words):
            continue  # no phrase of this vocabulary ends with the last word
        for size in (3, 2, 1):
            phrase = " ".join(words[-size:]).lstrip(_OPENING_MARKS)
            if len(words) >= size and phrase in vocabulary:
                mention_start -= len(phrase) + 1
                words = words[:-size]
                if vocabulary is _QUALIFIER_OF:
                    qualifier, qual_word = _QUALIFIER_OF[phrase], phrase
                break
    return mention_start, qualifier, qual_word


def _vague_count(text: str, low: str, start: int, end: int, expression: str) -> list[_Count]:
    """A vague-quantity count ("hundreds of drones", "several Patriot launchers"), or nothing."""
    of_the = _OF_THE_RE.match(text, end)
    phrase = _PHRASE_RE.match(low, of_the.end() if of_the else end)
    if not phrase:
        return []
    found = _classify_phrase(text, low, phrase)
    if not found:
        return []
    weapon_type, name, ground, phrase_end = found
    word = _ARTICLE_OR_OF_RE.sub("", _SPACES_RE.sub(" ", expression))
    return [_Count(start, phrase_end, weapon_type, name, None, "vague", None, word, start, ground)]


def _number_counts(doc: Document, low: str, start: int, end: int, expression: str, counts: list[_Count],
                   number_starts: list[int]) -> list[_Count]:
    """The count(s) a number starts: "N phrase", "X of Y phrase", "N of the phrase", or an ellipsis.

    The phrase is looked for first: most numbers in a text count something else, and their value and
    qualifier are never needed.
    """
    text = doc.text
    plus = text.startswith("+ ", end)  # headline style "100+ drones": 100 or more
    or_so = 6 if low.startswith(" or so ", end) else 0  # "50 or so drones": about 50
    found = _phrase_after_number(text, low, end + plus + or_so)
    if found is None:
        in_range = _range_counts(text, low, start, end, expression)
        if in_range:
            number_starts.append(in_range[-1].number_start)
            return in_range
        return _elliptical_count(doc, low, start, end, expression, counts, number_starts)
    if found is False:
        return []
    (weapon_type, name, ground, phrase_end), total = found
    value = _number_value(expression)
    if not value:
        return []
    mention_start, qualifier, qual_word = _qualifier_before(low, start)
    if plus:
        qualifier, qual_word = "at_least", "+"
    elif or_so and qualifier == "exact":
        qualifier, qual_word = "about", "or so"
    part = _Count(mention_start, phrase_end, weapon_type, name, value, qualifier, qual_word, None, start,
                  ground)
    if total is None:
        return [part]
    y_start, y_value = total
    y_mention_start, y_qualifier, y_word = _qualifier_before(low, y_start)
    whole = _Count(y_mention_start, phrase_end, weapon_type, name, y_value, y_qualifier, y_word, None, y_start,
                   ground, whole_of=part)
    number_starts.append(y_start)
    return [part, whole]


def _range_counts(text: str, low: str, start: int, end: int, expression: str) -> list[_Count]:
    """Both ends of a range of weapons, as two rows over the range's span, like two stated rates: the
    lower number at_least, the upper up_to ("between 50 and 60 Bradley fighting vehicles")."""
    upper = _RANGE_UPPER_RE.match(low, end)
    if upper is None:
        return []
    word = upper.group("word")
    before = low[max(0, start - 8):start]
    if word == "and" and not before.endswith("between "):
        return []  # "50 and 60 drones" may be two counts of different things
    if word == "to" and before.endswith("from "):
        return []  # "rose from 50 to 60 drones" is a change, not a range
    found = _phrase_after_number(text, low, upper.end())
    low_value, high_value = _number_value(expression), _number_value(upper.group("num"))
    if not found or found[1] is not None or not low_value or not high_value or high_value <= low_value:
        return []
    weapon_type, name, ground, phrase_end = found[0]
    mention_start = start - len("between ") if word == "and" else start
    bounds = (low_value, high_value)
    return [_Count(mention_start, phrase_end, weapon_type, name, low_value, "at_least", None, None, start, ground,
                   range_bounds=bounds),
            _Count(mention_start, phrase_end, weapon_type, name, high_value, "up_to", None, None,
                   upper.start("num"), ground, range_bounds=bounds)]


def _phrase_after_number(text: str, low: str, end: int):
    """The weapon phrase after a number ending at `end`, as ((class, name, ground?, phrase end), total),
    where total is (start, value) of Y in "X of Y drones"; False when a phrase follows that is not a
    weapon ("five people"); None when no phrase follows (an elliptical count may)."""
    follower = low[end:end + 4]
    compound = _HYPHEN_COMPOUND_RE.match(text, end) if follower[:1] == "-" else None
    if compound:
        # "a 267-drone attack"
        head = compound.group("head").lower()
        name = "Shahed" if head == "shahed" else None
        return (_HEAD_CLASS.get(head, "drone"), name, False, compound.end()), None

    partitive = follower == " of " or follower == " out"
    x_of_y = _X_OF_Y_RE.match(text, end) if partitive else None
    if x_of_y:
        phrase = _PHRASE_RE.match(low, x_of_y.end())
        found = _classify_phrase(text, low, phrase) if phrase else None
        total = _number_value(x_of_y.group("num")) if found else None
        if found and total:
            return found, (x_of_y.start("num"), total)

    of_the = _OF_THE_RE.match(text, end) if partitive else None
    if of_the:
        # "87 of the missiles"; "one of the most advanced missiles" is no count
        phrase = _PHRASE_RE.match(low, of_the.end())
        found = _classify_phrase(text, low, phrase) if phrase else None
        if found:
            return (found, None) if not _SUPERLATIVE_RE.search(phrase.group("mods")) else False

    if low.startswith((" were ", " are "), end):
        # "Of the drones, around 300 were Shahed-type attack drones": what the number of a group was
        phrase = _PHRASE_RE.match(low, low.index(" ", end + 1))
        found = _classify_phrase(text, low, phrase) if phrase else None
        if found:
            return found, None

    phrase = _PHRASE_RE.match(low, end)
    if phrase:
        found = _classify_phrase(text, low, phrase)
        return (found, None) if found else False
    return None


def _number_value(expression: str) -> int | None:
    """The integer value of a (lower-cased) number expression; "a dozen" is 12."""
    if expression.isdigit():
        return int(expression)
    if expression in _SIMPLE_NUMBER_WORDS:
        return _SIMPLE_NUMBER_WORDS[expression]
    if expression in ("a dozen", "an dozen"):
        return 12
    return as_int(parse_number(expression))


def _elliptical_count(doc: Document, low: str, start: int, end: int, expression: str, counts: list[_Count],
                      number_starts: list[int]) -> list[_Count]:
    """A bare number that continues an earlier weapon count: "13 over Rostov Oblast", "three more",
    "eight next year", "92 of them", "41 were lost", "shot down 92."."""
    text = doc.text
    # "2,900 drones a month, up from about 2,000 at the end of last year": the same count at another time
    comparison = low.endswith(_COMPARISON_ENDINGS, max(0, start - 30), start) and \
        _COMPARISON_BEFORE_RE.search(low, max(0, start - 30), start) is not None
    if not comparison and not _ELLIPSIS_START_RE.match(low, end):
        return []  # cheap exit for the many numbers that count something else
    same_sentence_only = True
    tail = _ELLIPSIS_MORE_RE.match(text, end) or _ELLIPSIS_PLACE_RE.match(text, end) \
        or _ELLIPSIS_TIME_RE.match(text, end)
    if tail is None:
        # "92 of them" may refer back across sentences
        tail = _OF_PRONOUN_RE.match(text, end)
        same_sentence_only = tail is None
    subclass = _SUBCLASS_RE.match(text, end) if tail is None else None  # "22 were ballistic"
    if subclass is not None:
        tail = subclass
    verb_only = tail is None  # "41 were lost", "shot down 92.", "with 35 shot down"
    if verb_only and not comparison and not (_BARE_AFTER_RE.match(text, end) or _POST_CUE_RE.match(low, end)):
        return []
    value = _number_value(expression)
    if not value:
        return []
    mention_start, qualifier, qual_word = _qualifier_before(low, start)
    before_words = low[max(0, mention_start - 24):mention_start - 1].rsplit(" ", 2)
    verb = before_words[-1]
    verb_length = len(verb)  # the verb and what stands between it and the number, for the mention
    if verb in ("only", "just") and len(before_words) > 1:
        verb = before_words[-2]  # "the Air Force said it intercepted only 57"
        verb_length += len(verb) + 1
    governing = verb in _GOVERNING_VERBS and low[mention_start - 1:mention_start] == " "
    post = _POST_CUE_RE.match(low, end if verb_only else tail.end())
    absolute = low.endswith(" with", 0, mention_start - 1)  # "with 35 shot down"
    remainder = low.startswith(_REMAINDER_PREFIXES, mention_start)
    # "Three were shot down, and one hit the car park", "while 612 struck targets": a bare number opening a
    # clause, with its own verb
    opens_clause = post is not None and low.endswith(_CLAUSE_OPENERS, max(0, mention_start - 8), mention_start)
    if verb_only and not governing and not remainder and not comparison and not opens_clause \
            and not (post and (post.group("aux") or absolute)):
        return []
    sentence = _sentence_at(doc, start)
    floor = sentence.start if same_sentence_only and not governing else None
    opening = text[sentence.start:mention_start].strip(" \"“‘'(")
    # "Two were shot down", or after a fronted attribution: "According to the ministry, 36 were shot down"
    opens_sentence = not opening or bool(_FRONTED_ATTRIBUTION.fullmatch(opening))
    # "— 41 UAVs over the Bryansk region; / — 27 over the Kursk region;": a line of a list of counts by place
    list_line = opening in LIST_BULLETS and tail is not None and tail.re is _ELLIPSIS_PLACE_RE
    if floor is not None and (opens_sentence or list_line) and sentence.no > 0:
        if list_line:
            floor = doc.sentences[sentence.no - 1].start
        elif remainder:
            floor = None  # "The remaining eight struck ...": the rest of a group named before
        elif verb_only and post and post.group("aux"):
            # a sentence that opens with the number continues the previous one: "... with four Shaheds.
            # Two were shot down"
            floor = doc.sentences[sentence.no - 1].start
    antecedent = _antecedent(doc, counts, floor, start)
    partitive = _fronted_partitive(doc, low, sentence, mention_start)
    of_them = tail is not None and tail.re is _OF_PRONOUN_RE
    # "a further 50", "another 27" add to the group; "the remaining eight", "the other two" are part of it
    part = (of_them or partitive is not None or subclass is not None
            or low.startswith(("the remaining ", "the other "), mention_start))
    if partitive is not None and (antecedent is None or antecedent.start < partitive.start):
        antecedent = partitive  # "Of the cruise missiles, seven were shot down"
    elif of_them or remainder:
        # "The ballistic missiles were not intercepted. Two of them hit ...": a group named after the
        # latest count
        named = _definite_noun_antecedent(doc, low, antecedent.end if antecedent else None, start)
        if named is not None:
            antecedent = named
    if (antecedent is not None and antecedent.value is not None and value > antecedent.value
            and tail is not None and tail.re is _OF_PRONOUN_RE):
        # "688 aerial targets: 640 drones, 42 cruise missiles and six Kinzhals. Air defences brought down 611
        # of them": more than the latest count, so the largest group before it
        antecedent = _largest_count_since(doc, counts, floor, start, value)
    bare_noun = False
    if antecedent is None and (governing or (tail is not None and tail.re is _ELLIPSIS_MORE_RE)):
        # "Ukraine received its first F-16 jets, and six more are expected"
        antecedent = _bare_noun_antecedent(doc, low, start)
        bare_noun = True
    if antecedent is None:
        return []
    if bare_noun and not governing and _counts_casualties(low[antecedent.end:mention_start]):
        return []  # "attacked with drones, killing two; three more were injured"
    subset = low.endswith(" including", 0, mention_start - 1)  # "128 drones over 13 regions, including 48 over"
    if not governing and not bare_noun and not subset and post is None and antecedent is not partitive:
        # continuity: the latest number before this one is part of the antecedent's phrase
        index = bisect_left(number_starts, start)
        previous = number_starts[index - 1] if index >= 1 else None
        if previous is None or not (antecedent.start <= previous < antecedent.end):
            return []
        if _counts_casualties(low[antecedent.end:mention_start]):
            return []
    weapon_type = antecedent.weapon_type
    if subclass is not None:
        if weapon_type not in _MISSILE_TYPES:
            return []
        weapon_type = _SUBCLASS_TYPES[subclass.group("kind").lower()]
    mention_end = end if verb_only else tail.end()
    if verb_only and governing:
        mention_start -= verb_length + 1  # "down 92", "provide 30", "intercepted only 57"
    return [_Count(mention_start, mention_end, weapon_type, None, value, qualifier, qual_word,
                   None, start, antecedent.ground, elliptical=True, antecedent=antecedent, part=part)]


def _counts_casualties(gap: str) -> bool:
    """True when the text between a count and a bare number talks about people or casualties."""
    words = gap.split()
    return any((word.endswith("ing") and word not in _NOT_CASUALTY_ING) or word.strip(",.;:") in _CASUALTY_WORDS
               for word in words)


def _antecedent(doc: Document, counts: list[_Count], floor: int | None, start: int) -> _Count | None:
    """The latest weapon count before `start`: in the same sentence (floor = its start) or within the
    three sentences before it."""
    if not counts:
        return None
    last = counts[-1]
    return last if last.start >= _antecedent_floor(doc, floor, start) else None


def _antecedent_floor(doc: Document, floor: int | None, start: int) -> int:
    """Where an antecedent may start: `floor` when given, else three sentences before `start`."""
    if floor is not None:
        return floor
    return doc.sentences[max(0, _sentence_at(doc, start).no - 3)].start


def _largest_count_since(doc: Document, counts: list[_Count], floor: int | None, start: int,
                         at_least: int) -> _Count | None:
    """The largest weapon count of at least `at_least` in the antecedent window before `start`, if any."""
    floor = _antecedent_floor(doc, floor, start)
    fitting = [c for c in counts if c.start >= floor and c.value is not None and c.value >= at_least]
    return max(fitting, key=lambda c: c.value) if fitting else None


def _stand_in(doc: Document, mods: str, head_start: int, head_end: int) -> _Count | None:
    """A count-less antecedent for a weapon noun phrase (its class from `mods` and the head)."""
    found = _phrase_class(mods, doc.text[head_start:head_end])
    if found is None:
        return None
    return _Count(head_start, head_end, found[0], None, None, "vague", None, None, head_start, found[2])


def _fronted_partitive(doc: Document, low: str, sentence: Sentence, mention_start: int) -> _Count | None:
    """The group of "Of the cruise missiles, seven were shot down" (the sentence opens with it), or None."""
    opening = low[sentence.start:mention_start]
    if not opening.startswith("of ") or not opening.rstrip().endswith(","):
        return None
    heads = list(_DEFINITE_HEAD_RE.finditer(low, sentence.start + 2, mention_start))
    if len(heads) != 1:
        return None
    head = heads[0]
    return _stand_in(doc, doc.text[head.start("mods"):head.end("mods")], head.start("head"), head.end("head"))


def _definite_noun_antecedent(doc: Document, low: str, after: int | None, start: int) -> _Count | None:
    """A definite plural weapon noun phrase ("The ballistic missiles") after `after` (the latest count) and
    at most one sentence before `start`, as a stand-in antecedent."""
    sentence_no = _sentence_at(doc, start).no
    floor = doc.sentences[max(0, sentence_no - 1)].start
    if after is not None:
        floor = max(floor, after)
    heads = list(_DEFINITE_HEAD_RE.finditer(low, max(0, floor - 1), start))
    if not heads:
        return None
    head = heads[-1]
    return _stand_in(doc, doc.text[head.start("mods"):head.end("mods")], head.start("head"), head.end("head"))


def _bare_noun_antecedent(doc: Document, low: str, start: int) -> _Count | None:
    """A stand-in antecedent from the latest plural weapon noun in this or the previous sentence."""
    sentence_no = _sentence_at(doc, start).no
    floor = doc.sentences[max(0, sentence_no - 1)].start
    heads = list(_BARE_HEAD_RE.finditer(low, max(0, floor - 1), start))
    if not heads:
        return None
    last = heads[-1]
    found = _phrase_class("", doc.text[last.start("head"):last.end("head")])
    if found is None:
        return None
    return _Count(last.start("head"), last.end("head"), found[0], None, None, "vague", None, None,
                  last.start("head"), found[2])


def _classify_phrase(text: str, low: str, phrase: re.Match) -> tuple[str, str | None, bool, int] | None:
    """(class, model name, ground system?, phrase end) of a weapon phrase matched in the lower-cased
    text, or None when the phrase does not name weapons ("drone attacks", "fuel tanks", "military units")."""
    end = phrase.end()
    if _COMPOUND_TAIL_RE.match(low, end):
        return None
    mods = phrase.group("mods")
    if mods.count(" ") > 2:
        for word in mods.replace(",", " ").split()[:-2]:
            if word in _GENERIC_SINGULARS:
                return None  # a weapon noun far before the head is a subject: "one missile struck tanks"
    mods_start, head_start = phrase.span("mods")  # the head follows the modifiers
    found = _phrase_class(text[mods_start:head_start], text[head_start:end])
    if found is None:
        if not (low.startswith("rounds", head_start) and _is_ammunition_report(low, end)):
            return None
        found = "artillery_shell", None, False  # "output reached 64,000 rounds" in a report on shells
    weapon_type, name, ground = found
    if low.startswith(" of ", end):
        extra = _OF_TYPES_RE.match(text, end)
        if extra:
            end = extra.end()
    coordinated = _COORDINATED_HEAD_RE.match(low, end) if low.startswith(_CONJUNCTIONS, end) else None
    if coordinated:
        other = _phrase_class(text[coordinated.start("mods"):coordinated.end("mods")],
                              text[coordinated.start("head"):coordinated.end("head")])
        if other and name and other[1] and other[1] != name and weapon_type in _PLATFORM_CLASSES:
            # "two more Patriot batteries and HIMARS launchers": named systems listed one after the other,
            # the number counts the first
            return weapon_type, name, ground, end
        if other and not _COMPOUND_TAIL_RE.match(low, coordinated.end()):
            # "215 missiles ... and drones": one number for two kinds is an aggregate;
            # "106 Shaheds and other types of drones" stays one kind
            if other[0] != weapon_type:
                weapon_type, ground = "other", False
            end = coordinated.end()
    return weapon_type, name, ground, end


def _is_ammunition_report(low: str, end: int) -> bool:
    """Whether plain "rounds" ending at `end` are rounds of ammunition: not "rounds of talks", in a text that
    speaks of shells, ammunition or artillery."""
    return not low.startswith(" of ", end) and _AMMUNITION_WORDS_RE.search(low) is not None


@lru_cache(maxsize=8192)  # news repeats its phrases ("Shahed drones", "cruise missiles") across articles
def _phrase_class(mods: str, head: str) -> tuple[str, str | None, bool] | None:
    """(class, model name, ground?) from a phrase's modifiers and head noun; None if not a weapon."""
    phrase_text = f"{mods}{head}"
    # every model name has a capital letter: most phrases are ruled out without a search
    name_match = None if phrase_text.islower() else _NAME_RE.search(phrase_text)
    name, name_class = _model(name_match.group(0)) if name_match else (None, None)
    head_lower = head.lower()
    key = _singular(head_lower)
    head_class = _head_class(key, head_lower, mods, name_class)
    if name_match and name_match.end() == len(phrase_text) and name_class:
        # the model itself is the head: "six Kinzhals", "four HIMARS"
        return name_class, name, name_class in _GROUND_CLASSES or name_class == "other"
    if head_class is None:
        return None
    weapon_type, ground = head_class
    if name_class:
        # a platform noun after a munition's name names the platform: "Kalibr carriers", "Iskander
        # launchers"; a munition noun after a platform's name names the munition: "Patriot missiles"
        munition_platform = weapon_type == "other" and ground and name_class in _AIRBORNE_CLASSES
        platform_munition = name_class in _PLATFORM_CLASSES and weapon_type in _MUNITION_CLASSES
        if not munition_platform and not platform_munition:
            weapon_type = name_class
            ground = ground or name_class in _GROUND_CLASSES
    return weapon_type, name, ground


def _singular(noun: str) -> str:
    """The singular of a (lower-case) head noun: "batteries" -> battery, "UAVs" -> uav."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("xes", "sses")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return noun


def _head_class(key: str, head: str, mods: str, name_class: str | None) -> tuple[str, bool] | None:
    """(class, ground?) given by a head noun in its phrase, or None when the head is not a weapon here."""
    mods_lower = mods.lower()
    if head.startswith("loitering"):
        return "drone", False
    if head.startswith("rounds of") or key == "shell":
        return "artillery_shell", False
    if head.startswith("means of"):
        return "other", False
    if key in ("missile", "interceptor"):
        cruise = "cruise" in mods_lower
        ballistic = "ballistic" in mods_lower
        if cruise != ballistic:
            return ("cruise_missile" if cruise else "ballistic_missile"), False
        return "missile", False
    if key == "round" or head == "rounds" or key == "projectile":
        if key == "projectile" and _ROCKET_WORDS_RE.search(mods):
            return "rocket", False  # "HIMARS multiple rocket launcher projectiles"
        if _ARTILLERY_WORDS_RE.search(mods):
            return "artillery_shell", False
        return ("other", False) if key == "projectile" else None
    uncrewed = "unmanned" in mods_lower or "uncrewed" in mods_lower
    if key in ("aircraft", "plane", "jet", "warplane") and uncrewed:
        return "drone", False
    if key == "fighter":
        return ("aircraft", False) if (name_class == "aircraft" or "jet" in mods_lower) else None
    if key == "vehicle":
        if uncrewed:
            return "drone", False
        if _ARMOR_WORDS_RE.search(mods) or name_class == "armored_vehicle":
            return "armored_vehicle", True
        return None
    if key == "carrier":
        if "personnel" in mods_lower:
            return "armored_vehicle", True
        if "missile" in mods_lower or "aircraft" in mods_lower or name_class in _AIRBORNE_CLASSES:
            return "other", True  # "missile carriers", "Kalibr carriers": ships
        return None
    if key == "tank":
        if _NOT_ARMOR_TANK_RE.search(mods):
            return None  # "fuel tanks", "think tanks"
        return "armored_vehicle", True
    if key in ("system", "battery", "unit", "complex", "launcher", "gun", "piece"):
        if _AIR_DEFENSE_WORDS_RE.search(mods) or name_class == "air_defense_system":
            return "air_defense_system", True
        if name_class in ("other", "aircraft", "armored_vehicle"):
            return name_class, True
        if key == "launcher" or (key in ("system", "piece", "gun") and _LAUNCH_SYSTEM_WORDS_RE.search(mods)):
            return "other", True
        if key == "gun" and "self-propelled" in mods_lower:
            return "other", True
        if name_class:
            return name_class, False
        return None
    if key == "mine":
        if _MINE_WORDS_RE.search(mods):
            return "other", True  # not coal mines
        return None
    if key == "object":
        return ("other", False) if _AERIAL_WORDS_RE.search(mods) else None
    if key == "boat":
        # naval drones: "three uncrewed boats", "explosive-laden boats"; not patrol or fishing boats
        return ("drone", False) if _UNCREWED_WORDS_RE.search(mods) else None
    if key == "bomb" and name_class is None:
        # a plain noun is taken literally: "dropped three bombs" are not guided ones
        return ("guided_bomb" if _GUIDED_WORDS_RE.search(mods) else "other"), False
    if key == "munition" and "cluster" not in mods_lower and name_class is None and "loitering" in mods_lower:
        return "drone", False
    if key in _HEAD_CLASS:
        return _HEAD_CLASS[key], key in _GROUND_HEADS
    return None


def _model(token: str) -> tuple[str | None, str | None]:
    """(canonical model name, class) of a named-model token: "Shaheds" -> Shahed, "Kh-101" -> Kh-101."""
    base = _BASE_RE.match(token)
    if not base:
        return None, None
    cls = _NAMED_MODELS[int(base.lastgroup[1:])][1]
    rest = token[base.end():]
    if "-" in rest:
        rest = _MODEL_SUFFIX_RE.sub("", rest)  # "Shahed-type" is a Shahed
    if rest.endswith("s") and (rest == "s" or rest[-2].isdigit() or rest[-2].isupper()):
        rest = rest[:-1]  # plural: "Shaheds", "F-16s", "Shahed-136s"
    if cls == "missile" and token.startswith("Kh-"):
        cls = _kh_class(token)
    return token[:base.end()] + rest, cls


def _kh_class(token: str) -> str:
    """Class of a Kh- missile from its number (the first one of "Kh-101/Kh-555")."""
    number = _KH_NUMBER_RE.match(token).group(1)
    if number in _KH_CRUISE:
        return "cruise_missile"
    if number in _KH_BALLISTIC:
        return "ballistic_missile"
    return "missile"


# ---------------------------------------------------------------------------------------------
# Status
# ---------------------------------------------------------------------------------------------


def _assign_statuses(doc: Document, low: str, counts: list[_Count], cues: list[_Cue]) -> None:
    """Set the status of every count from the cues around it (see the module docstring)."""
    text = doc.text
    cues = [c for c in cues if c.kind != "launched" or not _in_relative_clause(text, c.start)]
    mode = _document_mode(cues)
    cue_starts = [c.start for c in cues]
    post = [_post_cue(text, low, c) for c in counts]
    # a coordination shares the participle after its last member: "300 drones and 37 missiles were downed"
    for i in range(len(counts) - 2, -1, -1):
        following = counts[i + 1]
        if post[i] is None and post[i + 1] is not None and following.whole_of is None \
                and not following.elliptical:
            gap = text[counts[i].end:counts[i + 1].start]
            # not over ", and", which opens a clause of its own: "downed 31 missiles and 377 drones, and 17
            # missiles and 35 drones struck 22 locations"
            if _COORDINATION_GAP_RE.fullmatch(gap) and not gap.startswith(", and"):
                post[i] = post[i + 1]
    for i, count in enumerate(counts):
        if count.whole_of is None:
            count.status = _status(doc, count, counts, i, post[i], cues, cue_starts, mode)
    for count in counts:
        if count.whole_of is not None:
            # the whole of "35 of 53 missiles" is the attack wave; of "12 of its 20 tanks", a fleet
            part = count.whole_of.status
            if part in ("supplied", "requested"):
                count.status = part
            else:
                count.status = "other" if count.ground or count.weapon_type == "aircraft" else "launched"


def _document_mode(cues: list[_Cue]) -> str:
    """`supplied` for an article about aid (more aid words than attack verbs in the sentences that
    hold counts), else `launched`."""
    supply = sum(1 for c in cues if c.kind in ("supplied", "weak_supplied"))
    attack = sum(1 for c in cues if c.kind in ("launched", "intercepted"))
    return "supplied" if supply > attack else "launched"


def _in_relative_clause(text: str, start: int) -> bool:
    """True for a launch verb in a reduced relative clause after plural weapons: "missiles Russia
    fired", "drones that the enemy had launched". The verb belongs to those weapons, not to the
    count after it ("destroyed all five missiles Russia fired overnight, plus 48 out of 53 drones")."""
    words = text[max(0, start - 50):start].split()
    if words and words[-1] in ("had", "has", "have"):
        words.pop()
    for size in (2, 1):
        if len(words) > size and " ".join(words[-size:]) in _RELATIVE_SUBJECTS:
            del words[-size:]
            break
    else:
        return False
    if words and words[-1] in ("that", "which"):
        words.pop()
    return bool(words) and words[-1] in _PLURAL_WEAPON_WORDS


def _post_cue(text: str, low: str, count: _Count) -> tuple[_Cue, bool] | None:
    """(cue, with an auxiliary?) of the verb right after the count: "were downed" (True), "shot
    down" (False), "have arrived" (True), "hit a building" (False); None when there is none."""
    if not _POST_CUE_START_RE.match(low, count.end):
        return None  # cheap exit: the next word cannot begin what _POST_CUE_RE matches
    match = _POST_CUE_RE.match(low, count.end)
    if not match:
        return None
    group = match.lastgroup
    with_aux = match.group("aux") is not None
    between = low[count.end:match.start(group)]
    if not with_aux and "," in between and "which" not in between:
        return None  # "20 drones, destroys 2 jets": a new clause, not a participle of the count
    kind = _CUE_KIND_OF_GROUP[group]
    if kind == "intercepted" and _POST_OTHER_RE.match(text, count.end) \
            and not low.startswith(" or ", match.end()):
        # "neutralised by electronic warfare" is jamming, not a shoot-down; "shot down or suppressed by
        # electronic warfare" is the air force's tally of both, read as shot down
        kind = "other"
    cue_start = match.start(group)
    while cue_start > 0 and low[cue_start - 1] not in " ,":
        cue_start -= 1  # the group starts after the cue's literal prefix
    return _Cue(cue_start, match.end(), kind), with_aux


def _status(doc: Document, count: _Count, counts: list[_Count], index: int, post: tuple[_Cue, bool] | None,
            cues: list[_Cue], cue_starts: list[int], mode: str) -> str:
    """The status of counts[index] (`post`: the verb right after it, see _post_cue)."""
    text = doc.text
    cue = None
    if post is not None:
        cue, with_aux = post
        if not with_aux and cue.kind != "impact":
            # a bare participle after an object is a modifier of it: "destroyed 23 of the 25 drones
            # launched at the capital" — the verb right before (no comma between) decides
            cue = _pre_cue(doc, count, cues, cue_starts, same_phrase=True) or cue
        if cue.kind == "impact":
            sentence = count.sentence
            # an attack wave "hitting cities" is launched; a part of it that hit ("Two of them hit a plant",
            # "The remaining eight struck targets") or one in a sentence of interceptions is a hit
            interceptions = count.part or any(sentence.start <= c.start < sentence.end and c.kind == "intercepted"
                                        for c in cues)
            cue = _Cue(cue.start, cue.end, "hit") if interceptions else None
    if cue is None:
        cue = _pre_cue(doc, count, cues, cue_starts)
    if cue is None and count.antecedent is not None and count.antecedent.status:
        return count.antecedent.status
    kind = cue.kind if cue is not None else None
    sentence = count.sentence
    if kind is None:
        kind = _weak_cue(count, sentence.start, sentence.end, cues, cue_starts)
    if kind is None:
        kind = _recent_same_class(doc, counts, index)
    if kind is None:
        # with nothing to go on, tanks and launchers in an attack story are neither launched nor aid
        ground = count.ground or count.weapon_type == "aircraft"
        kind = "other" if ground and mode == "launched" else mode
    if kind == "send":
        kind = _send_status(text, count, cue, mode)
    if kind == "weak_launched":
        kind = "launched"
    if kind == "weak_supplied":
        kind = "supplied"
    if count.weapon_type == "aircraft" or count.ground:
        shot_down = cue is not None and _SHOOT_DOWN_RE.search(text, cue.start, cue.end)
        if kind == "intercepted" and (count.ground or (cue is not None and not shot_down)):
            kind = "other"  # destroyed on the ground: a loss claim, not an interception
        elif _TARGET_VERB_RE.search(text, max(0, count.start - 12), count.start):
            kind = "other"  # the target of a strike: "drones hit 41 Russian aircraft"
    return kind


def _send_status(text: str, count: _Count, cue: _Cue | None, mode: str) -> str:
    """"send": aid when sent to someone ("send Ukraine 10 missiles", "send 10 missiles to Kyiv"), an
    attack when sent at something ("sent 50 drones at Kyiv"), else the document's mode."""
    if cue is not None and cue.end <= count.start and _SEND_RECIPIENT_RE.match(text, cue.end, count.start):
        return "supplied"
    if count.weapon_type in ("air_defense_system", "armored_vehicle"):
        return "supplied"  # air defence and armour are sent as aid, never fired: "send three more IRIS-T systems"
    after = _SEND_DIRECTION_RE.match(text, count.end)
    if after:
        return "supplied" if after.group(1).lower() == "to" else "launched"
    return "supplied" if mode == "supplied" else "launched"


def _pre_cue(doc: Document, count: _Count, cues: list[_Cue], cue_starts: list[int],
             same_phrase: bool = False) -> _Cue | None:
    """The nearest strong cue before the count within its clause (a ';' ends a clause; with
    `same_phrase`, any comma or colon does)."""
    text = doc.text
    sentence = count.sentence
    clause_start = sentence.start
    for boundary in _PHRASE_BOUNDARIES if same_phrase else (";",):
        clause_start = max(clause_start, text.rfind(boundary, sentence.start, count.number_start) + 1)
    nearest = None
    for j in range(bisect_left(cue_starts, count.number_start) - 1, -1, -1):
        if cues[j].start < clause_start:
            return None
        if cues[j].kind in _STRONG and cues[j].end <= count.number_start:
            nearest = j
            break
    if nearest is None:
        return None
    cue = cues[nearest]
    previous = cues[nearest - 1] if nearest > 0 else None
    if previous is None or previous.start < clause_start:
        return cue
    between = text[previous.end:cue.start]
    if cue.kind in ("supplied", "send") and previous.kind == "requested" and len(between) < 80 \
            and not _CLAUSE_PUNCTUATION_RE.search(between):
        # "asked the allies to send ...", "request that the U.S. supply ...": a request verb governing
        # the supply verb (same phrase, no comma between) makes the weapons requested
        return _Cue(cue.start, cue.end, "requested")
    if cue.kind == "other" and previous.kind == "intercepted" and between in (" or ", " and ", ", "):
        # "shot down or jammed 460 of the drones": the defences dealt with them
        return _Cue(previous.start, previous.end, "intercepted")
    return cue


def _weak_cue(count: _Count, start: int, end: int, cues: list[_Cue], cue_starts: list[int]) -> str | None:
    """The nearest weak (noun) cue anywhere in the sentence."""
    best = None
    best_distance = None
    for j in range(bisect_left(cue_starts, start), len(cues)):
        cue = cues[j]
        if cue.start >= end:
            break
        if cue.kind not in ("weak_launched", "weak_supplied"):
            continue
        distance = count.start - cue.end if cue.end <= count.start else cue.start - count.end
        if best_distance is None or distance < best_distance:
            best, best_distance = cue.kind, distance
    return best


def _recent_same_class(doc: Document, counts: list[_Count], index: int) -> str | None:
    """The status of the latest count before counts[index] of the same class, in its sentence or the
    three before: "...destroyed 40 Ukrainian drones. The breakdown was 18 drones over Saratov"."""
    count = counts[index]
    floor = doc.sentences[max(0, count.sentence.no - 3)].start
    for j in range(index - 1, -1, -1):
        other = counts[j]
        if other.start < floor:
            break
        if other.weapon_type == count.weapon_type and other.status:
            return other.status
    return None


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def _bounds(count: _Count) -> tuple[int | None, int | None]:
    """(count_low, count_high) implied by the wording.

    exact: the value both ways; more_than: value + 1, open; at_least: value, open; up_to: open, value
    ("fewer than 50": 49); about: a ±10% band ("about 40": 36-44), or its lower half for words that
    place the count below the number ("nearly 40": 36-40); vague: the conventional lower bound of the
    word (dozens 24, hundreds 200, several 3), else unknown.
    """
    if count.range_bounds is not None:
        return count.range_bounds
    value = count.value
    if count.qualifier == "vague":
        return _VAGUE_LOW.get(count.vague_word or ""), None
    if value is None:
        return None, None
    if count.qualifier == "exact":
        return value, value
    if count.qualifier == "more_than":
        return value + 1, None
    if count.qualifier == "at_least":
        return value, None
    if count.qualifier == "up_to":
        strict = count.qualifier_word in ("fewer than", "less than")
        return None, value - 1 if strict else value
    delta = max(1, round(value / 10))
    if count.qualifier_word in _BELOW_WORDS:
        return value - delta, value
    return value - delta, value + delta


def _as_row(count: _Count, day) -> dict:
    """The table row of a count with its event date (the registry adds the common columns)."""
    low, high = _bounds(count)
    return {
        "char_start": count.start,
        "char_end": count.end,
        "weapon_type": count.weapon_type,
        "weapon_name": count.weapon_name,
        "count_value": count.value,
        "count_low": low,
        "count_high": high,
        "qualifier": count.qualifier,
        "vague_word": count.vague_word,
        "status": count.status or "launched",
        "event_date": day,
    }
