"""Entry point of the windowed executable: no arguments opens the app."""

import sys

from app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
