# caunoi — set-up, tests, lint, benchmarks. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench messages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	CAUNOI_DEBUG=1 $(BIN)/caunoi demo
	CAUNOI_DEBUG=1 $(BIN)/caunoi runserver 127.0.0.1:8000

test: $(STAMP)
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests $(wildcard tools) $(wildcard bench)
	$(BIN)/ruff format --check src tests $(wildcard tools) $(wildcard bench)
	$(BIN)/mypy
	$(BIN)/caunoi makemigrations --check --dry-run

bench: $(STAMP)
	@command -v wrk >/dev/null 2>&1 || apt-get install -y -qq wrk >/dev/null 2>&1 || echo "wrk not installed: the web benchmark uses its Python load generator"
	$(BIN)/python bench/run.py

# Regenerate the English catalog from the (Vietnamese) source strings and compile it; needs GNU gettext.
messages: $(STAMP)
	cd src/caunoi && CAUNOI_DEBUG=1 ../../$(BIN)/caunoi makemessages -l en -e html,txt,py,svg --no-location --no-obsolete
	$(BIN)/python tools/compile_messages.py

clean:
	rm -rf $(VENV) var
