"""tariff_rates: a tariff or duty rate stated in the text.

A percentage is a tariff rate only when a tariff word governs it in the same clause: a pre-nominal
rate ("a 39% tariff"), a post-nominal one ("duties of 5 or 10 percent"), or a rate reached by a
tariff in the clause ("tariffs on Chinese goods will rise from 25% to 30%"). Increments ("a 25%
increase", "raise tariffs by 10%", "10 percentage points") and shares ("40% of imports") are not
rates, and neither is a percentage of anything else (growth, prices, polls, "the Fed kept rates at
4.5%"). A list ("the EU faces 15%, Japan 15% and India 50%") shares its governor, and a pronoun
continues the tariff of the sentences before ("We're going to bring it from 25% to 50%").

The imposing and target countries come from the clause (subject, "U.S. tariffs", "China's rate",
"imposed by Washington"; "on Chinese goods", "imports from India", "cars built in Europe", "India
faces", "Japan 24%"), else from the trade relation the document has been describing so far (title
and earlier tariff sentences, the other side of a two-country dispute, the last actor named). EU
member states speak for the EU, whose trade policy it is. "both sides" gives one row per direction,
coordinated targets one row each, and a headline borrows its missing target from the body.

previous_rate_pct comes from "from X to Y", "Y from X", "up/down from X", "instead of X",
"currently X ... Y" and multipliers ("doubling ... to 50%" implies 25); effective_date from a day the
sentence introduces with "effective", "from", "starting", "as of" or "on" (the date_mentions
extractor's resolved mentions, shared through doc.cache); threatened rates have none.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from transforms.contract import DATE, DOUBLE, STRING, Column, Table, fact_columns
from transforms.documents import Document
from transforms.extract.date_mentions import DAY, resolved_mentions
from transforms.normalize.countries import EU, EU_MEMBERS, country_spans, phrase_regex
from transforms.normalize.numbers import NUMBER, parse_number
from transforms.sentences import LIST_BULLETS, opens_line

CHANGES = ("raised", "lowered", "set", "threatened", "removed")
LEAD_SENTENCES = 2  # the headline and the first sentence

TABLE = Table(
    name="tariff_rates",
    description="One row per tariff or duty rate stated in the text (one per rate and direction).",
    key="fact_id",
    is_fact=True,
    # 2: clause breaks, global goods, main imposer, lists; 3: sectors, sections, surtaxes; 4: lists of rates on
    # goods, "They include", Section 232, paces of growth, whose rate ("for", "secured", "Its goods", "it cut");
    # 6: a story of rates keeps its context longer, lists introduced by a line naming a country, averages,
    # a paragraph on a country's own duties; 7: goods imported into a market and from every country are global,
    # factboxes of markets (headers and labelled lines), relative clauses naming who set a rate, goods "entering" a
    # market, "pay between/up to", more goods nouns and trade agencies
    version="7",
    columns=fact_columns(
        Column("imposing_country_iso2", STRING, "Who imposes the tariff (ISO 3166-1 alpha-2; the EU as EU)."),
        Column("target_country_iso2", STRING, "Whose goods it hits; null when the text names none (global)."),
        Column("goods", STRING, "What it covers, as written (Indian goods, steel)."),
        Column("rate_pct", DOUBLE, "The rate in percent.", nullable=False),
        Column(
            "previous_rate_pct",
            DOUBLE,
            "Stated or clearly implied earlier rate (doubling to 50% implies 25).",
        ),
        Column("change", STRING, "What the text says happens to the rate.", nullable=False, values=CHANGES),
        Column("effective_date", DATE, "When the rate takes effect, when given."),
    ),
)

# ---------------------------------------------------------------------------------------------
# Vocabularies: tariff words
# ---------------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns that name a tariff. "duty-free" is the absence of one; "on duty" never carries a percentage.
_TARIFF_NOUN = (
    r"(?:counter-?|super-?)?tariffs?|duties|duty(?!-free)|levies|levy|customs|"
    r"(?:import|export|border)\s+tax(?:es)?|(?:import\s+)?surcharges?|surtax(?:es)?"
)
# Words that name a tariff only inside a text already about tariffs ("a 25 percent rate",
# "currently taxed at 10 percent", "a 10% baseline").
_WEAK_TARIFF_NOUN = r"rates?|taxed|baseline|deposits?|countermeasures?|safeguards?"
_TARIFF_WORDS = _words("tariff tariffs duty duties levy levies customs surcharge surcharges surtax surtaxes")
_TAX_QUALIFIERS = _words("import export border")
_WEAK_WORDS = _words("rate rates taxed baseline deposit deposits countermeasure countermeasures safeguard safeguards")
# Trade-remedy words that make a weak noun a tariff: "the 75.8% anti-dumping deposit", "countervailing rates"
_REMEDY_WORDS = _words("dumping countervailing safeguard retaliatory")
# Remedies against particular countries' goods (a safeguard, unlike them, applies to every origin)
_BILATERAL_REMEDY_WORDS = _words("dumping countervailing subsidy retaliatory")
# Runs of letters that may start a tariff noun phrase: a cheap test before the tariff-noun patterns.
_TARIFF_LOOKING = _words("""
    tariff tariffs duty duties levy levies customs surcharge surcharges surtax surtaxes tax taxes rate rates
    taxed baseline counter super import export border deposit deposits countermeasure countermeasures
""")
_IMPOSE_WORDS = _words("impose imposes imposed imposing slap slaps slapped slapping levied levying")
# Verbs that govern a bare rate only with goods or a country after it: "Washington charges 50 per cent on
# Canadian steel" (not "charges 3% interest").
_CHARGE_WORDS = _words("charge charges charged charging apply applies applied applying")
# "interest rate", "growth rate": a weak tariff noun that names something else.
_OTHER_RATE_WORDS = frozenset(
    """
    interest exchange growth unemployment jobless inflation mortgage savings birth death participation
    vacancy approval poverty literacy employment tax income corporate policy discount lending deposit
    repo prime conversion success failure response survival heart fertility crime default utilization
    capacity occupancy hit win error mortality infection benchmark key funds overnight vat sales annualized
    annualised
""".split()
)
# "grew at an annual rate of 2.6%": the pace of a change, not a tariff.
_PACE_BEFORE_RATE = re.compile(r"\b(?:grew|grow|grows|growing|expanded|expands|shrank|shrinks|contracted|contracts|"
                               r"rose|rising|fell|falling|increased|declined)\s+at\s+(?:an?|the)\s+(?:[\w-]+\s+)?$",
                               re.IGNORECASE)

# ---------------------------------------------------------------------------------------------
# Vocabularies: what else a percentage measures
# ---------------------------------------------------------------------------------------------

# Nouns whose presence between a tariff word and a percentage, or right after the percentage,
# shows the percentage measures something else: "tariffs lifted inflation to 3%".
_NON_TARIFF_WORDS = frozenset(
    """
    inflation growth gdp economy price prices stock stocks share shares index indexes indices
    market markets yield yields bond bonds unemployment jobless poll polls survey surveys approval
    voters respondents turnout vote votes demand sales output production profit profits revenue
    revenues earnings income incomes wages salaries spending consumption deficit deficits surplus
    surpluses currency currencies yuan renminbi dollar euro yen rupee peso probability chance chances
    odds likelihood majority population households consumers stake stakes interest volume volumes
    capacity margin margins discount discounts savings rating ratings valuation valuations forecast
    forecasts productivity investment investments unemployed poverty capital reserves debt budget cost
    costs premium return returns support opposition fed mortgage mortgages lending borrowing basis
""".split()
)
# Words of the business a tariff falls on ("US production", "capacity", "sales") or of its law ("lose their
# legal basis"): they do not make a clause about money or the economy.
_BUSINESS_WORDS = frozenset("output production capacity sales demand revenue revenues earnings profit profits "
                            "investment investments support opposition basis".split())
# Words of monetary policy and markets: "rate" next to them is not a tariff.
_MONETARY_WORDS = (_NON_TARIFF_WORDS - _BUSINESS_WORDS) | frozenset("bank banks central federal reserve ecb boe boj "
                                                                    "rbi".split())
# A percentage right before one of these is an increment or comparison, not a rate.
_INCREMENT_AFTER = (
    r"increases?|rises?|hikes?|jumps?|gains?|drops?|declines?|falls?|cuts?|reductions?|"
    r"boosts?|surges?|climbs?|increments?|markups?|mark-ups?|more|less|higher|lower|above|"
    r"below|cheaper|pricier|dearer|slump|plunge|decrease|decreases|uplift|rebound"
)
# A verb (or "by") right before a bare percentage makes it the size of a change: "fell 20%".
_CHANGE_VERBS = frozenset(
    """
    rose rise rises risen rising fell fall falls fallen falling dropped drop drops dropping jumped jump
    jumps climbed climb climbs surged surge surges soared soar soars plunged plunge plunges plummeted
    slumped tumbled declined decline declines grew grow grows grown gained gain gains lost lose loses
    shrank shrunk shrink shrinks contracted expanded increased increase increases decreased decrease
    decreases raised raise raises cut cuts lowered lower lowers reduced reduce reduces slashed slashes
    added add adds boosted boost boosts hiked hike hikes lifted lift lifts up down widened narrowed
    eased trimmed shed sheds doubled tripled
""".split()
)
# Approximators that may stand between a verb and a percentage ("fell nearly 20%", "by more than 10%").
_APPROX_WORDS = frozenset(
    "about around nearly almost some roughly approximately over just only another mere estimated".split()
)
# A ceiling before a rate that goods face: "no more than 15 per cent"; a verb that sets one ("capped at 15%")
_CAP_PHRASES = frozenset({("no", "more", "than"), ("not", "more", "than"), ("a", "maximum", "of")})
_CAP_VERBS = _words("capped capping cap caps pegged fixed")
_VAT = re.compile(r"\b(?:VAT|GST|value-added|sales tax|income tax)\b", re.IGNORECASE)
_STAY_OR_SEE = _words("stay stays stayed remain remains remained see sees saw")
_STAY_VERBS = _words("stay stays stayed staying remain remains remained remaining unchanged")
_APPROX_PAIRS = frozenset(
    {
        ("more", "than"),
        ("less", "than"),
        ("fewer", "than"),
        ("at", "least"),
        ("as", "much"),
        ("a", "further"),
        ("a", "mere"),
        ("an", "estimated"),
        ("much", "as"),
    }
)
_APPROX = (
    r"about|around|nearly|almost|some|roughly|approximately|over|more\s+than|less\s+than|"
    r"fewer\s+than|as\s+much\s+as|at\s+least|an\s+estimated|another|a\s+further|a\s+mere|just|only"
)

# ---------------------------------------------------------------------------------------------
# Vocabularies: how a rate changes
# ---------------------------------------------------------------------------------------------

# Change vocabulary, looked for in the words before the rate in its clause.
_THREAT_WORDS = _words("""
    threat threaten threatens threatened threatening warn warns warned warning could might planned
    planning propose proposes proposed proposing proposal consider considers considered considering
    weigh weighs weighed weighing mull mulls mulled mulling vow vows vowed vowing shelve shelves
    shelved postpone postpones postponed delay delays delayed possible potential looming prospect
    ultimatum
""")
# "would" reports a decision as often as a threat ("said the tariffs would take effect on
# Tuesday"); it is a threat with the verbs of imposing or facing a tariff.
_WOULD_THREAT_VERBS = _words("face impose slap levy hit put charge consider")
# A condition word as a whole run of letters (of the lower-cased sentence): one search, no word list.
_CONDITION_WORD = re.compile(r"(?<![A-Za-z])(?:if|unless|otherwise)(?![A-Za-z])")
_SUBORDINATORS = _words("after before since because following when")
_REMOVE_WORDS = _words("""
    suspend suspends suspended suspending scrap scraps scrapped scrapping remove removes removed
    removing eliminate eliminates eliminated eliminating waive waives waived waiving pause pauses
    paused pausing lift lifts lifted lifting repeal repeals repealed repealing revoke revokes revoked
    revoking rescind rescinds rescinded rescinding exempt exempts exempted exempting drop drops dropped
    dropping abolish abolishes abolished abolishing withdraw withdraws withdrew withdrawn withdrawing
    back
""")
_LOWER_WORDS = _words("""
    cut cuts cutting lower lowers lowered lowering reduce reduces reduced reducing slash slashes
    slashed slashing ease eases eased easing trim trims trimmed trimming drop drops dropped dropping
    fall falls fell falling decline declines declined declining halve halves halved halving decrease
    decreases decreased decreasing
""")
_RAISE_WORDS = _words("""
    raise raises raised raising hike hikes hiked hiking increase increases increased increasing
    double doubles doubled doubling triple triples tripled tripling quadruple quadruples quadrupled
    quadrupling lift lifts lifted lifting boost boosts boosted boosting rise rises rose risen rising
    jump jumps jumped jumping climb climbs climbed climbing escalate escalates escalated escalating
    bump bumps bumped bumping bring brings bringing brought push pushes pushed pushing
""")
_KEEP_WORDS = _words("""
    keep keeps keeping kept maintain maintains maintained maintaining retain retains retained
    retaining leave leaves leaving left remain remains remained remaining stay stays stayed staying
    unchanged
""")
# "Vietnam got 20%", "was assigned 27.8%"
_FACE_WORDS = _words("face faces faced facing taxed got gets secured secures received receives assigned given")
# Verbs that may open a mention without saying how the rate changes ("taking the total to 50%").
_SPAN_ONLY_WORDS = _words("take takes taking took set sets setting put puts putting")
_SPAN_VERBS = _RAISE_WORDS | _LOWER_WORDS | (_REMOVE_WORDS - {"back"}) | _KEEP_WORDS | _FACE_WORDS
_SPAN_OPENING_VERBS = _SPAN_VERBS | _SPAN_ONLY_WORDS
_LEVEL_CHANGE_WORDS = _RAISE_WORDS | _LOWER_WORDS
# An added layer of tariff: "an additional 25% tariff" is raised.
_LAYER_WORDS = _words("additional extra further higher increased another")
_LAYER_VERBS = (
    _REMOVE_WORDS
    | _KEEP_WORDS
    | _words("""
    cut cuts cutting reduce reduces reduced reducing halve halves halved halving restore restores restored
    restoring reinstate reinstates reinstated reinstating
""")
)
# Multipliers that imply the earlier rate: "doubling duties ... to 50%" implies 25.
_MULTIPLIERS = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "halv": 0.5}
_CURRENT_WORDS = _words("currently existing current previously formerly")
_RANGE_VERBS = ("rang", "vary", "varie", "varied")
_ANAPHORS = _words("it them they those these this that")
_ANAPHOR_NOUNS = _words("rate rates levy levies increase hike cut")
# A new clause with its own subject between a current rate and the next one.
_NEW_CLAUSE_IN = re.compile(r", and |; |\b(?:said|says|hoped|hopes|expects?|expected)\b")
_MAX_TRANSITION_GAP_WORDS = 8  # words between a new rate and a bare "from X%" that gives its previous one
_RANGE_END = re.compile(r"\s+(?:and|to|-)\s+\d+(?:\.\d+)?\s*(?:%|per\s?cent|percent)", re.IGNORECASE)
_RATE_RIGHT_BEFORE = re.compile(r"\d\s?(?:%|per\s?cent|percent)\s+$")
_NAMED_PAYER_BEFORE = re.compile(
    r"(?:\b(?-i:[A-Z][\w.&'’-]+)|\b(?:producers|exporters|makers|companies|firms|manufacturers|brands|carmakers|"
    r"automakers|exporter|producer|company)\b)(?:,[^,]{1,80},|\s+(?:that|which|who)\s+[^,]{1,60}?"
    r"|\s+(?:not\s+)?(?:named|listed|covered|included|mentioned)\s+[^,]{1,40}?)?\s+"
    r"(?:(?:will|would|now|also|still|must|is\s+to|are\s+to|keep|keeps|kept|continue\s+to|continues\s+to)\s+)*"
    r"(?:pay|pays|paid|paying|face|faces|facing)\s+"
    r"(?:(?:just|only|about|around|the\s+full|the\s+same|the)\s+)?$", re.IGNORECASE)
_MAX_GOODS_PAYER_WORDS = 5  # "Energy and potash pay": the words of a clause of goods that pay a rate
# A line introducing a list of rates in a tariff text: "According to the Commission, the rates are:"
_INTRODUCES_RATES = re.compile(r"\brates\b[^.]{0,40}:$", re.IGNORECASE)
_BRACKETED_ABBREVIATION = re.compile(r"\(([A-Z]{2,6})\)")
_TARIFF_NOUN_BEFORE = re.compile(r"\b(?:tariffs?|dut(?:y|ies)|levy|levies|surcharges?|surtax(?:es)?)\s+$")
_INCREASE_NOUNS = _words("increase increases hike hikes rise jump")
_PAYER_REACH = 160  # how far before "will pay 31.9%" a named payer and its relative clause may start
_RATE_ADVERBS = _words("just only about around roughly nearly almost some still now currently full")
# "Japanese automakers currently pay 2.5% on passenger cars": after tariff rates, what goods pay or face.
_PAY_WORDS = _words("pay pays paid paying face faces faced facing")
# "They include 50% on steel": a pronoun for the tariffs just named, listing their rates.
_PAYS_OR_CAPPED = _PAY_WORDS | _words("capped")  # "EU and Japan capped at 15%": who is capped pays the cap
_TARIFF_PRONOUNS = _words("they these those")
_LISTING_VERBS = _words("include included are were remain")
_ON_AFTER_RATE = re.compile(r"\s+on\s+(?!(?:average|top|the\s+(?:dollar|whole))\b)", re.IGNORECASE)

# ---------------------------------------------------------------------------------------------
# Vocabularies: phrase structure
# ---------------------------------------------------------------------------------------------

_ARTICLES = frozenset({"a", "an", "the"})
_DETERMINERS = _words("the its their a an all some these those this that")
# Function words that cannot sit between a rate and the tariff noun it modifies.
_STOP = (
    r"on|of|in|for|from|to|and|or|but|with|by|at|as|that|which|who|after|before|since|amid|"
    r"while|when|if|than|is|are|was|were|will|would|could|should|has|have|had|be|been|the|a|an|"
    r"because|over|under|into|against|until|during|through|per|this|these|those|its|their"
)
_STOP_WORDS = _words(_STOP.replace("|", " "))
# Verbs that neither end in -s nor -ed, so that _goods_after does not read "Trump said goods" as goods.
_IRREGULAR_VERBS = _words("said told may might can must did do made put set cut hit let sent got took gave wrote")
_LIST_BREAKING_WORDS = _STOP_WORDS - {"and", "or"}  # what may not stand between two items of a list
# Span starts: an article and modifiers before a pre-nominal rate ("an additional 25% tariff"),
# modifiers before a tariff noun ("retaliatory duties of 5 or 10 percent").
_RATE_MODIFIERS = _words("""
    additional extra further higher increased another new flat blanket uniform baseline overall average
    retaliatory reciprocal punitive minimum maximum total combined effective
""")
_NOUN_MODIFIERS = _words("""
    retaliatory additional extra new punitive reciprocal baseline blanket overall countervailing anti
    dumping antidumping import export steel aluminum car auto higher combined total average effective
    universal global sweeping further
""")
_RATE_APPROX = _APPROX_WORDS | _words("up to as much high least than more less")
_PUNCTUATION = ",;:.!?\"'“”‘’()[]"

# ---------------------------------------------------------------------------------------------
# Vocabularies: goods
# ---------------------------------------------------------------------------------------------

# Who makes goods: a demonym before one of these names the target ("Egyptian mills", "Chilean growers").
_PRODUCER_WORDS = _words("""
    mills suppliers growers miners refiners smelters shipbuilders carmakers automakers steelmakers chipmakers
    drugmakers wineries factories plants shippers
""")
# Goods nouns: a demonym or country before one of these names the target ("Chinese goods").
_GOODS_WORDS = _PRODUCER_WORDS | _words("""
    goods import imports export exports product products items merchandise shipments wares commodities
    steel aluminum aluminium metal metals copper iron lumber timber wood car cars auto autos automobile
    automobiles vehicle vehicles EVs truck trucks motorcycle motorcycles parts tyres tires chips
    semiconductor semiconductors electronics smartphone smartphones phone phones laptop laptops
    computer computers solar batteries pharmaceutical pharmaceuticals drugs medicine medicines textile
    textiles apparel clothing garments shoes footwear furniture machinery equipment appliances toys
    watches jewelry jewellery diamonds farm agricultural agriculture produce grain grains wheat corn
    rice soybean soybeans soy pork beef chicken poultry meat dairy cheese butter eggs seafood fish
    shrimp lobster fruit vegetables nuts almonds coffee tea cocoa sugar wine whiskey whisky bourbon
    beer spirits liquor cognac brandy tobacco cigarettes jeans oil crude gas LNG coal energy
    fertilizer fertilizers fertiliser fertilisers potash canola lithium minerals earths plastics
    chemicals paper pulp glass rubber leather cotton sorghum cattle tomatoes avocados exporters
    manufacturers makers producers industry industries sector companies firms brands cargo purchases
    supplies supply cathodes concentrates ore scrap slabs
    tools machines engines turbines panels modules plywood cabinets vanities wire rod rods pipes tubes
    fasteners bicycles ships aircraft cement tiles ceramics tuna salmon honey flowers cosmetics perfume
    handbags sweaters mattresses cookware pharma softwood hardwood hybrids hybrid SUVs sedans chemical inputs
    coil coils sheet sheets plate plates rebar billets beams beans wines cheeses apples cherries bananas grapes oranges
    berries lamb mutton milk barley oats rapeseed peanuts pistachios cashews spices pasta chocolate biscuits
    cardboard polyethylene polypropylene PVC resins petrochemicals yarn fabric fabrics silk wool denim sneakers
    boots bags luggage porcelain glassware refrigerators televisions TVs cells wafers polysilicon inverters
    transformers cables nails screws bolts valves pumps compressors motors tractors excavators cranes buses
    vans scooters bikes vessels yachts nickel zinc tin cobalt graphite magnesium titanium tungsten uranium
    silicon gold silver platinum alloys ferroalloys ingots fittings ethanol biodiesel diesel gasoline petrol
    fuel fuels naphtha methanol urea ammonia phosphate phosphates sulphur sulfur devices vaccines generics
    syringes gloves laminates
""")
# Goods words that name a sector ("copper", "pharmaceuticals"), unlike those that stand for a country's trade
# ("goods", "exports", "producers"): a tariff on a sector with no country named is on every country.
_SECTOR_WORDS = _GOODS_WORDS - _words("""
    goods import imports export exports product products items merchandise shipments wares commodities
    exporters manufacturers makers producers industry industries sector companies firms brands cargo
    purchases supplies supply parts
""") - _PRODUCER_WORDS
_GOODS_WORDS_LOWER = frozenset(word.lower() for word in _GOODS_WORDS)
_SECTOR_AT_WORDS = 5  # how many words before a rate "steel, aluminium and copper at 50%" looks back for a sector
_SECTOR_WORDS_LOWER = frozenset(word.lower() for word in _SECTOR_WORDS)
_GOODS_WORDS_BYTES = frozenset(word.encode() for word in _GOODS_WORDS)
# Goods: "on <what>" after the tariff, up to the end of its phrase.
_TIME_WORDS = _words("""
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    today tomorrow yesterday
""")
_PERIOD_WORDS = _words("day week weekend month year quarter spring summer autumn fall winter") | _TIME_WORDS
# Words that end a goods phrase: "on steel [from] 25%", "on Chinese goods [if] Beijing ...".
_GOODS_STOP = _words("""
    to if that which who whom whose when while as because after before unless starting effective
    beginning by will would could may might shall should is are was were has have had be been being
    over amid despite until within through under via than not now total totals since none
""")
# Verbs that commonly follow a goods phrase ("the tariff on steel took effect"); the phrase ends there.
_VERB_AFTER_GOODS = _words("""
    took take takes taking went goes go came come comes kick kicks kicked began begin begins start stay stays stayed
    starts started remain remains remained rose rise rises fell fall falls jump jumps jumped climb
    climbs climbed drop drops dropped hit hits cover covers covered apply applies applied affect
    affects affected cost costs mean means meant say says said announced imposed expected due do
    does did can cannot must includes included including according totaling totalling totaled
    totalled amount amounts amounted amounting account accounts accounted stand stands stood reach
    reaches reached face faces faced facing mark marks marked follow follows followed following
""")
_NOT_LIST_ITEM = _GOODS_STOP | _VERB_AFTER_GOODS | _DETERMINERS | {"and", "or", "with"}

# ---------------------------------------------------------------------------------------------
# Vocabularies: roles of countries
# ---------------------------------------------------------------------------------------------

# The word(s) right before a country mention that make it a target, a destination or a bystander.
_TARGET_BEFORE = frozenset(
    """
    on against from including hit hits hitting slap slaps slapped slapping target targets targeted targeting
    penalise penalises penalised penalising penalize penalizes penalized penalizing punish punishes
    punished punishing spare spares spared sparing exempt exempts exempted exempting threaten threatens
    threatened threatening
""".split()
)
_TARGET_BEFORE_PAIRS = frozenset(
    {
        ("built", "in"),
        ("made", "in"),
        ("produced", "in"),
        ("manufactured", "in"),
        ("assembled", "in"),
        ("grown", "in"),
        ("sourced", "in"),
        ("originating", "in"),
        ("poured", "in"),  # steel "melted and poured in China"
        ("countries", "like"),
        ("such", "as"),
        # "the 15% agreed with the European Union": the partner of a deal is the country taxed
        ("agreed", "with"),
        ("deal", "with"),
        ("deals", "with"),
        ("agreement", "with"),
        ("struck", "with"),
        ("reached", "with"),
        ("negotiated", "with"),
        ("pact", "with"),
    }
)
_EXPORT_WORDS = frozenset("exports export exported shipments shipped sales sold goods products".split())
_ENTERING_WORDS = _words("entering enter enters entered")
_SHIPPED_WORDS = _EXPORT_WORDS | _words("imports imported")  # "exports to", "trucks imported into" a market
_OTHER_BEFORE = frozenset(
    """
    with to for at into of between among about toward towards than like including via across in
    within inside outside near through versus vs vs. visit visits visited visiting told met meeting
    urge urges urged urging press presses pressed pressing compel compels compelled compelling ask
    asks asked asking by
""".split()
)
_OTHER_BEFORE_PAIRS = frozenset({("call", "on"), ("calls", "on"), ("called", "on"), ("calling", "on")})
_COORDINATORS = frozenset({"and", "or", "&"})
_SHARE_ADVERBS = _words("mostly mainly largely chiefly primarily predominantly overwhelmingly")
_SETTING_VERBS = _words("cut cuts cutting raise raises raised raising lower lowers lowered lowering lift lifts lifted "
                        "lifting move moves moved moving put puts putting slash slashes slashed hike hikes hiked "
                        "ease eases eased")
_TO_A_RATE = re.compile(r"\s+(?:to|at)\s+(?:about\s+|around\s+)?\d")
_DUTY_NOUNS = _TARIFF_WORDS - {"customs"}
# What is bought is not what is taxed: "a penalty for buying Russian oil", "over its purchases of Russian crude"
_PURCHASE_BEFORE = _words("buy buys buying bought purchasing")
_PURCHASE_BEFORE_PAIRS = frozenset({("purchases", "of"), ("purchase", "of")})
# Words that introduce the day a rate applies from, and verbs that date an earlier decision instead.
_EFFECT_CUES = frozenset({"effective", "from", "starting", "beginning", "as of"})
_DATE_CUES = _EFFECT_CUES | {"on"}
_DECISION_PARTICIPLES = _words("imposed announced added introduced agreed reached signed adopted")
_IMPOSE_PARTICIPLES = _words("imposed levied announced set slapped introduced proposed applied charged put")
_FACES_WORDS = _words("""
    face faces faced facing pay pays paying paid hit slapped targeted subject subjected charged
    penalised penalized punished got gets get secured secures received receives won wins
""")
# People and institutions that act for a country in trade news.
ACTORS: dict[str, tuple[str, ...]] = {
    "US": (
        "Trump",
        "Biden",
        "Obama",
        "White House",
        "USTR",
        "Lighthizer",
        "Mnuchin",
        "Lutnick",
        "Bessent",
        "Greer",
        "Navarro",
        "Wilbur Ross",
        "Katherine Tai",
        "Raimondo",
        "Yellen",
        "Commerce Department",
        "Customs and Border Protection",
        "CBP",
        "International Trade Commission",
        "USITC",
        "Trade Representative",
        "Trump administration",
        "Biden administration",
        "Pentagon",
        "Vance",
        "Rubio",
        "Hassett",
        "Leavitt",
    ),
    "CN": (
        "Xi",
        "Xi Jinping",
        "Li Qiang",
        "He Lifeng",
        "Liu He",
        "Wang Wentao",
        "Wang Yi",
        "Li Keqiang",
        "MOFCOM",
        "Customs Tariff Commission",
        "State Council",
        "Zhongnanhai",
    ),
    "IN": ("Modi", "Narendra Modi", "Piyush Goyal", "Goyal", "Jaishankar", "DGTR",
           "Directorate General of Trade Remedies", "CBIC"),
    "EU": (
        "von der Leyen",
        "Sefcovic",
        "Šefčovič",
        "Juncker",
        "Malmström",
        "Malmstrom",
        "Phil Hogan",
        "Dombrovskis",
        "Lange",
    ),
    "CA": ("Carney", "Trudeau", "Freeland", "LeBlanc", "Poilievre", "CBSA", "CITT"),
    "MX": ("Sheinbaum", "Ebrard", "López Obrador", "Lopez Obrador", "AMLO"),
    "BR": ("Lula", "Bolsonaro", "Alckmin", "Haddad"),
    "JP": ("Ishiba", "Kishida", "Takaichi", "Akazawa", "Shinzo Abe", "METI"),
    "KR": ("Lee Jae-myung", "Yoon Suk Yeol", "MOTIE"),
    "GB": ("Starmer", "Sunak", "Boris Johnson", "Theresa May", "Downing Street", "Whitehall",
           "Trade Remedies Authority"),
    "CH": ("Keller-Sutter", "Parmelin"),
    "TR": ("Erdogan", "Erdoğan"),
    "AU": ("Albanese", "Anti-Dumping Commission"),
    "FR": ("Macron", "Elysee", "Élysée"),
    "DE": ("Merz", "Scholz", "Merkel"),
    "IT": ("Meloni",),
    "RU": ("Putin", "Peskov", "Lavrov"),
    "UA": ("Zelensky", "Zelenskyy", "Zelenskiy"),
    "VN": ("To Lam",),
}

# ---------------------------------------------------------------------------------------------
# Limits
# ---------------------------------------------------------------------------------------------

# Tariffs have reached a few hundred percent (U.S. rates on China in 2025: 145%; some anti-dumping
# duties exceed 300%); larger numbers before a percent sign are something else.
_THOUSANDS_AFTER = re.compile(r"\d{3}(?![\d,])")  # the digits after a thousands comma, up to the unit or the point
_MAX_RATE = 10000.0  # anti-dumping margins reach the thousands ("as high as 3,521% for some Cambodian exporters")
_RATE_CONTEXT_SENTENCES = 4  # how many sentences after a rate a bare "pay 15%" or "stays at 20%" is one more
_RATE_STORY_SENTENCES = 3  # sentences with rates that make a story of rates
_RATE_STORY_CONTEXT = 8  # the reach of a story of rates
_MAX_HEADER_CHARS = 40
_NUMBERED_SECTION = re.compile(r"\d{1,2}[.)]\s+(?P<label>[A-Z][\w.&'’ -]{1,40}?)\s*:\s")
_MAX_GOVERNOR_WORDS = 16
_MAX_SPAN_GAP_WORDS = 8
_MAX_GOODS_WORDS = 10
_MAX_LIST_ITEM_WORDS = 4
_ACTOR_LOOKBACK = 3

# ---------------------------------------------------------------------------------------------
# Compiled patterns: finding tariff sentences
# ---------------------------------------------------------------------------------------------

_I = re.IGNORECASE
# Lower-case substrings that any tariff sentence contains: substring searches find candidates
# at C speed, where IGNORECASE patterns over a whole document cost several times more.
_TARIFF_KEYWORDS = ("tariff", "dut", "lev", "customs", "tax", "surcharge", "surtax", "countermeasure")
_UNIT_KEYWORDS = ("%", "per cent", "per-cent", "percent", "pct", "pc")
# Confirms, in the lower-cased text, that a keyword found there is a tariff word.
_TARIFF_AT = re.compile(
    r"(?:tariffs?|duties|duty(?!-free)|levies|levy|customs|surcharges?|surtax(?:es)?|taxed|countermeasures?|"
    r"(?<=import )tax(?:es)?|(?<=export )tax(?:es)?|(?<=border )tax(?:es)?)(?![a-z])"
)
_DOC_UNIT_HINT = re.compile(r"%|per[\s-]?cent|\bpct\b|(?<=\d)pc\b", _I)
_WORD = re.compile(r"[A-Za-z]+")
_KELVIN = "\u212a"
_DIGIT = re.compile(r"\d")

# ---------------------------------------------------------------------------------------------
# Compiled patterns: percentages and what governs them
# ---------------------------------------------------------------------------------------------

# A percentage: "50%", "50 percent", "twenty-five per cent", "27.5 pct", "10 percentage points".
# "25pc" is the British press's short form. Every branch starts with a literal ("%" or "p", the
# word boundary and the digit checked behind it) so that `re` scans for those two characters in C.
_UNIT_MARK = re.compile(r"%|p(?:(?<=\bp)(?:er[\s-]?cent(?P<points>age[-\s]points?)?|ct)\b|(?<=\dp)c\b)")
_NUMBER_BEFORE = re.compile(rf"(?<![\w.,$€£-])(?P<num>{NUMBER})\s*-?\s*$", _I)
# A bare number coordinated with a following percentage: "5 or 10 percent", "10-25%".
# Operators joining a bare number to a percentage: "5 or 10 percent", "10-25%".
_ALTERNATIVE_OPS = ("or", "and", "to", "-", "–")
_INCREMENT_AFTER_RE = re.compile(rf"\s*(?:{_INCREMENT_AFTER})\b", _I)
# "24% of the additional tariffs": a layer of a tariff, whose modifiers are not verbs ("60 percent of
# Americans oppose the tariffs" is a share of people).
_OF_AFTER = re.compile(r"\s+of\s")
_OF_TARIFF_AFTER = re.compile(
    rf"\s*of\s+(?:(?:the|its|their|all|these|those|such)\s+)?"
    rf"(?:(?!(?:{_STOP})\b)(?-i:(?![a-z][\w-]*(?:s|ed)\s))[\w.-]+\s+){{0,2}}?(?P<noun>{_TARIFF_NOUN})\b"
    rf"(?!\s+(?:costs?|revenues?|burden|bill|income|receipts|proceeds)\b)",
    _I,
)
# A tariff noun after the percentage, past at most three modifiers: "a 25% retaliatory tariff".
_MODIFIERS_THEN = rf"(?:\s+(?!(?:{_STOP})\b)[\w'’.-]+){{0,3}}?\s*-?\s*"
_NOUN_AFTER = re.compile(rf"{_MODIFIERS_THEN}(?P<noun>{_TARIFF_NOUN})\b", _I)
_WEAK_NOUN_AFTER = re.compile(rf"{_MODIFIERS_THEN}(?P<noun>{_WEAK_TARIFF_NOUN})\b", _I)
_OF_BETWEEN = re.compile(
    rf"\s+of\s+(?:(?:up\s+to|as\s+much\s+as|as\s+high\s+as|between|{_APPROX})\s+)*"
    rf"(?:\d+(?:\.\d+)?\s*(?:or|and|to|-|–)\s*)?",
    _I,
)
# Where a new clause starts: the governor of a rate must be in the rate's own clause. The branches
# starting with a space are one branch, so that `re` tests each position against three first characters.
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|but|while|whereas|although|though|after|before|when|because|as)\s+"
    r"(?!(?:of|on|to|at|from|for|in|by|an?\s+\d+|\d+)\b)"
    # an appositive comment on the measure: "..., a measure that hits Chinese and Indian mills hardest"
    r"|,\s+(?:a|the)\s+(?:measure|move|step|decision|policy)\s+(?:that|which)\s"
    r"|\s(?:[—–]\s|(?:but|while|whereas|although)\s|(?<!such )(?<!well )(?<!same )as\s+(?-i:(?=[A-Z])))"
    # a comma before a new subject and its verb, as headlines join clauses: "..., Ottawa hits back with"
    r"|,\s+(?=(?-i:[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*)?\s)(?:hits?|strikes|struck|retaliat(?:es|ed)|respond(?:s|ed)"
    r"|vow(?:s|ed)|slap(?:s|ped)|impos(?:es|ed)|announc(?:es|ed)|counter(?:s|ed)|answer(?:s|ed)"
    r"|match(?:es|ed)|rais(?:es|ed)|threaten(?:s|ed))\b)",
    _I,
)
_THREAT_TAIL = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:rate\s+|tariff\s+)?(?:\w+\s+){0,2}?(?:had\s+|has\s+)?threatened\b", _I
)

# ---------------------------------------------------------------------------------------------
# Compiled patterns: goods
# ---------------------------------------------------------------------------------------------

_NON_SPACE_RUN = re.compile(r"\S+")
_GOODS_TOKEN = re.compile(r"\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[^\s,;:!?()\"“”]+|[,;:!?()\"“”]")
_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.){2,}")
_YEAR = re.compile(r"(?:19|20)\d\d")
_ON_BEFORE_GOODS = re.compile(r"\s*(?:on|against)\s+", _I)
_APPLY_TO = re.compile(r"\b(?:appl(?:y|ies|ied)|extend(?:s|ed)?)\s+to\s+", _I)
_HIT_WITH = re.compile(
    r"\b(?:hit|hits|hitting|slap|slaps|slapped|slapping|target|targets|targeted|targeting|punish(?:es|ed|ing)?|"
    r"penali[sz](?:e|es|ed|ing)|threaten(?:s|ed|ing)?)\s+(?!back\b)(?P<goods>.{3,90}?)\s+with\s+(?:[\w-]+\s+){0,3}$",
    _I,
)
# Goods that name no country because they are everyone's: a global tariff (target null).
_GLOBAL_GOODS = re.compile(
    r"(?:(?:virtually|nearly|almost)\s+)?(?:all|any|every)\s+(?:other\s+)?(?:foreign\s+|U\.?S\.?\s+)?"
    r"(?:imports|imported\s+goods|goods|products|countr(?:y|ies)|nations?|trading\s+partners|partners|buyers?)\b"
    r"|(?:all|any)\s+(?:foreign|imported|foreign-made)\s+[a-z]"  # "the 50% U.S. tariff on all foreign steel"
    r"|(?:most|other)\s+(?:countries|nations|trading\s+partners|imports)\b|the\s+rest\s+of\s+the\s+world\b"
    r"|(?:countries|nations|buyers)\s+(?:that|which|who)\b",  # "on countries that buy Russian oil"
    re.IGNORECASE,
)
_AVERAGE_TARIFF = re.compile(r"\baverage\s+(?:(?:effective|applied|bound|MFN|most-favou?red-nation|trade-weighted|"
                             r"weighted|simple|industrial|agricultural|farm)\s+)*(?:U\.?S\.?\s+|American\s+)?"
                             r"(?:tariff|duty|import\s+tax)"
                             r"(?:\s+rate)?\b", re.IGNORECASE)
_OWN_TARIFF = re.compile(r"(?:'s|’s)\s+own\s+(?:[a-z-]+\s+){0,2}?(?:tariffs?|dut(?:y|ies)|levies)\b", re.IGNORECASE)
_FOR_MANY_COUNTRIES = re.compile(r"\bfor\s+(?:(?:around|about|some|nearly|more\s+than|over)\s+)?(?:\d+|dozens)\s+"
                                 r"(?:countries|economies|nations|trading\s+partners)\b", re.IGNORECASE)
_ANY_BUYERS = re.compile(r"(?:(?:goods|imports|products|exports)\s+from\s+)?(?:(?:any|all|other)\s+)?"
                         r"(?:countr(?:y|ies)|nations?|buyers?)\s+(?:that|which|who)\b", re.IGNORECASE)
# A country's own import tariff on goods named without a country applies to everyone's: "China cut its import
# tariff on passenger cars to 15% from 25%".
_IMPORT_TARIFF = re.compile(r"\b(?:its|their|the)\s+import\s+(?:tariffs?|dut(?:y|ies)|levy|levies)\b", re.IGNORECASE)
# Goods imported into a market, whatever their origin: "Light trucks imported into the U.S. have faced a 25% tariff"
_IMPORTED_INTO = re.compile(r"\bimport(?:ed|s)\s+(?:in)?to\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)
# A tariff called global ("a global tariff of at least 24 percent on steel"), or one that by its kind applies
# to every origin: a quota's out-of-quota rate, a safeguard ("raised the out-of-quota tariff to 50%"). Not the
# most-favoured-nation rate: news quotes it as what one partner pays ("U.S. soybeans pay the 3% MFN duty"),
# and the gold labels it so.
_GLOBAL_TARIFF = re.compile(
    r"\b(?:(?:global|worldwide|universal|out-of-quota|above-quota|over-quota|safeguard)"
    r"\s+(?:\d[\d.]*\s*(?:%|per[\s-]?cent)\s+)?(?:(?:customs|steel|import)\s+)?"
    r"(?:tariffs?|dut(?:y|ies)|levy|levies|rates?|charges?)"
    r"|(?:conventional|general)\s+(?:customs\s+|import\s+)?(?:tariffs?|dut(?:y|ies)))\b", re.IGNORECASE)
# Goods from everyone: "a 2% import tariff on cathodes from most countries"
_NON_PARTNERS = re.compile(r"\b(?:countries|nations|partners|suppliers)\s+(?:without|that\s+(?:do|does)\s+not\s+have|"
                           r"that\s+don['’]t\s+have|that\s+have\s+no|with\s+no)\s+(?:an?\s+)?(?:free[\s-]trade|trade)\s+"
                           r"(?:agreements?|deals?|pacts?)|\bnon-(?:FTA|free[\s-]trade)\s+(?:countries|nations|partners|"
                           r"suppliers)\b", re.IGNORECASE)
_FROM_EVERYONE = re.compile(r"\bfrom\s+(?:most|all|any|every)\s+(?:other\s+)?(?:countries|country|sources|origins"
                            r"|suppliers|nations)\b", re.IGNORECASE)
# "the 10% duty all imported cars pay": everyone's goods right after the tariff noun
_EVERYONE_AFTER_NOUN = re.compile(r"\s+(?:that\s+)?(?:all|every)\s+(?:imported|foreign)\b", re.IGNORECASE)
# a determiner between "for" or "on" and a country: "for the European Union", "for some Cambodian exporters"
_SOME = r"(?:(?:the|some|all|most|other)\s+)?"
# What ends one item of a list of rates by country: " on Japan, ", " on South Korea and ".
_LIST_ITEM_TAIL = re.compile(rf"\s+(?:on|for)\s+{_SOME}(?-i:[A-Z][\w.'’-]*)"
                             r"(?:\s+(?-i:[A-Z][\w.'’-]*)){0,2}(?:\s+(?:ones|(?-i:[a-z]+s)))?(?:,\s*(?:and\s+)?|\s+and\s+)",
                             re.IGNORECASE)
_ITEM_BOUND_END = re.compile(r"\s+(?:as\s+(?:much|high|low|little)\s+as|up\s+to)\s+$", re.IGNORECASE)
_LISTED_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_LISTED_RATE = rf"{_LISTED_NUMBER}\s?(?:%|per\s?cent|percent)"
_RESPECTIVELY = re.compile(
    rf"(?P<list>(?:{_LISTED_RATE},?\s+)*{_LISTED_RATE},?\s+and\s+{_LISTED_RATE}),?\s+respectively", re.IGNORECASE)
_LISTED_VALUE = re.compile(rf"({_LISTED_NUMBER})(?=\s?(?:%|per\s?cent|percent))", re.IGNORECASE)
# "Taiwan, home of the world's largest contract chipmaker, gets 20%", "Spain's Litera Group, which cooperated
# fully, gets the lowest rate of 4.9%": a payer, its company and an aside, the verb, the rate's noun phrase
_PAY_VERB = r"(?:gets?|got|pays?|paid|faces?|faced|secures?|secured|receives?|received)"
_RATE_NOUN_WORD = r"(?:the|a|an|full|same|lowest|highest|lower|higher|top|standard|residual|combined|reduced|new)"
_APPOSITIVE_PAYS = re.compile(rf"(?:['’]s(?:\s+[A-Z][\w&.-]*){{1,3}})?,\s[^,;%\d]{{1,80}},\s+"
                              rf"(?:(?:will|would|now|still|also|already)\s+)*{_PAY_VERB}\s+"
                              rf"(?:(?:just|only|about|{_RATE_NOUN_WORD})\s+)*(?:(?:rate|duty|tariff)\s+of\s+)?")
# "every other European exporter pays the residual rate of 19.8%": the verb and the rate's noun phrase
_PAYS_RATE_OF = re.compile(rf"\b{_PAY_VERB}\s+(?:{_RATE_NOUN_WORD}\s+)+(?:rate|duty|tariff)\s+of\s+$")
# the kind of a company named with its nationality: "the Dutch group Vion", "Danish cooperative Arla Foods"
_COMPANY_KIND = r"(?:group|cooperative|company|firm|producer|maker|exporter|carmaker|steelmaker|supplier)"
_COMPANY_BEFORE_RATE = re.compile(rf"\s+{_COMPANY_KIND}\s+(?:[A-Z][\w&.'’-]*\s+){{1,3}}")
_MAX_NAMED_ITEM_WORDS = 7  # words naming an item of a list of rates after its comma
_ON_GOODS_ITEM = re.compile(r" on [^;:()\"“”]{1,100}?(?:, (?:and )?| and )")
_ON_ITEM_BREAKING_WORDS = _words("""
    but while when if because than amid is are was were will would could should has have had be been
""")
# A speech verb, then the article that opens the reported rate: "said a ", "warned that the ".
_SPEECH_THEN_RATE = re.compile(r"\b(?:said|says|warned|argued|told\s+\w+|added|noted|called)\s+(?:that\s+)?"
                               r"(?:an?|the)\s+(?:(?:new|proposed|threatened|planned)\s+)?(?=\d)", re.IGNORECASE)
# A dateline in title case, which only a date after the comma tells from a sentence: "Mexico City, July 13 (El
# Financiero) -" (not "In Washington, May 5 talks failed").
_TITLE_DATELINE = re.compile(
    r"(?!(?:In|On|At|By|For|From|After|Since|Until|The)\b)(?P<city>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}), "
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d")
# A dateline alone on its line: "NEW DELHI". Only a capital city counts ("TRUMP HITS CANADA" is a headline).
_LINE_DATELINE = re.compile(r"(?P<city>[A-Z][A-Z .'-]{2,24})")
# A government body named without its country: "the finance ministry", "the government", "the cabinet".
_UNNAMED_BODY = re.compile(
    r"\b[Tt]he\s+(?:(?:finance|commerce|trade|economy|industry)\s+ministry|ministry|government|cabinet|Centre|"
    r"(?:Commerce|Finance|Trade)\s+(?:Ministry|Department)|tax\s+authorit(?:y|ies)|customs\s+(?:service|agency))\b")
# A dateline: the city a story was filed from, in capitals, before a colon, a comma and a date, or a dash.
_DATELINE = re.compile(r"(?P<city>[A-Z][A-Z .'-]{2,30}?)(?:/[A-Z][A-Z .'-]{2,30}?)*(?:\s*\(\w+\))?\s*(?::|,|\s[-–—])")
# A factbox paragraph's header: an upper-case label and a colon ("SOUTH KOREA: 15% on most goods").
_FACTBOX_HEADER = re.compile(r"[ \t]*(?:[*•-][ \t]*)?(?P<label>[A-Z][A-Z.&' -]{1,40}?)[ \t]*:[ \t]")
# A factbox line's label in any case: "- Japan, South Korea and the European Union: 15%", "Steel and aluminum: 50%"
# (a label may end with its legal basis in brackets: "Steel and steel pipe (Section 232): 50 percent")
# (or a dash before a number: "- Japan - 15%")
_FACTBOX_LABEL = re.compile(r"[ \t]*(?:[*•–-][ \t]*)?(?P<label>[A-Z][A-Za-z.&' ,-]{1,70}?"
                            r"(?: \([A-Za-z0-9 .-]{1,30}\))?)(?:[ \t]*:[ \t]|[ \t]+[–—-][ \t]+(?=\d))")
_LABEL_JOINERS = frozenset({"and", "the", "&"})
# A headline announcing what one country's goods pay in the markets they are sold in: "What Chinese solar panels pay
# at the border, market by market", "Vietnamese steel abroad", "What Chinese EVs pay in nine markets"
_MARKETS_HEADLINE = re.compile(r"\bmarket[- ]by[- ]market\b|\b(?:in|across)\s+(?:each|every|all|its|their|\d+|two|"
                               r"three|four|five|six|seven|eight|nine|ten|a\s+dozen)\s+(?:of\s+(?:its|their)\s+)?"
                               r"(?:[a-z]+\s+)?markets\b|\babroad\b|\baround\s+the\s+world\b|\bworldwide\b", _I)
# A factbox line whose label names its market and more: "United States, corrosion-resistant sheet — 39.1%",
# "European Union, from July 1 — 50% (from 25%) above quota"
_MARKET_LABEL = re.compile(r"[ \t]*(?:[*•–-][ \t]*)?(?P<market>[A-Z][A-Za-z.&' -]{1,40}?),[^:;—–\n]{1,60}?"
                           r"(?:[ \t]*:[ \t]|[ \t]+[–—-][ \t]+)")
_LABEL_LINE_RATE = re.compile(r"\b(?:with|at|an?)\s+$", _I)
_MAX_GOODS_LABEL_WORDS = 8
_MAX_NAME_LABEL_WORDS = 5  # "Other cooperating companies: 10.6%"
_SHORT_NAME = re.compile(r"(?:[A-Z][\w.&'’-]*\s+){1,5}")  # "Arlanxeo Canada ", "Japan Butyl Co "
_IMPORTS_WORD = re.compile(r"\bimport(?:s|ed)\b", re.IGNORECASE)
_OWN_GOODS = re.compile(r"(?:(?:most|all|some|much|many|part|half)\s+of\s+)?(?:its|their)\s", _I)

# ---------------------------------------------------------------------------------------------
# Compiled patterns: roles of countries
# ---------------------------------------------------------------------------------------------

# A subject that imposes: "Washington slapped", "the U.S. will impose", "Trump has put".
_IMPOSING_VERB_AFTER = re.compile(
    r"(?:['’]s)?(?:\s+(?:has|have|had|will|would|could|is|was|also|then|now|just|already|to))*\s+"
    r"(?:impos|slap|levi|levy|hit|put|set|announc|rais|hik|doubl|tripl|increas|charg)",
    _I,
)
_ROLE_TARIFF_AFTER = re.compile(  # "Chinese import duties", "Trump's 50% tariff", "Canada's 25 per cent surtax"
    rf"(?:['’]s(?:\s+\d[\d.,]*\s*(?:%|per[\s-]?cent|percent))?)?(?:\s+[\w-]+){{0,2}}?\s*-?\s*"
    rf"(?P<noun>{_TARIFF_NOUN}|{_WEAK_TARIFF_NOUN})\b", _I
)
_BARE_RATE_AFTER = re.compile(
    rf"\s+(?:at\s+|\()?\d+(?:\.\d+)?\s*(?:%|-?\s*per[\s-]?cent|pct)(?!\s*(?:[\w-]+\s+)?(?:{_TARIFF_NOUN}|{_WEAK_TARIFF_NOUN}))",
    _I,
)
_RATE_FOR_AFTER = re.compile(rf"\s+for\s+{_SOME}")
# A pronoun for a government acting on its tariffs: "it cut the duty on large motorcycles".
_IT_ACTS = re.compile(r"\b[Ii]t\s+(?:also\s+|has\s+|had\s+|will\s+|would\s+|then\s+)?(?:cut|cuts|scrapped|scraps|"
                      r"raised|raises|imposed|imposes|slapped|slaps|lowered|lowers|removed|removes|suspended|suspends|"
                      r"lifted|lifts|doubled|doubles|halved|halves|increased|increases|reduced|reduces|introduced|"
                      r"introduces|proposed|proposes|levied|levies|abolished|abolishes)\b")
# "its exporters", "Their goods", "Its mills"
_ITS_TRADE = r"goods|exports|exporters|products|producers|shipments|mills|farmers|manufacturers"
_ITS_GOODS_NEAR = re.compile(rf"(?:^|[:;] )(?:its|their)\s+(?:[a-z-]+\s+)?(?:{_ITS_TRADE})\s+(?:\w+\s+){{1,3}}$",
                             re.IGNORECASE)
_ITS_GOODS = re.compile(rf"\s*(?:Its|Their|its|their)\s+(?:[a-z-]+\s+)?(?:{_ITS_TRADE}|cars|steel|rate|tariff|"
                        rf"tariffs)\b")
_RELATIVE_PAYER = re.compile(r",\s+(?:which|who)\s+(?:\w+\s+){0,3}(?:pay|pays|paid|face|faces|faced)\s+"
                             r"(?:\w+\s+)?$")
_PAID_BY = re.compile(r"\s+(?:paid|faced|borne)\s+by\s+(?:the\s+)?", _I)
_COUNTRY_GOT_RATE = re.compile(r"\s+(?:that\s+)?(?:the\s+)?")
_GOT_VERB = re.compile(r"\s+(?:has\s+|had\s+)?(?:secured|got|won|negotiated|obtained|clinched|struck|was\s+given|"
                       r"was\s+granted|agreed)\b", _I)
_RATE_BEFORE_FOR = re.compile(rf"(?:%|per[\s-]?cent|pct)\s+for\s+{_SOME}$", _I)
_DECISION_OF = re.compile(r"['’]s\s+(?:decision|plan|move|proposal|order|bid|vote|choice)\s+(?:\w+\s+){0,4}?to\s")
_RELATIVE_ACTOR = re.compile(r"\s+(?:that|which)\s+(?:the\s+)?")
# ", which Washington cut to", ", whose goods Washington taxes at": a relative clause on a country naming who sets
# the rate that ends it
_WHICH_ACTOR_SET = re.compile(
    r",\s+(?:which|whose\s+(?:goods|exports|products|imports))\s+(?P<actor>(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*)?)"
    r"\s+(?:has\s+|had\s+|now\s+|already\s+)?(?:cut|cuts|raised|raises|lowered|lowers|set|sets|taxes|taxed|slashed"
    r"|lifted|lifts|hit|hits|reduced|reduces|capped|caps)\s+(?:it\s+|them\s+)?(?:to|at)\s+(?:about\s+|around\s+)?$",
    re.IGNORECASE)
_THEIRS_ON_GOODS = re.compile(r"\b(?:and|while|with)\s+(?-i:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)['’]s\s+on\s+[^,;%]{1,40}?"
                              r"\s+(?:(?:to|at|of|reached|rose\s+to|hit)\s+)?$")
_ROLE_SKIPPED = frozenset({"the", "some", "all", "most"})  # a determiner between a preposition and a country
_SENTENCE_END_IN = re.compile(r"[.!?] +[A-Z]")
_APPOSITIVE = re.compile(r",\s+(?:its|their|the|a|an|[A-Z][\w.]*(?:'s|’s)?)\s[^,;%\d]{1,80},")
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who|whose|where)\b[^,;]*(?:,|(?P<last>[.!?]?[\"'”’]?\s*$))")
# what a sentence-final relative clause says of a tariff's reach: "..., which covers Chinese steel."
_REACH_WORDS = re.compile(r"\b(?:appl(?:y|ies|ied)|cover(?:s|ed)?|hits?|target(?:s|ed)?|affect(?:s|ed)?|"
                          r"extend(?:s|ed)?|includ(?:es|ed|ing))\b", re.IGNORECASE)
_ROLE_MADE_AFTER = re.compile(r"-(?:made|built|produced|manufactured|origin|sourced|assembled|grown)\b", _I)
_ROLE_COMPOUND = re.compile(r"-\s?[A-Z]")
# "the Dutch group FrieslandCampina": a company named with its nationality and its kind
_COMPANY_OF = rf"\s+{_COMPANY_KIND}(?:\s+(?-i:[A-Z])[\w&.'’-]*){{1,3}}"
_ROLE_FACES_AFTER = re.compile(
    # "Japanese automakers currently pay": the country's firms or goods may come between
    r"(?:\s+(?:auto|car|steel)?(?:makers|exporters|producers|companies|firms|manufacturers|farmers|goods|products"
    r"|imports|exports|cars|shipments)"
    # "the Dutch group FrieslandCampina received the lowest rate": a company named with its nationality
    rf"|{_COMPANY_OF})?"
    # "The European Union and Japan, which struck framework deals in July, will pay 15%"
    r"(?:,\s+(?:which|who)\s[^,;%]{1,80},"
    # "Ecuador, India's main rival in the US shrimp market, faces a 15 per cent tariff"
    r"|,\s+(?-i:its|their|the|a|an|[A-Z][\w.]*(?:'s|’s)?)\s[^,;%\d]{1,80},)?"
    r",?(?:\s+(?:will|would|could|may|might|now|also|still|already|soon|currently|typically|usually|generally"
    r"|is|are|to|set\s+to|likely\s+to|must|can|which|that|who)){0,3}\s+(?:fac(?:e|es|ed|ing)|pay(?:s|ing)?|paid)\b"
    # "Vietnam got 20%", "Liechtenstein will get the same 15% rate"
    rf"|(?:{_COMPANY_OF})?"
    r"(?:\s+(?:will|would|could|may|might|also|now))?\s+(?:got|gets|get|secured|secures|received|receives|won|wins)"
    r"\s+(?:a\s+|the\s+(?:same\s+|lowest\s+|highest\s+|top\s+)?(?:rate,?\s+(?:of\s+)?)?)?\d"
    r"|(?:\s+(?:will|would|could|may|might|now|also|still|already|soon)){0,2}\s+(?:is|are|was|were|be|been|being|"
    r"get|gets|got)\s+(?:\w+\s+)?(?:hit|slapped|targeted|subject(?:ed)?|charged|penali[sz]ed|punished)\b"
    r"|,?\s+(?:hit|slapped)\s+with\b"
    # "Vietnam stays at 20%", "Indonesia and the Philippines remain at 19%", "Thailand and Cambodia each see their
    # rate trimmed": the country a rate is set for
    r"|(?:\s+(?:will|would|also|each|both|now|still)){0,2}\s+(?:stay|stays|stayed|remain|remains|remained)\s+"
    r"(?:unchanged\s+)?at\s+\d"
    r"|(?:\s+(?:will|would|also|each|both|now)){0,2}\s+(?:see|sees|saw)\s+(?:its|their)\s+(?:\w+\s+)?"
    r"(?:rates?|tariffs?|duty|duties)\b"
    # "Switzerland, whose 39% rate was cut to 15%"
    r"|,\s+whose\s+(?:[\w%.-]+\s+){0,3}(?:rates?|tariffs?|duty|duties)\b"
    # "Mexico has twice won delays to a threatened increase": who is spared a tariff for now is its target
    r"|(?:\s+(?:has|have|had|will|would|also|again|twice|already|now)){0,3}\s+(?:won|wins|secured|secures|"
    r"obtained|got|gets|sought|seeks|requested|requests)\s+(?:an?\s+|another\s+|the\s+)?(?:\w+\s+)?"
    r"(?:delays?|reprieves?|exemptions?|extensions?|postponements?|waivers?)\b",
    _I,
)
_BOTH_SIDES = re.compile(
    r"\b(?:(?:both|each)\s+(?:sides?|countries|country|nations?|governments?|parties|party|economies)|"
    r"the\s+two\s+(?:sides|countries|nations|governments|economies|powers)|each\s+other(?:['’]s)?|"
    r"both\s+(?:of\s+them|ways))\b",
    _I,
)
_ACTOR_RE = re.compile(phrase_regex(sorted({name for names in ACTORS.values() for name in names})))
_ACTOR_CODE = {name: code for code, names in ACTORS.items() for name in names}

# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------


class Party(NamedTuple):
    """A country (or a person or body acting for one) in a sentence, with its grammatical role."""

    start: int  # offsets within the sentence
    end: int
    iso2: str
    # "imposer" (U.S. tariffs, China's rate), "target" (on Chinese goods, imports from India),
    # "subject" (a bare actor that may impose), "other" (to Washington, with Moscow), "both".
    role: str
    # For an imposer: where the tariff noun it modifies starts.
    head: int | None = None
    # For a target named with its goods ("Chinese industrial goods"): where that goods noun ends.
    goods_end: int | None = None


class Token(NamedTuple):
    """A percentage expression of a sentence: "50%", "twenty-five per cent", "10 percentage points"."""

    start: int
    end: int
    num_start: int
    num: str
    points: bool  # percentage points: always a change, never a rate


@dataclass
class Rate:
    """A percentage accepted as a tariff rate within one sentence (offsets within the sentence)."""

    value: float
    start: int
    end: int
    num_start: int
    governor: tuple[int, int] | None  # the tariff word that makes it a rate
    pre_nominal: bool = False
    of_layer: bool = False
    previous: float | None = None
    transition_start: int | None = None  # start of "from X% to" when the rate ends a transition
    alternatives: list[float] = field(default_factory=list)
    alternative_start: int | None = None  # where "5" of "5 or 10 percent" starts
    dropped: bool = False  # used as the previous rate of another


@dataclass
class Context:
    """The trade relation the document has described so far, for sentences that leave it implicit."""

    doc: Document
    imposer: str | None = None
    target: str | None = None
    parties: list[str] = field(default_factory=list)  # countries of tariff sentences, latest last
    active: bool = False
    rates_imposed: Counter = field(default_factory=Counter)  # rows so far, by imposer
    header_target: str | None = None  # the country a factbox paragraph is headed by ("JAPAN: 15% on ...")
    label: Label | None = None  # the label of the factbox line of the sentence ("- Brazil: 50%, made up of ...")
    home: str | None = None  # the country of the dateline ("NEW DELHI:"), whose unnamed bodies act for it
    section_home: str | None = None  # the country of a numbered section ("2. South Africa: poultry review")
    # (sentence number, imposer, target) of the latest rate row with both countries
    last_pair: tuple[int, str, str] | None = None
    last_rate_sentence: int = -1  # the number of the latest sentence with rate rows
    # (sentence number, country) of the subject of the latest tariff sentence without rates ("Ottawa also said it
    # will tighten its steel tariff-rate quotas")
    actor: tuple[int, str] | None = None
    # (paragraph start, country) of a sentence turning to a country's own duties ("India's own tariff wall remains
    # among the highest"): the paragraph's rates without an actor are that country's, on everyone's goods
    own_duties: tuple[int, str] | None = None
    # the country whose goods a factbox lists the markets' rates for ("- Brazil: 35%" on Chinese EVs), once known
    markets_target: str | None = None
    header_market: str | None = None  # in a factbox of markets, the market a paragraph is headed by ("INDIA")
    paragraph_start: int = 0  # where the paragraph of the current sentence starts in the text

    def recent_actor(self, sentence_no: int, exclude: str | None) -> str | None:
        """The subject of the nearest earlier sentence that has one ("Trump has threatened ...")."""
        for sentence in reversed(self.doc.sentences[max(0, sentence_no - _ACTOR_LOOKBACK) : sentence_no + 1]):
            for party in _parties(sentence.text):
                if party.role == "subject" and party.iso2 != exclude:
                    return party.iso2
        return None

    def add_party(self, iso2: str | None) -> None:
        if not iso2:
            return
        if iso2 in self.parties:
            self.parties.remove(iso2)
        self.parties.append(iso2)

    def counterpart(self, iso2: str | None) -> str | None:
        """The latest party of the trade relation other than `iso2`."""
        for party in reversed(self.parties):
            if party != iso2:
                return party
        return None

    def main_imposer(self, exclude: str | None) -> str | None:
        """The country that imposed most of the document's rates so far (other than `exclude`), when it
        imposed at least two more than any other: an explainer of U.S. tariffs keeps the U.S. as the
        imposer of its list of targets, whoever retaliated in between."""
        ranked = [(n, iso2) for iso2, n in self.rates_imposed.most_common(3) if iso2 != exclude]
        if not ranked:
            return None
        if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < 2:
            return None
        return ranked[0][1] if ranked[0][0] >= 2 else None

    def learn(self, imposer: str | None, target: str | None) -> None:
        """Record a relation taught by a sentence without rates: later rates continue it, not the last rates."""
        self.record(imposer, target)
        self.last_pair = None

    def record(self, imposer: str | None, target: str | None) -> None:
        self.active = True
        if imposer or target:
            self.imposer, self.target = imposer, target
        self.add_party(target)
        self.add_party(imposer)


# ---------------------------------------------------------------------------------------------
# The words of a sentence
# ---------------------------------------------------------------------------------------------


# Every byte that is not an ASCII letter becomes a space; the second table also lower-cases the letters.
_LETTERS_ONLY = bytes(byte if chr(byte).isascii() and chr(byte).isalpha() else 32 for byte in range(256))
_LOWER_LETTERS_ONLY = _LETTERS_ONLY.lower()


@lru_cache(maxsize=256)
def _letter_words(text: str) -> tuple[list[int], list[int], list[str]]:
    """Starts, ends and lower-cased forms of the runs of letters of a sentence.

    Sentences are indexed once so that the many "which words come before this rate" questions are
    list slices rather than new regex passes; mapping the match methods over one finditer, and
    translating the text for the words, keep the index itself cheap.
    """
    matches = list(_WORD.finditer(text))
    starts = list(map(re.Match.start, matches))
    ends = list(map(re.Match.end, matches))
    if _KELVIN in text:
        # The Kelvin sign lower-cases to an ASCII "k": lower-casing the text first merges it into a word.
        lower = text.lower()
        words = _WORD.findall(lower) if len(lower) == len(text) else []
        if len(words) == len(matches):
            return starts, ends, words
    # Otherwise they are the runs of ASCII letters lower-cased, which translating the text gives in C.
    words = text.encode("ascii", "replace").translate(_LOWER_LETTERS_ONLY).decode().split()
    return starts, ends, words


def _ascii_words(text: str) -> list[bytes]:
    """The runs of ASCII letters of `text` (the words of _WORD), as bytes, in their own case.

    Only encode, translate and split run, all in C without match objects, which makes this several
    times cheaper than _WORD.findall for a test of the words of a whole sentence. Each non-ASCII
    character is encoded as "?", which the translation turns into a space like any other non-letter.
    """
    return text.encode("ascii", "replace").translate(_LETTERS_ONLY).split()


def _words_between(text: str, start: int, end: int) -> tuple[list[int], list[int], list[str]]:
    """The runs of letters lying within text[start:end]: starts, ends, lower-cased forms."""
    starts, ends, words = _letter_words(text)
    first = bisect_left(starts, max(0, start))
    last = bisect_right(ends, end)
    return starts[first:last], ends[first:last], words[first:last]


def _tail_words(text: str, position: int, count: int) -> list[str]:
    """The last `count` words ending at or before `position`, lower-cased."""
    _, ends, words = _letter_words(text)
    index = bisect_right(ends, position)
    return words[max(0, index - count) : index]


def _next_letter_words(text: str, position: int, count: int) -> list[str]:
    """The first `count` runs of letters at or after `position`, lower-cased."""
    starts, _, words = _letter_words(text)
    index = bisect_left(starts, position)
    return words[index : index + count]


def _word_start_before(text: str, position: int) -> int:
    """Start of the word ending right before `position` ("from" in "from 25%")."""
    starts, ends, _ = _letter_words(text)
    index = bisect_right(ends, position) - 1
    return starts[index] if index >= 0 else position


def _ends_with_word(text: str, position: int, word: str) -> bool:
    """True when the text before `position` ends with the whole word `word` (any case)."""
    head = text[max(0, position - len(word) - 8) : position].rstrip().lower()
    return head.endswith(word) and (len(head) == len(word) or not head[-len(word) - 1].isalpha())


def _words_in(text: str, start: int, end: int, vocabulary: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, lower-cased word) of the words of text[start:end] that belong to `vocabulary`."""
    starts, ends, words = _words_between(text, start, end)
    return [(s, e, w) for s, e, w in zip(starts, ends, words, strict=True) if w in vocabulary]


def _names_other_measure(text: str, start: int, end: int) -> bool:
    """True when text[start:end] names something a percentage could measure other than a tariff, or a
    rate of something else ("the repo rate", "the tax rate")."""
    words = _words_between(text, start, end)[2]
    if not _NON_TARIFF_WORDS.isdisjoint(words):
        return True
    return any(word in _WEAK_WORDS and index and words[index - 1] in _OTHER_RATE_WORDS
               for index, word in enumerate(words))


def _names_goods(text: str, start: int, end: int) -> bool:
    return not _GOODS_WORDS_LOWER.isdisjoint(_words_between(text, start, end)[2])


@lru_cache(maxsize=256)
def _clause_breaks(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text))


def _clause_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end of the clause of `text` that contains `position`."""
    start, end = 0, len(text)
    for break_start, break_end in _clause_breaks(text):
        if break_end <= position:
            start = break_end
        elif break_start >= position:
            end = break_start
            break
    return start, end


# ---------------------------------------------------------------------------------------------
# Rates: which percentages are tariff rates
# ---------------------------------------------------------------------------------------------


def _sentence_rates(text: str, tariff_context: bool, after_tariff_words: bool = False,
                    abbreviations: frozenset[str] = frozenset()) -> list[Rate]:
    """The percentages of a sentence that are tariff rates, with transitions and alternatives resolved.

    `tariff_context` allows an anaphoric rate ("bring it from 25% to 50%") right after tariff rates;
    `after_tariff_words` (the sentence before names a tariff) a pronoun listing its rates ("They include 50%
    on steel").
    """
    tokens = _percent_tokens(text)
    rates: list[Rate] = []
    by_token: dict[int, Rate] = {}
    label_end: int | None = None  # where a label naming countries ends ("Canada — 25%"), -1 for none
    for index, token in enumerate(tokens):
        if _is_increment(text, token):
            continue
        value = _parse_rate(token.num)
        if value is None or value > _MAX_RATE:
            continue
        clause = _clause_bounds(text, token.start)
        governor, how = _governor(text, token, clause, tariff_context or after_tariff_words, bool(by_token),
                                  abbreviations)
        if how == "rejected":
            continue
        listed = False
        if governor is None and index - 1 in by_token and _continues_list(text, tokens[index - 1], token):
            # "the EU faces 15%, Japan 15%, Vietnam 20% and India 50%": a list shares its governor (or
            # the lack of one, after "They include 50% on steel")
            governor, how, listed = by_token[index - 1].governor, "list", True
        if governor is None and by_token and _factbox_label(text) is not None \
                and _LABEL_LINE_RATE.search(text, max(0, token.start - 12), token.start):
            # more rates of a factbox line after its own: "- Vietnam: 20%, with 40% on goods judged to be
            # transshipped", "- Steel and aluminum: 50%, except Britain at 25%"
            governor, how = (token.start, token.start), "verb"
        if governor is None and after_tariff_words and label_end is None:
            label_end = _country_label_end(text)  # once per sentence, only when needed
        if governor is None and after_tariff_words and token.start == label_end:
            # "Canada — 25% surtax above quota", "United States, corrosion-resistant sheet — 39.1%": the rate a line
            # labelled with a market opens with, under a line naming a tariff
            governor, how = (token.start, token.start), "verb"
        if governor is None and by_token and _THEIRS_ON_GOODS.search(text, max(0, token.start - 60), token.start):
            # "U.S. tariffs on Chinese goods reached 145%, and China's on U.S. goods 125%": the other side's tariff,
            # its noun left out
            governor, how = (token.start, token.start), "verb"
        # earlier sentences stated rates or named a tariff, or this one stated rates
        anaphora_allowed = tariff_context or after_tariff_words or bool(by_token)
        if governor is None and not listed \
                and not (anaphora_allowed and _anaphoric(text, token, tokens, index, clause)) \
                and not (after_tariff_words and _lists_rates_of_tariffs_before(text, token, clause)):
            continue
        rate = Rate(
            value,
            token.start,
            token.end,
            token.num_start,
            governor,
            pre_nominal=how == "pre",
            of_layer=how == "layer",
        )
        _attach_alternatives(text, rate)
        rates.append(rate)
        by_token[index] = rate
    _link_transitions(text, tokens, by_token)
    return [rate for rate in rates if not rate.dropped]


def _lists_rates_of_tariffs_before(text: str, token: Token, clause: tuple[int, int]) -> bool:
    """True for a rate on goods after a pronoun for the tariffs the sentence before named: "Tariffs imposed
    under Section 232 are unaffected. They include 50% on steel and aluminum"."""
    words = [w.lower() for w in _WORD.findall(text, clause[0], token.start)]
    return (len(words) == 2 and words[0] in _TARIFF_PRONOUNS and words[1] in _LISTING_VERBS
            and (_ON_AFTER_RATE.match(text, token.end) is not None
                 or _RATE_FOR_AFTER.match(text, token.end) is not None))


def _continues_list(text: str, previous: Token, token: Token) -> bool:
    """True when `token` is the next item of a list of rates after `previous`: only a comma or
    "and", and at most a few words naming whose rate it is, stand between them."""
    between = text[previous.end : token.start]
    # "... 375.19% for some Vietnamese ones, and as much as 104.38% for Indonesian producers": a bound of the item
    between = _ITEM_BOUND_END.sub(" ", between)
    if _LIST_ITEM_TAIL.fullmatch(between):
        return True  # "24 per cent on Japan, 25 per cent on South Korea and 46 per cent on Vietnam"
    words = between.replace(",", " ").split()
    # "Vietnam got 20% and the Philippines 19%": the article of a country's name does not break the list
    words = [w for i, w in enumerate(words) if not (w in ("the", "The") and words[i + 1:i + 2] != []
                                                    and words[i + 1][:1].isupper())]
    # "Chinese cars pay 50%, South Korean and Indian auto parts 35%": an item names whose goods it taxes
    limit = _MAX_NAMED_ITEM_WORDS if between.startswith((", ", "; ")) else 4
    if len(words) <= limit and not _LIST_BREAKING_WORDS.intersection(w.lower() for w in words):
        return True
    # "35% on Canadian goods that do not qualify under the pact, 50% on steel and aluminum and 25% on cars":
    # items of rates on goods, each "N% on ..."
    return (_ON_GOODS_ITEM.fullmatch(between) is not None and text.startswith(" on ", token.end)
            and not _ON_ITEM_BREAKING_WORDS.intersection(w.lower() for w in words))


def _percent_tokens(text: str) -> list[Token]:
    """Every percentage expression of a sentence, found from its unit back to its number.

    Looking for the unit first keeps the costly number pattern (digits or words) to a few short
    windows instead of every position of the sentence.
    """
    tokens = []
    lower = text.lower()
    for unit in _UNIT_MARK.finditer(lower if len(lower) == len(text) else text):
        # Digits are read backwards by hand; only a word number ("twenty-five percent") needs the pattern.
        end = unit.start()
        while end and text[end - 1] in " -":
            end -= 1
        start = end
        while start and (
            text[start - 1].isdigit()
            or text[start - 1] in ".,"
            and start - 1 > 0
            and text[start - 2].isdigit()
            # a comma only between thousands: "as high as 3,521%", not "Japan, 15%" or "2024,15%"
            and (text[start - 1] == "." or _THOUSANDS_AFTER.match(text, start))
        ):
            start -= 1
        if start < end:
            if start and (text[start - 1].isalnum() or text[start - 1] in "$€£,."):
                continue  # "$3.5 percent"? "1,000%"? not a tariff rate as written
            tokens.append(Token(start, unit.end(), start, text[start:end], bool(unit.group("points"))))
            continue
        number = (
            _NUMBER_BEFORE.search(text, max(0, unit.start() - 40), unit.start())
            if end and text[end - 1].isalpha()
            else None
        )
        if number is not None:
            tokens.append(
                Token(
                    number.start("num"),
                    unit.end(),
                    number.start("num"),
                    number.group("num"),
                    bool(unit.group("points")),
                )
            )
    return tokens


def _parse_rate(number: str) -> float | None:
    """The value of a rate's number: digits directly, words ("twenty-five") through parse_number."""
    try:
        return float(number.replace(",", ""))
    except ValueError:
        return parse_number(number)


def _is_increment(text: str, token: Token) -> bool:
    """True when the percentage is the size of a change or a comparison, not a level."""
    if token.points:
        return True
    words = _tail_words(text, token.start, 5)
    while words and words[-1] in _APPROX_WORDS or len(words) > 1 and tuple(words[-2:]) in _APPROX_PAIRS:
        words = words[:-2] if tuple(words[-2:]) in _APPROX_PAIRS else words[:-1]
    if words and words[-1] == "by":
        # "raise tariffs by 10%"; but "hit by 15% tariffs" names the tariff itself
        return not _NOUN_AFTER.match(text, token.end)
    # "fell 20%" is a change; after an article the word is an adjective ("a lower 10% rate"); a
    # share of the tariffs ("lift 10% of the tariffs") is judged by what it is a share of.
    if words and words[-1] in _CHANGE_VERBS and not (len(words) > 1 and words[-2] in _ARTICLES):
        return not _OF_AFTER.match(text, token.end)
    # "a 25% increase" is a change; in "levies of 15% fall on ..." the word after is the verb.
    if words and words[-1] in ("of", "to", "at", "from"):
        return False
    return bool(_INCREMENT_AFTER_RE.match(text, token.end))


def _governor(
    text: str, token: Token, clause: tuple[int, int], recent_rates: bool = False, earlier_rate: bool = False,
    abbreviations: frozenset[str] = frozenset(),
) -> tuple[tuple[int, int] | None, str]:
    """The tariff word governing a percentage and how: "pre", "of", "layer", "before" or "verb".

    (None, "rejected") when the percentage measures something else ("40% of imports", "5% growth"),
    (None, "") when nothing in the clause governs it.

    `recent_rates` says the previous sentences stated tariff rates, so that "The rate is far above
    the 15% agreed with the EU" is read as one more; `earlier_rate` says this sentence did.
    """
    start, end = token.start, token.end
    after = text[end : clause[1]]
    next_words = [w.strip(_PUNCTUATION).lower() for w in after[:40].split()[:2]]
    if next_words and next_words[0] == "of":
        # "suspend 24% of the additional tariffs" acts on a layer of the tariffs; without such a
        # verb "importers pay 90% of the tariffs" is a share, as is "40% of Chinese imports".
        layer = _OF_TARIFF_AFTER.match(after)
        acting = _tail_words(text, start, 2)
        if layer and not _LAYER_VERBS.isdisjoint(acting):
            return (end + layer.start("noun"), end + layer.end("noun")), "layer"
        return None, "rejected"
    if not _NON_TARIFF_WORDS.isdisjoint(next_words):
        return None, "rejected"  # "5% growth", "a 50% stake"
    # the next four words, a hyphenated modifier counting as one ("its 50% out-of-quota steel tariff")
    if not _TARIFF_LOOKING.isdisjoint(_next_letter_words(text, end, 4 + text.count("-", end, end + 24))):
        noun = _NOUN_AFTER.match(after) or _WEAK_NOUN_AFTER.match(after)
        if (
            noun
            and _tariff_noun_ok(text, end + noun.start("noun"), noun.group("noun"))
            and (noun.group("noun").lower() not in _WEAK_WORDS or _about_trade(text, clause, recent_rates))
        ):
            return (end + noun.start("noun"), end + noun.end("noun")), "pre"
    window_start = max(clause[0], start - 140)
    last = _last_tariff_word(text, window_start, start, abbreviations)
    if last is not None and _is_weak_noun(text, last) and not _about_trade(text, clause, recent_rates):
        last = None  # "the Fed held rates at 4.5%"
    if last is not None:
        between = text[last[1] : start]
        if _OF_BETWEEN.fullmatch(between):
            return last, "of"
        if len(between.split()) <= _MAX_GOVERNOR_WORDS and not _names_other_measure(text, last[1], start):
            return last, "before"
    words = _WORD.findall(text, max(clause[0], start - 40), start)
    while words and (
        words[-1].lower() in _APPROX_WORDS
        or words[-1].lower() in _ARTICLES
        or words[-1].lower() in ("up", "to", "full")  # "will still face the full 50 per cent"
    ):
        words.pop()
    if len(words) > 3 and tuple(w.lower() for w in words[-3:]) in _CAP_PHRASES:
        del words[-3:]  # "will face no more than 15 per cent"
    verb = words[-1].lower() if words else ""
    if verb == "at" and len(words) > 1 and words[-2].lower() in _STAY_VERBS and (recent_rates or earlier_rate) \
            and not _names_other_measure(text, *clause) \
            and _MONETARY_WORDS.isdisjoint(_words_between(text, *clause)[2]) and not _VAT.search(text, *clause):
        return (start, start), "verb"  # after tariff rates, "Vietnam stays at 20%", "remain at 19%"
    if verb == "at" and len(words) > 1 and words[-2].lower() in _CAP_VERBS \
            and (recent_rates or earlier_rate or _names_goods(text, *clause)):
        return (start, start), "verb"  # "Machinery from the European Union and Japan will be capped at 15%"
    if verb in _IMPOSE_WORDS or len(words) > 1 and words[-2].lower() in _IMPOSE_WORDS:
        return (start, start), "verb"  # "imposed 25% on steel"
    on = _ON_AFTER_RATE.match(text, end) if verb in _CHARGE_WORDS else None
    if on is not None and not _names_other_measure(text, *clause) and (
            _names_goods(text, on.end(), clause[1]) or country_spans(text[on.end():on.end() + 40])):
        return (start, start), "verb"  # "Washington still charges 25% on Mexican goods", not "3% on each sale"
    if (verb == "at" and len(words) > 1 and words[-2].lower() in _GOODS_WORDS_LOWER
            and (recent_rates or earlier_rate) and not _names_other_measure(text, *clause)):
        return (start, start), "verb"  # a factbox of rates: "steel, aluminium and copper at 50%; cars at 25%"
    # "goods transshipped through Vietnam will face 40%": goods facing a bare rate in a tariff text.
    # "..., while India faces 25%": a country facing a bare rate next to other tariff rates.
    if (
        verb in _FACE_WORDS
        and verb != "taxed"
        and (recent_rates or earlier_rate or _names_goods(text, *clause))
        and not _names_other_measure(text, *clause)
    ):
        return (start, start), "verb"
    return None, ""


def _is_weak_noun(text: str, span: tuple[int, int]) -> bool:
    """True for "rate", "taxed" or "baseline" standing alone; "tariff rate" is as strong as "tariff"."""
    if text[span[0] : span[1]].lower() not in _WEAK_WORDS:
        return False
    before = _words_between(text, span[0] - 20, span[0])[2]
    return not (before and (before[-1] in _TARIFF_WORDS or before[-1] in _REMEDY_WORDS))


def _about_trade(text: str, clause: tuple[int, int], recent_rates: bool) -> bool:
    """True when a clause is about trade, so that "rate" or "taxed" may mean a tariff.

    It must not speak of money or the economy ("the Fed kept rates at 4.5% as tariffs weighed"),
    and it names goods ("Chinese goods ... would face a 25 percent rate") or a tariff, or a
    country's rate ("China's rate"), or follows sentences that stated tariff rates.
    """
    starts, ends, words = _words_between(text, *clause)
    if not _MONETARY_WORDS.isdisjoint(words):
        return False
    if recent_rates or not _GOODS_WORDS_LOWER.isdisjoint(words) or not _TARIFF_WORDS.isdisjoint(words):
        return True
    return any(
        w in _WEAK_WORDS and i and text.startswith(("'s", "’s"), ends[i - 1]) for i, w in enumerate(words)
    )


def _last_tariff_word(text: str, start: int, end: int, abbreviations: frozenset[str] = frozenset()
                      ) -> tuple[int, int] | None:
    """Span of the last word of text[start:end] naming a tariff (weak words only where they may), or one of the
    document's `abbreviations` of a tariff (lower case)."""
    starts, ends, words = _letter_words(text)
    first = bisect_left(starts, start)
    for index in range(bisect_right(ends, end) - 1, first - 1, -1):
        low = words[index]
        if low in _TARIFF_WORDS or low in abbreviations:
            if not (low == "duty" and text.startswith("-free", ends[index])):
                return starts[index], ends[index]
        elif low in ("tax", "taxes") and index and words[index - 1] in _TAX_QUALIFIERS:
            return starts[index], ends[index]
        elif low in _WEAK_WORDS and not (index and words[index - 1] in _OTHER_RATE_WORDS):
            return starts[index], ends[index]
    return None


def _first_tariff_word(text: str) -> int | None:
    """Start of the first tariff noun of a sentence."""
    starts, _, words = _letter_words(text)
    for start, word in zip(starts, words, strict=True):
        if word in _TARIFF_WORDS:
            return start
    return None


def _tariff_noun_ok(text: str, position: int, noun: str) -> bool:
    """False for a weak tariff word that names something else here ("interest rate", "tax rate")."""
    if noun.lower() not in _WEAK_WORDS:
        return True
    words = _WORD.findall(text, max(0, position - 20), position)
    if words and words[-1].lower() in _OTHER_RATE_WORDS:
        return False
    return _PACE_BEFORE_RATE.search(text, max(0, position - 40), position) is None


def _anaphoric(text: str, token: Token, tokens: list[Token], index: int, clause: tuple[int, int]) -> bool:
    """True for a rate without a tariff word that continues the tariff of the previous sentences.

    Only a transition ("bring it from 25% to 50%") or a rate reached by a change verb, with a pronoun
    standing for the tariff and nothing else measured in the clause, qualifies.
    """
    # what the clause measures is named before the rate or right after it ("from 5% to 20% of sales"), not
    # in a later aside ("range from 11.1 per cent to 20.2 per cent, depending on their sales")
    if _names_other_measure(text, clause[0], min(clause[1], token.end + 12)):
        return False
    words = [w.lower() for w in _WORD.findall(text, clause[0], token.start)]
    if text.startswith("(", token.start - 1) and any(
            p.iso2 and 1 <= token.start - p.end <= 2 for p in _parties(text)):
        return True  # "rivals such as Vietnam (20 per cent), Indonesia (19 per cent)"
    while True:
        if len(words) > 1 and (words[-1] in _RATE_ADVERBS or words[-1] in ("the", "a", "between")):
            words = words[:-1]  # "Japanese cars paid just 2.5%", "its exporters pay the full 25%", "pay between"
        elif len(words) > 2 and words[-2:] == ["up", "to"]:
            words = words[:-2]  # "will pay up to 46.2%"
        elif len(words) > 3 and words[-3] == "as" and words[-2] in ("much", "high") and words[-1] == "as":
            words = words[:-3]  # "face as much as 36.4%"
        else:
            break
    if len(words) > 3 and tuple(words[-3:]) in _CAP_PHRASES:
        words = words[:-3]  # "Furniture from the European Union and Japan pay no more than 15%"
    if words and words[-1] in _PAY_WORDS and (
            _ON_AFTER_RATE.match(text, token.end)
            or any(p.role == "target" and clause[0] <= p.start < token.start for p in _parties(text))
            # the payer's relative clause may hold a clause break: "producers that cooperated but were not
            # sampled will pay 31.9%"
            or _NAMED_PAYER_BEFORE.search(text, max(0, token.start - _PAYER_REACH), token.start)
            # goods as the subject: "Energy and potash pay 10 per cent"
            or (len(words) <= _MAX_GOODS_PAYER_WORDS and _names_goods(text, clause[0], token.start))):
        # "automakers pay 2.5% on passenger cars", "Indian goods will pay 25% from Friday", after tariff rates
        # "Remy Martin will pay 38.1%", "Other producers that cooperated will pay 34.8%"
        return True
    pairs = zip(words, words[1:], strict=False)
    if len(words) >= 2 and words[-1] == "to" and words[-2] in _INCREASE_NOUNS:
        return True  # after tariff rates, "Mexico won delays to a threatened increase to 30%"
    if clause[0] == 0 and (header := _FACTBOX_HEADER.match(text)) and header.end() == token.start:
        return True  # after tariff rates, a factbox line: "INDIA: 50%, half of it a penalty"
    if clause[0] == 0 and (label := _factbox_label(text)) is not None and (
            label.end == token.start or (label.countries and _SHORT_NAME.fullmatch(text, label.end, token.start))):
        # "- Indonesia, the Philippines and Thailand: 19%", "- Cars and auto parts: 25%", a company's rate under
        # its country ("Canada: Arlanxeo Canada 24.6%; all other Canadian companies 41.5%")
        return True
    if clause[0] == 0 and (any_label := _FACTBOX_LABEL.match(text)) is not None and any_label.end() == token.start \
            and len(any_label.group("label").split()) <= _MAX_NAME_LABEL_WORDS \
            and _MONETARY_WORDS.isdisjoint(_words_between(text, 0, any_label.end())[2]) \
            and not _names_other_measure(text, 0, any_label.end()):
        return True  # after tariff rates, a line of a table of company rates: "Somany Ceramics: 11.8%"
    if len(words) >= 2 and words[-1] in ("additional", "extra", "further") and words[-2] in ("an", "a"):
        return True  # after tariff rates, "an additional 24% remains suspended", "add an extra 10% on Canada"
    opens_with_rates = bool(words) and words[0] in ("rate", "rates")  # "Rates for individual producers range"
    if (_ANAPHORS.isdisjoint(words) and not opens_with_rates
            and not any(a == "the" and b in _ANAPHOR_NOUNS for a, b in pairs)):
        return False

    def is_to(a: int, b: int) -> bool:
        return text[a:b].strip().lower() == "to"

    in_transition = (
        index > 0
        and is_to(tokens[index - 1].end, token.start)
        and _ends_with_word(text, tokens[index - 1].start, "from")
    )
    starts_transition = (
        index + 1 < len(tokens)
        and is_to(token.end, tokens[index + 1].start)
        and _ends_with_word(text, token.start, "from")
    )
    # "bring it to 50%", "keeping it at 25% for Britain"
    reached = bool(words) and (
        words[-1] == "to"
        and not _LEVEL_CHANGE_WORDS.isdisjoint(words)
        or words[-1] == "at"
        and not _KEEP_WORDS.isdisjoint(words)
    )
    return in_transition or starts_transition or reached


def _attach_alternatives(text: str, rate: Rate) -> None:
    """A bare number coordinated with the rate: "5 or 10 percent" and "10-25%" are two rates,
    "from 10 to 25 percent" is a rate and its previous one."""
    window_start = max(0, rate.num_start - 40)
    head = text[window_start : rate.num_start].rstrip()
    for op in _ALTERNATIVE_OPS:
        if head.endswith(op) and (op in "-–" or head[-len(op) - 1 : -len(op)].isspace()):
            head = head[: -len(op)].rstrip()
            break
    else:
        return
    if not head or head.endswith("%") or head.lower().endswith(("cent", "pct")):
        return  # "from 25% to 50%": two percentages, linked as a transition elsewhere
    number_start = len(head)
    while number_start and (head[number_start - 1].isdigit() or head[number_start - 1] == "."):
        number_start -= 1
    if number_start < len(head):
        if number_start and (head[number_start - 1].isalnum() or head[number_start - 1] in "$€£,"):
            return  # "$75" or a word glued to the digits is no rate
        value = _parse_rate(head[number_start:])
    else:
        words = head.split()
        value = _parse_rate(words[-1]) if words else None
        number_start = len(head) - len(words[-1]) if words else 0
    if value is None or value > _MAX_RATE:
        return  # "from 2018 to 25%": a year, not a rate
    lead = head[:number_start].rstrip().lower()
    lead_words = lead.split()
    if (
        op == "to"
        and lead.endswith("from")
        and not (len(lead_words) > 1 and lead_words[-2].startswith(_RANGE_VERBS))
    ):
        rate.previous = value
        rate.transition_start = window_start + len(lead) - len("from")
        return
    rate.alternatives.append(value)
    rate.alternative_start = window_start + number_start


def _link_transitions(text: str, tokens: list[Token], by_token: dict[int, Rate]) -> None:
    """Turn "from X% to Y%", "to Y% from X%" and "currently X%, ... Y%" into one rate with its previous."""
    for index, rate in sorted(by_token.items()):
        if rate.dropped:
            continue
        following = by_token.get(index + 1)
        low = _tail_words(text, rate.start, 5)
        from_before = _ends_with_word(text, rate.start, "from")
        if following is not None and text[rate.end : following.start].strip().lower() == "to":
            if from_before and len(low) > 1 and low[-2].startswith(_RANGE_VERBS):
                continue  # "ranging from 10% to 50%": two rates
            if from_before:
                following.previous = rate.value
                following.transition_start = _word_start_before(text, rate.start)
                rate.dropped = True
                continue
        if following is not None and _changed_rate_then_new(text, rate, following, low):
            # "Argentina will cut its 35% tariff on U.S. cars to 17.5%": the rate the verb changes is the
            # previous rate of the one it is changed to
            following.previous = rate.value
            following.transition_start = _word_start_before(text, rate.start)
            rate.dropped = True
            continue
        preceding = by_token.get(index - 1)
        # "..., up from 10%", "to 15% from 27.5%", "down from the 25% rate"
        if len(low) > 1 and low[-1] in _APPROX_WORDS and low[-2] == "from":
            low.pop()  # "to about 15% by March 1, from roughly 85% now"
        while low and low[-1] in _ARTICLES:
            low.pop()
        if (
            preceding is not None
            and not preceding.dropped
            and preceding.previous is None
            and low
            # "to 15% from 27.5%", "a 19% tariff under a deal agreed in July, down from the 32%"; not "pay 15%
            # under a deal, and Carney will press for relief from the 50% duty"
            and (len(low) > 1 and low[-2] in ("up", "down")
                 or len(text[preceding.end:rate.start].split()) <= _MAX_TRANSITION_GAP_WORDS)
            and (
                low[-1] in ("from", "up", "down", "versus")
                or low[-2:] in (["compared", "with"], ["instead", "of"], ["rather", "than"])
            )
        ):
            preceding.previous = rate.value
            rate.dropped = True
            continue
        if following is not None and following.previous is None and not _CURRENT_WORDS.isdisjoint(low[-4:]):
            following.previous = rate.value
            if _NEW_CLAUSE_IN.search(text, rate.end, following.start):
                continue  # "currently face a 20% tariff, and officials hope to bring that down to 15%": two facts
            following.transition_start = rate.start
            rate.dropped = True


def _changed_rate_then_new(text: str, rate: Rate, following: Rate, words_before: list[str]) -> bool:
    """True for "cut its 35% tariff on cars to 17.5%", "raise the 25% rate to 30%": a change verb and a
    determiner before the rate, and "to" right before the next rate of the same phrase."""
    if len(words_before) < 2 or words_before[-1] not in ("its", "their", "the", "a") \
            or words_before[-2] not in _LEVEL_CHANGE_WORDS:
        return False
    gap = text[rate.end:following.start]
    return (len(gap) <= 80 and gap.rstrip().endswith(" to") and not any(mark in gap for mark in ";:%")
            and not _SENTENCE_END_IN.search(gap))


# ---------------------------------------------------------------------------------------------
# Countries and their roles
# ---------------------------------------------------------------------------------------------


def _mentions(text: str) -> list[tuple[int, int, str, str]]:
    """Country and actor mentions (start, end, iso2, kind) of one sentence, in order, without overlaps."""
    spans = country_spans(text)
    actors = [(a.start(), a.end(), _ACTOR_CODE[a.group(0)], "actor") for a in _ACTOR_RE.finditer(text)]
    if actors:
        spans = sorted(spans + actors)
    kept = []
    last_end = -1
    for span in spans:
        if (
            span[0] >= last_end
        ):  # an actor inside a country phrase ("U.S. Trade Representative") or the reverse
            kept.append(span)
            last_end = span[1]
    return kept


@lru_cache(maxsize=64)
def _parties(text: str) -> tuple[Party, ...]:
    """The countries and actors of one sentence with their roles, in order (cached: the lookback for
    an implicit imposer reads earlier sentences again)."""
    parties: list[Party] = []  # built here, returned as a tuple
    for start, end, iso2, _kind in _mentions(text):
        role, head, goods_end = _role(text, start, end, parties)
        parties.append(Party(start, end, iso2, role, head, goods_end))
    _coordinated_targets(text, parties)
    if ":" in text and (label := _factbox_label(text)) is not None and label.countries:
        # the countries a factbox line lists are the ones its rates are on: "- Brazil: 50%, made up of ..."
        parties = [p._replace(role="target", goods_end=None) if p.end <= label.end else p for p in parties]
    if ", wh" in text:
        parties = _set_asides(text, parties)
    if ", " in text:
        parties = _appositives(text, parties)
    low = text.lower()
    if "both" in low or "each" in low or "two" in low:
        for both in _BOTH_SIDES.finditer(text):
            parties.append(Party(both.start(), both.end(), "", "both"))
        parties.sort(key=lambda p: p.start)
    return tuple(parties)


def _coordinated_targets(text: str, parties: list[Party]) -> None:
    """Coordinated countries share what follows the last of them: in "South Korean and Indian auto parts"
    both are targets, as in "The European Union and Japan, which struck deals in July, will pay 15%" (the
    first took the role of nothing after it before the second was read)."""
    for index in range(len(parties) - 1, 0, -1):
        last = parties[index]
        if last.role not in ("subject", "target") or last.goods_end is not None \
                or not _joined(text, parties[index - 1], last):
            continue
        goods_end = _goods_after(text, last.end) if last.role == "subject" else None
        if goods_end is None and not _ROLE_FACES_AFTER.match(text[last.end:last.end + 120]):
            continue  # (a target by its verb, "... and the Philippines remain at 19%", shares it with the first)
        first = index
        while first and parties[first - 1].role == "subject" and parties[first - 1].goods_end is None \
                and _joined(text, parties[first - 1], parties[first]):
            first -= 1
        for position in range(first, index + 1):
            parties[position] = parties[position]._replace(role="target", goods_end=goods_end)


def _set_asides(text: str, parties: list[Party]) -> list[Party]:
    """Goods named in a relative clause set off by commas, or ending the sentence, are not the goods of the
    sentence's rates: in "India, which buys Russian oil, faces a 50% tariff" the tariff is not on Russia, nor
    in "... have faced a 25% tariff since 1964, which is why Japanese makers build pickups there."
    """
    for aside in _RELATIVE_ASIDE.finditer(text):
        if _DOC_UNIT_HINT.search(text, aside.start(), aside.end()):
            continue  # "Vietnam, which faces a 20% tariff, ..." states a rate of its own
        if aside.group("last") is not None and _REACH_WORDS.search(text, aside.start(), aside.end()):
            continue  # "..., which hits Chinese steel." names the goods of the sentence's rate
        parties = [
            p._replace(role="other") if p.role == "target" and aside.start() <= p.start < aside.end() else p
            for p in parties
        ]
    return parties


def _only_countries(phrase: str) -> bool:
    """Whether `phrase` is nothing but countries and the words that join them ("India and South Korea")."""
    rest = phrase
    for start, end, _iso2, _kind in reversed(country_spans(phrase)):
        rest = rest[:start] + " " + rest[end:]
    return _LABEL_JOINERS.issuperset(rest.replace(",", " ").lower().split())


def _appositives(text: str, parties: list[Party]) -> list[Party]:
    """Countries in an appositive of a country that pays or faces a rate play no part in it: in "Ecuador,
    India's main rival in the US shrimp market, faces a 15 per cent tariff" the tariff is not India's."""
    for party in [p for p in parties if p.role == "target" and text.startswith(", ", p.end)]:
        aside = _APPOSITIVE.match(text, party.end)
        if aside is None or _only_countries(aside.group(0)[1:-1]):
            continue  # ", India and South Korea,": more items of a list
        parties = [p._replace(role="other", head=None, goods_end=None) if aside.start() < p.start < aside.end() else p
                   for p in parties]
    return parties


def _role(text: str, start: int, end: int, earlier: list[Party]) -> tuple[str, int | None, int | None]:
    """The role of one mention; for an imposer where its tariff noun starts, for goods where they end."""
    words = _tail_words(text, start, 3)
    if words and words[-1] in _ROLE_SKIPPED:
        words.pop()  # "on the", "for some Vietnamese ones"
    if _RATE_RIGHT_BEFORE.search(text, max(0, start - 14), start):
        words = []  # "relief from the 50% U.S. duty": the preposition governs the rate's phrase, not the country
    elif start > 1 and text[start - 1] == " " and text[start - 2].isdigit():
        words = []  # "In 2024 Brazil raised ...": the preposition governs the year (the words skip numbers)
    last = words[-1] if words else ""
    if text.startswith("-", end):
        if _ROLE_MADE_AFTER.match(text, end):
            return "target", None, None  # "Chinese-made goods"
        if _ROLE_COMPOUND.match(text, end):
            return "other", None, None  # "U.S.-China trade war"
    if start > 1 and text[start - 1] == "-" and (text[start - 2].isalpha() or text[start - 2] == "."):
        return "other", None, None
    if (
        earlier
        and start - earlier[-1].end <= 8
        and (last in _COORDINATORS or text[earlier[-1].end : start].strip() == ",")
    ):
        previous = earlier[-1]  # "on Canada and Mexico"
        return previous.role, previous.head, _goods_after(text, end) if previous.role == "target" else None
    pair = tuple(words[-2:])
    if pair[-1:] == ("with",) and "without" in _tail_words(text, start, 6):
        return "other", None, None  # "from countries without a free trade agreement with Canada": not its partner
    if "transshipped" in words or "transhipped" in words:
        if last in ("through", "via"):
            return "target", None, None  # "goods transshipped through Thailand will still face 40%": it pays
        return "other", None, None  # "Goods transshipped from China will still face 40%": the route, not the target
    if last in ("on", "from") and "avoid" in _tail_words(text, start, 6):
        return "other", None, None  # "... to avoid higher rates on Chinese products": not the goods that pay
    if last in _SETTING_VERBS and _TO_A_RATE.match(text, end):
        return "target", None, None  # "cutting Taiwan to 15%", "raised India to 50%": the country a rate is set for
    if last == "from" and len(words) > 1 and words[-2] in _SHARE_ADVERBS:
        return "other", None, None  # "cheap imports, mostly from China,": where imports come from, not whose pay
    if last in _TARGET_BEFORE or pair in _TARGET_BEFORE_PAIRS:
        return "target", None, _goods_after(text, end)  # "on China", "imports from India", "built in Europe"
    if last in _PURCHASE_BEFORE or pair in _PURCHASE_BEFORE_PAIRS:
        return "other", None, None
    preposition_end = start - 4 if text.endswith("the ", 0, start) else start  # "15% in the United States"
    if last in ("in", "at") and len(words) > 1 and (words[-2] in _DUTY_NOUNS or _RATE_RIGHT_BEFORE.search(
            text, max(0, preposition_end - 20), preposition_end - len(last) - 1)):
        # the market that charges it: "face a 19 percent tariff in the United States", "17 percent at EU borders"
        return "destination", None, None
    if last in ("to", "into") and not _SHIPPED_WORDS.isdisjoint(words[:-1]):
        return "destination", None, None  # "exports to the United States": the market that taxes them
    if last in _ENTERING_WORDS:
        return "destination", None, None  # "Chinese modules entering Brazil pay 25%"
    following = _next_letter_words(text, end, 5)
    after = text[end : end + 70]
    if _DIGIT.search(after, 0, 12) and _BARE_RATE_AFTER.match(after):
        return "target", None, None  # "the European Union 20%, Japan 24%": a listed country's rate
    if after.startswith(("'s ", "’s ")) and _BARE_RATE_AFTER.match(after, 2):
        return "target", None, None  # "below Vietnam's 20%": the rate a country pays
    if (not _FACES_WORDS.isdisjoint(following) or following[:1] in (["which"], ["who"]) or after.startswith(", ")
            or not _STAY_OR_SEE.isdisjoint(following[:4])) and _ROLE_FACES_AFTER.match(text[end:end + 120]):
        return "target", None, _goods_after(text, end)  # "India faces a 50% tariff", "Swiss goods face"
    # Modifying a tariff or goods noun decides the role whatever the preposition: "of Chinese
    # imports" is a target, "at Trump's duties" an imposer.
    if not _TARIFF_LOOKING.isdisjoint(following[:4]):
        tariff = _ROLE_TARIFF_AFTER.match(after)
        if tariff and _tariff_noun_ok(text, end + tariff.start("noun"), tariff.group("noun")):
            if (last in _SETTING_VERBS and any(p.role == "subject" for p in earlier)
                    and not after.startswith(("'", "’"))):
                # "Trump order cuts Taiwan tariff": another actor sets the tariff the country pays
                return "target", None, None
            return "imposer", end + tariff.start("noun"), None
    goods_end = _goods_after(text, end)
    if goods_end is not None:
        return "target", None, goods_end
    if last == "by" and len(words) > 1 and words[-2] in _IMPOSE_PARTICIPLES:
        return "agent", None, None  # "the 25% duty imposed by Washington"
    if last == "for" and _RATE_BEFORE_FOR.search(text, max(0, start - 30), start):
        return "target", None, None  # "keeping it at 25% for Britain"
    if _DECISION_OF.match(text, end):
        return "subject", None, None  # "with the European Union's decision to double its tariff": who decides
    if last in _OTHER_BEFORE or pair in _OTHER_BEFORE_PAIRS:
        return "other", None, None  # "to Washington", "talks with Beijing", "according to the EU"
    return "subject", None, None


def _goods_after(text: str, end: int) -> int | None:
    """Where a goods noun phrase right after a country mention ends ("Chinese industrial goods").

    At most two modifiers may come first, and they are adjectives or nouns, not verbs: a word in
    -s or -ed there ("EU hits bourbon") is read as a verb, unless it ends a compound ("hot-rolled").
    Goods nouns are lower case, so "U.S. Steel" (the company) is not goods.
    """
    position = end + 2 if text.startswith(("'s", "’s"), end) else end
    starts, ends, _ = _letter_words(text)
    found = None
    first = bisect_left(starts, position)
    for index in range(first, min(first + 4, len(starts))):
        gap = text[position : starts[index]]
        hyphenated = gap == "-" and index > first  # "hot-rolled", "zinc-coated": one compound adjective
        if not hyphenated and (not gap or not gap.isspace()):
            break  # the words must follow one another
        value = text[starts[index] : ends[index]]
        if value in _GOODS_WORDS:
            found = ends[index]
        elif (found is not None or not value.islower() or value in _STOP_WORDS or value in _IRREGULAR_VERBS
              or (value.endswith(("s", "ed")) and not hyphenated)):
            break
        position = ends[index]
    return found


def _nearest(
    parties: list[Party],
    position: int,
    roles: tuple[str, ...],
    lo: int,
    hi: int,
    exclude: str | None = None,
    before_only: bool = False,
) -> Party | None:
    """The party with one of `roles` in [lo, hi) nearest to `position` (earlier ones first on ties)."""
    best = None
    best_distance = None
    for party in parties:
        if party.role not in roles or party.start < lo or party.end > hi or party.iso2 == exclude:
            continue
        if before_only and party.start >= position:
            continue
        distance = position - party.end if party.start < position else (party.start - position) + 0.5
        if best_distance is None or distance < best_distance:
            best, best_distance = party, distance
    return best


# ---------------------------------------------------------------------------------------------
# Goods
# ---------------------------------------------------------------------------------------------


def _goods(
    text: str, rate: Rate, parties: list[Party], clause: tuple[int, int], follows_rate: bool
) -> tuple[str | None, int, int]:
    """What the rate covers as written, and its span in the sentence ((None, -1, -1) when not stated)."""
    anchors = [rate.end]
    range_end = _RANGE_END.match(text, rate.end)
    if range_end is not None:
        anchors.append(range_end.end())  # "duties of between 14.3% and 71.2% on plywood": the range's goods
    if rate.governor and rate.governor[1] > rate.end:
        anchors.insert(0, rate.governor[1])
    if rate.governor and rate.governor[1] <= rate.start:
        anchors.append(rate.governor[1])
    for anchor in anchors:
        on = _ON_BEFORE_GOODS.match(text, anchor)
        if on and on.end() - anchor <= 12:
            found = _goods_phrase(text, on.end())
            if found[0]:
                return found
    lead_end = rate.start if rate.governor is None else min(rate.start, rate.governor[0])
    if "with" in text[max(0, lead_end - 40) : lead_end]:
        hit = _HIT_WITH.search(text, max(0, rate.start - 140), lead_end)
        if hit:
            return _goods_phrase(text, hit.start("goods"), hit.end("goods"))
    if "appl" in text[rate.end : rate.end + 40] or "extend" in text[rate.end : rate.end + 40]:
        applies = _APPLY_TO.search(text, rate.end, rate.end + 60)
        if applies:
            return _goods_phrase(text, applies.end())
    # Goods named as the subject: "Chinese imports, currently taxed at 10 percent, will ...". After
    # another rate of the clause, goods named in passing ("purchases of Russian oil") are not its own.
    named = (
        []
        if follows_rate
        else [p for p in parties if p.goods_end is not None and clause[0] <= p.start < clause[1]]
    )
    if named:
        # the goods named before the rate ("Chinese cars pay 50%, South Korean auto parts 35%"), else after it
        before = [p for p in named if p.start < rate.start]
        party = max(before, key=lambda p: p.start) if before else min(named, key=lambda p: p.start)
        # from the first of coordinated countries sharing the goods: "Australian and New Zealand steel"
        for earlier in sorted((p for p in named if p.start < party.start), key=lambda p: -p.start):
            if earlier.goods_end != party.goods_end or not _joined(text, earlier, party):
                break
            party = earlier
        return _goods_phrase(text, party.start, party.goods_end)
    return None, -1, -1


def _goods_phrase(text: str, start: int, end: int | None = None) -> tuple[str | None, int, int]:
    """The goods phrase starting at `start` (ending at `end` when known), extended over a list.

    "on chicken, wheat, corn and cotton, and a 10% tariff on ..." gives "chicken, wheat, corn and
    cotton"; at most _MAX_GOODS_WORDS words are kept.
    """
    if end is None:
        end = _phrase_end(text, start)
    if end <= start:
        return None, -1, -1
    while text.startswith(",", end):
        item_start = end + 1
        while item_start < len(text) and text[item_start] == " ":
            item_start += 1
        first = _GOODS_TOKEN.match(text, item_start)
        if first is None or first.group(0).lower() in _NOT_LIST_ITEM or first.group(0)[:1].isdigit():
            break  # "steel and aluminum, 50% on copper": the next item is a rate of its own
        item_end = _phrase_end(text, item_start)
        # An item closes the list at a comma or the end, or is its last item ("steel and textiles").
        item = text[item_start:item_end]
        last_item = " and " in item or " or " in item
        closes = item_end >= len(text) or text[item_end] in ",." or last_item
        limit = _MAX_GOODS_WORDS if last_item else _MAX_LIST_ITEM_WORDS
        if item_end <= item_start or not closes or len(item.split()) > limit:
            break
        end = item_end
    if len(text[start:end].split()) > _MAX_GOODS_WORDS:
        end = start + list(_NON_SPACE_RUN.finditer(text[start:end]))[_MAX_GOODS_WORDS - 1].end()
    return text[start:end], start, end


def _phrase_end(text: str, start: int) -> int:
    """Where a noun phrase of goods starting at `start` ends: before punctuation, a clause word
    (to, if, that, will...), a time ("on Friday", "from September", "in 2025"), an amount starting
    another item ("and 10% on aluminum") or a verb ("took effect")."""
    tokens = list(_GOODS_TOKEN.finditer(text, start, min(len(text), start + 110)))
    end = start
    # Each token is lower-cased once: as the next word, then as the word, then as the previous one.
    previous = ""
    next_lower = tokens[0].group(0).lower() if tokens else ""
    for index, token in enumerate(tokens):
        word = token.group(0)
        if word in ',;:!?()"“”':
            break
        word_lower = next_lower
        next_lower = tokens[index + 1].group(0).lower() if index + 1 < len(tokens) else ""
        low = word_lower.rstrip(".")
        following = next_lower.rstrip(".")
        if index == 0 and (
            low in _TIME_WORDS or low[:1].isdigit() and (following in _TIME_WORDS or _YEAR.fullmatch(low))
        ):
            return start  # "on Friday", "on 2 April", "from 2026": a time, not goods
        if _ends_phrase(low, following, previous):
            break
        if (
            low == "and"
            and index + 2 < len(tokens)
            and tokens[index + 2].group(0)[:1].isdigit()
            and (following in ("a", "an") or following == "the" and _GLOBAL_GOODS.fullmatch(text[start:end]))
        ):
            # "on chicken and corn, and a 10% tariff on ...", "on most imports and the 35% duty on Canadian goods"
            # (only after everyone's goods: after other goods, "and the" may still join goods)
            break
        end = token.end()
        if word.endswith(".") and not _ABBREVIATION.fullmatch(word):
            end -= 1  # the sentence's full stop
            break
        previous = word_lower
    return end


def _ends_phrase(word: str, following: str, previous: str) -> bool:
    """True when `word` (lower case, with its neighbours) starts what follows a goods phrase."""
    if word in _GOODS_STOP:
        return not (word == "to" and previous == "up")  # "on up to $400 billion of goods"
    if word in _VERB_AFTER_GOODS:
        return True
    timed = following in _TIME_WORDS or following[:1].isdigit()
    if word in ("on", "in", "at") and timed:
        return True
    if word == "in" and following in ("response", "retaliation", "return"):
        return True
    if word in ("next", "last", "this", "that", "each", "every") and following in _PERIOD_WORDS:
        return True  # "on Indian goods next month"
    if word == "from" and (timed or following.startswith("$")):
        return True
    if word == "for" and (
        following[:1].isdigit() or following in ("the", "a", "an", "another", "several", "up")
    ):
        return True
    return word == "and" and following[:1].isdigit()


# ---------------------------------------------------------------------------------------------
# Change, previous rate and mention
# ---------------------------------------------------------------------------------------------


def _change(text: str, rate: Rate, clause: tuple[int, int]) -> str:
    """raised | lowered | set | threatened | removed, from the wording around the rate."""
    lead_start = max(clause[0], rate.start - 90)
    if rate.governor and rate.governor[0] < rate.start:
        lead_start = max(clause[0], min(lead_start, rate.governor[0] - 30))  # "raise tariffs on ... to 50%"
    lead_end = rate.start if rate.transition_start is None else rate.transition_start
    if not rate.previous and (
        _removes(text, lead_start, lead_end, rate) or _removes_governor(text, rate, clause)
    ):
        return "removed"
    if _has_condition(text) or _threatening(
        text, lead_start, lead_end, text[rate.end : min(clause[1], rate.end + 50)]
    ):
        return "threatened"
    if rate.previous is not None and rate.previous != rate.value:
        return "raised" if rate.value > rate.previous else "lowered"
    if any(w.lower() in _LAYER_WORDS for w in _WORD.findall(text, max(0, rate.start - 30), rate.start)[-2:]):
        return "raised"  # "an additional 25% tariff"
    for _start, _end, word in reversed(_words_in(text, lead_start, lead_end, _SPAN_VERBS)):
        if word in _KEEP_WORDS:
            return "set"
        if word in _LOWER_WORDS:
            return "lowered"
        if word in _RAISE_WORDS:
            return "raised"
    return "set"


def _removes(text: str, lead_start: int, lead_end: int, rate: Rate) -> bool:
    """True when a verb of removal governs the rate: "suspend 24% of", "scrap the 10% levy".

    "drop" removes only a layer ("drop 24% of the tariffs"); before a plain rate it is a fall.
    """
    tail = _words_between(text, max(lead_start, lead_end - 40), lead_end)[2][-4:]
    if "to" in tail:
        return False
    for index in range(len(tail) - 1, -1, -1):
        word = tail[index]
        if word in _REMOVE_WORDS and (word != "back" or index > 0 and tail[index - 1].startswith("roll")):
            between = tail[index + 1 :]
            modifiers = [w for w in between if w not in _DETERMINERS]
            if len(modifiers) <= 2:
                return not word.startswith("drop") or rate.of_layer
            return False
    return False


def _removes_governor(text: str, rate: Rate, clause: tuple[int, int]) -> bool:
    """True when a verb of removal governs the tariff noun of the rate: "suspended a first package
    of retaliatory tariffs of up to 25%", "scrap the tariffs of 10%"."""
    if rate.governor is None or rate.governor[0] > rate.start or rate.governor[0] == rate.governor[1]:
        return False
    if _ends_with_word(text, rate.num_start, "to"):
        return False  # "lift tariffs on Chinese goods to 25 percent" raises them
    words = _words_between(text, max(clause[0], rate.governor[0] - 50), rate.governor[0])[2][-6:]
    for index in range(len(words) - 1, -1, -1):
        if words[index] in _REMOVE_WORDS and not words[index].startswith("drop") and words[index] != "back":
            return len([w for w in words[index + 1 :] if w not in _DETERMINERS]) <= 4
    return False


@lru_cache(maxsize=256)
def _has_condition(sentence: str) -> bool:
    """True when the sentence makes the rate conditional ("if Beijing retaliates")."""
    return _CONDITION_WORD.search(sentence.lower()) is not None


def _threatening(text: str, lead_start: int, lead_end: int, tail: str) -> bool:
    """True when the clause presents the rate as a threat or plan rather than a decision.

    The words before the rate in its clause are looked at, and the words right after it ("the 30%
    rate Trump had threatened").
    """
    starts, _, words = _words_between(text, lead_start, lead_end)
    # Only the rate's own subclause: in "China vowed to retaliate after Trump imposed a 34% tariff"
    # the vow is not about the 34%.
    for index in range(len(words) - 1, -1, -1):
        if words[index] in _SUBORDINATORS:
            starts, words = starts[index + 1 :], words[index + 1 :]
            break
    for index, low in enumerate(words):
        # "May" opening a sentence may be the month; the modal is written in lower case.
        if low in _THREAT_WORDS or low == "may" and text.startswith("may", starts[index]):
            return True
        if low in ("plan", "plans") and index + 1 < len(words) and words[index + 1] == "to":
            return True
        if low == "hold" and index > 1 and words[index - 1] == "on" and words[index - 2] == "put":
            return True
        if low == "would" and any(w in _WOULD_THREAT_VERBS for w in words[index + 1 : index + 3]):
            return True
    return bool(_THREAT_TAIL.match(tail))


def _previous_from_multiplier(text: str, rate: Rate) -> float | None:
    """The earlier rate implied by "doubling ... to 50%" (25), "tripling ... to 75%" (25)."""
    starts, _, words = _words_between(text, rate.start - 100, rate.num_start)
    if not words or words[-1] != "to":
        return None
    for index in range(len(words) - 1, max(-1, len(words) - 15), -1):
        for stem, factor in _MULTIPLIERS.items():
            if words[index].startswith(stem):
                if _DOC_UNIT_HINT.search(text, starts[index], rate.num_start):
                    return None  # "doubled from 25% to 50%" states the previous rate itself
                return rate.value / factor
    return None


def _mention_span(
    text: str, rate: Rate, goods_span: tuple[int, int], clause: tuple[int, int]
) -> tuple[int, int]:
    """The minimal natural phrase for the rate: "a 39% tariff on Swiss goods", "drop from 145% to 30%"."""
    start, end = rate.start, rate.end
    if rate.transition_start is not None:
        # "tariffs on Chinese goods will rise from 25% to 30%": the verb and its transition suffice.
        verbs = _words_in(
            text, max(clause[0], rate.transition_start - 40), rate.transition_start, _SPAN_VERBS
        )
        if verbs and len(text[verbs[-1][1] : rate.transition_start].split()) <= 3:
            return verbs[-1][0], end
    if rate.governor:
        g_start, g_end = rate.governor
        # In "tariffs of 25% on steel, and of 10% on aluminum" the second phrase starts at its own rate.
        own_start = rate.transition_start if rate.transition_start is not None else rate.num_start
        # "a 25% levy announced last week, taking the total to 50%": that levy heads another rate.
        shared = g_end <= rate.start and (
            _DOC_UNIT_HINT.search(text, g_end, own_start) or _heads_other_rate(text, g_start)
        )
        # A governor far back ("a 25% levy announced last week, taking the total to 50%") is evidence,
        # not part of the phrase.
        near_end = goods_span[1] if goods_span[0] >= 0 and 0 <= goods_span[0] - g_end <= 4 else g_end
        far = g_end <= rate.start and len(text[near_end:own_start].split()) > _MAX_SPAN_GAP_WORDS
        if not (shared or far):
            start, end = min(start, g_start), max(end, g_end)
    if rate.transition_start is not None:
        start = min(start, rate.transition_start)
    window_start = max(0, start - 40)
    window_start = max(
        window_start,
        text.rfind(",", window_start, start) + 1,
        text.rfind(";", window_start, start) + 1,
        text.rfind(":", window_start, start) + 1,
    )
    words = list(_WORD.finditer(text, window_start, start))
    if rate.pre_nominal or rate.of_layer or (rate.governor and rate.governor[0] > rate.start):
        # "an additional 25% tariff", "up to 50%": the article or approximator opens the phrase.
        index = len(words)
        while index and words[index - 1].group(0).lower() in _RATE_MODIFIERS:
            index -= 1
        if index and words[index - 1].group(0).lower() in _ARTICLES:
            start = words[index - 1].start()
        else:
            index = len(words)
            while index and words[index - 1].group(0).lower() in _RATE_APPROX:
                index -= 1
            if index < len(words):
                start = words[index].start()
    else:
        index = len(words)
        while index and words[index - 1].group(0).lower() in _NOUN_MODIFIERS:
            index -= 1
        if index < len(words):
            start = words[index].start()  # "retaliatory duties of 5 or 10 percent"
    if goods_span[0] >= 0 and goods_span[0] >= end - 1 and goods_span[0] - end <= 12:
        end = goods_span[1]  # "a 39% tariff on Swiss goods"
    # A verb governing the rate just before the phrase ("raise tariffs to 25 percent", "suspend 24%
    # of"); a pre-nominal rate is a noun phrase of its own ("keep a 10% baseline tariff").
    lead_start = max(clause[0], start - 60)
    verbs = [] if rate.pre_nominal else _words_in(text, lead_start, start, _SPAN_OPENING_VERBS)
    if verbs:
        verb_start, verb_end, _ = verbs[-1]
        gap = text[verb_end:start]
        if len(gap.split()) <= 3 and "," not in gap and ";" not in gap and ":" not in gap:
            start = verb_start
    if rate.alternative_start is not None:
        start = min(start, rate.alternative_start)
    return start, end


def _heads_other_rate(text: str, noun_start: int) -> bool:
    """True when the tariff noun at `noun_start` is the head of a pre-nominal rate ("a 25% levy")."""
    units = list(_DOC_UNIT_HINT.finditer(text, max(0, noun_start - 30), noun_start))
    if not units:
        return False
    unit = units[-1]
    between = text[unit.end() : noun_start].split()
    return len(between) <= 2 and not _STOP_WORDS.intersection(w.lower() for w in between)


# ---------------------------------------------------------------------------------------------
# Who imposes the rate on whom
# ---------------------------------------------------------------------------------------------


def _resolve(
    text: str,
    rate: Rate,
    parties: list[Party],
    clause: tuple[int, int],
    goods_span: tuple[int, int],
    context: Context,
    sentence_rows: list[dict],
    sentence_no: int,
) -> list[tuple[str | None, str | None]]:
    """(imposer, target) pairs of a rate: one, one per coordinated target, or both directions."""
    position = rate.start
    head = rate.governor[0] if rate.governor else None
    lo, hi = clause
    theirs = _theirs_on_goods(text, parties, rate)
    if theirs is not None:
        return [theirs]  # "..., and China's on U.S. goods to 125%
    # the country whose tariff the rate's own noun is: no target of it found nearby ("concessions on US goods in
    # response to the 25 per cent American tariff on automobiles")
    own_imposer = next((p.iso2 for p in parties if p.role == "imposer" and head is not None and p.head == head), None)
    in_goods = (
        [
            p
            for p in parties
            if goods_span[0] <= p.start
            and p.end <= goods_span[1]
            and p.role not in ("other", "both", "destination")
        ]
        if goods_span[0] >= 0
        else []
    )
    targets = list(dict.fromkeys(p.iso2 for p in in_goods))
    if targets and goods_span[0] >= 0 and _ANY_BUYERS.match(text, goods_span[0]):
        targets = []  # "on countries that buy Russian oil": the country named is not the one taxed
    if targets and _pre_nominal_everyone(text, rate):
        targets = []  # "on top of the 10% duty all imported cars pay": not the goods of the tariff before
    imposer_party = None
    payers: list[str] = []  # the countries that pay the rate, by the verb before it: none of them imposes it
    listed = None if rate.pre_nominal else _listed_country(text, parties, rate)
    compared = None  # "puts India below Vietnam's 20%": the rate a country named only to compare pays
    if listed is None and not targets and not rate.pre_nominal:
        listed = compared = _possessive_before(text, parties, rate)
    if listed is not None:
        # "Goods from China will face a 34% levy, the European Union 20%, Japan 24%": each country
        # named right before a bare rate is the target of that rate, taxed by the same imposer.
        targets = _coordinated(text, parties, listed) if listed.goods_end is not None else [listed.iso2]
        for row in reversed(sentence_rows):
            if row["_clause"] == clause:
                return [(row["imposing_country_iso2"], target) for target in targets]
    label = context.label
    labels_rate = label is not None and rate.start == label.end
    if (context.markets_target is not None and label is not None and label.countries
            and context.markets_target not in label.countries
            and all(t in label.countries or t == context.markets_target for t in targets)):
        # every rate of a line labelled with its market in a list of what one country's goods pay: "United
        # States, corrosion-resistant sheet — anti-dumping deposits of 39.1% to 196.7%"
        return _market_rows(text, label.countries, context.markets_target)
    if labels_rate and label.countries:
        if context.markets_target is None and context.imposer is None and context.target \
                and context.target not in label.countries and set(targets) <= set(label.countries):
            # "Chinese EVs face a patchwork of duties abroad. - Brazil: 35%": a list of what one country's goods pay
            # in each market, the markets imposing
            context.markets_target = context.target
        if context.markets_target is not None and context.markets_target not in label.countries:
            return _market_rows(text, label.countries, context.markets_target)
        targets = list(label.countries)  # "- Indonesia, the Philippines and Thailand: 19%"
    if context.header_market is not None:
        # under a market's header in a list of what one country's goods pay: that market's charges on them
        own = [target for target in targets if target != context.header_market]
        if _FROM_EVERYONE.search(text) or (not own and _is_global(text, rate, parties, lo, goods_span)):
            own = [None]
        return [(context.header_market, target) for target in own or [context.markets_target]]
    # (a pre-nominal rate's clause follows its tariff noun; a bare rate's follows the rate, or its range)
    relative_names_parties = (not targets and rate.governor is not None) if rate.pre_nominal else len(targets) <= 1
    if relative_names_parties:
        # "in response to the 100% surtax that Ottawa put on Chinese electric vehicles", "the duties of between 40%
        # and 60% that Thailand charges on U.S. motorcycles": the rate's own relative clause names who imposed it
        # and on whom
        if rate.pre_nominal:
            clause_start = rate.governor[1]
        else:
            range_end = _RANGE_END.match(text, rate.end)
            clause_start = range_end.end() if range_end is not None else rate.end
        actor_goods = _relative_actor_and_target(text, parties, clause_start)
        if actor_goods is None and not rate.pre_nominal:
            actor_goods = _which_actor_set(text, parties, rate)
        if actor_goods is not None and targets in ([], [actor_goods[1].iso2]):
            imposer_party, target_party = actor_goods
            targets = [target_party.iso2]
    if not targets and goods_span[0] >= 0 and _OWN_GOODS.match(text, goods_span[0]):
        targets, imposer_party = _own_goods(text, parties, position, clause, goods_span)
    if not targets:
        # "20.8% for China, 19.4% for India", "the 15% rate for the European Union and Japan": the country right
        # after "for" is this rate's target; "the 18% rate India secured": the country that got it
        phrase_end = rate.governor[1] if rate.pre_nominal and rate.governor else rate.end
        after_for = _RATE_FOR_AFTER.match(text, phrase_end)
        if after_for is not None:
            first = _country_at(parties, after_for.end())
            if first is not None:
                targets = _coordinated(text, parties, first) if rate.pre_nominal else [first.iso2]
        elif text.startswith(" (", rate.end):
            # "35% (Canada) and 25% (Mexico)"
            bracketed = _country_at(parties, rate.end + 2)
            if bracketed is not None and text.startswith(")", bracketed.end):
                targets = [bracketed.iso2]
                for row in reversed(sentence_rows):
                    if row["_clause"] == clause:  # the list's imposer, not the country in the brackets before
                        return [(row["imposing_country_iso2"], bracketed.iso2)]
        elif (paid_by := _PAID_BY.match(text, phrase_end)) is not None:
            # "the 15% paid by the European Union"
            payer = _country_at(parties, paid_by.end())
            targets = [payer.iso2] if payer is not None else []
        elif rate.pre_nominal:
            got = _COUNTRY_GOT_RATE.match(text, phrase_end)
            first = _country_at(parties, got.end()) if got is not None else None
            if first is not None and _GOT_VERB.match(text, first.end):
                targets = [first.iso2]
    # "- Steel and aluminum: 50%, except Britain at 25%": the line's first rate is on everyone's steel
    # (a list under a country's header is of the rates on that country's goods)
    global_goods = not targets and (labels_rate and label.goods and not context.header_target
                                    or _is_global(text, rate, parties, lo, goods_span))
    if not targets and not global_goods and (payer := _subject_before_appositive(text, parties, position)):
        targets = payers = _coordinated(text, parties, payer)  # "Spain's Litera Group, which ..., gets 4.9%"
    if not targets and not global_goods and not _PAYS_OR_CAPPED.isdisjoint(_tail_words(text, rate.start, 3)):
        # "Indian goods will pay 25%", "Danish Crown will pay 11.6%": who pays stands right before the rate
        payer = _nearest(parties, position, ("target", "subject"), lo, hi, before_only=True)
        if payer is not None and position - payer.end <= 25:
            targets = payers = _coordinated(text, parties, payer)
    if not targets and not global_goods and (paid := _PAYS_RATE_OF.search(text, max(lo, position - 60), position)):
        # "every other European exporter pays the residual rate of 19.8%": the payer right before the verb
        payer = _nearest(parties, paid.start(), ("target", "subject"), lo, hi, before_only=True)
        if payer is not None and paid.start() - payer.end <= 25:
            targets = payers = _coordinated(text, parties, payer)
    if not targets and not global_goods:
        # A rate without goods of its own continues the previous rate of its clause ("..., bringing
        # the total duty to 50%") before any other country the clause happens to name.
        for row in reversed(sentence_rows):
            if row["_clause"] == clause and row["target_country_iso2"]:
                targets = [row["target_country_iso2"]]
                break
    if (not targets and not global_goods and not context.header_target and not _is_trade_remedy(text, rate)
            and (_names_sector(text, goods_span) or _sector_before(text, rate) or _sector_at(text, rate)
                 or (context.label is not None and context.label.goods))
            and _nearest(parties, position, ("target",), lo, hi, own_imposer) is None
            and not any(row["target_country_iso2"] for row in sentence_rows)):
        # "Trump imposed a 50% tariff on semi-finished copper products": a sector tariff on no country named
        # in its clause is on all of them, whatever country the article is about; in a sentence of rates on
        # one country it is one more ("15% on U.S. chicken ... and an extra 10% on soybeans")
        global_goods = True
    if not targets and not global_goods:
        # Only the rate's own clause: "a 10% universal tariff applies to most countries, while imports
        # from China face 55%" does not make the 10% a tariff on China.
        target = None
        if not _FACE_WORDS.isdisjoint(_tail_words(text, rate.start, 3)):
            # "the European Union faces 15%, Japan 15%": who faces the rate comes before it.
            target = _nearest(parties, position, ("target",), lo, hi, before_only=True)
        target = target or _nearest(parties, position, ("target",), lo, hi, own_imposer)
        targets = _coordinated(text, parties, target) if target else []
        its_goods = None if targets else (_ITS_GOODS.match(text, lo)
                                          or _ITS_GOODS_NEAR.search(text, max(lo, position - 50), position)
                                          or (_ITS_GOODS.match(text) if lo > 0 else None))
        if its_goods is not None:
            # "Taiwan ... is negotiating separately. Its goods currently face a 20% tariff", "For Vietnam, ...,
            # there is no cap: its exporters pay the full 25%": whose goods
            before = [p for p in parties
                      if p.iso2 and p.end <= its_goods.start() and p.role in ("subject", "target", "other")]
            earlier = [p for p in _parties(context.doc.sentences[sentence_no - 1].text) if p.iso2] \
                if sentence_no > 0 else []
            if before:
                targets = [before[0].iso2]
            elif earlier and earlier[0].role in ("subject", "target"):
                targets = [earlier[0].iso2]
    if head is not None and imposer_party is None:
        for party in parties:
            if party.role == "imposer" and party.head == head and party.iso2 not in targets:
                imposer_party = party
        if (imposer_party is not None and not targets and context.imposer != imposer_party.iso2
                and text.startswith(("'s", "’s"), imposer_party.end) and text[head:head + 4].lower() == "rate"
                and (context.imposer is not None or _other_actor_named(parties, imposer_party))):
            # "Japan's rate was set at 15%" in a story of U.S. tariffs, "Taiwan's rate falls to 15% under an order
            # Trump signed": the rate the country was given
            targets, imposer_party = [imposer_party.iso2], None
    if compared is None and targets and _RELATIVE_PAYER.search(text, max(lo, position - 60), position):
        # "above the European Union and Japan, which pay 15%": the main clause's subject is not the imposer
        compared = next((p for p in parties if p.iso2 == targets[-1]), None)
    if imposer_party is None and compared is None:
        exclude = targets[0] if len(targets) == 1 else None
        imposer_party = (
            _nearest(parties, position, ("agent",), lo, hi, exclude)
            or _nearest(parties, position, ("subject", "imposer"), lo, hi, exclude, before_only=True)
            or _nearest(parties, position, ("destination",), lo, hi, exclude)
            or _nearest(parties, position, ("subject", "imposer"), 0, lo, exclude, before_only=True)
            or _nearest(parties, position, ("imposer",), lo, hi, exclude)
        )
        if (imposer_party is not None and not targets and imposer_party.role == "subject"
                and _speaks_about(text, imposer_party, rate)):
            # "Germany's Merz said a 30% rate would be a disaster": a speaker about a rate on no one named is
            # not its imposer ("Beijing said a 10% tariff on U.S. soybeans ..." is)
            imposer_party = None
        body = _UNNAMED_BODY.search(text, lo, position) if context.home else None
        if (body is not None and context.home not in targets
                and (imposer_party is None or imposer_party.start > position)
                and not any(body.start() <= p.start < body.end() and p.iso2 != context.home for p in parties)):
            # "NEW DELHI: The finance ministry on Monday imposed a duty of 12 per cent ...": a ministry named
            # without its country acts for the dateline's (not "the Commerce Department", Washington's, in a story
            # from Santiago)
            imposer_party = Party(lo, lo, context.home, "subject")
        if imposer_party is None and context.section_home and context.section_home not in targets:
            # a brief's numbered section ("1. Turkey: EV surcharge raised to 50%") is about its country's
            # own measures
            imposer_party = Party(lo, lo, context.section_home, "subject")
        if imposer_party is not None and imposer_party.iso2 in payers:
            imposer_party = None  # "EU and Japan capped at 15%": both pay
        if imposer_party is not None and labels_rate and imposer_party.iso2 in label.countries:
            imposer_party = None  # "- Israel, New Zealand, Norway, Turkey - 15%": the line's countries all pay
        if imposer_party is not None and imposer_party.iso2 in targets and len(targets) > 1:
            targets.remove(imposer_party.iso2)
    if imposer_party is None and sentence_no > 0 and _IT_ACTS.search(text, lo, position):
        # "In its Feb. 1 budget it cut the duty on large motorcycles to 30%": the country the sentences before
        # are about
        actor = context.recent_actor(sentence_no - 1, targets[0] if len(targets) == 1 else None)
        if actor:
            imposer_party = Party(lo, lo, actor, "subject")
    both = _nearest(parties, position, ("both",), lo, hi)
    if imposer_party is None and both is not None and not targets:
        first, second = context.imposer, context.target
        if not (first and second):
            first = context.parties[-1] if context.parties else None
            second = context.counterpart(first)
        if first and second:
            return [(first, second), (second, first)]
    imposer = imposer_party.iso2 if imposer_party else None
    if imposer is None:
        for row in reversed(sentence_rows):
            if targets and row["target_country_iso2"] == targets[0]:
                imposer = row["imposing_country_iso2"]
                break
        else:
            # "U.S. soybeans still pay 13% ..., against 3% for Brazilian beans": one more target of the
            # sentence's imposer
            imposer = next((row["imposing_country_iso2"] for row in reversed(sentence_rows)
                            if targets and row["imposing_country_iso2"]
                            and row["imposing_country_iso2"] not in targets), None)
        if imposer is None:
            # a rate on everyone's goods ("a 25% levy on imported cars") is no continuation of the rates before
            continues = not global_goods and not any(lo <= p.start < hi or p.role in _ACTOR_ROLES for p in parties)
            no_actor = not any(p.role in _IMPOSER_ROLES for p in parties)
            imposer = _implicit_imposer(targets, context, sentence_no, continues, no_actor)
    if imposer is None and context.home is not None and context.home not in targets:
        imposer = context.home  # "NEW DELHI: ... - Solar glass: basic customs duty raised to 20%": the dateline's
    if imposer in EU_MEMBERS:
        imposer = EU  # member states have no tariffs of their own: "Germany's Merz said Europe would ..."
    if global_goods:
        targets = [None]  # "a 10% tariff on all imports", "on any country that buys Russian oil"
    if not targets and context.label is not None and context.label.countries:
        # "- India: 50%, after a 25% penalty ... was added": the line's rates are on the countries it lists
        targets = [country for country in context.label.countries if country != imposer]
    if not targets and context.header_target and context.header_target != imposer:
        targets = [context.header_target]  # "SWITZERLAND: The 39% rate imposed in August will fall to 15%"
    if not targets:
        target = _implicit_target(imposer, context, sentence_rows)
        if (
            target is None
            and imposer_party is not None
            and imposer_party.role == "agent"
            and not context.parties
        ):
            # "India's commerce ministry said the 25% duty imposed by Washington was unjustified":
            # with nothing else to go on, the country that speaks about the tariff is the one hit.
            speaker = _nearest(parties, 0, ("subject",), 0, position, imposer)
            target = speaker.iso2 if speaker else None
        targets = [target]
    return [(imposer, target if target != imposer else None) for target in targets]


def _subject_before_appositive(text: str, parties: Sequence[Party], rate_start: int) -> Party | None:
    """The country that pays or gets a rate when an appositive stands between them: "Taiwan, home of the
    world's largest contract chipmaker, gets 20%"."""
    for party in parties:
        if party.iso2 and party.role in ("subject", "target") and party.end < rate_start \
                and _APPOSITIVE_PAYS.fullmatch(text, party.end, rate_start):
            return party
    return None


def _theirs_on_goods(text: str, parties: Sequence[Party], rate: Rate) -> tuple[str, str] | None:
    """(imposer, target) of a rate whose tariff noun is left out after a possessive: "U.S. tariffs on Chinese
    goods reached 145%, and China's on U.S. goods 125%"."""
    theirs = _THEIRS_ON_GOODS.search(text, max(0, rate.start - 60), rate.start)
    if theirs is None:
        return None
    owner = next((p for p in parties if p.iso2 and theirs.start() < p.start < rate.start
                  and text.startswith(("'s on ", "’s on "), p.end)), None)
    if owner is None:
        return None
    target = next((p for p in parties if p.iso2 and owner.end < p.start < rate.start and p.iso2 != owner.iso2), None)
    return (owner.iso2, target.iso2) if target is not None else None


def _relative_actor_and_target(text: str, parties: Sequence[Party], noun_end: int) -> tuple[Party, Party] | None:
    """(actor, target) named by the relative clause right after a tariff noun: "the 100% surtax that Ottawa put
    on Chinese electric vehicles", "the 25% duties which Washington imposed on Canadian steel"."""
    relative = _RELATIVE_ACTOR.match(text, noun_end)
    if relative is None:
        return None
    actor = _country_at(parties, relative.end())
    if actor is None:
        return None
    clause_end = text.find(",", actor.end)
    clause_end = len(text) if clause_end < 0 else clause_end
    target = next((p for p in parties if p.iso2 and p.role == "target" and actor.end < p.start < clause_end
                   and p.iso2 != actor.iso2), None)
    return (actor, target) if target is not None else None


def _market_rows(text: str, markets: Sequence[str], exporter: str) -> list[tuple[str, str | None]]:
    """(market, exporter) for each market of a factbox line; on everyone's goods "from all sources"."""
    target = None if _FROM_EVERYONE.search(text) else exporter
    return [(market, target) for market in markets]


def _which_actor_set(text: str, parties: Sequence[Party], rate: Rate) -> tuple[Party, Party] | None:
    """(actor, target) of a rate in a relative clause on a country that names who set it: "competitors in Malaysia,
    which Washington cut to 15% from 19%", "Vietnam, whose goods Washington taxes at 20%"."""
    clause = _WHICH_ACTOR_SET.search(text, max(0, rate.start - 80), rate.start)  # (it ends at the rate: "$")
    if clause is None:
        return None
    target = next((p for p in parties if p.iso2 and p.end == clause.start()), None)
    actor = _country_at(parties, clause.start("actor"))
    if target is None or actor is None or actor.iso2 == target.iso2:
        return None
    return actor, target


def _other_actor_named(parties: Sequence[Party], party: Party) -> bool:
    """Whether the sentence names another country that may impose ("under an order Trump signed")."""
    return any(p.iso2 and p.iso2 != party.iso2 and p.role in _IMPOSER_ROLES for p in parties)


def _speaks_about(text: str, party: Party, rate: Rate) -> bool:
    """True when `party` only speaks about the rate: a speech verb follows it and the rate opens what was
    said ("Merz said a 30% rate would be a disaster"), unlike "Beijing said it would impose a 10% tariff"."""
    said = _SPEECH_THEN_RATE.search(text, party.end, rate.start + 1)
    return said is not None and said.end() == rate.start and len(text[party.end:said.start()].split()) <= 4


def _is_global(text: str, rate: Rate, parties: Sequence[Party], clause_start: int,
               goods_span: tuple[int, int]) -> bool:
    """Whether a rate without a target country of its own is a global tariff: a tariff called global,
    goods that are everyone's ("all imports", "any country that buys Russian oil"), or goods named without a
    country as imports ("pharmaceutical imports") or under a country's own import tariff ("China cut its
    import tariff on passenger cars")."""
    called = _GLOBAL_TARIFF.search(text, max(clause_start, rate.start - 40), rate.end + 40)
    if called is not None:
        # the rate's own tariff, not the one of a rate next to it ("the 3% MFN duty plus the 10% tariff")
        if rate.governor and rate.governor[0] != rate.governor[1]:
            if called.start() <= rate.governor[0] < called.end():
                return True
        else:
            between = text[called.end():rate.start] if called.end() <= rate.start else text[rate.end:called.start()]
            if not _DIGIT.search(between):
                return True
    if _pre_nominal_everyone(text, rate):
        return True
    non_partners = _NON_PARTNERS.search(text, max(clause_start, rate.start - 80), rate.end + 100)
    if non_partners is not None:
        # "a 50-per-cent surtax if they come from countries without a free trade agreement", not the next rate's
        between = text[non_partners.end():rate.start] if non_partners.end() <= rate.start \
            else text[rate.end:non_partners.start()]
        own_targets = any(p.role == "target" and rate.end <= p.start < rate.end + 40 for p in parties)
        if not _DIGIT.search(between) and not own_targets:  # "..., and 25 per cent from partners such as Britain"
            return True
    if _FOR_MANY_COUNTRIES.search(text, clause_start, rate.start):
        return True  # "new reciprocal rates for around 70 economies, ranging from 10% to 41%"
    if _AVERAGE_TARIFF.search(text, max(clause_start, rate.start - 80), rate.start):
        return True  # "the average effective U.S. tariff rate will rise to about 18%": on all imports
    everyone = _FROM_EVERYONE.search(text, clause_start, rate.start)
    if everyone is not None and not any(p.role == "target" and everyone.start() <= p.start < rate.end
                                        for p in parties):
        return True  # "cabinets from every country have paid a 25% national-security tariff"
    imported = _IMPORTED_INTO.search(text, clause_start, rate.start)
    if imported is not None and not any(p.role == "target" and clause_start <= p.start < rate.end + 40
                                        for p in parties):
        return True  # "Light trucks imported into the U.S. have faced a 25% tariff": whatever their origin
    start, end = goods_span
    if start < 0:
        return False
    if _GLOBAL_GOODS.match(text, start) or _ANY_BUYERS.match(text, start) or _FROM_EVERYONE.search(text, start, end):
        return True
    if any(start <= p.start < end for p in parties):
        return False
    return bool(_IMPORTS_WORD.search(text, start, end)
                or _IMPORT_TARIFF.search(text, max(clause_start, rate.start - 60), rate.start))


def _names_sector(text: str, goods_span: tuple[int, int]) -> bool:
    """Whether the goods phrase names a sector ("semi-finished copper products", "heavy trucks")."""
    start, end = goods_span
    return start >= 0 and not _SECTOR_WORDS_LOWER.isdisjoint(_words_between(text, start, end)[2])


def _sector_before(text: str, rate: Rate) -> bool:
    """Whether a sector names the tariff right before its noun ("pharmaceutical tariffs as high as 250%")."""
    if not rate.governor or rate.governor[0] >= rate.start:
        return False
    before = _tail_words(text, rate.governor[0], 1)
    return bool(before) and before[0] in _SECTOR_WORDS_LOWER


def _is_trade_remedy(text: str, rate: Rate) -> bool:
    """Whether the rate is an anti-dumping or countervailing duty ("a 75.8 per cent anti-dumping deposit on canola
    seed"): such duties are on the goods of the countries investigated, never on every country's."""
    start = min(rate.start, rate.governor[0]) if rate.governor else rate.start
    end = max(rate.end, rate.governor[1]) if rate.governor else rate.end
    return not _BILATERAL_REMEDY_WORDS.isdisjoint(_words_between(text, max(0, start - 40), end)[2])


def _sector_at(text: str, rate: Rate) -> bool:
    """Whether a sector is priced right before the rate: "cars and parts at 25%", "lumber at about 10%"."""
    words = _tail_words(text, rate.start, _SECTOR_AT_WORDS)
    while words and words[-1] in _APPROX_WORDS:
        words.pop()
    return len(words) > 1 and words[-1] == "at" and not _SECTOR_WORDS_LOWER.isdisjoint(words[:-1])


def _pre_nominal_everyone(text: str, rate: Rate) -> bool:
    """True for "the 10% duty all imported cars pay": everyone's goods right after the rate's own noun."""
    return bool(rate.pre_nominal and rate.governor and _EVERYONE_AFTER_NOUN.match(text, rate.governor[1]))


def _listed_country(text: str, parties: Sequence[Party], rate: Rate) -> Party | None:
    """A country named right before a bare rate ("Japan 24%", "Vietnam at 46%"), or whose goods are
    ("Indian auto parts 35%"), if any."""
    for party in parties:
        if (
            party.iso2
            and 0 <= rate.start - party.end <= 5
            and text[party.end : rate.start].strip() in ("", "at", ":", "(")
        ):
            return party
        if party.iso2 and party.goods_end is not None and 0 <= rate.start - party.goods_end <= 1 \
                and party.role == "target":
            return party
        if party.iso2 and party.end < rate.start and _COMPANY_BEFORE_RATE.fullmatch(text, party.end, rate.start):
            return party  # "and the Dutch group Vion 13.2%": a company of that country
    return None


def _country_at(parties: Sequence[Party], position: int) -> Party | None:
    """The country mention that starts at `position`, if any."""
    return next((p for p in parties if p.start == position and p.iso2), None)


def _possessive_before(text: str, parties: Sequence[Party], rate: Rate) -> Party | None:
    """A country whose possessive stands right before a bare rate ("Vietnam's 20%"): the rate it pays."""
    for party in parties:
        if party.iso2 and text[party.end:rate.start] in ("'s ", "’s "):
            return party
    return None


def _coordinated(text: str, parties: Sequence[Party], first: Party) -> list[str]:
    """The country `first` and those coordinated with it ("the European Union and Japan"), which
    share its role."""
    index = parties.index(first)
    while (
        index and parties[index - 1].role == first.role and _joined(text, parties[index - 1], parties[index])
    ):
        index -= 1  # "The EU, Japan and South Korea": start from the first of the list
    targets = [parties[index].iso2]
    previous = parties[index]
    for party in parties[index + 1 :]:
        if party.role != first.role or not _joined(text, previous, party):
            break
        if party.iso2 not in targets:
            targets.append(party.iso2)
        previous = party
    return targets


def _joined(text: str, left: Party, right: Party) -> bool:
    """True when only a comma or a conjunction separates two mentions ("Indonesia and the Philippines")."""
    between = text[left.end : right.start].strip()
    if between.endswith((" the", " The")):
        between = between[:-4]
    return between in (",", "and", ", and", "or", ", or", "&")


def _own_goods(
    text: str, parties: list[Party], position: int, clause: tuple[int, int], goods_span: tuple[int, int]
) -> tuple[list[str], Party | None]:
    """Target and imposer of a rate "on its exports": whose exports they are, and who taxes them.

    "Vietnam agreed to a 20% tariff on its exports to the United States": the destination taxes the
    subject's exports. "Switzerland reeled after Washington slapped a 39% tariff on its exports":
    the nearest subject imposes, so "its" is the other country of the sentence.
    """
    lo, hi = clause
    destination = _nearest(
        parties, goods_span[1], ("destination",), goods_span[0], min(hi, goods_span[1] + 30)
    )
    subject = _nearest(parties, position, ("subject",), lo, hi, before_only=True)
    if destination is not None:
        owner = _nearest(parties, position, ("subject", "target"), lo, hi, destination.iso2, before_only=True)
        return (_coordinated(text, parties, owner) if owner else []), destination
    if subject is None:
        return [], None
    if not _IMPOSING_VERB_AFTER.match(text, subject.end):
        # "Brazil would respond to any 50% tariff on its exports": its = the subject's.
        return [subject.iso2], None
    others = [
        p
        for p in parties
        if p.role in ("subject", "target") and p.iso2 != subject.iso2 and p.start < position
    ]
    return ([others[0].iso2] if others else []), subject


# How many sentences back the sentence of rates that a sentence naming no country continues can be
_CONTINUED_RATES_LOOKBACK = 2

# the roles of a country that may impose a rate
_IMPOSER_ROLES = frozenset({"imposer", "subject", "agent", "both"})
# the roles of a country that takes part in a sentence's trade relation, not just named in it ("to Europe")
_ACTOR_ROLES = frozenset({"imposer", "target", "subject", "agent", "both"})


def _implicit_imposer(targets: list[str], context: Context, sentence_no: int, continues: bool,
                      no_actor: bool) -> str | None:
    """The imposer a sentence leaves unsaid: the subject of the tariff sentence just before when this one names
    no actor, the relation of the last sentence of rates when this rate `continues` it (its sentence names no
    country taking part), else the document's main imposer, the other side of the relation, else the last
    actor."""
    target = targets[0] if targets else None
    own = context.own_duties
    if no_actor and own is not None and own[0] == context.paragraph_start and own[1] != target:
        return own[1]  # "India's own tariff wall remains among the highest. Walnuts attract a duty of 100 per cent"
    actor = context.actor
    if no_actor and actor is not None and actor[0] == sentence_no - 1 and actor[1] != target:
        # "Ottawa also said it will tighten its quotas. Imports above quota will face a 50-per-cent surtax"
        return actor[1]
    pair = context.last_pair
    if (continues and pair is not None and pair[0] == context.last_rate_sentence
            and sentence_no - pair[0] <= _CONTINUED_RATES_LOOKBACK):
        # "... duties of up to 35.3% on Chinese-built EVs. [...] The company rates are 17.0% for BYD": the
        # rates continue the last sentence of rates, whichever side the story is mostly about
        return pair[1]
    main = context.main_imposer(target)
    if main is not None:
        return main
    if target is not None:
        other = context.counterpart(target)
        if other is not None:
            return other
    if context.imposer and context.imposer != target:
        return context.imposer
    return context.recent_actor(sentence_no, target)


def _implicit_target(imposer: str | None, context: Context, sentence_rows: list[dict]) -> str | None:
    """The target a sentence leaves unsaid: the previous rate of the sentence, else the relation."""
    for row in reversed(sentence_rows):
        if row["imposing_country_iso2"] == imposer:
            return row["target_country_iso2"]
        if imposer is not None and row["target_country_iso2"] == imposer:
            return row["imposing_country_iso2"]  # "... on Canadian goods, Ottawa hits back with 25%"
    if imposer is None:
        return context.target
    if context.imposer == imposer:
        return context.target
    if context.last_pair is not None and context.last_pair[1] == imposer:
        return context.last_pair[2]
    if context.target == imposer:
        return context.imposer
    if context.imposer is None and context.target is None:
        return None
    return context.counterpart(imposer)


def _update_context(context: Context, parties: Sequence[Party], text: str, sentence_no: int) -> None:
    """Learn the trade relation from a tariff sentence without rates ("Beijing would face more tariffs")."""
    if parties:
        anchor = _first_tariff_word(text)
        position = anchor if anchor is not None else len(text)
        target_party = _nearest(parties, position, ("target",), 0, len(text))
        target = target_party.iso2 if target_party else None
        imposer_party = None
        for party in parties:
            if party.role == "imposer" and party.iso2 != target:
                imposer_party = party
                break
        imposer_party = imposer_party or _nearest(
            parties, position, ("subject",), 0, len(text), target, before_only=True
        )
        imposer = imposer_party.iso2 if imposer_party else None
        if imposer is None and target is not None:
            imposer = context.counterpart(target)
        if imposer or target:
            context.learn(imposer, target)
        if imposer_party is not None and imposer_party.role == "subject":
            context.actor = (sentence_no, imposer_party.iso2)


def _own_duties(text: str, parties: Sequence[Party]) -> str | None:
    """The country whose own duties a sentence turns to ("India's own tariff wall", "Brazil's own import
    duties"), else None."""
    found = _OWN_TARIFF.search(text)
    if found is None:
        return None
    return next((p.iso2 for p in parties if p.iso2 and p.end == found.start()), None)


def _learn_from_goods(context: Context, text: str) -> None:
    """Learn whose goods the text is about from a sentence without tariff words.

    "The list also covers quintessentially American products" makes the U.S. the target of the
    list the previous sentences described, imposed by the other side of the relation.
    """
    if _GOODS_WORDS_BYTES.isdisjoint(_ascii_words(text)):
        return
    for _start, end, iso2, kind in country_spans(text):
        if kind in ("name", "demonym") and _goods_after(text, end) is not None:
            context.learn(context.counterpart(iso2), iso2)
            return


# ---------------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------------


def extract(doc: Document) -> list[dict]:
    """Tariff rows of one document: one per rate, per alternative rate and per direction."""
    text = doc.text
    lower = text.lower()
    if len(lower) != len(text):
        lower = text  # a character whose lower case is longer would shift the offsets
    # Substring searches first: most news states no percentage, or names no tariff, and leaves here.
    unit_positions = _unit_positions(lower)
    if not unit_positions:
        return []
    tariff_positions = _tariff_positions(lower)
    if not tariff_positions:
        return []
    tariff_sentences = _sentence_numbers(doc, tariff_positions)
    unit_sentences = _sentence_numbers(doc, unit_positions)
    markets_target = _markets_exporter(doc)
    rates_by_sentence = _rates_by_sentence(doc, unit_sentences, tariff_sentences, _tariff_abbreviations(text),
                                           markets_target is not None)
    if not rates_by_sentence:
        return []
    context = Context(doc, home=_dateline_country(doc), markets_target=markets_target)
    rows: list[dict] = []
    # What the sentences after the last rate teach the context can no longer reach a row.
    for sentence in doc.sentences[: max(rates_by_sentence) + 1]:
        s = sentence.text
        if s[:1].isdigit() and opens_line(text, sentence.start):
            # the sentence splitter ends a sentence after "1.": read the whole line
            section = _NUMBERED_SECTION.match(text, sentence.start)
            if section is not None:
                # a new section starts a new story: the relation of the one before does not carry over
                context.section_home = _only_country(section.group("label"))
                context.imposer = context.target = None
                context.parties.clear()
                context.rates_imposed.clear()
        has_tariff = sentence.no in tariff_sentences
        rates = rates_by_sentence.get(sentence.no)
        context.paragraph_start = text.rfind("\n\n", 0, sentence.start) + 1
        if not (has_tariff or sentence.no in unit_sentences):
            if context.active:
                _learn_from_goods(context, s)
            continue
        if not rates:
            if has_tariff:
                parties = _parties(s)
                _update_context(context, parties, s, sentence.no)
                owner = _own_duties(s, parties)
                if owner is not None:
                    context.own_duties = (context.paragraph_start, owner)
                    context.learn(owner, None)
            continue
        parties = _parties(s)
        line_start = text.rfind("\n", 0, sentence.start) + 1
        context.header_target = _header_country(text, line_start)
        context.header_market = None
        if context.markets_target is not None:
            # "UNITED STATES" over "- Section 301 tariff: 50%" in a list of what Chinese panels pay: the market charges
            market = context.header_target or _market_header(text, line_start)
            if market is not None and market != context.markets_target:
                context.header_market, context.header_target = market, None
        opens = text[line_start:sentence.start].isspace() or line_start == sentence.start
        context.label = _factbox_label(s) if opens else None
        if opens and context.markets_target is not None and (context.label is None or not context.label.countries):
            context.label = _market_label(s) or context.label
        sentence_rows: list[dict] = []
        for rate in rates:
            sentence_rows.extend(_rate_rows(doc, sentence, rate, parties, context, sentence_rows))
        if "respectively" in s:
            sentence_rows = _respectively(s, parties, sentence_rows)
        for row in sentence_rows:
            del row["_clause"]
            context.record(row["imposing_country_iso2"], row["target_country_iso2"])
            context.last_rate_sentence = sentence.no
            if row["imposing_country_iso2"] and row["target_country_iso2"]:
                context.last_pair = (sentence.no, row["imposing_country_iso2"], row["target_country_iso2"])
            if row["imposing_country_iso2"]:
                # the headline and lead say whose tariffs the story is about: their rates weigh double
                context.rates_imposed[row["imposing_country_iso2"]] += 2 if sentence.no < LEAD_SENTENCES else 1
        rows.extend(sentence_rows)
    _complete_headline(doc, rows)
    return rows


def _respectively(text: str, parties: Sequence[Party], rows: list[dict]) -> list[dict]:
    """The rows of "A% and B% respectively" paired in order with the targets, or the directions, the sentence
    named before: "tariffs on Canada and Mexico of 35% and 25% respectively" (one target each), "U.S. tariffs on
    Chinese goods reached 145%, and China's on U.S. goods 125%, before talks cut them to 30% and 10%
    respectively" (one direction each)."""
    listed = _RESPECTIVELY.search(text)
    if listed is None:
        return rows
    values = [_parse_rate(value) for value in _LISTED_VALUE.findall(listed.group("list"))]
    if len(set(values)) != len(values):
        return rows
    before = [row for row in rows if row["rate_pct"] not in values]
    directions = list(dict.fromkeys((row["imposing_country_iso2"], row["target_country_iso2"]) for row in before
                                    if row["imposing_country_iso2"] and row["target_country_iso2"]))
    targets = list(dict.fromkeys(p.iso2 for p in parties if p.iso2 and p.role == "target"
                                 and p.end <= listed.start()))
    templates = {}
    for row in rows:
        templates.setdefault(row["rate_pct"], row)
    if any(value not in templates for value in values):
        return rows
    if len(directions) != len(values):
        if len(targets) != len(values):
            return rows
        imposers = {templates[value]["imposing_country_iso2"] for value in values}
        if len(targets) == 2 and imposers <= set(targets):
            directions = [(targets[1], targets[0]), (targets[0], targets[1])]  # two sides, each on the other's goods
        else:
            directions = [(templates[value]["imposing_country_iso2"], target)
                          for value, target in zip(values, targets, strict=True)]
    paired = [{**templates[value], "imposing_country_iso2": imposer, "target_country_iso2": target}
              for value, (imposer, target) in zip(values, directions, strict=True)]
    return before + paired


def _dateline_country(doc: Document) -> str | None:
    """The country of the capital a story was filed from ("NEW DELHI:", "BEIJING, July 6 (Reuters) -"); a
    dateline naming two cities ("NEW DELHI/WASHINGTON") names no single home."""
    for sentence in doc.sentences[:3]:
        found = _DATELINE.match(sentence.text) or _TITLE_DATELINE.match(sentence.text)
        capital_only = False
        if found is None and _is_own_line(doc.text, sentence):
            found, capital_only = _LINE_DATELINE.fullmatch(sentence.text), True
        if found is None or "/" in sentence.text[:found.end()]:
            continue
        countries = {iso2 for _s, _e, iso2, kind in country_spans(found.group("city").strip().title())
                     if kind == "capital" or not capital_only}
        if len(countries) == 1:
            return countries.pop()
    return None


def _is_own_line(text: str, sentence) -> bool:
    """Whether a sentence is a whole line of the text."""
    return opens_line(text, sentence.start) and (sentence.end == len(text) or text[sentence.end] == "\n")


class Label(NamedTuple):
    """The label a factbox line opens with: where it ends, the countries it lists, or goods it names."""

    end: int
    countries: tuple[str, ...]
    goods: bool


@lru_cache(maxsize=256)
def _factbox_label(line: str) -> Label | None:
    """The label of a factbox line that lists countries ("- Indonesia, the Philippines and Thailand: 19%") or
    names goods ("Cars and auto parts: 25%"), else None ("Analysts said: ..." is no label)."""
    match = _FACTBOX_LABEL.match(line)
    if match is None:
        return None
    written = match.group("label").split(" (", 1)[0]  # "Steel and steel pipe (Section 232)": the legal basis aside
    label = written.title() if written.isupper() else written
    spans = country_spans(label)
    if spans and _only_countries(label):
        return Label(match.end(), tuple(dict.fromkeys(iso2 for _s, _e, iso2, _k in spans)), False)
    words = label.replace(",", " ").lower().split()
    # goods are common nouns: "Cars and auto parts", not "OCTG anti-dumping, SeAH Steel" (a company's rate)
    # a sector, not the country's trade ("Other cooperating companies: 10.6%" continues a table of company rates)
    if (not spans and len(words) <= _MAX_GOODS_LABEL_WORDS and not _SECTOR_WORDS_LOWER.isdisjoint(words)
            and (written.isupper() or label[1:] == label[1:].lower())):
        return Label(match.end(), (), True)
    return None


def _markets_exporter(doc: Document) -> str | None:
    """The one country whose goods a factbox of markets is about, named in a headline that announces what they pay
    in each market ("What Chinese solar panels pay at the border, market by market"), else None."""
    first_line = doc.text[:doc.text.find("\n")] if "\n" in doc.text else doc.text
    if _MARKETS_HEADLINE.search(first_line) is None:
        return None
    countries = {iso2 for _start, _end, iso2, _kind in country_spans(first_line)}
    return countries.pop() if len(countries) == 1 else None


def _labels_a_market(text: str, sentence) -> bool:
    """Whether a sentence opens a line labelled with one or more countries ("- Brazil: 35%", "Canada — 25%")."""
    return opens_line(text, sentence.start) and _country_label_end(sentence.text) >= 0


def _country_label_end(line: str) -> int:
    """Where the label of a line labelled with one or more countries ends ("- Brazil: 35%", "Canada — 25%",
    "United States, corrosion-resistant sheet — 39.1%"), or -1."""
    label = _factbox_label(line)
    if label is None or not label.countries:
        label = _market_label(line)
    return label.end if label is not None else -1


def _market_header(text: str, line_start: int) -> str | None:
    """The market heading the bulleted list a line is an item of ("UNITED STATES", then a blank line or not, then
    "- Section 301 tariff: 50%" and more items), or None for a line that is no list item."""
    if text[line_start:line_start + 1] not in LIST_BULLETS:
        return None
    position = line_start
    while position > 0:
        line_end = position - 1  # the line break before the line at `position`
        position = text.rfind("\n", 0, line_end) + 1
        line = text[position:line_end].strip()
        if line and line[0] not in LIST_BULLETS:
            return _only_country(line.title() if line.isupper() else line) if len(line) <= _MAX_HEADER_CHARS else None
    return None


def _market_label(line: str) -> Label | None:
    """The markets of a factbox line labelled with its market and more ("United States, corrosion-resistant sheet
    — 39.1% to 196.7%"), or with several markets ("Japan, South Korea — anti-dumping duties of 15%"), else None."""
    match = _MARKET_LABEL.match(line)
    if match is None:
        return None
    written = line[match.start("market"):match.end()].rstrip(" \t:–—-")
    if _only_countries(written):
        countries = tuple(dict.fromkeys(iso2 for _s, _e, iso2, _k in country_spans(written)))
        return Label(match.end(), countries, False)
    market = _only_country(match.group("market"))
    return Label(match.end(), (market,), False) if market is not None else None


def _only_country(label: str) -> str | None:
    """The country `label` names when it is nothing but a country's name ("South Africa", "EU"), else None."""
    spans = country_spans(label.strip())
    if len(spans) != 1 or spans[0][1] - spans[0][0] != len(label.strip()):
        return None
    return spans[0][2]


@lru_cache(maxsize=64)
def _header_country(text: str, paragraph_start: int) -> str | None:
    """The one country a paragraph is headed by in a factbox ("JAPAN: 15% on most goods.", or "South Korea"
    on a line of its own after a blank line), or None."""
    header = _FACTBOX_HEADER.match(text, paragraph_start)
    if header is not None:
        found = {iso2 for _start, _end, iso2, _kind in country_spans(header.group("label").title())}
        return found.pop() if len(found) == 1 else None
    if paragraph_start < 3:
        return None  # the first line has no line above it
    introduced = _list_intro_country(text, paragraph_start)
    if introduced is not None:
        return introduced
    header_end = paragraph_start - 1
    header_start = text.rfind("\n", 0, header_end) + 1
    label = text[header_start:header_end].strip()
    if not (0 < len(label) <= _MAX_HEADER_CHARS and text.startswith("\n\n", header_start - 2)
            and label[-1] not in ".!?:;,"):
        return None
    return _only_country(label)  # a line that is only a country name


def _list_intro_country(text: str, line_start: int) -> str | None:
    """The one country named by the line that introduces the list a line belongs to ("How the main rates
    stack up for Korean exporters:" over "Steel and steel pipe (Section 232): 50 percent"), or None."""
    block_start = text.rfind("\n\n", 0, line_start)
    block_start = 0 if block_start < 0 else block_start + 2
    first_end = text.find("\n", block_start)
    if 0 <= first_end < line_start and text[first_end - 1] == ":":
        intro = text[block_start:first_end]  # the introducing line opens the list's paragraph
    elif block_start >= 3 and text[block_start - 3] == ":":
        intro = text[text.rfind("\n", 0, block_start - 3) + 1:block_start - 2]  # a paragraph of its own
    else:
        return None
    if not _INTRODUCES_RATES.search(intro):
        return None
    found = {iso2 for _start, _end, iso2, _kind in country_spans(intro)}
    return found.pop() if len(found) == 1 else None


def _tariff_abbreviations(text: str) -> frozenset[str]:
    """The abbreviations a document defines for a tariff, lower-cased: "basic customs duty (BCD)" makes "BCD
    raised to 20% from 10%" a rate."""
    if "(" not in text:
        return frozenset()
    # the brackets first (a scan for one character), then the tariff noun before them
    return frozenset(match.group(1).lower() for match in _BRACKETED_ABBREVIATION.finditer(text)
                     if _TARIFF_NOUN_BEFORE.search(text, max(0, match.start() - 12), match.start()))


def _rates_by_sentence(doc: Document, unit_sentences: set[int], tariff_sentences: set[int],
                       abbreviations: frozenset[str] = frozenset(), markets: bool = False) -> dict[int, list[Rate]]:
    """The tariff rates of the sentences that state any, by sentence number.

    Which percentages are rates depends on the earlier sentences only through how recently one
    stated a rate (an anaphoric "bring it to 50%"), so they are found before the countries: a
    document without rates, or the sentences after its last one, need no parties at all. In a factbox of
    markets (`markets`), a line labelled with a market states its rates ("- Brazil: 35%") without a tariff word:
    it counts as following a tariff sentence, and as in the context of rates.
    """
    rates_by_sentence = {}
    last_rate_sentence = -10
    for number in sorted(unit_sentences):
        if number < 0:
            continue  # a unit before the first sentence belongs to none
        sentence = doc.sentences[number]
        after_tariff_words = (number - 1 in tariff_sentences or number - 1 == last_rate_sentence
                              or (number > 0 and _INTRODUCES_RATES.search(doc.sentences[number - 1].text) is not None)
                              or (markets and _labels_a_market(doc.text, sentence)))
        # a story of many rates keeps its tariff context across a longer aside (a quote, a Q&A's question)
        reach = _RATE_CONTEXT_SENTENCES if len(rates_by_sentence) < _RATE_STORY_SENTENCES else _RATE_STORY_CONTEXT
        rates = _sentence_rates(sentence.text, number - last_rate_sentence <= reach or (after_tariff_words and markets),
                                after_tariff_words, abbreviations)
        if rates:
            rates_by_sentence[number] = rates
            last_rate_sentence = number
    return rates_by_sentence


def _rate_rows(
    doc: Document, sentence, rate: Rate, parties: list[Party], context: Context, sentence_rows: list[dict]
) -> list[dict]:
    """The rows of one accepted rate."""
    s = sentence.text
    clause = _clause_bounds(s, rate.start)
    follows_rate = any(row["_clause"] == clause for row in sentence_rows)
    goods, goods_start, goods_end = _goods(s, rate, parties, clause, follows_rate)
    previous = rate.previous
    if previous is None:
        previous = _previous_from_multiplier(s, rate)
        if previous is not None:
            rate.previous = previous
    change = _change(s, rate, clause)
    span_start, span_end = _mention_span(s, rate, (goods_start, goods_end), clause)
    listed = None if rate.pre_nominal else _listed_country(s, parties, rate)
    if listed is not None:
        span_start = listed.start  # "Japan 24%"
    directions = _resolve(
        s, rate, parties, clause, (goods_start, goods_end), context, sentence_rows, sentence.no
    )
    # a member state's goods pay the Union's rate: "Most German goods have faced a 15% U.S. tariff" is on the EU
    directions = list(dict.fromkeys(
        (imposer, None if target in EU_MEMBERS and imposer == EU else EU if target in EU_MEMBERS else target)
        for imposer, target in directions))
    effective = None if change == "threatened" else _effective_date(doc, sentence)
    values = [rate.value] if not rate.alternatives else rate.alternatives + [rate.value]
    rows = []
    for imposer, target in directions:
        for value in values:
            rows.append(
                {
                    "_clause": clause,
                    "char_start": sentence.start + span_start,
                    "char_end": sentence.start + span_end,
                    "imposing_country_iso2": imposer,
                    "target_country_iso2": target,
                    "goods": goods,
                    "rate_pct": float(value),
                    "previous_rate_pct": None if rate.alternatives else previous,
                    "change": change,
                    "effective_date": effective,
                }
            )
    return rows


def _complete_headline(doc: Document, rows: list[dict]) -> None:
    """Give a headline rate without a target the target the body states for the same rate, and one without an
    imposer the relation of the body's first rate with both countries.

    Headlines are telegraphic ("Swiss scramble after 39% U.S. tariff"); the body then says whose
    goods the 39% hits. Only the headline borrows: in the body a rate without a target may be global.
    """
    if not doc.sentences or doc.title is None or doc.sentences[0].text != doc.title:
        return
    headline_end = doc.sentences[0].end
    lead = next((row for row in rows if row["char_start"] >= headline_end and row["imposing_country_iso2"]
                 and row["target_country_iso2"]), None)
    for row in rows:
        if row["char_start"] < headline_end and row["imposing_country_iso2"] is None and lead is not None:
            # "Shrimp exporters stare at 58% duty wall as US tariffs bite": the relation the body opens with
            row["imposing_country_iso2"] = lead["imposing_country_iso2"]
            row["target_country_iso2"] = row["target_country_iso2"] or lead["target_country_iso2"]
        if row["char_start"] >= headline_end or row["target_country_iso2"] is not None:
            continue
        for other in rows:
            if (
                other["char_start"] >= headline_end
                and other["rate_pct"] == row["rate_pct"]
                and other["target_country_iso2"]
                and other["imposing_country_iso2"] == row["imposing_country_iso2"]
            ):
                row["target_country_iso2"] = other["target_country_iso2"]
                break


def _tariff_positions(lower: str) -> list[int]:
    """Offsets of the tariff words of `lower` (the lower-cased text).

    Plain substring searches find the candidates (C speed; a regex over the whole text costs
    several times more), then an anchored pattern confirms the word: not "level", "relevant", "taxi".
    """
    positions = []
    for keyword in _TARIFF_KEYWORDS:
        position = lower.find(keyword)
        while position != -1:
            if not (position and lower[position - 1].isalpha()) and _TARIFF_AT.match(lower, position):
                positions.append(position)
            position = lower.find(keyword, position + 1)
    return positions


def _unit_positions(lower: str) -> list[int]:
    """Offsets of the percent signs and words of `lower` ("%", "percent", "per cent", "pct", "25pc")."""
    positions = []
    for keyword in _UNIT_KEYWORDS:
        position = lower.find(keyword)
        while position != -1:
            if (
                keyword != "pc"
                or position
                and lower[position - 1].isdigit()
                and not lower[position + 2 : position + 3].isalpha()
            ):
                positions.append(position)
            position = lower.find(keyword, position + 1)
    return positions


def _sentence_numbers(doc: Document, positions: list[int]) -> set[int]:
    """Numbers of the sentences containing the character offsets `positions`."""
    starts = doc.sentence_starts  # computed once per document and shared with sentence_at
    return {bisect_right(starts, position) - 1 for position in positions}


def _effective_date(doc: Document, sentence) -> dt.date | None:
    """The day the sentence says the rate applies from: "effective Wednesday, June 4th", "from 14 May
    2025", "starting Aug. 1", "on Oct. 1"; None when it names none.

    The dates come from the date_mentions extractor (shared through doc.cache). "effective", "from",
    "starting" and "as of" introduce the start of a rate and win over "on", which may date something
    else ("in a post on May 30, Trump wrote ..."); a date after a verb of decision ("the tariffs it
    imposed on 2 April") dates the earlier decision and is skipped; weeks, months and years name no day.
    """
    text = doc.text
    weak = None
    for mention in _day_mentions_by_sentence(doc).get(sentence.no, ()):
        if mention.period.start is None:
            continue
        cue, prior = _date_cue(text, sentence.start, mention.start, mention.end)
        if prior in _DECISION_PARTICIPLES:
            continue
        if cue in _EFFECT_CUES:
            return mention.period.start
        if cue == "on" and weak is None:
            weak = mention.period.start
    return weak


def _day_mentions_by_sentence(doc: Document) -> dict[int, list]:
    """The document's day mentions grouped by sentence, in text order (kept in doc.cache): looking them up
    per rate instead of scanning every mention keeps a document with thousands of rates linear."""
    grouped = doc.cache.get(_DAY_MENTIONS_KEY)
    if grouped is None:
        grouped = doc.cache[_DAY_MENTIONS_KEY] = {}
        for mention in resolved_mentions(doc):
            if mention.period.granularity == DAY:
                grouped.setdefault(mention.sentence_no, []).append(mention)
    return grouped


_DAY_MENTIONS_KEY = "tariff_rates.day_mentions_by_sentence"


def _date_cue(text: str, lower_bound: int, start: int, end: int) -> tuple[str, str]:
    """The word introducing a date mention ("effective", "from", "on", "as of") and the word before it.

    The mention's span may itself begin with its preposition ("on October 13").
    """
    before = [w.lower() for w in _WORD.findall(text, max(lower_bound, start - 40), start)]
    inside = [w.lower() for w in _WORD.findall(text, start, end)[:2]]
    if inside == ["as", "of"]:
        before.extend(inside)
    elif inside and inside[0] in _DATE_CUES:
        before.append(inside[0])
    if before[-2:] == ["as", "of"]:
        before[-2:] = ["as of"]
    cue = before[-1] if before else ""
    prior = before[-2] if len(before) > 1 else ""
    return cue, prior
