"""Synthetic travel-document images with a known MRZ, for tests and benchmarks.

Every sample is deterministic from (seed, index): a random document of one of the five
formats (random names, dates and deliberately ambiguous document numbers, made correct by
the domain's own check digits through :func:`compose_mrz`), printed in OCR-B on a
document-like page (guilloche background, photo box, labels), then photographed: laid on a
cluttered desk, turned by 0/90/180/270 degrees plus up to +-20 degrees of skew, seen in
perspective, blurred, noised, JPEG-compressed and brought down to low resolution.
A share of samples (5% by default) carries no MRZ at all, to count false finds.

    python -m border_client.scanning.synthetic OUT_DIR --count 200 --seed 1
writes PNG/JPEG files and a manifest.json like the real specimens' one.
"""

from __future__ import annotations

import argparse
import glob
import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from border_client.domain.mrz import LINE_SHAPES, MrzFormat, compose_mrz

FORMATS = (MrzFormat.TD1, MrzFormat.TD2, MrzFormat.TD3, MrzFormat.MRVA, MrzFormat.MRVB)
STATES = (
    "UTO",
    "D",
    "FRA",
    "HTI",
    "BLZ",
    "USA",
    "GBR",
    "NLD",
    "CAN",
    "DOM",
    "JAM",
    "MEX",
    "BRA",
    "CHN",
    "IND",
)
SYLLABLES = (
    "AN",
    "BER",
    "CO",
    "DU",
    "EL",
    "FA",
    "GI",
    "HO",
    "IS",
    "JO",
    "KA",
    "LU",
    "MA",
    "NO",
    "OL",
    "PI",
    "QUE",
    "RO",
    "SA",
    "TI",
    "UR",
    "VA",
    "WE",
    "XI",
    "YA",
    "ZO",
    "MC",
    "SCH",
    "TH",
    "OU",
)
AMBIGUOUS = "0O1I8B5S2Z6GUKCQDL"
# page size in mm and MRZ top-line position from the bottom edge, per format
PAGE_MM = {
    MrzFormat.TD1: (85.6, 54.0),
    MrzFormat.TD2: (105.0, 74.0),
    MrzFormat.TD3: (125.0, 88.0),
    MrzFormat.MRVA: (120.0, 80.0),
    MrzFormat.MRVB: (105.0, 74.0),
}
PITCH_MM = 2.54
LINE_SPACING_MM = {3: 4.0, 2: 4.3}


@dataclass
class Sample:
    image: np.ndarray  # BGR
    lines: list[str]  # [] for a negative sample
    fmt: str | None
    meta: dict[str, object] = field(default_factory=dict)


def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    for pattern in (f"/usr/share/fonts/opentype/ocr-b/{name}", f"/usr/share/fonts/truetype/dejavu/{name}"):
        hits = glob.glob(pattern)
        if hits:
            return ImageFont.truetype(hits[0], size)
    hits = glob.glob(f"/usr/share/fonts/**/{name}", recursive=True)
    if hits:
        return ImageFont.truetype(hits[0], size)
    font = ImageFont.load_default(size)
    if not isinstance(font, ImageFont.FreeTypeFont):  # Pillow without FreeType: no sized font
        raise RuntimeError(f"no font {name} and no scalable default font (Pillow built without FreeType)")
    return font


def _name(rng: np.random.Generator, lo: int, hi: int) -> str:
    return "".join(rng.choice(SYLLABLES, size=int(rng.integers(lo, hi + 1))))


def _date(rng: np.random.Generator, y0: int, y1: int) -> str:
    y = int(rng.integers(y0, y1 + 1)) % 100
    m = int(rng.integers(1, 13))
    d = int(rng.integers(1, 29))
    return f"{y:02d}{m:02d}{d:02d}"


def random_mrz(rng: np.random.Generator, fmt: MrzFormat | None = None) -> tuple[MrzFormat, list[str]]:
    """A correct MRZ of *fmt* (random format if None) with random, often ambiguous, content."""
    fmt = fmt or FORMATS[int(rng.integers(0, len(FORMATS)))]
    n_doc = int(rng.integers(6, 10))
    pool = AMBIGUOUS if rng.random() < 0.6 else "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    doc = "".join(rng.choice(list(pool), size=n_doc))
    given = " ".join(_name(rng, 1, 3) for _ in range(int(rng.integers(1, 4))))
    surname = " ".join(_name(rng, 1, 4) for _ in range(int(rng.integers(1, 3))))
    if fmt is MrzFormat.TD3:
        code = "P" + str(rng.choice(["", "", "D", "S", "O"]))
    elif fmt in (MrzFormat.MRVA, MrzFormat.MRVB):
        code = "V" + str(rng.choice(["", "", "C", "D"]))
    else:
        code = str(rng.choice(["I", "ID", "A", "C", "IR", "AC"]))
    opt_len = {MrzFormat.TD1: 15, MrzFormat.TD2: 7, MrzFormat.TD3: 14, MrzFormat.MRVA: 16, MrzFormat.MRVB: 8}[
        fmt
    ]
    optional = ""
    if rng.random() < 0.5:
        optional = "".join(
            rng.choice(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), size=int(rng.integers(1, opt_len)))
        )
    optional2 = ""
    if fmt is MrzFormat.TD1 and rng.random() < 0.4:
        optional2 = "".join(rng.choice(list("0123456789ABC"), size=int(rng.integers(1, 11))))
    lines = compose_mrz(
        fmt,
        document_code=code,
        issuing_state=str(rng.choice(STATES)),
        surname=surname,
        given_names=given,
        document_number=doc,
        nationality=str(rng.choice(STATES)),
        birth_date_raw=_date(rng, 1940, 2020),
        sex=str(rng.choice(["M", "F", "F", "M", "X", "<"])),
        expiry_date_raw=_date(rng, 2015, 2036),
        optional_data=optional,
        optional_data_2=optional2,
    )
    return fmt, lines


def _guilloche(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    base = np.array(rng.uniform(205, 250, 3), np.float32)
    tint = rng.uniform(-25, 5, 3).astype(np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    pattern = np.zeros((h, w), np.float32)
    for _ in range(3):
        f = rng.uniform(0.01, 0.05)
        pattern += np.sin(xx * f + 6 * np.sin(yy * rng.uniform(0.005, 0.02) + rng.uniform(0, 6)))
    pattern = (pattern / 3.0) ** 2
    page = base[None, None, :] + tint[None, None, :] * pattern[..., None]
    return np.clip(page, 0, 255).astype(np.uint8)


def render_page(
    rng: np.random.Generator, fmt: MrzFormat, lines: list[str]
) -> tuple[np.ndarray, np.ndarray, float]:
    """A document page (BGR), the MRZ's corner points on it (4 x 2) and its capital height in px."""
    page_w_mm, page_h_mm = PAGE_MM[fmt]
    px_mm = float(rng.uniform(11.0, 15.0))  # MRZ capitals about 28-38 px tall before capture
    w, h = int(page_w_mm * px_mm), int(page_h_mm * px_mm)
    page = Image.fromarray(_guilloche(rng, w, h)[:, :, ::-1].copy())
    draw = ImageDraw.Draw(page)
    sans = _font("DejaVuSans.ttf", int(2.6 * px_mm))
    sans_b = _font("DejaVuSans-Bold.ttf", int(3.6 * px_mm))
    ink = tuple(int(v) for v in rng.integers(0, 70, 3))
    label_c = tuple(int(v) for v in rng.integers(60, 150, 3))
    draw.text(
        (0.05 * w, 0.04 * h),
        str(rng.choice(["PASSPORT", "IDENTITY CARD", "VISA", "PASAPORTE"])),
        font=sans_b,
        fill=label_c,
    )
    n_lines, length = LINE_SHAPES[fmt]
    mrz_h_mm = LINE_SPACING_MM[n_lines] * (n_lines - 1) + 3.0
    mrz_top_mm = page_h_mm - 3.0 - mrz_h_mm
    # photo box
    px0, py0 = 0.05 * w, 0.18 * h
    pw, ph = 0.26 * w, min(0.62 * h, (mrz_top_mm - 3) * px_mm - py0)
    draw.rectangle([px0, py0, px0 + pw, py0 + ph], fill=tuple(int(v) for v in rng.integers(120, 200, 3)))
    draw.ellipse(
        [px0 + 0.2 * pw, py0 + 0.12 * ph, px0 + 0.8 * pw, py0 + 0.7 * ph],
        fill=tuple(int(v) for v in rng.integers(90, 180, 3)),
    )
    draw.chord(
        [px0 + 0.05 * pw, py0 + 0.7 * ph, px0 + 0.95 * pw, py0 + 1.3 * ph],
        180,
        360,
        fill=tuple(int(v) for v in rng.integers(30, 90, 3)),
    )
    # fields
    tx = px0 + pw + 0.04 * w
    ty = py0
    step = 4.2 * px_mm
    while ty + step < mrz_top_mm * px_mm - 2 * px_mm:
        draw.text(
            (tx, ty),
            str(
                rng.choice(
                    [
                        "Surname",
                        "Given names",
                        "Nationality",
                        "Date of birth",
                        "Sex",
                        "Date of expiry",
                        "Authority",
                    ]
                )
            ),
            font=_font("DejaVuSans.ttf", int(1.8 * px_mm)),
            fill=label_c,
        )
        draw.text(
            (tx, ty + 1.9 * px_mm),
            _name(rng, 1, 4) + (" " + _date(rng, 1950, 2030) if rng.random() < 0.4 else ""),
            font=sans,
            fill=ink,
        )
        ty += step
    # MRZ in OCR-B at 10 characters per inch
    cap_mm = float(rng.uniform(2.1, 2.6))
    ocrb = _font(str(rng.choice(["OCRB.otf", "OCRB.otf", "OCRBS.otf"])), int(cap_mm / 0.72 * px_mm))
    x0 = (page_w_mm - PITCH_MM * length) / 2 * px_mm
    mrz_ink = tuple(int(v) for v in rng.integers(0, 60, 3))
    pitch = PITCH_MM * px_mm
    for li, text in enumerate(lines):
        base_y = (mrz_top_mm + LINE_SPACING_MM[n_lines] * li) * px_mm
        for ci, ch in enumerate(text):
            cx = x0 + ci * pitch + (pitch - 0.723 * ocrb.size) / 2
            draw.text((cx, base_y - 0.23 * ocrb.size), ch, font=ocrb, fill=mrz_ink)
    top = mrz_top_mm * px_mm
    bottom = top + (LINE_SPACING_MM[n_lines] * (n_lines - 1) + cap_mm) * px_mm
    quad = np.array(
        [[x0, top], [x0 + pitch * length, top], [x0 + pitch * length, bottom], [x0, bottom]], np.float64
    )
    return np.asarray(page)[:, :, ::-1].copy(), quad, cap_mm * px_mm


def _desk(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    kind = rng.random()
    if kind < 0.35:  # wood-like
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        grain = np.sin(yy * rng.uniform(0.02, 0.08) + 3 * np.sin(xx * 0.004))
        base = np.array(rng.uniform([60, 90, 120], [110, 140, 190]), np.float32)
        desk = base[None, None, :] * (0.85 + 0.15 * grain[..., None])
    elif kind < 0.7:
        desk = np.ones((h, w, 3), np.float32) * rng.uniform(20, 230, 3).astype(np.float32)
    else:
        small = rng.uniform(40, 220, (max(2, h // 64), max(2, w // 64), 3)).astype(np.float32)
        desk = cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)
    desk = np.clip(desk + rng.normal(0, 6, desk.shape), 0, 255).astype(np.uint8)
    # clutter: papers, pens, printed text
    font = _font("DejaVuSans.ttf", int(max(12, min(w, h) * 0.03)))
    img = Image.fromarray(desk[:, :, ::-1].copy())
    draw = ImageDraw.Draw(img)
    for _ in range(int(rng.integers(0, 7))):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        c = tuple(int(v) for v in rng.integers(0, 255, 3))
        r = rng.random()
        if r < 0.35:
            draw.rectangle(
                [x, y, x + int(rng.integers(20, w // 3)), y + int(rng.integers(20, h // 3))], fill=c
            )
        elif r < 0.6:
            draw.line(
                [x, y, x + int(rng.integers(-w // 3, w // 3)), y + int(rng.integers(-h // 3, h // 3))],
                fill=c,
                width=int(rng.integers(2, 12)),
            )
        else:
            draw.text(
                (x, y), " ".join(_name(rng, 1, 3) for _ in range(int(rng.integers(1, 6)))), font=font, fill=c
            )
    return np.asarray(img)[:, :, ::-1].copy()


def photograph(
    rng: np.random.Generator, page: np.ndarray, quad: np.ndarray | None, page_cap_px: float = 32.0
) -> tuple[np.ndarray, dict[str, object]]:
    """Lay *page* on a desk and take a poor picture of it; returns the image and what was done."""
    base_rot = int(rng.choice([0, 0, 0, 0, 90, 180, 270]))
    skew = float(rng.uniform(-20, 20)) if rng.random() < 0.5 else float(rng.uniform(-4, 4))
    persp = float(rng.uniform(0.0, 0.08))
    margin = float(rng.uniform(1.05, 1.6))
    # capture resolution: MRZ capitals 11-40 px tall (the whole picture at most 3000 px)
    target = float(np.exp(rng.uniform(math.log(11), math.log(40))))
    diag0 = math.hypot(page.shape[1], page.shape[0])
    f = min(target / page_cap_px, 3000.0 / (diag0 * margin))
    # Work at the final resolution: the lens averages the page down first.
    page = cv2.resize(page, None, fx=f, fy=f, interpolation=cv2.INTER_AREA if f < 1 else cv2.INTER_LINEAR)
    if quad is not None:
        quad = quad * f
    ph, pw = page.shape[:2]
    diag = math.hypot(pw, ph)
    cw = ch = int(diag * margin)
    canvas = _desk(rng, cw, ch)
    angle = math.radians(base_rot + skew)
    ca, sa = math.cos(angle), math.sin(angle)
    cx = cw / 2 + rng.uniform(-0.1, 0.1) * (cw - diag)
    cy = ch / 2 + rng.uniform(-0.1, 0.1) * (ch - diag)
    src = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float32)
    dst = []
    for x, y in src:
        dx, dy = x - pw / 2, y - ph / 2
        j = rng.uniform(-persp, persp, 2) * diag
        dst.append([cx + dx * ca - dy * sa + j[0], cy + dx * sa + dy * ca + j[1]])
    dst_a = np.array(dst, np.float32)
    m = cv2.getPerspectiveTransform(src, dst_a)
    warped = cv2.warpPerspective(page, m, (cw, ch), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.full((ph, pw), 255, np.uint8), m, (cw, ch))
    img = np.where(mask[..., None] > 127, warped, canvas)
    # light: a soft gradient / shadow
    yy, xx = np.mgrid[0:ch, 0:cw].astype(np.float32)
    light = 1.0 + rng.uniform(-0.25, 0.1) * (xx / cw) + rng.uniform(-0.2, 0.1) * (yy / ch)
    out = np.clip(img.astype(np.float32) * light[..., None], 0, 255)
    mrz_cap_px = page_cap_px
    sigma = float(rng.choice([0.0, rng.uniform(0.3, 1.0), rng.uniform(0.8, 1.6)], p=[0.35, 0.45, 0.2]))
    if sigma > 0:
        out = cv2.GaussianBlur(out, (0, 0), sigma)
    out = out + rng.normal(0, rng.uniform(0, 8), out.shape)
    out8 = np.clip(out, 0, 255).astype(np.uint8)
    quality = int(rng.integers(35, 95))
    ok, buf = cv2.imencode(".jpg", out8, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if ok and rng.random() < 0.8:
        out8 = cv2.imdecode(buf, cv2.IMREAD_COLOR)
    meta: dict[str, object] = {
        "rotation": base_rot,
        "skew": round(skew, 2),
        "perspective": round(persp, 3),
        "char_height_px": round(mrz_cap_px * f, 1),
        "blur": round(sigma, 2),
        "jpeg": quality,
    }
    if quad is not None:
        pts = cv2.perspectiveTransform(quad.reshape(-1, 1, 2).astype(np.float32), m).reshape(-1, 2)
        meta["mrz_quad"] = pts.round(1).tolist()
    return out8, meta


def make_sample(seed: int, index: int, negative_share: float = 0.05) -> Sample:
    """Sample *index* of the set drawn with *seed* (deterministic)."""
    rng = np.random.default_rng([seed, index])
    negative = rng.random() < negative_share
    fmt, lines = random_mrz(rng)
    page, quad, cap_px = render_page(rng, fmt, lines)
    if negative:
        # the same page with its MRZ painted over by the page background
        x0, y0 = quad[0]
        x1, y1 = quad[2]
        pad = 0.03 * page.shape[1]
        sub = page[: int(y0 - pad)]
        filler = cv2.resize(
            sub[: max(4, int(y1 - y0 + 2 * pad))], (page.shape[1], int(y1 - y0 + 2 * pad) + 1)
        )
        page[int(y0 - pad) : int(y0 - pad) + filler.shape[0]] = filler[: page.shape[0] - int(y0 - pad)]
        img, meta = photograph(rng, page, None, cap_px)
        return Sample(img, [], None, meta)
    img, meta = photograph(rng, page, quad, cap_px)
    return Sample(img, lines, fmt.value, meta)


def write_set(out_dir: Path, count: int, seed: int, negative_share: float = 0.05) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    items = []
    for i in range(count):
        s = make_sample(seed, i, negative_share)
        name = f"synth-{seed}-{i:04d}.jpg"
        cv2.imwrite(str(out_dir / name), s.image, [cv2.IMWRITE_JPEG_QUALITY, 95])
        items.append(
            {"file": name, "format": s.fmt, "lines": s.lines, "ground_truth_trusted": True, "meta": s.meta}
        )
    manifest = out_dir / "manifest.json"
    manifest.write_text(json.dumps({"seed": seed, "count": count, "items": items}, indent=1))
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write synthetic MRZ document images and a manifest.")
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--negatives", type=float, default=0.05)
    args = ap.parse_args(argv)
    print(write_set(args.out_dir, args.count, args.seed, args.negatives))
    return 0


if __name__ == "__main__":
    sys.exit(main())
