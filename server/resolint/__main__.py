"""``python -m resolint`` is the ``resolint`` command (how the VS Code extension starts it)."""

import sys

from resolint.cli.main import main

sys.exit(main())
