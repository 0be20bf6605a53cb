"""Face photo crop: real specimens, an upright crop from a turned page, and pages without a face."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from border_client.scanning.face import crop_face, crop_face_jpeg, find_face
from border_client.scanning.imageio import load_image

from .io_helpers import render_page


def _items(real_specimens_dir: Path) -> list[dict]:
    return json.loads((real_specimens_dir / "manifest.json").read_text())["items"]


def test_page_without_a_face_gives_none() -> None:
    page = render_page()  # text, a grey photo box and an MRZ, but nobody in the photo
    assert find_face(page) is None
    assert crop_face_jpeg(page) is None
    quad = [(60.0, 700.0), (1190.0, 700.0), (1190.0, 830.0), (60.0, 830.0)]
    assert crop_face_jpeg(page, quad) is None


def test_noise_blank_and_bad_input_give_none() -> None:
    rng = np.random.default_rng(2)
    assert crop_face_jpeg(rng.integers(0, 256, (600, 800, 3), np.uint8)) is None
    assert crop_face_jpeg(np.full((600, 800), 255, np.uint8)) is None
    assert crop_face_jpeg(np.zeros((10, 10, 3), np.uint8)) is None
    assert crop_face_jpeg(np.zeros((0, 0, 3), np.uint8)) is None
    assert crop_face(None) is None  # type: ignore[arg-type]


@pytest.mark.real_specimens
@pytest.mark.timeout(300)
def test_passport_photos_found_on_real_specimens(real_specimens_dir: Path) -> None:
    """TD3 data pages carry the holder's photo at the left, above the MRZ."""
    passports = [it for it in _items(real_specimens_dir) if it["format"] == "TD3"]
    assert len(passports) >= 10
    placed = 0
    for item in passports:
        image = load_image(real_specimens_dir / item["file"])
        found = find_face(image)
        if found is None:
            continue
        page_h, page_w = found.page_size
        x, y, w, h = found.box
        cx, cy = x + w / 2, y + h / 2
        if cx < page_w * 0.5 and cy < page_h * 0.85 and w > page_w * 0.06:
            placed += 1
    assert placed >= 0.8 * len(passports), f"{placed} of {len(passports)}"


@pytest.mark.real_specimens
@pytest.mark.timeout(300)
def test_back_sides_have_no_face(real_specimens_dir: Path) -> None:
    backs = [it for it in _items(real_specimens_dir) if "back side" in it["document"]]
    assert backs
    for item in backs:
        image = load_image(real_specimens_dir / item["file"])
        assert crop_face_jpeg(image) is None, item["file"]


@pytest.mark.real_specimens
@pytest.mark.timeout(300)
def test_crop_is_upright_jpeg_from_a_page_turned_on_the_desk(real_specimens_dir: Path) -> None:
    """A real photo pasted on a synthetic page, turned 90 degrees; the MRZ quad says which way is up."""
    source = next(it for it in _items(real_specimens_dir) if it["file"].endswith("100_pass-ltu.jpg"))
    face = crop_face(load_image(real_specimens_dir / source["file"]))
    assert face is not None
    page = render_page(clutter=False)
    h, w = page.shape[:2]
    photo = cv2.resize(face, (int(w * 0.22), int(w * 0.22 * face.shape[0] / face.shape[1])))
    page[80 : 80 + photo.shape[0], 50 : 50 + photo.shape[1]] = photo
    mrz_upright = np.array([[60, h - 180], [w - 60, h - 180], [w - 60, h - 30], [60, h - 30]], float)

    turned = cv2.rotate(page, cv2.ROTATE_90_CLOCKWISE)  # (x, y) -> (h - 1 - y, x)
    # corners in reading order (as the engines give them): the text now runs downwards
    quad = [(h - 1 - y, x) for x, y in mrz_upright]
    found = find_face(turned, quad)
    assert found is not None
    assert found.page_size == page.shape[:2]  # turned back upright
    x, y, bw, bh = found.box
    # the face lies inside the pasted photo
    assert 50 <= x + bw / 2 <= 50 + photo.shape[1]
    assert 80 <= y + bh / 2 <= 80 + photo.shape[0]

    data = crop_face_jpeg(turned, quad)
    assert data is not None and data[:2] == b"\xff\xd8"
    crop = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert crop.shape[0] > crop.shape[1]  # portrait, head and shoulders
    assert crop.shape[1] >= bw  # with a margin around the detector's box


@pytest.mark.real_specimens
@pytest.mark.timeout(300)
def test_mrz_position_rejects_faces_below_the_mrz(real_specimens_dir: Path) -> None:
    source = next(it for it in _items(real_specimens_dir) if it["file"].endswith("100_pass-ltu.jpg"))
    image = load_image(real_specimens_dir / source["file"])
    found = find_face(image)
    assert found is not None
    x, y, w, h = found.box
    # claim the MRZ sits above the face: the photo cannot belong to that document
    quad = [(0.0, 5.0), (image.shape[1] - 1.0, 5.0), (image.shape[1] - 1.0, 40.0), (0.0, 40.0)]
    assert y > 40
    assert find_face(image, quad) is None
