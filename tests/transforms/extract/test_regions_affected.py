"""regions_affected: places described as hit or affected, and counts of affected regions."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.documents import make_document
from transforms.extract import regions_affected

LABELS = {
    "casualties", "gas_production_halted", "refinery_fire", "power_outage", "heating_outage", "water_outage",
    "energy_facilities_damaged", "drones_shot_down", "drones_shot_down_no_damage", "fire", "explosions",
    "damage", "strike",
}


@pytest.fixture(autouse=True)
def _no_event_dates(monkeypatch):
    # These tests are about reading places; event dates are the event-date module's own tests.
    monkeypatch.setattr(regions_affected, "event_date", lambda doc, sentence_no: None)


def rows_of(text: str) -> list[dict]:
    doc = make_document(text, source_name="t.txt", source_uri="file:///t.txt",
                        published_date=dt.date(2025, 3, 10))
    rows = regions_affected.extract(doc)
    for row in rows:
        assert 0 <= row["char_start"] < row["char_end"] <= len(doc.text)
        assert row["impact"] in LABELS
        row["mention"] = doc.text[row["char_start"]:row["char_end"]]
    return rows


def keys_of(text: str) -> set:
    """The scoring keys: the ISO code of a named row, the number of a count row."""
    return {row["iso_3166_2"] or row["region_count"] for row in rows_of(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three people were killed in Kharkiv when a missile hit a residential building.", {"UA-63"}),
        ("Natural gas production in the central Poltava region had to be suspended due to the attacks.",
         {"UA-53"}),
        ("Drones hit Kyiv and the Kyiv region overnight, injuring five people.", {"UA-30", "UA-32"}),
        ("The regions of Sumy and Chernihiv were left without power after the strikes.", {"UA-59", "UA-74"}),
        ("Russian shelling damaged homes in the Kherson and Mykolaiv oblasts.", {"UA-65", "UA-48"}),
        ("Missiles were aimed at the eastern Kharkiv, Dnipro and Poltava regions.",
         {"UA-63", "UA-12", "UA-53"}),
        ("Explosions were reported in Odesa, Kharkiv and Dnipro early on Sunday.",
         {"UA-51", "UA-63", "UA-12"}),
        ("A Russian missile strike on Vinnytsia killed two civilians.", {"UA-05"}),
        ("Ukrainian naval drones hit Novorossiysk overnight, the port operator said.", {"RU-KDA"}),
        ("Chernihiv lost power after the Russian barrage.", {"UA-74"}),
        ("Kharkiv, the country's second city, has no electricity after the strikes.", {"UA-63"}),
        ("Russian missiles hit Ukraine's second-largest city, Kharkiv, on Thursday.", {"UA-63"}),
        ("A drone attack cut Odesa's electricity supply for hours.", {"UA-51"}),
        ("Debris fell on Kyiv's Darnytskyi district, injuring two people.", {"UA-30"}),
        ("Air defences destroyed 12 drones over the Belgorod region and seven over the Kursk region.",
         {"RU-BEL", "RU-KRS"}),
        ("In Kryvyi Rih, a city in the Dnipropetrovsk region, a missile killed four people.", {"UA-12"}),
        ("The Tuapse refinery caught fire after a Ukrainian drone attack.", {"RU-KDA"}),
        ("A drone strike in the southern city of Mykolaiv left two people dead.", {"UA-48"}),
        ("Explosions were heard in Russian-occupied Melitopol overnight.", {"UA-23"}),
        ("Shelling damaged power lines in Kharkivska oblast overnight.", {"UA-63"}),
        ("Drones struck an industrial site in Tatarstan, 1,200 km from the border.", {"RU-TA"}),
        ("Debris from a downed drone set the Alania mall on fire in Vladikavkaz.", {"RU-SE"}),
        ("Falling drone fragments wounded one person close to the city of Rostov.", {"RU-ROS"}),
        ("Strikes in May hit Kharkiv and Sumy.", {"UA-63", "UA-59"}),
        ("Cities including Kyiv, the capital, were targeted overnight.", {"UA-30"}),
        ("Targets were hit in several provinces, among them the capital Kiev, Odessa and Kharkov.",
         {"UA-30", "UA-51", "UA-63"}),
        ("Power outages hit Kharkiv, Sumy and Chernihiv oblasts and the cities of Kyiv and Odesa.",
         {"UA-63", "UA-59", "UA-74", "UA-30", "UA-51"}),
    ],
    ids=[
        "locative_city", "typed_region_with_adjective", "kyiv_city_and_kyiv_oblast", "regions_of_x_and_y",
        "x_and_y_oblasts", "x_y_and_z_regions", "list_after_locative", "strike_on_city", "attack_verb_object",
        "affected_subject", "subject_with_appositive", "appositive_name_after_descriptor",
        "possessive_infrastructure", "possessive_district", "drones_over_regions", "city_and_its_region",
        "refinery_named_after_city", "descriptor_city_of", "occupied_city", "pycountry_official_name",
        "russian_republic", "vladikavkaz_is_north_ossetia", "close_to_the_city_of", "may_the_month",
        "list_intro_including", "list_intro_among_them", "oblasts_then_cities_of",
    ],
)
def test_named_places(text, expected):
    assert keys_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "country"),
    [
        ("Ukrainian officials said the strikes caused power outages across eight regions.", 8, "UA"),
        ("Eight Ukrainian regions experienced power outages after the attack.", 8, "UA"),
        ("According to the air force, 138 drones were downed over 13 Ukrainian regions.", 13, "UA"),
        ("Russia fired 81 missiles at Ukraine. Targets in more than half a dozen provinces were hit.",
         6, "UA"),
        ("Russian missiles hit the grid. Ukrenergo warned that at least three regions faced longer outages.",
         3, "UA"),
        ("Strikes damaged energy infrastructure in 14 of Ukraine's 24 regions.", 14, "UA"),
        ("Russia's Defence Ministry said drones were destroyed over 12 Russian regions.", 12, "RU"),
        ("Power outages were reported in more than a dozen regions after the Russian attack.", 12, "UA"),
        ("Saturday's salvo damaged power facilities in five regions of Ukraine, officials said.", 5, "UA"),
        ("Russian strikes in March left parts of 11 regions without power, Ukrenergo said.", 11, "UA"),
    ],
    ids=["word_number", "adjective_ukrainian", "digits_after_over", "half_a_dozen", "at_least",
         "x_of_total", "adjective_russian", "a_dozen", "regions_of_ukraine", "parts_of_is_no_total"],
)
def test_region_counts(text, expected, country):
    rows = [row for row in rows_of(text) if row["region_count"] is not None]
    assert [row["region_count"] for row in rows] == [expected]
    assert rows[0]["country_iso2"] == country
    assert rows[0]["region_name"] is None and rows[0]["iso_3166_2"] is None


@pytest.mark.parametrize(
    "text",
    [
        "According to Kyiv officials, Zelensky will ask for more cruise missiles and air defence systems.",
        "Moscow has warned that any transfer of long-range missiles would be a provocation.",
        "In response, Kyiv has intensified its attacks on Russian energy infrastructure.",
        "Moscow dramatically intensified attacks on the Ukrainian grid in March.",
        "Washington sent more Patriot missiles to Kyiv after the strikes.",
        "Ukraine's allies in Kyiv pledged more air defence after the attacks.",
        "The strike coincided with efforts by leaders in Kyiv to adjust to changes in Washington.",
        "Tomahawk missiles could enable strikes on Moscow and other major Russian cities.",
        "The new missiles will let Ukraine hit targets in Crimea.",
        "The Zaporizhzhia nuclear power plant lost external power again after the strikes.",
        "The Sheremetyevo, Vnukovo and Domodedovo airports were closed during the drone attack.",
        "Oil products were seeping into the Dnipro River after the dam was hit.",
        "Russia launched 40 drones from the Kursk region and occupied Crimea.",
        "Energy facilities in several regions were damaged by the strikes.",
        "Zelenskyy said the massive strike had hit all regions of Ukraine.",
        "Zelensky visited Kharkiv on Friday to meet local officials.",
        "Kyiv, Oct 16 (Reuters) - Russian missiles struck energy facilities overnight.",
        "Three people were killed in the region, officials said.",
        "Ukraine has 24 regions, and Russian strikes have hit the country hard.",
        "The Kremlin accused Kyiv of shelling civilians.",
        "The attack was a blow to Kyiv's confidence.",
        "Russian troops captured a village in the Donetsk region, the ministry said.",
        "Kharkiv's mayor said the drones were aimed at the city's infrastructure.",
        "The Kyiv Independent reported explosions in the city.",
        "Wisconsin and Kentucky were hit by European tariffs.",
        "The foreign minister said in Kyiv that the attack showed Moscow did not want peace.",
        "The drones were launched overnight from Cape Chauda in occupied Crimea, the air force said.",
        "The worst damage was in the Lviv and Zakarpattia regions, where wind gusts brought down power lines.",
        "Storms left much of the Lviv region without power. Outages hit five regions in all.",
    ],
    ids=[
        "actor_officials", "actor_has_warned", "actor_has_intensified", "actor_adverb_verb", "destination_to",
        "allies_in_other_clause", "leaders_in", "hypothetical_could_enable", "hypothetical_will_let",
        "facility_npp", "facility_airport_list", "geographic_feature_river", "launch_site_from",
        "vague_several_regions", "vague_all_regions", "no_attack_context", "dateline", "no_place_named",
        "total_not_a_count", "accused_actor", "possessive_abstract", "ground_fighting_no_impact",
        "possessive_title", "organisation_named_after_city", "not_in_the_gazetteer", "said_in_place",
        "launch_site_in_an_occupied_region", "storm_damage", "outages_after_a_storm_sentence",
    ],
)
def test_not_affected(text):
    assert keys_of(text) == set()


@pytest.mark.parametrize(
    ("text", "code", "impact"),
    [
        ("Natural gas production in the Poltava region was halted after the strikes.", "UA-53",
         "gas_production_halted"),
        ("DTEK confirmed power outages in Kyiv after the attack.", "UA-30", "power_outage"),
        ("In the Kharkiv region, 500,000 people had no heating after the attack.", "UA-63", "heating_outage"),
        ("In Kyiv, the mayor said every district had problems with its water supply after the strike.",
         "UA-30", "water_outage"),
        ("A missile strike on Kryvyi Rih killed one person.", "UA-12", "casualties"),
        ("The Novoshakhtinsk refinery was ablaze after the drone attack.", "RU-ROS", "refinery_fire"),
        ("Seven drones were shot down over the Odesa region.", "UA-51", "drones_shot_down"),
        ("Kirovohrad region - one drone was shot down; the governor reported no damage.", "UA-35",
         "drones_shot_down_no_damage"),
        ("Kyiv region - A fire broke out at an industrial site; no one was reported hurt.", "UA-32", "fire"),
        ("Local residents heard at least 11 explosions above Engels.", "RU-SAR", "explosions"),
        ("Russian drones damaged a school in the Sumy region.", "UA-59", "damage"),
        ("Russian missiles targeted Kyiv overnight.", "UA-30", "strike"),
        ("Russian strikes damaged power facilities in the Lviv region.", "UA-46",
         "energy_facilities_damaged"),
        ("Despite the storm, a Russian drone attack left the Sumy region without power.", "UA-59",
         "power_outage"),
        ("Storm Shadows struck the Bryansk region overnight, damaging a substation.", "RU-BRY", "damage"),
        ("A storm swept Kyiv on Monday. Explosions were reported in the Kharkiv region.", "UA-63", "explosions"),
    ],
    ids=["gas_halted", "power", "heating", "water", "casualties", "refinery_fire", "drones_over",
         "shot_down_no_damage", "negated_casualties_leave_fire", "explosions", "damage", "generic_strike",
         "energy_facilities", "attack_during_a_storm", "storm_shadow_is_a_missile",
         "explosions_after_a_storm_sentence"],
)
def test_impact_labels(text, code, impact):
    labels = {row["iso_3166_2"]: row["impact"] for row in rows_of(text)}
    assert labels[code] == impact


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Blackouts hit the regions of Kharkiv and Poltava.", ["regions of Kharkiv and Poltava"] * 2),
        ("Damage was reported in the Zaporizhzhia and Dnipropetrovsk regions.",
         ["Zaporizhzhia and Dnipropetrovsk regions"] * 2),
        ("Five people were killed in the western region of Lviv.", ["western region of Lviv"]),
        ("Gas production in the central Poltava region was suspended after the attack.", ["Poltava region"]),
        ("Outages were reported in at least three regions after the attack.", ["at least three regions"]),
        ("138 drones were downed over 13 Ukrainian regions.", ["13 Ukrainian regions"]),
        ("Strikes in the Kharkiv Oblast city of Kupiansk damaged homes.", ["Kharkiv Oblast", "Kupiansk"]),
    ],
    ids=["coordinated_prefix", "coordinated_plural_suffix", "adjective_region_of", "typed_without_adjective",
         "count_with_qualifier", "over_is_a_preposition", "oblast_and_city"],
)
def test_mentions(text, mentions):
    assert [row["mention"] for row in rows_of(text)] == mentions


def test_region_names_and_countries():
    rows = rows_of("Drones hit Moscow and the Moscow region, and a refinery in Saratov Oblast burned.")
    assert [(r["region_name"], r["iso_3166_2"], r["country_iso2"]) for r in rows] == [
        ("Moscow", "RU-MOW", "RU"), ("Moscow Oblast", "RU-MOS", "RU"), ("Saratov Oblast", "RU-SAR", "RU")]


def test_one_row_per_place_per_sentence():
    rows = rows_of("Kharkiv was hit twice, and Kharkiv lost power again after the strike on Kharkiv.")
    assert [row["iso_3166_2"] for row in rows] == ["UA-63"]


def test_count_country_follows_the_documents_places():
    text = ("Russia says 40 drones were shot down over the Bryansk and Kursk regions. "
            "Drones were destroyed over five regions in all.")
    counts = [row for row in rows_of(text) if row["region_count"]]
    assert [(row["region_count"], row["country_iso2"]) for row in counts] == [(5, "RU")]


def test_rows_carry_the_event_date_column():
    rows = rows_of("A missile strike on Kryvyi Rih killed one person.")
    assert rows and all("event_date" in row for row in rows)


def test_empty_and_placeless_documents():
    assert rows_of("Trump said tariffs on Chinese goods would rise to 25 percent.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iranian missiles struck Haifa and Beersheba overnight.", {"IL-HA", "IL-D"}),
        ("Tehran said it had fired missiles at Israel in response to the strikes.", set()),
        ("Israeli jets struck launchers in Iran's Kermanshah province and near Tehran.", {"IR-05", "IR-23"}),
        ("Israeli jets struck fuel depots in Hodeidah and a power station in Sanaa.", {"YE-HU", "YE-SA"}),
        ("Airstrikes hit the Sanaa governorate overnight.", {"YE-SN"}),
        ("Drones attacked oil fields in the Kurdistan region and in Kurdistan province.", {"IQ-KR", "IR-12"}),
        ("Israeli strikes on Gaza killed 30 people, and a strike in Gaza City killed five.", {"PS-GZA"}),
        ("Explosions were heard in Iran's Isfahan and in the Israeli city of Haifa.", {"IR-10", "IL-HA"}),
        ("Beirut, Lebanon, June 18 (Reuters) - Israeli strikes hit southern Lebanon overnight.", set()),
    ],
    ids=["israeli_cities", "tehran_the_actor", "iranian_province_and_capital", "yemeni_city_and_capital",
         "sanaa_governorate_is_not_the_city", "type_word_picks_the_country", "bare_gaza_is_the_strip",
         "country_descriptors", "dateline"],
)
def test_middle_east_places(text, expected):
    assert keys_of(text) == expected


_VOCABULARY = [
    "Kyiv", "Kiev's", "Kharkiv", "region", "regions", "oblasts", "the", "of", "and", ",", ".", ";", "-", "in",
    "on", "over", "strike", "drones", "were", "shot", "down", "killed", "no", "damage", "could", "May", "13",
    "eight", "more", "than", "half", "a", "dozen", "Ukrainian", "Moscow", "officials", "airport", "River",
    "Zaporizhzhia", "NPP", "regions of", "Odesa", "power", "outages", "\n", "'s", "KYIV", "(Reuters)",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_VOCABULARY), max_size=40))
def test_any_text_gives_valid_rows(words):
    # rows_of checks the spans and the impact labels of every row
    for row in rows_of(" ".join(words)):
        if row["region_count"] is None:
            assert row["iso_3166_2"] and row["region_name"] and row["country_iso2"]
        else:
            assert row["iso_3166_2"] is None and row["region_name"] is None and row["region_count"] > 0


def test_a_place_heading_a_paragraph_of_an_oblast_by_oblast_report_is_affected():
    text = ("Overnight attacks, region by region\n\nKyiv Oblast\n\n\"Debris from a downed drone damaged two private "
            "houses,\" the governor said.\n\nLviv Oblast\n\nThe governor reported a quiet night.")
    assert keys_of(text) == {"UA-32"}


def test_a_copular_list_of_the_regions_hit():
    text = "Over the five months, the regions hit most often were Kharkiv, Odesa and Dnipropetrovsk."
    assert {r["iso_3166_2"] for r in rows_of(text)} == {"UA-63", "UA-51", "UA-12"}


def test_a_copular_list_of_places_not_hit():
    assert rows_of("The regions that voted most often were Kharkiv and Odesa.") == []


def test_weapons_named_where_they_are_made_are_no_attack():
    assert rows_of("The Alabuga plant in Tatarstan now turns out about 90 Geran-2 drones a day.") == []
    assert {r["iso_3166_2"] for r in rows_of("Drones hit the Alabuga plant in Tatarstan.")} == {"RU-TA"}


def test_a_town_named_after_a_region_of_another_country_is_that_regions():
    text = ("Tula Region Governor Dmitry Milyaev said a fire broke out at an industrial facility in Novomoskovsk "
            "after it was hit by debris.")
    assert {r["iso_3166_2"] for r in rows_of(text)} == {"RU-TUL"}


def test_a_place_after_a_count_of_regions():
    assert keys_of("Casualties were recorded in 16 regions and the city of Kyiv, the mission said.") == {16, "UA-30"}
    assert keys_of("Officials from five regions and the city of Kyiv met.") == set()


def test_an_occupied_region_continues_a_list():
    text = ("Russia claimed its forces downed 128 Ukrainian drones over 14 oblasts, the Republic of Tatarstan, "
            "and occupied Crimea overnight.")
    assert keys_of(text) == {14, "RU-TA", "UA-43"}


def test_a_list_of_places_after_a_country():
    text = "Russia said it downed 1,187 Ukrainian drones over Russia, occupied Crimea, and the Black Sea last week."
    assert keys_of(text) == {"UA-43"}


def test_a_list_names_the_regions_a_count_counts():
    text = ("Russian strikes overnight have cut electricity to more than 180,000 consumers in three regions: "
            "Chernihiv, Sumy and Poltava.")
    assert keys_of(text) == {3, "UA-74", "UA-59", "UA-53"}


def test_the_items_of_a_list_introduced_by_an_impact():
    text = ("Ukrenergo said hourly schedules on Wednesday would be applied as follows:\n\n"
            "Kharkiv, Poltava and Sumy regions: up to four queues\n"
            "Chernihiv and Zhytomyr regions: two to three queues\n\n"
            "Officials urged residents to save power.")
    rows = rows_of(text)
    assert {row["iso_3166_2"] for row in rows} == {"UA-63", "UA-53", "UA-59", "UA-74", "UA-18"}
    assert {row["impact"] for row in rows} == {"power_outage"}


def test_a_list_introduced_without_an_impact_names_no_affected_place():
    text = "The regional teams are as follows:\nKharkiv and Sumy regions: two coaches each\n"
    assert keys_of(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Myanmar military airstrikes killed at least 27 civilians in Sagaing Region and Rakhine State on Monday.",
         {"MM-01", "MM-16"}),
        ("Drones struck a power station in Atbara, cutting electricity across River Nile state.", {"SD-NR"}),
        ("Drones launched by the RSF struck fuel depots in Port Sudan early on Tuesday.", {"SD-RS"}),
    ],
    ids=["myanmar_regions_and_states", "a_sudanese_state", "a_sudanese_city"],
)
def test_the_wars_of_myanmar_and_sudan(text, expected):
    assert keys_of(text) == expected


def test_state_media_is_no_state():
    assert keys_of("Kharkiv state media said drones hit the city; Kharkiv was hit overnight.") == {"UA-63"}


def test_the_places_of_a_bulleted_list_take_the_impact_its_introduction_reports():
    text = ("Air defences shot down 60 drones overnight, the ministry said. The drones were destroyed as follows:\n\n"
            "— 35 UAVs over the territory of the Kursk region;\n"
            "— 12 over the Bryansk region;\n"
            "— two each over the Oryol and Tula regions.")
    assert {"RU-KRS", "RU-BRY", "RU-ORL", "RU-TUL"} <= keys_of(text)


def test_bombs_dropped_and_missiles_converging_on_a_city_hit_it():
    assert keys_of("Russian aircraft dropped four guided aerial bombs on Kharkiv, injuring 11 people.") == {"UA-63"}
    assert keys_of("When Russian missiles converged on Kyiv overnight, Patriot crews fired 30 interceptors.") == {
        "UA-30"}


def test_another_countrys_province_or_state_is_named_with_its_type_word():
    assert keys_of("Cambodian rockets hit Thailand's Surin province and Sisaket province on Monday.") == {
        "TH-32", "TH-33"}
    assert keys_of("Militants attacked police posts in Pakistan's Punjab and Sindh provinces.") == {"PK-PB", "PK-SD"}


def test_another_countrys_province_needs_its_type_word_and_its_country_named():
    assert keys_of("Cambodian rockets hit Surin on Monday, Thailand said.") == set()
    assert keys_of("Iranian missiles hit targets across the Gulf region overnight.") == set()


def test_another_countrys_prefecture_is_named_with_its_type_word():
    assert keys_of("A missile hit Fukushima prefecture in Japan, officials said.") == {"JP-07"}


def test_another_countrys_province_may_follow_a_bracket_or_a_quote():
    assert keys_of("Militants attacked police posts (in Pakistan's Khyber Pakhtunkhwa province) on Monday.") == {
        "PK-KP"}
    assert keys_of('Cambodian rockets hit "Surin province" in Thailand, officials said.') == {"TH-32"}
