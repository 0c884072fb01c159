"""The resolve stage's record of one mention: :class:`EntityMention`, a name (or a pronoun)
in a document with the entity it names.

:func:`kg.extract.resolve.resolve` makes them (and re-exports :class:`EntityMention`, which
other modules import from there); :mod:`kg.extract.coreference` makes the pronouns'.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.mentions import Found


@dataclass(frozen=True)
class EntityMention:
    """A resolved mention: the entity it names and where it is in the document.

    >>> f = Found(0, 2, 0, 8, "Tim Cook", "Person", 1.0)
    >>> hit = EntityMention("https://w3id.org/kg/id/Person/Tim_Cook", "Person", "Tim Cook", f)
    >>> hit.token_span, hit.char_span, hit.anaphor
    ((0, 2), (0, 8), False)
    """

    iri: str  # the entity's IRI
    cls: str  # the entity's class
    label: str  # the entity's canonical name
    found: Found  # the mention itself (a name, or a pronoun the entity stands for)

    @property
    def start(self) -> int:
        return self.found.start

    @property
    def end(self) -> int:
        return self.found.end

    @property
    def start_char(self) -> int:
        return self.found.start_char

    @property
    def end_char(self) -> int:
        return self.found.end_char

    @property
    def token_span(self) -> tuple[int, int]:
        return (self.found.start, self.found.end)

    @property
    def char_span(self) -> tuple[int, int]:
        return (self.found.start_char, self.found.end_char)

    @property
    def anaphor(self) -> bool:
        return self.found.anaphor

    @property
    def text(self) -> str:
        return self.found.text
