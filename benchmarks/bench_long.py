"""Wall time and peak memory of ``kg build`` on long documents.

Builds, each in a fresh process, a text file of about 1.2 million characters
(longer than spaCy's ``nlp.max_length``) and, with ``--big``, one of 50 MB,
and prints the wall time, the peak resident memory and what was built. The
peak is given twice: up to the last document written ("extraction": spaCy,
the extractors, the store's write buffers) and over the whole build (then the
kept projection, the counts and graph.ttl are made from the store).
The 50 MB case (2,500 parts, ~10M words) is long: on two cores it reads 250 parts
in about 200 s, so over half an hour in all; run it rarely. ``--mb N`` builds
one file of N MB instead, to see how memory grows with the size.

Usage::

    python benchmarks/bench_long.py            # the 1.2M-character case
    python benchmarks/bench_long.py --big      # and the 50 MB case
    python benchmarks/bench_long.py --mb 5     # a 5 MB file only
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.ingest import sample_corpus_path

SIZES = {"1.2M chars": 1_200_000, "50 MB": 50_000_000}


def write_long_text(path: Path, size: int) -> None:
    """Write about ``size`` characters of news paragraphs, each one different."""
    sample = sample_corpus_path()
    paragraphs = [p.strip() for f in sorted(sample.glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    total = n = 0
    with path.open("w", encoding="utf-8") as f:
        while total < size:
            paragraph = f"Report {n}. {paragraphs[n % len(paragraphs)]}\n\n"
            total += f.write(paragraph)
            n += 1


def run_case(path: Path) -> dict[str, object]:
    """Build ``path`` in this process; return the figures."""
    import kg.analysis.projection
    import kg.pipeline
    from kg.pipeline import build

    read = kg.pipeline.read_documents

    def counted(*args, **kwargs):  # progress on stderr: the 50 MB case runs long
        started = time.perf_counter()
        for n, document in enumerate(read(*args, **kwargs), start=1):
            if n % 250 == 0:
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
                print(f"{n} documents read, {time.perf_counter() - started:.0f} s, "
                      f"peak RSS {rss} MB", file=sys.stderr, flush=True)
            yield document

    kg.pipeline.read_documents = counted
    finish = kg.analysis.projection.Follow.finish
    extraction_peak = []

    def finishing(self, store):  # type: ignore[no-untyped-def]  # the end of the build starts here
        extraction_peak.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        return finish(self, store)

    kg.analysis.projection.Follow.finish = finishing
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        report = build([path], Path(tmp) / "out", html=False)
        seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"chars": path.stat().st_size, "seconds": round(seconds, 1), "peak_rss_mb": round(peak_mb),
            "extraction_peak_mb": round(extraction_peak[0]) if extraction_peak else None,
            "documents": report.documents, "words": report.words,
            "entities": sum(report.entities.values()), "relations": sum(report.relations.values()),
            "errors": [str(e) for e in report.errors]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", action="store_true", help="also build the 50 MB file")
    parser.add_argument("--mb", type=float, help="build one file of this many MB instead")
    parser.add_argument("--case", type=Path, help=argparse.SUPPRESS)  # child process
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case)))
        return
    sizes = {f"{args.mb:g} MB": int(args.mb * 1_000_000)} if args.mb else SIZES
    for name, size in sizes.items():
        if size > 10_000_000 and not (args.big or args.mb):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "long.txt"
            write_long_text(path, size)
            child = subprocess.run([sys.executable, __file__, "--case", str(path)],
                                   stdout=subprocess.PIPE, text=True, check=True)
        result = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"{name}: {result['seconds']} s, peak RSS {result['peak_rss_mb']} MB "
              f"({result['extraction_peak_mb']} MB up to the last document written), "
              f"{result['documents']} document(s), {result['words']} words, "
              f"{result['entities']} entities, {result['relations']} relations"
              + (f", errors: {result['errors']}" if result["errors"] else ""))


if __name__ == "__main__":
    main()
