"""claimgraph.web"""
