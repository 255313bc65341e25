"""The parse cache: spaCy Docs on disk, so that regenerating a quiz does not parse again.

Parsing is nearly all the time ``quizgen generate`` takes. A parse depends only on the
text, the spaCy pipeline and quizgen's own parse stage (:mod:`quizgen.nlp.model`), so each
parsed Doc is stored once under a key made of

* the SHA-256 of the text,
* the model's package name and version (:func:`quizgen.nlp.model.model_key`), spaCy's version and
  numpy's (whose BLAS does the pipeline's matrix products: :func:`quizgen.nlp.model._use_numpy_blas`),
* quizgen's version and a fingerprint of :mod:`quizgen.nlp.model` (the newline rule changes parses),
* :data:`CACHE_FORMAT`.

A change to templates, ranking or question code therefore reuses the parses; a new
model, spaCy or quizgen release parses again.

On top of the parses the cache keeps the questions built from each source, keyed
by the parse key, the source id, the options (formats, min_score, max_per_source,
templates) and a fingerprint of quizgen's code and template files. A re-run on
unchanged input and code then neither parses nor builds questions (nor imports spaCy);
an edit to a template or to question code rebuilds the questions from the cached parses.

Layout: ``<cache dir>/parses/<key[:2]>/<key>.spacy`` and ``<cache dir>/questions/<key[:2]>/<key>.json``;
each parse file is spaCy's own serialisation of one Doc (``Doc.to_bytes`` without tensor and
user data, zlib-compressed): its text and every token attribute (ORTH and spaces, TAG, POS,
LEMMA, DEP, HEAD, SENT_START, ENT_IOB, ENT_TYPE, MORPH, ...) with the strings they need. It
is what a :class:`spacy.tokens.DocBin` of one Doc holds, at a third of DocBin's cost to write.

Files are written atomically (:mod:`quizgen.export.fileio`), so concurrent processes and
interrupted runs never leave a half-written entry; an entry that cannot be read anyway (corrupt, truncated, another
text) is ignored and the text parsed again. A cache that cannot be written (read-only,
disk full) is used read-only, never an error.

The cache directory is ``$QUIZGEN_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/quizgen``,
else ``~/.cache/quizgen``. ``quizgen generate --no-cache`` bypasses it and
``quizgen cache clear`` empties it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import threading
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Optional, Union

from quizgen._version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from quizgen.models import Question, Source

#: Bump when what is stored (or how it is keyed) changes.
CACHE_FORMAT = "2"
#: Sub-directories of the cache directory: parses, and questions built from them.
PARSES = "parses"
QUESTIONS = "questions"
#: What ``Doc.to_bytes`` leaves out: the tok2vec tensor (large; nothing reads it) and user data.
DOC_EXCLUDE = ("tensor", "user_data")
#: zlib level: 1 compresses a parse about 4 times at a fraction of the time of the default 6.
ZLIB_LEVEL = 1

_ENTRY = re.compile(r"[0-9a-f]{64}\.(spacy|json)")
_TMP = re.compile(r"\..*\.tmp")


def cache_dir() -> Path:
    """``$QUIZGEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/quizgen``, else ``~/.cache/quizgen``."""
    explicit = os.environ.get("QUIZGEN_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "quizgen"
    return Path.home() / ".cache" / "quizgen"


@functools.lru_cache(maxsize=1)
def _parse_stage_key() -> str:
    """Everything except the text that decides a parse."""
    from importlib.metadata import PackageNotFoundError, version

    from quizgen.nlp import model as nlp

    def installed(dist: str) -> str:
        try:
            return version(dist)
        except PackageNotFoundError:  # pragma: no cover
            return "?"

    try:  # the code that loads the pipeline and the stand-ins for two of its components
        code = b"".join(Path(nlp.__file__).with_name(name).read_bytes() for name in ("model.py", "fastrules.py"))
    except OSError:  # pragma: no cover - e.g. a zipped install
        code = b""
    return "\x1f".join([CACHE_FORMAT, nlp.model_key(), f"spacy-{installed('spacy')}", f"numpy-{installed('numpy')}",
                        f"quizgen-{__version__}", hashlib.sha256(code).hexdigest()[:16], ",".join(nlp.UNUSED_COMPONENTS)])


def package_dir() -> Path:
    """The ``quizgen`` package folder (this module is in ``quizgen/run/``)."""
    return Path(__file__).resolve().parents[1]


def fingerprint_files() -> list[Path]:
    """Every file whose content the questions depend on: quizgen's Python files, its data files
    (the score's weights) and the templates."""
    pkg = package_dir()
    files = sorted(pkg.rglob("*.py")) + sorted(pkg.rglob("*.json")) + sorted(
        p for p in (pkg / "templates").rglob("*") if p.is_file())
    return [f for f in files if "__pycache__" not in f.parts]


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 over quizgen's Python files, its data files (the score's weights) and template files:
    any edit to them rebuilds questions."""
    pkg = package_dir()
    h = hashlib.sha256(__version__.encode())
    for f in fingerprint_files():
        try:
            data = f.read_bytes()
        except OSError:  # pragma: no cover
            continue
        h.update(f.relative_to(pkg).as_posix().encode() + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()


def _options_key(options: dict) -> str:
    templates = options.get("templates")
    from quizgen.questions.learned import DEFAULT_MIN_SCORE

    return repr((tuple(options.get("formats", ())), float(options.get("min_score", DEFAULT_MIN_SCORE)),
                 options.get("max_per_source"), "default" if templates is None else repr(templates)))


@functools.lru_cache(maxsize=1)
def _blank_vocab() -> "Vocab":
    """A vocabulary to read cached Docs into without loading the model (strings come with each entry)."""
    from quizgen.nlp.spacyimport import import_spacy

    return import_spacy().blank("en").vocab


def _vocab() -> "Vocab":
    from quizgen.nlp import model as nlp

    if nlp.load_model.cache_info().currsize:  # the model is loaded anyway: share its vocabulary
        return nlp.load_model().vocab
    return _blank_vocab()


class ParseCache:
    """Parsed Docs on disk, keyed by text, model and quizgen version (see the module docstring).

    Picklable (it is only a path), so worker processes and Dask workers can share one.
    ``hits``, ``misses`` and ``errors`` count this process's look-ups and failed reads/writes.
    """

    def __init__(self, root: Union[str, "os.PathLike[str]", None] = None) -> None:
        self.root = Path(root) if root is not None else cache_dir()
        self.hits = self.misses = self.errors = 0
        self._writable = True

    def __repr__(self) -> str:
        return f"ParseCache({str(self.root)!r})"

    def __getstate__(self) -> dict:
        return {"root": self.root}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["root"])

    def parse_many(self, texts: Iterable[str]) -> Iterator["Doc"]:
        """:func:`quizgen.nlp.model.parse_many` through this cache: a text parsed before (same
        text, model and quizgen version) is read from it, new parses are stored, and the
        model is loaded only when some text misses."""
        from quizgen.nlp import model as nlp

        for batch in nlp.batches(texts, max_items=nlp.BATCH_SIZE):
            docs: list[Optional["Doc"]] = [self.get(t) for t in batch]
            misses = [i for i, d in enumerate(docs) if d is None]
            if misses:
                for i, doc in zip(misses, nlp.pipe(nlp.load_model(), [batch[i] for i in misses])):
                    self.put(batch[i], doc)
                    docs[i] = doc
            yield from docs  # type: ignore[misc]

    # -- keys and paths ---------------------------------------------------------------
    def key(self, text: str) -> str:
        text_sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        return hashlib.sha256(f"{_parse_stage_key()}\x1f{text_sha}".encode()).hexdigest()

    def path(self, text: str) -> Path:
        k = self.key(text)
        return self.root / PARSES / k[:2] / f"{k}.spacy"

    # -- reading and writing ----------------------------------------------------------
    def get(self, text: str) -> Optional["Doc"]:
        """The cached Doc of ``text``, or None (not cached, or an entry that cannot be read)."""
        p = self.path(text)
        try:
            data = p.read_bytes()
        except OSError:
            self.misses += 1
            return None
        doc = _doc_from_bytes(data, text)
        if doc is None:
            self.errors += 1
            self.misses += 1
            return None
        self.hits += 1
        return doc

    def put(self, text: str, doc: "Doc") -> None:
        """Store the parse of ``text`` (atomically); failures only turn writing off."""
        if not self._writable:
            return
        try:
            _write_entry(self.path(text), zlib.compress(doc_to_bytes(doc), ZLIB_LEVEL))
        except OSError:
            self.errors += 1
            self._writable = False

    # -- questions built from a parse ---------------------------------------------------
    def questions_path(self, source: "Source", options: dict) -> Path:
        text_sha = hashlib.sha256(source.text.encode("utf-8", "surrogatepass")).hexdigest()
        key = "\x1f".join([_parse_stage_key(), code_fingerprint(), source.id, text_sha, _options_key(options)])
        k = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
        return self.root / QUESTIONS / k[:2] / f"{k}.json"

    def get_questions(self, source: "Source", options: dict) -> Optional[list["Question"]]:
        """The questions cached for ``source`` under ``options``, or None."""
        from quizgen.models import Question

        try:
            data = self.questions_path(source, options).read_bytes()
        except OSError:
            return None
        try:
            record = json.loads(data)
            if record.get("sha256") != source.sha256 or record.get("id") != source.id:
                raise ValueError("another source")
            qs = [Question.model_validate(q) for q in record["questions"]]
        except Exception:  # noqa: BLE001 - damaged entry: build the questions again
            self.errors += 1
            return None
        return qs

    def put_questions(self, source: "Source", options: dict, questions: list["Question"]) -> None:
        if not self._writable:
            return
        record = {"id": source.id, "sha256": source.sha256,
                  "questions": [q.model_dump(mode="json") for q in questions]}
        try:
            _write_entry(self.questions_path(source, options), json.dumps(record, ensure_ascii=False).encode("utf-8"))
        except OSError:
            self.errors += 1
            self._writable = False

    # -- maintenance ------------------------------------------------------------------
    def entries(self) -> list[Path]:
        out: list[Path] = []
        for sub in (PARSES, QUESTIONS):
            base = self.root / sub
            if base.is_dir():
                out.extend(p for p in base.glob("??/*") if _ENTRY.fullmatch(p.name) or _TMP.fullmatch(p.name))
        return sorted(out)

    def size(self) -> int:
        total = 0
        for p in self.entries():
            try:
                total += p.stat().st_size
            except OSError:
                pass
        return total

    def clear(self) -> int:
        """Delete every cached parse and question list (nothing else); returns how many parses were removed."""
        n = 0
        for p in self.entries():
            try:
                p.unlink()
                n += p.name.endswith(".spacy")
            except FileNotFoundError:
                pass
        for sub in (PARSES, QUESTIONS):
            base = self.root / sub
            if not base.is_dir():
                continue
            for d in sorted(base.iterdir()):
                if d.is_dir() and len(d.name) == 2:
                    try:
                        d.rmdir()
                    except OSError:
                        pass
            try:
                base.rmdir()
            except OSError:
                pass
        return n


def doc_to_bytes(doc: "Doc") -> bytes:
    """``doc.to_bytes(exclude=DOC_EXCLUDE)``, field for field (``Doc.from_bytes`` reads it), in less time.

    spaCy's ``Doc.to_dict`` gathers the strings a Doc uses (its tags, lemmas, morphology,
    labels, norms) by reading eight string properties of every token in Python; here they
    come from the distinct values of those columns of ``Doc.to_array`` (the morphology as
    ``str(token.morph)`` of one token per distinct analysis, as spaCy writes it). And
    ``srsly.msgpack_dumps`` builds a new packer, looking up its plug-ins in the installed
    packages' metadata, for every call; here one packer per thread is kept. The list of
    strings is sorted (spaCy's comes from a ``set``, in an order that changes between
    processes). A Doc with span groups is left to spaCy.
    """
    import numpy
    from spacy.attrs import DEP, ENT_ID, ENT_KB_ID, ENT_TYPE, LEMMA, MORPH, NORM, TAG
    from spacy.tokens import Doc

    from quizgen.nlp.model import doc_text

    if doc.spans or not len(doc):
        return doc.to_bytes(exclude=list(DOC_EXCLUDE))
    vocab_strings = doc.vocab.strings
    used = numpy.unique(doc.to_array([TAG, LEMMA, DEP, ENT_TYPE, ENT_KB_ID, ENT_ID, NORM]))
    strings = {vocab_strings[int(h)] for h in used}
    _morphs, first = numpy.unique(doc.to_array(MORPH), return_index=True)
    strings.update(str(doc[int(i)].morph) for i in first)
    array_head = Doc._get_array_attrs()
    msg = {
        "text": doc_text(doc),
        "array_head": array_head,
        "array_body": doc.to_array(array_head),
        "sentiment": doc.sentiment,
        "cats": doc.cats,
        "spans": doc.spans.to_bytes(),
        "strings": sorted(strings),
        "has_unknown_spaces": doc.has_unknown_spaces,
    }
    return _packer().pack(msg)


_local = threading.local()


def _packer():
    """A msgpack packer as ``srsly.msgpack_dumps`` makes one (``use_bin_type=True``), one per thread."""
    packer = getattr(_local, "packer", None)
    if packer is None:
        from srsly import msgpack

        packer = _local.packer = msgpack.Packer(use_bin_type=True)
    return packer


def _write_entry(path: Path, data: bytes) -> None:
    """Write a cache entry atomically: a temporary file beside it (``.NAME.PID.TID.tmp``), then a rename.

    Leaner than :func:`quizgen.export.fileio.write_bytes` (which also checks and reports on a
    user's output path): a cache entry's directory is made only when the first write into
    it fails, and a reader sees either no entry or a whole one.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(tmp, flags, 0o666)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _doc_from_bytes(data: bytes, text: str) -> Optional["Doc"]:
    """A Doc from a cache entry, or None when the entry is damaged or holds another text."""
    from spacy.tokens import Doc

    try:
        doc = Doc(_vocab()).from_bytes(zlib.decompress(data), exclude=list(DOC_EXCLUDE))
    except Exception:  # noqa: BLE001 - zlib, msgpack, numpy or spaCy errors: all mean "re-parse"
        return None
    if doc.text != text:
        return None
    return doc


def resolve(cache: Union[bool, "ParseCache", str, "os.PathLike[str]", None]) -> Optional[ParseCache]:
    """``True`` -> the default cache, ``False``/``None`` -> no cache, a path -> a cache there."""
    if cache is None or cache is False:
        return None
    if cache is True:
        return ParseCache()
    if isinstance(cache, ParseCache):
        return cache
    return ParseCache(cache)
