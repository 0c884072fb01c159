"""What a document's relations, taken together, rule out: applied once after every extractor.

A date property's value names a point in time (:func:`names_a_time`): "died
three years later" or "died aged 46" states no death date, whichever extractor
read it so.

``ontology/words.toml`` ``[rules] excludes`` lists pairs of properties "P Q":
when a sentence states P of two entities, the same sentence states Q of them
only with one of Q's own trigger words between the two names or on the parse
path between them. "Jane Doe was born in Mobile" gives ``bornIn`` and no
``livesIn``; "Jane Doe was born and raised in Mobile" gives both. ``chain_excludes``
lists "P Q R": P(x, y) and Q(y, z) in one document rule R(x, z) out (a parent's
spouse is no spouse). A demonym states a nationality only before a person's role
(:func:`roled`): "X is a Japanese anime film" says nothing of X's citizenship. A
classifier's leader of an organisation goes where a rule of the sentence named another
(:func:`titled_once`), and so does its post at an organisation another's title there names
(:func:`anothers_title`). A name in a dateline relates to nothing outside it (:func:`datelined`);
nor does the text's unnamed author, as a person, to itself as an organisation (:func:`between_authors`),
nor a place to a thing named as it (:func:`between_namesakes`), nor a model's relation a rule
states the other way round (:func:`one_way`). A date written in part where the document
writes it in full takes the full value (:func:`fullest_dates`). A part played is no
employer (:func:`unplayed`). A post a later sentence says was left is held before
(:func:`left_later`). A model reads nothing between a quotation and the names outside it
(:func:`unquoted`), nor kin between two names a possessive ties each to someone else
(:func:`kin_apart`) or a list holds together (:func:`not_listed_kin`), nor kin the kin noun
before a name contradicts (:func:`kin_as_named`).
Whoever appoints a person to a post at another organisation, and any council or committee
that appoints, is no employer of theirs (:func:`not_the_appointer`); a place before another's
name is not the subject's (:func:`not_anothers_place`). Two lists "respectively" pairs go in
order (:func:`respectively`). The posts of one the document says died are held before
(:func:`of_the_dead`). A pair a rule states as held before is so whatever else states it in
that sentence (:func:`former_alike`). A post at a school whose sentence tells only of study
there is study (:func:`studied_there`).

Examples
--------
>>> from kg.pipeline import extract
>>> from kg.types import Document
>>> graph = extract(Document.from_text("Jane Doe was born in Mobile, Alabama.", "x"))
>>> sorted({r.predicate for r in graph.relations})
['bornIn', 'locatedIn']
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable

from kg.extract.classes import noun_class
from kg.extract.classifier import triggered
from kg.extract.coreference import PERSON_POSSESSIVES
from kg.extract.nlp import MONTHS
from kg.extract.tokens import tokens_of
from kg.lexicon import load_words
from kg.types import Relation, changed

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kg.extract.context import DocContext


#: 1976, 1990s, '90s, 44 BC, the 15th century; not 2,000 or 10.5
_YEAR = re.compile(r"(?<![\d,.])\d{3,4}s?(?![\d,.]\d)|'\d0s|\d\s*(?:BCE?|AD|CE)\b|\bAD\s*\d|\bcentury\b",
                   re.IGNORECASE)

def names_a_time(text: str) -> bool:
    """Whether a date's text names a point in time: a year, a decade or a month,
    however partial (kg.ttl: birthDate "as written in the text (may be partial)"),
    not a span of time, an age or a season.

    >>> [names_a_time(t) for t in ("2 May 2018", "April", "the 1990s", "the 1982 season", "44 BC",
    ...                            "the 15th century")]
    [True, True, True, True, True, True]
    >>> [names_a_time(t) for t in ("three years", "46", "age 60", "a good winter season", "two months")]
    [False, False, False, False, False]
    """
    return bool(_YEAR.search(text)) or any(w in MONTHS for w in re.findall(r"[a-z]+", text.lower()))


def timed(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less the date properties' values that name no point in time, and the
    birth and death dates read from a range of years no life spans ("Lynn Harrell (1986 –
    1993)": a term; :func:`kg.extract.rules.lifespans.a_life`)."""
    dates = {name for name, spec in ctx.lexicon.properties.items() if spec.value_label == "DATE"}
    return [r for r in relations
            if not (r.predicate in dates and r.object_is_literal and not names_a_time(r.obj))
            and not (r.predicate in _LIFE_DATES and r.object_is_literal and _a_term(ctx.text, r.object_span))]


#: The properties a lifespan's range of years states.
_LIFE_DATES = frozenset({"birthDate", "deathDate"})


def _a_term(text: str, span: tuple[int, int]) -> bool:
    """Whether the date at ``span`` is one end of a range of years in parentheses too short or
    too long for a life: "(1986 – 1993)", not "(1874 – 1932)".

    >>> _a_term("Lynn Harrell (1986 – 1993) and Ann Lee (1874 – 1932)", (14, 18))
    True
    >>> _a_term("Lynn Harrell (1986 – 1993) and Ann Lee (1874 – 1932)", (41, 45))
    False
    """
    from kg.extract.rules.lifespans import lifelike, years

    opened, closed = text.rfind("(", 0, span[0]), text.find(")", span[1])
    if opened < 0 or closed < 0 or closed - opened > 120 or ")" in text[opened:span[0]]:
        return False
    inside = text[opened + 1:closed]
    written = years(inside)
    return len(written) >= 2 and re.search(r"[–—-]", inside) is not None and not lifelike(written[0], written[-1])


def roled(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less the nationalities read from a demonym before a noun that is no
    person's role (:func:`role_noun`): NER often takes a film's or a company's name for a
    person's ("Tidal Hour is a Japanese anime film", "the only Turkish company")."""
    out = []
    for r in relations:
        if r.predicate == "nationality" and not r.object_is_literal:
            span = ctx.doc.char_span(*r.object_span, alignment_mode="expand")
            if span is not None and len(span) == 1 and span[0].dep_ in {"amod", "compound", "nmod"} \
                    and not (role_noun(ctx, _phrase_head(span[0].head))
                             and span[0].head.lower_ not in ctx.lexicon.words.rules["team_nouns"]):
                continue
        out.append(r)
    return out


def _phrase_head(noun: Token) -> Token:
    """The last noun of the phrase ``noun`` modifies: "goalkeeper" for "team" in "a
    Ukrainian team handball goalkeeper", "actor" for "film" in "a film and stage actor"."""
    while noun.dep_ in {"compound", "nmod", "amod"} and noun.head.i > noun.i \
            and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head
    return noun


def role_noun(ctx: DocContext, noun: Token) -> bool:
    """Whether ``noun`` can be a person's role: not a work's or project's, not another
    class's head noun (:func:`kg.extract.classes.noun_class`), not a team's (``team_nouns``).

    >>> from kg.lexicon import load_lexicon
    >>> from types import SimpleNamespace
    >>> ctx = SimpleNamespace(lexicon=load_lexicon())
    >>> [role_noun(ctx, SimpleNamespace(lower_=w)) for w in ("engineer", "actress", "film", "company", "side")]
    [True, True, False, False, False]
    """
    return noun_class(noun, ctx.lexicon) in {None, "Person"} and noun.lower_ not in ctx.lexicon.words.rules["team_nouns"]


def unchained(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less those two others of the document rule out.

    ``ontology/words.toml`` ``[rules] chain_excludes`` lists "P Q R": P(x, y) and
    Q(y, z) say R(x, z) is wrong ("childOf spouse spouse": the son of Johan and
    Johan's wife Marie is not Marie's husband). Symmetric properties count both ways.
    """
    relations = list(relations)
    entries = [entry.split() for entry in ctx.lexicon.words.rules.get("chain_excludes", ())]
    if not entries:
        return relations
    symmetric = {name for name, spec in ctx.lexicon.properties.items() if spec.symmetric}
    pairs: dict[str, set[tuple[str, str]]] = {}
    for r in relations:
        if not r.object_is_literal:
            pairs.setdefault(r.predicate, set()).add((r.subject, r.obj))
            if r.predicate in symmetric:
                pairs[r.predicate].add((r.obj, r.subject))
    wrong: set[tuple[str, str, str]] = set()
    for p, q, excluded in entries:
        for x, y in pairs.get(p, ()):
            for z in {z for y2, z in pairs.get(q, ()) if y2 == y and z != x}:
                wrong |= {(excluded, x, z), (excluded, z, x)} if excluded in symmetric else {(excluded, x, z)}
    return [r for r in relations if (r.predicate, r.subject, r.obj) not in wrong]


def _any_model(relations: list[Relation], predicates: Iterable[str]) -> bool:
    """Whether a classifier stated any relation of ``predicates`` (the constraints below that
    only judge a model's facts do nothing else when none)."""
    return any(r.extractor.startswith("model:") and r.predicate in predicates for r in relations)


def _drop_model(relations: list[Relation], predicates: Iterable[str],
                wrong: Callable[[Relation], bool]) -> list[Relation]:
    """``relations`` less a classifier's relations of ``predicates`` that ``wrong`` rules out."""
    return [r for r in relations if not (r.extractor.startswith("model:") and r.predicate in predicates and wrong(r))]


def titled_once(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less a model's fact of a property a rule already states of another
    subject and the same object in the same sentence (``ontology/words.toml`` ``[rules]
    titled_once``): "Satya Nadella, the CEO of Microsoft, met chancellor Olaf Scholz" names
    Microsoft's leader once; "He is married to Aloo Mistry, daughter of Pallonji Mistry" names
    Pallonji's child once, but a child the text calls one ("his only son Lee Jae, and two
    daughters: Lee Bo and Lee Seo") is one of several.

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> graph = extract(Document.from_text(
    ...     "Satya Nadella, the CEO of Microsoft, met German chancellor Olaf Scholz in Berlin.", "x"))
    >>> labels = {e.iri: e.label for e in graph.entities}
    >>> sorted({labels[r.subject] for r in graph.relations if r.predicate == "leads"})
    ['Satya Nadella']
    """
    relations = list(relations)
    wanted = set(ctx.lexicon.words.rules.get("titled_once", ()))
    stated = {(r.predicate, r.obj, r.sentence): r.subject for r in relations
              if r.predicate in wanted and r.extractor.startswith("rule:")}
    offspring = frozenset(ctx.lexicon.words.rules.get("offspring_nouns", ()))

    def a_listed_child(r: Relation) -> bool:  # "his son X, and two daughters: Y and Z": siblings share a parent
        named = ctx.doc.char_span(*r.subject_span, alignment_mode="expand")
        return r.predicate == "childOf" and named is not None and len(named) > 0 \
            and kin_noun(named, offspring) is not None

    return [r for r in relations
            if not (r.predicate in wanted and r.extractor.startswith("model:")
                    and stated.get((r.predicate, r.obj, r.sentence), r.subject) != r.subject
                    and not a_listed_child(r))]


def anothers_title(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less a model's post (``job_title_properties``) at an organisation whose
    name, where the model read it, a rule's title or "of" gives another person of the sentence: "His
    friends included Lee Shau Kee, chairman of Henderson Land, and Stanley Ho" ties Henderson
    Land to Lee, not to the obituary's subject, and "He shared the prize with Robert Holley of
    Cornell University" Cornell to Holley.

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("Tom Baker met Lee Kee, chairman of Zentro Inc, in May.", "x"))
    >>> tom, lee, zentro = (ctx.resolved.by_token[i].iri for i in (0, 3, 8))
    >>> rule = Relation(lee, "leads", zentro, "x", "s", (13, 20), (34, 43), 0.7, "rule:title")
    >>> model = Relation(tom, "worksFor", zentro, "x", "s", (0, 9), (34, 43), 0.8, "model:pairs")
    >>> [r.extractor for r in anothers_title(ctx, [rule, model])]
    ['rule:title']
    """
    relations = list(relations)
    posts = set(ctx.lexicon.words.rules["job_title_properties"])
    held: dict[tuple[str, tuple[int, int], str], set[str]] = {}
    for r in relations:
        of = r.extractor == "rule:attachment" and _OF_ONLY.fullmatch(ctx.text, r.subject_span[1], r.object_span[0])
        if r.predicate in posts and (r.extractor == "rule:title" or of):  # "Robert Holley of Cornell"; not "A, B
            # and C at Rice", all three's
            held.setdefault((r.obj, r.object_span, r.sentence), set()).add(r.subject)
    if not held:
        return relations
    return _drop_model(relations, posts, lambda r: r.subject not in held.get((r.obj, r.object_span, r.sentence),
                                                                              {r.subject}))


#: What lies between a name and the organisation its "of" names: "Robert Holley of Cornell University".
_OF_ONLY = re.compile(r",? of (?:the )?")


def exclusions(ctx: DocContext) -> dict[str, frozenset[str]]:
    """Property -> the properties it excludes for the same pair in the same sentence."""
    out: dict[str, set[str]] = {}
    for entry in ctx.lexicon.words.rules.get("excludes", ()):
        first, second = entry.split()
        out.setdefault(first, set()).add(second)
    return {k: frozenset(v) for k, v in out.items()}


def consistent(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less those another relation of the same pair and sentence excludes."""
    relations = list(relations)
    excludes = exclusions(ctx)
    if not excludes:
        return relations
    excluded = {(q, r.subject, r.obj, r.sentence) for r in relations
                for q in excludes.get(r.predicate, ())}
    return [r for r in relations
            if (r.predicate, r.subject, r.obj, r.sentence) not in excluded or triggered(ctx, r)]


#: A news dateline at the start of a line: places, an agency in parentheses, a dash
#: ("LONDON, England (CMC) —", "WASHINGTON (Reuters) -").
_DATELINE = re.compile(r"^[ \t]*[A-Z][^\n()]{0,60}?\([^()\n]{1,40}\)(?=[ \t]*(?:—|–|--|-))", re.MULTILINE)

#: A dateline without an agency, near a story's start: capitalised words (a byline, a place,
#: a date) and a spaced dash or bullet before the first sentence ("MANILA — The ...", "KUALA
#: LUMPUR • Malaysian Prime Minister ...", "Richard Borsuk, Mangakajang – Plywood baron ...");
#: it counts when its first word is in capitals or it
#: holds a comma, unlike a roster's "Ann Lee – Head of Sales". After a hyphen or a colon
#: ("SINGAPORE - Mr Piyush Gupta", "KARACHI: Zaffar Abbas") its first word must be in capitals.
_BARE_DATELINE = re.compile(r"^[ \t]*([A-Z][\w.'’&-]*(?:,?[ \t]+[A-Z0-9][\w.'’&-]*){0,7})"
                            r"(?=[ \t]+(—|–|--|-|•|·)[ \t]+[A-Z“\"]|(:)[ \t]+[A-Z“\"]|\.?(\.-)[ \t]+[A-Z])", re.MULTILINE)

#: How far into a text a dateline without an agency is looked for.
_DATELINE_REACH = 600


@lru_cache(maxsize=4)  # read by the resolution (twice per document) and by datelined
def dateline_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the text's datelines are: they say where a story was filed and who sent it.

    >>> text = "Plant opens\\n\\nMANILA — Acme Corp opened a plant.\\nLIMA (AP) — It rained."
    >>> [text[a:b] for a, b in dateline_spans(text)]
    ['LIMA (AP)', 'MANILA']
    >>> [t[a:b] for t in ("KARACHI: Zaffar Abbas is editor.", "Ann Lee, Acme - The plan.")
    ...  for a, b in dateline_spans(t)]
    ['KARACHI']
    >>> [t[a:b] for t in ("Geneva, 3 May 2019 - Ann Lee", "Durban - Ann Lee", "BOSTON, MA.- Ann Lee", "Ann Lee - CFO")
    ...  for a, b in dateline_spans(t)]
    ['Geneva, 3 May 2019', 'Durban', 'BOSTON, MA']
    >>> [text[a:b] for text in ("KUALA LUMPUR • Prime Minister Ann Lee spoke.",) for a, b in dateline_spans(text)]
    ['KUALA LUMPUR']
    """
    spans = [m.span() for m in _DATELINE.finditer(text)]
    for m in _BARE_DATELINE.finditer(text, 0, _DATELINE_REACH):
        words = m.group(1)
        capitals = words.split()[0].isupper() and len(words.split()[0]) > 1
        if capitals or ("," in words and m.group(2) not in {"-", None}) or _dated(words) \
                or (m.group(2) and _a_place(words)):
            spans.append(m.span(1))
    return tuple(spans)


def _dated(words: str) -> bool:
    """Whether a dateline's words hold a date: "Geneva, 3 December 2019" (a roster's "Ann Lee,
    Acme" holds none)."""
    return any(w.strip(",.").lower() in MONTHS for w in words.split()) and any(c.isdigit() for c in words)


def _a_place(words: str) -> bool:
    """Whether a dateline's words are a place the gazetteer knows and nothing else: "Durban"."""
    from kg.extract.places import is_place

    return is_place(words.rstrip(","))


def datelined(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less those of a name in a dateline (:func:`dateline_spans`) with one
    outside it: "LONDON, England (CMC) —" says where the story was filed and who sent it, not
    that CMC is in London, nor that the company the story is about is.

    >>> from types import SimpleNamespace
    >>> r = Relation(subject="cmc", predicate="headquarteredIn", obj="london", doc_id="d", sentence="",
    ...              subject_span=(17, 20), object_span=(0, 6), confidence=0.9, extractor="model:pairs")
    >>> datelined(SimpleNamespace(text="LONDON, England (CMC) — Ann Lee said."), [r])
    []
    """
    lines = dateline_spans(ctx.text)
    if not lines:
        return list(relations)
    inside = lambda span: any(a <= span[0] and span[1] <= b for a, b in lines)  # noqa: E731
    return [r for r in relations
            if not (inside(r.subject_span) or (not r.object_is_literal and inside(r.object_span)))
            or r.extractor.startswith("gazetteer")]  # what the gazetteer knows of a place is no story's


def between_authors(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less those between the text's unnamed authors, the person who writes "I"
    and the organisation that writes "we": "I joined our board" relates no one a reader can
    find. ("I married her" still relates the author to an unnamed woman.)

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> graph = extract(Document.from_text("I am proud of our staff. I joined our board in 2019.", "x"))
    >>> [r.predicate for r in graph.relations if not r.object_is_literal]
    []
    """
    mentions = ctx.resolved.by_token.values()
    authors = {m.iri for m in mentions if m.found.author} - {m.iri for m in mentions if not m.anaphor}
    return [r for r in relations if not (r.subject in authors and r.obj in authors)]


def one_way(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less a model's that a rule of the same sentence states the other way round
    ("Harlow Group, the parent company of Harlow Foods": the rule's Harlow Foods subsidiaryOf
    Harlow Group, not the classifier's reverse); symmetric properties go both ways.

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> text = "Harlow Group, the parent company of Harlow Foods Plc, grew in Lagos."
    >>> [r.extractor for r in extract(Document.from_text(text, "x")).relations if r.predicate == "subsidiaryOf"]
    ['rule:noun']
    """
    relations = list(relations)
    specs = ctx.lexicon.properties
    ruled = {(r.predicate, r.obj, r.subject, r.sentence) for r in relations
             if r.extractor.startswith("rule:") and not r.object_is_literal}
    return [r for r in relations
            if r.extractor.startswith("rule:") or r.object_is_literal
            or (r.predicate in specs and specs[r.predicate].symmetric)
            or (r.predicate, r.subject, r.obj, r.sentence) not in ruled]


def between_namesakes(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less a place's containment of the entity named as it ("Bumble Inc, the parent
    company of Bumble": no Bumble is in Bumble), which is two classes of one name, not a fact.

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> graph = extract(Document.from_text("Bumble Inc, the parent company of Bumble, rose.", "x"))
    >>> [r.predicate for r in graph.relations if r.predicate in {"locatedIn", "headquarteredIn"}]
    []
    """
    from kg.extract.naming import name_key

    keys = {e.iri: name_key(e.label) for e in ctx.resolved.entities}
    return [r for r in relations if r.predicate not in _CONTAINMENT
            or r.object_is_literal or keys.get(r.subject) is None or keys.get(r.subject) != keys.get(r.obj)]


#: Properties that put a thing inside a place.
_CONTAINMENT = frozenset({"locatedIn", "headquarteredIn"})


def fullest_dates(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations``, a date a document writes in part for a subject and property it writes
    in full elsewhere taking the full one's value ("He died in 1964" after "(17 October 1890 –
    2 February 1964)": one death date, "2 February 1964", with both sentences as evidence;
    each evidence keeps its own offsets). Not two dates of different years or days.

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> text = "Carl Voss (17 October 1890 – 2 February 1964) was a painter. He died in Hanover in 1964."
    >>> sorted({r.obj for r in extract(Document.from_text(text, "x")).relations if r.predicate == "deathDate"})
    ['2 February 1964']
    """
    relations = list(relations)
    full: dict[tuple[str, str], dict[str, frozenset[str]]] = {}  # (subject, property) -> value -> its words
    for r in relations:
        if r.object_is_literal and r.predicate in _LIFE_DATES | {"foundingDate"}:
            full.setdefault((r.subject, r.predicate), {})[r.obj] = frozenset(re.findall(r"\w+", r.obj.casefold()))
    out = []
    for r in relations:
        values = full.get((r.subject, r.predicate)) if r.object_is_literal else None
        if values and len(values) > 1:
            own = values[r.obj]
            wider = [v for v, words in values.items() if own < words]  # "1964" of "2 February 1964"
            if wider:
                r = changed(r, obj=max(wider, key=lambda v: (len(values[v]), v)))
        out.append(r)
    return out


def former_alike(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations``, each between two entities a rule of its sentence states as held before
    ("Ann Lee, a former managing director of Acme": ``leads``, former) marked former too
    (the classifier's ``worksFor`` of the same pair there; not another rule's: "past president
    and a current board member of X").

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> graph = extract(Document.from_text("Ann Lee, a former managing director of Kestrel Foods, spoke.", "x"))
    >>> sorted({(r.predicate, r.former) for r in graph.relations if not r.object_is_literal})
    [('leads', True), ('worksFor', True)]
    """
    relations = list(relations)
    was = {(r.subject, r.obj, r.sentence) for r in relations if r.former and not r.object_is_literal}
    if not was:
        return relations
    return [changed(r, former=True) if not r.former and not r.extractor.startswith("rule:")
            and (r.subject, r.obj, r.sentence) in was else r for r in relations]

def unplayed(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less a model's employer, leader or membership whose object is a part one
    plays, not a body one works for: "he played Alcibiades opposite Pryce's Timon, Hector
    and Kent to Hordern's King Lear", "will play the role of X", "starred as X" (the
    object, or the first of a list it ends, is what "play" or "portray" takes, or what "as"
    after "play", "star" or "appear" names, or the "of" of "the role of").

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> text = "At the Hanmer Theatre he worked with Ruth Bell and played Alcibiades and King Lear."
    >>> [r for r in extract(Document.from_text(text, "x")).relations if r.obj.endswith(("Lear", "Alcibiades"))]
    []
    """
    out = []
    for r in relations:
        if not r.extractor.startswith("rule:") and r.predicate in _EMPLOYING and not r.object_is_literal:
            span = ctx.doc.char_span(*r.object_span, alignment_mode="expand")
            if span is not None and _a_part(span.root):
                continue
        out.append(r)
    return out


#: Properties that a part played is no object of.
_EMPLOYING = frozenset({"worksFor", "leads", "memberOf"})


def _a_part(token: Token) -> bool:
    """Whether ``token`` heads a part played (see :func:`unplayed`)."""
    while token.dep_ == "conj":
        token = token.head  # "Alcibiades ..., Hector ... and Kent"
    head = token.head
    if token.dep_ == "dobj":
        return head.lemma_ in {"play", "portray"}
    if token.dep_ == "pobj" and head.lower_ == "as":
        return head.head.lemma_ in {"play", "star", "appear", "portray"}
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in {"role", "roles"}


def left_later(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` with the posts a later sentence says were left marked held before
    (``former``): "X resigned from Acme" and "X left Acme" end X's posts at Acme; "He was
    sacked." (no "as", no "from") and "Y replaced X" end the post of one who held one post
    alone in the document before it.

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> text = "Tomas Ruiz, the coach of Kestrel United, lost the final. The next morning he was sacked."
    >>> sorted((r.predicate, r.former) for r in extract(Document.from_text(text, "x")).relations)
    [('jobTitle', True), ('worksFor', True)]
    """
    from kg.extract.rules.args import left_post, negated, planned

    relations = list(relations)
    by_token = ctx.resolved.by_token
    t = tokens_of(ctx.doc)
    leaving = {w.split()[0] for w in ctx.lexicon.words.rules.get("leaving_verbs", ())}
    ends: list[tuple[str, str | None, int]] = []  # (person IRI, organisation IRI or None, where)

    def organisations(tokens: Iterable[Token]) -> list[str]:
        return [by_token[o.i].iri for o in tokens if o.i in by_token and by_token[o.i].cls == "Organization"]

    for i in (i for i, lemma in enumerate(t.lemma) if lemma in leaving | {"leave"} and t.pos[i] in {"VERB", "AUX"}):
        verb = ctx.doc[i]
        if t.lemma[i] == "leave":  # "who left OpenAI in September": the organisation it names, if any
            left = organisations(c for c in verb.children if c.dep_ == "dobj")
            if verb.tag_ not in {"VBD", "VBN"} or planned(ctx, verb) or negated(ctx, verb) or not (
                    left or _left_the_post(ctx, verb)):
                continue
        elif not left_post(ctx, verb) or any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
            continue  # "resigned as CEO of X": the title's own rule
        else:
            froms = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"]
            left = organisations(o for f in froms for o in f.children if o.dep_ == "pobj")
            if froms and not left:
                continue  # "resigned from the board": of what, the sentence does not name
        said = verb.head if _left_the_post(ctx, verb) else verb  # "was appointed ... but left in 2007": its subject
        person = next((by_token[c.i] for c in said.children if c.dep_ in {"nsubj", "nsubjpass"}
                       and c.i in by_token and by_token[c.i].cls == "Person"), None)
        if person is None:
            continue
        ends += [(person.iri, org, verb.idx) for org in left] or [(person.iri, None, verb.idx)]
    succeeding = ctx.lexicon.words.rules.get("succeeding_verbs", ())
    for i in (i for i, lemma in enumerate(t.lemma) if lemma in succeeding and t.pos[i] == "VERB"):
        verb = ctx.doc[i]  # "Mohammad Jahangir replaced Obayed Ullah Al Masud": Masud's post is over
        if verb.tag_ not in {"VBD", "VBN", "VBZ"} or planned(ctx, verb) or negated(ctx, verb) \
                or any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
            continue  # "replaced Ali Khan as captain": the title's own rule
        ends += [(by_token[c.i].iri, None, verb.idx) for c in verb.children
                 if c.dep_ == "dobj" and c.i in by_token and by_token[c.i].cls == "Person"
                 and not by_token[c.i].anaphor]
    if not ends:
        return relations
    over: set[tuple[str, str]] = set()  # (person, organisation) pairs held no more
    alone: set[str] = set()  # people whose one post is over
    for person, org, at in ends:
        if org is not None:
            over.add((person, org))
            continue
        held = {r.obj for r in relations if r.subject == person and r.predicate in _POSTS
                and max(r.subject_span[0], r.object_span[0]) < at}  # not "resigned to join X": X is next
        titles = {r.obj.casefold() for r in relations if r.subject == person and r.predicate == "jobTitle"
                  and max(r.subject_span[0], r.object_span[0]) < at}
        if len(held) == 1 or (not held and len(titles) == 1):  # one post: the one left
            over.update((person, org) for org in held)
            alone.add(person)
    return [changed(r, former=True) if not r.former and r.subject_span[0] < _end_of(ends, r.subject) and (
                (r.predicate in _POSTS and (r.subject, r.obj) in over)
                or (r.predicate == "jobTitle" and r.subject in alone and r.object_span[0] < _end_of(ends, r.subject)))
            else r for r in relations]


#: Properties of a post held.
_POSTS = frozenset({"worksFor", "leads", "memberOf"})


def _left_the_post(ctx: DocContext, verb: Token) -> bool:
    """Whether an intransitive "left" joined to an appointment ends it ("Myler was appointed
    executive editor of the Kessel Post in 2001 but left in 2007"); not a journey ("left for
    London", "left with his family").

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("Ann Lee was named editor in 2001 but left in 2007. "
    ...                                             "Tom Roe was named editor and left for Paris.", "x"))
    >>> [_left_the_post(ctx, t) for t in ctx.doc if t.lower_ == "left"]
    [True, False]
    """
    return verb.dep_ == "conj" and verb.head.lemma_ in ctx.lexicon.words.rules.get("appointing_verbs", ()) \
        and not any(c.dep_ in {"dobj", "dative"} or (c.dep_ == "prep" and c.lower_ in _JOURNEYS) for c in verb.children)


#: Prepositions after "left" that make it a journey, no post left.
_JOURNEYS = frozenset({"for", "to", "with", "on", "from"})


def _end_of(ends: list[tuple[str, str | None, int]], person: str) -> int:
    """Where the last sentence saying ``person`` left a post is (character offset)."""
    return max((at for p, _, at in ends if p == person), default=-1)


def unquoted(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less a model's between a name inside quotation marks and one outside them:
    'O'Neill said "BP has significant potential"' tells nothing of O'Neill and BP; unless the
    speaker speaks of themselves there ('Roe said: "I am delighted to be joining Acme"').

    >>> from dataclasses import replace
    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text('Meg Roe said "Kestrel Foods has great potential."', "x"))
    >>> said = Relation("ex:kf", "foundedBy", "ex:roe", "x", "", (14, 27), (0, 7), 0.9, "model:pairs")
    >>> [r.extractor for r in unquoted(ctx, [said, replace(said, extractor="rule:svo")])]
    ['rule:svo']
    >>> ctx = Pipeline().context(Document.from_text('Meg Roe said "I am joining Kestrel Foods."', "x"))
    >>> joins = Relation("ex:roe", "worksFor", "ex:kf", "x", "", (0, 7), (27, 40), 0.9, "model:pairs")
    >>> [r.predicate for r in unquoted(ctx, [joins])]
    ['worksFor']
    """
    from kg.extract.anaphora import _quoted

    relations = list(relations)
    if not any(r.extractor.startswith("model:") for r in relations):
        return relations
    inside = sorted(_quoted(ctx.doc))
    if not inside:
        return relations
    quoted: set[int] = set()  # where the tokens of quotations that speak of no "I" or "we" start
    t = tokens_of(ctx.doc)
    for run in _runs(inside):
        if not any(t.lower[i] in _FIRST_PERSON for i in run):
            quoted.update(t.start_char[i] for i in run)
    return [r for r in relations if not r.extractor.startswith("model:")
            or (r.subject_span[0] in quoted) == (r.object_span[0] in quoted)]


#: Words a speaker speaks of themselves with.
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})


def _runs(indices: list[int]) -> list[list[int]]:
    """Sorted token indices cut where they stop following each other: one run a quotation."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][-1] + 1 == i:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def kin_apart(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less a model's kin between two names a possessive ties each to someone
    else: "condolences to his wife Jillian, his son Craig, his daughter Natalie" says nothing of
    Craig and Natalie, or of Jillian and Craig (``words.toml`` ``kin_nouns``).

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("We mourn with his wife Jill and his son Craig.", "x"))
    >>> kin = Relation("ex:craig", "childOf", "ex:jill", "x", "", (40, 45), (23, 27), 0.8, "model:pairs")
    >>> kin_apart(ctx, [kin])
    []
    """
    relations = list(relations)
    if not _any_model(relations, _KIN):
        return relations
    t = tokens_of(ctx.doc)
    at = {start: i for i, start in enumerate(t.start_char)}
    words = frozenset(ctx.lexicon.words.mentions.get("kin_nouns", ()))

    def tied(start: int) -> bool:  # "his son [Craig]"
        i = at.get(start)
        return i is not None and i >= 2 and t.lower[i - 1] in words and t.lower[i - 2] in PERSON_POSSESSIVES

    return _drop_model(relations, _KIN, lambda r: tied(r.subject_span[0]) and tied(r.object_span[0]))


def not_listed_kin(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less a model's child of a parent where the two names are listed together:
    "the only son of Hilda and William Morrison" names two parents, "his children Paul,
    Katie and William" and "two sons, Raj and Ravi, and a daughter Uma" siblings (named as
    sons and daughters, wherever the parser hangs the nouns); neither is the other's child.

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("He was the only son of Hilda and William Morrison.", "x"))
    >>> hilda, william = ctx.resolved.by_token[6].iri, ctx.resolved.by_token[9].iri
    >>> kin = Relation(william, "childOf", hilda, "x", "", (33, 49), (23, 28), 0.8, "model:pairs")
    >>> not_listed_kin(ctx, [kin])
    []
    """
    from kg.extract.classes import first_conjunct

    relations = list(relations)
    if not _any_model(relations, {"childOf"}):
        return relations

    by_token = ctx.resolved.by_token
    offspring_nouns = frozenset(ctx.lexicon.words.rules.get("offspring_nouns", ()))

    def listed_in(token: Token) -> int:  # "two sons, Raj and Ravi, and a daughter Uma": all in "sons"
        token = first_conjunct(token)
        while token.dep_ == "appos" and token.head.i < token.i and token.head.pos_ == "NOUN":
            token = first_conjunct(token.head)
        return token.i

    def lists(iri: str, sent: Span) -> set[int]:  # the lists the entity's names in the sentence are in
        return {listed_in(ctx.doc[i]) for i in range(sent.start, sent.end)
                if (hit := by_token.get(i)) is not None and hit.iri == iri and not hit.found.anaphor}

    def offspring(iri: str, sent: Span) -> bool:  # named as someone's son, daughter or child
        return any((hit := by_token.get(i)) is not None and hit.iri == iri and not hit.found.anaphor
                   and (c := first_conjunct(ctx.doc[i])).dep_ == "appos" and c.head.lower_ in offspring_nouns
                   for i in range(sent.start, sent.end))

    def listed(r: Relation) -> bool:  # (the first name of a list is its own first conjunct)
        named = ctx.doc.char_span(*r.subject_span, alignment_mode="expand")
        return named is not None and (bool(lists(r.subject, named.sent) & lists(r.obj, named.sent))
                                      or offspring(r.subject, named.sent) and offspring(r.obj, named.sent))

    return _drop_model(relations, {"childOf"}, listed)


def kin_as_named(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less a model's kin that the kin noun before a name contradicts: "her
    husband Tom" is her spouse, not her child; "his father Omar" is not his son (the
    ontology's ``kg:titleTrigger`` and ``kg:inverseTitleTrigger`` of spouse and childOf say
    which; the kin noun's owner is a possessive pronoun or a name with "'s").

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("Ana Ruiz thanked her husband Tom.", "x"))
    >>> tom, ana = ctx.resolved.by_token[5].iri, ctx.resolved.by_token[0].iri
    >>> child = Relation(tom, "childOf", ana, "x", "", (29, 32), (0, 8), 0.8, "model:pairs")
    >>> kin_as_named(ctx, [child]), len(kin_as_named(ctx, [changed(child, predicate="spouse")]))
    ([], 1)
    """
    relations = list(relations)
    if not _any_model(relations, _KIN):
        return relations
    t = tokens_of(ctx.doc)
    at = {start: i for i, start in enumerate(t.start_char)}
    titles = ctx.lexicon.triggers.titles

    def named_as(start: int) -> tuple[str, bool, str] | None:  # "his son [Craig]": childOf, bearer first, his
        i = at.get(start)
        if i is None or i < 2 or t.lower[i - 1] not in titles or titles[t.lower[i - 1]][0].name not in _KIN:
            return None
        spec, bearer_is_object = titles[t.lower[i - 1]]
        owner = i - 3 if t.lower[i - 2] in {"'s", "’s"} and i >= 3 else i - 2
        if owner == i - 2 and t.lower[owner] not in PERSON_POSSESSIVES:
            return None
        hit = ctx.resolved.by_token.get(owner)
        return None if hit is None else (spec.name, bearer_is_object, hit.iri)

    def contradicted(r: Relation) -> bool:
        for start, other, first in ((r.subject_span[0], r.obj, True), (r.object_span[0], r.subject, False)):
            said = named_as(start)
            if said is not None and said[2] == other and (said[0] != r.predicate or (
                    r.predicate == "childOf" and first == said[1])):
                return True
        return False

    return _drop_model(relations, _KIN, contradicted)


def kin_called_otherwise(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less a model's spouse or child of a person the text calls by a kin noun
    that says another tie to the other: a nephew, a sister or a grandson is nobody's child or
    spouse here ("Hun Vell's son Hun Many and his nephew Neth Savo", ``words.toml``
    ``collateral_kin_nouns``), a son, a daughter or a parent nobody's spouse ("his wife Hong Ra,
    ... and two daughters: Lee Bo and Lee Seo"; ``offspring_nouns``, ``forebear_nouns``). The
    noun is the one the name is in apposition with, or the one right before it or before the
    list it opens (:func:`kin_noun`), and it counts unless its owner ("his", "of X") is a third
    person: "married to Olena Vell, the daughter of Leonid Kuchma" is his wife all the same.

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> text = "Hun Vell thanked his nephew Neth Savo."
    >>> ctx = Pipeline().context(Document.from_text(text, "x"))
    >>> vell, neth = ctx.resolved.by_token[0].iri, ctx.resolved.by_token[5].iri
    >>> child = Relation(neth, "childOf", vell, "x", "", (28, 37), (0, 8), 0.8, "model:pairs")
    >>> kin_called_otherwise(ctx, [child])
    []
    """
    relations = list(relations)
    if not _any_model(relations, _KIN):
        return relations
    rules, by_token = ctx.lexicon.words.rules, ctx.resolved.by_token
    collateral = frozenset(rules.get("collateral_kin_nouns", ()))
    nouns = collateral | frozenset(rules.get("offspring_nouns", ()))
    nouns |= frozenset(rules.get("forebear_nouns", ()))

    def called(span: tuple[int, int], other: str) -> str | None:  # the kin noun tying the name to ``other``
        named = ctx.doc.char_span(*span, alignment_mode="expand")
        hit = by_token.get(named.start) if named is not None and len(named) else None
        noun = kin_noun(named, nouns) if hit is not None and not hit.found.anaphor else None  # no "he"
        if noun is None:
            return None
        owner = next((o for c in noun.children for o in _owners(c)), None)  # "his nephew", "the son of X"
        owned_by = by_token.get(owner.i) if owner is not None else None
        return None if owner is not None and (owned_by is None or owned_by.iri != other) else noun.lower_

    def otherwise(r: Relation) -> bool:
        unfit = collateral if r.predicate == "childOf" else nouns
        return called(r.subject_span, r.obj) in unfit or called(r.object_span, r.subject) in unfit

    return _drop_model(relations, _KIN, otherwise)


def _owners(child: Token) -> list[Token]:
    """A noun's owner among its children: its possessive, or its "of"'s object."""
    if child.dep_ == "poss":
        return [child]
    if child.dep_ == "prep" and child.lower_ == "of":
        return [g for g in child.children if g.dep_ == "pobj"]
    return []


def kin_noun(name: Span, nouns: frozenset[str]) -> Token | None:
    """The noun of ``nouns`` a name is called by: one it is in apposition with ("his nephew Neth
    Vell", "Ali Khan, his nephew"), or the word right before it or before the list it opens
    ("two daughters: Lee Bo and Lee Seo").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He is survived by two daughters: Lee Bo and Lee Seo, and Ali Khan, his nephew.")
    >>> [kin_noun(doc[i:j], frozenset({"daughters", "nephew"})).text for i, j in ((7, 9), (10, 12), (14, 16))]
    ['daughters', 'daughters', 'nephew']
    """
    from kg.extract.classes import first_conjunct

    root = first_conjunct(name.root)
    for token in dict.fromkeys((name.root, root)):  # its own apposition first: "and Ali Khan, his nephew"
        if token.dep_ == "appos" and token.head.lower_ in nouns:
            return token.head
        called = next((c for c in token.children if c.dep_ == "appos" and c.lower_ in nouns), None)
        if called is not None:
            return called
    before = root.left_edge.i - 1
    if before > 0 and root.doc[before].text == ":":
        before -= 1
    if root.dep_ in {"nsubj", "nsubjpass"}:
        return None  # "They had four daughters: Ann Lee married ...": a clause of its own
    return root.doc[before] if before >= 0 and root.doc[before].lower_ in nouns else None


def of_anothers_life(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less a model's birth or death date that hangs on another person's birth or
    death, or on a verb that another person's does: "Margrethe ... succeeded her father following
    his death on 14 January 1972" dates the father's death, not hers (the noun's possessor is
    someone else; ``words.toml`` ``life_event_nouns``).

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> text = "Ann Vell succeeded her father Tom Vell following his death on 14 January 1972."
    >>> ctx = Pipeline().context(Document.from_text(text, "x"))
    >>> ann = ctx.resolved.by_token[0].iri
    >>> died = Relation(ann, "deathDate", "14 January 1972", "x", "", (0, 8), (62, 77), 0.8, "model:pairs")
    >>> of_anothers_life(ctx, [died])
    []
    """
    relations = list(relations)
    dates = {"birthDate", "deathDate"}
    if not _any_model(relations, dates):
        return relations
    events = frozenset(ctx.lexicon.words.rules.get("life_event_nouns", ()))

    def anothers(r: Relation) -> bool:
        date = ctx.doc.char_span(*r.object_span, alignment_mode="expand")
        if date is None or not len(date) or date.root.dep_ != "pobj":
            return False
        head = date.root.head.head  # "his death [on] 14 January", or the verb both hang on
        nouns = [head, *(g for c in head.children if c.dep_ == "prep"
                         for g in c.children if g.dep_ == "pobj")]
        owners = [o for n in nouns if n.lemma_.lower() in events for o in n.children if o.dep_ == "poss"]
        hits = [ctx.resolved.by_token.get(o.i) for o in owners]
        return any(hit is not None and hit.iri != r.subject for hit in hits)

    return _drop_model(relations, dates, anothers)


def not_the_appointer(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less a worksFor (or memberOf) whose organisation appointed the person to a
    post at another one: "appointed by the Treasury as chief executive of Kestrel Insurance" (or
    "... to PZU") makes no employee of the Treasury (``words.toml`` ``appointing_verbs``); only
    the agent of a passive: "RNZ has appointed X as Head of Digital Media" names a unit of the
    appointer's own. A committee, council or board that appoints someone makes no member of
    them, whatever the voice (``appointing_bodies``).

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> graph = extract(Document.from_text("Beata Kowal was appointed by the Treasury as chief executive of "
    ...                                    "Kestrel Insurance.", "x"))
    >>> sorted((r.predicate, r.obj.rsplit("/", 1)[-1]) for r in graph.relations if r.predicate != "jobTitle")
    [('leads', 'Kestrel_Insurance')]
    """
    relations = list(relations)
    if not any(r.predicate in {"worksFor", "memberOf"} for r in relations):
        return relations
    appointing = ctx.lexicon.words.rules.get("appointing_verbs", frozenset())
    bodies = ctx.lexicon.words.rules.get("appointing_bodies", frozenset())

    def appointer(span: tuple[int, int]) -> tuple[Token, Token] | None:  # (verb, name's root) appointing
        named = ctx.doc.char_span(*span, alignment_mode="expand")
        if named is None:
            return None
        root = named.root
        verb = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "agent" else \
            root.head if root.dep_ == "nsubj" else None
        return (verb, root) if verb is not None and verb.lemma_.lower() in appointing else None

    def elsewhere(r: Relation) -> bool:
        found = appointer(r.object_span)
        if found is None:
            return False
        verb, root = found
        if root.lower_ in bodies:
            return True  # "The Council of the University of Namibia has appointed X": no member by that
        if root.dep_ == "nsubj":
            return False  # "RNZ has appointed X as Head of Digital Media": a unit of RNZ's own
        posts = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"as", "to"}]
        return any(hit.cls == "Organization" and hit.iri != r.obj
                   for p in posts for t in p.subtree if (hit := ctx.resolved.by_token.get(t.i)) is not None)

    return [r for r in relations if not (r.predicate in {"worksFor", "memberOf"} and elsewhere(r))]



def not_anothers_place(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less a classifier's place of an organisation or a person where the place
    modifies another's name: "Acer bought U.S. computer maker Gateway" places Gateway, not
    Acer, and "grew 5% owned by Britain's Vodafone" is no home of its chief's (the place hangs,
    through nouns or a possessive before a name, on another entity's mention); nor the place of
    another's noun ("Vista refused to commit to Blue Prism's headquarters in the UK").

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("Vexa Labs bought U.S. computer maker Gateway.", "x"))
    >>> vexa, us = ctx.resolved.by_token[0].iri, ctx.resolved.by_token[3].iri
    >>> hq = Relation(vexa, "headquarteredIn", us, "x", "", (0, 9), (17, 21), 0.6, "model:pairs")
    >>> not_anothers_place(ctx, [hq])
    []
    """
    relations = list(relations)
    if not _any_model(relations, _PLACED):
        return relations

    def anothers(r: Relation) -> bool:
        place = ctx.doc.char_span(*r.object_span, alignment_mode="expand")
        if place is None:
            return False
        node = place.root
        while node.dep_ in {"compound", "amod", "nmod", "poss"} and node.head.i != node.i:  # "Britain's Vodafone"
            node = node.head
            hit = ctx.resolved.by_token.get(node.i)
            if hit is not None and hit.iri not in {r.subject, r.obj} and hit.cls != "Place":
                return True  # not "Tulsa Oklahoma": a place in a place
        if node.dep_ == "pobj" and node.head.dep_ == "prep":  # "Blue Prism's headquarters in the UK": Blue Prism's
            owner = next((c for c in node.head.head.children if c.dep_ == "poss"), None)
            hit = ctx.resolved.by_token.get(owner.i) if owner is not None else None
            return hit is not None and hit.iri not in {r.subject, r.obj} and hit.cls != "Place"
        return False

    return _drop_model(relations, _PLACED, anothers)


#: Properties of where an organisation is.
_PLACED = frozenset({"headquarteredIn", "locatedIn", "livesIn"})


#: Properties of kin.
_KIN = frozenset({"childOf", "spouse"})


#: What :meth:`kg.pipeline.Pipeline.relations` applies to a document's relations, in order.
def of_the_dead(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` with the posts of a person the document says died marked held before
    (``former``): an obituary's subject's ("Tom Baker, who died on Friday, was chairman of
    Orvex"), whoever "died", "passed away" or "was killed", or has a death date.

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> text = "Tom Baker, who died on Friday aged 88, was chairman of Zentro Inc."
    >>> sorted((r.predicate, r.former) for r in extract(Document.from_text(text, "x")).relations)
    [('jobTitle', True), ('leads', True)]
    """
    from kg.extract.rules.args import future, hedged, negated, subject

    relations = list(relations)
    tenure = {"jobTitle", *ctx.lexicon.words.rules["job_title_properties"]}
    if not any(r.predicate in tenure and not r.former for r in relations):
        return relations
    dead = {r.subject for r in relations if r.predicate == "deathDate"}
    t = tokens_of(ctx.doc)
    for i, lemma in enumerate(t.lemma):
        if lemma not in _DYING or t.pos[i] != "VERB":
            continue
        verb = ctx.doc[i]
        if (lemma == "pass" and not any(c.dep_ == "prt" and c.lower_ == "away" for c in verb.children)) or (
                lemma == "kill" and not any(c.dep_ == "auxpass" for c in verb.children)) \
                or negated(ctx, verb) or hedged(ctx, verb) or future(verb):
            continue
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i]
        # two subjects are a parse gone wrong: the one right before the verb died ("appointed Michael
        # Joseph as CEO after its executive Bob Collymore died": Collymore)
        who = subjects[-1] if len(subjects) > 1 else subject(ctx, verb)
        hit = ctx.resolved.by_token.get(who.i) if who is not None else None
        if hit is not None and hit.cls == "Person":
            dead.add(hit.iri)
    return [changed(r, former=True) if r.subject in dead and r.predicate in tenure and not r.former else r
            for r in relations]


#: Verbs of dying: "died", "passed away", "was killed".
_DYING = frozenset({"die", "pass", "kill"})


def respectively(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less the pairs "respectively" rules out: in a sentence that says it, two
    lists of names pair in order ("Ann Roe and Bo Ek run Vexa and Orvex respectively": Roe runs
    Vexa, not Orvex), whichever extractor paired them; a longer list's last names, which the
    parse may have cut from one name ("Jayshree Tea and Industries"), pair with none.

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("Ann Roe and Bo Ek lead Vexa Labs and Zentro Inc respectively.", "x"))
    >>> pairs = [Relation(a, "leads", b, "x", "", sa, sb, 0.7, "rule:svo") for a, sa in (("ex:roe", (0, 7)), ("ex:ek", (12, 17)))
    ...          for b, sb in (("ex:vexa", (23, 32)), ("ex:zentro", (37, 47)))]
    >>> [(r.subject, r.obj) for r in respectively(ctx, pairs)]
    [('ex:roe', 'ex:vexa'), ('ex:ek', 'ex:zentro')]
    """
    relations = list(relations)
    if "respectively" not in ctx.text:
        return relations
    from kg.extract.classes import first_conjunct
    from kg.extract.rules.args import conjuncts

    def place(span: tuple[int, int]) -> tuple[int, int] | None:  # (the list's first token, the index in it)
        named = ctx.doc.char_span(*span, alignment_mode="expand")
        if named is None:
            return None
        root = named.root
        if root.tag_ in {"WP", "WDT"} and root.head.dep_ == "relcl":
            root = root.head.head  # "daughters X and Y, who run A and B respectively": Y's place
        first = first_conjunct(root)
        items = sorted([first.i, *(c.i for c in conjuncts(first))])
        return (first.i, len(items), items.index(root.i)) if len(items) > 1 and root.i in items else None

    def out_of_order(r: Relation) -> bool:
        sent = ctx.doc.char_span(*r.subject_span, alignment_mode="expand")
        if sent is None or not any(t.lower_ == "respectively" for t in sent.sent):
            return False
        a, b = place(r.subject_span), place(r.object_span)
        return a is not None and b is not None and a[0] != b[0] and a[2] != b[2] and max(a[2], b[2]) < min(a[1], b[1])

    return [r for r in relations if r.object_is_literal or not out_of_order(r)]


def studied_there(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` with an employment or membership at a school the sentence tells of studying
    at (``ontology/words.toml`` ``school_words``; ``study_words``, ``graduate_words``,
    ``degree_words``) and of no work there (``teaching_words``) read as study there: "Vainu Bappu
    joined the prestigious Harvard University on a scholarship", "Emily Shyr is an undergraduate
    at Columbia University"; a name's attachment there ("He studied with Sol Worth at the
    Annenberg School") says neither.

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> text = "Ann Vell joined the prestigious Kessel University on a scholarship. Tom Roe joined Kessel University as a lecturer."
    >>> sorted((r.subject.rsplit("/", 1)[-1], r.predicate) for r in extract(Document.from_text(text, "x")).relations
    ...        if r.obj.endswith("Kessel_University"))
    [('Ann_Vell', 'educatedAt'), ('Tom_Roe', 'worksFor')]
    """
    out = []
    for r in relations:
        if r.predicate in _EMPLOYING and r.predicate != "leads" and not r.object_is_literal \
                and _SCHOOLS.intersection(ctx.text[r.object_span[0]:r.object_span[1]].lower().split()):
            words = {w for word in re.findall(r"[a-z][a-z.'-]*", r.sentence.lower()) for w in (word, word.rstrip("."))}
            if words & _STUDYING and not words & _TEACHING:
                if r.extractor == "rule:attachment":
                    continue  # "He studied film with Sol Worth at the Annenberg School": whose study, it does not say
                r = changed(r, predicate="educatedAt", former=False)
        out.append(r)
    return out


def _words(*keys: str) -> frozenset[str]:
    words = load_words().mentions
    return frozenset(w for key in keys for w in words[key])


_SCHOOLS = _words("school_words")
_STUDYING = _words("study_words", "graduate_words", "degree_words")
_TEACHING = _words("teaching_words")


CONSTRAINTS = (timed, roled, consistent, unchained, titled_once, anothers_title, datelined, between_authors,
               between_namesakes, one_way, fullest_dates, unplayed, unquoted, kin_apart, not_listed_kin, kin_as_named,
               kin_called_otherwise, of_anothers_life, not_the_appointer, not_anothers_place, respectively,
               left_later, of_the_dead, former_alike, studied_there)
