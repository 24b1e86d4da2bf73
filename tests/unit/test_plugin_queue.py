"""`kubectl finetune` and HyperPod task governance (Kueue): submit's --queue-name/--priority, and
status and list showing a job queued, admitted or preempted, with its queue."""

from __future__ import annotations

import shlex
from datetime import UTC, datetime
from typing import Any

import pytest

from finetune_operator import yamlio
from finetune_operator.plugin import view
from finetune_operator.plugin.main import main

QUEUE = "hyperpod-ns-team-a-localqueue"
SUBMIT = (
    "submit --job-name j --model-name llama-3.1-8b --training-type lora --data-jsonl /fsx/data/team-a/d.jsonl"
)


def test_submit_puts_the_queue_and_priority_on_the_job(capsys: pytest.CaptureFixture[str]) -> None:
    argv = shlex.split(f"{SUBMIT} -n team-a -o yaml --queue-name {QUEUE} --priority training-priority")
    assert main([*argv, "--max-preemptions", "2"], None) == 0
    (job,) = yamlio.load_documents(capsys.readouterr().out)
    assert job["spec"]["scheduling"] == {"queueName": QUEUE, "priorityClass": "training-priority"}
    assert job["spec"]["resume"] == {"maxPreemptions": 2}


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        ("--queue Bad_Queue", "--queue Bad_Queue: String should match pattern"),
        ("--max-preemptions 101", "(the bound of spec.resume.maxPreemptions)"),
        (
            "--backend sagemaker --queue q --s3-bucket b",
            "--queue applies to --backend hyperpod only",
        ),
    ],
)
def test_submit_refuses_what_the_api_server_would(
    flags: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(shlex.split(f"{SUBMIT} -o yaml {flags}"), None) == 2
    assert message in capsys.readouterr().err


def governed(state: str, reason: str = "", message: str = "", preemptions: int = 0) -> dict[str, Any]:
    attempt: dict[str, Any] = {"attempt": 1, "name": "j-a1", "startTime": "2026-11-22T10:00:00Z"}
    if preemptions:
        attempt["preemptions"] = [{"time": "2026-11-22T10:01:00Z", "reason": "InClusterQueue"}] * preemptions
    return {
        "metadata": {"name": "j", "namespace": "hyperpod-ns-team-a"},
        "spec": {"method": "lora", "model": {"name": "llama-3.1-8b"}},
        "status": {
            "phase": "Queued" if state != "Admitted" else "Running",
            "reason": "Requeued" if state == "Preempted" else "Queued",
            "currentAttempt": 1,
            "attempts": [attempt],
            "queue": {
                "name": QUEUE,
                "state": state,
                "reason": reason,
                "message": message,
                "preemptions": preemptions,
                "stepsLost": 0,
            },
        },
    }


def test_status_shows_why_the_queue_holds_the_job_and_what_preemptions_cost() -> None:
    now = datetime.now(UTC)
    waiting = view.render_status(governed("Queued", "Pending", "insufficient unused quota for cpu"), [], now)
    assert f"queue {QUEUE}: Queued (Pending: insufficient unused quota for cpu)" in waiting
    preempted = view.render_status(governed("Preempted", "Preempted", "to accommodate", 1), [], now)
    assert f"queue {QUEUE}: Preempted (Preempted: to accommodate)  preemptions 1 (0 steps trained again)" in (
        preempted
    )
    assert "1  j-a1  running, preempted 1x (InClusterQueue)" in preempted
    admitted = view.render_status(governed("Admitted", "Admitted"), [], now)
    assert f"queue {QUEUE}: Admitted\n" in admitted + "\n"


def test_list_shows_the_queue_and_the_state_in_it() -> None:
    now = datetime.now(UTC)
    jobs = [governed("Preempted", "Preempted", preemptions=1), {**governed("Queued"), "status": {}}]
    header, preempted, plain = view.render_list(jobs, now).splitlines()
    columns = header.split()
    assert dict(zip(columns, preempted.split(), strict=True))["QUEUE"] == f"{QUEUE}/Preempted"
    assert dict(zip(columns, preempted.split(), strict=True))["PHASE"] == "Queued"
    assert dict(zip(columns, plain.split(), strict=True))["QUEUE"] == "-"
