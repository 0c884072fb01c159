"""The only module that knows the order of the stages.

``ingest → spaCy (nlp.pipe) → mentions → resolve → relations → RDF → store``,
then ``graph.ttl`` and ``graph.html`` from the store. Documents stream
through in batches; only the current batch's spaCy Docs are alive.

Examples
--------
>>> from kg.types import Document
>>> graph = extract(Document.from_text("Tim Cook, Apple's CEO, lives in Palo Alto.", "x"))
>>> sorted(e.label for e in graph.entities)
['Apple', 'Palo Alto', 'Tim Cook']
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg.config import Settings
from kg.errors import InputError, KGError
from kg.ingest import read_documents, sample_corpus_path
from kg.lexicon import ENTITY_CLASSES, load_lexicon
from kg.extract.mentions import find_mentions
from kg.extract.nlp import load_nlp, parse
from kg.analysis import counts
from kg.graph.rdf import document_iri, to_quads
from kg.extract.classifier import load_model, predict_relations
from kg.extract.relations import extract_relations
from kg.extract.resolve import AliasIndex, resolve
from kg.graph.store import GraphStore
from kg.types import Document, DocumentGraph, Entity

#: Quads are written to the store in chunks of this many.
FLUSH_EVERY = 50_000


@dataclass
class BuildReport:
    """What a build did (new documents, words, errors, time) and what the graph now holds."""

    out: Path
    documents: int = 0
    skipped: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    relations: Counter[str] = field(default_factory=Counter)
    quarantined: int = 0
    words: int = 0
    errors: list[InputError] = field(default_factory=list)
    seconds: float = 0.0

    def to_text(self) -> str:
        lines = [f"built {self.out}: {self.documents} new document(s)"
                 + (f", {self.skipped} already in the graph" if self.skipped else "")
                 + f", {self.words} words in {self.seconds:.1f} s"]
        ents = ", ".join(f"{c} {n}" for c, n in self.entities.most_common())
        rels = ", ".join(f"{p} {n}" for p, n in self.relations.most_common())
        lines.append(f"  the graph holds {sum(self.entities.values())} entities: {ents or 'none'}")
        lines.append(f"  and {sum(self.relations.values())} relations: {rels or 'none'}")
        if self.quarantined:
            lines.append(f"  quarantined: {self.quarantined} relation(s) break the ontology's "
                         "domain/range (kept in the quarantine graph, see 'kg validate')")
        if self.errors:
            lines.append(f"  skipped {len(self.errors)} input(s) with errors (listed above)")
        return "\n".join(lines)


def extract(document: Document, settings: Settings | None = None,
            index: AliasIndex | None = None) -> DocumentGraph:
    """Run the extraction stages on one document (for tests and notebooks)."""
    settings = settings or Settings()
    nlp = load_nlp(settings.model, gazetteer=settings.gazetteer)
    spacy_doc, _ = next(parse(nlp, [(document.text, None)]))
    return _extract(spacy_doc, document, settings, index or AliasIndex())


def extract_many(documents: Iterable[Document], settings: Settings | None = None, *,
                 shared_entities: bool = True) -> Iterator[DocumentGraph]:
    """Extraction over many documents, streamed through ``nlp.pipe`` in batches.

    With ``shared_entities`` a name seen in one document resolves to the same
    entity in the next (as in a build); without, each document stands alone
    (as gold-data evaluation wants).

    >>> from kg.types import Document
    >>> docs = [Document.from_text("Apple uses AWS.", "a"), Document.from_text("AWS grew.", "b")]
    >>> [len(g.entities) for g in extract_many(docs)]
    [2, 1]
    """
    settings = settings or Settings()
    nlp = load_nlp(settings.model, gazetteer=settings.gazetteer)
    index = AliasIndex()
    pairs = parse(nlp, ((d.text, d) for d in documents), settings.batch_size, settings.n_process)
    for spacy_doc, document in pairs:
        yield _extract(spacy_doc, document, settings, index if shared_entities else AliasIndex())


def _extract(spacy_doc, document: Document, settings: Settings, index: AliasIndex) -> DocumentGraph:  # type: ignore[no-untyped-def]
    lexicon = load_lexicon(settings.gazetteer)
    found = find_mentions(spacy_doc, lexicon)
    resolved = resolve(found, document.id, document.text, index, settings.base_iri,
                       document.title or document.source)
    relations = extract_relations(spacy_doc, resolved, lexicon)
    model = None if settings.relation_model == "off" else load_model(settings.relation_model)
    if model is not None:
        stated = {(r.predicate, r.subject_span, r.object_span) for r in relations}
        relations += [r for r in predict_relations(spacy_doc, resolved, lexicon, model,
                                                   settings.relation_threshold, relations)
                      if (r.predicate, r.subject_span, r.object_span) not in stated]
    relations = [r for r in relations if r.confidence >= settings.min_confidence]
    return DocumentGraph(document, resolved.entities, resolved.mentions, tuple(relations))


def build(
    inputs: Iterable[str | Path] | None = None,
    out: str | Path = "kg-out",
    settings: Settings | None = None,
    *,
    on_error: Callable[[InputError], None] | None = None,
    html: bool = True,
    progress: bool = False,
) -> BuildReport:
    """Build (or add to) the graph in ``out`` from files, directories, globs or ``-``.

    With no inputs the bundled sample corpus is used. Documents already in
    ``out`` are skipped, so building the same input twice adds nothing.
    Unreadable inputs are reported through ``on_error`` (or the report) and
    the rest of the run goes on.
    """
    settings = settings or Settings()
    started = time.perf_counter()
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise KGError(f"{out}: exists and is not a directory; name a build directory with -o")
    out.mkdir(parents=True, exist_ok=True)
    report = BuildReport(out=out)

    def failed(error: InputError) -> None:
        report.errors.append(error)
        if on_error is not None:
            on_error(error)

    lexicon = load_lexicon(settings.gazetteer)
    nlp = load_nlp(settings.model, gazetteer=settings.gazetteer)
    store = GraphStore.open_build(out)
    index = _alias_index(store)
    paths = list(inputs) if inputs else [sample_corpus_path()]
    documents = _new_documents(read_documents(paths, text_column=settings.text_column,
                                              on_error=failed), store, settings, report)
    pairs = parse(nlp, ((d.text, d) for d in documents), settings.batch_size, settings.n_process)
    quads = []
    for spacy_doc, document in _progress(pairs, progress):
        graph = _extract(spacy_doc, document, settings, index)
        report.documents += 1
        report.words += len(spacy_doc)
        quads.extend(to_quads(graph, lexicon, settings.base_iri))
        if len(quads) >= FLUSH_EVERY:
            store.add_quads(quads)
            quads = []
    store.add_quads(quads)
    store.flush()
    totals = counts(store)
    report.entities, report.relations = Counter(totals.entities), Counter(totals.relations)
    report.quarantined = totals.quarantined
    store.dump_turtle(out / "graph.ttl")
    if html:
        from kg.analysis import to_networkx
        from kg.viz import write_html

        write_html(to_networkx(store), out / "graph.html", title=f"kg: {out.name}")
    report.seconds = time.perf_counter() - started
    return report


def _new_documents(documents: Iterator[Document], store: GraphStore, settings: Settings,
                   report: BuildReport) -> Iterator[Document]:
    """Drop documents already in the store or seen earlier in this run."""
    seen: set[str] = set()
    for document in documents:
        if document.id in seen or store.has(document_iri(settings.base_iri, document.id)):
            report.skipped += 1
            continue
        seen.add(document.id)
        yield document


def _alias_index(store: GraphStore) -> AliasIndex:
    """Every entity already in the store, so new documents reuse its IRI."""
    index = AliasIndex()
    classes = " ".join(f"kg:{c}" for c in ENTITY_CLASSES)
    rows = store.query(f"""
        SELECT DISTINCT ?e ?cls ?label ?alt WHERE {{
          VALUES ?cls {{ {classes} }}
          ?e a ?cls ; rdfs:label ?label .
          OPTIONAL {{ ?e skos:altLabel ?alt }}
        }}""")
    for row in rows:
        cls = row["cls"].value.rsplit("#", 1)[-1]
        entity = Entity(row["e"].value, cls, row["label"].value)
        index.add(entity, (row["alt"].value,) if row["alt"] else ())
    return index


def _progress(items, enabled: bool):  # type: ignore[no-untyped-def]
    """A progress bar on stderr for long runs at a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc="documents", unit="doc", file=sys.stderr, mininterval=0.5)
