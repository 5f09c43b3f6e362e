# claimgraph — two commands: `make demo` and `make test`.
# Both create .venv when missing and install the pinned dependencies first.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SHARED ?= ../shared
KB ?= demo.db

.PHONY: setup demo test bench lint format clean

$(STAMP): pyproject.toml constraints.txt
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "claimgraph needs Python 3.11 or newer")'
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/claimgraph demo --kb $(KB)

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python -m claimgraph.bench --shared $(SHARED) --readme README.md

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

format: setup
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache $(KB)
