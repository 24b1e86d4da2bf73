"""FineTuneRecipe / ClusterFineTuneRecipe: curated, tested training settings.

A recipe names the model and method it was tested for, the hardware shape it was tested
on, and the *tunable* sections of the resolved training config. Job-specific paths (data,
checkpoints, outputs) never live in a recipe.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from finetune_operator.api.base import ApiModel, LenientApiModel
from finetune_operator.api.training_config import (
    CheckpointingTunables,
    DataTunables,
    DpoSection,
    GrpoSection,
    LoggingTunables,
    LoraSection,
    Method,
    NeuronSection,
    OptimizerSection,
    OutputTunables,
    ParallelismSection,
    TrainingSection,
)
from finetune_operator.instances import INSTANCE_SHAPES, AcceleratorFamily, accelerator_family

API_GROUP = "finetune.dev"
API_VERSION = "v1alpha1"

MAX_NODES = 512
"""The most instances one attempt may use, wherever the count comes from (the job, its recipe);
a platform caps it lower per namespace (operator config ``resource_limits``)."""
NodeCount = Annotated[int, Field(ge=1, le=MAX_NODES)]
INSTANCE_TYPE_PATTERN = r"^ml\.[a-z0-9]+\.[a-z0-9]+$"
"""A SageMaker / HyperPod instance type, e.g. ``ml.trn1.32xlarge`` (never empty: an empty
value is an error, not "the recipe's")."""
InstanceTypeName = Annotated[
    str, StringConstraints(min_length=1, max_length=64, pattern=INSTANCE_TYPE_PATTERN)
]


class BackendName(StrEnum):
    """Where the training runs."""

    HYPERPOD = "hyperpod"
    SAGEMAKER = "sagemaker"


class RecipeKind(StrEnum):
    FINE_TUNE_RECIPE = "FineTuneRecipe"
    CLUSTER_FINE_TUNE_RECIPE = "ClusterFineTuneRecipe"


class RecipeConfig(ApiModel):
    """The tunable sections of the resolved training config. Omitted sections use defaults."""

    training: TrainingSection = Field(default_factory=TrainingSection)
    optimizer: OptimizerSection = Field(default_factory=OptimizerSection)
    lora: LoraSection = Field(default_factory=LoraSection)
    dpo: DpoSection = Field(default_factory=DpoSection)
    grpo: GrpoSection = Field(default_factory=GrpoSection)
    parallelism: ParallelismSection = Field(default_factory=ParallelismSection)
    neuron: NeuronSection = Field(default_factory=NeuronSection)
    checkpointing: CheckpointingTunables = Field(default_factory=CheckpointingTunables)
    output: OutputTunables = Field(default_factory=OutputTunables)
    logging: LoggingTunables = Field(default_factory=LoggingTunables)
    data: DataTunables = Field(default_factory=DataTunables)


class RecipeResources(ApiModel):
    """The hardware shape the recipe was tested on; a job may override each field."""

    instance_type: InstanceTypeName = Field(
        default="ml.trn1.32xlarge", description="Instance type the recipe targets."
    )
    nodes: NodeCount = Field(default=1, description="Number of instances.")


class RecipeSpec(ApiModel):
    model: str = Field(
        min_length=1, max_length=128, description="Catalog model name this recipe is for, e.g. llama-3.1-8b."
    )
    method: Method = Field(description="Fine-tuning method this recipe is for.")
    description: str = Field(
        default="", max_length=4096, description="What the recipe is for and where its values come from."
    )
    backends: list[BackendName] = Field(
        default_factory=lambda: [BackendName.HYPERPOD, BackendName.SAGEMAKER],
        min_length=1,
        max_length=len(BackendName),
        description="Backends the recipe was tested on; a job on another backend cannot use it.",
    )
    accelerator_family: AcceleratorFamily | None = Field(
        default=None,
        description=(
            "Accelerator family the recipe targets (neuron, cuda, cpu); default the family of "
            "resources.instanceType. A job may use the recipe only on instance types of this family."
        ),
    )
    resources: RecipeResources = Field(default_factory=RecipeResources)
    config: RecipeConfig = Field(default_factory=RecipeConfig)

    @property
    def family(self) -> AcceleratorFamily:
        """The family the recipe targets, stated or implied by its instance type."""
        return self.accelerator_family or accelerator_family(self.resources.instance_type)

    @model_validator(mode="after")
    def _family_fits_instance_type(self) -> RecipeSpec:
        shape = INSTANCE_SHAPES.get(self.resources.instance_type)
        if self.accelerator_family and shape and shape.family != self.accelerator_family:
            raise ValueError(
                f"acceleratorFamily is {self.accelerator_family.value}, but resources.instanceType "
                f"{self.resources.instance_type} is a {shape.family.value} instance type"
            )
        return self


class ObjectMeta(LenientApiModel):
    """The part of Kubernetes ObjectMeta the operator reads."""

    name: str
    namespace: str | None = None
    uid: str | None = None
    generation: int | None = None
    resource_version: str | None = None
    labels: dict[str, str] = Field(default_factory=dict)
    annotations: dict[str, str] = Field(default_factory=dict)
    deletion_timestamp: str | None = None


class Recipe(LenientApiModel):
    """A FineTuneRecipe or ClusterFineTuneRecipe object."""

    api_version: str = f"{API_GROUP}/{API_VERSION}"
    kind: RecipeKind = RecipeKind.CLUSTER_FINE_TUNE_RECIPE
    metadata: ObjectMeta
    spec: RecipeSpec
