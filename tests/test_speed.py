"""What the build does to be fast keeps its results: the gazetteer's patterns, spaCy without torch."""

from __future__ import annotations

import subprocess
import sys

from kg.extract.nlp import GAZETTEER_ID, _needs_torch, load_nlp


def test_gazetteer_patterns_are_the_tokenizers_tokens():
    """The ruler's phrase patterns, made by the tokenizer alone, hold the tokens the whole
    pipeline would have given them, and a name the NER misses is still found."""
    nlp = load_nlp()
    ruler = nlp.get_pipe(GAZETTEER_ID)
    patterns = [doc for docs in ruler.phrase_patterns.values() for doc in docs]
    assert len(patterns) > 100
    for doc in patterns[:50]:
        assert [t.text for t in doc] == [t.text for t in nlp(doc.text)]
    assert ("NVIDIA", "ORG") in [(e.text, e.label_) for e in nlp("NVIDIA clusters grew.").ents]


def test_needs_torch_reads_the_config(tmp_path):
    cnn, trf, bare = tmp_path / "cnn", tmp_path / "trf", tmp_path / "bare"
    for directory in (cnn, trf, bare):
        directory.mkdir()
    (cnn / "config.cfg").write_text('[components.ner]\nfactory = "ner"\n')
    (trf / "config.cfg").write_text('[components.transformer]\nfactory = "transformer"\n')
    assert not _needs_torch(str(cnn))
    assert _needs_torch(str(trf))
    assert _needs_torch(str(bare))  # no config to read: torch stays importable for thinc
    assert not _needs_torch("no_such_pipeline_package")


def test_spacy_loads_without_torch_and_torch_still_imports():
    code = ("import sys\nfrom kg.extract.nlp import load_nlp\nnlp = load_nlp()\n"
            "print('torch' in sys.modules, [e.text for e in nlp('Apple uses AWS.').ents])\n"
            "try:\n    import torch\nexcept ImportError:\n    print('absent')\nelse:\n    print('imports')\n")
    lines = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                           text=True).stdout.splitlines()
    assert lines[0] == "False ['Apple', 'AWS']"
    assert lines[1] in {"imports", "absent"}  # absent only where torch is not installed


def test_spacy_loads_without_its_command_line_and_the_command_line_still_imports():
    code = ("import sys\nfrom kg.extract.nlp import load_nlp\nnlp = load_nlp()\n"
            "print('spacy.cli' in sys.modules, [e.text for e in nlp('Apple uses AWS.').ents])\n"
            "import spacy, spacy.cli\nfrom spacy.cli.info import info\n"
            "print(callable(spacy.cli.download), spacy.cli.info is info, sorted(spacy.info(silent=True))[:2])\n")
    lines = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                           text=True).stdout.splitlines()
    assert lines[0] == "False ['Apple', 'AWS']"
    assert lines[1] == "True True ['location', 'pipelines']"  # spacy.info is spaCy's own, when called


TEXTS = [
    "I'm gonna say it ain't so, y'all. Let's go, c'mon! It gets better; he got it. There is a cat.",
    "  \n\n  Do it, but I did. You gave it to me and I gave you it.  Which one? That one was sold.",
    "Tim Cook, Apple's CEO, said that AWS had been using Trainium2 chips since 2024 .\n\nAnd so?",
    "",
]


def test_attribute_ruler_matches_are_spacys():
    """Table look-up gives the ruler's own match lists, so the same tags, lemmas and morphology."""
    from pathlib import Path

    from kg.extract.attributes import fast_matches

    nlp = load_nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    seed = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "apple-aws-trainium2.txt"
    texts = TEXTS + ([seed.read_text(encoding="utf-8")] if seed.exists() else [])
    before = nlp.pipe_names[:nlp.pipe_names.index("attribute_ruler")]
    with nlp.select_pipes(enable=before):
        docs = list(nlp.pipe(texts))
    fast = fast_matches(ruler)
    assert fast is not None and type(ruler.match).__name__ == "_Installed"  # load_nlp installed it
    for doc in docs:
        assert fast(doc) == type(ruler).match(ruler, doc)
    assert sum(len(fast(doc)) for doc in docs) > 50


def test_attribute_ruler_left_alone_when_a_pattern_is_unreadable():
    import spacy

    from kg.extract.attributes import fast_matches, install

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a"}, {"POS": "NOUN", "OP": "+"}]], {"LEMMA": "x"})
    assert fast_matches(ruler) is None and not install(ruler)
    ruler = nlp.replace_pipe("attribute_ruler", "attribute_ruler")
    ruler.add([[{"LOWER": {"IN": ["gon"]}}, {"LOWER": {"REGEX": "^na$"}}]], {"LEMMA": "go"}, index=0)
    ruler.add([[{"TEXT": "Apple", "IS_SPACE": False}]], {"LEMMA": "apple"})
    assert install(ruler)
    assert [t.lemma_ for t in nlp("gon na eat an Apple")] == ["go", "", "", "", "apple"]


def test_kept_tables_equal_the_derived_ones(tmp_path, monkeypatch):
    """The place tables read from the cache are the ones derived afresh, and a second
    process reads them instead of deriving them again."""
    from kg.extract import places
    from kg.extract.rules import geography

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    script = ("import time; from kg.extract import places; from kg.extract.rules import geography; "
              "t = time.process_time(); places.place_names(); geography._gazetteer(); "
              "geography._province_countries(); print(time.process_time() - t)")
    first = float(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout)
    again = float(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout)
    assert sorted(p.name.split("-")[0] for p in tmp_path.glob("*.pickle")) == [
        "geography", "given", "place", "province", "subdivisions"]
    assert again < first / 3  # read, not derived (about 0.03 against 0.5 CPU s)
    from kg.extract.tables import kept

    assert kept("place-names", places._place_names, "kg.extract.places") == places._place_names()
    assert kept("geography", geography._derive, "kg.extract.rules.geography", "kg.extract.places",
                "kg.extract.naming") == geography._derive()
    assert kept("subdivisions", places._subdivisions, "kg.extract.places") == places._subdivisions()
    assert kept("province-countries", geography._derive_province_countries, "kg.extract.rules.geography",
                "kg.extract.naming") == geography._derive_province_countries()


def test_a_kept_table_is_rederived_when_a_source_changes_or_the_cache_is_unusable(tmp_path, monkeypatch):
    from kg.extract import tables

    module = tmp_path / "deriving.py"
    module.write_text("N = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import deriving  # noqa: F401  (its file is hashed into the key)

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    assert tables.kept("t", lambda: 1, "deriving") == 1
    assert tables.kept("t", lambda: 2, "deriving") == 1  # the same sources: read back
    module.write_text("N = 2\n")
    assert tables.kept("t", lambda: 3, "deriving") == 3  # another source: derived again
    (tmp_path / "blocked").write_text("a file, not a directory")
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "blocked"))
    assert tables.kept("t", lambda: 4, "deriving") == 4  # no usable cache: no error
    assert not list((tmp_path / "cache").glob(".*.tmp"))  # no temporary file left behind


def test_a_build_gives_the_callers_objects_back_to_the_collector():
    import gc
    import weakref

    from kg.config import Settings
    from kg.distributed import extracted
    from kg.types import Document

    class Node:
        pass

    node = Node()
    node.self = node  # a reference cycle only the collector frees
    alive = weakref.ref(node)
    list(extracted([Document.from_text("Tim Cook leads Apple.", "t")], Settings()))
    del node
    gc.collect()
    assert alive() is None and gc.get_freeze_count() == 0


def test_kg_s_pipeline_pickles_as_spacy_s_does():
    """Where worker processes are spawned (macOS, Windows), spaCy pickles the pipeline."""
    import pickle

    nlp = load_nlp()
    again = pickle.loads(pickle.dumps(nlp))
    text = "I'm gonna say it ain't so. Tim Cook leads Apple in Cupertino."
    assert [(t.lemma_, t.pos_, t.tag_) for t in again(text)] == [(t.lemma_, t.pos_, t.tag_) for t in nlp(text)]


def test_tokens_table_is_the_token_by_token_reading():
    """kg.extract.tokens.Tokens, read from the Doc's arrays, holds what each Token says."""
    from kg.extract.tokens import Tokens

    nlp = load_nlp()
    texts = ["  Tim Cook, Apple's CEO, said “we won” in Cupertino, Calif.\n\nHe left in 2011 (aged 56).",
             "Ann Lee-Roe and Bob met at the U.N.; she led it.", ""]
    for doc in nlp.pipe(texts):
        t = Tokens.of(doc)
        assert (t.lower, t.lemma, t.words, t.dep, t.pos, t.ent_type, t.head, t.punct, t.start_char, t.end_char,
                t.text, t.sentence) == ([x.lower_ for x in doc], [x.lemma_.lower() for x in doc],
                            [x.lemma_.lower() or x.lower_ for x in doc], [x.dep_ for x in doc],
                            [x.pos_ for x in doc], [x.ent_type_ for x in doc], [x.head.i for x in doc],
                            [x.is_punct for x in doc], [x.idx for x in doc], [x.idx + len(x) for x in doc], doc.text,
                            [x.sent.start for x in doc])
        assert [t.word(i) for i in range(len(doc))] == [x.text for x in doc]
