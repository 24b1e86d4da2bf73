"""What a succeeded job's evaluation and ``spec.publish`` come to (pure; docs/api.md, "Evaluation and
publishing"; docs/architecture.md, "Evaluation and publishing").

The trainer evaluates as its last phase and reports the result in ``status.progress.evaluation``
(HyperPod: its status patch; SageMaker: its progress file, which the backend reads). When the
attempt succeeds, ``evaluated`` turns that into ``status.evaluation`` and an Event, and
``publish_verdict`` decides whether the output is published: no gate, or the gate passes, means the
operator's publish step runs (``publish_step.py``); a failed gate leaves the job Succeeded with
condition ``Published`` False and the gate's reason. Allowlist checks for a target are here too,
so that a target the namespace may not use fails the job before anything trains.
"""

from __future__ import annotations

import dataclasses
import re

from finetune_contract.evaluation import gate_verdict
from finetune_operator.api.evaluation import EvaluationStatus, PublishSpec
from finetune_operator.api.job import FineTuneJob
from finetune_operator.attempt import JobEvent
from finetune_operator.errors import SpecError
from finetune_operator.patterns import matches_any

CONDITION_PUBLISHED = "Published"
PUBLISHING = "Publishing"
"""Reason of ``Published`` False while the publish step runs or is retried."""


class PublishTargetNotAllowedError(SpecError):
    """spec.publish names a registry repository or S3 prefix the namespace's allowlist lacks."""

    reason = "PublishTargetNotAllowed"


@dataclasses.dataclass(frozen=True)
class OciTarget:
    registry: str
    repository: str
    tag: str

    @property
    def name(self) -> str:
        """``<registry>/<repository>``: what allowlist patterns match."""
        return f"{self.registry}/{self.repository}"


@dataclasses.dataclass(frozen=True)
class S3Target:
    bucket: str
    prefix: str

    @property
    def name(self) -> str:
        return f"{self.bucket}/{self.prefix}".rstrip("/")


_OCI = re.compile(r"^oci://(?P<registry>[^/]+)/(?P<repository>[^:]+):(?P<tag>[^:/]+)$")
_S3 = re.compile(r"^s3://(?P<bucket>[^/]+)/?(?P<prefix>.*)$")


def parse_target(target: str) -> OciTarget | S3Target:
    """The target the CRD's pattern admitted, split into its parts."""
    oci = _OCI.match(target)
    if oci is not None:
        return OciTarget(oci["registry"], oci["repository"], oci["tag"])
    s3 = _S3.match(target)
    if s3 is None:
        raise ValueError(f"spec.publish.target {target!r} is neither oci:// nor s3://")
    return S3Target(s3["bucket"], s3["prefix"].rstrip("/"))


def allowlist_key(target: OciTarget | S3Target) -> str:
    """What a namespace's publish allowlist patterns are written against: ``oci://<registry>/<repository>``
    or ``s3://<bucket>/<prefix>``."""
    return f"oci://{target.name}" if isinstance(target, OciTarget) else f"s3://{target.name}"


def check_publish_target(publish: PublishSpec | None, namespace: str, allowed: list[str]) -> None:
    """Refuses a target the namespace's allowlist does not admit (before anything trains)."""
    if publish is None:
        return
    key = allowlist_key(parse_target(publish.target))
    if not matches_any(key, allowed):
        shown = ", ".join(allowed) if allowed else "empty: jobs in it publish nowhere"
        raise PublishTargetNotAllowedError(
            f"spec.publish.target: {key} is not allowed in namespace {namespace}; the platform's publish "
            f"allowlist for it is [{shown}] (operator config publish.allowlist)"
        )


def evaluated(job: FineTuneJob) -> tuple[EvaluationStatus | None, list[JobEvent]]:
    """The current attempt's final evaluation, as the trainer reported it, and its Event."""
    progress = job.status.progress
    reported = progress.evaluation if progress is not None else None
    if job.spec.evaluation is None or reported is None or reported.attempt != job.status.current_attempt:
        return None, []
    shown = ", ".join(f"{name} {value:.4g}" for name, value in sorted(reported.metrics.items()))
    rewards = reported.rewards or {}
    if rewards:
        shown += " (" + ", ".join(f"{name} {value:.4g}" for name, value in sorted(rewards.items())) + ")"
    return reported, [JobEvent("Normal", "Evaluated", f"{shown} on {reported.examples} held-out examples")]


@dataclasses.dataclass(frozen=True)
class PublishVerdict:
    publish: bool
    reason: str
    message: str


def publish_verdict(job: FineTuneJob, evaluation: EvaluationStatus | None) -> PublishVerdict | None:
    """Whether the succeeded job's output is published: None without spec.publish."""
    publish = job.spec.publish
    if publish is None:
        return None
    when = publish.when
    if when is None:
        return PublishVerdict(True, PUBLISHING, f"publishing to {publish.target}")
    if evaluation is None:
        return PublishVerdict(
            False, "NotEvaluated", "the trainer reported no evaluation for the attempt that succeeded"
        )
    verdict = gate_verdict(evaluation.metrics, when.metric, when.below, when.above)
    if not verdict.passed:
        return PublishVerdict(False, verdict.reason, f"{verdict.message}: not published to {publish.target}")
    return PublishVerdict(True, PUBLISHING, f"{verdict.message}: publishing to {publish.target}")
