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
