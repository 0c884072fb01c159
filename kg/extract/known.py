"""The names a build's store already holds, as an :class:`~kg.extract.resolve.AliasIndex`.

A build resolves each new document's names against every entity already in
the store, so "AWS" in a new article finds the entity an earlier one founded.
:func:`read_all` reads every entity and every ``kg:Naming`` record into an
index (19 s on a 50,000-document build); :func:`read_on_demand` gives an
index with the same answers that reads only the names a new document asks
about: the kept projection (:meth:`~kg.analysis.projection.Projection.keyed`)
says which entities carry a name key, and the store gives those entities'
rows and namings, replayed as :func:`read_all` replays everyone's.

Order matters where two entities of one class share a name key ("Apple Inc"
and "Apple Inc.": the first is chosen). :func:`read_all` sees entities in the
order Oxigraph returns its query: by class (in the query's ``VALUES`` order),
then by the 128-bit SipHash-2-4 of the IRI (Oxigraph's key for a named node,
bytes big-endian, as its indexes sort them). :func:`oxigraph_order` computes
that key, so the on-demand index puts a key's entities in the same order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.extract.naming import name_key
from kg.extract.resolve import WEAK_RULES, AliasIndex
from kg.types import Entity
from kg.vocab import KG_NS

if TYPE_CHECKING:
    from kg.analysis.projection import Projection

__all__ = ["oxigraph_order", "read_all", "read_on_demand"]

_ROWS = """
SELECT DISTINCT {sel} ?cls ?label ?alt WHERE {{
  VALUES ?cls {{ {classes} }}
  {e} a ?cls ; rdfs:label ?label .
  OPTIONAL {{ {e} skos:altLabel ?alt }}
}}"""
_NAMINGS = """
SELECT {sel} ?name ?rule WHERE {{
  ?n a kg:Naming ; kg:entity {e} ; kg:name ?name . OPTIONAL {{ ?n kg:rule ?rule }}
}}"""


def read_all(store: Any, entity_classes: tuple[str, ...]) -> AliasIndex:
    """Every entity in the store, so new documents reuse its IRI.

    An alias is weak, as it was in the run that wrote it, when its only
    naming is one document's and a weak rule joined it there; so a build in
    two runs (or a killed build run again) resolves as one run does.
    """
    rows = store.query(_ROWS.format(sel="?e", e="?e", classes=_classes(entity_classes)))
    return _replay(AliasIndex(), rows, store.query(_NAMINGS.format(sel="?e", e="?e")))


def read_on_demand(store: Any, entity_classes: tuple[str, ...], projection: Projection) -> AliasIndex:
    """An index with :func:`read_all`'s answers that reads a name key's entities when
    first asked; ``projection`` must match the store (and stay open while the index is used)."""
    rank = {f"{KG_NS}{c}": i for i, c in enumerate(entity_classes)}
    classes = _classes(entity_classes)
    entities: dict[str, tuple[tuple[int, bytes], AliasIndex]] = {}  # iri -> (order, its own index)

    def own(iri: str) -> tuple[tuple[int, bytes], AliasIndex]:
        if iri not in entities:
            rows = list(store.query(_ROWS.format(sel="", e=f"<{iri}>", classes=classes)))
            namings = store.query(_NAMINGS.format(sel="", e=f"<{iri}>"))
            first = min((rank.get(r["cls"].value, len(rank)) for r in rows), default=len(rank))
            rows = [{"e": _Term(iri), **{k: r[k] for k in ("cls", "label", "alt")}} for r in rows]
            namings = [{"e": _Term(iri), "name": r["name"], "rule": r["rule"]} for r in namings]
            entities[iri] = ((first, oxigraph_order(iri)), _replay(AliasIndex(), rows, namings))
        return entities[iri]

    def source(key: str) -> list[tuple[Entity, bool]]:
        found = sorted(((*own(iri), iri) for iri in projection.keyed(key)), key=lambda t: (t[0], t[2]))
        return [(index.entries[key][0], iri in index.weak.get(key, ())) for _, index, iri in found
                if index.entries.get(key)]

    return AliasIndex(source=source)


def _replay(index: AliasIndex, rows: Any, namings: Any) -> AliasIndex:
    by_name: dict[tuple[str, str], list[str]] = {}  # (entity, name key) -> each naming's rule
    for row in namings:
        key = (row["e"].value, name_key(row["name"].value))
        by_name.setdefault(key, []).append(row["rule"].value if row["rule"] else "")
    for row in rows:
        cls = row["cls"].value.rsplit("#", 1)[-1]
        entity = Entity(row["e"].value, cls, row["label"].value)
        alt = row["alt"].value if row["alt"] else None
        rules = by_name.get((entity.iri, name_key(alt)), []) if alt else []
        weak = (alt,) if len(rules) == 1 and rules[0] in WEAK_RULES else ()
        index.add(entity, (alt,) if alt else (), weak=weak)
    return index


class _Term:
    def __init__(self, value: str) -> None:
        self.value = value


def _classes(entity_classes: tuple[str, ...]) -> str:
    return " ".join(f"kg:{c}" for c in entity_classes)


_MASK = (1 << 64) - 1


def _rotl(x: int, b: int) -> int:
    return ((x << b) | (x >> (64 - b))) & _MASK


def oxigraph_order(iri: str) -> bytes:
    """Oxigraph's key for the named node ``iri``: SipHash-2-4 (128-bit, zero key) of its
    UTF-8 bytes, big-endian; its indexes, and so its query results, go in this order.

    >>> len(oxigraph_order("https://w3id.org/kg/id/Organization/AWS"))
    16
    """
    v0, v1 = 0x736F6D6570736575, 0x646F72616E646F6D ^ 0xEE
    v2, v3 = 0x6C7967656E657261, 0x7465646279746573

    def rounds(n: int) -> None:
        nonlocal v0, v1, v2, v3
        for _ in range(n):
            v0 = (v0 + v1) & _MASK
            v1 = _rotl(v1, 13) ^ v0
            v0 = _rotl(v0, 32)
            v2 = (v2 + v3) & _MASK
            v3 = _rotl(v3, 16) ^ v2
            v0 = (v0 + v3) & _MASK
            v3 = _rotl(v3, 21) ^ v0
            v2 = (v2 + v1) & _MASK
            v1 = _rotl(v1, 17) ^ v2
            v2 = _rotl(v2, 32)

    data = iri.encode()
    end = len(data) - len(data) % 8
    for i in range(0, end, 8):
        m = int.from_bytes(data[i:i + 8], "little")
        v3 ^= m
        rounds(2)
        v0 ^= m
    m = ((len(data) & 0xFF) << 56) | int.from_bytes(data[end:], "little")
    v3 ^= m
    rounds(2)
    v0 ^= m
    v2 ^= 0xEE
    rounds(4)
    low = v0 ^ v1 ^ v2 ^ v3
    v1 ^= 0xDD
    rounds(4)
    high = v0 ^ v1 ^ v2 ^ v3
    return ((high << 64) | low).to_bytes(16, "big")
