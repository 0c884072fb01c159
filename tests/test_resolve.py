"""IRI minting, name keys and the grouping of mentions into entities."""

from __future__ import annotations

import re

import pytest
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


def test_a_legal_form_outvotes_the_surnames_of_a_persons_reading() -> None:
    text = "Lockmoor Martin won. Lockmoor Martin Corp. grew. Lockmoor said so. Lockmoor did."
    found = [_found("Lockmoor Martin", 0, "Person", tokens=2),
             _found("Lockmoor Martin Corp.", 20, "Organization", weight=3.0, tokens=3, token=3),
             _found("Lockmoor", 48, "Person", token=8), _found("Lockmoor", 66, "Person", token=11)]
    (entity,) = resolve(found, "d", text, AliasIndex(), BASE).entities
    assert (entity.label, entity.cls) == ("Lockmoor Martin Corp.", "Organization")


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
    from kg.extract.mentions import find_mentions
    from kg.extract.nlp import load_nlp
    from kg.lexicon import load_lexicon

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



def test_his_after_x_and_is_x_not_the_subject() -> None:
    doc, r = _resolved("Olav Berg was the son of Nils Berg and his wife Ingrid Berg.")
    his = next(t for t in doc if t.text == "his")
    assert r.by_token[his.i].iri == mint_iri(BASE, "Person", "Nils Berg")


def test_a_person_called_he_is_not_a_later_she() -> None:
    doc, r = _resolved("Ann Lee admired the poet Tom Roe and his influence shows in her novels.")
    his, her = (next(t for t in doc if t.text == w) for w in ("his", "her"))
    assert r.by_token[his.i].iri == mint_iri(BASE, "Person", "Tom Roe")
    assert r.by_token[her.i].iri == mint_iri(BASE, "Person", "Ann Lee")


# -- name variants ----------------------------------------------------------------

def _people(*names: str, cls: str = "Person") -> tuple[list[Found], str]:
    text, found, token = "", [], 0
    for name in names:
        found.append(_found(name, len(text), cls, tokens=len(name.split()), token=token))
        text += name + ". "
        token += len(name.split()) + 1
    return found, text


def test_a_shorter_name_joins_the_one_longer_name_it_fits() -> None:
    found, text = _people("Ingrid Maria Solberg", "Ingrid Solberg", "Solberg")
    resolved = resolve(found, "d", text, AliasIndex(), BASE)
    assert [e.label for e in resolved.entities] == ["Ingrid Maria Solberg"]
    assert set(resolved.joined_by) == {(resolved.entities[0].iri, "Ingrid Maria Solberg", ""),
                                       (resolved.entities[0].iri, "Ingrid Solberg", "name variant"),
                                       (resolved.entities[0].iri, "Solberg", "surname")}


def test_a_shorter_name_that_fits_two_longer_names_joins_neither() -> None:
    found, text = _people("Anna Berg Lund", "Anna Maria Lund", "Anna Lund")
    assert len(resolve(found, "d", text, AliasIndex(), BASE).entities) == 3


def test_a_name_variant_never_joins_across_classes() -> None:
    found, text = _people("Jordan River Park", "Jordan Park")
    found[0] = _found("Jordan River Park", 0, "Place", tokens=3)
    entities = resolve(found, "d", text, AliasIndex(), BASE).entities
    assert sorted(e.cls for e in entities) == ["Person", "Place"]


def test_a_longer_name_after_a_shorter_one_is_someone_else() -> None:
    found, text = _people("Karl Berg", "Karl Johan Berg", "Karl Berg")  # "his son Karl Johan Berg"
    assert len(resolve(found, "d", text, AliasIndex(), BASE).entities) == 2


def test_first_words_join_the_one_longer_name_they_begin() -> None:
    found, text = _people("Maria Solberg Holm", "Maria Solberg")  # Re-DocRED: "Rachel Perry Welty ... Rachel Perry"
    assert len(resolve(found, "d", text, AliasIndex(), BASE).entities) == 1
    found, text = _people("Maria Solberg Holm", "Maria Solberg Dahl", "Maria Solberg")
    assert len(resolve(found, "d", text, AliasIndex(), BASE).entities) == 3
    found, text = _people("Paul Dahl Jr.", "Paul Dahl")  # the father, not the son
    assert len(resolve(found, "d", text, AliasIndex(), BASE).entities) == 2


def test_joined_by_names_the_abbreviation() -> None:
    text = "Nordic Steel Works (NSW) grew."
    found = [_found("Nordic Steel Works", 0, tokens=3), _found("NSW", 20, token=4)]
    resolved = resolve(found, "d", text, AliasIndex(), BASE)
    rules = {n: rule for _, n, rule in resolved.joined_by}
    assert rules == {"Nordic Steel Works": "", "NSW": "abbreviation"}


# -- the alias index across documents ---------------------------------------------

def test_the_alias_index_never_joins_across_classes() -> None:
    index = AliasIndex()
    resolve([_found("Friends", 0, "Organization")], "d1", "Friends", index, BASE)
    (entity,) = resolve([_found("Friends", 0, "Place")], "d2", "Friends", index, BASE).entities
    assert entity.cls == "Place" and entity.iri == mint_iri(BASE, "Place", "Friends")


def test_a_surname_joined_once_captures_no_other_full_name() -> None:
    index = AliasIndex()
    first, text = _people("Benoit Dupin", "Dupin")
    (benoit,) = resolve(first, "d1", text, index, BASE).entities
    second, text = _people("Marie Dupin", "Dupin")
    (marie,) = resolve(second, "d2", text, index, BASE).entities
    assert marie.label == "Marie Dupin" and marie.iri != benoit.iri
    (alone,) = resolve([_found("Dupin", 0, "Person")], "d3", "Dupin", index, BASE).entities
    assert alone.iri == benoit.iri  # a surname alone still finds the person named before


def test_a_name_variant_joined_once_captures_no_later_full_name() -> None:
    index = AliasIndex()
    first, text = _people("Henrik August Angell", "Henrik Angell")
    resolve(first, "d1", text, index, BASE)
    (later,) = resolve([_found("Henrik Angell", 0, "Person", tokens=2)], "d2", "Henrik Angell",
                       index, BASE).entities
    assert later.iri == mint_iri(BASE, "Person", "Henrik Angell")
    again, text = _people("Henrik August Angell", "Henrik Angell")
    resolve(again, "d3", text, index, BASE)  # a second document confirms the variant
    (confirmed,) = resolve([_found("Henrik Angell", 0, "Person", tokens=2)], "d4", "Henrik Angell",
                           index, BASE).entities
    assert confirmed.label == "Henrik August Angell"


def test_an_earlier_document_is_the_rule_of_a_known_name() -> None:
    index = AliasIndex()
    resolve([_found("Nordic Steel Works", 0, tokens=3)], "d1", "Nordic Steel Works", index, BASE)
    resolved = resolve([_found("Nordic Steel Works", 0, tokens=3)], "d2", "Nordic Steel Works", index, BASE)
    assert [rule for *_, rule in resolved.joined_by] == ["earlier document"]


@pytest.mark.parametrize("first, second, name, other", [
    ("She was born in Angleton, Texas (United States), in 1950.", "Texas has many oil fields.",
     "Texas", "United States"),
    ("Terje Halleland (Progress Party) is a Norwegian politician.", "The Progress Party won seats in Bergen.",
     "Progress Party", "Terje Halleland"),
])
def test_a_parenthesised_name_alone_in_a_later_document_is_its_own_entity(first, second, name, other) -> None:
    from kg.pipeline import extract_many
    from kg.types import Document

    graphs = list(extract_many([Document.from_text(first, "a.txt"), Document.from_text(second, "b.txt")]))
    (entity,) = [e for e in graphs[1].entities if name in (e.label, *e.alt_labels)]
    assert entity.label == name and other not in entity.alt_labels
    assert entity.iri in {e.iri for e in graphs[0].entities if e.label == name} | {entity.iri}
    assert all(e.iri != entity.iri for e in graphs[0].entities if e.label == other)


# -- first-person narration and self-relations -------------------------------------

def test_a_list_numeral_or_one_stray_me_is_no_author() -> None:
    i = Found(0, 1, 0, 1, "I", "Person", 0.0, anaphor=True, author=True)
    text = "I. History\nAcme Corp was founded in 1990."
    assert all(not e.label.startswith("author") for e in resolve([i], "d", text, AliasIndex(), BASE).entities)
    doc, r = _resolved("Ann Lee told the board to trust me, then left Acme Corp.")
    assert all(not e.label.startswith("author") for e in r.entities)


def test_one_first_person_subject_or_its_possessor_is_the_author() -> None:
    doc, r = _resolved("Our CEO, Ann Lee, founded the firm in 1990.")
    assert [e.cls for e in r.entities if e.label.startswith("author")] == ["Organization"]


def test_no_relation_joins_an_entity_to_itself() -> None:
    from kg.config import Settings
    from kg.pipeline import extract
    from kg.registry import extractors
    from kg.types import Document, Relation

    @extractors.register("test-self")
    def self_loop(ctx):  # type: ignore[no-untyped-def]
        (e, *_) = ctx.resolved.entities
        return [Relation(e.iri, "partnerOf", e.iri, ctx.document.id, "", (0, 5), (0, 5), 1.0, "test"),
                Relation(e.iri, "uses", ctx.resolved.entities[1].iri, ctx.document.id, "", (0, 5), (11, 14),
                         1.0, "test")]

    try:
        document = Document.from_text("Apple uses AWS.", "x")
        relations = extract(document, Settings(extractors=("test-self",))).relations
    finally:
        extractors._parts.pop("test-self")
    assert [r.predicate for r in relations] == ["uses"]


def test_an_acronym_joined_once_captures_no_other_expansion() -> None:
    index = AliasIndex()
    text = "Nordic Steel Works (NSW) grew."
    first = [_found("Nordic Steel Works", 0, tokens=3), _found("NSW", 20, token=4)]
    (nordic,) = resolve(first, "d1", text, index, BASE).entities
    text = "North Shore Wanderers (NSW) won."
    second = [_found("North Shore Wanderers", 0, tokens=3), _found("NSW", 23, token=4)]
    (wanderers,) = resolve(second, "d2", text, index, BASE).entities
    assert wanderers.label == "North Shore Wanderers" and wanderers.iri != nordic.iri


def test_a_lone_acronym_joins_the_expansion_a_later_document_spells_out() -> None:
    index = AliasIndex()
    (alone,) = resolve([_found("NSW", 0)], "d1", "NSW grew.", index, BASE).entities
    text = "Nordic Steel Works (NSW) grew."
    spelled = [_found("Nordic Steel Works", 0, tokens=3), _found("NSW", 20, token=4)]
    resolved = resolve(spelled, "d2", text, index, BASE)
    (entity,) = resolved.entities
    assert entity.iri == alone.iri and entity.alt_labels == ("Nordic Steel Works",)
    assert {n: rule for _, n, rule in resolved.joined_by} == {"NSW": "earlier document",
                                                              "Nordic Steel Works": "abbreviation"}
    product = [_found("Nordic Steel Works", 0, "Product", tokens=3), _found("NSW", 20, "Product", token=4)]
    (other,) = resolve(product, "d3", text, index, BASE).entities
    assert other.iri != alone.iri  # never across classes


def test_a_resolution_with_the_documents_grouping_is_the_one_without() -> None:
    """merge reads the grouping the document's own resolution made (kg.distributed): with an
    alias index that knows earlier documents, the result is the one grouping afresh gives."""
    from kg.extract.mentions import find_mentions
    from kg.extract.resolve import group_names
    from kg.pipeline import Pipeline
    from kg.types import Document

    pipeline = Pipeline()
    texts = ["Amazon Web Services (AWS) hired Ann Lee. Lee said AWS grows. She left.",
             "Ann Lee joined Apple Inc. in 2019; Apple's CEO Tim Cook praised her. Cook and AWS met.",
             "Mr. Cook said AWS and Amazon Web Services are one. Tim spoke of Lee."]
    fresh, reused = AliasIndex(), AliasIndex()
    for i, text in enumerate(texts):
        document = Document.from_text(text, f"d{i}")
        found = find_mentions(pipeline.nlp(text), pipeline.lexicon)
        grouping = resolve(found, document.id, text, AliasIndex(), BASE).grouping
        assert grouping == group_names([f for f in found if not f.anaphor], text)
        plain = resolve(found, document.id, text, fresh, BASE)
        again = resolve(found, document.id, text, reused, BASE, grouping=grouping)
        assert again == plain and len(plain.entities) >= 2


# -- places that share a name -------------------------------------------------

def _entities_of(*texts: str) -> list[dict[str, tuple[str, str]]]:
    """Each document's names -> (IRI, label) of their entities, resolved in turn with one index."""
    from kg.extract.mentions import find_mentions
    from kg.extract.nlp import load_nlp
    from kg.lexicon import load_lexicon

    index, out = AliasIndex(), []
    for k, text in enumerate(texts):
        resolved = resolve(find_mentions(load_nlp()(text), load_lexicon()), f"d{k}", text, index, BASE)
        out.append({m.text: (iri, e.label) for iri, m in resolved.mentions
                    for e in resolved.entities if e.iri == iri})
    return out


def test_a_place_written_with_another_region_is_not_its_namesake() -> None:
    mass, england, bare = _entities_of("The robotics start-up Vexo is based in Cambridge, Mass., near Boston.",
                                       "Tilda Roe grew up in Cambridge, England, before moving abroad.",
                                       "Dr Ivo Marsh later moved to Cambridge with his family.")
    assert mass["Cambridge"][1] == "Cambridge, Massachusetts"
    assert england["Cambridge"][1] == "Cambridge"  # the gazetteer's Cambridge: a region it is in changes nothing
    assert bare["Cambridge"][0] == england["Cambridge"][0] != mass["Cambridge"][0]


def test_the_qualified_namesake_is_found_again_by_its_qualified_name_only() -> None:
    first, again = _entities_of("Vexo opened an office in Paris, Texas, in May.",
                                "Lune Labs, of Paris, Texas, hired ten engineers. Paris is small.")
    assert first["Paris"] == again["Paris"] and first["Paris"][1] == "Paris, Texas"


def test_a_list_of_places_qualifies_none_of_them() -> None:
    (names,) = _entities_of("The territory had five counties (Logan, Cleveland, Oklahoma, Canadian and Payne) then.")
    assert all(", " not in label for _, label in names.values()), names


def test_a_first_name_alone_finds_no_person_of_another_document():
    from kg.pipeline import extract_many
    from kg.types import Document

    docs = [Document.from_text("Peter Vell has been named president of the Kessel Chamber. \"Peter has 35 years "
                               "of experience,\" said its chairman.", "a.txt"),
            Document.from_text("Tom Roe, who chaired Bradford Bank, has died. Today his son Peter said his father "
                               "was born in Bradford.", "b.txt")]
    graphs = list(extract_many(docs))
    vell = {e.iri for e in graphs[0].entities if e.label == "Peter Vell"}
    assert vell and not vell & {e.iri for e in graphs[1].entities}, [e.label for e in graphs[1].entities]
