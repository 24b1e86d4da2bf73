"""Import-time stand-ins for the three Neuron packages that exist only with Trainium hardware.

The trainer's Neuron path runs here on torch-xla's CPU device (`PJRT_DEVICE=CPU`) with the real
optimum-neuron 0.4.5 and neuronx-distributed 0.15. Their `__init__` modules import the inference
tracer and the NKI kernels, which import `torch_neuronx`, `neuronxcc` and `libneuronxla`: packages
that AWS's index alone serves and that load the Neuron driver. None of them is on the training path.

A finder answers any import of those names with a module whose attributes are `StandIn` classes:
they can be built, called, indexed, subclassed and used as decorators, and compute nothing. Every
use is recorded with its phase, and written at exit as JSON to `$NEURON_STANDINS_DIR/<pid>.json`
(one file per process), as `<phase>:<how>:<name>`, where the phase is:
- `import`: while a module was being imported (NxD and optimum-neuron build NKI kernels then);
- `setup`: outside an import, before training started (NxD's model-parallel initialisation asks
  the platform target and builds a collectives config for context parallelism);
- `training`: from the moment `finetune_trainer.train.Trainer._loop` is entered, which includes
  checkpoints and the outputs' consolidation. The tests fail on any use in this phase: a result
  computed by a stand-in would prove nothing.
The log also says `process:torch._inductor compile-worker pool` when torch started that pool of
processes, which a rank must not (the tests fail on it).

Values that matter to the libraries: `torch_neuronx.utils.get_platform_target()` is "trn1" (the
instance kind of every trn1 recipe), the versions are those Neuron SDK 2.26 ships, and
`libneuronxla.libneuronpjrt_path` is absent (torch-xla probes it to switch to the Neuron PJRT
plugin; absent, it stays on the CPU device). One patch is not a stand-in:
`neuronx_distributed.parallel_layers.utils.is_pjrt_device` returns True, because NxD takes its PJRT
branch only for `PJRT_DEVICE=NEURON` and otherwise reads `xenv.HOST_WORLD_SIZE`, which torch-xla 2.8
no longer has; on Trainium the PJRT branch is the one that runs.
"""

from __future__ import annotations

import atexit
import functools
import importlib.abc
import importlib.machinery
import json
import os
import sys
import types
from typing import Any

HARDWARE_ONLY = ("torch_neuronx", "neuronxcc", "libneuronxla")
ABSENT = ("libneuronxla.libneuronpjrt_path",)
VERSIONS = {"torch_neuronx": "2.8.0.2.10.16998", "neuronxcc": "2.21.33363.0", "libneuronxla": "2.2.12677.0"}
PLATFORM_TARGET = "trn1"

uses: dict[str, dict[str, Any]] = {}
training_started = False


def _record(name: str, how: str) -> None:
    frames = []
    frame = sys._getframe(2)
    while frame is not None:  # cheaper than traceback.extract_stack, which reads every source line
        frames.append(frame)
        frame = frame.f_back
    importing = any("importlib._bootstrap" in f.f_code.co_filename for f in frames)
    phase = "import" if importing else "training" if training_started else "setup"
    key = f"{phase}:{how}:{name}"
    entry = uses.get(key)
    if entry is None:
        outside = (f for f in frames if f.f_code.co_filename != __file__)
        caller = next((f for f in outside if "importlib" not in f.f_code.co_filename), None)
        where = f"{caller.f_code.co_filename}:{caller.f_lineno}" if caller else "?"
        entry = uses[key] = {"count": 0, "firstCaller": where}
    entry["count"] += 1


class _StandInType(type):
    qualified = "StandIn"

    def __getattr__(cls, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        return _stand_in(f"{cls.qualified}.{attr}")

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        _record(cls.qualified, "call")
        if cls.qualified == "torch_neuronx.utils.get_platform_target":
            return PLATFORM_TARGET
        return type.__call__(cls)

    def __getitem__(cls, item: Any) -> Any:
        _record(cls.qualified, "index")
        return _stand_in(f"{cls.qualified}[]")


class StandIn(metaclass=_StandInType):
    """An instance: calling it with one function (a decorator) returns a stand-in named after it."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        name = f"{type(self).qualified}()"
        _record(name, "call")
        if len(args) == 1 and callable(args[0]) and not kwargs:
            return _stand_in(f"{name}({getattr(args[0], '__name__', '?')})")
        return _stand_in(name)

    def __getitem__(self, item: Any) -> Any:
        _record(type(self).qualified, "index")
        return _stand_in(f"{type(self).qualified}[]")

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        return _stand_in(f"{type(self).qualified}.{attr}")


def _stand_in(qualified: str) -> type:
    return _StandInType(qualified.rsplit(".", 1)[-1], (StandIn,), {"qualified": qualified})


class _StandInModule(types.ModuleType):
    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        qualified = f"{self.__name__}.{attr}"
        _record(qualified, "attribute")
        value = _stand_in(qualified)
        setattr(self, attr, value)
        return value


def _patch_nxd_parallel_utils(module: types.ModuleType) -> None:
    module.is_pjrt_device = lambda: True  # type: ignore[attr-defined]
    _record("neuronx_distributed.parallel_layers.utils.is_pjrt_device", "patch")


def _mark_training_start(module: types.ModuleType) -> None:
    """Wraps the trainer's loop: every stand-in use from its first call on is a training use."""
    loop = module.Trainer._loop  # type: ignore[attr-defined]

    @functools.wraps(loop)
    def marked(*args: Any, **kwargs: Any) -> Any:
        global training_started
        training_started = True
        _record_compile_worker_pool()
        return loop(*args, **kwargs)

    module.Trainer._loop = marked  # type: ignore[attr-defined]


PATCHES = {
    "neuronx_distributed.parallel_layers.utils": _patch_nxd_parallel_utils,
    "finetune_trainer.train": _mark_training_start,
}


class _PatchingLoader(importlib.abc.Loader):
    def __init__(self, real: Any, patch: Any) -> None:
        self.real, self.patch = real, patch

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self.real.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        self.real.exec_module(module)
        self.patch(module)


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if fullname in PATCHES:
            spec = importlib.machinery.PathFinder.find_spec(fullname, path)
            if spec is not None:
                spec.loader = _PatchingLoader(spec.loader, PATCHES[fullname])
            return spec
        if fullname in ABSENT or fullname.split(".")[0] not in HARDWARE_ONLY:
            return None
        return importlib.machinery.ModuleSpec(fullname, self, is_package=True)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        module = _StandInModule(spec.name)
        module.__path__ = []  # a package: its submodules come through this finder too
        if spec.name in VERSIONS:
            module.__version__ = VERSIONS[spec.name]  # type: ignore[attr-defined]
        if spec.name == "torch_neuronx":
            # The real package's C++ library registers TorchScript classes torch.classes.neuron.*;
            # NxD's inference tracer names them in annotations at import time.
            import torch

            torch.classes.neuron = _StandInModule("torch.classes.neuron")  # type: ignore[attr-defined]
        _record(spec.name, "module")
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        pass


def _record_compile_worker_pool() -> None:
    """Not a stand-in: whether torch._inductor started its pool of compile-worker processes (the
    trainer keeps it from starting: `TORCH_WARM_POOL`, finetune_trainer/neuron.py). Asked when
    training starts: torch shuts the pool down at exit."""
    async_compile = sys.modules.get("torch._inductor.async_compile")
    if async_compile is not None and async_compile.AsyncCompile.process_pool.cache_info().currsize:
        uses["process:torch._inductor compile-worker pool"] = {"count": 1, "firstCaller": "?"}


def _write_log() -> None:
    directory = os.environ.get("NEURON_STANDINS_DIR")
    if directory:
        with open(os.path.join(directory, f"{os.getpid()}.json"), "w", encoding="utf-8") as out:
            json.dump(dict(sorted(uses.items())), out, indent=1)


def install() -> None:
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
        atexit.register(_write_log)
