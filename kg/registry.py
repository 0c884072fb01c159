"""Registries of named parts: extractors and readers, as spaCy's are.

A part is registered under a name with a decorator, or by a third-party
package through an entry point in its own ``pyproject.toml``::

    [project.entry-points."kg.extractors"]
    acronyms = "my_package.extractors:find_acronyms"

Settings choose parts by name (``extractors = [...]`` in ``kg.toml``,
``--extractors`` on the command line). Entry points are read the first time
a name is looked up that the decorators did not register, so importing kg
loads no plug-in.

Examples
--------
>>> demo = Registry("kg.demo")
>>> @demo.register("shout")
... def shout(text):
...     return text.upper()
>>> demo.get("shout")("hi")
'HI'
>>> "shout" in demo.names()
True
>>> demo.get("whisper")
Traceback (most recent call last):
kg.errors.KGError: no kg.demo part named 'whisper'; registered: shout
"""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import Any, Callable, TypeVar

from kg.errors import KGError

F = TypeVar("F", bound=Callable[..., Any])


class Registry:
    """Named parts of one kind; ``group`` is also the entry-point group."""

    def __init__(self, group: str) -> None:
        self.group = group
        self._parts: dict[str, Any] = {}
        self._entry_points_read = False

    def register(self, name: str) -> Callable[[F], F]:
        """A decorator that registers its function or class under ``name``."""

        def add(part: F) -> F:
            self._parts[name] = part
            return part

        return add

    def get(self, name: str) -> Any:
        """The part registered as ``name``; an unknown name lists the known ones."""
        if name not in self._parts:
            self._read_entry_points()
        try:
            return self._parts[name]
        except KeyError:
            raise KGError(f"no {self.group} part named {name!r}; registered: "
                          f"{', '.join(self.names()) or 'none'}") from None

    def names(self) -> list[str]:
        """Every registered name, entry points included, sorted."""
        self._read_entry_points()
        return sorted(self._parts)

    def _read_entry_points(self) -> None:
        if self._entry_points_read:
            return
        self._entry_points_read = True
        for point in entry_points(group=self.group):
            if point.name in self._parts:
                continue
            try:
                self._parts[point.name] = point.load()
            except Exception as e:  # a broken plug-in must name itself
                raise KGError(f"{self.group} entry point {point.name!r} ({point.value}) "
                              f"cannot be loaded: {e}") from e


#: Relation (and entity) extractors: ``(context: DocContext) -> Iterable[Relation]``.
extractors = Registry("kg.extractors")
#: Input readers by format name (``txt``, ``md``, ``html``, ``jsonl``, ``csv``).
readers = Registry("kg.readers")
