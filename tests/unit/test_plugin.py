"""`kubectl finetune`: the runner flags' translation, flag checks, S3 inputs and uploads (moto
server), the upload pod, and the status view. Cluster-facing subcommands: tests/cluster/test_plugin.py."""

from __future__ import annotations

import hashlib
import json
import re
import shlex
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from kubernetes.client import ApiClient, V1Pod, V1PodStatus
from kubernetes.client.exceptions import ApiException
from tests.sagemaker_fixtures import MotoSageMaker

from finetune_operator import yamlio
from finetune_operator.api.training_config import Method
from finetune_operator.plugin import data, flags, view
from finetune_operator.plugin.cluster import Cluster, ClusterError
from finetune_operator.plugin.main import main
from finetune_operator.recipes import BUILTIN_RECIPES_DIR, load_recipes_dir
from finetune_operator.storage import PosixUser

pytest_plugins = ["tests.sagemaker_fixtures"]

REPO = Path(__file__).resolve().parents[2]
TESTDATA = REPO / "argocd" / "resource_customizations" / "finetune.dev" / "FineTuneJob" / "testdata"


def cli(*parts: str) -> list[str]:
    """A command line written as text, in parts that keep lines short."""
    return shlex.split(" ".join(parts))


def options(**overrides: Any) -> flags.SubmitOptions:
    values: dict[str, Any] = {
        "job_name": "j",
        "namespace": "team-a",
        "model_name": "llama-3.1-8b",
        "training_type": "lora",
        "data_jsonl": "/fsx/data/team-a/train.jsonl",
    }
    values.update(overrides)
    return flags.SubmitOptions(**values)


# --- translation ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("training_type", "method"),
    [
        ("sft", Method.SFT),
        ("lora", Method.LORA),
        ("dpo", Method.DPO),
        ("dpo-sft", Method.DPO_LORA),
        ("dpo-lora", Method.DPO_LORA),
        ("grpo", Method.GRPO),
        ("grpo-lora", Method.GRPO_LORA),
    ],
)
def test_training_types(training_type: str, method: Method) -> None:
    assert flags.method_for(training_type) == method


def test_runner_models_are_nova_sizes_and_choose_sagemaker() -> None:
    assert flags.model_for("lite") == "nova-lite"
    assert flags.model_for("llama-3.1-8b") == "llama-3.1-8b"
    assert flags.backend_for(options(model_name="pro")) == "sagemaker"
    assert flags.backend_for(options()) == "hyperpod"
    assert flags.backend_for(options(backend="sagemaker")) == "sagemaker"


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1", 1),
        ("-3", -3),
        ("0.001", 0.001),
        ("1e-4", 1e-4),
        ("true", True),
        ("False", False),
        ("adamw", "adamw"),
    ],
)
def test_typed_values_follow_the_runner(raw: str, value: object) -> None:
    assert flags.typed_value(raw) == value and type(flags.typed_value(raw)) is type(value)


def test_seed_override_paths_become_api_paths() -> None:
    overrides = flags.collect_overrides(
        "optimizer.learning_rate=0.001,training.epochs=5,training.batch_size=4,"
        "training.gradient_accumulation_steps=4,lora_config.rank=16,lora_config.alpha=32,"
        "lora_config.dropout=0.2,training.use_fp16=true,optimizer.name=adamw",
        None,
    )
    assert overrides == {
        "optimizer.learningRate": 0.001,
        "training.epochs": 5,
        "training.microBatchSize": 4,
        "training.gradientAccumulationSteps": 4,
        "lora.rank": 16,
        "lora.alpha": 32,
        "lora.dropout": 0.2,
        "training.precision": "fp16",
        "optimizer.name": "adamw",
    }


def test_hyperparameters_by_flat_name_and_recipe_override_wins() -> None:
    overrides = flags.collect_overrides("optimizer.learning_rate=0.002", "learning_rate=0.001,epochs=2")
    assert overrides == {"optimizer.learningRate": 0.002, "training.epochs": 2}
    with pytest.raises(flags.UsageError, match="--hyperparameters bogus: name it by its full path"):
        flags.collect_overrides(None, "bogus=1")
    with pytest.raises(flags.UsageError, match="'rank' is not key=value"):
        flags.collect_overrides("rank", None)


def test_build_job_for_sagemaker() -> None:
    job = flags.build_job(
        options(
            model_name="lite",
            training_type="sft",
            role="arn:aws:iam::123456789012:role/r",
            s3_bucket="b",
            max_run=3600,
            instance_type="ml.p5.48xlarge",
            nodes=2,
        ),
        {"train": "s3://b/t.jsonl", "validation": "s3://b/v.jsonl"},
        Method.SFT,
        None,
        {"training.epochs": 2},
    )
    assert job["spec"] == {
        "backend": "sagemaker",
        "model": {"name": "nova-lite"},
        "method": "sft",
        "recipe": {"overrides": {"training.epochs": 2}},
        "data": {
            "format": "bedrock-conversation",
            "train": {"path": "s3://b/t.jsonl"},
            "validation": {"path": "s3://b/v.jsonl"},
        },
        "resources": {"instanceType": "ml.p5.48xlarge", "nodes": 2},
        "maxRuntimeSeconds": 3600,
        "sagemaker": {
            "roleArn": "arn:aws:iam::123456789012:role/r",
            "outputS3Uri": "s3://b/finetune/team-a/j/output/",
            "checkpointS3Uri": "s3://b/finetune/team-a/j/checkpoints/",
        },
    }


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"recipe_yaml": Path("r.yaml")}, "--recipe-yaml and --training-type exclude each other"),
        ({"training_type": None}, "choose a recipe: --training-type (auto-select) or --recipe-yaml FILE"),
        (
            {"recipe_repo_path": Path("/r"), "training_type": None, "recipe_yaml": Path("r.yaml")},
            "--recipe-yaml and --recipe-repo-path exclude each other",
        ),
        ({"role": "arn:aws:iam::1:role/x"}, "--role applies to --backend sagemaker only"),
        ({"s3_bucket": "b"}, "--s3-bucket applies to --backend sagemaker only"),
        ({"data_jsonl": "train.jsonl"}, "add --upload-data to copy it onto the job's storage"),
        ({"data_jsonl": "/nonexistent/train.jsonl", "upload_data": True}, "no such local file to upload"),
        ({"model_name": "lite", "data_jsonl": "/fsx/train.jsonl"}, "SageMaker reads its data from S3"),
        ({"dry_run": True, "output": "yaml"}, "--dry-run and -o exclude each other"),
        ({"max_run": 0}, "--max-run 0: Input should be greater than or equal to 1"),
        (
            {"nodes": 0},
            "--nodes 0: Input should be greater than or equal to 1 (the bound of spec.resources.nodes)",
        ),
        (
            {"nodes": 513},
            "--nodes 513: Input should be less than or equal to 512 (the bound of spec.resources.nodes)",
        ),
        ({"max_run": 28 * 24 * 3600 + 1}, "--max-run 2419201: Input should be less than or equal to 2419200"),
    ],
)
def test_bad_combinations(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(flags.UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        flags.check_combinations(options(**overrides))


# --- the command line without a cluster (-o yaml) ------------------------------------------------


def test_output_yaml_writes_the_job_without_a_cluster(capsys: pytest.CaptureFixture[str]) -> None:
    argv = cli(
        "submit --job-name my-lora --model-name llama-3.1-8b --training-type lora",
        "--data-jsonl /fsx/data/team-a/train.jsonl --nodes 2 -n team-a -o yaml",
    )
    assert main(argv, None) == 0
    (job,) = yamlio.load_documents(capsys.readouterr().out)
    assert job["metadata"] == {"name": "my-lora", "namespace": "team-a"}
    assert job["spec"]["resources"] == {"nodes": 2}


def test_recipe_yaml_becomes_the_jobs_own_recipe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 20, item 4: the recipe was applied under its own name, and every later job of its model
    and method in the namespace (other users' too) selected it. It is now the job's alone."""
    recipe = tmp_path / "my_recipe.yaml"
    recipe.write_text(
        "apiVersion: finetune.dev/v1alpha1\nkind: ClusterFineTuneRecipe\nmetadata: {name: team-lora}\n"
        "spec: {model: llama-3.1-8b, method: lora, config: {lora: {rank: 8}}}\n"
    )
    argv = cli(
        f"submit --job-name custom --model-name llama-3.1-8b --recipe-yaml {recipe}",
        "--data-jsonl /fsx/data/team-a/d.jsonl -n team-a -o yaml",
    )
    assert main(argv, None) == 0
    recipe_doc, job = yamlio.load_documents(capsys.readouterr().out)
    assert recipe_doc["kind"] == "FineTuneRecipe" and recipe_doc["metadata"] == {
        "name": "custom",
        "namespace": "team-a",
        "labels": {"finetune.dev/for-job": "custom"},
    }
    assert recipe_doc["spec"]["config"]["lora"]["rank"] == 8
    assert job["spec"]["recipe"] == {"name": "custom", "kind": "FineTuneRecipe"}
    assert job["spec"]["method"] == "lora"


class RecordingCluster:
    """The plugin's Cluster as far as submit uses it, recording each write."""

    default_namespace = "team-a"

    def __init__(self, existing_recipe: dict[str, Any] | None = None) -> None:
        self.writes: list[tuple[str, str, bool, dict[str, Any]]] = []
        self.existing_recipe = existing_recipe

    def recipes(self, namespace: str) -> list[Any]:
        return load_recipes_dir(BUILTIN_RECIPES_DIR)

    # A cluster with no operator config to read (the plugin warns and goes on).
    core = SimpleNamespace(
        list_config_map_for_all_namespaces=lambda label_selector: SimpleNamespace(items=[])
    )

    def check_job_recipe_name(self, namespace: str, job_name: str) -> None:
        Cluster.check_job_recipe_name(self, namespace, job_name)

    @property
    def custom(self) -> Any:
        def get(group: str, version: str, namespace: str, plural: str, name: str) -> dict[str, Any]:
            if self.existing_recipe is None:
                raise ApiException(status=404, reason="Not Found")
            return self.existing_recipe

        return SimpleNamespace(get_namespaced_custom_object=get)

    def write(self, document: dict[str, Any], dry_run: bool) -> dict[str, Any]:
        self.writes.append((document["kind"], document["metadata"]["name"], dry_run, document))
        return {**document, "metadata": {**document["metadata"], "uid": "job-uid"}}


def test_submit_applies_the_jobs_recipe_then_the_job_then_makes_the_job_its_owner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    recipe = tmp_path / "r.yaml"
    recipe.write_text(
        "kind: FineTuneRecipe\nmetadata: {name: team-lora}\nspec: {model: llama-3.1-8b, method: lora}\n"
    )
    cluster = RecordingCluster()
    monkeypatch.setattr(Cluster, "connect", classmethod(lambda cls, kubeconfig: cluster))
    argv = cli(
        f"submit --job-name mine --model-name llama-3.1-8b --recipe-yaml {recipe}",
        "--data-jsonl /fsx/data/team-a/d.jsonl",
    )
    assert main(argv, None) == 0
    assert [(kind, name, dry) for kind, name, dry, _ in cluster.writes] == [
        ("FineTuneRecipe", "mine", True),
        ("FineTuneJob", "mine", True),
        ("FineTuneRecipe", "mine", False),
        ("FineTuneJob", "mine", False),
        ("FineTuneRecipe", "mine", False),
    ]
    owned = cluster.writes[-1][3]["metadata"]
    assert owned["ownerReferences"] == [
        {"apiVersion": "finetune.dev/v1alpha1", "kind": "FineTuneJob", "name": "mine", "uid": "job-uid"}
    ]
    assert owned["labels"] == {"finetune.dev/for-job": "mine"}
    assert "finetunerecipe.finetune.dev/mine applied (for this job only)" in capsys.readouterr().out


def test_submit_overwrites_no_recipe_that_is_not_the_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    recipe = tmp_path / "r.yaml"
    recipe.write_text(
        "kind: FineTuneRecipe\nmetadata: {name: team-lora}\nspec: {model: llama-3.1-8b, method: lora}\n"
    )
    cluster = RecordingCluster(existing_recipe={"metadata": {"name": "mine", "labels": {}}})
    monkeypatch.setattr(Cluster, "connect", classmethod(lambda cls, kubeconfig: cluster))
    argv = cli(
        f"submit --job-name mine --model-name llama-3.1-8b --recipe-yaml {recipe}",
        "--data-jsonl /fsx/data/team-a/d.jsonl",
    )
    assert main(argv, None) == 1
    assert cluster.writes == []
    assert "FineTuneRecipe mine already exists in namespace team-a and is not the recipe of a job mine" in (
        capsys.readouterr().err
    )
    # One left by an earlier submit of this job name is the job's: applied again.
    cluster.existing_recipe = {"metadata": {"name": "mine", "labels": {"finetune.dev/for-job": "mine"}}}
    assert main(argv, None) == 0


def test_unknown_override_path_fails_before_anything_is_created(capsys: pytest.CaptureFixture[str]) -> None:
    argv = cli(
        "submit --job-name j --model-name llama-3.1-8b --training-type lora "
        "--data-jsonl /fsx/data/team-a/d.jsonl",
        "--recipe-override optimizer.lr=0.1 -o yaml",
    )
    assert main(argv, None) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "did you mean `optimizer.learningRate`" in captured.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            cli(
                "submit --job-name j --model-name lite --training-type sft",
                "--recipe-yaml r.yaml --data-jsonl s3://b/k",
            ),
            "--recipe-yaml and --training-type exclude each other",
        ),
        (
            cli("submit --job-name j --model-name lite --training-type rlhf", "--data-jsonl s3://b/k"),
            "argument --training-type: invalid choice: 'rlhf'",
        ),
        (
            ["submit", "--job-name", "j", "--training-type", "sft", "--data-jsonl", "s3://b/k"],
            "the following arguments are required: --model-name",
        ),
        (["status"], "the following arguments are required: name"),
        (
            cli(
                "submit --job-name j --model-name lite --training-type sft",
                "--data-jsonl missing.jsonl --upload-data",
            ),
            "--data-jsonl missing.jsonl: no such local file to upload",
        ),
    ],
)
def test_bad_flags_exit_2_with_a_message(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        code = main(argv, None)
        raise SystemExit(code)
    assert exited.value.code == 2
    assert message in capsys.readouterr().err


# --- issue 20, item 9: no traceback, whatever the input ------------------------------------------

HUGE = "9" * 5000
RECIPE_HEAD = "kind: FineTuneRecipe\nmetadata: {name: r}\nspec: {model: m, method: lora, "
"""Past Python's limit of 4,300 digits for int(str): int() raised ValueError, a traceback and exit 1."""
SUBMIT = (
    "submit --job-name j --model-name llama-3.1-8b --data-jsonl /fsx/data/team-a/d.jsonl -n team-a -o yaml"
)


def exits_2_with(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Runs the plugin as kubectl does, exceptions included; returns its stderr."""
    code = main(argv, None)
    captured = capsys.readouterr()
    assert (code, captured.out) == (2, ""), captured.err
    assert "Traceback" not in captured.err
    return captured.err


@pytest.mark.parametrize(
    ("flag", "assignment", "message"),
    [
        (
            "--recipe-override",
            f"training.seed={HUGE}",
            "--recipe-override training.seed: 99999999999999999999...(5000 characters) is out of range",
        ),
        (
            "--hyperparameters",
            f"seed={HUGE}",
            "--hyperparameters seed: 99999999999999999999...(5000 characters) is out of range",
        ),
        ("--recipe-override", "training.seed=-9223372036854775809", "-9223372036854775809 is out of range"),
        (
            "--recipe-override",
            "optimizer.learning_rate=nan",
            "optimizer.learning_rate: nan is not a finite number",
        ),
        (
            "--hyperparameters",
            "learning_rate=1e999",
            "--hyperparameters learning_rate: 1e999 is not a finite number",
        ),
        (
            "--recipe-override",
            "training.seed=4294967296",
            "training.seed: Input should be less than or equal to 4294967295",
        ),
    ],
)
def test_an_override_value_kubernetes_cannot_hold_is_a_usage_error(
    flag: str, assignment: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert message in exits_2_with(cli(SUBMIT, "--training-type lora", flag, assignment), capsys)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            RECIPE_HEAD + f"config: {{training: {{seed: {HUGE}}}}}}}\n",
            "...(5000 characters) is out of range: Kubernetes integers are 64-bit",
        ),
        (
            RECIPE_HEAD + "resources: {nodes: 1e999}}\n",
            "1e999 is not a finite number",
        ),
        ("- kind: FineTuneRecipe\n", "a recipe is a mapping with kind, metadata and spec, not list"),
        (b"\xbe\xef\x00binary", "is not a YAML file: not UTF-8 text"),
        (
            RECIPE_HEAD + "resources: {nodes: 100000}}\n",
            "spec.resources.nodes: Input should be less than or equal to 512",
        ),
    ],
    ids=["huge-int", "infinite", "a-list", "binary", "nodes"],
)
def test_a_recipe_file_nothing_can_read_is_a_usage_error(
    content: str | bytes, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipe = tmp_path / "recipe.yaml"
    if isinstance(content, bytes):
        recipe.write_bytes(content)
    else:
        recipe.write_text(content)
    err = exits_2_with(cli(SUBMIT, f"--recipe-yaml {recipe}"), capsys)
    assert message in err and str(recipe) in err, err


def test_render_reads_a_huge_number_as_an_error_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    job = tmp_path / "job.yaml"
    job.write_text(
        "kind: FineTuneJob\nmetadata: {name: j}\nspec:\n  model: {name: llama-3.1-8b}\n  method: lora\n"
        f"  data: {{train: {{path: /fsx/d.jsonl}}}}\n  recipe: {{overrides: {{training.seed: {HUGE}}}}}\n"
    )
    err = exits_2_with(["render", "-f", str(job)], capsys)
    assert "is out of range: Kubernetes integers are 64-bit" in err and f'in "{job}", line 7' in err, err


# --- S3 (moto server) ----------------------------------------------------------------------------


@pytest.fixture
def s3_env(aws: MotoSageMaker, monkeypatch: pytest.MonkeyPatch) -> MotoSageMaker:
    monkeypatch.setenv("AWS_ENDPOINT_URL", aws.endpoint_url)
    return aws


def test_missing_s3_input_names_bucket_and_key(
    s3_env: MotoSageMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    s3 = s3_env.client("s3")
    data.check_s3_input(s3, "--data-jsonl", "s3://ml-data/chat/train.jsonl")
    data.check_s3_input(s3, "--data-jsonl", "s3://ml-data/chat")  # a directory of JSONL files
    with pytest.raises(flags.UsageError, match=r"no object with key 'chat/val.jsonl' .* in bucket 'ml-data'"):
        data.check_s3_input(s3, "--validation-jsonl", "s3://ml-data/chat/val.jsonl")
    with pytest.raises(flags.UsageError, match="bucket 'no-such-bucket' does not exist"):
        data.check_s3_input(s3, "--data-jsonl", "s3://no-such-bucket/train.jsonl")
    argv = cli(
        "submit --job-name j --model-name lite --training-type sft",
        "--data-jsonl s3://ml-data/chat/missing.jsonl -o yaml",
    )
    assert main(argv, None) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "key 'chat/missing.jsonl'" in captured.err and "'ml-data'" in captured.err


def test_submit_publishes_a_sagemaker_job_to_s3_and_refuses_it_an_oci_target(
    s3_env: MotoSageMaker, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = cli(
        "submit --job-name j --model-name lite --training-type sft",
        "--data-jsonl s3://ml-data/chat/train.jsonl -n team-a -o yaml",
    )
    assert main([*argv, "--publish", "s3://models/team-a/j"], None) == 0
    (job,) = yamlio.load_documents(capsys.readouterr().out)
    assert job["spec"]["backend"] == "sagemaker"
    assert job["spec"]["publish"] == {"target": "s3://models/team-a/j"}
    assert main([*argv, "--publish", "oci://registry.example/team-a/j:v1"], None) == 2
    assert "a SageMaker job publishes only to s3://" in capsys.readouterr().err


def test_upload_to_s3_is_content_addressed_and_done_once(
    s3_env: MotoSageMaker, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    train = tmp_path / "local_train.jsonl"
    train.write_text('{"messages": []}\n')
    digest = hashlib.sha256(train.read_bytes()).hexdigest()
    argv = cli(
        "submit --job-name up --model-name lite --training-type sft",
        f"--data-jsonl {train} --upload-data -n team-a -o yaml",
    )
    assert main(argv, None) == 0
    first = capsys.readouterr()
    (job,) = yamlio.load_documents(first.out)
    bucket = "sagemaker-us-east-1-123456789012"  # the SDK's default bucket, as the runner uses
    expected = f"s3://{bucket}/finetune/uploads/{digest[:16]}/local_train.jsonl"
    assert job["spec"]["data"]["train"]["path"] == expected
    assert "uploaded:" in first.err
    body = s3_env.client("s3").get_object(Bucket=bucket, Key=expected.split("/", 3)[3])["Body"].read()
    assert body == train.read_bytes()
    assert main(argv, None) == 0
    assert "already uploaded" in capsys.readouterr().err


# --- the upload pod and the status view ----------------------------------------------------------


def test_upload_pod_mounts_the_claim_and_checks_the_hash(tmp_path: Path) -> None:
    local = tmp_path / "train.jsonl"
    local.write_text("x\n")
    upload = data.local_file(
        "--data-jsonl",
        str(local),
        lambda digest, name: data.claim_destination("/fsx", "team-a", digest, name),
    )
    assert upload.destination.startswith("/fsx/finetune/team-a/uploads/") and upload.size == 2
    pod = data.build_upload_pod(
        "p", "team-a", "fsx-claim", "/fsx", "img", upload, PosixUser(uid=2000, gid=3000)
    )
    container = pod["spec"]["containers"][0]
    assert pod["spec"]["volumes"] == [
        {"name": "storage", "persistentVolumeClaim": {"claimName": "fsx-claim"}}
    ]
    # Only the namespace's uploads directory of the claim, written as the trainer pods write.
    assert container["volumeMounts"] == [
        {"name": "storage", "mountPath": "/fsx/finetune/team-a/uploads", "subPath": "finetune/team-a/uploads"}
    ]
    assert container["stdin"]
    # Pod Security restricted, as the platform's FSx user.
    assert pod["spec"]["securityContext"] == {
        "runAsNonRoot": True,
        "runAsUser": 2000,
        "runAsGroup": 3000,
        "seccompProfile": {"type": "RuntimeDefault"},
    }
    assert container["securityContext"] == {
        "privileged": False,
        "allowPrivilegeEscalation": False,
        "capabilities": {"drop": ["ALL"]},
    }
    script = container["command"][2]
    assert "head -c 2 >" in script and f"echo {upload.sha256}" in script and "sha256sum -c -" in script
    assert pod["spec"]["restartPolicy"] == "Never"
    # It never calls the API server: no token of the namespace's default ServiceAccount in it.
    assert pod["spec"]["automountServiceAccountToken"] is False


def test_progress_bar_and_sparkline() -> None:
    assert view.progress_bar(5, 10, width=10) == "[#####-----]"
    assert view.progress_bar(10, 10, width=4) == "[####]"
    assert view.sparkline([3.0, 2.0, 1.0]) == "█▅▁"
    assert view.sparkline([1.0, 1.0]) == "▅▅"
    assert view.human_duration(3725) == "1h02m" and view.human_duration(65) == "1m05s"


def test_status_view_of_a_captured_running_job() -> None:
    job = yaml.safe_load((TESTDATA / "running.yaml").read_text())
    now = datetime.fromisoformat(job["status"]["progress"]["updatedAt"].replace("Z", "+00:00"))
    text = view.render_status(job, [1.9, 1.5, 1.234], now)
    assert "phase Running" in text and "attempt 1/3" in text
    assert "step 120/1000  12%" in text and "18500 tokens/s" in text
    assert re.search(r"ETA 9m4[67]s \(20", text), text  # 880 steps left at 40 s per 60 steps
    assert "loss 1.234  █▄▁" in text
    assert "Running=True" in text and "checkpoint step 100" in text


def test_status_view_lists_the_rollbacks_after_a_diverging_loss() -> None:
    job = yaml.safe_load((TESTDATA / "running.yaml").read_text())
    job["status"]["health"] = {
        "rollbacks": [
            {
                "attempt": 1,
                "step": 57,
                "reason": "loss is nan",
                "restoredStep": 50,
                "learningRate": 1e-4,
                "time": "2026-11-22T10:00:00Z",
            }
        ]
    }
    text = view.render_status(job, [1.0], datetime.now(UTC))
    assert "rollbacks:\n  attempt 1 step 57 -> step 50, learning rate 0.0001: loss is nan" in text


def test_status_view_shows_a_grpo_jobs_mean_reward() -> None:
    line = view.progress_line({"step": 4, "totalSteps": 20, "reward": 0.4375}, datetime.now(UTC))
    assert "step 4/20" in line and "reward 0.4375" in line


def test_status_exit_codes() -> None:
    assert view.exit_code_for("Succeeded") == 0
    assert view.exit_code_for("Failed") == 1


def test_list_view() -> None:
    jobs = [yaml.safe_load((TESTDATA / name).read_text()) for name in ("running.yaml", "succeeded.yaml")]
    now = datetime.now(UTC)
    lines = view.render_list(jobs, now).splitlines()
    assert lines[0].split()[:7] == ["NAME", "PHASE", "REASON", "METHOD", "MODEL", "BACKEND", "PROGRESS"]
    assert lines[1].split()[:7] == [
        "running",
        "Running",
        "PyTorchJobRunning",
        "lora",
        "llama-3.2-1b",
        "hyperpod",
        "12%",
    ]
    assert lines[2].split()[:7] == [
        "succeeded",
        "Succeeded",
        "PyTorchJobSucceeded",
        "lora",
        "llama-3.2-1b",
        "hyperpod",
        "100%",
    ]


class FakeAttach:
    """The attach stream of a pod whose command reads its stdin and exits with ``status``."""

    def __init__(self, status: str) -> None:
        self.received = b""
        self.status = status
        self.closed = False

    def write_stdin(self, data: bytes) -> None:
        self.received += data

    def is_open(self) -> bool:
        return not self.closed

    def update(self, timeout: float) -> None:
        del timeout

    def peek_channel(self, channel: int) -> str:
        assert channel == 3
        return json.dumps(
            {"status": self.status, "message": "sha256sum: WARNING: 1 computed checksum did NOT match"}
        )

    def close(self) -> None:
        self.closed = True


class FakeCore:
    """The pod calls of CoreV1Api for one upload pod that ends in ``final_phase``."""

    def __init__(self, final_phase: str) -> None:
        self.final_phase = final_phase
        self.created: list[dict[str, Any]] = []
        self.deleted: list[str] = []

    def create_namespaced_pod(self, namespace: str, pod: dict[str, Any]) -> None:
        self.created.append(pod)

    def read_namespaced_pod(self, name: str, namespace: str) -> V1Pod:
        phase = "Running" if not hasattr(self, "attached") else self.final_phase
        return V1Pod(status=V1PodStatus(phase=phase))

    def connect_get_namespaced_pod_attach(self, *args: Any, **kwargs: Any) -> None:
        raise AssertionError("called through kubernetes.stream.stream only")

    def read_namespaced_pod_log(self, name: str, namespace: str, container: str) -> str:
        return "sha256sum: WARNING: 1 computed checksum did NOT match"

    def delete_namespaced_pod(self, name: str, namespace: str, grace_period_seconds: int) -> None:
        self.deleted.append(name)


@pytest.mark.parametrize(("status", "final_phase"), [("Success", "Succeeded"), ("Failure", "Failed")])
def test_copy_through_pod_streams_the_file_and_always_deletes_the_pod(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, status: str, final_phase: str
) -> None:
    source = tmp_path / "train.jsonl"
    source.write_bytes(b'{"messages": []}\n' * 10000)
    core = FakeCore(final_phase)
    attached = FakeAttach(status)

    def fake_stream(method: Any, name: str, namespace: str, **kwargs: Any) -> FakeAttach:
        assert method == core.connect_get_namespaced_pod_attach and kwargs["stdin"] and not kwargs["tty"]
        core.attached = attached  # type: ignore[attr-defined]
        return attached

    monkeypatch.setattr("kubernetes.stream.stream", fake_stream)
    cluster = Cluster.__new__(Cluster)
    cluster.api = ApiClient()
    cluster.core = core  # type: ignore[assignment]
    pod = {"metadata": {"name": "up-upload-1", "namespace": "team-a"}}
    if status == "Success":
        cluster.copy_through_pod(pod, source, print)
        assert attached.received == source.read_bytes() and attached.closed
    else:
        with pytest.raises(ClusterError, match=r"cannot copy .* computed checksum did NOT match"):
            cluster.copy_through_pod(pod, source, print)
    assert core.created == [pod] and core.deleted == ["up-upload-1"]


def test_status_and_list_show_the_validation_loss() -> None:
    """Issue 23, friction point 6: validation loss in status and the plugin."""
    job = yaml.safe_load((TESTDATA / "succeeded.yaml").read_text())
    job["status"]["progress"].update({"validationLoss": 0.8234, "validationRewardAccuracy": 0.75})
    now = datetime.now(UTC)
    assert "validation loss 0.8234  reward accuracy 75.0%" in view.render_status(job, [], now)
    header, row = view.render_list([job], now).splitlines()
    assert dict(zip(header.split(), row.split(), strict=True))["VAL-LOSS"] == "0.8234"
    job["status"]["progress"]["validationStep"] = 40  # data.validationEverySteps: which pass it is
    assert "validation loss 0.8234 after step 40  reward accuracy 75.0%" in view.render_status(job, [], now)


def test_status_names_what_blocks_the_attempt_under_its_progress() -> None:
    """Issue 23, friction point 2: a pod the scheduler cannot place looked like a starting job."""
    job = yaml.safe_load((TESTDATA / "running.yaml").read_text())
    job["status"]["conditions"].append(
        {
            "type": "AttemptBlocked",
            "status": "True",
            "reason": "Unschedulable",
            "message": "pod running-a1-master-0: 0/3 nodes are available: 3 Insufficient cpu.",
            "lastTransitionTime": "2026-11-22T10:00:00Z",
        }
    )
    lines = view.render_status(job, [], datetime.now(UTC)).splitlines()
    assert lines[2] == (
        "blocked: Unschedulable: pod running-a1-master-0: 0/3 nodes are available: 3 Insufficient cpu."
    )
    job["status"]["conditions"][-1]["status"] = "False"
    assert "blocked:" not in view.render_status(job, [], datetime.now(UTC))


USAGE_JOB = {
    "metadata": {"name": "u", "namespace": "team-a", "creationTimestamp": "2026-12-07T04:00:00Z"},
    "spec": {"method": "lora", "model": {"name": "llama-3.1-8b"}},
    "status": {
        "phase": "Running",
        "currentAttempt": 2,
        "attempts": [
            {"attempt": 1, "name": "u-a1", "startTime": "2026-12-07T04:00:00Z", "result": "Failed"},
            {"attempt": 2, "name": "u-a2", "startTime": "2026-12-07T05:00:00Z"},
        ],
        "usage": {
            "attempts": [
                {
                    "attempt": 1,
                    "instanceType": "ml.g5.xlarge",
                    "instanceCount": 2,
                    "startTime": "2026-12-07T04:00:00Z",
                    "endTime": "2026-12-07T04:30:00Z",
                    "wallSeconds": 1800,
                },
                {
                    "attempt": 2,
                    "instanceType": "ml.g5.xlarge",
                    "instanceCount": 2,
                    "startTime": "2026-12-07T05:00:00Z",
                },
            ],
            "wallSeconds": 1800,
            "instanceHours": 1.0,
            "acceleratorHours": {"GPU": 1.0},
            "tokensProcessed": 123456,
            "estimatedCost": 1.41,
            "currency": "USD",
        },
    },
}


def test_status_shows_usage_and_how_long_the_running_attempt_has_run() -> None:
    now = datetime(2026, 12, 7, 5, 10, tzinfo=UTC)
    text = view.render_status(USAGE_JOB, [], now)
    assert (
        "usage 1 instance-hours, 1 GPU-hours, 123,456 tokens, est. cost 1.41 USD, "
        "attempt 2 running for 10m00s on 2 x ml.g5.xlarge"
    ) in text
    assert "  1  u-a1  Failed, ran 30m00s" in text
    unpriced = {
        **USAGE_JOB["status"]["usage"],
        "estimatedCost": None,
        "unpricedInstanceTypes": ["ml.g5.xlarge"],
    }
    assert "no price for ml.g5.xlarge" in view.usage_line(unpriced, now)


def test_list_shows_instance_hours_and_cost() -> None:
    table = view.render_list([USAGE_JOB], datetime(2026, 12, 7, 5, 10, tzinfo=UTC)).splitlines()
    header, row = table[0].split(), table[1].split()
    assert row[header.index("INST-HOURS")] == "1" and row[header.index("COST")] == "1.41"
