"""``kubectl-finetune``: the kubectl plugin's command line (docs/cli.md).

kubectl runs ``kubectl-finetune`` for ``kubectl finetune ...`` when the operator package is
installed. Talks to the cluster of the current kubeconfig (``KUBECONFIG``, ``--kubeconfig``)
and to AWS through boto3's usual configuration (``AWS_PROFILE``, ``AWS_ENDPOINT_URL``, ...).
Exit codes: 0 done (``status``: Succeeded), 1 the job failed or the cluster/AWS refused,
2 bad flags or an invalid job, 3 ``status --once`` of a job still running.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

import yaml

from finetune_operator import yamlio
from finetune_operator.admission import parse_job
from finetune_operator.api.job import FineTuneJob
from finetune_operator.api.recipe import BackendName, Recipe, RecipeKind
from finetune_operator.api.training_config import Method
from finetune_operator.attempts import build_attempt_request
from finetune_operator.backends.registry import backend_class
from finetune_operator.cli import ANY, ANY_BUCKET, RENDER_HELP, add_render_arguments, run_render
from finetune_operator.code import code_sources
from finetune_operator.config import OperatorConfig
from finetune_operator.errors import SpecError
from finetune_operator.instances import accelerator_family
from finetune_operator.naming import LABEL_RECIPE_FOR_JOB
from finetune_operator.plugin import data, flags, view
from finetune_operator.plugin import sweep as sweep_flags
from finetune_operator.plugin.cluster import Cluster, ClusterError, Terminated, signals_raise
from finetune_operator.plugin.flags import SubmitOptions, UsageError
from finetune_operator.plugin.logs import (
    NoLogsError,
    follow_cloudwatch,
    follow_pod,
    no_attempt_message,
    rank_pod_name,
    training_job_name,
    wait_for_container,
)
from finetune_operator.plugin.operator_config import (
    OperatorConfigs,
    read_operator_configs,
    read_warnings,
    unwatched_message,
)
from finetune_operator.plugin.tensorboard import TENSORBOARD_PORT, build_tensorboard_pod, port_forward_command
from finetune_operator.recipes import BUILTIN_RECIPES_DIR, load_recipe_file, load_recipes_dir, select_recipe
from finetune_operator.resolution import storage_dirs
from finetune_operator.yamlio import load_file

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_RUNNING = 3
PREVIEW_ROLE = "arn:aws:iam::000000000000:role/operator-default-role"
PREVIEW_S3_PREFIX = "s3://operator-s3-prefix/finetune"
PREVIEW_SAGEMAKER_IMAGE = "000000000000.dkr.ecr.us-east-1.amazonaws.com/operator-trainer-image:preview"
STATUS_POLL_SECONDS = 2.0
DEFAULT_UPLOAD_IMAGE = OperatorConfig().trainer_image
"""The trainer image of an operator with the default config: the upload image when the
operator's own config cannot be read (it lives in the operator's namespace)."""
OPERATOR_DEFAULTS = (
    "trainer_image",
    "trainer_images",
    "default_accelerator_family",
    "model_root",
    "storage",
    "resource_limits",
    "publish",
)
"""What the preview takes from the operator's config when the plugin can read it (without it, any
publish target passes the preview; the operator checks it against its own allowlist)."""


class JobStateError(Exception):
    """The job's state does not allow the command (e.g. suspending a finished job)."""


class Parser(argparse.ArgumentParser):
    """argparse with exit code 2 and a hint, and ``kubectl finetune`` as the program name."""

    def error(self, message: str) -> Any:
        self.exit(EXIT_USAGE, f"error: {message}\n(see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    common = Parser(add_help=False)
    common.add_argument(
        "-n", "--namespace", help="namespace (default: the kubeconfig context's, else default)"
    )
    common.add_argument("--kubeconfig", help="kubeconfig file (default: $KUBECONFIG or ~/.kube/config)")
    parser = Parser(prog="kubectl finetune", description="Fine-tune LLMs with FineTuneJobs (docs/cli.md).")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    submit = sub.add_parser(
        "submit",
        parents=[common],
        help="create a FineTuneJob from the runner CLI's flags",
        description="Create a FineTuneJob from the runner CLI's flags (mapping in docs/cli.md).",
    )
    submit.add_argument("--job-name", required=True, help="name of the FineTuneJob")
    submit.add_argument(
        "--model-name",
        required=True,
        help="micro|lite|pro (Amazon Nova) or a catalog model, e.g. llama-3.1-8b",
    )
    submit.add_argument(
        "--training-type", choices=flags.TRAINING_TYPES, help="method; selects the recipe by model and method"
    )
    submit.add_argument(
        "--data-jsonl",
        required=True,
        help="training data: s3:// URI, path on the job's storage, or a local file with --upload-data",
    )
    submit.add_argument("--validation-jsonl", help="validation data, same forms as --data-jsonl")
    submit.add_argument(
        "--eval-data",
        help="held-out data for the final evaluation (spec.evaluation.data), same forms as --data-jsonl",
    )
    submit.add_argument(
        "--publish",
        help="where the output goes after training: oci://<registry>/<repository>:<tag> or s3://...",
    )
    submit.add_argument(
        "--publish-if",
        help="publish only if the final evaluation passes, e.g. 'evalLoss<1.2' or 'evalRewardAccuracy>0.6'",
    )
    submit.add_argument(
        "--recipe-yaml", type=Path, help="a FineTuneRecipe file to train with (instead of --training-type)"
    )
    submit.add_argument(
        "--recipe-repo-path",
        type=Path,
        help="directory of recipe files to select from (with --training-type)",
    )
    submit.add_argument(
        "--recipe-override", help="recipe overrides: key1.key2=value,... (ints, floats, true/false, strings)"
    )
    submit.add_argument("--hyperparameters", help="more overrides: key=value,... by flat name or full path")
    submit.add_argument(
        "--upload-data",
        action="store_true",
        help="upload local data files first (S3 for sagemaker, the storage claim for hyperpod)",
    )
    submit.add_argument("--role", help="IAM execution role ARN (sagemaker; default: the operator's)")
    submit.add_argument("--s3-bucket", help="bucket for outputs, checkpoints and uploads (sagemaker)")
    submit.add_argument("--max-run", type=int, help="maximum runtime in seconds (spec.maxRuntimeSeconds)")
    submit.add_argument(
        "--backend",
        choices=[b.value for b in BackendName],
        help="default: sagemaker for Nova models, else hyperpod",
    )
    submit.add_argument(
        "--instance-type", help="instance type, e.g. ml.trn1.32xlarge (default: the recipe's)"
    )
    submit.add_argument("--nodes", type=int, help="number of instances (default: the recipe's)")
    submit.add_argument(
        "--queue",
        "--queue-name",
        dest="queue",
        help="hyperpod: the Kueue LocalQueue (HyperPod task governance), e.g. hyperpod-ns-<team>-localqueue",
    )
    submit.add_argument(
        "--priority",
        help="hyperpod: the Kueue WorkloadPriorityClass, e.g. training-priority (with --queue)",
    )
    submit.add_argument(
        "--max-preemptions",
        type=int,
        help="preemptions by the queue the job accepts (spec.resume.maxPreemptions; default 10)",
    )
    submit.add_argument("--image", help="trainer image of the job (spec.image; default: the operator's)")
    submit.add_argument(
        "--rewards",
        type=Path,
        help="grpo and grpo-lora: a YAML list of the job's rewards (spec.rewards; docs/grpo.md)",
    )
    submit.add_argument(
        "--upload-image",
        help=(
            "image of the hyperpod upload pod: any with a POSIX shell and coreutils (default: --image, "
            f"else the trainer image of the operator's config, else {DEFAULT_UPLOAD_IMAGE})"
        ),
    )
    submit.add_argument(
        "--dry-run",
        action="store_true",
        help="print the job and what the operator would create; validate on the server; create nothing",
    )
    submit.add_argument(
        "-o",
        "--output",
        choices=["yaml"],
        help="write the FineTuneJob (for a GitOps repository) instead of creating it",
    )
    submit.add_argument(
        "--operator-namespace",
        help="where the operator's config lies (default: search every namespace; docs/cli.md)",
    )
    submit.add_argument(
        "--verbose",
        action="store_true",
        help="say what is checked and uploaded, and what an upload waits for",
    )

    status = sub.add_parser(
        "status", parents=[common], help="follow a job until it ends (exit 0 only if Succeeded)"
    )
    status.add_argument("name")
    status.add_argument(
        "--once", action="store_true", help="print once and exit (3 while the job still runs)"
    )
    status.add_argument(
        "--timeout",
        help="wait at most this long (90s, 10m, 1h30m): exit 0 if the job succeeded, 1 if it failed, "
        "3 if it still runs",
    )
    logs = sub.add_parser("logs", parents=[common], help="the current attempt's output, per node rank")
    logs.add_argument("name")
    logs.add_argument(
        "-f", "--follow", action="store_true", help="wait for the container, then print while it runs"
    )
    which = logs.add_mutually_exclusive_group()
    which.add_argument("--rank", type=int, default=0, help="node rank whose output to show (default 0)")
    which.add_argument("--pod", help="the attempt's pod to show (hyperpod), e.g. <job>-a1-worker-0")
    logs.add_argument("--tail", type=int, help="only the last N lines (events, on sagemaker)")
    logs.add_argument("--since", help="only output newer than this (90s, 10m, 1h30m)")
    listing = sub.add_parser("list", parents=[common], help="FineTuneJobs in the namespace")
    listing.add_argument(
        "-A", "--all-namespaces", action="store_true", help="the jobs of every namespace (a NAMESPACE column)"
    )
    for verb, text in (
        ("suspend", "pause a job (its pods go; checkpoints stay)"),
        ("resume", "continue a suspended job"),
        ("delete", "delete a job (checkpoints and outputs are kept)"),
    ):
        sub.add_parser(verb, parents=[common], help=text).add_argument("name")
    board = sub.add_parser(
        "tensorboard",
        parents=[common],
        help="open a job's TensorBoard (a read-only pod and a port-forward; the pod goes on exit)",
    )
    board.add_argument("name")
    board.add_argument("--port", type=int, default=TENSORBOARD_PORT, help="local port (default 6006)")
    board.add_argument("--image", help="image with TensorBoard (default: the job's trainer image)")
    board.add_argument("--operator-namespace", help="where the operator's config lies (default: search)")
    add_render_arguments(sub.add_parser("render", help=RENDER_HELP))
    add_sweep_arguments(sub, common)
    return parser


def add_sweep_arguments(sub: Any, common: argparse.ArgumentParser) -> None:
    """``sweep create|status|list`` (docs/cli.md, "sweep")."""
    sweep = sub.add_parser("sweep", help="hyperparameter sweeps: FineTuneSweeps (docs/cli.md)")
    verbs = sweep.add_subparsers(dest="sweep_command", required=True, parser_class=Parser)
    create = verbs.add_parser(
        "create",
        parents=[common],
        help="create a FineTuneSweep from a job's flags (as submit's) or a FineTuneJob file, and its ranges",
    )
    create.add_argument("name", help="name of the FineTuneSweep (its trials are <name>-t000, -t001, ...)")
    create.add_argument(
        "--from-job", type=Path, help="a FineTuneJob YAML file whose spec every trial starts from"
    )
    create.add_argument("--model-name", help="as submit's (without --from-job)")
    create.add_argument("--training-type", choices=flags.TRAINING_TYPES, help="as submit's")
    create.add_argument("--data-jsonl", help="as submit's (s3:// URI or a path on the job's storage)")
    create.add_argument("--validation-jsonl", help="as submit's; objective eval_loss needs validation data")
    create.add_argument("--recipe-override", help="overrides every trial has: key1.key2=value,...")
    create.add_argument("--hyperparameters", help="more overrides: key=value,... by flat name or full path")
    create.add_argument("--backend", choices=[b.value for b in BackendName], help="as submit's")
    create.add_argument("--instance-type", help="as submit's")
    create.add_argument("--nodes", type=int, help="as submit's")
    create.add_argument("--role", help="IAM execution role ARN (sagemaker)")
    create.add_argument("--max-run", type=int, help="maximum runtime of each trial in seconds")
    create.add_argument("--image", help="trainer image of the trials")
    create.add_argument("--rewards", type=Path, help="grpo and grpo-lora: a YAML list of the rewards")
    create.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="PATH=SPEC",
        help=f"a range to search (repeat the flag): {sweep_flags.PARAM_FORMAT}",
    )
    create.add_argument(
        "--objective", choices=sweep_flags.OBJECTIVES, default="eval_loss", help="default eval_loss"
    )
    direction = create.add_mutually_exclusive_group()
    direction.add_argument("--maximize", action="store_true", default=None, help="default for eval_reward")
    direction.add_argument("--minimize", action="store_true", default=None, help="default for the losses")
    create.add_argument("--algorithm", choices=sweep_flags.ALGORITHMS, default="tpe", help="default tpe")
    create.add_argument("--max-trials", type=int, default=10, help="trials in total (default 10)")
    create.add_argument("--max-parallel", type=int, default=1, help="trials at once (default 1)")
    create.add_argument(
        "--max-instance-hours", type=float, help="no trial starts once the trials used this many"
    )
    create.add_argument("--seed", type=int, help="seed of the search (default 0)")
    create.add_argument(
        "--early-stopping", choices=sorted(sweep_flags.EARLY_STOPPING), help="stop trials that fall behind"
    )
    create.add_argument(
        "--dry-run", action="store_true", help="print the sweep and its first trials; create nothing"
    )
    create.add_argument(
        "-o", "--output", choices=["yaml"], help="write the FineTuneSweep instead of creating it"
    )
    status = verbs.add_parser(
        "status", parents=[common], help="a sweep's trials and best trial (exit 3 while it runs)"
    )
    status.add_argument("name")
    verbs.add_parser("list", parents=[common], help="FineTuneSweeps in the namespace")


def sweep_template(args: argparse.Namespace, namespace: str) -> dict[str, Any]:
    """The trials' FineTuneJob spec: --from-job's, or the one submit's flags describe."""
    if args.from_job:
        jobs = [d for d in load_file(args.from_job) if isinstance(d, dict) and d.get("kind") == "FineTuneJob"]
        if len(jobs) != 1:
            raise UsageError(f"--from-job {args.from_job}: expected one FineTuneJob, found {len(jobs)}")
        document = jobs[0]
        return dict(document.get("spec") or {})
    if not (args.model_name and args.training_type and args.data_jsonl):
        raise UsageError("give --from-job FILE, or --model-name, --training-type and --data-jsonl")
    options = flags.SubmitOptions(
        job_name=args.name,
        namespace=namespace,
        model_name=args.model_name,
        training_type=args.training_type,
        data_jsonl=args.data_jsonl,
        validation_jsonl=args.validation_jsonl,
        recipe_override=args.recipe_override,
        hyperparameters=args.hyperparameters,
        role=args.role,
        max_run=args.max_run,
        backend=args.backend,
        instance_type=args.instance_type,
        nodes=args.nodes,
        rewards=args.rewards,
    )
    flags.check_combinations(options)
    method = flags.method_for(args.training_type)
    flags.check_rewards(method, options.rewards)
    rewards = flags.load_rewards(options.rewards) if options.rewards else None
    overrides = flags.collect_overrides(options.recipe_override, options.hyperparameters)
    paths = {
        "train": args.data_jsonl,
        **({"validation": args.validation_jsonl} if args.validation_jsonl else {}),
    }
    spec = flags.build_job(options, paths, method, None, overrides, rewards)["spec"]
    if args.image:
        spec["image"] = args.image
    return dict(spec)


def sweep_command(args: argparse.Namespace, out: TextIO) -> int:
    local = args.sweep_command == "create" and (args.dry_run or args.output)
    cluster = None if local else Cluster.connect(args.kubeconfig)
    namespace = args.namespace or (cluster.default_namespace if cluster else "default")
    if args.sweep_command == "list":
        assert cluster is not None
        out.write(sweep_flags.render_sweep_list(cluster.sweeps(namespace)) + "\n")
        return 0
    if args.sweep_command == "status":
        assert cluster is not None
        document = cluster.sweep(namespace, args.name)
        out.write(sweep_flags.render_sweep_status(document) + "\n")
        return (
            view.exit_code_for(phase)
            if (phase := (document.get("status") or {}).get("phase"))
            in (
                "Succeeded",
                "Failed",
            )
            else EXIT_RUNNING
        )
    document = sweep_flags.build_sweep(
        args.name,
        namespace,
        sweep_template(args, namespace),
        args.param,
        args.objective,
        True if args.maximize else False if args.minimize else None,
        args.algorithm,
        args.max_trials,
        args.max_parallel,
        args.seed,
        args.max_instance_hours,
        args.early_stopping,
    )
    trials = sweep_flags.first_trials(document, view.now_utc())  # the operator's checks and first decision
    if args.output or args.dry_run:
        shown = [document, *trials] if args.dry_run else [document]
        out.write(yaml.safe_dump_all(shown, sort_keys=False))
        return 0
    assert cluster is not None
    cluster.create_sweep(document)
    out.write(f"finetunesweep.finetune.dev/{args.name} created\n")
    return 0


# --- submit ------------------------------------------------------------------------------------


def submit_options(args: argparse.Namespace, namespace: str) -> SubmitOptions:
    return SubmitOptions(
        job_name=args.job_name,
        namespace=namespace,
        model_name=args.model_name,
        training_type=args.training_type,
        data_jsonl=args.data_jsonl,
        validation_jsonl=args.validation_jsonl,
        recipe_yaml=args.recipe_yaml,
        recipe_repo_path=args.recipe_repo_path,
        recipe_override=args.recipe_override,
        hyperparameters=args.hyperparameters,
        upload_data=args.upload_data,
        role=args.role,
        s3_bucket=args.s3_bucket,
        max_run=args.max_run,
        backend=args.backend,
        instance_type=args.instance_type,
        nodes=args.nodes,
        queue=args.queue,
        priority=args.priority,
        max_preemptions=args.max_preemptions,
        rewards=args.rewards,
        eval_data=args.eval_data,
        publish=args.publish,
        publish_if=args.publish_if,
        dry_run=args.dry_run,
        output=args.output,
    )


def chosen_recipe(options: SubmitOptions, method: Method | None) -> Recipe | None:
    """The recipe --recipe-yaml names, or the one --recipe-repo-path holds for the model and method."""
    if options.recipe_yaml:
        recipes = load_recipe_file(options.recipe_yaml)
        if len(recipes) != 1:
            raise UsageError(
                f"--recipe-yaml {options.recipe_yaml}: expected one recipe, found {len(recipes)}"
            )
        return recipes[0]
    if options.recipe_repo_path:
        assert method is not None
        spec: dict[str, Any] = {
            "model": {"name": flags.model_for(options.model_name)},
            "method": method.value,
            "backend": flags.backend_for(options).value,
            "data": {"train": {"path": "s3://recipe-probe/train.jsonl"}},  # only selects a recipe
        }
        if options.instance_type:  # selects the recipe of the instance type's accelerator family
            spec["resources"] = {"instanceType": options.instance_type}
        probe = {
            "apiVersion": "finetune.dev/v1alpha1",
            "kind": "FineTuneJob",
            "metadata": {"name": options.job_name, "namespace": options.namespace},
            "spec": spec,
        }
        candidates = [
            r.model_copy(update={"kind": RecipeKind.CLUSTER_FINE_TUNE_RECIPE})
            for r in load_recipes_dir(options.recipe_repo_path)
        ]
        return select_recipe(parse_job(probe, "--recipe-repo-path"), candidates)
    return None


def job_recipe(recipe: Recipe, namespace: str, job_name: str) -> dict[str, Any]:
    """The chosen recipe as the job's own FineTuneRecipe: named after the job and labelled
    ``finetune.dev/for-job: <job>``, so that no other job of the namespace selects or names it
    (the operator honours the label). Once the job exists, it becomes the recipe's owner."""
    document = recipe.model_dump(mode="json", by_alias=True, exclude_none=True)
    document["kind"] = RecipeKind.FINE_TUNE_RECIPE.value
    document["metadata"] = {
        "name": job_name,
        "namespace": namespace,
        "labels": {LABEL_RECIPE_FOR_JOB: job_name},
    }
    return document


def owned_by(document: dict[str, Any], job: dict[str, Any]) -> dict[str, Any]:
    """``document`` with ``job`` (as the API server returned it) as its owner: deleting the job
    deletes it (Kubernetes garbage collection)."""
    owner = {
        "apiVersion": job["apiVersion"],
        "kind": job["kind"],
        "name": job["metadata"]["name"],
        "uid": job["metadata"]["uid"],
    }
    return {**document, "metadata": {**document["metadata"], "ownerReferences": [owner]}}


def preview_config(job_image: str | None, operator: OperatorConfig | None = None) -> OperatorConfig:
    """The operator config the preview renders with: the operator's trainer images, storage and
    limits when its config could be read (``operator``); its SageMaker defaults stay unknown
    here, so placeholders stand in for them and any role, S3 location and image the spec names
    are accepted (the operator checks them against its own config)."""
    known = operator.model_dump(include=set(OPERATOR_DEFAULTS)) if operator else {}
    sagemaker = {
        "role_allowlist": [ANY],
        "allowed_s3_prefixes": {"*": [ANY_BUCKET]},
        "default_role_arn": PREVIEW_ROLE,
        "s3_prefix": PREVIEW_S3_PREFIX,
        "trainer_image": job_image or PREVIEW_SAGEMAKER_IMAGE,
    }
    known.setdefault("publish", {"allowlist": {"*": ["oci://**", "s3://**"]}})
    return OperatorConfig.model_validate(
        {**known, "image_allowlist": {"*": [ANY]}, BackendName.SAGEMAKER.value: sagemaker}
    )


class Aws:
    """boto3 clients, made only when a command needs AWS."""

    def __init__(self) -> None:
        import boto3

        self.session = boto3.session.Session()
        self.region = self.session.region_name or "us-east-1"

    def client(self, service: str) -> Any:
        return self.session.client(service, region_name=self.region)


def plan_uploads(
    options: SubmitOptions, backend: BackendName, aws: Aws | None, mount_path: str
) -> tuple[dict[str, str], list[data.LocalFile], str | None]:
    """Where the job reads each input, the local files to upload there, and the upload bucket;
    ``mount_path``: where the job's pods see the storage claim (the operator's storage policy)."""
    inputs = {"train": ("--data-jsonl", options.data_jsonl)}
    if options.validation_jsonl:
        inputs["validation"] = ("--validation-jsonl", options.validation_jsonl)
    if options.eval_data:
        inputs["evaluation"] = ("--eval-data", options.eval_data)
    paths: dict[str, str] = {}
    uploads: list[data.LocalFile] = []
    bucket = None
    for role, (flag, path) in inputs.items():
        if not options.upload_data or path.startswith("s3://"):
            paths[role] = path
            continue
        if backend == BackendName.SAGEMAKER:
            assert aws is not None
            bucket = bucket or options.s3_bucket or data.default_bucket(aws.client("sts"), aws.region)
            upload = data.local_file(
                flag, path, lambda digest, name, b=bucket: data.s3_destination(b, digest, name)
            )
        else:
            upload = data.local_file(
                flag,
                path,
                lambda digest, name: data.claim_destination(mount_path, options.namespace, digest, name),
            )
        uploads.append(upload)
        paths[role] = upload.destination
    return paths, uploads, bucket


def submit(args: argparse.Namespace, out: TextIO) -> int:
    early = submit_options(args, args.namespace or "default")
    flags.check_combinations(early)
    uploads_to_claim = early.upload_data and flags.backend_for(early) == BackendName.HYPERPOD
    cluster = None if args.output and not uploads_to_claim else Cluster.connect(args.kubeconfig)
    namespace = args.namespace or (cluster.default_namespace if cluster else "default")
    options = submit_options(args, namespace)
    configs = read_operator_configs(cluster.core, args.operator_namespace) if cluster else OperatorConfigs()
    if cluster:
        for warning in read_warnings(configs, namespace):
            print(f"warning: {warning}", file=sys.stderr)
    # A warning, not an error: an operator run outside the chart (a process, another install)
    # leaves no ConfigMap the plugin can find.
    unwatched = unwatched_message(configs, namespace)
    if unwatched and not args.dry_run:
        print(f"warning: {unwatched}", file=sys.stderr)
    backend = flags.backend_for(options)
    method = flags.method_for(options.training_type) if options.training_type else None
    recipe = chosen_recipe(options, method)
    if recipe is not None:
        method = recipe.spec.method
    assert method is not None
    flags.check_rewards(method, options.rewards)
    rewards = flags.load_rewards(options.rewards) if options.rewards else None
    overrides = flags.collect_overrides(options.recipe_override, options.hyperparameters)
    inputs = (options.data_jsonl, options.validation_jsonl or "", options.eval_data or "")
    needs_aws = any(p.startswith("s3://") for p in inputs) or (
        options.upload_data and backend == BackendName.SAGEMAKER
    )
    aws = Aws() if needs_aws else None
    operator = configs.config_for(namespace)
    paths, uploads, bucket = plan_uploads(
        options, backend, aws, (operator or OperatorConfig()).storage.claim_mount_path
    )
    recipe_document = job_recipe(recipe, namespace, options.job_name) if recipe else None
    job = flags.build_job(
        options,
        paths,
        method,
        recipe_document["metadata"]["name"] if recipe_document else None,
        overrides,
        rewards,
    )
    if args.image:
        job["spec"]["image"] = args.image
    documents = [d for d in (recipe_document, job) if d]

    # What the operator would create: the same pure functions, with the cluster's recipes.
    known = cluster.recipes(namespace) if cluster else load_recipes_dir(BUILTIN_RECIPES_DIR)
    if recipe_document:
        name = recipe_document["metadata"]["name"]
        known = [r for r in known if not (r.kind == RecipeKind.FINE_TUNE_RECIPE and r.metadata.name == name)]
        known.append(Recipe.model_validate(recipe_document))
    job_model = parse_job(
        {**job, "metadata": {**job["metadata"], "uid": "00000000-0000-0000-0000-000000000000"}}, "the job"
    )
    config = preview_config(args.image, operator)
    request, _ = build_attempt_request(
        job_model,
        known,
        config,
        1,
        None,
        job_model.spec.max_runtime_seconds,
        code_config_maps(job_model, namespace, cluster),
    )
    rendered = backend_class(backend)(config).render(request)  # raises InvalidSpecError

    for role, (flag, path) in {
        "train": ("--data-jsonl", options.data_jsonl),
        "validation": ("--validation-jsonl", options.validation_jsonl or ""),
        "evaluation": ("--eval-data", options.eval_data or ""),
    }.items():
        if path.startswith("s3://") and paths.get(role) == path:
            assert aws is not None
            data.check_s3_input(aws.client("s3"), flag, path)
            verbose(args, f"checked {path}")

    def run_uploads() -> None:
        image = upload_image(args, request.image, operator)
        do_uploads(args.verbose, options, uploads, bucket, aws, cluster, config, image)

    if args.output:
        run_uploads()
        out.write(yamlio.dump_documents(documents))
        return 0
    assert cluster is not None
    if recipe_document:
        cluster.check_job_recipe_name(namespace, options.job_name)
    if args.dry_run:
        out.write(yamlio.dump_documents(documents))
        out.write("# What the operator would create for attempt 1")
        if backend == BackendName.SAGEMAKER:
            out.write(" (the operator's own SageMaker defaults replace any operator-* placeholders)")
        out.write(":\n")
        out.write(yamlio.dump_documents(rendered))
        for upload in uploads:
            out.write(f"# --upload-data would copy {upload.path} to {upload.destination}\n")
        for document in documents:
            cluster.write(document, dry_run=True)
            out.write(
                f"{document['kind'].lower()}.finetune.dev/{document['metadata']['name']} "
                "valid (server dry run)\n"
            )
        if unwatched:  # last, below the server's "valid": the job would be valid, and never run
            print(f"warning: {unwatched}", file=sys.stderr)
        return 0
    for document in documents:
        cluster.write(document, dry_run=True)  # everything valid before anything is uploaded or created
    run_uploads()
    if recipe_document:
        cluster.write(recipe_document, dry_run=False)
        out.write(
            f"finetunerecipe.finetune.dev/{recipe_document['metadata']['name']} applied (for this job only)\n"
        )
    # Should this fail, the recipe stays unowned; only a job of this name can use it, and the
    # next submit of the name applies it again.
    created = cluster.write(job, dry_run=False)
    out.write(f"finetunejob.finetune.dev/{options.job_name} created\n")
    if recipe_document:
        cluster.write(owned_by(recipe_document, created), dry_run=False)
    out.write(f"follow it with: kubectl finetune status {options.job_name} -n {namespace}\n")
    return 0


def code_config_maps(job: FineTuneJob, namespace: str, cluster: Cluster | None) -> dict[str, dict[str, str]]:
    """The data of the ConfigMaps the job's reward and tool modules come from (those that exist),
    read from the cluster as the operator reads them, so a missing one is refused now."""
    names = sorted({source.config_map.name for _, source in code_sources(job.spec) if source.config_map})
    if not names:
        return {}
    if cluster is None:
        raise UsageError(
            f"-o yaml reads nothing from a cluster, so it cannot check the ConfigMap(s) {', '.join(names)} "
            "the rewards name; check the job with `kubectl finetune render -f FILE` and a file holding "
            "the job and its ConfigMaps"
        )
    return cluster.config_maps(namespace, names)


def upload_image(args: argparse.Namespace, trainer_image: str, operator: OperatorConfig | None) -> str:
    """The upload pod's image: --upload-image, else the trainer image the job would run (its
    --image, else the one the operator's config names for it); when that config could not be
    read, the default config's trainer image, with a warning (the nodes may not have it)."""
    if args.upload_image:
        return str(args.upload_image)
    if args.image or operator is not None or not args.upload_data or args.dry_run:
        return trainer_image
    print(
        "warning: the operator's trainer image is unknown (its config was not read, or several apply), so "
        f"the upload pod runs the default trainer image "
        f"{DEFAULT_UPLOAD_IMAGE}; pass --upload-image IMAGE (any image with a POSIX shell the nodes can "
        "pull) if the nodes do not have it",
        file=sys.stderr,
    )
    return DEFAULT_UPLOAD_IMAGE


def verbose(args: argparse.Namespace, message: str) -> None:
    if getattr(args, "verbose", False):
        print(message, file=sys.stderr)


def do_uploads(
    detail: bool,
    options: SubmitOptions,
    uploads: list[data.LocalFile],
    bucket: str | None,
    aws: Aws | None,
    cluster: Cluster | None,
    config: OperatorConfig,
    image: str,
) -> None:
    """Uploads to S3 (``bucket``), else onto the storage claim through upload pods of ``image``
    that write as ``config``'s storage policy says (the operator's, when it could be read);
    ``detail``: say why an upload pod waits, not only on what."""
    if not uploads:
        return
    if bucket is not None:
        assert aws is not None
        s3 = aws.client("s3")
        data.ensure_bucket(s3, bucket, aws.region)
        for upload in uploads:
            uploaded = data.upload_to_s3(s3, upload)
            print(
                f"{'uploaded' if uploaded else 'already uploaded'}: {upload.path} -> {upload.destination}",
                file=sys.stderr,
            )
        return
    assert cluster is not None
    storage = config.storage
    for upload in uploads:
        pod = data.build_upload_pod(
            data.upload_pod_name(options.job_name, upload),
            options.namespace,
            "fsx-claim",
            storage.claim_mount_path,
            image,
            upload,
            storage.run_as,
        )
        cluster.copy_through_pod(pod, upload.path, lambda line: print(line, file=sys.stderr), detail)
        print(f"uploaded: {upload.path} -> {upload.destination} (claim fsx-claim)", file=sys.stderr)


# --- the other subcommands ---------------------------------------------------------------------


def status(args: argparse.Namespace, cluster: Cluster, namespace: str, out: TextIO) -> int:
    timeout = flags.parse_duration("--timeout", args.timeout) if args.timeout else None
    deadline = time.monotonic() + timeout if timeout is not None else None
    losses: list[float] = []
    seen_step = None
    shown = ""
    while True:
        job = cluster.get(namespace, args.name)
        progress = (job.get("status") or {}).get("progress") or {}
        if progress.get("loss") is not None and progress.get("step") != seen_step:
            losses.append(float(progress["loss"]))
            seen_step = progress.get("step")
        text = view.render_status(job, losses[-40:], view.now_utc())
        phase = (job.get("status") or {}).get("phase")
        if text != shown:
            if shown and out.isatty():
                out.write(f"\x1b[{shown.count(chr(10)) + 1}F\x1b[J")  # redraw in place on a terminal
            elif shown:
                out.write("\n")
            out.write(text + "\n")
            out.flush()
            shown = text
        if phase in view.TERMINAL_PHASES:
            return view.exit_code_for(phase)
        if args.once:
            return EXIT_RUNNING
        if deadline is not None and time.monotonic() >= deadline:
            print(
                f"error: {args.name} is still {phase or 'Pending'} after --timeout {args.timeout}",
                file=sys.stderr,
            )
            return EXIT_RUNNING
        time.sleep(
            STATUS_POLL_SECONDS
            if deadline is None
            else max(0.0, min(STATUS_POLL_SECONDS, deadline - time.monotonic()))
        )


def logs(args: argparse.Namespace, cluster: Cluster, namespace: str, out: TextIO) -> int:
    since = flags.parse_duration("--since", args.since) if args.since else None
    if args.tail is not None and args.tail < 0:
        raise UsageError(f"--tail {args.tail}: give a number of lines, 0 or more")
    if args.rank < 0:
        raise UsageError(f"--rank {args.rank}: node ranks start at 0")

    def still_running() -> bool:
        return (cluster.get(namespace, args.name).get("status") or {}).get(
            "phase"
        ) not in view.TERMINAL_PHASES

    job = cluster.get(namespace, args.name)
    if (job.get("spec") or {}).get("backend") == BackendName.SAGEMAKER:
        if args.pod:
            raise UsageError("--pod applies to hyperpod jobs; a sagemaker job's hosts are --rank 0, 1, ...")
        if args.follow:
            job = wait_for_attempt(
                cluster, namespace, job, report, has_training_job, "the SageMaker training job"
            )
        aws = Aws()
        follow_cloudwatch(
            aws.client("logs"),
            training_job_name(job),
            args.follow,
            still_running,
            out,
            args.rank,
            args.tail,
            since,
        )
        return 0
    if args.follow:
        job = wait_for_attempt(cluster, namespace, job, report, has_attempt, "the first attempt")
    pod = args.pod or rank_pod_name(job, args.rank)
    if args.follow:
        wait_for_container(cluster.core, namespace, pod, report, still_running)
    follow_pod(cluster.core, namespace, pod, args.follow, out, args.tail, since)
    return 0


def wait_for_attempt(
    cluster: Cluster,
    namespace: str,
    job: dict[str, Any],
    report: Callable[[str], None],
    ready: Callable[[dict[str, Any]], bool],
    what: str,
) -> dict[str, Any]:
    """``logs -f`` of a job whose attempt has nothing to show yet waits until ``ready(job)``
    (saying it waits for ``what``), unless the job ends first."""
    shown = ""
    while not ready(job):
        phase = (job.get("status") or {}).get("phase") or "Pending"
        if phase in view.TERMINAL_PHASES:
            raise NoLogsError(
                no_attempt_message(job)
                if not has_attempt(job)
                else f"{job['metadata']['name']} ended ({phase}) before {what} existed"
            )
        line = f"waiting for {what} of {job['metadata']['name']} (phase {phase})"
        if line != shown:
            report(line)
            shown = line
        time.sleep(STATUS_POLL_SECONDS)
        job = cluster.get(namespace, job["metadata"]["name"])
    return job


def has_attempt(job: dict[str, Any]) -> bool:
    return bool((job.get("status") or {}).get("currentAttempt"))


def has_training_job(job: dict[str, Any]) -> bool:
    try:
        training_job_name(job)
    except NoLogsError:
        return False
    return True


def tensorboard(args: argparse.Namespace, cluster: Cluster, namespace: str, out: TextIO) -> int:
    """Serves the job's TensorBoard directory from a read-only pod (plugin/tensorboard.py) on
    http://127.0.0.1:PORT/ until Ctrl-C or SIGTERM, then deletes the pod if it started it."""
    if not 1 <= args.port <= 65535:
        raise UsageError(f"--port {args.port}: a TCP port lies in 1-65535")
    job = parse_job(cluster.get(namespace, args.name), args.name)
    if job.spec.backend == BackendName.SAGEMAKER:
        raise UsageError(
            f"{args.name} runs on sagemaker, whose TensorBoard logs are in S3 (under the job's output): "
            "point a TensorBoard at that S3 prefix; `tensorboard` serves a hyperpod job's storage claim"
        )
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        raise ClusterError("kubectl is not on PATH: `tensorboard` runs `kubectl port-forward`")
    configs = read_operator_configs(cluster.core, args.operator_namespace)
    for warning in read_warnings(configs, namespace):
        print(f"warning: {warning}", file=sys.stderr)
    operator = configs.config_for(namespace)
    policy = (operator or OperatorConfig()).storage
    directory = storage_dirs(job, policy).tensorboard_dir
    image = args.image or job.spec.image
    if image is None and operator is not None:
        instance_type = job.spec.resources.instance_type if job.spec.resources else None
        family = accelerator_family(instance_type) if instance_type else operator.default_accelerator_family
        image = operator.trainer_images.get(family, operator.trainer_image)
    if image is None:
        image = DEFAULT_UPLOAD_IMAGE
        print(
            f"warning: the operator's trainer image is unknown, so TensorBoard runs from {image}; "
            "pass --image",
            file=sys.stderr,
        )
    pod = build_tensorboard_pod(
        args.name,
        namespace,
        job.spec.storage.claim_name,
        policy.claim_mount_path,
        directory,
        image,
        policy.run_as,
    )
    name = pod["metadata"]["name"]
    with signals_raise():
        created = cluster.start_pod(pod)
        forward = None
        try:
            label = f"TensorBoard pod {name}"
            if not created:
                print(f"reusing {label} (another `tensorboard` session started it)", file=sys.stderr)
            phase = cluster.wait_pod(
                namespace,
                name,
                ("Running", "Succeeded", "Failed"),
                label,
                "to start",
                report,
                False,
                "--image",
            )
            if phase != "Running":
                raise ClusterError(
                    f"{label} ended ({phase}): {cluster.pod_log(namespace, name, 'tensorboard')}"
                )
            out.write(
                f"TensorBoard of {args.name} ({directory}, read-only) at http://127.0.0.1:{args.port}/\n"
                "press Ctrl-C to stop" + (" and delete its pod\n" if created else "\n")
            )
            out.flush()
            forward = subprocess.Popen(
                port_forward_command(kubectl, args.kubeconfig, namespace, name, args.port),
                stdout=subprocess.DEVNULL,
            )
            code = forward.wait()
            raise ClusterError(f"kubectl port-forward to {name} ended (exit code {code})")
        finally:
            if forward is not None and forward.poll() is None:
                forward.terminate()
                forward.wait(timeout=10)
            if created:
                cluster.delete_pod(namespace, name)


def report(line: str) -> None:
    """Where the plugin says what it waits for: stderr, apart from the command's output."""
    print(line, file=sys.stderr)


def check_can_suspend(job: dict[str, Any], verb: str) -> None:
    """A finished job neither pauses nor continues: setting spec.suspend on it would change
    nothing but could read as if it had (the operator refuses it too)."""
    phase = (job.get("status") or {}).get("phase")
    if phase in view.TERMINAL_PHASES:
        name = job["metadata"]["name"]
        raise JobStateError(
            f"finetunejob {name} has ended (phase {phase}): there is nothing to {verb}; its checkpoints "
            "and outputs stay; to train again, submit a new job"
        )


def run(args: argparse.Namespace, out: TextIO) -> int:
    if args.command == "render":
        return run_render(args)
    if args.command == "submit":
        return submit(args, out)
    if args.command == "sweep":
        return sweep_command(args, out)
    cluster = Cluster.connect(args.kubeconfig)
    namespace = args.namespace or cluster.default_namespace
    if args.command == "status":
        return status(args, cluster, namespace, out)
    if args.command == "logs":
        return logs(args, cluster, namespace, out)
    if args.command == "tensorboard":
        return tensorboard(args, cluster, namespace, out)
    if args.command == "list":
        everywhere = args.all_namespaces
        jobs = cluster.jobs(None if everywhere else namespace)
        out.write(view.render_list(jobs, view.now_utc(), with_namespace=everywhere) + "\n")
        return 0
    if args.command in ("suspend", "resume"):
        check_can_suspend(cluster.get(namespace, args.name), args.command)
        cluster.set_suspend(namespace, args.name, args.command == "suspend")
        done = {"suspend": "suspended", "resume": "resumed"}[args.command]
        out.write(f"finetunejob.finetune.dev/{args.name} {done}\n")
        return 0
    cluster.delete(namespace, args.name)
    out.write(f"finetunejob.finetune.dev/{args.name} deleted (checkpoints and outputs are kept)\n")
    return 0


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run(args, out or sys.stdout)
    except (UsageError, SpecError) as err:
        reason = f"{err.reason}: " if isinstance(err, SpecError) else ""
        print(f"error: {reason}{err}", file=sys.stderr)
        return EXIT_USAGE
    except (NoLogsError, ClusterError, JobStateError) as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_FAILED
    except (OSError, yaml.YAMLError) as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Terminated:
        return 143


if __name__ == "__main__":
    sys.exit(main())
