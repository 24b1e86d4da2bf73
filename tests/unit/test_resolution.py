"""Recipe selection, typed overrides and resolution, including every error path."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from finetune_contract.constants import run_progress_file
from finetune_operator import yamlio
from finetune_operator.admission import parse_job
from finetune_operator.api.job import FineTuneJob
from finetune_operator.api.recipe import BackendName, RecipeKind
from finetune_operator.attempts import build_attempt_request
from finetune_operator.config import OperatorConfig
from finetune_operator.errors import InvalidSpecError, RecipeInvalidError, RecipeNotFoundError
from finetune_operator.instances import AcceleratorFamily, accelerator_family
from finetune_operator.recipes import (
    BUILTIN_RECIPES_DIR,
    ParsedRecipes,
    load_recipe_file,
    load_recipes_dir,
    newest_per_name,
    parse_recipe,
    select_recipe,
)
from finetune_operator.resolution import NEURON_LORA_TARGETS, resolve
from finetune_operator.storage import within

RECIPES = load_recipes_dir(BUILTIN_RECIPES_DIR)
HYPERPOD_RECIPES = [r for r in RECIPES if BackendName.HYPERPOD in r.spec.backends]


def job(spec: str, name: str = "j", namespace: str = "team-a") -> FineTuneJob:
    text = f"kind: FineTuneJob\nmetadata: {{name: {name}, namespace: {namespace}, uid: u-1}}\nspec:\n{spec}"
    return parse_job(yamlio.load_documents(text)[0])


BASE = "  model: {name: llama-3.1-8b}\n  method: lora\n  data: {train: {path: /fsx/d.jsonl}}\n"


def resolved(spec: str):
    j = job(spec)
    return resolve(j, select_recipe(j, RECIPES), OperatorConfig(), 1)


def test_two_runs_of_one_job_name_write_disjoint_outputs_and_tensorboard_logs() -> None:
    """Issue 23, item 4: a job deleted and created again under its name (a new uid) never writes
    into the earlier run's output or TensorBoard directory, whether they are the defaults or set
    in spec.storage; the checkpoint directory is the name's (its manifests carry the uid), and the
    runs' progress files below it are their own."""
    for storage in (
        "",
        "  storage: {outputDir: /fsx/finetune/team-a/j/out, tensorboardDir: /fsx/finetune/team-a/j/tb}\n",
    ):
        text = BASE + storage
        runs = []
        for uid in ("uid-first", "uid-second"):
            document = yamlio.load_documents(
                f"kind: FineTuneJob\nmetadata: {{name: j, namespace: team-a, uid: {uid}}}\nspec:\n{text}"
            )[0]
            j = parse_job(document)
            runs.append(resolve(j, select_recipe(j, RECIPES), OperatorConfig(), 1).config)
        first, second = runs
        for a, b in [
            (first.output.dir, second.output.dir),
            (first.logging.tensorboard_dir, second.logging.tensorboard_dir),
        ]:
            assert a != b and not within(a, b) and not within(b, a), (a, b)
        assert first.output.dir.endswith("/uid-first") and second.output.dir.endswith("/uid-second")
        assert first.checkpointing.dir == second.checkpointing.dir
        progress = {run_progress_file(run.job.uid) for run in runs}
        assert progress == {"runs/uid-first/progress.jsonl", "runs/uid-second/progress.jsonl"}


def test_the_attempts_of_one_job_share_its_run_directories() -> None:
    j = job(BASE)
    first, third = (resolve(j, select_recipe(j, RECIPES), OperatorConfig(), n).config for n in (1, 3))
    assert (first.output.dir, first.logging.tensorboard_dir) == (
        third.output.dir,
        third.logging.tensorboard_dir,
    )


def test_builtin_recipes_cover_every_model_and_method() -> None:
    pairs = {(r.spec.model, r.spec.method.value) for r in RECIPES}
    open_models = ["llama-3.2-1b", "llama-3.2-3b", "llama-3.1-8b", "llama-3.1-70b", "mistral-7b"]
    open_models.append("qwen2.5-7b")
    nova = ["nova-micro", "nova-lite", "nova-pro"]
    demo = {("tiny-llama", "lora"), ("tiny-llama", "grpo-lora")}
    grpo = {(m, "grpo-lora") for m in open_models}
    sft_and_dpo = {(m, k) for m in open_models + nova for k in ["sft", "lora", "dpo", "dpo-lora"]}
    assert pairs == sft_and_dpo | demo | grpo
    assert {r.spec.model for r in HYPERPOD_RECIPES} == {*open_models, "tiny-llama"}
    families = {(r.spec.model, r.spec.method.value, r.spec.family.value) for r in HYPERPOD_RECIPES}
    methods = ["sft", "lora", "dpo", "dpo-lora"]
    # optimum-neuron 0.4.5 trains Llama, Granite and Qwen3 only: Mistral and Qwen2.5 have no
    # Trainium recipe (trainer-images/trainer/tests/test_trainer_neuron_xla.py runs both and sees exit 2).
    trainium_models = [m for m in open_models if m.startswith("llama-")]
    assert families == {(m, k, "cuda") for m in open_models for k in methods} | {
        (m, k, "neuron") for m in trainium_models for k in methods
    } | {
        ("tiny-llama", "lora", "cpu"),
        ("tiny-llama", "grpo-lora", "cpu"),
    } | {(m, "grpo-lora", "cuda") for m in open_models}  # GRPO: no library claims it on Trainium
    for recipe in RECIPES:  # the family each states is that of the instance type it was tested on
        assert recipe.spec.accelerator_family == accelerator_family(recipe.spec.resources.instance_type)


@pytest.mark.parametrize(
    ("resources", "default_family", "chosen"),
    [
        ("", AcceleratorFamily.NEURON, "llama-3.1-8b-lora"),
        ("", AcceleratorFamily.CUDA, "llama-3.1-8b-gpu-lora"),
        ("  resources: {instanceType: ml.p5.48xlarge}\n", AcceleratorFamily.NEURON, "llama-3.1-8b-gpu-lora"),
        ("  resources: {instanceType: ml.trn1n.32xlarge}\n", AcceleratorFamily.CUDA, "llama-3.1-8b-lora"),
    ],
)
def test_selection_follows_the_family_of_the_instance_type_else_the_platforms_default(
    resources: str, default_family: AcceleratorFamily, chosen: str
) -> None:
    assert select_recipe(job(BASE + resources), RECIPES, default_family).metadata.name == chosen


def test_no_recipe_of_the_instance_types_family_names_those_of_other_families() -> None:
    with pytest.raises(
        RecipeNotFoundError,
        match=r"no recipe for model 'llama-3\.1-8b' and method 'lora' targets accelerator family cpu "
        r"\(spec\.resources\.instanceType ml\.c5\.xlarge\); recipes for other families: "
        r"llama-3\.1-8b-gpu-lora \(cuda\), llama-3\.1-8b-lora \(neuron\)",
    ):
        select_recipe(job(BASE + "  resources: {instanceType: ml.c5.xlarge}\n"), RECIPES)


def test_processes_per_node_default_to_the_instances_accelerators() -> None:
    def processes(model: str, instance_type: str) -> int:
        spec = BASE.replace("llama-3.1-8b", model) + f"  resources: {{instanceType: {instance_type}}}\n"
        return resolved(spec).resources.processes_per_node

    assert processes("llama-3.1-8b", "ml.trn1.32xlarge") == 32  # NeuronCores
    assert processes("llama-3.1-8b", "ml.p5.48xlarge") == 8  # GPUs
    assert processes("llama-3.1-8b", "ml.g6e.xlarge") == 1
    assert processes("tiny-llama", "ml.m5.24xlarge") == 1  # CPU: one process, torch uses the cores


@pytest.mark.parametrize("recipe", HYPERPOD_RECIPES, ids=lambda r: r.metadata.name)
def test_every_builtin_recipe_resolves_and_its_tp_fits(recipe) -> None:
    data = "/fsx/p.jsonl" if recipe.spec.method.uses_preferences else "/fsx/d.jsonl"
    reward = "  rewards: [{name: short, builtin: length-penalty}]\n"
    rewards = reward if recipe.spec.method.uses_rewards else ""
    j = job(
        f"  model: {{name: {recipe.spec.model}}}\n  method: {recipe.spec.method.value}\n"
        f"  data: {{train: {{path: {data}}}}}\n  recipe: {{name: {recipe.metadata.name}}}\n{rewards}"
    )
    result = resolve(j, select_recipe(j, RECIPES), OperatorConfig(), 1)
    assert result.recipe.name == recipe.metadata.name
    assert result.resources.accelerator_family == recipe.spec.family
    world = result.resources.nodes * result.resources.processes_per_node
    assert world % result.config.parallelism.tensor_parallel == 0


def test_defaults_and_paths() -> None:
    result = resolved(BASE)
    config = result.config
    assert config.model.path == "/fsx/models/llama-3.1-8b"
    assert config.checkpointing.dir == "/fsx/finetune/team-a/j/checkpoints"
    assert config.output.dir == "/fsx/finetune/team-a/j/output/u-1"
    assert config.logging.tensorboard_dir == "/fsx/finetune/team-a/j/tensorboard/u-1"
    assert config.data.format.value == "messages"
    assert config.lora is not None and config.dpo is None
    assert result.recipe.hash.startswith("sha256:") and config.recipe.hash == result.recipe.hash
    assert (result.resources.nodes, result.resources.processes_per_node) == (1, 32)
    assert (result.resources.neuron_devices, result.resources.efa_devices) == (16, 8)


def test_overrides_are_typed_and_applied() -> None:
    config = resolved(
        BASE + "  recipe:\n    overrides: {optimizer.learningRate: 1e-4, lora.rank: 32,"
        " training.packing: false, optimizer.scheduler: linear, optimizer.warmupSteps: 5,"
        " lora.targetModules: [q_proj, k_proj]}\n"
    ).config
    assert config.optimizer.learning_rate == 1e-4
    assert (
        config.lora is not None
        and config.lora.rank == 32
        and config.lora.target_modules == ["q_proj", "k_proj"]
    )
    assert config.training.packing is False
    assert config.optimizer.scheduler.value == "linear"


def test_int_widens_to_float() -> None:
    assert (
        resolved(BASE + "  recipe: {overrides: {optimizer.maxGradNorm: 2}}\n").config.optimizer.max_grad_norm
        == 2.0
    )


def test_overrides_change_the_hash() -> None:
    assert (
        resolved(BASE).recipe.hash != resolved(BASE + "  recipe: {overrides: {lora.rank: 8}}\n").recipe.hash
    )


def test_job_fields_override_recipe_and_overrides_win() -> None:
    config = resolved(BASE + "  checkpointing: {everySteps: 10}\n").config
    assert config.checkpointing.every_steps == 10
    config = resolved(
        BASE + "  checkpointing: {everySteps: 10}\n  recipe: {overrides: {checkpointing.everySteps: 7}}\n"
    ).config
    assert config.checkpointing.every_steps == 7


def test_unknown_path_suggests_the_nearest() -> None:
    with pytest.raises(
        InvalidSpecError,
        match=r"unknown path `optimizer.learning_rate`; did you mean `optimizer.learningRate`",
    ):
        resolved(BASE + "  recipe: {overrides: {optimizer.learning_rate: 0.001}}\n")


def test_unknown_section_lists_sections() -> None:
    with pytest.raises(
        InvalidSpecError, match=r"unknown path `lora_config.rank`.*overridable sections: checkpointing"
    ):
        resolved(BASE + "  recipe: {overrides: {lora_config.rank: 16}}\n")


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ("lora.rank: '16'", r"lora.rank'\]: expected integer, got \"16\" \(string\)"),
        ("lora.rank: 1.5", r"expected integer, got 1.5 \(number\)"),
        ("training.packing: 1", r"expected boolean, got 1 \(integer\)"),
        ("optimizer.learningRate: true", r"expected number, got true \(boolean\)"),
        ("optimizer.scheduler: 3", r"expected string, got 3 \(integer\)"),
    ],
)
def test_type_mismatch_is_an_error(override: str, message: str) -> None:
    with pytest.raises(InvalidSpecError, match=message):
        resolved(BASE + f"  recipe: {{overrides: {{{override}}}}}\n")


def test_value_constraints_are_checked() -> None:
    with pytest.raises(InvalidSpecError, match=r"optimizer.learningRate: Input should be greater than 0"):
        resolved(BASE + "  recipe: {overrides: {optimizer.learningRate: -1.0}}\n")
    with pytest.raises(
        InvalidSpecError, match=r"optimizer.scheduler: Input should be 'cosine', 'linear' or 'constant'"
    ):
        resolved(BASE + "  recipe: {overrides: {optimizer.scheduler: exponential}}\n")


def test_method_specific_section_on_wrong_method() -> None:
    spec = "  model: {name: llama-3.1-8b}\n  method: sft\n  data: {train: {path: /fsx/d.jsonl}}\n"
    message = r"lora.\* applies only to methods lora, dpo-lora, grpo-lora, not 'sft'"
    with pytest.raises(InvalidSpecError, match=message):
        resolved(spec + "  recipe: {overrides: {lora.rank: 8}}\n")


def test_unknown_model_suggests_a_catalog_name() -> None:
    with pytest.raises(
        RecipeNotFoundError, match=r"no recipe for model 'llama-3.1-8B'.*did you mean llama-3.1-8b"
    ):
        resolved("  model: {name: llama-3.1-8B}\n  method: lora\n  data: {train: {path: /fsx/d.jsonl}}\n")


def test_named_recipe_not_found() -> None:
    with pytest.raises(
        RecipeNotFoundError,
        match=r"no FineTuneRecipe or ClusterFineTuneRecipe named 'llama-3.1-8b-loar'; "
        r"did you mean llama-3.1-8b-lora",
    ):
        resolved(BASE + "  recipe: {name: llama-3.1-8b-loar}\n")


def test_uri_only_model_needs_a_recipe_name() -> None:
    with pytest.raises(RecipeNotFoundError, match=r"set spec.recipe.name or spec.model.name"):
        resolved("  model: {uri: s3://mdl/x}\n  method: lora\n  data: {train: {path: /fsx/d.jsonl}}\n")


def test_named_recipe_for_another_method() -> None:
    with pytest.raises(InvalidSpecError, match="is for method 'sft', but the job's method is 'lora'"):
        resolved(BASE + "  recipe: {name: llama-3.1-8b-sft}\n")


def test_named_recipe_of_another_model_is_refused_like_another_method() -> None:
    with pytest.raises(
        InvalidSpecError,
        match=r"recipe 'llama-3\.2-1b-lora' is for model 'llama-3\.2-1b', "
        r"but the job's model is 'llama-3\.1-8b'",
    ):
        resolved(BASE + "  recipe: {name: llama-3.2-1b-lora}\n")
    # A job that gives only the weights' location names the recipe for their architecture.
    uri_only = job(
        "  model: {uri: s3://mdl/x}\n  method: lora\n  data: {train: {path: /fsx/d.jsonl}}\n"
        "  recipe: {name: llama-3.2-1b-lora}\n"
    )
    assert select_recipe(uri_only, RECIPES).metadata.name == "llama-3.2-1b-lora"


TEAM_RECIPE = {
    "apiVersion": "finetune.dev/v1alpha1",
    "kind": "FineTuneRecipe",
    # The API server admits it (each field has its CRD type); the recipe model refuses it.
    "metadata": {"name": "team-lora", "namespace": "team-a", "resourceVersion": "7"},
    "spec": {
        "model": "llama-3.1-8b",
        "method": "lora",
        "acceleratorFamily": "cuda",
        "resources": {"instanceType": "ml.trn1.32xlarge"},
    },
}
FAMILY_ERROR = (
    "acceleratorFamily is cuda, but resources.instanceType ml.trn1.32xlarge is a neuron instance type"
)


def test_an_existing_but_invalid_recipe_is_reported_with_its_validation_error() -> None:
    """Not "no FineTuneRecipe named ...": the recipe exists, and the job says what is wrong with it."""
    parsed = ParsedRecipes()
    recipes = parsed.of([(RecipeKind.FINE_TUNE_RECIPE, TEAM_RECIPE)]) + RECIPES
    assert [(r.kind, r.namespace, r.name) for r in parsed.invalid] == [
        (RecipeKind.FINE_TUNE_RECIPE, "team-a", "team-lora")
    ]
    named = job(BASE + "  recipe: {name: team-lora}\n")
    with pytest.raises(RecipeInvalidError) as raised:
        select_recipe(named, recipes, invalid=parsed.invalid)
    assert str(raised.value).startswith(
        f"FineTuneRecipe team-a/team-lora exists but is invalid: spec: Value error, {FAMILY_ERROR}"
    )
    assert raised.value.reason == "RecipeInvalid"
    # Chosen by model and method: the team's broken recipe is not silently replaced by the platform's.
    with pytest.raises(RecipeInvalidError, match="team-a/team-lora exists but is invalid"):
        select_recipe(job(BASE), recipes, invalid=parsed.invalid)
    # Another namespace never sees it.
    other = job(BASE, namespace="team-b")
    assert select_recipe(other, recipes, invalid=parsed.invalid).metadata.name == "llama-3.1-8b-lora"
    with pytest.raises(
        RecipeNotFoundError, match="no FineTuneRecipe or ClusterFineTuneRecipe named 'team-lora'"
    ):
        select_recipe(
            job(BASE + "  recipe: {name: team-lora}\n", namespace="team-b"), recipes, invalid=parsed.invalid
        )
    # Fixed, it is used; the invalid list follows the latest recipes.
    fixed = {**TEAM_RECIPE, "metadata": {**TEAM_RECIPE["metadata"], "resourceVersion": "8"}}
    fixed["spec"] = {**TEAM_RECIPE["spec"], "acceleratorFamily": "neuron"}
    recipes = parsed.of([(RecipeKind.FINE_TUNE_RECIPE, fixed)]) + RECIPES
    assert parsed.invalid == []
    assert select_recipe(named, recipes, invalid=parsed.invalid).metadata.name == "team-lora"


def test_namespaced_recipe_shadows_cluster_recipe(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "apiVersion: finetune.dev/v1alpha1\nkind: FineTuneRecipe\n"
        "metadata: {name: team-lora, namespace: team-a}\n"
        "spec: {model: llama-3.1-8b, method: lora, config: {lora: {rank: 4}}}\n"
    )
    j = job(BASE)
    chosen = select_recipe(j, [*RECIPES, *load_recipe_file(path)])
    assert chosen.metadata.name == "team-lora"
    other_namespace = job(BASE, namespace="team-b")
    assert (
        select_recipe(other_namespace, [*RECIPES, *load_recipe_file(path)]).metadata.name
        == "llama-3.1-8b-lora"
    )


def test_a_recipe_made_for_one_job_serves_that_job_only(tmp_path: Path) -> None:
    """Issue 20, item 4: `kubectl finetune submit --recipe-yaml` made a namespaced recipe that every
    later job of the same model and method in the namespace selected. Labelled for its job, it is
    never selected automatically, and another job may not name it."""
    path = tmp_path / "r.yaml"
    path.write_text(
        "apiVersion: finetune.dev/v1alpha1\nkind: FineTuneRecipe\n"
        "metadata: {name: mine, namespace: team-a, labels: {finetune.dev/for-job: mine}}\n"
        "spec: {model: llama-3.1-8b, method: lora, config: {lora: {rank: 4}}}\n"
    )
    recipes = [*RECIPES, *load_recipe_file(path)]
    assert select_recipe(job(BASE, name="someone-else"), recipes).metadata.name == "llama-3.1-8b-lora"
    named = BASE + "  recipe: {name: mine, kind: FineTuneRecipe}\n"
    assert select_recipe(job(named, name="mine"), recipes).metadata.name == "mine"
    with pytest.raises(InvalidSpecError, match=r"FineTuneRecipe 'mine' was made for job 'mine' only"):
        select_recipe(job(named, name="someone-else"), recipes)


def test_ambiguous_auto_selection(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "kind: ClusterFineTuneRecipe\nmetadata: {name: another-8b-lora}\n"
        "spec: {model: llama-3.1-8b, method: lora}\n"
    )
    with pytest.raises(
        RecipeNotFoundError, match=r"several ClusterFineTuneRecipes match.*set spec.recipe.name"
    ):
        select_recipe(job(BASE), [*RECIPES, *load_recipe_file(path)])


def test_invalid_recipe_file_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "kind: ClusterFineTuneRecipe\nmetadata: {name: x}\n"
        "spec: {model: m, method: lora, config: {lora: {rnk: 4}}}\n"
    )
    with pytest.raises(
        InvalidSpecError, match=r"bad.yaml: invalid recipe: spec.config.lora.rnk: Extra inputs"
    ):
        load_recipe_file(path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{format: preference, train: {path: /fsx/d.jsonl}}", "preference data needs method dpo or dpo-lora"),
        (
            "{train: {path: data/train.jsonl}}",
            r"spec.data.train.path: String should match pattern",
        ),
    ],
)
def test_data_errors(data: str, message: str) -> None:
    with pytest.raises(InvalidSpecError, match=message):
        resolved(f"  model: {{name: llama-3.1-8b}}\n  method: lora\n  data: {data}\n")


def test_dpo_needs_preference_data() -> None:
    with pytest.raises(InvalidSpecError, match="method 'dpo' trains on preference data"):
        resolved(
            "  model: {name: llama-3.1-8b}\n  method: dpo\n"
            "  data: {format: messages, train: {path: /fsx/d}}\n"
        )


@pytest.mark.parametrize("data_format", ["preference", "bedrock-conversation"])
def test_dpo_reads_both_preference_formats(data_format: str) -> None:
    """The trainer parses preference triples and Bedrock records with candidates (Nova DPO)."""
    config = resolved(
        "  model: {name: llama-3.1-8b}\n  method: dpo\n"
        f"  data: {{format: {data_format}, train: {{path: /fsx/d}}}}\n"
    ).config
    assert config.data.format.value == data_format


def test_mixture_weights_are_kept() -> None:
    config = resolved(
        "  model: {name: llama-3.1-8b}\n  method: lora\n"
        "  data: {mixture: [{path: /fsx/a, weight: 3}, {path: s3://bkt/c, weight: 0.5}]}\n"
    ).config
    assert [(s.path, s.weight) for s in config.data.train] == [("/fsx/a", 3.0), ("s3://bkt/c", 0.5)]


@pytest.mark.parametrize(
    ("override", "read"),
    [
        ("optimizer.maxGradNorm", lambda c: c.optimizer.max_grad_norm),  # 0 disables clipping
        ("lora.dropout", lambda c: c.lora.dropout),  # 0: no adapter dropout
    ],
)
def test_zero_is_rendered_as_zero_not_replaced_by_the_recipe_default(override: str, read) -> None:
    """A 0 that disables something must reach the trainer; `or`-style defaulting would drop it."""
    assert read(resolved(BASE).config) > 0  # the recipe's default is not 0
    config = resolved(BASE + f"  recipe: {{overrides: {{{override}: 0}}}}\n").config
    assert read(config) == 0


def test_validation_split_zero_holds_nothing_out() -> None:
    config = resolved(BASE.replace("data: {train", "data: {validationSplit: 0, train")).config
    assert config.data.validation_split == 0.0 and config.data.validation is None


def test_zero_neuron_and_efa_devices_request_none_even_on_a_trainium_type() -> None:
    result = resolved(
        BASE + "  resources: {instanceType: ml.trn1.32xlarge, neuronDevices: 0, efaDevices: 0}\n"
    )
    assert (result.resources.neuron_devices, result.resources.neuron_cores) == (0, 0)
    assert result.resources.efa_devices == 0
    assert result.resources.processes_per_node == 1


def test_a_recipe_family_must_be_that_of_its_own_instance_type(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "apiVersion: finetune.dev/v1alpha1\nkind: ClusterFineTuneRecipe\nmetadata: {name: r}\n"
        "spec: {model: m, method: lora, acceleratorFamily: cuda, resources: {instanceType: ml.m5.large}}\n"
    )
    with pytest.raises(
        InvalidSpecError,
        match=r"acceleratorFamily is cuda, but resources\.instanceType ml\.m5\.large is a cpu",
    ):
        load_recipe_file(path)


def test_a_recipe_without_a_family_targets_that_of_its_instance_type(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "apiVersion: finetune.dev/v1alpha1\nkind: ClusterFineTuneRecipe\nmetadata: {name: r}\n"
        "spec: {model: m, method: lora, resources: {instanceType: ml.c5.xlarge}}\n"
    )
    (recipe,) = load_recipe_file(path)
    assert recipe.spec.family.value == "cpu"


def test_the_hyperpod_cluster_guide_says_what_selection_and_resolution_do() -> None:
    """docs/hyperpod-clusters.md: its job on each instance type of its table gets the recipe and
    the processes per node the table names (the CPU row with the guide's own CPU recipe)."""
    guide = (Path(__file__).resolve().parents[2] / "docs" / "hyperpod-clusters.md").read_text()
    blocks = [yamlio.load_documents(b)[0] for b in re.findall(r"```yaml\n(.*?)```", guide, re.S)]
    job_document = next(b for b in blocks if b["kind"] == "FineTuneJob")
    cpu_recipe = parse_recipe(next(b for b in blocks if b["kind"] == "ClusterFineTuneRecipe"), "the guide")
    rows = re.findall(r"^\| `(ml\.[^`]+)` \| (?:`([^`]+)`|[^|]+) \|[^|]+\| (\d+) \|$", guide, re.M)
    assert len(rows) == 4
    for instance_type, recipe_name, processes in rows:
        document = {
            **job_document,
            "spec": {**job_document["spec"], "resources": {"instanceType": instance_type}},
        }
        j = parse_job(document)
        recipe = select_recipe(j, [*RECIPES, cpu_recipe])
        assert recipe.metadata.name == (recipe_name or cpu_recipe.metadata.name)
        assert resolve(j, recipe, OperatorConfig(), 1).resources.processes_per_node == int(processes)


def test_a_recipe_recreated_while_the_watch_was_away_is_selected_once_in_its_newest_version() -> None:
    """kopf's index keeps a deleted recipe's body after a re-list (keyed by uid): the stale copy
    must neither make selection ambiguous nor win over its successor."""
    text = (BUILTIN_RECIPES_DIR / "tiny-llama-cpu-lora.yaml").read_text()
    body = yamlio.load_documents(text)[0]
    old = {
        **body,
        "metadata": {
            **body["metadata"],
            "uid": "u-old",
            "resourceVersion": "900",
            "creationTimestamp": "2026-11-29T05:14:20Z",
        },
    }
    new = {
        **body,
        "metadata": {
            **body["metadata"],
            "uid": "u-new",
            "resourceVersion": "1200",
            "creationTimestamp": "2026-11-29T05:15:35Z",
        },
    }
    new["spec"] = {**body["spec"], "description": "the successor"}
    other = yamlio.load_documents((BUILTIN_RECIPES_DIR / "tiny-llama-cpu-grpo-lora.yaml").read_text())[0]
    kind = RecipeKind.CLUSTER_FINE_TUNE_RECIPE
    kept = newest_per_name([(kind, old), (kind, other), (kind, new)])
    assert kept == [(kind, new), (kind, other)]
    recipes = ParsedRecipes().of([(kind, new), (kind, old)])
    assert [r.spec.description for r in recipes] == ["the successor"]
    selected = select_recipe(
        job("  model: {name: tiny-llama}\n  method: lora\n  data: {train: {path: /fsx/d.jsonl}}\n"), recipes
    )
    assert selected.spec.description == "the successor"


@pytest.mark.parametrize(
    ("instance_type", "targets", "refused"),
    [
        ("ml.trn1.32xlarge", ["q_proj", "k_proj", "v_proj"], None),
        ("ml.trn1.32xlarge", ["o_proj", "gate_proj", "up_proj", "down_proj"], None),
        ("ml.trn1.32xlarge", list(NEURON_LORA_TARGETS), None),
        (
            "ml.trn1.32xlarge",
            ["q_proj", "lm_head", "embed_tokens"],
            "lm_head, embed_tokens cannot get a LoRA",
        ),
        ("ml.trn1.32xlarge", ["q_proj", "v_proj"], "on ml.trn1.32xlarge .* all of them or none: add k_proj,"),
        (
            "ml.trn1.32xlarge",
            ["down_proj", "up_proj"],
            "on .* fuses gate_proj, up_proj .* add gate_proj, or remove up_proj",
        ),
        ("ml.p5.48xlarge", ["q_proj", "v_proj", "lm_head"], None),  # plain PEFT on GPU adapts any module
    ],
)
def test_trainium_lora_targets_are_the_decoders_linear_layers(
    instance_type: str, targets: list[str], refused: str | None
) -> None:
    """The rule the operator and `render` share (attempt_request): what passes trains and
    consolidates on the Neuron path (test_trainer_neuron_xla.py); the rest is named."""
    spec = (
        BASE
        + f"  resources: {{instanceType: {instance_type}}}\n"
        + f"  recipe: {{overrides: {{lora.targetModules: {targets}}}}}\n"
    )
    request = lambda: build_attempt_request(job(spec), RECIPES, OperatorConfig(), 1, None, None)  # noqa: E731
    if refused is None:
        config = request()[0].config
        assert config.lora is not None and list(config.lora.target_modules) == targets
    else:
        with pytest.raises(InvalidSpecError, match=rf"lora.targetModules: {refused}"):
            request()
