"""``python -m onrecord``: the same as the ``onrecord`` command."""
import sys

from .cli import main

sys.exit(main())
