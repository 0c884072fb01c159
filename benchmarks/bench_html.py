"""kg html on big graphs: time to write the page, its size, time until a browser has drawn it.

Usage: python benchmarks/bench_html.py [--sizes 1000,10000,50000] [--no-cap 10000] [--no-browser]

Builds synthetic graphs shaped like real knowledge graphs (seeded, so every run
draws the same ones): a few hubs and a long tail (preferential attachment),
the ontology's classes and properties (only pairs its domains and ranges
allow), other names for a third of the entities and one to three evidence
sentences per relation, each with its document. For each size it writes the
page with ``kg.viz.write_html``'s defaults (above 2,000 entities: the 2,000
most important, the rest counted on the page), and for the sizes given to
``--no-cap`` every entity too. Then it opens each page in headless Chromium
with the network off and times it until the page says it is drawn and has
stopped moving (``document.body.dataset.kgReady``), and how long selecting the
biggest node takes (centre it, fill the side panel). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx
    from selenium.webdriver.remote.webdriver import WebDriver

CLASSES = {
    "Organization": 0.34, "Person": 0.30, "Product": 0.16, "Place": 0.10, "Event": 0.05, "Technology": 0.05,
}
# (subject class, object class) -> properties the ontology allows, with their labels.
ALLOWED = {
    ("Person", "Organization"): ["worksFor", "leads", "memberOf", "educatedAt"],
    ("Organization", "Organization"): ["subsidiaryOf", "acquired", "investsIn", "partnerOf", "competesWith"],
    ("Organization", "Product"): ["develops", "uses", "acquired"],
    ("Organization", "Technology"): ["develops", "uses"],
    ("Person", "Product"): ["develops", "uses"],
    ("Organization", "Place"): ["headquarteredIn", "locatedIn"],
    ("Person", "Place"): ["livesIn", "bornIn", "nationality"],
    ("Organization", "Event"): ["organizes", "participatesIn"],
    ("Person", "Event"): ["participatesIn"],
    ("Person", "Person"): ["spouse", "childOf"],
    ("Event", "Place"): ["locatedIn"],
    ("Place", "Place"): ["locatedIn"],
}
LABELS = {
    "worksFor": "works for", "leads": "leads", "memberOf": "member of", "educatedAt": "educated at",
    "subsidiaryOf": "subsidiary of", "acquired": "acquired", "investsIn": "invests in",
    "partnerOf": "partner of", "competesWith": "competes with", "develops": "develops", "uses": "uses",
    "headquarteredIn": "headquartered in", "locatedIn": "located in", "livesIn": "lives in",
    "bornIn": "born in", "nationality": "nationality", "organizes": "organizes",
    "participatesIn": "participates in", "spouse": "spouse", "childOf": "child of",
}
SYLLABLES = "ka lo mi ra ven tor al is en dor sa qu ix ne ba zu ri po la mon tek gen sol vi".split()
SUFFIX = {
    "Organization": ["Inc.", "Labs", "Systems", "Group", "Capital", "AI"], "Person": [""],
    "Product": ["Pro", "X", "2", "Cloud", "Chip"], "Place": ["City", "Valley", "Bay", ""],
    "Event": ["Summit", "Conference", "Expo"], "Technology": ["Engine", "Protocol", "Stack"],
}


def synthetic_graph(n: int, seed: int = 42, relations_per_entity: float = 2.5) -> nx.MultiDiGraph:
    """A MultiDiGraph of ``n`` entities with the attributes of ``kg.analysis.to_networkx``."""
    import networkx as nx

    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    classes = rng.choices(list(CLASSES), weights=list(CLASSES.values()), k=n)
    names = []
    for i, cls in enumerate(classes):
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        if cls == "Person":
            name = f"{word} {''.join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()}"
        else:
            name = f"{word} {rng.choice(SUFFIX[cls])}".strip()
        name = f"{name} {i}"  # unique, as resolved entities are
        alts = f"{word} {i}" if rng.random() < 0.33 else ""
        iri = f"https://w3id.org/kg/id/{cls}/{name.replace(' ', '_')}"
        names.append(iri)
        g.add_node(iri, label=name, cls=cls, alt_labels=alts, mentions=rng.randint(1, 5))
    # A few hubs (Zipf-weighted) take a fifth of the relations; otherwise preferential
    # attachment: an entity is picked in proportion to the relations it has already (+1).
    hubs = rng.sample(range(n), max(n // 500, 3))
    hub_weights = [1 / (rank + 1) for rank in range(len(hubs))]
    pool = list(range(n))
    documents = max(n // 20, 1)
    target = int(n * relations_per_entity)
    tries = edges = 0
    while edges < target and tries < target * 20:
        tries += 1
        s = rng.randrange(n)
        o = rng.choices(hubs, hub_weights)[0] if rng.random() < 0.2 else rng.choice(pool)
        if s == o:
            continue
        props = ALLOWED.get((classes[s], classes[o]))
        if props is None:
            s, o = o, s
            props = ALLOWED.get((classes[s], classes[o]))
        if props is None:
            continue
        prop = rng.choice(props)
        if g.has_edge(names[s], names[o], key=prop):
            continue
        evidence = []
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            doc = rng.randrange(documents)
            confidence = round(rng.uniform(0.5, 0.95), 2)
            subject, obj = g.nodes[names[s]]["label"], g.nodes[names[o]]["label"]
            sentence = (
                f"{subject} {LABELS[prop]} {obj}, the report said on day {rng.randint(1, 365)}, "
                "adding that the move followed months of talks between the two."
            )
            evidence.append({
                "sentence": sentence, "document": f"https://w3id.org/kg/doc/{doc:08x}",
                "source": f"corpus/news-{doc}.txt", "confidence": confidence, "extractor": "rule:svo",
            })
        evidence.sort(key=lambda e: -e["confidence"])
        g.add_edge(names[s], names[o], key=prop, predicate=prop, label=LABELS[prop],
                   confidence=evidence[0]["confidence"], sentence=evidence[0]["sentence"], evidence=evidence)
        pool += [s, o]
        edges += 1
    return g


def open_browser() -> WebDriver:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    chromedriver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--proxy-server=http://127.0.0.1:9", "--window-size=1280,800"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    driver.set_page_load_timeout(600)
    driver.set_script_timeout(600)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    return driver


def time_to_ready(driver: WebDriver, page: Path, timeout: float = 600.0) -> tuple[float, float]:
    """Seconds from navigation until the page is drawn and still; then milliseconds to
    select the biggest node and fill the side panel with its relations."""
    driver.get("about:blank")
    started = time.perf_counter()
    driver.get(page.as_uri())
    while not driver.execute_script("return !!(document.body && document.body.dataset.kgReady === '1')"):
        if time.perf_counter() - started > timeout:
            raise TimeoutError(f"{page.name} not ready after {timeout:.0f} s")
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    # "Stopped moving": two position snapshots half a second apart are the same.
    first = driver.execute_script("return JSON.stringify(kgGraph.network.getPositions())")
    time.sleep(0.5)
    if driver.execute_script("return JSON.stringify(kgGraph.network.getPositions())") != first:
        raise RuntimeError(f"{page.name}: still moving after kgReady")
    select_ms = driver.execute_script(
        "const hub = kgGraph.nodes.get().sort((a, b) => b.size - a.size)[0].id;"
        "const t = performance.now(); kgGraph.select(hub); return performance.now() - t;"
    )
    return seconds, select_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="entity counts (comma-separated)")
    parser.add_argument("--no-cap", default="10000", help="sizes to draw uncapped too ('' for none)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium timing")
    args = parser.parse_args()

    from kg.viz import write_html

    sizes = [int(s) for s in args.sizes.split(",") if s]
    uncapped = {int(s) for s in args.no_cap.split(",") if s}
    driver = None if args.no_browser else open_browser()
    rows = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            nan = float("nan")
            if driver is not None:  # warm the browser up on a small page
                warm = write_html(synthetic_graph(50), Path(tmp) / "warm.html")
                time_to_ready(driver, warm)
            for n in sizes:
                graph = synthetic_graph(n)
                for cap in (True, False) if n in uncapped else (True,):
                    page = Path(tmp) / f"g{n}{'' if cap else '-nocap'}.html"
                    started = time.perf_counter()
                    write_html(graph, page, title=f"synthetic {n}", **({} if cap else {"max_nodes": None}))
                    write_s = time.perf_counter() - started
                    text = page.read_text(encoding="utf-8")
                    drawn = text.count('"kgGroup"')
                    ready, select_ms = time_to_ready(driver, page) if driver is not None else (nan, nan)
                    rows.append((n, graph.number_of_edges(), "default" if cap else "--no-cap", drawn,
                                 write_s, page.stat().st_size / 1e6, ready, select_ms))
                    print(f"  {n:,} entities ({'default' if cap else 'no cap'}): {rows[-1][3:]}", flush=True)
    finally:
        if driver is not None:
            driver.quit()

    print()
    print("| entities | relations | page | drawn | write HTML | size | ready in Chromium | hub's panel |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|")
    for n, m, variant, drawn, write_s, mb, ready, select_ms in rows:
        print(f"| {n:,} | {m:,} | {variant} | {drawn:,} | {write_s:.1f} s | {mb:.1f} MB | {ready:.1f} s "
              f"| {select_ms:.0f} ms |")


if __name__ == "__main__":
    main()
