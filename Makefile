# The hub's two commands: `make run` and `make test`. Everything else supports them.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PYTHON_BIN := $(shell scripts/find-python.sh)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-fast lint format install lexicon db migrate seed serve messages bench clean backup restore check-deploy

$(VENV)/.installed: requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON_BIN) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

install: $(VENV)/.installed lexicon

# WordNet, FreeDict and Apertium for matching (Debian packages; skipped with a note elsewhere).
lexicon:
	@scripts/ensure-lexicon.sh

db: install
	@PY=$(PY) scripts/ensure-db.sh

migrate: db
	$(PY) manage.py migrate --no-input

seed: migrate
	$(PY) manage.py seed_demo

# seed_demo only adds what is missing, so every run prints the demo logins without duplicating.
run: migrate
	$(PY) manage.py seed_demo
	$(PY) manage.py understand_posts
	$(PY) manage.py runserver $(HOST):$(PORT)

serve: migrate
	DEBUG=false SECRET_KEY=$${SECRET_KEY:-local-serve-only-$$(hostname)-not-secret-0123456789abcdef} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} SECURE_SSL_REDIRECT=false SECURE_COOKIES=false \
	SECURE_HSTS_SECONDS=0 $(PY) manage.py collectstatic --no-input --verbosity 0
	DEBUG=false SECRET_KEY=$${SECRET_KEY:-local-serve-only-$$(hostname)-not-secret-0123456789abcdef} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} SECURE_SSL_REDIRECT=false SECURE_COOKIES=false \
	SECURE_HSTS_SECONDS=0 $(VENV)/bin/gunicorn mutualaid.wsgi --bind $(HOST):$(PORT) --workers 2 --access-logfile -

# ruff, then mypy over the services, the QuerySets and the ranking ([tool.mypy] in pyproject.toml).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install
	$(PY) manage.py makemessages -l es --ignore=.venv --ignore=staticfiles --ignore=bench
	$(PY) manage.py compilemessages --ignore=.venv

check-deploy: install
	DEBUG=false SECRET_KEY=ci-$$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx \
	ALLOWED_HOSTS=hub.example.org REDIS_URL=redis://127.0.0.1:6379/0 \
	$(PY) manage.py check --deploy --fail-level WARNING

test: db lint
	$(PY) manage.py makemigrations --check --dry-run
	$(MAKE) --no-print-directory check-deploy
	$(PY) -m pytest $(PYTEST_ARGS)

# The edit-test loop: the suite without the browser journeys (tests/browser), no lint.
test-fast: db
	$(PY) -m pytest --ignore=tests/browser $(PYTEST_ARGS)

bench: migrate
	$(PY) bench/pages.py
	$(PY) bench/matching.py
	$(PY) bench/freestore.py

# pg_dump custom format into backups/, named after the database and the UTC time.
backup: install
	$(PY) manage.py backup

# pg_restore into the configured database (DATABASE_URL), which must be empty.
restore: install
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/<name>.dump"; exit 2; }
	$(PY) manage.py restore "$(FILE)"

clean:
	rm -rf $(VENV) staticfiles
