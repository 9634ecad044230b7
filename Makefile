# The two commands of README.md:
#   make site   install what is needed, convert sources/ into docs/, build site/
#   make test   run all the tests (installs first if needed)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test install fonts install-zensical zensical offline browser convert build serve lint

site: install convert build
	@echo "Site built in site/. Preview: $(VENV)/bin/mkdocs serve  (http://127.0.0.1:8000/)"

# Search's synonym groups read the Sudachi synonym dictionary from the npm registry (Apache-2.0),
# pinned here; the stamp names the version, so changing it installs the new release.
SUDACHI_SYNONYMS_VERSION := 18.0.0
SUDACHI_SYNONYMS := .cache/node/.sudachi-synonyms-dictionary-$(SUDACHI_SYNONYMS_VERSION)

install: $(VENV)/.installed $(SUDACHI_SYNONYMS) fonts

# A Japanese system font (Debian's IPA Gothic and Mincho): PDFium reads a PDF whose Japanese fonts are
# not embedded through a system font of the script, and with none it drops some characters silently
# (「◎」「○」 set alone in a table's cells); screenshots need one to show Japanese at all.
fonts:
	@fc-list :lang=ja 2>/dev/null | grep -q . || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq fonts-ipafont-gothic fonts-ipafont-mincho >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq fonts-ipafont-gothic fonts-ipafont-mincho >/dev/null; fi; }

$(SUDACHI_SYNONYMS):
	mkdir -p .cache/node
	npm install --silent --no-audit --no-fund --prefix .cache/node sudachi-synonyms-dictionary@$(SUDACHI_SYNONYMS_VERSION)
	touch $@

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# Zensical, Material for MkDocs' successor, in the same venv (README: "Building with Zensical").
install-zensical: $(VENV)/.zensical-installed

$(VENV)/.zensical-installed: requirements-zensical.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-zensical.txt
	touch $@

# The same site built by Zensical into site/. Never `zensical build --clean`: it empties .cache/,
# where the browser tests keep axe-core and the conversion the Sudachi synonym dictionary.
zensical: install-zensical convert
	SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct 2>/dev/null || echo 0) $(VENV)/bin/zensical build --strict
	@echo "Site built by Zensical in site/. Preview: $(VENV)/bin/zensical serve  (http://localhost:8000/)"

# The site for reading from a folder (file://, a zip on a network with no server): built into
# site-offline/, folder links to index.html, the search index also as scripts (README: "Reading
# from a folder").
offline: install convert
	SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct 2>/dev/null || echo 0) $(VENV)/bin/mkdocs build --strict --quiet --site-dir site-offline
	$(PY) scripts/make_offline.py site-offline
	@echo "Site for reading from a folder in site-offline/: open site-offline/index.html"

# Browser tests drive Debian's chromium (Playwright's own browser download does not work offline);
# accessibility tests inject axe-core from the npm registry; the markup test runs the Nu Html
# Checker (npm vnu-jar), which needs java (Debian's default-jre-headless when missing).
AXE_VERSION := 4.14.1
VNU_VERSION := 26.9.27

browser: .cache/node/node_modules/axe-core/axe.min.js .cache/node/node_modules/vnu-jar/build/dist/vnu.jar
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq default-jre-headless >/dev/null; fi; }

.cache/node/node_modules/axe-core/axe.min.js:
	mkdir -p .cache/node
	npm install --silent --no-audit --no-fund --prefix .cache/node axe-core@$(AXE_VERSION)

.cache/node/node_modules/vnu-jar/build/dist/vnu.jar:
	mkdir -p .cache/node
	npm install --silent --no-audit --no-fund --prefix .cache/node vnu-jar@$(VNU_VERSION)

# Exit status 3 from convert.py: a document was refused (named on its output and on the report
# page); the site is built with the others.  STRICT=1 (make site STRICT=1) stops there instead.
convert: install
	$(PY) scripts/convert.py || { status=$$?; [ $$status -eq 3 ] && [ -z "$(STRICT)" ]; }

# The commit's time stamps the build (sitemap dates): the same commit builds the same site.
build: install
	SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct 2>/dev/null || echo 0) $(VENV)/bin/mkdocs build --strict --quiet

serve: install
	$(VENV)/bin/mkdocs serve

lint: install
	$(VENV)/bin/ruff check scripts tests bench

# Two pytest workers (pytest-xdist), one per core of the project's machines; --dist loadfile keeps
# a test file on one worker, so its module fixtures (a search page, a browser context) are made
# once. Each worker converts and builds once for itself (conftest's session fixtures).
test: install install-zensical browser
	$(VENV)/bin/ruff check scripts tests bench
	$(PY) -m pytest -q -n 2 --dist loadfile tests
