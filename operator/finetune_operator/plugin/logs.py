"""``logs``: an attempt's output, from one of its pods or one of its CloudWatch log streams.

HyperPod attempts are PyTorchJobs: node rank 0 runs in ``<job>-a<N>-master-0`` and node rank
``r`` > 0 in ``<job>-a<N>-worker-<r-1>`` (the training-operator gives a Worker index ``i`` the
rank ``i+1``). SageMaker writes each instance's output to the log group
``/aws/sagemaker/TrainingJobs``, one stream per host named ``<training job>/algo-<i>-<epoch>``;
host ``algo-<r+1>`` is node rank ``r``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TextIO

from kubernetes.client.exceptions import ApiException

from finetune_operator.attempt import attempt_name
from finetune_operator.plugin.cluster import api_message
from finetune_operator.plugin.data import pod_state

SAGEMAKER_LOG_GROUP = "/aws/sagemaker/TrainingJobs"
POLL_SECONDS = 5.0


class NoLogsError(Exception):
    """The job has nothing to show yet (no attempt, or no log stream)."""


def no_attempt_message(job: dict[str, Any]) -> str:
    """Why a job without an attempt has no logs: a pending job has none yet; a job that ended
    before its first attempt (e.g. an invalid spec) never will, and its Failed condition says why."""
    name, status = job["metadata"]["name"], job.get("status") or {}
    phase = status.get("phase") or "Pending"
    if phase not in ("Succeeded", "Failed"):
        return f"{name} has no attempt yet (phase {phase})"
    ended = next(
        (c for c in status.get("conditions") or [] if c.get("type") in ("Failed", "Succeeded")), None
    )
    why = f": {ended.get('reason')}" if ended and ended.get("reason") else ""
    why += f" ({ended['message']})" if ended and ended.get("message") else ""
    return f"{name} ended ({phase}{why}) before any attempt started, so no trainer ever wrote logs"


def rank_pod_name(job: dict[str, Any], rank: int = 0) -> str:
    """The pod of node rank ``rank`` of the job's current attempt."""
    attempt = (job.get("status") or {}).get("currentAttempt") or 0
    if not attempt:
        raise NoLogsError(no_attempt_message(job))
    base = attempt_name(job["metadata"]["name"], attempt)
    return f"{base}-master-0" if rank == 0 else f"{base}-worker-{rank - 1}"


def wait_for_container(
    core: Any,
    namespace: str,
    pod: str,
    report: Callable[[str], None],
    still_running: Callable[[], bool],
    poll_seconds: float = POLL_SECONDS,
) -> None:
    """Returns once ``pod``'s container has started (or ended), saying through ``report`` what
    it waits for whenever that changes: the pod's creation, the scheduler, an image pull, an init
    container. Raises NoLogsError if the attempt ends first."""
    shown = ""
    while True:
        try:
            state = pod_state(
                core.api_client.sanitize_for_serialization(core.read_namespaced_pod(pod, namespace))
            )
        except ApiException as err:
            if err.status != 404:
                raise NoLogsError(f"cannot read pod {pod}: {api_message(err)}") from None
            state = None
        if state is not None and state.phase in ("Running", "Succeeded", "Failed"):
            return
        what = state.summary if state else "not created yet"
        detail = f": {state.message}" if state and state.message else ""
        line = f"waiting for pod {pod} to start: {what}{detail}"
        if line != shown:
            report(line)
            shown = line
        if not still_running():
            raise NoLogsError(f"the attempt ended before pod {pod} started ({what}{detail})")
        time.sleep(poll_seconds)


def follow_pod(
    core: Any,
    namespace: str,
    pod: str,
    follow: bool,
    out: TextIO,
    tail: int | None = None,
    since_seconds: int | None = None,
) -> None:
    options: dict[str, Any] = {"follow": follow, "_preload_content": False}
    if tail is not None:
        options["tail_lines"] = tail
    if since_seconds is not None:
        options["since_seconds"] = since_seconds
    try:
        # The trainer is the pod's one container (init containers aside): no name needed.
        response = core.read_namespaced_pod_log(pod, namespace, **options)
    except ApiException as err:
        hint = " (logs -f waits for it)" if err.status == 400 and not follow else ""
        raise NoLogsError(f"no logs from pod {pod}: {api_message(err)}{hint}") from None
    try:
        for chunk in response.stream(decode_content=True):
            out.write(chunk.decode("utf-8", errors="replace"))
            out.flush()
    finally:
        response.release_conn()


def training_job_name(job: dict[str, Any]) -> str:
    status = job.get("status") or {}
    name = (status.get("sagemaker") or {}).get("trainingJobName") or (status.get("backendRef") or {}).get(
        "name"
    )
    if not name:
        raise NoLogsError(f"{job['metadata']['name']} has no SageMaker training job yet")
    return str(name)


def rank_stream(logs: Any, training_job: str, rank: int = 0) -> str | None:
    """The log stream of host ``algo-<rank+1>`` of ``training_job``, if it exists yet."""
    prefix = f"{training_job}/algo-{rank + 1}-"
    streams = logs.describe_log_streams(logGroupName=SAGEMAKER_LOG_GROUP, logStreamNamePrefix=prefix).get(
        "logStreams", []
    )
    names = sorted(s["logStreamName"] for s in streams)
    return names[0] if names else None


def follow_cloudwatch(
    logs: Any,
    training_job: str,
    follow: bool,
    still_running: Callable[[], bool],
    out: TextIO,
    rank: int = 0,
    tail: int | None = None,
    since_seconds: int | None = None,
) -> None:
    """Prints host ``algo-<rank+1>``'s stream (its last ``tail`` events, those of the last
    ``since_seconds``); with ``follow``, polls until ``still_running()`` is false."""
    stream = None
    token: str | None = None
    while True:
        if stream is None:
            stream = rank_stream(logs, training_job, rank)
        if stream is not None:
            while True:
                kwargs: dict[str, Any] = {
                    "logGroupName": SAGEMAKER_LOG_GROUP,
                    "logStreamName": stream,
                    "startFromHead": tail is None,
                }
                if token:
                    kwargs["nextToken"] = token
                elif tail is not None:
                    kwargs["limit"] = tail
                if since_seconds is not None and not token:
                    kwargs["startTime"] = int((time.time() - since_seconds) * 1000)
                page = logs.get_log_events(**kwargs)
                for event in page.get("events", []):
                    out.write(event["message"].rstrip("\n") + "\n")
                out.flush()
                if page.get("nextForwardToken") == token:
                    break
                token = page.get("nextForwardToken")
        if not follow or not still_running():
            if stream is None:
                raise NoLogsError(
                    f"no log stream for host algo-{rank + 1} of training job {training_job} in "
                    f"{SAGEMAKER_LOG_GROUP} yet"
                )
            return
        time.sleep(POLL_SECONDS)
