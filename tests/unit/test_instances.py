"""The instance catalog against AWS's own data, and what each accelerator family defaults to.

EC2's DescribeInstanceTypes answers, as moto ships them (moto/ec2/resources/instance_types.json.gz,
a snapshot of the real API's answers), are the reference for vCPUs, memory, GPUs, Neuron devices
and EFA interfaces: a number typed wrong in the catalog fails here, not on a cluster.
"""

from __future__ import annotations

import gzip
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from finetune_operator.instances import (
    CPU_SHAPES,
    GPU_SHAPES,
    INSTANCE_SHAPES,
    AcceleratorFamily,
    accelerator_family,
)

EC2_INSTANCE_TYPES: dict[str, Any] = json.loads(
    gzip.decompress((resources.files("moto.ec2") / "resources" / "instance_types.json.gz").read_bytes())
)
REQUIRED = (
    ["ml.p4d.24xlarge", "ml.p4de.24xlarge", "ml.p5.48xlarge", "ml.p5e.48xlarge", "ml.p5en.48xlarge"]
    + [f"ml.{g}.{size}" for g in ("g5", "g6", "g6e") for size in ("xlarge", "2xlarge", "4xlarge", "8xlarge")]
    + [
        f"ml.{g}.{size}"
        for g in ("g5", "g6", "g6e")
        for size in ("12xlarge", "16xlarge", "24xlarge", "48xlarge")
    ]
)


@pytest.mark.parametrize("instance_type", sorted(INSTANCE_SHAPES))
def test_the_catalog_matches_ec2s_description_of_the_type(instance_type: str) -> None:
    shape = INSTANCE_SHAPES[instance_type]
    ec2 = EC2_INSTANCE_TYPES[instance_type.removeprefix("ml.")]
    assert shape.vcpus == ec2["VCpuInfo"]["DefaultVCpus"]
    assert shape.memory_gib * 1024 == ec2["MemoryInfo"]["SizeInMiB"]
    assert shape.gpus == sum(g["Count"] for g in ec2.get("GpuInfo", {}).get("Gpus", []))
    neuron = ec2.get("NeuronInfo", {}).get("NeuronDevices", [])
    assert shape.neuron_devices == sum(d["Count"] for d in neuron)
    assert shape.neuron_cores == sum(d["Count"] * d["CoreInfo"]["Count"] for d in neuron)
    assert shape.efa_devices == ec2["NetworkInfo"].get("EfaInfo", {}).get("MaximumEfaInterfaces", 0)


def test_the_catalog_has_the_gpu_and_cpu_types_hyperpod_offers() -> None:
    assert set(REQUIRED) <= set(GPU_SHAPES)
    for prefix in ("ml.m5.", "ml.c5.", "ml.t3."):
        assert any(name.startswith(prefix) for name in CPU_SHAPES)


def test_gpudirect_rdma_over_efa_is_claimed_only_for_p4_and_p5_among_gpu_types() -> None:
    rdma = {name for name, shape in GPU_SHAPES.items() if shape.efa_rdma}
    assert rdma == {
        "ml.p4d.24xlarge",
        "ml.p4de.24xlarge",
        "ml.p5.48xlarge",
        "ml.p5e.48xlarge",
        "ml.p5en.48xlarge",
    }
    assert all(shape.efa_devices for shape in INSTANCE_SHAPES.values() if shape.efa_rdma)


@pytest.mark.parametrize(
    ("instance_type", "family"),
    [
        ("ml.trn1.32xlarge", AcceleratorFamily.NEURON),
        ("ml.p5en.48xlarge", AcceleratorFamily.CUDA),
        ("ml.g6e.xlarge", AcceleratorFamily.CUDA),
        ("ml.m5.large", AcceleratorFamily.CPU),
        # Not catalogued yet: the family follows the instance class in the name.
        ("ml.trn2.48xlarge", AcceleratorFamily.NEURON),
        ("ml.p6-b200.48xlarge", AcceleratorFamily.CUDA),
        ("ml.r7i.48xlarge", AcceleratorFamily.CPU),
    ],
)
def test_accelerator_family(instance_type: str, family: AcceleratorFamily) -> None:
    assert accelerator_family(instance_type) == family


def test_the_docs_table_is_the_catalog() -> None:
    """docs/accelerators.md lists every catalogued type with the numbers the renderer uses."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "accelerators.md").read_text()
    listed = [line for line in doc.splitlines() if line.startswith("| `ml.")]
    expected = []
    for name, shape in INSTANCE_SHAPES.items():
        if shape.neuron_devices:
            accelerators = f"{shape.neuron_devices} Trainium ({shape.neuron_cores} NeuronCores)"
        elif shape.gpus:
            accelerators = f"{shape.gpus} GPU{'s' if shape.gpus > 1 else ''}"
        else:
            accelerators = "none"
        efa = f"{shape.efa_devices}{' (RDMA)' if shape.efa_rdma else ''}"
        processes = shape.neuron_cores or shape.gpus or 1
        expected.append(
            f"| `{name}` | {shape.family.value} | {accelerators} | {efa} | {shape.vcpus} "
            f"| {shape.memory_gib} | {shape.trainer_cpus} / {shape.trainer_memory_gib}Gi | {processes} |"
        )
    assert listed == expected
