"""Import rules of the segment, summarize and analyze stages, read from their source.

- inside a stage, modules import each other as a tree (no cycle);
- across modules only public names are imported, and imports sit at the top of a module;
- summarize and analyze are siblings: neither imports the other; both read ``segment``'s
  output, and segment imports neither.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "storybrief"
STAGES = ("segment", "summarize", "analyze")


def _modules(stage: str) -> dict[str, ast.Module]:
    out = {}
    for path in sorted((PACKAGE / stage).glob("*.py")):
        name = f"storybrief.{stage}" + ("" if path.stem == "__init__" else f".{path.stem}")
        out[name] = ast.parse(path.read_text(encoding="utf-8"))
    return out


def _imports(tree: ast.Module) -> list[tuple[str, list[str], int]]:
    """(module, names, line) of every ``from storybrief... import`` anywhere in ``tree``."""
    return [
        (node.module, [a.name for a in node.names], node.lineno)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("storybrief")
    ]


@pytest.mark.parametrize("stage", STAGES)
def test_modules_of_a_stage_import_each_other_as_a_tree(stage: str) -> None:
    modules = _modules(stage)
    graph = {
        name: {m for m, _, _ in _imports(tree) if m in modules and m != name}
        for name, tree in modules.items()
    }
    # The package's __init__ may gather its modules; no module may import the package.
    for name, deps in graph.items():
        assert f"storybrief.{stage}" not in deps or name == f"storybrief.{stage}", name
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for dep in graph[node]:
            assert state.get(dep) != 1, f"import cycle: {' -> '.join([*path, node, dep])}"
            if dep not in state:
                visit(dep, [*path, node])
        state[node] = 2

    for name in graph:
        if name not in state:
            visit(name, [])


@pytest.mark.parametrize("stage", STAGES)
def test_only_public_names_cross_modules_and_imports_come_first(stage: str) -> None:
    for name, tree in _modules(stage).items():
        for module, names, line in _imports(tree):
            private = [n for n in names if n.startswith("_")]
            assert not private, f"{name}:{line} imports {private} from {module}"
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
        late = [
            node.lineno
            for node in body[first_code:]
            if isinstance(node, ast.Import | ast.ImportFrom)
        ]
        assert not late, f"{name}: module-level imports below code at lines {late}"


def test_summarize_and_analyze_are_siblings_reading_the_segmentation() -> None:
    for stage, other in (("summarize", "analyze"), ("analyze", "summarize")):
        for name, tree in _modules(stage).items():
            bad = [m for m, _, _ in _imports(tree) if m.startswith(f"storybrief.{other}")]
            assert not bad, f"{name} imports {bad}"
    for name, tree in _modules("segment").items():
        bad = [
            m
            for m, _, _ in _imports(tree)
            if m.startswith(("storybrief.summarize", "storybrief.analyze"))
        ]
        assert not bad, f"{name} imports {bad}"


@pytest.mark.parametrize("stage", STAGES)
def test_no_module_over_400_lines(stage: str) -> None:
    for path in (PACKAGE / stage).glob("*.py"):
        n = len(path.read_text(encoding="utf-8").splitlines())
        assert n <= 400, f"{path.name}: {n} lines"
