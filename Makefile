# mediakit — the two commands of the README, and a few more.
#   make demo   set up, then analyse data/ and write tables and figures to output/demo/
#   make test   set up, then lint (ruff), type-check (mypy) and run the whole test suite (what CI runs)
#   make chromium  install Debian's chromium (as root) for the headless report test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.mediakit-installed
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: setup demo test test-fast lint lab bench typecheck clean chromium

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 10), "mediakit needs Python >= 3.10, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade "pip>=23"
	$(PIP) install -e ".[test]"
	@touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/mediakit analyze data --out output/demo

# the code checks first (lint, types), then the whole test suite: what CI runs
test: setup lint typecheck
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check mediakit tests benchmarks docs

# tests/test_report.py opens report.html in Debian's chromium (skipped without it, failed under CI)
chromium:
	@command -v chromium >/dev/null 2>&1 && echo "chromium: $$(command -v chromium)" || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	  else echo "as root: apt-get install chromium (Debian's package; no browser download)" >&2; exit 1; fi; }

test-fast: setup
	$(BIN)/python -m pytest -m "not slow"

typecheck: setup
	$(BIN)/python -m mypy

lab: setup
	$(BIN)/python -m jupyter lab notebooks/

# the benchmarks quoted in the README (need ../shared/corpora; several minutes on 2 cores)
bench: setup
	$(BIN)/python benchmarks/bench_analyze.py --n 2000 --repeat 3
	$(BIN)/python benchmarks/bench_attribution.py --repeat 7
	$(BIN)/python benchmarks/bench_scale.py --n 2000

clean:
	rm -rf $(VENV) output .pytest_cache .mypy_cache .hypothesis
