"""The RDF graph: quads, the store, SPARQL, export, validation and the Python handle."""
