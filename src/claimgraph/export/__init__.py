"""claimgraph.export"""
