"""The chunked loss head: labelled tokens' log-probabilities without full-vocabulary logits.

Computing the loss from the model's `logits` output materialises [rows, length, vocabulary]
logits, and the fp32 cast and the softmax each make another copy of that size: at Llama 3's 128k
vocabulary and 4096 tokens, 2 GB per copy and sequence, which is what limits the micro-batch.
This head never builds that tensor:

- While the model runs, the output head (`get_output_embeddings()`) receives the final hidden
  states as usual; a pre-hook keeps them and hands the head an empty sequence instead, so the
  model's own `logits` output is empty and costs nothing.
- Only positions that have a next-token label are scored (prompt and padding positions are
  dropped before the head), in chunks of at most `CHUNK_ELEMENTS` logits.
- Each chunk is the head applied to its hidden states, cast to fp32, soft-capped where the model
  caps its logits, divided by the temperature (GRPO: the distribution the rollouts were sampled
  from; 1 otherwise), then log p(target) = z_target - logsumexp(z). Under autograd each chunk
  runs inside `torch.utils.checkpoint`: the backward pass recomputes one chunk's logits at a time
  instead of keeping all of them, so the head costs one extra matrix product per chunk and its
  peak memory is a few chunk-sized fp32 tensors, whatever the vocabulary and sequence length.

Everything happens inside the model's forward call, so FSDP's unsharded parameters and the
model's own output head (a LoRA-wrapped head included, tied embeddings included) are used
unchanged. The result equals `log_softmax(logits.float() / temperature)` gathered at the labels,
the math of the unchunked head, within float rounding.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import torch
from torch import nn
from torch.utils.checkpoint import checkpoint

from finetune_contract.config_schema import ConfigError
from finetune_trainer.encoding import IGNORE_INDEX

CHUNK_ELEMENTS = 1 << 24
"""Logits per chunk (64 MiB in fp32): 128 tokens at a 128k vocabulary, 2048 tokens at 8k."""


@dataclasses.dataclass(frozen=True)
class LabelledLogprobs:
    """Log-probabilities of the labelled next tokens of a batch, flattened in row-major order.

    Only positions whose next label is not `IGNORE_INDEX` appear; `rows[i]` is the row of
    `logprobs[i]`.
    """

    logprobs: torch.Tensor  # [labelled tokens], fp32
    rows: torch.Tensor  # [labelled tokens], long

    def per_row_sum(self, row_count: int) -> torch.Tensor:
        """Each row's summed log-probability (0 for a row without labels): DPO's sequence log-prob."""
        sums = torch.zeros(row_count, dtype=self.logprobs.dtype, device=self.logprobs.device)
        return sums.index_add(0, self.rows, self.logprobs)


def _chunk_logprobs(
    head: Callable[[torch.Tensor], torch.Tensor],
    hidden: torch.Tensor,
    targets: torch.Tensor,
    softcap: float | None,
    temperature: float,
) -> torch.Tensor:
    logits = head(hidden).float()
    if softcap:
        logits = torch.tanh(logits / softcap) * softcap
    if temperature != 1.0:
        logits = logits / temperature
    picked = logits.gather(-1, targets.unsqueeze(-1)).squeeze(-1)
    return picked - torch.logsumexp(logits, dim=-1)


def chunked_logprobs(
    head: Callable[[torch.Tensor], torch.Tensor],
    hidden: torch.Tensor,
    targets: torch.Tensor,
    vocab_size: int,
    softcap: float | None,
    chunk_elements: int,
    temperature: float = 1.0,
) -> torch.Tensor:
    """log p(targets[i]) under `head(hidden[i]) / temperature`, for [tokens, hidden] inputs, one
    chunk at a time.

    `softcap` is the model's final-logit soft-capping (Gemma 2: z -> c * tanh(z / c)), which the
    model applies after its head and which the head must therefore apply itself, before the
    temperature (as sampling and TRL's fused head do).
    """
    chunk = max(1, chunk_elements // vocab_size)
    pieces = []
    # At least one (possibly empty) chunk, so that a batch without labels still has a graph.
    for start in range(0, max(hidden.size(0), 1), chunk):
        h, t = hidden[start : start + chunk], targets[start : start + chunk]
        if torch.is_grad_enabled():
            piece = checkpoint(_chunk_logprobs, head, h, t, softcap, temperature, use_reentrant=False)
        else:
            piece = _chunk_logprobs(head, h, t, softcap, temperature)
        pieces.append(piece)
    return torch.cat(pieces)


def labelled_logprobs(
    model: nn.Module, inputs: dict[str, torch.Tensor], labels: torch.Tensor, temperature: float = 1.0
) -> LabelledLogprobs:
    """Runs `model(**inputs)` and returns the labelled tokens' log-probabilities from the chunked head.

    `labels` is [rows, length] with `IGNORE_INDEX` where a position has no label; position t is
    predicted from the hidden state at t - 1. `temperature` divides the logits: GRPO scores its
    rollouts under the distribution they were sampled from.
    """
    head: nn.Module = model.get_output_embeddings()  # type: ignore[operator]
    vocab_size = head.out_features
    assert isinstance(vocab_size, int), f"the output head {type(head).__name__} is not a linear layer"
    softcap = getattr(model.config, "final_logit_softcapping", None)
    next_labels = labels[:, 1:]
    mask = next_labels != IGNORE_INDEX
    rows = mask.nonzero()[:, 0]
    targets = next_labels[mask]
    captured: dict[str, torch.Tensor] = {}

    def keep_hidden(module: nn.Module, args: tuple[Any, ...]) -> tuple[Any, ...]:
        hidden = args[0]
        captured["logprobs"] = chunked_logprobs(
            module.forward, hidden[:, :-1][mask], targets, vocab_size, softcap, CHUNK_ELEMENTS, temperature
        )
        return (hidden[:, :0], *args[1:])

    handle = head.register_forward_pre_hook(keep_hidden)
    try:
        # use_cache=False matters beyond memory: transformers only turns restarting position ids
        # into a block-diagonal (per-document) mask when no KV cache is passed.
        model(**inputs, use_cache=False)
    finally:
        handle.remove()
    if "logprobs" not in captured:
        raise ConfigError(
            f"model.path: {type(model).__name__} did not call its output head; this trainer cannot score "
            "its tokens (an unsupported architecture)"
        )
    return LabelledLogprobs(captured["logprobs"], rows)
