"""Accelerator counts per instance type, so that jobs need not spell them out.

Values are the device-plugin resources a node of that type advertises
(``aws.amazon.com/neuron``, ``aws.amazon.com/neuroncore``, ``vpc.amazonaws.com/efa``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class AcceleratorFamily(StrEnum):
    """Which trainer image build an attempt needs (trainer-images/<family>)."""

    NEURON = "neuron"
    CUDA = "cuda"
    CPU = "cpu"


GPU_INSTANCE_PREFIXES = ("ml.g", "ml.p")


def accelerator_family(instance_type: str, neuron_devices: int) -> AcceleratorFamily:
    if neuron_devices:
        return AcceleratorFamily.NEURON
    if instance_type.startswith(GPU_INSTANCE_PREFIXES):
        return AcceleratorFamily.CUDA
    return AcceleratorFamily.CPU


@dataclass(frozen=True)
class InstanceShape:
    neuron_devices: int
    neuron_cores: int
    efa_devices: int


INSTANCE_SHAPES: dict[str, InstanceShape] = {
    "ml.trn1.2xlarge": InstanceShape(neuron_devices=1, neuron_cores=2, efa_devices=0),
    "ml.trn1.32xlarge": InstanceShape(neuron_devices=16, neuron_cores=32, efa_devices=8),
    "ml.trn1n.32xlarge": InstanceShape(neuron_devices=16, neuron_cores=32, efa_devices=16),
}
