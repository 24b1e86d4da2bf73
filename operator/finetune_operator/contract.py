"""What the operator and the trainer agree on besides the config document (docs/trainer-contract.md).

The trainer image does not ship the operator, so the trainer keeps its own copy of these names in
`finetune_trainer/contract.py`; tests/unit/test_contract.py checks that every name both define
has the same value.
"""

from __future__ import annotations

EXIT_INVALID_CONFIG = 2
"""The trainer's exit code for a config, `--resume-from` or device setup that can never run."""
RESUME_AUTO = "auto"
"""`--resume-from auto`: the newest complete checkpoint this job wrote, or a fresh start."""
MAX_JOB_NAME_LENGTH = 45
"""A FineTuneJob's name prefixes its children's names, which Kubernetes and SageMaker cap."""
TRAINER_CONFIG_PATH = "/etc/finetune/config.yaml"
"""Where a HyperPod trainer pod finds its resolved training config (its `--config`)."""
CODE_DIR = "/etc/finetune/code"
"""Where a HyperPod trainer pod finds the job's ConfigMap modules: `<CODE_DIR>/<configmap>/<key>`."""
PROGRESS_FILE = "progress.jsonl"
"""The trainer's progress records, one JSON object a line, in its checkpoint directory: SageMaker
syncs that directory to the job's checkpoint S3 URI, where the operator reads them."""
