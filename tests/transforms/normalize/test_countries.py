"""Country names, demonyms, capitals and news aliases -> ISO 3166-1 alpha-2."""

from __future__ import annotations

import pycountry
import pytest

from transforms.normalize import countries
from transforms.normalize.countries import EU, country_iso2, country_name, country_spans, find_countries


@pytest.mark.parametrize(
    "name, code",
    [
        pytest.param("U.S.", "US", id="us_dotted"),
        pytest.param("US", "US", id="us_capitals"),
        pytest.param("the United States", "US", id="article_name"),
        pytest.param("America", "US", id="america"),
        pytest.param("American", "US", id="american_demonym"),
        pytest.param("Washington", "US", id="washington_capital"),
        pytest.param("China", "CN", id="china"),
        pytest.param("Chinese", "CN", id="chinese"),
        pytest.param("Beijing", "CN", id="beijing"),
        pytest.param("India", "IN", id="india"),
        pytest.param("Indian", "IN", id="indian"),
        pytest.param("New Delhi", "IN", id="new_delhi"),
        pytest.param("EU", "EU", id="eu"),
        pytest.param("European Union", "EU", id="european_union"),
        pytest.param("European", "EU", id="european"),
        pytest.param("Europe", "EU", id="europe"),
        pytest.param("Brussels", "EU", id="brussels"),
        pytest.param("Canadian", "CA", id="canadian"),
        pytest.param("Ottawa", "CA", id="ottawa"),
        pytest.param("Mexican", "MX", id="mexican"),
        pytest.param("Japanese", "JP", id="japanese"),
        pytest.param("Tokyo", "JP", id="tokyo"),
        pytest.param("South Korea", "KR", id="south_korea"),
        pytest.param("Korean", "KR", id="korean"),
        pytest.param("Seoul", "KR", id="seoul"),
        pytest.param("Brazilian", "BR", id="brazilian"),
        pytest.param("Switzerland", "CH", id="switzerland"),
        pytest.param("Swiss", "CH", id="swiss"),
        pytest.param("UK", "GB", id="uk"),
        pytest.param("Britain", "GB", id="britain"),
        pytest.param("British", "GB", id="british"),
        pytest.param("Vietnamese", "VN", id="vietnamese"),
        pytest.param("Viet Nam", "VN", id="viet_nam_official"),
        pytest.param("Russian", "RU", id="russian"),
        pytest.param("Moscow", "RU", id="moscow"),
        pytest.param("Russian Federation", "RU", id="pycountry_name"),
        pytest.param("Ukrainian", "UA", id="ukrainian"),
        pytest.param("Kyiv", "UA", id="kyiv"),
        pytest.param("German", "DE", id="german"),
        pytest.param("French", "FR", id="french"),
        pytest.param("Turkey", "TR", id="turkey"),
        pytest.param("Türkiye", "TR", id="turkiye"),
        pytest.param("Turkish", "TR", id="turkish"),
        pytest.param("Germany", "DE", id="pycountry_common"),
        pytest.param("China's", "CN", id="possessive"),
        pytest.param("DEU", "DE", id="alpha3"),
        pytest.param("IN", "IN", id="alpha2_upper"),
    ],
)
def test_country_iso2(name, code):
    assert country_iso2(name) == code


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("us", id="pronoun_us"),
        pytest.param("in", id="preposition_in"),
        pytest.param("Latin American", id="region_not_country"),
        pytest.param("New Mexico", id="us_state"),
        pytest.param("Pittsburgh", id="city"),
        pytest.param("", id="empty"),
        pytest.param(None, id="none"),
    ],
)
def test_not_a_country(name):
    assert country_iso2(name) is None


def _hand_tables():
    for table in (countries.ALIASES, countries.DEMONYMS, countries.CAPITALS):
        for code, names in table.items():
            for name in names:
                yield code, name


@pytest.mark.parametrize("code, name", sorted(set(_hand_tables())))
def test_every_hand_written_code_is_an_iso_code(code, name):
    # The EU is the one reserved code ISO 3166 keeps outside the country list.
    assert code == EU or pycountry.countries.get(alpha_2=code) is not None, (code, name)


def test_eu_members_are_iso_codes():
    assert all(pycountry.countries.get(alpha_2=code) for code in countries.EU_MEMBERS)
    assert len(countries.EU_MEMBERS) == 27


def test_every_hand_written_name_is_found_in_text():
    for code, name in _hand_tables():
        found = find_countries(f"Officials from {name} spoke.")
        assert [(m.text, m.iso2) for m in found] == [(name, code)], name


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("the U.S.-China trade war", [("U.S.", "US"), ("China", "CN")], id="hyphen_compound"),
        pytest.param("Latin American and Swiss exporters", [("Swiss", "CH")], id="blocked_phrase_skipped"),
        pytest.param(
            "talks in New Delhi and South Korea",
            [("New Delhi", "IN"), ("South Korea", "KR")],
            id="longest_phrase_wins",
        ),
        pytest.param(
            "Papua New Guinea and Guinea", [("Papua New Guinea", "PG"), ("Guinea", "GN")], id="nested_names"
        ),
        pytest.param("tell us in Washington State", [], id="lowercase_us_and_state"),
        pytest.param("the U.S. Steel plant", [("U.S.", "US")], id="dotted_abbreviation_boundary"),
    ],
)
def test_find_countries(text, expected):
    assert [(m.text, m.iso2) for m in find_countries(text)] == expected
    assert [(text[s:e], code) for s, e, code, _kind in country_spans(text)] == expected


def test_kinds():
    kinds = {m.text: m.kind for m in find_countries("Chinese and Beijing and China")}
    assert kinds == {"Chinese": "demonym", "Beijing": "capital", "China": "name"}


@pytest.mark.parametrize(
    "code, name",
    [("CN", "China"), ("EU", "European Union"), ("KR", "South Korea"), ("XX", None), (None, None)],
)
def test_country_name(code, name):
    assert country_name(code) == name


@pytest.mark.parametrize(("phrase", "code"), [
    ("Uruguayan beef", "UY"), ("Bolivian lithium", "BO"), ("Ivorian cocoa", "CI"), ("Uzbek cotton", "UZ"),
    ("Guatemalan coffee", "GT"), ("Zambian copper", "ZM"), ("Sudanese gum arabic", "SD"), ("Cypriot halloumi", "CY"),
])
def test_demonyms_of_more_trading_countries(phrase, code):
    assert [span[2:] for span in country_spans(phrase)] == [(code, "demonym")]


@pytest.mark.parametrize(("phrase", "code"), [("Cairo", "EG"), ("Lima", "PE"), ("Warsaw", "PL"), ("Dhaka", "BD")])
def test_more_capitals_act_for_their_governments(phrase, code):
    assert [span[2:] for span in country_spans(f"{phrase} said it would raise tariffs")] == [(code, "capital")]


@pytest.mark.parametrize("phrase", ["Inner Mongolian coal", "the Vienna Convention", "Wellington boots"])
def test_names_with_a_capital_or_demonym_inside_that_name_no_country(phrase):
    assert country_spans(phrase) == []
