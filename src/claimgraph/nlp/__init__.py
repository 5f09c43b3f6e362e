"""claimgraph.nlp"""
