"""Run sopdoc as ``python -m sopdoc``."""

from sopdoc.cli import main

main(prog_name="sopdoc")
