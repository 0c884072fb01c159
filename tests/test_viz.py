"""kg.viz: the offline HTML page, checked as text and in a real headless Chromium.

The browser tests run Debian's Chromium through Selenium with the network off
(CDP offline emulation plus a dead proxy), so a page that fetched anything, ran
injected markup or failed to draw would fail here. They skip only when
Chromium or chromedriver is not installed (set KG_CHROMIUM / KG_CHROMEDRIVER to
use other binaries), and fail instead under KG_REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import KGError
from kg.viz import DEFAULT_MAX_NODES, FALLBACK_COLOR, check_offline, class_colors, filter_graph, write_html

EX = "http://example.org/kg/"
XSS_LABEL = "<img src=x onerror=alert(1)>"
SCRIPT_PAYLOAD = "</script><script>window.pwned=1</script>"
HREF_ALT = '<a href="javascript:window.pwned=2">click</a>'
TITLE = 'Apple & AWS <script>window.pwned=3</script> "news"'
# The ontology's class colours (kg:color in ontology/kg.ttl).
CLASS_COLORS = class_colors()


def _add(g: nx.MultiDiGraph, name: str, label: str, cls: str, alt: str = "", mentions: int = 1) -> str:
    iri = EX + name
    g.add_node(iri, label=label, cls=cls, alt_labels=alt, mentions=mentions)
    return iri


def _rel(g: nx.MultiDiGraph, s: str, prop: str, label: str, o: str, sentence: str, conf: float = 0.8) -> None:
    evidence = [
        {
            "sentence": sentence,
            "document": EX + "doc/1",
            "source": "seeds/apple-aws-trainium2.txt",
            "confidence": conf,
            "extractor": "rule:" + prop,
        }
    ]
    g.add_edge(
        s, o, key=prop, predicate=prop, label=label, confidence=conf, sentence=sentence, evidence=evidence
    )


def make_graph() -> nx.MultiDiGraph:
    """Eight entities of the contract's shape, one of them hostile."""
    g = nx.MultiDiGraph()
    apple = _add(g, "Organization/Apple", "Apple", "Organization", "Apple Inc.; AAPL", 3)
    aws = _add(g, "Organization/AWS", "Amazon Web Services", "Organization", "AWS", 2)
    amazon = _add(g, "Organization/Amazon", "Amazon", "Organization", "Amazon.com", 2)
    cook = _add(g, "Person/Tim_Cook", "Tim Cook", "Person", "Cook")
    chip = _add(g, "Product/Trainium2", "Trainium2", "Product", "Trainium 2", 2)
    seattle = _add(g, "Place/Seattle", "Seattle", "Place")
    event = _add(g, "Event/reInvent", "AWS re:Invent", "Event", "re:Invent")
    evil = _add(g, "Technology/evil", XSS_LABEL, "Technology", HREF_ALT)
    _rel(g, cook, "worksFor", "works for", apple, "Tim Cook works for Apple.")
    _rel(g, cook, "leads", "leads", apple, "Apple CEO Tim Cook said the company is pleased.", 0.95)
    _rel(g, apple, "uses", "uses", chip, "Apple uses Trainium2 chips from AWS.", 0.9)
    _rel(g, aws, "develops", "develops", chip, "AWS develops Trainium2.", 0.85)
    _rel(g, aws, "subsidiaryOf", "subsidiary of", amazon, "AWS, a subsidiary of Amazon, ...", 0.7)
    _rel(g, amazon, "headquarteredIn", "headquartered in", seattle, "Amazon, based in Seattle, ...", 0.6)
    _rel(g, aws, "organizes", "organizes", event, "AWS announced it at re:Invent.", 0.5)
    _rel(g, apple, "develops", "develops", evil, SCRIPT_PAYLOAD, 0.4)
    _rel(g, evil, "partnerOf", XSS_LABEL, aws, XSS_LABEL + " " + SCRIPT_PAYLOAD, 0.3)
    return g


class _Tags(HTMLParser):
    """Start tags of a page, as (tag, attrs) in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def _vis_data(page: str, name: str) -> list[dict]:
    match = re.search(rf"{name} = new vis\.DataSet\((\[.*?\])\);\n", page)
    assert match, f"no {name} DataSet in the page"
    return json.loads(match.group(1))


def _config(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-config">(.*?)</script>', page, flags=re.DOTALL)
    assert match, "no kg-config block in the page"
    return json.loads(match.group(1))


def _vis_options(page: str) -> dict:
    match = re.search(r"var options = (\{.*?\});\n", page)
    assert match, "no vis options in the page"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_html(make_graph(), tmp_path_factory.mktemp("viz") / "graph.html", title=TITLE)


@pytest.fixture(scope="module")
def page(page_file: Path) -> str:
    return page_file.read_text(encoding="utf-8")


# --- the page as text -------------------------------------------------------------------


def test_writes_one_file_and_returns_its_path(tmp_path: Path) -> None:
    out = write_html(make_graph(), str(tmp_path / "g.html"))
    assert out == tmp_path / "g.html"
    assert out.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.html"]  # no lib/ copied, no temp left


def test_nothing_is_loaded_from_the_network(page: str) -> None:
    urls = [
        value
        for _, attrs in _tags(page)
        for name, value in attrs.items()
        if name in {"src", "href", "srcset", "action", "data", "poster"} and value is not None
    ]
    assert not [u for u in urls if re.match(r"\s*(https?:)?//", u, re.IGNORECASE)], urls
    assert "bootstrap" not in page.lower()
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page, re.IGNORECASE)
    check_offline(page)


def test_check_offline_refuses_external_references() -> None:
    for bad in (
        '<link rel="stylesheet" href="https://cdn.example/x.css">',
        "<script src=//cdn.example/x.js></script>",
        '<img src="http://example.org/x.png">',
        '<div style="background:url(https://example.org/x.png)"></div>',
    ):
        with pytest.raises(RuntimeError, match="network"):
            check_offline(bad)
    check_offline('<script>var licence = "https://visjs.github.io";</script>')


def test_vis_network_is_inlined(page: str) -> None:
    scripts = [attrs for tag, attrs in _tags(page) if tag == "script"]
    assert scripts and all("src" not in attrs for attrs in scripts)
    assert "@version 9.1.2" in page  # vis-network's banner
    assert "new vis.Network(container, data, options)" in page
    assert len(page) > 400_000


def test_document_text_is_data_not_markup(page: str) -> None:
    assert XSS_LABEL not in page
    assert SCRIPT_PAYLOAD not in page
    assert "<script>window.pwned" not in page
    assert HREF_ALT not in page
    # Exactly the four scripts of the template: vis-network, the data (drawGraph), our
    # settings (JSON) and our page script.
    assert [tag for tag, _ in _tags(page)].count("script") == 4
    assert page.lower().count("</script") == 4
    # The hostile strings are in the data, escaped for a <script> block, and come back intact.
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page
    nodes = {n["id"]: n for n in _vis_data(page, "nodes")}
    assert nodes[EX + "Technology/evil"]["kgLabel"] == XSS_LABEL
    assert nodes[EX + "Technology/evil"]["kgAlt"] == [HREF_ALT]
    evidence = [ev for e in _vis_data(page, "edges") for ev in e["kgEvidence"]]
    assert any(SCRIPT_PAYLOAD in ev[0] and ev[1] == "seeds/apple-aws-trainium2.txt" for ev in evidence)
    # Page chrome is escaped by the template; pyvis's raw heading is not used.
    for pattern in (r"<title>(.*?)</title>", r'<h1 id="kg-title">(.*?)</h1>'):
        shown = re.search(pattern, page).group(1)
        assert "<" not in shown and '"' not in shown and html.unescape(shown) == TITLE
    assert "<center>" not in page


def test_titles_never_switch_pyvis_to_an_innerhtml_popup(page: str) -> None:
    # A node title with "href" makes pyvis 0.3.2 render titles with innerHTML.
    assert "popup.innerHTML" not in page
    assert all("title" not in n for n in _vis_data(page, "nodes"))
    assert all("title" not in e for e in _vis_data(page, "edges"))  # made by the page script


def test_content_security_policy_allows_only_our_scripts(page: str) -> None:
    csp = next(
        attrs["content"]
        for tag, attrs in _tags(page)
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy"
    )
    assert csp is not None
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    # Connections to the page's own origin only: kg serve's /query (a file page has none).
    assert re.search(r"connect-src 'self'(;|$)", csp)
    bodies = re.findall(r"<script\b[^>]*>(.*?)</script>", page, flags=re.DOTALL)
    for body in bodies:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    # The policy comes before any script, or it would not cover them.
    assert page.index("Content-Security-Policy") < page.index("<script")


def test_colour_by_class_legend_and_size_by_importance(tmp_path: Path) -> None:
    g = make_graph()
    _add(g, "Thing/odd", "Odd <b>thing</b>", "Gadget<i>")
    page = write_html(g, tmp_path / "g.html").read_text(encoding="utf-8")
    nodes = {n["id"]: n for n in _vis_data(page, "nodes")}
    assert nodes[EX + "Person/Tim_Cook"]["color"]["background"] == CLASS_COLORS["Person"]
    assert nodes[EX + "Organization/Apple"]["color"]["background"] == CLASS_COLORS["Organization"]
    assert nodes[EX + "Thing/odd"]["color"]["background"] == FALLBACK_COLOR
    legend = re.search(r'<ul id="kg-legend"[^>]*>(.*?)</ul>', page, flags=re.DOTALL).group(1)
    for cls in ("Organization", "Person", "Product", "Place", "Event", "Technology"):
        assert f">{cls} (" in legend
    assert ">Organization (3)<" in legend and ">other (1)<" in legend
    assert "Gadget&lt;i&gt;" in legend and "Gadget<i>" not in legend
    # Apple (4 neighbours) outranks Seattle (1) and the isolated node.
    size = {iri: n["size"] for iri, n in nodes.items()}
    assert size[EX + "Organization/Apple"] > size[EX + "Place/Seattle"] > size[EX + "Thing/odd"]
    edges = _vis_data(page, "edges")
    assert {e["label"] for e in edges} >= {"works for", "leads", "headquartered in"}
    # The two Tim Cook -> Apple edges are bent to either side instead of drawn on top of
    # each other.
    cook_apple = [e for e in edges if e["from"] == EX + "Person/Tim_Cook"]
    assert len(cook_apple) == 2
    assert sorted((e["smooth"]["type"], e["smooth"]["roundness"]) for e in cook_apple) == [
        ("curvedCCW", 0.25), ("curvedCW", 0.25)
    ]
    # Three edges between two nodes, two ways: sides alternate along one direction.
    g = make_graph()
    apple, aws = EX + "Organization/Apple", EX + "Organization/AWS"
    _rel(g, apple, "uses", "uses", aws, "s1")
    _rel(g, aws, "partnerOf", "partner of", apple, "s2")
    _rel(g, apple, "partnerOf", "partner of", aws, "s3")
    edges = _vis_data(write_html(g, tmp_path / "g3.html").read_text(encoding="utf-8"), "edges")
    between = [e for e in edges if {e["from"], e["to"]} == {apple, aws}]
    side = [(e["smooth"]["type"] == "curvedCW") == (e["from"] == apple) for e in between]  # seen from Apple
    assert side in ([True, False, True], [False, True, False])
    assert [e["smooth"]["roundness"] for e in between] == [0.25, 0.25, 0.5]
    assert all("smooth" not in e for e in edges if e["from"] == EX + "Organization/Amazon")


def test_big_graphs_get_a_networkx_layout_and_no_physics(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    n = 1200
    for i in range(n):
        _add(g, f"Organization/o{i}", f"Org {i}", "Organization")
    for i in range(n):
        _rel(
            g,
            EX + f"Organization/o{i}",
            "partnerOf",
            "partner of",
            EX + f"Organization/o{(i * 7 + 1) % n}",
            "x",
        )
    start = time.perf_counter()
    page = write_html(g, tmp_path / "big.html").read_text(encoding="utf-8")
    assert time.perf_counter() - start < 30
    nodes = _vis_data(page, "nodes")
    assert len(nodes) == n and all(isinstance(v["x"], float) and isinstance(v["y"], float) for v in nodes)
    assert _vis_options(page)["physics"]["enabled"] is False
    assert _config(page)["physics"] is False
    small = write_html(make_graph(), tmp_path / "small.html", physics=False).read_text(encoding="utf-8")
    assert _config(small)["physics"] is False and all("x" in v for v in _vis_data(small, "nodes"))


def test_physics_is_bounded_and_switched_off_after_stabilisation(page: str) -> None:
    options = _vis_options(page)
    stabilization = options["physics"]["stabilization"]
    assert options["physics"]["enabled"] and stabilization["enabled"]
    assert 0 < stabilization["iterations"] <= 1000
    assert _config(page)["physics"] is True
    assert 'network.once("stabilizationIterationsDone"' in page


def test_rejects_what_is_not_a_graph(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="networkx graph"):
        write_html({"a": "b"}, tmp_path / "g.html")  # type: ignore[arg-type]


def test_page_carries_the_panel_and_search_data(page: str) -> None:
    nodes = {n["id"]: n for n in _vis_data(page, "nodes")}
    aws = nodes[EX + "Organization/AWS"]
    assert (aws["kgLabel"], aws["kgAlt"], aws["kgMentions"], aws["kgGroup"]) == (
        "Amazon Web Services", ["AWS"], 2, "Organization"
    )
    assert nodes[EX + "Organization/Apple"]["kgAlt"] == ["Apple Inc.", "AAPL"]
    assert nodes[EX + "Technology/evil"]["kgAlt"] == [HREF_ALT]
    assert all(n["kgClassColor"] == n["color"]["background"] for n in nodes.values())
    assert all(re.fullmatch(r"#[0-9a-f]{6}", n["kgCommunityColor"]) for n in nodes.values())
    edges = _vis_data(page, "edges")
    assert len({e["id"] for e in edges}) == len(edges) == 9
    works = next(e for e in edges if e["kgPredicate"] == "worksFor")
    assert works["kgLabel"] == "works for" and works["kgConfidence"] == 0.8
    assert works["kgEvidence"] == [
        ["Tim Cook works for Apple.", "seeds/apple-aws-trainium2.txt", 0.8, "rule:worksFor", EX + "doc/1"]
    ]
    hostile = next(e for e in edges if e["from"] == EX + "Technology/evil")
    assert hostile["kgLabel"] == XSS_LABEL and hostile["kgEvidence"][0][0] == XSS_LABEL + " " + SCRIPT_PAYLOAD
    # Search box, colour switch, one checkbox per class, the communities' legend, the panel.
    for fragment in (
        'id="kg-search-input"', 'name="kg-colour" value="community"', 'id="kg-communities"', 'id="kg-panel"'
    ):
        assert page.count(fragment) == 1, fragment
    assert len(re.findall(r'<input type="checkbox" checked data-class="\w+">', page)) == 6
    config = _config(page)
    assert {k: config[k] for k in ("physics", "focus", "unlinked", "hideUnlinked")} == {
        "physics": True, "focus": [], "unlinked": 0, "hideUnlinked": False}
    # What a served page's queries name: the ontology's entity classes and relation properties.
    assert config["ns"] == "https://w3id.org/kg/ontology#" and config["classes"]["Person"] == CLASS_COLORS["Person"]
    assert config["properties"]["worksFor"] == "works for" and "partnerOf" in config["symmetric"]


def test_panel_evidence_is_capped_and_counted(tmp_path: Path) -> None:
    g = make_graph()
    apple, chip = EX + "Organization/Apple", EX + "Product/Trainium2"
    g.edges[apple, chip, "uses"]["evidence"] = [
        {"sentence": f"Apple uses Trainium2 ({i}).", "source": f"doc{i}.txt", "confidence": 0.9}
        for i in range(30)
    ] + [{"sentence": "Apple uses Trainium2 (0).", "source": "duplicate.txt"}]
    page = write_html(g, tmp_path / "g.html").read_text(encoding="utf-8")
    uses = next(e for e in _vis_data(page, "edges") if e["kgPredicate"] == "uses")
    assert len(uses["kgEvidence"]) == 20 and uses["kgEvidenceMore"] == 10
    assert uses["kgEvidence"][0][:2] == ["Apple uses Trainium2 (0).", "doc0.txt"]


def test_a_relation_every_sentence_calls_former_is_dashed_and_labelled_so(tmp_path: Path) -> None:
    g = make_graph()
    apple, chip = EX + "Organization/Apple", EX + "Product/Trainium2"
    g.edges[apple, chip, "uses"]["evidence"] = [
        {"sentence": "Apple formerly used Trainium2.", "source": "a.txt", "confidence": 0.9, "former": True}]
    page = write_html(g, tmp_path / "g.html").read_text(encoding="utf-8")
    edges = _vis_data(page, "edges")
    uses = next(e for e in edges if e["kgPredicate"] == "uses")
    assert uses["label"].endswith("(former)") and uses["dashes"] is True
    assert not any(e.get("dashes") for e in edges if e["kgPredicate"] != "uses")


def test_focus_settings_cannot_close_their_script_block(tmp_path: Path) -> None:
    g = make_graph()
    hostile_iri = EX + "x" + SCRIPT_PAYLOAD
    g.add_node(hostile_iri, label="Hostile IRI", cls="Organization", alt_labels="", mentions=1)
    _rel(g, hostile_iri, "partnerOf", "partner of", EX + "Organization/Apple", "x")
    page = write_html(g, tmp_path / "g.html", focus="hostile iri").read_text(encoding="utf-8")
    assert SCRIPT_PAYLOAD not in page
    assert _config(page)["focus"] == [hostile_iri]
    # Apple is drawn with its relation to the focus; its five others are counted.
    apple = next(n for n in _vis_data(page, "nodes") if n["id"] == EX + "Organization/Apple")
    assert apple["kgUndrawn"] == 4
    assert page.lower().count("</script") == 4
    check_offline(page)


def test_communities_above_the_louvain_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.analysis.metrics

    pages = []
    for limit in (100, 3):  # Louvain, then label propagation (links above the limit)
        monkeypatch.setattr(kg.analysis.metrics, "COMMUNITY_LIMIT", limit)
        pages.append(write_html(make_graph(), tmp_path / f"g{limit}.html").read_text(encoding="utf-8"))
    for page in pages:
        colours = {n["id"]: n["kgCommunityColor"] for n in _vis_data(page, "nodes")}
        # Tim Cook is always with Apple, his only neighbour.
        assert colours[EX + "Person/Tim_Cook"] == colours[EX + "Organization/Apple"] != FALLBACK_COLOR
        legend = re.search(r'<ul id="kg-communities"[^>]*>(.*?)</ul>', page, flags=re.DOTALL).group(1)
        sizes = [int(x) for x in re.findall(r"\((\d+)\)</li>", legend)]
        assert sum(sizes) == 8


def test_communities_are_those_of_the_whole_graph(tmp_path: Path) -> None:
    """The page colours each drawn entity by its community in the whole graph (the
    communities kg stats reports), not by communities of the part drawn."""
    from kg.analysis.metrics import communities
    from kg.analysis.view import simple_undirected

    g = make_graph()
    whole = communities(simple_undirected(g))
    page = write_html(g, tmp_path / "top.html", top=4).read_text(encoding="utf-8")
    colour = {n["id"]: n["kgCommunityColor"] for n in _vis_data(page, "nodes")}
    assert len(colour) == 4
    for a in colour:
        for b in colour:
            together = any(a in c and b in c for c in whole)
            assert (colour[a] == colour[b]) == together or FALLBACK_COLOR == colour[a] == colour[b]


def test_legends_are_text(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    hub = _add(g, "Organization/hub", XSS_LABEL, "Organization")
    for i in range(3):
        _rel(g, _add(g, f"Person/p{i}", f"P{i}", "Person"), "worksFor", "works for", hub, "x")
    page = write_html(g, tmp_path / "g.html").read_text(encoding="utf-8")
    legend = re.search(r'<ul id="kg-communities"[^>]*>(.*?)</ul>', page, flags=re.DOTALL).group(1)
    assert "&lt;img src=x onerror=alert(1)&gt; (4)" in legend and XSS_LABEL not in page


def test_class_colours_come_from_the_ontology() -> None:
    from rdflib import Graph, URIRef

    from kg.vocab import KG, ontology_path

    onto = Graph().parse(ontology_path("kg.ttl"))
    declared = {str(s).split("#")[-1]: str(o) for s, o in onto.subject_objects(KG.color)}
    assert CLASS_COLORS == declared and len(declared) == 6
    assert all(isinstance(s, URIRef) for s in onto.subjects(KG.color, None))


def test_hide_below_hides_relations_without_dropping_entities(tmp_path: Path) -> None:
    page = write_html(make_graph(), tmp_path / "g.html", hide_below=0.8).read_text(encoding="utf-8")
    edges = _vis_data(page, "edges")
    assert edges and all(e["kgConfidence"] >= 0.8 for e in edges)
    assert "confidence ≥ 0.8" in page
    with pytest.raises(TypeError):
        write_html(make_graph(), tmp_path / "old.html", min_confidence=0.8)  # type: ignore[call-arg]


def test_cli_hide_below_and_its_old_name(seed_build: Path, tmp_path: Path, capsys) -> None:
    from kg.cli import main
    from kg.graph.knowledge import KnowledgeGraph

    whole = KnowledgeGraph(seed_build).to_networkx()
    confidences = sorted(c for _, _, c in whole.edges(data="confidence"))
    cut = confidences[len(confidences) // 2]
    assert confidences[0] < cut
    out = tmp_path / "new.html"
    assert main(["html", str(seed_build), "--hide-below", str(cut), "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""
    new = _vis_data(out.read_text(encoding="utf-8"), "edges")
    assert new and all(e["kgConfidence"] >= round(cut, 4) for e in new)
    assert len(new) < whole.number_of_edges()  # hidden on the page, still in the graph
    old_out = tmp_path / "old.html"
    assert main(["html", str(seed_build), "--min-confidence", str(cut), "-o", str(old_out)]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--min-confidence is deprecated, use --hide-below" in err
    old = _vis_data(old_out.read_text(encoding="utf-8"), "edges")
    def triples(edges: list[dict]) -> list[tuple[str, str, str]]:
        return [(e["from"], e["to"], e["kgPredicate"]) for e in edges]

    assert triples(old) == triples(new)


# --- filter_graph -------------------------------------------------------------------------


def _ids(g: nx.Graph) -> set[str]:
    return {n.removeprefix(EX) for n in g}


def test_filter_without_filters_is_a_copy() -> None:
    g = make_graph()
    sub, left_out = filter_graph(g)
    assert left_out == 0 and sub is not g
    assert set(sub) == set(g) and sorted(sub.edges(keys=True)) == sorted(g.edges(keys=True))
    sub.nodes[EX + "Organization/Apple"]["label"] = "changed"
    assert g.nodes[EX + "Organization/Apple"]["label"] == "Apple"
    assert sub.graph["kg_view"] == {
        "total": 8, "shown": 8, "left_out": 0, "capped": 0, "filters": [], "focus": []
    }


def test_filter_focus_and_depth() -> None:
    g = make_graph()
    sub, left_out = filter_graph(g, focus="tim COOK", depth=1)
    assert _ids(sub) == {"Person/Tim_Cook", "Organization/Apple"} and left_out == 6
    assert sub.number_of_edges() == 2  # worksFor and leads
    sub, _ = filter_graph(g, focus="Tim Cook", depth=2)
    assert _ids(sub) == {"Person/Tim_Cook", "Organization/Apple", "Product/Trainium2", "Technology/evil"}
    assert _ids(filter_graph(g, focus="Tim Cook", depth=0)[0]) == {"Person/Tim_Cook"}
    # Found by another name too, and in either direction of the relations.
    sub, _ = filter_graph(g, focus="aws")
    assert _ids(sub) == {
        "Organization/AWS", "Product/Trainium2", "Organization/Amazon", "Event/reInvent", "Technology/evil"
    }
    assert sub.graph["kg_view"]["focus"] == [EX + "Organization/AWS"]
    assert sub.graph["kg_view"]["filters"] == ["within 1 of Amazon Web Services"]


def test_filter_focus_not_found_is_a_clear_error() -> None:
    with pytest.raises(KGError, match=r"no entity named 'Aple'.*did you mean: Apple\?"):
        filter_graph(make_graph(), focus="Aple")
    with pytest.raises(KGError, match="no entity named 'Zebra'"):
        filter_graph(make_graph(), focus="Zebra")


def test_filter_top_keeps_the_most_important_and_their_relations() -> None:
    g = make_graph()
    simple = nx.Graph((u, v) for u, v in g.edges())
    simple.add_nodes_from(g)
    rank = nx.pagerank(simple)
    best = sorted(g, key=lambda n: -rank[n])[:3]
    sub, left_out = filter_graph(g, top=3)
    assert set(sub) == set(best) and left_out == 5
    assert {"Organization/Apple", "Organization/AWS"} <= _ids(sub)
    assert sub.number_of_edges() == g.subgraph(best).number_of_edges()
    # A focus entity stays whatever its rank.
    assert EX + "Place/Seattle" in filter_graph(g, focus="Seattle", depth=3, top=1)[0]


def test_filter_classes() -> None:
    g = make_graph()
    sub, left_out = filter_graph(g, classes=["person", "ORGANIZATION"])
    assert _ids(sub) == {"Person/Tim_Cook", "Organization/Apple", "Organization/AWS", "Organization/Amazon"}
    assert sorted(k for _, _, k in sub.edges(keys=True)) == ["leads", "subsidiaryOf", "worksFor"]
    assert left_out == 4 and sub.graph["kg_view"]["filters"] == ["class Organization, Person"]
    assert _ids(filter_graph(g, classes="Place")[0]) == {"Place/Seattle"}
    with pytest.raises(KGError, match="unknown class 'Persn'.*Organization, Person"):
        filter_graph(g, classes=["Persn"])
    g.remove_node(EX + "Event/reInvent")
    assert filter_graph(g, classes=["Event"])[0].number_of_nodes() == 0  # an ontology class: no error


def test_filter_properties_by_name_or_label() -> None:
    g = make_graph()
    sub, _ = filter_graph(g, properties=["develops"])
    assert _ids(sub) == {"Organization/Apple", "Organization/AWS", "Product/Trainium2", "Technology/evil"}
    assert {k for _, _, k in sub.edges(keys=True)} == {"develops"}
    sub, _ = filter_graph(g, properties=["Subsidiary OF", "headquarteredIn"])
    assert _ids(sub) == {"Organization/AWS", "Organization/Amazon", "Place/Seattle"}
    with pytest.raises(KGError, match="unknown property 'flies'.*worksFor"):
        filter_graph(g, properties=["flies"])
    assert filter_graph(g, properties="spouse")[0].number_of_nodes() == 0  # in the ontology: no error


def test_filter_min_confidence_and_min_degree() -> None:
    g = make_graph()
    apple, chip = EX + "Organization/Apple", EX + "Product/Trainium2"
    evidence = g.edges[apple, chip, "uses"]["evidence"]
    evidence.append({"sentence": "Apple may use Trainium2.", "confidence": 0.5})
    sub, left_out = filter_graph(g, min_confidence=0.8)
    assert _ids(sub) == {"Person/Tim_Cook", "Organization/Apple", "Product/Trainium2", "Organization/AWS"}
    assert left_out == 4 and sub.number_of_edges() == 4
    assert [e["confidence"] for e in sub.edges[apple, chip, "uses"]["evidence"]] == [0.9]
    assert len(g.edges[apple, chip, "uses"]["evidence"]) == 2  # the input is untouched
    sub, _ = filter_graph(g, min_degree=2)
    assert _ids(sub) == _ids(g) - {"Place/Seattle", "Event/reInvent"}
    assert sub.graph["kg_view"]["filters"] == ["≥ 2 relations"]


def test_filters_combine_and_count_what_they_leave_out() -> None:
    g = make_graph()
    sub, left_out = filter_graph(
        g, classes=["Organization", "Product"], properties=["develops", "uses", "subsidiaryOf"],
        min_confidence=0.6, top=3,
    )
    # What is left is a path Apple - Trainium2 - AWS - Amazon: the two ends tie, the
    # label breaks the tie.
    assert _ids(sub) == {"Organization/Amazon", "Organization/AWS", "Product/Trainium2"}
    assert left_out == 5 and sub.number_of_edges() == 2
    view = sub.graph["kg_view"]
    assert view["filters"] == [
        "class Organization, Product", "property develops, subsidiaryOf, uses", "confidence ≥ 0.6",
        "top 3 by importance",
    ]
    assert view["capped"] == 0
    sub, left_out = filter_graph(g, max_nodes=5)
    assert sub.number_of_nodes() == 5 and left_out == 3 and sub.graph["kg_view"]["capped"] == 3
    for bad in ({"depth": -1}, {"top": -2}, {"min_confidence": 1.5}, {"max_nodes": 2.5}):
        with pytest.raises(ValueError):
            filter_graph(g, **bad)


def test_big_graphs_show_the_most_important_and_say_how_many_are_left_out(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    n = DEFAULT_MAX_NODES + 150
    for i in range(n):
        _add(g, f"Organization/o{i}", f"Org {i}", "Organization")
    for i in range(1, n):  # o0 is the hub
        _rel(g, EX + f"Organization/o{i}", "partnerOf", "partner of", EX + f"Organization/o{i // 10}", "x")
    page = write_html(g, tmp_path / "big.html").read_text(encoding="utf-8")
    nodes = {v["id"] for v in _vis_data(page, "nodes")}
    assert len(nodes) == DEFAULT_MAX_NODES and EX + "Organization/o0" in nodes
    notice = re.search(r'<p id="kg-notice"[^>]*>(.*?)</p>', page).group(1)
    assert f"The 2,000 most important of {n:,} entities are drawn" in notice and "150 left out" in notice
    assert f'id="kg-summary">2,000 of {n:,} entities' in page
    assert filter_graph(g, max_nodes=None)[0].number_of_nodes() == n


# --- the page in a real browser ----------------------------------------------------------

CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--proxy-server=http://127.0.0.1:9",  # any request that still escapes goes nowhere
    "--window-size=1280,800",
)


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory, browser_binaries: tuple[str, str]):
    chromium, chromedriver = browser_binaries  # conftest: skips, or fails under KG_REQUIRE_BROWSER=1
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    # An explicit driver path: Selenium Manager (which downloads drivers) never runs.
    drv = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    try:
        drv.execute_cdp_cmd("Network.enable", {})
        drv.execute_cdp_cmd(
            "Network.emulateNetworkConditions",
            {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
        )
        yield drv
    finally:
        drv.quit()


def _open(driver, path: Path, timeout: float = 20.0) -> float:
    """Load a page and wait until it says it is drawn; return the seconds it took."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("browser")  # drop what earlier pages logged
    driver.get_log("performance")
    start = time.perf_counter()
    driver.get(path.as_uri())
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.body && document.body.dataset.kgReady === '1'")
    )
    return time.perf_counter() - start


def _severe(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def _requests(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def _no_alert(driver) -> bool:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return True
    alert.dismiss()
    return False


@pytest.fixture(scope="module")
def loaded(driver, page_file: Path) -> dict:
    seconds = _open(driver, page_file)
    return {"seconds": seconds, "severe": _severe(driver), "requests": _requests(driver)}


def test_browser_draws_the_graph_offline(driver, loaded: dict) -> None:
    assert loaded["seconds"] < 15
    assert loaded["severe"] == []
    assert loaded["requests"], "the performance log recorded no request at all"
    assert all(url.startswith(("file:", "data:", "blob:")) for url in loaded["requests"]), loaded["requests"]
    assert driver.execute_script("return kgGraph.nodes.length") == 8
    assert driver.execute_script("return kgGraph.edges.length") == 9
    # The canvas is not blank: every class colour of the graph is painted on it.
    pixels = driver.execute_script(
        """
        const canvas = document.querySelector('#mynetwork canvas');
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        const seen = new Set();
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3] === 255) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
        }
        return [canvas.width, canvas.height, Array.from(seen)];
        """
    )
    width, height, colours = pixels
    assert width > 600 and height > 300
    assert len(colours) > 50
    painted = {f"#{c:06x}" for c in colours}
    assert set(CLASS_COLORS.values()) <= painted


def test_browser_layout_settles_stops_and_spreads(driver, loaded: dict) -> None:
    positions = driver.execute_script("return kgGraph.network.getPositions()")
    time.sleep(0.5)
    assert driver.execute_script("return kgGraph.network.getPositions()") == positions
    assert driver.execute_script("return kgGraph.network.physics.physicsEnabled") is False
    # Nodes are not piled up: on screen, every pair is at least a node apart.
    screen = driver.execute_script(
        "const n = kgGraph.network, p = n.getPositions();return Object.keys(p).map(k => n.canvasToDOM(p[k]));"
    )
    gaps = [
        ((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5
        for i, a in enumerate(screen)
        for b in screen[i + 1 :]
    ]
    assert min(gaps) > 25
    box = driver.execute_script(
        "const r = document.getElementById('mynetwork').getBoundingClientRect(); return [r.width, r.height];"
    )
    assert all(0 <= s["x"] <= box[0] and 0 <= s["y"] <= box[1] for s in screen)  # all in view


def test_browser_runs_no_document_text(driver, loaded: dict) -> None:
    assert driver.execute_script("return typeof window.pwned") == "undefined"
    assert _no_alert(driver)
    assert driver.find_elements("css selector", "img") == []
    assert driver.title == TITLE
    assert driver.find_element("id", "kg-title").text == TITLE
    label = driver.execute_script(f"return kgGraph.nodes.get({json.dumps(EX + 'Technology/evil')}).kgLabel")
    assert label == XSS_LABEL


def _hover(driver, dom_xy: dict) -> str:
    """Move the mouse to a point of the network canvas and return the tooltip text."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import WebDriverWait

    canvas = driver.find_element("css selector", "#mynetwork canvas")
    rect = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return [r.width, r.height];", canvas
    )
    ActionChains(driver).move_to_element_with_offset(canvas, 0, 0).perform()  # leave any earlier hover
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(dom_xy["x"] - rect[0] / 2), int(dom_xy["y"] - rect[1] / 2)
    ).perform()
    WebDriverWait(driver, 5).until(
        lambda d: d.execute_script(
            "const t = document.querySelector('div.vis-tooltip');"
            "return t && getComputedStyle(t).visibility === 'visible' && t.innerText.length > 0;"
        )
    )
    return driver.execute_script("return document.querySelector('div.vis-tooltip').innerText")


def test_browser_tooltips_show_hostile_text_as_text(driver, loaded: dict) -> None:
    evil = EX + "Technology/evil"
    xy = driver.execute_script(
        "const n = kgGraph.network; return n.canvasToDOM(n.getPositions([arguments[0]])[arguments[0]]);", evil
    )
    assert driver.execute_script("return kgGraph.network.getNodeAt(arguments[0])", xy) == evil
    text = _hover(driver, xy)
    assert XSS_LABEL in text and HREF_ALT in text and "Class: Technology" in text
    # Edge tooltip: the evidence sentence with its source. Hover a point of the edge
    # where vis-network itself finds that edge and no node or other edge.
    edge_xy = driver.execute_script(
        """
        const n = kgGraph.network;
        const id = kgGraph.edges.getIds({filter: e => e.to === arguments[0] && e.kgPredicate === 'develops'})[0];
        for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75]) {
          const p = n.canvasToDOM(n.body.edges[id].edgeType.getPoint(t));
          if (n.getEdgeAt(p) === id && n.getNodeAt(p) === undefined) return p;
        }
        return null;
        """,
        evil,
    )
    assert edge_xy is not None, "no point of the edge is free to hover"
    text = _hover(driver, edge_xy)
    assert SCRIPT_PAYLOAD in text and "source: seeds/apple-aws-trainium2.txt" in text
    tooltip_elements = driver.execute_script(
        "return document.querySelector('div.vis-tooltip').querySelectorAll('img, a, script').length"
    )
    assert tooltip_elements == 0
    assert driver.execute_script("return typeof window.pwned") == "undefined"
    assert _no_alert(driver)
    assert _severe(driver) == []


def test_browser_tooltips_are_made_from_the_data(driver, tmp_path: Path) -> None:
    g = make_graph()
    apple, chip, cook = EX + "Organization/Apple", EX + "Product/Trainium2", EX + "Person/Tim_Cook"
    g.edges[apple, chip, "uses"]["evidence"] = [
        {"sentence": f"Apple uses Trainium2 ({i}). " + "More words here. " * 8, "source": f"doc{i}.txt",
         "confidence": 0.9, "extractor": "rule:svo"}
        for i in range(30)
    ]
    g.nodes[cook]["alt_labels"] = "; ".join(f"Timothy Donald Cook the {i}th" for i in range(40))
    _open(driver, write_html(g, tmp_path / "g.html"))
    title = driver.execute_script(
        "return kgGraph.edges.get({filter: e => e.kgPredicate === 'uses'})[0].title"
    )
    lines = title.split("\n")
    assert lines[:4] == [
        "Apple — uses → Trainium2", "confidence 0.90", "",
        "“Apple uses Trainium2 (0). More words here. More words here. More words here.",
    ]
    assert lines[6] == "  source: doc0.txt (rule:svo, 0.90)"
    assert title.count("source: ") == 5 and lines[-1] == "… and 25 more"
    assert max(len(line) for line in lines) <= 80
    node = driver.execute_script("return kgGraph.nodes.get(arguments[0]).title", cook).split("\n")
    assert node[:2] == ["Tim Cook", "Class: Person"] and node[-2:] == ["Mentioned in 1 document", cook]
    also = node[2:-2]
    assert len(also) == 4 and also[0].startswith("Also: Timothy Donald Cook the 0th;") and also[-1].endswith(" …")
    assert _severe(driver) == []


def test_browser_big_and_empty_graphs_are_ready_fast(driver, tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    n = 1500
    for i in range(n):
        _add(g, f"Person/p{i}", f"P{i}", "Person")
    for i in range(1, n):
        _rel(g, EX + f"Person/p{i}", "childOf", "child of", EX + f"Person/p{(i - 1) // 3}", "s")
    big = write_html(g, tmp_path / "big.html")
    assert _open(driver, big) < 15
    assert driver.execute_script("return kgGraph.nodes.length") == n
    assert _severe(driver) == []
    # 300 nodes: physics from a networkx start; pyvis's loading bar is gone once ready.
    medium = write_html(g.subgraph(list(g)[:300]).copy(), tmp_path / "medium.html")
    assert _open(driver, medium) < 15
    assert driver.execute_script("return kgGraph.network.physics.physicsEnabled") is False
    assert (
        driver.execute_script("return getComputedStyle(document.getElementById('loadingBar')).display")
        == "none"
    )
    assert _severe(driver) == []
    empty = write_html(nx.MultiDiGraph(), tmp_path / "empty.html", title="nothing yet")
    assert _open(driver, empty) < 5
    assert driver.execute_script("return kgGraph.nodes.length") == 0
    assert _severe(driver) == []


def test_browser_draws_a_real_build(driver, seed_build: Path) -> None:
    """``kg build``'s own graph.html, offline in Chromium: every entity drawn, no errors.

    The seed article's page has Apple and the Apple–AWS relation with its sentence.
    """
    from kg.graph.knowledge import KnowledgeGraph

    expected = KnowledgeGraph(seed_build).to_networkx()
    seconds = _open(driver, seed_build / "graph.html")
    assert seconds < 15
    assert _severe(driver) == []
    assert all(url.startswith(("file:", "data:", "blob:")) for url in _requests(driver))
    assert driver.execute_script("return kgGraph.nodes.length") == expected.number_of_nodes()
    assert driver.execute_script("return kgGraph.edges.length") == expected.number_of_edges()
    labels = driver.execute_script("return kgGraph.nodes.get().map(n => n.label)")
    assert {"Apple", "Amazon Web Services", "Benoit Dupin", "Trainium2"} <= set(labels)
    titles = driver.execute_script("return kgGraph.edges.get().map(e => String(e.title || ''))")
    assert any("Benoit Dupin, Apple’s Senior Director" in " ".join(t.split()) for t in titles)


# --- exploring the page: search, panel, class toggles, colours ------------------------------


def _click_node(driver, node_id: str) -> None:
    """A real mouse click on a node, at the point of the canvas where it is drawn."""
    from selenium.webdriver.common.action_chains import ActionChains

    canvas = driver.find_element("css selector", "#mynetwork canvas")
    xy, size = driver.execute_script(
        "const n = kgGraph.network, r = arguments[1].getBoundingClientRect();"
        "return [n.canvasToDOM(n.getPositions([arguments[0]])[arguments[0]]), [r.width, r.height]];",
        node_id,
        canvas,
    )
    assert driver.execute_script("return kgGraph.network.getNodeAt(arguments[0])", xy) == node_id
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(xy["x"] - size[0] / 2), int(xy["y"] - size[1] / 2)
    ).click().perform()


def _panel(driver, title: str) -> str:
    """Wait until the side panel shows ``title``; return the panel's text."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 5).until(
        lambda d: d.execute_script(
            "const p = document.getElementById('kg-panel'), h = p.querySelector('h2');"
            "return !p.hidden && p.offsetWidth > 0 && h !== null && h.textContent === arguments[0];",
            title,
        )
    )
    return driver.find_element("id", "kg-panel").text


def _search(driver, text: str) -> list[str]:
    """Type into the search box; return the suggestions shown."""
    from selenium.webdriver.support.ui import WebDriverWait

    box = driver.find_element("id", "kg-search-input")
    box.clear()
    box.send_keys(text)
    WebDriverWait(driver, 5).until(lambda d: d.find_element("id", "kg-suggestions").is_displayed())
    return [li.text for li in driver.find_elements("css selector", "#kg-suggestions li")]


def _drawn(driver) -> list[int]:
    """How many nodes and edges vis-network draws (hidden ones are left out)."""
    return driver.execute_script(
        "const b = kgGraph.network.body; return [b.nodeIndices.length, b.edgeIndices.length];"
    )


def test_browser_search_suggests_and_selects(driver, page_file: Path) -> None:
    from selenium.webdriver.common.keys import Keys

    _open(driver, page_file)
    suggestions = _search(driver, "aws")
    # The exact other name first (with the entity's label), then names that start so.
    assert suggestions[0] == "AWS = Amazon Web Services"
    assert "AWS re:Invent Event" in suggestions
    assert _search(driver, "zzz") == ["no entity matches"]
    _search(driver, "TRAINIUM")
    driver.find_element("id", "kg-search-input").send_keys(Keys.ENTER)
    text = _panel(driver, "Trainium2")
    assert driver.execute_script("return kgGraph.network.getSelectedNodes()") == [EX + "Product/Trainium2"]
    assert driver.find_element("id", "kg-search-input").get_attribute("value") == "Trainium2"
    assert not driver.find_element("id", "kg-suggestions").is_displayed()
    assert "Apple uses Trainium2 chips from AWS." in text and "AWS develops Trainium2." in text
    # Arrow keys pick another suggestion; the view centres on the chosen node.
    _search(driver, "amazon")
    box = driver.find_element("id", "kg-search-input")
    box.send_keys(Keys.ARROW_DOWN)
    box.send_keys(Keys.ENTER)
    _panel(driver, "Amazon Web Services")
    time.sleep(0.5)  # the centring animation
    centre = driver.execute_script(  # of the canvas left of the panel
        "const n = kgGraph.network, id = arguments[0]; const p = n.canvasToDOM(n.getPositions([id])[id]);"
        "const r = document.getElementById('mynetwork').getBoundingClientRect();"
        "const w = r.width - document.getElementById('kg-panel').offsetWidth;"
        "return [p.x - w / 2, p.y - r.height / 2];",
        EX + "Organization/AWS",
    )
    assert abs(centre[0]) < 5 and abs(centre[1]) < 5
    assert _severe(driver) == []


def test_browser_click_shows_relations_with_evidence(driver, page_file: Path) -> None:
    _open(driver, page_file)
    assert not driver.find_element("id", "kg-panel").is_displayed()
    _click_node(driver, EX + "Person/Tim_Cook")
    text = _panel(driver, "Tim Cook")
    assert driver.execute_script("return kgGraph.network.getSelectedNodes()") == [EX + "Person/Tim_Cook"]
    assert "Person" in text and "Cook" in text and EX + "Person/Tim_Cook" in text
    assert "Out (2)" in text and "In (" not in text
    assert "Tim Cook works for Apple" in text and "Tim Cook leads Apple" in text
    assert "\nTim Cook works for Apple.\n" in text
    assert "\nApple CEO Tim Cook said the company is pleased.\n" in text
    assert "source: seeds/apple-aws-trainium2.txt (rule:worksFor, 0.80)" in text
    # The other end of a relation is a link: follow it to Apple, whose panel lists both ways.
    driver.find_element("css selector", "#kg-panel .kg-node-link").click()
    text = _panel(driver, "Apple")
    assert "Also\nApple Inc.; AAPL" in text and "Out (2)" in text and "In (2)" in text
    # An edge click shows that relation; the close button closes the panel.
    driver.execute_script(
        "kgGraph.showEdge(kgGraph.edges.getIds({filter: e => e.kgPredicate === 'organizes'})[0])"
    )
    text = _panel(driver, "Relation")
    assert "Amazon Web Services organizes AWS re:Invent" in text
    assert "\nAWS announced it at re:Invent.\n" in text
    driver.find_element("id", "kg-panel-close").click()
    assert not driver.find_element("id", "kg-panel").is_displayed()
    assert _severe(driver) == []


def test_browser_class_toggles_hide_and_show_a_class(driver, page_file: Path) -> None:
    _open(driver, page_file)
    assert _drawn(driver) == [8, 9]
    person = driver.find_element("css selector", '#kg-legend input[data-class="Person"]')
    person.click()
    assert not person.is_selected()
    hidden = driver.execute_script("return kgGraph.nodes.get({filter: n => n.hidden}).map(n => n.id)")
    assert hidden == [EX + "Person/Tim_Cook"]
    assert _drawn(driver) == [7, 7]  # Tim Cook and his two relations are gone
    driver.find_element("css selector", '#kg-legend input[data-class="Organization"]').click()
    assert _drawn(driver) == [4, 0]
    time.sleep(0.2)
    painted = driver.execute_script(
        """
        const c = document.querySelector('#mynetwork canvas'), ctx = c.getContext('2d');
        const d = ctx.getImageData(0, 0, c.width, c.height).data, seen = new Set();
        for (let i = 0; i < d.length; i += 4) {
          if (d[i + 3] === 255) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        }
        return Array.from(seen).map(x => '#' + x.toString(16).padStart(6, '0'));
        """
    )
    assert CLASS_COLORS["Organization"] not in painted and CLASS_COLORS["Person"] not in painted
    assert CLASS_COLORS["Product"] in painted
    # Searching for a hidden entity shows its class again.
    driver.execute_script("kgGraph.select(arguments[0])", EX + "Organization/Amazon")
    _panel(driver, "Amazon")
    assert driver.find_element("css selector", '#kg-legend input[data-class="Organization"]').is_selected()
    person.click()
    assert _drawn(driver) == [8, 9]
    assert _severe(driver) == []


def test_browser_colour_by_community(driver, page_file: Path) -> None:
    _open(driver, page_file)
    communities = driver.find_element("id", "kg-communities")
    assert not communities.is_displayed()
    driver.find_element("css selector", 'input[name="kg-colour"][value="community"]').click()
    assert communities.is_displayed() and communities.text
    colours = driver.execute_script(
        "return kgGraph.nodes.get().map(n => [n.color.background, n.kgCommunityColor])"
    )
    assert all(a == b for a, b in colours) and len({a for a, _ in colours}) >= 2
    driver.find_element("css selector", 'input[name="kg-colour"][value="class"]').click()
    assert not communities.is_displayed()
    colours = driver.execute_script(
        "return kgGraph.nodes.get().map(n => [n.color.background, n.kgClassColor])"
    )
    assert all(a == b for a, b in colours)
    assert _severe(driver) == []


def test_browser_panel_and_search_show_hostile_text_as_text(driver, page_file: Path) -> None:
    from selenium.webdriver.common.keys import Keys

    _open(driver, page_file)
    assert _search(driver, "<img") == [f"{XSS_LABEL} Technology"]
    assert _search(driver, "javascript:") == [f"{HREF_ALT} = {XSS_LABEL}"]
    driver.find_element("id", "kg-search-input").send_keys(Keys.ENTER)
    text = _panel(driver, XSS_LABEL)
    assert HREF_ALT in text
    assert f"\n{SCRIPT_PAYLOAD}\n" in text and f"\n{XSS_LABEL} {SCRIPT_PAYLOAD}\n" in text
    assert f"{XSS_LABEL} {XSS_LABEL} Amazon Web Services" in text  # the relation's label is hostile too
    markup = driver.execute_script(
        "return document.querySelectorAll('#kg-panel img, #kg-panel a, #kg-panel script,"
        " #kg-suggestions *:not(li):not(span)').length"
    )
    assert markup == 0
    assert driver.find_elements("css selector", "img") == []
    assert driver.execute_script("return typeof window.pwned") == "undefined"
    assert _no_alert(driver)
    assert _severe(driver) == []


def test_browser_focus_page_opens_on_a_hostile_iri_safely(driver, tmp_path: Path) -> None:
    g = make_graph()
    hostile_iri = EX + "x" + SCRIPT_PAYLOAD
    g.add_node(hostile_iri, label="Hostile IRI", cls="Organization", alt_labels="", mentions=1)
    _rel(g, hostile_iri, "partnerOf", "partner of", EX + "Organization/Apple", SCRIPT_PAYLOAD)
    _open(driver, write_html(g, tmp_path / "focus.html", focus="Hostile IRI", depth=1))
    text = _panel(driver, "Hostile IRI")
    assert hostile_iri in text
    assert driver.execute_script("return kgGraph.nodes.length") == 2
    assert driver.execute_script("return typeof window.pwned") == "undefined"
    assert _no_alert(driver) and _severe(driver) == []


def test_browser_seed_article_page_panel(driver, seed_build: Path) -> None:
    """The seed article's page: Apple with AWS, Amazon, Google, Microsoft, NVIDIA; selecting
    Apple lists its relations, each with a sentence from the article."""
    from selenium.webdriver.common.keys import Keys

    _open(driver, seed_build / "graph.html")
    labels = set(driver.execute_script("return kgGraph.nodes.get().map(n => n.kgLabel)"))
    assert {"Apple", "Amazon Web Services", "Amazon", "Google", "Microsoft", "NVIDIA"} <= labels
    _search(driver, "apple")
    driver.find_element("id", "kg-search-input").send_keys(Keys.ENTER)
    text = _panel(driver, "Apple")
    relations = driver.execute_script(
        """
        return Array.from(document.querySelectorAll('#kg-panel .kg-rel')).map(r => [
          r.querySelector('.kg-triple').textContent,
          Array.from(r.querySelectorAll('.kg-sentence')).map(q => q.textContent),
          Array.from(r.querySelectorAll('.kg-source-name')).map(s => s.textContent)]);
        """
    )
    assert len(relations) >= 3
    assert any("Amazon Web Services" in triple for triple, _, _ in relations)
    for triple, sentences, sources in relations:
        assert sentences and all(len(s) > 20 for s in sentences), triple
        assert sources and all(s.endswith("apple-aws-trainium2.txt") for s in sources), triple
    assert "Organization" in text
    assert _severe(driver) == []


def test_cli_html_filters_and_opens_on_the_focus(driver, seed_build: Path, tmp_path: Path, capsys) -> None:
    from kg.cli import main
    from kg.graph.knowledge import KnowledgeGraph

    whole = KnowledgeGraph(seed_build).to_networkx()
    apple = next(n for n, d in whole.nodes(data=True) if d["label"] == "Apple")
    out = tmp_path / "apple.html"
    assert main(["html", str(seed_build), "--focus", "APPLE", "--depth", "1", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {out}"
    page = out.read_text(encoding="utf-8")
    expected = {apple, *whole.successors(apple), *whole.predecessors(apple)}
    assert {v["id"] for v in _vis_data(page, "nodes")} == expected
    assert _config(page)["focus"] == [apple]
    assert f"of {whole.number_of_nodes()} entities" in page and "within 1 of Apple" in page
    _open(driver, out)
    assert "Benoit Dupin" in _panel(driver, "Apple")
    assert _severe(driver) == []

    assert main(["html", str(seed_build), "--top", "3", "--class", "organization", "-o", str(out)]) == 0
    nodes = _vis_data(out.read_text(encoding="utf-8"), "nodes")
    assert len(nodes) == 3 and {v["kgClass"] for v in nodes} == {"Organization"}
    assert main(["html", str(seed_build), "--focus", "Aple", "-o", str(tmp_path / "x.html")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no entity named 'Aple'" in err and "Apple" in err
    assert not (tmp_path / "x.html").exists()
    with pytest.raises(SystemExit):
        main(["html", str(seed_build), "--min-confidence", "2"])
    # The Python API takes the same filters.
    page = KnowledgeGraph(seed_build).to_html(tmp_path / "api.html", properties=["uses"])
    assert {e["kgPredicate"] for e in _vis_data(page.read_text(encoding="utf-8"), "edges")} == {"uses"}


def test_browser_seed_clicking_the_apple_trainium2_edge_shows_its_sentence(driver, seed_build: Path) -> None:
    """A real click on the Apple -> Trainium2 edge opens the panel with the sentence stating it."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import WebDriverWait

    _open(driver, seed_build / "graph.html")
    point = driver.execute_script(
        """
        const n = kgGraph.network, label = id => kgGraph.nodes.get(id).kgLabel;
        const e = kgGraph.edges.get().find(e => label(e.from) === 'Apple' && label(e.to) === 'Trainium2');
        if (!e) { return null; }
        const p = n.canvasToDOM(n.body.edges[e.id].edgeType.getPoint(0.5));
        return {x: p.x, y: p.y};
        """
    )
    assert point is not None, "no Apple -> Trainium2 edge on the page"
    canvas = driver.find_element("css selector", "#mynetwork canvas")
    width, height = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return [r.width, r.height];", canvas)
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(point["x"] - width / 2), int(point["y"] - height / 2)).click().perform()
    WebDriverWait(driver, 5).until(lambda d: d.execute_script(
        "const p = document.getElementById('kg-panel'); return !p.hidden && p.offsetWidth > 0;"))
    text = " ".join(driver.find_element("id", "kg-panel").text.split())
    assert "Apple’s exploration of Amazon’s new Trainium2 chip" in text
    assert "Trainium2" in text and "uses" in text
    assert _severe(driver) == []


# --- big graphs: header counts, unlinked entities, readable labels ------------------------


def test_header_counts_are_kg_stats(seed_build: Path, tmp_path: Path, capsys) -> None:
    from kg.cli import main

    assert main(["stats", str(seed_build), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert main(["html", str(seed_build), "-o", str(tmp_path / "g.html")]) == 0
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    shown = {m.group(1): int(m.group(2)) for m in re.finditer(r'data-count="(\w+)" data-value="(\d+)"', page)}
    assert shown == {
        "entities": sum(stats["entities"].values()), "relations": sum(stats["relations"].values()),
        "components": stats["components"]["count"], "communities": stats["communities"]["count"],
    }
    # The seed has relations to values (job titles) the page does not draw: the header
    # still counts them, as kg stats does; what is drawn is said apart.
    assert shown["relations"] > len(_vis_data(page, "edges"))
    assert 'class="kg-drawn">drawn: <span id="kg-summary">' in page


def test_header_counts_without_a_store_are_the_graphs(tmp_path: Path) -> None:
    g = make_graph()
    _add(g, "Place/Nowhere", "Nowhere", "Place")
    page = write_html(g, tmp_path / "g.html").read_text(encoding="utf-8")
    shown = {m.group(1): int(m.group(2)) for m in re.finditer(r'data-count="(\w+)" data-value="(\d+)"', page)}
    simple = nx.Graph(g.to_undirected())
    simple.remove_edges_from(nx.selfloop_edges(simple))
    assert shown["entities"] == g.number_of_nodes() and shown["relations"] == g.number_of_edges()
    assert shown["components"] == nx.number_connected_components(simple)


def _star_and_loners(linked: int, loners: int) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    hub = _add(g, "Organization/hub", "Hub", "Organization")
    for i in range(linked):
        _rel(g, _add(g, f"Person/p{i}", f"Person {i}", "Person"), "worksFor", "works for", hub, "x")
    for i in range(loners):
        _add(g, f"Place/l{i}", f"Loner {i}", "Place")
    return g


def test_unlinked_entities_are_set_apart_and_hidden_over_the_threshold(tmp_path: Path) -> None:
    from kg.viz.page import UNLINKED_SHOWN_MAX

    few = write_html(_star_and_loners(30, 5), tmp_path / "few.html", physics=False).read_text(encoding="utf-8")
    assert _config(few)["unlinked"] == 5 and _config(few)["hideUnlinked"] is False
    assert re.search(r'<input type="checkbox" id="kg-unlinked-input" checked>', few)
    many = UNLINKED_SHOWN_MAX + 1
    page = write_html(_star_and_loners(30, many), tmp_path / "many.html", physics=False).read_text(encoding="utf-8")
    config = _config(page)
    assert config["unlinked"] == many and config["hideUnlinked"] is True
    assert f"unlinked entities ({many})" in page and 'id="kg-unlinked-input">' in page
    # Set apart: every unlinked entity below every linked one, not mixed in.
    nodes = _vis_data(page, "nodes")
    loner_y = [n["y"] for n in nodes if "/l" in n["id"]]
    linked_y = [n["y"] for n in nodes if "/l" not in n["id"]]
    assert len(loner_y) == many and min(loner_y) > max(linked_y)


def test_browser_top_labels_keep_their_size_on_screen(driver, tmp_path: Path) -> None:
    from kg.viz.page import LABEL_DRAW_THRESHOLD, LABEL_PIXELS, TOP_LABELS, UNLINKED_SHOWN_MAX

    g = _star_and_loners(400, UNLINKED_SHOWN_MAX + 20)
    for i in range(0, 400, 7):  # some structure, so importance differs
        _rel(g, EX + f"Person/p{i}", "worksFor", "works for", EX + f"Person/p{(i * 13) % 400}", "y")
    _open(driver, write_html(g, tmp_path / "labels.html", physics=False))
    assert _severe(driver) == []

    def label_pixels() -> tuple[dict[str, float], float]:
        return driver.execute_script(
            "const s = kgGraph.network.getScale(), out = {};"
            "kgGraph.nodes.get().forEach(n => { if (!n.hidden) out[n.id] = (n.font && n.font.size || 14) * s; });"
            "return [out, s];")

    for zoom in (1.0, 0.5):
        if zoom != 1.0:
            driver.execute_script("kgGraph.network.moveTo({scale: kgGraph.network.getScale() * arguments[0]});", zoom)
            time.sleep(0.5)
        pixels, scale = label_pixels()
        assert scale < 1, "the first view of 400 entities is zoomed out"
        big = [n for n, px in pixels.items() if px > LABEL_DRAW_THRESHOLD]
        # The most important are drawn at LABEL_PIXELS on screen; every other label is
        # below the threshold, so vis-network does not draw it at all.
        assert 5 <= len(big) <= TOP_LABELS
        assert all(abs(pixels[n] - LABEL_PIXELS) < 0.5 for n in big)
        assert EX + "Organization/hub" in big
    # The unlinked entities start hidden (over the threshold) and come back with the switch.
    drawn = _drawn(driver)[0]
    assert drawn == 401
    driver.find_element("id", "kg-unlinked-input").click()
    assert _drawn(driver)[0] == 401 + UNLINKED_SHOWN_MAX + 20
    # Found by search, a hidden unlinked entity is shown and selected.
    driver.find_element("id", "kg-unlinked-input").click()
    assert driver.execute_script("return kgGraph.select(arguments[0])", EX + "Place/l3")
    assert driver.execute_script("return !kgGraph.nodes.get(arguments[0]).hidden", EX + "Place/l3")
