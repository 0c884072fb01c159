"""Anaphora to entities: which entity of a document each pronoun ("he", "its", "the company")
stands for.

The step of :func:`kg.extract.resolve.resolve` after it has grouped the document's names:
:func:`_link_anaphora` points each anaphor (found by :mod:`kg.extract.anaphora`) at an entity
of its class named before it, :func:`_narrated` drops first-person words that tell no story,
and :func:`_unnamed_entities` makes one entity for those that name no one (the author of an "I").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable

from kg.extract.entity_mention import EntityMention
from kg.extract.given_names import family_names, name_genders
from kg.extract.mentions import Found
from kg.extract.naming import mint_iri
from kg.lexicon import load_words
from kg.types import Entity, changed

#: Possessives that, right after "X and", stand for X ("Johan and his wife Marie").
_CONJUNCT_POSSESSIVES = frozenset({"his", "her", "its", "their"})
#: The first letter of the word after a pronoun, past a contraction ("I 'm Still Alive").
_NEXT_WORD = re.compile(r"\s*(?:\s?['’]\w+\s*)?(\w)")
#: Pronouns that open a sentence's own account of a person, whom a sentence before must name.
_SUBJECT_PRONOUNS = frozenset({"he", "she"})
#: "the company", "the firm" ... and the words that say a name is no business's ("University of Chile").
_BUSINESS_ANAPHORA = frozenset(load_words().mentions["business_anaphora"])
_NO_BUSINESS_WORDS = frozenset(load_words().mentions["no_business_words"])
#: A possessive, then a kin noun: "his son", "her daughters" (``words.toml`` ``kin_nouns``).
_KIN_AFTER = re.compile(r"\s+(?:" + "|".join(map(re.escape, load_words().mentions["kin_nouns"])) + r")\b",
                        re.IGNORECASE)
#: Possessives that tie a kin noun to a person: "his son", "her husband".
PERSON_POSSESSIVES = frozenset({"his", "her", "their"})
#: The gender a person pronoun gives its entity.
_GENDER = {**dict.fromkeys(("he", "him", "his", "himself"), "m"),
           **dict.fromkeys(("she", "her", "hers", "herself"), "f")}


def _unnamed_entities(anaphora: list[Found], doc_id: str, base: str,
                      by_token: dict[int, EntityMention], name: str = "") -> list[Entity]:
    """One entity per role and class for the anaphora that name no one in the document.

    "I enrolled at ..." is the author; a text that starts "He attended ..."
    and never names him is about one unnamed person. Their IRIs are the
    document's own, so they never meet another document's.

    >>> from kg.extract.mentions import Found
    >>> i = Found(0, 1, 0, 1, "I", "Person", 0.0, anaphor=True, author=True)
    >>> by_token = {}
    >>> [e.label for e in _unnamed_entities([i], "d1", "https://w3id.org/kg/id/", by_token, "blog.txt")]
    ['author of blog.txt']
    >>> by_token[0].iri
    'https://w3id.org/kg/id/Person/author_of_d1'
    """
    entities: dict[tuple[bool, str], Entity] = {}
    for a in anaphora:
        key = (a.author, a.cls)
        if key not in entities:
            role = "author" if a.author else "unnamed " + a.cls.lower()
            entities[key] = Entity(iri=mint_iri(base, a.cls, f"{role} of {doc_id}"), cls=a.cls,
                                   label=f"{role} of {name or doc_id[:12]}")
        for t in range(a.start, a.end):
            entity = entities[key]
            by_token.setdefault(t, EntityMention(entity.iri, a.cls, entity.label, a))
    return list(entities.values())


def _we_as_the_company(anaphora: list[Found], found: list[Found],
                      by_token: dict[int, EntityMention]) -> list[Found]:
    """Point a text's "we" and "our" (the author's words of an organisation) at the one
    organisation it names more often than any other, the company speaking ("We're
    headquartered in San Francisco ... every Wells Fargo store"); return the anaphora left.

    >>> from kg.extract.mentions import Found
    >>> acme = Found(0, 1, 0, 4, "Acme", "Organization", 1.0)
    >>> we = Found(2, 3, 10, 12, "we", "Organization", 0.0, anaphor=True, author=True)
    >>> by_token = {0: EntityMention("https://w3id.org/kg/id/Organization/Acme", "Organization", "Acme", acme)}
    >>> _we_as_the_company([we], [acme], by_token), by_token[2].label
    ([], 'Acme')
    """
    named = [f for f in found if not f.anaphor and f.start in by_token and by_token[f.start].cls == "Organization"]
    leader = _most_named(named, by_token)
    if leader is None:
        return anaphora
    company = next(by_token[f.start] for f in named if by_token[f.start].iri == leader)
    rest = []
    for a in anaphora:
        if a.author and a.cls == "Organization":
            for t in range(a.start, a.end):
                by_token.setdefault(t, EntityMention(company.iri, company.cls, company.label, a))
        else:
            rest.append(a)
    return rest


def _main_mentions(found: list[Found], by_token: dict[int, EntityMention],
                   cls: str) -> list[Found]:
    """The first mention of the most mentioned entity of ``cls`` (empty if none)."""
    counts = Counter(by_token[f.start].iri for f in found
                     if f.start in by_token and by_token[f.start].cls == cls)
    if not counts:
        return []
    main = counts.most_common(1)[0][0]
    return [next(f for f in found if f.start in by_token and by_token[f.start].iri == main)]


def _main_entity(found: list[Found], by_token: dict[int, EntityMention], cls: str) -> str | None:
    """The entity of ``cls`` named more often than any other, else the first that is a main
    clause's subject (the topic of a biography's opening sentence), if any."""
    of_cls = [f for f in found if f.start in by_token and by_token[f.start].cls == cls]
    return _most_named(of_cls, by_token) or next(
        (by_token[f.start].iri for f in of_cls if f.salient == 2), None)


def _most_named(of_cls: list[Found], by_token: dict[int, EntityMention]) -> str | None:
    """The entity the mentions ``of_cls`` name more often than any other, if one is."""
    counts: dict[str, int] = {}  # a plain dict: Counter's isinstance checks cost more than the counting
    for f in of_cls:
        iri = by_token[f.start].iri
        counts[iri] = counts.get(iri, 0) + 1
    most = max(counts.values(), default=0)
    leaders = [iri for iri, n in counts.items() if n == most]
    return leaders[0] if len(leaders) == 1 else None


def _link_anaphora(anaphora: list[Found], found: list[Found],
                   by_token: dict[int, EntityMention], text: str = "") -> list[Found]:
    """Point each anaphor at an entity of its class named before it; return the rest.

    A possessive right after "X and" is X ("son of Johan and his wife
    Marie"); a possessive "its" is its own clause's subject's, when that can be
    it. Otherwise the closest subject (or subject's possessor) of this
    or the previous sentence wins; failing that, the closest mention of the class.
    An "its" whose clause's subject is a place is none ("South Africa modified its charter": a
    country acting, which no organisation stands for). An object pronoun ("appointed him") is
    the last person its own sentence named before it, if any. A person once called "he" is not
    a later "she", and the other way round, and nor is a
    person whose given name is a man's ("The daughter of Omar Haddad, she taught ...": she is
    not Omar Haddad; :func:`_named_genders`). A name in a dateline (a byline's reporter) is no
    one's antecedent. A plain "the bank" is not the bank its sentence described before ("The apex
    bank's approval came after the bank appointed him": the bank is another one), and "the
    company" is no university, ministry or hospital (``words.toml`` ``no_business_words``), but "the
    bank" may be a bank whose name holds such a word ("Union Bank").
    """
    if not anaphora:
        return []  # what follows reads the names for the anaphora alone
    linked: list[Found] = []
    unnamed: list[Found] = []
    gender_of = _named_genders(found, by_token, text)  # entity IRI -> gender (honorific, given name, pronoun)
    by_given_name = set(gender_of) - set(_named_genders(found, by_token, text, given_names=False))

    described: dict[tuple[int, str], str] = {}  # (sentence, "bank") -> what "the apex bank" stands for there

    def link(a: Found, named: EntityMention) -> None:
        hit = changed(named, found=a)  # one for the anaphor's tokens (it is frozen)
        for t in range(a.start, a.end):
            by_token.setdefault(t, hit)
        linked.append(a)
        if a.text.casefold() in _GENDER and named.iri in by_given_name:
            gender_of[named.iri] = _GENDER[a.text.casefold()]  # the text's own pronoun over a given name's guess
            by_given_name.discard(named.iri)
        elif a.text.casefold() in _GENDER:
            gender_of.setdefault(named.iri, _GENDER[a.text.casefold()])
        if a.cls == "Organization" and " " not in a.text and a.text.casefold() not in {"it", "its"}:
            described[(a.sentence, a.text.casefold())] = named.iri  # the noun alone: "the apex [bank]"

    from kg.extract.constraints import dateline_spans  # constraints reads the classifier, which reads this

    datelines = dateline_spans(text)  # "Richard Borsuk, Mangakajang – Plywood baron Bob Hasan ...": the reporter
    if datelines:
        found = [f for f in found if not any(a <= f.start_char and f.end_char <= b for a, b in datelines)]
    main = _main_entity(found, by_token, "Person")
    no_businesses = {hit.iri: hit.label for hit in by_token.values() if hit.cls == "Organization"
                     and not _NO_BUSINESS_WORDS.isdisjoint(hit.label.casefold().split())}
    main_organisation = _main_entity(found, by_token, "Organization")
    for a in anaphora:
        if a.author:  # "I", "we": the writer, never the last person named
            unnamed.append(a)
            continue
        others = {by_token[t].iri for t in a.apart if t in by_token}  # "she" in "she married X" is not X
        gender = _GENDER.get(a.text.casefold())
        wrong = others | {iri for iri, g in gender_of.items() if gender and g != gender}
        if a.cls == "Organization" and " " in a.text:  # "the bank" after "the apex bank" in its sentence
            wrong |= {described[key] for key in [(a.sentence, a.text.casefold().split()[-1])] if key in described}
        noun = a.text.casefold().split()[-1]
        if noun in _BUSINESS_ANAPHORA:  # "the company" is no university; but "the bank" may be Union Bank
            wrong |= {iri for iri, label in no_businesses.items() if label.casefold().split()[-1] != noun}
        ahead = by_token.get(a.antecedent) if a.antecedent is not None and a.antecedent > a.start \
            and a.text.casefold() in {"he", "she", "its"} else None  # not a misparsed relative's antecedent
        if ahead is not None and ahead.cls == a.cls and ahead.iri not in wrong:
            link(a, ahead)  # "Since she joined Acme, Mary Vole has ...": the name after it
            continue
        if ahead is not None and a.text.casefold() == "its":
            continue  # "Despite its name, Palo Alto was founded ...": the name after it, of another class
        subject = by_token.get(a.clause_subject) if a.clause_subject is not None else None
        if a.cls == "Organization" and subject is not None and subject.cls == "Place":
            continue  # "South Africa modified its Mining Charter": the country's, no company's
        before = sorted((f for f in (*found, *linked)
                         if f.end <= a.start and f.start in by_token and by_token[f.start].cls == a.cls
                         and by_token[f.start].iri not in wrong and not f.addressed),  # not "the Daily Graphic"
                        key=lambda f: f.start)
        if a.antecedent is not None and a.antecedent in by_token:
            before = [next(f for f in before if f.start == a.antecedent)] if any(
                f.start == a.antecedent for f in before) else before
        if not before and not (a.cls == "Person" and a.after_name) \
                and not (a.clause_subject is not None and a.clause_subject in by_token):
            # nothing named before it: the document's main entity of the class; but after a
            # proper-noun subject NER did not take for a person, "she" is likelier that name
            # than a person first named later ("Sara Black ... She taught ... Jillian Soto"), and an
            # "its" is its own clause's subject's, whatever class it got ("Christian Relief named X its CEO")
            before = [f for f in _main_mentions(found, by_token, a.cls) if by_token[f.start].iri not in wrong
                      and (a.cls != "Organization" or f.sentence <= a.sentence + 1) and not f.addressed]
        if not before:
            # after a proper-noun subject, it likely names someone NER missed; and an
            # "it" that names nothing may be a film or a storm: no company is made up;
            # a person the sentence sets apart from those named ("his father, X") is someone
            if a.cls == "Person" and (not a.after_name or others):
                unnamed.append(a)
            continue
        dead = [f for f in before if _dead(f, text)] if _SURVIVED.match(text, a.end_char) else []
        if dead:  # "the late President Robert Mugabe ... his lawyer Terrence Hussein ... He is survived by": Mugabe
            link(a, by_token[dead[-1].start])
            continue
        listed = _kin_list_owner(a, before[-1], linked, text)
        if listed is not None:  # "his wife Jill, his son Craig and his daughter Ann": all three his
            link(a, by_token[listed.start])
            continue
        if _conjunct(a, before[-1], text) or (a.antecedent is not None and before[-1].start == a.antecedent):
            link(a, by_token[before[-1].start])
            continue
        own = [f for f in before if a.clause_subject is not None and f.start <= a.clause_subject < f.end]
        if own:  # "Microsoft uses them in its data centers", "Kim Roe has not played since his debut"
            link(a, by_token[own[-1].start])
            continue
        near = [f for f in before if a.objective and f.sentence == a.sentence]
        if near:  # "Despite Peltz's bid for a seat, P&G appointed him": the person its sentence named
            link(a, by_token[near[-1].start])
            continue
        if a.cls == "Person" and a.text.casefold() in _SUBJECT_PRONOUNS and main is not None \
                and main not in others and (main not in wrong or main in by_given_name) \
                and after_heading(text, a.start_char):
            mains = [f for f in found if f.end <= a.start and f.start in by_token and by_token[f.start].iri == main]
            if mains:  # "Education\n\nHe started his primary education ...": the profile's own person (a
                link(a, by_token[mains[-1].start])  # given name's gender no proof: "Nana" is also a title)
                continue
        recent_sentences = sorted({f.sentence for f in before} | {a.sentence})[-2:]
        salient = [f for f in before if f.salient and f.sentence in recent_sentences]
        # one a pronoun of this gender already stood for first ("Critic Jerry Saltz wrote that
        # her work ... She exhibited": the artist), then a main clause's subject before another
        # clause's ("Her show, which Sam Roe curated, opened. She lives in Leeds"); the latest
        same = lambda f: bool(gender) and gender_of.get(by_token[f.start].iri) == gender  # noqa: E731
        pick = _not_the_speaker(max(salient, key=lambda f: (same(f), f.salient, f.start)), salient,
                                lambda f: by_token[f.start].iri, same) if salient \
            else _closest(before, lambda f: by_token[f.start].iri, same, main) \
            if a.text.casefold() in _SUBJECT_PRONOUNS and before[-1].sentence != a.sentence \
            else _topic(before, a, main_organisation, lambda f: by_token[f.start].iri) \
            if a.cls == "Organization" else before[-1]
        if pick is None:  # "Acme named Ann Roe chief, replacing Kim Lee. She ...": either; no guess
            continue
        if gender and main in by_given_name and main not in others and by_token[pick.start].iri != main \
                and any(by_token[f.start].iri == main for f in found if pick.end <= f.start and f.end <= a.start
                        and f.start in by_token):
            continue  # "Russian director Karen Shakhnazarov ... He has been heading Mosfilm": a given name's
            # gender is no proof that the document's main person, named since, is not the one meant
        if a.loose_subject is not None and pick.salient < 2 and not pick.anaphor \
                and pick.sentence <= a.loose_subject[0] and a.loose_subject[1] <= pick.start:
            continue  # "Hester will take over from John Ritblat ... he": likelier the subject NER missed
        if a.nominal_subject is not None and pick.salient < 2 and not pick.anaphor \
                and pick.sentence <= a.nominal_subject[0] \
                and not a.nominal_subject[1] <= pick.start < a.nominal_subject[2]:  # "the office of Acme"
            continue  # "With help from the Rift Council, the society cut costs. It ...": the society
        link(a, by_token[pick.start])
    return unnamed


def after_heading(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens a section: it begins its line, and the line before it
    (blank lines apart) is a heading, of six words at most and no sentence's end.

    >>> text = "Ann Lee is a judge. Her father was Tom Lee.\\n\\nEducation\\n\\nShe studied law.\\nShe left."
    >>> after_heading(text, text.index("She studied")), after_heading(text, text.index("She left"))
    (True, False)
    >>> after_heading(text, text.index("Her father"))
    False
    """
    line_start = text.rfind("\n", 0, at) + 1
    if text[line_start:at].strip():
        return False
    heading = text[:line_start].rstrip().rsplit("\n", 1)[-1].strip()
    return bool(heading) and len(heading.split()) <= 6 and heading[-1] not in ".!?:;,\"'”’)"


#: "is survived by" after a pronoun: its person is dead (:func:`_dead`).
_SURVIVED = re.compile(r"\s+(?:is|was|are|were)\s+survived\s+by\b", re.IGNORECASE)
#: "the late" a few words before a name ("the late former Zimbabwean President, Robert Mugabe").
_LATE_BEFORE = re.compile(r"\blate\s+(?:[\w'’.-]+,?\s+){0,3}$", re.IGNORECASE)
#: A death told right after a name ("Tom Vell, who died on Friday", "Tom Vell passed away").
_DIED_AFTER = re.compile(r"\s*(?:,\s*who\s+)?(?:died|passed\s+away|was\s+killed)\b", re.IGNORECASE)


def _dead(f: Found, text: str) -> bool:
    """Whether the text says the person named at ``f`` is dead, right around the name: "the late
    President, Robert Mugabe", "Tom Vell, who died on Friday", "Tom Vell passed away"; a pronoun
    that "is survived by" someone is one of them, not the lawyer named since.

    >>> text = "The lawyer of the late former President, Robert Vell, Tom Roe, said."
    >>> f = lambda name: Found(0, 1, text.index(name), text.index(name) + len(name), name, "Person", 1.0)
    >>> _dead(f("Robert Vell"), text), _dead(f("Tom Roe"), text)
    (True, False)
    """
    return bool(_LATE_BEFORE.search(text, max(0, f.start_char - 60), f.start_char)
                or _DIED_AFTER.match(text, f.end_char))


def _kin_list_owner(a: Found, last: Found, linked: list[Found], text: str) -> Found | None:
    """The possessive a list of relatives began with, when ``a`` is another item's ("his wife Jill,
    his son Craig and his daughter Ann": the second "his" is the first's, not Craig) and the
    name closest before it (``last``) is a relative the list named.

    >>> f = lambda start, text: Found(start, start + 1, start * 4, start * 4 + len(text), text, "Person", 0.0)
    >>> text = "Tom died. His wife Jill, his son Craig"  # "His" at 10, "his" at 25, Jill, Craig
    >>> his, jill = Found(3, 4, 10, 13, "His", "Person", 0.0), Found(5, 6, 19, 23, "Jill", "Person", 0.0)
    >>> _kin_list_owner(Found(7, 8, 25, 28, "his", "Person", 0.0), jill, [his], text).text
    'His'
    """
    if a.text.casefold() not in PERSON_POSSESSIVES or not _KIN_AFTER.match(text, a.end_char):
        return None
    return next((f for f in reversed(linked) if f.sentence == a.sentence and f.end <= last.start
                 and f.text.casefold() in PERSON_POSSESSIVES and _KIN_AFTER.match(text, f.end_char)), None)


def _topic(before: list[Found], a: Found, main: str | None, iri_of: Callable[[Found], str]) -> Found:
    """The organisation "the company" or "its" stands for when no subject near it decides: the
    latest one named, in its own sentence; else the document's main organisation (``main``),
    if it was named before; else the latest: "Walgreens ... [Brewer came from Walmart] ... the
    company's chief financial officer" is Walgreens.

    >>> f = lambda start, text, sentence: Found(start, start + 1, start, start + 1, text, "Organization",
    ...                                         1.0, sentence=sentence)
    >>> walgreens, walmart, company = f(0, "Walgreens", 0), f(9, "Walmart", 2), f(20, "the company", 4)
    >>> _topic([walgreens, walmart], company, "Walgreens", lambda g: g.text).text
    'Walgreens'
    >>> _topic([walgreens, walmart], f(12, "its", 2), "Walgreens", lambda g: g.text).text
    'Walmart'
    """
    last = before[-1]
    if last.sentence == a.sentence or main is None:
        return last
    return next((f for f in reversed(before) if iri_of(f) == main), last)


def _not_the_speaker(pick: Found, salient: list[Found], iri_of: Callable[[Found], str],
                     same: Callable[[Found], bool]) -> Found | None:
    """``pick``, unless it is the subject of "said" (:attr:`Found.speaker`) and its sentence has
    another subject the pronoun could stand for, that gender does not tell apart: "Kemi Aldana
    will run it, Chidi Okafor said. Previously, she ..." is either (none: no fact beats a guess).

    >>> f = lambda start, text, speaker: Found(start, start + 1, start, start + 1, text, "Person", 1.0,
    ...                                        salient=2 if speaker else 1, speaker=speaker)
    >>> kemi, chidi = f(0, "Kemi", False), f(5, "Chidi", True)
    >>> _not_the_speaker(chidi, [kemi, chidi], lambda g: g.text, lambda g: False) is None
    True
    >>> _not_the_speaker(chidi, [chidi], lambda g: g.text, lambda g: False).text
    'Chidi'
    """
    if not pick.speaker or same(pick):
        return pick
    rivals = [f for f in salient if f.sentence == pick.sentence and iri_of(f) != iri_of(pick)]
    return None if rivals else pick


def _closest(before: list[Found], iri_of: Callable[[Found], str], same: Callable[[Found], bool],
             main: str | None = None) -> Found | None:
    """The latest of ``before`` when no subject decides, if its sentence names no other
    entity the pronoun could stand for; else the only one of them of the pronoun's gender
    (``same``), if one is; else the document's ``main`` entity, if it is one of them; else
    none: one of two people a sentence names is a guess.

    >>> f = lambda start, text: Found(start, start + 1, start, start + 1, text, "Person", 1.0, sentence=0)
    >>> ann, kim = f(2, "Ann"), f(5, "Kim")
    >>> _closest([ann], lambda g: g.text, lambda g: False).text
    'Ann'
    >>> _closest([ann, kim], lambda g: g.text, lambda g: False) is None
    True
    >>> _closest([ann, kim], lambda g: g.text, lambda g: g is ann).text
    'Ann'
    >>> _closest([ann, kim], lambda g: g.text, lambda g: False, main="Ann").text
    'Ann'
    """
    last = before[-1]
    rivals = {iri_of(f): f for f in before if f.sentence == last.sentence}
    if len(rivals) == 1:
        return last
    fits = [f for f in rivals.values() if same(f)]
    if len(fits) == 1:
        return fits[0]
    topic = rivals.get(main) if main is not None else None
    return topic if topic is not None and (not fits or same(topic)) else None


def _named_genders(found: list[Found], by_token: dict[int, EntityMention], text: str = "",
                   given_names: bool = True) -> dict[str, str]:
    """The gender of each person an honorific names ("Ms", "Mr", "Dame" before the name, in
    it or in ``text`` right before it), else of each named in full (two words or more, past a
    title such as "Dr") whose given name is of one gender only
    (:func:`kg.extract.given_names.name_genders`). An honorific outweighs a given name.

    >>> f = Found(0, 2, 0, 12, "Omar Haddad", "Person", 1.0)
    >>> _named_genders([f], {0: EntityMention("x/Omar_Haddad", "Person", "Omar Haddad", f)})
    {'x/Omar_Haddad': 'm'}
    >>> f = Found(1, 2, 3, 8, "Chidi", "Person", 1.0)
    >>> _named_genders([f], {1: EntityMention("x/Chidi", "Person", "Chidi", f)}, "Ms Chidi said no.")
    {'x/Chidi': 'f'}
    """
    genders = name_genders()
    out: dict[str, str] = {}
    given: dict[str, str] = {}
    for f in found:
        hit = by_token.get(f.start)
        if hit is None or hit.cls != "Person":
            continue
        words = f.text.split()
        before = _LAST_WORD.search(text[max(0, f.start_char - 12):f.start_char])
        honorific = _HONORIFICS.get(before.group(1).casefold()) if before else None
        if honorific is None and len(words) > 1:
            honorific = _HONORIFICS.get(words[0].rstrip(".").casefold())
        honorific = honorific or f.gender  # "Zola Dube is the son of ...": a man, whatever "Zola" says
        if honorific is not None:
            out.setdefault(hit.iri, honorific)
        while len(words) > 2 and words[0].rstrip(".").casefold() in _TITLES_BEFORE_NAMES:
            words = words[1:]  # "Dr Mira Castell": Mira
        if given_names and len(words) > 1 and words[0] in genders and (
                words[0] not in family_names() or words[-1] in family_names()):
            given.setdefault(hit.iri, genders[words[0]])  # not "Li Shangfu", "Park Geun-hye": a family name first
    return {**given, **out}


#: Honorifics and the gender they give the name after them.
_HONORIFICS = {**dict.fromkeys(("mr", "sir", "lord"), "m"),
               **dict.fromkeys(("ms", "mrs", "miss", "dame", "lady", "madam"), "f")}
#: Words before a given name that are no part of it.
_TITLES_BEFORE_NAMES = frozenset({"dr", "prof", "professor", "rev", "reverend", *_HONORIFICS})
#: The last word before a name, and the full stop an honorific may carry ("Mrs. Roe").
_LAST_WORD = re.compile(r"\b(\w+)\.?[ \t]+$")


def _conjunct(a: Found, named: Found, text: str) -> bool:
    """Whether possessive ``a`` follows "``named`` and": "Johan Angell and his wife",
    "Johan Angell (1820–88) and his wife" (a parenthesis between is skipped).

    >>> f = lambda text, start, end: Found(0, 1, start, end, text, "Person", 1.0, sentence=0)
    >>> _conjunct(f("his", 22, 25), f("Johan", 0, 5), "Johan (1820 – 88) and his wife")
    True
    >>> _conjunct(f("his", 18, 21), f("Johan", 0, 5), "Johan met Ann and his wife")
    False
    >>> _conjunct(f("its", 25, 28), f("KH", 17, 19), "Kessel Holdings (KH) and its units")
    True
    """
    between = _PARENTHESES.sub("", text[named.end_char:a.start_char])
    return a.text.casefold() in _CONJUNCT_POSSESSIVES and a.sentence == named.sentence \
        and between.strip(" ,)").casefold() == "and"  # "Kessel Holdings (KH) and its units": KH's ")"


_PARENTHESES = re.compile(r"\([^()]*\)")


def _narrated(unnamed: list[Found], text: str) -> list[Found]:
    """The unnamed anaphora without first-person words that tell no story.

    The author is someone only when the document speaks in the first person:
    two first-person words outside quotes, or one that is a clause's subject
    or its possessor ("I joined Google", "Our CEO is ..."). A numeral "I." or
    "(I)" heading a list is none, nor is a word of a title ("Where I Belong",
    "I 'm Still Alive": the next word capitalised).

    >>> from kg.extract.mentions import Found
    >>> i = Found(0, 1, 0, 1, "I", "Person", 0.0, anaphor=True, author=True, salient=2)
    >>> _narrated([i], "I. Early life"), _narrated([i], "I Am a Rock"), len(_narrated([i], "I won"))
    ([], [], 1)
    """
    def numeral(a: Found) -> bool:
        line_start = text.rfind("\n", 0, a.start_char) + 1
        return a.text == "I" and text[a.end_char:a.end_char + 1] in {".", ")"} \
            and text[line_start:a.start_char].strip() in {"", "("}

    def titled(a: Found) -> bool:
        after = _NEXT_WORD.match(text, a.end_char)
        return after is not None and after.group(1).isupper() and (a.text == "I" or a.start != a.sentence)

    authors: dict[str, list[Found]] = defaultdict(list)
    for a in unnamed:
        if a.author and not numeral(a) and not titled(a):
            authors[a.cls].append(a)
    told = {cls for cls, said in authors.items()
            if len(said) >= 2 or any(a.salient for a in said)}
    return [a for a in unnamed if not a.author or (a.cls in told and a in authors[a.cls])]
