"""kg.viz: the offline HTML page, checked as text and in a real headless Chromium.

The browser tests run Debian's Chromium through Selenium with the network off
(CDP offline emulation plus a dead proxy), so a page that fetched anything, ran
injected markup or failed to draw would fail here. They skip only when
Chromium or chromedriver is not installed (set KG_CHROMIUM / KG_CHROMEDRIVER to
use other binaries).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import shutil
import time
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from kg.viz import CLASS_COLORS, FALLBACK_COLOR, check_offline, write_html

EX = "http://example.org/kg/"
XSS_LABEL = "<img src=x onerror=alert(1)>"
SCRIPT_PAYLOAD = "</script><script>window.pwned=1</script>"
HREF_ALT = '<a href="javascript:window.pwned=2">click</a>'
TITLE = 'Apple & AWS <script>window.pwned=3</script> "news"'


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
    # Exactly the four scripts we expect: pyvis utils, vis-network, pyvis's data, our ready hook.
    assert [tag for tag, _ in _tags(page)].count("script") == 4
    assert page.lower().count("</script") == 4
    # The hostile strings are in the data, escaped for a <script> block, and come back intact.
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page
    nodes = {n["id"]: n for n in _vis_data(page, "nodes")}
    assert nodes[EX + "Technology/evil"]["kgLabel"] == XSS_LABEL
    assert HREF_ALT in nodes[EX + "Technology/evil"]["kgTitle"]
    titles = [e["title"] for e in _vis_data(page, "edges")]
    assert any(SCRIPT_PAYLOAD in t and "seeds/apple-aws-trainium2.txt" in t for t in titles)
    # Page chrome is escaped by us; pyvis's raw heading is not used.
    assert f"<title>{html.escape(TITLE)}</title>" in page
    assert f'<h1 id="kg-title">{html.escape(TITLE)}</h1>' in page
    assert "<center>" not in page


def test_titles_never_switch_pyvis_to_an_innerhtml_popup(page: str) -> None:
    # A node title with "href" makes pyvis 0.3.2 render titles with innerHTML.
    assert "popup.innerHTML" not in page
    assert all("title" not in n for n in _vis_data(page, "nodes"))


def test_content_security_policy_allows_only_our_scripts(page: str) -> None:
    csp = next(
        attrs["content"]
        for tag, attrs in _tags(page)
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy"
    )
    assert csp is not None
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
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
    # The two Tim Cook -> Apple edges are bent apart instead of drawn on top of each other.
    cook_apple = [e for e in edges if e["from"] == EX + "Person/Tim_Cook"]
    assert len(cook_apple) == 2
    assert sorted(e["smooth"]["roundness"] for e in cook_apple) == [0.25, 0.5]
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
    assert "var usePhysics = false;" in page
    small = write_html(make_graph(), tmp_path / "small.html", physics=False).read_text(encoding="utf-8")
    assert "var usePhysics = false;" in small and all("x" in v for v in _vis_data(small, "nodes"))


def test_physics_is_bounded_and_switched_off_after_stabilisation(page: str) -> None:
    options = _vis_options(page)
    stabilization = options["physics"]["stabilization"]
    assert options["physics"]["enabled"] and stabilization["enabled"]
    assert 0 < stabilization["iterations"] <= 1000
    assert "var usePhysics = true;" in page
    assert 'network.once("stabilizationIterationsDone"' in page


def test_rejects_what_is_not_a_graph(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="networkx graph"):
        write_html({"a": "b"}, tmp_path / "g.html")  # type: ignore[arg-type]


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


def _binary(env: str, default: str, name: str) -> str | None:
    for candidate in (os.environ.get(env), default, shutil.which(name)):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory):
    chromium = _binary("KG_CHROMIUM", "/usr/bin/chromium", "chromium")
    chromedriver = _binary("KG_CHROMEDRIVER", "/usr/bin/chromedriver", "chromedriver")
    if chromium is None or chromedriver is None:
        pytest.skip("needs Chromium and chromedriver (apt-get install chromium chromium-driver)")
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
    from kg.graph import KnowledgeGraph

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
