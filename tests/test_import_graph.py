"""No import loop among the modules of ``server/resolint``.

The graph is built with :mod:`ast` from every import statement: top-level ones and those
inside functions, because a function-level import that closes a loop only hides it. So a
function-level import may remain only to load a module lazily (CLI start-up, optional
Word/export/spaCy parts), never to dodge a loop, and it says so with a ``# lazy: <why>``
comment (checked below). An import under ``if TYPE_CHECKING:`` is left out (it never runs).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "server"
PACKAGE = "resolint"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in (ROOT / PACKAGE).rglob("*.py")}


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or (
        isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, module: str, is_package: bool):
    """(imported module, line, at top level) for every import that can run."""

    def visit(node: ast.AST, top: bool):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for sub in child.orelse:
                    yield from visit(sub, top)
                continue
            if isinstance(child, ast.Import):
                for a in child.names:
                    yield a.name, child.lineno, top
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    pkg = module.split(".") if is_package else module.split(".")[:-1]
                    pkg = pkg[: len(pkg) - (child.level - 1)]
                    base = ".".join(pkg + ([base] if base else []))
                for a in child.names:
                    # "from resolint.x import y": y may be a submodule or a name in x.
                    yield f"{base}.{a.name}", child.lineno, top
                    yield base, child.lineno, top
            else:
                inner = isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
                yield from visit(child, top and not inner)

    yield from visit(tree, True)


def build_graph() -> dict[str, set[str]]:
    """The import graph among our modules (function-level imports included)."""
    modules = _modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for target, _line, _top in _imports(tree, name, path.name == "__init__.py"):
            if target in modules and target != name:
                graph[name].add(target)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import loop (as a path that returns to its start), or None."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = dict.fromkeys(graph, WHITE)
    stack: list[str] = []

    def dfs(node: str) -> list[str] | None:
        colour[node] = GREY
        stack.append(node)
        for nxt in sorted(graph[node]):
            if colour[nxt] == GREY:
                return stack[stack.index(nxt) :] + [nxt]
            if colour[nxt] == WHITE:
                found = dfs(nxt)
                if found:
                    return found
        stack.pop()
        colour[node] = BLACK
        return None

    for node in sorted(graph):
        if colour[node] == WHITE:
            found = dfs(node)
            if found:
                return found
    return None


def _without_parent_packages(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Importing ``a.b`` runs ``a/__init__`` first, but a package that re-exports its own
    submodules is not a loop of ours: drop the edge from a module to its own packages."""
    return {m: {t for t in ts if not m.startswith(t + ".")} for m, ts in graph.items()}


def test_the_cycle_finder_finds_a_loop_and_accepts_a_tree():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_the_graph_sees_function_level_imports():
    tree = ast.parse("import x\nif TYPE_CHECKING:\n    import y\ndef f():\n    import z\n")
    assert [(t, top) for t, _, top in _imports(tree, "m", False)] == [("x", True), ("z", False)]


def test_no_import_loop_in_resolint():
    graph = build_graph()
    assert len(graph) > 50, "the graph should hold every module of server/resolint"
    cycle = find_cycle(_without_parent_packages(graph))
    assert cycle is None, "import loop: " + " -> ".join(cycle)



def _unexplained_function_imports(source: str, module: str = "m", is_package: bool = False) -> list[int]:
    """Lines of function-level imports without a ``# lazy: <why>`` comment."""
    lines = source.splitlines()
    found = {line for _t, line, top in _imports(ast.parse(source), module, is_package) if not top}
    return sorted(n for n in found if "# lazy: " not in lines[n - 1])


def test_the_lazy_check_finds_an_unexplained_import():
    src = "import x\ndef f():\n    import y\ndef g():\n    import z  # lazy: z is slow\n"
    assert _unexplained_function_imports(src) == [3]


def test_every_function_level_import_is_a_deliberate_lazy_load():
    """A function-level import is allowed only to load a heavy or optional module where it
    is used (pygls, python-docx, lxml, spaCy, …), and says why: ``# lazy: <why>`` on its
    first line. Anything else belongs at the top of the module."""
    bad = []
    for name, path in sorted(_modules().items()):
        for line in _unexplained_function_imports(path.read_text(encoding="utf-8"), name, path.name == "__init__.py"):
            bad.append(f"{path.relative_to(ROOT)}:{line}")
    assert not bad, "function-level import without '# lazy: <why>' (move it to the top?): " + ", ".join(bad)


def _top_level_names(tree: ast.Module) -> set[str]:
    """Names a module binds when it runs (not under ``if TYPE_CHECKING:``)."""
    names: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If) and _is_type_checking(node):
                visit(node.orelse)
            elif isinstance(node, (ast.If, ast.Try)):
                for part in (node.body, node.orelse, *(h.body for h in getattr(node, "handlers", []))):
                    visit(part)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names.update((a.asname or a.name).split(".")[0] for a in node.names)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))

    visit(tree.body)
    return names


def _unbound_exports(source: str) -> list[str]:
    tree = ast.parse(source)
    exported = [
        elt.value
        for node in tree.body
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
        for elt in getattr(node.value, "elts", [])
        if isinstance(elt, ast.Constant)
    ]
    return [name for name in exported if name not in _top_level_names(tree)]


def test_the_export_check_finds_a_name_bound_only_for_type_checkers():
    source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from x import A\nB = 1\n__all__ = ['A', 'B']\n"
    assert _unbound_exports(source) == ["A"]


def test_every_exported_name_is_bound_when_its_module_runs():
    """A name in ``__all__`` is defined by the module itself, not left to a module
    ``__getattr__`` or to an import only type checkers see: a lazy export hid that no
    caller used it (``custom_rules`` exported ``RuleSpec`` and ``SpecError`` that way,
    while every user imported them from ``custom_rules.spec``)."""
    found = {name: bad for name, path in sorted(_modules().items()) if (bad := _unbound_exports(path.read_text(encoding="utf-8")))}
    assert found == {}
