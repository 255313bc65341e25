"""Wrong choices for multiple-choice questions (DESIGN.md, lesson 7).

Rules, in order:

1. Same kind, same text: other entities of the same label group (a person for a
   person, a place for a place, a date of the same shape for a date, a number of
   the same label for a number), fullest name of each, nearest in length first;
   a year only within MAX_YEAR_GAP of the answer's (a year far off, before a
   person's birth or after their death, gives the answer away), nearest year
   first; none at all when the answer's year would stand apart from them all
   (2008 among 1977, 1981 and 1984).
2. Neighbours that keep format and scale, when the text has too few: a year
   moves by a few years (1998 -> 1996, 2001); a count swaps or shifts digits
   (553 -> 535, 653, 453) and keeps its qualifier and thousands separator
   ("Nearly 3,500" -> "Nearly 4,500"); a weekday becomes another weekday.
3. Never the answer, a synonym-like variant of it (same words ignoring case and
   punctuation), a string containing it or contained in it; never twice.

Everything is deterministic: no randomness, only sorting.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from quizgen.facts.extract import Fact
from quizgen.grounding import contains, normalise
from quizgen.facts.values import WEEKDAYS

LABEL_GROUPS = {
    "PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "facility",
    "DATE": "date", "TIME": "time", "CARDINAL": "count", "MONEY": "money", "PERCENT": "percent",
    "QUANTITY": "quantity",
}
NOT_PEOPLE = re.compile(r"\b(Dems?|Democrats?|Republicans?|Tories|Labour|Conservatives?|Party|Gold|Group|Inc|Corp|"
                        r"Ltd|plc|FC|United|City|Club|Council|Ministry|News|Times|Post)\b")
_NUM = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")


def _ok(candidate: str, answer: str, taken: list[str]) -> bool:
    nc = normalise(candidate)
    if not nc or nc == normalise(answer):
        return False
    if contains(candidate, answer) or contains(answer, candidate):
        return False
    return all(nc != normalise(t) and not contains(t, candidate) and not contains(candidate, t) for t in taken)


def _format_like(template: str, number: float) -> Optional[str]:
    """``template`` with its first number replaced by ``number``, in the same style."""
    m = _NUM.search(template)
    if not m:
        return None
    old = m.group(0)
    if number <= 0:
        return None
    if "." in old:
        decimals = len(old.split(".")[1])
        new = f"{number:.{decimals}f}"
    else:
        n = int(round(number))
        new = f"{n:,}" if "," in old or (n >= 10000 and "," in old) else str(n)
        if "," not in old and n >= 10000 and len(old) >= 5:
            new = str(n)
    return template[: m.start()] + new + template[m.end() :]


def numeric_neighbours(answer: str, is_year: bool = False) -> list[str]:
    """Plausible wrong numbers in the answer's own format, most plausible first."""
    m = _NUM.search(answer)
    if not m:
        return []
    raw = m.group(0).replace(",", "")
    value = float(raw)
    out: list[float] = []
    if is_year:
        out = [value + d for d in (-2, 3, -5, 1, 4, -1, 6)]
    else:
        digits = raw.split(".")[0]
        n = int(digits)
        if len(digits) >= 2:
            # swap the last two non-zero-significant digits: 553 -> 535, 1998 -> 1989
            sw = digits[:-2] + digits[-1] + digits[-2]
            if sw != digits and not sw.startswith("0"):
                out.append(float(sw))
        lead = 10 ** (len(digits) - 1) if n >= 10 else 1
        out += [n + lead, n - lead, n + 2 * lead, n * 2, n // 2 if n >= 4 else n + 3 * lead]
        if "." in raw:
            out = [value * f for f in (1.5, 0.5, 2, 0.75)]
    seen: list[str] = []
    for v in out:
        if v <= 0 or v == value:
            continue
        s = _format_like(answer, v)
        if s and s not in seen:
            seen.append(s)
    return seen


def _weekdays(answer: str) -> list[str]:
    low = answer.lower()
    if low not in WEEKDAYS:
        return []
    i = WEEKDAYS.index(low)
    order = [(i + d) % 7 for d in (-1, 2, 1, -2, 3)]
    return [WEEKDAYS[k].capitalize() for k in order]


def _shift_year(answer: str) -> list[str]:
    m = re.search(r"\b(1\d{3}|20\d{2})\b", answer)
    if not m:
        return []
    y = int(m.group(1))
    return [answer[: m.start()] + str(y + d) + answer[m.end() :] for d in (-2, 3, -5, 1, 4)]


MAX_YEAR_GAP = 40  # a year from the text is a choice only this close to the answer's year (1665 is no choice for
# a Betamax release; nearer years are left as they are: those of the text near the answer are often its rivals)


def _year_gap(a: str, b: str) -> int:
    """How many years apart two dates are (0 when either has no year)."""
    ya, yb = _year(a), _year(b)
    return abs(ya - yb) if ya and yb else 0


def _year(text: str) -> Optional[int]:
    """The first year (1000-2099) written in ``text``, or None."""
    m = re.search(r"\b(1\d{3}|20\d{2})\b", text)
    return int(m.group(1)) if m else None


def _isolated_year(answer: str, others: list[str]) -> bool:
    """True when the answer's year stands apart from every other choice's.

    The answer lies outside the others' range, farther from the nearest of them
    than they lie from each other (and more than five years): a student picks
    the odd one out without knowing anything ("2008" among 1977, 1981, 1984).
    """
    y = _year(answer)
    years = [v for v in (_year(o) for o in others) if v is not None]
    if y is None or len(years) < 2 or min(years) <= y <= max(years):
        return False
    nearest = min(abs(y - v) for v in years)
    return nearest > max(5, max(years) - min(years))


def _content_words(text: str) -> set[str]:
    return {w for w in normalise(text).split() if len(w) > 2 and w not in ("the", "and", "of")}


def choose(fact: Fact, facts: Iterable[Fact], n: int = 3, prompt: str = "") -> tuple[list[str], int]:
    """Up to ``n`` distractors for ``fact``, and how many of them came from the text itself.

    A distractor never appears in the question itself and never shares a content word
    with the answer ("Apple Mac" is no distractor for "Macintosh"'s sibling "Mac").
    """
    group = LABEL_GROUPS.get(fact.label)
    facts = list(facts)
    taken: list[str] = []
    pool: dict[str, tuple[int, int]] = {}
    answer_words = _content_words(fact.entity_name) | _content_words(fact.text)
    label_votes: dict[int, set[str]] = {}
    for f in facts:
        label_votes.setdefault(f.entity_key, set()).add(f.label)
    for f in facts:
        if f.entity_key == fact.entity_key or LABEL_GROUPS.get(f.label) != group:
            continue
        if fact.kind in ("who", "where"):
            name = f.entity_name
            if f.label != fact.label or not f.sure or (f.label == "PERSON" and name.lower().startswith("the ")):
                continue  # a person for a person, a city for a city: same label, tagged consistently
            if answer_words & _content_words(name) or (prompt and contains(prompt, name)):
                continue
            if f.label == "PERSON" and prompt and any(contains(prompt, w) for w in name.split() if len(w) > 2 and w[:1].isupper()):
                continue  # "Dave Collins" for "With whom has Collins worked?": the question's own person
            if f.label == "PERSON" and NOT_PEOPLE.search(name):
                continue  # "Lib Dems" tagged as a person, "Dems" once cut to a surname
        elif prompt and contains(prompt, f.text):
            continue
        if fact.kind == "when" and (f.shape != fact.shape or bool(re.search(r"\d{4}", f.text)) != bool(re.search(r"\d{4}", fact.text))):
            continue  # "December" is no distractor for "October 2006"
        if fact.kind == "when" and _year_gap(fact.text, f.text) > MAX_YEAR_GAP:
            continue  # 1900 for a man born in 1930, 1665 for a Betamax release: a giveaway
        name = f.entity_name if fact.kind in ("who", "where") else f.text
        if f.label == "PERSON" and " " not in name and name == f.entity_name:
            continue  # a one-word "person" with no full name in the text: a tagging error or a nickname ("Bob")
        if fact.label == "PERSON" and f.label == "PERSON" and " " not in fact.text.strip():
            name = name.split()[-1]  # the answer is a surname ("Lewis"): so are the other choices
        if fact.kind == "how_many" and normalise(_NUM.sub("", name)) != normalise(_NUM.sub("", fact.text)):
            continue  # "75" is no distractor for "Nearly 3,500"
        if fact.kind == "how_many" and isinstance(fact.value, (int, float)) and isinstance(f.value, (int, float)) \
                and fact.value > 0 and f.value > 0 and not (0.2 <= f.value / fact.value <= 5):
            continue  # "151" beside "55,000" electors: another scale gives the answer away
        pool.setdefault(name, (abs(len(name) - len(fact.text)), f.start))
    if fact.kind == "when" and _year(fact.text):
        for name in pool:  # years of the text nearest the answer's first: its rivals, not a far decade
            pool[name] = (_year_gap(fact.text, name),) + pool[name]
    for name in sorted(pool, key=lambda k: pool[k]):
        if len(taken) >= n:
            break
        if _ok(name, fact.text, taken):
            taken.append(name)
    if fact.kind == "when" and _isolated_year(fact.text, taken):
        taken = []  # 2008 among 1977, 1981 and 1984: the one recent year gives itself away
    from_text = len(taken)
    if len(taken) < n:
        extra: list[str] = []
        if fact.kind == "when":
            extra = _weekdays(fact.text) if fact.shape == "weekday" else _shift_year(fact.text)
        elif fact.kind == "how_many":
            extra = numeric_neighbours(fact.text)
        for cand in extra:
            if len(taken) >= n:
                break
            if prompt and contains(prompt, cand):
                continue
            if _ok(cand, fact.text, taken):
                taken.append(cand)
    return taken, from_text
