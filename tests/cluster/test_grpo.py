"""GRPO jobs through the operator on the bed (kwok nodes): the reward ConfigMap reaches the
pods and the job runs to Succeeded, a missing ConfigMap fails the job with a condition and one
Event, and the CRD refuses what cannot run.

A trainer that rejects its reward code exits 2, which ends the job InvalidSpec (the state
machine's rule, tests/unit/test_statemachine.py, read from the failed pod by
tests/unit/test_hyperpod_observe.py). It is not driven here: a kwok pod that "exits" is
marked Failed, which the training-operator answers by deleting it at once, so its exit code
is gone before the operator reads it; a real kubelet restarts the container in place and the
pod keeps its last exit code until it is deleted with a grace period (the real-node tests)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from hack.kwok import finish_pod, wait_for
from hack.manifests import job_manifest
from kubernetes.client.exceptions import ApiException

from tests.cluster.helpers import (
    assert_one_event,
    condition,
    create_job,
    pytorchjobs,
    running_pods,
    wait_phase,
)

REWARD = "def correct(prompt, completion, answer, **fields):\n    return float(answer in completion)\n"
REWARDS = [
    {"name": "correct", "function": "correct", "configMap": {"name": "rewards", "key": "reward.py"}},
    {"name": "short", "builtin": "length-penalty", "weight": 0.1},
]


def grpo_manifest(name: str, **spec: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "model": {"name": "tiny-llama"},
        "method": "grpo-lora",
        "rewards": REWARDS,
        "resources": {"instanceType": "ml.m5.4xlarge"},
        "scheduling": {"nodeHealthAffinity": False},  # the bed's kwok CPU nodes carry no HyperPod labels
        **spec,
    }
    return job_manifest(name, **fields)


def create_rewards(core_v1, namespace: str) -> None:
    core_v1.create_namespaced_config_map(
        namespace, {"metadata": {"name": "rewards"}, "data": {"reward.py": REWARD, "notes.md": "kept out"}}
    )


def test_a_grpo_job_gets_its_configmap_reward_and_succeeds(
    operator, custom_objects, core_v1, namespace
) -> None:
    create_rewards(core_v1, namespace)
    create_job(custom_objects, namespace, grpo_manifest("grpo"))
    (pod,) = wait_for(
        lambda: running_pods(core_v1, namespace, "grpo-a1") or None, message="the trainer pod running"
    )
    assert pod.spec.node_name.startswith("cpu-"), pod.spec.node_name
    (config,) = [v for v in pod.spec.volumes if v.name == "config"]
    sources = config.projected.sources
    assert sources[1].config_map.name == "rewards"
    assert [(i.key, i.path) for i in sources[1].config_map.items] == [("reward.py", "code/rewards/reward.py")]
    (pytorchjob,) = pytorchjobs(custom_objects, namespace)
    template = pytorchjob["spec"]["pytorchReplicaSpecs"]["Master"]["template"]
    resolved = yaml.safe_load(template["metadata"]["annotations"]["finetune.dev/trainer-config"])
    assert resolved["method"] == "grpo-lora" and resolved["data"]["format"] == "prompt"
    assert resolved["rewards"][0]["module"] == "/etc/finetune/code/rewards/reward.py"
    job = wait_phase(custom_objects, namespace, "grpo", "Running")
    assert job["status"]["recipe"]["name"] == "tiny-llama-cpu-grpo-lora"

    finish_pod(core_v1, namespace, pod.metadata.name, 0)
    job = wait_phase(custom_objects, namespace, "grpo", "Succeeded")
    assert (
        job["status"]["output"]["path"] == f"/fsx/finetune/{namespace}/grpo/output/{job['metadata']['uid']}"
    )
    assert [j["metadata"]["name"] for j in pytorchjobs(custom_objects, namespace)] == ["grpo-a1"]


def test_a_grpo_job_whose_reward_configmap_is_missing_fails_once_naming_it(
    operator, custom_objects, core_v1, namespace
) -> None:
    create_job(custom_objects, namespace, grpo_manifest("no-cm"))
    job = wait_phase(custom_objects, namespace, "no-cm", "Failed")
    failed = condition(job, "Failed")
    assert failed is not None and failed["reason"] == "InvalidSpec", failed
    assert failed["message"].startswith(
        f"spec.rewards[0].configMap: ConfigMap {namespace}/rewards does not exist"
    ), failed["message"]
    assert pytorchjobs(custom_objects, namespace) == []
    assert_one_event(core_v1, namespace, "no-cm", "InvalidSpec")


ADMISSION_REJECTS = [
    ({"rewards": []}, "methods grpo and grpo-lora need at least one reward function in spec.rewards"),
    (
        {"resources": {"instanceType": "ml.trn1.32xlarge"}},
        "methods grpo and grpo-lora run on the cuda (GPU: ml.g*, ml.p*) and cpu instance families",
    ),
    (
        {"tools": {"s3Uri": "s3://bkt/tools.py", "functions": ["search"]}},
        "s3Uri modules of spec.rewards and spec.tools apply only to backend sagemaker",
    ),
    ({"rewards": [{"name": "x", "builtin": "format"}]}, "builtin format needs pattern"),
    ({"rewards": [REWARDS[1], REWARDS[1]]}, "Duplicate value"),
    (
        {"rewards": [{"name": "x", "function": "f", "configMap": {"name": "c", "key": "reward.sh"}}]},
        "spec.rewards[0].configMap.key",
    ),
]


@pytest.mark.parametrize(("spec", "message"), ADMISSION_REJECTS, ids=[m[:30] for _, m in ADMISSION_REJECTS])
def test_the_crd_refuses_grpo_jobs_that_cannot_run(testbed, custom_objects, namespace, spec, message) -> None:
    with pytest.raises(ApiException) as caught:
        create_job(custom_objects, namespace, grpo_manifest("bad", **spec))
    assert caught.value.status == 422
    assert message in json.loads(caught.value.body)["message"]
