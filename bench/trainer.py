"""The trainer against TRL's SFTTrainer + PEFT: real tokens per second, and the loss head's peak memory.

Throughput: the same tiny Llama (hidden 256, 4 layers, vocabulary 8k), the same prompt-completion
data with long-tailed lengths (log-normal, median about 100 tokens, a tail to the 512-token
window), LoRA rank 16 on q_proj/v_proj, the same micro-batch, learning rate and clipping, trained
for the same number of steps by `finetune-train` and by TRL, once with per-batch padding and once
with packing. A variant's figure is the median, over the steps after the warm-up, of each step's
real (non-pad) tokens per second: `progress.jsonl`'s `tokensPerSecond` here (the step's own
duration), the gap between two `on_step_end` callbacks in TRL (with `num_input_tokens_seen`
counting non-pad tokens). The variants run interleaved, `--repeats` times, and each counts its
best run, so that a shared machine's passing load does not decide a ratio.

Memory: the peak memory of one micro-batch's forward and backward (a 4096-token row, LoRA, a
128k vocabulary with a small hidden size), with the chunked loss head, with the unchunked head it
replaced (full fp32 logits and cross-entropy over them, kept here only as the reference), and
through TRL's `SFTTrainer.compute_loss`. On CPU it is the peak RSS above the RSS just before the
step, of a process that does nothing else; on CUDA the allocator's peak above what was allocated
before the step.

Every variant runs in its own child process of this one; the last line of output is one JSON
object with all figures and the targets (>= 1.5x TRL padded and >= 1.0x TRL packed in real
tokens/s; loss-head peak memory >= 4x below the unchunked head). ``--smoke`` (or
FINETUNE_BENCH_SMOKE=1) runs every variant at tiny sizes for `make test`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import torch
import yaml
from hack.tiny_model import save_tiny_model

from finetune_contract.constants import run_progress_file

REPO_ROOT = Path(__file__).resolve().parents[1]
"""Where the benchmark modules run from: `python -m bench.trainer` in the repository's root."""
LORA_TARGETS = ["q_proj", "v_proj"]
LORA_RANK = 16
LEARNING_RATE = 2e-4
THROUGHPUT_MODES = {
    "padded": {"packing": False, "micro_batch": 8},
    "packed": {"packing": True, "micro_batch": 2},
}
TARGETS = {"paddedVsTrl": 1.5, "packedVsTrl": 1.0, "lossHeadMemoryReduction": 4.0}
SMOKE = {
    "steps": 3,
    "warmup": 1,
    "repeats": 1,
    "documents": 48,
    "seq_length": 128,
    "memory_tokens": 256,
    "memory_vocab": 4096,
}
"""`--smoke`'s sizes (docs/operations.md, "Benchmarks"): every variant runs, in seconds; its figures
mean nothing."""


def _device() -> str:
    return "cuda" if torch.cuda.is_available() else "cpu"


# --- inputs: a tokenizer, a model and data, all generated ---------------------------------------------


def write_model(directory: Path, vocab_size: int, hidden: int, layers: int, max_length: int) -> None:
    """A word-level tokenizer over `vocab_size` words and a random Llama of the given shape."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    specials = ["<s>", "<|end|>", "<pad>", "[UNK]"]
    vocab = {f"w{i}": i for i in range(vocab_size - len(specials))}
    vocab |= {token: len(vocab) + i for i, token in enumerate(specials)}
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, bos_token="<s>", eos_token="<|end|>", pad_token="<pad>", unk_token="[UNK]"
    )
    fast.save_pretrained(str(directory))
    # The one tiny-model builder's Llama, at the benchmark's size and transformers' default init.
    save_tiny_model(
        directory,
        fast,
        hidden_size=hidden,
        intermediate_size=hidden * 11 // 4,
        num_hidden_layers=layers,
        num_attention_heads=max(1, hidden // 64),
        num_key_value_heads=max(1, hidden // 64),
        max_position_embeddings=max_length,
        use_cache=False,
        initializer_range=0.02,
    )


def long_tailed_lengths(count: int, max_length: int, seed: int) -> list[int]:
    """Log-normal word counts (median about 100, sigma 0.9), clipped to [16, max_length]."""
    rng = random.Random(seed)
    return [max(16, min(max_length, int(rng.lognormvariate(4.6, 0.9)))) for _ in range(count)]


def write_prompt_completion(path: Path, lengths: list[int], words: int, seed: int) -> None:
    """One record per length: a quarter prompt, the rest completion (the scored part)."""
    rng = random.Random(seed)
    lines = []
    for length in lengths:
        text = [f"w{rng.randrange(words)}" for _ in range(length)]
        cut = max(1, length // 4)
        lines.append(json.dumps({"prompt": " ".join(text[:cut]), "completion": " " + " ".join(text[cut:])}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- throughput ----------------------------------------------------------------------------------------


def _finetune_train_config(
    root: Path, model: Path, data: Path, packing: bool, micro_batch: int, steps: int, seq_length: int
) -> dict[str, Any]:
    return {
        "apiVersion": "finetune.dev/v1alpha1",
        "kind": "ResolvedTrainingConfig",
        "job": {"namespace": "bench", "name": "trainer", "uid": "bench", "attempt": 1},
        "recipe": {"name": "bench", "hash": "none"},
        "method": "lora",
        "model": {"name": "bench-llama", "path": str(model), "tokenizer": None},
        "data": {
            "format": "prompt-completion",
            "train": [{"path": str(data), "weight": 1.0}],
            "validation": None,
            "validationSplit": 0.0,
            "errorBudget": 0.0,
            "validationEverySteps": 0,
        },
        "training": {
            "seqLength": seq_length,
            "microBatchSize": micro_batch,
            "gradientAccumulationSteps": 1,
            "maxSteps": steps,
            "epochs": 1,
            "seed": 0,
            "precision": "bf16" if _device() == "cuda" else "fp32",
            "packing": packing,
            "gradientCheckpointing": False,
        },
        "optimizer": {
            "name": "adamw",
            "learningRate": LEARNING_RATE,
            "weightDecay": 0.0,
            "beta1": 0.9,
            "beta2": 0.999,
            "epsilon": 1e-8,
            "maxGradNorm": 1.0,
            "scheduler": "constant",
            "warmupSteps": 0,
        },
        "lora": {
            "rank": LORA_RANK,
            "alpha": LORA_RANK,
            "dropout": 0.0,
            "targetModules": LORA_TARGETS,
            "loadIn4Bit": False,
        },
        "dpo": None,
        "grpo": None,
        "rewards": [],
        "tools": None,
        "parallelism": {"tensorParallel": 1, "zero1": False},
        "neuron": {"precompile": False},
        # A divergence ends a benchmark run (exit 3) rather than rolling back: a rollback would
        # change the steps it measures.
        "divergence": {
            "policy": "fail",
            "spikeDeviations": 8.0,
            "window": 32,
            "learningRateFactor": 0.5,
            "maxRollbacks": 3,
        },
        "evaluation": None,
        "checkpointing": {"dir": str(root / "checkpoints"), "everySteps": steps, "keepLast": 1},
        "output": {"dir": str(root / "output"), "merge": False},
        "logging": {"everySteps": 1, "tensorboardDir": ""},
    }


def train_and_read_steps(root: Path, config: dict[str, Any]) -> list[dict[str, Any]]:
    """Run our trainer's CLI on `config` in `root` (no status reporting) and return the step
    records it logged to progress.jsonl: what every benchmark of our trainer measures."""
    root.mkdir(parents=True)
    (root / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    env = os.environ | {"FINETUNE_STATUS_REPORTING": "none", "FINETUNE_LOG_LEVEL": "WARNING"}
    subprocess.run(
        [sys.executable, "-m", "finetune_trainer.cli", "--config", str(root / "config.yaml")],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    records = [
        json.loads(line)
        for line in (root / "checkpoints" / run_progress_file(config["job"]["uid"])).read_text().splitlines()
    ]
    return [r for r in records if r["type"] == "step"]


def run_finetune_train(
    root: Path, model: Path, data: Path, mode: str, steps: int, warmup: int, seq_length: int
) -> dict[str, Any]:
    settings = THROUGHPUT_MODES[mode]
    config = _finetune_train_config(
        root, model, data, settings["packing"], settings["micro_batch"], steps, seq_length
    )
    steps_logged = train_and_read_steps(root, config)[warmup:]
    return {
        "realTokensPerSecond": round(statistics.median(r["tokensPerSecond"] for r in steps_logged), 1),
        "realTokenFraction": round(statistics.mean(r["realTokenFraction"] for r in steps_logged), 4),
        "steps": len(steps_logged),
    }


def trl_throughput_worker(args: argparse.Namespace) -> dict[str, Any]:
    """TRL SFTTrainer + PEFT with the same model, data and settings (runs in a child process)."""
    from datasets import load_dataset
    from peft import LoraConfig
    from transformers import AutoModelForCausalLM, AutoTokenizer, TrainerCallback
    from trl import SFTConfig, SFTTrainer

    settings = THROUGHPUT_MODES[args.mode]
    cuda = _device() == "cuda"
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    model = AutoModelForCausalLM.from_pretrained(args.model, dtype=torch.float32)
    model.config.use_cache = False  # as the trainer does; packed position ids need it
    dataset = load_dataset("json", data_files=args.data, split="train")
    config = SFTConfig(
        output_dir=str(Path(args.data).parent / f"trl-{args.mode}"),
        max_steps=args.steps,
        per_device_train_batch_size=settings["micro_batch"],
        gradient_accumulation_steps=1,
        max_length=args.seq_length,
        packing=settings["packing"],
        gradient_checkpointing=False,
        learning_rate=LEARNING_RATE,
        lr_scheduler_type="constant",
        warmup_steps=0,
        weight_decay=0.0,
        max_grad_norm=1.0,
        bf16=cuda,
        use_cpu=not cuda,
        logging_steps=args.steps,
        report_to=[],
        save_strategy="no",
        seed=0,
        dataloader_num_workers=0,
        include_num_input_tokens_seen="non_padding",
    )
    marks: list[tuple[float, int]] = []

    class StepClock(TrainerCallback):
        def on_step_end(self, _args: Any, state: Any, _control: Any, **_: Any) -> None:
            if cuda:
                torch.cuda.synchronize()
            marks.append((time.perf_counter(), int(state.num_input_tokens_seen)))

    trainer = SFTTrainer(
        model=model,
        args=config,
        train_dataset=dataset,
        processing_class=tokenizer,
        peft_config=LoraConfig(
            r=LORA_RANK, lora_alpha=LORA_RANK, lora_dropout=0.0, target_modules=LORA_TARGETS
        ),
        callbacks=[StepClock()],
    )
    trainer.train()
    rates = [
        (tokens - previous_tokens) / (end - start)
        for (start, previous_tokens), (end, tokens) in zip(
            marks[args.warmup - 1 :], marks[args.warmup :], strict=False
        )
    ]
    return {"realTokensPerSecond": round(statistics.median(rates), 1), "steps": len(rates)}


# --- loss-head memory ----------------------------------------------------------------------------------


def _rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def memory_worker(args: argparse.Namespace) -> dict[str, Any]:
    """Peak memory of one forward and backward of one `args.tokens`-token row (a child process)."""
    import torch.nn.functional as F
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from finetune_trainer.config import parse_config
    from finetune_trainer.encoding import IGNORE_INDEX, TokenizedSequence
    from finetune_trainer.methods import SupervisedMethod
    from finetune_trainer.model import add_lora
    from finetune_trainer.packing import collate_padded

    # The settings come from the throughput runs' config, through the trainer's own parsing: a field
    # the contract gains (as lora.loadIn4Bit did) reaches this run as it reaches the trainer's.
    model_dir = Path(args.model)
    config = parse_config(
        _finetune_train_config(
            model_dir.parent / "memory-run",
            model_dir,
            model_dir.parent / "memory-run" / "unread.jsonl",  # the step's row is built below
            packing=False,
            micro_batch=1,
            steps=1,
            seq_length=args.tokens,
        )
    )
    assert config.lora is not None, "the benchmark's config is a LoRA one"
    device = torch.device(_device())
    dtype = torch.bfloat16 if device.type == "cuda" else torch.float32
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    model = AutoModelForCausalLM.from_pretrained(args.model, dtype=dtype).to(device)
    rng = random.Random(1)
    ids = tuple(rng.randrange(len(tokenizer) - 4) for _ in range(args.tokens))
    prompt = args.tokens // 4
    batch = collate_padded(
        [TokenizedSequence(ids, (IGNORE_INDEX,) * prompt + ids[prompt:])], tokenizer.pad_token_id
    )
    if args.head == "trl":
        from datasets import Dataset
        from peft import LoraConfig
        from trl import SFTConfig, SFTTrainer

        words = [f"w{i}" for i in ids]
        dataset = Dataset.from_list(
            [{"prompt": " ".join(words[:prompt]), "completion": " " + " ".join(words[prompt:])}]
        )
        trainer = SFTTrainer(
            model=model,
            args=SFTConfig(
                output_dir=str(Path(args.model).parent / "trl-memory"),
                per_device_train_batch_size=1,
                max_length=args.tokens + 8,
                gradient_checkpointing=False,
                bf16=device.type == "cuda",
                use_cpu=device.type == "cpu",
                report_to=[],
            ),
            train_dataset=dataset,
            processing_class=tokenizer,
            peft_config=LoraConfig(
                r=LORA_RANK, lora_alpha=LORA_RANK, lora_dropout=0.0, target_modules=LORA_TARGETS
            ),
        )
        inputs = trainer._prepare_inputs(next(iter(trainer.get_train_dataloader())))
        model = trainer.model
        model.train()

        def step() -> torch.Tensor:
            loss: torch.Tensor = trainer.compute_loss(model, inputs)
            return loss

    else:
        model = add_lora(model, config.lora, config.training.seed)
        model.train()
        method = SupervisedMethod(
            device, tokenizer.pad_token_id, config.training.seq_length, config.training.packing
        )

        def step() -> torch.Tensor:
            if args.head == "chunked":
                return method.loss(model, batch, float(batch.target_tokens), 1)[0]
            # The unchunked head this trainer had: the model's full logits in fp32, then cross-entropy.
            logits = model(
                input_ids=batch.input_ids.to(device),
                position_ids=batch.position_ids.to(device),
                attention_mask=batch.attention_mask.to(device),  # type: ignore[union-attr]
                use_cache=False,
            ).logits.float()
            labels = batch.labels.to(device)
            loss_sum = F.cross_entropy(
                logits[:, :-1].reshape(-1, logits.size(-1)),
                labels[:, 1:].reshape(-1),
                ignore_index=IGNORE_INDEX,
                reduction="sum",
            )
            return loss_sum / batch.target_tokens

    if device.type == "cuda":
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
        before = torch.cuda.memory_allocated()
    else:
        before = _rss_bytes()
    started = time.perf_counter()
    step().backward()
    seconds = time.perf_counter() - started
    if device.type == "cuda":
        torch.cuda.synchronize()
        peak = torch.cuda.max_memory_allocated() - before
    else:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before
    return {"peakBytes": peak, "seconds": round(seconds, 2)}


# --- the driver ----------------------------------------------------------------------------------------


def run_worker(module: str, *argv: str) -> dict[str, Any]:
    """Runs a benchmark's `module` (`bench.trainer`) as a child process, from the repository's root
    as this one runs, and returns the JSON of its last output line.

    A failed child's stderr is raised with it: its traceback names the fault, which the parent's
    own traceback (a CalledProcessError) does not.
    """
    result = subprocess.run(
        [sys.executable, "-m", module, *argv], capture_output=True, text=True, cwd=REPO_ROOT
    )
    if result.returncode != 0:
        raise RuntimeError(f"{module} {' '.join(argv)} exited {result.returncode}:\n{result.stderr[-4000:]}")
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def _child(*argv: str) -> dict[str, Any]:
    """Runs one of this file's workers in a child process and returns its JSON."""
    return run_worker(__spec__.name, *argv)


def measure_throughput(root: Path, args: argparse.Namespace) -> dict[str, Any]:
    model, data = root / "throughput-model", root / "throughput.jsonl"
    write_model(model, vocab_size=8192, hidden=256, layers=4, max_length=args.seq_length)
    lengths = long_tailed_lengths(args.documents, args.seq_length - 8, seed=0)
    write_prompt_completion(data, lengths, words=8000, seed=1)
    results: dict[str, Any] = {
        "model": {"hidden": 256, "layers": 4, "vocabulary": 8192, "loraRank": LORA_RANK},
        "seqLength": args.seq_length,
        "documents": {"count": len(lengths), "median": statistics.median(lengths), "max": max(lengths)},
        "steps": args.steps,
        "warmupSteps": args.warmup,
        "repeats": args.repeats,
        "measure": "median of the steps' real tokens/s after the warm-up; best of the repeats",
    }
    best: dict[tuple[str, str], dict[str, Any]] = {}
    # Interleaved repeats, the best of each variant: a shared machine's load comes and goes.
    for repeat in range(args.repeats):
        for mode in THROUGHPUT_MODES:
            runs = {
                "finetuneTrain": run_finetune_train(
                    root / f"ours-{mode}-{repeat}",
                    model,
                    data,
                    mode,
                    args.steps,
                    args.warmup,
                    args.seq_length,
                ),
                "trl": _child(
                    "trl-throughput",
                    f"--model={model}",
                    f"--data={data}",
                    f"--mode={mode}",
                    f"--steps={args.steps}",
                    f"--warmup={args.warmup}",
                    f"--seq-length={args.seq_length}",
                ),
            }
            for trainer, run in runs.items():
                print(f"throughput {mode} {trainer} (repeat {repeat + 1}): {json.dumps(run)}", flush=True)
                previous = best.get((mode, trainer))
                if previous is None or run["realTokensPerSecond"] > previous["realTokensPerSecond"]:
                    best[mode, trainer] = run
    for mode, settings in THROUGHPUT_MODES.items():
        ours, trl = best[mode, "finetuneTrain"], best[mode, "trl"]
        results[mode] = {
            "microBatch": settings["micro_batch"],
            "finetuneTrain": ours,
            "trl": trl,
            "ratio": round(ours["realTokensPerSecond"] / trl["realTokensPerSecond"], 2),
        }
    return results


def measure_memory(root: Path, args: argparse.Namespace) -> dict[str, Any]:
    model = root / "memory-model"
    write_model(model, vocab_size=args.memory_vocab, hidden=64, layers=2, max_length=args.memory_tokens + 16)
    results: dict[str, Any] = {
        "model": {"hidden": 64, "layers": 2, "vocabulary": args.memory_vocab, "loraRank": LORA_RANK},
        "tokens": args.memory_tokens,
        "measure": "allocator peak above the step's start"
        if _device() == "cuda"
        else "peak RSS above the step's start",
        "fullLogitsFp32Bytes": args.memory_tokens * args.memory_vocab * 4,
    }
    for head in ("unchunked", "chunked", "trl"):
        results[head] = _child(
            "memory", f"--model={model}", f"--head={head}", f"--tokens={args.memory_tokens}"
        )
        print(f"memory {head}: {json.dumps(results[head])}", flush=True)
    results["reduction"] = round(results["unchunked"]["peakBytes"] / results["chunked"]["peakBytes"], 2)
    results["reductionVsTrl"] = round(results["trl"]["peakBytes"] / results["chunked"]["peakBytes"], 2)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("worker", nargs="?", choices=["trl-throughput", "memory"])
    parser.add_argument("--steps", type=int, default=16)
    parser.add_argument("--warmup", type=int, default=4, help="steps left out of the throughput")
    parser.add_argument(
        "--repeats", type=int, default=2, help="interleaved runs of each variant; the best counts"
    )
    parser.add_argument("--documents", type=int, default=600)
    parser.add_argument("--seq-length", type=int, default=512)
    parser.add_argument("--memory-tokens", type=int, default=4096)
    parser.add_argument("--memory-vocab", type=int, default=128256)
    # worker arguments
    parser.add_argument("--model")
    parser.add_argument("--data")
    parser.add_argument("--mode", choices=sorted(THROUGHPUT_MODES))
    parser.add_argument("--head", choices=["unchunked", "chunked", "trl"])
    parser.add_argument("--tokens", type=int)
    parser.add_argument(
        "--smoke",
        action="store_true",
        default=os.environ.get("FINETUNE_BENCH_SMOKE") == "1",
        help=f"make test's run: the sizes {SMOKE} unless given (also FINETUNE_BENCH_SMOKE=1)",
    )
    args = parser.parse_args()
    if args.smoke:
        parser.set_defaults(**SMOKE)
        args = parser.parse_args()
    if args.worker == "trl-throughput":
        print(json.dumps(trl_throughput_worker(args)))
        return
    if args.worker == "memory":
        print(json.dumps(memory_worker(args)))
        return

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        throughput = measure_throughput(root, args)
        memory = measure_memory(root, args)
    device = torch.cuda.get_device_name(0) if _device() == "cuda" else f"cpu ({os.cpu_count()} cores)"
    result = {
        "benchmark": "trainer",
        "smoke": args.smoke,
        "device": device,
        "precision": "bf16" if _device() == "cuda" else "fp32",
        "throughput": throughput,
        "memory": memory,
        "targets": TARGETS,
        "meetsTargets": {
            "paddedVsTrl": throughput["padded"]["ratio"] >= TARGETS["paddedVsTrl"],
            "packedVsTrl": throughput["packed"]["ratio"] >= TARGETS["packedVsTrl"],
            "lossHeadMemoryReduction": memory["reduction"] >= TARGETS["lossHeadMemoryReduction"],
        },
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
