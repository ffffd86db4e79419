"""``python -m mediakit.evaluate attribution|speakers|actor-sentiment``: see :func:`mediakit.evaluate.main`."""

import sys

from ._cli import main

if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
