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
ACTIONS = FINETUNEJOB / "actions"
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


def health_cases() -> list[dict[str, Any]]:
    return list(load_yaml(FINETUNEJOB / "health_test.yaml")["tests"])


def action_file() -> dict[str, Any]:
    return dict(load_yaml(ACTIONS / "action_test.yaml"))


@pytest.mark.parametrize("case", health_cases(), ids=lambda c: Path(c["inputPath"]).stem)
def test_health(case: dict[str, Any]) -> None:
    obj = load_yaml(FINETUNEJOB / case["inputPath"])
    assert run_script(FINETUNEJOB / "health.lua", obj) == case["healthStatus"]


@pytest.mark.parametrize("case", action_file()["discoveryTests"], ids=lambda c: Path(c["inputPath"]).stem)
def test_action_discovery(case: dict[str, Any]) -> None:
    obj = load_yaml(ACTIONS / case["inputPath"])
    offered = run_script(ACTIONS / "discovery.lua", obj)
    assert sorted(({"name": k, **v} for k, v in offered.items()), key=lambda a: a["name"]) == sorted(
        case["result"], key=lambda a: a["name"]
    )


@pytest.mark.parametrize(
    "case",
    action_file()["actionTests"],
    ids=lambda c: f"{c['action']}-{Path(c['inputPath']).stem}",
)
def test_action(case: dict[str, Any]) -> None:
    """Paths are relative to actions/, as in Argo CD: inputs are the captured objects in
    ../testdata, expected outputs (the input with the action's change) in actions/testdata."""
    obj = load_yaml(ACTIONS / case["inputPath"])
    result = run_script(ACTIONS / case["action"] / "action.lua", obj)
    expected = load_yaml(ACTIONS / case["expectedOutputPath"])
    assert without_empty(result) == without_empty(expected)


def test_every_phase_has_real_testdata() -> None:
    """Each phase the operator writes, and no status at all, is covered by a captured object."""
    phases = set()
    for case in health_cases():
        obj = load_yaml(FINETUNEJOB / case["inputPath"])
        assert obj["kind"] == "FineTuneJob" and obj["metadata"].get("uid"), case["inputPath"]
        phases.add((obj.get("status") or {}).get("phase"))
    assert {None, "Submitted", "Running", "Resuming", "Suspended", "Succeeded", "Failed"} <= phases


def test_every_testdata_file_is_used() -> None:
    used = {(FINETUNEJOB / case["inputPath"]).resolve() for case in health_cases()}
    actions = action_file()
    for case in actions["discoveryTests"]:
        used.add((ACTIONS / case["inputPath"]).resolve())
    for case in actions["actionTests"]:
        used |= {(ACTIONS / case["inputPath"]).resolve(), (ACTIONS / case["expectedOutputPath"]).resolve()}
    on_disk = {p.resolve() for p in FINETUNEJOB.glob("**/testdata/*.yaml")}
    assert on_disk == used


def test_a_script_using_a_library_argo_cd_lacks_fails(tmp_path: Path) -> None:
    script = tmp_path / "health.lua"
    script.write_text('local f = io.open("/etc/passwd")\nreturn {status = "Healthy"}\n')
    with pytest.raises(lua51.LuaError):
        run_script(script, {"kind": "FineTuneJob"})


def test_argocd_cm_snippet_carries_the_scripts_verbatim() -> None:
    data = yaml.safe_load(yaml.safe_dump({"data": argocd_cm.configmap_data()}))["data"]
    assert (
        data["resource.customizations.health.finetune.dev_FineTuneJob"]
        == (FINETUNEJOB / "health.lua").read_text()
    )
    actions = yaml.safe_load(data["resource.customizations.actions.finetune.dev_FineTuneJob"])
    assert actions["discovery.lua"] == (ACTIONS / "discovery.lua").read_text()
    assert {a["name"]: a["action.lua"] for a in actions["definitions"]} == {
        name: (ACTIONS / name / "action.lua").read_text() for name in ("resume", "suspend")
    }
