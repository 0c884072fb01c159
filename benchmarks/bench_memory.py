"""Peak memory of a build against its size: a build of 10x the documents should not need 10x the memory.

Usage: python benchmarks/bench_memory.py [--sizes 2000,20000] [--n-process 1]

Each corpus is small documents: the first sentence of a KnowledgeNet document
(cycled) and a sentence naming a person, a company and a city drawn from
lists, so names repeat across documents as in news and new ones keep coming
(about one new entity every other document). Each size is built in a fresh
process (``kg build CORPUS -o OUT --no-html``, the store on disk), which
reports its own peak RSS (``ru_maxrss``; with ``--n-process N`` the largest of
the build's processes). Prints seconds, words and peak RSS per size and the
ratio of the largest to the smallest (the issue asks <= 1.3 for 20,000 against
2,000 documents).
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

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGENET = ROOT.parent / "shared" / "data" / "knowledgenet" / "folds1-3.jsonl"
FIRST = ["Anna", "Boris", "Chiara", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas",
         "Kavya", "Lars", "Maya", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Stefan", "Tariq"]
LAST = ["Berg", "Castillo", "Dahl", "Eriksen", "Fischer", "Garcia", "Haugen", "Ivanova", "Jensen", "Kowalski",
        "Larsen", "Moreau", "Novak", "Okafor", "Petrov", "Quist", "Rossi", "Silva", "Tanaka", "Urban"]
COMPANY = ["Nordlys", "Brightwater", "Kestrel", "Ironbark", "Silverline", "Bluepeak", "Redwood", "Starling",
           "Goldcrest", "Northgate", "Clearview", "Riverside", "Stonebridge", "Highfield", "Oakmont"]
KIND = ["Systems", "Analytics", "Robotics", "Energy", "Foods", "Media", "Logistics", "Labs"]
CITY = ["Oslo", "Bergen", "Lyon", "Porto", "Leeds", "Graz", "Turin", "Ghent", "Malmo", "Tartu",
        "Krakow", "Seville", "Utrecht", "Aarhus", "Bremen", "Bilbao"]


def corpus(n: int) -> list[str]:
    """``n`` small documents with names that repeat and names that are new."""
    from kg.evaluation.datasets import read_knowledgenet

    firsts = [d.passages[0].text for d in read_knowledgenet(KNOWLEDGENET, limit=600) if d.passages]
    texts = []
    for i in range(n):
        person = f"{FIRST[i % 20]} {chr(65 + (i // 400) % 26)}. {LAST[(i // 20) % 20]}"  # 10,400 people
        company = f"{COMPANY[(i * 7) % 15]} {KIND[(i // 15) % 8]}"
        texts.append(f"{firsts[i % len(firsts)]} {person} joined {company} in {CITY[i % 16]} (note {i}).")
    return texts


def one(n: int, n_process: int) -> dict[str, float]:
    """Build ``n`` documents here and report this process's peak RSS."""
    from kg.config import Settings
    from kg.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        path.write_text("\n".join(json.dumps({"text": t}) for t in corpus(n)), encoding="utf-8")
        started = time.perf_counter()
        report = build([path], Path(tmp) / "out", Settings(n_process=n_process), html=False)
        seconds = time.perf_counter() - started
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {"documents": report.documents, "words": report.words, "seconds": round(seconds, 1),
            "peak_rss_mb": round(peak / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,20000", help="corpus sizes, comma-separated")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child: build this many
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.n_process)))
        return
    results = {}
    for n in (int(s) for s in args.sizes.split(",")):
        done = subprocess.run([sys.executable, __file__, "--one", str(n), "--n-process", str(args.n_process)],
                              check=True, capture_output=True, text=True)
        results[n] = json.loads(done.stdout.strip().splitlines()[-1])
        print(json.dumps({n: results[n]}), flush=True)
    sizes = sorted(results)
    print(json.dumps({"peak_rss_ratio": round(results[sizes[-1]]["peak_rss_mb"] / results[sizes[0]]["peak_rss_mb"], 2),
                      "sizes": f"{sizes[-1]} against {sizes[0]} documents"}))


if __name__ == "__main__":
    main()
