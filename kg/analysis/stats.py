"""The numbers people ask of a graph first: ``kg stats``.

Counts come from SPARQL; rankings, communities and components from
:mod:`kg.analysis.metrics` on the undirected simple view, the same functions
the HTML page uses, so both show the same communities.

Examples
--------
>>> from kg.graph.store import GraphStore
>>> s = stats(GraphStore.memory())
>>> s.documents, s.entities, s.communities, s.components
(0, {}, [], 0)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from kg.analysis import metrics
from kg.analysis.view import local_name, simple_undirected, to_networkx
from kg.graph.store import GraphStore
from kg.lexicon import ENTITY_CLASSES, load_lexicon

if TYPE_CHECKING:
    import networkx as nx

    from kg.analysis.projection import Projection

__all__ = ["Ranked", "Community", "Stats", "stats", "stats_of", "counts", "ranked"]


class Ranked(NamedTuple):
    """An entity and its score in one ranking (PageRank, degree, betweenness)."""

    label: str
    cls: str
    score: float
    iri: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"iri": self.iri, "label": self.label, "class": self.cls, "score": self.score}


@dataclass(frozen=True)
class Community:
    """A community: its size, its best-connected members (by degree) and all its nodes."""

    size: int
    members: list[Ranked]
    nodes: frozenset[str] = field(default=frozenset(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"size": self.size, "members": [m.to_dict() for m in self.members]}


@dataclass(frozen=True)
class Stats:
    """Counts, rankings, communities and components of a graph.

    Rankings are on the undirected simple entity graph (one link per related
    pair): ``central`` by PageRank, ``degree`` (distinct neighbours),
    ``betweenness`` (exact, or from ``betweenness_samples`` sampled sources on
    big graphs). ``communities`` are :func:`kg.analysis.metrics.communities`'
    (``community_method`` says which algorithm), largest first, singletons left
    out; ``community_note`` says why they are missing when they are.
    """

    documents: int
    entities: dict[str, int]
    relations: dict[str, int]
    quarantined: int
    central: list[Ranked] = field(default_factory=list)  # (label, class, PageRank, iri)
    degree: list[Ranked] = field(default_factory=list)
    betweenness: list[Ranked] = field(default_factory=list)
    betweenness_samples: int | None = None
    communities: list[Community] = field(default_factory=list)
    community_count: int = 0
    community_note: str = ""
    community_method: str = ""
    components: int = 0
    largest_components: list[int] = field(default_factory=list)

    def to_text(self) -> str:
        lines = [f"documents: {self.documents}",
                 f"entities: {sum(self.entities.values())}"]
        lines += [f"  {cls}: {n}" for cls, n in sorted(self.entities.items(), key=lambda x: -x[1])]
        lines.append(f"relations: {sum(self.relations.values())}")
        lines += [f"  {p}: {n}" for p, n in sorted(self.relations.items(), key=lambda x: -x[1])]
        if self.quarantined:
            lines.append(f"quarantined (domain/range violations): {self.quarantined}")
        if self.components:
            sizes = ", ".join(map(str, self.largest_components))
            lines.append(f"connected components: {self.components} (largest: {sizes})")
        if self.community_note:
            lines.append(f"communities: {self.community_note}")
        elif self.communities:
            how = (f"Louvain, seed {metrics.SEED}" if self.community_method == "louvain"
                   else f"label propagation, over {metrics.COMMUNITY_LIMIT:,} links")
            lines.append(f"communities ({how}): {self.community_count} of 2+ entities")
            for c in self.communities:
                names = ", ".join(m.label for m in c.members[:5]) + (", ..." if c.size > 5 else "")
                lines.append(f"  {c.size:>3}  {names}")
        if self.degree:
            lines.append("top by degree (related entities):")
            lines += [f"  {int(r.score):>5}  {r.label} ({r.cls})" for r in self.degree]
        if self.betweenness:
            how = f", {self.betweenness_samples} sampled sources" if self.betweenness_samples else ""
            lines.append(f"top by betweenness{how}:")
            lines += [f"  {r.score:.3f}  {r.label} ({r.cls})" for r in self.betweenness]
        if self.central:  # last: scripts read the lines after "most central"
            lines.append("most central (PageRank):")
            lines += [f"  {r.score:.3f}  {r.label} ({r.cls})" for r in self.central]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (``kg stats --json``)."""
        return {
            "documents": self.documents, "entities": self.entities, "relations": self.relations,
            "quarantined": self.quarantined,
            "pagerank": [r.to_dict() for r in self.central],
            "degree": [r.to_dict() for r in self.degree],
            "betweenness": [r.to_dict() for r in self.betweenness],
            "betweenness_samples": self.betweenness_samples,
            "communities": {"count": self.community_count, "note": self.community_note,
                            "method": self.community_method,
                            "largest": [c.to_dict() for c in self.communities]},
            "components": {"count": self.components, "largest": self.largest_components},
        }


def stats(store: GraphStore, top: int = 10, *, communities: bool | None = None) -> Stats:
    """Count documents, entities by class and relations by property; rank
    entities, find communities and connected components.

    ``communities=None`` lets :func:`kg.analysis.metrics.community_method`
    choose (Louvain up to :data:`~kg.analysis.metrics.COMMUNITY_LIMIT` links,
    label propagation above); ``True`` runs Louvain whatever the size,
    ``False`` finds none.
    """
    totals = counts(store)
    graph = to_networkx(store)
    simple = simple_undirected(graph)
    found: list[set[Any]] = []
    method = ""
    if communities is not False:
        method = "louvain" if communities else metrics.community_method(simple)
        found = metrics.communities(simple, method=method)  # type: ignore[arg-type]
    between, samples = metrics.betweenness(simple)
    sizes = [len(c) for c in metrics.components(simple)]
    groups = [Community(len(c), ranked(graph, {n: simple.degree(n) for n in c}, 10), frozenset(c))
              for c in found[:top]]
    return Stats(totals.documents, totals.entities, totals.relations, totals.quarantined,
                 central=ranked(graph, metrics.pagerank(simple), top),
                 degree=ranked(graph, dict(simple.degree()), top),
                 betweenness=ranked(graph, between, top), betweenness_samples=samples,
                 communities=groups, community_count=len(found),
                 community_note="not computed (communities=False)" if communities is False else "",
                 community_method=method,
                 components=len(sizes), largest_components=sizes[:5])


def stats_of(projection: Projection, store: GraphStore, top: int = 10, *,
             communities: bool | None = None) -> Stats:
    """:func:`stats` from a kept projection and its cached metrics
    (:mod:`kg.analysis.cached`): the same numbers, without the whole networkx view."""
    from kg.analysis.cached import graph_metrics, top_scores

    totals = counts(store)
    method = None if communities is None else ("louvain" if communities else "none")
    found = graph_metrics(projection, method=method)

    def labels(iris: list[str]) -> dict[str, str]:
        return {iri: data["label"] for iri, data in projection.nodes(iris)}

    def best(scores: dict[str, Any], count: int) -> list[Ranked]:
        chosen = top_scores(scores, count, labels)
        info = dict(projection.nodes([n for n, _ in chosen]))
        return [Ranked(info[n]["label"], info[n]["cls"], score, n) for n, score in chosen]

    groups = [Community(len(c), best({n: found.degree[n] for n in c}, 10), frozenset(c))
              for c in found.communities[:top]]
    return Stats(totals.documents, totals.entities, totals.relations, totals.quarantined,
                 central=best(found.pagerank, top), degree=best(found.degree, top),
                 betweenness=best(found.betweenness, top), betweenness_samples=found.betweenness_samples,
                 communities=groups, community_count=len(found.communities),
                 community_note="not computed (communities=False)" if communities is False else "",
                 community_method="" if communities is False else found.community_method,
                 components=len(found.components), largest_components=found.components[:5])


def counts(store: GraphStore) -> Stats:
    """Documents, entities by class, relations by property, quarantined: no ranking."""
    lexicon = load_lexicon()
    docs = int(next(iter(store.query("SELECT (COUNT(?d) AS ?n) WHERE { ?d a kg:Document }")))["n"].value)
    # One count per class and per property, each read from the store's index for that term
    # (a GROUP BY over every triple took 2.6 s on a 50,000-document build).
    def count(pattern: str) -> int:
        return int(next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")))["n"].value)

    entities = Counter({c: n for c in ENTITY_CLASSES if (n := count(f"?e a kg:{c}"))})
    relations = Counter({p: n for p in lexicon.properties if (n := count(f"?s kg:{p} ?o"))})
    quarantined = int(next(iter(store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?e a kg:Evidence } }")))["n"].value)
    return Stats(docs, dict(entities), dict(relations), quarantined)


def ranked(graph: nx.MultiDiGraph, scores: dict[str, float], top: int) -> list[Ranked]:
    """The ``top`` entities by score (ties by label, then IRI), as :class:`Ranked`."""
    best = sorted(scores.items(), key=lambda kv: (-kv[1], graph.nodes[kv[0]]["label"], kv[0]))[:top]
    return [Ranked(graph.nodes[n]["label"], graph.nodes[n]["cls"], score, n) for n, score in best]
