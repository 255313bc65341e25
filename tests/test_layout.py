"""The package layout shows the pipeline's stages, and no two modules import each other."""

import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "quizgen"
STAGES = ["read", "nlp", "facts", "questions", "export", "run"]


def _modules() -> dict[str, Path]:
    mods = {}
    for p in PKG.rglob("*.py"):
        parts = ["quizgen", *p.relative_to(PKG).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods[".".join(parts)] = p
    return mods


def import_graph() -> dict[str, set[str]]:
    """Module -> the quizgen modules it imports (at the top or inside functions); the package
    ``quizgen`` itself (its public re-exports) is left out."""
    mods = _modules()
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for m, p in mods.items():
        pkg = m if p.name == "__init__.py" else m.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = pkg.split(".")[: len(pkg.split(".")) - node.level + 1] if node.level else []
                target = ".".join(base + ([node.module] if node.module else []))
                names = [target] + [f"{target}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            graph[m] |= {n for n in names if n in mods and n != m and n != "quizgen" and not m.startswith(n + ".")}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles():
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_each_stage_is_a_subpackage_and_the_top_level_stays_small():
    for stage in STAGES:
        assert (PKG / stage / "__init__.py").is_file(), stage
    top = sorted(p.name for p in PKG.glob("*.py"))
    assert len(top) <= 10, top


def test_the_stages_depend_downstream_only():
    """read and nlp know nothing of facts or questions; facts nothing of questions; nothing below
    the command line imports it."""
    later = {"read": ["facts", "questions", "export", "run"], "nlp": ["facts", "questions", "export", "run", "read"],
             "facts": ["questions", "export", "run"], "export": ["questions", "run", "facts", "nlp"]}
    for m, deps in import_graph().items():
        parts = m.split(".")
        if len(parts) > 2 and parts[1] in later:
            for d in deps:
                dparts = d.split(".")
                assert not (len(dparts) > 1 and dparts[1] in later[parts[1]]), f"{m} imports {d}"
        assert "quizgen.cli" not in deps or m == "quizgen.__main__", f"{m} imports the command line"


def test_importing_quizgen_loads_no_spacy():
    code = "import sys, quizgen, quizgen.pipeline; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_every_package_is_listed_for_installation():
    """``pyproject.toml`` names the packages explicitly: a subpackage missing there would work in an
    editable install and be absent from a wheel."""
    import tomllib

    config = tomllib.loads((PKG.parent / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    packages = {".".join(["quizgen", *p.parent.relative_to(PKG).parts]) for p in PKG.rglob("__init__.py")}
    assert packages <= listed, sorted(packages - listed)
