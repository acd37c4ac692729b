"""Synthetic news corpus generator for claimcheck benchmarks.

Generates many independent stories, each reported by 3-6 outlets that word the
same facts differently (date, number and name formats, paraphrases, attribution,
boilerplate, filler) and, for a fraction of stories, one planted disagreement.
The truth dict records which sentence of which article states which fact and
every planted conflict, so grouping recall and conflict precision/recall can
be measured.

Usage::

    python benchmarks/generate_corpus.py --articles 1000 --seed 0 \
        --out corpus.jsonl --truth truth.json

Only ``random.Random(seed)`` is used, so output is deterministic for a seed.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

__all__ = ["generate", "main", "date_phrase", "count_phrase", "person_ref"]

# --------------------------------------------------------------------------- words

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MON_AP = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def num_words(n: int) -> str:
    """Spell a number below 100 in English words.

    :param n: integer in ``[0, 99]``.
    :returns: e.g. ``"twenty-three"``.
    """
    if n < 20:
        return _ONES[n]
    t, o = divmod(n, 10)
    return _TENS[t] if o == 0 else f"{_TENS[t]}-{_ONES[o]}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _clean(s: str) -> str:
    if "  " in s:
        s = s.replace("  ", " ")
    if " ," in s:
        s = s.replace(" ,", ",")
    if ",," in s:
        s = s.replace(",,", ",")
    if ",." in s:
        s = s.replace(",.", ".")
    if ".." in s:
        s = s.replace("..", ".")
    return _cap(s)


# --------------------------------------------------------------------------- vocab

_GIVEN_M = [
    "James",
    "Daniel",
    "Marcus",
    "Olek",
    "Tomasz",
    "Pieter",
    "Luca",
    "Mateo",
    "Diego",
    "Rafael",
    "Kwame",
    "Tunde",
    "Emeka",
    "Hiroshi",
    "Kenji",
    "Arjun",
    "Vikram",
    "Rohan",
    "Omar",
    "Yusuf",
    "Ahmed",
    "Hussein",
    "Khaled",
    "Mohammed",
    "Sergei",
    "Dmitri",
    "Andrei",
    "Nikolai",
    "Aleksandr",
    "Yuri",
    "Fyodor",
    "Yevgeny",
    "Aleksei",
    "Ivan",
    "Piotr",
    "Jakub",
    "Henrik",
    "Lars",
    "Anders",
    "Felipe",
    "Thiago",
    "Mehmet",
    "Emre",
    "Cyrus",
    "Dario",
    "Stefan",
    "Goran",
    "Milos",
    "Elias",
    "Tobias",
    "Conor",
    "Declan",
    "Samuel",
    "Isaac",
    "Patrick",
    "Graham",
    "Howard",
    "Warren",
    "Calvin",
    "Dominic",
    "Abdoulaye",
    "Moussa",
    "Kofi",
    "Chidi",
    "Ravi",
    "Anil",
    "Tariq",
    "Bilal",
    "Farid",
    "Nasser",
    "Jonas",
    "Mikkel",
    "Rasmus",
    "Vincent",
    "Hugo",
    "Bastien",
    "Ramon",
    "Esteban",
]
_GIVEN_F = [
    "Dana",
    "Maria",
    "Sofia",
    "Elena",
    "Anna",
    "Olga",
    "Tatiana",
    "Natalia",
    "Irina",
    "Svetlana",
    "Amara",
    "Ngozi",
    "Chioma",
    "Aisha",
    "Fatima",
    "Layla",
    "Yasmin",
    "Priya",
    "Ananya",
    "Meera",
    "Keiko",
    "Yuki",
    "Mei",
    "Lin",
    "Hana",
    "Ingrid",
    "Astrid",
    "Freya",
    "Clara",
    "Helena",
    "Marta",
    "Lucia",
    "Camila",
    "Valentina",
    "Isabel",
    "Grace",
    "Hannah",
    "Rachel",
    "Naomi",
    "Ruth",
    "Diane",
    "Karen",
    "Sandra",
    "Joanne",
    "Bridget",
    "Siobhan",
    "Aoife",
    "Zainab",
    "Halima",
    "Amina",
    "Nadia",
    "Leila",
    "Sabine",
    "Margot",
    "Eloise",
    "Ines",
    "Beatriz",
    "Renata",
    "Agnieszka",
    "Katarzyna",
    "Zofia",
    "Ewa",
    "Monique",
    "Colette",
    "Teresa",
    "Gloria",
]
_GIVEN_VARIANTS: dict[str, str] = {
    "Sergei": "Sergey",
    "Dmitri": "Dmitry",
    "Andrei": "Andrey",
    "Nikolai": "Nikolay",
    "Aleksandr": "Alexander",
    "Yuri": "Yury",
    "Fyodor": "Fedor",
    "Yevgeny": "Evgeny",
    "Aleksei": "Alexey",
    "Mohammed": "Muhammad",
    "Ahmed": "Ahmad",
    "Hussein": "Husain",
    "Khaled": "Khalid",
    "Yusuf": "Yousef",
    "Omar": "Umar",
    "Abdoulaye": "Abdulaye",
    "Moussa": "Musa",
    "Tatiana": "Tatyana",
    "Natalia": "Natalya",
    "Olga": "Olha",
    "Aisha": "Ayesha",
}

_ONSETS = [
    "b",
    "br",
    "ch",
    "d",
    "dr",
    "f",
    "g",
    "gr",
    "h",
    "k",
    "kh",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "sh",
    "st",
    "t",
    "tr",
    "v",
    "w",
    "z",
    "zh",
    "j",
    "y",
    "bl",
    "pl",
    "kr",
    "sl",
]
_VOWELS = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ou", "ee", "ai"]
_CODAS = ["", "", "", "n", "r", "l", "s", "k", "m", "d", "t", "rn", "ld", "st", "v"]
_SURNAME_ENDINGS = [
    "ov",
    "ev",
    "in",
    "enko",
    "sky",
    "chuk",
    "ovich",
    "ton",
    "wood",
    "combe",
    "ley",
    "well",
    "by",
    "field",
    "ford",
    "ham",
    "more",
    "worth",
    "son",
    "ez",
    "ero",
    "ini",
    "elli",
    "eira",
    "ano",
    "mann",
    "berg",
    "stein",
    "er",
    "hardt",
    "ou",
    "idis",
    "akis",
    "opoulos",
    "i",
    "ani",
    "awi",
    "oun",
    "ye",
    "wa",
    "ndu",
    "ov",
    "ev",
    "ski",
    "ov",
]
_CITY_SUFFIXES = [
    "ton",
    "ville",
    "burg",
    "field",
    "port",
    "ford",
    "mouth",
    "wick",
    "stead",
    "haven",
    "dale",
    "bridge",
    "by",
    "ham",
    "chester",
    "mont",
    "ridge",
    "water",
    "brook",
    "wood",
]
_CITY_PREFIXES = ["Port ", "San ", "Lake ", "New ", "Fort ", "Mount ", "East ", "North ", "West "]

_US_STATES = [
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
]
_US_STATE_SET = frozenset(_US_STATES)
_COUNTRIES: tuple[tuple[str, str], ...] = (
    ("France", "French"),
    ("Germany", "German"),
    ("Japan", "Japanese"),
    ("Brazil", "Brazilian"),
    ("Kenya", "Kenyan"),
    ("India", "Indian"),
    ("Canada", "Canadian"),
    ("Mexico", "Mexican"),
    ("Italy", "Italian"),
    ("Spain", "Spanish"),
    ("Poland", "Polish"),
    ("Turkey", "Turkish"),
    ("Egypt", "Egyptian"),
    ("Nigeria", "Nigerian"),
    ("Ghana", "Ghanaian"),
    ("Indonesia", "Indonesian"),
    ("Chile", "Chilean"),
    ("Peru", "Peruvian"),
    ("Argentina", "Argentine"),
    ("Norway", "Norwegian"),
    ("Sweden", "Swedish"),
    ("Finland", "Finnish"),
    ("Greece", "Greek"),
    ("Portugal", "Portuguese"),
    ("Morocco", "Moroccan"),
    ("Vietnam", "Vietnamese"),
    ("Thailand", "Thai"),
    ("Philippines", "Philippine"),
    ("Pakistan", "Pakistani"),
    ("Ukraine", "Ukrainian"),
    ("Romania", "Romanian"),
    ("Austria", "Austrian"),
    ("Ireland", "Irish"),
    ("Australia", "Australian"),
    ("Colombia", "Colombian"),
    ("Senegal", "Senegalese"),
    ("Ethiopia", "Ethiopian"),
    ("Malaysia", "Malaysian"),
    ("Jordan", "Jordanian"),
    ("Georgia", "Georgian"),
)


def _pairs(spec: str) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for item in spec.split("|"):
        a, b = item.split(":")
        out.append((a, b))
    return tuple(out)


_REAL_CITIES: tuple[tuple[str, str], ...] = _pairs(
    "Chicago:Illinois|Houston:Texas|Phoenix:Arizona|Memphis:Tennessee|Baltimore:Maryland|"
    "Detroit:Michigan|Milwaukee:Wisconsin|Cleveland:Ohio|Columbus:Ohio|Tulsa:Oklahoma|"
    "Fresno:California|Sacramento:California|Omaha:Nebraska|Wichita:Kansas|Richmond:Virginia|"
    "Birmingham:Alabama|Jackson:Mississippi|Shreveport:Louisiana|Little Rock:Arkansas|"
    "Albuquerque:New Mexico|Tucson:Arizona|Spokane:Washington|Boise:Idaho|Reno:Nevada|"
    "Savannah:Georgia|Charleston:South Carolina|Raleigh:North Carolina|Durham:North Carolina|"
    "Knoxville:Tennessee|Lexington:Kentucky|Louisville:Kentucky|Dayton:Ohio|Toledo:Ohio|"
    "Akron:Ohio|Gary:Indiana|Peoria:Illinois|Rockford:Illinois|Flint:Michigan|"
    "Lansing:Michigan|Madison:Wisconsin|Duluth:Minnesota|Fargo:North Dakota|"
    "Billings:Montana|Cheyenne:Wyoming|Provo:Utah|Pueblo:Colorado|Eugene:Oregon|"
    "Salem:Oregon|Tacoma:Washington|Stockton:California|Bakersfield:California|"
    "Modesto:California|Lubbock:Texas|Amarillo:Texas|Waco:Texas|Laredo:Texas|"
    "Mobile:Alabama|Macon:Georgia|Augusta:Georgia|Tallahassee:Florida|Gainesville:Florida|"
    "Pensacola:Florida|Trenton:New Jersey|Camden:New Jersey|Newark:New Jersey|"
    "Albany:New York|Syracuse:New York|Rochester:New York|Buffalo:New York|"
    "Hartford:Connecticut|Providence:Rhode Island|Worcester:Massachusetts|"
    "Springfield:Massachusetts|Portland:Maine|Burlington:Vermont|Scranton:Pennsylvania|"
    "Erie:Pennsylvania|Allentown:Pennsylvania|Lyon:France|Marseille:France|Toulouse:France|"
    "Hamburg:Germany|Cologne:Germany|Leipzig:Germany|Osaka:Japan|Sendai:Japan|"
    "Nagoya:Japan|Recife:Brazil|Curitiba:Brazil|Manaus:Brazil|Mombasa:Kenya|"
    "Kisumu:Kenya|Pune:India|Chennai:India|Lucknow:India|Halifax:Canada|Winnipeg:Canada|"
    "Calgary:Canada|Monterrey:Mexico|Puebla:Mexico|Oaxaca:Mexico|Naples:Italy|"
    "Turin:Italy|Bologna:Italy|Valencia:Spain|Seville:Spain|Bilbao:Spain|Gdansk:Poland|"
    "Krakow:Poland|Izmir:Turkey|Antalya:Turkey|Alexandria:Egypt|Kano:Nigeria|"
    "Ibadan:Nigeria|Kumasi:Ghana|Surabaya:Indonesia|Bandung:Indonesia|"
    "Valparaiso:Chile|Arequipa:Peru|Cordoba:Argentina|Bergen:Norway|Gothenburg:Sweden|"
    "Tampere:Finland|Thessaloniki:Greece|Porto:Portugal|Fez:Morocco|Da Nang:Vietnam|"
    "Chiang Mai:Thailand|Cebu:Philippines|Lahore:Pakistan|Lviv:Ukraine|Kharkiv:Ukraine|"
    "Cluj-Napoca:Romania|Graz:Austria|Cork:Ireland|Perth:Australia|Adelaide:Australia|"
    "Medellin:Colombia|Cali:Colombia|Dakar:Senegal|Penang:Malaysia|Aqaba:Jordan|"
    "Batumi:Georgia"
)
_COMPANY_SUFFIXES = [
    "Systems",
    "Holdings",
    "Labs",
    "Energy",
    "Pharma",
    "Logistics",
    "Foods",
    "Motors",
    "Networks",
    "Capital",
    "Biosciences",
    "Group",
    "Technologies",
    "Retail",
    "Airlines",
    "Mining",
    "Software",
    "Robotics",
    "Media",
    "Analytics",
]
_MASCOTS = [
    "Rovers",
    "United",
    "Wanderers",
    "Falcons",
    "Lions",
    "Rangers",
    "Athletic",
    "Comets",
    "Mariners",
    "Thunder",
    "Stallions",
    "Hornets",
    "Pilots",
    "Royals",
    "Harriers",
    "Vipers",
]
_PARTIES = [
    "Progressive Alliance",
    "Civic Party",
    "Labour Party",
    "Liberal Democrats",
    "People's Party",
    "Green Party",
    "Conservative Party",
    "Reform Party",
    "Democratic Union",
    "Workers' Party",
]
_PAPERS = [
    "Herald",
    "Gazette",
    "Courier",
    "Tribune",
    "Chronicle",
    "Post",
    "Times",
    "Sentinel",
    "Observer",
    "Ledger",
    "Dispatch",
    "Star",
    "Journal",
    "Record",
    "Register",
    "Bulletin",
    "Examiner",
    "Mirror",
    "Beacon",
    "Express",
    "Telegraph",
    "Standard",
]
_SOCIALS = ("Facebook", "X", "Instagram", "Threads", "YouTube", "TikTok", "LinkedIn", "Bluesky")


@dataclass(frozen=True, slots=True)
class Person:
    """A generated person; ``alt_given``/``alt_surname`` are transliteration variants."""

    given: str
    surname: str
    female: bool
    alt_given: str | None = None
    alt_surname: str | None = None

    @property
    def full(self) -> str:
        """Canonical full name."""
        return f"{self.given} {self.surname}"


@dataclass(frozen=True, slots=True)
class Place:
    """A city and its state or country."""

    city: str
    region: str

    @property
    def full(self) -> str:
        """``City, Region``."""
        return f"{self.city}, {self.region}"


@dataclass(frozen=True, slots=True)
class Role:
    """A role a person holds in a story, rendered before or after the name."""

    title: str  # "Police Chief"
    short: str  # "Chief"
    desc: str  # "the city's police chief"


@dataclass(slots=True)
class Vocab:
    """Vocabulary drawn once per ``generate`` call."""

    surnames: list[str]
    cities: list[Place]
    companies: list[str]
    intl_cities: list[Place]


def _syllable(rng: random.Random) -> str:
    return rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)


def _surname_variant(s: str) -> str | None:
    if s.endswith("ov") or s.endswith("ev"):
        return s[:-1] + "ff"
    if s.endswith("sky"):
        return s[:-1] + "i"
    if s.endswith("ski"):
        return s[:-1] + "y"
    if "ou" in s[1:]:
        return s[0] + s[1:].replace("ou", "u", 1)
    if "ee" in s:
        return s.replace("ee", "i", 1)
    return None


def _make_vocab(rng: random.Random, n_stories: int) -> Vocab:
    n_sur = max(2000, n_stories * 2)
    surnames: list[str] = []
    seen: set[str] = set()
    while len(surnames) < n_sur:
        core = _syllable(rng)
        if rng.random() < 0.6:
            core += _syllable(rng)
        end = rng.choice(_SURNAME_ENDINGS)
        s = _cap(core + end)
        if 4 <= len(s) <= 14 and s not in seen:
            seen.add(s)
            surnames.append(s)
    cities: list[Place] = [Place(c, r) for c, r in _REAL_CITIES]
    cseen = {p.city for p in cities}
    countries = [c for c, _ in _COUNTRIES]
    while len(cities) < 1500:
        name = _cap(_syllable(rng) + rng.choice(_CITY_SUFFIXES))
        if rng.random() < 0.15:
            name = rng.choice(_CITY_PREFIXES) + name
        if name in cseen or len(name) < 5:
            continue
        cseen.add(name)
        region = rng.choice(_US_STATES) if rng.random() < 0.6 else rng.choice(countries)
        cities.append(Place(name, region))
    companies: list[str] = []
    kseen: set[str] = set()
    while len(companies) < max(800, n_stories // 2):
        base = _cap(_syllable(rng) + rng.choice(["", "a", "is", "on", "ex", "ia", "ar"]))
        name = f"{base} {rng.choice(_COMPANY_SUFFIXES)}"
        if name not in kseen and len(base) >= 4:
            kseen.add(name)
            companies.append(name)
    intl = [p for p in cities if p.region not in _US_STATE_SET]
    return Vocab(surnames, cities, companies, intl)


def _person(rng: random.Random, vocab: Vocab, avoid: str = "") -> Person:
    female = rng.random() < 0.45
    given = rng.choice(_GIVEN_F if female else _GIVEN_M)
    while True:
        sur = rng.choice(vocab.surnames)
        if not avoid or (sur[:3] != avoid[:3] and sur != avoid):
            break
    alt_g = _GIVEN_VARIANTS.get(given)
    alt_s = _surname_variant(sur)
    return Person(given, sur, female, alt_g, alt_s)


# --------------------------------------------------------------------------- outlets


@dataclass(slots=True)
class Outlet:
    """A news outlet with a house style and reusable boilerplate."""

    name: str
    domain: str
    date_style: str
    words_small: bool
    lq: str
    rq: str
    follow: str
    about: str
    photo: str
    reporters: list[str]
    backgrounds: dict[str, str] = field(default_factory=dict)


_BACKGROUND_TEMPLATES: dict[str, tuple[str, ...]] = {
    "shooting": (
        "{O} tracks violent crime across the region as part of its public safety coverage.",
        "Anyone with information about a crime can contact the local police tip line anonymously.",
        "The {O} crime map is updated each weekday with incidents reported by local agencies.",
    ),
    "disaster": (
        "Residents can find shelter locations and emergency alerts on the {O} weather page.",
        "{O} reporters are following the recovery effort and will update this story.",
        "Emergency management officials urge families to keep a go-bag with water and medicine.",
    ),
    "summit": (
        "{O} covers foreign policy and international diplomacy from its world desk.",
        "Summits of this kind are usually preceded by weeks of talks between senior officials.",
    ),
    "election": (
        "{O} does not endorse candidates and covers all campaigns independently.",
        "Results are unofficial until they are certified by the election board.",
    ),
    "deal": (
        "{O} business coverage is produced independently of its advertisers.",
        "Deals of this size typically require review by competition regulators.",
    ),
    "sports": (
        "Full match reports, tables and fixtures are available in the {O} sports section.",
        "{O} has covered the league since its founding season.",
    ),
    "court": (
        "{O} legal affairs coverage follows cases from arraignment through appeal.",
        "Court records are public documents and can be requested from the clerk's office.",
    ),
}


def _make_outlets(rng: random.Random, vocab: Vocab, n: int) -> list[Outlet]:
    outlets: list[Outlet] = []
    seen: set[str] = set()
    dseen: set[str] = set()
    styles = ["us", "ap", "uk", "wd", "iso"]
    style_w = [30, 35, 20, 12, 3]
    while len(outlets) < n:
        place = rng.choice(vocab.cities)
        city = place.city
        slug = city.lower().replace(" ", "").replace("-", "")
        r = rng.random()
        paper = rng.choice(_PAPERS)
        if r < 0.3:
            name = f"The {city} {paper}"
            domain = f"{slug}{paper.lower()}.com"
        elif r < 0.45:
            name = f"Daily {paper}" if rng.random() < 0.3 else f"{city} Daily {paper}"
            domain = f"daily{paper.lower()}{slug}.com"
        elif r < 0.65:
            name = f"{slug}{paper.lower()}.com"
            domain = name
        elif r < 0.8:
            letters = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTVXYZ") for _ in range(3))
            call = rng.choice("KW") + letters
            name = f"{call} News {rng.randint(2, 13)}"
            domain = f"{call.lower()}.com"
        elif r < 0.9:
            name = f"{place.region} Public Radio"
            domain = f"{place.region.lower().replace(' ', '')}publicradio.org"
        else:
            name = f"{city} {rng.choice(['News Network', 'Today', 'Now', 'Press', 'Wire'])}"
            domain = f"{slug}{name.split()[-1].lower()}.com"
        if name in seen or domain in dseen:
            continue
        seen.add(name)
        dseen.add(domain)
        socials = rng.sample(_SOCIALS, 3)
        follow = rng.choice(
            (
                "Follow us on {a}, {b} and {c} for the latest updates.",
                "Follow {O} on {a} and {b}.",
                "Stay connected: follow us on {a}, {b} and {c}.",
            )
        ).format(a=socials[0], b=socials[1], c=socials[2], O=name)
        about = rng.choice(
            (
                "About us: {O} is an independent news organization serving readers since {y}.",
                "About {O}: local journalism, reported by people who live here. Founded in {y}.",
                "{O} is a member of the regional press association. All rights reserved.",
                "Copyright {y2} {O}. All rights reserved. This material may not be republished.",
            )
        ).format(O=name, y=rng.randint(1870, 2012), y2=rng.randint(2015, 2024))
        reporters = [
            f"{rng.choice(_GIVEN_F + _GIVEN_M)} {rng.choice(vocab.surnames)}" for _ in range(4)
        ]
        photo = rng.choice(
            ("Photo: {p}/{O}", "(Photo credit: {p} for {O})", "Photo by {p} | {O}")
        ).replace("{O}", name)
        curly = rng.random() < 0.5
        outlets.append(
            Outlet(
                name=name,
                domain=domain,
                date_style=rng.choices(styles, style_w)[0],
                words_small=rng.random() < 0.7,
                lq="\u201c" if curly else '"',
                rq="\u201d" if curly else '"',
                follow=follow,
                about=about,
                photo=photo,
                reporters=reporters,
            )
        )
    return outlets


def _background(rng: random.Random, outlet: Outlet, stype: str) -> str:
    bg = outlet.backgrounds.get(stype)
    if bg is None:
        pool = _BACKGROUND_TEMPLATES[stype]
        k = 1 if len(pool) < 3 else rng.randint(1, 2)
        name = outlet.name
        the = name if name.startswith("The ") else f"The {name}"
        bg = " ".join(t.replace("The {O}", the).replace("{O}", name) for t in rng.sample(pool, k))
        outlet.backgrounds[stype] = bg
    return bg


# --------------------------------------------------------------------------- phrases


def date_phrase(
    rng: random.Random, d: date, published: date, exact: bool, style: str = "ap"
) -> tuple[str, bool]:
    """Render an event date relative to a publication date, with its preposition.

    :param rng: random source.
    :param d: the event date.
    :param published: the article's publication date (0-3 days after ``d``).
    :param exact: when true only day-precise forms are used.
    :param style: outlet house style: ``us``, ``ap``, ``uk``, ``wd`` or ``iso``.
    :returns: ``(phrase, is_day_precise)``, e.g. ``("on Oct. 7", True)``.
    """
    diff = (published - d).days
    same_year = d.year == published.year
    if not exact and rng.random() < 0.12:
        return f"in {_MONTHS[d.month - 1]} {d.year}", False
    if rng.random() > 0.6:
        style = rng.choice(("us", "ap", "uk", "wd", "wd", "iso", "yest"))
    if style == "yest":
        style = "wd" if diff != 1 else "yest"
    if style == "wd" and not 0 <= diff <= 6:
        style = "us"
    wd = _WEEKDAYS[d.weekday()]
    if style == "us":
        return f"on {_MONTHS[d.month - 1]} {d.day}, {d.year}", True
    if style == "ap":
        if same_year and rng.random() < 0.7:
            return f"on {_MON_AP[d.month - 1]} {d.day}", True
        return f"on {_MON_AP[d.month - 1]} {d.day}, {d.year}", True
    if style == "uk":
        if same_year and rng.random() < 0.3:
            return f"on {d.day} {_MONTHS[d.month - 1]}", True
        return f"on {d.day} {_MONTHS[d.month - 1]} {d.year}", True
    if style == "wd":
        r = rng.random()
        if r < 0.6:
            return f"on {wd}", True
        if r < 0.8 and same_year:
            return f"on {wd}, {_MON_AP[d.month - 1]} {d.day}", True
        return f"{wd}", True
    if style == "yest":
        return "yesterday", True
    return f"on {d.isoformat()}", True


def _abs_date_phrase(rng: random.Random, d: date) -> str:
    r = rng.random()
    if r < 0.45:
        return f"on {_MONTHS[d.month - 1]} {d.day}, {d.year}"
    if r < 0.9:
        return f"on {d.day} {_MONTHS[d.month - 1]} {d.year}"
    return f"on {d.isoformat()}"


def count_phrase(
    rng: random.Random, v: int, sg: str, pl: str, exact: bool, words_small: bool = True
) -> tuple[str, bool]:
    """Render a count with its noun, exactly or as a true approximation.

    :param rng: random source.
    :param v: the true count (>= 1).
    :param sg: singular noun, may be empty.
    :param pl: plural noun, may be empty.
    :param exact: when true only forms that pin the exact value are used.
    :param words_small: spell numbers below 10 (AP style).
    :returns: ``(phrase, is_exact)``, e.g. ``("more than 10 people", False)``.
    """
    noun = sg if v == 1 else pl
    if exact or v < 8 or rng.random() < 0.55:
        if v == 12 and rng.random() < 0.3:
            return f"a dozen {pl}".rstrip(), True
        if (v < 10 and (words_small or rng.random() < 0.3)) or (v < 100 and rng.random() < 0.12):
            return f"{num_words(v)} {noun}".rstrip(), True
        return f"{v:,} {noun}".rstrip(), True
    vs = num_words(v) if v < 10 and words_small else f"{v:,}"
    opts: list[str] = [f"at least {vs} {pl}"]
    if v < 1000:
        opts += [f"about {vs} {pl}", f"some {vs} {pl}"]
    if v > 10 and v % 10:
        opts.append(f"more than {v // 10 * 10:,} {pl}")
        up = (v // 10 + 1) * 10
        if up - v <= 2:
            opts.append(f"nearly {up:,} {pl}")
    if v >= 1000:
        mag = 10 ** (len(str(v)) - 2)
        r2 = round(v / mag) * mag
        if r2 != v:
            opts.append(f"about {r2:,} {pl}")
            opts.append(f"roughly {r2:,} {pl}")
    if 24 <= v < 100 and pl:
        opts.append(f"dozens of {pl}")
    if 200 <= v < 1000 and pl:
        opts.append(f"hundreds of {pl}")
    if 2000 <= v < 10000 and pl:
        opts.append(f"thousands of {pl}")
    return rng.choice(opts).rstrip(), False


def _money_phrase(rng: random.Random, v: float, cur: str, exact: bool) -> tuple[str, bool]:
    # v in millions
    sym, word = {"USD": ("$", "dollars"), "EUR": ("\u20ac", "euros"), "GBP": ("\u00a3", "pounds")}[
        cur
    ]
    if v >= 1000:
        b = v / 1000
        bs = f"{b:.2f}".rstrip("0").rstrip(".")
        r = rng.random()
        if not exact and r < 0.3:
            lo = int(b)
            if lo >= 1 and lo != b:
                return rng.choice(
                    (f"more than {sym}{lo} billion", f"over {sym}{lo} billion")
                ), False
            return f"about {sym}{bs} billion", False
        if r < 0.6:
            return f"{sym}{bs} billion", True
        if r < 0.8:
            return f"{bs} billion {word}", True
        if r < 0.9:
            return f"{sym}{bs}bn", True
        return f"{sym}{int(v):,} million", True
    ms = f"{v:.1f}".rstrip("0").rstrip(".")
    r = rng.random()
    if not exact and r < 0.3 and v > 10:
        return f"more than {sym}{int(v) // 10 * 10} million", False
    if r < 0.6:
        return f"{sym}{ms} million", True
    if r < 0.85:
        return f"{ms} million {word}", True
    return f"{sym}{ms}m", True


def _pct_phrase(rng: random.Random, v: float, exact: bool) -> tuple[str, bool]:
    s = f"{v:.1f}"
    r = rng.random()
    if not exact and r < 0.3:
        if 50 < v < 55 and rng.random() < 0.4:
            return "just over half", False
        return f"about {round(v)} percent", False
    if r < 0.5:
        return f"{s}%", True
    if r < 0.85:
        return f"{s} percent", True
    return f"{s} per cent", True


def _mag_phrase(rng: random.Random, v: float) -> str:
    return rng.choice((f"magnitude {v:.1f}", f"magnitude-{v:.1f}", f"{v:.1f}-magnitude"))


def _score_phrase(rng: random.Random, w: int, lo: int) -> str:
    r = rng.random()
    if r < 0.5:
        return f"{w}-{lo}"
    if r < 0.85:
        return f"{w}\u2013{lo}"
    return f"by {num_words(w)} goals to {num_words(lo) if lo else 'nil'}" if w > 1 else f"{w}-{lo}"


def person_ref(rng: random.Random, p: Person, role: Role, exact: bool = False) -> str:
    """Render a person together with the role they hold, in subject position.

    :param rng: random source.
    :param p: the person.
    :param role: their role in the story.
    :param exact: when true use a form carrying the full surname and the title.
    :returns: e.g. ``"Police Chief Dana Whitcombe"`` or ``"Whitcombe, the police chief,"``.
    """
    given = p.given
    sur = p.surname
    if p.alt_given and rng.random() < 0.4:
        given = p.alt_given
    if p.alt_surname and rng.random() < 0.4:
        sur = p.alt_surname
    r = rng.random()
    if exact:
        r = r * 0.5
    if r < 0.35:
        return f"{role.title} {given} {sur}"
    if r < 0.5:
        return f"{given} {sur}, {role.desc},"
    if r < 0.62:
        return f"{role.title} {sur}"
    if r < 0.75:
        return f"{role.short} {given[0]}. {sur}"
    if r < 0.88:
        return f"{sur}, {role.desc},"
    return f"{role.short} {sur}"


def _place_phrase(rng: random.Random, p: Place) -> str:
    r = rng.random()
    if r < 0.35:
        return p.city
    if r < 0.7:
        return f"{p.city}, {p.region}"
    if r < 0.85 and p.region in _US_STATE_SET:
        return f"the {p.region} city of {p.city}"
    if r < 0.85:
        return f"{p.city} in {p.region}"
    return f"the city of {p.city}"


# --------------------------------------------------------------------------- story types


@dataclass(slots=True)
class Fact:
    """A checked fact of a story and the sentence cores that state it."""

    name: str
    kind: str  # date | number | entity | place | negation
    value: Any
    cores: tuple[str, ...] = ()
    neg_cores: tuple[str, ...] = ()
    fmt: str = "count"  # count | money | pct | mag | score | age | years
    sg: str = ""
    pl: str = ""
    role: Role | None = None
    attrib: bool = True
    currency: str = "USD"


@dataclass(slots=True)
class Story:
    """One news event and everything needed to word it."""

    sid: str
    stype: str
    day: date
    place: Place
    facts: dict[str, Fact]
    ctx: dict[str, str]
    leads: tuple[str, ...]
    titles: tuple[str, ...]
    fillers: tuple[str, ...]
    followups: tuple[tuple[str, str], ...]  # (fact name of a person, template with {S})
    srcs: tuple[str, ...]


_GENERIC_FILLERS: tuple[str, ...] = (
    "The story drew wide attention on social media within hours, with many people sharing "
    "videos and photographs that could not immediately be verified.",
    "Officials asked the public to avoid speculation while the facts are still being "
    "established and promised to share more details as soon as they could.",
    "Local businesses said they were still assessing the impact, and several shop owners "
    "told reporters they were unsure when they would be able to reopen.",
    "The full picture may not be clear for several days, officials cautioned, adding that "
    "early reports in situations like this are often incomplete.",
    "Community leaders planned to meet later in the week to discuss how to support those "
    "affected and what lessons could be learned.",
    "{lq}We are all still trying to understand what happened,{rq} said {W}, a local resident "
    "who has lived in the area for most of her adult life.",
    "{lq}It is something none of us expected, and it will take a long time to get over it,{rq} "
    "{W} told reporters.",
    "More details are expected to be released in the coming days, once officials have "
    "finished their initial review.",
    "This story will be updated as more information becomes available.",
    "A spokesperson declined to give further details, saying it would be inappropriate to "
    "comment while work was continuing.",
    "The announcement came after days of speculation in local media and on social networks.",
    "{lq}People here look out for each other, and that is what we will keep doing,{rq} said "
    "{W}, who runs a small business nearby.",
    "Several people who spoke to reporters asked not to be named because they were not "
    "authorised to discuss the matter publicly.",
    "Questions remained about what, if anything, could have been done differently, and "
    "several local officials called for a full review.",
    "Messages of support poured in from across the region throughout the day.",
    "{W}, a longtime observer of local affairs, said the events would be remembered for years "
    "and would shape public debate well beyond the next election.",
)

_TYPE_FILLERS: dict[str, tuple[str, ...]] = {
    "shooting": (
        "Detectives spent much of the night interviewing witnesses and reviewing footage from "
        "security cameras mounted on nearby buildings.",
        "Residents of the neighbourhood said they had complained for months about late-night "
        "disturbances, though they never expected anything like this.",
        "Community activists called for more investment in youth programmes and violence "
        "prevention, saying arrests alone would not solve the problem.",
        "The {City} Police Department asked anyone who was in the area at the time to come "
        "forward, even if they believe what they saw was unimportant.",
        "Counsellors were made available at a nearby school for students and families "
        "affected by the shooting.",
        "Investigators have not said whether the victims knew the person who opened fire.",
    ),
    "disaster": (
        "Aid agencies said the most urgent needs were clean water, blankets and medical "
        "supplies, and warned that access to some villages remained difficult.",
        "Telephone networks were patchy across the affected area, making it hard for families "
        "to reach relatives and for officials to assess the damage.",
        "Engineers began inspecting bridges, schools and hospitals to determine whether they "
        "were safe to use.",
        "Neighbouring regions sent rescue teams, heavy equipment and field kitchens to help "
        "with the response.",
        "Experts have long warned that rapid construction and weak enforcement of building "
        "codes leave the region vulnerable.",
        "Many families said they had lost everything and did not know where they would sleep "
        "in the days ahead.",
    ),
    "summit": (
        "The agenda included trade barriers, energy supplies, migration and cooperation on "
        "security, according to a draft programme seen by reporters.",
        "Business leaders travelling with the delegations were expected to sign a series of "
        "smaller commercial agreements on the sidelines.",
        "Opposition politicians in both countries criticised the meeting, arguing that it "
        "offered little more than a photo opportunity.",
        "Diplomats said the tone of the talks was noticeably warmer than at previous meetings, "
        "although major differences remain.",
        "The leaders were expected to hold a working dinner before a final round of talks.",
        "Observers will be watching closely to see whether the promises made translate into "
        "concrete steps in the coming months.",
    ),
    "election": (
        "The campaign was dominated by debates over rents, road repairs and public safety, with "
        "both candidates promising to make the city more affordable.",
        "Volunteers from both campaigns knocked on doors until the final hours before the "
        "polls closed.",
        "Political scientists said the result reflected frustration with the pace of change "
        "at city hall.",
        "The new mayor will take office early next year and must quickly put together a "
        "budget for the city council to approve.",
        "Several council seats were also on the ballot, and some of those races were too close "
        "to call late in the evening.",
        "Campaign spending reached record levels, driven largely by outside groups.",
    ),
    "deal": (
        "The two companies said the combination would allow them to invest more in research "
        "and to compete more effectively with larger rivals.",
        "Some analysts questioned whether the price was too high given the slowdown in the "
        "sector over the past year.",
        "Consumer groups said they would urge regulators to examine the deal closely for its "
        "effect on prices.",
        "The announcement followed months of talks that were first reported by financial media "
        "earlier this year.",
        "Employees were informed of the deal in an internal message shortly before it was made "
        "public.",
        "The combined company will keep both brands for now, according to people briefed on the "
        "plans.",
    ),
    "sports": (
        "The home side pressed high from the opening whistle and forced several early saves "
        "from the visiting goalkeeper.",
        "After the break the visitors changed shape and had their best spell of the match, but "
        "could not find a way through.",
        "Supporters stayed in the stands long after the final whistle to applaud the players.",
        "The two clubs meet again later in the season, when the return fixture could prove "
        "decisive in the race for the top places.",
        "Injuries have disrupted both squads in recent weeks, forcing the coaches to rotate "
        "their line-ups.",
        "The match was broadcast live and drew one of the largest television audiences of the "
        "season.",
    ),
    "court": (
        "Prosecutors told the court that the scheme relied on forged invoices and a network of "
        "shell companies to hide the money.",
        "Several former employees testified that they had raised concerns internally but were "
        "ignored.",
        "The defence argued throughout the trial that its client had acted on the advice of "
        "accountants and lawyers.",
        "Victims said in written statements that they had lost savings, homes and, in some "
        "cases, their health.",
        "Legal experts said the case could lead to tighter rules on financial oversight.",
        "The hearing was briefly interrupted when a member of the public shouted from the gallery.",
    ),
}

_PERSON_TAILS = (
    ", speaking to reporters outside the building",
    " in remarks broadcast on local television",
    " during a brief appearance before reporters",
    ", adding that more information would be released once it had been confirmed",
    " in a statement posted online late in the day",
    ", according to a transcript of the remarks",
)

_NEG_WRAPS = (
    "{c}.",
    "{c}.",
    "{c}, {src} said.",
    "According to {src}, {c}.",
    "{Src} said {c}.",
    "{Src} told reporters {c}.",
)

_WRAPS = (
    "{c}.",
    "{c}.",
    "{c}, {src} said.",
    "{c}, {src} said in a statement released later in the day.",
    "According to {src}, {c}.",
    "According to the latest figures from {src}, {c}.",
    "{Src} said {c}.",
    "{Src} told reporters at a news conference that {c}.",
    "{c}, according to {src}.",
    "{Src} said that {c}.",
)


def _shooting(rng: random.Random, vocab: Vocab, sid: str, day: date, place: Place) -> Story:
    venue = rng.choice(
        (
            "convenience store",
            "house party",
            "gas station",
            "apartment complex",
            "bar",
            "park",
            "parking lot",
            "restaurant",
            "nightclub",
            "bus stop",
        )
    )
    killed = rng.choice((1, 1, 1, 2, 2, 3, 4, 5, 6, 8))
    injured = rng.choice((1, 2, 3, 4, 5, 6, 7, 9, 12, 14, 17))
    chief = _person(rng, vocab)
    mayor = _person(rng, vocab)
    c = place.city
    facts = {
        "date": Fact("date", "date", day),
        "place": Fact("place", "place", place),
        "killed": Fact(
            "killed",
            "number",
            killed,
            sg="person",
            pl="people",
            cores=(
                "{N} {V} killed in the shooting",
                "the shooting left {N} dead",
                "{N} died at the scene or later in hospital",
                "{N} {V} shot dead",
                "the gunfire killed {N}",
            ),
        ),
        "injured": Fact(
            "injured",
            "number",
            injured,
            sg="person",
            pl="people",
            cores=(
                "{N} {V} wounded",
                "{N} {V} taken to hospital with gunshot wounds",
                "the gunman wounded {N}",
                "{N} {V} injured in the attack",
            ),
        ),
        "suspect_age": Fact(
            "suspect_age",
            "number",
            rng.randint(16, 58),
            fmt="age",
            cores=(
                "the suspect was identified as {A} man",
                "the suspect was described as a man {B}",
                "the suspected gunman is {A} local resident",
            ),
        ),
        "police_chief": Fact(
            "police_chief",
            "entity",
            chief,
            attrib=False,
            role=Role("Police Chief", "Chief", f"the {c} police chief"),
            cores=(
                "{P} said officers arrived within minutes of the first call",
                "{P} told reporters the scene had been secured",
                "{P} said investigators were reviewing surveillance footage",
                "{P} described the shooting as targeted",
            ),
        ),
        "mayor": Fact(
            "mayor",
            "entity",
            mayor,
            attrib=False,
            role=Role("Mayor", "Mayor", f"the mayor of {c}"),
            cores=(
                "{P} called the shooting senseless",
                "{P} urged residents to come forward with information",
                "{P} said the city would increase patrols in the area",
            ),
        ),
        "arrest": Fact(
            "arrest",
            "negation",
            rng.random() < 0.5,
            cores=(
                "police have arrested a suspect in connection with the shooting",
                "a suspect was taken into custody",
                "officers arrested a suspect near the scene",
            ),
            neg_cores=(
                "police have not arrested anyone in connection with the shooting",
                "no suspect has been taken into custody",
                "officers did not arrest a suspect",
            ),
        ),
    }
    return Story(
        sid,
        "shooting",
        day,
        place,
        facts,
        {
            "venue": venue,
            "a_venue": ("an " if venue[0] in "aeiou" else "a ") + venue,
            "City": c,
            "event": "shooting",
        },
        leads=(
            "a gunman opened fire at {a_venue} in {place} {date}",
            "gunfire erupted at {a_venue} in {place} {date}",
            "police in {place} are investigating a shooting at {a_venue} {date}",
            "a shooting at {a_venue} in {place} {date} left residents shaken",
        ),
        titles=(
            "{killed_n} killed, {injured_n} hurt in {City} shooting",
            "Police investigate deadly shooting in {City}",
            "Shooting at {City} {venue} leaves {killed_n} dead",
            "{City} {venue} shooting: what we know",
        ),
        fillers=(
            "{lq}It sounded like fireworks at first,{rq} said {W}, who lives nearby.",
            "{lq}People were running everywhere,{rq} {W} said.",
            "Crime scene tape surrounded the {venue} for much of the night as officers in protective suits went in and out of the building.",
            "Detectives canvassed the neighbourhood, knocking on doors and collecting shell casings from the pavement and the car park.",
            "The motive for the shooting remains unclear, and investigators said they were keeping an open mind about what led to it.",
            "Investigators asked anyone with video of the incident to contact the {City} Police Department.",
            "Friends and neighbours planned a candlelight vigil for the victims, and a collection for their families had already been started.",
            "Relatives of the victims gathered outside the hospital, some of them in tears, waiting for news from doctors.",
            "The {venue} was closed while detectives processed the scene.",
            "Witnesses told police they heard several shots in quick succession, followed by screaming and the sound of people running.",
        ),
        followups=(
            ("police_chief", "{lq}We will find whoever is responsible,{rq} {S} said."),
            ("police_chief", "{S} declined to discuss a possible motive."),
            ("mayor", "{S} said the victims' families would have the city's support."),
        ),
        srcs=("police", "authorities", "the police department", "investigators", "officials"),
    )


def _disaster(rng: random.Random, vocab: Vocab, sid: str, day: date, place: Place) -> Story:
    quake = rng.random() < 0.5
    gov_role = (
        Role("Governor", "Governor", f"the governor of {place.region}")
        if place.region in _US_STATE_SET
        else None
    )
    c = place.city
    minister = _person(rng, vocab)
    official = _person(rng, vocab)
    killed = rng.choice((2, 3, 4, 5, 7, 9, 12, 15, 18, 23, 31, 46, 58, 120))
    facts: dict[str, Fact] = {
        "date": Fact("date", "date", day),
        "place": Fact("place", "place", place),
        "killed": Fact(
            "killed",
            "number",
            killed,
            sg="person",
            pl="people",
            cores=(
                "{N} {V} killed",
                "the death toll rose to {N}",
                "{N} {V} confirmed dead",
                "the disaster killed {N}",
            ),
        ),
    }
    if quake:
        ctx = {"event": "earthquake", "City": c, "agency": "the national seismological agency"}
        facts["magnitude"] = Fact(
            "magnitude",
            "number",
            round(rng.uniform(4.8, 7.6), 1),
            fmt="mag",
            cores=(
                "the quake measured {M}",
                "the {agency} put the magnitude at {M2}",
                "the tremor registered {M}",
            ),
        )
        facts["injured"] = Fact(
            "injured",
            "number",
            rng.choice((14, 23, 37, 45, 68, 90, 130, 210, 340)),
            sg="person",
            pl="people",
            cores=("{N} {V} injured", "{N} {V} treated for injuries", "the quake injured {N}"),
        )
        facts["minister"] = Fact(
            "minister",
            "entity",
            minister,
            attrib=False,
            role=gov_role or Role("Interior Minister", "Minister", "the interior minister"),
            cores=(
                "{P} said rescue teams were searching collapsed buildings",
                "{P} told state television that aftershocks were expected",
                "{P} visited the worst-hit neighbourhoods",
            ),
        )
        facts["official"] = Fact(
            "official",
            "entity",
            official,
            attrib=False,
            role=Role("Regional Governor", "Governor", "the regional governor"),
            cores=(
                "{P} said schools would remain closed",
                "{P} asked residents to stay out of damaged buildings",
            ),
        )
        facts["warning"] = Fact(
            "warning",
            "negation",
            rng.random() < 0.4,
            cores=(
                "a tsunami warning was issued for the coast",
                "authorities issued a tsunami warning",
            ),
            neg_cores=(
                "no tsunami warning was issued",
                "authorities did not issue a tsunami warning",
            ),
        )
        leads = (
            "a powerful earthquake struck {place} {date}",
            "an earthquake shook {place} {date}, toppling buildings",
            "a strong earthquake hit near {place} {date}",
        )
        titles = (
            "Earthquake strikes near {City}",
            "Deadly quake hits {City}; {killed_n} dead",
            "Rescuers search rubble after {City} earthquake",
        )
        fillers = (
            "Rescue teams worked through the night using heavy machinery, pausing from time to time to listen for voices under the rubble.",
            "Aftershocks rattled the region for hours, sending frightened residents back into the streets each time the ground shook.",
            "{lq}The whole building was swaying,{rq} said {W}, who ran into the street.",
            "Many residents spent the night outdoors for fear of further tremors.",
            "Power and water supplies were cut in several districts, and officials said it could take days to restore them fully.",
            "Images on social media showed collapsed walls and cracked roads.",
            "The region sits on an active fault line and has suffered destructive earthquakes several times in the past century.",
            "Hospitals in the area were overwhelmed with patients.",
        )
    else:
        ctx = {"event": "flooding", "City": c, "agency": "the civil protection agency"}
        facts["evacuated"] = Fact(
            "evacuated",
            "number",
            rng.choice((850, 1200, 2400, 3600, 5200, 8700, 12400, 21000)),
            sg="resident",
            pl="residents",
            cores=(
                "{N} {V} evacuated",
                "authorities evacuated {N}",
                "{N} {V} forced to leave their homes",
            ),
        )
        facts["homes"] = Fact(
            "homes",
            "number",
            rng.choice((40, 65, 120, 240, 380, 560, 900)),
            sg="home",
            pl="homes",
            cores=("{N} {V} damaged or destroyed", "the floodwaters damaged {N}"),
        )
        facts["minister"] = Fact(
            "minister",
            "entity",
            minister,
            attrib=False,
            role=gov_role or Role("Emergency Minister", "Minister", "the emergency minister"),
            cores=(
                "{P} said more rain was forecast for the coming days",
                "{P} promised aid to families who lost their homes",
            ),
        )
        facts["official"] = Fact(
            "official",
            "entity",
            official,
            attrib=False,
            role=Role("Mayor", "Mayor", f"the mayor of {c}"),
            cores=(
                "{P} said emergency shelters had opened in schools",
                "{P} urged residents not to drive through flooded streets",
            ),
        )
        facts["emergency"] = Fact(
            "emergency",
            "negation",
            rng.random() < 0.5,
            cores=(
                "a state of emergency was declared in the region",
                "the government declared a state of emergency",
            ),
            neg_cores=(
                "no state of emergency was declared in the region",
                "the government did not declare a state of emergency",
            ),
        )
        leads = (
            "heavy rain caused severe flooding in {place} {date}",
            "floodwaters swept through {place} {date}",
            "rivers burst their banks in and around {place} {date}",
        )
        titles = (
            "Residents leave homes as floods hit {City}",
            "{City} flooding: {killed_n} dead",
            "Residents flee rising water in {City}",
        )
        fillers = (
            "Rescuers used boats to reach stranded families.",
            "{lq}The water came up so fast we had no time,{rq} said {W}.",
            "Several roads and a railway line were closed, cutting off some villages and forcing long detours for emergency vehicles.",
            "Forecasters said the rain was the heaviest in decades.",
            "Volunteers filled sandbags along the riverbank through the night in an effort to protect homes and businesses near the water.",
            "Schools and sports halls were turned into temporary shelters, where families slept on camp beds and received hot meals.",
            "Farmers reported heavy losses of crops and livestock.",
            "Drinking water was distributed at several points in the city.",
        )
    return Story(
        sid,
        "disaster",
        day,
        place,
        facts,
        ctx,
        leads,
        titles,
        fillers,
        followups=(
            ("minister", "{S} said the government would rebuild damaged infrastructure."),
            ("official", "{lq}We are doing everything we can,{rq} {S} said."),
        ),
        srcs=("officials", "authorities", ctx["agency"], "emergency services"),
    )


def _summit(rng: random.Random, vocab: Vocab, sid: str, day: date, place: Place) -> Story:
    if place.region in _US_STATE_SET:
        place = rng.choice(vocab.intl_cities)
    a = next(c for c in _COUNTRIES if c[0] == place.region)
    b = rng.choice(_COUNTRIES)
    while b == a:
        b = rng.choice(_COUNTRIES)
    host = _person(rng, vocab)
    guest = _person(rng, vocab)
    fm = _person(rng, vocab)
    aid = float(rng.choice((150, 300, 450, 800, 1200, 1500, 2300, 3400, 4800)))
    facts = {
        "date": Fact("date", "date", day),
        "place": Fact("place", "place", place),
        "delegations": Fact(
            "delegations",
            "number",
            rng.randint(8, 40),
            sg="country",
            pl="countries",
            cores=(
                "delegations from {N} attended",
                "representatives of {N} took part in the talks",
                "the meeting drew officials from {N}",
            ),
        ),
        "aid": Fact(
            "aid",
            "number",
            aid,
            fmt="money",
            currency=rng.choice(("USD", "EUR")),
            cores=(
                "the leaders announced an aid and investment package worth {N}",
                "a package worth {N} was agreed",
                "{N} was pledged for infrastructure and energy projects",
            ),
        ),
        "host_leader": Fact(
            "host_leader",
            "entity",
            host,
            attrib=False,
            role=Role(f"{a[1]} President", "President", f"the president of {a[0]}"),
            cores=(
                "{P} welcomed the delegations",
                "{P} called the talks constructive",
                "{P} said the meeting marked a new chapter in relations",
            ),
        ),
        "guest_leader": Fact(
            "guest_leader",
            "entity",
            guest,
            attrib=False,
            role=Role(f"{b[1]} Prime Minister", "Prime Minister", f"the prime minister of {b[0]}"),
            cores=(
                "{P} said both sides had agreed to keep talking",
                "{P} described the atmosphere as frank",
            ),
        ),
        "foreign_minister": Fact(
            "foreign_minister",
            "entity",
            fm,
            attrib=False,
            role=Role(
                f"{a[1]} Foreign Minister", "Foreign Minister", f"the foreign minister of {a[0]}"
            ),
            cores=(
                "{P} briefed reporters after the closing session",
                "{P} said working groups would meet again within months",
            ),
        ),
        "declaration": Fact(
            "declaration",
            "negation",
            rng.random() < 0.5,
            cores=(
                "the two leaders signed a joint declaration",
                "a joint declaration was signed at the end of the talks",
            ),
            neg_cores=(
                "the two leaders did not sign a joint declaration",
                "no joint declaration was signed at the end of the talks",
            ),
        ),
    }
    return Story(
        sid,
        "summit",
        day,
        place,
        facts,
        {"City": place.city, "A": a[0], "B": b[0], "event": "summit"},
        leads=(
            "leaders of {A} and {B} met in {place} {date} for a two-day summit",
            "a summit between {A} and {B} opened in {place} {date}",
            "top officials from {A} and {B} gathered in {place} {date}",
        ),
        titles=(
            "{A} and {B} leaders meet in {City}",
            "{City} summit: {A}, {B} pledge closer ties",
            "What to watch at the {A}-{B} summit",
        ),
        fillers=(
            "Trade, energy and security were expected to dominate the agenda.",
            "Protesters gathered behind police lines near the venue, waving flags and chanting slogans about human rights and trade.",
            "Analysts said expectations for a breakthrough were modest, given how far apart the two sides remain on several key issues.",
            "The two countries have had strained relations in recent years.",
            "Security in the city centre was tight, with several streets closed.",
            "Officials on both sides had spent weeks preparing the meeting.",
            "{lq}This is a chance to reset the relationship,{rq} said {W}, a regional analyst.",
            "The leaders posed for photographs before the closed-door session.",
        ),
        followups=(
            ("host_leader", "{S} did not take questions from reporters."),
            ("guest_leader", "{lq}We have more that unites us than divides us,{rq} {S} said."),
        ),
        srcs=("officials", "diplomats", "a spokesperson for the hosts", "organisers"),
    )


def _election(rng: random.Random, vocab: Vocab, sid: str, day: date, place: Place) -> Story:
    winner = _person(rng, vocab)
    loser = _person(rng, vocab)
    pw, pl_ = rng.sample(_PARTIES, 2)
    c = place.city
    facts = {
        "date": Fact("date", "date", day),
        "place": Fact("place", "place", place),
        "vote_share": Fact(
            "vote_share",
            "number",
            round(rng.uniform(44.0, 68.0), 1),
            fmt="pct",
            cores=(
                "the winner took {N} of the vote",
                "the challenger won with {N} of ballots cast",
                "{N} of voters backed the winning candidate",
            ),
        ),
        "turnout": Fact(
            "turnout",
            "number",
            round(rng.uniform(24.0, 71.0), 1),
            fmt="pct",
            cores=(
                "turnout was {N}",
                "turnout stood at {N}",
                "{N} of registered voters cast a ballot",
            ),
        ),
        "winner": Fact(
            "winner",
            "entity",
            winner,
            attrib=False,
            role=Role("Mayor-elect", "Mayor-elect", f"the {pw} candidate"),
            cores=(
                "{P} thanked supporters at a rally downtown",
                "{P} promised to focus on housing and transport",
                "{P} declared victory shortly before midnight",
            ),
        ),
        "runner_up": Fact(
            "runner_up",
            "entity",
            loser,
            attrib=False,
            role=Role("incumbent Mayor", "Mayor", f"the {pl_} incumbent"),
            cores=(
                "{P} addressed supporters late in the evening",
                "{P} had campaigned on a record of lower taxes",
            ),
        ),
        "conceded": Fact(
            "conceded",
            "negation",
            rng.random() < 0.5,
            cores=("the incumbent conceded defeat", "the outgoing mayor conceded the race"),
            neg_cores=(
                "the incumbent did not concede defeat",
                "the outgoing mayor has not conceded the race",
            ),
        ),
    }
    return Story(
        sid,
        "election",
        day,
        place,
        facts,
        {"City": c, "event": "election", "PW": pw},
        leads=(
            "voters in {place} went to the polls {date} to choose a new mayor",
            "{place} held its mayoral election {date}",
            "the mayoral race in {place} was decided {date}",
        ),
        titles=(
            "{City} elects new mayor",
            "Challenger wins {City} mayoral race",
            "{City} mayoral election results",
        ),
        fillers=(
            "Lines formed outside several polling stations in the morning.",
            "Housing costs and public transport dominated the campaign.",
            "{lq}I voted for change,{rq} said {W}, a teacher.",
            "Election officials reported no major problems at polling stations.",
            "The campaign was one of the most expensive in the city's history.",
            "Both candidates held final rallies on the eve of the vote.",
            "Counting continued late into the night, and officials said a small number of postal ballots would be added over the following days.",
            "Independent observers said the vote was orderly and that they had seen no evidence of serious irregularities.",
        ),
        followups=(
            ("winner", "{lq}Tonight the city chose a new direction,{rq} {S} said."),
            ("runner_up", "{S} thanked campaign volunteers."),
        ),
        srcs=("election officials", "the election board", "city officials", "officials"),
    )


def _deal(rng: random.Random, vocab: Vocab, sid: str, day: date, place: Place) -> Story:
    acq, tgt = rng.sample(vocab.companies, 2)
    ceo = _person(rng, vocab)
    tceo = _person(rng, vocab)
    price = float(rng.choice((240, 410, 780, 1200, 1850, 2600, 3400, 4200, 5750, 8900, 12500)))
    facts = {
        "date": Fact("date", "date", day),
        "place": Fact("place", "place", place),
        "price": Fact(
            "price",
            "number",
            price,
            fmt="money",
            currency=rng.choice(("USD", "USD", "EUR", "GBP")),
            cores=(
                "the deal values {Tgt} at {N}",
                "{Acq} will pay {N} for the company",
                "the acquisition is worth {N}",
            ),
        ),
        "employees": Fact(
            "employees",
            "number",
            rng.choice((350, 900, 1400, 2300, 4200, 7800, 11500)),
            sg="person",
            pl="people",
            cores=("{Tgt} employs {N}", "the company has {N} on its payroll"),
        ),
        "ceo": Fact(
            "ceo",
            "entity",
            ceo,
            attrib=False,
            role=Role(f"{acq} Chief Executive", "Chief Executive", f"the chief executive of {acq}"),
            cores=(
                "{P} said the deal would create a stronger company",
                "{P} told analysts the purchase would add to earnings",
                "{P} said there were no plans to close factories",
            ),
        ),
        "target_ceo": Fact(
            "target_ceo",
            "entity",
            tceo,
            attrib=False,
            role=Role(f"{tgt} CEO", "CEO", f"the head of {tgt}"),
            cores=(
                "{P} said the board backed the offer",
                "{P} will stay on to run the business",
            ),
        ),
        "confirmed": Fact(
            "confirmed",
            "negation",
            rng.random() < 0.6,
            cores=("{Tgt} confirmed the deal", "the deal was confirmed by {Tgt}"),
            neg_cores=(
                "{Tgt} did not confirm the deal",
                "the deal has not been confirmed by {Tgt}",
            ),
        ),
    }
    return Story(
        sid,
        "deal",
        day,
        place,
        facts,
        {"Acq": acq, "Tgt": tgt, "City": place.city, "event": "deal"},
        leads=(
            "{Acq} agreed to buy {Tgt}, a company based in {place}, {date}",
            "{Acq} announced {date} that it would acquire {Tgt} of {place}",
            "{date_cap_front}{Acq} said it had struck a deal for {place}-based {Tgt}",
        ),
        titles=(
            "{Acq} to buy {Tgt}",
            "{Acq} agrees {Tgt} takeover",
            "{Tgt} sold to {Acq} in {price_n} deal",
        ),
        fillers=(
            "Shares of {Tgt} jumped in early trading.",
            "Analysts said the deal would give {Acq} a larger share of the market.",
            "The transaction is expected to close next year, subject to regulatory approval.",
            "{lq}It makes strategic sense,{rq} said {W}, an industry analyst.",
            "Several investment banks and law firms advised the two companies on the transaction, which had been in the works for months.",
            "The deal is one of the largest in the sector this year.",
            "Unions said they would seek guarantees on jobs.",
            "The boards of both companies approved the terms unanimously, according to a joint statement released to the stock exchange.",
        ),
        followups=(
            ("ceo", "{S} did not rule out further acquisitions."),
            ("target_ceo", "{lq}This is good news for our customers,{rq} {S} said."),
        ),
        srcs=(
            "the companies",
            "people familiar with the matter",
            "a company spokesperson",
            "the company",
        ),
    )


def _sports(rng: random.Random, vocab: Vocab, sid: str, day: date, place: Place) -> Story:
    home = f"{place.city} {rng.choice(_MASCOTS)}"
    other = rng.choice(vocab.cities).city
    away = f"{other} {rng.choice(_MASCOTS)}"
    if rng.random() < 0.6:
        win, lose = home, away
    else:
        win, lose = away, home
    w = rng.randint(1, 5)
    lo = rng.randint(0, w - 1)
    coach = _person(rng, vocab)
    scorer = _person(rng, vocab)
    star = _person(rng, vocab)
    facts = {
        "date": Fact("date", "date", day),
        "place": Fact("place", "place", place),
        "score": Fact(
            "score",
            "number",
            (w, lo),
            fmt="score",
            cores=(
                "{Win} beat {Lose} {N}",
                "{Win} won the match {N}",
                "{Lose} lost {N2} to {Win}",
            ),
        ),
        "attendance": Fact(
            "attendance",
            "number",
            rng.randint(6000, 68000),
            sg="fan",
            pl="fans",
            cores=(
                "a crowd of {N} watched the game",
                "{N} {V} in attendance",
                "the match drew {N}",
            ),
        ),
        "coach": Fact(
            "coach",
            "entity",
            coach,
            attrib=False,
            role=Role(f"{home} coach", "Coach", f"the {home} coach"),
            cores=(
                "{P} praised the team's defence",
                "{P} said the players had responded well",
                "{P} told reporters the team was improving",
            ),
        ),
        "scorer": Fact(
            "scorer",
            "entity",
            scorer,
            attrib=False,
            role=Role(f"{win} striker", "striker", f"the {win} striker"),
            cores=("{P} scored the decisive goal", "{P} opened the scoring in the first half"),
        ),
        "lineup": Fact(
            "lineup",
            "negation",
            rng.random() < 0.5,
            cores=(
                "{Star} was in the starting lineup",
                "{Star} started the match",
            ),
            neg_cores=(
                "{Star} was not in the starting lineup",
                "{Star} did not start the match",
            ),
        ),
    }
    return Story(
        sid,
        "sports",
        day,
        place,
        facts,
        {
            "Win": win,
            "Lose": lose,
            "Home": home,
            "Away": away,
            "City": place.city,
            "Star": f"{star.given} {star.surname}",
            "event": "match",
        },
        leads=(
            "{Home} hosted {Away} in {place} {date}",
            "{Away} travelled to {place} {date} to face {Home}",
            "{Home} and {Away} met in front of a home crowd in {place} {date}",
        ),
        titles=(
            "{Win} beat {Lose}",
            "{Home} vs {Away}: match report",
            "{Win} edge {Lose} in {City}",
        ),
        fillers=(
            "The home side dominated possession in the first half.",
            "{lq}We showed real character today,{rq} said {W}, the club captain.",
            "The visitors had a goal disallowed for offside.",
            "Heavy rain made the pitch slow in the second half, and both sides struggled to keep the ball on the ground.",
            "Both teams had chances in a tense final ten minutes.",
            "The result moves the winners up the table.",
            "Fans sang throughout the match and unfurled a giant banner before kick-off in memory of a former player.",
            "The referee showed several yellow cards in a bad-tempered second half and had to separate players after one late challenge.",
        ),
        followups=(
            ("coach", "{lq}We still have work to do,{rq} {S} said."),
            ("scorer", "{S} was substituted late in the game to applause."),
        ),
        srcs=("the league", "club officials", "the club"),
    )


def _court(rng: random.Random, vocab: Vocab, sid: str, day: date, place: Place) -> Story:
    judge = _person(rng, vocab)
    defendant = _person(rng, vocab)
    crime = rng.choice(("fraud", "bribery", "money laundering", "embezzlement", "tax evasion"))
    court = rng.choice(("district court", "superior court", "federal court", "regional court"))
    facts = {
        "date": Fact("date", "date", day),
        "place": Fact("place", "place", place),
        "sentence": Fact(
            "sentence",
            "number",
            rng.choice((2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 15, 18)),
            fmt="years",
            sg="year",
            pl="years",
            cores=(
                "the defendant was sentenced to {N} in prison",
                "the judge imposed a prison term of {N}",
                "the court handed down a sentence of {N}",
            ),
        ),
        "fine": Fact(
            "fine",
            "number",
            float(rng.choice((1.5, 2.4, 3.8, 5.0, 7.5, 12.0, 25.0, 40.0))),
            fmt="money",
            currency="USD",
            cores=("the defendant was also fined {N}", "the court ordered a fine of {N}"),
        ),
        "judge": Fact(
            "judge",
            "entity",
            judge,
            attrib=False,
            role=Role("Judge", "Judge", "the presiding judge"),
            cores=(
                "{P} said the crimes had caused lasting harm",
                "{P} rejected a request for leniency",
                "{P} said the evidence was overwhelming",
            ),
        ),
        "defendant": Fact(
            "defendant",
            "entity",
            defendant,
            attrib=False,
            role=Role("former executive", "defendant", "the former executive"),
            cores=(
                "{P} showed no emotion as the verdict was read",
                "{P} was convicted of {crime}",
                "{P} had pleaded not guilty to all charges",
            ),
        ),
        "appeal": Fact(
            "appeal",
            "negation",
            rng.random() < 0.5,
            cores=("the defence will appeal the ruling", "defence lawyers said they would appeal"),
            neg_cores=(
                "the defence will not appeal the ruling",
                "defence lawyers said they would not appeal",
            ),
        ),
    }
    return Story(
        sid,
        "court",
        day,
        place,
        facts,
        {
            "City": place.city,
            "court": court,
            "crime": crime,
            "a_crime": ("an " if crime[0] in "aeiou" else "a ") + crime,
            "event": "ruling",
        },
        leads=(
            "a court in {place} delivered its verdict in a long-running {crime} case {date}",
            "a {court} in {place} ruled {date} in {a_crime} case",
            "jurors in {place} returned a verdict {date} in {a_crime} trial",
        ),
        titles=(
            "Former executive sentenced in {City} {crime} case",
            "Verdict reached in {City} {crime} trial",
            "{City} court rules in {crime} case",
        ),
        fillers=(
            "Prosecutors said the scheme ran for several years.",
            "The courtroom was packed with former employees.",
            "{lq}Justice has finally been done,{rq} said {W}, one of the victims.",
            "The trial lasted several weeks and heard from dozens of witnesses.",
            "Defence lawyers argued that their client had been misled by colleagues.",
            "The case drew attention to weak oversight in the industry and prompted lawmakers to call for an inquiry.",
            "Sentencing guidelines allowed the judge considerable discretion.",
            "Outside the court, reporters waited for the defendant to leave.",
        ),
        followups=(
            ("judge", "{S} adjourned the hearing shortly after noon."),
            ("defendant", "{S} left the courtroom without speaking to reporters."),
        ),
        srcs=("prosecutors", "a court spokesperson", "court officials", "lawyers in the case"),
    )


_MAKERS = {
    "shooting": _shooting,
    "disaster": _disaster,
    "summit": _summit,
    "election": _election,
    "deal": _deal,
    "sports": _sports,
    "court": _court,
}
_TYPE_NAMES = tuple(_MAKERS)
_TYPE_WEIGHTS = (30, 16, 10, 10, 12, 12, 10)


# --------------------------------------------------------------------------- rendering


def _value_str(f: Fact, v: Any) -> str:
    if f.kind == "date":
        return str(v.isoformat())
    if f.kind in ("place", "entity"):
        return str(v.full)
    if f.kind == "negation":
        return "affirmative" if v else "negated"
    if f.fmt == "score":
        return f"{v[0]}-{v[1]}"
    if f.fmt == "money":
        return f"{v:g} million {f.currency}"
    if f.fmt in ("pct", "mag"):
        return f"{v:.1f}"
    return str(v)


def _wrong_value(rng: random.Random, f: Fact, story: Story, vocab: Vocab) -> Any:
    v = f.value
    if f.kind == "date":
        d: date = v
        r = rng.random()
        if r < 0.4:
            return d - timedelta(days=rng.randint(3, 20))
        if r < 0.75:
            m = d.month - rng.randint(1, 3)
            y = d.year
            if m < 1:
                m += 12
                y -= 1
            return date(y, m, min(d.day, 28))
        return date(d.year - 1, d.month, min(d.day, 28))
    if f.kind == "place":
        p: Place = v
        while True:
            q = rng.choice(vocab.cities)
            if q.city != p.city and q.city[:3] != p.city[:3]:
                return Place(q.city, p.region)
    if f.kind == "entity":
        per: Person = v
        return _person(rng, vocab, avoid=per.surname)
    if f.kind == "negation":
        return not v
    if f.fmt == "score":
        w, lo = v
        return (w + 2, lo)
    if f.fmt in ("money", "pct", "mag"):
        if f.fmt == "pct":
            delta = rng.uniform(8.0, 15.0)
            x = v + delta if v + delta < 95 else v - delta
            return round(x, 1)
        if f.fmt == "mag":
            return (
                round(v + rng.choice((-1, 1)) * rng.uniform(0.8, 1.4), 1)
                if v > 5.8
                else round(v + rng.uniform(0.8, 1.4), 1)
            )
        factor = rng.uniform(1.6, 2.5) if rng.random() < 0.6 else rng.uniform(0.35, 0.6)
        x = v * factor
        if x >= 1000:
            return float(round(x, -2))
        return float(round(x, -1) if x >= 100 else round(x, 1))
    n: int = v
    if f.fmt == "age":
        return n + rng.randint(6, 15) if n < 45 else n - rng.randint(6, 15)
    if n >= 6 and rng.random() < 0.4:
        x = rng.randint(max(1, n // 3), max(1, int(n * 0.6)))
        return round(x, -2) if x >= 2000 else x
    x = rng.randint(int(n * 1.5) + 2, n * 2 + 3)
    return round(x, -2) if x >= 2000 else x


def _number_slots(
    rng: random.Random, f: Fact, v: Any, exact: bool, outlet: Outlet
) -> tuple[dict[str, str], bool]:
    if f.fmt == "count" or f.fmt == "years":
        ph, ex = count_phrase(rng, v, f.sg, f.pl, exact or f.fmt == "years", outlet.words_small)
        return {"N": ph, "V": "was" if v == 1 and ex else "were"}, ex
    if f.fmt == "money":
        ph, ex = _money_phrase(rng, v, f.currency, exact)
        return {"N": ph}, ex
    if f.fmt == "pct":
        ph, ex = _pct_phrase(rng, v, exact)
        return {"N": ph}, ex
    if f.fmt == "mag":
        return {"M": _mag_phrase(rng, v), "M2": f"{v:.1f}"}, True
    if f.fmt == "score":
        return {"N": _score_phrase(rng, v[0], v[1]), "N2": f"{v[0]}-{v[1]}"}, True
    # age
    art = "an" if v in (8, 11, 18) or 80 <= v < 90 else "a"
    return {"A": f"{art} {v}-year-old", "B": f"aged {v}"}, True


@dataclass(slots=True)
class _Art:
    aid: str
    outlet: Outlet
    published: date
    overrides: dict[str, Any]
    force: dict[str, bool]  # fact name -> must state exactly


def _fmt(t: str, ctx: dict[str, str]) -> str:
    return t.format_map(ctx) if "{" in t else t


def _render_fact_core(
    rng: random.Random, story: Story, f: Fact, v: Any, exact: bool, art: _Art, ctx: dict[str, str]
) -> tuple[str, bool]:
    if f.kind == "entity":
        assert f.role is not None
        core = rng.choice(f.cores)
        sub = dict(ctx)
        sub["P"] = person_ref(rng, v, f.role, exact)
        tail = rng.choice(_PERSON_TAILS) if " said" in core and rng.random() < 0.5 else ""
        return _clean(_fmt(core, sub) + tail + "."), True
    if f.kind == "negation":
        core = rng.choice(f.cores if v else f.neg_cores)
        ex = True
        slots: dict[str, str] = {}
    else:
        core = rng.choice(f.cores)
        slots, ex = _number_slots(rng, f, v, exact, art.outlet)
    sub = ctx if not slots else {**ctx, **slots}
    c = _fmt(core, sub)
    if f.attrib:
        src = rng.choice(story.srcs)
        wraps = _WRAPS if f.kind == "number" else _NEG_WRAPS
        c = rng.choice(wraps).format(c=c, src=src, Src=_cap(src))
    else:
        c += "."
    return _clean(c), ex


def _render_article(
    rng: random.Random,
    story: Story,
    art: _Art,
    stated: list[str],
    n_target: int,
    name_pool: list[str],
) -> tuple[str, str, list[tuple[str, str, bool]]]:
    outlet = art.outlet
    ov = art.overrides
    facts = story.facts
    ctx = dict(story.ctx)
    ctx["lq"] = outlet.lq
    ctx["rq"] = outlet.rq
    ctx["W"] = rng.choice(name_pool)
    out: list[tuple[str, str, bool]] = []  # (fact, sentence, exact) fact '' = filler
    body: list[str] = []

    # lead: place (+ date)
    place_v: Place = ov.get("place", story.place)
    day_v: date = ov.get("date", story.day)
    states_date = "date" in stated
    if "date" in ov:
        dph = _abs_date_phrase(rng, day_v)
        d_exact = True
    elif states_date:
        dph, d_exact = date_phrase(
            rng, day_v, art.published, "date" in art.force, outlet.date_style
        )
    else:
        dph, d_exact = "", True
    lead_t = rng.choice(story.leads)
    lctx = dict(ctx)
    if "place" in ov:
        lctx["place"] = place_v.city if rng.random() < 0.5 else place_v.full
    else:
        lctx["place"] = _place_phrase(rng, place_v)
    front = dph and (lead_t.startswith("{date_cap_front}") or rng.random() < 0.3)
    lead_t = lead_t.replace("{date_cap_front}", "")
    if front:
        lead_t = "{date_front}, " + lead_t.replace(" {date}", "").replace(", {date}", "")
        lctx["date_front"] = _cap(dph)
    elif "{date}" not in lead_t:
        lead_t = lead_t + " {date}"
    lctx["date"] = dph
    lead = _clean(_fmt(lead_t, lctx) + ".")
    lead = lead.replace(" .", ".")
    body.append(lead)
    out.append(("place", lead, True))
    if states_date:
        out.append(("date", lead, d_exact))

    # facts
    others = [n for n in stated if n not in ("date", "place")]
    rng.shuffle(others)
    for name in others:
        f = facts[name]
        v = ov.get(name, f.value)
        s, ex = _render_fact_core(rng, story, f, v, name in art.force or name in ov, art, ctx)
        body.append(s)
        out.append((name, s, ex))

    # follow-ups about people the article named
    for pname, t in story.followups:
        if pname in stated and rng.random() < 0.6:
            p: Person = ov.get(pname, facts[pname].value)
            body.append(_clean(_fmt(t, {**ctx, "S": p.surname})))

    # fillers
    n_fill = max(1, n_target - len(body))
    pool = story.fillers + _TYPE_FILLERS[story.stype] + _GENERIC_FILLERS
    for t in rng.sample(pool, min(n_fill, len(pool))):
        if "{W}" in t:
            ctx["W"] = rng.choice(name_pool)
        s = _clean(_fmt(t, ctx))
        pos = rng.randint(2, len(body)) if len(body) > 2 else len(body)
        body.insert(pos, s)

    # paragraphs
    paras: list[str] = []
    i = 0
    nb = len(body)
    while i < nb:
        k = 1 if i == 0 else rng.choice((1, 1, 2, 2, 3))
        paras.append(" ".join(body[i : i + k]))
        i += k
    if rng.random() < 0.25:
        paras.insert(0, f"By {rng.choice(outlet.reporters)}")
    paras.append(_background(rng, outlet, story.stype))
    if rng.random() < 0.6:
        paras.append(outlet.photo.replace("{p}", outlet.reporters[0]))
    paras.append(outlet.follow)
    paras.append(outlet.about)
    text = "\n\n".join(paras)

    # title
    tctx = dict(ctx)
    tctx["City"] = place_v.city
    kv = ov.get("killed", facts["killed"].value) if "killed" in facts else 0
    iv = ov.get("injured", facts["injured"].value) if "injured" in facts else 0
    tctx["killed_n"] = str(kv)
    tctx["injured_n"] = str(iv)
    if "price" in facts:
        pf = facts["price"]
        tctx["price_n"] = _money_phrase(rng, ov.get("price", pf.value), pf.currency, True)[0]
    title = _fmt(rng.choice(story.titles), tctx)
    if "place" in ov and story.stype != "sports":
        # the outlet got the city wrong throughout, not only in the lead
        tc, wc = story.place.city, place_v.city
        text = text.replace(tc, wc)
        title = title.replace(tc, wc)
        out = [(n, s.replace(tc, wc), e) for n, s, e in out]
    return title, text, out


_FACT_PROB = {"date": 0.85, "place": 1.0, "number": 0.6, "entity": 0.5, "negation": 0.45}


_SLUG_RE = re.compile(r"[^a-z0-9]+")


def _slug(s: str) -> str:
    return _SLUG_RE.sub("-", s.lower()).strip("-")[:60]


def generate(
    n_articles: int, seed: int = 0, conflict_rate: float = 0.2
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Generate a synthetic multi-outlet news corpus with planted conflicts.

    :param n_articles: number of article records to produce (exactly).
    :param seed: random seed; output is a pure function of the arguments.
    :param conflict_rate: fraction of stories (with >= 2 articles) given one planted
        disagreement.
    :returns: ``(articles, truth)``; articles are JSONL-ready dicts with keys ``id``,
        ``title``, ``text``, ``published``, ``outlet``, ``url``; truth holds ``stories``
        (articles, fact kinds, values and stating sentences per story) and ``conflicts``.
    :raises ValueError: on a negative size or a rate outside ``[0, 1]``.
    """
    if n_articles < 0:
        raise ValueError("n_articles must be >= 0")
    if not 0.0 <= conflict_rate <= 1.0:
        raise ValueError("conflict_rate must be in [0, 1]")
    was_enabled = gc.isenabled()
    gc.disable()  # millions of small, long-lived objects: cyclic GC only costs time here
    try:
        return _generate(n_articles, seed, conflict_rate)
    finally:
        if was_enabled:
            gc.enable()


def _generate(
    n_articles: int, seed: int, conflict_rate: float
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    rng = random.Random(seed)

    # story sizes
    sizes: list[int] = []
    left = n_articles
    while left > 0:
        if left <= 6:
            k = left
        else:
            k = rng.randint(3, 6)
            if left - k < 3:
                k = left - 3
        sizes.append(k)
        left -= k
    n_stories = len(sizes)
    vocab = _make_vocab(rng, n_stories)
    outlets = _make_outlets(rng, vocab, max(6, min(5000, n_articles // 40)))
    name_pool = [
        f"{rng.choice(_GIVEN_F + _GIVEN_M)} {rng.choice(vocab.surnames)}" for _ in range(3000)
    ]
    ids = [f"syn{seed}-{i:07d}" for i in range(n_articles)]
    rng.shuffle(ids)
    eligible = [i for i, k in enumerate(sizes) if k >= 2]
    n_conf = min(len(eligible), round(conflict_rate * n_stories))
    conf_set = set(rng.sample(eligible, n_conf))
    start = date(2015, 1, 1).toordinal()
    span = date(2024, 12, 31).toordinal() - start

    articles: list[dict[str, Any]] = []
    stories_t: dict[str, Any] = {}
    conflicts: list[dict[str, Any]] = []
    next_id = 0
    for si, k in enumerate(sizes):
        sid = f"s{seed}-{si:06d}"
        stype = rng.choices(_TYPE_NAMES, _TYPE_WEIGHTS)[0]
        day = date.fromordinal(start + rng.randint(0, span))
        place = rng.choice(vocab.cities)
        story = _MAKERS[stype](rng, vocab, sid, day, place)
        arts: list[_Art] = []
        for o in rng.sample(outlets, k):
            arts.append(
                _Art(ids[next_id], o, day + timedelta(days=rng.choice((0, 1, 1, 1, 2, 3))), {}, {})
            )
            next_id += 1
        # which facts each article states
        stated: list[list[str]] = []
        for _ in arts:
            stated.append([n for n, f in story.facts.items() if rng.random() < _FACT_PROB[f.kind]])
        conf: dict[str, Any] | None = None
        if si in conf_set:
            kinds_avail = sorted({f.kind for f in story.facts.values()})
            kind = rng.choice(kinds_avail)
            cands = [n for n, f in story.facts.items() if f.kind == kind]
            fname = rng.choice(cands)
            ia, ib = rng.sample(range(k), 2)
            for ix in (ia, ib):
                if fname not in stated[ix]:
                    stated[ix].append(fname)
            arts[ia].force[fname] = True
            wrong = _wrong_value(rng, story.facts[fname], story, vocab)
            arts[ib].overrides[fname] = wrong
            conf = {"fname": fname, "ia": ia, "ib": ib, "wrong": wrong}
        facts_t: dict[str, list[list[str]]] = {n: [] for n in story.facts}
        exact_t: dict[str, list[str]] = {n: [] for n in story.facts}
        sent_of: dict[tuple[int, str], str] = {}
        for ai, art in enumerate(arts):
            n_target = rng.randint(14, 25)
            title, text, out = _render_article(rng, story, art, stated[ai], n_target, name_pool)
            for fname_, sent, ex in out:
                facts_t[fname_].append([art.aid, sent])
                if ex and fname_ not in art.overrides:
                    exact_t[fname_].append(art.aid)
                sent_of[(ai, fname_)] = sent
            pub = art.published.isoformat()
            articles.append(
                {
                    "id": art.aid,
                    "title": title,
                    "text": text,
                    "published": pub,
                    "outlet": art.outlet.name,
                    "url": f"https://{art.outlet.domain}/{pub.replace('-', '/')}/{_slug(title)}",
                }
            )
        fkinds = {n: f.kind for n, f in story.facts.items()}
        stories_t[sid] = {
            "type": stype,
            "articles": [a.aid for a in arts],
            "facts": {n: v for n, v in facts_t.items() if v},
            "kinds": fkinds,
            "values": {n: _value_str(f, f.value) for n, f in story.facts.items()},
        }
        if conf is not None:
            fname = conf["fname"]
            f = story.facts[fname]
            a = arts[conf["ia"]]
            b = arts[conf["ib"]]
            conflicts.append(
                {
                    "story": sid,
                    "kind": f.kind,
                    "fact": fname,
                    "article_a": a.aid,
                    "article_b": b.aid,
                    "value_a": _value_str(f, f.value),
                    "value_b": _value_str(f, conf["wrong"]),
                    "sentence_a": sent_of[(conf["ia"], fname)],
                    "sentence_b": sent_of[(conf["ib"], fname)],
                    "agreeing_articles": [x for x in exact_t[fname] if x != b.aid],
                }
            )
    articles.sort(key=lambda r: str(r["id"]))
    truth: dict[str, Any] = {
        "seed": seed,
        "n_articles": n_articles,
        "conflict_rate": conflict_rate,
        "stories": stories_t,
        "conflicts": conflicts,
    }
    return articles, truth


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point.

    :param argv: arguments (defaults to ``sys.argv[1:]``).
    :returns: process exit code.
    """
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--conflict-rate", type=float, default=0.2)
    ap.add_argument("--out", required=True, help="output JSONL path")
    ap.add_argument("--truth", required=True, help="output truth JSON path")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    arts, truth = generate(args.articles, args.seed, args.conflict_rate)
    t1 = time.perf_counter()
    nbytes = 0
    with open(args.out, "w", encoding="utf-8") as fh:
        for a in arts:
            line = json.dumps(a, ensure_ascii=False)
            nbytes += len(a["text"].encode("utf-8"))
            fh.write(line + "\n")
    with open(args.truth, "w", encoding="utf-8") as fh:
        json.dump(truth, fh, ensure_ascii=False)
    t2 = time.perf_counter()
    sys.stderr.write(
        f"{len(arts)} articles, {len(truth['stories'])} stories, "
        f"{len(truth['conflicts'])} conflicts; text {nbytes / 1e6:.1f} MB; "
        f"generate {t1 - t0:.1f}s ({len(arts) / max(t1 - t0, 1e-9):.0f} art/s, "
        f"{nbytes / 1e6 / max(t1 - t0, 1e-9):.1f} MB/s); write {t2 - t1:.1f}s\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
