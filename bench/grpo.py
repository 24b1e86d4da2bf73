"""The trainer's GRPO step against TRL's GRPOTrainer: generated and trained tokens per second.

Both train the same tiny Llama (hidden 256, 4 layers, a word-level vocabulary of 8k, as
bench/trainer.py builds it) with LoRA rank 16 on q_proj/v_proj, on the same prompts (32 words,
33 tokens with BOS), with the same GRPO settings: 4 prompts x 8 generations per optimizer step,
64-token completions sampled at temperature 1 with top-p 1, beta 0, the dapo loss, one iteration
per generation, and the same reward (the share of the completion's words that repeat the prompt's
first word). The untrained model almost never samples its end-of-sequence token, so both sides
generate the full 64 tokens for every completion and do the same work.

A step's figures are taken from the whole optimizer step, generation included:
- finetune-train: `progress.jsonl`'s `tokensPerSecond` (the step's prompt and completion tokens,
  the tokens the loss pass runs over, divided by the step's duration), and the generated tokens
  per second derived from it with the step's `completionLength`;
- TRL: the gap between two `on_step_end` callbacks, with the step's `num_tokens` (prompt and
  completion tokens) and `completions/mean_length` from its logs.

Each figure is the median over the steps after the warm-up; the two trainers run interleaved,
`--repeats` times, and each counts its best run, so that a shared machine's passing load does not
decide the ratio. The last line of output is one JSON object; the target is >= 1.0x TRL in both.
``--smoke`` (or FINETUNE_BENCH_SMOKE=1) runs two steps of 2 prompts x 2 generations of 8 tokens,
once, for `make test`; `--prompts-per-step`, `--generations` and `--completion-tokens` set them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import torch

# bench/trainer.py: the same model and base config.
from bench.trainer import (
    LORA_RANK,
    LORA_TARGETS,
    _device,
    _finetune_train_config,
    run_worker,
    train_and_read_steps,
    write_model,
)

LEARNING_RATE = 1e-4
PROMPTS_PER_STEP = 4
GENERATIONS = 8
PROMPT_WORDS = 32
COMPLETION_TOKENS = 64
VOCABULARY = 8192
TARGETS = {"generatedVsTrl": 1.0, "trainedVsTrl": 1.0}
SMOKE = {
    "steps": 2,
    "warmup": 1,
    "repeats": 1,
    "prompts_per_step": 2,
    "generations": 2,
    "completion_tokens": 8,
}
"""`--smoke`'s sizes (docs/operations.md, "Benchmarks"): both trainers run a measured step, in
seconds; its figures mean nothing."""

REWARD_SOURCE = '''
def echo_first_word(prompt, completion, **fields):
    """The share of the completion's words that repeat the prompt's first word."""
    words = completion.split()
    return sum(w == prompt.split()[0] for w in words) / max(len(words), 1)
'''


def write_prompts(path: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    lines = [
        json.dumps({"prompt": " ".join(f"w{rng.randrange(8000)}" for _ in range(PROMPT_WORDS))})
        for _ in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _config(root: Path, model: Path, data: Path, reward: Path, args: argparse.Namespace) -> dict[str, Any]:
    """bench/trainer.py's LoRA config, made a grpo-lora one."""
    config = _finetune_train_config(
        root, model, data, packing=False, micro_batch=args.prompts_per_step, steps=args.steps, seq_length=512
    )
    config["job"]["name"] = "grpo"
    config["method"] = "grpo-lora"
    config["data"]["format"] = "prompt"
    config["optimizer"]["learningRate"] = LEARNING_RATE
    config["grpo"] = {
        "numGenerations": args.generations,
        "maxPromptLength": 512,
        "maxCompletionLength": args.completion_tokens,
        "temperature": 1.0,
        "topP": 1.0,
        "beta": 0.0,
        "epsilon": 0.2,
        "numIterations": 1,
        "lossType": "dapo",
        "useBiasCorrectionKl": True,
        "generationEngine": "hf",
    }
    config["rewards"] = [
        {
            "name": "echo",
            "weight": 1.0,
            "builtin": None,
            "field": None,
            "pattern": None,
            "module": str(reward),
            "function": "echo_first_word",
        }
    ]
    return config


def run_finetune_train(
    root: Path, model: Path, data: Path, reward: Path, args: argparse.Namespace
) -> dict[str, Any]:
    measured = train_and_read_steps(root, _config(root, model, data, reward, args))[args.warmup :]
    prompt_tokens = PROMPT_WORDS + 1  # BOS
    generated = [
        r["tokensPerSecond"] * r["completionLength"] / (prompt_tokens + r["completionLength"])
        for r in measured
    ]
    return {
        "generatedTokensPerSecond": round(statistics.median(generated), 1),
        "trainedTokensPerSecond": round(statistics.median(r["tokensPerSecond"] for r in measured), 1),
        "completionLength": round(statistics.mean(r["completionLength"] for r in measured), 2),
        "steps": len(measured),
    }


def trl_worker(args: argparse.Namespace) -> dict[str, Any]:
    """TRL's GRPOTrainer + PEFT with the same model, prompts and settings (runs in a child process)."""
    from datasets import load_dataset
    from peft import LoraConfig
    from transformers import AutoModelForCausalLM, AutoTokenizer, TrainerCallback
    from trl import GRPOConfig, GRPOTrainer

    cuda = _device() == "cuda"
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    model = AutoModelForCausalLM.from_pretrained(args.model, dtype=torch.float32)
    dataset = load_dataset("json", data_files=args.data, split="train")

    def echo_first_word(prompts: list[str], completions: list[str], **_: Any) -> list[float]:
        rewards = []
        for prompt, completion in zip(prompts, completions, strict=True):
            words = completion.split()
            rewards.append(sum(w == prompt.split()[0] for w in words) / max(len(words), 1))
        return rewards

    config = GRPOConfig(
        output_dir=str(Path(args.data).parent / "trl-grpo"),
        max_steps=args.steps,
        per_device_train_batch_size=args.prompts_per_step * args.generations,
        gradient_accumulation_steps=1,
        num_generations=args.generations,
        max_completion_length=args.completion_tokens,
        temperature=1.0,
        top_p=1.0,
        top_k=0,
        beta=0.0,
        epsilon=0.2,
        num_iterations=1,
        loss_type="dapo",
        use_bias_correction_kl=True,
        learning_rate=LEARNING_RATE,
        lr_scheduler_type="constant",
        warmup_steps=0,
        weight_decay=0.0,
        max_grad_norm=1.0,
        bf16=cuda,
        use_cpu=not cuda,
        logging_steps=1,
        report_to=[],
        save_strategy="no",
        seed=0,
        dataloader_num_workers=0,
        gradient_checkpointing=False,
    )
    marks: list[float] = []
    logs: list[dict[str, float]] = []

    class StepClock(TrainerCallback):
        def on_step_end(self, _args: Any, state: Any, _control: Any, **_: Any) -> None:
            if cuda:
                torch.cuda.synchronize()
            marks.append(time.perf_counter())

        def on_log(self, _args: Any, state: Any, _control: Any, logs_: Any = None, **kwargs: Any) -> None:
            entry = kwargs.get("logs") or logs_ or {}
            if "num_tokens" in entry:
                logs.append(dict(entry))

    started = time.perf_counter()
    trainer = GRPOTrainer(
        model=model,
        reward_funcs=echo_first_word,
        args=config,
        train_dataset=dataset,
        processing_class=tokenizer,
        peft_config=LoraConfig(
            r=LORA_RANK, lora_alpha=LORA_RANK, lora_dropout=0.0, target_modules=LORA_TARGETS
        ),
        callbacks=[StepClock()],
    )
    marks.append(time.perf_counter())  # the first step starts after set-up
    trainer.train()
    del started
    # marks[0] is the set-up's end, marks[i] the end of step i; logs[i - 1] is step i's.
    generated, trained, lengths = [], [], []
    for step in range(args.warmup + 1, len(marks)):
        seconds = marks[step] - marks[step - 1]
        tokens = logs[step - 1]["num_tokens"] - (logs[step - 2]["num_tokens"] if step >= 2 else 0)
        length = logs[step - 1]["completions/mean_length"]
        generated.append(length * args.prompts_per_step * args.generations / seconds)
        trained.append(tokens / seconds)
        lengths.append(length)
    return {
        "generatedTokensPerSecond": round(statistics.median(generated), 1),
        "trainedTokensPerSecond": round(statistics.median(trained), 1),
        "completionLength": round(statistics.mean(lengths), 2),
        "steps": len(generated),
    }


def _child(*argv: str) -> dict[str, Any]:
    """Runs this file's TRL worker in a child process and returns its JSON."""
    return run_worker(__spec__.name, *argv)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("worker", nargs="?", choices=["trl"])
    parser.add_argument("--steps", type=int, default=8)
    parser.add_argument("--warmup", type=int, default=2, help="steps left out of the figures")
    parser.add_argument("--repeats", type=int, default=2, help="interleaved runs of each; the best counts")
    parser.add_argument("--prompts-per-step", type=int, default=PROMPTS_PER_STEP)
    parser.add_argument("--generations", type=int, default=GENERATIONS, help="completions per prompt")
    parser.add_argument("--completion-tokens", type=int, default=COMPLETION_TOKENS)
    parser.add_argument("--model")
    parser.add_argument("--data")
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
    if args.worker == "trl":
        print(json.dumps(trl_worker(args)))
        return

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        model, data, reward = root / "model", root / "prompts.jsonl", root / "reward.py"
        write_model(model, vocab_size=VOCABULARY, hidden=256, layers=4, max_length=512)
        write_prompts(data, count=args.prompts_per_step * (args.steps + 1), seed=0)
        reward.write_text(REWARD_SOURCE, encoding="utf-8")
        best: dict[str, dict[str, Any]] = {}
        for repeat in range(args.repeats):
            runs = {
                "finetuneTrain": run_finetune_train(root / f"ours-{repeat}", model, data, reward, args),
                "trl": _child(
                    "trl",
                    f"--model={model}",
                    f"--data={data}",
                    f"--steps={args.steps}",
                    f"--warmup={args.warmup}",
                    f"--prompts-per-step={args.prompts_per_step}",
                    f"--generations={args.generations}",
                    f"--completion-tokens={args.completion_tokens}",
                ),
            }
            for trainer, run in runs.items():
                print(f"grpo {trainer} (repeat {repeat + 1}): {json.dumps(run)}", flush=True)
                previous = best.get(trainer)
                if previous is None or run["trainedTokensPerSecond"] > previous["trainedTokensPerSecond"]:
                    best[trainer] = run
    ours, trl = best["finetuneTrain"], best["trl"]
    ratios = {
        "generatedVsTrl": round(ours["generatedTokensPerSecond"] / trl["generatedTokensPerSecond"], 2),
        "trainedVsTrl": round(ours["trainedTokensPerSecond"] / trl["trainedTokensPerSecond"], 2),
    }
    device = torch.cuda.get_device_name(0) if _device() == "cuda" else f"cpu ({os.cpu_count()} cores)"
    result = {
        "benchmark": "grpo",
        "smoke": args.smoke,
        "device": device,
        "generationEngine": "hf",
        "model": {"hidden": 256, "layers": 4, "vocabulary": VOCABULARY, "loraRank": LORA_RANK},
        "settings": {
            "promptsPerStep": args.prompts_per_step,
            "numGenerations": args.generations,
            "promptTokens": PROMPT_WORDS + 1,
            "maxCompletionLength": args.completion_tokens,
            "lossType": "dapo",
        },
        "steps": args.steps,
        "warmupSteps": args.warmup,
        "repeats": args.repeats,
        "measure": "median over the steps after the warm-up of each optimizer step (generation included); "
        "best of the repeats",
        "finetuneTrain": ours,
        "trl": trl,
        **ratios,
        "targets": TARGETS,
        "meetsTargets": {key: ratios[key] >= target for key, target in TARGETS.items()},
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
