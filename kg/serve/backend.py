"""The Oxigraph server process behind ``kg serve``, and the build store it reads.

``oxigraph serve-read-only`` (the ``oxigraph`` package on PyPI) reads the
store of a build as a read-only RocksDB instance: it sees the store as it was
when it opened, and goes on answering from that view while ``kg build`` writes.
:class:`StoreWatch` tells when a build has written the store and let it go (the
store's files changed and no process holds its ``LOCK``), so the server can
start a fresh backend on the new data.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError

__all__ = ["Backend", "StoreWatch", "free_port", "oxigraph_binary"]


def oxigraph_binary() -> str:
    """The ``oxigraph`` server program: next to this Python, else on PATH."""
    here = Path(sys.executable).with_name("oxigraph")
    found = str(here) if here.is_file() else shutil.which("oxigraph")
    if not found:
        raise KGError("the Oxigraph server is not installed: pip install oxigraph "
                      "(kg serve runs its 'oxigraph serve-read-only')")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on now, on ``host``."""
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def _die_with_parent() -> None:  # pragma: no cover - runs in the child, between fork and exec
    """Linux: the child gets SIGTERM when the thread that started it ends (kg killed hard)."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


@dataclass
class Backend:
    """One ``oxigraph serve-read-only`` process on a loopback port.

    ``active`` counts the requests it is answering, so a replaced backend is
    stopped only once they are done.
    """

    store: Path
    timeout: float
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    active: int = 0
    started: float = field(default_factory=time.monotonic)

    def start(self, wait: float = 30.0) -> Backend:
        """Start the process and wait until it answers; a KGError with its stderr if it does not."""
        self.port = free_port()
        command = [oxigraph_binary(), "serve-read-only", "--location", str(self.store),
                   "--bind", f"127.0.0.1:{self.port}", "--timeout-s", str(max(1, round(self.timeout)))]
        self.process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode("utf-8", "replace") if self.process.stderr else ""
                raise KGError(f"{self.store}: the Oxigraph server did not start: {' '.join(error.split())}")
            try:
                with urllib.request.urlopen(f"{self.url}/", timeout=1):
                    self.started = time.monotonic()
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise KGError(f"{self.store}: the Oxigraph server did not answer within {wait:.0f} s")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        """End the process: SIGTERM, then SIGKILL after 5 s."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _writer_holds(lock: Path) -> bool:
    """Whether a process holds RocksDB's ``LOCK`` (a POSIX record lock) on the store: a build writing.

    Asked with ``F_GETLK``, which takes no lock, so a build starting now is never in the way.
    """
    try:
        import fcntl
        import struct
    except ImportError:  # pragma: no cover - not POSIX
        return False
    try:
        fd = os.open(lock, os.O_RDWR)
    except OSError:
        return False
    try:
        query = struct.pack("hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
        return struct.unpack("hhqqi4x", answer)[0] != fcntl.F_UNLCK
    except OSError:
        return False
    finally:
        os.close(fd)


class StoreWatch:
    """Tells when the store has new content that a fresh read-only backend would see.

    The store's data files (SST tables, write-ahead logs, manifest) are its
    signature; a change counts once no writer holds the store and the files
    have stayed the same for one more look (the build has finished).
    """

    def __init__(self, store: Path) -> None:
        self.store = store
        self.served = self.signature()
        self._last = self.served

    def signature(self) -> tuple[tuple[str, int, int], ...]:
        try:
            entries = list(os.scandir(self.store))
        except OSError:
            return ()
        files = []
        for e in entries:
            if e.name.startswith(("LOG", "LOCK")):
                continue
            try:
                st = e.stat()
            except OSError:
                continue
            files.append((e.name, st.st_size, st.st_mtime_ns))
        return tuple(sorted(files))

    def writing(self) -> bool:
        return _writer_holds(self.store / "LOCK")

    def changed(self) -> bool:
        """True once the store differs from what is served, is stable and has no writer."""
        now = self.signature()
        stable, self._last = now == self._last, now
        return now != self.served and stable and not self.writing()

    def mark_served(self) -> None:
        self.served = self._last = self.signature()
