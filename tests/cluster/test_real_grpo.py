"""A grpo-lora job that really trains on the bed's real node, through the in-cluster operator.

The reward is a Python function in a ConfigMap, as a team keeps it in Git; the operator
projects it into the trainer pod, the trainer imports it from there, scores every rollout
with it, and reports the mean reward in status. The model is the demo's tiny Llama, the
recipe the built-in tiny-llama-cpu-grpo-lora (1 x ml.m5.large, one process), the data prompt
records of the tiny model's copy/reverse tasks with the answer as an extra field.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from hack.chart import REAL_TRAINING_NAMESPACE
from hack.real_job import FSX_MOUNT, RealNodeBed, watch
from hack.tiny_model import task, vocabulary, write_jsonl

JOB = "tiny-grpo"
JOB_TIMEOUT_S = 420
STEPS = 6
REWARD_MODULE = '''"""The tiny model's task: answer with the words of the prompt, copied or reversed."""


def words_right(prompt, completion, answer, **fields):
    """The share of the answer's words the completion has in the right place."""
    expected, given = answer.split(), completion.split()
    return sum(a == b for a, b in zip(expected, given)) / max(len(expected), 1)
'''


def prompt_records(count: int, seed: int) -> list[dict[str, Any]]:
    rng, words = random.Random(seed), vocabulary()
    records = []
    for _ in range(count):
        prompt, answer = task(rng, words)
        records.append({"prompt": [{"role": "user", "content": prompt}], "answer": answer})
    return records


@pytest.fixture(scope="module")
def grpo_run(testbed) -> dict[str, Any]:
    bed = RealNodeBed.connect()
    bed.real_node_ready()
    namespace = REAL_TRAINING_NAMESPACE
    bed.prepare_namespace(namespace)
    bed.write_model()
    bed.forget_job_directory(namespace, JOB)
    data = f"{FSX_MOUNT}/data/{namespace}/prompts/train.jsonl"
    write_jsonl(bed.host_path(data), prompt_records(64, seed=5))
    bed.apply(
        {
            "apiVersion": "v1",
            "kind": "ConfigMap",
            "metadata": {"name": "copy-rewards", "namespace": namespace},
            "data": {"reward.py": REWARD_MODULE},
        }
    )
    bed.apply(
        {
            "apiVersion": "finetune.dev/v1alpha1",
            "kind": "FineTuneJob",
            "metadata": {"name": JOB, "namespace": namespace},
            "spec": {
                "model": {"name": "tiny-llama"},
                "method": "grpo-lora",
                "data": {"train": {"path": data}},
                "rewards": [
                    {
                        "name": "words",
                        "function": "words_right",
                        "configMap": {"name": "copy-rewards", "key": "reward.py"},
                    },
                    {"name": "short", "builtin": "length-penalty", "weight": 0.1},
                ],
                "recipe": {"overrides": {"training.maxSteps": STEPS}},
                "resume": {"maxAttempts": 1},
            },
        }
    )
    status = watch(
        bed,
        namespace,
        JOB,
        lambda s: s if s.get("phase") == "Succeeded" else None,
        JOB_TIMEOUT_S,
        "Succeeded",
    )
    return {"status": status, "records": bed.progress_records(namespace, JOB), "bed": bed}


def test_a_grpo_lora_job_with_a_configmap_reward_succeeds_and_reports_its_reward(grpo_run) -> None:
    status = grpo_run["status"]
    assert status["phase"] == "Succeeded" and status["recipe"]["name"] == "tiny-llama-cpu-grpo-lora"
    progress = status["progress"]
    reward = progress["reward"]  # a whole number comes back from the API server as an int
    assert 1 <= progress["step"] <= STEPS and isinstance(reward, int | float) and reward <= 1.0, progress
    steps = [r for r in grpo_run["records"] if r["type"] == "step"]
    assert [r["step"] for r in steps] == list(range(1, STEPS + 1))
    # The ConfigMap's function scored every rollout: its mean is in every step record.
    assert all(0.0 <= r["rewards"]["words"] <= 1.0 for r in steps), steps
    adapter = grpo_run["bed"].host_path(status["output"]["path"]) / "adapter" / "adapter_model.safetensors"
    assert adapter.exists()


def test_a_reward_module_that_does_not_load_fails_the_job_as_invalid_spec(grpo_run: dict[str, Any]) -> None:
    """Exit 2 from the trainer, naming the ConfigMap's file and line: no new attempt."""
    bed: RealNodeBed = grpo_run["bed"]
    namespace = REAL_TRAINING_NAMESPACE
    bed.apply(
        {
            "apiVersion": "v1",
            "kind": "ConfigMap",
            "metadata": {"name": "broken-rewards", "namespace": namespace},
            "data": {"reward.py": "def words_right(prompt, completion, **fields):\n    return (\n"},
        }
    )
    job = bed.job(namespace, JOB)
    broken = {
        "apiVersion": "finetune.dev/v1alpha1",
        "kind": "FineTuneJob",
        "metadata": {"name": "broken-reward", "namespace": namespace},
        "spec": {
            **job["spec"],
            "rewards": [
                {
                    "name": "words",
                    "function": "words_right",
                    "configMap": {"name": "broken-rewards", "key": "reward.py"},
                }
            ],
            "resume": {"maxAttempts": 3},
        },
    }
    bed.apply(broken)
    status = watch(
        bed,
        namespace,
        "broken-reward",
        lambda s: s if s.get("phase") == "Failed" else None,
        JOB_TIMEOUT_S,
        "Failed",
        show=False,
    )
    failed = next(c for c in status["conditions"] if c["type"] == "Failed")
    assert failed["reason"] == "InvalidSpec", failed
    assert "/etc/finetune/code/broken-rewards/reward.py" in failed["message"], failed["message"]
    assert [a["attempt"] for a in status["attempts"]] == [1] and status["attempts"][0]["exitCode"] == 2
