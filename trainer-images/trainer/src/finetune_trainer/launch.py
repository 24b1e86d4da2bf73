"""`python -m finetune_trainer.launch [torchrun options] -- [finetune-train options]`

torchrun with the contract's exit codes. Plain torchrun exits 1 both when it was stopped by SIGTERM
(after the workers checkpointed and exited 143) and when a worker rejected its config (exit 2).
The operator needs them apart: 143 means "resume me", 2 and 3 mean "do not retry", and a PyTorchJob
with `restartPolicy: ExitCode` only retries codes >= 128. This wrapper runs torchrun (in a child
process: see `main`) and maps its outcome back to the workers' codes.

Give the workers enough time to checkpoint after SIGTERM: torchrun SIGKILLs them after
`--shutdown-timeout` (or TORCH_ELASTIC_SHUTDOWN_TIMEOUT) seconds, 30 by default.

It also sizes the workers' CPU thread pools to the container's CPU limit (`worker_threads`).
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterable
from pathlib import Path
from types import FrameType

from finetune_contract.constants import EXIT_DIVERGED, EXIT_INVALID_CONFIG, EXIT_STOPPED, EXIT_TRAINING_ERROR


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
    if EXIT_DIVERGED in codes:
        return EXIT_DIVERGED
    if codes and all(code in (EXIT_STOPPED, -signal.SIGTERM) for code in codes):
        return EXIT_STOPPED
    return EXIT_TRAINING_ERROR


def container_cpu_limit(cgroup_root: Path = Path("/sys/fs/cgroup")) -> float | None:
    """The CPUs this container may use per period (its `limits.cpu`), or None without a limit.

    cgroup v2 keeps it in `cpu.max` ("max 100000" or "150000 100000"); v1 in the cpu
    controller's `cpu.cfs_quota_us` (-1: none) over `cpu.cfs_period_us`. Inside a container the
    runtime mounts the container's own cgroup at these paths.
    """
    v2 = cgroup_root / "cpu.max"
    if v2.is_file():
        quota, _, period = v2.read_text().strip().partition(" ")
        return None if quota == "max" else int(quota) / int(period or 100000)
    for controller in ("cpu", "cpu,cpuacct"):
        quota_file = cgroup_root / controller / "cpu.cfs_quota_us"
        if quota_file.is_file():
            quota_us = int(quota_file.read_text())
            period_us = int((cgroup_root / controller / "cpu.cfs_period_us").read_text())
            return None if quota_us <= 0 else quota_us / period_us
    return None


def worker_threads(cpu_limit: float | None, cpus_visible: int, processes: int) -> int:
    """Intra-op threads per worker: the CPUs the container may use, shared by its workers.

    torch sizes its pool by the CPUs it sees, not by the container's quota: a pod limited to 1
    CPU on a 2-CPU node runs 2 threads per worker, which the kernel throttles while they wait for
    each other (docs/trainer.md has the measurement). torchrun itself only sets
    OMP_NUM_THREADS=1 for more than one worker, whatever the limit.
    """
    usable = cpus_visible if cpu_limit is None else min(cpus_visible, int(cpu_limit))
    return max(1, usable // max(1, processes))


def launch(argv: list[str]) -> int:
    """torchrun in this process, its outcome mapped to one exit code of the contract."""
    from torch.distributed.elastic.multiprocessing.api import SignalException
    from torch.distributed.elastic.multiprocessing.errors import ChildFailedError
    from torch.distributed.run import parse_args, run

    torchrun_options, trainer_options = split_arguments(argv)
    args = parse_args([*torchrun_options, "-m", "finetune_trainer.cli", *trainer_options])
    if "OMP_NUM_THREADS" not in os.environ and str(args.nproc_per_node).isdigit():
        # The workers inherit it; a value the image or the user set wins.
        visible = len(os.sched_getaffinity(0))
        threads = worker_threads(container_cpu_limit(), visible, int(args.nproc_per_node))
        os.environ["OMP_NUM_THREADS"] = str(threads)
    try:
        run(args)
    except SignalException as exc:
        return 128 + int(exc.sigval)
    except ChildFailedError as exc:
        return exit_code_for_workers(failure.exitcode for failure in exc.failures.values())
    return 0


def exit_code_of(wait_status: int) -> int:
    """The launcher's exit code as a shell reports it: 128 + N when a signal N ended it."""
    code = os.waitstatus_to_exitcode(wait_status)
    return 128 - code if code < 0 else code


def main(argv: list[str] | None = None) -> int:
    """Runs torchrun in a child process and forwards SIGTERM to it.

    In a container the launcher is PID 1, and the kernel delivers no signal to a PID namespace's
    init unless it installed a handler: torchrun installs its SIGTERM handler only once it starts
    the workers, so a pod deleted while the launcher imports torch or waits for the rendezvous
    would hold its node for the whole grace period, until the kubelet's SIGKILL (and a handler
    would not help there either: Python runs it only between bytecodes, never inside the
    rendezvous' blocking C++ calls). This process stays a small init, as tini would: it hands
    the signal on, the child ends (before training, with nothing to save: 143) or its workers
    checkpoint, and the child's code becomes the pod's.
    """
    arguments = sys.argv[1:] if argv is None else argv
    split_arguments(arguments)  # a usage error is reported here, once
    sys.stdout.flush()
    sys.stderr.flush()
    child = os.fork()
    if child == 0:
        code = EXIT_TRAINING_ERROR
        try:
            code = launch(arguments)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)

    def forward(signum: int, frame: FrameType | None) -> None:
        os.kill(child, signum)

    signal.signal(signal.SIGTERM, forward)
    _, wait_status = os.waitpid(child, 0)
    return exit_code_of(wait_status)


if __name__ == "__main__":
    sys.exit(main())
