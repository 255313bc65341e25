"""quizgen.nlp.spacyimport: spaCy without its command line, which still works when somebody uses it.

Each check runs in a fresh interpreter: what is imported depends on the whole process.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

TEXT = ("Cuba released 553 prisoners on Monday, officials in Havana said. "
        "The U.S. State Department's spokesman didn't comment until 3 p.m.")


def run(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip().splitlines()[-1]


def test_loading_the_model_leaves_spacys_command_line_unimported():
    out = json.loads(run("""
        import json, sys
        from quizgen.nlp.model import load_model
        load_model()
        print(json.dumps(sorted(m for m in ("spacy", "spacy.cli.download", "weasel", "typer", "requests") if m in sys.modules)))
    """))
    assert out == ["spacy"]


def test_spacys_command_line_is_there_when_used():
    out = json.loads(run("""
        import json, sys, types
        from quizgen.nlp.model import load_model
        load_model()
        import spacy, spacy.cli
        download = spacy.cli.download                         # first use: the real package is imported
        real = sys.modules["spacy.cli"]
        from spacy.cli import info
        facts = spacy.info(silent=True)
        print(json.dumps([callable(download), spacy.cli is real, hasattr(real, "__file__"),
                          "weasel" in sys.modules, info is spacy.info, "spacy_version" in facts]))
    """))
    assert out == [True, True, True, True, True, True]


def test_a_spacy_imported_by_somebody_else_is_left_alone():
    out = run("""
        import sys
        import spacy
        from quizgen.nlp.spacyimport import import_spacy
        print(import_spacy() is spacy and "weasel" in sys.modules and type(sys.modules["spacy.cli"]).__name__ == "module")
    """)
    assert out == "True"


def test_the_annotation_is_the_same_as_after_a_plain_import():
    parse = """
        import json
        from quizgen.nlp.model import load_model
        doc = load_model()(%r)
        print(json.dumps([[t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start]
                          for t in doc]))
    """ % TEXT
    deferred = run(parse)
    plain = run("import spacy\n" + textwrap.dedent(parse))
    assert json.loads(deferred) == json.loads(plain)
    assert len(json.loads(deferred)) > 20


def test_a_spacy_that_needs_its_command_line_at_import_is_imported_whole(tmp_path):
    """Fail safe: should a future spaCy want its real command line while it is imported, the
    stand-ins are dropped and spaCy is imported as it is, instead of failing."""
    pkg = tmp_path / "spacy"
    (pkg / "cli").mkdir(parents=True)
    (pkg / "cli" / "info.py").write_text("def info():\n    return 'info'\n")
    (pkg / "cli" / "__init__.py").write_text("app = 'the real command line'\n")
    (pkg / "__init__.py").write_text(textwrap.dedent("""
        import types
        from . import cli
        assert type(cli) is types.ModuleType, "a stand-in"   # this spaCy refuses the stand-in
        from .cli.info import info
    """))
    out = run(f"""
        import sys
        sys.path.insert(0, {str(tmp_path)!r})
        from quizgen.nlp.spacyimport import import_spacy
        spacy = import_spacy()
        print(spacy.__file__.startswith({str(tmp_path)!r}), spacy.cli.app, type(sys.modules['spacy.cli']).__name__)
    """)
    assert out == "True the real command line module"
