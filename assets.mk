# Built assets: compiled translations (and, from the scanner, the OCR-B classifier model).
PY ?= .venv/bin/python
TS_FILES := $(wildcard border_client/ui/i18n/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

.PHONY: all
all: $(QM_FILES)

border_client/ui/i18n/%.qm: border_client/ui/i18n/%.ts
	$(dir $(PY))pyside6-lrelease -silent $< -qm $@
