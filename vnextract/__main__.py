"""`python -m vnextract`: the same as the `vnextract` command."""

import sys

from vnextract.cli import main

sys.exit(main())
