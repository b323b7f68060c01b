# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_POSTGRES ?= postgresql+psycopg://127.0.0.1:5432/test
# `make unit` shares the tests among this many processes (pytest-xdist), a whole file at a
# time, so that a file's module-scoped fixtures (the attack suite's run) are made once.
# Many tests wait on a worker, a mail server, a browser or a dead worker's 15 s heartbeat, so
# 3 keeps 2 cores busy (docs/performance.md: the test suite on 2 cores).
# PYTEST_WORKERS=0 runs everything in one process.
PYTEST_WORKERS ?= 3

.PHONY: install demo test lint typecheck unit bench soak eval clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/knowreply demo

lint: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: install
	$(BIN)/mypy src

# The intent model is fitted once (cached in ~/.cache/knowreply) before the tests, with every core
# reading the corpus: it is a few minutes of CPU on a fresh machine.
unit: install
	$(BIN)/python -c 'import os; from knowreply.agent.warm import warm_up; warm_up(jobs=os.cpu_count() or 1)'
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

test: lint typecheck unit

bench: install
	cd bench && for script in stripe_requests rate_limit parse cli_start; do \
		echo "== $$script"; ../$(BIN)/python $$script.py || exit 1; done
	@echo "== throughput (PostgreSQL at $(BENCH_POSTGRES))"
	cd bench && ../$(BIN)/python throughput.py --postgres $(BENCH_POSTGRES)

# Not in CI: ~500 emails with worker kills, Stripe faults and an SMTP outage (minutes).
soak: install
	cd bench && ../$(BIN)/python soak.py --postgres $(BENCH_POSTGRES)

eval: install
	$(BIN)/knowreply eval evals

clean:
	rm -rf $(VENV) .knowreply .pytest_cache .mypy_cache .ruff_cache
