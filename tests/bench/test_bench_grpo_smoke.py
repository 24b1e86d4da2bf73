"""bench/grpo.py at smoke sizes: the trainer's GRPO steps and TRL's complete (tests/bench_smoke.py)."""

from __future__ import annotations

from tests.bench_smoke import run_bench_smoke


def test_the_grpo_benchmark_runs_both_trainers_and_prints_its_figures() -> None:
    run_bench_smoke(
        "grpo",
        {
            "device",
            "finetuneTrain.generatedTokensPerSecond",
            "finetuneTrain.trainedTokensPerSecond",
            "trl.generatedTokensPerSecond",
            "trl.trainedTokensPerSecond",
            "generatedVsTrl",
            "trainedVsTrl",
            "meetsTargets.generatedVsTrl",
            "meetsTargets.trainedVsTrl",
        },
        timeout=600,
    )
