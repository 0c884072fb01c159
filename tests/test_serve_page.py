"""The graph page served by a real ``kg serve`` on 127.0.0.1, in a real Chromium.

A copy of the seed article's build gets a page of its 5 most important entities
(``kg html --top 5``); ``kg serve`` (Oxigraph behind it) serves it at ``/graph``.
The page finds out it is served, and then a click on an entity adds its
neighbours from ``/query`` and the panel of an added relation shows its sentence
from ``kg:Evidence``; search asks the endpoint for names not on the page. Every
request the browser makes goes to the server's own origin.
"""

from __future__ import annotations

import json
import shutil
import time
import urllib.request
from pathlib import Path

import pytest

from test_serve import Served
from test_viz import CHROMIUM_FLAGS, _click_node, _drawn, _panel, _requests, _search, _severe

SEED_TEXT = Path(__file__).resolve().parents[2] / "shared/seeds/apple-aws-trainium2.txt"
APPLE = "https://w3id.org/kg/id/Organization/Apple"


@pytest.fixture(scope="module")
def served(seed_build: Path, tmp_path_factory: pytest.TempPathFactory):
    from kg.cli import main

    out = tmp_path_factory.mktemp("served") / "out"
    shutil.copytree(seed_build, out)
    assert main(["html", str(out), "--top", "5", "-o", str(out / "graph.html")]) == 0
    server = Served(out)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory, browser_binaries: tuple[str, str]):
    """Chromium as in test_viz, without the offline switch (it would cut loopback too):
    the proxy flag sends anything not on 127.0.0.1 nowhere, and the test checks the log."""
    chromium, chromedriver = browser_binaries
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    try:
        drv.execute_cdp_cmd("Network.enable", {})
        yield drv
    finally:
        drv.quit()


def _wait(driver, script: str, *args, timeout: float = 15):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: d.execute_script(script, *args))


def _evidence(served: Served, s: str, o: str) -> set[str]:
    """The sentences the endpoint holds for the relations between ``s`` and ``o``."""
    query = ("SELECT ?sentence WHERE { ?ev a kg:Evidence ; kg:sentence ?sentence . "
             f"{{ ?ev rdf:subject <{s}> ; rdf:object <{o}> }} UNION {{ ?ev rdf:subject <{o}> ; rdf:object <{s}> }} }}")
    request = urllib.request.Request(served.sparql, data=query.encode(), method="POST", headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as reply:
        return {b["sentence"]["value"] for b in json.load(reply)["results"]["bindings"]}


def test_served_page_expands_from_the_endpoint(served: Served, driver) -> None:
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(served.url + "/graph")
    _wait(driver, "return document.body.dataset.kgReady === '1'", timeout=30)
    assert driver.execute_script("return document.body.dataset.kgServed") == "1"
    assert driver.find_element("id", "kg-live").is_displayed()
    start = _drawn(driver)[0]
    assert start == 5

    # A real click on Apple: its neighbours come from /query, placed around it.
    _click_node(driver, APPLE)
    _panel(driver, "Apple")
    _wait(driver, "return document.body.dataset.kgExpanded === '1'")
    grown = _drawn(driver)[0]
    assert grown > start
    added = driver.execute_script(
        "return kgGraph.edges.get().filter(e => e.kgRemote).map(e => [e.id, e.from, e.to, e.kgLabel])")
    assert added and all(APPLE in (f, t) for _, f, t, _ in added)
    assert "added from /query" in driver.find_element("id", "kg-panel").text

    # The panel of an added relation shows its sentence, read from kg:Evidence.
    trainium = next(e for e in added if e[2].endswith("/Trainium2") or e[1].endswith("/Trainium2"))
    assert driver.execute_script("return kgGraph.showEdge(arguments[0])", trainium[0])
    text = _panel(driver, "Relation")
    sentences = _evidence(served, trainium[1], trainium[2])
    assert sentences and any(" ".join(s.split()) in " ".join(text.split()) for s in sentences)
    article = " ".join(SEED_TEXT.read_text(encoding="utf-8").split())
    assert all(" ".join(s.split()) in article for s in sentences)

    # Search finds an entity that is not on the page, through the endpoint, and adds it.
    assert not driver.execute_script("return kgGraph.nodes.get().some(n => n.kgLabel === 'Microsoft Azure')")
    _search(driver, "azure")
    _wait(driver, "return [...document.querySelectorAll('#kg-suggestions li.kg-remote')]"
                  ".some(li => li.textContent.startsWith('Microsoft Azure'))")
    from selenium.webdriver.common.keys import Keys

    driver.find_element("id", "kg-search-input").send_keys(Keys.ENTER)
    _panel(driver, "Microsoft Azure")
    _wait(driver, "return document.body.dataset.kgExpanded === '2'")
    assert _drawn(driver)[0] > grown  # Azure, and Microsoft beside it
    assert driver.execute_script(
        "return kgGraph.nodes.get().some(n => n.kgLabel === 'Microsoft' && !n.hidden)")

    time.sleep(0.3)
    assert _severe(driver) == []
    requests = _requests(driver)
    assert any(u.endswith("/query") for u in requests)
    assert all(u.startswith(served.url + "/") or u.startswith("data:") for u in requests), requests


def test_file_page_stays_static(served: Served, driver) -> None:
    """The same page opened as a file asks nothing: no endpoint, today's page."""
    driver.get_log("performance")
    driver.get((served.out / "graph.html").as_uri())
    _wait(driver, "return document.body.dataset.kgReady === '1'", timeout=30)
    assert driver.execute_script("return document.body.dataset.kgServed") == "0"
    assert not driver.find_element("id", "kg-live").is_displayed()
    assert driver.execute_script("return kgGraph.expand(arguments[0]).then(n => n)", APPLE) == 0
    assert not any("/query" in u for u in _requests(driver))
