"""Maps ``spec.backend`` to a Backend implementation and to what it asks the operator to watch.

Implementations are import paths, loaded on first use, so that an operator that never sees
a SageMaker job never imports boto3 (memory and start-up time). Watch declarations are
plain data from light modules: the operator registers them at start-up.

Adding a backend: write ``backends/<name>/`` (a Backend subclass; its Watches if it
creates Kubernetes objects; its settings model if it has settings), add its name to the
API (``BackendName`` and the CRD's enum) and one entry here (docs/architecture.md).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from finetune_operator.api.recipe import BackendName
from finetune_operator.backends.base import Backend
from finetune_operator.backends.hyperpod.watches import HYPERPOD_WATCHES
from finetune_operator.errors import InvalidSpecError
from finetune_operator.watches import Watches

if TYPE_CHECKING:
    from kubernetes import client

    from finetune_operator.config import OperatorConfig


@dataclass(frozen=True)
class Registration:
    implementation: str
    """``module:Class`` of the Backend subclass; the class takes (OperatorConfig, ApiClient | None)."""
    watches: Watches = field(default_factory=Watches)
    settings: str | None = None
    """``module:Model`` of the backend's section of the operator config (named after the
    backend), when it has settings; a light module, imported when the section is validated."""


BACKENDS: dict[BackendName, Registration] = {
    BackendName.HYPERPOD: Registration(
        "finetune_operator.backends.hyperpod.backend:HyperPodBackend", watches=HYPERPOD_WATCHES
    ),
    BackendName.SAGEMAKER: Registration(
        "finetune_operator.backends.sagemaker.backend:SageMakerBackend",
        settings="finetune_operator.backends.sagemaker.settings:SageMakerSettings",
    ),
}


def backend_class(name: BackendName) -> type[Backend]:
    """The Backend subclass registered for ``name`` (imported on first use)."""
    try:
        target = BACKENDS[name].implementation
    except KeyError:
        available = ", ".join(sorted(BACKENDS))
        raise InvalidSpecError(
            f"backend {name.value!r} is not available in this operator (available: {available})"
        ) from None
    cls: type[Backend] = _load(target)
    return cls


def backend_settings_model(name: BackendName) -> type[BaseModel] | None:
    """The model of ``name``'s section of the operator config, if it registered one."""
    registration = BACKENDS.get(name)
    if registration is None or registration.settings is None:
        return None
    model: type[BaseModel] = _load(registration.settings)
    return model


def check_backend_settings(config: OperatorConfig) -> None:
    """Validate each backend's section of ``config`` with the settings model it registered, so
    that a bad section stops the operator at start (and ``render`` before it renders), not at
    the first job of that backend. A section for a backend without settings is refused too."""
    for name in config.backend_settings:
        model = backend_settings_model(name)
        if model is None:
            raise ValueError(f"operator config section {name.value!r}: backend {name.value} has no settings")
        try:
            config.settings_of(name, model)
        except ValidationError as err:
            raise ValueError(f"operator config section {name.value!r}: {err}") from None


def _load(target: str) -> Any:
    module_name, _, attr = target.partition(":")
    return getattr(importlib.import_module(module_name), attr)


class BackendCache:
    """One Backend instance per name for the life of the operator process.

    ``api_client`` is the operator's Kubernetes client, shared with the backends that
    create Kubernetes objects; None creates one on first use (``render`` needs none).
    """

    def __init__(self, config: OperatorConfig, api_client: client.ApiClient | None = None) -> None:
        check_backend_settings(config)
        self._config = config
        self._api_client = api_client
        self._backends: dict[BackendName, Backend] = {}

    def get(self, name: BackendName) -> Backend:
        if name not in self._backends:
            self._backends[name] = backend_class(name)(self._config, self._api_client)
        return self._backends[name]
