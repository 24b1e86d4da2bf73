"""Pure rendering of one HyperPod attempt (its PyTorchJob) and of a namespace's trainer identity.

Everything here follows docs/trainer-contract.md and the platform facts for Kubeflow
training-operator v1.7, HyperPod, and the Neuron, NVIDIA and EFA device plugins
(docs/accelerators.md). No I/O: golden-file tests in tests/golden/hyperpod pin the output.
"""

from __future__ import annotations

import copy
import posixpath
import shlex
from typing import Any

from finetune_contract.constants import RESUME_AUTO, TRAINER_CONFIG_PATH
from finetune_operator import yamlio
from finetune_operator.api.job import KIND, AutoResume, FineTuneJob
from finetune_operator.api.recipe import API_GROUP, API_VERSION
from finetune_operator.attempt import AttemptRequest, ResolvedResources
from finetune_operator.backends.hyperpod.watches import PYTORCHJOB_API_VERSION, PYTORCHJOB_KIND
from finetune_operator.errors import InvalidSpecError
from finetune_operator.instances import INSTANCE_SHAPES
from finetune_operator.naming import (
    DEFAULT_TRAINER_CLUSTER_ROLE,
    TRAINER_IDENTITY,
    attempt_labels,
    trainer_identity_labels,
)
from finetune_operator.pod_security import CONTAINER_SECURITY_CONTEXT, pod_security_context
from finetune_operator.storage import normalise, within

CONTAINER_NAME = "pytorch"  # the training-operator requires this name
CONTAINER_PORT = 23456
CONFIG_MOUNT_DIR, _, CONFIG_KEY = TRAINER_CONFIG_PATH.rpartition("/")
CONFIG_ANNOTATION = f"{API_GROUP}/trainer-config"
"""Pod-template annotation holding the resolved training config, projected into the pod as
CONFIG_MOUNT_DIR/CONFIG_KEY by a downwardAPI volume: the config travels inside the
attempt's PyTorchJob, so an attempt is one object, created atomically. A job with ConfigMap
modules gets a projected volume instead, which adds their files below CODE_DIR (one mount:
a volume cannot be mounted inside another, read-only, one)."""
MAX_CONFIG_BYTES = 128 * 1024
"""Kubernetes caps an object's annotations at 256 KiB in total; a config this large is
already a mistake (e.g. a mixture listing every shard)."""
LAUNCHER = ["python", "-m", "finetune_trainer.launch"]
"""torchrun plus the contract's exit codes (143 after a SIGTERM checkpoint, 2 for a rejected config):
plain torchrun exits 1 in both cases, and restartPolicy/the operator must tell them apart."""
TERMINATION_GRACE_SECONDS = 120
"""Above the images' TORCH_ELASTIC_SHUTDOWN_TIMEOUT=100: a deleted pod's workers get 100 s to write
their SIGTERM checkpoint before torchrun kills them, and the kubelet waits for that (SageMaker's
StopTrainingJob grace is 120 s too)."""

ANNOTATION_AUTO_RESUME = "sagemaker.amazonaws.com/enable-job-auto-resume"
ANNOTATION_MAX_RETRY = "sagemaker.amazonaws.com/job-max-retry-count"
LABEL_KUEUE_QUEUE = "kueue.x-k8s.io/queue-name"
LABEL_KUEUE_PRIORITY = "kueue.x-k8s.io/priority-class"
LABEL_INSTANCE_TYPE = "node.kubernetes.io/instance-type"
LABEL_NODE_HEALTH = "sagemaker.amazonaws.com/node-health-status"
LABEL_DEEP_HEALTH = "sagemaker.amazonaws.com/deep-health-check-status"
RESOURCE_NEURON = "aws.amazon.com/neuron"
RESOURCE_GPU = "nvidia.com/gpu"
RESOURCE_EFA = "vpc.amazonaws.com/efa"
NEURON_TAINT = "aws.amazon.com/neuron"
GPU_TAINT = "nvidia.com/gpu"
"""The taint HyperPod's NVIDIA device plugin tolerates (its Helm chart's values): GPU nodes may
carry it to keep pods that need no GPU away."""
CUDA_ENV = {
    "NCCL_SOCKET_IFNAME": "^lo",
    "TORCH_NCCL_ASYNC_ERROR_HANDLING": "1",
    "PYTORCH_CUDA_ALLOC_CONF": "expandable_segments:True",
}
"""What AWS's HyperPod and EKS PyTorchJob samples set on GPU pods (docs/accelerators.md cites
them): NCCL bootstraps over the pod's interface, not loopback; a failed or timed-out collective
ends the process, so the attempt fails and resumes from its checkpoint instead of hanging."""
NEURON_CC_BASE_FLAGS = "--model-type transformer --distribution-strategy=llm-training"


def owner_reference(job: FineTuneJob) -> dict[str, Any]:
    """Garbage collection deletes children with the job; blockOwnerDeletion orders it."""
    return {
        "apiVersion": f"{API_GROUP}/{API_VERSION}",
        "kind": KIND,
        "name": job.metadata.name,
        "uid": job.metadata.uid or "",
        "controller": True,
        "blockOwnerDeletion": True,
    }


def auto_resume_enabled(job: FineTuneJob) -> bool:
    """HyperPod honours its auto-resume annotations only in ``kubeflow`` and ``hyperpod*`` namespaces."""
    setting = job.spec.resume.auto_resume
    if setting == AutoResume.AUTO:
        namespace = job.metadata.namespace or ""
        return namespace == "kubeflow" or namespace.startswith("hyperpod")
    return setting == AutoResume.ENABLED


def validate_request(request: AttemptRequest) -> None:
    """Reject what would render but cannot run on HyperPod, naming the field to fix."""
    job = request.job
    storage = request.storage
    config = request.config
    reads = [("spec.model", config.model.path), ("spec.model.tokenizer", config.model.tokenizer)]
    reads += [("spec.data", s.path) for s in config.data.train]
    reads += [("spec.data.validation", config.data.validation.path if config.data.validation else None)]
    if config.evaluation is not None:
        reads += [
            ("spec.evaluation.data", config.evaluation.path),
            ("spec.evaluation.prompts", config.evaluation.prompts),
        ]
    reads += [(f"{module.field}.path", module.path) for module in request.code]
    for field, location in reads:
        if location:
            storage.check_read(field, location)
    for field, location in [
        ("spec.storage.checkpointDir", config.checkpointing.dir),
        ("spec.storage.outputDir", config.output.dir),
        ("spec.storage.tensorboardDir", config.logging.tensorboard_dir),
    ]:
        storage.check_write(field, location)
    if job.spec.storage.compile_cache_dir:
        storage.check_write("spec.storage.compileCacheDir", job.spec.storage.compile_cache_dir)
    resume = request.resume_from
    if resume and resume != RESUME_AUTO and not within(normalise(resume), config.checkpointing.dir):
        raise InvalidSpecError(
            f"cannot resume from {resume}: it is outside this job's checkpoint directory "
            f"{config.checkpointing.dir}; an attempt resumes only from its own job's checkpoints"
        )
    resources = request.resources
    explicit = job.spec.resources
    if resources.instance_type not in INSTANCE_SHAPES and not (
        explicit and explicit.neuron_devices is not None and explicit.processes_per_node is not None
    ):
        raise InvalidSpecError(
            f"spec.resources.instanceType: {resources.instance_type!r} is not in the HyperPod instance "
            "catalog (docs/accelerators.md lists its Trainium, NVIDIA GPU and CPU types); for a Trainium "
            "type it does not list yet, also set processesPerNode, neuronDevices and efaDevices"
        )
    world_size = resources.nodes * resources.processes_per_node
    tensor_parallel = config.parallelism.tensor_parallel
    if resources.neuron_devices and world_size % tensor_parallel:
        raise InvalidSpecError(
            f"parallelism.tensorParallel={tensor_parallel} does not divide the {world_size} processes "
            f"({resources.nodes} nodes x {resources.processes_per_node}); change spec.resources or override "
            "parallelism.tensorParallel"
        )


def render_attempt(
    request: AttemptRequest, trainer_cluster_role: str = DEFAULT_TRAINER_CLUSTER_ROLE
) -> list[dict[str, Any]]:
    """Every object attempt ``request.attempt`` needs, in creation order: the namespace's
    trainer identity (created once per namespace), then the PyTorchJob."""
    validate_request(request)
    namespace = request.job.metadata.namespace or ""
    return [*render_trainer_identity(namespace, trainer_cluster_role), render_pytorchjob(request)]


def render_trainer_identity(namespace: str, trainer_cluster_role: str) -> list[dict[str, Any]]:
    """The ServiceAccount that every trainer pod of ``namespace`` runs as, and its RoleBinding
    to the chart's trainer ClusterRole: patch FineTuneJob status (the progress channel).

    One per namespace, not per job: two objects fewer to write for every job. Per-job least
    privilege is kept by the chart's ValidatingAdmissionPolicy, which admits a report only
    from a pod of the job being patched (its token is bound to the pod). Not owned by any
    job, so deleting one job leaves the identity for the others. A ClusterRole, not a Role of
    the operator's making: the operator may ``bind`` only that role (resourceNames), so it
    needs no permission to create Roles and cannot grant anything else.
    """
    meta = {"name": TRAINER_IDENTITY, "namespace": namespace, "labels": trainer_identity_labels()}
    return [
        {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": meta},
        {
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "RoleBinding",
            "metadata": meta,
            "roleRef": {
                "apiGroup": "rbac.authorization.k8s.io",
                "kind": "ClusterRole",
                "name": trainer_cluster_role,
            },
            "subjects": [{"kind": "ServiceAccount", "name": TRAINER_IDENTITY, "namespace": namespace}],
        },
    ]


def render_trainer_config(request: AttemptRequest) -> str:
    config = yamlio.dump_documents([request.config.model_dump(mode="json")])
    if len(config.encode()) > MAX_CONFIG_BYTES:
        raise InvalidSpecError(
            f"the resolved training config is {len(config.encode())} bytes, over the {MAX_CONFIG_BYTES} "
            "bytes an attempt can carry; list fewer data sources (point at a directory instead of "
            "every file) or shorten overrides"
        )
    return config


def trainer_command(request: AttemptRequest) -> list[str]:
    """The trainer's launcher (torchrun with contract exit codes); rendezvous comes from PET_* env.

    Every attempt passes ``--resume-from auto``, never the checkpoint it starts from by name: an
    attempt's pods are recreated from this same command within the attempt (HyperPod auto-resume,
    an un-suspend, Kueue admitting a preempted attempt again, the training-operator restarting a
    pod that exited 143), and they must continue from the newest checkpoint the attempt wrote
    since, not from the one it started from, which ``keepLast`` may have removed meanwhile (the
    trainer would refuse the missing checkpoint with exit 2, and the job would fail
    ``InvalidSpec``). ``auto`` takes this job's newest complete checkpoint (with none, it starts
    fresh); on the attempt's first start that is the one ``status.attempts[].resumedFrom`` names,
    or a newer one the trainer wrote after its last report.
    """
    train = [
        *LAUNCHER,
        f"--nproc_per_node={request.resources.processes_per_node}",
        "--",
        "--config",
        TRAINER_CONFIG_PATH,
        "--resume-from",
        RESUME_AUTO,
    ]
    if request.attempt == 1 and request.config.neuron.precompile and request.resources.neuron_devices:
        # The trial run only extracts and compiles graphs; its outputs are invalid, so it must not
        # report status (FINETUNE_STATUS_REPORTING) nor write checkpoints or outputs
        # (FINETUNE_PRECOMPILE makes the trainer run just the steps that trace every graph).
        command = shlex.join(train)
        script = (
            f"FINETUNE_STATUS_REPORTING=none FINETUNE_PRECOMPILE=1 neuron_parallel_compile {command} "
            f"&& exec {command}"
        )
        return ["bash", "-c", script]
    return train


def _env(request: AttemptRequest) -> list[dict[str, str]]:
    job = request.job
    resources = request.resources
    env = {
        "FINETUNE_JOB_NAMESPACE": job.metadata.namespace or "",
        "FINETUNE_JOB_NAME": job.metadata.name,
        "FINETUNE_ATTEMPT": str(request.attempt),
        "FINETUNE_STATUS_REPORTING": "kubernetes",
    }
    if resources.efa_devices:
        env["FI_PROVIDER"] = "efa"
        if _efa_rdma(resources):
            env["FI_EFA_USE_DEVICE_RDMA"] = "1"
        env["FI_EFA_FORK_SAFE"] = "1"
    if resources.gpus:
        env |= CUDA_ENV
    if resources.neuron_devices:
        cache = request.storage.compile_cache_dir
        env |= {
            "NEURON_RT_NUM_CORES": str(resources.neuron_cores),
            "NEURON_CC_FLAGS": f"{NEURON_CC_BASE_FLAGS} --cache_dir={cache}",
            "NEURON_COMPILE_CACHE_URL": cache,
            "XLA_DISABLE_FUNCTIONALIZATION": "0",
            "MALLOC_ARENA_MAX": "64",
        }
    return [{"name": k, "value": v} for k, v in env.items()]


def _efa_rdma(resources: ResolvedResources) -> bool:
    """RDMA over EFA where the catalog says the type has it; an uncatalogued type gets here only
    as Trainium (validate_request), whose EFA has it."""
    shape = INSTANCE_SHAPES.get(resources.instance_type)
    return shape.efa_rdma if shape else bool(resources.neuron_devices)


def _affinity(job: FineTuneJob) -> dict[str, Any] | None:
    scheduling = job.spec.scheduling
    if not scheduling.node_health_affinity and not scheduling.deep_health_check_passed_only:
        return None
    required: list[dict[str, Any]] = []
    if scheduling.node_health_affinity:
        required.append({"key": LABEL_NODE_HEALTH, "operator": "In", "values": ["Schedulable"]})
    deep = {"key": LABEL_DEEP_HEALTH, "operator": "In", "values": ["Passed"]}
    node_affinity: dict[str, Any] = {}
    if scheduling.deep_health_check_passed_only:
        required.append(deep)
    else:
        node_affinity["preferredDuringSchedulingIgnoredDuringExecution"] = [
            {"weight": 100, "preference": {"matchExpressions": [deep]}}
        ]
    node_affinity["requiredDuringSchedulingIgnoredDuringExecution"] = {
        "nodeSelectorTerms": [{"matchExpressions": required}]
    }
    return {"nodeAffinity": node_affinity}


def _container_limits(request: AttemptRequest) -> dict[str, str]:
    """Devices, CPU and memory of one pod; requests equal limits (Guaranteed QoS: the last
    pods the kubelet evicts, and whole CPUs for the static CPU manager). CPU and memory come
    from the instance type; an instance type the catalog does not know gets devices only."""
    resources = request.resources
    limits: dict[str, str] = {}
    shape = INSTANCE_SHAPES.get(resources.instance_type)
    if shape:
        limits |= {"cpu": str(shape.trainer_cpus), "memory": f"{shape.trainer_memory_gib}Gi"}
    if resources.neuron_devices:
        limits[RESOURCE_NEURON] = str(resources.neuron_devices)
    if resources.gpus:
        limits[RESOURCE_GPU] = str(resources.gpus)
    if resources.efa_devices:
        limits[RESOURCE_EFA] = str(resources.efa_devices)
    return limits


def _storage_mounts(request: AttemptRequest) -> list[dict[str, Any]]:
    """The claim, mounted once per root the job may use: its own directory (and the Neuron
    compile cache) read-write, the read roots read-only. The pod sees nothing else of the
    shared volume, so the confinement holds even against a trainer image that ignores its config."""
    cache = request.storage.compile_cache_dir if request.resources.neuron_devices else None
    mounts = []
    for path, sub_path, read_only in request.storage.mounts(cache):
        mount: dict[str, Any] = {"name": "storage", "mountPath": path}
        if sub_path:
            mount["subPath"] = sub_path
        if read_only:
            mount["readOnly"] = True
        mounts.append(mount)
    return mounts


def _config_volume(request: AttemptRequest) -> dict[str, Any]:
    """The trainer's config (from the pod's annotation) and, with them, the job's ConfigMap
    modules at ``CODE_DIR/<configmap>/<key>``, unmodified, read-only."""
    annotation = {"fieldPath": f"metadata.annotations['{CONFIG_ANNOTATION}']"}
    config = {"items": [{"path": CONFIG_KEY, "fieldRef": annotation}]}
    if not request.code_files:
        return {"name": "config", "downwardAPI": config}
    sources: list[dict[str, Any]] = [{"downwardAPI": config}]
    for code in request.code_files:
        directory = posixpath.relpath(code.directory, CONFIG_MOUNT_DIR)
        items = [{"key": key, "path": f"{directory}/{key}"} for key in code.files]
        sources.append({"configMap": {"name": code.config_map, "items": items}})
    return {"name": "config", "projected": {"sources": sources}}


def _pod_template(request: AttemptRequest) -> dict[str, Any]:
    job = request.job
    resources = request.resources
    storage = job.spec.storage
    limits = _container_limits(request)
    container: dict[str, Any] = {
        "name": CONTAINER_NAME,
        "image": request.image,
        "imagePullPolicy": "IfNotPresent",
        "command": trainer_command(request),
        "env": _env(request),
        "ports": [{"name": "pytorchjob-port", "containerPort": CONTAINER_PORT}],
        "resources": {"requests": dict(limits), "limits": dict(limits)},
        "securityContext": CONTAINER_SECURITY_CONTEXT,
        "volumeMounts": [
            *_storage_mounts(request),
            {"name": "config", "mountPath": CONFIG_MOUNT_DIR, "readOnly": True},
            {"name": "dshm", "mountPath": "/dev/shm"},
        ],
    }
    pod_spec: dict[str, Any] = {
        "serviceAccountName": TRAINER_IDENTITY,
        "securityContext": pod_security_context(request.storage.run_as),
        "terminationGracePeriodSeconds": TERMINATION_GRACE_SECONDS,
        "nodeSelector": {LABEL_INSTANCE_TYPE: resources.instance_type},
        "containers": [container],
        "volumes": [
            {"name": "storage", "persistentVolumeClaim": {"claimName": storage.claim_name}},
            _config_volume(request),
            {"name": "dshm", "emptyDir": {"medium": "Memory"}},
        ],
    }
    taint = NEURON_TAINT if resources.neuron_devices else GPU_TAINT if resources.gpus else None
    if taint:
        pod_spec["tolerations"] = [{"key": taint, "operator": "Exists", "effect": "NoSchedule"}]
    affinity = _affinity(job)
    if affinity:
        pod_spec["affinity"] = affinity
    return {
        "metadata": {
            "labels": attempt_labels(job.metadata.name, request.attempt),
            "annotations": {CONFIG_ANNOTATION: render_trainer_config(request)},
        },
        "spec": pod_spec,
    }


def render_pytorchjob(request: AttemptRequest) -> dict[str, Any]:
    """A Master (+ Workers) PyTorchJob; the training-operator injects torchrun's rendezvous env."""
    job = request.job
    labels = attempt_labels(job.metadata.name, request.attempt)
    scheduling = job.spec.scheduling
    if scheduling.queue_name:
        labels[LABEL_KUEUE_QUEUE] = scheduling.queue_name
    if scheduling.priority_class:
        labels[LABEL_KUEUE_PRIORITY] = scheduling.priority_class
    metadata: dict[str, Any] = {
        "name": request.child_name,
        "namespace": job.metadata.namespace,
        "labels": labels,
        "ownerReferences": [owner_reference(job)],
    }
    if auto_resume_enabled(job):
        metadata["annotations"] = {
            ANNOTATION_AUTO_RESUME: "true",
            ANNOTATION_MAX_RETRY: str(job.spec.resume.auto_resume_max_retries),
        }
    # backoffLimit 0: a crashed trainer fails the attempt at once, and the operator resumes it
    # from the latest checkpoint (an in-place container restart would start attempt 1 afresh).
    # cleanPodPolicy Running: a finished attempt frees its Trainium nodes but keeps failed
    # pods (and their logs) for inspection.
    run_policy: dict[str, Any] = {"cleanPodPolicy": "Running", "backoffLimit": 0, "suspend": job.spec.suspend}
    if request.remaining_runtime_seconds is not None:
        run_policy["activeDeadlineSeconds"] = request.remaining_runtime_seconds
    template = _pod_template(request)
    replica_specs: dict[str, Any] = {
        "Master": {"replicas": 1, "restartPolicy": "OnFailure", "template": template},
    }
    if request.resources.nodes > 1:
        replica_specs["Worker"] = {
            "replicas": request.resources.nodes - 1,
            "restartPolicy": "OnFailure",
            "template": copy.deepcopy(template),
        }
    return {
        "apiVersion": PYTORCHJOB_API_VERSION,
        "kind": PYTORCHJOB_KIND,
        "metadata": metadata,
        "spec": {
            "nprocPerNode": str(request.resources.processes_per_node),
            "runPolicy": run_policy,
            "pytorchReplicaSpecs": replica_specs,
        },
    }
