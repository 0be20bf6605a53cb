"""The OCR-B character classifier: cell patches in, per-character probabilities out.

A line of MRZ text, rectified so that its characters stand upright, is cut into cells of
one pitch each (see :mod:`border_client.scanning.reader`); each cell is resampled to a
small fixed patch and classified by a one-hidden-layer network trained by
:mod:`border_client.scanning.training` on rendered, degraded OCR-B.  The weights live in
``assets/ocrb_classifier.npz`` (committed, and rebuilt by ``make``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<"
CHAR_INDEX = {c: i for i, c in enumerate(ALPHABET)}
# One more output after the 37 characters: "not one character" (a blot, a cell cut between two
# characters, background).  Its probability is doubt that no character can claim.
REJECT = len(ALPHABET)
N_CLASSES = len(ALPHABET) + 1
PATCH_H = 24
PATCH_W = 18
FEATURES = PATCH_H * PATCH_W
# A cell is one pitch wide and this many character heights tall.
CELL_HEIGHT_FACTOR = 1.3
# Lines are resampled so that a capital letter is this many pixels tall before cutting.
NORM_CHAR_HEIGHT = 32.0

MODEL_PATH = Path(__file__).resolve().parents[2] / "assets" / "ocrb_classifier.npz"


def line_levels(gray: np.ndarray) -> tuple[float, float]:
    """Background and ink gray levels of a line strip (robust percentiles)."""
    flat = gray.reshape(-1)
    if flat.size > 4000:
        flat = flat[:: flat.size // 2000]
    lo, hi = np.partition(flat, (int(0.04 * (flat.size - 1)), int(0.85 * (flat.size - 1))))[
        [int(0.04 * (flat.size - 1)), int(0.85 * (flat.size - 1))]
    ]
    bg = float(hi)
    ink = float(lo)
    if bg - ink < 8.0:
        ink = bg - 8.0
    return bg, ink


def extract_patches(
    gray: np.ndarray,
    centers: np.ndarray,
    pitch: float,
    height: float,
    levels: tuple[float, float] | None = None,
    shears: np.ndarray | None = None,
) -> np.ndarray:
    """Patches (N x FEATURES, float32, ink = 1) for cells centred at *centers* (N x 2, x y).

    *shears* (one per cell, dx/dy) straightens characters leaned by perspective.
    """
    img = gray if gray.dtype == np.float32 else gray.astype(np.float32)
    bg, ink = levels if levels is not None else line_levels(img)
    w = max(3, int(round(pitch)))
    h = max(3, int(round(height * CELL_HEIGHT_FACTOR)))
    out = np.empty((len(centers), FEATURES), dtype=np.float32)
    for k, (cx, cy) in enumerate(centers):
        sh = 0.0 if shears is None else float(shears[k])
        if abs(sh) < 0.03:
            patch = cv2.getRectSubPix(img, (w, h), (float(cx), float(cy)))
        else:
            # patch (u, v) <- image (cx + (u - w/2) + sh * (v - h/2), cy + (v - h/2))
            m = np.array([[1.0, sh, cx - w / 2.0 - sh * h / 2.0], [0.0, 1.0, cy - h / 2.0]], np.float32)
            patch = cv2.warpAffine(
                img,
                m,
                (w, h),
                flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                borderMode=cv2.BORDER_REPLICATE,
            )
        out[k] = cv2.resize(patch, (PATCH_W, PATCH_H), interpolation=cv2.INTER_AREA).reshape(-1)
    # ink = 1, paper = 0: for all cells at once (the same arithmetic as cell by cell)
    scale = 1.0 / max(bg - ink, 1.0)
    np.clip((bg - out) * scale, 0.0, 1.0, out=out)
    return out


def _matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    # cv2.gemm rather than numpy's matmul: a multi-threaded BLAS spends more time waking
    # its threads than computing a product this small, badly so on a busy two-core PC.
    # (OpenCV's stubs do not admit None for the unused third operand, which it accepts.)
    return np.asarray(cv2.gemm(a, b, 1.0, None, 0.0))  # type: ignore[call-overload]


@dataclass(frozen=True)
class OcrbClassifier:
    """A small ReLU network: FEATURES -> hidden -> N_CLASSES (37 characters + reject), softmax."""

    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray
    mean: np.ndarray
    temperature: float = 1.0

    def logits(self, x: np.ndarray) -> np.ndarray:
        xc = np.ascontiguousarray(x - self.mean, dtype=np.float32)
        h: np.ndarray = np.maximum(_matmul(xc, self.w1) + self.b1, 0.0)
        out: np.ndarray = _matmul(h, self.w2) + self.b2
        return out

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        z = self.logits(x) / self.temperature
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        proba: np.ndarray = e / e.sum(axis=1, keepdims=True)
        return proba

    def save(self, path: Path, source_hash: str = "") -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path,
            w1=self.w1.astype(np.float32),
            b1=self.b1.astype(np.float32),
            w2=self.w2.astype(np.float32),
            b2=self.b2.astype(np.float32),
            mean=self.mean.astype(np.float32),
            temperature=np.float32(self.temperature),
            alphabet=np.array(ALPHABET),
            patch=np.array([PATCH_H, PATCH_W]),
            source_hash=np.array(source_hash),
        )

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> OcrbClassifier:
        if not path.exists():
            raise FileNotFoundError(
                f"OCR-B classifier model missing at {path}; build it with `make assets` "
                "(python -m border_client.scanning.training)"
            )
        with np.load(path) as data:
            if (
                str(data["alphabet"]) != ALPHABET
                or tuple(data["patch"]) != (PATCH_H, PATCH_W)
                or data["w2"].shape[1] not in (N_CLASSES, len(ALPHABET))
            ):
                raise ValueError(f"{path}: model was built for another alphabet or patch size")
            return cls(
                w1=np.ascontiguousarray(data["w1"], dtype=np.float32),
                b1=data["b1"].astype(np.float32),
                w2=np.ascontiguousarray(data["w2"], dtype=np.float32),
                b2=data["b2"].astype(np.float32),
                mean=data["mean"].astype(np.float32),
                temperature=float(data["temperature"]),
            )


@lru_cache(maxsize=1)
def default_classifier() -> OcrbClassifier:
    return OcrbClassifier.load(MODEL_PATH)
