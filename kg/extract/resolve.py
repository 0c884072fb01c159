"""Mentions to entities: one entity per real thing, with a safe, stable IRI.

Within a document, names that are the same up to case, punctuation, "the",
a possessive or a company suffix are one entity; so are "Amazon Web Services
(AWS)", an acronym and its expansion, and a surname and the full name of a
person. Across documents an :class:`AliasIndex` maps every name seen to its
entity, so "AWS" in one article and "Amazon Web Services" in another meet.

Examples
--------
>>> mint_iri("https://w3id.org/kg/id/", "Organization", "Amazon Web Services")
'https://w3id.org/kg/id/Organization/Amazon_Web_Services'
>>> mint_iri("https://w3id.org/kg/id/", "Product", "M-series <chips>/2")
'https://w3id.org/kg/id/Product/M-series_%3Cchips%3E%2F2'
>>> name_key("The Apple, Inc.’s")
'apple'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from urllib.parse import quote

from kg.extract.mentions import GAZETTEER_WEIGHT, Found
from kg.lexicon import load_words
from kg.types import Entity, Mention

#: Company suffixes a name is compared without (``ontology/words.toml``, [names]).
_SUFFIX = re.compile(r"[\s,]+(" + "|".join(map(re.escape, load_words().names["company_suffixes"]))
                     + r")\.?$")
_POSSESSIVE = re.compile(r"['’]s?$")


def mint_iri(base: str, cls: str, label: str) -> str:
    """Mint the IRI of an entity from its class and canonical name.

    Spaces become ``_``; everything else outside ``[A-Za-z0-9.~-]`` is
    percent-encoded (``_`` itself too), so distinct names give distinct IRIs.
    """
    label = unicodedata.normalize("NFC", label.strip())
    return f"{base}{cls}/" + "_".join(quote(part, safe="") .replace("_", "%5F")
                                      for part in label.split(" "))


def name_key(name: str) -> str:
    """The comparison key of a name: case, spaces, "the", suffixes and 's folded."""
    key = unicodedata.normalize("NFKC", name).casefold().replace("’", "'").strip()
    key = _POSSESSIVE.sub("", key)
    key = re.sub(r"^the\s+", "", key)
    key = _SUFFIX.sub("", key)
    key = re.sub(r"[^\w&+]+", " ", key)
    return " ".join(key.split())


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _is_acronym(name: str) -> bool:
    return 2 <= len(name) <= 6 and name.isupper() and name.isalpha()


@dataclass
class AliasIndex:
    """Every name key seen so far, mapped to the entities that carry it."""

    entries: dict[str, list[Entity]] = field(default_factory=lambda: defaultdict(list))

    def add(self, entity: Entity, names: tuple[str, ...] = ()) -> None:
        for name in (entity.label, *entity.alt_labels, *names):
            bucket = self.entries[name_key(name)]
            if all(e.iri != entity.iri for e in bucket):
                bucket.append(entity)

    def find(self, names: list[str], cls: str, strong: bool) -> Entity | None:
        """The known entity for these names: same class first, any class if weak."""
        for want_same_class in (True, False):
            for name in names:
                for entity in self.entries.get(name_key(name), ()):
                    if entity.cls == cls or (not want_same_class and not strong):
                        return entity
        return None


@dataclass(frozen=True)
class EntityMention:
    """A resolved mention: the entity it names and where it is in the document.

    >>> f = Found(0, 2, 0, 8, "Tim Cook", "Person", 1.0)
    >>> hit = EntityMention("https://w3id.org/kg/id/Person/Tim_Cook", "Person", "Tim Cook", f)
    >>> hit.token_span, hit.char_span, hit.anaphor
    ((0, 2), (0, 8), False)
    """

    iri: str  # the entity's IRI
    cls: str  # the entity's class
    label: str  # the entity's canonical name
    found: Found  # the mention itself (a name, or a pronoun the entity stands for)

    @property
    def start(self) -> int:
        return self.found.start

    @property
    def end(self) -> int:
        return self.found.end

    @property
    def start_char(self) -> int:
        return self.found.start_char

    @property
    def end_char(self) -> int:
        return self.found.end_char

    @property
    def token_span(self) -> tuple[int, int]:
        return (self.found.start, self.found.end)

    @property
    def char_span(self) -> tuple[int, int]:
        return (self.found.start_char, self.found.end_char)

    @property
    def anaphor(self) -> bool:
        return self.found.anaphor

    @property
    def text(self) -> str:
        return self.found.text


@dataclass(frozen=True)
class Resolved:
    """The entities of one document and which mention belongs to which."""

    entities: tuple[Entity, ...]
    mentions: tuple[tuple[str, Mention], ...]  # (entity IRI, mention)
    by_token: dict[int, EntityMention]  # token index -> the resolved mention on it


def resolve(found: list[Found], doc_id: str, text: str, index: AliasIndex, base: str,
            name: str = "") -> Resolved:
    """Group a document's mentions into entities and give each its IRI.

    Anaphora ("he", "its", "the company") join the last entity of their class
    named before them; their spans count as evidence, not as names. ``name``
    (the document's title or file) labels the author of an "I" that names no one.
    """
    anaphora = [f for f in found if f.anaphor]
    found = [f for f in found if not f.anaphor]
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        parent[root(a)] = root(b)

    first_by_key: dict[str, int] = {}
    for i, f in enumerate(found):
        key = f.canonical.casefold() if f.canonical else name_key(f.text)
        for k in {key, name_key(f.text)}:
            if k in first_by_key:
                union(i, first_by_key[k])
            else:
                first_by_key[k] = i
    _link_acronyms(found, text, union)
    surnames = _link_surnames(found, union)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(found)):
        groups[root(i)].append(i)

    entities, mentions, by_token = [], [], {}
    for members in groups.values():
        votes: Counter[str] = Counter()
        for i in members:
            votes["Person" if i in surnames else found[i].cls] += found[i].weight
        cls = votes.most_common(1)[0][0]
        names = [found[i].text for i in members if not found[i].demonym]
        canonical = next((found[i].canonical for i in members if found[i].canonical), None)
        strong = canonical is not None
        label = canonical or _best_label(names or [found[i].text for i in members])
        known = index.find([label, *names], cls, strong)
        if known is not None:
            cls, label, iri = known.cls, known.label, known.iri
        else:
            iri = mint_iri(base, cls, label)
        alt = tuple(sorted({n for n in names if n != label}))
        entity = Entity(iri=iri, cls=cls, label=label, alt_labels=alt)
        index.add(entity)
        entities.append(entity)
        for i in members:
            f = found[i]
            if not f.demonym:  # "Belgian" refers to Belgium but is not one of its names
                mentions.append((iri, Mention(doc_id, f.start_char, f.end_char, f.text, cls)))
            for t in range(f.start, f.end):
                by_token[t] = EntityMention(iri, cls, label, f)
    unnamed = _link_anaphora(anaphora, found, by_token)
    entities.extend(_unnamed_entities(unnamed, doc_id, base, by_token, name))
    mentions.sort(key=lambda pair: pair[1].start)
    return Resolved(tuple(entities), tuple(mentions), by_token)


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


def _main_mentions(found: list[Found], by_token: dict[int, EntityMention],
                   cls: str) -> list[Found]:
    """The first mention of the most mentioned entity of ``cls`` (empty if none)."""
    counts = Counter(by_token[f.start].iri for f in found
                     if f.start in by_token and by_token[f.start].cls == cls)
    if not counts:
        return []
    main = counts.most_common(1)[0][0]
    return [next(f for f in found if f.start in by_token and by_token[f.start].iri == main)]


def _link_anaphora(anaphora: list[Found], found: list[Found],
                   by_token: dict[int, EntityMention]) -> list[Found]:
    """Point each anaphor at an entity of its class named before it; return the rest.

    The closest subject (or subject's possessor) of this or the previous
    sentence wins; failing that, the closest mention of the class.
    """
    linked: list[Found] = []
    unnamed: list[Found] = []
    for a in anaphora:
        if a.author:  # "I", "we": the writer, never the last person named
            unnamed.append(a)
            continue
        others = {by_token[t].iri for t in a.apart if t in by_token}  # "she" in "she married X" is not X
        before = sorted((f for f in (*found, *linked)
                         if f.end <= a.start and f.start in by_token and by_token[f.start].cls == a.cls
                         and by_token[f.start].iri not in others),
                        key=lambda f: f.start)
        if a.antecedent is not None and a.antecedent in by_token:
            before = [next(f for f in before if f.start == a.antecedent)] if any(
                f.start == a.antecedent for f in before) else before
        if not before:  # nothing named before it: the document's main entity of the class
            before = [f for f in _main_mentions(found, by_token, a.cls) if by_token[f.start].iri not in others]
        if not before:
            # after a proper-noun subject, it likely names someone NER missed; and an
            # "it" that names nothing may be a film or a storm: no company is made up;
            # a person the sentence sets apart from those named ("his father, X") is someone
            if a.cls == "Person" and (not a.after_name or others):
                unnamed.append(a)
            continue
        if a.antecedent is not None and before[-1].start == a.antecedent:
            named = by_token[a.antecedent]
            for t in range(a.start, a.end):
                by_token.setdefault(t, replace(named, found=a))
            linked.append(a)
            continue
        recent_sentences = sorted({f.sentence for f in before} | {a.sentence})[-2:]
        salient = [f for f in before if f.salient and f.sentence in recent_sentences]
        named = by_token[(salient or before)[-1].start]
        for t in range(a.start, a.end):
            by_token.setdefault(t, replace(named, found=a))
        linked.append(a)
    return unnamed


def _best_label(names: list[str]) -> str:
    """Most frequent full form; an acronym only when nothing else is there."""
    counts = Counter(names)
    full = [n for n in counts if not _is_acronym(n)] or list(counts)
    return max(full, key=lambda n: (len(n.split()), counts[n], n))


def abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` is an abbreviation of ``long``: its letters, in order, start words.

    >>> abbreviates("AWS", "Amazon Web Services"), abbreviates("PRC", "People's Republic of China")
    (True, True)
    >>> abbreviates("PRC", "Republic of China"), abbreviates("France", "Schneider Electric Company")
    (False, False)
    >>> abbreviates("Texas", "United States")
    False
    """
    letters = [c for c in short if c.isalnum()]
    if not 2 <= len(letters) <= 8 or not short.replace(".", "").replace("&", "").isupper():
        return False
    words = [w for w in re.split(r"[\s\-/]+", long) if w]
    return _spells(letters, words)


def _spells(letters: list[str], words: list[str]) -> bool:
    """Whether ``letters`` start ``words`` in order, small words ("of", "the") optional."""
    if not letters:
        return all(w.islower() for w in words)
    if not words:
        return False
    first, rest = words[0], words[1:]
    if first[0].casefold() == letters[0].casefold():
        # a word may give more than its first letter ("GmbH", "McKinsey", "PayPal")
        capitals = [c for c in first[1:] if c.isupper()]
        for extra in range(len(capitals), -1, -1):
            if [c.casefold() for c in capitals[:extra]] == [c.casefold() for c in letters[1:1 + extra]] \
                    and _spells(letters[1 + extra:], rest):
                return True
    return first.islower() and _spells(letters, rest)


def _link_acronyms(found: list[Found], text: str, union) -> None:  # type: ignore[no-untyped-def]
    """Join "Amazon Web Services (AWS)" and an acronym with its expansion.

    A name in parentheses after another is the same thing only when one
    abbreviates the other or the gazetteer gives both one entry; otherwise it
    is something the text relates to the first ("Mitsubishi Electric
    (Japan)", "Terje Halleland (Progress Party)").
    """
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        between = text[a.end_char:b.start_char].strip()
        if between == "(" and text[b.end_char:b.end_char + 1] == ")" and (
                abbreviates(b.text, a.text) or abbreviates(a.text, b.text)
                or (a.canonical is not None and a.canonical == b.canonical)):
            union(i, i + 1)
    expansions = {}
    for i, f in enumerate(found):
        initials = _initials(f.text)
        if initials:
            expansions.setdefault(initials, i)
    for i, f in enumerate(found):
        if _is_acronym(f.text) and f.text in expansions:
            union(i, expansions[f.text])


def _link_surnames(found: list[Found], union) -> set[int]:  # type: ignore[no-untyped-def]
    """Join "Dupin" to "Benoit Dupin"; return the surnames joined (they vote Person).

    The first full name with that surname wins, unless the sentence keeps the
    two apart: in "Reddy is married to Sneha Reddy", Reddy is someone else.
    """
    full_names: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(found):
        words = f.text.split()
        if f.cls == "Person" and len(words) > 1:
            full_names[words[-1]].append(i)
    joined = set()
    for i, f in enumerate(found):
        if " " in f.text or f.weight >= GAZETTEER_WEIGHT:
            continue
        fits = [j for j in full_names.get(f.text, ()) if not _kept_apart(f, found[j])]
        if fits:
            union(i, fits[0])
            joined.add(i)
    return joined


def _kept_apart(a: Found, b: Found) -> bool:
    """Whether the sentence says ``a`` and ``b`` are two people ("X married Y")."""
    return any(t in a.apart for t in range(b.start, b.end)) or \
        any(t in b.apart for t in range(a.start, a.end))
