"""``python -m orgraph`` runs the command line."""

from orgraph.cli import main

main(prog_name="orgraph")
