"""networkx analysis: stats (rankings, communities, components), paths, neighbours.

The seed article's graph (checked with ``kg query``) has
Benoit Dupin -worksFor-> Apple -uses-> Trainium2 ("Apple's exploration of Amazon's new
Trainium2 chip"), so the shortest path between Dupin and Trainium2 is those two hops.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from kg.analysis import (
    filter_graph,
    find_entities,
    find_entity,
    metrics,
    neighbors,
    shortest_path,
    simple_undirected,
)
from kg.cli import main
from kg.errors import EntityError, KGError
from kg.graph.knowledge import KnowledgeGraph

REPO = Path(__file__).resolve().parents[1]
SEED_NAME = "apple-aws-trainium2.txt"


def kg(*args: object) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=300)


def assert_one_error_line(result: subprocess.CompletedProcess[str], *words: str) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), result.stderr
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def toy() -> nx.MultiDiGraph:
    """Two entities both called Apple, and a chain a -> b <- c; d alone."""
    g = nx.MultiDiGraph()
    for iri, label, cls, alts in [("o", "Apple", "Organization", "Apple Inc"), ("p", "Apple", "Product", ""),
                                  ("a", "Ann Lee", "Person", "Lee"), ("b", "Bolt", "Organization", "BLT"),
                                  ("c", "Cog", "Product", ""), ("d", "Dot", "Place", "")]:
        g.add_node(iri, label=label, cls=cls, alt_labels=alts, mentions=1)
    ev = [{"sentence": "Ann Lee works for Bolt.", "source": "t.txt"}]
    g.add_edge("a", "b", key="worksFor", predicate="worksFor", label="works for", confidence=0.9, evidence=ev)
    g.add_edge("c", "b", key="develops", predicate="develops", label="develops", confidence=0.8,
               evidence=[{"sentence": "Bolt develops Cog.", "source": "t.txt"}])
    g.add_edge("o", "p", key="develops", predicate="develops", label="develops", confidence=0.9, evidence=ev)
    return g


# ---- the seed article -----------------------------------------------------------


def test_path_from_dupin_to_trainium2_runs_through_apple(seed_build: Path) -> None:
    path = KnowledgeGraph(seed_build).path("Benoit Dupin", "Trainium2")
    assert path is not None
    assert [h.start.label for h in path.hops] + [path.end.label] == ["Benoit Dupin", "Apple", "Trainium2"]
    first = path.hops[0].links[0]
    assert (first.subject.label, first.predicate, first.object.label) == ("Benoit Dupin", "worksFor", "Apple")
    assert any(x.predicate == "uses" and x.subject.label == "Apple" and x.object.label == "Trainium2"
               for x in path.hops[1].links)
    for hop in path.hops:
        for link in hop.links:
            assert link.evidence and link.evidence[0]["sentence"].strip()
            assert link.evidence[0]["source"].endswith(SEED_NAME)
    assert "Benoit Dupin, Apple" in path.to_text()


def test_path_names_any_case_alt_labels_and_runs_against_direction(seed_build: Path) -> None:
    graph = KnowledgeGraph(seed_build)
    backwards = graph.path("trainium2", "BENOIT DUPIN")
    assert [h.start.label for h in backwards.hops][:2] == ["Trainium2", "Apple"]
    assert backwards.hops[0].links[0].subject.label == "Apple"  # Apple uses Trainium2
    assert "Trainium2 (Product) <--uses-- Apple (Organization)" in backwards.to_text()
    via_alt = graph.path("AWS", "Matt Garman")  # AWS is Amazon Web Services' alt label
    assert via_alt.start.label == "Amazon Web Services" and len(via_alt.hops) == 1


def test_neighbors_in_and_out_with_evidence(seed_build: Path) -> None:
    near = KnowledgeGraph(seed_build).neighbors("apple")
    out = {(x.predicate, x.object.label) for x in near.links if x.subject.label == "Apple"}
    into = {(x.subject.label, x.predicate) for x in near.links if x.object.label == "Apple"}
    assert ("uses", "Amazon") in out and ("Benoit Dupin", "worksFor") in into
    assert all(x.distance == 1 and x.evidence[0]["sentence"] for x in near.links)
    text = near.to_text()
    assert "\nout:\n" in text and "\nin:\n" in text


def test_neighbors_depth_two_reaches_further(seed_build: Path) -> None:
    graph = KnowledgeGraph(seed_build)
    one, two = graph.neighbors("Matt Garman"), graph.neighbors("Matt Garman", depth=2)
    assert {x.object.label for x in one.links} == {"Amazon Web Services"}
    assert any(x.distance == 2 and x.subject.label == "Apple" for x in two.links)
    assert len(two.links) > len(one.links)
    with pytest.raises(ValueError):
        graph.neighbors("Apple", depth=0)


# ---- stats ------------------------------------------------------------------------


def test_stats_rankings_communities_components(sample_build: Path) -> None:
    graph = KnowledgeGraph(sample_build)
    s = graph.stats(top=5)
    g = graph.to_networkx()
    simple = simple_undirected(g)
    assert len(s.central) == len(s.degree) == 5 and len(s.betweenness) == 5
    assert s.degree[0].score == max(d for _, d in simple.degree())
    exact = nx.betweenness_centrality(simple.subgraph(n for n, d in simple.degree() if d))
    assert s.betweenness_samples is None
    assert s.betweenness[0].score == pytest.approx(max(exact.values()))
    assert s.central[0].iri in g and s.central[0].label == g.nodes[s.central[0].iri]["label"]
    assert s.communities and s.community_count >= len(s.communities)
    assert [c.size for c in s.communities] == sorted((c.size for c in s.communities), reverse=True)
    assert all(c.size >= 2 and c.members for c in s.communities)
    assert s.components == nx.number_connected_components(simple)
    assert s.largest_components[0] == len(max(nx.connected_components(simple), key=len))
    text = s.to_text()
    for header in ("connected components:", "communities (Louvain", "top by degree", "top by betweenness"):
        assert header in text
    assert text.rstrip().splitlines()[-6] == "most central (PageRank):"  # still last, 5 lines after
    assert json.loads(json.dumps(s.to_dict()))["pagerank"][0]["label"] == s.central[0].label


def test_stats_are_the_same_on_every_run(sample_build: Path) -> None:
    graph = KnowledgeGraph(sample_build)
    assert graph.stats().to_dict() == graph.stats().to_dict()


def test_stats_communities_are_the_pages(sample_build: Path) -> None:
    """kg stats and the page call the same function on the same view."""
    graph = KnowledgeGraph(sample_build)
    s = graph.stats(top=1000)
    expected = metrics.communities(simple_undirected(graph.to_networkx()))
    assert len(expected) >= 2 and s.community_method == "louvain"
    assert [c.nodes for c in s.communities] == [frozenset(c) for c in expected]
    assert s.community_count == len(expected)


def test_label_propagation_above_the_limit(sample_build: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(metrics, "COMMUNITY_LIMIT", 1)
    graph = KnowledgeGraph(sample_build)
    big = graph.stats()
    simple = simple_undirected(graph.to_networkx())
    assert big.community_method == "label_propagation" and big.communities
    assert [c.nodes for c in big.communities] == [
        frozenset(c) for c in metrics.communities(simple, method="label_propagation")[:10]]
    assert "communities (label propagation, over 1 links)" in big.to_text()
    assert graph.stats(communities=True).community_method == "louvain"
    none = graph.stats(communities=False)
    assert not none.communities and "not computed" in none.to_text()


def test_communities_ignore_unrelated_entities() -> None:
    simple = nx.Graph(nx.karate_club_graph())
    alone = simple.copy()
    alone.add_nodes_from(range(100, 140))
    assert metrics.communities(simple) == metrics.communities(alone)
    assert all(len(c) > 1 for c in metrics.communities(alone))


def test_simple_undirected_counts_relations_per_pair() -> None:
    simple = simple_undirected(toy())
    assert simple.number_of_edges() == 3 and simple.edges["a", "b"]["weight"] == 1
    g = toy()
    g.add_edge("b", "a", key="employs", predicate="employs", label="employs", confidence=1.0, evidence=[])
    assert simple_undirected(g).edges["a", "b"]["weight"] == 2


def test_betweenness_is_sampled_and_seeded_on_big_graphs() -> None:
    g = nx.MultiDiGraph()
    for u, v in nx.barabasi_albert_graph(metrics.BETWEENNESS_EXACT + 100, 2, seed=1).edges():
        g.add_edge(str(u), str(v))
    scores, samples = metrics.betweenness(simple_undirected(g))
    assert samples is not None and 16 <= samples <= 500
    assert scores == metrics.betweenness(simple_undirected(g))[0]  # same seed, same answer


# ---- names ------------------------------------------------------------------------


def test_find_entity_by_label_alt_label_iri_and_class() -> None:
    g = toy()
    assert find_entity(g, "ann lee") == find_entity(g, "LEE") == find_entity(g, "a") == "a"
    assert find_entity(g, "apple inc") == "o"
    assert find_entity(g, "Apple (Product)") == "p"


def test_ambiguous_name_lists_the_candidates() -> None:
    with pytest.raises(EntityError) as e:
        find_entity(toy(), "apple")
    assert "Apple (Organization)" in str(e.value) and "Apple (Product)" in str(e.value)
    assert isinstance(e.value, KGError) and len(e.value.candidates) == 2


def test_unknown_name_lists_close_matches() -> None:
    with pytest.raises(EntityError, match=r"did you mean: Bolt\?") as e:
        find_entity(toy(), "Bolts")
    assert e.value.candidates == ("Bolt (Organization)",)
    with pytest.raises(EntityError, match=r"did you mean: Apple \(Organization\), Apple \(Product\)\?"):
        find_entity(toy(), "Aple")
    with pytest.raises(EntityError, match="no close match among 6 entities"):
        find_entity(toy(), "zzzz")


def test_the_page_focus_reads_names_as_kg_path_does() -> None:
    g = toy()
    sub, _ = filter_graph(g, focus="Apple (Organization)", depth=1)
    assert set(sub) == {"o", "p"} and sub.graph["kg_view"]["focus"] == ["o"]
    assert filter_graph(g, focus="blt", depth=1)[0].graph["kg_view"]["focus"] == ["b"]
    assert find_entities(g, ["apple"], every=True) == ["o", "p"]  # the page: every Apple
    assert find_entities(g, ["Cog", "a", "COG"]) == ["c", "a"]
    with pytest.raises(EntityError):
        find_entities(g, ["apple"])
    with pytest.raises(EntityError, match="did you mean: Bolt"):
        filter_graph(g, focus="Bolts")


def test_no_path_is_none_and_a_path_to_itself_is_empty() -> None:
    g = toy()
    assert shortest_path(g, "Ann Lee", "Dot") is None
    assert shortest_path(g, "Ann Lee", "Ann Lee").hops == []
    assert len(neighbors(g, "Dot").links) == 0


# ---- the command line --------------------------------------------------------------


@pytest.mark.parametrize("args", [("stats",), ("path", "Benoit Dupin", "Trainium2"), ("neighbors", "AWS", "--depth", "2")])
def test_json_output_parses(seed_build: Path, args: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    command, *rest = args
    assert main([command, str(seed_build), *rest, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    if command == "path":
        assert data["length"] == 2 and data["hops"][0]["relations"][0]["evidence"][0]["sentence"]
    elif command == "neighbors":
        assert data["entity"]["label"] == "Amazon Web Services" and data["relations"]
    else:
        assert data["pagerank"] and data["communities"]["largest"] and data["components"]["count"]


def test_cli_path_text(seed_build: Path) -> None:
    result = kg("path", seed_build, "Benoit Dupin", "Trainium2")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Benoit Dupin (Person) -> Trainium2 (Product): 2 hop(s)")
    assert "--worksFor--> Apple (Organization)" in result.stdout


@pytest.mark.parametrize("command", [("path", "Benoit Dupin", "Trainum"), ("neighbors", "Trainum")])
def test_cli_unknown_entity_is_one_line(seed_build: Path, command: tuple[str, ...]) -> None:
    assert_one_error_line(kg(command[0], seed_build, *command[1:]), "Trainum", "Trainium2")


def test_cli_no_path_is_one_line(seed_build: Path) -> None:
    isolated = [n for n, d in simple_undirected(KnowledgeGraph(seed_build).to_networkx()).degree() if d == 0]
    assert isolated, "the seed graph has no entity without relations any more"
    assert_one_error_line(kg("path", seed_build, "Apple", isolated[0]), "no path")


def test_cli_bad_depth_is_one_line(seed_build: Path) -> None:
    assert_one_error_line(kg("neighbors", seed_build, "Apple", "--depth", "0"), "--depth")
