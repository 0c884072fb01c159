"""The kept projection (kg.analysis.projection) gives the answers of the networkx view.

Paths, neighbourhoods, rankings and communities from the projection are compared
with those of the to_networkx-based functions on the sample build (real
extraction) and on a synthetic build written through kg.graph.rdf.to_quads (the
benchmark's corpus: hubs, a long tail, symmetric relations). A projection
updated by kg build and kg remove equals one rebuilt from scratch; a store
changed behind it is seen as stale and the projection rebuilt.
"""

from __future__ import annotations

import itertools
import random
import shutil
import sys
from pathlib import Path

import networkx as nx
import pytest

from kg.analysis import answers, metrics, neighbors, shortest_path, simple_undirected, stats, to_networkx
from kg.analysis.cached import compute, graph_metrics, simple_links, simple_view
from kg.analysis.projection import PROJECTION_FILE, Projection, add_evidence, stamp
from kg.analysis.stats import stats_of
from kg.errors import EntityError
from kg.graph.store import GraphStore

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "kg" / "sample"


def tables(projection: Projection) -> tuple[list[tuple], list[tuple]]:
    nodes = sorted(projection.db.execute("SELECT iri, cls, label, alts, mentions FROM nodes"))
    edges = sorted(projection.db.execute("SELECT s, p, o, confidence, evidence FROM edges"))
    return nodes, edges


def plain(answer: dict) -> dict:
    """An answer with each evidence record as (sentence, confidence, document): records that
    tie on confidence and sentence come in no defined order, nor do their extractors."""
    def strip(link: dict) -> dict:
        return {**link, "evidence": [(e["sentence"], e["confidence"], e["document"]) for e in link["evidence"]]}

    answer = dict(answer)
    if "relations" in answer:
        answer["relations"] = [strip(link) for link in answer["relations"]]
    if "hops" in answer:
        answer["hops"] = [{**h, "relations": [strip(link) for link in h["relations"]]} for h in answer["hops"]]
    return answer


@pytest.fixture(scope="module")
def sample_copy(sample_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("projection-sample") / "build"
    shutil.copytree(sample_build / "store", out / "store")
    return out


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import bench_analysis
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    out = tmp_path_factory.mktemp("projection-synthetic") / "build"
    bench_analysis.write_corpus(out, 400)
    return out


@pytest.mark.parametrize("build", ["sample_copy", "synthetic"])
def test_the_projection_is_the_networkx_view(build: str, request: pytest.FixtureRequest) -> None:
    out = request.getfixturevalue(build)
    store = GraphStore.open_build(out, read_only=True)
    whole = to_networkx(store)
    projection = Projection.open(out, store)
    kept = projection.to_networkx()
    assert set(kept.nodes) == set(whole.nodes) and whole.number_of_nodes() > 50
    for node, data in whole.nodes(data=True):
        mine = kept.nodes[node]
        assert (mine["label"], mine["cls"], mine["mentions"]) == (data["label"], data["cls"], data["mentions"])
        assert set(mine["alt_labels"].split("; ")) == set(data["alt_labels"].split("; "))
    assert set(kept.edges(keys=True)) == set(whole.edges(keys=True))
    add_evidence(kept, store)
    for u, v, key, data in whole.edges(keys=True, data=True):
        mine = kept.edges[u, v, key]
        assert mine["confidence"] == data["confidence"]
        assert [e["sentence"] for e in mine["evidence"]] == [e["sentence"] for e in data["evidence"]]
    assert list(simple_view(projection).edges(data="weight")) == list(simple_undirected(whole).edges(data="weight"))
    assert list(simple_view(projection)) == list(simple_undirected(whole))


@pytest.mark.parametrize("build", ["sample_copy", "synthetic"])
def test_paths_and_neighbours_are_the_networkx_answers(build: str, request: pytest.FixtureRequest) -> None:
    out = request.getfixturevalue(build)
    store = GraphStore.open_build(out, read_only=True)
    whole = to_networkx(store)
    projection = Projection.open(out, store)
    rng = random.Random(3)
    nodes = sorted(whole.nodes)
    linked = [n for n in nodes if whole.degree(n)]
    big = sorted(max(nx.connected_components(simple_undirected(whole)), key=len))
    pairs = [tuple(rng.sample(linked, 2)) for _ in range(60)] + [(linked[0], linked[0])]
    pairs += [tuple(rng.sample(big, 2)) for _ in range(60)]
    connected = 0
    for a, b in pairs:
        expected = shortest_path(whole, a, b)
        found = answers.shortest_path(projection, store, a, b)
        assert (found is None) == (expected is None), (a, b)
        if expected is not None:
            connected += 1
            assert plain(found.to_dict()) == plain(expected.to_dict()), (a, b)
    assert connected > 20
    for node in rng.sample(linked, 40) + [nodes[0]]:
        for depth in (1, 2, 3):
            assert plain(answers.neighbors(projection, store, node, depth).to_dict()) == \
                plain(neighbors(whole, node, depth).to_dict()), (node, depth)


def test_names_are_read_as_the_lookup_reads_them(sample_copy: Path) -> None:
    store = GraphStore.open_build(sample_copy, read_only=True)
    whole = to_networkx(store)
    projection = Projection.open(sample_copy, store)
    from kg.analysis import find_entity

    names = ["apple", "  TIM   cook ", "AWS", "Apple (Organization)", "Aple", "Trainium", "nobody at all"]
    names += [d["label"] for _, d in list(whole.nodes(data=True))[:30]]
    for name in names:
        try:
            expected: object = find_entity(whole, name)
        except EntityError as e:
            expected = (str(e), e.candidates)
        try:
            found: object = answers.find(projection, name)
        except EntityError as e:
            found = (str(e), e.candidates)
        assert found == expected, name


@pytest.mark.parametrize("build", ["sample_copy", "synthetic"])
def test_stats_are_the_networkx_stats(build: str, request: pytest.FixtureRequest) -> None:
    out = request.getfixturevalue(build)
    store = GraphStore.open_build(out, read_only=True)
    projection = Projection.open(out, store)
    expected = stats(store).to_dict()
    assert stats_of(projection, store).to_dict() == expected
    assert stats_of(projection, store).to_dict() == expected  # from the cache
    louvain = stats(store, communities=True).to_dict()
    assert stats_of(projection, store, communities=True).to_dict() == louvain
    # the page colours kg stats' communities
    whole = simple_undirected(to_networkx(store))
    assert graph_metrics(projection).communities == [sorted(c) for c in metrics.communities(whole)]


def test_metrics_are_cached_per_version(synthetic: Path) -> None:
    store = GraphStore.open_build(synthetic, read_only=True)
    projection = Projection.open(synthetic, store)
    first = graph_metrics(projection)
    projection.db.execute("UPDATE cache SET value = replace(value, '\"components\": [', "
                          "'\"components\": [999999, ')")
    assert graph_metrics(projection).components[0] == 999999  # read back, not recomputed
    projection.db.execute("UPDATE meta SET value = value + 1 WHERE key = 'version'")
    assert graph_metrics(projection) == first  # a new version: computed again


def test_sampled_betweenness_is_networkx_s() -> None:
    g = nx.connected_watts_strogatz_graph(400, 4, 0.2, seed=5)
    g.add_edges_from([(1000, 1001), (1001, 1002)])
    sub = metrics.linked(g)
    expected = nx.betweenness_centrality(sub, k=30, seed=metrics.SEED, weight=None)
    found, samples = metrics.betweenness(g, k=30)
    assert samples == 30
    assert all(abs(found[v] - expected[v]) < 1e-12 for v in sub)
    ranking = sorted(expected, key=lambda v: (-expected[v], v))[:20]
    assert sorted(found, key=lambda v: (-found[v], v))[:20] == ranking


@pytest.mark.parametrize("seed", range(4))
def test_label_propagation_is_networkx_s(seed: int) -> None:
    g = nx.gnm_random_graph(600, 700, seed=seed)
    g.add_nodes_from(range(600, 620))  # unlinked: left out
    expected = sorted(sorted(c) for c in nx.community.label_propagation_communities(metrics.linked(g)) if len(c) > 1)
    assert sorted(map(sorted, metrics.communities(g, method="label_propagation"))) == expected


@pytest.mark.parametrize("seed", range(3))
def test_pagerank_is_networkx_s(seed: int) -> None:
    g = nx.gnm_random_graph(500, 450, seed=seed)
    g.add_edges_from([(3, 3), (600, 600), (601, 602)])  # self-loops, one on a node alone
    g.add_nodes_from(range(700, 720))  # unlinked (dangling)
    expected = nx.pagerank(g, weight=None)
    found = metrics.pagerank(g)
    assert list(found) == list(expected)
    assert max(abs(found[v] - expected[v]) for v in g) < 1e-10
    assert metrics.pagerank(metrics.Links.of(g)) == found


def test_the_projection_s_links_are_its_view(synthetic: Path) -> None:
    projection = Projection.open(synthetic, GraphStore.open_build(synthetic, read_only=True))
    links, view = simple_links(projection), simple_view(projection)
    assert links.nodes == list(view)
    assert (links.matrix != metrics.Links.of(view).matrix).nnz == 0
    assert links.number_of_edges() == view.number_of_edges()
    assert metrics.component_sizes(links) == sorted(map(len, nx.connected_components(view)), reverse=True)
    assert compute(links, method="label_propagation") == compute(view, method="label_propagation")
    assert compute(links) == compute(view)  # Louvain: on the view itself


def test_compute_agrees_with_the_metrics_module() -> None:
    g = nx.karate_club_graph()
    found = compute(g)
    assert found.pagerank == metrics.pagerank(g)
    assert found.communities == [sorted(c) for c in metrics.communities(g)]
    assert found.components == [34]


def test_a_store_changed_behind_the_projection_is_rebuilt(synthetic: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    shutil.copytree(synthetic / "store", out / "store")
    store = GraphStore.open_build(out)
    projection = Projection.open(out, store)
    version = projection.version
    assert Projection.open(out, store).version == version  # up to date: kept
    store.update("""PREFIX kg: <https://w3id.org/kg/ontology#>
      PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
      INSERT DATA { <https://w3id.org/kg/id/Person/Zed_Zulu> a kg:Person ; rdfs:label "Zed Zulu" . }""")
    assert stamp(store) != projection.meta("stamp")
    rebuilt = Projection.open(out, store)
    assert rebuilt.version == version + 1
    assert rebuilt.node("https://w3id.org/kg/id/Person/Zed_Zulu")["label"] == "Zed Zulu"
    assert tables(rebuilt) == tables(Projection.rebuild(tmp_path / "build", store))
    (out / PROJECTION_FILE).unlink()
    assert Projection.open(out, store).node_count() == rebuilt.node_count()  # missing: made again


def test_build_and_remove_keep_the_projection_equal_to_a_rebuild(tmp_path: Path) -> None:
    from kg.pipeline import build, remove

    out = tmp_path / "build"
    texts = tmp_path / "texts"
    texts.mkdir()
    for name in ("nvidia-gpus.txt", "microsoft-cloud.txt"):
        shutil.copy(SAMPLE / name, texts / name)
    build([texts / "nvidia-gpus.txt", texts / "microsoft-cloud.txt"], out, html=False, ttl=False)
    assert (out / PROJECTION_FILE).exists()

    def check() -> tuple[list[tuple], list[tuple]]:
        store = GraphStore.open_build(out, read_only=True)
        kept = Projection.open(out, store)
        assert kept.meta("stamp") == stamp(store)  # up to date: not rebuilt by open
        scratch = tmp_path / "scratch"
        scratch.mkdir(exist_ok=True)
        assert tables(kept) == tables(Projection.rebuild(scratch, store))
        return tables(kept)

    before = check()
    version = Projection.open(out).version
    report = build([SAMPLE / "google-deepmind.md", SAMPLE / "anthropic-chips.html"], out, html=True, ttl=False)
    assert report.documents == 2
    grown = check()
    assert len(grown[0]) > len(before[0]) and Projection.open(out).version == version + 1
    # a new text of a known source replaces the old one
    nvidia = texts / "nvidia-gpus.txt"
    nvidia.write_text(nvidia.read_text(encoding="utf-8").split("\n\n")[0], encoding="utf-8")
    assert build([nvidia], out, html=False, ttl=False).replaced == 1
    replaced = check()
    assert replaced != grown
    removal, missing = remove(out, [str(texts / "microsoft-cloud.txt")], html=True, ttl=False)
    assert removal and not missing
    shrunk = check()
    assert len(shrunk[0]) < len(replaced[0])
    assert (out / "graph.html").exists()


def test_graph_ttl_is_left_alone_on_big_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.pipeline
    from kg.cli import main

    monkeypatch.setattr(kg.pipeline, "TTL_MAX_DOCUMENTS", 0)
    out = tmp_path / "build"
    report = kg.pipeline.build([SAMPLE / "nvidia-gpus.txt"], out, html=False)
    assert report.ttl_skipped == 1 and not (out / "graph.ttl").exists()
    assert "'kg build --ttl' rewrites it" in report.to_text()
    assert main(["build", str(SAMPLE / "microsoft-cloud.txt"), "-o", str(out), "--ttl", "--no-html", "-q"]) == 0
    assert (out / "graph.ttl").stat().st_size > 1000


def test_the_default_page_of_a_big_graph_draws_what_the_filters_would(synthetic: Path, tmp_path: Path) -> None:
    import json

    from kg.analysis.cached import write_page
    from kg.viz import write_html

    store = GraphStore.open_build(synthetic, read_only=True)
    projection = Projection.open(synthetic, store)
    fast = write_page(projection, store, tmp_path / "fast.html", max_nodes=60).read_text(encoding="utf-8")
    kept = write_html(projection.to_networkx(evidence=True, store=store), tmp_path / "kept.html", max_nodes=60)
    whole = write_html(to_networkx(store), tmp_path / "whole.html", max_nodes=60).read_text(encoding="utf-8")

    def drawn(page: str) -> str:
        return page[page.index("nodes = new vis.DataSet"):]

    def nodes(page: str) -> set[str]:
        line = drawn(page).split("\n", 1)[0]
        return {n["id"] for n in json.loads(line[line.index("(") + 1:line.rindex(")")])}

    assert drawn(fast) == drawn(kept.read_text(encoding="utf-8"))  # the same page, without the whole view
    assert nodes(fast) == nodes(whole) and len(nodes(fast)) == 60  # the entities today's code draws


EXTRA = {  # names the sample corpus holds, written the ways resolution joins them
    "extra-nvidia.txt": "Huang spoke in Taipei. Nvidia Corporation said TSMC will build more GPUs for "
                        "Jensen Huang's company. Chris Malachowsky joined him at Nvidia.",
    "extra-cloud.txt": "Amazon Web Services (AWS) competes with Microsoft Azure. Satya Nadella said "
                       "Microsoft Corp. works with OpenAI. Nadella was in Redmond.",
    "extra-apple.txt": "Apple Inc. opened an office in Cupertino. Tim Cook said Cook's team designs "
                       "chips for the iPhone. Steve Wozniak visited Apple.",
}


def test_names_are_read_on_demand_with_the_answers_of_a_whole_read(sample_build: Path) -> None:
    import pyoxigraph as ox

    from kg.extract.known import oxigraph_order, read_all, read_on_demand
    from kg.graph.rdf import RDF_TYPE, kg_term
    from kg.lexicon import load_lexicon

    store = GraphStore.open_build(sample_build, read_only=True)
    classes = load_lexicon().classes
    whole = read_all(store, classes)
    projection = Projection.matching(sample_build, stamp(store))
    assert projection is not None
    lazy = read_on_demand(store, classes, projection)
    assert not lazy.entries  # nothing read yet
    for key, entities in whole.entries.items():
        assert lazy.named(key) == entities, key
        assert lazy.weak.get(key, set()) == whole.weak.get(key, set()), key
    assert lazy.named("no such name") == []
    assert set(lazy.entries) == set(whole.entries)
    # the order read_all sees a class's entities in (which one a shared name finds)
    for cls in classes:
        seen = [q.subject.value for q in store.store.quads_for_pattern(None, RDF_TYPE, kg_term(cls), ox.DefaultGraph())]
        assert seen == sorted(seen, key=oxigraph_order), cls
    projection.close()


def test_a_build_into_a_build_reads_names_on_demand_with_the_same_graph(
        sample_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.pipeline
    from kg.pipeline import build

    texts = tmp_path / "texts"
    texts.mkdir()
    for name, text in EXTRA.items():
        (texts / name).write_text(text, encoding="utf-8")
    whole_reads = []
    read_all = kg.pipeline.read_all
    monkeypatch.setattr(kg.pipeline, "read_all", lambda *a: whole_reads.append(a) or read_all(*a))
    graphs = {}
    for kind in ("eager", "lazy"):
        out = tmp_path / kind
        shutil.copytree(sample_build / "store", out / "store")
        if kind == "lazy":
            shutil.copy(sample_build / PROJECTION_FILE, out / PROJECTION_FILE)  # else read whole
        whole_reads.clear()
        report = build([texts], out, html=False, ttl=True)
        assert report.documents == len(EXTRA) and not report.errors
        assert len(whole_reads) == (1 if kind == "eager" else 0)
        graphs[kind] = (out / "graph.ttl").read_bytes()
    assert graphs["lazy"] == graphs["eager"]
    assert graphs["lazy"] != (sample_build / "graph.ttl").read_bytes()
    # the new documents found the sample's entities (the index was used, not bypassed)
    store = GraphStore.open_build(tmp_path / "lazy", read_only=True)
    rows = store.query("""SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {
        <https://w3id.org/kg/id/Person/Jensen_Huang> kg:mentionedIn ?d }""")
    assert int(next(iter(rows))["n"].value) >= 2


def test_metrics_of_a_build_kg_may_not_write_are_computed_not_refused(synthetic: Path) -> None:
    import sqlite3

    store = GraphStore.open_build(synthetic, read_only=True)
    projection = Projection.open(synthetic, store)
    expected = graph_metrics(projection)
    path = projection.db.execute("PRAGMA database_list").fetchone()[2]
    projection.db.execute("DELETE FROM cache")
    projection.db.commit()
    projection.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)  # as a write-protected file opens
    assert graph_metrics(projection) == expected
