"""Extraction in this process, in worker processes, or on a Dask cluster, with one result.

A document's extraction (spaCy, mentions, resolution, the extractors) runs on
the document alone: its names resolve against an alias index of its own, so
it gives the same :class:`Extracted` wherever and whenever it runs. What ties
documents together, the names one document shares with those before it, is
done afterwards by :func:`merge`, in the build's process and in input order,
against the build's :class:`~kg.extract.resolve.AliasIndex`: it resolves the
document's mentions again, now with every earlier document known, and renames
the entities the extractors saw to the entities the graph has. So a build with
one worker, with N (``--n-process N``) or on a cluster (``--dask ADDRESS``)
writes the same graph, byte for byte.

What moves between processes is plain data: documents out, :class:`Extracted`
back (mentions, relations, a word count), never a spaCy Doc. Workers load the
model once (:func:`worker_pipeline`); at most a few batches per worker are in
flight, so memory stays flat however long the input is.

Examples
--------
>>> from kg.config import Settings
>>> from kg.extract.resolve import AliasIndex
>>> from kg.types import Document
>>> docs = [Document.from_text("Amazon Web Services (AWS) runs Trainium.", "a"),
...         Document.from_text("Apple uses AWS.", "b")]
>>> index = AliasIndex()
>>> graphs = [merge(d, x, index, Settings().base_iri) for d, x in extracted(docs, Settings())]
>>> [(r.predicate, r.obj.rsplit("/", 1)[-1]) for r in graphs[1].relations]
[('uses', 'Amazon_Web_Services')]
"""

from __future__ import annotations

import gc
import threading
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, TypeVar

from kg.config import Settings
from kg.errors import KGError
from kg.extract.mentions import Found, find_mentions
from kg.extract.nlp import batches, parse
from kg.extract.resolve import AliasIndex, Grouping, resolve
from kg.extract.rules.echoes import dedupe
from kg.types import Document, DocumentGraph, Relation, changed

if TYPE_CHECKING:
    from kg.pipeline import Pipeline

T = TypeVar("T")

#: Documents per task sent to a worker (a whole nlp.pipe batch, as in one process: with 16,
#: two workers spent 6% more CPU on 2,000 documents), and the most characters in one.
TASK_DOCUMENTS = 64
TASK_CHARS = 200_000
#: Tasks in flight per worker: enough to keep it busy, few enough to keep memory flat.
IN_FLIGHT_PER_WORKER = 2
#: How long to wait for a Dask scheduler to answer.
CONNECT_SECONDS = 10


@dataclass(frozen=True)
class Extracted:
    """What extraction found in one document on its own: plain data, cheap to send.

    ``found``: the document's mentions (:func:`kg.extract.mentions.find_mentions`);
    ``local``: for each of them that is a name (not an anaphor), the IRI the
    document's own resolution gave it; ``relations``: the extractors' relations
    between those IRIs; ``words``: spaCy tokens; ``grouping``: how its names group by
    the document alone (:func:`kg.extract.resolve.group_names`), which :func:`merge` reads again.
    """

    words: int
    found: tuple[Found, ...]
    local: tuple[str, ...]
    relations: tuple[Relation, ...]
    grouping: Grouping | None = None


def extract_one(pipeline: Pipeline, spacy_doc: Any, document: Document) -> Extracted:
    """A document's extraction with an alias index of its own."""
    found = find_mentions(spacy_doc, pipeline.lexicon)
    ctx = pipeline.run(pipeline.context(document, AliasIndex(), spacy_doc, found=found))
    local = tuple(ctx.resolved.by_token[f.start].iri for f in found if not f.anaphor)
    return Extracted(len(spacy_doc), tuple(found), local, ctx.relations, ctx.resolved.grouping)


def merge(document: Document, extracted: Extracted, index: AliasIndex, base: str) -> DocumentGraph:
    """The document's graph with its entities resolved against every earlier document.

    Resolves the mentions again with ``index`` (which learns this document's
    names) and gives each relation the entities of that resolution; a
    relation that now joins an entity to itself, or repeats another, goes.
    """
    found = list(extracted.found)
    resolved = resolve(found, document.id, document.text, index, base, document.name,
                       extracted.grouping)
    named = [f for f in found if not f.anaphor]
    rename: dict[str, str] = {}
    for iri, f in zip(extracted.local, named):
        rename.setdefault(iri, resolved.by_token[f.start].iri)
    relations = dedupe(_renamed(r, rename) for r in extracted.relations)
    return DocumentGraph(document, resolved.entities, resolved.mentions, tuple(relations), resolved.joined_by)


def _renamed(r: Relation, rename: dict[str, str]) -> Relation:
    """``r`` between the entities ``rename`` gives its ends (``r`` itself when both keep theirs)."""
    subject = rename.get(r.subject, r.subject)
    obj = r.obj if r.object_is_literal else rename.get(r.obj, r.obj)
    return r if subject == r.subject and obj == r.obj else changed(r, subject=subject, obj=obj)


# -- where extraction runs ----------------------------------------------------

_LOCK = threading.Lock()  # a Dask worker may run tasks in threads: one document at a time


_PIPELINES: dict[Settings, Pipeline] = {}  # this process's pipelines, by settings


def worker_pipeline(settings: Settings) -> Pipeline:
    """The pipeline of this worker process, loaded once per settings."""
    from kg.pipeline import Pipeline

    key = replace(settings, n_process=1)
    if key not in _PIPELINES:
        _PIPELINES.clear()  # one at a time: a worker keeps one model in memory
        _PIPELINES[key] = Pipeline(key)
    return _PIPELINES[key]


def extract_batch(settings: Settings, documents: list[Document]) -> list[Extracted]:
    """A worker's task: extraction of each document, in order (the model loaded once per process)."""
    global _SETTLED
    with _LOCK:
        if _SETTLED:
            return _extract_batch(settings, documents)
        with _loading():  # the first task loads what the others use
            results = _extract_batch(settings, documents)
        _SETTLED = True
        return results


def _extract_batch(settings: Settings, documents: list[Document]) -> list[Extracted]:
    pipeline = worker_pipeline(settings)
    docs = parse(pipeline.nlp, ((d.text, d) for d in documents), pipeline.settings.batch_size, 1)
    return [extract_one(pipeline, spacy_doc, document) for spacy_doc, document in docs]


_SETTLED = False  # whether this process has run a task (see _loading)
_END = object()


@contextmanager
def _loading() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block, then what is alive frozen out
    of its sight (``gc.freeze``).

    Loading the model and the tables the first document needs (gazetteers,
    geonames) makes millions of objects that live as long as the process and no
    garbage; each full collection scanned them all again (0.3 of 0.45 CPU s of GC
    in a 600-document build).
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(0)  # not gc.disable(): spaCy's model loading (srsly) calls gc.enable()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.freeze()


def _settled(results: Iterator[T]) -> Iterator[T]:
    """``results``, the first made under :func:`_loading` (it loads what the rest use).

    This is the caller's process: what was frozen is given back to the collector
    at the end, so the caller's own reference cycles are collected as before.
    """
    try:
        with _loading():
            first = next(results, _END)
        if first is _END:
            return
        yield first  # type: ignore[misc]
        yield from results
    finally:
        gc.unfreeze()


#: A text whose extraction loads what the extractors read when first needed (place names,
#: the geography gazetteers: 0.85 CPU s that each worker would otherwise spend again).
WARM_UP = "Tim Cook, the chief executive of Apple, lives in Austin, Texas, in the United States."


def warm_up(pipeline: Pipeline) -> None:
    """Load the model and every lazily read table by extracting :data:`WARM_UP` (results dropped)."""
    document = Document.from_text(WARM_UP, "kg-warm-up")
    for spacy_doc, _ in parse(pipeline.nlp, [(WARM_UP, document)], 1, 1):
        extract_one(pipeline, spacy_doc, document)


def _warm(settings: Settings) -> None:
    """A worker process's start: malloc told to keep what it frees, the pipeline loaded."""
    _keep_freed_memory()
    with _loading():
        worker_pipeline(settings)


#: glibc's ``mallopt`` parameters and the values a worker sets (:func:`_keep_freed_memory`).
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_KEEP = {_M_MMAP_THRESHOLD: 32 << 20, _M_TRIM_THRESHOLD: 1 << 30}


def _keep_freed_memory() -> None:
    """Keep freed memory in this process for the next batch (glibc's malloc; elsewhere nothing).

    By default glibc gives a batch's large arrays (``mmap``) and the top of the
    heap back to the system when they are freed, and the next batch faults the
    same pages in again: in worker processes that was 139,000 page faults and
    0.3 of 6.3 CPU s on 600 KnowledgeNet documents; kept, 47,000 and 0.1 s, the
    workers' peak memory the same (244 and 249 MB).
    """
    import ctypes

    try:
        libc = ctypes.CDLL(None)  # the process's own C library: no ldconfig run to find it
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return
    if not hasattr(libc, "gnu_get_libc_version"):
        return  # not glibc: its malloc has other knobs
    for parameter, value in _KEEP.items():
        mallopt(ctypes.c_int(parameter), ctypes.c_int(value))


def extracted(documents: Iterable[Document], settings: Settings, pipeline: Pipeline | None = None, *,
              dask: str | None = None) -> Iterator[tuple[Document, Extracted]]:
    """Each document with its :class:`Extracted`, in input order.

    In this process (``settings.n_process`` 1, streaming through ``nlp.pipe``),
    in ``n_process`` worker processes, or on the Dask cluster whose scheduler
    is at ``dask`` (``tcp://HOST:PORT``).
    """
    if dask:
        yield from _on_dask(documents, settings, dask)
    elif settings.n_process > 1:
        yield from _in_processes(documents, settings, pipeline)
    else:
        from kg.pipeline import Pipeline

        def one_by_one(pipeline: Pipeline) -> Iterator[tuple[Document, Extracted]]:
            for spacy_doc, document in pipeline.parse(documents):  # loads the model when first asked
                yield document, extract_one(pipeline, spacy_doc, document)

        yield from _settled(one_by_one(pipeline or Pipeline(settings)))


def _in_processes(documents: Iterable[Document], settings: Settings,
                  pipeline: Pipeline | None) -> Iterator[tuple[Document, Extracted]]:
    """Worker processes forked from this one, where fork is (Linux: the model loaded
    here is shared, not loaded again), else spawned (each loads it once)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    workers = settings.n_process
    if "fork" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("fork")
        with _loading():  # the model and tables out of the collector's sight, here and in the forks
            if pipeline is not None:
                _PIPELINES.clear()
                _PIPELINES[replace(settings, n_process=1)] = pipeline
            warm_up(worker_pipeline(settings))  # loaded before the fork, so every worker has it
    else:
        context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_warm, initargs=(settings,)) as pool:
            yield from _ordered(lambda batch: pool.submit(extract_batch, settings, batch), documents, workers)
    finally:
        gc.unfreeze()  # this process is the caller's (the workers' freeze ends with them)


def _on_dask(documents: Iterable[Document], settings: Settings, address: str) -> Iterator[tuple[Document, Extracted]]:
    try:
        from distributed import Client
    except ImportError as e:
        raise KGError("--dask needs Dask distributed; install it with 'pip install \"kg[dask]\"'") from e
    try:
        client = Client(address, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError) as e:
        raise KGError(f"no Dask scheduler answers at {address}: {e}") from e
    with client:
        workers = len(client.scheduler_info().get("workers", {}))
        if not workers:
            raise KGError(f"the Dask scheduler at {address} has no workers; start some with "
                          f"'dask worker {address} --nthreads 1'")
        yield from _ordered(lambda batch: client.submit(extract_batch, settings, batch, pure=False),
                            documents, workers)


def _ordered(submit: Callable[[list[Document]], Any], documents: Iterable[Document],
             workers: int) -> Iterator[tuple[Document, Extracted]]:
    """Submit tasks to ``workers``, at most :data:`IN_FLIGHT_PER_WORKER` full tasks' worth each
    at once; their results in input order.

    A task counts as the share of a full one it holds (documents of
    :data:`TASK_DOCUMENTS`, characters of :data:`TASK_CHARS`, the larger): the
    small last ones (:func:`evened`) go out together, so a worker does not wait
    for this process to take in a result (or flush the store) before it gets
    the next (600 KnowledgeNet documents: a worker idle 0.17 s near the end).
    """
    in_flight = workers * IN_FLIGHT_PER_WORKER
    pending: deque[tuple[list[Document], Any, float]] = deque()
    queued = 0.0
    for batch in evened(batches(documents, TASK_DOCUMENTS, TASK_CHARS, _characters), workers):
        share = max(len(batch) / TASK_DOCUMENTS, sum(map(_characters, batch)) / TASK_CHARS)
        pending.append((batch, submit(batch), share))
        queued += share
        while queued >= in_flight - 1e-9:
            batch, future, share = pending.popleft()
            queued -= share
            yield from _result(batch, future)
    while pending:
        batch, future, _ = pending.popleft()
        yield from _result(batch, future)


def evened(tasks: Iterable[list[T]], workers: int) -> Iterator[list[T]]:
    """``tasks`` in order, the last two cut into ``4 * workers`` of about equal size.

    The input's end is known only when it comes; a worker given the last,
    short task would wait for the others' full ones, and the build with it
    (a quarter of a task's time, on average, with two workers). Cut small, the
    last documents share out evenly (with 600 KnowledgeNet documents and two
    workers, pieces of 22 documents left one worker idle for 0.17 s at the end,
    of 11, 0.04-0.1 s). One task is read ahead; what each
    document gives does not depend on its task.

    >>> [len(t) for t in evened([[0] * 64] * 3 + [[0] * 24], 2)]
    [64, 64, 11, 11, 11, 11, 11, 11, 11, 11]
    >>> [len(t) for t in evened([[0] * 3], 2)], list(evened([], 2))
    ([1, 1, 1], [])
    """
    held: list[list[T]] = []
    for task in tasks:
        held.append(task)
        if len(held) > 2:
            yield held.pop(0)
    rest = [item for task in held for item in task]
    pieces = min(len(rest), 4 * workers)
    start = 0
    for i in range(pieces):
        end = start + (len(rest) - start) // (pieces - i)
        yield rest[start:end]
        start = end


def _result(batch: list[Document], future: Any) -> Iterator[tuple[Document, Extracted]]:
    yield from zip(batch, future.result())


def _characters(document: Document) -> int:
    return len(document.text)
