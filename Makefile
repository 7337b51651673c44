# The two commands: `make run` and `make test`. Everything installs into .venv with uv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
export UV_PROJECT_ENVIRONMENT := $(VENV)

# make test runs the suite in one process per core (pytest-xdist); TEST_PROCESSES=0 runs it in one
TEST_PROCESSES ?= auto

.PHONY: run test lint messages install system-check serve worker clean backup restore

run: install system-check
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "Serving the portal on http://127.0.0.1:8000/ (Ctrl-C stops it)"
	$(PY) manage.py runserver 127.0.0.1:8000

test: install
	@$(PY) -m weltstadt.system_check --tests
	$(PY) -m pytest -n $(TEST_PROCESSES) --dist loadgroup $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check
	$(PY) manage.py compilemessages --ignore=.venv -v0
	@git diff --quiet -- locale || (echo "locale/*.mo are not compiled from the .po files: run make messages"; exit 1)

messages: install
	$(PY) manage.py makemessages --all --ignore=.venv --ignore=var --ignore=node_modules --ignore=tests --ignore=tools --ignore=bench --no-obsolete
	$(PY) tools/fill_english.py
	$(PY) manage.py compilemessages --ignore=.venv

install: $(VENV)/.synced

$(UV):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.x)")'
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade uv

# --compile-bytecode: the packages' .pyc are written once here; a process that compiles them from
# source at every start (PYTHONDONTWRITEBYTECODE, or a read-only venv) is slower and keeps some
# 15 MiB more (a Celery worker's main process and each of its pool processes alike)
$(VENV)/.synced: $(UV) pyproject.toml uv.lock Makefile
	$(UV) sync --frozen --inexact --compile-bytecode
	@touch $@

system-check:
	@$(PY) -m weltstadt.system_check

# -B: the worker runs Celery beat too (scheduled sends), so start only one of these locally;
# docker compose runs beat in its own container instead. weltstadt.worker: `celery -A weltstadt
# worker` in fewer MiB (see the module).
worker: install
	MALLOC_ARENA_MAX=2 $(PY) -m weltstadt.worker -B -Q default,mail,pdf -l info \
		--without-gossip --without-mingle --without-heartbeat

# Every table and the uploaded files into var/backups/<date-time>/ (BACKUP_DIR=... elsewhere);
# `make restore BACKUP_DIR=...` loads one into a freshly migrated, empty database.
backup: install
	$(PY) manage.py backup $(BACKUP_DIR)

restore: install
	@test -n "$(BACKUP_DIR)" || (echo "make restore BACKUP_DIR=var/backups/<date-time>"; exit 1)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py restore $(BACKUP_DIR)

clean:
	rm -rf $(VENV) var/db.sqlite3 var/test.sqlite3 var/mail
