"""``finetune-operator``: ``run`` the operator, or ``render`` a job as a dry run.

``render`` prints, as YAML, exactly the objects the operator would create for a
FineTuneJob (or, for cloud backends, the requests it would send), using the same pure
functions as the operator. An invalid job exits non-zero with a readable message.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import yaml

from finetune_contract.constants import EXIT_INVALID_CONFIG, RESUME_AUTO
from finetune_operator import yamlio
from finetune_operator.admission import parse_job
from finetune_operator.api.recipe import BackendName, Recipe
from finetune_operator.attempts import build_attempt_request
from finetune_operator.backends.registry import backend_class, check_backend_settings
from finetune_operator.code import config_maps_of_namespace
from finetune_operator.config import OperatorConfig
from finetune_operator.errors import SpecError
from finetune_operator.plugin.operator_config import FoundConfig, OperatorConfigs, unwatched_message
from finetune_operator.recipes import BUILTIN_RECIPES_DIR, load_recipe_file, load_recipes_dir

PLACEHOLDER_UID = "00000000-0000-0000-0000-000000000000"
ANY = "**"
"""An allowlist pattern that admits everything ('**' crosses '/')."""
ANY_BUCKET = "s3://"
"""The allowed S3 prefix that admits every bucket (sagemaker.allowed_s3_prefixes)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="finetune-operator", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the operator against the current kubeconfig")
    run.add_argument("--config", type=Path, help="operator config YAML (OperatorConfig)")
    run.add_argument(
        "--namespace", action="append", default=[], help="watch only this namespace (repeatable)"
    )
    run.add_argument(
        "--log-level",
        choices=["debug", "info", "warning", "error"],
        default="info",
        help="what the operator logs (default info; the chart's logLevel)",
    )
    run.add_argument("--verbose", action="store_true", help="the same as --log-level debug")

    check = sub.add_parser(
        "check-config",
        help="validate an operator config file as `run` would, then exit (the chart's upgrade hook)",
    )
    source = check.add_mutually_exclusive_group(required=True)
    source.add_argument("--config", type=Path, help="operator config YAML (OperatorConfig)")
    source.add_argument(
        "--config-env", metavar="NAME", help="read the config YAML from environment variable NAME"
    )

    add_render_arguments(sub.add_parser("render", help=RENDER_HELP))
    return parser


RENDER_HELP = "print the objects the operator would create for a job"


def add_render_arguments(render: argparse.ArgumentParser) -> None:
    """``render``'s flags; ``kubectl finetune render`` has the same."""
    render.add_argument(
        "-f",
        "--filename",
        type=Path,
        required=True,
        help="YAML with one FineTuneJob and the ConfigMaps its reward and tool modules come from",
    )
    render.add_argument(
        "--recipe-file", type=Path, action="append", default=[], help="recipe YAML to use (repeatable)"
    )
    render.add_argument("--recipes-dir", type=Path, help="directory of recipe YAML files")
    render.add_argument("--config", type=Path, help="operator config YAML (OperatorConfig)")
    render.add_argument(
        "--attempt",
        type=int,
        default=1,
        help="attempt number to render (default 1; every attempt resumes from the job's newest checkpoint)",
    )


def _recipes_for_render(files: list[Path], directory: Path | None) -> list[Recipe]:
    recipes: list[Recipe] = []
    for path in files:
        recipes.extend(load_recipe_file(path))
    if directory is not None:
        recipes.extend(load_recipes_dir(directory))
    if not files and directory is None:
        recipes.extend(load_recipes_dir(BUILTIN_RECIPES_DIR))
    return recipes


def render_config(path: Path | None) -> OperatorConfig:
    """The operator config a dry run renders with.

    Without ``--config`` the administrator's SageMaker role allowlist, allowed S3 prefixes, image
    allowlist and publish allowlist are unknown, so the dry run accepts the role, S3 locations,
    image and publish target the spec names (still checked against their patterns) and says so on
    stderr; the running operator enforces its real allowlists.
    """
    if path is not None:
        config = OperatorConfig.from_file(path)
        check_backend_settings(config)
        return config
    return OperatorConfig.model_validate(
        {
            "image_allowlist": {"*": [ANY]},
            "publish": {"allowlist": {"*": ["oci://**", "s3://**"]}},
            BackendName.SAGEMAKER.value: {
                "role_allowlist": [ANY],
                "allowed_s3_prefixes": {"*": [ANY_BUCKET]},
            },
        }
    )


def render(args: argparse.Namespace) -> int:
    config = render_config(args.config)
    documents = yamlio.load_file(args.filename)
    jobs = [d for d in documents if not (isinstance(d, dict) and d.get("kind") == "ConfigMap")]
    if len(jobs) != 1 or not isinstance(jobs[0], dict):
        raise SpecError(f"{args.filename}: expected exactly one FineTuneJob document (and any ConfigMaps)")
    document = jobs[0]
    metadata = document.setdefault("metadata", {})
    metadata.setdefault("namespace", "default")
    metadata.setdefault("uid", PLACEHOLDER_UID)
    job = parse_job(document, str(args.filename))
    # render reads nothing from a cluster: the file's ConfigMaps, by the operator's rule
    config_maps = config_maps_of_namespace(documents, job.metadata.namespace or "")
    recipes = _recipes_for_render(args.recipe_file, args.recipes_dir)
    if args.recipe_file and not job.spec.recipe.name and len(recipes) == 1:
        # Like the seeds' --recipe-yaml: one explicit recipe file is the recipe to use.
        job.spec.recipe.name = recipes[0].metadata.name
        job.spec.recipe.kind = recipes[0].kind
    if args.attempt < 1:
        raise SpecError("--attempt must be 1 or more")
    resume_from = None if args.attempt == 1 else RESUME_AUTO
    request, _ = build_attempt_request(
        job, recipes, config, args.attempt, resume_from, job.spec.max_runtime_seconds, config_maps
    )
    backend = backend_class(job.spec.backend)(config)
    sys.stdout.write(yamlio.dump_documents(backend.render(request)))
    unwatched = unwatched_message(
        OperatorConfigs([FoundConfig(str(args.config), config)]) if args.config else OperatorConfigs(),
        job.metadata.namespace or "",
    )
    if unwatched:
        print(f"warning: {unwatched}", file=sys.stderr)
    if args.config is None and (job.spec.backend == BackendName.SAGEMAKER or job.spec.image):
        print(
            "note: no --config given, so the operator's SageMaker role allowlist, allowed S3 prefixes "
            "and image allowlist were not checked",
            file=sys.stderr,
        )
    return 0


def run_render(args: argparse.Namespace) -> int:
    """``render`` with its errors as a message on stderr and exit code 2."""
    try:
        return render(args)
    except SpecError as err:
        print(f"error: {err.reason}: {err}", file=sys.stderr)
        return EXIT_INVALID_CONFIG
    except (OSError, ValueError, yaml.YAMLError) as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_INVALID_CONFIG


def check_config(path: Path | None, env_name: str | None) -> int:
    """Validate the config at ``path`` (or in environment variable ``env_name``) as ``run`` does
    at start-up, backend sections included; exit code 2 and the reasons on stderr when the
    operator would refuse it."""
    source = str(path) if path is not None else f"${env_name}"
    try:
        if path is not None:
            config = OperatorConfig.from_file(path)
        else:
            config = OperatorConfig.model_validate(yaml.safe_load(os.environ[env_name or ""]) or {})
        check_backend_settings(config)
    except KeyError:
        print(f"error: environment variable {env_name} is not set", file=sys.stderr)
        return EXIT_INVALID_CONFIG
    except (SpecError, OSError, ValueError, yaml.YAMLError) as err:
        print(f"error: {source}: the operator refuses this config: {err}", file=sys.stderr)
        return EXIT_INVALID_CONFIG
    print(f"{source}: the operator accepts this config")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "render":
        return run_render(args)
    if args.command == "check-config":
        return check_config(args.config, args.config_env)
    from finetune_operator.operator import run_operator

    config = OperatorConfig.from_file(args.config) if args.config else OperatorConfig()
    if args.namespace:
        config = config.model_copy(update={"namespaces": args.namespace})
    return run_operator(config, log_level="debug" if args.verbose else args.log_level)


if __name__ == "__main__":
    sys.exit(main())
