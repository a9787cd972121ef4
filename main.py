"""Huren workstation entry point: `python main.py --help`."""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    # In a packaged build, the image decoders' worker processes start this same program: this
    # makes them run their work instead of the workstation (a no-op when run from source).
    multiprocessing.freeze_support()
    sys.exit(main())
