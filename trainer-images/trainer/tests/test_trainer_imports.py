"""The trainer's imports point one way: no module imports, even lazily, one that imports it back.

`runtime` (which device, this process's rank) imports nothing of the package; the platforms stand
on it, and `device` (which picks a platform) stands on them. Every import counts here, inside
functions and under TYPE_CHECKING too: a lazy import that closes a loop is still a loop to read.
"""

from __future__ import annotations

import ast
from pathlib import Path

import finetune_trainer

PACKAGE = Path(finetune_trainer.__file__).parent


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module -> the package's modules it imports anywhere in its source."""
    modules = {path.stem for path in package.glob("*.py")} - {"__init__"}
    name = package.name
    graph: dict[str, set[str]] = {}
    for module in modules:
        imported: set[str] = set()
        for node in ast.walk(ast.parse((package / f"{module}.py").read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == name:
                imported |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(f"{name}."):
                imported.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                imported |= {a.name.split(".")[1] for a in node.names if a.name.startswith(f"{name}.")}
        graph[module] = imported & modules
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every elementary cycle, each listed once from its smallest module name."""
    cycles: list[list[str]] = []

    def walk(start: str, module: str, path: list[str]) -> None:
        for imported in sorted(graph[module]):
            if imported == start:
                cycles.append(path)
            elif imported > start and imported not in path:
                walk(start, imported, [*path, imported])

    for start in sorted(graph):
        walk(start, start, [start])
    return cycles


def test_the_trainer_package_has_no_import_cycle() -> None:
    assert import_cycles(import_graph(PACKAGE)) == []


def test_runtime_detection_imports_nothing_of_the_package() -> None:
    graph = import_graph(PACKAGE)
    assert graph["runtime"] == set()
    assert "device" not in graph["fsdp"] | graph["neuron"] | graph["checkpoint"] | graph["outputs"]


def test_the_cycle_finder_finds_a_cycle() -> None:
    """Guard against a finder that reports nothing whatever the graph."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "b"}, "d": {"a"}}
    assert import_cycles(graph) == [["a", "b", "c"], ["b", "c"]]
