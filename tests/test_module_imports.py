"""How the converter's modules import each other: no cycle, and every import of the project at a
module's top, where a reader of the code sees what depends on what."""

from __future__ import annotations

import ast
from pathlib import Path

ATLAS = Path(__file__).resolve().parent.parent / "scripts" / "atlas"


def _project_imports(tree: ast.Module) -> list[ast.ImportFrom]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level >= 1]


def _import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(ATLAS.glob("*.py")):
        targets: set[str] = set()
        for node in _project_imports(ast.parse(path.read_text(encoding="utf-8"))):
            targets.update([node.module.split(".")[0]] if node.module else [a.name for a in node.names])
        graph[path.stem] = targets
    return graph


def _cycle_through(start: str, graph: dict[str, set[str]]) -> list[str] | None:
    """A path of imports from ``start`` back to itself, if there is one."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        module, path = stack.pop()
        for target in sorted(graph.get(module, ())):
            if target == start:
                return [*path, start]
            if target not in seen:
                seen.add(target)
                stack.append((target, [*path, target]))
    return None


def test_no_module_imports_itself_through_others() -> None:
    graph = _import_graph()
    cycles = {module: _cycle_through(module, graph) for module in graph}
    assert {m: c for m, c in cycles.items() if c} == {}


def test_the_graph_sees_real_imports() -> None:
    graph = _import_graph()  # the check above would pass on an empty graph
    assert "model" in graph["write"] and "model" in graph["structure"]


def test_project_modules_are_imported_at_the_top_of_a_module() -> None:
    inside_functions = []
    for path in sorted(ATLAS.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                inside_functions += [f"{path.name}:{node.lineno}" for node in _project_imports(function)]
    assert inside_functions == []
