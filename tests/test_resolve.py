"""IRI minting, name keys and the grouping of mentions into entities."""

from __future__ import annotations

import re

from hypothesis import given, strategies as st

from kg.mentions import Found
from kg.resolve import AliasIndex, mint_iri, name_key, resolve
from kg.types import Entity

BASE = "https://w3id.org/kg/id/"
IRI_SAFE = re.compile(r"^[A-Za-z0-9._~%:/\-]+$")


@given(st.text(min_size=1))
def test_minted_iris_are_safe(label: str) -> None:
    iri = mint_iri(BASE, "Organization", label)
    assert IRI_SAFE.match(iri), iri
    assert " " not in iri and "<" not in iri and ">" not in iri


@given(st.text(min_size=1), st.text(min_size=1))
def test_minting_is_injective_and_deterministic(a: str, b: str) -> None:
    import unicodedata

    assert mint_iri(BASE, "Person", a) == mint_iri(BASE, "Person", a)
    if unicodedata.normalize("NFC", a.strip()) != unicodedata.normalize("NFC", b.strip()):
        assert mint_iri(BASE, "Person", a) != mint_iri(BASE, "Person", b)


def test_underscore_and_space_do_not_collide() -> None:
    assert mint_iri(BASE, "Product", "A B") != mint_iri(BASE, "Product", "A_B")


def test_name_key_folds_what_readers_ignore() -> None:
    assert name_key("Apple’s") == name_key("apple") == name_key("Apple Inc.") == name_key("The Apple")
    assert name_key("AWS") != name_key("Amazon")


def _found(text: str, start: int, cls: str = "Organization", weight: float = 1.0,
           canonical: str | None = None, tokens: int = 1, token: int = 0) -> Found:
    return Found(token, token + tokens, start, start + len(text), text, cls, weight, canonical)


def test_acronym_in_parentheses_is_one_entity() -> None:
    text = "Amazon Web Services (AWS) sells compute. AWS grew."
    found = [_found("Amazon Web Services", 0, tokens=3), _found("AWS", 21, token=4),
             _found("AWS", 41, token=8)]
    resolved = resolve(found, "d", text, AliasIndex(), BASE)
    assert len(resolved.entities) == 1
    entity = resolved.entities[0]
    assert entity.label == "Amazon Web Services"
    assert entity.alt_labels == ("AWS",)


def test_surname_joins_the_full_name_and_votes_person() -> None:
    text = "Benoit Dupin spoke. Dupin said more."
    found = [_found("Benoit Dupin", 0, "Person", tokens=2), _found("Dupin", 20, "Organization", token=4)]
    resolved = resolve(found, "d", text, AliasIndex(), BASE)
    assert [(e.label, e.cls) for e in resolved.entities] == [("Benoit Dupin", "Person")]


def test_class_is_the_majority_over_mentions() -> None:
    text = "Trainium2 Trainium2 Trainium2"
    found = [_found("Trainium2", 0, "Organization"), _found("Trainium2", 10, "Organization", token=1),
             _found("Trainium2", 20, "Product", weight=3.0, token=2)]
    (entity,) = resolve(found, "d", text, AliasIndex(), BASE).entities
    assert entity.cls == "Product"


def test_alias_index_joins_documents() -> None:
    index = AliasIndex()
    index.add(Entity(mint_iri(BASE, "Organization", "Amazon Web Services"), "Organization",
                     "Amazon Web Services", ("AWS",)))
    (entity,) = resolve([_found("AWS", 0)], "d2", "AWS", index, BASE).entities
    assert entity.label == "Amazon Web Services"
