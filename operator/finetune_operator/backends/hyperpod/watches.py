"""What the HyperPod backend asks the operator to watch: its attempts' PyTorchJobs and their pods
(the training-operator copies the PyTorchJob's pod template labels to them), and the trainer
identity it keeps in every namespace with jobs (re-created when someone deletes it)."""

from __future__ import annotations

from finetune_operator.backends.hyperpod.observe import observation_fingerprint, pod_fingerprint
from finetune_operator.naming import trainer_identity_labels
from finetune_operator.watches import ChildKind, SharedKind, Watches

PYTORCHJOB_API_VERSION = "kubeflow.org/v1"
PYTORCHJOB_KIND = "PyTorchJob"
PYTORCHJOB_PLURAL = "pytorchjobs"
POD_KIND = "Pod"

HYPERPOD_WATCHES = Watches(
    children=(
        ChildKind(PYTORCHJOB_API_VERSION, PYTORCHJOB_KIND, PYTORCHJOB_PLURAL, observation_fingerprint),
        # Pods only wake their job when what blocks them changes, and not before the look due
        # after a submission; the backend keeps their blockers from these events, so observing
        # an attempt reads no pod.
        ChildKind("v1", POD_KIND, "pods", pod_fingerprint, unseen="", waits_for_due_look=True),
    ),
    shared=tuple(
        SharedKind(api_version, plural, trainer_identity_labels())
        for api_version, plural in (
            ("v1", "serviceaccounts"),
            ("rbac.authorization.k8s.io/v1", "rolebindings"),
        )
    ),
)
