"""Session fixtures: the tiny model and tokenizer are built once and shared (read-only) by all tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import trainer_testkit as kit


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("tiny-llama")
    tokenizer = kit.build_tokenizer(directory)
    kit.build_model(directory, tokenizer)
    return directory


@pytest.fixture(scope="session")
def tokenizer(tiny_model: Path) -> Any:
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(tiny_model))
