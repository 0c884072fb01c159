"""What the rule families share: the ends of a relation and walks on the parse.

An :class:`Arg` is an entity in the sentence; :func:`args` reads the
entities a phrase names (with conjuncts, appositions and examples).
The word lists come from ``ontology/words.toml`` through the lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract.classes import first_conjunct, team_cued
from kg.extract.places import countries
from kg.extract.tokens import Tokens, tokens_of
from kg.lexicon import PropertySpec, load_words
from kg.types import Relation

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kg.extract.context import DocContext
    from kg.extract.entity_mention import EntityMention


@dataclass(frozen=True)
class Arg:
    """One end of a relation: an entity in this sentence."""

    iri: str
    cls: str
    start_char: int
    end_char: int
    discount: float = 1.0


def arg(ctx: DocContext, token: Token, discount: float = 1.0) -> Arg | None:
    """The entity on ``token``, if a resolved mention covers it.

    One Arg per mention and discount for the document at hand: the rules ask again and again
    for the same tokens' (:data:`_ARGS`).
    """
    by_token = ctx.resolved.by_token
    hit = by_token.get(token.i)
    if hit is None:
        return None
    if not _ARGS or _ARGS[0][0] is not by_token:
        _ARGS[:] = [(by_token, {})]
    made = _ARGS[0][1]
    key = (token.i, discount)
    found = made.get(key)
    if found is None:
        found = made[key] = Arg(hit.iri, hit.cls, hit.start_char, hit.end_char, discount)
    return found


#: The Args made for the document at hand: (its resolved mentions by token, (token, discount) -> Arg).
_ARGS: list[tuple[dict[int, EntityMention], dict[tuple[int, float], Arg]]] = []


def is_country(ctx: DocContext, place: Arg) -> bool:
    """Whether the place is a country: a role "of" it ("the Premier of China", "a minister of
    Ghana") or its "'s" ("Italy's trade minister") is the person's country, not where they live."""
    labels = {ctx.text[place.start_char:place.end_char],
              *(e.label for e in ctx.resolved.entities if e.iri == place.iri)}
    known = [ctx.lexicon.known(label) for label in labels]  # "Netherlands": geonames has "The Netherlands"
    labels |= {name for entry in known if entry is not None for name in (entry.label, *entry.aliases)}
    return any(label.casefold() in countries() for label in labels)


#: Nouns for a name itself: a name in apposition to one is what something is called, not the
#: entity taking part ("adopted the name X", "trades under the symbol X").
_NAMING_NOUNS = frozenset({"name", "names", "symbol", "ticker", "moniker", "nickname"})


def args(ctx: DocContext, token: Token | None, *, maker: bool = False,
         examples: bool = False) -> list[Arg]:
    """Entities a phrase headed by ``token`` names, with its conjuncts.

    A place brings the place in apposition ("St. Louis, Missouri"); a plain
    noun brings its examples ("rivals like Microsoft and Google"). With
    ``maker``, a Product head noun modified by an entity stands for that
    entity ("Amazon's chips" → Amazon) at a discount.
    """
    if token is None:
        return []
    words = ctx.lexicon.words
    things = words.rules["made_classes"]
    out = []
    for t in [token, *conjuncts(token)]:
        a = arg(ctx, t)
        if (a is None and t.lower_ in _NAMING_NOUNS) or (a is not None and any(
                c.dep_ == "compound" and c.lower_ in _NAMING_NOUNS and c.idx < a.start_char for c in t.children)):
            continue  # "will use the name Office Depot Inc.": a name, not the thing named
        if a is None:  # "led by co-chief executives Jong-Hee Han and Kye-Hyun Kyung": the names
            named = [x for c in t.children if c.dep_ == "appos" and not _names_relative(ctx, t, c)
                     and not _its_parts(ctx, t, c) for u in (c, *conjuncts(c)) for x in [arg(ctx, u)] if x]
            out.extend(named[:-1])
            a = named[-1] if named else None
        elif a.cls == "Place":  # "St. Louis, Missouri": the state too
            out.extend(x for c in t.children if c.dep_ in {"appos", "npadvmod"}
                       for x in [arg(ctx, c)] if x and x.cls == "Place" and x.iri != a.iri)
        if a is None and not examples:  # "rivals like Microsoft and Google", "firms such as X"
            for child in t.children:
                if child.dep_ == "prep" and gives_examples(child, words.rules["example_prepositions"]):
                    out.extend(args(ctx, pobj(child), examples=True))
        if a is None and maker and ctx.lexicon.head_nouns.get(t.lower_) in things:
            # "TPU chips" are the TPU; "Amazon's chips" stand for their maker
            named = [x for c in t.children if c.dep_ in {"poss", "compound", "nmod"}
                     for x in [arg(ctx, c)] if x]
            made = [x for x in named if x.cls in things]
            a = made[-1] if made else (
                Arg(named[-1].iri, named[-1].cls, named[-1].start_char, named[-1].end_char,
                    words.discount["maker"]) if named else None)
        if a is not None:
            out.append(a)
    return out


def _names_relative(ctx: DocContext, noun: Token, appos: Token) -> bool:
    """Whether a name in apposition to a kin noun names the relative its "of" names, not
    the noun: in "The daughter of politician Mondher Ben Ammar, she taught at ..." the
    parser hangs the name on "daughter", but it is the politician; after a comma it is the
    daughter ("The son of banker Omar Haddad, Sami Haddad taught ...")."""
    before = appos.doc[appos.left_edge.i - 1] if appos.left_edge.i > 0 else None
    return noun.lower_ in ctx.lexicon.kin_titles and before is not None and not before.is_punct and any(
        c.dep_ == "prep" and c.lower_ == "of" and c.i < appos.i for c in noun.children)


def gives_examples(prep: Token, prepositions: frozenset[str]) -> bool:
    """Whether a preposition introduces examples of the noun it hangs on: "rivals like Microsoft",
    "firms such as X" (``words.toml`` ``example_prepositions``, and "such as")."""
    return prep.lower_ in prepositions or (prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))


def _its_parts(ctx: DocContext, noun: Token, appos: Token) -> bool:
    """Whether a name in apposition to a noun names one of its parts: "will lead a coalition
    government made up of five parties: the Leaders Party, ..." (``words.toml`` ``parts_verbs``)."""
    parts = ctx.lexicon.words.rules.get("parts_verbs", ())
    return any(c.dep_ == "acl" and c.lemma_ in parts and c.i < appos.i for c in noun.children)


def head_word(name: str) -> str:
    """The head word of a name, lower case: its last word before "of", "for", "on" or "in".

    >>> head_word("House of Representatives"), head_word("the Kessel Party")
    ('house', 'party')
    """
    words = _head_words(name.lower())
    return words[-1] if words else ""


def a_chamber(name: str, rules: dict) -> bool:  # type: ignore[type-arg]
    """Whether a body's name is a chamber's, one is elected to (``words.toml`` ``chamber_words``):
    "House of Representatives", "National Assembly", not "Labour Party"."""
    return head_word(name) in rules.get("chamber_words", ())


def a_party(ctx: DocContext, body: Arg) -> bool:
    """Whether ``body`` is a political party (``words.toml`` ``party_words``: the head word of its
    name as written or of its entity's label, before "of": "UNA" of the United Nationalist Alliance)."""
    if body.cls != "Organization":
        return False
    words = ctx.lexicon.words.rules.get("party_words", ())
    return head_word(ctx.text[body.start_char:body.end_char]) in words \
        or head_word(ctx.labels.get(body.iri, "")) in words


def named_as_a_part(ctx: DocContext, token: Token) -> bool:
    """Whether the name at ``token`` is listed as one of a group's parts ("a coalition government
    made up of five parties: the Leaders Party, the Kessel Party ...", "a board made up of A and B"),
    so a relation of the group's is none of its.

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> text = "Ann Lee leads a coalition made up of the Kessel Party and the Vell Party."
    >>> ctx = Pipeline().context(Document.from_text(text, "x"))
    >>> [t.text for t in ctx.doc if t.text == "Party" and named_as_a_part(ctx, t)]
    ['Party', 'Party']
    """
    parts = ctx.lexicon.words.rules.get("parts_verbs", ())
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    if (token.dep_ == "appos" and _its_parts(ctx, head, token)) or (
            token.dep_ == "pobj" and head.dep_ == "prep" and head.head.dep_ == "acl" and head.head.lemma_ in parts):
        return True
    start = token.left_edge.i  # "made up of five parties — Leaders Party, ...": the list after the dash
    if start < 2 or token.doc[start - 1].text not in {"—", "–", "-", ":"}:
        return False
    before = token.doc[start - 2]
    return any(a.dep_ == "acl" and a.lemma_ in parts for a in list(before.ancestors)[:3])


def member_body(ctx: DocContext, start: int, end: int) -> bool:
    """Whether the organisation named at ``start:end`` (characters) is one people belong to.

    Its head word (the last word before "of", "for", "on" or "in": "Royal
    Academy of Sciences", "Committee on Expenditures") or a phrase of it is in
    ``ontology/words.toml`` ``[rules] member_bodies`` (a party, board, club,
    team, association, parliament: kg.ttl's memberOf), or a name of two words or more ends
    in a club's abbreviation (``club_suffixes``: "Graz EC").

    >>> from kg.lexicon import load_lexicon
    >>> from types import SimpleNamespace
    >>> ctx = SimpleNamespace(text="the Liberal Party of Kenya and Acme Corp, Graz EC and the EC", lexicon=load_lexicon())
    >>> member_body(ctx, 4, 26), member_body(ctx, 31, 40), member_body(ctx, 42, 49), member_body(ctx, 58, 60)
    (True, False, True, False)
    """
    name = ctx.text[start:end].lower()
    words = ctx.lexicon.words.rules
    bodies = words.get("member_bodies", frozenset())
    head = _head_words(name)
    if head and (head[-1] in bodies or (len(head) > 1 and head[-1] in words.get("club_suffixes", ()))):
        return True
    return any(" " in body and body in name for body in bodies)


def military_body(ctx: DocContext, start: int, end: int) -> bool:
    """Whether the organisation named at ``start:end`` (characters) is an armed force or
    one of its units: its head word, or the phrase that ends its head, is in
    ``ontology/words.toml`` ``[rules] military_bodies``, and no phrase of ``civil_corps``
    is in its name (kg.ttl's servedIn).

    >>> from kg.lexicon import load_lexicon
    >>> from types import SimpleNamespace
    >>> text = "the Royal Canadian Air Force, the Corps of Engineers, the Peace Corps, Air Force Books"
    >>> ctx = SimpleNamespace(text=text, lexicon=load_lexicon())
    >>> [military_body(ctx, *span) for span in ((4, 28), (34, 52), (58, 69), (71, 86))]
    [True, True, False, False]
    """
    name = ctx.text[start:end].lower()
    words = ctx.lexicon.words.rules
    if any(phrase in name for phrase in words.get("civil_corps", ())):
        return False
    head = " ".join(_head_words(name))
    return any(head == body or head.endswith(" " + body) for body in words.get("military_bodies", ()))


def _head_words(name: str) -> list[str]:
    """The words of a name up to its first "of", "for", "on" or "in", stripped of
    punctuation: "Royal Academy of Sciences" -> ["royal", "academy"]."""
    return [w.strip(".,'\"()") for w in re.split(r"\s(?:of|for|on|in)\s", name)[0].split()]


def membership(ctx: DocContext, predicate: str, start: int, end: int) -> str:
    """``servedIn`` for a ``worksFor`` or ``memberOf`` whose organisation is an armed
    force (:func:`military_body`); ``memberOf`` for a ``worksFor`` whose organisation
    is a :func:`member_body`, or a sports team by its sentence (:func:`team_sentence`);
    else ``predicate``.

    kg.ttl's memberOf: belonging to "a party, board, club, team or association"
    as a member rather than as an employee ("joined the Labour Party", "a
    member of the Royal Academy of Sciences", "played for the Ajax football club");
    its sub-property servedIn: service in an armed force ("joined the British Army"); a
    college one played a sport for is where one studied (:func:`college_sport`).
    """
    if predicate in {"worksFor", "memberOf"} and military_body(ctx, start, end):
        return "servedIn"
    if predicate in {"worksFor", "memberOf"} and college_sport(ctx, start, end):
        return "educatedAt"
    if predicate == "worksFor" and (member_body(ctx, start, end) or described_as_body(ctx, start, end)
                                    or team_sentence(ctx, start, end) or a_body_elsewhere(ctx, start, end)):
        return "memberOf"
    return predicate


def college_sport(ctx: DocContext, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` (characters) is the school one played a college sport
    for or at: "played college football for Idaho State", "college basketball at Duke
    University" (a student's, as Wikidata files it: educated at).

    >>> from kg.extract.nlp import load_nlp
    >>> from types import SimpleNamespace
    >>> text = "Cole played college football at Duke University and taught at Yale."
    >>> ctx = SimpleNamespace(doc=load_nlp()(text))
    >>> college_sport(ctx, text.index("Duke"), 48), college_sport(ctx, text.index("Yale"), 67)
    (True, False)
    """
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.lower_ not in {"for", "at", "with"}:
        return False
    head = prep.head
    games = [head] if head.pos_ == "NOUN" else [c for c in head.children if c.dep_ == "dobj"]
    return any(c.lower_ == "college" and c.dep_ in {"compound", "amod", "nmod"} for g in games for c in g.children)


def a_body_elsewhere(ctx: DocContext, start: int, end: int) -> bool:
    """Whether another name of the organisation named at ``start:end`` (characters) in
    the document is one of a body people belong to by its own words or its sentence
    (:func:`member_body`, :func:`team_sentence`): "traded to the Minnesota Vikings ... six
    years with the Vikings" (a team both times); not by a noun it modifies ("the KWS board").

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> text = "Allen was traded to the Minnesota Vikings in 2008. He spent six years with the Vikings."
    >>> ctx = Pipeline().context(Document.from_text(text, "x"))
    >>> a_body_elsewhere(ctx, 79, 86), team_sentence(ctx, 79, 86)
    (True, False)
    """
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    hit = ctx.hit(span.end - 1) if span is not None and len(span) else None
    if hit is None or hit.anaphor:
        return False
    return any(iri == hit.iri and (m.end <= start or m.start >= end)
               and (member_body(ctx, m.start, m.end) or team_sentence(ctx, m.start, m.end))
               for iri, m in ctx.resolved.mentions)  # not "the KWS board" (the board is KWS's)


def described_as_body(ctx: DocContext, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` (characters) follows a noun of a body people
    belong to, or two words that make one, or modifies one, or stands in apposition to one:
    "the rock band Kestrel", "the pop group Varn", "the Kestrel basketball team", "her band,
    the Velvetones" (``ontology/words.toml`` ``[rules] member_bodies``).

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> from types import SimpleNamespace
    >>> doc = load_nlp()("Ana Ruiz of the pop group Varn met Leo Hart of Acme Corp.")
    >>> ctx = SimpleNamespace(doc=doc, lexicon=load_lexicon())
    >>> described_as_body(ctx, 26, 30), described_as_body(ctx, 47, 56)
    (True, False)
    """
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or span.start == 0:
        return False
    bodies = ctx.lexicon.words.rules.get("member_bodies", frozenset())
    at = span.start - 1 if ctx.doc[span.start - 1].lower_ == "the" else span.start  # "the vocal group the Velvetones"
    before = [t.lower_ for t in ctx.doc[max(at - 2, 0):at]] or [""]
    root = span.root
    after = root.head.lower_ if root.dep_ in {"compound", "nmod"} and root.head.i >= span.end else ""
    named = before[0] if before[-1] == "," else ""  # "her band, the X"
    return before[-1] in bodies or " ".join(before) in bodies or after in bodies or named in bodies


def team_sentence(ctx: DocContext, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` (characters) is spoken of as a sports team: the
    word and preposition that govern it ("traded to", "played for", "drafted by"), or
    its verb's "as" phrase ("joined the Bears as a free agent"), are in
    ``ontology/words.toml`` ``[rules] team_cues``, or its sentence has a word of playing
    (``playing_words``: "one of their greatest ever players").

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> from types import SimpleNamespace
    >>> doc = load_nlp()("Cole worked for Acme Corp before he was traded to the Carolina Panthers.")
    >>> ctx = SimpleNamespace(doc=doc, lexicon=load_lexicon())
    >>> team_sentence(ctx, 16, 25), team_sentence(ctx, 53, 70)
    (False, True)
    """
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if team_cued(span, ctx.lexicon):  # "traded to the Carolina Panthers"
        return True
    playing = ctx.lexicon.words.rules.get("playing_words", frozenset())
    if any(t.lower_ in playing for t in span.sent):  # "at River Plate he won 4 titles ... their greatest players"
        return True
    root = span.root
    verb = root.head.head if root.dep_ == "pobj" and root.head.dep_ in {"prep", "agent"} else root.head
    said = {" ".join(t.lemma_.lower() for t in (*c.lefts, c) if t.dep_ in {"amod", "compound", "pobj"})
            for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "as"
            for c in prep.children if c.dep_ == "pobj"}  # "joined the Bears as a free agent"
    return not said.isdisjoint(ctx.lexicon.words.rules.get("team_cues", ()))


def relation(ctx: DocContext, spec: PropertySpec, s: Arg, o: Arg, sent: Span, kind: str,
             confidence: float, *, staff: bool = False, former: bool = False) -> Relation:
    """The relation ``s spec o`` stated in ``sent`` by rule family ``kind``; ``former``: as
    held before, not now (:func:`formerly`).

    A worksFor whose object is a body people are members of is memberOf (:func:`membership`),
    unless the person is ``staff`` there (a club's coach, a party's manager: employed), or their
    verb's "as" names them so (:func:`named_as_staff`).
    """
    staff = staff or (spec.name == "worksFor" and named_as_staff(ctx, s))
    predicate = spec.name if staff else membership(ctx, spec.name, o.start_char, o.end_char)
    return Relation(
        subject=s.iri, predicate=predicate,
        obj=o.iri, doc_id=ctx.doc_id,
        sentence=ctx.sentence_text(sent), subject_span=(s.start_char, s.end_char),
        object_span=(o.start_char, o.end_char),
        confidence=round(confidence * s.discount * o.discount, 3), extractor=f"rule:{kind}", former=former,
    )


def named_as_staff(ctx: DocContext, person: Arg) -> bool:
    """Whether the verb a person's name hangs on names them one of a body's staff in its "as"
    (``ontology/words.toml`` ``staff_titles``): "the Chicago Bulls hired Billy Donovan as their
    new head coach", "Ann Lee joined the Bears as coach"; not "joined the Bears as a free agent".

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> text = "Elsewhere, the Chicago Bulls hired Billy Donovan as their new head coach."
    >>> ctx = Pipeline().context(Document.from_text(text, "x"))
    >>> named_as_staff(ctx, arg(ctx, ctx.doc[7])), named_as_staff(ctx, arg(ctx, ctx.doc[4]))
    (True, False)
    """
    span = ctx.doc.char_span(person.start_char, person.end_char, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root.head
    hired = [a for c in verb.children if c.dep_ == "dobj" for a in [arg(ctx, c)] if a is not None and a.cls == "Person"]
    if span.root.dep_ in {"nsubj", "nsubjpass"} and hired:
        return False  # the "as" of "the Bulls hired Billy Donovan as coach" is Donovan's
    staff = ctx.lexicon.words.rules.get("staff_titles", frozenset())
    return any(p.lower_ in staff for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
               for p in c.children if p.dep_ == "pobj")


def fitting(specs: list[PropertySpec], s_cls: str, o_cls: str) -> PropertySpec:
    """The first property whose domain and range fit; else the first (quarantined later)."""
    return next((s for s in specs if s.allows(s_cls, o_cls)), specs[0])


def conjuncts(token: Token) -> list[Token]:
    """The ``conj`` children of ``token``, theirs and so on ("chairman, president and CEO"),
    read from the document's table (most tokens have none: no Token is made for them)."""
    t = tokens_of(token.doc)
    out, stack = [], [token.i]
    while stack:
        for child in t.children(stack.pop()):
            if t.dep[child] == "conj":
                out.append(child)
                stack.append(child)
    return [token.doc[i] for i in out]


def pobj(prep: Token | None) -> Token | None:
    """The object of a preposition (its first ``pobj`` or ``pcomp`` child), if any."""
    if prep is None:
        return None
    t = tokens_of(prep.doc)
    i = next((c for c in t.children(prep.i) if t.dep[c] in {"pobj", "pcomp"}), None)
    return None if i is None else prep.doc[i]


_CONTROL_DEPS = frozenset({"xcomp", "pcomp", "advcl", "conj", "ccomp", "prep"})


def subject(ctx: DocContext, verb: Token) -> Token | None:
    """The verb's subject, or the subject it inherits ("Apple is focused on using X")."""
    relative = ctx.lexicon.words.rules["relative_subjects"]
    node = verb
    for _ in range(6):
        found = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if found is not None:
            if found.lower_ in relative and node.dep_ == "relcl":  # "Smith, who founded X"
                # the noun the clause modifies when it names someone, else the name the pronoun
                # was resolved to ("Their son, Magnus Dahl, is a footballer who plays for X")
                by_token = ctx.resolved.by_token
                return found if node.head.i not in by_token and found.i in by_token else node.head
            return found
        if node.dep_ == "acl":
            if node.head.pos_ == "PROPN":  # "Tom Hubert (born May 24, 1977)"
                return node.head
            if node.tag_ == "VBN" and (node.head.lemma_.lower() in ctx.lexicon.words.rules["gathering_nouns"]
                                       or ctx.lexicon.head_nouns.get(node.head.lower_) == "Event"):
                return None  # "Netflix's event, held in Lagos": the event was there, not its owner
            # "Apple's plans to use X": the owner of the noun
            owner = next((c for c in node.head.children if c.dep_ == "poss"), None)
            if owner is not None or node.head.dep_ != "dobj" \
                    or node.head.lemma_.lower() not in ctx.lexicon.words.rules["agreement_nouns"]:
                return owner
            node = node.head.head  # "Acme signed an agreement to acquire X": who signed it
            continue
        if node.dep_ not in _CONTROL_DEPS or node.head.i == node.i:
            return None
        appointee = _appointee(ctx, node)
        if appointee is not None:
            return appointee
        if node.dep_ == "xcomp" and _placed_in_a_body(ctx, node):
            return None  # "named in the Cricket Management Committee to run the PCB": the committee runs it
        node = node.head
    return None


def _placed_in_a_body(ctx: DocContext, purpose: Token) -> bool:
    """Whether the verb an infinitive of purpose completes puts its subject "in", "on" or "to" a
    body named before the infinitive ("was named in the committee to run the PCB", "appointed to
    a panel to review X"): the purpose is the body's, not the member's."""
    verb, rules = purpose.head, ctx.lexicon.words.rules
    bodies = frozenset(rules["appointing_bodies"]) | frozenset(rules["member_bodies"])
    return any(c.dep_ == "prep" and c.lower_ in {"in", "on", "to", "into"} and c.i < purpose.i
               and (p.lower_ in bodies or ctx.lexicon.head_nouns.get(p.lower_) == "Organization")
               for c in verb.children for p in c.children if p.dep_ == "pobj")


def casts(ctx: DocContext, verb: Token) -> bool:
    """Whether a verb casts its object "as" the best of a kind (``ontology/words.toml``
    ``casting_verbs``): "establishing Grupo Bimbo as the largest bakery firm" founds nothing;
    "established Kuwait Invest as a major medical service provider" does.

    >>> from types import SimpleNamespace
    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> ctx = SimpleNamespace(lexicon=load_lexicon())
    >>> doc = load_nlp()("He expanded it, establishing Bimbo as the largest bakery. She established Kivo as a clinic.")
    >>> casts(ctx, doc[4]), casts(ctx, doc[12])
    (True, False)
    """
    return verb.lemma_.lower() in ctx.lexicon.words.rules["casting_verbs"] and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(t.tag_ == "JJS" or t.lemma_.lower() in {"leader", "leading"}
                                                     for t in c.subtree)
        for c in verb.children)


def _appointee(ctx: DocContext, verb: Token) -> Token | None:
    """Who an infinitive of purpose is about when the verb it serves names an appointment
    (``ontology/words.toml`` ``appointment_nouns``): "Buhari approved the appointment of Simon
    Harry to head the bureau" (Harry heads it, not Buhari); or appoints its object
    (``appointing_verbs``): "the Ruler of Dubai has appointed Sheikh Ahmed to oversee Dubai
    Holding" (Sheikh Ahmed oversees it)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ctx.lexicon.words.rules["appointing_verbs"]:
        appointed = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if appointed is not None:
            return appointed
    nouns = ctx.lexicon.words.rules["appointment_nouns"]
    return next((p for c in verb.head.children if c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in nouns
                 for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for p in prep.children if p.dep_ == "pobj"), None)


def negated(ctx: DocContext, verb: Token) -> bool:
    """"did not acquire", "instead of investing", "failed to buy", "terminated its proposal
    to acquire" (``ontology/words.toml`` ``abandoning``): the verb states nothing."""
    t = tokens_of(verb.doc)
    if any(t.dep[c] == "neg" for c in t.children(verb.i)):
        return True
    intention = _intention(verb)
    if intention is not None:
        abandoning = ctx.lexicon.words.rules["abandoning"]
        if intention.lemma_.lower() in abandoning or any(c.dep_ == "neg" for c in intention.children) or (
                intention.dep_ in {"dobj", "nsubjpass"} and intention.head.lemma_.lower() in abandoning):
            return True
    counterfactual = ctx.lexicon.words.rules["counterfactual"]
    node = verb.i
    for _ in range(3):  # "instead of investing", "rather than buying", "without using"
        if t.dep[node] not in {"pcomp", "pobj", "prep"} or t.head[node] == node:
            break
        node = t.head[node]
        if t.lower[node] in counterfactual or any(t.lower[c] in counterfactual for c in t.children(node)):
            return True
    return False


def hedged(ctx: DocContext, verb: Token) -> bool:
    """"may partner", "plans to buy", "its bid to acquire": the verb states a possibility."""
    hedges = ctx.lexicon.words.rules["hedges"]
    intention = _intention(verb)
    t = tokens_of(verb.doc)
    return any(t.lower[c] in hedges for c in t.children(verb.i) if t.dep[c] in {"aux", "advmod"}) or \
        (intention is not None and intention.lemma_.lower() in hedges)


def planned(ctx: DocContext, verb: Token) -> bool:
    """Whether the verb states what is only planned or hedged: "plans to buy", "may partner",
    "will acquire" (:func:`hedged`, or an auxiliary of the future).

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("Acme will acquire Zentro. Acme acquired Brevant.", "x"))
    >>> planned(ctx, ctx.doc[2]), planned(ctx, ctx.doc[6])
    (True, False)
    """
    return hedged(ctx, verb) or future(verb)


def formerly(ctx: DocContext, word: Token) -> bool:
    """Whether a title or a verb is said of the past, no longer so: "a former chief
    executive", "ex-CEO", "the late chairman", "was previously head of", "previously worked
    at" (``ontology/words.toml`` ``former_words``).

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("Ann Lee, a former CEO of Acme, previously worked at Zentro.", "x"))
    >>> formerly(ctx, ctx.doc[5]), formerly(ctx, ctx.doc[10]), formerly(ctx, ctx.doc[7])
    (True, True, False)
    """
    words = ctx.lexicon.words.rules.get("former_words", frozenset())
    t = tokens_of(word.doc)  # the table: a Token's strings are made at each read
    if word.i >= 2 and t.word(word.i - 1) in {"-", "–"} and t.lower[word.i - 2] == "ex":
        return True  # "ex-CEO"
    if word.pos_ in {"NOUN", "PROPN"}:
        if any(k < word.i and (t.lower[k] in words or t.lower[k] == "last" and t.dep[k] == "amod")
               for k in t.subtree(word.i)) or _ended(word) or _then(word, ctx.lexicon.triggers.title_heads) or _years_as(word):
            return True  # "former Argentina and Colombia boss", "Minister of State from 1994 to 1997"
        if word.dep_ == "conj" and word.head.pos_ in {"NOUN", "PROPN"} and (_shares_former(word, words) or (
                not _phrase_of_its_own(word) and formerly(ctx, word.head))):
            return True  # "the former chairman and chief executive of X"; "Before joining DFS, he was chairman
            # and managing director of REC": the title it is joined to is over, so is it
        if word.dep_ in {"nsubj", "nsubjpass"} and left_post(ctx, word.head) or word.dep_ == "appos" \
                and word.head.dep_ in {"nsubj", "nsubjpass"} and left_post(ctx, word.head.head):
            return True  # "The managing editor, Hal Ritter, resigned"; "Paul Edwards, editor of X, has stepped down"
        if word.dep_ == "compound" and word.head.pos_ == "PROPN":  # "X and labour minister Santosh Gangwar resigned"
            named = first_conjunct(word.head)
            if named.dep_ in {"nsubj", "nsubjpass"} and left_post(ctx, named.head):
                return True
            if named.dep_ == "dobj" and _removed(ctx, named.head):
                return True  # "Club America has fired head coach Mauricio Barbieri"
        if word.dep_ == "dobj" and _removed(ctx, word.head):
            return True  # "has relieved the Head Coach of the national team, Stephen Keshi of his job"
        named = word.head if word.dep_ in {"compound", "appos"} else word  # "the resignation of Deputy President X"
        while named.dep_ == "nmod" and named.head.pos_ == "PROPN" and named.head.i > named.i:
            named = named.head  # "including Health Minister X and Education Minister Y": the parse's list
        named = first_conjunct(named)  # "resignations including X and Education Minister Y"
        if named.dep_ == "pobj" and named.head.lower_ in {"of", "including"} and \
                named.head.head.lemma_.lower() in ctx.lexicon.words.rules.get("leaving_nouns", ()):
            return True  # "twelve ministers tendered their resignations including Health Minister X"
        if word.dep_ == "pobj" and word.head.lower_ == "as":  # "the resignation of Kang Shin-ho as chairman"
            held = word.head.head  # the noun, or the name the parse hangs the "as" on
            noun = held.head.head if held.dep_ == "pobj" and held.head.lower_ == "of" else held
            if noun.lemma_.lower() in ctx.lexicon.words.rules.get("leaving_nouns", ()):
                return True
        verb = word.head if word.dep_ in {"attr", "oprd"} else word.head.head \
            if word.dep_ == "pobj" and word.head.lower_ == "as" else None  # "was X", "served as X"
        while verb is not None and verb.pos_ not in {"VERB", "AUX"} and verb.dep_ in {"pobj", "prep"}:
            verb = verb.head  # "served for seven years as CEO": the "as" hangs on the years
        if verb is not None and verb.lower_ in POST_NOUNS and verb.dep_ == "dobj" and (
                verb.head.lemma_ == "leave" or left_post(ctx, verb.head)):
            return True  # "left her job as CEO", "resigned his post as chair"
        if verb is not None and verb.lemma_ == "leave" and word.head.lower_ == "as" and verb.tag_ in {"VBD", "VBN"} \
                and any(c.dep_ == "dobj" and c.lower_ in POST_NOUNS for c in verb.children):
            return True  # the same, the "as" hung on the verb
        return verb is not None and (any(t.dep[c] == "advmod" and t.lower[c] in words for c in t.children(verb.i))
                                     or _recently_was(verb) or _early_in_a_career(verb)
                                     or _was_before_a_new_post(ctx, verb)
                                     or _ended(verb) or (word.head.lower_ == "as" and (
                                         left_post(ctx, verb) or _was_replaced(ctx, verb)))
                                     or _had_been(verb) or _held_then(verb))
    return any(t.dep[c] in {"advmod", "npadvmod"} and t.lower[c] in words for c in t.children(word.i)) or _ended(word) \
        or _held_then(word) or (word.lemma_ in _HOLDING and _had_been(word)) or _spent(word) \
        or _early_in_a_career(word)


def _was_before_a_new_post(ctx: DocContext, verb: Token) -> bool:
    """Whether a past "was" of a relative clause tells the post its person held before the one
    the sentence gives them: "Bonnie Chan, who was head of the listing division, took over as
    chief executive", "..., who was deputy governor, has been appointed governor".

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text(
    ...     "Bonnie Chan, who was head of listings, took over as chief executive.", "x"))
    >>> _was_before_a_new_post(ctx, ctx.doc[4])
    True
    """
    person = verb.head
    if verb.lemma_ != "be" or verb.tag_ != "VBD" or verb.dep_ != "relcl" \
            or person.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    main = person.head
    return main.lemma_ == "become" or any(c.dep_ == "prep" and c.lower_ == "as" for c in main.children) \
        or (person.dep_ == "nsubjpass" and main.lemma_ in ctx.lexicon.words.rules["appointing_verbs"])


def _early_in_a_career(verb: Token) -> bool:
    """Whether the verb is told of an earlier part of a career: "Earlier in his career, Joe Roe was
    chief executive of X", "Early in her career she worked for Y", or is a past "was" told
    "earlier": "Earlier, Dhanin was both CP CEO and chairman" (held then, no longer); not
    "Earlier this week, Ann Lee was named chair".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Earlier in his career, Joe Roe was chief of Acme. "
    ...                  "In his career, Al Lee was chief of Zentro.")
    >>> _early_in_a_career(doc[7]), _early_in_a_career(doc[18])
    (True, False)
    >>> doc = load_nlp()("Earlier, Dhanin was CEO of CP. Earlier this week, Ann Vell was chair of Acme.")
    >>> _early_in_a_career(doc[3]), _early_in_a_career(doc[14])
    (True, False)
    """
    for c in verb.children:
        if c.dep_ in {"advmod", "prep"} and c.i < verb.i:
            words = {w.lower_ for w in c.subtree}
            if "career" in words and words & {"earlier", "early"}:
                return True
            if c.lower_ == "earlier" and not any(True for _ in c.children) and verb.lemma_ == "be" \
                    and verb.tag_ == "VBD":
                return True  # "Earlier, Dhanin was both CP CEO and chairman"
    return False


#: Nouns of a post a leaving verb takes before its "as": "left her job as CEO".
POST_NOUNS = frozenset({"job", "post", "position", "role", "seat", "office"})


def _years_as(title: Token) -> bool:
    """Whether the title is the post of a stretch of time after which its holder leaves:
    "parted ways with X after 13 years as managing director" (over); not "After 13 years as
    CEO, he remains at X".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Bo Ek left Vexo after 13 years as chief executive. Al Roe is chief executive.")
    >>> _years_as(doc[9]), _years_as(doc[15])
    (True, False)
    """
    while title.dep_ == "conj" and title.head.i < title.i:
        title = title.head  # "after 13 years as managing director and chief executive"
    as_, span = title.head, title.head.head
    return title.dep_ == "pobj" and as_.lower_ == "as" and span.lower_ in _SPANS and span.dep_ == "pobj" \
        and span.head.lower_ == "after" and span.head.head.lemma_ in _LEAVING_LEMMAS


#: Verbs whose subject leaves: "parted ways with X after 13 years as CEO".
_LEAVING_LEMMAS = frozenset({w.split()[0] for w in load_words().rules["leaving_verbs"]}) \
    | {"part", "leave", "exit"}


def _was_replaced(ctx: DocContext, verb: Token) -> bool:
    """Whether a verb says its subject was succeeded ("Sonowal, who was replaced by Himanta Sarma as
    chief minister": ``words.toml`` ``succeeding_verbs``, passive, done; not "will be replaced").

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> text = "Bo Ek was replaced by Al Roe as chair. Di Lu will be replaced."
    >>> ctx = Pipeline().context(Document.from_text(text, "x"))
    >>> _was_replaced(ctx, ctx.doc[3]), _was_replaced(ctx, ctx.doc[14])
    (True, False)
    """
    return verb.lemma_ in ctx.lexicon.words.rules.get("succeeding_verbs", ()) and not future(verb) \
        and any(c.dep_ == "auxpass" for c in verb.children)


def _recently_was(verb: Token) -> bool:
    """Whether a post is told as the last one before now: "Most recently, Cooper was CEO of X"
    (a biography's past post); not "She was recently named CEO".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Most recently, Cooper was CEO of Vexo. She was recently named CEO.")
    >>> _recently_was(doc[4]), _recently_was(doc[11])
    (True, False)
    """
    return verb.lemma_ == "be" and verb.tag_ == "VBD" and verb.dep_ == "ROOT" \
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children) \
        and any(c.dep_ == "advmod" and c.lower_ == "recently" for c in verb.children)


def _spent(verb: Token) -> bool:
    """Whether a verb tells how a span of time that is over was spent: "spent six years playing
    for X" (not "has spent six years working for X": still so).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Bo Ek spent a decade playing for Vexo. Al Roe has spent years working for Acme.")
    >>> _spent(doc[5]), _spent(doc[14])
    (True, False)
    """
    spend = verb.head
    return verb.tag_ == "VBG" and verb.dep_ in {"xcomp", "advcl"} and spend.lemma_ == "spend" \
        and spend.tag_ == "VBD" and not any(c.dep_ == "aux" for c in spend.children)


def _then(title: Token, titles: frozenset[str] = frozenset()) -> bool:
    """Whether a "then" opens the title, past the title's own words (``titles``): "then Head
    Coach Trevor Bayliss", "the then chairman", "then-CEO" (held at the time told, no longer).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("It was signed by then Head Coach Tom Hale. He then joined Acme as coach.")
    >>> _then(doc[6]), _then(doc[16])
    (True, False)
    """
    t, k = tokens_of(title.doc), title.i - 1  # the table: a Token's strings are made at each read
    while k >= 0 and title.i - k <= 4 and t.lower[k] != "then" and (
            t.dep[k] in {"compound", "amod"} and title.i >= t.head[k] > k or t.lower[k] in titles):
        k -= 1
    return k >= 0 and (t.lower[k] == "then" or t.word(k) in {"-", "–"} and k > 0 and t.lower[k - 1] == "then")


def _shares_former(title: Token, words: frozenset[str]) -> bool:
    """Whether a title joined to another ("chief executive" in "the former chairman and chief
    executive") shares the first one's "former", having no time word of its own ("the former
    chairman and current chief executive") and no article of its own ("three former ministers
    and the elected dean")."""
    if _phrase_of_its_own(title):
        return False  # "three former ministers and the elected dean": a phrase of its own
    return any(c.dep_ in {"amod", "advmod"} and c.lower_ in words for c in title.head.children)  # "formerly X and Y"


def _phrase_of_its_own(title: Token) -> bool:
    """Whether a title joined to another has a time word ("current") or an article of its own."""
    return any(c.dep_ == "amod" and c.lower_ in _NOW or c.dep_ in {"det", "nummod"} for c in title.children)


#: Words that make a title current whatever a title joined to it says.
_NOW = frozenset({"current", "present", "new", "incoming", "acting", "interim", "now"})


def _had_been(verb: Token) -> bool:
    """Whether a post is told in the past perfect: "had been CEO of X for 11 years", "had
    served as the chair of Y" (news tells a post so when it is over); not "had been named CEO".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Bo Ek had served as chair. Al Roe had been named CEO.")
    >>> _had_been(doc[3]), _had_been(doc[11])
    (True, False)
    """
    return verb.tag_ == "VBN" and verb.lemma_ in {"be", "serve", "work", "act"} and \
        any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


#: Verbs of holding a post ("served as chair", "worked at X"), told in the simple past of one that is over.
_HOLDING = frozenset({"serve", "work", "act"})


def _held_then(verb: Token) -> bool:
    """Whether a post is told in the simple past as one that is over: "served as chair of X",
    "worked at Y" (news tells a current post "serves as", "has served as ... since"), "was
    editor of Z for 20 years", "was minister in the late 1990s"; not "served as chair since
    2019", "was chief executive when it bought W".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Bo Ek served as chair. Al Roe was editor for 20 years. Ann Lee was CEO.")
    >>> _held_then(doc[2]), _held_then(doc[8]), _held_then(doc[16])
    (True, True, False)
    """
    t = tokens_of(verb.doc)  # the table: a Token's strings are made at each read
    kids = t.children(verb.i)
    if verb.tag_ != "VBD" or any(t.dep[c] in {"aux", "auxpass"} for c in kids) \
            or any(t.lower[c] == "since" for c in kids):
        return False
    if verb.lemma_ in _HOLDING:
        return True
    return verb.lemma_ == "be" and any(
        t.dep[c] == "prep" and (
            t.lower[c] == "for" and any(t.ent_type[k] == "DATE" and t.lower[k] in _SPANS for k in t.subtree(c))
            or t.lower[c] in {"in", "during"} and any(_a_time(verb.doc[k]) for k in sorted(t.subtree(c))))
        for c in _in_clause(t, verb.i))


def _in_clause(t: Tokens, verb: int) -> list[int]:
    """The words of token ``verb``'s own clause: its subtree without the clauses below it ("was CEO
    of a firm founded in 1990": not "in 1990")."""
    out, stack = [], list(t.children(verb))
    while stack:
        k = stack.pop()
        if t.dep[k] not in _CLAUSES:
            out.append(k)
            stack.extend(t.children(k))
    return out


_CLAUSES = frozenset({"relcl", "advcl", "ccomp", "acl", "xcomp", "conj", "parataxis"})


#: Words of a stretch of time: a post held "for 20 years" is over when told in the simple past.
_SPANS = frozenset({"years", "year", "decade", "decades", "months", "month", "terms", "term"})


def left_post(ctx: DocContext, verb: Token) -> bool:
    """Whether ``verb`` says its subject left a post (the one its "as" names, if any):
    "resigned as", "was sacked as", "stepped down as", "was sacked" (``ontology/words.toml``
    ``leaving_verbs``); not "will step down as", "plans to retire as", "did not resign as".

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("Ann Lee stepped down as chair. Bo Ek will resign as CEO.", "x"))
    >>> left_post(ctx, ctx.doc[2]), left_post(ctx, ctx.doc[11])
    (True, False)
    """
    if verb.pos_ not in {"VERB", "AUX"} or verb.tag_ not in {"VBD", "VBN"}:
        return False
    leaving = ctx.lexicon.words.rules.get("leaving_verbs", frozenset())
    lemma = verb.lemma_.lower()
    if lemma not in leaving and not any(f"{lemma} {c.lower_}" in leaving
                                        for c in verb.children if c.dep_ in {"advmod", "prt"}) \
            and not (lemma == "leave" and any(c.dep_ == "dobj" and (c.lower_ in _LEFT_BODIES or c.ent_type_ == "ORG")
                                              for c in verb.children)):
        return False  # but "coach Billy Mercer has left the club"; not "left for Paris", "left a legacy"
    return not (planned(ctx, verb) or negated(ctx, verb) or _intention(verb) is not None
                or any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children))


def _removed(ctx: DocContext, verb: Token) -> bool:
    """Whether ``verb`` ends its object's post, done (``words.toml`` ``removing_verbs``: "has fired
    head coach X"; not "will fire", "plans to sack")."""
    return verb.lemma_.lower() in ctx.lexicon.words.rules.get("removing_verbs", ()) and left_post(ctx, verb)


#: Nouns of a body or a post that leaving ends the post in: "have also left the club".
_LEFT_BODIES = frozenset({"club", "company", "firm", "team", "side", "board", "party", "bank", "group",
                          "post", "job", "role", "position", "office"})


def _ended(word: Token) -> bool:
    """Whether a title or its verb is dated to a time that is over: "from 2018 to 2020",
    "until 2015", "between 2007 and 2014", "prior to joining X" (not "since 2019").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He served as coach from 2018 to 2020. She has been chief executive since 2019.")
    >>> _ended(doc[3]), _ended(doc[13])
    (True, False)
    """
    doc, t = word.doc, tokens_of(word.doc)  # the table: most words have no such children
    if word.pos_ in {"VERB", "AUX"} and word.tag_ == "VBD" and any(
            t.dep[c] == "advcl" and any(t.dep[m] == "mark" and t.lower[m] == "before" for m in t.children(c))
            for c in t.children(word.i)):
        return True  # "He was the deputy director at the center before he assumed the post"
    for prep in (c for c in t.children(word.i) if t.dep[c] in {"prep", "advmod"}):
        lower = t.lower[prep]
        if lower not in {"until", "till", "between", "from", "prior", "before"}:
            continue  # none of the checks below holds
        below = sorted(t.subtree(prep))
        dated = lower != "prior" and lower != "before" and t.dep[prep] == "prep" \
            and any(_a_time(doc[k]) for k in below)  # read only where it counts
        if lower in {"until", "till", "between"} and dated:
            return True
        if lower in {"until", "till"} and any(t.lower[k] in _ENDS for k in below):
            return True  # "Until his death, he was the chairman of X", "until his retirement"
        if lower == "from" and dated and any(
                w.dep_ == "prep" and w.lower_ in {"to", "until", "till"} and w.i > prep
                and any(_a_time(d) for d in w.subtree) for w in word.sent):
            return True  # the parser hangs "to 2020" where it likes; not "from 2012 to the present"
        if lower in {"prior", "before"} and any(t.lemma[k] in _MOVING_ON for k in below):
            return True  # "Prior to joining Skye Bank, he was an executive director at Keystone Bank"
        if lower in {"prior", "before"} and any(t.lower[k] in {"that", "this", "then"} or t.pos[k] == "PROPN"
                                                and t.ent_type[k] in {"ORG", "PERSON", "GPE", "FAC"}
                                                for k in below):
            return True  # "He joined ASML in 2008. Before that, he worked at KLA"; "Prior to OpenAI, she worked at X"
    return False


def _a_time(token: Token) -> bool:
    """A date, or a year NER left out ("2016" in "from 2012 to 2016")."""
    return token.ent_type_ == "DATE" or (token.shape_ == "dddd" and 1800 <= int(token.text) <= 2100)


#: Nouns of a post's end, and of a life's: what held "until" one is over (``words.toml`` ``leaving_nouns``).
_ENDS = frozenset(load_words().rules["leaving_nouns"]) | {"death"}


#: Verbs of a later post: what one was before doing them is over ("prior to joining X").
_MOVING_ON = frozenset({"join", "become", "take", "move", "found", "launch", "start", "return", "relocate"})


def future(verb: Token) -> bool:
    """Whether an auxiliary puts the verb in the future: "will acquire", "'ll buy"."""
    return any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"} for c in verb.children)


def _intention(verb: Token) -> Token | None:
    """The verb or noun a to-infinitive complements: "plans" in "plans to buy", "proposal"
    in "its proposal to acquire", "failed" in "failed to merge"; None for a verb stated outright.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Vireo ended its proposal to acquire Kestrel and bought Brevant.")
    >>> _intention(doc[5]).text, _intention(doc[8])
    ('proposal', None)
    """
    t = tokens_of(verb.doc)
    if verb.dep_ not in {"xcomp", "acl"} or not any(t.lower[c] == "to" and t.dep[c] == "aux"
                                                   for c in t.children(verb.i)):
        return None
    return verb.head


def span_root(ctx: DocContext, start: int, end: int) -> int:
    """The token of a mention whose head lies outside it (:meth:`kg.extract.tokens.Tokens.root`,
    kept per span while its document is at hand: the rules ask for each token of a mention)."""
    return tokens_of(ctx.doc).root(start, end)


def confidence(ctx: DocContext, kind: str) -> float:
    """The confidence of rule family ``kind`` (``ontology/words.toml``)."""
    return ctx.lexicon.words.confidence[kind]
