"""The attribute ruler's matches, found by table look-up instead of spaCy's Matcher.

spaCy's ``attribute_ruler`` (the English pipelines' tag map and exceptions: a
token's POS and MORPH from its TAG, lemmas of "gonna", "ai n't", ...) runs a
token Matcher over all its patterns for every token: 0.42 of 4.6 CPU s of
``en_core_web_sm`` on 600 KnowledgeNet documents. Its patterns are single
tokens or short fixed sequences of equality, ``IN``, ``NOT_IN`` and ``REGEX``
tests on a few attributes, so each token's candidate patterns can be looked up
by its TAG, LOWER, DEP or ORTH value and checked in Python (0.1 s). The ruler
keeps setting the attributes itself (``set_annotations``) from matches equal,
list for list, to its own (``AttributeRuler.match``: sorted by pattern, then
key, start and end). A ruler with a pattern this cannot read (an operator, an
attribute not in :data:`ATTRS`) is left as it is.

Examples
--------
>>> from kg.extract.nlp import load_nlp
>>> nlp = load_nlp()
>>> ruler = nlp.get_pipe("attribute_ruler")
>>> doc = nlp("I'm gonna say it ain't so.")
>>> fast_matches(ruler) is not None
True
>>> fast_matches(ruler)(doc) == ruler.__class__.match(ruler, doc)
True
>>> [(t.text, t.lemma_) for t in doc][2:4]
[('gon', 'go'), ('na', 'to')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

#: The token attributes a pattern may test, by the name patterns use.
ATTRS = ("TAG", "LOWER", "ORTH", "TEXT", "DEP", "IS_SPACE")
#: The attributes a pattern's first token is looked up by, most selective first.
_INDEXED = ("LOWER", "ORTH", "TAG", "DEP", "IS_SPACE")

Test = Callable[[int, str], bool]  # (attribute value, its string) -> passes


def install(ruler: AttributeRuler) -> bool:
    """Make ``ruler`` find its matches with :func:`fast_matches`; False if it cannot."""
    match = fast_matches(ruler)
    if match is None:
        return False
    ruler.match = _Installed(ruler, match)  # type: ignore[method-assign]
    return True


class _Installed:
    """:func:`fast_matches` as the ruler's ``match``; pickled without its tables, which are
    made again at the first call (spaCy's ``nlp.pipe(n_process=...)`` pickles the pipeline
    where processes are spawned)."""

    def __init__(self, ruler: AttributeRuler, match: Callable[[Doc], list[tuple[int, int, int, int]]] | None) -> None:
        self.ruler, self.match = ruler, match

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if self.match is None:
            self.match = fast_matches(self.ruler) or type(self.ruler).match.__get__(self.ruler)
        return self.match(doc)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return _Installed, (self.ruler, None)


def fast_matches(ruler: AttributeRuler) -> Callable[[Doc], list[tuple[int, int, int, int]]] | None:
    """A function giving what ``ruler.match(doc)`` gives, or None for patterns it cannot read."""
    from spacy.attrs import IDS
    from spacy.strings import get_string_id

    strings = ruler.vocab.strings
    columns = {name: i for i, name in enumerate(dict.fromkeys(
        "ORTH" if a == "TEXT" else a for a in ATTRS))}
    compiled = []  # (attr_id, key, [per token: [(column, test)]], index attribute, index values)
    for attr_id, (key, patterns) in enumerate(_ruler_patterns(ruler)):
        for pattern in patterns:
            tokens = []
            for spec in pattern:
                tests = []
                for name, value in spec.items():
                    name = "ORTH" if name.upper() == "TEXT" else name.upper()
                    test = _test(name, value, strings, get_string_id)
                    if name not in columns or test is None:
                        return None
                    tests.append((columns[name], test, name, value))
                tokens.append(tests)
            if not tokens:
                return None
            compiled.append((attr_id, key, tokens))
    index: dict[tuple[int, int], list[Any]] = {}  # (column, value) -> patterns
    scanned: list[Any] = []  # patterns whose first token no value picks out (checked on every token)
    for attr_id, key, tokens in compiled:
        place = _index_place(tokens[0], strings, get_string_id)
        entry = (attr_id, key, [[(c, t) for c, t, _, _ in tests] for tests in tokens])
        if place is None:
            scanned.append(entry)
        else:
            for where in place:
                index.setdefault(where, []).append(entry)
    by_column = sorted({c for c, _ in index})
    attr_ids = [IDS[name] for name in columns]

    def match(doc: Doc) -> list[tuple[int, int, int, int]]:
        values = doc.to_array(attr_ids).tolist() if len(doc) else []
        found = set()
        n = len(values)
        get = index.get
        for start, row in enumerate(values):
            for c in by_column:
                for attr_id, key, tokens in get((c, row[c]), ()):
                    if _matches(tokens, values, start, n, strings):
                        found.add((key, start, start + len(tokens)))
            for attr_id, key, tokens in scanned:
                if _matches(tokens, values, start, n, strings):
                    found.add((key, start, start + len(tokens)))
        matches = [(int(strings[key]), key, start, end) for key, start, end in found]
        matches.sort()
        return matches

    return match


def _matches(tokens: list[list[tuple[int, Test]]], values: list[list[int]], start: int, n: int,
             strings: Any) -> bool:
    """Whether the pattern ``tokens`` matches the doc's rows ``values`` from ``start``."""
    if start + len(tokens) > n:
        return False
    for i, tests in enumerate(tokens):
        row = values[start + i]
        for column, test in tests:
            if not test(row[column], strings):
                return False
    return True


def _ruler_patterns(ruler: AttributeRuler) -> list[tuple[int, list[list[dict[str, Any]]]]]:
    """(match key, its token patterns) in the order the ruler added them (its attr_id)."""
    return [(ruler.vocab.strings[str(i)], ruler.matcher.get(ruler.vocab.strings[str(i)])[1])
            for i in range(len(ruler.attrs))]


def _test(name: str, value: Any, strings: Any, string_id: Callable[[Any], int]) -> Any:
    """A test of one attribute as spaCy's Matcher makes it (None: not one this reads)."""
    if isinstance(value, bool) or (isinstance(value, int) and name == "IS_SPACE"):
        wanted = int(value)
        return lambda v, s: v == wanted
    if isinstance(value, str):
        wanted = strings.add(value)
        return lambda v, s: v == wanted
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (op, arg), = value.items()
    if op == "REGEX" and isinstance(arg, str):
        regex, seen = re.compile(arg), {}

        def search(v: int, s: Any) -> bool:
            if v not in seen:
                seen[v] = bool(regex.search(s[v]))
            return seen[v]
        return search
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, (str, int)) for a in arg):
        wanted_set = frozenset(string_id(a) for a in arg)
        if op == "IN":
            return lambda v, s: v in wanted_set
        return lambda v, s: v not in wanted_set
    return None


def _index_place(tests: list[tuple[int, Test, str, Any]], strings: Any, string_id: Callable[[Any], int]) -> list[tuple[int, int]] | None:
    """The (column, value) keys under which a pattern whose first token has ``tests`` is found."""
    for name in _INDEXED:
        for column, _, test_name, value in tests:
            if test_name != name:
                continue
            if isinstance(value, bool):
                return [(column, int(value))]
            if isinstance(value, str):
                return [(column, strings.add(value))]
            if isinstance(value, dict) and set(value) == {"IN"}:
                return [(column, string_id(a)) for a in value["IN"]]
    return None
