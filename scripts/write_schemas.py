#!/usr/bin/env python3
"""Publish the data files' models (scripts/atlas/config/schema.py): sources/*.schema.json and README's
table of catalog keys. Run it after changing schema.py; a test fails while either is stale.

    python scripts/write_schemas.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from atlas.config.publish_schema import write_all

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    changed = write_all(ROOT)
    for path in changed:
        print(f"wrote {path.relative_to(ROOT)}")
    if not changed:
        print("schemas and README table are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
