"""Every rank's random-number state as JSON, so that a resumed run draws the numbers it would have.

One capture for every platform: Python's and torch's CPU generators, and CUDA's when torch sees a
GPU. The Neuron platform's XLA device generator is seeded from the step instead
(`neuron_mapping.step_seed`).
"""

from __future__ import annotations

import base64
import random
from typing import Any

import torch


def encode_tensor(state: torch.Tensor) -> str:
    return base64.b64encode(state.numpy().tobytes()).decode("ascii")


def decode_tensor(text: str) -> torch.Tensor:
    return torch.frombuffer(bytearray(base64.b64decode(text)), dtype=torch.uint8).clone()


def capture_rng() -> dict[str, Any]:
    version, internal, gauss = random.getstate()
    state: dict[str, Any] = {
        "python": {"version": version, "internal": ",".join(map(str, internal)), "gauss": gauss},
        "torch": encode_tensor(torch.get_rng_state()),
    }
    if torch.cuda.is_available():
        state["cuda"] = [encode_tensor(s) for s in torch.cuda.get_rng_state_all()]
    return state


def restore_rng(state: dict[str, Any]) -> None:
    python = state["python"]
    internal = tuple(int(v) for v in python["internal"].split(","))
    random.setstate((python["version"], internal, python["gauss"]))
    torch.set_rng_state(decode_tensor(state["torch"]))
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all([decode_tensor(s) for s in state["cuda"]])
