# Everyday commands. `make serve` and `make test` work on a fresh machine:
# they create .venv and install the pinned requirements first.
PY      := .venv/bin/python
STAMP   := .venv/.installed
DATA    ?= data
PORT    ?= 8000
ONLY    ?=
ENGINE  ?= mkdocs
# DOCUMENTS=no: no PDF and Word files, so no links to them (a quicker preview).
DOCUMENTS ?= yes
NO_DOCUMENTS = $(if $(filter no,$(DOCUMENTS)),--no-documents)

.PHONY: serve site generate validate check test browsers document-tools documents vendor lint schema new-partnership setup bench clean install

$(STAMP): requirements.txt pyproject.toml
	python3 -m venv .venv
	.venv/bin/pip install -q --upgrade pip
	.venv/bin/pip install -q -r requirements.txt
	.venv/bin/pip install -q --no-deps -e .
	touch $(STAMP)

install: $(STAMP) document-tools

## Build the site from data/ and serve it at http://127.0.0.1:8000; a saved data file shows in a few seconds.
## ONLY=north-somerset previews one partnership (and those it links to). ENGINE=zensical previews with Zensical.
serve: $(STAMP)
	$(PY) -m arrangements serve --engine $(ENGINE) --port $(PORT) $(if $(ONLY),--only $(ONLY))

## Build the site into site/ (only replaced when the whole build succeeds): pages written from the data,
## then built by MkDocs, or by Zensical (Material's successor) with ENGINE=zensical.
site: $(STAMP)
	$(PY) scripts/build_site.py --out site --engine $(ENGINE) $(NO_DOCUMENTS)

## Write every data-driven page as Markdown into .generated/ (what any engine builds from).
generate: $(STAMP)
	$(PY) -m arrangements generate $(NO_DOCUMENTS)

## Check every data file; all problems at once.
validate: $(STAMP)
	@$(PY) -m arrangements validate --data $(DATA)

## Check the arrangements and reports against the statutory checklists.
check: $(STAMP)
	@$(PY) -m arrangements check

## Write the arrangements and yearly reports as PDF and Word files into $(DOCS_OUT)/<id>/documents/.
## ONLY=north-somerset makes one partnership's.
DOCS_OUT ?= build/documents
documents: $(STAMP) document-tools
	@$(PY) -m arrangements documents --data $(DATA) --out $(DOCS_OUT) $(if $(ONLY),--only $(ONLY))

## Fonts for the documents (Typst and pandoc come from PyPI) and poppler-utils (the tests look at PDF pages).
document-tools:
	@{ command -v pdftoppm >/dev/null 2>&1 && fc-list | grep -q "Liberation Sans"; } || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
	    poppler-utils fonts-liberation fonts-dejavu-core fontconfig; \
	  else echo "Install the document tools: sudo apt-get install poppler-utils fonts-liberation fonts-dejavu-core"; exit 1; fi; }

## Run every test: data, pages, browser, accessibility, documents.
test: $(STAMP) browsers document-tools
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

## Make this copy your partnership's own site (docs/setup.md): removes the example partnerships and news,
## writes data/site/settings.yml and starts your partnership's data.
## make setup ID=exampleshire NAME="Exampleshire Safeguarding Children Partnership" [DOMAIN=www.exampleshire-scp.org.uk]
setup: $(STAMP)
	@test -n "$(ID)" && test -n "$(NAME)" || { echo 'Usage: make setup ID=exampleshire NAME="Exampleshire Safeguarding Children Partnership" [DOMAIN=www.exampleshire-scp.org.uk]'; exit 2; }
	@$(PY) -m arrangements setup --id "$(ID)" --name "$(NAME)" $(if $(DOMAIN),--domain "$(DOMAIN)") $(if $(REPOSITORY),--repository "$(REPOSITORY)")

## Print build and validation figures for the bundled and synthetic data,
## and what a first visit to each kind of page downloads (in Chromium).
bench: $(STAMP) browsers
	$(PY) scripts/bench.py
	$(PY) scripts/bench_engines.py
	$(PY) scripts/bench_documents.py
	$(PY) scripts/weight.py

clean:
	rm -rf site .cache build
