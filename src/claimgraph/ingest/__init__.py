"""claimgraph.ingest"""
