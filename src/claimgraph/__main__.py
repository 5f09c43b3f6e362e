from claimgraph.cli.main import main

main()
