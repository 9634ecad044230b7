#!/usr/bin/env python3
"""Extract from the Sudachi synonym dictionary's source (SudachiDict's src/main/text/synonyms.txt)
the rows of the lexemes whose words the library holds: scripts/atlas/sudachi_synonyms.txt, which
the converter reads (scripts/atlas/synonyms.py).  Run it after adding documents:

    python scripts/extract_synonyms.py PATH/TO/synonyms.txt [--release 20240109]

The library's text is read from the converted index (docs/atlas/s/*.json): convert first.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from atlas.fold import fold
from atlas.synonyms import SUDACHI

ROOT = Path(__file__).resolve().parent.parent
HEADER = """# Extract of the Sudachi synonym dictionary (SudachiDict {release}, src/main/text/synonyms.txt),
# by Works Applications Co., Ltd., under the Apache License 2.0
# (http://www.apache.org/licenses/LICENSE-2.0): the rows, unchanged, of the lexemes (group and
# lexeme numbers) that have two words or more, one of which the library holds.  Written by scripts/extract_synonyms.py.
"""


def library_text() -> str:
    texts = []
    for path in sorted((ROOT / "docs" / "atlas" / "s").glob("*.json")):
        for entry in json.loads(path.read_text("utf-8"))["sections"]:
            texts += [entry["t"], entry["x"]]
    return "\n".join(fold(t) for t in texts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--release", default="20240109")
    args = parser.parse_args()
    library = library_text()
    rows = [row for row in csv.reader(args.source.read_text("utf-8").splitlines()) if len(row) >= 9]
    sizes = Counter((row[0], row[3]) for row in rows)
    held = {(row[0], row[3]) for row in rows if sizes[row[0], row[3]] >= 2 and len(fold(row[8])) >= 2
            and fold(row[8]) in library}
    out = io.StringIO()
    out.write(HEADER.format(release=args.release))
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        if (row[0], row[3]) in held:
            writer.writerow(row)
    SUDACHI.write_text(out.getvalue(), "utf-8")
    print(f"wrote {SUDACHI.relative_to(ROOT)}: {len(held)} lexemes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
