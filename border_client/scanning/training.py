"""Build the OCR-B character classifier from the fonts-ocr-b font (deterministic by seed).

    python -m border_client.scanning.training --out assets/ocrb_classifier.npz

Lines of random MRZ characters are rendered with the OCR-B font (regular, sharp and a little
of the oblique cut), then degraded the way scans and phone photos degrade them: stroke
weight, pitch and aspect changes, low resolution, blur, uneven background, noise and JPEG.
Cells are cut with the same patch extraction the reader uses (with jitter standing in for
segmentation error), and a one-hidden-layer network is trained on them with Adam.
Nothing here reads real documents: the real specimens are the held-out test set.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import io
import sys
import time
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from border_client.scanning.ocrb import (
    ALPHABET,
    CHAR_INDEX,
    MODEL_PATH,
    N_CLASSES,
    NORM_CHAR_HEIGHT,
    REJECT,
    OcrbClassifier,
    extract_patches,
    line_levels,
)

FONT_DIRS = ("/usr/share/fonts/opentype/ocr-b", "/usr/share/fonts/truetype/ocr-b")
# (file, share of the rendered lines)
FONT_MIX = (("OCRB.otf", 0.62), ("OCRBS.otf", 0.30), ("OCRBL.otf", 0.08))


def find_font(name: str) -> str:
    for d in FONT_DIRS:
        hits = glob.glob(f"{d}/{name}")
        if hits:
            return hits[0]
    hits = glob.glob(f"/usr/share/fonts/**/{name}", recursive=True)
    if not hits:
        raise FileNotFoundError(f"OCR-B font {name} not found; install the Debian package fonts-ocr-b")
    return hits[0]


def random_text(rng: np.random.Generator, n: int) -> str:
    """MRZ-like text: digits, letters and '<' runs, every class well represented."""
    out: list[str] = []
    while len(out) < n:
        r = rng.random()
        if r < 0.22:
            out.extend("<" * int(rng.integers(1, 6)))
        elif r < 0.55:
            out.extend(rng.choice(list("0123456789"), size=int(rng.integers(1, 7))))
        else:
            out.extend(rng.choice(list(ALPHABET[10:36]), size=int(rng.integers(1, 8))))
    return "".join(out[:n])


def render_line(
    rng: np.random.Generator, fonts: list[ImageFont.FreeTypeFont], text: str
) -> tuple[np.ndarray, np.ndarray, float, float]:
    """A degraded line at normalised height, the cell centres, the pitch and the char height."""
    src_h = float(np.exp(rng.uniform(np.log(8.5), np.log(42.0))))  # cap height at capture
    ss = 3.0  # supersampling for rendering and stroke-weight changes
    font = fonts[int(rng.choice(len(fonts), p=[w for _, w in FONT_MIX]))]
    cap = 0.72 * font.size  # OCR-B cap height / em
    adv = 0.723 * font.size
    pitch_factor = rng.uniform(0.88, 1.16)
    pitch = adv * pitch_factor
    margin = int(pitch * 2)
    width = int(margin * 2 + pitch * len(text))
    height = int(cap * 2.6)
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    top = int(cap * 0.8)
    for i, ch in enumerate(text):
        draw.text((margin + i * pitch, top - 0.23 * font.size), ch, font=font, fill=0)
    arr = np.asarray(img, dtype=np.uint8)
    # stroke weight
    k = int(rng.choice([-3, -2, -1, 0, 0, 1, 2, 3, 4]))
    if k:
        kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (abs(k) + 1, abs(k) + 1))
        arr = cv2.dilate(arr, kernel) if k < 0 else cv2.erode(arr, kernel)
    cxs = margin + (np.arange(len(text)) + 0.5) * pitch
    cy = top + cap / 2.0
    # aspect change and slight shear (a printer's OCR-B is never exactly the font file)
    ax = rng.uniform(0.9, 1.1)
    shear = rng.normal(0, 0.04)
    m = np.array([[ax, shear, -shear * cy], [0, 1, 0]], dtype=np.float64)
    arr = cv2.warpAffine(arr, m, (int(width * ax) + 2, height), borderValue=255)
    cxs = cxs * ax
    pitch *= ax
    # down to capture resolution
    f = src_h / (cap * ss) * ss / ss  # cap -> src_h
    f = src_h / cap
    arr = cv2.resize(arr, None, fx=f, fy=f, interpolation=cv2.INTER_AREA).astype(np.float32)
    cxs, cy, pitch, ch_h = cxs * f, cy * f, pitch * f, src_h
    # paper, ink, light
    bg = rng.uniform(120, 250)
    ink = rng.uniform(0, min(110, bg - 50))
    a = arr / 255.0
    img_f = ink + (bg - ink) * a
    hh, ww = img_f.shape
    yy, xx = np.mgrid[0:hh, 0:ww].astype(np.float32)
    grad = rng.normal(0, 18) * (xx / ww - 0.5) + rng.normal(0, 12) * (yy / hh - 0.5)
    if rng.random() < 0.5:  # guilloche-like background lines
        period = rng.uniform(3, 12)
        grad += rng.uniform(0, 22) * np.sin((xx * rng.normal(0, 1) + yy) / period)
    img_f = img_f + grad * a
    sigma = rng.choice([0.0, rng.uniform(0.3, 1.0), rng.uniform(0.8, 1.8)], p=[0.25, 0.5, 0.25])
    if sigma > 0:
        img_f = cv2.GaussianBlur(img_f, (0, 0), sigma)
    img_f += rng.normal(0, rng.uniform(0, 12), img_f.shape)
    out = np.clip(img_f, 0, 255).astype(np.uint8)
    if rng.random() < 0.6:
        buf = io.BytesIO()
        Image.fromarray(out).save(buf, format="JPEG", quality=int(rng.integers(25, 95)))
        out = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("L"))
    # normalise to the reader's working scale (with the reader's own scale error)
    g = NORM_CHAR_HEIGHT / ch_h * rng.uniform(0.88, 1.12)
    out = cv2.resize(out, None, fx=g, fy=g, interpolation=cv2.INTER_AREA if g < 1 else cv2.INTER_LINEAR)
    centers = np.stack([cxs * g, np.full(len(text), cy * g)], axis=1)
    return out.astype(np.float32), centers, pitch * g, ch_h * g


def make_dataset(seed: int, n_lines: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    fonts = [ImageFont.truetype(find_font(name), 96) for name, _ in FONT_MIX]
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    for _ in range(n_lines):
        text = random_text(rng, int(rng.integers(18, 45)))
        img, centers, pitch, ch_h = render_line(rng, fonts, text)
        n = len(text)
        jitter = np.stack([rng.normal(0, 0.08 * pitch, n), rng.normal(0, 0.06 * ch_h, n)], axis=1)
        pf = rng.uniform(0.92, 1.08)
        hf = rng.uniform(0.9, 1.1)
        levels = line_levels(img)
        xs.append(extract_patches(img, centers + jitter, pitch * pf, ch_h * hf, levels))
        ys.append(np.array([CHAR_INDEX[c] for c in text], dtype=np.int64))
        # "Not one character": cells cut between two characters, background, and blots.
        rej: list[np.ndarray] = []
        k = int(rng.integers(1, 4))
        at = rng.integers(0, n - 1, k)
        half = centers[at] + np.stack(
            [pitch * rng.uniform(0.42, 0.58, k), rng.normal(0, 0.05 * ch_h, k)], axis=1
        )
        rej.append(half)
        if rng.random() < 0.4:
            off = rng.choice([-1.0, 1.0]) * rng.uniform(0.9, 1.3)
            rej.append(np.array([[centers[0, 0] - pitch * 1.6, centers[0, 1] + off * ch_h]]))
        patches = [extract_patches(img, np.concatenate(rej), pitch * pf, ch_h * hf, levels)]
        if rng.random() < 0.6:
            blotted = img.copy()
            j = int(rng.integers(0, n))
            cx, cy = centers[j]
            r = ch_h * rng.uniform(0.3, 0.6)
            shade = float(rng.uniform(levels[1], levels[0]))
            cv2.circle(
                blotted,
                (int(cx + rng.normal(0, 0.1 * pitch)), int(cy + rng.normal(0, 0.1 * ch_h))),
                int(r),
                shade,
                -1,
            )
            patches.append(extract_patches(blotted, centers[j : j + 1], pitch * pf, ch_h * hf, levels))
        for pt in patches:
            xs.append(pt)
            ys.append(np.full(len(pt), REJECT, dtype=np.int64))
    return np.concatenate(xs), np.concatenate(ys)


def train(x: np.ndarray, y: np.ndarray, *, seed: int, hidden: int, epochs: int, log=print) -> OcrbClassifier:
    rng = np.random.default_rng(seed + 1)
    n, d = x.shape
    k = N_CLASSES
    mean = x.mean(axis=0).astype(np.float32)
    xc = (x - mean).astype(np.float32)
    w1 = (rng.normal(0, np.sqrt(2.0 / d), (d, hidden))).astype(np.float32)
    b1 = np.zeros(hidden, np.float32)
    w2 = (rng.normal(0, np.sqrt(2.0 / hidden), (hidden, k))).astype(np.float32)
    b2 = np.zeros(k, np.float32)
    params = [w1, b1, w2, b2]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    lr0, beta1, beta2, eps, wd = 2e-3, 0.9, 0.999, 1e-8, 1e-5
    step = 0
    batch = 256
    for epoch in range(epochs):
        order = rng.permutation(n)
        lr = lr0 * (0.5 * (1 + np.cos(np.pi * epoch / epochs)))
        loss_sum = 0.0
        for s in range(0, n, batch):
            idx = order[s : s + batch]
            xb = xc[idx]
            # input noise: a little robustness to unseen degradations
            xb = xb + rng.normal(0, 0.03, xb.shape).astype(np.float32)
            yb = y[idx]
            h_pre = xb @ w1 + b1
            h = np.maximum(h_pre, 0)
            z = h @ w2 + b2
            z -= z.max(axis=1, keepdims=True)
            e = np.exp(z)
            p = e / e.sum(axis=1, keepdims=True)
            loss_sum += float(-np.log(p[np.arange(len(idx)), yb] + 1e-12).sum())
            # label smoothing keeps the probabilities honest
            t = np.full_like(p, 0.02 / k)
            t[np.arange(len(idx)), yb] += 0.98
            dz = (p - t) / len(idx)
            gw2 = h.T @ dz + wd * w2
            gb2 = dz.sum(axis=0)
            dh = (dz @ w2.T) * (h_pre > 0)
            gw1 = xb.T @ dh + wd * w1
            gb1 = dh.sum(axis=0)
            step += 1
            for i, g in enumerate((gw1, gb1, gw2, gb2)):
                m[i] = beta1 * m[i] + (1 - beta1) * g
                v[i] = beta2 * v[i] + (1 - beta2) * g * g
                mh = m[i] / (1 - beta1**step)
                vh = v[i] / (1 - beta2**step)
                params[i] -= (lr * mh / (np.sqrt(vh) + eps)).astype(np.float32)
        log(f"epoch {epoch + 1}/{epochs}: loss {loss_sum / n:.4f}")
    return OcrbClassifier(w1=w1, b1=b1, w2=w2, b2=b2, mean=mean)


def calibrate(model: OcrbClassifier, x: np.ndarray, y: np.ndarray) -> float:
    """The softmax temperature that minimises held-out negative log-likelihood."""
    z = model.logits(x)
    best_t, best_nll = 1.0, float("inf")
    for t in np.arange(0.6, 3.01, 0.1):
        zz = z / t
        zz = zz - zz.max(axis=1, keepdims=True)
        logp = zz - np.log(np.exp(zz).sum(axis=1, keepdims=True))
        nll = float(-logp[np.arange(len(y)), y].mean())
        if nll < best_nll:
            best_t, best_nll = float(t), nll
    return best_t


def source_hash(seed: int, lines: int, hidden: int, epochs: int) -> str:
    """What the model is built from: this script, the patch geometry and the parameters."""
    from border_client.scanning import ocrb

    h = hashlib.sha256(Path(__file__).read_bytes())
    geometry = (ocrb.ALPHABET, ocrb.PATCH_H, ocrb.PATCH_W, ocrb.CELL_HEIGHT_FACTOR, ocrb.NORM_CHAR_HEIGHT)
    h.update(repr(geometry).encode())
    h.update(f"{seed}:{lines}:{hidden}:{epochs}".encode())
    return h.hexdigest()


def _stored_hash(path: Path) -> str | None:
    try:
        with np.load(path) as data:
            return str(data["source_hash"]) if "source_hash" in data else None
    except (OSError, ValueError):
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument(
        "--if-stale",
        action="store_true",
        help="do nothing when OUT was built from the same sources and parameters",
    )
    ap.add_argument("--seed", type=int, default=20240611)
    ap.add_argument("--lines", type=int, default=5000)
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--epochs", type=int, default=14)
    args = ap.parse_args(argv)
    digest = source_hash(args.seed, args.lines, args.hidden, args.epochs)
    if args.if_stale and args.out.exists() and _stored_hash(args.out) == digest:
        print(f"{args.out} is up to date")
        return 0
    t0 = time.time()
    x, y = make_dataset(args.seed, args.lines)
    xv, yv = make_dataset(args.seed + 7, max(200, args.lines // 10))
    print(f"rendered {len(y)} training and {len(yv)} validation cells in {time.time() - t0:.1f}s")
    model = train(x, y, seed=args.seed, hidden=args.hidden, epochs=args.epochs)
    t = calibrate(model, xv, yv)
    model = OcrbClassifier(model.w1, model.b1, model.w2, model.b2, model.mean, temperature=t)
    pred = model.predict_proba(xv).argmax(axis=1)
    acc = float((pred == yv).mean())
    print(f"validation accuracy {acc:.4f}, temperature {t:.2f}, total {time.time() - t0:.1f}s")
    model.save(args.out, source_hash=digest)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
