"""The Neuron path's pure parts, and proof that every other path runs without the Neuron packages.

These run in the main environment, which has no Neuron package. What is tested is our side of the
seam, including what cannot run on one CPU device (tensor parallelism of 2 and more, simulated with
threads). The library calls themselves run in test_trainer_neuron_xla.py, on torch-xla's CPU device
with the Neuron image's stack (docs/trainer.md, "The Neuron path").
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest
import torch
import trainer_testkit as kit

from finetune_trainer import checkpoint_layout as layout
from finetune_trainer import neuron_mapping, neuron_methods
from finetune_trainer.config import parse_config
from finetune_trainer.encoding import IGNORE_INDEX, TokenizedPair, TokenizedSequence
from finetune_trainer.methods import (
    DpoMethod,
    VocabShard,
    dpo_loss,
    frozen_reference,
    vocab_parallel_token_logprobs,
)
from finetune_trainer.runtime import UnsupportedDevice, detect_device_kind, neuron_device_visible

NEURON_PACKAGES = ("torch_xla", "torch_neuronx", "neuronx_distributed", "optimum.neuron", "libneuronxla")


def _config(**overrides):
    return parse_config(
        kit.make_config(Path("/fsx/run"), Path("/fsx/models/tiny"), [Path("/fsx/t.jsonl")], **overrides)
    )


# -- device selection ------------------------------------------------------------------------------


def test_a_visible_neuron_device_selects_neuron_and_finetune_device_wins(tmp_path: Path) -> None:
    assert not neuron_device_visible({}, dev=tmp_path)
    (tmp_path / "neuron0").touch()
    assert neuron_device_visible({}, dev=tmp_path)
    assert neuron_device_visible({"NEURON_RT_VISIBLE_CORES": "0-31"}, dev=tmp_path / "none")
    assert detect_device_kind({}, neuron_visible=True, cuda_available=True) == "neuron"
    assert detect_device_kind({}, neuron_visible=False, cuda_available=True) == "cuda"
    assert detect_device_kind({}, neuron_visible=False, cuda_available=False) == "cpu"
    assert detect_device_kind({"FINETUNE_DEVICE": "cpu"}, neuron_visible=True, cuda_available=True) == "cpu"
    with pytest.raises(UnsupportedDevice, match="must be cpu, cuda or neuron"):
        detect_device_kind({"FINETUNE_DEVICE": "tpu"}, neuron_visible=False, cuda_available=False)


# -- config -> library arguments ---------------------------------------------------------------


def test_parallelism_maps_to_training_neuron_config() -> None:
    config = _config(
        **{"parallelism.tensorParallel": 8, "parallelism.zero1": True, "training.gradientCheckpointing": True}
    )
    assert neuron_mapping.trn_config_kwargs(config) == {
        "tensor_parallel_size": 8,
        "sequence_parallel_enabled": True,
        "pipeline_parallel_size": 1,
        "pipeline_parallel_use_zero1_optimizer": True,
        "gradient_checkpointing": True,
        "checkpoint_dir": None,
        "use_xser": True,
        "async_save": False,
    }
    single = _config(**{"parallelism.tensorParallel": 1, "training.gradientCheckpointing": False})
    assert neuron_mapping.trn_config_kwargs(single)["sequence_parallel_enabled"] is False
    assert neuron_mapping.trn_config_kwargs(single)["gradient_checkpointing"] is False


@pytest.mark.parametrize(
    ("precision", "zero1", "expected"),
    [
        ("bf16", True, ("FULL_BF16", True, True, True, True)),
        ("bf16", False, ("FULL_BF16", True, False, False, False)),
        ("fp32", True, ("NO", False, False, False, False)),
    ],
)
def test_precision_maps_to_mixed_precision_config(precision: str, zero1: bool, expected) -> None:
    """fp32 master weights exist only with ZeRO-1 (the library's rule), and are checkpointed."""
    kwargs = neuron_mapping.mixed_precision_kwargs(
        _config(**{"training.precision": precision, "parallelism.zero1": zero1})
    )
    assert (
        kwargs["mode"],
        kwargs["stochastic_rounding"],
        kwargs["optimizer_use_master_weights"],
        kwargs["optimizer_use_fp32_grad_acc"],
        kwargs["optimizer_save_master_weights_in_ckpt"],
    ) == expected


@pytest.mark.parametrize(
    ("overrides", "world_size", "message"),
    [
        ({"training.precision": "fp16"}, 32, "fp16 is not supported on Neuron"),
        ({"parallelism.tensorParallel": 8}, 12, "tensorParallel=8 does not divide the 12 processes"),
    ],
)
def test_what_the_neuron_path_cannot_run_is_refused_before_device_work(
    overrides, world_size, message
) -> None:
    with pytest.raises(UnsupportedDevice, match=message):
        neuron_mapping.check_supported(_config(**overrides), world_size)
    neuron_mapping.check_supported(_config(), 32)
    for method in ("dpo", "dpo-lora"):
        neuron_mapping.check_supported(_config(method=method, **{"data.format": "preference"}), 32)


# -- checkpoint naming and resume bookkeeping -------------------------------------------------------


def test_shard_names_follow_neuronx_distributed_per_rank() -> None:
    assert neuron_mapping.shard_file("model", 0, 3) == "model/dp_rank_00_tp_rank_03_pp_rank_00.pt"
    assert neuron_mapping.expected_shards(tensor_parallel=2, data_parallel=2, zero1=True) == [
        "model/dp_rank_00_tp_rank_00_pp_rank_00.pt",
        "model/dp_rank_00_tp_rank_01_pp_rank_00.pt",
        "optim/dp_rank_00_tp_rank_00_pp_rank_00.pt",
        "optim/dp_rank_00_tp_rank_01_pp_rank_00.pt",
        "optim/dp_rank_01_tp_rank_00_pp_rank_00.pt",
        "optim/dp_rank_01_tp_rank_01_pp_rank_00.pt",
    ]
    # Without ZeRO-1 the optimizer is replicated over data-parallel ranks: only dp rank 0 writes.
    assert neuron_mapping.expected_shards(tensor_parallel=2, data_parallel=4, zero1=False)[2:] == [
        "optim/dp_rank_00_tp_rank_00_pp_rank_00.pt",
        "optim/dp_rank_00_tp_rank_01_pp_rank_00.pt",
    ]
    assert neuron_mapping.rng_file(7) == "rng/rank-00007.json"


def _neuron_checkpoint(directory: Path, step: int, tensor_parallel: int, data_parallel: int) -> Path:
    """A checkpoint laid out as NeuronPlatform.save writes it (xser shards as plain files here)."""
    tmp = directory / layout.temporary_dir_name(step)
    for name in neuron_mapping.expected_shards(tensor_parallel, data_parallel, zero1=True):
        (tmp / neuron_mapping.SHARDS_TAG / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp / neuron_mapping.SHARDS_TAG / name).write_bytes(b"shard")
    (tmp / neuron_mapping.RNG_DIR).mkdir()
    for rank in range(tensor_parallel * data_parallel):
        (tmp / neuron_mapping.rng_file(rank)).write_text("{}")
    record = neuron_mapping.layout_record(tensor_parallel, data_parallel, True)
    (tmp / neuron_mapping.LAYOUT_FILE).write_text(json.dumps(record))
    (tmp / layout.TRAINER_STATE).write_text("{}")
    files = layout.list_files(tmp)
    layout.write_manifest(tmp, layout.Manifest(step, 1, "uid", 4, "2026-01-01T00:00:00Z", files))
    return layout.publish(directory, step, "uid")


def test_a_neuron_checkpoint_resumes_only_on_its_own_layout(tmp_path: Path) -> None:
    path = _neuron_checkpoint(tmp_path, 10, tensor_parallel=2, data_parallel=2)
    files = layout.read_manifest(path).files
    neuron_mapping.check_resumable(path, files, neuron_mapping.layout_record(2, 2, True))
    with pytest.raises(layout.CheckpointNotUsable, match="resume only on the same tensorParallel"):
        neuron_mapping.check_resumable(path, files, neuron_mapping.layout_record(4, 1, True))
    without_a_shard = {
        k: v for k, v in files.items() if not k.endswith("dp_rank_01_tp_rank_01_pp_rank_00.pt")
    }
    with pytest.raises(layout.CheckpointNotUsable, match="shard files missing: optim/dp_rank_01_tp_rank_01"):
        neuron_mapping.check_resumable(path, without_a_shard, neuron_mapping.layout_record(2, 2, True))
    (path / neuron_mapping.LAYOUT_FILE).unlink()  # e.g. a CPU/CUDA checkpoint
    with pytest.raises(layout.CheckpointNotUsable, match="not a Neuron checkpoint"):
        neuron_mapping.check_resumable(path, files, neuron_mapping.layout_record(2, 2, True))


def test_an_adapter_checkpoint_must_cover_every_trainable_parameter() -> None:
    trainable = ["a.lora_A.default.weight", "a.lora_B.default.weight"]
    assert (
        neuron_mapping.missing_trainable(
            {"a.lora_A.default.weight": 0, "a.lora_B.default.weight": 0}, trainable
        )
        == []
    )
    assert neuron_mapping.missing_trainable({"a.lora_A.default.weight": 0}, trainable) == [
        "a.lora_B.default.weight"
    ]


def test_adapter_consolidation_keeps_only_the_adapters_own_transformations() -> None:
    """optimum-neuron 0.4.5 writes every fused module's spec into an adapter's metadata; the ones
    without a PEFT type would unfuse base weights the adapter does not hold (the KeyError that failed
    every q_proj/v_proj recipe after training). The shape is optimum-neuron's `to_metadata`."""
    fused_qkv = ["FusedLinearsSpec", {"fused_linear_name": "qkv_proj", "peft_type": "lora"}]
    fused_gate_up = ["FusedLinearsSpec", {"fused_linear_name": "gate_up_proj", "peft_type": None}]
    metadata = {
        "parameters": {"x": {"tensor_model_parallel": False}},
        "model_weight_transformation_specs": [
            {"module_fully_qualified_name": "model.layers.0.self_attn", "specs": [fused_qkv]},
            {"module_fully_qualified_name": "model.layers.0.mlp", "specs": [fused_gate_up]},
        ],
    }
    assert neuron_mapping.adapter_consolidation_metadata(metadata) == {
        "parameters": {"x": {"tensor_model_parallel": False}},
        "model_weight_transformation_specs": [
            {"module_fully_qualified_name": "model.layers.0.self_attn", "specs": [fused_qkv]}
        ],
    }


def test_the_xla_seed_of_a_step_depends_only_on_seed_rank_and_step() -> None:
    """A resumed run seeds step N as the straight run did: dropout masks match whatever ran between."""
    seeds = {neuron_mapping.step_seed(7, rank, step) for rank in range(4) for step in range(100)}
    assert len(seeds) == 400 and all(0 <= s < 2**63 for s in seeds)
    assert neuron_mapping.step_seed(7, 1, 12) == neuron_mapping.step_seed(7, 1, 12)
    assert neuron_mapping.step_seed(7, 1, 12) != neuron_mapping.step_seed(8, 1, 12)


# -- the Neuron supervised method ------------------------------------------------------------------


def _document(n: int) -> TokenizedSequence:
    return TokenizedSequence(
        input_ids=list(range(1, n + 1)), labels=[IGNORE_INDEX] * 2 + list(range(3, n + 1))
    )


def test_every_neuron_batch_has_the_same_shape() -> None:
    """Each new shape is a new XLA graph to compile: unpacked rows are padded to seqLength too."""
    method = neuron_methods.NeuronSupervisedMethod(torch.device("cpu"), pad_id=0, row_length=16)
    short = method.collate([[_document(5)], [_document(7)]])
    packed = method.collate([[_document(5), _document(9)], [_document(3)]])
    assert short.input_ids.shape == packed.input_ids.shape == (2, 16)
    assert method.normaliser([[_document(5)], [_document(7)]]) == 3 + 5


def test_the_model_computes_the_summed_loss_and_the_step_normalises_it() -> None:
    """The head is vocabulary-parallel: the loss must come from the model (labels, reduction=sum)."""
    calls = []

    class ModelWithParallelLoss(torch.nn.Module):
        def forward(self, **kwargs):
            calls.append(kwargs)
            return type("Output", (), {"loss": torch.tensor(12.0)})()

    method = neuron_methods.NeuronSupervisedMethod(torch.device("cpu"), pad_id=0, row_length=8)
    batch = method.collate([[_document(5)]])
    loss, totals = method.loss(ModelWithParallelLoss(), batch, normaliser=6.0, world_size=4)
    assert calls[0]["reduction"] == "sum"
    assert torch.equal(calls[0]["labels"], batch.labels)
    assert torch.equal(calls[0]["position_ids"], batch.position_ids)
    # Gradients are averaged over the 4 data-parallel replicas, hence the factor.
    assert float(loss) == pytest.approx(12.0 / 6.0 * 4)
    assert (totals.loss_sum, totals.real_tokens, totals.padded_tokens) == (12.0, 5, 8)


# -- DPO over a vocabulary-parallel head ----------------------------------------------------------


class SimulatedGroup:
    """A tensor-parallel group of `size` ranks, each a thread of this process.

    The all-reduces follow the contract of `VocabShard`: each rank contributes its tensor, every
    rank gets the reduction; the SUM passes gradients through unchanged (as neuronx-distributed's
    `reduce_from_tensor_model_parallel_region`), the MAX carries none.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.barrier = threading.Barrier(size)
        self.slots: list[torch.Tensor | None] = [None] * size

    def _all_reduce(self, rank: int, tensor: torch.Tensor, reduce: Callable) -> torch.Tensor:
        self.slots[rank] = tensor.detach().clone()
        self.barrier.wait()
        result = reduce(torch.stack(self.slots), dim=0)  # type: ignore[arg-type]
        self.barrier.wait()  # nobody overwrites a slot before every rank has read them all
        return result

    def shard(self, rank: int) -> VocabShard:
        group = self

        class ReduceSum(torch.autograd.Function):
            @staticmethod
            def forward(ctx, tensor):
                return group._all_reduce(rank, tensor, torch.sum)

            @staticmethod
            def backward(ctx, grad):
                return grad

        return VocabShard(
            rank=rank,
            all_reduce_max=lambda t: group._all_reduce(rank, t, lambda x, dim: x.amax(dim=dim)),
            all_reduce_sum=ReduceSum.apply,
        )

    def run(self, per_rank: Callable[[int, VocabShard], object]) -> list:
        with ThreadPoolExecutor(self.size) as pool:
            return list(pool.map(lambda r: per_rank(r, self.shard(r)), range(self.size)))


def _labels_on_every_shard(vocab: int, rows: int, length: int) -> torch.Tensor:
    """Targets that cover the whole vocabulary (so every shard owns some), with unlabelled spans."""
    labels = torch.arange(rows * length).reshape(rows, length) * 7 % vocab
    labels[:, :2] = IGNORE_INDEX  # a prompt
    labels[0, -3:] = IGNORE_INDEX  # padding
    return labels


@pytest.mark.parametrize("tensor_parallel", [2, 4])
def test_vocab_parallel_logprobs_equal_log_softmax_over_the_full_vocabulary(tensor_parallel: int) -> None:
    """Values and gradients, with logits large enough that an unshared maximum would overflow."""
    vocab, rows, length = 16, 3, 9
    generator = torch.Generator().manual_seed(0)
    full = (torch.randn(rows, length, vocab, generator=generator) * 40).requires_grad_()
    labels = _labels_on_every_shard(vocab, rows, length)
    weights = torch.randn(rows, length - 1, generator=generator)
    expected, expected_mask = kit.full_vocabulary_token_logprobs(full, labels)
    (expected * weights).sum().backward()
    assert full.grad is not None
    width = vocab // tensor_parallel
    targets = labels[:, 1:]
    owners = {int(t) // width for t in targets[targets != IGNORE_INDEX]}
    assert owners == set(range(tensor_parallel))  # the target token lives on every shard somewhere

    def rank_run(rank: int, shard: VocabShard) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        local = full.detach()[..., rank * width : (rank + 1) * width].clone().requires_grad_()
        logprobs, mask = vocab_parallel_token_logprobs(local, labels, shard)
        (logprobs * weights).sum().backward()
        return logprobs.detach(), mask, local.grad  # type: ignore[return-value]

    results = SimulatedGroup(tensor_parallel).run(rank_run)
    for logprobs, mask, _ in results:
        assert torch.equal(mask, expected_mask)
        torch.testing.assert_close(logprobs, expected.detach(), rtol=1e-5, atol=1e-5)
    torch.testing.assert_close(torch.cat([g for _, _, g in results], dim=-1), full.grad, rtol=1e-5, atol=1e-6)


def test_one_rank_vocab_parallel_logprobs_are_log_softmax() -> None:
    """TP=1 (the identity collectives the Neuron platform uses then)."""
    full = torch.randn(2, 6, 10, generator=torch.Generator().manual_seed(1))
    labels = _labels_on_every_shard(10, 2, 6)
    identity = VocabShard(rank=0, all_reduce_max=lambda t: t, all_reduce_sum=lambda t: t)
    logprobs, _ = vocab_parallel_token_logprobs(full, labels, identity)
    torch.testing.assert_close(logprobs, kit.full_vocabulary_token_logprobs(full, labels)[0])


def test_dpo_loss_is_the_dpo_objective() -> None:
    policy = torch.tensor([-3.0, -5.0, -4.0, -2.0])  # chosen 1, chosen 2, rejected 1, rejected 2
    reference = torch.tensor([-4.0, -4.0, -4.0, -4.0])
    loss_sum, margin = dpo_loss(policy, reference, beta=0.5)
    torch.testing.assert_close(margin, torch.tensor([0.5 * (1.0 - 0.0), 0.5 * (-1.0 - 2.0)]))
    expected = -torch.nn.functional.logsigmoid(torch.tensor(0.5)) - torch.nn.functional.logsigmoid(
        torch.tensor(-1.5)
    )
    torch.testing.assert_close(loss_sum, expected)


class _TokenLogits(torch.nn.Module):
    """logits = lm_head(embedding[input_ids]): a model whose head (or this rank's head slice) trains.

    Shaped like a transformers causal LM where the loss head looks: `get_output_embeddings()` and
    `config`.
    """

    def __init__(self, embedding: torch.Tensor, head: torch.Tensor, trainable: bool) -> None:
        super().__init__()
        self.embedding = embedding
        self.lm_head = torch.nn.Linear(*head.shape, bias=False)
        self.lm_head.weight = torch.nn.Parameter(head.T.clone(), requires_grad=trainable)
        self.config = SimpleNamespace(final_logit_softcapping=None)

    def get_output_embeddings(self) -> torch.nn.Module:
        return self.lm_head

    def forward(self, input_ids: torch.Tensor, **kwargs: object) -> object:
        return type("Output", (), {"logits": self.lm_head(self.embedding[input_ids])})()


def _pair(prompt: list[int], chosen: list[int], rejected: list[int]) -> TokenizedPair:
    def sequence(answer: list[int]) -> TokenizedSequence:
        return TokenizedSequence(prompt + answer, [IGNORE_INDEX] * len(prompt) + answer)

    return TokenizedPair(sequence(chosen), sequence(rejected))


@pytest.mark.parametrize("tensor_parallel", [1, 2, 4])
def test_neuron_dpo_computes_the_cpu_dpo_loss_reward_margin_and_gradients(tensor_parallel: int) -> None:
    """The same pairs, policy and reference give the same loss, reward statistics and head
    gradients on the CPU/CUDA method (full logits, padded to the longest row) and on the Neuron
    method (vocabulary-parallel logits, rows padded to seqLength), whatever the TP degree."""
    vocab, hidden, row_length, beta = 16, 8, 12, 0.1
    generator = torch.Generator().manual_seed(2)
    embedding = torch.randn(vocab, hidden, generator=generator)
    policy_head = torch.randn(hidden, vocab, generator=generator) * 3
    reference_head = policy_head + torch.randn(hidden, vocab, generator=generator)
    rows = [
        [_pair([1, 2, 3], [4, 9, 15, 0], [12, 5])],
        [_pair([7, 7], [3, 14], [8, 11, 2, 13, 6])],
        [_pair([5, 10, 1, 4], [15], [0, 1])],
    ]
    cpu_policy = _TokenLogits(embedding, policy_head, trainable=True)
    cpu_reference = _TokenLogits(embedding, reference_head, trainable=False)
    cpu = DpoMethod(torch.device("cpu"), 0, beta, lambda: frozen_reference(cpu_reference))
    cpu_loss, cpu_totals = cpu.loss(cpu_policy, cpu.collate(rows), cpu.normaliser(rows), world_size=2)
    cpu_loss.backward()
    assert cpu_policy.lm_head.weight.grad is not None
    width = vocab // tensor_parallel

    def rank_run(rank: int, shard: VocabShard) -> tuple:
        columns = slice(rank * width, (rank + 1) * width)
        policy = _TokenLogits(embedding, policy_head[:, columns], trainable=True)
        reference = _TokenLogits(embedding, reference_head[:, columns], trainable=False)
        method = neuron_methods.NeuronDpoMethod(
            torch.device("cpu"),
            0,
            beta,
            lambda: frozen_reference(reference),
            row_length=row_length,
            shard=shard,
        )
        batch = method.collate(rows)
        loss, totals = method.loss(policy, batch, method.normaliser(rows), world_size=2)
        loss.backward()
        return batch, loss.detach(), totals, policy.lm_head.weight.grad

    results = SimulatedGroup(tensor_parallel).run(rank_run)
    for batch, loss, totals, _ in results:
        assert batch.input_ids.shape == (2 * len(rows), row_length)  # one compiled shape
        torch.testing.assert_close(loss, cpu_loss.detach())
        assert totals.loss_sum == pytest.approx(cpu_totals.loss_sum, rel=1e-5)
        assert totals.extra == pytest.approx(cpu_totals.extra, rel=1e-5)
        assert totals.real_tokens == cpu_totals.real_tokens
    assert 0 < cpu_totals.extra["rewardAccuracy"] < len(rows)  # neither trivially all nor none
    neuron_grad = torch.cat([grad for _, _, _, grad in results], dim=0)
    torch.testing.assert_close(neuron_grad, cpu_policy.lm_head.weight.grad, rtol=1e-5, atol=1e-6)


# -- every other path runs without the Neuron packages ---------------------------------------------

_BLOCKED_RUN = textwrap.dedent(
    """
    import json, sys

    BLOCKED = {blocked!r}

    def blocked(name):
        return any(name == b or name.startswith(b + ".") for b in BLOCKED)

    class Hidden:
        # Every finder answers "not installed" for the Neuron packages, even where they are.
        def __init__(self, inner):
            self.inner = inner

        def find_spec(self, name, path=None, target=None):
            return None if blocked(name) else self.inner.find_spec(name, path, target)

        def __getattr__(self, attribute):
            return getattr(self.inner, attribute)

    sys.meta_path[:] = [Hidden(f) if hasattr(f, "find_spec") else f for f in sys.meta_path]
    import finetune_trainer.cli, finetune_trainer.device, finetune_trainer.fsdp, finetune_trainer.launch
    import finetune_trainer.neuron, finetune_trainer.sagemaker, finetune_trainer.train
    code = finetune_trainer.cli.main(sys.argv[1:])
    print("RESULT " + json.dumps({{"code": code, "loaded": sorted(m for m in sys.modules if blocked(m))}}))
    """
)


def _run_blocked(config: Path, device: str | None) -> tuple[dict, str]:
    env = kit.trainer_env()
    env.pop("FINETUNE_DEVICE")
    if device:
        env["FINETUNE_DEVICE"] = device
    result = subprocess.run(
        [sys.executable, "-c", _BLOCKED_RUN.format(blocked=NEURON_PACKAGES), "--config", str(config)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    line = next(li for li in result.stdout.splitlines() if li.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT ")), result.stderr


def test_cpu_training_needs_no_neuron_package_and_neuron_imports_only_when_selected(
    tmp_path: Path, tiny_model: Path
) -> None:
    data = kit.write_jsonl(tmp_path / "train.jsonl", kit.messages_records(16, seed=0))
    config = kit.write_config(
        tmp_path,
        kit.make_config(
            tmp_path,
            tiny_model,
            [data],
            **{"training.maxSteps": 2, "method": "sft", "parallelism.tensorParallel": 1},
        ),
    )
    trained, stderr = _run_blocked(config, device=None)  # detected: no Neuron device here
    assert trained == {"code": 0, "loaded": []}, stderr[-3000:]
    assert (tmp_path / "output" / "model" / "config.json").is_file()

    refused, stderr = _run_blocked(config, device="neuron")
    assert refused == {"code": 2, "loaded": []}
    assert "a Neuron device is visible but the Neuron packages are not installed" in stderr


# -- the neuron_parallel_compile trial -------------------------------------------------------------


def test_a_compile_trial_writes_nothing_and_exits_0(tmp_path: Path, tiny_model: Path) -> None:
    """Under FINETUNE_PRECOMPILE=1 (the operator's neuron_parallel_compile trial) the trainer runs a
    few steps and leaves the checkpoint and output directories untouched, even with a checkpoint
    there to resume from. Run on CPU: the trial logic is the device-agnostic loop's."""
    data = kit.write_jsonl(tmp_path / "train.jsonl", kit.messages_records(16, seed=0))
    config = kit.write_config(
        tmp_path, kit.make_config(tmp_path, tiny_model, [data], **{"training.maxSteps": 6, "method": "sft"})
    )
    checkpoints = tmp_path / "checkpoints"
    checkpoints.mkdir()
    (checkpoints / "step-00000003").mkdir()  # not complete: would be skipped by a resume anyway
    before = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    result = kit.run_trainer(config, resume_from="auto", env=kit.trainer_env(FINETUNE_PRECOMPILE="1"))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "tracing 3 steps" in result.stderr
    assert "compile trial finished after 3 steps; nothing written" in result.stderr
    after = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    assert after == before
    assert "finetune-metrics" not in result.stdout
