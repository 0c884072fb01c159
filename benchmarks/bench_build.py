"""kg build throughput against bare spaCy on the same text, in the same run.

Usage: python benchmarks/bench_build.py [--docs N | --knowledgenet N] [--text FILE]
                                        [--n-process 1,2] [--dask] [--html] [--stages]

The corpus is N copies of an article (each made unique, so none is skipped),
or the first N KnowledgeNet documents (``--knowledgenet 600``). Each build is a
whole process (``python -m kg build CORPUS -o OUT --no-html``: imports, model
loading, the store, graph.ttl), as a user runs it; bare ``nlp.pipe`` runs with
the same model and batch size on the same texts, in this process, before and
after (the faster counts; each run with the model freshly loaded, not timed, so that
neither has seen the texts before). Bare means the model as
``spacy.load`` gives it (``--baseline stock``, the default); ``--baseline kg``
runs kg's own pipeline instead (``kg.extract.nlp.load_nlp``: the gazetteer
ruler and two small components added, the attribute ruler's matches found by
look-up). Prints words/s for each and
the ratios (and CPU seconds: on a shared machine the wall clock moves with the
others' load; ``kg_over_spacy_cpu`` is the ratio of CPU seconds): ``kg_over_spacy`` (the issue asks >= 0.67 for one worker) and each
build against the one-worker build (``speedup``, >= 1.8 for two workers on two
cores). ``--stages``: one more build, in this process, with spaCy's parse and kg's
extraction timed apart (``extraction_over_spacy``: the trust issue asks < 0.5).
``--dask``: one more build on a LocalCluster of as many one-thread
workers as the largest ``--n-process``, started here (its start-up not timed;
its CPU seconds are the client's only).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "apple-aws-trainium2.txt"
KNOWLEDGENET = ROOT.parent / "shared" / "data" / "knowledgenet" / "folds1-3.jsonl"


def corpus_texts(docs: int, text: Path, knowledgenet: int | None) -> list[str]:
    """The benchmark's texts: KnowledgeNet documents, or unique copies of one article."""
    if knowledgenet:
        from kg.evaluation.datasets import read_knowledgenet

        return [d.text for d in read_knowledgenet(KNOWLEDGENET, limit=knowledgenet)]
    seed = text.read_text(encoding="utf-8")
    return [f"{seed}\n(Copy {i}.)" for i in range(docs)]


CPU: dict[str, float] = {}  # build -> CPU seconds of its processes (user + system)


def compile_kg() -> None:
    """Byte-compile kg's modules once, as ``pip install`` does for the packages it installs
    (spaCy's among them). A checkout installed with ``pip install -e`` and run under
    PYTHONDONTWRITEBYTECODE=1 (this machine's default) would otherwise compile its 112
    modules from source in every build process and worker: 0.2 s of each."""
    import compileall

    import kg

    compileall.compile_dir(Path(kg.__file__).parent, quiet=1)


def timed_build(corpus: Path, out: Path, *options: str) -> float:
    """Seconds for one whole ``kg build`` process (its CPU seconds go to :data:`CPU`)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out), "-q", *options],
                   check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU[out.name] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds


def stage_seconds(corpus: Path, out: Path) -> dict[str, float]:
    """CPU seconds of spaCy's parse and of kg's extraction on top of it (mentions,
    resolution, the rules and the classifier: ``kg.distributed.extract_one``; the
    resolution across documents: ``merge``) in a one-worker build run in this
    process; the issue asks extraction < half of spaCy. Reading the input is
    counted as spaCy's (documents are read as the parser asks for them)."""
    import kg.distributed as distributed
    import kg.pipeline as pipeline
    from kg.cli import main as kg_main
    from kg.pipeline import Pipeline

    spent = {"spacy": 0.0, "extraction": 0.0}
    extract_one, merge, parse = distributed.extract_one, pipeline.merge, Pipeline.parse

    def timed(function):  # type: ignore[no-untyped-def]
        def run(*args, **kwargs):  # type: ignore[no-untyped-def]
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent["extraction"] += time.process_time() - started
        return run

    def timed_parse(self, documents):  # type: ignore[no-untyped-def]
        parsed = parse(self, documents)
        while True:
            started = time.process_time()
            try:
                item = next(parsed)
            except StopIteration:
                return
            finally:
                spent["spacy"] += time.process_time() - started
            yield item

    distributed.extract_one, pipeline.merge, Pipeline.parse = timed(extract_one), timed(merge), timed_parse
    try:
        kg_main(["build", str(corpus), "-o", str(out), "-q", "--no-html", "--n-process", "1"])
    except SystemExit as e:
        if e.code:
            raise
    finally:
        distributed.extract_one, pipeline.merge, Pipeline.parse = extract_one, merge, parse
    return {"spacy_cpu_seconds": round(spent["spacy"], 2), "extraction_cpu_seconds": round(spent["extraction"], 2),
            "extraction_over_spacy": round(spent["extraction"] / spent["spacy"], 2)}


def stock_pipeline(name: str | None):  # type: ignore[no-untyped-def]
    """The model as ``spacy.load`` gives it (kg's default model when ``name`` is None)."""
    import spacy

    from kg.config import DEFAULT_MODELS

    for candidate in (name,) if name else DEFAULT_MODELS:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise SystemExit(f"no spaCy model among {(name,) if name else DEFAULT_MODELS} is installed")


def _out(name: str) -> str:
    return f"out{name.split('=')[-1]}" if "=" in name else "outd"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100, help="copies of --text (default 100)")
    parser.add_argument("--text", type=Path, default=SEED)
    parser.add_argument("--knowledgenet", type=int, metavar="N", help="the first N KnowledgeNet documents")
    parser.add_argument("--n-process", default="1", help="worker counts to build with, e.g. 1,2")
    parser.add_argument("--dask", action="store_true", help="also build on a local Dask cluster")
    parser.add_argument("--html", action="store_true", help="write graph.html too")
    parser.add_argument("--baseline", choices=("stock", "kg"), default="stock",
                        help="bare nlp.pipe with the model as spacy.load gives it (default) or as kg loads it")
    parser.add_argument("--stages", action="store_true",
                        help="also time spaCy and kg's extraction apart, in a build in this process")
    args = parser.parse_args()

    from kg.config import Settings
    from kg.extract.nlp import _load, load_nlp

    texts = corpus_texts(args.docs, args.text, args.knowledgenet)
    settings = Settings()
    nlp = stock_pipeline(settings.model) if args.baseline == "stock" else load_nlp(settings.model)  # its name

    def bare_spacy() -> tuple[int, float]:
        # A freshly loaded model each time, as a build has: one that has parsed these texts
        # before has their words in its vocabulary and tokenizer cache (11% less CPU).
        fresh = stock_pipeline(settings.model) if args.baseline == "stock" else _load.__wrapped__(settings.model, None)
        fresh("warm up")
        started, cpu = time.perf_counter(), time.process_time()
        words = sum(len(doc) for doc in fresh.pipe(texts, batch_size=settings.batch_size))
        CPU["spacy"] = min(CPU.get("spacy", 1e9), time.process_time() - cpu)
        return words, time.perf_counter() - started

    compile_kg()
    words, before = bare_spacy()
    workers = [int(n) for n in args.n_process.split(",")]
    extra = [] if args.html else ["--no-html"]
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("\n".join(json.dumps({"text": t}) for t in texts), encoding="utf-8")
        for n in workers:
            seconds[f"n_process={n}"] = timed_build(corpus, Path(tmp) / f"out{n}", "--n-process", str(n), *extra)
        if args.dask:
            from dask.distributed import LocalCluster

            with LocalCluster(n_workers=max(workers), threads_per_worker=1, processes=True,
                              host="127.0.0.1", dashboard_address=None) as cluster:
                seconds["dask"] = timed_build(corpus, Path(tmp) / "outd", "--dask", cluster.scheduler_address,
                                              *extra)
        stages = stage_seconds(corpus, Path(tmp) / "outs") if args.stages else None
        graphs = {name: Path(tmp) / _out(name) / "graph.ttl" for name in seconds}
        same = len({p.read_bytes() for p in graphs.values() if p.exists()}) == 1
    _, after = bare_spacy()
    spacy_seconds = min(before, after)  # the faster of two runs, before and after kg
    one = seconds.get("n_process=1")
    result = {
        "documents": len(texts), "words": words, "cores": os.cpu_count(),
        "baseline": f"{args.baseline}: {nlp.meta.get('name')} {nlp.pipe_names}",
        "spacy_words_per_s": round(words / spacy_seconds),
        "spacy_cpu_seconds": round(CPU["spacy"], 2),
        "load_average": round(os.getloadavg()[0], 2),
        "builds": {name: {"seconds": round(s, 2), "words_per_s": round(words / s),
                          "cpu_seconds": round(CPU[_out(name)], 2),
                          "kg_over_spacy": round(spacy_seconds / s, 2),
                          "kg_over_spacy_cpu": round(CPU["spacy"] / CPU[_out(name)], 2),
                          **({"speedup": round(one / s, 2)} if one else {})}
                   for name, s in seconds.items()},
        "same_graph_ttl": same,
        **({"stages": stages} if stages else {}),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
