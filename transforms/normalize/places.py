"""Gazetteer of subdivisions and notable cities, keyed to ISO 3166-2 codes: Ukraine and Russia, the Middle
East theatres of missile and drone wars (Israel, Iran, Yemen, Lebanon, Syria, Palestine, Iraq), Myanmar and
Sudan.

pycountry (`pycountry.subdivisions`) is the source of every code and of the official names, which
are transliterated adjectives or local names ("Poltavska oblast", "Belgorodskaya oblast'", "Severnaya
Osetiya, Respublika", "Ḩayfā", "Al Ḩudaydah"); those match through `normalize_place` like any other
spelling. English-language news writes these places differently ("Poltava region", "Kharkov", "North
Ossetia", "Haifa District", "Hodeidah"), so the tables below add, per pycountry code, the normalised
English name and the spellings news uses, and map notable cities to the subdivision that contains them.
The tables are domain data: every code is checked against pycountry when this module is imported, and
every subdivision of a covered country must have an English name.

A spelling can mean up to three things, resolved by how the text uses it:
- with a type word ("Kharkiv region", "regions of Kharkiv and Poltava", "Sanaa governorate") it names
  the subdivision; where subdivisions of two kinds share a spelling, the type word picks one
  ("Kurdistan region" is Iraq's IQ-KR, "Kurdistan province" Iran's IR-12);
- bare ("Kharkiv") it names the city of that name when there is one (Kyiv the city is UA-30, while
  "Kyiv region" is UA-32; Sanaa the city is YE-SA, the governorate around it YE-SN), otherwise the
  subdivision when its name stands alone ("Crimea", "Tatarstan", "Southern District"), otherwise nothing.
  A city spelled only with its city word needs it: "Gaza City" is PS-GZA, bare "Gaza" (the Strip) nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import pycountry

COUNTRIES = ("UA", "RU", "IL", "IR", "YE", "LB", "SY", "PS", "IQ", "MM", "SD")
# The kinds of subdivision of every other country that news names with a type word ("Surin province", "Punjab
# state", "Khyber Pakhtunkhwa province"): pycountry's names, found only with their type word, since a bare name may
# be anything ("Georgia", "Central", "Victoria").
OTHER_COUNTRY_KINDS = frozenset({"Province", "Region", "State", "Governorate", "Prefecture", "Regional state",
                                 "Administrative region", "Autonomous region", "Autonomous province", "Oblast",
                                 "Territory", "Union territory"})

# ---------------------------------------------------------------------------------------------------
# English names of the subdivisions and the spellings English-language news uses for them.
# code -> (normalised English name, spelling variants of the stem). The stem of the English name
# ("Poltava" of "Poltava Oblast", "Haifa" of "Haifa District") is always a spelling, so only other
# variants are listed. A name without a type word ("Crimea", "Tatarstan", "Kyiv"), or one that keeps it
# because its stem is a compass word ("Southern District"), can stand alone in the text.
# ---------------------------------------------------------------------------------------------------
UKRAINE: dict[str, tuple[str, tuple[str, ...]]] = {
    "UA-05": ("Vinnytsia Oblast", ("Vinnytsya", "Vinnitsa", "Vinnytsa")),
    "UA-07": ("Volyn Oblast", ("Volhynia", "Volyn'")),
    "UA-09": ("Luhansk Oblast", ("Lugansk",)),
    "UA-12": ("Dnipropetrovsk Oblast", ("Dnipro", "Dnepropetrovsk", "Dnipropetrovs'k", "Dnepr")),
    "UA-14": ("Donetsk Oblast", ("Donets'k",)),
    "UA-18": ("Zhytomyr Oblast", ("Zhitomir",)),
    "UA-21": ("Zakarpattia Oblast", ("Zakarpattya", "Transcarpathia", "Transcarpathian")),
    "UA-23": ("Zaporizhzhia Oblast", ("Zaporizhia", "Zaporizhzhya", "Zaporizhya", "Zaporozhye",
                                      "Zaporizhzhe", "Zaporozhzhia")),
    "UA-26": ("Ivano-Frankivsk Oblast", ("Ivano-Frankovsk", "Ivano-Frankivs'k")),
    "UA-30": ("Kyiv", ("Kiev", "Kyiv City", "Kiev City")),
    "UA-32": ("Kyiv Oblast", ("Kiev",)),
    "UA-35": ("Kirovohrad Oblast", ("Kirovograd", "Kyrovohrad", "Kropyvnytskyi", "Kropyvnytskyy")),
    "UA-40": ("Sevastopol", ("Sebastopol",)),
    "UA-43": ("Crimea", ("Krym", "Autonomous Republic of Crimea", "Crimean Peninsula")),
    "UA-46": ("Lviv Oblast", ("Lvov", "L'viv")),
    "UA-48": ("Mykolaiv Oblast", ("Mykolayiv", "Nikolaev", "Nikolayev")),
    "UA-51": ("Odesa Oblast", ("Odessa",)),
    "UA-53": ("Poltava Oblast", ()),
    "UA-56": ("Rivne Oblast", ("Rovno",)),
    "UA-59": ("Sumy Oblast", ()),
    "UA-61": ("Ternopil Oblast", ("Ternopol",)),
    "UA-63": ("Kharkiv Oblast", ("Kharkov",)),
    "UA-65": ("Kherson Oblast", ()),
    "UA-68": ("Khmelnytskyi Oblast", ("Khmelnytsky", "Khmelnytskyy", "Khmelnytskiy", "Khmelnitsky")),
    "UA-71": ("Cherkasy Oblast", ("Cherkassy",)),
    "UA-74": ("Chernihiv Oblast", ("Chernigov",)),
    "UA-77": ("Chernivtsi Oblast", ("Chernovtsy",)),
}

RUSSIA: dict[str, tuple[str, tuple[str, ...]]] = {
    "RU-AD": ("Adygea", ("Adygeya", "Adyghea")),
    "RU-AL": ("Altai Republic", ()),
    "RU-ALT": ("Altai Krai", ("Altay",)),
    "RU-AMU": ("Amur Oblast", ()),
    "RU-ARK": ("Arkhangelsk Oblast", ("Archangelsk",)),
    "RU-AST": ("Astrakhan Oblast", ()),
    "RU-BA": ("Bashkortostan", ("Bashkiria",)),
    "RU-BEL": ("Belgorod Oblast", ()),
    "RU-BRY": ("Bryansk Oblast", ()),
    "RU-BU": ("Buryatia", ("Buryatiya",)),
    "RU-CE": ("Chechnya", ("Chechen Republic",)),
    "RU-CHE": ("Chelyabinsk Oblast", ()),
    "RU-CHU": ("Chukotka", ()),
    "RU-CU": ("Chuvashia", ("Chuvash Republic",)),
    "RU-DA": ("Dagestan", ("Daghestan",)),
    "RU-IN": ("Ingushetia", ()),
    "RU-IRK": ("Irkutsk Oblast", ()),
    "RU-IVA": ("Ivanovo Oblast", ()),
    "RU-KAM": ("Kamchatka Krai", ("Kamchatka",)),
    "RU-KB": ("Kabardino-Balkaria", ("Kabardino-Balkar Republic",)),
    "RU-KC": ("Karachay-Cherkessia", ("Karachayevo-Cherkessia", "Karachay-Cherkess Republic")),
    "RU-KDA": ("Krasnodar Krai", ()),
    "RU-KEM": ("Kemerovo Oblast", ("Kuzbass",)),
    "RU-KGD": ("Kaliningrad Oblast", ()),
    "RU-KGN": ("Kurgan Oblast", ()),
    "RU-KHA": ("Khabarovsk Krai", ()),
    "RU-KHM": ("Khanty-Mansi Autonomous Okrug", ("Khanty-Mansiysk", "Yugra")),
    "RU-KIR": ("Kirov Oblast", ()),
    "RU-KK": ("Khakassia", ("Khakasia",)),
    "RU-KL": ("Kalmykia", ()),
    "RU-KLU": ("Kaluga Oblast", ()),
    "RU-KO": ("Komi", ()),
    "RU-KOS": ("Kostroma Oblast", ()),
    "RU-KR": ("Karelia", ()),
    "RU-KRS": ("Kursk Oblast", ()),
    "RU-KYA": ("Krasnoyarsk Krai", ()),
    "RU-LEN": ("Leningrad Oblast", ()),
    "RU-LIP": ("Lipetsk Oblast", ()),
    "RU-MAG": ("Magadan Oblast", ()),
    "RU-ME": ("Mari El", ()),
    "RU-MO": ("Mordovia", ()),
    "RU-MOS": ("Moscow Oblast", ()),
    "RU-MOW": ("Moscow", ()),
    "RU-MUR": ("Murmansk Oblast", ()),
    "RU-NEN": ("Nenets Autonomous Okrug", ()),
    "RU-NGR": ("Novgorod Oblast", ()),
    "RU-NIZ": ("Nizhny Novgorod Oblast", ("Nizhniy Novgorod", "Nizhni Novgorod")),
    "RU-NVS": ("Novosibirsk Oblast", ()),
    "RU-OMS": ("Omsk Oblast", ()),
    "RU-ORE": ("Orenburg Oblast", ()),
    "RU-ORL": ("Oryol Oblast", ("Orel",)),
    "RU-PER": ("Perm Krai", ()),
    "RU-PNZ": ("Penza Oblast", ()),
    "RU-PRI": ("Primorsky Krai", ("Primorye", "Primorskiy")),
    "RU-PSK": ("Pskov Oblast", ()),
    "RU-ROS": ("Rostov Oblast", ()),
    "RU-RYA": ("Ryazan Oblast", ()),
    "RU-SA": ("Yakutia", ("Sakha", "Sakha Republic")),
    "RU-SAK": ("Sakhalin Oblast", ()),
    "RU-SAM": ("Samara Oblast", ()),
    "RU-SAR": ("Saratov Oblast", ()),
    "RU-SE": ("North Ossetia-Alania", ("North Ossetia", "North Ossetia–Alania")),
    "RU-SMO": ("Smolensk Oblast", ()),
    "RU-SPE": ("Saint Petersburg", ("St Petersburg", "St. Petersburg")),
    "RU-STA": ("Stavropol Krai", ()),
    "RU-SVE": ("Sverdlovsk Oblast", ()),
    "RU-TA": ("Tatarstan", ()),
    "RU-TAM": ("Tambov Oblast", ()),
    "RU-TOM": ("Tomsk Oblast", ()),
    "RU-TUL": ("Tula Oblast", ()),
    "RU-TVE": ("Tver Oblast", ()),
    "RU-TY": ("Tuva", ("Tyva",)),
    "RU-TYU": ("Tyumen Oblast", ()),
    "RU-UD": ("Udmurtia", ()),
    "RU-ULY": ("Ulyanovsk Oblast", ()),
    "RU-VGG": ("Volgograd Oblast", ()),
    "RU-VLA": ("Vladimir Oblast", ()),
    "RU-VLG": ("Vologda Oblast", ()),
    "RU-VOR": ("Voronezh Oblast", ()),
    "RU-YAN": ("Yamalo-Nenets Autonomous Okrug", ("Yamal",)),
    "RU-YAR": ("Yaroslavl Oblast", ()),
    "RU-YEV": ("Jewish Autonomous Oblast", ()),
    "RU-ZAB": ("Zabaykalsky Krai", ("Zabaikalsky", "Transbaikal")),
}

# The Middle East: Israel's districts, Iran's provinces, the governorates of Yemen, Lebanon, Syria (provinces
# in pycountry), Palestine and Iraq, and Iraq's Kurdistan Region. Yemen's capital Sanaa (Amanat al-Asimah,
# YE-SA) is a city subdivision like Kyiv; the Sanaa Governorate around it is YE-SN.
ISRAEL: dict[str, tuple[str, tuple[str, ...]]] = {
    "IL-D": ("Southern District", ()),
    "IL-HA": ("Haifa District", ("Hefa",)),
    "IL-JM": ("Jerusalem District", ()),
    "IL-M": ("Central District", ()),
    "IL-TA": ("Tel Aviv District", ("Tel Aviv-Yafo", "Tel Aviv-Jaffa")),
    "IL-Z": ("Northern District", ()),
}

IRAN: dict[str, tuple[str, tuple[str, ...]]] = {
    "IR-00": ("Markazi Province", ()),
    "IR-01": ("Gilan Province", ("Guilan",)),
    "IR-02": ("Mazandaran Province", ()),
    "IR-03": ("East Azerbaijan Province", ("East Azarbaijan", "Eastern Azerbaijan")),
    "IR-04": ("West Azerbaijan Province", ("West Azarbaijan", "Western Azerbaijan")),
    "IR-05": ("Kermanshah Province", ()),
    "IR-06": ("Khuzestan Province", ("Khuzistan",)),
    "IR-07": ("Fars Province", ()),
    "IR-08": ("Kerman Province", ()),
    "IR-09": ("Razavi Khorasan Province", ("Khorasan Razavi", "Razavi Khorasan")),
    "IR-10": ("Isfahan Province", ("Esfahan",)),
    "IR-11": ("Sistan and Baluchestan Province", ("Sistan-Baluchestan", "Sistan and Baluchistan",
                                                  "Sistan-Baluchistan", "Sistan va Baluchestan")),
    "IR-12": ("Kurdistan Province", ("Kordestan",)),
    "IR-13": ("Hamadan Province", ("Hamedan",)),
    "IR-14": ("Chaharmahal and Bakhtiari Province", ("Chaharmahal-Bakhtiari", "Chaharmahal va Bakhtiari")),
    "IR-15": ("Lorestan Province", ("Luristan",)),
    "IR-16": ("Ilam Province", ()),
    "IR-17": ("Kohgiluyeh and Boyer-Ahmad Province", ("Kohgiluyeh and Boyer-Ahmad", "Kohgiluyeh va Boyer-Ahmad")),
    "IR-18": ("Bushehr Province", ("Bushire",)),
    "IR-19": ("Zanjan Province", ()),
    "IR-20": ("Semnan Province", ()),
    "IR-21": ("Yazd Province", ()),
    "IR-22": ("Hormozgan Province", ("Hormozgan",)),
    "IR-23": ("Tehran Province", ("Teheran",)),
    "IR-24": ("Ardabil Province", ("Ardebil",)),
    "IR-25": ("Qom Province", ("Qum",)),
    "IR-26": ("Qazvin Province", ()),
    "IR-27": ("Golestan Province", ()),
    "IR-28": ("North Khorasan Province", ("North Khorasan",)),
    "IR-29": ("South Khorasan Province", ("South Khorasan",)),
    "IR-30": ("Alborz Province", ()),
}

YEMEN: dict[str, tuple[str, tuple[str, ...]]] = {
    "YE-AB": ("Abyan Governorate", ()),
    "YE-AD": ("Aden Governorate", ()),
    "YE-AM": ("Amran Governorate", ()),
    "YE-BA": ("Al Bayda Governorate", ("Al-Bayda", "al-Bayda", "Bayda", "Baydha")),
    "YE-DA": ("Al Dhale Governorate", ("Al-Dhale", "Dhale", "Al-Dhalea", "Dhalea", "Ad Dali")),
    "YE-DH": ("Dhamar Governorate", ()),
    "YE-HD": ("Hadramawt Governorate", ("Hadramout", "Hadramaut", "Hadhramaut", "Hadhramout")),
    "YE-HJ": ("Hajjah Governorate", ("Hajja",)),
    "YE-HU": ("Hodeidah Governorate", ("Hodeida", "Hudaydah", "Al Hudaydah", "al-Hudaydah", "Hudayda")),
    "YE-IB": ("Ibb Governorate", ()),
    "YE-JA": ("Al Jawf Governorate", ("Al-Jawf", "al-Jawf", "Jawf")),
    "YE-LA": ("Lahij Governorate", ("Lahj",)),
    "YE-MA": ("Marib Governorate", ("Ma'rib", "Mareb")),
    "YE-MR": ("Al Mahrah Governorate", ("Al-Mahrah", "Mahrah", "Al Mahra", "Mahra")),
    "YE-MW": ("Al Mahwit Governorate", ("Al-Mahwit", "Mahwit")),
    "YE-RA": ("Raymah Governorate", ("Raima", "Rayma")),
    "YE-SA": ("Sanaa", ("Sana'a", "Sanaa City", "Sana'a City", "Amanat al-Asimah", "Amanat Al Asimah")),
    "YE-SD": ("Saada Governorate", ("Sa'ada", "Sa'dah", "Saadah", "Sadah")),
    "YE-SH": ("Shabwah Governorate", ("Shabwa",)),
    "YE-SN": ("Sanaa Governorate", ("Sana'a",)),
    "YE-SU": ("Socotra Governorate", ("Soqotra", "Suqutra")),
    "YE-TA": ("Taiz Governorate", ("Ta'iz", "Taizz", "Ta'izz")),
}

LEBANON: dict[str, tuple[str, tuple[str, ...]]] = {
    "LB-AK": ("Akkar Governorate", ()),
    "LB-AS": ("North Lebanon Governorate", ()),
    "LB-BA": ("Beirut Governorate", ("Beyrouth",)),
    "LB-BH": ("Baalbek-Hermel Governorate", ("Baalbeck-Hermel", "Baalbek Hermel", "Baalbek-Hermil")),
    "LB-BI": ("Beqaa Governorate", ("Bekaa", "Biqa", "Beka'a")),
    "LB-JA": ("South Lebanon Governorate", ()),
    "LB-JL": ("Mount Lebanon Governorate", ()),
    "LB-NA": ("Nabatieh Governorate", ("Nabatiyeh", "Nabatiye", "Nabatiyah")),
}

SYRIA: dict[str, tuple[str, tuple[str, ...]]] = {
    "SY-DI": ("Damascus Governorate", ()),
    "SY-DR": ("Daraa Governorate", ("Deraa", "Dara'a", "Der'a")),
    "SY-DY": ("Deir ez-Zor Governorate", ("Deir el-Zor", "Deir al-Zor", "Deir al-Zour", "Deir el-Zour",
                                          "Deir Ezzor", "Deir Ez-Zour", "Dayr az-Zawr")),
    "SY-HA": ("Al-Hasakah Governorate", ("Hasakah", "Hasaka", "Al-Hasaka", "Hassakeh", "Hasakeh")),
    "SY-HI": ("Homs Governorate", ()),
    "SY-HL": ("Aleppo Governorate", ()),
    "SY-HM": ("Hama Governorate", ("Hamah",)),
    "SY-ID": ("Idlib Governorate", ("Idleb",)),
    "SY-LA": ("Latakia Governorate", ("Lattakia", "Latakiya", "Al-Ladhiqiyah")),
    "SY-QU": ("Quneitra Governorate", ("Qunaitra", "Kuneitra")),
    "SY-RA": ("Raqqa Governorate", ("Raqqah", "Rakka", "Al-Raqqa")),
    "SY-RD": ("Rif Dimashq Governorate", ("Rif Dimashq", "Rural Damascus", "Damascus Countryside",
                                          "Damascus countryside", "Reef Dimashq")),
    "SY-SU": ("As-Suwayda Governorate", ("Suwayda", "Sweida", "Suwaida", "Al-Suwayda")),
    "SY-TA": ("Tartus Governorate", ("Tartous",)),
}

PALESTINE: dict[str, tuple[str, tuple[str, ...]]] = {
    "PS-BTH": ("Bethlehem Governorate", ()),
    "PS-DEB": ("Deir al-Balah Governorate", ("Deir el-Balah", "Deir al Balah", "Dair al-Balah")),
    "PS-GZA": ("Gaza Governorate", ()),
    "PS-HBN": ("Hebron Governorate", ("Al-Khalil",)),
    "PS-JEM": ("Jerusalem Governorate", ()),
    "PS-JEN": ("Jenin Governorate", ()),
    "PS-JRH": ("Jericho Governorate", ("Jericho and Al Aghwar",)),
    "PS-KYS": ("Khan Younis Governorate", ("Khan Yunis", "Khan Younes", "Khan Yunes")),
    "PS-NBS": ("Nablus Governorate", ()),
    "PS-NGZ": ("North Gaza Governorate", ()),
    "PS-QQA": ("Qalqilya Governorate", ("Qalqiliya", "Qalqilyah")),
    "PS-RBH": ("Ramallah and al-Bireh Governorate", ("Ramallah", "Ramallah and Al-Bireh")),
    "PS-RFH": ("Rafah Governorate", ()),
    "PS-SLT": ("Salfit Governorate", ()),
    "PS-TBS": ("Tubas Governorate", ()),
    "PS-TKM": ("Tulkarm Governorate", ("Tulkarem",)),
}

IRAQ: dict[str, tuple[str, tuple[str, ...]]] = {
    "IQ-AN": ("Anbar Governorate", ("Al Anbar", "al-Anbar")),
    "IQ-AR": ("Erbil Governorate", ("Arbil", "Irbil", "Hawler")),
    "IQ-BA": ("Basra Governorate", ("Basrah", "Al Basrah")),
    "IQ-BB": ("Babil Governorate", ("Babel",)),
    "IQ-BG": ("Baghdad Governorate", ()),
    "IQ-DA": ("Duhok Governorate", ("Dohuk", "Dahuk", "Dihok")),
    "IQ-DI": ("Diyala Governorate", ()),
    "IQ-DQ": ("Dhi Qar Governorate", ("Dhi Qar",)),
    "IQ-KA": ("Karbala Governorate", ("Kerbala",)),
    "IQ-KI": ("Kirkuk Governorate", ()),
    "IQ-KR": ("Kurdistan Region", ("Iraqi Kurdistan", "Kurdistan Region of Iraq")),
    "IQ-MA": ("Maysan Governorate", ("Missan",)),
    "IQ-MU": ("Muthanna Governorate", ("Al Muthanna", "al-Muthanna")),
    "IQ-NA": ("Najaf Governorate", ()),
    "IQ-NI": ("Nineveh Governorate", ("Ninawa", "Nineveh", "Ninewa")),
    "IQ-QA": ("Al-Qadisiyah Governorate", ("Qadisiyah", "Qadisiya", "Al-Qadisiyyah")),
    "IQ-SD": ("Salah al-Din Governorate", ("Salahuddin", "Salahaddin", "Salah ad-Din")),
    "IQ-SU": ("Sulaymaniyah Governorate", ("Sulaimaniyah", "Sulaimani", "Slemani", "Suleimaniyah")),
    "IQ-WA": ("Wasit Governorate", ()),
}

# Myanmar's regions and states and Sudan's states: air and drone wars of their own (junta airstrikes, RSF drones).
# Names that are common words or people's names ("Chin", "Mon", "Shan", "Karen") only count with their type word.
MYANMAR: dict[str, tuple[str, tuple[str, ...]]] = {
    "MM-01": ("Sagaing Region", ()),
    "MM-02": ("Bago Region", ("Pegu Region",)),
    "MM-03": ("Magway Region", ("Magwe Region",)),
    "MM-04": ("Mandalay Region", ()),
    "MM-05": ("Tanintharyi Region", ("Tenasserim Region",)),
    "MM-06": ("Yangon Region", ("Rangoon Region",)),
    "MM-07": ("Ayeyarwady Region", ("Irrawaddy Region",)),
    "MM-11": ("Kachin State", ()),
    "MM-12": ("Kayah State", ("Karenni State",)),
    "MM-13": ("Kayin State", ("Karen State",)),
    "MM-14": ("Chin State", ()),
    "MM-15": ("Mon State", ()),
    "MM-16": ("Rakhine State", ("Arakan State",)),
    "MM-17": ("Shan State", ()),
    "MM-18": ("Naypyitaw Union Territory", ("Nay Pyi Taw Union Territory", "Naypyidaw Union Territory")),
}

SUDAN: dict[str, tuple[str, tuple[str, ...]]] = {
    "SD-DC": ("Central Darfur State", ("Central Darfur",)),
    "SD-DE": ("East Darfur State", ("East Darfur",)),
    "SD-DN": ("North Darfur State", ("North Darfur",)),
    "SD-DS": ("South Darfur State", ("South Darfur",)),
    "SD-DW": ("West Darfur State", ("West Darfur",)),
    "SD-GD": ("Gedaref State", ("Al Qadarif State", "Al Qadarif")),
    "SD-GK": ("West Kordofan State", ("West Kordofan",)),
    "SD-GZ": ("Gezira State", ("Al Jazirah State", "Al Jazirah", "El Gezira State")),
    "SD-KA": ("Kassala State", ()),
    "SD-KH": ("Khartoum State", ()),
    "SD-KN": ("North Kordofan State", ("North Kordofan",)),
    "SD-KS": ("South Kordofan State", ("South Kordofan",)),
    "SD-NB": ("Blue Nile State", ()),
    "SD-NO": ("Northern State", ()),
    "SD-NR": ("River Nile State", ("Nile State",)),
    "SD-NW": ("White Nile State", ()),
    "SD-RS": ("Red Sea State", ()),
    "SD-SI": ("Sennar State", ("Sinnar State",)),
}

# ---------------------------------------------------------------------------------------------------
# Notable cities and towns -> the subdivision containing them. Display name first, then other
# spellings. A city named like its subdivision ("Kharkiv") is listed so that a bare mention in an
# attack context resolves to the city ("Kharkiv", code UA-63). Names that are also common first names
# or unit names (Vladimir, Azov, Marinka) are left out on purpose, and so are those whose subdivision is
# ambiguous or disputed in ISO terms (Tripoli, the Golan, East Jerusalem, Dahiyeh, al-Mawasi); Jerusalem
# is IL-JM, the district ISO 3166-2:IL puts it in.
# ---------------------------------------------------------------------------------------------------
CITIES: dict[str, tuple[tuple[str, ...], ...]] = {
    "UA-05": (("Vinnytsia", "Vinnytsya", "Vinnitsa"), ("Khmilnyk",), ("Zhmerynka",), ("Kalynivka",),
              ("Ladyzhyn",)),
    "UA-07": (("Lutsk",), ("Kovel",), ("Volodymyr-Volynskyi",)),
    "UA-09": (("Luhansk", "Lugansk"), ("Sievierodonetsk", "Severodonetsk", "Sieverodonetsk"),
              ("Lysychansk",), ("Alchevsk",), ("Rubizhne",), ("Starobilsk",), ("Kreminna",),
              ("Svatove",)),
    "UA-12": (("Dnipro", "Dnipropetrovsk", "Dnepropetrovsk", "Dnepr"), ("Kryvyi Rih", "Kryvyy Rih",
              "Kryvyi Rig", "Krivoy Rog", "Kriviy Rih"), ("Nikopol",), ("Pavlohrad",),
              ("Kamianske", "Kamyanske"), ("Marhanets",), ("Synelnykove",), ("Novomoskovsk",),
              ("Zhovti Vody",), ("Pokrov",)),
    "UA-14": (("Donetsk",), ("Mariupol",), ("Kramatorsk",), ("Sloviansk", "Slovyansk", "Slavyansk"),
              ("Bakhmut", "Artemivsk"), ("Avdiivka", "Avdeyevka"), ("Pokrovsk",),
              ("Kostiantynivka", "Kostyantynivka", "Konstantinovka"), ("Druzhkivka",), ("Toretsk",),
              ("Chasiv Yar",), ("Vuhledar", "Ugledar"), ("Selydove",), ("Myrnohrad",), ("Horlivka",
              "Gorlovka"), ("Makiivka", "Makeyevka"), ("Kurakhove",), ("Lyman",), ("Siversk",),
              ("Dobropillia",), ("Volnovakha",), ("Velyka Novosilka",)),
    "UA-18": (("Zhytomyr", "Zhitomir"), ("Korosten",), ("Berdychiv",), ("Ovruch",)),
    "UA-21": (("Uzhhorod", "Uzhgorod"), ("Mukachevo",)),
    "UA-23": (("Zaporizhzhia", "Zaporizhia", "Zaporizhzhya", "Zaporizhya", "Zaporozhye"), ("Melitopol",),
              ("Enerhodar", "Energodar"), ("Berdiansk", "Berdyansk"), ("Orikhiv",), ("Huliaipole",
              "Gulyaipole"), ("Tokmak",), ("Vasylivka",), ("Stepnohirsk",)),
    "UA-26": (("Ivano-Frankivsk", "Ivano-Frankovsk"), ("Burshtyn",), ("Kalush",), ("Kolomyia",)),
    "UA-30": (("Kyiv", "Kiev"),),
    "UA-32": (("Bila Tserkva", "Belaya Tserkov"), ("Bucha",), ("Irpin",), ("Brovary",), ("Boryspil",),
              ("Vyshhorod",), ("Fastiv",), ("Obukhiv",), ("Vasylkiv",), ("Hostomel",),
              ("Borodianka",)),
    "UA-35": (("Kropyvnytskyi", "Kropyvnytskyy", "Kirovohrad", "Kirovograd"), ("Oleksandriia",
              "Oleksandria"), ("Svitlovodsk",)),
    "UA-40": (("Sevastopol",),),
    "UA-43": (("Simferopol",), ("Kerch",), ("Feodosia", "Feodosiya"), ("Yevpatoria", "Evpatoria"),
              ("Dzhankoi", "Dzhankoy"), ("Saky",), ("Yalta",)),
    "UA-46": (("Lviv", "Lvov"), ("Drohobych",), ("Stryi",), ("Chervonohrad", "Sheptytskyi")),
    "UA-48": (("Mykolaiv", "Mykolayiv", "Nikolaev", "Nikolayev"), ("Ochakiv",), ("Pervomaisk",),
              ("Voznesensk",), ("Yuzhnoukrainsk",)),
    "UA-51": (("Odesa", "Odessa"), ("Izmail",), ("Chornomorsk",), ("Pivdennyi", "Yuzhne"),
              ("Bilhorod-Dnistrovskyi",), ("Reni",), ("Podilsk",)),
    "UA-53": (("Poltava",), ("Kremenchuk", "Kremenchug"), ("Myrhorod", "Mirgorod"), ("Lubny",),
              ("Horishni Plavni",)),
    "UA-56": (("Rivne", "Rovno"), ("Varash",), ("Dubno",)),
    "UA-59": (("Sumy",), ("Okhtyrka",), ("Shostka",), ("Konotop",), ("Romny",), ("Lebedyn",),
              ("Bilopillia",), ("Hlukhiv",)),
    "UA-61": (("Ternopil", "Ternopol"), ("Chortkiv",)),
    "UA-63": (("Kharkiv", "Kharkov"), ("Izium", "Izyum"), ("Kupiansk", "Kupyansk"),
              ("Chuhuiv", "Chuguev"), ("Lozova",), ("Balakliia", "Balakleya"), ("Vovchansk",
              "Volchansk"), ("Zolochiv",), ("Merefa",), ("Bohodukhiv",)),
    "UA-65": (("Kherson",), ("Nova Kakhovka",), ("Kakhovka",), ("Beryslav",), ("Skadovsk",),
              ("Henichesk",), ("Oleshky",), ("Hola Prystan",)),
    "UA-68": (("Khmelnytskyi", "Khmelnytskyy", "Khmelnytsky", "Khmelnitsky"), ("Starokostiantyniv",
              "Starokostyantyniv"), ("Shepetivka",), ("Netishyn",), ("Kamianets-Podilskyi",)),
    "UA-71": (("Cherkasy", "Cherkassy"), ("Uman",), ("Smila",), ("Zolotonosha",)),
    "UA-74": (("Chernihiv", "Chernigov"), ("Nizhyn",), ("Pryluky",), ("Novhorod-Siverskyi",)),
    "UA-77": (("Chernivtsi", "Chernovtsy"),),
    "RU-AD": (("Maykop", "Maikop"),),
    "RU-AL": (("Gorno-Altaysk",),),
    "RU-AST": (("Astrakhan",),),
    "RU-BA": (("Ufa",), ("Salavat",), ("Sterlitamak",)),
    "RU-BEL": (("Belgorod",), ("Shebekino",), ("Valuyki",), ("Graivoron", "Grayvoron"),
               ("Stary Oskol",), ("Gubkin",)),
    "RU-BRY": (("Bryansk",), ("Klintsy",), ("Starodub",), ("Novozybkov",)),
    "RU-CE": (("Grozny",),),
    "RU-CHE": (("Chelyabinsk",),),
    "RU-CU": (("Cheboksary",),),
    "RU-DA": (("Makhachkala",), ("Kaspiysk",), ("Derbent",)),
    "RU-IVA": (("Ivanovo",),),
    "RU-KB": (("Nalchik",),),
    "RU-KDA": (("Krasnodar",), ("Novorossiysk",), ("Tuapse",), ("Sochi",), ("Anapa",), ("Yeysk", "Yeisk"),
               ("Slavyansk-na-Kubani",), ("Primorsko-Akhtarsk",), ("Krymsk",), ("Afipsky",),
               ("Ilsky",), ("Tikhoretsk",)),
    "RU-KGD": (("Kaliningrad",),),
    "RU-KIR": (("Kirov",),),
    "RU-KLU": (("Kaluga",), ("Obninsk",)),
    "RU-KOS": (("Kostroma",),),
    "RU-KRS": (("Kursk",), ("Kurchatov",), ("Sudzha",), ("Lgov",), ("Rylsk",), ("Zheleznogorsk",),
               ("Korenevo",)),
    "RU-LEN": (("Kirishi",), ("Ust-Luga",), ("Primorsk",), ("Vyborg",)),
    "RU-LIP": (("Lipetsk",), ("Yelets",)),
    "RU-MOS": (("Domodedovo",), ("Ramenskoye",), ("Podolsk",), ("Khimki",), ("Balashikha",),
               ("Mytishchi",), ("Krasnogorsk",), ("Lyubertsy",), ("Kolomna",), ("Sergiev Posad",
               "Sergiyev Posad"), ("Zhukovsky",), ("Kashira",), ("Noginsk",), ("Odintsovo",),
               ("Korolyov", "Korolev"), ("Elektrostal",), ("Dubna",), ("Vidnoye",), ("Kubinka",)),
    "RU-MOW": (("Moscow", "Moskva"),),
    "RU-MUR": (("Murmansk",), ("Severomorsk",)),
    "RU-NGR": (("Veliky Novgorod",),),
    "RU-NIZ": (("Nizhny Novgorod", "Nizhniy Novgorod"), ("Kstovo",), ("Dzerzhinsk",)),
    "RU-NVS": (("Novosibirsk",),),
    "RU-ORE": (("Orenburg",), ("Orsk",)),
    "RU-ORL": (("Oryol", "Orel"), ("Livny",)),
    "RU-PER": (("Perm",),),
    "RU-PNZ": (("Penza",),),
    "RU-PSK": (("Pskov",),),
    "RU-ROS": (("Rostov-on-Don", "Rostov-na-Donu", "Rostov"), ("Taganrog",), ("Novoshakhtinsk",),
               ("Shakhty",), ("Kamensk-Shakhtinsky",), ("Millerovo",), ("Bataysk", "Bataisk"),
               ("Novocherkassk",), ("Volgodonsk",), ("Morozovsk",)),
    "RU-RYA": (("Ryazan",),),
    "RU-SAM": (("Samara",), ("Syzran",), ("Novokuibyshevsk", "Novokuybyshevsk"), ("Tolyatti",
               "Togliatti")),
    "RU-SAR": (("Saratov",), ("Engels",), ("Balakovo",)),
    "RU-SE": (("Vladikavkaz",), ("Mozdok",), ("Beslan",)),
    "RU-SMO": (("Smolensk",),),
    "RU-SPE": (("Saint Petersburg", "St Petersburg", "St. Petersburg", "Sankt-Peterburg"),),
    "RU-STA": (("Stavropol",), ("Nevinnomyssk",), ("Budyonnovsk", "Budennovsk")),
    "RU-SVE": (("Yekaterinburg", "Ekaterinburg"),),
    "RU-TA": (("Kazan",), ("Yelabuga", "Elabuga"), ("Alabuga",), ("Nizhnekamsk",),
              ("Naberezhnye Chelny",), ("Almetyevsk",)),
    "RU-TAM": (("Tambov",), ("Michurinsk",)),
    "RU-TUL": (("Tula",), ("Aleksin",)),
    "RU-TVE": (("Tver",), ("Toropets",), ("Konakovo",)),
    "RU-TYU": (("Tyumen",),),
    "RU-UD": (("Izhevsk",), ("Votkinsk",)),
    "RU-ULY": (("Ulyanovsk",),),
    "RU-VGG": (("Volgograd",), ("Kamyshin",), ("Kotovo",), ("Volzhsky",)),
    "RU-VLG": (("Vologda",), ("Cherepovets",)),
    "RU-VOR": (("Voronezh",), ("Liski",), ("Borisoglebsk",), ("Rossosh",)),
    "RU-YAR": (("Yaroslavl",),),
    "RU-CHU": (("Anadyr",),),
    "RU-ME": (("Yoshkar-Ola",),),
    "RU-MO": (("Saransk",),),
    "IL-D": (("Beersheba", "Beer Sheva", "Be'er Sheva", "Beersheva", "Beer-Sheva"), ("Ashdod",),
             ("Ashkelon", "Ashqelon"), ("Sderot",), ("Eilat", "Elat"), ("Dimona",), ("Nevatim",),
             ("Netivot",), ("Ofakim",), ("Kiryat Gat",)),
    "IL-HA": (("Haifa", "Hefa"), ("Hadera",), ("Zikhron Ya'akov", "Zichron Yaakov")),
    "IL-JM": (("Jerusalem",), ("Beit Shemesh",)),
    "IL-M": (("Petah Tikva", "Petah Tiqva", "Petach Tikva", "Petah Tikvah"), ("Rishon LeZion", "Rishon Lezion",
             "Rishon Le Zion", "Rishon Letzion"), ("Rehovot", "Rehovoth"), ("Netanya",), ("Kfar Saba",),
             ("Ra'anana", "Raanana"), ("Lod", "Lydda"), ("Ramla", "Ramle"), ("Modiin", "Modi'in"),
             ("Ness Ziona",), ("Yavne",), ("Rosh HaAyin", "Rosh Ha'ayin")),
    "IL-TA": (("Tel Aviv", "Tel Aviv-Yafo", "Tel Aviv-Jaffa"), ("Jaffa", "Yafo"), ("Ramat Gan",), ("Bat Yam",),
              ("Holon",), ("Herzliya", "Herzliyya"), ("Bnei Brak", "Bnei Berak"), ("Givatayim",),
              ("Ramat HaSharon",)),
    "IL-Z": (("Kiryat Shmona", "Qiryat Shemona", "Kiryat Shemona"), ("Nahariya", "Nahariyya"), ("Safed",
             "Tzfat", "Zefat"), ("Tiberias",), ("Nazareth",), ("Akko",), ("Metula",), ("Karmiel", "Carmiel"),
             ("Ma'alot-Tarshiha", "Maalot-Tarshiha"), ("Afula",)),
    "IR-00": (("Arak",), ("Khondab",)),
    "IR-01": (("Rasht",),),
    "IR-03": (("Tabriz",),),
    "IR-04": (("Urmia", "Orumiyeh"),),
    "IR-05": (("Kermanshah",),),
    "IR-06": (("Ahvaz", "Ahwaz"), ("Abadan",), ("Dezful",)),
    "IR-07": (("Shiraz",),),
    "IR-08": (("Kerman",),),
    "IR-09": (("Mashhad", "Mashad"),),
    "IR-10": (("Isfahan", "Esfahan"), ("Natanz",), ("Kashan",)),
    "IR-11": (("Zahedan",), ("Chabahar",)),
    "IR-12": (("Sanandaj",),),
    "IR-13": (("Hamadan", "Hamedan"),),
    "IR-15": (("Khorramabad",),),
    "IR-16": (("Ilam",),),
    "IR-18": (("Bushehr",),),
    "IR-19": (("Zanjan",),),
    "IR-20": (("Semnan",), ("Shahroud",)),
    "IR-21": (("Yazd",),),
    "IR-22": (("Bandar Abbas",),),
    "IR-23": (("Tehran", "Teheran"), ("Parchin",)),
    "IR-24": (("Ardabil", "Ardebil"),),
    "IR-25": (("Qom", "Qum"), ("Fordow", "Fordo")),
    "IR-26": (("Qazvin",),),
    "IR-27": (("Gorgan",),),
    "IR-30": (("Karaj",),),
    "YE-AD": (("Aden",),),
    "YE-AM": (("Amran",),),
    "YE-DH": (("Dhamar",),),
    "YE-HD": (("Mukalla",),),
    "YE-HJ": (("Hajjah",),),
    "YE-HU": (("Hodeidah", "Hodeida", "Hudaydah", "Al Hudaydah", "al-Hudaydah"), ("Ras Isa",), ("Salif",)),
    "YE-IB": (("Ibb",),),
    "YE-MA": (("Marib", "Ma'rib"),),
    "YE-SA": (("Sanaa", "Sana'a"),),
    "YE-SD": (("Saada", "Sa'ada", "Sa'dah"),),
    "YE-TA": (("Taiz", "Ta'iz", "Taizz"),),
    "LB-BA": (("Beirut", "Beyrouth"),),
    "LB-BH": (("Baalbek", "Baalbeck"), ("Hermel",)),
    "LB-BI": (("Zahle", "Zahleh"),),
    "LB-JA": (("Tyre",), ("Sidon",), ("Naqoura",)),
    "LB-NA": (("Nabatieh", "Nabatiyeh", "Nabatiye"), ("Bint Jbeil",), ("Marjayoun", "Marjeyoun"), ("Khiam",)),
    "SY-DI": (("Damascus",),),
    "SY-DR": (("Daraa", "Deraa", "Dara'a"),),
    "SY-DY": (("Deir ez-Zor", "Deir el-Zor", "Deir al-Zor", "Deir al-Zour", "Deir el-Zour", "Deir Ezzor"),
              ("Albu Kamal", "Abu Kamal", "Al-Bukamal", "Bukamal"), ("Mayadin", "Al-Mayadin")),
    "SY-HA": (("Hasakah", "Hasaka", "Al-Hasakah", "Hassakeh"), ("Qamishli",)),
    "SY-HI": (("Homs",), ("Palmyra",)),
    "SY-HL": (("Aleppo",), ("Manbij",)),
    "SY-HM": (("Hama",),),
    "SY-ID": (("Idlib", "Idleb"),),
    "SY-LA": (("Latakia", "Lattakia"), ("Jableh",)),
    "SY-QU": (("Quneitra",),),
    "SY-RA": (("Raqqa", "Raqqah"),),
    "SY-SU": (("Suwayda", "Sweida", "Suwaida"),),
    "SY-TA": (("Tartus", "Tartous"), ("Baniyas", "Banias")),
    "PS-BTH": (("Bethlehem",),),
    "PS-DEB": (("Deir al-Balah", "Deir el-Balah", "Deir al Balah"), ("Nuseirat",), ("Bureij",), ("Maghazi",)),
    "PS-GZA": (("Gaza City",),),
    "PS-HBN": (("Hebron", "Al-Khalil"),),
    "PS-JEN": (("Jenin",),),
    "PS-JRH": (("Jericho",),),
    "PS-KYS": (("Khan Younis", "Khan Yunis", "Khan Younes"),),
    "PS-NBS": (("Nablus",),),
    "PS-NGZ": (("Jabalia", "Jabaliya", "Jabalya"), ("Beit Lahia", "Beit Lahiya"), ("Beit Hanoun", "Beit Hanun")),
    "PS-QQA": (("Qalqilya", "Qalqiliya"),),
    "PS-RBH": (("Ramallah",), ("Al-Bireh", "El-Bireh")),
    "PS-RFH": (("Rafah",),),
    "PS-SLT": (("Salfit",),),
    "PS-TBS": (("Tubas",),),
    "PS-TKM": (("Tulkarm", "Tulkarem"),),
    "IQ-AN": (("Ain al-Asad", "Ain al-Assad", "Ayn al-Asad"), ("Ramadi",), ("Fallujah", "Falluja"), ("Al-Qaim",)),
    "IQ-AR": (("Erbil", "Arbil", "Irbil"),),
    "IQ-BA": (("Basra", "Basrah"),),
    "IQ-BB": (("Hillah", "Hilla"), ("Jurf al-Sakhar", "Jurf al-Nasr")),
    "IQ-BG": (("Baghdad",),),
    "IQ-DA": (("Duhok", "Dohuk"),),
    "IQ-DI": (("Baqubah", "Baquba"),),
    "IQ-DQ": (("Nasiriyah", "Nasiriya"),),
    "IQ-KA": (("Karbala", "Kerbala"),),
    "IQ-KI": (("Kirkuk",),),
    "IQ-MA": (("Amarah",),),
    "IQ-NA": (("Najaf",),),
    "IQ-NI": (("Mosul",),),
    "IQ-QA": (("Diwaniyah",),),
    "IQ-SD": (("Tikrit",), ("Samarra",), ("Baiji",)),
    "IQ-SU": (("Sulaymaniyah", "Sulaimaniyah", "Slemani", "Suleimaniyah"),),
    "IQ-WA": (("Kut",),),
    "MM-01": (("Sagaing",), ("Monywa",), ("Tabayin",), ("Shwebo",), ("Kale", "Kalay")),
    "MM-02": (("Bago", "Pegu"), ("Pyay", "Prome"), ("Taungoo", "Toungoo")),
    "MM-03": (("Magway", "Magwe"), ("Pakokku",)),
    "MM-04": (("Mandalay",), ("Madaya",), ("Pyin Oo Lwin",), ("Meiktila",)),
    "MM-05": (("Dawei",), ("Myeik",)),
    "MM-06": (("Yangon", "Rangoon"),),
    "MM-07": (("Pathein",),),
    "MM-11": (("Myitkyina",), ("Bhamo",), ("Hpakant",)),
    "MM-12": (("Loikaw",),),
    "MM-13": (("Hpa-an",), ("Myawaddy",)),
    "MM-14": (("Hakha",), ("Falam",)),
    "MM-15": (("Mawlamyine", "Moulmein"),),
    "MM-16": (("Sittwe",), ("Mrauk-U", "Mrauk U"), ("Kyaukphyu",)),
    "MM-17": (("Lashio",), ("Taunggyi",)),
    "MM-18": (("Naypyitaw", "Nay Pyi Taw", "Naypyidaw"),),
    "SD-DC": (("Zalingei",),),
    "SD-DE": (("Ed Daein", "Ad Du'ayn"),),
    "SD-DN": (("El Fasher", "Al Fashir", "El-Fasher", "Al-Fashir"), ("Tawila",)),
    "SD-DS": (("Nyala",),),
    "SD-DW": (("El Geneina", "Geneina", "Al Junaynah"),),
    "SD-GD": (("Gedaref", "Al Qadarif"),),
    "SD-GK": (("Babanusa",), ("El Fula", "Al Fulah")),
    "SD-GZ": (("Wad Madani", "Wad Medani"),),
    "SD-KA": (("Kassala",),),
    "SD-KH": (("Khartoum",), ("Omdurman",), ("Khartoum North", "Bahri")),
    "SD-KN": (("El Obeid", "Al-Ubayyid", "Al Ubayyid"), ("Bara",)),
    "SD-KS": (("Kadugli",), ("Dilling",)),
    "SD-NB": (("Damazin", "Ed Damazin", "Ad-Damazin"),),
    "SD-NO": (("Dongola",), ("Merowe",)),
    "SD-NR": (("Atbara",), ("Shendi",), ("Ed Damer", "Ad-Damir")),
    "SD-NW": (("Kosti",), ("Rabak",)),
    "SD-RS": (("Port Sudan",),),
    "SD-SI": (("Sennar", "Sinnar"), ("Singa",)),
}

# Spellings that name a subdivision on their own although its English name carries a type word:
# "Volyn" and "Transcarpathia" mean the oblast, "Primorye" the krai.
STANDALONE_ALIASES: dict[str, str] = {
    "Volyn": "UA-07", "Volhynia": "UA-07", "Zakarpattia": "UA-21", "Transcarpathia": "UA-21",
    "Primorye": "RU-PRI", "Kamchatka": "RU-KAM", "Kuzbass": "RU-KEM", "Yugra": "RU-KHM",
    "Sakhalin": "RU-SAK", "Iraqi Kurdistan": "IQ-KR",
    "Rakhine": "MM-16", "Kachin": "MM-11", "Tanintharyi": "MM-05", "Ayeyarwady": "MM-07", "Kayah": "MM-12",
    "Kayin": "MM-13", "North Darfur": "SD-DN", "South Darfur": "SD-DS", "West Darfur": "SD-DW",
    "East Darfur": "SD-DE", "Central Darfur": "SD-DC", "North Kordofan": "SD-KN", "South Kordofan": "SD-KS",
    "West Kordofan": "SD-GK", "Gezira": "SD-GZ", "Al Jazirah": "SD-GZ",
}

# Words naming a kind of subdivision; `normalize_place` drops them.
TYPE_WORDS = (
    "oblast", "oblasts", "oblasti", "region", "regions", "province", "provinces", "krai", "kray",
    "territory", "republic", "respublika", "autonomous", "avtonomna", "avtonomnaya", "avtonomnyy",
    "okrug", "governorate", "governorates", "prefecture", "prefectures",
)
# Dropped from lookup keys too, but naming the city rather than a subdivision ("Kyiv City" is UA-30).
CITY_WORDS = ("city", "municipality")
_TYPE_WORD_RE = re.compile(rf"\b(?:{'|'.join(TYPE_WORDS)})\b")
_CITY_WORD_RE = re.compile(rf"\b(?:{'|'.join(CITY_WORDS)})\b")
_KEY_NOISE_RE = re.compile(rf"\b(?:{'|'.join(TYPE_WORDS + CITY_WORDS)}|of|the)\b")
# pycountry's type words, dropped from an official name to get the spelling searched for in text
_OFFICIAL_TYPE_RE = re.compile(r",?\s*\b(?:oblast|respublika|avtonomnyy okrug|avtonomnaya oblast|kray)\b'?|"
                               r"\s*\[[^\]]*\]", re.IGNORECASE)
_APOSTROPHES = re.compile(r"[\u0027\u2019\u02bc\u02bb\u2018\u0060\u00b4]")
# square brackets only occur in pycountry's notes ("Amānat al ‘Āşimah [city]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015,.\[\]]+")
_CITY_KINDS = ("City", "Autonomous city", "Municipality")
# the type words of the English names, dropped to get their stem
_STEM_TYPE_RE = re.compile(r"\s+(?:Oblast|Krai|Autonomous Okrug|Autonomous Oblast|Province|Governorate|District|"
                           r"Region|State|Union Territory)$")
_COMPASS_WORDS = frozenset(("North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
                            "Central"))


@dataclass(frozen=True)
class Subdivision:
    """An ISO 3166-2 subdivision: code, country, English name and pycountry's official name and type."""

    code: str
    country: str
    name: str
    official: str
    kind: str


@dataclass(frozen=True)
class City:
    """A city or town: English display name and the subdivision that contains it."""

    name: str
    code: str
    country: str


@dataclass(frozen=True)
class PlaceName:
    """What one spelling can name: a subdivision (with a type word), a city, a stand-alone region."""

    region: Subdivision | None
    city: City | None
    standalone: Subdivision | None
    # subdivisions of different kinds sharing the spelling, by the type word of their English name:
    # "Kurdistan region" is IQ-KR, "Kurdistan province" IR-12
    by_type: tuple[tuple[str, Subdivision], ...] = ()

    def bare(self) -> tuple[str, str, str] | None:
        """(English name, ISO 3166-2 code, country) of a bare mention, or None when it names nothing.

        A city wins over its namesake subdivision: "Kharkiv" struck is the city (UA-63), "Kyiv" UA-30.
        """
        if self.city is not None:
            return self.city.name, self.city.code, self.city.country
        if self.standalone is not None:
            return self.standalone.name, self.standalone.code, self.standalone.country
        return None

    def typed(self, type_word: str | None = None) -> tuple[str, str, str] | None:
        """(English name, code, country) of a mention with a type word ("Kharkiv region", "Kyiv Oblast").

        `type_word`, the type word of the text ("province", "regions"), picks among subdivisions of
        different kinds that share the spelling; without it, or when it fits none, the first one counts.
        """
        target = self.region or self.standalone
        if type_word and self.by_type:
            word = normalize_words(type_word).removesuffix("s")
            target = next((sub for kind, sub in self.by_type if kind == word), target)
        if target is None:
            return None
        return target.name, target.code, target.country


def normalize_words(text: str) -> str:
    """Lower-case ASCII words of `text`: diacritics and apostrophes removed, hyphens and dots as spaces."""
    folded = _APOSTROPHES.sub("", _without_diacritics(text)).lower()
    return _SEPARATORS.sub(" ", folded).strip()


def normalize_place(text: str) -> str:
    """The lookup key of a place name: its words without type words ("Kyïvs'ka oblast" -> "kyivska").

    "St" is read as "saint", so "St. Petersburg" and "Saint Petersburg" share a key.
    """
    words = normalize_words(text)
    if words.startswith("st "):
        words = "saint " + words[3:]
    return " ".join(_KEY_NOISE_RE.sub(" ", words).split())


@lru_cache(maxsize=4096)
def has_type_word(text: str) -> bool:
    """True when a spelling carries a type word itself ("Chechen Republic", "Kyiv City")."""
    return _TYPE_WORD_RE.search(normalize_words(text)) is not None


def _stem(name: str) -> str:
    """The English name without its type word: "Poltava Oblast" -> "Poltava", "Haifa District" -> "Haifa".

    A name whose stem would be a compass word keeps its type word ("Southern District"): the word alone
    names nothing.
    """
    stem = _STEM_TYPE_RE.sub("", name)
    return name if stem in _COMPASS_WORDS else stem


def _english() -> dict[str, tuple[str, tuple[str, ...]]]:
    return {**UKRAINE, **RUSSIA, **ISRAEL, **IRAN, **YEMEN, **LEBANON, **SYRIA, **PALESTINE, **IRAQ, **MYANMAR,
            **SUDAN}


def _check_codes() -> None:
    """Fail at import when a table names a code pycountry does not know, or misses a subdivision."""
    known = {sub.code for country in COUNTRIES for sub in pycountry.subdivisions.get(country_code=country)}
    english = set(_english())
    unknown = (english | set(CITIES) | set(STANDALONE_ALIASES.values())) - known
    if unknown:
        raise ValueError(f"codes unknown to pycountry: {sorted(unknown)}")
    if known - english:
        raise ValueError(f"subdivisions without an English name: {sorted(known - english)}")


_check_codes()


@cache
def subdivisions() -> dict[str, Subdivision]:
    """Every subdivision of the covered countries by ISO 3166-2 code, with its English name."""
    english = _english()
    out: dict[str, Subdivision] = {}
    for country in COUNTRIES:
        for sub in sorted(pycountry.subdivisions.get(country_code=country), key=lambda s: s.code):
            out[sub.code] = Subdivision(sub.code, country, english[sub.code][0], sub.name, sub.type)
    return out


def subdivision(code: str) -> Subdivision | None:
    """The subdivision of an ISO 3166-2 code, or None when the gazetteer does not hold it."""
    return subdivisions().get(code.upper())


def cities() -> dict[str, City]:
    """Every city of the gazetteer by lookup key of each of its spellings."""
    return _index()[2]


def official_spelling(official: str) -> str:
    """pycountry's official name as text writes it: type words dropped ("Poltavska oblast" -> "Poltavska")."""
    return " ".join(_OFFICIAL_TYPE_RE.sub(" ", official).split()).strip(" ,")


@cache
def other_subdivisions() -> tuple[Subdivision, ...]:
    """The provinces, states and regions of the countries outside COUNTRIES, by pycountry's names."""
    covered = set(COUNTRIES)
    return tuple(Subdivision(sub.code, sub.country_code, _without_diacritics(sub.name), sub.name, sub.type)
                 for sub in sorted(pycountry.subdivisions, key=lambda s: s.code)
                 if sub.country_code not in covered and sub.type in OTHER_COUNTRY_KINDS)


def _without_diacritics(text: str) -> str:
    """`text` without its diacritics ("Gujarāt" -> "Gujarat")."""
    folded = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def _other_spellings(sub: Subdivision) -> set[str]:
    """How news writes a subdivision of another country: pycountry's name, without diacritics, and a name of
    short words written as one ("Si Sa Ket" as "Sisaket")."""
    found = {sub.official, sub.name}
    words = sub.name.split()
    if 1 < len(words) <= 3 and all(len(word) <= 5 for word in words):
        found.add("".join(words).capitalize())
    return {spelling for spelling in found if len(spelling) > 2}


@cache
def _index() -> tuple[dict[str, PlaceName], tuple[str, ...], dict[str, City]]:
    """(lookup key -> PlaceName, every spelling to search for in text, lookup key -> City)."""
    regions: dict[str, Subdivision] = {}
    region_types: dict[str, dict[str, Subdivision]] = {}
    standalone: dict[str, Subdivision] = {}
    city_by_key: dict[str, City] = {}
    spellings: set[str] = set()
    english = _english()
    for code, sub in subdivisions().items():
        official = official_spelling(sub.official)
        # cities (Kyiv, Moscow) and republics stand alone in pycountry's own naming
        official_alone = sub.kind in _CITY_KINDS or sub.kind == "Republic"
        name_alone = not has_type_word(_stem(sub.name)) and _stem(sub.name) == sub.name
        kind_word = sub.name[len(_stem(sub.name)):].strip().lower()
        for spelling in (_stem(sub.name), *english[code][1], official):
            if spelling in _COMPASS_WORDS:
                continue  # pycountry's "Northern" (Sudan's Northern State) alone names nothing
            key = normalize_place(spelling)
            # a city subdivision shares its stem with the oblast around it: "Kyiv region" is UA-32
            if sub.kind not in _CITY_KINDS and not has_type_word(spelling):
                regions.setdefault(key, sub)
                if kind_word:
                    region_types.setdefault(key, {}).setdefault(kind_word, sub)
            if name_alone or (spelling == official and official_alone) or has_type_word(spelling):
                standalone.setdefault(key, sub)
            spellings.add(spelling)
    for spelling, code in STANDALONE_ALIASES.items():
        standalone.setdefault(normalize_place(spelling), subdivisions()[code])
        spellings.add(spelling)
    for code, groups in CITIES.items():
        for group in groups:
            city = City(group[0], code, code[:2])
            for spelling in group:
                key = normalize_place(spelling)
                city_by_key.setdefault(key, city)
                if not _CITY_WORD_RE.search(normalize_words(spelling)):
                    _BARE_CITY_KEYS.add(key)
                spellings.add(spelling)
    index = {
        key: PlaceName(regions.get(key), city_by_key.get(key), standalone.get(key),
                       tuple(sorted(region_types[key].items())) if len(region_types.get(key, ())) > 1 else ())
        for key in set(regions) | set(city_by_key) | set(standalone)
    }
    return index, tuple(sorted(s for s in spellings if s)), city_by_key


# Keys of cities named by a spelling without a city word. "Gaza City" is keyed "gaza" like "Kyiv City" is
# "kyiv", but bare "Gaza" is the Strip, not the city: a city only spelled with its city word needs it.
_BARE_CITY_KEYS: set[str] = set()


@lru_cache(maxsize=4096)
def lookup(text: str) -> PlaceName | None:
    """What a place spelling names ("Kharkov", "Kyivska oblast", "North Ossetia"), or None."""
    key = normalize_place(text)
    place = _index()[0].get(key)
    if (place is not None and place.city is not None and key not in _BARE_CITY_KEYS
            and not _CITY_WORD_RE.search(normalize_words(text))):
        if place.region is None and place.standalone is None:
            return None
        return PlaceName(place.region, None, place.standalone, place.by_type)
    return place


@cache
def _other_index() -> dict[str, dict[str, Subdivision]]:
    """Lookup key -> {kind word -> subdivision} of the other countries' subdivisions that share no key with a
    place of the gazetteer's own (kind words: "province", "state", "region", ...)."""
    own = _index()[0]
    index: dict[str, dict[str, Subdivision]] = {}
    for sub in other_subdivisions():
        kind_word = normalize_words(sub.kind).split()[-1]
        for spelling in _other_spellings(sub):
            key = normalize_place(spelling)
            if key and key not in own and key.title() not in _COMPASS_WORDS:  # "Southern Province" names nothing
                index.setdefault(key, {}).setdefault(kind_word, sub)
    return index


@lru_cache(maxsize=4096)
def is_other_region(spelling: str) -> bool:
    """Whether `spelling` names a province, state or region of a country outside COUNTRIES ("Surin")."""
    return normalize_place(spelling) in _other_index()


def other_region(spelling: str, type_word: str | None) -> tuple[str, str, str] | None:
    """(name, ISO 3166-2 code, country) of another country's subdivision named with its type word ("Punjab
    province" is Pakistan's, "Punjab state" India's), or None."""
    kinds = _other_index().get(normalize_place(spelling))
    if not kinds:
        return None
    word = normalize_words(type_word).removesuffix("s") if type_word else ""
    sub = kinds.get(word) or next(iter(kinds.values()))
    return sub.name, sub.code, sub.country


def spellings() -> tuple[str, ...]:
    """Every spelling of a place in the gazetteer, as text writes it ("Kryvyi Rih", "Odessa")."""
    return _index()[1]


def trie_pattern(words: list[str]) -> str:
    """A regex matching exactly `words`, factored as a character trie so that matching stays fast."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [_char_pattern(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            body = "(?:" + body + ")?"
        return body

    return render(trie)


def _char_pattern(ch: str) -> str:
    # spaces and hyphens are interchangeable in transliterated names; apostrophes are optional
    if ch in " -\u2013":
        return r"[ \-\u2010-\u2013]"
    if ch in "'\u2019":
        return r"['\u2019\u02bc]?"
    return re.escape(ch)


@cache
def place_regex() -> re.Pattern[str]:
    """A compiled regex finding any gazetteer spelling (the longest at each position).

    Case-sensitive: place names are proper names, and an all-caps dateline ("KYIV -") is not a place hit.
    It has no word-boundary guards, which would slow the scan down: callers check that a match is a
    whole word.
    """
    return re.compile(trie_pattern(list(spellings())))
