"""bench/trainer.py at smoke sizes (tests/bench_smoke.py): its throughput and loss-head memory parts
complete."""

from __future__ import annotations

from tests.bench_smoke import run_bench_smoke


def test_the_trainer_benchmark_runs_every_variant_and_prints_its_figures() -> None:
    # The memory part built its LoRA settings by hand and broke when lora.loadIn4Bit was added;
    # it now takes them from the trainer's own config parsing.
    run_bench_smoke(
        "trainer",
        {
            "device",
            "throughput.padded.finetuneTrain.realTokensPerSecond",
            "throughput.padded.trl.realTokensPerSecond",
            "throughput.padded.ratio",
            "throughput.packed.finetuneTrain.realTokensPerSecond",
            "throughput.packed.trl.realTokensPerSecond",
            "throughput.packed.ratio",
            "memory.unchunked.peakBytes",
            "memory.chunked.peakBytes",
            "memory.trl.peakBytes",
            "memory.reduction",
            "memory.reductionVsTrl",
            "meetsTargets.paddedVsTrl",
            "meetsTargets.packedVsTrl",
            "meetsTargets.lossHeadMemoryReduction",
        },
        timeout=600,
    )
