"""Trust on unseen text (issue 9): each case a sentence of our own."""
from __future__ import annotations

import pytest

from kg.pipeline import Pipeline, extract
from kg.types import Document


def graph(text: str):
    return extract(Document.from_text(text, "t.txt"))


def entities(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {e.label: (e.cls, e.alt_labels) for e in graph(text).entities}


def facts(text: str) -> set[tuple[str, str, str]]:
    g = graph(text)
    label = {e.iri: e.label for e in g.entities}
    return {(label.get(r.subject, r.subject), r.predicate, label.get(r.obj, r.obj)) for r in g.relations}


# 1. parentheses name the same thing only as an abbreviation (or by the gazetteer)
@pytest.mark.parametrize("text, a, b", [
    ("The plant was built by Schneider Electric Company (France) in 1990.", "Schneider Electric Company", "France"),
    ("She was born in Angleton, Texas (United States), in 1950.", "Texas", "United States"),
    ("Terje Halleland (Progress Party) is a Norwegian politician.", "Terje Halleland", "Progress Party"),
    ("The radar was made by Mitsubishi Electric (Japan) for the navy.", "Mitsubishi Electric", "Japan"),
])
def test_parenthesis_is_a_separate_entity(text, a, b):
    ents = entities(text)
    for label, (cls, alts) in ents.items():
        names = {label, *alts}
        assert not ({a, b} <= names), f"{a!r} and {b!r} merged into {label!r}: {ents}"


def test_parenthesis_abbreviation_joins():
    ents = entities("Amazon Web Services (AWS) sells chips to banks.")
    assert "AWS" in ents["Amazon Web Services"][1]


# "I" in a name is not a pronoun; no self-loops
@pytest.mark.parametrize("text", [
    "Jimmy Frise served in World War I and later drew for the Star.",
    "Carol I was the king of Romania, and his son Ferdinand followed him.",
])
def test_roman_numeral_is_not_the_author(text):
    g = graph(text)
    assert not any(e.label.startswith("author of") for e in g.entities), [e.label for e in g.entities]
    assert all(r.subject != r.obj for r in g.relations)


def test_first_person_narration_is_the_author():
    g = graph("I studied at Harvard University and later I joined Google as an engineer.")
    assert any(e.label.startswith("author of") for e in g.entities), [e.label for e in g.entities]


def test_an_interviews_answers_are_not_the_authors():
    text = ("Pacific Ferries is bidding for the route. Harbour Times spoke to its chairman, Tom Reyes.\n\n"
            "Harbour Times: Why this route?\n\n"
            "Reyes: We're a regional company and we have an office in Fiji.\n\n"
            "We think the port is well run.")
    g = graph(text)
    assert not any(e.label.startswith("author of") and "Organization" == e.cls for e in g.entities), \
        [(e.label, e.cls) for e in g.entities]
    assert not any("Fiji" in r.obj and r.predicate == "headquarteredIn" for r in g.relations)


# 2. classes: a maintained gazetteer of places votes Place, guarded against people
def test_city_from_gazetteer_is_a_place():
    ents = entities("The company opened a factory in Changzhou last year.")
    assert ents["Changzhou"][0] == "Place", ents


def test_person_named_like_a_place_stays_a_person():
    ents = entities("Abraham Lincoln said the war would end. Lincoln was tired.")
    assert ents["Abraham Lincoln"][0] == "Person", ents
    assert "Lincoln" not in ents or ents["Lincoln"][0] == "Person", ents


def test_turkish_defence_companies_are_organizations():
    ents = entities("Roketsan, Aselsan and Havelsan are Turkish defence companies.")
    for name in ("Roketsan", "Aselsan", "Havelsan"):
        assert ents.get(name, ("?",))[0] == "Organization", ents


@pytest.mark.parametrize("text, name, cls", [
    ("Bahir Dar is the capital of the region.", "Bahir Dar", "Place"),  # NER: PERSON; a whole place name
    ("Exports to Canada grew while Boston beat Chicago.", "Canada", "Place"),
    ("Nvidia was founded by Jensen Huang, Chris Malachowsky and co-founder Curtis Priem.", "Curtis Priem", "Person"),
])
def test_places_and_people_by_gazetteer_and_title(text, name, cls):
    ents = entities(text)
    assert ents.get(name, ("?",))[0] == cls, ents


@pytest.mark.parametrize("text, name", [
    ("Ola Berg is a Norwegian skier. He won a silver medal at the FIS Junior World Ski Championships in 2004.",
     "FIS Junior World Ski Championships"),  # NER: ORG
    ("Ola Berg is a Norwegian skier. In 2004 he won the Holmenkollen Championship.",
     "Holmenkollen Championship"),  # the place votes Place
    ("Ola Berg is a Norwegian singer. The Blue Lantern Tour opened in Leeds in 2019.", "Blue Lantern Tour"),  # ORG
])
def test_championships_are_an_event(text, name):
    assert entities(text)[name][0] == "Event"
    assert not {(s, p, o) for s, p, o in facts(text) if p in {"educatedAt", "worksFor", "memberOf"}}


@pytest.mark.parametrize("text, name, cls", [
    ("Amazon's Alexa service now answers questions in Hindi.", "Alexa", "Product"),  # NER: ORG
    ("The crew of NASA's Apollo program trained in Houston.", "Apollo", "Product"),
])
def test_a_program_or_service_someone_owns_is_a_product(text, name, cls):
    ents = entities(text)
    assert ents.get(name, ("?",))[0] == cls, ents


def test_a_program_nobody_owns_is_no_product_vote():
    ents = entities("The Apollo program sent twelve men to the Moon.")
    assert ents.get("Apollo", ("?",))[0] != "Product", ents


# "X and his wife Y": his is X; name variants in one document (extract/coreference.py, extract/name_links.py)
def test_mother_is_not_a_spouse():
    f = facts("Henrik Angell was the son of Johan Angell and his wife Marie Angell.")
    assert ("Henrik Angell", "spouse", "Marie Angell") not in f and ("Marie Angell", "spouse", "Henrik Angell") not in f, f
    assert ("Johan Angell", "spouse", "Marie Angell") in f or ("Marie Angell", "spouse", "Johan Angell") in f, f


def test_longer_and_shorter_name_join():
    ents = entities("Henrik August Angell was a Norwegian officer. Henrik Angell wrote several books.")
    persons = [k for k, v in ents.items() if v[0] == "Person"]
    assert persons == ["Henrik August Angell"], ents
    assert "Henrik Angell" in ents["Henrik August Angell"][1], ents


def test_two_people_sharing_first_and_last_name_stay_apart():
    ents = entities("Kari Nordby Lie and Kari Holm Lie founded a school. Kari Lie taught there.")
    assert {"Kari Nordby Lie", "Kari Holm Lie"} <= set(ents), ents
    assert all("Kari Lie" not in alts for _, alts in ents.values()), ents


@pytest.mark.parametrize("text, name, cls", [
    ("George Washington crossed the river. Washington was tired.", "George Washington", "Person"),
    ("Michael Jordan played well. Jordan scored 40 points.", "Michael Jordan", "Person"),
    ("She moved to Jordan in 1990.", "Jordan", "Place"),
    ("The factory stands in Aichi, near the coast.", "Aichi", "Place"),  # a prefecture (ISO 3166-2)
])
def test_person_or_place_by_the_words_around(text, name, cls):
    ents = entities(text)
    assert ents.get(name, ("?",))[0] == cls, ents
    if cls == "Person":  # the surname alone is the same person, not the place
        assert all(v[0] != "Place" for k, v in ents.items() if k in name), ents


# Places the gazetteers nest, named in one document, are related; ambiguous names are not
def test_gazetteer_containment_between_named_places():
    f = facts("The band toured Changzhou in May. Later that year it played across China and Japan.")
    assert ("Changzhou", "locatedIn", "China") in f, f
    assert ("Changzhou", "locatedIn", "Japan") not in f, f


def test_containment_is_silent_when_two_named_countries_could_hold_the_place():
    from kg.extract.rules.geography import containers

    assert containers("Paris") == frozenset({"France"})  # the most populous Paris
    f = facts("She sang in Paris. She was born in France and later lived in the United States.")
    assert ("Paris", "locatedIn", "France") in f, f
    assert ("Paris", "locatedIn", "United States") not in f, f


# 4. "the Board" in "Chairman of the Board and CEO of X" names no organisation of its own
def test_chairman_of_the_board_leads_the_company_not_a_board():
    got = facts("Laura Chen, Chairman of the Board and CEO of Pellham Foods, resigned.")
    assert ("Laura Chen", "leads", "Pellham Foods") in got
    assert not any(o == "Board" for _, _, o in got)


# 4. the place of a school named in the sentence is not where its student lives
def test_the_schools_place_is_not_the_students_home():
    got = facts("Daniel Reeve is a Canadian banker. He was educated at Brookfield School in Hamilton, "
                "Ontario, and at ESSEC in Cergy, France, where he earned a degree in finance.")
    assert ("Daniel Reeve", "educatedAt", "Brookfield School") in got
    assert ("Brookfield School", "locatedIn", "Ontario") in got
    assert not {("Daniel Reeve", "livesIn", place) for place in ("Hamilton", "Ontario")} & got


@pytest.mark.parametrize("text, person, title_fact", [
    ("Mira Okafor, a co-founder of Lumen Robotics, joined Acme Corp in 2020.", "Mira Okafor",
     ("Lumen Robotics", "foundedBy", "Mira Okafor")),
    ("Jane Doe, a graduate of Stanford University, joined Acme Corp in 2010.", "Jane Doe",
     ("Jane Doe", "educatedAt", "Stanford University")),
])
def test_an_apposition_title_is_not_employment(text, person, title_fact):
    found = facts(text)
    assert title_fact in found
    org = title_fact[0] if title_fact[2] == person else title_fact[2]
    assert (person, "worksFor", org) not in {(s, p, o) for s, p, o in found if p == "worksFor"}
    assert (person, "worksFor", "Acme Corp") in found  # the verb still says where she works


def test_an_apposition_job_still_names_the_employer():
    assert ("Ann Lee", "worksFor", "Acme Corp") in facts("Ann Lee, a spokeswoman for Acme Corp, spoke on Monday.")


# dates: a date property's value names a point in time, of the one person it belongs to
@pytest.mark.parametrize("text, not_a_date", [
    ("Ruth Alder ran the mill for decades, though she died three years before it closed.", "three years"),
    ("Dario Fenn enjoyed a good spring season with the Otters, when he died of a heart attack.",
     "a good spring season"),
])
def test_a_span_of_time_or_a_season_is_no_death_date(text, not_a_date):
    assert not {f for f in facts(text) if f[1] == "deathDate" and f[2] == not_a_date}


def test_a_death_date_belongs_to_the_nearest_person():
    got = facts("Mara Ives married Tom Reyes (died 1880), son of Sir Paul Reyes of Dover.")
    assert ("Tom Reyes", "deathDate", "1880") in got
    assert ("Paul Reyes", "deathDate", "1880") not in got


def test_a_company_suffix_alone_is_no_entity():
    g = graph("Brightwater, Inc. is a subsidiary of Halden Group, and Halden Group, Ltd. owns it.")
    assert not {e.label for e in g.entities} & {"Inc.", "Ltd.", "Inc", "Ltd"}


def test_one_word_of_capitals_is_no_person():
    assert entities("The game was rated by the ACRB of Korea.")["ACRB"][0] == "Organization"


# pronouns: a name in a clause before the pronoun may be the one it stands for
def test_a_pronoun_after_a_semicolon_is_the_earlier_subject():
    got = facts("Wilbur Kemp never saw the new bridge finished; he died in Leeds in 1911.")
    assert ("Wilbur Kemp", "deathDate", "1911") in got
    assert not any(s.startswith("unnamed") for s, _, _ in got)


@pytest.mark.parametrize("text, maker, other, product", [
    ("Intel makes the modems, and Lenovo puts them in its ThinkPad laptops.", "Lenovo", "Intel", "ThinkPad"),
    ("Samsung builds the screens, and Google sells them in its Pixel phones.", "Google", "Samsung", "Pixel"),
])
def test_its_is_its_own_clauses_subject(text, maker, other, product):
    got = {(s, p, o) for s, p, o in facts(text) if p == "develops"}
    assert any(s == maker and product in o for s, _, o in got), got
    assert not any(other in s for s, _, _ in got), got


def test_a_team_a_player_is_traded_to_is_membership_not_employment():
    got = facts("Cal Dorsey is an American football player. He worked for Wells Fargo before he was drafted by "
                "the Denver Broncos. In 2019 he joined the Chicago Bears as a free agent.")
    assert {("Cal Dorsey", "memberOf", "Denver Broncos"), ("Cal Dorsey", "memberOf", "Chicago Bears")} <= got, got
    assert not {(s, p, o) for s, p, o in got if p == "worksFor" and o in {"Denver Broncos", "Chicago Bears"}}
    assert ("Cal Dorsey", "worksFor", "Wells Fargo") in got  # the same sentence: the bank stays an employer


def test_a_role_of_a_country_is_nationality_not_residence():
    got = facts("Kofi Mensah, a former minister of Ghana, lives in London. Ann Lee, the mayor of Leeds, met him.")
    assert ("Kofi Mensah", "nationality", "Ghana") in got
    assert ("Kofi Mensah", "livesIn", "Ghana") not in got
    assert ("Ann Lee", "livesIn", "Leeds") in got  # a city's office: where she lives


@pytest.mark.parametrize("text, work, person", [
    ("Harbor Lights is a 1994 novel by Ann Cole.", "Harbor Lights", "Ann Cole"),  # NER: ORG
    ("Marta Kessler is a 2003 German drama film directed by Otto Brand.", "Marta Kessler", "Otto Brand"),  # PERSON
    ("Elena Sol, an American studio project, released two albums.", "Elena Sol", None),  # PERSON
])
def test_a_work_is_no_entity(text, work, person):
    ents = entities(text)
    assert work not in ents, ents
    assert person is None or ents[person][0] == "Person"


@pytest.mark.parametrize("text, name", [
    ("Elena Sol is an American soul studio project formed in 1982.", "Elena Sol"),  # NER: PERSON
    ("Ingrid Blom is a Swedish comedy series.", "Ingrid Blom"),  # the classifier read it too
])
def test_a_demonym_before_a_work_is_no_nationality(text, name):
    assert not {(s, p, o) for s, p, o in facts(text) if p == "nationality"}


@pytest.mark.parametrize("text, person, country", [
    ("Marla Quist is a Danish engineer.", "Marla Quist", "Denmark"),
    ("Iryna Koval is a Ukrainian team handball goalkeeper.", "Iryna Koval", "Ukraine"),  # "team" modifies the role
    ("Dmitri Sokolov is a Russian film and stage actor.", "Dmitri Sokolov", "Russia"),
])
def test_a_demonym_before_a_role_is_a_nationality(text, person, country):
    assert (person, "nationality", country) in facts(text)


def test_a_count_in_parentheses_places_nothing_in_its_city():
    got = facts("Lumo Electric runs factories in Taiwan (3 in Hsinchu), Mainland China (10 in Xiamen, Suzhou "
                "and Wuhan) and Vietnam.")
    assert not {(s, p, o) for s, p, o in got if p == "locatedIn" and s in {"Taiwan", "Mainland China"}}, got


def test_two_subjects_who_married_are_spouses():
    got = facts("Tom Hale and Nina Roe married in 1990. Ivo Lind and Ada Berg met in Oslo.")
    assert {("Tom Hale", "spouse", "Nina Roe"), ("Nina Roe", "spouse", "Tom Hale")} & got
    assert not {(s, p, o) for s, p, o in got if p == "spouse" and "Ivo Lind" in (s, o)}


def test_a_name_in_apposition_to_a_noun_before_it_takes_its_class():
    ents = entities("The parent company, Corvo Films, has offices in Detroit. The band, Vela Nine, formed in 1999.")
    assert ents["Corvo Films"][0] == "Organization" and ents["Vela Nine"][0] == "Organization", ents


def test_an_office_or_plant_is_no_headquarters():
    got = facts("Corvo Films is headquartered in Los Angeles and has offices in Detroit. "
                "The Leeds Courier has satellite offices in Harrogate, Hull and York.")
    assert ("Corvo Films", "headquarteredIn", "Los Angeles") in got
    assert not {(s, p, o) for s, p, o in got if p == "headquarteredIn" and o in {"Detroit", "Harrogate", "York"}}


def test_the_classifier_states_no_birthplace_without_a_word_of_birth():
    got = facts("Ramon Vega was a Chilean architect. A street in Valparaiso bears his name.")
    assert not {(s, p, o) for s, p, o in got if p == "bornIn"}, got


def test_a_grandfather_is_no_parent():
    got = facts("Tor Hagen was a Norwegian painter. He was the father of Eirik Hagen and the grandfather of "
                "Sofie Hagen.")  # the classifier said Tor Hagen childOf Sofie Hagen
    assert ("Eirik Hagen", "childOf", "Tor Hagen") in got
    assert not {(s, p, o) for s, p, o in got if p == "childOf" and "Sofie Hagen" in (s, o)}, got


def test_teaching_at_a_school_is_work_not_study():
    got = facts("Nadia Brenn is a Welsh sculptor. She teaches at Harlow College and previously taught at "
                "Kestrel University. She holds a degree in painting from Dunmore University.")
    assert {("Nadia Brenn", "worksFor", "Harlow College"), ("Nadia Brenn", "worksFor", "Kestrel University")} <= got
    assert not {(s, p, o) for s, p, o in got if p == "educatedAt" and o in {"Harlow College", "Kestrel University"}}


def test_a_parents_wife_is_no_spouse_even_after_a_parenthesis():
    got = facts("Oskar Lund was a Danish painter. He was the son of Johan Peter Lund (1801 – 70) and his wife "
                "Karen Holm (1810 – 1880).")
    assert ("Oskar Lund", "childOf", "Johan Peter Lund") in got
    assert not {(s, p, o) for s, p, o in got if p == "spouse" and "Oskar Lund" in (s, o)}


@pytest.mark.parametrize("text, child, parent, mother", [
    ("Ivar Dahl was a Swedish bishop. He was the son of Nils Dahl and his wife Ingrid Sund.",
     "Ivar Dahl", "Nils Dahl", "Ingrid Sund"),  # NER calls Nils Dahl an organisation
    ("Mette Brun was a Danish actress. She was the daughter of Anders Brun and his wife Sofie Krag.",
     "Mette Brun", "Anders Brun", "Sofie Krag"),  # NER misses Anders Brun
])
def test_the_son_of_names_a_person(text, child, parent, mother):
    got = facts(text)
    assert (child, "childOf", parent) in got
    assert {(mother, "spouse", parent), (parent, "spouse", mother)} & got
    assert not {(s, p, o) for s, p, o in got if p == "spouse" and child in (s, o)}


def test_a_birthplace_in_parentheses_is_no_nationality():
    got = facts("Tomas Rueda (San Lorenzo, Peru, May 2, 1870 – Lima, Peru, June 1, 1931) was a Peruvian painter.")
    assert ("Tomas Rueda", "nationality", "Peru") in got
    assert not {(s, p, o) for s, p, o in got if p == "nationality" and o != "Peru"}


def test_a_list_of_towns_with_one_ner_missed_is_no_containment():
    got = facts("The paper has offices in Harrogate, Hull, Scarborough, Sheffield and York.")
    assert not {(s, p, o) for s, p, o in got if p == "locatedIn"}


@pytest.mark.parametrize("middle", [
    "She showed new work at a gallery that Sam Roe runs.",
    "Her show, which Sam Roe curated, opened in May.",
])
def test_she_is_the_main_clauses_subject_not_a_relative_clauses(middle):
    got = facts(f"Kim Lee is a Welsh painter. {middle} She lives in Leeds.")
    assert ("Kim Lee", "livesIn", "Leeds") in got
    assert ("Sam Roe", "livesIn", "Leeds") not in got


@pytest.mark.parametrize("text, wrong", [
    ("Ola Berg and Per Lie founded Norsk Data in 1967 in Oslo, and the company moved to Bergen a few "
     "years later.", [("Ola Berg", "livesIn", "Bergen"), ("Per Lie", "livesIn", "Bergen")]),
    ("Ann Lee, whose husband worked at IBM, studied at Yale University.", [("Ann Lee", "worksFor", "IBM")]),
])
def test_the_place_or_employer_of_another_subjects_clause_is_not_theirs(text, wrong):
    assert not set(wrong) & facts(text)


def test_she_is_who_her_already_named_not_the_critic_quoted():
    got = facts('Ada Vale (born 1962) is an American artist. She is known for collage and video. Art critic '
                'Tom Reyes has written that her work "is bold and strange." She has exhibited widely throughout '
                'the United States, including a show at the Mars Gallery in 2015, about which critic Sam Roe '
                'wrote, "a strange show." She lives and works in Leeds, England.')
    assert ("Ada Vale", "livesIn", "Leeds") in got
    assert not {(s, p, o) for s, p, o in got if p == "livesIn" and s in {"Tom Reyes", "Sam Roe"}}


@pytest.mark.parametrize("text, person, place", [
    ("Maria Lund was born and baptised in Uppsala, in the province of Uppland.", "Maria Lund", "Uppsala"),
    ("The team took three medals in Oslo (a gold for Ann Berg) and won again in 2010 in Lyon, France.",
     "Ann Berg", "France"),
])
def test_the_classifier_states_no_residence_without_a_word_of_residence(text, person, place):
    assert (person, "livesIn", place) not in facts(text)


def test_a_residence_word_or_a_place_on_the_title_still_gives_residence():
    assert ("Ann Lee", "livesIn", "Leeds") in facts("Ann Lee moved to Leeds in 1990.")
    assert ("Tom Reyes", "livesIn", "Denver") in facts("The spill was small, said Denver lawyer Tom Reyes.")


@pytest.mark.parametrize("text, person, country", [
    ("Kofi Mensah, Ghana's Minister for Trade, opened the fair.", "Kofi Mensah", "Ghana"),
    ("The race was won by Kenya's Peter Kamau.", "Peter Kamau", "Kenya"),
    ("The prince married Princess Astrid Berg of Norway.", "Astrid Berg", "Norway"),
])
def test_a_countrys_person_or_role_is_nationality_not_residence(text, person, country):
    got = facts(text)
    assert (person, "nationality", country) in got
    assert (person, "livesIn", country) not in got


@pytest.mark.parametrize("text, company", [
    ("Dunmore is a village in Albany County, New York, operated by Dunmore Holdings. "
     "It is a suburb of the neighboring city of Albany.", "Dunmore Holdings"),
    ("Harbor Nights is a novel by Ann Cole, published by Dell Books. "
     "It is the eleventh book in the Rocksburg series.", "Dell Books"),
    ("Fernhill is a hamlet in the town of Milo, whose water comes from the Milo Water Company. "
     "The population was 2,100 in 2010. It is a suburb of the city of Albany.", "Milo Water Company"),
])
def test_it_after_a_place_or_a_work_is_not_the_company_named_in_passing(text, company):
    assert not {(s, p, o) for s, p, o in facts(text) if s == company and p in {"headquarteredIn", "locatedIn"}}


def test_it_after_a_person_is_still_the_company_they_founded():
    assert ("Acme Foods", "headquarteredIn", "Leeds") in facts("Ann Lee founded Acme Foods in 1990. It is based in Leeds.")


def test_a_life_span_is_two_dates_not_one():
    from kg.extract.classifier import date_spans
    from kg.extract.nlp import load_nlp

    doc = load_nlp()("Walter Grove (March 14, 1866 – 1932) was a farmer from 1890 to 1920.")
    assert [d.text for d in date_spans(doc)] == ["March 14, 1866", "1932", "1890 to 1920"]


@pytest.mark.parametrize("name", ["Kemble Airport", "Crossgates Mall"])
def test_an_airport_or_a_mall_is_a_place(name):
    assert entities(f"{name} is near the village of Kemble.")[name][0] == "Place"


@pytest.mark.parametrize("text, portfolio", [
    ("Ann Lee became Assistant Secretary of State in 2015.", "State"),
    ("Ann Roy was Minister for Social Protection from 2009 to 2012.", "Social Protection"),
])
def test_a_ministers_portfolio_is_no_employer(text, portfolio):
    assert portfolio not in entities(text)
    assert not {(s, p, o) for s, p, o in facts(text) if p == "worksFor"}


def test_a_name_listed_after_a_place_is_a_place_not_a_person():
    assert entities("In 1931 he flew the mail between Lisbon and Dakar.")["Dakar"][0] == "Place"
    children = entities("Ann Roy lives in Leeds with her children Alexis, Graham and Leland.")
    assert children["Graham"][0] == "Person"  # a list of names that starts with no place


@pytest.mark.parametrize("text, name, cls", [
    ("Mount Halvorsen stands southeast of the ridge.", "Mount Halvorsen", "Place"),  # NER: PERSON
    ("She worked for Gulf Air.", "Gulf Air", "Organization"),
])
def test_a_mount_or_a_lake_is_a_place_by_its_first_word(text, name, cls):
    assert entities(text)[name][0] == cls


def test_an_organisations_last_word_alone_is_the_same_organisation():
    ents = entities("The Varden Commission was set up in 1900. The Commission passed 499 laws.")
    assert "Commission" not in ents and ents["Varden Commission"][0] == "Organization"


def test_a_name_alone_in_quotation_marks_is_a_title_not_a_person():
    assert "Johnny Ray" not in entities('Her single "Johnny Ray" reached number five.')
    people = entities('Her husband, Tom "Tommy" Reyes, coached the team.')  # a nickname inside a name
    assert people['Tom "Tommy" Reyes'][0] == "Person"


@pytest.mark.parametrize("text, name", [
    ("Carl Voss (11 May 1874, in Hull – 2 June 1915, in Leeds) was a Welsh surgeon.", "Carl Voss"),
    ("Dario Bassi (born June 2, 1970, Akron, Ohio) is an American sculptor.", "Dario Bassi"),
])
def test_a_life_in_parentheses_after_a_name_makes_it_a_person(text, name):
    assert entities(text)[name][0] == "Person"


@pytest.mark.parametrize("text, name, cls", [
    ("The paper is read across Yorkshire and in parts of Lancashire.", "Yorkshire", "Place"),  # NER: PERSON
    ("He plays for Premier League club Harbury United.", "Harbury United", "Organization"),  # the town votes Place
])
def test_a_shire_is_a_place_and_a_united_a_club(text, name, cls):
    assert entities(text)[name][0] == cls


def test_a_name_with_a_year_alone_in_parentheses_is_a_work():
    ents = entities("He made his name in films such as Dark Harbor (1993), Cold Roads (1993) and Far Lights (1994).")
    assert not {"Dark Harbor", "Cold Roads", "Far Lights"} & set(ents), ents
    assert entities("Ann Lee has a PhD from the University of Leeds (2004).")["University of Leeds"][0] == "Organization"


@pytest.mark.parametrize("text, name, cls", [
    ("The song was recorded by American singer-songwriter Marina Delgado.", "Marina Delgado", "Person"),  # NER: GPE
    ("The hall was built by the chipmaker Zentrix in 1990.", "Zentrix", "Organization"),  # NER: PERSON
])
def test_a_noun_right_before_a_name_gives_its_class(text, name, cls):
    assert entities(text)[name][0] == cls


def test_a_possessive_inside_a_name_does_not_cut_it():
    ents = entities("Tomas Varga joined the Karelian Workers' Party in 1990.")
    assert ents["Karelian Workers' Party"][0] == "Organization" and "Party" not in ents
    assert ("Tomas Varga", "memberOf", "Karelian Workers' Party") in facts("Tomas Varga joined the Karelian Workers' Party in 1990.")
    assert "People" not in entities("Lena Ostrova won two People's Music Awards.")
    assert {"Apple", "Siri"} <= set(entities("Apple's Siri team grew."))  # an owner's possessive still cuts


def test_a_name_ending_in_of_takes_the_name_after_it():
    from spacy.tokens import Span

    from kg.extract.mentions import find_mentions
    from kg.extract.nlp import load_nlp
    from kg.lexicon import load_lexicon

    doc = load_nlp()("Ships crossed the Bay of Kessary.")
    doc.ents = [Span(doc, 2, 5, "LOC"), Span(doc, 5, 6, "GPE")]  # as NER reads "the Bay of" + "Biscay"
    assert [(f.text, f.cls) for f in find_mentions(doc, load_lexicon())] == [("Bay of Kessary", "Place")]


def test_a_title_alone_before_of_is_no_person():
    assert "Dean" not in entities("Mara Quist was Dean of the Faculty of Law at Halden University until 2001.")


@pytest.mark.parametrize("text, name", [
    ("The lighthouse island lies north of Brenholm.", "Brenholm"),  # NER: PERSON
    ("The lighthouse stands 10 km southwest of Kelvara.", "Kelvara"),  # NER: PERSON
    ("Both brothers are buried at Ashgrove Cemetery.", "Ashgrove Cemetery"),  # NER: ORG
    ("Ola Berg was born at Lusterby in 1901 and later farmed near Molde.", "Lusterby"),  # NER: ORG
    ("To the south the county is bordered by Vela Kessary.", "Vela Kessary"),  # PERSON
])
def test_a_direction_or_a_cemetery_puts_a_name_on_the_map(text, name):
    assert entities(text)[name][0] == "Place"


def test_the_classifier_states_no_spouse_without_a_word_of_marriage():
    assert not any(p == "spouse" for _, p, _ in facts("Lena had worked with Tom Furr on both of her earlier albums."))
    assert ("Tom Furr", "spouse", "Lena Dahl") in facts("Tom Furr married Lena Dahl in 1990.")


def test_a_name_of_title_words_alone_is_no_organisation():
    text = "He is now Chairman and Co-Chief Executive Officer of Halvard Holdings of Norway."
    ents = entities(text)
    assert "Co-Chief Executive Officer" not in ents and ents["Halvard Holdings"][0] == "Organization"
    assert not any(o == "Co-Chief Executive Officer" for _, p, o in facts(text) if p != "jobTitle")


def test_an_ampersand_joins_one_name():
    ents = entities("Shares of Hollis & Trent rose after Varga & Varga reported results.")
    assert ents["Hollis & Trent"][0] == "Organization" and "Trent" not in ents and "Hollis" not in ents
    two = entities("Anthropic trains Claude on chips from Amazon & Google.")  # the gazetteer knows both
    assert {"Anthropic", "Amazon", "Google"} <= set(two) and "Amazon & Google" not in two


def test_names_after_such_as_are_examples_not_containment():
    text = "The old province covers lands such as Ostrovia, Kessary including Tamsin, and part of Velmar."
    assert not any(p == "locatedIn" for _, p, _ in facts(text)), facts(text)
    assert ("Tempe", "locatedIn", "Arizona") in facts("Cities such as Tempe, Arizona, grew fast.")


@pytest.mark.parametrize("text, name, cls", [
    ("Ivo Marsh served aboard HMS Kestrel in 1982.", "HMS Kestrel", "Product"),  # NER: ORG
    ("The Kessary Restoration changed the island for ever.", "Kessary Restoration", "Event"),  # NER: ORG
    ("Rosco Software released the game in 1998.", "Rosco Software", "Organization"),  # NER: PERSON
])
def test_a_ship_a_restoration_and_a_software_house_by_their_words(text, name, cls):
    assert entities(text)[name][0] == cls


def test_a_treaty_or_chart_is_no_entity():
    from kg.extract.classes import WORK, name_class
    from kg.extract.nlp import load_nlp
    from kg.lexicon import load_lexicon

    doc = load_nlp()("Both states signed the Halvard Agreement; the song reached the Varnish Singles Chart.")
    assert name_class(doc[4:6], load_lexicon()) == WORK and name_class(doc[11:14], load_lexicon()) == WORK


@pytest.mark.parametrize("text, name, other", [
    ("Peter of Varnholm (or Pierre de Varnholm; died 1502) led the abbey.", "Peter of Varnholm", "Pierre de Varnholm"),
    ("Ann Lee, also known as Annie Kessler, sang in Leeds.", "Ann Lee", "Annie Kessler"),
])
def test_a_name_the_text_calls_another_name_of_it_is_an_alias(text, name, other):
    ents = entities(text)
    assert other not in ents and other in ents[name][1]
    assert ("Peter of Varnholm", "deathDate", "1502") in facts(text) or name != "Peter of Varnholm"


@pytest.mark.parametrize("text, name, cls", [
    ("Since May he has been the manager of Galtaray Vance again.", "Galtaray Vance", "Organization"),
    ("Tom Reyes was a student of Ada Brandt in Vienna.", "Ada Brandt", "Person"),  # a teacher, not a school
])
def test_a_titles_of_gives_the_class_its_property_ranges_over(text, name, cls):
    assert entities(text)[name][0] == cls


@pytest.mark.parametrize("text, founders", [
    ("Kestrel Robotics, a startup founded by Ann Lee and Tom Roe, raised money.", {"Ann Lee", "Tom Roe"}),
    ("Kestrel Robotics is a company founded by Ann Lee in 2019.", {"Ann Lee"}),
])
def test_a_participle_with_by_states_what_its_noun_names(text, founders):
    assert {o for s, p, o in facts(text) if s == "Kestrel Robotics" and p == "foundedBy"} == founders


def test_a_title_of_an_owner_then_a_name_in_commas_is_the_names_title():
    assert ("Ann Lee", "leads", "Kestrel Robotics") in facts(
        "The chief executive of Kestrel Robotics, Ann Lee, said sales rose.")
    assert ("Jacob", "childOf", "Yaqub") not in facts("Yusuf was the eleventh son of Yaqub (, Jacob).")


def test_a_country_then_its_city_is_no_containment_of_the_country():
    assert ("Norway", "locatedIn", "Oslo") not in facts("The capital of Norway, Oslo, is cold in winter.")


def test_a_noun_before_listed_names_brings_all_of_them():
    text = "Samsung Electronics is led by co-chief executives Ann Lee and Tom Roe."
    assert {s for s, p, o in facts(text) if p == "leads"} == {"Ann Lee", "Tom Roe"}


def test_a_name_before_based_is_a_place():
    assert entities("Kestrel Robotics, a Varnholm-based maker of drones, grew fast.")["Varnholm"][0] == "Place"


def test_an_awards_field_is_no_organisation():
    from spacy.tokens import Span

    from kg.extract.mentions import find_mentions
    from kg.extract.nlp import load_nlp
    from kg.lexicon import load_lexicon

    doc = load_nlp()("Ann Lee won the 2024 Halvard Prize in Physics.")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 4, 8, "EVENT"), Span(doc, 8, 9, "ORG")]  # as NER cut it
    assert [f.text for f in find_mentions(doc, load_lexicon()) if not f.anaphor] == ["Ann Lee"]


def test_a_known_place_a_person_visited_is_a_place():
    assert entities("The chancellor visited Lviv on Friday.")["Lviv"][0] == "Place"  # NER: PERSON


def test_a_persons_name_cut_after_a_particle_goes_on():
    from spacy.tokens import Span

    from kg.extract.mentions import find_mentions
    from kg.extract.nlp import load_nlp
    from kg.lexicon import load_lexicon

    doc = load_nlp()("The envoy, Karin von der Heide, spoke.")
    doc.ents = [Span(doc, 3, 6, "PERSON"), Span(doc, 6, 7, "GPE")]  # as NER cut "Ursula von der" + "Leyen"
    assert [(f.text, f.cls) for f in find_mentions(doc, load_lexicon()) if not f.anaphor] == [
        ("Karin von der Heide", "Person")]


def test_a_places_common_noun_or_a_direction_alone_is_no_name():
    assert "River" not in entities("Like Hollis of the River, the picture was shot near Kelby.")
    assert "Central" not in entities("These birds live in Texas, Mexico, and Central and South America.")


def test_an_honour_after_a_persons_name_is_no_one():
    text = "Tomas Varga, Commendatore OSSI, (born 4 May 1950) is a football manager. He manages Galtaray Vance."
    assert "Commendatore OSSI" not in entities(text)
    assert "Tom Reyes" in entities("Sir Tom Reyes OBE chairs the board of Kestrel Robotics.")
    assert "KBE" not in entities("Sir Tom Reyes, KBE, chairs the board of Kestrel Robotics.")


def test_a_title_a_rule_gives_one_person_is_not_the_classifiers_for_another():
    text = "Ann Lee, the CEO of Kestrel Robotics, met German chancellor Tom Roe in Berlin."
    assert {s for s, p, o in facts(text) if p == "leads"} == {"Ann Lee"}


@pytest.mark.parametrize("text, person, place", [
    ("The chapel shows scenes from the life of St Ansgar of Bremen.", "Ansgar", "Bremen"),
    ("The chapel shows scenes from the life of St Ansgar of Brevik.", "Ansgar", "Brevik"),
    ("His quarrel with King Harald III of Vestmark ended in exile.", "Harald III", "Vestmark"),
    ("Queen Mara and her husband Prince Tobias, Duke of Edinburgh, visited the island.", "Tobias", "Edinburgh"),
])
def test_a_styled_persons_of_is_no_home_nor_employer(text, person, place):
    found = facts(text)
    assert not [f for f in found if f[1] in {"livesIn", "worksFor"} and person in f[0] and place in f[2]], found


def test_a_persons_of_a_place_is_still_a_home_and_a_direction_is_no_one():
    assert ("Sam Kadet", "livesIn", "Chicago") in facts("Sam Kadet of Chicago said the deal was fair.")
    text = "The district has two towns: Marek Kolno, east of Olsztyn, and Tolmar, north of Olsztyn."
    assert not [f for f in facts(text) if f[2] == "Olsztyn"], facts(text)


@pytest.mark.parametrize("text, person, body", [
    ("It is a cover of a song by Kiril Dobrev of Bulgarian rock band Shturtzite.", "Kiril Dobrev", "Shturtzite"),
    ("The bill was promoted by Mary Hollins of the vocal group the Velvetones.", "Mary Hollins", "Velvetones"),
    ("Labor candidate Matt Varney lost the seat.", "Matt Varney", "Labor"),
])
def test_a_band_or_a_partys_candidate_is_membership_not_employment(text, person, body):
    found = facts(text)
    assert (person, "memberOf", body) in found and (person, "worksFor", body) not in found, found


def test_a_leader_is_not_also_said_to_work_for_what_he_leads():
    found = facts("Labor leader Steve Brack won the election in Victoria.")
    assert ("Steve Brack", "leads", "Labor") in found and ("Steve Brack", "worksFor", "Labor") not in found, found


@pytest.mark.parametrize("text, name", [
    ("He held the outpost at Varrick Bridge, Dublin during the rising.", "Varrick Bridge"),
    ("Crowds gathered in Kessel Square on Sunday to protest.", "Kessel Square"),
    ("The trail runs through Varnell State Park near the river.", "Varnell State Park"),
    ("The Kessarian Empire fell in 1453 after a long siege.", "Kessarian Empire"),
])
def test_a_places_noun_in_capitals_ends_a_places_name(text, name):
    assert entities(text)[name][0] == "Place", entities(text)


@pytest.mark.parametrize("text, name", [
    ("Kestrel Play Music was launched by Google in 2011.", "Kestrel Play Music"),
    ("Google Play Music and Chromecast were launched by Google in 2011.", "Chromecast"),
    ("Its ideas were reused for a smaller device known as Vireo, which plays music.", "Vireo"),
])
def test_what_was_launched_or_a_device_known_as_is_a_product(text, name):
    assert entities(text)[name][0] == "Product", entities(text)


def test_a_role_or_a_score_is_not_part_of_a_name():
    ents = entities("Striker Tomas Berg scored twice as Rosenborg beat Molde 3-1 in Trondheim on Sunday.")
    assert "Tomas Berg" in ents and ents["Tomas Berg"][0] == "Person", ents
    assert not any("3-1" in name or name.startswith("Striker") for name in ents), ents


def test_a_last_name_alone_that_ner_missed_is_the_person_named_before():
    text = ("Dr. Kenji Watanabe, who heads the robotics lab at Osaka University, spoke on Monday. "
            "Watanabe was born in Nagoya and studied at the University of Tokyo.")
    found = facts(text)
    assert ("Kenji Watanabe", "bornIn", "Nagoya") in found and (
        "Kenji Watanabe", "educatedAt", "University of Tokyo") in found, found
    assert "Cook County" not in {s for s, p, o in facts("Tim Cook spoke at Cook County Hospital on Monday.")}


def test_a_companys_first_word_later_is_the_company_when_the_rest_are_company_words():
    text = ("Maria Lindqvist, the chief executive of Nordvik Energy, spoke on Tuesday. "
            "Lindqvist joined Nordvik in 2015 after a decade at Statoil.")
    assert "Nordvik" not in entities(text) and ("Maria Lindqvist", "worksFor", "Nordvik Energy") in facts(text)
    ents = entities("Amazon Web Services sells chips to banks. Amazon sells books.")
    assert "Amazon" in ents and "Amazon Web Services" in ents, ents


def test_a_short_name_ner_missed_is_the_one_named_before_it():
    text = "Helix Pharmaceuticals agreed to buy Corvane Biotech. Helix, based in Cambridge, Massachusetts, makes drugs."
    assert ("Helix Pharmaceuticals", "headquarteredIn", "Cambridge, Massachusetts") in facts(text), facts(text)
    text = ("Former Senator John Hale died on Friday. Hale served in the Senate from 1981 "
            "and was married to Ruth Hale for sixty years.")
    assert {("John Hale", "spouse", "Ruth Hale"), ("Ruth Hale", "spouse", "John Hale")} & facts(text), facts(text)


def test_a_one_word_name_takes_the_class_of_the_longer_name_it_shortens_but_a_place_stays():
    text = "Helix Pharmaceuticals agreed to buy Corvane Biotech. Corvane's founder, Dr. Priya Raman, will join its board."
    assert ("Corvane Biotech", "foundedBy", "Priya Raman") in facts(text), facts(text)
    text = "He studied at Syracuse University. He was born in Syracuse, New York, in 1950."
    assert entities(text)["Syracuse"][0] == "Place", entities(text)


def test_a_places_name_that_is_a_persons_surname_and_acts_is_the_person():
    text = "Tomas Wales founded Vexa Labs. Wales was born in Leeds and taught in England and Wales."
    ents, found = entities(text), facts(text)
    assert ("Tomas Wales", "bornIn", "Leeds") in found and "Wales" in ents["Tomas Wales"][1], (ents, found)
    assert ents["Wales"][0] == "Place", ents  # "England and Wales": the country, apart


def test_a_full_name_with_a_nickname_is_the_shorter_name_written_before_it():
    text = 'Jimmy Vessel, the founder of Kelp Labs\n\nJimmy Daniel "Jimbo" Vessel (born 1961) is a chemist.'
    ents = entities(text)
    assert "Jimmy Vessel" in ents['Jimmy Daniel "Jimbo" Vessel'][1], ents


@pytest.mark.parametrize("text", [
    "Safari Telecom named Grace Wanjiru as its new chief executive on Thursday.",
    "Safari Telecom appointed Grace Wanjiru chief executive on Thursday.",
])
def test_an_appointing_verbs_subject_owns_the_title(text):
    found = facts(text)
    assert ("Grace Wanjiru", "leads", "Safari Telecom") in found, found
    assert {o for s, p, o in found if p == "jobTitle"} <= {"new chief executive", "chief executive"}, found


@pytest.mark.parametrize("text, fact", [
    ("Museum director Laurence Des Varennes said the museum would reopen. Des Varennes previously ran the "
     "Kessary Gallery.", ("Laurence Des Varennes", "leads", "Kessary Gallery")),
    ("Commissioner Ursula von der Heide met farmers. Von der Heide was born in Brussels.",
     ("Ursula von der Heide", "bornIn", "Brussels")),
])
def test_a_surname_from_its_particle_on_is_the_person(text, fact):
    assert fact in facts(text), facts(text)


def test_her_in_a_second_conjunct_is_not_the_first_conjuncts_name():
    g = graph("Margaret Olsen died on Saturday. Olsen is survived by her son, David, and her daughter, "
              "Karen Olsen-Pike, a judge in Boston.")
    label = {e.iri: e.label for e in g.entities}
    ruled = {(label[r.subject], label[r.obj]) for r in g.relations
             if r.predicate == "childOf" and r.extractor == "rule:title"}
    assert ruled == {("David", "Margaret Olsen"), ("Karen Olsen-Pike", "Margaret Olsen")}, ruled
    found = facts("The team includes our sister: Kristine M. Perry and her husband William W. Perry.")
    assert {("William W. Perry", "spouse", "Kristine M. Perry"), ("Kristine M. Perry", "spouse", "William W. Perry")} & found


def test_a_club_that_signs_a_player_has_a_member_and_a_demonym_before_the_role_is_a_nationality():
    found = facts("Kestrel United signed Brazilian midfielder Lucas Prado from Benfica on Friday.")
    assert ("Lucas Prado", "memberOf", "Kestrel United") in found, found
    assert ("Lucas Prado", "nationality", "Brazil") in found, found


def test_a_name_ner_missed_that_an_apposition_describes_and_the_company_founded_by():
    text = ("Quantix, a startup spun out of Stanford University, raised money from Sequoia Capital. "
            "The company, founded in 2021 by Raj Patel and Mei Chen, is based in Palo Alto.")
    found = facts(text)
    assert {("Quantix", "foundedBy", "Raj Patel"), ("Quantix", "foundedBy", "Mei Chen"),
            ("Quantix", "headquarteredIn", "Palo Alto")} <= found, found
    assert [f for f in found if "Sequoia Capital" in f] == [("Sequoia Capital", "investsIn", "Quantix")], found


def test_trained_at_is_study_not_a_job_and_a_food_companys_first_word_is_the_company():
    found = facts("Dr. Samuel Okafor, a cardiologist at Kestrel Hospital, led the trial. Okafor, who "
                  "trained at the University of Ibadan in Nigeria, said the drug worked.")
    assert ("Samuel Okafor", "educatedAt", "University of Ibadan") in found, found
    assert ("Samuel Okafor", "worksFor", "University of Ibadan") not in found, found
    found = facts("A judge blocked the merger of Cascade Foods and Northwind Grocers. Cascade, which is "
                  "owned by the investment firm Redwood Partners, said it would appeal.")
    assert ("Cascade Foods", "subsidiaryOf", "Redwood Partners") in found, found


def test_an_of_name_with_and_is_one_name_and_the_firm_named_is_not_an_anaphor():
    text = ("Ingrid Solberg is a Norwegian architect. Born in Tromsø, she studied at the Norwegian "
            "University of Science and Technology before founding the firm Solberg Arkitekter in Oslo in 1995.")
    found = facts(text)
    assert ("Ingrid Solberg", "educatedAt", "Norwegian University of Science and Technology") in found, found
    assert ("Solberg Arkitekter", "foundedBy", "Ingrid Solberg") in found, found
    assert not [f for f in found if f[0].startswith("Norwegian University") and f[1] == "foundedBy"], found
    assert {"Bank of America", "Citigroup"} <= set(entities("He met officials of the Bank of America and Citigroup."))


def test_a_kin_noun_makes_a_person_and_who_after_a_copula_is_that_person():
    found = facts("Ingrid Solberg was married to the painter Erik Dahl. Their son, Magnus Dahl, is a "
                  "footballer who plays for Rosenborg.")
    assert ("Magnus Dahl", "memberOf", "Rosenborg") in found, found


def test_set_up_by_is_founded_by():
    found = facts("The Kessler Foundation, a charity set up by the billionaire Hans Kessler, gave money to a school.")
    assert ("Kessler Foundation", "foundedBy", "Hans Kessler") in found, found


def test_an_occupation_after_an_organisations_name_is_employment():
    found = facts("Paris-based Lumen Capital hired former Goldman Sachs banker Claire Martin as a partner.")
    assert ("Claire Martin", "worksFor", "Goldman Sachs") in found, found


def test_a_title_ner_took_into_an_organisations_name_is_cut_off():
    ents = entities("Currently he is the Chairman and Co-Chief Executive Officer of Power Corporation of Canada.")
    assert "Power Corporation of Canada" in ents and not [n for n in ents if "Officer" in n], ents


def test_a_player_belongs_to_a_team_and_a_team_noun_after_a_name_is_membership():
    found = facts("Tom Reyes, a player for the Kestrel Hawks, scored twice.")
    assert ("Tom Reyes", "memberOf", "Kestrel Hawks") in found and ("Tom Reyes", "worksFor", "Kestrel Hawks") not in found, found
    found = facts("Ann Lee, a forward with the Galtaray wheelchair basketball team, scored twice.")
    assert ("Ann Lee", "memberOf", "Galtaray") in found and ("Ann Lee", "worksFor", "Galtaray") not in found, found


# service in an armed force is servedIn (kg.ttl; Wikidata P241), not employment
@pytest.mark.parametrize("text, person, force", [
    ("Oskar Lind joined the Norwegian Army in 1940 and fought at Narvik.", "Oskar Lind", "Norwegian Army"),
    ("During the war Mara Quist served with the Royal Australian Air Force in Egypt.", "Mara Quist", "Royal Australian Air Force"),
    ("Colonel Henry Vane was a senior Royal Marines officer.", "Henry Vane", "Royal Marines"),
    ("Paul Orme served in the Free Belgian Forces until the liberation of Brussels.", "Paul Orme", "Free Belgian Forces"),
])
def test_service_in_an_armed_force_is_served_in_not_employment(text, person, force):
    found = facts(text)
    assert (person, "servedIn", force) in found, found
    assert not {f for f in found if f[0] == person and f[2] == force and f[1] in {"worksFor", "memberOf"}}, found


def test_a_civil_corps_or_a_ministry_one_serves_in_is_no_armed_force():
    found = facts("Lena Ruud served in the Peace Corps in Ghana and later served in the Ministry of Finance.")
    assert ("Lena Ruud", "worksFor", "Ministry of Finance") in found, found
    assert not {f for f in found if f[1] == "servedIn"}, found
    assert ("Tor Brun", "memberOf", "Senate") in facts("Tor Brun served in the Senate from 1990 to 1996.")


def test_a_given_name_makes_a_person_of_what_ner_called_an_organisation():
    ents = entities("He married a Danish lady by the name of Beatrice Holmqvist, with whom he had two sons.")
    assert ents["Beatrice Holmqvist"][0] == "Person", ents
    assert entities("The firm was advised by Morgan Stanley.")["Morgan Stanley"][0] == "Organization"


@pytest.mark.parametrize("text, person, body", [
    ("The discography of the Irish singer Mara Quinlan consists of nine studio albums (combining "
     "Quinlan's releases with her band, the Velvet Larks, and her solo releases).", "Mara Quinlan", "Velvet Larks"),
    ("Born in Linz, Ulrich Brandl played three seasons at Linz before joining Kestrel EC in 1991.",
     "Ulrich Brandl", "Kestrel EC"),
])
def test_a_band_named_after_its_noun_or_a_club_by_its_abbreviation_is_membership(text, person, body):
    found = facts(text)
    assert (person, "memberOf", body) in found and (person, "worksFor", body) not in found, found


def test_a_clubs_abbreviation_makes_an_organisation_and_an_abbreviation_alone_is_no_club():
    assert entities("Lars Vik then joined Molde FK, where he played until 2004.")["Molde FK"][0] == "Organization"
    assert ("Lars Vik", "worksFor", "EC") in facts("Lars Vik later worked for the EC in Brussels.")


def test_she_is_not_a_man_by_his_given_name():
    found = facts("Nordvik hired Lars Berg as chief executive in 2010. In 2014 she founded Helix Labs in Oslo.")
    assert ("Lars Berg", "leads", "Nordvik") in found, found
    assert ("Helix Labs", "foundedBy", "Lars Berg") not in found, found
    assert ("Ingrid Holm", "bornIn", "Trondheim") in facts(
        "Ingrid Holm married the architect Henrik Sand in 1962. She was born in Trondheim.")


def test_who_founded_a_company_with_someone_founded_it_together():
    found = facts("Arvo Tamm, the CEO of Norvik, founded the company in 1993 with Chris Dalby and Curtis Brenn.")
    assert {("Norvik", "foundedBy", name) for name in ("Arvo Tamm", "Chris Dalby", "Curtis Brenn")} <= found, found
    found = facts("Apple launched the Vireo phone with Kestrel Telecom in 2007.")
    assert not {f for f in found if f[1] in {"foundedBy", "develops"} and f[0] == "Kestrel Telecom"}, found


def test_an_acronym_the_gazetteer_knows_is_not_the_local_name_its_letters_spell():
    ents = entities("The work was done at the University of Sorland by Harry Kell. With his US partners "
                    "Ann Dow and Ben Roe, Kell found a new molecule.")
    assert "US" not in ents["University of Sorland"][1], ents
    assert ents.get("United States", ("",))[0] == "Place", ents


def test_a_headline_names_only_what_the_story_names_again():
    text = ("Kestrel Names Vold Chief, Haugen Out\n\nKestrel Systems named Ingrid Vold chief executive on "
            "Monday, replacing Lars Haugen.\n")
    ents = entities(text)
    assert not [n for n in ents if "Names" in n or n.endswith(" Out")], ents
    assert "Ingrid Vold" in ents and "Lars Haugen" in ents, ents
    # a document that is one headline is all there is to read
    assert "Kestrel Systems" in entities("Kestrel Systems Names Ingrid Vold Chief Executive\n")


def test_a_negated_copula_gives_no_title_and_a_lower_rank_does_not_lead():
    assert not {f for f in facts("Dag Holm is not an engineer, but he runs Kestrel.") if f[1] == "jobTitle"}
    found = facts("Ann Roe, a deputy chairman of Kestrel, spoke. Jon Lee, senior managing director at Vireo Group, agreed.")
    assert {("Ann Roe", "worksFor", "Kestrel"), ("Jon Lee", "worksFor", "Vireo Group")} <= found, found
    assert not {f for f in found if f[1] == "leads"}, found
    assert ("Eva Lind", "leads", "Kestrel") in facts("Eva Lind is acting chief executive of Kestrel.")


def test_a_telescope_is_a_product_and_using_an_organisations_thing_is_no_employment():
    found = facts("Arjun Mehra and his team used NASA's James Webb Space Telescope to study the star.")
    assert entities("Arjun Mehra used NASA's James Webb Space Telescope.")["James Webb Space Telescope"][0] == "Product"
    assert ("Arjun Mehra", "worksFor", "NASA") not in found, found
    assert ("Ann Lee", "worksFor", "Kestrel") in facts("Ann Lee, one of Kestrel's engineers, spoke.")


def test_a_clubs_coach_works_for_it_and_member_is_no_job_title():
    found = facts("Josep Lluis, the head coach of Kestrel FC, praised the team.")
    assert ("Josep Lluis", "worksFor", "Kestrel FC") in found and ("Josep Lluis", "memberOf", "Kestrel FC") not in found, found
    found = facts("Mr Dag Foss was a Young Conservatives member.")
    assert ("Dag Foss", "memberOf", "Young Conservatives") in found, found
    assert not {f for f in found if f[1] == "jobTitle"}, found


@pytest.mark.parametrize("text, person, place", [
    ("Marta Diaz, a Madrid architect, designed the tower.", "Marta Diaz", "Madrid"),
    ("Tom Reyes is a Texas lawyer who lives in Austin.", "Tom Reyes", "Texas"),
])
def test_a_city_or_a_state_before_a_role_is_a_home_not_a_nationality(text, person, place):
    found = facts(text)
    assert (person, "nationality", place) not in found and (person, "livesIn", place) in found, found
    assert ("Tom Roy", "nationality", "Scotland") in facts("Tom Roy, a Scottish footballer, scored twice.")


def test_an_award_named_alone_is_no_entity_and_a_venue_in_apposition_places_no_city():
    ents = entities("Tidewater won two Oscars and a Grammy, said Oscar Lind.")
    assert not {"Oscars", "Grammy"} & set(ents) and ents["Oscar Lind"][0] == "Person", ents
    found = facts("The band will play the Corner Hall in Houston, the Blue Room in Washington, D.C., and the Fillmore in Denver.")
    assert not {f for f in found if f[0] == "Houston" and f[1] == "locatedIn"}, found


def test_a_hyphened_title_is_read_whole():
    found = facts("Ann Roe, the vice-president of Kestrel, spoke to Tom Lee, the vice-chairman of Vireo Group.")
    assert {("Ann Roe", "jobTitle", "vice-president"), ("Ann Roe", "worksFor", "Kestrel")} <= found, found
    assert not {f for f in found if f[1] == "leads" or f[2] in {"president", "chairman"}}, found


def test_a_club_named_after_its_town_is_an_organisation_and_a_city_so_named_stays_a_place():
    ents = entities("Leicester City beat Stoke City 2-0 on Saturday.")
    assert ents["Leicester City"][0] == "Organization" and ents["Stoke City"][0] == "Organization", ents
    ents = entities("He moved to Kansas City in 1990 and later to Mexico City.")
    assert ents["Kansas City"][0] == "Place" and ents["Mexico City"][0] == "Place", ents


def test_an_object_pronoun_is_the_person_its_sentence_named():
    found = facts("Dag Moe became chief executive of Kestrel in 2015. Despite Erik Vold's failed bid for a seat, "
                  "Vireo Group appointed him to its board in 2017.")
    assert not {f for f in found if f[0] == "Dag Moe" and f[2] == "Vireo Group"}, found
    assert {f for f in found if f[0] == "Erik Vold" and f[2] == "Vireo Group"}, found


def test_she_after_her_in_her_own_clause_is_the_woman_not_the_quoted_speaker():
    # "Over ten years of her career, she ...": "her" does not set "she" apart from the woman it names
    found = facts('"We welcome our new regional directors," Director-General Dr Chidi Okafor said. From the '
                  'office in Lagos, Dr Kemi Aldana will run the health programme for ten countries. She has '
                  'served as deputy director of Vireo Health since 2019. Over ten years of her career, she has '
                  'run many clinics in her country. Previously, she was executive director of the Northern '
                  'Vaccine Institute.')
    assert {("Kemi Aldana", "jobTitle", "executive director"),
            ("Kemi Aldana", "worksFor", "Northern Vaccine Institute")} <= found, found
    assert not {f for f in found if f[0] == "Chidi Okafor"}, found


@pytest.mark.parametrize("woman, man", [("Ms Kemi Aldana", "Dr Chidi Okafor"), ("Kemi Aldana", "Mr Chidi Okafor")])
def test_an_honorific_gives_a_persons_gender(woman, man):
    found = facts(f"{woman} will run the programme, {man} said. Previously, she was executive director of "
                  "the Northern Vaccine Institute.")
    assert {(s, o) for s, p, o in found if p == "worksFor"} == {("Kemi Aldana", "Northern Vaccine Institute")}, found


def test_a_pronoun_after_said_is_not_the_speaker_when_the_speaker_spoke_of_someone():
    # neither given name tells a gender: "she" is the speaker or the one spoken of, so no one
    found = facts("Kemi Aldana will run the programme, Dr Chidi Okafor said. Previously, she was executive "
                  "director of the Northern Vaccine Institute.")
    assert not {f for f in found if f[0] == "Chidi Okafor"}, found
    found = facts('"We won the contract," said Dr Chidi Okafor. Previously, he was executive director of the '
                  'Northern Vaccine Institute.')  # the speaker alone is named: "he" is the speaker
    assert ("Chidi Okafor", "worksFor", "Northern Vaccine Institute") in found, found


@pytest.mark.parametrize("text, right, wrong", [
    ('Rafa Moreno ended his work with coach Tom Vale last week. "It was hard," he said. "He has helped me a lot, '
     'but in the end he was a part-time coach. I am grateful for the years he spent away from his home in Chile."',
     {("Tom Vale", "jobTitle", "part-time coach"), ("Tom Vale", "livesIn", "Chile")},
     {("Rafa Moreno", "jobTitle", "part-time coach"), ("Rafa Moreno", "livesIn", "Chile")}),
    ('"It took a while to understand each other," Lars Berg said of his coach Tom Vale. "He is Danish, I am '
     'Swedish."', {("Tom Vale", "nationality", "Denmark")}, {("Lars Berg", "nationality", "Denmark")}),
])
def test_he_in_a_quotation_is_not_its_speaker(text, right, wrong):
    # the speaker of a quotation is "I" in it: its "he" is someone else
    found = facts(text)
    assert right <= found and not wrong & found, found


def test_his_is_its_own_clauses_subject_before_a_man_named_earlier():
    # "Tunde" tells no gender and "James" does; "his" is still the subject of its clause, and so is the "He" after
    found = facts("James Roe was picked as the back-up keeper. He has been around the squad for a year. Tunde Aziz, "
                  "meanwhile, has not played for the national team since his debut series in 2016, when he scored "
                  "219 runs. He was an unused squad member for the summer series.")
    assert ("James Roe", "jobTitle", "unused squad member") not in found, found
    assert {s for s, p, o in found if o == "unused squad member" and s.endswith("Aziz")}, found


def test_an_employer_in_a_when_clause_is_its_own_subjects():
    found = facts("Tom Ardley joined Vireo in 2015. He became interim chief executive when Amanda Kohl left to "
                  "join the United Nations.")
    assert {(s, o) for s, p, o in found if p == "worksFor"} == {("Tom Ardley", "Vireo"),
                                                               ("Amanda Kohl", "United Nations")}, found
    found = facts("Tom Ardley joined Vireo in 2015. He later decided to join the United Nations.")
    assert ("Tom Ardley", "worksFor", "United Nations") in found, found


def test_he_after_a_sentence_naming_two_men_none_its_subject_is_no_one():
    # neither man is the sentence's subject: "he" could be either, and no fact beats a guess
    found = facts("Kestrel named Tom Vasse as its new team principal, replacing Mattia Berro. In 2022 he was "
                  "appointed as Vireo's team leader.")
    assert ("Tom Vasse", "jobTitle", "team principal") in found, found
    assert not {f for f in found if f[2] == "team leader"}, found
    found = facts("Kestrel named Anna Vasse as its new team principal, replacing Mattia Berro. In 2022 she was "
                  "appointed as Vireo's team leader.")
    assert ("Anna Vasse", "jobTitle", "team leader") in found, found  # her given name decides


def test_he_after_a_subject_ner_missed_is_not_the_man_that_subject_succeeds():
    # NER finds no name in "Marlow": "he" is likelier Marlow than Rennard, so it is no one
    found = facts("Marlow will succeed Paul Rennard as chief executive in May, once he has left his post at Vireo "
                  "Bank. The 51-year-old joined Vireo Bank in 2015. For ten years before that he worked at "
                  "Halden Capital.")
    assert not {f for f in found if f[0] == "Paul Rennard"}, found
    found = facts("Tom Marlow will take over from Paul Rennard in May. For ten years before that he worked at "
                  "Halden Capital.")
    assert found == {("Tom Marlow", "worksFor", "Halden Capital")}, found


def test_it_after_a_common_noun_subject_is_not_the_organisation_named_in_passing():
    # "the society" is the subject, the council only helped: "its" and "It" are the society (no name here)
    found = facts("Ngaro Grain Co-operative was set up by forty farmers in 1992. With help from the Rift Grain "
                  "Council, the society has cut its losses. It has also partnered with Kestrel Seeds and Vireo Feeds.")
    assert not {f for f in found if f[0] == "Rift Grain Council"}, found
    for subject in ("Ngaro Foods", "the firm"):  # a name, or a word that refers back to the last organisation
        found = facts(f"Ngaro Foods sells grain across Kenya. With help from the Rift Grain Council, {subject} cut "
                      "its losses. It has also partnered with Halden Seeds.")
        assert found == {("Ngaro Foods", "partnerOf", "Halden Seeds")}, found


def test_a_man_in_apposition_to_a_team_is_still_a_person_and_a_rival_for_he():
    text = ("Ferro Motors dropped Mattia Berro in May. The favourite to replace him was the boss of their junior "
            "team, Tom Vasse. In June he was appointed as team principal.")
    assert entities(text)["Tom Vasse"][0] == "Person"
    found = facts(text)
    assert ("Mattia Berro", "jobTitle", "team principal") not in found, found
    assert ("Tom Vasse", "jobTitle", "boss") in found, found


def test_its_with_no_organisation_before_is_its_own_subjects_not_one_named_later():
    # NER takes "Christian Relief" for a person (one that appoints "its" chief executive is a body):
    # "its" is still the subject's, not the UN's (named later)
    found = facts("Christian Relief has appointed Tom Ardley as its chief executive. Ardley joined in 2019 from the "
                  "United Nations.")
    assert {f for f in found if f[1] == "leads"} == {("Tom Ardley", "leads", "Christian Relief")}, found
    assert ("Tom Ardley", "jobTitle", "chief executive") in found, found


def test_a_one_word_given_name_is_the_one_person_named_in_full_with_it():
    ents = entities("Kestrel named Meg Talbrook chief executive, replacing Leo Apotheker. Meg said the board was right.")
    assert "Meg" in ents["Meg Talbrook"][1] and "Meg" not in ents, ents
    ents = entities("Ann Lee met Ann Roe in Oslo. Ann said it went well.")
    assert "Ann" not in ents["Ann Lee"][1] and "Ann" not in ents["Ann Roe"][1], ents


def test_a_team_named_after_a_place_is_an_organisation_where_a_player_plays_for_it():
    found = facts("Tom Hale was born in Lancashire and played for Surrey.")
    assert ("Tom Hale", "bornIn", "Lancashire") in found and ("Tom Hale", "memberOf", "Surrey") in found, found
    assert entities("Tom Hale was born in Lancashire and played for Surrey.")["Surrey"][0] == "Organization"


def test_a_place_before_an_office_is_no_home_and_a_dateline_relates_no_agency():
    found = facts("Ruth Nappe, the Connecticut State Treasurer, spoke. Tom Reyes, a New York attorney, agreed.")
    assert ("Ruth Nappe", "livesIn", "Connecticut") not in found, found
    assert ("Tom Reyes", "livesIn", "New York") in found, found
    found = facts("LONDON, England (CMC) — West Indies captain Jason Holder said his side would fight.")
    assert not {f for f in found if f[0] == "CMC"}, found


def test_a_title_ends_before_a_line_break():
    found = facts("Interview by Ann Lee, senior economist\n\nThe bank said rates would rise.")
    assert ("Ann Lee", "jobTitle", "senior economist") in found, found


def test_a_bodys_of_pair_is_one_name_and_a_rank_before_a_hyphened_title_stays():
    ents = entities("Tom Reyes worked at the Department of Health and Human Services until 2010.")
    assert "Department of Health and Human Services" in ents and "Human Services" not in ents, ents
    found = facts("Lina Haddad, Assistant Director-General of the World Health Organization, spoke.")
    assert ("Lina Haddad", "jobTitle", "Assistant Director-General") in found, found
    assert not {f for f in found if f[1] == "leads"}, found


def test_the_english_nouns_are_none_without_the_default_pipeline(monkeypatch, tmp_path):
    """A build with a model of the user's own, and neither default pipeline installed, still runs."""
    from kg.errors import ModelError
    from kg.extract import given_names, nlp

    def missing(*args, **kwargs):
        raise ModelError("no spaCy model here")

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(nlp, "load_nlp", missing)
    given_names.common_nouns.cache_clear()
    try:
        assert given_names.common_nouns() == frozenset()
    finally:
        given_names.common_nouns.cache_clear()
        monkeypatch.undo()
    assert "hospital" in given_names.common_nouns()  # a failure is not kept: the next process reads them


def test_a_name_before_a_title_only_an_organisation_gives_is_an_organisation():
    found = facts("Aston Martin chief executive Andy Palmer said sales rose. McLaren boss Zak Brown agreed.")
    assert {("Andy Palmer", "leads", "Aston Martin"), ("Zak Brown", "leads", "McLaren")} <= found, found
    assert entities("Trump adviser Kellyanne Conway spoke.").get("Trump", ("Person",))[0] == "Person"


@pytest.mark.parametrize("text, name", [
    ("Vellora, the French drugmaker, said sales rose.", "Vellora"),
    ("Brevant, the German broadcaster, cut jobs.", "Brevant"),  # NER found no name: the noun makes one
])
def test_a_company_described_by_its_trade_is_an_organisation(text, name):
    assert entities(text)[name][0] == "Organization", entities(text)


def test_a_trade_noun_opening_a_sentence_is_no_part_of_the_name():
    ents = entities("Discounters Aldi and Lidl gained market share in 2023.")
    assert ents["Aldi"][0] == "Organization" and not [n for n in ents if "Discounters" in n], ents
    assert "Carrier Corporation" in entities("Carrier Corporation fell sharply on Monday.")


def test_a_headline_over_a_single_line_break_is_still_a_headline():
    ents = entities("Kestrel Buys Out A Game Studio After Shutting Another One Down\n"
                    "Kestrel has acquired the video game studio Vireo Entertainment for $455 million.\n")
    assert not [n for n in ents if "Buys" in n], ents
    found = facts("Toto Wolff, the Mercedes team principal, said the car was fast.")
    assert ("Toto Wolff", "leads", "Mercedes") in found, found


@pytest.mark.parametrize("text, fragments", [
    ("Welfare and Social Affairs Minister Odile Branko met the press.", {"Welfare", "Social Affairs"}),
    ("Tam was director of Human Resources for Health at the Nordvik Institute.", {"Human Resources for Health"}),
    ("Ruiz chaired the Insurance, Business and Consumer Affairs Committee.", {"Insurance", "Business"}),
    ("Moreau was commissioner of Industrial Development and director of Industries and Commerce.",
     {"Industrial Development", "Industries", "Commerce"}),
])
def test_a_field_of_work_cut_from_a_longer_name_is_no_organisation(text, fragments):
    ents = entities(text)
    assert not fragments & set(ents), ents
    assert not [f for f in facts(text) if f[2] in fragments], facts(text)


def test_a_name_with_a_body_noun_or_a_known_name_is_no_field_of_work():
    ents = entities("She joined the Ministry of Agriculture and Livestock Development, then Bravo Health.")
    assert "Ministry of Agriculture and Livestock Development" in ents and "Bravo Health" in ents, ents


def test_a_country_before_a_coach_is_the_national_teams_not_a_nationality():
    assert facts("Norway coach Dario Ferrante named his squad on Friday.") == {
        ("Dario Ferrante", "jobTitle", "coach")}
    assert ("Lars Berg", "nationality", "Norway") in facts("Norwegian coach Lars Berg named his squad.")
    assert ("Ann Lee", "livesIn", "Chicago") in facts("Chicago lawyer Ann Lee met Bob Day.")


def test_no_relation_between_two_entities_the_text_never_names():
    found = facts("I am proud of our staff. I joined our board in 2019.")
    assert not [f for f in found if f[1] not in {"jobTitle"}], found
    assert ("Nora Vance", "leads", "author of t.txt") in facts("We grew. Our chief executive Nora Vance said so.")


@pytest.mark.parametrize("text", [
    "Vantor Group has appointed Mara Quist as CEO of its office division, replacing Tom Hale.",
    "Mara Quist, head of Vantor's European business, resigned on Monday.",
])
def test_the_chief_of_a_unit_works_for_the_organisation_and_does_not_lead_it(text):
    found = facts(text)
    assert ("Mara Quist", "worksFor", next(o for _, p, o in found if p == "worksFor")) in found, found
    assert not [f for f in found if f[1] == "leads"], found


@pytest.mark.parametrize("text, work", [
    ("It followed the 1994 film Granite Games, directed by Ola Brenn.", "Granite Games"),
    ("In Terentius' play Vidularia, the slave speaks first.", "Vidularia"),
])
def test_a_name_a_works_noun_stands_beside_is_no_entity(text, work):
    assert work not in entities(text), entities(text)


def test_a_founding_date_needs_a_word_of_founding():
    assert not [f for f in facts("He joined the video game company Kestrel Studios in 2010.") if f[1] == "foundingDate"]
    assert ("Vireo Records", "foundingDate", "1972") in facts("Vireo Records was a record label founded in 1972.")


@pytest.mark.parametrize("text", [
    "Halvorsen Energy has terminated its proposal to acquire Brightline Power.",
    "Halvorsen Energy failed to buy Brightline Power in 2019.",
    "Halvorsen Energy's bid to acquire Brightline Power was rejected.",
])
def test_an_intention_that_failed_states_nothing(text):
    assert not [f for f in facts(text) if f[1] == "acquired"], facts(text)


def test_a_place_before_a_players_position_is_the_clubs_not_a_home():
    assert not [f for f in facts("Brighton midfielder Tomas Ekdal was injured.") if f[1] == "livesIn"]
    assert ("Ann Lee", "livesIn", "Chicago") in facts("Chicago lawyer Ann Lee met Bob Day.")


def test_a_ranking_word_is_no_part_of_a_job_title():
    found = facts("Tomas Ekdal became the third youngest player to score a hat-trick for Brentford FC.")
    assert ("Tomas Ekdal", "jobTitle", "player") in found, found
    assert ("Ann Lee", "jobTitle", "First Vice President") in facts("Ann Lee, First Vice President of Kestrel Bank, spoke.")


def test_the_gazetteer_keeps_quiet_where_the_text_names_another_state():
    found = facts("The Kessel Museum of Art, Amherst, Massachusetts, named a curator. She came from Rochester, New York.")
    amherst = "Amherst, Massachusetts"  # not the gazetteer's Amherst, in New York: a place of its own
    assert (amherst, "locatedIn", "Massachusetts") in found and (amherst, "locatedIn", "New York") not in found, found


def test_a_courtesy_title_is_no_part_of_the_name():
    ents = entities("Celine Varga joined the board. Ms Varga has held roles at Eircell.")
    assert "Celine Varga" in ents and not [n for n in ents if n.startswith("Ms")], ents


def test_a_school_needs_a_word_of_study():
    assert not [f for f in facts("Ann Lee has held management roles at Eircell and Vodafone.") if f[1] == "educatedAt"]
    assert ("Ann Lee", "educatedAt", "Kessary University") in facts("Ann Lee graduated from Kessary University in 1990.")


@pytest.mark.parametrize("text, name", [
    ("Tom Berg joined Zenvo in 2019 as head of product.", "Zenvo"),
    ("Lumio hired Ann Lee as its general counsel.", "Lumio"),
])
def test_an_employer_ner_calls_a_person_is_an_organisation(text, name):
    assert entities(text)[name][0] == "Organization", entities(text)
    assert ("Ann Roe", "worksFor", "Berg") not in facts("Ann Roe joined Tova Berg in the lab.")


def test_a_town_written_with_a_states_abbreviation_is_a_place():
    text = "Ola Brenn became CEO of Kessel Valley Medical Center, Joshua Tree, Calif., in May. " \
           "Previously, he was CFO of Vela Regional Hospital."
    assert entities(text)["Joshua Tree"][0] == "Place", entities(text)
    assert ("Ola Brenn", "jobTitle", "CFO") in facts(text), facts(text)


def test_a_states_abbreviation_in_parentheses_stays_inside_the_name():
    text = "Tova Lind became CEO of Kessel (Calif.) Community Hospital in June."
    assert ("Tova Lind", "leads", "Kessel (Calif.) Community Hospital") in facts(text), facts(text)


def test_a_word_of_time_or_standing_opens_no_name():
    assert ("Ann Lee", "leads", "Kessel Group") in facts("Outgoing Kessel Group boss Ann Lee spoke on Monday.")


def test_clubs_a_player_joins_from_and_to_are_organisations():
    ents = entities("Tomas Ekdal joined Liverpool from Salzburg in 2019.")
    assert ents["Liverpool"][0] == "Organization" and ents["Salzburg"][0] == "Organization", ents
    assert entities("Tom Berg played for Lancashire before he moved to Surrey.")["Lancashire"][0] == "Organization"
    assert entities("He played for England and Lancashire.")["Lancashire"][0] == "Organization"
    assert entities("The ship was transferred to France in 1941.")["France"][0] == "Place"
    assert entities("He signed Tom Berg from Salzburg.")["Tom Berg"][0] == "Person"


def test_a_name_a_person_owns_is_an_organisation():
    assert entities("Warren Buffett's Berkshire Hathaway bought a stake.")["Berkshire Hathaway"][0] == "Organization"


def test_a_town_written_as_a_place_is_no_short_name_of_its_university():
    ents = entities("Ann Lee, a professor at Princeton University, moved to Princeton, N.J., in 1990.")
    town = "Princeton, New Jersey"  # (the gazetteer's biggest Princeton is in another state)
    assert ents[town][0] == "Place" and "Princeton" not in ents["Princeton University"][1], ents
    assert ("Ann Lee", "educatedAt", "Princeton University") in facts("Ann Lee studied at Princeton.")


def test_a_capitalised_nor_inside_a_persons_name_cuts_nothing():
    assert "Mohammed Nor Yusof" in entities("Mohammed Nor Yusof was appointed chairman of Vela Bank.")


@pytest.mark.parametrize("text", [
    "The group runs hotels in the UK, Ireland, Europe and Russia.",
    "It has offices in Asia (Hong Kong, Macau, Taiwan) and Europe.",
])
def test_a_list_of_countries_is_no_containment(text):
    assert not [f for f in facts(text) if f[1] == "locatedIn"], facts(text)


def test_a_place_before_a_persons_full_name_is_no_part_of_it():
    assert "Ashwini Varma" in entities("The seat went to the MP from Odisha Ashwini Varma on Monday.")


def test_a_persons_surname_is_no_gazetteer_alias():
    ents = entities("Cindy Holland joined Netflix in 2002. Holland said the deal was good.")
    assert "Netherlands" not in ents, ents
    assert "Netherlands" in entities("Cindy Holland joined Netflix in 2002. She moved to Holland in 2010.")


def test_a_company_named_for_its_field_keeps_its_name():
    assert "Cardinal Health" in entities("Cardinal Health said sales rose.")


def test_the_head_of_a_part_works_for_the_organisation():
    found = facts("Colin Dray, Roku's head of scripted originals, left on Monday.")
    assert ("Colin Dray", "worksFor", "Roku") in found and ("Colin Dray", "leads", "Roku") not in found, found
    assert ("Ann Lee", "leads", "Vela Bank") in facts("Ann Lee, chairman of the board of Vela Bank, spoke.")


def test_a_television_line_is_a_product():
    assert entities("Samsung Electronics showed its latest Neo QLED TVs at the fair.")["Neo QLED"][0] == "Product"


def test_a_verb_after_a_title_is_no_part_of_it():
    found = facts("Tova Lind, who is executive producing the album, said it was done.")
    assert not [f for f in found if f[1] == "jobTitle" and "producing" in f[2]], found


@pytest.mark.parametrize("name, text", [
    ("Nova Chemicals", "Nova Chemicals said profits fell."),
    ("Brennan Hotels", "Brennan Hotels has appointed Robert Cook as commercial director."),
])
def test_a_trades_last_word_makes_an_organisation(name, text):
    assert entities(text)[name][0] == "Organization", entities(text)


def test_the_company_is_the_storys_organisation_when_no_subject_near_it_decides():
    found = facts("Kestrel Pharmacy named Ann Roe chief executive in 2021. Kestrel Pharmacy said sales rose. "
                  "Roe had run a division of Brightmart Stores. She said the company was on track. "
                  "A month earlier, the company's chief financial officer, James Kehoe, left.")
    assert ("James Kehoe", "worksFor", "Kestrel Pharmacy") in found, found
    assert ("James Kehoe", "worksFor", "Brightmart Stores") not in found, found


def test_a_demonym_on_a_role_goes_to_the_name_in_apposition_to_that_role():
    found = facts("Its British chief executive Ann Lee and its German chairman Tom Berg spoke.")
    assert {("Ann Lee", "nationality", "United Kingdom"), ("Tom Berg", "nationality", "Germany")} <= found, found
    assert ("Ann Lee", "nationality", "Germany") not in found, found


def test_a_possessive_before_a_businesss_noun_is_part_of_the_name():
    assert ("Ann Roe", "leads", "Sam's Club") in facts("Ann Roe previously served as CEO of Sam's Club.")
    assert "Kennedy School" in entities("Harvard's Kennedy School hired Ann Roe.")


@pytest.mark.parametrize("text", [
    "Gregg Lowe is an exceptional leader, said Ann Roe.",
    "Veteran corporate executive Luis Ramirez joined Vela Bank on Monday.",
    "Candidate Jerry Hicks came second in the vote.",
    "Cengiz Balkas, who would have been Kestrel's chief operating officer, left.",
])
def test_praise_candidacy_and_what_would_have_been_are_no_job_titles(text):
    assert not [f for f in facts(text) if f[1] == "jobTitle"], facts(text)


def test_a_field_and_a_bodys_name_are_one_name():
    assert "Transport and General Workers Union" in entities(
        "He was appointed an officer of the Transport and General Workers Union.")
    assert "Apple" in entities("She joined the Apple and Google Cloud teams.")


def test_an_olympic_athlete_lives_in_no_place_called_olympic():
    assert not [f for f in facts("In 1937, the Olympic cyclist Marco Velli founded a small company in Bologna.")
                if f[1] == "livesIn"]


def test_start_ups_are_no_word_of_founding():
    found = facts("When Tova Lind joined Brightline Capital as an associate in 2018, she was new to venture "
                  "capital. Within 15 months at Brightline, which invests in software start-ups, Lind was "
                  "appointed a director at Kestrix.")
    assert ("Tova Lind", "worksFor", "Brightline Capital") in found
    assert not [f for f in found if f[1] == "foundedBy"], found


def test_a_city_a_worker_joins_a_business_from_is_no_club():
    ents = entities("Tova Lind joined Specsavers in February from Havas London, where she was chief client officer.")
    assert ents.get("London", ("Place",))[0] == "Place", ents


def test_the_board_of_directors_and_the_company_are_no_names():
    ents = entities("Kestrel today announced that its Board of Directors has named Ann Lee as chief executive. "
                    "The Company also announced that Tom Berg has resigned.")
    assert "Directors" not in ents and "Company" not in ents, ents


def test_a_name_beside_a_kin_noun_of_someone_is_that_someone():
    # the parser hangs "Hedi Ben Salem" on "daughter"; the one who taught is "she"
    found = facts("The daughter of Tunisian politician Hedi Ben Salem, she was born in Sfax and went on to "
                  "teach literature at the University of Sfax.")
    assert not [f for f in found if f[0] == "Hedi Ben Salem"], found
    found = facts("The daughter of politician Hedi Ben Salem, Leila Ben Salem taught literature at the University of Sfax.")
    assert not [f for f in found if f[0] == "Hedi Ben Salem" and f[1] == "worksFor"], found
    assert ("Sami Haddad", "worksFor", "University of Aleppo") in facts(
        "The son of banker Omar Haddad, Sami Haddad taught history at the University of Aleppo.")


def test_a_namesake_is_no_employee():
    found = facts("Silas Marrow (1790 - 1861), the namesake of the Marrow Law School, was a judge.")
    assert not [f for f in found if f[1] == "worksFor"], found
    assert ("Tova Lind", "worksFor", "Brightline Capital") in facts(
        "Tova Lind, a partner of Brightline Capital, said no.")


def test_initials_are_the_name_they_stand_for():
    text = ("Arthur Lionel Penrose or A. L. Penrose (1859 in Leeds – 1932) was an English engraver trained by "
            "Thomas Bewick. A. L. Penrose worked for Harlow & Sons.")
    people = [(label, aliases) for label, (cls, aliases) in entities(text).items() if "Penrose" in label]
    assert len(people) == 1 and {people[0][0], *people[0][1]} == {"Arthur Lionel Penrose", "A. L. Penrose"}, people
    assert (people[0][0], "worksFor", "Harlow & Sons") in facts(text)
    assert "J. Penrose" in entities("John Penrose met J. Penrose.")


def test_a_family_name_written_first_is_the_persons_short_form():
    # "Nakano" is also a ward of Tokyo in the gazetteer
    text = ("In 1928, Finance Minister Nakano Hiroshi resigned from the cabinet. Two years later, "
            "Nakano founded the Rising Sun League in Osaka.")
    ents = entities(text)
    assert "Nakano" not in ents and "Nakano" in ents["Nakano Hiroshi"][1], ents
    assert ("Rising Sun League", "foundedBy", "Nakano Hiroshi") in facts(text)


def test_a_surname_and_a_first_name_kept_apart_never_meet_in_one_entity():
    # "Anoop" and "Madhavan" each shorten "Anoop Madhavan", but the sentence makes them two people
    text = ("Anoop Madhavan (born 1 October 1985) is an Indian playback singer and actor. "
            "Anoop is son of the actor and screenwriter Madhavan. He made his film debut in 2003.")
    ents = entities(text)
    assert "Madhavan" in ents and "Madhavan" not in ents["Anoop Madhavan"][1], ents
    assert ("Anoop Madhavan", "childOf", "Madhavan") in facts(text)


def test_a_nickname_in_quotes_stays_inside_the_persons_name():
    text = ('Edmund Lyle "Ned" Farrow (born May 2, 1950) is a lawyer from Tacoma. Farrow served in the Senate.')
    ents = entities(text)
    assert ents.get('Edmund Lyle "Ned" Farrow', ("",))[0] == "Person" and "Edmund Lyle" not in ents, ents
    assert entities('Wilfried "Willi" Brandauer (born 1963 in Linz) is a skeleton racer.').get(
        'Wilfried "Willi" Brandauer', ("",))[0] == "Person"
    assert entities('Thomas "Tip" Rourke was Speaker.').get('Thomas "Tip" Rourke', ("",))[0] == "Person"


def test_a_possessive_written_apart_and_a_home_minister_are_no_part_of_names():
    ents = entities("In 1931 , Home Minister Adachi Kenzō backed the Imperial Japanese Army ’s incursions.")
    assert "Imperial Japanese Army" in ents and "Home" not in ents, ents


def test_a_country_a_thing_is_sold_in_is_no_headquarters():
    text = ("Tide Pods is a laundry detergent made by Procter & Gamble. "
            "It was also sold in the Philippines, Malaysia, Indonesia and Singapore.")
    assert not [f for f in facts(text) if f[1] == "headquarteredIn"], facts(text)
    assert ("Nordvik Energy", "headquarteredIn", "Bergen") in facts(
        "Nordvik Energy sells its heat pumps in Denmark and is headquartered in Bergen.")


def test_the_subject_of_a_degree_is_no_school():
    found = facts("Wen Lihua holds a Bachelor of Science degree in Petroleum Engineering (Reservoir Engineering) "
                  "from Harbin University of Technology.")
    assert not [f for f in found if f[1] == "educatedAt" and "Engineering" in f[2]], found
    ents = entities("Ann Cole holds a degree in History and Economics from Yale University.")
    assert "History" not in ents and "Economics" not in ents and "Yale University" in ents, ents


def test_a_possessive_before_a_companys_legal_ending_is_part_of_its_name():
    ents = entities("Kahn was previously chief executive of T.G.I. Friday's Inc. and of Del Frisco's Restaurant Group.")
    assert "T.G.I. Friday's Inc." in ents and "Del Frisco's Restaurant Group" in ents, ents
    assert "Apple" in entities("Ann Lee is Apple's Group Manager.")


def test_a_newspaper_a_story_is_quoted_from_is_no_employer():
    found = facts("Tom Ruiz served as Tampa's chief of police from 2008 to 2016. He was dismissed in January "
                  "when the new chief was hired, according to the Sun Sentinel.")
    assert not [f for f in found if f[2] == "Sun Sentinel"], found


def test_a_title_only_people_hold_makes_a_copulas_subject_a_person():
    text = "Narendran is the managing director of Tata Steel."
    assert entities(text)["Narendran"][0] == "Person"
    assert ("Narendran", "leads", "Tata Steel") in facts(text)
    assert entities("Vexa Labs is the market leader in batteries.")["Vexa Labs"][0] == "Organization"


def test_chief_titles_joined_by_an_ampersand_are_a_title_not_an_organisation():
    ents = entities("Topalian is the President & CEO of Nucor Corporation.")
    assert "President & CEO" not in ents, ents
    assert entities("Jeong-Woo Choi, the CEO of POSCO Holdings, was also elected as a Vice Chairman.")[
        "Jeong-Woo Choi"][0] == "Person"


def test_a_chief_title_before_a_persons_name_is_no_part_of_it():
    ents = entities("Her sister is also married to LVS President and COO Patrick Dumont.")
    assert "Patrick Dumont" in ents and "COO Patrick Dumont" not in ents, ents


def test_a_businesss_word_after_a_name_and_a_trailing_as_belong_where_they_do():
    text = ("American Blue Ribbon Holdings hired Jeffery Kent as CIO. Cafe Rio Mexican Grill announced that "
            "Steve Vaughan will join the company as President and CFO.")
    found = facts(text)
    assert ("Steve Vaughan", "worksFor", "Cafe Rio Mexican Grill") in found, found
    assert ("Jeffery Kent", "worksFor", "American Blue Ribbon Holdings") in found, found
    assert not [f for f in found if f[0] == "Steve Vaughan" and f[2] == "American Blue Ribbon Holdings"], found


def test_an_its_with_nothing_named_before_is_no_organisation_named_much_later():
    text = ("The steel body said on Monday it has elected Leon Topalian as its chairman. Topalian runs a mill "
            "in Ohio. He has worked in steel for thirty years. Jeong-Woo Choi, the CEO of POSCO Holdings, was "
            "elected vice chairman. POSCO Holdings makes steel in Korea.")
    found = facts(text)
    assert not [f for f in found if f[0] == "Leon Topalian" and f[2] == "POSCO Holdings"], found


def test_a_foreign_legal_ending_makes_a_company():
    ents = entities("Uğur Dalbeler – CEO, Çolakoğlu Metalurji AŞ and Yoshi Kitano – CEO, Nordvik Stål ASA.")
    assert ents.get("Çolakoğlu Metalurji AŞ", ("",))[0] == "Organization", ents


def test_each_name_in_a_list_of_appointments_keeps_its_own_title():
    found = facts("Carlson Rezidor Hotel Group announced Jeffrey Freund as Senior VP of Midscale Brands for the "
                  "Americas, Alissa Montbriand as VP of Global Integrated Marketing Communications, and Roger "
                  "Chacko as EVP.")
    assert ("Jeffrey Freund", "jobTitle", "Senior VP") in found, found
    assert not [f for f in found if f[0] == "Alissa Montbriand" and f[2] in {"Senior VP", "Midscale Brands"}], found
    found = facts("The letter was signed by Sebastian Fahey, Sotheby's managing director of global fine art, "
                  "Helena Newman, who heads the Impressionist department, and Ann Lee.")
    assert not [f for f in found if f[0] == "Helena Newman" and f[1] == "jobTitle"], found
    assert ("Tim Cook", "leads", "Apple") in facts("The chief executive of Apple, Tim Cook, said no.")


def test_two_joined_titles_each_keep_their_own_owner():
    found = facts("Tom Sinclair was previously a PepsiCo Inc. executive and CEO of Caribiner.")
    assert ("Tom Sinclair", "leads", "Caribiner") in found and ("Tom Sinclair", "worksFor", "PepsiCo Inc.") in found
    assert ("Tom Sinclair", "leads", "PepsiCo Inc.") not in found, found
    assert ("Jerry Yang", "leads", "Yahoo") in facts("Jerry Yang was chairman and CEO of Yahoo.")


def test_names_listed_as_examples_of_a_plural_noun_take_its_class():
    ents = entities("Towns in this zone include Addis Zemen, Debre Tabor and Wereta.")
    assert ents.get("Wereta", ("",))[0] == "Place", ents
    ents = entities("Other nearby settlements include Aldoth and Tarns.")
    assert ents.get("Aldoth", ("",))[0] == "Place" and "Other nearby" not in ents, ents


def test_every_name_listed_after_a_plural_noun_in_apposition_takes_its_class():
    ents = entities("She wrote for the television series Tamblin, Overcast and Vessel Nine, and the films "
                    "Harrowgate and Quill.")
    assert not {"Overcast", "Vessel Nine", "Quill"} & set(ents), ents  # works: no class of the ontology holds them
    ents = entities("He hired his nephews, Oren Valde and Tam Ruskin.")
    assert ents["Tam Ruskin"][0] == "Person", ents


def test_a_profession_written_right_before_a_name_makes_a_person():
    ents = entities("Ilse married the architect Jacques-Henri Vollard a short while after. He worked with the "
                    "famous scientists Jean-Luc Varenne and Otto Brisch.")
    assert ents["Jacques-Henri Vollard"][0] == ents["Jean-Luc Varenne"][0] == "Person", ents


def test_the_plural_of_a_place_noun_and_landforms_make_places():
    ents = entities("The hamlet lies in the civil parishes of Holme Varrow and Holme St. Ketil. It borders the "
                    "boroughs of Tarnwick and Ellesby.")
    assert [ents.get(n, ("",))[0] for n in ("Holme St. Ketil", "Tarnwick", "Ellesby")] == ["Place"] * 3, ents
    ents = entities("Kessel Flak is a reef in the Baltic Sea. The park includes the Tarrow Range and the Oster Hills.")
    assert [ents.get(n, ("",))[0] for n in ("Kessel Flak", "Tarrow Range", "Oster Hills")] == ["Place"] * 3, ents


def test_a_hometown_after_a_persons_name_is_a_place_and_no_employer():
    text = ("Directors elected were Dale Vinter, Van Brell; Lee Oskamp, Waupora; and Tess Orn. "
            "Kathy Bauer, Farbault, MN, was re-elected secretary. Kim Dunn, MD, PhD, chairs it.")
    ents, found = entities(text), facts(text)
    assert [ents.get(n, ("",))[0] for n in ("Van Brell", "Waupora", "Farbault")] == ["Place"] * 3, ents
    assert ents["Kim Dunn"][0] == "Person" and not [f for f in found if f[1] == "worksFor"], found
    text = "Wayne Stroud, who has led Franklin, Tenn.-based Vexa Health Systems, retired."
    assert entities(text)["Franklin"][0] == "Place" and ("Wayne Stroud", "leads", "Vexa Health Systems") in facts(text)


def test_a_body_named_after_a_place_or_in_a_building_is_an_organisation():
    found = facts("Sheryl Mays was named director of the Cape Ferrow Museum. Dr. Ann Vell works at Mount Sinai Hospital.")
    assert ("Sheryl Mays", "worksFor", "Cape Ferrow Museum") in found, found
    assert ("Ann Vell", "worksFor", "Mount Sinai Hospital") in found, found


def test_a_pronoun_in_a_clause_before_the_main_subject_is_that_subject():
    found = facts("Tom Ruskin runs Vexa. Since she joined Acme in 2001, Mary Volden has worked as its chief "
                  "financial officer.")
    assert ("Mary Volden", "worksFor", "Acme") in found and not [f for f in found if f[0].startswith("unnamed")], found
    found = facts("Tom Ruskin runs Vexa. In the ten years since he took over as chief executive of Koll Oil, "
                  "Lord Browne has become a celebrity.")
    assert ("Browne", "leads", "Koll Oil") in found and ("Tom Ruskin", "leads", "Koll Oil") not in found, found


def test_a_surname_that_is_also_an_english_noun_after_a_courtesy_title_is_a_person():
    ents = entities("Mr Chambers joined Vexa. Mr Speaker and Mr President spoke.")
    assert ents.get("Chambers", ("",))[0] == "Person" and "Speaker" not in ents and "President" not in ents, ents


def test_a_two_word_name_whose_given_name_is_a_towns_is_a_persons():
    text = ("Clive Mathers: Harmonizing Energy and the Environment\n\nClive Mathers was president and CEO of Vexa "
            "Canada Limited from 2004 till 2007. As a result, Clive handed over responsibility in June 2007.")
    assert ("Clive Mathers", "leads", "Vexa Canada Limited") in facts(text), facts(text)
    from kg.extract.classes import given_named
    from kg.extract.nlp import load_nlp
    from kg.lexicon import load_lexicon

    doc = load_nlp()("Clive Mather and Sydney Korth met in Austin Texas.")
    assert [given_named(doc[i:j], load_lexicon()) for i, j in ((0, 2), (3, 5), (7, 9))] == [True, True, False]


def test_a_state_written_after_a_town_is_in_no_state_though_the_capital_shares_its_name():
    found = {(s, p, o.casefold()) for s, p, o in facts("WASHINGTON — The Senate met. Ann Vell moved from Washington, D.C. to Tacoma, Washington.")}
    assert ("Tacoma", "locatedIn", "washington") in found, found
    assert ("Tacoma", "locatedIn", "district of columbia") not in found, found


def test_where_a_title_holder_is_from_is_no_part_of_the_title():
    found = facts("Koll Mining appointed a Mongolian-born executive, Bold Baatar, to run its copper unit.")
    assert ("Bold Baatar", "jobTitle", "executive") in found, found


def test_the_place_a_native_is_from_is_a_place():
    ents = entities("The Dunmarrow native won the county race on Sunday.")
    assert ents.get("Dunmarrow", ("",))[0] == "Place", ents


def test_a_field_a_professor_holds_a_chair_in_and_a_degrees_name_are_no_organisations():
    found = facts("Ann Vell is the Francis Wright Davis Professor of Physics at Vexa University. She holds a "
                  "Bachelor of Education degree from Kessel University.")
    assert not [f for f in found if f[2] in {"Physics", "Bachelor of Education"}], found
    assert not [f for f in found if f[0] == "Francis Wright Davis"], found


def test_a_charity_named_right_before_its_name_is_an_organisation_as_the_subject_too():
    ents = entities("The club's appointment has smashed the glass ceiling, anti-discrimination charity Kick It Out has said.")
    assert ents.get("Kick It Out", ("",))[0] == "Organization", ents
    assert entities("This is the company Tim Cook runs.")["Tim Cook"][0] == "Person"


def test_the_chair_of_a_field_at_an_organisation_works_there_and_leads_none_of_it():
    found = facts("Ruth Myers, professor and chair of genetics at Stanford University School of Medicine, joined.")
    assert ("Ruth Myers", "worksFor", "Stanford University School of Medicine") in found, found
    assert ("Ruth Myers", "leads", "Stanford University School of Medicine") not in found, found
    assert ("Ann Roe", "leads", "Vexa Labs") in facts("Ann Roe is chairman of the board at Vexa Labs.")


def test_a_family_is_no_one_of_it():
    ents = entities("Marlin Vosk runs Dawnley Foods. The Vosk family is celebrating the company's 100th year.")
    assert ents["Marlin Vosk"][1] == (), ents


def test_titles_listed_before_a_series_are_works():
    ents = entities("Its franchises include the Starfall Saga, Iron Quay and Vellum Hearts series.")
    assert not {"Starfall Saga", "Iron Quay", "Vellum Hearts"} & set(ents), ents
    assert {"Vexa", "Kessel"} <= set(entities("The Vexa and Kessel games sold well."))


def test_a_players_loan_spells_name_clubs():
    ents = entities("After loan spells with Carvoeira and Trezzo during 2008, he joined FK Vellora.")
    assert ents.get("Trezzo", ("",))[0] == "Organization", ents


def test_who_publishes_a_game_or_buys_a_firm_is_a_firm_unless_named_like_a_person():
    ents = entities("Starfall is a 2003 video game developed and published by Vexisoft. In 1990 Enasa was sold to Ivexo.")
    assert ents.get("Vexisoft", ("",))[0] == ents.get("Ivexo", ("",))[0] == "Organization", ents
    assert entities("The novel was published by Ann Kessler in 1990.")["Ann Kessler"][0] == "Person"


def test_a_second_name_with_a_noun_of_its_own_takes_no_title_from_the_first():
    found = facts("Last year the club received multi-million pound investment from the former West Ham United "
                  "chairman Terry Brown and Israeli agent Pini Zahavi.")
    assert ("Terry Brown", "leads", "West Ham United") in found, found
    assert not [f for f in found if f[0] == "Pini Zahavi" and f[1] in {"leads", "jobTitle"}], found


def test_a_title_after_the_last_name_of_a_list_is_not_the_first_names():
    found = facts("The charity has also appointed three new trustees, former BBC executive Amanda Farnsworth, "
                  "Warwick Students' Union chief executive Rob Parkinson and Sarah Hunt, head of audit UK and "
                  "Ireland for British Airways' owner IAG.")
    assert not [f for f in found if f[0] == "Amanda Farnsworth" and f[2] in {"IAG", "head of audit"}], found
    assert ("Amanda Farnsworth", "worksFor", "BBC") in found, found


def test_a_nationality_is_no_residence_unless_the_sentence_says_so():
    found = facts("Kessel Wednesday have been bought by Azerbaijani businessman Hafiz Mammadov.")
    assert ("Hafiz Mammadov", "nationality", "Azerbaijan") in found and not [f for f in found if f[1] == "livesIn"], found
    found = facts("The American actor Tom Vell lives in the United States.")
    assert ("Tom Vell", "livesIn", "United States") in found, found


def test_a_nickname_is_the_person_it_shortens():
    ents = entities("Vexa Labs named James Taiclet chief executive. As the company's next CEO, Jim will lead it.")
    assert "Jim" not in ents and "Jim" in ents["James Taiclet"][1], ents
    ents = entities("James Taiclet will lead Vexa Labs. Jim Taiclet joined in 2018.")
    assert "Jim Taiclet" not in ents, ents
    assert "Erin Smith" in entities("Aaron Smith and Erin Smith run a bakery in Leeds.")


def test_an_appointer_a_team_leader_and_a_black_member_hold_no_title_they_do_not_state():
    found = facts("City Manager Wally Bobkiewicz has appointed Donna Dziedzic as interim director of the "
                  "Evanston Public Library.")
    assert ("Donna Dziedzic", "jobTitle", "interim director") in found
    assert not [f for f in found if f[0] == "Wally Bobkiewicz" and f[2] in {"interim director", "Evanston Public Library"}]
    found = facts("Heidi Daniel was a neighborhood library team leader at the Houston Public Library.")
    assert ("Heidi Daniel", "leads", "Houston Public Library") not in found, found
    found = facts("She became the first Black member of the Vexa Labs board. Bill Ames is a leader at Vexa Labs.")
    assert not [f for f in found if f[1] == "jobTitle"] and ("Bill Ames", "leads", "Vexa Labs") not in found, found


def test_a_body_named_after_the_place_it_serves_is_one_organisation():
    ents = entities("She chairs the Arts Council of Calvert County.")
    assert ents.get("Arts Council of Calvert County", ("",))[0] == "Organization", ents
    assert "Toyota" in entities("Toyota of Japan sued Ford.")


def test_a_platform_named_on_an_organisations_account_is_not_its_own():
    found = facts("BAE Systems said in a tweet on the company's Twitter account that it had won the contract.")
    assert not [f for f in found if "Twitter" in (f[0], f[2])], found


def test_a_name_set_before_its_clause_is_the_he_after_it():
    text = ("The company announced that James Roddick has been selected CEO, succeeding Marillyn Hewson. "
            "Roddick, while a member of the board since 2018, has not worked inside the company before; "
            "he has served as chairman of Vexa Tower Corporation since 2004.")
    found = facts(text)
    assert ("James Roddick", "leads", "Vexa Tower Corporation") in found, found
    assert not [f for f in found if f[0] == "Marillyn Hewson" and f[2] == "Vexa Tower Corporation"], found


def test_a_field_inside_a_chief_title_is_no_organisation():
    found = facts("Domino's named Dennis Maloney as Chief Digital Officer.")
    assert ("Dennis Maloney", "jobTitle", "Chief Digital Officer") in found, found
    assert not [f for f in found if f[2] == "Digital"], found


def test_credentials_praise_and_places_glued_by_ner_are_no_names_of_their_own():
    found = facts("Leah Sera, PharmD, MA, BCPS, an associate professor and co-director at the University "
                  "of Maryland, said no.")
    assert not [f for f in found if f[0] == "BCPS"], found
    assert not [f for f in facts("Mark Williams is still such a great player.") if f[1] == "jobTitle"]
    ents = entities("In Europe London-based Cinven bought the firm.")
    assert "Europe London" not in ents and "London" in ents, ents
    assert "Nordic Open" in entities("Bai won the Nordic Open in Helsinki, Finland.")
    assert "America's Cup" in entities("Spithill won the America's Cup in 2013.")


def test_names_listed_side_by_side_are_no_employer_of_each_other():
    from kg.extract.classifier import listed_together
    from kg.extract.nlp import load_nlp

    doc = load_nlp()("Warburg Pincus, General Atlantic and Permira invest; Ann Roe (Labour Party) and Tom Lee won.")
    assert listed_together(doc[1], doc[6]) and listed_together(doc[4], doc[6])
    assert not listed_together(doc[10], doc[13])  # her party, in parentheses, is no item of the list


def test_a_us_state_named_like_a_country_before_an_office_is_no_nationality():
    found = facts("He had lost the race to Democrat and former Georgia Governor Jimmy Carter.")
    assert not [f for f in found if f[1] == "nationality"], found


def test_a_rulers_name_after_a_style_ner_took_and_a_scripture_after_a_kin_noun():
    found = facts("The war was a result of the ambitions of Bourbon King Philip V of Spain, his wife, "
                  "Elisabeth Farnese, and his chief minister Giulio Alberoni.")
    assert ("Elisabeth Farnese", "spouse", "Philip V") in found or ("Philip V", "spouse", "Elisabeth Farnese") in found
    assert not [f for f in found if "Bourbon King" in (f[0], f[2])], found
    assert "Old Testament" not in entities(
        "The story of Yusuf and Zulaikha (Potiphar's wife of the Old Testament) became a popular subject.")


def test_titles_ner_takes_into_names_and_postal_codes_of_states():
    ents = entities("Surbaugh began his career as a District Executive in Jacksonville, FL, and became its "
                    "next Chief Scout Executive.")
    assert "District Executive" not in ents and "Scout Executive" not in ents, ents
    assert ents.get("Florida", ("",))[0] == "Place" and "FL" not in ents, ents
    ents = entities("Browns GM John Dorsey hired Freddie Kitchens. GM CEO Mary Barra spoke.")
    assert "Browns GM" not in ents and "General Motors" in ents, ents
    assert "Federal Reserve" in entities("Federal Reserve Chairman Jerome Powell spoke.")


def test_a_superintendent_a_gm_and_a_possessed_seafood_business():
    assert "Mike Tollefson" in entities("Superintendent Mike Tollefson said the park would reopen.")
    assert "Gorton's Seafood" in entities("Jodi Blanch of Gorton's Seafood joined the board.")
    assert "Planet Fitness Inc." in entities("Shares of Planet Fitness Inc. rose on Monday.")


def test_a_listed_place_with_its_own_in_is_no_container():
    found = facts("Vail bought Sunday River in Maine and Mount Sunapee in New Hampshire.")
    assert ("Sunday River", "locatedIn", "Mount Sunapee") not in found and ("Sunday River", "locatedIn", "Maine") in found


def test_one_of_the_companies_a_title_of_and_a_tenure_at_make_an_organisation():
    ents = entities("Brevald, one of Europe's largest fertiliser companies, cut its dividend.")
    assert ents.get("Brevald", ("",))[0] == "Organization", ents
    found = facts("Ingrid Holm is stepping down as CEO of Voltaris, but will stay as an adviser.")
    assert ("Ingrid Holm", "leads", "Voltaris") in found, found
    ents = entities("His record during his tenure at Delta gives the board confidence.")
    assert ents.get("Delta", ("",))[0] == "Organization", ents


def test_a_coach_at_a_club_named_after_a_city_is_at_the_club():
    ents = entities("Dan Pryor was interim coach at Richmond in 2021 and an assistant coach at Geelong after.")
    assert ents.get("Richmond", ("",))[0] == "Organization" and ents.get("Geelong", ("",))[0] == "Organization", ents
    assert entities("Dan Pryor moved to Richmond in 2021.").get("Richmond", ("",))[0] == "Place"


def test_initials_ner_cut_from_a_firm_and_the_head_of_a_department():
    found = facts('"The deal is priced well," Wedmore ISI analyst Tom Vale said on Monday.')
    assert ("Tom Vale", "worksFor", "Wedmore ISI") in found and not any(o == "ISI" for s, p, o in found), found
    found = facts("Vortex's Head of Talent Strategy & Operations Jane Roe will leave the company in May.")
    assert ("Jane Roe", "worksFor", "Vortex") in found and ("Jane Roe", "leads", "Vortex") not in found, found


def test_chief_officers_initials_and_business_regions_are_no_employers():
    found = facts("Mara Quist moved to CPO in March after two years as CTO of Brightloom.")
    assert not any(o in {"CPO", "CTO"} for s, p, o in found if p != "jobTitle"), found
    assert "CNO" not in entities("She took a position in Wales as the CNO of Vexa Energy.")
    assert "Harlow Bay Unit 2" in entities("He led the completion of Harlow Bay Unit 2 in 2015.")
    found = facts("Ravi Mehta, general manager for the EMEA and APAC regions, will run the new unit.")
    assert not any(p == "worksFor" for s, p, o in found), found
    assert entities("Sales in the Middle East and Latin America rose.").get("Latin America", ("",))[0] == "Place"


def test_an_assassin_of_a_place_namesake_is_no_resident():
    found = facts("The barn is where Carl Voss, assassin of Lincoln, was caught by soldiers.")
    assert not any(p == "livesIn" for s, p, o in found), found
    found = facts("Tom Hale, a resident of Dayton, was arrested on Monday.")
    assert ("Tom Hale", "livesIn", "Dayton") in found, found


def test_a_person_credited_with_directing_or_voicing_is_a_person():
    ents = entities("The 1994 film was co-directed by Hiroko Tsukida. The lion was voiced by Shigeru Tanabata.")
    assert ents.get("Hiroko Tsukida", ("",))[0] == "Person" and ents.get("Shigeru Tanabata", ("",))[0] == "Person", ents
    ents = entities("The 1994 film was directed by Hiroko Tsukida and produced by Walt Disney Pictures.")
    assert ents.get("Walt Disney Pictures", ("",))[0] == "Organization", ents


def test_names_ner_or_kg_cut_stay_whole():
    ents = entities("Kestrel Corp. told the U.S. Securities and Exchange Commission that it would restate.")
    assert "U.S. Securities and Exchange Commission" in ents and "Exchange Commission" not in ents, ents
    ents = entities("Lena Roy testified before the Senate Committee on Energy and Natural Resources.")
    assert "Natural Resources" not in ents, ents
    found = facts("The former CEO of Halvor Solar, Pieter van den Broek, has been named CEO of Sunvex.")
    assert not any(s == "Broek" for s, p, o in found) and "Pieter van den Broek" in entities(
        "The former CEO of Halvor Solar, Pieter van den Broek, has been named CEO of Sunvex."), found
    ents = entities("He is a non-executive director of the drinks company SAB Miller.")
    assert ents.get("SAB Miller", ("",))[0] == "Organization" and "Miller" not in ents, ents


def test_a_department_after_a_title_is_no_organisation_and_its_head_no_organisation_either():
    ents = entities("Director of Customer Relationship Marketing Tom Vale will leave in May.")
    assert "Customer Relationship Marketing" not in ents and ents.get("Tom Vale", ("",))[0] == "Person", ents
    ents = entities("Acme named Lars Ohm as research director, Downstream Markets, on Monday.")
    assert "Downstream Markets" not in ents, ents


def test_which_its_and_place_based_say_a_name_is_no_persons():
    ents = entities("Previously, he spent nine years with Duluth-based Penny Barker, running its stores.")
    assert ents.get("Penny Barker", ("",))[0] == "Organization", ents
    ents = entities("Tom Hollis, which competes with Dunkin, said it would open 40 cafes.")
    assert ents.get("Tom Hollis", ("",))[0] == "Organization", ents
    ents = entities("The song was written by Ada Marsh, which made it a hit for her.")
    assert ents.get("Ada Marsh", ("",))[0] == "Person", ents


def test_a_company_by_its_legal_form_is_not_the_town_it_is_named_after():
    text = "In the town of Corbridge, a chocolate factory hums. Corbridge Co. CEO Ann Lee will retire in May."
    ents = entities(text)
    assert ents.get("Corbridge", ("",))[0] == "Place" and ents.get("Corbridge Co.", ("",))[0] == "Organization", ents


def test_it_in_a_reported_clause_is_the_reporter_and_a_company_held_in_shares_is_no_person():
    text = ("Barry Halvorsen announced a new chief executive on Wednesday. The Swiss-based firm, which supplies "
            "Nestle and Unilever, said it was appointing Tom Vale to replace Ann Roe. Barry Halvorsen shares fell "
            "2%, and Jacobs Holding cut its stake in Barry Halvorsen.")
    assert entities(text).get("Barry Halvorsen", ("",))[0] == "Organization", entities(text)
    found = facts(text)
    assert ("Tom Vale", "worksFor", "Barry Halvorsen") in found and ("Tom Vale", "worksFor", "Unilever") not in found, found


def test_a_place_in_the_relative_clause_of_someone_else_is_not_the_subjects():
    text = ("Acme named Guy Marchetti its chief executive. Marchetti, a veteran of retail, will replace "
            "Alain Dorval who, the company said, is moving back to Paris to take on new work.")
    found = facts(text)
    assert ("Guy Marchetti", "livesIn", "Paris") not in found, found


def test_a_school_someone_went_through_is_no_employer_of_the_classifiers():
    found = facts("As he went through dental school at Halbrook University, Tom Vale worked weekends at a clinic.")
    assert ("Tom Vale", "worksFor", "Halbrook University") not in found, found


def test_a_job_title_is_the_title_not_where_when_or_what_kind_of_body():
    found = facts("Acme named Ann Roe, currently senior vice president at a global search firm, its chief "
                  "operating officer with immediate effect. Tom Vale became chairman of U.K.-based technology "
                  "group Spirent.")
    titles = {o for s, p, o in found if p == "jobTitle"}
    assert "senior vice president" in titles and "chief operating officer" in titles and "chairman" in titles, titles
    found = facts("Former Vantor SE chief executive officer Nils Berg left on Monday.")
    assert ("Nils Berg", "jobTitle", "chief executive officer") in found, found


def test_business_last_words_a_chair_before_a_name_and_a_generational_suffix():
    ents = entities("Shares of Walter Demant Holding rose. Harriet Jewelers said sales fell.")
    assert all(ents.get(n, ("",))[0] == "Organization" for n in ("Walter Demant Holding", "Harriet Jewelers")), ents
    ents = entities("Chair Patrick Van Daele said the company was growing. Tom Vale, Sr. was named CEO.")
    assert "Patrick Van Daele" in ents and "Chair Patrick Van Daele" not in ents and "Sr." not in ents, ents


def test_brands_listed_as_brands_are_products():
    ents = entities("Vexa is the parent company behind brands like Crunchos, Tallow Bites and Marla Jones.")
    assert ents.get("Marla Jones", ("",))[0] == "Product", ents


def test_names_from_audit_14_kinds_stay_whole_and_typed():
    ents = entities('Vexa named Gerardo I. ("Gerry") Marino as its chief executive on Monday.')
    assert any(n.startswith("Gerardo I.") and n.endswith("Marino") for n in ents) and "Gerardo I." not in ents, ents
    ents = entities("Josh Ray, senior manager of Financial Planning and Analysis at Vexa, left.")
    assert "Analysis" not in ents, ents
    ents = entities("BGTA Administrator Md Anwar Karim spoke on Monday.")
    assert "BGTA Administrator" not in ents, ents
    found = facts("Ravi Shah is a member of Board of Governors of Ahmedabad University.")
    assert "Governors of Ahmedabad University" not in entities(
        "Ravi Shah is a member of Board of Governors of Ahmedabad University."), found
    ents = entities("Niraj Perera, a partner at Halloway and Skrine Ltd, spoke.")
    assert "Halloway and Skrine Ltd" in ents and "Halloway" not in ents, ents


def test_initials_are_no_person_and_a_countrys_missed_name_is_not_the_last_persons():
    ents = entities("He is also the immediate past chairman of NIMTA, vice president of FOHMA and WBHA.")
    assert ents.get("NIMTA", ("",))[0] == "Organization", ents
    assert entities("T Rajan is chairman, Sri Lakshmi Mills Limited.").get(
        "Sri Lakshmi Mills Limited", ("",))[0] == "Organization"
    found = facts("Nigeria's Habu Ahmed Gumel, Ivory Coast's Sanga Issouf Kone and Egypt's Hany Hassan were elected.")
    assert ("Habu Ahmed Gumel", "nationality", "Ivory Coast") not in found, found
    found = facts("Ary Graca is president of both the South American volleyball confederation and the Brazilian one.")
    assert ("Ary Graca", "jobTitle", "president") in found, found


def test_a_lifespan_in_parentheses_gives_birth_and_death_dates_and_nothing_else():
    found = facts("Tomas Ekberg (4 March 1911 – 19 June 1987) was a Swedish painter. "
                  "Kari Lunde (born 2 May 1960) is a singer. Ola Berg (in office 1884–1888) was mayor.")
    assert ("Tomas Ekberg", "birthDate", "4 March 1911") in found and ("Tomas Ekberg", "deathDate", "19 June 1987") in found
    assert ("Kari Lunde", "birthDate", "2 May 1960") in found, found
    assert not any(s == "Ola Berg" and p in {"birthDate", "deathDate"} for s, p, o in found), found
    found = facts("He followed Piatigorsky and Lynn Harwell (1986 – 1993) in the post. Alumni include Sue Towne (1946 - 1950).")
    assert not any(p in {"birthDate", "deathDate"} for s, p, o in found), found


def test_audit_15_kinds_names_titles_and_acronyms():
    ents = entities("HD Hyundai Site Solutions CEO Cho Young-cheul will serve as co-CEO alongside Chung.")
    assert "Cho Young-cheul" in ents and "HD Hyundai Site Solutions" in ents, ents
    ents = entities("Agriculture Cabinet Secretary Mutahi Kamau spoke on Monday.")
    assert "Agriculture Cabinet" not in ents and "Mutahi Kamau" in ents, ents
    ents = entities("Wafula Odhiambo led the Independent Electoral and Boundaries Commission until 2023.")
    assert "Independent Electoral and Boundaries Commission" in ents and "Boundaries Commission" not in ents, ents
    assert "Postal Corporation of Kenya" in entities("The Postal Corporation of Kenya (PCK) cut 300 jobs.")
    ents = entities("John Tonui rose through the ranks to GM Human Resources at the firm.")
    assert not any("Human Resources" in n for n in ents), ents
    ents = entities("Vexa designs the Quantum Sensing Unit (QSU), a chip for robots.")
    assert ents.get("Quantum Sensing Unit", ("",))[0] != "Organization", ents
    ents = entities("JBS was founded by José Batista Sobrinho in 1953. JBS grew fast.")
    assert ents.get("José Batista Sobrinho", ("",))[0] == "Person", ents


def test_an_organisation_hanging_on_another_persons_name_is_not_the_subjects():
    found = facts("David Loomes, the president of Granite Cement Company, joined the board. He succeeds "
                  "Tom Beck, the executive vice president of Summit Materials, who stepped down.")
    assert ("David Loomes", "worksFor", "Summit Materials") not in found, found


def test_a_bodys_name_with_and_inside_stays_whole():
    ents = entities("He was questioned by the Economic and Financial Crimes Commission on Monday.")
    assert "Economic and Financial Crimes Commission" in ents and "Economic" not in ents, ents
    ents = entities("She joined the International Red Cross and Red Crescent Movement in 1990.")
    assert "International Red Cross and Red Crescent Movement" in ents, ents
    ents = entities("He is Ivan Barrett, managing director of the National Road Operating and Constructing "
                    "Company Limited (NROCC), which builds toll roads.")
    assert "National Road Operating and Constructing Company Limited" in ents, ents
    ents = entities("He left the Ford Foundation and Gates Foundation in May.")
    assert "Ford Foundation" in ents and "Gates Foundation" in ents, ents


def test_a_business_named_with_a_possessive_keeps_it():
    ents = entities("Maurice Okafor worked for Moody's for ten years. Amazon's chips are fast.")
    assert "Moody's" in ents and "Moody" not in ents and "Amazon" in ents, ents
    ents = entities("Steve McConnell, FAIA, is the managing partner of Harwell Design.")
    assert "FAIA" not in ents, ents
    assert entities("He ran the torch relay for the 1996 Games in Atlanta.").get("1996 Games", ("",))[0] == "Event"
    ents = entities("He was born in Spanish Town, Jamaica, in 1950.")
    assert "Spanish Town" in ents and "Spain" not in ents, ents


def test_a_roster_lines_person_ner_missed_is_found():
    text = ("The new regional managers are as follows:\n\nWest - Brent Murphree – Maricopa, Ariz. – He holds a "
            "degree in journalism from the University of Arizona.\n\nSouth - Bob J. Stanley – Lubbock, Texas – "
            "He has worked in cotton for twenty years.")
    ents = entities(text)
    assert ents.get("Brent Murphree", ("",))[0] == "Person", ents


def test_a_datelines_place_is_not_where_the_story_is():
    text = ("Rowing body opens new office\n\n"
            "NAIROBI — The Kenya Rowing Federation has opened its headquarters at Kasarani Stadium "
            "in Ruaraka, its chairman Peter Otieno said on Tuesday.")
    got = facts(text)
    assert not any(p == "headquarteredIn" and o == "NAIROBI" for _, p, o in got), got
    byline = ("Jane Moss, Kisumu – Fish trader Amos Ochieng has opened the cold store. "
              "He became chairman of Lake Traders Ltd last year.")
    assert not any("Kisumu" in (s, o) for s, _, o in facts(byline))


def test_a_title_followed_by_a_name_is_that_names():
    got = facts("The federation opened an office in Ruaraka, its chairman Peter Otieno said on Tuesday. "
                "The Kenya Rowing Federation has 40 clubs.")
    assert not any(s == "Ruaraka" for s, _, _ in got), got
    assert ("Peter Otieno", "jobTitle", "chairman") in got


@pytest.mark.parametrize("text", [
    "Harlow Group, the parent company of Harlow Foods Plc, reported higher profits in Lagos.",
    "Harlow Foods Plc, a subsidiary of Harlow Group, reported higher profits.",
    "Harlow Foods Plc is a unit of Harlow Group.",
])
def test_a_subsidiary_and_its_parent_by_the_noun_said_of_them(text):
    got = {(s, o) for s, p, o in facts(text) if p == "subsidiaryOf"}
    assert got == {("Harlow Foods Plc", "Harlow Group")}, got


@pytest.mark.parametrize("text, name, cls", [
    ("Scientists at the Space Research and Development Organisation in Bengaluru tested it.",
     "Space Research and Development Organisation", "Organization"),
    ("PT Sinar Mas Pulp and Paper said its mill in Riau would close.", "PT Sinar Mas Pulp and Paper", "Organization"),
    ("PT Bukit Asam Tbk said coal output rose.", "PT Bukit Asam Tbk", "Organization"),
    ("Grupo Lala, S.A.B. de C.V. (Lala) reported results.", "Grupo Lala", "Organization"),
])
def test_company_and_body_names_of_other_countries_stay_whole(text, name, cls):
    got = entities(text)
    assert got.get(name, (None,))[0] == cls, got


def test_a_legal_form_after_a_comma_is_no_company_of_its_own():
    text = "Vitreo, S.A.B. de C.V., a glass producer headquartered in Monterrey, Mexico, said sales rose."
    assert not any("S.A.B" in label for label in entities(text))
    assert not any("S.A.B" in s for s, _, _ in facts(text))


def test_a_piece_written_for_a_paper_is_no_job_there():
    assert not any(p == "worksFor" for _, p, _ in facts(
        "Economist Laura Byrne wrote in an op-ed for The Globe Herald that rates were too high."))
    assert ("Tom Reyes", "worksFor", "Globe Herald") in facts(
        "Tom Reyes, a columnist for The Globe Herald, said the plan would fail.")


def test_a_bylines_reporter_is_no_ones_antecedent():
    text = ("Jane Moss, Kisumu – Fish trader Amos Ochieng has opened the cold store he promised. "
            "He became chairman of Lake Traders Ltd last year.")
    got = facts(text)
    assert ("Amos Ochieng", "leads", "Lake Traders Ltd") in got
    assert not any(s == "Jane Moss" for s, _, _ in got), got
    alone = "Jane Moss, Kisumu – The county's new cold store has opened. He became chairman of Lake Traders Ltd."
    assert not any(s == "Jane Moss" for s, _, _ in facts(alone))


def test_a_person_whose_surname_is_a_place_and_a_company_hired_from():
    got = entities("The Bogotá-based Transmilenio named Lucía Restrepo, a former executive at Avianca, "
                   "as its new general manager.")
    assert got["Lucía Restrepo"][0] == "Person", got
    assert entities("He previously worked for Maersk in Copenhagen.")["Maersk"][0] == "Organization"


@pytest.mark.parametrize("text, long, short", [
    ("The Philippine Esports Organization (PeSO) opened its headquarters. PeSO president Brian Lim spoke.",
     "Philippine Esports Organization", "PeSO"),
    ("The company told the Pakistan Stock Exchange (PSX) on Friday. The PSX index gained.",
     "Pakistan Stock Exchange", "PSX"),
    ("UK firm Harbour Transit Group operates buses in London. The chairman of Harbour Transit, Neil Ames, "
     "said the firm was expanding.", "Harbour Transit Group", "Harbour Transit"),
])
def test_a_short_name_coined_for_an_organisation_is_its_alias(text, long, short):
    got = entities(text)
    assert short not in got and short in got[long][1], got


def test_who_was_appointed_a_title_is_a_person_and_a_gazette_notice_no_one():
    text = ("Symon Kimaru Maina has been appointed Chairperson of the Coast Water Works Development Agency, "
            "according to a Gazette notice.")
    got = entities(text)
    assert got["Symon Kimaru Maina"][0] == "Person" and "Gazette" not in got, got
    assert ("Symon Kimaru Maina", "leads", "Coast Water Works Development Agency") in facts(text)


@pytest.mark.parametrize("text, name, cls", [
    ("Typhoon Haiyan killed thousands in the Philippines.", "Typhoon Haiyan", "Event"),
    ("McGuigan is the CEO and founder of Cyclone Promotions.", "Cyclone Promotions", "Organization"),
])
def test_storms_are_events_and_companies_named_after_them_are_not(text, name, cls):
    assert entities(text)[name][0] == cls


def test_a_title_before_another_persons_name_is_not_the_last_persons():
    got = facts("Sibol head coach Ralph Llabres, Sibol assistant manager Jeff Victoriano and PeSO project "
                "manager Victor Cabuay attended.")
    assert ("Victor Cabuay", "jobTitle", "assistant manager") not in got, got
    assert ("Victor Cabuay", "jobTitle", "project manager") in got


def test_a_sum_in_a_currency_code_is_no_name():
    got = entities("In fiscal year 2013/2014, the company generated sales of INR 1,035 million. "
                   "The deal is worth THB 3,566 million.")
    assert not any(label.startswith(("INR", "THB")) for label in got), got


def test_a_company_called_a_maker_or_a_giant_before_its_name():
    got = entities("She served on the boards of HSBC, PepsiCo, plane and train-maker Bombardier and chemicals group ICI.")
    assert got["Bombardier"][0] == "Organization", got
    assert entities("This is the company Tim Cook runs.")["Tim Cook"][0] == "Person"


def test_a_subject_ner_missed_shaped_like_a_persons_name():
    text = "BBC Trust to have first female head\n\nRona Fairhead is set to become its chairwoman."
    assert entities(text)["Rona Fairhead"][0] == "Person"


def test_a_known_city_listed_after_in_and_a_multisport_games():
    assert entities("The company has research locations in Bangalore and Hyderabad.")["Hyderabad"][0] == "Place"
    assert entities("She won gold at the Asian Games in 2014.")["Asian Games"][0] == "Event"


def test_a_countrys_iso_name_is_a_place():
    assert entities("The park is the first logistics park in Viet Nam.")["Viet Nam"][0] == "Place"


def test_courtesy_titles_of_other_countries_are_no_names():
    got = entities("The board members are Agnes Mwichigi, Mohamed Awale and Eng. Peter Shikuku Amisi.")
    assert "Eng" not in got and got["Peter Shikuku Amisi"][0] == "Person", got
    assert "Charoen" in entities("Starting in 1982, it was clear that Khun Charoen was not just a story of a policy.")


def test_an_infinitive_after_an_appointment_is_the_appointees():
    got = facts("President Muhammadu Buhari approved the appointment of Simon B. Harry as the new "
                "statistician-general to head the National Bureau of Statistics.")
    assert ("Simon B. Harry", "leads", "National Bureau of Statistics") in got
    assert ("Muhammadu Buhari", "leads", "National Bureau of Statistics") not in got


def test_establishing_a_company_as_something_founds_nothing():
    got = facts("Daniel Servitje later expanded it, establishing Grupo Bimbo as the largest bakery firm in the world.")
    assert not any(p == "foundedBy" for _, p, _ in got), got


def test_a_demonym_that_opens_a_companys_name_is_no_nationality():
    got = facts("British Salt chief executive officer Bill Thompson said the deal would help.")
    assert not any(p == "nationality" for _, p, _ in got), got
    assert ("Olaf Scholz", "nationality", "Germany") in facts("German Chancellor Olaf Scholz spoke.")


def test_a_graduate_of_a_field_is_no_graduate_of_a_school_named_so():
    got = facts("He is a graduate of Political Science from the University of Calabar.")
    assert not any(o == "Political Science" for _, _, o in got), got


def test_re_elected_is_no_part_of_the_title():
    got = facts("Chungwon Choue was re-elected President of the World Taekwondo Federation on Monday.")
    assert ("Chungwon Choue", "jobTitle", "President") in got, got


def test_a_team_named_so_once_is_a_team_throughout():
    got = facts("Jack Orrin was traded to the Minnesota Vikings in 2008. He spent six years with the Vikings before he retired.")
    assert ("Jack Orrin", "worksFor", "Minnesota Vikings") not in got, got
    assert ("Jack Orrin", "memberOf", "Minnesota Vikings") in got, got


@pytest.mark.parametrize("text, org", [
    ("Lena Varg ran a dairy farm and did a Ph.D. in economics at Lund University in 1975.", "Lund University"),
    ("Red Barn Records is owned by producer Sam Kettle.", "Red Barn Records"),
])
def test_a_doctorate_or_ownership_is_no_employment(text, org):
    got = facts(text)
    assert not any(p == "worksFor" and o == org for _, p, o in got), got


@pytest.mark.parametrize("text, person, org", [
    ("Orion Towers CEO Kash Pandya said the deal would close in May.", "Kash Pandya", "Orion Towers"),
    ("Tembo Towers CEO Kash Mwangi said the deal would close in May.", "Kash Mwangi", "Tembo Towers"),
])
def test_the_name_before_a_title_before_a_person_is_the_titles_organisation(text, person, org):
    got = facts(text)
    assert (person, "leads", org) in got and (person, "jobTitle", "CEO") in got, got


def test_whom_one_appoints_as_a_chief_executive_is_a_person():
    text = ("Prime Minister Ama Boateng has appointed Kofi Mensah Abbey as the acting chief executive officer "
            "of the Volta Cocoa Board. Dr. Abbey replaces Joseph Aidoo.")
    assert entities(text)["Kofi Mensah Abbey"][0] == "Person", entities(text)
    got = facts(text)
    assert ("Kofi Mensah Abbey", "leads", "Volta Cocoa Board") in got, got
    assert ("Ama Boateng", "leads", "Volta Cocoa Board") not in got, got
    assert "Dr. Abbey" not in entities(text)


def test_a_headquarters_verb_with_another_subject_is_not_the_named_studios():
    got = facts("The network is headquartered at the Halcyon studio in Los Angeles, with additional offices "
                "at the Halcyon Broadcasting Center in New York City.")
    assert not any(p == "headquarteredIn" for _, p, _ in got), got


def test_the_unnamed_author_is_labelled_by_the_files_name():
    g = extract(Document.from_text("We opened our first office in Lagos last year.", "/tmp/feeds/2024/blog.txt"))
    assert [e.label for e in g.entities if e.label.startswith("author of")] == ["author of blog.txt"]


def test_a_body_of_two_fields_with_an_of_of_its_own_is_one_name():
    got = entities("Members of the Association of Tea and Coffee Growers of Malawi met on Friday.")
    assert "Association of Tea and Coffee Growers of Malawi" in got, got


def test_a_city_before_based_is_a_place():
    assert entities("The Blantyre based Imosys netball club won the cup.")["Blantyre"][0] == "Place"


def test_a_predecessor_founds_nothing_of_his_successors():
    from kg.extract.classifier import excluded, word_lists
    from kg.extract.nlp import load_nlp
    from kg.lexicon import load_lexicon

    doc = load_nlp()("Ruiz's predecessor, Tom Beck, founded Kestrel Labs in 2010.")
    words = word_lists(load_lexicon(), "model_excluding_words")["foundedBy"]
    assert excluded(words, doc, doc[:], (8, 10), (0, 1))  # not Ruiz
    assert ("Kestrel Labs", "foundedBy", "Tom Beck") in facts(doc.text)  # the rule's


def test_a_consul_general_of_a_country_is_a_title_not_an_organisation():
    got = entities("The Consul General of Ghana in Lagos, Kwesi Mensah Boateng, opened the fair.")
    assert not any(cls == "Organization" for cls, _ in got.values()), got


def test_a_firm_named_like_a_bridge_is_a_firm():
    got = entities("Mara Stone was president of investment research firm Silver Bridge for five years.")
    assert got["Silver Bridge"][0] == "Organization", got


@pytest.mark.parametrize("text, fact", [
    ("Varn Holdings has acquired a majority stake in Kessel Tiles, a Kenyan maker of tiles.",
     ("Varn Holdings", "acquired", "Kessel Tiles")),
    ("Varn Holdings acquired a 30% stake in Kessel Tiles last year.", ("Varn Holdings", "investsIn", "Kessel Tiles")),
    ("Vireo Systems announced a partnership with Kestrel Labs Inc. on its Blue Water Initiative.",
     ("Vireo Systems", "partnerOf", "Kestrel Labs Inc.")),
])
def test_the_subject_of_acquiring_a_stake_or_announcing_a_partnership_holds_it(text, fact):
    got = facts(text)
    assert fact in got, got
    assert not any(o == "Blue Water Initiative" for _, _, o in got), got


def test_who_approves_an_acquisition_acquires_nothing():
    got = facts("The Competition Authority of Kenya approved the acquisition of Zentro Labs Inc. last week.")
    assert not any(p == "acquired" for _, p, _ in got), got


def test_the_company_is_not_the_paper_someone_spoke_to():
    got = facts("Kessel Shea has bought a plant in Tamale. Speaking to the Volta Times in Accra, the General "
                "Manager of the company, Dr. Kofi Turpin, said the plant would open in May.")
    assert not any(p == "worksFor" and o == "Volta Times" for _, p, o in got), got


def test_an_organisation_ner_missed_after_a_title_and_of():
    got = facts("Berno Stalder, Director of SBS, focused on the positive business developments of recent years.")
    assert ("Berno Stalder", "jobTitle", "Director") in got, got
    assert any(o == "SBS" for _, p, o in got if p in {"worksFor", "leads"}), got
    assert ("Ann Roe", "jobTitle", "Director of Marketing") in facts("Ann Roe, Director of Marketing, spoke.")


def test_a_company_before_a_lower_case_title_the_parser_hung_on_the_name():
    got = facts("Those appointed include: Kessel Shoe Company chief executive Alberto Errico, Samuel Kiruthu "
                "director of Leather Limited, and John Muriuki.")
    assert ("Alberto Errico", "leads", "Kessel Shoe Company") in got, got


@pytest.mark.parametrize("text, person, title, predicate, organisation", [
    ('"Sales rose," said Omar al Harthy, Chief Executive Officer — Dhofar Stone Company.',
     "Omar al Harthy", "Chief Executive Officer", "leads", "Dhofar Stone Company"),
    ('"Demand is rising," said Priya Raman, Head of Research – Coastal Capital Partners.',
     "Priya Raman", "Head of Research", "worksFor", "Coastal Capital Partners"),
    ("Tomas Oduya, Chief Operating Officer - Nile Breweries Limited, opened the plant.",
     "Tomas Oduya", "Chief Operating Officer", "worksFor", "Nile Breweries Limited"),
])
def test_a_title_before_a_dash_is_held_at_the_organisation_after_it(text, person, title, predicate, organisation):
    got = facts(text)
    assert (person, "jobTitle", title) in got, got
    assert (person, predicate, organisation) in got, got


@pytest.mark.parametrize("text, buyer, bought", [
    ("The regulator approved the acquisition of Kestrel Foods by Marlow Holdings last week.",
     "Marlow Holdings", "Kestrel Foods"),
    ("The takeover of Brightwater Telecom by Orion Group was completed in March.", "Orion Group", "Brightwater Telecom"),
    ("Following the acquisition of Pioneer Bank by Equity Group Holdings, the branch closed.",
     "Equity Group Holdings", "Pioneer Bank"),
])
def test_the_acquisition_of_one_company_by_another(text, buyer, bought):
    got = facts(text)
    assert (buyer, "acquired", bought) in got, got
    assert (bought, "acquired", buyer) not in got, got


def test_a_place_in_a_list_of_countries_lies_in_the_first_only():
    got = facts("The railway is the main outlet for land-locked areas such as Limpopo province in South Africa, "
                "Lesotho, Botswana, Zambia and Malawi.")
    assert ("Limpopo province", "locatedIn", "South Africa") in got, got
    assert not any(p == "locatedIn" and s == "Limpopo province" and o != "South Africa" for s, p, o in got), got


def test_a_list_of_clubs_with_a_place_of_its_own_is_no_containment():
    got = facts("Before joining Samoa, the Auckland born played for Sale Sharks, Newport in Wales and Bath in 2005.")
    assert not any(s == "Sale Sharks" and p == "locatedIn" for s, p, o in got), got


def test_a_continent_lies_in_no_country_whatever_a_city_of_its_name():
    got = facts("She worked in Asia and Africa before moving to Manila, Philippines.")
    assert not any(s == "Asia" and p == "locatedIn" for s, p, o in got), got


def test_the_chair_of_a_companys_board_leads_the_company():
    got = facts("Ravi Menon has been appointed chairman of the Kestrel Holdings board.")
    assert ("Ravi Menon", "leads", "Kestrel Holdings") in got, got


@pytest.mark.parametrize("text, name", [
    ("Harshad Bhatt has been appointed chairman of the Kestrel Holdings board.", "Harshad Bhatt"),
    ("Our keynote speaker\n\nLeonida Njeri\n\nMs Njeri is a freelance interpreter in Nairobi.", "Leonida Njeri"),
])
def test_a_given_name_ner_cut_off_a_person_is_joined_again(text, name):
    assert entities(text).get(name, ("",))[0] == "Person", entities(text)


def test_an_honorific_opening_a_sentence_is_no_given_name():
    ents = entities("Richard Okoth chairs the trust. Dr Okoth was its director.")
    assert "Dr Okoth" not in ents and "Richard Okoth" in ents, ents


@pytest.mark.parametrize("text", [
    "In 2016, Vantor Capital took over Brightwater Telecom as part of a larger buyout.",
    "Brightwater Telecom was taken over by Vantor Capital.",
])
def test_a_company_taken_over_is_acquired(text):
    assert ("Vantor Capital", "acquired", "Brightwater Telecom") in facts(text), facts(text)


def test_an_organisation_ner_missed_whose_name_ends_in_its_noun():
    assert entities("Orion Group has taken over Brightwater Telecom.").get("Orion Group", ("",))[0] == "Organization"
    assert "Premier League" not in entities("Kessel Town is a Premier League football club based in Leeds.")


def test_a_universitys_vice_chancellor_leads_it():
    got = facts("Prof. Elly Okello was yesterday officially announced as the new Kestrel University Vice Chancellor.")
    assert ("Elly Okello", "leads", "Kestrel University") in got, got


@pytest.mark.parametrize("text, owner", [
    ("Kestrel Foods has announced the permanent appointment of Miles Harlow as chief executive.", "Kestrel Foods"),
    ("The board approved the appointment of Miles Harlow as chief executive of Kestrel Foods.", "Kestrel Foods"),
])
def test_the_appointment_of_someone_as_a_title(text, owner):
    got = facts(text)
    assert ("Miles Harlow", "jobTitle", "chief executive") in got, got
    assert ("Miles Harlow", "leads", owner) in got, got


@pytest.mark.parametrize("text", [
    "Kestrel Foods opposed the appointment of Miles Harlow as chief executive.",
    "The port authority welcomed the Harbour Council's appointment of Miles Harlow as CEO of the port authority.",
])
def test_an_appointment_the_subject_did_not_make_names_no_employer(text):
    got = facts(text)
    assert not any(p in {"leads", "worksFor"} for _, p, _ in got), got


def test_an_acronym_before_a_lower_case_title_is_the_organisation():
    got = facts("Ruiz was named by FIDE president Kirsan Ilyumzhinov to the panel.")
    assert ("Kirsan Ilyumzhinov", "leads", "FIDE") in got, got
    assert not any(p == "worksFor" for _, p, _ in facts("The company president Jo Orr spoke.")), \
        facts("The company president Jo Orr spoke.")
    got = facts("The trust is led by Chairman Tom Hale, Managing and Artistic Director Ann Roe, and others.")
    assert not any(o == "Artistic" for _, _, o in got), got


@pytest.mark.parametrize("text, predicate", [
    ("Marlow Holdings has reported the purchase of 67% of the salmon company Kestrel Foods SA.", "acquired"),
    ("Marlow Holdings announced the purchase of a majority of Kestrel Foods SA.", "acquired"),
    ("Marlow Holdings announced the purchase of 10% of Kestrel Foods SA.", "investsIn"),
])
def test_the_purchase_of_a_share_of_a_company(text, predicate):
    got = facts(text)
    assert ("Marlow Holdings", predicate, "Kestrel Foods SA") in got, got
    assert len({p for _, p, _ in got if p in {"acquired", "investsIn"}}) == 1, got


def test_a_name_that_appoints_someone_as_its_own_officer_is_an_organisation():
    got = entities("McLaren appointed Andrea Stella as their team principal.")
    assert got.get("McLaren", ("",))[0] == "Organization", got
    assert ("Andrea Stella", "leads", "McLaren") in facts("McLaren appointed Andrea Stella as their team principal.")


def test_the_name_before_a_newspaper_is_the_newspapers():
    assert entities("The Dawn newspaper's printline changed on Monday.").get("Dawn", ("",))[0] == "Organization"
    assert entities("She is a reporter for the Metropolis newspaper, the Daily Planet.").get(
        "Metropolis", ("",))[0] != "Organization"


def test_we_is_the_organisation_the_text_names_most():
    got = facts("Kestrel Insurance serves Ohio. We're headquartered in Dayton, but every Kestrel Insurance office "
                "is a home for our customers.")
    assert ("Kestrel Insurance", "headquarteredIn", "Dayton") in got, got
    assert not any(s.startswith("author of") or o.startswith("author of") for s, _, o in got), got


def test_a_ballet_is_an_organisation():
    got = entities("She danced with the New York City Ballet and the Kirov Ballet.")
    assert got.get("Kirov Ballet", ("",))[0] == "Organization", got


@pytest.mark.parametrize("text, place, person", [
    ("SINGAPORE - Mr Rajesh Kumar has been appointed chairman of the Kestrel Holdings board.", "SINGAPORE",
     "Rajesh Kumar"),
    ("KARACHI: Zaffar Abbas is the new editor of Dawn.", "KARACHI", "Zaffar Abbas"),
])
def test_a_datelines_place_is_a_place_apart_from_the_name_after_it(text, place, person):
    got = entities(text)
    assert got.get(place, ("",))[0] == "Place", got
    assert got.get(person, ("",))[0] == "Person", got


@pytest.mark.parametrize("text, name", [
    ("The Kestrel Racing Club has appointed Michael T H Lee as chairman.", "Michael T H Lee"),
    (("Also re-elected was Asian Chess Federation president Sheikh Sultan bin Khalifah Al Nahyan of the United Arab "
      "Emirates."), "Sheikh Sultan bin Khalifah Al Nahyan"),
])
def test_a_name_ner_cut_at_initials_or_a_particle_is_one_person(text, name):
    got = entities(text)
    assert got.get(name, ("",))[0] == "Person", got


def test_a_number_word_of_a_name_before_a_title_is_no_part_of_it():
    got = facts("Kestrel appointed Andrea Stella as their Formula One team principal on Tuesday.")
    assert ("Andrea Stella", "jobTitle", "team principal") in got, got


def test_a_surname_joins_the_full_name_before_its_generational_suffix():
    got = entities("William Charles DeMott II is a retired wrestler. DeMott later trained wrestlers for the company.")
    assert "DeMott" not in got and "William Charles DeMott II" in got, got


@pytest.mark.parametrize("text, predicate", [
    # a deal only planned or blocked is no acquisition
    ("The proposed acquisition of Kestrel Foods by Marlow Holdings was blocked by regulators.", "acquired"),
    ("Marlow Holdings abandoned its planned takeover of Kestrel Foods.", "acquired"),
    ("Marlow Holdings is in talks on a possible acquisition of Kestrel Foods.", "acquired"),
    ("The acquisition of Kestrel Foods by Marlow Holdings was blocked by the Competition Commission.", "acquired"),
    # the year someone joined is no birth date
    ("Varela, who was born in Seville, joined ABT in 1997 and was promoted to soloist a year later.", "birthDate"),
    ("Moreno, who was born in Bilbao, joined NYCB in 1999 and was promoted to principal two years later.",
     "birthDate"),
    # a country's boss is its national team's, whatever the list
    ("The club was linked with former Peru and Chile boss Tomas Varga.", "nationality"),
    # a deal only planned or hedged is no deal yet
    ("Heineken plans to acquire Kestrel Foods and Namibia Breweries.", "acquired"),
    ("Vantor Capital will acquire Brightwater Telecom next year.", "acquired"),
    ("Malaysia's Kestrel Healthcare Bhd said it will acquire the remaining stake in Ravindra Medical Associates.",
     "investsIn"),
    # the countries a company operates in are not its headquarters
    (("Marlow Ports is growing. It operates nine terminals in four African countries – Egypt, Kenya, Ghana and "
      "Senegal."), "headquarteredIn"),
])
def test_what_a_sentence_only_seems_to_state(text, predicate):
    got = facts(text)
    assert not any(p == predicate for _, p, _ in got), got


def test_a_capitalised_verb_after_its_auxiliary_is_no_name():
    got = entities("The town lies near the border. It was Founded by Marco Vellani in 1923.")
    assert "Founded" not in got, got


def test_who_plays_for_a_club_is_a_person():
    text = ("Riyadh – The state fund will take control of four top clubs including Al Nassr, which Cristiano "
            "Ronaldo plays for.")
    assert entities(text).get("Cristiano Ronaldo", ("",))[0] == "Person", entities(text)
    assert ("Cristiano Ronaldo", "memberOf", "Al Nassr") in facts(text), facts(text)


def test_a_given_name_that_is_also_a_towns_opens_a_persons_name():
    got = entities("The town was founded by Lucas Ferreira Peña in 1923.")
    assert got.get("Lucas Ferreira Peña", ("",))[0] == "Person", got


@pytest.mark.parametrize("text, name", [
    ("Tata Motors opened a plant in Pune, Maharashtra, last year.", "Maharashtra"),
    ("He was elected from Haryana in 2014.", "Haryana"),
    ("The new campus is in Chennai, Tamil Nadu.", "Tamil Nadu"),
    ("Ravi Kumar (born 4 May 1990, Durg, Madhya Pradesh) is an Indian bowler.", "Durg"),
])
def test_a_region_or_city_written_without_its_accents_is_a_place(text, name):
    got = entities(text)
    assert got.get(name, ("",))[0] == "Place", got


def test_a_town_before_its_region_is_no_one_living_there():
    got = facts("Ravi Kumar (born 4 May 1990, Durg, Madhya Pradesh now Chhattisgarh) is an Indian bowler.")
    assert not any(p == "livesIn" for _, p, _ in got), got


def test_a_preposition_opening_the_sentence_is_no_part_of_a_name():
    got = entities("Following Varnell's death in 1901, Tom Ashby was appointed art director of the firm.")
    assert "Varnell" in got and not any(label.startswith("Following") for label in got), got
    assert got["Varnell"][0] == "Person", got


def test_the_college_one_played_for_is_where_one_studied():
    got = facts("After playing college football for Idaho Falls University, Dale Kemper was drafted by the "
                "Denver Broncos.")
    assert ("Dale Kemper", "educatedAt", "Idaho Falls University") in got, got
    assert ("Dale Kemper", "worksFor", "Idaho Falls University") not in got, got


@pytest.mark.parametrize("text, born, died", [
    ("Ramon Ilves (11 September 1911 – 5 February 1971) was an Estonian composer.",
     "11 September 1911", "5 February 1971"),
    ("John Tarrant Hale (October 6, 1814 – July 24, 1854) was a U.S. Representative from Ohio.",
     "October 6, 1814", "July 24, 1854"),
])
def test_a_lifespan_written_with_its_days(text, born, died):
    got = facts(text)
    name = text.split(" (")[0]
    assert {(name, "birthDate", born), (name, "deathDate", died)} <= got, got


def test_a_birth_date_keeps_its_day():
    got = facts("Herbert Vale (born 15 November 1941) is the owner of Vale Motors.")
    assert {o for _, p, o in got if p == "birthDate"} == {"15 November 1941"}, got


@pytest.mark.parametrize("text, deal", [
    ("Tamura Denko completed the acquisition of Brightwater Telecom.",
     ("Tamura Denko", "acquired", "Brightwater Telecom")),
    ("Kestrel Chemical completed its planned acquisition of an 87.61 percent stake in Brightwater Telecom.",
     ("Kestrel Chemical", "acquired", "Brightwater Telecom")),
    ("Marlow Group bought a 67% stake in Kestrel Foods.", ("Marlow Group", "acquired", "Kestrel Foods")),
    ("Marlow Group bought a 12% stake in Kestrel Foods.", ("Marlow Group", "investsIn", "Kestrel Foods")),
])
def test_a_deal_done_is_stated(text, deal):
    got = facts(text)
    assert deal in got, got


def test_a_countrys_possessive_is_no_part_of_a_companys_name():
    got = entities("South Korea's Halla Chemical Corp. has acquired a 4.5 percent stake in Kessel Foods.")
    assert "Halla Chemical Corp." in got and not any("Korea's" in label for label in got), got


@pytest.mark.parametrize("text, name", [
    ("Molnar Zrt. won the contract.", "Molnar Zrt"),
    ("Sime Darby Berhad got consent to buy Gough Holdings.", "Sime Darby Berhad"),
])
def test_a_legal_ending_of_another_country_makes_an_organisation(text, name):
    got = entities(text)
    assert got.get(name, ("",))[0] == "Organization", got


def test_a_based_before_a_name_is_no_part_of_it():
    got = entities("The merger between Naperville-based Office Hub Inc. and Boca Raton, Fla.-based Paper Stop Inc. is "
                   "complete.")
    assert "Paper Stop Inc." in got and not any("based" in label for label in got), got


def test_a_countrys_coach_is_its_national_teams_whatever_his_nationality():
    got = facts("Peru's previous coach, Tomas Varga, left the job in November.")
    assert not any(p == "nationality" for _, p, _ in got), got


def test_two_chiefs_side_by_side_keep_their_own_companies():
    got = facts("Brightmax CEO Ravi Sundaram and Paper Stop CEO Neil Carver will serve as co-CEOs.")
    assert ("Ravi Sundaram", "leads", "Brightmax") in got, got
    assert not any(o == "Ravi Sundaram" for _, _, o in got), got


def test_a_name_a_company_takes_is_no_thing_it_uses():
    got = facts("The merger of Brightmax and Paper Stop is complete. The company will use the name Paper Stop Inc. and "
                "will trade on the Nasdaq.")
    assert not any(p == "uses" for _, p, _ in got), got


def test_a_field_of_study_is_no_school():
    got = facts("Raj Kumar graduated from Kessel Institute of Technology in Marine Engineering in 1980, and later "
                "completed his PhD in Aerospace engineering from Varn University.")
    assert not any(p == "educatedAt" and o in {"Marine Engineering", "Aerospace"} for _, p, o in got), got


def test_a_majority_shared_by_two_buyers_is_no_takeover_by_either():
    got = facts("Nissin Foods and Kestrel Group took a 60% stake in Brightwater Telecom.")
    assert ("Kestrel Group", "investsIn", "Brightwater Telecom") in got, got
    assert not any(p == "acquired" for _, p, _ in got), got


def test_its_after_a_name_and_its_abbreviation_is_that_names():
    got = facts("Vantor Capital bought a 15% stake in Kessel Spirits from Brightwater Holdings Limited (BHL) and "
                "its subsidiaries Palmer Investment Group and Lodestar Trading.")
    assert ("Palmer Investment Group", "subsidiaryOf", "Vantor Capital") not in got, got


def test_the_second_of_two_chiefs_keeps_his_title_alone():
    got = facts("Brightmax CEO Ravi Sundaram and Paper Stop CEO Neil Carver will serve as co-CEOs.")
    assert {o for s, p, o in got if s == "Neil Carver" and p == "jobTitle"} == {"CEO"}, got


@pytest.mark.parametrize("text, person, title", [
    ("President Tom Vale named economist Ann Roe as finance minister.", "Ann Roe", "finance minister"),
    ("Former Olympic swimmer Kirsty Vane was named as sports minister.", "Kirsty Vane", "sports minister"),
    ("Kenya's finance minister Henry Kamau presented the budget.", "Henry Kamau", "finance minister"),
])
def test_a_minister_has_a_job_title(text, person, title):
    got = facts(text)
    assert (person, "jobTitle", title) in got, got


def test_a_place_before_headquartered_is_the_headquarters():
    got = facts("Hornby-headquartered Gough Group employs more than 950 people.")
    assert ("Gough Group", "headquarteredIn", "Hornby") in got, got


@pytest.mark.parametrize("text, pair", [
    ("Jo Hale, the ex-CEO of Vireo Group, spoke at the summit.", ("Jo Hale", "Vireo Group")),
    ("The late chairman of Kessel Bank, Tom Reyes, was buried on Monday.", ("Tom Reyes", "Kessel Bank")),
    ("Ann Lee previously worked at Zentro Labs.", ("Ann Lee", "Zentro Labs")),
    ("Mthuli Kamau, a former vice president of the Meridian Development Bank, was named finance minister.",
     ("Mthuli Kamau", "Meridian Development Bank")),
    ("Prior to joining Vireo Bank, Mr Okafor was an executive director at Kessel Bank.", ("Okafor", "Kessel Bank")),
    ("Ann Roy was chairman of Brightwater Telecom until 2015.", ("Ann Roy", "Brightwater Telecom")),
    ("Ann Roy served as chief executive of Brightwater Telecom from 1994 to 1997.", ("Ann Roy", "Brightwater Telecom")),
    ("Tariq Mensah resigned as chief executive of Harbor Freightways in 2019.", ("Tariq Mensah", "Harbor Freightways")),
    ("Joana Ruiz stepped down as chairman of Quarry Mills last year.", ("Joana Ruiz", "Quarry Mills")),
    ("Bako Ade was sacked as coach of Jos Rangers in May.", ("Bako Ade", "Jos Rangers")),
    ("Pim Aalders, having retired as head of research at Vantor Capital, joined a charity.",
     ("Pim Aalders", "Vantor Capital")),
    ("Kofi Anane ran Velmont Steel from 2012 to 2016.", ("Kofi Anane", "Velmont Steel")),
    ("Ruth Amadi is the former chairman and chief executive of Orla Cement.", ("Ruth Amadi", "Orla Cement")),
    ("Fahad Rashid had been chief executive of Vireo Group for 11 years.", ("Fahad Rashid", "Vireo Group")),
    ("Prior to his return to India in 1992, Ravi Menon worked at the Lawrence Berkeley Laboratory.",
     ("Ravi Menon", "Lawrence Berkeley Laboratory")),
    ("Tomas Ruiz, the coach of Kestrel United, lost the final. The next morning he was sacked.",
     ("Tomas Ruiz", "Kestrel United")),
    ("Ann Lee joined Vireo Group in 2001 as an analyst. She retired from Vireo Group in 2019.", ("Ann Lee", "Vireo Group")),
])
def test_a_post_held_before_is_marked_former(text, pair):
    g = graph(text)
    label = {e.iri: e.label for e in g.entities}
    ties = [r for r in g.relations if (label.get(r.subject), label.get(r.obj)) == pair]
    assert ties and all(r.former for r in ties), [(r.predicate, r.former) for r in g.relations]


@pytest.mark.parametrize("text", [
    "Tom Cole, the chief executive of Brightwater Telecom, spoke.",
    "Ann Roy has been chief executive of Brightwater Telecom since 2019.",
    "Tariq Mensah will step down as chief executive of Harbor Freightways in March.",
    "Kofi Anane has run Velmont Steel from 2012 to the present.",
])
def test_a_current_post_is_not_former(text):
    g = graph(text)
    assert g.relations and not any(r.former for r in g.relations), g.relations


def test_both_titles_after_former_are_held_before():
    g = graph("Ruth Amadi is the former chairman and chief executive of Orla Cement.")
    titles = [r for r in g.relations if r.predicate == "jobTitle"]
    assert titles and all(r.former for r in titles), titles


def test_a_post_held_now_beside_one_held_before_is_current():
    g = graph("Omar Hadid, the former chairman and current chief executive of Nile Cement, spoke.")
    assert [r.former for r in g.relations if r.predicate == "leads"] == [False], g.relations


def test_the_employer_after_served_as_a_title_is_the_titles():
    got = facts("Chidi Eze served as director of operations at Kano Flour Mills.")
    assert ("Chidi Eze", "worksFor", "Kano Flour Mills") in got, got


@pytest.mark.parametrize("text, name", [
    ("Nkem Obi joined Zenith Bank as chief economist in 2010.", "Nkem Obi"),
    ("Ifeoma Eze served as managing director of Kano Mills.", "Ifeoma Eze"),
])
def test_who_takes_a_post_as_a_title_is_a_person(text, name):
    got = entities(text)
    assert got.get(name, ("",))[0] == "Person", got


@pytest.mark.parametrize("text, name", [
    ("EnviroWaste said profits rose.", "EnviroWaste"),
    ("The deal with Bolton Equities closed.", "Bolton Equities"),
    ("Coca-Cola FEMSA will buy Brazilian coke bottler Spaipa Industria.", "Spaipa Industria"),
    ("The company announced it through a statement on Tadawul, the Saudi stock exchange.", "Tadawul"),
])
def test_a_coined_word_or_a_business_noun_makes_an_organisation(text, name):
    got = entities(text)
    assert got.get(name, ("",))[0] == "Organization", got


@pytest.mark.parametrize("text, not_a_name", [
    ("SANTIAGO, Sept 8 - Chilean power generator Colbun appointed Tomas Vidal as chief executive.", "Sept 8"),
    ("Vantor Capital paid INR31.3bn for the stake.", "INR31.3bn"),
])
def test_a_date_or_a_sum_is_no_name(text, not_a_name):
    assert not_a_name not in entities(text), entities(text)


def test_a_knights_company_is_not_his_name():
    got = entities("Sir Ron Blakely's Guinness Peat Group sold its stake in Kessel Foods.")
    assert got.get("Guinness Peat Group", ("",))[0] == "Organization", got
    assert got.get("Sir Ron Blakely", ("",))[0] == "Person", got


def test_a_name_before_a_ministers_title_is_its_portfolio_not_an_employer():
    got = facts("The pact was signed in the presence of Union Power Minister Raj Kumar Sinha and Bihar Energy Minister "
                "Vijay Prasad Yadav.")
    assert not any(p == "worksFor" for _, p, _ in got), got


def test_a_titles_short_form_in_parentheses_holds_no_title():
    got = facts("They are Tri Wulan Harini as Minister of Social Affairs (Mensos), Sandiaga Prakoso as Minister of "
                "Tourism and Creative Economy (Menparekraf), and Budi Santoso as Minister of Health.")
    assert ("Budi Santoso", "jobTitle", "Minister of Health") in got, got
    assert not any(s == "Mensos" for s, _, _ in got), got
    assert not any("(" in o for _, p, o in got if p == "jobTitle"), got


def test_a_given_name_ner_took_for_an_organisation_opens_the_persons_name():
    got = entities("Rufus Seaman Holt (March 31, 1866 – 1932) was a farmer in Nova Scotia.")
    assert got.get("Rufus Seaman Holt", ("",))[0] == "Person", got


def test_a_region_after_its_town_takes_no_apposition_and_places_the_town():
    text = ("Tom Halvorsen Holt (1866 – 1932) was a farmer. He was born in Cumberland County, Nova Scotia, the son "
            "of William Dobson Holt and Mary Ann Reed. He traded lumber with the United States.")
    assert entities(text)["Nova Scotia"][0] == "Place", entities(text)
    got = facts(text)
    assert ("Cumberland County", "locatedIn", "United States") not in got, got
    assert not any(s == "Nova Scotia" and p == "childOf" for s, p, _ in got), got


def test_whom_one_marries_is_a_person():
    assert entities("In 1894, he married Ella Mabel Morrison.")["Ella Mabel Morrison"][0] == "Person"


def test_a_date_written_in_part_takes_the_full_one_of_the_same_fact():
    g = graph("Carl Vossberg (17 October 1890 – 2 February 1964) was a painter. He died in Hanover in 1964.")
    deaths = [r for r in g.relations if r.predicate == "deathDate"]
    assert {r.obj for r in deaths} == {"2 February 1964"}, [(r.obj, r.extractor) for r in deaths]
    assert len({r.object_span for r in deaths}) == 2  # both sentences stay its evidence


def test_a_list_of_towns_is_no_town_and_its_province():
    got = facts("It runs data centres in Johannesburg, Cape Town, Nairobi, Harare and Kigali. Kenya is its biggest market.")
    assert ("Nairobi", "locatedIn", "Kenya") in got, got


def test_a_son_is_he_whatever_his_given_name_says():
    # "Zola" is a woman's name in Faker's lists; "the son of" says otherwise
    got = facts("Dr Zola Mthethwa spoke at the launch. Mthethwa was born in Durban and is the son of Nomsa "
                "Mthethwa. He studied law at Rhodes University.")
    assert ("Zola Mthethwa", "educatedAt", "Rhodes University") in got, got
    assert not any(s == "Nomsa Mthethwa" and p == "educatedAt" for s, p, _ in got), got


@pytest.mark.parametrize("text", [
    "The resignation of Deputy President Tomas Mabe was announced on Monday.",
    "Georges Lenk, who quit as Algeria coach last month, joined Tema Stars.",
])
def test_a_title_left_is_held_before(text):
    g = graph(text)
    titles = [r for r in g.relations if r.predicate == "jobTitle"]
    assert titles and all(r.former for r in titles), g.relations


@pytest.mark.parametrize("text, name", [
    ("The northern state of Kebbi has a new governor.", "Kebbi"),
    ("Dapo Abiona was elected governor of Ogun State in 2019.", "Ogun State"),
])
def test_a_state_of_a_federation_is_a_place(text, name):
    got = entities(text)
    assert got.get(name, ("",))[0] == "Place", got


@pytest.mark.parametrize("text, name", [
    ("Mominul Haque stepped down as Test captain in May.", "Mominul Haque"),
    ("After Mominul Haque resigned, the board named a new captain.", "Mominul Haque"),
])
def test_who_stands_down_is_a_person(text, name):
    got = entities(text)
    assert got.get(name, ("",))[0] == "Person", got


def test_a_countrys_own_body_is_that_countrys_in_each_document():
    from kg.pipeline import extract_many
    texts = [("ACCRA - Ghana's Electoral Commission fixed the vote in Ghana. Ama Boateng, who chairs the Electoral "
              "Commission, spoke."),
             ("ABUJA - Nigeria's Electoral Commission fixed a rerun in Nigeria. Musa Bello, chairman of the Electoral "
              "Commission, spoke."),
             "Voters in Ghana queued early. The Electoral Commission praised voters across Ghana."]
    graphs = list(extract_many(Document.from_text(t, f"{i}.txt") for i, t in enumerate(texts)))
    bodies = [{e.iri: e.label for e in g.entities if "Electoral" in e.label} for g in graphs]
    assert list(bodies[0].values()) == ["Electoral Commission (Ghana)"], bodies
    assert list(bodies[1].values()) == ["Electoral Commission (Nigeria)"], bodies
    assert bodies[2] == bodies[0], bodies  # the same country's: one body


def test_a_nationality_before_a_name_ner_missed_does_not_hide_it():
    got = entities("German Antoine Weber has been appointed as the new head coach of Accra Lions.")
    assert got.get("Antoine Weber", ("",))[0] == "Person", got


@pytest.mark.parametrize("text, person, country", [
    ("The Ghanaian striker Kofi Asare joined Tema Stars.", "Kofi Asare", "Ghana"),
    ("Ethiopian runner Haile Bekele won the race.", "Haile Bekele", "Ethiopia"),
    ("Serbian Dragan Petrovic is the new head coach of Accra Lions.", "Dragan Petrovic", "Serbia"),
    ("German Antoine Weber has been appointed as the new head coach of Accra Lions.", "Antoine Weber", "Germany"),
])
def test_a_demonym_of_any_country_gives_a_nationality(text, person, country):
    assert (person, "nationality", country) in facts(text), facts(text)



def test_whom_a_president_appoints_as_minister_holds_the_title():
    got = facts("Moldovan President Ana Rusu officially appointed Victor Lungu, the Liberal Union leader, as prime minister.")
    assert ("Victor Lungu", "jobTitle", "prime minister") in got, got
    assert ("Ana Rusu", "jobTitle", "prime minister") not in got, got


def test_a_part_played_is_no_employer():
    got = facts("At the Hanmer Theatre he worked with Ruth Bell and played Alcibiades and King Lear.")
    assert not any(p == "worksFor" and o in {"Alcibiades", "King Lear"} for _, p, o in got), got


def test_a_town_that_speaks_for_itself_is_no_place():
    got = entities("At least 12 people died in the floods, Xinhua said.")
    assert got.get("Xinhua", ("",))[0] == "Organization", got


def test_a_town_before_a_player_is_a_club_and_a_country_a_national_team():
    got = entities("The former Genoa and Netherlands player spoke on Monday.")
    assert got.get("Genoa", ("",))[0] == "Organization" and got.get("Netherlands", ("",))[0] == "Place", got


def test_an_abbreviated_title_ends_no_sentence_and_is_no_part_of_the_name():
    got = facts("According to Atty. Ramon Cruz, Felipe Santos died on May 27.")
    assert ("Felipe Santos", "deathDate", "May 27") in got, got
    assert not any(s == "Ramon Cruz" and p == "deathDate" for s, p, _ in got), got


@pytest.mark.parametrize("text", [
    "Until his death, Omar Bello was the chairman of Kano Mills.",
    "Mohamed Rahim has stood down as chairman of Emaar Holdings.",
])
def test_a_post_held_until_death_or_stood_down_from_is_held_before(text):
    g = graph(text)
    posts = [r for r in g.relations if r.predicate in {"leads", "jobTitle"}]
    assert posts and all(r.former for r in posts), g.relations


def test_a_town_after_a_universitys_name_is_a_place():
    got = entities("Musa Bello, the registrar of Ahmadu Bello University, Zaria, spoke.")
    assert got.get("Zaria", ("",))[0] == "Place", got


def test_a_generic_hospital_in_two_towns_is_two_hospitals():
    got = facts("Danladi Musa is the Chief Medical Director of the Federal Teaching Hospital, Gombe. Ahmed Aliyu "
                "heads the Federal Teaching Hospital, Lafia.")
    assert ("Danladi Musa", "worksFor", "Federal Teaching Hospital, Gombe") in got, got
    assert ("Ahmed Aliyu", "leads", "Federal Teaching Hospital, Lafia") in got, got


def test_a_social_network_is_no_one():
    got = entities("Umar Bello wrote on Twitter that he was honoured.")
    assert got.get("Twitter", ("",))[0] != "Person", got


def test_the_bank_after_the_apex_bank_in_its_sentence_is_another_bank():
    got = facts("The Central Bank of Kenya has approved the appointment of Tom Maranga as managing director of "
                "Lakeside Bank. The apex bank's approval came four months after the bank appointed Maranga as "
                "acting managing director.")
    assert ("Tom Maranga", "leads", "Lakeside Bank") in got, got
    assert not any(s == "Tom Maranga" and o == "Central Bank of Kenya" for s, _, o in got), got


def test_a_clubs_name_before_its_coach_is_the_clubs():
    got = entities("Wolfsburg appointed former Werder Bremen coach Florian Kohl to take over the team.")
    assert got.get("Werder Bremen", ("",))[0] == "Organization", got


def test_every_minister_in_a_list_after_a_courtesy_title_holds_the_title():
    got = facts("President Kofi Mensah swore in the ministers. They are Ms Fatima Bako, Minister of Information; "
                "Mr Yaw Tetteh, Minister of Health; and Mr Titus Adjei, Greater Accra Regional Minister.")
    assert ("Fatima Bako", "jobTitle", "Minister of Information") in got, got
    assert ("Yaw Tetteh", "jobTitle", "Minister of Health") in got, got
    assert ("Titus Adjei", "jobTitle", "Greater Accra Regional Minister") in got, got


@pytest.mark.parametrize("text, name", [
    ("Ruiz resigned in May to join US miner Mintela as its chief operating officer.", "Mintela"),
    ("Shares in Brevanta were up almost 2% on Thursday.", "Brevanta"),
])
def test_a_name_no_gazetteer_knows_spoken_of_as_an_employer_is_no_place(text, name):
    got = entities(text)
    assert got.get(name, ("",))[0] == "Organization", got


def test_the_company_is_no_university():
    got = facts("Chile's state-owned Codavia, the world's top copper miner, has named Octavio Ruiz as its chief "
                "executive. The University of Chile-educated miner began his career at Codavia in the company's "
                "El Teniente division.")
    assert not any(o == "University of Chile" and p in {"worksFor", "leads", "subsidiaryOf"} for _, p, o in got), got


@pytest.mark.parametrize("text, former, current", [
    ("Tom Berg began his career as a trainee accountant at Brevant in Lagos.", {"trainee accountant"}, set()),
    ("Rector Kim Lee, formerly Provost and Executive Vice President of Kestrel Institute, was elected in May.",
     {"Executive Vice President", "Kestrel Institute"}, set()),
    ("Ana Ruiz joined Tarvola in 2008. Before that, she worked at Brevant Systems.", {"Brevant Systems"},
     {"Tarvola"}),
    ("Omar Zane was a researcher at Kestrel Labs. Zane, who left Kestrel Labs in September, founded a startup.",
     {"Kestrel Labs"}, set()),
])
def test_a_post_before_another_is_held_before(text, former, current):
    g = graph(text)
    labels = {e.iri: e.label for e in g.entities}
    held = {(labels.get(r.obj, r.obj), r.former) for r in g.relations
            if r.predicate in {"worksFor", "leads", "jobTitle", "memberOf"}}
    assert {(o, True) for o in former} <= held and {(o, False) for o in current} <= held, held
    assert not {(o, False) for o in former} & held, held


def test_a_thing_named_after_a_person_is_not_the_persons_surname():
    g = graph("Vexa unveiled a new processor design called Korvath on Monday. The Korvath chips will ship in May. "
              "Korvath, named after Ada Korvath, the first woman in the academy, has a tough act to follow.")
    person = next(e for e in g.entities if e.label == "Ada Korvath")
    assert "Korvath" not in person.alt_labels, g.entities
    assert any(e.label == "Korvath" and e.cls == "Product" for e in g.entities), g.entities


def test_a_name_ends_before_a_small_as():
    got = entities("Among other changes, the company also promoted Karim Haddad as Group CTIO from Feb. 1.")
    assert got.get("Karim Haddad", ("",))[0] == "Person", got


def test_a_title_between_two_names_without_a_comma_is_the_second_names():
    got = facts("Ana Ruiz resigned as chief executive of Tarvola. In addition to Ruiz, Director of Public Affairs "
                "Omar Haddad, and Commissioner Tom Berg have tendered their resignations.")
    assert ("Omar Haddad", "jobTitle", "Director of Public Affairs") in got, got
    assert ("Ana Ruiz", "jobTitle", "Director of Public Affairs") not in got, got


def test_an_apposition_after_the_second_of_two_appointees_is_the_seconds():
    got = facts("Samsung Electronics will appoint former Vice Chairman Park Young-ho as the new head of the DS "
                "Division and President Cho Gye-su, the existing head of the DS Division, as the head of the "
                "Future Business Planning Department.")
    assert ("Park Young-ho", "jobTitle", "head") in got, got
    assert ("Park Young-ho", "jobTitle", "existing head") not in got, got


def test_each_founder_in_a_list_of_names_and_titles_founded_their_own():
    got = facts("The fund is backed by Lars Östman, co-founder of German food delivery group Kestrel Hero, Carl "
                "Lindqvist, co-founder of Stockholm-based Minecraft video game Brevant and Erik Holmgren, founder of "
                "music company Tarvola.")
    assert ("Kestrel Hero", "foundedBy", "Lars Östman") in got, got
    assert ("Tarvola", "foundedBy", "Erik Holmgren") in got, got
    assert not any(o == "Carl Lindqvist" and s in {"Kestrel Hero", "Tarvola"} for s, _, o in got), got


@pytest.mark.parametrize("text, label, short", [
    ("A top official at the Ministry of Fisheries (Minfish) will lead the agency. He was Minfish's deputy secretary.",
     "Ministry of Fisheries", "Minfish"),
    ("Kestrel American Copper (Amcops) finance director Ann Roe was appointed. Shares in Amcops rose.",
     "Kestrel American Copper", "Amcops"),
    ("Vexa Electronics Pvt Ltd will build the plant. Vexa Electronics said it would hire 900 people.",
     "Vexa Electronics Pvt Ltd", "Vexa Electronics"),
    ("Telefónica SA said it would sell the unit. Telefonica's shares rose.", "Telefónica SA", "Telefonica"),
])
def test_a_short_or_plain_spelling_of_a_name_is_the_same_entity(text, label, short):
    g = graph(text)
    named = [e for e in g.entities if e.label == short or short in e.alt_labels or e.label == label]
    assert len(named) == 1 and named[0].label == label, g.entities


def test_a_list_of_names_with_a_persons_in_it_is_no_place_in_another():
    got = facts("The strip now runs in Satakunnan Kansa, Aamulehti, Karjalainen, Keskisuomalainen, Turun Sanomat "
                "and Etelä-Saimaa.")
    assert not any(p == "locatedIn" for _, p, _ in got), got


@pytest.mark.parametrize("text, name", [
    ("The mayor of Ryazan opened the new bridge on Monday.", "Ryazan"),
    ("The painting hangs in the Chiesa Matrice of the village.", "Chiesa Matrice"),
])
def test_a_city_written_without_its_soft_sign_and_a_church_by_its_italian_word_are_places(text, name):
    got = entities(text)
    assert got.get(name, ("",))[0] == "Place", got


def test_titles_alone_name_no_one_and_a_malaysian_style_is_no_part_of_the_name():
    got = entities("The university has appointed Engr. Prof. Dr. Imran Saeed Qadri as its vice-chancellor. "
                   "Tan Sri Wan Zamri Wan Ahmad will retire next month.")
    assert not any(name.rstrip(".") in {"Prof. Dr", "Engr. Prof. Dr"} for name in got), got
    assert "Wan Zamri Wan Ahmad" in got and not any(name.startswith("Tan Sri") for name in got), got


def test_whom_a_president_removes_as_chair_held_the_chair():
    g = graph("President Jose Moreira removed Ana Lopes as chair of the board of Kestrel Petroleum on Friday.")
    labels = {e.iri: e.label for e in g.entities}
    held = {(labels[r.subject], r.obj, r.former) for r in g.relations if r.predicate == "jobTitle"}
    assert ("Ana Lopes", "chair", True) in held, held
    assert not any(s == "Jose Moreira" and o == "chair" for s, o, _ in held), held


def test_an_apposition_says_a_post_was_held_before_and_a_title_with_its_own_article_is_its_own():
    g = graph("Omar Bello, a former governor of the Bank of Kestria, was named minister. The ceremony was "
              "attended by three former ministers and the elected dean of Kestria University, Ana Ruiz.")
    labels = {e.iri: e.label for e in g.entities}
    held = {(labels[r.subject], labels.get(r.obj, r.obj), r.former) for r in g.relations}
    assert ("Omar Bello", "Bank of Kestria", True) in {(s, o, f) for s, o, f in held if o == "Bank of Kestria"}, held
    assert not any(s == "Ana Ruiz" and f for s, _, f in held), held


def test_two_relatives_of_someone_else_are_not_each_others_kin():
    got = facts("Tony Carew died on Friday. The board offered sincere condolences to his wife Jillian, his son "
                "Craig, his daughter Natalie, his grandchildren and other family and friends.")
    assert ("Natalie", "childOf", "Tony Carew") in got, got
    assert not any(p in {"childOf", "spouse"} and {s, o} <= {"Jillian", "Craig", "Natalie"} for s, p, o in got), got


@pytest.mark.parametrize("text, former, current", [
    ("Jorge Pena also served as chief executive of Kestrel Mining.", {"chief executive", "Kestrel Mining"}, set()),
    ("Ana Lopes was the editor of the Harbour Review for over 20 years.", {"editor"}, set()),
    ("Ana Lopes was Minister of Fisheries under President Tomas Ruiz in the late 1990s.",
     {"Minister of Fisheries"}, set()),
    ("Prior to Kestrel, Ana Lopes worked at Brevant Systems and Tarvola.", {"Brevant Systems", "Tarvola"}, set()),
    ("Jorge Pena has served as chair of Kestrel Mining since 2019.", set(), {"chair", "Kestrel Mining"}),
    ("Ana Lopes was chief executive of Kestrel Mining when it bought Brevant on Monday.", set(),
     {"chief executive", "Kestrel Mining"}),
    ("Before Christmas, Ana Lopes was named chief financial officer at Brevant Systems.", set(),
     {"chief financial officer"}),
])
def test_a_post_told_in_the_simple_past_is_held_before(text, former, current):
    test_a_post_before_another_is_held_before(text, former, current)


def test_whom_a_post_was_held_under_is_no_part_of_its_title():
    got = facts("Ana Lopes was Minister of Fisheries under President Tomas Ruiz in the late 1990s.")
    assert ("Ana Lopes", "jobTitle", "Minister of Fisheries") in got, got


@pytest.mark.parametrize("text, name", [
    ("Following Tomas R Haddad's decision to retire, Kestrel appointed Ana Lopes. \"I thank Tomas for his "
     "guidance,\" said Lopes.", "Tomas R Haddad"),
    ("Tomas A González will retire as CEO of Kestrel Mining in April.", "Tomas A González"),
    ("Finance Secretary Abdul Karim Haddad was appointed governor of the Kestria Bank. Abdul Karim joined the "
     "civil service in 1988.", "Abdul Karim Haddad"),
])
def test_a_name_with_a_middle_initial_or_by_its_first_words_is_one_person(text, name):
    people = [e for e in graph(text).entities if e.cls == "Person"]
    assert [e.label for e in people if name.split()[0] in e.label or name in e.alt_labels] == [name], people


def test_a_state_before_a_title_is_no_employer():
    got = facts("Mara Ortiz (born May 2, 1975) is the State Attorney for the Fifth Judicial Circuit of Kestria.")
    assert not any(o == "State" for _, _, o in got), got
    assert ("Mara Ortiz", "jobTitle", "State Attorney") in got, got


def test_each_his_in_a_list_of_relatives_is_the_same_mans():
    got = facts("Tony Carew died on Friday. He is survived by his wife Jillian, his son Craig and his daughter Natalie.")
    assert ("Natalie", "childOf", "Tony Carew") in got and ("Jillian", "spouse", "Tony Carew") in got, got
    assert not any(p in {"childOf", "spouse"} and "Tony Carew" not in {s, o} for s, p, o in got), got


def test_a_husband_is_no_child():
    got = facts("Ana Ruiz thanked her husband Tom, her daughter Eva and her son Luis.")
    assert ("Tom", "childOf", "Ana Ruiz") not in got, got


def test_who_appoints_someone_to_a_post_elsewhere_is_no_employer():
    got = facts("Beata Kowal was appointed by the Treasury as the new chief executive of Kestrel Insurance on Monday.")
    assert ("Beata Kowal", "leads", "Kestrel Insurance") in got, got
    assert ("Beata Kowal", "worksFor", "Treasury") not in got, got


def test_whom_someone_replaces_held_the_post_before():
    g = graph("Omar Haddad has replaced Ali Khan as chief executive of Kestrel Mining. Lena Berg will succeed "
              "Tom Roe as coach of Kestrel United.")
    labels = {e.iri: e.label for e in g.entities}
    held = {(labels[r.subject], r.predicate, labels.get(r.obj, r.obj), r.former) for r in g.relations}
    assert {("Omar Haddad", "leads", "Kestrel Mining", False), ("Ali Khan", "leads", "Kestrel Mining", True)} <= held
    assert not any(s == "Tom Roe" for s, *_ in held), held


def test_a_captain_is_a_member_of_the_team():
    got = facts("Kestrel United captain Omar Haddad scored twice on Saturday.")
    assert ("Omar Haddad", "memberOf", "Kestrel United") in got and ("Omar Haddad", "jobTitle", "captain") in got, got


def test_a_pronoun_and_a_name_in_two_joined_clauses_may_be_one_person():
    got = facts("Kestria Bank named Abdul Karim Haddad governor, replacing Omar Bello. Abdul Karim joined the civil "
                "service in 1988. He was born in August 1964 and Abdul Karim holds a degree from Brevant University.")
    assert ("Abdul Karim Haddad", "birthDate", "August 1964") in got, got
    assert not any(s == "Omar Bello" and p == "birthDate" for s, p, _ in got), got


def test_a_person_a_post_is_said_to_be_is_no_town():
    got = facts("Kestria Council's new chief executive is Stephen Town, who has been appointed for a five-year term.")
    assert ("Stephen Town", "leads", "Kestria Council") in got, got
    assert entities("The capital of the island is George Town.").get("George Town", ("",))[0] == "Place"


def test_a_school_district_is_a_body_and_its_superintendent_works_for_it():
    got = facts("The Harlow School District board selected Anthony Reyes as its new superintendent.")
    assert ("Anthony Reyes", "worksFor", "Harlow School District") in got, got
    assert entities("The Museum District of Kestria is busy.").get("Museum District", ("Place",))[0] != "Organization"


def test_a_limited_partnerships_legal_form_is_no_place():
    got = facts("A partner at Vexa Capital Advisors, L.P., said the deal closed. Vexa Capital Advisors, L.P. bought "
                "the bicycle maker Tarvola in 2003.")
    assert not any("L.P" in o or "L.P" in s for s, _, o in got), got
    assert ("Vexa Capital Advisors", "acquired", "Tarvola") in got, got


def test_a_company_the_tagger_calls_an_adjective_before_a_title_is_a_company():
    got = entities("Sihuan Chairman and Executive Director Che Fengsheng signed the agreement.")
    assert got.get("Sihuan", ("",))[0] == "Organization", got


def test_a_name_opening_with_the_after_a_noun_that_says_what_it_is_is_named():
    got = facts("UK retailer Vexa Sports has completed its acquisition of US athleticwear chain The Finish Line.")
    assert ("Vexa Sports", "acquired", "The Finish Line") in got, got


def test_whose_object_is_its_is_an_organisation_and_a_place_before_anothers_name_is_not_its():
    g = graph("Acer completed its acquisition of U.S. computer maker Gateway on Monday.")
    labels = {e.iri: (e.label, e.cls) for e in g.entities}
    got = {(labels[r.subject][0], r.predicate, labels.get(r.obj, (r.obj,))[0]) for r in g.relations}
    assert labels.get(next((e.iri for e in g.entities if e.label == "Acer"), ""), ("", ""))[1] == "Organization"
    assert ("Acer", "acquired", "Gateway") in got, got
    assert ("Acer", "headquarteredIn", "United States") not in got, got


def test_a_name_before_disease_or_syndrome_names_no_entity():
    got = entities("Huntington's disease and Rett syndrome were studied by Ana Lopes at Kestrel University.")
    assert not {"Huntington", "Rett"} & set(got), got
    assert got.get("Kestrel University", ("",))[0] == "Organization", got


def test_a_stock_ticker_after_its_exchanges_code_is_the_companys_and_the_code_no_employer():
    g = graph("Dale Reyes worked for Vexa Metals Group Limited (ASX: VMG) and Tarvola. VMG shares rose 4%.")
    names = {e.label: e.alt_labels for e in g.entities}
    assert "VMG" in names.get("Vexa Metals Group Limited", ()) and "ASX" not in names, names


def test_an_abbreviation_before_a_name_with_the_in_parentheses_is_its_short_name():
    got = entities("TMF (The Music Factory) was a music video channel in the United Kingdom and Ireland.")
    assert any("TMF" in alts for _, alts in got.values()), got


def test_a_seats_area_and_a_film_industry_are_no_home_and_an_envoys_host_no_nationality():
    got = facts("Toronto-area MP Nate Erskine-Smith is the new housing minister. The club counts Hollywood actor "
                "Michael B Jordan among its owners. India's Ambassador to the US Harsh Shringla arrived on Monday.")
    assert not any(p == "livesIn" for _, p, _ in got), got
    assert ("Harsh Shringla", "nationality", "United States") not in got, got


def test_a_council_that_appoints_someone_makes_no_member_of_them():
    got = facts("The Council of the University of Kestria has appointed Professor Omar Bello as the University's "
                "third Vice Chancellor. Tom Reyes was appointed by the Chief Executive Contract Committee in May.")
    assert not any(p in {"memberOf", "worksFor"} and ("Council" in o or "Committee" in o) for _, p, o in got), got


def test_prof_before_a_name_is_no_part_of_it():
    got = entities("The institute said Prof Rangan Banerjee spoke. Prof Banerjee was honoured.")
    assert "Rangan Banerjee" in got and not any(name.startswith("Prof") for name in got), got


def test_whom_someone_replaces_in_the_news_present_held_the_post_before():
    g = graph("Terry Duguid replaces Carla Qualtrough as the sport minister.")
    labels = {e.iri: e.label for e in g.entities}
    held = {(labels[r.subject], r.obj, r.former) for r in g.relations if r.predicate == "jobTitle"}
    assert ("Carla Qualtrough", "sport minister", True) in held and ("Terry Duguid", "sport minister", False) in held


@pytest.mark.parametrize("text, person, title", [
    ("Mayor Karen Whitfield conducted the ceremony on Tuesday.", "Karen Whitfield", "Mayor"),
    ("Justice Miriam Otieno ordered the arrest of the officers.", "Miriam Otieno", "Justice"),
    ("The ceremony was presided over by Governor General Sara Nolan.", "Sara Nolan", "Governor General"),
    ("Police chief Dana Ruiz said the suspect had fled.", "Dana Ruiz", "Police chief"),
    ("The senator from Ohio, Bob Vance, voted against the bill.", "Bob Vance", "senator"),
    ("Taoiseach Liam Byrne paid tribute to the former minister.", "Liam Byrne", "Taoiseach"),
])
def test_a_public_office_is_a_job_title_with_no_organisation(text, person, title):
    g = graph(text)
    labels = {e.iri: e.label for e in g.entities}
    assert (person, title) in {(labels.get(r.subject), r.obj) for r in g.relations if r.predicate == "jobTitle"}, \
        g.relations
    assert labels and all(not label.startswith(title) for label in labels.values()), labels
    assert not any(r.predicate in {"worksFor", "leads", "memberOf"} for r in g.relations), g.relations


def test_an_office_held_before_is_former_and_an_appointers_as_is_the_appointees():
    g = graph("Former Governor Dale Harmon of Ohio spoke. President Ada Nkem picks Kessel Bank MD as new "
              "central bank governor.")
    labels = {e.iri: e.label for e in g.entities}
    titles = {(labels.get(r.subject), r.obj, r.former) for r in g.relations if r.predicate == "jobTitle"}
    assert ("Dale Harmon", "Governor", True) in titles, titles  # "Former" is the flag, not the title
    assert not any(who == "Ada Nkem" and "governor" in title for who, title, _ in titles), titles


@pytest.mark.parametrize("text, before, title, tie", [
    ("Di Lu was named chair of Orvex Holdings, replacing Bo Ek.", "Bo Ek", "chair", ("leads", "Orvex Holdings")),
    ("Kestrel Bank named Omar Salim chief executive, replacing Jan Vos.", "Jan Vos", "chief executive",
     ("leads", "Kestrel Bank")),
    ("Grant Ferris, the new police chief, takes over from Ian Doyle, who retired in August.", "Ian Doyle",
     "police chief", None),
    ("The museum announced the appointment of Tomas Berg as its new director, succeeding Carl Holm.",
     "Carl Holm", "director", None),
    ("Ruth Aldana is the new public safety minister, replacing Dominic Leclerc.", "Dominic Leclerc",
     "public safety minister", None),
])
def test_whom_someone_took_a_post_from_held_it_before(text, before, title, tie):
    g = graph(text)
    labels = {e.iri: e.label for e in g.entities}
    held = {(labels.get(r.subject), r.predicate, labels.get(r.obj, r.obj), r.former) for r in g.relations}
    assert (before, "jobTitle", title, True) in held, held
    if tie:
        assert (before, *tie, True) in held, held
    assert not any(who == before and not former for who, _, _, former in held), held


@pytest.mark.parametrize("text", [
    "Ann Roe, deputy head of Warwick College, replaced Bo Ek last year.",  # her own post, not the one taken
    "Mona Feld will replace Tim Ruck as chief executive of Orvex.",  # still to come
    "Mona Feld, the new chair of Orvex, will take over from Tim Ruck in May.",
])
def test_a_post_not_taken_over_is_not_given_to_the_one_replaced(text):
    g = graph(text)
    labels = {e.iri: e.label for e in g.entities}
    assert not any(labels.get(r.subject) in {"Bo Ek", "Tim Ruck"} for r in g.relations), g.relations


@pytest.mark.parametrize("text", [
    "Julia Park, the chief financial officer, said sales rose.",
    "Julia Park said she would retire next year.",
    "The company named Julia Park chief financial officer on Monday.",
])
def test_a_given_name_before_a_places_noun_is_a_person_with_a_persons_title_or_words(text):
    assert entities(text).get("Julia Park", ("",))[0] == "Person", entities(text)


def test_a_place_named_after_a_place_still_a_place_when_it_speaks():
    assert entities("Victoria Park said it would close the gates at dusk.")["Victoria Park"][0] == "Place"


def test_the_governors_deputy_beside_him_is_no_governor():
    got = facts("Dapo Abiodun was sworn in as the fifth governor, alongside his deputy, Noimot Salako.")
    assert ("Noimot Salako", "jobTitle", "governor") not in got, got


@pytest.mark.parametrize("text, org, founder", [
    ("Kuda was co-founded by Babs Ogundeyi in 2019.", "Kuda", "Babs Ogundeyi"),
    ("Stephen Marsh, Vexa Capital's chairman and co-founder, said the deal was done.", "Vexa Capital",
     "Stephen Marsh"),
    ("Ann Lee co-founded Kestrel Labs with Tom Roe in 1990.", "Kestrel Labs", "Tom Roe"),
    ("Mr McGlade was the founder of the former Champion Sports chain.", "Champion Sports", "McGlade"),
])
def test_co_founders_and_founders_of_a_chain(text, org, founder):
    got = facts(text)
    assert (org, "foundedBy", founder) in got, got
    assert entities(text)[org][0] == "Organization", entities(text)


def test_respectively_pairs_two_lists_in_order():
    got = facts("He is survived by daughters Manjushree Khaitan and Jayshree Mohta, who run Kesoram Industries and "
                "Jayshree Tea and Industries respectively.")
    assert ("Jayshree Mohta", "leads", "Kesoram Industries") not in got, got


@pytest.mark.parametrize("text, fact", [
    ("Blackstone agreed to buy 40 percent of Patria Investimentos.", ("Blackstone", "investsIn", "Patria Investimentos")),
    ("Vexa Capital bought 67% of Zentro Inc last year.", ("Vexa Capital", "acquired", "Zentro Inc")),
    ("Minerals Technologies signed an agreement to acquire Amcol International.",
     ("Minerals Technologies", "acquired", "Amcol International")),
])
def test_a_share_bought_is_a_stake_and_an_agreement_to_buy_is_its_signers(text, fact):
    got = facts(text)
    assert fact in got, got
    if fact[1] == "investsIn":  # 40% is a stake, no takeover
        assert not any(p == "acquired" for _, p, _ in got), got


def test_the_posts_of_one_who_died_are_held_before():
    g = graph("Tom Baker, who died on Friday aged 88, was chairman of Kestrel Foods. His son Paul Baker is chief "
              "executive of Orvex Bank.")
    labels = {e.iri: e.label for e in g.entities}
    posts = {(labels[r.subject], r.predicate, r.former) for r in g.relations if r.predicate in {"leads", "jobTitle"}}
    assert ("Tom Baker", "leads", True) in posts and ("Tom Baker", "leads", False) not in posts, posts
    assert ("Paul Baker", "leads", False) in posts, posts  # his son's post: current, and found


@pytest.mark.parametrize("text, fact", [
    ("Before joining Kestrel, Ann Roe had previously served at Zentro Inc as chief executive.",
     ("Ann Roe", "leads", "Zentro Inc")),
    ("In 2019 she joined Kestrel Foods as chief executive.", ("unnamed", "leads", "Kestrel Foods")),
    ("Apollo Hospitals re-designated its Chief Strategy Officer Madhu Sasidhar as President and CEO.",
     ("Madhu Sasidhar", "worksFor", "Apollo Hospitals")),
])
def test_the_organisation_of_a_title_after_as_is_the_verbs(text, fact):
    got = {(s.split(" of ")[0].split()[0] if s.startswith("unnamed") else s, p, o) for s, p, o in facts(text)}
    assert fact in got, got


def test_a_courtesy_title_makes_a_person_and_a_presidents_apposition_names_one():
    got = entities("The company named Mr K. Krithivasan as CEO-designate. The plan has been in effect since October. "
                   "K. Hari Prasad, the outgoing President of Apollo Hospitals, will retire in March.")
    assert got.get("K. Krithivasan", ("",))[0] == "Person" and got.get("K. Hari Prasad", ("",))[0] == "Person", got


def test_a_corporate_title_names_no_organisation():
    got = entities("Its board nominated Corporate Senior Executive Vice President Norio Sasaki as chief executive.")
    assert "Corporate" not in got, got


def test_two_parents_listed_together_are_not_parent_and_child():
    got = facts("Kenneth Morrison was born in Bradford, the only son of Hilda and William Morrison, who already had "
                "five daughters.")
    assert not any(p == "childOf" and {s, o} == {"Hilda", "William Morrison"} for s, p, o in got), got


@pytest.mark.parametrize("text, title", [
    ("Mr. Ward is President, Chief Executive Officer of Calloway's, and a member of the board.", "President"),
    ("Hans Follmer is currently Professor Emeritus at the Humboldt University of Berlin.", "Professor Emeritus"),
])
def test_a_title_in_apposition_to_a_title_is_no_person(text, title):
    assert title not in entities(text), entities(text)


def test_an_organisation_announcing_its_peoples_news_is_their_employer():
    text = "Computer chip giant Vexa Labs announced Monday that chief executive Paul Otellini would retire in May."
    assert ("Paul Otellini", "leads", "Vexa Labs") in facts(text), facts(text)
    assert "Computer" not in entities(text), entities(text)


@pytest.mark.parametrize("text", [
    "Reuters reported that chief executive Ann Roe would retire.",  # a newspaper's report
    "Vexa Labs said that Zentro chief executive Ann Roe would join its board.",  # another's chief
    "Vexa Labs said that Brian Krzanich, head of manufacturing at Zentro Inc, would join.",
    "General Motors said President Joe Biden met Governor Gavin Newsom.",  # a head of state's style
])
def test_an_announcer_is_no_employer_of_anothers_people(text):
    g = graph(text)
    labels = {e.iri: e.label for e in g.entities}
    assert not any(r.extractor == "rule:title" and labels.get(r.obj) in {"Reuters", "Vexa Labs", "General Motors"}
                   for r in g.relations), \
        g.relations
    assert labels and all(e.cls == "Person" for e in g.entities if e.label in {"Ann Roe", "Brian Krzanich"}), g.entities


def test_a_companys_first_word_in_a_text_on_its_namesake_foundation_is_the_foundation():
    text = ("The Ford Foundation has appointed Margaret Mliwa as the regional director of its East Africa office. "
            "Before joining Ford, she was the country director of Restless Development Tanzania.")
    got = facts(text)
    assert "Ford Motor Company" not in entities(text), entities(text)
    assert ("Margaret Mliwa", "worksFor", "Ford Foundation") in got, got


def test_a_town_before_a_countrys_based_is_the_headquarters():
    got = facts("Lyon, France-based Valneva said the trial had started.")
    assert ("Valneva", "headquarteredIn", "Lyon") in got and entities(
        "Lyon, France-based Valneva said the trial had started.")["Lyon"][0] == "Place", got


def test_a_name_ner_missed_after_an_honorific_is_a_person():
    got = facts("In Ogun, Prince Dapo Abiodun was sworn in as the fifth governor.")
    assert ("Dapo Abiodun", "jobTitle", "governor") in got, got


def test_a_post_held_for_years_as_ceo_in_a_company_is_held_before_and_its():
    g = graph("Ann Roe had previously served for seven years as CEO in Guinness Nigeria PLC.")
    labels = {e.iri: e.label for e in g.entities}
    held = {(labels.get(r.subject), r.predicate, labels.get(r.obj, r.obj), r.former) for r in g.relations}
    assert ("Ann Roe", "leads", "Guinness Nigeria PLC", True) in held and ("Ann Roe", "jobTitle", "CEO", True) in held, \
        held


def test_an_organisation_another_persons_title_names_is_not_the_subjects_employer():
    got = facts("Cheng Yu-tung died on Tuesday. His friends included Lee Shau Kee, chairman of Henderson Land "
                "Development Co Ltd, and Macau casino tycoon Stanley Ho.")
    assert ("Lee Shau Kee", "leads", "Henderson Land Development Co Ltd") in got, got
    assert not any(s != "Lee Shau Kee" and o == "Henderson Land Development Co Ltd" for s, p, o in got), got


@pytest.mark.parametrize("text, wrong", [
    ("The company, 35% owned by South Africa's Vodacom and 5% by Britain's Vodafone, grew under Collymore's "
     "leadership.", {("Collymore", "livesIn", "United Kingdom")}),
    ("Vista also refused to commit to Blue Prism's headquarters in the UK.",
     {("Vista", "headquarteredIn", "United Kingdom")}),
    ("Also this week, Cambridge, MA-based VBI Vaccines announced a research partnership with GSK.",
     {("Cambridge", "partnerOf", "GSK")}),
])
def test_a_stake_and_anothers_place_are_no_parent_home_or_partner(text, wrong):
    got = facts(text)
    assert not wrong & got and not any(p == "subsidiaryOf" for _, p, _ in got), got


def test_a_hospice_is_an_organisation():
    got = entities("He was a founding trustee and chief executive of The Shooting Star Children's Hospice.")
    assert got.get("Shooting Star Children's Hospice", ("",))[0] == "Organization", got


def test_a_lifespan_with_its_places_after_an_orders_letters_gives_both_dates():
    text = ("Carl Voss, OSB (January 27, 1915, Bely, Tver Oblast, Russian Federation - October 3, 1981, "
            "Niederalteich, Germany) was a Benedictine monk. He served in the Soviet Army.")
    got = facts(text)
    assert ("Carl Voss", "birthDate", "January 27, 1915") in got and ("Carl Voss", "deathDate", "October 3, 1981") \
        in got, got
    ents = entities(text)
    assert "Russian Federation" in ents and ents.get("Soviet Army", ("",))[0] == "Organization", ents


def test_a_deputy_before_a_hyphened_title_is_part_of_it_and_leads_nothing():
    got = facts("Patrick McGhee, who is currently deputy vice-chancellor at the University of Kestria, will take up "
                "the post on 1 February.")
    assert ("Patrick McGhee", "jobTitle", "deputy vice-chancellor") in got, got
    assert not any(p == "leads" for _, p, _ in got), got


@pytest.mark.parametrize("text, wrong", [
    ("Marta Reyes is now general counsel to Oregon Gov. Tom Kessler.", ("Tom Kessler", "livesIn", "Oregon")),
    ("The bishop thanked Lisbon apostolic administrator Bishop Rui Salgado for his work.",
     ("Rui Salgado", "livesIn", "Lisbon")),
])
def test_a_place_before_an_office_is_the_offices_not_a_home(text, wrong):
    got = facts(text)
    assert not any(p == wrong[1] and wrong[0] in s and o == wrong[2] for s, p, o in got), got


def test_a_place_owning_another_item_of_a_list_is_not_the_first_items():
    got = facts("The rivals were Amina Yusuf of Kenya and Senegal's Abdoulaye Bathily.")
    assert ("Amina Yusuf", "nationality", "Kenya") in got and ("Amina Yusuf", "nationality", "Senegal") not in got, got


def test_a_daughter_listed_after_her_brothers_is_no_brothers_child():
    got = facts("Ravi Mehra is survived by two sons, Arun Mehra and Vikram Mehra, and a daughter Leela Kapoor.")
    assert not any(p == "childOf" and o in {"Arun Mehra", "Vikram Mehra"} for _, p, o in got), got


def test_praise_is_no_job_title():
    got = facts("Tom Berg was named chief executive of Orvex. \"As chief executive, Berg will be a courageous "
                "spokesperson for the company.\"")
    assert not any(p == "jobTitle" and "spokesperson" in o for _, p, o in got), got
    assert ("Tom Berg", "jobTitle", "chief executive") in got, got


def test_he_after_a_clause_naming_a_man_is_that_man_not_the_last_speaker():
    got = facts("\"Berg has the experience to lead us,\" says Idar Holm, chairman of the board of Orvex. When Tom Berg "
                "was director at Kestrel Bank, he cut its costs. Since then, he has been executive director of the "
                "Norwegian Institute of International Affairs.")
    assert ("Tom Berg", "worksFor", "Norwegian Institute of International Affairs") in got, got
    assert not any(s == "Idar Holm" and o == "Norwegian Institute of International Affairs" for s, _, o in got), got


def test_he_after_an_appointment_the_sentence_opens_with_is_the_appointee():
    got = facts("Interim chief executive Mark Owino said the appointment was a natural progression. On Mr Ndungu's "
                "appointment, a statement from the board says he joins Safaricom from Diageo PLC, where he is the "
                "managing director of Diageo Continental Europe.")
    assert not any(s == "Mark Owino" and "Diageo" in o for s, _, o in got), got


@pytest.mark.parametrize("text, name", [
    ("He was a member of the Department for Culture, Media and Sport's heritage advisory board.",
     "Department for Culture, Media and Sport"),
    ("She joined the Ministry of Housing, Communities and Local Government in 2019.",
     "Ministry of Housing, Communities and Local Government"),
    ("Before that he took a job at the firm Kellogg, Hansen, Todd, Figel and Frederick.",
     "Kellogg, Hansen, Todd, Figel and Frederick"),
])
def test_a_body_or_firm_whose_name_lists_words_with_commas_is_one_organisation(text, name):
    got = entities(text)
    assert got.get(name, ("",))[0] == "Organization", got
    assert not {"Media", "Sport", "Communities", "Local Government", "Hansen", "Frederick"} & set(got), got
    assert ("Apple", "Organization") in {(k, v[0]) for k, v in entities("Apple, Google and Microsoft rejected the "
                                                                         "plan.").items()}


@pytest.mark.parametrize("text", [
    "The 50-year old Moreau, son of former FC Lorient president Alain Moreau, joined the retailer in 2011.",
    "He hoped to serve under president Laurent Mbeki, the father of President Joseph Mbeki.",
])
def test_a_kin_phrase_is_no_job_title(text):
    got = facts(text)
    assert not any(p == "jobTitle" and o.split()[0].lower() in {"son", "father"} for _, p, o in got), got


def test_an_organisation_another_named_person_is_of_is_not_the_subjects_employer():
    got = facts("Har Gobind Rana was a chemist. He shared the prize with Robert Hollis of Cornell "
                "University and Martin Nell of the National Institutes of Health.")
    assert ("Robert Hollis", "worksFor", "Cornell University") in got, got
    assert not any(s == "Har Gobind Rana" and p == "worksFor" for s, p, _ in got), got


def test_a_coined_name_opening_a_sentence_is_found_again_for_its_pronouns():
    got = facts("Kestrel Capital is investing $20m in Improbable, a London-based company that builds virtual "
                "worlds. Improbable creates systems for simulations. Its 26-year-old chief executive, Herman "
                "Narula, founded the company with friends from university.")
    assert ("Improbable", "foundedBy", "Herman Narula") in got, got
    assert not any(s == "Kestrel Capital" and p in {"foundedBy", "leads"} for s, p, _ in got), got


@pytest.mark.parametrize("text, wrong", [
    (("Marc Dion is a Canadian engineer. Marc is a recipient of the NASA Exceptional Service Medal and of "
      "NASA Space Flight Medals."), ("Marc Dion", "worksFor", "NASA")),
    (("Carlos Ruiz died in Miami on Saturday. His daughter, Ana Ruiz, said that his body would remain at a "
      "funeral home until it could be sent back to Venezuela."), ("Ana Ruiz", "livesIn", "Venezuela")),
    (("Orlex Petrol (WSE: ORX) is a Polish state oil refiner. The corporation is a significant European "
      "publicly traded firm with major operations in Poland, Slovakia, Germany, and the Baltic states as well "
      "as an operation in Canada."), ("corporation", "headquarteredIn", "Canada")),
])
def test_an_honour_a_body_sent_home_and_operations_state_no_employer_home_or_seat(text, wrong):
    got = facts(text)
    assert not any(p == wrong[1] and o == wrong[2] for _, p, o in got), got


def test_the_described_group_after_a_titles_of_is_the_organisation_named_before():
    got = facts("Skyreach Airways has named Alan Moyes, the head of its budget offshoot, as chief executive of the airline "
                "group.")
    assert ("Alan Moyes", "leads", "Skyreach Airways") in got, got


def test_a_former_name_after_a_birth_year_in_brackets_is_the_same_person():
    got = entities("Dana Marsh (born 1961, formerly Dana Marsh Keller) is an American painter. She lives in Ohio.")
    assert len([name for name, (cls, *_) in got.items() if cls == "Person"]) == 1, got


# -- audit 33: news from outside the texts kg was tuned on -----------------------

def test_a_lists_bullet_is_no_part_of_the_name():
    assert "Jana Holm" in entities("• Jana Holm joined Brightwater Capital as chief financial officer.")


def test_its_acquisition_by_a_firm_says_the_firm_acquired_it():
    got = facts("Orbit Media confirmed its acquisition by Calloway Group last year.")
    assert ("Calloway Group", "acquired", "Orbit Media") in got and ("Orbit Media", "acquired", "Calloway Group") not in got, got


def test_a_verb_ending_a_hyphened_modifier_is_no_verb_of_the_clause():
    from kg.extract.nlp import load_nlp
    from kg.extract.rules.svo import _hyphened

    doc = load_nlp()("The Anil Dravid- controlled Norvik Energy sold Pellam Gas.")
    assert [doc[i].text for i in range(len(doc)) if _hyphened(doc, i)] == ["controlled"]


def test_a_founding_year_dates_what_was_founded_not_its_founder():
    got = facts("Mara Quint founded Ostrel Labs in 2011.")
    assert ("Ostrel Labs", "foundingDate", "2011") in got and not any(
        s == "Mara Quint" and p == "foundingDate" for s, p, _ in got), got


def test_a_person_named_after_a_firms_title_is_the_verbs_object_not_the_firm():
    got = facts("Halvorsen Group tapped Tribune managing editor Ruth Okafor to run its newsroom.")
    assert not any(o == "Tribune" for s, _, o in got if s == "Halvorsen Group"), got


@pytest.mark.parametrize("text", [
    "Dana Whitt, a long time newspaper executive, joined Corvel Media.",
    "Omar Linde, a long-serving chief executive, left Brask last year.",
])
def test_standing_of_more_than_one_word_is_no_job_title(text):
    assert not any(p == "jobTitle" for _, p, _ in facts(text)), facts(text)


def test_a_month_alone_is_no_date_the_classifier_gives():
    from kg.config import Settings
    from kg.extract.classifier import load_model, predict_relations
    from kg.pipeline import Pipeline

    ctx = Pipeline(Settings(relation_model="off")).context(
        Document.from_text("Omar Linde founded Brask Hospital in February, after Ana Roe founded it in 2010.", "t"))
    literals = [r.obj for r in predict_relations(ctx, load_model(), threshold=0.0) if r.object_is_literal]
    assert literals and "February" not in literals, literals


def test_a_body_every_country_has_is_no_town_of_that_name():
    got = entities("The Inspector-General of Police, Musa Adeyemi, said the officers were deployed.")
    assert got.get("Police", ("Organization",))[0] != "Place", got


def test_a_subsidiary_in_apposition_is_the_company_before_it_not_the_next_of_the_list():
    got = facts("Valley Holdings, a subsidiary of Owens Corning, and Tarsk Chemicals signed the deal.")
    assert ("Valley Holdings", "subsidiaryOf", "Owens Corning") in got, got
    assert ("Tarsk Chemicals", "subsidiaryOf", "Owens Corning") not in got, got


# -- the story's headline: appointments told in the shapes news uses -------------

@pytest.mark.parametrize("text, post", [
    ("Halvard Insurance named Mira Okonkwo to succeed Jorge Pena as chief executive.", "chief executive"),
    ("The board of Halvard Insurance appointed Mira Okonkwo as chief executive.", "chief executive"),
    ("Halvard Insurance's board has named Mira Okonkwo chief executive.", "chief executive"),
    ("The board of Halvard Insurance has named Mira Okonkwo to succeed Jorge Pena as managing director.",
     "managing director"),
    ("Halvard Insurance said Mira Okonkwo would become its chairman next month.", "chairman"),
])
def test_an_appointment_told_through_its_board_a_successor_or_an_announcement_is_read(text, post):
    got = facts(text)
    assert ("Mira Okonkwo", "leads", "Halvard Insurance") in got and ("Mira Okonkwo", "jobTitle", post) in got, got


@pytest.mark.parametrize("text", [
    "Halvard Insurance said Mira Okonkwo may become its chairman.",
    "Mira Okonkwo, who would have been chairman of Halvard Insurance, retired.",
])
def test_a_post_only_possible_is_no_post(text):
    assert not any(p == "leads" for _, p, _ in facts(text)), facts(text)


# -- datelines: where a story was filed is no one -----------------------------

@pytest.mark.parametrize("text, place, person", [
    (("Talks resume\n\nGeneva, 3 December 2019 - Veteran diplomat Mira Okonkwo has been selected as the new "
      "Secretary General of the Kestria Relief Federation."), "Geneva", "Mira Okonkwo"),
    ("New head\n\nDurban - Albert van Holt has been named as the new vice-chancellor of the University of Zululand.",
     "Durban", "Albert van Holt"),
    ("BOSTON, MA.- Tom Reyes, Chairman of the Board of Trustees of the Halden Museum, announced the news today.",
     "BOSTON", "Tom Reyes"),
])
def test_a_dateline_is_a_place_and_no_part_of_the_name_after_it(text, place, person):
    ents = entities(text)
    assert ents[place][0] == "Place" and ents[person][0] == "Person", ents
    assert not any(s == place for s, _, _ in facts(text)), facts(text)


def test_a_person_who_buys_a_stake_is_an_investor_in_the_graph_not_the_quarantine(tmp_path):
    import kg

    (tmp_path / "a.txt").write_text("Investor Ana Lopes has invested in Vexo Labs, the Oslo start-up.", encoding="utf-8")
    graph = kg.build([str(tmp_path / "a.txt")], out=str(tmp_path / "out"))
    rows = graph.query("SELECT ?who WHERE { ?p kg:investsIn ?o ; rdfs:label ?who . ?o rdfs:label 'Vexo Labs' }")
    assert [str(r["who"]) for r in rows] == ["Ana Lopes"], rows


# -- audit 34: health, sport, courts, charities and culture from outside the texts kg was tuned on

def test_a_form_of_address_is_no_founder_and_its_his_no_pronoun():
    text = "The Kestria Trust was founded by His Royal Highness, The Prince of Wales, in 2007."
    assert not any(p == "foundedBy" for _, p, _ in facts(text)), facts(text)
    assert not [n for n, (cls, _) in entities(text).items() if cls == "Person"], entities(text)


def test_an_ordinal_before_a_title_is_no_name_and_no_part_of_the_title():
    text = "Justice Ravi Kant takes oath as 50th Chief Justice of India."
    got = facts(text)
    assert ("Ravi Kant", "jobTitle", "Chief Justice") in got and "50th Chief Justice" not in entities(text), got


@pytest.mark.parametrize("text, employer, unit", [
    ("Dr Hana Balk became the first Assistant Director of Antimicrobial Resistance at the World Health Organization.",
     "World Health Organization", "Antimicrobial Resistance"),
    ("Hana Balk is head of Digital Banking at Standard Bank.", "Standard Bank", "Digital Banking"),
])
def test_a_titles_of_before_its_at_is_a_unit_not_an_employer(text, employer, unit):
    got = facts(text)
    assert ("Hana Balk", "worksFor", employer) in got, got
    assert not any(o == unit for _, _, o in got) and ("Hana Balk", "leads", employer) not in got, got


def test_a_countrys_coach_is_the_national_teams_of_any_nationality():
    got = facts("After Sri Lanka's former Head Coach Tom Walsh left, the board hired Ana Lopes.")
    assert not any(p == "nationality" for _, p, _ in got), got


def test_a_possessive_apostrophe_closes_no_quote_so_a_quoted_i_is_no_author():
    text = ('Ana Lopes was named director of the Halden Museum. "We kept returning to Ana Lopes\' vision," said Tom '
            'Reyes. "It is an honor," said Lopes. "I am excited to lead the Halden Museum."')
    assert not any(name.startswith("author of") for name in entities(text)), entities(text)


def test_a_name_after_a_titles_at_is_the_employer_not_a_place():
    got = facts("Ana Lopes, Head of Investment at Mubadala, UAE, joined the board.")
    assert ("Ana Lopes", "worksFor", "Mubadala") in got, got
    assert entities("Ana Lopes, Head of Investment at Mubadala, UAE, joined the board.")["Mubadala"][0] == "Organization"


def test_an_imprint_or_a_publisher_is_an_organisation_with_no_nationality():
    text = "Penguin Companhia, a Brazilian imprint, published the book."
    assert entities(text)["Penguin Companhia"][0] == "Organization" and not any(
        p == "nationality" for _, p, _ in facts(text)), facts(text)


@pytest.mark.parametrize("text, name", [
    ("Dr Saia Ma'u Piukala was elected regional director of the World Health Organization.", "Saia Ma'u Piukala"),
    ("Justice HR Khanna dissented in the case.", "HR Khanna"),
])
def test_the_words_between_an_honorific_and_the_surname_are_the_persons_name(text, name):
    assert entities(text)[name][0] == "Person", entities(text)


@pytest.mark.parametrize("text, title", [
    ("Dharma Films is known for hits such as Kuch Kuch Hota Hai and Kabhi Khushi Kabhie Gham.", "Kuch Kuch Hota Hai"),
    ("Shows such as Batman and Star Trek were shot at the studio.", "Batman"),
])
def test_a_films_or_shows_title_given_as_an_example_is_no_entity(text, title):
    assert title not in entities(text), entities(text)


@pytest.mark.parametrize("text", [
    "The deal was signed by then Head Coach Tom Walsh and Kestria United.",
    "The then chairman of Halvard Insurance, Tom Walsh, signed it.",
])
def test_a_title_opened_by_then_is_held_before(text):
    titles = [r for r in graph(text).relations if r.predicate == "jobTitle"]
    assert titles and all(r.former and not r.obj.startswith("then") for r in titles), titles


def test_years_spent_playing_for_a_club_are_over():
    got = [r for r in graph("Tom Walsh spent the better part of the decade playing for Muangthong United.").relations
           if r.predicate in {"memberOf", "worksFor"}]
    assert got and all(r.former for r in got), got
    now = graph("Tom Walsh has spent six years working for Halvard Insurance.").relations
    assert now and not any(r.former for r in now), now


def test_the_chair_of_an_organisations_board_of_trustees_leads_it():
    got = facts("Tom Reyes, Chairman of the Board of Trustees of the Halden Museum of Art, announced the news today.")
    assert ("Tom Reyes", "leads", "Halden Museum of Art") in got, got


def test_an_organisations_name_without_its_of_and_place_is_the_same_organisation_later():
    ents = entities("Ana Lopes is the director of the Art Institute of Chicago. She joined the Art Institute in 1990.")
    assert "Art Institute" in ents["Art Institute of Chicago"][1] and "Art Institute" not in ents, ents


def test_a_demonym_before_a_teams_noun_is_the_teams_and_no_ones_nationality():
    got = facts("Striker Cleiton Silva started his career with Brazilian side Madureira before moving to Thailand.")
    assert not any(p == "nationality" for _, p, _ in got), got
    assert ("Cleiton Silva", "nationality", "Brazil") in facts("Brazilian striker Cleiton Silva joined the club.")


@pytest.mark.parametrize("text, person, title", [
    ("Dr Hana Balk, a Saudi physician, spoke.", "Hana Balk", "physician"),
    ("Tom Hale, the current club president, said so.", "Tom Hale", "club president"),
    ("Tom Hale, a millionaire banker, bought the club.", "Tom Hale", "banker"),
    ("Ana Lopes, an internationally recognised researcher, joined Halden University.", "Ana Lopes", "researcher"),
])
def test_words_describing_the_holder_are_no_part_of_the_job_title(text, person, title):
    got = {o for s, p, o in facts(text) if s == person and p == "jobTitle"}
    assert got == {title}, got


def test_saudi_names_saudi_arabia():
    assert ("Hana Balk", "nationality", "Saudi Arabia") in facts("Dr Hana Balk, a Saudi physician, spoke.")


# -- audit 35: banks, airlines, churches, parties and broadcasters ------------------

def test_a_given_name_after_a_comma_is_part_of_the_persons_name():
    text = "Unity Bank said the chairman of its board, Aminu Babangida, will retire. It named Halima Babangida a director."
    ents = entities(text)
    assert ents.get("Aminu Babangida", ("",))[0] == "Person" and "Babangida" not in ents["Halima Babangida"][1], ents


def test_titles_given_respectively_go_to_each_person_in_turn():
    got = facts("Ana Lopes and Tom Hale were named as chairman and deputy chairman respectively.")
    assert {(s, o) for s, p, o in got if p == "jobTitle"} == {("Ana Lopes", "chairman"), ("Tom Hale", "deputy chairman")}, got


def test_a_degree_as_a_lawyer_at_a_university_is_no_post_there():
    got = facts("Ana Lopes later obtained a degree as a lawyer at the Catholic University of Salta.")
    assert not any(p in {"worksFor", "leads"} for _, p, _ in got), got


@pytest.mark.parametrize("text, title", [
    ("Admiral Tom Hale, a former Chief of Naval Staff of Nigeria, spoke.", "Chief of Naval Staff"),
    ("Tom Hale, Chief of Army Staff, spoke.", "Chief of Army Staff"),
])
def test_a_chief_of_staffs_words_are_his_title_not_a_body(text, title):
    got = facts(text)
    assert any(p == "jobTitle" and o.endswith(title) for _, p, o in got), got
    assert not any(p in {"worksFor", "locatedIn", "memberOf"} for _, p, _ in got), got


@pytest.mark.parametrize("text, person", [
    ("Pope Francis named Jorge García Cuerva as the new Archbishop of Buenos Aires.", "Jorge García Cuerva"),
    ("Stephen Kazimba was enthroned as the Archbishop of the Church of Uganda.", "Stephen Kazimba"),
])
def test_a_church_office_is_a_job_title(text, person):
    assert (person, "jobTitle", "Archbishop") in facts(text), facts(text)


def test_whom_a_bishop_consecrates_as_bishop_is_the_bishop():
    got = facts("The legend holds that Peter consecrated Aspren as bishop of Naples and asked him to build a church.")
    assert ("Aspren", "jobTitle", "bishop") in got and ("Peter", "jobTitle", "bishop") not in got, got


def test_the_leader_of_a_party_in_apposition_is_a_person():
    got = facts("Onyoti Adigo, leader of the SPLM-DC party, said the vote was flawed.")
    assert entities("Onyoti Adigo, leader of the SPLM-DC party, said the vote was flawed.")["Onyoti Adigo"][0] == "Person"
    assert ("Onyoti Adigo", "leads", "SPLM-DC party") in got, got


@pytest.mark.parametrize("text, names", [
    ("The district borders the Mara and Kagera Regions to the west.", ("Mara",)),
    ("The plain spans the Aldori, Venshu and Takama prefectures.", ("Aldori", "Venshu", "Takama")),
    ("The trail crosses the Tonto, Apache and Sitgreaves national forests.", ("Tonto", "Apache")),
])
def test_names_listed_before_a_plural_noun_of_places_are_places(text, names):
    got = entities(text)
    assert all(got[name][0] == "Place" for name in names), got


@pytest.mark.parametrize("text, name", [
    ("Escuela Latinoamericana de Ciencias Marinas opened in 1999.", "Escuela Latinoamericana de Ciencias Marinas"),
    ("Istituto Gamberini Rossi trains nurses.", "Istituto Gamberini Rossi"),
])
def test_a_name_opening_with_a_bodys_word_in_its_language_is_an_organisation(text, name):
    assert entities(text)[name][0] == "Organization", entities(text)


@pytest.mark.parametrize("text, partner", [
    ("Dana Ostrow joined Velta Air in 1990. She later worked on Velta's joint venture with Kestrel Airways.",
     "Kestrel Airways"),
    ("Dana Ostrow joined Velta Air in 1990. She also worked on Velta's joint ventures with Corvin's Kestrel "
     "Airways and Iberia across the Atlantic, as well as its partnership with Japanese Airlines.", "Kestrel Airways"),
    ("Dana Ostrow joined Velta Air in 1990. She also worked on Velta's joint ventures with Corvin's Kestrel "
     "Airways and Iberia across the Atlantic, as well as its partnership with Japanese Airlines.", "Japanese Airlines"),
])
def test_a_partner_of_ones_employer_is_no_employer(text, partner):
    assert not any(p == "worksFor" and o == partner for _, p, o in facts(text)), facts(text)


def test_the_town_after_a_persons_name_and_age_is_where_they_live():
    text = "The governor appointed Tom Lasker, 61, of Crockett to the Alameda County Superior Court."
    assert entities(text)["Crockett"][0] == "Place", entities(text)
    got = facts(text)
    assert ("Tom Lasker", "livesIn", "Crockett") in got and ("Tom Lasker", "worksFor", "Crockett") not in got, got


@pytest.mark.parametrize("text, title", [
    ("Karen Vell left her job as CEO of Halden Regional Health.", "CEO"),
    ("Bryan Doyle has parted ways with gold miner Kestrel Resources after 13 years as managing director "
     "and chief executive.", "chief executive"),
    ("Most recently, Tom Cooper was CEO of Round Hill Minerals.", "CEO"),
    ("The last CEO, Peter Vell, abruptly resigned this week.", "CEO"),
    ("Mark Geyer was the deputy director at the center before he assumed the position at NASA Headquarters.",
     "deputy director"),
])
def test_a_post_told_as_over_is_former(text, title):
    rels = [r for r in graph(text).relations if r.predicate == "jobTitle" and r.obj == title]
    assert rels and all(r.former for r in rels), rels


@pytest.mark.parametrize("text, title", [
    ("Karen Vell will leave her job as CEO of Halden Regional Health next year.", "CEO"),
    ("Tom Cooper was recently named CEO of Round Hill Minerals.", "CEO"),
    ("After 13 years as chief executive, Bryan Doyle remains at Kestrel Resources.", "chief executive"),
])
def test_a_post_still_held_is_not_former(text, title):
    rels = [r for r in graph(text).relations if r.predicate == "jobTitle" and r.obj == title]
    assert rels and not any(r.former for r in rels), rels


@pytest.mark.parametrize("text, name", [
    ("Kestrel Mining is developing its Goliath gold project in Ontario.", "Goliath"),
    ("Kestrel Mining said its Morila gold mine in Mali grew.", "Morila"),
])
def test_a_name_before_a_things_noun_is_no_employee_of_its_owner(text, name):
    assert not any(s == name and p == "worksFor" for s, p, _ in facts(text)), facts(text)


def test_a_name_listed_between_organisations_is_an_organisation():
    text = ("This week's moves across the sector, featuring Kestrel Resources, Firefinch, Liontown Resources "
            "and more. Firefinch has appointed Scott Lowe as its new managing director.")
    got = facts(text)
    assert entities(text)["Firefinch"][0] == "Organization", entities(text)
    assert ("Scott Lowe", "leads", "Firefinch") in got and not any(p == "locatedIn" for _, p, _ in got), got


def test_the_chief_of_a_subsidiary_leads_no_parent():
    got = facts("Most recently, Cooper was CEO of Round Hill Minerals, a unit of Vexo Holdings.")
    assert ("Cooper", "leads", "Round Hill Minerals") in got and ("Cooper", "leads", "Vexo Holdings") not in got, got


def test_the_body_before_chair_and_a_name_is_an_organisation():
    text = "New Century chair Rob Dalton said the firm was delighted to have him."
    assert entities(text)["New Century"][0] == "Organization", entities(text)
    assert not any(p == "livesIn" for _, p, _ in facts(text)), facts(text)


@pytest.mark.parametrize("place", ["Varlow School of Art", "Easton Hall", "Capri"])
def test_ones_estate_stay_or_training_is_no_employer(place):
    text = ("Tom Ardley was a British painter. Ardley had initial training at the Varlow School of Art in "
            "London. He mainly worked at his country estate of Easton Hall near Chichester but had several "
            "stays on Capri.")
    assert ("Tom Ardley", "worksFor", place) not in facts(text), facts(text)


def test_an_australian_states_abbreviation_is_the_state():
    text = ("The Port Authority of New South Wales (NSW) has welcomed the appointment of John Kell as CEO. "
            "The port remains at the heart of NSW's trade.")
    got = entities(text)
    assert got["New South Wales"][0] == "Place" and "NSW" in got["New South Wales"][1], got
    assert "NSW" not in got and got["Port Authority of New South Wales"][0] == "Organization", got


def test_the_classifiers_past_post_is_former_too():
    g = graph("Tom Hale co-founded Vexo in 1993. Before starting Vexo, he worked at AMD and at LSI Logic.")
    names = {e.iri: e.label for e in g.entities}
    got = {(names.get(r.obj), r.former) for r in g.relations if r.predicate == "worksFor"}
    assert ("LSI Logic", True) in got and ("LSI Logic", False) not in got, got


def test_the_classifiers_current_post_is_not_former():
    g = graph("Tom Hale works at Vexo and at LSI Logic.")
    assert not any(r.former for r in g.relations), g.relations


def test_a_preposition_repeated_after_and_takes_its_verb_too():
    g = graph("Tom Hale co-founded Vexo Systems in 1993. Before starting Vexo Systems, he worked at Intel and at "
              "Texas Instruments.")
    names = {e.iri: e.label for e in g.entities}
    got = {(names.get(r.obj), r.extractor, r.former) for r in g.relations if r.predicate == "worksFor"}
    assert ("Intel", "rule:svo", True) in got and ("Texas Instruments", "rule:svo", True) in got, got


@pytest.mark.parametrize("text, body", [
    ("Dame Karen is currently serving as the UK's permanent representative to the United Nations in New York.",
     "United Nations"),
])
def test_an_envoy_to_a_body_works_for_none_of_it(text, body):
    assert not any(p in {"worksFor", "leads"} and o == body for _, p, o in facts(text)), facts(text)


def test_a_pro_chancellor_works_for_the_university_and_leads_none_of_it():
    got = facts("Tevita Hale is currently a Pro-Chancellor at the University of Auckland.")
    assert ("Tevita Hale", "worksFor", "University of Auckland") in got, got
    assert ("Tevita Hale", "leads", "University of Auckland") not in got, got


def test_the_classifiers_leader_without_a_word_of_leading_works_there():
    got = facts("UK-born Ann Menzies' first winemaking position in Australia was at Angove's, followed by her "
                "most recent role of white winemaker at Kingston Estate, a position she held for three years.")
    assert ("Ann Menzies", "leads", "Kingston Estate") not in got, got


def test_a_province_named_alone_is_not_a_foreign_towns_namesake():
    got = facts("Spring brings winemaker changes in Ontario. Tom Baines interned at a winery in California.")
    assert ("Ontario", "locatedIn", "California") not in got, got
    assert ("San Jose", "locatedIn", "California") in facts("He sat on the court in San Jose. California grew.")


def test_a_bodys_of_a_and_b_name_cut_at_and_is_one_name():
    text = "The King approved the appointment of Sione Tapu as Minister for the Ministry of Justice and Prisons."
    got = entities(text)
    assert "Ministry of Justice and Prisons" in got and "Prisons" not in got, got
    assert not any(p == "locatedIn" for _, p, _ in facts(text)), facts(text)


def test_a_board_and_a_title_cut_by_ner_are_no_organisation():
    text = ("As General Director, Tim Leary will work closely with the company's Board of Directors and "
            "Artistic Director Francesca Zambello.")
    assert "Directors and Artistic" not in entities(text), entities(text)


@pytest.mark.parametrize("text, title, former", [
    ("Tom Vell, editor and publisher of the Halden Courier, has stepped down from his position to join the "
     "governor's staff.", "editor and publisher", True),
    ("The newspaper's managing editor for news, Hal Ritter, also resigned last week.", "managing editor for news",
     True),
    ("Tom Vell, editor of the Halden Courier, will step down next year.", "editor", False),
])
def test_the_title_of_one_who_left_is_former(text, title, former):
    rels = [r for r in graph(text).relations if r.predicate == "jobTitle" and r.obj == title]
    assert rels and all(r.former == former for r in rels), rels


def test_a_company_named_with_a_country_code_keeps_it():
    text = "Rebekah Vell is chief executive of News UK. Sales in the UK rose."
    got = entities(text)
    assert got["News UK"][0] == "Organization" and "UK" in got["United Kingdom"][1], got
    assert ("Rebekah Vell", "leads", "News UK") in facts(text), facts(text)


def test_a_newspapers_last_word_makes_it_an_organisation():
    got = entities("Tom Ruddle told Press Gazette that the paper would grow.")
    assert got["Press Gazette"][0] == "Organization", got


def test_a_given_name_listed_among_given_names_is_a_person():
    text = "Coach Mark Hale will move to Melbourne, Australia. We wish Mark, Victoria and Luc every success."
    assert entities(text)["Victoria"][0] == "Person", entities(text)
    assert ("Victoria", "locatedIn", "Australia") not in facts(text), facts(text)


@pytest.mark.parametrize("text, name", [
    ("Tom Baines interned at Flowers Winery in California.", "Flowers Winery"),
    ("Ann Lee joined Counter Logic Gaming in 2015.", "Counter Logic Gaming"),
    ("The Tonga Cabinet met on Monday.", "Tonga Cabinet"),
    ("Sanofi hired Ann Lee as its chief executive.", "Sanofi"),
])
def test_wineries_gaming_teams_cabinets_and_drug_makers_are_organisations(text, name):
    assert entities(text)[name][0] == "Organization", entities(text)



def test_a_job_noun_after_chief_is_no_person():
    text = "It has been a delight to see Greg Lane rise through the ranks at Matua up to Chief Winemaker."
    assert "Winemaker" not in entities(text), entities(text)


@pytest.mark.parametrize("text, namer, named, title", [
    ("President Tom Vell named Shai Roe chief of staff.", "Tom Vell", "Shai Roe", "chief of staff"),
    ("Mary Bane named John Roe chief financial officer.", "Mary Bane", "John Roe", "chief financial officer"),
])
def test_who_names_another_to_a_post_holds_none_of_it(text, namer, named, title):
    got = facts(text)
    assert (named, "jobTitle", title) in got and (namer, "jobTitle", title) not in got, got


def test_each_appointee_of_a_list_of_appointments_holds_their_own_post():
    got = facts("The board announced the appointments of Jane Fox as chief executive and Bob Hart as chairman.")
    assert ("Jane Fox", "jobTitle", "chairman") not in got, got
    assert {("Jane Fox", "jobTitle", "chief executive"), ("Bob Hart", "jobTitle", "chairman")} <= got, got


def test_a_name_in_apposition_to_an_owned_unit_is_an_organisation():
    text = ("Kessel Group has chosen Ann Roe, currently head of its tankers business, to be the new head of "
            "its container shipping arm, Kessel Line, the group said.")
    assert entities(text)["Kessel Line"][0] == "Organization", entities(text)


@pytest.mark.parametrize("text, fact, stated", [
    ("Kemi Roe joined the club in 2019. She is Danish.", ("Kemi Roe", "nationality", "Denmark"), True),
    ("Kemi Roe joined the club in 2019. She is not Danish.", ("Kemi Roe", "nationality", "Denmark"), False),
])
def test_a_demonym_said_of_a_person_is_their_nationality(text, fact, stated):
    g = graph(text)  # stated by the rule, whatever the classifier makes of it
    label = {e.iri: e.label for e in g.entities}
    ruled = {(label[r.subject], r.predicate, label[r.obj]) for r in g.relations if r.extractor == "rule:nationality"}
    assert (fact in ruled) == stated, ruled


def test_a_travel_agencys_last_word_makes_it_an_organisation():
    text = "Executive Director, Kessel Travels, Olu Dare commended the appointment."
    assert entities(text)["Kessel Travels"][0] == "Organization", entities(text)
    assert ("Kessel Travels", "jobTitle", "Executive Director") not in facts(text), facts(text)


def test_a_headlines_new_title_names_no_one():
    text = "New Head Librarian appointed\n\nLibrary staffer Joanne Vell took up the post on Monday.\n" \
           "As Head Librarian, Ms Vell is principal advisor to the Minister of Education."
    got = entities(text)
    assert not {"New", "Head Librarian", "New Head Librarian"} & set(got), got
    assert ("Joanne Vell", "jobTitle", "Head Librarian") in facts(text), facts(text)


@pytest.mark.parametrize("title", ["Fr.", "Msgr.", "Mgr."])
def test_a_priests_abbreviated_title_ends_no_sentence(title):
    from kg.extract.nlp import load_nlp

    doc = load_nlp()(f"At the chapter, {title} Elias Vell was elected abbot. He will preside at elections.")
    assert len(list(doc.sents)) == 2, [s.text for s in doc.sents]


@pytest.mark.parametrize("text, name", [
    ("The Library of Congress (LOC) is an awesome institution.", "Library of Congress"),
    ("Ann Vell is superior general of the Society of Jesus.", "Society of Jesus"),
])
def test_a_bodys_of_name_ner_cut_after_of_is_one_name(text, name):
    got = entities(text)
    assert got.get(name, ("",))[0] == "Organization" and "Congress" not in got and "Jesus" not in got, got


def test_a_library_ner_calls_a_building_employs():
    assert ("author of t.txt", "worksFor", "Library of Congress") in facts(
        "I worked at the Library of Congress for years."), facts("I worked at the Library of Congress for years.")


def test_the_bank_is_no_society():
    text = ("Ann Vell joined the Royal Society of Kessary in 2001. Tom Magala is vice president for human "
            "resources at the bank.")
    assert not {f for f in facts(text) if f[0] == "Tom Magala" and f[2] == "Royal Society of Kessary"}, facts(text)


def test_a_field_ner_cut_from_a_bodys_name_is_no_employer():
    text = "Ann Vell joined the Royal Society for the encouragement of Arts, Manufactures and Commerce in 2001."
    assert "Arts" not in entities(text), entities(text)
    text = "Tom Magala is Vice President for Corporate Services and Human Resources at Kessel Bank."
    assert ("Tom Magala", "worksFor", "Corporate Services") not in facts(text), facts(text)


@pytest.mark.parametrize("text, person, title", [
    ("Tom Roe, the former chief executive of Kessel Mining, died.", "Tom Roe", "chief executive"),
    ("The erstwhile CEO of Kessel Mining, Jo Ray, left.", "Jo Ray", "CEO"),
])
def test_former_is_the_titles_flag_not_its_words(text, person, title):
    rels = [r for r in graph(text).relations if r.predicate == "jobTitle"]
    assert [(r.obj, r.former) for r in rels] == [(title, True)], rels


def test_a_councillors_cllr_is_no_part_of_the_name():
    got = entities("At the meeting on May 8, Cllr Tom Vell was elected mayor and Cllr Ann Roe deputy mayor.")
    assert got.get("Tom Vell", ("",))[0] == "Person" and not any(n.startswith("Cllr") for n in got), got


def test_names_after_a_plural_noun_hold_none_of_the_titles_listed_before_it():
    text = ("A new Executive Committee was also confirmed with seven new members elected to join the Chairman, "
            "Vice-Chairman, Chief Executive and two independents Anna Rossi and Lord Mervyn Davies.")
    assert not {f for f in facts(text) if f[1] == "jobTitle"}, facts(text)


def test_an_organisations_chief_with_a_works_there_and_leads_none_of_it():
    text = ("Tom Vell has been appointed chief executive of the board. He will bring more than 20 years of "
            "experience as an NHS Chief Executive.")
    got = facts(text)
    assert ("Tom Vell", "leads", "NHS") not in got and ("Tom Vell", "worksFor", "NHS") in got, got


def test_he_in_a_when_clause_is_the_agent_it_hangs_on():
    text = ("Mr Vell had hinted he was forced to leave, after Tom Ryall reinstated the board members, who had "
            "been sacked by Dan Cole when he was minister.")
    got = facts(text)
    assert ("Dan Cole", "jobTitle", "minister") in got and ("Vell", "jobTitle", "minister") not in got, got


def test_an_abbots_title_names_no_one():
    text = "At the chapter, Fr. Elias Vell was elected Abbot-President, to succeed Abbot Hugh Roe."
    got = facts(text)
    assert "Abbot" not in entities(text) and ("Hugh Roe", "jobTitle", "Abbot-President") not in got, got


def test_a_person_a_product_possesses_develops_nothing():
    got = facts("MSC hires Maersk's Soren Vell as CEO")  # NER: Maersk a product
    assert ("Soren Vell", "develops", "Maersk") not in got, got


def test_trained_as_names_no_post_and_a_member_is_no_employee():
    text = ("Trained as an engineer at The Citadel, Tom Vell was a member of the Florida Institute of Consulting "
            "Engineers, the National Society of Professional Engineers and the Kessel Concrete Institute.")
    got = facts(text)
    assert ("Tom Vell", "worksFor", "Citadel") not in got, got
    assert not {f for f in got if f[1] == "worksFor"}, got


@pytest.mark.parametrize("text, name", [
    ("Tom Vell had previously served with the West Yorkshire Fire and Rescue, where he joined in 1998.",
     "West Yorkshire Fire and Rescue"),
    ("Ann Roe joined the Kent Fire and Rescue Service in 2001.", "Kent Fire and Rescue Service"),
])
def test_a_fire_and_rescue_service_is_one_body(text, name):
    got = entities(text)
    assert name in got and "Rescue" not in got and "Rescue Service" not in got, got


def test_a_name_with_a_professors_title_is_a_person_whatever_ner_says():
    got = entities("He continued Prof Pauling's work in the 1940s at the Kessel Institute of Technology.")
    assert got.get("Pauling", ("",))[0] == "Person" and "Prof Pauling" not in got, got


@pytest.mark.parametrize("text", [
    "Ratan Vell, chairman emeritus of Kessel Sons, paid tribute.",
    "Ratan Vell, chairman designate of Kessel Sons, paid tribute.",
])
def test_a_name_beside_a_title_with_a_word_after_it_is_a_person(text):
    assert entities(text).get("Ratan Vell", ("",))[0] == "Person", entities(text)


def test_praise_and_the_head_of_a_family_are_no_job_titles():
    got = facts("Sir Tom Vell was an intelligent player. Omar Nasr, the head of a family of bankers, died.")
    assert not {f for f in got if f[1] == "jobTitle"}, got


def test_a_later_conjuncts_own_name_is_not_the_titles():
    got = facts("It is invaluable, said Jose Vell, a former Mexican finance minister and ITAM graduate.")
    assert ("Jose Vell", "worksFor", "ITAM") not in got and ("Jose Vell", "educatedAt", "ITAM") in got, got


def test_a_list_of_given_names_is_no_place_in_another():
    got = facts("Mr. Tom Vell is survived by his wife Elizabeth and children Robina, Lance, Lisa, Faith, Hope and Marcia.")
    assert not {f for f in got if f[1] == "locatedIn"}, got
    assert ("Robina", "locatedIn", "Queensland") in facts("She was born in Robina, Queensland, Ann Lee said.")


def test_the_classifiers_word_of_study_is_not_the_schools_own_name():
    text = ("Born in Kerala, Tom Vell was a noted physicist. He was ranked 24th amongst top scientists in the "
            "world by the Stanford University for his research in Theoretical Physics.")
    assert not {f for f in facts(text) if f[1] == "educatedAt"}, facts(text)


def test_a_year_of_something_else_is_no_founding_date():
    text = ("The founder of Mexico mining company Industrias Kessel, a world leader in silver production, Tom Vell "
            "had an estimated net worth of $8.6 billion in 2022, according to Forbes.")
    assert not {f for f in facts(text) if f[1] == "foundingDate"}, facts(text)


def test_a_verb_joined_to_a_relative_clauses_verb_has_its_subject():
    text = ("Tom Vell, the chemist, has died. Prof Vell's first student at Harvard, Roald Kessel, who was awarded "
            "the prize in 1981 and now teaches at Cornell University in Ithaca, said he was a great mentor.")
    got = facts(text)
    assert ("Tom Vell", "worksFor", "Cornell University") not in got, got


def test_a_person_ner_names_after_a_capital_is_a_body_of_it():
    got = entities("Kessel has a secondary listing on Euronext Amsterdam and plans a listing in Amsterdam.")
    assert got.get("Euronext Amsterdam", ("",))[0] == "Organization", got
    assert got.get("Amsterdam", ("",))[0] == "Place", got


def test_who_dies_is_a_person_and_who_joins_missionaries_a_member():
    text = ("Srichand Parmanand Kessel, the eldest of the four Kessel brothers, died in London on Wednesday. "
            "Tom Vell joined the Missionaries of Africa in 1981 and was ordained a priest in 1987.")
    assert entities(text).get("Srichand Parmanand Kessel", ("",))[0] == "Person", entities(text)
    got = facts(text)
    assert ("Tom Vell", "memberOf", "Missionaries of Africa") in got and not {f for f in got if f[1] == "worksFor"}, got


def test_a_companys_name_after_its_province_is_its_short_name():
    text = ("Chinese car maker Zhejiang Geely has bought Vexo from Ford. Li Shufu, chairman of Geely, said it was "
            "a historic day.")
    got = facts(text)
    assert ("Li Shufu", "leads", "Zhejiang Geely") in got and ("Li Shufu", "jobTitle", "chairman") in got, got


def test_named_to_be_a_title():
    got = facts("Kessoly named Stefan Vell, the former head of Volkswagen of America, to be Vexo president.")
    assert ("Stefan Vell", "leads", "Vexo") in got and ("Stefan Vell", "jobTitle", "president") in got, got


def test_a_headmaster_and_a_rector_lead():
    got = facts("He was 82. Tom Vell was headmaster of Kessel Grammar School from 1973 to 1993. "
                "Ann Lee, rector of the University of Tartu, spoke.")
    assert ("Tom Vell", "leads", "Kessel Grammar School") in got and ("Ann Lee", "leads", "University of Tartu") in got, got


def test_a_chinese_province_is_a_place_in_china():
    from kg.extract.places import is_place
    from kg.extract.rules.geography import containers

    assert is_place("Zhejiang") and containers("Heilongjiang") == {"China"}
    got = facts("The site is located just north of the river in Huangpi, Wuhan, Hubei, China.")
    assert ("Hubei", "locatedIn", "China") in got and ("Wuhan", "locatedIn", "China") in got, got


def test_a_governor_leads_a_bank_and_no_place():
    got = facts("The government named revenue secretary Tom Vell as the 26th governor of the Kessel Reserve Bank, "
                "replacing governor Ann Roe. Texas Governor Greg Abbott spoke.")
    assert ("Tom Vell", "leads", "Kessel Reserve Bank") in got, got
    assert not {f for f in got if f[0] == "Greg Abbott" and f[1] != "jobTitle"}, got


def test_posts_left_are_former():
    g = graph("Before joining Kessel on February 8, Tom Vell was chairman and managing director of REC Limited. "
              "Education minister Ramesh Kanti and labour minister Santosh Roe have resigned from the cabinet.")
    label = {e.iri: e.label for e in g.entities}
    current = {(label.get(r.subject), r.predicate, r.obj if r.object_is_literal else label.get(r.obj))
               for r in g.relations if not r.former and r.predicate in {"leads", "jobTitle"}}
    assert not current, current
    assert ("Tom Vell", "leads", "REC Limited") in {(label.get(r.subject), r.predicate, label.get(r.obj))
                                                    for r in g.relations}, g.relations


def test_a_countrys_own_body_in_documents_naming_no_country_is_each_documents_own():
    from kg.config import Settings
    from kg.distributed import extracted, merge
    from kg.extract.resolve import AliasIndex

    docs = [Document.from_text("Dr Vell and his Cabinet secretaries have hired 119 directors.", "a"),
            Document.from_text("President Roe swears in members of Cabinet.", "b")]
    index = AliasIndex()
    graphs = [merge(d, x, index, Settings().base_iri) for d, x in extracted(docs, Settings())]
    cabinets = [e.iri for g in graphs for e in g.entities if e.label == "Cabinet"]
    assert len(cabinets) == 2 and len(set(cabinets)) == 2, cabinets


def test_a_candidate_is_no_job_title():
    got = facts("The former president supported Kessel after his coalition candidate, Patricia Vell, came third.")
    assert not {f for f in got if f[1] == "jobTitle"}, got


def test_a_town_after_an_institutes_initials_is_a_place():
    got = entities("Tom Vell is an engineering graduate in computer science from IIT, Kanpur and has a master's "
                   "degree from Princeton University.")
    assert got.get("Kanpur", ("",))[0] == "Place", got


def test_a_korean_given_name_ner_cut_is_no_one_elses_surname():
    got = entities("Yoon named Kim Dae-ki as his chief of staff. Yoon announced the nomination of Kim In-chul, "
                   "former president of Hankuk University of Foreign Studies as minister of education.")
    assert "Kim In-chul" in got and "Kim Dae-ki" in got, got


@pytest.mark.parametrize("text, person, team", [
    (("Tom Vell joined Kessel Rovers. During his time at Kessel Rovers he won 4 titles and is considered one of "
      "their greatest ever players."), "Tom Vell", "Kessel Rovers"),
    (("Dan Roe of the Dallas Cowboys was the last non-specialist to kick on a regular basis, as he served as the "
      "team's starting quarterback and punter from 1980 until 1984."), "Dan Roe", "Dallas Cowboys"),
])
def test_who_plays_for_a_team_is_a_member(text, person, team):
    got = facts(text)
    assert (person, "worksFor", team) not in got and (person, "memberOf", team) in got, got


def test_a_teams_coach_hired_as_such_works_for_it():
    got = facts("Elsewhere around the league, the Chicago Bulls hired Billy Vell as their new head coach.")
    assert ("Billy Vell", "worksFor", "Chicago Bulls") in got and ("Billy Vell", "memberOf", "Chicago Bulls") not in got, got
    assert ("Tom Roe", "memberOf", "Bears") in facts("Tom Roe joined the Bears as a free agent.")


def test_titles_before_the_names_of_a_list_are_each_names_own():
    got = facts("Dyche's assistant manager Ian Woan, first-team coach Steve Stone and goalkeeping coach Billy Mercer "
                "have also left the club.")
    assert {f[2] for f in got if f[0] == "Ian Woan" and f[1] == "jobTitle"} == {"assistant manager"}, got
    assert ("Steve Stone", "jobTitle", "first-team coach") in got, got


def test_a_list_of_teams_is_no_place_in_another():
    got = facts("The new coach brings a wealth of international experience to the role, coaching at test match "
                "level with Scotland, Japan, the Wallabies and the All Blacks.")
    assert not {f for f in got if f[1] == "locatedIn"}, got


def test_who_has_left_the_club_held_the_post_before():
    g = graph("Kessel's assistant manager Ian Vell, first-team coach Steve Roe and goalkeeping coach Billy Kanti "
              "have also left the club. Ann Lee, the chief executive of Kessel, left for Paris on Monday.")
    label = {e.iri: e.label for e in g.entities}
    former = {(label[r.subject], r.obj) for r in g.relations if r.predicate == "jobTitle" and r.former}
    assert ("Ian Vell", "assistant manager") in former and ("Steve Roe", "first-team coach") in former, former
    assert ("Ann Lee", "chief executive") not in former, former


def test_the_club_a_player_came_from_is_no_home():
    got = facts("Hilal have also completed deals for defender Tom Vell from Chelsea and goalkeeper Ann Roe from Sevilla.")
    assert not {f for f in got if f[1] == "livesIn"}, got
    assert ("Ann Lee", "livesIn", "Chicago") in facts("Ann Lee, a Republican from Chicago, spoke.")


def test_who_signs_a_player_is_a_club():
    got = entities("Al Hilal have signed Aleksandar Vell from Fulham. Al Gore signed the bill.")
    assert got.get("Al Hilal", ("",))[0] == "Organization" and got.get("Al Gore", ("",))[0] == "Person", got
    assert ("Aleksandar Vell", "memberOf", "Al Hilal") in facts("Al Hilal have signed Aleksandar Vell from Fulham.")


def test_a_coach_is_no_member_of_the_club_or_league_the_classifier_ties_him_to():
    text = ("The Fiji Rugby Union has appointed Kessel Drua coach Mick Vell as the new Flying Fijians coach. "
            "The union said Vell joins Fiji Rugby with the blessing of the Kessel Drua management, and will "
            "complete this season while overseeing the Flying Fijians' preparations.")
    got = facts(text)
    assert not {f for f in got if f[0] == "Mick Vell" and f[1] == "memberOf"}, got


def test_an_awards_sponsor_employs_no_winner():
    text = ("Munster's former Director of Rugby, Rassie Erasmus, has been confirmed as the new South African coach. "
            "Forty-five year-old Erasmus, winner of the Guinness PRO12 Coach of the Season Award in 2017, takes over "
            "coaching duties from Allister Roe, who had been in charge of the Boks for two years.")
    assert not {f for f in facts(text) if f[2] == "Guinness"}, facts(text)


def test_a_country_lies_in_no_town():
    got = facts("The union approved a panel of coaches to lead the team for the two last matches of the qualifying "
                "series (against Congo in Brazzaville and against Ghana in Kumasi).")
    assert not {f for f in got if f[1] == "locatedIn" and f[0] in {"Congo", "Ghana"}}, got
    assert ("Brazzaville", "locatedIn", "Congo") in facts("The plant in Brazzaville, Congo, opened in May.")
    assert entities("Officials from the DRC met in Kinshasa.").get("Democratic Republic of the Congo", ("",))[0] == "Place"


def test_a_town_that_sacks_a_coach_is_its_club():
    got = entities("Struggling Burnley have sacked Sean Vell with just eight games remaining.")
    assert got.get("Burnley", ("",))[0] == "Organization", got
    assert entities("Lazio have sacked Tom Berg.").get("Lazio", ("",))[0] == "Organization"
    assert entities("Chicago signed the bill. Ann Lee visited Chicago.").get("Chicago", ("",))[0] == "Place"


def test_a_title_leaves_out_the_words_that_describe_its_holder():
    got = facts("The right-wing President Ann Lee met the non-Communist premier Tom Vell. Foreign Minister Bob Roe "
                "spoke, and Ann Ray, a non-executive director of Kessel, thanked the embattled manager Sean Vell.")
    titles = {(s, o) for s, p, o in got if p == "jobTitle"}
    assert {("Ann Lee", "President"), ("Tom Vell", "premier"), ("Bob Roe", "Foreign Minister"),
            ("Ann Ray", "non-executive director"), ("Sean Vell", "manager")} <= titles, titles


def test_a_company_made_by_a_merger_has_no_founder_in_a_former_director():
    text = ("Mr Odinga served as the Group Managing Director of the Commercial Bank of Kessel (CBK) before its merger "
            "with NIC to create NCBK. Currently, he is the chairman of the NCBK Group.")
    assert ("NCBK", "foundedBy", "Odinga") not in facts(text), facts(text)
    assert ("Kessel Labs", "foundedBy", "Ann Lee") in facts("Ann Lee left Rell to create Kessel Labs in 2001.")


def test_a_region_or_a_portfolio_in_a_title_is_no_employer():
    got = facts("Simeon Vell was Regional Director for Continental Africa at the bank. Ann Lee is the Regional "
                "Director for Sustainable Development in West and Central Africa.")
    assert not {f for f in got if f[1] in {"worksFor", "locatedIn"}}, got
    assert entities("Tom Roe ran the bank's office in Continental Africa.").get("Continental Africa", ("",))[0] == "Place"


def test_a_title_the_parse_joins_to_the_next_name_is_not_its_own():
    got = facts("The team also has a new Coordinator in Garba Lawal, while Toyin Bello is the new Media Officer and "
                "Godfirst Chike is the new Equipment Manager.")
    assert not {f for f in got if f[0] == "Chike" and f[2] in {"Officer", "Media Officer", "Media"}}, got
    assert ("Tim Cook", "jobTitle", "CEO") in facts("Apple's Chairman and CEO Tim Cook spoke.")


def test_an_owners_event_held_in_a_town_puts_no_owner_there():
    got = facts("Netflix's recent star-studded event, \"Lights, Camera... Naija!\" held in Lagos on August 13, 2023, "
                "has unveiled a lineup of new Nigerian films.")
    assert ("Netflix", "locatedIn", "Lagos") not in got, got


def test_a_member_of_a_committee_named_to_run_a_body_does_not_lead_it():
    for text in ("Ann Lee was also named in the Cricket Management Committee to run the Kessel Cricket Board.",
                 "Tom Roe was appointed to a five-member panel to run Kessel Bank until the election."):
        assert not {f for f in facts(text) if f[1] == "leads"}, facts(text)
    assert ("Ann Lee", "leads", "Kessel Bank") in facts("Ann Lee was named to run Kessel Bank.")


def test_a_countrys_its_is_no_companys():
    text = ("Kessel Mining will list on the ASX and the JSE. South Africa modified its Mining Charter in June, raising "
            "the threshold for black ownership of mining firms to 30%.")
    assert not {f for f in facts(text) if f[2] == "Mining Charter"}, facts(text)


def test_what_a_company_was_founded_as_is_a_company():
    got = entities("The company was founded by his grandfather, Emilio Vell, as Telesistema Mexicano in the 1950s.")
    assert got.get("Telesistema Mexicano", ("",))[0] == "Organization", got


def test_a_title_joined_to_a_name_by_and_is_anothers():
    got = facts("The minister was accompanied by his wife, Dr. Siti Vell and the deputy director of the Kessel Bank, "
                "Tom Roe, during the visit.")
    assert not {f for f in got if f[0] == "Siti Vell" and f[1] in {"jobTitle", "worksFor"}}, got
    assert ("Tom Roe", "jobTitle", "deputy director") in got, got


def test_a_secretary_is_a_job_title():
    got = facts("Health Secretary Mutahi Vell said the trial would start. Federal Secretary of Health, Ann Roe, agreed.")
    assert {("Mutahi Vell", "jobTitle", "Health Secretary"), ("Ann Roe", "jobTitle", "Federal Secretary of Health")} \
        <= got, got


def test_a_stake_only_speculated_about_is_no_investment():
    got = facts("Vireo Labs declined to comment on market speculation that it was in the fray for a stake in Kessel "
                "Pharma. Rell Holdings bought a stake in Kessel Pharma.")
    assert {f for f in got if f[1] == "investsIn"} == {("Rell Holdings", "investsIn", "Kessel Pharma")}, got


def test_drugs_and_probes_named_by_their_nouns_are_products():
    got = entities("Biogen makes the multiple sclerosis treatments Techfidera and Tysabri. Kessel sells Yuflyma, a "
                   "biosimilar referencing Humira. The agency launched the Amal probe in July.")
    assert {got.get(n, ("",))[0] for n in ("Techfidera", "Tysabri", "Yuflyma")} == {"Product"}, got
    assert ("Biogen", "develops", "Tysabri") in facts("Biogen makes the multiple sclerosis treatments Techfidera and "
                                                      "Tysabri.")


def test_titles_in_a_list_of_names_go_to_their_own_name():
    got = facts("It was signed in the presence of Ann Vell, Union Minister of Ports, Shipping and Waterways, Sultan Tom "
                "bin Roe, Group Chairman and CEO of DP World, and Raj Lal, Minister of State, at a ceremony in Delhi.")
    assert not {f for f in got if f[0] == "Ann Vell" and f[2] in {"CEO", "Group Chairman", "DP World", "Waterways"}}, got
    assert ("Kofi Mensah", "nationality", "Ghana") in facts("Kofi Mensah, a former minister of Ghana, spoke.")


def test_a_head_titled_right_before_the_name_is_found():
    got = facts("Kessel on Thursday said Chief Executive Felipe Vell will leave his post on March 31.")
    assert ("Felipe Vell", "jobTitle", "Chief Executive") in got, got
    got = facts("Petronas president and CEO Wan Zulkiflee Wan Ariffin will become chairman of national carrier "
                "Malaysia Airlines, the Premier said.")
    assert {("Wan Zulkiflee Wan Ariffin", "leads", "Petronas"), ("Wan Zulkiflee Wan Ariffin", "jobTitle", "CEO")} \
        <= got, got
    assert not {f for f in facts("Acme's president and Ann Lee met in Paris.") if f[0] == "Ann Lee"}


def test_an_offshoot_is_a_company():
    got = facts("Qantas has named Alan Vell, the head of its Jetstar offshoot, as chief executive of the airline group.")
    assert ("Qantas", "develops", "Jetstar") not in got, got
    assert ("Kessel Air", "subsidiaryOf", "Rell Airways") in facts("Kessel Air is an offshoot of Rell Airways.")


def test_a_dateline_after_a_bullet_employs_no_one():
    got = facts("KUALA LUMPUR • Malaysian Prime Minister Ann Vell yesterday named a new chief executive for national "
                "oil company Petroliam Nasional (Petronas), replacing a veteran with the company's finance chief.")
    assert not {f for f in got if f[2] == "KUALA"}, got


def test_a_body_ner_and_its_last_word_agree_on_is_no_person():
    got = entities("The panel will be headed by the government headhunter Public Enterprises Selection Board (PESB) "
                   "chairperson and will include the oil secretary as a member.")
    assert got.get("Public Enterprises Selection Board", ("",))[0] == "Organization", got


def test_a_judge_works_for_the_court_the_office_names():
    got = facts("Zambian High Court Judge Winnie Vell discharged the injunction. Mayor Karen Whit of Leeds spoke.")
    assert ("Winnie Vell", "worksFor", "Zambian High Court") in got, got
    assert not {f for f in got if f[0] == "Karen Whit" and f[1] == "worksFor"}, got


def test_a_town_before_a_persons_trade_is_a_place():
    text = "Benavides, a well-known Santiago businessman, served until Friday as chairman at Kessel Bank."
    assert entities(text)["Santiago"][0] == "Place"
    got = facts(text)
    assert ("Benavides", "worksFor", "Santiago") not in got and ("Benavides", "livesIn", "Santiago") in got, got
    assert entities("Ann Lee, a Skadden businessman, left.").get("Skadden", ("Organization",))[0] != "Place"


def test_a_country_before_a_firms_post_is_its_region():
    got = facts("Kessel Vell chief executive partner Robert Mill, his successor Stuart Fell, and China managing partner "
                "Larry Kwok had come to Beijing to discuss a referral.")
    assert ("Larry Kwok", "nationality", "China") not in got, got
    assert ("Ann Lee", "nationality", "China") in facts("Chinese managing partner Ann Lee left Kessel Vell.")


def test_a_name_after_a_years_possessive_is_a_work():
    text = ("Vell has directed 13 features, including 2004's Vsadnik Po Imeni Smert (The Rider Named Death). "
            "He has been heading Moscow-based Kessel Studio since 1998.")
    assert entities(text).get("Vsadnik Po Imeni Smert", ("",))[0] != "Person", entities(text)
    assert ("Vsadnik Po Imeni Smert", "leads", "Kessel Studio") not in facts(text)


def test_a_post_early_in_a_career_is_former():
    got = graph("Earlier in his career, Joe Vell was chief executive of Kessel Bank. "
                "Earlier this year, Ann Roe was named chief executive of Rell Bank.")
    former = {(r.subject.rsplit("/", 1)[-1], r.predicate) for r in got.relations if r.former}
    assert ("Joe_Vell", "leads") in former and ("Ann_Roe", "leads") not in former, former


def test_a_name_the_parser_took_for_an_adverb_is_the_object():
    assert ("Sam Dube", "leads", "MTN") in facts("Sam Dube, 45, now runs MTN.")


def test_what_a_recipient_received_is_no_one():
    got = facts("Dr Vell is a recipient of the Tamgha-i-Imtiaz and Sitara-i-Imtiaz and has worked with the UN, "
                "USAID and the World Bank for the past two decades.")
    assert not {f for f in got if f[0] == "Sitara"}, got
    assert "Sitara" not in entities("Dr Vell is a recipient of the Tamgha-i-Imtiaz and Sitara-i-Imtiaz.")


def test_a_version_of_a_thing_is_not_in_it():
    got = facts("Kessel is hoping to win approval for Remsima SC, the biosimilar and subcutaneous version of "
                "Remicade, by the end of this year.")
    assert not {f for f in got if f[1] == "locatedIn"}, got


@pytest.mark.parametrize("name", ["Food and Drug Administration", "U.S. Fish and Wildlife Service",
                                  "National Oceanic and Atmospheric Administration"])
def test_a_field_word_and_an_administration_are_one_name(name):
    assert entities(f"Ann Vell met officials of the {name} in May.").get(name, ("",))[0] == "Organization"


def test_its_in_an_opening_phrase_is_the_subject_after_it():
    got = facts("Google bought Wiz for $32 billion. Despite its name, Palo Alto was founded by Israeli engineer and "
                "mathematician Nir Vell in 2005.")
    assert not {f for f in got if f[0] == "Google" and f[1] in {"foundedBy", "foundingDate"}}, got
    got = facts("Kessel bought Wiz last year. In its first year, Rell Labs hired Ann Vell, who founded Zentro.")
    assert not {f for f in got if f[0] == "Kessel" and f[2] == "Ann Vell"}, got


def test_who_died_is_the_subject_right_before_the_verb():
    got = graph("Kessel Telecom on Tuesday appointed board member Tom Joseph as interim chief executive officer "
                "after its long-time executive Bob Collymore died of cancer.")  # both "died" to the parser
    label = {e.iri: e.label for e in got.entities}
    posts = {(label[r.subject], r.obj, r.former) for r in got.relations if r.predicate == "jobTitle"}
    assert ("Tom Joseph", "interim chief executive officer", False) in posts, posts
    assert not {p for p in posts if p[0] == "Bob Collymore"}, posts


def _posts(text: str) -> set[tuple[str, str, str, bool]]:
    got = graph(text)
    label = {e.iri: e.label for e in got.entities}
    return {(label.get(r.subject, r.subject), r.predicate, label.get(r.obj, r.obj), r.former) for r in got.relations
            if r.predicate in {"jobTitle", "leads", "worksFor"}}


@pytest.mark.parametrize("text, fact", [
    ("The board accepted the Jan. 2 resignation of Kang Vell as Kessel Holdings chairman.",
     ("Kang Vell", "jobTitle", "chairman")),
    ("Earlier, Dhanin Vell was both chief executive and chairman of Kessel Group.",
     ("Dhanin Vell", "jobTitle", "chairman")),
    ("Obayed Vell joined the Kessel Bank as its CEO and MD in 2019. On Monday Tom Roe replaced Obayed Vell.",
     ("Obayed Vell", "leads", "Kessel Bank")),
    ("Bonnie Vell, who was head of the listing division, took over as chief executive on March 1.",
     ("Bonnie Vell", "jobTitle", "head")),
])
def test_a_post_the_text_ends_is_former(text, fact):
    posts = _posts(text)
    assert (*fact, True) in posts and (*fact, False) not in posts, posts


def test_a_post_to_be_taken_or_held_this_week_is_not_former():
    assert ("Ann Vell", "leads", "Kessel Bank", False) in _posts(
        "Ann Vell is chairman of Kessel Bank. Tom Roe will replace Ann Vell next year.")
    assert ("Ann Vell", "jobTitle", "chairman", False) in _posts(
        "Earlier this week, Ann Vell was chairman of Kessel Bank.")


def test_a_kin_noun_before_a_name_keeps_the_title_before_it_from_the_name():
    got = facts("The Kessel Group recently appointed Dhanin’s youngest son Suphachai as chief executive officer and "
                "Suphachai’s elder brother Soopakij as group chairman.")
    assert not {f for f in got if f[0] == "Soopakij" and f[2] in {"chief executive officer", "Kessel Group"}}, got


def test_the_bank_may_be_a_bank_named_with_a_word_of_no_business():
    got = facts("The apex bank announced Yetunde Vell as the Managing Director of Union Bank while Mannir Roe was "
                "appointed as the bank's Executive Director. For Polaris Bank, Lawal Kessel was appointed as the "
                "Managing Director.")
    assert ("Mannir Roe", "worksFor", "Union Bank") in got and ("Mannir Roe", "worksFor", "Polaris Bank") not in got, got


def test_a_countrys_possessive_before_a_company_is_no_nationality_of_its_chief():
    got = facts("SAO PAULO, Oct 11 (Reuters) - Brazil's Banco Kessel SA Chief Executive Luiz Carlos Vell said on "
                "Monday that profits rose.")
    assert not {f for f in got if f[1] == "nationality"}, got
    assert ("Ann Roy", "nationality", "Italy") in facts("Italy's Ann Roy won the race.")


def test_what_someone_impressed_as_is_no_post():
    got = facts("She impressed us as an innovator and an outstanding leader and manager, said Bill Vell.")
    assert not {f for f in got if f[1] == "jobTitle" and f[2] == "manager"}, got


@pytest.mark.parametrize("text, fact", [
    ("Vodafone Group has a 5% stake in Kessel Telecom.", ("Vodafone Group", "investsIn", "Kessel Telecom")),
    ("Kessel Telecom is 35% owned by South Africa's Vodacom Group.", ("Vodacom Group", "investsIn", "Kessel Telecom")),
    ("Holding company Exor, which controls 30 percent of Stellantis, said so.", ("Exor", "investsIn", "Stellantis")),
    ("Kessel Group owns 60% of Rell Bank.", ("Rell Bank", "subsidiaryOf", "Kessel Group")),
    ("Temasek Holdings, DBS Bank's biggest shareholder, said it was pleased.",
     ("Temasek Holdings", "investsIn", "DBS Bank")),
    ("Coles Group's parent company Wesfarmers said sales rose.", ("Coles Group", "subsidiaryOf", "Wesfarmers")),
])
def test_what_a_company_holds_of_another(text, fact):
    assert fact in facts(text)


def test_a_holding_denied_or_planned_is_none():
    assert not facts("Kessel Group does not own 20% of Rell Bank. Zentro plans to own 30% of Vexa Holdings.")


def test_an_appointments_to_and_opening_for_name_the_post_s_organisation():
    got = facts("Ann Vell was appointed as new chief executive to the Polish insurance giant PZU.")
    assert ("Ann Vell", "leads", "PZU") in got, got
    got = facts("For Polaris Bank, Lawal Vell was appointed as the Managing Director and Chief Executive Officer.")
    assert ("Lawal Vell", "leads", "Polaris Bank") in got, got


def test_a_kin_nouns_of_names_a_person_and_a_trust_is_an_organisation():
    text = ("Noel Vell, the half-brother of Ratan Tata, has been appointed the new chairman of Kessel Trusts. "
            "The trusts include the Ratan Tata Trust and the Sarvajanik Seva Trust.")
    got = entities(text)
    assert got["Ratan Tata"][0] == "Person" and got["Ratan Tata Trust"][0] == "Organization", got
    assert ("Noel Vell", "worksFor", "Ratan Tata") not in facts(text)


def test_a_kin_word_anothers_possessive_holds_is_not_the_subjects():
    got = facts("Mustafa Koc, the chairman of Turkey's biggest conglomerate Koc Holding, died on Tuesday. President "
                "Tayyip Vell called Koc's father, Rahmi Koc, and his brother, Ali Koc, to express his condolences.")
    assert ("Tayyip Vell", "childOf", "Rahmi Koc") not in got, got


def test_a_who_clause_equating_a_name_with_a_post_makes_a_person():
    text = "Lootah, who is also chairman of Summit Bank, said the deal was done."
    assert entities(text)["Lootah"][0] == "Person"
    assert ("Lootah", "leads", "Summit Bank") in facts(text)
    assert entities("Arsenal, who are champions, beat Chelsea on Sunday.").get("Arsenal", ("",))[0] != "Person"


@pytest.mark.parametrize("text, fact, former", [
    ("Ann Vell has taken up a role as the new head of Kessel Bank.", ("Ann Vell", "leads", "Kessel Bank"), False),
    ("Joseph Vell told Reuters he would continue in his role as chairman of Kenya Airways.",
     ("Joseph Vell", "leads", "Kenya Airways"), False),
    ("Ann Vell quit her role as chairman of Kessel Bank.", ("Ann Vell", "leads", "Kessel Bank"), True),
])
def test_a_role_as_a_title_is_the_title(text, fact, former):
    assert (*fact, former) in _posts(text), _posts(text)


@pytest.mark.parametrize("text, fact", [
    ("Qtel agreed to buy a stake from Singapore-based sovereign wealth fund Temasek.",
     ("Temasek", "headquarteredIn", "Singapore")),
    ("He sold it to Dubai-based developer Emaar Properties.", ("Emaar Properties", "headquarteredIn", "Dubai")),
])
def test_a_based_noun_before_a_name_places_it(text, fact):
    assert fact in facts(text)


def test_a_pronoun_does_not_skip_the_main_person_for_a_given_names_gender():
    text = ("Russian director Karen Vell, who is currently general director of the Kessel Studio complex, is being "
            "considered for the job of culture minister. Following an announcement that the current culture "
            "minister, Alexander Roe, won't stay in the new cabinet, the media have come up with a list of his "
            "possible successors, including Vell. Vell has directed 13 features. Vell's next film is a drama. "
            "He has been heading Moscow-based Kessel Studio since 1998.")
    assert ("Alexander Roe", "leads", "Kessel Studio") not in facts(text)


def test_a_name_after_a_military_rank_is_a_person():
    text = ("Bainimarama named Land Force Commander Colonel Mosese Vell to take over. Vell said the military "
            "would not stop. He became better known after he took over as president of the Fiji Rugby Union.")
    got = entities(text)
    assert got.get("Mosese Vell", ("",))[0] == "Person", got
    assert ("Bainimarama", "leads", "Fiji Rugby Union") not in facts(text)


@pytest.mark.parametrize("text, country", [
    ("He met the Ambassador of the United Kingdom of Great Britain and Northern Ireland in Kyiv.", "United Kingdom"),
    ("Abayomi Vell presented Letters of Credence to the President of the Republic of Cameroon.", "Cameroon"),
    ("The Federal Republic of Nigeria and Ghana signed a deal.", "Nigeria"),
])
def test_a_countrys_official_name_is_the_country(text, country):
    got = entities(text)
    assert got.get(country, ("",))[0] == "Place" and not [n for n in got if "Republic" in n or "Great Britain" in n], got


def test_an_honorific_before_a_family_name_written_first_joins_the_full_name():
    got = entities("Chinese leader Xi Jinping has announced changes. Mr. Xi removed his foreign minister, Qin Gang, "
                   "in July. On Tuesday, Mr. Qin was also stripped of his title.")
    assert "Xi" not in got and "Qin" not in got, got
    got = entities("Premier Li Qiang met Gen. Li Shangfu on Monday. Later Mr. Li said the talks went well.")
    assert got.get("Li Qiang", ("", ()))[1] == () and got.get("Li Shangfu", ("", ()))[1] == (), got  # either: no guess


def test_an_appointer_is_no_employer_of_a_post_elsewhere():
    got = facts("PM Sharif has also appointed Lt Gen Sahir Shamshad Vell as the chairman of the Joint Chiefs of Staff "
                "Committee.")
    assert ("Sahir Shamshad Vell", "leads", "Joint Chiefs of Staff Committee") in got, got
    assert not {f for f in got if f[1] == "worksFor" and "Sharif" in f[2]}, got
    got = facts("Kessel Group appointed Ann Vell as chairman of Zentro Bank.")
    assert ("Ann Vell", "worksFor", "Kessel Group") not in got and ("Ann Vell", "leads", "Zentro Bank") in got, got
    assert ("Ann Vell", "worksFor", "Kessel Group") in facts("Kessel Group hired Ann Vell in 2019.")


def test_an_origin_is_no_nationality():
    got = facts("Mr. Kumi Vell, an Indian-orgin born in Durban, leads Kessel International.")
    assert not {f for f in got if f[1] == "nationality"}, got


def test_an_adjective_alone_is_no_short_name_of_an_organisation():
    got = entities("Kumi Vell has been appointed Secretary General of Amnesty International. Mr. Vell was formerly "
                   "International Executive Director of Greenpeace.")
    assert "International" not in got.get("Amnesty International", ("", ()))[1], got


def test_an_adjective_opening_a_title_is_no_employer():
    got = facts("Mr. Kumi Vell was formerly International Executive Director of Greenpeace.")
    assert ("Kumi Vell", "worksFor", "Greenpeace") in got and not {f for f in got if f[2] == "International"}, got


def test_a_ranks_abbreviation_is_no_part_of_a_name():
    got = entities("Prime Minister Shehbaz Vell has picked a new army chief. Gen Munir Roe said so.")
    assert "Munir Roe" in got and "Gen Munir Roe" not in got, got


def test_a_title_between_two_names_goes_to_the_subject_after_it():
    got = facts("In a ceremony led by President Bola Vell, the Nigeria Ambassador to the Republic of Cameroon, Abayomi "
                "Okafor presented Letters of Credence to President Paul Biya.")
    assert ("Bola Vell", "jobTitle", "Ambassador") not in got, got


def test_a_successor_with_no_title_of_their_own_takes_the_post_they_succeed():
    got = facts("Kessel Stores chief executive Richard Vell will be succeeded by Pieter Roe in March.")
    assert {("Pieter Roe", "leads", "Kessel Stores"), ("Pieter Roe", "jobTitle", "chief executive")} <= got, got
    got = facts("Kessel Stores chief executive Richard Vell may be succeeded by Pieter Roe.")
    assert ("Pieter Roe", "leads", "Kessel Stores") not in got, got
    got = facts("Ann Vell, chief executive of Kessel Bank, will be replaced by Tom Roe, the bank's finance chief.")
    assert ("Tom Roe", "jobTitle", "chief executive") not in got, got


def test_a_family_name_written_first_gives_no_gender():
    text = ("Kessel removed defense minister Li Shangfu from his position on Oct. 24. Gen. Li hasn't been heard from "
            "publicly for nearly two months. His last public appearance was on Aug. 29, when he addressed a forum of "
            "the Kessel Defence Council.")
    g = graph(text)
    assert not [e for e in g.entities if e.label.startswith("unnamed person")], [e.label for e in g.entities]


def test_a_post_kept_beside_one_left_is_current_and_a_founding_never_over():
    posts = _posts("Ann Vell stepped down as chief executive of Kessel Bank but remains chairman of the bank.")
    assert {("Ann Vell", "jobTitle", "chairman", False), ("Ann Vell", "jobTitle", "chief executive", True)} <= posts
    got = graph("Peter Vell, the co-founder of Kessel Insurance, stepped down as chief executive but will remain as "
                "chairman.")
    assert [r.former for r in got.relations if r.predicate == "foundedBy"] == [False], got.relations


def test_a_persons_own_and_a_letter_are_no_organisations_and_a_bishop_is_no_part_of_a_name():
    text = ("When he started his Episcopal Ministry in 2009, Bishop Kariuki Vell served the Diocese of Embu. "
            "Abayomi Roe presented Letters of Credence to President Paul Biya.")
    got = entities(text)
    assert "Episcopal Ministry" not in got and "Letters of Credence" not in got, got
    assert "Kariuki Vell" in got and not {f for f in facts(text) if f[1] == "foundedBy"}, got
    assert "Apple" in entities("She sold her Apple shares in 2019.")


def test_an_offices_acronym_is_no_organisation():
    got = entities("As he takes over office, the new IGP will take the leading role in the Kessel Police Service. "
                   "Pakistan named Lt Gen Asim Vell as chief of army staff (COAS) on Thursday.")
    assert "IGP" not in got and "COAS" not in got, got


@pytest.mark.parametrize("text, fact", [
    ("Kessel Group chairman Cho Seok-rae stepped down and eldest son Cho Hyun-joon was promoted in his place.",
     ("Cho Hyun-joon", "leads", "Kessel Group")),
    ("Kessel Bank chief executive Ann Vell retired, and the board appointed Tom Roe to replace her.",
     ("Tom Roe", "leads", "Kessel Bank")),
])
def test_a_successor_in_ones_place_takes_the_post_left(text, fact):
    assert (*fact, False) in _posts(text), _posts(text)


def test_an_in_chief_title_is_whole_and_the_holders_sex_is_no_part_of_it():
    got = facts("Ann Vell, the editor-in-chief of the Kessel Herald, said so. She will be the second female "
                "editor-in chief of the paper. Delfina Gomez became the first female governor of Kessel State.")
    assert {("Ann Vell", "jobTitle", "editor-in-chief"), ("Delfina Gomez", "jobTitle", "governor")} <= got, got
    assert not {f for f in got if f[2] in {"editor", "chief", "female editor", "female governor"}}, got


def test_the_parts_of_a_coalition_are_not_what_its_leader_leads():
    got = facts("Jotham Vell will lead a coalition government made up of four parties: the Leaders Party, the "
                "Kessel Party, the Graon Party and the Reunification Movement for Change.")
    assert not {f for f in got if f[0] == "Jotham Vell" and f[1] in {"leads", "memberOf"}}, got


def test_a_party_another_name_holds_is_not_its_neighbours():
    got = facts("Those sworn in were former Zentro governor Annabel Lester, the Union Front's Boris Ekland and "
                "city MP Dina Lutterman.")
    assert ("Boris Ekland", "memberOf", "Union Front") in got, got
    assert not {f for f in got if f[2] == "Union Front" and f[0] != "Boris Ekland"}, got
    got = facts("Dan Kowalski won against his opponent, Liberal Party (LP) bet and incumbent vice mayor Patrick "
                "Joseph Javier, by 5,000 votes.")
    assert ("Dan Kowalski", "memberOf", "Liberal Party") not in got, got


def test_a_surname_goes_to_the_first_full_name_a_suffixed_one_included():
    text = ("The commission proclaimed Mayor Benjamin Vellos Jr. as the winner. Vellos is at present the president "
            "of the Union of Local Authorities of Kessel. Other winners were councilors Jonathan Vellos and Ann Roe.")
    got = facts(text)
    assert ("Benjamin Vellos Jr.", "leads", "Union of Local Authorities of Kessel") in got, got
    assert not {f for f in got if f[0] == "Jonathan Vellos"}, got


def test_a_candidate_for_a_chamber_is_no_member_of_it():
    assert not facts("The House of Representatives candidate, Kunle Adu, left the party.")
    assert ("Ann Roe", "memberOf", "Labour Party") in facts("Labour Party candidate Ann Roe won the seat.")


def test_a_partys_branch_is_no_place_of_the_party_and_a_candidates_party_no_home():
    assert not facts("The Peoples Democratic Party (PDP) in Ondo has lost prominent members.")
    assert ("Acme Corp", "locatedIn", "Ohio") in facts("Acme Corp in Ohio has cut jobs.")
    assert not {f for f in facts("Morena candidate Delfina Gomez won the election.") if f[1] == "livesIn"}


def test_a_general_title_and_a_ministers_portfolio_are_no_organisations():
    got = entities("Kessel Secretary General Lenaitasi Vell resigned on Monday. Twelve ministers tendered their "
                   "resignations including Union Health Minister Dr Anil Vardhan and IT Minister Ravi Shankar Vell.")
    assert "Kessel Secretary" not in got and "Union Health" not in got, got
    posts = _posts("Twelve ministers tendered their resignations including Union Health Minister Dr Anil Vardhan and "
                   "IT Minister Ravi Shankar Vell.")
    assert {("Anil Vardhan", "jobTitle", "Union Health Minister", True),
            ("Ravi Shankar Vell", "jobTitle", "IT Minister", True)} <= posts, posts


def test_one_replaced_as_a_post_held_it_before():
    posts = _posts("Ann Vell, who was replaced by Tom Roe as chief executive of Kessel Bank, joined the cabinet.")
    assert ("Ann Vell", "jobTitle", "chief executive", False) not in posts, posts
    assert ("Di Roe", "jobTitle", "chairman", False) in _posts("Di Roe, who will be replaced by Al Lee as chairman of "
                                                                 "Kessel Bank, spoke.")


def test_an_appointment_left_later_in_the_sentence_is_over():
    posts = _posts("Colin Vell was appointed executive editor of the Kessel Post in 2001 but left in 2007.")
    assert ("Colin Vell", "worksFor", "Kessel Post", True) in posts, posts
    posts = _posts("Tom Roe was named editor of the Kessel Post and left for Paris.")
    assert ("Tom Roe", "worksFor", "Kessel Post", False) in posts, posts


def test_a_partys_secretary_general_is_its_member_and_a_hyphened_title_is_one():
    got = facts("Toby Vell, secretary general of the Kessel Party, spoke.")
    assert ("Toby Vell", "memberOf", "Kessel Party") in got and ("Toby Vell", "leads", "Kessel Party") not in got, got
    got = facts("Ann Roe, the secretary-general of the United Nations, spoke.")
    assert ("Ann Roe", "leads", "United Nations") in got and ("Ann Roe", "jobTitle", "secretary") not in got, got


def test_a_partys_possessive_after_its_short_name_and_a_politicians_party():
    got = facts("Other new faces include the Kessel Janata Party (KJP)'s Pashupati Vell, former Zentro CM Narayan Roe "
                "and New Delhi MP, Meenakshi Lekhi.")
    assert ("Pashupati Vell", "memberOf", "Kessel Janata Party") in got, got
    assert not {f for f in got if f[2] == "Kessel Janata Party" and f[0] != "Pashupati Vell"}, got
    assert ("Ahmad Sahruddin", "memberOf", "Bersatu") in facts("Ahmad Sahruddin is a Bersatu politician.")
    assert ("Bode Obanla", "memberOf", "Kessel Party") in facts("Bode Obanla defected to the ruling Kessel Party on "
                                                                 "Monday.")


def test_the_source_of_a_story_is_no_employer_and_a_list_after_a_dash_is_a_groups_parts():
    got = facts("LAHORE: Kessel League leader Shahbaz Vell was elected as Punjab chief minister after securing 300 votes "
                "on Thursday, Express News reported.")
    assert not {f for f in got if f[2] == "Express News"}, got
    got = facts("Jotham Vell was elected prime minister. He will lead a coalition government made up of four "
                "political parties — Leaders Party, Kessel Party, Graon Mo Jastis Party and the Iauko Group.")
    assert not {f for f in got if f[0] == "Jotham Vell" and f[2] in {"Kessel Party", "Graon Mo Jastis Party"}}, got


def test_a_politicians_party_is_named_before_the_title_and_a_name_part_ends_no_sentence():
    got = facts("Ann Vell is an Irish Labour Party politician who served as Minister of State at the Department of "
                "Kessel Affairs from 1994 to 1997.")
    assert ("Ann Vell", "memberOf", "Irish Labour Party") in got, got
    assert ("Ann Vell", "memberOf", "Department of Kessel Affairs") not in got, got
    got = entities("UNA vice mayoral candidate Clint Vell also defeated Ma. Elsa Bautista-Roe of the Kessel Coalition.")
    assert "Ma" not in got and "Elsa Bautista-Roe" in got, got


def test_a_post_one_is_congratulated_on_is_the_objects():
    got = facts("President Bola Vell has congratulated Mr Ayuba Roe on his re-election as President of the Kessel "
                "Labour Congress.")
    assert ("Ayuba Roe", "leads", "Kessel Labour Congress") in got, got
    assert ("Bola Vell", "leads", "Kessel Labour Congress") not in got, got


def test_a_companys_short_name_that_is_a_town_and_its_listing_and_legal_form():
    got = facts("Aurora Construction Company won a contract in Ohio. Joe Vell, Aurora's CEO, said he was pleased.")
    assert ("Joe Vell", "leads", "Aurora Construction Company") in got, got
    text = ("Kessel Construction Company, Inc. (NasdaqGS: KCC) said its subsidiary, Road and Highway Builders, LLC, "
            "won a contract.")
    got = entities(text)
    assert "NasdaqGS" not in got and "Road and Highway Builders" in got and "Road" not in got, got


def test_a_unions_acronym_after_an_officers_title_is_its_employer():
    assert ("Brian Vell", "worksFor", "VTHC") in facts("Brian Vell, secretary of VTHC, said the strike would go ahead.")


def test_an_example_of_a_groups_kind_is_no_membership():
    got = facts("Shadreck Vell said he focused on specialist groups such as the Kessel Association of Tobacco Growers, "
                "the Horticulture Producers Association, and the Cotton Growers Association, among others.")
    assert not {f for f in got if f[1] in {"memberOf", "worksFor", "leads"}}, got


@pytest.mark.parametrize("text, fact", [
    ("Ann Vell was elected unopposed as president of the Kessel Chamber of Commerce on Monday.",
     ("Ann Vell", "leads", "Kessel Chamber of Commerce")),
    ("Dona Regis was selected to serve as Secretary General of the Kessel Tourism Organisation.",
     ("Dona Regis", "jobTitle", "Secretary General")),
    ("The union elected Christina Vell to become its first female general secretary.",
     ("Christina Vell", "jobTitle", "general secretary")),
])
def test_an_election_with_a_word_between_or_a_post_to_serve_in(text, fact):
    assert fact in facts(text), facts(text)
    assert not {f for f in facts("Tom Roe hopes to serve as chairman of Acme.") if f[1] in {"leads", "jobTitle"}}


def test_a_persons_body_in_brackets_after_the_name():
    got = facts("Sheikh Muhammad Vell (Kessel Chamber of Commerce and Industry) and Akbar Roe (Pakistan Iron and Steel "
                "Merchants Association) have been elected vice presidents.")
    assert {("Muhammad Vell", "worksFor", "Kessel Chamber of Commerce and Industry"),
            ("Akbar Roe", "memberOf", "Pakistan Iron and Steel Merchants Association")} <= got, got
    assert not {f for f in facts("Amazon Web Services (AWS) opened an office.") if f[1] in {"worksFor", "memberOf"}}


def test_a_family_name_written_first_of_three_words_is_the_elders():
    text = ("Tan Sri Yeoh Tiong Vell, a prominent businessman, has passed away. Yeoh, who passed away yesterday, is "
            "the founder of the Kessel Group. His eldest son Tan Sri Francis Yeoh said the group had grown.")
    got = entities(text)
    assert "Yeoh" not in got.get("Francis Yeoh", ("", ()))[1], got
    assert ("Kessel Group", "foundedBy", "Yeoh Tiong Vell") in facts(text), facts(text)


def test_a_plural_possessive_in_a_name_and_a_demonym_before_a_place():
    got = entities("He was the founding chairman of Kessel Constructors' Federation. She studied at Ashok Vell Girls' "
                   "High School in Kolkata.")
    assert "Kessel Constructors' Federation" in got and "Ashok Vell Girls' High School" in got, got
    got = entities("Ishfaq Ahmad was born in Gurdaspur, British India, in 1933.")
    assert "United Kingdom" not in got and "Gurdaspur, United Kingdom" not in got, got


def test_joining_a_school_to_study_is_schooling():
    got = facts("Tom Roe joined the University of Kessel in France, where he studied physics. Ann Lee was educated at "
                "Kessel Primary School before joining Nyenga Seminary in 1964.")
    assert ("Tom Roe", "educatedAt", "University of Kessel") in got, got
    assert not {f for f in got if f[1] == "worksFor"}, got
    assert ("Ann Lee", "worksFor", "Acme") in facts("Ann Lee joined Acme in 2001.")


def test_a_region_after_an_office_without_of_is_a_place():
    got = entities("The forum was addressed by Mohammad Vell, Governor Sindh, and others.")
    assert got.get("Sindh", ("",))[0] == "Place", got


def test_an_honour_received_is_no_schooling():
    got = facts("In 1985 Tom Vell received from the Emperor of Japan the Order of the Sacred Treasure. Ann Roe "
                "received the Distinguished Flying Cross from the Kessel Air Academy.")
    assert not {f for f in got if f[1] == "educatedAt"}, got


def test_a_rulers_style_is_its_holder_no_organisation():
    got = entities("The Sultan of Kessel met the Emperor of Japan in Tokyo.")
    assert got.get("Emperor of Japan", ("",))[0] == "Person", got
    assert not {f for f in facts("The Emperor of Japan met the Sultan in Tokyo.") if f[1] == "headquarteredIn"}


def test_an_acronym_coined_in_another_language_names_the_party():
    text = ("The Kessel Socialist Party (PSK) won in Vell. Mayor Joana Ruiz (PSK) was re-elected. The Mitsubishi "
            "Vell Group (JAPAN) grew.")
    got = entities(text)
    assert "PSK" in got.get("Kessel Socialist Party", ("", ()))[1], got
    assert "JAPAN" not in got.get("Mitsubishi Vell Group", ("", ()))[1], got
    assert ("Joana Ruiz", "memberOf", "Kessel Socialist Party") in facts(text), facts(text)


def test_the_one_by_names_acquired_what_the_clause_is_about():
    got = facts("After the acquisition by Kessel Pay, Vell Mobile grew fast.")
    assert ("Kessel Pay", "acquired", "Vell Mobile") in got and ("Vell Mobile", "acquired", "Kessel Pay") not in got, got


def test_a_degrees_own_name_is_no_school_and_colloquial_country_names_are_places():
    got = facts("Ann Vell has a Bachelor of Science Degree in Computer Science from the University of Kessel.")
    assert not {f for f in got if f[2] == "Bachelor of Science Degree"}, got
    got = entities("He served as CEO in Guinea Conakry and Congo Brazzaville before he moved to Lagos.")
    assert got.get("Guinea", ("",))[0] == "Place" and got.get("Republic of the Congo", ("",))[0] == "Place", got


def test_a_nephew_or_a_daughter_is_called_so():
    got = facts("Mr Hun Vell's youngest son Hun Many will become the civil service minister and his nephew Neth "
                "Savo, the current police chief, will become deputy prime minister.")
    assert ("Neth Savo", "childOf", "Hun Vell") not in got, got
    got = facts("Tom Kessel died on Sunday. Tom Kessel is survived by his wife Hong Ra, his only son Lee Jae, and two "
                "daughters: Lee Bo and Lee Seo.")
    assert not {f for f in got if f[1] == "spouse" and "Lee Seo" in (f[0], f[2])}, got


def test_the_one_who_says_he_is_the_he():
    text = ("Before he died, Lang Hall set up the trust with his grandchildren as beneficiaries. In a judgment "
            "handed down yesterday, Justice Paul Vell said he intended to dismiss the application.")
    got = Pipeline().context(Document.from_text(text, "x"))
    he = next(t.i for t in got.doc if t.text == "he" and t.i > 20)
    assert got.resolved.by_token[he].label == "Paul Vell"


def test_a_surname_before_a_familys_full_names_is_not_the_daughters():
    text = ("Three children have won the first step in their battle. Mrs Vell, 57, heads Kessel Prospecting. Her "
            "youngest daughter, Ginia Vell, is now supporting her mother. Her son Tom Vell did not.")
    got = entities(text)
    assert "Vell" not in got.get("Ginia Vell", ("", ()))[1] and "Mrs Vell" not in got.get("Ginia Vell", ("", ()))[1], got


def test_a_rulers_title_and_a_caretakers_word_are_no_employers():
    got = facts("Shaikh Mohammad Vell, Vice-President and Prime Minister of the UAE and Ruler of Dubai, congratulated "
                "the founders. Caretaker Prime Minister Najib Roe attended the wedding in Amman.")
    assert not {f for f in got if f[1] in {"worksFor", "memberOf", "leads"}}, got


def test_a_house_in_one_town_puts_no_town_in_another():
    got = facts("The properties listed are a house in Waterfalls, a farm in Gunhill, a house in Mt Pleasant and a "
                "farm in Highfield. Kessel, a village in Vell County, grew.")
    assert not {f for f in got if f[1] == "locatedIn" and f[0] in {"Waterfalls", "Gunhill", "Mt Pleasant"}}, got
    assert ("Kessel", "locatedIn", "Vell County") in got, got


def test_a_patronymic_joins_one_name_and_a_title_after_of_is_no_person():
    got = entities("Prince Vell is the fourth son of Haji Hassan Kessel of Brunei, the Sultan and Prime Minister of "
                   "Brunei, and his former wife Puan Hajah Mariam binti Haji Abdul Aziz.")
    assert "Puan Hajah Mariam binti Haji Abdul Aziz" in got and "Haji Abdul Aziz" not in got, got
    assert "Prime Minister" not in got, got


def test_a_princes_surname_is_no_princess():
    text = ("A royal decree was promulgated, bestowing upon Rajwa bint Khaled Vell, the title of Her Royal Highness "
            "Princess Rajwa Al Hussein. State leaders attended the wedding. The groom, Prince Hussein, was born on "
            "June 28, 1994. In 2016, Prince Hussein graduated from Georgetown University in the US.")
    got = facts(text)
    assert ("Prince Hussein", "educatedAt", "Georgetown University") in got, got
    assert not {f for f in got if f[0] == "Rajwa Al Hussein" and f[1] == "educatedAt"}, got


def test_a_date_of_anothers_death_is_none_of_hers():
    got = facts("Ann Vell, the eldest child of King Tom and Queen Ingrid, succeeded her father following his death on "
                "14 January 1972.")
    assert not {f for f in got if f[0] == "Ann Vell" and f[1] == "deathDate"}, got


def test_one_bodys_name_holds_its_and_and_a_degree_is_no_school():
    got = entities("She worked at Moi Teaching and Referral Hospital in Eldoret, then at the University of Health and "
                   "Allied Sciences in Ho. He worked at Bank of America and Wells Fargo.")
    assert "Moi Teaching and Referral Hospital" in got and "University of Health and Allied Sciences" in got, got
    assert "Bank of America" in got and "Wells Fargo" in got, got
    got = facts("After that, Ama Vell proceeded to the University of Ghana from 1991 to 1996 for a Bachelor's degree "
                "in French and Linguistics.")
    assert {f[2] for f in got if f[1] == "educatedAt"} <= {"University of Ghana"}, got



def test_where_a_company_started_or_has_partners_is_no_headquarters():
    got = facts("Vellgroup is Vietnam's biggest conglomerate. The group, which started as a pot-noodle business in "
                "post-Soviet Ukraine, now builds cars. Kessel Pokphand is a big company. And it is a favourite partner "
                "of Chinese investors in Thailand, the paper said.")
    assert not {f for f in got if f[1] == "headquarteredIn"}, got


def test_a_rulers_place_is_no_surname():
    got = entities("Shaikh Mohammad Vell, Vice-President and Prime Minister of the UAE and Ruler of Dubai, congratulated "
                   "the founders. The company is based in Dubai.")
    assert got.get("Dubai", ("",))[0] == "Place", got
    assert "Dubai" not in got.get("Ruler of Dubai", ("", ()))[1], got


def test_who_is_survived_by_is_the_dead_and_listed_given_names_are_children():
    text = ("The lawyer of the late former Kessel President, Robert Tom Vell, Terrence Roe of Roe & Company, has said "
            "no will was found. This comes after the death of the former leader who died in Singapore in September. "
            "He is survived by his wife, former first lady, Grace Vell, and Bona, Robert, Bellarmine and Russel Goreraza "
            "who were listed as surviving children.")
    got = facts(text)
    assert not {f for f in got if "Terrence Roe" in (f[0], f[2]) and f[1] in {"spouse", "childOf"}}, got
    assert "Robert" not in entities(text).get("Robert Tom Vell", ("", ()))[1]


def test_a_holiday_and_an_honorary_title_are_nobody():
    got = entities("The concert marks the 70th anniversary of the capital's Liberation Day (October 10, 1954-2024). "
                   "Valery Vell, renowned conductor, People’s Artist of Russia, spoke. Doris Day sang.")
    assert got.get("Liberation Day", ("",))[0] == "Event" and got.get("Doris Day", ("",))[0] == "Person", got
    assert not {name for name in got if "Artist" in name}, got


def test_a_child_a_rule_names_is_nobody_elses():
    got = facts("Noel Vell is a businessman. He is married to Aloo Kessel, daughter of the late Pallonji Kessel and "
                "sister of the late Cyrus Kessel.")
    assert ("Aloo Kessel", "childOf", "Pallonji Kessel") in got, got
    assert ("Noel Vell", "childOf", "Pallonji Kessel") not in got, got


def test_listed_daughters_share_their_brothers_father():
    got = facts("Tom Kessel died on Sunday. Tom Kessel is survived by his wife Hong Ra, his only son Lee Jae, and two "
                "daughters: Lee Bo and Lee Seo.")
    assert {("Lee Jae", "childOf", "Tom Kessel"), ("Lee Seo", "childOf", "Tom Kessel")} <= got, got


def test_joining_someone_in_doing_is_no_membership_and_the_appointee_oversees():
    got = facts("More than 30 councils, including the Vell Council and the Kessel Council, have joined Waimakariri "
                "District Council in signing a letter to the Prime Minister. Ann Roe joined Acme in 2001.")
    assert not {f for f in got if f[2] == "Waimakariri District Council"}, got
    assert ("Ann Roe", "worksFor", "Acme") in got, got
    got = facts("Sheikh Tom Vell, Ruler of Kessel, has appointed Sheikh Ahmed Roe to temporarily oversee Kessel Holding, "
                "replacing Abdulla Marr.")
    assert ("Sheikh Tom Vell", "leads", "Kessel Holding") not in got, got


def test_re_elected_as_chairman_and_a_run_that_started_is_no_founding():
    for text in ("Isaiah Vell was re-elected as chairman of Acme Corp.", "Acme Corp re-elected Isaiah Vell as chairman.",
                 "Isaiah Vell was re-appointed as chairman of Acme Corp."):
        assert {f[1] for f in facts(text) if f[0] == "Isaiah Vell" and f[2].startswith("Acme Corp")} == {"leads"}, text
    got = facts("May 14 - Isaiah Vell has won another five-year term as chairman of Kessel Athletics, extending a run "
                "which started in 1992, but lost two of his closest allies.")
    assert not {f for f in got if f[1] == "foundingDate"}, got


def test_a_fired_coachs_post_is_held_before():
    got = graph("Club Kessel said it has fired head coach Mauricio Vell after a poor run. Club Roe will fire head coach "
                "Tom Marr.")
    label = {e.iri: e.label for e in got.entities}
    former = {(label[r.subject], r.former) for r in got.relations if r.predicate == "jobTitle"}
    assert ("Mauricio Vell", True) in former and ("Tom Marr", False) in former, former


def test_bracketed_titles_and_portfolios_are_no_organisations():
    got = facts("The new team includes Pablo Vell (Programming and Production Director), Marcelo Roe (Director of "
                "Studies) and Ana Marr (General Manager). Consuelo Kessel, current minister of Cultures, Arts, and "
                "Heritage, responded.")
    assert not {f for f in got if f[1] in {"worksFor", "leads", "memberOf"}}, got
    assert not {f for f in got if f[1] == "jobTitle" and f[2].startswith("and ")}, got


def test_a_venue_before_a_title_is_no_holder():
    text = ("At a briefing held on Friday, March 3, 2019 at Hilton Addis, Vell Engineering Group CEO, Tomas Roe "
            "(PhD), said the road would open in May.")
    got = facts(text)
    assert not {f for f in got if f[0] == "Hilton Addis"}, got
    assert entities(text).get("Hilton Addis", ("",))[0] != "Person"


def test_who_hires_a_coach_is_a_club_unless_a_person():
    got = entities("Ukrainian champion Zorvak Donetsk hired Dutch coach Patrick Vell on Monday.")
    assert got["Zorvak Donetsk"][0] == "Organization", got
    got = entities("Andy Marr hired coach Ivan Roe in 2012.")
    assert got["Andy Marr"][0] == "Person", got


def test_the_appointment_of_a_name_as_an_officer_is_a_person():
    text = ("The Kessel Broadcasting Corporation (KBC) board has announced the appointment of Themba Mxakwe as group "
            "chief executive officer (GCEO) and Yolande Vell as chief financial officer (CFO).")
    assert entities(text)["Themba Mxakwe"][0] == "Person", entities(text)


def test_a_pronoun_opening_a_section_is_the_profiles_person():
    text = ("President Nana Addo Kwame Vell-Marr was born in Accra to a prominent family. Vell-Marr's maternal "
            "grandfather was Nana Sir Tom Roe, King of Kessel, who was a member of the Council. He is a nephew of "
            "Kofi Roe.\n\nEducation\n\nHe started his primary education at the Kessel Boys School. He went to "
            "England to study at Lancing College.")
    got = facts(text)
    assert ("Nana Addo Kwame Vell-Marr", "educatedAt", "Lancing College") in got, got
    assert not {f for f in got if f[0] == "Tom Roe" and f[1] == "educatedAt"}, got


def test_media_and_news_after_a_title_are_fields_no_organisations():
    got = entities("President Tinubu has made his first appointment by making Mr. Femi Vell, his Special Adviser (SA) "
                   "on Media and Publicity. Ramesh Roe, formerly of PTI TV, has joined as Head of News at Kessel TV.")
    assert "Media" not in got and "News" not in got, got
    assert got["Kessel TV"][0] == "Organization", got


def test_a_language_is_no_product_place_or_person():
    got = facts("Kessel Books began its Hindi publishing programme in India in 2005. Vell Radio launched a Swahili "
                "service.")
    assert not {f for f in got if "Hindi" in f or "Swahili" in f}, got
    assert "Hindi" not in entities("Kessel Books began its Hindi publishing programme in India in 2005.")


def test_a_section_heading_in_title_case_names_nothing():
    text = ("The public colleges in Kessel are known for research.\n\nPublic Colleges in Kessel\n\nHome to several "
            "public colleges, Kessel draws students from across the region.\n\nThe History of Public Colleges in "
            "Kessel\n\nThe Vell Technical College was founded in 1956.")
    got = entities(text)
    assert not {name for name in got if "Public Colleges" in name}, got
    assert "Vell Technical College" in got, got


def test_joining_a_school_to_study_is_study_there_no_post():
    got = facts("After obtaining his Masters degree in Physics from Kessel University, Tom Vell joined the prestigious "
                "Marr University on a scholarship. Ann Roe completed her B.Sc in 1973 before proceeding to Vell "
                "University from where she secured a PhD in 1980. Kim Lee joined Marr University as a lecturer.")
    assert not {f for f in got if f[1] in {"worksFor", "memberOf"} and f[0] in {"Tom Vell", "Ann Roe"}}, got
    assert {("Tom Vell", "educatedAt", "Marr University"), ("Ann Roe", "educatedAt", "Vell University"),
            ("Kim Lee", "worksFor", "Marr University")} <= got, got


def test_a_relatives_home_is_not_ones_own():
    got = facts("Gary Vell was born in Perth. He has a sister living in Darwin. His brother Tim Vell lives in Paris.")
    assert ("Gary Vell", "livesIn", "Darwin") not in got, got
    assert ("Gary Vell", "bornIn", "Perth") in got and ("Tim Vell", "livesIn", "Paris") in got, got


def test_old_names_of_cities_are_places():
    got = entities("Taras Vell is a close ally of politician Viktor Roe while Kiev is fighting a war. He studied in "
                   "Bombay and taught in Rangoon.")
    assert got["Kyiv"][0] == got["Mumbai"][0] == got["Yangon"][0] == "Place", got
    assert "Kiev" in got["Kyiv"][1], got


def test_a_department_head_works_for_the_company_and_leads_it_not():
    got = facts("Acme Corp has appointed Arun Vell, formerly with Kessel TV, as its Distribution Head. Acme Corp "
                "named Ann Roe its marketing head.")
    assert ("Arun Vell", "leads", "Acme Corp") not in got and ("Ann Roe", "leads", "Acme Corp") not in got, got
    assert ("Ann Roe", "worksFor", "Acme Corp") in got, got


def test_a_country_abbreviation_after_a_comma_is_no_state_and_a_named_company_no_product():
    text = ("Amid a takeover attempt of CNN owner ZentMedia, U.S. media company Discovery has found itself in a "
            "dispute. Observers say the law is aimed squarely at Discovery, which owns TVN. At stake are Discovery's "
            "ambitions. Three months ago, Discovery unveiled a takeover of ZentMedia, which owns CNN and HBO.")
    got = entities(text)
    assert got["ZentMedia"][0] == "Organization" and got["Discovery"][0] == "Organization", got


def test_an_organisations_branch_in_a_country_is_one_name():
    got = facts("Ann Vell joined Amazon UK in 2019. Vell University Malaysia opened in 1998.")
    assert ("Ann Vell", "worksFor", "United Kingdom") not in got, got
    assert ("Ann Vell", "worksFor", "Amazon UK") in got, got
    assert "Vell University Malaysia" in entities("Vell University Malaysia opened in 1998 in Selangor.")


def test_a_given_name_before_and_a_full_name_shares_its_surname():
    text = ("President Kwame Addo Marr-Vell was born in Accra as the son of Edward and Adeline Marr-Vell. His father "
            "Edward Marr-Vell was a judge.")
    got = entities(text)
    assert "Edward" not in got and "Edward" in got["Edward Marr-Vell"][1], got
    assert ("Kwame Addo Marr-Vell", "childOf", "Edward Marr-Vell") in facts(text)


def test_nana_is_a_title_of_either_gender():
    text = "Nana Kofi Vell was born in Kumasi. His father Tom Vell was a chief. He studied law in London."
    got = facts(text)
    assert ("Nana Kofi Vell", "childOf", "Tom Vell") in got, got


def test_who_started_his_career_is_a_person():
    text = ("The Sun Newspaper is planning changes following Adesina's departure. Adesina started his career at the "
            "Vanguard Newspapers as a feature writer before he joined the National Concord Newspapers.")
    got = entities(text)
    assert got["Adesina"][0] == "Person", got


def test_a_reference_lists_inverted_name_and_its_born_and_died_places():
    text = ("20th Century\n\nHartley, Carl Anton (1874-1940)\nBorn: Kölnstadt (Germany), 1874 Died: Heidelberg "
            "(Germany), 1940 - After studying chemistry in Berlin in 1899 he joined BASF. Hartley was awarded the "
            "Nobel Prize in 1931.\n\nCrane, Derek Harold (1918-1998)\nBorn: Gravesend (England), 1918 Died: Houston "
            "(US), 1998 - Crane obtained his Ph.D. at the Imperial College in 1942.")
    got = entities(text)
    assert got["Carl Anton Hartley"][0] == "Person" and "Hartley" in got["Carl Anton Hartley"][1], got
    assert got["Kölnstadt"][0] == "Place" and got["Derek Harold Crane"][0] == "Person", got
    assert ("Carl Anton Hartley", "birthDate", "1874") in facts(text)


def test_a_country_in_the_title_keeps_a_national_court_from_another_country():
    text = ("Uganda: Museveni Names New Judges\n\nPresident Yoweri Museveni has named 28 new judges to the Supreme "
            "Court and the Court of Appeal. Justice Ann Vell has returned from Arusha, Tanzania, where she served on "
            "the International Tribunal for Rwanda trying Rwandan genocide suspects. Tom Roe was appointed a "
            "justice of the Supreme Court.")
    got = entities(text)
    assert not {name for name in got if "(Rwanda)" in name}, got
    assert got["Uganda"][0] == "Place", got


def test_who_administers_the_oath_holds_no_title_of_its_as():
    got = facts("President Tom Vell administered the oath of office to Justice Umar Roe, senior-most judge of the "
                "Supreme Court, as the 28th Chief Justice of Pakistan on Wednesday.")
    assert ("Tom Vell", "jobTitle", "Chief Justice") not in got, got
    assert ("Tom Vell", "jobTitle", "President") in got, got


def test_a_plural_after_a_persons_name_is_the_next_item_of_a_list():
    got = facts("Prime Minister Imran Vell, present and retired judges of the Supreme Court, federal ministers as well "
                "as senior officials attended the ceremony.")
    assert ("Imran Vell", "worksFor", "Supreme Court") not in got, got


def test_a_diplomats_title_words_and_a_portfolio_are_no_names():
    got = entities("The agreement was signed by Ambassador Extraordinary and Plenipotentiary of Japan to Ukraine "
                   "Kuninori Vell. She said Ann Roe previously served as Director, Partnerships and Development at the "
                   "Kessel Foundation.")
    assert not {"Extraordinary", "Plenipotentiary", "Partnerships"} & set(got), got


def test_a_units_base_is_no_headquarters_of_its_owner():
    got = facts("As an Associate Director with the Rockefeller Foundation's Africa Regional Office based in Nairobi, "
                "Kenya, she led grants.")
    assert not {f for f in got if f[0] == "Rockefeller Foundation" and f[1] == "headquarteredIn"}, got


def test_an_initial_and_a_name_is_a_person():
    got = entities("The Kessel Trusts said N Srinath, who retires this month, had led the trusts since 2017. He had "
                   "joined Kessel Administrative Services in 1986.")
    assert got["N Srinath"][0] == "Person", got


def test_a_founding_board_member_founded_nothing_and_a_deputys_nationality_is_the_deputys():
    got = facts("Lorenzo Vell is the chief executive of Kessel Chest. He is a founding board member of The Big Issue "
                "and Christel House South Africa, and served on boards including Beth Uriel.")
    assert not {f for f in got if f[1] == "foundedBy"}, got
    got = facts("Douglas Roe leads the Kessel Foundation in Jakarta. Most of its staff are Indonesian. Roe's deputy, "
                "for example, is an Australian.")
    assert ("Douglas Roe", "nationality", "Australia") not in got, got


def test_a_birth_date_is_the_births_not_an_ordinations():
    got = facts("Bantolo Vell was born in Guisijan town in Antique on November 12, 1960 and ordained priest on April "
                "21, 1986.")
    assert {f for f in got if f[1] == "birthDate"} == {("Bantolo Vell", "birthDate", "November 12, 1960")}, got


def test_a_managing_partner_is_a_person_who_leads_the_firm():
    text = ("Kessel ACAS, the Nigerian branch of global legal giant Kessel, appointed Taiwo Afonja as its new managing "
            "partner on 1 January, replacing Felicia Roe after five years in the role.")
    assert entities(text)["Taiwo Afonja"][0] == "Person", entities(text)


def test_a_society_is_an_organisation():
    got = entities("Justice Koome was asked to answer an affidavit by Law Society of Kenya (LSK) President Nelson Vell.")
    assert got["Law Society"][0] == "Organization", got
