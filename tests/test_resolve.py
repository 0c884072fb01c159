"""IRI minting, name keys and the grouping of mentions into entities."""

from __future__ import annotations

import re

from hypothesis import given, strategies as st

from kg.extract.mentions import Found
from kg.extract.resolve import AliasIndex, mint_iri, name_key, resolve
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


# -- anaphora that name no one ------------------------------------------------

def _resolved(text: str):  # type: ignore[no-untyped-def]
    from kg.lexicon import load_lexicon
    from kg.extract.mentions import find_mentions
    from kg.extract.nlp import load_nlp

    doc = load_nlp()(text)
    return doc, resolve(find_mentions(doc, load_lexicon()), "d1", text, AliasIndex(), BASE)


def test_first_person_is_the_author_not_the_last_person_named() -> None:
    doc, r = _resolved("I met Ron when I was 21, with my father, Wirt Steed.")
    iris = {r.by_token[t.i].iri for t in doc if t.lower_ in {"i", "my"}}
    assert iris == {mint_iri(BASE, "Person", "author of d1")}
    assert "author of d1" in [e.label for e in r.entities]


def test_a_text_about_an_unnamed_person_gets_one_entity_for_him() -> None:
    doc, r = _resolved("He attended Nottingham High School. He then moved to England.")
    iris = {r.by_token[t.i].iri for t in doc if t.lower_ == "he"}
    assert iris == {mint_iri(BASE, "Person", "unnamed person of d1")}


def test_a_pronoun_after_an_unrecognised_name_stays_unresolved() -> None:
    doc, r = _resolved("Born in Athens, Psacharopoulos came to the United States, where he studied.")
    assert next(t for t in doc if t.lower_ == "he").i not in r.by_token
    assert all(not e.label.startswith("unnamed") for e in r.entities)


def test_a_named_person_still_wins_over_an_unnamed_one() -> None:
    doc, r = _resolved("Jane Roe is a physician. She lives in Ohio.")
    she = next(t for t in doc if t.lower_ == "she")
    assert r.by_token[she.i].iri == mint_iri(BASE, "Person", "Jane Roe")


def test_an_it_that_names_nothing_makes_up_no_company() -> None:
    doc, r = _resolved("It was filmed on location in Tokyo and Kyoto.")
    assert [e.cls for e in r.entities if e.cls == "Organization"] == []
    assert next(t for t in doc if t.text == "It").i not in r.by_token


# -- names and pronouns a sentence keeps apart ------------------------------------

def test_a_subject_pronoun_is_not_the_person_it_marries() -> None:
    doc, r = _resolved("She was born in Ohio. She married John Webster Ford in 1931.")
    she = [t for t in doc if t.lower_ == "she"][-1]
    assert r.by_token[she.i].iri == mint_iri(BASE, "Person", "unnamed person of d1")


def test_a_possessor_is_not_the_relative_it_names() -> None:
    doc, r = _resolved("Werner Roe lived in Berlin. His father, August Roe, was a professor.")
    his = next(t for t in doc if t.text == "His")
    assert r.by_token[his.i].iri == mint_iri(BASE, "Person", "Werner Roe")


def test_a_surname_married_to_a_full_name_is_someone_else() -> None:
    doc, r = _resolved("Ambassador Reddy is married to Madam Sneha Reddy.")
    reddy, sneha = (next(t for t in doc if t.text == w) for w in ("Reddy", "Sneha"))
    assert r.by_token[reddy.i].iri != r.by_token[sneha.i].iri

