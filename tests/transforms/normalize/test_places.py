"""The gazetteer: codes come from pycountry, spellings news uses resolve to them."""

from __future__ import annotations

import pycountry
import pytest

from transforms.normalize import places


def _pycountry_codes() -> set[str]:
    return {sub.code for country in places.COUNTRIES
            for sub in pycountry.subdivisions.get(country_code=country)}


_ENGLISH_TABLES = (places.UKRAINE, places.RUSSIA, places.ISRAEL, places.IRAN, places.YEMEN, places.LEBANON,
                   places.SYRIA, places.PALESTINE, places.IRAQ, places.MYANMAR, places.SUDAN)


def test_every_code_in_the_tables_exists_in_pycountry():
    known = _pycountry_codes()
    used = (set().union(*_ENGLISH_TABLES) | set(places.CITIES)
            | set(places.STANDALONE_ALIASES.values()))
    assert used <= known, sorted(used - known)


def test_every_subdivision_of_every_covered_country_has_an_english_name():
    assert set().union(*_ENGLISH_TABLES) == _pycountry_codes()
    assert sum(len(table) for table in _ENGLISH_TABLES) == len(_pycountry_codes())  # no code in two tables
    for code, subdivision in places.subdivisions().items():
        assert subdivision.code == code and subdivision.name and subdivision.official


def test_city_codes_are_their_subdivisions():
    for city in places.cities().values():
        assert places.subdivision(city.code) is not None
        assert city.country == city.code[:2]


@pytest.mark.parametrize("subdivision", list(places.subdivisions().values()), ids=lambda s: s.code)
def test_pycountry_official_name_resolves_to_its_code(subdivision):
    # "Poltavska oblast", "Belgorodskaya oblast'", "Severnaya Osetiya, Respublika" all match as written;
    # pycountry's type tells apart the Jerusalem District (IL-JM) and the Jerusalem Governorate (PS-JEM).
    # A compass word alone (Sudan's "Northern") names nothing: its English name does.
    written = subdivision.name if subdivision.official in ("Northern",) else subdivision.official
    place = places.lookup(written)
    assert place is not None
    if subdivision.kind in ("City", "Autonomous city", "Municipality"):
        reading = place.bare()
    else:
        reading = place.typed(subdivision.kind)
    assert reading is not None and reading[1] == subdivision.code


@pytest.mark.parametrize(
    ("spelling", "reading", "expected"),
    [
        ("Kyiv", "bare", ("Kyiv", "UA-30")),
        ("Kiev", "bare", ("Kyiv", "UA-30")),
        ("Kyiv", "typed", ("Kyiv Oblast", "UA-32")),
        ("Kyiv City", "bare", ("Kyiv", "UA-30")),
        ("Kharkov", "bare", ("Kharkiv", "UA-63")),
        ("Kharkiv", "typed", ("Kharkiv Oblast", "UA-63")),
        ("Odessa", "bare", ("Odesa", "UA-51")),
        ("Dnipro", "bare", ("Dnipro", "UA-12")),
        ("Dnipro", "typed", ("Dnipropetrovsk Oblast", "UA-12")),
        ("Zaporizhzhya", "typed", ("Zaporizhzhia Oblast", "UA-23")),
        ("Zaporizhia", "bare", ("Zaporizhzhia", "UA-23")),
        ("Kyrovohrad", "typed", ("Kirovohrad Oblast", "UA-35")),
        ("Kropyvnytskyi", "bare", ("Kropyvnytskyi", "UA-35")),
        ("Nikolaev", "bare", ("Mykolaiv", "UA-48")),
        ("Lvov", "typed", ("Lviv Oblast", "UA-46")),
        ("Lugansk", "typed", ("Luhansk Oblast", "UA-09")),
        ("Crimea", "bare", ("Crimea", "UA-43")),
        ("Kryvyi Rih", "bare", ("Kryvyi Rih", "UA-12")),
        ("Moscow", "bare", ("Moscow", "RU-MOW")),
        ("Moscow", "typed", ("Moscow Oblast", "RU-MOS")),
        ("St. Petersburg", "bare", ("Saint Petersburg", "RU-SPE")),
        ("Rostov", "bare", ("Rostov-on-Don", "RU-ROS")),
        ("Engels", "bare", ("Engels", "RU-SAR")),
        ("Vladikavkaz", "bare", ("Vladikavkaz", "RU-SE")),
        ("North Ossetia", "bare", ("North Ossetia-Alania", "RU-SE")),
        ("Domodedovo", "bare", ("Domodedovo", "RU-MOS")),
        ("Tatarstan", "bare", ("Tatarstan", "RU-TA")),
        ("Krasnodar", "typed", ("Krasnodar Krai", "RU-KDA")),
    ],
    ids=lambda value: value if isinstance(value, str) else value[1],
)
def test_news_spellings(spelling, reading, expected):
    place = places.lookup(spelling)
    assert place is not None
    result = place.bare() if reading == "bare" else place.typed()
    assert result[:2] == expected


@pytest.mark.parametrize(
    ("spelling", "reading", "expected"),
    [
        ("Haifa", "bare", ("Haifa", "IL-HA")),
        ("Beersheba", "bare", ("Beersheba", "IL-D")),
        ("Be'er Sheva", "bare", ("Beersheba", "IL-D")),
        ("Ramat Gan", "bare", ("Ramat Gan", "IL-TA")),
        ("Rishon Lezion", "bare", ("Rishon LeZion", "IL-M")),
        ("Kiryat Shmona", "bare", ("Kiryat Shmona", "IL-Z")),
        ("Southern District", "bare", ("Southern District", "IL-D")),
        ("Tel Aviv", "typed", ("Tel Aviv District", "IL-TA")),
        ("Tehran", "bare", ("Tehran", "IR-23")),
        ("Tehran", "typed", ("Tehran Province", "IR-23")),
        ("Kermanshah", "typed", ("Kermanshah Province", "IR-05")),
        ("Natanz", "bare", ("Natanz", "IR-10")),
        ("Fordow", "bare", ("Fordow", "IR-25")),
        ("Esfahan", "typed", ("Isfahan Province", "IR-10")),
        ("Sanaa", "bare", ("Sanaa", "YE-SA")),
        ("Sana'a", "typed", ("Sanaa Governorate", "YE-SN")),
        ("Hodeida", "bare", ("Hodeidah", "YE-HU")),
        ("Hudaydah", "typed", ("Hodeidah Governorate", "YE-HU")),
        ("Ras Isa", "bare", ("Ras Isa", "YE-HU")),
        ("Beirut", "bare", ("Beirut", "LB-BA")),
        ("Tyre", "bare", ("Tyre", "LB-JA")),
        ("Bekaa", "typed", ("Beqaa Governorate", "LB-BI")),
        ("Nabatiyeh", "bare", ("Nabatieh", "LB-NA")),
        ("Deir al-Zor", "bare", ("Deir ez-Zor", "SY-DY")),
        ("Lattakia", "typed", ("Latakia Governorate", "SY-LA")),
        ("Rural Damascus", "typed", ("Rif Dimashq Governorate", "SY-RD")),
        ("Gaza City", "bare", ("Gaza City", "PS-GZA")),
        ("Khan Yunis", "bare", ("Khan Younis", "PS-KYS")),
        ("Jabaliya", "bare", ("Jabalia", "PS-NGZ")),
        ("Tulkarem", "bare", ("Tulkarm", "PS-TKM")),
        ("Irbil", "bare", ("Erbil", "IQ-AR")),
        ("Ain al-Assad", "bare", ("Ain al-Asad", "IQ-AN")),
        ("Mosul", "bare", ("Mosul", "IQ-NI")),
        ("Nineveh", "typed", ("Nineveh Governorate", "IQ-NI")),
        ("Iraqi Kurdistan", "bare", ("Kurdistan Region", "IQ-KR")),
    ],
    ids=lambda value: value if isinstance(value, str) else value[1],
)
def test_middle_east_spellings(spelling, reading, expected):
    place = places.lookup(spelling)
    assert place is not None
    result = place.bare() if reading == "bare" else place.typed()
    assert result[:2] == expected


def test_bare_gaza_is_the_strip_not_gaza_city():
    # "Gaza City" is keyed like "Gaza"; bare "Gaza" names no subdivision, "Gaza governorate" does
    assert places.lookup("Gaza").bare() is None
    assert places.lookup("Gaza").typed()[1] == "PS-GZA"
    assert places.lookup("Gaza City").bare()[1] == "PS-GZA"


@pytest.mark.parametrize(
    ("spelling", "type_word", "code"),
    [
        ("Kurdistan", "region", "IQ-KR"),
        ("Kurdistan", "province", "IR-12"),
        ("Jerusalem", "governorate", "PS-JEM"),
        ("Jerusalem", None, "IL-JM"),
    ],
    ids=["kurdistan_region", "kurdistan_province", "jerusalem_governorate", "jerusalem_default"],
)
def test_the_type_word_picks_among_namesake_subdivisions(spelling, type_word, code):
    assert places.lookup(spelling).typed(type_word)[1] == code


def test_a_type_word_leaves_unique_names_alone():
    assert places.lookup("Kyiv").typed("province")[1] == "UA-32"
    assert places.lookup("Tehran").typed("region")[1] == "IR-23"


def test_compass_word_names_keep_their_type_word():
    # "Southern District" and "South Lebanon Governorate": "Southern" or "South" alone names nothing
    assert "Southern" not in places.spellings() and "South" not in places.spellings()
    assert places.lookup("Southern") is None
    assert places.lookup("South Lebanon").typed()[1] == "LB-JA"


@pytest.mark.parametrize(
    "spelling",
    ["Saratov", "Belgorod", "Kursk"],
    ids=["saratov_city", "belgorod_city", "kursk_city"],
)
def test_russian_oblast_centres_are_cities_of_their_oblast(spelling):
    name, code, country = places.lookup(spelling).bare()
    assert (name, country) == (spelling, "RU")
    assert places.lookup(spelling).typed()[1] == code


def test_a_stem_that_is_no_city_names_nothing_bare():
    # "Belgorodskaya" is pycountry's adjective; it only names the oblast with a type word
    assert places.lookup("Belgorodskaya").bare() is None
    assert places.lookup("Belgorodskaya").typed()[1] == "RU-BEL"


def test_unknown_names():
    assert places.lookup("Wisconsin") is None
    assert places.lookup("Washington") is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Kyïvs'ka oblast", "kyivska"),
        ("Kharkivs’ka Oblast", "kharkivska"),
        ("St. Petersburg", "saint petersburg"),
        ("Ivano-Frankivsk region", "ivano frankivsk"),
        ("Republic of Tatarstan", "tatarstan"),
        ("Severnaya Osetiya, Respublika", "severnaya osetiya"),
    ],
    ids=["diacritics_apostrophe", "curly_apostrophe", "saint", "hyphen_and_type_word", "republic_of",
         "inverted"],
)
def test_normalize_place(text, key):
    assert places.normalize_place(text) == key


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Strikes hit Kryvyi Rih and Zaporizhzhya overnight.", ["Kryvyi Rih", "Zaporizhzhya"]),
        ("Blasts in L'viv and Ivano Frankivsk.", ["L'viv", "Ivano Frankivsk"]),
        ("Drones over Rostov-on-Don.", ["Rostov-on-Don"]),
        ("KYIV, Ukraine (AP) - Russia fired missiles.", []),
    ],
    ids=["two_word_city", "apostrophe_and_space_variants", "hyphenated_longest", "all_caps_dateline"],
)
def test_place_regex_finds_spellings(text, found):
    assert [m.group() for m in places.place_regex().finditer(text)] == found


@pytest.mark.parametrize(
    ("spelling", "code"),
    [("Rakhine", "MM-16"), ("Sagaing Region", "MM-01"), ("Madaya", "MM-04"), ("Port Sudan", "SD-RS"),
     ("North Kordofan", "SD-KN"), ("River Nile", "SD-NR"), ("El Fasher", "SD-DN"), ("Northern State", "SD-NO")],
)
def test_myanmar_and_sudan(spelling, code):
    place = places.lookup(spelling)
    assert code in {p.code for p in (place.region, place.city, place.standalone) if p is not None}


@pytest.mark.parametrize("spelling", ["Northern", "Islamic State"])
def test_words_that_name_no_place(spelling):
    place = places.lookup(spelling)
    assert place is None or (place.city is None and place.standalone is None and place.region is None)


def test_other_countries_provinces_are_known_by_pycountry_names_without_diacritics():
    assert places.is_other_region("Gujarat") and places.other_region("Gujarat", "state")[1] == "IN-GJ"
    assert places.other_region("Punjab", "province")[1] == "PK-PB"
    assert places.other_region("Punjab", "state")[1] == "IN-PB"
    assert places.is_other_region("Sisaket")  # pycountry's "Si Sa Ket" written as one word
    assert not places.is_other_region("Kharkiv")  # the gazetteer's own places stay its own
