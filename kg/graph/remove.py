"""Take documents out of a graph, with the facts, names and entities only they supported.

A document leaves with its ``kg:Document`` triples, its evidence records and
its namings (:class:`kg.graph.rdf.Naming`); then, in the default graph and the
quarantine graph alike:

* a relation triple goes when no evidence record of another document backs it;
* an entity goes (every triple about it) when no other document mentions it;
* an entity that stays loses the alt labels only the removed documents wrote,
  and gets a new ``rdfs:label`` from its remaining names when its label's only
  namings went.

The whole removal is one SPARQL update, so one transaction: an interrupted
removal leaves the graph as it was. :func:`find_documents` turns what a user
types (a source as given to ``kg build``, a document id or IRI, an external
id) into document IRIs.

Examples
--------
>>> from kg.graph.store import GraphStore
>>> store = GraphStore.memory()
>>> remove_documents(store, ["https://w3id.org/kg/id/doc/0"]).to_text()
'nothing to remove'
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import pyoxigraph as ox

from kg.graph.rdf import RDF_OBJECT, RDF_PREDICATE, RDF_SUBJECT, RDF_TYPE, RDFS_LABEL, SKOS_ALT, kg_term
from kg.graph.store import GraphStore

_HEX_ID = re.compile(r"[0-9a-f]{64}")
_RECORD = re.compile(r"^(.*):\d+$")  # a JSONL line or CSV row: "news.jsonl:3"


@dataclass(frozen=True)
class Removal:
    """What a removal took out of the graph (IRIs; names as written)."""

    documents: tuple[str, ...] = ()
    evidence: int = 0
    namings: int = 0
    relations: tuple[tuple[str, str, str], ...] = ()  # (subject, property, object) triples gone
    entities: tuple[str, ...] = ()  # entities no remaining document mentions
    aliases: tuple[tuple[str, str], ...] = ()  # (entity, alt label) gone from an entity that stays
    relabelled: tuple[tuple[str, str, str], ...] = ()  # (entity, old label, new label)
    quads: int = 0

    def __bool__(self) -> bool:
        return bool(self.documents)

    def to_text(self) -> str:
        if not self.documents:
            return "nothing to remove"
        entities = f"{len(self.entities)} entit{'y' if len(self.entities) == 1 else 'ies'}"
        lines = [f"removed {len(self.documents)} document(s): {self.evidence} evidence record(s), "
                 f"{len(self.relations)} relation(s), {entities}, "
                 f"{len(self.aliases)} alias(es) ({self.quads} triples)"]
        lines += [f"  {_short(e)}: label {old!r} -> {new!r}" for e, old, new in self.relabelled]
        return "\n".join(lines)


def _short(iri: str) -> str:
    return iri.rsplit("/", 2)[-2] + "/" + iri.rsplit("/", 1)[-1] if iri.count("/") >= 2 else iri


@dataclass
class _Plan:
    delete: set[ox.Quad] = field(default_factory=set)
    insert: set[ox.Quad] = field(default_factory=set)


def find_documents(store: GraphStore, targets: Sequence[str],
                   base: str) -> tuple[dict[str, list[str]], list[str]]:
    """The documents each target names, and the targets that name none.

    A target is a source as ``kg build`` was given it (``articles/a.txt``;
    a file of records, ``news.jsonl``, names each of its records; a
    directory, each document under it), a document's id (its SHA-256) or
    IRI, or the external id an input gave it.
    """
    docs: list[tuple[str, str, str]] = []  # (iri, source, external id)
    for row in store.query("""
            SELECT ?d ?source ?ext WHERE {
              ?d a kg:Document . OPTIONAL { ?d kg:source ?source } OPTIONAL { ?d kg:externalId ?ext }
            }"""):
        docs.append((row["d"].value, row["source"].value if row["source"] else "",
                     row["ext"].value if row["ext"] else ""))
    found: dict[str, list[str]] = {}
    missing: list[str] = []
    for target in targets:
        hits = sorted({iri for iri, source, ext in docs if _names(target, iri, source, ext, base)})
        if hits:
            found[target] = hits
        else:
            missing.append(target)
    return found, missing


def _names(target: str, iri: str, source: str, ext: str, base: str) -> bool:
    """Whether ``target`` names the document ``iri`` (read from ``source``, external id ``ext``)."""
    if target in (iri, ext) or (_HEX_ID.fullmatch(target) and iri == f"{base}doc/{target}"):
        return True
    if not source or source == "-":
        return False
    wanted = os.path.normpath(target)
    record = _RECORD.match(source)
    for candidate in (source, record.group(1) if record else None):
        if candidate and (candidate == target or os.path.normpath(candidate) == wanted):
            return True
    folder = wanted.rstrip(os.sep) + os.sep
    is_folder = target.endswith(("/", os.sep)) or os.path.isdir(target)
    return is_folder and os.path.normpath(source).startswith(folder)


def replaced_documents(store: GraphStore, doc_id: str, source: str, external_id: str | None,
                       base: str) -> list[str]:
    """Documents in the store from the same source as a new text, with other text.

    The same source is the same external id in the same file when the input
    gave one (a JSONL or CSV ``id``), else the same ``kg:source`` (a path or
    URL as given); standard input (``-``) is never the same source.

    >>> store = GraphStore.memory()
    >>> replaced_documents(store, "ab", "a.txt", None, "https://w3id.org/kg/id/")
    []
    """
    default = ox.DefaultGraph()
    own = f"{base}doc/{doc_id}"
    if external_id:
        file = _RECORD.sub(r"\1", source)
        hits = []
        for q in store.store.quads_for_pattern(None, kg_term("externalId"), ox.Literal(external_id), default):
            other = [s.object.value for s in
                     store.store.quads_for_pattern(q.subject, kg_term("source"), None, default)]
            if any(_RECORD.sub(r"\1", s) == file for s in other):
                hits.append(q.subject.value)
    elif source and source != "-":
        hits = [q.subject.value for q in
                store.store.quads_for_pattern(None, kg_term("source"), ox.Literal(source), default)]
    else:
        hits = []
    return sorted(h for h in set(hits) if h != own)


def remove_documents(store: GraphStore, documents: Iterable[str]) -> Removal:
    """Remove documents (IRIs) and what only they supported, in one transaction.

    Documents not in the store are ignored, so removing twice removes
    nothing the second time.
    """
    s = store.store
    default = ox.DefaultGraph()
    doc_type = kg_term("Document")
    docs = sorted({d for d in documents if ox.Quad(ox.NamedNode(d), RDF_TYPE, doc_type, default) in s})
    if not docs:
        return Removal()
    gone_docs = {ox.NamedNode(d) for d in docs}
    plan = _Plan()

    def drop_node(node, graph) -> None:  # type: ignore[no-untyped-def]
        plan.delete.update(s.quads_for_pattern(node, None, None, graph))

    evidence: set[tuple[ox.NamedNode, object]] = set()  # (evidence node, graph)
    claims: set[tuple[object, object, object, object]] = set()  # (s, p, o, graph) they back
    named: dict[ox.NamedNode, set[str]] = defaultdict(set)  # entity -> names the documents wrote
    namings: set[ox.NamedNode] = set()
    mentioned: set[ox.NamedNode] = set()
    for d in gone_docs:
        drop_node(d, None)
        for q in s.quads_for_pattern(None, kg_term("document"), d, None):
            node, graph = q.subject, q.graph_name
            if ox.Quad(node, RDF_TYPE, kg_term("Naming"), graph) in s:
                namings.add(node)
                for e in s.quads_for_pattern(node, kg_term("entity"), None, graph):
                    for n in s.quads_for_pattern(node, kg_term("name"), None, graph):
                        named[e.object].add(n.object.value)
            else:
                evidence.add((node, graph))
                claims.add((_one(s, node, RDF_SUBJECT, graph), _one(s, node, RDF_PREDICATE, graph),
                            _one(s, node, RDF_OBJECT, graph), graph))
            drop_node(node, graph)
        for q in s.quads_for_pattern(None, kg_term("mentionedIn"), d, default):
            mentioned.add(q.subject)
            plan.delete.add(q)
    gone_evidence = {node for node, _ in evidence}

    relations = []
    for subj, pred, obj, graph in sorted(claims, key=str):
        if subj is None or pred is None or obj is None:
            continue
        backed = any(
            ev.subject not in gone_evidence
            and ox.Quad(ev.subject, RDF_PREDICATE, pred, graph) in s
            and ox.Quad(ev.subject, RDF_OBJECT, obj, graph) in s
            for ev in s.quads_for_pattern(None, RDF_SUBJECT, subj, graph))
        if not backed:
            plan.delete.add(ox.Quad(subj, pred, obj, graph))
            relations.append((subj.value, pred.value, obj.value))

    entities, aliases, relabelled = [], [], []
    for entity in sorted(mentioned, key=str):
        elsewhere = s.quads_for_pattern(entity, kg_term("mentionedIn"), None, default)
        if any(q.object not in gone_docs for q in elsewhere):
            a, r = _names_left(s, entity, named.get(entity, set()), namings, plan)
            aliases += a
            relabelled += r
            continue
        entities.append(entity.value)
        drop_node(entity, None)
        for q in s.quads_for_pattern(None, None, entity, None):
            if q.predicate in (RDF_SUBJECT, RDF_OBJECT) or q.predicate == kg_term("entity"):
                drop_node(q.subject, q.graph_name)  # evidence or naming about it, from any document
            plan.delete.add(q)

    _apply(store, plan)
    return Removal(tuple(docs), len(evidence), len(namings), tuple(relations), tuple(entities),
                   tuple(aliases), tuple(relabelled), len(plan.delete))


def _one(s: ox.Store, node, predicate, graph):  # type: ignore[no-untyped-def]
    return next((q.object for q in s.quads_for_pattern(node, predicate, None, graph)), None)


def _names_left(s: ox.Store, entity: ox.NamedNode, written: set[str], gone: set[ox.NamedNode],
                plan: _Plan) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """Drop the names of a staying entity that only the removed documents wrote; re-choose its label."""
    default = ox.DefaultGraph()
    left: Counter[str] = Counter()  # name -> documents still naming it
    for q in s.quads_for_pattern(None, kg_term("entity"), entity, default):
        if q.subject not in gone:
            for n in s.quads_for_pattern(q.subject, kg_term("name"), None, default):
                left[n.object.value] += 1
    label = _one(s, entity, RDFS_LABEL, default)
    alts = {q.object.value for q in s.quads_for_pattern(entity, SKOS_ALT, None, default)}
    aliases = []
    for name in sorted(written - set(left)):
        if name in alts:
            plan.delete.add(ox.Quad(entity, SKOS_ALT, ox.Literal(name), default))
            alts.discard(name)
            aliases.append((entity.value, name))
    relabelled = []
    if label is not None and label.value in written and label.value not in left:
        candidates = Counter({n: c for n, c in left.items() if n in alts}) or Counter(dict.fromkeys(alts, 0))
        if candidates:
            new = choose_label(candidates)
            plan.delete.add(ox.Quad(entity, RDFS_LABEL, label, default))
            plan.delete.add(ox.Quad(entity, SKOS_ALT, ox.Literal(new), default))
            plan.insert.add(ox.Quad(entity, RDFS_LABEL, ox.Literal(new), default))
            relabelled.append((entity.value, label.value, new))
    return aliases, relabelled


def choose_label(names: Counter[str]) -> str:
    """The label among an entity's names: a full form before an acronym, then the
    most words, the most documents, and the alphabet (so the choice is stable).

    >>> choose_label(Counter({"AWS": 3, "Amazon Web Services": 1}))
    'Amazon Web Services'
    >>> choose_label(Counter({"Cook": 2, "Tim Cook": 1, "Timothy Cook": 1}))
    'Tim Cook'
    """
    def acronym(n: str) -> bool:
        return 2 <= len(n) <= 6 and n.isupper() and n.isalpha()

    return min(names, key=lambda n: (acronym(n), -len(n.split()), -names[n], n))


def _apply(store: GraphStore, plan: _Plan) -> None:
    """Delete and insert in one SPARQL update: one transaction."""
    parts = []
    if plan.delete:
        parts.append("DELETE DATA {\n" + _data(plan.delete) + "\n}")
    if plan.insert:
        parts.append("INSERT DATA {\n" + _data(plan.insert) + "\n}")
    if parts:
        store.update(" ;\n".join(parts))


def _data(quads: Iterable[ox.Quad]) -> str:
    by_graph: dict[str, list[str]] = defaultdict(list)
    for q in quads:
        graph = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
        by_graph[graph].append(f"{q.subject} {q.predicate} {q.object} .")
    lines = by_graph.pop("", [])
    for graph, triples in sorted(by_graph.items()):
        lines.append(f"GRAPH {graph} {{\n" + "\n".join(triples) + "\n}")
    return "\n".join(lines)
