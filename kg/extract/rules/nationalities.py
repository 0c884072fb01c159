"""``rule:nationality``: a demonym before a person's role.

"X is a Belgian engineer", "X, an American businessman", "Brazilian midfielder X", "Serbian
Dragan Popadic": the
demonym's country (a city or a region before a role is where the person lives, ``livesIn``:
"a Madrid architect", "Denver lawyer Tom Reyes"; before an office it is the office's, and
states nothing: "Connecticut State Treasurer", ``offices``; a country's name before a coach or a manager,
``staff_titles``, is its national team's: "Japan coach Ken Sato"; before a firm's post it is the
post's region: "China managing partner Larry Kwok"); so is a country's "'s" on a
person or a role ("Italy's Ann Roy", "Ann Roy, Italy's trade minister").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from kg.extract.mentions import _title_words
from kg.extract.places import is_place, us_states
from kg.extract.rules.args import arg, confidence, is_country, negated, relation
from kg.registry import extractors
from kg.types import Relation

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kg.extract.context import DocContext
    from kg.extract.rules.args import Arg
    from kg.lexicon import PropertySpec


@extractors.register("nationality")
def nationalities(ctx: DocContext) -> Iterator[Relation]:
    """Nationalities stated by demonyms, sentence by sentence."""
    spec = ctx.lexicon.properties.get("nationality")
    if spec is None:
        return
    conf = confidence(ctx, "nationality")
    staff_titles = ctx.lexicon.words.rules.get("staff_titles", frozenset())
    for sent in ctx.sentences:
        for token in ctx.named_tokens(sent):
            place = arg(ctx, token)
            if place is None or place.cls != "Place":
                continue
            if _of_origin(token):
                continue  # "an Indian-origin activist born in Durban": ancestry, no nationality
            owner = token.dep_ == "poss" and is_country(ctx, place)  # "Italy's", not "Leeds's"
            if token.dep_ in {"acomp", "attr"} and token.head.lemma_ == "be" and _demonym(ctx, token, place):
                yield from _said_of(ctx, spec, token, place, sent, conf)  # "He is Danish"
                continue
            if token.dep_ not in {"amod", "compound", "nmod"} and not owner:
                continue
            if _after_to(ctx, token):
                continue  # "India's Ambassador to the US Harsh Shringla": where he is sent, not his country
            if not owner and _opens_a_name(ctx, token):
                continue  # "British Salt chief executive officer Bill Thompson": the company's word
            stated = spec
            role_words = {t.lower_ for t in ctx.doc[token.i + 1:token.head.i + 1]}
            if role_words & ctx.lexicon.words.rules["team_nouns"]:
                continue  # "Brazilian side Madureira", however the parser hangs it: the team's
            if not owner and role_words & ctx.lexicon.words.rules.get("regional_post_words", frozenset()) \
                    and not _demonym(ctx, token, place):
                continue  # "China managing partner Larry Kwok": the firm's China practice, no nationality
            if token.head.lower_ in staff_titles and not _demonym(ctx, token, place):
                continue  # "Japan coach Ken Sato", "Egypt's previous coach": the national team's, of any nationality
            if not owner and token.head.lower_ in ctx.lexicon.words.rules.get("offices", ()) \
                    and ctx.text[place.start_char:place.end_char].casefold() in us_states():
                continue  # "former Georgia Governor Jimmy Carter": the state's office, not the country
            if not owner and not _demonym_or_country(ctx, token, place):
                stated = ctx.lexicon.properties.get("livesIn")  # "a Madrid architect": home, no nationality
                area = token.head.lower_ == "area" and token.head.i + 1 < len(ctx.doc)
                role = ctx.doc[token.head.i + 1] if area else token.head  # "Toronto-area MP": the MP's
                if stated is None or _an_office(ctx, role) \
                        or role.lower_ in ctx.lexicon.words.rules.get("candidate_titles", ()) \
                        or role.lower_ in _COUNTERPARTS \
                        or token.lower_ in ctx.lexicon.words.rules.get("not_homes", ()) \
                        or not is_place(ctx.text[place.start_char:place.end_char]):
                    # "Connecticut State Treasurer": the office's place; "Cairns Airport CEO"; "Olympic cyclist";
                    continue  # "Morena candidate Delfina Gomez": a party or a seat; "his Voi counterpart": the seat
            noun = token.head
            named = arg(ctx, noun)
            if named is not None:  # a name ("San Fernando", "Chhattisgarh"), not a role
                between = {t.lower_ for t in ctx.doc[token.i + 1:noun.i] if t.idx < named.start_char}
                if owner and between & staff_titles and not _demonym(ctx, token, place):
                    continue  # "Sri Lanka's former Head Coach Mickey Arthur": the national team's
                if owner and _a_body_between(ctx, token, named):
                    continue  # "Brazil's Banco Bradesco SA Chief Executive Luiz Trabuco": the bank's country
                if named.cls == "Person" and (owner or (
                        named.start_char == token.idx + len(token.text) + 1 and _demonym(ctx, token, place))):
                    yield relation(ctx, spec, named, place, sent, "nationality", conf)  # "Italy's Ann Roy", "German Ann Roy"
                continue
            if owner and noun.pos_ == "PROPN" and noun.ent_type_:
                continue  # "Nigeria's Ann Roy, Ivory Coast's Sanga Kone": a name kg missed, no role of Ann Roy's
            if not owner and noun.pos_ == "PROPN" and noun.is_title and not _a_role(ctx, noun):
                continue  # "Norfolk - Virginia Beach (Hampton Roads)": a name kg missed, no role
            people = [a for c in noun.children if c.dep_ == "appos"  # "its German chairman Tom Berg"
                      for a in [arg(ctx, c)] if a and a.cls == "Person"]
            if people:
                pass
            elif noun.dep_ in {"compound", "nmod"} and noun.head.i > noun.i:  # "Brazilian midfielder Lucas Prado"
                people = [a for a in [arg(ctx, noun.head)] if a and a.cls == "Person"]
            elif noun.dep_ in {"attr", "appos"} or noun.head.dep_ == "appos":
                holder = noun.head
                if noun.dep_ == "attr":
                    holder = next((c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}), holder)
                people = [a for a in [arg(ctx, holder)] if a and a.cls == "Person"]
            for person in people:
                yield relation(ctx, stated, person, place, sent, "nationality", conf)


def _of_origin(token: Token) -> bool:
    """Whether a demonym is joined by a hyphen to a word of ancestry: "an Indian-origin activist",
    "a Chinese-descent engineer" (and "Indian-orgin", as a source spelled it).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Mr. Naidoo, an Indian-origin activist, met an Indian engineer.")
    >>> [_of_origin(t) for t in doc if t.text == "Indian"]
    [True, False]
    """
    doc, k = token.doc, token.i
    return k + 2 < len(doc) and doc[k + 1].text == "-" and not token.whitespace_ \
        and doc[k + 2].lower_ in _ANCESTRY


#: A role named by another holder's place ("his Voi counterpart Jones Mlolwa"): the seat, no home.
_COUNTERPARTS = frozenset({"counterpart", "counterparts"})
#: Words of ancestry a demonym is hyphened to.
_ANCESTRY = frozenset({"origin", "orgin", "descent", "heritage", "ancestry", "descended"})


def _a_body_between(ctx: DocContext, token: Token, named: Arg) -> bool:
    """Whether an organisation's name stands between a country's "'s" and a person's name: the
    country is the organisation's ("Brazil's Banco Bradesco SA Chief Executive Luiz Trabuco")."""
    doc = token.doc
    return any(hit is not None and hit.cls == "Organization"
               for t in range(token.i + 1, len(doc)) if doc[t].idx < named.start_char
               for hit in [ctx.resolved.by_token.get(t)])


def _said_of(ctx: DocContext, spec: PropertySpec, token: Token, place: Arg, sent: Span,
             conf: float) -> Iterator[Relation]:
    """The nationality a demonym after "is" gives the copula's subject, a person: "He is Danish",
    "Ann Lee was German"; not "He is not Danish", "The firm is Danish"."""
    verb = token.head
    if negated(ctx, verb):
        return
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        person = arg(ctx, subject)
        if person is not None and person.cls == "Person":
            yield relation(ctx, spec, person, place, sent, "nationality", conf)


def _after_to(ctx: DocContext, token: Token) -> bool:
    """Whether a place comes right after an envoy's "to" or "to the" (``words.toml``
    ``envoy_nouns``): the place the envoy is sent to ("Ambassador to the US Harsh Shringla"),
    none of his.

    >>> from types import SimpleNamespace
    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("India's Ambassador to the US Harsh Shringla wrote to US President Ann Roe.")
    >>> ctx = SimpleNamespace(doc=doc, lexicon=load_lexicon())
    >>> _after_to(ctx, doc[5]), _after_to(ctx, doc[10])
    (True, False)
    """
    doc, i = ctx.doc, token.i
    to = i - 1 if i >= 1 and doc[i - 1].lower_ == "to" else i - 2 if (
        i >= 2 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ == "to") else None
    envoys = ctx.lexicon.words.rules.get("envoy_nouns", frozenset())
    return to is not None and to >= 1 and doc[to - 1].lower_ in envoys  # not "his credentials to US President X"


def _an_office(ctx: DocContext, role: Token) -> bool:
    """Whether a role is an office held for a place (``words.toml`` ``offices`` and
    ``public_offices``, short or not): the place before it is the office's, no home ("Texas
    Gov. Greg Abbott", "Manila apostolic administrator Bishop Ann Roy").

    >>> from types import SimpleNamespace
    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Texas Gov. Greg Abbott met Denver lawyer Tom Reyes.")
    >>> ctx = SimpleNamespace(lexicon=load_lexicon())
    >>> _an_office(ctx, doc[1]), _an_office(ctx, doc[6])
    (True, False)
    """
    rules = ctx.lexicon.words.rules
    word = role.lower_.rstrip(".")
    return word in rules.get("offices", ()) or word in rules.get("public_offices", ())


def _a_role(ctx: DocContext, noun: Token) -> bool:
    """Whether a capitalised noun is a title, an office or an honorific ("Gov.", "Representative").

    >>> from types import SimpleNamespace
    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> ctx = SimpleNamespace(lexicon=load_lexicon())
    >>> doc = load_nlp()("Illinois Gov. Jim Day met a Representative at Virginia Beach.")
    >>> _a_role(ctx, doc[1]), _a_role(ctx, doc[6]), _a_role(ctx, doc[9])
    (True, True, False)
    """
    from kg.extract.classes import HONORIFICS

    word = noun.lower_.rstrip(".")
    return word in _title_words(ctx.lexicon) or word in HONORIFICS \
        or word in ctx.lexicon.words.rules.get("offices", ())


def _opens_a_name(ctx: DocContext, token: Token) -> bool:
    """Whether the demonym is the first word of a name: a capitalised proper noun that is no
    title's word nor an honorific follows it ("British Salt", "Indian Oil"; not "British Prime
    Minister", "German Chancellor").

    >>> from types import SimpleNamespace
    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> ctx = SimpleNamespace(lexicon=load_lexicon())
    >>> doc = load_nlp()("British Salt chief Bill Thompson met British Prime Minister Ann Lee.")
    >>> _opens_a_name(ctx, doc[0]), _opens_a_name(ctx, doc[5])
    (True, False)
    """
    from kg.extract.classes import HONORIFICS

    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    named = ctx.resolved.by_token.get(token.i + 1) if hasattr(ctx, "resolved") else None
    if named is not None and named.cls == "Person":
        return False  # "Serbian Dragan Popadic", a name NER missed and kg found
    return after is not None and after.pos_ == "PROPN" and after.is_title and not after.ent_type_ == "PERSON" \
        and after.lower_ not in _title_words(ctx.lexicon) and after.lower_.rstrip(".") not in HONORIFICS


def _demonym_or_country(ctx: DocContext, token: Token, place: Arg) -> bool:
    """Whether the place before a role is written as a demonym ("Belgian", "Welsh": NER's
    NORP, or another name of the place the gazetteer knows) or names a country.

    >>> from types import SimpleNamespace
    >>> from kg.extract.rules.args import Arg
    >>> from kg.lexicon import load_lexicon
    >>> ctx = SimpleNamespace(text="a Welsh singer, a Madrid architect", lexicon=load_lexicon(),
    ...                       resolved=SimpleNamespace(entities=[]))
    >>> token = SimpleNamespace(ent_type_="GPE")
    >>> welsh, madrid = Arg("x", "Place", 2, 7), Arg("y", "Place", 18, 24)
    >>> _demonym_or_country(ctx, token, welsh), _demonym_or_country(ctx, token, madrid)
    (True, False)
    """
    return _demonym(ctx, token, place) or is_country(ctx, place)


def _demonym(ctx: DocContext, token: Token, place: Arg) -> bool:
    """Whether the place is written as a demonym: "Japanese", not "Japan"."""
    written = ctx.text[place.start_char:place.end_char]
    known = ctx.lexicon.known(written)
    return token.ent_type_ == "NORP" or (known is not None and known.label != written)
