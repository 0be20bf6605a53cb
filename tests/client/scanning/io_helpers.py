"""Synthetic document pages for the scanner-io tests (OCR-B MRZ rendered with Pillow)."""

from __future__ import annotations

import glob
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

TD3 = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]


@lru_cache(maxsize=1)
def ocrb_font_path() -> str:
    for pattern in (
        "/usr/share/fonts/opentype/ocr-b/OCRB.otf",
        "/usr/share/fonts/**/OCRB*.otf",
        "/usr/share/fonts/**/ocrb*.ttf",
    ):
        found = sorted(glob.glob(pattern, recursive=True))
        if found:
            return found[0]
    pytest.skip("the OCR-B font (Debian package fonts-ocr-b) is not installed")


def render_page(lines: list[str] = TD3, width: int = 1250, clutter: bool = True) -> np.ndarray:
    """A passport-like data page (BGR): header text, a grey photo box, the MRZ at the bottom."""
    height = int(width * 0.70)
    page = Image.new("RGB", (width, height), (236, 233, 224))
    draw = ImageDraw.Draw(page)
    # the MRZ spans 90% of the page width, as on a real document
    probe = ImageFont.truetype(ocrb_font_path(), 100)
    char_px = int(100 * width * 0.90 / probe.getlength(max(lines, key=len)))
    font = ImageFont.truetype(ocrb_font_path(), char_px)
    if clutter:
        small = ImageFont.truetype(ocrb_font_path(), char_px // 2)
        draw.rectangle((40, 90, 40 + width // 4, 90 + int(width * 0.32)), fill=(170, 170, 175))
        for i, text in enumerate(("PASSPORT", "UTOPIA", "ERIKSSON", "ANNA MARIA", "12 AUG 74")):
            draw.text((width // 3, 100 + i * char_px * 1.3), text, font=small, fill=(60, 60, 90))
    pitch = char_px * 1.5
    top = height - int(pitch * len(lines)) - char_px
    for i, line in enumerate(lines):
        draw.text((int(width * 0.05), top + i * pitch), line, font=font, fill=(20, 20, 20))
    return np.ascontiguousarray(np.asarray(page)[:, :, ::-1])


def write_png(path: Path, bgr: np.ndarray) -> Path:
    Image.fromarray(bgr[:, :, ::-1]).save(path)
    return path


def desk_frame(page: np.ndarray | None, size: tuple[int, int] = (1280, 720), seed: int = 0) -> np.ndarray:
    """A 720p camera frame: a dark desk with sensor noise, the page (if any) in the middle."""
    width, height = size
    rng = np.random.default_rng(seed)
    frame = np.full((height, width, 3), (70, 80, 95), np.uint8)
    if page is not None:
        ph, pw = page.shape[:2]
        y, x = (height - ph) // 2, (width - pw) // 2
        frame[y : y + ph, x : x + pw] = page
    noise = rng.normal(0, 4, frame.shape)
    return np.clip(frame.astype(np.float64) + noise, 0, 255).astype(np.uint8)


def write_video(path: Path, segments: list[tuple[np.ndarray | None, int]], fps: float = 25.0) -> Path:
    """An MJPG .avi of *segments*: (page or None for an empty desk, number of frames)."""
    import cv2

    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (1280, 720))
    assert writer.isOpened(), "OpenCV cannot write MJPG video here"
    n = 0
    for page, count in segments:
        for _ in range(count):
            writer.write(desk_frame(page, seed=n))
            n += 1
    writer.release()
    return path
