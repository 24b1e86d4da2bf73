"""The `main` of a script that writes a file generated from a model (`make X` rewrites it;
`--check`, run by the tests, fails while it is stale)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def write_or_check(
    description: str, path: Path, render: Callable[[], str], make_target: str, argv: list[str] | None
) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="fail if the file differs from the model")
    args = parser.parse_args(argv)
    rendered = render()
    if args.check:
        if not path.is_file() or path.read_text(encoding="utf-8") != rendered:
            print(f"{path} is stale; run `make {make_target}`", file=sys.stderr)
            return 1
        return 0
    path.write_text(rendered, encoding="utf-8")
    print(f"wrote {path}")
    return 0
