"""Demonyms: "Ghanaian" names Ghana, "Serbian" Serbia.

A demonym before a name or a role states a nationality ("Serbian coach Dragan Popadic",
:mod:`kg.extract.rules.nationalities`) and names its country wherever NER finds it (a NORP
mention of the country). The table comes from `countryinfo <https://pypi.org/project/countryinfo/>`_
(MIT; 240 countries and territories with their English demonym), each country named as
geonames names it (by its ISO code), so "Ivorian" is the Ivory Coast the rest of kg knows.
A demonym several countries share ("Congolese", "Dominican"), one written as two
("Serbian/Montenegrin") and one that is the country's own name ("Djibouti") name none.
``ontology/gazetteer.csv`` is read first: its demonyms stand. The table only names countries
(:meth:`kg.lexicon.Lexicon.known`): it adds no pattern to the gazetteer's matcher, so
"Jordan" the player stays a person where "Jordanian" names Jordan. So do countries' official
names, from `pycountry <https://pypi.org/project/pycountry/>`_'s ISO 3166 ("the Federal Republic
of Nigeria", "the United Kingdom of Great Britain and Northern Ireland": :func:`official_names`).

>>> table = demonyms()
>>> table["Ghanaian"], table["Serbian"], table["Emirati"], "Congolese" in table
('Ghana', 'Serbia', 'United Arab Emirates', False)
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache

from kg.extract.tables import kept


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym -> the country's name (kept between processes: :func:`kg.extract.tables.kept`)."""
    return kept("demonyms", _read, __name__)


def _read() -> dict[str, str]:
    try:
        from importlib.resources import files

        data = files("countryinfo") / "data"
        countries = [json.loads(p.read_text(encoding="utf-8")) for p in data.iterdir() if p.name.endswith(".json")]
    except (ImportError, OSError, ValueError):  # an install without it: the gazetteer's demonyms alone
        return {}
    from kg.extract.places import geonames

    by_code = {code: c["name"] for code, c in geonames().get_countries().items()}
    named: dict[str, set[str]] = defaultdict(set)
    for country in countries:
        name = by_code.get((country.get("ISO") or {}).get("alpha2", ""))
        for demonym in (country.get("demonym") or "").split(","):
            demonym = demonym.strip()
            if name and demonym and "/" not in demonym and demonym != name and demonym != country.get("name"):
                named[demonym].add(name)
    return {demonym: next(iter(names)) for demonym, names in sorted(named.items()) if len(names) == 1}


@lru_cache(maxsize=1)
def official_names() -> dict[str, str]:
    """A country's official name -> its name, as geonames names it (kept between processes).

    >>> names = official_names()
    >>> names["Federal Republic of Nigeria"], names["United Kingdom of Great Britain and Northern Ireland"]
    ('Nigeria', 'United Kingdom')
    """
    return kept("official-names", _read_official, __name__)


def _read_official() -> dict[str, str]:
    try:
        import pycountry
    except ImportError:  # an install without it: the gazetteer's names alone
        return {}
    from kg.extract.places import geonames

    by_code = {code: c["name"] for code, c in geonames().get_countries().items()}
    return {official: by_code[c.alpha_2] for c in pycountry.countries
            if (official := getattr(c, "official_name", None)) and c.alpha_2 in by_code
            and official != by_code[c.alpha_2] and "," not in official}
