"""``python -m mediakit.actors evaluate --split dev-rw`` (or ``train``): see :func:`mediakit.actors.main`."""

import sys

from ._cli import main

if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
