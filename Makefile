PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint check-content bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m bot

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m faq check
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/faq.py
	$(BIN)/python bench/e2e.py
	$(BIN)/python bench/reminders.py
	$(BIN)/python bench/broadcast.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
