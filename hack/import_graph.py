"""Measures a Python package's import graph: its import circles and, for the operator, the arrows
from core modules into ``backends/``.

Standard library only (``ast``): nothing is imported, so a broken module still gets measured.
Every import statement counts, wherever it stands (module level, inside a function, under
``if TYPE_CHECKING:``): each is a dependency a reader has to follow, and a circle through a
function-level import is still a circle of knowledge. ``from . import x`` and
``from finetune_operator import x`` count as an arrow to ``x`` when ``x`` is a module.

The operator's rule (docs/architecture.md, "Module map"): a *core* module (anything in
``finetune_operator`` outside ``backends/``) reaches the backends only through the registry,
``backends/registry.py``, the one place that names them. Arrows from core into any other backend
module (the Backend contract, a backend's code) are counted as ``core_to_backend_arrows``;
arrows into the registry are listed as ``core_to_registry_arrows`` (the wiring).

    python hack/import_graph.py                                       # the operator package
    python hack/import_graph.py trainer-images/trainer/src/finetune_trainer

The last line of output is one JSON object with the figures (tests/unit/test_import_graph.py).
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from pathlib import Path

OPERATOR_PACKAGE = Path(__file__).resolve().parents[1] / "operator" / "finetune_operator"
BACKENDS = "backends"
REGISTRY = "backends.registry"


def module_names(package_dir: Path) -> dict[str, Path]:
    """Every module of the package by dotted name relative to the package (``""`` is its
    ``__init__``; ``backends`` is ``backends/__init__.py``)."""
    modules: dict[str, Path] = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = list(path.relative_to(package_dir).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _package_of(module: str, path: Path) -> list[str]:
    """The package a module's relative imports start from, as name parts."""
    parts = module.split(".") if module else []
    return parts if path.name == "__init__.py" else parts[:-1]


def imports_of(module: str, path: Path, package: str, modules: dict[str, Path]) -> set[str]:
    """The package's modules that ``module`` imports (by relative name)."""
    found: set[str] = set()

    def add(name: str) -> None:
        # `import a.b.c` depends on a.b.c; a name not a module (a class) stands for its module.
        while name not in modules and "." in name:
            name = name.rsplit(".", 1)[0]
        if name in modules and name != module:
            found.add(name)

    def relative(absolute: str) -> str | None:
        if absolute == package:
            return ""
        if absolute.startswith(package + "."):
            return absolute[len(package) + 1 :]
        return None

    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = relative(alias.name)
                if target is not None:
                    add(target)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package_of(module, path)
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = relative(node.module or "")
                if target is None:
                    continue
                source = target
            for alias in node.names:
                candidate = f"{source}.{alias.name}" if source else alias.name
                if candidate in modules:
                    add(candidate)  # `from pkg import module`
                else:
                    add(source)
    return found


def import_graph(package_dir: Path) -> dict[str, set[str]]:
    """Module -> the package's modules it imports."""
    modules = module_names(package_dir)
    return {m: imports_of(m, p, package_dir.name, modules) for m, p in modules.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(graph) + 100))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def is_backend(module: str) -> bool:
    return module == BACKENDS or module.startswith(BACKENDS + ".")


def core_arrows(graph: dict[str, set[str]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(arrows from core into backend modules other than the registry, arrows into the registry)."""
    into_backends = sorted(
        (m, t) for m, targets in graph.items() if not is_backend(m) for t in targets if is_backend(t)
    )
    return [a for a in into_backends if a[1] != REGISTRY], [a for a in into_backends if a[1] == REGISTRY]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("package", nargs="?", type=Path, default=OPERATOR_PACKAGE, help="package directory")
    args = parser.parse_args(argv)
    package_dir: Path = args.package.resolve()
    graph = import_graph(package_dir)
    found = circles(graph)
    to_backends, to_registry = core_arrows(graph)
    print(f"{package_dir.name}: {len(graph)} modules, {sum(map(len, graph.values()))} arrows")
    print(f"import circles (strongly connected components of more than one module): {len(found)}")
    for component in found:
        print("  " + " <-> ".join(component))
    print(f"arrows from core modules into backend modules (other than {REGISTRY}): {len(to_backends)}")
    for source, target in to_backends:
        print(f"  {source} -> {target}")
    print(f"arrows from core modules into {REGISTRY} (the wiring): {len(to_registry)}")
    for source, _ in to_registry:
        print(f"  {source}")
    figures = {
        "package": package_dir.name,
        "modules": len(graph),
        "arrows": sum(map(len, graph.values())),
        "circles": found,
        "core_to_backend_arrows": len(to_backends),
        "core_to_registry_arrows": len(to_registry),
    }
    print(json.dumps(figures, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
