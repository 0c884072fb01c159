"""Names NER missed, found by the words around them: a proper name before an ontology head
noun ("the Trainium2 chip"), people after "son of" or "wife of", and a proper noun that a
noun in apposition describes ("Quantix, a startup"). One stage of
:func:`kg.extract.mentions.find_mentions`, after NER's names are cut and checked
(:mod:`kg.extract.name_spans`).

Examples
--------
>>> from kg.extract.nlp import load_nlp
>>> from kg.lexicon import load_lexicon
>>> doc = load_nlp()("Amazon tested the new Trainium2 chip.")
>>> [(s.text, cls) for s, cls in _head_noun_names(doc, load_lexicon(), {0})]
[('Trainium2', 'Product')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from kg.extract.classes import (
    CLUB_VERBS,
    HONORIFICS,
    MODIFIER_CLASSES,
    NAME_DEPS,
    WORK,
    WORK_LAST_WORDS,
    _persons_title,
    acts_on_a_person,
    name_class,
    noun_class,
)
from kg.extract.given_names import common_adjectives, common_nouns, family_names, given_names
from kg.extract.name_spans import (
    _LEGAL_ENDINGS,
    COURTESY_TITLES,
    DISCIPLINE_WORDS,
    FIELD_WORDS,
    POSSESSED_BUSINESSES,
    _is_name,
)
from kg.extract.places import is_place
from kg.extract.tokens import tokens_of
from kg.lexicon import Lexicon, load_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

OWNER_TITLES = frozenset(load_words().mentions["owner_titles"])
#: Titles before "General" ("Secretary General"): the title's first word, no owner's.
GENERAL_TITLES = frozenset(load_words().mentions.get("general_titles", ()))
TITLE_WORDS = frozenset(load_words().mentions["title_words"])


def _head_noun_names(doc: Doc, lexicon: Lexicon, taken: set[int]):  # type: ignore[no-untyped-def]
    """Names NER missed that modify a head noun: "Trainium2 chip", "M-series chipsets"; a
    place's or an organisation's noun in capitals ends its name ("Kessel Square", "Orion
    Group"; "the Hudson river" is "Hudson")."""
    t = tokens_of(doc)
    for i in range(len(doc)):
        cls = lexicon.head_nouns.get(t.lower[i])
        if cls is None or t.pos[i] not in {"NOUN", "PROPN"}:
            continue
        head = doc[i]
        start = head.i
        while start > 0 and _modifies(doc[start - 1], head, doc):
            start -= 1
        while start < head.i and not _looks_like_name(doc[start]):
            start += 1
        if start == head.i or any(i in taken for i in range(start, head.i)):
            continue
        span = doc[start:head.i]
        if cls == "Organization" and head.is_title and t.pos[i] == "PROPN" and not head.ent_type_ \
                and head.dep_ not in NAME_DEPS \
                and _is_name(span) and span[0].pos_ == "PROPN" and not span[0].ent_type_ \
                and not (start > 0 and (doc[start - 1].is_title or doc[start - 1].text in {"-", "–", "&"}
                                        or doc[start - 1].lower_ in {"and", "of"})):  # "Cancer Center and Research Institute"
            span = doc[start:head.i + 1]  # "Orion Group has taken over ...": a name NER missed, its noun the last
            # word; not one that qualifies a noun ("a Premier League football club"), nor the end of a longer name
            taken.update(range(span.start, span.end))
            yield span, cls
            continue
        if cls not in MODIFIER_CLASSES or (span[0].ent_type_ == "NORP" and lexicon.known(span[0].text)):
            continue  # "a Chicago company", "the Spanish city": where or whose, not which
        if _is_name(span) and span[0].pos_ not in {"DET", "PRON"}:
            if cls == "Place" and head.is_title:
                span = doc[start:head.i + 1]  # "Varrick Bridge", "Kessel Square": the noun is the name's
                if span[0].text in given_names() and name_class(span, lexicon) == "Person":
                    cls = "Person"  # "named Julia Park chief financial officer"
            taken.update(range(span.start, span.end))
            yield span, cls


def _kin_names(doc: Doc, lexicon: Lexicon, taken: set[int]) -> Iterator[Span]:
    """People NER missed after "son of", "wife of" (:func:`kg.extract.classes.kin_of`):
    two or more capitalised proper nouns, and each listed after them; not after a kin noun
    that has its owner already ("Potiphar's wife of the Old Testament"), nor a work's name.

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("She was the daughter of Anders Brun and Sofie Krag.")
    >>> [s.text for s in _kin_names(doc, load_lexicon(), set())]
    ['Anders Brun', 'Sofie Krag']
    """
    t = tokens_of(doc)
    for i in range(len(doc)):
        if t.lower[i] != "of" or t.lower[t.head[i]] not in lexicon.kin_titles:
            continue
        of = doc[i]
        if any(c.dep_ == "poss" for c in of.head.children):
            continue
        for noun in (c for c in of.children if c.dep_ == "pobj"):
            for root in (noun, *(c for c in noun.subtree if c.dep_ == "conj" and c.head.i >= noun.i)):
                start = root.i
                while start > 0 and doc[start - 1].dep_ in {"compound", "flat"} \
                        and doc[start - 1].head.i == root.i:
                    start -= 1
                span = doc[start:root.i + 1]
                if len(span) >= 2 and all(t.pos_ == "PROPN" and t.is_title for t in span) \
                        and not any(t.i in taken for t in span) and span[-1].lower_ not in WORK_LAST_WORDS:
                    yield span


def _described_names(doc: Doc, lexicon: Lexicon, taken: set[int]) -> Iterator[tuple[Span, str]]:
    """Proper nouns NER missed that a noun in apposition after them says what they are:
    "Quantix, a startup spun out of Stanford" is an organisation (the noun's ``kg:headNoun``
    class; a work's noun, "Dark Harbor, a novel", names nothing the ontology holds), and "K. Hari
    Prasad, the outgoing President of X" a person (a title only people hold).

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> from kg.extract.mentions import find_mentions
    >>> doc = load_nlp()("Quantix, a startup spun out of Stanford University, raised money.")
    >>> [(f.text, f.cls) for f in find_mentions(doc, load_lexicon())]
    [('Quantix', 'Organization'), ('Stanford University', 'Organization')]
    """
    t = tokens_of(doc)
    for i in range(len(doc)):
        if t.pos[i] != "PROPN" or i in taken or t.dep[i] in {"compound", "flat"}:
            continue
        token = doc[i]
        if not token.is_title:
            continue
        described = [c for c in token.children if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"} and c.i > token.i]
        cls = next((c for c in (noun_class(noun, lexicon) for noun in described if noun.pos_ == "NOUN") if c), None) \
            or ("Person" if any(_persons_title(noun, lexicon) for noun in described)  # "X, the President of"
                and token.lower_ not in TITLE_WORDS and token.lower_ not in lexicon.triggers.title_heads
                and token.lower_ not in common_nouns() else None)  # not "Deputy Director of Publicity, Director of"
        if cls is None or cls == WORK:
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ in {"compound", "flat"} and doc[start - 1].head.i == token.i \
                and doc[start - 1].pos_ == "PROPN" and doc[start - 1].lower_.rstrip(".") not in COURTESY_TITLES:
            start -= 1  # not "Mr": no part of the name
        span = doc[start:token.i + 1]
        if cls == "Person" and _a_venue(token):
            if not is_place(span.text):
                continue  # "at Sheraton Addis, MIDROC CEO, Arega Yirdaw": the CEO is Yirdaw
            cls = "Place"  # "born in Winnipeg the son of X": the town
        if not any(i in taken for i in range(start, token.i + 1)) and _is_name(span):
            yield span, cls


def _a_venue(token: Token) -> bool:
    """Whether a name is the place something happens at, not the holder of the title set after
    it: a name "at" or "in" governs that NER does not call a person ("a press conference at
    Sheraton Addis, MIDROC CEO, Arega Yirdaw, said").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("At a meeting at Sheraton Addis, Kalo Group CEO, Ann Lee, spoke.")
    >>> _a_venue(doc[5]), _a_venue(doc[12])
    (True, False)
    """
    return token.dep_ == "pobj" and token.head.lower_ in {"at", "in"} and token.ent_type_ != "PERSON"


def _listed_people(doc: Doc, taken: set[int]) -> Iterator[Span]:
    """People NER missed in a roster's line: a name of two or three capitalised words, the
    first a given name (Faker's lists), the last no English noun, set between dashes or
    after a line's dash and before a comma: "West - Brent Murphree – Maricopa, Ariz. – He is
    ...".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("The new managers:\\n\\nWest - Brent Murphree – Maricopa, Ariz. – He is well known.")
    >>> [s.text for s in _listed_people(doc, set())]
    ['Brent Murphree']
    """
    from spacy.tokens import Span

    given = given_names()
    t = tokens_of(doc)
    for i in range(1, len(doc)):
        if t.word(i) not in given or i in taken or t.ent_type[i] or t.word(i - 1) not in _ROSTER_MARKS:
            continue
        token = doc[i]
        end = token.i + 1
        while end < len(doc) and end - token.i < 4 and doc[end].pos_ == "PROPN" and doc[end].is_title \
                and not doc[end].ent_type_ and end not in taken:
            end += 1
        if end - token.i < 2 or end >= len(doc) or doc[end].text not in _ROSTER_MARKS | {","}:
            continue
        initial = any(len(t.text) == 2 and t.text.endswith(".") for t in doc[token.i + 1:end - 1])
        if doc[end - 1].lower_ in common_nouns() and not initial:
            continue  # "Grace Church"; "Bob J. Stanley" is a person
        yield Span(doc, token.i, end, label="PERSON")


def _the_names(doc: Doc, lexicon: Lexicon, taken: set[int]) -> Iterator[tuple[Span, str]]:
    """Names NER missed that open with a capital "The" mid-sentence, right after a noun that says
    what they are: "athleticwear chain The Finish Line" is an organisation (the noun's
    ``kg:headNoun`` class): one to four capitalised words after "The", in no name of NER's but a
    work's (NER's guess for most such names).

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Vexa bought the athleticwear chain The Finish Line for $558 million.")
    >>> [(s.text, cls) for s, cls in _the_names(doc, load_lexicon(), set())]
    [('The Finish Line', 'Organization')]
    """
    from spacy.tokens import Span

    t = tokens_of(doc)
    for i in range(1, len(doc) - 1):
        if t.lower[i] != "the" or doc[i].text != "The" or t.pos[i - 1] != "NOUN" or i in taken or doc[i].is_sent_start:
            continue
        cls = noun_class(doc[i - 1], lexicon)
        if cls not in {"Organization", "Product"}:
            continue
        end = i + 1
        while end < len(doc) and end - i <= 4 and end not in taken and doc[end].is_title \
                and doc[end].pos_ in {"PROPN", "NOUN"} and doc[end].ent_type_ in {"", "WORK_OF_ART"}:
            end += 1
        if end == i + 1 or end - i > 4 or (end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN"):
            continue
        yield Span(doc, i, end), cls


def _bodies_as_subjects(doc: Doc, taken: set[int]) -> Iterator[Span]:
    """Organisations NER missed as the subject of a clause that calls its object "its": "Acer
    completed its acquisition of Gateway" (a person's is "his" or "her"), or that signs or sacks
    a person, as a club does (:data:`kg.extract.classes.CLUB_VERBS`: "Struggling Burnley have
    sacked Sean Dyche"): one to three capitalised proper nouns in no name of NER's.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Acer completed its acquisition of Gateway.")
    >>> [s.text for s in _bodies_as_subjects(doc, set())]
    ['Acer']
    >>> [s.text for s in _bodies_as_subjects(load_nlp()("Struggling Burnley have sacked Sean Dyche."), set())]
    ['Burnley']
    """
    from spacy.tokens import Span

    t = tokens_of(doc)
    for i in range(len(doc)):
        if t.lower[i] == "its" and t.dep[i] == "poss":
            owned = doc[i].head
            verb = owned.head if owned.dep_ in {"dobj", "attr"} else None
        elif t.lemma[i] in CLUB_VERBS and acts_on_a_person(doc[i]):  # the table's lemma first: few words pass
            verb = doc[i]
        else:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        if subject is None or subject.pos_ != "PROPN" or not (subject.is_title or subject.is_upper) \
                or subject.ent_type_ or subject.i in taken or subject.text in given_names():
            continue
        start = subject.i
        while start > 0 and subject.i - start < 2 and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_ and (start - 1) not in taken:
            start -= 1
        span = Span(doc, start, subject.i + 1)
        if _is_name(span):
            yield span


def _subject_people(doc: Doc, lexicon: Lexicon, taken: set[int]) -> Iterator[Span]:
    """People NER missed as a clause's subject: two or three capitalised proper nouns in no
    name, shaped like a person's (:func:`kg.extract.classes.given_named`: a given name first,
    no English noun last): "Rona Fairhead is set to become the first chairwoman"; or any two or
    three who died, no English noun last ("Srichand Parmanand Hinduja, the eldest of the brothers,
    died"; not "Funeral Home: ... Ann Lee died").

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("BBC Trust to have first female head\\n\\nRona Fairhead is set to become its chairwoman.")
    >>> [s.text for s in _subject_people(doc, load_lexicon(), set())]
    ['Rona Fairhead']
    >>> doc = load_nlp()("German Antoine Hey has been appointed as the head coach of Rwanda.")
    >>> [s.text for s in _subject_people(doc, load_lexicon(), set())]
    ['Antoine Hey']
    >>> doc = load_nlp()("Ecopetrol on Thursday said Chief Executive Felipe Bayon will leave his post.")
    >>> [s.text for s in _subject_people(doc, load_lexicon(), set())]
    ['Felipe Bayon']
    """
    from spacy.tokens import Span

    from kg.extract.classes import given_named

    table = tokens_of(doc)  # each word's tag read from the table, not from a Token made for it
    pos, ent_type = table.pos, table.ent_type
    titles = lexicon.triggers.title_heads | TITLE_WORDS
    for i in range(len(doc)):
        if pos[i] != "PROPN" or ent_type[i] or i in taken \
                or (i > 0 and pos[i - 1] == "PROPN" and not _nationality(doc[i - 1])
                    and table.lower[i - 1] not in titles):
            continue  # but "German Antoine Hey has been appointed ...": a nationality opens no name, nor
            # does a title ("said Chief Executive Felipe Bayon will leave")
        end = i + 1
        while end < len(doc) and end - i < 3 and pos[end] == "PROPN" and not ent_type[end] and end not in taken:
            end += 1
        span = doc[i:end]
        if (end == len(doc) or pos[end] != "PROPN") and span.root.dep_ in {"nsubj", "nsubjpass"} \
                and (given_named(span, lexicon) or (end - i > 1 and _died(span.root.head)
                                                    and doc[end - 1].lower_ not in common_nouns())):
            yield Span(doc, i, end, label="PERSON")


def _died(verb: Token) -> bool:
    """Whether a verb tells a death ("died", "passed away"): only people do, whatever their names.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Srichand Parmanand Hinduja died. Ann Lee passed away.")
    >>> _died(doc[3]), _died(doc[7]), _died(doc[0])
    (True, True, False)
    """
    return verb.lemma_ == "die" or (verb.lemma_ == "pass" and any(c.lower_ == "away" for c in verb.children))


def _bracketed_short_names(doc: Doc, found: list, taken: set[int]) -> Iterator[Span]:  # type: ignore[type-arg]
    """Short names NER missed in parentheses right after an organisation's that they shorten
    (:func:`kg.extract.naming.abbreviates`, :func:`~kg.extract.naming.coined`): "Anglo American
    Platinum (Amplats) finance director".

    >>> from kg.extract.found import Found
    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Anglo American Platinum (Amplats) named a chief.")
    >>> body = Found(0, 3, 0, 23, "Anglo American Platinum", "Organization", 1.0)
    >>> [s.text for s in _bracketed_short_names(doc, [body], {0, 1, 2})]
    ['Amplats']
    """
    from spacy.tokens import Span

    from kg.extract.naming import abbreviates, coined

    for f in found:
        i = f.end
        if f.cls != "Organization" or i + 2 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")" \
                or i + 1 in taken or not doc[i + 1].is_alpha or not doc[i + 1].text[:1].isupper():
            continue
        short = doc[i + 1].text
        if abbreviates(short, f.text) or coined(short, f.text):
            yield Span(doc, i + 1, i + 2, label="ORG")


def _courtesy_people(doc: Doc, taken: set[int]) -> Iterator[Span]:
    """People NER missed after a courtesy title ("Mr", "Ms", "Engr.": ``words.toml``
    ``courtesy_titles``), or after another honorific when two or three (``honorifics``:
    "Prince Dapo Abiodun was sworn in"): one to three
    capitalised proper nouns in no name, the last no English noun ("Mr President" is no one) but
    a family name after a courtesy title (WordNet's nouns hold many: "Mr Browne", "Lord Browne";
    :func:`kg.extract.given_names.family_names`): "Ms Ama Bako, Minister of Information; and Mr
    Titus Adjei, Regional Minister".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("They are Ms Ama Bako, Minister of Information; and Mr Titus Adjei, Regional Minister.")
    >>> [s.text for s in _courtesy_people(doc, {4, 5})]
    ['Titus Adjei']
    """
    from spacy.tokens import Span

    t = tokens_of(doc)
    for i in range(len(doc) - 1):
        word = t.lower[i].rstrip(".")
        courtesy = word in COURTESY_TITLES
        if not (courtesy or word in HONORIFICS) or not doc[i].is_title:
            continue
        end = i + 1
        while end < len(doc) and end - i <= 3 and t.pos[end] == "PROPN" and doc[end].is_title \
                and not t.ent_type[end] and end not in taken:
            end += 1
        last = t.lower[end - 1]
        if end > i + (1 if courtesy else 2) and (end == len(doc) or t.pos[end] != "PROPN") \
                and (last not in common_nouns() or (courtesy and doc[end - 1].text in family_names())) \
                and t.lower[i + 1].rstrip(".") not in HONORIFICS:
            yield Span(doc, i + 1, end, label="PERSON")  # another honorific before two names: "Prince Dapo Abiodun"



def _nationality(token: Token) -> bool:
    """Whether ``token`` is a nationality NER found alone ("German", "Swiss")."""
    return token.ent_type_ in {"NORP", "GPE"} and token.ent_iob_ == "B" and \
        (token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")


def _title_owners(doc: Doc, people: set[int], taken: set[int]) -> Iterator[Span]:
    """Organisations NER missed before a job title before a person's name: one to four
    capitalised words ("Helios Towers CEO Kash Pandya", "NHPC Chairman and Managing Director
    A K Singh"); the title's words are ``ontology/words.toml`` ``[mentions] owner_titles``.
    ``people``: where the names of people start. Not where a name NER found (or any proper
    noun) comes right before the words: the name is NER's to cut. A title in lower case
    follows an acronym only ("FIDE president Kirsan Ilyumzhinov").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Helios Towers CEO Kash Pandya and Former Acme Ltd CEO Jo Orr spoke.")
    >>> [s.text for s in _title_owners(doc, {3, 11}, {3, 4, 11, 12})]
    ['Helios Towers']
    """
    for p in sorted(people):
        end = p
        while end > 0 and doc[end - 1].lower_ in OWNER_TITLES and (end - 1) not in taken:
            end -= 1
        if end < p and doc[end].lower_ == "general" and end > 0 and doc[end - 1].lower_ in GENERAL_TITLES:
            end -= 1  # "SODELPA Secretary General Lenaitasi Duru": SODELPA's secretary general
        if end == p or doc[end].lower_ in {"and", "&"}:
            continue
        capitalised = all(t.is_title or t.is_upper or t.lower_ in {"and", "&"} for t in doc[end:p])
        start = end
        while start > 0 and end - start < 5 and (start - 1) not in taken and _owner_word(doc[start - 1]):
            start -= 1
        before = doc[start - 1] if start > 0 else None
        if start == end or end - start > 4 or (before is not None and (
                before.pos_ == "PROPN" or (start - 1) in taken or before.is_title and not before.is_sent_start
                or before.lower_ in {"and", "&"})):  # "Managing and Artistic Director X": titles
            continue
        span = doc[start:end]
        if len(span) == 1 and span[0].lower_ in common_nouns():
            continue  # "Company President Jo Orr"
        if not capitalised and not all(t.is_upper and len(t) > 1 for t in span) \
                and not (len(span) == 1 and span[0].pos_ == "PROPN" and span[0].text not in given_names()):
            continue  # a title in lower case only after an acronym or a proper noun alone: "FIDE
            # president Kirsan Ilyumzhinov", "Acer chairman and CEO J.T. Wang"
        yield span


def _titled_of(doc: Doc, taken: set[int]) -> Iterator[Span]:
    """Organisations NER missed after a job title and its "of": one to three capitalised
    proper nouns, one of them no English noun, closing the phrase ("Berno Stoffel, Director of
    SBS, focused ..."); not a department or a field ("Director of Marketing", "Head of Sales").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Berno Stoffel, Director of SBS, spoke. Ann Roe, Director of Marketing, spoke.")
    >>> [s.text for s in _titled_of(doc, {0, 1, 9, 10})]
    ['SBS']
    """
    from spacy.tokens import Span

    from kg.extract.given_names import common_nouns

    lower = tokens_of(doc).lower
    for i in range(1, len(doc) - 1):
        if lower[i] != "of" or lower[i - 1] not in OWNER_TITLES or not doc[i - 1].is_title:
            continue
        start = i + 2 if doc[i + 1].lower_ == "the" else i + 1
        end = start
        while end < len(doc) and end - start < 4 and end not in taken and doc[end].pos_ == "PROPN" \
                and (doc[end].is_title or doc[end].is_upper) and not doc[end].ent_type_:
            end += 1
        if end == start or end - start > 3 or (end < len(doc) and (doc[end].pos_ == "PROPN" or end in taken)):
            continue
        if all(t.lower_ in common_nouns() or t.lower_ in FIELD_WORDS or t.lower_ in DISCIPLINE_WORDS
               for t in doc[start:end]):
            continue  # "Director of Marketing", "Director of Studies"
        yield Span(doc, start, end, label="ORG")


def _owner_word(token: Token) -> bool:
    """A word of an organisation's name NER left out (or took for a work's: "FIDE president
    Kirsan Ilyumzhinov"): in capitals, a noun (or a word the tagger calls an adjective that
    is none in English: "Sihuan Chairman"), no title's."""
    return (token.is_title or token.is_upper) and (token.pos_ in {"PROPN", "NOUN"} or (
        token.pos_ == "ADJ" and token.lower_ not in common_adjectives())) \
        and token.ent_type_ in {"", "WORK_OF_ART"} and token.lower_ not in TITLE_WORDS


#: Marks that set a name apart in a roster's line ("West - Brent Murphree – Maricopa").
_ROSTER_MARKS = frozenset({"-", "–", "—", "•", ":"})


def _modifies(token: Token, head: Token, doc: Doc) -> bool:
    if token.text == "-":
        return True
    if token.dep_ not in NAME_DEPS:
        return False
    node = token
    while node.i != head.i and node.i < head.i and node.dep_ in NAME_DEPS | {"punct"}:
        node = node.head
    return node.i == head.i


def _looks_like_name(token: Token) -> bool:
    """A word in capitals, not a sentence's first word that is no proper noun ("Other nearby
    settlements include ...") or a common noun ("Computer chip giant Intel"), or one with a
    digit ("Trainium2")."""
    text = token.text
    if any(c.isdigit() for c in text):
        return True
    return text[:1].isupper() and not (token.is_sent_start and token.pos_ in {"ADJ", "DET", "ADV", "PRON", "NOUN"})


def _nicknamed(doc: Doc) -> Iterator[Span]:
    """People named with a nickname in quotes, which NER cuts or misses: 'Michael John "Mike"
    Padden' (NER: "Michael John"), 'Wilfried "Willi" Schneider' (NER: nothing), 'Gerardo I.
    ("Gerry") Lopez'. From a given name (Faker's lists) through the capitalised words after
    the closing quote (and parenthesis).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()('Director Michael John "Mike" Padden met Ann. He sang "Yesterday" Paul said.')
    >>> [s.text for s in _nicknamed(doc)]
    ['Michael John "Mike" Padden']
    """
    from spacy.tokens import Span

    from kg.extract.given_names import given_names

    given = given_names()
    for i in [i for i, lower in enumerate(tokens_of(doc).lower) if lower in _OPENING_QUOTES]:
        close = next((k for k in range(i + 2, min(i + 4, len(doc))) if doc[k].text in _CLOSING_QUOTES), None)
        if close is None or not all(_named_word(doc[k]) for k in range(i + 1, close)):
            continue
        opened = i - 1 if i > 0 and doc[i - 1].text == "(" else i  # 'Gerardo I. ("Gerry") Lopez'
        after = close + 2 if opened < i and close + 1 < len(doc) and doc[close + 1].text == ")" else close + 1
        start = opened
        while start > 0 and (_named_word(doc[start - 1]) or (
                doc[start - 1].text == "-" and start > 1 and _named_word(doc[start - 2]))):
            start -= 1  # "Jean-Claude"
        while start < opened and doc[start].text not in given:
            start += 1  # "Director Michael John": from the given name on
        end = after
        while end < len(doc) and end < after + 3 and _named_word(doc[end]):
            end += 1
        if start < opened and end > after:
            yield Span(doc, start, end, label="PERSON")


def _has_nickname(span: Span) -> bool:
    """Whether a name holds a nickname in quotes (:func:`_nicknamed`): its words say nothing
    of its class ("Tip" is no product)."""
    t = tokens_of(span.doc)
    return any(t.word(i) in _OPENING_QUOTES for i in range(span.start, span.end))


#: Quotes around a nickname.
_OPENING_QUOTES = frozenset({'"', "“"})
_CLOSING_QUOTES = frozenset({'"', "”"})


def _possessive_companies(doc: Doc) -> Iterator[Span]:
    """Companies whose name holds a possessive before a legal ending, which NER cuts there:
    "T.G.I. Friday's Inc." (NER: "T.G.I.", "Friday"), "Del Frisco's Restaurant Group", or
    before a business's one noun ("Gorton's Seafood": ``possessed_businesses``).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He led T.G.I. Friday's Inc. and Del Frisco's Restaurant Group, "
    ...                  "not Apple's Group Manager Ann.")
    >>> [s.text for s in _possessive_companies(doc)]
    ["T.G.I. Friday's Inc.", "Del Frisco's Restaurant Group"]
    """
    from spacy.tokens import Span

    tags = doc.to_array("TAG")  # the possessives' places, without a token object for every word
    for i in (int(i) for i in (tags == doc.vocab.strings["POS"]).nonzero()[0]):
        end = i + 1
        while end < len(doc) and end < i + 4 and _named_word(doc[end]):
            end += 1
        start = i
        while start > 0 and start > i - 4 and _named_word(doc[start - 1]):
            start -= 1
        ending = doc[end - 1].lower_.rstrip(".") if end > i + 1 else ""
        if start < i and (ending in _LEGAL_ENDINGS or (end == i + 2 and ending in POSSESSED_BUSINESSES)) \
                and (end == len(doc) or not _named_word(doc[end])):  # "Apple's Group Manager": no name
            yield Span(doc, start, end, label="ORG")


def _named_word(token: Token) -> bool:
    """A word of a name: in capitals ("Frisco", "O'Neill", "T.G.I.", "Inc."); not "-" or "(".

    >>> from types import SimpleNamespace as T
    >>> word = lambda text, title: T(text=text, is_title=title, is_upper=False)
    >>> _named_word(word("O'Neill", True)), _named_word(word("(", False))
    (True, False)
    """
    return (token.is_title or token.is_upper) and token.text[0].isalpha()
