"""GRPO on the operator side: rewards and tools in the API, their resolution into the trainer's
config, the device rules, and how the modules reach the HyperPod pods."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.fake_kube import FakeKube

from finetune_operator import yamlio
from finetune_operator.admission import check_rules, parse_job
from finetune_operator.api.recipe import Recipe
from finetune_operator.attempt import AttemptRequest
from finetune_operator.attempts import attempt_request_for_recipe
from finetune_operator.backends.hyperpod.render import CONFIG_ANNOTATION, render_attempt
from finetune_operator.cli import main
from finetune_operator.config import OperatorConfig
from finetune_operator.errors import InvalidSpecError
from finetune_operator.reconciler import Reconciler
from finetune_operator.resolution import apply_overrides

REWARD = (
    "def correct(prompt, completion, answer, **fields):\n    return float(completion.strip() == answer)\n"
)
TOOLS = "def add(a, b):\n    return a + b\n"
CONFIG_MAPS = {"rewards": {"reward.py": REWARD, "notes.txt": "not delivered"}, "tools": {"calc.py": TOOLS}}


def recipe(instance_type: str = "ml.g5.12xlarge", **config: Any) -> Recipe:
    return Recipe.model_validate(
        {
            "kind": "ClusterFineTuneRecipe",
            "metadata": {"name": "tiny-grpo-lora"},
            "spec": {
                "model": "tiny",
                "method": "grpo-lora",
                "resources": {"instanceType": instance_type, "nodes": 1},
                "config": {"grpo": {"numGenerations": 4}, **config},
            },
        }
    )


def grpo_spec(**changes: Any) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "model": {"name": "tiny"},
        "method": "grpo-lora",
        "data": {"train": {"path": "/fsx/data/team-a/math.jsonl"}},
        "resources": {"processesPerNode": 1, "neuronDevices": 0, "efaDevices": 0},
        "rewards": [
            {"name": "correct", "function": "correct", "configMap": {"name": "rewards", "key": "reward.py"}},
            {"name": "boxed", "builtin": "format", "pattern": r".*\\boxed\{.+\}.*", "weight": 0.5},
            {"name": "answer", "builtin": "exact-match", "field": "answer"},
            {"name": "shared", "function": "score", "path": "/fsx/data/team-a/code/shared.py"},
        ],
        "tools": {"configMap": {"name": "tools", "key": "calc.py"}, "functions": ["add"], "maxTurns": 2},
    }
    return {**spec, **changes}


def job_document(spec: dict[str, Any]) -> dict[str, Any]:
    return {
        "apiVersion": "finetune.dev/v1alpha1",
        "kind": "FineTuneJob",
        "metadata": {"name": "math", "namespace": "team-a", "uid": "u-1"},
        "spec": spec,
    }


def request_for(
    spec: dict[str, Any], config_maps: dict[str, dict[str, str]] | None = None, **recipe_args: Any
) -> AttemptRequest:
    job = parse_job(job_document(spec))
    request, _ = attempt_request_for_recipe(
        job,
        recipe(**recipe_args),
        OperatorConfig(),
        1,
        None,
        None,
        CONFIG_MAPS if config_maps is None else config_maps,
    )
    return request


def test_rewards_and_tools_resolve_to_the_paths_the_trainer_imports() -> None:
    config = request_for(grpo_spec()).config
    assert config.data.format.value == "prompt"
    assert config.grpo is not None and config.grpo.num_generations == 4
    assert config.lora is not None and config.dpo is None
    rewards = [r.model_dump(mode="json", exclude_none=True) for r in config.rewards]
    assert rewards == [
        {
            "name": "correct",
            "weight": 1.0,
            "module": "/etc/finetune/code/rewards/reward.py",
            "function": "correct",
        },
        {"name": "boxed", "weight": 0.5, "builtin": "format", "pattern": r".*\\boxed\{.+\}.*"},
        {"name": "answer", "weight": 1.0, "builtin": "exact-match", "field": "answer"},
        {"name": "shared", "weight": 1.0, "module": "/fsx/data/team-a/code/shared.py", "function": "score"},
    ]
    assert config.tools is not None
    assert config.tools.model_dump(mode="json") == {
        "module": "/etc/finetune/code/tools/calc.py",
        "functions": ["add"],
        "maxTurns": 2,
    }


def test_tools_max_turns_defaults_to_the_contract_default() -> None:
    spec = grpo_spec(tools={"configMap": {"name": "tools", "key": "calc.py"}, "functions": ["add"]})
    tools = request_for(spec).config.tools
    assert tools is not None and tools.max_turns == 3


def test_grpo_settings_are_overridable_by_dot_path() -> None:
    spec = grpo_spec(
        recipe={"overrides": {"grpo.beta": 0.04, "grpo.lossType": "dr-grpo", "grpo.temperature": 1}}
    )
    grpo = request_for(spec).config.grpo
    assert grpo is not None
    assert (grpo.beta, grpo.loss_type.value, grpo.temperature, grpo.num_generations) == (
        0.04,
        "dr-grpo",
        1.0,
        4,
    )


def test_the_kl_bias_correction_defaults_to_trls_and_is_overridable() -> None:
    default = request_for(grpo_spec()).config.grpo
    assert default is not None and default.use_bias_correction_kl is True  # TRL 1.16's default
    spec = grpo_spec(recipe={"overrides": {"grpo.useBiasCorrectionKl": False, "grpo.beta": 0.04}})
    overridden = request_for(spec).config.grpo
    assert overridden is not None and overridden.use_bias_correction_kl is False
    with pytest.raises(InvalidSpecError, match=r"grpo.useBiasCorrectionKl'\]: expected boolean, got 1"):
        apply_overrides(recipe().spec.config, {"grpo.useBiasCorrectionKl": 1}, recipe().spec.method)


def test_grpo_section_applies_only_to_grpo_methods() -> None:
    with pytest.raises(
        InvalidSpecError, match=r"grpo.\* applies only to methods grpo, grpo-lora, not 'lora'"
    ):
        apply_overrides(
            recipe().spec.config,
            {"grpo.beta": 0.1},
            parse_job(
                job_document(
                    {"model": {"name": "tiny"}, "method": "lora", "data": {"train": {"path": "/fsx/d"}}}
                )
            ).spec.method,
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"data": {"format": "messages", "train": {"path": "/fsx/d"}}},
            r"GRPO methods \(grpo, grpo-lora\) read prompt",
        ),
        (
            {"recipe": {"overrides": {"grpo.numGenerations": 1}}},
            "grpo.numGenerations: Input should be greater",
        ),
    ],
)
def test_resolution_errors(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidSpecError, match=message):
        request_for(grpo_spec(**changes))


def test_prompt_records_need_a_grpo_method() -> None:
    spec = {
        "model": {"name": "tiny"},
        "method": "lora",
        "data": {"format": "prompt", "train": {"path": "/fsx/d"}},
    }
    with pytest.raises(InvalidSpecError, match=r"GRPO methods .* read prompt records"):
        attempt_request_for_recipe(
            parse_job(job_document(spec)),
            Recipe.model_validate(
                {**recipe().model_dump(by_alias=True), "spec": {"model": "tiny", "method": "lora"}}
            ),
            OperatorConfig(),
            1,
            None,
            None,
        )


@pytest.mark.parametrize(
    ("instance_type", "overrides", "message"),
    [
        (
            "ml.trn1.32xlarge",
            {},
            r"does not run on ml.trn1.32xlarge \(neuron\); GRPO runs on the cuda, cpu families",
        ),
        (
            "ml.c5.4xlarge",
            {"grpo.generationEngine": "vllm"},
            r"grpo.generationEngine: vllm runs only on GPU \(cuda\)",
        ),
        (
            "ml.c5.4xlarge",
            {"lora.loadIn4Bit": True},
            r"lora.loadIn4Bit: 4-bit loading \(bitsandbytes\) needs a GPU",
        ),
    ],
)
def test_device_rules_name_what_to_change(
    instance_type: str, overrides: dict[str, Any], message: str
) -> None:
    spec = grpo_spec(recipe={"overrides": overrides})
    spec["resources"] = {} if instance_type.startswith("ml.trn") else spec["resources"]
    with pytest.raises(InvalidSpecError, match=message):
        request_for(spec, instance_type=instance_type)


def test_vllm_and_4bit_are_accepted_on_a_gpu_type() -> None:
    spec = grpo_spec(recipe={"overrides": {"grpo.generationEngine": "vllm", "lora.loadIn4Bit": True}})
    config = request_for(spec).config
    assert config.grpo is not None and config.grpo.generation_engine.value == "vllm"
    assert config.lora is not None and config.lora.load_in_4bit


@pytest.mark.parametrize(
    ("config_maps", "message"),
    [
        (
            {"tools": {"calc.py": TOOLS}},
            r"spec.rewards\[0\].configMap: ConfigMap team-a/rewards does not exist",
        ),
        (
            {"rewards": {"other.py": ""}, "tools": {"calc.py": TOOLS}},
            r"spec.rewards\[0\].configMap: ConfigMap team-a/rewards has no key 'reward.py' .*keys: other.py",
        ),
        ({"rewards": {"reward.py": REWARD}}, r"spec.tools.configMap: ConfigMap team-a/tools does not exist"),
    ],
)
def test_a_missing_configmap_or_key_is_refused_naming_it(
    config_maps: dict[str, dict[str, str]], message: str
) -> None:
    with pytest.raises(InvalidSpecError, match=message):
        request_for(grpo_spec(), config_maps)


def test_hyperpod_projects_only_the_named_configmap_files_with_the_config() -> None:
    *_, pytorchjob = render_attempt(request_for(grpo_spec()))
    template = pytorchjob["spec"]["pytorchReplicaSpecs"]["Master"]["template"]
    (volume,) = [v for v in template["spec"]["volumes"] if v["name"] == "config"]
    assert volume["projected"]["sources"][1:] == [
        {"configMap": {"name": "rewards", "items": [{"key": "reward.py", "path": "code/rewards/reward.py"}]}},
        {"configMap": {"name": "tools", "items": [{"key": "calc.py", "path": "code/tools/calc.py"}]}},
    ]
    (config_source,) = volume["projected"]["sources"][0]["downwardAPI"]["items"]
    assert config_source["path"] == "config.yaml"
    (mount,) = [m for m in template["spec"]["containers"][0]["volumeMounts"] if m["name"] == "config"]
    assert mount == {"name": "config", "mountPath": "/etc/finetune", "readOnly": True}
    config = yaml.safe_load(template["metadata"]["annotations"][CONFIG_ANNOTATION])
    assert config["rewards"][0]["module"] == "/etc/finetune/code/rewards/reward.py"


def test_a_job_without_configmap_code_keeps_the_plain_config_volume() -> None:
    spec = grpo_spec(
        rewards=[{"name": "answer", "builtin": "exact-match", "field": "answer"}],
        tools=None,
    )
    del spec["tools"]
    *_, pytorchjob = render_attempt(request_for(spec, {}))
    volumes = pytorchjob["spec"]["pytorchReplicaSpecs"]["Master"]["template"]["spec"]["volumes"]
    (volume,) = [v for v in volumes if v["name"] == "config"]
    assert "downwardAPI" in volume


def test_a_storage_module_must_be_readable_by_the_namespace() -> None:
    spec = grpo_spec()
    spec["rewards"][3]["path"] = "/fsx/data/team-b/steal.py"
    with pytest.raises(
        InvalidSpecError, match=r"spec.rewards\[3\].path: /fsx/data/team-b/steal.py is not in a "
    ):
        render_attempt(request_for(spec))


RULE_CASES = {
    "grpo without rewards": (grpo_spec(rewards=[]), "need at least one reward function"),
    "rewards on lora": (
        {**grpo_spec(method="lora"), "data": {"train": {"path": "/fsx/d"}}},
        "spec.rewards and spec.tools apply only to methods grpo and grpo-lora",
    ),
    "grpo on trainium": (
        grpo_spec(resources={"instanceType": "ml.trn1.32xlarge"}),
        "run on the cuda (GPU: ml.g*, ml.p*) and cpu instance families, not on Trainium",
    ),
    "builtin and function": (
        grpo_spec(rewards=[{"name": "x", "builtin": "length-penalty", "function": "f", "path": "/fsx/a.py"}]),
        "sets exactly one of builtin or function",
    ),
    "function without module": (
        grpo_spec(rewards=[{"name": "x", "function": "f"}]),
        "needs exactly one of configMap, path or s3Uri for its module",
    ),
    "builtin with module": (
        grpo_spec(rewards=[{"name": "x", "builtin": "length-penalty", "path": "/fsx/a.py"}]),
        "a built-in reward takes no module",
    ),
    "exact-match without field": (
        grpo_spec(rewards=[{"name": "x", "builtin": "exact-match"}]),
        "builtin exact-match needs field",
    ),
    "format without pattern": (
        grpo_spec(rewards=[{"name": "x", "builtin": "format"}]),
        "builtin format needs pattern",
    ),
    "pattern off format": (
        grpo_spec(rewards=[{"name": "x", "builtin": "length-penalty", "pattern": "a"}]),
        "pattern applies only to builtin format",
    ),
    "field off exact-match": (
        grpo_spec(rewards=[{"name": "x", "builtin": "length-penalty", "field": "a"}]),
        "field applies only to builtin exact-match",
    ),
    "tools with two modules": (
        grpo_spec(tools={"path": "/fsx/a.py", "s3Uri": "s3://bkt/a.py", "functions": ["f"]}),
        "spec.tools needs exactly one of configMap, path or s3Uri",
    ),
    "s3 module on hyperpod": (
        grpo_spec(tools={"s3Uri": "s3://bkt/a.py", "functions": ["f"]}),
        "s3Uri modules of spec.rewards and spec.tools apply only to backend sagemaker",
    ),
    "path module on sagemaker": (
        {**grpo_spec(backend="sagemaker"), "resources": {"instanceType": "ml.g5.2xlarge"}},
        "a SageMaker training job cannot read the job's storage",
    ),
}


@pytest.mark.parametrize("case", sorted(RULE_CASES))
def test_admission_rules(case: str) -> None:
    spec, message = RULE_CASES[case]
    with pytest.raises(
        InvalidSpecError, match=message.replace("(", r"\(").replace(")", r"\)").replace("*", r"\*")
    ):
        check_rules(parse_job(job_document(spec)))


@pytest.mark.parametrize(
    ("reward", "message"),
    [
        ({"name": "Bad Name", "builtin": "length-penalty"}, "rewards.0.name: String should match pattern"),
        (
            {"name": "x", "function": "not-python", "path": "/fsx/a.py"},
            "rewards.0.function: String should match",
        ),
        (
            {"name": "x", "function": "f", "configMap": {"name": "c", "key": "reward.sh"}},
            "key: String should match",
        ),
        (
            {"name": "x", "function": "f", "path": "/fsx/reward.txt"},
            "rewards.0.path: String should match pattern",
        ),
    ],
)
def test_names_are_formatted(reward: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidSpecError, match=message):
        parse_job(job_document(grpo_spec(rewards=[reward])))


def test_reward_names_are_unique() -> None:
    twice = [{"name": "x", "builtin": "length-penalty"}, {"name": "x", "builtin": "length-penalty"}]
    with pytest.raises(InvalidSpecError, match="reward names must be unique; repeated: x"):
        parse_job(job_document(grpo_spec(rewards=twice)))


def test_cli_render_reads_the_configmaps_given_with_the_job(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipe_file = tmp_path / "recipe.yaml"
    recipe_file.write_text(yamlio.dump_documents([recipe().model_dump(mode="json", by_alias=True)]))
    config_map = {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {"name": "rewards"},
        "data": CONFIG_MAPS["rewards"],
    }
    tools = {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {"name": "tools"},
        "data": CONFIG_MAPS["tools"],
    }
    spec = grpo_spec()
    spec["rewards"] = spec["rewards"][:3]
    job_file = tmp_path / "job.yaml"
    job_file.write_text(yamlio.dump_documents([config_map, tools, job_document(spec)]))
    assert main(["render", "-f", str(job_file), "--recipe-file", str(recipe_file)]) == 0
    rendered = yamlio.load_documents(capsys.readouterr().out)
    assert rendered[-1]["kind"] == "PyTorchJob"

    job_file.write_text(yamlio.dump_documents([tools, job_document(spec)]))
    assert main(["render", "-f", str(job_file), "--recipe-file", str(recipe_file)]) == 2
    assert "ConfigMap team-a/rewards does not exist" in capsys.readouterr().err


def test_render_and_the_operator_refuse_a_configmap_of_another_namespace_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 20, item 8: render projected a ConfigMap of another namespace that the operator
    refuses. Both now keep only the job's namespace's ConfigMaps with one function
    (code.config_maps_of_namespace), and say the same."""
    recipe_file = tmp_path / "recipe.yaml"
    recipe_file.write_text(yamlio.dump_documents([recipe().model_dump(mode="json", by_alias=True)]))
    spec = grpo_spec()
    spec["rewards"] = spec["rewards"][:3]
    foreign, own_tools = (
        {
            "apiVersion": "v1",
            "kind": "ConfigMap",
            "metadata": {"name": name, "namespace": namespace},
            "data": data,
        }
        for name, namespace, data in (
            ("rewards", "team-b", CONFIG_MAPS["rewards"]),
            ("tools", None, CONFIG_MAPS["tools"]),
        )
    )
    job_file = tmp_path / "job.yaml"
    job_file.write_text(yamlio.dump_documents([foreign, own_tools, job_document(spec)]))
    assert main(["render", "-f", str(job_file), "--recipe-file", str(recipe_file)]) == 2
    said_by_render = capsys.readouterr().err.strip()

    kube = FakeKube()
    for config_map in (foreign, {**own_tools, "metadata": {"name": "tools", "namespace": "team-a"}}):
        kube.add(f"/api/v1/namespaces/{config_map['metadata']['namespace']}/configmaps", config_map)
    jobs = "/apis/finetune.dev/v1alpha1/namespaces/team-a/finetunejobs"
    kube.add(jobs, {**job_document(spec), "metadata": {"name": "math"}})
    reconciler = Reconciler(
        OperatorConfig(max_workers=1),
        kube.api_client(),
        lambda: datetime(2026, 12, 1, tzinfo=UTC),
        lambda t, e: None,
    )
    reconciler.reconcile_now(("team-a", "math"), None, [recipe()])
    stored = kube.get(f"{jobs}/math")
    assert stored is not None
    (failed,) = [c for c in stored["status"]["conditions"] if c["type"] == "Failed"]
    assert said_by_render == f"error: {failed['reason']}: {failed['message']}"
    assert failed["message"].startswith("spec.rewards[0].configMap: ConfigMap team-a/rewards does not exist")
