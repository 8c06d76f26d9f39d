"""Entry point of the console executable (hearth-cli): the command line, with its output."""

import sys

from app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
