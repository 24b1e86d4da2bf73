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
    vcpus: int
    memory_gib: int

    @property
    def trainer_cpus(self) -> int:
        """vCPUs a trainer pod requests: the instance's, less 1 in 16 for the kubelet and the
        node's daemons (HyperPod health agent, device plugins, CNI), so the pod still fits."""
        return self.vcpus - max(1, self.vcpus // 16)

    @property
    def trainer_memory_gib(self) -> int:
        """Memory a trainer pod requests: 85% of the instance's, the rest for the system."""
        return self.memory_gib * 85 // 100


INSTANCE_SHAPES: dict[str, InstanceShape] = {
    "ml.trn1.2xlarge": InstanceShape(neuron_devices=1, neuron_cores=2, efa_devices=0, vcpus=8, memory_gib=32),
    "ml.trn1.32xlarge": InstanceShape(
        neuron_devices=16, neuron_cores=32, efa_devices=8, vcpus=128, memory_gib=512
    ),
    "ml.trn1n.32xlarge": InstanceShape(
        neuron_devices=16, neuron_cores=32, efa_devices=16, vcpus=128, memory_gib=512
    ),
}
