"""`python -m assess` is the same as the `assess` command."""

from assess.cli import main

main()
