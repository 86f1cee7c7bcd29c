# Two entry points, each doing the whole set-up on a fresh Debian machine first:
#   make demo   assess the Bắc Giang example and write its PDF report to reports/
#   make test   lint (ruff), type checks (mypy) and the test suite (pytest)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SYSPKG := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 graphviz fonts-liberation2 poppler-utils
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO   := examples/bac-giang-zalo-2019.yaml

.PHONY: demo test setup system-packages lint typecheck pytest bench goldens clean

demo: setup
	$(BIN)/assess validate $(DEMO)
	$(BIN)/assess score $(DEMO)
	$(BIN)/assess graph $(DEMO) -o reports/bac-giang-zalo-2019.svg
	$(BIN)/assess report $(DEMO) -o reports/bac-giang-zalo-2019.pdf --html reports/bac-giang-zalo-2019.html
	$(BIN)/assess demo-ca -o reports/demo-ca --force
	$(BIN)/assess sign reports/bac-giang-zalo-2019.pdf --key reports/demo-ca/TEST-ONLY-signer.p12 \
	  --password-file reports/demo-ca/TEST-ONLY-signer.password -o reports/bac-giang-zalo-2019.signed.pdf
	$(BIN)/assess verify reports/bac-giang-zalo-2019.signed.pdf --trust reports/demo-ca/TEST-ONLY-ca.pem
	@echo "Report: reports/bac-giang-zalo-2019.pdf (signed with a TEST-ONLY certificate: reports/bac-giang-zalo-2019.signed.pdf)"

test: setup lint typecheck pytest

setup: system-packages $(STAMP)

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

bench: setup
	$(BIN)/pytest benchmarks/bench_*.py --benchmark-enable -q
	$(BIN)/python benchmarks/cold_start.py

goldens: setup
	$(BIN)/python -m tests.goldens

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
