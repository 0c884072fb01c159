"""``kg serve``: a build as a read-only SPARQL 1.1 Protocol endpoint, with its graph page.

Oxigraph's server (``oxigraph serve-read-only``, the ``oxigraph`` package on
PyPI) answers the queries; :mod:`kg.serve.proxy` is the thin layer in front
that kg needs (prefixes, read-only, limits, ``/graph``); :mod:`kg.serve.sparql`
rewrites and checks the query text; :mod:`kg.serve.backend` runs the Oxigraph
process and restarts it when a build has changed the store.

Examples
--------
>>> from kg.serve.sparql import refusal
>>> refusal("DROP ALL")
'updates (DROP) are refused: this endpoint is read-only: it answers SELECT, ASK, CONSTRUCT and DESCRIBE'
"""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path
from typing import Callable

from kg.errors import KGError, SourceError
from kg.serve.proxy import Endpoint, Limits, Server

__all__ = ["Limits", "serve"]


def serve(out: str | Path, host: str = "127.0.0.1", port: int = 7878, limits: Limits = Limits(), *,
          verbose: bool = False, ready: Callable[[str], None] | None = None) -> None:
    """Serve the build in ``out`` until Ctrl-C or SIGTERM; both processes end then.

    ``ready`` is called with the endpoint's base URL once it answers (the CLI prints it).
    """
    out = Path(out)
    if not (out / "store").is_dir():
        raise SourceError(f"{out}: not a kg build directory (no store/ inside); run 'kg build -o {out}' first")
    if limits.timeout <= 0 or limits.max_results < 0:
        raise KGError(f"--timeout must be above 0 and --max-results 0 or more, "
                      f"not {limits.timeout:g} and {limits.max_results}")
    endpoint = Endpoint(out, limits)
    try:
        try:
            server = Server((host, port), endpoint, verbose=verbose)
        except OSError as e:
            raise KGError(f"cannot listen on {host}:{port}: {e.strerror or e}; "
                          "pick another port with --port") from e
        stop = threading.Event()

        def on_signal(signum: int, frame: object) -> None:
            stop.set()
            threading.Thread(target=server.shutdown, daemon=True).start()

        previous = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)
                    if threading.current_thread() is threading.main_thread()}
        try:
            shown = host if ":" not in host else f"[{host}]"
            if ready:
                ready(f"http://{shown}:{server.server_address[1]}")
            server.serve_forever(poll_interval=0.2)
        finally:
            server.server_close()
            for s, handler in previous.items():
                signal.signal(s, handler)
    finally:
        endpoint.close()
    sys.stdout.flush()
