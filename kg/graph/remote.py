"""A SPARQL 1.1 server as the store: :class:`RemoteStore` has GraphStore's verbs over HTTP.

Reads go through the SPARQL 1.1 Protocol (a form POST of ``query=``), writes
through the Graph Store Protocol (a POST of N-Triples per graph, batched) or,
for a server without one, SPARQL 1.1 Update (``INSERT DATA`` in batches of
:data:`INSERT_BATCH` triples). A request that cannot connect, or gets a 5xx,
is tried again :data:`RETRIES` times with a doubling pause; then one
:class:`~kg.errors.SourceError` names the URL and the reason.

An Oxigraph server (``oxigraph serve``) needs only its base URL: ``/query``,
``/update`` and ``/store`` are found from it. Other servers name their
endpoints; Virtuoso's default graph is the union of every graph it holds, so
kg's default graph goes into a named graph of its own there (``graph``).

Examples
--------
>>> e = Endpoints.from_url("http://127.0.0.1:7878")
>>> e.query, e.update, e.graph_store
('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update', 'http://127.0.0.1:7878/store')
>>> e = Endpoints.from_url("http://127.0.0.1:8890", query="/sparql", update="/sparql-auth",
...                        user="dba", password="dba", auth="digest")
>>> e.query, e.update, e.graph_store, e.password
('http://127.0.0.1:8890/sparql', 'http://127.0.0.1:8890/sparql-auth', None, 'dba')
>>> Endpoints.from_url("127.0.0.1:7878")
Traceback (most recent call last):
kg.errors.SourceError: 127.0.0.1:7878: not a store URL; give http://HOST:PORT (e.g. http://127.0.0.1:7878)
"""

from __future__ import annotations

import base64
import http.client
import netrc
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Literal

import pyoxigraph as ox

from kg.config import PASSWORD_ENV  # the environment variable read for the password when none is given
from kg.errors import QueryError, SourceError
from kg.vocab import KG_NS, PREFIXES

#: Triples in one ``INSERT DATA`` request.
INSERT_BATCH = 1_000
#: Triples in one Graph Store Protocol POST.
POST_BATCH = 50_000
#: Tries after the first for a request that cannot connect or gets a 5xx.
RETRIES = 3
#: Seconds before the first retry; doubled before each next one.
BACKOFF = 0.25
#: Seconds a request may take.
TIMEOUT = 300.0

Auth = Literal["basic", "digest"]
_FORM = re.compile(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_PROLOGUE = re.compile(r"\s*(?:(?:#[^\n]*\n)|(?:PREFIX\s+[^\s:]*:\s*<[^>]*>)|(?:BASE\s*<[^>]*>)|\s)*",
                       re.IGNORECASE)
_RESULTS = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"
_FORM_TYPE = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class Endpoints:
    """Where a SPARQL 1.1 server answers, and how to log in to it.

    Parameters
    ----------
    url
        The server's base URL, as given to ``--store``.
    query, update, graph_store
        The SPARQL Protocol, SPARQL Update and Graph Store Protocol endpoints;
        ``update`` and ``graph_store`` may be ``None`` (read-only; writes by
        ``INSERT DATA``).
    user, password, auth
        Credentials, sent as HTTP Basic or Digest authentication.
    graph
        A named graph that holds kg's default graph, for servers whose
        default graph is the union of all their graphs (Virtuoso).
    """

    url: str
    query: str
    update: str | None = None
    graph_store: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    auth: Auth = "basic"
    graph: str | None = None
    #: The graph store endpoint takes a whole dataset (N-Quads) in one transactional POST (Oxigraph's /store).
    dataset_post: bool = False

    @classmethod
    def from_url(cls, url: str, *, query: str | None = None, update: str | None = None,
                 graph_store: str | None = None, user: str | None = None,
                 password: str | None = None, auth: Auth = "basic",
                 graph: str | None = None) -> Endpoints:
        """The endpoints of the server at ``url``.

        With no endpoint given, Oxigraph's layout (``/query``, ``/update``,
        ``/store``); otherwise the endpoints given, relative to ``url``, and
        ``url`` itself for the query endpoint if that one is not given. A user
        without a password reads it from ``$KG_STORE_PASSWORD``, then ``~/.netrc``.
        """
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise SourceError(f"{_public(url)}: not a store URL; give http://HOST:PORT "
                              "(e.g. http://127.0.0.1:7878)")
        if auth not in ("basic", "digest"):
            raise SourceError(f"{auth!r}: unknown authentication; use basic or digest")
        if parts.password is not None:  # http://user:secret@host: the secret is a credential, not a name
            user = user or urllib.parse.unquote(parts.username or "")
            password = urllib.parse.unquote(parts.password) if password is None else password
            url = _public(url)
            parts = urllib.parse.urlsplit(url)
        base = url.rstrip("/") + "/"
        oxigraph = query is None and update is None and graph_store is None and graph is None
        if oxigraph:
            query, update, graph_store = "query", "update", "store"
        join = (lambda e: None if e is None else urllib.parse.urljoin(base, e.lstrip("/") if not
                                                                     urllib.parse.urlsplit(e).scheme else e))
        if user and password is None:
            password = os.environ.get(PASSWORD_ENV) or _netrc_password(parts.hostname or "", user)
        return cls(url, join(query) or url, join(update), join(graph_store), user, password, auth, graph,
                   dataset_post=oxigraph)


def _public(url: str) -> str:
    """``url`` without a password written into it (``http://user:secret@host`` -> ``http://user@host``).

    >>> _public("http://kg:s3cret@127.0.0.1:7878/query")
    'http://kg@127.0.0.1:7878/query'
    """
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    return urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", "@", 1)))


def _netrc_password(host: str, user: str) -> str | None:
    try:
        found = netrc.netrc().authenticators(host)
    except (OSError, netrc.NetrcParseError):
        return None
    return found[2] if found and found[0] in (user, "", None) else None


class RemoteStore:
    """GraphStore's interface (query, add_quads, has, dump, flush, ``len``) on a SPARQL server."""

    def __init__(self, endpoints: Endpoints, *, timeout: float = TIMEOUT) -> None:
        self.endpoints = endpoints
        self.location = endpoints.url
        self.timeout = timeout
        handlers: list[urllib.request.BaseHandler] = []
        if urllib.parse.urlsplit(endpoints.url).hostname in ("127.0.0.1", "localhost", "::1"):
            handlers.append(urllib.request.ProxyHandler({}))  # a loopback server is never behind a proxy
        if endpoints.user and endpoints.auth == "digest":
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, endpoints.url, endpoints.user, endpoints.password or "")
            handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
        self._opener = urllib.request.build_opener(*handlers)
        self._named: set[str] | None = None  # kg's named graphs, when kg's default graph is one too
        # one line, so that a syntax error's line number is the query's own
        self._prologue = " ".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()) + " "

    @classmethod
    def open(cls, endpoints: Endpoints, *, write: bool = False) -> RemoteStore:
        """Connect, and fail now with one line if the server does not answer (or cannot be written)."""
        store = cls(endpoints)
        store.query("ASK { ?s ?p ?o }")
        if write and endpoints.update is None and endpoints.graph_store is None:
            raise SourceError(f"{_public(endpoints.url)}: no update or graph store endpoint to write to; "
                              "give --update-endpoint or --graph-store-endpoint")
        return store

    # -- reading -----------------------------------------------------------------
    def query(self, sparql: str, *, union: bool = False):  # type: ignore[no-untyped-def]
        """Run SPARQL with the ontology's prefixes declared; pyoxigraph's result types."""
        body = _PROLOGUE.sub("", sparql, count=1)
        form = _FORM.match(body)
        graph = form is not None and form.group(1).upper() in ("CONSTRUCT", "DESCRIBE")
        params = [("query", self._prologue + sparql), *self._dataset()]
        if union and not self.endpoints.graph:
            params.append(("union-default-graph", ""))  # Oxigraph's name for it
        data = self._request("POST", self.endpoints.query, urllib.parse.urlencode(params).encode(),
                             _FORM_TYPE, _NTRIPLES if graph else _RESULTS)
        if graph:
            local = ox.Store()
            local.load(data, format=ox.RdfFormat.N_TRIPLES)
            return local.query("CONSTRUCT WHERE { ?s ?p ?o }")
        try:
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        except SyntaxError as e:
            raise QueryError(f"{self.endpoints.query}: the server's answer is not SPARQL JSON results: {e}") \
                from e

    def has(self, subject: str) -> bool:
        return bool(self.query(f"ASK {{ {ox.NamedNode(subject)} ?p ?o }}"))

    def graphs(self) -> list[ox.NamedNode]:
        """The server's named graphs; with ``graph``, kg's other graphs (those holding kg's evidence)."""
        if self.endpoints.graph:
            return [ox.NamedNode(g) for g in sorted(self._named_graphs())]
        return sorted((r["g"] for r in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")), key=str)

    def _named_graphs(self) -> set[str]:
        """With ``graph``: the other graphs holding kg's evidence (asked once, then kept up to date)."""
        if self._named is None:
            query = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?e a <{KG_NS}Evidence> }} }}"
            body = urllib.parse.urlencode({"query": query}).encode()
            data = self._request("POST", self.endpoints.query, body, _FORM_TYPE, _RESULTS)
            rows = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
            self._named = {r["g"].value for r in rows} - {self.endpoints.graph}  # type: ignore[index]
        return self._named

    def _dataset(self) -> list[tuple[str, str]]:
        """The protocol's dataset parameters: none, or (with ``graph``) kg's graphs alone, so that
        ``GRAPH ?g`` sees kg's named graphs and not the one standing for the default graph."""
        if not self.endpoints.graph:
            return []
        # no named graph yet: an empty one, else the server would take every graph it has
        named = sorted(self._named_graphs()) or [self.endpoints.graph + "#none"]
        return [("default-graph-uri", self.endpoints.graph), *(("named-graph-uri", g) for g in named)]

    def copy(self, *, named: bool = True) -> ox.Store:
        """The default graph (and kg's named graphs) in an in-memory store."""
        local = ox.Store()
        targets: list[ox.NamedNode | ox.DefaultGraph] = [ox.DefaultGraph()]
        targets += self.graphs() if named else []
        for graph in targets:
            if self.endpoints.graph_store:
                name = self.endpoints.graph if isinstance(graph, ox.DefaultGraph) else graph.value
                url = self._graph_url(name)
                data = self._request("GET", url, None, None, _NTRIPLES)
            else:
                where = "?s ?p ?o" if isinstance(graph, ox.DefaultGraph) else f"GRAPH {graph} {{ ?s ?p ?o }}"
                data = self._raw_construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}")
            local.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
        return local

    def dump_turtle(self, path: str | Path) -> None:
        """Write the default graph (not the quarantine) as Turtle."""
        self._local(named=False).dump_turtle(path)

    def dump(self, path: str | Path | None, fmt: ox.RdfFormat,  # type: ignore[no-untyped-def]
             *, graph=None) -> bytes | None:
        return self._local(named=graph is None).dump(path, fmt, graph=graph)

    def __len__(self) -> int:
        counts = "SELECT (COUNT(*) AS ?n) WHERE { %s }"
        total = int(next(iter(self.query(counts % "?s ?p ?o")))["n"].value)
        for g in self.graphs():
            total += int(next(iter(self.query(counts % f"GRAPH {g} {{ ?s ?p ?o }}")))["n"].value)
        return total

    # -- writing -----------------------------------------------------------------
    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads (duplicates are no-ops; not atomic, see :meth:`add_atomic`): to Oxigraph,
        N-Quads POSTs of :data:`POST_BATCH` through its bulk loader; else by graph, Graph Store
        POSTs of :data:`POST_BATCH` triples or ``INSERT DATA`` requests of :data:`INSERT_BATCH`."""
        quads = list(quads)
        if self.endpoints.dataset_post and self.endpoints.graph_store:  # Oxigraph: its bulk loader
            for chunk in _chunks(quads, POST_BATCH):
                self._request("POST", f"{self.endpoints.graph_store}?no_transaction&lenient",
                              ox.serialize(chunk, format=ox.RdfFormat.N_QUADS), "application/n-quads", None)
            return
        by_graph: dict[str | None, list[ox.Triple]] = defaultdict(list)
        for q in quads:
            name = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
            by_graph[name or self.endpoints.graph].append(q.triple)
        for name, triples in by_graph.items():
            if self.endpoints.graph and name != self.endpoints.graph:
                self._named_graphs().add(name)  # type: ignore[arg-type]
            if self.endpoints.graph_store:
                for chunk in _chunks(triples, POST_BATCH):
                    self._request("POST", self._graph_url(name),
                                  ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES), _NTRIPLES, None)
            elif self.endpoints.update:
                for chunk in _chunks(triples, INSERT_BATCH):
                    self._update(_insert_data(chunk, name))
            else:
                raise SourceError(f"{_public(self.endpoints.url)}: no update or graph store endpoint "
                                  "to write to; "
                                  "give --update-endpoint or --graph-store-endpoint")

    def add_atomic(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads in one request the server applies whole: an N-Quads POST to
        Oxigraph's /store, else one ``INSERT DATA`` (else :meth:`add_quads`)."""
        quads = list(quads)
        if not quads:
            return
        if self.endpoints.dataset_post and self.endpoints.graph_store:
            data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
            self._request("POST", self.endpoints.graph_store, data, "application/n-quads", None)
        elif self.endpoints.update and not self.endpoints.graph:
            self.update(_insert_quads(quads))
        else:
            self.add_quads(quads)

    @property
    def store(self) -> _Patterns:
        """``quads_for_pattern`` and ``quad in store`` over SPARQL, as on a ``pyoxigraph.Store``."""
        return _Patterns(self)

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update on the update endpoint."""
        if self.endpoints.update is None:
            raise SourceError(f"{_public(self.endpoints.url)}: no update endpoint; give --update-endpoint")
        if self.endpoints.graph:  # DELETE DATA / INSERT DATA would miss the graph standing for the default
            raise SourceError(f"{_public(self.endpoints.url)}: kg cannot change or remove documents "
                              "in a server whose "
                              f"default graph stands in a named graph (--store-graph {self.endpoints.graph})")
        self._update(sparql)

    def _update(self, sparql: str) -> None:
        self._request("POST", self.endpoints.update, urllib.parse.urlencode({"update": sparql}).encode(),
                      _FORM_TYPE, None)

    def flush(self) -> None:
        """Nothing to do: each request is written when the server answers it."""

    # -- HTTP ------------------------------------------------------------------
    def _graph_url(self, name: str | None) -> str:
        assert self.endpoints.graph_store is not None
        sep = "&" if "?" in self.endpoints.graph_store else "?"
        query = "default" if name is None else urllib.parse.urlencode({"graph": name})
        return f"{self.endpoints.graph_store}{sep}{query}"

    def _raw_construct(self, sparql: str) -> bytes:
        params = [("query", sparql), *self._dataset()]
        return self._request("POST", self.endpoints.query, urllib.parse.urlencode(params).encode(),
                             _FORM_TYPE, _NTRIPLES)

    def _local(self, *, named: bool):  # type: ignore[no-untyped-def]
        from kg.graph.store import GraphStore

        return GraphStore(self.copy(named=named), self.location)

    def _request(self, method: str, url: str, data: bytes | None, content_type: str | None,
                 accept: str | None) -> bytes:
        headers = {"User-Agent": "kg"}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        e = self.endpoints
        if e.user and e.auth == "basic":
            token = base64.b64encode(f"{e.user}:{e.password or ''}".encode()).decode("ascii")
            headers["Authorization"] = f"Basic {token}"
        pause = BACKOFF
        for attempt in range(RETRIES + 1):
            request = urllib.request.Request(url, data=data, headers=headers, method=method)
            try:
                with self._opener.open(request, timeout=self.timeout) as response:
                    return response.read()
            except urllib.error.HTTPError as error:
                detail = " ".join(error.read().decode("utf-8", "replace").split())[:300]
                if error.code >= 500 and attempt < RETRIES:
                    time.sleep(pause)
                    pause *= 2
                    continue
                reason = f"HTTP {error.code} {error.reason}" + (f": {detail}" if detail else "")
                if error.code == 400 and url == e.query:
                    raise QueryError(f"{_public(url)}: the server rejected the query: {reason}") from None
                if error.code in (401, 403):
                    reason += " (check --user, --password and --auth)"
                raise SourceError(f"{_public(url)}: the SPARQL server refused: {reason}") from None
            except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
                if attempt < RETRIES:
                    time.sleep(pause)
                    pause *= 2
                    continue
                reason = getattr(error, "reason", None) or error
                reason = getattr(reason, "strerror", None) or reason
                raise SourceError(f"{_public(url)}: cannot reach the SPARQL server ({reason}; "
                                  f"tried {RETRIES + 1} times)") from None
        raise AssertionError("unreachable")

    def __repr__(self) -> str:
        return f"RemoteStore({_public(self.endpoints.url)!r})"


def _chunks(items: list, size: int) -> Iterable[list]:  # type: ignore[type-arg]
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _insert_quads(quads: list[ox.Quad]) -> str:
    by_graph: dict[str, list[str]] = defaultdict(list)
    for q in quads:
        graph = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
        by_graph[graph].append(f"{q.triple} .")
    parts = [*by_graph.pop("", [])]
    parts += [f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in sorted(by_graph.items())]
    return "INSERT DATA {\n" + "\n".join(parts) + "\n}"


class _Patterns:
    """The two ``pyoxigraph.Store`` reads :mod:`kg.graph.remove` uses, as SPARQL on a server."""

    def __init__(self, remote: RemoteStore) -> None:
        self.remote = remote

    def quads_for_pattern(self, subject, predicate, obj,  # type: ignore[no-untyped-def]
                          graph=None) -> list[ox.Quad]:
        terms = [subject, predicate, obj]
        names = ["?s", "?p", "?o"]
        pattern = " ".join(str(t) if t is not None else n for t, n in zip(terms, names)) + " ."
        if isinstance(graph, ox.DefaultGraph):
            where = pattern
        elif graph is not None:
            where = f"GRAPH {graph} {{ {pattern} }}"
        else:
            where = f"{{ {pattern} }} UNION {{ GRAPH ?g {{ {pattern} }} }}"
        out = []
        for row in self.remote.query(f"SELECT * WHERE {{ {where} }}"):
            s, p, o = (t if t is not None else row[n[1:]] for t, n in zip(terms, names))
            g = graph if graph is not None else row["g"]
            out.append(ox.Quad(s, p, o, g if g is not None else ox.DefaultGraph()))
        return out

    def __contains__(self, quad: ox.Quad) -> bool:
        where = f"{quad.triple} ." if isinstance(quad.graph_name, ox.DefaultGraph) else \
            f"GRAPH {quad.graph_name} {{ {quad.triple} . }}"
        return bool(self.remote.query(f"ASK {{ {where} }}"))


def _insert_data(triples: list[ox.Triple], graph: str | None) -> str:
    body = "\n".join(f"{t} ." for t in triples)
    return f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}" if graph else f"INSERT DATA {{\n{body}\n}}"
