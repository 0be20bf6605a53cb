# Built assets: compiled translations (and, from the scanner, the OCR-B classifier model).
PY ?= .venv/bin/python
TS_FILES := $(wildcard border_client/ui/i18n/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

.PHONY: all ocrb-model
all: $(QM_FILES) ocrb-model

# OCR-B classifier: retrained (deterministic seed, one BLAS thread) only when the training
# script or the patch geometry changed; the committed model carries a hash of its sources.
ocrb-model:
	OPENBLAS_NUM_THREADS=1 $(PY) -m border_client.scanning.training --if-stale --out assets/ocrb_classifier.npz

border_client/ui/i18n/%.qm: border_client/ui/i18n/%.ts
	$(dir $(PY))pyside6-lrelease -silent $< -qm $@
