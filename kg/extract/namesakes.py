"""Places that share a name: "Cambridge, Mass." is not the Cambridge of England.

A place's bare name stands for the gazetteer's namesake of that name (its most populous city,
:func:`kg.extract.rules.geography.containers`), in every document: "Cambridge" is England's.
When a document writes the place with a region the namesake is not in ("Cambridge, Mass.",
"London, Ontario", "Paris, Texas", "Portland, Maine"), the place is another one, named with
its region ("Cambridge, Massachusetts"): an entity of its own, which only that qualified name
finds again in a later document, never the bare name. A region the namesake is in ("Cambridge,
England", "Paris, France") changes nothing, and neither does a name the gazetteers do not know.

Examples
--------
>>> namesake("Cambridge", ["Massachusetts"]), namesake("Cambridge", ["England"])
('Cambridge, Massachusetts', None)
>>> namesake("Portland", ["Maine"]), namesake("Portland", ["Oregon"]), namesake("Angleton", ["Texas"])
('Portland, Maine', None, None)
>>> namesake("New York", ["New York"]) is None  # "New York, NY": the gazetteer's New York is the state's
True
>>> bare_name("Cambridge, Massachusetts"), bare_name("Washington, D.C."), bare_name("Cambridge")
('Cambridge', None, None)
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache



def namesake(name: str, regions: Iterable[str]) -> str | None:
    """The label of the place ``name`` that a document writes with ``regions`` (the names written
    after it past a comma), when they put it outside the gazetteer's namesake: "Cambridge,
    Massachusetts"; None when any of them is the namesake's, none is a region, or the gazetteers
    do not know the name."""
    from kg.extract.rules.geography import containers

    placed = {found for region in regions if (found := _region(region)) is not None}
    outer = containers(name) if len(placed) == 1 else None
    if not outer:
        return None  # unqualified, written with two regions ("Cambridge, England" and "..., Mass."), or unknown
    (region, within), = placed
    if within & outer or within <= _states() and "United States" in outer and not outer & _states():
        return None  # in it, or a state written of a US namesake whose state is unknown ("New York, NY")
    return f"{name}, {region}"


@cache
def _states() -> frozenset[str]:
    """The US states' names, as the gazetteer spells them."""
    from kg.extract.rules.geography import _gazetteer

    return frozenset(_gazetteer()[1].values())


def bare_name(label: str) -> str | None:
    """The name a namesake's label (:func:`namesake`) qualifies, which must not find it: "Cambridge"
    of "Cambridge, Massachusetts"; else None."""
    name, comma, region = label.rpartition(", ")
    return name if comma and namesake(name, [region]) == label else None


def _region(name: str) -> tuple[str, frozenset[str]] | None:
    """(the gazetteer's name of the country, US state or province written ``name``, the names a
    namesake in it lies in: the state, the country, or the province's countries), else None."""
    from kg.extract.rules.geography import _province_countries, _region_name

    region = _region_name(name)
    if region is not None:
        return region, frozenset({region})  # a state at its own level: Portland, Maine is not Oregon's
    provinces = _province_countries().get(name)
    return (name, provinces) if provinces else None
