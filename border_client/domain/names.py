"""Names: ICAO transliteration to the MRZ alphabet and transliteration-aware fuzzy comparison."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

__all__ = ["icao_transliterate", "name_key", "loose_name_key", "name_similarity", "full_name"]

# Doc 9303 Part 3, 6.A: Latin characters whose recommended transliteration is not "drop the accent".
_ICAO_LATIN = {
    "Ä": "AE",
    "Æ": "AE",
    "Å": "AA",
    "Ö": "OE",
    "Ø": "OE",
    "Œ": "OE",
    "Ü": "UE",
    "ß": "SS",
    "Þ": "TH",
    "Ð": "D",
    "Đ": "D",
    "Ħ": "H",
    "Ĳ": "IJ",
    "Ł": "L",
    "Ŀ": "L",
    "Ŋ": "N",
    "ı": "I",
    "ĸ": "K",
}
# Doc 9303 Part 3, 6.B: Cyrillic, the commonest letters of Russian, Ukrainian and Serbian names.
_ICAO_CYRILLIC = {
    "А": "A",
    "Б": "B",
    "В": "V",
    "Г": "G",
    "Ґ": "G",
    "Д": "D",
    "Ђ": "D",
    "Е": "E",
    "Ё": "E",
    "Є": "IE",
    "Ж": "ZH",
    "З": "Z",
    "И": "I",
    "І": "I",
    "Ї": "I",
    "Й": "I",
    "Ј": "J",
    "К": "K",
    "Л": "L",
    "Љ": "LJ",
    "М": "M",
    "Н": "N",
    "Њ": "NJ",
    "О": "O",
    "П": "P",
    "Р": "R",
    "С": "S",
    "Т": "T",
    "Ћ": "C",
    "У": "U",
    "Ў": "U",
    "Ф": "F",
    "Х": "KH",
    "Ц": "TS",
    "Ч": "CH",
    "Џ": "DZ",
    "Ш": "SH",
    "Щ": "SHCH",
    "Ъ": "IE",
    "Ы": "Y",
    "Ь": "",
    "Э": "E",
    "Ю": "IU",
    "Я": "IA",
}
_NON_LETTERS = re.compile(r"[^A-Z ]+")
_SPACES = re.compile(r" +")


# Names repeat (the same travelers cross again, searches compare against many rows): caching the
# pure transliteration makes ingest and fuzzy search several times cheaper.
@lru_cache(maxsize=131072)
def icao_transliterate(text: str) -> str:
    """Upper-case A-Z and spaces, as a name would be printed in an MRZ ('Müller' -> 'MUELLER')."""
    out: list[str] = []
    for ch in text.upper():
        if ch in _ICAO_LATIN:
            out.append(_ICAO_LATIN[ch])
        elif ch in _ICAO_CYRILLIC:
            out.append(_ICAO_CYRILLIC[ch])
        else:
            decomposed = unicodedata.normalize("NFKD", ch)
            out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    # Hyphens, apostrophes and MRZ fillers separate name parts.
    flat = "".join(out).replace("<", " ").replace("-", " ").replace("'", "")
    return _SPACES.sub(" ", _NON_LETTERS.sub(" ", flat)).strip()


def name_key(text: str) -> str:
    """A strict comparison key: transliterated, upper case, single spaces."""
    return icao_transliterate(text)


_LOOSE_RULES = (
    ("AE", "A"),
    ("OE", "O"),
    ("UE", "U"),
    ("AA", "A"),
    ("SS", "S"),
    ("PH", "F"),
    ("TH", "T"),
    ("KH", "H"),
    ("CK", "K"),
    ("Y", "I"),
    ("W", "V"),
    ("Z", "S"),
    ("C", "K"),
    ("Q", "K"),
)
_DOUBLES = re.compile(r"([A-Z])\1+")


@lru_cache(maxsize=131072)
def loose_name_key(text: str) -> str:
    """A forgiving key that folds transliteration variants (MUELLER/MULLER, IOURI/YURI-like spellings)."""
    key = name_key(text)
    for a, b in _LOOSE_RULES:
        key = key.replace(a, b)
    return _DOUBLES.sub(r"\1", key)


def full_name(surname: str, given_names: str) -> str:
    return f"{surname} {given_names}".strip()


def name_similarity(a: str, b: str) -> float:
    """0-100: how alike two full names are, order of parts ignored, transliteration-aware."""
    strict_a, strict_b = name_key(a), name_key(b)
    if not strict_a or not strict_b:
        return 0.0
    strict = fuzz.token_sort_ratio(strict_a, strict_b)
    loose = fuzz.token_sort_ratio(loose_name_key(a), loose_name_key(b))
    # A name printed with fewer given names (truncated MRZ, omitted middle name) still matches well.
    subset = fuzz.token_set_ratio(strict_a, strict_b) * 0.95
    # Compound names written joined or apart (JEANBAPTISTE / JEAN BAPTISTE) compare letters only.
    joined = fuzz.ratio("".join(sorted(strict_a.split())), "".join(sorted(strict_b.split())))
    squeezed = fuzz.ratio(strict_a.replace(" ", ""), strict_b.replace(" ", ""))
    return float(max(strict, loose, subset, joined, squeezed))
