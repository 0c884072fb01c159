"""The kg ontology as a closed, typed namespace, and where its files live.

``ontology/kg.ttl`` is the single source of the vocabulary; :class:`KG` mirrors
every term it declares so that a typo in code is an ``AttributeError``, not a
silent new IRI (``tests/test_vocab.py`` checks that the two agree).

Examples
--------
>>> from kg.vocab import KG
>>> KG.worksFor
rdflib.term.URIRef('https://w3id.org/kg/ontology#worksFor')
>>> KG.Organization in KG
True
>>> KG.workFor
Traceback (most recent call last):
...
AttributeError: term 'workFor' not in namespace 'https://w3id.org/kg/ontology#'
>>> ontology_path("kg.ttl").name
'kg.ttl'
>>> PREFIXES["schema"]
'https://schema.org/'
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

from typing import TYPE_CHECKING, Any

from kg.errors import OntologyError

if TYPE_CHECKING:
    from rdflib.term import URIRef

__all__ = ["KG", "KG_NS", "ONTOLOGY_FILES", "PREFIXES", "TERMS", "ontology_path"]  # noqa: F822 (KG: __getattr__)

KG_NS = "https://w3id.org/kg/ontology#"

#: Files the ontology directory holds, as ``ontology_path`` accepts them.
ONTOLOGY_FILES: tuple[str, ...] = ("kg.ttl", "shapes.ttl", "gazetteer.csv")

#: Prefixes predeclared for SPARQL queries and used when serialising.
PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "kgsh": "https://w3id.org/kg/shapes#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
}


class _Terms:
    """Every term of the kg ontology, ``https://w3id.org/kg/ontology#`` (``ontology/kg.ttl``):
    classes, object and datatype properties, and the annotation properties that hold
    the extraction lexicon. :data:`KG` is rdflib's namespace of them, :data:`TERMS` their names.
    """

    # Classes (owl:Class)
    Organization: URIRef  # A company, institution, agency, university, party, team or other organised group.
    Person: URIRef  # A human being, living, dead or fictional.
    Product: URIRef  # A named thing made to be used or sold: device, chip, vehicle, drug, app, software.
    Place: URIRef  # A geographical or political place: country, region, city, body of water, landmark.
    Event: URIRef  # A named happening: conference, trade show, summit, festival, tournament, ceremony.
    Technology: URIRef  # A named technique, standard, protocol, architecture, language or framework.
    Document: URIRef  # One input text; its IRI comes from the SHA-256 of its content.
    Evidence: URIRef  # A reified statement (rdf:Statement) recording why a relation was asserted.

    # Object properties between entities (owl:ObjectProperty)
    worksFor: URIRef  # Person -> Organization: is employed by.
    leads: URIRef  # Person -> Organization: top executive, chair or head (sub-property of worksFor).
    memberOf: URIRef  # Person -> Organization: member of a party, board, club or team.
    servedIn: URIRef  # Person -> Organization: an armed force or unit (sub-property of memberOf).
    foundedBy: URIRef  # Organization -> Person/Organization.
    headquarteredIn: URIRef  # Organization -> Place (sub-property of locatedIn).
    locatedIn: URIRef  # Place/Organization/Event -> Place.
    subsidiaryOf: URIRef  # Organization -> Organization (its parent).
    acquired: URIRef  # Organization -> Organization/Product.
    investsIn: URIRef  # Organization -> Organization.
    partnerOf: URIRef  # Organization <-> Organization (symmetric).
    competesWith: URIRef  # Organization <-> Organization (symmetric).
    develops: URIRef  # Organization/Person -> Product/Technology.
    uses: URIRef  # Organization/Person -> Product/Organization/Technology.
    participatesIn: URIRef  # Person/Organization -> Event.
    organizes: URIRef  # Organization -> Event.
    livesIn: URIRef  # Person -> Place.
    bornIn: URIRef  # Person -> Place.
    educatedAt: URIRef  # Person -> Organization.
    nationality: URIRef  # Person -> Place (a country).
    spouse: URIRef  # Person <-> Person (symmetric).
    childOf: URIRef  # Person -> Person.

    # Datatype properties of entities (owl:DatatypeProperty, xsd:string as written)
    jobTitle: URIRef  # Person -> title or role as written.
    foundingDate: URIRef  # Organization -> date as written (may be partial).
    birthDate: URIRef  # Person -> date as written (may be partial).
    deathDate: URIRef  # Person -> date as written (may be partial).

    # Provenance: documents
    mentionedIn: URIRef  # entity -> Document that names it.
    source: URIRef  # Document -> path, URL or "-" as given.
    title: URIRef  # Document -> title, if any.
    url: URIRef  # Document -> web address, if any.
    date: URIRef  # Document -> publication date as given.
    externalId: URIRef  # Document -> the id the input gave (e.g. a JSONL "id").

    # Provenance: evidence (with rdf:subject, rdf:predicate, rdf:object)
    document: URIRef  # Evidence -> Document.
    sentence: URIRef  # Evidence -> sentence text.
    subjectStart: URIRef  # Evidence -> character offset, inclusive (xsd:integer).
    subjectEnd: URIRef  # Evidence -> character offset, exclusive (xsd:integer).
    objectStart: URIRef  # Evidence -> character offset, inclusive (xsd:integer).
    objectEnd: URIRef  # Evidence -> character offset, exclusive (xsd:integer).
    confidence: URIRef  # Evidence -> xsd:decimal in [0, 1].
    extractor: URIRef  # Evidence -> "kind:name", e.g. "rule:svo".
    former: URIRef  # Evidence -> true: the sentence states a post or tie held before, not now.

    # Provenance: namings (which document gives an entity which name)
    Naming: URIRef  # A record that a document gives an entity one of its names.
    entity: URIRef  # Naming -> the entity named.
    name: URIRef  # Naming -> the name as written.
    start: URIRef  # Naming -> character offset of its first mention, inclusive (xsd:integer).
    end: URIRef  # Naming -> character offset of that mention, exclusive (xsd:integer).
    rule: URIRef  # Naming -> what joined the name to the entity, when known.

    # Lexicon (owl:AnnotationProperty); see the comments in kg.ttl
    nerLabel: URIRef  # spaCy NER label typed with a class (or a date property's value label).
    headNoun: URIRef  # Common noun whose proper-name compound modifier is of the class.
    activeTrigger: URIRef  # "lemma [prep]": agent is subject, (prepositional) object is object.
    inverseTrigger: URIRef  # "lemma [prep]": agent is object, (prepositional) object is subject.
    titleTrigger: URIRef  # Role noun relating a named bearer to the organisation qualifying it.
    inverseTitleTrigger: URIRef  # Role noun whose bearer is the object ("his father, X").
    prepositionTrigger: URIRef  # "NAME prep NAME" ("Smith of IBM", "Columbus, Miss.").
    nounTrigger: URIRef  # Nominalised relation: possessor/by-agent -> of/with/in/to/between object.
    possessive: URIRef  # true: "X's Y" between two names states the property.

    # Presentation (owl:AnnotationProperty)
    color: URIRef  # "#rrggbb" that draws a class in the HTML graph.


#: The names of the ontology's terms (``kg.graph.rdf.kg_term`` makes IRIs of these alone).
TERMS: frozenset[str] = frozenset(_Terms.__annotations__)


def __getattr__(name: str) -> Any:
    """``KG``, made when first asked for: rdflib (60 ms to import) is not imported by a
    build, which names terms through :data:`TERMS` (``kg.graph.rdf.kg_term``)."""
    if name == "KG":
        globals()["KG"] = namespace = _namespace()
        return namespace
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _namespace() -> Any:
    import rdflib.namespace
    from rdflib.namespace import Namespace

    # Subclass through the module: a bare ``DefinedNamespace`` in this module's
    # globals warns when pytest's doctest finder probes it for ``_mock_name``.
    class KG(rdflib.namespace.DefinedNamespace):
        """The kg ontology, ``https://w3id.org/kg/ontology#`` (``ontology/kg.ttl``).

        Classes, object and datatype properties, and the annotation properties
        that hold the extraction lexicon (:class:`_Terms`). Unknown names raise
        ``AttributeError``.

        Examples
        --------
        >>> from kg.vocab import KG
        >>> KG.Person.n3()
        '<https://w3id.org/kg/ontology#Person>'
        >>> KG["uses"] == KG.uses
        True
        """

        _fail = True
        _NS = Namespace(KG_NS)
        __annotations__ = dict(_Terms.__annotations__)

    KG.__module__, KG.__qualname__ = __name__, "KG"
    return KG


def ontology_path(name: str) -> Path:
    """Return the path of one of the ontology's files.

    Looks in the installed package ``kg.ontology`` first (where the wheel puts
    the repository's ``ontology/`` directory), then in ``ontology/`` beside the
    ``kg`` package of a source checkout.

    Parameters
    ----------
    name : str
        A file name from :data:`ONTOLOGY_FILES`: ``"kg.ttl"``,
        ``"shapes.ttl"`` or ``"gazetteer.csv"``.

    Returns
    -------
    pathlib.Path
        An existing file.

    Raises
    ------
    OntologyError
        If ``name`` is not an ontology file, or the file is in neither place
        (the message names the paths tried).

    Examples
    --------
    >>> ontology_path("shapes.ttl").is_file()
    True
    >>> ontology_path("kg.owl")
    Traceback (most recent call last):
    ...
    kg.errors.OntologyError: unknown ontology file 'kg.owl'; valid names: kg.ttl, shapes.ttl, gazetteer.csv
    """
    if name not in ONTOLOGY_FILES:
        raise OntologyError(
            f"unknown ontology file {name!r}; valid names: {', '.join(ONTOLOGY_FILES)}"
        )
    tried: list[str] = []
    try:
        resource = importlib.resources.files("kg.ontology").joinpath(name)
    except (ModuleNotFoundError, TypeError):
        pass  # not installed as a wheel: a source checkout
    else:
        if resource.is_file():
            return Path(str(resource))
        tried.append(str(resource))
    checkout = Path(__file__).resolve().parent.parent / "ontology" / name
    if checkout.is_file():
        return checkout
    tried.append(str(checkout))
    raise OntologyError(
        f"ontology file {name!r} not found (tried {', '.join(tried)}); "
        "reinstall kg, or run from a checkout that has the ontology/ directory"
    )
