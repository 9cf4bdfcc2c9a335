"""The package's shape, read from its source (``docs/ARCHITECTURE.md`` draws it). This
file took in ``test_stage_imports.py`` (the segment/summarize/analyze rules), now checked
for every package.

- which package may import which (``ALLOWED``): data flows one way, stage to stage;
- summarize and analyze are siblings: neither imports the other, both read ``segment``;
- no import cycle between modules (imports inside functions count too);
- across modules only public names are imported, and imports sit at the top of a module;
- no module over 400 lines;
- no hidden channels: no ``global``, no cache without a bound, no module-level container
  that a function changes (a registry filled by ``register`` is named below);
- the budget default (150 words) is written once, in ``storybrief/budget.py``.

Exceptions are named here with the reason, never found by a pattern.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "storybrief"
MAX_LINES = 400

# Modules at the bottom: anything may import them, they import only each other.
BASE = frozenset({"errors", "budget", "version", "text", "timestamps", "linear", "model", "lang"})
# Package (or top-level module) -> the packages it may import besides BASE and itself.
# The stages in the order data flows through them, then what is built on them.
ALLOWED: dict[str, frozenset[str]] = {
    name: frozenset(deps.split())
    for name, deps in {
        **dict.fromkeys(BASE, ""),
        "ingest": "clean",  # see BACKWARD
        "clean": "",
        "dedup": "",
        "segment": "dedup",
        "cluster": "ingest dedup",
        "summarize": "segment",
        "analyze": "dedup segment",  # independent origins of a quote, as of a sentence
        "render": "",
        # the options' names are checked against the stages' registries
        "options": "summarize analyze",
        "store": "ingest clean dedup cluster",
        "stream": "ingest clean dedup cluster store",
        "pipeline": "options ingest clean dedup segment cluster summarize analyze store",
        "reader": "options pipeline render store",
        "follow": "ingest store stream reader",
        "service": "options pipeline render store stream reader follow ingest",
        "eval": "options pipeline ingest clean dedup segment cluster summarize analyze store stream",
        "demo": "",
        # corpus scale: the stages' own functions inside Spark partitions
        "spark": "options pipeline ingest clean dedup cluster store",
        "cli": "options pipeline render store stream ingest eval follow service demo spark",
        "__main__": "cli",
        # the facade (``storybrief/__init__``) re-exports the public API
        "__init__": "options pipeline",
    }.items()
}
# Imports against the flow, each with its reason.
BACKWARD = {
    ("ingest", "clean"): "HTML extraction picks its method by the prose the cleaner's line "
    "judge finds in each candidate text (ingest/extract.py)",
}
# Imports the store split left against the rules (none now).
STORE_SPLIT: dict[tuple[str, str], str] = {}
TEMPORARY_GLOBALS: set[str] = set()
TEMPORARY_PRIVATE: set[tuple[str, str]] = set()
LONG_MODULES: set[str] = set()
# Module-level containers a function may change: registries, filled by their ``register``.
REGISTRIES = {("eval/systems.py", "SYSTEMS")}
# The literal 150 where it is no word budget.
NOT_A_BUDGET_150 = {"eval/gate.py": "the trafilatura-eval subset size"}
TEMPORARY_150: set[str] = set()


@cache
def modules() -> dict[str, tuple[Path, ast.Module]]:
    """Dotted name -> (path, parsed source) of every module of the package."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = (path, ast.parse(path.read_text(encoding="utf-8")))
    return out


def rel(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def package_of(module: str) -> str:
    """The package (``cli``), or the top-level module (``pipeline``), ``module`` is in."""
    parts = module.split(".")
    if parts[-1] == "__main__":  # an entry point (``python -m``) runs the command line
        return "__main__"
    return parts[1] if len(parts) > 1 else "__init__"


def imports(tree: ast.Module) -> list[tuple[str, list[str], int]]:
    """(module, names, line) of every import of a storybrief module, anywhere in ``tree``;
    ``from storybrief.x import y`` names ``storybrief.x.y`` when that is a module."""
    known = modules()
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] != "storybrief":
                continue
            subs = [a.name for a in node.names if f"{node.module}.{a.name}" in known]
            for sub in subs:
                out.append((f"{node.module}.{sub}", [], node.lineno))
            names = [a.name for a in node.names if a.name not in subs]
            if names or not subs:
                out.append((node.module, names, node.lineno))
        elif isinstance(node, ast.Import):
            out += [
                (a.name, [], node.lineno) for a in node.names if a.name.startswith("storybrief")
            ]
    return out


def graph() -> dict[str, set[str]]:
    known = modules()
    return {
        name: {m for m, _, _ in imports(tree) if m in known and m != name}
        for name, (_, tree) in known.items()
    }


def test_relative_imports_are_not_used() -> None:
    bad = [
        f"{rel(path)}:{node.lineno}"
        for path, tree in modules().values()
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level
    ]
    assert not bad, bad


def test_each_package_imports_only_what_the_architecture_allows() -> None:
    assert set(ALLOWED) >= {package_of(m) for m in modules()}, "a package missing from ALLOWED"
    bad = []
    for name, (path, tree) in modules().items():
        source = package_of(name)
        for module, _, line in imports(tree):
            target = package_of(module)
            if target in (source, *BASE) or target in ALLOWED[source]:
                continue
            if (source, target) in STORE_SPLIT:
                continue
            bad.append(f"{rel(path)}:{line} ({source}) imports {module}")
    assert not bad, "\n".join(bad)
    for source, target in BACKWARD:
        assert target in ALLOWED[source]


def test_summarize_and_analyze_are_siblings_reading_the_segmentation() -> None:
    for name, (path, tree) in modules().items():
        source = package_of(name)
        targets = {package_of(m) for m, _, _ in imports(tree)}
        if source == "summarize":
            assert "analyze" not in targets, rel(path)
        if source == "analyze":
            assert "summarize" not in targets, rel(path)
        if source == "segment":
            assert not targets & {"summarize", "analyze"}, rel(path)


def test_no_import_cycle_between_modules() -> None:
    edges = graph()
    temporary = {
        (a, b) for a in edges for b in edges[a] if (package_of(a), package_of(b)) in STORE_SPLIT
    }
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for dep in sorted(edges[node]):
            if (node, dep) in temporary:
                continue
            assert state.get(dep) != 1, f"import cycle: {' -> '.join([*path, node, dep])}"
            if dep not in state:
                visit(dep, [*path, node])
        state[node] = 2

    for name in sorted(edges):
        if name not in state:
            visit(name, [])


def test_only_public_names_cross_modules_and_imports_come_first() -> None:
    bad = []
    for name, (path, tree) in modules().items():
        for module, names, line in imports(tree):
            private = [n for n in names if n.startswith("_") and n != "__version__"]
            if private and (name, module) not in TEMPORARY_PRIVATE:
                bad.append(f"{rel(path)}:{line} imports {private} from {module}")
        body = tree.body
        first_code = next(
            (
                k
                for k, node in enumerate(body)
                if not isinstance(node, ast.Import | ast.ImportFrom)
                and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
            ),
            len(body),
        )
        late = [n.lineno for n in body[first_code:] if isinstance(n, ast.Import | ast.ImportFrom)]
        if late:
            bad.append(f"{rel(path)}: module-level imports below code at lines {late}")
    assert not bad, "\n".join(bad)


def test_no_module_over_400_lines() -> None:
    long = {}
    for path, _ in modules().values():
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_LINES:
            long[rel(path)] = n
    assert set(long) <= LONG_MODULES, {k: v for k, v in long.items() if k not in LONG_MODULES}


_MUTATORS = frozenset(
    [
        "append",
        "add",
        "update",
        "setdefault",
        "pop",
        "popitem",
        "clear",
        "extend",
        "insert",
        "remove",
        "discard",
    ]
)
_CONTAINERS = frozenset(["dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque"])


def _module_containers(tree: ast.Module) -> set[str]:
    names = set()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        displays = ast.Dict | ast.List | ast.Set | ast.DictComp | ast.ListComp | ast.SetComp
        made = isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
        if isinstance(value, displays) or (made and value.func.id in _CONTAINERS):  # type: ignore[attr-defined]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def _unbounded_cache(decorator: ast.expr) -> bool:
    text = ast.unparse(decorator)
    if text in ("cache", "functools.cache", "lru_cache", "functools.lru_cache"):
        return True
    return text.startswith(("lru_cache(", "functools.lru_cache(")) and (
        "maxsize=None" in text or text.endswith("()")
    )


def test_no_hidden_channels_between_calls() -> None:
    bad = []
    for path, tree in modules().values():
        shared = _module_containers(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Global) and rel(path) not in TEMPORARY_GLOBALS:
                bad.append(f"{rel(path)}:{node.lineno} global {', '.join(node.names)}")
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            bad += [
                f"{rel(path)}:{node.lineno} {node.name}: a cache without a bound"
                for d in node.decorator_list
                if _unbounded_cache(d)
            ]
            for inner in ast.walk(node):
                changed = None
                if isinstance(inner, ast.Assign | ast.AugAssign | ast.Delete):
                    targets = inner.target if isinstance(inner, ast.AugAssign) else None
                    for t in [targets] if targets else inner.targets:  # type: ignore[union-attr]
                        if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name):
                            changed = t.value.id
                elif (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Attribute)
                    and isinstance(inner.func.value, ast.Name)
                    and inner.func.attr in _MUTATORS
                ):
                    changed = inner.func.value.id
                if changed in shared and (rel(path), changed) not in REGISTRIES:
                    bad.append(
                        f"{rel(path)}:{inner.lineno} {node.name} changes module-level {changed}"
                    )
    assert not bad, "\n".join(bad)


def test_the_budget_default_is_written_once() -> None:
    from storybrief.budget import DEFAULT_WORDS

    found = [
        f"{rel(path)}:{node.lineno}"
        for path, tree in modules().values()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and type(node.value) is int
        and node.value == DEFAULT_WORDS
        and rel(path) not in NOT_A_BUDGET_150
        and rel(path) not in TEMPORARY_150
    ]
    assert len(found) == 1 and found[0].startswith("budget.py:"), found
    # and no parameter called words (the budget) carries a number of its own
    for path, tree in modules().values():
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            a = node.args
            positional = a.posonlyargs + a.args
            defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
            for arg, default in [
                *zip(positional, defaults, strict=True),
                *zip(a.kwonlyargs, a.kw_defaults, strict=True),
            ]:
                literal = isinstance(default, ast.Constant) and isinstance(default.value, int)
                if arg.arg == "words" and literal and rel(path) not in TEMPORARY_150:
                    pytest.fail(f"{rel(path)}:{node.lineno} {node.name}(words={default.value})")
