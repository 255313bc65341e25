"""quizgen's pipeline gives exactly what spaCy's gives: the array-based attribute ruler and
lemmatizer, and the matrix products on numpy's BLAS instead of ``blis`` (quizgen.nlp.model.load_model)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.nlp.fastrules import FastLemmatizer, compile_ruler
from quizgen.nlp.model import load_model

TEXTS = Path(__file__).parent / "texts"

#: Text that trips every kind of rule in en_core_web_sm's attribute ruler: contractions and
#: slang the ruler lemmatizes by hand (two-token rules, a rule on the second token, regexes),
#: "I"/"you"/"it" as subject and object, "there is", "but" as an adverb, determiners standing
#: alone, "do"/"have" as main verbs and auxiliaries, runs of spaces and blank lines.
TRICKY = """Y'all ain't gonna believe it.  I got it, and you gotta see it: let's go!
C'mon, there is nothin' here but dust; there are two of those.

This is what I do, and that is what she does. We have had enough, haven't we?
He gets up early.   She got there late, but she isn't sorry.\tIt's fine — isn't it?
Those who have, give; that which was done is done. Whether it rains or not, we'll go.
"""


def attrs(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def models():
    fast, stock = load_model(), load_model(fast=False)
    return fast, stock


def test_the_fast_components_are_in_the_pipeline(models):
    fast, stock = models
    assert "quizgen_attribute_ruler" in fast.pipe_names and "quizgen_lemmatizer" in fast.pipe_names
    assert "attribute_ruler" in stock.pipe_names and "lemmatizer" in stock.pipe_names
    assert "attribute_ruler" not in fast.pipe_names


@pytest.mark.parametrize("name", ["tricky", *sorted(p.name for p in TEXTS.glob("*.txt"))])
def test_same_annotation_as_spacy(models, name):
    fast, stock = models
    text = TRICKY if name == "tricky" else (TEXTS / name).read_text(encoding="utf-8")
    assert attrs(fast(text)) == attrs(stock(text))


def test_the_matrix_products_go_to_numpy_blas(models):
    """Every layer of quizgen's pipeline multiplies with numpy (use_blis=False); the stock one keeps blis."""
    from thinc.api import NumpyOps

    def layers(nlp):
        models = [getattr(pipe, "model", None) for _n, pipe in nlp.pipeline]
        return [node for m in models if hasattr(m, "walk") for node in m.walk()]

    fast, stock = models
    assert layers(fast) and all(isinstance(n.ops, NumpyOps) and not n.ops.use_blis for n in layers(fast))
    assert any(getattr(n.ops, "use_blis", False) for n in layers(stock))


def test_spacy_runs_with_one_blas_thread_and_the_callers_setting_comes_back(monkeypatch):
    """While quizgen parses, numpy's BLAS runs on one thread (no idle spinning on other cores); after, as before."""
    import numpy  # noqa: F401 - its BLAS is the one limited
    from threadpoolctl import threadpool_info, threadpool_limits

    from quizgen.nlp import model as nlp

    def blas_threads():
        return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]

    seen = []

    class Pipeline:  # stands in for the spaCy pipeline and notes the BLAS threads at each step
        def pipe(self, texts, batch_size):
            for t in texts:
                seen.append(blas_threads())
                yield t.upper()

        def __call__(self, text):
            seen.append(blas_threads())
            return text.upper()

    monkeypatch.setattr(nlp, "load_model", Pipeline)
    with threadpool_limits(limits=2, user_api="blas"):
        before = blas_threads()
        if not before or max(before) < 2:
            pytest.skip("numpy's BLAS cannot run two threads here")
        assert list(nlp.parse_many(iter(["a", "b", "c"]), batch_size=2)) == ["A", "B", "C"]
        assert blas_threads() == before
        assert nlp.parse("d") == "D" and blas_threads() == before
    assert seen == [[1] * len(before)] * 4


def test_batches_are_cut_by_characters_and_by_count():
    from quizgen.nlp.model import batches

    texts = ["a" * 6, "b" * 6, "c" * 6, "d", "e", "f", "g" * 30]
    assert list(batches(texts, max_chars=10, max_items=3)) == [texts[0:2], texts[2:5], texts[5:]]
    assert list(batches(iter([]))) == []
    assert [len(b) for b in batches(["x"] * 10, max_chars=10**6, max_items=4)] == [4, 4, 2]


def test_the_tokenizer_is_the_models_own(models):
    """quizgen's pipeline starts from an empty tokenizer (quizgen.nlp.model._empty_tokenizer); the model's file fills it."""
    fast, stock = models
    assert fast.config["nlp"]["tokenizer"]["@tokenizers"] == "quizgen.empty_tokenizer.v1"
    assert len(fast.tokenizer.rules) > 1000
    assert fast.tokenizer.to_bytes(exclude=["vocab"]) == stock.tokenizer.to_bytes(exclude=["vocab"])
    text = "Dr. Smith's U.S.-based co-op didn't pay $3.5m (approx.) on 3/4/2021 :-) e.g. www.example.com/a?b=c " + TRICKY
    assert [t.text for t in fast.tokenizer(text)] == [t.text for t in stock.tokenizer(text)]


def test_same_annotation_in_batches_and_for_empty_docs(models):
    fast, stock = models
    texts = ["", "   ", "\n\n", TRICKY, "It is.", "ain't", "gon na"]
    got = [attrs(d) for d in fast.pipe(texts, batch_size=3)]
    want = [attrs(d) for d in stock.pipe(texts, batch_size=3)]
    assert got == want


# A hand-made ruler over a blank pipeline: overlapping rules (the later one must win), sets,
# negated sets, a regex, a two-token rule aimed at its second token (negative index), and one
# aimed at its first; texts are random runs of the words the rules look for.
WORDS = ["gon", "na", "let", "'s", "I", "i", "you", "it", "the", "The", "a", "an", "y'", "all", "cat", " ", "\n"]
RULES = [
    {"patterns": [[{"LOWER": {"IN": ["the", "a", "an"]}}]], "attrs": {"POS": "DET", "MORPH": "PronType=Art"}},
    {"patterns": [[{"LOWER": "the"}]], "attrs": {"MORPH": "Definite=Def|PronType=Art", "LEMMA": "the"}},
    {"patterns": [[{"ORTH": {"NOT_IN": ["I", "The", "cat"]}, "IS_SPACE": False}]], "attrs": {"TAG": "XX"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to", "POS": "PART"}, "index": -1},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    {"patterns": [[{"LOWER": "i"}], [{"LOWER": "you"}]], "attrs": {"POS": "PRON", "LEMMA": "I"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE", "TAG": "_SP"}},
    {"patterns": [[{"TAG": "XX", "LOWER": "it"}]], "attrs": {"POS": "X"}},  # TAG as it was before any rule
]


@pytest.fixture(scope="module")
def blank_rulers():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(RULES)
    fast = compile_ruler(ruler)
    assert fast is not None
    return nlp, ruler, fast


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=12), min_size=1, max_size=4))
def test_hand_made_ruler_matches_spacy(blank_rulers, texts):
    nlp, ruler, fast = blank_rulers
    docs_a = [nlp.make_doc("".join(w if w.isspace() else w + " " for w in words)) for words in texts]
    docs_b = [nlp.make_doc(d.text) for d in docs_a]
    for d in docs_a:
        ruler(d)
    list(fast.pipe(docs_b, batch_size=2))
    key = lambda d: [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in d]  # noqa: E731
    assert [key(d) for d in docs_b] == [key(d) for d in docs_a]


def test_a_rule_it_cannot_copy_keeps_spacys_component():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns([{"patterns": [[{"LOWER": "a", "OP": "+"}]], "attrs": {"LEMMA": "a"}}])
    assert compile_ruler(ruler) is None
    ruler2 = nlp.add_pipe("attribute_ruler", name="ruler2")
    ruler2.add_patterns([{"patterns": [[{"LENGTH": {">=": 3}}]], "attrs": {"LEMMA": "long"}}])
    assert compile_ruler(ruler2) is None


def test_lemmatizer_stand_in_only_for_rule_mode():
    class Lookup:
        mode, overwrite = "lookup", False

    assert FastLemmatizer.wrap(Lookup()) is None


def test_each_device_falls_back_to_spacys_own_behaviour(monkeypatch):
    """Should a future spaCy or thinc change underneath them, the devices step aside."""
    import thinc.api

    from quizgen.nlp import model

    nlp = model.load_model(fast=False)
    before = [(n, type(c).__name__) for n, c in nlp.pipeline]

    def broken(*a, **k):
        raise TypeError("unexpected keyword argument 'use_blis'")

    monkeypatch.setattr(thinc.api, "NumpyOps", broken)
    model._use_numpy_blas(nlp)  # no error: the matrix products stay where spaCy put them
    monkeypatch.setattr(model, "FAST_RULES", {"attribute_ruler": ("quizgen_attribute_ruler", broken),
                                              "lemmatizer": ("quizgen_lemmatizer", broken)})
    model._use_fast_rules(nlp)  # no error: spaCy's own components stay
    assert [(n, type(c).__name__) for n, c in nlp.pipeline] == before
    monkeypatch.setattr(model, "_blas_threads", lambda: None)
    with model.one_blas_thread():  # no threadpoolctl: BLAS threads as they are
        pass
