"""`python -m tui` runs the hepster command line."""

import sys

from tui.cli import main

sys.exit(main())
