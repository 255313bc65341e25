"""Array-based stand-ins for spaCy's ``attribute_ruler`` and rule ``lemmatizer``: same output, less time.

Both components are rules, not models, yet on en_core_web_sm they take about a sixth of the
parse: the attribute ruler runs a :class:`spacy.matcher.Matcher` with all 179 of its rules over
every token and sets each match with a Python call, and the lemmatizer makes a Python
:class:`~spacy.tokens.Token` and a method call per token. Here the same rules run over whole
columns of token attributes at once (``Doc.to_array`` / ``Doc.from_array``, numpy):

* :class:`FastAttributeRuler` compiles each rule of a loaded ``AttributeRuler`` into a test
  on the columns (``TAG == "NN"``, ``LOWER in {...}``, ``DEP not in {...}``, a regex over the
  distinct words, token sequences) and applies the rules in the ruler's order, so where two
  rules set the same attribute of a token, the later one wins, as in spaCy
  (``AttributeRuler.match`` sorts matches by rule). All rules are tested on the annotation
  the ruler was given, before any of them is applied, as spaCy's Matcher does.
* :class:`FastLemmatizer` lemmatizes each distinct ``(word, POS, morphology)`` once per
  process, with the spaCy lemmatizer's own ``rule_lemmatize``, and writes the lemmas back
  as a column: ``rule_lemmatize`` reads nothing of a token but its text, POS and
  morphology (its own cache is keyed by that triple), so every token with the same triple
  gets the same lemma there too.

:func:`compile_ruler` returns ``None`` for a ruler with a rule it cannot translate exactly
(operators such as ``"OP"``, other predicates, attributes other than the ones below); the
caller then keeps spaCy's component. ``tests/test_fastrules.py`` checks, token by token,
that TAG, POS, MORPH, LEMMA and DEP come out the same as spaCy's components on the test texts;
``benchmarks/bench.py`` times both.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Iterator, Optional

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.strings import get_string_id
from spacy.util import minibatch

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: Token attributes a rule may test (string-valued ones by hash, flags as 0/1).
STRING_KEYS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "DEP": DEP}
FLAG_KEYS = {"IS_SPACE": IS_SPACE}
#: Attributes a rule may set. TAG and DEP are set token by token (few tokens change, and
#: ``Doc.from_array`` wants a HEAD column with DEP); the rest as columns.
SET_AS_COLUMN = (POS, MORPH, LEMMA)
SET_BY_TOKEN = (TAG, DEP)


class _Unsupported(Exception):
    pass


class _Test:
    """One token's conditions: ``[(column, kind, operand)]`` with kind ``eq``, ``in``, ``not_in`` or ``regex``."""

    def __init__(self, spec: dict) -> None:
        self.conds: list[tuple[int, str, object]] = []
        for key, value in spec.items():
            key = key.upper()
            if key in FLAG_KEYS:
                if not isinstance(value, bool):
                    raise _Unsupported(key)
                self.conds.append((FLAG_KEYS[key], "eq", int(value)))
                continue
            if key not in STRING_KEYS:
                raise _Unsupported(key)
            col = STRING_KEYS[key]
            if isinstance(value, str):
                self.conds.append((col, "eq", get_string_id(value)))
            elif isinstance(value, dict) and len(value) == 1:
                (pred, arg), = value.items()
                if pred in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
                    ids = np.array(sorted({get_string_id(v) for v in arg}), dtype=np.uint64)
                    self.conds.append((col, pred.lower(), ids))
                elif pred == "REGEX" and isinstance(arg, str):
                    self.conds.append((col, "regex", re.compile(arg)))
                else:
                    raise _Unsupported(f"{key} {pred}")
            else:
                raise _Unsupported(key)

    def mask(self, cols: dict[int, np.ndarray], strings) -> np.ndarray:
        n = len(next(iter(cols.values())))
        out = np.ones(n, dtype=bool)
        for col, kind, arg in self.conds:
            values = cols[col]
            if kind == "eq":
                out &= values == arg
            elif kind == "in":
                out &= np.isin(values, arg)
            elif kind == "not_in":
                out &= ~np.isin(values, arg)
            else:  # regex: test each distinct value once (spaCy's _RegexPredicate uses re.search)
                uniq, inverse = np.unique(values, return_inverse=True)
                hits = np.fromiter((bool(arg.search(strings[int(v)])) for v in uniq), dtype=bool, count=len(uniq))
                out &= hits[inverse.reshape(-1)]
        return out


class _Rule:
    def __init__(self, patterns: list[list[dict]], attrs: dict, index: int) -> None:
        if any(k not in SET_AS_COLUMN + SET_BY_TOKEN for k in attrs):
            raise _Unsupported(f"sets {attrs}")
        self.patterns = [[_Test(spec) for spec in pattern] for pattern in patterns]
        if any(not p for p in self.patterns):
            raise _Unsupported("empty pattern")
        self.attrs = {int(k): int(v) for k, v in attrs.items()}
        self.index = index

    def targets(self, cols: dict[int, np.ndarray], doc_ids: np.ndarray, strings) -> np.ndarray:
        """Positions of the tokens this rule sets (in the concatenated columns)."""
        n = len(doc_ids)
        hit = np.zeros(n, dtype=bool)
        for pattern in self.patterns:
            size = len(pattern)
            if size > n:
                continue
            start = np.ones(n - size + 1, dtype=bool)
            for k, test in enumerate(pattern):
                start &= test.mask(cols, strings)[k : n - size + 1 + k]
                if k:  # a match never runs from one Doc into the next
                    start &= doc_ids[k : n - size + 1 + k] == doc_ids[: n - size + 1]
            offset = self.index if self.index >= 0 else size + self.index
            if not 0 <= offset < size:
                raise ValueError(f"attribute ruler index {self.index} outside a pattern of {size} tokens")
            hit[np.flatnonzero(start) + offset] = True
        return hit


def compile_ruler(ruler) -> "Optional[FastAttributeRuler]":
    """A :class:`FastAttributeRuler` doing what ``ruler`` (a spaCy ``AttributeRuler``) does, or ``None``."""
    try:
        rules = [_Rule(p["patterns"], attrs, idx)
                 for p, attrs, idx in zip(ruler.patterns, ruler.attrs, ruler.indices)]
    except _Unsupported:
        return None
    return FastAttributeRuler(ruler.vocab, rules)


class FastAttributeRuler:
    """The rules of an ``AttributeRuler``, applied to a batch of Docs as columns (see the module)."""

    def __init__(self, vocab, rules: list[_Rule]) -> None:
        self.vocab = vocab
        self.rules = rules
        self.tested = sorted({col for r in rules for p in r.patterns for t in p for col, _k, _a in t.conds})
        self.set_cols = [a for a in SET_AS_COLUMN if any(a in r.attrs for r in rules)]
        self.set_tokens = [a for a in SET_BY_TOKEN if any(a in r.attrs for r in rules)]
        #: the columns read: those the rules test, then those they set
        self.columns = self.tested + [a for a in self.set_cols + self.set_tokens if a not in self.tested]

    def __call__(self, doc: "Doc") -> "Doc":
        self._apply([doc])
        return doc

    def pipe(self, docs: Iterable["Doc"], batch_size: int = 128) -> Iterator["Doc"]:
        for batch in minibatch(docs, size=batch_size):
            self._apply(batch)
            yield from batch

    def _apply(self, docs: list) -> None:
        docs_nonempty = [d for d in docs if len(d)]
        if not docs_nonempty:
            return
        table = np.concatenate([d.to_array(self.columns) for d in docs_nonempty]).astype(np.uint64, copy=False)
        cols = {a: table[:, i] for i, a in enumerate(self.columns)}
        doc_ids = np.repeat(np.arange(len(docs_nonempty)), [len(d) for d in docs_nonempty])
        new = {a: cols[a].copy() for a in self.set_cols + self.set_tokens}
        strings = self.vocab.strings
        for rule in self.rules:  # in the ruler's order: a later rule overrides an earlier one
            hit = rule.targets(cols, doc_ids, strings)
            for attr, value in rule.attrs.items():
                new[attr][hit] = value
        bounds = np.cumsum([0] + [len(d) for d in docs_nonempty])
        for k, doc in enumerate(docs_nonempty):
            lo, hi = bounds[k], bounds[k + 1]
            if self.set_cols:
                doc.from_array(self.set_cols, np.stack([new[a][lo:hi] for a in self.set_cols], axis=1))
            for attr in self.set_tokens:
                for i in np.flatnonzero(new[attr][lo:hi] != cols[attr][lo:hi]):
                    token = doc[int(i)]
                    if attr == TAG:
                        token.tag = int(new[attr][lo + i])
                    else:
                        token.dep = int(new[attr][lo + i])


class FastLemmatizer:
    """A spaCy rule ``Lemmatizer`` run once per distinct ``(ORTH, POS, MORPH)`` of each Doc (see the module)."""

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        #: (ORTH, POS, MORPH) -> lemma's string id. spaCy's own cache skips the words its
        #: ``rule_lemmatize`` answers early (base forms, words without a POS table), which
        #: are most of them; every answer there is a function of these three alone.
        self.lemma_ids: dict[tuple[int, int, int], int] = {}

    @classmethod
    def wrap(cls, lemmatizer) -> "Optional[FastLemmatizer]":
        """The stand-in for a rule lemmatizer that does not overwrite lemmas; else ``None``.

        Its word lists (``lemma_index``: lists of up to 57,000 words, searched with ``in``
        once per rule that fits a word) become sets in place: the same answers, without a
        scan of the list per new word. The lemmatizer is this process's own copy.
        """
        if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
            return None
        if "lemma_index" in lemmatizer.lookups.tables:
            index = lemmatizer.lookups.get_table("lemma_index")
            for pos, words in list(index.items()):
                if isinstance(words, list):
                    index[pos] = frozenset(words)
        return cls(lemmatizer)

    def __call__(self, doc: "Doc") -> "Doc":
        if not len(doc):
            return doc
        lem = self.lemmatizer
        if not lem._validated:
            from spacy.errors import Errors

            lem._validate_tables(Errors.E1004)
        table = doc.to_array([ORTH, POS, MORPH, LEMMA]).astype(np.uint64, copy=False)
        todo = np.flatnonzero(table[:, 3] == 0)  # spaCy sets only lemmas nobody set (overwrite=False)
        if len(todo):
            keys, first, inverse = np.unique(table[todo, :3], axis=0, return_index=True, return_inverse=True)
            strings = doc.vocab.strings
            lemma_ids = np.empty(len(keys), dtype=np.uint64)
            known = self.lemma_ids
            for k, key in enumerate(map(tuple, keys.tolist())):
                lemma_id = known.get(key)
                if lemma_id is None:
                    lemma_id = known[key] = strings.add(lem.rule_lemmatize(doc[int(todo[first[k]])])[0])
                lemma_ids[k] = lemma_id
            column = table[:, 3].copy()
            column[todo] = lemma_ids[inverse.reshape(-1)]
            doc.from_array([LEMMA], column.reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable["Doc"], batch_size: int = 128) -> Iterator["Doc"]:
        for doc in docs:
            yield self(doc)


__all__ = ["FastAttributeRuler", "FastLemmatizer", "compile_ruler"]
