"""Which entity a name means: the one lookup behind ``kg path``, ``kg neighbors``
and the page's ``--focus``.

A name is an entity's IRI, its label or one of its alt labels, in any case and
spacing; ``"Label (Class)"`` picks one of several entities with the same name.
A name that matches nothing, or several entities, raises
:class:`~kg.errors.EntityError` naming what it could have meant (its
``candidates`` as "Label (Class)"; the message writes a label alone when no
other entity has it).

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("o", label="Apple", cls="Organization", alt_labels="Apple Inc.; AAPL")
>>> g.add_node("p", label="Apple", cls="Product", alt_labels="")
>>> find_entity(g, "aapl"), find_entity(g, "Apple (Product)"), find_entity(g, "o")
('o', 'p', 'o')
>>> find_entity(g, "apple")
Traceback (most recent call last):
...
kg.errors.EntityError: 'apple' names 2 entities: Apple (Organization), Apple (Product); write 'Label (Class)' or the IRI
>>> find_entities(g, ["apple"], every=True)
['o', 'p']
>>> find_entity(g, "Aple")
Traceback (most recent call last):
...
kg.errors.EntityError: no entity named 'Aple'; did you mean: Apple (Organization), Apple (Product)?
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kg.errors import EntityError

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["find_entity", "find_entities", "display_name"]


def find_entity(graph: nx.Graph, name: str) -> Any:
    """The node a name means (see the module docstring).

    Raises
    ------
    EntityError
        No entity has the name (the message and ``candidates`` list close
        matches), or several do (they list those entities).
    """
    return _Index(graph).find(name, every=False)[0]


def find_entities(graph: nx.Graph, names: str | Iterable[str], *, every: bool = False) -> list[Any]:
    """The nodes the names mean, in order, each once.

    With ``every``, a name that several entities share means all of them
    (the page's focus); otherwise it is an :class:`~kg.errors.EntityError`
    as in :func:`find_entity`.
    """
    index = _Index(graph)
    found: list[Any] = []
    for name in [names] if isinstance(names, str) else names:
        found += [n for n in index.find(str(name), every=every) if n not in found]
    return found


def display_name(graph: nx.Graph, node: Any) -> str:
    """``"Label (Class)"``, the form :func:`find_entity` reads back."""
    data = graph.nodes[node]
    label = str(data.get("label") or node)
    return f"{label} ({data['cls']})" if data.get("cls") else label


class _Index:
    """Labels and alt labels of a graph's nodes, folded (casefold, single spaces)."""

    def __init__(self, graph: nx.Graph) -> None:
        self.graph = graph
        self.labels: dict[Any, str] = {}
        self.alts: dict[Any, set[str]] = {}
        for node, data in graph.nodes(data=True):
            self.labels[node] = _fold(data.get("label") or node)
            self.alts[node] = {_fold(a) for a in str(data.get("alt_labels") or "").split(";") if a.strip()}

    def find(self, name: str, *, every: bool) -> list[Any]:
        if name in self.graph:
            return [name]
        key = _fold(name)
        hits = [n for n, label in self.labels.items() if label == key]
        hits = hits or [n for n, alts in self.alts.items() if key in alts]
        if not hits and (m := re.fullmatch(r"(.+?)\s*\((\w+)\)", name.strip())):
            base, cls = _fold(m.group(1)), m.group(2).casefold()
            hits = [n for n in self.labels
                    if str(self.graph.nodes[n].get("cls", "")).casefold() == cls
                    and (self.labels[n] == base or base in self.alts[n])]
        hits = sorted(hits, key=str)
        if len(hits) == 1 or (hits and every):
            return hits
        if hits:
            named = tuple(sorted(display_name(self.graph, n) for n in hits))
            if len(set(named)) < len(named):  # one label and class ("Cabinet" of two countries): their IRIs
                named = tuple(str(n) for n in hits)
            raise EntityError(f"{name!r} names {len(hits)} entities: {', '.join(named)}; "
                              "write 'Label (Class)' or the IRI", named)
        raise self._unknown(name, key)

    def _unknown(self, name: str, key: str) -> EntityError:
        names: dict[str, list[Any]] = {}
        for n, label in self.labels.items():
            for s in {label, *self.alts[n]}:
                names.setdefault(s, []).append(n)
        close = difflib.get_close_matches(key, sorted(names), n=5, cutoff=0.6)
        close += sorted(s for s in names if key and key in s and s not in close)
        nodes = dict.fromkeys(n for s in close[:5] for n in sorted(names[s], key=str))
        named = tuple(dict.fromkeys(display_name(self.graph, n) for n in nodes))
        shared = Counter(self.labels.values())
        short = dict.fromkeys(display_name(self.graph, n) if shared[self.labels[n]] > 1
                              else str(self.graph.nodes[n].get("label") or n) for n in nodes)
        hint = (f"did you mean: {', '.join(short)}?" if named
                else f"no close match among {len(self.labels)} entities")
        return EntityError(f"no entity named {name!r}; {hint}", named)


def _fold(text: Any) -> str:
    return " ".join(str(text).casefold().split())
