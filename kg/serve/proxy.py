"""The HTTP front of ``kg serve``: SPARQL 1.1 Protocol in, Oxigraph behind.

A small standard-library proxy (``ThreadingHTTPServer``) in front of
``oxigraph serve-read-only`` on an internal loopback port. It takes queries by
GET (``?query=``) and POST (urlencoded ``query=`` or a direct
``application/sparql-query`` body) at ``/query`` and ``/sparql``, refuses
updates, LOAD and SERVICE (403, the reason in the body), declares kg's
prefixes, caps the results, and passes the ``Accept`` header through, so
Oxigraph does the content negotiation (SPARQL JSON, XML, CSV, TSV; Turtle,
N-Triples, RDF/XML, N-Quads, TriG, JSON-LD). The answer is read whole before
it is sent, so a query stopped by the time limit is a 503 with a message, not
a 200 with half a result.

Routes: ``/`` YASGUI (Oxigraph's own, offline) with kg's prefixes in the editor;
``/graph`` the build's ``graph.html``; ``/update`` and ``/store`` 403.
"""

from __future__ import annotations

import http.client
import json
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.serve.backend import Backend, StoreWatch
from kg.serve.sparql import READ_ONLY, prepare, refusal, shift_error_lines
from kg.vocab import PREFIXES

__all__ = ["Endpoint", "Handler", "Limits", "Server"]

#: What Oxigraph appends to a streamed answer when its time limit stops a query.
_CANCELLED = b"The SPARQL operation has been cancelled"
_FORM = "application/x-www-form-urlencoded"
#: The static files of Oxigraph's YASGUI page the proxy passes on: one file name, no directories.
_STATIC = re.compile(r"/[A-Za-z0-9_-][A-Za-z0-9._-]*\.(?:js|css|svg|png|ico|map)")


@dataclass(frozen=True)
class Limits:
    """Per-query limits: seconds before a query is stopped, solutions at most (0: no cap)."""

    timeout: float = 30.0
    max_results: int = 10_000


class Endpoint:
    """The backend Oxigraph process of one build, replaced when a build changes the store."""

    def __init__(self, out: Path, limits: Limits) -> None:
        self.out = out
        self.limits = limits
        self.watch = StoreWatch(out / "store")
        self.backend = Backend(out / "store", limits.timeout).start()
        self.watch.mark_served()
        self._lock = threading.Lock()
        self._restart = threading.Event()
        self._stopping = threading.Event()
        self._retired: list[Backend] = []
        # Backends are started from this one long-lived thread (see backend._die_with_parent).
        self._thread = threading.Thread(target=self._supervise, name="kg-serve-backend", daemon=True)
        self._thread.start()

    def acquire(self) -> Backend:
        with self._lock:
            self.backend.active += 1
            return self.backend

    def release(self, backend: Backend) -> None:
        with self._lock:
            backend.active -= 1

    def restart(self) -> None:
        """Ask for a fresh backend (a runaway query, or the process died)."""
        self._restart.set()

    def _supervise(self) -> None:
        while not self._stopping.wait(0.5):
            fresh = self._restart.is_set() or not self.backend.alive()
            if fresh or self.watch.changed():
                self._restart.clear()
                try:
                    backend = Backend(self.out / "store", self.limits.timeout).start()
                except Exception:  # keep serving the old one; try again on the next look
                    continue
                self.watch.mark_served()
                with self._lock:
                    old, self.backend = self.backend, backend
                    self._retired.append(old)
                if fresh:
                    old.stop()  # a runaway query: stop it now
            with self._lock:
                done = [b for b in self._retired
                        if b.active <= 0 or time.monotonic() - b.started > self.limits.timeout + 60]
                self._retired = [b for b in self._retired if b not in done]
            for b in done:
                b.stop()

    def close(self) -> None:
        self._stopping.set()
        self._thread.join(5)
        with self._lock:
            backends = [self.backend, *self._retired]
        for b in backends:
            b.stop()


def index_page(html: str, title: str) -> str:
    """Oxigraph's YASGUI page with kg's prefixes in a new tab's query, and the build's name.

    Examples
    --------
    >>> page = index_page('<title>Oxigraph server</title> new Yasgui(el, { requestConfig: {} })', "kg: out")
    >>> "PREFIX kg: <https://w3id.org/kg/ontology#>" in page, "<title>kg: out</title>" in page
    (True, True)
    """
    prefixes = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items())
    query = prefixes + "\n\nSELECT ?entity ?label ?class WHERE {\n  ?entity a ?class ; rdfs:label ?label .\n} LIMIT 20\n"
    config = "{ yasqe: { value: " + json.dumps(query) + " }, "
    html = html.replace("<title>Oxigraph server</title>", f"<title>{_escape(title)}</title>")
    return html.replace("new Yasgui(document.getElementById(\"yasgui\"), {",
                        "new Yasgui(document.getElementById(\"yasgui\"), " + config, 1).replace(
                        "new Yasgui(el, {", "new Yasgui(el, " + config, 1)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Handler(BaseHTTPRequestHandler):
    """One request; ``server.endpoint`` is the :class:`Endpoint`."""

    server_version = "kg-serve"
    protocol_version = "HTTP/1.1"

    @property
    def endpoint(self) -> Endpoint:
        return self.server.endpoint  # type: ignore[attr-defined, no-any-return]

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    # -- routes --------------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path, _, query = self.path.partition("?")
        if path in ("/query", "/sparql"):
            params = urllib.parse.parse_qs(query, keep_blank_values=True)
            if "update" in params:
                return self._text(403, f"updates are refused: {READ_ONLY}")
            if "query" not in params:
                return self._text(400, "no query: send ?query=SPARQL (GET), or POST it")
            return self._sparql(params["query"][0], self._dataset(params))
        if path in ("/graph", "/graph.html"):
            return self._graph()
        if path in ("/update", "/store"):
            return self._text(403, f"{path} is refused: {READ_ONLY}")
        if path in ("/", "/index.html"):
            return self._index()
        return self._forward_static(path)

    def do_POST(self) -> None:  # noqa: N802
        path, _, query = self.path.partition("?")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if path in ("/update", "/store"):
            return self._text(403, f"{path} is refused: {READ_ONLY}")
        if path not in ("/query", "/sparql"):
            return self._text(404, f"no such place: {path}; the SPARQL endpoint is /query")
        params = urllib.parse.parse_qs(query, keep_blank_values=True)
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == _FORM:
            form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            if "update" in form:
                return self._text(403, f"updates are refused: {READ_ONLY}")
            if "query" not in form:
                return self._text(400, "no query: the form has no query= field")
            return self._sparql(form["query"][0], self._dataset({**params, **form}))
        if kind == "application/sparql-query":
            return self._sparql(body.decode("utf-8", "replace"), self._dataset(params))
        if kind == "application/sparql-update":
            return self._text(403, f"updates are refused: {READ_ONLY}")
        return self._text(415, f"unsupported Content-Type {kind or '(none)'!r}: use {_FORM} "
                               "or application/sparql-query")

    def do_PUT(self) -> None:  # noqa: N802
        self._text(403, f"{self.command} is refused: {READ_ONLY}")

    do_DELETE = do_PATCH = do_PUT  # noqa: N815

    # -- SPARQL ----------------------------------------------------------------------------------
    @staticmethod
    def _dataset(params: dict[str, list[str]]) -> list[tuple[str, str]]:
        return [(k, v) for k in ("default-graph-uri", "named-graph-uri") for v in params.get(k, [])]

    def _sparql(self, query: str, dataset: list[tuple[str, str]]) -> None:
        why = refusal(query)
        if why:
            return self._text(403, why)
        limits = self.endpoint.limits
        prepared = prepare(query, limits.max_results)
        url = "/query" + ("?" + urllib.parse.urlencode(dataset) if dataset else "")
        headers = {"Content-Type": "application/sparql-query; charset=utf-8",
                   "Accept": self.headers.get("Accept") or "*/*"}
        backend = self.endpoint.acquire()
        started = time.monotonic()
        try:
            status, reply_headers, data = _call(backend, "POST", url, prepared.text.encode("utf-8"),
                                                headers, limits.timeout + 1)
        except TimeoutError:
            self.endpoint.restart()  # Oxigraph did not stop it: a fresh backend, the old one killed
            return self._text(503, _over_time(limits.timeout))
        except OSError as e:
            self.endpoint.restart()
            return self._text(502, f"the Oxigraph backend failed: {e}; it is being restarted, try again")
        finally:
            self.endpoint.release(backend)
        elapsed = time.monotonic() - started
        if data.endswith(_CANCELLED) and elapsed >= min(limits.timeout, max(1, round(limits.timeout))) - 0.2:
            return self._text(503, _over_time(limits.timeout))
        if status == 400:
            return self._text(400, self._syntax_error(query, data, headers))
        self._send(status, data, reply_headers)

    def _syntax_error(self, query: str, message: bytes, headers: dict[str, str]) -> str:
        """The parser's message about the user's text: asked again without the added LIMIT,
        which would move the error to the end of the query, with the line counted from theirs."""
        unlimited = prepare(query, None)
        if self.endpoint.limits.max_results:
            backend = self.endpoint.acquire()
            try:
                status, _, message = _call(backend, "POST", "/query", unlimited.text.encode("utf-8"),
                                           headers, self.endpoint.limits.timeout + 1)
            except OSError:
                pass
            finally:
                self.endpoint.release(backend)
        return shift_error_lines(message.decode("utf-8", "replace"), unlimited.lines_added)

    # -- other routes ----------------------------------------------------------------------------
    def _graph(self) -> None:
        page = self.endpoint.out / "graph.html"
        try:
            data = page.read_bytes()
        except OSError:
            return self._text(404, f"no graph page: {page} is missing; write it with kg html {self.endpoint.out}")
        self._send(200, data, {"Content-Type": "text/html; charset=utf-8"})

    def _index(self) -> None:
        backend = self.endpoint.acquire()
        try:
            status, headers, data = _call(backend, "GET", "/", b"", {}, 10)
        except OSError as e:
            return self._text(502, f"the Oxigraph backend failed: {e}")
        finally:
            self.endpoint.release(backend)
        page = index_page(data.decode("utf-8"), f"kg: {self.endpoint.out.resolve().name}")
        self._send(status, page.encode("utf-8"), {"Content-Type": "text/html; charset=utf-8"})

    def _forward_static(self, path: str) -> None:
        """Oxigraph's own files (yasgui.min.js, yasgui.min.css, logo.svg), and nothing else:
        a path Oxigraph would resolve elsewhere ("/./store", the whole dataset) is not sent."""
        if not _STATIC.fullmatch(path):
            return self._text(404, f"no such place: {path}; the SPARQL endpoint is /query, the graph /graph")
        backend = self.endpoint.acquire()
        try:
            status, headers, data = _call(backend, "GET", path, b"", {}, 10)
        except OSError as e:
            return self._text(502, f"the Oxigraph backend failed: {e}")
        finally:
            self.endpoint.release(backend)
        if status == 404:
            return self._text(404, f"no such place: {path}; the SPARQL endpoint is /query, the graph /graph")
        self._send(status, data, headers)

    def _text(self, status: int, message: str) -> None:
        self._send(status, (message.rstrip("\n") + "\n").encode("utf-8"),
                   {"Content-Type": "text/plain; charset=utf-8"})

    def _send(self, status: int, data: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name in ("Content-Type", "Content-Disposition"):
            if headers.get(name):
                self.send_header(name, headers[name])
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


class Server(ThreadingHTTPServer):
    """The listening socket: one thread a request, each answered by :class:`Handler`."""

    daemon_threads = True
    request_queue_size = 128  # the default 5 makes a burst of clients wait for SYN retries (1 s)

    def __init__(self, address: tuple[str, int], endpoint: Endpoint, *, verbose: bool = False) -> None:
        super().__init__(address, Handler)
        self.endpoint = endpoint
        self.verbose = verbose


def _over_time(limit: float) -> str:
    return (f"query stopped: it ran over the time limit of {limit:g} s "
            "(kg serve --timeout SECONDS raises it; LIMIT or a narrower pattern makes the query cheaper)")


def _call(backend: Backend, method: str, url: str, body: bytes, headers: dict[str, str],
          timeout: float) -> tuple[int, dict[str, str], bytes]:
    """One request to the backend, read whole: status, headers, body."""
    conn = http.client.HTTPConnection("127.0.0.1", backend.port, timeout=timeout)
    try:
        conn.request(method, url, body=body or None, headers=headers)
        reply = conn.getresponse()
        data = reply.read()
        return reply.status, {k.title(): v for k, v in reply.getheaders()}, data
    finally:
        conn.close()
