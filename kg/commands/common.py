"""What every command shares: the settings, the graph and the server that ``args`` name."""

from __future__ import annotations

import argparse
from dataclasses import fields, replace

from kg.config import Settings
from kg.errors import KGError

__all__ = ["endpoints_of", "graph_of", "settings_of", "to_json"]


def settings_of(args: argparse.Namespace) -> Settings:
    """``--config FILE`` (or the defaults), then each ``--SETTING`` given on top."""
    base = Settings.from_toml(args.config) if getattr(args, "config", None) else Settings()
    overrides = {f.name: getattr(args, f.name, None) for f in fields(Settings)}
    return replace(base, **{k: v for k, v in overrides.items() if v is not None})


def graph_of(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The graph a reading command names: SOURCE, or the server of ``--store``."""
    from kg.graph.knowledge import open_graph

    remote = endpoints_of(args)
    if remote is not None and args.source is not None:
        raise KGError(f"give a build directory or RDF file ({args.source}) or --store {remote.url}, not both")
    if remote is None and args.source is None:
        raise KGError("name a build directory or RDF file, or a SPARQL server with --store URL")
    return open_graph(remote if remote is not None else args.source)


def endpoints_of(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """``--store URL`` and its endpoint and login options, or ``None`` without ``--store``."""
    if getattr(args, "store", None) is None:
        extra = [o for o in ("query_endpoint", "update_endpoint", "graph_store_endpoint", "user")
                 if getattr(args, o, None)]
        if extra:
            raise KGError(f"--{extra[0].replace('_', '-')} needs --store URL")
        return None
    from kg.graph.remote import Endpoints

    return Endpoints.from_url(args.store, query=args.query_endpoint, update=args.update_endpoint,
                              graph_store=args.graph_store_endpoint, user=args.user,
                              password=args.password, auth=args.auth, graph=args.store_graph)


def to_json(data: object) -> str:
    import json

    return json.dumps(data, indent=2, ensure_ascii=False)
