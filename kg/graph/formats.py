"""Every file format kg reads or writes, in one table.

``kg export``, :meth:`KnowledgeGraph.serialize`, ``kg query`` (for CONSTRUCT
results) and :meth:`GraphStore.open_source` (which RDF file types open) all
look formats up here, so a name, alias or suffix means the same everywhere.

==========  ============================  ================  ===========================
name        aliases                       suffixes          what
==========  ============================  ================  ===========================
graphml                                   .graphml          networkx view (Gephi, yEd)
gexf                                      .gexf             networkx view (Gephi)
json        node-link                     .json             networkx node-link JSON
csv                                                         nodes.csv + edges.csv
turtle      ttl                           .ttl              RDF, default graph
nt          ntriples, n-triples           .nt               RDF, default graph
json-ld     jsonld                        .jsonld           RDF, default graph
trig                                      .trig             RDF, every graph
nq          nquads, n-quads               .nq               RDF, every graph
xml         rdf, rdfxml, rdf/xml          .rdf, .owl        RDF, default graph
n3                                        .n3               RDF (read only)
==========  ============================  ================  ===========================

Examples
--------
>>> get("jsonld").name, get("JSON-LD").media_type
('json-ld', 'application/ld+json')
>>> from_suffix("graph.ttl").name, from_suffix("notes.txt") is None
('turtle', True)
>>> get("yaml")
Traceback (most recent call last):
...
kg.errors.KGError: unknown format 'yaml'; use one of graphml, gexf, json, csv, turtle, nt, json-ld, trig, nq, xml, n3
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KGError

__all__ = ["GraphFormat", "FORMATS", "get", "from_suffix", "names", "choices", "rdf_suffixes"]


@dataclass(frozen=True)
class GraphFormat:
    """One format: its name, other names, file suffixes and media type.

    ``rdf`` is the pyoxigraph format of an RDF serialization (``None`` for the
    formats written from the networkx view); ``quads`` says whether it holds
    every named graph (the quarantine) rather than the default graph alone;
    ``export`` whether ``kg export`` writes it.
    """

    name: str
    aliases: tuple[str, ...]
    suffixes: tuple[str, ...]
    media_type: str
    rdf: ox.RdfFormat | None = None
    quads: bool = False
    export: bool = True

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


FORMATS: tuple[GraphFormat, ...] = (
    GraphFormat("graphml", (), (".graphml",), "application/graphml+xml"),
    GraphFormat("gexf", (), (".gexf",), "application/gexf+xml"),
    GraphFormat("json", ("node-link",), (".json",), "application/json"),
    GraphFormat("csv", (), (), "text/csv"),
    GraphFormat("turtle", ("ttl",), (".ttl",), "text/turtle", ox.RdfFormat.TURTLE),
    GraphFormat("nt", ("ntriples", "n-triples"), (".nt",), "application/n-triples", ox.RdfFormat.N_TRIPLES),
    GraphFormat("json-ld", ("jsonld",), (".jsonld",), "application/ld+json", ox.RdfFormat.JSON_LD),
    GraphFormat("trig", (), (".trig",), "application/trig", ox.RdfFormat.TRIG, quads=True),
    GraphFormat("nq", ("nquads", "n-quads"), (".nq",), "application/n-quads", ox.RdfFormat.N_QUADS,
                quads=True),
    GraphFormat("xml", ("rdf", "rdfxml", "rdf/xml"), (".rdf", ".owl"), "application/rdf+xml",
                ox.RdfFormat.RDF_XML),
    GraphFormat("n3", (), (".n3",), "text/n3", ox.RdfFormat.N3, export=False),
)
_BY_NAME = {n.casefold(): f for f in FORMATS for n in f.names}
_BY_SUFFIX = {s: f for f in FORMATS for s in f.suffixes}


def get(name: str) -> GraphFormat:
    """The format a name or alias means, in any case; :class:`KGError` naming the valid ones."""
    found = _BY_NAME.get(str(name).casefold())
    if found is None:
        raise KGError(f"unknown format {name!r}; use one of {', '.join(f.name for f in FORMATS)}")
    return found


def from_suffix(path: str | Path | None) -> GraphFormat | None:
    """The format a file name's suffix implies (``graph.ttl`` → turtle), or ``None``."""
    return None if path is None else _BY_SUFFIX.get(Path(path).suffix.lower())


def names(*, export: bool | None = None, rdf: bool | None = None) -> tuple[str, ...]:
    """Canonical names, optionally only those ``kg export`` writes, or only RDF ones."""
    return tuple(f.name for f in FORMATS if (export is None or f.export == export)
                 and (rdf is None or (f.rdf is not None) == rdf))


def choices(*, export: bool | None = None, rdf: bool | None = None) -> tuple[str, ...]:
    """Names and aliases (what a ``--format`` option accepts)."""
    return tuple(n for f in FORMATS if f.name in names(export=export, rdf=rdf) for n in f.names)


def rdf_suffixes() -> dict[str, ox.RdfFormat]:
    """File suffix → pyoxigraph format, for every RDF format kg reads."""
    return {s: f.rdf for f in FORMATS if f.rdf is not None for s in f.suffixes}
