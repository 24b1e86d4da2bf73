"""How much of the compute goes to real tokens: the trainer's packing against per-example padding.

Part 1 (any machine): a synthetic SFT dataset with a long-tailed, log-normal length distribution
(median about 300 tokens, a tail past 4k, like public chat fine-tuning sets) goes through the
trainer's own data path: the seeded mixture plan, best-fit-decreasing packing and the collate
functions that build the model's input tensors. For each strategy the benchmark counts the tokens
the model processes and how many of them are real (non-pad) tokens.

Part 2 (only with a CUDA GPU): tokens/s and peak GPU memory of a LoRA run of finetune-train
against a plain TRL `SFTTrainer` + PEFT run with the same small model, data and settings. Without
a GPU the JSON says so (`"gpu": null` and the reason) instead of inventing numbers.

The last line of output is one JSON object with all figures.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import torch

from finetune_trainer.dataset import LoadedData
from finetune_trainer.encoding import IGNORE_INDEX, TokenizedSequence
from finetune_trainer.packing import collate_padded
from finetune_trainer.train import build_rows


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


# --- GPU comparison ---------------------------------------------------------------------------------


def _gpu_unavailable_reason() -> str | None:
    if not torch.cuda.is_available():
        return "no CUDA device visible to torch on this machine; tokens/s and memory need a GPU"
    try:
        import trl  # noqa: F401
    except ImportError:
        return "trl is not installed (pip install trl) for the SFTTrainer + PEFT baseline"
    return None


def _write_gpu_inputs(root: Path, seq_length: int, count: int) -> tuple[Path, Path]:
    """A small Llama (hidden 512, 8 layers) and chat data of realistic lengths, all generated."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    vocab = {f"w{i}": i for i in range(4000)} | {"<s>": 4000, "<|end|>": 4001, "<pad>": 4002, "[UNK]": 4003}
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, bos_token="<s>", eos_token="<|end|>", pad_token="<pad>"
    )
    fast.chat_template = (
        "{{ bos_token }}{% for m in messages %}{{ m['role'] }} {{ m['content'] }}<|end|>{% endfor %}"
        "{% if add_generation_prompt %}assistant {% endif %}"
    )
    model_dir = root / "model"
    fast.save_pretrained(str(model_dir))
    config = LlamaConfig(
        vocab_size=len(fast),
        hidden_size=512,
        intermediate_size=1408,
        num_hidden_layers=8,
        num_attention_heads=8,
        num_key_value_heads=8,
        max_position_embeddings=seq_length,
    )
    LlamaForCausalLM(config).save_pretrained(str(model_dir))
    rng = random.Random(0)
    lines = []
    for length in synthetic_lengths(count, seq_length - 8, seed=1):
        words = [f"w{rng.randrange(4000)}" for _ in range(length)]
        cut = length // 4
        lines.append(
            json.dumps(
                {
                    "messages": [
                        {"role": "user", "content": " ".join(words[:cut])},
                        {"role": "assistant", "content": " ".join(words[cut:])},
                    ]
                }
            )
        )
    data = root / "train.jsonl"
    data.write_text("\n".join(lines) + "\n")
    return model_dir, data


def _run_finetune_train(
    root: Path, model_dir: Path, data: Path, seq_length: int, steps: int
) -> dict[str, Any]:
    import yaml

    config = {
        "apiVersion": "finetune.dev/v1alpha1",
        "kind": "ResolvedTrainingConfig",
        "job": {"namespace": "bench", "name": "packing", "uid": "bench", "attempt": 1},
        "recipe": {"name": "bench", "hash": "none"},
        "method": "lora",
        "model": {"name": "bench-llama", "path": str(model_dir), "tokenizer": None},
        "data": {
            "format": "messages",
            "train": [{"path": str(data), "weight": 1.0}],
            "validation": None,
            "validationSplit": 0.0,
            "errorBudget": 0.0,
        },
        "training": {
            "seqLength": seq_length,
            "microBatchSize": 1,
            "gradientAccumulationSteps": 1,
            "maxSteps": steps,
            "epochs": 1,
            "seed": 0,
            "precision": "bf16",
            "packing": True,
            "gradientCheckpointing": False,
        },
        "optimizer": {
            "name": "adamw",
            "learningRate": 2e-4,
            "weightDecay": 0.0,
            "beta1": 0.9,
            "beta2": 0.999,
            "epsilon": 1e-8,
            "maxGradNorm": 1.0,
            "scheduler": "constant",
            "warmupSteps": 0,
        },
        "lora": {"rank": 16, "alpha": 16, "dropout": 0.0, "targetModules": ["q_proj", "v_proj"]},
        "dpo": None,
        "parallelism": {"tensorParallel": 1, "zero1": False},
        "neuron": {"precompile": False},
        "checkpointing": {"dir": str(root / "ft" / "checkpoints"), "everySteps": steps, "keepLast": 1},
        "output": {"dir": str(root / "ft" / "output"), "merge": False},
        "logging": {"everySteps": 1, "tensorboardDir": ""},
    }
    config_path = root / "ft.yaml"
    config_path.write_text(yaml.safe_dump(config))
    subprocess.run([sys.executable, "-m", "finetune_trainer.cli", "--config", str(config_path)], check=True)
    records = [
        json.loads(line) for line in (root / "ft" / "checkpoints" / "progress.jsonl").read_text().splitlines()
    ]
    steps_logged = [r for r in records if r["type"] == "step"][2:]  # skip warm-up steps
    metrics = json.loads((root / "ft" / "output" / "metrics.json").read_text())
    return {
        "tokensPerSecond": round(statistics.mean(r["tokensPerSecond"] for r in steps_logged), 1),
        "realTokenFraction": round(statistics.mean(r["realTokenFraction"] for r in steps_logged), 4),
        "peakMemoryBytes": metrics.get("peakGpuMemoryBytes"),
    }


def _run_trl_baseline(
    model_dir: Path, data: Path, seq_length: int, steps: int, micro_batch: int
) -> dict[str, Any]:
    from datasets import load_dataset
    from peft import LoraConfig
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from trl import SFTConfig, SFTTrainer

    torch.cuda.reset_peak_memory_stats()
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    model = AutoModelForCausalLM.from_pretrained(str(model_dir), dtype=torch.bfloat16)
    dataset = load_dataset("json", data_files=str(data), split="train")
    args = SFTConfig(
        output_dir=str(model_dir.parent / "trl"),
        max_steps=steps,
        per_device_train_batch_size=micro_batch,
        max_length=seq_length,
        packing=False,
        bf16=True,
        learning_rate=2e-4,
        logging_steps=1,
        report_to=[],
        save_strategy="no",
    )
    trainer = SFTTrainer(
        model=model,
        args=args,
        train_dataset=dataset,
        processing_class=tokenizer,
        peft_config=LoraConfig(r=16, lora_alpha=16, target_modules=["q_proj", "v_proj"]),
    )
    started = time.perf_counter()
    trainer.train()
    elapsed = time.perf_counter() - started
    real_tokens = trainer.state.num_input_tokens_seen or 0
    return {
        "tokensPerSecond": round(real_tokens / elapsed, 1) if real_tokens else None,
        "peakMemoryBytes": torch.cuda.max_memory_allocated(),
    }


def measure_gpu(seq_length: int, steps: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        model_dir, data = _write_gpu_inputs(root, seq_length, count=4000)
        ours = _run_finetune_train(root, model_dir, data, seq_length, steps)
        # The baseline's batch holds about as many real tokens as one packed row.
        micro_batch = max(
            1, round(seq_length / statistics.mean(synthetic_lengths(4000, seq_length - 8, seed=1)))
        )
        baseline = _run_trl_baseline(model_dir, data, seq_length, steps * 2, micro_batch)
    return {"device": torch.cuda.get_device_name(0), "finetuneTrain": ours, "trlSftTrainer": baseline}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20000)
    parser.add_argument("--seq-length", type=int, default=4096)
    parser.add_argument("--micro-batch", type=int, default=8, help="per-example padding baseline batch size")
    parser.add_argument("--gpu-steps", type=int, default=30)
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

    reason = _gpu_unavailable_reason()
    gpu = None if reason else measure_gpu(args.seq_length, args.gpu_steps)
    print(f"GPU comparison: {reason}" if reason else f"GPU comparison: {json.dumps(gpu)}")
    result = {
        "benchmark": "packing",
        "packing": packing,
        "targetRealFraction": 0.97,
        "meetsTarget": packing["packedRealFraction"] >= 0.97,
        "gpu": gpu,
    }
    if reason:
        result["gpuSkippedReason"] = reason
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
