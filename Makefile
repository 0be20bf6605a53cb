# The two commands: `make run` (demo post + local sync server) and `make test` (every test).
# Both install what is missing: Debian packages (when root), the virtual environment, built assets.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SYSTEM_STAMP := $(VENV)/.system-stamp

# Debian packages the project needs at run time and for its tests.
DEB_PACKAGES := tesseract-ocr fonts-ocr-b \
	libgl1 libegl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3 \
	libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
	libxcb-shape0 libxkbcommon-x11-0 \
	xvfb xauth chromium

.PHONY: run test system-deps venv assets screenshots lint typecheck bench clean

system-deps: $(SYSTEM_STAMP)
$(SYSTEM_STAMP): Makefile
	@bash tools/ensure_debian_packages.sh $(DEB_PACKAGES)
	@mkdir -p $(VENV) && touch $@

venv: $(STAMP)
$(STAMP): pyproject.toml $(SYSTEM_STAMP)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

assets: $(STAMP)
	@$(MAKE) --no-print-directory -f assets.mk PY=$(PY)

run: assets
	@bash tools/run_demo.sh

test: assets
	BORDER_CHECK_ALL_PACKAGES=1 $(PY) -m pytest

screenshots: assets
	QT_QPA_PLATFORM=offscreen $(PY) -m border_client.ui.screenshots docs/screenshots

lint: $(STAMP)
	$(VENV)/bin/ruff check border_client sync_server tests bench
	$(VENV)/bin/mypy border_client sync_server

# Each benchmark prints its figures against a baseline measured in the same run (docs/benchmarks.md).
bench: assets
	OMP_THREAD_LIMIT=1 OPENBLAS_NUM_THREADS=1 $(PY) bench/mrz_bench.py
	$(PY) bench/camera_bench.py
	$(PY) bench/store_bench.py
	$(PY) bench/sync_bench.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/ui_bench.py
	$(PY) bench/console_bench.py

clean:
	rm -rf $(VENV) build *.egg-info
