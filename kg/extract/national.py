"""A country's own bodies: "the Cabinet", "the Electoral Commission", "the Ministry of Finance".

Every country has one, so the same bare name in two documents about two countries names two
bodies: South Africa's cabinet is not Malaysia's. :func:`national_body` tells such a name
(``ontology/words.toml`` ``national_bodies``, and "Ministry of ...", "Department of ...");
:func:`home_country` the country a document is about, the one it names most. The resolver
(:mod:`kg.extract.resolve`) labels the body with its country, "Cabinet (South Africa)", and
looks it up across documents under that label alone.

Examples
--------
>>> national_body("the Electoral Commission"), national_body("Ministry of Finance"), national_body("World Bank")
(True, True, False)
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from kg.extract.places import countries
from kg.lexicon import load_words

if TYPE_CHECKING:
    from kg.extract.mentions import Found

#: Bare names of bodies each country has one of, lower case, without "the".
NATIONAL_BODIES = frozenset(load_words().mentions["national_bodies"])
#: Openings of the names of a government's departments ("Ministry of Health").
_DEPARTMENTS = ("ministry of ", "ministry for ", "department of ", "department for ")


def national_body(name: str) -> bool:
    """Whether ``name`` is a bare name of a body every country has (see the module)."""
    key = " ".join(name.casefold().split())
    key = key.removeprefix("the ")
    return key in NATIONAL_BODIES or (key.startswith(_DEPARTMENTS) and name[:1].isupper())


def home_country(found: list[Found], title_end: int = 0) -> str | None:
    """The country a document names more often than any other, twice at least (as a place
    or a demonym); None when none is, or two are named as often. A name before ``title_end``
    (the document's first line, its title) counts twice: "Uganda: Museveni Names New Judges"
    is about Uganda, whatever else its story names twice ("the International Tribunal for Rwanda
    trying Rwandan genocide suspects").

    >>> from kg.extract.mentions import Found
    >>> f = lambda text, at=10: Found(0, 1, at, at + 1, text, "Place", 1.0)
    >>> home_country([f("Ghana"), f("Nigeria"), f("Ghana")]), home_country([f("Ghana"), f("Nigeria")])
    ('Ghana', None)
    >>> home_country([f("Ghana")]) is None  # "served in the Peace Corps in Ghana": not yet what it is about
    True
    >>> home_country([f("Uganda", 0), f("Rwanda"), f("Rwanda")], title_end=5) is None  # no longer Rwanda
    True
    """
    named = Counter()
    for f in found:
        label = f.canonical or f.text
        if f.cls == "Place" and label.casefold() in countries():
            named[label] += 2 if f.start_char < title_end else 1
    ranked = named.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]
