"""spaCy components of the claimgraph pipeline, one module each (registered in ``nlp.factories``)."""
