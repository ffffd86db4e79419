"""``python -m mediakit.gazetteer build [--out PATH] [--source DIR]``: rebuild the shipped gazetteer."""

from __future__ import annotations

import argparse

from ._build import build_gazetteer


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and build the gazetteer CSV."""
    ap = argparse.ArgumentParser(prog="python -m mediakit.gazetteer", description=__doc__)
    ap.add_argument("command", choices=["build"])
    ap.add_argument("--out", default=None, help="output CSV (default: mediakit/resources/us_politicians.csv)")
    ap.add_argument("--source", default=None, help="folder with legislators-current.yaml and executive.yaml")
    args = ap.parse_args(argv)
    path = build_gazetteer(args.out, args.source)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
