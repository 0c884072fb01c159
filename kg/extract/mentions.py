"""Find the names in a parsed document and give each a class vote.

spaCy's NER (behind the gazetteer ruler) proposes spans; this stage cleans
them the way a reader would: "Apple's" is "Apple", "Siri and Apple Maps" is
two names, "the AI" is no name at all, and a proper name right before an
ontology head noun ("the Trainium2 chip", "the Reinvent conference") is a
Product or an Event even where NER missed or mistyped it.

Examples
--------
>>> from kg.extract.nlp import load_nlp
>>> from kg.lexicon import load_lexicon
>>> doc = load_nlp()("Apple’s engineers tested Amazon's new Trainium2 chip with Siri and Apple Maps.")
>>> [(m.text, m.cls) for m in find_mentions(doc, load_lexicon())]
[('Apple', 'Organization'), ('Amazon', 'Organization'), ('Trainium2', 'Product'), ('Siri', 'Product'), ('Apple Maps', 'Product')]
"""

from __future__ import annotations

import re
from bisect import bisect
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Iterator

from kg.extract.classes import (DASHES, MODIFIER_CLASSES, NAME_DEPS, ORGANIZATION_WORDS, WORK, employer_cued,
                                given_named, made, name_class, noun_class, team_cued)
from kg.extract.given_names import common_nouns, given_names
from kg.extract.headlines import headline_lines, in_headline, named_elsewhere
from kg.extract.naming import COMPANY_SUFFIXES
from kg.extract.places import GENERIC, is_place, place_vote, regions
from kg.extract.short_names import NAME_PARTICLES, short_forms, short_names_again, short_names_reclassed
from kg.lexicon import Lexicon, load_words
from kg.types import changed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_WORDS = load_words().mentions  # ontology/words.toml, [mentions]
#: Words NER often takes for names that name no entity of their own.
NOT_NAMES = _WORDS["not_names"]
#: Weights of the evidence for a mention's class (summed per entity).
NER_WEIGHT, PLACE_WEIGHT, HEAD_NOUN_WEIGHT, GAZETTEER_WEIGHT = 1.0, 2.0, 3.0, 100.0


@dataclass(frozen=True)
class Found:
    """A cleaned name in one spaCy Doc: token span, characters, class vote."""

    start: int  # first token
    end: int  # one past the last token
    start_char: int
    end_char: int
    text: str
    cls: str
    weight: float
    canonical: str | None = None  # gazetteer label, when the gazetteer matched
    anaphor: bool = False  # a pronoun or "the company": it names whatever came before
    salient: int = 0  # 1: its clause's subject or the subject's possessor (a likely antecedent); 2: the main clause's
    sentence: int = 0  # index of the first token of its sentence
    antecedent: int | None = None  # first token of the mention a relative pronoun refers to
    demonym: bool = False  # "Belgian": refers to a country the gazetteer knows, is not its name
    author: bool = False  # "I", "we" outside quotes: whoever wrote the document
    after_name: bool = False  # a proper-noun subject comes before it, found as a name or not
    apart: frozenset[int] = frozenset()  # tokens it cannot be: "she" in "she married X" is not X
    clause_subject: int | None = None  # "its", "his": the head of its own clause's subject, before it
    objective: bool = False  # "him", "her" as an object: a person named earlier in its sentence first
    # the last main clause's proper-noun subject before it that no name was found on, and its phrase's end
    loose_subject: tuple[int, int] | None = None
    speaker: bool = False  # the subject of "said", "told" ...: the pronoun after it may be whom it spoke of
    nominal_subject: tuple[int, int, int] | None = None  # "it": a common noun subject just before it ("the
    # society has ..."): its token and its phrase's first and one past its last token


#: Words that refer back to the last person or organisation named.
PERSON_PRONOUNS = _WORDS["person_pronouns"]
#: First-person words, outside quotes, name the document's author: a person, or (plural) an organisation.
AUTHOR_PRONOUNS = {"Person": _WORDS["author_person"], "Organization": _WORDS["author_organization"]}
#: Each author's pronoun -> the class of the first list above that holds it (read for every token).
_AUTHOR_CLASS = {w: cls for cls, words in reversed(AUTHOR_PRONOUNS.items()) for w in words}
RELATIVE_PRONOUNS = _WORDS["relative_pronouns"]
ORGANIZATION_ANAPHORA = _WORDS["organization_anaphora"]
PORTFOLIO_TITLES = _WORDS["portfolio_titles"]
#: Title words besides the ontology's title triggers ("co", "chief", "officer"), and honours after a name ("OBE").
TITLE_WORDS = frozenset(_WORDS["title_words"])
POST_NOMINALS = frozenset(_WORDS["post_nominals"])
#: Roles NER takes into a person's name ("Striker Tomas Berg").
ROLES_BEFORE_NAMES = frozenset(_WORDS["roles_before_names"])
COURTESY_TITLES = frozenset(_WORDS["courtesy_titles"])
NAME_OPENERS = frozenset(_WORDS["name_openers"])
POSSESSED_BUSINESSES = frozenset(_WORDS["possessed_businesses"])
#: Possessors that are part of a name ("Karelian Workers' Party"), and saints' words ("St Agnes's Hospital").
NAME_POSSESSORS = frozenset(_WORDS["name_possessors"])
SAINT_WORDS = frozenset(_WORDS["saint_words"])
#: Bodies whose "of A and B C" is one name ("Department of Health and Human Services").
OF_PAIR_BODIES = frozenset(_WORDS["of_pair_bodies"])
FIELD_WORDS = frozenset(_WORDS["field_words"])
FIELD_MODIFIERS = frozenset(_WORDS["field_modifiers"])
_CONNECTIVES = frozenset({"and", "for", "of", "&"})


def find_mentions(doc: Doc, lexicon: Lexicon) -> list[Found]:
    """Return the cleaned, class-voted names of ``doc`` in text order."""
    titles = lexicon.triggers.title_heads
    title_words = _title_words(lexicon)
    found: list[Found] = []
    taken: set[int] = set()
    placed: set[int] = set()  # where a gazetteer's alias is written as a place ("moved to Holland")
    for ent in _mended_names(doc):
        ner_cls = lexicon.class_for_ner_label(ent.label_)
        if ner_cls is None and not (ent.label_ == "NORP" and lexicon.known(ent.text)):
            continue  # a demonym the gazetteer knows ("Belgian") names its country
        pieces = _pieces(ent, lambda text: lexicon.known(text) is not None)
        listed_cls = _listed_class(pieces, lexicon) or ner_cls
        for piece in pieces:
            piece = _without_honours(_without_role(_without_score(_without_opener(_after_title(piece, title_words)))))
            traded = _without_trade(piece, lexicon)
            traded, piece = traded is not piece, traded
            if piece is None or not _is_name(piece) or _is_department(piece, titles, lexicon) \
                    or _bare_title(piece, titles) or _all_title(piece, title_words):
                continue  # "Commendatore OSSI", "Dean of ...", "Co-Chief Executive Officer", "(Board of) Directors": no one
            known = lexicon.known(piece.text)
            if known is not None and known.label != piece.text and _mapped(piece, lexicon):
                placed.add(piece.start)
                if known.cls != "Place":
                    known = None  # "moved to Princeton, N.J.": the town, not Princeton University's short name
            if known is None and (_common_word(piece, lexicon) or _field_of_work(piece, lexicon)):
                continue  # "Hollis of the River", "Central and South America", "Family Welfare": no name alone
            team = (known is None or known.cls == "Place") and team_cued(piece, lexicon) \
                and piece.text.casefold() not in regions()  # "transferred to France": the country
            if team:
                cls, canonical, weight = "Organization", None, GAZETTEER_WEIGHT  # "playing for Lancashire": the club
            elif known is not None:
                cls, canonical, weight = known.cls, known.label, GAZETTEER_WEIGHT
            else:
                cls, canonical, weight = listed_cls, None, NER_WEIGHT
            piece_cls, piece_weight = cls, weight
            head_cls = name_class(piece, lexicon)
            if head_cls == WORK and canonical is None:  # "Rocksburg Road is a 1985 novel": no class holds it
                taken.update(range(piece.start, piece.end))
                continue
            if head_cls and canonical is None and not team and not (  # "their sister team, Fred Vasseur": a man still
                    head_cls == "Organization" and ner_cls == "Person" and piece.root.dep_ == "appos"
                    and given_named(piece, lexicon)):
                piece_cls, piece_weight = head_cls, HEAD_NOUN_WEIGHT
            elif canonical is None and ner_cls is not None and not team and place_vote(piece, cls, lexicon):
                piece_cls, piece_weight = "Place", PLACE_WEIGHT
            elif canonical is None and cls == "Organization" and made(piece):
                piece_cls, piece_weight = "Product", PLACE_WEIGHT
            elif canonical is None and cls == "Organization" and given_named(piece, lexicon):
                piece_cls, piece_weight = "Person", PLACE_WEIGHT  # "worked under Theodor Rumpel"
            elif canonical is None and cls == "Person" and employer_cued(piece, lexicon):
                piece_cls, piece_weight = "Organization", PLACE_WEIGHT  # "joined Monzo", "a partner at McDermott"
            elif canonical is None and cls == "Person" and _initialism(piece.text):
                piece_cls, piece_weight = "Organization", PLACE_WEIGHT
            if traded and canonical is None:  # "Discounters Aldi": the trade says an organisation
                piece_cls, piece_weight = "Organization", HEAD_NOUN_WEIGHT
            mention = _found(piece, piece_cls, piece_weight, canonical)
            if ner_cls is None:  # a NORP span the gazetteer maps to a country
                mention = replace(mention, demonym=True)
            found.append(mention)
            taken.update(range(piece.start, piece.end))
    for span, cls in _head_noun_names(doc, lexicon, taken):
        found.append(_found(span, cls, HEAD_NOUN_WEIGHT, None))
        taken.update(range(span.start, span.end))
    for span in _kin_names(doc, lexicon, taken):
        found.append(_found(span, "Person", HEAD_NOUN_WEIGHT, None))
        taken.update(range(span.start, span.end))
    for span, cls in list(_described_names(doc, lexicon, taken)):
        found.append(_found(span, cls, HEAD_NOUN_WEIGHT, None))
        taken.update(range(span.start, span.end))
    headlines = headline_lines(doc.text)
    if headlines:  # "HP Names Whitman CEO": what the story does not name again is no name
        found = [f for f in found if not in_headline(headlines, f.start_char) or f.canonical is not None
                 or named_elsewhere(doc.text, headlines, f.start_char, f.end_char)]
    shorts = short_forms(doc, found)
    found = short_names_reclassed(found, shorts, placed)
    for span, cls in list(short_names_again(doc, shorts, taken)):
        found.append(_found(span, cls, NER_WEIGHT, None))
        taken.add(span.start)
    found.extend(_anaphora(doc, taken, found, lexicon))
    found.extend(_relative_pronouns(doc, found))
    found = [changed(f, apart=frozenset(_apart(doc[f.start:f.end].root)) | f.apart) for f in found]
    return sorted(found, key=lambda f: f.start)


def _title_words(lexicon: Lexicon) -> frozenset[str]:
    """:data:`TITLE_WORDS` and every word of the ontology's titles, made once per lexicon.

    >>> from kg.lexicon import load_lexicon
    >>> words = _title_words(load_lexicon())
    >>> "ceo" in words, words is _title_words(load_lexicon())
    (True, True)
    """
    triggers = lexicon.triggers
    kept = _TITLE_WORD_SETS.get(id(triggers))
    if kept is None or kept[0] is not triggers:
        words = TITLE_WORDS | {w for t in triggers.titles for w in t.split()}
        kept = _TITLE_WORD_SETS[id(triggers)] = (triggers, words)
    return kept[1]


_TITLE_WORD_SETS: dict[int, tuple[object, frozenset[str]]] = {}  # id(lexicon.triggers) -> them, the words


#: Words a name never ends in: NER cut it there, and the name after it is its end.
_LINKS = frozenset({"of", "in", "for", "at", "on"})


def _mended_names(doc: Doc) -> list[Span]:
    """NER's names, with the pieces it cut off one name joined again: an organisation's
    dash-joined place ("University of Wisconsin–Milwaukee") and what follows a name that ends
    in "of", "in", "for", "at" or "on" ("the Bay of" and "Kessary", "the Nobel Prize in" and
    "Physics") or a person's that ends in a particle ("Ursula von der" and "Leyen":
    ``ontology/words.toml`` ``name_particles``).

    NER reads the place after the dash as a name of its own; written without
    spaces, the organisation and place are one name (a campus, a branch). A
    name never ends in "of": the name or proper nouns right after it are its end.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("She taught at the University of Wisconsin–Milwaukee and in Ohio.")
    >>> [e.text for e in _mended_names(doc)]
    ['the University of Wisconsin–Milwaukee', 'Ohio']
    >>> from spacy.tokens import Span
    >>> doc = load_nlp()("Ships crossed the Bay of Kessary.")
    >>> doc.ents = [Span(doc, 2, 5, "LOC"), Span(doc, 5, 6, "GPE")]  # as NER cuts some such names
    >>> [e.text for e in _mended_names(doc)]
    ['the Bay of Kessary']
    """
    from spacy.tokens import Span

    ents, out = list(doc.ents), []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if nxt is not None and ent.label_ == "ORG" and nxt.label_ in {"GPE", "LOC"} \
                and nxt.start == ent.end + 1 and doc[ent.end].text in DASHES \
                and not doc[ent.end - 1].whitespace_ and not doc[ent.end].whitespace_:
            out.append(Span(doc, ent.start, nxt.end, label=ent.label_))
            i += 2
            continue
        end = _after_abbreviation(doc, ent.end) if ent.label_ in {"ORG", "FAC", "GPE"} else ent.end
        if end > ent.end:  # "Marina Del Rey (Calif.) Hospital": one name, a state in the middle
            while nxt is not None and nxt.start < end:
                i += 1
                nxt = ents[i + 1] if i + 1 < len(ents) else None
            out.append(Span(doc, ent.start, end, label="ORG"))
            i += 1
            continue
        last = ent[-1].lower_
        if len(ent) > 1 and (last in _LINKS or (ent.label_ == "PERSON" and last in NAME_PARTICLES)):
            end = ent.end
            while end < len(doc) and (doc[end].pos_ == "PROPN"
                                      or (nxt is not None and nxt.start <= end < nxt.end)):
                end += 1
            while nxt is not None and nxt.start < end:  # NER's names inside the joined one
                i += 1
                nxt = ents[i + 1] if i + 1 < len(ents) else None
            out.append(Span(doc, ent.start, end, label=ent.label_))
            i += 1
            continue
        out.append(ent)
        i += 1
    return out


def _after_abbreviation(doc: Doc, end: int) -> int:
    """Where a name that goes on past an abbreviation in parentheses right after ``end`` ends:
    "Barstow (Calif.) Community Hospital" is one name, the way US news writes a hospital's
    town; ``end`` itself when no such words follow.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He ran Barstow (Calif.) Community Hospital and Reno (Nev.).")
    >>> doc[2:_after_abbreviation(doc, 3)].text, _after_abbreviation(doc, 10)
    ('Barstow (Calif.) Community Hospital', 10)
    """
    if not (end + 3 < len(doc) and doc[end].text == "(" and doc[end + 1].text.endswith(".")
            and doc[end + 1].text[0].isupper() and doc[end + 2].text == ")"):
        return end
    stop = end + 3
    while stop < len(doc) and doc[stop].is_title and doc[stop].is_alpha:
        stop += 1
    return stop if stop > end + 3 else end


def _parenthesised_abbreviation(doc: Doc, i: int, start: int, end: int) -> bool:
    """Whether the parenthesis ``doc[i]`` encloses an abbreviation inside the name
    ``doc[start:end]`` ("Barstow (Calif.) Community Hospital"), and cuts nothing."""
    opening = i if doc[i].text == "(" else i - 2
    return start < opening and opening + 3 < end and doc[opening].text == "(" and doc[opening + 2].text == ")" \
        and doc[opening + 1].text.endswith(".")


_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "myself", "ourselves"})
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
_IDENTITY_DEPS = frozenset({"attr", "oprd"})


def _apart(root: Token) -> set[int]:
    """Tokens that name someone other than the mention headed by ``root``.

    A subject is not the names in the rest of its clause ("she married John
    Ford", "he was the son of Paul Roe"), except the one it is equated with
    ("he is John Ford"); a possessor is not the rest of its noun phrase or
    what it is equated with ("his wife, Amy", "her son is Ken", "Ken, her
    son") nor the conjunct before its own that the same word possesses ("her son,
    David, and her daughter"; "John and his wife" is John's, and so is "our sister,
    Kristine, and her husband" Kristine's); an object is not its verb's subject
    ("John met him"). A possessive pronoun in a subject's clause is not set apart from it:
    "In her first year, she ran the clinic" is one person (gender keeps "his" from "she").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("She married John Ford. His father was Paul Ford.")
    >>> [doc[i].text for i in sorted(_apart(doc[0]))]
    ['married', 'John', 'Ford', '.']
    >>> [doc[i].text for i in sorted(_apart(doc[5])) if doc[i].pos_ == "PROPN"]
    ['Paul', 'Ford']
    >>> doc = load_nlp()("In her first year, she ran the clinic.")
    >>> "her" in [doc[i].text for i in _apart(doc[5])]
    False
    """
    if root.lower_ in _REFLEXIVES:
        return set()
    head, dep = root.head, root.dep_
    own = {t.i for t in root.subtree}
    out: set[int] = set()
    if dep in {"nsubj", "nsubjpass"}:
        out = {t.i for t in head.subtree} - own - _identity(head) - _clauses_before(head, root.i)
        out -= {t.i for t in head.subtree if t.dep_ == "poss" and t.lower_ in _POSSESSIVE_PRONOUNS}
    elif dep == "poss":
        out = {t.i for t in head.subtree} - own
        if head.dep_ in {"nsubj", "nsubjpass"}:  # "his father was X"
            out |= {t.i for c in head.head.children if c.dep_ in _IDENTITY_DEPS for t in c.subtree}
        elif head.dep_ == "attr":  # "Ken is her son"
            out |= {t.i for c in head.head.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
        elif head.dep_ == "appos":  # "Ken, her son"
            out |= {head.head.i} | {c.i for c in head.head.children if c.dep_ == "compound"}
        elif head.dep_ == "conj" and _possessed(head.head, root.lower_):  # "her son, David, and her daughter"
            out |= {t.i for t in head.head.subtree} - {t.i for t in head.subtree}
    elif dep in {"dobj", "pobj"}:
        verb = head.head if dep == "pobj" else head
        if verb.pos_ in {"VERB", "AUX"}:
            out = {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}
                   for t in (c, *c.children) if t.i == c.i or t.dep_ in {"compound", "flat"}}
    return out - own


def _possessed(noun: Token, by: str) -> bool:
    """Whether ``by`` possesses a noun, or the noun it is in apposition to ("her son, David")."""
    anchor = noun.head if noun.dep_ == "appos" else noun
    return any(c.dep_ == "poss" and c.lower_ == by for c in anchor.children)


def _clauses_before(verb: Token, i: int) -> set[int]:
    """The tokens of ``verb``'s clauses with a subject of their own that end before token ``i``.

    Their names may be the one a later subject pronoun stands for ("Daly never
    saw it; he died in 1900", "After John left, he founded Acme"), unlike a
    clause after it ("he said John left").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("After John Smith left the firm, he founded Acme.")
    >>> sorted(doc[t].text for t in _clauses_before(doc[8], 7) if doc[t].pos_ == "PROPN")
    ['John', 'Smith']
    """
    return {t.i for c in verb.children
            if c.dep_ in _CLAUSES and c.right_edge.i < i
            and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
            for t in c.subtree}


_CLAUSES = frozenset({"advcl", "ccomp", "parataxis", "conj"})


def _identity(verb: Token) -> set[int]:
    """The words a copula's subject is equated with: "John Ford" in "he is John Ford"."""
    out: set[int] = set()
    for c in verb.children:
        if c.dep_ in _IDENTITY_DEPS:
            names = [g for g in c.children if g.dep_ in {"compound", "flat", "appos"}]
            out |= {c.i} | {t.i for g in names for t in g.subtree}
    return out


def _relative_pronouns(doc: Doc, found: list[Found]) -> list[Found]:
    """"Smith, who founded X": "who" stands for the name the clause hangs on.

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Jane Roe is an American physician who lives in Ohio.")
    >>> [(f.text, doc[f.antecedent].text) for f in find_mentions(doc, load_lexicon()) if f.anaphor]
    [('who', 'Jane')]
    """
    at = {t: f for f in found if not f.anaphor for t in range(f.start, f.end)}
    out = []
    for token in doc:
        lower = token.lower_
        if lower not in RELATIVE_PRONOUNS:
            continue
        named = _relative_antecedent(token, at)
        if named is not None:
            out.append(replace(_found(doc[token.i:token.i + 1], named.cls, 0.0, None, anaphor=True),
                               antecedent=named.start))
    return out


def _relative_antecedent(token: Token, at: dict[int, Found]) -> Found | None:
    """The name a relative pronoun stands for, if its class fits the pronoun.

    The name right before the pronoun ("X Academy which ..."), else the noun
    the clause modifies, followed through a copula or an apposition: in "Roe
    is a physician who ...", "who" is Roe, and in "Their son, Magnus Dahl, is a
    footballer who ...", Magnus Dahl.
    """
    fits = _relative_fits(token.lower_)
    verb = token.head
    while verb.dep_ != "relcl" and verb.dep_ in {"prep", "pobj", "poss"} and verb.head.i != verb.i:
        verb = verb.head  # "with whom", "whose wife"
    if verb.dep_ != "relcl":
        return None
    left = token.i - 1 - (token.i > 1 and token.doc[token.i - 1].text == ",")
    near = at.get(left) if left >= 0 else None
    if near is not None and near.end - 1 == left and fits(near.cls):
        return near
    noun = verb.head
    for _ in range(3):
        named = at.get(noun.i)
        if named is not None:
            return named if fits(named.cls) else None
        named = next((at[c.i] for c in noun.children if c.dep_ == "appos" and c.i in at), None)
        if named is not None:  # "Their son, Magnus Dahl, is a footballer who ..."
            return named if fits(named.cls) else None
        if noun.dep_ == "attr":  # "Roe is a physician who ...": the copula's subject
            noun = next((c for c in noun.head.children if c.dep_ in {"nsubj", "nsubjpass"}), noun)
        elif noun.dep_ == "appos":  # "Roe, a physician who ..."
            noun = noun.head
        else:
            return None
    return None


def _relative_fits(pronoun: str):  # type: ignore[no-untyped-def]
    """"who" and "whom" stand for people, "which" for anything else."""
    if pronoun in {"who", "whom"}:
        return lambda cls: cls == "Person"
    if pronoun == "which":
        return lambda cls: cls != "Person"
    return lambda cls: True


def _anaphora(doc: Doc, taken: set[int], named: list[Found] = (),  # type: ignore[assignment]
              lexicon: Lexicon | None = None) -> list[Found]:
    """"he", "her", "its", "the company", "I": mentions whose entity the resolver finds.

    ``named``: the names found so far; an "it" or "its" that continues a place, a product
    or a work (:func:`_topic_elsewhere`) is none of them.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()('I moved to Boston. "We won," she said.')
    >>> [(f.text, f.cls, f.author) for f in _anaphora(doc, set())]
    [('I', 'Person', True), ('she', 'Person', False)]
    """
    out = []
    quoted = _quoted(doc)
    classes = {i: f.cls for f in named for i in range(f.start, f.end)}
    loose = _loose_subjects(doc, taken)  # the last before a person pronoun is its :attr:`Found.loose_subject`
    speakers = _speakers(doc, quoted)
    first_name = next((t.i for t in doc if t.pos_ == "PROPN" and t.dep_ in {"nsubj", "nsubjpass"}),
                      len(doc))
    for token in doc:
        if token.i in taken:
            continue
        lower = token.lower_
        author = _AUTHOR_CLASS.get(lower)
        if author is not None and token.pos_ == "PRON" and token.i not in quoted \
                and not _regnal(token):
            out.append(replace(_found(doc[token.i:token.i + 1], author, 0.0, None, anaphor=True),
                               author=True))
        elif lower in PERSON_PRONOUNS and token.pos_ == "PRON":
            out.append(replace(_found(doc[token.i:token.i + 1], "Person", 0.0, None, anaphor=True),
                               after_name=token.i > first_name,
                               loose_subject=loose[bisect(loose, (token.i,)) - 1]
                               if loose and loose[0][0] < token.i else None,
                               objective=lower in _OBJECT_PRONOUNS and token.dep_ in _OBJECT_DEPS,
                               apart=frozenset(_quote_speaker(token, speakers) if token.i in quoted else ()),
                               clause_subject=_clause_subject(token) if token.dep_ == "poss" else None))
        elif (lower == "its" or (lower == "it" and token.dep_ in {"nsubj", "nsubjpass"}
                                 and not _expletive(token) and token.i not in quoted)) \
                and token.pos_ == "PRON" and not _topic_elsewhere(token, taken, classes, lexicon):
            out.append(replace(_found(doc[token.i:token.i + 1], "Organization", 0.0, None,
                                      anaphor=True), after_name=token.i > first_name,
                               clause_subject=_clause_subject(token) if token.dep_ == "poss" else None,
                               nominal_subject=_nominal_subject(token, taken)))
        elif (lower in ORGANIZATION_ANAPHORA and token.i > 0
              and doc[token.i - 1].lower_ in {"the", "that", "this"}
              and not (token.i + 1 in taken and doc[token.i + 1].pos_ == "PROPN")):  # "the firm Solberg Arkitekter"
            out.append(_found(doc[token.i - 1:token.i + 1], "Organization", 0.0, None, anaphor=True))
    return out


#: Pronouns and dependencies of a person who is a verb's or a preposition's object ("appointed him").
_OBJECT_PRONOUNS = frozenset({"him", "her"})
_OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj"})


def _loose_subjects(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """The proper nouns that are a main (or reported) clause's subject and no name found
    (``taken``: names' tokens), each with the end of its phrase, in text order: "Hester will
    take over from John Ritblat, as soon as he is able" (NER found no Hester: "he" is
    likelier Hester than Ritblat).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Hester will take over from John Ritblat when he is able.")
    >>> _loose_subjects(doc, {5, 6}), _loose_subjects(doc, {0, 5, 6})
    ([(0, 1)], [])
    """
    return [(t.i, t.right_edge.i + 1) for t in doc
            if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ in {"ROOT", "ccomp", "conj", "parataxis"}
            and (t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.is_title))  # "Hester" tagged a noun
            and not (t.lower_ in common_nouns() and (t.pos_ == "NOUN" or t.is_sent_start))  # "Trusts for"
            and not any(g.i in taken for g in t.subtree)  # nor the rest of a name found in part
            and not taken & {t.i - 2, t.i - 1, t.i + 1}]  # ("Lula da Silva")


def _speakers(doc: Doc, quoted: set[int]) -> list[int]:
    """The subjects of "said", "told" ... outside quotation marks (``quoted``), in text order."""
    return [t.i for t in doc if t.i not in quoted and _speaker(t)]


def _quote_speaker(pronoun: Token, speakers: list[int]) -> tuple[int, ...]:
    """Who speaks the quotation ``pronoun`` is in, whom a "he" or "she" in it is not (the speaker
    says "I"): a speaker in its sentence, else the last in the three sentences before ('"It was
    hard," he said. "He helped me a lot."': the second "He" is not the first "he").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()('"It was hard," Ann Roe said. "She helped me a lot."')
    >>> [doc[i].text for i in _quote_speaker(doc[10], _speakers(doc, _quoted(doc)))]
    ['Roe']
    """
    doc, sentence = pronoun.doc, pronoun.sent
    own = [i for i in speakers if sentence.start <= i < sentence.end]
    if own:
        return (own[0],)
    start = sentence.start
    for _ in range(3):
        if start > 0:
            start = doc[start - 1].sent.start
    before = [i for i in speakers if start <= i < sentence.start]
    return (before[-1],) if before else ()


def _nominal_subject(it: Token, taken: set[int]) -> tuple[int, int, int] | None:
    """The subject of the main clause before ``it`` (in its sentence, else the one before),
    if that is a common noun naming nothing found (``taken``) and no word that refers back
    to an organisation ("the company"): "With help from the Rift Council, the society cut
    its costs. It ...": "its" and "It" are the society, whichever it is, not the council.
    Returns its token and the bounds of its phrase.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("With help from the Rift Council, the society cut its costs. It grew.")
    >>> _nominal_subject(doc[10], {4, 5}), _nominal_subject(doc[13], {4, 5})
    ((8, 7, 9), (8, 7, 9))
    """
    doc = it.doc
    for sentence in (it.sent, doc[it.sent.start - 1].sent if it.sent.start > 0 else None):
        if sentence is None:
            return None
        subject = next((c for c in sentence.root.children
                        if c.dep_ in {"nsubj", "nsubjpass"} and c.i < it.i), None)
        if subject is not None:
            named = subject.pos_ != "NOUN" or subject.i in taken or subject.lower_ in ORGANIZATION_ANAPHORA
            return None if named else (subject.i, subject.left_edge.i, subject.right_edge.i + 1)
    return None


def _topic_elsewhere(it: Token, taken: set[int], classes: dict[int, str], lexicon: Lexicon | None = None) -> bool:
    """Whether "it" or "its" continues the subject of the sentences before, and that is a
    place, a product or a work, not an organisation named in passing ("Dunmore is a village
    run by Dunmore Holdings. It is a suburb of Albany"; "Harbor Nights is a novel published by
    Dell Books. It is the fourth book ...").

    The nearest earlier sentence whose subject is a name decides (``taken``: tokens of
    names, works' among them; ``classes``: token -> the class of the name found on it), or
    a name NER missed with what the copula says it is ("Fernhill is a hamlet": ``lexicon``'s
    head nouns); a person there decides nothing ("Ann Lee founded Acme. It sells tea": Acme).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Harbor Nights is a novel published by Dell Books. It is her fourth book.")
    >>> _topic_elsewhere(doc[10], {0, 1}, {7: "Organization", 8: "Organization"})
    True
    >>> _topic_elsewhere(doc[10], set(), {0: "Organization", 1: "Organization"})
    False
    """
    doc = it.doc
    sentence = it.sent
    while sentence.start > 0:
        sentence = doc[sentence.start - 1].sent
        subject = next((t for t in sentence.root.children if t.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.i not in classes and subject.i not in taken \
                and (subject.pos_ == "PROPN" or subject.is_title) and lexicon is not None:  # a name NER missed:
            said = next((noun_class(c, lexicon) for c in sentence.root.children  # "Fernhill is a hamlet"
                         if c.dep_ == "attr" and sentence.root.lemma_ == "be"), None)
            if said is not None:
                return said not in {"Organization", "Person"}
        if subject is None or (subject.i not in classes and subject.i not in taken):
            continue  # no subject, or no name: "The population was 7,000", "It has a school"
        return classes.get(subject.i) not in {"Organization", "Person"}  # None: a work's name
    return False


def _clause_subject(token: Token) -> int | None:
    """The head of the subject of ``token``'s own clause, if it comes before ``token``.

    A possessive "its" is its clause's subject's when that can be its
    ("AMD sells chips, and Microsoft uses them in its data centers": Microsoft's).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("AMD sells chips, and Microsoft uses them in its data centers.")
    >>> doc[_clause_subject(doc[10])].text
    'Microsoft'
    """
    verb = token.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject.i if subject is not None and subject.i < token.i else None


def _regnal(token: Token) -> bool:
    """"Carol I", "World War I": a capital I right after a name is a numeral, not the author.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Carol I was king. Then I left.")
    >>> [_regnal(t) for t in doc if t.text == "I"]
    [True, False]
    """
    if token.text != "I" or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return token.ent_iob_ == "I" or (before.is_title and before.pos_ == "PROPN"
                                     and before.ent_type_ not in {"DATE", "TIME"})


def _expletive(it: Token) -> bool:
    """"It is time to go", "it seems that": an "it" that stands for no thing."""
    for child in it.head.children:
        if child.dep_ in {"ccomp", "xcomp", "csubj"}:
            return True
        if child.dep_ in {"acomp", "attr"} and any(  # "it is time to go", "it is hard to say"
                g.dep_ in {"xcomp", "ccomp", "relcl", "acl"} and any(a.lower_ == "to" for a in g.children)
                for g in child.children):
            return True
    return False


_OPEN_QUOTES, _CLOSE_QUOTES = frozenset({"“", "``", "`"}), frozenset({"”", "''"})
_QUOTES = frozenset({'"'})


def _quoted(doc: Doc) -> set[int]:
    """Indices of the tokens inside quotation marks (a blank line closes a quote).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()('He said: "I won." I agree.')
    >>> [doc[i].text for i in sorted(_quoted(doc))]
    ['I', 'won', '.']
    """
    inside, out = False, set()
    for token in doc:
        text = token.text
        if not inside and (text in _OPEN_QUOTES or text in _QUOTES):
            inside = True
            continue
        if inside and (text in _CLOSE_QUOTES or text in _QUOTES or text == "'"):
            inside = False
            continue
        if inside:
            out.add(token.i)
            inside = "\n\n" not in token.text_with_ws
    return out


def _found(span: Span, cls: str, weight: float, canonical: str | None,
           anaphor: bool = False) -> Found:
    return Found(span.start, span.end, span.start_char, span.end_char, span.text, cls,
                 weight, canonical, anaphor, _salient(span.root), span.root.sent.start,
                 speaker=_speaker(span.root))


#: Verbs that report speech: their subject is the speaker, not what was spoken of.
_SPEECH_VERBS = frozenset({"say", "tell", "add", "announce", "state", "note", "explain", "comment", "remark"})


def _speaker(token: Token) -> bool:
    """Whether ``token`` is the subject of a verb that reports speech ("..., Ann Roe said").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()('"We won," said Ann Roe. Ann Roe won.')
    >>> _speaker(doc[7]), _speaker(doc[10])
    (True, False)
    """
    return token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_ in _SPEECH_VERBS


def _salient(token: Token) -> int:
    """Subjects, and possessors of subjects ("the company's plans"), are what pronouns recall:
    2 for the main clause's, 1 for another clause's ("a show about which Roberta Smith
    wrote"), 0 for the rest.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Ann Lee won a prize, which Bob Roe praised.")
    >>> _salient(doc[1]), _salient(doc[8]), _salient(doc[4])
    (2, 1, 0)
    """
    if token.dep_ == "poss":
        token = token.head
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return 0
    return 2 if token.head.dep_ == "ROOT" else 1


def _pieces(ent: Span, known: Callable[[str], bool] = lambda text: False) -> list[Span]:
    """Split a span at possessives, conjunctions and commas; trim each piece.

    An ampersand joins one name ("Procter & Gamble"), unless a name on either
    side of it is one the gazetteer knows (``known``: "Amazon & Google" is two).

    After a possessive only a proper-noun piece stays ("Amazon's AI" keeps
    "Amazon"; "Amazon's Kuiper" keeps both).
    """
    pieces, start, after_possessive = [], ent.start, False
    doc = ent.doc
    for i in range(ent.start, ent.end + 1):
        token = doc[i] if i < ent.end else None
        cut = token is None or (token.tag_ == "POS" and not _named_possessive(doc, start, i, ent.end)) \
            or (token.dep_ == "cc" and not (token.is_title and ent.label_ == "PERSON")  # "Mohammed Nor Yusof"
                and (token.text != "&" or _listed(doc, start, i, ent.end, known))
                and not _of_pair(doc, start, i, ent.end, known) and not _field_and_body(doc, start, i, ent.end, known)) \
            or token.text in {",", ";"} or (token.text in {"(", ")"} and not _parenthesised_abbreviation(doc, i, ent.start, ent.end))
        if not cut:
            continue
        piece = _trim(doc[start:i])
        if piece is not None and (not after_possessive or piece.root.pos_ == "PROPN"):
            if _is_name(piece):
                pieces.append(piece)
        after_possessive = token is not None and token.tag_ == "POS"
        start = i + 1
    return pieces


def _of_pair(doc: Doc, start: int, i: int, end: int, known: Callable[[str], bool]) -> bool:
    """Whether the conjunction at ``i`` joins two words after the name's "of" or "for", the
    second its last word: "University of Science and Technology", "Ministry of Trade and
    Industry" are one name; "Bank of America and Citigroup" (a known name) is two. After a
    body's noun (``ontology/words.toml`` ``of_pair_bodies``) the second may be up to three
    words: "Department of Health and Human Services".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("She studied at the Kessary University of Science and Technology.")
    >>> _of_pair(doc, 4, 9, 11, lambda text: False)
    True
    >>> doc = load_nlp()("He worked at the Department of Health and Human Services.")
    >>> _of_pair(doc, 3, 7, 10, lambda text: False)
    True
    """
    left = doc[i].head
    if not (left.dep_ == "pobj" and left.head.lower_ in {"of", "for"} and start <= left.head.i < i):
        return False
    rest = doc[i + 1:end]
    if len(rest) == 1:
        return not known(rest.text)
    # "Department of Health and Human Services": a body's noun before "of" keeps a longer pair
    body = doc[left.head.i - 1].lower_ if left.head.i > start else ""
    return body in OF_PAIR_BODIES and 2 <= len(rest) <= 3 and all(t.is_title and t.is_alpha for t in rest) \
        and not known(rest.text)


def _field_and_body(doc: Doc, start: int, i: int, end: int, known: Callable[[str], bool]) -> bool:
    """Whether the conjunction at ``i`` joins a field's one word to a body's name, all one name:
    "the Transport and General Workers Union", "Science and Technology Facilities Council" (a
    word of English no name holds before it, a body's noun ending the name: ``of_pair_bodies``);
    not "Apple and Google Cloud" nor "Ford and General Motors".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He joined the Transport and General Workers Union.")
    >>> _field_and_body(doc, 2, 4, 8, lambda text: False)
    True
    """
    before = [t for t in doc[start:i] if t.lower_ != "the"]
    return len(before) == 1 and before[0].is_title and before[0].lower_ in common_nouns() \
        and not known(before[0].text) and doc[end - 1].lower_ in OF_PAIR_BODIES | {"union", "unions"}


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
    ``possessed_businesses``), not "Amazon's Kuiper".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Tomas Varga joined the Karelian Workers' Party, not Amazon's Kuiper.")
    >>> [_named_possessive(doc, 4, i, 8) for i in range(len(doc)) if doc[i].tag_ == "POS"]
    [True, False]
    """
    possessor = doc[i - 1] if i > start else None
    owned = i + 1 < end and (doc[i + 1].is_title or doc[i + 1].is_upper)
    opening = next((t for t in doc[start:i] if t.lower_ != "the"), None)
    return possessor is not None and owned and (
        possessor.lower_ in NAME_POSSESSORS or (opening is not None and opening.lower_ in SAINT_WORDS)
        or (i + 2 == end and doc[i + 1].lower_ in POSSESSED_BUSINESSES))  # "Sam's Club"


def _listed_class(pieces: list[Span], lexicon: Lexicon) -> str | None:
    """The class the gazetteer gives the names of a list NER read as one name.

    In "Siri and Apple Maps" the gazetteer knows Siri, a product; Apple Maps,
    listed with it, is one too. Pieces split at a possessive are no list.

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Apple runs core services such as Siri and Apple Maps.")
    >>> [(f.text, f.cls) for f in find_mentions(doc, load_lexicon()) if "Maps" in f.text]
    [('Apple Maps', 'Product')]
    """
    if len(pieces) < 2:
        return None
    doc = pieces[0].doc
    for a, b in zip(pieces, pieces[1:]):
        if any(t.tag_ == "POS" or t.text not in {",", "and", "or"} for t in doc[a.end:b.start]):
            return None
    classes = {known.cls for p in pieces for known in [lexicon.known(p.text)] if known is not None}
    return classes.pop() if len(classes) == 1 else None


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].pos_ in {"DET", "PUNCT"} or doc[start].lower_ == "the"):
        start += 1
    while end > start and (doc[end - 1].pos_ == "PUNCT" or doc[end - 1].tag_ == "POS"):
        end -= 1
    return doc[start:end] if end > start else None


def _is_name(span: Span) -> bool:
    """A name has a capital or a digit, a letter, and is not a known non-name
    nor a company suffix alone (the "Inc." of "Geeknet, Inc.", split at its comma)."""
    text = span.text
    if text.lower().replace("’", "'") in NOT_NAMES or not any(c.isalpha() for c in text):
        return False
    if text.lower().rstrip(".") in COMPANY_SUFFIXES:
        return False
    return any(c.isupper() or c.isdigit() for c in text)


def _without_role(span: Span) -> Span:
    """A person's name without the role NER took into it: "Striker Tomas Berg" is Tomas Berg
    (``ontology/words.toml`` ``roles_before_names``), "Ms Berg" is Berg (``courtesy_titles``);
    the role still votes the name a person's.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Striker Tomas Berg scored, Ms Berg said.")
    >>> _without_role(doc[0:3]).text, _without_role(doc[1:3]).text, _without_role(doc[5:7]).text
    ('Tomas Berg', 'Tomas Berg', 'Berg')
    """
    if len(span) > 2 and span[0].lower_ in ROLES_BEFORE_NAMES and span[0].is_title and span[1].ent_type_ == "PERSON":
        return span.doc[span.start + 1:span.end]
    if len(span) > 1 and span[0].lower_.rstrip(".") in COURTESY_TITLES and span[1].is_title:
        return span.doc[span.start + 1:span.end]  # "Ms Fitzgerald" is Fitzgerald, whom "Celine Fitzgerald" names
    if len(span) > 2 and span[0].ent_type_ == "PERSON" and is_place(span[0].text) \
            and span[0].text not in given_names() and all(t.is_title for t in span[1:]):
        return span.doc[span.start + 1:span.end]  # "an MP from Odisha Ashwini Vaishnaw": the state is his seat
    return span


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
            or rest[-1].lower_ in ORGANIZATION_WORDS or lexicon.known(span.text) is not None:
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
    if span[0].ent_type_ not in {"GPE", "LOC"} or not is_place(span.text):
        return False
    if span.start > 0 and doc[span.start - 1].lower_ in {"in", "to", "near"}:
        return True
    after = doc[span.end:span.end + 2]
    return len(after) == 2 and after[0].text == "," and (known := lexicon.known(after[1].text)) is not None \
        and known.cls == "Place"


def _without_opener(span: Span) -> Span:
    """A name without the word of time or standing NER took into it ("Longtime Kessel
    Group", "Outgoing Vireo Bank": ``ontology/words.toml`` ``name_openers``).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Outgoing Kessel Group boss Ann Lee spoke.")
    >>> _without_opener(doc[0:3]).text
    'Kessel Group'
    """
    if len(span) > 1 and span[0].lower_ in NAME_OPENERS and span[1].is_title:
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
    """One word that is a place's common noun or a direction, which names nothing alone:
    "River" in "Hollis of the River", "Central" cut from "Central and South America".

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("They sailed up the River to Central Park.")
    >>> _common_word(doc[4:5], load_lexicon()), _common_word(doc[6:8], load_lexicon())
    (True, False)
    """
    word = span[0].lower_
    return len(span) == 1 and (word in GENERIC or lexicon.head_nouns.get(word) == "Place")


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
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w'-]*", span.text)]
    words = [w for w in words if w not in _CONNECTIVES]
    if not words or words[-1] not in FIELD_WORDS:
        return False
    if any(w in OF_PAIR_BODIES or lexicon.head_nouns.get(w) == "Organization" for w in words):
        return False  # "Ministry of Co-operatives"
    return all(w in FIELD_WORDS or w in FIELD_MODIFIERS for w in words[:-1])


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
    Corporation of Canada" is Power Corporation of Canada (title words, then "of").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He is Co-Chief Executive Officer of Kestrel Corporation.")
    >>> _after_title(doc[2:10], {"co", "chief", "executive", "officer"}).text
    'Kestrel Corporation'
    """
    of = next((t.i for t in span if t.lower_ == "of"), None)
    if of is None or of == span.start or of + 1 >= span.end:
        return span
    return span.doc[of + 1:span.end] if _all_title(span.doc[span.start:of], title_words) else span


def _all_title(span: Span, title_words: frozenset[str] | set[str]) -> bool:
    """A name of title words alone is a title: "Co-Chief Executive Officer", "Knight" (NER:
    organisations); not "Chief Keef", "General Motors" nor "U.S.".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He is Co-Chief Executive Officer of General Motors in the U.S.")
    >>> words = {"co", "chief", "executive", "officer", "general"}
    >>> _all_title(doc[2:7], words), _all_title(doc[8:10], words), _all_title(doc[12:13], words)
    (True, False, False)
    """
    words = [w for t in span for w in t.lower_.split("-") if w.isalpha()]
    return bool(words) and len(words) == sum(1 for t in span for w in t.lower_.split("-") if w) \
        and all(w in title_words for w in words)


def _initialism(text: str) -> bool:
    """One word of capitals: "OFLC", "EMAP". NER calls some people; CoNLL04 train and dev
    has 248 such organisations, 136 places and 3 people.

    >>> [_initialism(t) for t in ("OFLC", "AT&T", "J.R.", "Ian", "JOHN SMITH", "X")]
    [True, True, False, False, False, False]
    """
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and " " not in text and "." not in text and all(c.isupper() for c in letters)


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
        return not organisation and not place and not any(c.dep_ == "det" for c in root.children)
    return (prep.lower_ == "of" and title.lower_ in titles
            and any(c.dep_ == "poss" for c in title.children))


def _head_noun_names(doc: Doc, lexicon: Lexicon, taken: set[int]):  # type: ignore[no-untyped-def]
    """Names NER missed that modify a head noun: "Trainium2 chip", "M-series chipsets"; a
    place's noun in capitals ends its name ("Kessel Square"; "the Hudson river" is "Hudson")."""
    for head in doc:
        cls = lexicon.head_nouns.get(head.lower_)
        if cls is None or head.pos_ not in {"NOUN", "PROPN"}:
            continue
        start = head.i
        while start > 0 and _modifies(doc[start - 1], head, doc):
            start -= 1
        while start < head.i and not _looks_like_name(doc[start]):
            start += 1
        if start == head.i or any(i in taken for i in range(start, head.i)):
            continue
        span = doc[start:head.i]
        if cls not in MODIFIER_CLASSES or (span[0].ent_type_ == "NORP" and lexicon.known(span[0].text)):
            continue  # "a Chicago company", "the Spanish city": where or whose, not which
        if _is_name(span) and span[0].pos_ not in {"DET", "PRON"}:
            if cls == "Place" and head.is_title:
                span = doc[start:head.i + 1]  # "Varrick Bridge", "Kessel Square": the noun is the name's
            taken.update(range(span.start, span.end))
            yield span, cls


def _kin_names(doc: Doc, lexicon: Lexicon, taken: set[int]) -> Iterator[Span]:
    """People NER missed after "son of", "wife of" (:func:`kg.extract.classes.kin_of`):
    two or more capitalised proper nouns, and each listed after them.

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("She was the daughter of Anders Brun and Sofie Krag.")
    >>> [s.text for s in _kin_names(doc, load_lexicon(), set())]
    ['Anders Brun', 'Sofie Krag']
    """
    for of in doc:
        if of.lower_ != "of" or of.head.lower_ not in lexicon.kin_titles:
            continue
        for noun in (c for c in of.children if c.dep_ == "pobj"):
            for root in (noun, *(c for c in noun.subtree if c.dep_ == "conj" and c.head.i >= noun.i)):
                start = root.i
                while start > 0 and doc[start - 1].dep_ in {"compound", "flat"} \
                        and doc[start - 1].head.i == root.i:
                    start -= 1
                span = doc[start:root.i + 1]
                if len(span) >= 2 and all(t.pos_ == "PROPN" and t.is_title for t in span) \
                        and not any(t.i in taken for t in span):
                    yield span


def _described_names(doc: Doc, lexicon: Lexicon, taken: set[int]) -> Iterator[tuple[Span, str]]:
    """Proper nouns NER missed that a noun in apposition after them says what they are:
    "Quantix, a startup spun out of Stanford" is an organisation (the noun's ``kg:headNoun``
    class; a work's noun, "Dark Harbor, a novel", names nothing the ontology holds).

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Quantix, a startup spun out of Stanford University, raised money.")
    >>> [(f.text, f.cls) for f in find_mentions(doc, load_lexicon())]
    [('Quantix', 'Organization'), ('Stanford University', 'Organization')]
    """
    for token in doc:
        if token.pos_ != "PROPN" or not token.is_title or token.i in taken or token.dep_ in {"compound", "flat"}:
            continue
        classes = [noun_class(c, lexicon) for c in token.children
                   if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > token.i]
        cls = next((c for c in classes if c), None)
        if cls is None or cls == WORK:
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ in {"compound", "flat"} and doc[start - 1].head.i == token.i \
                and doc[start - 1].pos_ == "PROPN":
            start -= 1
        span = doc[start:token.i + 1]
        if not any(i in taken for i in range(start, token.i + 1)) and _is_name(span):
            yield span, cls


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
    text = token.text
    return text[:1].isupper() or any(c.isdigit() for c in text)
