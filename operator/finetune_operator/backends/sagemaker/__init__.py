"""SageMaker training-job backend: a bridge from FineTuneJob to CreateTrainingJob."""

from finetune_operator.backends.sagemaker.settings import NovaImages, SageMakerSettings

__all__ = ["NovaImages", "SageMakerSettings"]
