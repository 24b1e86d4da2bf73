"""`finetune-train --config FILE [--resume-from PATH|auto]`, with the contract's exit codes.

| code | meaning |
|------|---------|
| 0    | finished; outputs written |
| 1    | training error that another attempt may not meet (a storage or network failure, a crash) |
| 2    | a spec error no retry can fix: invalid config or --resume-from, a missing or unusable input, an
|      | unsupported model or device, data beyond the error budget |
| 3    | the loss diverged and the divergence policy allows no (further) rollback |
| 143  | stopped by SIGTERM after a clean checkpoint |

docs/trainer.md lists which error is which ("Spec errors and retried errors").
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from finetune_contract.constants import EXIT_DIVERGED, EXIT_INVALID_CONFIG, EXIT_TRAINING_ERROR, RESUME_AUTO
from finetune_trainer.checkpoint_layout import CheckpointNotUsable
from finetune_trainer.config import ConfigError, load_config
from finetune_trainer.dataset import DataError
from finetune_trainer.inputs import InputError, check_local_inputs
from finetune_trainer.runtime import UnsupportedDevice
from finetune_trainer.storage import InputMissing, StorageError

log = logging.getLogger("finetune_trainer")

TERMINATION_LOG = Path("/dev/termination-log")
"""Kubernetes puts this file's content in the container's `terminated.message` (the operator
quotes it in the job's condition); it exists only inside a container."""
TERMINATION_MESSAGE_BYTES = 4096  # the kubelet keeps no more


def write_termination_message(message: str, path: Path = TERMINATION_LOG) -> None:
    """Leaves why the trainer gave up where Kubernetes reports it (every rank writes the same)."""
    if path.exists():
        path.write_bytes(message.encode()[:TERMINATION_MESSAGE_BYTES])


SAGEMAKER_FAILURE_FILE = Path("/opt/ml/output/failure")
"""SageMaker quotes this file's content in the training job's FailureReason; it exists (its
directory does) only in a SageMaker training container."""


def write_sagemaker_failure(message: str, path: Path = SAGEMAKER_FAILURE_FILE) -> None:
    """Leaves why the trainer gave up where SageMaker reports it. The message names the exit code,
    which the operator reads from FailureReason (every rank writes the same)."""
    if path.parent.is_dir():
        path.write_text(message[:TERMINATION_MESSAGE_BYTES], encoding="utf-8")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="finetune-train", description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, help="resolved training config (YAML)")
    parser.add_argument(
        "--resume-from",
        default=None,
        help=f"'{RESUME_AUTO}' (newest complete checkpoint, or a fresh start) or a step-NNNNNNNN checkpoint "
        "directory",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    rank = int(os.environ.get("RANK", "0"))
    from finetune_trainer.train import Diverged, Trainer, configure_logging

    configure_logging(rank)
    try:
        config = load_config(args.config)
        # Before the process group, the device or any weights: a missing input fails in seconds.
        check_local_inputs(config)
        from finetune_trainer.device import start_platform

        return Trainer(config, start_platform(config), os.environ).run(args.resume_from)
    except (ConfigError, CheckpointNotUsable, UnsupportedDevice) as exc:
        return _give_up(EXIT_INVALID_CONFIG, "invalid configuration", exc)
    except (InputError, InputMissing) as exc:
        # A missing or unusable input is missing for every attempt: retrying cannot help.
        return _give_up(EXIT_INVALID_CONFIG, "invalid input", exc)
    except DataError as exc:
        # The same data fails every attempt the same way: retrying cannot help.
        return _give_up(EXIT_INVALID_CONFIG, "invalid training data", exc)
    except Diverged as exc:
        # The same config diverges the same way again: the operator fails the job `Diverged`.
        write_sagemaker_failure(f"{exc} (exit code {EXIT_DIVERGED})")
        return _give_up(EXIT_DIVERGED, "diverged", exc)
    except StorageError as exc:
        return _give_up(EXIT_TRAINING_ERROR, "training failed", exc)
    except Exception as exc:
        # Anything else (a crash, out of memory, a lost peer) may not happen again: the operator
        # retries, and the condition still says what ended the attempt.
        log.exception("training failed")
        write_termination_message(f"training failed: {type(exc).__name__}: {exc}")
        return EXIT_TRAINING_ERROR
    finally:
        import torch.distributed as dist

        if dist.is_initialized():
            dist.destroy_process_group()


def _give_up(code: int, what: str, exc: BaseException) -> int:
    log.error("%s: %s", what, exc)
    write_termination_message(f"{what}: {exc}")
    return code


if __name__ == "__main__":
    sys.exit(main())
