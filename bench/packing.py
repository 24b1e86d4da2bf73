"""How much of the compute goes to real tokens: the trainer's packing against per-example padding.

A synthetic SFT dataset with a long-tailed, log-normal length distribution
(median about 300 tokens, a tail past 4k, like public chat fine-tuning sets) goes through the
trainer's own data path: the seeded mixture plan, best-fit-decreasing packing and the collate
functions that build the model's input tensors. For each strategy the benchmark counts the tokens
the model processes and how many of them are real (non-pad) tokens.

Throughput and memory against TRL's `SFTTrainer` are `bench/trainer.py`'s.

The last line of output is one JSON object with all figures. ``--smoke`` (or
FINETUNE_BENCH_SMOKE=1) runs 500 documents for `make test`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from typing import Any

from finetune_trainer.dataset import LoadedData
from finetune_trainer.encoding import IGNORE_INDEX, TokenizedSequence
from finetune_trainer.packing import collate_padded
from finetune_trainer.train import build_rows

SMOKE = {"documents": 500, "seq_length": 1024}
"""`--smoke`'s sizes (docs/operations.md, "Benchmarks"): the same path in a second; its figures mean
nothing."""


def synthetic_lengths(count: int, seq_length: int, seed: int) -> list[int]:
    """Log-normal token counts (mu=5.7, sigma=0.9: median ~300, mean ~450), clipped to the window."""
    rng = random.Random(seed)
    return [max(16, min(seq_length, int(rng.lognormvariate(5.7, 0.9)))) for _ in range(count)]


def synthetic_documents(lengths: list[int]) -> tuple[TokenizedSequence, ...]:
    """Documents whose first quarter is prompt (no label) and the rest the answer."""
    documents = []
    for length in lengths:
        prompt = length // 4
        ids = tuple(range(10, 10 + length))
        labels = (IGNORE_INDEX,) * prompt + ids[prompt:]
        documents.append(TokenizedSequence(ids, labels))
    return tuple(documents)


def measure_packing(
    documents: tuple[TokenizedSequence, ...], seq_length: int, micro_batch: int
) -> dict[str, Any]:
    data = LoadedData(
        train_sources=(documents,), weights=(1.0,), validation=(), bad_records=(), records_read=len(documents)
    )
    real_total = sum(len(d) for d in documents)

    packed_rows = build_rows(data, seed=0, epoch=0, packing=True, row_length=seq_length)
    # Packed rows are always seq_length long: the model processes rows x seq_length tokens.
    packed_processed = len(packed_rows) * seq_length

    unpacked_rows = build_rows(data, seed=0, epoch=0, packing=False, row_length=seq_length)
    padded_processed = 0
    padded_real = 0
    for first in range(0, len(unpacked_rows), micro_batch):
        batch_documents = [documents[i] for row in unpacked_rows[first : first + micro_batch] for _, i in row]
        batch = collate_padded(batch_documents, pad_id=0)
        padded_processed += batch.input_ids.numel()
        padded_real += batch.real_tokens
    return {
        "documents": len(documents),
        "realTokens": real_total,
        "seqLength": seq_length,
        "lengthMedian": statistics.median(len(d) for d in documents),
        "lengthMean": round(statistics.mean(len(d) for d in documents), 1),
        "lengthP99": sorted(len(d) for d in documents)[int(0.99 * len(documents))],
        "packedRows": len(packed_rows),
        "packedRealFraction": round(real_total / packed_processed, 4),
        "paddedMicroBatch": micro_batch,
        "paddedRealFraction": round(padded_real / padded_processed, 4),
        "paddedToSeqLengthRealFraction": round(real_total / (len(documents) * seq_length), 4),
        "computeSavedVersusPadded": round(1 - packed_processed / padded_processed, 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20000)
    parser.add_argument("--seq-length", type=int, default=4096)
    parser.add_argument("--micro-batch", type=int, default=8, help="per-example padding baseline batch size")
    parser.add_argument(
        "--smoke",
        action="store_true",
        default=os.environ.get("FINETUNE_BENCH_SMOKE") == "1",
        help=f"make test's run: {SMOKE} unless given (also FINETUNE_BENCH_SMOKE=1)",
    )
    args = parser.parse_args()
    if args.smoke:
        parser.set_defaults(**SMOKE)
        args = parser.parse_args()

    started = time.perf_counter()
    documents = synthetic_documents(synthetic_lengths(args.documents, args.seq_length, seed=0))
    packing = measure_packing(documents, args.seq_length, args.micro_batch)
    packing["seconds"] = round(time.perf_counter() - started, 2)
    print(
        f"documents: {packing['documents']}  median length {packing['lengthMedian']}  "
        f"mean {packing['lengthMean']}  p99 {packing['lengthP99']}  (seqLength {args.seq_length})"
    )
    print(f"real-token fraction, packed (finetune-train):     {packing['packedRealFraction']:.4f}")
    print(
        f"real-token fraction, padded per micro-batch of {args.micro_batch}: "
        f"{packing['paddedRealFraction']:.4f}"
    )
    print(f"real-token fraction, padded to seqLength:         {packing['paddedToSeqLengthRealFraction']:.4f}")
    print(f"compute saved by packing vs per-batch padding:    {packing['computeSavedVersusPadded']:.1%}")

    result = {
        "benchmark": "packing",
        "smoke": args.smoke,
        "packing": packing,
        "targetRealFraction": 0.97,
        "meetsTarget": packing["packedRealFraction"] >= 0.97,
    }
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
