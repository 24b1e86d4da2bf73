"""``logs``: the current attempt's output, from its master pod or its CloudWatch log stream.

HyperPod attempts are PyTorchJobs whose rank 0 runs in ``<job>-a<N>-master-0``. SageMaker
writes each instance's output to the log group ``/aws/sagemaker/TrainingJobs``, one stream per
host named ``<training job>/algo-<i>-<epoch>``; the first host (algo-1) runs rank 0.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TextIO

from kubernetes.client.exceptions import ApiException

from finetune_operator.attempt import attempt_name
from finetune_operator.plugin.cluster import api_message

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


def master_pod_name(job: dict[str, Any]) -> str:
    attempt = (job.get("status") or {}).get("currentAttempt") or 0
    if not attempt:
        raise NoLogsError(no_attempt_message(job))
    return f"{attempt_name(job['metadata']['name'], attempt)}-master-0"


def follow_pod(core: Any, namespace: str, pod: str, follow: bool, out: TextIO) -> None:
    try:
        # The trainer is the pod's one container (init containers aside): no name needed.
        response = core.read_namespaced_pod_log(pod, namespace, follow=follow, _preload_content=False)
    except ApiException as err:
        raise NoLogsError(f"no logs from pod {pod}: {api_message(err)}") from None
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


def first_stream(logs: Any, training_job: str) -> str | None:
    streams = logs.describe_log_streams(
        logGroupName=SAGEMAKER_LOG_GROUP, logStreamNamePrefix=f"{training_job}/"
    ).get("logStreams", [])
    names = sorted(s["logStreamName"] for s in streams)
    return names[0] if names else None


def follow_cloudwatch(
    logs: Any, training_job: str, follow: bool, still_running: Callable[[], bool], out: TextIO
) -> None:
    """Prints the rank-0 host's stream; with ``follow``, polls until ``still_running()`` is false."""
    stream = None
    token: str | None = None
    while True:
        if stream is None:
            stream = first_stream(logs, training_job)
        if stream is not None:
            while True:
                kwargs: dict[str, Any] = {
                    "logGroupName": SAGEMAKER_LOG_GROUP,
                    "logStreamName": stream,
                    "startFromHead": True,
                }
                if token:
                    kwargs["nextToken"] = token
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
                    f"no log stream for training job {training_job} in {SAGEMAKER_LOG_GROUP} yet"
                )
            return
        time.sleep(POLL_SECONDS)
