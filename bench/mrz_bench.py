"""MRZ reader benchmark: our OCR-B engine against PassportEye, side by side, one thread each.

    OMP_THREAD_LIMIT=1 .venv/bin/python bench/mrz_bench.py [--synthetic 200] [--seed 7]
        [--real ../shared/data/mrz-real] [--engines builtin,passporteye]

(a) a synthetic set from border_client.scanning.synthetic (all five formats, rotation,
perspective, blur, noise, JPEG, low resolution, desk clutter, 5% without an MRZ), written as
files so that the time covers opening the file, and (b) the real specimens (manifest.json).
For each engine and set: found %, exact document accuracy, character accuracy,
valid-but-wrong, false finds on negatives, median and p90 ms, and our speed ratio.
The engines take turns image by image, so that both see the same load on a shared machine.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402

import cv2  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from border_client.scanning.engine import ScanResult, scan_file  # noqa: E402

cv2.setNumThreads(1)
DEFAULT_REAL = REPO.parent / "shared" / "data" / "mrz-real"


@dataclass
class Item:
    path: Path
    lines: list[str]
    trusted: bool


class _PassportEyeDirect:
    """PassportEye called directly, for when the project's engine wrapper is absent."""

    name = "passporteye"

    def read(self, image):  # type: ignore[no-untyped-def]
        from passporteye import read_mrz

        ok, buf = cv2.imencode(".png", image)
        mrz = read_mrz(buf.tobytes())
        if mrz is None:
            return ScanResult(found=False, engine=self.name)
        lines = [line for line in (mrz.aux.get("text", "") or "").split("\n") if line]
        return ScanResult(found=True, engine=self.name, lines=lines, valid=bool(mrz.valid))


def passporteye_engine():  # type: ignore[no-untyped-def]
    try:
        from border_client.scanning.engine import get_engine

        return get_engine("passporteye")
    except Exception:  # noqa: BLE001 - fall back to calling the library directly
        return _PassportEyeDirect()


def engine_by_name(name: str):  # type: ignore[no-untyped-def]
    if name == "passporteye":
        return passporteye_engine()
    from border_client.scanning.engine import get_engine

    return get_engine(name)


def synthetic_items(count: int, seed: int, out_dir: Path) -> list[Item]:
    from border_client.scanning.synthetic import write_set

    manifest = out_dir / "manifest.json"
    if not manifest.exists() or json.loads(manifest.read_text()).get("count") != count:
        write_set(out_dir, count, seed)
    data = json.loads(manifest.read_text())
    return [Item(out_dir / it["file"], it["lines"], True) for it in data["items"]]


def real_items(root: Path) -> list[Item]:
    data = json.loads((root / "manifest.json").read_text())
    return [
        Item(root / it["file"], it["lines"], bool(it.get("ground_truth_trusted", True)))
        for it in data["items"]
    ]


def _cpu_s() -> float:
    """CPU seconds of this process and its finished children (tesseract runs as a child).

    On a shared machine wall time depends on the neighbours; CPU time much less so.
    """
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def char_accuracy(truth: list[str], read: list[str]) -> tuple[int, int]:
    total = sum(len(t) for t in truth)
    good = 0
    for i, t in enumerate(truth):
        if i < len(read):
            good += sum(1 for a, b in zip(t, read[i], strict=False) if a == b)
    return good, total


def evaluate(engine, items: list[Item]) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return evaluate_side_by_side([engine], items)[0]


def evaluate_side_by_side(engines, items: list[Item]) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    """Every engine on each image in turn (image-major), so that all engines see the same
    load on a shared machine: measuring one engine's whole set, then the other's, lets the
    neighbours' load drift between them and skews the speed ratio either way."""
    stats = [_Tally() for _ in engines]
    for it in items:
        for eng, tally in zip(engines, stats, strict=True):
            c0 = _cpu_s()
            t0 = time.perf_counter()
            res = scan_file(it.path, eng)
            tally.times.append((time.perf_counter() - t0) * 1000.0)
            tally.cpu.append((_cpu_s() - c0) * 1000.0)
            tally.add(it, res)
    return [t.summary(eng.name, items) for eng, t in zip(engines, stats, strict=True)]


@dataclass
class _Tally:
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    found: int = 0
    exact: int = 0
    vbw: int = 0
    false_finds: int = 0
    errors: int = 0
    cgood: int = 0
    ctotal: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, it: Item, res: ScanResult) -> None:
        if res.error and not res.found:
            self.errors += 1
        if not it.lines:
            if res.found:
                self.false_finds += 1
            return
        if res.found:
            self.found += 1
        g, t = char_accuracy(it.lines, res.lines if res.found else [])
        self.cgood += g
        self.ctotal += t
        if res.found and res.lines == it.lines:
            self.exact += 1
        else:
            self.failures.append(it.path.name)
            if res.valid and it.trusted:
                self.vbw += 1

    def summary(self, name: str, items: list[Item]) -> dict[str, object]:
        pos = [it for it in items if it.lines]
        neg = [it for it in items if not it.lines]
        times = sorted(self.times)
        return {
            "engine": name,
            "images": len(items),
            "with_mrz": len(pos),
            "negatives": len(neg),
            "found_pct": round(100.0 * self.found / max(1, len(pos)), 1),
            "exact_pct": round(100.0 * self.exact / max(1, len(pos)), 1),
            "exact": self.exact,
            "char_acc_pct": round(100.0 * self.cgood / max(1, self.ctotal), 2),
            "valid_but_wrong": self.vbw,
            "false_finds": self.false_finds,
            "errors": self.errors,
            "median_ms": round(statistics.median(times), 1) if times else None,
            "p90_ms": round(times[int(0.9 * (len(times) - 1))], 1) if times else None,
            "cpu_median_ms": round(statistics.median(self.cpu), 1) if self.cpu else None,
            "failures": self.failures,
        }


def table(rows: list[dict[str, object]]) -> str:
    cols = [
        "set",
        "engine",
        "images",
        "found_pct",
        "exact_pct",
        "char_acc_pct",
        "valid_but_wrong",
        "false_finds",
        "median_ms",
        "p90_ms",
        "cpu_median_ms",
    ]
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        out.append("| " + " | ".join(str(r.get(c, "")) for c in cols) + " |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--synthetic", type=int, default=200, help="synthetic images (0 to skip)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--real", type=Path, default=DEFAULT_REAL)
    ap.add_argument("--engines", default="builtin,passporteye")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "mrz-bench-synthetic")
    ap.add_argument("--json-out", type=Path, default=None)
    ap.add_argument("--show-failures", action="store_true")
    args = ap.parse_args(argv)
    engines = [engine_by_name(n.strip()) for n in args.engines.split(",") if n.strip()]
    sets: list[tuple[str, list[Item]]] = []
    if args.synthetic:
        sets.append(
            (
                f"synthetic(n={args.synthetic}, seed={args.seed})",
                synthetic_items(args.synthetic, args.seed, args.cache / f"s{args.seed}-n{args.synthetic}"),
            )
        )
    if (args.real / "manifest.json").exists():
        sets.append(("real specimens", real_items(args.real)))
    else:
        print(f"real specimens not found at {args.real}; skipped", file=sys.stderr)
    rows: list[dict[str, object]] = []
    for set_name, items in sets:
        per_set: dict[str, dict[str, object]] = {}
        for eng in engines:
            scan_file(items[0].path, eng)  # warm-up (model load, library import) outside the timing
        for eng, r in zip(engines, evaluate_side_by_side(engines, items), strict=True):
            r["set"] = set_name
            per_set[eng.name] = r
            rows.append(r)
            print(
                f"{set_name} / {eng.name}: " + json.dumps({k: v for k, v in r.items() if k != "failures"}),
                flush=True,
            )
            if args.show_failures:
                print("  failures:", r["failures"])
        if "builtin" in per_set and "passporteye" in per_set:
            ours, theirs = per_set["builtin"], per_set["passporteye"]
            ratio = float(theirs["median_ms"]) / max(float(ours["median_ms"]), 1e-6)  # type: ignore[arg-type]
            cpu_ratio = float(theirs["cpu_median_ms"]) / max(float(ours["cpu_median_ms"]), 1e-6)  # type: ignore[arg-type]
            ours["speed_ratio_vs_passporteye"] = round(ratio, 1)
            ours["cpu_ratio_vs_passporteye"] = round(cpu_ratio, 1)
            print(
                f"{set_name}: builtin is {ratio:.1f}x faster than PassportEye (median wall), "
                f"{cpu_ratio:.1f}x (median CPU)"
            )
    print()
    print(table(rows))
    for r in rows:
        if "speed_ratio_vs_passporteye" in r:
            print(
                f"speed ratio on {r['set']}: {r['speed_ratio_vs_passporteye']}x wall, "
                f"{r['cpu_ratio_vs_passporteye']}x CPU"
            )
    if args.json_out:
        args.json_out.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
