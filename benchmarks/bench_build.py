"""kg build throughput against bare spaCy on the same text, in the same run.

Usage: python benchmarks/bench_build.py [--docs N] [--text FILE]

Builds N copies of an article (each made unique, so none is skipped) with
``kg.pipeline.build`` (no HTML) and runs bare ``nlp.pipe`` with the same
model and batch size on the same texts. Prints words/s for both and the
ratio; "extra work" is kg's time beyond spaCy's, as a share of spaCy's.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "apple-aws-trainium2.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--text", type=Path, default=SEED)
    args = parser.parse_args()

    from kg.config import Settings
    from kg.extract.nlp import load_nlp
    from kg.pipeline import build

    text = args.text.read_text(encoding="utf-8")
    texts = [f"{text}\n(Copy {i}.)" for i in range(args.docs)]
    settings = Settings()
    nlp = load_nlp(settings.model)
    nlp("warm up")

    def bare_spacy() -> tuple[int, float]:
        started = time.perf_counter()
        words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=settings.batch_size))
        return words, time.perf_counter() - started

    words, before = bare_spacy()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("\n".join(json.dumps({"text": t}) for t in texts), encoding="utf-8")
        started = time.perf_counter()
        report = build([corpus], Path(tmp) / "out", settings, html=False)
        kg_seconds = time.perf_counter() - started
    _, after = bare_spacy()
    spacy_seconds = min(before, after)  # the faster of two runs, before and after kg

    result = {
        "documents": report.documents, "words": words,
        "spacy_words_per_s": round(words / spacy_seconds),
        "kg_words_per_s": round(words / kg_seconds),
        "kg_over_spacy_time": round(kg_seconds / spacy_seconds, 2),
        "extra_work_share_of_spacy": round((kg_seconds - spacy_seconds) / spacy_seconds, 2),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
