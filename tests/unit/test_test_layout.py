"""The tests' own layout: no test module imports another.

A test module that imports another one runs the other's module-level code, shares its fixtures by
accident (pytest collects an imported fixture as the importer's own) and makes a helper's home a
test file nobody thinks of when changing it. Helpers shared by several test modules live in helper
modules (tests/cluster/helpers.py, tests/fake_kube.py, ...) instead.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
TEST_ROOTS = (REPO_ROOT / "tests", REPO_ROOT / "trainer-images" / "trainer" / "tests")


def is_test_module(name: str) -> bool:
    """Whether a dotted module name names a test module (`tests.cluster.test_operator`)."""
    return name.rsplit(".", 1)[-1].startswith("test_")


def imported_modules(tree: ast.Module) -> set[str]:
    """Every module an `import` or `from ... import` statement names, at any depth, with the names
    a `from` import takes (`from tests.cluster import test_operator` imports a test module too)."""
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom):  # `from . import test_x`
            modules.update(alias.name for alias in node.names)
    return modules


def modules_importing_test_modules(roots: tuple[Path, ...]) -> dict[Path, list[str]]:
    """Each test file under `roots` that imports test modules, with the ones it imports."""
    found = {}
    for root in roots:
        for path in sorted(root.rglob("test_*.py")):
            imported = sorted(m for m in imported_modules(ast.parse(path.read_text())) if is_test_module(m))
            if imported:
                found[path] = imported
    return found


def test_no_test_module_imports_another_test_module() -> None:
    offenders = {
        str(path.relative_to(REPO_ROOT)): imported
        for path, imported in modules_importing_test_modules(TEST_ROOTS).items()
    }
    assert not offenders, (
        "test modules import other test modules; move what they share into a helper module "
        f"(e.g. tests/cluster/helpers.py): {offenders}"
    )


def test_the_check_sees_every_kind_of_import(tmp_path: Path) -> None:
    (tmp_path / "test_a.py").write_text(
        "from tests.cluster.test_operator import create_job\n"
        "def f():\n    import tests.cluster.test_kubectl\n"
        "from tests.cluster import test_grpo\n"
        "from tests.cluster.helpers import wait_for\n"
    )
    (tmp_path / "test_clean.py").write_text("from tests.cluster.helpers import wait_for\nimport pytest\n")
    assert modules_importing_test_modules((tmp_path,)) == {
        tmp_path / "test_a.py": [
            "tests.cluster.test_grpo",
            "tests.cluster.test_kubectl",
            "tests.cluster.test_operator",
        ]
    }


def test_every_cluster_module_runs_in_exactly_one_bed_lane() -> None:
    """A cluster module missing from BED_LANES would run as a scope of its own on a third worker,
    beside both lanes and outside their ordering; one listed twice would be ambiguous."""
    from tests.conftest import BED_LANES

    listed = [module for modules in BED_LANES.values() for module in modules]
    on_disk = sorted(
        str(path.relative_to(REPO_ROOT)) for path in (REPO_ROOT / "tests" / "cluster").glob("test_*.py")
    )
    assert sorted(listed) == on_disk
