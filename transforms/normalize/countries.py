"""Country names, demonyms and news aliases -> ISO 3166-1 alpha-2 codes (the EU as the reserved `EU`).

pycountry supplies the codes and the official and common names; the words news uses for a country
that pycountry does not know ("U.S.", "Britain", "Chinese", "Beijing" as the government) are domain
data kept in the tables below, and a test checks every code against pycountry.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

import pycountry

# The European Union is not a country; ISO 3166 reserves "EU" for it (exceptionally reserved code).
EU = "EU"
EU_NAME = "European Union"

# Member states of the European Union (2025). Trade policy is an exclusive EU competence: a tariff
# announced by a member state's leader is the Union's tariff.
EU_MEMBERS = frozenset(
    {
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    }
)

# Names and abbreviations news uses besides pycountry's official and common names.
ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("U.S.", "US", "U.S.A.", "USA", "United States", "United States of America", "America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom", "England", "Scotland", "Wales"),
    EU: ("EU", "E.U.", "European Union", "Europe", "European Commission", "European Council",
         # the wires' name for the Union, by its member count then (28 before Brexit)
         *(f"{n}-{kind} bloc" for n in (27, 28) for kind in ("nation", "member", "country"))),
    "CN": ("China", "PRC", "P.R.C.", "People's Republic of China", "Mainland China"),
    "TW": ("Taiwan",),
    "HK": ("Hong Kong",),
    "MO": ("Macau", "Macao"),
    "KR": ("South Korea", "Korea", "Republic of Korea", "ROK"),
    "KP": ("North Korea", "DPRK"),
    "RU": ("Russia", "Russian Federation"),
    "IR": ("Iran",),
    "SY": ("Syria",),
    "VN": ("Vietnam", "Viet Nam"),
    "LA": ("Laos",),
    "CZ": ("Czech Republic", "Czechia"),
    "NL": ("Netherlands", "Holland"),
    "AE": ("UAE", "U.A.E.", "United Arab Emirates", "Emirates"),
    "CD": ("DRC", "Democratic Republic of Congo", "Democratic Republic of the Congo"),
    "CG": ("Republic of Congo", "Congo-Brazzaville"),
    "CI": ("Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "TZ": ("Tanzania",),
    "MD": ("Moldova",),
    "BN": ("Brunei",),
    "PS": ("Palestine",),
    "VA": ("Vatican", "Holy See"),
    "FM": ("Micronesia",),
    "SZ": ("Swaziland", "Eswatini"),
    "MK": ("North Macedonia", "Macedonia"),
    "MM": ("Myanmar", "Burma"),
    "CV": ("Cape Verde", "Cabo Verde"),
    "TL": ("East Timor", "Timor-Leste"),
}

# Adjectives of nationality: "Chinese goods", "Swiss exports", "a Canadian official".
DEMONYMS: dict[str, tuple[str, ...]] = {
    "US": ("American", "Americans"),
    "GB": ("British", "Briton", "Britons", "Scottish", "Scotch", "Welsh"),
    EU: ("European", "Europeans"),
    "CN": ("Chinese",),
    "TW": ("Taiwanese",),
    "HK": ("Hong Kong",),
    "IN": ("Indian", "Indians"),
    "PK": ("Pakistani",),
    "BD": ("Bangladeshi",),
    "LK": ("Sri Lankan",),
    "NP": ("Nepali", "Nepalese"),
    "CA": ("Canadian", "Canadians"),
    "MX": ("Mexican", "Mexicans"),
    "BR": ("Brazilian", "Brazilians"),
    "AR": ("Argentine", "Argentinian", "Argentinean"),
    "CL": ("Chilean",),
    "CO": ("Colombian",),
    "PE": ("Peruvian",),
    "VE": ("Venezuelan",),
    "EC": ("Ecuadorian", "Ecuadorean"),
    "CU": ("Cuban",),
    "NI": ("Nicaraguan",),
    "JP": ("Japanese",),
    "KR": ("South Korean", "Korean", "South Koreans", "Koreans"),
    "KP": ("North Korean",),
    "VN": ("Vietnamese",),
    "TH": ("Thai",),
    "MY": ("Malaysian",),
    "ID": ("Indonesian",),
    "PH": ("Philippine", "Filipino"),
    "SG": ("Singaporean",),
    "KH": ("Cambodian",),
    "LA": ("Laotian", "Lao"),
    "MM": ("Myanmar", "Burmese"),
    "AU": ("Australian", "Australians"),
    "NZ": ("New Zealand",),
    "RU": ("Russian", "Russians"),
    "UA": ("Ukrainian", "Ukrainians"),
    "BY": ("Belarusian", "Belarusan"),
    "KZ": ("Kazakh", "Kazakhstani"),
    "GE": ("Georgian",),
    "AM": ("Armenian",),
    "AZ": ("Azerbaijani", "Azeri"),
    "DE": ("German", "Germans"),
    "FR": ("French",),
    "IT": ("Italian", "Italians"),
    "ES": ("Spanish",),
    "PT": ("Portuguese",),
    "NL": ("Dutch",),
    "BE": ("Belgian",),
    "LU": ("Luxembourgish",),
    "IE": ("Irish",),
    "CH": ("Swiss",),
    "AT": ("Austrian",),
    "SE": ("Swedish",),
    "NO": ("Norwegian",),
    "DK": ("Danish",),
    "FI": ("Finnish",),
    "IS": ("Icelandic",),
    "PL": ("Polish",),
    "CZ": ("Czech",),
    "SK": ("Slovak",),
    "HU": ("Hungarian",),
    "RO": ("Romanian",),
    "BG": ("Bulgarian",),
    "GR": ("Greek",),
    "HR": ("Croatian",),
    "RS": ("Serbian",),
    "SI": ("Slovenian",),
    "LT": ("Lithuanian",),
    "LV": ("Latvian",),
    "EE": ("Estonian",),
    "MD": ("Moldovan",),
    "TR": ("Turkish",),
    "IL": ("Israeli", "Israelis"),
    "IR": ("Iranian",),
    "IQ": ("Iraqi",),
    "SY": ("Syrian",),
    "LB": ("Lebanese",),
    "JO": ("Jordanian",),
    "SA": ("Saudi", "Saudi Arabian"),
    "AE": ("Emirati",),
    "QA": ("Qatari",),
    "KW": ("Kuwaiti",),
    "OM": ("Omani",),
    "YE": ("Yemeni",),
    "EG": ("Egyptian",),
    "MA": ("Moroccan",),
    "DZ": ("Algerian",),
    "TN": ("Tunisian",),
    "LY": ("Libyan",),
    "ZA": ("South African",),
    "NG": ("Nigerian",),
    "KE": ("Kenyan",),
    "ET": ("Ethiopian",),
    "GH": ("Ghanaian",),
    "AF": ("Afghan",),
    "CI": ("Ivorian",),
    "UZ": ("Uzbek", "Uzbekistani"),
    "KG": ("Kyrgyz",),
    "TJ": ("Tajik",),
    "TM": ("Turkmen",),
    "MN": ("Mongolian",),
    "BH": ("Bahraini",),
    "PS": ("Palestinian",),
    "SD": ("Sudanese",),
    "SS": ("South Sudanese",),
    "UY": ("Uruguayan",),
    "PY": ("Paraguayan",),
    "BO": ("Bolivian",),
    "GT": ("Guatemalan",),
    "PA": ("Panamanian",),
    "CR": ("Costa Rican",),
    "HN": ("Honduran",),
    "SV": ("Salvadoran", "Salvadorean"),
    "JM": ("Jamaican",),
    "HT": ("Haitian",),
    "PR": ("Puerto Rican",),
    "BA": ("Bosnian",),
    "AL": ("Albanian",),
    "ME": ("Montenegrin",),
    "MK": ("North Macedonian", "Macedonian"),
    "MT": ("Maltese",),
    "CY": ("Cypriot",),
    "TZ": ("Tanzanian",),
    "UG": ("Ugandan",),
    "RW": ("Rwandan",),
    "ZM": ("Zambian",),
    "ZW": ("Zimbabwean",),
    "MZ": ("Mozambican",),
    "AO": ("Angolan",),
    "NA": ("Namibian",),
    "SN": ("Senegalese",),
    "ML": ("Malian",),
    "CM": ("Cameroonian",),
    "MG": ("Malagasy",),
    "MU": ("Mauritian",),
    "ER": ("Eritrean",),
    "BN": ("Bruneian",),
    "BT": ("Bhutanese",),
    "MV": ("Maldivian",),
    "FJ": ("Fijian",),
}

# Seats of government used as the name of the government itself ("Beijing retaliated").
CAPITALS: dict[str, tuple[str, ...]] = {
    "US": ("Washington", "Section 232", "Section 301", "Section 122"),  # U.S. trade-law sections act for it
    "CN": ("Beijing",),
    "IN": ("New Delhi", "Delhi"),
    EU: ("Brussels",),
    "CA": ("Ottawa",),
    "MX": ("Mexico City",),
    "JP": ("Tokyo",),
    "KR": ("Seoul",),
    "KP": ("Pyongyang",),
    "BR": ("Brasilia", "Brasília"),
    "CH": ("Bern", "Berne"),
    "GB": ("London",),
    "VN": ("Hanoi",),
    "RU": ("Moscow", "Kremlin"),
    "UA": ("Kyiv", "Kiev"),
    "DE": ("Berlin",),
    "FR": ("Paris",),
    "TR": ("Ankara",),
    "TW": ("Taipei",),
    "AU": ("Canberra",),
    "ID": ("Jakarta",),
    "TH": ("Bangkok",),
    "MY": ("Kuala Lumpur",),
    "PH": ("Manila",),
    "IT": ("Rome",),
    "ES": ("Madrid",),
    "ZA": ("Pretoria",),
    "IL": ("Jerusalem",),
    "IR": ("Tehran",),
    "SA": ("Riyadh",),
    "AR": ("Buenos Aires",),
    "PK": ("Islamabad",),
    "NO": ("Oslo",),
    "NZ": ("Wellington",),
    "CL": ("Santiago",),
    "PE": ("Lima",),
    "CO": ("Bogota", "Bogotá"),
    "EG": ("Cairo",),
    "AE": ("Abu Dhabi",),
    "BD": ("Dhaka",),
    "LK": ("Colombo",),
    "IQ": ("Baghdad",),
    "KH": ("Phnom Penh",),
    "LA": ("Vientiane",),
    "MM": ("Naypyidaw",),
    "KE": ("Nairobi",),
    "NG": ("Abuja",),
    "ET": ("Addis Ababa",),
    "MA": ("Rabat",),
    "DZ": ("Algiers",),
    "TN": ("Tunis",),
    "JO": ("Amman",),
    "OM": ("Muscat",),
    "EC": ("Quito",),
    "VE": ("Caracas",),
    "UY": ("Montevideo",),
    "PY": ("Asunción", "Asuncion"),
    "CU": ("Havana",),
    "SE": ("Stockholm",),
    "DK": ("Copenhagen",),
    "FI": ("Helsinki",),
    "PL": ("Warsaw",),
    "CZ": ("Prague",),
    "HU": ("Budapest",),
    "AT": ("Vienna",),
    "GR": ("Athens",),
    "PT": ("Lisbon",),
    "IE": ("Dublin",),
    "KZ": ("Astana",),
    "UZ": ("Tashkent",),
    "AZ": ("Baku",),
    "GE": ("Tbilisi",),
    "AM": ("Yerevan",),
    "BY": ("Minsk",),
    "MD": ("Chisinau",),
    "RS": ("Belgrade",),
    "NP": ("Kathmandu",),
    "MN": ("Ulaanbaatar",),
}

# Phrases that contain a country word but do not name that country; matched first so that
# "Latin American" is not read as "American", nor "New Mexico" as Mexico.
NOT_COUNTRIES: tuple[str, ...] = (
    "Latin America",
    "Latin American",
    "Latin Americans",
    "South America",
    "South American",
    "North America",
    "North American",
    "Central America",
    "Central American",
    "Americas",
    "Native American",
    "Native Americans",
    "African American",
    "African Americans",
    "New Mexico",
    "New Mexican",
    "New Jersey",
    "New South Wales",
    "New England",
    "Washington state",
    "Washington State",
    "Washington Post",
    "Indian Ocean",
    "Indian Country",
    "Southeast Asian",
    "East Asian",
    "South Asian",
    "Georgia Tech",
    "Mexican American",
    "Asian American",
    "French fries",
    "Turkish Airlines",
    "Swiss franc",
    "Swiss francs",
    "Inner Mongolia",
    "Inner Mongolian",
    "Vienna Convention",
    "Minsk agreements",
    "Minsk agreement",
    "Havana Charter",
    "Wellington boots",
    "Santiago de Compostela",
    "Lima Group",
)

# pycountry names that are ordinary English words or name something else far more often in news.
_AMBIGUOUS_NAMES = frozenset({"Jersey", "Chad", "Jordan", "Guernsey", "Man", "Niger"})


class CountryMention(NamedTuple):
    """A country named in a text: span, the text as written, its code and how it was named."""

    start: int
    end: int
    text: str
    iso2: str
    # "name" (Germany, U.S.), "demonym" (German) or "capital" (Berlin as the government)
    kind: str


def _pycountry_names() -> dict[str, str]:
    """Official, common and short names from pycountry that can be matched verbatim in prose."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if not name or "," in name or "(" in name or name in _AMBIGUOUS_NAMES:
                continue
            names[name] = country.alpha_2
    return names


@cache
def _lexicon() -> dict[str, tuple[str | None, str]]:
    """Every matchable phrase -> (ISO code or None for a blocked phrase, kind)."""
    lexicon: dict[str, tuple[str | None, str]] = {}
    for name, code in _pycountry_names().items():
        lexicon[name] = (code, "name")
    for code, names in ALIASES.items():
        for name in names:
            lexicon[name] = (code, "name")
    for code, names in CAPITALS.items():
        for name in names:
            lexicon[name] = (code, "capital")
    for code, names in DEMONYMS.items():
        for name in names:
            lexicon.setdefault(name, (code, "demonym"))
    for phrase in NOT_COUNTRIES:
        lexicon[phrase] = (None, "blocked")
    return lexicon


@cache
def _lookup_table() -> dict[str, str]:
    """Lower-cased phrase -> code, for normalising a name given on its own."""
    table = {}
    for phrase, (code, _kind) in _lexicon().items():
        if code:
            table[phrase.lower()] = code
    return table


def _trie(phrases: list[str]) -> dict:
    """`phrases` as a character trie: nested dicts keyed by character, "" marking a phrase's end."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = True
    return trie


def _render_trie(node: dict) -> str:
    """A regex alternation matching the phrases of a trie node, one branch per next character.

    A flat alternation of ~700 names makes `re` try every branch at every position; a trie tries
    one branch per character, which makes the pattern roughly ten times faster. Longer phrases are
    preferred because a branch that can continue is tried before the end of a shorter phrase.
    """
    ends = "" in node
    branches = [re.escape(char) + _render_trie(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Where a phrase may also end here, the continuation is optional; the caller's final
    # boundary check makes `re` backtrack to the shorter phrase when the longer one is a prefix.
    return f"(?:{body})?" if ends else body


def phrase_regex(phrases: list[str]) -> str:
    """A case-sensitive regex matching any of `phrases` as whole words, preferring the longest.

    The pattern opens with one branch per initial letter, each followed by a look-behind that the
    letter does not continue a word: a pattern that starts with literals lets `re` skip, in C, every
    position that cannot start a phrase. "U.S." ending in a dot is delimited by its neighbours
    rather than by \\b.
    """
    branches = [
        rf"{re.escape(char)}(?<![\w.]{re.escape(char)}){_render_trie(child)}"
        for char, child in sorted(_trie(phrases).items())
    ]
    return rf"(?:{'|'.join(branches)})(?![\w])"


@cache
def country_pattern() -> re.Pattern[str]:
    """A case-sensitive pattern matching any known country phrase, preferring the longest."""
    return re.compile(phrase_regex(list(_lexicon())))


def country_spans(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, iso2, kind) of the country mentions of `text`: find_countries without the objects."""
    lexicon = _lexicon()
    spans = []
    for match in country_pattern().finditer(text):
        code, kind = lexicon[match.group(0)]
        if code is not None:
            spans.append((match.start(), match.end(), code, kind))
    return spans


def find_countries(text: str, start: int = 0, end: int | None = None) -> list[CountryMention]:
    """Country mentions in text[start:end], in order; blocked phrases ("Latin American") are skipped."""
    lexicon = _lexicon()
    found = []
    for match in country_pattern().finditer(text, start, len(text) if end is None else end):
        phrase = match.group(0)
        code, kind = lexicon[phrase]
        if code is None:
            continue
        found.append(CountryMention(match.start(), match.end(), phrase, code, kind))
    return found


def country_iso2(name: str | None) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country name, alias, demonym or capital; `EU` for the Union.

    "U.S." -> "US", "Chinese" -> "CN", "Brussels" -> "EU", "Swiss" -> "CH", "Germany" -> "DE";
    None for anything else. A two-letter input is accepted only as an upper-case ISO code.
    """
    if not name:
        return None
    text = name.strip()
    if text.lower().startswith("the "):
        text = text[4:].strip()
    text = re.sub(r"['’]s$", "", text)
    exact = _lexicon().get(text)
    if exact:
        return exact[0]
    # Case-insensitive only for real names: "us" or "in" must not become a country.
    code = _lookup_table().get(text.lower()) if len(text) > 3 else None
    if code:
        return code
    if len(text) == 2 and text.isupper():
        return text if text == EU or pycountry.countries.get(alpha_2=text) else None
    if len(text) == 3 and text.isupper():
        country = pycountry.countries.get(alpha_3=text)
        return country.alpha_2 if country else None
    return None


def country_name(iso2: str | None) -> str | None:
    """The English short name of a code ("CN" -> "China", "EU" -> "European Union"); None if unknown."""
    if not iso2:
        return None
    if iso2.upper() == EU:
        return EU_NAME
    country = pycountry.countries.get(alpha_2=iso2.upper())
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name
