#!/usr/bin/env bash
# Creates (once) the virtualenv in which the trainer's Neuron path runs on torch-xla's CPU device, and
# links it at ./.venv-neuron.
#
# It is the Neuron image's Python stack, not the main suite's (whose torch and transformers are newer):
# trainer-images/neuron/requirements.txt (what the Dockerfile installs) and base-image.txt (what AWS's
# base image brings: torch 2.8.0 and torch-xla 2.8.1 from PyPI here; neuronx-distributed 0.15.0 from
# its unchanged source in ../shared/vendor, since AWS's index cannot be reached). The hardware-only
# packages (torch_neuronx, neuronxcc, libneuronxla) are not installed: the tests stand in for them
# (trainer-images/trainer/tests/neuron_fixtures/). The folder name is a hash of those inputs, so a
# warm machine reuses it and a changed pin builds a fresh one. torch 2.8.0 from PyPI is the CUDA build
# (about 4 GB with its nvidia-* wheels, which `import torch` needs even on the CPU): it lives in
# ~/.cache.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cache=${TESTBED_CACHE:-$HOME/.cache/finetune-operator}
python=${PYTHON:-python3}
vendor=${NEURONX_DISTRIBUTED_SRC:-$root/../shared/vendor/neuronx-distributed-0.15.0}
if [ ! -f "$vendor/setup.py" ]; then
  echo "[neuron-venv] neuronx-distributed 0.15.0's source is missing at $vendor (../shared/vendor beside the checkout)" >&2
  exit 1
fi
key=$(cat trainer-images/neuron/requirements.txt trainer-images/neuron/base-image.txt hack/neuron-venv.sh \
  <(cd "$vendor" && find src setup.py -type f -name '*.py' -print0 | sort -z | xargs -0 sha256sum) \
  | sha256sum | cut -c1-16)
venv=$cache/venvs/neuron-$key
if [ ! -f "$venv/.complete" ]; then
  echo "[neuron-venv] creating $venv (first time: several minutes, torch 2.8.0 is large)" >&2
  rm -rf "$venv"
  mkdir -p "$cache/venvs"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --upgrade pip setuptools wheel
  # Pins without comments; optimum-neuron alone without its dependencies: its `neuronx` extra names
  # packages only AWS's index serves, and everything it needs is pinned in the same file.
  pins=$(grep -hvE '^\s*(#|$)' trainer-images/neuron/base-image.txt trainer-images/neuron/requirements.txt \
    | grep -vE '^(neuronx-distributed|optimum-neuron)')
  optimum_neuron=$(grep -oE '^optimum-neuron(\[[a-z,]+\])?==[0-9.]+' trainer-images/neuron/requirements.txt \
    | sed -E 's/\[[a-z,]+\]//')
  # shellcheck disable=SC2086
  "$venv/bin/pip" install --quiet $pins
  "$venv/bin/pip" install --quiet --no-deps "$optimum_neuron"
  # neuronx-distributed's setup.py names AWS-only packages as dependencies: its code is pure Python.
  # pip builds a local folder in place: it builds a copy, so ../shared stays unchanged.
  build=$(mktemp -d)
  trap 'rm -rf "$build"' EXIT
  cp -r "$vendor" "$build/neuronx-distributed"
  "$venv/bin/pip" install --quiet --no-deps --no-build-isolation "$build/neuronx-distributed"
  # The `finetune-train` console script the pod runs. The tests put the checkout's trainer source first
  # on PYTHONPATH, so this copy only provides the entry point.
  "$venv/bin/pip" install --quiet --no-deps trainer-images/trainer
  touch "$venv/.complete"
fi
ln -sfn "$venv" .venv-neuron
echo "[neuron-venv] ready: .venv-neuron -> $venv" >&2
