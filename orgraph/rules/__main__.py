"""Regenerate the rule table of docs/check.md: ``python -m orgraph.rules docs/check.md``."""

import sys
from pathlib import Path

from orgraph.rules import with_rules_table

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m orgraph.rules docs/check.md")
    path = Path(sys.argv[1])
    path.write_text(with_rules_table(path.read_text(encoding="utf-8")), encoding="utf-8")
