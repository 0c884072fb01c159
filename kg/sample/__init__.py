"""The sample corpus that ``kg build`` reads when given no input.

Six short explainer articles about the technology industry (cloud, chips and
AI), in every input format kg reads: two ``.txt``, one ``.md``, one ``.html``
(with a script, a style sheet and a navigation bar that must not reach the
text) and one ``.jsonl`` holding two articles. They state well-known facts in
plain sentences (who leads, founded, acquired, uses or competes with whom,
where companies are based, where people were born and studied) so that the
relation patterns have something to find.

Use :func:`kg.ingest.sample_corpus_path` to locate the folder. This module is
only the package marker that makes the files ship with kg.
"""
