"""The gazetteer: codes come from pycountry, spellings news uses resolve to them."""

from __future__ import annotations

import pycountry
import pytest

from transforms.normalize import places


def _pycountry_codes() -> set[str]:
    return {sub.code for country in places.COUNTRIES
            for sub in pycountry.subdivisions.get(country_code=country)}


def test_every_code_in_the_tables_exists_in_pycountry():
    known = _pycountry_codes()
    used = (set(places.UKRAINE) | set(places.RUSSIA) | set(places.CITIES)
            | set(places.STANDALONE_ALIASES.values()))
    assert used <= known, sorted(used - known)


def test_every_ukrainian_and_russian_subdivision_has_an_english_name():
    assert set(places.UKRAINE) | set(places.RUSSIA) == _pycountry_codes()
    for code, subdivision in places.subdivisions().items():
        assert subdivision.code == code and subdivision.name and subdivision.official


def test_city_codes_are_their_subdivisions():
    for city in places.cities().values():
        assert places.subdivision(city.code) is not None
        assert city.country == city.code[:2]


@pytest.mark.parametrize("subdivision", list(places.subdivisions().values()), ids=lambda s: s.code)
def test_pycountry_official_name_resolves_to_its_code(subdivision):
    # "Poltavska oblast", "Belgorodskaya oblast'", "Severnaya Osetiya, Respublika" all match as written
    place = places.lookup(subdivision.official)
    assert place is not None
    reading = place.bare() if subdivision.kind in ("City", "Autonomous city") else place.typed()
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
