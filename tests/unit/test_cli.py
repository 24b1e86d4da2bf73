"""``finetune-operator render``: the dry run prints YAML or fails with a readable message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from finetune_operator import yamlio
from finetune_operator.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "llama-3.1-8b-lora.yaml"


def write(tmp_path: Path, text: str, name: str = "job.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def trainer_config(pytorchjob: dict) -> dict:
    """The config the trainer reads: the Master template's annotation, projected as a file."""
    annotations = pytorchjob["spec"]["pytorchReplicaSpecs"]["Master"]["template"]["metadata"]["annotations"]
    return dict(yamlio.load_documents(annotations["finetune.dev/trainer-config"])[0])


def test_render_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "-f", str(EXAMPLE)]) == 0
    objects = yamlio.load_documents(capsys.readouterr().out)
    assert [o["kind"] for o in objects] == ["ServiceAccount", "RoleBinding", "PyTorchJob"]
    config = trainer_config(objects[2])
    assert config["optimizer"]["learningRate"] == 1e-4  # written `1e-4` in YAML, read as kubectl would
    assert config["lora"]["rank"] == 32


def test_recipe_file_is_used_like_recipe_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    recipe = write(
        tmp_path,
        "apiVersion: finetune.dev/v1alpha1\nkind: ClusterFineTuneRecipe\nmetadata: {name: my-recipe}\n"
        "spec: {model: llama-3.1-8b, method: lora, resources: {nodes: 2}, config: {lora: {rank: 4}}}\n",
        "recipe.yaml",
    )
    assert main(["render", "-f", str(EXAMPLE), "--recipe-file", str(recipe)]) == 0
    objects = yamlio.load_documents(capsys.readouterr().out)
    config = trainer_config(objects[2])
    assert config["recipe"]["name"] == "my-recipe"
    assert objects[2]["spec"]["pytorchReplicaSpecs"]["Worker"]["replicas"] == 1


def test_recipes_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "recipes").mkdir()
    write(
        tmp_path / "recipes",
        "kind: ClusterFineTuneRecipe\nmetadata: {name: team-8b-lora}\n"
        "spec: {model: llama-3.1-8b, method: lora}\n",
        "a.yaml",
    )
    assert main(["render", "-f", str(EXAMPLE), "--recipes-dir", str(tmp_path / "recipes")]) == 0
    assert "name: team-8b-lora" in capsys.readouterr().out


def test_a_later_attempt_is_named_for_it_and_resumes_from_the_newest_checkpoint(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["render", "-f", str(EXAMPLE), "--attempt", "2"]) == 0
    out = capsys.readouterr().out
    assert "name: llama-lora-a2" in out and "- --resume-from\n" in out and "- auto\n" in out


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (
            "model: {name: llama-3.1-8b}\n  method: rlhf\n  data: {train: {path: /fsx/d}}",
            "spec.method: Input should be 'sft', 'lora', 'dpo', 'dpo-lora', 'grpo' or 'grpo-lora'",
        ),
        (
            "model: {name: llama-3.1-8b}\n  method: grpo\n  data: {train: {path: /fsx/d}}",
            "methods grpo and grpo-lora need at least one reward function in spec.rewards",
        ),
        ("model: {}\n  method: lora\n  data: {train: {path: /fsx/d}}", "spec.model needs a catalog name"),
        (
            "model: {name: llama-3.1-8b}\n  method: lora\n  data: {train: {path: /fsx/d}}\n"
            "  resources: {nodes: 0}",
            "spec.resources.nodes: Input should be greater than or equal to 1",
        ),
        (
            "model: {name: llama-3.1-8b}\n  method: lora\n  data: {mixture: [{path: /fsx/d, weight: 0}]}",
            r"spec.data.mixture.0.weight: Input should be greater than 0",
        ),
        (
            "model: {name: llama-3.1-8b}\n  method: lora\n  data: {train: {path: /fsx/d}}\n"
            "  recipe: {overrides: {optimizer.lr: 0.1}}",
            "did you mean `optimizer.learningRate`",
        ),
        (
            "model: {name: gpt-5}\n  method: lora\n  data: {train: {path: /fsx/d}}",
            "RecipeNotFound: no recipe",
        ),
        (
            "model: {name: tiny-llama}\n  method: lora\n  data: {train: {path: /fsx/d}}\n"
            "  recipe: {name: tiny-llama-cpu-lora}\n  resources: {instanceType: ml.trn1.32xlarge}",
            "InvalidSpec: spec.resources.instanceType: ml.trn1.32xlarge is a neuron instance type, but "
            "recipe 'tiny-llama-cpu-lora' targets accelerator family cpu",
        ),
        (
            "model: {name: tiny-llama}\n  method: lora\n  data: {train: {path: /fsx/d}}\n"
            "  resources: {instanceType: ml.p5.48xlarge}",
            "RecipeNotFound: no recipe for model 'tiny-llama' and method 'lora' targets accelerator family "
            "cuda (spec.resources.instanceType ml.p5.48xlarge); recipes for other families: "
            "tiny-llama-cpu-lora (cpu)",
        ),
    ],
)
def test_invalid_jobs_exit_non_zero_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], spec: str, message: str
) -> None:
    path = write(
        tmp_path,
        f"apiVersion: finetune.dev/v1alpha1\nkind: FineTuneJob\nmetadata: {{name: j}}\nspec:\n  {spec}\n",
    )
    assert main(["render", "-f", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err


def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "-f", "/nonexistent/job.yaml"]) == 2
    assert "No such file" in capsys.readouterr().err


JOB_EXAMPLES = sorted(
    p.name
    for p in (REPO / "examples").glob("*.yaml")
    if any(d.get("kind") == "FineTuneJob" for d in yamlio.load_file(p))
)


@pytest.mark.parametrize("example", JOB_EXAMPLES)
def test_every_job_example_renders_with_no_options(example: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "-f", str(REPO / "examples" / example)]) == 0
    assert yamlio.load_documents(capsys.readouterr().out)


def test_nova_example_renders_from_the_builtin_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "-f", str(REPO / "examples" / "sagemaker-nova-lite-sft.yaml")]) == 0
    captured = capsys.readouterr()
    request, recipe = yamlio.load_documents(captured.out)
    assert request["HyperParameters"] == {
        "sagemaker_recipe_local_path": "/opt/ml/input/data/recipe/nova-lite-sft.yaml"
    }
    assert recipe["training_config"]["trainer"]["max_epochs"] == 3
    assert "role allowlist, allowed S3 prefixes and image allowlist were not checked" in captured.err


def test_allowlist_from_config_is_enforced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write(
        tmp_path, "sagemaker: {role_allowlist: ['arn:aws:iam::123456789012:role/other-*']}\n", "op.yaml"
    )
    example = REPO / "examples" / "sagemaker-nova-lite-sft.yaml"
    assert main(["render", "-f", str(example), "--config", str(config)]) == 2
    assert "not in the operator's role allowlist" in capsys.readouterr().err


def test_nova_on_hyperpod_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    job = write(
        tmp_path,
        "kind: FineTuneJob\nmetadata: {name: n}\nspec: {model: {name: nova-lite}, method: sft, "
        "data: {format: bedrock-conversation, train: {path: /fsx/d.jsonl}}}\n",
    )
    assert main(["render", "-f", str(job)]) == 2
    assert "Amazon Nova models (nova-micro, nova-lite, nova-pro) train only on backend sagemaker" in (
        capsys.readouterr().err
    )


def test_examples_read_the_same_in_yaml_1_1_and_1_2() -> None:
    """PyYAML (YAML 1.1) reads `1e-4` as a string, Go and YAML 1.2 tools as a number: the
    examples write numbers every reader agrees on (`1.0e-4`)."""
    ambiguous = re.compile(r"^[-+]?[0-9]+[eE][-+]?[0-9]+$")
    for path in sorted(EXAMPLE.parent.glob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text()):
            for value in _scalars(document):
                assert not (isinstance(value, str) and ambiguous.match(value)), (path.name, value)


def _scalars(node: object) -> list[object]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in _scalars(v)]
    if isinstance(node, list):
        return [s for v in node for s in _scalars(v)]
    return [node]
