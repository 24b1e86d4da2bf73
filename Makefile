# finetune-operator: the one entry point. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV        := .venv
PY          := $(VENV)/bin/python
CACHE       := $(HOME)/.cache/finetune-operator
# The system Python, from this directory: the bed's CLI (hack/testbed/) needs only the standard
# library, so cluster-up/down work before the virtualenv exists (and in .ci/run's exit trap).
TESTBED     := python3 -m hack.testbed
PYTEST_ARGS ?=
# Four pytest-xdist workers: the two bed lanes (BED_LANES in tests/conftest.py) on two, the unit
# and trainer modules on the others, so the bed's waits overlap the trainer's CPU work and the
# Neuron module (minutes of one process) runs beside the rest.
PARALLEL ?= -n 4
# One intra-op thread per test process: the workers already share the cores (torch would start
# one thread per CPU in each). The trainer tests' own runs set the same (trainer_testkit.py).
PYTEST      := OMP_NUM_THREADS=1 $(PY) -m pytest
# mypy's cache outlives the checkout, so a fresh clone's lint checks only what changed.
export MYPY_CACHE_DIR := $(CACHE)/mypy
# The venv under ~/.cache is shared by every checkout of this machine, and its editable
# install points at one of them: this checkout's code always comes first (the operator, the
# trainer and the contract package both install, docs/architecture.md).
export PYTHONPATH := $(CURDIR)/operator:$(CURDIR)/trainer-images/trainer/src:$(CURDIR)/trainer-images/contract/src

.PHONY: help system-packages install neuron-env testbed-binaries images prepare lint test pytest test-unit test-cluster cluster-up cluster-down \
        cluster-status cluster-kubeconfig chart-crds trainer-config-schema chart-values-schema demo bench clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-20s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

system-packages: ## Install the missing Debian packages the bed needs (apt-get, as root; quick when all are there)
	@bash hack/system-packages.sh

install: system-packages ## Create the virtualenv (cached under ~/.cache, linked at .venv)
	@bash hack/venv.sh

neuron-env: system-packages ## Create the Neuron image's stack as a virtualenv (cached, linked at .venv-neuron): the trainer's Neuron path runs in it on torch-xla's CPU device
	@bash hack/neuron-venv.sh

testbed-binaries: system-packages ## Build the test-bed binaries from Go modules (cached; rebuilt only when hack/versions.env changes)
	@bash hack/build-testbed.sh

images: system-packages ## Build the real node's images with buildah (cached by their inputs; see docs/testbed.md)
	@bash hack/build-images.sh

lint: install testbed-binaries ## ruff, mypy, hadolint on the Dockerfiles, checkov on the rendered chart (its helm is a bed binary)
	$(VENV)/bin/ruff check operator tests bench hack trainer-images/trainer trainer-images/contract
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy trainer-images/trainer/src/finetune_trainer
	@find Dockerfile trainer-images -name Dockerfile -print0 | xargs -0 -r $(VENV)/bin/hadolint
	@bash hack/checkov.sh

trainer-config-schema: install ## Regenerate the trainer config's JSON Schema (in the contract package) from the operator's model
	$(PY) hack/trainer_config_schema.py

chart-values-schema: install ## Regenerate the `config` section of the chart's values.schema.json from the operator's config model
	$(PY) -m hack.chart_values_schema

prepare: system-packages ## Install both virtualenvs, build the test-bed binaries and the images side by side (pip and the image builds wait on the network and the disk, go on the CPU)
	@$(MAKE) --no-print-directory -j4 install neuron-env testbed-binaries images

test: prepare ## Run everything: lint beside the unit tests and the cluster tests on the local bed
	@$(MAKE) --no-print-directory -j2 lint pytest

pytest: prepare ## The whole pytest suite, without lint (what `make test` runs beside lint: its first minute starts the bed and waits)
	$(PYTEST) $(PARALLEL) $(PYTEST_ARGS)

test-unit: install neuron-env ## Unit tests only (no cluster; the trainer's Neuron tests included)
	$(PYTEST) -m unit $(PYTEST_ARGS)

test-cluster: install testbed-binaries images ## Cluster tests only (starts or reuses the bed)
	$(PYTEST) -m cluster $(PYTEST_ARGS)

cluster-up: testbed-binaries images ## Start the local bed: control plane, etcd, kwok nodes, the real node, training-operator
	@$(TESTBED) up

cluster-down: ## Stop every bed process
	@$(TESTBED) down

cluster-status: ## Report each bed component
	@$(TESTBED) status

cluster-kubeconfig: ## Print the bed's kubeconfig path (use: KUBECONFIG=$(make -s cluster-kubeconfig))
	@$(TESTBED) kubeconfig

demo: install cluster-up ## Run the main job on the embedded local cluster (see hack/demo.py)
	$(PY) -m hack.demo

bench: install ## Run the benchmarks (bench/*.py); each prints one JSON line last
	@for b in bench/*.py; do echo "== $$b"; $(PY) -m bench.$$(basename $$b .py) || exit 1; done

clean: cluster-down ## Stop the bed and remove its state (keeps ~/.cache)
	rm -rf .testbed
