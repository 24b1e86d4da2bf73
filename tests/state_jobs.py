"""FineTuneJobs for the state machine's unit tests, and the status the API server holds after a plan
is written: one definition for the modules that drive `statemachine.decide` step by step."""

from __future__ import annotations

from typing import Any

from finetune_operator.api.job import FineTuneJob
from finetune_operator.statemachine import Plan


def make_job(
    spec_extra: dict[str, Any] | None = None, status: dict[str, Any] | None = None, generation: int = 1
) -> FineTuneJob:
    """A LoRA job of llama-3.1-8b in namespace `n`, with `spec_extra` over its spec."""
    return FineTuneJob.model_validate(
        {
            "metadata": {"name": "j", "namespace": "n", "uid": "u", "generation": generation},
            "spec": {
                "model": {"name": "llama-3.1-8b"},
                "method": "lora",
                "data": {"train": {"path": "/fsx/d.jsonl"}},
                **(spec_extra or {}),
            },
            "status": status or {},
        }
    )


def apply(job: FineTuneJob, plan: Plan) -> FineTuneJob:
    """What the API server would hold after the handler wrote the plan's status."""
    return job.model_copy(update={"status": plan.status})
