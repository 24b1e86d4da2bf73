"""Amazon Nova fine-tuning: models, images and the Nova recipe document.

Nova models are trained only by Amazon's Nova images on SageMaker training jobs, so
their recipes (``nova-*.yaml`` in the built-in catalog, ClusterFineTuneRecipes with
``backends: [sagemaker]``) exist only on this backend. A job still speaks the operator's
one vocabulary (``optimizer.learningRate``, ``lora.alpha``...); this module translates
the resolved training config into the document the Nova image reads, with the keys of
Amazon's published Nova recipes (``run.*``, ``training_config.*``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from finetune_operator.api.training_config import DataFormat, Method, ResolvedTrainingConfig
from finetune_operator.attempt import ResolvedResources
from finetune_operator.backends.sagemaker.settings import NovaImages
from finetune_operator.errors import InvalidSpecError

NOVA_INSTANCE_TYPE = "ml.p5.48xlarge"


@dataclass(frozen=True)
class NovaModel:
    """What the Nova image needs to know about one Nova model."""

    model_type: str
    model_name_or_path: str
    allowed_nodes: tuple[int, ...]


NOVA_MODELS: dict[str, NovaModel] = {
    "nova-micro": NovaModel("amazon.nova-micro-v1:0:128k", "nova-micro/prod", (2, 4, 8)),
    "nova-lite": NovaModel("amazon.nova-lite-v1:0:300k", "nova-lite/prod", (4, 8, 16)),
    "nova-pro": NovaModel("amazon.nova-pro-v1:0:300k", "nova-pro/prod", (6, 12, 24)),
}


def is_nova_model(model_name: str | None) -> bool:
    return model_name in NOVA_MODELS


def nova_image(method: Method, images: NovaImages) -> str:
    """The Nova image for ``method``: one image serves SFT and LoRA, another both DPOs."""
    return images.dpo if method.uses_preferences else images.sft


def check_nova_job(config: ResolvedTrainingConfig, resources: ResolvedResources) -> None:
    """Raise InvalidSpecError for a Nova job the Nova image would reject."""
    model = NOVA_MODELS[config.model.name or ""]
    if resources.instance_type != NOVA_INSTANCE_TYPE:
        raise InvalidSpecError(
            f"spec.resources.instanceType: Nova models train on {NOVA_INSTANCE_TYPE}, "
            f"not {resources.instance_type}"
        )
    if resources.nodes not in model.allowed_nodes:
        allowed = ", ".join(str(nodes) for nodes in model.allowed_nodes)
        raise InvalidSpecError(
            f"spec.resources.nodes: {config.model.name} trains on {allowed} instances, not {resources.nodes}"
        )
    if config.data.format != DataFormat.BEDROCK_CONVERSATION:
        raise InvalidSpecError(
            f"spec.data.format: Nova models read bedrock-conversation records, not {config.data.format.value}"
        )
    if len(config.data.train) != 1:
        raise InvalidSpecError("spec.data: Nova training reads one training source; use train, not mixture")


def render_nova_recipe(
    config: ResolvedTrainingConfig, resources: ResolvedResources, run_name: str
) -> dict[str, Any]:
    """The Nova recipe document for one attempt (uploaded as input channel ``recipe``).

    Data and output paths stay empty: on a SageMaker training job the Nova image reads the
    ``train``/``validation`` channels and writes to the job's output location.
    """
    model = NOVA_MODELS[config.model.name or ""]
    training = config.training
    optimizer = config.optimizer
    model_section: dict[str, Any] = {
        "hidden_dropout": 0.0,
        "attention_dropout": 0.0,
        "ffn_dropout": 0.0,
        "optim": {
            "lr": optimizer.learning_rate,
            "name": "distributed_fused_adam",
            "adam_w_mode": True,
            "eps": optimizer.epsilon,
            "weight_decay": optimizer.weight_decay,
            "betas": [optimizer.beta1, optimizer.beta2],
            "sched": {
                "warmup_steps": optimizer.warmup_steps,
                "constant_steps": 0,
                "min_lr": float(f"{optimizer.learning_rate / 10:.6g}"),
            },
        },
        "peft": {"peft_scheme": None},
    }
    if config.lora is not None:
        model_section["peft"] = {
            "peft_scheme": "lora",
            "lora_tuning": {
                "loraplus_lr_ratio": 8.0,
                "alpha": config.lora.alpha,
                "adapter_dropout": config.lora.dropout,
            },
        }
    if config.dpo is not None:
        model_section["dpo_cfg"] = {"beta": config.dpo.beta}
    return {
        "run": {
            "name": run_name,
            "model_type": model.model_type,
            "model_name_or_path": model.model_name_or_path,
            "replicas": resources.nodes,
            "data_s3_path": "",
            "output_s3_path": "",
        },
        "training_config": {
            "max_length": training.seq_length,
            "global_batch_size": training.micro_batch_size * training.gradient_accumulation_steps,
            "trainer": {"max_epochs": training.epochs},
            "model": model_section,
        },
    }
