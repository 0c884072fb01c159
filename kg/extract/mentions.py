"""Find the names in a parsed document and give each a class vote.

spaCy's NER (behind the gazetteer ruler) proposes spans; this stage cleans
them the way a reader would: "Apple's" is "Apple", "Siri and Apple Maps" is
two names, "the AI" is no name at all, and a proper name right before an
ontology head noun ("the Trainium2 chip", "the Reinvent conference") is a
Product or an Event even where NER missed or mistyped it.

:func:`find_mentions` runs the stage; this module mends the names NER cut
in two and votes each name's class. Its parts are modules of their own:
:mod:`kg.extract.name_spans` cuts and checks NER's spans,
:mod:`kg.extract.missed_names` finds names NER missed,
:mod:`kg.extract.anaphora` finds the pronouns, and :mod:`kg.extract.found`
holds :class:`Found`, the record each mention is (imported from here too).

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
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract.anaphora import _anaphora, _apart, _relative_pronouns
from kg.extract.classes import (DASHES, HONORIFICS, ORGANIZATION_WORDS, PLACE_BODIES, REGNAL, WORK, _capitalised, credited,
                                deal_maker, employer_cued, given_named, impersonal, made, name_class, owned, signs_a_player,
                                speaks_for_itself, team_cued, town_before_based)
from kg.extract.demonyms import official_names
from kg.extract.found import Found, _found
from kg.extract.given_names import common_adjectives, common_nouns, family_names, given_names
from kg.extract.headlines import headline_lines, in_headline, named_elsewhere
from kg.extract.missed_names import (_bodies_as_subjects, _bracketed_short_names, _courtesy_people, _described_names,
                                      _has_nickname, _head_noun_names, _kin_names, _listed_people, _nicknamed,
                                      _possessive_companies, _subject_people, _the_names, _title_owners, _titled_of)
from kg.extract.name_spans import (_TITLE_BODIES, LEGAL_PREFIXES, POSSESSED_BUSINESSES, TITLE_ABBREVIATIONS, _after_title,
                                   _all_title, _bare_title, _camel_cased, _common_word, _degree_subject, _field_of_work,
                                   _in_a_staff_title, _initialism, _is_department, _is_name, _mapped, _named_chair,
                                   _names_a_condition, _names_a_family, _pieces, FAMILY_NOUNS,
                                   _without_academic_title, _without_honours, _without_opener, _without_role,
                                   _without_score, _without_title_abbreviation, _without_title_after, _without_trade,
                                   a_countrys_branch, country_code_suffixed, cut_of_pair, fields_cut, generic_body_in_town,
                                   one_body, partners_firms, portfolio_bodies, with_hyphenated_given_name)
from kg.extract.naming import stock_tickers
from kg.extract.places import (LOCATIVE, capitals, countries, datelined, is_place, language_names, place_vote,
                                postal_state, regions, subdivisions)
from kg.extract.short_names import (NAME_PARTICLES, short_forms, short_names_again, short_names_reclassed,
                                   with_coined_names)
from kg.extract.tokens import text_of, tokens_of
from kg.lexicon import Lexicon, load_words
from kg.types import changed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_WORDS = load_words().mentions  # ontology/words.toml, [mentions]
#: Weights of the evidence for a mention's class (summed per entity).
NER_WEIGHT, PLACE_WEIGHT, HEAD_NOUN_WEIGHT, GAZETTEER_WEIGHT = 1.0, 2.0, 3.0, 100.0
#: Title words besides the ontology's title triggers ("co", "chief", "officer").
TITLE_WORDS = frozenset(_WORDS["title_words"])
_NAMESAKE_BODIES = frozenset(_WORDS["namesake_bodies"])
PUBLIC_OFFICES = frozenset(load_words().rules["public_offices"])
ADDRESSING_VERBS = frozenset(_WORDS["addressing_verbs"])
#: Academic titles no company's name opens with (unlike "Dr": "Dr Reddy's", "Dr Pepper"): the name NER
#: took one into is a person's whatever its label ("He continued Prof Pauling's work").
PROFESSORS = frozenset({"prof", "professor"})
#: What a company has and a town has not, after a possessive: "Sterling's CEO" (the company).
_RUN_BY = frozenset({"ceo", "ceos", "cfo", "coo", "chairman", "chairwoman", "founder", "co-founder", "shares",
                     "shareholders", "stock", "subsidiary", "subsidiaries"})
#: Titles a name right before is the portfolio of ("Union Health Minister Harsh Vardhan": no
#: organisation "Union Health"; ``words.toml`` ``country_offices``).
COUNTRY_OFFICES = frozenset(load_words().rules["country_offices"])
#: Rulers' styles ("Emperor of Japan"): a person's, no organisation's (``words.toml`` ``styles``).
RULERS = frozenset(load_words().rules["styles"]) - {"lord", "lady", "bishop", "archbishop", "patriarch", "count"}


def _an_honorary_title(piece: Span) -> bool:
    """Whether NER's name is an honorary title a state gives ("People's Artist of Russia",
    "National Artist", "Hero of Labour": ``words.toml`` ``honorary_titles``): no one, no body.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Valery Vell, People’s Artist of Russia, met National Artist Nora Aunor.")
    >>> _an_honorary_title(doc[3:8]), _an_honorary_title(doc[0:2])
    (True, False)
    """
    text = " ".join(piece.text.replace("’", "'").lower().split())
    return any(text == title or text.startswith(title + " ") for title in HONORARY_TITLES)


#: Honorary titles a state gives (``words.toml`` ``honorary_titles``).
HONORARY_TITLES = frozenset(_WORDS["honorary_titles"])


def _a_rulers_style(piece: Span) -> bool:
    """Whether NER's organisation is a ruler's style, a place's: "the Emperor of Japan", "Sultan of
    Johor" (``words.toml`` ``styles``); the one who holds it, no body.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("The Emperor of Japan met the Bank of Japan.")
    >>> _a_rulers_style(doc[1:4]), _a_rulers_style(doc[6:9])
    (True, False)
    """
    words = [t.lower_ for t in piece]
    return len(words) >= 3 and words[0] in RULERS and words[1] == "of" and piece[2].is_title


#: Offices whose region may follow them without "of" ("Governor Sindh"): :func:`_an_offices_region`.
_REGIONS_OFFICES = PUBLIC_OFFICES | COUNTRY_OFFICES


def _an_offices_region(piece: Span) -> bool:
    """Whether NER's one-word person is the region of the public office right before it, written
    without "of" ("Mohammad Zubair, Governor Sindh": ISO 3166-2's subdivisions, countries).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Mohammad Zubair, Governor Sindh, spoke to Governor Cuomo.")
    >>> _an_offices_region(doc[4:5]), _an_offices_region(doc[9:10])
    (True, False)
    """
    doc = piece.doc
    return len(piece) == 1 and piece.start > 0 and doc[piece.start - 1].lower_ in _REGIONS_OFFICES \
        and (piece.text in subdivisions() or piece.text.casefold() in regions())


def _a_portfolio(piece: Span, lexicon: Lexicon) -> bool:
    """Whether NER's organisation is the portfolio of the minister's title right after it
    ("including Union Health Minister Dr Harsh Vardhan"), a name the gazetteer does not know.

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Union Health Minister Ann Lee met Acme staff.")
    >>> _a_portfolio(doc[0:2], load_lexicon()), _a_portfolio(doc[6:7], load_lexicon())
    (True, False)
    """
    after = piece.doc[piece.end] if piece.end < len(piece.doc) else None
    return after is not None and after.lower_ in COUNTRY_OFFICES and lexicon.known(piece.text) is None


def _a_language(piece: Span, lexicon: Lexicon) -> bool:
    """Whether NER's one-word name is a language's ("its Hindi publishing programme", "a
    Swahili service"), no place, person or thing of the ontology's: not a place's name, a
    demonym the gazetteer knows ("German") nor a given or family name ("Chamorro").

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Penguin began its Hindi publishing programme in India.")
    >>> _a_language(doc[3:4], load_lexicon()), _a_language(doc[7:8], load_lexicon())
    (True, False)
    """
    text = piece.text
    return len(piece) == 1 and piece[0].lower_ in language_names() and not is_place(text) \
        and lexicon.known(text) is None and text not in family_names() and text not in given_names()


def find_mentions(doc: Doc, lexicon: Lexicon) -> list[Found]:
    """Return the cleaned, class-voted names of ``doc`` in text order."""
    titles = lexicon.triggers.title_heads
    title_words = _title_words(lexicon)
    found: list[Found] = []
    lowers = tokens_of(doc).lower
    taken: set[int] = {i for i in range(1, len(doc) - 1) if lowers[i + 1] in FAMILY_NOUNS  # "The Jones family"
                       and _names_a_family(doc[i:i + 1])}
    placed: set[int] = set()  # where a gazetteer's alias is written as a place ("moved to Holland")
    names = _mended_names(doc)
    longer = _longer_names(names, lexicon)
    for ent in names:
        ner_cls = lexicon.class_for_ner_label(ent.label_)
        if ner_cls is None and ent.label_ == "FAC" and len(ent) > 1 and (ent[-1].lower_ in _BODY_WORDS or any(
                t.lower_ == "of" and t.i > ent.start and doc[t.i - 1].lower_ in _BODY_WORDS for t in ent)):
            ner_cls = "Organization"  # "Mount Sinai Hospital", "the Library of Congress" (NER: buildings) employ
        if ner_cls is None and not (ent.label_ == "NORP" and lexicon.known(ent.text)):
            continue  # a demonym the gazetteer knows ("Belgian") names its country
        if ent.label_ == "NORP" and ent.end < len(doc) and doc[ent.end].ent_iob_ == "B" \
                and doc[ent.end].ent_type_ in {"GPE", "LOC"}:
            continue  # but not before a place's name: "Gurdaspur, British India", "French Guiana"
        pieces = _pieces(ent, lambda text: lexicon.known(text) is not None)
        listed_cls = _listed_class(pieces, lexicon) or ner_cls
        for piece in pieces:
            piece = _without_honours(_without_role(_without_score(_without_opener(_after_title(piece, title_words)))))
            if ner_cls == "Person" or (piece is not None and piece[0].lower_.rstrip(".") in PROFESSORS):
                piece = _without_academic_title(piece)  # "Prof Rangan Banerjee" (NER's person), NER's "Prof Pauling's"
            if ner_cls == "Person" and piece is not None:
                piece = with_hyphenated_given_name(piece)  # NER's "Kim" of "Kim In-chul"
            piece = _without_title_abbreviation(piece, TITLE_ABBREVIATIONS)  # "Browns GM John Dorsey"
            piece = _without_title_after(piece, titles, lexicon)  # "Federal Reserve Chairman", "District Executive"
            traded = _without_trade(piece, lexicon)
            traded, piece = traded is not piece, traded
            if piece is None or not _is_name(piece) or _is_department(piece, titles, lexicon) \
                    or _titled_body(piece, title_words) \
                    or _bare_title(piece, titles) or _all_title(piece, title_words) or _degree_subject(piece) \
                    or _names_a_condition(piece) or _in_a_staff_title(piece) or _named_chair(piece) \
                    or _a_language(piece, lexicon) \
                    or (ner_cls == "Organization" and _a_portfolio(piece, lexicon)) or _an_honorary_title(piece):
                continue  # "Commendatore OSSI", "Dean of ...", "Co-Chief Executive Officer", "Huntington's disease": no one
            if _names_a_family(piece):
                taken.update(range(piece.start, piece.end))  # nor a short name of one of them, later
                continue  # "The Jones family": no one
            piece_text = text_of(piece)
            known = lexicon.known(piece_text)
            if known is not None and known.label != piece_text and _mapped(piece, lexicon):
                placed.add(piece.start)
                if known.cls != "Place":
                    known = None  # "moved to Princeton, N.J.": the town, not Princeton University's short name
            if known is not None and known.cls == "Organization" and known.label != piece_text \
                    and piece_text in longer:
                known = None  # "Before joining Ford" in a text on the Ford Foundation: not Ford Motor Company
            if known is None and (_common_word(piece, lexicon) or _field_of_work(piece, lexicon)
                                  or _opens_a_title(piece, title_words)
                                  or (ner_cls == "Organization" and _a_persons_own(piece))
                                  or (ner_cls == "Person" and _a_kind_of(piece))):
                continue  # "Hollis of the River", "Central and South America", "Family Welfare": no name alone
            # "transferred to France": the country; "the 1984 Games"
            team = (known is None or known.cls == "Place") and ner_cls != "Event" and team_cued(piece, lexicon) \
                and piece_text.casefold() not in regions()
            state = postal_state(piece) if known is None else None
            if team:
                cls, canonical, weight = "Organization", None, GAZETTEER_WEIGHT  # "playing for Lancashire": the club
            elif state is not None:
                cls, canonical, weight = "Place", state, GAZETTEER_WEIGHT  # "Jacksonville, FL": Florida
            elif known is not None:
                cls, canonical, weight = known.cls, known.label, GAZETTEER_WEIGHT
            else:
                cls, canonical, weight = listed_cls, None, NER_WEIGHT / 2 if ent.label_ == "PRODUCT" else NER_WEIGHT
                # NER's products are its least sure guess ("U.S. media company Discovery", a product four times)
            piece_cls, piece_weight = cls, weight
            # 'Thomas "Tip" O'Neill': a nickname's words give no class
            head_cls = None if _has_nickname(piece) else name_class(piece, lexicon)
            if head_cls == WORK and canonical is None:  # "Rocksburg Road is a 1985 novel": no class holds it
                taken.update(range(piece.start, piece.end))
                continue
            dated = canonical is None and not team and is_place(piece_text) and datelined(piece)
            if dated:  # "GENEVA, 3 May 2019 - Veteran diplomat X ...": where the story was filed
                piece_cls, piece_weight = "Place", HEAD_NOUN_WEIGHT
            elif canonical is None and cls == "Person" and _an_offices_region(piece):
                piece_cls, piece_weight = "Place", HEAD_NOUN_WEIGHT  # "Mohammad Zubair, Governor Sindh"
            elif canonical is None and cls == "Organization" and _a_rulers_style(piece):
                piece_cls, piece_weight = "Person", HEAD_NOUN_WEIGHT  # "the Emperor of Japan": its holder
            elif head_cls and canonical is None and not team and not (  # "their sister team, Fred Vasseur": a man still
                    head_cls == "Organization" and ner_cls == "Person" and piece.root.dep_ == "appos"
                    and given_named(piece, lexicon)):
                piece_cls, piece_weight = head_cls, HEAD_NOUN_WEIGHT
            elif canonical is None and ner_cls is not None and not team and place_vote(piece, cls, lexicon) \
                    and not (ner_cls == "Organization" and employer_cued(piece, lexicon)):  # "his tenure at Delta"
                piece_cls, piece_weight = "Place", PLACE_WEIGHT
            elif canonical is None and cls == "Organization" and made(piece):
                piece_cls, piece_weight = "Product", PLACE_WEIGHT
            elif canonical is None and (cls == "Organization" and credited(piece, lexicon) or (
                    cls in {"Organization", "Place"} and given_named(piece, lexicon))):  # NER's "Lucía Restrepo" GPE
                piece_cls, piece_weight = "Person", PLACE_WEIGHT  # "worked under Theodor Rumpel", "directed by X"
            elif canonical is None and (
                    (cls in {"Person", "Product"} and (_a_body(piece, lexicon) or impersonal(piece)))
                    or (cls == "Place" and not is_place(piece_text) and _a_body(piece, lexicon))):
                piece_cls, piece_weight = "Organization", PLACE_WEIGHT  # "joined Monzo", "shares in Amplats": no town
            elif canonical is None and cls == "Person" and (_initialism(piece_text) or _camel_cased(piece_text)
                                                            or _after_a_capital(piece)):
                piece_cls, piece_weight = "Organization", PLACE_WEIGHT  # NER's "Euronext Amsterdam": an exchange
            if canonical is None and piece_cls == "Place" and speaks_for_itself(piece) and not town_before_based(piece) \
                    and not dated:
                piece_cls, piece_weight = "Organization", PLACE_WEIGHT  # "12 people died, Xinhua said"
            if traded and canonical is None:  # "Discounters Aldi": the trade says an organisation
                piece_cls, piece_weight = "Organization", HEAD_NOUN_WEIGHT
            mention = _found(piece, piece_cls, piece_weight, canonical)
            if ner_cls is None:  # a NORP span the gazetteer maps to a country
                mention = changed(mention, demonym=True)
            found.append(mention)
            taken.update(range(piece.start, piece.end))
    for span, cls in _head_noun_names(doc, lexicon, taken):
        found.append(_found(span, cls, HEAD_NOUN_WEIGHT, None))
        taken.update(range(span.start, span.end))
    for span in _bracketed_short_names(doc, found, taken):
        found.append(_found(span, "Organization", NER_WEIGHT, None))  # "Anglo American Platinum (Amplats)"
        taken.update(range(span.start, span.end))
    for span in _kin_names(doc, lexicon, taken):
        if _all_title(span, title_words):
            continue  # "the son of X, the Sultan and Prime Minister of Brunei": X's titles
        found.append(_found(span, "Person", HEAD_NOUN_WEIGHT, None))
        taken.update(range(span.start, span.end))
    for names in (_described_names, _the_names):  # "Quantix, a startup"; "the chain The Finish Line"
        for span, cls in list(names(doc, lexicon, taken)):
            found.append(_found(span, cls, HEAD_NOUN_WEIGHT, None))
            taken.update(range(span.start, span.end))
    for span in [*_listed_people(doc, taken), *_subject_people(doc, lexicon, taken), *_courtesy_people(doc, taken)]:
        found.append(_found(span, "Person", NER_WEIGHT, None))  # "West - Brent Murphree – Maricopa, Ariz."
        taken.update(range(span.start, span.end))
    for span in [*_title_owners(doc, {f.start for f in found if f.cls == "Person"}, taken), *_titled_of(doc, taken),
                 *_bodies_as_subjects(doc, taken)]:
        if _in_a_staff_title(span):
            continue  # "a former Chief of Naval Staff of Nigeria": the title's words
        found.append(_found(span, "Organization", HEAD_NOUN_WEIGHT, None))  # "Helios Towers CEO Kash Pandya"
        taken.update(range(span.start, span.end))
    text = tokens_of(doc).text  # Doc.text joins the tokens' texts each time
    headlines = headline_lines(text)
    if headlines:  # "HP Names Whitman CEO": what the story does not name again is no name
        found = [f for f in found if not in_headline(headlines, f.start_char) or f.canonical is not None
                 or (f.cls == "Place" and f.text.casefold() in countries())  # "Uganda: Museveni Names New Judges"
                 or named_elsewhere(text, headlines, f.start_char, f.end_char)]
    shorts = short_forms(doc, found)
    acting = {f.start for f in found if f.end - f.start == 1 and doc[f.start].dep_ in {"nsubj", "nsubjpass", "poss"}}
    run = {f.start for f in found if f.end - f.start == 1 and doc[f.start].dep_ == "poss"
           and doc[f.start].head.lower_ in _RUN_BY}  # "Sterling's CEO": a company's
    found = short_names_reclassed(found, shorts, placed, acting, run)
    for span, cls in list(short_names_again(doc, with_coined_names(shorts, found), taken)):
        found.append(_found(span, cls, NER_WEIGHT, None))
        taken.add(span.start)
    exchanges = {exchange for exchange, _ in stock_tickers(text)}  # "ASX" in "(ASX: PLS)": a label, no organisation
    found = [f for f in _opening_organisations(doc, found, lexicon) if (f.start_char, f.end_char) not in exchanges]
    found = _inverted_names(doc, found, text)
    found.extend(_anaphora(doc, taken, found, lexicon))
    found.extend(_relative_pronouns(doc, found))
    t = tokens_of(doc)
    found = [changed(f, apart=frozenset(_apart(doc[t.root(f.start, f.end)])) | f.apart,
                     addressed=f.cls == "Organization" and not f.anaphor and _addressed(doc[t.root(f.start, f.end)]))
             for f in found]
    return sorted(found, key=lambda f: f.start)


#: A line that opens with a name written surname first and a life's years, as reference lists
#: head their entries: "Aston, Francis William (1877-1945)", "Bosch, Carl (1874–1940)".
_INVERTED = re.compile(r"^(?P<name>(?P<surname>[A-Z][\w'’-]+(?: [a-z]{1,3})?(?: [A-Z][\w'’-]+)?), "
                       r"(?P<given>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})) \(\d{3,4}\s*[-–]\s*\d{3,4}\)",
                       re.MULTILINE)


def _inverted_names(doc: Doc, found: list[Found], text: str) -> list[Found]:
    """``found`` with the names written surname first at a line's start before a life's years
    as one person each, named given names first ("Aston, Francis William (1877-1945)" is Francis
    William Aston, whom a later "Aston" names; NER had found "Francis William" and a place
    "Aston"): the name's pieces give way to it.

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Aston, Francis William (1877-1945)\\nBorn in 1877 - Aston studied chemistry.")
    >>> [(f.text, f.canonical) for f in find_mentions(doc, load_lexicon()) if f.cls == "Person"][:1]
    [('Aston, Francis William', 'Francis William Aston')]
    """
    out = list(found)
    for m in _INVERTED.finditer(text):
        span = doc.char_span(m.start("name"), m.end("name"))
        if span is None or m.group("given").split()[0].rstrip(".") not in given_names():
            continue  # "Smith, Jones (1990-1995)": no given name, no person's heading
        out = [f for f in out if f.end <= span.start or f.start >= span.end]
        whole = _found(span, "Person", HEAD_NOUN_WEIGHT, f"{m.group('given')} {m.group('surname')}")
        out.append(whole)
    return sorted(out, key=lambda f: f.start)


def _a_persons_own(span: Span) -> bool:
    """Whether a person's "his" or "her" owns the name, its head: "when he started his Episcopal
    Ministry" (his service as a bishop), "his Reflections on the Revolution", no organisation named
    so; not "her Apple shares", nor a name an organisation's word ends ("his Tredegar Iron Company").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("When he started his Episcopal Ministry, he sold her Apple shares.")
    >>> _a_persons_own(doc[4:6]), _a_persons_own(doc[10:11])
    (True, False)
    """
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.lower_ in {"his", "her"} and before.dep_ == "poss" and before.head.i == span.root.i \
        and span.root.dep_ != "compound" \
        and (span[-1].lower_ not in ORGANIZATION_WORDS or span[-1].lower_ == "ministry")


def _opens_a_title(span: Span, title_words: frozenset[str]) -> bool:
    """Whether a one-word name is an adjective a job title's words follow: "formerly International
    Executive Director of Greenpeace" (NER's organisation "International"), "National Security
    Adviser"; no name alone.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He was International Executive Director of Greenpeace.")
    >>> _opens_a_title(doc[2:3], frozenset({"executive", "director"}))
    True
    """
    doc = span.doc
    return len(span) == 1 and span.end < len(doc) and span[0].lower_ in common_adjectives() \
        and doc[span.end].is_title and doc[span.end].lower_ in title_words


def _addressed(root: Token) -> bool:
    """Whether a name is one spoken to or quoted from: "Speaking to the Daily Graphic", "told
    Reuters", "according to the Sun Sentinel" (``ontology/words.toml`` ``[mentions]
    addressing_verbs``): a news outlet, which "the company" after it does not stand for.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Speaking to the Daily Graphic, Ann Roe of Acme told Reuters it grew.")
    >>> _addressed(doc[4]), _addressed(doc[9]), _addressed(doc[11])
    (True, False, True)
    """
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "to":
        return head.head.lemma_.lower() in ADDRESSING_VERBS
    return root.dep_ in {"dobj", "dative"} and (head.lemma_.lower() == "tell" or head.lower_ == "told")


def _opening_organisations(doc: Doc, found: list[Found], lexicon: Lexicon) -> list[Found]:
    """The mentions, a place no gazetteer knows made an organisation when its name opens an
    organisation's in the document, NER calls it an organisation once at least and no
    mention of it stands where places do (after "in" or "the town of", before a comma and a
    place): NER's GPE "FedEx" (and once ORG) beside "FedEx Corp." and "FedEx Express" is
    their short name; "Lakefield College School in Lakefield, Ontario" leaves the town.

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Zandex announced a deal. Zandex Corp. grew. He studied at Lakefield College School in Lakefield, Ontario.")
    >>> f = lambda i, j, cls: Found(i, j, doc[i:j].start_char, doc[i:j].end_char, doc[i:j].text, cls, 1.0)
    >>> [m.cls for m in _opening_organisations(doc, [f(0, 1, "Place"), f(5, 7, "Organization"),
    ...                                              f(13, 16, "Organization"), f(17, 18, "Place")], load_lexicon())]
    ['Organization', 'Organization', 'Organization', 'Place']
    """
    openings = {o.text.split()[0] for o in found if o.cls == "Organization" and " " in o.text}
    openings &= {f.text for f in found if doc[f.start].ent_type_ == "ORG"}  # NER's organisation once at least
    placed = {f.text for f in found if f.cls == "Place" and (
        (f.start > 0 and doc[f.start - 1].lower_ in LOCATIVE)
        or (f.start > 1 and doc[f.start - 1].lower_ == "of" and lexicon.head_nouns.get(doc[f.start - 2].lower_) == "Place")
        or (f.end + 1 < len(doc) and doc[f.end].text == "," and doc[f.end + 1].ent_type_ in {"GPE", "LOC"}))}
    return [changed(f, cls="Organization") if f.cls == "Place" and f.canonical is None and " " not in f.text
            and f.text in openings and f.text not in placed and not is_place(f.text) else f for f in found]


def _longer_names(names: list[Span], lexicon: Lexicon) -> frozenset[str]:
    """The first words of the document's bodies named after a founder or a company that the
    gazetteer does not know (``words.toml`` ``namesake_bodies``): "Ford" for "the Ford
    Foundation", so that "Ford" alone there is not the gazetteer's Ford Motor Company.

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("The Ford Foundation named her. Before joining Ford, she taught.")
    >>> sorted(_longer_names(list(doc.ents), load_lexicon()))
    ['Ford']
    """
    out = set()
    for ent in names:
        words = text_of(ent).split()
        if words and words[0] in {"The", "the"}:
            words = words[1:]
        if ent.label_ == "ORG" and len(words) > 1 and words[-1].lower() in _NAMESAKE_BODIES \
                and lexicon.known(" ".join(words)) is None:
            out.update(" ".join(words[:k]) for k in range(1, len(words)))
    return frozenset(out)


def _title_words(lexicon: Lexicon) -> frozenset[str]:
    """:data:`TITLE_WORDS`, :data:`PUBLIC_OFFICES` and every word of the ontology's titles,
    made once per lexicon.

    >>> from kg.lexicon import load_lexicon
    >>> words = _title_words(load_lexicon())
    >>> "ceo" in words, words is _title_words(load_lexicon())
    (True, True)
    """
    triggers = lexicon.triggers
    kept = _TITLE_WORD_SETS.get(id(triggers))
    if kept is None or kept[0] is not triggers:
        words = TITLE_WORDS | {w for t in triggers.titles for w in t.split()} | PUBLIC_OFFICES
        kept = _TITLE_WORD_SETS[id(triggers)] = (triggers, words)
    return kept[1]


_TITLE_WORD_SETS: dict[int, tuple[object, frozenset[str]]] = {}  # id(lexicon.triggers) -> them, the words


#: Words a name never ends in: NER cut it there, and the name after it is its end.
_LINKS = frozenset({"of", "in", "for", "at", "on"})


def _rests(doc: Doc, whole: list[Span]) -> Iterator[Span]:
    """What of NER's names runs on past a name found whole, after its possessive: "Sport's
    Cultural and Heritage Capital Advisory Board" after "Department for Culture, Media and Sport"."""
    from spacy.tokens import Span

    for e in doc.ents:
        for n in whole:
            if n.start < e.end and e.start < n.end and e.end > n.end:
                start = n.end + (doc[n.end].tag_ == "POS")
                if start < e.end:
                    yield Span(doc, start, e.end, label=e.label_)


#: "bin", "binti" ... between a given name and the father's (``words.toml`` ``patronymic_particles``).
PATRONYMIC_PARTICLES = frozenset(_WORDS["patronymic_particles"])


def _mended_names(doc: Doc) -> list[Span]:
    """NER's names, with the pieces it cut off one name joined again: an organisation's
    dash-joined place ("University of Wisconsin–Milwaukee") and what follows a name that ends
    in "of", "in", "for", "at" or "on" ("the Bay of" and "Kessary", "the Nobel Prize in" and
    "Physics") or a person's that ends in a particle ("Ursula von der" and "Leyen":
    ``ontology/words.toml`` ``name_particles``) or two joined by a patronymic ("Mariam" binti "Abdul
    Aziz": ``patronymic_particles``), an organisation's "of" fields and the fields NER cut after its
    "and" ("the University of Health" and "Allied Sciences": :func:`fields_cut`); a person's name
    with a nickname in quotes
    (:func:`kg.extract.missed_names._nicknamed`), a company's with a possessive before its
    legal ending (:func:`kg.extract.missed_names._possessive_companies`).

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

    # 'Michael John "Mike" Padden', "T.G.I. Friday's Inc.": NER's "Michael John" and "T.G.I." are in them
    whole = [*_nicknamed(doc), *_possessive_companies(doc), *portfolio_bodies(doc), *partners_firms(doc),
             *(Span(doc, e.start - 1, e.end, label="ORG") for e in doc.ents  # NER's "UK" of "News UK"
               if e.label_ == "GPE" and len(e) == 1 and country_code_suffixed(doc, e.start))]
    ents = sorted([e for e in doc.ents if not any(e.start < n.end and n.start < e.end for n in whole)]
                  + whole + list(_rests(doc, whole)), key=lambda e: e.start)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        body = _body_of(ent)
        if body < ent.start and (not out or out[-1].end <= body):  # "Library of" + NER's "Congress"
            ent = Span(doc, body, ent.end, label="ORG")
        if nxt is not None and ent.label_ == "NORP" and nxt.label_ in {"GPE", "LOC", "FAC"} \
                and nxt.start == ent.end and ent.text[:1].isupper() and len(nxt) == 1 and not is_place(nxt.text) \
                and nxt[0].lower_ in common_nouns():
            ents[i + 1] = Span(doc, ent.start, nxt.end, label=nxt.label_)  # "Spanish" + "Town": Spanish Town
            i += 1
            continue
        if nxt is not None and ent.label_ == "ORG" and nxt.label_ == "GPE" and nxt.start == ent.end \
                and doc[ent.end - 1].whitespace_ == " " and a_countrys_branch(nxt):
            ents[i + 1] = Span(doc, ent.start, nxt.end, label="ORG")  # "Amazon UK", "Monash University Malaysia"
            i += 1
            continue
        if nxt is not None and _one_body(ent, nxt):
            ents[i + 1] = Span(doc, ent.start, nxt.end, label="ORG")  # "National Road Operating" and "... Limited"
            i += 1
            continue
        if nxt is not None and ent.label_ == nxt.label_ == "PERSON" and nxt.start == ent.end \
                and all(_capitalised(t.text) or (t.lower_ in NAME_PARTICLES and t.i < nxt.end - 1) for t in (*ent, *nxt)):
            # "Roberto Wilfrido" "Escobar Gonzalez", "Sheikh Sultan" "bin Khalifah Al Nahyan"
            ents[i + 1] = Span(doc, ent.start, nxt.end, label="PERSON")
            i += 1
            continue
        if nxt is not None and ent.label_ == nxt.label_ == "ORG" and fields_cut(ent, nxt):
            ents[i + 1] = Span(doc, ent.start, nxt.end, label="ORG")  # one name NER cut at its "and"
            i += 1
            continue
        if nxt is not None and ent.label_ == nxt.label_ == "PERSON" and nxt.start == ent.end + 1 \
                and doc[ent.end].text in PATRONYMIC_PARTICLES:  # "Puan Hajah Mariam" binti "Haji Abdul Aziz"
            ents[i + 1] = Span(doc, ent.start, nxt.end, label="PERSON")
            i += 1
            continue
        if nxt is not None and ent.label_ == "PERSON" and _initials_between(ent, nxt):
            ents[i + 1] = Span(doc, ent.start, nxt.end, label="PERSON")  # NER's "Fernando A" and "González" (ORG)
            i += 1
            continue
        if nxt is not None and nxt.label_ == "PERSON" and ent.label_ not in {"PERSON", "NORP"} and len(ent) == 1 \
                and nxt.start == ent.end and _capitalised(ent[0].text) and (ent[0].text in given_names() or (
                    ent[0].is_sent_start and nxt.end < len(doc) and doc[nxt.end].text == "("
                    and ent[0].lower_ not in common_nouns() and not is_place(ent[0].text))):
            # NER's "Rufus" (ORG) + "Seaman Carter" opening an encyclopaedia's "Rufus Seaman Carter (1866 – 1932)";
            # not a nationality: "German" + "Antoine Weber"
            ents[i + 1] = Span(doc, ent.start, nxt.end, label="PERSON")
            i += 1
            continue
        if ent.label_ == "PERSON":
            ent = _whole_person(ent)  # "Félix" + NER's "Ambrosio Sabio Gonzalez", "Cho Young-" + "cheul"
        if nxt is not None and ent.label_ == "ORG" and nxt.label_ in {"GPE", "LOC"} \
                and nxt.start == ent.end + 1 and doc[ent.end].lower_ == "of" \
                and any(t.lower_ in PLACE_BODIES for t in ent):  # "the Arts Council" of "Calvert County"
            out.append(Span(doc, ent.start, nxt.end, label=ent.label_))
            i += 2
            continue
        if nxt is not None and nxt.start == ent.end + 1 and doc[ent.end].lower_ == "and" \
                and Span(doc, ent.start, nxt.end).text.removeprefix("the ") in official_names():
            out.append(Span(doc, ent.start, nxt.end, label="GPE"))  # "the United Kingdom of Great Britain" and
            i += 2  # "Northern Ireland": a country's official name
            continue
        if nxt is not None and ent.label_ == "ORG" and nxt.start == ent.end + 1 \
                and cut_of_pair(doc, ent.start, ent.end, nxt.end):  # "Ministry of Justice" and "Prisons"
            out.append(Span(doc, ent.start, nxt.end, label=ent.label_))
            i += 2
            continue
        if nxt is not None and ent.label_ == "ORG" and nxt.start == ent.end + 1 \
                and generic_body_in_town(doc, ent.start, ent.end, nxt.end):  # "Federal Teaching Hospital, Gombe"
            out.append(Span(doc, ent.start, nxt.end, label=ent.label_))
            i += 2
            continue
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
                                      or (ent.label_ == "PERSON" and doc[end].lower_ in NAME_PARTICLES)
                                      or (nxt is not None and nxt.start <= end < nxt.end)):
                end += 1
            while nxt is not None and nxt.start < end:  # NER's names inside the joined one
                i += 1
                nxt = ents[i + 1] if i + 1 < len(ents) else None
            out.append(Span(doc, ent.start, end, label=ent.label_))
            i += 1
            continue
        if ent.label_ == "PERSON" and ent[-1].lower_ in STYLES and ent.end < len(doc) \
                and doc[ent.end].pos_ == "PROPN" and doc[ent.end].is_title:
            end = ent.end  # "Bourbon King" and "Philip V": the name after the style is the person's
            while end < len(doc) and (doc[end].pos_ == "PROPN" and doc[end].is_title
                                      or REGNAL.fullmatch(doc[end].text)):
                end += 1
            out.append(Span(doc, ent.end, end, label="PERSON"))
            i += 1
            continue
        particled = _particles_before(ent)
        if particled < ent.start:  # "Frans van den" and NER's "Heuvel": one person
            while out and out[-1].end > particled:
                out.pop()
            out.append(Span(doc, particled, ent.end, label="PERSON"))
            i += 1
            continue
        prefixed = _legal_prefixed(ent)
        if prefixed is not None:  # "PT" + NER's "Sinar Mas Pulp" + "and Paper"
            while nxt is not None and nxt.start < prefixed.end:
                i += 1
                nxt = ents[i + 1] if i + 1 < len(ents) else None
            out.append(prefixed)
            i += 1
            continue
        end = ent.end  # "Cafe Rio Mexican" and "Grill": a business's word after a name is its end
        while end < len(doc) and _bare_proper(doc[end]) and doc[end].lower_ in _BUSINESS_WORDS:
            end += 1
        if end < len(doc) and ent[-1].lower_ in _NUMBERED and doc[end].like_num and len(doc[end]) <= 3:
            end += 1  # "Watts Bar Unit" and "1": the unit's number is its name's end
        start = ent.start
        while end > ent.end and start > 0 and _bare_proper(doc[start - 1]):
            start -= 1  # "Cafe Rio" before NER's "Mexican"
        if end == ent.end and _initials_cut(ent):
            start = ent.start - 1  # "Evercore ISI analyst Vijay Kumar": NER's "ISI"; "SAB Miller"
        out.append(ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label="ORG"))
        i += 1
    return _apart_from_datelines(doc, out)


def _apart_from_datelines(doc: Doc, ents: list[Span]) -> list[Span]:
    """NER's names with a dateline before them cut off: "SINGAPORE - Mr Piyush Gupta" is the
    dateline's place and Mr Piyush Gupta (:func:`kg.extract.constraints.dateline_spans`); a
    dateline's place in capitals is a place ("KARACHI:", which NER takes for an organisation).

    >>> from kg.extract.nlp import load_nlp
    >>> from spacy.tokens import Span
    >>> doc = load_nlp()("SINGAPORE - Mr Piyush Gupta has been appointed chairman.")
    >>> [e.text for e in _apart_from_datelines(doc, [Span(doc, 0, 5, label="PERSON")])]
    ['SINGAPORE', 'Mr Piyush Gupta']
    """
    from spacy.tokens import Span

    from kg.extract.constraints import dateline_spans  # constraints reads the classifier, which reads this

    lines = dateline_spans(tokens_of(doc).text)
    if not lines:
        return ents
    out = []
    for ent in ents:
        end = next((b for a, b in lines if ent.start_char < b < ent.end_char), None)
        if end is None:
            placed = ent.label_ != "GPE" and ent.text.isupper() and is_place(ent.text.title()) and any(
                a <= ent.start_char and ent.end_char <= b for a, b in lines)
            out.append(Span(doc, ent.start, ent.end, label="GPE") if placed else ent)  # "KARACHI:", NER's ORG
            continue
        inside = [t.i for t in ent if t.idx + len(t) <= end]
        after = [t.i for t in ent if t.idx >= end and not t.is_punct and t.text not in DASHES]
        if inside:
            out.append(Span(doc, inside[0], inside[-1] + 1, label="GPE"))
        if after:
            out.append(Span(doc, after[0], ent.end, label=ent.label_))
    return out


def _body_of(ent: Span) -> int:
    """Where a name opens that NER cut after a body's noun and "of" (``_BODY_WORDS``, capitalised):
    "the Library of" before NER's "Congress", "the Society of" before "Jesus"; ``ent.start``
    when there is none.

    >>> from kg.extract.nlp import load_nlp
    >>> from spacy.tokens import Span
    >>> doc = load_nlp()("He worked at the National Library of Kessary and in Lyon.")
    >>> _body_of(Span(doc, 7, 8, "GPE")), _body_of(Span(doc, 10, 11, "GPE"))
    (4, 10)
    """
    doc, start = ent.doc, ent.start
    if ent.label_ not in {"ORG", "GPE", "LOC", "FAC"} or start < 2 or doc[start - 1].lower_ != "of":
        return start
    noun = doc[start - 2]
    if not (noun.is_title and noun.lower_ in _BODY_WORDS and noun.pos_ in {"PROPN", "NOUN"}):
        return start
    body = noun.i
    while body > 0 and doc[body - 1].is_title and doc[body - 1].pos_ in {"PROPN", "ADJ"} \
            and not doc[body - 1].is_sent_start:
        body -= 1  # "the National Library of"
    return body


def _one_body(ent: Span, nxt: Span) -> bool:
    """Whether NER's two organisations either side of "and" are one body's name
    (:func:`kg.extract.name_spans.one_body`): "International Red Cross" and "Red Crescent Movement".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He joined the International Red Cross and Red Crescent Movement in 1990.")
    >>> _one_body(doc.ents[0], doc.ents[1])
    True
    """
    doc = ent.doc
    if ent.label_ != "ORG" or nxt.label_ != "ORG":
        return False
    if doc[ent.end - 1].lower_ in {"and", "&"} and nxt.start == ent.end:  # NER's "the National Road Operating and"
        return one_body(doc, ent.start, ent.end - 1, nxt.end, lambda text: False)
    return nxt.start == ent.end + 1 and doc[ent.end].lower_ in {"and", "&"} \
        and one_body(doc, ent.start, ent.end, nxt.end, lambda text: False)


def _whole_person(ent: Span) -> Span:
    """NER's person with what it cut off: a given name before it ("Félix" of "Félix Ambrosio
    Sabio Gonzalez": in no name of NER's, no English noun; any capitalised word that opens
    the sentence or follows a comma, but a place's name ("its chairman, Aminu Babangida"), or the
    name's line, a profile's heading: "Piyush Gupta has been appointed", "Leonida Kaula"; a given
    name and middle initials, "Fernando A" of
    "Fernando A González"), initials and a surname after it ("Michael" and "T H
    Lee") and the end of a hyphened given name ("Cho Young-cheul"; not "Varnholm-based").

    >>> from kg.extract.nlp import load_nlp
    >>> from spacy.tokens import Span
    >>> doc = load_nlp()("HD Hyundai CEO Cho Young-cheul will serve as co-CEO.")
    >>> _whole_person(Span(doc, 3, 6, label="PERSON")).text
    'Cho Young-cheul'
    """
    from spacy.tokens import Span

    doc, start, end = ent.doc, ent.start, ent.end
    initials = start  # "Fernando A" + NER's "González": a given name and middle initials before it
    while initials > 0 and start - initials < 2 and _initial(doc[initials - 1]) \
            and doc[initials - 1].pos_ == "PROPN" and start <= doc[initials - 1].head.i < end:
        initials -= 1
    word = doc[initials - 1] if initials > 0 else None
    if initials < start:
        if word is not None and not word.ent_type_ and word.text in given_names() \
                and start <= word.head.i < end:
            start = initials - 1
    elif word is not None and not word.ent_type_ and word.pos_ == "PROPN" and _capitalised(word.text) \
            and word.lower_ not in common_nouns() and word.lower_.rstrip(".") not in HONORIFICS \
            and (start <= word.head.i < end and (word.text in given_names() or (
                word.is_sent_start or doc[word.i - 1].text in {",", "("})  # "its chairman, Aminu Babangida,"
                and not is_place(word.text) and word.lower_ not in common_adjectives() and word.lower_ not in TITLE_WORDS)
                 or _a_line(doc, start - 1, end)):
        start -= 1
    start = _after_honorific(doc, start, end)
    k = end  # "Michael" and "T H Lee": initials, then the surname NER left out
    while k < len(doc) and k - end < 3 and _initial(doc[k]):
        k += 1
    if end < k < len(doc) and doc[k].is_title and doc[k].pos_ == "PROPN" and not doc[k].ent_type_:
        end = k + 1
    hyphen = end - 1 if doc[end - 1].text == "-" else end  # NER's "Cho Young-" or "Cho Young"
    if hyphen + 1 < len(doc) and doc[hyphen].text == "-" and not doc[hyphen - 1].whitespace_ \
            and not doc[hyphen].whitespace_ and doc[hyphen + 1].is_lower and doc[hyphen + 1].is_alpha \
            and doc[hyphen + 1].pos_ in {"PROPN", "NOUN"} and doc[hyphen + 1].lower_ not in common_nouns():
        end = hyphen + 2
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label="PERSON")


def _after_honorific(doc: Doc, start: int, end: int) -> int:
    """Where a person's name that NER cut begins: at the words before it up to an honorific
    ("Dr" of "Dr Saia Ma'u Piukala": NER's "Piukala"; "Justice" of "Justice HR Khanna": NER's
    "Khanna"), proper nouns of the name or initials run together ("HR"); ``start`` when no
    honorific opens them.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Dr Saia Ma'u Piukala was elected. Justice HR Khanna dissented.")
    >>> doc[_after_honorific(doc, 3, 4):4].text, doc[_after_honorific(doc, 9, 10):10].text
    ("Saia Ma'u Piukala", 'HR Khanna')
    """
    k = start
    while k > 0 and start - k < 3 and not doc[k - 1].ent_type_ and k <= doc[k - 1].head.i < end and (
            doc[k - 1].pos_ == "PROPN" and _capitalised(doc[k - 1].text)
            or doc[k - 1].pos_ in {"PROPN", "NOUN"} and doc[k - 1].is_upper and doc[k - 1].is_alpha
            and len(doc[k - 1]) <= 3) \
            and doc[k - 1].lower_ not in TITLE_WORDS and doc[k - 1].lower_.rstrip(".") not in HONORIFICS:
        k -= 1
    opener = doc[k - 1].lower_.rstrip(".") if k > 0 else ""
    return k if k < start and (opener in HONORIFICS or opener == "justice") else start


def _initials_between(person: Span, nxt: Span) -> bool:
    """Whether a name of one word right after NER's person, or after a middle initial or two
    between them, is the person's surname: "Fernando A" (or "Fernando") and "González", the
    initials ending the person or outside both names.

    >>> from kg.extract.nlp import load_nlp
    >>> from spacy.tokens import Span
    >>> doc = load_nlp()("Tomas A Gonzalez will retire.")
    >>> _initials_between(Span(doc, 0, 1, "PERSON"), Span(doc, 2, 3, "ORG"))
    True
    """
    doc, gap = person.doc, person.end
    while gap < nxt.start and gap - person.end < 2 and _initial(doc[gap]):
        gap += 1
    initialled = gap > person.end or (len(person) > 1 and _initial_text(person[-1].text))
    return initialled and nxt.start == gap and len(nxt) == 1 and _capitalised(nxt[0].text) \
        and nxt[0].pos_ == "PROPN" and person.root.head.i == nxt[0].i


def _initial(token: Token) -> bool:
    """A capital letter alone, with or without its full stop ("T", "H." of "Michael T H Lee"), in no name of NER's."""
    return _initial_text(token.text) and not token.ent_type_


def _initial_text(text: str) -> bool:
    """Whether a word is a capital letter alone, with or without its full stop.

    >>> [_initial_text(w) for w in ("T", "H.", "Ho", "a")]
    [True, True, False, False]
    """
    text = text.rstrip(".")
    return len(text) == 1 and text.isupper()


def _a_line(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` are a whole line of the text, and no first line.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Keynote\\n\\nLeonida Kaula\\n\\nMs Kaula spoke.")
    >>> _a_line(doc, 2, 4), _a_line(doc, 5, 7)
    (True, False)
    """
    return start > 0 and "\n" in doc[start - 1].text_with_ws and (end == len(doc) or "\n" in doc[end - 1].whitespace_
                                                                  or "\n" in doc[end].text)


def _titled_body(span: Span, titles: frozenset[str]) -> bool:
    """Whether the name is a title's body before the title's head: "Agriculture Cabinet" of
    "Agriculture Cabinet Secretary Mutahi Kagwe" (a cabinet secretary for agriculture).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Agriculture Cabinet Secretary Mutahi Kagwe spoke.")
    >>> _titled_body(doc[0:2], frozenset({"secretary"}))
    True
    """
    return span[-1].lower_ in _TITLE_BODIES and span.end < len(span.doc) and span.doc[span.end].lower_ in titles


#: Last words of names that go on with a number NER leaves out ("Watts Bar Unit 1").
_NUMBERED = frozenset(_WORDS["numbered_names"])


def _particles_before(ent: Span) -> int:
    """Where a person's name NER cut after its particles starts: "Frans van den Heuvel" (NER's
    "Heuvel", and "Frans" a nationality), a word in capitals before lower-case particles
    (``ontology/words.toml`` ``name_particles``); else ``ent.start``.

    >>> from kg.extract.nlp import load_nlp
    >>> from spacy.tokens import Span
    >>> doc = load_nlp()("The CEO, Frans van den Heuvel, left.")
    >>> _particles_before(Span(doc, 6, 7, label="PERSON"))
    3
    """
    doc, start = ent.doc, ent.start
    if ent.label_ != "PERSON":
        return start
    while start > 0 and doc[start - 1].lower_ in NAME_PARTICLES and doc[start - 1].is_lower:
        start -= 1
    if start == ent.start or start == 0 or not _capitalised(doc[start - 1].text) \
            or doc[start - 1].ent_type_ not in {"", "NORP", "PERSON"}:
        return ent.start
    return start - 1


def _initials_cut(ent: Span) -> bool:
    """Whether NER's name is an organisation's cut from the word before it, which modifies it:
    a rare word or initials before NER's organisation ("Evercore ISI", "Votorantim Cimentos
    North America", "HD Hyundai"), initials before NER's one-word person ("SAB Miller"); not
    a common noun ("analyst ISI", "CEO Miller"), a given name or a place ("Paris ISI").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Evercore ISI analyst Vijay Kumar said so.")
    >>> doc.ents[0].text, _initials_cut(doc.ents[0])
    ('ISI', True)
    """
    if ent.start == 0:
        return False
    word = ent.doc[ent.start - 1]
    initials = word.pos_ == "PROPN" and word.is_upper and word.is_alpha and len(word) > 1 and not word.ent_type_
    if ent.label_ == "ORG":  # "Evercore ISI", "Votorantim Cimentos North America", "HD Hyundai Site Solutions"
        shaped = (_bare_proper(word) and word.text not in given_names()) or initials
    elif ent.label_ == "PERSON" and len(ent) == 1:  # "the drinks company SAB Miller": NER's "Miller", a person
        shaped = initials
    else:
        return False
    return shaped and word.dep_ == "compound" and ent.start <= word.head.i < ent.end \
        and word.lower_ not in common_nouns() and not is_place(word.text)


def _a_kind_of(span: Span) -> bool:
    """Whether one capitalised word after "a" or "an" only says of what kind the noun after it
    is ("according to a Gazette notice"): no one NER's person could be.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He cited a Gazette notice.")
    >>> _a_kind_of(doc[3:4])
    True
    """
    word = span[0]
    return len(span) == 1 and span.start > 0 and span.doc[span.start - 1].lower_ in {"a", "an"} \
        and word.dep_ == "compound" and word.head.i == span.end and word.head.pos_ == "NOUN"


def _legal_prefixed(ent: Span) -> Span | None:
    """The company's whole name where NER left out the legal form it opens with, and the
    capitalised words after it (``ontology/words.toml`` ``legal_prefixes``): "PT Sinar Mas Pulp
    and Paper", of which NER found "Sinar Mas Pulp"; ``None`` when no such form is before it.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("PT Sinar Mas Pulp and Paper said its mill would close.")
    >>> _legal_prefixed(doc.ents[0]).text
    'PT Sinar Mas Pulp and Paper'
    """
    from spacy.tokens import Span

    doc, start = ent.doc, ent.start
    while start > 0 and _bare_proper(doc[start - 1]) and start > ent.start - 3:
        start -= 1
    if start == 0 or doc[start - 1].text not in LEGAL_PREFIXES:
        return None
    end = ent.end
    while end < len(doc) and (_bare_proper(doc[end]) or (
            doc[end].lower_ in {"and", "&"} and end + 1 < len(doc) and _bare_proper(doc[end + 1]))):
        end += 1
    return Span(doc, start - 1, end, label="ORG")



def _bare_proper(token: Token) -> bool:
    """A proper noun in capitals that NER left out of every name."""
    return token.pos_ == "PROPN" and token.is_title and not token.ent_type_


#: Styles of rulers and nobles ("King", "Duchess"): ``ontology/words.toml`` ``[rules] styles``.
STYLES = frozenset(load_words().rules["styles"])

#: Words that end a business's name ("Grill", "Holdings"): NER leaves some out of it.
_BUSINESS_WORDS = frozenset(ORGANIZATION_WORDS) | POSSESSED_BUSINESSES
#: Last words of a facility's name that make it a body ("Mount Sinai Hospital", "Cape Fear Museum").
_BODY_WORDS = frozenset(ORGANIZATION_WORDS) | PLACE_BODIES


def _a_body(span: Span, lexicon: Lexicon) -> bool:
    """Whether the words around a name speak of it as a body: an employer ("joined Monzo"),
    a company held in shares ("shares in Amplats"), a party to a deal or a club signing a player."""
    return employer_cued(span, lexicon) or owned(span) or deal_maker(span, lexicon) or signs_a_player(span, lexicon)


def _after_a_capital(span: Span) -> bool:
    """Whether a name ends in a country or a capital city after a first word that is no given
    name nor title (nor, in a name of two words, an English noun: a rank): NER's person
    "Euronext Amsterdam", "Victim Support Malta" is a body of that place; "Jack London",
    "Michael Jordan", "Sir Paris" and "Midshipman Israel" stay people.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("It listed on Euronext Amsterdam, Jack London wrote of Midshipman Israel.")
    >>> _after_a_capital(doc[3:5]), _after_a_capital(doc[6:8]), _after_a_capital(doc[10:12])
    (True, False, False)
    """
    first, last = span[0], span[-1]
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return len(span) > 1 and (last.lower_ in capitals() or last.lower_ in countries()) \
        and first.text not in given_names() and (len(span) > 2 or first.lower_ not in common_nouns()) \
        and not {first.lower_.rstrip("."), before.rstrip(".")} & HONORIFICS


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
