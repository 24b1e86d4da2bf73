"""The contract package (trainer-images/contract): one table of method traits that the CRD, the
operator and the trainer follow, and record shapes that the pre-flight and the trainer share."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from finetune_contract import constants
from finetune_contract.evaluation import gate_metric_message, metrics_of
from finetune_contract.formats import RecordError, record_parser, shape_problem
from finetune_contract.methods import (
    METHOD_TRAITS,
    AcceleratorFamily,
    DataFormat,
    Method,
    check_method,
    format_problem,
    methods_where,
    rewards_problem,
)

CRD = Path(__file__).resolve().parents[2] / "crds" / "finetune.dev_finetunejobs.yaml"


def _job_spec_schema() -> dict[str, Any]:
    crd = yaml.safe_load(CRD.read_text(encoding="utf-8"))
    spec: dict[str, Any] = crd["spec"]["versions"][0]["schema"]["openAPIV3Schema"]["properties"]["spec"]
    return spec


def test_the_exit_codes_are_the_documented_ones() -> None:
    """docs/trainer-contract.md: 2 = invalid config (no retry), 3 = diverged (no retry), 143 = stopped
    after a checkpoint."""
    assert constants.EXIT_INVALID_CONFIG == 2
    assert constants.EXIT_DIVERGED == 3
    assert constants.EXIT_STOPPED == 143
    assert constants.EXIT_TRAINING_ERROR == 1


def test_the_crd_admits_exactly_the_methods_and_formats_of_the_table() -> None:
    spec = _job_spec_schema()
    assert spec["properties"]["method"]["enum"] == [method.value for method in Method]
    assert spec["properties"]["data"]["properties"]["format"]["enum"] == [f.value for f in DataFormat]
    assert set(METHOD_TRAITS) == set(Method)


def test_the_crd_rules_on_rewards_and_trainium_name_the_methods_the_table_names() -> None:
    """The CEL rules cannot import the table: they list the methods, and this test holds them to it."""
    rules = [rule["rule"] for rule in _job_spec_schema()["x-kubernetes-validations"]]
    listed = {
        tuple(re.findall(r"'([a-z-]+)'", match))
        for rule in rules
        if "publish.when" not in rule  # its own test below
        for match in re.findall(r"self\.method in \[([^\]]*)\]", rule)
    }
    assert listed == {tuple(m.value for m in methods_where(lambda traits: traits.rewards))}
    not_on_trainium = methods_where(lambda traits: AcceleratorFamily.NEURON not in traits.families)
    trainium_rule = next(rule for rule in rules if "startsWith('ml.trn')" in rule)
    assert f"!(self.method in [{', '.join(repr(m.value) for m in not_on_trainium)}])" in trainium_rule


def test_the_crd_rule_on_the_publish_gate_names_the_metrics_each_method_reports() -> None:
    """The gate's CEL rule lists, per group of methods, the metrics `metrics_of` gives them; the
    last list is the remaining methods' (sft, lora)."""
    rules = _job_spec_schema()["x-kubernetes-validations"]
    (gate,) = [r for r in rules if "self.publish.when.metric in" in r["rule"]]
    groups = re.findall(r"self\.method in \[([^\]]*)\]", gate["rule"])
    metric_lists = re.findall(r"self\.publish\.when\.metric in \[([^\]]*)\]", gate["rule"])
    named: set[Method] = set()
    for group, metrics in zip(groups, metric_lists, strict=False):
        methods = [Method(m) for m in re.findall(r"'([a-z-]+)'", group)]
        named.update(methods)
        for method in methods:
            assert tuple(re.findall(r"'(\w+)'", metrics)) == metrics_of(method)
    rest = [m for m in Method if m not in named]
    assert rest and all(tuple(re.findall(r"'(\w+)'", metric_lists[-1])) == metrics_of(m) for m in rest)
    assert " ".join(gate["message"].split()) == gate_metric_message()


@pytest.mark.parametrize("method", list(Method))
def test_a_method_reads_its_formats_and_names_them_for_the_others(method: Method) -> None:
    traits = method.traits
    assert traits.default_format in traits.formats
    for data_format in DataFormat:
        problem = format_problem(method, data_format)
        if data_format in traits.formats:
            assert problem is None
        else:
            assert problem is not None and problem.field == "data.format"
            assert method.value in problem.message or data_format.value in problem.message


def test_the_sections_follow_the_traits() -> None:
    assert Method.SFT.traits.sections == ()
    assert Method.DPO_LORA.traits.sections == ("lora", "dpo")
    assert Method.GRPO_LORA.traits.sections == ("lora", "grpo")
    problem = check_method(Method.LORA, data_format=DataFormat.MESSAGES, rewards=0, tools=False, sections=[])
    assert problem is not None and (problem.field, problem.message) == (
        "lora",
        "method lora needs lora settings",
    )


def test_rewards_belong_to_the_reward_methods_alone() -> None:
    needs = rewards_problem(Method.GRPO, rewards=0, tools=False, prefix="spec.")
    assert needs is not None
    assert needs.message == "methods grpo and grpo-lora need at least one reward function in spec.rewards"
    extra = rewards_problem(Method.LORA, rewards=0, tools=True, prefix="spec.")
    assert extra is not None and extra.field == "tools"
    assert extra.message == "spec.rewards and spec.tools apply only to methods grpo and grpo-lora"
    assert rewards_problem(Method.GRPO_LORA, rewards=1, tools=True) is None


def _bedrock(*messages: dict[str, Any]) -> dict[str, Any]:
    return {"schemaVersion": "bedrock-conversation-2024", "messages": list(messages)}


USER, ANSWER = {"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}
BEDROCK_USER = {"role": "user", "content": [{"text": "a"}]}
CANDIDATES = [
    {"preferenceLabel": "preferred", "content": [{"text": "b"}]},
    {"preferenceLabel": "non-preferred", "content": [{"text": "c"}]},
]
SHAPED, PARSED = "shaped", "parsed"
RECORDS: list[tuple[DataFormat, bool, dict[str, Any], str | None]] = [
    (DataFormat.MESSAGES, False, {"messages": [USER, ANSWER]}, PARSED),
    (DataFormat.MESSAGES, False, {"messages": []}, None),
    (DataFormat.MESSAGES, False, {"messages": [{"role": "bot", "content": "a"}]}, None),
    (DataFormat.MESSAGES, False, {"messages": [{"role": "user", "content": "  "}, ANSWER]}, SHAPED),
    (DataFormat.MESSAGES, False, {"messages": [ANSWER, USER]}, SHAPED),
    (DataFormat.MESSAGES, False, {"text": "a"}, None),
    (DataFormat.PROMPT_COMPLETION, False, {"prompt": "a", "completion": "b"}, PARSED),
    (DataFormat.PROMPT_COMPLETION, False, {"prompt": "a", "completion": 3}, None),
    (DataFormat.PROMPT_COMPLETION, False, {"prompt": "a", "completion": ""}, SHAPED),
    (DataFormat.PREFERENCE, True, {"prompt": "a", "chosen": "b", "rejected": "c"}, PARSED),
    (DataFormat.PREFERENCE, True, {"prompt": 1, "chosen": "b", "rejected": "c"}, None),
    (DataFormat.PREFERENCE, True, {"prompt": "a", "chosen": "b"}, None),
    (DataFormat.PROMPT, False, {"prompt": "a", "answer": "4"}, PARSED),
    (DataFormat.PROMPT, False, {"prompt": ""}, None),
    (DataFormat.PROMPT, False, {"prompt": [ANSWER]}, SHAPED),
    (
        DataFormat.BEDROCK_CONVERSATION,
        False,
        _bedrock(BEDROCK_USER, {"role": "assistant", "content": [{"text": "b"}]}),
        PARSED,
    ),
    (DataFormat.BEDROCK_CONVERSATION, False, {"schemaVersion": "v0", "messages": []}, None),
    (DataFormat.BEDROCK_CONVERSATION, False, _bedrock({"role": "user", "content": "a"}), None),
    # Nova's images read image blocks; this trainer reads text only.
    (
        DataFormat.BEDROCK_CONVERSATION,
        False,
        _bedrock(BEDROCK_USER, {"role": "assistant", "content": [{"image": {}}]}),
        SHAPED,
    ),
    (
        DataFormat.BEDROCK_CONVERSATION,
        True,
        _bedrock(BEDROCK_USER, {"role": "assistant", "candidates": CANDIDATES}),
        PARSED,
    ),
    (
        DataFormat.BEDROCK_CONVERSATION,
        False,
        _bedrock(BEDROCK_USER, {"role": "assistant", "candidates": CANDIDATES}),
        SHAPED,
    ),
]
"""(format, preference flavour, record, how far it gets: None, past the shape, or parsed)."""


@pytest.mark.parametrize(("data_format", "preference", "record", "reaches"), RECORDS)
def test_the_trainer_refuses_what_the_shape_refuses_with_the_same_words(
    data_format: DataFormat, preference: bool, record: dict[str, Any], reaches: str | None
) -> None:
    """The pre-flight checks the shape only (Nova's images read more than this trainer does); whatever
    it refuses, the trainer's parser refuses for the same reason."""
    problem = shape_problem(data_format, record)
    parse = record_parser(data_format, preference)
    if reaches is None:
        assert problem is not None
        with pytest.raises(RecordError) as raised:
            parse(record)
        assert str(raised.value) == problem
    elif reaches == SHAPED:
        assert problem is None
        with pytest.raises(RecordError):
            parse(record)
    else:
        assert problem is None
        parse(record)
