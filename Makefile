# Masthead: `make run` serves the demo newsroom, `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
SITE_URL ?= http://127.0.0.1:$(PORT)
export PORT SITE_URL

.DEFAULT_GOAL := help
.PHONY: help install run test test-quick lint format bench clean docs-screenshots audit

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  %-12s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# The Nu Html Checker for the HTML validity test (Java runs it). Offline,
# `make run` still works: the test then skips, or fails in CI.
VNU_VERSION := 26.9.27
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR):
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --no-save --no-audit --no-fund --loglevel=error vnu-jar@$(VNU_VERSION) \
	    || echo "could not install vnu-jar: the HTML validity test will not run"; \
	else echo "npm not found: the HTML validity test will not run"; fi

install: $(BIN)/.installed $(VNU_JAR) ## Create .venv and install Masthead with its test tools

run: install ## Migrate, load the demo newsroom and serve it on 127.0.0.1:$(PORT)
	$(BIN)/masthead migrate --noinput
	$(BIN)/masthead collectstatic --noinput --verbosity 0
	$(BIN)/masthead demo
	$(BIN)/masthead serve --port $(PORT)

test: install ## Run the whole suite, browser tests included
	$(BIN)/pytest

test-quick: install ## Run the suite without the browser tests
	$(BIN)/pytest -m "not e2e"

audit: install ## Audit the demo site and its static export in chromium (third parties, cookies, errors)
	BIN=$(BIN) .ci/audit-demo

docs-screenshots: install ## Retake the screenshots in docs/images with the browser tests
	MASTHEAD_DOCS_SCREENSHOTS=1 $(BIN)/pytest -m e2e masthead/appeals masthead/news/tests/e2e/test_editor.py masthead/news/tests/e2e/test_listings.py masthead/newsletters/tests/e2e

lint: install ## Check style and common bugs
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install ## Run the benchmarks (results: docs/benchmarks.md)
	$(BIN)/python bench/run.py

clean: ## Remove the venv and local data
	rm -rf $(VENV) var test-artifacts node_modules
