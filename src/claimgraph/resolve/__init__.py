"""claimgraph.resolve"""
