"""Check a graph against the ontology's SHACL shapes and list the quarantine.

Examples
--------
>>> import kg, tempfile
>>> report = validate(kg.build(out=tempfile.mkdtemp(), html=False).store)
>>> report.conforms
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.graph.store import GraphStore
from kg.vocab import ontology_path

_QUARANTINE = """
SELECT ?s ?p ?o ?sentence WHERE {
  GRAPH ?g { ?ev a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                 kg:sentence ?sentence }
} ORDER BY ?p ?s
"""


@dataclass(frozen=True)
class ValidationReport:
    """SHACL conformance of the default graph, and what was kept apart."""

    conforms: bool
    violations: list[str] = field(default_factory=list)
    quarantined: list[tuple[str, str, str, str]] = field(default_factory=list)

    def to_text(self, limit: int = 20) -> str:
        lines = ["conforms to ontology/shapes.ttl" if self.conforms
                 else f"{len(self.violations)} SHACL violation(s):"]
        lines += [f"  {v}" for v in self.violations[:limit]]
        if len(self.violations) > limit:
            lines.append(f"  ... and {len(self.violations) - limit} more")
        if self.quarantined:
            lines.append(f"{len(self.quarantined)} relation(s) quarantined for breaking domain/range:")
            lines += [f"  {s} {p} {o}  ({sentence[:90]})" for s, p, o, sentence in self.quarantined[:limit]]
        return "\n".join(lines)


def validate(store: GraphStore) -> ValidationReport:
    """Validate the default graph with pyshacl against ontology/shapes.ttl."""
    import pyshacl
    from rdflib import Graph

    from kg.graph.query import shorten

    data = Graph()
    data.parse(data=store.dump(None, _ntriples(), graph=_default()).decode("utf-8"), format="nt")
    shapes = Graph().parse(ontology_path("shapes.ttl"), format="turtle")
    ontology = Graph().parse(ontology_path("kg.ttl"), format="turtle")
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology,
                                            inference="none", allow_warnings=True)
    violations = _messages(results)
    quarantined = [(shorten(r["s"]), shorten(r["p"]), shorten(r["o"]), r["sentence"].value)
                   for r in store.query(_QUARANTINE)]
    return ValidationReport(bool(conforms), violations, quarantined)


def _messages(results) -> list[str]:  # type: ignore[no-untyped-def]
    from rdflib import Namespace

    sh = Namespace("http://www.w3.org/ns/shacl#")
    out = []
    for result in results.subjects(sh.resultSeverity, sh.Violation):
        focus = results.value(result, sh.focusNode)
        message = results.value(result, sh.resultMessage)
        out.append(f"{focus}: {message}")
    return sorted(out)


def _ntriples():  # type: ignore[no-untyped-def]
    import pyoxigraph as ox

    return ox.RdfFormat.N_TRIPLES


def _default():  # type: ignore[no-untyped-def]
    import pyoxigraph as ox

    return ox.DefaultGraph()
