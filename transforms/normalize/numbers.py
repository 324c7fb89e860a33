"""Numbers written in digits or words: "37", "1,600", "four", "twenty-three", "a hundred", "two dozen"."""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
DOZEN = 12

_UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
_TENS_WORDS = "|".join(TENS)
_SCALE_WORDS = "|".join(SCALES)

# "twenty-three", "twenty three", "seven", "forty"
_WORD_BELOW_100 = rf"(?:(?:{_TENS_WORDS})(?:[-\s](?:{_UNIT_WORDS}))?|(?:{_UNIT_WORDS}))"
# "three hundred and twenty", "a hundred", "two thousand five hundred"
_WORD_NUMBER = (
    rf"(?:(?:{_WORD_BELOW_100}|an?)\s+(?:{_SCALE_WORDS})(?:(?:\s+and)?\s+{_WORD_BELOW_100})?"
    rf"|{_WORD_BELOW_100})"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_DIGITS_WITH_SCALE = rf"{_DIGITS}(?:\s+(?:{_SCALE_WORDS}))?"
# "half a dozen", "three dozen", "two dozen"
_DOZENS = rf"(?:half\s+a|{_WORD_BELOW_100}|\d+)\s+dozen"

# One number expression in digits or words; use with re.IGNORECASE.
NUMBER = rf"(?:{_DOZENS}|{_DIGITS_WITH_SCALE}|{_WORD_NUMBER})"
NUMBER_RE = re.compile(rf"\b{NUMBER}\b", re.IGNORECASE)


def _words_below_1000(tokens: list[str]) -> int | None:
    total = 0
    current = 0
    for token in tokens:
        if token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in ("a", "an"):
            current += 0
        else:
            return None
    return total + current


def parse_number(expression: str) -> float | None:
    """The value of a number expression ("1,600" -> 1600, "twenty-three" -> 23, "half a dozen" -> 6)."""
    text = expression.strip().lower().replace("\u2011", "-")
    if not text:
        return None
    dozen = re.fullmatch(r"(.+?)\s+dozen", text)
    if dozen:
        head = dozen.group(1)
        if re.fullmatch(r"half\s+an?", head):
            return DOZEN / 2
        count = parse_number(head)
        return None if count is None else count * DOZEN
    digits = re.fullmatch(rf"({_DIGITS})(?:\s+({_SCALE_WORDS}))?", text)
    if digits:
        value = float(digits.group(1).replace(",", ""))
        if digits.group(2):
            value *= SCALES[digits.group(2)]
        return value
    tokens = [t for t in re.split(r"[\s-]+", text) if t and t != "and"]
    if not tokens:
        return None
    total = 0
    chunk: list[str] = []
    for token in tokens:
        if token in ("thousand", "million", "billion"):
            value = _words_below_1000(chunk) if chunk else 1
            if value is None:
                return None
            total += (value or 1) * SCALES[token]
            chunk = []
        else:
            chunk.append(token)
    if chunk:
        if chunk in (["a"], ["an"]):
            return None
        value = _words_below_1000(chunk)
        if value is None:
            return None
        if value == 0 and chunk[-1] not in ("zero",):
            return None
        total += value
    return float(total)


def as_int(value: float | None) -> int | None:
    """An integral value as int; None for None or a fraction."""
    if value is None or value != int(value):
        return None
    return int(value)
