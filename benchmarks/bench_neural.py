"""kg build with and without the neural relation reader, against bare spaCy, in one run.

Usage: python benchmarks/bench_neural.py [--knowledgenet 600] [--n-process 1]

The corpus and the builds are those of ``bench_build.py`` (whole ``kg build``
processes on the first N KnowledgeNet documents; bare ``nlp.pipe`` in this
process before and after, the faster counts): one build with the bundled pair
classifier, one with ``--relation-model neural``. Prints words/s, each
build's ratio to bare spaCy (the issue asks >= 0.4 with the neural reader),
its CPU seconds, its peak resident memory, and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import corpus_texts, SEED  # noqa: E402


def build(corpus: Path, out: Path, *options: str) -> dict[str, float]:
    """Seconds, CPU seconds and peak RSS (MB) of one whole ``kg build`` process."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out), "-q",
                                "--no-html", *options], env={**os.environ, "PYTHONHASHSEED": "0"})
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"kg build {' '.join(options)} failed ({status})")
    return {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "peak_mb": usage.ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--knowledgenet", type=int, default=600, metavar="N")
    parser.add_argument("--n-process", default="1")
    args = parser.parse_args()

    from kg.config import Settings
    from kg.extract.nlp import load_nlp

    texts = corpus_texts(0, SEED, args.knowledgenet)
    settings = Settings()
    nlp = load_nlp(settings.model)
    nlp("warm up")

    def bare_spacy() -> tuple[int, float]:
        started = time.perf_counter()
        words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=settings.batch_size))
        return words, time.perf_counter() - started

    words, before = bare_spacy()
    runs: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("\n".join(json.dumps({"text": t}) for t in texts), encoding="utf-8")
        for name, options in (("pairs", ()), ("neural", ("--relation-model", "neural"))):
            runs[name] = build(corpus, Path(tmp) / name, "--n-process", args.n_process, *options)
    _, after = bare_spacy()
    spacy_seconds = min(before, after)
    print(json.dumps({
        "documents": len(texts), "words": words, "n_process": int(args.n_process),
        "spacy_words_per_s": round(words / spacy_seconds), "load_average": round(os.getloadavg()[0], 2),
        "builds": {name: {"seconds": round(r["seconds"], 1), "words_per_s": round(words / r["seconds"]),
                          "kg_over_spacy": round(spacy_seconds / r["seconds"], 2),
                          "cpu_seconds": round(r["cpu_seconds"], 1), "peak_mb": round(r["peak_mb"])}
                   for name, r in runs.items()},
    }, indent=2))


if __name__ == "__main__":
    main()
