"""Entry point of the console executable hearth-cli.exe on Windows (elsewhere hearth-cli is a link to hearth)."""

import sys

from app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
