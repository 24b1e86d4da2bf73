"""What the trainer and the operator agree on besides the config document (docs/trainer-contract.md).

The exit codes tell the operator whether to retry: 143 means "stopped after a clean checkpoint,
resume me", 2 means "this config will never run, do not retry". `--resume-from auto` asks for the
newest complete checkpoint this job wrote. The operator keeps its own copy of the shared names in
`finetune_operator/contract.py` (the trainer image does not ship the operator, nor the operator
the trainer); tests/unit/test_contract.py checks that the two agree.
"""

from __future__ import annotations

import signal

EXIT_OK = 0
EXIT_TRAINING_ERROR = 1
"""NaN loss, bad data beyond the error budget, unreadable input: the operator may retry."""
EXIT_INVALID_CONFIG = 2
"""Invalid config, `--resume-from` or device setup: retrying cannot help."""
EXIT_STOPPED = 128 + signal.SIGTERM
"""143: stopped by SIGTERM after writing a clean checkpoint."""

RESUME_AUTO = "auto"
"""`--resume-from auto`: the newest complete checkpoint of this job, or a fresh start."""
PROGRESS_FILE = "progress.jsonl"
"""Rank 0's progress records in the checkpoint directory (one JSON object a line). On SageMaker
that directory is synced to S3, where the operator reads the records: its only view of progress."""
