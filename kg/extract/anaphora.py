"""Pronouns and "the company": the mentions that name whatever came before them.

This stage finds "he", "her", "its", "I", "who", "which" and "the firm" in a parsed
document and notes on each what the resolver (:mod:`kg.extract.resolve`) needs to pick
its antecedent: whom it cannot be (:func:`_apart`, asked of every mention), the clause
subject before it, whether it is inside a quotation and who speaks it, whether an "it" is
expletive or continues a place's or a work's topic. It does not link them: the resolver does.

Examples
--------
>>> from kg.extract.nlp import load_nlp
>>> doc = load_nlp()("Ann Lee founded Acme. She sold it.")
>>> [(f.text, f.cls) for f in _anaphora(doc, {0, 1, 3})]
[('She', 'Person')]
"""

from __future__ import annotations

from bisect import bisect
from typing import TYPE_CHECKING

from kg.extract.classes import noun_class
from kg.extract.found import SPEECH_VERBS, Found, _found, _speaker
from kg.extract.given_names import common_nouns
from kg.extract.tokens import tokens_of
from kg.lexicon import Lexicon, load_words
from kg.types import changed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORDS = load_words().mentions  # ontology/words.toml, [mentions]
#: Words that refer back to the last person or organisation named.
PERSON_PRONOUNS = _WORDS["person_pronouns"]
#: First-person words, outside quotes, name the document's author: a person, or (plural) an organisation.
AUTHOR_PRONOUNS = {"Person": _WORDS["author_person"], "Organization": _WORDS["author_organization"]}
#: Each author's pronoun -> the class of the first list above that holds it (read for every token).
_AUTHOR_CLASS = {w: cls for cls, words in reversed(AUTHOR_PRONOUNS.items()) for w in words}
RELATIVE_PRONOUNS = _WORDS["relative_pronouns"]
ORGANIZATION_ANAPHORA = _WORDS["organization_anaphora"]
#: Every word :func:`_anaphora` may take for an anaphor (the others it passes over unread).
_ANAPHORA_WORDS = frozenset(_AUTHOR_CLASS) | frozenset(PERSON_PRONOUNS) | {"it", "its"} | frozenset(ORGANIZATION_ANAPHORA)


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
    ("John met him"). A clause joined to the subject's with a subject of its own is not its
    ("He was born in 1964 and Abdur Rouf holds a degree" may be one man).
    A possessive pronoun in a subject's clause is not set apart from it:
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
    t = tokens_of(root.doc)
    head, dep = root.head, root.dep_
    own = t.subtree(root.i)
    out: set[int] = set()
    if dep in {"nsubj", "nsubjpass"}:
        out = set(t.subtree(head.i)) - own - _identity(head) - _clauses_before(head, root.i)
        out -= {k for k in t.subtree(head.i) if t.dep[k] == "poss" and t.lower[k] in _POSSESSIVE_PRONOUNS}
        # "Taiclet, while a member of the board, ...; he has served as": one man
        kids = t.children(head.i)
        out -= {k for c in kids if t.dep[c] in {"npadvmod", "dislocated", "nsubj"} and c < root.i
                for k in t.subtree(c)}
        # "He was born in 1964 and Abdur Rouf holds a degree": a clause of its own, with its own subject
        out -= {k for c in kids if t.dep[c] == "conj" and c > root.i
                and any(t.dep[g] in {"nsubj", "nsubjpass"} for g in t.children(c)) for k in t.subtree(c)}
    elif dep == "poss":
        out = set(t.subtree(head.i)) - own
        if head.dep_ in {"nsubj", "nsubjpass"}:  # "his father was X"
            out |= {k for c in head.head.children if c.dep_ in _IDENTITY_DEPS for k in t.subtree(c.i)}
        elif head.dep_ == "attr":  # "Ken is her son"
            out |= {k for c in head.head.children if c.dep_ in {"nsubj", "nsubjpass"} for k in t.subtree(c.i)}
        elif head.dep_ == "appos":  # "Ken, her son"
            out |= {head.head.i} | {c.i for c in head.head.children if c.dep_ == "compound"}
        elif head.dep_ == "conj" and _possessed(head.head, root.lower_):  # "her son, David, and her daughter"
            out |= t.subtree(head.head.i) - t.subtree(head.i)
    elif dep in {"dobj", "pobj"}:
        verb = head.head if dep == "pobj" else head
        if verb.pos_ in {"VERB", "AUX"}:
            out = {g.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}
                   for g in (c, *c.children) if g.i == c.i or g.dep_ in {"compound", "flat"}}
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
    t = tokens_of(verb.doc)
    return {k for c in t.children(verb.i)
            if t.dep[c] in _CLAUSES and verb.doc[c].right_edge.i < i
            and any(t.dep[g] in {"nsubj", "nsubjpass"} for g in t.children(c))
            for k in t.subtree(c)}


_CLAUSES = frozenset({"advcl", "ccomp", "parataxis", "conj"})


def _identity(verb: Token) -> set[int]:
    """The words a copula's subject is equated with: "John Ford" in "he is John Ford"."""
    t = tokens_of(verb.doc)
    out: set[int] = set()
    for c in t.children(verb.i):
        if t.dep[c] in _IDENTITY_DEPS:
            names = [g for g in t.children(c) if t.dep[g] in {"compound", "flat", "appos"}]
            out |= {c} | {k for g in names for k in t.subtree(g)}
    return out


def _relative_pronouns(doc: Doc, found: list[Found]) -> list[Found]:
    """"Smith, who founded X": "who" stands for the name the clause hangs on.

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> from kg.extract.mentions import find_mentions
    >>> doc = load_nlp()("Jane Roe is an American physician who lives in Ohio.")
    >>> [(f.text, doc[f.antecedent].text) for f in find_mentions(doc, load_lexicon()) if f.anaphor]
    [('who', 'Jane')]
    """
    at = {t: f for f in found if not f.anaphor for t in range(f.start, f.end)}
    out = []
    lowers = tokens_of(doc).lower
    for i in range(len(doc)):
        if lowers[i] not in RELATIVE_PRONOUNS:
            continue
        token = doc[i]
        named = _relative_antecedent(token, at)
        if named is not None:
            out.append(changed(_found(doc[token.i:token.i + 1], named.cls, 0.0, None, anaphor=True),
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


#: Forms of address a possessive opens, no one's: "His Royal Highness", "Her Excellency".
_ADDRESS_WORDS = frozenset({"royal", "highness", "majesty", "excellency", "holiness", "grace", "lordship",
                            "ladyship", "eminence", "honour", "honor"})


def _honorific(doc: Doc, i: int) -> bool:
    """Whether the "his" or "her" at ``i`` opens a form of address ("His Royal Highness, The Prince
    of Wales": no pronoun of anyone named before).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("His Royal Highness opened it. His Excellency spoke. His son spoke.")
    >>> [_honorific(doc, i) for i in (0, 6, 10)]
    [True, True, False]
    """
    return i + 1 < len(doc) and doc[i].lower_ in {"his", "her"} and doc[i + 1].text.istitle() \
        and doc[i + 1].lower_ in _ADDRESS_WORDS


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
    t = tokens_of(doc)
    first_name = next((i for i in range(len(doc)) if t.pos[i] == "PROPN" and t.dep[i] in {"nsubj", "nsubjpass"}),
                      len(doc))
    for i in range(len(doc)):
        lower = t.lower[i]
        if i in taken or lower not in _ANAPHORA_WORDS:
            continue
        token = doc[i]
        author = _AUTHOR_CLASS.get(lower)
        if author is not None and token.pos_ == "PRON" and token.i not in quoted \
                and not _regnal(token):
            out.append(changed(_found(doc[token.i:token.i + 1], author, 0.0, None, anaphor=True),
                               author=True))
        elif lower in PERSON_PRONOUNS and token.pos_ == "PRON" and not _honorific(doc, i):
            out.append(changed(_found(doc[token.i:token.i + 1], "Person", 0.0, None, anaphor=True),
                               after_name=token.i > first_name,
                               loose_subject=loose[bisect(loose, (token.i,)) - 1]
                               if loose and loose[0][0] < token.i else None,
                               objective=lower in _OBJECT_PRONOUNS and token.dep_ in _OBJECT_DEPS,
                               apart=frozenset(_quote_speaker(token, speakers) if token.i in quoted else ()),
                               clause_subject=_clause_subject(token) if token.dep_ == "poss" else None,
                               antecedent=_fronted_subject(token, taken) or _main_subject_after(token, taken)
                               or _agent_of_clause(token, taken) or _credited_object(token, taken)
                               or _reporting_subject(token, taken)))
        elif (lower == "its" or (lower == "it" and token.dep_ in {"nsubj", "nsubjpass"}
                                 and not _expletive(token) and token.i not in quoted)) \
                and token.pos_ == "PRON" and not _topic_elsewhere(token, taken, classes, lexicon):
            out.append(changed(_found(doc[token.i:token.i + 1], "Organization", 0.0, None,
                                      anaphor=True), after_name=token.i > first_name,
                               clause_subject=_clause_subject(token) if token.dep_ == "poss" else _reporter(token),
                               nominal_subject=_nominal_subject(token, taken),
                               antecedent=_main_subject_after(token, taken) if token.dep_ == "poss" else None))
        elif (lower in ORGANIZATION_ANAPHORA and token.i > 0
              and not (token.i + 1 in taken and doc[token.i + 1].pos_ == "PROPN")):  # "the firm Solberg Arkitekter"
            if doc[token.i - 1].lower_ in {"the", "that", "this"}:
                out.append(_found(doc[token.i - 1:token.i + 1], "Organization", 0.0, None, anaphor=True))
            elif _described(token, taken, lexicon):  # "The Swiss-based firm": the noun alone
                out.append(_found(doc[token.i:token.i + 1], "Organization", 0.0, None, anaphor=True))
    return out


def _fronted_subject(token: Token, taken: set[int]) -> int | None:
    """The first token of the name that is the subject of a clause opening the pronoun's
    sentence, when the pronoun is the subject of the clause it opens: "When Egeland was
    Under-Secretary-General, he initiated a reform" (he is Egeland, whoever the sentence
    before named); and the owner of an appointment the sentence opens with ("On Mr Ndegwa's
    appointment, the board says he joins from Diageo"). ``taken``: the names' tokens.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("When Jan Egeland was at the UN, he led its reform.")
    >>> doc[_fronted_subject(doc[8], {1, 2})].text
    'Jan'
    >>> _fronted_subject(load_nlp()("When she was there, he left.")[5], set()) is None
    True
    """
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    outer = _outer_pronoun(token)
    if outer is not None:
        return outer
    verb, start = token.head, token.sent.start
    while verb.dep_ == "ccomp" and verb.head.i < verb.i:  # "the board says he joins"
        verb = verb.head
    opening = next((c for c in verb.children if c.i < token.i and c.left_edge.i <= start + 1), None)
    if opening is None:
        return None
    if opening.dep_ == "advcl":
        named = next((c for c in opening.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    elif opening.dep_ == "prep" and (noun := next((c for c in opening.children if c.dep_ == "pobj"), None)) \
            is not None and noun.lemma_.lower() in _WORDS_RULES["appointment_nouns"]:
        named = next((c for c in noun.children if c.dep_ == "poss"), None)
    else:
        return None
    if named is None or named.i not in taken:
        return None
    return _name_start(named, taken)


def _agent_of_clause(token: Token, taken: set[int]) -> int | None:
    """The first token of the name that is the agent ("by X") of the verb a pronoun's "when"
    clause hangs on, when the pronoun is that clause's subject: "board members, who had been
    sacked by David Cunliffe when he was minister" (he is Cunliffe, whoever the sentence's
    subject is). ``taken``: the names' tokens.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Tom Roe said the members had been sacked by Jan Vell when he was minister.")
    >>> doc[_agent_of_clause(doc[12], {0, 1, 9, 10})].text
    'Jan'
    """
    clause = token.head
    if token.dep_ != "nsubj" or clause.dep_ != "advcl" or clause.i < token.i \
            or not any(c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children):
        return None
    named = next((n for c in clause.head.children if c.dep_ == "agent" and c.i < token.i
                  for n in c.children if n.dep_ == "pobj" and n.i in taken), None)
    if named is None:
        return None
    return _name_start(named, taken)


def _credited_object(token: Token, taken: set[int]) -> int | None:
    """The first token of the name that is the object of a verb of crediting or blaming
    (``words.toml`` ``crediting_verbs``), when the pronoun is a possessive after its "on" or
    "for": "Buhari congratulated Ayuba Vell on his re-election" (his is Vell's). ``taken``: the
    names' tokens.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Tom Roe congratulated Ayuba Vell on his re-election as president.")
    >>> doc[_credited_object(doc[6], {0, 1, 3, 4})].text
    'Ayuba'
    """
    if token.dep_ != "poss" or token.head.dep_ != "pobj":
        return None
    prep = token.head.head
    verb = prep.head
    if prep.lower_ not in {"on", "upon", "for"} or verb.lemma_ not in _CREDITING:
        return None
    named = next((c for c in verb.children if c.dep_ == "dobj" and c.i in taken and c.i < token.i), None)
    return None if named is None else _name_start(named, taken)


def _reporting_subject(token: Token, taken: set[int]) -> int | None:
    """The first token of the name that reports the clause a pronoun is the subject of
    (:func:`_reporter`): "Justice Paul Vell said he intended to dismiss it" (he is Vell, whoever
    the sentences before named). ``taken``: the names' tokens.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Before he died, Lang Hall set up a trust. Justice Paul Vell said he would end it.")
    >>> doc[_reporting_subject(doc[15], {4, 5, 12, 13})].text
    'Paul'
    """
    named = _reporter(token)
    return _name_start(token.doc[named], taken) if named is not None and named in taken else None


def _name_start(named: Token, taken: set[int]) -> int:
    """The first token of the name whose head word is ``named``: its words among the names'
    tokens (``taken``), within its phrase ("Justice Paul Vell": Paul, not its title)."""
    start = named.i
    while start - 1 in taken and start - 1 >= named.left_edge.i:
        start -= 1
    return start


#: Verbs of crediting or blaming someone for something of theirs (:func:`_credited_object`).
_CREDITING = frozenset(_WORDS.get("crediting_verbs", ()))


def _main_subject_after(token: Token, taken: set[int]) -> int | None:
    """The first token of the name that is the main clause's subject, when the pronoun is the
    subject of a clause opening the sentence before it: "Since she joined Acme, Mary Vole has
    doubled its sales", "In the ten years since he took over BP, Lord Browne has become ..."
    (she is Mary Vole, whoever the sentence before named), or a possessive in it: "Despite its
    name, Palo Alto was founded in Israel". ``taken``: the names' tokens.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Since she joined Acme in 2001, Mary Vole has doubled its sales.")
    >>> doc[_main_subject_after(doc[1], {7, 8})].text
    'Mary'
    >>> _main_subject_after(load_nlp()("She joined Acme and Mary Vole left.")[0], {4, 5}) is None
    True
    >>> doc = load_nlp()("Despite its name, Palo Alto was founded in Israel.")
    >>> doc[_main_subject_after(doc[1], {4, 5})].text
    'Palo'
    """
    main = token.sent.root
    if token.dep_ not in {"nsubj", "nsubjpass", "poss"} or token.head is main:
        return None
    subject = next((c for c in main.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.i not in taken or subject.i < token.i:
        return None
    opening = next((c for c in main.children if c.left_edge.i <= token.i <= c.right_edge.i), None)
    if opening is None or opening.dep_ not in {"advcl", "prep", "npadvmod"} \
            or opening.right_edge.i >= subject.left_edge.i:
        return None
    return _name_start(subject, taken)


def _outer_pronoun(token: Token) -> int | None:
    """The same pronoun as the subject of a clause that holds the pronoun's own: "he joins
    Safaricom from Diageo, where he is managing director" is one man.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("The board says he joins from Diageo, where he is its chief.")
    >>> _outer_pronoun(doc[9])
    3
    """
    verb = token.head
    for _ in range(4):
        if verb.dep_ not in {"relcl", "advcl", "ccomp", "pcomp", "pobj", "prep", "xcomp"} or verb.head.i == verb.i:
            return None
        verb = verb.head
        same = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < token.i
                     and c.lower_ == token.lower_), None)
        if same is not None:
            return same.i
    return None


_WORDS_RULES = load_words().rules  # ontology/words.toml, [rules]


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
    return [(t.i, t.right_edge.i + 1) for t in _subjects(doc)
            if t.head.dep_ in {"ROOT", "ccomp", "conj", "parataxis"}
            and (t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.is_title))  # "Hester" tagged a noun
            and not (t.lower_ in common_nouns() and (t.pos_ == "NOUN" or t.is_sent_start))  # "Trusts for"
            and taken.isdisjoint(tokens_of(doc).subtree(t.i))  # nor the rest of a name found in part
            and not taken & {t.i - 2, t.i - 1, t.i + 1}]  # ("Lula da Silva")


def _speakers(doc: Doc, quoted: set[int]) -> list[int]:
    """The subjects of "said", "told" ... outside quotation marks (``quoted``), in text order."""
    return [t.i for t in _subjects(doc) if t.i not in quoted and _speaker(t)]


def _subjects(doc: Doc) -> list[Token]:
    """The tokens that are a verb's subject (``nsubj``, ``nsubjpass``), in text order."""
    return [doc[i] for i, dep in enumerate(tokens_of(doc).dep) if dep in {"nsubj", "nsubjpass"}]


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


def _reporter(it: Token) -> int | None:
    """The subject of the speech verb (:data:`kg.extract.found.SPEECH_VERBS`) that reports the
    clause "it" is the subject of, if it comes before: "The Swiss-based firm, which supplies Nestle and Unilever, said it was appointing
    Peter Feld": the firm.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("The firm, which supplies Nestle and Unilever, said it was hiring.")
    >>> doc[_reporter(doc[10])].text
    'firm'
    """
    verb = it.head
    if it.dep_ not in {"nsubj", "nsubjpass"} or verb.dep_ != "ccomp" or verb.head.lemma_ not in SPEECH_VERBS:
        return None
    subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject.i if subject is not None and subject.i < it.i else None


def _described(noun: Token, taken: set[int], lexicon: Lexicon | None = None) -> bool:
    """Whether a noun that refers back to an organisation ("firm", "group"), a clause's subject, a
    possessor or a noun's "of", is "the" noun with words that describe it between ("The
    Swiss-based firm, which ..., said", "the Dutch group said", "the apex bank's approval", "chief
    executive of the airline group"): each a modifier of it, no part of a name, not "new" ("the
    new company").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("The Swiss-based firm grew. A new firm opened.")
    >>> _described(doc[4], set()), _described(doc[9], set())
    (True, False)
    """
    det = next((c for c in noun.lefts if c.dep_ == "det"), None)
    # a title's "of": "chief executive of the airline group"
    owned = lexicon is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of" \
        and noun.head.head.lower_ in lexicon.triggers.title_heads
    if det is None or det.lower_ not in {"the", "that", "this"} or (
            noun.dep_ not in {"nsubj", "nsubjpass", "poss"} and not owned) \
            or any(c.dep_ == "appos" for c in noun.children):  # "the new company, Walgreens Boots Alliance,"
        return False
    between = noun.doc[det.i + 1:noun.i]
    if owned and not (all(t.dep_ == "compound" and t.pos_ == "NOUN" for t in between)
                      and not any(c.dep_ == "prep" for c in noun.children)):
        return False  # after "of", a trade's noun alone: not "the statewide organization", "the oldest firm in X"
    return len(between) > 0 and all(
        t.i not in taken and t.lower_ != "new" and (t.head.i == noun.i or t.head.i in range(det.i + 1, noun.i))
        and t.dep_ in {"amod", "compound", "npadvmod", "punct", "advmod", "nmod"}
        and (t.pos_ != "PROPN" or t.head.lower_ == "based")  # "the Strategy Group": a name; "Swiss-based"
        for t in between)


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


def _spoken_lines(doc: Doc) -> set[int]:
    """Indices of the tokens of an interview, from its first speaker's label on: two or more
    lines that open with a name and a colon ("BNamericas: What is your motivation?", "Smith:
    We're an international company") make what follows the first the speakers' words, not
    the author's.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("I met Ann Roe.\\n\\nQ: Why Lima?\\n\\nAnn Roe: We like it.\\n\\nWe stay.")
    >>> [doc[i].text for i in sorted(_spoken_lines(doc)) if not doc[i].is_space]
    ['Why', 'Lima', '?', 'Ann', 'Roe', ':', 'We', 'like', 'it', '.', 'We', 'stay', '.']
    """
    labels = []
    t = tokens_of(doc)  # text_with_ws is a token's text and a space at most: a line break is a token's text
    words = [t.text[a:b] for a, b in zip(t.start_char, t.end_char)]
    for i, word in enumerate(words):
        if word.isspace() or not (i == 0 or "\n" in words[i - 1]):
            continue
        colon = next((k for k in range(i, min(i + _SPEAKER_WORDS + 1, len(words))) if words[k] == ":"), None)
        if colon is not None and colon > i and all(words[k][:1].isupper() for k in range(i, colon)):
            labels.append(colon)
    return set(range(labels[0] + 1, len(doc))) if len(labels) >= 2 else set()


#: The most words a speaker's label before a colon has ("BNamericas:", "Neil Smith:", "Q:").
_SPEAKER_WORDS = 3

_OPEN_QUOTES, _CLOSE_QUOTES = frozenset({"“", "``", "`"}), frozenset({"”", "''"})
_QUOTES = frozenset({'"'})


def _quoted(doc: Doc) -> set[int]:
    """Indices of the tokens inside quotation marks (a blank line closes a quote), and of the
    lines an interview gives a speaker (:func:`_spoken_lines`).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()('He said: "I won." I agree.')
    >>> [doc[i].text for i in sorted(_quoted(doc))]
    ['I', 'won', '.']
    >>> doc = load_nlp()("\\"We kept returning to Douglas' vision,\\" he said. \\"I am glad,\\" said Douglas.")
    >>> [doc[i].text for i in sorted(_quoted(doc)) if doc[i].text == "I"]
    ['I']
    """
    inside, out = False, _spoken_lines(doc)
    if not any(q in tokens_of(doc).text for q in ("“", "`", '"')):
        return out  # no quote opens ("``" and "`" start with "`")
    for token in doc:
        text = token.text
        if not inside and (text in _OPEN_QUOTES or text in _QUOTES):
            inside = True
            continue
        if inside and (text in _CLOSE_QUOTES or text in _QUOTES or text == "'" and token.tag_ != "POS"):  # not "Douglas' "
            inside = False
            continue
        if inside:
            out.add(token.i)
            inside = "\n\n" not in token.text_with_ws
    return out
