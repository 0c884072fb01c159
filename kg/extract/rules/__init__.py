"""Relations from the dependency parse, driven by the ontology's lexicon.

One module per rule family, each an extractor registered in
:data:`kg.registry.extractors` (``(ctx: DocContext) -> Iterable[Relation]``)
and named in its relations' ``extractor`` (``rule:<family>``), with the
confidence ``ontology/words.toml`` gives it:

=============  ==================================================  ===================
registered as  states                                              module
=============  ==================================================  ===================
``svo``        "Apple uses AWS", "founded by", "born in 1950"      :mod:`.svo`
``title``      "AWS CEO Matt Garman", "Tim Cook is CEO of Apple"   :mod:`.titles`
``lifespan``   "Ahmet Kaya (28 October 1957 – 16 November 2000)"   :mod:`.lifespans`
``possessive`` "Amazon's Trainium2 chip"                           :mod:`.possessives`
``noun``       "Apple's use of AWS"                                :mod:`.nouns`
``nationality`` "X is a Belgian engineer"                          :mod:`.nationalities`
``attachment`` "Sam Kadet of Skadden", "Columbus, Miss."           :mod:`.attachments`
``occasion``   "During the Reinvent conference, Dupin said"        :mod:`.attachments`
``name``       "Microsoft Azure"                                   :mod:`.names`
``funding``    "Paystack raised $8 million from Stripe and Visa"   :mod:`.funding`
``echoes``     the relations before, with a pronoun's other spans  :mod:`.echoes`
``geography``  places the gazetteers nest ("Changzhou" in "China")  :mod:`.geography`
``inference``  what transitive properties and chains entail         :mod:`.inference`
=============  ==================================================  ===================

``geography`` and ``inference`` are not rule families of the parse: the
pipeline runs them after the classifier (:data:`kg.pipeline.DEFAULT_EXTRACTORS`).

The trigger indexes they read are built once per lexicon
(:class:`kg.lexicon.Triggers`); shared helpers are in :mod:`.args`.

Examples
--------
>>> from kg.registry import extractors
>>> [name for name in RULES if extractors.get(name)] == list(RULES)
True
"""

from __future__ import annotations

from kg.extract.rules import (  # noqa: F401  (registers)
    attachments, echoes, funding, geography, inference, lifespans, names, nationalities, nouns, possessives, svo,
    titles)

#: The built-in rule families, in the order they run (echoes last).
RULES = ("svo", "title", "lifespan", "possessive", "noun", "nationality", "attachment", "occasion", "name",
         "funding", "echoes")
