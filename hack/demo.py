"""`make demo`: one FineTuneJob really fine-tunes a model through the operator, on the bed's real node.

What happens, on the bed's real API server, scheduler, training-operator and real CPU node
(docs/demo.md tells the story in full):

1. the chart installs the CRDs, the built-in recipes and the operator, which runs in-cluster
   from the image built here, on the real node;
2. the namespace's `fsx-claim` is bound to a local volume on the real node (the only
   difference from EKS, where it is FSx for Lustre), and a tiny Llama-architecture model, a
   tokenizer trained here and a chat dataset are written to it;
3. one FineTuneJob is applied: LoRA, 2 nodes x 1 process on ml.m5.large (the real node's
   type), recipe tiny-llama-cpu-lora. The operator renders the PyTorchJob exactly as for
   HyperPod; the real trainer trains in two pods over gloo and reports progress and
   checkpoints in the job's status with its own pod's token;
4. once a checkpoint is reported, the worker's training process is killed (`kubectl exec`,
   SIGKILL): a real crash, which fails attempt 1;
5. the operator starts attempt 2 resuming from the checkpoint in status; it finishes and
   writes the adapter;
6. the loss curve (from the trainer's progress.jsonl), the attempts and the adapter's path
   are printed;
7. the trainer's final evaluation (loss and perplexity on the validation set, answers to three
   test prompts) is in the job's status; as the evaluation loss passes the job's gate, the
   operator's publish step pushes the adapter to the bed's OCI registry, and the demo pulls it
   back, checks it byte for byte against the adapter on the file system and loads it with PEFT.

Nothing here plays a component's part: the demo does what a user does (kubectl apply, exec,
reading status and the shared file system).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from hack.chart import CHART_NAMESPACE, CHART_RELEASE, install_chart
from hack.chart import DEMO_NAMESPACE as NAMESPACE
from hack.real_job import DEMO_JOB, FSX_MOUNT, MODEL_NAME, RealNodeBed, in_phase, watch
from hack.testbed.layout import REPO_ROOT

from finetune_contract.oci import RegistryClient, extract_layer

PUBLISH_TIMEOUT_S = 180
ATTEMPT_1_TIMEOUT_S = 300  # image already on the node: pods start in seconds, the first step in ~30 s
FINISH_TIMEOUT_S = 300


def say(message: str) -> None:
    print(f"\n\033[1m==> {message}\033[0m", flush=True)


def loss_plot(records: list[dict[str, Any]], width: int = 64, height: int = 12) -> str:
    """A terminal plot of the logged loss per step: `o` attempt 1, `*` later attempts."""
    points = [(r["step"], r["loss"], r["attempt"]) for r in records if r.get("loss") is not None]
    if not points:
        return "  (no steps logged)"
    last_step = max(step for step, _, _ in points)
    low, high = min(loss for _, loss, _ in points), max(loss for _, loss, _ in points)
    span = (high - low) or 1.0
    grid = [[" "] * width for _ in range(height)]
    for step, loss, attempt in sorted(points, key=lambda p: p[2]):
        column = min(width - 1, (step - 1) * width // max(last_step, 1))
        row = round((high - loss) / span * (height - 1))
        grid[row][column] = "o" if attempt == 1 else "*"
    lines = []
    for index, row_cells in enumerate(grid):
        label = f"{high - index * span / (height - 1):7.3f}" if index in (0, height // 2, height - 1) else ""
        lines.append(f"  {label:>7} |{''.join(row_cells)}")
    lines.append(f"  {'':>7} +{'-' * width}")
    lines.append(f"  {'':>7}  step 1{'':>{width - 12}}step {last_step}")
    lines.append(f"  {'':>7}  o attempt 1   * attempt 2 (resumed)")
    return "\n".join(lines)


def attempts_table(status: dict[str, Any]) -> str:
    rows = [("attempt", "pytorchjob", "result", "exit", "resumed from")]
    for attempt in status.get("attempts") or []:
        rows.append(
            (
                str(attempt.get("attempt")),
                attempt.get("name") or "",
                f"{attempt.get('result') or ''} {attempt.get('reason') or ''}".strip(),
                str(attempt.get("exitCode") if attempt.get("exitCode") is not None else ""),
                attempt.get("resumedFrom") or "",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows
    )


def published(status: dict[str, Any]) -> dict[str, Any] | None:
    """A `watch` condition: the status once condition Published is decided (True, or False for a
    reason other than publishing in progress)."""
    for condition in status.get("conditions") or []:
        if condition["type"] == "Published" and condition["reason"] != "Publishing":
            if condition["status"] != "True":
                raise RuntimeError(f"not published: {condition['reason']}: {condition['message']}")
            return status
    return None


def pull_and_load(bed: RealNodeBed, reference: str, adapter_dir: Path) -> str:
    """Pulls ``reference`` (``<registry>/<repository>@<digest>``), compares its files with
    ``adapter_dir``'s and loads them onto the base model with PEFT; returns what it found."""
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    name, _, digest = reference.partition("@")
    registry, _, repository = name.partition("/")
    manifest, (layer,) = RegistryClient(registry, insecure=True).pull(repository, digest)
    pulled = extract_layer(layer)
    on_disk = {
        p.relative_to(adapter_dir).as_posix(): p.read_bytes() for p in adapter_dir.rglob("*") if p.is_file()
    }
    if pulled != on_disk:
        raise RuntimeError(
            f"the pulled adapter differs from {adapter_dir}: {sorted(pulled)} vs {sorted(on_disk)}"
        )
    with tempfile.TemporaryDirectory() as directory:
        for relative, data in pulled.items():
            (Path(directory) / relative).parent.mkdir(parents=True, exist_ok=True)
            (Path(directory) / relative).write_bytes(data)
        base = AutoModelForCausalLM.from_pretrained(str(bed.host_path(f"{FSX_MOUNT}/models/{MODEL_NAME}")))
        model = PeftModel.from_pretrained(base, directory)
        adapted = sum(1 for name, _ in model.named_parameters() if "lora_" in name)
    return (
        f"  {len(pulled)} files, {len(layer)} bytes in layer {manifest['layers'][0]['digest'][:19]}..., "
        f"identical to {adapter_dir}\n  PeftModel.from_pretrained: {adapted} LoRA tensors loaded"
    )


def main() -> int:
    started = time.monotonic()
    bed = RealNodeBed.connect()
    os.environ["KUBECONFIG"] = str(bed.layout.kubeconfig)
    bed.real_node_ready()
    job = yaml.safe_load(DEMO_JOB.read_text())
    name = job["metadata"]["name"]

    say("Installing the chart (CRDs, built-in recipes, the operator) with helm")
    install_chart(bed.layout, str(bed.layout.kubeconfig))
    print(bed.kubectl("get", "clusterfinetunerecipe", "tiny-llama-cpu-lora"), end="")

    say(f"Namespace {NAMESPACE}: fsx-claim bound to a local volume on the real node ({bed.layout.fsx})")
    bed.prepare_namespace(NAMESPACE)
    bed.forget_job_directory(NAMESPACE, name)
    print(bed.kubectl("get", "pvc", "fsx-claim", "-n", NAMESPACE), end="")

    say("Writing a tiny Llama, a tokenizer trained here, and chat data to the shared file system")
    model = bed.write_model()
    train, validation = bed.write_chat_data(NAMESPACE)
    for path in (model, train, validation):
        print(f"  {path}")

    say("The operator runs in-cluster: the chart's Deployment, on the real node")
    bed.kubectl("rollout", "status", f"deployment/{CHART_RELEASE}", "-n", CHART_NAMESPACE, "--timeout=180s")
    print(bed.kubectl("get", "pods", "-n", CHART_NAMESPACE, "-o", "wide"), end="")

    say(f"kubectl apply -f {DEMO_JOB.relative_to(REPO_ROOT)}")
    print(bed.kubectl("apply", "-f", str(DEMO_JOB)), end="")
    status = watch(
        bed,
        NAMESPACE,
        name,
        lambda s: s if ((s.get("checkpoint") or {}).get("latest")) else None,
        ATTEMPT_1_TIMEOUT_S,
        "attempt 1's first checkpoint",
    )
    child = status["backendRef"]["name"]
    print(bed.kubectl("get", "pods", "-n", NAMESPACE, "-o", "wide"), end="")

    say("A real crash: SIGKILL the worker's training process (kubectl exec)")
    worker = bed.running_pod(NAMESPACE, child, "worker")
    if worker is None:
        raise RuntimeError(f"no running worker pod of {child}: {bed.kubectl('get', 'pods', '-n', NAMESPACE)}")
    print("  " + bed.kill_training_processes(NAMESPACE, worker.metadata.name).strip())
    status = watch(
        bed,
        NAMESPACE,
        name,
        lambda s: s if (s.get("currentAttempt") or 0) >= 2 else None,
        FINISH_TIMEOUT_S,
        "attempt 2",
    )
    resumed = status["attempts"][-1].get("resumedFrom")
    print(f"  attempt 1: {status['attempts'][0].get('message')}")
    print(f"  attempt 2 resumes from {resumed}")

    say("Attempt 2 trains to the end")
    status = watch(
        bed,
        NAMESPACE,
        name,
        in_phase("Succeeded"),
        FINISH_TIMEOUT_S,
        "Succeeded",
    )
    print(bed.kubectl("get", "finetunejob", name, "-n", NAMESPACE), end="")

    say("The loss, as the trainer logged it (progress.jsonl on the shared file system)")
    steps = [r for r in bed.progress_records(NAMESPACE, name) if r.get("type") == "step"]
    print(loss_plot(steps))

    say("Attempts")
    print(attempts_table(status))

    say("The adapter")
    output = status["output"]["path"]
    adapter = f"{output}/adapter/adapter_model.safetensors"
    print(f"  in the pods' file system: {adapter}")
    print(f"  on this machine:          {bed.host_path(adapter)}")

    say("The final evaluation (status.evaluation)")
    evaluation = status.get("evaluation") or {}
    for metric, value in sorted((evaluation.get("metrics") or {}).items()):
        print(f"  {metric:16} {value:.4f}")
    print(f"  on {evaluation.get('examples')} held-out examples; answers to the test prompts:")
    for line in bed.host_path(evaluation["artifact"]).read_text().splitlines():
        record = json.loads(line)
        print(f"    {record['prompt']!r} -> {record['answer']!r}")

    say(f"Publishing to {job['spec']['publish']['target']} (gate: evalLoss below 20)")
    status = watch(bed, NAMESPACE, name, published, PUBLISH_TIMEOUT_S, "Published", after_the_end=True)
    reference = status["output"]["reference"]
    print(f"  pushed: {reference}")
    print(
        bed.kubectl("get", "events", "-n", NAMESPACE, "--field-selector", f"involvedObject.name={name}"),
        end="",
    )

    say("Pulled back from the registry: the same bytes, and PEFT loads it")
    print(pull_and_load(bed, reference, bed.host_path(f"{output}/adapter")))
    print(f"  phase: {status['phase']}; demo took {time.monotonic() - started:.0f} s")
    print(
        "\nThe bed keeps running: export KUBECONFIG=$(make -s cluster-kubeconfig); "
        f"kubectl get finetunejob -n {NAMESPACE}; `make cluster-down` stops it."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
