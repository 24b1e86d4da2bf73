"""The Argo CD resource customizations under argocd/, run as Argo CD runs them.

Every case of ``health_test.yaml`` and ``actions/action_test.yaml`` (Argo CD's own test
format) is executed here under a real Lua 5.1 interpreter (lupa's ``lua51``, the dialect of
Argo CD's gopher-lua) with the standard libraries Argo CD leaves out removed, so a script
that reads files or the clock fails here as it would in Argo CD. The inputs are
``kubectl get -o yaml`` output captured on the bed (hack/capture_argocd_testdata.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lupa.lua51 as lua51
import pytest
import yaml
from hack import argocd_cm

REPO = Path(__file__).resolve().parents[2]
CUSTOMIZATIONS = REPO / "argocd" / "resource_customizations"
FINETUNEJOB = CUSTOMIZATIONS / "finetune.dev" / "FineTuneJob"
FINETUNESWEEP = CUSTOMIZATIONS / "finetune.dev" / "FineTuneSweep"
KINDS = (FINETUNEJOB, FINETUNESWEEP)
UNAVAILABLE_IN_ARGOCD = ("io", "os", "debug", "package", "require", "dofile", "loadfile", "load")


def to_lua(runtime: Any, value: Any) -> Any:
    if isinstance(value, dict):
        return runtime.table_from({k: to_lua(runtime, v) for k, v in value.items()})
    if isinstance(value, list):
        return runtime.table_from([to_lua(runtime, v) for v in value])
    return value


def from_lua(value: Any) -> Any:
    """A Lua table as a list when its keys are 1..n, else a dict; an empty table as None
    (Lua cannot tell an empty list from an empty map; Argo CD's converter cannot either)."""
    if lupa_type(value) != "table":
        return value
    items = dict(value.items())
    if not items:
        return None
    if all(isinstance(k, int) for k in items) and sorted(items) == list(range(1, len(items) + 1)):
        return [from_lua(items[i]) for i in range(1, len(items) + 1)]
    return {k: from_lua(v) for k, v in items.items()}


def lupa_type(value: Any) -> str | None:
    return lua51.lua_type(value)


def without_empty(value: Any) -> Any:
    if isinstance(value, dict):
        cleaned = {k: without_empty(v) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in (None, {}, [])} or None
    if isinstance(value, list):
        return [without_empty(v) for v in value] or None
    return value


def run_script(script: Path, obj: dict[str, Any]) -> Any:
    """Runs ``script`` with the global ``obj``, as Argo CD does, and returns its result."""
    runtime = lua51.LuaRuntime(unpack_returned_tuples=True, register_eval=False, register_builtins=False)
    lua_globals = runtime.globals()
    for name in UNAVAILABLE_IN_ARGOCD:
        lua_globals[name] = None
    lua_globals.obj = to_lua(runtime, obj)
    chunk = runtime.execute("return loadstring(...)", script.read_text(), f"@{script.name}")
    if chunk is None:
        raise AssertionError(f"{script} does not compile")
    return from_lua(chunk())


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text())


def health_cases(kind: Path = FINETUNEJOB) -> list[dict[str, Any]]:
    return list(load_yaml(kind / "health_test.yaml")["tests"])


def action_file(kind: Path = FINETUNEJOB) -> dict[str, Any]:
    return dict(load_yaml(kind / "actions" / "action_test.yaml"))


def kind_cases(cases: str) -> list[Any]:
    """(kind directory, case) of every kind's health or discovery or action tests."""
    found = []
    for kind in KINDS:
        listed = health_cases(kind) if cases == "health" else action_file(kind)[cases]
        found.extend(pytest.param(kind, case, id=f"{kind.name}-{_case_id(case)}") for case in listed)
    return found


def _case_id(case: dict[str, Any]) -> str:
    stem = Path(case["inputPath"]).stem
    return f"{case['action']}-{stem}" if "action" in case else stem


@pytest.mark.parametrize(("kind", "case"), kind_cases("health"))
def test_health(kind: Path, case: dict[str, Any]) -> None:
    obj = load_yaml(kind / case["inputPath"])
    assert run_script(kind / "health.lua", obj) == case["healthStatus"]


@pytest.mark.parametrize(("kind", "case"), kind_cases("discoveryTests"))
def test_action_discovery(kind: Path, case: dict[str, Any]) -> None:
    actions = kind / "actions"
    obj = load_yaml(actions / case["inputPath"])
    offered = run_script(actions / "discovery.lua", obj)
    assert sorted(({"name": k, **v} for k, v in offered.items()), key=lambda a: a["name"]) == sorted(
        case["result"], key=lambda a: a["name"]
    )


@pytest.mark.parametrize(("kind", "case"), kind_cases("actionTests"))
def test_action(kind: Path, case: dict[str, Any]) -> None:
    """Paths are relative to actions/, as in Argo CD: inputs are the objects in ../testdata,
    expected outputs (the input with the action's change) in actions/testdata."""
    actions = kind / "actions"
    obj = load_yaml(actions / case["inputPath"])
    result = run_script(actions / case["action"] / "action.lua", obj)
    expected = load_yaml(actions / case["expectedOutputPath"])
    assert without_empty(result) == without_empty(expected)


def test_every_phase_has_real_testdata() -> None:
    """Each phase the operator writes, and no status at all, is covered by a captured object."""
    phases = set()
    for case in health_cases():
        obj = load_yaml(FINETUNEJOB / case["inputPath"])
        assert obj["kind"] == "FineTuneJob" and obj["metadata"].get("uid"), case["inputPath"]
        phases.add((obj.get("status") or {}).get("phase"))
    assert {None, "Submitted", "Running", "Resuming", "Suspended", "Succeeded", "Failed"} <= phases


def test_every_sweep_phase_has_testdata() -> None:
    """Each phase the operator writes on a FineTuneSweep, and no status at all. These objects are
    the operator's own decisions (sweep/plan.py) on trials in each state."""
    phases = set()
    for case in health_cases(FINETUNESWEEP):
        obj = load_yaml(FINETUNESWEEP / case["inputPath"])
        assert obj["kind"] == "FineTuneSweep" and obj["metadata"].get("uid"), case["inputPath"]
        phases.add((obj.get("status") or {}).get("phase"))
    assert {None, "Running", "Suspended", "Succeeded", "Failed"} <= phases


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_testdata_file_is_used(kind: Path) -> None:
    used = {(kind / case["inputPath"]).resolve() for case in health_cases(kind)}
    actions = action_file(kind)
    root = kind / "actions"
    for case in actions["discoveryTests"]:
        used.add((root / case["inputPath"]).resolve())
    for case in actions["actionTests"]:
        used |= {(root / case["inputPath"]).resolve(), (root / case["expectedOutputPath"]).resolve()}
    on_disk = {p.resolve() for p in kind.glob("**/testdata/*.yaml")}
    assert on_disk == used


def test_a_script_using_a_library_argo_cd_lacks_fails(tmp_path: Path) -> None:
    script = tmp_path / "health.lua"
    script.write_text('local f = io.open("/etc/passwd")\nreturn {status = "Healthy"}\n')
    with pytest.raises(lua51.LuaError):
        run_script(script, {"kind": "FineTuneJob"})


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_argocd_cm_snippet_carries_the_scripts_verbatim(kind: Path) -> None:
    data = yaml.safe_load(yaml.safe_dump({"data": argocd_cm.configmap_data()}))["data"]
    assert (
        data[f"resource.customizations.health.finetune.dev_{kind.name}"] == (kind / "health.lua").read_text()
    )
    actions = yaml.safe_load(data[f"resource.customizations.actions.finetune.dev_{kind.name}"])
    assert actions["discovery.lua"] == (kind / "actions" / "discovery.lua").read_text()
    assert {a["name"]: a["action.lua"] for a in actions["definitions"]} == {
        name: (kind / "actions" / name / "action.lua").read_text() for name in ("resume", "suspend")
    }
