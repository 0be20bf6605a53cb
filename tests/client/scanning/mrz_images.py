"""Helpers for the reader's tests: rendered documents with a known MRZ (from the project generator)."""

from __future__ import annotations

import cv2
import numpy as np

from border_client.domain.mrz import MrzFormat
from border_client.scanning.synthetic import random_mrz, render_page


def document_image(
    fmt: MrzFormat,
    seed: int,
    *,
    rotation: int = 0,
    skew: float = 0.0,
    scale: float = 0.7,
    lines: list[str] | None = None,
) -> tuple[np.ndarray, list[str]]:
    """A scanned page with a random MRZ of *fmt* (or *lines*), turned by *rotation* + *skew* degrees."""
    rng = np.random.default_rng(seed)
    _, mrz = random_mrz(rng, fmt)
    if lines is not None:
        mrz = lines
    page, _quad, _cap = render_page(rng, fmt, mrz)
    page = cv2.resize(page, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    pad = int(0.15 * max(page.shape[:2]))
    page = cv2.copyMakeBorder(page, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=(235, 235, 235))
    if skew:
        h, w = page.shape[:2]
        m = cv2.getRotationMatrix2D((w / 2, h / 2), skew, 1.0)
        page = cv2.warpAffine(page, m, (w, h), borderValue=(235, 235, 235))
    if rotation:
        page = np.ascontiguousarray(np.rot90(page, k=rotation // 90))
    return page, mrz
