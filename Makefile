# The two commands of the README. Each builds its own virtual environment in .venv.
#   make demo   clean the bundled seeds and show the result with every removal explained
#   make test   lint, type-check and run the whole test suite
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3

.PHONY: demo test test-slow test-deep mutants bench bench-html fixtures docs clean-venv

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

demo: $(VENV)/.installed
	$(VENV)/bin/cleaner clean seeds/*.txt --explain
	@echo
	@echo "== cleaned (title, blank line, body) =="
	$(VENV)/bin/cleaner clean seeds/004_3f0df3139474a3af.txt --format text

test: $(VENV)/.installed
	@bash scripts/install-chromium.sh || echo "chromium could not be installed: the browser tests will be skipped"
	$(VENV)/bin/ruff check cleaner tests
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -q -n 2 -m "not slow"

# The slow, deep checks kept out of the default suite (minutes each).
test-slow: $(VENV)/.installed
	$(VENV)/bin/pytest -q -m slow

# Regenerate fixtures/*/expected.* from the current engine, for review with `git diff fixtures/`.
fixtures: $(VENV)/.installed
	$(PY) -m tests.regen_fixtures

bench: $(VENV)/.installed
	$(PY) -m cleaner.bench text

clean-venv:
	rm -rf $(VENV)

# Regenerate docs/rules.md from the rule packs.
docs: $(VENV)/.installed
	$(VENV)/bin/cleaner rules list --markdown > docs/rules.md

# The seed report's screenshots in docs/ (real headless Chromium, as tests/test_explain_browser.py).
.PHONY: screenshots
screenshots: $(VENV)/.installed
	$(PY) -m tests.test_explain_browser docs

# Batch runner figures: docs/s on the text and HTML dev sets with 1 and 2 workers (and the ratio),
# then peak RSS of the whole process tree over 10,000 and 100,000 generated documents (docs/pipelines.md).
.PHONY: bench-batch
bench-batch: $(VENV)/.installed
	$(PY) -m cleaner.batch.bench throughput --workers 1 2
	$(PY) -m cleaner.batch.bench rss --docs 10000 100000 --workers 2

# Fuzz the text and HTML paths with atheris (fuzz/), FUZZ_SECONDS each, both at once at low priority.
# Crash inputs land in fuzz/artifacts/; see docs/hostile.md.
FUZZ_SECONDS ?= 300
.PHONY: fuzz
fuzz: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[fuzz]'
	PYTHON=$(abspath $(PY)) nice -n 19 fuzz/run.sh text $(FUZZ_SECONDS) & \
	PYTHON=$(abspath $(PY)) nice -n 19 fuzz/run.sh html $(FUZZ_SECONDS); wait

# The property suite (tests/property) with the deep Hypothesis profile: ten times the ci examples,
# random seeds, failures kept in .hypothesis/ and shrunk. Turn each counterexample into fixtures/prop-*.
test-deep: $(VENV)/.installed
	HYPOTHESIS_PROFILE=deep $(VENV)/bin/pytest -q -n 2 -p no:cacheprovider tests/property --hypothesis-show-statistics

# Mutation harness: run the property suite against deliberately broken engines and print the table
# mutant -> caught/missed (tests/property/mutants.py). A missed mutant is a hole in the suite.
mutants: $(VENV)/.installed
	$(PY) -m tests.property.mutants
