"""From per-cell character probabilities to MRZ lines, using the zone's structure.

The classifier gives every cell a probability for each of the 37 MRZ characters.  Here the
layout of the format (from :mod:`border_client.domain.mrz`, the one source of truth) limits
each position to the characters its field allows, check digits choose between readings
*only* where they can tell them apart, names follow their own rules for '<' runs, and every
field whose characters are in doubt is named in ``uncertain``.

How a checked field is decided: readings are enumerated from each position's plausible
alternatives; the truth always passes its check digit, while any other string passes with
probability 1/10.  So the best passing reading's posterior is its probability over the
probability of all passing readings plus a tenth of the probability mass never enumerated.
A field is certain only when that posterior is high: 'O' against '0' in a date is settled
by the check, while 'U' against '0' in a document number (equal modulo 10) is not.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
from dataclasses import dataclass, field

import numpy as np

from border_client.domain.countries import is_known_code
from border_client.domain.mrz import (
    CHECK_WEIGHTS,
    FIELD_LAYOUTS,
    LINE_SHAPES,
    FieldSpec,
    MrzFormat,
    char_value,
    check_digit,
)
from border_client.scanning.ocrb import ALPHABET, CHAR_INDEX, REJECT

DIGITS = "0123456789"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
KIND_ALPHABETS = {
    "code": LETTERS + "<",
    "alpha_code": LETTERS + "<",
    "name": LETTERS + "<",
    "alnum": ALPHABET,
    "numeric": DIGITS,
    "date": DIGITS,
    "sex": "MFX<",
    "check": DIGITS + "<",
    "filler": "<",
}
DOCUMENT_CODE_FIRST = "ACIPV"
# A classifier trained on the font is surer than real print warrants: mix in a little
# uniform doubt so that no reading is ever certain on the strength of one cell alone.
DOUBT = 0.003
ALT_RATIO = 0.02  # alternatives kept: at least this fraction of the position's best
POSITION_CONFIDENT = 0.9  # an unchecked character must be read at least this surely
FIELD_POSTERIOR = 0.98  # a checked field's best reading must hold this posterior
MAX_CHANGES = 3
ADOPT_POSTERIOR = 0.2  # a changed reading is adopted only with at least this posterior
MAX_MOVABLE = 10


@dataclass
class Decoded:
    fmt: MrzFormat
    lines: list[str]
    uncertain: list[str] = field(default_factory=list)
    checks_ok: bool = False
    score: float = 0.0  # mean log probability of the chosen characters
    failed_checks: list[str] = field(default_factory=list)


def _allowed(fmt: MrzFormat) -> list[list[str]]:
    n_lines, length = LINE_SHAPES[fmt]
    allowed = [[ALPHABET] * length for _ in range(n_lines)]
    for spec in FIELD_LAYOUTS[fmt]:
        for i in range(spec.start, spec.end):
            allowed[spec.line][i] = KIND_ALPHABETS.get(spec.kind, ALPHABET)
    first = DOCUMENT_CODE_FIRST if fmt not in (MrzFormat.MRVA, MrzFormat.MRVB) else "V"
    if fmt in (MrzFormat.TD1, MrzFormat.TD2):
        first = "ACI"
    elif fmt is MrzFormat.TD3:
        first = "P"
    allowed[0][0] = first
    return allowed


def _restrict_line(p_line: np.ndarray, allowed: list[str]) -> list[dict[str, float]]:
    """Each cell's distribution over the characters its field allows (*allowed*: one
    alphabet per position), computed per alphabet for all its cells at once.

    The "reject" output (a blot, a cell cut between characters) is doubt that no character
    claims: it is spread evenly over the allowed characters.
    """
    out: list[dict[str, float]] = [{} for _ in allowed]
    groups: dict[str, list[int]] = {}
    for i, chars in enumerate(allowed):
        groups.setdefault(chars, []).append(i)
    has_reject = p_line.shape[1] > REJECT
    for chars, positions in groups.items():
        idx = _alphabet_index(chars)
        n = len(chars)
        sub = p_line[np.ix_(np.asarray(positions, dtype=np.intp), idx)].astype(np.float64)
        reject = p_line[positions, REJECT].astype(np.float64) if has_reject else np.zeros(len(positions))
        total = sub.sum(axis=1) + reject
        ok = total > 0
        sub[ok] = (sub[ok] + (reject[ok] / n)[:, None]) / total[ok][:, None]
        sub[~ok] = 1.0 / n
        sub = (1.0 - DOUBT) * sub + DOUBT / n
        for i, row in zip(positions, sub.tolist(), strict=True):
            out[i] = dict(zip(chars, row, strict=True))
    return out


@functools.cache
def _alphabet_index(chars: str) -> np.ndarray:
    return np.array([CHAR_INDEX[c] for c in chars], dtype=np.intp)


@functools.cache
def _allowed_cached(fmt: MrzFormat) -> list[list[str]]:
    return _allowed(fmt)


def _ranked(dist: dict[str, float]) -> list[tuple[str, float]]:
    # reverse=True keeps equal probabilities in alphabet order, as a sort on -p would
    return sorted(dist.items(), key=operator.itemgetter(1), reverse=True)


# Glyph pairs that print and scan alike in OCR-B; the partner of a cell's best character
# is always kept as a (small) alternative so that a check digit can bring it back.
CONFUSABLE = {
    # only pairs whose values differ modulo 10, so that a check digit can tell them apart
    # (0/U, K/<, 6/G, 1/L are equal modulo 10: there only the glyph can decide)
    "0": "OQD",
    "O": "0Q",
    "Q": "0O",
    "D": "0O",
    "1": "I",
    "I": "1",
    "8": "B",
    "B": "8",
    "5": "S",
    "S": "5",
    "2": "Z",
    "Z": "2",
}
CONFUSABLE_FLOOR = 0.002


class _Reading:
    def __init__(self, probs: list[np.ndarray], fmt: MrzFormat) -> None:
        self.fmt = fmt
        allowed = _allowed_cached(fmt)
        self.dist: list[list[dict[str, float]]] = [
            _restrict_line(probs[ln], allowed[ln]) for ln in range(len(allowed))
        ]
        self.chars: list[list[str]] = []
        for row in self.dist:
            chars = []
            for d in row:
                top = max(d, key=d.__getitem__)
                for c in CONFUSABLE.get(top, ""):
                    if c in d and d[c] < CONFUSABLE_FLOOR:
                        d[c] = CONFUSABLE_FLOOR
                chars.append(top)  # a floor of 0.002 never outranks the top of 37 or fewer
            self.chars.append(chars)
        self._ranked: dict[tuple[int, int], list[tuple[str, float]]] = {}

    def ranked(self, ln: int, i: int) -> list[tuple[str, float]]:
        """The cell's allowed characters, most probable first (the distribution is fixed)."""
        key = (ln, i)
        out = self._ranked.get(key)
        if out is None:
            out = self._ranked[key] = _ranked(self.dist[ln][i])
        return out

    def prob(self, ln: int, i: int) -> float:
        return self.dist[ln][i][self.chars[ln][i]]

    def text(self, spans: tuple[tuple[int, int, int], ...]) -> str:
        return "".join("".join(self.chars[ln][a:b]) for ln, a, b in spans)

    def lines(self) -> list[str]:
        return ["".join(r) for r in self.chars]


def _passes(data: str, digit: str, filler_allowed: bool) -> bool:
    if digit == "<":
        return filler_allowed and set(data) <= {"<"}
    return int(digit) == check_digit(data)


def _date_plausible(text: str) -> bool:
    if not text.isdigit():
        return False
    mm, dd = int(text[2:4]), int(text[4:6])
    return 1 <= mm <= 12 and 1 <= dd <= 31


def _resolve_check(
    rd: _Reading,
    check: FieldSpec,
    frozen: set[tuple[int, int]],
    date_spans: set[tuple[int, int, int]],
) -> tuple[bool, bool]:
    """Choose the reading of a checked field; returns (passes, certain)."""
    positions = [(ln, i) for ln, a, b in check.covers for i in range(a, b)]
    positions.append((check.line, check.start))
    filler_allowed = check.name == "optional_data_check"
    date_spans_checked = {span for span in check.covers if span in date_spans}
    movable: list[tuple[tuple[int, int], list[tuple[str, float]]]] = []
    base_logp = 0.0
    for ln, i in positions:
        if (ln, i) in frozen:
            continue  # settled by an earlier check, with its own doubt already accounted for
        ranked = rd.ranked(ln, i)
        cur = rd.chars[ln][i]
        p_cur = rd.dist[ln][i][cur]
        base_logp += math.log(p_cur)
        alts = [(c, p) for c, p in ranked if c != cur and p >= ALT_RATIO * p_cur][:2]
        for c in CONFUSABLE.get(cur, ""):
            if c in rd.dist[ln][i] and all(c != a for a, _ in alts):
                alts.append((c, rd.dist[ln][i][c]))
        if alts:
            movable.append(((ln, i), alts))
    # Only the most doubtful positions are worth trying (and the search stays small); the
    # rest of the probability mass is accounted for as the residual below.
    movable.sort(key=lambda m: -m[1][0][1] / rd.dist[m[0][0]][m[0][1]][rd.chars[m[0][0]][m[0][1]]])
    movable = movable[:MAX_MOVABLE]
    movable = [(pos, alts[:3]) for pos, alts in movable]
    max_changes = MAX_CHANGES if len(movable) <= 6 else 2

    # Incremental 7-3-1 sums: a candidate differs from the current reading in a few cells.
    data_pos = [(ln, i) for ln, a, b in check.covers for i in range(a, b)]
    weight = {pos: CHECK_WEIGHTS[k % 3] for k, pos in enumerate(data_pos)}
    base_sum = sum(weight[pos] * char_value(rd.chars[pos[0]][pos[1]]) for pos in data_pos)
    digit_pos = (check.line, check.start)
    all_filler = all(rd.chars[ln][i] == "<" for ln, i in data_pos)
    date_cells = {
        (ln, i): span
        for span in check.covers
        if span in date_spans
        for ln, _a, _b in [span]
        for i in range(span[1], span[2])
    }

    # Each alternative's change to the 7-3-1 sum and to the log probability, computed once:
    # the enumeration below evaluates hundreds of combinations of the same few changes.
    sum_delta: dict[tuple[tuple[int, int], str], int] = {}
    logp_delta: dict[tuple[tuple[int, int], str], float] = {}
    for pos, alts in movable:
        ln, i = pos
        cur = rd.chars[ln][i]
        for c, _p in alts:
            if pos in weight:
                sum_delta[pos, c] = weight[pos] * (char_value(c) - char_value(cur))
            logp_delta[pos, c] = math.log(rd.dist[ln][i][c]) - math.log(rd.dist[ln][i][cur])

    def evaluate(changes: dict[tuple[int, int], str]) -> tuple[bool, float]:
        total = base_sum
        filler = all_filler
        touched_dates = set()
        for pos, c in changes.items():
            if pos in weight:
                total += sum_delta[pos, c]
                if c != "<":
                    filler = False
                if pos in date_cells:
                    touched_dates.add(date_cells[pos])
        if filler and changes:
            filler = all(changes.get(pos, rd.chars[pos[0]][pos[1]]) == "<" for pos in data_pos)
        for span in date_spans_checked if not changes else touched_dates | date_spans_checked:
            ln, a, b = span
            if not _date_plausible("".join(changes.get((ln, i), rd.chars[ln][i]) for i in range(a, b))):
                return False, 0.0
        digit = changes.get(digit_pos, rd.chars[digit_pos[0]][digit_pos[1]])
        ok = (filler_allowed and filler) if digit == "<" else int(digit) == total % 10
        logp = base_logp
        for key in changes.items():
            logp += logp_delta[key]
        return ok, logp

    candidates: list[tuple[float, dict[tuple[int, int], str]]] = []
    enumerated = 0.0
    passing_mass = 0.0
    for n_changes in range(0, min(max_changes, len(movable)) + 1):
        for combo in itertools.combinations(movable, n_changes):
            for choice in itertools.product(*[alts for _, alts in combo]):
                changes = {pos: c for (pos, _), (c, _) in zip(combo, choice, strict=True)}
                ok, logp = evaluate(changes)
                p = math.exp(logp)
                enumerated += p
                if ok:
                    passing_mass += p
                    candidates.append((logp, changes))
    if not candidates:
        return False, False
    candidates.sort(key=lambda t: -t[0])
    best_logp, best = candidates[0]
    # Probability of the whole field under the (independent) per-cell model is 1 in total.
    residual = max(0.0, 1.0 - enumerated)
    posterior = math.exp(best_logp) / (passing_mass + 0.1 * residual)
    if best and posterior < ADOPT_POSTERIOR:
        # Flipping characters until the check passes is how wrong documents become valid:
        # an unlikely repair is not made, the print stays as read and the check fails.
        return False, False
    for (ln, i), c in best.items():
        rd.chars[ln][i] = c
    for pos in positions:
        frozen.add(pos)
    return True, posterior >= FIELD_POSTERIOR


def _name_rules(rd: _Reading, spec: FieldSpec) -> bool:
    """'<' runs in names: after three fillers only fillers may follow. Returns certainty."""
    certain = True
    ln = spec.line
    run = 0
    seen_text = False
    for i in range(spec.start, spec.end):
        c = rd.chars[ln][i]
        if c == "<":
            run += 1
            continue
        if seen_text and run >= 3:
            # A letter after '<<<' (or a name that starts with '<') cannot be a name: it is
            # a filler misread unless the glyph was read beyond doubt.
            p_fill = rd.dist[ln][i]["<"]
            if p_fill >= 0.02 or rd.dist[ln][i][c] < 0.99:
                rd.chars[ln][i] = "<"
                run += 1
                if rd.dist[ln][i][c] >= 0.5:
                    certain = certain and p_fill >= 0.2
                continue
            certain = False
        seen_text = True
        run = 0
    return certain


KNOWN_CODE_RATE = 0.015  # share of three-letter strings that are assigned state codes


def _resolve_code(rd: _Reading, spec: FieldSpec) -> bool:
    """A state code: prefer a reading that is an assigned code (D/O, M/H on real prints).

    Like a check digit, the code list is evidence, not proof: a reading is certain only when
    it holds almost all of the probability of the readings that are codes.
    """
    ln = spec.line
    pos = list(range(spec.start, spec.end))
    options = []
    for i in pos:
        ranked = rd.ranked(ln, i)
        top_p = ranked[0][1]
        options.append([(c, p) for c, p in ranked[:2] if p >= ALT_RATIO * top_p])
    known_mass = 0.0
    enumerated = 0.0
    best: tuple[float, str] | None = None
    for combo in itertools.product(*options):
        text = "".join(c for c, _ in combo)
        p = math.prod(q for _, q in combo)
        enumerated += p
        code = text.replace("<", "")
        if code and text.rstrip("<") == code and is_known_code(code):
            known_mass += p
            if best is None or p > best[0]:
                best = (p, text)
    if best is None:
        return _field_confident(rd, spec)
    for k, i in enumerate(pos):
        rd.chars[ln][i] = best[1][k]
    residual = max(0.0, 1.0 - enumerated)
    return best[0] / (known_mass + KNOWN_CODE_RATE * residual) >= FIELD_POSTERIOR


def _field_confident(rd: _Reading, spec: FieldSpec) -> bool:
    return all(rd.prob(spec.line, i) >= POSITION_CONFIDENT for i in range(spec.start, spec.end))


def decode(probs: list[np.ndarray], fmt: MrzFormat) -> Decoded:
    """Decode *probs* (one (length x 37) array per line) as format *fmt*."""
    rd = _Reading(probs, fmt)
    specs = FIELD_LAYOUTS[fmt]
    frozen: set[tuple[int, int]] = set()
    uncertain: list[str] = []
    failed: list[str] = []
    date_spans = {s.span for s in specs if s.kind == "date"}
    checks = [s for s in specs if s.kind == "check"]
    # Single-field checks first; the composite last (it covers the fields already settled).
    checks.sort(key=lambda s: s.name == "composite_check")
    checked_fields: set[str] = set()
    by_span = {s.span: s for s in specs}
    for chk in checks:
        ok, certain = _resolve_check(rd, chk, frozen, date_spans)
        covered = [by_span[span].name for span in chk.covers if span in by_span]
        if chk.name != "composite_check":
            checked_fields.update(covered)
            if not ok:
                failed.append(chk.name)
            if not ok or not certain:
                uncertain.extend(covered or [chk.name])
        else:
            if not ok:
                failed.append(chk.name)
                uncertain.append("composite")
            elif not certain:
                uncertain.append("composite")
    for spec in specs:
        if spec.kind == "check" or spec.name in checked_fields:
            continue
        if spec.kind == "name":
            ok = _name_rules(rd, spec)
            ok = ok and _field_confident(rd, spec)
        elif spec.kind == "alpha_code":
            ok = _resolve_code(rd, spec)
        else:
            ok = _field_confident(rd, spec)
            if not ok and "composite" not in uncertain and not failed:
                # A field under the composite check only (TD1/TD2 optional data) was
                # settled by that check's enumeration.
                comp = next((c for c in checks if c.name == "composite_check"), None)
                ok = comp is not None and any(
                    span[0] == spec.line and span[1] <= spec.start and spec.end <= span[2]
                    for span in comp.covers
                )
        if not ok:
            uncertain.append(spec.name)
    lp = [math.log(rd.prob(ln, i)) for ln in range(len(rd.chars)) for i in range(len(rd.chars[ln]))]
    seen: list[str] = []
    for u in uncertain:
        if u not in seen:
            seen.append(u)
    lines = rd.lines()
    by_name = {c.name: c for c in checks}
    for ln in range(len(lines)):
        on_line = [c for c in checks if c.line == ln]
        if on_line and all(c.name in failed for c in on_line) and len(failed) >= 2:
            # The layout does not fit this line (a national, non-ICAO zone): report the
            # characters as the classifier sees them rather than forced into wrong fields.
            p = probs[ln][:, : len(ALPHABET)]
            lines[ln] = "".join(ALPHABET[int(k)] for k in np.argmax(p, axis=1))
    del by_name
    return Decoded(
        fmt=fmt,
        lines=lines,
        uncertain=seen,
        checks_ok=not failed,
        score=float(np.mean(lp)),
        failed_checks=failed,
    )


def formats_for(n_lines: int, length: int) -> list[MrzFormat]:
    return [f for f, shape in LINE_SHAPES.items() if shape == (n_lines, length)]
