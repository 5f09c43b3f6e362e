"""claimgraph.store"""
