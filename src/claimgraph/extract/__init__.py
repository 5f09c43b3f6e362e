"""claimgraph.extract"""
