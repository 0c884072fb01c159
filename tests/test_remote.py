"""``--store URL``: kg against real SPARQL servers on 127.0.0.1.

Oxigraph's server (``oxigraph serve``, from the ``oxigraph`` package) is started
on a free port over a temporary directory; the seed article (or, without it,
one bundled sample text) is built into it with ``kg build --store URL`` and
into a local build, and every reading command must answer the same from both.
A server that is down, or refuses, gives one line. Virtuoso (Debian's
``virtuoso-opensource``) is tested when its ``virtuoso-t`` is installed;
``KG_REQUIRE_VIRTUOSO=1`` (set by ``.ci/run``) makes its absence a failure.
"""

from __future__ import annotations

import http.server
import json
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic as same_graph

from conftest import SEED, skip_or_fail
from kg.cli import main
from kg.graph import remote
from kg.graph.knowledge import open_graph
from kg.graph.remote import Endpoints, RemoteStore
from kg.graph.store import GraphStore

ROOT = Path(__file__).resolve().parents[1]
VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A server process on 127.0.0.1, ready once ``probe`` answers; stopped by :meth:`stop`."""

    def __init__(self, command: list[str], probe: str, wait: float = 60.0) -> None:
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + wait
        while True:
            try:
                with urllib.request.urlopen(probe, timeout=2):
                    return
            except OSError:
                if self.process.poll() is not None:
                    error = self.process.stderr.read().decode()  # type: ignore[union-attr]
                    raise AssertionError(f"{command[0]} exited: {error}")
                if time.monotonic() > deadline:
                    self.stop()
                    raise AssertionError(f"{command[0]} did not answer {probe} within {wait:.0f} s")
                time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def oxigraph(location: Path, mode: str = "serve") -> tuple[Server, str]:
    binary = Path(sys.executable).with_name("oxigraph")
    binary = str(binary) if binary.is_file() else shutil.which("oxigraph")
    if binary is None:
        pytest.fail("the Oxigraph server is not installed: pip install oxigraph")
    url = f"http://127.0.0.1:{free_port()}"
    server = Server([binary, mode, "--location", str(location), "--bind", url[len("http://"):]],
                    f"{url}/query?query=ASK%7B%7D")
    return server, url


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    process, url = oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield url
    process.stop()


@pytest.fixture(scope="module")
def article() -> Path:
    return SEED if SEED.is_file() else ROOT / "kg/sample/microsoft-cloud.txt"


@pytest.fixture(scope="module")
def builds(server: str, article: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The article built locally and into the server: (local build, remote build's OUT)."""
    local, out = tmp_path_factory.mktemp("local"), tmp_path_factory.mktemp("remote-out")
    assert main(["build", str(article), "-o", str(local), "-q"]) == 0
    assert main(["build", str(article), "-o", str(out), "--store", server, "-q"]) == 0
    return local, out


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def isomorphic(a: Path, b: Path, fmt: str = "turtle") -> bool:
    return same_graph(rdflib.Graph().parse(a, format=fmt), rdflib.Graph().parse(b, format=fmt))


def test_build_into_the_server_writes_the_same_graph_and_local_outputs(  # type: ignore[no-untyped-def]
        builds, server):
    local, out = builds
    assert not (out / "store").exists()  # the server is the store
    assert (out / "graph.html").is_file()
    assert isomorphic(local / "graph.ttl", out / "graph.ttl")
    remote_store = RemoteStore.open(Endpoints.from_url(server))
    assert len(remote_store) == len(GraphStore.open_build(local, read_only=True)) > 100
    rows = GraphStore.open_build(local, read_only=True).query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
    assert remote_store.graphs() == sorted((r["g"] for r in rows), key=str)  # the quarantine, if any


def test_building_again_adds_nothing(builds, server, article, capsys):  # type: ignore[no-untyped-def]
    _, out = builds
    before = len(RemoteStore.open(Endpoints.from_url(server)))
    code, text, _ = run(capsys, "build", str(article), "-o", str(out), "--store", server)
    assert code == 0 and "0 new document(s), 1 already in the graph" in text
    assert len(RemoteStore.open(Endpoints.from_url(server))) == before


def test_python_api_builds_into_and_reads_a_server(builds, server, article, tmp_path):  # type: ignore[no-untyped-def]
    import kg

    local, _ = builds
    graph = kg.build(article, tmp_path / "out", store=server, html=False)
    assert graph.report.skipped == 1 and graph.report.documents == 0
    assert graph.remote == Endpoints.from_url(server) and graph.store.location == server
    assert graph.stats().to_dict() == kg.open_graph(local).stats().to_dict()
    assert kg.open_graph(server).query("SELECT ?d WHERE { ?d a kg:Document }") == \
        kg.open_graph(local).query("SELECT ?d WHERE { ?d a kg:Document }")


def test_reading_commands_answer_as_from_the_local_build(  # type: ignore[no-untyped-def]
        builds, server, capsys):
    local, _ = builds
    graph = open_graph(local).to_networkx().to_undirected()
    first = open_graph(local).stats(1).central[0].iri
    hops = nx.single_source_shortest_path_length(graph, first)
    farthest = max(sorted(hops), key=lambda n: hops[n])
    assert hops[farthest] >= 2
    commands = [
        ["query", "SELECT ?name ?class WHERE { ?e a ?class ; rdfs:label ?name } ORDER BY ?name ?class"],
        ["query", "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o", "--format", "csv"],
        ["query", "ASK { ?d a kg:Document }", "--format", "json"],
        ["query", "CONSTRUCT WHERE { ?e a kg:Organization ; rdfs:label ?l }", "--format", "csv"],
        ["stats", "--json"],
        ["stats", "--top", "3"],
        ["path", first, farthest, "--json"],
        ["neighbors", first, "--depth", "2", "--json"],
        ["validate"],
    ]
    for command in commands:
        name, rest = command[0], command[1:]
        here = run(capsys, name, str(local), *rest)
        there = run(capsys, name, *rest, "--store", server)
        if name == "query" and "CONSTRUCT" in rest[0]:  # a graph: the same triples, in any order
            here, there = ((c, sorted(o.splitlines()), e) for c, o, e in (here, there))
        assert there == here, command
    assert run(capsys, "query", "ASK { ?d a kg:Document }", "--store", server)[1] == "true\n"


def test_export_and_html_from_the_server(builds, server, tmp_path, capsys):  # type: ignore[no-untyped-def]
    local, _ = builds
    for fmt, suffix, parse in (("turtle", "ttl", "turtle"), ("nq", "nq", "nquads"), ("xml", "rdf", "xml")):
        a, b = tmp_path / f"local.{suffix}", tmp_path / f"remote.{suffix}"
        assert run(capsys, "export", str(local), "--format", fmt, "-o", str(a))[0] == 0
        assert run(capsys, "export", "--store", server, "--format", fmt, "-o", str(b))[0] == 0
        if parse == "nquads":
            assert sorted(a.read_text().splitlines()) == sorted(b.read_text().splitlines())
        else:
            assert isomorphic(a, b, parse), fmt
    code, text, _ = run(capsys, "export", "--store", server, "--format", "nt")
    assert code == 0 and text.count(" .\n") == len(rdflib.Graph().parse(tmp_path / "local.ttl"))
    pages = []
    for where in ([str(local)], ["--store", server]):
        page = tmp_path / f"page{len(pages)}.html"
        assert run(capsys, "html", *where, "-o", str(page), "--title", "same")[0] == 0
        pages.append(drawn(page.read_text(encoding="utf-8")))
    assert pages[0] == pages[1] and len(pages[0][0]) > 5


def drawn(page: str) -> tuple[set, set]:  # type: ignore[type-arg]
    """The entities (id, label, title) and relations (from, to, label) a graph page draws."""
    found = {name: json.loads(data) for name, data in
             re.findall(r"(nodes|edges) = new vis\.DataSet\((.*?)\);\n", page)}
    return ({(n["id"], n.get("label"), n.get("title")) for n in found["nodes"]},
            {(e["from"], e["to"], e.get("label")) for e in found["edges"]})


def test_source_and_store_are_one_or_the_other(builds, server, capsys):  # type: ignore[no-untyped-def]
    local, _ = builds
    code, _, err = run(capsys, "stats", str(local), "--store", server)
    assert code == 1 and err.count("\n") == 1 and "not both" in err
    code, _, err = run(capsys, "stats", "--user", "dba")
    assert code == 1 and "--user needs --store URL" in err
    code, _, err = run(capsys, "stats", "--store", "127.0.0.1:7878")
    assert code == 1 and "not a store URL" in err
    code, _, err = run(capsys, "query", "SELEC ?x", "--store", server)
    assert code == 1 and err.count("\n") == 1 and "rejected the query" in err


def test_a_server_that_is_down_is_one_line_and_loses_nothing(  # type: ignore[no-untyped-def]
        builds, article, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(remote, "BACKOFF", 0.01)
    local, _ = builds
    out = tmp_path / "out"
    shutil.copytree(local, out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    down = f"http://127.0.0.1:{free_port()}"
    for argv in (["build", str(article), "-o", str(out), "--store", down], ["stats", "--store", down],
                 ["query", "ASK {}", "--store", down], ["html", "--store", down, "-o", str(out / "x.html")]):
        code, _, err = run(capsys, *argv)
        assert code == 1, argv
        expected = rf"kg: error: {down}/query: cannot reach the SPARQL server \(.+; tried 4 times\)\n"
        assert re.fullmatch(expected, err), err
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_a_server_that_refuses_writes_is_one_line(  # type: ignore[no-untyped-def]
        article, tmp_path, capsys, builds):
    local, _ = builds
    location = tmp_path / "ro"
    pyoxigraph.Store(str(location)).flush()  # an empty store to serve (closed when collected)
    process, url = oxigraph(location, "serve-read-only")
    try:
        code, _, err = run(capsys, "build", str(article), "-o", str(tmp_path / "out"), "--store", url)
    finally:
        process.stop()
    assert code == 1 and err.count("\n") == 1, err
    assert err.startswith(f"kg: error: {url}/store") and "the SPARQL server refused: HTTP 4" in err
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_insert_data_batches_without_a_graph_store(  # type: ignore[no-untyped-def]
        builds, article, tmp_path, capsys, monkeypatch):
    """A server with only query and update endpoints: INSERT DATA in batches (small ones here)."""
    monkeypatch.setattr(remote, "INSERT_BATCH", 50)
    local, _ = builds
    process, url = oxigraph(tmp_path / "update-only")
    try:
        out = tmp_path / "out"
        code, _, err = run(capsys, "build", str(article), "-o", str(out), "--store", url,
                           "--query-endpoint", "/query", "--update-endpoint", "/update", "--no-html", "-q")
        assert code == 0, err
        assert isomorphic(local / "graph.ttl", out / "graph.ttl")
        assert run(capsys, "stats", "--json", "--store", url, "--query-endpoint", "/query") == \
            run(capsys, "stats", str(local), "--json")
    finally:
        process.stop()


def test_a_changed_text_replaces_its_facts_in_the_server(tmp_path, capsys):  # type: ignore[no-untyped-def]
    process, url = oxigraph(tmp_path / "server")
    try:
        text = tmp_path / "a.txt"
        for version in ("Tim Cook is the CEO of Apple. Apple is based in Cupertino.",
                        "Satya Nadella is the CEO of Microsoft, which is based in Redmond."):
            text.write_text(version, encoding="utf-8")
            assert run(capsys, "build", str(text), "-o", str(tmp_path / "local"), "--no-html", "-q")[0] == 0
            code, report, err = run(capsys, "build", str(text), "-o", str(tmp_path / "out"), "--store", url)
            assert code == 0, err
        assert "1 new document(s) (1 replacing an older text of the same source)" in report
        assert isomorphic(tmp_path / "local" / "graph.ttl", tmp_path / "out" / "graph.ttl")
        assert not open_graph(url).query("ASK { ?e rdfs:label 'Tim Cook' }")
        assert open_graph(url).query("ASK { ?e rdfs:label 'Satya Nadella' }")
    finally:
        process.stop()


class _Flaky(http.server.BaseHTTPRequestHandler):
    """Answers 503 to the first ``failures`` requests, then ASK's true; records what it got."""

    failures = 0
    seen: list[dict[str, str]] = []

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).seen.append(dict(self.headers))
        if len(self.seen) <= self.failures:
            self.send_response(503)
            self.end_headers()
            return
        body = b'{"head":{},"boolean":true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
        pass


@pytest.mark.parametrize("failures", [2, 9])
def test_5xx_is_retried_with_backoff_then_one_line(failures, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(remote, "BACKOFF", 0.01)
    monkeypatch.setenv(remote.PASSWORD_ENV, "s3cret")
    _Flaky.failures, _Flaky.seen = failures, []
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Flaky)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        endpoints = Endpoints.from_url(url, query="/sparql", user="kg")
        assert endpoints.password == "s3cret" and "s3cret" not in repr(endpoints)
        if failures <= remote.RETRIES:
            assert RemoteStore(endpoints).query("ASK {}")
            assert len(_Flaky.seen) == failures + 1
        else:
            refused = rf"^{url}/sparql: the SPARQL server refused: HTTP 503"
            with pytest.raises(remote.SourceError, match=refused):
                RemoteStore(endpoints).query("ASK {}")
            assert len(_Flaky.seen) == remote.RETRIES + 1
        assert all(h["Authorization"] == "Basic a2c6czNjcmV0" for h in _Flaky.seen)  # kg:s3cret
    finally:
        httpd.shutdown()


# -- Virtuoso -------------------------------------------------------------------------------

def virtuoso_ini(directory: Path, sql_port: int, http_port: int) -> Path:
    """Debian's virtuoso.ini with its files in ``directory``, loopback ports, no row cap."""
    section, lines = "", []
    for line in VIRTUOSO_INI.read_text().splitlines():
        if line.startswith("["):
            section = line.strip("[] ")
        key = line.split("=")[0].strip() if "=" in line and not line.startswith(";") else ""
        if section in ("Database", "TempDatabase") and key in (
                "DatabaseFile", "ErrorLogFile", "LockFile", "TransactionFile", "xa_persistent_file"):
            line = f"{key} = {directory / line.rsplit('/', 1)[-1].strip()}"
        elif key == "ServerPort":
            line = f"ServerPort = 127.0.0.1:{sql_port if section == 'Parameters' else http_port}"
        elif section == "SPARQL" and key == "ResultSetMaxRows":
            line = "ResultSetMaxRows = 1000000"
        elif section == "Plugins" and key.startswith("Load") and key != "LoadPath":
            line = ";" + line
        lines.append(line)
    path = directory / "virtuoso.ini"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    binary = shutil.which("virtuoso-t")
    if binary is None or not VIRTUOSO_INI.is_file():
        skip_or_fail("needs Virtuoso (apt-get install virtuoso-opensource)", "KG_REQUIRE_VIRTUOSO")
    directory = tmp_path_factory.mktemp("virtuoso")
    port = free_port()
    ini = virtuoso_ini(directory, free_port(), port)
    url = f"http://127.0.0.1:{port}"
    process = Server([binary, "+foreground", "+configfile", str(ini)], f"{url}/sparql?query=ASK%7B%7D",
                     wait=90)
    yield url
    process.stop()


def essentials(data: dict) -> dict:  # type: ignore[type-arg]
    """Counts and relations without their order, nor which of two extractors' evidence for one
    sentence is shown (kg takes the first the store returns; Virtuoso returns them in its own order)."""
    data = dict(data)
    if "relations" in data and isinstance(data["relations"], list):
        data["relations"] = sorted(json.dumps({k: v for k, v in r.items() if k != "evidence"}, sort_keys=True)
                                   for r in data["relations"])
    return data


def test_virtuoso_with_digest_auth_and_graph_store(  # type: ignore[no-untyped-def]
        builds, virtuoso, article, tmp_path, capsys):
    local, _ = builds
    options = ["--store", virtuoso, "--query-endpoint", "/sparql", "--update-endpoint", "/sparql-auth",
               "--graph-store-endpoint", "/sparql-graph-crud-auth", "--store-graph", "https://example.org/kg",
               "--user", "dba", "--auth", "digest"]
    bad = tmp_path / "bad"
    code, _, err = run(capsys, "build", str(article), "-o", str(bad), *options, "--password", "nope")
    assert code == 1 and err.count("\n") == 1 and "HTTP 401" in err, err
    out = tmp_path / "out"
    code, _, err = run(capsys, "build", str(article), "-o", str(out), *options, "--password", "dba", "-q")
    assert code == 0, err
    assert isomorphic(local / "graph.ttl", out / "graph.ttl")
    reads = options[:4] + options[8:10]  # the query endpoint and the graph: reading needs no login
    for command in (["stats", "--json"], ["neighbors", open_graph(local).stats(1).central[0].iri, "--json"]):
        there, here = run(capsys, *command, *reads), run(capsys, command[0], str(local), *command[1:])
        assert there[0] == here[0] == 0
        assert essentials(json.loads(there[1])) == essentials(json.loads(here[1]))
    assert run(capsys, "validate", *reads) == run(capsys, "validate", str(local))
    exported = tmp_path / "v.nq"
    assert run(capsys, "export", *reads, "--format", "nq", "-o", str(exported))[0] == 0
    here = tmp_path / "l.nq"
    run(capsys, "export", str(local), "--format", "nq", "-o", str(here))
    assert sorted(exported.read_text().splitlines()) == sorted(here.read_text().splitlines())


def test_remove_from_a_server_leaves_what_a_local_removal_leaves(tmp_path, capsys):  # type: ignore[no-untyped-def]
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Satya Nadella leads Microsoft. Microsoft uses Azure.", encoding="utf-8")
    second.write_text("Microsoft is headquartered in Redmond.", encoding="utf-8")
    process, url = oxigraph(tmp_path / "oxigraph")
    try:
        local, out = tmp_path / "local", tmp_path / "out"
        for where in (["-o", str(local)], ["-o", str(out), "--store", url]):
            assert run(capsys, "build", str(first), str(second), *where, "-q")[0] == 0
            assert run(capsys, "remove", where[1], str(first), *where[2:], "-q")[0] == 0
        for name in ("local.nt", "remote.nt"):
            args = [str(local)] if name == "local.nt" else ["--store", url]
            assert run(capsys, "export", *args, "--format", "nt", "-o", str(tmp_path / name))[0] == 0
        assert isomorphic(tmp_path / "local.nt", tmp_path / "remote.nt", "nt")
        code, text, _ = run(capsys, "query", "ASK { ?p rdfs:label 'Satya Nadella' }", "--store", url)
        assert code == 0 and text == "false\n"
        assert run(capsys, "remove", str(out), str(first), "--store", url)[1].startswith("nothing")
    finally:
        process.stop()


def test_credentials_written_into_the_store_url_are_credentials_not_part_of_its_name():
    endpoints = Endpoints.from_url("http://kg:s3cret@127.0.0.1:7878")
    assert (endpoints.user, endpoints.password) == ("kg", "s3cret")
    assert "s3cret" not in endpoints.url + endpoints.query + repr(endpoints)
    assert endpoints.url == "http://kg@127.0.0.1:7878" and endpoints.query == "http://kg@127.0.0.1:7878/query"
    given = Endpoints.from_url("http://kg:s3cret@127.0.0.1:7878", user="other", password="pw")
    assert (given.user, given.password) == ("other", "pw")  # the options win
