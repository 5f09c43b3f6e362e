"""claimgraph.analyze"""
