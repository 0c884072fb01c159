"""``kg serve`` with real clients against a real server on 127.0.0.1.

The server is the real command (``python -m kg serve``) in a subprocess over a
copy of the seed article's build, with Oxigraph's server behind it: SPARQLWrapper,
rdflib's SPARQLStore and plain HTTP (urllib) with each content type; updates,
LOAD and SERVICE refused; a runaway query stopped; a malformed query answered
with the parser's message; the graph page; a build into the served directory.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import rdflib

pytest.importorskip("SPARQLWrapper")
if not (shutil.which("oxigraph") or Path(sys.executable).with_name("oxigraph").is_file()):
    pytest.skip("the Oxigraph server is not installed (pip install oxigraph)", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 2
MAX_RESULTS = 100
KG = "https://w3id.org/kg/ontology#"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


class Served:
    """A running ``kg serve``: its process, base URL and the build it serves."""

    def __init__(self, out: Path, *options: str) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        self.out = out
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", str(out), "--port", "0", *options],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        line = self.process.stdout.readline()  # type: ignore[union-attr]
        match = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
        if not match:
            self.process.kill()
            raise AssertionError(f"kg serve did not start: {line}{self.process.stderr.read()}")  # type: ignore[union-attr]
        self.url = match.group(1)
        self.sparql = self.url + "/query"

    def backends(self) -> list[int]:
        """The pids of the oxigraph processes this server started."""
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                pids.append(int(stat.parent.name))
        return pids

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(15)


def fetch(url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
          method: str | None = None) -> tuple[int, str, bytes]:
    """Status, Content-Type and body of one request, errors included."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, reply.headers.get("Content-Type", ""), reply.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def ask(served: Served, query: str, accept: str = "application/sparql-results+json",
        how: str = "form") -> tuple[int, str, bytes]:
    """A query sent by GET, urlencoded POST ("form") or direct POST ("direct")."""
    if how == "get":
        return fetch(served.sparql + "?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept})
    if how == "direct":
        return fetch(served.sparql, query.encode(), {"Accept": accept, "Content-Type": "application/sparql-query"})
    return fetch(served.sparql, urllib.parse.urlencode({"query": query}).encode(),
                 {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})


@pytest.fixture(scope="module")
def served(seed_build: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("served") / "out"
    shutil.copytree(seed_build, out)
    server = Served(out, "--timeout", str(TIMEOUT), "--max-results", str(MAX_RESULTS))
    yield server
    server.stop()


ORGS = "SELECT ?name WHERE { ?o a kg:Organization ; rdfs:label ?name } ORDER BY ?name"


def test_sparqlwrapper_json_and_csv(served: Served) -> None:
    from SPARQLWrapper import CSV, JSON, SPARQLWrapper

    client = SPARQLWrapper(served.sparql)
    client.setQuery(ORGS)  # kg: and rdfs: are declared by the server
    client.setReturnFormat(JSON)
    names = [b["name"]["value"] for b in client.queryAndConvert()["results"]["bindings"]]
    assert "Apple" in names and "Amazon Web Services" in names
    client.setReturnFormat(CSV)
    rows = list(csv.reader(io.StringIO(client.queryAndConvert().decode("utf-8"))))
    assert rows[0] == ["name"] and [r[0] for r in rows[1:]] == names


def test_rdflib_sparqlstore(served: Served) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = rdflib.Graph(store=SPARQLStore(served.sparql, returnFormat="json"))
    rows = graph.query(f"""PREFIX kg: <{KG}>
        SELECT ?person ?org WHERE {{ ?p kg:worksFor ?o . ?p rdfs:label ?person . ?o rdfs:label ?org }}""")
    pairs = {(str(r.person), str(r.org)) for r in rows}
    assert ("Benoit Dupin", "Apple") in pairs
    assert (rdflib.URIRef(f"{KG}Person"), None, None) not in graph  # a triple pattern through the store: no error
    apple = rdflib.URIRef("https://w3id.org/kg/id/Organization/Apple")
    assert list(graph.objects(apple, rdflib.RDFS.label)) == [rdflib.Literal("Apple")]


@pytest.mark.parametrize("how", ["get", "form", "direct"])
@pytest.mark.parametrize("accept, kind", [
    ("application/sparql-results+json", "json"), ("application/sparql-results+xml", "xml"),
    ("text/csv", "csv"), ("text/tab-separated-values", "tsv"),
])
def test_select_in_each_format(served: Served, how: str, accept: str, kind: str) -> None:
    status, ctype, body = ask(served, ORGS, accept, how)
    assert status == 200 and ctype.startswith(accept), (status, ctype, body[:200])
    result = rdflib.query.Result.parse(io.BytesIO(body), format=kind)
    names = [str(row[0]) for row in result]
    assert "Apple" in names and names == sorted(names)


@pytest.mark.parametrize("accept, fmt", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
])
def test_construct_in_each_format(served: Served, accept: str, fmt: str) -> None:
    query = "CONSTRUCT { ?o rdfs:label ?name } WHERE { ?o a kg:Organization ; rdfs:label ?name }"
    status, ctype, body = ask(served, query, accept, "direct")
    assert status == 200 and ctype.startswith(accept), (status, ctype, body[:200])
    graph = rdflib.Graph().parse(data=body, format=fmt)
    assert (rdflib.URIRef("https://w3id.org/kg/id/Organization/Apple"), rdflib.RDFS.label,
            rdflib.Literal("Apple")) in graph
    status, ctype, body = ask(served, "DESCRIBE <https://w3id.org/kg/id/Organization/Apple>", accept)
    assert status == 200 and len(rdflib.Graph().parse(data=body, format=fmt)) > 3


@pytest.mark.parametrize("request_kind", ["update form", "update endpoint", "sparql-update", "insert as query"])
def test_updates_are_refused(served: Served, request_kind: str) -> None:
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    status, _, body = {
        "update form": lambda: fetch(served.sparql, urllib.parse.urlencode({"update": update}).encode(), form),
        "update endpoint": lambda: fetch(served.url + "/update", urllib.parse.urlencode({"update": update}).encode(), form),
        "sparql-update": lambda: fetch(served.sparql, update.encode(), {"Content-Type": "application/sparql-update"}),
        "insert as query": lambda: ask(served, update),
    }[request_kind]()
    assert status == 403 and b"read-only" in body, (status, body)
    assert ask(served, "ASK { <urn:a> ?p ?o }")[2].endswith(b"false}")


def test_load_and_service_are_refused(served: Served) -> None:
    status, _, body = ask(served, "LOAD <https://www.w3.org/1999/02/22-rdf-syntax-ns>")
    assert status == 403 and body.startswith(b"LOAD is refused: this endpoint is read-only")
    status, _, body = ask(served, "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }")
    assert status == 403 and body.startswith(b"SERVICE is refused")
    # the word inside a string is no SERVICE
    assert ask(served, 'SELECT * WHERE { ?s rdfs:label "SERVICE" }')[0] == 200


LONG = '"' * 3
#: Oxigraph reads ``<?o#>`` after an operand in ( ) as "less than" and a comment, hiding the
#: long string's start, so the SERVICE on the next line runs; the IRI reading hides the SERVICE.
HIDDEN_SERVICE = [
    "SELECT * WHERE { BIND(1<2#>" + LONG + "\nAS ?x) SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } #" + LONG + "\n}",
    # one ambiguous < really an IRI (a collection), the next really "less than"
    "SELECT * WHERE { ?s ?p (?x <urn:a'b>) FILTER(?o<?o#'>" + LONG + "\n) SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } #"
    + LONG + "\n}",
]


@pytest.mark.parametrize("query", HIDDEN_SERVICE)
def test_service_hidden_behind_an_ambiguous_less_than_is_refused(served: Served, query: str) -> None:
    status, _, body = ask(served, query)
    assert status == 403 and body.startswith(b"SERVICE is refused"), (status, body)


def test_iris_with_hash_after_an_operand_still_answer(served: Served) -> None:
    query = ("SELECT * WHERE { VALUES (?a ?b) { (<urn:x#1> <urn:y#2>) (<urn:x#3> <urn:y#4>) } "
             "FILTER(?a != <urn:x#SERVICE>) }")
    assert ask(served, query)[0] == 200


def test_a_query_over_the_time_limit_is_stopped(served: Served) -> None:
    started = time.monotonic()
    status, _, body = ask(served, RUNAWAY)
    elapsed = time.monotonic() - started
    assert status == 503 and b"ran over the time limit of 2 s" in body, (status, body)
    assert elapsed < TIMEOUT + 2.5
    started = time.monotonic()
    status, _, body = ask(served, "ASK { ?s a kg:Person }")  # still answering, at once
    assert status == 200 and body.endswith(b"true}") and time.monotonic() - started < 2


def test_a_malformed_query_gets_the_parsers_message(served: Served) -> None:
    status, ctype, body = ask(served, "SELECT * WHERE { ?s rdfs:label }")
    assert status == 400 and ctype.startswith("text/plain")
    assert body.decode().startswith("error at 1:"), body  # the user's line, though prefixes were added


def test_the_result_limit(served: Served) -> None:
    status, _, body = ask(served, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == MAX_RESULTS
    status, _, body = ask(served, "SELECT * WHERE { ?s ?p ?o } LIMIT 3")
    assert len(json.loads(body)["results"]["bindings"]) == 3


def test_pages(served: Served) -> None:
    status, ctype, body = fetch(served.url + "/graph")
    assert status == 200 and ctype.startswith("text/html")
    assert body == (served.out / "graph.html").read_bytes()
    status, ctype, body = fetch(served.url + "/")
    assert status == 200 and b"yasgui.min.js" in body and b"PREFIX kg: <https://w3id.org/kg/ontology#>" in body
    status, ctype, body = fetch(served.url + "/yasgui.min.js")
    assert status == 200 and len(body) > 100_000  # YASGUI from Oxigraph itself: no network needed
    assert fetch(served.url + "/nothing")[0] == 404
    for around in ("/./store", "/x/../store", "/%2e/store", "/store/"):  # Oxigraph would serve the dataset
        assert fetch(served.url + around)[0] == 404, around


def test_sigterm_stops_both_processes(seed_build: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(seed_build, out)
    server = Served(out)
    backends = server.backends()
    assert len(backends) == 1 and ask(server, "ASK { ?s ?p ?o }")[0] == 200
    server.stop()
    assert server.process.returncode == 0
    assert "kg serve: stopped" in server.process.stdout.read()  # type: ignore[union-attr]
    assert not Path(f"/proc/{backends[0]}").exists(), "the oxigraph process outlived kg serve"


def test_a_build_into_the_served_directory(seed_build: Path, tmp_path: Path) -> None:
    """Answers during the build from the old graph, and from the new one after it."""
    out = tmp_path / "out"
    shutil.copytree(seed_build, out)
    article = tmp_path / "new.txt"
    article.write_text("Lisa Su is the chief executive of AMD. AMD designs chips in Santa Clara.\n")
    count = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Document }"

    def documents(server: Served) -> int:
        status, _, body = ask(server, count)
        assert status == 200, body
        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])

    server = Served(out)
    try:
        assert documents(server) == 1
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        build = subprocess.Popen([sys.executable, "-m", "kg", "build", str(article), "-o", str(out), "-q"],
                                 env=env, stderr=subprocess.PIPE, text=True)
        seen = []
        while build.poll() is None:
            seen.append(documents(server))  # the old graph, while the build writes
            time.sleep(0.2)
        assert build.returncode == 0, build.stderr.read()  # type: ignore[union-attr]
        assert set(seen) <= {1}
        deadline = time.monotonic() + 15
        while documents(server) != 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert documents(server) == 2, "the new document is not served after the build"
        while len(server.backends()) != 1 and time.monotonic() < deadline + 10:
            time.sleep(0.2)  # the supervisor stops the old backend at its next look, once it is idle
        assert len(server.backends()) == 1  # the old backend was stopped
    finally:
        server.stop()


def test_an_ambiguous_less_than_cannot_hide_the_limit_from_the_cap():
    from kg.serve.sparql import refusal

    hidden = "SELECT * { ?s ?p ?o FILTER(0<?o#> ) } LIMIT 1\n) }"  # to Oxigraph, "LIMIT 1" is a comment
    assert refusal(hidden).startswith("the query is refused: a '<' could be an IRI or 'less than', and its LIMIT")
    assert refusal("SELECT * { ?s ?p ?o FILTER(?o < 5) } LIMIT 1") is None
