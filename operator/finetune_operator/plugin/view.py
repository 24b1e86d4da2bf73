"""What ``status`` and ``list`` print: pure functions of a FineTuneJob (as read from the API).

The status view is redrawn on every change while ``status`` follows a job: a progress bar with
the step of the total, the percentage, tokens per second and the ETA the trainer reports, a
sparkline of the losses seen while following, the attempts and the conditions.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

SPARK = "▁▂▃▄▅▆▇█"
BAR_WIDTH = 30
TERMINAL_PHASES = ("Succeeded", "Failed", "Stopped")


def progress_bar(step: int, total: int, width: int = BAR_WIDTH) -> str:
    done = 0 if total <= 0 else min(width, step * width // total)
    return "[" + "#" * done + "-" * (width - done) + "]"


def sparkline(values: Sequence[float]) -> str:
    if not values:
        return ""
    low, high = min(values), max(values)
    span = high - low
    if span == 0:
        return SPARK[len(SPARK) // 2] * len(values)
    return "".join(SPARK[min(len(SPARK) - 1, int((v - low) / span * len(SPARK)))] for v in values)


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def human_duration(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    if minutes:
        return f"{minutes}m{secs:02d}s"
    return f"{secs}s"


def eta_text(progress: dict[str, Any], now: datetime) -> str:
    estimate = progress.get("estimatedCompletionTime")
    if not estimate:
        return "ETA unknown"
    remaining = (parse_time(estimate) - now).total_seconds()
    return f"ETA {human_duration(remaining)} ({estimate})"


def progress_line(progress: dict[str, Any], now: datetime) -> str:
    step, total = progress.get("step"), progress.get("totalSteps")
    if step is None:
        return "progress: no report from the trainer yet"
    parts = [f"step {step}"]
    if total:
        parts = [
            progress_bar(step, total),
            f"step {step}/{total}",
            progress.get("percent") or f"{step * 100 // total}%",
        ]
    if progress.get("tokensPerSecond") is not None:
        parts.append(f"{progress['tokensPerSecond']:.0f} tokens/s")
    if progress.get("reward") is not None:  # GRPO: the step's mean reward
        parts.append(f"reward {progress['reward']:.4g}")
    if total:
        parts.append(eta_text(progress, now))
    return "  ".join(parts)


def blocked_line(status: dict[str, Any]) -> str | None:
    """What keeps the attempt from starting (condition AttemptBlocked: a pod the scheduler cannot
    place, an image that cannot be pulled, a crash loop, a missing claim), right under the
    progress line that would otherwise only say that nothing was reported yet."""
    for condition in status.get("conditions") or []:
        if condition.get("type") == "AttemptBlocked" and condition.get("status") == "True":
            return f"blocked: {condition.get('reason', '')}: {condition.get('message', '')}"
    return None


def usage_line(usage: dict[str, Any], now: datetime) -> str | None:
    """``status.usage`` in one line: the finished attempts' totals, and how long the running
    attempt has run so far (status counts it once it is over)."""
    if not usage:
        return None
    parts = [f"usage {usage.get('instanceHours', 0):.4g} instance-hours"]
    parts += [f"{hours:.4g} {kind}-hours" for kind, hours in (usage.get("acceleratorHours") or {}).items()]
    if usage.get("tokensProcessed") is not None:
        parts.append(f"{usage['tokensProcessed']:,} tokens")
    if usage.get("estimatedCost") is not None:
        parts.append(f"est. cost {usage['estimatedCost']:.2f} {usage.get('currency') or ''}".rstrip())
    elif usage.get("unpricedInstanceTypes"):
        parts.append(f"no price for {', '.join(usage['unpricedInstanceTypes'])}")
    for entry in usage.get("attempts") or []:
        if entry.get("wallSeconds") is None and entry.get("startTime"):
            machines = (
                f" on {entry.get('instanceCount', 1)} x {entry['instanceType']}"
                if entry.get("instanceType")
                else ""
            )
            running = human_duration((now - parse_time(entry["startTime"])).total_seconds())
            parts.append(f"attempt {entry['attempt']} running for {running}{machines}")
    return ", ".join(parts)


def queue_line(status: dict[str, Any]) -> str | None:
    """Where the attempt stands in its Kueue queue (HyperPod task governance): queued, admitted
    or preempted, with Kueue's reason while it waits, and what preemptions have cost so far."""
    queue = status.get("queue") or {}
    if not queue:
        return None
    line = f"queue {queue['name']}: {queue.get('state', '-')}"
    if queue.get("state") != "Admitted" and queue.get("reason"):
        line += f" ({queue['reason']}" + (f": {queue['message']}" if queue.get("message") else "") + ")"
    if queue.get("preemptions"):
        line += f"  preemptions {queue['preemptions']} ({queue.get('stepsLost', 0)} steps trained again)"
    return line


def queue_cell(status: dict[str, Any]) -> str:
    """``list``'s QUEUE: the LocalQueue and the attempt's state in it, '-' for a job without one."""
    queue = status.get("queue") or {}
    return f"{queue['name']}/{queue.get('state', '-')}" if queue else "-"


def render_status(job: dict[str, Any], losses: Sequence[float], now: datetime) -> str:
    meta, spec, status = job["metadata"], job.get("spec") or {}, job.get("status") or {}
    model = (spec.get("model") or {}).get("name") or (spec.get("model") or {}).get("uri")
    max_attempts = (spec.get("resume") or {}).get("maxAttempts", 3)
    lines = [
        f"{meta['name']}  phase {status.get('phase', 'Pending')}  "
        f"attempt {status.get('currentAttempt', 0)}/{max_attempts}  "
        f"{spec.get('method')} of {model} "
        f"on {spec.get('backend', 'hyperpod')}",
        progress_line(status.get("progress") or {}, now),
    ]
    blocked = blocked_line(status)
    if blocked:
        lines.append(blocked)
    queued = queue_line(status)
    if queued:
        lines.append(queued)
    sagemaker = status.get("sagemaker") or {}
    if sagemaker:
        secondary = f"/{sagemaker['secondaryStatus']}" if sagemaker.get("secondaryStatus") else ""
        lines.append(f"sagemaker {sagemaker['trainingJobName']}: {sagemaker['trainingJobStatus']}{secondary}")
    progress = status.get("progress") or {}
    if progress.get("loss") is not None:
        lines.append(f"loss {progress['loss']:.4g}  {sparkline(losses)}")
    if progress.get("validationLoss") is not None:
        accuracy = progress.get("validationRewardAccuracy")
        ranked = f"  reward accuracy {accuracy:.1%}" if accuracy is not None else ""
        step = progress.get("validationStep")
        after = f" after step {step}" if step is not None else ""  # periodic passes name their step
        lines.append(f"validation loss {progress['validationLoss']:.4g}{after}{ranked}")
    used = usage_line(status.get("usage") or {}, now)
    if used:
        lines.append(used)
    latest = (status.get("checkpoint") or {}).get("latest")
    if latest:
        lines.append(f"checkpoint step {latest['step']}: {latest['path']}")
    rollbacks = (status.get("health") or {}).get("rollbacks") or []
    if rollbacks:
        lines.append("rollbacks:")
        for r in rollbacks:
            lines.append(
                f"  attempt {r['attempt']} step {r['step']} -> step {r['restoredStep']}, "
                f"learning rate {r['learningRate']:.3g}: {r['reason']}"
            )
    attempts = status.get("attempts") or []
    if attempts:
        lines.append("attempts:")
        walls = {
            entry["attempt"]: entry["wallSeconds"]
            for entry in (status.get("usage") or {}).get("attempts") or []
            if entry.get("wallSeconds") is not None
        }
        for a in attempts:
            outcome = a.get("result") or "running"
            why = f" ({a['reason']})" if a.get("reason") else ""
            resumed = f", resumed from {a['resumedFrom']}" if a.get("resumedFrom") else ""
            wall = f", ran {human_duration(walls[a['attempt']])}" if a["attempt"] in walls else ""
            preempted = a.get("preemptions") or []
            times = f", preempted {len(preempted)}x ({preempted[-1].get('reason')})" if preempted else ""
            lines.append(f"  {a['attempt']}  {a['name']}  {outcome}{why}{resumed}{times}{wall}")
    conditions = status.get("conditions") or []
    if conditions:
        lines.append("conditions:")
        for c in conditions:
            message = f": {c['message']}" if c.get("message") else ""
            lines.append(f"  {c['type']}={c['status']}  {c.get('reason', '')}{message}")
    output = (status.get("output") or {}).get("path")
    if output:
        lines.append(f"output: {output}")
    lines += evaluation_lines(status)
    return "\n".join(lines)


def evaluation_lines(status: dict[str, Any]) -> list[str]:
    """The final evaluation (status.evaluation) and where publishing stands (condition Published)."""
    lines = []
    evaluation = status.get("evaluation") or {}
    if evaluation.get("metrics"):
        shown = "  ".join(f"{name} {value:.4g}" for name, value in sorted(evaluation["metrics"].items()))
        lines.append(f"evaluation: {shown}  ({evaluation.get('examples')} held-out examples)")
        rewards = evaluation.get("rewards") or {}
        if rewards:
            lines.append(
                "  rewards: " + "  ".join(f"{name} {value:.4g}" for name, value in sorted(rewards.items()))
            )
        if evaluation.get("artifact"):
            lines.append(f"  generations: {evaluation['artifact']}")
    published = next((c for c in status.get("conditions") or [] if c["type"] == "Published"), None)
    if published is not None:
        publish = status.get("publish") or {}
        if published["status"] == "True":
            lines.append(f"published: {(status.get('output') or {}).get('reference')}")
        else:
            tries = f" (try {publish['attempts']})" if publish.get("attempts") else ""
            lines.append(f"not published{tries}: {published['reason']}: {published.get('message', '')}")
    return lines


CONDITION_RANK = {
    "Failed": 0,
    "Succeeded": 1,
    "DeletionBlocked": 2,
    "Suspended": 4,
    "Running": 5,
    "Submitted": 6,
    "RecipeChanged": 7,
}
"""Which true condition explains a job best, lowest first. A type not listed (one that says
what blocks an attempt, e.g. AttemptBlocked) ranks 3: after the end and a blocked deletion,
before the ordinary progress of Suspended, Running and Submitted."""
BLOCKER_RANK = 3


def list_reason(job: dict[str, Any]) -> str:
    """The job's ``status.reason`` (the operator's own choice, as the REASON printer column shows
    it); for an operator that does not write it, the reason of the most relevant true condition
    (CONDITION_RANK); '-' if none."""
    reason = (job.get("status") or {}).get("reason")
    if reason:
        return str(reason)
    conditions = [c for c in (job.get("status") or {}).get("conditions") or [] if c.get("status") == "True"]
    if not conditions:
        return "-"
    best = min(conditions, key=lambda c: CONDITION_RANK.get(c.get("type", ""), BLOCKER_RANK))
    return str(best.get("reason") or "-")


def render_list(jobs: Sequence[dict[str, Any]], now: datetime, with_namespace: bool = False) -> str:
    header = (
        "NAME",
        "PHASE",
        "REASON",
        "METHOD",
        "MODEL",
        "BACKEND",
        "PROGRESS",
        "LOSS",
        "VAL-LOSS",
        "ATTEMPT",
        "QUEUE",
        "ETA",
        "INST-HOURS",
        "COST",
        "AGE",
    )
    rows = [("NAMESPACE", *header) if with_namespace else header]
    for job in jobs:
        spec, status = job.get("spec") or {}, job.get("status") or {}
        progress = status.get("progress") or {}
        usage = status.get("usage") or {}
        estimate = progress.get("estimatedCompletionTime")
        created = job["metadata"].get("creationTimestamp")
        row = (
            job["metadata"]["name"],
            status.get("phase", "Pending"),
            list_reason(job),
            str(spec.get("method", "")),
            str((spec.get("model") or {}).get("name") or "-"),
            str(spec.get("backend", "hyperpod")),
            progress.get("percent") or "-",
            f"{progress['loss']:.4g}" if progress.get("loss") is not None else "-",
            f"{progress['validationLoss']:.4g}" if progress.get("validationLoss") is not None else "-",
            str(status.get("currentAttempt", 0)),
            queue_cell(status),
            human_duration((parse_time(estimate) - now).total_seconds())
            if estimate and status.get("phase") not in TERMINAL_PHASES
            else "-",
            f"{usage['instanceHours']:.4g}" if usage.get("instanceHours") is not None else "-",
            f"{usage['estimatedCost']:.2f}" if usage.get("estimatedCost") is not None else "-",
            human_duration((now - parse_time(created)).total_seconds()) if created else "-",
        )
        rows.append((str(job["metadata"].get("namespace", "")), *row) if with_namespace else row)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "   ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows
    )


def exit_code_for(phase: str | None) -> int:
    """``status`` exits 0 only for Succeeded, so scripts can wait on it."""
    return 0 if phase == "Succeeded" else 1


def now_utc() -> datetime:
    return datetime.now(UTC)
