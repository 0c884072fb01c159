"""What ``kg serve`` does to a query before Oxigraph sees it: refuse, declare, limit.

The query is split into SPARQL's lexical tokens (comments, IRIs, strings,
variables, prefixed names, keywords, punctuation), so a keyword inside a
string, an IRI, a comment or a name (``"SERVICE"``, ``ex:load``, ``?insert``)
is not mistaken for one. Oxigraph parses the result and reports syntax errors.

Examples
--------
>>> refusal("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
'SERVICE is refused: this endpoint does not call other endpoints (a federated query could reach any address this machine can)'
>>> refusal('SELECT * WHERE { ?s rdfs:comment "a SERVICE, a LOAD" }') is None
True
>>> prepared = prepare("SELECT ?name WHERE { ?o a kg:Organization ; rdfs:label ?name }", 100)
>>> print(prepared.text)
PREFIX kg: <https://w3id.org/kg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name WHERE { ?o a kg:Organization ; rdfs:label ?name }
LIMIT 100
>>> prepared.lines_added
1
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.vocab import PREFIXES

__all__ = ["Prepared", "Token", "prepare", "refusal", "shift_error_lines", "tokens"]

_TOKEN = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<var>[?$]\w+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<bnode>_:[\w.\-]*)
  | (?P<pname>(?:[^\W\d_][\w.\-]*)?:(?:[\w.\-:%]|\\.)*)
  | (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
  | (?P<word>[^\W\d]\w*)
  | (?P<punct>\S)
""", re.VERBOSE)

#: First keywords of SPARQL 1.1 Update operations.
UPDATES = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})
READ_ONLY = "this endpoint is read-only: it answers SELECT, ASK, CONSTRUCT and DESCRIBE"


@dataclass(frozen=True)
class Token:
    """One lexical token: its kind (a group name of the lexer), text and start offset."""

    kind: str
    text: str
    start: int

    @property
    def keyword(self) -> str:
        """The upper-cased text of a bare word (``select`` -> ``SELECT``), else ``""``."""
        return self.text.upper() if self.kind == "word" else ""


@dataclass(frozen=True)
class Prepared:
    """The query Oxigraph runs, and how many lines were put before the user's first line."""

    text: str
    lines_added: int


def tokens(query: str) -> list[Token]:
    """The query's tokens, comments left out.

    Examples
    --------
    >>> [(t.kind, t.text) for t in tokens('ASK { ?s ex:p "x" } # SERVICE')]
    [('word', 'ASK'), ('punct', '{'), ('var', '?s'), ('pname', 'ex:p'), ('string', '"x"'), ('punct', '}')]
    """
    return _lex(query)[0]


#: Token kinds that can end an operand, so that a ``<`` after them may be "less than".
_OPERAND = frozenset({"var", "number", "string", "lang", "iri", "pname"})
#: At most this many readings of a query's ambiguous ``<`` are checked for SERVICE.
_MAX_READINGS = 64


def _lex(query: str, as_operator: frozenset[int] = frozenset()) -> tuple[list[Token], list[int]]:
    """Tokens (comments left out), and where an IRI token might be ``<`` (less than) to Oxigraph.

    ``FILTER(?a<?b#>`` is a comparison followed by a comment to Oxigraph, but
    ``<?b#>`` is an IRI to the lexer: inside ``( )`` after an operand, an IRI
    with ``#`` or ``'`` in it is ambiguous (what follows may be a comment or a
    string in one reading and not in the other). ``as_operator`` lists the
    starts of such IRIs to read as ``<`` instead.
    """
    found: list[Token] = []
    ambiguous: list[int] = []
    brackets: list[str] = []
    pos = 0
    while (match := _TOKEN.search(query, pos)) is not None:
        kind, start = match.lastgroup or "punct", match.start()
        text, pos = match.group(), match.end()
        if kind == "comment":
            continue
        if kind == "iri" and start in as_operator:
            kind, text, pos = "punct", "<", start + 1
        elif (kind == "iri" and ("#" in text or "'" in text) and brackets[-1:] == ["("] and found
              and (found[-1].kind in _OPERAND or found[-1].text == ")" or found[-1].keyword in ("TRUE", "FALSE"))):
            ambiguous.append(start)
        if kind == "punct" and text in "([{":
            brackets.append(text)
        elif kind == "punct" and text in ")]}" and brackets:
            brackets.pop()
        found.append(Token(kind, text, start))
    return found, ambiguous


def _readings(query: str) -> list[list[Token]] | None:
    """The query's tokens under every reading of its ambiguous ``<``; ``None``: too many readings."""
    pending, seen, readings = [frozenset[int]()], {frozenset[int]()}, []
    while pending:
        forced = pending.pop()
        toks, ambiguous = _lex(query, forced)
        readings.append(toks)
        for start in ambiguous:
            other = forced | {start}
            if other not in seen:
                if len(seen) >= _MAX_READINGS:
                    return None
                seen.add(other)
                pending.append(other)
    return readings


def _body(toks: list[Token]) -> list[Token]:
    """The tokens after the prologue (``BASE <iri>`` and ``PREFIX p: <iri>`` declarations)."""
    i = 0
    while i < len(toks):
        if toks[i].keyword == "BASE":
            i += 2
        elif toks[i].keyword == "PREFIX":
            i += 3
        else:
            break
    return toks[i:]


def refusal(query: str) -> str | None:
    """Why the endpoint refuses this query (an update, LOAD, SERVICE), or ``None``.

    Examples
    --------
    >>> refusal("PREFIX ex: <http://example.org/> INSERT DATA { ex:a ex:b ex:c }")
    'updates (INSERT) are refused: this endpoint is read-only: it answers SELECT, ASK, CONSTRUCT and DESCRIBE'
    >>> refusal("LOAD <http://example.org/data.ttl>")
    'LOAD is refused: this endpoint is read-only: it answers SELECT, ASK, CONSTRUCT and DESCRIBE'
    >>> refusal("SELECT ?load WHERE { ?load ex:service ?x }") is None
    True

    ``<`` is read both ways where it could be an IRI or "less than", so a
    SERVICE is found that the IRI reading would put inside a string:

    >>> long = '"' * 3  # a long string's quotes, or a comment's text
    >>> refusal('SELECT * { BIND(1<2#>' + long + '\\nAS ?x) SERVICE <http://10.0.0.1/> {} #' + long + '\\n}')[:18]
    'SERVICE is refused'
    """
    toks = tokens(query)
    body = _body(toks)
    first = body[0].keyword if body else ""
    if first == "LOAD":
        return f"LOAD is refused: {READ_ONLY}"
    if first in UPDATES:
        return f"updates ({first}) are refused: {READ_ONLY}"
    readings = _readings(query)
    if readings is None:
        return ("the query is refused: too many '<' could be IRIs or 'less than'; "
                "write spaces around the comparison (?a < ?b) or use prefixed names")
    if any(t.keyword == "SERVICE" for toks in readings for t in toks):
        return ("SERVICE is refused: this endpoint does not call other endpoints "
                "(a federated query could reach any address this machine can)")
    if len({_top_limit(toks) for toks in readings}) > 1:  # prepare() caps one reading's LIMIT
        return ("the query is refused: a '<' could be an IRI or 'less than', and its LIMIT differs "
                "between the two; write spaces around the comparison (?a < ?b) or use prefixed names")
    return None


def _top_limit(toks: list[Token]) -> str | None:
    """The text of the query's top-level ``LIMIT`` number, if it has one."""
    depth = 0
    for i, t in enumerate(toks):
        depth += (t.text == "{") - (t.text == "}")
        if depth == 0 and t.keyword == "LIMIT" and i + 1 < len(toks):
            return toks[i + 1].text
    return None


def _with_prefixes(query: str, toks: list[Token]) -> tuple[str, int]:
    """kg's prefixes the query uses but does not declare, on one line before it."""
    declared = {toks[i + 1].text[:-1] for i, t in enumerate(toks[:-1])
                if t.keyword == "PREFIX" and toks[i + 1].kind == "pname"}
    used = {t.text.split(":", 1)[0] for t in toks if t.kind == "pname"}
    missing = [p for p in PREFIXES if p in used and p not in declared]
    if not missing:
        return query, 0
    return " ".join(f"PREFIX {p}: <{PREFIXES[p]}>" for p in missing) + "\n" + query, 1


def _with_limit(query: str, toks: list[Token], limit: int) -> str:
    """The query with its top-level ``LIMIT`` at most ``limit``: lowered, or added."""
    depth, values_at = 0, None
    for i, t in enumerate(toks):
        if t.text == "{":
            depth += 1
        elif t.text == "}":
            depth -= 1
        elif depth == 0 and t.keyword == "LIMIT" and i + 1 < len(toks) and toks[i + 1].kind == "number":
            n = toks[i + 1]
            if int(float(n.text)) <= limit:
                return query
            return query[:n.start] + str(limit) + query[n.start + len(n.text):]
        elif depth == 0 and t.keyword == "VALUES" and i > 0 and toks[i - 1].text == "}":
            values_at = t.start  # the trailing VALUES block: LIMIT goes before it
    if values_at is not None:
        return query[:values_at] + f"LIMIT {limit}\n" + query[values_at:]
    return query.rstrip() + f"\nLIMIT {limit}"


def prepare(query: str, max_results: int | None) -> Prepared:
    """kg's prefixes declared where the query uses them undeclared, and the result limit applied.

    ``max_results`` caps the solutions (rows of a SELECT; for CONSTRUCT and
    DESCRIBE, the solutions the graph is made from); ``None`` or 0: no cap.

    Examples
    --------
    >>> prepare("SELECT * { ?s ?p ?o } LIMIT 5000 OFFSET 2", 100).text
    'SELECT * { ?s ?p ?o } LIMIT 100 OFFSET 2'
    >>> prepare("SELECT * { ?s ?p ?o } VALUES ?s { <urn:x> }", 10).text
    'SELECT * { ?s ?p ?o } LIMIT 10\\nVALUES ?s { <urn:x> }'
    >>> prepare("PREFIX kg: <urn:mine#> ASK { ?s a kg:X }", None).text
    'PREFIX kg: <urn:mine#> ASK { ?s a kg:X }'
    """
    toks = tokens(query)
    text, added = _with_prefixes(query, toks)
    if max_results:
        text = _with_limit(text, tokens(text), max_results)
    return Prepared(text, added)


def shift_error_lines(message: str, lines_added: int) -> str:
    """A parser message's ``error at LINE:COLUMN`` counted in the user's query, not ours.

    Examples
    --------
    >>> shift_error_lines("error at 2:25: expected one of LATERAL, SERVICE", 1)
    'error at 1:25: expected one of LATERAL, SERVICE'
    """
    if not lines_added:
        return message
    return re.sub(r"\berror at (\d+):(\d+)",
                  lambda m: f"error at {max(1, int(m.group(1)) - lines_added)}:{m.group(2)}", message)
