"""How the converter's modules import each other: in layers you can see in the folders, no cycle,
and every import of the project at a module's top, where a reader of the code sees what depends on
what.

The layers, each allowed to import only itself and the layers before it (README "How the converter
is built"): model (the contract), text (rules of written Japanese), config (the catalog and data
files), read (source files → lines), structure (lines → sections and blocks), enrich (anchors,
links, themes, glossary, search vocabularies), check (conservation, warnings, outlines), write
(pages, index, feed). ``pipeline`` and ``convert`` at the top run them.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
ATLAS = SCRIPTS / "atlas"
LAYERS = ["model", "text", "config", "read", "structure", "enrich", "check", "write"]
TOP = len(LAYERS)  # pipeline.py and convert.py, beside the layer folders


def _modules() -> dict[str, Path]:
    """Every module by its dotted name under atlas: "read.read_pdf", "convert"."""
    return {".".join(path.relative_to(ATLAS).with_suffix("").parts): path
            for path in sorted(ATLAS.rglob("*.py")) if path.name != "__init__.py"}


def _project_imports(tree: ast.AST) -> list[ast.ImportFrom]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level >= 1]


def _target(module: str, node: ast.ImportFrom, alias: str) -> str:
    """The dotted module an import names: ``from ..text.numbering import X`` in "read.read_pdf"."""
    package = module.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    named = [*base, *(node.module.split(".") if node.module else [alias])]
    return ".".join(named)


def _import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        targets: set[str] = set()
        for node in _project_imports(ast.parse(path.read_text(encoding="utf-8"))):
            for alias in node.names:
                target = _target(module, node, alias.name)
                targets.add(target if target in modules else f"{target}.{alias.name}")
        graph[module] = targets
    return graph


def _layer(module: str) -> int:
    head = module.split(".")[0]
    return LAYERS.index(head) if head in LAYERS else TOP


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


def test_every_module_sits_in_a_layer_folder() -> None:
    loose = [module for module in _modules() if _layer(module) == TOP and module not in {"pipeline", "convert"}]
    assert loose == []


def test_no_module_imports_a_later_layer() -> None:
    graph = _import_graph()
    backwards = sorted(f"{module} → {target}" for module, targets in graph.items()
                       for target in targets if _layer(target) > _layer(module))
    assert backwards == []


def test_every_import_names_a_module_that_exists() -> None:
    modules = _modules()
    unknown = sorted(f"{module} → {target}" for module, targets in _import_graph().items()
                     for target in targets if target not in modules)
    assert unknown == []


def test_no_module_imports_itself_through_others() -> None:
    graph = _import_graph()
    cycles = {module: _cycle_through(module, graph) for module in graph}
    assert {m: c for m, c in cycles.items() if c} == {}


def test_the_graph_sees_real_imports() -> None:
    graph = _import_graph()  # the checks above would pass on an empty graph
    assert "model.document" in graph["write.write"] and "model.document" in graph["structure.structure"]
    assert "text.numbering" in graph["read.read_pdf"]
    assert _layer("write.search") > _layer("enrich.themes") > _layer("read.read_pdf") > _layer("model.document")


def test_project_modules_are_imported_at_the_top_of_a_module() -> None:
    inside_functions = []
    for module, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                inside_functions += [f"{module}:{node.lineno}" for node in _project_imports(function)]
    assert inside_functions == []


def test_loading_the_catalog_imports_no_reader_or_structure_step() -> None:
    """The catalog checks entries against their files' lines, but knows nothing of how a source is
    read into a document: it can be loaded (and its errors shown) without the PDF libraries."""
    probe = ("import sys; sys.path.insert(0, sys.argv[1]); import atlas.config.catalog; "
             "print('\\n'.join(sorted(m for m in sys.modules if m.startswith(('atlas.', 'pypdfium2', 'pdfplumber')))))")
    loaded = subprocess.run([sys.executable, "-c", probe, str(SCRIPTS)], capture_output=True, text=True,
                            check=True).stdout.split()
    assert "atlas.config.catalog" in loaded
    later = [m for m in loaded if m.startswith("atlas.") and _layer(m.removeprefix("atlas.")) > LAYERS.index("config")]
    assert later == []
    assert not any(m.startswith(("pypdfium2", "pdfplumber")) for m in loaded)
