"""One trainer-config schema: the operator's model is the source, the trainer reads every config it renders.

- The JSON Schema shipped in the contract package (the trainer reads it from there) is the one
  the operator's model generates (`make trainer-config-schema` rewrites it).
- Every config the operator renders in the golden files (the HyperPod PyTorchJobs' pod-template
  annotation, the SageMaker config channel's upload) parses with the trainer's parser and comes
  back with the same values: no key the operator writes is dropped or changed on the way.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hack import trainer_config_schema

from finetune_trainer.config import TrainConfig, camel_case, parse_config

ROOT = Path(__file__).resolve().parents[2]
GOLDEN_DIR = ROOT / "tests" / "golden"
CONFIG_ANNOTATION = "finetune.dev/trainer-config"
UNREAD_KEYS = {"apiVersion", "kind", "recipe"}
"""Keys the trainer checks against the schema but does not keep: they identify, they do not configure."""


def _hyperpod_configs() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for rendered in sorted(GOLDEN_DIR.glob("hyperpod/*/rendered.yaml")):
        for document in yaml.safe_load_all(rendered.read_text()):
            if not document or document["kind"] != "PyTorchJob":
                continue
            for role, replica in document["spec"]["pytorchReplicaSpecs"].items():
                text = replica["template"]["metadata"]["annotations"][CONFIG_ANNOTATION]
                found.append((f"hyperpod/{rendered.parent.name}/{role}", yaml.safe_load(text)))
    return found


def _sagemaker_configs() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for golden in sorted(GOLDEN_DIR.glob("sagemaker/*.json")):
        for uri, body in json.loads(golden.read_text())["uploads"].items():
            if uri.endswith("/config.yaml"):
                found.append((f"sagemaker/{golden.stem}", body))
    return found


RENDERED = _hyperpod_configs() + _sagemaker_configs()


def _as_document(parsed: TrainConfig) -> dict[str, Any]:
    """The trainer's records written back in the contract's shape (camelCase keys, lists)."""

    def convert(value: Any) -> Any:
        if isinstance(value, dict):
            return {camel_case(key): convert(item) for key, item in value.items()}
        if isinstance(value, tuple | list):
            return [convert(item) for item in value]
        return value

    document: dict[str, Any] = convert(dataclasses.asdict(parsed))
    validation = document["data"]["validation"]
    document["data"]["validation"] = None if validation is None else {"path": validation}
    return document


def test_the_shipped_schema_is_the_operator_models() -> None:
    script = trainer_config_schema
    assert script.SCHEMA_FILE.read_text(encoding="utf-8") == script.render(), (
        f"{script.SCHEMA_FILE} is stale; run `make trainer-config-schema`"
    )


def test_the_drift_check_fails_on_a_stale_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = trainer_config_schema
    stale = tmp_path / "trainer-config.schema.json"
    stale.write_text(script.render().replace('"minimum": 1', '"minimum": 2', 1))
    monkeypatch.setattr(script, "SCHEMA_FILE", stale)
    assert script.main(["--check"]) == 1
    assert script.main([]) == 0
    assert script.main(["--check"]) == 0


def test_the_goldens_cover_every_method_and_both_backends() -> None:
    assert {config["method"] for _, config in RENDERED} == {
        "sft",
        "lora",
        "dpo",
        "dpo-lora",
        "grpo",
        "grpo-lora",
    }
    assert {name.split("/")[0] for name, _ in RENDERED} == {"hyperpod", "sagemaker"}


def test_a_key_the_trainer_would_drop_fails_the_round_trip() -> None:
    """Guard against a comparison that passes whatever the operator adds."""
    _, rendered = RENDERED[0]
    newer = {**rendered, "training": {**rendered["training"], "someFutureKnob": 3}}
    expected = {key: value for key, value in newer.items() if key not in UNREAD_KEYS}
    assert _as_document(parse_config(newer)) != expected


@pytest.mark.parametrize(("name", "rendered"), RENDERED, ids=[name for name, _ in RENDERED])
def test_every_rendered_config_parses_and_round_trips(name: str, rendered: dict[str, Any]) -> None:
    parsed = parse_config(rendered)
    expected = {key: value for key, value in rendered.items() if key not in UNREAD_KEYS}
    assert _as_document(parsed) == expected
