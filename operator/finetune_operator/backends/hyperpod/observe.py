"""Pure reading of a PyTorchJob (and its pods) into an attempt Observation."""

from __future__ import annotations

from typing import Any

from finetune_operator.backends.base import AttemptState, Observation

CONTRACT_INVALID_CONFIG_EXIT_CODE = 2


def observe_pytorchjob(
    pytorchjob: dict[str, Any], pods: list[dict[str, Any]], output_path: str
) -> Observation:
    """Map training-operator conditions to an attempt state.

    A terminal condition wins over Running (the training-operator leaves older conditions
    in the list with status False, but ordering is not guaranteed after restarts).
    """
    status = pytorchjob.get("status") or {}
    active = {c.get("type"): c for c in status.get("conditions") or [] if c.get("status") == "True"}
    suspended = bool(((pytorchjob.get("spec") or {}).get("runPolicy") or {}).get("suspend"))
    for kind, state in (
        ("Succeeded", AttemptState.SUCCEEDED),
        ("Failed", AttemptState.FAILED),
        ("Suspended", AttemptState.SUSPENDED),
        ("Running", AttemptState.RUNNING),
        ("Restarting", AttemptState.RUNNING),
    ):
        if kind in active:
            condition = active[kind]
            return Observation(
                state=state,
                reason=condition.get("reason") or kind,
                message=condition.get("message") or "",
                exit_code=failure_exit_code(pods) if state == AttemptState.FAILED else None,
                output_path=output_path if state == AttemptState.SUCCEEDED else None,
                suspended=suspended,
            )
    return Observation(state=AttemptState.PENDING, reason="Created", message="", suspended=suspended)


def failure_exit_code(pods: list[dict[str, Any]]) -> int | None:
    """The trainer exit code that explains a failure: 2 (invalid config) first, then any non-zero."""
    codes: list[int] = []
    for pod in pods:
        for container in (pod.get("status") or {}).get("containerStatuses") or []:
            if container.get("name") != "pytorch":
                continue
            for state_key in ("state", "lastState"):
                terminated = (container.get(state_key) or {}).get("terminated") or {}
                code = terminated.get("exitCode")
                if isinstance(code, int) and code != 0:
                    codes.append(code)
    if CONTRACT_INVALID_CONFIG_EXIT_CODE in codes:
        return CONTRACT_INVALID_CONFIG_EXIT_CODE
    return codes[0] if codes else None
