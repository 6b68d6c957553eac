# Two commands set everything up on a fresh machine:
#   make demo   builds the samples into Word documents and says where they are
#   make test   runs the whole test suite (installs LibreOffice and CJK fonts where missing)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_OUT := build/demo

.PHONY: demo test lint sysdeps bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

sysdeps:
	@bash scripts/install-system-deps.sh

demo: $(STAMP)
	@echo "== minutes check samples   (the samples keep a few lapses on purpose: see samples/README.md)"
	@$(BIN)/minutes check samples || true
	@echo
	@echo "== minutes build samples -o $(DEMO_OUT)"
	@$(BIN)/minutes build samples -o $(DEMO_OUT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

test: $(STAMP) sysdeps lint
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	@for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache .hypothesis
