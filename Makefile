.PHONY: install test lint demo bench

install:
	python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]'

test:
	.venv/bin/python -m pytest

lint:
	.venv/bin/ruff check claimcheck tests benchmarks
	.venv/bin/mypy --strict claimcheck

demo:
	.venv/bin/claimcheck ingest seeds/ && .venv/bin/claimcheck diff

bench:
	.venv/bin/python benchmarks/run.py
