"""weapon_counts: numbers and vague quantities of weapons, their class, qualifier and status."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.documents import make_document
from transforms.extract import extractor, finish_rows
from transforms.extract.weapon_counts import QUALIFIERS, STATUSES, WEAPON_TYPES


def _rows(text: str) -> list[dict]:
    doc = make_document(text, source_name="t.txt", source_uri="file:///t.txt", published_date=dt.date(2025, 1, 1))
    ext = extractor("weapon_counts")
    return finish_rows(ext, doc, ext.extract(doc))


def _facts(text: str) -> list[tuple]:
    """(mention, weapon_type, count_value, qualifier, status) of every row, in text order."""
    return [(r["mention"], r["weapon_type"], r["count_value"], r["qualifier"], r["status"]) for r in _rows(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # numbers in digits and words, coordinated counts
        ("Russia fired more than 300 drones and 37 missiles overnight.",
         [("more than 300 drones", "drone", 300, "more_than", "launched"),
          ("37 missiles", "missile", 37, "exact", "launched")]),
        ("Around 120 missiles and 90 drones were launched at the country.",
         [("Around 120 missiles", "missile", 120, "about", "launched"),
          ("90 drones", "drone", 90, "exact", "launched")]),
        ("The enemy launched twenty-three Shahed drones and four missiles.",
         [("twenty-three Shahed drones", "drone", 23, "exact", "launched"),
          ("four missiles", "missile", 4, "exact", "launched")]),
        ("Russia has used nearly 1,150 attack drones and more than 1,400 guided aerial bombs this week.",
         [("nearly 1,150 attack drones", "drone", 1150, "about", "launched"),
          ("more than 1,400 guided aerial bombs", "guided_bomb", 1400, "more_than", "launched")]),
        ("Russian forces fired at least 70 rockets at the city.",
         [("at least 70 rockets", "rocket", 70, "at_least", "launched")]),
        ("The attack involved more than a hundred missiles of various types.",
         [("more than a hundred missiles of various types", "missile", 100, "more_than", "launched")]),
        ("Regional officials said more than three dozen UAVs targeted the region.",
         [("more than three dozen UAVs", "drone", 36, "more_than", "launched")]),
        ("They fired almost two dozen missiles from the Black Sea.",
         [("almost two dozen missiles", "missile", 24, "about", "launched")]),
        ("Russia launched a record 728 drones at Ukraine.",
         [("a record 728 drones", "drone", 728, "exact", "launched")]),
        ("Kyiv came under attack by one Zircon hypersonic cruise missile and 78 air, ground, and sea-launched "
         "missiles.",
         [("one Zircon hypersonic cruise missile", "cruise_missile", 1, "exact", "launched"),
          ("78 air, ground, and sea-launched missiles", "missile", 78, "exact", "launched")]),
        ("Moscow fired a 200-drone swarm at the capital.",
         [("200-drone", "drone", 200, "exact", "launched")]),
        # vague quantities
        ("Russia deployed hundreds of drones and dozens of missiles against the grid.",
         [("hundreds of drones", "drone", None, "vague", "launched"),
          ("dozens of missiles", "missile", None, "vague", "launched")]),
        ("Russia hurled a record number of strike drones at Ukraine.",
         [("a record number of strike drones", "drone", None, "vague", "launched")]),
        ("Multiple missiles were aimed at the eastern regions.",
         [("Multiple missiles", "missile", None, "vague", "launched")]),
        ("Several hundred Iranian-made drones were launched at the capital.",
         [("Several hundred Iranian-made drones", "drone", None, "vague", "launched")]),
        # named models set the class, a plain noun is literal
        ("The barrage included six Kalibr missiles, 31 Kh-101 cruise missiles and seven Iskander-M/KN-23 "
         "ballistic missiles.",
         [("six Kalibr missiles", "cruise_missile", 6, "exact", "launched"),
          ("31 Kh-101 cruise missiles", "cruise_missile", 31, "exact", "launched"),
          ("seven Iskander-M/KN-23 ballistic missiles", "ballistic_missile", 7, "exact", "launched")]),
        ("The enemy launched six Kinzhals and 106 Shaheds.",
         [("six Kinzhals", "ballistic_missile", 6, "exact", "launched"),
          ("106 Shaheds", "drone", 106, "exact", "launched")]),
        ("Russian troops dropped more than 1,000 KABs on the front line.",
         [("more than 1,000 KABs", "guided_bomb", 1000, "more_than", "launched")]),
        # interceptions, X of Y
        ("Air defence crews downed 35 of 53 Russian missiles.",
         [("35 of 53 Russian missiles", "missile", 35, "exact", "intercepted"),
          ("53 Russian missiles", "missile", 53, "exact", "launched")]),
        ("Ukraine shot down 48 out of 53 drones and all five missiles.",
         [("48 out of 53 drones", "drone", 48, "exact", "intercepted"),
          ("53 drones", "drone", 53, "exact", "launched"),
          ("all five missiles", "missile", 5, "exact", "intercepted")]),
        ("Overnight, the air force shot down 87 of the missiles.",
         [("87 of the missiles", "missile", 87, "exact", "intercepted")]),
        ("Air defences destroyed 23 of the 25 drones launched at the capital.",
         [("23 of the 25 drones", "drone", 23, "exact", "intercepted"),
          ("25 drones", "drone", 25, "exact", "launched")]),
        ("In all, it counted 144 targets shot down: 102 missiles and 42 drones.",
         [("144 targets", "other", 144, "exact", "intercepted"),
          ("102 missiles", "missile", 102, "exact", "intercepted"),
          ("42 drones", "drone", 42, "exact", "intercepted")]),
        ("Air defences intercepted 59 missiles and 54 drones, while electronic jamming stopped 52 more drones.",
         [("59 missiles", "missile", 59, "exact", "intercepted"),
          ("54 drones", "drone", 54, "exact", "intercepted"),
          ("52 more drones", "drone", 52, "exact", "other")]),
        ("Ukraine's air force said it shot down or jammed 460 of the drones.",
         [("460 of the drones", "drone", 460, "exact", "intercepted")]),
        ("The air force said 10 missiles and 20 drones hit their targets.",
         [("10 missiles", "missile", 10, "exact", "hit"), ("20 drones", "drone", 20, "exact", "hit")]),
        ("Two missiles hit a residential building, while air defences intercepted three others.",
         [("Two missiles", "missile", 2, "exact", "hit"), ("three others", "missile", 3, "exact", "intercepted")]),
        # elliptical counts take the class of the count they continue
        ("The ministry said 18 drones were destroyed over Saratov Oblast, 1 over Belgorod Oblast and 13 over "
         "Rostov Oblast.",
         [("18 drones", "drone", 18, "exact", "intercepted"),
          ("1 over Belgorod Oblast", "drone", 1, "exact", "intercepted"),
          ("13 over Rostov Oblast", "drone", 13, "exact", "intercepted")]),
        ("The military counted seven drones shot down; the Kherson region accounted for three more.",
         [("seven drones", "drone", 7, "exact", "intercepted"), ("three more", "drone", 3, "exact", "intercepted")]),
        ("According to the air force, 138 drones were downed over 13 regions and 119 others were lost in flight.",
         [("138 drones", "drone", 138, "exact", "intercepted"), ("119 others", "drone", 119, "exact", "other")]),
        ("Russia attacked with 151 aerial weapons. Defenders managed to shoot down 92 of them.",
         [("151 aerial weapons", "other", 151, "exact", "launched"),
          ("92 of them", "other", 92, "exact", "intercepted")]),
        ("Russia fired 45 missiles, 30 of which were intercepted.",
         [("45 missiles", "missile", 45, "exact", "launched"), ("30 of which", "missile", 30, "exact", "intercepted")]),
        ("Air defenses shot down 60 drones, while another 25 were lost to electronic warfare.",
         [("60 drones", "drone", 60, "exact", "intercepted"), ("another 25", "drone", 25, "exact", "other")]),
        ("Russia attacked with drones overnight. Air defence units downed 25, the air force said.",
         [("downed 25", "drone", 25, "exact", "intercepted")]),
        ("Six of the jets are due by the end of this year, then eight next year and the final five in 2025.",
         [("Six of the jets", "aircraft", 6, "exact", "supplied"),
          ("eight next year", "aircraft", 8, "exact", "supplied"),
          ("five in 2025", "aircraft", 5, "exact", "supplied")]),
        ("The Netherlands will send 18 F-16 jets and Belgium will provide 30.",
         [("18 F-16 jets", "aircraft", 18, "exact", "supplied"), ("provide 30", "aircraft", 30, "exact", "supplied")]),
        # aggregates
        ("Russia attacked Ukraine with 215 missiles of various types and drones.",
         [("215 missiles of various types and drones", "other", 215, "exact", "launched")]),
        ("Ukraine's air defence destroyed 112 Russian aerial targets.",
         [("112 Russian aerial targets", "other", 112, "exact", "intercepted")]),
        ("Russia used 106 Shaheds and other types of drones.",
         [("106 Shaheds and other types of drones", "drone", 106, "exact", "launched")]),
        # aid, requests, losses
        ("The United States has delivered four HIMARS launchers and up to 580 Phoenix Ghost drones.",
         [("four HIMARS launchers", "other", 4, "exact", "supplied"),
          ("up to 580 Phoenix Ghost drones", "drone", 580, "up_to", "supplied")]),
        ("NATO countries have pledged Ukraine five additional strategic air defense systems.",
         [("five additional strategic air defense systems", "air_defense_system", 5, "exact", "supplied")]),
        ("Washington also pledged hundreds of additional air defense interceptors.",
         [("hundreds of additional air defense interceptors", "missile", None, "vague", "supplied")]),
        ("Kirby said the package includes 36,000 rounds of artillery ammunition.",
         [("36,000 rounds of artillery ammunition", "artillery_shell", 36000, "exact", "supplied")]),
        ("Germany will deliver 14 Leopard 2A6 tanks to Ukraine.",
         [("14 Leopard 2A6 tanks", "armored_vehicle", 14, "exact", "supplied")]),
        ("The U.S. will send Ukraine 10 Patriot interceptor missiles.",
         [("10 Patriot interceptor missiles", "missile", 10, "exact", "supplied")]),
        ("Zelensky said Ukraine must have at least seven additional Patriot batteries.",
         [("at least seven additional Patriot batteries", "air_defense_system", 7, "at_least", "requested")]),
        ("Kyiv has asked Washington to send 25 more Patriot systems.",
         [("25 more Patriot systems", "air_defense_system", 25, "exact", "requested")]),
        ("Moscow says it has destroyed several Patriot launchers since 2023.",
         [("several Patriot launchers", "air_defense_system", None, "vague", "other")]),
        ("Ukrainian forces used 117 drones to hit 41 Russian aircraft at four airbases.",
         [("117 drones", "drone", 117, "exact", "launched"), ("41 Russian aircraft", "aircraft", 41, "exact", "other")]),
        ("The army lost 20 tanks and 40 armoured vehicles in the battle.",
         [("20 tanks", "armored_vehicle", 20, "exact", "other"),
          ("40 armoured vehicles", "armored_vehicle", 40, "exact", "other")]),
    ],
    ids=[
        "more_than_300_and_coordinated_exact", "about_does_not_carry_over", "word_numbers",
        "nearly_and_comma_thousands", "at_least_70", "more_than_a_hundred_of_various_types",
        "more_than_three_dozen", "almost_two_dozen", "a_record_is_exact", "one_is_a_count_and_coordinated_adjectives",
        "hyphen_compound", "vague_hundreds_dozens", "vague_record_number", "vague_multiple", "vague_several_hundred",
        "named_models_set_class", "named_model_as_head", "named_bombs", "x_of_y_intercepted", "x_out_of_y_and_all",
        "partitive_of_the", "bare_participle_modifies_the_whole", "colon_list_inherits_interception",
        "jamming_is_other", "shot_down_or_jammed", "hit_their_targets", "hit_contrasted_with_interceptions",
        "elliptical_over_oblast", "elliptical_three_more", "elliptical_others_lost", "elliptical_of_them",
        "elliptical_of_which", "elliptical_another_were_lost", "elliptical_governed_by_verb_bare_noun",
        "elliptical_time", "elliptical_supply_verb", "aggregate_two_kinds", "aggregate_targets",
        "same_kind_coordination_is_not_aggregate", "supplied_launchers_and_up_to", "pledged_air_defense_systems",
        "pledged_interceptors_vague", "rounds_of_ammunition", "model_name_with_variant", "send_to_ukraine_is_aid",
        "must_have_is_requested", "asked_to_send_is_requested", "destroyed_launchers_are_other",
        "struck_aircraft_are_other", "lost_tanks_are_other",
    ],
)
def test_weapon_counts(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "At least six people were killed and 23 others were injured in the missile strike.",
        "Tomahawk cruise missiles have a range of approximately 1,600 kilometers (1,000 miles).",
        "Strategic bombers of the Tu-160 and Tu-95 types joined the attack, as did MiG-31 and Su-34 jets.",
        "Residents heard more than a dozen explosions and at least 11 blasts near the airbase.",
        "Rostov and Bryansk were targeted in two separate attacks last week.",
        "The dam took eight hits and was hit eight times by missiles.",
        "The HIMARS can fire more than 20 types of munitions, reaching 80 km.",
        "The package is worth $400 million and includes ammunition.",
        "Two drone attacks hit the city overnight, injuring 14 people.",
        "Power was cut in eight regions after the drone and missile strikes.",
        "A rocket slammed into a residential building and killed three people.",
        "The US, Germany and Romania will each donate a new Patriot battery and an additional Patriot battery.",
        "More than 70% of the drones were shot down, and 40 percent of the city lost heating.",
        "Shelling hit several mines in the Donetsk region, trapping 1,060 miners.",
        "On March 9 drones struck the city; in 2022 drones were rarely used.",
        "Russia fired missiles at Kyiv, killing 12 people; 3 more died in hospital.",
        "It was one of the most sophisticated missiles in Russia's arsenal.",
        "Five fuel tanks at the oil depot caught fire.",
        "The HIMARS multiple launch rocket system has a range of 80 km.",
    ],
    ids=[
        "people_counts", "distances", "model_numbers", "explosions", "separate_attacks", "hit_times",
        "types_of_munitions", "money", "drone_attacks_compound", "regions", "a_is_not_a_count", "an_is_not_a_count",
        "percentages", "coal_mines", "dates_before_weapon_nouns", "casualties_after_ellipsis", "superlative_one_of",
        "fuel_tanks", "multiple_launch_is_a_type_name",
    ],
)
def test_not_weapon_counts(text):
    assert _facts(text) == []


@pytest.mark.parametrize(
    ("text", "low", "high", "vague_word"),
    [
        ("Russia fired 37 missiles.", 37, 37, None),
        ("Russia fired more than 300 drones.", 301, None, None),
        ("Russia fired at least 20 drones.", 20, None, None),
        ("The package has up to 50 drones to deliver.", None, 50, None),
        ("Russia fired fewer than 50 missiles.", None, 49, None),
        ("Russia fired about 40 missiles.", 36, 44, None),
        ("Russia fired nearly 40 missiles.", 36, 40, None),
        ("Russia fired dozens of missiles.", 24, None, "dozens"),
        ("Russia fired hundreds of drones.", 200, None, "hundreds"),
        ("Russia fired several missiles.", 3, None, "several"),
        ("Russia fired scores of drones.", 40, None, "scores"),
        ("Russia fired multiple missiles.", None, None, "multiple"),
        ("Russia hurled a significant number of missiles.", None, None, "significant number"),
    ],
    ids=["exact", "more_than", "at_least", "up_to", "fewer_than", "about_band", "nearly_below", "dozens",
         "hundreds", "several", "scores", "multiple_no_bound", "significant_number"],
)
def test_bounds(text, low, high, vague_word):
    (row,) = _rows(text)
    assert (row["count_low"], row["count_high"], row["vague_word"]) == (low, high, vague_word)


def test_weapon_names():
    rows = _rows("Ukraine downed 55 Shahed-136/131 UAVs, 27 of the Shahed-type drones, four Kh-59/Kh-69 "
                 "air-to-surface missiles and 19 F-16s.")
    assert [(r["weapon_name"], r["weapon_type"]) for r in rows] == [
        ("Shahed-136/131", "drone"), ("Shahed", "drone"), ("Kh-59/Kh-69", "missile"), ("F-16", "aircraft")]


def test_spans_are_the_text():
    text = "KYIV (AP) — Russia launched “more than 300 drones” and 37 missiles; 35 of 53 Russian missiles fell."
    doc = make_document(text, source_name="t.txt", source_uri="file:///t.txt")
    for row in finish_rows(extractor("weapon_counts"), doc, extractor("weapon_counts").extract(doc)):
        assert doc.text[row["char_start"]:row["char_end"]] == row["mention"]
        assert row["mention"] in row["sentence"]


def test_documents_without_weapons_are_skipped():
    assert _facts("The EU slapped a 25 percent tariff on a range of U.S. goods worth $3.4 billion.") == []


_WORDS = ["Russia", "fired", "launched", "shot", "down", "more", "than", "300", "1,600", "four", "a", "hundred",
          "dozens", "of", "drones", "missiles", "Shahed", "Kh-101", "HIMARS", "launchers", "and", "over", "Kursk",
          "Oblast", "three", "others", "were", "lost", "them", "the", "up", "to", "2025", "next", "year", ",", ".",
          ";", ":", "“", "”", "\n", "-", "Patriot", "batteries", "pledged", "jammed", "all", "at", "least"]


@given(st.lists(st.sampled_from(_WORDS), max_size=40))
def test_any_text_gives_valid_rows(words):
    text = " ".join(words)
    doc = make_document(text, source_name="t.txt", source_uri="file:///t.txt")
    ext = extractor("weapon_counts")
    for row in finish_rows(ext, doc, ext.extract(doc)):
        assert 0 <= row["char_start"] < row["char_end"] <= len(doc.text)
        assert row["weapon_type"] in WEAPON_TYPES
        assert row["qualifier"] in QUALIFIERS
        assert row["status"] in STATUSES
        assert (row["count_value"] is None) == (row["qualifier"] == "vague")
