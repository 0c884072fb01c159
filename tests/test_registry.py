"""Extractors are named parts: built-in ones, chosen by Settings, and third-party packages."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import kg
from kg.config import Settings
from kg.errors import KGError
from kg.pipeline import DEFAULT_EXTRACTORS, Pipeline, extract
from kg.registry import extractors
from kg.types import Document

#: The plug-in the README's "Writing an extractor" shows, installed here for real.
PLUGIN = '''\
"""A kg extractor: "X, an arm of Y" states X subsidiaryOf Y."""

from kg.types import Relation


def find_units(ctx):
    """(ctx: kg.extract.context.DocContext) -> Iterable[Relation]."""
    spec = ctx.lexicon.properties["subsidiaryOf"]
    for sent in ctx.sentences:
        for token in sent:
            if token.lower_ != "arm" or token.dep_ != "appos":
                continue
            child = ctx.hit(token.head.i)
            parent = next((ctx.hit(t.i) for t in token.subtree
                           if t.dep_ == "pobj" and ctx.hit(t.i)), None)
            if child and parent and spec.allows(child.cls, parent.cls):
                yield Relation(
                    subject=child.iri, predicate=spec.name, obj=parent.iri, doc_id=ctx.doc_id,
                    sentence=sent.text.strip(), subject_span=child.char_span,
                    object_span=parent.char_span, confidence=0.8, extractor="units")
'''
PYPROJECT = '''\
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "kg-units"
version = "0.1.0"

[project.entry-points."kg.extractors"]
units = "kg_units:find_units"
'''
TEXT = "Annapurna Labs, an arm of Amazon, designs chips."


def test_the_built_in_extractors_run_in_their_order() -> None:
    assert DEFAULT_EXTRACTORS[0] == "svo"
    assert DEFAULT_EXTRACTORS[-4:] == ("echoes", "pairs", "geography", "inference")  # inference last
    assert set(DEFAULT_EXTRACTORS) <= set(extractors.names())
    assert Pipeline().extractor_names == DEFAULT_EXTRACTORS


def test_settings_choose_the_extractors() -> None:
    text = "Apple uses AWS. Tim Cook is the CEO of Apple."
    everything = {r.extractor for r in extract(Document.from_text(text, "x")).relations}
    assert {"rule:svo", "rule:title"} <= everything
    only_titles = extract(Document.from_text(text, "x"), Settings(extractors=("title",)))
    assert {r.extractor for r in only_titles.relations} == {"rule:title"}
    assert Settings.from_mapping({"extractors": ["svo", "title"]}).extractors == ("svo", "title")
    with pytest.raises(KGError, match="no kg.extractors part named 'titel'; registered: .*title"):
        Pipeline(Settings(extractors=("titel",)))


def test_an_extractor_sees_what_the_ones_before_it_found() -> None:
    seen: list[tuple[str, ...]] = []

    @extractors.register("test-spy")
    def spy(ctx):  # type: ignore[no-untyped-def]
        seen.append(tuple(r.predicate for r in ctx.relations))
        return []

    try:
        extract(Document.from_text("Apple uses AWS.", "x"), Settings(extractors=("svo", "test-spy")))
    finally:
        extractors._parts.pop("test-spy")
    assert seen == [("uses",)]


@pytest.fixture(scope="module")
def installed_plugin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plug-in package, built and installed with pip into a target directory on sys.path."""
    root = tmp_path_factory.mktemp("plugin")
    source = root / "kg-units"
    source.mkdir()
    (source / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (source / "kg_units.py").write_text(PLUGIN, encoding="utf-8")
    target = root / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--no-build-isolation", "--no-index", "--target", str(target), str(source)],
                   check=True, capture_output=True, text=True)
    assert list(target.glob("kg_units-0.1.0.dist-info/entry_points.txt"))
    sys.path.insert(0, str(target))
    extractors._entry_points_read = False  # the registry reads entry points once; the plug-in is new
    yield target
    sys.path.remove(str(target))
    extractors._parts.pop("units", None)
    sys.modules.pop("kg_units", None)


def test_a_third_party_extractor_is_found_by_its_entry_point(installed_plugin: Path, tmp_path: Path) -> None:
    assert "units" in extractors.names()
    corpus = tmp_path / "news.txt"
    corpus.write_text(TEXT, encoding="utf-8")
    settings = Settings(extractors=(*DEFAULT_EXTRACTORS, "units"))
    graph = kg.build([corpus], tmp_path / "out", settings, html=False)
    assert graph.report.relations["subsidiaryOf"] == 1
    rows = graph.query("""
        SELECT ?x ?y ?by WHERE { ?a kg:subsidiaryOf ?b ; rdfs:label ?x . ?b rdfs:label ?y .
                                 ?ev rdf:subject ?a ; rdf:object ?b ; kg:extractor ?by }""")
    assert [(r["x"], r["y"], r["by"]) for r in rows] == [("Annapurna Labs", "Amazon", "units")]


def test_the_readme_shows_the_plugin_this_test_installs() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Writing an extractor"):]
    assert textwrap.dedent(PLUGIN).strip() in section
    assert PYPROJECT.split("[project.entry-points")[1].strip() in section
