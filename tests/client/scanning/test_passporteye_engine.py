"""PassportEye behind the MrzEngine interface: runs in memory, judged by domain rules, never raises."""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import cv2
import numpy as np
import pytest

from border_client.domain.mrz import parse_mrz
from border_client.scanning.engine import MrzEngine, ScanResult, get_engine, scan_file
from border_client.scanning.passporteye_engine import PassportEyeEngine, filler_doubts

from .io_helpers import TD3, render_page, write_png

pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning")


@pytest.fixture(scope="module")
def engine() -> PassportEyeEngine:
    return PassportEyeEngine()


def test_registered_under_its_name_and_single_threaded() -> None:
    eng = get_engine("passporteye")
    assert isinstance(eng, PassportEyeEngine)
    assert isinstance(eng, MrzEngine)
    assert eng.name == "passporteye"
    assert os.environ.get("OMP_THREAD_LIMIT") == "1"


@pytest.mark.timeout(120)
def test_reads_a_synthetic_page_and_outlines_the_mrz(engine: PassportEyeEngine) -> None:
    page = render_page()
    result = engine.read(page)
    assert isinstance(result, ScanResult)
    assert result.engine == "passporteye"
    assert result.found
    assert result.elapsed_ms > 0
    assert len(result.lines) == 2
    # the outline lies on the MRZ band at the bottom of the page, spanning most of its width
    assert result.quad is not None and len(result.quad) == 4
    xs = [p[0] for p in result.quad]
    ys = [p[1] for p in result.quad]
    h, w = page.shape[:2]
    assert min(ys) > h * 0.7 and max(ys) <= h + 2
    assert max(xs) - min(xs) > w * 0.6
    (tlx, tly), (trx, _), (_, bry), _ = result.quad
    assert tlx < trx and tly < bry
    # whatever tesseract made of it, "valid" only ever means the exact MRZ
    if result.valid:
        assert result.lines == TD3
    else:
        assert result.uncertain


@pytest.mark.timeout(120)
def test_same_verdict_from_a_file_via_scan_file(tmp_path: Path, engine: PassportEyeEngine) -> None:
    path = write_png(tmp_path / "page.png", render_page())
    result = scan_file(path, engine)
    assert result.found and result.engine == "passporteye"
    out = result.to_json(path)
    assert out["path"] == str(path) and out["engine"] == "passporteye"
    assert isinstance(out["valid"], bool) and isinstance(out["uncertain"], list)


def test_blank_page_finds_nothing(engine: PassportEyeEngine) -> None:
    blank = np.full((600, 900, 3), 235, np.uint8)
    result = engine.read(blank)
    assert not result.found and not result.valid and result.lines == []


@pytest.mark.parametrize(
    "bad",
    [
        np.zeros((0, 0, 3), np.uint8),
        np.zeros((5,), np.uint8),
        np.zeros((4, 4), np.uint8),
        np.zeros((100, 100, 7), np.uint8),
        None,
        "not an array",
    ],
)
def test_never_raises_on_bad_input(engine: PassportEyeEngine, bad: object) -> None:
    result = engine.read(bad)  # type: ignore[arg-type]
    assert isinstance(result, ScanResult)
    assert not result.found and not result.valid


@pytest.mark.timeout(120)
def test_accepts_gray_bgra_float_and_16bit(engine: PassportEyeEngine) -> None:
    page = render_page()
    gray = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)
    variants = [
        gray,
        cv2.cvtColor(page, cv2.COLOR_BGR2BGRA),
        gray.astype(np.float32) / 255.0,
        gray.astype(np.uint16) * 257,
    ]
    for image in variants:
        result = engine.read(image)
        # found, located, and any error is about the text read, not the pixels handed in
        assert result.found and result.quad is not None, result.error
        assert result.error is None or result.error.startswith("unreadable MRZ"), result.error


def test_noise_image_never_valid(engine: PassportEyeEngine) -> None:
    rng = np.random.default_rng(11)
    noise = rng.integers(0, 256, (480, 640, 3), np.uint8)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = engine.read(noise)
    assert not result.valid


# -- the rules that keep PassportEye's misreads from being "valid" ---------------------------


@pytest.mark.parametrize(
    ("field", "kind", "doubt"),
    [
        ("ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "name", False),
        ("ERIKSSON<<ANNA<MARIA<<<<<<<K<<<<<<<<<<<", "name", True),  # letter in the padding
        ("LINC<MEICHUAKKKKKKKKKKKKKKKKKKKKKKKKKKS", "name", True),  # padding read as K
        ("ERIKSSON<<ANNA<K<<<<<<<<<<<<<<<<<<<<<<<", "name", True),  # one-letter look-alike
        ("NG<<LI<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "name", False),  # short real names
        ("HESS<<JOSS<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "name", False),
        ("ZE184226B<<<<<", "alnum", False),
        ("ZE184226BKKKKK", "alnum", True),  # keeps the check digit's sum
        ("ZE184226B<<K<<", "alnum", True),
        ("L898902C3", "alnum", False),
    ],
)
def test_filler_doubts(field: str, kind: str, doubt: bool) -> None:
    assert filler_doubts(field, kind) is doubt


def test_unchecked_visa_optional_data_is_uncertain() -> None:
    lines = [
        "VIUSATRAVELER<<HAPPYPERSON<<<<<<<<<<<<<<<<<<",
        "555123ABC6GBR6502056F0412236IFLND00AMS803085",
    ]
    doc = parse_mrz(lines)
    assert doc.valid  # check digits alone would call it valid
    uncertain = PassportEyeEngine._uncertain(doc.format, list(doc.lines), doc.failed_checks)
    assert uncertain == ["optional_data"]


# -- real specimens: PassportEye through our rules never reports a wrong document valid -------


@pytest.mark.slow
@pytest.mark.real_specimens
@pytest.mark.timeout(600)
def test_real_specimens_valid_implies_exact(real_specimens_dir: Path, engine: PassportEyeEngine) -> None:
    manifest = json.loads((real_specimens_dir / "manifest.json").read_text())
    found = 0
    wrong_valid = []
    for item in manifest["items"]:
        result = scan_file(real_specimens_dir / item["file"], engine)
        assert result.engine == "passporteye"
        found += result.found
        if result.valid and result.lines != item["lines"]:
            wrong_valid.append((item["file"], result.lines))
    assert wrong_valid == []
    assert found >= len(manifest["items"]) // 2  # PassportEye's locator finds most of them
