# Passerelles — the two commands a fresh machine needs are `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://passerelles:passerelles@127.0.0.1:5432/passerelles
# pytest-xdist workers: both cores of the CI machine. WORKERS=0 runs in one process.
WORKERS ?= 2
PYTEST := $(VENV)/bin/pytest -n $(WORKERS) --durations=15 $(PYTEST_ARGS)
# Browser and HTML-validity tests check pages, not the database: they run in the SQLite pass only.
PG_ONLY_DATABASE := -m "not browser and not html"
TIMED := scripts/timed.sh

.PHONY: help install demo run test test-sqlite test-postgres lint messages bench clean

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml setup.py package.json
	@echo "Installation des dépendances Python et npm…"
	@$(PYTHON) -m venv $(VENV)
	@$(PIP) install --quiet --quiet --upgrade pip
	@$(PIP) install --quiet --quiet -e ".[dev]"
	@npm install --no-audit --no-fund --silent
	@touch $@
	@echo "  installé : $$($(PY) -c 'import django, wagtail; print("Django", django.get_version(), "· Wagtail", wagtail.__version__)')"

install: $(VENV)/.installed ## Create .venv, install the project (editable, dev extra) and the npm assets

demo: install ## Migrate, load the demo content, rebuild the search index (safe to run twice)
	@$(MANAGE) migrate_with_progress --noinput
	@$(MANAGE) load_demo

run: demo ## Install, load the demo and serve on http://127.0.0.1:8000 (with the e-mail worker)
	@echo ""
	@echo "  Passerelles : http://$(HOST):$(PORT)/   administration : http://$(HOST):$(PORT)/admin/"
	@echo "  Identifiant : admin   mot de passe : passerelles-demo"
	@echo "  (aussi : membre, coordination, moderation — même mot de passe)"
	@echo "  Les e-mails passent par la file d’envoi et s’affichent ici (worker db_worker)."
	@echo ""
	@# The outbox's worker runs beside the server and stops with it (Ctrl+C, or the server exits).
	@$(MANAGE) db_worker --backend outbox --interval 2 --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

test: ## Install and run the whole suite on SQLite, then on PostgreSQL (browser tests in Chromium)
	@$(TIMED) "installation" $(MAKE) --no-print-directory install
	@# Each run of pytest copies the migrated database from a template built once (tests/database_templates.py).
	@# So is the demo content. PostgreSQL's two are built meanwhile by a process of its own: while the
	@# first SQLite worker builds SQLite's, the second waits for it, and its core is free (a failed
	@# build leaves it to pytest).
	@bash scripts/ensure-postgres.sh && mkdir -p .pytest-db && \
	  (DJANGO_SETTINGS_MODULE=passerelles.settings.test DATABASE_URL=$(PG_URL) \
	   $(PY) -m tests.database_templates > .pytest-db/postgresql-template.log 2>&1 &)
	@$(TIMED) "tests SQLite" $(MAKE) --no-print-directory test-sqlite
	@$(TIMED) "tests PostgreSQL" $(MAKE) --no-print-directory test-postgres

test-sqlite: install ## The whole suite on SQLite (PYTEST_ARGS="tests/test_x.py -k y" to narrow it)
	$(PYTEST) -m "not browser"
	@# The browser tests in a run of their own: their live server shares the test's in-memory
	@# SQLite connection, and tests run before them on the same worker could leave a table lock.
	$(PYTEST) -m browser || [ $$? -eq 5 ]

test-postgres: install ## The suite on PostgreSQL 15, browser and HTML-validity tests aside
	@bash scripts/ensure-postgres.sh
	DATABASE_URL=$(PG_URL) $(PYTEST) $(PG_ONLY_DATABASE)

lint: install ## ruff, eslint, stylelint and makemigrations --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	npx --no-install eslint .
	npx --no-install stylelint "**/static/**/*.css"
	$(MANAGE) makemigrations --check --dry-run

messages: install ## Extract and compile the interface translations
	$(MANAGE) makemessages -l nl -l de -l en --no-location --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=test-artifacts
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

bench: install ## Benchmark of record (not a test): public pages at 10 and 10,000 items, gunicorn, search, 10,000 digests, imports
	$(PY) scripts/bench_pages.py
	$(PY) scripts/bench_search.py
	$(PY) scripts/bench_digests.py
	$(PY) scripts/bench_imports.py

clean: ## Remove the virtualenv, node_modules and local database
	rm -rf $(VENV) node_modules db.sqlite3 media .test-media staticfiles
