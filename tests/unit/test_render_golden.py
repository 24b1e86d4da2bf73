"""Golden files for the HyperPod renderer: tests/golden/hyperpod/<case>/{job.yaml,rendered.yaml}.

Each case renders job.yaml with the built-in recipes (and the OperatorConfig in operator.yaml,
if the case has one) and compares with rendered.yaml.
To accept a deliberate change, run with FINETUNE_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from finetune_operator import yamlio
from finetune_operator.admission import parse_job
from finetune_operator.attempts import build_attempt_request
from finetune_operator.backends.hyperpod.render import render_attempt
from finetune_operator.code import config_maps_of_namespace
from finetune_operator.config import OperatorConfig
from finetune_operator.recipes import BUILTIN_RECIPES_DIR, load_recipes_dir

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "golden" / "hyperpod"
CASES = sorted(p.name for p in GOLDEN_DIR.iterdir() if (p / "job.yaml").exists())
UPDATE = os.environ.get("FINETUNE_UPDATE_GOLDEN") == "1"


def render_case(case_dir: Path) -> str:
    """job.yaml holds the job, after any ConfigMaps its reward and tool modules come from."""
    *config_maps, document = yamlio.load_file(case_dir / "job.yaml")
    job = parse_job(document)
    resume_file = case_dir / "resume-from.txt"
    attempt, resume_from = (3, resume_file.read_text().strip()) if resume_file.exists() else (1, None)
    config_file = case_dir / "operator.yaml"
    config = OperatorConfig.from_file(config_file) if config_file.exists() else OperatorConfig()
    request, _ = build_attempt_request(
        job,
        load_recipes_dir(BUILTIN_RECIPES_DIR),
        config,
        attempt,
        resume_from,
        job.spec.max_runtime_seconds,
        config_maps_of_namespace(config_maps, job.metadata.namespace or ""),
    )
    return yamlio.dump_documents(render_attempt(request))


def test_there_are_cases() -> None:
    assert len(CASES) >= 6


@pytest.mark.parametrize("case", CASES)
def test_render_matches_golden(case: str) -> None:
    case_dir = GOLDEN_DIR / case
    rendered = render_case(case_dir)
    golden = case_dir / "rendered.yaml"
    if UPDATE:
        golden.write_text(rendered)
    assert golden.exists(), f"missing {golden}; run with FINETUNE_UPDATE_GOLDEN=1 to create it"
    assert rendered == golden.read_text(), f"{case}: rendering changed; diff against {golden}"
