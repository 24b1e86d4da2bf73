"""`python -m finetune_trainer.launch [torchrun options] -- [finetune-train options]`

torchrun with the contract's exit codes. Plain torchrun exits 1 both when it was stopped by SIGTERM
(after the workers checkpointed and exited 143) and when a worker rejected its config (exit 2).
The operator needs them apart: 143 means "resume me", 2 means "do not retry", and a PyTorchJob
with `restartPolicy: ExitCode` only retries codes >= 128. This wrapper runs torchrun in-process and
maps its outcome back to the workers' codes.

Give the workers enough time to checkpoint after SIGTERM: torchrun SIGKILLs them after
`--shutdown-timeout` (or TORCH_ELASTIC_SHUTDOWN_TIMEOUT) seconds, 30 by default.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterable

from finetune_trainer.contract import EXIT_INVALID_CONFIG, EXIT_STOPPED, EXIT_TRAINING_ERROR


def split_arguments(argv: list[str]) -> tuple[list[str], list[str]]:
    """(torchrun options, finetune-train options), separated by `--`."""
    if "--" not in argv:
        raise SystemExit("usage: python -m finetune_trainer.launch [torchrun options] -- --config FILE ...")
    at = argv.index("--")
    return argv[:at], argv[at + 1 :]


def exit_code_for_workers(codes: Iterable[int]) -> int:
    """One exit code for the pod from the failed workers' codes."""
    codes = list(codes)
    if EXIT_INVALID_CONFIG in codes:
        return EXIT_INVALID_CONFIG
    if codes and all(code in (EXIT_STOPPED, -signal.SIGTERM) for code in codes):
        return EXIT_STOPPED
    return EXIT_TRAINING_ERROR


def main(argv: list[str] | None = None) -> int:
    from torch.distributed.elastic.multiprocessing.api import SignalException
    from torch.distributed.elastic.multiprocessing.errors import ChildFailedError
    from torch.distributed.run import parse_args, run

    torchrun_options, trainer_options = split_arguments(sys.argv[1:] if argv is None else argv)
    args = parse_args([*torchrun_options, "-m", "finetune_trainer.cli", *trainer_options])
    try:
        run(args)
    except SignalException as exc:
        return 128 + int(exc.sigval)
    except ChildFailedError as exc:
        return exit_code_for_workers(failure.exitcode for failure in exc.failures.values())
    return 0


if __name__ == "__main__":
    sys.exit(main())
