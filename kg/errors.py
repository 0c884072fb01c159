"""Errors kg raises on purpose.

The tree::

    KGError                  anything kg reports to a user
    ├── InputError           one input file cannot be read (names the file)
    ├── ModelError           the spaCy model is missing or broken
    ├── OntologyError        ontology/kg.ttl or a lexicon is missing or wrong
    ├── SourceError          a build directory or RDF file cannot be opened
    ├── QueryError           a SPARQL query is malformed or not allowed
    └── EntityError          a name matches no entity, or several (lists close matches)

Built-in exceptions keep their meaning elsewhere (``FileNotFoundError`` for a
path that is not there when a library call asks for one, ``ValueError`` for a
bad argument).
"""

from __future__ import annotations


class KGError(Exception):
    """Base class: the message is one line a user can act on."""


class InputError(KGError):
    """An input file could not be read; the message names it and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelError(KGError):
    """The spaCy model cannot be loaded."""


class OntologyError(KGError):
    """The ontology or its lexicon cannot be used."""


class SourceError(KGError):
    """A graph source (build directory or RDF file) cannot be opened."""


class QueryError(KGError):
    """A SPARQL query is malformed or is an update."""


class EntityError(KGError):
    """A name given for an entity matches none, or several; ``candidates`` lists
    the close matches (or the entities it could mean) as "Label (Class)"."""

    def __init__(self, message: str, candidates: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.candidates = candidates
