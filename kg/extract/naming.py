"""What a name is: its comparison key, its IRI, whether it abbreviates another.

Examples
--------
>>> mint_iri("https://w3id.org/kg/id/", "Organization", "Amazon Web Services")
'https://w3id.org/kg/id/Organization/Amazon_Web_Services'
>>> mint_iri("https://w3id.org/kg/id/", "Product", "M-series <chips>/2")
'https://w3id.org/kg/id/Product/M-series_%3Cchips%3E%2F2'
>>> name_key("The Apple, Inc.’s")
'apple'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from urllib.parse import quote

from kg.lexicon import load_words

#: Company suffixes a name is compared without (``ontology/words.toml``, [names]); alone, no name.
COMPANY_SUFFIXES = frozenset(load_words().names["company_suffixes"])
_SUFFIX = re.compile(r"[\s,]+(" + "|".join(map(re.escape, sorted(COMPANY_SUFFIXES))) + r")\.?$")
_POSSESSIVE = re.compile(r"['’]s?$")


def unaccented(name: str) -> str:
    """``name`` without its accents, as news writes ISO's names: "Mahārāshtra" -> "Maharashtra".

    >>> unaccented("Mahārāshtra"), unaccented("Côte d'Ivoire")
    ('Maharashtra', "Cote d'Ivoire")
    """
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@lru_cache(maxsize=2**16)
def mint_iri(base: str, cls: str, label: str) -> str:
    """Mint the IRI of an entity from its class and canonical name.

    Spaces become ``_``; everything else outside ``[A-Za-z0-9.~-]`` is
    percent-encoded (``_`` itself too), so distinct names give distinct IRIs.
    Kept for the names seen lately: a build mints each document's twice (its own
    resolution and the build's) and the same names again in later documents.
    """
    label = unicodedata.normalize("NFC", label.strip())
    return f"{base}{cls}/" + "_".join(quote(part, safe="") .replace("_", "%5F")
                                      for part in label.split(" "))


@lru_cache(maxsize=2**16)
def name_key(name: str) -> str:
    """The comparison key of a name: case, accents, spaces, "the", suffixes and 's folded.

    >>> name_key("Telefónica SA") == name_key("Telefonica"), name_key("Tata Electronics Pvt Ltd")
    (True, 'tata electronics')

    Kept for the names seen lately: a build asks for the same few again and
    again (42,685 calls, 2,896 names, on 600 KnowledgeNet documents).
    """
    key = unaccented(unicodedata.normalize("NFKC", name)).casefold().replace("’", "'").strip()
    key = _POSSESSIVE.sub("", key)
    key = re.sub(r"^the\s+", "", key)
    key = _SUFFIX.sub("", key)
    key = re.sub(r"[^\w&+]+", " ", key)
    return " ".join(key.split())


def legal_name(name: str) -> bool:
    """Whether a name ends in a company's legal form: an organisation's, never a place's.

    >>> legal_name("Hershey Co."), legal_name("Apple Inc"), legal_name("Hershey")
    (True, True, False)
    """
    return _SUFFIX.search(unicodedata.normalize("NFKC", name).casefold().strip()) is not None


@lru_cache(maxsize=2**16)
def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _is_acronym(name: str) -> bool:
    return 2 <= len(name) <= 6 and name.isupper() and name.isalpha()


#: A stock ticker in parentheses after its exchange's code: "(ASX: FMG)", "(NYSE:LVS)", "(TSX-V: ABC)",
#: "(NasdaqGS: STRL)", "(NYSE American: XYZ)".
STOCK_TICKER = re.compile(r"\(\s*(?P<exchange>[A-Z]{2,8}(?:[-.][A-Z]{1,3})?|Nasdaq(?:[A-Z]{2})?|NYSE (?:American|Arca))"
                          r"\s*:\s*(?P<ticker>[A-Z0-9][A-Z0-9.\-]{0,9})\s*\)")


def stock_tickers(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The (exchange code, ticker) character spans of :data:`STOCK_TICKER` in ``text``.

    >>> text = "Pilbara Minerals (ASX: PLS) rose."
    >>> [(text[a:b], text[c:d]) for (a, b), (c, d) in stock_tickers(text)]
    [('ASX', 'PLS')]
    """
    return [(m.span("exchange"), m.span("ticker")) for m in STOCK_TICKER.finditer(text)]


def abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` is an abbreviation of ``long``: its letters, in order, start words.

    >>> abbreviates("AWS", "Amazon Web Services"), abbreviates("PRC", "People's Republic of China")
    (True, True)
    >>> abbreviates("PRC", "Republic of China"), abbreviates("France", "Schneider Electric Company")
    (False, False)
    >>> abbreviates("Texas", "United States")
    False
    """
    letters = [c for c in short if c.isalnum()]
    if not 2 <= len(letters) <= 8 or not short.replace(".", "").replace("&", "").isupper():
        return False
    words = [w for w in re.split(r"[\s\-/]+", long) if w]
    return _spells(letters, words)


def coins(short: str, long: str) -> bool:
    """Whether ``short``, in parentheses right after ``long``, coins a short name for it: its
    first words ("Mapletree Investments Pte Ltd (Mapletree)"), or one word of capitals, some
    small letters allowed, whose first letter starts the name and whose capitals all come in
    order in it ("Philippine Esports Organization (PeSO)", "Pakistan Stock Exchange (PSX)").

    >>> coins("PeSO", "Philippine Esports Organization"), coins("Mapletree", "Mapletree Investments Pte Ltd")
    (True, True)
    >>> coins("PP", "Terje Halleland"), coins("Japan", "Mitsubishi Electric"), coins("UK", "Acme Corp")
    (False, False, False)
    """
    words, shorts = long.split(), short.split()
    if len(shorts) < len(words) and words[:len(shorts)] == shorts:
        return True
    capitals = [c for c in short if c.isupper()]
    if len(shorts) != 1 or not short.isalpha() or not 2 <= len(capitals) <= 6 or len(short) > 8 \
            or short[0] != capitals[0] or short[0].casefold() != long[:1].casefold():
        return False
    rest = iter(long.casefold())
    return all(c.casefold() in rest for c in capitals)


def translates(short: str, long: str) -> bool:
    """Whether ``short``, capitals only, is the acronym of ``long`` in the language it was coined in:
    the initials of its capitalised words, each once, in any order ("Brazilian Socialist Party
    (PSB)": Partido Socialista Brasileiro; "Institutional Revolutionary Party (PRI)").

    >>> translates("PSB", "Brazilian Socialist Party"), translates("FARC", "Revolutionary Armed Forces of Colombia")
    (True, True)
    >>> translates("PSB", "Brazilian Socialist"), translates("PP", "Terje Halleland"), translates("JAPAN", "Mitsubishi")
    (False, False, False)
    """
    if not short.isalpha() or not short.isupper() or not 2 <= len(short) <= 6:
        return False
    words = [w for w in re.split(r"[\s\-]+", long) if w[:1].isupper()]
    return len(words) == len(short) and sorted(w[0] for w in words) == sorted(short)


def coined(short: str, long: str) -> bool:
    """Whether ``short``, in parentheses right after an organisation's name ``long``, is a
    short name of it that is no plain abbreviation: its first words or capitals
    (:func:`coins`), or the starts of its words (:func:`contracts`).

    >>> coined("PeSO", "Philippine Esports Organization"), coined("Mindef", "Ministry of Defence")
    (True, True)
    """
    return coins(short, long) or contracts(short, long)


def contracts(short: str, long: str) -> bool:
    """Whether one word, in parentheses after a name, is made of the starts of its words, in
    order, with a plural "s" at most after them: "Ministry of Defence (Mindef)", "Anglo American
    Platinum (Amplats)".

    >>> contracts("Mindef", "Ministry of Defence"), contracts("Amplats", "Anglo American Platinum")
    (True, True)
    >>> contracts("Japan", "Mitsubishi Electric"), contracts("Defmin", "Ministry of Defence")
    (False, False)
    """
    if " " in short or not short.isalpha() or not short[:1].isupper() or len(short) > 10:
        return False
    words = [w.casefold() for w in re.split(r"[\s\-]+", long) if w[:1].isupper()]
    return _starts(short.casefold(), words, 0)


def _starts(rest: str, words: list[str], used: int) -> bool:
    """Whether ``rest`` is the starts (two letters or more) of ``words``, in order, of two words
    at least in all (``used`` so far), and a final "s"."""
    if not rest or rest == "s":
        return used >= 2
    for i, word in enumerate(words):
        for n in range(min(len(word), len(rest)), 1, -1):
            if word[:n] == rest[:n] and _starts(rest[n:], words[i + 1:], used + 1):
                return True
    return False


def _spells(letters: list[str], words: list[str]) -> bool:
    """Whether ``letters`` start ``words`` in order, small words ("of", "the") optional."""
    if not letters:
        return all(w.islower() for w in words)
    if not words:
        return False
    first, rest = words[0], words[1:]
    if first[0].casefold() == letters[0].casefold():
        # a word may give more than its first letter ("GmbH", "McKinsey", "PayPal")
        capitals = [c for c in first[1:] if c.isupper()]
        for extra in range(len(capitals), -1, -1):
            if [c.casefold() for c in capitals[:extra]] == [c.casefold() for c in letters[1:1 + extra]] \
                    and _spells(letters[1 + extra:], rest):
                return True
    return first.islower() and _spells(letters, rest)


def _subsequence(short: list[str], long: list[str]) -> bool:
    """Whether ``short``'s words come in order among ``long``'s.

    >>> _subsequence(["henrik", "angell"], ["henrik", "august", "angell"])
    True
    """
    rest = iter(long)
    return all(word in rest for word in short)


def _best_label(names: list[str]) -> str:
    """Most frequent full form (of the most words); an acronym only when nothing else is
    there; of equals, the one written first.

    >>> _best_label(["Peter of Varn", "Pierre de Varn", "Peter"]), _best_label(["AWS", "Amazon Web Services"])
    ('Peter of Varn', 'Amazon Web Services')
    """
    return _best_of(tuple(names))


@lru_cache(maxsize=4096)  # a document's groups are labelled twice (its own resolution, then the build's)
def _best_of(names: tuple[str, ...]) -> str:
    counts = Counter(names)  # in the order first written
    full = [n for n in counts if not _is_acronym(n)] or list(counts)
    return max(full, key=lambda n: (len(n.split()), counts[n]))
