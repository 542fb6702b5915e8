# The two commands of the README: `make demo` and `make test`. Each sets up what is missing.
VENV := .venv
BIN := $(VENV)/bin
SETUP_STAMP := $(VENV)/.sopdoc-installed

.PHONY: demo test lint setup setup-test bench contoh clean

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh --test

# The example documents from input/, written to output/: the check report, blank forms,
# the official documents and the Buku SOP (DOCX, PDF) and the flowcharts for slides (PNG, PDF, PPTX).
demo: setup
	@mkdir -p output
	$(BIN)/sopdoc check input/contoh.xlsx || test $$? -eq 1
	$(BIN)/sopdoc check --json input/contoh.xlsx > output/contoh.json || test $$? -eq 1
	rm -f output/formulir-kosong.xlsx output/formulir-contoh.xlsx
	$(BIN)/sopdoc new output/formulir-kosong.xlsx
	$(BIN)/sopdoc new --contoh output/formulir-contoh.xlsx
	$(BIN)/sopdoc build input/contoh.xlsx --format docx,pdf --buku -o output/dokumen
	$(BIN)/sopdoc flowchart input/contoh.xlsx --format png -o output/diagram-alir
	$(BIN)/sopdoc flowchart input/contoh.xlsx --format pdf -o output/diagram-alir
	$(BIN)/sopdoc flowchart input/contoh.xlsx --format pptx -o output/diagram-alir

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Lint, type checks and the whole test suite.
test: setup-test lint
	$(BIN)/pytest -q

# The benchmark of BENCHMARKS.md (about 6 minutes on 2 cores): prints the table and writes it there.
bench:
	@scripts/setup.sh --bench
	$(BIN)/python -m bench.run --write BENCHMARKS.md

# Regenerate input/contoh.xlsx from scripts/make_contoh.py.
contoh: setup
	$(BIN)/python scripts/make_contoh.py

clean:
	rm -rf output bench/.work .pytest_cache .mypy_cache .ruff_cache
