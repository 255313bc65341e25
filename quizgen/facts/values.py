"""Normalised values of answers: numbers with their qualifier, and (partial) ISO dates.

``number_value("Nearly 3,500")`` -> ``(3500, "nearly")``;
``date_value("January 2021")`` -> ``("2021-01", "month")``;
``date_value("Tuesday")`` -> ``("Tuesday", "weekday")`` (relative: no calendar date).
"""

from __future__ import annotations

import re
from typing import Optional, Union

Number = Union[int, float]

MONTHS = {
    m: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for m in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12,
}
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
          "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
QUALIFIERS = {
    "nearly": "nearly", "almost": "nearly", "about": "about", "around": "about", "some": "about",
    "approximately": "about", "roughly": "about", "more than": "more than", "over": "more than",
    "at least": "at least", "less than": "less than", "fewer than": "less than", "under": "less than",
    "up to": "up to", "past": "more than", "just over": "more than", "just under": "less than",
    "well over": "more than", "almost as many as": "nearly",
}
#: Date words that only make sense relative to when the text was written.
RELATIVE_DATES = {"today", "yesterday", "tomorrow", "now", "tonight", "recently", "currently", "last", "next",
                  "ago", "earlier", "later", "previous", "coming", "past"}

_NUM = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")
_YEAR = re.compile(r"^(?:in\s+)?(1\d{3}|20\d{2})s?$", re.I)


def number_value(text: str) -> tuple[Optional[Number], Optional[str]]:
    """The number a cardinal/quantity/money span states, and its qualifier if any."""
    low = text.lower().strip()
    qualifier = None
    for q in sorted(QUALIFIERS, key=len, reverse=True):
        if low.startswith(q + " "):
            qualifier = QUALIFIERS[q]
            low = low[len(q) + 1 :]
            break
    m = _NUM.search(low)
    value: Optional[Number]
    if m:
        whole = int(m.group(1).replace(",", ""))
        value = float(f"{whole}.{m.group(2)}") if m.group(2) else whole
        rest = low[m.end() :].strip().split()
        if rest and rest[0].rstrip(".") in SCALES:
            value = value * SCALES[rest[0].rstrip(".")]
            value = int(value) if float(value).is_integer() else value
    else:
        words = [w for w in re.split(r"[\s-]+", low) if w]
        total, current = 0, 0
        seen = False
        for w in words:
            if w in WORD_NUMBERS:
                n = WORD_NUMBERS[w]
                current = current * n if n == 100 and current else current + n
                seen = True
            elif w in SCALES and seen:
                total += max(current, 1) * SCALES[w]
                current = 0
            elif w == "and":
                continue
            else:
                break
        value = total + current if seen else None
        if value is None or any(w in FRACTIONS for w in words):
            value = _fraction(words)
    return value, qualifier


FRACTIONS = {"half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25}


def _fraction(words: list[str]) -> Optional[Number]:
    """ "half", "a third", "two-thirds", "half a million", "a million": a fraction or a scale."""
    value: Optional[float] = None
    k = 0
    if words and words[0] in ("a", "an", "one"):
        value, k = 1.0, 1
    elif words and words[0] in WORD_NUMBERS and len(words) > 1 and words[1] in FRACTIONS:
        value, k = float(WORD_NUMBERS[words[0]]), 1
    if k < len(words) and words[k] in FRACTIONS:
        value = (value or 1.0) * FRACTIONS[words[k]]
        k += 1
        if k < len(words) and words[k] in ("a", "an"):
            k += 1
    if k < len(words) and words[k] in SCALES and value is not None:
        value *= SCALES[words[k]]
        k += 1
    if value is None or k != len(words):
        return None
    value = round(value, 4)
    return int(value) if float(value).is_integer() else value


def date_value(text: str) -> tuple[Optional[str], str]:
    """(value, shape) for a date span. shape: year | month | date | weekday | relative | other.

    Values are ISO 8601 or partial ISO ("2021", "2021-01", "2021-01-20", "--01-20" for a day
    without a year); weekdays keep their name, being relative to when the text was written.
    """
    low = text.lower().strip().rstrip(".,")
    if re.search(r"\b(days|weeks|months|years|decades|centuries|hours|minutes)\b", low) and not _YEAR.search(low.split()[-1]):
        return None, "other"  # "the 12 months through June" is a duration, not a date
    low = re.sub(r"^(the|in|on|during|by)\s+", "", low)
    m = _YEAR.match(low)
    if m and not low.endswith("s"):
        return m.group(1), "year"
    words = re.findall(r"[a-z]+\.?|\d+", low)
    for w in words:
        if w.rstrip(".") in WEEKDAYS and len(words) <= 2:
            return w.rstrip(".").capitalize(), "weekday"
    month = next((MONTHS[w.rstrip(".")] for w in words if w.rstrip(".") in MONTHS), None)
    nums = [int(w) for w in words if w.isdigit()]
    year = next((n for n in nums if 1000 <= n <= 2100), None)
    day = next((n for n in nums if 1 <= n <= 31), None)
    if month and year and day:
        return f"{year:04d}-{month:02d}-{day:02d}", "date"
    if month and year:
        return f"{year:04d}-{month:02d}", "month"
    if month and day:
        return f"--{month:02d}-{day:02d}", "date"
    if month and len(words) == 1:
        return f"--{month:02d}", "month"
    if any(w in RELATIVE_DATES for w in words):
        return None, "relative"
    if year is not None:
        return str(year), "other"
    return None, "other"
