"""`finetune-train` exit codes and the operator-facing failure modes (contract, section 4)."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import trainer_testkit as kit

from finetune_trainer.cli import main
from finetune_trainer.launch import container_cpu_limit, exit_code_for_workers, worker_threads


def test_an_invalid_config_exits_2(tmp_path: Path, caplog) -> None:
    config = kit.make_config(tmp_path, tmp_path, [tmp_path / "train.jsonl"])
    del config["training"]["seqLength"]
    assert main(["--config", str(kit.write_config(tmp_path, config))]) == 2
    assert "training.seqLength: required key is missing" in caplog.text


def test_resume_from_a_path_that_is_not_a_complete_checkpoint_exits_2(
    tmp_path: Path, tiny_model: Path
) -> None:
    data = kit.write_jsonl(tmp_path / "train.jsonl", kit.messages_records(20, seed=0))
    config = kit.write_config(tmp_path, kit.make_config(tmp_path, tiny_model, [data]))
    result = kit.run_trainer(config, resume_from=str(tmp_path / "checkpoints" / "step-00000005"))
    assert result.returncode == 2, result.stderr[-3000:]
    assert "no such checkpoint directory" in result.stderr


def test_bad_records_beyond_the_budget_exit_2_naming_file_and_line(tmp_path: Path, tiny_model: Path) -> None:
    records = [json.dumps(r) for r in kit.messages_records(20, seed=0)]
    records[6] = '{"messages": [{"role": "user", "content": "only a question"}]}'
    data = kit.write_jsonl(tmp_path / "train.jsonl", records)
    config = kit.write_config(tmp_path, kit.make_config(tmp_path, tiny_model, [data]))
    result = kit.run_trainer(config)
    assert result.returncode == 2, result.stderr[-3000:]
    assert f"{data}:7: no assistant message: nothing to learn from" in result.stderr
    assert "1 of 20 records are bad (5.00%), over data.errorBudget (0.00%)" in result.stderr

    tolerant = kit.write_config(
        tmp_path,
        kit.make_config(tmp_path, tiny_model, [data], **{"data.errorBudget": 0.05, "training.maxSteps": 2}),
    )
    result = kit.run_trainer(tolerant)
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"bad record {data}:7" in result.stderr


def test_a_corrupt_newest_checkpoint_is_skipped_and_training_resumes_from_the_previous(
    tmp_path: Path, tiny_model: Path
) -> None:
    data = kit.write_jsonl(tmp_path / "train.jsonl", kit.messages_records(100, seed=0))
    first = kit.write_config(
        tmp_path, kit.make_config(tmp_path, tiny_model, [data], **{"training.maxSteps": 10})
    )
    assert kit.run_trainer(first).returncode == 0
    checkpoints = tmp_path / "checkpoints"
    shard = next((checkpoints / "step-00000010" / "optim").glob("*.distcp"))
    shard.write_bytes(shard.read_bytes()[:100])  # torn write on the shared file system
    shutil.rmtree(tmp_path / "output")
    second = kit.write_config(
        tmp_path, kit.make_config(tmp_path, tiny_model, [data], **{"training.maxSteps": 12, "job.attempt": 2})
    )
    result = kit.run_trainer(second, resume_from="auto")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "skipping checkpoint" in result.stderr and "resumed from" in result.stderr
    resumed_steps = [r["step"] for r in kit.progress_records(checkpoints) if r["attempt"] == 2]
    assert resumed_steps == list(range(6, 13))
    # The tokens trained on (status.usage.tokensProcessed) go on from the checkpoint's count:
    # step 6 trained the same batch in both attempts.
    seen = {(r["attempt"], r["step"]): r["tokensSeen"] for r in kit.progress_records(checkpoints)}
    assert seen[(2, 6)] == seen[(1, 6)] > seen[(1, 5)] > 0
    # The torn checkpoint was moved aside (never deleted) and replaced by a complete step 10.
    assert json.loads((checkpoints / "step-00000010" / "COMPLETE").read_text())["attempt"] == 2
    assert len(list(checkpoints.glob("step-00000010.damaged-*"))) == 1


def test_launcher_maps_worker_exit_codes_to_the_contract() -> None:
    assert exit_code_for_workers([2, 1]) == 2  # any rank rejecting the config: do not retry
    assert exit_code_for_workers([1, 3]) == 3  # diverged for good (a peer may have died of it): do not retry
    assert exit_code_for_workers([3, 2]) == 2
    assert exit_code_for_workers([143, 143]) == 143  # stopped after a checkpoint: resume
    assert exit_code_for_workers([143, -15]) == 143
    assert exit_code_for_workers([1, 143]) == 1
    assert exit_code_for_workers([-9]) == 1


def test_the_container_cpu_limit_is_read_from_cgroup_v2_and_v1(tmp_path: Path) -> None:
    v2 = tmp_path / "v2"
    v2.mkdir()
    (v2 / "cpu.max").write_text("150000 100000\n")
    assert container_cpu_limit(v2) == 1.5
    (v2 / "cpu.max").write_text("max 100000\n")
    assert container_cpu_limit(v2) is None
    v1 = tmp_path / "v1" / "cpu,cpuacct"
    v1.mkdir(parents=True)
    (v1 / "cpu.cfs_period_us").write_text("100000\n")
    (v1 / "cpu.cfs_quota_us").write_text("100000\n")
    assert container_cpu_limit(v1.parent) == 1.0
    (v1 / "cpu.cfs_quota_us").write_text("-1\n")
    assert container_cpu_limit(v1.parent) is None
    assert container_cpu_limit(tmp_path / "no-cgroup-fs") is None


def test_worker_threads_share_the_containers_cpus_among_its_workers() -> None:
    assert worker_threads(1.0, cpus_visible=2, processes=1) == 1  # the bed's 1-CPU pod on a 2-CPU node
    assert worker_threads(7.0, cpus_visible=8, processes=1) == 7
    assert worker_threads(1.5, cpus_visible=8, processes=1) == 1
    assert worker_threads(None, cpus_visible=192, processes=8) == 24
    assert worker_threads(2.0, cpus_visible=192, processes=8) == 1  # never fewer than one


def test_an_invalid_config_under_the_two_process_launcher_exits_2(tmp_path: Path, tiny_model: Path) -> None:
    data = kit.write_jsonl(tmp_path / "train.jsonl", kit.messages_records(20, seed=0))
    config = kit.make_config(tmp_path, tiny_model, [data])
    config["optimizer"]["scheduler"] = "exponential"
    result = kit.run_trainer(kit.write_config(tmp_path, config), processes=2)
    assert result.returncode == 2, result.stderr[-3000:]
    assert "optimizer.scheduler: must be one of cosine, linear, constant" in result.stderr


def test_termination_message_is_written_only_where_kubernetes_provides_the_file(tmp_path: Path) -> None:
    from finetune_trainer.cli import TERMINATION_MESSAGE_BYTES, write_termination_message

    absent = tmp_path / "termination-log"
    write_termination_message("bad data", absent)
    assert not absent.exists()
    absent.touch()
    write_termination_message("x" * (TERMINATION_MESSAGE_BYTES + 10), absent)
    assert absent.read_text() == "x" * TERMINATION_MESSAGE_BYTES


def test_the_sagemaker_failure_file_is_written_only_inside_a_sagemaker_container(tmp_path: Path) -> None:
    from finetune_trainer.cli import write_sagemaker_failure

    outside = tmp_path / "no-opt-ml-output" / "failure"
    write_sagemaker_failure("diverged (exit code 3)", outside)
    assert not outside.parent.exists()
    inside = tmp_path / "failure"
    write_sagemaker_failure("diverged (exit code 3)", inside)
    assert inside.read_text() == "diverged (exit code 3)"


def test_sigterm_while_waiting_for_the_rendezvous_exits_143_at_once(tmp_path: Path, tiny_model: Path) -> None:
    """A pod deleted while its launcher waits for the other nodes: 143 at once (in a container the
    launcher is PID 1, which a SIGTERM without a handler would not even end)."""
    import signal
    import socket
    import subprocess
    import sys
    import time

    data = kit.write_jsonl(tmp_path / "train.jsonl", kit.messages_records(20, seed=0))
    config = kit.write_config(tmp_path, kit.make_config(tmp_path, tiny_model, [data]))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    launcher = [sys.executable, "-m", "finetune_trainer.launch", "--nnodes=2", "--node_rank=0"]
    launcher += ["--master_addr=127.0.0.1", f"--master_port={port}", "--nproc_per_node=1"]
    process = subprocess.Popen(
        [*launcher, "--", "--config", str(config)], env=kit.trainer_env(), stderr=subprocess.PIPE, text=True
    )
    time.sleep(8)  # importing torch, then waiting for node 1, which never comes
    assert process.poll() is None
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=20)
    assert process.returncode == 143, stderr[-3000:]


def test_a_single_process_run_binds_no_port(tmp_path: Path, tiny_model: Path) -> None:
    """`finetune-train` without torchrun (the local demo, debugging) is a world of one: it meets no
    peer, so it must not bind MASTER_PORT, which another process can take between its choice and
    the bind (seen in a full `make test`: EADDRINUSE). Here the port is taken for certain."""
    data = kit.write_jsonl(tmp_path / "train.jsonl", kit.messages_records(20, seed=0))
    config = kit.write_config(
        tmp_path, kit.make_config(tmp_path, tiny_model, [data], **{"training.maxSteps": 2})
    )
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = kit.run_trainer(config, env=kit.trainer_env(MASTER_PORT=port))
    assert result.returncode == 0, result.stderr[-3000:]


# -- spec errors: what no retry can fix exits 2, naming the config key and the path --------------


def _model_dir(root: Path, model_type: str = "llama", weights: bool = True) -> Path:
    """A directory that passes for a model up to what a check reads (config.json, weight names)."""
    directory = root / "model"
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "config.json").write_text(json.dumps({"model_type": model_type}), encoding="utf-8")
    if weights:
        (directory / "model.safetensors").write_bytes(b"")
    return directory


def _run_expecting_spec_error(tmp_path: Path, config: dict) -> str:
    result = kit.run_trainer(kit.write_config(tmp_path, config), timeout=120)
    assert result.returncode == 2, result.stderr[-3000:]
    return result.stderr


def test_a_missing_data_file_exits_2_naming_the_key_and_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "data" / "train.jsonl"
    stderr = _run_expecting_spec_error(tmp_path, kit.make_config(tmp_path, _model_dir(tmp_path), [missing]))
    assert f"invalid input: data.train[0].path: {missing} does not exist" in stderr
    # Checked first: no process group, no tokenizer, no weights were touched.
    assert "model:" not in stderr and "Traceback" not in stderr


def test_a_missing_validation_file_and_a_directory_for_data_exit_2(tmp_path: Path) -> None:
    data = kit.write_jsonl(tmp_path / "train.jsonl", kit.messages_records(4, seed=0))
    config = kit.make_config(
        tmp_path, _model_dir(tmp_path), [data], **{"data.validation": {"path": str(tmp_path / "v")}}
    )
    assert f"data.validation.path: {tmp_path / 'v'} does not exist" in _run_expecting_spec_error(
        tmp_path, config
    )
    config = kit.make_config(tmp_path, _model_dir(tmp_path), [tmp_path])
    assert f"data.train[0].path: {tmp_path} is a directory" in _run_expecting_spec_error(tmp_path, config)


def test_a_missing_model_or_tokenizer_directory_exits_2(tmp_path: Path) -> None:
    data = kit.write_jsonl(tmp_path / "train.jsonl", kit.messages_records(4, seed=0))
    config = kit.make_config(tmp_path, tmp_path / "no-model", [data])
    assert f"model.path: {tmp_path / 'no-model'} does not exist" in _run_expecting_spec_error(
        tmp_path, config
    )
    config = kit.make_config(
        tmp_path, _model_dir(tmp_path), [data], **{"model.tokenizer": str(tmp_path / "tok")}
    )
    assert f"model.tokenizer: {tmp_path / 'tok'} does not exist" in _run_expecting_spec_error(
        tmp_path, config
    )


def test_a_model_of_an_unknown_architecture_or_without_weights_exits_2(tmp_path: Path) -> None:
    data = kit.write_jsonl(tmp_path / "train.jsonl", kit.messages_records(4, seed=0))
    config = kit.make_config(tmp_path, _model_dir(tmp_path / "a", model_type="no-such-arch"), [data])
    assert "names model_type 'no-such-arch', an architecture" in _run_expecting_spec_error(tmp_path, config)
    config = kit.make_config(tmp_path, _model_dir(tmp_path / "b", weights=False), [data])
    assert (
        "model.path: " in (stderr := _run_expecting_spec_error(tmp_path, config))
        and "holds no weights" in stderr
    )


def test_a_model_directory_without_a_tokenizer_exits_2(tmp_path: Path) -> None:
    data = kit.write_jsonl(tmp_path / "train.jsonl", kit.messages_records(4, seed=0))
    model = _model_dir(tmp_path)
    stderr = _run_expecting_spec_error(tmp_path, kit.make_config(tmp_path, model, [data]))
    assert f"invalid configuration: model.path: cannot load a tokenizer from {model}" in stderr


def test_lora_target_modules_the_model_lacks_exit_2(tmp_path: Path, tiny_model: Path) -> None:
    data = kit.write_jsonl(tmp_path / "train.jsonl", kit.messages_records(8, seed=0))
    config = kit.make_config(tmp_path, tiny_model, [data], **{"lora.targetModules": ["no_such_proj"]})
    assert "lora.targetModules ['no_such_proj'] do not fit this model" in _run_expecting_spec_error(
        tmp_path, config
    )
