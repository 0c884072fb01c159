"""Dataset labels and the kg properties that stand for them, read from data files.

Each gold dataset's map is written once, as a CSV in ``ontology/mappings/``
(installed with the ontology as ``kg.ontology``), and read here in both
directions: scoring turns a kg fact into the dataset's labels
(:meth:`DatasetMap.labels_of`, :meth:`DatasetMap.label_for`), training turns a
gold fact into a kg property (:meth:`DatasetMap.to_kg`).

Columns: ``kg_property`` (an ontology property), ``label`` (the dataset's),
``inverted`` (``yes`` when the dataset's subject is kg's object),
``subject_class`` and ``object_class`` (kg classes the row is limited to;
blank: any), ``primary`` (``yes`` on the row a gold fact with this label
becomes; without one, the label's first row), ``note``. Lines starting with
``#`` are comments.

Examples
--------
>>> kn = load_mapping("knowledgenet")
>>> kn.labels_of("leads")
(('EMPLOYEE_OR_MEMBER_OF', False), ('CEO', True))
>>> kn.symmetric
frozenset({'SPOUSE'})
>>> kn.to_kg()["CEO"], kn.to_kg()["EMPLOYEE_OR_MEMBER_OF"]
(('leads', True), ('worksFor', False))
>>> load_mapping("conll04").label_for("locatedIn", "Organization", "Place")
'OrgBased_In'
>>> load_mapping("wikidata").labels_of("childOf")
(('P40', True), ('P22', False), ('P25', False))
>>> load_mapping("freebase")
Traceback (most recent call last):
...
kg.errors.OntologyError: no mapping 'freebase'; valid: conll04, knowledgenet, wikidata
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from kg.errors import OntologyError

__all__ = ["MAPPINGS", "DatasetMap", "Row", "load_mapping", "mapping_path"]

#: The datasets with a map in ``ontology/mappings/<name>.csv``.
MAPPINGS: tuple[str, ...] = ("conll04", "knowledgenet", "wikidata")
_COLUMNS = ("kg_property", "label", "inverted", "subject_class", "object_class", "primary", "note")


@dataclass(frozen=True)
class Row:
    """One line of a map: a kg property standing for a dataset label."""

    kg_property: str
    label: str
    inverted: bool = False
    subject_class: str = ""  # "": any class
    object_class: str = ""
    primary: bool = False
    note: str = ""

    def fits(self, subject_class: str, object_class: str) -> bool:
        """True when the row applies to a fact between these kg classes."""
        return self.subject_class in ("", subject_class) and self.object_class in ("", object_class)


@dataclass(frozen=True)
class DatasetMap:
    """A dataset's map, both ways (see the module's docstring)."""

    name: str
    rows: tuple[Row, ...]

    @property
    def labels(self) -> frozenset[str]:
        """Every dataset label some kg property stands for."""
        return frozenset(r.label for r in self.rows)

    @property
    def kg_properties(self) -> frozenset[str]:
        """Every kg property that stands for some label."""
        return frozenset(r.kg_property for r in self.rows)

    @property
    def symmetric(self) -> frozenset[str]:
        """Labels standing for a symmetric kg property (``owl:SymmetricProperty`` in kg.ttl)."""
        from kg.lexicon import load_lexicon

        properties = load_lexicon().properties
        return frozenset(r.label for r in self.rows if properties[r.kg_property].symmetric)

    def labels_of(self, kg_property: str) -> tuple[tuple[str, bool], ...]:
        """``(label, inverted)`` of each row of a kg property, in file order."""
        return tuple((r.label, r.inverted) for r in self.rows if r.kg_property == kg_property)

    def label_for(self, kg_property: str, subject_class: str, object_class: str) -> str | None:
        """The label of the first row of ``kg_property`` that fits the classes, or None."""
        return next((r.label for r in self.rows
                     if r.kg_property == kg_property and r.fits(subject_class, object_class)), None)

    def to_kg(self) -> dict[str, tuple[str, bool]]:
        """Label -> ``(kg property, inverted)`` of its primary row (else its first)."""
        out: dict[str, tuple[str, bool]] = {}
        for r in self.rows:
            out.setdefault(r.label, (r.kg_property, r.inverted))
        for r in self.rows:  # a primary row wins over the label's first
            if r.primary:
                out[r.label] = (r.kg_property, r.inverted)
        return out

    def note(self, label: str) -> str:
        """The note of a label's primary row (a Wikidata property's name, say)."""
        rows = [r for r in self.rows if r.label == label]
        return next((r.note for r in rows if r.primary), rows[0].note if rows else "")


def mapping_path(name: str) -> Path:
    """The CSV file of a dataset's map, beside the ontology's files."""
    from kg.vocab import ontology_path

    if name not in MAPPINGS:
        raise OntologyError(f"no mapping {name!r}; valid: {', '.join(MAPPINGS)}")
    return ontology_path("kg.ttl").parent / "mappings" / f"{name}.csv"


@functools.lru_cache(maxsize=None)
def load_mapping(name: str) -> DatasetMap:
    """Read ``ontology/mappings/<name>.csv``, checking properties and flags.

    Raises
    ------
    OntologyError
        When the file is missing, a column is missing, a kg property is not
        in the ontology, a flag is not ``yes``/``no``/blank, or a label has
        two primary rows (the message names the file and line).
    """
    from kg.vocab import KG

    path = mapping_path(name)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise OntologyError(f"{path}: cannot read the {name} mapping: {e.strerror or e}") from e
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(line for _, line in numbered)
    missing = set(_COLUMNS) - set(reader.fieldnames or ())
    if missing:
        raise OntologyError(f"{path}: missing column(s) {', '.join(sorted(missing))}; "
                            f"expected {','.join(_COLUMNS)}")
    rows, primaries = [], set()
    for (n, _), record in zip(numbered[1:], reader):
        where = f"{path}:{n}"
        prop = record["kg_property"].strip()
        try:
            KG[prop]
        except AttributeError as e:
            raise OntologyError(f"{where}: {prop!r} is not a property of the ontology (kg.ttl)") from e
        row = Row(prop, record["label"].strip(), _flag(record["inverted"], where),
                  record["subject_class"].strip(), record["object_class"].strip(),
                  _flag(record["primary"], where), (record["note"] or "").strip())
        if row.primary:
            if row.label in primaries:
                raise OntologyError(f"{where}: a second primary row for {row.label!r}")
            primaries.add(row.label)
        rows.append(row)
    return DatasetMap(name, tuple(rows))


def _flag(value: str | None, where: str) -> bool:
    value = (value or "").strip().lower()
    if value not in ("", "no", "yes"):
        raise OntologyError(f"{where}: flag {value!r} is not one of yes, no or blank")
    return value == "yes"
