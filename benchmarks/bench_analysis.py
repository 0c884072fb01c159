"""Analysis at scale: ``kg path``, ``kg neighbors``, ``kg stats``, ``kg html`` and adding
10 documents, whole-process wall time on a synthetic build of N documents.

Usage: python benchmarks/bench_analysis.py [--documents 10000] [--out DIR] [--keep]

The corpus goes through the real store-writing path: synthetic
:class:`kg.types.DocumentGraph` objects (a document's text, its entities with
their mentions, its relations with their sentences and spans) are turned into
quads by :func:`kg.graph.rdf.to_quads` and written to a build's Oxigraph store,
exactly what ``kg build`` writes after extraction. Extraction itself is not run:
spaCy parsing 50,000 documents would take hours on two cores. Names come from
the KnowledgeNet and Re-DocRED annotations (``/work/shared/data``), varied
(first names and surnames recombined, organisations given suffixes, places
qualified) so that 50,000 documents hold ~160,000 entities. Each document
names 3-4 new entities and 1-2 known ones (a few hubs, a long tail) and states
2-3 relations the ontology allows between them.

Then the build's projection is made (what an older build gets on its first
analysis command) and each command runs as its own process (``python -m kg``),
timed from start to exit: path and neighbours between/around well-connected
people, stats (first run: computes and caches the metrics; second: cached),
html, and ``kg build`` of 10 real KnowledgeNet documents into the big build
(spaCy included), then stats and html again (metrics recomputed for the grown
graph). Prints a Markdown table.

Kept out of CI: 10,000 documents take a few minutes, 50,000 about half an hour.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
if not DATA.is_dir():
    DATA = Path("/work/shared/data")

# (subject class, object class) -> properties the ontology allows, and the verb written.
ALLOWED = {
    ("Person", "Organization"): [("worksFor", "works for"), ("leads", "leads"), ("memberOf", "is a member of")],
    ("Organization", "Organization"): [("subsidiaryOf", "is a subsidiary of"), ("acquired", "acquired"),
                                       ("partnerOf", "partners with"), ("investsIn", "invests in")],
    ("Organization", "Place"): [("headquarteredIn", "is headquartered in")],
    ("Person", "Place"): [("livesIn", "lives in"), ("bornIn", "was born in")],
    ("Person", "Person"): [("spouse", "is married to")],
    ("Organization", "Product"): [("develops", "develops")],
}
ORG_SUFFIXES = ["", "Inc.", "Group", "Holdings", "Labs", "Capital", "Systems", "Partners", "Media",
                "Foundation", "Bank", "Energy", "Health", "Logistics", "Ventures"]
PLACE_PREFIXES = ["", "North", "South", "East", "West", "New", "Upper", "Lower", "Port", "Fort"]
PLACE_SUFFIXES = ["", "", "", "County", "Heights", "Valley", "Springs", "Harbour"]
PRODUCT_WORDS = ["X", "Pro", "Max", "One", "Go", "Air", "Studio", "Cloud", "Edge", "Nova"]


def load_names() -> dict[str, list[str]]:
    """Person, organisation and place names from KnowledgeNet and Re-DocRED."""
    persons: set[str] = set()
    orgs: set[str] = set()
    places: set[str] = set()
    kn = DATA / "knowledgenet" / "folds1-3.jsonl"
    kinds = {"PLACE_OF_BIRTH": (persons, places), "PLACE_OF_RESIDENCE": (persons, places),
             "EMPLOYEE_OR_MEMBER_OF": (persons, orgs), "CEO": (orgs, persons),
             "SUBSIDIARY_OF": (orgs, orgs), "HEADQUARTERS": (orgs, places), "FOUNDED_BY": (orgs, persons),
             "SPOUSE": (persons, persons), "NATIONALITY": (persons, places)}
    props: dict[str, str] = {}
    with kn.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            for passage in record["passages"]:
                for p in passage["exhaustivelyAnnotatedProperties"]:
                    props[p["propertyId"]] = p["propertyName"]
                for fact in passage["facts"]:
                    sets = kinds.get(props.get(fact["propertyId"], ""))
                    if sets:
                        for bucket, text in zip(sets, (fact["subjectText"], fact["objectText"])):
                            if text[:1].isupper() and len(text) > 2:
                                bucket.add(" ".join(text.split()))
    redocred = DATA / "redocred" / "dev.json"
    if redocred.exists():
        buckets = {"PER": persons, "ORG": orgs, "LOC": places}
        for doc in json.loads(redocred.read_text(encoding="utf-8")):
            for vertex in doc["vertexSet"]:
                for m in vertex:
                    name = " ".join(m["name"].replace('"', " ").split())
                    if m["type"] in buckets and name[:1].isupper() and len(name) > 2:
                        buckets[m["type"]].add(name)
    return {"Person": sorted(persons), "Organization": sorted(orgs), "Place": sorted(places)}


class NameMaker:
    """Distinct names per class, varied from the real ones."""

    def __init__(self, names: dict[str, list[str]], rng: random.Random) -> None:
        self.rng = rng
        people = [n.split() for n in names["Person"] if len(n.split()) >= 2]
        self.first = sorted({p[0] for p in people if p[0].isalpha()})
        self.last = sorted({p[-1] for p in people if p[-1].isalpha()})
        self.orgs = names["Organization"]
        self.places = names["Place"]
        self.used: set[tuple[str, str]] = set()

    def make(self, cls: str) -> str:
        rng = self.rng
        for _ in range(1000):
            if cls == "Person":
                name = f"{rng.choice(self.first)} {rng.choice(self.last)}"
            elif cls == "Organization":
                region = rng.choice(self.places).split()[0] if rng.random() < 0.4 else ""
                name = " ".join(f"{region} {rng.choice(self.orgs)} {rng.choice(ORG_SUFFIXES)}".split())
            elif cls == "Place":
                name = " ".join(f"{rng.choice(PLACE_PREFIXES)} {rng.choice(self.places)} "
                                f"{rng.choice(PLACE_SUFFIXES)}".split())
            else:
                name = f"{rng.choice(self.orgs).split()[0]} {rng.choice(PRODUCT_WORDS)} {rng.randint(2, 99)}"
            if (cls, name.casefold()) not in self.used:
                self.used.add((cls, name.casefold()))
                return name
        raise RuntimeError(f"ran out of {cls} names")


def synthetic_graphs(n: int, seed: int = 7) -> Iterator:  # type: ignore[type-arg]
    """``n`` DocumentGraphs, seeded: each the text, entities, mentions and relations
    extraction would give for a short news-like document."""
    from kg.config import Settings
    from kg.extract.resolve import mint_iri
    from kg.types import Document, DocumentGraph, Entity, Mention, Relation

    rng = random.Random(seed)
    names = NameMaker(load_names(), rng)
    base = Settings().base_iri
    known: list[Entity] = []
    class_weights = (["Person"] * 45 + ["Organization"] * 35 + ["Place"] * 15 + ["Product"] * 5)
    for i in range(n):
        doc_id = f"synthetic-{i:06d}"
        picked: dict[str, Entity] = {}
        for _ in range(rng.choice((3, 3, 4))):
            cls = rng.choice(class_weights)
            label = names.make(cls)
            e = Entity(mint_iri(base, cls, label), cls, label)
            picked[e.iri] = e
            known.append(e)
        for _ in range(rng.choice((1, 2))):
            # a long tail, and a few hubs: half the reuse goes to the first thousand entities
            pool = known[:1000] if rng.random() < 0.5 else known
            e = rng.choice(pool)
            picked.setdefault(e.iri, e)
        entities = list(picked.values())
        pairs = [(a, b, ALLOWED[a.cls, b.cls]) for a in entities for b in entities
                 if a is not b and (a.cls, b.cls) in ALLOWED]
        rng.shuffle(pairs)
        text, mentions, relations = "", [], []
        for a, b, props in pairs[:rng.choice((2, 2, 3))]:
            prop, verb = rng.choice(props)
            start = len(text)
            sentence = f"{a.label} {verb} {b.label}."
            s_span = (start, start + len(a.label))
            o_start = start + len(a.label) + len(verb) + 2
            o_span = (o_start, o_start + len(b.label))
            text += sentence + " "
            mentions += [(a.iri, Mention(doc_id, *s_span, a.label, a.cls)),
                         (b.iri, Mention(doc_id, *o_span, b.label, b.cls))]
            relations.append(Relation(a.iri, prop, b.iri, doc_id, sentence, s_span, o_span,
                                      round(rng.uniform(0.55, 0.99), 3), "rule:svo"))
        mentioned = {iri for iri, _ in mentions}
        for e in entities:
            if e.iri not in mentioned:
                start = len(text)
                text += f"{e.label} was mentioned. "
                mentions.append((e.iri, Mention(doc_id, start, start + len(e.label), e.label, e.cls)))
        document = Document(doc_id, text.strip(), f"synthetic/{doc_id}.txt")
        yield DocumentGraph(document, tuple(entities), tuple(mentions), tuple(relations))


def write_corpus(out: Path, n: int) -> float:
    """The synthetic corpus into ``out``'s store through :func:`kg.graph.rdf.to_quads`."""
    from kg.config import Settings
    from kg.graph.rdf import to_quads
    from kg.graph.store import GraphStore
    from kg.lexicon import load_lexicon

    started = time.perf_counter()
    lexicon, base = load_lexicon(), Settings().base_iri
    store = GraphStore.open_build(out)
    batch: list = []  # type: ignore[type-arg]
    for graph in synthetic_graphs(n):
        batch.extend(to_quads(graph, lexicon, base))
        if len(batch) >= 200_000:
            store.add_quads(batch)
            batch.clear()
    store.add_quads(batch)
    store.flush()
    del store
    return time.perf_counter() - started


def real_documents(directory: Path, count: int = 10, first: int = 0) -> Path:
    """``count`` KnowledgeNet documents from the ``first``, as text files (their passages joined)."""
    directory.mkdir(parents=True, exist_ok=True)
    with (DATA / "knowledgenet" / "folds1-3.jsonl").open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i < first:
                continue
            if i >= first + count:
                break
            record = json.loads(line)
            text = " ".join(p["passageText"] for p in record["passages"])
            (directory / f"kn-{record['documentId']}.txt").write_text(text, encoding="utf-8")
    return directory


def timed(args: list[str]) -> tuple[float, str]:
    """Wall time of ``python -m kg ARGS`` as its own process, and its output."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"kg {' '.join(args)} failed:\n{done.stderr}")
    return seconds, done.stdout


def people(out: Path) -> tuple[str, str]:
    """Two well-connected people (by degree in the projection), far enough apart to ask a path."""
    from kg.analysis.projection import Projection

    projection = Projection.open(out)
    ranked = projection.top_degree("Person", 40)
    hub, other = ranked[0], ranked[-1]
    return projection.name_of(hub), projection.name_of(other)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=None, help="build directory (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the build directory")
    parser.add_argument("--first", type=int, default=0,
                        help="first KnowledgeNet document of the 10 added (another one for a build that has them)")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="kg-bench-analysis-")) / "build"
    rows: list[tuple[str, float, str]] = []
    try:
        if not (out / "store").is_dir():
            rows.append(("write the synthetic store (to_quads + Oxigraph)", write_corpus(out, args.documents), ""))
        from kg.analysis.projection import PROJECTION_FILE, Projection

        (out / PROJECTION_FILE).unlink(missing_ok=True)  # an older build: made once, with no metrics
        started = time.perf_counter()
        projection = Projection.open(out)  # missing: rebuilt once from the store, saved
        rows.append(("projection rebuilt from the store (once, older builds)", time.perf_counter() - started,
                     f"{projection.node_count():,} entities, {projection.edge_count():,} relations"))
        del projection
        a, b = people(out)
        for label, cmd in [
            ("kg path", ["path", str(out), a, b]),
            ("kg neighbors", ["neighbors", str(out), a]),
            ("kg neighbors --depth 2", ["neighbors", str(out), a, "--depth", "2"]),
            ("kg stats (first: metrics computed, cached)", ["stats", str(out)]),
            ("kg stats (cached)", ["stats", str(out)]),
            ("kg html", ["html", str(out)]),
        ]:
            seconds, text = timed(cmd)
            rows.append((label, seconds, text.splitlines()[0][:70] if text else ""))
        docs = real_documents(out.parent / f"ten-docs-{args.first}", first=args.first)
        seconds, text = timed(["build", str(docs), "-o", str(out)])
        rows.append(("kg build: add 10 real documents", seconds, text.splitlines()[0][:70] if text else ""))
        for label, cmd in [("kg path (after the build)", ["path", str(out), a, b]),
                           ("kg stats (after the build: metrics recomputed)", ["stats", str(out)]),
                           ("kg html (after the build)", ["html", str(out)])]:
            seconds, text = timed(cmd)
            rows.append((label, seconds, ""))
    finally:
        if not args.keep and args.out is None:
            shutil.rmtree(out.parent, ignore_errors=True)
    print(f"\n{args.documents:,} synthetic documents\n")
    print("| step | seconds | note |\n|---|---:|---|")
    for label, seconds, note in rows:
        print(f"| {label} | {seconds:.2f} | {note.replace('|', '/')} |")


if __name__ == "__main__":
    main()
