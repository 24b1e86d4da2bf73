"""`kubectl finetune` against the bed: every seed command line (server-side dry run), and each
subcommand on a job the operator runs. AWS is a moto server (S3 inputs, CloudWatch logs)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shlex
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hack.kwok import finish_pod, wait_for
from hack.manifests import job_manifest
from kubernetes import watch
from kubernetes.client.exceptions import ApiException

from finetune_operator import yamlio
from finetune_operator.plugin.main import main
from finetune_operator.recipes import BUILTIN_RECIPES_DIR
from tests.conftest import KUBECTL_FINETUNE
from tests.sagemaker_fixtures import MotoSageMaker

pytest_plugins = ["tests.sagemaker_fixtures"]

REPO = Path(__file__).resolve().parents[2]
GROUP, VERSION, PLURAL = "finetune.dev", "v1alpha1", "finetunejobs"

# The runner's example command lines in shared/seeds/000_2aca6c1b906acc68.txt, verbatim after
# `python nova-tunner.py`. The seed's placeholder files are made by the `seed_files` fixture.
SEED_COMMANDS = {
    "sft": "--job-name my-sft-job --model-name lite --training-type sft "
    "--data-jsonl s3://my-bucket/train.jsonl --validation-jsonl s3://my-bucket/val.jsonl",
    "lora": "--job-name my-lora-job --model-name micro --training-type lora "
    "--data-jsonl s3://my-bucket/train.jsonl --validation-jsonl s3://my-bucket/val.jsonl",
    "dpo": "--job-name my-dpo-job --model-name pro --training-type dpo "
    "--data-jsonl s3://my-bucket/train.jsonl --validation-jsonl s3://my-bucket/val.jsonl",
    "dpo-sft": "--job-name my-dpo-sft-job --model-name lite --training-type dpo-sft "
    "--data-jsonl s3://my-bucket/train.jsonl --validation-jsonl s3://my-bucket/val.jsonl",
    "custom-recipe": "--job-name custom-job --model-name lite --data-jsonl s3://my-bucket/train.jsonl "
    "--validation-jsonl s3://my-bucket/val.jsonl --recipe-yaml recipes/my_custom_recipe.yaml",
    "recipe-repo": "--job-name custom-repo-job --model-name micro --training-type lora "
    "--recipe-repo-path /path/to/my/recipes --data-jsonl s3://my-bucket/train.jsonl",
    "upload": "--job-name local-upload-job --model-name lite --training-type sft "
    "--data-jsonl local_train.jsonl --validation-jsonl local_val.jsonl --upload-data",
    "upload-custom-recipe": "--job-name local-custom-job --model-name lite --data-jsonl local_train.jsonl "
    "--validation-jsonl local_val.jsonl --recipe-yaml recipes/my_recipe.yaml --upload-data",
    "dry-run": "--job-name test-job --model-name lite --training-type sft "
    "--data-jsonl s3://my-bucket/train.jsonl --dry-run",
    "dry-run-custom-recipe": "--job-name test-job --model-name lite --data-jsonl s3://my-bucket/train.jsonl "
    "--recipe-yaml recipes/my_recipe.yaml --dry-run",
    "override-auto": "--job-name sft-custom --model-name lite --training-type sft "
    "--data-jsonl s3://my-bucket/train.jsonl "
    "--recipe-override optimizer.learning_rate=0.001,training.epochs=5",
    "override-lora-auto": "--job-name lora-custom --model-name micro --training-type lora "
    "--data-jsonl s3://my-bucket/train.jsonl --recipe-override lora_config.rank=16,lora_config.alpha=32",
    "after-data-prep": "--job-name continuation-job --model-name lite "
    "--data-jsonl s3://my-bucket/prepared_train.jsonl --validation-jsonl s3://my-bucket/prepared_val.jsonl "
    "--recipe-yaml recipes/my_recipe.yaml",
    "own-data": "--job-name custom-data-job --model-name lite --data-jsonl s3://my-bucket/custom_train.jsonl "
    "--validation-jsonl s3://my-bucket/custom_val.jsonl --recipe-yaml recipes/my_recipe.yaml",
    "override-training": "--job-name training-test --model-name lite --data-jsonl s3://my-bucket/train.jsonl "
    "--recipe-yaml recipes/my_recipe.yaml --recipe-override optimizer.learning_rate=0.001,training.epochs=5",
    "override-batch": "--job-name batch-test --model-name lite --data-jsonl s3://my-bucket/train.jsonl "
    "--recipe-yaml recipes/my_recipe.yaml "
    "--recipe-override training.batch_size=4,training.gradient_accumulation_steps=4",
    "override-lora": "--job-name lora-test --model-name lite --data-jsonl s3://my-bucket/train.jsonl "
    "--recipe-yaml recipes/my_recipe.yaml "
    "--recipe-override lora_config.rank=16,lora_config.alpha=32,lora_config.dropout=0.2",
    "override-mixed": "--job-name mixed-test --model-name lite --data-jsonl s3://my-bucket/train.jsonl "
    "--recipe-yaml recipes/my_recipe.yaml "
    "--recipe-override training.use_fp16=true,optimizer.name=adamw,training.epochs=3",
    "micro": "--job-name micro-test --model-name micro --data-jsonl s3://my-bucket/train.jsonl "
    "--recipe-yaml recipes/my_recipe.yaml",
    "pro": "--job-name pro-production --model-name pro --data-jsonl s3://my-bucket/train.jsonl "
    "--recipe-yaml recipes/my_recipe.yaml",
}
LORA = "--model-name llama-3.2-1b --training-type lora --data-jsonl /fsx/data/{namespace}/train.jsonl"
"""The flags of a small LoRA job on the bed's trn1 nodes; its data lie in the namespace's data
root (fill in {namespace})."""
SEED_METHODS = {"sft": "sft", "lora": "lora", "dpo": "dpo", "dpo-sft": "dpo-lora", "recipe-repo": "lora"}
SEED_S3_OBJECTS = (
    "train.jsonl",
    "val.jsonl",
    "prepared_train.jsonl",
    "prepared_val.jsonl",
    "custom_train.jsonl",
    "custom_val.jsonl",
)


@pytest.fixture
def seed_files(tmp_path: Path, aws: MotoSageMaker, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seed's files: its S3 objects in moto, its local JSONL files, its recipe files.

    The runner's recipes are its own format; here they are FineTuneRecipes: the recipe
    repository holds the built-in Nova recipes, and each test writes the seed's custom recipe
    file for its example's model (`write_custom_recipes`).
    """
    monkeypatch.setenv("AWS_ENDPOINT_URL", aws.endpoint_url)
    s3 = aws.client("s3")
    s3.create_bucket(Bucket="my-bucket")
    for key in SEED_S3_OBJECTS:
        s3.put_object(Bucket="my-bucket", Key=key, Body=b'{"messages": []}\n')
    monkeypatch.chdir(tmp_path)
    for name in ("local_train.jsonl", "local_val.jsonl"):
        (tmp_path / name).write_text('{"messages": []}\n')
    (tmp_path / "recipes").mkdir()
    repo = tmp_path / "my-recipes"
    repo.mkdir()
    for path in BUILTIN_RECIPES_DIR.glob("nova-*.yaml"):
        (repo / path.name).write_text(path.read_text())
    return tmp_path


def write_custom_recipes(directory: Path, model: str) -> None:
    """The user's own recipe for the example's model: a LoRA one (the seed overrides lora_config.*
    with it); a Nova model trains only on instance counts its recipe allows, so it is per model."""
    recipe = yaml.safe_load((BUILTIN_RECIPES_DIR / f"{model}-lora.yaml").read_text())
    recipe["metadata"] = {"name": "my-recipe"}
    for name in ("my_recipe.yaml", "my_custom_recipe.yaml"):
        (directory / "recipes" / name).write_text(yaml.safe_dump(recipe))


@pytest.mark.parametrize("example", sorted(SEED_COMMANDS))
def test_seed_command_line(example: str, seed_files: Path, testbed, namespace: str) -> None:
    argv = shlex.split(SEED_COMMANDS[example].replace("/path/to/my/recipes", str(seed_files / "my-recipes")))
    write_custom_recipes(seed_files, "nova-" + argv[argv.index("--model-name") + 1])
    if "--dry-run" not in argv:
        argv.append("--dry-run")  # every example is checked by the server, and nothing is created
    out = io.StringIO()
    assert main(["submit", *argv, "-n", namespace, "--kubeconfig", testbed.kubeconfig], out) == 0
    text = out.getvalue()
    documents = yamlio.load_documents(text.split("# What the operator would create", 1)[0])
    job = documents[-1]
    assert job["kind"] == "FineTuneJob" and job["spec"]["backend"] == "sagemaker"
    assert job["spec"]["model"]["name"] == "nova-" + argv[argv.index("--model-name") + 1]
    if example in SEED_METHODS:
        assert job["spec"]["method"] == SEED_METHODS[example]
    if "--recipe-yaml" in argv:
        job_name = argv[argv.index("--job-name") + 1]
        assert job["spec"]["recipe"]["name"] == job_name and documents[0]["kind"] == "FineTuneRecipe"
        assert documents[0]["metadata"]["labels"] == {"finetune.dev/for-job": job_name}
    if "--upload-data" in argv:
        assert job["spec"]["data"]["train"]["path"].startswith(
            "s3://sagemaker-us-east-1-123456789012/finetune/uploads/"
        )
        assert "# --upload-data would copy" in text
    assert "kind: TrainingJob" in text or "TrainingJobName" in text  # what the operator would create
    assert f"finetunejob.finetune.dev/{argv[argv.index('--job-name') + 1]} valid (server dry run)" in text


def kubectl_finetune(testbed, namespace: str, line: str) -> subprocess.CompletedProcess[str]:
    """`kubectl finetune LINE -n NAMESPACE`: kubectl finds the installed console script on PATH."""
    kubectl = testbed.binary("kubectl")
    args = shlex.split(line)
    if args[0] != "render":
        args += ["-n", namespace]
    return subprocess.run(
        [str(kubectl), "finetune", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "KUBECONFIG": testbed.kubeconfig,
            "PATH": f"{KUBECTL_FINETUNE.parent}:{kubectl.parent}:/usr/bin:/bin",
        },
    )


def get_job(custom_objects, namespace: str, name: str) -> dict[str, Any]:
    return custom_objects.get_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, name)


def phase_of(custom_objects, namespace: str, name: str) -> str | None:
    return (get_job(custom_objects, namespace, name).get("status") or {}).get("phase")


def test_subcommands_on_a_running_job(operator, testbed, namespace, custom_objects, core_v1) -> None:
    submitted = kubectl_finetune(
        testbed,
        namespace,
        f"submit --job-name cli {LORA.format(namespace=namespace)} --nodes 1 "
        "--recipe-override training.epochs=2",
    )
    assert submitted.returncode == 0, submitted.stderr
    assert "finetunejob.finetune.dev/cli created" in submitted.stdout
    job = get_job(custom_objects, namespace, "cli")
    assert job["spec"]["recipe"]["overrides"] == {"training.epochs": 2}
    wait_for(lambda: phase_of(custom_objects, namespace, "cli") == "Running", timeout=60, message="Running")

    listed = kubectl_finetune(testbed, namespace, "list")
    assert listed.returncode == 0 and listed.stdout.splitlines()[1].split()[:2] == ["cli", "Running"]

    custom_objects.patch_namespaced_custom_object_status(
        GROUP,
        VERSION,
        namespace,
        PLURAL,
        "cli",
        {
            "status": {
                "progress": {
                    "attempt": 1,
                    "step": 30,
                    "totalSteps": 120,
                    "percent": "25%",
                    "loss": 1.5,
                    "tokensPerSecond": 900.0,
                    "updatedAt": "2026-11-22T10:00:00Z",
                    "estimatedCompletionTime": "2099-01-01T00:00:00Z",
                }
            }
        },
    )
    once = kubectl_finetune(testbed, namespace, "status cli --once")
    assert once.returncode == 3, once.stderr  # still running
    assert (
        "step 30/120  25%" in once.stdout and "900 tokens/s" in once.stdout and "phase Running" in once.stdout
    )

    suspended = kubectl_finetune(testbed, namespace, "suspend cli")
    assert suspended.returncode == 0 and "suspended" in suspended.stdout
    wait_for(
        lambda: phase_of(custom_objects, namespace, "cli") == "Suspended", timeout=60, message="Suspended"
    )
    resumed = kubectl_finetune(testbed, namespace, "resume cli")
    assert resumed.returncode == 0
    wait_for(
        lambda: phase_of(custom_objects, namespace, "cli") == "Running", timeout=60, message="Running again"
    )

    logs = kubectl_finetune(testbed, namespace, "logs cli")
    # kwok pods have no kubelet to serve logs: the message names the attempt's master pod and why.
    assert logs.returncode == 1 and "no logs from pod cli-a1-master-0: " in logs.stderr, logs.stderr

    follower = plugin_process(testbed, namespace, "status", "cli")
    time.sleep(3)
    assert follower.poll() is None  # follows while the job runs
    master = wait_for(
        lambda: next(
            iter(
                p
                for p in core_v1.list_namespaced_pod(namespace).items
                if p.metadata.name == "cli-a1-master-0" and p.status.phase == "Running"
            ),
            None,
        ),
        timeout=60,
        message="the master pod",
    )
    finish_pod(core_v1, namespace, master.metadata.name, 0)
    out, err = follower.communicate(timeout=60)
    assert follower.returncode == 0, err  # Succeeded
    assert "phase Succeeded" in out and "Succeeded=True" in out

    deleted = kubectl_finetune(testbed, namespace, "delete cli")
    assert deleted.returncode == 0 and "checkpoints and outputs are kept" in deleted.stdout
    wait_for(
        lambda: not custom_objects.list_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL)["items"],
        timeout=60,
        message="the job to be deleted",
    )
    missing = kubectl_finetune(testbed, namespace, "status cli")
    assert missing.returncode == 1 and "finetunejob 'cli' not found" in missing.stderr


def test_status_exits_non_zero_for_a_failed_job(operator, testbed, namespace, custom_objects) -> None:
    submitted = kubectl_finetune(
        testbed, namespace, f"submit --job-name bad {LORA.format(namespace=namespace)} -o yaml"
    )
    job = yaml.safe_load(submitted.stdout)
    job["spec"]["recipe"] = {"overrides": {"lora.rank": "sixteen"}}  # the operator fails it: InvalidSpec
    custom_objects.create_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, job)
    result = kubectl_finetune(testbed, namespace, "status bad")
    assert result.returncode == 1
    assert "phase Failed" in result.stdout and "InvalidSpec" in result.stdout


def test_dry_run_of_an_invalid_job_fails_with_the_admission_message(testbed, namespace) -> None:
    result = kubectl_finetune(
        testbed, namespace, f"submit --job-name Bad_Name {LORA.format(namespace=namespace)} --dry-run"
    )
    assert result.returncode == 2 and result.stdout == ""
    assert "metadata.name must be at most 45 characters" in result.stderr


def test_submit_into_a_missing_namespace_says_so(testbed) -> None:
    result = kubectl_finetune(
        testbed, "no-such-namespace", f"submit --job-name j {LORA.format(namespace='no-such-namespace')}"
    )
    assert result.returncode == 1
    assert 'FineTuneJob j: namespaces "no-such-namespace" not found' in result.stderr


def test_render_is_the_existing_dry_run(testbed, namespace) -> None:
    result = kubectl_finetune(testbed, namespace, f"render -f {REPO / 'examples' / 'llama-3.1-8b-lora.yaml'}")
    assert result.returncode == 0, result.stderr
    kinds = [d["kind"] for d in yamlio.load_documents(result.stdout)]
    assert kinds == ["ServiceAccount", "RoleBinding", "PyTorchJob"]


def test_logs_of_a_sagemaker_job_come_from_cloudwatch(
    aws: MotoSageMaker, testbed, namespace, custom_objects, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The job's status names its training job (as the operator writes it); its stream is in moto."""
    monkeypatch.setenv("AWS_ENDPOINT_URL", aws.endpoint_url)
    logs = aws.client("logs")
    group = "/aws/sagemaker/TrainingJobs"
    logs.create_log_group(logGroupName=group)
    # CloudWatch Logs (and moto) reject events older than 14 days: the stream is written now.
    written_at_ms = int(time.time() * 1000)
    stream = f"nova-job-a1-0f3c/algo-1-{written_at_ms // 1000}"
    logs.create_log_stream(logGroupName=group, logStreamName=stream)
    put = logs.put_log_events(
        logGroupName=group,
        logStreamName=stream,
        logEvents=[
            {"timestamp": written_at_ms + i, "message": f"finetune-metrics step={i} loss=1.0"}
            for i in range(3)
        ],
    )
    assert "rejectedLogEventsInfo" not in put, put["rejectedLogEventsInfo"]
    job = job_manifest(
        "nova-job",
        backend="sagemaker",
        model={"name": "nova-lite"},
        method="sft",
        data={"format": "bedrock-conversation", "train": {"path": "s3://ml-data/chat/train.jsonl"}},
    )
    custom_objects.create_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, job)
    custom_objects.patch_namespaced_custom_object_status(
        GROUP,
        VERSION,
        namespace,
        PLURAL,
        "nova-job",
        {
            "status": {
                "phase": "Running",
                "currentAttempt": 1,
                "sagemaker": {"trainingJobName": "nova-job-a1-0f3c", "trainingJobStatus": "InProgress"},
            }
        },
    )
    expected = [f"finetune-metrics step={i} loss=1.0" for i in range(3)]
    out = io.StringIO()
    assert main(["logs", "nova-job", "-n", namespace, "--kubeconfig", testbed.kubeconfig], out) == 0
    assert out.getvalue().splitlines() == expected
    custom_objects.patch_namespaced_custom_object_status(
        GROUP, VERSION, namespace, PLURAL, "nova-job", {"status": {"phase": "Succeeded"}}
    )
    followed = io.StringIO()  # -f prints the stream and returns once the job has ended
    assert (
        main(["logs", "nova-job", "-f", "-n", namespace, "--kubeconfig", testbed.kubeconfig], followed) == 0
    )
    assert followed.getvalue().splitlines() == expected


def test_logs_before_any_attempt_say_so(testbed, namespace, custom_objects, capsys) -> None:
    job = job_manifest("idle", suspend=True)
    custom_objects.create_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, job)
    assert main(["logs", "idle", "-n", namespace, "--kubeconfig", testbed.kubeconfig], io.StringIO()) == 1
    assert "idle has no attempt yet" in capsys.readouterr().err


def plugin_process(testbed, namespace: str, *args: str) -> subprocess.Popen[str]:
    """`kubectl-finetune ARGS` running in the background, its output captured."""
    return subprocess.Popen(
        [str(KUBECTL_FINETUNE), *args, "-n", namespace, "--kubeconfig", testbed.kubeconfig],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_upload_to_the_storage_claim_runs_a_short_lived_pod_and_reports_a_failed_copy(
    testbed, namespace, core_v1, custom_objects, tmp_path: Path
) -> None:
    """The bed's kwok nodes have no kubelet to attach to: the copy fails with the API server's
    reason, the pod is deleted, and no job is created. (The copy itself: tests/unit/test_plugin.py.)"""
    train = tmp_path / "train.jsonl"
    train.write_text(json.dumps({"messages": []}) + "\n")
    digest = hashlib.sha256(train.read_bytes()).hexdigest()
    selector = "app.kubernetes.io/component=upload"
    since = core_v1.list_namespaced_pod(namespace, label_selector=selector).metadata.resource_version
    process = plugin_process(
        testbed,
        namespace,
        *shlex.split("submit --job-name up --model-name llama-3.2-1b --training-type lora --upload-data"),
        *("--data-jsonl", str(train)),
        # Not the bed's trainer image, which the plugin now takes from the chart's operator config:
        # the real node holds that one, and the scheduler's image locality would place the pod there.
        *("--upload-image", "finetune-trainer:0.1.0"),
    )
    # A watch from before the start sees the pod even when it comes and goes between two polls.
    events = watch.Watch().stream(
        core_v1.list_namespaced_pod,
        namespace,
        label_selector=selector,
        resource_version=since,
        timeout_seconds=60,
    )
    pod = next(e["object"] for e in events if e["type"] == "ADDED")
    container = pod.spec.containers[0]
    claims = [v.persistent_volume_claim.claim_name for v in pod.spec.volumes if v.persistent_volume_claim]
    (mount,) = [m for m in container.volume_mounts if m.name == "storage"]  # and the token's
    assert claims == ["fsx-claim"] and container.stdin
    assert (mount.mount_path, mount.sub_path) == (
        f"/fsx/finetune/{namespace}/uploads",
        f"finetune/{namespace}/uploads",
    )
    # Non-root as the trainer pods, and admitted by the namespace's Pod Security level.
    assert (pod.spec.security_context.run_as_user, pod.spec.security_context.run_as_non_root) == (1000, True)
    assert f"head -c {train.stat().st_size}" in container.command[2] and digest in container.command[2]
    _, err = process.communicate(timeout=120)
    assert process.returncode == 1
    # The stream into a kwok pod fails: the kubelet port (10250) refuses the exec, or, when the
    # refusal comes after the websocket opened, the client says the socket closed.
    assert f"upload pod {pod.metadata.name}: cannot copy {train} into it:" in err
    assert "10250" in err or "socket is already closed" in err, err
    wait_for(
        lambda: not core_v1.list_namespaced_pod(namespace, label_selector=selector).items,
        timeout=60,
        message="the upload pod deleted",
    )
    assert custom_objects.list_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL)["items"] == []


def test_submit_with_a_recipe_file_makes_a_recipe_for_that_job_only(
    operator, testbed, namespace, custom_objects, tmp_path: Path
) -> None:
    """Issue 20, item 4: the file's recipe was applied under its own name, and every later job of
    its model and method in the namespace selected it. Now it is the job's own recipe: named
    after the job, never selected by another job, and deleted with the job."""
    recipe = tmp_path / "team.yaml"
    recipe.write_text(
        "apiVersion: finetune.dev/v1alpha1\nkind: FineTuneRecipe\nmetadata: {name: team-lora}\n"
        "spec: {model: llama-3.2-1b, method: lora, resources: {nodes: 1}, config: {lora: {rank: 8}}}\n"
    )
    data = f"--data-jsonl /fsx/data/{namespace}/train.jsonl"
    first = kubectl_finetune(
        testbed, namespace, f"submit --job-name own --model-name llama-3.2-1b --recipe-yaml {recipe} {data}"
    )
    assert first.returncode == 0, first.stderr
    assert "finetunerecipe.finetune.dev/own applied (for this job only)" in first.stdout
    other = kubectl_finetune(
        testbed, namespace, f"submit --job-name other --model-name llama-3.2-1b --training-type lora {data}"
    )
    assert other.returncode == 0, other.stderr

    def resolved_recipe(name: str) -> dict[str, Any] | None:
        return (get_job(custom_objects, namespace, name).get("status") or {}).get("recipe")

    own = wait_for(lambda: resolved_recipe("own"), timeout=60, message="the job's resolved recipe")
    assert (own["kind"], own["name"], own["spec"]["config"]["lora"]["rank"]) == ("FineTuneRecipe", "own", 8)
    theirs = wait_for(lambda: resolved_recipe("other"), timeout=60, message="the other job's recipe")
    assert (theirs["kind"], theirs["name"]) == ("ClusterFineTuneRecipe", "llama-3.2-1b-lora")
    stored = custom_objects.get_namespaced_custom_object(GROUP, VERSION, namespace, "finetunerecipes", "own")
    job_uid = get_job(custom_objects, namespace, "own")["metadata"]["uid"]
    assert stored["metadata"]["labels"] == {"finetune.dev/for-job": "own"}
    assert [(o["kind"], o["name"], o["uid"]) for o in stored["metadata"]["ownerReferences"]] == [
        ("FineTuneJob", "own", job_uid)
    ]

    def recipe_gone() -> bool:
        try:
            custom_objects.get_namespaced_custom_object(GROUP, VERSION, namespace, "finetunerecipes", "own")
        except ApiException as err:
            return err.status == 404
        return False

    custom_objects.delete_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, "own")
    wait_for(recipe_gone, timeout=60, message="the job's recipe deleted with the job")
