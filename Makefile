# graphkit: `make demo` builds the bundled examples, `make test` runs the suite.
# Both set up .venv first (`make install`, idempotent: it reinstalls only when pyproject.toml changes).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -c "import graphkit.nlp as n; n.make_nlp()" \
	  || { echo "the English spaCy model did not load: see the message above"; exit 1; }
	touch $(STAMP)

demo: install
	$(BIN)/graphkit build examples --out out --formats jsonld,nt,graphml,gexf,csv

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_sparql.py
	$(BIN)/python benchmarks/bench_html.py

clean:
	rm -rf out .pytest_cache
