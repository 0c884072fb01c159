"""The only module that knows the order of the stages.

``ingest → spaCy (nlp.pipe) → mentions → resolve → extractors → RDF → store``,
then ``graph.ttl`` and ``graph.html`` from the store (:func:`write_outputs`).
Whole documents go to the store in transactions (never half a document); a
document whose source is already in the graph with other text replaces it
(:mod:`kg.graph.remove`), and :func:`remove` takes documents out. A :class:`Pipeline`
holds what a run needs (spaCy, the lexicon, the relation model, the chosen
extractors), built once; documents stream through it in batches and only the
current batch's spaCy Docs are alive.

Each document becomes one :class:`kg.extract.context.DocContext`; the
extractors (:data:`kg.registry.extractors`, chosen by ``Settings.extractors``)
run on it in order, each seeing what those before it found
(:meth:`Pipeline.relations`).

Examples
--------
>>> from kg.types import Document
>>> graph = extract(Document.from_text("Tim Cook, Apple's CEO, lives in Palo Alto.", "x"))
>>> sorted(e.label for e in graph.entities)
['Apple', 'Palo Alto', 'Tim Cook']
>>> Pipeline().extractor_names
('svo', 'title', 'lifespan', 'possessive', 'noun', 'nationality', 'attachment', 'occasion', 'name', 'funding', \
'echoes', 'pairs', 'geography', 'inference')
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from kg.config import Settings
from kg.errors import InputError, KGError
from kg.ingest import read_documents, sample_corpus_path
from kg.lexicon import load_lexicon
from kg.extract.constraints import CONSTRAINTS
from kg.extract.context import DocContext
from kg.extract.mentions import find_mentions
from kg.extract.nlp import load_nlp, parse
from kg.analysis import counts
from kg.analysis.projection import Follow, Projection
from kg.graph.rdf import document_iri, to_quads
from kg.graph.remove import Removal, find_documents, remove_documents, replaced_documents
from kg.extract.classifier import load_model
from kg.extract.neural import is_neural, load_reader
from kg.extract.known import read_all, read_on_demand
from kg.extract.resolve import AliasIndex, resolve
from kg.extract.rules import RULES
from kg.extract.rules.echoes import dedupe
from kg.graph.store import GraphStore
from kg.distributed import extracted, merge
from kg.registry import extractors as registry
from kg.types import Document, DocumentGraph, Relation

if TYPE_CHECKING:
    from kg.graph.remote import Endpoints, RemoteStore  # imported when a server is named

#: Documents between flushes of the store's write buffers: unflushed, RocksDB's memtables
#: grew the RSS of a 10,000-document build to 1.9x that of a 2,000-document one (bench_memory).
FLUSH_EVERY = 500
#: Quads between flushes, whatever the documents: 500 parts of a long text are ~3.5M quads,
#: whose memtables took ~1.3 GB (bench_long); news articles write ~80 quads each.
FLUSH_QUADS = 100_000
#: The extractors a run uses when its settings name none: the rules, then the classifier.
DEFAULT_EXTRACTORS = (*RULES, "pairs", "geography", "inference")
#: graph.ttl is rewritten after a build or removal while it holds at most this many
#: documents (~800,000 quads, ~2 s of Turtle); above, only when asked (``kg build --ttl``).
TTL_MAX_DOCUMENTS = 10_000
#: graph.ttl is written by another process, at the same time as the kept projection's
#: refresh and the page (:func:`_apart`), when the build holds at least this many documents
#: (600 KnowledgeNet documents: 0.22 s of Turtle beside 0.17 s of projection; for a few
#: documents, starting a process costs more than it saves).
APART_DOCUMENTS = 100


class Pipeline:
    """What a run needs, built once: spaCy, the lexicon, the relation model, the extractors.

    Parameters
    ----------
    settings
        The run's settings; ``settings.extractors`` names the extractors
        (:data:`kg.registry.extractors`) in the order they run, ``None``
        for :data:`DEFAULT_EXTRACTORS`.
    nlp
        A loaded spaCy pipeline to use instead of ``settings.model``.

    Examples
    --------
    >>> from kg.config import Settings
    >>> from kg.types import Document
    >>> pipeline = Pipeline(Settings(extractors=("svo",)))
    >>> [r.predicate for r in pipeline.extract(Document.from_text("Apple uses AWS.", "x")).relations]
    ['uses']
    >>> Pipeline(Settings(extractors=("svo", "nope")))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.KGError: no kg.extractors part named 'nope'; registered: attachment, echoes, ...
    """

    def __init__(self, settings: Settings | None = None, *, nlp: Any = None) -> None:
        self.settings = settings = settings or Settings()
        self.lexicon = load_lexicon(settings.gazetteer)
        neural = is_neural(settings.relation_model)
        no_pairs = settings.relation_model == "off" or neural  # the neural reader ships its own
        self.model = None if no_pairs else load_model(settings.relation_model)
        if neural:
            load_reader(settings.relation_model)  # a missing extra or model fails here, by name
        # the run's relation model is the neural reader: it stands where the classifier would
        self.extractor_names: tuple[str, ...] = tuple(
            "neural" if neural and n == "pairs" else n for n in settings.extractors or DEFAULT_EXTRACTORS)
        self.extractors = tuple(registry.get(name) for name in self.extractor_names)
        self._nlp = nlp

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline, loaded when first needed (a build whose workers parse never loads it)."""
        if self._nlp is None:
            self._nlp = load_nlp(self.settings.model, gazetteer=self.settings.gazetteer)
        return self._nlp

    def parse(self, documents: Iterable[Document]) -> Iterator[tuple[Any, Document]]:
        """(spaCy Doc, document) pairs, through ``nlp.pipe`` in batches."""
        return parse(self.nlp, ((d.text, d) for d in documents), self.settings.batch_size,
                     self.settings.n_process)

    def context(self, document: Document, index: AliasIndex | None = None, spacy_doc: Any = None,
                found: list[Any] | None = None) -> DocContext:
        """Mentions and entities of one document, ready for the extractors (no relations yet)."""
        if spacy_doc is None:
            spacy_doc, _ = next(parse(self.nlp, [(document.text, None)]))
        found = find_mentions(spacy_doc, self.lexicon) if found is None else found
        resolved = resolve(found, document.id, document.text, index if index is not None else AliasIndex(),
                           self.settings.base_iri, document.name)
        return DocContext(document, spacy_doc, self.lexicon, resolved, (), self.settings, self.model)

    def relations(self, ctx: DocContext) -> tuple[Relation, ...]:
        """Run the extractors in order on ``ctx``, each seeing what those before it found.

        The rule families' relations come in text order (sentence by sentence,
        then family by family); every other extractor's follow, extractor by
        extractor. A relation already stated (same triple, same spans) and a
        relation of an entity to itself are dropped, and so is what
        :data:`kg.extract.constraints.CONSTRAINTS` rules out, in order: date values
        that name no point in time (``timed``: "three years"), nationalities of no
        person's role (``roled``: "a Japanese anime film"), what other relations
        contradict (``consistent``: "born in X" is no residence in X), facts two
        others rule out (``unchained``: a parent's spouse is no spouse), a classifier's
        leader where a rule named another (``titled_once``) and a dateline's news agency
        (``datelined``: "LONDON (CMC) —"); a pair a rule states as held before is marked
        so throughout its sentence (``former_alike``).
        """
        found: list[tuple[tuple[int, int, int], Relation]] = []  # (block, sentence, extractor)
        seen: set[tuple[Any, ...]] = set()
        ctx.sentence_index(0)  # the sentences read once, for every extractor (with_relations keeps them)
        view, viewed = ctx.with_relations(()), 0  # what the extractors see, remade when one found more
        for position, (name, extractor) in enumerate(zip(self.extractor_names, self.extractors)):
            if len(found) != viewed:
                view, viewed = ctx.with_relations(tuple(r for _, r in sorted(found, key=lambda x: x[0]))), len(found)
            block = 0 if name in RULES else position
            found += [((block, ctx.sentence_index(r.subject_span[0]), position), r)
                      for r in dedupe(extractor(view), seen)]
        ordered = [r for _, r in sorted(found, key=lambda x: x[0])]
        for constraint in CONSTRAINTS:
            ordered = constraint(ctx, ordered)
        return tuple(r for r in ordered if r.confidence >= self.settings.min_confidence)

    def run(self, ctx: DocContext) -> DocContext:
        """``ctx`` with the relations every extractor found."""
        return replace(ctx, relations=self.relations(ctx))

    def contexts(self, documents: Iterable[Document], *, shared_entities: bool = True,
                 index: AliasIndex | None = None) -> Iterator[DocContext]:
        """Each document parsed, resolved and run through the extractors."""
        shared = index if index is not None else AliasIndex()
        for spacy_doc, document in self.parse(documents):
            ctx = self.context(document, shared if shared_entities else AliasIndex(), spacy_doc)
            yield self.run(ctx)

    def extract(self, document: Document, index: AliasIndex | None = None) -> DocumentGraph:
        """What extraction finds in one document."""
        return graph_of(self.run(self.context(document, index)))

    def extract_many(self, documents: Iterable[Document], *,
                     shared_entities: bool = True) -> Iterator[DocumentGraph]:
        """What extraction finds in each document (see :func:`extract_many`)."""
        return (graph_of(ctx) for ctx in self.contexts(documents, shared_entities=shared_entities))


def graph_of(ctx: DocContext) -> DocumentGraph:
    """The plain result of a run over one document: entities, mentions, relations."""
    return DocumentGraph(ctx.document, ctx.resolved.entities, ctx.resolved.mentions, ctx.relations,
                         ctx.resolved.joined_by)


@dataclass
class BuildReport:
    """What a build did (new documents, words, errors, time) and what the graph now holds."""

    out: Path
    documents: int = 0
    skipped: int = 0
    replaced: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    relations: Counter[str] = field(default_factory=Counter)
    quarantined: int = 0
    words: int = 0
    errors: list[InputError] = field(default_factory=list)
    seconds: float = 0.0
    ttl_skipped: int = 0  # the build's documents when graph.ttl was left as it was for its size

    def to_text(self) -> str:
        lines = [f"built {self.out}: {self.documents} new document(s)"
                 + (f" ({self.replaced} replacing an older text of the same source)" if self.replaced else "")
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
        if self.ttl_skipped:
            lines.append(f"  graph.ttl not rewritten: {self.ttl_skipped:,} documents (over {TTL_MAX_DOCUMENTS:,}) "
                         "make it slow; 'kg build --ttl' rewrites it, 'kg export OUT -o FILE.ttl' writes it")
        return "\n".join(lines)


def extract(document: Document, settings: Settings | None = None,
            index: AliasIndex | None = None) -> DocumentGraph:
    """Run the extraction stages on one document (for tests and notebooks)."""
    return Pipeline(settings).extract(document, index)


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
    return Pipeline(settings).extract_many(documents, shared_entities=shared_entities)


def build(
    inputs: Iterable[str | Path] | None = None,
    out: str | Path = "kg-out",
    settings: Settings | None = None,
    *,
    on_error: Callable[[InputError], None] | None = None,
    html: bool = True,
    ttl: bool | None = None,
    progress: bool = False,
    store: str | Endpoints | None = None,
    dask: str | None = None,
) -> BuildReport:
    """Build (or add to) the graph in ``out`` from files, directories, globs or ``-``.

    With no inputs the bundled sample corpus is used. Documents already in
    ``out`` are skipped, so building the same input twice adds nothing; a
    document whose source (path, URL, or a record's id) is in ``out`` with
    other text replaces the old one's facts. Whole documents are committed
    in transactions: a killed build leaves no half document, and running it
    again completes it. Unreadable inputs are reported through ``on_error``
    (or the report) and the rest of the run goes on. ``html``/``ttl``:
    rewrite ``graph.html``/``graph.ttl`` afterwards (``ttl=None``: graph.ttl while
    the store is small, see :func:`write_outputs`). ``store``: a SPARQL server (URL or
    :class:`~kg.graph.remote.Endpoints`) to write into instead of ``out/store``.

    Extraction runs here, in ``settings.n_process`` worker processes, or on the
    Dask cluster whose scheduler is at ``dask``; each document on its own, then
    merged with the earlier ones here in input order (:mod:`kg.distributed`), so
    the graph is the same whichever runs it.
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

    store = open_store(out, store)  # first: a busy store or a server that is down fails at once
    pipeline = Pipeline(settings)
    follow = Follow(out, store)  # the kept projection follows the documents added and removed
    projection = Projection.matching(out, follow.before) if isinstance(store, GraphStore) else None
    index = (_alias_index(store, pipeline.lexicon.classes) if projection is None  # read whole
             else read_on_demand(store, pipeline.lexicon.classes, projection))
    paths = list(inputs) if inputs else [sample_corpus_path()]

    def replace_old(old: list[str]) -> None:
        """Remove the old texts and forget their names."""
        follow.removing(store, old)
        remove_documents(store, old)
        fresh = _alias_index(store, pipeline.lexicon.classes)  # the projection is behind the store now
        index.entries, index.weak, index.source = fresh.entries, fresh.weak, None
        report.replaced += 1

    documents = _new_documents(read_documents(paths, text_column=settings.text_column, on_error=failed),
                               store, settings, report)
    unflushed = 0  # quads written since the last flush
    for document, found in _progress(extracted(documents, settings, pipeline, dask=dask), progress):
        # Asked here, in input order with every earlier document committed, not as documents are
        # read ahead: a second text of one source in the same input replaces the first, however batched.
        old = replaced_documents(store, document.id, document.source, document.external_id, settings.base_iri)
        if old:
            replace_old(old)
        report.documents += 1
        report.words += found.words
        document_graph = merge(document, found, index, settings.base_iri)
        follow.added(document_graph)
        # One transaction per document: 200 Re-DocRED documents write in 0.74 s against 0.35 s
        # in 50,000-quad bulk loads (benchmarks/bench_writes.py), 2% of the build.
        quads = list(to_quads(document_graph, pipeline.lexicon, settings.base_iri))
        store.add_atomic(quads)
        unflushed += len(quads)
        if report.documents % FLUSH_EVERY == 0 or unflushed >= FLUSH_QUADS:
            store.flush()  # the store's write buffers to disk: memory stays flat
            unflushed = 0
    store.flush()
    dumping = None
    if isinstance(store, GraphStore) and _apart(settings, dask):
        documents = _documents(store)
        wanted, report.ttl_skipped = _ttl_wanted(store, ttl, documents)
        if wanted and documents >= APART_DOCUMENTS:
            dumping = store.dump_turtle_apart(out / "graph.ttl")
        ttl = wanted and dumping is None  # decided: write_outputs does not count the documents again
    try:
        if projection is not None:
            projection.close()
        follow.finish(store).close()
        totals = counts(store)
        report.entities, report.relations = Counter(totals.entities), Counter(totals.relations)
        report.quarantined = totals.quarantined
        report.ttl_skipped = write_outputs(store, out, ttl=ttl, html=html) or report.ttl_skipped
    except BaseException:
        if dumping is not None:
            dumping.cancel()
        raise
    if dumping is not None:
        dumping.wait()
    report.seconds = time.perf_counter() - started
    return report


def write_outputs(store: GraphStore, out: Path, *, ttl: bool | None = None, html: bool = True) -> int:
    """Rewrite ``out/graph.ttl`` (the default graph) and ``out/graph.html`` from the store.

    ``ttl=None``: graph.ttl only while the build holds at most :data:`TTL_MAX_DOCUMENTS`
    documents (it is rewritten whole). The page is drawn from the kept projection and its
    cached metrics (:func:`kg.analysis.cached.write_page`). Returns the number of
    documents when graph.ttl was left as it was for the build's size, else 0.
    """
    ttl, skipped = _ttl_wanted(store, ttl)
    if ttl:
        store.dump_turtle(out / "graph.ttl")
    if html:
        from kg.analysis.cached import write_page
        from kg.analysis.projection import Projection

        projection = Projection.open(out, store)
        write_page(projection, store, out / "graph.html", title=f"kg: {out.name}")
        projection.close()
    return skipped


def _ttl_wanted(store: GraphStore, ttl: bool | None, documents: int | None = None) -> tuple[bool, int]:
    """Whether graph.ttl is to be written (``ttl``, or for ``None`` whether the build holds at
    most :data:`TTL_MAX_DOCUMENTS` documents), and the documents when it is not for that."""
    if ttl is not None:
        return ttl, 0
    documents = _documents(store) if documents is None else documents
    return (True, 0) if documents <= TTL_MAX_DOCUMENTS else (False, documents)


def _apart(settings: Settings, dask: str | None) -> bool:
    """Whether graph.ttl may be written by another process at the end of a build
    (:meth:`~kg.graph.store.GraphStore.dump_turtle_apart`), while this one refreshes the
    kept projection and draws the page: with workers (they are done by then), or with
    one when this process may run on more than one core."""
    if settings.n_process > 1 or dask:
        return True
    try:
        return len(os.sched_getaffinity(0)) > 1
    except AttributeError:  # no sched_getaffinity (macOS, Windows)
        return (os.cpu_count() or 1) > 1


def _documents(store: GraphStore) -> int:
    return int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?d a kg:Document }")))["n"].value)


def remove(out: str | Path, targets: Iterable[str], settings: Settings | None = None, *,
           html: bool = True, ttl: bool | None = None,
           store: str | Endpoints | None = None) -> tuple[Removal, list[str]]:
    """Take documents out of the build in ``out``, with what only they supported.

    ``targets``: sources as given to ``kg build`` (a file, a file of
    records, a directory), document ids or IRIs, or external ids. Returns
    what was removed and the targets that named no document; ``graph.ttl``
    and ``graph.html`` are rewritten when something was removed. Removing
    twice removes nothing the second time. ``store``: a SPARQL server (as for
    :func:`build`) instead of ``out/store``; ``out`` then holds its outputs.
    """
    settings = settings or Settings()
    out = Path(out)
    if store is None:
        GraphStore.open_build(out, read_only=True)  # fails clearly on a non-build
    store = open_store(out, store)
    found, missing = find_documents(store, list(targets), settings.base_iri)
    follow = Follow(out, store)
    follow.removing(store, [d for docs in found.values() for d in docs])
    removal = remove_documents(store, [d for docs in found.values() for d in docs])
    store.flush()
    follow.finish(store).close()
    if removal:
        write_outputs(store, out, ttl=ttl, html=html)
    return removal, missing


def open_store(out: Path, remote: str | Endpoints | None = None) -> GraphStore | RemoteStore:
    """The store a build writes: ``out/store``, or a SPARQL server (its URL or
    :class:`~kg.graph.remote.Endpoints`; ``out`` then holds graph.ttl, graph.html and the
    kept projection, no store)."""
    if remote is None:
        return GraphStore.open_build(out)
    from kg.graph.remote import Endpoints, RemoteStore

    return RemoteStore.open(Endpoints.from_url(remote) if isinstance(remote, str) else remote, write=True)


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


def _alias_index(store: GraphStore, entity_classes: tuple[str, ...]) -> AliasIndex:
    """Every entity already in the store, so new documents reuse its IRI
    (:func:`kg.extract.known.read_all`; a build whose kept projection matches
    the store reads names on demand instead, with the same answers)."""
    return read_all(store, entity_classes)


def _progress(items, enabled: bool):  # type: ignore[no-untyped-def]
    """A progress bar on stderr for long runs at a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc="documents", unit="doc", file=sys.stderr, mininterval=0.5)
