"""The operator's modules import one another without circles, and core reaches backends only
through the registry (hack/import_graph.py measures; docs/architecture.md, "Module map").

A circle makes every module in it a precondition of every other: none can be read, tested or
imported alone. A core module that imports a backend's module for a word it needs ties the
backend-neutral core to one backend's code.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from hack.import_graph import OPERATOR_PACKAGE, circles, core_arrows, import_graph

ROOT = Path(__file__).resolve().parents[2]
TRAINER_PACKAGE = ROOT / "trainer-images" / "trainer" / "src" / "finetune_trainer"

REGISTRY_WIRING = {"admission", "cli", "handlers", "plugin.main", "reconciler"}
"""The core modules that dispatch on ``spec.backend`` through the registry: admission (a backend's
own spec rules), the render commands (cli, plugin), the reconciler (its backends) and the kopf
handlers (the watches backends declare). Everything else, configuration included, is backend-free."""


def test_the_operator_has_no_import_circles():
    assert circles(import_graph(OPERATOR_PACKAGE)) == []


def test_the_trainer_has_no_import_circles():
    assert circles(import_graph(TRAINER_PACKAGE)) == []


def test_core_modules_reach_backends_only_through_the_registry():
    into_backends, into_registry = core_arrows(import_graph(OPERATOR_PACKAGE))
    assert into_backends == []
    assert {source for source, _ in into_registry} <= REGISTRY_WIRING


def test_the_graph_sees_every_form_of_import(tmp_path: Path):
    """Relative, absolute, ``from package import module``, function-level and TYPE_CHECKING imports
    are all arrows; a circle through them is found and a module outside the package is ignored."""
    package = tmp_path / "pkg"
    (package / "backends" / "one").mkdir(parents=True)
    files = {
        "__init__.py": "",
        "core.py": """
            from typing import TYPE_CHECKING
            import json
            if TYPE_CHECKING:
                from pkg.words import Word
            def f():
                from .backends.one import impl
        """,
        "words.py": "from . import core\n",
        "other.py": "import pkg.words\nfrom pkg.backends import registry\n",
        "backends/__init__.py": "",
        "backends/registry.py": "from ..words import *\n",
        "backends/one/__init__.py": "",
        "backends/one/impl.py": "import os\nfrom pkg import backends\n",
    }
    for name, text in files.items():
        (package / name).write_text(textwrap.dedent(text))
    graph = import_graph(package)
    assert graph["core"] == {"words", "backends.one.impl"}
    assert graph["other"] == {"words", "backends.registry"}
    assert graph["backends.registry"] == {"words"}
    assert graph["backends.one.impl"] == {"backends"}
    assert circles(graph) == [["core", "words"]]
    assert core_arrows(graph) == ([("core", "backends.one.impl")], [("other", "backends.registry")])


def test_the_script_ends_with_its_figures_as_json():
    result = subprocess.run(
        [sys.executable, str(ROOT / "hack" / "import_graph.py"), str(TRAINER_PACKAGE)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["package"] == "finetune_trainer"
    assert figures["circles"] == [] and figures["modules"] > 10
