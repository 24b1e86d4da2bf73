"""The operator's half of the trainer contract (docs/trainer-contract.md): values both sides
must agree on.

The trainer image does not depend on the operator package, so it keeps a mirror of these
names in ``finetune_trainer/contract.py``; a test compares the two.
"""

from __future__ import annotations

EXIT_INVALID_CONFIG = 2
"""The trainer's exit code for a config or data it rejects: the job fails with InvalidSpec
instead of resuming (a new attempt would be rejected the same way)."""

RESUME_AUTO = "auto"
"""``--resume-from`` value meaning "the latest complete checkpoint under the checkpoint
directory, or a fresh start when there is none"."""

MAX_JOB_NAME_LENGTH = 45
"""A FineTuneJob's name prefixes the names of every attempt's pods, services and training
jobs; longer names would not fit the 63-character limits after the suffixes."""

TRAINER_CONFIG_PATH = "/etc/finetune/config.yaml"
"""Where the resolved training config is mounted in a HyperPod trainer pod (``--config``)."""
