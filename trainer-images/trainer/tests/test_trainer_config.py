"""The resolved config: parsed per the contract, missing keys named, SageMaker paths honoured."""

from __future__ import annotations

import copy
import dataclasses
import json
import re
import typing
from pathlib import Path
from typing import Any

import pytest
import trainer_testkit as kit

from finetune_contract.config_schema import schema
from finetune_trainer.config import (
    ConfigError,
    DataSource,
    TrainConfig,
    camel_case,
    load_config,
    parse_config,
    resolve_sagemaker_paths,
)

GOLDEN = Path(__file__).parent / "golden"


def _contract_example() -> dict[str, Any]:
    config = kit.make_config(
        Path("/fsx/finetune/team-a/tiny"), Path("/fsx/models/tiny"), [Path("/fsx/data/a.jsonl")]
    )
    config["data"]["train"].append({"path": "s3://bucket/b.jsonl", "weight": 3})
    config["data"]["validation"] = {"path": "/fsx/data/val.jsonl"}
    return config


def test_the_contract_example_parses_to_the_golden_record() -> None:
    parsed = dataclasses.asdict(parse_config(_contract_example()))
    expected = json.loads((GOLDEN / "parsed_config_lora.json").read_text())
    assert json.loads(json.dumps(parsed)) == expected


def test_unknown_keys_are_ignored_so_an_older_trainer_runs_a_newer_config() -> None:
    config = _contract_example()
    config["training"]["someFutureKnob"] = 3
    config["newSection"] = {"x": 1}
    assert parse_config(config) == parse_config(_contract_example())


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("training.seqLength", "training.seqLength: required key is missing"),
        ("checkpointing", "checkpointing: required key is missing"),
        ("lora.targetModules", "lora.targetModules: required key is missing"),
        ("parallelism", "parallelism: required key is missing"),
        ("parallelism.zero1", "parallelism.zero1: required key is missing"),
        ("neuron.precompile", "neuron.precompile: required key is missing"),
    ],
)
def test_a_missing_key_is_rejected_with_its_dot_path(path: str, message: str) -> None:
    config = _contract_example()
    *parents, leaf = path.split(".")
    node = config
    for key in parents:
        node = node[key]
    del node[leaf]
    with pytest.raises(ConfigError, match=f"^{message}$"):
        parse_config(config)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("training.packing", "yes", "training.packing: expected true or false, got 'yes'"),
        ("training.microBatchSize", 0, "training.microBatchSize: must be >= 1, got 0"),
        ("training.seqLength", True, "training.seqLength: expected an integer, got a boolean"),
        ("method", "ppo", "method: must be one of sft, lora, dpo, dpo-lora, grpo, grpo-lora; got 'ppo'"),
        # The method rules and their words are the operator's (finetune_contract.methods).
        ("method", "grpo", "data.format: method 'grpo' cannot train on 'messages' records; GRPO methods"),
        ("data.format", "preference", "data.format: preference data needs method dpo or dpo-lora"),
        ("data.train", [], "data.train: at least one training source is required"),
        ("lora.targetModules", [], "lora.targetModules: name at least one module"),
        ("data.validationSplit", 0.9, "data.validationSplit: must be <= 0.5, got 0.9"),
        ("data.validationEverySteps", -1, "data.validationEverySteps: must be >= 0, got -1"),
        # A 0 here would not disable anything: the run would go on for its full length and learn nothing.
        ("optimizer.learningRate", 0, "optimizer.learningRate: must be > 0, got 0"),
        ("lora.alpha", 0, "lora.alpha: must be >= 1, got 0"),
    ],
)
def test_bad_values_are_rejected_with_an_actionable_message(path: str, value: Any, message: str) -> None:
    config = _contract_example()
    *parents, leaf = path.split(".")
    node = config
    for key in parents:
        node = node[key]
    node[leaf] = value
    with pytest.raises(ConfigError) as raised:
        parse_config(config)
    assert str(raised.value).startswith(message)


def test_dpo_needs_preference_data() -> None:
    config = _contract_example()
    config["method"] = "dpo"
    with pytest.raises(ConfigError, match=r"^data\.format: method 'dpo' trains on preference data"):
        parse_config(config)
    config["data"]["format"] = "bedrock-conversation"
    assert parse_config(config).is_preference


def test_dpo_beta_zero_is_rejected_because_its_loss_has_no_gradient() -> None:
    config = _contract_example()
    config["method"], config["data"]["format"], config["dpo"] = "dpo", "preference", {"beta": 0}
    with pytest.raises(ConfigError, match=r"^dpo.beta: must be > 0, got 0$"):
        parse_config(config)


def test_zero_that_disables_a_feature_is_accepted() -> None:
    config = _contract_example()
    config["optimizer"] |= {"maxGradNorm": 0, "warmupSteps": 0, "weightDecay": 0}
    config["training"] |= {"maxSteps": 0, "epochs": 2}
    config["lora"]["dropout"] = 0
    config["data"] |= {"validation": None, "validationSplit": 0, "errorBudget": 0}
    config["logging"]["tensorboardDir"] = ""
    parsed = parse_config(config)
    assert parsed.optimizer.max_grad_norm == 0 and parsed.optimizer.warmup_steps == 0
    assert parsed.training.max_steps == 0 and parsed.training.epochs == 2
    assert parsed.data.validation is None and parsed.data.validation_split == 0
    assert parsed.logging.tensorboard_dir == ""


def test_lora_settings_are_optional_for_methods_that_do_not_use_them() -> None:
    config = _contract_example()
    config["method"], config["lora"], config["dpo"] = "sft", None, None
    parsed = parse_config(config)
    assert parsed.lora is None and parsed.dpo is None and not parsed.uses_lora


def test_sagemaker_environment_moves_outputs_and_checkpoints() -> None:
    config = parse_config(_contract_example())
    on_sagemaker = resolve_sagemaker_paths(
        config, {"SM_MODEL_DIR": "/opt/ml/model", "SM_CHANNEL_TRAIN": "/opt/ml/input/data/train"}, False
    )
    assert on_sagemaker.output.dir == "/opt/ml/model"
    assert on_sagemaker.checkpointing.dir == "/opt/ml/checkpoints"
    assert resolve_sagemaker_paths(config, {"HOME": "/root"}, False) == config


def test_load_config_reports_unreadable_and_invalid_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_config(tmp_path / "missing.yaml", env={})
    broken = tmp_path / "broken.yaml"
    broken.write_text("method: [unclosed\n")
    with pytest.raises(ConfigError, match="is not valid YAML"):
        load_config(broken, env={})
    good = kit.write_config(tmp_path, copy.deepcopy(_contract_example()))
    assert load_config(good, env={}).method == "lora"


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        # Bounds and choices that exist only in the operator's model, through the shipped schema.
        ("training.seqLength", 64, "training.seqLength: must be >= 128, got 64"),
        ("optimizer.learningRate", 0, "optimizer.learningRate: must be > 0, got 0"),
        ("lora.dropout", 1.0, "lora.dropout: must be < 1, got 1.0"),
        ("training.precision", "fp8", "training.precision: must be one of bf16, fp32, fp16; got 'fp8'"),
        ("kind", "TrainingConfig", "kind: expected ResolvedTrainingConfig, got 'TrainingConfig'"),
        ("lora.targetModules", ["q_proj", 3], "lora.targetModules[1]: expected a string, got 3"),
        ("data.train", [{"path": "/a.jsonl"}], "data.train[0].weight: required key is missing"),
        ("job", "tiny", "job: expected a mapping, got str"),
    ],
)
def test_the_schema_from_the_operators_model_checks_types_and_bounds(
    path: str, value: Any, message: str
) -> None:
    config = _contract_example()
    *parents, leaf = path.split(".")
    node = config
    for key in parents:
        node = node[key]
    node[leaf] = value
    with pytest.raises(ConfigError, match=f"^{re.escape(message)}$"):
        parse_config(config)


def _section_records() -> dict[str, type]:
    """The record each object of the schema becomes (by the section's key in the document)."""
    hints = typing.get_type_hints(TrainConfig)
    records = {
        key: typing.get_args(hint)[0] if typing.get_args(hint) else hint for key, hint in hints.items()
    }
    return {camel_case(key): record for key, record in records.items() if dataclasses.is_dataclass(record)}


def test_the_records_hold_every_key_the_schema_has() -> None:
    """A key the schema (the operator's model) adds without a field here would be checked and dropped."""
    document = schema()
    definitions = document["$defs"]

    def properties(node: dict[str, Any]) -> set[str]:
        options = node.get("anyOf", [node.get("items", node)])
        (reference,) = [o["$ref"] for o in options if "$ref" in o]
        return set(definitions[reference.removeprefix("#/$defs/")]["properties"])

    fields = {camel_case(f.name) for f in dataclasses.fields(TrainConfig)}
    assert set(document["properties"]) - fields == {"apiVersion", "kind", "recipe"}
    for key, record in _section_records().items():
        assert {camel_case(f.name) for f in dataclasses.fields(record)} == properties(
            document["properties"][key]
        )
    train_items = definitions["DataConfig"]["properties"]["train"]["items"]
    assert {camel_case(f.name) for f in dataclasses.fields(DataSource)} == properties(train_items)


def _grpo_example(**changes: Any) -> dict[str, Any]:
    config = kit.grpo_config(
        Path("/fsx/finetune/team-a/grpo"),
        Path("/fsx/models/tiny"),
        [Path("/fsx/data/prompts.jsonl")],
        [
            {"name": "correct", "builtin": "exact-match", "field": "answer"},
            {"name": "mine", "module": "/etc/finetune/rewards/mine.py", "function": "score", "weight": 0.5},
        ],
        tools={"module": "/etc/finetune/tools/tools.py", "functions": ["search"], "maxTurns": 4},
    )
    config.update(changes)
    return config


def test_a_grpo_config_parses_with_rewards_and_tools() -> None:
    parsed = parse_config(_grpo_example())
    assert parsed.uses_rewards and parsed.uses_lora and not parsed.packs_documents
    assert parsed.grpo is not None and parsed.grpo.num_generations == 4 and parsed.grpo.loss_type == "dapo"
    assert parsed.grpo.use_bias_correction_kl is True
    assert [r.name for r in parsed.rewards] == ["correct", "mine"] and parsed.rewards[1].weight == 0.5
    assert parsed.tools is not None and parsed.tools.functions == ("search",) and parsed.tools.max_turns == 4


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"grpo": None}, "grpo: method grpo-lora needs grpo settings"),
        ({"rewards": []}, "rewards: methods grpo and grpo-lora need at least one reward function"),
        ({"method": "lora"}, "data.format: method 'lora' cannot train on 'prompt' records; GRPO methods"),
        (
            {"grpo": {**kit.GRPO_SETTINGS, "useBiasCorrectionKl": "yes"}},
            "grpo.useBiasCorrectionKl: expected true or false, got 'yes'",
        ),
    ],
)
def test_grpo_needs_its_sections(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=f"^{re.escape(message)}"):
        parse_config(_grpo_example(**changes))


@pytest.mark.parametrize(
    ("reward", "message"),
    [
        ({"builtin": "exact-match"}, "rewards[0] (r): exact-match needs field"),
        ({"builtin": "format"}, "rewards[0] (r): format needs pattern"),
        ({"module": "/x.py"}, "rewards[0] (r): a custom reward names its function"),
        (
            {"builtin": "length-penalty", "module": "/x.py"},
            "rewards[0] (r): set exactly one of builtin and module",
        ),
        ({}, "rewards[0] (r): set exactly one of builtin and module"),
    ],
)
def test_a_reward_must_say_what_it_is(reward: dict[str, Any], message: str) -> None:
    entry = {"name": "r", "weight": 1.0, "builtin": None, "field": None, "pattern": None, "module": None}
    with pytest.raises(ConfigError, match=f"^{re.escape(message)}"):
        parse_config(_grpo_example(rewards=[{**entry, "function": None, **reward}]))


def test_rewards_on_a_non_grpo_method_are_rejected() -> None:
    config = _contract_example()
    config["rewards"] = _grpo_example()["rewards"]
    with pytest.raises(
        ConfigError, match=r"^rewards: rewards and tools apply only to methods grpo and grpo-lora"
    ):
        parse_config(config)


@pytest.mark.parametrize(
    ("kind", "changes", "message"),
    [
        ("neuron", {}, "method grpo-lora does not run on Neuron"),
        (
            "cpu",
            {"grpo.generationEngine": "vllm"},
            "grpo.generationEngine vllm needs a CUDA GPU; this is a cpu",
        ),
        ("neuron", {"lora.loadIn4Bit": True, "method": "lora"}, "lora.loadIn4Bit needs a CUDA GPU"),
        ("cpu", {"lora.loadIn4Bit": True}, "lora.loadIn4Bit needs a CUDA GPU (bitsandbytes); this is a cpu"),
    ],
)
def test_device_only_features_exit_2_elsewhere(kind: str, changes: dict[str, Any], message: str) -> None:
    from finetune_trainer.device import check_device_features
    from finetune_trainer.runtime import UnsupportedDevice

    config = _grpo_example()
    for dotted, value in changes.items():
        node = config
        *parents, leaf = dotted.split(".")
        for key in parents:
            node = node[key]
        node[leaf] = value
    if config["method"] == "lora":
        config |= {"grpo": None, "rewards": [], "tools": None}
        config["data"]["format"] = "messages"
    with pytest.raises(UnsupportedDevice, match=re.escape(message)):
        check_device_features(parse_config(config), kind)
