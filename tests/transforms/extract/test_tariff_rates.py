"""tariff_rates: which percentages are tariff rates, whose, on what, and how they change."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.documents import make_document
from transforms.extract import Extractor, finish_rows, tariff_rates

EXTRACTOR = Extractor(table=tariff_rates.TABLE, extract=tariff_rates.extract)


def rows_of(text: str) -> list[dict]:
    doc = make_document(
        text, source_name="t.txt", source_uri="file:///t.txt", published_date=dt.date(2025, 8, 1)
    )
    return finish_rows(EXTRACTOR, doc, tariff_rates.extract(doc))


def keys_of(text: str) -> set[tuple]:
    """The scorer's key of every row: (imposer, target, rate)."""
    return {(r["imposing_country_iso2"], r["target_country_iso2"], r["rate_pct"]) for r in rows_of(text)}


# (text, expected keys) -------------------------------------------------------------------------

RATES = [
    pytest.param(
        "Trump imposed a 39% tariff on Swiss goods on Thursday.",
        {("US", "CH", 39.0)},
        id="prenominal_percent_sign",
    ),
    pytest.param(
        "Washington put 25 percent tariffs on Chinese industrial goods worth $34 billion.",
        {("US", "CN", 25.0)},
        id="prenominal_percent_word",
    ),
    pytest.param(
        "Britain said it would keep a 10 per cent levy on American steel.",
        {("GB", "US", 10.0)},
        id="per_cent_two_words",
    ),
    pytest.param(
        "The European Union imposed duties of up to 37.6% on Chinese electric vehicles.",
        {("EU", "CN", 37.6)},
        id="postnominal_of_decimal",
    ),
    pytest.param(
        "China hit $75 billion worth of American goods with retaliatory duties of 5 or 10 percent.",
        {("CN", "US", 5.0), ("CN", "US", 10.0)},
        id="alternative_rates_two_rows",
    ),
    pytest.param(
        "Mexico will raise tariffs on Chinese cars to 50 percent from 20 percent.",
        {("MX", "CN", 50.0)},
        id="to_x_from_y",
    ),
    pytest.param(
        "U.S. tariffs on Chinese imports would rise from 10 percent to 25 percent.",
        {("US", "CN", 25.0)},
        id="from_x_to_y_previous_is_no_row",
    ),
    pytest.param(
        "Canada imposed 25% counter-tariffs on C$30 billion of U.S. goods.",
        {("CA", "US", 25.0)},
        id="counter_tariffs_hyphen",
    ),
    pytest.param(
        "Beijing retaliated with a 34% tariff on all American goods.",
        {("CN", "US", 34.0)},
        id="capital_as_actor_demonym_as_target",
    ),
    pytest.param(
        "India faces a 50% tariff on most of its exports.",
        {(None, "IN", 50.0)},
        id="subject_that_faces_is_target",
    ),
    pytest.param(
        "President Trump said he would impose tariffs of 25% on imports from Canada and Mexico.",
        {("US", "CA", 25.0), ("US", "MX", 25.0)},
        id="coordinated_targets_one_row_each",
    ),
    pytest.param(
        "The United States slapped tariffs of 25 per cent on steel and 10 per cent on aluminium.",
        {("US", None, 25.0), ("US", None, 10.0)},
        id="global_tariff_null_target",
    ),
    pytest.param("Trump doubled the tariff on steel to 50%.", {("US", None, 50.0)}, id="doubling_with_rate"),
    pytest.param(
        "Vietnam agreed to a 20% tariff on its exports to the United States.",
        {("US", "VN", 20.0)},
        id="its_exports_to_destination",
    ),
    pytest.param(
        "Goods from China will face a 34% levy, the European Union 20% and Japan 24%, Trump said.",
        {("US", "CN", 34.0), ("US", "EU", 20.0), ("US", "JP", 24.0)},
        id="elliptical_country_rate_list",
    ),
    pytest.param(
        "German Chancellor Friedrich Merz said Germany would back 25% tariffs on U.S. goods.",
        {("EU", "US", 25.0)},
        id="member_state_speaks_for_the_eu",
    ),
    pytest.param(
        "China's new levies of 15% fall on U.S. chicken, wheat and corn.",
        {("CN", "US", 15.0)},
        id="possessive_imposer",
    ),
    pytest.param(
        "Customs duties of twenty-five percent apply to Japanese cars.",
        {(None, "JP", 25.0)},
        id="word_number_rate",
    ),
    pytest.param(
        "Indian exporters now face tariffs ranging from 10% to 50%.",
        {(None, "IN", 10.0), (None, "IN", 50.0)},
        id="range_gives_two_rates",
    ),
    pytest.param("Britain faces a 10pc tariff on its car exports.", {(None, "GB", 10.0)}, id="pc_unit"),
    pytest.param(
        "Washington will lift 10% of the tariffs on Indian goods next month.",
        {("US", "IN", 10.0)},
        id="layer_of_the_tariffs_acted_on",
    ),
    pytest.param(
        "The United States imposed a 39% tariff on imports from Switzerland. "
        "The rate is far above the 15% agreed with the European Union and Japan.",
        {("US", "CH", 39.0), ("US", "EU", 15.0), ("US", "JP", 15.0)},
        id="anaphoric_rate_deal_partners_coordinated",
    ),
    pytest.param(
        "Turkey raised its import tariffs on Chinese electric vehicles to 40%.",
        {("TR", "CN", 40.0)},
        id="import_tariffs_raised_to",
    ),
]

RATES += [
    pytest.param(
        "Higher rates apply to dozens of trading partners: the European Union faces 15%, Japan 15%, "
        "Vietnam 20% and India 50%, the White House said of its tariffs.",
        {("US", "EU", 15.0), ("US", "JP", 15.0), ("US", "VN", 20.0), ("US", "IN", 50.0)},
        id="list_of_rates_shares_its_governor",
    ),
    pytest.param(
        "Trump raised tariffs on steel imports to 50%, doubling the levy but keeping it at 25% for Britain.",
        {("US", None, 50.0), ("US", "GB", 25.0)},
        id="anaphoric_keep_it_at_for_country",
    ),
    pytest.param(
        'India\'s commerce ministry said the 25% additional duty imposed by Washington was "unjustified".',
        {("US", "IN", 25.0)},
        id="passive_agent_imposes_speaker_is_hit",
    ),
    pytest.param(
        "India, which buys large amounts of Russian oil, faces a 50% tariff on its exports to the U.S.",
        {("US", "IN", 50.0)},
        id="relative_clause_goods_set_aside",
    ),
    pytest.param(
        "The EU, Japan and South Korea have all accepted 15% tariffs on most of their exports to the U.S.",
        {("US", "EU", 15.0), ("US", "JP", 15.0), ("US", "KR", 15.0)},
        id="their_exports_coordinated_owners",
    ),
    pytest.param(
        "Exports from Japan, already hit by 15% tariffs, fell in August.",
        {(None, "JP", 15.0)},
        id="hit_by_rate_is_no_increment",
    ),
    pytest.param(
        "Brazil was hit with a 50% tariff, while India faces 25%.",
        {(None, "BR", 50.0), (None, "IN", 25.0)},
        id="parallel_clause_faces_bare_rate",
    ),
    pytest.param(
        "EU readies 15 per cent counter-tariffs as Trump threatens 30% levy on European goods",
        {("EU", None, 15.0), ("US", "EU", 30.0)},
        id="as_starts_a_clause_with_its_own_actor",
    ),
    pytest.param(
        "The EU approved duties of 15 per cent on U.S. products, after Trump said that goods from the "
        "27-nation bloc would be hit with a 30% tariff.",
        {("EU", "US", 15.0), ("US", "EU", 30.0)},
        id="comma_after_starts_a_clause_and_the_bloc_is_the_eu",
    ),
    pytest.param(
        "Washington doubles duties on Canadian goods to 20%, Ottawa hits back with 25% levy",
        {("US", "CA", 20.0), ("CA", "US", 25.0)},
        id="headline_comma_before_a_new_subject_and_the_target_hits_back",
    ),
    pytest.param(
        "Trump said Japanese cars would face a 25 per cent tariff from April. Japanese automakers currently "
        "pay 2.5% on passenger cars shipped to the United States.",
        {("US", "JP", 25.0), ("US", "JP", 2.5)},
        id="after_tariff_rates_what_a_country_s_firms_pay_on_goods_is_a_rate",
    ),
    pytest.param(
        "The 25% tariff took effect. Shoppers now pay 5% more on average.",
        {(None, None, 25.0)},
        id="paying_more_on_average_is_no_rate",
    ),
    pytest.param(
        "Trump imposed a 50% tariff on Indian goods. He also imposed a 10% tariff on all imports and warned of "
        "secondary tariffs of up to 100% on any country that keeps buying Russian oil.",
        {("US", "IN", 50.0), ("US", None, 10.0), ("US", None, 100.0)},
        id="goods_of_everyone_make_a_global_tariff_whatever_the_context",
    ),
    pytest.param(
        "Trump imposed a 10% tariff on all imports from China.",
        {("US", "CN", 10.0)},
        id="all_imports_from_a_country_are_that_country_s",
    ),
    pytest.param(
        "Levies of 20 per cent on the EU, 24 per cent on Japan, 46 per cent on Vietnam and 31 per cent on "
        "Switzerland are on hold.",
        {(None, "EU", 20.0), (None, "JP", 24.0), (None, "VN", 46.0), (None, "CH", 31.0)},
        id="list_of_rates_each_on_its_country",
    ),
    pytest.param(
        "Commerce recommended a global tariff of at least 24 percent on steel from all countries.",
        {(None, None, 24.0)},
        id="a_global_tariff_has_no_target",
    ),
    pytest.param(
        "Trump imposed a 50% tariff on Brazilian goods. He has threatened Switzerland with a 31% levy, said Indian "
        "goods will pay 25% from Friday, and threatened a 200% tariff on pharmaceutical imports.",
        {("US", "BR", 50.0), ("US", "CH", 31.0), ("US", "IN", 25.0), ("US", None, 200.0)},
        id="threatened_with_what_goods_pay_and_imports_from_nowhere",
    ),
    pytest.param(
        "Trump raised the tariff on Indian goods to 50 per cent. Exporters said rivals such as Vietnam (20 per cent) "
        "and Indonesia (19 per cent) pay far less.",
        {("US", "IN", 50.0), ("US", "VN", 20.0), ("US", "ID", 19.0)},
        id="rates_in_brackets_after_their_countries",
    ),
    pytest.param(
        "Washington doubled duties on Canadian softwood lumber to 17.9 per cent. Rates for individual producers "
        "range from 11.1 per cent to 20.2 per cent, depending on their sales.",
        {("US", "CA", 17.9), ("US", "CA", 11.1), ("US", "CA", 20.2)},
        id="rates_of_a_range_after_tariff_rates_an_aside_measures_nothing",
    ),
    pytest.param(
        "China raised tariffs on U.S. cars to 40%. China cut its import tariff on passenger cars to 15% from 25%.",
        {("CN", "US", 40.0), ("CN", None, 15.0)},
        id="a_country_s_own_import_tariff_on_goods_of_no_country_is_global",
    ),
]

NOT_RATES = [
    pytest.param("The White House announced a 25% increase in tariffs on steel.", id="increment_noun_after"),
    pytest.param("Trump vowed to raise tariffs by 10% on any country that joins BRICS.", id="by_increment"),
    pytest.param(
        "The deal includes a cut of 10 percentage points in the tariff on cars.", id="percentage_points"
    ),
    pytest.param("Trump has threatened to double tariffs on Chinese goods.", id="rate_less_doubling"),
    pytest.param(
        "Tariffs have pushed inflation up to 3% this year, economists said.", id="inflation_between"
    ),
    pytest.param("The tariffs could cut GDP growth by 0.5 percent next year.", id="gdp_growth"),
    pytest.param("Shares of automakers fell 5% after Trump announced new tariffs.", id="share_price_change"),
    pytest.param(
        "China's exports to the U.S. dropped 20 percent in May as tariffs bit.", id="exports_change"
    ),
    pytest.param("About 70% of Chinese goods would face the new tariff.", id="share_of_goods"),
    pytest.param("The tariffs will affect 40% of Chinese imports.", id="percent_of_imports"),
    pytest.param("A poll found that 60 percent of Americans oppose the tariffs.", id="poll"),
    pytest.param("Demand dropped by 50% after the tariffs took effect.", id="demand_dropped_by"),
    pytest.param("Interest rates were cut to 4.25% as tariffs weighed on the economy.", id="interest_rate"),
    pytest.param("Turkey's inflation rate hit 38% in May despite new import duties.", id="inflation_rate"),
    pytest.param("The tariffs led to a 5% rise in prices at U.S. stores.", id="price_rise"),
    pytest.param(
        "Electricity demand fell by 40% after the strikes, and 20 drones were shot down.",
        id="war_news_percentages",
    ),
    pytest.param(
        "Russian forces are on duty near the border; 30% of the city lost power.", id="on_duty_not_a_tariff"
    ),
    pytest.param("Goods enter duty-free, and trade grew 12% last year.", id="duty_free"),
    pytest.param(
        "The Federal Reserve kept rates at 4.5% as tariffs weighed on the outlook.", id="central_bank_rates"
    ),
    pytest.param(
        "U.S. importers paid about 90% of the tariffs, a study found.", id="share_of_the_tariff_bill"
    ),
    pytest.param("Importers bear 60% of the tariff costs, economists said.", id="share_of_tariff_costs"),
]


@pytest.mark.parametrize("text, expected", RATES)
def test_rates(text, expected):
    assert keys_of(text) == expected


@pytest.mark.parametrize("text", NOT_RATES)
def test_not_rates(text):
    assert rows_of(text) == []


# Change, previous rate, goods and mention ---------------------------------------------------------

DETAILS = [
    pytest.param(
        "He has also demanded higher tariffs on countries trading with Moscow, recently doubling duties "
        "on Indian goods to 50% to penalise New Delhi.",
        dict(
            rate_pct=50.0,
            previous_rate_pct=25.0,
            change="raised",
            goods="Indian goods",
            mention="doubling duties on Indian goods to 50%",
        ),
        id="doubling_implies_previous",
    ),
    pytest.param(
        "From 14 May, the overall US tariff on Chinese goods will drop from 145% to 30%.",
        dict(
            rate_pct=30.0,
            previous_rate_pct=145.0,
            change="lowered",
            goods="Chinese goods",
            mention="drop from 145% to 30%",
        ),
        id="drop_from_to_lowered",
    ),
    pytest.param(
        "Washington will suspend 24% of the additional tariffs it imposed on Chinese goods.",
        dict(rate_pct=24.0, change="removed", mention="suspend 24% of the additional tariffs"),
        id="suspended_layer_removed",
    ),
    pytest.param(
        "Trump threatened a 20 percent tariff on all cars built in Europe.",
        dict(
            rate_pct=20.0,
            change="threatened",
            goods="all cars built in Europe",
            target_country_iso2="EU",
            mention="a 20 percent tariff on all cars built in Europe",
        ),
        id="threatened_built_in",
    ),
    pytest.param(
        "The U.S. will impose an additional 25% tariff on Indian goods.",
        dict(rate_pct=25.0, change="raised", mention="an additional 25% tariff on Indian goods"),
        id="additional_layer_raised",
    ),
    pytest.param(
        "Japanese cars will face a 15% tariff, down from 27.5%, under the deal.",
        dict(rate_pct=15.0, previous_rate_pct=27.5, change="lowered"),
        id="down_from_previous",
    ),
    pytest.param(
        "Chinese imports, currently taxed at 10 percent, will instead face 15 percent.",
        dict(rate_pct=15.0, previous_rate_pct=10.0, change="raised", goods="Chinese imports"),
        id="currently_taxed_then_face",
    ),
    pytest.param(
        "Ottawa scrapped its 25% counter-tariffs on American goods.",
        dict(change="removed", imposing_country_iso2="CA", target_country_iso2="US"),
        id="scrapped_removed",
    ),
    pytest.param(
        "China will impose a 15% tariff on chicken, wheat, corn and cotton, and a 10% tariff on pork.",
        dict(rate_pct=15.0, goods="chicken, wheat, corn and cotton"),
        id="goods_list",
    ),
    pytest.param(
        "China vowed to retaliate after Trump imposed a 34% tariff on Chinese goods.",
        dict(change="set", imposing_country_iso2="US", target_country_iso2="CN"),
        id="threat_of_another_clause",
    ),
    pytest.param(
        "India cut its duty on bourbon, which now faces a 100% duty instead of 150%.",
        dict(rate_pct=100.0, previous_rate_pct=150.0, change="lowered"),
        id="instead_of_previous",
    ),
    pytest.param(
        "Trump said the 25% tariffs on Canadian goods would take effect on Tuesday.",
        dict(change="set", mention="the 25% tariffs on Canadian goods"),
        id="announced_not_threatened",
    ),
]


@pytest.mark.parametrize("text, expected", DETAILS)
def test_details(text, expected):
    row = rows_of(text)[0]
    for column, value in expected.items():
        assert row[column] == value, column


def test_both_sides_keep_a_baseline_one_row_per_direction():
    text = (
        "The United States and China agreed to cut their tariffs. The US tariff on Chinese goods will drop "
        "from 145% to 30%, and China's rate on US goods from 125% to 10%. "
        "Each side will keep a 10% baseline tariff for 90 days."
    )
    assert keys_of(text) == {("US", "CN", 30.0), ("CN", "US", 10.0), ("US", "CN", 10.0)}
    baseline = [r for r in rows_of(text) if r["mention"] == "a 10% baseline tariff"]
    assert {(r["imposing_country_iso2"], r["target_country_iso2"]) for r in baseline} == {
        ("US", "CN"),
        ("CN", "US"),
    }
    assert {r["change"] for r in baseline} == {"set"}


def test_document_context_gives_the_missing_countries():
    text = (
        "EU hits bourbon, jeans and motorcycles from the U.S. with 25 percent tariffs\n"
        "The European Union slapped a 25 percent tariff on a range of U.S. goods on Friday.\n"
        "Trump said the U.S. would impose a 20 percent tariff on cars built in Europe if the duties stay.\n"
        "The list also covers American products such as peanut butter and orange juice.\n"
        "A 10 percent tariff will apply to playing cards."
    )
    assert keys_of(text) == {("EU", "US", 25.0), ("US", "EU", 20.0), ("EU", "US", 10.0)}
    cards = [r for r in rows_of(text) if r["rate_pct"] == 10.0][0]
    assert cards["goods"] == "playing cards"


def test_a_sector_tariff_on_no_country_named_is_global_unless_its_sentence_taxes_one_country():
    text = ("Chile braces for U.S. copper duties\nChilean cathodes will pay a 15% duty from January, the U.S. said. "
            "When Trump imposed a 50% tariff on semi-finished copper products last August, he left cathodes untouched. "
            "China imposed 15% on U.S. chicken and wheat, and an extra 10% on soybeans and pork.")
    assert keys_of(text) == {("US", "CL", 15.0), ("US", None, 50.0), ("CN", "US", 15.0), ("CN", "US", 10.0)}


def test_a_rate_changed_to_another_is_its_previous_rate():
    rows = rows_of("In return, Argentina will cut its 35% tariff on U.S. passenger cars to 17.5% by 2030.")
    assert [(r["imposing_country_iso2"], r["target_country_iso2"], r["rate_pct"], r["previous_rate_pct"],
             r["change"]) for r in rows] == [("AR", "US", 17.5, 35.0, "lowered")]


def test_a_sector_named_before_the_tariff_noun_makes_it_global():
    text = ("Indian drug makers escape U.S. duties\nIndia's exporters face a 50% tariff on Indian goods. Trump first "
            "threatened pharmaceutical tariffs as high as 250 per cent in August.")
    assert ("US", None, 250.0) in keys_of(text)


def test_the_rate_of_something_else_is_not_a_tariff_even_after_tariff_rates():
    text = ("India faces a 50 per cent tariff on its goods. Economists expect the central committee to keep the "
            "repo rate at 5.5 per cent, though some see room for a cut to support exporters hit by the tariffs.")
    assert {key[2] for key in keys_of(text)} == {50.0}


def test_the_document_s_main_imposer_keeps_imposing_after_a_retaliation():
    text = ("The U.S. imposed a 30% tariff on Chinese goods and a 25% tariff on Mexican goods. Washington also set "
            "a 35% tariff on Canadian goods. Beijing, for its part, kept a 10% tariff on US goods. Most EU goods "
            "pay a levy of 15%.")
    assert ("CN", "US", 10.0) in keys_of(text)
    assert ("US", "EU", 15.0) in keys_of(text)


def test_a_speaker_about_a_rate_on_no_one_named_is_not_its_imposer():
    text = ("Trump said goods from the 27-nation bloc would be hit with a 30% tariff from Aug. 1. German Chancellor "
            "Friedrich Merz said a 30% rate would be \"a disaster\" for exporters. Beijing said a 10% tariff on U.S. "
            "soybeans would take effect.")
    assert keys_of(text) == {("US", "EU", 30.0), ("CN", "US", 10.0)}


def test_a_factbox_header_names_the_target_of_its_paragraph():
    text = ("Factbox: where U.S. tariffs stand\n\nThe U.S. set a 10% tariff on most imports in April.\n\n"
            "JAPAN: 15% on most goods. The rate on cars was cut to 15% from 27.5%.\n\n"
            "SWITZERLAND: The 39% rate imposed in August will fall to 15%.")
    assert keys_of(text) == {("US", None, 10.0), ("US", "JP", 15.0), ("US", "CH", 39.0), ("US", "CH", 15.0)}


def test_a_country_on_a_line_of_its_own_heads_its_factbox_paragraph():
    text = ("FACTBOX-How steel suppliers are responding to Trump's 50% tariff\nThe U.S. doubled its tariffs on "
            "imported steel to 50% on Wednesday.\n\nMexico\nThe economy ministry will seek an exemption. Its steel "
            "now faces a 50% duty, while goods that comply with the USMCA remain free of the separate 25% "
            "fentanyl-related tariff.")
    assert {("US", None, 50.0), ("US", "MX", 50.0), ("US", "MX", 25.0)} <= keys_of(text)


def test_the_country_after_for_is_the_target_of_each_rate():
    text = ("Indonesia imposed anti-dumping duties on steel from China, India and Vietnam. The duties are 20.8% "
            "for China, 19.4% for India and 13.2% for Vietnam. The EU keeps its duty at 25% for Britain and 30% "
            "for Japan.")
    assert keys_of(text) == {("ID", "CN", 20.8), ("ID", "IN", 19.4), ("ID", "VN", 13.2), ("EU", "GB", 25.0),
                             ("EU", "JP", 30.0)}


def test_a_numbered_section_of_a_brief_is_about_its_country_s_own_measures():
    text = ("Trade Remedies Brief\n\n1. Turkey: EV surcharge raised to 50%\n\nA decree raises the additional "
            "customs duty on electric cars originating in China to 50% from 40%.\n\n2. South Africa: poultry "
            "review\n\nITAC has initiated a review of the 62% general customs duty on frozen chicken portions.")
    assert {("TR", "CN", 50.0), ("ZA", None, 62.0)} <= keys_of(text)


def test_a_dateline_on_a_line_of_its_own_gives_the_home_of_unnamed_bodies():
    text = ("Pulses duty\nNEW DELHI\n\nThe Centre has imposed a 30% import duty on yellow peas, the Finance Ministry "
            "said. India will halve its 150% duty on Scotch whisky to 75% under the U.K. deal.")
    assert keys_of(text) == {("IN", None, 30.0), ("IN", "GB", 75.0)}


def test_charges_governs_a_bare_rate_on_goods():
    text = ("Ottawa weighs its options on U.S. tariffs\nWashington charges 50 per cent on Canadian steel and "
            "aluminum. The bank charges 3% interest on the loans.")
    assert keys_of(text) == {("US", "CA", 50.0)}


def test_a_title_case_dateline_gives_the_home_of_unnamed_bodies():
    text = ("Textile tariffs delayed\nMexico City, July 13 (El Financiero) - The Economy Ministry will raise the "
            "tariff on imported clothing to 35% from 25% on October 1.")
    assert keys_of(text) == {("MX", None, 35.0)}


def test_goods_of_everyone_make_a_tariff_global_even_when_they_name_a_country():
    text = ("Senators back a sanctions bill\nThe bill would let the U.S. impose tariffs of up to 500% on countries "
            "that buy Russian oil.")
    assert keys_of(text) == {("US", None, 500.0)}


def test_everyone_s_goods_end_before_the_next_rate_of_a_list():
    text = "Washington kept the 10% baseline on most imports and the 35% duty on Canadian goods."
    assert keys_of(text) == {("US", None, 10.0), ("US", "CA", 35.0)}


def test_a_country_that_got_a_rate_is_its_target():
    text = ("Indonesia's exports to the U.S. now face a 19% tariff under a deal agreed in July. Vietnam got 20% in a "
            "similar deal. Japan's steelmakers say the 50% U.S. tariff on all foreign steel has diverted Chinese "
            "supply.")
    assert keys_of(text) == {("US", "ID", 19.0), ("US", "VN", 20.0), ("US", None, 50.0)}


def test_quota_and_safeguard_tariffs_apply_to_every_origin_but_an_mfn_rate_is_the_partner_s():
    text = ("EU doubles steel tariff\nThe European Union raised the out-of-quota tariff to 50% from 25%, a measure "
            "that hits Chinese and Indian mills hardest. The EU's duties on Chinese electric vehicles come on top of "
            "the 10% duty all imported cars pay. China said U.S. soybeans pay the 3% most-favoured-nation duty plus "
            "the 10% retaliatory tariff.")
    keys = keys_of(text)
    assert {("EU", None, 50.0), ("EU", None, 10.0), ("CN", "US", 3.0), ("CN", "US", 10.0)} <= keys
    assert not {("EU", "CN", 50.0), ("EU", "IN", 50.0), ("CN", None, 10.0)} & keys


def test_tariffs_on_goods_from_everyone_or_of_a_general_kind_are_global():
    text = ("Copper duties\nChina applies a 2% import tariff on cathodes from most countries and none on Chilean "
            "metal. The EU applies its 50% out-of-quota steel tariff to all partners. The surcharge sits on top "
            "of Turkey's 10% conventional duty on passenger cars.")
    assert keys_of(text) == {("CN", None, 2.0), ("EU", None, 50.0), ("TR", None, 10.0)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TRUMP HITS CANADA\nThe finance ministry imposed a 25% import duty on steel.", {(None, None, 25.0)}),
        ("In Washington, May 5 talks failed. The finance ministry imposed a 25% import duty on steel.",
         {(None, None, 25.0)}),
        ("The government imposed a 25% import duty on steel.\n\nJapan.", {(None, None, 25.0)}),
        ("Tariffs dominated the talks. Visa charges 3% on every card transaction in the country.", set()),
    ],
    ids=["caps_headline_is_no_dateline", "title_case_sentence_is_no_dateline", "last_line_is_no_header",
         "a_fee_charged_on_transactions_is_no_tariff"],
)
def test_what_is_not_a_dateline_a_header_or_a_charged_rate(text, expected):
    assert keys_of(text) == expected


def test_canadian_surtaxes_are_tariffs():
    assert keys_of("Canada's 100 per cent surtax on Chinese EVs stays in place.") == {("CA", "CN", 100.0)}
    assert keys_of("Canada imposed a 25-per-cent surtax on Chinese steel.") == {("CA", "CN", 25.0)}


def test_a_ministry_named_without_its_country_acts_for_the_dateline_s():
    text = ("India imposes steel duties\nNEW DELHI: The finance ministry on Monday imposed a safeguard duty of 12 per "
            "cent on imports of flat steel from all sources, as global overcapacity and US tariffs divert steel "
            "towards India. It also notified anti-dumping duties of 30.2 per cent on tubes from China.")
    assert keys_of(text) == {("IN", None, 12.0), ("IN", "CN", 30.2)}


def test_actor_in_an_earlier_sentence_is_the_imposer():
    text = (
        "Trump has threatened sweeping new sanctions on Moscow.\n"
        "He has also demanded higher tariffs on countries buying Russian oil, recently doubling duties on "
        "Indian goods to 50%."
    )
    assert keys_of(text) == {("US", "IN", 50.0)}


def test_anaphoric_transition_continues_the_previous_tariff():
    text = (
        "Trump wrote that it was his honor to raise the tariffs on steel and aluminum from 25% to 50%.\n"
        "Workers cheered when he announced the increase.\n"
        '"We\'re going to bring it from 25% to 50%," Trump told them.'
    )
    assert keys_of(text) == {("US", None, 50.0)}
    assert len(rows_of(text)) == 2


def test_headline_borrows_the_target_from_the_body():
    text = (
        "Swiss scramble after 39% U.S. tariff\n"
        "The United States imposed a 39% tariff on imports from Switzerland on Friday."
    )
    assert keys_of(text) == {("US", "CH", 39.0)}


def test_mentions_are_the_text_at_their_offsets():
    text = (
        "China said on Tuesday it would impose additional tariffs of 10% to 15% on U.S. agricultural "
        "products, responding to Trump's decision to raise duties on all Chinese imports to 20%."
    )
    doc = make_document(text, source_name="t.txt", source_uri="file:///t.txt")
    for row in tariff_rates.extract(doc):
        assert 0 <= row["char_start"] < row["char_end"] <= len(doc.text)
        assert row["change"] in tariff_rates.CHANGES
    keys = keys_of(text)
    assert keys == {("CN", "US", 10.0), ("CN", "US", 15.0), ("US", "CN", 20.0)}


def test_no_tariff_word_in_the_document_means_no_rows():
    text = "Russia fired more than 300 drones; power demand dropped by 50% and 40 percent of Kyiv lost heat."
    assert rows_of(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "In a post on May 30, Trump raised steel tariffs from 25% to 50%, effective Wednesday, June 4.",
            dt.date(2025, 6, 4),
            id="effective_wins_over_on",
        ),
        pytest.param(
            "Canada will lift its 25% counter-tariffs on U.S. goods as of September 1.",
            dt.date(2025, 9, 1),
            id="as_of",
        ),
        pytest.param(
            "Washington will suspend 24% of the additional tariffs it imposed on 2 April 2025.",
            None,
            id="date_of_an_earlier_decision",
        ),
        pytest.param(
            "Trump threatened a 50% tariff on Brazil from August 1.", None, id="threat_has_no_start"
        ),
        pytest.param("The 25% tariff on steel took effect in March.", None, id="month_is_no_day"),
    ],
)
def test_effective_date(text, expected):
    doc = make_document(
        text, source_name="t.txt", source_uri="file:///t.txt", published_date=dt.date(2025, 5, 30)
    )
    assert tariff_rates.extract(doc)[0]["effective_date"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Canada is hit by U.S. tariffs. Washington charges 35% on Canadian goods that do not qualify "
                     "under the pact, 50% on steel and aluminum and 25% on cars.",
                     {("US", "CA", 35.0), ("US", "CA", 50.0), ("US", "CA", 25.0)}, id="items_of_rates_on_goods"),
        pytest.param("Tariffs imposed under Section 232 are unaffected. They include 50% on steel and aluminum, "
                     "25% on autos and 10% on softwood lumber.",
                     {("US", None, 50.0), ("US", None, 25.0), ("US", None, 10.0)}, id="pronoun_listing_rates"),
        pytest.param("Carney will press for relief from the 50% U.S. duty on Canadian steel.",
                     {("US", "CA", 50.0)}, id="preposition_before_a_prenominal_rate"),
        pytest.param("Japan's cars pay a 15% U.S. tariff under a separate deal, and Carney will press for relief "
                     "from the 50% U.S. duty on Canadian steel.",
                     {("US", "JP", 15.0), ("US", "CA", 50.0)}, id="a_far_from_is_no_previous_rate"),
        pytest.param("The bill would make Trump impose U.S. tariffs of at least 500% on goods from countries that "
                     "knowingly buy Russian oil.", {("US", None, 500.0)}, id="goods_from_countries_that_buy"),
    ],
)
def test_lists_pronouns_and_global_buyers(text, expected):
    assert keys_of(text) == expected


def test_the_pace_of_growth_is_not_a_tariff():
    text = "Tariffs hurt Canada. Statistics Canada said GDP grew at an annualized rate of 2.6% in the third quarter."
    assert keys_of(text) == set()


def test_previous_rate_from_a_transition_word():
    rows = rows_of("The U.S. cut the tariff on EU cars to 15% under a deal agreed in July, down from 27.5%.")
    assert [(r["rate_pct"], r["previous_rate_pct"]) for r in rows] == [(15.0, 27.5)]


def test_a_current_rate_stays_a_fact_when_another_clause_hopes_to_change_it():
    rows = rows_of("Taiwan is hit by U.S. tariffs. Its goods currently face a 20% reciprocal tariff, and officials "
                   "in Taipei said they hoped a deal would bring that down to 15%.")
    assert [(r["rate_pct"], r["previous_rate_pct"]) for r in rows] == [(20.0, None), (15.0, 20.0)]


def test_words_of_business_do_not_make_a_clause_about_money():
    text = ("Trump imposed a 25% tariff on imported chips. Companies that have not committed to US production by "
            "then will see the rate rise to 40% on Jan. 1, 2027.")
    assert ("US", None, 40.0) in keys_of(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Trump's tariffs were struck down. Negotiated rates also lose their legal basis, among them the "
                     "15% rate for the European Union and Japan and the 18% rate India secured in its deal.",
                     {("US", "EU", 15.0), ("US", "JP", 15.0), ("US", "IN", 18.0)}, id="rate_for_and_rate_secured"),
        pytest.param("The U.S. cut Swiss tariffs. Liechtenstein will get the same 15% rate as Switzerland.",
                     {("US", "LI", 15.0)}, id="who_will_get_a_rate"),
    ],
)
def test_whose_rate_it_is(text, expected):
    assert keys_of(text) == expected


def test_a_list_of_rates_by_coordinated_demonyms():
    text = ("Mexico raised its tariffs on Asian imports to as much as 50%. Chinese cars pay 50%, South Korean and "
            "Indian auto parts 35%, and Thai and Indonesian steel 25%.")
    assert keys_of(text) == {("MX", None, 50.0), ("MX", "CN", 50.0), ("MX", "KR", 35.0), ("MX", "IN", 35.0),
                             ("MX", "TH", 25.0), ("MX", "ID", 25.0)}


def test_a_countrys_rate_in_a_story_of_another_countrys_tariffs_is_the_rate_it_was_given():
    assert keys_of("The U.S. set tariffs on Asia. Vietnam got 20%. Japan's rate was set at 15%.") == {
        ("US", "VN", 20.0), ("US", "JP", 15.0)}
    assert keys_of("China retaliated against U.S. tariffs. China's rate on U.S. goods rose to 125%.") == {
        ("CN", "US", 125.0)}


def test_its_goods_are_those_of_the_country_before():
    text = ("The U.S. imposed reciprocal tariffs. Taiwan, home to the most advanced foundries, is negotiating "
            "separately. Its goods currently face a 20% reciprocal tariff.")
    assert keys_of(text) == {("US", "TW", 20.0)}


def test_it_acting_on_a_tariff_is_the_country_of_the_sentences_before():
    text = ("India has long defended its farm tariffs. In its Feb. 1 budget it cut the duty on large motorcycles to "
            "30% from 50%, a move seen as helping Harley-Davidson.")
    assert keys_of(text) == {("IN", None, 30.0)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Trump raised tariffs on cars. Before April, Japanese cars paid just 2.5%.", {("US", "JP", 2.5)},
                     id="what_goods_paid_after_a_tariff_sentence"),
        pytest.param("Trump's tariffs hit neighbours: 35% (Canada) and 25% (Mexico).",
                     {("US", "CA", 35.0), ("US", "MX", 25.0)}, id="country_in_brackets_after_the_rate"),
    ],
)
def test_payers_and_bracketed_countries(text, expected):
    assert keys_of(text) == expected


def test_the_headline_says_whose_tariffs_a_factbox_is_about():
    text = ("FACTBOX-How steel suppliers are responding to Trump's 50% tariff\n"
            "June 5 - U.S. President Donald Trump's doubling of tariffs on imported steel to 50% from 25% took "
            "effect on Wednesday.\n\nCanada\nOttawa already applies 25% counter-tariffs on C$29.8 billion of U.S. "
            "goods.\n\nMexico\nThe economy ministry said it would seek an exemption. Mexican steel now pays 50%.")
    assert ("US", "MX", 50.0) in keys_of(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Trump set new tariffs. A separate order sets new reciprocal rates for around 70 economies, "
                     "ranging from 10% to 41%.", {("US", None, 10.0), ("US", None, 41.0)}, id="rates_for_economies"),
        pytest.param("Trump set new reciprocal tariffs on Thursday. They include 25% for India and 39% for "
                     "Switzerland.", {("US", "IN", 25.0), ("US", "CH", 39.0)}, id="they_include_rates_for"),
        pytest.param("Trump set new tariffs. The European Union and Japan, which struck framework deals in July, "
                     "will pay 15% on most goods.", {("US", "EU", 15.0), ("US", "JP", 15.0)},
                     id="payers_before_a_relative_clause"),
        pytest.param("Trump cut the tariff on India to 18%. The new rate puts India below Vietnam's 20%, and above "
                     "the European Union and Japan, which pay 15% under deals struck last year.",
                     {("US", "IN", 18.0), ("US", "VN", 20.0), ("US", "EU", 15.0), ("US", "JP", 15.0)},
                     id="rates_of_countries_compared"),
    ],
)
def test_rates_named_by_comparison_and_listing(text, expected):
    assert keys_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("China imposed anti-dumping duties of between 30.6% and 39.0% on EU brandy. "
                     "Hennessy faces 39.0%, while Remy Martin will pay 38.1%.",
                     {("CN", "EU", 30.6), ("CN", "EU", 39.0), ("CN", "EU", 38.1)}, id="a_company_pays_a_rate"),
        pytest.param("Trump set new tariffs on Thursday. An order sets new reciprocal rates for around 70 "
                     "economies, ranging from 10% to 41%, that take effect on Aug. 7. They include 25% for India.",
                     {("US", None, 10.0), ("US", None, 41.0), ("US", "IN", 25.0)}, id="rates_for_many_countries"),
    ],
)
def test_company_rates_and_rates_for_many_countries(text, expected):
    assert keys_of(text) == expected


def test_an_average_tariff_rate_is_on_all_imports():
    text = ("Japan agreed a deal with Trump at 15%. Economists at Yale estimate the average effective U.S. tariff "
            "rate will rise to about 18%, the highest since 1934.")
    assert ("US", None, 18.0) in keys_of(text) and ("US", "JP", 18.0) not in keys_of(text)


def test_rates_naming_no_country_continue_the_last_sentence_of_rates():
    # a story of China's duties on EU brandy, whose EV paragraph gives the EU's company rates
    text = ("China slaps duties of up to 39% on EU brandy\n"
            "China will require importers of EU brandy to pay deposits of between 30.6% and 39.0%, the commerce "
            "ministry said. Jas Hennessy faces the highest deposit, of 39.0%.\n\n"
            "On Friday, EU countries cleared the way for duties of up to 35.3% on Chinese-built EVs. Ten member "
            "states voted in favour.\n\n"
            "The company rates are 17.0% for BYD and 18.8% for Geely. Other cooperating manufacturers face 20.7%.")
    keys = keys_of(text)
    assert {("EU", "CN", 17.0), ("EU", "CN", 18.8), ("EU", "CN", 20.7)} <= keys
    assert ("CN", "EU", 17.0) not in keys


def test_a_rate_on_everyones_goods_does_not_continue_the_rates_before():
    text = ("Trump kept his 10% tariff on all imports and paused the 20% reciprocal tariff on the EU. Brussels "
            "shelved duties of up to 25 per cent on US goods.\n\n"
            "Nor does the pause touch sector tariffs. A 25 per cent levy on imported cars took effect last week.")
    assert ("EU", None, 25.0) not in keys_of(text)


def test_what_a_country_is_penalised_for_buying_is_not_taxed():
    text = ("Here is where US tariff rates stand.\n\n"
            "INDIA: 50%, half of it a penalty for buying Russian oil. Negotiators say a deal is close.")
    assert keys_of(text) == {("US", "IN", 50.0)}


def test_a_factbox_prices_sectors_for_every_country():
    text = ("Trump's tariffs on Canada stand at 35%.\n\n"
            "SECTOR TARIFFS: These apply to all countries: steel, aluminium and copper at 50%; cars and parts at "
            "25%; softwood lumber at 10%.")
    assert {("US", None, 50.0), ("US", None, 25.0), ("US", None, 10.0)} <= keys_of(text)
    assert ("US", "CA", 25.0) not in keys_of(text)


def test_bracketed_countries_of_a_list_share_its_imposer():
    text = ("Here is where Trump's tariffs stand: 15% on Japan.\n\n"
            "CANADA AND MEXICO: Goods that do not comply with the USMCA pay 35% (Canada) and 25% (Mexico).")
    assert keys_of(text) == {("US", "JP", 15.0), ("US", "CA", 35.0), ("US", "MX", 25.0)}


def test_a_country_after_a_year_is_the_subject_of_its_sentence():
    text = ("The U.S. doubled its steel tariff to 50%. The second-largest supplier said it would negotiate. In 2024 "
            "Brazil raised its own tariff on above-quota imports of 11 steel products from 10% to 25%.")
    assert ("BR", None, 25.0) in keys_of(text) and ("US", None, 25.0) not in keys_of(text)


def test_one_more_target_of_the_sentences_imposer():
    text = ("Trump's tariffs on Chinese goods stay at 20%, and Washington's 10% tariff applies to all imports. China "
            "kept its retaliation in place. U.S. soybeans still pay 13%, the 3% most-favoured-nation duty plus the "
            "10% retaliatory tariff, against 3% for Brazilian beans.")
    keys = keys_of(text)
    assert ("CN", "US", 13.0) in keys and ("CN", "BR", 3.0) in keys and ("US", "BR", 3.0) not in keys


FACTBOX = """Where U.S. tariffs stand
A 10% tariff has applied to imports from almost every country since April 5.

HOW THE MAIN RATES COMPARE

- Brazil: 50%, made up of the 10% baseline and an additional 40% imposed over the prosecution
- Vietnam: 20%, with 40% on goods judged to be transshipped
- Indonesia, the Philippines and Thailand: 19%

SECTOR TARIFFS

- Steel and aluminum: 50%, except Britain at 25%
- Cars and auto parts: 25%, or 15% for Japan
- OCTG anti-dumping, SeAH Steel: 7.15%
"""


def test_a_factbox_line_rates_the_countries_it_lists():
    keys = keys_of(FACTBOX)
    assert {("US", "BR", 50.0), ("US", "BR", 10.0), ("US", "BR", 40.0)} <= keys
    assert {("US", "VN", 20.0), ("US", "VN", 40.0)} <= keys
    assert {("US", "ID", 19.0), ("US", "PH", 19.0), ("US", "TH", 19.0)} <= keys


def test_a_factbox_line_of_goods_rates_everyones_goods():
    keys = keys_of(FACTBOX)
    assert {("US", None, 50.0), ("US", "GB", 25.0), ("US", None, 25.0), ("US", "JP", 15.0)} <= keys
    assert ("US", "GB", 50.0) not in keys and ("US", "JP", 25.0) not in keys
    assert ("US", None, 7.15) not in keys  # a company's rate is not a sector's


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Trump put a 25% tariff on factory machinery. Chinese machine tools already pay a 25% duty "
                     "under Section 301.", {("US", None, 25.0), ("US", "CN", 25.0)}, id="machine_tools_are_goods"),
        pytest.param("The EU deal cuts duties on shoes. Indonesian goods still face a 19 percent tariff in the "
                     "United States.", {("US", "ID", 19.0)}, id="the_market_a_tariff_is_in"),
    ],
)
def test_goods_and_the_market_that_charges_them(text, expected):
    assert keys_of(text) == expected


def test_company_rates_of_an_anti_dumping_case():
    text = ("The European Union will impose anti-dumping duties of between 14.3% and 71.2% on hardwood plywood from "
            "China, concluding an investigation launched after complaints from European panel makers.\n\n"
            "Linyi Sanfortune Wood Co received the lowest duty, 14.3%, while Xuzhou Shengping Import and Export Co "
            "was assigned 27.8% and Shandong Xingang Group 36.5%.\n\n"
            "Chinese producers that cooperated with the investigation but were not sampled will pay 31.9%.")
    assert keys_of(text) == {("EU", "CN", 14.3), ("EU", "CN", 71.2), ("EU", "CN", 27.8), ("EU", "CN", 36.5),
                             ("EU", "CN", 31.9)}


def test_a_country_in_an_appositive_plays_no_part_in_the_rate():
    text = ("Indian shrimp now faces a 50 per cent U.S. tariff. By comparison, Ecuador, India's main rival in the US "
            "shrimp market, faces a 15 per cent tariff.")
    assert ("US", "EC", 15.0) in keys_of(text) and ("IN", "US", 15.0) not in keys_of(text)


def test_more_countries_of_a_list_are_no_appositive():
    text = ("Mexico's new tariffs of up to 50% on about 1,400 products from countries without a trade agreement, "
            "including China, India and South Korea, took effect on Thursday.")
    assert {("MX", "CN", 50.0), ("MX", "IN", 50.0), ("MX", "KR", 50.0)} <= keys_of(text)


def test_a_rates_own_imposer_is_not_its_target():
    text = ("India reserved the right to suspend concessions on US goods in response to the 25 per cent American "
            "tariff on automobiles and auto parts.")
    assert keys_of(text) == {("US", None, 25.0)}


def test_a_member_states_goods_pay_the_unions_rate():
    assert keys_of("Most German goods have faced a 15% U.S. tariff since August.") == {("US", "EU", 15.0)}


def test_rates_on_countries_without_a_trade_agreement_are_on_everyone():
    text = ("The U.S. raised its levy on Canadian goods to 35 per cent. Ottawa also said it will tighten its steel "
            "tariff-rate quotas from next month. Imports above quota will face a 50-per-cent surtax if they come "
            "from countries without a free trade agreement with Canada, and 25 per cent from partners such as the "
            "European Union, Britain and South Korea.")
    keys = keys_of(text)
    assert {("CA", None, 50.0), ("CA", "EU", 25.0), ("CA", "GB", 25.0), ("CA", "KR", 25.0)} <= keys
    assert ("US", "CA", 50.0) not in keys and ("CA", None, 25.0) not in keys


def test_goods_that_pay_a_rate_after_tariff_rates():
    text = ("The U.S. raised its levy on Canadian goods to 35 per cent from 25 per cent. Energy and potash pay 10 "
            "per cent.")
    assert ("US", "CA", 10.0) in keys_of(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("China imposed anti-dumping duties on Canadian canola. Importers must pay a 75.8 per cent "
                     "anti-dumping deposit on canola seed from Canada.", {("CN", "CA", 75.8)},
                     id="an_anti_dumping_deposit"),
        pytest.param("The EU set anti-dumping duties on Chinese plywood. Companies that cooperated were given "
                     "35.2 percent.", {("EU", "CN", 35.2)}, id="a_rate_given"),
        pytest.param("Trump set a 25% tariff on factory machinery. Machinery from the European Union and Japan "
                     "will be capped at 15%.", {("US", None, 25.0), ("US", "EU", 15.0), ("US", "JP", 15.0)},
                     id="capped_at"),
        pytest.param("Trump set a 25% tariff on wood products. Wood products from Japan will face no more than "
                     "15 per cent.", {("US", None, 25.0), ("US", "JP", 15.0)}, id="no_more_than"),
        pytest.param("Trump raised the tariff on Brazilian goods to 50%. Brasilia has won delays to a threatened "
                     "increase to 60%.", {("US", "BR", 50.0), ("US", "BR", 60.0)}, id="an_increase_to"),
    ],
)
def test_deposits_caps_and_increases(text, expected):
    assert keys_of(text) == expected


def test_a_budgets_list_of_duty_changes_filed_from_its_capital():
    text = ("NEW DELHI: Finance Minister Nirmala Sitharaman announced customs duty changes in the Union Budget on "
            "Sunday.\n\nThe key changes:\n"
            "- Motorcycles with big engines: basic customs duty (BCD) cut to 30% from 40%\n"
            "- Solar glass: BCD raised to 20% from 10%\n")
    assert keys_of(text) == {("IN", None, 30.0), ("IN", None, 20.0)}


def test_a_table_of_company_rates_after_its_introduction():
    text = ("The EU imposed countervailing duties on ceramic tiles from India. Shipments fell sharply last year and "
            "prices dropped. Importers have complained for months. Retailers expect higher prices.\n\n"
            "According to the Commission, the rates are:\n\n"
            "Kajaria Ceramics: 8.9%\nSomany Ceramics: 11.8%\nOther cooperating companies: 10.6%\n")
    assert {("EU", "IN", 8.9), ("EU", "IN", 11.8), ("EU", "IN", 10.6)} <= keys_of(text)
    assert ("EU", None, 10.6) not in keys_of(text)


def test_goods_that_pay_after_a_rate():
    text = ("Brazil's import tariff on fully electric cars rose to 25% from 18% on Tuesday. Plug-in hybrids now pay "
            "28%, up from 25%.")
    assert ("BR", None, 28.0) in keys_of(text)


def test_company_rates_under_their_country():
    text = ("China will impose anti-dumping duties on butyl rubber from Canada and Japan. Prices fell last year. "
            "Tyre makers use most of it. Buyers had complained.\n\n"
            "The ministry listed the following rates:\n\n"
            "Canada: Arlanxeo Canada 24.6%; all other Canadian companies 41.5%\n"
            "Japan: Japan Butyl Co 18.2%; all other Japanese companies 31.7%\n")
    assert keys_of(text) == {("CN", "CA", 24.6), ("CN", "CA", 41.5), ("CN", "JP", 18.2), ("CN", "JP", 31.7)}


def test_a_factbox_of_the_economy_is_no_table_of_rates():
    text = ("The removal of some levies from household electricity comes into effect in April.\n\n"
            "Bank Rate: 3.75% (unchanged)\nUnemployment, January: 5.2%\n")
    assert keys_of(text) == set()


def test_partners_that_stay_remain_or_see_their_rates_set():
    text = ("Trump resets tariff rates for a dozen partners, cutting Taiwan to 15% and raising South Africa.\n\n"
            "Thailand and Cambodia each see their rate trimmed to 18% from 19%. Vietnam stays at 20%. Indonesia and "
            "the Philippines remain at 19%.\n\n"
            "South Africa went the other way. Its rate rises to 35% from 30%.\n\n"
            "Switzerland, whose 39% rate was cut to 15% in November, is not affected.")
    keys = keys_of(text)
    assert {("US", "TW", 15.0), ("US", "TH", 18.0), ("US", "KH", 18.0), ("US", "VN", 20.0), ("US", "ID", 19.0),
            ("US", "PH", 19.0), ("US", "ZA", 35.0), ("US", "CH", 15.0)} <= keys
    assert not any(imposer not in ("US", None) for imposer, _, _ in keys)


def test_a_rate_of_another_measure_that_stays_is_no_tariff():
    text = ("Excise duties on alcohol rise to 20%. The standard VAT rate will stay at 23%. The Bank of Canada left its "
            "key overnight rate unchanged at 2.25%.")
    assert (None, None, 23.0) not in keys_of(text) and all(rate not in (23.0, 2.25) for _, _, rate in keys_of(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Trump set a 25% tariff on wooden furniture. Furniture from the European Union and Japan pays "
                     "no more than 15%.", {("US", None, 25.0), ("US", "EU", 15.0), ("US", "JP", 15.0)},
                     id="pays_no_more_than"),
        pytest.param("Trump set a 25% tariff on wooden furniture. For Vietnam, the biggest supplier of furniture to "
                     "the United States, there is no cap: its exporters pay the full 25%.",
                     {("US", None, 25.0), ("US", "VN", 25.0)}, id="its_exporters_pay_the_full_rate"),
    ],
)
def test_caps_and_full_rates_that_goods_pay(text, expected):
    assert keys_of(text) == expected


def test_an_anti_dumping_duty_on_a_sector_is_on_the_country_investigated():
    text = ("China imposed 100% tariffs on Canadian canola oil in March. Importers will have to pay a 75.8 per cent "
            "anti-dumping deposit on canola seed from Thursday.")
    assert ("CN", "CA", 75.8) in keys_of(text) and ("CN", None, 75.8) not in keys_of(text)


def test_goods_transshipped_from_a_country_are_the_exporters_and_lists_with_articles():
    text = ("VIETNAM: The United States will cut its tariff on Vietnamese goods to 15% from 20% from Aug. 1. Goods "
            "judged to be 'transshipped' from China will still face 40%.")
    assert ("US", "VN", 40.0) in keys_of(text) and ("US", "CN", 40.0) not in keys_of(text)
    text = "Trump set new tariffs on Asian partners. Vietnam got 20% and the Philippines 19% in similar deals."
    assert keys_of(text) == {("US", "VN", 20.0), ("US", "PH", 19.0)}


def test_coordinated_countries_share_their_goods_and_the_full_rate():
    text = ("Trump set a 10% tariff on Australian goods. Australian and New Zealand steel and aluminium continue to "
            "face 50 per cent. Anything above the quota will still face the full 50 per cent.")
    assert {("US", "AU", 10.0), ("US", "AU", 50.0), ("US", "NZ", 50.0)} <= keys_of(text)


def test_a_headline_actor_sets_the_tariff_a_country_pays():
    text = ("Trump order cuts Taiwan tariff, raises South Africa\n"
            "WASHINGTON, Feb. 16 (Reuters) - Taiwan's rate falls to 15% from 20% under an order U.S. President Donald "
            "Trump signed on Monday. India's rate stays at 50%.\n\n- Brazil: 50%\n- Vietnam: 20%\n")
    assert keys_of(text) == {("US", "TW", 15.0), ("US", "IN", 50.0), ("US", "BR", 50.0), ("US", "VN", 20.0)}


def test_a_headline_rate_without_countries_takes_the_relation_the_body_opens_with():
    text = ("Shrimp exporters stare at 58% duty wall as tariffs bite\n"
            "New Delhi - Indian shrimp now faces a 50 per cent U.S. tariff, and anti-dumping duties take the total "
            "to 58.26 per cent.")
    assert ("US", "IN", 58.0) in keys_of(text)


def test_a_story_of_rates_keeps_its_tariff_context_across_a_question_and_a_quote():
    text = ("Washington raised its tariff on imported bicycles to 30% on Monday. Electric bikes pay 35%, and "
            "parts pay 20%. Frames face the same 20% rate.\n\n"
            "\"We cannot plan like this,\" said one importer in Ohio, who buys frames from Taiwan and asked not to be "
            "named because talks with suppliers were continuing.\n\n"
            "Does every supplier pay the same?\n\nNo. Partners with trade deals were spared the full increase. "
            "Bicycles from Japan pay 15%.")
    assert ("US", "JP", 15.0) in keys_of(text)


def test_a_list_introduced_by_a_line_naming_a_country_rates_that_country():
    text = ("Seoul is bracing for a new round of U.S. tariffs on its exports, after a 25% duty on Korean goods "
            "took effect on Friday.\n\n"
            "How the main rates stack up for Korean exporters:\n\n"
            "Steel and steel pipe (Section 232): 50 percent\n"
            "Automobiles and auto parts: 15 percent, down from 25 percent\n"
            "Semiconductors: 10 percent\n")
    assert {("US", "KR", 50.0), ("US", "KR", 15.0), ("US", "KR", 10.0)} <= keys_of(text)


def test_an_average_applied_tariff_is_on_all_imports_whatever_the_story_is_about():
    text = ("Washington doubled its tariff on Indian goods to 50% in August. Economists note that India's average "
            "applied tariff of about 17 per cent is among the highest of large economies.")
    assert ("IN", None, 17.0) in keys_of(text) and ("IN", "US", 17.0) not in keys_of(text)


def test_a_paragraph_on_a_countrys_own_duties_makes_its_bare_rates_that_countrys_on_everyone():
    text = ("Washington's 50% tariff on Brazilian goods took effect in August, and Brazil's exporters of coffee "
            "and beef now pay the full rate.\n\n"
            "Brazil's own import duties are among the highest in the G20. Imported cars attract a duty of 35 per "
            "cent, and most machinery pays 14 per cent.")
    keys = keys_of(text)
    assert {("BR", None, 35.0), ("BR", None, 14.0)} <= keys
    assert ("US", "BR", 35.0) not in keys


def test_rates_on_non_fta_countries_are_on_everyone_without_a_deal():
    text = ("Ottawa raised its surtax on U.S. steel to 25% last year. Imports above quota from non-FTA countries "
            "pay a 50-per-cent surtax.")
    assert ("CA", None, 50.0) in keys_of(text) and ("CA", "US", 50.0) not in keys_of(text)


def test_a_factbox_line_may_set_its_rate_off_with_a_dash_and_all_its_countries_pay_it():
    text = ("New U.S. tariffs on dozens of partners took effect on Thursday, replacing the 10% baseline.\n\n"
            "- Japan - 15%, the same ceiling as the EU\n"
            "- Israel, Norway, Turkey - 15%\n")
    keys = keys_of(text)
    assert {("US", "JP", 15.0), ("US", "IL", 15.0), ("US", "NO", 15.0), ("US", "TR", 15.0)} <= keys
    assert not any(imposer == "TR" for imposer, _target, _rate in keys)


def test_countries_not_named_that_keep_paying_a_rate_pay_the_baseline():
    text = ("Higher U.S. tariffs took effect on Thursday, replacing the 10% baseline rate for most partners. Goods "
            "already at sea can still enter at the old rate. Countries not named in the annex keep paying 10%.")
    assert [r["mention"] for r in rows_of(text) if r["rate_pct"] == 10.0][-1] == "keep paying 10%"


def test_a_company_named_with_its_nationality_pays_the_rate_it_will_pay():
    text = ("China imposed anti-dumping duties of between 4.9% and 19.8% on pork from the EU on Tuesday. "
            "Danish Crown will pay 11.6%.")
    assert ("CN", "EU", 11.6) in keys_of(text) and ("EU", "CN", 11.6) not in keys_of(text)


def test_margins_in_the_thousands_and_rates_for_some_exporters_of_a_country():
    text = ("The U.S. Commerce Department set preliminary anti-dumping duties on solar cells on Tuesday. Rates run as "
            "high as 3,521% for some Cambodian exporters, 81.24% for Laotian ones and 375.19% for some Vietnamese "
            "ones, and as much as 104.38% for Indonesian producers.")
    assert keys_of(text) == {("US", "KH", 3521.0), ("US", "LA", 81.24), ("US", "VN", 375.19), ("US", "ID", 104.38)}


def test_a_comma_in_a_rate_is_a_thousands_separator_only_before_three_digits():
    assert ("US", "JP", 15.0) in keys_of("The U.S. charges a tariff of 25% on Korea, 15% on Japan.")
    assert all(rate != 2024.15 for _i, _t, rate in keys_of("The tariff rose in 2024,15% higher than before."))


def test_rates_named_respectively_pair_with_the_targets_or_the_sides_named_before():
    assert keys_of("Trump imposed tariffs on Canada and Mexico of 35% and 25% respectively.") == {
        ("US", "CA", 35.0), ("US", "MX", 25.0)}
    text = ("U.S. tariffs on Chinese goods reached 145% in April, and China's on U.S. goods 125%, before talks in "
            "Geneva in May cut them to 30% and 10% respectively.")
    assert {("US", "CN", 30.0), ("CN", "US", 10.0)} <= keys_of(text)
    assert ("CN", "US", 30.0) not in keys_of(text)


def test_countries_capped_at_a_rate_pay_it_and_none_of_them_imposes_it():
    text = "Trump slaps 25% tariff on chips, 100% on branded drugs; EU and Japan capped at 15%"
    keys = keys_of(text)
    assert {("US", "EU", 15.0), ("US", "JP", 15.0)} <= keys and ("JP", "EU", 15.0) not in keys


def test_a_country_gets_a_rate_across_its_appositive():
    text = ("Trump imposed a 25% tariff on chips on Tuesday. Taiwan, home of the world's largest contract chipmaker, "
            "gets 20% until its trade agreement is ratified.")
    assert ("US", "TW", 20.0) in keys_of(text) and ("TW", "US", 20.0) not in keys_of(text)


def test_a_countrys_decision_to_change_its_tariff_makes_it_the_imposer():
    text = ("Carmakers are still struggling with the 15% U.S. tariff on most European goods, and with the European "
            "Union's decision earlier this year to double its out-of-quota tariff on steel to 50%.")
    assert ("EU", None, 50.0) in keys_of(text) and ("US", None, 50.0) not in keys_of(text)


def test_a_list_of_rates_for_the_producers_of_each_country():
    text = ("Brussels also confirmed definitive anti-dumping duties on cold-rolled stainless sheet that were "
            "provisionally imposed in May: 30.2% for Chinese producers, 21.4% for Indonesian mills and 11.9% for "
            "Taiwanese ones.")
    assert keys_of(text) == {("EU", "CN", 30.2), ("EU", "ID", 21.4), ("EU", "TW", 11.9)}


def test_a_rates_relative_clause_names_who_imposed_it_and_on_whom():
    text = ("Beijing imposed 100% duties on Canadian canola oil in March and a 75.8% deposit on canola seed in "
            "August, in response to the 100% surtax that Ottawa put on Chinese electric vehicles last year.")
    assert {("CN", "CA", 100.0), ("CN", "CA", 75.8), ("CA", "CN", 100.0)} == keys_of(text)


def test_the_other_sides_rate_with_its_tariff_noun_left_out():
    text = ("The truce ended a spiral that in April took U.S. tariffs on most Chinese goods to 145% and China's on "
            "U.S. goods to 125%.")
    assert keys_of(text) == {("US", "CN", 145.0), ("CN", "US", 125.0)}
    text = "U.S. duties on Canadian lumber reached 35% last year, while Canada's on U.S. steel hit 25%."
    assert ("CA", "US", 25.0) in keys_of(text)


def test_a_factbox_of_what_one_countrys_goods_pay_in_each_market_makes_the_markets_the_imposers():
    text = ("What Chinese electric cars pay around the world\n\n"
            "Chinese carmakers face a patchwork of import duties as they expand abroad.\n\n"
            "- Brazil: 35%, after rising in steps since 2024\n"
            "- Turkey: 40%, plus a surcharge\n"
            "- India, Indonesia: 70%\n")
    assert keys_of(text) == {("BR", "CN", 35.0), ("TR", "CN", 40.0), ("IN", "CN", 70.0), ("ID", "CN", 70.0)}


def test_a_company_named_with_its_country_and_an_aside_gets_the_rate_it_is_given():
    text = ("China imposed anti-dumping duties of between 4.9% and 19.8% on pork from the EU on Tuesday. Spain's "
            "Litera Group, which cooperated fully, gets the lowest rate of 4.9%.")
    assert ("CN", "EU", 4.9) in keys_of(text) and ("EU", "CN", 4.9) not in keys_of(text)


def test_the_payer_of_the_residual_rate_of_a_duty_is_right_before_its_verb():
    text = ("China imposed anti-dumping duties of between 4.9% and 19.8% on pork from the EU on Tuesday. Every other "
            "European exporter pays the residual rate of 19.8%.")
    rows = [r for r in rows_of(text) if r["mention"] == "rate of 19.8%"]
    assert [(r["imposing_country_iso2"], r["target_country_iso2"]) for r in rows] == [("CN", "EU")]


def test_a_listed_company_named_with_its_nationality_pays_the_listed_rate():
    text = ("China imposed anti-dumping duties of between 4.9% and 19.8% on pork from the EU on Tuesday. Danish Crown "
            "will pay 11.6% and the Dutch group Vion 13.2%.")
    assert {("CN", "EU", 11.6), ("CN", "EU", 13.2)} <= keys_of(text) and ("EU", None, 13.2) not in keys_of(text)


def test_a_previous_rate_after_from_and_an_approximation_is_not_a_rate_of_its_own():
    text = ("Under the deal, China will cut the combined duty on Canadian canola seed to about 15% by March 1, "
            "from roughly 85% now.")
    rows = rows_of(text)
    assert [(r["rate_pct"], r["previous_rate_pct"]) for r in rows] == [(15.0, 85.0)]


def test_goods_imported_into_a_market_with_no_origin_named_pay_a_global_rate():
    text = ("Tokyo and Seoul both sealed deals with Washington this summer. Heavy motorcycles imported into the "
            "United States have paid a 2.4% duty for decades.")
    assert keys_of(text) == {("US", None, 2.4)}


def test_countries_in_a_sentence_final_relative_clause_are_not_the_rates_targets():
    text = ("Wine shipped to Canada has paid a 6% tariff since 1988, which is why French and Italian producers "
            "price it high.")
    assert keys_of(text) == {("CA", None, 6.0)}


def test_a_sentence_final_relative_clause_may_still_name_the_goods_a_tariff_hits():
    text = "Ottawa imposed a 25% surtax last year, which hits Chinese steel and aluminum."
    assert keys_of(text) == {("CA", "CN", 25.0)}


def test_where_imports_mostly_come_from_is_not_whose_goods_a_tariff_is_on():
    text = "Brazil raised its tariff on steel imports, mainly from China, to 25% in July."
    assert keys_of(text) == {("BR", None, 25.0)}


def test_a_duty_on_chemical_inputs_is_a_sector_tariff_on_every_country():
    text = ("Egypt raised its duty on Chinese tiles to 30% in March. Cairo also cut the duty on chemical inputs "
            "to 2% from 5% to help factories.")
    assert ("EG", None, 2.0) in keys_of(text) and ("EG", "CN", 2.0) not in keys_of(text)


def test_in_a_factbox_of_markets_the_header_over_a_list_is_the_market_that_charges():
    text = ("What Turkish pasta pays abroad, market by market\n\n"
            "Turkish exporters face duties in most of their big markets.\n\n"
            "CANADA\n\n"
            "- Most-favoured-nation tariff: 11%\n"
            "- Anti-dumping duty: up to 31.2%\n\n"
            "BRAZIL\n"
            "- Import tariff: 14%\n")
    assert keys_of(text) == {("CA", "TR", 11.0), ("CA", "TR", 31.2), ("BR", "TR", 14.0)}


def test_in_a_factbox_of_markets_a_label_may_name_its_market_and_more():
    text = ("Korean tyres abroad: what they pay, market by market\n\n"
            "Korean tyre makers face rising import duties.\n\n"
            "United States, passenger tyres — 25% tariff (from 4%) since April\n\n"
            "Mexico — 15% duty on tyres from all sources\n")
    assert keys_of(text) == {("US", "KR", 25.0), ("MX", None, 15.0)}


def test_the_market_goods_enter_charges_what_they_pay():
    text = "The tariff regime is strict. Chinese panels entering India pay 40%, up from 20%."
    assert keys_of(text) == {("IN", "CN", 40.0)}


def test_in_a_factbox_of_markets_a_line_labelled_with_a_market_states_its_rate_without_a_tariff_word():
    text = ("Korean tyres abroad: what they pay, market by market\n\n"
            "Korean tyre makers face rising import duties in their markets.\n\n"
            "United States, passenger tyres — 25% (from 4%) since April\n\n"
            "Brazil — 16%\n")
    assert keys_of(text) == {("US", "KR", 25.0), ("BR", "KR", 16.0)}


def test_a_relative_clause_on_a_country_names_who_set_its_rate():
    text = ("Washington cut its tariff on Indonesian goods to 19% on Monday, leaving them behind rivals in Cambodia, "
            "which Washington cut to 15% from 19% in January.")
    assert ("US", "KH", 15.0) in keys_of(text) and ("US", "ID", 15.0) not in keys_of(text)


def test_a_relative_clause_after_a_range_of_rates_names_who_charges_them_and_on_whom():
    text = ("China raised its tariffs on U.S. soybeans to 20% on Monday. Seoul, for its part, agreed to talks. "
            "The duties of between 30% and 45% that South Korea charges on Chinese garlic will stay.")
    assert {("KR", "CN", 30.0), ("KR", "CN", 45.0)} <= keys_of(text)


def test_goods_named_with_a_hyphenated_participle_are_still_the_countrys_goods():
    text = ("Brussels confirmed duties on steel on Tuesday. Korean cold-rolled coil, which already pays a duty of "
            "8.2%, will pay more above quota.")
    assert keys_of(text) == {("EU", "KR", 8.2)}


def test_what_goods_pay_in_the_named_market_is_that_markets_rate():
    text = ("The EU raised its tariff on steel to 50% on Monday. Under a separate framework, most Japanese goods "
            "pay 15% in the United States, but steel was left out.")
    assert ("US", "JP", 15.0) in keys_of(text) and ("EU", "JP", 15.0) not in keys_of(text)


def test_a_sentence_opening_with_its_mills_is_about_the_country_named_before():
    text = ("The EU steel regime doubles the out-of-quota tariff to 50%. Morocco won a concession. Its mills keep a "
            "quota, and steel above it will pay 25% rather than the full rate.")
    assert ("EU", "MA", 25.0) in keys_of(text)


def test_what_goods_will_pay_may_be_a_range_or_a_maximum_after_a_tariff_sentence():
    text = ("On Monday Brussels set final anti-dumping duties on tiles from Turkey. Turkish tiles will pay "
            "between 12.5% and 19.1%, depending on the producer.")
    assert keys_of(text) == {("EU", "TR", 12.5), ("EU", "TR", 19.1)}
    text = "Ankara set anti-dumping duties on steel from Egypt. Egyptian mills will pay up to 22.4%."
    assert keys_of(text) == {("TR", "EG", 22.4)}


def test_more_goods_and_producer_nouns_name_whose_goods_or_which_sector():
    text = "India raised its tariff on Chinese goods to 20% on Monday. Chilean growers will pay 6% on cherries."
    assert ("IN", "CL", 6.0) in keys_of(text)
    text = "Washington raised tariffs on Chinese goods to 30% last month. It also set a 50% tariff on polysilicon."
    assert ("US", None, 50.0) in keys_of(text) and ("US", "CN", 50.0) not in keys_of(text)


@pytest.mark.parametrize(("text", "imposer"), [
    ("Customs and Border Protection will collect a 21% duty on Vietnamese shrimp.", "US"),
    ("The DGTR recommended a 12% safeguard duty on Chinese steel.", "IN"),
    ("The Trade Remedies Authority proposed a 17% duty on Turkish rebar.", "GB"),
    ("The Anti-Dumping Commission set a 9% duty on Thai aluminium.", "AU"),
])
def test_trade_agencies_act_for_their_country(text, imposer):
    assert {key[0] for key in keys_of(text)} == {imposer}


def test_a_safeguard_with_a_rate_is_a_tariff_in_a_text_about_tariffs():
    text = ("Washington raised its tariffs on Korean goods last year. Its safeguard on washing machines from all "
            "countries, now 18%, expires in February.")
    assert ("US", None, 18.0) in keys_of(text)


def test_a_body_named_as_another_countrys_is_not_the_datelines_government():
    text = ("Peru braces for U.S. duties\n\nLIMA – Peruvian exporters are worried about Washington. The Commerce "
            "Department said the 25% tariff on asparagus would stay.")
    assert ("PE", None, 25.0) not in keys_of(text) and ("PE", "US", 25.0) not in keys_of(text)


def test_goods_from_every_country_before_the_rate_pay_a_global_rate():
    text = ("Washington raised its tariffs on Vietnamese furniture to 40% in May. Since October, sofas from every "
            "country have paid a 25% national-security tariff.")
    assert ("US", None, 25.0) in keys_of(text) and ("US", "VN", 25.0) not in keys_of(text)


def test_goods_transshipped_through_a_country_make_it_pay_the_penalty():
    text = ("Washington cut its tariff on Malaysian goods to 19%. Goods judged to have been transshipped through "
            "Malaysia to avoid higher rates on Chinese products will still face 40%.")
    assert ("US", "MY", 40.0) in keys_of(text) and ("US", "CN", 40.0) not in keys_of(text)


def test_in_a_factbox_of_markets_every_rate_of_a_market_line_is_that_markets():
    text = ("Korean tyres abroad: what they pay, market by market\n\n"
            "Korean tyre makers face rising import duties.\n\n"
            "United States, truck tyres — anti-dumping deposits of 12.4% to 38.3% on top of the Section 232 tariff\n")
    assert {("US", "KR", 12.4), ("US", "KR", 38.3)} <= keys_of(text)


def test_a_company_named_with_its_nationality_receives_the_rate_it_is_given():
    text = ("China set final duties of between 8.1% and 27.5% on pork from the European Union on Monday. Spain's "
            "Litera Group was assigned 11.2%, while the Danish group Danish Crown received the lowest rate, 8.1%.")
    assert ("CN", "EU", 8.1) in keys_of(text) and ("EU", "CN", 8.1) not in keys_of(text)


def test_a_purpose_clause_before_the_imposer_leaves_it_the_imposer():
    assert keys_of("To avoid dumping, Brazil set a 35% tariff on Chinese steel.") == {("BR", "CN", 35.0)}


def test_a_country_a_sentence_final_relative_clause_exempts_is_not_the_target():
    assert keys_of("Washington set a 25% tariff on steel, which exempts Canadian steel.") == {("US", None, 25.0)}


def test_in_a_factbox_of_markets_a_line_may_name_several_markets_before_its_dash():
    text = ("Chinese steel abroad: what it pays, market by market\n\n"
            "Chinese mills face duties.\n\n"
            "- Japan, South Korea — anti-dumping duties of 15%\n")
    assert keys_of(text) == {("JP", "CN", 15.0), ("KR", "CN", 15.0)}
