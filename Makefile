# Two entry points, each doing the whole set-up on a fresh Debian machine first:
#   make demo   assess the Bắc Giang example and write its PDF report to reports/
#   make test   lint (ruff, import contracts), type checks (mypy) and the test suite (pytest)
#   make test-lowest   the suite again with the lowest versions pyproject.toml allows (CI runs it)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SYSPKG := python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 graphviz fonts-liberation2 poppler-utils libreoffice-calc-nogui softhsm2 postgresql chromium
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO   := examples/bac-giang-zalo-2019.yaml

.PHONY: demo test test-lowest install-check fuzz setup system-packages python-version lint typecheck pytest bench bench-workspace goldens clean

demo: setup
	$(BIN)/assess validate $(DEMO)
	$(BIN)/assess score $(DEMO)
	$(BIN)/assess graph $(DEMO) -o reports/bac-giang-zalo-2019.svg
	$(BIN)/assess report $(DEMO) -o reports/bac-giang-zalo-2019.pdf --html reports/bac-giang-zalo-2019.html
	$(BIN)/assess demo-ca -o reports/demo-ca --force --for reports/bac-giang-zalo-2019.pdf
	$(BIN)/assess sign reports/bac-giang-zalo-2019.pdf --key reports/demo-ca/TEST-ONLY-signer.p12 \
	  --password-file reports/demo-ca/TEST-ONLY-signer.password -o reports/bac-giang-zalo-2019.signed.pdf
	$(BIN)/assess verify reports/bac-giang-zalo-2019.signed.pdf --trust reports/demo-ca/TEST-ONLY-ca.pem
	@echo "Report: reports/bac-giang-zalo-2019.pdf (signed with a TEST-ONLY certificate: reports/bac-giang-zalo-2019.signed.pdf)"

test: setup lint typecheck pytest

setup: system-packages python-version $(STAMP)

python-version:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null || { \
	  echo "assess needs Python 3.11 or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1 || echo missing)." >&2; \
	  echo "Install python3.11 (or newer) and run: make PYTHON=python3.11 ..." >&2; exit 2; }

# Installs only what is missing, so a second run costs nothing and needs no network.
system-packages:
	@missing=""; for p in $(SYSPKG); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

lint: setup
	$(BIN)/ruff check assess tests benchmarks
	$(BIN)/lint-imports --no-cache

typecheck: setup
	$(BIN)/mypy

pytest: setup
	$(BIN)/pytest

# The declared lower bounds are real: install the lowest version of every direct dependency
# (uv's lowest-direct resolution) into a separate environment and run the whole suite there.
LOWEST := .venv-lowest
test-lowest: setup
	$(BIN)/pip install -q 'uv>=0.5'
	rm -rf $(LOWEST)
	$(PYTHON) -m venv $(LOWEST)
	VIRTUAL_ENV=$(LOWEST) $(BIN)/uv pip install -q --resolution lowest-direct -e '.[dev]'
	$(LOWEST)/bin/pip list --format=freeze 2>/dev/null | grep -i -E '^(typer|rich|pydantic|networkx|jinja2|weasyprint|pyhanko|pypdfium2)=' | tr '\n' ' '; echo
	$(LOWEST)/bin/pytest -p no:cacheprovider

# What a user gets from `pip install`: the built wheel in a fresh environment, used from another
# folder (no checkout on the path) to score, report, sign and verify an example.
CHECK := $(shell mktemp -u -d /tmp/assess-install-check.XXXXXX)
install-check: setup
	rm -rf dist && $(BIN)/python -m pip wheel -q --no-deps --no-build-isolation -w dist .
	$(PYTHON) -m venv $(CHECK)/venv
	$(CHECK)/venv/bin/pip install -q dist/*.whl
	cp examples/bac-ninh-zalo-notifications.yaml $(CHECK)/p.yaml
	cd $(CHECK) && venv/bin/assess score p.yaml --fail-on reject && venv/bin/assess report p.yaml -o p.pdf \
	  && venv/bin/assess demo-ca -o ca --for p.pdf && venv/bin/assess sign p.pdf --key ca/TEST-ONLY-signer.p12 \
	  --password-file ca/TEST-ONLY-signer.password -o p.signed.pdf \
	  && venv/bin/assess verify p.signed.pdf --trust ca/TEST-ONLY-ca.pem
	rm -rf $(CHECK)

# The trust model's properties with many more generated proposals, shrinking any counterexample.
fuzz: setup
	ASSESS_PROPERTY_EXAMPLES=2000 ASSESS_PROPERTY_SHRINK=1 $(BIN)/pytest -p no:cacheprovider \
	  tests/test_properties.py tests/test_invariants.py
	ASSESS_FUZZ_EXAMPLES=2000 $(BIN)/pytest -p no:cacheprovider tests/test_fuzz.py

# 50 simulated users browsing and commenting against 127.0.0.1, on SQLite and PostgreSQL.
bench-workspace: setup
	$(BIN)/python benchmarks/workspace_load.py

bench: setup
	$(BIN)/pytest benchmarks/bench_*.py --benchmark-enable -q
	$(BIN)/python benchmarks/cold_start.py
	$(BIN)/python benchmarks/bench_report.py

goldens: setup
	$(BIN)/python -m tests.goldens

clean:
	rm -rf $(VENV) $(LOWEST) build dist .pytest_cache .mypy_cache .ruff_cache
