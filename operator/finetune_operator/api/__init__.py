"""Typed models for the finetune.dev/v1alpha1 API and the trainer's resolved config."""

from finetune_operator.api.job import (
    AttemptStatus,
    AutoResume,
    BackendRef,
    CheckpointRef,
    Condition,
    FineTuneJob,
    FineTuneJobSpec,
    FineTuneJobStatus,
    Phase,
)
from finetune_operator.api.recipe import BackendName, ObjectMeta, Recipe, RecipeKind, RecipeSpec
from finetune_operator.api.training_config import DataFormat, Method, ResolvedTrainingConfig

__all__ = [
    "AttemptStatus",
    "AutoResume",
    "BackendName",
    "BackendRef",
    "CheckpointRef",
    "Condition",
    "DataFormat",
    "FineTuneJob",
    "FineTuneJobSpec",
    "FineTuneJobStatus",
    "Method",
    "ObjectMeta",
    "Phase",
    "Recipe",
    "RecipeKind",
    "RecipeSpec",
    "ResolvedTrainingConfig",
]
