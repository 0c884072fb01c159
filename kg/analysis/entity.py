"""One entity and why it has each of its names (``kg entity``).

An entity's names are its ``rdfs:label`` and ``skos:altLabel`` values; the
``kg:Naming`` records (:mod:`kg.graph.rdf`) say which document wrote each
one, where, in which sentence, and by which rule it was joined when the
resolver reports one. With its relation counts, that shows why two names
became one entity.

Examples
--------
>>> import kg, tempfile
>>> graph = kg.build(out=tempfile.mkdtemp(), html=False)
>>> view = describe(graph.store, "deepmind")
>>> view.label, view.cls
('Google DeepMind', 'Organization')
>>> [(n.name, n.is_label, len(n.sources) > 0) for n in view.names]
[('Google DeepMind', True, True), ('DeepMind', False, True)]
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import pyoxigraph as ox

from kg.graph.store import GraphStore

_NAMINGS = """
SELECT ?name ?doc ?source ?start ?end ?sentence ?rule WHERE {
  ?n a kg:Naming ; kg:entity %s ; kg:name ?name ; kg:document ?doc .
  OPTIONAL { ?doc kg:source ?source }
  OPTIONAL { ?n kg:start ?start } OPTIONAL { ?n kg:end ?end }
  OPTIONAL { ?n kg:sentence ?sentence } OPTIONAL { ?n kg:rule ?rule }
} ORDER BY ?name ?source ?start
"""


@dataclass(frozen=True)
class Source:
    """One document that writes a name: where, in which sentence, joined by which rule."""

    document: str
    source: str
    start: int | None
    end: int | None
    sentence: str
    rule: str | None


@dataclass(frozen=True)
class Name:
    """One name of the entity and the documents behind it (none: a gazetteer's or older graph's)."""

    name: str
    is_label: bool
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class EntityView:
    """An entity's class, label, names with their provenance, and relation counts."""

    iri: str
    cls: str
    label: str
    names: tuple[Name, ...]
    documents: int
    outgoing: dict[str, int]
    incoming: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_text(self) -> str:
        lines = [f"{self.label} ({self.cls})  <{self.iri}>",
                 f"  mentioned in {self.documents} document(s)"]
        for name in self.names:
            kind = "label" if name.is_label else "alias"
            lines.append(f"  {kind} {name.name!r}: " + (
                f"written in {len(name.sources)} document(s)" if name.sources
                else "written in no document (a gazetteer's name, a country's body labelled with its country,"
                     " or a graph built before namings)"))
            for s in name.sources:
                where = f" chars {s.start}-{s.end}" if s.start is not None else ""
                rule = f" [joined by: {s.rule}]" if s.rule else ""
                lines.append(f"    {s.source or s.document}{where}{rule}: {s.sentence}")
        for title, counts in (("relations out", self.outgoing), ("relations in", self.incoming)):
            listed = ", ".join(f"{p} {n}" for p, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
            lines.append(f"  {title}: {sum(counts.values())}" + (f" ({listed})" if listed else ""))
        return "\n".join(lines)


def describe(store: GraphStore, name: str) -> EntityView:
    """The entity ``name`` means (label, alt label or IRI, any case; "Label (Class)"
    picks one of several), with the provenance of each of its names. An unknown or
    ambiguous name raises :class:`~kg.errors.EntityError` listing close matches."""
    from kg.analysis.lookup import find_entity
    from kg.analysis.view import to_networkx

    graph = to_networkx(store)
    iri = find_entity(graph, name)
    node = graph.nodes[iri]
    term = ox.NamedNode(iri)  # written as <...> by pyoxigraph, which refuses what an IRI cannot hold
    by_name: dict[str, list[Source]] = {}
    for row in store.query(_NAMINGS % term):
        value = lambda key: row[key].value if row[key] is not None else None  # noqa: E731
        by_name.setdefault(row["name"].value, []).append(Source(
            row["doc"].value, value("source") or "",
            int(value("start")) if value("start") is not None else None,
            int(value("end")) if value("end") is not None else None,
            value("sentence") or "", value("rule")))
    label = next(iter(store.query(f"SELECT ?l WHERE {{ {term} rdfs:label ?l }}")))["l"].value
    alts = {r["a"].value for r in store.query(f"SELECT ?a WHERE {{ {term} skos:altLabel ?a }}")}
    names = [Name(label, True, tuple(by_name.get(label, ())))]
    names += [Name(a, False, tuple(by_name.get(a, ()))) for a in sorted(alts - {label})]
    outgoing = _counts(store, f"{term} ?p ?o")
    incoming = _counts(store, f"?s ?p {term}")
    return EntityView(iri, node["cls"], label, tuple(names), int(node.get("mentions", 0)),
                      outgoing, incoming)


def _counts(store: GraphStore, pattern: str) -> dict[str, int]:
    """Relations (kg: properties but kg:mentionedIn) matching ``pattern``, by property."""
    rows = store.query(f"""
        SELECT ?p (COUNT(*) AS ?n) WHERE {{
          {pattern} FILTER(STRSTARTS(STR(?p), STR(kg:)) && ?p NOT IN (kg:mentionedIn, kg:entity))
        }} GROUP BY ?p""")
    return {r["p"].value.rsplit("#", 1)[-1]: int(r["n"].value) for r in rows}
