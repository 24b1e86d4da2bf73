"""Maps ``spec.backend`` to a Backend implementation.

Entries are import paths, loaded on first use, so that an operator that never sees a
SageMaker job never imports boto3 (memory and start-up time).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from finetune_operator.api.recipe import BackendName
from finetune_operator.backends.base import Backend, InvalidSpecError
from finetune_operator.config import OperatorConfig

BackendFactory = Callable[[OperatorConfig], Backend]

BACKENDS: dict[BackendName, str] = {
    BackendName.HYPERPOD: "finetune_operator.backends.hyperpod.backend:HyperPodBackend",
    BackendName.SAGEMAKER: "finetune_operator.backends.sagemaker.backend:SageMakerBackend",
}


def load_backend_factory(name: BackendName) -> BackendFactory:
    """Return the class (a factory taking the OperatorConfig) registered for ``name``."""
    try:
        target = BACKENDS[name]
    except KeyError:
        available = ", ".join(sorted(BACKENDS))
        raise InvalidSpecError(
            f"backend {name.value!r} is not available in this operator (available: {available})"
        ) from None
    module_name, _, attr = target.partition(":")
    factory: BackendFactory = getattr(importlib.import_module(module_name), attr)
    return factory


class BackendCache:
    """One Backend instance per name for the life of the operator process."""

    def __init__(self, config: OperatorConfig) -> None:
        self._config = config
        self._backends: dict[BackendName, Backend] = {}

    def get(self, name: BackendName) -> Backend:
        if name not in self._backends:
            self._backends[name] = load_backend_factory(name)(self._config)
        return self._backends[name]
