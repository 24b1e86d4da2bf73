"""The names the operator and the trainer agree on besides the config document (docs/trainer-contract.md).

The exit codes tell the operator whether to retry: 143 means "stopped after a clean checkpoint,
resume me", 2 means "this config will never run, do not retry", 3 means "this config diverged,
do not retry". `--resume-from auto` asks for the
newest complete checkpoint this job wrote.
"""

from __future__ import annotations

import signal

EXIT_OK = 0
EXIT_TRAINING_ERROR = 1
"""A storage or network failure, a crash: another attempt may not meet it, so the operator
may retry."""
EXIT_INVALID_CONFIG = 2
"""A spec error: invalid config, `--resume-from` or device setup, a missing or unusable input (data,
model, tokenizer), an unsupported model, or bad data beyond the error budget. Retrying cannot help."""
EXIT_DIVERGED = 3
"""The loss diverged (a non-finite loss or a spike) and the divergence policy allows no further
rollback (`divergence.maxRollbacks` spent, or policy fail or off). The same config diverges again:
the operator fails the job `Diverged` and spends no further attempt."""
EXIT_STOPPED = 128 + signal.SIGTERM
"""143: stopped by SIGTERM after writing a clean checkpoint."""

RESUME_AUTO = "auto"
"""`--resume-from auto`: the newest complete checkpoint this job wrote, or a fresh start."""
MAX_JOB_NAME_LENGTH = 45
"""A FineTuneJob's name prefixes its children's names, which Kubernetes and SageMaker cap."""
TRAINER_CONFIG_PATH = "/etc/finetune/config.yaml"
"""Where a HyperPod trainer pod finds its resolved training config (its `--config`)."""
CODE_DIR = "/etc/finetune/code"
"""Where a HyperPod trainer pod finds the job's ConfigMap modules: `<CODE_DIR>/<configmap>/<key>`."""
PROGRESS_FILE = "progress.jsonl"
"""Rank 0's progress records, one JSON object a line, in the run's directory below the checkpoint
directory (`run_progress_file`). On SageMaker that directory is synced to the job's checkpoint S3
URI, where the operator reads them: its only view of progress."""
RUNS_DIR = "runs"
"""Below the checkpoint directory, one directory per run (FineTuneJob uid) for what is the run's
own there: its progress records. The checkpoints themselves are shared by the runs of a job name,
each marked with the uid that wrote it."""


def run_progress_file(job_uid: str) -> str:
    """Where a run writes its progress records, relative to the checkpoint directory:
    `runs/<uid>/progress.jsonl`. Keyed on the uid so that a job re-created under an old name never
    appends to (or is read as) the earlier run's progress; the attempts of one job share it."""
    return f"{RUNS_DIR}/{job_uid or 'no-uid'}/{PROGRESS_FILE}"
