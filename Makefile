# Everyday commands. `make serve` and `make test` work on a fresh machine:
# they create .venv and install the pinned requirements first.
PY      := .venv/bin/python
STAMP   := .venv/.installed
DATA    ?= data
PORT    ?= 8000
ONLY    ?=

.PHONY: serve site validate check test browsers vendor lint schema new-partnership bench clean install

$(STAMP): requirements.txt pyproject.toml
	python3 -m venv .venv
	.venv/bin/pip install -q --upgrade pip
	.venv/bin/pip install -q -r requirements.txt
	.venv/bin/pip install -q --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

## Build the site from data/ and serve it at http://127.0.0.1:8000, rebuilding on every data change.
## ONLY=north-somerset previews one partnership (and those it links to): rebuilds in about a second.
serve: $(STAMP)
	ARRANGEMENTS_ONLY=$(ONLY) $(PY) -m mkdocs serve -a 127.0.0.1:$(PORT) --watch data --watch macros --watch overrides

## Build the site into site/ (only replaced when the whole build succeeds).
site: $(STAMP)
	$(PY) scripts/build_site.py --out site

## Check every data file; all problems at once.
validate: $(STAMP)
	@$(PY) -m arrangements validate

## Check the arrangements and reports against the statutory checklists.
check: $(STAMP)
	@$(PY) -m arrangements check

## Run every test: data, pages, browser, accessibility.
test: $(STAMP) browsers
	$(PY) -m pytest -q

## Chromium for the browser tests and axe-core for the accessibility checks.
browsers:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q chromium chromium-driver fonts-dejavu-core; \
	  else echo "Install Chromium: sudo apt-get install chromium chromium-driver"; exit 1; fi; }
	@test -f node_modules/axe-core/axe.min.js || npm install --no-audit --no-fund

## Refresh the self-hosted Mermaid from the pinned npm package.
vendor:
	npm install --no-audit --no-fund
	mkdir -p overrides/assets/vendor/mermaid
	rm -rf overrides/assets/vendor/mermaid/chunks
	mkdir -p overrides/assets/vendor/mermaid/chunks/mermaid.esm.min
	cp node_modules/mermaid/dist/mermaid.esm.min.mjs node_modules/mermaid/LICENSE overrides/assets/vendor/mermaid/
	cp node_modules/mermaid/dist/chunks/mermaid.esm.min/*.mjs overrides/assets/vendor/mermaid/chunks/mermaid.esm.min/

lint: $(STAMP)
	$(PY) -m ruff check macros scripts tests

## Rewrite schema/arrangements.schema.json from the model.
schema: $(STAMP)
	$(PY) -m arrangements schema

## Start a new partnership: make new-partnership ID=exampleshire NAME="Exampleshire Safeguarding Children Partnership"
new-partnership: $(STAMP)
	@test -n "$(ID)" || { echo 'Usage: make new-partnership ID=exampleshire [NAME="..."]'; exit 2; }
	$(PY) -m arrangements new "$(ID)" $(if $(NAME),--name "$(NAME)")

## Print build and validation figures for the bundled and synthetic data,
## and what a first visit to each kind of page downloads (in Chromium).
bench: $(STAMP) browsers
	$(PY) scripts/bench.py
	$(PY) scripts/weight.py

clean:
	rm -rf site .cache
