"""``kg entity``, ``kg stats``, ``kg path`` and ``kg neighbors``: the entity graph's analyses."""

from __future__ import annotations

import argparse

from kg.commands.common import graph_of, to_json
from kg.errors import KGError


def cmd_entity(args: argparse.Namespace) -> int:
    """Show an entity: its class, label, every name with the documents, sentences
    (and rules, when known) behind it, and its relation counts: why names became one.

    The entity is named by label, alt label or IRI, in any case; "Label (Class)"
    picks one of several with the same name.
    Example: kg entity out AWS
    Example: kg entity out "Tim Cook" --json
    """
    from kg.analysis.entity import describe

    view = describe(graph_of(args).store, args.entity)
    print(to_json(view.to_dict()) if args.json else view.to_text())
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Print counts by class and property, connected components, Louvain communities
    and the top entities by degree, betweenness and PageRank.

    Example: kg stats out --top 5
    Example: kg stats out --json > stats.json
    """
    result = graph_of(args).stats(args.top)
    print(to_json(result.to_dict()) if args.json else result.to_text())
    return 0


def cmd_path(args: argparse.Namespace) -> int:
    """Print the shortest path between two entities, following relations either way,
    with the sentence and source behind each hop.

    Entities are named by label, alt label or IRI, in any case; "Label (Class)"
    picks one of several with the same name. Exits 1 when there is no path.
    Example: kg path out "Benoit Dupin" Trainium2
    """
    found = graph_of(args).path(args.source_entity, args.target_entity)
    if found is None:
        raise KGError(f"no path between {args.source_entity!r} and {args.target_entity!r}: "
                      "they are in different connected components")
    print(to_json(found.to_dict()) if args.json else found.to_text())
    return 0


def cmd_neighbors(args: argparse.Namespace) -> int:
    """List the relations in and out of an entity (out to --depth hops) with evidence.

    Example: kg neighbors out Apple --depth 2
    """
    if args.depth < 1:
        raise KGError(f"--depth must be 1 or more, not {args.depth}")
    found = graph_of(args).neighbors(args.entity, args.depth)
    print(to_json(found.to_dict()) if args.json else found.to_text())
    return 0
