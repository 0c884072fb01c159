"""Relation rules: evidence spans of relations stated about pronouns."""

from __future__ import annotations

from kg.config import Settings
from kg.pipeline import extract
from kg.types import Document

RULES_ONLY = Settings(relation_model="off")


def _spans(text: str, predicate: str) -> set[str]:
    graph = extract(Document.from_text(text, "t"), RULES_ONLY)
    return {text[slice(*r.subject_span)] for r in graph.relations if r.predicate == predicate}


def test_a_relation_of_an_unnamed_subject_counts_for_each_of_its_pronouns() -> None:
    spans = _spans("He was born in Paris, France, and his family lived there.", "bornIn")
    assert spans == {"He", "his"}


def test_a_named_subject_keeps_the_name_as_its_only_evidence() -> None:
    assert _spans("Jane Roe was born in Metz, and she lived there.", "bornIn") == {"Jane Roe"}


def test_first_person_relations_belong_to_the_author() -> None:
    graph = extract(Document.from_text("I was born in Boston.", "t"), RULES_ONLY)
    assert [(r.predicate, r.subject.rsplit("/", 1)[-1]) for r in graph.relations] == [
        ("bornIn", f"author_of_{graph.document.id}")]
