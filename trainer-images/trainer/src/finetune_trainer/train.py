"""The training run: data, model, the optimizer loop, checkpoints, progress and outputs.

The loop is deterministic given (config, data, world size): data order comes from the seeded plan
in `mixture`, and a checkpoint captures everything else that changes (weights, optimizer,
scheduler, RNG, data position), so a resumed run continues exactly where the stopped one was.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import os
import signal
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

import torch
import torch.distributed as dist
from torch import nn

from finetune_contract.constants import EXIT_OK, EXIT_STOPPED, run_progress_file
from finetune_contract.evaluation import GENERATIONS_FILE
from finetune_contract.formats import Conversation, Example, Preference, Prompt, record_parser
from finetune_contract.methods import DataFormat
from finetune_trainer import checkpoint_layout
from finetune_trainer.config import TrainConfig
from finetune_trainer.dataset import DataError, Encoded, LoadedData, load_data, load_held_out
from finetune_trainer.device import Platform
from finetune_trainer.divergence import Divergence, monitor_for, refusal
from finetune_trainer.encoding import (
    TokenizedPair,
    TokenizedPrompt,
    encode_conversation,
    encode_preference,
    encode_prompt,
)
from finetune_trainer.evaluation import (
    EvaluationResult,
    evaluation_document,
    preference_metrics,
    reward_metrics,
    score_completion,
    supervised_metrics,
    write_evaluation,
)
from finetune_trainer.formats import BadRecord, read_jsonl
from finetune_trainer.inputs import field_of
from finetune_trainer.methods import Method, StepTotals
from finetune_trainer.mixture import DocumentRef, SequenceStream, build_epoch_documents, shuffle_rows
from finetune_trainer.model import load_tokenizer, trainable_parameter_count
from finetune_trainer.packing import pack_best_fit_decreasing
from finetune_trainer.progress import (
    CheckpointReport,
    KubernetesStatusClient,
    ProgressSink,
    RollbackReport,
    StatusReporter,
    StepReport,
    utc_timestamp,
)
from finetune_trainer.rewards import Completion, Reward, Toolbox, load_rewards, load_tools
from finetune_trainer.rollout import Rollout, Sampler, run_rollouts
from finetune_trainer.schedule import lower_learning_rate
from finetune_trainer.storage import InputMissing, localize

log = logging.getLogger(__name__)

PACKING_WINDOW = 20_000  # documents packed together
PRECOMPILE_STEPS = 3
"""Steps of a `neuron_parallel_compile` trial (FINETUNE_PRECOMPILE=1): the first optimizer step
traces the graphs that create the optimizer state, the second and third the steady-state graphs
every later step reuses."""


class Diverged(RuntimeError):
    """The loss diverged and the divergence policy allows no rollback: exit code 3, no resume."""


class StopRequest:
    """Set by SIGTERM (SageMaker StopTrainingJob, Kubernetes pod deletion); the loop checkpoints and exits."""

    def __init__(self) -> None:
        self.requested = False
        self.received_at: float | None = None

    def install(self) -> None:
        signal.signal(signal.SIGTERM, self._handle)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if not self.requested:
            log.warning("SIGTERM received: checkpointing and stopping after the current step")
        self.requested = True
        self.received_at = time.monotonic()


def _all_ranks_any(flag: bool, device: torch.device) -> bool:
    """True on every rank if any rank has the flag: all ranks must stop at the same step."""
    value = torch.tensor([1.0 if flag else 0.0], device=device)
    dist.all_reduce(value, op=dist.ReduceOp.MAX)
    return bool(value.item() > 0)


def _sum_across_replicas(values: Sequence[float], platform: Platform) -> list[float]:
    """Sums per-replica values over the data-parallel replicas.

    Every rank of a tensor-parallel group holds its replica's value, so the sum over all ranks
    counts each replica `replicas` times.
    """
    runtime = platform.runtime
    tensor = torch.tensor(list(values), dtype=platform.reduce_dtype, device=runtime.device)
    dist.all_reduce(tensor)
    return [float(v) / runtime.replicas for v in tensor.tolist()]


def _encoder(config: TrainConfig, tokenizer: Any, toolbox: Toolbox | None) -> Any:
    max_length = config.training.seq_length

    def encode(example: Example) -> Encoded:
        if isinstance(example, Prompt):
            assert config.grpo is not None
            tools = toolbox.schemas if toolbox is not None else None
            return encode_prompt(tokenizer, example, config.grpo.max_prompt_length, tools)
        if isinstance(example, Preference):
            return encode_preference(tokenizer, example, max_length)
        assert isinstance(example, Conversation)
        return encode_conversation(tokenizer, example, max_length)

    return encode


def _length(item: Encoded) -> int:
    return len(item.chosen) + len(item.rejected) if isinstance(item, TokenizedPair) else len(item.input_ids)


def build_rows(
    data: LoadedData, seed: int, epoch: int, packing: bool, row_length: int
) -> list[list[DocumentRef]]:
    """One epoch of training rows: packed documents, or one document (or pair) per row."""
    documents = build_epoch_documents([len(s) for s in data.train_sources], data.weights, seed, epoch)
    if not packing:
        return [[document] for document in documents]
    rows: list[list[DocumentRef]] = []
    # Packing window by window keeps best-fit's cost bounded on large datasets; a window of this
    # size already fills rows to well over 99 % for realistic length distributions.
    for start in range(0, len(documents), PACKING_WINDOW):
        window = documents[start : start + PACKING_WINDOW]
        lengths = [_length(data.train_sources[s][i]) for s, i in window]
        rows.extend([window[i] for i in row] for row in pack_best_fit_decreasing(lengths, row_length))
    return shuffle_rows(rows, seed, epoch)


def validation_rows(examples: Sequence[Encoded], packing: bool, row_length: int) -> list[list[Encoded]]:
    """The validation examples as model rows, packed as training packs them (or one per row).

    Packed rows score every document exactly as it would be scored alone (per-document positions
    and attention), so packing changes the compute, not the validation loss.
    """
    if not packing:
        return [[example] for example in examples]
    rows = pack_best_fit_decreasing([_length(example) for example in examples], row_length)
    return [[examples[i] for i in row] for row in rows]


@dataclasses.dataclass
class Trainer:
    config: TrainConfig
    platform: Platform
    env: Mapping[str, str]

    def __post_init__(self) -> None:
        self.runtime = self.platform.runtime
        self.checkpoint_dir = Path(self.config.checkpointing.dir)
        self.output_dir = Path(self.config.output.dir)
        self.stop = StopRequest()
        self.rewards: tuple[Reward, ...] = ()
        self.toolbox: Toolbox | None = None
        # A `neuron_parallel_compile` trial: trace the graphs, write and report nothing.
        self.precompile = self.env.get("FINETUNE_PRECOMPILE") == "1"
        self.global_rows = (
            self.config.training.micro_batch_size
            * self.config.training.gradient_accumulation_steps
            * self.runtime.data_world_size
        )

    # -- setup ---------------------------------------------------------------------------------

    def _local(self, path: str) -> Path:
        try:
            return localize(path, local_rank=self.runtime.local_rank)
        except InputMissing as exc:
            raise InputMissing(f"{field_of(self.config, path)}: {exc}") from exc

    def _progress_sink(self) -> ProgressSink | None:
        if not self.runtime.is_main or self.precompile:
            return None
        status = None
        if self.env.get("FINETUNE_STATUS_REPORTING", "none") == "kubernetes":
            try:
                status = StatusReporter(KubernetesStatusClient.in_cluster(self.env).patch)
            except ValueError as exc:
                # Status is a convenience for the operator; the files and logs still report, and
                # the operator finds checkpoints with --resume-from auto. Training goes on.
                log.error("status reporting disabled: %s", exc)
        return ProgressSink(
            self.checkpoint_dir / run_progress_file(self.config.job.uid),
            self.config.logging.tensorboard_dir,
            status,
        )

    def _total_steps(self, stream: SequenceStream) -> int:
        if self.config.training.max_steps > 0:
            return self.config.training.max_steps
        rows = self.config.training.epochs * stream.epoch_length(0)
        return max(1, math.ceil(rows / self.global_rows))

    # -- the run -------------------------------------------------------------------------------

    def run(self, resume_from: str | None) -> int:
        config, runtime, platform = self.config, self.runtime, self.platform
        self.stop.install()
        if self.precompile:
            # The trial's graphs do not depend on where training starts; loading tensors while the
            # compiler only extracts graphs would be wasted (and its outputs are invalid anyway).
            log.warning(
                "FINETUNE_PRECOMPILE=1: tracing %d steps; no checkpoints, outputs or status",
                PRECOMPILE_STEPS,
            )
            resume_path = None
        else:
            resume_path = checkpoint_layout.resolve_resume(self.checkpoint_dir, resume_from, config.job.uid)
        torch.manual_seed(config.training.seed)
        model_path = str(self._local(config.model.path))
        tokenizer_path = str(self._local(config.model.tokenizer_path))
        tokenizer = load_tokenizer(
            tokenizer_path, "model.tokenizer" if config.model.tokenizer else "model.path"
        )
        # User code is checked before anything heavy loads: a bad module is exit 2 within seconds.
        toolbox = load_tools(config.tools) if config.tools is not None else None
        data = load_data(
            config.data,
            preference=config.is_preference,
            seed=config.training.seed,
            encode=_encoder(config, tokenizer, toolbox),
            localize=self._local,
        )
        if config.uses_rewards:
            assert config.grpo is not None
            first = data.train_sources[0][0] if data.train_sources[0] else None
            fields = first.prompt.fields if isinstance(first, TokenizedPrompt) else {}
            self.rewards = load_rewards(config.rewards, config.grpo.max_completion_length, fields)
            self.toolbox = toolbox
        stream = SequenceStream(
            lambda epoch: build_rows(
                data, config.training.seed, epoch, config.packs_documents, config.training.seq_length
            )
        )
        total_steps = self._total_steps(stream)
        model = platform.build_model(config, model_path)
        method = platform.method(config, model, tokenizer, model_path, self.rewards, self.toolbox)
        trainable, total = trainable_parameter_count(model)
        log.info(
            "model: %d of %d parameters trainable (this rank); %d steps of %d rows",
            trainable,
            total,
            total_steps,
            self.global_rows,
        )
        optimizer, scheduler = platform.build_optimizer(config, model, total_steps)

        step, position, tokens_seen = 0, 0, 0
        if resume_path is not None:
            state = platform.load(resume_path, model=model, optimizer=optimizer, scheduler=scheduler)
            step, position, tokens_seen = state.step, state.data_position, state.tokens_seen
            if state.world_size != runtime.world_size:
                log.warning(
                    "resuming a %d-rank checkpoint on %d ranks: data order continues, but RNG "
                    "streams (dropout) restart",
                    state.world_size,
                    runtime.world_size,
                )
            method_state = resume_path / checkpoint_layout.method_state_file(runtime.rank)
            if method_state.is_file():
                # Our own file, written by this trainer into a checkpoint of this job.
                method.restore(torch.load(method_state, weights_only=False))
            log.info("resumed from %s at step %d", resume_path, step)
        else:
            torch.manual_seed(config.training.seed + runtime.rank)  # per-rank dropout streams

        sink = self._progress_sink()
        try:
            return self._loop(
                model=model,
                method=method,
                optimizer=optimizer,
                scheduler=scheduler,
                stream=stream,
                data=data,
                sink=sink,
                tokenizer=tokenizer,
                model_path=model_path,
                step=step,
                position=position,
                tokens_seen=tokens_seen,
                total_steps=min(total_steps, PRECOMPILE_STEPS) if self.precompile else total_steps,
            )
        finally:
            if sink is not None:
                sink.close()

    def _rows_to_documents(
        self, data: LoadedData, rows: Sequence[Sequence[DocumentRef]]
    ) -> list[list[Encoded]]:
        return [[data.train_sources[s][i] for s, i in row] for row in rows]

    def _loop(
        self,
        *,
        model: nn.Module,
        method: Method,
        optimizer: torch.optim.Optimizer,
        scheduler: torch.optim.lr_scheduler.LRScheduler,
        stream: SequenceStream,
        data: LoadedData,
        sink: ProgressSink | None,
        tokenizer: Any,
        model_path: str,
        step: int,
        position: int,
        tokens_seen: int,
        total_steps: int,
    ) -> int:
        config, runtime = self.config, self.runtime
        micro, accumulation = config.training.micro_batch_size, config.training.gradient_accumulation_steps
        last_checkpoint_step = step
        monitor, rollbacks = monitor_for(config.divergence, config.uses_rewards), 0
        loss_value: float | None = None  # stays None when resuming a run that had already finished
        model.train()
        while step < total_steps:
            started = time.perf_counter()
            self.platform.start_step(step)
            rows = method.prepare(
                model, self._rows_to_documents(data, stream.take(position, self.global_rows)), step
            )
            normaliser = method.normaliser(rows)
            totals: list[StepTotals] = []
            for k in range(accumulation):
                first = (k * runtime.data_world_size + runtime.data_rank) * micro
                batch = method.collate(rows[first : first + micro])
                loss, micro_totals = method.loss(model, batch, normaliser, runtime.data_world_size)
                self.platform.backward(model, loss, last_micro_batch=k == accumulation - 1)
                totals.append(micro_totals)
            learning_rate = float(scheduler.get_last_lr()[0])
            grad_norm = self.platform.step(model, optimizer)
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            position += self.global_rows

            extra_keys = sorted(totals[0].extra)
            summed = _sum_across_replicas(
                [
                    sum(t.loss_sum for t in totals),
                    sum(t.real_tokens for t in totals),
                    sum(t.padded_tokens for t in totals),
                ]
                + [sum(t.extra[key] for t in totals) for key in extra_keys],
                self.platform,
            )
            loss_value = summed[0] / normaliser
            # A compile trial's outputs are invalid by design (neuron_parallel_compile).
            divergence = None if self.precompile else monitor.observe(step, loss_value)
            if divergence is not None:
                target = self._rollback_target(divergence.step)
                why = refusal(config.divergence, divergence, rollbacks, target is not None)
                if why is not None:
                    raise Diverged(why)
                assert target is not None  # `refusal` refuses without one
                rollbacks += 1
                # The data of the steps since the checkpoint led here: `position` stays past them.
                step, tokens_seen = self._roll_back(
                    target, model, method, optimizer, scheduler, sink, divergence
                )
                last_checkpoint_step = step
                monitor.forget_after(step)
                continue
            tokens_seen += int(summed[1])
            elapsed = time.perf_counter() - started
            if sink is not None and (step % config.logging.every_steps == 0 or step == total_steps):
                extra = method.summarise({key: summed[3 + i] for i, key in enumerate(extra_keys)}, normaliser)
                extra["gradNorm"] = grad_norm
                extra["realTokenFraction"] = summed[1] / max(summed[2], 1.0)
                sink.step(
                    StepReport(
                        attempt=config.job.attempt,
                        step=step,
                        total_steps=total_steps,
                        epoch=stream.epoch_progress(position),
                        loss=loss_value,
                        learning_rate=learning_rate,
                        tokens_per_second=summed[1] / max(elapsed, 1e-9),
                        time=time.time(),
                        extra=extra,
                        tokens_seen=tokens_seen,
                    )
                )

            stopping = _all_ranks_any(self.stop.requested, runtime.device)
            if self.precompile:
                if stopping:
                    return EXIT_STOPPED
                continue
            if stopping or step % config.checkpointing.every_steps == 0 or step == total_steps:
                self._save(model, method, optimizer, scheduler, sink, step, position, tokens_seen, stream)
                last_checkpoint_step = step
            if stopping:
                log.warning("stopped by SIGTERM after checkpointing step %d", step)
                return EXIT_STOPPED
            if self._periodic_validation_due(step, total_steps, data):
                validation = self._validate(model, method, data)
                if sink is not None and validation:
                    sink.validation(step, validation)
        if self.precompile:
            log.info("compile trial finished after %d steps; nothing written", step)
            return EXIT_OK
        if last_checkpoint_step != step:
            self._save(model, method, optimizer, scheduler, sink, step, position, tokens_seen, stream)

        validation = self._validate(model, method, data)
        if sink is not None and validation:
            sink.validation(step, validation)
        self.platform.write_outputs(
            self.output_dir,
            config=config,
            model=model,
            tokenizer=tokenizer,
            model_path=model_path,
            metrics={
                "step": step,
                "totalSteps": total_steps,
                "tokensSeen": tokens_seen,
                "finalTrainLoss": loss_value,
                **self.platform.metrics(),
                **validation,
            },
        )
        self._evaluate(model, method, data, tokenizer, sink)
        return EXIT_OK

    def _save(
        self,
        model: nn.Module,
        method: Method,
        optimizer: torch.optim.Optimizer,
        scheduler: torch.optim.lr_scheduler.LRScheduler,
        sink: ProgressSink | None,
        step: int,
        position: int,
        tokens_seen: int,
        stream: SequenceStream,
    ) -> None:
        path = self.platform.save(
            self.checkpoint_dir,
            model=model,
            optimizer=optimizer,
            scheduler=scheduler,
            state=checkpoint_layout.TrainerState(
                step=step,
                epoch=stream.epoch_progress(position),
                data_position=position,
                tokens_seen=tokens_seen,
                attempt=self.config.job.attempt,
                world_size=self.runtime.world_size,
                rng=[],
            ),
            job_uid=self.config.job.uid,
            keep_last=self.config.checkpointing.keep_last,
            method_state=method.state(),
        )
        log.info("checkpoint %s complete", path)
        if sink is not None:
            sink.checkpoint(
                CheckpointReport(path=str(path), step=step, attempt=self.config.job.attempt, time=time.time())
            )

    def _rollback_target(self, diverged_step: int) -> Path | None:
        """The newest complete checkpoint of this job that an accepted loss vouched for.

        A step's loss is computed with the weights the step before left, so the loss of
        ``diverged_step`` condemns the weights of step ``diverged_step - 1`` (and its checkpoint, if
        one was written then); a checkpoint of step s is good once the loss of step s + 1 was
        accepted, which holds for every s <= diverged_step - 2.
        """
        good = [
            path
            for path, manifest in checkpoint_layout.complete_checkpoints(self.checkpoint_dir)
            if manifest.job_uid == self.config.job.uid and manifest.step <= diverged_step - 2
        ]
        return good[-1] if good else None

    def _roll_back(
        self,
        checkpoint: Path,
        model: nn.Module,
        method: Method,
        optimizer: torch.optim.Optimizer,
        scheduler: torch.optim.lr_scheduler.LRScheduler,
        sink: ProgressSink | None,
        divergence: Divergence,
    ) -> tuple[int, int]:
        """Reloads ``checkpoint`` (model, optimizer, scheduler, RNG, method state) through the same
        path a resume takes, lowers the learning rate the run diverged with by the configured
        factor, and reports it; returns the checkpoint's (step, tokens seen). Collective: every
        rank saw the same loss and rolls back together."""
        log.warning("%s; rolling back to %s", divergence.reason, checkpoint)
        optimizer.zero_grad(set_to_none=True)
        diverged_peaks = [float(peak) for peak in scheduler.base_lrs]
        state = self.platform.load(checkpoint, model=model, optimizer=optimizer, scheduler=scheduler)
        method_state = checkpoint / checkpoint_layout.method_state_file(self.runtime.rank)
        if method_state.is_file():
            method.restore(torch.load(method_state, weights_only=False))
        learning_rate = lower_learning_rate(
            scheduler, optimizer, diverged_peaks, self.config.divergence.learning_rate_factor
        )
        if self.runtime.is_main:
            # Every rank has loaded `checkpoint` already; the next collective orders this before
            # any rank looks at the directory again.
            checkpoint_layout.set_aside_after(self.checkpoint_dir, checkpoint, self.config.job.uid)
        if sink is not None:
            # The restored checkpoint is the latest again: a new attempt must not resume from a
            # checkpoint set aside.
            sink.checkpoint(
                CheckpointReport(
                    path=str(checkpoint), step=state.step, attempt=self.config.job.attempt, time=time.time()
                )
            )
            sink.rollback(
                RollbackReport(
                    attempt=self.config.job.attempt,
                    step=divergence.step,
                    loss=divergence.loss,
                    reason=divergence.reason,
                    restored_step=state.step,
                    learning_rate=learning_rate,
                    time=time.time(),
                )
            )
        return state.step, state.tokens_seen

    def _periodic_validation_due(self, step: int, total_steps: int, data: LoadedData) -> bool:
        """Whether the validation pass runs after ``step`` besides the one after the last step
        (``data.validationEverySteps``; docs/trainer.md, "Periodic validation"). Every rank decides
        alike from the same numbers: the pass is collective, as the last one is."""
        every = self.config.data.validation_every_steps
        return (
            every > 0
            and step % every == 0
            and step < total_steps  # the pass after the last step comes once, after the loop
            and bool(data.validation)
            and not self.config.uses_rewards
        )

    @torch.no_grad()
    def _validate(self, model: nn.Module, method: Method, data: LoadedData) -> dict[str, float]:
        """Mean validation loss (and DPO reward accuracy) over the validation examples."""
        if not data.validation:
            return {}
        if self.config.uses_rewards:
            log.warning("GRPO has no validation pass: %d held-out prompts unused", len(data.validation))
            return {}
        normaliser, sums = self._held_out_sums(model, method, data.validation)
        metrics = {"validationLoss": sums["loss"] / normaliser}
        if any(isinstance(example, TokenizedPair) for example in data.validation):
            metrics["validationRewardAccuracy"] = sums["rewardAccuracy"] / normaliser
        return metrics

    def _held_out_sums(
        self, model: nn.Module, method: Method, examples: Sequence[Encoded]
    ) -> tuple[float, dict[str, float]]:
        """The method's normaliser over ``examples`` (target tokens, or pairs) and, summed over all
        replicas, the loss and the method's extra sums (DPO: rewardAccuracy, rewardMargin)."""
        model.eval()
        runtime, micro = self.runtime, self.config.training.micro_batch_size
        rows = validation_rows(examples, self.config.packs_documents, self.config.training.seq_length)
        normaliser = method.normaliser(rows)
        # Every rank runs the same number of forwards (FSDP all-gathers and TP are collective).
        per_rank = math.ceil(len(rows) / runtime.data_world_size)
        mine = rows[runtime.data_rank * per_rank : (runtime.data_rank + 1) * per_rank]
        keys = ("loss", "rewardAccuracy", "rewardMargin")
        local = dict.fromkeys(keys, 0.0)
        for first in range(0, per_rank, micro):
            chunk = mine[first : first + micro] or rows[:1]
            _, totals = method.loss(model, method.collate(chunk), normaliser, 1)
            if mine[first : first + micro]:
                local["loss"] += totals.loss_sum
                for key in keys[1:]:
                    local[key] += totals.extra.get(key, 0.0)
        summed = _sum_across_replicas([local[key] for key in keys], self.platform)
        model.train()
        return normaliser, dict(zip(keys, summed, strict=True))

    # -- the final evaluation (evaluation.py; docs/trainer.md, "Final evaluation") --------------

    def _evaluate(
        self,
        model: nn.Module,
        method: Method,
        data: LoadedData,
        tokenizer: Any,
        sink: ProgressSink | None,
    ) -> None:
        spec = self.config.evaluation
        if spec is None:
            return
        config = self.config
        if spec.path is None:
            examples = data.validation
        else:
            examples = load_held_out(
                self._local(spec.path),
                spec.path,
                config.data.format,
                config.is_preference,
                _encoder(config, tokenizer, self.toolbox),
                config.data.error_budget,
            )
        if not examples:
            raise DataError(
                "evaluation: the held-out set is empty (the validation split held out no examples); give "
                "evaluation.path or data.validation"
            )
        if config.uses_rewards:
            prompts = [e for e in examples if isinstance(e, TokenizedPrompt)]
            scored = [
                scores
                for rollout in self._greedy_rollouts(model, tokenizer, prompts)
                if (scores := score_completion(self.rewards, _completion(rollout))) is not None
            ]
            result = reward_metrics(self.rewards, scored)
        else:
            normaliser, sums = self._held_out_sums(model, method, examples)
            if config.is_preference:
                metrics = preference_metrics(
                    sums["loss"], sums["rewardMargin"], sums["rewardAccuracy"], normaliser
                )
            else:
                metrics = supervised_metrics(sums["loss"], normaliser)
            result = EvaluationResult(metrics=metrics, examples=len(examples))
        generations = self._generations(model, tokenizer, spec.prompts) if spec.prompts else None
        if not self.runtime.is_main or self.precompile:
            return
        artifact = str(Path(config.output.dir) / GENERATIONS_FILE) if generations is not None else None
        document = evaluation_document(result, config.job.attempt, artifact, utc_timestamp(time.time()))
        write_evaluation(self.output_dir, document, generations)
        log.info("evaluation: %s", json.dumps(document["metrics"], sort_keys=True))
        if sink is not None:
            sink.evaluation(document)

    def _greedy_rollouts(
        self, model: nn.Module, tokenizer: Any, prompts: Sequence[TokenizedPrompt]
    ) -> list[Rollout]:
        """One greedy completion per prompt. Every rank generates every prompt (the forwards of a
        sharded model are collective; greedy decoding gives each rank the same answers)."""
        runtime, config = self.runtime, self.config
        if runtime.device.type == "xla":
            raise DataError(
                "evaluation: generation is not supported on Trainium (Neuron); remove evaluation.prompts"
            )
        spec = config.evaluation
        assert spec is not None
        budget = config.grpo.max_completion_length if config.grpo is not None else spec.max_new_tokens
        sampler = Sampler(
            model=model,
            device=runtime.device,
            pad_id=tokenizer.pad_token_id,
            eos_id=tokenizer.eos_token_id,
            temperature=0.0,
            top_p=1.0,
            any_rank=lambda flag: _all_ranks_any(flag, runtime.device),
        )
        model.eval()
        try:
            rollouts: list[Rollout] = []
            micro = config.training.micro_batch_size
            for first in range(0, len(prompts), micro):
                rollouts += run_rollouts(
                    prompts[first : first + micro],
                    1,
                    sampler,
                    tokenizer,
                    budget,
                    self.toolbox,
                    any_rank=sampler.any_rank,
                )
        finally:
            model.train()
        return rollouts

    def _generations(self, model: nn.Module, tokenizer: Any, location: str) -> list[dict[str, Any]]:
        """The test prompts' answers (and, with rewards, their scores) for the generations file."""
        config = self.config
        tools = self.toolbox.schemas if self.toolbox is not None else None
        max_prompt = config.grpo.max_prompt_length if config.grpo is not None else config.training.seq_length
        parse = record_parser(DataFormat.PROMPT, False)
        prompts = []
        for line, item in read_jsonl(self._local(location), location, parse):
            if isinstance(item, BadRecord):
                raise DataError(f"evaluation.prompts: {item}")
            assert isinstance(item, Prompt)
            prompts.append(
                dataclasses.replace(
                    encode_prompt(tokenizer, item, max_prompt, tools), where=f"{location}:{line}"
                )
            )
        records = []
        for rollout in self._greedy_rollouts(model, tokenizer, prompts):
            record: dict[str, Any] = {"prompt": rollout.prompt.prompt.original, "answer": rollout.text}
            if self.rewards:
                scores = score_completion(self.rewards, _completion(rollout))
                record["scores"] = (
                    None if scores is None else dict(zip([r.name for r in self.rewards], scores, strict=True))
                )
            records.append(record)
        return records


def _completion(rollout: Rollout) -> Completion:
    record = rollout.prompt.prompt
    return Completion(record.original, rollout.text, rollout.model_tokens, record.fields)


def configure_logging(rank: int) -> None:
    logging.basicConfig(
        level=os.environ.get("FINETUNE_LOG_LEVEL", "INFO"),
        format=f"%(asctime)s rank{rank} %(levelname)s %(name)s: %(message)s",
    )
