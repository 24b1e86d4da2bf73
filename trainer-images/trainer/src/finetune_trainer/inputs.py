"""The trainer's first step: every input the config names is there and usable, before anything heavy.

A missing data file or model directory, a directory where a file belongs, or a model whose
architecture transformers does not know fails every attempt the same way, so it is a spec error
(exit code 2: the operator fails the job `InvalidSpec` and does not retry), and the message names
the config key and the path. The checks run right after the config is read, before the process
group, the device or any weights, so such a job fails in seconds rather than after a model load.

On HyperPod this is the only place the check can be made: the operator's pod mounts no FSx
claim, so it cannot see the paths its jobs read (docs/trainer.md). `s3://` inputs are checked
where they are fetched (`storage.localize`), which tells a missing object from a network failure.
"""

from __future__ import annotations

import json
from pathlib import Path

from finetune_trainer.config import TrainConfig

MODEL_CONFIG = "config.json"
WEIGHT_PATTERNS = ("*.safetensors", "pytorch_model*.bin", "*.safetensors.index.json")


class InputError(RuntimeError):
    """An input the config names is missing, unreadable or of the wrong kind (exit code 2)."""


def named_inputs(config: TrainConfig) -> list[tuple[str, str]]:
    """(config key, path) of every file or directory the run reads, in the config's order."""
    inputs = [("model.path", config.model.path)]
    if config.model.tokenizer:
        inputs.append(("model.tokenizer", config.model.tokenizer))
    inputs += [(f"data.train[{i}].path", source.path) for i, source in enumerate(config.data.train)]
    if config.data.validation:
        inputs.append(("data.validation.path", config.data.validation))
    if config.evaluation is not None:
        if config.evaluation.path:
            inputs.append(("evaluation.path", config.evaluation.path))
        if config.evaluation.prompts:
            inputs.append(("evaluation.prompts", config.evaluation.prompts))
    return inputs


def field_of(config: TrainConfig, path: str) -> str:
    """The config key that names `path` (the first, when several name it)."""
    return next((field for field, named in named_inputs(config) if named == path), "input")


def check_local_inputs(config: TrainConfig) -> None:
    """Raises InputError for the first local input that is missing, unreadable or of the wrong kind.

    Data files must be readable files; the model (and a separate tokenizer) must be directories,
    and the model's must hold a `config.json` naming an architecture transformers knows, and
    weights. `s3://` inputs are left to `storage.localize`.
    """
    for field, path in named_inputs(config):
        if path.startswith("s3://"):
            continue
        if field.startswith(("data.", "evaluation.")):
            check_readable_file(field, Path(path))
        else:
            check_readable_directory(field, Path(path))
    if not config.model.path.startswith("s3://"):
        check_model_directory("model.path", Path(config.model.path))


def check_readable_file(field: str, path: Path) -> None:
    if not path.exists():
        raise InputError(f"{field}: {path} does not exist")
    if path.is_dir():
        raise InputError(f"{field}: {path} is a directory; name a JSONL file")
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except OSError as exc:
        raise InputError(f"{field}: cannot read {path}: {exc.strerror or exc}") from exc


def check_readable_directory(field: str, path: Path) -> None:
    if not path.exists():
        raise InputError(f"{field}: {path} does not exist")
    if not path.is_dir():
        raise InputError(f"{field}: {path} is not a directory; name a Hugging Face model directory")
    try:
        next(path.iterdir(), None)
    except OSError as exc:
        raise InputError(f"{field}: cannot list {path}: {exc.strerror or exc}") from exc


def check_model_directory(field: str, path: Path) -> None:
    """The model directory holds a config transformers knows and weights to load."""
    config_file = path / MODEL_CONFIG
    try:
        document = json.loads(config_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(
            f"{field}: {path} has no {MODEL_CONFIG}; it is not a Hugging Face model directory"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{field}: cannot read {config_file}: {exc}") from exc
    model_type = document.get("model_type") if isinstance(document, dict) else None
    from transformers import CONFIG_MAPPING

    if not isinstance(model_type, str) or model_type not in CONFIG_MAPPING:
        raise InputError(
            f"{field}: {config_file} names model_type {model_type!r}, an architecture this trainer's "
            "transformers does not know; use a supported model (docs/trainer.md)"
        )
    if not any(next(path.glob(pattern), None) for pattern in WEIGHT_PATTERNS):
        raise InputError(f"{field}: {path} holds no weights (*.safetensors or pytorch_model*.bin)")
