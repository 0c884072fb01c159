"""The class the words around a name give it: a vote stronger than NER's.

spaCy's NER often mistypes rare names ("Aselsan" a person, "Curtis Priem" an
organisation, "Bahir Dar" a person). The words around a name are better
evidence, and the ontology's ``kg:headNoun`` lists say which class a noun
stands for:

- the name's last word ("Annapurna Labs", "Nizina Glacier", "Progress Party");
- an apposition ("Roketsan, a Turkish defence company,");
- a copula's predicate, for every conjunct of its subject ("Aselsan and
  Havelsan are defence companies", "Torbali is one of the towns of Izmir"),
  or its subject ("the deputy mayor is Terje Halleland");
- "the city of Izmir";
- an honorific or title before the name ("co-founder Curtis Priem"), an age
  after it, or a person's two-word name listed with a person NER saw;
- a head noun the name modifies, for kinds of thing only ("the Trainium and
  Inferentia chips"; not "a Chicago company", "a Google engineer");
- a verb of making whose object it is ("DeepMind developed AlphaFold": see
  :func:`made`).

Word lists are in ``ontology/words.toml`` [mentions].

Examples
--------
>>> from kg.extract.nlp import load_nlp
>>> from kg.lexicon import load_lexicon
>>> doc = load_nlp()("Aselsan and Havelsan are Turkish defence companies.")
>>> name_class(doc[0:1], load_lexicon()), name_class(doc[2:3], load_lexicon())
('Organization', 'Organization')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.extract.given_names import common_nouns, family_names, given_names
from kg.extract.nlp import MONTHS
from kg.extract.places import (NAME_PARTICLES, PLACE_FIRST_WORDS, countries, is_place, postal_state, regions,
                               subdivisions, us_states)
from kg.extract.tokens import text_of, tokens_of
from kg.lexicon import Lexicon, load_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_WORDS = load_words().mentions  # ontology/words.toml, [mentions]
#: Words that cut a region out of a continent, country or state ("Continental Africa", "Greater China").
REGION_WORDS = frozenset(_WORDS["region_words"])
#: A saint's word before a name ("Santa Restituta", "San Marco"): a church's or a place's, no given name.
_SAINTS = frozenset(_WORDS["saint_words"])
#: Last words that make a name an organisation ("Annapurna Labs", "Stanford University").
ORGANIZATION_WORDS = _WORDS["organization_words"]
#: First words that make a longer name an organisation ("Grupo Lala", "PT Bukit Asam").
ORGANIZATION_FIRST_WORDS = frozenset(_WORDS["organization_first_words"])
#: Nouns of bodies named after the place they serve ("the Arts Council of Calvert County").
PLACE_BODIES = frozenset(_WORDS["place_bodies"])
#: Last words that make a name an event ("FIBT World Championships"); first words ("Operation Kestrel").
EVENT_WORDS = frozenset(_WORDS["event_words"])
EVENT_FIRST_WORDS = frozenset(_WORDS["event_first_words"])
#: Words before "Games" that make a multi-sport event ("the Asian Games").
GAMES_WORDS = frozenset(_WORDS["games_words"])
#: A storm's word before its name ("Typhoon Haiyan"): :func:`_storm`.
STORM_WORDS = frozenset(_WORDS["storm_words"])
#: First words that make a name a ship, a product ("HMS Kestrel").
SHIP_PREFIXES = frozenset(_WORDS["ship_prefixes"])
PRODUCT_LAST_WORDS = frozenset(_WORDS["product_last_words"])
#: Dashes, as spaCy's tokens: a range's ("1866 – 1932"), a campus's ("Wisconsin–Milwaukee").
DASHES = frozenset({"–", "—", "-"})
#: Words before a name that make it a person's ("Sen. Bob Dole", "President Lincoln").
HONORIFICS = _WORDS["honorifics"]
#: Honorifics no organisation's or event's name opens with ("Sir", "Mrs"; not "General", "Miss", "Dr").
_PERSONAL_HONORIFICS = frozenset({"sir", "dame", "mr", "mrs", "ms", "mx", "pm"})  # "PM Sharif": a prime minister
#: Verbs whose object (or "to" object) is a spouse.
_MARRYING = frozenset({"marry", "wed", "remarry"})
#: Nouns of a person's own life ("Morris's death").
LIFE_NOUNS = frozenset(_WORDS["life_nouns"])
TITLE_AFTER_WORDS = frozenset(_WORDS["title_after_words"])
DISTRICT_BODIES = frozenset(_WORDS["district_bodies"])
#: Plural nouns of places a list of names is written before: "the Aichi, Gifu and Mie prefectures".
LISTED_PLACE_NOUNS = frozenset(_WORDS["listed_place_nouns"])
#: A regnal number: "I", "II", "IV", "XIV" ("Carol I", "Philip V").
REGNAL = re.compile(r"[IVX]{1,5}")
#: Classes whose head noun types a name that modifies it ("the Trainium2 chip").
MODIFIER_CLASSES = _WORDS["modifier_classes"]
#: Classes whose head noun, last word of a longer name, types it ("Nizina Glacier").
NAME_PART_CLASSES = _WORDS["name_part_classes"]
#: Head nouns that never type a copula's subject or an apposition ("an English model").
NOT_PREDICATE_NOUNS = _WORDS["not_predicate_nouns"]
#: Nouns that make a name modifying them a product when someone owns them ("DeepMind's AlphaGo program").
OWNED_PRODUCT_NOUNS = frozenset(_WORDS["owned_product_nouns"])
#: Nouns of an organisation's part that make a name in apposition an organisation when owned
#: ("its container shipping arm, Maersk Line").
OWNED_UNIT_NOUNS = frozenset(_WORDS["owned_unit_nouns"])
#: Nouns of works and projects ("film", "novel", "album"), which no ontology class holds.
WORKS = frozenset(_WORDS["works"])
#: The vote of a name the words around call a work ("Rocksburg Road is a 1985 novel"): no entity.
WORK = "Work"
#: Last words of awards', documents' and charts' names ("Brownlow Medal", "Halvard Agreement",
#: "Varnish Singles Chart"), which no class holds.
WORK_LAST_WORDS = frozenset(_WORDS["award_words"]) | frozenset(_WORDS["document_words"])
AWARD_NAMES = frozenset(_WORDS["award_names"])
CLUB_LAST_WORDS = frozenset(_WORDS["club_last_words"])
#: Organisations' nouns that "the NAME ..." names ("the Dawn newspaper").
_TITLED_BODIES = frozenset(_WORDS["titled_bodies"])
COMPANY_TITLES = frozenset(_WORDS["company_titles"])
#: Titles whose "of" gives no class to the name after it ("a student of Ada Brandt").
NOT_CLASS_TITLES = frozenset(_WORDS["not_class_titles"])
#: People's titles organisations hold too: no copula's subject is a person by them.
SHARED_TITLES = frozenset(_WORDS["shared_titles"])
#: Verbs whose object is a product, not the organisation NER says ("developed AlphaFold").
PRODUCT_VERBS = _WORDS["product_verbs"]
#: Verbs whose agent is a person, not the organisation NER says ("directed by Tomomi Mochizuki").
PERSON_CREDIT_VERBS = frozenset(_WORDS["person_credit_verbs"])
NAME_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod"})
#: A year written before a name: "the 1984 Los Angeles Games".
_YEAR = re.compile(r"(1[89]|20)\d\d")


def first_conjunct(token: Token) -> Token:
    """The first of the conjuncts ``token`` is one of: "Inferentia" in "the Trainium and
    Inferentia chips" is in Trainium's place in the sentence.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He played for England and Lancashire.")
    >>> first_conjunct(doc[5]).text
    'England'
    """
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def noun_class(noun: Token, lexicon: Lexicon) -> str | None:
    """The class a common noun says a thing is: the class whose ``kg:headNoun`` it is, a
    person for a kin noun ("son"), :data:`WORK` for a work's noun ("film", "novel"), else None.

    >>> from kg.lexicon import load_lexicon
    >>> from types import SimpleNamespace
    >>> [noun_class(SimpleNamespace(lower_=w), load_lexicon()) for w in ("company", "film", "idea")]
    ['Organization', 'Work', None]
    """
    if noun.lower_ in lexicon.kin_titles:
        return "Person"  # "Their son, Magnus Dahl"
    return lexicon.head_nouns.get(noun.lower_) or (WORK if noun.lower_ in WORKS else None)


def name_class(span: Span, lexicon: Lexicon) -> str | None:
    """:func:`_name_class`, but never a person for one word of capitals ("NITMA, vice president
    of FOHMA": the title is the sentence's person's, the initials an organisation's).

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("He chaired NITMA, vice president of FOHMA.")
    >>> name_class(doc[2:3], load_lexicon()) is None
    True
    """
    cls = _name_class(span, lexicon)
    if cls == "Person" and len(span) == 1 and len(span[0]) >= 3 and span[0].is_upper and span[0].is_alpha:
        return None
    return cls


def _name_class(span: Span, lexicon: Lexicon) -> str | None:
    """The class a name's own words or its head noun give it, if any.

    "Annapurna Labs" is an organisation by its last word, "FIBT World
    Championships" an event, "Nizina Glacier" a place, and so are "Mount Halvorsen" and "Gulf
    of Tonkin" by their first. "The Trainium2 chip" is
    a product by its head noun, and so is Inferentia in "the Trainium and
    Inferentia chips"; a noun in apposition gives its class ("Trainium, a chip
    that ...", "the parent company, Corvo Films,"), and so does a noun right before it
    ("songwriter Marina Delgado"); "Aselsan and Havelsan are
    defence companies" makes both organisations (:func:`predicate_class`). A
    program, platform or service someone owns makes the name before it a
    product ("DeepMind's AlphaGo program"); "the Apollo program" alone is no
    vote. A work ("X is a 1985 novel") gets :data:`WORK`: no class of the
    ontology holds it.

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Roketsan, Aselsan and Havelsan are Turkish defence companies.")
    >>> [name_class(doc[i:i + 1], load_lexicon()) for i in (0, 2, 4)]
    ['Organization', 'Organization', 'Organization']
    """
    last = span[-1]
    last_lower, words = last.lower_, len(span)  # read once: each read of a Token's attribute makes a string
    t = tokens_of(span.doc)
    lowers = t.lower[span.start:span.end]
    if span.start >= 2 and t.lower[span.start - 1] == ":" and t.lower[span.start - 2] in {"born", "died"}:
        return "Place"  # a reference list's "Born: Cöln (Germany), 1874 Died: Heidelberg (Germany), 1940"
    beside = _nouns_beside(span)  # read once, for the work's noun here and the class's below
    if any(noun_class(noun, lexicon) == WORK for noun in beside if noun.pos_ in {"NOUN", "ADJ"}):
        return WORK  # "the 1992 film Patriot Games": the noun beside it, over its last word's guess
    if _quoted_title(span) or (words > 1 and last_lower in WORK_LAST_WORDS) or _titled_award(span) \
            or _listed_before_series(span, lexicon) or _received(span) or \
            " ".join(w for w in lowers if w != "the") in AWARD_NAMES or (
            _dated_title(span) and not any(w in ORGANIZATION_WORDS for w in lowers)):
        return WORK  # 'her single "Johnny Ray"', "Dark Harbor (1993)", "the Brownlow Medal": no class holds it
    if words > 1 and last_lower == "games" and (_YEAR.fullmatch(span[0].text) or (
            span.start > 0 and _YEAR.fullmatch(span.doc[span.start - 1].text)) or span[-2].lower_ in GAMES_WORDS):
        return "Event"  # "the 1984 Los Angeles Games", "the Asian Games"; not "Electronic Arts Games"
    if words > 1 and last_lower in ORGANIZATION_WORDS:
        return "Organization"
    if words > 2 and last_lower == "district" and lowers[-2] in DISTRICT_BODIES:
        return "Organization"  # "Summit School District"; not "the Museum District"
    of = next((span.start + k for k in range(1, words - 1) if lowers[k] == "of"), None)
    before = lowers[of - 1 - span.start] if of is not None else ""
    if of is not None and (before in PLACE_BODIES or lexicon.head_nouns.get(before) == "Organization"):
        return "Organization"  # "the Arts Council of Calvert County": a council, not a county
    if words > 1 and last_lower in CLUB_LAST_WORDS and last.is_title and not is_place(text_of(span)) \
            and is_place(text_of(span[:-1])) \
            and (span.start == 0 or span.doc[span.start - 1].lower_ not in _IN):
        return "Organization"  # "Manchester City", "Ipswich Town"; not "Kansas City", "in Shouguang City"
    opening = span[0]
    opening_lower = opening.lower_
    if words > 1 and ((last_lower in EVENT_WORDS and not (words == 2 and opening.text in given_names()))
                      or (opening_lower in EVENT_FIRST_WORDS and opening.is_title) or _storm(span)):
        return "Event"  # "Liberation Day", "the Crimean War"; not "Doris Day", a given name's
    if words > 1 and opening_lower in SHIP_PREFIXES and opening.is_upper:
        return "Product"  # "HMS Kestrel", "USS Texas"
    if words > 1 and last_lower in PRODUCT_LAST_WORDS:
        return "Product"  # "the James Webb Space Telescope"
    if words == 1 and len(last) > 6 and last_lower.endswith("shire") and last.is_title:
        return "Place"  # "Lincolnshire", "Hampshire"
    if words > 1 and last_lower in regions() and all(w in REGION_WORDS for w in lowers[:-1]):
        return "Place"  # "Continental Africa", "West and Central Africa": a region, whatever NER said
    if words > 1 and last.text == "State" and _a_states_name(text_of(span[:-1])):
        return "Place"  # "Lagos State", "Akwa Ibom State"; not "Ohio State" (a university)
    if words > 1 and (opening.is_title or opening.is_upper) and opening_lower in ORGANIZATION_FIRST_WORDS:
        return "Organization"  # "Grupo Lala", "PT Bukit Asam"
    if words > 2 and opening.is_title and opening_lower in PLACE_FIRST_WORDS and last_lower in PLACE_BODIES:
        return "Organization"  # "Cape Fear Museum", "Mount Sinai Hospital": a body named after a place
    if words > 1 and opening.is_title and (opening_lower in PLACE_FIRST_WORDS or (
            words > 2 and span[1].lower_ == "of" and lexicon.head_nouns.get(opening_lower) == "Place")):
        return "Place"  # "Mount Halvorsen", "Gulf of Tonkin"
    if words > 1 and lexicon.head_nouns.get(last_lower) in NAME_PART_CLASSES and last.is_title:
        cls = lexicon.head_nouns[last_lower]  # "Ransford Abbey" appointed CEO: a person; a "Bureau" chosen as spokesman stays
        if cls == "Place" and (appointed(span, lexicon) or person_cue(span)
                               or _posted(span, lexicon.triggers.title_heads)):
            return "Person"  # "its new chief executive is Stephen Town"
        said = _said_beside(beside, lexicon) if cls == "Place" else None
        if said == "Organization":
            return "Organization"  # "investment research firm Third Bridge"
        if cls == "Place" and span[0].text in given_names() and not is_place(span[0].text) \
                and (said == "Person" or _speaks(span)):
            return "Person"  # "Julia Park, the chief financial officer,", "Julia Park said"; not "Victoria Park"
        return cls
    if gives_a_company_title(span) or placed_based(span):
        return "Organization"  # "Aston Martin chief executive Andy Palmer", "Minneapolis-based Best Buy"
    if _listed_between_organisations(span):
        return "Organization"  # "featuring New Century Resources, Firefinch, Liontown Resources"
    if town_before_based(span) or _listed_before_places(span):
        return "Place"  # "Lyon, France-based Valneva": a town in France; "the Pwani and Lindi Regions"
    if span.start > 0 and span.doc[span.start - 1].lower_.rstrip(".") in _PERSONAL_HONORIFICS:
        return "Person"  # "The company named Mr K. Krithivasan as CEO": not a company named so
    said = _said_beside(beside, lexicon)
    if said == "Person" and words > 1 and last_lower in PLACE_BODIES and last.is_title and last.ent_type_ == "ORG":
        return "Organization"  # "the government headhunter Public Enterprises Selection Board": NER and its word agree
    if said:
        return said
    if person_cue(span) or listed_with_person(span, lexicon) or kin_of(span, lexicon) or _among_given_names(span) \
            or _who_holds_a_post(span, lexicon.triggers.title_heads) or _initial_and_name(span):
        return "Person"
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and (root.head.head.pos_ == "NOUN" or (
            root.head.head.pos_ == "PROPN" and all(t.dep_ == "det" for t in span.doc[root.head.i + 1:span.start]))):
        # "CEO of Northvolt"; not "Director of Customer Marketing Tom Vale", where the parse hangs the name on "of"
        if lexicon.head_nouns.get(root.head.head.lower_) == "Place" or (
                root.head.head.lower_ == "state" and _a_states_name(text_of(span))):
            return "Place"  # "the city of Izmir", "the capital of Texas", "the northern state of Kebbi"
        titled = _title_of(root.head.head, lexicon)
        if titled is not None and (titled == "Place" or not is_place(text_of(span))):
            return titled  # "the manager of Galtaray Vance", "a native of Kelby"; not "the leaders of Peru"
    predicate = predicate_class(span, lexicon)
    if predicate is not None:
        return predicate
    first = first_conjunct(last)  # "the Trainium and Inferentia chips"
    noun = first.head
    if first.dep_ not in NAME_DEPS or noun.i < span.end or any(
            t.dep_ not in {"cc", "conj", "compound", "punct"} for t in span.doc[span.end:noun.i]):
        return None
    cls = lexicon.head_nouns.get(noun.lower_)
    if cls is None and noun.lower_ in OWNED_PRODUCT_NOUNS and any(c.dep_ == "poss" for c in noun.children):
        return "Product"  # "DeepMind's AlphaGo program"
    if cls is None and noun.lower_ in OWNED_UNIT_NOUNS and any(c.dep_ == "poss" for c in noun.children):
        return "Organization"  # "its Jetstar offshoot", "Acme's Zentro unit"
    if cls == "Organization" and noun.i == span.end and noun.lower_ in _TITLED_BODIES \
            and span.start > 0 and span.doc[span.start - 1].lower_ == "the" and not is_place(text_of(span)) \
            and not any(c.dep_ == "appos" for c in noun.children):
        return "Organization"  # "the Dawn newspaper"; not "a Chicago company", "the Metropolis newspaper, the Daily Planet"
    return cls if cls in MODIFIER_CLASSES else None


def _title_of(noun: Token, lexicon: Lexicon) -> str | None:
    """The class a title's "of" gives the name after it: the class its property (the
    ontology's ``kg:titleTrigger``) has on that side, when it has one.

    >>> from types import SimpleNamespace
    >>> from kg.lexicon import load_lexicon
    >>> [_title_of(SimpleNamespace(lower_=w, lemma_=w), load_lexicon())
    ...  for w in ("manager", "son", "native", "student", "idea")]
    ['Organization', 'Person', 'Place', None, None]
    """
    title = lexicon.triggers.titles.get(noun.lower_) or lexicon.triggers.titles.get(noun.lemma_.lower())
    if title is None or noun.lower_ in NOT_CLASS_TITLES:
        return None
    spec, bearer_is_object = title
    classes = spec.domain if bearer_is_object else spec.range
    return next(iter(classes)) if len(classes) == 1 and not spec.literal else None


def _said_beside(beside: list[Token], lexicon: Lexicon) -> str | None:
    """The class the first noun beside a name that gives one gives it (:func:`_nouns_beside`):
    its head noun's, or a person's for a title only people hold, or an organisation's for a part
    of one that someone owns ("its container shipping arm, Maersk Line"). spaCy tags "firm" in
    "the firm Solberg Arkitekter" ADJ."""
    for noun in beside:
        if noun.pos_ in {"NOUN", "ADJ"} and noun.lower_ not in NOT_PREDICATE_NOUNS:
            said = noun_class(noun, lexicon) or ("Person" if _persons_title(noun, lexicon) else None) or (
                "Organization" if noun.lower_ in OWNED_UNIT_NOUNS and any(c.dep_ == "poss" for c in noun.children)
                else None)
            if said:
                return said
    return None


#: Verbs whose "as" names what they made ("founded as Telesistema Mexicano").
_FOUNDING_VERBS = frozenset({"found", "establish", "launch", "start", "create", "form", "incorporate", "register"})


def _nouns_beside(span: Span) -> list[Token]:
    """The nouns that say what the name is: one in apposition after it ("Roketsan, a
    company"), one it is in apposition to before it, past commas or dashes ("the parent
    company, Corvo Films,"), one right before it that it heads ("songwriter Marina
    Delgado", "the novel Rocksburg Road"), one it names ("a device known as Vireo",
    "a startup called Kestrel"), and what was founded as it ("the network was founded as X"). A
    region after its town and a comma takes no apposition ("born in Cumberland County, Nova
    Scotia, the son of X": the subject's son)."""
    doc, root, t = span.doc, span.root, tokens_of(span.doc)  # the table: a Token's strings are made at each read
    # "born in Cumberland County, Nova Scotia, the son of X": the son is the subject's, not the region's
    contained = span.start >= 2 and t.word(span.start - 1) == "," \
        and t.ent_type[span.start - 2] in {"GPE", "LOC", "FAC"} and is_place(text_of(span))
    out = [_one_of(doc[c]) for c in t.children(root.i) if not contained and t.dep[c] == "appos" and c >= span.end
           and _follows(span, doc[c].left_edge.i) and not names_another(doc[c])]
    naming = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "as" else root.head
    if naming.dep_ == "acl" and naming.head.pos_ == "NOUN" and (
            (naming.lower_ == "known" and naming is not root.head)
            or (naming.lemma_ in _NAMING_VERBS and root.dep_ in {"oprd", "dobj", "attr"})):
        out.append(naming.head)
    if root.dep_ == "pobj" and root.head.lower_ == "as" and naming.lemma_.lower() in _FOUNDING_VERBS:
        # "The network was founded ... as Telesistema Mexicano", "she launched the bank as X": what it was
        out += [c for c in naming.children if c.dep_ in {"nsubjpass", "dobj"} and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.i < span.start \
            and all(t.text in {",", "(", *DASHES} for t in doc[root.head.i + 1:span.start]):
        out.append(root.head)
    listed = first_conjunct(root)  # "the television series Lost, Alias and Fringe": Alias is a series too
    if listed is not root and listed.dep_ == "appos" and listed.head.i < listed.left_edge.i \
            and (listed.head.tag_ == "NNS" or listed.head.lower_ == "series") \
            and all(t.text in {",", "(", *DASHES} for t in doc[listed.head.i + 1:listed.left_edge.i]):
        out.append(listed.head)
    before = span.start - 1  # the word before the name, if any (Token.is_lower: str.islower)
    if before >= 0 and span.start <= t.head[before] < span.end and (
            t.dep[before] == "compound" or (t.dep[before] == "amod" and t.pos[before] == "NOUN")):
        out.append(doc[before])  # "Plautus' play Rudens": spaCy hangs some such nouns as adjectives
    elif before >= 0 and t.pos[before] == "NOUN" and t.word(before).islower() and (
            (t.lower[before] in _company_nouns() and not (
                t.dep[root.i] in {"nsubj", "nsubjpass"} and t.dep[t.head[root.i]] == "relcl"
                and t.head[t.head[root.i]] == before))  # "the company Tim Cook runs"
            or t.lower[before] in _person_nouns()):
        out.append(doc[before])  # "packaging giant Nampak", "married the architect Jacques Blondel", whatever the parse
    out += _examples_of(root)
    return out


def _storm(span: Span) -> bool:
    """Whether a name is a storm's: a storm's word and one more that is a given name or no
    English noun.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Typhoon Haiyan and Hurricane Maria hit Hurricane Electric.")
    >>> _storm(doc[0:2]), _storm(doc[3:5]), _storm(doc[6:8])
    (True, True, False)
    """
    if len(span) != 2 or span[0].lower_ not in STORM_WORDS or not span[0].is_title:
        return False
    name = span[1]
    return name.text in given_names() or (name.lower_ not in common_nouns()
                                          and name.lower_.rstrip("s") not in common_nouns())


def names_another(noun: Token) -> bool:
    """Whether a noun in apposition is followed by a name of its own ("in Ruaraka, its chairman
    Peter Otieno said": the chairman is Otieno, and says nothing of Ruaraka); not one after a
    dash ("Priya Raman, Head of Research – Coastal Capital": the head's organisation).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("They met in Ruaraka, its chairman Peter Otieno said.")
    >>> names_another(doc[6]), names_another(doc[0])
    (True, False)
    """
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > noun.i
               and noun.doc[c.left_edge.i - 1].text not in DASHES for c in noun.children)


@lru_cache(maxsize=1)
def _company_nouns() -> frozenset[str]:
    """Nouns a company is called right before its name ("giant", "maker"): the Organization
    class's head nouns (kg.ttl) but those that name no company ("party", "label")."""
    return _head_nouns_of("Organization") - {"party", "label"}


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Nouns a person is called right before their name ("architect", "singer"): the Person
    class's head nouns (kg.ttl)."""
    return _head_nouns_of("Person")


def _head_nouns_of(cls: str) -> frozenset[str]:
    """The class's ``kg:headNoun`` words (the default lexicon's)."""
    from kg.lexicon import load_lexicon

    return frozenset(n for n, c in load_lexicon().head_nouns.items() if c == cls)


def _one_of(noun: Token) -> Token:
    """The noun of "one of the ...", else ``noun``: "Nutrien, one of the world's largest
    fertilizer companies," is a company; the title before a word that follows one
    (``ontology/words.toml`` ``title_after_words``: "chairman emeritus", "chairman designate").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Nutrien, one of the largest fertilizer companies, grew.")
    >>> _one_of(doc[2]).text, _one_of(doc[7]).text
    ('companies', 'companies')
    """
    if noun.lower_ in TITLE_AFTER_WORDS:  # "Ratan Tata, chairman emeritus of Tata Sons": a chairman
        return next((c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1), noun)
    if noun.lower_ != "one":
        return noun
    return next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"), noun)


def _examples_of(root: Token) -> list[Token]:
    """The plural noun a listed name is an example of: "towns like Aldoth and Tarns",
    "rivals such as Vexa Labs", "Other nearby settlements include Aldoth, Tarns and Beckfoot".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Other nearby settlements include Aldoth and Tarns.")
    >>> [t.text for t in _examples_of(doc[6])]
    ['settlements']
    """
    first = first_conjunct(root)
    head = first.head
    if first.dep_ == "pobj" and (head.lower_ in {"like", "including"} or (
            head.lower_ == "as" and any(c.lower_ == "such" for c in head.children))):
        nouns = [head.head]
    elif first.dep_ == "dobj" and head.lemma_ == "include":
        nouns = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    else:
        return []
    return [n for n in nouns if n.pos_ == "NOUN" and n.tag_ == "NNS"]


#: Verbs that give a noun its name: "a startup called Kestrel", "a ship named Vireo".
_NAMING_VERBS = frozenset({"call", "name", "dub"})

_OPENING = frozenset({'"', "“", "``", "‘"})
_CLOSING = frozenset({'"', "”", "''", "’"})


def _titled_award(span: Span) -> bool:
    """An award's, treaty's or chart's word followed by "in", "for" or "of" inside a name: "the
    Nobel Prize in Physics", "the Varn Award for Best Actor", "the Treaty of Kessary".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("She won the Halvard Prize in Physics at Kessary University.")
    >>> _titled_award(doc[3:7]), _titled_award(doc[8:10])
    (True, False)
    """
    lower = tokens_of(span.doc).lower
    return any(lower[i] in WORK_LAST_WORDS and i + 1 < span.end and lower[i + 1] in _AWARD_LINKS
               for i in range(span.start, span.end))


_AWARD_LINKS = frozenset({"in", "for", "of"})


def _received(span: Span) -> bool:
    """Whether the name is what a recipient received, an honour: "a recipient of the
    Tamgha-i-Imtiaz and Sitara-i-Imtiaz" (NER: a place and a person).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Dr Jan is a recipient of the Tamgha-i-Imtiaz and the Sitara Medal.")
    >>> _received(doc[11:13]), _received(doc[1:2])
    (True, False)
    """
    doc, k = span.doc, span.start - 1
    while k > 0 and span.start - k <= 12 and doc[k].lower_ != "of" and (
            doc[k].text in {"-", "–", ",", "and", "the"} or doc[k].pos_ == "PROPN" or doc[k].ent_type_):
        k -= 1  # back over a list of names, however the parse reads it
    return k > 0 and doc[k].lower_ == "of" and doc[k - 1].lemma_.lower() == "recipient"

#: Words before a place's name that say something is there.
_IN = frozenset({"in", "near", "outside", "around", "at"})


def _quoted_title(span: Span) -> bool:
    """Whether the name stands alone in quotation marks: a title ('her single
    "Johnny Ray"'), not someone's name; a nickname inside a name ('Mary "Molly" Smith')
    is not alone.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()('The hit "Blue Lantern" followed, sung by Ann Lee.')
    >>> _quoted_title(doc[3:5]), _quoted_title(doc[10:12])
    (True, False)
    """
    doc = span.doc
    if span.start == 0 or span.end >= len(doc) or doc[span.start - 1].text not in _OPENING \
            or doc[span.end].text not in _CLOSING:
        return False
    before = doc[span.start - 2] if span.start > 1 else None
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    return not any(t is not None and t.ent_type_ == "PERSON" and t.is_title for t in (before, after))


def _dated_title(span: Span) -> bool:
    """Whether a year alone in parentheses follows the name, or a year's "'s" comes before it:
    a work's ("Dark Harbor (1993), Cold Roads (1993)", "2004's Vsadnik Po Imeni Smert"); people's
    years come with "born" or a dash, a firm's with "founded" (a name with an organisation's
    word, "University of Leeds (2004)", is left to them).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He starred in Dark Harbor (1930) and met Ann Lee (born 1901).")
    >>> _dated_title(doc[3:5]), _dated_title(doc[10:12])
    (True, False)
    >>> doc = load_nlp()("He directed 2004's Vsadnik Po Imeni Smert. During the 1960's Ann Roe left.")
    >>> _dated_title(doc[4:8]), _dated_title(doc[13:15])
    (True, False)
    """
    t, k, i = tokens_of(span.doc), span.end, span.start
    if i >= 2 and t.word(i - 1) in {"'s", "’s"} and _YEAR.fullmatch(t.word(i - 2)) \
            and (i < 3 or t.lower[i - 3] not in {"the", "early", "mid", "late"}):
        return True  # "2004's Vsadnik Po Imeni Smert": the year's film, album or book; not "the 1960's"
    return k + 3 <= len(t.lower) and t.word(k) == "(" and t.word(k + 2) == ")" \
        and len(t.word(k + 1)) == 4 and t.word(k + 1).isdigit()


#: Nouns of works a list of titles is written before ("the Final Fantasy, Dragon Quest and Kingdom
#: Hearts series").
_SERIES = frozenset({"series", "franchise", "franchises"})  # not "films", "games": "the Nintendo and Sega games"


def _listed_before_series(span: Span, lexicon: Lexicon) -> bool:
    """Whether the name is one of a list of titles written before a noun of works, whatever the
    parse: "the Final Fantasy, Dragon Quest and Kingdom Hearts series" (no known name among them).

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("It made the Final Fantasy, Dragon Quest and Kingdom Hearts series. The Nintendo games won.")
    >>> [_listed_before_series(doc[i:j], load_lexicon()) for i, j in ((3, 5), (6, 8), (14, 15))]
    [True, True, False]
    """
    t, i = tokens_of(span.doc), span.end  # the table: a Token's strings are made at each read
    n = len(t.lower)
    while i < n and (t.word(i) == "," or t.lower[i] == "and" or (
            t.pos[i] == "PROPN" and t.word(i).istitle() and not lexicon.known(t.word(i)))):  # Token.is_title
        i += 1
    return i < n and t.lower[i] in _SERIES and t.pos[i] == "NOUN" \
        and span.start > 0 and t.lower[span.start - 1] in {"the", ",", "and"} and not lexicon.known(text_of(span))


def _listed_before_places(span: Span) -> bool:
    """Whether the name is one of a list of names written before a plural noun of places,
    whatever the parse: "the Pwani and Lindi Regions", "the Aichi, Gifu and Mie prefectures",
    "the Coconino, Kaibab and Prescott national forests" (:data:`LISTED_PLACE_NOUNS`).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("It borders the Pwani and Ruvu Regions. Apple and Google parks grew.")
    >>> [_listed_before_places(doc[i:i + 1]) for i in (3, 5, 9, 11)]
    [True, True, False, False]
    """
    t, i = tokens_of(span.doc), span.end  # the table (Token.is_title, is_upper, is_lower: the str methods)
    n, lower, pos = len(t.lower), t.lower, t.pos
    listed = span.start > 1 and lower[span.start - 1] in {"and", "or"} \
        and pos[span.start - 2] == "PROPN"  # the last of the list
    while i < n and (t.word(i) == "," or lower[i] in {"and", "or"}):
        listed = listed or lower[i] in {"and", "or"}
        i += 1
        while i < n and pos[i] == "PROPN" and (t.word(i).istitle() or t.word(i).isupper()) \
                and lower[i] not in LISTED_PLACE_NOUNS:
            i += 1
    while i < n and pos[i] == "ADJ" and t.word(i).islower():
        i += 1  # "national forests"
    return listed and i < n and lower[i] in LISTED_PLACE_NOUNS \
        and pos[i - 1] in {"PROPN", "ADJ"} and not (i + 1 < n and pos[i + 1] == "PROPN")  # not "the Ohio and Erie Rivers Trust"


def _listed_between_organisations(span: Span) -> bool:
    """Whether the name stands in a list between two names whose own last words make them
    organisations: "featuring New Century Resources, Firefinch, Liontown Resources and more"
    (NER: a place).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("It lists Kestrel Resources, Firefinch, Vexo Holdings and more. It lists Paris, Rome and Lima.")
    >>> _listed_between_organisations(doc[5:6]), _listed_between_organisations(doc[15:16])
    (True, False)
    """
    doc, t = span.doc, tokens_of(span.doc)
    if span.start < 3 or span.end + 2 > len(doc) or t.word(span.start - 1) != "," \
            or t.word(span.end) != "," and t.lower[span.end] != "and":
        return False
    before = next((e for e in doc.ents if e.end == span.start - 1), None)
    after = next((e for e in doc.ents if e.start == span.end + 1 + (t.lower[span.end + 1] == "and")), None)
    return all(e is not None and len(e) > 1 and e[-1].lower_ in ORGANIZATION_WORDS for e in (before, after))


def _follows(span: Span, i: int) -> bool:
    """Whether token ``i`` comes right after ``span``, but for a comma and a parenthesis:
    "Roketsan, a company", "the Tensor Processing Unit (TPU), a chip"."""
    between = [t.text for t in span.doc[span.end:i]]
    if between[:1] == ["("] and ")" in between:
        between = between[between.index(")") + 1:]
    return all(t in {",", "-", "–", "—"} for t in between)


def predicate_class(span: Span, lexicon: Lexicon) -> str | None:
    """The class the predicate noun of a copula gives its subject (each conjunct of it).

    "Torbali is a town", "Aselsan and Havelsan are companies", "Tekirova is
    one of the villages of Kemer": the noun (or the noun after "one of") is a
    class's head noun. Conjoined predicates must agree ("a model and
    actress" is no vote). Who "was appointed" a title only people hold is a person.
    """
    subject = first_conjunct(span.root)
    if subject.dep_ == "attr" and subject.head.lemma_ == "be":  # "the deputy mayor is Terje Halleland"
        nouns = [c for c in subject.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        cls = {lexicon.head_nouns.get(n.lower_) or ("Person" if n.lower_ in HONORIFICS else None)
               for n in nouns if n.lower_ not in NOT_PREDICATE_NOUNS}
        return cls.pop() if len(cls) == 1 and len(nouns) == 1 else None
    verb = subject.head
    if subject.dep_ in {"nsubjpass", "dobj"} and verb.lemma_ in lexicon.words.rules["appointing_verbs"]:
        return "Person" if appointed(span, lexicon) else None  # "was named CEO", "appointed Marcel Ciolacu as prime minister"
    if subject.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lemma_.lower() in _APPOINTMENTS:
        return "Person" if appointed(span, lexicon) else None  # "the appointment of Madoda Mxakwe as group CEO"
    if subject.dep_ == "nsubj" and subject.i == span.root.i and appoints_its_own(verb, lexicon):
        return "Organization"  # "McLaren appointed Andrea Stella as their team principal"
    if subject.dep_ == "nsubj" and subject.i == span.root.i and (_took_post(verb, lexicon) or _stood_down(verb, lexicon)):
        return "Person"  # "Nkem Obi joined Zenith Bank as chief economist", "after Mominul Haque stepped down"
    if subject.dep_ == "nsubj" and subject.i == span.root.i and verb.lemma_ == "play" \
            and any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return "Person"  # "Al Nassr, which Cristiano Ronaldo plays for" (NER: an organisation)
    if subject.dep_ != "nsubj" or verb.lemma_ != "be" \
            or sum(c.dep_ == "nsubj" for c in verb.children) != 1:  # two subjects: a misparse
        return None
    attrs = [c for c in verb.children if c.dep_ == "attr"]
    if not attrs:
        return None
    attr = attrs[0]  # the first: "Roketsan is the only Turkish company to have obtained CMMI (...) approval"
    attr = _one_of(attr)  # "one of the largest towns"
    classes = set()
    for noun in (attr, *(c for c in attr.children if c.dep_ == "conj")):
        if noun.lower_ in NOT_PREDICATE_NOUNS:
            return None
        person = noun.lower_ in HONORIFICS or _persons_title(noun, lexicon)
        cls = noun_class(noun, lexicon) or ("Person" if person else None)
        if cls is not None:
            classes.add(cls)
    return classes.pop() if len(classes) == 1 else None


def _a_states_name(name: str) -> bool:
    """Whether ``name`` is a region's (ISO 3166-2) that news calls a state, other than a US
    state's, whose "X State" is as often a university.

    >>> _a_states_name("Kebbi"), _a_states_name("Akwa Ibom"), _a_states_name("Ohio"), _a_states_name("Acme")
    (True, True, False, False)
    """
    return name in subdivisions() and name.casefold() not in us_states()


def speaks_for_itself(span: Span) -> bool:
    """Whether a one-word name NER took for a place is the subject of a verb of speech and
    neither a country, a region nor a capital, whose government speaks by its name: a news
    agency or a company named after its town ("12 people died, Xinhua said"; not "China
    said", "Kyiv said").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("At least 12 people died, Xinhua said. Kyiv said it would respond.")
    >>> speaks_for_itself(doc[6:7]), speaks_for_itself(doc[9:10])
    (True, False)
    """
    from kg.extract.places import capitals, regions

    name = text_of(span).casefold()
    return len(span) == 1 and _speaks(span) \
        and name not in regions() and name not in capitals() and text_of(span) not in subdivisions()


def _speaks(span: Span) -> bool:
    """Whether the name is the subject of a verb of speech ("Julia Park said")."""
    from kg.extract.found import SPEECH_VERBS

    return span.root.dep_ == "nsubj" and span.root.head.lemma_ in SPEECH_VERBS


def _took_post(verb: Token, lexicon: Lexicon) -> bool:
    """Whether the verb's subject took or left a title only people hold, named after "as":
    "joined Zenith Bank as chief economist", "served as managing director", "retired as
    chairman" (``ontology/words.toml`` ``post_verbs``; not "Acme hired Ann Lee as CEO").

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Nkem Obi joined Zenith Bank as chief economist. Acme hired Ann Lee as CEO.")
    >>> _took_post(doc[2], load_lexicon()), _took_post(doc[10], load_lexicon())
    (True, False)
    """
    if verb.lemma_.lower() not in lexicon.words.rules.get("post_verbs", ()):
        return False
    posts = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    return bool(posts) and all(_persons_title(p, lexicon) for p in posts)


def _stood_down(verb: Token, lexicon: Lexicon) -> bool:
    """Whether the verb says its subject gave up a post or died, as only people do:
    "resigned", "retired", "stepped down", "stood down", "died" (not "Acme retired the brand").

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("After Mominul Haque stepped down, Acme retired the brand.")
    >>> _stood_down(doc[3], load_lexicon()), _stood_down(doc[8], load_lexicon())
    (True, False)
    """
    lemma = verb.lemma_.lower()
    if any(c.dep_ in {"dobj", "attr", "oprd"} for c in verb.children):
        return False
    leaving = lexicon.words.rules.get("leaving_verbs", ())  # "step down", "stand aside": with their particle
    return lemma in {"resign", "retire", "die"} or any(
        c.dep_ in {"advmod", "prt"} and f"{lemma} {c.lower_}" in leaving for c in verb.children)


#: Nouns of an appointment (``ontology/words.toml`` ``appointment_nouns``): "the appointment of X as CEO".
_APPOINTMENTS = frozenset(load_words().rules["appointment_nouns"])


def appointed(span: Span, lexicon: Lexicon) -> bool:
    """Whether the name was appointed to a title only people hold (:func:`_persons_title`):
    "Symon Kimaru Maina has been appointed Chairperson of ...", "X was named as CEO",
    "Mahama has appointed Kwame Abbey as the Acting Chief Executive Officer" (a person,
    though "Abbey" ends the names of places; not a name that ends in another class's noun,
    "the National Guard Bureau").

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Jo Mahama has appointed Kwame Abbey as the chief executive officer of Acme.")
    >>> appointed(doc[4:6], load_lexicon()), appointed(doc[0:2], load_lexicon())
    (True, False)
    >>> doc = load_nlp()("The board announced the appointment of Madoda Vell as group chief executive officer.")
    >>> appointed(doc[6:8], load_lexicon())
    True
    """
    subject = first_conjunct(span.root)
    verb = subject.head
    if subject.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lemma_.lower() in _APPOINTMENTS \
            and lexicon.head_nouns.get(span[-1].lower_, "Place") == "Place" and span[-1].lower_ not in PLACE_BODIES:
        posts = [p for c in (*verb.head.children, *subject.children) if c.dep_ == "prep" and c.lower_ == "as"
                 for p in c.children if p.dep_ == "pobj"]  # "the appointment of Madoda Mxakwe as group CEO"
        return bool(posts) and all(_persons_title(p, lexicon) for p in posts)
    if subject.dep_ in {"nmod", "compound"} and verb.dep_ == "oprd" and verb.i > span.end - 1:
        return _persons_title(verb, lexicon) and verb.head.lemma_ in lexicon.words.rules["appointing_verbs"] \
            and lexicon.head_nouns.get(span[-1].lower_, "Place") == "Place" and span[-1].lower_ not in PLACE_BODIES
        # "named Julia Park chief financial officer", the name parsed as the title's
    if subject.dep_ not in {"nsubjpass", "dobj"} or verb.lemma_ not in lexicon.words.rules["appointing_verbs"] \
            or lexicon.head_nouns.get(span[-1].lower_, "Place") != "Place" or span[-1].lower_ in PLACE_BODIES:
        return False  # "chose the National Guard Bureau as its spokesman": a body
    posts = [c for c in verb.children if c.dep_ == "oprd"] + [
        p for c in (*verb.children, *subject.children) if c.dep_ == "prep" and c.lower_ == "as"
        for p in c.children if p.dep_ == "pobj"]
    return bool(posts) and all(_persons_title(p, lexicon) for p in posts)


def appoints_its_own(verb: Token, lexicon: Lexicon) -> bool:
    """Whether an appointing verb gives its object a post of the subject's own, "its" or
    "their" ("McLaren appointed Andrea Stella as their team principal"): a single name
    that does so is a body, not a person.

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("McLaren appointed Andrea Stella as their team principal. Jo Orr named Al Roe as CEO.")
    >>> appoints_its_own(doc[1], load_lexicon()), appoints_its_own(doc[11], load_lexicon())
    (True, False)
    """
    if verb.lemma_ not in lexicon.words.rules["appointing_verbs"] or any(
            c.dep_ == "nsubj" and any(k.dep_ == "conj" for k in c.children) for c in verb.children):
        return False
    posts = [c for c in verb.children if c.dep_ == "oprd"] + [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    return any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for p in posts for c in p.children)


#: Bodies only people lead: "leader of the party" is a person, though a firm is a "market leader".
_LED_BY_PEOPLE = frozenset({"party", "opposition", "coalition", "movement", "rebels", "caucus", "delegation"})


def _persons_title(noun: Token, lexicon: Lexicon) -> bool:
    """Whether a predicate noun is a title only people hold: a ``kg:titleTrigger`` of
    properties of people alone ("the managing director of Tata Steel", "the CEO"), not one
    organisations hold too (``shared_titles``: "the market leader").

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Narendran is the managing director and Acme is the leader.")
    >>> _persons_title(doc[4], load_lexicon()), _persons_title(doc[9], load_lexicon())
    (True, False)
    >>> _persons_title(load_nlp()("Jules Marlow, chief executive of Kessel Gold, said it.")[4], load_lexicon())
    True
    >>> _persons_title(load_nlp()("Onyoti Adigo, leader of the SPLM-DC party, said so.")[3], load_lexicon())
    True
    >>> _persons_title(load_nlp()("Dentons named Ann Roe as its new managing partner.")[8], load_lexicon())
    True
    """
    if noun.lower_ in SHARED_TITLES and any(t.dep_ == "pobj" and t.lower_ in _LED_BY_PEOPLE
                                            for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                                            for t in c.children):
        return True  # "Onyoti Adigo, leader of the SPLM-DC party": no market leader
    words = [c.lower_ for c in noun.children if c.dep_ in {"compound", "amod"} and c.i < noun.i] + [noun.lower_]
    phrases = {" ".join(words[i:]) for i in range(len(words))}  # spaCy's "chief" of "chief executive" is an amod
    titles = lexicon.triggers.titles
    longest = max((p for p in phrases if p in titles), key=len, default=None)  # "managing partner", not "partner"
    return longest is not None and longest not in SHARED_TITLES and titles[longest][0].domain == {"Person"}


def person_cue(span: Span) -> bool:
    """An honorific before the name, an age after it ("Cheek, 53, is ..."), a life in
    parentheses after it: "Ann Lee (born 3 May 1950)", "Carl Voss (11 May 1874,
    in Hull – 2 June 1915, in Leeds)"; not an organisation's years ("(1852–1967)"); or a
    noun of a person's life the name's "'s" goes with ("Morris's death": ``life_nouns``); or
    whom one marries ("he married Ella Mabel Morris").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Carl Voss (11 May 1874 – 2 June 1915) ran Voss Works (1890 – 1960).")
    >>> person_cue(doc[0:2]), person_cue(doc[12:14])
    (True, False)
    >>> doc = load_nlp()("After Morris's death, Voss Works's sales fell.")
    >>> person_cue(doc[1:2]), person_cue(doc[5:7])
    (True, False)
    """
    doc, t = span.doc, tokens_of(span.doc)  # the table: a Token's strings are made at each read
    if span.start > 0 and t.lower[span.start - 1].rstrip(".") in HONORIFICS:
        return True
    root = span.root.i
    head = t.head[root]
    if t.dep[root] == "poss" and t.lower[head] in LIFE_NOUNS:
        return True  # "Morris's death"
    if t.dep[root] == "nsubj" and _own_career(doc[head]):
        return True  # "Adesina started his career at the Vanguard Newspapers"
    married = t.head[head] if t.dep[root] == "pobj" and t.lower[head] == "to" else head
    if t.dep[root] in {"dobj", "pobj"} and t.lemma[married] in _MARRYING:
        return True  # "he married Ella Mabel Morris", "was married to Ann Lee"
    if len(span) > 1 and t.lower[span.start].rstrip(".") in _PERSONAL_HONORIFICS and t.word(span.start + 1).istitle():
        return True  # NER's "Sir Ron Brierley" (not "Dr Reddy's Laboratories", "General Instrument")
    k = span.end  # ", 53,": an age
    if (k + 3 <= len(t.lower) and t.word(k) == "," and t.word(k + 2) == "," and doc[k + 1].like_num
            and t.word(k + 1).isdigit() and 0 < int(t.word(k + 1)) < 120):
        return True
    return _life_after(span)



#: A person's course of life (``ontology/words.toml`` ``career_nouns``): "started his career".
CAREER_NOUNS = frozenset(_WORDS["career_nouns"])


def _own_career(verb: Token) -> bool:
    """Whether ``verb``'s object is a course of life of "his" or "her" (:data:`CAREER_NOUNS`):
    "started his career", "completed her education"; its subject is a person.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Adesina started his career at the Vanguard. Acme started its life in 1990.")
    >>> _own_career(doc[1]), _own_career(doc[10])
    (True, False)
    """
    return any(c.dep_ == "dobj" and c.lower_ in CAREER_NOUNS
               and any(p.dep_ == "poss" and p.lower_ in {"his", "her"} for p in c.children)
               for c in verb.children)


def _initial_and_name(span: Span) -> bool:
    """Whether a name is an initial and one or two words no English noun, place or body's word
    is: a person's, as Indian news writes them ("N Srinath", "K. Hari Prasad"; NER's organisations);
    not "J Crew", "E Ink", "A Reuters report".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("N Srinath met J Crew staff and A Reuters reporter.")
    >>> _initial_and_name(doc[0:2]), _initial_and_name(doc[3:5]), _initial_and_name(doc[7:9])
    (True, False, False)
    """
    first = span[0].text.rstrip(".")
    return 2 <= len(span) <= 3 and len(first) == 1 and first.isupper() and first not in {"A", "I"} \
        and all(t.is_title and t.is_alpha and t.lower_ not in common_nouns() and t.lower_ not in ORGANIZATION_WORDS
                for t in span[1:]) and not is_place(text_of(span[1:]))


def _who_holds_a_post(span: Span, title_heads: frozenset[str]) -> bool:
    """Whether a "who" clause right after the name equates it with a post (a title's last word,
    ``title_heads``): "Lootah, who is also chairman of Summit Bank, said"; not "Arsenal, who are
    champions".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Lootah, who is also chairman of Summit Bank, said so.")
    >>> _who_holds_a_post(doc[0:1], frozenset({"chairman"}))
    True
    """
    doc, k = span.doc, span.end
    if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ != "who":
        return False
    verb = doc[k + 1].head
    return verb.lemma_ == "be" and any(c.dep_ == "attr" and c.lower_ in title_heads for c in verb.children)


def _posted(span: Span, title_heads: frozenset[str]) -> bool:
    """Whether a name that opens with a given name is what a copula equates a post with (a
    title's last word, ``title_heads``: :attr:`kg.lexicon.Triggers.title_heads`): "Auckland
    Council's new chief executive is Stephen Town", "Stephen Town is its chief executive".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Its new chief executive is Stephen Town. The capital is George Town.")
    >>> _posted(doc[5:7], frozenset({"executive"})), _posted(doc[11:13], frozenset({"executive"}))
    (True, False)
    """
    root = span.root
    return span[0].text in given_names() and root.dep_ in {"attr", "nsubj"} and root.head.lemma_ == "be" \
        and any(c.dep_ in {"nsubj", "attr"} and c.i != root.i and c.lower_ in title_heads for c in root.head.children)


def _life_after(span: Span) -> bool:
    """Whether a parenthesis right after the name says "born" or gives two dates either side
    of a dash, one of them with its month ("(11 May 1874 – 2 June 1915)", "(March 31, 1866 –
    1932)"; not an organisation's years, "(1890 – 1960)")."""
    doc = span.doc
    if span.end >= len(doc) or tokens_of(doc).word(span.end) != "(":
        return False
    inside = []
    for t in doc[span.end + 1:span.end + 30]:
        if t.text == ")":
            break
        inside.append(t)
    if any(t.lower_ in {"born", "née"} for t in inside[:3]):
        return True
    dash = next((i for i, t in enumerate(inside) if t.text in DASHES), None)
    dated = lambda part: any(t.lower_.rstrip(".") in MONTHS for t in part)  # noqa: E731
    yeared = lambda part: any(_YEAR.fullmatch(t.text) for t in part) or dated(part)
    return dash is not None and (dated(inside[:dash]) or dated(inside[dash + 1:])) \
        and yeared(inside[:dash]) and yeared(inside[dash + 1:])  # "(March 31, 1866 – 1932)"; not "(1890 – 1960)"


def kin_of(span: Span, lexicon: Lexicon) -> bool:
    """Whether the name follows "son of", "wife of", "the half-brother of" (or is listed after
    one): a title of a property between people (kg.ttl childOf, spouse) or a kin noun
    (``words.toml`` ``kin_nouns``, but "partner") says it names a person.

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("He was the son of Nils Dahl and Ingrid Sund, and worked for Acme.")
    >>> lexicon = load_lexicon()
    >>> kin_of(doc[5:7], lexicon), kin_of(doc[8:10], lexicon), kin_of(doc[14:15], lexicon)
    (True, True, False)
    """
    root = first_conjunct(span.root)
    if root.dep_ != "pobj" or root.head.lower_ != "of" or not span[0].is_title:  # "X, QC"
        return False
    kin = root.head.head.lower_
    return kin in lexicon.kin_titles or (kin in lexicon.words.mentions["kin_nouns"] and kin != "partner")


def made(span: Span) -> bool:
    """Whether the name is what a verb of making made: its object, or its passive subject,
    or one listed with either ("DeepMind later developed AlphaFold", "Kestrel Play and
    Vireo were launched by Google").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("DeepMind later developed AlphaFold, which predicts protein shapes.")
    >>> made(doc[3:4]), made(doc[0:1])
    (True, False)
    >>> doc = load_nlp()("Kestrel Play, Vireo and Tallow were launched by Google in 2011.")
    >>> made(doc[0:2]), made(doc[3:4]), made(doc[10:11])
    (True, True, False)
    """
    root = first_conjunct(span.root)
    return root.dep_ in {"dobj", "nsubjpass"} and root.head.lemma_ in PRODUCT_VERBS


def listed_with_person(span: Span, lexicon: Lexicon) -> bool:
    """A two-word name shaped like a person's, coordinated with a name NER calls a person.

    None of its words may be a known name or an organisation's word ("Bill
    Gates and Microsoft Research").

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Jensen Huang founded the company with Chris Malachowsky and Curtis Priem.")
    >>> listed_with_person(doc[9:11], load_lexicon())
    True
    """
    if len(span) != 2 or not _shaped_like_a_persons(span, lexicon):
        return False  # "Gloria Estefan and Miami Sound Machine"
    t, root = tokens_of(span.doc), span.root.i
    others = [t.head[root]] if t.dep[root] == "conj" else []
    others += [c for c in t.children(root) if t.dep[c] == "conj"]
    return any(t.ent_type[o] == "PERSON" and t.pos[o] == "PROPN" and o not in range(span.start, span.end)
               and any(t.dep[c] in {"compound", "flat"} and t.ent_type[c] == "PERSON" for c in t.children(o))
               for o in others)


def _among_given_names(span: Span) -> bool:
    """Whether a given name alone stands in a list between two other given names alone: "We wish
    Mark, Victoria and Luc every success" (Victoria: no state).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("We wish Mark, Victoria and Luc every success. We toured Perth, Victoria and Sydney.")
    >>> _among_given_names(doc[4:5]), _among_given_names(doc[15:16])
    (True, False)
    """
    doc, i = span.doc, span.start
    if len(span) != 1 or span.text not in given_names() or i < 2 or span.end + 1 >= len(doc):
        return False
    before, after = doc[i - 2], doc[span.end + 1]
    return doc[i - 1].text == "," and doc[span.end].lower_ in {",", "and"} \
        and all(t.is_title and t.text in given_names() and not is_place(t.text) for t in (before, after))


def given_named(span: Span, lexicon: Lexicon) -> bool:
    """A name of two or three words shaped like a person's whose first word is a given name
    (:func:`kg.extract.given_names.given_names`) and whose last is neither a given name
    nor an English noun: "Theodor Rumpel", not "Morgan Stanley" or "Mercy Hospital". None
    of its words may be an organisation's word, a head noun, a known name or a place
    ("Georgia Tech", "Grant Thornton Group"), and no "the" comes before.

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("He worked under Theodor Rumpel at Morgan Stanley and Georgia Tech.")
    >>> [given_named(doc[i:i + 2], load_lexicon()) for i in (3, 6, 9)]
    [True, False, False]
    """
    if not 2 <= len(span) <= 3 or not _shaped_like_a_persons(span, lexicon):
        return False
    given = given_names()
    if span[0].text not in given or span[-1].text in given or span[-1].lower_ in common_nouns() \
            or span[0].lower_ in _SAINTS:
        return False  # "Morgan Stanley", "Mercy Hospital", "Santa Restituta"
    return not (span.start > 0 and span.doc[span.start - 1].lower_ == "the")


def _shaped_like_a_persons(span: Span, lexicon: Lexicon) -> bool:
    """Whether every word of the name is a proper noun in capitals, and none an
    organisation's word, a head noun, a known name or a place; the last word may be a place
    where the first and the whole name are none (surnames are: "Lucía Restrepo", "Ann
    Lincoln"; not "Georgia Tech", "Victoria Falls"), and the first may be a place that is a given
    name where the last is none ("Clive Mather"; not "Austin Texas").

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Lucía Restrepo and Clive Mather met at Georgia Tech in Austin Texas.")
    >>> [_shaped_like_a_persons(doc[i:j], load_lexicon()) for i, j in ((0, 2), (3, 5), (7, 9), (10, 12))]
    [True, True, False, False]
    """
    surname_placed = not is_place(span[0].text) and not is_place(text_of(span))
    # "Lucas Fernandez Peña", "Clive Mather": a town Lucas, Clive, a given name too; not "Austin, Texas"
    given = span[0].text in given_names() and (len(span) > 2 or not (
        is_place(span[-1].text) or span[0].lower_ in NAME_PARTICLES))  # "Van Dyne" may be a town still
    return all(t.pos_ == "PROPN" and _capitalised(t.text) and t.lower_ not in ORGANIZATION_WORDS
               and t.lower_ not in lexicon.head_nouns and not lexicon.known(t.text)
               and not (is_place(t.text) and not (t.i == span.end - 1 and surname_placed)
                        and not (t.i == span.start and given))
               for t in span)


def _capitalised(word: str) -> bool:
    """A word of letters (and apostrophes) in capitals: "Rumpel", "McBride", "O'Neill"; not
    "AT&T", "IBM" or "iPhone".

    >>> [_capitalised(w) for w in ("Rumpel", "McBride", "O'Neill", "IBM", "iPhone", "R2")]
    [True, True, True, False, False, False]
    """
    return word[:1].isupper() and any(c.islower() for c in word) and word.replace("'", "").isalpha()


def credited(span: Span, lexicon: Lexicon) -> bool:
    """Whether a name of two or three words shaped like a person's is credited with a work
    only people do: the agent of one of ``ontology/words.toml`` ``person_credit_verbs``
    ("a film directed by Tomomi Mochizuki", "voiced by Louis Prima"), which NER often takes
    for an organisation's.

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("The film was directed by Keshavrao Dhaiber and produced by Prabhat Films.")
    >>> credited(doc[5:7], load_lexicon()), credited(doc[10:12], load_lexicon())
    (True, False)
    """
    root = first_conjunct(span.root)  # "written by Ann Roe and Tom Vale"
    return 2 <= len(span) <= 3 and root.dep_ == "pobj" and root.head.lower_ == "by" \
        and root.head.head.lemma_.lower() in PERSON_CREDIT_VERBS and _shaped_like_a_persons(span, lexicon)


def team_cued(span: Span, lexicon: Lexicon) -> bool:
    """Whether the name is spoken of as a sports team: the verb and preposition that govern
    it are one of ``ontology/words.toml`` ``[rules] team_cues`` ("playing for Lancashire",
    "signed for Surrey", "drafted by Denver", "joined Liverpool from Salzburg": both), or it
    signs or sacks a person (``signing_verbs``, ``sacking_verbs``): the team named after a
    place, not the place.

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("He played for Lancashire before he moved to Surrey.")
    >>> team_cued(doc[3:4], load_lexicon()), team_cued(doc[8:9], load_lexicon())
    (True, False)
    >>> doc = load_nlp()("The former Genoa and Netherlands player spoke.")
    >>> [team_cued(doc[i:i + 1], load_lexicon()) for i in (2, 4)]
    [True, False]
    >>> doc = load_nlp()("Struggling Burnley have sacked Sean Dyche.")
    >>> team_cued(doc[1:2], load_lexicon())
    True
    """
    root = first_conjunct(span.root)  # "played for England and Lancashire"
    cues = lexicon.words.rules.get("team_cues", ())
    if root.dep_ in {"compound", "nmod"} and root.head.lower_ in lexicon.words.rules.get("player_nouns", ()) \
            and text_of(span).casefold() not in countries() and lexicon.known(text_of(span)) is None:  # nor "Uruguayan"
        return True  # "the former Ajax, Genoa and Netherlands player": clubs (a country's is its national team)
    if root.dep_ == "dobj":  # "joined Liverpool from Salzburg": both clubs ("signed Tom Berg from ...": a player)
        return _joined_from_place(root) is not None
    if root.dep_ == "nsubj" and acts_on_a_person(root.head):
        return True  # "Burnley have sacked Sean Dyche", "Lazio signed Tom Berg": the club
    if root.dep_ == "nsubj" and hires_a_coach(root.head) and span[0].text not in given_names():
        return True  # "Shakhtar Donetsk hired Dutch coach Patrick van Leeuwen" (not "Andy Roe hired coach X")
    if root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.lemma_.lower() in _JOIN:
        joined = next((c for c in root.head.head.children if c.dep_ == "dobj"), None)
        source = _joined_from_place(joined) if joined is not None else None
        return source is not None and source.i == root.i
    return _governed_by(root) in cues


#: Verbs a club does to a person (``ontology/words.toml`` ``signing_verbs`` and ``sacking_verbs``).
CLUB_VERBS = frozenset(load_words().rules["signing_verbs"]) | frozenset(load_words().rules["sacking_verbs"])


def acts_on_a_person(verb: Token) -> bool:
    """Whether ``verb`` is one a club does to a person (:data:`CLUB_VERBS`) and its object is a
    person's name (NER's, or one opening with a listed given name): "have signed Aleksandar
    Mitrovic", "have sacked Sean Dyche"; its subject is a club (:func:`team_cued`,
    :func:`signs_a_player`, :func:`kg.extract.missed_names._bodies_as_subjects`).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Burnley have sacked Sean Dyche. Ann Lee signed the bill.")
    >>> acts_on_a_person(doc[2]), acts_on_a_person(doc[8])
    (True, False)
    """
    return verb.lemma_.lower() in CLUB_VERBS and any(
        c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.left_edge.text in given_names()) for c in verb.children)


#: Verbs by which a club takes on its coach, and the coaches' nouns.
_HIRING = frozenset({"hire", "appoint", "name"})
_COACHES = frozenset({"coach", "manager", "trainer"})


def hires_a_coach(verb: Token) -> bool:
    """Whether ``verb`` hires, appoints or names a person called a coach or manager before their
    name ("hired Dutch coach Patrick van Leeuwen", "named manager Tom Berg").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Kessel Donetsk hired Dutch coach Patrick van Leeuwen. Acme hired Ann Lee.")
    >>> hires_a_coach(doc[2]), hires_a_coach(doc[11])
    (True, False)
    """
    return verb.lemma_.lower() in _HIRING and any(
        c.dep_ == "dobj" and c.ent_type_ == "PERSON" and any(
            t.lower_ in _COACHES for t in c.lefts if t.dep_ in {"compound", "amod", "nmod"})
        for c in verb.children)


#: Verbs whose object, joined "from" another, names a club when both are places' names.
_JOIN = frozenset({"join", "rejoin"})


def _joined_from_place(joined: Token) -> Token | None:
    """The club a player joined ``joined`` from, when both are named after places: "joined
    Liverpool from Salzburg" (not "joined Specsavers from Havas London", a business and a city)."""
    verb = joined.head
    if joined.dep_ != "dobj" or verb.lemma_.lower() not in _JOIN or not is_place(joined.text):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"):
        source = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if source is not None and is_place(source.text):
            return source
    return None


def _governed_by(root: Token) -> str | None:
    """The verb (or noun) and the preposition a name is the object of: "play for" in "played
    for Lancashire", "partner at" in "a partner at McDermott" and in "was a partner at
    McDermott"; None for another role."""
    if root.dep_ != "pobj" or root.head.dep_ not in {"prep", "agent"}:
        return None
    governor = root.head.head
    if governor.lemma_ == "be":  # "was interim coach at Richmond": the parse hangs "at" on "was"
        governor = next((c for c in governor.children if c.dep_ == "attr" and c.pos_ == "NOUN"), governor)
    return f"{governor.lemma_.lower()} {root.head.lower_}"


def employer_cued(span: Span, lexicon: Lexicon) -> bool:
    """Whether a name that opens with no given name is spoken of as an employer: the verb
    and preposition that govern it are one of ``ontology/words.toml`` ``[rules]
    employer_cues`` ("joined Monzo", "worked at McDermott", "was hired by Ryanair") or a
    title's "at" ("Head of Investment at Mubadala"), it
    appoints someone "as its" officer ("Twitter hired Ann Lee as its general counsel"), or a
    person owns it ("Warren Buffett's Berkshire Hathaway").

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Tom Berg joined Monzo in 2019. Ann Roe joined Tom Berg.")
    >>> employer_cued(doc[3:4], load_lexicon()), employer_cued(doc[10:12], load_lexicon())
    (True, False)
    """
    root = span.root
    if span[0].text in given_names():
        return False
    cues = lexicon.words.rules.get("employer_cues", ())
    if root.dep_ == "dobj":
        return root.head.lemma_.lower() in cues
    if root.dep_ == "pobj":
        return _governed_by(root) in cues or (root.head.lower_ == "at" and root.head.head.lower_ in
                                              lexicon.triggers.title_heads)  # "Head of Investment at Mubadala"
    if any(c.dep_ == "poss" and c.ent_type_ == "PERSON" for c in root.children):
        return True  # "Warren Buffett's Berkshire Hathaway": what a person owns and is named
    verb = root.head
    return root.dep_ == "nsubj" and verb.lemma_.lower() in lexicon.words.rules["appointing_verbs"] and any(
        prep.lower_ == "as" and any(t.lower_ == "its" for t in prep.subtree) for prep in verb.children)


def deal_maker(span: Span, lexicon: Lexicon) -> bool:
    """Whether a name that opens with no given name completes a takeover or an investment:
    the subject of a verb of ``ontology/words.toml`` ``completing_verbs`` whose object is a
    deal's noun ("Showa Denko completed its acquisition of X", "Kessel closed the purchase
    of Y"): a company's, whatever NER said.

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Showa Denko completed the acquisition of Hitachi. Ann Lee completed a novel.")
    >>> deal_maker(doc[0:2], load_lexicon()), deal_maker(doc[7:9], load_lexicon())
    (True, False)
    """
    verb = _verb_of_a_body(span, lexicon, "completing_verbs")
    nouns = lexicon.triggers.nouns
    return verb is not None and any(
        c.dep_ == "dobj" and any(spec.name in {"acquired", "investsIn"} for spec in nouns.get(c.lemma_, ()))
        for c in verb.children)


def signs_a_player(span: Span, lexicon: Lexicon) -> bool:
    """Whether a name that opens with no given name signs a person (``ontology/words.toml``
    ``signing_verbs``): "Al Hilal have signed Aleksandar Mitrovic" is a club's, whatever NER said;
    "Tom Vell signed Ann Lee" stays a person's.

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Al Hilal have signed Aleksandar Mitrovic. Tom Vell signed Ann Lee.")
    >>> signs_a_player(doc[0:2], load_lexicon()), signs_a_player(doc[7:9], load_lexicon())
    (True, False)
    """
    verb = _verb_of_a_body(span, lexicon, "signing_verbs")
    return verb is not None and acts_on_a_person(verb)


def _verb_of_a_body(span: Span, lexicon: Lexicon, verbs: str) -> Token | None:
    """The verb a name that opens with no given name is the subject of, when it is one of
    ``ontology/words.toml`` ``[rules] verbs`` (:func:`deal_maker`, :func:`signs_a_player`); "Al"
    of "Al Hilal", "Al Ahly" is Arabic's article, no Al Pacino's."""
    root = span.root
    if (span[0].text in given_names() and span[0].text != "Al") or root.dep_ != "nsubj" \
            or root.head.lemma_.lower() not in lexicon.words.rules.get(verbs, ()):
        return None
    return root.head


#: Words and prepositions that govern a company held in shares ("a stake in X", "shareholder of X").
_OWNED = frozenset(_WORDS["owned_cues"])
#: Nouns a company's name modifies when it is traded ("X shares fell").
_TRADED = frozenset(_WORDS["traded_nouns"])


def owned(span: Span) -> bool:
    """Whether the name is spoken of as a company held in shares: "the main shareholder in
    Barry Callebaut", "reducing its stake in X", "X shares fell"; no person, whatever NER and
    a given name first say.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Jacobs cut its stake in Barry Callebaut. Barry Callebaut shares fell.")
    >>> owned(doc[5:7]), owned(doc[8:10])
    (True, True)
    """
    root = span.root
    if root.dep_ == "compound" and root.head.lower_ in _TRADED and root.head.i == span.end:
        return True
    return _governed_by(root) in _OWNED


def impersonal(span: Span) -> bool:
    """Whether the words around a name say it is no person: "which" opens its relative clause
    ("Tim Hortons, which competes with ..."; not after a preposition, where "which" is often
    the noun's before it), or it is the subject of a verb whose object is "its" ("Tim Hortons
    opened its first restaurant"), or of a passive verb of founding ("Kuda was co-founded by").
    A place or an organisation; NER's person is wrong.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Tim Hortons opened its first cafe. Ann Lee, who founded it, opened her shop.")
    >>> impersonal(doc[0:2]), impersonal(doc[8:10])
    (True, False)
    """
    root = span.root
    if _a_firms_deed(span):
        return True  # "a video game developed and published by Ubisoft", "Enasa was sold to Iveco"
    if root.dep_ != "pobj" and any(  # "a hit for Harry Nilsson which became a standard": the hit
            c.dep_ == "relcl" and any(w.lower_ == "which" and w.dep_ in {"nsubj", "nsubjpass", "dobj"}
                                      for w in c.children) for c in root.children):
        return True  # "Tim Hortons, which competes with Dunkin', said", "the winery Achaia Clauss, which"
    if root.dep_ == "nsubjpass" and root.head.lemma_.lower() in _FOUNDING:
        return True  # "Kuda was co-founded by Babs Ogundeyi": a body; people are born
    if root.dep_ != "nsubj" or root.head.lemma_.lower() in _JOINING:
        return False  # "Ann Roe would join its board": another's
    objects = [c for c in root.head.children if c.dep_ == "dobj"]
    return any(w.lower_ == "its" and w.dep_ == "poss" for o in objects for w in o.children)


def _a_firms_deed(span: Span) -> bool:
    """Whether a name of one or two words, neither a given name nor a family name, is the agent
    of what firms do to products and firms (publish, manufacture, release, acquire ...) or whom a
    firm is sold to: "developed and published by Ubisoft", "released by Avex Trax and Avex
    Taiwan", "Enasa was sold to Iveco"; not "published by Penguin's Ann Lee" nor "sold to Murdoch".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("The game was published by Ubisoft. It was sold to Iveco. It was sold to Murdoch.")
    >>> _a_firms_deed(doc[5:6]), _a_firms_deed(doc[11:12]), _a_firms_deed(doc[17:18])
    (True, True, False)
    """
    root = first_conjunct(span.root)  # "by Avex Trax and Avex Taiwan"
    if len(span) > 2 or root.dep_ != "pobj" or any(t.text in given_names() or t.text in family_names() for t in span):
        return False
    prep, verb = root.head, root.head.head
    if prep.lower_ == "to":
        return verb.lemma_.lower() == "sell" and any(c.dep_ == "nsubjpass" for c in verb.children)
    return prep.lower_ == "by" and verb.lemma_.lower() in _FIRMS_DEEDS


#: Verbs whose agent ("by X") is a firm when X is no person's name: "published by Ubisoft".
_FIRMS_DEEDS = frozenset({"develop", "publish", "manufacture", "distribute", "release", "acquire", "buy",
                          "purchase", "market", "license"})


#: Verbs whose object's "its" is another organisation's: "Ann Roe would join its board".
_JOINING = frozenset({"join", "rejoin", "leave", "quit", "chair", "lead", "head", "run"})


#: Verbs of founding, whose passive subject is a body: "Kuda was co-founded by Babs Ogundeyi".
_FOUNDING = frozenset({"found", "co-found", "cofound", "establish", "incorporate"})


def town_before_based(span: Span) -> bool:
    """Whether the name is followed by a comma and a place's "-based": "Lyon, France-based
    Valneva", "Franklin, Tenn.-based Quorum" (a town, however NER read it).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Lyon, France-based Valneva said so. He led Franklin, Tenn.-based Quorum.")
    >>> town_before_based(doc[0:1]), town_before_based(doc[5:6]), town_before_based(doc[11:12])
    (True, False, True)
    """
    from kg.lexicon import load_lexicon

    doc, k, t = span.doc, span.end, tokens_of(span.doc)  # the table's words (Token.is_title: str.istitle)
    if k + 1 < len(doc) and t.word(k) == ",":  # "Franklin, Tenn.-based Community Health Systems": one token
        state, _, based = t.word(k + 1).rpartition("-")
        if based.lower() in {"based", "headquartered"} and state.endswith("."):
            known = load_lexicon().known(state)
            return known is not None and known.cls == "Place"
    return k + 3 < len(doc) and t.word(k) == "," and t.word(k + 2) == "-" \
        and t.lower[k + 3] in {"based", "headquartered"} and (
            t.word(k + 1).istitle() and is_place(t.word(k + 1))
            or postal_state(doc[k + 1:k + 2]) is not None)  # "Cambridge, MA-based VBI Vaccines"


def placed_based(span: Span) -> bool:
    """Whether a place's "-based" (or "-headquartered") modifies the name: "Minneapolis-based Best Buy", an
    organisation (not "London-based designer Ann Lee": the designer is based there).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He spent nine years with Minneapolis-based Best Buy.")
    >>> placed_based(doc[9:11])
    True
    """
    t = tokens_of(span.doc)
    return any(t.lower[c] in {"based", "headquartered"} and t.dep[c] == "amod" and c < span.start
               for c in t.children(span.root.i))


def gives_a_company_title(span: Span) -> bool:
    """Whether the name stands right before a title only an organisation gives, itself before
    a person's name, or is the title's possessor (``ontology/words.toml`` ``company_titles``):
    "Aston Martin chief executive Andy Palmer", "McLaren boss Zak Brown", "Generali's
    chairman"; not a known place ("Chicago mayor"), not "Trump adviser", and not "made
    Emile Jonassaint provisional president".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("McLaren boss Zak Brown met Trump adviser Kellyanne Conway.")
    >>> gives_a_company_title(doc[0:1]), gives_a_company_title(doc[5:6])
    (True, False)
    >>> gives_a_company_title(load_nlp()("New Century chair Rob Dalton said it grew.")[0:2])
    True
    """
    root = span.root
    title = root.head
    if root.dep_ not in {"compound", "nmod", "poss"} or title.i < span.end or is_place(text_of(span)):
        return False
    if len(span) > 1 and root.ent_type_ == "PERSON" and span[0].text in given_names() and root.dep_ != "poss" \
            and span.end < len(span.doc) and span.doc[span.end].lower_ == "and":
        return False  # "OfficeMax CEO Ravi Saligram and Office Depot CEO Neil Austrian": a person the parse hangs on the next title
    doc = span.doc
    if root.dep_ != "poss" and not (title.dep_ == "compound" and title.head.pos_ == "PROPN") and not (
            title.i + 1 < len(doc) and doc[title.i + 1].ent_iob_ == "B" and doc[title.i + 1].ent_type_ == "PERSON"):
        return False  # the title names a person after it, however parsed; not "made Emile Jonassaint provisional president"
    words = [t.lower_ for t in span.doc[span.end:title.i + 1] if t.tag_ != "POS" and not t.is_punct]
    return " ".join(words) in COMPANY_TITLES or title.lower_ in COMPANY_TITLES
