"""Precision of worksFor and livesIn on Re-DocRED's held-out half, by its gold and by reading.

Re-DocRED's gold rarely holds a residence (P551: 15 facts in the 500 dev documents)
or an employer (P108), so facts the text states ("She lives and works in
Gloucester, Massachusetts", "he joined the faculty of the University of Hamburg")
count as wrong. ``benchmarks/judged/redocred-fold2.jsonl`` holds a verdict for each
worksFor and livesIn fact kg stated on ``--fold 2`` that the gold counted wrong (at
0295687's parent, b2a4a91), read against its document by an annotator who had not
seen kg's code: ``stated`` (the text says it), ``membership`` or ``military`` (the
text says the person belongs to or served in it: not employment), ``not_stated``,
``wrong_entity`` (a name cut or a title taken for an organisation). This script
builds the fold again, joins kg's wrong-by-gold facts to the verdicts (by document,
property, subject and object text) and prints precision by the gold and by the gold
plus the facts read as stated. A fact not judged yet counts as wrong; a judged fact
kg no longer states counts nowhere.

Usage::

    python benchmarks/judged_redocred.py            # needs ../shared/data/redocred/dev.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
JUDGED = HERE / "judged" / "redocred-fold2.jsonl"
PROPERTIES = ("worksFor", "livesIn")


def key(fact: dict) -> tuple[str, str, str, str]:
    return fact["document"], fact["label"], fact["subject"], fact["object"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", default=str(HERE.parent.parent / "shared" / "data" / "redocred" / "dev.json"))
    args = parser.parse_args(argv)
    verdicts = {key(j): j["verdict"] for j in map(json.loads, JUDGED.read_text(encoding="utf-8").splitlines())}
    with tempfile.TemporaryDirectory() as tmp:
        errors = Path(tmp) / "errors.jsonl"
        scores = subprocess.run([sys.executable, "-m", "kg", "eval", "redocred", args.dev, "--fold", "2",
                                 "--json", "--errors", str(errors)], check=True, capture_output=True, text=True)
        by_label = json.loads(scores.stdout)["tasks"]["facts"]["by_label"]
        wrong = [f for f in map(json.loads, errors.read_text(encoding="utf-8").splitlines())
                 if f["kind"] == "fp" and f["label"] in PROPERTIES]
    print(f"{'property':<10} {'stated':>6} {'gold right':>10} {'P gold':>7} {'read stated':>11} "
          f"{'P gold+read':>11}  other verdicts; not judged")
    for prop in PROPERTIES:
        right = by_label.get(prop, {}).get("tp", 0)
        mine = [f for f in wrong if f["label"] == prop]
        seen = Counter(verdicts.get(key(f), "not judged") for f in mine)
        total = right + len(mine)
        read = seen.pop("stated", 0)
        p_gold = right / total if total else 0.0
        p_read = (right + read) / total if total else 0.0
        print(f"{prop:<10} {total:>6} {right:>10} {p_gold:>7.2f} {read:>11} {p_read:>11.2f}  {dict(seen)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
