# civcas: the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast lint bench bench-web bench-gdelt gdelt-venv eval clean browser

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test,dask]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/civcas extract examples/sample
	mkdir -p build && rm -f build/demo.db build/demo.db-wal build/demo.db-shm
	$(BIN)/civcas ingest examples/sample --db sqlite:///build/demo.db
	$(BIN)/civcas incidents --db sqlite:///build/demo.db
	$(BIN)/civcas report --db sqlite:///build/demo.db -o build/report.html
	@echo "The report: file://$(CURDIR)/build/report.html (one offline HTML file; open it in any browser)"
	@echo "The review app: $(BIN)/civcas user add admin --role admin --db sqlite:///build/demo.db"
	@echo "  then $(BIN)/civcas serve --db sqlite:///build/demo.db and open http://127.0.0.1:8000/"

# Debian's chromium for the browser tests (tests/report); installs only when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "make browser: installing Debian's chromium (apt-get, needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# ruff (style, bugs, import order) and mypy (types) over the whole package; both configured
# in pyproject.toml. `make test` runs them first.
lint: $(STAMP)
	$(BIN)/ruff check src
	$(BIN)/mypy

# Under CI=true, or when chromium is missing, install it first; locally a failed
# install only makes the browser tests skip (under CI they fail).
test: $(STAMP) lint
	@if [ "$$CI" = true ] || ! command -v chromium >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory browser || [ "$$CI" != true ]; fi
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m 'not slow'

bench: $(STAMP)
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/resolve_speed.py --fakes

# The GDELT-style extractor that bench/extract_speed.py --gdelt times beside ours: gdelt-regkg's
# count rules, which need Python >= 3.12 (its own venv, outside the project's dependencies).
PYTHON312 ?= python3.12
build/gdelt-venv/.installed:
	$(PYTHON312) -m venv build/gdelt-venv
	build/gdelt-venv/bin/python -m pip install --quiet gdelt-regkg==2.1.2
	touch $@

gdelt-venv: build/gdelt-venv/.installed

bench-gdelt: $(STAMP) gdelt-venv
	$(BIN)/python bench/extract_speed.py --gdelt

# The review app's incident list under load (wrk, apt-get installs it when missing).
bench-web: $(STAMP)
	@command -v wrk >/dev/null 2>&1 || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
	$(BIN)/python bench/web_load.py

eval: $(STAMP)
	$(BIN)/python bench/eval_extract.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
