"""claimgraph.packs"""
