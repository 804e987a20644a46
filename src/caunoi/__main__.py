from caunoi.cli import main

main()
