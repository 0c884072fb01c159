"""Extraction: spaCy, mentions, entity resolution, relation rules and the classifier."""
