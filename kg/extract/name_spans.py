"""Cut and check the names NER proposes: one stage of :func:`kg.extract.mentions.find_mentions`.

:func:`_pieces` splits a span at possessives, conjunctions and commas ("Siri and Apple
Maps" is two names, "Procter & Gamble" one); the ``_without_*`` and :func:`_after_title`
functions take off the words NER took into a name (a role, a courtesy title, honours, a
score, a trade, a title); :func:`_is_name` and the checks after it say which spans name
nothing ("the AI", "Dean" of "Dean of ...", "Co-Chief Executive Officer", a portfolio).

Examples
--------
>>> from kg.extract.nlp import load_nlp
>>> doc = load_nlp()("Apple's engineers met Ms Ann Berg OBE.")
>>> [p.text for p in _pieces(doc[0:3])], _without_honours(_without_role(doc[4:8])).text
(['Apple'], 'Ann Berg')
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from kg.extract.classes import DASHES, EVENT_WORDS, HONORIFICS, ORGANIZATION_WORDS
from kg.extract.given_names import common_adjectives, common_nouns, given_names
from kg.extract.naming import COMPANY_SUFFIXES, legal_name
from kg.extract.nlp import MONTHS
from kg.extract.places import GENERIC, TOWN_BODIES, countries, currency_codes, is_place, regions
from kg.extract.tokens import text_of, tokens_of
from kg.lexicon import Lexicon, load_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_WORDS = load_words().mentions  # ontology/words.toml, [mentions]
#: Words NER often takes for names that name no entity of their own.
NOT_NAMES = _WORDS["not_names"]
PORTFOLIO_TITLES = _WORDS["portfolio_titles"]
DEGREE_WORDS = frozenset(_WORDS["degree_words"])
#: Last words of a field of study, and words for its graduates (:func:`_degree_subject`).
DISCIPLINE_WORDS, GRADUATE_WORDS = frozenset(_WORDS["discipline_words"]), frozenset(_WORDS["graduate_words"])
#: Honours after a name ("OBE").
POST_NOMINALS = frozenset(_WORDS["post_nominals"])
#: Roles NER takes into a person's name ("Striker Tomas Berg").
ROLES_BEFORE_NAMES = frozenset(_WORDS["roles_before_names"])
COURTESY_TITLES = frozenset(_WORDS["courtesy_titles"])
_SUFFIXES_AND_TITLES = COMPANY_SUFFIXES | COURTESY_TITLES  # no name alone (:func:`_is_name`)
#: Styles a Malaysian name opens with ("Tan Sri", "Datuk Seri"), each as its words.
STYLED_HONORIFICS = tuple(sorted((tuple(h.split()) for h in _WORDS["styled_honorifics"]), key=len, reverse=True))
#: Words that are titles before a name and nothing else: a name of them alone ("Engr. Prof. Dr.") names no one.
_TITLES_ONLY = COURTESY_TITLES | frozenset(w.lower() for w in _WORDS["abbreviated_titles"]) | {"dr", "prof", "professor"}
NAME_OPENERS = frozenset(_WORDS["name_openers"])
SENTENCE_PREPOSITIONS = frozenset(_WORDS["sentence_prepositions"])
POSSESSED_BUSINESSES = frozenset(_WORDS["possessed_businesses"])
TITLE_ABBREVIATIONS = frozenset(_WORDS["title_abbreviations"])
#: Possessors that are part of a name ("Karelian Workers' Party"), and saints' words ("St Agnes's Hospital").
NAME_POSSESSORS = frozenset(_WORDS["name_possessors"])
SAINT_WORDS = frozenset(_WORDS["saint_words"])
#: Bodies whose "of A and B C" is one name ("Department of Health and Human Services").
OF_PAIR_BODIES = frozenset(_WORDS["of_pair_bodies"])
FIELD_WORDS = frozenset(_WORDS["field_words"])
FIELD_MODIFIERS = frozenset(_WORDS["field_modifiers"])
_CONNECTIVES = frozenset({"and", "for", "of", "&"})


#: Legal forms that open a company's name, as written ("PT Bukit Asam", "PJSC Rosneft"): "and"
#: after one is inside the name ("PT Sinar Mas Pulp and Paper").
LEGAL_PREFIXES = frozenset(_WORDS["legal_prefixes"])


def _pieces(ent: Span, known: Callable[[str], bool] = lambda text: False) -> list[Span]:
    """Split a span at possessives, conjunctions, commas and a small "as" ("promoted Mazen Mroue as
    Group CTIO"); trim each piece.

    An ampersand joins one name ("Procter & Gamble"), unless a name on either
    side of it is one the gazetteer knows (``known``: "Amazon & Google" is two).

    After a possessive only a proper-noun piece stays ("Amazon's AI" keeps
    "Amazon"; "Amazon's Kuiper" keeps both).
    """
    whole = _trim(ent)
    if whole is not None and " and " in whole.text and known(whole.text):
        return [whole]  # "the United Kingdom of Great Britain and Northern Ireland": a name the gazetteer knows
    pieces, start, after_possessive = [], ent.start, False
    doc, t, label = ent.doc, tokens_of(ent.doc), ent.label_  # the table's words: a Token's are made at each read
    for i in range(ent.start, ent.end + 1):
        last = i == ent.end
        word = "" if last else t.word(i)
        possessive = not last and doc[i].tag_ == "POS"
        cut = last or (possessive and not _named_possessive(doc, start, i, ent.end)) \
            or (t.dep[i] == "cc" and not (word.istitle() and label == "PERSON")  # "Mohammed Nor Yusof"
                and (word != "&" or _listed(doc, start, i, ent.end, known))
                and not _of_pair(doc, start, i, ent.end, known) and not _field_and_body(doc, start, i, ent.end, known)
                and not _partners_firm(doc, start, i, ent.end, known) and not one_body(doc, start, i, ent.end, known)
                and not fields_cut(doc[start:i], doc[i + 1:ent.end])
                and t.word(start) not in LEGAL_PREFIXES and not _suffixed_after(doc, ent.end)
                and not i < (portfolio_end(doc, start) or _firm_end(doc, start))) \
            or (word in {",", ";"} and not generic_body_in_town(doc, start, i, ent.end)
                and not i < (portfolio_end(doc, start) or _firm_end(doc, start))) \
            or (word == "as" and label in {"ORG", "PERSON"}) or (word in {"(", ")"}
                                            and not _parenthesised_abbreviation(doc, i, ent.start, ent.end)
                                            and not _quoted_nickname(doc, i, ent.start, ent.end))
        if not cut:
            continue
        piece = _trim(doc[start:i])
        if piece is not None and (not after_possessive or piece.root.pos_ == "PROPN"):
            pieces.extend(p for p in _place_parts(piece, label) if _is_name(p))
        after_possessive = possessive
        start = i + 1
    return pieces


def cut_of_pair(doc: Doc, start: int, end: int, next_end: int) -> bool:
    """Whether NER cut an "of A and B" name at its "and": ``doc[start:end]``, the "and" and
    ``doc[end + 1:next_end]`` make one name by :func:`_of_pair` (no gazetteer's place after the
    "and"), and the phrase ends there: "the Ministry of Justice and Prisons" (NER: the ministry
    and a place).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He is Minister for the Ministry of Justice and Prisons. She joined the Ministry of Defence and Spain.")
    >>> cut_of_pair(doc, 4, 8, 10), cut_of_pair(doc, 13, 17, 19)
    (True, False)
    """
    return end < len(doc) and doc[end].lower_ in {"and", "&"} and _of_pair(doc, start, end, next_end, is_place) \
        and (next_end == len(doc) or doc[next_end].pos_ != "PROPN")


def country_code_suffixed(doc: Doc, start: int) -> bool:
    """Whether NER's country code at ``start`` ends a company's name whose first word it left
    out: "News UK", "Ruddick joined News UK" (a capitalised word no name holds, mid-sentence,
    right before "UK", "US", "USA" or "UAE"); not "the UK", "Amazon UK" (a name of its own).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Ruddick joined News UK in 2019. Sales in the UK rose.")
    >>> country_code_suffixed(doc, 3), country_code_suffixed(doc, 11)
    (True, False)
    """
    if start < 2 or doc[start].text not in _COUNTRY_CODES:
        return False
    before = doc[start - 1]
    return before.pos_ == "PROPN" and before.is_title and before.ent_iob_ == "O" and not before.is_sent_start \
        and before.is_alpha


def a_countrys_branch(country: Span) -> bool:
    """Whether NER's place right after an organisation's name (a space apart) ends the name of
    its branch in a country: "Amazon UK", "MTN Nigeria", "Monash University Malaysia" (a
    country's name or code, not a town's: "Acme Paris" is no branch's name here).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He joined Amazon UK, then Monash University Malaysia.")
    >>> [(e.text, a_countrys_branch(e)) for e in doc.ents if e.label_ == "GPE"]
    [('UK', True), ('Malaysia', True)]
    """
    return country.text in _COUNTRY_CODES or country.text.casefold() in countries()


#: Country codes that end some companies' names ("News UK", "Team USA").
_COUNTRY_CODES = frozenset({"UK", "US", "USA", "UAE"})


def generic_body_in_town(doc: Doc, start: int, comma: int, end: int) -> bool:
    """Whether ``doc[start:comma]`` is a name of common words ending in a body's noun that the
    town after its comma (``doc[comma + 1:end]``, which ends the sentence's phrase) tells apart
    from its namesakes: "the Federal Teaching Hospital, Gombe" and "the Federal Teaching
    Hospital, Lafia" are two hospitals; not "Rhodes University, Makhanda" (a name of its own).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("She heads the Federal Teaching Hospital, Gombe, and Rhodes University, Makhanda.")
    >>> generic_body_in_town(doc, 2, 6, 8), generic_body_in_town(doc, 10, 12, 14)
    (True, False)
    """
    t = tokens_of(doc)
    words = [w for w in t.lower[start:comma] if w != "the"]
    return comma < len(doc) and t.lower[comma] == "," and 1 <= end - comma - 1 <= 2 \
        and bool(words) and words[-1] in TOWN_BODIES \
        and all(w in common_nouns() or w in common_adjectives() for w in words) \
        and is_place(t.span_text(comma + 1, end)) and (end == len(doc) or t.punct[end])


def _quoted_nickname(doc: Doc, i: int, start: int, end: int) -> bool:
    """Whether the parenthesis ``doc[i]`` holds a nickname in quotes inside a name: 'Gerardo I.
    ("Gerry") Lopez'."""
    quotes = {'"', "“", "”"}
    if doc[i].text == "(":
        return i + 1 < end and doc[i + 1].text in quotes
    return i - 1 >= start and doc[i - 1].text in quotes


def _place_parts(piece: Span, label: str) -> list[Span]:
    """A place name NER made of two known places is the two ("In Europe London-based Cinven":
    "Europe", "London": a country, state or continent first; not "Roman Republic"), and a
    name that ends in "in" and a known place is the name alone ("the
    Nordic Open in Helsinki"); a known place stays whole ("New York").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Europe London and the Nordic Open in Helsinki")
    >>> [s.text for s in _place_parts(doc[0:2], "GPE")], [s.text for s in _place_parts(doc[4:8], "EVENT")]
    (['Europe', 'London'], ['Nordic Open'])
    """
    doc, start, end = piece.doc, piece.start, piece.end
    t = tokens_of(doc)
    if end - start < 2 or is_place(t.span_text(start, end)):
        return [piece]
    if label in {"GPE", "LOC"}:
        cut = next((i for i in range(start + 1, end)  # a country, state or continent, then a place
                    if t.span_text(start, i).casefold() in regions() and is_place(t.span_text(i, end))), None)
        return [piece] if cut is None else [doc[start:cut], doc[cut:end]]
    at = next((i for i in range(start + 1, end - 1)
               if t.lower[i] == "in" and is_place(t.span_text(i + 1, end))), None)
    return [piece] if at is None else [doc[start:at]]


def _of_pair(doc: Doc, start: int, i: int, end: int, known: Callable[[str], bool]) -> bool:
    """Whether the conjunction at ``i`` joins two words after the name's "of" or "for", the
    second its last word: "University of Science and Technology", "Ministry of Trade and
    Industry" are one name; "Bank of America and Citigroup" (a known name) is two. After a
    body's noun (``ontology/words.toml`` ``of_pair_bodies``) the second may be up to three
    words: "Department of Health and Human Services", and have an "of" of its own: "Association
    of Hajj and Umrah Operators of Nigeria".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("She studied at the Kessary University of Science and Technology.")
    >>> _of_pair(doc, 4, 9, 11, lambda text: False)
    True
    >>> doc = load_nlp()("He worked at the Department of Health and Human Services.")
    >>> _of_pair(doc, 3, 7, 10, lambda text: False)
    True
    """
    left = doc[i].head
    if not (left.dep_ == "pobj" and left.head.lower_ in {"of", "for", "on"} and start <= left.head.i < i):
        return False  # "on": "the Senate Committee on Energy and Natural Resources"
    cut = next((j for j in range(i + 1, end) if doc[j].lower_ == "of"), end)
    if cut < end and not all(t.is_title or t.lower_ == "the" for t in doc[cut + 1:end]):
        return False
    rest = doc[i + 1:cut]  # "Association of Hajj and Umrah Operators of Nigeria": up to its own "of"
    if len(rest) == 1:
        return not known(rest.text)
    # "Department of Health and Human Services": a body's noun before "of" keeps a longer pair
    body = doc[left.head.i - 1].lower_ if left.head.i > start else ""
    return body in OF_PAIR_BODIES and 2 <= len(rest) <= 3 and all(t.is_title and t.is_alpha for t in rest) \
        and not known(rest.text)


def _suffixed_after(doc: Doc, end: int) -> bool:
    """Whether a company's legal form follows the name ending at ``end``, after a comma or not
    ("Road and Highway Builders, LLC": one firm, not "Road" and "Highway Builders").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Road and Highway Builders, LLC won. Ann and Bo won.")
    >>> _suffixed_after(doc, 4), _suffixed_after(doc, 11)
    (True, False)
    """
    k = end + 1 if end < len(doc) and doc[end].text == "," else end
    return k < len(doc) and doc[k].lower_.rstrip(".") in COMPANY_SUFFIXES


def _firm_end(doc: Doc, start: int) -> int:
    """The end of a partners' firm (:func:`partners_firms`) that starts at ``start``, else 0."""
    if start == 0 or doc[start - 1].lower_ not in {"firm", "firms"}:
        return 0
    return _partners_after(doc, start - 1)


def portfolio_end(doc: Doc, start: int) -> int | None:
    """The end of a body's name that lists its fields after its "of" or "for", commas and all,
    when one starts at ``start``: "Department for Culture, Media and Sport", "the Ministry of
    Housing, Communities and Local Government" (a body's noun, ``of_pair_bodies``; fields of one
    to three capitalised words, none a place or a given name); else None.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He sat on the Department for Culture, Media and Sport's board.")
    >>> doc[3:portfolio_end(doc, 3)].text
    'the Department for Culture, Media and Sport'
    >>> portfolio_end(load_nlp()("The Ministry of Finance, Apple and Ghana met."), 0) is None
    True
    """
    n = len(doc)
    body = start + (doc[start].lower_ == "the")
    if body + 2 >= n or doc[body].lower_ not in OF_PAIR_BODIES or doc[body + 1].lower_ not in {"of", "for"}:
        return None

    def field(k: int, most: int = 3) -> int | None:  # the end of one field's words from k
        end = k
        while end < n and end < k + most and doc[end].is_title and doc[end].is_alpha \
                and doc[end].text not in given_names() and doc[end].lower_ not in HONORIFICS:
            end += 1
        return end if end > k and not is_place(doc[k:end].text) else None

    k, commas = field(body + 2), 0
    while k is not None and k + 1 < n and doc[k].text == "," and doc[k + 1].lower_ not in {"and", "&"}:
        k, commas = field(k + 1), commas + 1
    if k is None or commas == 0:
        return None
    k += k < n and doc[k].text == ","  # "Culture, Media, and Sport"
    return field(k + 1, 2) if k + 1 < n and doc[k].lower_ in {"and", "&"} else None


def portfolio_bodies(doc: Doc) -> list[Span]:
    """Bodies' names that list their fields (:func:`portfolio_end`), whole, however NER cut them
    ("the Department for Culture" and "Media" and "Sport's ...").

    >>> from kg.extract.nlp import load_nlp
    >>> [s.text for s in portfolio_bodies(load_nlp()("He joined the Department for Digital, Culture, Media and Sport."))]
    ['Department for Digital, Culture, Media and Sport']
    """
    from spacy.tokens import Span

    lower = tokens_of(doc).lower
    out: list[Span] = []
    for i, word in enumerate(lower):
        if word in OF_PAIR_BODIES and (not out or out[-1].end <= i) and doc[i].is_title:
            end = portfolio_end(doc, i)
            if end is not None:
                out.append(Span(doc, i, end, label="ORG"))
    return out


def partners_firms(doc: Doc) -> list[Span]:
    """Firms named after three or more partners, right after "firm", whole: "the law firm Kellogg,
    Hansen, Todd, Figel and Frederick" (NER reads the partners as people and firms of their own).

    >>> from kg.extract.nlp import load_nlp
    >>> [s.text for s in partners_firms(load_nlp()("She joined the firm Baker, Lowe, Tate and Frost in 2005."))]
    ['Baker, Lowe, Tate and Frost']
    """
    from spacy.tokens import Span

    return [Span(doc, i + 1, end, label="ORG") for i, word in enumerate(tokens_of(doc).lower)
            if word in {"firm", "firms"} and (end := _partners_after(doc, i))]


def _partners_after(doc: Doc, i: int) -> int:
    """The end of three or more partners' names after the "firm" at ``i`` (:func:`partners_firms`),
    else 0."""
    lower, n = tokens_of(doc).lower, len(doc)
    k, names = i + 1, []
    while k < n and doc[k].is_title and doc[k].is_alpha:
        names.append(doc[k].text)
        if k + 2 < n and doc[k + 1].text == "," and doc[k + 2].is_title:
            k += 2
            continue
        break
    last = k + 1 + (k + 1 < n and doc[k + 1].text == ",")  # "Tate, and Frost"
    if len(names) >= 2 and last + 1 < n and lower[last] in {"and", "&"} and doc[last + 1].is_title \
            and doc[last + 1].is_alpha and sum(map(is_place, [*names, doc[last + 1].text])) <= 1:
        return last + 2  # (a partner may share a town's name)
    return 0


def _field_and_body(doc: Doc, start: int, i: int, end: int, known: Callable[[str], bool]) -> bool:
    """Whether the conjunction at ``i`` joins a field's one word to a body's name, all one name:
    "the Transport and General Workers Union", "Science and Technology Facilities Council", "the
    U.S. Securities and Exchange Commission", "the Food and Drug Administration" (a word of English
    no name holds before it, after a place or none, a body's noun ending the name:
    :data:`_FIELD_BODY_ENDS`); not "Apple and Google Cloud" nor "Ford and General Motors".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He joined the Transport and General Workers Union.")
    >>> _field_and_body(doc, 2, 4, 8, lambda text: False)
    True
    """
    before = [t for t in doc[start:i] if t.lower_ != "the"]
    while len(before) > 1 and (known(before[0].text) or is_place(before[0].text)):
        before = before[1:]  # "the U.S. Securities and Exchange Commission": a country's body
    return 1 <= len(before) <= 3 and all(  # "Independent Electoral and Boundaries Commission"
        t.is_title and not known(t.text) and t.text not in given_names() and not is_place(t.text)
        and (len(before) > 1 or t.lower_ in common_adjectives() or not _singulars(t.lower_).isdisjoint(common_nouns()))
        for t in before) and doc[end - 1].lower_ in _FIELD_BODY_ENDS


#: Last words of a body's name whose field words "and" joins: ``of_pair_bodies``, a union, and an
#: administration or a service ("the Food and Drug Administration", "the Fish and Wildlife Service";
#: not of_pair_bodies themselves: "Business Administration" is a field of study).
_FIELD_BODY_ENDS = OF_PAIR_BODIES | {"union", "unions", "administration", "service"}


def _partners_firm(doc: Doc, start: int, i: int, end: int, known: Callable[[str], bool]) -> bool:
    """Whether the conjunction at ``i`` joins partners' names in one firm's, which its legal form
    ends: "Bosanquet and Skrine Ltd", "Procter and Gamble Co."; not when the gazetteer knows
    either side ("Apple and Google Inc.").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("She is a partner at Bosanquet and Skrine Ltd.")
    >>> _partners_firm(doc, 5, 6, 9, lambda text: False)
    True
    """
    sides = (_trim(doc[start:i]), _trim(doc[i + 1:end]))
    return legal_name(doc[start:end].text) and all(
        side is not None and len(side) <= 3 and not known(side.text) for side in sides)


def one_body(doc: Doc, start: int, i: int, end: int, known: Callable[[str], bool]) -> bool:
    """Whether the conjunction at ``i`` is inside one body's name: the words after it end in a
    body's noun and those before it in no organisation's word, none known to the gazetteer
    ("International Red Cross and Red Crescent Movement", "National Road Operating and
    Constructing Company Limited"; not "the Ford Foundation and Gates Foundation", nor "Apple
    and Samsung Electronics").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He joined the International Red Cross and Red Crescent Movement in 1990.")
    >>> one_body(doc, 2, 6, 10, lambda text: False), one_body(doc, 7, 8, 10, lambda text: False)
    (True, False)
    """
    left, right = _trim(doc[start:i]), _trim(doc[i + 1:end])
    return left is not None and right is not None and len(left) > 1 and right[-1].lower_ in BODY_ENDS \
        and left[-1].lower_ not in BODY_ENDS | ORGANIZATION_WORDS and not known(left.text) \
        and all(t.is_title or t.lower_ in {"the", "of"} for t in (*left, *right))


def fields_cut(ent: Span, nxt: Span) -> bool:
    """Whether NER's name ``nxt``, after ``ent`` and an "and", is the rest of its fields of work or
    study: ``ent`` ends in "of" and fields ("the University of Health", "Department of Arts"), and
    ``nxt`` is capitalised words of no organisation but fields ("Allied Sciences"); not "Bank of
    America and Wells Fargo".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("the University of Health and Allied Sciences, the Bank of America and Wells Fargo")
    >>> fields_cut(doc[0:4], doc[5:7]), fields_cut(doc[9:12], doc[13:15])
    (True, False)
    """
    lowers = [t.lower_ for t in ent]
    if nxt.start != ent.end + 1 or ent.doc[ent.end].lower_ != "and" or "of" not in lowers[:-1]:
        return False
    after = lowers[len(lowers) - lowers[::-1].index("of"):]
    fields = FIELD_WORDS | DISCIPLINE_WORDS
    return all(w in fields for w in after) and all(t.is_title for t in nxt) \
        and not any(t.lower_ in ORGANIZATION_WORDS and t.lower_ not in fields for t in nxt)


#: Last words of a body's name: "Red Crescent Movement", "Constructing Company Limited".
BODY_ENDS = OF_PAIR_BODIES | frozenset(_WORDS["body_ends"])


def _singulars(word: str) -> set[str]:
    """A lower-case word and the singulars it may be the plural of: "securities" -> "security".

    >>> sorted(_singulars("securities")), sorted(_singulars("transport"))
    (['securitie', 'securities', 'security'], ['transport'])
    """
    forms = {word}
    if word.endswith("s"):
        forms.add(word[:-1])
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    return forms


def _listed(doc: Doc, start: int, i: int, end: int, known: Callable[[str], bool]) -> bool:
    """Whether the names either side of the ampersand ``doc[i]`` (in ``doc[start:end]``, up to
    a comma) are two: the gazetteer (``known``) knows one of them."""
    stop = next((j for j in range(i + 1, end) if doc[j].text in {",", ";", "(", ")"}), end)
    sides = (_trim(doc[start:i]), _trim(doc[i + 1:stop]))
    return any(side is not None and known(side.text) for side in sides)


def _named_possessive(doc: Doc, start: int, i: int, end: int) -> bool:
    """Whether the possessive ``doc[i]`` is part of the name ``doc[start:end]``: "Karelian
    Workers' Party", "People's Music Awards", "St Agnes's Hospital" (``ontology/words.toml``
    ``name_possessors``, ``saint_words``), "Sam's Club" (a business's noun alone after it:
    ``possessed_businesses``), "T.G.I. Friday's Inc." (a company's legal ending last), a name
    NER ends with a possessive that owns nothing ("worked for Moody's for ten years"), not
    "Amazon's Kuiper" nor "Apple's Group Manager" nor a country's ("Japan's Kessel Motor Corp.").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Tomas Varga joined the Karelian Workers' Party, not Amazon's Kuiper.")
    >>> [_named_possessive(doc, 4, i, 8) for i in range(len(doc)) if doc[i].tag_ == "POS"]
    [True, False]
    """
    possessor = doc[i - 1] if i > start else None
    if possessor is not None and i == end - 1 and _owns_nothing(doc, i):
        return True  # "worked for Moody's for ten years", "joined Sotheby's": its name
    owned = i + 1 < end and (doc[i + 1].is_title or doc[i + 1].is_upper)
    opening = next((t for t in doc[start:i] if t.lower_ != "the"), None)
    return possessor is not None and owned and (
        possessor.lower_ in NAME_POSSESSORS or (opening is not None and opening.lower_ in SAINT_WORDS)
        or _plural_possessor(possessor, doc[i])  # "Asean Constructors' Federation", "Ashok Hall Girls' High School"
        or (i + 2 == end and doc[i + 1].lower_ in _POSSESSED)  # "Sam's Club", "America's Cup"
        or (doc[end - 1].lower_.rstrip(".") in _LEGAL_ENDINGS  # "Del Frisco's Restaurant Group"
            and (end == len(doc) or not (doc[end].is_title and doc[end].text[0].isalpha()))
            and doc[start:i].text.casefold() not in regions()  # not "South Korea's Lotte Chemical Corp."
            and doc[start].lower_.rstrip(".") not in HONORIFICS))  # nor "Sir Ron Brierley's Guinness Peat Group"


def _plural_possessor(possessor: Token, mark: Token) -> bool:
    """Whether a possessive is a plural common noun's, written with the apostrophe alone: the
    members a body is named for ("Constructors' Federation", "Girls' High School"), no owner."""
    word = possessor.lower_
    return mark.text in {"'", "\u2019"} and possessor.tag_ in {"NNS", "NNPS", "NNP"} and word.endswith("s") \
        and (word[:-1] in common_nouns() or word[:-2] in common_nouns())


#: A business's or an event's noun alone after a possessive: the name's ("Sam's Club").
_POSSESSED = POSSESSED_BUSINESSES | EVENT_WORDS

#: Last words of a company's legal name: a possessive before them is the name's
#: (:func:`kg.extract.missed_names._possessive_companies`).
_LEGAL_ENDINGS = COMPANY_SUFFIXES | {"group", "holdings", "company", "incorporated"}


def _parenthesised_abbreviation(doc: Doc, i: int, start: int, end: int) -> bool:
    """Whether the parenthesis ``doc[i]`` encloses an abbreviation inside the name
    ``doc[start:end]`` ("Barstow (Calif.) Community Hospital"), and cuts nothing."""
    opening = i if doc[i].text == "(" else i - 2
    return start < opening and opening + 3 < end and doc[opening].text == "(" and doc[opening + 2].text == ")" \
        and doc[opening + 1].text.endswith(".")


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc, t = span.doc, tokens_of(span.doc)
    while start < end and (t.pos[start] in {"DET", "PUNCT"} or t.lower[start] == "the"
                           or not any(c.isalnum() for c in t.lower[start])):  # a list's bullet: "• Ann Lee"
        start += 1
    while end > start:
        last = doc[end - 1]  # one Token for the checks below, not one per attribute read
        if not (t.pos[end - 1] == "PUNCT" or last.tag_ == "POS"
                or t.lower[end - 1] in {"'s", "’s"}  # "Army ’s", tagged a verb
                or (last.is_stop and last.is_lower)):  # "Jeffery Kent as CIO"
            break
        if last.tag_ == "POS" and end - 1 > start and _owns_nothing(doc, end - 1):
            break  # "Moody's"
        end -= 1
    return doc[start:end] if end > start else None


def _owns_nothing(doc: Doc, i: int) -> bool:
    """Whether the possessive ``doc[i]`` owns no noun after it: a business's name ends with it
    ("worked for Moody's for ten years", "joined Sotheby's in 2001"; not "Amazon's chips").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("She worked for Moody's for years, not Amazon's chips.")
    >>> _owns_nothing(doc, 4), _owns_nothing(doc, 10)
    (True, False)
    """
    return i > 0 and doc[i].tag_ == "POS" and doc[i - 1].dep_ != "poss" and doc[i - 1].pos_ == "PROPN" \
        and (i + 1 == len(doc) or doc[i + 1].pos_ not in {"NOUN", "PROPN", "ADJ", "NUM"})


def _is_name(span: Span) -> bool:
    """A name has a capital or a digit, a letter, and is not a known non-name
    nor a company suffix alone (the "Inc." of "Geeknet, Inc.", split at its comma), nor a verb
    with its auxiliary ("It was Founded by ...", NER's person)."""
    text = text_of(span)
    if text.lower().replace("’", "'") in NOT_NAMES or not any(c.isalpha() for c in text):
        return False
    if len(span) == 1 and span[0].pos_ == "VERB" and any(c.dep_ in {"aux", "auxpass"} for c in span[0].children):
        return False
    if text.lower().rstrip(".") in _SUFFIXES_AND_TITLES or _priced(span) or _a_day(text):
        return False  # "Geeknet, Inc.", NER's "Eng" of "Eng. Peter Amisi", a dateline's "Sept 8"
    t = tokens_of(span.doc)
    if all(t.lower[i].rstrip(".") in _TITLES_ONLY or t.punct[i] for i in range(span.start, span.end)):
        return False  # NER's "Engr. Prof. Dr." of "Engr. Prof. Dr. Niaz Ahmad Akhtar"
    return any(c.isupper() or c.isdigit() for c in text)


def _a_day(text: str) -> bool:
    """A month's name or abbreviation and a day: a date NER took for a name ("SANTIAGO, Sept 8 -").

    >>> _a_day("Sept 8"), _a_day("May 31"), _a_day("Mayo 31"), _a_day("Acme 8")
    (True, True, False, False)
    """
    words = text.split()
    return len(words) == 2 and words[0].lower().rstrip(".") in MONTHS and words[1].isdigit() and len(words[1]) <= 2


def _priced(span: Span) -> bool:
    """Whether a name is a currency's code before or after a number: a sum, no one's name
    ("sales of INR 1,035 million", "worth THB 3,566 million").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Sales were INR 1,035 million, worth THB 3,566 million, or INR31.3bn.")
    >>> _priced(doc[2:5]), _priced(doc[7:8]), _priced(doc[0:1]), _priced(doc[12:13])
    (True, True, False, True)
    """
    doc, first = span.doc, span[0]
    if len(span) == 1 and first.text[:3] in currency_codes() and first.text[3:4].isdigit():
        return True  # "INR31.3bn": the code and the sum in one word
    if first.text not in currency_codes():
        return False
    after = doc[first.i + 1] if first.i + 1 < len(doc) else None
    before = doc[first.i - 1] if first.i > 0 else None
    return (after is not None and after.like_num) or (before is not None and before.like_num)


def _without_role(span: Span) -> Span:
    """A person's name without the role NER took into it: "Striker Tomas Berg" is Tomas Berg
    (``ontology/words.toml`` ``roles_before_names``), "Ms Berg" is Berg (``courtesy_titles``),
    "Tan Sri Muhyiddin Yassin" Muhyiddin Yassin (``styled_honorifics``); the role still votes
    the name a person's.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Striker Tomas Berg scored, Ms Berg said.")
    >>> _without_role(doc[0:3]).text, _without_role(doc[1:3]).text, _without_role(doc[5:7]).text
    ('Tomas Berg', 'Tomas Berg', 'Berg')
    """
    if len(span) > 2 and span[0].lower_ in ROLES_BEFORE_NAMES and (span[0].is_title or span[0].is_upper) \
            and span[1].ent_type_ == "PERSON":
        return span.doc[span.start + 1:span.end]  # "COO Patrick Dumont"
    if len(span) > 1 and span[0].lower_.rstrip(".") in COURTESY_TITLES and span[1].is_title:
        return span.doc[span.start + 1:span.end]  # "Ms Fitzgerald" is Fitzgerald, whom "Celine Fitzgerald" names
    styled = False
    while True:  # "Tan Sri Muhyiddin Yassin" is Muhyiddin Yassin; "Datuk Sri Datin Paduka Siti Hasmah" Siti Hasmah
        words = [t.lower_ for t in span if t.text != "'"]
        style = next((h for h in STYLED_HONORIFICS if len(words) > len(h) and tuple(words[:len(h)]) == h), None)
        if style is None:
            return span if styled else _without_place_seat(span)
        skip = len(style) + sum(t.text == "'" for t in span[:len(style) + 1])
        span, styled = span.doc[span.start + skip:span.end], True


def _without_academic_title(span: Span | None) -> Span | None:
    """A person's name NER found without the academic title or the rank it took in: "Prof Rangan
    Banerjee" is Rangan Banerjee, "Prof Banerjee" Banerjee, "Lt Gen Sahir Shamshad Mirza" Sahir
    Shamshad Mirza (``ontology/words.toml`` ``academic_titles``, ``rank_titles``; a company's "Dr
    Reddy's" is not asked).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Prof Rangan Banerjee met Dr Lee.")
    >>> _without_academic_title(doc[0:3]).text, _without_academic_title(doc[4:6]).text
    ('Rangan Banerjee', 'Lee')
    """
    while span is not None and len(span) > 1 and span[0].lower_.rstrip(".") in _ACADEMIC_TITLES \
            and span[1].is_title and (span[0].lower_.rstrip(".") in _ACADEMIC_ONLY or len(span) > 2
                                      or span[0].lower_.rstrip(".") not in _RANK_WORDS):  # "Gen Munir": Munir
        span = span.doc[span.start + 1:span.end]  # "Lt Gen Sahir Shamshad Mirza": both ranks
    return span


_ACADEMIC_ONLY = frozenset(_WORDS["academic_titles"])
#: Titles a person's name is found with and never part of it: academic titles and ranks
#: (``words.toml`` ``academic_titles``, ``rank_titles``; a rank leaves two words at least: "General Grant").
_ACADEMIC_TITLES = _ACADEMIC_ONLY | frozenset(_WORDS["rank_titles"])
#: Ranks written in full, which may open a name of two words ("General Grant", "Major Lance").
_RANK_WORDS = frozenset({"general", "colonel", "lieutenant", "brigadier", "admiral", "sergeant", "corporal",
                         "commodore", "marshal"})


def _without_place_seat(span: Span) -> Span:
    """A person's name without the place of their seat NER took into it: "an MP from Odisha
    Ashwini Vaishnaw" is Ashwini Vaishnaw."""
    if len(span) > 2 and span[0].ent_type_ == "PERSON" and is_place(span[0].text) \
            and span[0].text not in given_names() and all(t.is_title for t in span[1:]):
        return span.doc[span.start + 1:span.end]  # "an MP from Odisha Ashwini Vaishnaw": the state is his seat
    return span


def _without_title_after(span: Span | None, titles: frozenset[str] | set[str],
                         lexicon: Lexicon) -> Span | None:
    """A name without the title NER took in after it ("Federal Reserve Chairman" is the
    Federal Reserve); None when what is left is one common noun the gazetteer does not know
    ("District Executive", "Chief Scout Executive": titles, no names), or one common adjective
    ("New Head Librarian").

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Federal Reserve Chairman and District Executive")
    >>> _without_title_after(doc[0:3], {"chairman"}, load_lexicon()).text
    'Federal Reserve'
    >>> _without_title_after(doc[4:6], {"executive"}, load_lexicon()) is None
    True
    """
    if span is None or len(span) < 2 or span[-1].lower_ not in titles:
        return span
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].lower_ in titles:
        end -= 1
    while end < span.end and end > span.start + 1 and span.doc[end - 1].lower_ in _TITLE_BODIES:
        end -= 1  # "Agriculture Cabinet Secretary": the cabinet's title
    rest = span.doc[span.start:end]
    if len(rest) == 1 and (rest[0].lower_ in common_nouns() or rest[0].lower_ in common_adjectives()) \
            and lexicon.known(rest.text) is None:
        return None  # "New Head Librarian appointed": a headline's title, no one named "New"
    return rest


#: Bodies named in a title before its head ("Agriculture Cabinet Secretary"): part of the title.
_TITLE_BODIES = frozenset(_WORDS["title_bodies"])


def _without_title_abbreviation(span: Span | None, abbreviations: frozenset[str]) -> Span | None:
    """A name without a title's abbreviation that ends it right before a person's name
    ("Browns GM John Dorsey": the Browns' general manager, ``title_abbreviations``), None
    when nothing is left; not the company it also spells ("GM CEO Mary Barra").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Browns GM John Dorsey met GM CEO Mary Barra.")
    >>> gm = frozenset({"gm"})
    >>> _without_title_abbreviation(doc[0:2], gm).text, _without_title_abbreviation(doc[5:6], gm).text
    ('Browns', 'GM')
    """
    if span is None or span.end >= len(span.doc):
        return span
    last = span[-1]
    if not (last.lower_ in abbreviations and last.is_upper and span.doc[span.end].ent_type_ == "PERSON"):
        return span
    return span.doc[span.start:span.end - 1] if len(span) > 1 else None


def _without_trade(span: Span | None, lexicon: Lexicon) -> Span | None:
    """A name without the trade noun that opens its sentence and that NER took into it:
    "Discounters Aldi and Lidl", "Carmaker Vireo said" (an organisation's ``kg:headNoun``,
    which then votes the name an organisation's); not "Carrier Corporation".

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Discounters Aldi and Lidl gained. Carrier Corporation fell.")
    >>> _without_trade(doc[0:2], load_lexicon()).text, _without_trade(doc[6:8], load_lexicon()).text
    ('Aldi', 'Carrier Corporation')
    """
    if span is None or len(span) < 2 or not span[0].is_sent_start or not span[0].is_title:
        return span
    rest = span.doc[span.start + 1:span.end]
    if lexicon.head_nouns.get(span[0].lower_) != "Organization" or rest[0].pos_ != "PROPN" \
            or rest[-1].lower_ in ORGANIZATION_WORDS or lexicon.known(text_of(span)) is not None:
        return span
    return rest


def _mapped(span: Span, lexicon: Lexicon) -> bool:
    """Whether a place's name is written as a place: NER's place, after "in", "to" or "near"
    or before a comma and a state or country ("lived in Princeton", "Princeton, N.J."; not
    "studied at Princeton", the university).

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("She studied at Princeton and lived in Princeton.")
    >>> _mapped(doc[3:4], load_lexicon()), _mapped(doc[7:8], load_lexicon())
    (False, True)
    """
    doc = span.doc
    if span[0].ent_type_ not in {"GPE", "LOC"} or not is_place(text_of(span)):
        return False
    if span.start > 0 and doc[span.start - 1].lower_ in {"in", "to", "near"}:
        return True
    after = doc[span.end:span.end + 2]
    return len(after) == 2 and after[0].text == "," and (known := lexicon.known(after[1].text)) is not None \
        and known.cls == "Place"


def _without_opener(span: Span) -> Span:
    """A name without the word of time or standing NER took into it ("Longtime Kessel
    Group", "Outgoing Vireo Bank": ``ontology/words.toml`` ``name_openers``; "Fla.-based Vireo
    Inc."), or without the preposition opening the sentence ("Following Morris's death":
    ``sentence_prepositions``).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Outgoing Kessel Group boss Ann Lee spoke.")
    >>> _without_opener(doc[0:3]).text
    'Kessel Group'
    >>> doc = load_nlp()("Following Morris's death, Dearle ran the firm.")
    >>> _without_opener(doc[0:2]).text
    'Morris'
    """
    if len(span) > 1 and span[1].is_title and (span[0].lower_ in NAME_OPENERS or span[0].lower_.endswith("-based") or (
            span[0].is_sent_start and span[0].dep_ == "prep" and span[0].lower_ in SENTENCE_PREPOSITIONS)):
        return span.doc[span.start + 1:span.end]
    return span


#: A score after a name: "Molde 3-1", "Lyon 2–0".
_SCORE = re.compile(r"\d{1,2}")


def _without_score(span: Span) -> Span:
    """A name without the match score NER took into it ("Rosenborg beat Molde 3-1": Molde);
    "Boeing 737-800" and "Apollo 11" keep their numbers.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Rosenborg beat Molde 3-1 and Apollo 11 landed.")
    >>> _without_score(doc[2:6]).text, _without_score(doc[7:9]).text
    ('Molde', 'Apollo 11')
    """
    doc, end = span.doc, span.end
    if len(span) > 3 and doc[end - 2].text in {"-", "–"} and all(
            _SCORE.fullmatch(doc[i].text) for i in (end - 3, end - 1)):
        return doc[span.start:end - 3]
    return span


def with_hyphenated_given_name(span: Span) -> Span:
    """A person's name NER cut before a romanised given name in two parts joined by a hyphen,
    the way Korean names are written ("Kim In-chul": NER read "In" as a preposition); the name
    itself otherwise.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Yoon nominated Kim In-chul as minister. Ann Lee in-house counsel.")
    >>> with_hyphenated_given_name(doc[2:3]).text, with_hyphenated_given_name(doc[9:11]).text
    ('Kim In-chul', 'Ann Lee')
    """
    doc, end = span.doc, span.end
    if end + 3 > len(doc) or not span[-1].whitespace_:
        return span
    first, dash, second = doc[end], doc[end + 1], doc[end + 2]
    if first.is_title and first.is_alpha and len(first) <= 6 and not first.whitespace_ and dash.text == "-" \
            and not dash.whitespace_ and second.is_lower and second.is_alpha and len(second) <= 6:
        return doc[span.start:end + 3]
    return span


def _without_honours(span: Span) -> Span | None:
    """The name without the honours after it ("Ann Lee OBE" is Ann Lee); None when one word
    is all that is left, an honour's title ("Commendatore OSSI"), or an honour stands alone
    after a comma ("Ann Lee, KBE,"); an acronym that is a name stays ("CMG's law division").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Ann Lee OBE met Commendatore OSSI and Tom Roe, KBE, of CMG.")
    >>> _without_honours(doc[0:3]).text, _without_honours(doc[4:6]), _without_honours(doc[10:11])
    ('Ann Lee', None, None)
    >>> _without_honours(doc[13:14]).text
    'CMG'
    """
    doc, end = span.doc, span.end
    if len(span) == 1:
        alone = span[0].lower_ in POST_NOMINALS and span.start > 0 and doc[span.start - 1].text == ","
        return None if alone else span
    while end > span.start and doc[end - 1].lower_ in POST_NOMINALS:
        end -= 1
    if end == span.end:
        return span
    return doc[span.start:end] if end - span.start > 1 else None


def _common_word(span: Span, lexicon: Lexicon) -> bool:
    """One word that is a place's common noun, a direction or a word of time or standing
    (``name_openers``), which names nothing alone: "River" in "Hollis of the River", "Central"
    cut from "Central and South America", "Caretaker" before "Prime Minister Najib Mikati".

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("They sailed up the River to Central Park.")
    >>> _common_word(doc[4:5], load_lexicon()), _common_word(doc[6:8], load_lexicon())
    (True, False)
    """
    word = span[0].lower_
    return len(span) == 1 and (word in GENERIC or word in NAME_OPENERS or lexicon.head_nouns.get(word) == "Place")


def _field_of_work(span: Span, lexicon: Lexicon) -> bool:
    """A name of fields of work (``ontology/words.toml`` ``field_words``) and their modifiers
    (``field_modifiers``) that ends in one names a portfolio or a department, no organisation:
    "Health" cut from "Health and Social Welfare Minister", "Human Resources for Health" after
    "director of"; not "Financial Affairs Committee" nor "Ministry of Co-operatives" (a body's
    noun), "Cardinal Health" nor "Cox Enterprises" (a word of another kind) nor "Christian Aid".

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Human Resources for Health, Financial Affairs Committee, Cardinal Health")
    >>> [_field_of_work(doc[i:j], load_lexicon()) for i, j in ((0, 4), (5, 8), (9, 11))]
    [True, False, False]
    """
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w'-]*", text_of(span))]
    words = [w for w in words if w not in _CONNECTIVES]
    if len(words) > 1 and words[0] in TITLE_ABBREVIATIONS:
        words = words[1:]  # "GM Human Resources": a general manager's department
    if not words or words[-1] not in FIELD_WORDS:
        return False
    if any(w in OF_PAIR_BODIES or lexicon.head_nouns.get(w) == "Organization" for w in words):
        return False  # "Ministry of Co-operatives"
    return all(w in FIELD_WORDS or w in FIELD_MODIFIERS for w in words[:-1])


def _in_a_staff_title(span: Span) -> bool:
    """Whether a name is part of a military chief's title, "Chief of (the) X Staff" ("Chief of
    Naval Staff", "Chief of Army Staff": NER's "Naval Staff" and "Army"), no body of its own.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He was Chief of Naval Staff and Chief of Army Staff of Kestria.")
    >>> [_in_a_staff_title(doc[i:j]) for i, j in ((4, 6), (9, 10), (12, 13))]
    [True, True, False]
    """
    doc, start, end = span.doc, span.start, span.end
    if start >= 1 and doc[start - 1].lower_ == "the":
        start -= 1
    if start < 2 or doc[start - 1].lower_ != "of" or doc[start - 2].lower_ not in {"chief", "chiefs"}:
        return False
    return span[-1].lower_ == "staff" or (end < len(doc) and doc[end].lower_ == "staff")


def _names_a_condition(span: Span) -> bool:
    """Whether a name is the first part of an illness's ("Huntington's disease", "Rett syndrome":
    ``ontology/words.toml`` ``condition_nouns``), which names no entity of its own.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Huntington's disease and Rett syndrome were studied at Kestrel University.")
    >>> [_names_a_condition(doc[i:j]) for i, j in ((0, 1), (4, 5), (8, 10))]
    [True, True, False]
    """
    doc, end = span.doc, span.end
    if end < len(doc) and doc[end].lower_ in {"'s", "’s"}:
        end += 1
    return end < len(doc) and doc[end].lower_ in CONDITION_NOUNS


CONDITION_NOUNS = frozenset(_WORDS["condition_nouns"])


def _names_a_family(span: Span) -> bool:
    """Whether a surname names a family, no one of it: "The Jones family is celebrating",
    "the Walton family's stake".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("The Jones family owns it. Marlin Jones said so.")
    >>> _names_a_family(doc[1:2]), _names_a_family(doc[5:7])
    (True, False)
    """
    doc = span.doc
    return len(span) == 1 and span.start > 0 and doc[span.start - 1].lower_ == "the" and span.end < len(doc) \
        and doc[span.end].lower_ in FAMILY_NOUNS


#: Nouns a surname before them makes a family's name: "the Jones family".
FAMILY_NOUNS = frozenset({"family", "families", "clan", "dynasty", "household"})


#: Posts whose "of" names the field they are held in: "Professor of Physics", "Lecturer in Law".
_CHAIRS = frozenset({"professor", "professorship", "lecturer", "reader", "chair", "fellow"})


def _named_chair(span: Span) -> bool:
    """Whether a name is the name of an endowed post, after "the" and before the post's noun:
    "the Francis Wright Davis Professor of Physics" (no person of that name is in the sentence).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Ann Vell is the Francis Wright Davis Professor of Physics. Professor Ann Vell spoke.")
    >>> _named_chair(doc[4:7]), _named_chair(doc[12:14])
    (True, False)
    """
    doc = span.doc
    return span.start > 0 and doc[span.start - 1].lower_ == "the" and span.end < len(doc) \
        and doc[span.end].lower_ in _CHAIRS and doc[span.end].is_title


#: Degrees' words that name no body alone ("Bachelor", "Doctorate"; not "BA", British Airways, nor "Major").
_DEGREES_ALONE = frozenset({"bachelor", "bachelors", "bachelor's", "masters", "master's", "doctorate", "diploma",
                            "phd", "ph.d.", "ph.d"})


def _degree_subject(span: Span) -> bool:
    """Whether a name is the subject of a degree, of studies or of a professorship ("a degree in
    History and Economics", "Bachelor of Science", "a Bachelor of Education degree", "majored in
    Computer Science", "a graduate of Political Science", "Professor of Physics" but not "of Yale
    University", a parenthesis after one:
    "Petroleum Engineering (Reservoir Engineering)"; ``ontology/words.toml`` ``degree_words``),
    not a school; nor a place ("a diploma in Vienna").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Ann Cole holds a degree in History and Economics from Yale University.")
    >>> [_degree_subject(doc[i:i + 1]) for i in (6, 8, 11)]
    [True, True, False]
    >>> doc = load_nlp()("She proceeded to the University of Ghana for a Bachelor's degree in 1991.")
    >>> _degree_subject(doc[9:10]), _degree_subject(doc[4:7])
    (True, False)
    >>> doc = load_nlp()("Raj graduated from Kessel Institute in Marine Engineering, then did a PhD in Aerospace engineering.")
    >>> _degree_subject(doc[6:8]), _degree_subject(doc[14:15]), _degree_subject(doc[3:5])
    (True, True, False)
    """
    lowers = [t.lower_ for t in span]
    if len(span) > 2 and lowers[0] in DEGREE_WORDS and "of" in lowers[1:-1] \
            and (lowers[-1] in DISCIPLINE_WORDS or lowers[-1] in DEGREE_WORDS):
        return True  # "a Bachelor of Education degree", "Bachelor of Science Degree": the degree's own name
    if lowers[0] in _DEGREES_ALONE and (len(span) == 1 or lowers[-1] in DISCIPLINE_WORDS):
        return True  # "for a Bachelor's degree", "Ph.D. Mathematics graduate": a degree alone
    root = span.root
    if root.dep_ == "compound" and root.head.lower_ in DISCIPLINE_WORDS and root.head.is_lower:
        root = root.head  # "a PhD in Aerospace engineering": NER's "Aerospace"
    while root.dep_ in {"conj", "appos"} and root.head.i != root.i:
        root = root.head
    prep = root.head
    discipline = root.lower_ in DISCIPLINE_WORDS or span[-1].lower_ in DISCIPLINE_WORDS
    if root.dep_ != "pobj" or prep.lower_ not in {"in", "of"} or (
            span.root.ent_type_ in {"GPE", "LOC", "FAC"} and not discipline):
        return False  # "a diploma in Vienna": the city; not "a degree in French and Linguistics"
    if any(t.lower_ in ORGANIZATION_WORDS or t.lower_ in OF_PAIR_BODIES for t in span):
        return prep.head.lower_ in DEGREE_WORDS
    return prep.head.lower_ in DEGREE_WORDS or (discipline and (  # "a graduate of Political Science"
        prep.head.lower_ in GRADUATE_WORDS or prep.lower_ == "in"  # "graduated from X in Aeronautical Engineering"
        or prep.head.lower_ in _CHAIRS))  # "the Francis Wright Davis Professor of Physics": a field, no employer


def _bare_title(span: Span, titles: frozenset[str] | set[str]) -> bool:
    """A title alone before "of" is no name: "Dean" in "served as Dean of the College of
    Fine Arts" (NER: a person); "Dean Smith of Ohio" is one.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He served as Dean of the Law School.")
    >>> _bare_title(doc[3:4], {"dean"}), _bare_title(doc[3:5], {"dean"})
    (True, False)
    """
    doc = span.doc
    return len(span) == 1 and span[0].lower_ in titles and span.end < len(doc) \
        and doc[span.end].lower_ == "of"


def _after_title(span: Span, title_words: frozenset[str] | set[str]) -> Span:
    """The name after the title NER took into it: "Co-Chief Executive Officer of Power
    Corporation of Canada" is Power Corporation of Canada (title words, then "of"), "Operating
    Officer - Nile Breweries" the breweries (title words, then a dash), and "Board of
    Governors of Ahmedabad University" the university.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He is Co-Chief Executive Officer of Kestrel Corporation.")
    >>> _after_title(doc[2:10], {"co", "chief", "executive", "officer"}).text
    'Kestrel Corporation'
    >>> doc = load_nlp()("He chairs the Board of Trustees of the Halden Museum.")
    >>> _after_title(doc[2:10], set()).text
    'Halden Museum'
    """
    while True:  # "Board of Governors of Ahmedabad University": the university
        of = next((t.i for t in span if t.lower_ == "of" or t.text in DASHES and t.whitespace_), None)
        if of is None or of == span.start or of + 1 >= span.end:
            return span
        before = span.doc[span.start:of]
        if not (_all_title(before, title_words) or span.doc[of].lower_ == "of" and all(
                t.lower_ in _BOARDS for t in before)):
            return span
        start = of + 1 + (span.doc[of + 1].lower_ == "the" and of + 2 < span.end)  # "... of the Art Institute"
        span = span.doc[start:span.end]


#: A board's words: "the Board of Governors of X" names X's board, a part of X.
_BOARDS = frozenset(_WORDS["board_words"])


def _all_title(span: Span, title_words: frozenset[str] | set[str]) -> bool:
    """A name of title words alone is a title: "Co-Chief Executive Officer", "Knight" (NER:
    organisations); not "Chief Keef", "General Motors" nor "U.S.".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He is Co-Chief Executive Officer of General Motors in the U.S.")
    >>> words = {"co", "chief", "executive", "officer", "general"}
    >>> _all_title(doc[2:7], words), _all_title(doc[8:10], words), _all_title(doc[12:13], words)
    (True, False, False)
    >>> doc = load_nlp()("He is President & CEO of Nucor.")
    >>> _all_title(doc[2:5], {"president", "ceo"})
    True
    >>> doc = load_nlp()("He took oath as 50th Chief Justice.")
    >>> _all_title(doc[4:7], {"chief", "justice"})
    True
    """
    tokens = [t for t in span if t.lower_ not in {"&", "and", "/"}  # "President & CEO"
              and not (t.i == span.start and ORDINAL.fullmatch(t.lower_))]  # "50th Chief Justice"
    words = [w for t in tokens for w in t.lower_.split("-") if w.isalpha()]
    return bool(words) and len(words) == sum(1 for t in tokens for w in t.lower_.split("-") if w) \
        and all(w in title_words for w in words)


#: An ordinal before a title: "50th", "1st", "first" ... "tenth".
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth")


def _initialism(text: str) -> bool:
    """One word of capitals: "OFLC", "EMAP". NER calls some people; CoNLL04 train and dev
    has 248 such organisations, 136 places and 3 people.

    >>> [_initialism(t) for t in ("OFLC", "AT&T", "J.R.", "Ian", "JOHN SMITH", "X")]
    [True, True, False, False, False, False]
    """
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and " " not in text and "." not in text and all(c.isupper() for c in letters)


#: A capital after three or more letters inside one word: a trade name ("EnviroWaste",
#: "OfficeMax"), not a person's ("McDonald", "MacArthur", "LeBron", "DeShawn").
_CAMEL_CASE = re.compile(r"^[A-Z][a-z]{3,}[A-Z][A-Za-z]*$")


def _camel_cased(text: str) -> bool:
    """One word with a capital inside it after three or more letters: a company's trade name
    (not :func:`kg.extract.short_names._coined`, a one-word name no dictionary knows).

    >>> [_camel_cased(t) for t in ("EnviroWaste", "OfficeMax", "McDonald", "MacArthur", "LeBron", "Ian")]
    [True, True, False, False, False, False]
    """
    return bool(_CAMEL_CASE.match(text))


def _is_department(span: Span, titles: frozenset[str] | set[str], lexicon: Lexicon | None = None) -> bool:
    """True for the "Machine Learning" in "Apple's Senior Director of Machine Learning",
    and for a minister's or secretary's portfolio ("Secretary of State", "Minister for
    Social Protection": ``ontology/words.toml`` ``portfolio_titles``; not "of the Navy",
    a place, nor a name an organisation's head noun ends: "General Secretary of Social Democratic Party").

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("She was Minister for Social Protection, then Secretary of the Navy.")
    >>> [_is_department(e, set()) for e in doc.ents]
    [True, False]
    >>> doc = load_nlp()("He became General Secretary of Social Democratic Party.")
    >>> [_is_department(e, set(), load_lexicon()) for e in doc.ents]
    [False]
    """
    root = span.root
    if root.dep_ not in {"pobj", "conj"} and span.start > 0 and span.doc[span.start - 1].lower_ == "of":
        # "WWE's Head of Talent Strategy & Operations": a misparse hangs the last word on the title
        root = next((t for t in span if t.dep_ == "pobj" and t.head.i == span.start - 1), root)
    prep = root.head
    title = prep.head
    if root.dep_ not in {"pobj", "conj"}:
        return False
    if root.dep_ == "conj":  # "... of Machine Learning and AI"
        prep = prep.head
        title = prep.head
    if prep.lower_ in {"of", "for"} and title.lower_ in PORTFOLIO_TITLES:
        organisation = lexicon is not None and lexicon.head_nouns.get(span[-1].lower_) == "Organization"
        place = root.ent_type_ in {"GPE", "LOC"}  # "a minister of Ghana": the country
        acronym = len(span) == 1 and root.ent_type_ == "ORG" and root.is_upper and root.is_alpha and len(root) > 2
        return not organisation and not place and not acronym and not any(c.dep_ == "det" for c in root.children)
        # an organisation's acronym is no portfolio: "Brian Boyd, secretary of VTHC"
    return (prep.lower_ == "of" and title.lower_ in titles
            and any(c.dep_ == "poss" for c in title.children))
