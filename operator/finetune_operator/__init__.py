"""finetune-operator: fine-tune LLMs on HyperPod (Trainium) or SageMaker from one FineTuneJob."""

__version__ = "0.1.0"
