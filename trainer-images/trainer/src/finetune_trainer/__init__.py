"""finetune-trainer: the training program that finetune-operator launches in every backend."""

__version__ = "0.1.0"
