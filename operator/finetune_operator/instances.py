"""The instance catalog: what a node of each supported instance type offers a trainer pod.

Values are the device-plugin resources a node of that type advertises
(``aws.amazon.com/neuron``, ``nvidia.com/gpu``, ``vpc.amazonaws.com/efa``) and its vCPUs and
memory, from AWS's published instance specifications (docs/accelerators.md cites them). The
catalog lets jobs and recipes name just an instance type, and tells each type's accelerator
family, which decides the trainer image and what the HyperPod backend renders.
"""

from __future__ import annotations

from dataclasses import dataclass

from finetune_contract.methods import AcceleratorFamily

DEFAULT_ACCELERATOR_FAMILY = AcceleratorFamily.NEURON
"""The family whose recipe a job gets when it names no instance type and recipes of several
families match (operator config ``default_accelerator_family``): Trainium, the first family
the built-in recipes targeted, so that such jobs keep their recipe."""


@dataclass(frozen=True)
class InstanceShape:
    vcpus: int
    memory_gib: int
    neuron_devices: int = 0
    neuron_cores: int = 0
    gpus: int = 0
    efa_devices: int = 0
    efa_rdma: bool = False
    """The EFA devices support RDMA read/write (GPUDirect RDMA on NVIDIA types): libfabric may
    be told to use it (FI_EFA_USE_DEVICE_RDMA=1); on other EFA types that setting fails."""

    @property
    def family(self) -> AcceleratorFamily:
        if self.neuron_devices:
            return AcceleratorFamily.NEURON
        if self.gpus:
            return AcceleratorFamily.CUDA
        return AcceleratorFamily.CPU

    @property
    def trainer_cpus(self) -> int:
        """vCPUs a trainer pod requests: the instance's, less 1 in 16 for the kubelet and the
        node's daemons (HyperPod health agent, device plugins, CNI), so the pod still fits."""
        return self.vcpus - max(1, self.vcpus // 16)

    @property
    def trainer_memory_gib(self) -> int:
        """Memory a trainer pod requests: 85% of the instance's, the rest for the system."""
        return self.memory_gib * 85 // 100


def _cpu(vcpus: int, memory_gib: int) -> InstanceShape:
    return InstanceShape(vcpus=vcpus, memory_gib=memory_gib)


def _gpu(
    gpus: int, vcpus: int, memory_gib: int, efa_devices: int = 0, efa_rdma: bool = False
) -> InstanceShape:
    return InstanceShape(
        vcpus=vcpus, memory_gib=memory_gib, gpus=gpus, efa_devices=efa_devices, efa_rdma=efa_rdma
    )


TRAINIUM_SHAPES: dict[str, InstanceShape] = {
    "ml.trn1.2xlarge": InstanceShape(vcpus=8, memory_gib=32, neuron_devices=1, neuron_cores=2),
    "ml.trn1.32xlarge": InstanceShape(
        vcpus=128, memory_gib=512, neuron_devices=16, neuron_cores=32, efa_devices=8, efa_rdma=True
    ),
    "ml.trn1n.32xlarge": InstanceShape(
        vcpus=128, memory_gib=512, neuron_devices=16, neuron_cores=32, efa_devices=16, efa_rdma=True
    ),
}

GPU_SHAPES: dict[str, InstanceShape] = {
    # P4d/P4de: 8 x A100 (40 GB / 80 GB), NVSwitch, 4 EFA with GPUDirect RDMA.
    "ml.p4d.24xlarge": _gpu(8, 96, 1152, efa_devices=4, efa_rdma=True),
    "ml.p4de.24xlarge": _gpu(8, 96, 1152, efa_devices=4, efa_rdma=True),
    # P5: 8 x H100, 32 EFA; P5e: 8 x H200, 32 EFA; P5en: 8 x H200, 16 EFA (EFAv3).
    "ml.p5.48xlarge": _gpu(8, 192, 2048, efa_devices=32, efa_rdma=True),
    "ml.p5e.48xlarge": _gpu(8, 192, 2048, efa_devices=32, efa_rdma=True),
    "ml.p5en.48xlarge": _gpu(8, 192, 2048, efa_devices=16, efa_rdma=True),
    # G5: A10G (24 GB); one EFA (no RDMA) from 8xlarge up.
    "ml.g5.xlarge": _gpu(1, 4, 16),
    "ml.g5.2xlarge": _gpu(1, 8, 32),
    "ml.g5.4xlarge": _gpu(1, 16, 64),
    "ml.g5.8xlarge": _gpu(1, 32, 128, efa_devices=1),
    "ml.g5.12xlarge": _gpu(4, 48, 192, efa_devices=1),
    "ml.g5.16xlarge": _gpu(1, 64, 256, efa_devices=1),
    "ml.g5.24xlarge": _gpu(4, 96, 384, efa_devices=1),
    "ml.g5.48xlarge": _gpu(8, 192, 768, efa_devices=1),
    # G6: L4 (24 GB); one EFA (no RDMA) from 8xlarge up.
    "ml.g6.xlarge": _gpu(1, 4, 16),
    "ml.g6.2xlarge": _gpu(1, 8, 32),
    "ml.g6.4xlarge": _gpu(1, 16, 64),
    "ml.g6.8xlarge": _gpu(1, 32, 128, efa_devices=1),
    "ml.g6.12xlarge": _gpu(4, 48, 192, efa_devices=1),
    "ml.g6.16xlarge": _gpu(1, 64, 256, efa_devices=1),
    "ml.g6.24xlarge": _gpu(4, 96, 384, efa_devices=1),
    "ml.g6.48xlarge": _gpu(8, 192, 768, efa_devices=1),
    # G6e: L40S (48 GB); EFA (no RDMA) from 8xlarge up, 2 on 24xlarge, 4 on 48xlarge.
    "ml.g6e.xlarge": _gpu(1, 4, 32),
    "ml.g6e.2xlarge": _gpu(1, 8, 64),
    "ml.g6e.4xlarge": _gpu(1, 16, 128),
    "ml.g6e.8xlarge": _gpu(1, 32, 256, efa_devices=1),
    "ml.g6e.12xlarge": _gpu(4, 48, 384, efa_devices=1),
    "ml.g6e.16xlarge": _gpu(1, 64, 512, efa_devices=1),
    "ml.g6e.24xlarge": _gpu(4, 96, 768, efa_devices=2),
    "ml.g6e.48xlarge": _gpu(8, 192, 1536, efa_devices=4),
}

CPU_SHAPES: dict[str, InstanceShape] = {
    # General purpose (Intel Xeon Platinum 8175/8259), 4 GiB per vCPU.
    "ml.m5.large": _cpu(2, 8),
    "ml.m5.xlarge": _cpu(4, 16),
    "ml.m5.2xlarge": _cpu(8, 32),
    "ml.m5.4xlarge": _cpu(16, 64),
    "ml.m5.8xlarge": _cpu(32, 128),
    "ml.m5.12xlarge": _cpu(48, 192),
    "ml.m5.16xlarge": _cpu(64, 256),
    "ml.m5.24xlarge": _cpu(96, 384),
    # Compute optimised, 2 GiB per vCPU.
    "ml.c5.large": _cpu(2, 4),
    "ml.c5.xlarge": _cpu(4, 8),
    "ml.c5.2xlarge": _cpu(8, 16),
    "ml.c5.4xlarge": _cpu(16, 32),
    "ml.c5.9xlarge": _cpu(36, 72),
    "ml.c5.12xlarge": _cpu(48, 96),
    "ml.c5.18xlarge": _cpu(72, 144),
    "ml.c5.24xlarge": _cpu(96, 192),
    # Burstable: smoke tests and small demos, not sustained training.
    "ml.t3.medium": _cpu(2, 4),
    "ml.t3.large": _cpu(2, 8),
    "ml.t3.xlarge": _cpu(4, 16),
    "ml.t3.2xlarge": _cpu(8, 32),
}

INSTANCE_SHAPES: dict[str, InstanceShape] = {**TRAINIUM_SHAPES, **GPU_SHAPES, **CPU_SHAPES}

NEURON_PREFIXES = ("ml.trn", "ml.inf")
GPU_PREFIXES = ("ml.g", "ml.p")


def accelerator_family(instance_type: str) -> AcceleratorFamily:
    """The family of ``instance_type``: the catalog's, else guessed from the name's class
    (trn/inf Neuron, g/p NVIDIA, the rest CPU) for a type the catalog does not list yet."""
    shape = INSTANCE_SHAPES.get(instance_type)
    if shape:
        return shape.family
    if instance_type.startswith(NEURON_PREFIXES):
        return AcceleratorFamily.NEURON
    if instance_type.startswith(GPU_PREFIXES):
        return AcceleratorFamily.CUDA
    return AcceleratorFamily.CPU
